package scoring

import (
	"cmp"
	"slices"

	"xingji/model"
)

// OutlierShare is RaterOutliers' rule: a rater is listed when the mean of
// their deviations is at least this percentage of the scheme's total (10
// points on a 100-point form), above or below.
const OutlierShare = 10

// RaterOutliers finds the raters who lean: for every source with several
// raters (互评, 群众参评 …) and every rater name within one branch
// (Subject.Parent — anonymous raters are numbered per column per branch, so
// "3" of one branch is not "3" of another), the mean over the subjects they
// rated of their score less the mean of the other raters' scores for the
// same subject. Raters whose mean deviation is at least OutlierShare% of
// the scheme's Total (of the regular items' full marks when Total is 0) are
// returned, the largest deviation first.
//
// The rule is absolute, not "beyond two standard deviations": it lists the
// same rater for the same scores whatever the others did, and lists nobody
// when every rater is fair — a relative rule always finds someone.
//
// A rater's score is the whole-form total they gave (clamped to 0–Total as
// scoring does); with item ratings it is compared item by item — the
// rater's points on each regular item after the item's rule, less the
// other raters' mean on that item — and the differences are added up, so
// raters who skipped items are compared on what they scored. Subjects with
// a single rater, and raters without a name, are left out (unnamed raters
// still count in the others' mean).
func (e *Engine) RaterOutliers(in Input) []RaterBias {
	type key struct {
		parent string
		src    int
		rater  string
	}
	type acc struct {
		n            int
		sum          model.Decimal
		worst        model.Decimal
		worstSubject string
	}
	accs := map[key]*acc{}
	add := func(sub *Subject, s int, rater string, dev model.Decimal) {
		k := key{sub.Parent, s, rater}
		a := accs[k]
		if a == nil {
			a = &acc{}
			accs[k] = a
		}
		a.n++
		a.sum = a.sum.Add(dev)
		if a.n == 1 || absDec(a.worst).Less(absDec(dev)) {
			a.worst, a.worstSubject = dev, subjectLabel(sub)
		}
	}
	n := len(e.items)
	sums, cnts, seen := make([]model.Decimal, n), make([]int, n), make([]int, n)
	type point struct {
		i int
		p model.Decimal
	}
	var flat []point
	var offs []int
	stamp := 0
	ar := &arena{}
	for si := range in.Subjects {
		sub := &in.Subjects[si]
		var used uint64
		for k := range sub.Sources {
			src := &sub.Sources[k]
			s, ok := e.srcIdx[src.Source]
			if !ok || used&(1<<s) != 0 {
				continue
			}
			used |= 1 << s
			switch {
			case len(src.Ratings) >= 2:
				flat, offs = flat[:0], offs[:0]
				for ri := range src.Ratings {
					offs = append(offs, len(flat))
					stamp++
					for _, item := range src.Ratings[ri].Items {
						i, ok := e.itemIdx[item.Item]
						if !ok {
							continue
						}
						ci := &e.items[i]
						if ci.it.Bonus || ci.it.Penalty || ci.enteredBy&(1<<s) == 0 || seen[i] == stamp || !model.AppliesToKind(ci.applies, sub.Kind) {
							continue
						}
						seen[i] = stamp
						o := ruleOut{a: ar}
						v := e.eval(ci, &ci.it.Rule, "", ruleIn{score: item.Score, values: item.Values, levels: item.Levels, flags: item.Flags}, ci.lo, ci.hi, &o)
						flat = append(flat, point{i, v})
						sums[i] = sums[i].Add(v)
						cnts[i]++
					}
				}
				offs = append(offs, len(flat))
				for ri := range src.Ratings {
					name := src.Ratings[ri].Rater
					if name == "" {
						continue
					}
					var dev model.Decimal
					compared := false
					for _, pt := range flat[offs[ri]:offs[ri+1]] {
						if c := cnts[pt.i]; c >= 2 {
							dev = dev.Add(pt.p.Sub(sums[pt.i].Sub(pt.p).DivInt(int64(c - 1))))
							compared = true
						}
					}
					if compared {
						add(sub, s, name, dev)
					}
				}
				for _, pt := range flat {
					sums[pt.i], cnts[pt.i] = model.Decimal{}, 0
				}
			case len(src.Ratings) == 0 && len(src.Totals) >= 2:
				var sum model.Decimal
				for _, t := range src.Totals {
					sum = sum.Add(e.formTotal(t))
				}
				m := int64(len(src.Totals) - 1)
				for r, t := range src.Totals {
					if r >= len(src.Raters) || src.Raters[r] == "" {
						continue
					}
					t = e.formTotal(t)
					add(sub, s, src.Raters[r], t.Sub(sum.Sub(t).DivInt(m)))
				}
			}
		}
	}
	total := e.s.Total
	if total.IsZero() {
		for _, i := range e.regular {
			total = total.Add(e.items[i].hi)
		}
	}
	limit := total.MulInt(OutlierShare).DivInt(100).Round(2)
	var out []RaterBias
	for k, a := range accs {
		mean := a.sum.DivInt(int64(a.n)).Round(2)
		if absDec(mean).Less(limit) {
			continue
		}
		src := &e.s.Sources[k.src]
		where := ""
		if k.parent != "" {
			where = "在“" + k.parent + "”"
		}
		text := src.Name + "评分人“" + k.rater + "”" + where + "评了" + itoa(a.n) + "个对象（均有其他人同时评分），平均比其他评分人" +
			leanText(mean) + "，达到满分" + model.PointsText(total) + "的" + itoa(OutlierShare) + "%（" + model.PointsText(limit) + "）"
		worst := "偏离最大的是" + a.worstSubject + "：比其他评分人的平均" + leanText(a.worst.Round(2))
		out = append(out, RaterBias{Parent: k.parent, Source: src.Code, SourceName: src.Name, Rater: k.rater, Subjects: a.n, MeanDev: mean,
			Why: []Step{{Kind: StepRaters, Ref: src.Code, Text: text}, {Kind: StepRaters, Ref: src.Code, Text: worst}}})
	}
	slices.SortFunc(out, func(x, y RaterBias) int {
		return cmp.Or(absDec(y.MeanDev).Cmp(absDec(x.MeanDev)), cmp.Compare(x.Parent, y.Parent),
			cmp.Compare(e.srcIdx[x.Source], e.srcIdx[y.Source]), cmp.Compare(x.Rater, y.Rater))
	})
	return out
}

// formTotal is a whole-form total as scoring counts it: within 0–Total.
func (e *Engine) formTotal(t model.Decimal) model.Decimal { return t.Clamp(model.Decimal{}, e.s.Total) }

func absDec(d model.Decimal) model.Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}

// leanText says "高6.5分" / "低3分".
func leanText(d model.Decimal) string {
	if d.Sign() < 0 {
		return "低" + model.PointsText(d.Neg())
	}
	return "高" + model.PointsText(d)
}

// subjectLabel names a subject for explanations: its name, else its ID.
func subjectLabel(sub *Subject) string {
	if sub.Name != "" {
		return sub.Name
	}
	return sub.ID
}
