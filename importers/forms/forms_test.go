package forms_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/documents"
	"xingji/importers"
	"xingji/importers/forms"
	"xingji/model"
	"xingji/scoring/builtin"
)

// The test county: two village branches in scope, one out of scope, and two
// periods — 村党支部星级评定 (manual items, members appraised, a ballot) and
// 创先争优 (rule items: counts, rates, 是/否, award levels).
const (
	villageID   = 7
	villageName = "2026年度村党支部星级评定"
	wlmqID      = 8
	wlmqName    = "2026年度创先争优考核"
)

var (
	east  = model.Unit{ID: 11, Code: "C-01", Name: "东湾村党支部", Kind: model.KindRural, Level: model.LevelBranch}
	west  = model.Unit{ID: 12, Code: "C-02", Name: "西岭村党支部", Kind: model.KindRural, Level: model.LevelBranch}
	south = model.Unit{ID: 13, Code: "C-03", Name: "南坡村党支部", Kind: model.KindRural, Level: model.LevelBranch}
)

func eastMembers() []model.Member {
	return []model.Member{
		{ID: 101, UnitID: east.ID, Name: "张三"},
		{ID: 102, UnitID: east.ID, Name: "李四"},
		{ID: 103, UnitID: east.ID, Name: "王五"},
	}
}

// newCatalog builds the catalog afresh, so each test may change it.
func newCatalog() *forms.Catalog {
	ms := builtin.MemberFlagStar()
	return &forms.Catalog{
		Periods: []model.Period{
			{ID: villageID, Name: villageName, Scheme: builtin.Village(), MemberScheme: &ms,
				Units: []int64{east.ID, west.ID}, Status: model.PeriodOpen},
			{ID: wlmqID, Name: wlmqName, Scheme: builtin.Wlmq(), Units: []int64{east.ID, west.ID}, Status: model.PeriodOpen},
		},
		Units: map[int64]model.Unit{east.ID: east, west.ID: west, south.ID: south},
		Members: map[int64][]model.Member{
			east.ID: eastMembers(),
			west.ID: {{ID: 104, UnitID: west.ID, Name: "赵六"}, {ID: 105, UnitID: west.ID, Name: "钱七"}},
		},
	}
}

// unitForm writes the blank workbook of unit u for period id.
func unitForm(t testing.TB, cat *forms.Catalog, id int64, u model.Unit) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := documents.WriteUnitForm(&b, cat.Period(id), u, cat.Members[u.ID]); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// reviewForm writes the blank 考评表 of the committee ("") for period id.
func reviewForm(t testing.TB, cat *forms.Catalog, id int64) []byte {
	t.Helper()
	p := cat.Period(id)
	var units []model.Unit
	for _, uid := range p.Units {
		units = append(units, cat.Units[uid])
	}
	var b bytes.Buffer
	if err := documents.WriteReviewForm(&b, p, "", units); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fill fills a form with documents.FillForm.
func fill(t testing.TB, form []byte, fn documents.FillFunc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := documents.FillForm(bytes.NewReader(form), &b, fn); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// villageScores are the self-assessment scores of the filled village form.
var villageScores = map[string]any{"policy": 18, "law": 19.5, "skills": 20, "livelihood": 17, "economy": 16}

const policyNote = "扣分原因：公开栏更新不及时"

// villageFill fills a village unit form as a careful branch would: every
// score, one note, every appraisal cell but the grey ones, the votes
// 37/5/3 and two ledger lines (the second without evidence).
func villageFill(role model.SheetRole, rowKey, colKey string) any {
	switch role {
	case model.RoleSelf:
		code := strings.TrimSuffix(strings.TrimPrefix(rowKey, "f:"), ":score")
		if colKey == documents.KeyValue {
			return villageScores[code]
		}
		if colKey == documents.KeyNote && code == "policy" {
			return policyNote
		}
	case model.RoleAppraisal:
		if colKey == documents.RaterKey(model.SourcePeer, "m"+strings.TrimPrefix(rowKey, "m:")) {
			return nil // the grey cell: nobody rates himself
		}
		switch {
		case rowKey == "m:101" && colKey == "s:self:self":
			return 95
		case rowKey == "m:102" && colKey == "s:peer:m101":
			return 88.5
		case rowKey == "m:103" && colKey == "s:public:5":
			return 79
		}
		return 90
	case model.RoleBallot:
		return map[string]any{documents.BallotSatisfied: 37, documents.BallotBasic: 5, documents.BallotUnsatisfied: 3}[rowKey]
	case model.RoleLedger:
		line := map[string][]any{
			"l:1": {"支部班子", "修缮村内道路2公里", "2026年6月", "已完成", "照片、验收单"},
			"l:2": {"张三", "为留守老人每月上门服务一次", "2026年12月", "推进中", nil},
		}[rowKey]
		for i, c := range documents.LedgerColumns {
			if line != nil && c[0] == colKey {
				return line[i]
			}
		}
	}
	return nil
}

// filledVillage is east's village workbook, filled by villageFill.
func filledVillage(t testing.TB, cat *forms.Catalog) []byte {
	t.Helper()
	return fill(t, unitForm(t, cat, villageID, east), villageFill)
}

// The rows of 自评表 in a village workbook: row 1 keys, 2 title, 3–4 the
// lines above the table, 5 the header, 6 the section, then one row per
// item; 填报 is column G and 说明 column H.
var villageRows = map[string]int{"policy": 7, "law": 8, "skills": 9, "livelihood": 10, "economy": 11}

const (
	colValue = 7 // G
	colNote  = 8 // H
)

// keyRows reads the hidden row keys of a sheet with excelize — not with the
// reader under test — so expectations do not depend on it.
func keyRows(t testing.TB, data []byte, sheet string) map[string]int {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for i, r := range rows {
		if i > 0 && len(r) > 0 && r[0] != "" {
			out[r[0]] = i + 1
		}
	}
	return out
}

// read reads a form and fails the test on any problem.
func read(t testing.TB, name string, data []byte, cat *forms.Catalog) *forms.Result {
	t.Helper()
	res := forms.Read(name, data, cat)
	if len(res.Errors) > 0 {
		t.Fatalf("%s rejected:\n%v", name, res.Errors)
	}
	for _, v := range res.Values {
		if v.Sheet == "" || v.Cell == "" {
			t.Errorf("value without a place: %+v", v)
		}
	}
	return res
}

// find returns the value of a field, failing when there is not exactly one.
func find(t testing.TB, vals []model.EntryValue, match func(v model.EntryValue) bool, what string) model.EntryValue {
	t.Helper()
	var got []model.EntryValue
	for _, v := range vals {
		if match(v) {
			got = append(got, v)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%s: %d values %+v", what, len(got), got)
	}
	return got[0]
}

// selfValue is the value of a field of an item on 自评表 (or its CSV).
func selfValue(t testing.TB, vals []model.EntryValue, item, field string) model.EntryValue {
	t.Helper()
	return find(t, vals, func(v model.EntryValue) bool {
		return v.Source == model.SourceSelf && v.Subject != "" && v.Subject[0] == 'u' && v.Item == item && v.Field == field
	}, item+"/"+field)
}

// wantValue checks a value, its sheet and its cell.
func wantValue(t testing.TB, v model.EntryValue, value, sheet, cell string) {
	t.Helper()
	if v.Value != value || v.Sheet != sheet || v.Cell != cell {
		t.Errorf("%s/%s/%s = %q at %s!%s, want %q at %s!%s", v.Source, v.Item, v.Field, v.Value, v.Sheet, v.Cell, value, sheet, cell)
	}
}

// wantError checks that res is rejected with exactly one problem, at the
// given place, whose text holds every fragment.
func wantError(t testing.TB, res *forms.Result, file, sheet string, row, col int, fragments ...string) *importers.Error {
	t.Helper()
	if len(res.Values) != 0 {
		t.Errorf("a rejected file must give no values, got %d", len(res.Values))
	}
	if len(res.Errors) != 1 {
		t.Fatalf("want one problem, got %d:\n%v", len(res.Errors), res.Errors)
	}
	e := res.Errors[0]
	if e.File != file || e.Sheet != sheet || e.Row != row || e.Col != col {
		t.Errorf("problem at %q/%q/%d/%d, want %q/%q/%d/%d: %s", e.File, e.Sheet, e.Row, e.Col, file, sheet, row, col, e)
	}
	for _, f := range fragments {
		if !strings.Contains(e.Error(), f) {
			t.Errorf("problem should say %q: %s", f, e)
		}
	}
	if e.Hint == "" {
		t.Errorf("problem without a hint: %s", e)
	}
	return e
}

func TestReadVillageForm(t *testing.T) {
	cat := newCatalog()
	data := filledVillage(t, cat)
	for key, row := range keyRows(t, data, "自评表") {
		code := strings.TrimSuffix(strings.TrimPrefix(key, "f:"), ":score")
		if villageRows[code] != row {
			t.Fatalf("自评表 layout changed: %s at row %d; update villageRows", key, row)
		}
	}
	res := read(t, "C-01 东湾村党支部 填报表.xlsx", data, cat)
	if res.ByHeaders || res.Period == nil || res.Period.ID != villageID {
		t.Fatalf("ByHeaders %v period %v", res.ByHeaders, res.Period)
	}
	id := res.Identity
	if id.Form != model.FormUnit || id.UnitID != east.ID || id.UnitCode != east.Code || id.PeriodName != villageName ||
		id.Scheme != "cun-xingji" || id.MemberScheme != "shouqi-pingxing-dangyuan" {
		t.Errorf("identity %+v", id)
	}
	// 5 scores + 1 note, 3 members × 11 raters (nobody rates himself),
	// 3 votes + the rate, 5 + 4 ledger cells.
	if len(res.Values) != 6+33+4+9 {
		t.Fatalf("%d values:\n%+v", len(res.Values), res.Values)
	}
	for code, score := range villageScores {
		wantValue(t, selfValue(t, res.Values, code, "score"), strconv.FormatFloat(toFloat(score), 'f', -1, 64),
			"自评表", "G"+strconv.Itoa(villageRows[code]))
	}
	note := selfValue(t, res.Values, "policy", documents.KeyNote)
	wantValue(t, note, policyNote, "自评表", "H7")
	if note.Subject != "u:11" || note.Rater != "C-01" {
		t.Errorf("note %+v", note)
	}

	// 党员评议表: members from row 7 (rows 5–6 the two header rows), raters
	// from column D: 本人自评 D, 党员互评 E–G, 领导点评 H–J, 职工参评 K–O.
	appraisal := func(member, source, rater string) model.EntryValue {
		return find(t, res.Values, func(v model.EntryValue) bool {
			return v.Subject == member && v.Source == source && v.Rater == rater
		}, member+" "+source+" "+rater)
	}
	wantValue(t, appraisal("m:101", model.SourceSelf, "self"), "95", "党员评议表", "D7")
	wantValue(t, appraisal("m:102", model.SourcePeer, "m101"), "88.5", "党员评议表", "E8")
	wantValue(t, appraisal("m:103", model.SourcePublic, "5"), "79", "党员评议表", "O9")
	wantValue(t, appraisal("m:103", model.SourceLeader, "1"), "90", "党员评议表", "H9")
	for _, v := range res.Values {
		if v.Source == model.SourcePeer && v.Rater == "m"+strings.TrimPrefix(v.Subject, "m:") {
			t.Errorf("a member rated himself: %+v", v)
		}
	}

	// 满意度测评: votes in C6–C8; 满意率 = (37+5)/45×100 = 93.33.
	ballot := func(field string) model.EntryValue {
		return find(t, res.Values, func(v model.EntryValue) bool { return v.Source == "ballot" && v.Field == field }, field)
	}
	wantValue(t, ballot("satisfied"), "37", "满意度测评", "C6")
	wantValue(t, ballot("basic"), "5", "满意度测评", "C7")
	wantValue(t, ballot("unsatisfied"), "3", "满意度测评", "C8")
	wantValue(t, ballot(documents.SatisfactionFact), "93.33", "满意度测评", "C6")

	// 承诺台账: line 1 in row 6, columns C–G.
	ledger := func(line, field string) model.EntryValue {
		return find(t, res.Values, func(v model.EntryValue) bool {
			return v.Source == "ledger" && v.Rater == line && v.Field == field
		}, line+" "+field)
	}
	wantValue(t, ledger("1", "what"), "修缮村内道路2公里", "承诺台账", "D6")
	wantValue(t, ledger("1", "evidence"), "照片、验收单", "承诺台账", "G6")
	wantValue(t, ledger("2", "state"), "推进中", "承诺台账", "F7")
	wantValue(t, ledger("2", "who"), "张三", "承诺台账", "C7")
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	panic("not a number")
}

// wlmqFill fills a rule-item form: each 是/否 "是" except those named
// in no, each count 1, each rate or outside score 90% of its maximum, other
// values 3, scores their 分值; the overrides win.
func wlmqFill(p *model.Period, no map[string]bool, overrides map[string]any) documents.FillFunc {
	return func(role model.SheetRole, rowKey, colKey string) any {
		key := rowKey
		if role == model.RoleReview {
			key = colKey
		}
		if v, ok := overrides[key]; ok && (role == model.RoleReview || colKey == documents.KeyValue) {
			return v
		}
		if role != model.RoleSelf && role != model.RoleReview || (role == model.RoleSelf && colKey != documents.KeyValue) {
			return nil
		}
		rest, ok := strings.CutPrefix(key, "f:")
		if !ok {
			return nil
		}
		i := strings.LastIndexByte(rest, ':')
		it := p.Scheme.Item(rest[:i])
		for _, fd := range model.ItemFields(it) {
			if fd.Name != rest[i+1:] {
				continue
			}
			switch {
			case fd.Kind == model.FieldFlag && no[key]:
				return documents.FlagNo
			case fd.Kind == model.FieldFlag:
				return documents.FlagYes
			case fd.Kind == model.FieldScore:
				return it.Points.Float()
			case fd.Int:
				return 1
			case fd.Max != nil:
				return fd.Max.Float() * 0.9
			}
			return 3
		}
		return nil
	}
}

func TestReadRuleItems(t *testing.T) {
	cat := newCatalog()
	p := cat.Period(wlmqID)
	if documents.HasBallot(&p.Scheme) || p.MemberScheme != nil {
		t.Fatal("the 创先争优 period should have only 自评表 and 承诺台账")
	}
	no := map[string]bool{"f:16:recordsMissing": true, "f:22:rectified": true}
	values := wlmqFill(p, no, map[string]any{
		"f:3:leaderVisits": 4, "f:10:participation": 87.5, "f:33:county": 2, "f:1:leadingGroup": "是",
		"f:7:signs": "√", "f:11:pioneerPosts": 1,
	})
	// Item 17 has four rows; its 说明 is one cell merged down them.
	const note17 = "上级党组织书记点评记录缺一次"
	data := fill(t, unitForm(t, cat, wlmqID, west), func(role model.SheetRole, rowKey, colKey string) any {
		if rowKey == "f:17:missingUpperReviews" && colKey == documents.KeyNote {
			return note17
		}
		return values(role, rowKey, colKey)
	})
	rows := keyRows(t, data, "自评表")
	res := read(t, "西岭.xlsx", data, cat)
	fields := 0
	for _, fi := range documents.SelfItems(&p.Scheme, west.Kind) {
		fields += len(model.ItemFields(fi.Item))
	}
	if fields < 50 || len(res.Values) != fields+1 {
		t.Fatalf("%d values, want one per field (%d) and the note", len(res.Values), fields)
	}
	wantValue(t, selfValue(t, res.Values, "17", documents.KeyNote), note17, "自评表", "H"+strconv.Itoa(rows["f:17:missingUpperReviews"]))
	at := func(item, field string) string { return "G" + strconv.Itoa(rows[documents.FieldKey(item, field)]) }
	for _, c := range []struct{ item, field, want string }{
		{"1", "leadingGroup", "1"},    // 是
		{"7", "signs", "1"},           // √
		{"16", "recordsMissing", "0"}, // 否
		{"22", "rectified", "0"},
		{"3", "leaderVisits", "4"},
		{"3", "missingSystems", "1"},
		{"10", "participation", "87.5"},
		{"10", "awareness", "90"}, // 90% of 100
		{"11", "pioneerPosts", "1"},
		{"11", "badgeRate", "3"},
		{"33", "county", "2"},
		{"33", "central", "1"},
		{"2", "score", "1"},
		{"29", "score", "10"},
	} {
		if rows[documents.FieldKey(c.item, c.field)] == 0 {
			t.Fatalf("no row for %s/%s", c.item, c.field)
		}
		v := selfValue(t, res.Values, c.item, c.field)
		wantValue(t, v, c.want, "自评表", at(c.item, c.field))
		if v.Subject != "u:12" || v.Rater != "C-02" {
			t.Errorf("%s/%s: subject %s rater %s", c.item, c.field, v.Subject, v.Rater)
		}
	}

	// A count must be whole, a rate at most 100, a 是/否 one of the choices,
	// and a 是/否 left blank is missing; each at its cell.
	bad := fill(t, unitForm(t, cat, wlmqID, west), wlmqFill(p, nil, map[string]any{
		"f:3:leaderVisits": 2.5, "f:10:participation": 120, "f:1:office": "也许", "f:22:rectified": "",
	}))
	res = forms.Read("西岭.xlsx", bad, cat)
	if len(res.Errors) != 4 || len(res.Values) != 0 {
		t.Fatalf("want 4 problems, got %d (%d values):\n%v", len(res.Errors), len(res.Values), res.Errors)
	}
	byRow := map[int]*importers.Error{}
	for _, e := range res.Errors {
		if e.Sheet != "自评表" || e.Col != colValue || e.File != "西岭.xlsx" {
			t.Errorf("problem not at a 填报 cell: %s", e)
		}
		byRow[e.Row] = e
	}
	for key, want := range map[string]string{
		"f:3:leaderVisits":   "应为整数，现在是 2.5",
		"f:10:participation": "填写的 120 超出范围。请填写0至100之间的数",
		"f:1:office":         "应填“是”或“否”，现在是“也许”",
		"f:22:rectified":     "没有填写",
	} {
		e := byRow[rows[key]]
		if e == nil || !strings.Contains(e.Error(), want) {
			t.Errorf("%s (row %d): want %q, got %v", key, rows[key], want, e)
		}
	}
}

func TestReadReviewForm(t *testing.T) {
	cat := newCatalog()
	scores := map[string]map[string]any{
		"u:11": {"policy": 19, "law": 18, "skills": 17.5, "livelihood": 20, "economy": 15},
		"u:12": {"policy": 12, "law": 13, "skills": 14, "livelihood": 15, "economy": 16},
	}
	data := fill(t, reviewForm(t, cat, villageID), func(role model.SheetRole, rowKey, colKey string) any {
		if colKey == documents.KeyNote {
			if rowKey == "u:12" {
				return "集体经济收入未达5万元"
			}
			return nil
		}
		return scores[rowKey][strings.TrimSuffix(strings.TrimPrefix(colKey, "f:"), ":score")]
	})
	res := read(t, "考评表-党委.xlsx", data, cat)
	if res.Identity.Form != model.FormReview || res.Identity.Dept != "" {
		t.Fatalf("identity %+v", res.Identity)
	}
	if len(res.Values) != 11 {
		t.Fatalf("%d values: %+v", len(res.Values), res.Values)
	}
	// Units from row 7 (rows 5–6 the header), items from column D, 说明 I.
	v := find(t, res.Values, func(v model.EntryValue) bool { return v.Subject == "u:11" && v.Item == "skills" }, "skills")
	wantValue(t, v, "17.5", "考评表", "F7")
	if v.Source != model.SourceReview || v.Rater != model.DeptLabel("") {
		t.Errorf("review value %+v", v)
	}
	v = find(t, res.Values, func(v model.EntryValue) bool { return v.Subject == "u:12" && v.Item == "economy" }, "economy")
	wantValue(t, v, "16", "考评表", "H8")
	v = find(t, res.Values, func(v model.EntryValue) bool { return v.Field == documents.KeyNote }, "note")
	wantValue(t, v, "集体经济收入未达5万元", "考评表", "I8")

	// Without its identity sheet the form is known by the line
	// "考评周期：… 考评部门：党委" and reads the same.
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.DeleteSheet(model.FormIdentitySheet); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	again := read(t, "考评表-党委.xlsx", b.Bytes(), cat)
	if !again.ByHeaders || again.Identity.Form != model.FormReview || again.Identity.Dept != "" || again.Period.ID != villageID {
		t.Fatalf("ByHeaders %v identity %+v", again.ByHeaders, again.Identity)
	}
	sameValues(t, again.Values, res.Values)
}

// TestBlankForm: a form sent back untouched gives every missing score at
// its cell, and no values.
func TestBlankForm(t *testing.T) {
	cat := newCatalog()
	res := forms.Read("空白.xlsx", unitForm(t, cat, villageID, east), cat)
	if len(res.Values) != 0 {
		t.Fatalf("values from a blank form: %v", res.Values)
	}
	var self, ballot int
	for _, e := range res.Errors {
		switch {
		case e.Sheet == "自评表" && e.Col == colValue && strings.Contains(e.Message, "没有填写"):
			self++
		case e.Sheet == "满意度测评" && e.Row == 6 && e.Col == 3 && strings.Contains(e.Message, "票数都是 0"):
			ballot++
		default:
			t.Errorf("unexpected problem: %s", e)
		}
	}
	if self != 5 || ballot != 1 {
		t.Errorf("%d missing scores, %d ballot problems:\n%v", self, ballot, res.Errors)
	}
}

// bomb copies an xlsx archive as it is but declares its first worksheet
// to unpack to 600 MB, as a zip bomb does.
func bomb(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		h := f.FileHeader
		if h.Name == "xl/worksheets/sheet1.xml" {
			h.UncompressedSize64 = 600 << 20
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// setIdentity rewrites the identity JSON in cell A2 of the very hidden
// sheet with excelize, as someone editing it by hand would.
func setIdentity(t testing.TB, data []byte, edit func(id *model.FormIdentity)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text, err := f.GetCellValue(model.FormIdentitySheet, "A2")
	if err != nil {
		t.Fatal(err)
	}
	var id model.FormIdentity
	if err := json.Unmarshal([]byte(text), &id); err != nil {
		t.Fatalf("identity %q: %v", text, err)
	}
	edit(&id)
	b, _ := json.Marshal(id)
	if err := f.SetCellStr(model.FormIdentitySheet, "A2", string(b)); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestRejects(t *testing.T) {
	cat := newCatalog()
	good := filledVillage(t, cat)
	const name = "C-01 东湾村党支部 填报表.xlsx"
	encrypted := func() []byte {
		f, err := excelize.OpenReader(bytes.NewReader(good))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var b bytes.Buffer
		if _, err := f.WriteTo(&b, excelize.Options{Password: "123456"}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}()
	// Garbage over the compressed data of 自评表 (sheet1.xml).
	corrupt := append([]byte{}, good...)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			at, err := f.DataOffset()
			if err != nil || f.CompressedSize64 < 100 {
				t.Fatal(f.CompressedSize64, err)
			}
			for i := at + 10; i < at+90; i++ {
				corrupt[i] ^= 0x5A
			}
		}
	}
	// Whole-file problems name the file alone.
	for _, c := range []struct {
		name      string
		data      []byte
		fragments []string
	}{
		{"损坏.xlsx", corrupt, []string{"损坏.xlsx：", "文件已损坏或不完整"}},
		{"乱码.xlsx", []byte("\x00\x01\x02\x03这不是表格\xff\xfe\x00\x00"), []string{"乱码.xlsx：", "不是 Excel 或 CSV 文件"}},
		{"半截.xlsx", good[:len(good)/2], []string{"半截.xlsx：", "文件已损坏或不完整", "重新下载"}},
		{"加密.xlsx", encrypted, []string{"加密.xlsx：", "设置了打开密码", "清空密码"}},
		{"炸弹.xlsx", bomb(t, good), []string{"炸弹.xlsx：", "解压后的内容太大（超过 500 MB）"}},
		{"空.xlsx", nil, []string{"文件是空的"}},
		{"名单.xlsx", func() []byte {
			f := excelize.NewFile()
			defer f.Close()
			f.SetCellStr("Sheet1", "A1", "姓名")
			var b bytes.Buffer
			f.WriteTo(&b)
			return b.Bytes()
		}(), []string{"无法识别这份文件", "不是星级考评下发的填报表"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := forms.Read(c.name, c.data, cat)
			wantError(t, res, c.name, "", 0, 0, c.fragments...)
			if res.Period != nil {
				t.Errorf("an unreadable file tied to period %v", res.Period.Name)
			}
		})
	}

	// Identity problems are placed at the identity sheet.
	t.Run("其他考评周期", func(t *testing.T) {
		other := newCatalog()
		other.Periods[0].ID = 70
		res := forms.Read(name, good, other)
		wantError(t, res, name, model.FormIdentitySheet, 0, 0, "属于考评周期“"+villageName+"”，本数据库中没有这个考评周期")
		if res.Identity.PeriodID != villageID || res.Identity.UnitID != east.ID {
			t.Errorf("a rejected file should still say what it is: %+v", res.Identity)
		}
		other = newCatalog()
		other.Periods[0].Name = "2025年度村党支部星级评定"
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0, "本数据库中没有这个考评周期")
	})
	t.Run("方案版本", func(t *testing.T) {
		other := newCatalog()
		other.Periods[0].Scheme.Version = "2"
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0,
			"按方案“cun-xingji”版本“1”生成，而本期使用方案“cun-xingji”版本“2”", "重新填写")
		other = newCatalog()
		other.Periods[0].MemberScheme.Version = "2026"
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0, "党员评议方案（“shouqi-pingxing-dangyuan”版本“1”）与本期不同")
	})
	t.Run("党组织不存在", func(t *testing.T) {
		other := newCatalog()
		delete(other.Units, east.ID)
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0, "属于党组织“东湾村党支部”（编码 C-01），本数据库中没有这个党组织")
		other = newCatalog()
		u := other.Units[east.ID]
		u.Code = "C-99"
		other.Units[east.ID] = u
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0, "本数据库中没有这个党组织")
	})
	t.Run("不在参评范围", func(t *testing.T) {
		data := fill(t, unitForm(t, cat, villageID, south), villageFill)
		wantError(t, forms.Read("南坡.xlsx", data, cat), "南坡.xlsx", model.FormIdentitySheet, 0, 0,
			"党组织“南坡村党支部”不在考评周期“"+villageName+"”的参评范围内")
	})
	t.Run("已关闭", func(t *testing.T) {
		other := newCatalog()
		other.Periods[0].Status = model.PeriodClosed
		res := forms.Read(name, good, other)
		wantError(t, res, name, "", 0, 0, "考评周期“"+villageName+"”已关闭，不再接收填报", "重新打开")
		if res.Period == nil || res.Period.ID != villageID {
			t.Error("a file for a closed period should still be tied to it")
		}
	})
	t.Run("校验码", func(t *testing.T) {
		data := setIdentity(t, good, func(id *model.FormIdentity) { id.UnitCode = west.Code })
		res := forms.Read(name, data, cat)
		wantError(t, res, name, model.FormIdentitySheet, 2, 1, "表单标识的校验码不符")
	})
	t.Run("标识格式", func(t *testing.T) {
		data := setIdentity(t, good, func(id *model.FormIdentity) {
			id.Product = "xingji-form-9"
			id.Checksum = id.ComputeChecksum()
		})
		wantError(t, forms.Read(name, data, cat), name, model.FormIdentitySheet, 2, 1, "格式“xingji-form-9”无法识别")
	})

	t.Run("伪造的标识", func(t *testing.T) {
		// A workbook with 党员评议表 and 满意度测评 whose identity, checksum
		// recomputed, claims a period that has neither: refused, not read
		// (it used to crash reading 党员评议表 without a member scheme).
		data := setIdentity(t, good, func(id *model.FormIdentity) {
			id.PeriodID, id.PeriodName = wlmqID, wlmqName
			id.Scheme, id.SchemeVersion = "wlmq-cxcy", "2011"
			id.MemberScheme, id.MemberSchemeVersion = "", ""
			id.Checksum = id.ComputeChecksum()
		})
		wantError(t, forms.Read(name, data, cat), name, model.FormIdentitySheet, 0, 0,
			"表单标识列出的工作表“党员评议表”“满意度测评”不是本期单位填报表应有的工作表")
		data = setIdentity(t, good, func(id *model.FormIdentity) {
			id.Sheets = append(id.Sheets, model.RoleReview)
			id.Checksum = id.ComputeChecksum()
		})
		wantError(t, forms.Read(name, data, cat), name, model.FormIdentitySheet, 0, 0, "工作表“考评表”不是本期单位填报表应有的工作表")
	})

	// Cell problems name the sheet and the cell.
	cellCase := func(item string, v any) *forms.Result {
		data := fill(t, unitForm(t, cat, villageID, east), func(role model.SheetRole, rowKey, colKey string) any {
			if role == model.RoleSelf && rowKey == documents.FieldKey(item, "score") && colKey == documents.KeyValue {
				return v
			}
			return villageFill(role, rowKey, colKey)
		})
		return forms.Read(name, data, cat)
	}
	const law = "“服务法律援助星：依法治村，调处矛…”项的“得分”"
	t.Run("超过分值", func(t *testing.T) {
		wantError(t, cellCase("law", 25), name, "自评表", 8, colValue, law+"填写的 25 分超过了分值 20 分", "请填写0至20之间的数")
		wantError(t, cellCase("law", "20.5分"), name, "自评表", 8, colValue, "填写的 20.5 分超过了分值 20 分")
	})
	t.Run("负数", func(t *testing.T) {
		wantError(t, cellCase("skills", -3), name, "自评表", 9, colValue, "填写的 -3 是负数", "第9行 G列")
	})
	t.Run("文字", func(t *testing.T) {
		e := wantError(t, cellCase("economy", "良好"), name, "自评表", 11, colValue, "应填数字，现在是“良好”", "不要写文字")
		if e.CellRef() != "G11" {
			t.Errorf("cell %s", e.CellRef())
		}
	})
	t.Run("没有填写", func(t *testing.T) {
		wantError(t, cellCase("policy", nil), name, "自评表", 7, colValue, "没有填写")
	})
	t.Run("台账", func(t *testing.T) {
		data := fill(t, unitForm(t, cat, villageID, east), func(role model.SheetRole, rowKey, colKey string) any {
			if role == model.RoleLedger && rowKey == "l:3" {
				return map[string]any{"who": "李四", "state": "差不多"}[colKey]
			}
			return villageFill(role, rowKey, colKey)
		})
		res := forms.Read(name, data, cat)
		if len(res.Errors) != 2 || res.Errors[0].CellRef() != "D8" || res.Errors[1].CellRef() != "F8" ||
			!strings.Contains(res.Errors[0].Message, "没有填写承诺事项") || !strings.Contains(res.Errors[1].Message, "完成情况“差不多”不在可选范围内") {
			t.Errorf("ledger problems:\n%v", res.Errors)
		}
	})
	t.Run("票数", func(t *testing.T) {
		data := fill(t, unitForm(t, cat, villageID, east), func(role model.SheetRole, rowKey, colKey string) any {
			if role == model.RoleBallot && rowKey == documents.BallotBasic {
				return 4.5
			}
			return villageFill(role, rowKey, colKey)
		})
		wantError(t, forms.Read(name, data, cat), name, "满意度测评", 7, 3, "“基本满意”票数应为整数，现在是 4.5")
	})
	t.Run("评议分", func(t *testing.T) {
		data := fill(t, unitForm(t, cat, villageID, east), func(role model.SheetRole, rowKey, colKey string) any {
			if role == model.RoleAppraisal && rowKey == "m:102" && colKey == "s:leader:2" {
				return 101
			}
			return villageFill(role, rowKey, colKey)
		})
		wantError(t, forms.Read(name, data, cat), name, "党员评议表", 8, 9, "李四的“评议人2”评分填写的 101 分超过了分值 100 分")
	})
	t.Run("党员转出", func(t *testing.T) {
		other := newCatalog()
		other.Members[east.ID] = other.Members[east.ID][:2] // 王五 left
		wantError(t, forms.Read(name, good, other), name, "党员评议表", 9, 0, "第 9 行的党员（王五）已不在本党组织")
	})
}

// TestManyProblems: a file with more problems than MaxErrors lists the
// first MaxErrors and says there are more.
func TestManyProblems(t *testing.T) {
	cat := newCatalog()
	members := make([]model.Member, 30)
	for i := range members {
		members[i] = model.Member{ID: int64(200 + i), UnitID: west.ID, Name: "党员" + strconv.Itoa(i+1)}
	}
	cat.Members[west.ID] = members
	data := fill(t, unitForm(t, cat, villageID, west), func(role model.SheetRole, rowKey, colKey string) any {
		if role == model.RoleAppraisal {
			return "优"
		}
		return villageFill(role, rowKey, colKey)
	})
	res := forms.Read("很多问题.xlsx", data, cat)
	if len(res.Errors) != forms.MaxErrors+1 || len(res.Values) != 0 {
		t.Fatalf("%d problems, %d values", len(res.Errors), len(res.Values))
	}
	last := res.Errors[forms.MaxErrors]
	if !strings.Contains(last.Message, "问题太多，只列出前 200 个") || last.File != "很多问题.xlsx" {
		t.Errorf("last problem: %s", last)
	}
	sorted := sort.SliceIsSorted(res.Errors[:forms.MaxErrors], func(i, j int) bool {
		return res.Errors[i].Row < res.Errors[j].Row
	})
	if !sorted || res.Errors[0].Sheet != "党员评议表" {
		t.Errorf("problems out of order or misplaced: first %s", res.Errors[0])
	}
}

// chineseDir returns a new directory whose path holds Chinese characters
// and spaces, for files handed to python and LibreOffice.
func chineseDir(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// dropKeys clears the hidden keys of a sheet — row 1 and column A — as a
// copy of the visible table would lose them.
func dropKeys(t testing.TB, data []byte, sheet string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for c := range r {
			if i == 0 || c == 0 {
				ref, _ := excelize.CoordinatesToCellName(c+1, i+1)
				if err := f.SetCellValue(sheet, ref, nil); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLostKeys: 自评表 without its hidden keys is read by its header row
// and the 序号 the form prints — "1" to "5" for the village items coded
// "policy" … "economy".
func TestLostKeys(t *testing.T) {
	cat := newCatalog()
	good := filledVillage(t, cat)
	res := read(t, "无标记.xlsx", dropKeys(t, good, "自评表"), cat)
	if len(res.Values) != 52 {
		t.Fatalf("%d values, want 52: %+v", len(res.Values), res.Values)
	}
	for code, score := range villageScores {
		wantValue(t, selfValue(t, res.Values, code, "score"), strconv.FormatFloat(toFloat(score), 'f', -1, 64),
			"自评表", "G"+strconv.Itoa(villageRows[code]))
	}
	wantValue(t, selfValue(t, res.Values, "policy", documents.KeyNote), policyNote, "自评表", "H7")

	// Rule items cannot be read without the keys: each is refused at its
	// row. Item "12b" shows 序号 14, as does item "14"; both are matched in
	// order, so no row goes missing.
	p := cat.Period(wlmqID)
	data := fill(t, unitForm(t, cat, wlmqID, west), wlmqFill(p, nil, nil))
	rows := keyRows(t, data, "自评表")
	res = forms.Read("无标记.xlsx", dropKeys(t, data, "自评表"), cat)
	rules := 0
	for _, fi := range documents.SelfItems(&p.Scheme, west.Kind) {
		if fi.Item.Rule.Kind != model.RuleManual {
			rules++
		}
	}
	if len(res.Errors) != rules || rules < 20 {
		t.Fatalf("%d problems, want one per rule item (%d):\n%v", len(res.Errors), rules, res.Errors)
	}
	wantRow := map[int]bool{}
	for _, fi := range documents.SelfItems(&p.Scheme, west.Kind) {
		if fi.Item.Rule.Kind != model.RuleManual {
			wantRow[rows[documents.FieldKey(fi.Item.Code, model.ItemFields(fi.Item)[0].Name)]] = true
		}
	}
	for _, e := range res.Errors {
		if e.Sheet != "自评表" || e.Col != colValue || !wantRow[e.Row] || !strings.Contains(e.Message, "需要按规则填写次数或“是/否”") {
			t.Errorf("unexpected problem: %s", e)
		}
	}
	if e := res.Errors[0]; e.Row != rows["f:1:leadingGroup"] || !strings.HasPrefix(e.Message, "第 1 项") {
		t.Errorf("first problem: %s", e)
	}
}

// TestHeaderOnlyCSV: a CSV typed by hand from the printed form — the lines
// above the table, 序号 and 得分, no hidden keys — is tied to its unit and
// period by those lines and read by 序号; each problem names its cell, and
// the sheets a CSV cannot hold are named once.
func TestHeaderOnlyCSV(t *testing.T) {
	cat := newCatalog()
	data := []byte("\"党组织：东湾村党支部（编码 C-01）    考评周期：2026年度村党支部星级评定\"\n" +
		"序号,考核项目,分值,得分,说明（扣分原因）\n1,政策,20,18,\n2,法律,20,１９.５,无\n3,技能,20,x,\n4,民生,20,25,\n")
	const name = "村级 自评.csv"
	res := forms.Read(name, data, cat)
	if !res.ByHeaders || res.Identity.UnitID != east.ID || res.Identity.PeriodID != villageID || len(res.Values) != 0 {
		t.Fatalf("ByHeaders %v identity %+v, %d values", res.ByHeaders, res.Identity, len(res.Values))
	}
	want := []struct {
		sheet    string
		row, col int
		text     string
	}{
		{"村级 自评", 5, 4, "第 3 项的得分应填数字，现在是“x”"},
		{"村级 自评", 6, 4, "第 4 项的得分填写的 25 分超过了分值 20 分"},
		{"村级 自评", 0, 1, "找不到序号为 5 的一行（项目“5 服务经济发展星：壮大村级集体经济”）"},
		{"", 0, 0, "CSV 文件只有一个工作表，而这份表还需要“党员评议表”“满意度测评”"},
	}
	if len(res.Errors) != len(want) {
		t.Fatalf("%d problems:\n%v", len(res.Errors), res.Errors)
	}
	for i, w := range want {
		e := res.Errors[i]
		if e.File != name || e.Sheet != w.sheet || e.Row != w.row || e.Col != w.col || !strings.Contains(e.Message, w.text) {
			t.Errorf("problem %d = %s, want %q at %q %d/%d", i+1, e, w.text, w.sheet, w.row, w.col)
		}
	}
}
