package documents

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// The layout every form sheet shares, which importers/forms reads back:
// column A and row 1 are hidden and hold keys. A1 holds FormSheetMarker
// followed by the sheet's role ("#xingji:self"); the other cells of row 1
// name the input columns ("value", "note", "f:3:score" …); the other cells
// of column A name the rows ("f:3:score", "m:17", "u:4" …). Rows and columns
// are found by their keys, never by position, so a branch may insert rows,
// hide them or rename the sheet without breaking the form.
const (
	// FormSheetMarker starts cell A1 of every form sheet.
	FormSheetMarker = "#xingji:"
	// FormIdentityMarker is cell A1 of the identity sheet; A2 holds the
	// identity as JSON.
	FormIdentityMarker = model.FormProduct
)

// Row and column keys.
const (
	KeyValue = "value" // the input column of 自评表 and 满意度测评
	KeyNote  = "note"  // the 说明 column
)

// FieldKey is the key of an item's field: "f:<item>:<field>".
func FieldKey(item, field string) string { return "f:" + item + ":" + field }

// MemberKey is the row key of a member: "m:<id>".
func MemberKey(id int64) string { return "m:" + strconv.FormatInt(id, 10) }

// UnitKey is the row key of a unit: "u:<id>".
func UnitKey(id int64) string { return "u:" + strconv.FormatInt(id, 10) }

// RaterKey is the column key of one rater of a source in 党员评议表:
// "s:<source>:<rater>".
func RaterKey(source, rater string) string { return "s:" + source + ":" + rater }

// Ballot row keys and the ledger's rows and columns.
const (
	BallotSatisfied   = "b:satisfied"   // 满意
	BallotBasic       = "b:basic"       // 基本满意
	BallotUnsatisfied = "b:unsatisfied" // 不满意
	// LedgerRows is the number of blank lines of 承诺台账.
	LedgerRows = 20
)

// LedgerColumns are the column keys and headers of 承诺台账.
var LedgerColumns = [][2]string{
	{"who", "承诺人（党员或班子）"}, {"what", "承诺事项"}, {"deadline", "完成时限"},
	{"state", "完成情况"}, {"evidence", "佐证材料"},
}

// LedgerStates are the choices of the 完成情况 column.
var LedgerStates = []string{"已完成", "推进中", "未完成", "已销号"}

// LedgerKey is the row key of ledger line n (1-based): "l:<n>".
func LedgerKey(n int) string { return "l:" + strconv.Itoa(n) }

// FlagYes and FlagNo are the choices of a yes/no cell.
const (
	FlagYes = "是"
	FlagNo  = "否"
)

// AppraisalRaters returns the rater columns of 党员评议表 for a member
// scheme and the members of one branch: 自评 one column; 党员互评 one column
// per member; any other source max(MinRaters, 3) numbered columns (领导点评,
// 群众参评 …). Each entry is the column key and its header.
func AppraisalRaters(s *model.Scheme, members []model.Member) []AppraisalColumn {
	var out []AppraisalColumn
	for _, src := range s.Sources {
		switch src.Code {
		case model.SourceSelf:
			out = append(out, AppraisalColumn{Source: src, Key: RaterKey(src.Code, "self"), Header: "本人自评"})
		case model.SourcePeer:
			for _, m := range members {
				out = append(out, AppraisalColumn{Source: src, Key: RaterKey(src.Code, "m"+strconv.FormatInt(m.ID, 10)),
					Header: m.Name, RaterID: m.ID})
			}
		default:
			n := max(src.MinRaters, 3)
			for i := 1; i <= n; i++ {
				out = append(out, AppraisalColumn{Source: src, Key: RaterKey(src.Code, strconv.Itoa(i)),
					Header: "评议人" + strconv.Itoa(i)})
			}
		}
	}
	return out
}

// AppraisalColumn is one rater column of 党员评议表.
type AppraisalColumn struct {
	Source  model.Source
	Key     string
	Header  string
	RaterID int64 // the member rating, for 党员互评; a member does not rate himself there
}

// SelfItems returns the items of a unit scheme that a unit of kind k fills
// in on 自评表: those that apply to the kind and are not computed from
// recorded facts, with the chain of sections above each.
func SelfItems(s *model.Scheme, k model.UnitKind) []FormItem {
	var out []FormItem
	s.Walk(func(path []*model.Section, it *model.Item) {
		if !model.AppliesToKind(model.EffectiveAppliesTo(path, it), k) {
			return
		}
		if len(it.EnteredBy) == 1 && it.EnteredBy[0] == model.SourceFacts {
			return
		}
		out = append(out, FormItem{Path: path, Item: it})
	})
	return out
}

// ReviewItems returns the items a department scores on its 考评表: those
// the review source enters and the department owns ("" for the committee).
func ReviewItems(s *model.Scheme, dept string) []FormItem {
	var out []FormItem
	s.Walk(func(path []*model.Section, it *model.Item) {
		if model.EntersBy(*s, it, model.SourceReview) && model.EffectiveDepartment(path, it) == dept {
			out = append(out, FormItem{Path: path, Item: it})
		}
	})
	return out
}

// ItemNumber is what the 序号 column shows for an item: its code when the
// code reads as a rubric's number ("3", "2.1", "12b": it starts with a
// digit and is short), else seq (when not 0) — codes such as "policy" are
// keys, not numbers for people.
func ItemNumber(it *model.Item, seq int) string {
	if c := it.Code; c != "" && c[0] >= '0' && c[0] <= '9' && utf8.RuneCountInString(c) <= 8 && !strings.ContainsAny(c, " \t") {
		return c
	}
	if seq == 0 {
		return ""
	}
	return strconv.Itoa(seq)
}

// FormItem is an item with the sections above it.
type FormItem struct {
	Path []*model.Section
	Item *model.Item
}

// HasBallot reports whether the unit scheme takes a satisfaction rate
// (fact "satisfaction") that the 满意度测评 sheet fills.
func HasBallot(s *model.Scheme) bool { return s.Fact(SatisfactionFact) != nil }

// SatisfactionFact is the fact the ballot tally sets: 满意率 in percent,
// (满意 + 基本满意) ÷ 有效票 × 100.
const SatisfactionFact = "satisfaction"

// UnitFormRoles lists the sheets of a unit's workbook for a period.
func UnitFormRoles(p *model.Period) []model.SheetRole {
	roles := []model.SheetRole{model.RoleSelf}
	if p.MemberScheme != nil {
		roles = append(roles, model.RoleAppraisal)
	}
	if HasBallot(&p.Scheme) {
		roles = append(roles, model.RoleBallot)
	}
	return append(roles, model.RoleLedger)
}

// UnitIdentity is the identity written into a unit's workbook.
func UnitIdentity(p *model.Period, u model.Unit) model.FormIdentity {
	id := model.FormIdentity{
		Product: model.FormProduct, Form: model.FormUnit, PeriodID: p.ID, PeriodName: p.Name,
		UnitID: u.ID, UnitCode: u.Code, UnitName: u.Name,
		Scheme: p.Scheme.Code, SchemeVersion: p.Scheme.Version, Sheets: UnitFormRoles(p),
	}
	if p.MemberScheme != nil {
		id.MemberScheme, id.MemberSchemeVersion = p.MemberScheme.Code, p.MemberScheme.Version
	}
	id.Checksum = id.ComputeChecksum()
	return id
}

// ReviewIdentity is the identity written into a department's review form.
func ReviewIdentity(p *model.Period, dept string) model.FormIdentity {
	id := model.FormIdentity{
		Product: model.FormProduct, Form: model.FormReview, PeriodID: p.ID, PeriodName: p.Name, Dept: dept,
		Scheme: p.Scheme.Code, SchemeVersion: p.Scheme.Version, Sheets: []model.SheetRole{model.RoleReview},
	}
	id.Checksum = id.ComputeChecksum()
	return id
}

// formStyles are the cell styles of the forms.
type formStyles struct {
	title, subtitle, header, text, center, number, section, input, inputText, blocked, foot int
}

func newFormStyles(f *excelize.File) (formStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold}
	}
	align := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
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
	w.do(w.f.SetCellStr(w.sheet, "A1", FormSheetMarker+string(role)))
	for c, k := range cols {
		w.do(w.f.SetCellStr(w.sheet, cell(c, 1), k))
	}
	w.do(w.f.SetRowVisible(w.sheet, 1, false))
	w.do(w.f.SetColVisible(w.sheet, "A", false))
	w.do(w.f.SetColWidth(w.sheet, "A", "A", 12))
}

// rowKey writes the hidden key of a row.
func (w *formWriter) rowKey(row int, key string) {
	w.do(w.f.SetCellStr(w.sheet, cell(1, row), key))
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
		w.do(dv.SetDropList([]string{FlagYes, FlagNo}))
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
	if err := f.SetCellStr(model.FormIdentitySheet, "A1", FormIdentityMarker); err != nil {
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
