package scoring

import (
	"strings"

	"xingji/model"
)

// rank numbers the subjects that are not disqualified by grade total (then
// tie-break keys); tied subjects share a rank and the next rank skips
// (1, 2, 2, 4).
func (e *Engine) rank(res *Result, metas []meta, idx []int, a *arena) {
	n := len(idx)
	for k := 0; k < n; {
		j := k + 1
		for j < n && sameKeys(&metas[idx[k]], &metas[idx[j]]) {
			j++
		}
		for _, i := range idx[k:j] {
			r := &res.Subjects[i]
			r.Rank = k + 1
			t := a.begin().s("按等级总分在").i(n).s("个参评对象中从高到低排名")
			if len(e.s.TieBreak) > 0 {
				t.s("，同分时依次比较").s(strings.Join(e.s.TieBreak, "、"))
			}
			if j-k > 1 {
				t.s("（").i(j - k).s("个同分并列，名次相同）")
			}
			r.RankWhy = t.doneOne(StepRank, "")
		}
		k = j
	}
}

// redFlag awards the red flag to the best eligible subjects. A tie at the
// last place is not broken: the tied subjects get no flag and the result
// says the committee must decide.
func (e *Engine) redFlag(res *Result, metas []meta, order []int) {
	rf := e.s.RedFlag
	if rf == nil {
		return
	}
	out := &RedFlagResult{Name: rf.Name, Winners: []string{}}
	res.RedFlag = out
	minBand := -1
	if rf.MinBand != "" {
		minBand = e.bandIdx[rf.MinBand]
	}
	var idx []int
	var excluded []string
	for _, i := range order {
		m := &metas[i]
		r := &res.Subjects[i]
		switch {
		case m.noAward:
			excluded = append(excluded, r.Name+"（否决）")
		case !m.rfOK:
			excluded = append(excluded, r.Name+"（"+m.rfWhy+"）")
		case minBand >= 0 && (m.band < 0 || m.band > minBand):
			excluded = append(excluded, r.Name+"（未达到"+quoted(e.s.Bands[minBand].Name)+"）")
		default:
			idx = append(idx, i)
		}
	}
	text := "共" + itoa(len(idx)) + "个符合条件，按等级总分从高到低取前" + itoa(rf.Count) + "名"
	if rf.Quote != "" {
		text = "按“" + rf.Quote + "”，" + text
	}
	out.Why = append(out.Why, step(StepRedFlag, "", text))
	if len(excluded) > 0 {
		if len(excluded) > 20 {
			excluded = append(excluded[:20], "等"+itoa(len(excluded))+"个")
		}
		out.Why = append(out.Why, step(StepRedFlag, "", "不符合条件："+join(excluded)))
	}
	for k := 0; k < len(idx) && k < rf.Count; {
		j := k + 1
		for j < len(idx) && sameKeys(&metas[idx[k]], &metas[idx[j]]) {
			j++
		}
		if j > rf.Count {
			var names []string
			for _, i := range idx[k:j] {
				names = append(names, res.Subjects[i].Name)
			}
			msg := rf.Name + "：" + join(names) + "总分并列（" + model.PointsText(metas[idx[k]].key) + "），剩余" + itoa(rf.Count-k) + "个名额不足以授予全部并列者，均暂不授予，须党委研究确定"
			out.Why = append(out.Why, step(StepIssue, "", msg))
			res.Issues = append(res.Issues, msg)
			break
		}
		for _, i := range idx[k:j] {
			r := &res.Subjects[i]
			r.RedFlag = true
			out.Winners = append(out.Winners, r.ID)
			r.RankWhy = append(r.RankWhy, step(StepRedFlag, "", "授予"+quoted(rf.Name)+"：在"+itoa(len(idx))+"个符合条件的对象中排第"+itoa(k+1)+"名"))
			out.Why = append(out.Why, step(StepRedFlag, r.ID, r.Name+"："+model.PointsText(r.Grade)))
		}
		k = j
	}
}
