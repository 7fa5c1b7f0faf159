package model

import (
	"fmt"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// ProblemCode classifies a problem Validate finds in a scheme.
type ProblemCode string

// Problem codes.
const (
	PSchemeField     ProblemCode = "scheme-field"     // code, name, subject or kinds missing or wrong
	PTotalMissing    ProblemCode = "total-missing"    // the declared total is missing
	PPointsSum       ProblemCode = "points-sum"       // points do not add up to the declared total
	PItemPoints      ProblemCode = "item-points"      // an item's 分值 is missing
	PNegativeMax     ProblemCode = "negative-max"     // a 分值 or limit is negative
	PDuplicate       ProblemCode = "duplicate"        // two things share a code
	PRuleShape       ProblemCode = "rule-shape"       // the rule's payload does not match its kind
	PRuleValue       ProblemCode = "rule-value"       // a number in a rule is missing or out of range
	PTableGap        ProblemCode = "table-gap"        // a threshold table leaves values without points
	PTableOverlap    ProblemCode = "table-overlap"    // a threshold table gives two answers for a value
	PWeights         ProblemCode = "weights"          // source weights do not sum to 100%
	PSource          ProblemCode = "source"           // a source is malformed or unknown
	PBandGap         ProblemCode = "band-gap"         // scores that fall in no band
	PBandOverlap     ProblemCode = "band-overlap"     // scores that fall in two bands
	PBandBound       ProblemCode = "band-bound"       // a band's score line is missing
	PQuota           ProblemCode = "quota"            // a quota is malformed
	PQuotaImpossible ProblemCode = "quota-impossible" // quotas that cannot all be met
	PFormula         ProblemCode = "formula"          // a formula does not compile
	PRef             ProblemCode = "ref"              // a reference to an unknown item, band, fact or source
	PStar            ProblemCode = "star"             // a star without a threshold or criterion
)

// Problem is one thing wrong with a scheme. Ref is the code of the item (or
// section, band, cap, quota, source …) concerned, "" for the scheme; Message
// is Chinese and names the item. A Fatal problem stops the scheme from being
// computed at all; the others are computed around and shown beside results.
type Problem struct {
	Code    ProblemCode `json:"code"`
	Ref     string      `json:"ref,omitempty"`
	Message string      `json:"message"`
	Fatal   bool        `json:"fatal,omitempty"`
}

// Problems is every problem of a scheme; as an error its message lists them.
type Problems []Problem

// Error joins the first problems' messages.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i == 5 {
			fmt.Fprintf(&b, "；等共%d个问题", len(ps))
			break
		}
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(p.Message)
	}
	return b.String()
}

// Fatal returns the fatal problems.
func (ps Problems) Fatal() Problems {
	var out Problems
	for _, p := range ps {
		if p.Fatal {
			out = append(out, p)
		}
	}
	return out
}

// FormulaChecker compiles a formula over the named variables and returns
// why it does not compile (nil when it does).
type FormulaChecker func(expr string, vars []string) error

var registeredChecker atomic.Pointer[FormulaChecker]

// RegisterFormulaChecker sets the checker Validate uses for formulas. Package
// scoring registers the expr-lang compiler when it is linked in, the way
// image formats register themselves; model itself has no formula engine.
func RegisterFormulaChecker(fc FormulaChecker) { registeredChecker.Store(&fc) }

// Validate checks the scheme and returns nil, or Problems listing every
// problem found (see Check). Formulas are compiled by the registered
// FormulaChecker (package scoring registers one).
func (s Scheme) Validate() error {
	if ps := s.Problems(); len(ps) > 0 {
		return ps
	}
	return nil
}

// Problems returns every problem of the scheme, using the registered
// FormulaChecker.
func (s Scheme) Problems() Problems {
	var fc FormulaChecker
	if p := registeredChecker.Load(); p != nil {
		fc = *p
	}
	return s.Check(fc)
}

// Unexplained returns the problems of ps that no Note of the scheme explains
// (a Note with the same Ref listing the problem's Code in its Flags).
func (s Scheme) Unexplained(ps Problems) Problems {
	var out Problems
	for _, p := range ps {
		known := false
		for _, n := range s.Notes {
			if n.Ref != p.Ref {
				continue
			}
			for _, f := range n.Flags {
				known = known || f == p.Code
			}
		}
		if !known {
			out = append(out, p)
		}
	}
	return out
}

// validator collects problems.
type validator struct {
	s     *Scheme
	fc    FormulaChecker
	ps    Problems
	codes map[string]string // item and section codes → "项目" / "部分"
	facts map[string]bool
}

func (v *validator) add(code ProblemCode, ref, format string, args ...any) {
	v.ps = append(v.ps, Problem{Code: code, Ref: ref, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) fatal(code ProblemCode, ref, format string, args ...any) {
	v.ps = append(v.ps, Problem{Code: code, Ref: ref, Message: fmt.Sprintf(format, args...), Fatal: true})
}

// Check returns every problem of the scheme: fields, the points adding up to
// the declared total (per unit kind), each item's rule, threshold tables with
// gaps or overlaps, source weights summing to 100%, bands, caps, quotas that
// cannot be met, vetoes, stars, the red flag and note references. fc
// compiles formulas; with a nil fc formulas are only checked for their
// variable names.
func (s Scheme) Check(fc FormulaChecker) Problems {
	v := &validator{s: &s, fc: fc, codes: map[string]string{}, facts: map[string]bool{}}
	v.scheme()
	v.sources()
	v.factDefs()
	v.tree()
	v.totals()
	v.bands()
	v.caps()
	v.quotas()
	v.vetoes()
	v.stars()
	v.redFlag()
	v.tieBreak()
	v.notes()
	return v.ps
}

// ItemLabel names an item for messages: 项目“3 领导小组办公室工作…”.
func ItemLabel(code, title string) string {
	if utf8.RuneCountInString(title) > 18 {
		title = string([]rune(title)[:18]) + "…"
	}
	if title == "" {
		return "项目“" + code + "”"
	}
	if code == "" {
		return "项目“" + title + "”"
	}
	return "项目“" + code + " " + title + "”"
}

func (v *validator) scheme() {
	s := v.s
	if strings.TrimSpace(s.Code) == "" {
		v.fatal(PSchemeField, "", "考核方案缺少编码")
	}
	if strings.TrimSpace(s.Name) == "" {
		v.add(PSchemeField, "", "考核方案缺少名称")
	}
	if s.Subject != SubjectUnit && s.Subject != SubjectMember {
		v.fatal(PSchemeField, "", "考核方案的考核对象“%s”不正确，应为党组织（unit）或党员（member）", s.Subject)
	}
	for _, k := range s.Kinds {
		if !k.Valid() {
			v.add(PSchemeField, "", "考核方案适用的党组织类型“%s”不正确，应为：%s", k, kindList())
		}
	}
	switch {
	case s.Total.Sign() < 0:
		v.add(PNegativeMax, "", "考核方案的总分 %s 为负数", s.Total)
	case s.Total.IsZero():
		v.add(PTotalMissing, "", "考核方案没有规定总分")
	}
	if s.MissingSource != "" && s.MissingSource != MissingRenormalize && s.MissingSource != MissingZero {
		v.fatal(PSchemeField, "", "缺少来源时的处理方式“%s”不正确", s.MissingSource)
	}
}

func (v *validator) sources() {
	s := v.s
	if len(s.Sources) == 0 {
		v.fatal(PSource, "", "考核方案没有规定评分来源（自评、考评等）")
		return
	}
	seen := map[string]bool{}
	var sum Decimal
	for _, src := range s.Sources {
		ref := src.Code
		switch {
		case src.Code == "":
			v.fatal(PSource, "", "评分来源“%s”缺少编码", src.Name)
		case src.Code == SourceFacts:
			v.fatal(PSource, ref, "评分来源不能使用保留编码“facts”（事实记录）")
		case seen[src.Code]:
			v.fatal(PDuplicate, ref, "评分来源编码“%s”重复", src.Code)
		}
		seen[src.Code] = true
		if src.Weight.Sign() < 0 {
			v.add(PNegativeMax, ref, "评分来源“%s”的权重 %s%% 为负数", src.Name, src.Weight)
		}
		sum = sum.Add(src.Weight)
		switch src.Aggregate {
		case "", AggMean, AggMedian:
		case AggTrimmed:
			if src.TrimFrom < 3 {
				v.add(PSource, ref, "评分来源“%s”去掉最高最低分时，起始人数应不少于3人（现为%d）", src.Name, src.TrimFrom)
			}
		default:
			v.fatal(PSource, ref, "评分来源“%s”的汇总方式“%s”不正确，应为平均、去极值平均或中位数", src.Name, src.Aggregate)
		}
		if src.MinRaters < 0 {
			v.add(PNegativeMax, ref, "评分来源“%s”的最少评分人数为负数", src.Name)
		}
	}
	if !sum.Equal(Dec(100)) {
		v.add(PWeights, "", "各评分来源权重之和为%s%%，应为100%%", sum)
	}
}

func (v *validator) factDefs() {
	for _, f := range []string{FactScore, FactTotal, FactStars, FactStarAvg} {
		v.facts[f] = true
	}
	seen := map[string]bool{}
	for _, f := range v.s.Facts {
		switch {
		case strings.TrimSpace(f.Name) == "":
			v.fatal(PRef, "", "事实“%s”缺少名称", f.Label)
		case seen[f.Name]:
			v.fatal(PDuplicate, f.Name, "事实名称“%s”重复", f.Name)
		case v.facts[f.Name]:
			v.fatal(PDuplicate, f.Name, "事实名称“%s”与系统计算的事实重名", f.Name)
		}
		seen[f.Name] = true
	}
	for _, f := range v.s.Facts {
		v.facts[f.Name] = true
	}
}

func (v *validator) conditions(ref, what string, cs []Condition) {
	for _, c := range cs {
		if !v.facts[c.Fact] {
			v.fatal(PRef, ref, "%s的条件引用了未声明的事实“%s”", what, c.Fact)
		}
		switch c.Op {
		case OpGE, OpGT, OpLE, OpLT, OpEQ, OpNE:
		default:
			v.fatal(PRef, ref, "%s的条件比较符“%s”不正确", what, c.Op)
		}
	}
}

func (v *validator) kinds(ref, what string, ks []UnitKind) {
	for _, k := range ks {
		if !k.Valid() {
			v.add(PRef, ref, "%s适用的党组织类型“%s”不正确，应为：%s", what, k, kindList())
		}
	}
}
