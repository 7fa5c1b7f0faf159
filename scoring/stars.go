package scoring

import (
	"xingji/model"
)

// stars decides the named stars (and the unit's own stars) of a subject and
// sets StarCount, so band conditions and caps can use stars and starAvg.
func (e *Engine) stars(sub *Subject, r *SubjectResult, f *facts, sc *scratch) {
	sm := e.s.Stars
	if sm == nil {
		return
	}
	for k := range sm.Stars {
		st := &sm.Stars[k]
		if !model.AppliesToKind(st.AppliesTo, sub.Kind) {
			continue
		}
		res := StarResult{Star: st.Code, Name: st.Name}
		earned := true
		if st.Ref != "" {
			v, have := e.refScore(st.Ref, r, sc)
			switch {
			case !have:
				earned = false
				res.Why = append(res.Why, step(StepStar, st.Ref, st.Name+"：无得分，未获得"))
			case st.Earn == nil:
				earned = false
				res.Score = v.P()
				res.Why = append(res.Why, step(StepIssue, st.Ref, st.Name+"：得"+model.PointsText(v)+"，方案未规定达到多少分可得，须考核办认定"))
				r.Issues = append(r.Issues, st.Name+"未规定达到多少分可得，须考核办认定")
			default:
				res.Score = v.P()
				if st.Earn.Contains(v) {
					res.Why = append(res.Why, step(StepStar, st.Ref, st.Name+"：得"+model.PointsText(v)+"（"+rangeText(*st.Earn, "分")+"可得）"))
				} else {
					earned = false
					res.Why = append(res.Why, step(StepStar, st.Ref, st.Name+"：得"+model.PointsText(v)+"，未达到"+rangeText(*st.Earn, "分")))
				}
			}
		}
		if earned && len(st.Requires) > 0 {
			if ok, failed := e.holds(st.Requires, f); !ok {
				earned = false
				res.Why = append(res.Why, step(StepStar, st.Code, st.Name+"：不符合"+join(failed)))
			} else {
				res.Why = append(res.Why, step(StepStar, st.Code, st.Name+"：符合"+e.condsText(st.Requires)))
			}
		}
		res.Earned = earned
		if earned {
			r.StarCount++
		}
		r.Stars = append(r.Stars, res)
	}
	for k, own := range sub.OwnStars {
		res := StarResult{Star: "own-" + itoa(k+1), Name: own.Name, Score: own.Score.P(), Own: true}
		switch {
		case k >= sm.OwnSlots:
			res.Why = append(res.Why, step(StepIssue, "", "个性星最多"+itoa(sm.OwnSlots)+"颗，“"+own.Name+"”不计"))
			r.Issues = append(r.Issues, "个性星超过"+itoa(sm.OwnSlots)+"颗，多出的不计")
		case sm.OwnEarn != nil && sm.OwnEarn.Contains(own.Score):
			res.Earned = true
			r.StarCount++
			res.Why = append(res.Why, step(StepStar, "", "个性星“"+own.Name+"”：得"+num(own.Score)+"（"+rangeText(*sm.OwnEarn, "")+"可得）"))
		default:
			res.Why = append(res.Why, step(StepStar, "", "个性星“"+own.Name+"”：得"+num(own.Score)+"，未获得"))
		}
		r.Stars = append(r.Stars, res)
	}
	f.avg = e.starAvg(r.Stars)
}

// starAvg is 每颗星平均得分: the mean score of the named stars that have a
// score and a rule for earning it (0 when none has); the unit's own stars
// do not count.
func (e *Engine) starAvg(stars []StarResult) model.Decimal {
	var sum model.Decimal
	n, k := 0, 0
	defs := e.s.Stars.Stars
	for i := range stars {
		sr := &stars[i]
		if sr.Own {
			continue
		}
		for k < len(defs) && defs[k].Code != sr.Star {
			k++
		}
		if k == len(defs) {
			break
		}
		if sr.Score != nil && defs[k].Earn != nil {
			sum = sum.Add(*sr.Score)
			n++
		}
	}
	if n == 0 {
		return model.Decimal{}
	}
	return sum.DivInt(int64(n))
}

// refScore returns the final score of an item or the subtotal of a section.
func (e *Engine) refScore(ref string, r *SubjectResult, sc *scratch) (model.Decimal, bool) {
	if i, ok := e.itemIdx[ref]; ok {
		return sc.finals[i], sc.scored[i]
	}
	for _, s := range r.Sections {
		if s.Section == ref {
			return s.Score, true
		}
	}
	return model.Decimal{}, false
}

func (e *Engine) condsText(cs []model.Condition) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, e.condText(c))
	}
	return join(parts)
}
