package scoring

import (
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// member004 is a member of 004 第二篇 whose four sources all give total.
func member004(id, total string, facts Values) Subject {
	return Subject{ID: id, Name: id, Facts: facts, Sources: []SourceInput{
		totals(model.SourceSelf, total), totals(model.SourcePeer, total),
		totals(model.SourceLeader, total), totals(model.SourcePublic, total, total, total, total, total)}}
}

// TestBandNeedsOutstanding: 004 第二篇 "党员没有特别突出的优秀表现,不能评定五星级
// 党员,五星级党员综合考核分数不低于90".
func TestBandNeedsOutstanding(t *testing.T) {
	e := mustCompile(t, builtin.MemberFlagStar())
	yes := Vals("outstanding", "1")
	r := e.Score(Input{Subjects: []Subject{
		member004("92无突出", "92", nil), member004("92突出", "92", yes), member004("88突出", "88", yes),
		member004("59", "59", nil), member004("60", "60", nil),
	}})
	want := map[string]string{"92无突出": "4", "92突出": "5", "88突出": "4", "59": "1", "60": "2"}
	for id, b := range want {
		if got := find(t, r, id).Band; got != b {
			t.Errorf("%s: band %s, want %s", id, got, b)
		}
	}
	mustContain(t, "92无突出", find(t, r, "92无突出").BandWhy, "但不符合“五星级党员”的条件：有特别突出的优秀表现（未提供有特别突出的优秀表现）", "改评“四星级党员”")
}

// TestBandsEnterprise: 000 第四篇 "达标党(总)支部为85分", "先进党(总)支部在达标
// 党(总)支部中择优产生", "模范党(总)支部在先进党(总)支部中产生…满意率在95%以上…
// 党员参加组织生活率98%以上", and "有下列情况之一实行一票否决,取消评比资格".
func TestBandsEnterprise(t *testing.T) {
	e := mustCompile(t, builtin.Enterprise())
	full := Vals("satisfaction", "96", "orgLifeRate", "99", "economic", "100",
		"selectedAdvanced", "1", "contribution", "1", "innovation", "1")
	unit := func(id string, deduct string, facts Values, vetoes ...string) Subject {
		// every deduction item entered, with nothing to deduct except O9
		items := nothingToDeduct(e)
		for k := range items {
			if items[k].Item == "O9" {
				items[k] = vals("O9", "missingParts", deduct)
			}
		}
		return Subject{ID: id, Kind: model.KindEnterprise, Facts: facts, Vetoes: vetoes,
			Sources: []SourceInput{one(model.SourceReview, items...)}}
	}
	without := func(name string) Values {
		var out Values
		for _, nv := range full {
			if nv.Name != name {
				out = append(out, nv)
			}
		}
		return out
	}
	lowSat := append(without("satisfaction"), NamedValue{"satisfaction", dec("84")})
	// 经营责任制50分: 30 × 50 ÷ 100 = 15 (−15), and O9 −0.5 × 2 = −1: 84
	econ50 := append(without("economic"), NamedValue{"economic", dec("50")})
	r := e.Score(Input{Subjects: []Subject{
		unit("模范", "0", full), unit("无创新", "0", without("innovation")), unit("未推荐", "0", without("selectedAdvanced")),
		unit("满意率84", "0", lowSat), unit("84分", "0.5", econ50), unit("否决", "0", full, "V5"),
	}})
	want := map[string]string{"模范": "model", "无创新": "advanced", "未推荐": "standard", "满意率84": "below", "84分": "below", "否决": "standard"}
	for id, b := range want {
		s := find(t, r, id)
		if s.Band != b {
			t.Errorf("%s: band %s (grade %s), want %s; why: %s", id, s.Band, s.Grade, b, texts(s.BandWhy))
		}
	}
	mustContain(t, "未推荐", find(t, r, "未推荐").BandWhy, "须在“先进”中产生")
	mustContain(t, "否决", find(t, r, "否决").BandWhy, "一票否决：出现不稳定现象，集体上访、闹事、怠工，取消评比资格，最高评为“达标”")
}

// fiveStar is a unit of 002 篇十一 with a review score and facts.
func fiveStar(id, score string, facts Values) Subject {
	return Subject{ID: id, Name: id, Kind: model.KindOrgan, Facts: facts,
		Sources: []SourceInput{one(model.SourceReview, ItemInput{Item: "score", Score: dp(score)})}}
}

// TestCapsServiceFiveStar: the 附加条件 of 002 篇十一 (quotas left out here).
//
//	无特殊理由、无请示,不按期进行党组织换届选举的,不得定为五星级 — 95, 2 months late → 四星
//	超过一年不换届的,不得定为四星及以上等级 — 95, 13 months → 三星; 12 months → 四星
//	党组织民主评议满意率较低的…60%以下扣5分 — 92 at 60% → 87 → 四星; at 61% → 五星
//	50%以下不定星级 — 92 at 50% → 87, 不定星级
//	无故不参加…(一次扣3分,年度内累计超过3次及以上的,不得定为五星级,…应降低一个星级)
//	  — 95 with 3: 95 − 9 = 86 → 四星, lowered → 三星; 100 with 3: 91 → 五星 → 四星 (lowered; and not 五星)
func TestCapsServiceFiveStar(t *testing.T) {
	s := builtin.ServiceFiveStar()
	s.Quotas = nil
	e := mustCompile(t, s)
	r := e.Score(Input{Subjects: []Subject{
		fiveStar("late2", "95", Vals("electionOverdueMonths", "2")),
		fiveStar("late13", "95", Vals("electionOverdueMonths", "13")),
		fiveStar("late12", "95", Vals("electionOverdueMonths", "12")),
		fiveStar("sat60", "92", Vals("satisfaction", "60")),
		fiveStar("sat61", "92", Vals("satisfaction", "61")),
		fiveStar("sat50", "92", Vals("satisfaction", "50")),
		fiveStar("abs3", "95", Vals("absences", "3")),
		fiveStar("abs3top", "100", Vals("absences", "3")),
		fiveStar("abs2", "95", Vals("absences", "2")),
	}})
	want := []struct{ id, grade, band string }{
		{"late2", "95", "4"}, {"late13", "95", "3"}, {"late12", "95", "4"},
		{"sat60", "87", "4"}, {"sat61", "92", "5"}, {"sat50", "87", "0"},
		{"abs3", "86", "3"}, {"abs3top", "91", "4"}, {"abs2", "89", "4"},
	}
	for _, w := range want {
		s := find(t, r, w.id)
		eq(t, w.id+" grade", s.Grade, w.grade)
		if s.Band != w.band {
			t.Errorf("%s: band %s, want %s; why: %s", w.id, s.Band, w.band, texts(s.BandWhy))
		}
	}
	mustContain(t, "late2", find(t, r, "late2").BandWhy, "不按期换届", "不得高于“四星级”：“五星级”→“四星级”")
	mustContain(t, "sat60", find(t, r, "sat60").GradeWhy, "民主评议满意率较低：党组织民主评议满意率60%，满意率在60%以下，扣5分")
	mustContain(t, "abs3", find(t, r, "abs3").BandWhy, "降低1个等次：“四星级”→“三星级”")
}

// TestStarsNonPublic: 002 篇十五 "每颗星总分值为10分,每项得8分及以上的为一个星级".
func TestStarsNonPublic(t *testing.T) {
	s := builtin.NonPublicMember()
	s.Quotas = nil
	e := mustCompile(t, s)
	m := func(id string, vs ...string) Subject {
		codes := []string{"aigang", "jishu", "anquan", "fengxian", "chengxin"}
		var items []ItemInput
		for k, v := range vs {
			items = append(items, score(codes[k], v))
		}
		return Subject{ID: id, Parent: "b", Sources: []SourceInput{one(model.SourcePublic, items...)}}
	}
	r := e.Score(Input{Subjects: []Subject{m("four", "9", "8", "8", "7.5", "10"), m("three", "10", "10", "10", "0", "0"), m("none", "4", "4", "4", "4", "4")}})
	four := find(t, r, "four")
	if four.StarCount != 4 || four.Band != "4" {
		t.Errorf("four: %d stars, band %s", four.StarCount, four.Band)
	}
	mustContain(t, "four", four.Stars[3].Why, "奉献爱心星：得7.5分，未达到8分及以上")
	if got := find(t, r, "three").Band; got != "3" {
		t.Errorf("three: band %s", got)
	}
	none := find(t, r, "none")
	if none.Band != "0" || !contains(none.Caps, "avg4") {
		t.Errorf("none: band %s caps %v", none.Band, none.Caps)
	}
}

// nothingToDeduct enters every deduction item of the engine's scheme with
// nothing to deduct.
func nothingToDeduct(e *Engine) []ItemInput {
	var items []ItemInput
	e.s.Walk(func(_ []*model.Section, it *model.Item) {
		if it.Rule.Kind == model.RuleDeduct && len(it.EnteredBy) == 0 {
			items = append(items, ItemInput{Item: it.Code})
		}
	})
	return items
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestStarSatisfied: 002 篇十二 "测评满意率在80%以下的,不得授予“群众满意星”".
func TestStarSatisfied(t *testing.T) {
	e := mustCompile(t, builtin.Village())
	v := func(id, sat string) Subject {
		return Subject{ID: id, Kind: model.KindRural, Facts: Vals("satisfaction", sat),
			Sources: []SourceInput{villageSource(model.SourceReview, "18", "18", "18", "18", "18")}}
	}
	r := e.Score(Input{Subjects: []Subject{v("80", "80"), v("80.1", "80.1")}})
	if find(t, r, "80").Stars[0].Earned {
		t.Error("80%: star earned")
	}
	if !find(t, r, "80.1").Stars[0].Earned {
		t.Error("80.1%: star not earned")
	}
	mustContain(t, "80", find(t, r, "80").Stars[0].Why, "不符合群众测评满意率高于80%（实际80%）")
}

// TestTenStars: 002 篇九 "“十星”分别由共性星和个性星组成": 6 common stars by unit
// kind, and the unit's own stars; "民主测评高于90%的,方可获得该颗星".
func TestTenStars(t *testing.T) {
	common := map[model.UnitKind][]string{
		model.KindRural:     {"宗旨星", "学习星", "法纪星", "致富星", "生态星", "新风星"},
		model.KindCommunity: {"宗旨星", "学习星", "法纪星", "生态星", "新风星", "公益星"},
	}
	s := model.Scheme{Code: "ten", Name: "十星级党组织", Version: "1", Subject: model.SubjectUnit, Total: dec("600"),
		Kinds:   []model.UnitKind{model.KindRural, model.KindCommunity},
		Sources: []model.Source{{Code: "public", Name: "民主测评", Weight: dec("100")}},
		Stars:   &model.StarModel{BandByCount: true, OwnSlots: 4, OwnEarn: &model.Range{From: dp("90"), FromExcl: true}},
	}
	for kind, names := range common {
		sec := model.Section{Code: string(kind), Title: string(kind) + "共性星", AppliesTo: []model.UnitKind{kind}}
		for k, n := range names {
			code := string(kind) + itoa(k)
			sec.Items = append(sec.Items, model.Item{Code: code, Title: n + "测评满意率", Points: dec("100"), Rule: model.Manual()})
			s.Stars.Stars = append(s.Stars.Stars, model.Star{Code: code + "-star", Name: n, Ref: code, AppliesTo: []model.UnitKind{kind},
				Earn: &model.Range{From: dp("90"), FromExcl: true}})
		}
		s.Sections = append(s.Sections, sec)
	}
	for n := 10; n >= 0; n-- {
		s.Bands = append(s.Bands, model.Band{Code: itoa(n), Name: itoa(n) + "星级", MinStars: &n})
	}
	e := mustCompile(t, s)
	var items []ItemInput
	for k, v := range []string{"95", "91", "100", "90", "93", "99"} {
		items = append(items, score(string(model.KindRural)+itoa(k), v))
	}
	r := e.Score(Input{Subjects: []Subject{{ID: "村", Kind: model.KindRural, Sources: []SourceInput{one("public", items...)},
		OwnStars: []OwnStar{{"特色产业星", dec("95")}, {"扶贫星", dec("92")}, {"文明星", dec("90")}, {"和谐星", dec("91")}}}}})
	u := &r.Subjects[0]
	// common: 95, 91, 100, 93, 99 earn (90 is not above 90) → 5; own: 95, 92, 91 → 3; 8 stars
	if u.StarCount != 8 || u.Band != "8" {
		t.Errorf("%d stars, band %s; %s", u.StarCount, u.Band, texts(u.BandWhy))
	}
	if len(u.Stars) != 10 {
		t.Errorf("%d star results, want 6 common + 4 own", len(u.Stars))
	}
}

// TestVetoDisqualifies: 002 篇十五 "有下列情形之一的,取消当年度的评星资格".
func TestVetoDisqualifies(t *testing.T) {
	s := builtin.NonPublicMember()
	s.Quotas = nil
	e := mustCompile(t, s)
	all := one(model.SourcePublic, score("aigang", "10"), score("jishu", "10"), score("anquan", "10"), score("fengxian", "10"), score("chengxin", "10"))
	r := e.Score(Input{Subjects: []Subject{
		{ID: "ok", Parent: "b", Sources: []SourceInput{all}},
		{ID: "veto", Parent: "b", Sources: []SourceInput{all}, Vetoes: []string{"petition"}},
	}})
	v := find(t, r, "veto")
	if !v.Disqualified || v.Band != "" || v.Rank != 0 {
		t.Errorf("veto: disqualified %v band %q rank %d", v.Disqualified, v.Band, v.Rank)
	}
	mustContain(t, "veto", v.BandWhy, "一票否决：煽动、参与、组织非法上访，取消本期评定资格")
	if ok := find(t, r, "ok"); ok.Rank != 1 || ok.Band != "5" {
		t.Errorf("ok: rank %d band %s", ok.Rank, ok.Band)
	}
}

// TestRedFlag: 004 第三篇 "“XX先锋旗”评定一面,在全系统各党支部中评选产生"; a tie at
// the last place is not broken by the engine.
func TestRedFlag(t *testing.T) {
	e := mustCompile(t, builtin.PioneerFlag())
	branch := func(id string, deduct int) Subject {
		var items []ItemInput
		e.s.Walk(func(_ []*model.Section, it *model.Item) {
			if it.Rule.Kind == model.RuleManual {
				v := it.Points
				if deduct > 0 {
					v, deduct = v.Sub(dec("1")), deduct-1
				}
				items = append(items, ItemInput{Item: it.Code, Score: v.P()})
			}
		})
		return Subject{ID: id, Name: id, Facts: Vals("satisfaction", "90"), Sources: []SourceInput{one(model.SourceReview, items...)}}
	}
	r := e.Score(Input{Subjects: []Subject{branch("甲", 0), branch("乙", 3), branch("丙", 5)}})
	if len(r.RedFlag.Winners) != 1 || r.RedFlag.Winners[0] != "甲" || !find(t, r, "甲").RedFlag {
		t.Errorf("winners %v", r.RedFlag.Winners)
	}
	tie := e.Score(Input{Subjects: []Subject{branch("甲", 1), branch("乙", 1), branch("丙", 5)}})
	if len(tie.RedFlag.Winners) != 0 || !issuesContain(tie.Issues, "须党委研究确定") {
		t.Errorf("tie: winners %v issues %v", tie.RedFlag.Winners, tie.Issues)
	}
}
