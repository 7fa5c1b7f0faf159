package scoring

import (
	"xingji/model"
)

var (
	two     = model.Dec(2)
	hundred = model.Dec(100)
)

// cell is what one source gave for one item of the subject being scored.
type cell struct {
	raters []model.Decimal // each rater's points after the rule
	steps  []Step          // the rule's explanation, for a single rater
	agg    model.Decimal
	info   aggInfo // how the raters were aggregated
	last   int     // 1 + the index of the last rater who scored it
}

// scratch is per-worker memory reused from subject to subject.
type scratch struct {
	a       arena
	cells   []cell // source s, item i at s*len(items)+i
	applies []bool
	srcIn   []*SourceInput
	totals  []bool // source gave whole-form totals
	finals  []model.Decimal
	scored  []bool
	sortBuf []model.Decimal
	valBuf  []model.Decimal
	ruleBuf []Step
	whyBuf  []Step
	f       facts
	resIdx  []int           // item index of each ItemResult of the subject
	decs    []model.Decimal // slab for SourceResult.Items
}

// decimals returns n decimals carved from a slab: one allocation serves
// many subjects.
func (sc *scratch) decimals(n int) []model.Decimal {
	if cap(sc.decs)-len(sc.decs) < n {
		sc.decs = make([]model.Decimal, 0, max(4096, n))
	}
	k := len(sc.decs)
	sc.decs = sc.decs[:k+n]
	return sc.decs[k : k+n : k+n]
}

func newScratch(e *Engine) *scratch {
	n, m := len(e.items), len(e.s.Sources)
	return &scratch{cells: make([]cell, n*m), applies: make([]bool, n), srcIn: make([]*SourceInput, m),
		totals: make([]bool, m), finals: make([]model.Decimal, n), scored: make([]bool, n)}
}

func (sc *scratch) reset() {
	for i := range sc.cells {
		c := &sc.cells[i]
		c.raters, c.steps, c.last = c.raters[:0], nil, 0
	}
	for i := range sc.srcIn {
		sc.srcIn[i], sc.totals[i] = nil, false
	}
	for i := range sc.finals {
		sc.finals[i], sc.scored[i] = model.Decimal{}, false
	}
}

func (e *Engine) scoreSubject(sub *Subject, r *SubjectResult, m *meta, sc *scratch) {
	sc.reset()
	r.ID, r.Name = sub.ID, sub.Name
	issue := func(s string) { r.Issues = append(r.Issues, s) }
	if e.limited && sub.Kind == "" && e.s.Subject == model.SubjectUnit {
		issue("未指定党组织类型：只适用于特定类型党组织的项目（分类指导）不计分")
	}
	if len(e.s.Kinds) > 0 && sub.Kind != "" && !model.AppliesToKind(e.s.Kinds, sub.Kind) {
		issue("本方案是为" + model.KindsText(e.s.Kinds) + "党组织制定的，“" + string(sub.Kind) + "”类不在其列，分值合计可能不是" + model.PointsText(e.s.Total))
	}
	for i := range e.items {
		sc.applies[i] = model.AppliesToKind(e.items[i].applies, sub.Kind)
	}
	e.readSources(sub, r, sc, issue)
	e.finalItems(sub, r, sc, issue)
	e.grade(sub, r, m, sc)
}

// readSources runs every rater's inputs through the item rules and
// aggregates the raters of each source per item.
func (e *Engine) readSources(sub *Subject, r *SubjectResult, sc *scratch, issue func(string)) {
	for k := range sub.Sources {
		si := &sub.Sources[k]
		s, ok := e.srcIdx[si.Source]
		switch {
		case !ok:
			issue("评分来源“" + si.Source + "”不在本方案之中，已忽略")
			continue
		case sc.srcIn[s] != nil:
			issue("评分来源“" + e.s.Sources[s].Name + "”重复提交，只计第一份")
			continue
		}
		sc.srcIn[s] = si
	}
	n := len(e.items)
	r.Sources = make([]SourceResult, len(e.s.Sources))
	for s, si := range sc.srcIn {
		src := &e.s.Sources[s]
		sr := &r.Sources[s]
		sr.Source, sr.Name, sr.Weight = src.Code, src.Name, src.Weight
		if si == nil {
			sr.Why = sc.a.one(StepInput, src.Code, e.srcMissing[s])
			continue
		}
		sr.Present = true
		if len(si.Ratings) > 0 && len(si.Totals) > 0 {
			issue(src.Name + "同时提交了总分和逐项评分，只计逐项评分")
		}
		if len(si.Ratings) == 0 {
			sr.Raters = len(si.Totals)
			sc.totals[s] = true
			e.sourceTotals(src, si, sr, sc, issue)
			continue
		}
		sr.Raters = len(si.Ratings)
		single := len(si.Ratings) == 1
		for ri := range si.Ratings {
			rating := &si.Ratings[ri]
			for ii := range rating.Items {
				in := &rating.Items[ii]
				i, ok := e.itemIdx[in.Item]
				if !ok {
					issue(src.Name + "填报了方案中没有的项目“" + in.Item + "”，已忽略")
					continue
				}
				ci := &e.items[i]
				c := &sc.cells[s*n+i]
				switch {
				case !sc.applies[i]:
					if ri == 0 {
						issue(src.Name + "填报了不适用于本党组织类型的" + model.ItemLabel(ci.it.Code, ci.it.Title) + "，已忽略")
					}
					continue
				case ci.enteredBy&(1<<s) == 0:
					if ri == 0 {
						issue(model.ItemLabel(ci.it.Code, ci.it.Title) + "不由" + src.Name + "填报，已忽略")
					}
					continue
				case c.last == ri+1:
					issue(src.Name + "对" + model.ItemLabel(ci.it.Code, ci.it.Title) + "重复评分，只计第一次")
					continue
				}
				c.last = ri + 1
				o := ruleOut{explain: single, a: &sc.a, steps: sc.ruleBuf[:0]}
				v := e.eval(ci, &ci.it.Rule, "", ruleIn{score: in.Score, values: in.Values, levels: in.Levels, flags: in.Flags}, ci.lo, ci.hi, &o)
				c.raters = append(c.raters, v)
				if single {
					c.steps = sc.a.shared(o.steps)
				}
				sc.ruleBuf = o.steps
				for _, is := range o.issues {
					issue(model.ItemLabel(ci.it.Code, ci.it.Title) + "（" + src.Name + "）：" + is)
				}
			}
		}
		if src.MinRaters > 0 && len(si.Ratings) < src.MinRaters {
			issue(src.Name + "只有" + itoa(len(si.Ratings)) + "人评分，少于规定的" + itoa(src.MinRaters) + "人")
		}
		var sub model.Decimal
		for i := range e.items {
			c := &sc.cells[s*n+i]
			if len(c.raters) == 0 {
				continue
			}
			c.agg, c.info = aggregate(src, c.raters, &sc.sortBuf)
			if !e.items[i].it.Bonus && !e.items[i].it.Penalty {
				sub = sub.Add(c.agg)
			}
		}
		sr.Subtotal = sub.Round(2)
		sr.Why = sc.a.begin().s(src.Name).s("：").i(sr.Raters).s("人评分，常规项目合计").pts(sr.Subtotal).doneOne(StepSum, src.Code)
	}
}

// sourceTotals aggregates whole-form totals of one source.
func (e *Engine) sourceTotals(src *model.Source, si *SourceInput, sr *SourceResult, sc *scratch, issue func(string)) {
	vals := sc.valBuf[:0]
	for _, t := range si.Totals {
		if c := e.formTotal(t); !c.Equal(t) {
			issue(src.Name + "有评分" + model.PointsText(t) + "超出0–" + model.PointsText(e.s.Total) + "，按" + model.PointsText(c) + "计")
			t = c
		}
		vals = append(vals, t)
	}
	sc.valBuf = vals
	if src.MinRaters > 0 && len(vals) < src.MinRaters {
		issue(src.Name + "只有" + itoa(len(vals)) + "人评分，少于规定的" + itoa(src.MinRaters) + "人")
	}
	agg, info := aggregate(src, vals, &sc.sortBuf)
	sr.Subtotal = agg.Round(2)
	a := sc.a.begin().s(src.Name).s("：")
	info.write(a, agg)
	if !sr.Subtotal.Equal(agg) {
		a.s("≈").pts(sr.Subtotal)
	}
	sr.Why = a.doneOne(StepRaters, src.Code)
}

// finalItems weights the sources per item and adds up the main score, bonus
// and penalty.
func (e *Engine) finalItems(sub *Subject, r *SubjectResult, sc *scratch, issue func(string)) {
	itemLevel := false
	totalsMode := false
	for s := range e.s.Sources {
		if sc.srcIn[s] != nil {
			if sc.totals[s] {
				totalsMode = true
			} else {
				itemLevel = true
			}
		}
	}
	if !itemLevel && !totalsMode && e.rated {
		issue("未提交任何评分")
	}
	var results []ItemResult
	if itemLevel || len(e.factItems) > 0 {
		results = make([]ItemResult, 0, len(e.items))
	}
	sc.resIdx = sc.resIdx[:0]
	for i := range e.items {
		ci := &e.items[i]
		if !sc.applies[i] {
			continue
		}
		var v model.Decimal
		why := sc.whyBuf[:0]
		switch {
		case ci.facts:
			why = append(why, Step{Kind: StepInput, Ref: model.SourceFacts, Text: "按事实记录计算"})
			o := ruleOut{explain: true, a: &sc.a, steps: why}
			v = e.eval(ci, &ci.it.Rule, "", ruleIn{values: sub.Facts}, ci.lo, ci.hi, &o)
			why = o.steps
			for _, is := range o.issues {
				issue(model.ItemLabel(ci.it.Code, ci.it.Title) + "：" + is)
			}
		default:
			var ok bool
			v, why, ok = e.weightItem(i, sc, why)
			if !ok {
				if ci.it.Bonus || ci.it.Penalty || totalsMode || !itemLevel {
					continue // no bonus or penalty, or no item-level scores at all
				}
				issue(model.ItemLabel(ci.it.Code, ci.it.Title) + "无人评分，按0分计")
				why = append(why, Step{Kind: StepIssue, Text: "无人评分，按0分计"})
			}
		}
		rounded := v.Round(2)
		if !rounded.Equal(v) {
			if last := len(why) - 1; last >= 0 && why[last].Kind == StepWeight {
				why[last].Text = sc.a.begin().s(why[last].Text).s("，四舍五入为").pts(rounded).done()
			} else {
				why = append(why, Step{Kind: StepRound, Text: sc.a.begin().s("四舍五入保留两位小数：").pts(rounded).done()})
			}
		}
		sc.whyBuf = why
		sc.finals[i], sc.scored[i] = rounded, true
		results = append(results, ItemResult{Item: ci.it.Code, Title: ci.it.Title, Max: ci.it.Points, Score: rounded,
			Bonus: ci.it.Bonus, Penalty: ci.it.Penalty, Why: sc.a.keep(why)})
		sc.resIdx = append(sc.resIdx, i)
	}
	r.Items = results
	if len(e.s.Sources) > 1 && len(results) > 0 {
		e.sourceItems(r, sc)
	}
	for i := range e.items {
		if !sc.scored[i] {
			continue
		}
		it := e.items[i].it
		switch {
		case it.Bonus:
			r.Bonus = r.Bonus.Add(sc.finals[i])
		case it.Penalty:
			r.Penalty = r.Penalty.Add(sc.finals[i])
		default:
			r.Main = r.Main.Add(sc.finals[i])
		}
	}
	var mainWhy Step
	if totalsMode {
		r.Main, mainWhy = e.weightTotals(r, sc)
	} else {
		mainWhy = Step{Kind: StepSum, Text: sc.a.begin().s("常规项目逐项得分合计").pts(r.Main).done()}
	}
	sc.whyBuf = append(sc.whyBuf[:0], mainWhy)
	if len(e.sections) > 0 && len(results) > 0 {
		r.Sections = make([]SectionResult, len(e.sections))
		for k, cs := range e.sections {
			r.Sections[k] = SectionResult{Section: cs.sec.Code, Title: cs.sec.Title, Department: cs.dept, Max: cs.max}
		}
		for i := range e.items {
			if sc.scored[i] {
				for _, k := range e.items[i].sections {
					r.Sections[k].Score = r.Sections[k].Score.Add(sc.finals[i])
				}
			}
		}
	}
}

// sourceItems keeps each item-level source's aggregated score of every item
// in the result (SourceResult.Items), for comparing sources (Inflation).
func (e *Engine) sourceItems(r *SubjectResult, sc *scratch) {
	n := len(e.items)
	for s := range e.s.Sources {
		if sc.srcIn[s] == nil || sc.totals[s] {
			continue
		}
		list := ItemScores(sc.decimals(len(sc.resIdx)))
		for k, i := range sc.resIdx {
			if c := &sc.cells[s*n+i]; len(c.raters) > 0 {
				list[k] = c.agg
			} else {
				list[k] = noScore
			}
		}
		r.Sources[s].Items = list
	}
}

// weightItem combines the sources' aggregated scores of item i. ok is false
// when no source scored it.
func (e *Engine) weightItem(i int, sc *scratch, why []Step) (model.Decimal, []Step, bool) {
	ci := &e.items[i]
	n := len(e.items)
	var num, den, expected model.Decimal
	var pbuf, mbuf [8]int
	present, missing := pbuf[:0], mbuf[:0]
	for s := range e.s.Sources {
		if ci.enteredBy&(1<<s) == 0 {
			continue
		}
		w := e.s.Sources[s].Weight
		expected = expected.Add(w)
		if len(sc.cells[s*n+i].raters) == 0 {
			missing = append(missing, s)
			continue
		}
		present = append(present, s)
		num = num.Add(w.Mul(sc.cells[s*n+i].agg))
		den = den.Add(w)
	}
	if len(present) == 0 {
		return model.Decimal{}, why, false
	}
	weighted := len(present) > 1 || len(missing) > 0
	for _, s := range present {
		c := &sc.cells[s*n+i]
		src := &e.s.Sources[s]
		if weighted && len(c.raters) == 1 && len(c.steps) == 0 {
			continue // a single rater's plain score: the weighting line shows it
		}
		a := sc.a.begin().s(src.Name).s("：")
		sub := c.steps
		switch {
		case len(c.raters) > 1:
			c.info.write(a, c.agg)
		case len(sub) == 1 && sub[0].Kind == StepRule && len(sub[0].Steps) == 0:
			a.s(sub[0].Text) // a one-line rule reads as the source's line
			sub = nil
		default:
			a.pts(c.agg)
		}
		why = append(why, Step{Kind: StepInput, Ref: src.Code, Text: a.done(), Steps: sub})
	}
	if len(present) == 1 && len(missing) == 0 {
		return sc.cells[present[0]*n+i].agg, why, true
	}
	zero := e.s.MissingSource == model.MissingZero
	if zero {
		den = expected
	}
	if den.IsZero() {
		// all weights zero: a plain mean, said so
		var sum model.Decimal
		for _, s := range present {
			sum = sum.Add(sc.cells[s*n+i].agg)
		}
		v := sum.DivInt(int64(len(present)))
		why = append(why, Step{Kind: StepWeight, Text: sc.a.begin().s("各来源权重均为0，取平均").pts(v).done()})
		return v, why, true
	}
	v, _ := num.Div(den)
	why = append(why, Step{Kind: StepWeight, Text: e.weightText(i, present, missing, den, v, sc, zero)})
	return v, why, true
}

// weightText writes "自评 1.8分 × 30% + 考评 2分 × 70% = 1.94分", with the
// renormalisation said out loud.
func (e *Engine) weightText(i int, present, missing []int, den, v model.Decimal, sc *scratch, zero bool) string {
	n := len(e.items)
	a := sc.a.begin()
	for k, s := range present {
		if k > 0 {
			a.s(" + ")
		}
		w := e.s.Sources[s].Weight
		if !zero && !den.Equal(hundred) {
			w, _ = w.Mul(hundred).Div(den)
		}
		a.s(e.s.Sources[s].Name).s(" ").pts(sc.cells[s*n+i].agg).s(" × ").pct(w)
	}
	if zero {
		for _, s := range missing {
			a.s(" + ").s(e.s.Sources[s].Name).s(" 0分 × ").pct(e.s.Sources[s].Weight)
		}
	}
	a.s(" = ").pts(v)
	if len(missing) > 0 {
		a.s("（")
		for k, s := range missing {
			if k > 0 {
				a.s("、")
			}
			a.s(e.s.Sources[s].Name)
		}
		if zero {
			a.s("未评分，按0分计）")
		} else {
			a.s("未评分，其余来源的权重按比例折算为100%）")
		}
	}
	return a.done()
}
