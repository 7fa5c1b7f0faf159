package scoring

import (
	"bytes"
	"encoding/json"
	"fmt"

	"xingji/model"
)

// Input is everything entered for one period of one scheme.
type Input struct {
	Period   string    `json:"period,omitempty"` // a label, e.g. "2024年第一季度"
	Subjects []Subject `json:"subjects"`
}

// Subject is one assessed unit or member with what was entered for it.
type Subject struct {
	ID   string         `json:"id"`
	Name string         `json:"name"`
	Kind model.UnitKind `json:"kind,omitempty"` // decides which items apply (分类指导)
	// Parent groups subjects for per-parent quotas ("每个支部至少有一名"): the
	// branch of a member, the parent unit of a unit.
	Parent  string        `json:"parent,omitempty"`
	Sources []SourceInput `json:"sources,omitempty"`
	// Facts are named values the subject brings besides scores: 换届逾期月数,
	// 满意率, flags such as 特别突出 (1 = yes). Caps, band conditions, stars
	// and facts-entered items read them.
	Facts    Values    `json:"facts,omitempty"`
	Vetoes   []string  `json:"vetoes,omitempty"`   // codes of the scheme's vetoes that occurred
	OwnStars []OwnStar `json:"ownStars,omitempty"` // 个性星 with their scores
}

// SourceInput is what one source gave for a subject: either whole-form totals
// (one per rater: "由党员互相评议得分,最后以平均值为综合测评得分") or item-level
// ratings (one per rater).
type SourceInput struct {
	Source  string          `json:"source"`
	Totals  []model.Decimal `json:"totals,omitempty"`
	Raters  []string        `json:"raters,omitempty"` // optional names, parallel to Totals
	Ratings []Rating        `json:"ratings,omitempty"`
}

// Rating is one rater's item-level scores.
type Rating struct {
	Rater string      `json:"rater,omitempty"`
	Items []ItemInput `json:"items"`
}

// ItemInput is what a rater entered for one item. Which fields matter
// depends on the item's rule: Score for a manual item; Values for counts,
// rates, events, outside scores and formula variables (by the names the rule
// gives them); Levels for an award-level item (level codes, repeated for
// several awards); Flags for conditions ticked (the names of met
// requirements, or of ZeroIf conditions that occurred).
type ItemInput struct {
	Item   string         `json:"item"`
	Score  *model.Decimal `json:"score,omitempty"`
	Values Values         `json:"values,omitempty"`
	Levels []string       `json:"levels,omitempty"`
	Flags  []string       `json:"flags,omitempty"`
}

// OwnStar is one of the unit's own stars (个性星) with the score it got.
type OwnStar struct {
	Name  string        `json:"name"`
	Score model.Decimal `json:"score"`
}

// NamedValue is one named number of a Values list.
type NamedValue struct {
	Name  string
	Value model.Decimal
}

// Values are named numbers: counts, rates, outside scores, formula
// variables, facts. In JSON they are an object ({"missingSystems": 2}); in
// memory a short list, since an input carries one to a few values and a
// prefecture has hundreds of thousands of inputs. A name given twice keeps
// its first value.
type Values []NamedValue

// Get returns the value named name; ok is false when there is none.
func (vs Values) Get(name string) (v model.Decimal, ok bool) {
	for i := range vs {
		if vs[i].Name == name {
			return vs[i].Value, true
		}
	}
	return model.Decimal{}, false
}

// Set returns vs with name set to v.
func (vs Values) Set(name string, v model.Decimal) Values {
	for i := range vs {
		if vs[i].Name == name {
			vs[i].Value = v
			return vs
		}
	}
	return append(vs, NamedValue{name, v})
}

// Vals builds Values from name, value pairs given as text:
// Vals("missingSystems", "2", "leaderVisits", "3"). It panics on malformed
// numbers and is meant for tests and examples.
func Vals(pairs ...string) Values {
	var vs Values
	for i := 0; i+1 < len(pairs); i += 2 {
		vs = vs.Set(pairs[i], model.D4(pairs[i+1]))
	}
	return vs
}

// MarshalJSON writes the values as a JSON object in list order.
func (vs Values) MarshalJSON() ([]byte, error) {
	if vs == nil {
		return []byte("null"), nil
	}
	b := []byte{'{'}
	for i, nv := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(nv.Name)
		if err != nil {
			return nil, err
		}
		b = append(b, k...)
		b = append(b, ':')
		b = nv.Value.Append(b)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads a JSON object of numbers, keeping the keys' order.
func (vs *Values) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if t == nil {
		*vs = nil
		return nil
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("数值表应为对象，例如 {\"次数\": 2}")
	}
	out := Values{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		var v model.Decimal
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("“%v”的数值不正确：%w", kt, err)
		}
		if _, dup := out.Get(kt.(string)); !dup {
			out = append(out, NamedValue{kt.(string), v})
		}
	}
	*vs = out
	return nil
}
