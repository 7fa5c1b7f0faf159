// Package forms reads the forms 星级考评 sends out for a period — a unit's
// workbook (自评表, 党员评议表, 满意度测评, 承诺台账) or a department's 考评表 —
// back from the files the branches return, whoever saved them last (Excel,
// WPS, LibreOffice) and whatever they did to them on the way: renamed files
// and sheets, inserted or hidden rows, merged cells, numbers typed as text,
// full-width digits, "4.5分", formulas.
//
// A file is recognised by the identity in its very hidden sheet, or, when
// that sheet is gone (a copy pasted into a new workbook, a CSV), by the
// lines the form prints above its table ("党组织：…（编码 …）", "考评周期：…").
// Rows and columns are found by the hidden keys in column A and row 1.
// Every cell is checked against the frozen scheme of the period; Read
// returns either every value with its sheet and cell, or every problem
// found, each naming file, sheet and cell and saying what to do. It never
// takes part of a file.
package forms

import (
	"encoding/json"
	"strings"

	"xingji/importers"
	"xingji/model"
	"xingji/model/formspec"
)

// Catalog is what the reader checks a file against: the periods, the units
// and the members of each unit. It is built once for a batch of files.
type Catalog struct {
	Periods []model.Period
	Units   map[int64]model.Unit
	// Members lists the members of each unit, for 党员评议表.
	Members map[int64][]model.Member
}

// Period returns the period with the given id, or nil.
func (c *Catalog) Period(id int64) *model.Period {
	for i := range c.Periods {
		if c.Periods[i].ID == id {
			return &c.Periods[i]
		}
	}
	return nil
}

// Result is what Read found in one file. Identity is set whenever the file
// could be tied to a period and a unit or department, even when it is
// rejected, so that the status board can show the rejection on the right
// line. Errors empty means the file is accepted with Values.
type Result struct {
	Identity model.FormIdentity
	Period   *model.Period // nil when the file could not be tied to a period
	Values   []model.EntryValue
	Errors   importers.Errors
	// ByHeaders is true when the identity sheet was missing and the file was
	// recognised by the lines above its table.
	ByHeaders bool
}

// MaxErrors is the most problems reported for one file; a file with more is
// almost certainly not the form it seems, and the list says so.
const MaxErrors = 200

// Read reads one returned form. name is the file name as the user knows it
// (used in messages); data its bytes.
func Read(name string, data []byte, cat *Catalog) *Result {
	res := &Result{}
	t, err := importers.OpenBytes(name, data)
	if err != nil {
		res.Errors = append(res.Errors, asError(err, name))
		return res
	}
	r := &reader{name: name, cat: cat, res: res, table: t}
	r.identify()
	if len(res.Errors) > 0 || res.Period == nil {
		return res
	}
	r.readSheets()
	if len(res.Errors) > 0 {
		res.Values = nil
	}
	return res
}

func asError(err error, name string) *importers.Error {
	if e, ok := err.(*importers.Error); ok {
		return e.At(name, "", 0, 0, "")
	}
	return &importers.Error{File: name, Message: err.Error(), Err: err}
}

type reader struct {
	name  string
	cat   *Catalog
	res   *Result
	table *importers.Table
	unit  model.Unit
}

func (r *reader) fail(sheet string, row, col int, msg, hint string) {
	if len(r.res.Errors) == MaxErrors {
		r.res.Errors = append(r.res.Errors, &importers.Error{File: r.name,
			Message: "问题太多，只列出前 " + itoa(MaxErrors) + " 个", Hint: "请确认选的是本期下发的填报表"})
	}
	if len(r.res.Errors) > MaxErrors {
		return
	}
	r.res.Errors = append(r.res.Errors, &importers.Error{File: r.name, Sheet: sheet, Row: row, Col: col, Message: msg, Hint: hint})
}

const (
	hintRedownload = "请使用考核办本期下发的表格重新填写，或请考核办重新生成这份表"
	hintNoEdit     = "请勿修改隐藏的工作表和隐藏的行列"
)

// identify finds the form's identity and ties it to a period and a unit or
// department, checking each step.
func (r *reader) identify() {
	id, ok, sheet := r.hiddenIdentity()
	if sheet != "" && !ok {
		return // the identity sheet is there but damaged: already reported
	}
	if !ok {
		id, ok = r.headerIdentity()
		if !ok {
			r.fail("", 0, 0, "无法识别这份文件：它不是星级考评下发的填报表或考评表（没有表单标识，表头中也找不到“党组织：…（编码 …）”和“考评周期：…”）",
				"请使用考核办下发的表格填写后再导入；如果是自己制作的表格，请把数据抄到下发的表格中")
			return
		}
		r.res.ByHeaders = true
	}
	r.res.Identity = id
	if id.Form == model.FormEntries {
		// The office's own workbook, dropped in with the returned forms:
		// it is read as entries, never kept as a submission.
		r.fail("", 0, 0, "这是考核办自己填写的录入表（“"+id.PeriodName+"”），不是下发给党组织或考评部门的表格",
			"请在“考评结果”页点“导入录入表…”导入")
		return
	}
	p := r.cat.Period(id.PeriodID)
	if p == nil || p.Name != id.PeriodName {
		r.fail(sheet, 0, 0, "这份表属于考评周期“"+id.PeriodName+"”，本数据库中没有这个考评周期",
			"请确认导入到了正确的数据文件，或使用本期下发的表格重新填写")
		return
	}
	if p.Scheme.Code != id.Scheme || p.Scheme.Version != id.SchemeVersion {
		r.fail(sheet, 0, 0, "这份表按方案“"+id.Scheme+"”版本“"+id.SchemeVersion+"”生成，而本期使用方案“"+p.Scheme.Code+"”版本“"+p.Scheme.Version+"”",
			hintRedownload)
		return
	}
	if ms := p.MemberScheme; id.MemberScheme != "" && (ms == nil || ms.Code != id.MemberScheme || ms.Version != id.MemberSchemeVersion) {
		r.fail(sheet, 0, 0, "这份表的党员评议方案（“"+id.MemberScheme+"”版本“"+id.MemberSchemeVersion+"”）与本期不同", hintRedownload)
		return
	}
	switch id.Form {
	case model.FormUnit:
		u, ok := r.cat.Units[id.UnitID]
		if !ok || u.Code != id.UnitCode {
			r.fail(sheet, 0, 0, "这份表属于党组织“"+id.UnitName+"”（编码 "+id.UnitCode+"），本数据库中没有这个党组织",
				"请确认导入到了正确的数据文件；如果党组织的编码改过，请考核办重新生成这份表")
			return
		}
		if !p.InScope(u.ID) {
			r.fail(sheet, 0, 0, "党组织“"+u.Name+"”不在考评周期“"+p.Name+"”的参评范围内", "如需参评，请先在考评周期中加入这个党组织，再重新生成表格")
			return
		}
		r.unit = u
	case model.FormReview:
		found := false
		for _, d := range p.Departments() {
			found = found || model.DeptLabel(d) == model.DeptLabel(id.Dept)
		}
		if !found {
			r.fail(sheet, 0, 0, "本期方案中没有由“"+model.DeptLabel(id.Dept)+"”考评的项目", hintRedownload)
			return
		}
	default:
		r.fail(sheet, 0, 0, "表单标识中的表单类型“"+string(id.Form)+"”无法识别", hintRedownload)
		return
	}
	if extra := extraSheets(id, p); len(extra) > 0 {
		r.fail(sheet, 0, 0, "表单标识列出的工作表“"+strings.Join(extra, "”“")+"”不是本期"+id.Form.Label()+"应有的工作表",
			hintRedownload+"；"+hintNoEdit)
		return
	}
	r.res.Period = p
	if p.Status == model.PeriodClosed {
		r.fail("", 0, 0, "考评周期“"+p.Name+"”已关闭，不再接收填报", "如确需补报，请考核办先重新打开这个考评周期")
	}
}

// extraSheets returns the labels of the sheets the identity names that the
// period's forms of its kind do not have (党员评议表 in a period that does
// not appraise members, say): an identity made by hand or by another
// program, which the sheet readers must not be trusted with.
func extraSheets(id model.FormIdentity, p *model.Period) []string {
	allowed := []model.SheetRole{model.RoleReview}
	if id.Form == model.FormUnit {
		allowed = formspec.UnitFormRoles(p)
	}
	var extra []string
	for _, role := range id.Sheets {
		ok := false
		for _, a := range allowed {
			ok = ok || a == role
		}
		if !ok {
			extra = append(extra, role.Label())
		}
	}
	return extra
}

// hiddenIdentity reads the identity sheet. sheet is the identity sheet's
// name when one was found; ok is false when it is missing or damaged (a
// damaged one is reported).
func (r *reader) hiddenIdentity() (id model.FormIdentity, ok bool, sheet string) {
	for _, sh := range r.table.Sheets {
		if importers.Clean(sh.Cell(1, 1).Text) != formspec.IdentityMarker {
			continue
		}
		sheet = sh.Name
		text := sh.Cell(2, 1).Text
		if err := json.Unmarshal([]byte(text), &id); err != nil {
			r.fail(sh.Name, 2, 1, "表单标识已损坏，无法读取", hintRedownload)
			return id, false, sheet
		}
		if id.Product != model.FormProduct {
			r.fail(sh.Name, 2, 1, "表单标识的格式“"+id.Product+"”无法识别，可能来自更新版本的星级考评", "请升级星级考评，或请考核办用当前版本重新生成表格")
			return id, false, sheet
		}
		if id.Checksum != id.ComputeChecksum() {
			r.fail(sh.Name, 2, 1, "表单标识的校验码不符：标识中的考评周期、党组织或方案版本被改动过",
				hintRedownload+"；"+hintNoEdit)
			return id, false, sheet
		}
		return id, true, sheet
	}
	return id, false, ""
}

// headerIdentity recognises a form without its identity sheet by the lines
// printed above its table: "党组织：名称（编码 X）    考评周期：名称" or
// "考评周期：名称 … 考评部门：部门". The lines are compared cleaned, as
// importers.Clean folds "：（）" to ":()", and so are the names they are
// compared with.
func (r *reader) headerIdentity() (model.FormIdentity, bool) {
	var id model.FormIdentity
	var periodName, unitCode, dept string
	for _, sh := range r.table.Sheets {
		for row := 1; row <= min(8, len(sh.Rows)); row++ {
			for _, c := range sh.Rows[row-1].Cells {
				t := importers.Clean(c.Text)
				if v, ok := after(t, "考评周期:"); ok && periodName == "" {
					periodName = cut(v, "    ", "考核方案")
				}
				if v, ok := after(t, "(编码 "); ok && unitCode == "" {
					unitCode, _, _ = strings.Cut(v, ")")
					unitCode = strings.TrimSpace(unitCode)
				}
				if v, ok := after(t, "考评部门:"); ok && dept == "" {
					dept = strings.TrimSpace(v)
				}
			}
		}
	}
	if periodName == "" || (unitCode == "" && dept == "") {
		return id, false
	}
	var p *model.Period
	for i := range r.cat.Periods {
		if importers.Clean(r.cat.Periods[i].Name) == periodName {
			p = &r.cat.Periods[i]
			break
		}
	}
	if p == nil {
		id.PeriodName = periodName
		return id, true
	}
	if unitCode != "" {
		for _, u := range r.cat.Units {
			if importers.Clean(u.Code) == unitCode {
				id = formspec.UnitIdentity(p, u)
				return id, true
			}
		}
		id = model.FormIdentity{Form: model.FormUnit, PeriodID: p.ID, PeriodName: p.Name, UnitCode: unitCode, UnitName: unitCode,
			Scheme: p.Scheme.Code, SchemeVersion: p.Scheme.Version}
		return id, true
	}
	for _, d := range p.Departments() {
		if importers.Clean(model.DeptLabel(d)) == dept {
			return formspec.ReviewIdentity(p, d), true
		}
	}
	return formspec.ReviewIdentity(p, dept), true
}

// after returns what follows sep in s.
func after(s, sep string) (string, bool) {
	_, v, ok := strings.Cut(s, sep)
	return v, ok
}

// cut returns s up to the first of the stops, trimmed.
func cut(s string, stops ...string) string {
	for _, st := range stops {
		if i := strings.Index(s, st); i >= 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}
