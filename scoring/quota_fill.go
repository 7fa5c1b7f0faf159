package scoring

import (
	"xingji/model"
)

// topDown fills the bands best first. For each band it first reserves, for
// every "at least N per parent" quota of that band, the best subjects of each
// parent that may be lifted there; then it keeps as many of the band's
// subjects as every "at most" quota allows, best score first, and moves the
// rest one band down, where they compete again. It returns the reserved
// subjects (never moved down again).
func (run *quotaRun) topDown() map[int]bool {
	e, metas := run.e, run.metas
	nb := len(e.s.Bands)
	reserved := map[int]bool{}
	for b := 0; b < nb; b++ {
		for _, st := range run.qs {
			if st.q.Mode != model.QuotaAtLeast || !st.q.PerParent || st.last != b {
				continue
			}
			run.reserve(st, b, reserved)
		}
		var most []*qstate
		for _, st := range run.qs {
			if st.q.Mode == model.QuotaAtMost && st.covers(b) {
				most = append(most, st)
			}
		}
		if len(most) == 0 {
			continue
		}
		var cands []int
		for _, i := range run.order {
			if metas[i].band == b {
				cands = append(cands, i)
			}
		}
		remaining := make([]map[string]int, len(most))
		for k, st := range most {
			remaining[k] = map[string]int{}
			fixed := run.fixedAbove(st, b)
			for key, lim := range st.limit {
				remaining[k][key] = lim - fixed[key]
			}
		}
		var free []int
		for _, i := range cands {
			if !reserved[i] {
				free = append(free, i)
				continue
			}
			for k, st := range most {
				key := st.key(&metas[i])
				remaining[k][key]--
				if remaining[k][key] < 0 {
					run.issue(run.quotaName(st) + "：为保证每个上级组织至少有规定数量，" + e.s.Bands[b].Name + "超出名额（" + st.why[key] + "），以“至少”为准")
				}
			}
		}
		for _, group := range run.tieGroups(free) {
			out := map[int]*qstate{}
			for k, st := range most {
				need := map[string]int{}
				for _, i := range group {
					need[st.key(&metas[i])]++
				}
				for _, i := range group {
					if remaining[k][st.key(&metas[i])] < need[st.key(&metas[i])] && out[i] == nil {
						out[i] = st
					}
				}
			}
			for _, i := range group {
				if out[i] != nil {
					continue
				}
				for k, st := range most {
					remaining[k][st.key(&metas[i])]--
				}
			}
			for _, i := range group {
				st := out[i]
				if st == nil {
					continue
				}
				key := st.key(&metas[i])
				if b == nb-1 {
					run.issue(run.quotaName(st) + "：已是最低等次，无法再调整，比例无法满足")
					continue
				}
				run.move(i, run.below(i, b), st, "名额"+itoa(st.limit[key])+"个，按总分从高到低未进入"+tieText(group))
			}
		}
	}
	return reserved
}

// fixedAbove counts, per scope key, the subjects already placed in the
// quota's bands above band b.
func (run *quotaRun) fixedAbove(st *qstate, b int) map[string]int {
	out := map[string]int{}
	if b <= st.first {
		return out
	}
	for _, i := range run.order {
		if m := &run.metas[i]; m.band >= st.first && m.band < b {
			out[st.key(m)]++
		}
	}
	return out
}

// below returns the next band under b whose conditions subject i meets (the
// lowest band when none does).
func (run *quotaRun) below(i, b int) int {
	nb := len(run.e.s.Bands)
	t := b + 1
	for t < nb-1 && (t >= 64 || run.metas[i].condOK&(1<<t) == 0) {
		t++
	}
	return t
}

// reserve marks, in each scope of an "at least N per parent" quota, the best
// subjects that may be in band b, lifting them into b when needed.
func (run *quotaRun) reserve(st *qstate, b int, reserved map[int]bool) {
	metas := run.metas
	byKey := map[string][]int{}
	for _, i := range run.order {
		if metas[i].band >= b || st.covers(metas[i].band) {
			key := st.key(&metas[i])
			byKey[key] = append(byKey[key], i)
		}
	}
	for _, key := range st.keys() {
		lim := st.limit[key]
		fixed := 0 // already in a better band of the span
		var cands []int
		for _, i := range byKey[key] {
			switch {
			case metas[i].band < b:
				fixed++
			case run.liftable(i, b) || metas[i].band == b:
				cands = append(cands, i)
			}
		}
		need := lim - fixed
		if need <= 0 {
			continue
		}
		taken := 0
		for _, group := range run.tieGroups(cands) {
			if taken >= need {
				break
			}
			for _, i := range group {
				reserved[i] = true
				taken++
				if metas[i].band > b {
					run.move(i, b, st, "本单位总分最高"+tieText(group))
				}
			}
		}
		if taken < need {
			run.issue(run.quotaName(st) + "：“" + key + "”没有足够符合条件的对象，比例无法满足")
		}
	}
}

// promote meets "at least" quotas over a band (or a band and above) for the
// whole committee by lifting the best-scoring subjects from below into the
// lowest band of the span, never beyond what their conditions, caps and
// vetoes allow and never past an "at most" quota.
func (run *quotaRun) promote() {
	for _, st := range run.qs {
		if st.q.Mode != model.QuotaAtLeast || st.q.Span == model.SpanAndBelow || st.q.PerParent {
			continue
		}
		b := st.last
		for _, key := range st.keys() {
			deficit := st.limit[key] - st.count[key]
			if deficit <= 0 {
				continue
			}
			var cands []int
			for _, i := range run.order {
				if run.metas[i].band > b && st.key(&run.metas[i]) == key && run.liftable(i, b) {
					cands = append(cands, i)
				}
			}
			for _, group := range run.tieGroups(cands) {
				if deficit <= 0 {
					break
				}
				if !run.fitsAtMost(group, b) {
					run.issue(run.quotaName(st) + "：受其他比例上限限制，无法满足")
					break
				}
				deficit -= run.moveGroup(group, b, st, key, "为其下最高")
			}
			if deficit > 0 {
				run.issue(run.quotaName(st) + "：符合条件的对象不足，比例无法满足")
			}
		}
	}
}

// moveGroup moves a tie group into band b to meet the "at least" quota st
// for key, all of it or none: when a subject of the group cannot leave its
// band without breaking another "at least" quota, nobody moves. It returns
// how many moved. where says how the group stands among the candidates
// ("为其下最高", "为其上最低").
func (run *quotaRun) moveGroup(group []int, b int, st *qstate, key, where string) int {
	byBand := map[int][]int{}
	for _, i := range group {
		byBand[run.metas[i].band] = append(byBand[run.metas[i].band], i)
	}
	for from, g := range byBand {
		if !run.removable(g, from, b) {
			return 0
		}
	}
	for _, i := range group {
		run.move(i, b, st, "本范围"+st.why[key]+"，现有"+itoa(st.count[key])+"个不足，总分"+model.PointsText(run.metas[i].key)+where+tieText(group))
	}
	return len(group)
}

// fitsAtMost reports whether the group can join band b without breaking an
// "at most" quota.
func (run *quotaRun) fitsAtMost(group []int, b int) bool {
	for _, st := range run.qs {
		if st.q.Mode != model.QuotaAtMost || !st.covers(b) {
			continue
		}
		joining := map[string]int{}
		for _, i := range group {
			if !st.covers(run.metas[i].band) {
				joining[st.key(&run.metas[i])]++
			}
		}
		for key, n := range joining {
			if st.count[key]+n > st.limit[key] {
				return false
			}
		}
	}
	return true
}

// demote meets "at least" quotas over a band and below ("一星级以下…不低于10%")
// by moving the lowest-scoring subjects above the span down into its top
// band, skipping subjects reserved by a per-parent quota and subjects whose
// removal would break another "at least" quota.
func (run *quotaRun) demote(reserved map[int]bool) {
	for _, st := range run.qs {
		if st.q.Mode != model.QuotaAtLeast || st.q.Span != model.SpanAndBelow {
			continue
		}
		b := st.first
		for _, key := range st.keys() {
			deficit := st.limit[key] - st.count[key]
			if deficit <= 0 {
				continue
			}
			var cands []int
			for k := len(run.order) - 1; k >= 0; k-- {
				i := run.order[k]
				if run.metas[i].band < b && st.key(&run.metas[i]) == key && !reserved[i] {
					cands = append(cands, i)
				}
			}
			for _, group := range run.tieGroups(cands) {
				if deficit <= 0 {
					break
				}
				deficit -= run.moveGroup(group, b, st, key, "为其上最低")
			}
			if deficit > 0 {
				run.issue(run.quotaName(st) + "：可调整的对象不足，比例无法满足")
			}
		}
	}
}

// report writes one QuotaResult per quota and scope.
func (run *quotaRun) report() {
	for _, st := range run.qs {
		for _, key := range st.keys() {
			met := st.count[key] <= st.limit[key]
			mode := "至多"
			if st.q.Mode == model.QuotaAtLeast {
				met = st.count[key] >= st.limit[key]
				mode = "至少"
			}
			text := run.quotaName(st) + "：" + st.why[key] + "，" + mode + itoa(st.limit[key]) + "个，调整后" + itoa(st.count[key]) + "个"
			if len(st.moved[key]) > 0 {
				text += "，调整了" + itoa(len(st.moved[key])) + "个"
			}
			if !met {
				text += "，未能满足"
			}
			run.res.Quotas = append(run.res.Quotas, QuotaResult{Quota: st.q.Code, Parent: key, Scope: st.scope[key],
				Limit: st.limit[key], Count: st.count[key], Met: met, Moved: st.moved[key],
				Why: []Step{step(StepQuota, st.q.Code, text)}})
		}
	}
}
