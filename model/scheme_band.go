package model

import "strings"

// Range is an interval of numbers. From and To are the bounds (nil: no bound
// on that side); by default the lower bound is included and the upper one is
// not — [From, To) — and FromExcl / ToIncl say otherwise, so a seed's
// "80%至85%(含)" is written exactly as {From:80, To:85, ToIncl:true}.
type Range struct {
	From     *Decimal `json:"from,omitempty"`
	To       *Decimal `json:"to,omitempty"`
	FromExcl bool     `json:"fromExcl,omitempty"` // From itself is outside ("不含")
	ToIncl   bool     `json:"toIncl,omitempty"`   // To itself is inside ("含")
}

// Between returns [from, to).
func Between(from, to string) Range { return Range{From: D4(from).P(), To: D4(to).P()} }

// Closed returns [from, to].
func Closed(from, to string) Range { return Range{From: D4(from).P(), To: D4(to).P(), ToIncl: true} }

// AtLeast returns [from, ∞).
func AtLeast(from string) Range { return Range{From: D4(from).P()} }

// Above returns (from, ∞).
func Above(from string) Range { return Range{From: D4(from).P(), FromExcl: true} }

// Below returns (−∞, to).
func Below(to string) Range { return Range{To: D4(to).P()} }

// AtMost returns (−∞, to].
func AtMost(to string) Range { return Range{To: D4(to).P(), ToIncl: true} }

// Contains reports whether x is in the range.
func (r Range) Contains(x Decimal) bool {
	if r.From != nil {
		if c := x.Cmp(*r.From); c < 0 || (c == 0 && r.FromExcl) {
			return false
		}
	}
	if r.To != nil {
		if c := x.Cmp(*r.To); c > 0 || (c == 0 && !r.ToIncl) {
			return false
		}
	}
	return true
}

// Empty reports whether no number is in the range.
func (r Range) Empty() bool {
	if r.From == nil || r.To == nil {
		return false
	}
	c := r.From.Cmp(*r.To)
	return c > 0 || (c == 0 && (r.FromExcl || !r.ToIncl))
}

// Describe writes the range in Chinese with unit after each number:
// "80%至85%（含85%）", "90%及以上", "低于80%".
func (r Range) Describe(unit string) string {
	n := func(d *Decimal) string { return d.String() + unit }
	switch {
	case r.From == nil && r.To == nil:
		return "任意值"
	case r.To == nil:
		if r.FromExcl {
			return "高于" + n(r.From)
		}
		return n(r.From) + "及以上"
	case r.From == nil:
		if r.ToIncl {
			return n(r.To) + "及以下"
		}
		return "低于" + n(r.To)
	case r.From.Equal(*r.To):
		return n(r.From)
	}
	var b strings.Builder
	b.WriteString(n(r.From) + "至" + n(r.To))
	switch {
	case !r.FromExcl && r.ToIncl:
		b.WriteString("（含两端）")
	case !r.FromExcl:
		b.WriteString("（含" + n(r.From) + "，不含" + n(r.To) + "）")
	case r.ToIncl:
		b.WriteString("（不含" + n(r.From) + "，含" + n(r.To) + "）")
	default:
		b.WriteString("（不含两端）")
	}
	return b.String()
}

// Op is a comparison in a Condition.
type Op string

// Comparisons.
const (
	OpGE Op = ">="
	OpGT Op = ">"
	OpLE Op = "<="
	OpLT Op = "<"
	OpEQ Op = "=="
	OpNE Op = "!="
)

// Condition compares a fact with a value: {Fact:"satisfaction", Op:">=",
// Value:95} is "满意率在95%以上". A flag fact is tested with {Op:"==",
// Value:1}. A fact the subject did not bring makes the condition false.
type Condition struct {
	Fact  string  `json:"fact"`
	Op    Op      `json:"op"`
	Value Decimal `json:"value"`
	Label string  `json:"label,omitempty"` // Chinese, e.g. "班子满意率在95%以上"
}

// Holds reports whether the condition holds for the value x.
func (c Condition) Holds(x Decimal) bool {
	k := x.Cmp(c.Value)
	switch c.Op {
	case OpGE:
		return k >= 0
	case OpGT:
		return k > 0
	case OpLE:
		return k <= 0
	case OpLT:
		return k < 0
	case OpEQ:
		return k == 0
	case OpNE:
		return k != 0
	}
	return false
}

// Cond returns a Condition.
func Cond(fact string, op Op, value string, label string) Condition {
	return Condition{Fact: fact, Op: op, Value: D4(value), Label: label}
}

// IsFlag returns the condition "the flag fact is set".
func IsFlag(fact, label string) Condition {
	return Condition{Fact: fact, Op: OpEQ, Value: Dec(1), Label: label}
}

// Band is what a total maps to: a star level (五星 …) or a grade (优秀, 达标 …).
// Scheme.Bands lists them best first. A subject gets the first band whose
// Range holds its grade total (or, when the scheme bands by stars, whose
// MinStars it reaches), whose Requires all hold, and — when Within is set —
// whose Within band it would also get ("模范党支部在先进党支部中产生").
type Band struct {
	Code     string      `json:"code"`
	Name     string      `json:"name"`
	Range    Range       `json:"range"`
	MinStars *int        `json:"minStars,omitempty"`
	Requires []Condition `json:"requires,omitempty"`
	Within   string      `json:"within,omitempty"`
	Quote    string      `json:"quote,omitempty"`
}

// Cap limits a subject when all its When conditions hold: Deduct takes points
// off the grade total before banding ("60%以下扣5分"); Lower moves the band
// down ("应降低一个星级"); MaxBand is the best band allowed ("不得定为五星级").
// Deductions come first, then lowering, then the limit.
type Cap struct {
	Code    string      `json:"code"`
	Title   string      `json:"title"`
	When    []Condition `json:"when"`
	Deduct  Decimal     `json:"deduct,omitempty"`
	Lower   int         `json:"lower,omitempty"`
	MaxBand string      `json:"maxBand,omitempty"`
	Quote   string      `json:"quote,omitempty"`
}

// QuotaMode is at most or at least.
type QuotaMode string

// Quota modes.
const (
	QuotaAtMost  QuotaMode = "at-most"  // 一般不超过
	QuotaAtLeast QuotaMode = "at-least" // 一般不低于 / 至少
)

// QuotaSpan says which bands a quota counts.
type QuotaSpan string

// Quota spans.
const (
	SpanOnly     QuotaSpan = "only"      // the band itself
	SpanAndAbove QuotaSpan = "and-above" // the band and every better one (及以上)
	SpanAndBelow QuotaSpan = "and-below" // the band and every worse one (及以下)
)

// QuotaRound says how a share of a count becomes a whole number.
type QuotaRound string

// Quota roundings. The default is QuotaFloor for AtMost (never more than the
// share) and QuotaCeil for AtLeast (never fewer than the share).
const (
	QuotaFloor  QuotaRound = "floor"
	QuotaCeil   QuotaRound = "ceil"
	QuotaHalfUp QuotaRound = "half-up"
)

// Quota is a 比例控制: at most or at least a share (percent) or a count of the
// subjects get the band (with Span: the band and those above or below).
// PerParent applies it within each parent unit instead of the whole
// committee; {Mode:QuotaAtLeast, Count:1, PerParent:true} is "原则上每个支部至少有一名".
// Package scoring fills bands from the top score down; its documentation
// states the tie rule.
type Quota struct {
	Code      string     `json:"code"`
	Band      string     `json:"band"`
	Span      QuotaSpan  `json:"span,omitempty"` // default SpanOnly
	Mode      QuotaMode  `json:"mode"`
	Share     *Decimal   `json:"share,omitempty"` // percent of the subjects in scope
	Count     *int       `json:"count,omitempty"` // or a fixed number
	PerParent bool       `json:"perParent,omitempty"`
	Round     QuotaRound `json:"round,omitempty"`
	Quote     string     `json:"quote,omitempty"`
}

// VetoEffect says what a veto does.
type VetoEffect string

// Veto effects.
const (
	// VetoDisqualify removes the subject from the rating altogether: no band,
	// no rank ("取消当年度的评星资格").
	VetoDisqualify VetoEffect = "disqualify"
	// VetoNoAward keeps the rating but removes the subject from awards: no
	// red flag, and no band better than MaxBand ("取消评比资格").
	VetoNoAward VetoEffect = "no-award"
)

// Veto is one entry of an 一票否决 list. The subject's input names the vetoes
// that occurred.
type Veto struct {
	Code       string     `json:"code"`
	Title      string     `json:"title"`
	Department string     `json:"department,omitempty"` // who reports it: "组织部、纪委办提供"
	Effect     VetoEffect `json:"effect"`
	MaxBand    string     `json:"maxBand,omitempty"`
	Quote      string     `json:"quote,omitempty"`
}

// StarModel describes named stars (星). Each star is earned when the score of
// the item or section it names falls in Earn and its Requires hold. With
// BandByCount the band is chosen by the number of stars earned
// (Band.MinStars) instead of the total. OwnSlots allows that many of the
// unit's own stars (个性星), which the subject brings with their scores and
// which are earned when the score falls in OwnEarn.
type StarModel struct {
	Stars       []Star `json:"stars"`
	BandByCount bool   `json:"bandByCount,omitempty"`
	OwnSlots    int    `json:"ownSlots,omitempty"`
	OwnEarn     *Range `json:"ownEarn,omitempty"`
}

// Star is one named star: 爱岗敬业星 (an item out of 10, earned at 8 or
// more), 群众满意星 (no item; earned when 满意率 is high enough).
type Star struct {
	Code      string      `json:"code"`
	Name      string      `json:"name"`
	Ref       string      `json:"ref,omitempty"`  // item or section code whose score decides; "" none
	Earn      *Range      `json:"earn,omitempty"` // scores that earn the star; nil with a Ref: not stated (flagged)
	Requires  []Condition `json:"requires,omitempty"`
	AppliesTo []UnitKind  `json:"appliesTo,omitempty"` // 共性星 by unit kind; empty: all
	Quote     string      `json:"quote,omitempty"`
}

// RedFlag is the 流动红旗 / 先锋旗 of a period: it goes to the Count best
// eligible subjects — not vetoed, at least MinBand (when set), meeting
// Requires.
type RedFlag struct {
	Name     string      `json:"name"`
	Count    int         `json:"count"`
	MinBand  string      `json:"minBand,omitempty"`
	Requires []Condition `json:"requires,omitempty"`
	Quote    string      `json:"quote,omitempty"`
}
