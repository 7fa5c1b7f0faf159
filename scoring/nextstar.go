package scoring

import (
	"slices"
	"strconv"
	"strings"

	"xingji/model"
)

// starGain is an unearned star that a higher score would earn.
type starGain struct {
	k    int           // index into SubjectResult.Stars
	to   model.Decimal // the least score that earns it
	lack model.Decimal // to − its score
}

// nextStar answers for a star-count scheme (Stars.BandByCount): the
// cheapest unearned stars that bring a better band, or why none can.
func (x *nexter) nextStar(r *SubjectResult, sub *Subject, cur, target, lift int, out NextBand) NextBand {
	e := x.e
	bands := e.s.Bands
	f := facts{sub: sub, r: r, grade: r.Grade, avg: e.starAvg(r.Stars)}
	var gains []starGain
	var cannot []Step
	for k := range r.Stars {
		if r.Stars[k].Earned {
			continue
		}
		if g, ok, why := x.starGain(r, k, &f); ok {
			gains = append(gains, g)
		} else {
			cannot = append(cannot, why)
		}
	}
	slices.SortStableFunc(gains, func(a, b starGain) int { return a.lack.Cmp(b.lack) })
	stars := make([]StarResult, len(r.Stars))
	copy(stars, r.Stars)
	var need model.Decimal
	for j, g := range gains {
		stars[g.k].Score, stars[g.k].Earned = g.to.P(), true
		need = need.Add(g.lack)
		if k := x.bandAt(r, sub, lift, r.Grade.Add(need), stars, r.StarCount+j+1, nil); k >= 0 && k < cur {
			band := &bands[k]
			out.Band, out.BandName, out.Need, out.Reachable = band.Code, band.Name, need, true
			head := Step{Kind: StepStar, Ref: band.Code, Text: "再得" + itoa(j+1) + "颗星（现得" + itoa(r.StarCount) + "颗）即可评为" + quoted(band.Name) +
				"，各星共需再得" + model.PointsText(need)}
			for _, g := range gains[:j+1] {
				st := &r.Stars[g.k]
				head.Steps = append(head.Steps, Step{Kind: StepStar, Ref: st.Star, Text: st.Name + "：得" + model.PointsText(*st.Score) +
					"，还差" + model.PointsText(g.lack) + "（" + x.earnRange(st).Describe(model.PointsUnit) + "可得）"})
			}
			tr, _ := x.trace(r, sub, lift, r.Grade.Add(need), stars, r.StarCount+j+1, "若得星"+itoa(r.StarCount+j+1)+"颗：")
			out.Why = append(out.Why, head, tr)
			return x.quotaNote(k, out)
		}
	}
	tb := &bands[target]
	if tb.MinStars == nil || r.StarCount+len(gains) < *tb.MinStars {
		out.Block = NextStars
		text := "评为" + quoted(tb.Name)
		if tb.MinStars != nil {
			text += "须得星" + itoa(*tb.MinStars) + "颗，现得" + itoa(r.StarCount) + "颗，提高得分最多还能再得" + itoa(len(gains)) + "颗"
		} else {
			text += "未规定得星数"
		}
		out.Why = append(out.Why, Step{Kind: StepStar, Ref: tb.Code, Text: text, Steps: cannot})
		return out
	}
	// Enough stars can be earned, yet the band is refused: say why.
	return x.refused(r, sub, lift, r.Grade.Add(need), stars, r.StarCount+len(gains), target, out)
}

// earnRange is the scores that earn star st.
func (x *nexter) earnRange(st *StarResult) model.Range {
	sm := x.e.s.Stars
	if st.Own {
		if sm.OwnEarn != nil {
			return *sm.OwnEarn
		}
		return model.Range{}
	}
	if d := x.starDef(st.Star); d != nil && d.Earn != nil {
		return *d.Earn
	}
	return model.Range{}
}

func (x *nexter) starDef(code string) *model.Star {
	ss := x.e.s.Stars.Stars
	for k := range ss {
		if ss[k].Code == code {
			return &ss[k]
		}
	}
	return nil
}

// starGain says whether a higher score would earn the k-th star of r and
// how much higher; why says why not.
func (x *nexter) starGain(r *SubjectResult, k int, f *facts) (starGain, bool, Step) {
	e := x.e
	sm := e.s.Stars
	st := &r.Stars[k]
	no := func(text string) (starGain, bool, Step) {
		return starGain{}, false, Step{Kind: StepStar, Ref: st.Star, Text: st.Name + "：" + text}
	}
	var earn *model.Range
	hi, bounded := model.Decimal{}, false
	if st.Own {
		n, _ := strconv.Atoi(strings.TrimPrefix(st.Star, "own-"))
		if n > sm.OwnSlots {
			return no("超出个性星名额，不计")
		}
		earn = sm.OwnEarn
	} else {
		d := x.starDef(st.Star)
		switch {
		case d == nil:
			return no("不在本方案之中")
		case d.Ref == "":
			_, failed := e.holds(d.Requires, f)
			return no("不按分数评定，须符合" + join(failed))
		}
		if ok, failed := e.holds(d.Requires, f); !ok {
			return no("须符合" + join(failed) + "，提高得分无用")
		}
		earn = d.Earn
		if i, ok := e.itemIdx[d.Ref]; ok {
			hi, bounded = e.items[i].hi, true
		} else {
			for _, cs := range e.sections {
				if cs.sec.Code == d.Ref {
					hi, bounded = cs.max, true
				}
			}
		}
	}
	switch {
	case earn == nil:
		return no("未规定达到多少分可得")
	case st.Score == nil:
		return no("无得分，须先评分")
	}
	to := *st.Score
	if !earn.Contains(to) {
		if earn.From == nil || !st.Score.Less(gridUp(*earn.From, earn.FromExcl)) {
			return no("得" + model.PointsText(*st.Score) + "，" + earn.Describe(model.PointsUnit) + "可得，提高得分无用")
		}
		to = gridUp(*earn.From, earn.FromExcl)
		if !earn.Contains(to) {
			return no(earn.Describe(model.PointsUnit) + "可得，无法达到")
		}
	}
	if bounded && hi.Less(to) {
		return no("满分" + model.PointsText(hi) + "，达不到" + earn.Describe(model.PointsUnit))
	}
	return starGain{k: k, to: to, lack: to.Sub(*st.Score)}, true, Step{}
}
