package scoring

import (
	"slices"

	"xingji/model"
)

// NextBlock says why points alone do not earn a subject the next better band.
type NextBlock string

// The reasons, in the order NextBands looks for them.
const (
	NextReachable NextBlock = ""          // Need more points earn it
	NextNone      NextBlock = "none"      // the scheme has no bands, or the subject has no input
	NextVeto      NextBlock = "veto"      // a veto disqualifies the subject or limits its band
	NextTop       NextBlock = "top"       // it already has the best band
	NextQuota     NextBlock = "quota"     // it scored enough; a quota moved it down
	NextCondition NextBlock = "condition" // a condition of the band fails (特别突出, 满意率 ≥ 95% …)
	NextCap       NextBlock = "cap"       // a cap lowers or limits the band (不按期换届 …)
	NextStars     NextBlock = "stars"     // star-count scheme: too few stars can be earned by points
	NextRoom      NextBlock = "room"      // it needs more points than it can still earn
)

// NextBand is how far a subject is from the next better band (下一星级还差几分).
type NextBand struct {
	Subject  string `json:"subject"`  // the subject's ID
	Band     string `json:"band"`     // the better band in question ("" none)
	BandName string `json:"bandName"` // its name
	// Need is the smallest rise of the grade total that earns Band — for a
	// star-count scheme, of the stars' scores. Valid when Reachable, and
	// when Block is NextRoom (then it is more than the subject can earn).
	Need      model.Decimal `json:"need"`
	Reachable bool          `json:"reachable"`
	Block     NextBlock     `json:"block,omitempty"` // why not, when not Reachable
	Why       []Step        `json:"why"`
}

// NextBands says, for every subject of res (scored by e from in), the
// smallest rise of its grade total that earns a better band than the one it
// has, or why no rise can. The result is parallel to res.Subjects.
//
// The band is the engine's own: each rise tried is put through the band
// rule (pickBand) with the subject's facts, caps, conditions and vetoes, so
// the answer cannot drift from the scoring. Rises are tried only where the
// band can change — at the bands' bounds and at the score thresholds of
// conditions and caps — on the grid of two decimals that grade totals
// live on: a band "高于90分" needs 90.01. The rise is of the grade total
// itself (after deducting caps and penalties, which stay as they are); the
// total with bonus rises by the same amount. What a subject can still earn
// is the full marks of the regular items that apply to it (the scheme's
// Total for whole-form totals) less its main score, plus — when the scheme
// counts bonus in the grade — the bonus items' full marks less its bonus.
//
// Quotas are not tried: they depend on every subject. A subject a quota
// moved down is reported as such (NextQuota), and a reachable band under an
// "at most" quota says that the quota still decides.
//
// For a star-count scheme (Stars.BandByCount) the rise is of the stars'
// scores: the cheapest unearned stars that bring the next band, each raised
// to the least score that earns it.
func (e *Engine) NextBands(res *Result, in Input) []NextBand {
	x := newNexter(e)
	out := make([]NextBand, len(res.Subjects))
	var byID map[string]int
	for i := range res.Subjects {
		r := &res.Subjects[i]
		var sub *Subject
		if i < len(in.Subjects) && in.Subjects[i].ID == r.ID {
			sub = &in.Subjects[i]
		} else {
			if byID == nil {
				byID = make(map[string]int, len(in.Subjects))
				for k := range in.Subjects {
					byID[in.Subjects[k].ID] = k
				}
			}
			if k, ok := byID[r.ID]; ok {
				sub = &in.Subjects[k]
			}
		}
		out[i] = x.next(r, sub)
		out[i].Subject = r.ID
	}
	return out
}

// threshold is a score at which the band may change: the band's bounds
// and the conditions on the grade total (or the total) of bands and caps.
type threshold struct {
	v       model.Decimal
	excl    bool // the change is just above v
	onTotal bool // a condition on the total with bonus, not the grade total
}

// nexter holds what NextBands prepares once per scheme.
type nexter struct {
	e      *Engine
	a      *arena
	ths    []threshold
	maxes  map[model.UnitKind][2]model.Decimal // per kind: regular and bonus full marks
	atMost [][]int                             // per band: the "at most" quotas counting it
	hyp    SubjectResult                       // the subject at a grade tried
	buf    []model.Decimal
}

func newNexter(e *Engine) *nexter {
	x := &nexter{e: e, a: &arena{}, maxes: map[model.UnitKind][2]model.Decimal{}, atMost: make([][]int, len(e.s.Bands))}
	conds := func(cs []model.Condition) {
		for _, c := range cs {
			if c.Fact != model.FactScore && c.Fact != model.FactTotal {
				continue
			}
			// ≥ v and < v change at v; > v and ≤ v just above it; = and ≠ at both.
			t := threshold{v: c.Value, onTotal: c.Fact == model.FactTotal}
			switch c.Op {
			case model.OpGT, model.OpLE:
				t.excl = true
			case model.OpEQ, model.OpNE:
				x.ths = append(x.ths, t)
				t.excl = true
			}
			x.ths = append(x.ths, t)
		}
	}
	for b := range e.s.Bands {
		band := &e.s.Bands[b]
		if f := band.Range.From; f != nil {
			x.ths = append(x.ths, threshold{v: *f, excl: band.Range.FromExcl})
		}
		if t := band.Range.To; t != nil {
			x.ths = append(x.ths, threshold{v: *t, excl: band.Range.ToIncl})
		}
		conds(band.Requires)
	}
	for _, c := range e.s.Caps {
		if c.Lower > 0 || c.MaxBand != "" {
			conds(c.When)
		}
	}
	for k := range e.s.Quotas {
		q := &e.s.Quotas[k]
		if q.Mode != model.QuotaAtMost {
			continue
		}
		first, last := model.QuotaSpanBands(q.Span, e.bandIdx[q.Band], len(e.s.Bands))
		for b := max(first, 0); b <= last && b < len(x.atMost); b++ {
			x.atMost[b] = append(x.atMost[b], k)
		}
	}
	return x
}

// gridUp returns the least grade on the two-decimal grid at or above v, or
// strictly above it when excl.
func gridUp(v model.Decimal, excl bool) model.Decimal {
	u := v.Units()
	q := u / 100
	if u%100 != 0 && u < 0 {
		q--
	}
	q *= 100
	if q < u || excl {
		q += 100
	}
	return model.DecimalFromUnits(q)
}

// bandIndex returns the index of band code, or len(Bands) for none.
func (e *Engine) bandIndex(code string) int {
	if k, ok := e.bandIdx[code]; ok && code != "" {
		return k
	}
	return len(e.s.Bands)
}

// next answers for one subject.
func (x *nexter) next(r *SubjectResult, sub *Subject) NextBand {
	e := x.e
	bands := e.s.Bands
	nb := len(bands)
	switch {
	case nb == 0:
		return blocked(NextNone, Step{Kind: StepBand, Text: "本方案未设等次"})
	case sub == nil:
		return blocked(NextNone, Step{Kind: StepIssue, Text: "未找到该对象的录入数据，无法推算"})
	case r.Disqualified:
		out := NextBand{Block: NextVeto}
		for _, code := range r.Vetoes {
			if k, ok := e.vetoIdx[code]; ok && e.s.Vetoes[k].Effect == model.VetoDisqualify {
				out.Why = append(out.Why, Step{Kind: StepVeto, Ref: code, Text: "一票否决：" + e.s.Vetoes[k].Title + "，已取消本期评定资格，加分无用"})
			}
		}
		return out
	}
	cur := e.bandIndex(r.Band)
	if cur == 0 {
		return blocked(NextTop, Step{Kind: StepBand, Ref: bands[0].Code, Text: "已评为最高等次" + quoted(bands[0].Name)})
	}
	target := cur - 1
	out := NextBand{Band: bands[target].Code, BandName: bands[target].Name}
	if earned := e.bandIndex(r.EarnedBand); earned < cur {
		out.Block = NextQuota
		out.Why = append(out.Why, Step{Kind: StepQuota, Text: "按分数和条件已评为" + quoted(bands[earned].Name) + "，因比例控制调整为" + x.curName(cur) + "，不是分数不够"})
		for _, st := range r.BandWhy {
			if st.Kind == StepQuota {
				out.Why = append(out.Why, st)
			}
		}
		out.Why = append(out.Why, Step{Kind: StepQuota, Text: "名额按等级总分从高到低分配：加分后能否排进名额，取决于全部参评对象的得分"})
		return out
	}
	lift := 0
	for _, code := range r.Vetoes {
		if k, ok := e.vetoIdx[code]; ok {
			if j, ok := e.vetoLimit(&e.s.Vetoes[k]); ok {
				lift = max(lift, j)
			}
		}
	}
	if byCount(e) {
		return x.nextStar(r, sub, cur, target, lift, out)
	}
	// The first grade above the subject's where the band is better.
	for _, g := range x.breaks(r) {
		if k := x.bandAt(r, sub, lift, g, r.Stars, r.StarCount, nil); k >= 0 && k < cur {
			return x.found(r, sub, lift, g, k, out)
		}
	}
	// No grade will do: say what the band rule says at the target's scores.
	g := r.Grade
	if f := bands[target].Range.From; f != nil {
		if lo := gridUp(*f, bands[target].Range.FromExcl); g.Less(lo) {
			g = lo
		}
	}
	return x.refused(r, sub, lift, g, r.Stars, r.StarCount, target, out)
}

func blocked(b NextBlock, why ...Step) NextBand { return NextBand{Block: b, Why: why} }

// curName names the current band, or says there is none.
func (x *nexter) curName(cur int) string {
	if cur >= len(x.e.s.Bands) {
		return "无等次"
	}
	return quoted(x.e.s.Bands[cur].Name)
}

// breaks returns the grades above the subject's where its band may change,
// ascending.
func (x *nexter) breaks(r *SubjectResult) []model.Decimal {
	gs := x.buf[:0]
	shift := r.Grade.Sub(r.Total) // a total of v is a grade total of v + shift
	for _, t := range x.ths {
		v := t.v
		if t.onTotal {
			v = v.Add(shift)
		}
		if g := gridUp(v, t.excl); r.Grade.Less(g) {
			gs = append(gs, g)
		}
	}
	slices.SortFunc(gs, model.Decimal.Cmp)
	gs = slices.Compact(gs)
	x.buf = gs
	return gs
}

// bandAt is the band pickBand gives the subject with grade total g and the
// stars given, before quotas (−1: none); with o it explains.
func (x *nexter) bandAt(r *SubjectResult, sub *Subject, lift int, g model.Decimal, stars []StarResult, count int, o *bandOut) int {
	k, _ := x.bandState(r, sub, lift, g, stars, count, o)
	return k
}

// bandState is bandAt with the state pickBand leaves (condOK …).
func (x *nexter) bandState(r *SubjectResult, sub *Subject, lift int, g model.Decimal, stars []StarResult, count int, o *bandOut) (int, meta) {
	h := &x.hyp
	*h = *r
	h.Total = r.Total.Add(g.Sub(r.Grade))
	h.Grade, h.Stars, h.StarCount = g, stars, count
	h.Issues, h.Caps = nil, nil
	f := facts{sub: sub, r: h, grade: g}
	if x.e.s.Stars != nil {
		f.avg = x.e.starAvg(stars)
	}
	m := meta{maxLift: lift}
	if o != nil {
		o.r = h
	}
	return x.e.pickBand(&m, &f, o), m
}

// trace explains the band at grade g: "若等级总分为90分：" with the band rule's
// steps.
func (x *nexter) trace(r *SubjectResult, sub *Subject, lift int, g model.Decimal, stars []StarResult, count int, lead string) (Step, meta) {
	o := bandOut{a: x.a}
	_, m := x.bandState(r, sub, lift, g, stars, count, &o)
	return Step{Kind: StepBand, Text: lead, Steps: o.why}, m
}

// found reports band k, earned at grade g.
func (x *nexter) found(r *SubjectResult, sub *Subject, lift int, g model.Decimal, k int, out NextBand) NextBand {
	e := x.e
	band := &e.s.Bands[k]
	out.Band, out.BandName, out.Need = band.Code, band.Name, g.Sub(r.Grade)
	room, roomText := x.room(r, sub)
	tr, _ := x.trace(r, sub, lift, g, r.Stars, r.StarCount, "若等级总分为"+model.PointsText(g)+"：")
	if room.Less(out.Need) {
		out.Block = NextRoom
		out.Why = append(out.Why, Step{Kind: StepBand, Ref: band.Code, Text: "评为" + quoted(band.Name) + "须等级总分达到" + model.PointsText(g) +
			"，还差" + model.PointsText(out.Need) + "，但最多还能再得" + model.PointsText(room) + "（" + roomText + "），加分不能达到"}, tr)
		return out
	}
	out.Reachable = true
	text := "再得" + model.PointsText(out.Need) + "（等级总分由" + model.PointsText(r.Grade) + "升至" + model.PointsText(g) + "）即可评为" + quoted(band.Name)
	if rg := band.Range; rg.From != nil && rg.FromExcl && g.Equal(gridUp(*rg.From, true)) {
		text += "（" + quoted(band.Name) + "须" + rg.Describe(model.PointsUnit) + "，按两位小数计至少" + model.PointsText(g) + "）"
	}
	out.Why = append(out.Why, Step{Kind: StepBand, Ref: band.Code, Text: text}, tr)
	return x.quotaNote(k, out)
}

// quotaNote adds that an "at most" quota still decides band k.
func (x *nexter) quotaNote(k int, out NextBand) NextBand {
	for _, q := range x.atMost[k] {
		quota := &x.e.s.Quotas[q]
		out.Why = append(out.Why, Step{Kind: StepQuota, Ref: quota.Code, Text: "另" + x.e.quotaName(quota) + "：达到分数后能否评为" +
			quoted(x.e.s.Bands[k].Name) + "，还取决于名额"})
	}
	return out
}

// room is what the subject can still add to its grade total.
func (x *nexter) room(r *SubjectResult, sub *Subject) (model.Decimal, string) {
	e := x.e
	mx, ok := x.maxes[sub.Kind]
	if !ok {
		for i := range e.items {
			ci := &e.items[i]
			if !model.AppliesToKind(ci.applies, sub.Kind) || ci.it.Penalty {
				continue
			}
			if ci.it.Bonus {
				mx[1] = mx[1].Add(ci.hi)
			} else {
				mx[0] = mx[0].Add(ci.hi)
			}
		}
		x.maxes[sub.Kind] = mx
	}
	regular := mx[0]
	for k := range sub.Sources {
		if si := &sub.Sources[k]; len(si.Ratings) == 0 && len(si.Totals) > 0 && e.s.Total.Sign() > 0 {
			regular = e.s.Total // whole-form totals run to the scheme's total
		}
	}
	room := positive(regular.Sub(r.Main))
	text := "常规项目满分" + model.PointsText(regular) + "，已得" + model.PointsText(r.Main)
	if e.s.BonusInGrade {
		room = room.Add(positive(mx[1].Sub(r.Bonus)))
		text += "；加分项最多" + model.PointsText(mx[1]) + "，已得" + model.PointsText(r.Bonus)
	}
	return room, text
}

func positive(d model.Decimal) model.Decimal {
	if d.Sign() < 0 {
		return model.Decimal{}
	}
	return d
}

// refused explains why band target is out of reach by points: the band
// rule's own steps at grade g (with the stars given) show which condition,
// cap or veto refuses it.
func (x *nexter) refused(r *SubjectResult, sub *Subject, lift int, g model.Decimal, stars []StarResult, count int, target int, out NextBand) NextBand {
	e := x.e
	bands := e.s.Bands
	lead := "若等级总分为" + model.PointsText(g) + "："
	if byCount(e) {
		lead = "若得星" + itoa(count) + "颗："
	}
	tr, m := x.trace(r, sub, lift, g, stars, count, lead)
	h := &x.hyp
	f := facts{sub: sub, r: h, grade: g}
	if e.s.Stars != nil {
		f.avg = e.starAvg(stars)
	}
	var why []Step
	if target < 64 && m.condOK&(1<<target) == 0 {
		out.Block = NextCondition
		why = append(why, Step{Kind: StepBand, Ref: bands[target].Code, Text: x.condText(target, &f) + "，仅靠加分不能评为" + quoted(bands[target].Name)})
	}
	for _, st := range tr.Steps {
		switch st.Kind {
		case StepCap:
			c := e.capByCode(st.Ref)
			if c == nil {
				continue
			}
			j, limits := e.bandIdx[c.MaxBand]
			switch {
			case limits && c.MaxBand != "" && j > target:
				why = append(why, Step{Kind: StepCap, Ref: c.Code, Text: "受" + quoted(c.Title) + "限制，不得高于" + quoted(bands[j].Name) + "，不能评为" + quoted(bands[target].Name) + "，加分无用"})
			case c.Lower > 0:
				why = append(why, Step{Kind: StepCap, Ref: c.Code, Text: "受" + quoted(c.Title) + "限制，等次降低" + itoa(c.Lower) + "个，分数再高也评不上" + quoted(bands[target].Name) + "，加分无用"})
			default:
				continue
			}
			if out.Block == NextReachable {
				out.Block = NextCap
			}
		case StepVeto:
			for _, code := range r.Vetoes {
				if k, ok := e.vetoIdx[code]; ok {
					if j, ok := e.vetoLimit(&e.s.Vetoes[k]); ok && j > target {
						why = append(why, Step{Kind: StepVeto, Ref: code, Text: "因否决条件" + quoted(e.s.Vetoes[k].Title) + "，最高评为" + quoted(bands[j].Name) + "，不能评为" + quoted(bands[target].Name) + "，加分无用"})
					}
				}
			}
			if out.Block == NextReachable {
				out.Block = NextVeto
			}
		}
	}
	if out.Block == NextReachable {
		out.Block = NextNone
		why = append(why, Step{Kind: StepBand, Ref: bands[target].Code, Text: "按本方案的等次规则，提高得分不能评为" + quoted(bands[target].Name)})
	}
	out.Why = append(why, tr)
	return out
}

// condText says which condition of band b (or of the band it is chosen
// from) fails: "不符合“五星级党员”的条件：有特别突出的优秀表现（未提供…）".
func (x *nexter) condText(b int, f *facts) string {
	e := x.e
	bands := e.s.Bands
	text := ""
	for depth := 0; depth <= len(bands); depth++ {
		ok, failed := e.holds(bands[b].Requires, f)
		if !ok {
			return text + "不符合" + quoted(bands[b].Name) + "的条件：" + join(failed)
		}
		w, has := e.bandIdx[bands[b].Within]
		if bands[b].Within == "" || !has {
			break
		}
		text += quoted(bands[b].Name) + "须在" + quoted(bands[w].Name) + "中产生，"
		b = w
	}
	return text + "不符合" + quoted(bands[b].Name) + "的条件"
}

// capByCode returns the cap with the code, or nil.
func (e *Engine) capByCode(code string) *model.Cap {
	for k := range e.s.Caps {
		if e.s.Caps[k].Code == code {
			return &e.s.Caps[k]
		}
	}
	return nil
}
