// Package documents writes the outgoing documents of 星级考评: files the
// program produces for people to print, send or keep — an assessment scheme
// as the Excel sheet offices already use (WriteSchemeSheet), the forms a
// period sends out (WriteUnitForm, WriteReviewForm), the office's own
// entries workbook (WriteEntries), and later notices, certificates and
// result tables. It reads nothing back; package importers reads the files
// people bring, this package's own exports included.
package documents
