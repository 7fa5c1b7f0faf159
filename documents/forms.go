package documents

import (
	"encoding/json"
	"strings"

	"github.com/xuri/excelize/v2"

	"xingji/model"
	"xingji/model/formspec"
)

// The forms' contract — the hidden keys, which sheets, items, fields and
// raters each form carries, the identity — is package formspec; this file
// writes it into Excel.

// LedgerRows is the number of blank lines of 承诺台账.
const LedgerRows = 20

// formStyles are the cell styles of the forms.
type formStyles struct {
	title, subtitle, header, text, center, number, section, input, inputText, blocked, foot int
}

func newFormStyles(f *excelize.File) (formStyles, error) {
	border, font, align := thinBorder, cellFont, cellAlign
	fill := solidFill
	open := &excelize.Protection{Locked: false}
	var st formStyles
	var err error
	for _, d := range []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(16, true), Alignment: align("center")}},
		{&st.subtitle, excelize.Style{Font: font(10, false), Alignment: align("left")}},
		{&st.header, excelize.Style{Font: font(10, true), Alignment: align("center"), Border: border, Fill: fill("D9D9D9")}},
		{&st.text, excelize.Style{Font: font(10, false), Alignment: align("left"), Border: border}},
		{&st.center, excelize.Style{Font: font(10, false), Alignment: align("center"), Border: border}},
		{&st.number, excelize.Style{Font: font(10, false), Alignment: align("center"), Border: border, CustomNumFmt: ptr("0.####")}},
		{&st.section, excelize.Style{Font: font(10, true), Alignment: align("left"), Border: border, Fill: fill("F2F2F2")}},
		{&st.input, excelize.Style{Font: font(11, false), Alignment: align("center"), Border: border, Fill: fill("FFF9DB"), Protection: open}},
		{&st.inputText, excelize.Style{Font: font(10, false), Alignment: align("left"), Border: border, Fill: fill("FFF9DB"), Protection: open}},
		{&st.blocked, excelize.Style{Font: font(10, false), Alignment: align("center"), Border: border, Fill: fill("BFBFBF")}},
		{&st.foot, excelize.Style{Font: font(10, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}},
	} {
		if *d.id, err = f.NewStyle(&d.s); err != nil {
			return st, err
		}
	}
	return st, nil
}

// formWriter writes one sheet of a form.
type formWriter struct {
	sheetWriter
	st formStyles
}

// keys writes the hidden key row and column marker.
func (w *formWriter) keys(role model.SheetRole, cols map[int]string) {
	w.do(w.f.SetCellStr(w.sheet, cell(formspec.KeyCol, formspec.KeyRow), formspec.SheetMark(role)))
	for c, k := range cols {
		w.do(w.f.SetCellStr(w.sheet, cell(c, formspec.KeyRow), k))
	}
	keyCol := columnName(formspec.KeyCol)
	w.do(w.f.SetRowVisible(w.sheet, formspec.KeyRow, false))
	w.do(w.f.SetColVisible(w.sheet, keyCol, false))
	w.do(w.f.SetColWidth(w.sheet, keyCol, keyCol, 12))
}

// rowKey writes the hidden key of a row.
func (w *formWriter) rowKey(row int, key string) {
	w.do(w.f.SetCellStr(w.sheet, cell(formspec.KeyCol, row), key))
}

// heading writes the title (row 2) and the subtitle lines below it across
// columns 2..lastCol, and leaves w.row on the last of them.
func (w *formWriter) heading(lastCol int, title string, lines ...string) {
	w.merge(2, 2, lastCol, 2, title, w.st.title)
	w.do(w.f.SetRowHeight(w.sheet, 2, 30))
	w.row = 2
	for _, l := range lines {
		w.row++
		w.merge(2, w.row, lastCol, w.row, l, w.st.subtitle)
		w.do(w.f.SetRowHeight(w.sheet, w.row, 18))
	}
}

// widths sets the widths of columns 2.. in characters.
func (w *formWriter) widths(ws ...float64) {
	for i, x := range ws {
		c := columnName(i + 2)
		w.do(w.f.SetColWidth(w.sheet, c, c, x))
	}
}

// protect locks every cell but the input cells; no password, so the office
// can lift it, but a branch cannot overwrite titles and points by mistake.
func (w *formWriter) protect() {
	w.do(w.f.ProtectSheet(w.sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
}

// validate adds a data validation to a range of cells.
func (w *formWriter) validate(sqref string, fd model.Field, title string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	switch {
	case fd.Kind == model.FieldFlag:
		w.do(dv.SetDropList([]string{formspec.FlagYes, formspec.FlagNo}))
	case fd.Min != nil || fd.Max != nil:
		lo, hi := -1e9, 1e9
		if fd.Min != nil {
			lo = fd.Min.Float()
		}
		if fd.Max != nil {
			hi = fd.Max.Float()
		}
		t := excelize.DataValidationTypeDecimal
		if fd.Int {
			t = excelize.DataValidationTypeWhole
		}
		w.do(dv.SetRange(lo, hi, t, excelize.DataValidationOperatorBetween))
	default:
		t := excelize.DataValidationTypeDecimal
		w.do(dv.SetRange(-1e9, 1e9, t, excelize.DataValidationOperatorBetween))
	}
	msg := "请填写" + fd.RangeText()
	dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
	dv.SetInput(title, msg)
	w.do(w.f.AddDataValidation(w.sheet, dv))
}

// writeIdentity adds the very hidden identity sheet and the document
// properties.
func writeIdentity(f *excelize.File, id model.FormIdentity, title string) error {
	text, err := json.Marshal(id)
	if err != nil {
		return err
	}
	if _, err := f.NewSheet(model.FormIdentitySheet); err != nil {
		return err
	}
	if err := f.SetCellStr(model.FormIdentitySheet, "A1", formspec.IdentityMarker); err != nil {
		return err
	}
	if err := f.SetCellStr(model.FormIdentitySheet, "A2", string(text)); err != nil {
		return err
	}
	if err := f.SetCellStr(model.FormIdentitySheet, "A3", "本工作表记录表单的身份（考评周期、党组织、方案版本和校验码），请勿修改或删除。"); err != nil {
		return err
	}
	if err := f.SetSheetVisible(model.FormIdentitySheet, false, true); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: id.Form.Label(), Creator: "星级考评",
		Description: "由星级考评生成；隐藏工作表记录表单身份，改名后仍可识别。",
	})
}

// SafeFileName replaces the characters Windows forbids in file names
// (\ / : * ? " < > |) with "_" and trims spaces.
func SafeFileName(s string) string {
	r := strings.NewReplacer(`\`, "_", "/", "_", ":", "_", "*", "_", "?", "_", `"`, "_", "<", "_", ">", "_", "|", "_")
	return strings.TrimSpace(r.Replace(s))
}

// UnitFormFileName is the file name of a unit's workbook:
// "<编码> <名称> 填报表.xlsx".
func UnitFormFileName(u model.Unit) string {
	return SafeFileName(u.Code+" "+u.Name) + " 填报表.xlsx"
}

// ReviewFormFileName is the file name of a department's review form:
// "考评表-<部门>.xlsx".
func ReviewFormFileName(dept string) string {
	return "考评表-" + SafeFileName(model.DeptLabel(dept)) + ".xlsx"
}
