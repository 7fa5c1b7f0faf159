package scoring

import (
	"xingji/model"
)

// ruleIn is what one rater (or the subject's facts) gave for one item.
type ruleIn struct {
	score  *model.Decimal
	values Values
	levels []string
	flags  []string
}

func (in ruleIn) has(flag string) bool {
	for _, f := range in.flags {
		if f == flag {
			return true
		}
	}
	return false
}

// ruleOut collects the result of a rule: the explanation (when asked for;
// texts are built only then) and issues for the office.
type ruleOut struct {
	explain bool
	a       *arena
	steps   []Step
	issues  []string
}

func (o *ruleOut) add(kind StepKind, text string) {
	o.steps = append(o.steps, Step{Kind: kind, Text: text})
}

func (o *ruleOut) issue(text string) {
	o.issues = append(o.issues, text)
	if o.explain {
		o.steps = append(o.steps, Step{Kind: StepIssue, Text: text})
	}
}

// eval applies rule r (at part path) of item ci to one input, within the
// range [lo, hi].
func (e *Engine) eval(ci *citem, r *model.Rule, path string, in ruleIn, lo, hi model.Decimal, o *ruleOut) model.Decimal {
	var v model.Decimal
	switch r.Kind {
	case model.RuleManual:
		if in.score == nil {
			o.issue("未填写分数，按0分计")
			return model.Decimal{}.Clamp(lo, hi)
		}
		v = *in.score // shown by the source's own line
	case model.RuleDeduct:
		v = e.evalDeduct(r.Deduct, in, lo, hi, o)
	case model.RuleAllOrNothing:
		var missing []string
		for _, f := range r.All.Requires {
			if !in.has(f.Name) {
				missing = append(missing, f.Label)
			}
		}
		if len(missing) > 0 {
			v = model.Decimal{}.Clamp(lo, hi)
			if o.explain {
				o.add(StepRule, o.a.begin().s("未达到：").s(join(missing)).s("，此项不得分").done())
			}
		} else {
			v = hi
			if o.explain {
				o.add(StepRule, o.a.begin().s("各项要求均已达到，得满分").pts(hi).done())
			}
		}
	case model.RuleTable:
		v = e.evalTable(r.Table, in, o)
	case model.RuleLevels:
		v = e.evalLevels(r.Levels, in, o)
	case model.RuleEvents:
		any := false
		for _, ev := range r.Events.Events {
			n, _ := in.values.Get(ev.Input)
			if n.IsZero() {
				continue
			}
			if n.Sign() < 0 {
				o.issue(ev.Label + "的次数为负数，按0计")
				continue
			}
			d := ev.Per.Mul(n)
			v = v.Add(d)
			any = true
			if o.explain {
				o.add(StepRule, o.a.begin().s(ev.Label).s("：").d(n).s(" × ").pts(ev.Per).s(" = ").pts(d).done())
			}
		}
		if o.explain {
			if any {
				o.add(StepSum, o.a.begin().s("合计").pts(v).done())
			} else {
				o.add(StepRule, "无相关记录，计0分")
			}
		}
	case model.RuleProportional:
		p := r.Proportional
		x, ok := in.values.Get(p.Input)
		if !ok {
			o.issue("未填写" + p.Label + "，按0分计")
		}
		x = x.Clamp(model.Decimal{}, p.OutsideMax)
		q, _ := hi.Mul(x).Div(p.OutsideMax)
		v = q
		if o.explain {
			o.add(StepRule, o.a.begin().s(p.Label).d(x).s("（满分").d(p.OutsideMax).s("）：").pts(hi).s(" × ").d(x).s(" ÷ ").d(p.OutsideMax).s(" = ").pts(v).done())
		}
	case model.RuleFormula:
		v = e.evalFormula(ci, r.Formula, path, in, o)
	case model.RuleParts:
		for i := range r.Parts {
			part := &r.Parts[i]
			plo, phi := model.Decimal{}, part.Points
			if lo.Sign() < 0 {
				plo, phi = part.Points.Neg(), model.Decimal{}
			}
			sub := ruleOut{explain: o.explain, a: o.a}
			pv := e.eval(ci, &part.Rule, path+"/"+part.Code, in, plo, phi, &sub)
			v = v.Add(pv)
			o.issues = append(o.issues, sub.issues...)
			if o.explain {
				text := o.a.begin().s(part.Title).s("（").pts(part.Points).s("）：得").pts(pv).done()
				o.steps = append(o.steps, step(StepRule, part.Code, text, o.a.keep(sub.steps)...))
			}
		}
		if o.explain {
			o.add(StepSum, o.a.begin().s("各部分合计").pts(v).done())
		}
	}
	if c := v.Clamp(lo, hi); !c.Equal(v) {
		if o.explain {
			o.add(StepRule, o.a.begin().pts(v).s("超出本项范围").s(rangeText(model.Range{From: lo.P(), To: hi.P(), ToIncl: true}, "分")).s("，按").pts(c).s("计").done())
		}
		v = c
	}
	return v
}

func (e *Engine) evalDeduct(d *model.DeductRule, in ruleIn, lo, hi model.Decimal, o *ruleOut) model.Decimal {
	for _, z := range d.ZeroIf {
		if in.has(z.Name) {
			if o.explain {
				o.add(StepRule, o.a.begin().s(z.Label).s("：此项不得分").done())
			}
			return d.Floor.Clamp(lo, hi)
		}
	}
	start := hi
	if d.Start != nil {
		start = e.evalTable(d.Start, in, o)
	}
	total := model.Decimal{}
	for _, c := range d.Clauses {
		x, ok := in.values.Get(c.Input)
		if !ok && c.Required != nil {
			o.issue("未填写" + c.Label + "的实际次数，按0计")
		}
		if x.Sign() < 0 {
			o.issue(c.Label + "的数值为负数，按0计")
			continue
		}
		occ := x
		if c.Required != nil {
			occ = c.Required.Sub(x)
			if occ.Sign() <= 0 {
				continue
			}
		}
		if occ.IsZero() {
			continue
		}
		ded := c.Per.Mul(occ)
		capped := c.Cap != nil && c.Cap.Less(ded)
		if o.explain {
			a := o.a.begin().s(c.Label).s("：")
			if c.Required != nil {
				a.s("应").d(*c.Required).s("，实").d(x).s("，少")
			}
			a.d(occ).s(" × ").pts(c.Per).s(" = 减").pts(ded)
			if capped {
				a.s("，本条最多减").pts(*c.Cap)
			}
			o.add(StepRule, a.done())
		}
		if capped {
			ded = *c.Cap
		}
		total = total.Add(ded)
	}
	v := start.Sub(total)
	what := "满分"
	if d.Start != nil {
		what = "起始分"
	}
	switch {
	case v.Less(d.Floor):
		if o.explain {
			o.add(StepRule, o.a.begin().s(what).pts(start).s(" − 扣").pts(total).s("，减完为止，得").pts(d.Floor).done())
		}
		return d.Floor
	case !o.explain:
	case total.IsZero():
		o.add(StepRule, o.a.begin().s("无扣分情形，得").s(what).pts(start).done())
	default:
		o.add(StepRule, o.a.begin().s(what).pts(start).s(" − 扣").pts(total).s(" = ").pts(v).done())
	}
	return v
}

func (e *Engine) evalTable(t *model.TableRule, in ruleIn, o *ruleOut) model.Decimal {
	x, ok := in.values.Get(t.Input)
	if !ok {
		o.issue("未填写" + t.Label + "，按0分计")
		return model.Decimal{}
	}
	if !t.Domain.Contains(x) {
		o.issue(t.Label + num(x) + t.Unit + "不在" + rangeText(t.Domain, t.Unit) + "之内，按0分计")
		return model.Decimal{}
	}
	found := -1
	for i, b := range t.Bands {
		if b.Contains(x) {
			if found >= 0 {
				o.issue(t.Label + num(x) + t.Unit + "同时属于门槛表的两档（" + rangeText(t.Bands[found].Range, t.Unit) + "得" +
					model.PointsText(t.Bands[found].Points) + "，" + rangeText(b.Range, t.Unit) + "得" + model.PointsText(b.Points) + "），方案未明确，暂按0分计，须考核办认定")
				return model.Decimal{}
			}
			found = i
		}
	}
	if found < 0 {
		o.issue(t.Label + num(x) + t.Unit + "时门槛表未规定得分，暂按0分计，须考核办认定")
		return model.Decimal{}
	}
	b := t.Bands[found]
	if o.explain {
		o.add(StepRule, o.a.begin().s(t.Label).d(x).s(t.Unit).s("，属于“").s(e.rangeTexts[&t.Bands[found].Range]).s("”一档，得").pts(b.Points).done())
	}
	return b.Points
}

func (e *Engine) evalLevels(l *model.LevelRule, in ruleIn, o *ruleOut) model.Decimal {
	var v model.Decimal
	var got []string
	for _, code := range in.levels {
		var lv *model.Level
		for i := range l.Levels {
			if l.Levels[i].Code == code {
				lv = &l.Levels[i]
			}
		}
		if lv == nil {
			o.issue("级别“" + code + "”不在本项规定的级别之中，已忽略")
			continue
		}
		got = append(got, lv.Name+"（"+model.PointsText(lv.Points)+"）")
		if l.Combine == model.CombineSum {
			v = v.Add(lv.Points)
		} else if v.Less(lv.Points) {
			v = lv.Points
		}
	}
	if len(got) == 0 {
		if o.explain {
			o.add(StepRule, "无，计0分")
		}
		return v
	}
	if o.explain {
		if l.Combine == model.CombineSum {
			o.add(StepRule, o.a.begin().s("获得").s(join(got)).s("，累加").pts(v).done())
		} else {
			o.add(StepRule, o.a.begin().s("获得").s(join(got)).s("，以最高的为准，得").pts(v).done())
		}
	}
	if l.Cap != nil && l.Cap.Less(v) {
		v = *l.Cap
		if o.explain {
			o.add(StepRule, o.a.begin().s("以").pts(v).s("为限").done())
		}
	}
	return v
}

func (e *Engine) evalFormula(ci *citem, f *model.FormulaRule, path string, in ruleIn, o *ruleOut) model.Decimal {
	prog := ci.progs[path]
	if prog == nil {
		o.issue("公式未能编译，按0分计")
		return model.Decimal{}
	}
	env := make(map[string]any, len(f.Vars))
	var shown []string
	for _, v := range f.Vars {
		x, ok := in.values.Get(v.Name)
		if !ok {
			o.issue("未填写" + v.Label + "，按0计")
		}
		env[v.Name] = x.Float()
		shown = append(shown, v.Label+"="+num(x)+v.Unit)
	}
	r, ok, msg := prog.run(env)
	if !ok {
		o.issue(msg + "，按0分计")
		return model.Decimal{}
	}
	if o.explain {
		o.add(StepRule, o.a.begin().s("公式 ").s(f.Expr).s("，其中").s(join(shown)).s("，结果").pts(r).done())
	}
	return r
}
