package documents

import (
	"sort"
	"strings"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
)

// Award is one honour given from a period's results, with who receives it:
// the commendation list (表彰名单) prints the awards, and a certificate
// (荣誉证书) goes to each recipient. This is the one place that decides who
// is commended:
//   - the red flag (流动红旗 / 先锋旗) to the units the scheme gave it to;
//   - the best band of the unit scheme that any unit holds after quotas
//     (五星级党支部 …; 四星级党支部 when quotas leave no 五星) to every unit
//     that holds it;
//   - the same for members (五星级党员 …).
//
// A vetoed or disqualified subject has no band, so it never appears.
type Award struct {
	Honour     string // 流动红旗, 五星级党支部, 五星级党员
	Collective bool   // given to party organizations (集体), else to members (个人)
	Recipients []Recipient
}

// Recipient is one unit or member receiving an award.
type Recipient struct {
	Key   string // the subject key: "u:12", "m:34"
	Name  string // the unit's or member's name
	Unit  string // for a member, the branch; for a unit, its parent
	Order int    // the unit's place in the committee's tree order (for grouping)
	Grade model.Decimal
	Rank  int
}

// Awards lists the period's awards in the order they are announced: the
// red flag, the units' best band, the members' best band. Recipients are in
// rank order.
func Awards(p *Paper) []Award {
	res := p.Results
	units, recipient := recipientsOf(p)
	var out []Award
	if rf := p.Period.Scheme.RedFlag; rf != nil && res.Units != nil {
		a := Award{Honour: rf.Name, Collective: true}
		for i := range res.Units.Subjects {
			if sr := &res.Units.Subjects[i]; sr.RedFlag {
				a.Recipients = append(a.Recipients, recipient(sr))
			}
		}
		if len(a.Recipients) > 0 {
			out = append(out, a)
		}
	}
	best := func(s *model.Scheme, r *scoring.Result, collective bool) {
		if r == nil || len(s.Bands) == 0 {
			return
		}
		held := map[string]bool{}
		for i := range r.Subjects {
			if !r.Subjects[i].Disqualified {
				held[r.Subjects[i].Band] = true
			}
		}
		var band model.Band
		for _, b := range s.Bands {
			if held[b.Code] {
				band = b
				break
			}
		}
		if band.Code == "" {
			return
		}
		a := Award{Collective: collective}
		allBranches := true
		for i := range r.Subjects {
			sr := &r.Subjects[i]
			if sr.Band != band.Code || sr.Disqualified {
				continue
			}
			rc := recipient(sr)
			if collective {
				if sub, err := formspec.ParseSubject(sr.ID); err == nil && units[sub.ID].Level != model.LevelBranch {
					allBranches = false
				}
			}
			a.Recipients = append(a.Recipients, rc)
		}
		if len(a.Recipients) == 0 {
			return
		}
		noun := "党员"
		if collective {
			noun = "党组织"
			if allBranches {
				noun = "党支部"
			}
		}
		a.Honour = honourOf(band.Name, noun)
		sort.SliceStable(a.Recipients, func(i, j int) bool { return a.Recipients[i].Rank < a.Recipients[j].Rank })
		out = append(out, a)
	}
	best(&p.Period.Scheme, res.Units, true)
	if p.Period.MemberScheme != nil {
		best(p.Period.MemberScheme, res.Members, false)
	}
	return out
}

// honourOf names the honour of a band for a kind of recipient: a star band
// "五星" gives "五星级党支部", a grade "优秀" gives "优秀党支部".
func honourOf(band, noun string) string {
	if strings.Contains(band, "党") {
		return band // the band names its holder already: 四星级党员
	}
	if strings.HasSuffix(band, "星") {
		return band + "级" + noun
	}
	if strings.HasSuffix(band, "级") {
		return band + noun
	}
	return band + noun
}

// recipientsOf returns the period's units by ID and a function that makes
// a Recipient of a unit's or member's result: its name, its parent unit
// (for a member, its branch) and its place in the committee's tree order.
func recipientsOf(p *Paper) (map[int64]model.Unit, func(sr *scoring.SubjectResult) Recipient) {
	res := p.Results
	units := map[int64]model.Unit{}
	order := map[int64]int{}
	for i, u := range res.Data.Units {
		units[u.ID] = u
		order[u.ID] = i
	}
	members := map[int64]model.Member{}
	for _, m := range res.Data.Members {
		members[m.ID] = m
	}
	recipient := func(sr *scoring.SubjectResult) Recipient {
		r := Recipient{Key: sr.ID, Name: sr.Name, Grade: sr.Grade, Rank: sr.Rank}
		s, err := formspec.ParseSubject(sr.ID)
		if err != nil {
			return r
		}
		switch s.Kind {
		case model.SubjectUnit:
			u := units[s.ID]
			r.Order = order[u.ID]
			if parent, ok := units[u.ParentID]; ok {
				r.Unit = parent.Name
			}
		case model.SubjectMember:
			m := members[s.ID]
			r.Order = order[m.UnitID]
			r.Unit = units[m.UnitID].Name
		}
		return r
	}
	return units, recipient
}
