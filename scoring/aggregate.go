package scoring

import (
	"slices"

	"xingji/model"
)

// aggInfo records how several raters were aggregated, to explain it.
type aggInfo struct {
	n        int
	method   model.Aggregation
	trimmed  bool
	trimFrom int
	hi, lo   model.Decimal // the dropped scores of a trimmed mean
}

// write explains the aggregation: "5人评分，去掉一个最高分9分和一个最低分6分后，3人平均8分".
func (info aggInfo) write(a *arena, v model.Decimal) {
	switch {
	case info.n == 0:
		a.s("无人评分")
		return
	case info.n == 1:
		a.s("1人评分，").pts(v)
		return
	}
	a.i(info.n).s("人评分，")
	switch {
	case info.trimmed:
		a.s("去掉一个最高分").pts(info.hi).s("和一个最低分").pts(info.lo).s("后，").i(info.n - 2).s("人平均").pts(v)
	case info.method == model.AggTrimmed:
		a.s("不足").i(info.trimFrom).s("人，不去掉最高最低分，平均").pts(v)
	case info.method == model.AggMedian:
		a.s("中位数").pts(v)
	default:
		a.s("平均").pts(v)
	}
}

// aggregate turns the scores of several raters of one source into one
// score, by the source's method.
func aggregate(src *model.Source, xs []model.Decimal, buf *[]model.Decimal) (model.Decimal, aggInfo) {
	n := len(xs)
	info := aggInfo{n: n, method: src.Aggregate, trimFrom: src.TrimFrom}
	if n == 0 {
		return model.Decimal{}, info
	}
	if n == 1 {
		return xs[0], info
	}
	sum := func(v []model.Decimal) model.Decimal {
		var s model.Decimal
		for _, x := range v {
			s = s.Add(x)
		}
		return s
	}
	sorted := func() []model.Decimal {
		b := append((*buf)[:0], xs...)
		slices.SortFunc(b, func(a, c model.Decimal) int { return a.Cmp(c) })
		*buf = b
		return b
	}
	switch src.Aggregate {
	case model.AggTrimmed:
		if n >= src.TrimFrom && n >= 3 {
			b := sorted()
			info.trimmed, info.hi, info.lo = true, b[n-1], b[0]
			return sum(b[1 : n-1]).DivInt(int64(n - 2)), info
		}
	case model.AggMedian:
		b := sorted()
		if n%2 == 1 {
			return b[n/2], info
		}
		return b[n/2-1].Add(b[n/2]).DivInt(2), info
	}
	return sum(xs).DivInt(int64(n)), info
}

// weightTotals weights the sources' subtotals when some source gave
// whole-form totals: main = Σ weight × subtotal ÷ Σ weight of the sources
// present (renormalised), rounded to two decimals.
func (e *Engine) weightTotals(r *SubjectResult, sc *scratch) (model.Decimal, Step) {
	var num, den, expected model.Decimal
	nMissing := 0
	for s := range e.s.Sources {
		sr := &r.Sources[s]
		expected = expected.Add(sr.Weight)
		if !sr.Present {
			nMissing++
			continue
		}
		num = num.Add(sr.Weight.Mul(sr.Subtotal))
		den = den.Add(sr.Weight)
	}
	zero := e.s.MissingSource == model.MissingZero
	if zero {
		den = expected
	}
	if den.IsZero() {
		return model.Decimal{}, Step{Kind: StepWeight, Text: "各来源权重之和为0，无法加权，按0分计"}
	}
	v, _ := num.Div(den)
	main := v.Round(2)
	a := sc.a.begin().s("加权：")
	k := 0
	for s := range e.s.Sources {
		sr := &r.Sources[s]
		if !sr.Present {
			continue
		}
		w := sr.Weight
		if !zero && !den.Equal(hundred) {
			w, _ = w.Mul(hundred).Div(den)
		}
		if k > 0 {
			a.s(" + ")
		}
		k++
		a.s(sr.Name).d(sr.Subtotal).s("×").pct(w)
	}
	a.s(" = ").pts(v)
	if !main.Equal(v) {
		a.s("≈").pts(main)
	}
	if nMissing > 0 {
		a.s("（")
		k = 0
		for s := range e.s.Sources {
			if sr := &r.Sources[s]; !sr.Present {
				if k > 0 {
					a.s("、")
				}
				k++
				a.s(sr.Name)
			}
		}
		if zero {
			a.s("未提交，按0分计）")
		} else {
			a.s("未提交，其余来源的权重按比例折算为100%）")
		}
	}
	if len(r.Items) > 0 {
		a.s("；逐项得分仅供参考，总分以来源加权为准")
	}
	return main, Step{Kind: StepWeight, Text: a.unique()} // rarely repeats: not interned
}
