package scoring

import (
	"xingji/model"
)

// meta is what the batch stages (quotas, rank, red flag) need to know about
// a subject beyond its result.
type meta struct {
	band    int    // current band index, −1: none
	condOK  uint64 // bit b: the subject meets band b's conditions (ignoring the score)
	maxLift int    // best band index caps and vetoes allow
	lowered bool   // a cap lowered the band: quotas never lift it back
	disq    bool   // disqualified: no band, no rank
	noAward bool   // vetoed: no red flag
	rfOK    bool   // meets the red flag's own conditions
	rfWhy   string // why not, when not
	key     model.Decimal
	tb      []model.Decimal
	parent  string
}

// facts looks up a fact for conditions: the computed ones, then the
// subject's own. ok is false when the subject did not bring it.
type facts struct {
	sub   *Subject
	r     *SubjectResult
	avg   model.Decimal
	grade model.Decimal
}

func (f *facts) get(name string) (model.Decimal, bool) {
	switch name {
	case model.FactScore:
		return f.grade, true
	case model.FactTotal:
		return f.r.Total, true
	case model.FactStars:
		return model.Dec(int64(f.r.StarCount)), true
	case model.FactStarAvg:
		return f.avg, true
	}
	return f.sub.Facts.Get(name)
}

// check reports whether all conditions hold (holds without the words).
func (e *Engine) check(cs []model.Condition, f *facts) bool {
	for _, c := range cs {
		v, have := f.get(c.Fact)
		if !have || !c.Holds(v) {
			return false
		}
	}
	return true
}

// holds checks conditions; failed lists those that do not hold, each with
// the value found.
func (e *Engine) holds(cs []model.Condition, f *facts) (ok bool, failed []string) {
	if len(cs) == 0 {
		return true, nil
	}
	for _, c := range cs {
		v, have := f.get(c.Fact)
		switch {
		case !have:
			failed = append(failed, e.condText(c)+"（未提供"+e.factLabel(c.Fact)+"）")
		case !c.Holds(v):
			failed = append(failed, e.condText(c)+"（实际"+e.factValue(c.Fact, v)+"）")
		}
	}
	return len(failed) == 0, failed
}

// grade computes the totals, caps, stars, vetoes and band of one subject.
// sc.whyBuf holds the first step of the grade's explanation (how the main
// score was made).
func (e *Engine) grade(sub *Subject, r *SubjectResult, m *meta, sc *scratch) {
	a := &sc.a
	why := sc.whyBuf
	r.Total = r.Main.Add(r.Bonus).Add(r.Penalty)
	g := r.Main.Add(r.Penalty)
	if !r.Bonus.IsZero() {
		if e.s.BonusInGrade {
			g = g.Add(r.Bonus)
			why = append(why, Step{Kind: StepSum, Text: a.begin().s("加分项合计+").pts(r.Bonus).s("，计入等级总分").done()})
		} else {
			why = append(why, Step{Kind: StepSum, Text: a.begin().s("加分项合计+").pts(r.Bonus).s("，不计入等级总分（可作评比先进的参考）").done()})
		}
	}
	if !r.Penalty.IsZero() {
		why = append(why, Step{Kind: StepSum, Text: a.begin().s("减分项合计").pts(r.Penalty).done()})
	}
	sc.f = facts{sub: sub, r: r, grade: g}
	f := &sc.f
	for _, c := range e.s.Caps {
		if c.Deduct.IsZero() {
			continue
		}
		if e.check(c.When, f) {
			g = g.Sub(c.Deduct)
			r.Caps = append(r.Caps, c.Code)
			why = append(why, Step{Kind: StepCap, Ref: c.Code, Text: c.Title + "：" + e.whenText(c.When, f) + "，扣" + model.PointsText(c.Deduct)})
		}
	}
	r.Grade = g.Round(2)
	f.grade = r.Grade
	if len(why) > 1 || !r.Grade.Equal(r.Main) {
		why = append(why, Step{Kind: StepSum, Text: a.begin().s("等级总分").pts(r.Grade).done()})
	}
	r.GradeWhy = a.keep(why)

	e.stars(sub, r, f, sc)

	m.band, m.maxLift, m.parent = -1, 0, sub.Parent
	m.key = r.Grade
	if len(e.s.TieBreak) > 0 {
		m.tb = make([]model.Decimal, len(e.s.TieBreak))
		for k, key := range e.s.TieBreak {
			m.tb[k] = e.tieValue(key, sub, r, sc)
		}
	}
	why = sc.whyBuf[:0]
	for _, code := range sub.Vetoes {
		k, ok := e.vetoIdx[code]
		if !ok {
			r.Issues = append(r.Issues, "否决条件“"+code+"”不在本方案之中，已忽略")
			continue
		}
		v := &e.s.Vetoes[k]
		r.Vetoes = append(r.Vetoes, v.Code)
		m.noAward = true
		if v.Effect == model.VetoDisqualify {
			m.disq = true
			r.Disqualified = true
			why = append(why, Step{Kind: StepVeto, Ref: v.Code, Text: "一票否决：" + v.Title + "，取消本期评定资格"})
		} else {
			text := "一票否决：" + v.Title + "，取消评比资格"
			if j, ok := e.vetoLimit(v); ok {
				m.maxLift = max(m.maxLift, j)
				text += "，最高评为" + quoted(e.s.Bands[j].Name)
			}
			why = append(why, Step{Kind: StepVeto, Ref: v.Code, Text: text})
		}
	}
	if rf := e.s.RedFlag; rf != nil {
		ok, failed := e.holds(rf.Requires, f)
		m.rfOK = ok
		if !ok {
			m.rfWhy = join(failed)
		}
	}
	if len(e.s.Bands) > 0 && !m.disq {
		why = e.band(r, m, f, a, why)
	}
	sc.whyBuf = why
	if len(why) == 1 && m.band >= 0 && why[0].Kind == StepBand && why[0].Ref == e.s.Bands[m.band].Code && !byCount(e) {
		r.BandWhy = e.bandLines[m.band] // the plain case, shared by all
	} else {
		r.BandWhy = a.shared(why)
	}
}

// vetoLimit returns the best band a veto that does not disqualify allows;
// ok is false when it sets no limit.
func (e *Engine) vetoLimit(v *model.Veto) (int, bool) {
	if v.Effect == model.VetoDisqualify || v.MaxBand == "" {
		return 0, false
	}
	j, ok := e.bandIdx[v.MaxBand]
	return j, ok
}

func byCount(e *Engine) bool { return e.s.Stars != nil && e.s.Stars.BandByCount }

// whenText writes the facts behind a cap: "满意率55%，满意率在60%以下".
func (e *Engine) whenText(cs []model.Condition, f *facts) string {
	var parts []string
	for _, c := range cs {
		v, _ := f.get(c.Fact)
		parts = append(parts, e.factLabel(c.Fact)+e.factValue(c.Fact, v)+"，"+e.condText(c))
	}
	return join(parts)
}

// band chooses the band before quotas, appending its explanation to why.
func (e *Engine) band(r *SubjectResult, m *meta, f *facts, a *arena, why []Step) []Step {
	o := bandOut{r: r, a: a, why: why}
	if k := e.pickBand(m, f, &o); k >= 0 {
		b := &e.s.Bands[k]
		r.EarnedBand, r.Band, r.BandName = b.Code, b.Code, b.Name
	}
	return o.why
}

// bandOut receives what pickBand has to say: the explanation, and the
// issues and caps it adds to the subject's result.
type bandOut struct {
	r   *SubjectResult
	a   *arena
	why []Step
}

// pickBand is the band rule, in one place: the first band whose range holds
// the grade total (or whose star count is reached); down past the bands
// whose conditions fail; then caps lower or limit it; then vetoes limit it.
// It returns the band's index before quotas (−1: none) and sets m's condOK,
// maxLift, lowered and band; m.maxLift must hold the vetoes' limit. With a
// nil o it only decides: NextBands asks it about grades that never happened.
func (e *Engine) pickBand(m *meta, f *facts, o *bandOut) int {
	bands := e.s.Bands
	nb := len(bands)
	byStars := byCount(e)
	// condOK ignores the score: it is what quotas may lift a subject into.
	for b := 0; b < nb && b < 64; b++ {
		if e.bandConds(b, f, 0) {
			m.condOK |= 1 << b
		}
	}
	m.band = -1
	k := -1
	for b := 0; b < nb; b++ {
		if e.inBand(b, f) {
			k = b
			break
		}
	}
	if k < 0 {
		if o != nil {
			what := "总分" + model.PointsText(f.r.Grade)
			if byStars {
				what = "得星" + itoa(f.r.StarCount) + "颗"
			}
			o.r.Issues = append(o.r.Issues, what+"不属于任何等次，须考核办认定")
			o.why = append(o.why, Step{Kind: StepIssue, Text: what + "不属于任何等次，须考核办认定"})
		}
		return -1
	}
	if o != nil {
		if byStars {
			o.why = append(o.why, Step{Kind: StepBand, Ref: bands[k].Code, Text: o.a.begin().s("得星").i(f.r.StarCount).s("颗，对应").q(bands[k].Name).done()})
		} else {
			o.why = append(o.why, Step{Kind: StepBand, Ref: bands[k].Code, Text: o.a.begin().s("等级总分属于").q(bands[k].Name).s(e.bandTexts[k]).done()})
		}
	}
	for k < nb && (k >= 64 || m.condOK&(1<<k) == 0) {
		var text string
		if o != nil {
			_, failed := e.holds(bands[k].Requires, f)
			text = "但不符合" + quoted(bands[k].Name) + "的条件"
			if len(failed) > 0 {
				text += "：" + join(failed)
			}
			if w := bands[k].Within; w != "" && len(failed) == 0 {
				text += "：须在" + quoted(e.s.Bands[e.bandIdx[w]].Name) + "中产生"
			}
		}
		if k == nb-1 {
			if o != nil {
				o.r.Issues = append(o.r.Issues, "不符合任何等次的条件，须考核办认定")
				o.why = append(o.why, Step{Kind: StepBand, Ref: bands[k].Code, Text: text + "，且已是最低等次，无法评定"})
			}
			return -1
		}
		k++
		if o != nil {
			o.why = append(o.why, Step{Kind: StepBand, Ref: bands[k].Code, Text: text + "，改评" + quoted(bands[k].Name)})
		}
	}
	for _, c := range e.s.Caps {
		if c.Lower == 0 && c.MaxBand == "" {
			continue
		}
		if !e.check(c.When, f) {
			continue
		}
		var text string
		if o != nil {
			text = c.Title + "：" + e.whenText(c.When, f)
		}
		if c.Lower > 0 {
			nk := min(k+c.Lower, nb-1)
			if o != nil {
				text += "，降低" + itoa(c.Lower) + "个等次：" + quoted(bands[k].Name) + "→" + quoted(bands[nk].Name)
			}
			k = nk
			m.lowered = true
		}
		if j, has := e.bandIdx[c.MaxBand]; has && c.MaxBand != "" {
			m.maxLift = max(m.maxLift, j)
			if k < j {
				if o != nil {
					text += "，不得高于" + quoted(bands[j].Name) + "：" + quoted(bands[k].Name) + "→" + quoted(bands[j].Name)
				}
				k = j
			} else if o != nil {
				text += "，不得高于" + quoted(bands[j].Name) + "（未超过）"
			}
		}
		if o != nil {
			o.r.Caps = append(o.r.Caps, c.Code)
			o.why = append(o.why, Step{Kind: StepCap, Ref: c.Code, Text: text})
		}
	}
	if k < m.maxLift {
		if o != nil {
			o.why = append(o.why, Step{Kind: StepVeto, Text: "因否决条件，由" + quoted(bands[k].Name) + "改为" + quoted(bands[m.maxLift].Name)})
		}
		k = m.maxLift
	}
	if m.lowered {
		m.maxLift = max(m.maxLift, k)
	}
	m.band = k
	return k
}

// bandConds reports whether the subject meets band b's conditions and, for
// a band "在…中产生", those of the band it is chosen from (whose score range
// must also hold).
func (e *Engine) bandConds(b int, f *facts, depth int) bool {
	band := &e.s.Bands[b]
	if depth > len(e.s.Bands) {
		return false
	}
	if !e.check(band.Requires, f) {
		return false
	}
	if band.Within != "" {
		w := e.bandIdx[band.Within]
		return e.bandConds(w, f, depth+1) && e.inBand(w, f)
	}
	return true
}

// inBand reports whether the subject's score (or star count) falls in band b.
func (e *Engine) inBand(b int, f *facts) bool {
	band := &e.s.Bands[b]
	if e.s.Stars != nil && e.s.Stars.BandByCount {
		return band.MinStars != nil && f.r.StarCount >= *band.MinStars
	}
	return band.Range.Contains(f.grade)
}

// tieValue returns a subject's value for a TieBreak key; a missing value
// sorts last.
func (e *Engine) tieValue(key string, sub *Subject, r *SubjectResult, sc *scratch) model.Decimal {
	kind, code, _ := cut(key)
	switch kind {
	case "source":
		if s, ok := e.srcIdx[code]; ok && r.Sources[s].Present {
			return r.Sources[s].Subtotal
		}
	case "item":
		if i, ok := e.itemIdx[code]; ok && sc.scored[i] {
			return sc.finals[i]
		}
	case "section":
		for _, s := range r.Sections {
			if s.Section == code {
				return s.Score
			}
		}
	case "fact":
		if v, ok := sub.Facts.Get(code); ok {
			return v
		}
	}
	return model.MinDecimal
}

func cut(key string) (string, string, bool) {
	for i := 0; i < len(key); i++ {
		if key[i] == ':' {
			return key[:i], key[i+1:], true
		}
	}
	return key, "", false
}
