package scoring

import (
	"strconv"
	"strings"

	"xingji/model"
)

// Small helpers that write numbers the way explanations show them. They
// avoid fmt on the hot path: a prefecture produces millions of steps.

// pct writes a percentage: "30%".
func pct(d model.Decimal) string { return d.String() + "%" }

// num writes a plain number.
func num(d model.Decimal) string { return d.String() }

// itoa writes an int.
func itoa(n int) string { return strconv.Itoa(n) }

// join joins with the Chinese enumeration comma.
func join(parts []string) string { return strings.Join(parts, "、") }

// quoted wraps s in Chinese quotes.
func quoted(s string) string { return "“" + s + "”" }

// step builds a Step.
func step(kind StepKind, ref, text string, sub ...Step) Step {
	return Step{Kind: kind, Ref: ref, Text: text, Steps: sub}
}

// rangeText writes a range for bands of a table or scores.
func rangeText(r model.Range, unit string) string { return r.Describe(unit) }

// condText writes a condition for people: its label, else "满意率 ≥ 95".
func (e *Engine) condText(c model.Condition) string {
	if c.Label != "" {
		return c.Label
	}
	return e.factLabel(c.Fact) + " " + string(c.Op) + " " + num(c.Value)
}

// factLabel returns the Chinese label of a fact.
func (e *Engine) factLabel(name string) string {
	switch name {
	case model.FactScore:
		return "等级总分"
	case model.FactTotal:
		return "总分（含加分）"
	case model.FactStars:
		return "得星数"
	case model.FactStarAvg:
		return "每颗星平均得分"
	}
	if f := e.s.Fact(name); f != nil && f.Label != "" {
		return f.Label
	}
	return name
}

// factValue writes a fact's value with its unit.
func (e *Engine) factValue(name string, v model.Decimal) string {
	if f := e.s.Fact(name); f != nil {
		if f.Flag {
			if v.IsZero() {
				return "否"
			}
			return "是"
		}
		return v.String() + f.Unit
	}
	return v.String()
}

// bandName returns the name of band i, or "无等次".
func (e *Engine) bandName(i int) string {
	if i < 0 || i >= len(e.s.Bands) {
		return "无等次"
	}
	return e.s.Bands[i].Name
}
