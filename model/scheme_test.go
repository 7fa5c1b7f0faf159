package model

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// small is a valid two-item scheme to break in the tests.
func small() Scheme {
	return Scheme{Code: "s", Name: "测试方案", Version: "1", Subject: SubjectUnit, Total: Dec(10),
		Sources: []Source{{Code: SourceSelf, Name: "自评", Weight: Dec(30)}, {Code: SourceReview, Name: "考评", Weight: Dec(70)}},
		Sections: []Section{{Code: "S1", Title: "基础工作", Points: Dec(10), Items: []Item{
			{Code: "1", Title: "领导组织", Points: Dec(4), Rule: AllOrNothing(Flag{"group", "成立领导组织"})},
			{Code: "2", Title: "制度健全", Points: Dec(6), Rule: Deduct(DeductClause{Input: "missing", Label: "每少一项", Per: D4("0.2")})},
		}}},
		Bands: []Band{{Code: "good", Name: "优秀", Range: AtLeast("9")}, {Code: "ok", Name: "合格", Range: Between("6", "9")}, {Code: "bad", Name: "不合格", Range: Below("6")}},
	}
}

// has reports whether ps has a problem of code on ref whose message
// contains every part.
func has(ps Problems, code ProblemCode, ref string, parts ...string) bool {
	for _, p := range ps {
		if p.Code != code || p.Ref != ref {
			continue
		}
		ok := true
		for _, s := range parts {
			ok = ok && strings.Contains(p.Message, s)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestValidateSmall(t *testing.T) {
	if err := small().Validate(); err != nil {
		t.Fatalf("valid scheme: %v", err)
	}
}

// TestValidate: each problem is found and names the item.
func TestValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Scheme)
		code  ProblemCode
		ref   string
		parts []string
	}{
		{"points not adding up to the section", func(s *Scheme) { s.Sections[0].Items[1].Points = Dec(5) },
			PPointsSum, "S1", []string{"部分“S1 基础工作”规定10分，所属项目合计9分"}},
		{"points not adding up to the total", func(s *Scheme) { s.Total = Dec(12) },
			PPointsSum, "", []string{"合计10分，与规定总分12分不符"}},
		{"total per unit kind (分类指导)", func(s *Scheme) {
			s.Kinds = []UnitKind{KindRural, KindWindow}
			s.Sections[0].Items[1].AppliesTo = []UnitKind{KindRural}
		}, PPointsSum, "", []string{"窗口单位类党组织适用的项目分值合计4分"}},
		{"weights not summing to 100%", func(s *Scheme) { s.Sources[1].Weight = Dec(60) },
			PWeights, "", []string{"权重之和为90%"}},
		{"negative max", func(s *Scheme) { s.Sections[0].Items[0].Points = Dec(-4) },
			PNegativeMax, "1", []string{"项目“1 领导组织”的分值 -4 为负数"}},
		{"missing 分值", func(s *Scheme) { s.Sections[0].Items[0].Points = Decimal{} },
			PItemPoints, "1", []string{"项目“1 领导组织”没有规定分值"}},
		{"deduction without its number", func(s *Scheme) { s.Sections[0].Items[1].Rule.Deduct.Clauses[0].Per = Decimal{} },
			PRuleValue, "2", []string{"扣分条款“每少一项”没有规定每次扣几分"}},
		{"rule payload missing", func(s *Scheme) { s.Sections[0].Items[1].Rule.Deduct = nil },
			PRuleShape, "2", []string{"内容不完整或与类型不符"}},
		{"two payloads", func(s *Scheme) { s.Sections[0].Items[0].Rule.Table = &TableRule{} },
			PRuleShape, "1", nil},
		{"unknown source", func(s *Scheme) { s.Sections[0].Items[0].EnteredBy = []string{"boss"} },
			PRef, "1", []string{"未定义的评分来源“boss”"}},
		{"duplicate code", func(s *Scheme) { s.Sections[0].Items[1].Code = "1" },
			PDuplicate, "1", []string{"编码“1”重复"}},
		{"band gap", func(s *Scheme) { s.Bands[1].Range = Between("7", "9") },
			PBandGap, "", []string{"总分6分至7分（含6分，不含7分）时不属于任何等次"}},
		{"band overlap", func(s *Scheme) { s.Bands[1].Range = Closed("6", "9") },
			PBandOverlap, "", []string{"总分9分时同时属于“优秀”和“合格”"}},
		{"band without its score line", func(s *Scheme) { s.Bands[0].Range = Range{} },
			PBandBound, "good", []string{"等次“优秀”没有规定分数线"}},
		{"unknown fact in a condition", func(s *Scheme) { s.Bands[0].Requires = []Condition{Cond("x", OpGE, "1", "")} },
			PRef, "good", []string{"未声明的事实“x”"}},
		{"impossible quota: at least 30% but at most 10%", func(s *Scheme) {
			s.Quotas = []Quota{{Code: "max", Band: "good", Mode: QuotaAtMost, Share: Dec(10).P()}, {Code: "min", Band: "good", Mode: QuotaAtLeast, Share: Dec(30).P()}}
		}, PQuotaImpossible, "min", []string{"“min”要求至少30%，但“max”规定至多10%"}},
		{"impossible quota: at-least shares over 100%", func(s *Scheme) {
			s.Quotas = []Quota{{Code: "a", Band: "ok", Mode: QuotaAtLeast, Share: Dec(60).P()}, {Code: "b", Band: "bad", Span: SpanAndBelow, Mode: QuotaAtLeast, Share: Dec(50).P()}}
		}, PQuotaImpossible, "", []string{"合计110%"}},
		{"quota with neither share nor count", func(s *Scheme) { s.Quotas = []Quota{{Code: "q", Band: "good", Mode: QuotaAtMost}} },
			PQuota, "q", []string{"须规定比例或人数之一"}},
		{"note naming nothing", func(s *Scheme) { s.Notes = []Note{{Ref: "99", Text: "?"}} },
			PRef, "99", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := small()
			c.edit(&s)
			ps := s.Check(nil)
			if !has(ps, c.code, c.ref, c.parts...) {
				t.Errorf("want %s on %q with %q; got %v", c.code, c.ref, c.parts, ps)
			}
			if s.Validate() == nil {
				t.Error("Validate returned nil")
			}
		})
	}
}

// TestValidateTableAsWritten: 000 item 34 as written — "群众满意度达到90%以上的得
// 满分,80%至85%(含)的得4分,85%至80%的(不含)得2分,80%以下的不得分" — is flagged
// with the item named: overlaps and a gap, never silently resolved.
func TestValidateTableAsWritten(t *testing.T) {
	s := small()
	s.Sections[0].Items[1] = Item{Code: "34", Title: "年终满意度调查问卷", Points: Dec(6), Rule: Table(TableRule{
		Input: "satisfaction", Label: "群众满意度", Unit: "%", Domain: Closed("0", "100"),
		Bands: []TableBand{{Closed("90", "100"), Dec(6)}, {Closed("80", "85"), Dec(4)},
			{Range{From: D4("80").P(), To: D4("85").P(), FromExcl: true}, Dec(2)}, {AtMost("80"), Dec(0)}}})}
	ps := s.Check(nil)
	if !has(ps, PTableOverlap, "34", "项目“34 年终满意度调查问卷”", "80%至85%（不含两端）时既得4分又得2分") {
		t.Errorf("overlap not flagged: %v", ps)
	}
	if !has(ps, PTableOverlap, "34", "80%时既得4分又得0分") {
		t.Errorf("overlap at 80 not flagged: %v", ps)
	}
	if !has(ps, PTableGap, "34", "未规定85%至90%（不含两端）时的得分") {
		t.Errorf("gap not flagged: %v", ps)
	}
	s.Notes = []Note{{Ref: "34", Text: "原文重叠，须考核办明确", Flags: []ProblemCode{PTableOverlap, PTableGap}}}
	if un := s.Unexplained(s.Check(nil)); len(un) != 0 {
		t.Errorf("noted problems still unexplained: %v", un)
	}
}

// TestValidateFormula: a formula is compiled by the checker given; its
// failure is fatal and names the item.
func TestValidateFormula(t *testing.T) {
	s := small()
	s.Sections[0].Items[0].Rule = Formula("x +", Var{Name: "x", Label: "甲"})
	fc := func(expr string, vars []string) error {
		if strings.HasSuffix(expr, "+") {
			return errors.New("unexpected end")
		}
		return nil
	}
	ps := s.Check(fc)
	if !has(ps, PFormula, "1", "公式“x +”无法编译：unexpected end") || len(ps.Fatal()) != 1 {
		t.Errorf("%v", ps)
	}
}

// TestSchemeJSON: a scheme with every kind of rule round-trips through JSON
// with its field names.
func TestSchemeJSON(t *testing.T) {
	s := small()
	s.Sections[0].Items = append(s.Sections[0].Items,
		Item{Code: "t", Title: "知晓率", Points: Dec(2), Bonus: true, Rule: Table(TableRule{Input: "r", Label: "知晓率", Unit: "%", Domain: Closed("0", "100"),
			Bands: []TableBand{{Closed("90", "100"), Dec(2)}, {Below("90"), Dec(0)}}})},
		Item{Code: "l", Title: "表彰", Points: Dec(8), Bonus: true, Rule: Levels(CombineHighest, nil, Level{"city", "市级", Dec(3)}, Level{"nat", "国家级", Dec(8)})},
		Item{Code: "e", Title: "通报批评", Penalty: true, EnteredBy: []string{SourceFacts}, Rule: Events(Event{Input: "n", Label: "通报批评", Per: Dec(-3)})},
		Item{Code: "p", Title: "经营", Points: Dec(3), Bonus: true, Rule: Proportional("x", "经营得分", Dec(100))},
		Item{Code: "f", Title: "公式", Points: Dec(1), Bonus: true, Rule: Formula("a > 1 ? 1 : 0", Var{Name: "a", Label: "甲"})},
		Item{Code: "pp", Title: "两部分", Points: Dec(3), Bonus: true, Rule: Parts(Part{"a", "甲", Dec(1), Manual()}, Part{"b", "乙", Dec(2), Manual()})},
	)
	s.Facts = []FactDef{{Name: "n", Label: "通报批评次数", Unit: "次"}}
	s.Caps = []Cap{{Code: "c", Title: "限制", When: []Condition{Cond("n", OpGE, "3", "")}, MaxBand: "ok", Lower: 1, Deduct: Dec(5)}}
	s.Quotas = []Quota{{Code: "q", Band: "good", Mode: QuotaAtMost, Share: Dec(10).P()}}
	s.Vetoes = []Veto{{Code: "v", Title: "否决", Effect: VetoNoAward, MaxBand: "ok"}}
	s.Stars = &StarModel{Stars: []Star{{Code: "st", Name: "星", Ref: "1", Earn: &Range{From: Dec(4).P()}}}}
	s.RedFlag = &RedFlag{Name: "流动红旗", Count: 1}
	s.Notes = []Note{{Ref: "t", Text: "说明", Flags: []ProblemCode{PTableGap}}}
	if ps := s.Check(nil); len(ps) > 0 {
		t.Fatalf("%v", ps)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"kind":"deduct"`, `"clauses":[`, `"per":0.2`, `"from":90,"to":100,"toIncl":true,"points":2`,
		`"combine":"highest"`, `"enteredBy":["facts"]`, `"outsideMax":100`, `"expr":"a \u003e 1 ? 1 : 0"`, `"maxBand":"ok"`, `"effect":"no-award"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s:\n%s", key, b)
		}
	}
	var back Scheme
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, s) {
		t.Errorf("round trip changed the scheme")
	}
}

func TestCheckCoverage(t *testing.T) {
	cases := []struct {
		name     string
		ranges   []Range
		gaps     []string
		overlaps []string
	}{
		{"exact", []Range{Closed("90", "100"), Between("80", "90"), Below("80")}, nil, nil},
		{"gap", []Range{Closed("90", "100"), Below("80")}, []string{"80%至90%（含80%，不含90%）"}, nil},
		{"overlap at a point", []Range{AtLeast("80"), AtMost("80")}, nil, []string{"80%"}},
		{"nothing", nil, []string{"0%至100%（含两端）"}, nil},
		{"one unit apart", []Range{AtLeast("80.0001"), Below("80")}, []string{"80%"}, nil},
	}
	for _, c := range cases {
		cov := CheckCoverage(Closed("0", "100"), c.ranges)
		var gaps, overlaps []string
		for _, g := range cov.Gaps {
			gaps = append(gaps, g.Describe("%"))
		}
		for _, o := range cov.Overlaps {
			overlaps = append(overlaps, o.Range.Describe("%"))
		}
		if !reflect.DeepEqual(gaps, c.gaps) || !reflect.DeepEqual(overlaps, c.overlaps) {
			t.Errorf("%s: gaps %q overlaps %q", c.name, gaps, overlaps)
		}
	}
}

func TestRangeDescribe(t *testing.T) {
	cases := map[string]Range{
		"90%及以上": AtLeast("90"), "高于80%": Above("80"), "低于80%": Below("80"), "80%及以下": AtMost("80"),
		"80%至85%（含两端）": Closed("80", "85"), "80%至85%（不含两端）": {From: D4("80").P(), To: D4("85").P(), FromExcl: true},
	}
	for want, r := range cases {
		if got := r.Describe("%"); got != want {
			t.Errorf("%+v: %s, want %s", r, got, want)
		}
	}
}

// "A unit scheme is meant for the active 党支部 and 党总支 of its kinds":
// the committee, the 党小组, the dissolved branch and the branch of another
// kind are left out; the order given is kept.
func TestUnitsForScheme(t *testing.T) {
	units := []Unit{
		{ID: 1, Level: LevelCommittee, Kind: KindRural},
		{ID: 2, Level: LevelGeneral, Kind: KindRural},
		{ID: 3, Level: LevelBranch, Kind: KindRural},
		{ID: 4, Level: LevelBranch, Kind: KindRural, Dissolved: D(2025, 1, 1)},
		{ID: 5, Level: LevelBranch, Kind: KindCommunity},
		{ID: 6, Level: LevelGroup, Kind: KindRural},
		{ID: 7, Level: LevelBranch},
	}
	for _, tc := range []struct {
		name  string
		kinds []UnitKind
		want  []int64
	}{
		{"every kind", nil, []int64{2, 3, 5, 7}},
		{"农村 only", []UnitKind{KindRural}, []int64{2, 3}},
		{"no unit of the kind", []UnitKind{KindSchool}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := UnitsForScheme(units, Scheme{Kinds: tc.kinds}); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("UnitsForScheme = %v, want %v", got, tc.want)
			}
		})
	}
}
