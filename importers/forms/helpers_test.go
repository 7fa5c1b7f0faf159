package forms_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/documents"
	"xingji/importers"
	"xingji/importers/forms"
	"xingji/model"
	"xingji/model/formspec"
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
		if colKey == formspec.KeyValue {
			return villageScores[code]
		}
		if colKey == formspec.KeyNote && code == "policy" {
			return policyNote
		}
	case model.RoleAppraisal:
		if colKey == peerKey(rowKey) {
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
		return map[string]any{formspec.VoteSatisfied.Key(): 37, formspec.VoteBasic.Key(): 5, formspec.VoteUnsatisfied.Key(): 3}[rowKey]
	case model.RoleLedger:
		line := map[string][]any{
			"l:1": {"支部班子", "修缮村内道路2公里", "2026年6月", "已完成", "照片、验收单"},
			"l:2": {"张三", "为留守老人每月上门服务一次", "2026年12月", "推进中", nil},
		}[rowKey]
		for i, c := range formspec.LedgerColumns {
			if line != nil && c.Key == colKey {
				return line[i]
			}
		}
	}
	return nil
}

// peerKey is the 党员互评 column of the member whose row key is rowKey: the
// grey cell where a member would rate himself.
func peerKey(rowKey string) string {
	m, err := formspec.ParseSubject(rowKey)
	if err != nil {
		return ""
	}
	return formspec.RaterKey{Source: model.SourcePeer, Rater: formspec.PeerRater(m.ID)}.String()
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
