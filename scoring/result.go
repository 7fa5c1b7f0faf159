package scoring

import (
	"encoding/json"
	"fmt"

	"xingji/model"
)

// StepKind classifies a Step of an explanation. It is a byte in memory (a
// prefecture has millions of steps) and its name in JSON ("rule", "quota" …).
type StepKind uint8

// Step kinds.
const (
	StepInput   StepKind = iota + 1 // "input": what was entered
	StepRule                        // "rule": a rule turned inputs into points
	StepRaters                      // "raters": several raters aggregated
	StepWeight                      // "weight": sources weighted (and renormalised)
	StepSum                         // "sum": parts added up
	StepRound                       // "round": rounded to two decimals
	StepCap                         // "cap": a cap deducted, lowered or limited
	StepBand                        // "band": a band chosen or refused
	StepStar                        // "star": a star earned or not
	StepVeto                        // "veto": a veto applied
	StepQuota                       // "quota": a quota moved the subject
	StepRank                        // "rank": the rank
	StepRedFlag                     // "redflag": the red flag
	StepIssue                       // "issue": something the office must look at
)

var stepKindNames = [...]string{"", "input", "rule", "raters", "weight", "sum", "round", "cap", "band", "star", "veto", "quota", "rank", "redflag", "issue"}

// String returns the kind's name.
func (k StepKind) String() string {
	if int(k) < len(stepKindNames) {
		return stepKindNames[k]
	}
	return "unknown"
}

// MarshalText writes the kind's name (JSON uses it).
func (k StepKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind's name.
func (k *StepKind) UnmarshalText(b []byte) error {
	for i, n := range stepKindNames {
		if i > 0 && n == string(b) {
			*k = StepKind(i)
			return nil
		}
	}
	return fmt.Errorf("未知的说明步骤类型“%s”", b)
}

// Step is one step of the derivation of a number: Text is Chinese, ready to
// show beside the number; Ref names the item, source, cap, quota or veto
// involved; Steps are the sub-steps. Identical steps and texts are shared
// between subjects to save memory (a prefecture has millions): treat
// explanations as read-only.
type Step struct {
	Kind  StepKind `json:"kind"`
	Ref   string   `json:"ref,omitempty"`
	Text  string   `json:"text"`
	Steps []Step   `json:"steps,omitempty"`
}

// Result is the outcome of one period of one scheme.
type Result struct {
	Scheme   string          `json:"scheme"`
	Version  string          `json:"version"`
	Period   string          `json:"period,omitempty"`
	Problems model.Problems  `json:"problems,omitempty"` // the scheme's own problems (see model.Scheme.Check)
	Subjects []SubjectResult `json:"subjects"`           // in input order
	Quotas   []QuotaResult   `json:"quotas,omitempty"`
	RedFlag  *RedFlagResult  `json:"redFlag,omitempty"`
	Issues   []string        `json:"issues,omitempty"` // batch-level issues (quotas that could not be met …)
}

// SubjectResult is everything computed for one subject. Every number has its
// Why.
type SubjectResult struct {
	ID   string `json:"id"`
	Name string `json:"name"`

	Items    []ItemResult    `json:"items,omitempty"`
	Sections []SectionResult `json:"sections,omitempty"`
	Sources  []SourceResult  `json:"sources,omitempty"`

	Main    model.Decimal `json:"main"`    // regular items, weighted
	Bonus   model.Decimal `json:"bonus"`   // bonus items
	Penalty model.Decimal `json:"penalty"` // penalty items (zero or negative)
	Total   model.Decimal `json:"total"`   // main + bonus + penalty
	// Grade is the total that decides the band: main + penalty (+ bonus when
	// the scheme counts it), less the caps' deductions.
	Grade    model.Decimal `json:"grade"`
	GradeWhy []Step        `json:"gradeWhy"`

	Stars     []StarResult `json:"stars,omitempty"`
	StarCount int          `json:"starCount"`

	// EarnedBand is the band before quotas; Band after. "" means no band
	// (disqualified, or the score falls in no band).
	EarnedBand   string   `json:"earnedBand"`
	Band         string   `json:"band"`
	BandName     string   `json:"bandName"`
	BandWhy      []Step   `json:"bandWhy"`
	Caps         []string `json:"caps,omitempty"`   // codes of the caps applied
	Vetoes       []string `json:"vetoes,omitempty"` // codes of the vetoes applied
	Disqualified bool     `json:"disqualified,omitempty"`

	Rank    int    `json:"rank"` // 1 is best; tied subjects share a rank; 0 when not ranked
	RankWhy []Step `json:"rankWhy,omitempty"`
	RedFlag bool   `json:"redFlag,omitempty"`

	Issues []string `json:"issues,omitempty"` // things the office must look at, in Chinese
}

// ItemResult is one item's final score for a subject.
type ItemResult struct {
	Item    string        `json:"item"`
	Title   string        `json:"title"`
	Max     model.Decimal `json:"max"` // 分值 (for a penalty item, the most it takes; 0: no limit)
	Score   model.Decimal `json:"score"`
	Bonus   bool          `json:"bonus,omitempty"`
	Penalty bool          `json:"penalty,omitempty"`
	Why     []Step        `json:"why"`
}

// SectionResult is a section's subtotal (for department-owned parts: what
// each department entered).
type SectionResult struct {
	Section    string        `json:"section"`
	Title      string        `json:"title"`
	Department string        `json:"department,omitempty"`
	Max        model.Decimal `json:"max"`
	Score      model.Decimal `json:"score"`
}

// SourceResult is one source's subtotal for a subject, and the weight it got.
type SourceResult struct {
	Source   string        `json:"source"`
	Name     string        `json:"name"`
	Present  bool          `json:"present"`
	Raters   int           `json:"raters"`
	Weight   model.Decimal `json:"weight"`   // declared, percent
	Subtotal model.Decimal `json:"subtotal"` // regular items, or the aggregated totals
	Why      []Step        `json:"why"`
	// Items is the source's aggregated score of each item, parallel to
	// SubjectResult.Items, before weighting. Kept when the scheme has more
	// than one source and this one scored items (not whole-form totals).
	Items ItemScores `json:"items,omitempty"`
}

// ItemScores are one source's scores of a subject's items, parallel to
// SubjectResult.Items. In memory a plain list of numbers with a marker for
// the items the source did not score (a prefecture keeps 600,000 of them);
// read it with At. In JSON a list of numbers, null where not scored.
type ItemScores []model.Decimal

// noScore marks an item the source did not score.
var noScore = model.MinDecimal

// At returns the score of the k-th item; ok is false when the source did
// not score it.
func (s ItemScores) At(k int) (v model.Decimal, ok bool) {
	if k < 0 || k >= len(s) || s[k].Equal(noScore) {
		return model.Decimal{}, false
	}
	return s[k], true
}

// MarshalJSON writes the scores, null where not scored.
func (s ItemScores) MarshalJSON() ([]byte, error) {
	if s == nil {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 2+8*len(s))
	b = append(b, '[')
	for k, v := range s {
		if k > 0 {
			b = append(b, ',')
		}
		if v.Equal(noScore) {
			b = append(b, "null"...)
		} else {
			b = v.Append(b)
		}
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads a list of numbers and nulls.
func (s *ItemScores) UnmarshalJSON(b []byte) error {
	var raw []*model.Decimal
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw == nil {
		*s = nil
		return nil
	}
	out := make(ItemScores, len(raw))
	for k, p := range raw {
		if p == nil {
			out[k] = noScore
		} else {
			out[k] = *p
		}
	}
	*s = out
	return nil
}

// StarResult is one star for a subject.
type StarResult struct {
	Star   string         `json:"star"`
	Name   string         `json:"name"`
	Score  *model.Decimal `json:"score,omitempty"`
	Earned bool           `json:"earned"`
	Own    bool           `json:"own,omitempty"` // a 个性星
	Why    []Step         `json:"why"`
}

// QuotaResult reports one quota in one scope (the whole committee, or one
// parent for a per-parent quota).
type QuotaResult struct {
	Quota  string   `json:"quota"`
	Parent string   `json:"parent,omitempty"`
	Scope  int      `json:"scope"` // subjects counted
	Limit  int      `json:"limit"` // the share as a whole number
	Count  int      `json:"count"` // in the band(s) after quotas
	Met    bool     `json:"met"`
	Moved  []string `json:"moved,omitempty"` // IDs of subjects this quota moved
	Why    []Step   `json:"why"`
}

// RedFlagResult reports who gets the red flag.
type RedFlagResult struct {
	Name    string   `json:"name"`
	Winners []string `json:"winners"` // subject IDs
	Why     []Step   `json:"why"`
}
