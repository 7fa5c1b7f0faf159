package scoring

import (
	"slices"

	"xingji/model"
)

// qstate is one quota while quotas are applied.
type qstate struct {
	q           *model.Quota
	first, last int            // the bands it counts
	scope       map[string]int // scope key → subjects in scope
	limit       map[string]int // scope key → the share as a whole number
	count       map[string]int // scope key → subjects now in the counted bands
	moved       map[string][]string
	why         map[string]string // how the limit was computed
}

func (st *qstate) key(m *meta) string {
	if st.q.PerParent {
		return m.parent
	}
	return ""
}

func (st *qstate) covers(b int) bool { return b >= st.first && b <= st.last }

// keys returns the scope keys in order, so results never depend on map
// iteration.
func (st *qstate) keys() []string {
	keys := make([]string, 0, len(st.scope))
	for key := range st.scope {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	return keys
}

// quotaRun holds the state of applying quotas to one batch.
type quotaRun struct {
	e      *Engine
	a      *arena
	res    *Result
	metas  []meta
	order  []int // banded subjects, best first
	tie    []int // tie group id per subject index (−1: not banded)
	qs     []*qstate
	issues map[string]bool
	why    []Step
}

// ordered sorts subject indexes best first: grade total, then tie-break
// keys, then input order (which never separates a tie group).
func ordered(metas []meta, idx []int) {
	slices.SortFunc(idx, func(a, b int) int {
		if c := metas[b].key.Cmp(metas[a].key); c != 0 {
			return c
		}
		for k := range metas[a].tb {
			if c := metas[b].tb[k].Cmp(metas[a].tb[k]); c != 0 {
				return c
			}
		}
		return a - b
	})
}

func sameKeys(a, b *meta) bool {
	if !a.key.Equal(b.key) {
		return false
	}
	for k := range a.tb {
		if !a.tb[k].Equal(b.tb[k]) {
			return false
		}
	}
	return true
}

// quotaLimit turns a quota's share of n into a whole number, exactly.
func quotaLimit(q *model.Quota, n int) (int, string) {
	if q.Count != nil {
		return *q.Count, "规定" + itoa(*q.Count) + "个"
	}
	round := q.Round
	if round == "" {
		round = model.QuotaFloor
		if q.Mode == model.QuotaAtLeast {
			round = model.QuotaCeil
		}
	}
	a := q.Share.Units() * int64(n) // in units of 0.0001 percent
	d := int64(100 * model.DecimalScale)
	var k int64
	var how string
	switch round {
	case model.QuotaCeil:
		k, how = (a+d-1)/d, "向上取整"
	case model.QuotaHalfUp:
		k, how = (2*a+d)/(2*d), "四舍五入"
	default:
		k, how = a/d, "向下取整"
	}
	exact, _ := q.Share.MulInt(int64(n)).Div(hundred)
	return int(k), "共" + itoa(n) + "个 × " + pct(*q.Share) + " = " + num(exact) + "，" + how + "为" + itoa(int(k)) + "个"
}

// applyQuotas applies the scheme's quotas to the subjects in order (best
// first, not disqualified).
func (e *Engine) applyQuotas(res *Result, metas []meta, order []int, a *arena) {
	if len(e.s.Quotas) == 0 {
		return
	}
	run := &quotaRun{e: e, a: a, res: res, metas: metas, tie: make([]int, len(metas)), issues: map[string]bool{}}
	for _, i := range order {
		run.tie[i] = -1
		if metas[i].band >= 0 {
			run.order = append(run.order, i)
		}
	}
	for k, i := range run.order {
		if k > 0 && sameKeys(&metas[run.order[k-1]], &metas[i]) {
			run.tie[i] = run.tie[run.order[k-1]]
		} else {
			run.tie[i] = k
		}
	}
	nb := len(e.s.Bands)
	for k := range e.s.Quotas {
		q := &e.s.Quotas[k]
		st := &qstate{q: q, scope: map[string]int{}, limit: map[string]int{}, count: map[string]int{},
			moved: map[string][]string{}, why: map[string]string{}}
		st.first, st.last = model.QuotaSpanBands(q.Span, e.bandIdx[q.Band], nb)
		for _, i := range run.order {
			key := st.key(&metas[i])
			st.scope[key]++
			if st.covers(metas[i].band) {
				st.count[key]++
			}
		}
		for key, n := range st.scope {
			st.limit[key], st.why[key] = quotaLimit(q, n)
		}
		run.qs = append(run.qs, st)
	}
	reserved := run.topDown()
	run.promote()
	run.demote(reserved)
	run.report()
	for _, i := range run.order {
		e.setBand(res, metas, i)
	}
}

// setBand writes a subject's band after quotas into its result.
func (e *Engine) setBand(res *Result, metas []meta, i int) {
	r := &res.Subjects[i]
	if b := metas[i].band; b >= 0 {
		r.Band, r.BandName = e.s.Bands[b].Code, e.s.Bands[b].Name
	} else {
		r.Band, r.BandName = "", ""
	}
}

func (run *quotaRun) issue(text string) {
	if !run.issues[text] {
		run.issues[text] = true
		run.res.Issues = append(run.res.Issues, text)
	}
}

// move puts subject i into band to because of quota st, and says why.
func (run *quotaRun) move(i, to int, st *qstate, text string) {
	m := &run.metas[i]
	from := m.band
	for _, q := range run.qs {
		key := q.key(m)
		if q.covers(from) {
			q.count[key]--
		}
		if q.covers(to) {
			q.count[key]++
		}
	}
	m.band = to
	key := st.key(m)
	st.moved[key] = append(st.moved[key], run.res.Subjects[i].ID)
	bands := run.e.s.Bands
	r := &run.res.Subjects[i]
	t := run.a.begin().s(run.quotaName(st)).s("：").s(text).s("，由").q(bands[from].Name).s("调整为").q(bands[to].Name).done()
	why := append(run.why[:0], r.BandWhy...)
	why = append(why, Step{Kind: StepQuota, Ref: st.q.Code, Text: t})
	run.why = why
	r.BandWhy = run.a.shared(why)
}

// quotaName is the quota as people know it: its seed words, else a summary.
func (run *quotaRun) quotaName(st *qstate) string { return run.e.quotaName(st.q) }

// quotaName is the quota as people know it: its seed words, else a summary.
func (e *Engine) quotaName(q *model.Quota) string {
	if q.Quote != "" {
		return "按“" + q.Quote + "”"
	}
	b := e.s.Bands[e.bandIdx[q.Band]].Name
	switch q.Span {
	case model.SpanAndAbove:
		b += "及以上"
	case model.SpanAndBelow:
		b += "及以下"
	}
	mode := "至多"
	if q.Mode == model.QuotaAtLeast {
		mode = "至少"
	}
	return "按比例控制（" + b + mode + quotaShareText(q) + "）"
}

func quotaShareText(q *model.Quota) string {
	if q.Share != nil {
		return pct(*q.Share)
	}
	if q.Count != nil {
		return itoa(*q.Count) + "个"
	}
	return ""
}

// liftable reports whether subject i may be put into band b by a quota:
// its band conditions hold there, and no cap, veto or lowering forbids it.
func (run *quotaRun) liftable(i, b int) bool {
	m := &run.metas[i]
	return b < 64 && m.condOK&(1<<b) != 0 && m.maxLift <= b
}

// removable reports whether moving the members of group (all in band from)
// to band to keeps every "at least" quota counting band from satisfied.
func (run *quotaRun) removable(group []int, from, to int) bool {
	for _, st := range run.qs {
		if st.q.Mode != model.QuotaAtLeast || !st.covers(from) || st.covers(to) {
			continue
		}
		leaving := map[string]int{}
		for _, i := range group {
			leaving[st.key(&run.metas[i])]++
		}
		for key, n := range leaving {
			if st.count[key]-n < st.limit[key] {
				return false
			}
		}
	}
	return true
}

// tieGroups splits subject indexes (in order) into runs of equal keys.
func (run *quotaRun) tieGroups(idx []int) [][]int {
	var out [][]int
	for k, i := range idx {
		if k > 0 && run.tie[i] == run.tie[idx[k-1]] {
			out[len(out)-1] = append(out[len(out)-1], i)
		} else {
			out = append(out, []int{i})
		}
	}
	return out
}

func tieText(group []int) string {
	if len(group) > 1 {
		return "（" + itoa(len(group)) + "人同分并列，并列者同进同退）"
	}
	return ""
}
