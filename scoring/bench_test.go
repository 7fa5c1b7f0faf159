package scoring

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// prefectureUnitScheme is a 60-item unit scheme (6 sections × 10 items of
// mixed rules) weighted 自评:考评 = 3:7, with the bands, caps and quotas of
// 002 篇十一 and at least one 五星 per township.
func prefectureUnitScheme() model.Scheme {
	s := builtin.ServiceFiveStar()
	s.Code, s.Name = "bench-units", "地市级党组织考评（60项）"
	s.Sources = []model.Source{
		{Code: model.SourceSelf, Name: "自评", Weight: model.Dec(30)},
		{Code: model.SourceReview, Name: "考评", Weight: model.Dec(70)},
	}
	var secs []model.Section
	for g := 0; g < 6; g++ {
		sec := model.Section{Code: fmt.Sprintf("S%d", g+1), Title: fmt.Sprintf("第%d部分", g+1)}
		for k := 0; k < 10; k++ {
			code := fmt.Sprintf("%d-%d", g+1, k+1)
			var rule model.Rule
			switch k % 4 {
			case 0:
				rule = model.Manual()
			case 1:
				rule = model.Deduct(model.DeductClause{Input: "n", Label: "每少一项", Per: model.D4("0.2")},
					model.DeductClause{Input: "v", Label: "至少4次", Per: model.D4("0.5"), Required: model.D4("4").P()})
			case 2:
				rule = model.AllOrNothing(model.Flag{Name: "a", Label: "要求甲"}, model.Flag{Name: "b", Label: "要求乙"})
			case 3:
				rule = model.Table(model.TableRule{Input: "rate", Label: "知晓率", Unit: "%", Domain: model.Closed("0", "100"),
					Bands: []model.TableBand{{Range: model.Closed("90", "100"), Points: model.D4("1.6")},
						{Range: model.Between("80", "90"), Points: model.D4("1")}, {Range: model.Below("80")}}})
			}
			pts := "1.6"
			if k == 9 {
				pts = "2.2"
			}
			sec.Items = append(sec.Items, model.Item{Code: code, Title: "考核项目" + code, Points: model.D4(pts), Rule: rule})
		}
		secs = append(secs, sec)
	}
	secs = append(secs, s.Sections[1:]...) // the bonus and penalty sections of 篇十一
	s.Sections = secs
	s.Quotas = append(s.Quotas, model.Quota{Code: "fivePerTownship", Band: "5", Mode: model.QuotaAtLeast,
		Count: ptrInt(1), PerParent: true, Quote: "每个乡镇至少一个五星级"})
	return s
}

func ptrInt(n int) *int { return &n }

func newRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

// prefectureUnits builds n units of random but plausible inputs.
func prefectureUnits(s model.Scheme, n int, rng *rand.Rand) Input {
	var codes []string
	var kinds []model.RuleKind
	s.Walk(func(_ []*model.Section, it *model.Item) {
		if !it.Bonus && !it.Penalty {
			codes = append(codes, it.Code)
			kinds = append(kinds, it.Rule.Kind)
		}
	})
	in := Input{Period: "2024年度", Subjects: make([]Subject, n)}
	for u := range in.Subjects {
		sub := &in.Subjects[u]
		sub.ID, sub.Name, sub.Kind = fmt.Sprintf("U%05d", u), fmt.Sprintf("第%d党支部", u+1), model.KindOrgan
		sub.Parent = fmt.Sprintf("T%03d", u%500)
		quality := rng.IntN(40)
		for _, src := range []string{model.SourceSelf, model.SourceReview} {
			items := make([]ItemInput, len(codes))
			for k, code := range codes {
				ii := ItemInput{Item: code}
				switch kinds[k] {
				case model.RuleManual:
					ii.Score = model.DecimalFromUnits(int64(1000 * (10 + rng.IntN(7)))).P() // 1.0–1.6, in tenths as offices score
				case model.RuleDeduct:
					ii.Values = Values{{"n", model.Dec(int64(rng.IntN(3)))}, {"v", model.Dec(int64(2 + rng.IntN(3)))}}
				case model.RuleAllOrNothing:
					if rng.IntN(100) < 60+quality {
						ii.Flags = []string{"a", "b"}
					} else {
						ii.Flags = []string{"a"}
					}
				case model.RuleTable:
					ii.Values = Values{{"rate", model.Dec(int64(min(100, 60+quality+rng.IntN(10))))}}
				}
				items[k] = ii
			}
			sub.Sources = append(sub.Sources, SourceInput{Source: src, Ratings: []Rating{{Items: items}}})
		}
		sub.Facts = Values{{"satisfaction", model.Dec(int64(55 + rng.IntN(46)))}}
		if rng.IntN(20) == 0 {
			sub.Facts = sub.Facts.Set("absences", model.Dec(int64(rng.IntN(5))))
		}
	}
	return in
}

// prefectureMemberScheme is 004 第二篇 with the quotas of 002 篇十五.
func prefectureMemberScheme() model.Scheme {
	s := builtin.MemberFlagStar()
	s.Quotas = []model.Quota{
		{Code: "five10", Band: "5", Mode: model.QuotaAtMost, Share: model.Dec(10).P()},
		{Code: "fivePerBranch", Band: "5", Mode: model.QuotaAtLeast, Count: ptrInt(1), PerParent: true},
		{Code: "four20", Band: "4", Mode: model.QuotaAtMost, Share: model.Dec(20).P()},
	}
	return s
}

// prefectureMembers builds n members in branches of 30, each with 30
// whole-form ratings: 1 自评, 20 互评, 2 领导点评, 7 职工参评.
func prefectureMembers(n int, rng *rand.Rand) Input {
	in := Input{Period: "2024年第一季度", Subjects: make([]Subject, n)}
	for m := range in.Subjects {
		sub := &in.Subjects[m]
		sub.ID, sub.Name = fmt.Sprintf("M%06d", m), fmt.Sprintf("党员%d", m+1)
		sub.Parent = fmt.Sprintf("B%04d", m/30)
		base := 6000 + rng.IntN(3400) // 60–100 with the spread below
		totals := func(k int) []model.Decimal {
			v := make([]model.Decimal, k)
			for i := range v {
				v[i] = model.DecimalFromUnits(int64((base + rng.IntN(600)) * 100))
			}
			return v
		}
		sub.Sources = []SourceInput{
			{Source: model.SourceSelf, Totals: totals(1)},
			{Source: model.SourcePeer, Totals: totals(20)},
			{Source: model.SourceLeader, Totals: totals(2)},
			{Source: model.SourcePublic, Totals: totals(7)},
		}
		if rng.IntN(20) == 0 {
			sub.Facts = Values{{"outstanding", model.Dec(1)}}
		}
	}
	return in
}

// BenchmarkPrefecture scores a prefecture city's period: 5,000 units × 60
// items (自评 and 考评 each) and 150,000 members × 30 ratings, with quotas and
// explanations. Target: ≤ 2 s and ≤ 1 GB on 2 cores. Each op is one period:
// the previous op's results are collected (outside the timer) before the
// next starts, so that peak memory is that of one period.
func BenchmarkPrefecture(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	ue, ps := Compile(prefectureUnitScheme())
	if ue == nil {
		b.Fatal(ps)
	}
	me, ps := Compile(prefectureMemberScheme())
	if me == nil {
		b.Fatal(ps)
	}
	units := prefectureUnits(ue.Scheme(), 5000, rng)
	members := prefectureMembers(150000, rng)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ur := ue.Score(units)
		mr := me.Score(members)
		if len(ur.Subjects) != 5000 || len(mr.Subjects) != 150000 {
			b.Fatal("wrong result size")
		}
		b.StopTimer()
		ur, mr = nil, nil
		runtime.GC()
		b.StartTimer()
	}
}

// BenchmarkUnits and BenchmarkMembers are the two halves of
// BenchmarkPrefecture.
func BenchmarkUnits(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	e, _ := Compile(prefectureUnitScheme())
	in := prefectureUnits(e.Scheme(), 5000, rng)
	b.ResetTimer()
	for b.Loop() {
		e.Score(in)
	}
}

// BenchmarkMembers: see BenchmarkUnits.
func BenchmarkMembers(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	e, _ := Compile(prefectureMemberScheme())
	in := prefectureMembers(150000, rng)
	b.ResetTimer()
	for b.Loop() {
		e.Score(in)
	}
}

// BenchmarkNextBands answers "下一星级还差几分" for a prefecture's 5,000 units ×
// 60 items (scored once, outside the timer). Target: well under 100 ms.
func BenchmarkNextBands(b *testing.B) {
	e, _ := Compile(prefectureUnitScheme())
	in := prefectureUnits(e.Scheme(), 5000, newRand())
	res := e.Score(in)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if len(e.NextBands(res, in)) != 5000 {
			b.Fatal("wrong size")
		}
	}
}

// BenchmarkInflation compares 自评 with 考评 for the same 5,000 units × 60
// items. Target: well under 100 ms.
func BenchmarkInflation(b *testing.B) {
	e, _ := Compile(prefectureUnitScheme())
	in := prefectureUnits(e.Scheme(), 5000, newRand())
	res := e.Score(in)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if len(Inflation(res, model.SourceSelf, model.SourceReview)) != 5000 {
			b.Fatal("wrong size")
		}
	}
}
