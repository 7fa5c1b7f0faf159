package period

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
)

func builtinScheme(t testing.TB, code string) model.Scheme {
	t.Helper()
	for _, s := range scoring.BuiltinSchemes() {
		if s.Code == code {
			return s
		}
	}
	t.Fatalf("no built-in scheme %s", code)
	return model.Scheme{}
}

// fixture is a period of the village scheme (002 篇十二: "自评:考评 = 3:7")
// with the member appraisal of 004 第二篇, three units and three members.
func fixture(t testing.TB) *Data {
	unit := builtinScheme(t, "cun-xingji")
	member := builtinScheme(t, "shouqi-pingxing-dangyuan")
	p := &model.Period{ID: 7, Name: "2026年度村党支部星级评定", Scheme: unit, MemberScheme: &member, Units: []int64{1, 2, 3}}
	units := []model.Unit{
		{ID: 100, Name: "城关镇党委", Code: "CG"},
		{ID: 1, ParentID: 100, Name: "黄家岭村党支部", Code: "CG-01", Kind: model.KindRural},
		{ID: 2, ParentID: 100, Name: "西屯村党支部", Code: "CG-02", Kind: model.KindRural},
		{ID: 3, ParentID: 100, Name: "东屯村党支部", Code: "CG-03", Kind: model.KindRural},
	}
	members := []model.Member{{ID: 10, UnitID: 1, Name: "张三"}, {ID: 11, UnitID: 1, Name: "李四"}, {ID: 12, UnitID: 3, Name: "王五"}}
	items := []string{"policy", "law", "skills", "livelihood", "economy"}
	self := &model.Submission{ID: 1, PeriodID: 7, Form: model.FormUnit, UnitID: 1, Version: 2, FileName: "CG-01 黄家岭村党支部 填报表.xlsx", Status: model.SubmissionAccepted}
	for i, it := range items {
		self.Values = append(self.Values, model.EntryValue{Subject: "u:1", Source: "self", Rater: "CG-01", Item: it, Field: "score",
			Value: []string{"18", "17", "16", "15", "14"}[i], Sheet: "自评表", Cell: "G" + string(rune('7'+i))})
	}
	self.Values = append(self.Values,
		model.EntryValue{Subject: "u:1", Source: "ballot", Field: "satisfaction", Value: "92.5", Sheet: "满意度测评", Cell: "C6"},
		model.EntryValue{Subject: "m:10", Source: "self", Rater: "self", Field: "total", Value: "80", Sheet: "党员评议表", Cell: "D7"},
		model.EntryValue{Subject: "m:10", Source: "peer", Rater: "m11", Field: "total", Value: "70", Sheet: "党员评议表", Cell: "F7"},
		model.EntryValue{Subject: "m:10", Source: "peer", Rater: "m99", Field: "total", Value: "80", Sheet: "党员评议表", Cell: "G7"},
		model.EntryValue{Subject: "m:10", Source: "leader", Rater: "1", Field: "total", Value: "90", Sheet: "党员评议表", Cell: "S7"},
		model.EntryValue{Subject: "m:11", Source: "peer", Rater: "m10", Field: "total", Value: "60", Sheet: "党员评议表", Cell: "E8"},
	)
	for i, v := range []string{"80", "82", "84", "86", "88"} {
		self.Values = append(self.Values, model.EntryValue{Subject: "m:10", Source: "public", Rater: itoa(i + 1), Field: "total", Value: v, Sheet: "党员评议表", Cell: "V7"})
	}
	review := &model.Submission{ID: 2, PeriodID: 7, Form: model.FormReview, Version: 1, FileName: "考评表-党委.xlsx", Status: model.SubmissionAccepted}
	for i, it := range items {
		review.Values = append(review.Values,
			model.EntryValue{Subject: "u:1", Source: "review", Rater: "党委", Item: it, Field: "score", Value: []string{"19", "18", "17", "16", "15"}[i], Sheet: "考评表", Cell: "D7"},
			model.EntryValue{Subject: "u:2", Source: "review", Rater: "党委", Item: it, Field: "score", Value: "20", Sheet: "考评表", Cell: "D8"})
	}
	return &Data{Period: p, Units: units, Members: members, Accepted: []model.Submission{*self, *review}}
}

func dec(s string) model.Decimal { return model.D4(s) }

func TestComputeFromAcceptedValues(t *testing.T) {
	d := fixture(t)
	r, err := Compute(d)
	if err != nil {
		t.Fatal(err)
	}
	// 002 篇十二: "每项最后得分 = 自评 × 30% + 考评 × 70%".
	// 0.3×18+0.7×19 = 18.7; 17.7; 16.7; 15.7; 14.7 → 83.5, 三星级 (80–90).
	a := r.Unit("u:1")
	if a == nil || !a.Grade.Equal(dec("83.5")) || a.BandName != "三星级" {
		t.Fatalf("unit 1: %+v", a)
	}
	// No 自评表 from unit 2: the scheme renormalises, 考评 counts 100%.
	b := r.Unit("u:2")
	if b == nil || !b.Grade.Equal(dec("100")) || b.BandName != "五星级" {
		t.Fatalf("unit 2: %+v", b)
	}
	if g := strings.Join(r.Inputs.Gaps["u:2"], "\n"); !strings.Contains(g, "未提交自评表") || !strings.Contains(g, "按比例分给其他来源") {
		t.Errorf("unit 2 gaps: %q", g)
	}
	// Nothing from unit 3: left out, said so, never scored 0.
	if r.Unit("u:3") != nil || len(r.Inputs.Absent) < 1 || r.Inputs.Absent[0].Subject != "u:3" {
		t.Errorf("unit 3 should be absent: %+v", r.Inputs.Absent)
	}
	if b.Rank != 1 || a.Rank != 2 {
		t.Errorf("ranks: unit 2 %d, unit 1 %d", b.Rank, a.Rank)
	}
	// The ballot's 满意率 92.5 > 80 earns 群众满意星 (002 篇十二).
	if len(a.Stars) != 1 || !a.Stars[0].Earned {
		t.Errorf("unit 1 stars: %+v", a.Stars)
	}
	// 004 第二篇: 自评 20% + 互评 30% + 领导点评 20% + 职工参评 30%, each
	// multi-rater source averaged: 0.2×80 + 0.3×75 + 0.2×90 + 0.3×84 = 81.7.
	m := r.Member("m:10")
	if m == nil || !m.Grade.Equal(dec("81.7")) || m.BandName != "四星级党员" {
		t.Fatalf("member 10: %+v", m)
	}
	// Only 互评 for member 11: the other weights are renormalised.
	if m := r.Member("m:11"); m == nil || !m.Grade.Equal(dec("60")) {
		t.Fatalf("member 11: %+v", m)
	}
	if g := strings.Join(r.Inputs.Gaps["m:11"], "\n"); !strings.Contains(g, "没有党员自评") || !strings.Contains(g, "没有领导点评") {
		t.Errorf("member 11 gaps: %q", g)
	}
	if r.Member("m:12") != nil {
		t.Error("member 12 had no rating and must be left out")
	}
}

func TestEntriesReplaceAndAdd(t *testing.T) {
	d := fixture(t)
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	d.Entries = []model.Entry{
		{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryScore, Name: "policy", Field: "score"},
			Value: "20", Old: "19", Reason: "复核材料后更正", User: "clerk", At: at},
		{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryFact, Name: "satisfaction"}, Value: "75", User: "clerk", At: at},
		{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:2", Kind: model.EntryVeto, Name: "lianzheng"}, Value: "1",
			Reason: "村支书受党纪处分", DocNo: "县纪发〔2026〕3号", User: "clerk", At: at},
		{PeriodID: 7, EntryKey: model.EntryKey{Subject: "m:10", Kind: model.EntryFact, Name: "outstanding"}, Value: "1", User: "clerk", At: at},
	}
	r, err := Compute(d)
	if err != nil {
		t.Fatal(err)
	}
	// The entry replaces the review form's 19: 0.3×18 + 0.7×20 = 19.4; total 84.2.
	a := r.Unit("u:1")
	if !a.Grade.Equal(dec("84.2")) {
		t.Errorf("unit 1 after the correction: %s", a.Grade)
	}
	// The entered 满意率 75 replaces the ballot's 92.5: no 群众满意星.
	if len(a.Stars) != 1 || a.Stars[0].Earned {
		t.Errorf("unit 1 stars with 满意率 75: %+v", a.Stars)
	}
	b := r.Unit("u:2")
	if !b.Disqualified || b.Rank != 0 || a.Rank != 1 {
		t.Errorf("veto: unit 2 disqualified %v rank %d; unit 1 rank %d", b.Disqualified, b.Rank, a.Rank)
	}
	// 特别突出 does not lift 81.7 into 五星 (needs ≥ 90).
	if m := r.Member("m:10"); m.BandName != "四星级党员" {
		t.Errorf("member 10: %s", m.BandName)
	}
	tr := Trace(d, "u:1", "policy")
	var replaced, entry bool
	for _, o := range tr {
		if o.File == "考评表-党委.xlsx" && o.Replaced && o.Value == "19" {
			replaced = true
		}
		if o.Entry != nil && o.Value == "20" && strings.Contains(o.Where(), "原为 19") && strings.Contains(o.Where(), "复核材料后更正") {
			entry = true
		}
	}
	if !replaced || !entry || len(tr) != 3 {
		t.Errorf("trace of policy: %+v", tr)
	}
	for _, o := range tr {
		if o.Entry == nil && o.Source == "self" && o.Where() != "《CG-01 黄家岭村党支部 填报表.xlsx》第2版，工作表“自评表”G7" {
			t.Errorf("where: %s", o.Where())
		}
	}
}

func TestCheckerRefuses(t *testing.T) {
	d := fixture(t)
	c := NewChecker(d.Period, d.Units, d.Members)
	score := func(subject, item, dept, value string) model.Entry {
		return model.Entry{PeriodID: 7, EntryKey: model.EntryKey{Subject: subject, Kind: model.EntryScore, Name: item, Field: "score"}, Dept: dept, Value: value}
	}
	ok := []model.Entry{
		score("u:1", "policy", "", "19.5"),
		score("u:1", "policy", "", ""),
		{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryFact, Name: "satisfaction"}, Value: "88"},
		{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryVeto, Name: "anquan"}, Value: "1", Reason: "发生安全生产事故"},
		{PeriodID: 7, EntryKey: model.EntryKey{Subject: "m:10", Kind: model.EntryFact, Name: "outstanding"}, Value: "1"},
	}
	for _, e := range ok {
		if err := c.Check(e); err != nil {
			t.Errorf("%+v: %v", e, err)
		}
	}
	bad := []struct {
		e    model.Entry
		want string
	}{
		{score("u:1", "policy", "", "25"), "“黄家岭村党支部”项目“服务政策宣传星"},
		{score("u:1", "policy", "", "25"), "超过了分值 20 分"},
		{score("u:1", "policy", "", "-1"), "是负数"},
		{score("u:1", "policy", "", "良好"), "应填数字，现在是“良好”"},
		{score("u:1", "policy", "组织部", "10"), "由党委考评，“组织部”不能录入"},
		{score("u:9", "policy", "", "10"), "不在“2026年度村党支部星级评定”的参评范围内"},
		{score("u:100", "policy", "", "10"), "“城关镇党委”（CG）不在"},
		{score("u:1", "nosuch", "", "10"), "没有编号为“nosuch”的项目"},
		{model.Entry{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryFact, Name: "electionOverdueMonths"}, Value: "3"}, "没有规定“electionOverdueMonths”"},
		{model.Entry{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryFact, Name: "satisfaction"}, Value: "120"}, "不能超过100"},
		{model.Entry{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryVeto, Name: "drugs"}, Value: "1", Reason: "x"}, "一票否决事项中没有“drugs”"},
		{model.Entry{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryVeto, Name: "anquan"}, Value: "1"}, "没有写原因"},
		{model.Entry{PeriodID: 8, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryFact, Name: "satisfaction"}, Value: "88"}, "另一个考评周期"},
		{model.Entry{PeriodID: 7, EntryKey: model.EntryKey{Subject: "m:12", Kind: model.EntryFact, Name: "outstanding"}, Value: "2"}, "党员“王五”的“有特别突出的优秀表现”应填“是”或“否”"},
		{model.Entry{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryOwnStar, Name: "特色星"}, Value: "9"}, "没有个性星"},
	}
	for _, b := range bad {
		err := c.Check(b.e)
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%+v: got %v, want …%s…", b.e, err, b.want)
		}
	}
}

func TestSummary(t *testing.T) {
	r, err := Compute(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	want := "党组织计分2个，五星级1个，三星级1个，未计分1个；党员计分2个，四星级党员1个，二星级党员1个，未计分1个"
	if got := r.Summary(); got != want {
		t.Errorf("summary:\n got %s\nwant %s", got, want)
	}
}

func TestCurrentValues(t *testing.T) {
	d := fixture(t)
	d.Entries = []model.Entry{
		{EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryScore, Name: "policy", Field: "score"}, Value: "20"},
		{EntryKey: model.EntryKey{Subject: "u:2", Kind: model.EntryVeto, Name: "anquan"}, Value: "1", Reason: "事故", DocNo: "1号"},
	}
	cur := d.Current()
	key := func(s, item string) model.EntryKey {
		return model.EntryKey{Subject: s, Kind: model.EntryScore, Name: item, Field: "score"}
	}
	if cur[key("u:1", "policy")] != "20" || cur[key("u:1", "law")] != "18" || cur[key("u:2", "law")] != "20" {
		t.Errorf("review values: %v", cur)
	}
	if cur[model.EntryKey{Subject: "u:1", Kind: model.EntryFact, Name: "satisfaction"}] != "92.5" {
		t.Errorf("the ballot's 满意率 should stand: %v", cur)
	}
	if cur[model.EntryKey{Subject: "u:2", Kind: model.EntryVeto, Name: "anquan"}] != "1" {
		t.Errorf("veto: %v", cur)
	}
	if self := d.SelfScores(); self[key("u:1", "skills")] != "16" || len(self) != 5 {
		t.Errorf("self scores: %v", self)
	}
	if st := d.Standing(); st[model.EntryKey{Subject: "u:2", Kind: model.EntryVeto, Name: "anquan"}].DocNo != "1号" {
		t.Errorf("standing: %v", st)
	}
}

func TestNextBandsAndInflation(t *testing.T) {
	r, err := Compute(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	// Unit 1: 83.5, 三星级 (80–90); 四星级 from 90 (002 篇十六): 6.5 more.
	nb := r.Next("u:1")
	if nb == nil || !nb.Reachable || nb.Need != dec("6.5") || nb.BandName != "四星级" {
		t.Fatalf("next band of unit 1: %+v", nb)
	}
	if nb := r.Next("u:2"); nb == nil || nb.Reachable || nb.Block != scoring.NextTop {
		t.Errorf("unit 2 is 五星级 already: %+v", nb)
	}
	// Self 80 against review 85 for unit 1: it rated itself 5 points lower.
	if len(r.Inflation) != 1 || r.Inflation[0].Subject != "u:1" || r.Inflation[0].Gap != dec("-5") {
		t.Errorf("inflation: %+v", r.Inflation)
	}
	// Member 10: 81.7, 四星级党员; 五星 needs 90 and 特别突出, not entered.
	if nb := r.Next("m:10"); nb == nil || nb.Reachable {
		t.Errorf("member 10 cannot reach 五星 without 特别突出: %+v", nb)
	}
}

// TestLedgerFacts: a scheme that declares the ledger's facts reads them
// from 承诺台账 (000 items 23–27: "按“一事一表”建立台账…按期完成的已销号"):
// lines listed, kept (已完成, 已销号) and not yet (推进中, 未完成).
func TestLedgerFacts(t *testing.T) {
	d := fixture(t)
	d.Period.Scheme.Facts = append(d.Period.Scheme.Facts,
		model.FactDef{Name: formspec.LedgerCommitments, Label: "承诺事项数", Unit: "项"},
		model.FactDef{Name: formspec.LedgerOpen, Label: "未完成的承诺", Unit: "项"})
	ledger := func(line, field, value string) model.EntryValue {
		return model.EntryValue{Subject: "u:1", Source: formspec.SourceLedger, Rater: line, Field: field, Value: value, Sheet: "承诺台账", Cell: "D6"}
	}
	d.Accepted[0].Values = append(d.Accepted[0].Values,
		ledger("1", formspec.LedgerWhat, "修缮村内道路2公里"), ledger("1", formspec.LedgerState, "已完成"),
		ledger("2", formspec.LedgerWhat, "为留守老人每月上门服务"), ledger("2", formspec.LedgerState, "推进中"),
		ledger("3", formspec.LedgerWhat, "组织技能培训两期"), ledger("3", formspec.LedgerState, "已销号"),
		ledger("4", formspec.LedgerWhat, ""), ledger("4", formspec.LedgerState, "未完成"))
	in := Build(d)
	var facts scoring.Values
	for _, s := range in.Units.Subjects {
		if s.ID == "u:1" {
			facts = s.Facts
		}
	}
	if v, _ := facts.Get(formspec.LedgerCommitments); v != model.Dec(3) {
		t.Errorf("commitments listed: %s (%v)", v, facts)
	}
	if v, _ := facts.Get(formspec.LedgerOpen); v != model.Dec(1) {
		t.Errorf("commitments not yet kept: %s (%v)", v, facts)
	}
	if _, ok := facts.Get(formspec.LedgerKept); ok {
		t.Errorf("a fact the scheme does not declare is not set: %v", facts)
	}
}

// TestMembersKeptAcrossUnitEntries: a corrected unit score is recomputed
// with the members' results already computed (issue "Results": "recomputing
// after one corrected entry ≤ 1 s" for a city's 150,000 members), and the
// results are those of a computation from scratch; an entry about a member
// makes them computed again.
func TestMembersKeptAcrossUnitEntries(t *testing.T) {
	d := fixture(t)
	es, err := Compile(d.Period)
	if err != nil {
		t.Fatal(err)
	}
	members := es.ScoreMembers(d)
	if !members.Fits(d) {
		t.Fatal("the members' results fit the data they were computed from")
	}
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	corrected := *d
	corrected.Entries = []model.Entry{{PeriodID: 7, EntryKey: model.EntryKey{Subject: "u:1", Kind: model.EntryScore, Name: "policy",
		Field: "score"}, Value: "20", Old: "19", Reason: "复核材料后更正", User: "clerk", At: at}}
	if !members.Fits(&corrected) {
		t.Fatal("an entry about a unit leaves the members' results as they are")
	}
	kept, err := json.Marshal(es.ComputeWith(&corrected, members).Saved())
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := json.Marshal(es.Compute(&corrected).Saved())
	if string(kept) != string(fresh) {
		t.Errorf("results with the members kept differ from results computed afresh:\n%s\n%s", kept, fresh)
	}
	outstanding := corrected
	outstanding.Entries = append(outstanding.Entries, model.Entry{PeriodID: 7, EntryKey: model.EntryKey{Subject: "m:10",
		Kind: model.EntryFact, Name: "outstanding"}, Value: "1", User: "clerk", At: at})
	if members.Fits(&outstanding) {
		t.Error("an entry about a member needs the members computed again")
	}
	if (*MemberResults)(nil).Fits(d) {
		t.Error("no members' results fit nothing")
	}
}

// TestRatingsApartSameResults: the appraisal totals of a file held apart
// as model.Ratings (as the store reads a period) give the members the
// same results, the same notes — a member not in scope, a total that is
// not a number, each with its file and cell — and the same trace, cell
// by cell, as the same totals held as values.
func TestRatingsApartSameResults(t *testing.T) {
	plain := fixture(t)
	self := &plain.Accepted[0]
	self.Values = append(self.Values,
		model.EntryValue{Subject: "m:77", Source: "peer", Rater: "m10", Field: "total", Value: "75", Sheet: "党员评议表", Cell: "F9"},
		model.EntryValue{Subject: "m:11", Source: "leader", Rater: "1", Field: "total", Value: "九十", Sheet: "党员评议表", Cell: "S8"})
	apart := fixture(t)
	apart.Accepted[0] = packRatings(t, *self)
	if apart.Accepted[0].Ratings == nil || len(apart.Accepted[0].Values) != 6 {
		t.Fatalf("the fixture's totals should be held apart: %d values left", len(apart.Accepted[0].Values))
	}
	want, got := mustCompute(t, plain), mustCompute(t, apart)
	if !reflect.DeepEqual(got.Members, want.Members) {
		t.Errorf("members' results differ:\n got %+v\nwant %+v", got.Members, want.Members)
	}
	if !reflect.DeepEqual(got.Inputs.Notes, want.Inputs.Notes) || len(want.Inputs.Notes) != 2 {
		t.Errorf("notes %q, want %q", got.Inputs.Notes, want.Inputs.Notes)
	}
	for _, key := range []string{"m:10", "m:11", "u:1"} {
		if g, w := got.Trace(key, ""), want.Trace(key, ""); !reflect.DeepEqual(g, w) || len(w) == 0 {
			t.Errorf("trace of %s:\n got %+v\nwant %+v", key, g, w)
		}
	}
	if o := got.Trace("m:10", ""); !strings.Contains(o[1].Where(), "工作表“党员评议表”F7") {
		t.Errorf("a rating's origin should name its cell: %s", o[1].Where())
	}
}

// packRatings holds the member totals of sub, one after another in its
// values, apart as the store does.
func packRatings(t *testing.T, sub model.Submission) model.Submission {
	t.Helper()
	r := &model.Ratings{At: -1}
	at := map[string]int32{}
	index := func(s string) int32 {
		k, ok := at[s]
		if !ok {
			k = int32(len(r.Strings))
			at[s] = k
			r.Strings = append(r.Strings, s)
		}
		return k
	}
	var rest []model.EntryValue
	for _, v := range sub.Values {
		if v.Field != "total" {
			rest = append(rest, v)
			continue
		}
		if r.At < 0 {
			r.At, r.Sheet, r.Field = len(rest), v.Sheet, v.Field
		}
		col, row, ok := model.SplitCell(v.Cell)
		if !ok || len(rest) != r.At {
			t.Fatalf("cannot hold %+v apart", v)
		}
		r.Rows = append(r.Rows, model.Rating{Subject: index(v.Subject), Source: uint16(index(v.Source)), Rater: index(v.Rater),
			Value: index(v.Value), Row: int32(row), Col: uint16(col)})
	}
	sub.Values, sub.Ratings = rest, r
	return sub
}

func mustCompute(t *testing.T, d *Data) *Results {
	t.Helper()
	r, err := Compute(d)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
