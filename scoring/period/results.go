package period

import (
	"errors"
	"strings"

	"xingji/model"
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
	Inputs  *Inputs
	Units   *scoring.Result
	Members *scoring.Result // nil when the period appraises no members
}

// Compute builds the inputs from d and scores them.
func (es *Engines) Compute(d *Data) *Results {
	in := Build(d)
	r := &Results{Period: d.Period, Inputs: in, Units: es.Units.Score(in.Units)}
	if es.Members != nil && in.Members != nil {
		r.Members = es.Members.Score(*in.Members)
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
