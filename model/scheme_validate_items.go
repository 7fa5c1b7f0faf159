package model

import "strings"

// tree checks sections and items: codes, 分值, section sums, who enters each
// item, and the rules.
func (v *validator) tree() {
	var rec func(path []*Section, secs []Section)
	rec = func(path []*Section, secs []Section) {
		for i := range secs {
			sec := &secs[i]
			v.code(sec.Code, "部分", sec.Title)
			if sec.Points.Sign() < 0 {
				v.add(PNegativeMax, sec.Code, "部分“%s %s”的分值 %s 为负数", sec.Code, sec.Title, sec.Points)
			}
			v.kinds(sec.Code, "部分“"+sec.Title+"”", sec.AppliesTo)
			p := append(path[:len(path):len(path)], sec)
			for j := range sec.Items {
				v.item(p, &sec.Items[j])
			}
			rec(p, sec.Sections)
			if !sec.Points.IsZero() {
				if sum := sec.PartsSum(); !sum.Equal(sec.Points) {
					v.add(PPointsSum, sec.Code, "部分“%s %s”规定%s分，所属项目合计%s分", sec.Code, sec.Title, sec.Points, sum)
				}
			}
		}
	}
	rec(nil, v.s.Sections)
}

func (v *validator) code(code, what, title string) {
	switch {
	case strings.TrimSpace(code) == "":
		v.fatal(PDuplicate, "", "%s“%s”缺少编码", what, title)
	case v.codes[code] != "":
		v.fatal(PDuplicate, code, "编码“%s”重复（%s“%s”）", code, what, title)
	default:
		v.codes[code] = what
	}
}

// totals checks that, for each unit kind the scheme is for, the regular
// items that apply add up to the declared total.
func (v *validator) totals() {
	s := v.s
	if s.Total.IsZero() {
		return
	}
	kinds := s.Kinds
	limited := false
	s.Walk(func(path []*Section, it *Item) {
		limited = limited || len(EffectiveAppliesTo(path, it)) > 0
	})
	if len(kinds) == 0 {
		if limited && s.Subject == SubjectUnit {
			kinds = UnitKinds
		} else {
			kinds = []UnitKind{""}
		}
	}
	for _, k := range kinds {
		var sum Decimal
		s.Walk(func(path []*Section, it *Item) {
			if it.Bonus || it.Penalty {
				return
			}
			if k == "" || AppliesToKind(EffectiveAppliesTo(path, it), k) {
				sum = sum.Add(it.Points)
			}
		})
		if !sum.Equal(s.Total) {
			if k == "" {
				v.add(PPointsSum, "", "各项目分值合计%s分，与规定总分%s分不符", sum, s.Total)
			} else {
				v.add(PPointsSum, "", "%s类党组织适用的项目分值合计%s分，与规定总分%s分不符", k, sum, s.Total)
			}
		}
	}
}

func (v *validator) item(path []*Section, it *Item) {
	v.code(it.Code, "项目", it.Title)
	name := ItemLabel(it.Code, it.Title)
	switch {
	case it.Points.Sign() < 0:
		v.add(PNegativeMax, it.Code, "%s的分值 %s 为负数", name, it.Points)
	case it.Points.IsZero() && !it.Penalty:
		v.add(PItemPoints, it.Code, "%s没有规定分值", name)
	}
	if it.Bonus && it.Penalty {
		v.fatal(PRuleShape, it.Code, "%s不能既是加分项又是减分项", name)
	}
	v.kinds(it.Code, name, it.AppliesTo)
	facts := false
	for _, src := range it.EnteredBy {
		switch {
		case src == SourceFacts:
			facts = true
		case v.s.SourceByCode(src) == nil:
			v.fatal(PRef, it.Code, "%s由未定义的评分来源“%s”填报", name, src)
		}
	}
	if facts && len(it.EnteredBy) > 1 {
		v.fatal(PRef, it.Code, "%s按事实记录计算，不能同时由评分人填报", name)
	}
	lo, hi := Decimal{}, it.Points
	if it.Penalty {
		lo, hi = it.Points.Neg(), Decimal{}
		if it.Points.IsZero() {
			lo = MinDecimal
		}
	}
	v.rule(it.Code, name, it.Rule, lo, hi)
	if facts {
		for _, in := range it.Rule.Inputs() {
			if !v.facts[in] {
				v.fatal(PRef, it.Code, "%s按事实记录计算，但事实“%s”未声明", name, in)
			}
		}
		if it.Rule.Kind == RuleManual || it.Rule.Kind == RuleAllOrNothing || it.Rule.Kind == RuleLevels {
			v.fatal(PRef, it.Code, "%s按事实记录计算，只能用扣分、门槛表、事件、比例或公式规则", name)
		}
	}
}

// rule checks one rule whose points must stay within [lo, hi].
func (v *validator) rule(ref, name string, r Rule, lo, hi Decimal) {
	shape := map[RuleKind]bool{
		RuleManual: true, RuleDeduct: r.Deduct != nil, RuleAllOrNothing: r.All != nil, RuleTable: r.Table != nil,
		RuleLevels: r.Levels != nil, RuleEvents: r.Events != nil, RuleProportional: r.Proportional != nil,
		RuleFormula: r.Formula != nil, RuleParts: len(r.Parts) > 0,
	}
	ok, known := shape[r.Kind]
	if !known {
		v.fatal(PRuleShape, ref, "%s的评分规则类型“%s”不正确", name, r.Kind)
		return
	}
	set := 0
	for _, b := range []bool{r.Deduct != nil, r.All != nil, r.Table != nil, r.Levels != nil, r.Events != nil,
		r.Proportional != nil, r.Formula != nil, len(r.Parts) > 0} {
		if b {
			set++
		}
	}
	want := 1
	if r.Kind == RuleManual {
		want = 0
	}
	if !ok || set != want {
		v.fatal(PRuleShape, ref, "%s的评分规则（%s）内容不完整或与类型不符", name, r.Kind)
		return
	}
	switch r.Kind {
	case RuleDeduct:
		v.deduct(ref, name, r.Deduct, lo, hi)
	case RuleAllOrNothing:
		if len(r.All.Requires) == 0 {
			v.add(PRuleValue, ref, "%s是“全有或全无”规则，但没有列出要求", name)
		}
		v.flags(ref, name, r.All.Requires)
	case RuleTable:
		v.table(ref, name, r.Table, lo, hi)
	case RuleLevels:
		v.levels(ref, name, r.Levels, hi)
	case RuleEvents:
		if len(r.Events.Events) == 0 {
			v.add(PRuleValue, ref, "%s没有列出计分事件", name)
		}
		for _, e := range r.Events.Events {
			v.input(ref, name, e.Input)
			switch {
			case e.Per.IsZero():
				v.add(PRuleValue, ref, "%s的事件“%s”没有规定每次的分数", name, e.Label)
			case hi.IsZero() && e.Per.Sign() > 0:
				v.add(PRuleValue, ref, "%s是减分项，但事件“%s”每次加%s分", name, e.Label, e.Per)
			}
		}
	case RuleProportional:
		v.input(ref, name, r.Proportional.Input)
		if r.Proportional.OutsideMax.Sign() <= 0 {
			v.add(PRuleValue, ref, "%s按比例计分，但没有规定“%s”的满分", name, r.Proportional.Label)
		}
	case RuleFormula:
		v.formula(ref, name, r.Formula)
	case RuleParts:
		var sum Decimal
		for _, p := range r.Parts {
			pname := name + "之“" + p.Title + "”"
			if p.Points.Sign() <= 0 {
				v.add(PItemPoints, ref, "%s没有规定分值", pname)
			}
			sum = sum.Add(p.Points)
			plo, phi := Decimal{}, p.Points
			if lo.Sign() < 0 {
				plo, phi = p.Points.Neg(), Decimal{}
			}
			v.rule(ref, pname, p.Rule, plo, phi)
		}
		if span := hi.Sub(lo); !sum.Equal(span) {
			v.add(PPointsSum, ref, "%s各部分分值合计%s分，与本项分值%s分不符", name, sum, span)
		}
	}
}

func (v *validator) input(ref, name, in string) {
	if strings.TrimSpace(in) == "" {
		v.fatal(PRuleShape, ref, "%s的规则缺少输入名称", name)
	}
}

func (v *validator) flags(ref, name string, fs []Flag) {
	seen := map[string]bool{}
	for _, f := range fs {
		v.input(ref, name, f.Name)
		if seen[f.Name] {
			v.fatal(PDuplicate, ref, "%s的条件“%s”重复", name, f.Name)
		}
		seen[f.Name] = true
	}
}

func (v *validator) deduct(ref, name string, d *DeductRule, lo, hi Decimal) {
	if len(d.Clauses) == 0 && len(d.ZeroIf) == 0 {
		v.add(PRuleValue, ref, "%s是扣分规则，但没有扣分条款", name)
	}
	if d.Start != nil {
		v.table(ref, name+"的起始分", d.Start, lo, hi)
	}
	v.flags(ref, name, d.ZeroIf)
	for _, c := range d.Clauses {
		v.input(ref, name, c.Input)
		switch {
		case c.Per.Sign() < 0:
			v.add(PNegativeMax, ref, "%s的扣分条款“%s”每次扣分为负数", name, c.Label)
		case c.Per.IsZero():
			v.add(PRuleValue, ref, "%s的扣分条款“%s”没有规定每次扣几分", name, c.Label)
		}
		if c.Cap != nil && c.Cap.Sign() < 0 {
			v.add(PNegativeMax, ref, "%s的扣分条款“%s”扣分上限为负数", name, c.Label)
		}
		if c.Required != nil && c.Required.Sign() < 0 {
			v.add(PNegativeMax, ref, "%s的扣分条款“%s”规定次数为负数", name, c.Label)
		}
	}
	if d.Floor.Less(lo) || hi.Less(d.Floor) {
		v.add(PRuleValue, ref, "%s的扣分下限%s分超出本项分值范围", name, d.Floor)
	}
}

func (v *validator) table(ref, name string, t *TableRule, lo, hi Decimal) {
	v.input(ref, name, t.Input)
	if len(t.Bands) == 0 {
		v.add(PRuleValue, ref, "%s的门槛表是空的", name)
		return
	}
	ranges := make([]Range, len(t.Bands))
	for i, b := range t.Bands {
		ranges[i] = b.Range
		if b.Points.Less(lo) || hi.Less(b.Points) {
			v.add(PRuleValue, ref, "%s的门槛表中%s得%s分，超出本项分值范围", name, b.Describe(t.Unit), b.Points)
		}
		if b.Empty() {
			v.add(PRuleValue, ref, "%s的门槛表中有一档范围为空", name)
		}
	}
	cov := CheckCoverage(t.Domain, ranges)
	for _, g := range cov.Gaps {
		v.add(PTableGap, ref, "%s的%s门槛表未规定%s时的得分（须由考核办明确）", name, t.Label, g.Describe(t.Unit))
	}
	for _, o := range cov.Overlaps {
		var pts []string
		for _, i := range o.Ranges {
			pts = append(pts, PointsText(t.Bands[i].Points))
		}
		v.add(PTableOverlap, ref, "%s的%s门槛表在%s时既得%s（各档重叠，须由考核办明确）",
			name, t.Label, o.Range.Describe(t.Unit), strings.Join(pts, "又得"))
	}
}

func (v *validator) levels(ref, name string, l *LevelRule, hi Decimal) {
	if len(l.Levels) == 0 {
		v.add(PRuleValue, ref, "%s没有列出级别", name)
	}
	if l.Combine != CombineHighest && l.Combine != CombineSum {
		v.fatal(PRuleShape, ref, "%s的级别合并方式“%s”不正确，应为以最高为准或累加", name, l.Combine)
	}
	if l.Cap != nil && l.Cap.Sign() < 0 {
		v.add(PNegativeMax, ref, "%s的加分上限为负数", name)
	}
	seen := map[string]bool{}
	for _, lv := range l.Levels {
		if seen[lv.Code] || lv.Code == "" {
			v.fatal(PDuplicate, ref, "%s的级别编码“%s”为空或重复", name, lv.Code)
		}
		seen[lv.Code] = true
		if lv.Points.Sign() <= 0 {
			v.add(PRuleValue, ref, "%s的级别“%s”没有规定分数", name, lv.Name)
		}
		if hi.Less(lv.Points) {
			v.add(PRuleValue, ref, "%s的级别“%s”得%s分，超过本项分值%s分", name, lv.Name, lv.Points, hi)
		}
	}
}

func (v *validator) formula(ref, name string, f *FormulaRule) {
	if strings.TrimSpace(f.Expr) == "" {
		v.fatal(PFormula, ref, "%s的公式是空的", name)
		return
	}
	var vars []string
	seen := map[string]bool{}
	for _, x := range f.Vars {
		if x.Name == "" || seen[x.Name] {
			v.fatal(PFormula, ref, "%s的公式变量“%s”为空或重复", name, x.Name)
		}
		seen[x.Name] = true
		vars = append(vars, x.Name)
	}
	if v.fc != nil {
		if err := v.fc(f.Expr, vars); err != nil {
			v.fatal(PFormula, ref, "%s的公式“%s”无法编译：%s", name, f.Expr, err.Error())
		}
	}
}
