package schemetext

import (
	"strings"
	"testing"

	"xingji/model"
)

// TestRecognise: each phrasing, quoted from the seeds, becomes its rule.
func TestRecognise(t *testing.T) {
	tests := []struct {
		name, text string
		points     string
		penalty    bool
		kind       model.RuleKind
		check      func(t *testing.T, r model.Rule)
	}{
		{"deduct per item", "领导小组办公室工作、工作例会等制度健全。(每少一项减去0.2分,减完为止)", "2", false, model.RuleDeduct,
			func(t *testing.T, r model.Rule) {
				c := r.Deduct.Clauses
				if len(c) != 1 || !c[0].Per.Equal(model.D4("0.2")) || c[0].Cap != nil || !r.Deduct.Floor.IsZero() {
					t.Errorf("clauses %+v", c)
				}
			}},
		{"deduct several clauses with a required count (000 item 3)",
			"制度健全。(每少一项减去0.2分,减完为止)。各党委要建立指导联络制度、领导联系点制度,没建立的在此项中减去1分。其中党政主要领导深入联系点指导检查工作至少4次。(每缺少一次的在此项内容中减去0.5分,减完为止)", "2", false, model.RuleDeduct,
			func(t *testing.T, r model.Rule) {
				c := r.Deduct.Clauses
				if len(c) != 3 {
					t.Fatalf("clauses %+v", c)
				}
				if c[1].Cap == nil || !c[1].Per.Equal(model.Dec(1)) {
					t.Errorf("once-only clause %+v", c[1])
				}
				if c[2].Required == nil || !c[2].Required.Equal(model.Dec(4)) || !c[2].Per.Equal(model.D4("0.5")) {
					t.Errorf("required clause %+v", c[2])
				}
			}},
		{"deduct with a zero condition (000 item 27)", "全部未落实的不得分;每查出一项未落实或落实不到位的减去1分,减完为止", "5", false, model.RuleDeduct,
			func(t *testing.T, r model.Rule) {
				if len(r.Deduct.ZeroIf) != 1 || len(r.Deduct.Clauses) != 1 {
					t.Errorf("%+v", r.Deduct)
				}
			}},
		{"all or nothing (000 item 7)", "利用媒体、板报、公开栏、会议、标语等形式对活动进行广泛宣传,未做宣传和无宣传标示的此项不得分", "1", false, model.RuleAllOrNothing,
			func(t *testing.T, r model.Rule) {
				if len(r.All.Requires) != 1 || !strings.Contains(r.All.Requires[0].Label, "未做宣传和无宣传标示") {
					t.Errorf("%+v", r.All)
				}
			}},
		{"all or nothing (000 item 25)", "党组织和党员按照时限要求,保质保量的完成承诺的得2分,有一项未完成的此项内容不得分", "2", false, model.RuleAllOrNothing, nil},
		{"threshold table (000 item 19)", "知晓率达到90%以上的得满分,达到80%的得1分,低于80%(不含80%)不得分", "2", false, model.RuleTable,
			func(t *testing.T, r model.Rule) {
				b := r.Table.Bands
				if len(b) != 3 || r.Table.Label != "知晓率" {
					t.Fatalf("%+v", r.Table)
				}
				if !b[0].Points.Equal(model.Dec(2)) || !b[1].Points.Equal(model.Dec(1)) || !b[2].Points.IsZero() {
					t.Errorf("points %+v", b)
				}
				// The ladder: 达到80% runs up to the next threshold, 90%.
				if b[1].To == nil || !b[1].To.Equal(model.Dec(90)) || b[2].To == nil || !b[2].To.Equal(model.Dec(80)) || b[2].ToIncl {
					t.Errorf("ranges %+v %+v", b[1].Range, b[2].Range)
				}
				if ps := itemProblems(r, "2"); len(ps) != 0 {
					t.Errorf("a clean table should validate: %v", ps)
				}
			}},
		{"overlapping table kept as written (000 item 34)", "群众满意度达到90%以上的得满分,80%至85%(含)的得4分,85%至80%的(不含)得2分,80%以下的不得分", "5", false, model.RuleTable,
			func(t *testing.T, r model.Rule) {
				ps := itemProblems(r, "5")
				var gap, overlap bool
				for _, p := range ps {
					gap = gap || p.Code == model.PTableGap
					overlap = overlap || p.Code == model.PTableOverlap
				}
				if !gap || !overlap {
					t.Errorf("want both a gap and an overlap flagged, got %v", ps)
				}
			}},
		{"gaps kept as written (000 item 35)", "群众满意度达到90%以上的得满分,80%至89%的得4分,70%至79%的得2分,70%(不含)以下的不得分", "5", false, model.RuleTable,
			func(t *testing.T, r model.Rule) {
				if ps := itemProblems(r, "5"); len(ps) == 0 || ps[0].Code != model.PTableGap {
					t.Errorf("want the 89–90 gap flagged, got %v", ps)
				}
			}},
		{"two rates become parts (000 item 10)", "有能力的党员参与率实现100%的党组织此项内容得1分,80%(不含80%)以下的不得分;群众知晓率90%以上得2分,80%以下的不得分", "3", false, model.RuleParts,
			func(t *testing.T, r model.Rule) {
				if len(r.Parts) != 2 || !r.Parts[0].Points.Equal(model.Dec(1)) || !r.Parts[1].Points.Equal(model.Dec(2)) {
					t.Errorf("%+v", r.Parts)
				}
			}},
		{"bonus by level (000 item 33)", "获得中央、自治区、市、县、本级党委表彰奖励的分别加5、4、3、2、1分", "5", false, model.RuleLevels,
			func(t *testing.T, r model.Rule) {
				l := r.Levels
				if len(l.Levels) != 5 || l.Levels[1].Name != "自治区" || !l.Levels[1].Points.Equal(model.Dec(4)) || l.Combine != model.CombineSum || l.Cap == nil {
					t.Errorf("%+v", l)
				}
			}},
		{"bonus by level, highest (002 篇十一)", "当年度党组织或党组织书记受到市级及以上表彰的,在评定中可适当加分(市级3分,省级5分,国家级8分,以最高的为准)", "8", false, model.RuleLevels,
			func(t *testing.T, r model.Rule) {
				l := r.Levels
				if len(l.Levels) != 3 || l.Combine != model.CombineHighest || !l.Levels[2].Points.Equal(model.Dec(8)) {
					t.Errorf("%+v", l)
				}
			}},
		{"events (002 篇十一)", "单位党组织建设受到市直工委通报批评的、每次扣3分,受到市委通报批评的、每次扣5分", "0", true, model.RuleEvents,
			func(t *testing.T, r model.Rule) {
				e := r.Events.Events
				if len(e) != 2 || !e[0].Per.Equal(model.Dec(-3)) || !e[1].Per.Equal(model.Dec(-5)) {
					t.Errorf("%+v", e)
				}
			}},
		{"proportional (000 第四篇 item 10)", "按工厂经营责任制考核实际得分结果,同比例扣减分数。", "30", false, model.RuleProportional,
			func(t *testing.T, r model.Rule) {
				if r.Proportional.Label != "工厂经营责任制" || !r.Proportional.OutsideMax.Equal(model.Dec(100)) {
					t.Errorf("%+v", r.Proportional)
				}
			}},
		{"bonus item (000 第四篇 ㈡ 1)", "在厂内交流、介绍党建工作经验加2分。(各部室提供)", "2", false, model.RuleAllOrNothing, nil},
		{"manual", "“一把手”负总责,做到“六亲自一带头”", "1", false, model.RuleManual, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := Recognise(prepare(tt.text), model.D4(tt.points), tt.penalty)
			if rec.Rule.Kind != tt.kind {
				t.Fatalf("kind = %s, want %s (%+v)", rec.Rule.Kind, tt.kind, rec)
			}
			if rec.Recognised != (tt.kind != model.RuleManual) {
				t.Errorf("recognised = %v", rec.Recognised)
			}
			if rec.Recognised && rec.Quote == "" {
				t.Error("a recognised rule keeps its sentence")
			}
			if !rec.Recognised && rec.Why == "" {
				t.Error("an unrecognised item says why")
			}
			if tt.check != nil {
				tt.check(t, rec.Rule)
			}
		})
	}
}

// itemProblems validates a one-item scheme holding r.
func itemProblems(r model.Rule, points string) model.Problems {
	s := model.Scheme{Code: "t", Name: "t", Subject: model.SubjectUnit, Total: model.D4(points),
		Sources:  []model.Source{{Code: model.SourceReview, Name: "考评", Weight: model.Dec(100)}},
		Sections: []model.Section{{Code: "S", Title: "t", Items: []model.Item{{Code: "1", Title: "t", Points: model.D4(points), Rule: r}}}}}
	return s.Problems()
}

// TestHeadingsAndPoints covers the heading and points forms of the issue.
func TestHeadingsAndPoints(t *testing.T) {
	text := "某单位考核细则（满分１００分）\n一、基础工作（30分）\n（一）组织建设（20分）\n1、班子健全。(10分)\n2.制度完善 分值：10\n(二)作风建设\n(1)作风扎实(10分)\n二、业绩\n1、完成任务 满分70分\n"
	r := Parse(text)
	if !r.DeclaredTotal.Equal(model.Dec(100)) || !r.ComputedTotal.Equal(model.Dec(100)) || r.Items != 4 || !r.OK() {
		t.Fatalf("declared %s computed %s items %d problems %v", r.DeclaredTotal, r.ComputedTotal, r.Items, r.Problems)
	}
	bad := Parse("考核细则(总分100分)\n一、学习(20分)\n1、按时学习(5分)\n2、心得(10分)\n")
	if bad.OK() || !strings.Contains(strings.Join(bad.Problems, ""), "标明20分，下列各项合计15分") {
		t.Errorf("section mismatch not reported: %v", bad.Problems)
	}
}
