package scoring

import (
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// TestRules runs each rule of the built-in transcriptions on inputs chosen
// by hand. Each case is named by the seed sentence it implements.
func TestRules(t *testing.T) {
	wlmq, ent, svc := builtin.Wlmq(), builtin.Enterprise(), builtin.ServiceFiveStar()
	cases := []struct {
		name    string // the seed's words
		scheme  model.Scheme
		item    string
		in      ItemInput // the review's input (ignored for facts items)
		facts   Values
		want    string
		explain []string // parts of the explanation
		issue   string   // part of an issue, when one is expected
	}{
		// 000 第一篇 item 3: several deduction clauses in one item.
		{name: "每少一项减去0.2分,减完为止", scheme: wlmq, item: "3",
			in: vals("3", "missingSystems", "2", "leaderVisits", "4"), want: "1.6", explain: []string{"制度每少一项：2 × 0.2分 = 减0.4分", "满分2分 − 扣0.4分 = 1.6分"}},
		{name: "每少一项减去0.2分,减完为止（减完为止）", scheme: wlmq, item: "3",
			in: vals("3", "missingSystems", "15", "leaderVisits", "4"), want: "0", explain: []string{"减完为止，得0分"}},
		{name: "没建立的在此项中减去1分；至少4次(每缺少一次的在此项内容中减去0.5分,减完为止)", scheme: wlmq, item: "3",
			in: vals("3", "missingSystems", "1", "noLiaison", "1", "leaderVisits", "3"), want: "0.3",
			explain: []string{"未建立指导联络制度、领导联系点制度：1 × 1分 = 减1分", "应4，实3，少1 × 0.5分 = 减0.5分", "满分2分 − 扣1.7分 = 0.3分"}},
		{name: "至少4次…每缺少一次…减去0.5分（次数未填：标出，按0次计）", scheme: wlmq, item: "3",
			in: vals("3", "missingSystems", "0"), want: "0", issue: "未填写党政主要领导深入联系点指导检查的实际次数"},
		{name: "党政主要领导深入联系点指导检查工作至少4次（已达到）", scheme: wlmq, item: "3",
			in: vals("3", "leaderVisits", "5"), want: "2", explain: []string{"无扣分情形，得满分2分"}},
		{name: "未做宣传和无宣传标示的此项不得分（都做到）", scheme: wlmq, item: "7",
			in: flags("7", "publicized", "signs"), want: "1", explain: []string{"各项要求均已达到，得满分1分"}},
		{name: "未做宣传和无宣传标示的此项不得分", scheme: wlmq, item: "7",
			in: flags("7", "publicized"), want: "0", explain: []string{"未达到：有宣传标示，此项不得分"}},
		{name: "没有成立领导组织或工作机构不健全、无专(兼)职工作人员的,此项内容不得分", scheme: wlmq, item: "1",
			in: flags("1", "leadingGroup", "staff"), want: "0", explain: []string{"未达到：工作机构健全"}},
		{name: "2篇(含两篇)以上的得满分。…缺少一次总结减去0.2分", scheme: wlmq, item: "8",
			in: vals("8", "articles", "2", "missingSummaries", "1"), want: "0.8", explain: []string{"县级以上简报刊发信息篇数2篇，属于“2篇及以上”一档，得1分", "起始分1分 − 扣0.2分 = 0.8分"}},
		{name: "未在县级以上创先争优活动简报上刊发信息的此项内容不得分", scheme: wlmq, item: "8",
			in: vals("8", "articles", "0"), want: "0"},
		{name: "刊发1篇：原文未规定（标出，不猜）", scheme: wlmq, item: "8",
			in: vals("8", "articles", "1"), want: "0", issue: "未规定得分，暂按0分计，须考核办认定"},
		{name: "知晓率达到90%以上的得满分", scheme: wlmq, item: "19",
			in: vals("19", "awareness", "90"), want: "2", explain: []string{"知晓率90%，属于“90%至100%（含两端）”一档，得2分"}},
		{name: "达到80%的得1分", scheme: wlmq, item: "19", in: vals("19", "awareness", "89.99"), want: "1"},
		{name: "达到80%的得1分（恰为80%）", scheme: wlmq, item: "19", in: vals("19", "awareness", "80"), want: "1"},
		{name: "低于80%(不含80%)不得分", scheme: wlmq, item: "19", in: vals("19", "awareness", "79.99"), want: "0"},
		{name: "80%至85%(含)的得4分,85%至80%的(不含)得2分——两档重叠，标出", scheme: wlmq, item: "34",
			in: vals("34", "satisfaction", "83"), want: "0", issue: "同时属于门槛表的两档"},
		{name: "85%至90%之间原文未规定——标出", scheme: wlmq, item: "34",
			in: vals("34", "satisfaction", "87"), want: "0", issue: "门槛表未规定得分"},
		{name: "群众满意度达到90%以上的得满分", scheme: wlmq, item: "34", in: vals("34", "satisfaction", "95"), want: "5"},
		{name: "80%至89%的得4分（89.5%按80%至90%）", scheme: wlmq, item: "35", in: vals("35", "satisfaction", "89.5"), want: "4"},
		{name: "70%(不含)以下的不得分", scheme: wlmq, item: "35", in: vals("35", "satisfaction", "69.9"), want: "0"},
		{name: "参与率实现100%的得1分;群众知晓率90%以上得2分", scheme: wlmq, item: "10",
			in: vals("10", "participation", "100", "awareness", "92"), want: "3", explain: []string{"各部分合计3分"}},
		{name: "参与率在80%至100%之间原文未规定——标出", scheme: wlmq, item: "10",
			in: vals("10", "participation", "90", "awareness", "92"), want: "2", issue: "有能力的党员参与率90%时门槛表未规定得分"},
		{name: "党徽佩戴率达100%、党员示范户达10%、开展党员先锋岗活动的得5分", scheme: wlmq, item: "11",
			in: vals("11", "badgeRate", "100", "demoRate", "12", "pioneerPosts", "1"), want: "5", explain: []string{"党徽佩戴率=100%", "结果5分"}},
		{name: "党徽佩戴率未达100%的不得分", scheme: wlmq, item: "11",
			in: vals("11", "badgeRate", "99", "demoRate", "12", "pioneerPosts", "1"), want: "0"},
		{name: "分别加5、4、3、2、1分（累加，以本项5分为限）", scheme: wlmq, item: "33",
			in: levels("33", "central", "city"), want: "5", explain: []string{"累加8分", "以5分为限"}},
		{name: "分别加5、4、3、2、1分（县2分＋本级1分）", scheme: wlmq, item: "33", in: levels("33", "county", "own"), want: "3"},
		{name: "会议记录、会议资料完备的此项满分,缺失的不得分", scheme: wlmq, item: "16",
			in: ItemInput{Item: "16", Flags: []string{"recordsMissing"}, Values: Vals("missingMeetings", "1")}, want: "0", explain: []string{"会议记录、会议资料缺失：此项不得分"}},
		{name: "每少一次减0.5分,减完为止", scheme: wlmq, item: "16", in: vals("16", "missingMeetings", "1"), want: "1.5"},
		{name: "一名党员未做出再承诺的减掉0.2分,减完为止", scheme: wlmq, item: "26", in: vals("26", "membersNoRecommit", "3"), want: "1.4"},
		{name: "未做出再承诺的党组织此项内容不得分", scheme: wlmq, item: "26", in: flags("26", "orgNoRecommit"), want: "0"},
		{name: "“一把手”负总责(1分)——超出分值的评分按1分计", scheme: wlmq, item: "2",
			in: score("2", "1.5"), want: "1", explain: []string{"超出本项范围"}},
		// 002 篇十一
		{name: "市级3分,省级5分,国家级8分,以最高的为准", scheme: svc, item: "plus1",
			in: levels("plus1", "city", "province"), want: "5", explain: []string{"以最高的为准，得5分"}},
		{name: "受到市直工委通报批评的、每次扣3分，受到市委通报批评的、每次扣5分", scheme: svc, item: "minus1",
			facts: Vals("noticeCommittee", "2", "noticeCity", "1"), want: "-11", explain: []string{"受到市直工委通报批评：2 × -3分 = -6分", "合计-11分"}},
		{name: "领导班子成员中受严重警告以下处分的、一人次扣3分…一般党员违法违纪一人次扣2分", scheme: svc, item: "minus2",
			facts: Vals("sanctionWarning", "1", "memberViolation", "2"), want: "-7"},
		// 000 第四篇
		{name: "按工厂经营责任制考核实际得分结果,同比例扣减分数", scheme: ent, item: "O10",
			facts: Vals("economic", "92"), want: "27.6", explain: []string{"30分 × 92 ÷ 100 = 27.6分"}},
		{name: "按工厂经营责任制考核实际得分结果,同比例扣减分数（超过满分按满分）", scheme: ent, item: "O10",
			facts: Vals("economic", "105"), want: "30"},
		{name: "75%—84%之间减2分", scheme: ent, item: "O3", facts: Vals("satisfaction", "80"), want: "1"},
		{name: "满意率在60%至75%之间减3分;75%—84%之间减2分——75%两属，标出", scheme: ent, item: "O3",
			facts: Vals("satisfaction", "75"), want: "0", issue: "同时属于门槛表的两档"},
		{name: "84%至85%之间原文未规定——标出", scheme: ent, item: "O3", facts: Vals("satisfaction", "84.5"), want: "0", issue: "未规定得分"},
		{name: "党员大会少一次减2分;…党课少一次减2分", scheme: ent, item: "O4",
			in: vals("O4", "missingGeneral", "1", "missingLectures", "1"), want: "1"},
		{name: "及时报告党风廉政重大事项,未及时报告减5分…瞒报减5分", scheme: ent, item: "K",
			in: vals("K", "lateMajor", "1", "concealViolation", "1"), want: "0"},
		{name: "做到有方案、有检查、有考核、有典型、有总结,每缺一项减2分。无成果的不得分", scheme: ent, item: "O9",
			in: ItemInput{Item: "O9", Flags: []string{"noResults"}}, want: "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			it := c.scheme.Item(c.item)
			if it == nil {
				t.Fatalf("no item %s", c.item)
			}
			s := oneItemScheme(*it)
			s.Facts = c.scheme.Facts
			e := mustCompile(t, s)
			sub := Subject{ID: "x", Name: "甲", Facts: c.facts}
			if len(it.EnteredBy) == 0 || it.EnteredBy[0] != model.SourceFacts {
				sub.Sources = []SourceInput{one(model.SourceReview, c.in)}
			}
			r := e.Score(Input{Subjects: []Subject{sub}})
			got := item(t, &r.Subjects[0], c.item)
			eq(t, "score", got.Score, c.want)
			mustContain(t, c.item, got.Why, c.explain...)
			if c.issue != "" && !issuesContain(r.Subjects[0].Issues, c.issue) {
				t.Errorf("issues %q lack %q", r.Subjects[0].Issues, c.issue)
			}
			if c.issue == "" && len(r.Subjects[0].Issues) > 0 {
				t.Errorf("unexpected issues %q", r.Subjects[0].Issues)
			}
		})
	}
}

// TestFormulaExact: an office formula over 0.1 and 0.2 gives exactly 0.3:
// the float result is rounded to four decimals through its shortest text.
func TestFormulaExact(t *testing.T) {
	s := oneItemScheme(model.Item{Code: "f", Title: "公式", Points: dec("1"),
		Rule: model.Formula("x + y", model.Var{Name: "x", Label: "甲"}, model.Var{Name: "y", Label: "乙"})})
	e := mustCompile(t, s)
	r := e.Score(Input{Subjects: []Subject{{ID: "a", Sources: []SourceInput{one(model.SourceReview, vals("f", "x", "0.1", "y", "0.2"))}}}})
	eq(t, "0.1+0.2", r.Subjects[0].Items[0].Score, "0.3")
}

// TestFormulaDoesNotCompile: a formula that does not compile is a fatal
// problem naming the item; one that names an undeclared variable too.
func TestFormulaDoesNotCompile(t *testing.T) {
	for _, src := range []string{"x +", "x + z", "now()", "len('a')"} {
		s := oneItemScheme(model.Item{Code: "f9", Title: "公式项", Points: dec("1"),
			Rule: model.Formula(src, model.Var{Name: "x", Label: "甲"})})
		e, ps := Compile(s)
		if e != nil {
			t.Errorf("%q compiled", src)
			continue
		}
		found := false
		for _, p := range ps {
			found = found || (p.Code == model.PFormula && p.Ref == "f9" && p.Fatal)
		}
		if !found {
			t.Errorf("%q: problems %v lack a fatal formula problem on f9", src, ps)
		}
		if err := s.Validate(); err == nil {
			t.Errorf("%q: Scheme.Validate (with the registered checker) found nothing", src)
		}
	}
}

// TestFormulaDivisionByZero: a formula that divides by zero is flagged on
// the subject, not a panic.
func TestFormulaDivisionByZero(t *testing.T) {
	s := oneItemScheme(model.Item{Code: "f", Title: "公式", Points: dec("5"),
		Rule: model.Formula("5 * a / b", model.Var{Name: "a", Label: "甲"}, model.Var{Name: "b", Label: "乙"})})
	e := mustCompile(t, s)
	r := e.Score(Input{Subjects: []Subject{{ID: "a", Sources: []SourceInput{one(model.SourceReview, vals("f", "a", "1", "b", "0"))}}}})
	if !issuesContain(r.Subjects[0].Issues, "除以0") {
		t.Errorf("issues %q", r.Subjects[0].Issues)
	}
}
