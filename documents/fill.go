package documents

import (
	"io"

	"github.com/xuri/excelize/v2"

	"xingji/model"
	"xingji/model/formspec"
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
		kr, kc := formspec.KeyRow-1, formspec.KeyCol-1 // 0-based
		if len(rows) <= kr || len(rows[kr]) <= kc {
			continue
		}
		role, ok := formspec.SheetRoleOf(rows[kr][kc])
		if !ok {
			continue
		}
		colKeys := rows[kr]
		for ri := kr + 1; ri < len(rows); ri++ {
			if len(rows[ri]) <= kc || rows[ri][kc] == "" {
				continue
			}
			for ci := kc + 1; ci < len(colKeys); ci++ {
				if colKeys[ci] == "" {
					continue
				}
				v := fill(role, rows[ri][kc], colKeys[ci])
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
