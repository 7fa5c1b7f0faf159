// Package entries reads back the office's entries workbook (录入表, written
// by documents.WriteEntries): review scores typed by each department, facts,
// vetoes and own stars, each a model.Entry.
//
// The workbook is recognised by its very hidden identity only: it is made
// by the office for itself, never sent out, so a copy without its identity
// is refused. Rows and columns are found by their hidden keys (package
// formspec). Every input cell is checked as the forms' are (numbers, ranges,
// 是/否), then against the period (units in scope, the scheme's facts and
// vetoes) and by the caller's own check.
//
// A cell becomes an entry when its value differs both from what stands now
// (ReadSpec.Current) and from what the workbook was written with (its very
// hidden record of pre-filled values): a cell the clerk left alone never
// overwrites what was entered elsewhere after the workbook was made, and a
// blank where something stood clears it. Read returns either every entry or
// every problem, each naming file, sheet and cell and saying what to do; it
// never takes part of a file.
package entries

import (
	"encoding/json"
	"strconv"

	"xingji/importers"
	"xingji/model"
	"xingji/model/formspec"
)

// ReadSpec is what an entries workbook is read against.
type ReadSpec struct {
	Period *model.Period
	// Units are the units in scope; Members the members of those units.
	Units   []model.Unit
	Members []model.Member
	// Current is what stands now for each key; Old of each entry comes from
	// it.
	Current map[model.EntryKey]string
	// Check, optional, is the domain check of one entry (range, ownership,
	// scope, a defined fact or veto). Its error text is Chinese without a
	// position; Read puts the file, sheet and cell before it.
	Check func(model.Entry) error
}

// Result is what Read found: every entry, or every problem and no entries.
type Result struct {
	// Entries have PeriodID, the key, Dept (for a score), Value, Old,
	// Reason, DocNo, File, Sheet and Cell set; the caller adds User and At.
	Entries []model.Entry
	// Problems are whole sentences: "文件名，工作表“考评得分”，第7行 E列：…。请…".
	Problems []string
}

// MaxProblems is the most problems reported for one workbook; one with more
// is almost certainly not the workbook it seems, and the list says so.
const MaxProblems = 200

// Read reads an entries workbook. name is the file name as the user knows
// it (used in messages); data its bytes. The error is for a call without a
// period; everything wrong with the file is in Result.Problems.
func Read(name string, data []byte, spec ReadSpec) (Result, error) {
	if spec.Period == nil {
		return Result{}, model.Errorf(model.EInternal, "读取录入表时没有指定考评周期")
	}
	r := newReader(name, spec)
	t, err := importers.OpenBytes(name, data)
	if err != nil {
		if e, ok := err.(*importers.Error); ok {
			r.errs = append(r.errs, e.At(name, "", 0, 0, ""))
		} else {
			r.errs = append(r.errs, &importers.Error{File: name, Message: err.Error(), Err: err})
		}
		return r.result(), nil
	}
	r.table = t
	if id, ok := r.identify(); ok {
		r.readPrefill()
		r.readSheets(id)
	}
	return r.result(), nil
}

type reader struct {
	name    string
	spec    ReadSpec
	p       *model.Period
	dept    *string // nil: the whole office's workbook
	table   *importers.Table
	errs    importers.Errors
	entries []model.Entry
	units   map[string]model.Unit // by subject key, in scope
	byCode  map[string]model.Unit // by cleaned code
	byName  map[string][]model.Unit
	members map[string]model.Member // by subject key
	// prefill is what the workbook was written with; nil when its record
	// is missing, and then cells are compared with Current alone.
	prefill map[model.EntryKey]written
}

// written is one pre-filled value of the workbook.
type written struct{ value, reason, docNo string }

func newReader(name string, spec ReadSpec) *reader {
	r := &reader{name: name, spec: spec, p: spec.Period, units: map[string]model.Unit{},
		byCode: map[string]model.Unit{}, byName: map[string][]model.Unit{}, members: map[string]model.Member{}}
	for _, u := range spec.Units {
		if len(r.p.Units) > 0 && !r.p.InScope(u.ID) {
			continue
		}
		r.units[formspec.UnitSubject(u.ID).String()] = u
		r.byCode[importers.Clean(u.Code)] = u
		n := importers.Clean(u.Name)
		r.byName[n] = append(r.byName[n], u)
	}
	for _, m := range spec.Members {
		if _, ok := r.units[formspec.UnitSubject(m.UnitID).String()]; ok {
			r.members[formspec.MemberSubject(m.ID).String()] = m
		}
	}
	return r
}

func (r *reader) result() Result {
	if len(r.errs) > 0 {
		res := Result{Problems: make([]string, len(r.errs))}
		for i, e := range r.errs {
			res.Problems[i] = e.Error()
		}
		return res
	}
	return Result{Entries: r.entries}
}

// fail records a problem at a sheet and cell (0: none).
func (r *reader) fail(sheet string, row, col int, msg, hint string) {
	if len(r.errs) == MaxProblems {
		r.errs = append(r.errs, &importers.Error{File: r.name,
			Message: "问题太多，只列出前 " + strconv.Itoa(MaxProblems) + " 个", Hint: "请确认选的是本期的录入表"})
	}
	if len(r.errs) > MaxProblems {
		return
	}
	r.errs = append(r.errs, &importers.Error{File: r.name, Sheet: sheet, Row: row, Col: col, Message: msg, Hint: hint})
}

const (
	hintRegenerate = "请在“考评结果”页点“导出录入表…”重新生成本期的录入表，填写后再导入"
	hintNoEdit     = "请勿修改隐藏的工作表和隐藏的第1行、A列"
)

// identify reads the identity and checks it against the period.
func (r *reader) identify() (model.FormIdentity, bool) {
	var id model.FormIdentity
	var idSheet *importers.Sheet
	for _, sh := range r.table.Sheets {
		if importers.Clean(sh.Cell(1, 1).Text) == formspec.IdentityMarker {
			idSheet = sh
			break
		}
	}
	if idSheet == nil {
		r.fail("", 0, 0, "这不是星级考评生成的录入表（找不到表单标识）",
			"请在“考评结果”页点“导出录入表…”生成本期的录入表，填写后再导入；党组织和考评部门交回的表格请在“考评收件”页面导入")
		return id, false
	}
	if err := json.Unmarshal([]byte(idSheet.Cell(2, 1).Text), &id); err != nil {
		r.fail(idSheet.Name, 2, 1, "表单标识已损坏，无法读取", hintRegenerate)
		return id, false
	}
	if id.Product != model.FormProduct {
		r.fail(idSheet.Name, 2, 1, "表单标识的格式“"+id.Product+"”无法识别，可能来自更新版本的星级考评", "请升级星级考评，或用当前版本重新生成录入表")
		return id, false
	}
	if id.Checksum != id.ComputeChecksum() {
		r.fail(idSheet.Name, 2, 1, "表单标识的校验码不符：标识中的考评周期、部门或方案版本被改动过", hintRegenerate+"；"+hintNoEdit)
		return id, false
	}
	p := r.p
	if id.Form != model.FormEntries {
		r.fail("", 0, 0, "这是“"+id.PeriodName+"”的"+id.Form.Label()+"，不是录入表",
			"党组织和考评部门交回的表格请在“考评收件”页面导入")
		return id, false
	}
	if id.PeriodID != p.ID || id.PeriodName != p.Name {
		r.fail("", 0, 0, "这是“"+id.PeriodName+"”的录入表，不是本期（“"+p.Name+"”）的",
			"请导入本期的录入表，或在“考评结果”页点“导出录入表…”生成本期的录入表")
		return id, false
	}
	if id.Scheme != p.Scheme.Code || id.SchemeVersion != p.Scheme.Version {
		r.fail("", 0, 0, "这份录入表按方案“"+id.Scheme+"”版本“"+id.SchemeVersion+"”生成，而本期使用方案“"+p.Scheme.Code+"”版本“"+p.Scheme.Version+"”",
			hintRegenerate)
		return id, false
	}
	if ms := p.MemberScheme; id.MemberScheme != "" && (ms == nil || ms.Code != id.MemberScheme || ms.Version != id.MemberSchemeVersion) {
		r.fail("", 0, 0, "这份录入表的党员评议方案（“"+id.MemberScheme+"”版本“"+id.MemberSchemeVersion+"”）与本期不同", hintRegenerate)
		return id, false
	}
	dept, ok := formspec.EntriesDept(p, id)
	if !ok {
		r.fail("", 0, 0, "本期方案中没有由“"+id.Dept+"”考评的项目", hintRegenerate)
		return id, false
	}
	r.dept = dept
	allowed := formspec.EntriesRoles(p, dept)
	for _, role := range id.Sheets {
		if !containsRole(allowed, role) {
			r.fail(idSheet.Name, 0, 0, "表单标识列出的工作表“"+role.Label()+"”不是本期录入表应有的工作表", hintRegenerate+"；"+hintNoEdit)
			return id, false
		}
	}
	return id, true
}

func containsRole(list []model.SheetRole, role model.SheetRole) bool {
	for _, x := range list {
		if x == role {
			return true
		}
	}
	return false
}

// readPrefill reads the record of pre-filled values, when it is there.
func (r *reader) readPrefill() {
	for _, sh := range r.table.Sheets {
		if importers.Clean(sh.Cell(1, 1).Text) != formspec.PrefillMarker {
			continue
		}
		r.prefill = map[model.EntryKey]written{}
		for row := 2; row <= len(sh.Rows); row++ {
			text := func(col int) string { return sh.Cell(row, col).Text }
			key := model.EntryKey{Subject: text(1), Kind: model.EntryKind(text(2)), Name: text(3), Field: text(4)}
			if key.Subject != "" {
				r.prefill[key] = written{value: text(5), reason: text(6), docNo: text(7)}
			}
		}
		return
	}
}

// readSheets reads each sheet the identity names.
func (r *reader) readSheets(id model.FormIdentity) {
	found := importers.KeyedSheets(r.table)
	for _, role := range id.Sheets {
		k := found[role]
		if k == nil {
			r.fail("", 0, 0, "找不到工作表“"+role.Label()+"”（或其中隐藏的标记已被删除）",
				"请使用生成的录入表填写，不要删除工作表或隐藏的第1行、A列")
			continue
		}
		switch role {
		case model.RoleEntryScores:
			r.readScores(k)
		case model.RoleEntryFacts:
			r.readFacts(k, &r.p.Scheme, false)
		case model.RoleEntryMemberFacts:
			r.readFacts(k, r.p.MemberScheme, true)
		case model.RoleEntryVetoes:
			r.readVetoes(k)
		case model.RoleEntryOwnStars:
			r.readOwnStars(k)
		}
	}
}

// same reports whether two stored values are the same: equal as numbers
// when both are, else as text.
func same(a, b string) bool {
	if a == b {
		return true
	}
	da, errA := model.ParseDecimal(a)
	db, errB := model.ParseDecimal(b)
	return errA == nil && errB == nil && da.Equal(db)
}

// change decides whether the value s read for key is an entry: it is when
// s differs from what stands now and from what the workbook was written
// with. old is what stands now.
func (r *reader) change(key model.EntryKey, s string) (old string, changed bool) {
	old = r.spec.Current[key]
	if same(s, old) {
		return old, false
	}
	if r.prefill != nil && same(s, r.prefill[key].value) {
		return old, false // left as written; what stands now was entered since
	}
	return old, true
}

// emit checks an entry found at a cell and keeps it, or reports why not.
func (r *reader) emit(e model.Entry, sheet string, row, col int) {
	e.PeriodID, e.File, e.Sheet = r.p.ID, r.name, sheet
	if row > 0 && col > 0 {
		e.Cell = cellRef(row, col)
	}
	if r.spec.Check != nil {
		if err := r.spec.Check(e); err != nil {
			r.fail(sheet, row, col, err.Error(), "")
			return
		}
	}
	r.entries = append(r.entries, e)
}

func cellRef(row, col int) string { return importers.ColumnName(col) + strconv.Itoa(row) }

func itoa(n int) string { return strconv.Itoa(n) }
