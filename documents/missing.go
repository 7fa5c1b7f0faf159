package documents

import (
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// WriteMissingList writes the lines of a status board still waiting for a
// file (model.StatusState.Waiting: missing, or rejected with nothing
// accepted) as a workbook to call round from: 序号, 党组织/部门, 编码, 书记,
// 联系电话, 情况, 退回原因 and a blank column for notes of the call, A4
// portrait at one page wide. It returns the number of lines.
func WriteMissingList(w io.Writer, b model.StatusBoard, now time.Time) (int, error) {
	f := excelize.NewFile()
	defer f.Close()
	fail := func(err error) (int, error) {
		return 0, &model.Error{Code: model.EInternal, Message: "生成未提交名单失败", Err: err}
	}
	st, err := newFormStyles(f)
	if err != nil {
		return fail(err)
	}
	const name = "未提交名单"
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return fail(err)
	}
	fw := &formWriter{sheetWriter: sheetWriter{f: f, sheet: name}, st: st}
	// The columns add up to the 115 characters the list had before the
	// phone column, so the print scale does not shrink.
	fw.widths(5, 24, 10, 9, 13, 8, 32, 14)
	n := 0
	for _, r := range b.Rows {
		if r.State.Waiting() {
			n++
		}
	}
	fw.heading(9, b.PeriodName+" 未提交名单",
		"截至 "+now.Format("2006年1月2日 15:04")+"，共 "+itoa(len(b.Rows))+" 份，已提交 "+itoa(b.Submitted)+
			" 份，未提交 "+itoa(b.Missing+b.Rejected)+" 份（其中被退回 "+itoa(b.Rejected)+" 份）。")
	fw.row++
	header := fw.row
	for i, h := range []string{"序号", "党组织 / 部门", "编码", "书记", "联系电话", "情况", "退回原因", "联系记录"} {
		fw.set(2+i, fw.row, h, st.header)
	}
	k := 0
	for _, r := range b.Rows {
		if !r.State.Waiting() {
			continue
		}
		k++
		fw.row++
		who := r.UnitName
		if r.Form == model.FormReview {
			who = r.Dept + "（考评表）"
		}
		why := strings.Join(r.Problems, "\n")
		if len([]rune(why)) > 600 {
			why = string([]rune(why)[:600]) + "……"
		}
		for i, v := range []any{k, who, r.UnitCode, r.Secretary, r.Phone, r.State.Label(), why, ""} {
			style := st.text
			if i == 0 || i == 5 {
				style = st.center
			}
			fw.set(2+i, fw.row, v, style)
		}
		fw.do(f.SetRowHeight(name, fw.row, min(max(22, rowHeightFor(why, 32)), maxRowHeight)))
	}
	if k == 0 {
		fw.row++
		fw.merge(2, fw.row, 9, fw.row, "全部已提交。", st.text)
	}
	fw.printSetup("portrait", header, header)
	if fw.err != nil {
		return fail(fw.err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fail(err)
	}
	return n, nil
}

// rowHeightFor estimates the height of a row whose tallest text is text in
// a column width characters wide.
func rowHeightFor(text string, width float64) float64 {
	return lineHeight(10)*float64(lines1(text, width)) + 6
}
