package documents

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// FillFunc says what to write into one input cell of a form, given the
// sheet's role and the cell's row and column keys; nil leaves it empty.
type FillFunc func(role model.SheetRole, rowKey, colKey string) any

// FillForm fills a form's input cells as a branch would — for the demo
// submissions, tests and benchmarks — reading the form from r and writing
// the filled workbook to w. Only cells at a keyed row and a keyed column
// are touched.
func FillForm(r io.Reader, w io.Writer, fill FillFunc) error {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return &model.Error{Code: model.EInvalid, Message: "无法打开要填写的表格", Err: err}
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return &model.Error{Code: model.EInternal, Message: "读取表格失败", Err: err}
		}
		if len(rows) == 0 || len(rows[0]) == 0 || !strings.HasPrefix(rows[0][0], FormSheetMarker) {
			continue
		}
		role := model.SheetRole(strings.TrimPrefix(rows[0][0], FormSheetMarker))
		colKeys := rows[0]
		for ri := 1; ri < len(rows); ri++ {
			if len(rows[ri]) == 0 || rows[ri][0] == "" {
				continue
			}
			for ci := 1; ci < len(colKeys); ci++ {
				if colKeys[ci] == "" {
					continue
				}
				v := fill(role, rows[ri][0], colKeys[ci])
				if v == nil {
					continue
				}
				if err := f.SetCellValue(sheet, cell(ci+1, ri+1), v); err != nil {
					return &model.Error{Code: model.EInternal, Message: "填写表格失败", Err: err}
				}
			}
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return &model.Error{Code: model.EInternal, Message: "写出填好的表格失败", Err: err}
	}
	return nil
}
