package scoring

import (
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// villageInputs are the five items of the village scheme.
var villageItems = []string{"policy", "law", "skills", "livelihood", "economy"}

func villageSource(src string, scores ...string) SourceInput {
	var items []ItemInput
	for k, v := range scores {
		items = append(items, score(villageItems[k], v))
	}
	return one(src, items...)
}

// TestWeightsThreeToSeven: 002 篇十二 "根据村党组织自评和乡党委考评结果,按照3:7的
// 比例加权计分,综合计算结果即为每项最后得分".
//
// By hand, item by item (自评, 考评 → 0.3×自评 + 0.7×考评):
//
//	policy     18, 16 → 5.4 + 11.2 = 16.6
//	law        17, 18 → 5.1 + 12.6 = 17.7
//	skills     16, 17 → 4.8 + 11.9 = 16.7
//	livelihood 19, 18 → 5.7 + 12.6 = 18.3
//	economy    15, 14 → 4.5 +  9.8 = 14.3
//	total                           83.6  (= 0.3×85 + 0.7×83)
func TestWeightsThreeToSeven(t *testing.T) {
	e := mustCompile(t, builtin.Village())
	r := e.Score(Input{Subjects: []Subject{{ID: "v", Name: "东村", Kind: model.KindRural, Sources: []SourceInput{
		villageSource(model.SourceSelf, "18", "17", "16", "19", "15"),
		villageSource(model.SourceReview, "16", "18", "17", "18", "14"),
	}}}})
	v := &r.Subjects[0]
	for k, want := range []string{"16.6", "17.7", "16.7", "18.3", "14.3"} {
		eq(t, villageItems[k], item(t, v, villageItems[k]).Score, want)
	}
	eq(t, "main", v.Main, "83.6")
	mustContain(t, "policy", item(t, v, "policy").Why, "村党组织自评 18分 × 30% + 乡党委考评 16分 × 70% = 16.6分")
	eq(t, "self subtotal", v.Sources[0].Subtotal, "85")
	eq(t, "review subtotal", v.Sources[1].Subtotal, "83")
}

// TestWeightsRenormalise: a source that did not score is left out and the
// others' weights are scaled to 100%, item by item, and it is said so.
//
// By hand: no self-assessment at all → each item is the review's score,
// total 83. Self-assessment without "economy" → that item alone is the
// review's 14 (70% → 100%); the other four as in the 3:7 test: 16.6 + 17.7
// + 16.7 + 18.3 + 14 = 83.3.
func TestWeightsRenormalise(t *testing.T) {
	e := mustCompile(t, builtin.Village())
	r := e.Score(Input{Subjects: []Subject{
		{ID: "noself", Kind: model.KindRural, Sources: []SourceInput{villageSource(model.SourceReview, "16", "18", "17", "18", "14")}},
		{ID: "partial", Kind: model.KindRural, Sources: []SourceInput{
			villageSource(model.SourceSelf, "18", "17", "16", "19"),
			villageSource(model.SourceReview, "16", "18", "17", "18", "14")}},
	}})
	noself := find(t, r, "noself")
	eq(t, "no self main", noself.Main, "83")
	mustContain(t, "economy", item(t, noself, "economy").Why, "乡党委考评 14分 × 100% = 14分", "村党组织自评未评分，其余来源的权重按比例折算为100%")
	partial := find(t, r, "partial")
	eq(t, "partial main", partial.Main, "83.3")
	eq(t, "partial economy", item(t, partial, "economy").Score, "14")
}

// TestWeightsMissingAsZero: with MissingZero the missing source counts 0 with
// its weight: 0.7 × 83 = 58.1.
func TestWeightsMissingAsZero(t *testing.T) {
	s := builtin.Village()
	s.MissingSource = model.MissingZero
	e := mustCompile(t, s)
	r := e.Score(Input{Subjects: []Subject{{ID: "v", Kind: model.KindRural, Sources: []SourceInput{
		villageSource(model.SourceReview, "16", "18", "17", "18", "14")}}}})
	eq(t, "main", r.Subjects[0].Main, "58.1")
	mustContain(t, "policy", item(t, &r.Subjects[0], "policy").Why, "村党组织自评 0分 × 30%", "未评分，按0分计")
}

// TestWeightsMembers: 004 第二篇 "党员自评(20%) 党员互评(30%) 领导点评(20%)
// 职工参评(30%)", each multi-rater source "以平均值为综合测评得分".
//
// By hand: 自评 85; 互评 80, 90, 85, 86 → 85.25; 点评 88; 参评 80, 82, 84, 86,
// 88 → 84. 0.2×85 + 0.3×85.25 + 0.2×88 + 0.3×84 = 17 + 25.575 + 17.6 + 25.2
// = 85.375 → 85.38 (half away from zero).
//
// Without 互评: (17 + 17.6 + 25.2) ÷ 0.7 = 85.428571… → 85.4286 → 85.43,
// the weights shown as 28.5714%, 28.5714%, 42.8571%.
func TestWeightsMembers(t *testing.T) {
	e := mustCompile(t, builtin.MemberFlagStar())
	all := []SourceInput{
		totals(model.SourceSelf, "85"), totals(model.SourcePeer, "80", "90", "85", "86"),
		totals(model.SourceLeader, "88"), totals(model.SourcePublic, "80", "82", "84", "86", "88"),
	}
	r := e.Score(Input{Subjects: []Subject{
		{ID: "all", Sources: all},
		{ID: "nopeer", Sources: []SourceInput{all[0], all[2], all[3]}},
	}})
	a := find(t, r, "all")
	eq(t, "peer subtotal", a.Sources[1].Subtotal, "85.25")
	mustContain(t, "peer", a.Sources[1].Why, "党员互评：4人评分，平均85.25分")
	eq(t, "main", a.Main, "85.38")
	mustContain(t, "grade", a.GradeWhy, "党员自评85×20% + 党员互评85.25×30% + 领导点评88×20% + 职工参评84×30% = 85.375分≈85.38分")
	n := find(t, r, "nopeer")
	eq(t, "nopeer main", n.Main, "85.43")
	mustContain(t, "grade", n.GradeWhy, "党员自评85×28.5714%", "职工参评84×42.8571%", "党员互评未提交，其余来源的权重按比例折算为100%")
}

// TestWeightsOnSiteChecks: 000 第三篇 抽查考核 "现场看点(60分) 查阅资料(25分)
// 召开座谈汇报会,并进行群众满意度测评(15分)" as weighted sources scored out of
// 100. By hand: 0.6×90 + 0.25×80 + 0.15×70 = 54 + 20 + 10.5 = 84.5; without
// the 座谈测评: 74 ÷ 0.85 = 87.0588… → 87.06.
func TestWeightsOnSiteChecks(t *testing.T) {
	s := model.Scheme{Code: "cc", Name: "创先争优抽查考核", Version: "1", Subject: model.SubjectUnit, Total: dec("100"),
		Sources: []model.Source{
			{Code: "site", Name: "现场看点", Weight: dec("60")},
			{Code: "docs", Name: "查阅资料", Weight: dec("25")},
			{Code: "talk", Name: "座谈测评", Weight: dec("15")}},
		Sections: []model.Section{{Code: "S", Title: "抽查考核", Items: []model.Item{{Code: "all", Title: "综合", Points: dec("100"), Rule: model.Manual()}}}}}
	e := mustCompile(t, s)
	r := e.Score(Input{Subjects: []Subject{
		{ID: "a", Sources: []SourceInput{totals("site", "90"), totals("docs", "80"), totals("talk", "70")}},
		{ID: "b", Sources: []SourceInput{totals("site", "90"), totals("docs", "80")}},
	}})
	eq(t, "a", find(t, r, "a").Main, "84.5")
	eq(t, "b", find(t, r, "b").Main, "87.06")
}

// TestRaters: mean, trimmed mean ("去掉一个最高分和一个最低分") and median, and
// the minimum number of raters ("由5个职工代表根据党员平时表现进行民主测评").
func TestRaters(t *testing.T) {
	src := func(agg model.Aggregation, trimFrom, minRaters int) model.Scheme {
		return model.Scheme{Code: "r", Name: "测评", Version: "1", Subject: model.SubjectMember, Total: dec("100"),
			Sources:  []model.Source{{Code: "p", Name: "群众测评", Weight: dec("100"), Aggregate: agg, TrimFrom: trimFrom, MinRaters: minRaters}},
			Sections: []model.Section{{Code: "S", Title: "测评", Items: []model.Item{{Code: "x", Title: "综合", Points: dec("100"), Rule: model.Manual()}}}}}
	}
	cases := []struct {
		name    string
		scheme  model.Scheme
		raters  []string
		want    string
		explain string
		issue   string
	}{
		{"平均值", src(model.AggMean, 0, 0), []string{"80", "85", "90"}, "85", "3人评分，平均85分", ""},
		{"去掉一个最高分和一个最低分后平均（5人）", src(model.AggTrimmed, 5, 0), []string{"60", "80", "82", "84", "100"}, "82",
			"去掉一个最高分100分和一个最低分60分后，3人平均82分", ""},
		{"不足规定人数不去掉最高最低分", src(model.AggTrimmed, 5, 0), []string{"60", "80", "84", "100"}, "81", "不足5人，不去掉最高最低分，平均81分", ""},
		{"中位数（奇数）", src(model.AggMedian, 0, 0), []string{"70", "90", "80"}, "80", "中位数80分", ""},
		{"中位数（偶数取中间两数平均）", src(model.AggMedian, 0, 0), []string{"70", "80", "90", "100"}, "85", "中位数85分", ""},
		{"平均值保留四位小数：100÷3", src(model.AggMean, 0, 0), []string{"100", "0", "0"}, "33.33", "平均33.3333分≈33.33分", ""},
		{"由5个职工代表…民主测评：只有4人，标出", src(model.AggMean, 0, 5), []string{"80", "80", "80", "80"}, "80", "", "只有4人评分，少于规定的5人"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := mustCompile(t, c.scheme)
			r := e.Score(Input{Subjects: []Subject{{ID: "m", Sources: []SourceInput{totals("p", c.raters...)}}}})
			m := &r.Subjects[0]
			eq(t, "main", m.Main, c.want)
			if c.explain != "" {
				mustContain(t, "source", m.Sources[0].Why, c.explain)
			}
			if c.issue != "" && !issuesContain(m.Issues, c.issue) {
				t.Errorf("issues %q lack %q", m.Issues, c.issue)
			}
		})
	}
}

// TestRatersItemLevel: several raters scoring item by item are averaged per
// item ("由党员互相评议得分,最后以平均值为综合测评得分").
func TestRatersItemLevel(t *testing.T) {
	e := mustCompile(t, builtin.NonPublicMember())
	rate := func(vs ...string) Rating {
		codes := []string{"aigang", "jishu", "anquan", "fengxian", "chengxin"}
		var items []ItemInput
		for k, v := range vs {
			items = append(items, score(codes[k], v))
		}
		return Rating{Items: items}
	}
	r := e.Score(Input{Subjects: []Subject{{ID: "m", Parent: "b", Sources: []SourceInput{{Source: model.SourcePublic, Ratings: []Rating{
		rate("9", "8", "7", "10", "6"), rate("8", "8", "9", "9", "7"), rate("7", "9", "8", "8", "8"),
	}}}}}})
	m := &r.Subjects[0]
	eq(t, "aigang", item(t, m, "aigang").Score, "8")     // (9+8+7)/3
	eq(t, "chengxin", item(t, m, "chengxin").Score, "7") // (6+7+8)/3
	eq(t, "anquan", item(t, m, "anquan").Score, "8")     // (7+9+8)/3
	mustContain(t, "aigang", item(t, m, "aigang").Why, "3人评分，平均8分")
}

// TestDuplicateRating: a rater who scores an item twice counts once, and it
// is flagged — also when an earlier rater skipped the item.
func TestDuplicateRating(t *testing.T) {
	e := mustCompile(t, builtin.NonPublicMember())
	r := e.Score(Input{Subjects: []Subject{{ID: "m", Parent: "b", Sources: []SourceInput{{Source: model.SourcePublic, Ratings: []Rating{
		{Items: []ItemInput{score("jishu", "8")}},
		{Items: []ItemInput{score("aigang", "6"), score("aigang", "10")}},
	}}}}}})
	m := &r.Subjects[0]
	eq(t, "aigang", item(t, m, "aigang").Score, "6")
	if !issuesContain(m.Issues, "重复评分，只计第一次") {
		t.Errorf("issues %q", m.Issues)
	}
}
