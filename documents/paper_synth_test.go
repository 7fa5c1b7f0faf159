package documents

import (
	"fmt"
	"testing"

	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/builtin"
	"xingji/scoring/period"
)

// syntheticPaper is a paper of n village branches under n/50 township
// committees, with members when members > 0: ranks by grade, star bands by
// the village scheme's ranges, every 97th branch vetoed, the first branch
// with a long name and 堃 in it, every 7th member's name with a rare
// character. prev adds a previous period in which the ranks were reversed.
func syntheticPaper(t testing.TB, n, members int, prev bool) *Paper {
	t.Helper()
	sc := builtin.Village()
	ms := builtin.MemberFlagStar()
	p := &model.Period{ID: 1, Name: "2026年度村党支部星级评定", Scheme: sc}
	if members > 0 {
		p.MemberScheme = &ms
	}
	d := &period.Data{Period: p}
	d.Units = append(d.Units, model.Unit{ID: 1, Name: "中共示范县委员会", Level: model.LevelCommittee})
	towns := max(1, n/50)
	for i := 0; i < towns; i++ {
		d.Units = append(d.Units, model.Unit{ID: int64(2 + i), ParentID: 1, Name: fmt.Sprintf("第%d镇党委", i+1), Level: model.LevelCommittee})
	}
	units := &scoring.Result{Scheme: sc.Code}
	grade := func(i, n int) model.Decimal { return model.DecimalFromUnits(int64(99_0000 - i*40_0000/n)) }
	band := func(s *model.Scheme, g model.Decimal) model.Band {
		for _, b := range s.Bands {
			if b.Range.Contains(g) {
				return b
			}
		}
		return s.Bands[len(s.Bands)-1]
	}
	for i := 0; i < n; i++ {
		id := int64(1000 + i)
		name := fmt.Sprintf("第%d镇第%d村党支部", i%towns+1, i+1)
		if i == 0 {
			name = "第1镇堃山村党支部（含流动党员服务站及驻村第一书记工作队联合党支部）"
		}
		d.Units = append(d.Units, model.Unit{ID: id, ParentID: int64(2 + i%towns), Name: name, Level: model.LevelBranch, Kind: model.KindRural})
		g := grade(i, n)
		b := band(&sc, g)
		sr := scoring.SubjectResult{ID: fmt.Sprintf("u:%d", id), Name: name, Main: g, Total: g, Grade: g,
			Band: b.Code, EarnedBand: b.Code, BandName: b.Name, Rank: i + 1}
		if i%97 == 96 {
			sr.Disqualified, sr.Band, sr.EarnedBand, sr.BandName, sr.Rank = true, "", "", "", 0
			sr.Vetoes = []string{"anquan"}
		}
		units.Subjects = append(units.Subjects, sr)
	}
	rank := 0
	for i := range units.Subjects {
		if units.Subjects[i].Rank > 0 {
			rank++
			units.Subjects[i].Rank = rank
		}
	}
	res := &period.Results{Period: p, Data: d, Inputs: &period.Inputs{}, Units: units}
	if members > 0 {
		res.Members = &scoring.Result{Scheme: ms.Code}
		for i := 0; i < members; i++ {
			id := int64(100000 + i)
			name := fmt.Sprintf("党员%d", i+1)
			if i%7 == 0 {
				name = fmt.Sprintf("王堃%d", i+1)
			}
			d.Members = append(d.Members, model.Member{ID: id, Name: name, UnitID: int64(1000 + i%n)})
			g := grade(i, members)
			b := band(&ms, g)
			res.Members.Subjects = append(res.Members.Subjects, scoring.SubjectResult{ID: fmt.Sprintf("m:%d", id), Name: name,
				Total: g, Grade: g, Band: b.Code, EarnedBand: b.Code, BandName: b.Name, Rank: i + 1})
		}
	}
	paper := &Paper{Committee: "中共示范县委员会", Period: p, Results: res, Draft: true, Date: model.D(2026, 12, 2)}
	if prev {
		old := &scoring.Result{Scheme: sc.Code}
		for i := range units.Subjects {
			sr := units.Subjects[i]
			sr.Rank = n - i
			old.Subjects = append(old.Subjects, sr)
		}
		paper.Previous = &period.Results{Period: p, Data: d, Units: old}
	}
	return paper
}
