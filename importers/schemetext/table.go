package schemetext

import (
	"fmt"
	"regexp"
	"strings"

	"xingji/model"
)

var (
	reSpan     = regexp.MustCompile(`(\d{1,3}(?:\.\d+)?)%?\s*(?:至|—|-|~|到)\s*(\d{1,3}(?:\.\d+)?)%`)
	reAbove    = regexp.MustCompile(`(\d{1,3}(?:\.\d+)?)%\s*(?:\(不含\)|\(含\))?\s*(?:及以上|以上)`)
	reBelowPre = regexp.MustCompile(`(?:低于|不足|未达到|未达|小于)\s*(\d{1,3}(?:\.\d+)?)%`)
	reBelow    = regexp.MustCompile(`(\d{1,3}(?:\.\d+)?)%\s*(?:\((?:不含|含)(?:\d{1,3}%)?\))?\s*(?:及以下|以下)`)
	reReach    = regexp.MustCompile(`(?:达到|实现|达)\s*(\d{1,3}(?:\.\d+)?)%`)
	reGot      = regexp.MustCompile(`得\s*(\d{1,3}(?:\.\d{1,2})?)\s*分`)
	reRateName = regexp.MustCompile(`([\p{Han}]{1,8}(?:率|满意度|度))`)
)

// tableBand is one row read from the text, before ladder bounds are set.
type tableBand struct {
	label string
	band  model.TableBand
	open  bool // "X%以上" / "达到X%": upper bound set from the next threshold
}

// tableRule reads a threshold table on a rate: "知晓率达到90%以上的得满分,
// 达到80%的得1分,低于80%(不含80%)不得分". Explicit ranges ("80%至85%(含)")
// are kept exactly as written, so overlaps and gaps stay for Validate to
// flag; open rows ("90%以上", "达到80%") form a ladder, each ending where the
// next higher threshold starts.
func tableRule(text string, points model.Decimal) (Recognition, bool) {
	var rows []tableBand
	var quotes []string
	label := ""
	for _, s := range sentences(text) {
		found := false
		for _, part := range splitClauses(s) {
			if !strings.Contains(part, "%") {
				continue
			}
			if m := reRateName.FindStringSubmatch(part); m != nil {
				label = strings.TrimPrefix(strings.TrimPrefix(m[1], "根据"), "的")
			}
			pts, ok := bandPoints(part, points)
			if !ok {
				continue
			}
			r, open, ok := bandRange(part)
			if !ok {
				continue
			}
			rows = append(rows, tableBand{label: label, band: model.TableBand{Range: r, Points: pts}, open: open})
			found = true
		}
		if found {
			quotes = append(quotes, s)
		}
	}
	if len(rows) < 2 {
		return Recognition{}, false
	}
	var groups [][]tableBand
	for i, r := range rows {
		if i == 0 || r.label != rows[i-1].label {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], r)
	}
	quote := strings.Join(quotes, "。")
	if len(groups) == 1 {
		return Recognition{Rule: model.Table(buildTable(groups[0], "rate")), Recognised: true, Quote: quote}, true
	}
	var parts []model.Part
	sum := model.Decimal{}
	for i, g := range groups {
		t := buildTable(g, fmt.Sprintf("rate%d", i+1))
		max := model.Decimal{}
		for _, b := range t.Bands {
			if max.Less(b.Points) {
				max = b.Points
			}
		}
		sum = sum.Add(max)
		parts = append(parts, model.Part{Code: fmt.Sprintf("p%d", i+1), Title: t.Label, Points: max, Rule: model.Table(t)})
	}
	if !sum.Equal(points) {
		return Recognition{}, false
	}
	return Recognition{Rule: model.Parts(parts...), Recognised: true, Quote: quote}, true
}

// bandPoints reads what a row gives: 得满分, 不得分, 得N分, or 减N分 (from 分值).
func bandPoints(part string, points model.Decimal) (model.Decimal, bool) {
	switch {
	case strings.Contains(part, "满分"):
		return points, true
	case reZeroWord.MatchString(part):
		return model.Decimal{}, true
	}
	if m := reGot.FindStringSubmatch(part); m != nil {
		d, err := model.ParseDecimal(m[1])
		return d, err == nil
	}
	if m := reAmount.FindStringSubmatch(part); m != nil {
		d, err := model.ParseDecimal(m[2])
		if err != nil {
			return model.Decimal{}, false
		}
		return points.Sub(d), true
	}
	return model.Decimal{}, false
}

// bandRange reads the rate range of a row, as written.
func bandRange(part string) (model.Range, bool, bool) {
	dec := func(s string) *model.Decimal {
		d, _ := model.ParseDecimal(s)
		return d.P()
	}
	excl := strings.Contains(part, "不含")
	if m := reSpan.FindStringSubmatch(part); m != nil {
		a, b := dec(m[1]), dec(m[2])
		if b.Less(*a) {
			a, b = b, a
		}
		r := model.Range{From: a, To: b, ToIncl: true}
		if excl {
			r.FromExcl, r.ToIncl = true, false
		}
		return r, false, true
	}
	if m := reBelowPre.FindStringSubmatch(part); m != nil {
		return model.Range{To: dec(m[1])}, false, true
	}
	if m := reBelow.FindStringSubmatch(part); m != nil {
		return model.Range{To: dec(m[1]), ToIncl: !excl}, false, true
	}
	if m := reAbove.FindStringSubmatch(part); m != nil {
		return model.Range{From: dec(m[1]), FromExcl: excl}, true, true
	}
	if m := reReach.FindStringSubmatch(part); m != nil {
		return model.Range{From: dec(m[1])}, true, true
	}
	return model.Range{}, false, false
}

// buildTable sets the ladder bounds of open rows and wraps the rows in a
// TableRule on a 0–100 rate.
func buildTable(rows []tableBand, input string) model.TableRule {
	t := model.TableRule{Input: input, Label: rows[0].label, Unit: "%", Domain: model.Closed("0", "100")}
	if t.Label == "" {
		t.Label = "比率"
	}
	for i, r := range rows {
		b := r.band
		if r.open {
			var next *model.Decimal
			for j, o := range rows {
				if j != i && o.open && o.band.From != nil && b.From.Less(*o.band.From) && (next == nil || o.band.From.Less(*next)) {
					next = o.band.From
				}
			}
			if next != nil {
				b.To = next.P()
			}
		}
		t.Bands = append(t.Bands, b)
	}
	return t
}
