package documents

import "github.com/xuri/excelize/v2"

// sheetWriter writes one worksheet, keeping the first error so that a
// writer can be called many times and checked once.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	row   int // the last row written
	err   error
}

func (w *sheetWriter) do(err error) {
	if w.err == nil {
		w.err = err
	}
}

// set writes v (nothing when nil) into a cell and styles it.
func (w *sheetWriter) set(col, row int, v any, style int) {
	ref := cell(col, row)
	if v != nil {
		w.do(w.f.SetCellValue(w.sheet, ref, v))
	}
	w.do(w.f.SetCellStyle(w.sheet, ref, ref, style))
}

// merge writes v into the top-left cell of a rectangle, styles all of it
// and merges it when it is more than one cell.
func (w *sheetWriter) merge(fromCol, fromRow, toCol, toRow int, v any, style int) {
	w.set(fromCol, fromRow, v, style)
	w.do(w.f.SetCellStyle(w.sheet, cell(fromCol, fromRow), cell(toCol, toRow), style))
	if toCol > fromCol || toRow > fromRow {
		w.do(w.f.MergeCell(w.sheet, cell(fromCol, fromRow), cell(toCol, toRow)))
	}
}

// printSetup sets A4 in the given orientation, one page wide, narrow
// margins, the header rows firstHeader..lastHeader repeated on every page,
// page numbers in the footer and the panes frozen below the header.
func (w *sheetWriter) printSetup(orientation string, firstHeader, lastHeader int) {
	f, s := w.f, w.sheet
	w.do(f.SetPageLayout(s, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: ptr(orientation), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}))
	w.do(f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
	w.do(f.SetPageMargins(s, &excelize.PageLayoutMarginsOptions{
		Left: ptr(0.4), Right: ptr(0.4), Top: ptr(0.6), Bottom: ptr(0.6), Header: ptr(0.3), Footer: ptr(0.3),
		Horizontally: ptr(true),
	}))
	w.do(f.SetHeaderFooter(s, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}))
	w.do(f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: "'" + s + "'!$" + itoa(firstHeader) + ":$" + itoa(lastHeader), Scope: s,
	}))
	w.do(f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: lastHeader,
		TopLeftCell: cell(1, lastHeader+1), ActivePane: "bottomLeft"}))
}
