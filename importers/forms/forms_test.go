package forms_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/documents"
	"xingji/importers"
	"xingji/importers/fixture"
	"xingji/importers/forms"
	"xingji/model"
	"xingji/model/formspec"
)

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
	note := selfValue(t, res.Values, "policy", formspec.KeyNote)
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
		if m, err := formspec.ParseSubject(v.Subject); err == nil && v.Source == model.SourcePeer && v.Rater == formspec.PeerRater(m.ID) {
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
	wantValue(t, ballot(formspec.SatisfactionFact), "93.33", "满意度测评", "C6")

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
		if v, ok := overrides[key]; ok && (role == model.RoleReview || colKey == formspec.KeyValue) {
			return v
		}
		if role != model.RoleSelf && role != model.RoleReview || (role == model.RoleSelf && colKey != formspec.KeyValue) {
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
				return formspec.FlagNo
			case fd.Kind == model.FieldFlag:
				return formspec.FlagYes
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
	if formspec.HasBallot(&p.Scheme) || p.MemberScheme != nil {
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
		if rowKey == "f:17:missingUpperReviews" && colKey == formspec.KeyNote {
			return note17
		}
		return values(role, rowKey, colKey)
	})
	rows := keyRows(t, data, "自评表")
	res := read(t, "西岭.xlsx", data, cat)
	fields := 0
	for _, fi := range formspec.SelfItems(&p.Scheme, west.Kind) {
		fields += len(model.ItemFields(fi.Item))
	}
	if fields < 50 || len(res.Values) != fields+1 {
		t.Fatalf("%d values, want one per field (%d) and the note", len(res.Values), fields)
	}
	wantValue(t, selfValue(t, res.Values, "17", formspec.KeyNote), note17, "自评表", "H"+strconv.Itoa(rows["f:17:missingUpperReviews"]))
	at := func(item, field string) string {
		return "G" + strconv.Itoa(rows[formspec.FieldKey{Item: item, Field: field}.String()])
	}
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
		if rows[formspec.FieldKey{Item: c.item, Field: c.field}.String()] == 0 {
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
		if colKey == formspec.KeyNote {
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
	v = find(t, res.Values, func(v model.EntryValue) bool { return v.Field == formspec.KeyNote }, "note")
	wantValue(t, v, "集体经济收入未达5万元", "考评表", "I8")

	// Without its identity sheet the form is known by the line
	// "考评周期：… 考评部门：党委" and reads the same.
	noID := fixture.EditWorkbook(t, data, func(f *excelize.File) error { return f.DeleteSheet(model.FormIdentitySheet) })
	again := read(t, "考评表-党委.xlsx", noID, cat)
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
