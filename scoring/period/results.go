package period

import (
	"errors"
	"strings"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
)

// Engines are a period's schemes compiled: the unit scheme and, when the
// period appraises members, the member scheme. They are safe to reuse for
// every recomputation of the period.
type Engines struct {
	Units   *scoring.Engine
	Members *scoring.Engine // nil when the period appraises no members
}

// Compile compiles the period's frozen schemes. A scheme with a fatal
// problem cannot be scored: the error says which scheme and why.
func Compile(p *model.Period) (*Engines, error) {
	var es Engines
	var ps model.Problems
	if es.Units, ps = scoring.Compile(p.Scheme); es.Units == nil {
		return nil, schemeError(&p.Scheme, ps)
	}
	if p.MemberScheme != nil {
		if es.Members, ps = scoring.Compile(*p.MemberScheme); es.Members == nil {
			return nil, schemeError(p.MemberScheme, ps)
		}
	}
	return &es, nil
}

func schemeError(s *model.Scheme, ps model.Problems) error {
	var msgs []string
	for _, p := range ps.Fatal() {
		msgs = append(msgs, p.Message)
	}
	return model.Errorf(model.EInvalid, "考核方案“%s”有错误，无法计分：%s。请在“考核方案”页面改正后新建考评周期", s.Name, strings.Join(msgs, "；"))
}

// Results are a period's results, computed from its current data.
type Results struct {
	Period  *model.Period
	Data    *Data // what they were computed from, for Trace
	Inputs  *Inputs
	Units   *scoring.Result
	Members *scoring.Result // nil when the period appraises no members
	// UnitNext and MemberNext say, parallel to Units.Subjects and
	// Members.Subjects, how far each is from the next better band.
	UnitNext, MemberNext []scoring.NextBand
	// Inflation compares each unit's self-assessment with the review,
	// largest gap first; RaterBias lists the appraisal raters whose scores
	// sit far from the others' for the same members.
	Inflation []scoring.SubjectGap
	RaterBias []scoring.RaterBias
}

// Compute builds the inputs from d and scores them.
func (es *Engines) Compute(d *Data) *Results {
	return es.ComputeWith(d, es.ScoreMembers(d))
}

// MemberResults are the members' part of a period's results: their inputs
// and their scores. They depend on the period's data and on the entries
// about members alone, so a correction of a unit's score is recomputed
// with the same MemberResults (see Fits): at the scale of a city the
// members are most of the work.
type MemberResults struct {
	Inputs *MemberInputs
	Result *scoring.Result
	Next   []scoring.NextBand  // parallel to Result.Subjects
	Bias   []scoring.RaterBias // raters far from the others

	// entries are the entries about members they were computed with.
	entries []model.Entry
}

// ScoreMembers builds and scores the members' part of d; nil when the
// period appraises no members.
func (es *Engines) ScoreMembers(d *Data) *MemberResults {
	in := BuildMembers(d)
	if in == nil || es.Members == nil {
		return nil
	}
	res := es.Members.Score(in.Input)
	return &MemberResults{Inputs: in, Result: res, Next: es.Members.NextBands(res, in.Input),
		Bias: es.Members.RaterOutliers(in.Input), entries: memberEntries(d.Entries)}
}

// Fits reports whether m, computed from data with the same period, units,
// members and accepted values as d, is d's members' part: the entries about
// members are the same.
func (m *MemberResults) Fits(d *Data) bool {
	if m == nil {
		return false
	}
	now := memberEntries(d.Entries)
	if len(now) != len(m.entries) {
		return false
	}
	for i := range now {
		if now[i].EntryKey != m.entries[i].EntryKey || now[i].Value != m.entries[i].Value {
			return false
		}
	}
	return true
}

// memberEntries are the entries about members.
func memberEntries(es []model.Entry) []model.Entry {
	var out []model.Entry
	for _, e := range es {
		if k, _ := formspec.SubjectKindOf(e.Subject); k == model.SubjectMember {
			out = append(out, e)
		}
	}
	return out
}

// ComputeWith computes d's results with members' part m (nil: none), which
// ScoreMembers computed from data that m.Fits: only the units are built
// and scored again.
func (es *Engines) ComputeWith(d *Data, m *MemberResults) *Results {
	in := buildUnits(d)
	r := &Results{Period: d.Period, Data: d, Inputs: in, Units: es.Units.Score(in.Units)}
	r.UnitNext = es.Units.NextBands(r.Units, in.Units)
	if d.Period.Scheme.SourceByCode(model.SourceSelf) != nil && d.Period.Scheme.SourceByCode(model.SourceReview) != nil {
		r.Inflation = scoring.Inflation(r.Units, model.SourceSelf, model.SourceReview)
	}
	if m != nil {
		in.with(m.Inputs)
		r.Members, r.MemberNext, r.RaterBias = m.Result, m.Next, m.Bias
	}
	return r
}

// Compute compiles the period's schemes and computes its results.
func Compute(d *Data) (*Results, error) {
	if d.Period == nil {
		return nil, errors.New("没有考评周期")
	}
	es, err := Compile(d.Period)
	if err != nil {
		return nil, err
	}
	return es.Compute(d), nil
}

// Next returns how far the subject with key is from its next band, or nil
// when it was not scored.
func (r *Results) Next(key string) *scoring.NextBand {
	for _, v := range []struct {
		res  *scoring.Result
		next []scoring.NextBand
	}{{r.Units, r.UnitNext}, {r.Members, r.MemberNext}} {
		if v.res == nil {
			continue
		}
		for i := range v.res.Subjects {
			if v.res.Subjects[i].ID == key && i < len(v.next) {
				return &v.next[i]
			}
		}
	}
	return nil
}

// Unit returns the result of the unit with subject key, or nil when it was
// left out (see Inputs.Absent).
func (r *Results) Unit(key string) *scoring.SubjectResult { return find(r.Units, key) }

// Member returns the result of the member with subject key, or nil.
func (r *Results) Member(key string) *scoring.SubjectResult { return find(r.Members, key) }

func find(res *scoring.Result, key string) *scoring.SubjectResult {
	if res == nil {
		return nil
	}
	for i := range res.Subjects {
		if res.Subjects[i].ID == key {
			return &res.Subjects[i]
		}
	}
	return nil
}

// Trace returns the inputs of subject (and of item, when not empty) with
// where each came from (see the package function Trace).
func (r *Results) Trace(subject, item string) []Origin { return Trace(r.Data, subject, item) }

// Saved is a results version as stored: the numbers and their
// explanations as they stood, readable without recomputing.
type Saved struct {
	Period  string              `json:"period"`
	Units   *scoring.Result     `json:"units"`
	Members *scoring.Result     `json:"members,omitempty"`
	Absent  []Absent            `json:"absent,omitempty"`
	Gaps    map[string][]string `json:"gaps,omitempty"`
	Entries []model.Entry       `json:"entries,omitempty"` // the office's entries they were computed with
}

// Saved returns the results as they are kept in a results version.
func (r *Results) Saved() Saved {
	return Saved{Period: r.Period.Name, Units: r.Units, Members: r.Members, Absent: r.Inputs.Absent,
		Gaps: r.Inputs.Gaps, Entries: r.Data.Entries}
}

// Summary is one line on the results: how many units were scored, how many
// in each band, how many vetoed and left out; the same for members.
func (r *Results) Summary() string {
	line := func(what string, res *scoring.Result, kind model.SubjectKind, bands []model.Band) string {
		if res == nil {
			return ""
		}
		absent := 0
		for _, a := range r.Inputs.Absent {
			if a.Kind == kind {
				absent++
			}
		}
		counts := map[string]int{}
		veto := 0
		for _, sr := range res.Subjects {
			if sr.Disqualified {
				veto++
				continue
			}
			counts[sr.Band]++
		}
		out := what + "计分" + itoa(len(res.Subjects)) + "个"
		for _, b := range bands {
			if n := counts[b.Code]; n > 0 {
				out += "，" + b.Name + itoa(n) + "个"
			}
		}
		if veto > 0 {
			out += "，一票否决" + itoa(veto) + "个"
		}
		if absent > 0 {
			out += "，未计分" + itoa(absent) + "个"
		}
		return out
	}
	out := line("党组织", r.Units, model.SubjectUnit, r.Period.Scheme.Bands)
	if r.Members != nil {
		out += "；" + line("党员", r.Members, model.SubjectMember, r.Period.MemberScheme.Bands)
	}
	return out
}
