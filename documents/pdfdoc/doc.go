// Package pdfdoc lays out the PDF pages of 星级考评's documents on top of
// github.com/signintech/gopdf: the embedded Chinese fonts (subset into each
// file), lines broken the way Chinese is typeset (BreakLines — never
// gopdf's own breaking, which cuts anywhere), paragraphs and tables that
// flow over pages with the header repeated, text fitted into a box
// (certificates), page numbers, and the 草稿 mark on every page of a
// period not yet final. Coordinates and sizes are millimetres from the top
// left of the page; font sizes are points.
package pdfdoc
