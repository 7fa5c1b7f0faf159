package scoring

import (
	"slices"

	"xingji/model"
)

// ItemGap is one item's self-assessment against its review.
type ItemGap struct {
	Item   string        `json:"item"`
	Title  string        `json:"title"`
	Self   model.Decimal `json:"self"`
	Review model.Decimal `json:"review"`
	Gap    model.Decimal `json:"gap"` // Self − Review: above 0, the self-assessment is higher
}

// SubjectGap is one subject's self-assessment against its review (自评虚高).
type SubjectGap struct {
	Subject string        `json:"subject"` // the subject's ID
	Name    string        `json:"name"`
	Self    model.Decimal `json:"self"`
	Review  model.Decimal `json:"review"`
	Gap     model.Decimal `json:"gap"`             // Self − Review
	Items   []ItemGap     `json:"items,omitempty"` // the items on which they differ, largest gap first
	Why     []Step        `json:"why"`
}

// Inflation compares the self-assessment (source self) with the review
// (source review) for every subject that has both, largest gap first
// (the most inflated self-assessment first, the most modest last; equal
// gaps keep the input order).
//
// When both sources scored items, Self and Review add up each source's
// aggregated scores (before weighting) of the items both scored — bonus and
// penalty items included, since claiming a bonus the review does not grant
// is inflation too — and Items lists the items where they differ. When
// either source gave whole-form totals, the sources' subtotals are
// compared and there are no items. Sums are rounded to two decimals, as
// totals are; item scores are shown as aggregated (up to four decimals).
func Inflation(res *Result, self, review string) []SubjectGap {
	out := make([]SubjectGap, 0, len(res.Subjects))
	var slab []ItemGap // every subject's items, carved from large blocks
	var order []int64  // per differing item: −gap << 16 | item position, sorted
	for i := range res.Subjects {
		r := &res.Subjects[i]
		ps, pr := sourceAt(r, self), sourceAt(r, review)
		if ps < 0 || pr < 0 || !r.Sources[ps].Present || !r.Sources[pr].Present {
			continue
		}
		ss, rs := &r.Sources[ps], &r.Sources[pr]
		g := SubjectGap{Subject: r.ID, Name: r.Name}
		n := 0
		if ss.Items != nil && rs.Items != nil && len(r.Items) < 1<<16 { // (gapKey's positions)
			var sum, rsum model.Decimal
			order = order[:0]
			for k := range r.Items {
				a, okA := ss.Items.At(k)
				b, okB := rs.Items.At(k)
				if !okA || !okB {
					continue
				}
				n++
				sum, rsum = sum.Add(a), rsum.Add(b)
				if gap := a.Sub(b); !gap.IsZero() {
					order = append(order, gapKey(gap, k))
				}
			}
			// largest gap first, equal gaps in the scheme's order: one
			// integer per item sorts several times faster than the items
			slices.Sort(order)
			if cap(slab)-len(slab) < len(order) {
				slab = make([]ItemGap, 0, max(8192, len(order)))
			}
			start := len(slab)
			for _, key := range order {
				k := int(key & (1<<16 - 1))
				it := &r.Items[k]
				a, b := ss.Items[k], rs.Items[k]
				slab = append(slab, ItemGap{Item: it.Item, Title: it.Title, Self: a, Review: b, Gap: a.Sub(b)})
			}
			if n > 0 {
				g.Self, g.Review = sum.Round(2), rsum.Round(2)
				if len(order) > 0 {
					g.Items = slab[start:len(slab):len(slab)]
				}
			}
		}
		var basis string
		if n > 0 {
			basis = "按双方都评分的" + itoa(n) + "个项目（含加减分项）"
		} else {
			g.Self, g.Review = ss.Subtotal, rs.Subtotal
			basis = "按两个来源的小计（" + ss.Name + "或" + rs.Name + "无逐项得分）"
		}
		g.Gap = g.Self.Sub(g.Review)
		text := basis + "：" + ss.Name + model.PointsText(g.Self) + "，" + rs.Name + model.PointsText(g.Review) + "，" + gapText(ss.Name, g.Gap)
		g.Why = []Step{{Kind: StepSum, Text: text}}
		if len(g.Items) > 0 {
			higher, lower := 0, 0
			for _, it := range g.Items {
				if it.Gap.Sign() > 0 {
					higher++
				} else {
					lower++
				}
			}
			top := &g.Items[0]
			t := "其中" + itoa(higher) + "项" + ss.Name + "高于" + rs.Name + "，" + itoa(lower) + "项低于"
			if top.Gap.Sign() > 0 {
				t += "；相差最大的是" + model.ItemLabel(top.Item, top.Title) + "：" + ss.Name + model.PointsText(top.Self) + "，" + rs.Name + model.PointsText(top.Review)
			}
			g.Why = append(g.Why, Step{Kind: StepSum, Text: t})
		}
		out = append(out, g)
	}
	// largest gap first; equal gaps in input order
	idx := make([]int32, len(out))
	for k := range idx {
		idx[k] = int32(k)
	}
	slices.SortFunc(idx, func(x, y int32) int {
		if c := out[y].Gap.Cmp(out[x].Gap); c != 0 {
			return c
		}
		return int(x - y)
	})
	sorted := make([]SubjectGap, len(out))
	for k, i := range idx {
		sorted[k] = out[i]
	}
	return sorted
}

// gapKey orders gaps largest first, then by item position k (< 2^16). Gaps
// beyond ±7 billion points (only a runaway formula on a penalty item without
// limit) order as equal, by position.
func gapKey(gap model.Decimal, k int) int64 {
	const lim = 1<<46 - 1
	u := min(max(gap.Units(), -lim), lim)
	return -u<<16 | int64(k)
}

// gapText says "自评高出6.5分" / "自评低1分" / "两者相同".
func gapText(self string, gap model.Decimal) string {
	switch gap.Sign() {
	case 1:
		return self + "高出" + model.PointsText(gap)
	case -1:
		return self + "低" + model.PointsText(gap.Neg())
	}
	return "两者相同"
}

// sourceAt returns the index of source code among the subject's sources,
// or −1.
func sourceAt(r *SubjectResult, code string) int {
	for k := range r.Sources {
		if r.Sources[k].Source == code {
			return k
		}
	}
	return -1
}

// RaterBias is one rater's leaning across the subjects they rated in one
// branch (偏高或偏低的评分人).
type RaterBias struct {
	Parent     string `json:"parent,omitempty"` // the branch: anonymous raters are numbered per branch
	Source     string `json:"source"`
	SourceName string `json:"sourceName"`
	Rater      string `json:"rater"`
	Subjects   int    `json:"subjects"` // subjects rated with at least one other rater
	// MeanDev is the mean, over those subjects, of the rater's score less the
	// mean of the other raters' scores, rounded to two decimals.
	MeanDev model.Decimal `json:"meanDev"`
	Why     []Step        `json:"why"`
}

// RaterOutliers compiles s and finds the raters of in who lean (see
// Engine.RaterOutliers); nil when s does not compile.
func RaterOutliers(s model.Scheme, in Input) []RaterBias {
	e, _ := Compile(s)
	if e == nil {
		return nil
	}
	return e.RaterOutliers(in)
}
