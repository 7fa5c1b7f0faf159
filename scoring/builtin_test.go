package scoring

import (
	"encoding/json"
	"reflect"
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// TestBuiltinsValidate: every built-in scheme names its source and
// validates except for the problems flagged on purpose, each explained by a
// note; and it round-trips through JSON unchanged.
func TestBuiltinsValidate(t *testing.T) {
	want := map[string][]model.ProblemCode{ // the deliberately flagged problems
		"wlmq-cxcy":  {model.PTableGap, model.PTableOverlap},
		"qiye-cxcy":  {model.PTableGap, model.PTableOverlap},
		"ju-mbgl":    {model.PTotalMissing, model.PItemPoints, model.PRuleValue, model.PBandBound},
		"xianfengqi": {model.PStar},
	}
	seen := map[string]bool{}
	for _, s := range BuiltinSchemes() {
		t.Run(s.Code, func(t *testing.T) {
			if seen[s.Code] {
				t.Fatal("duplicate code")
			}
			seen[s.Code] = true
			if s.Source == "" || s.Name == "" || len(s.Notes) == 0 {
				t.Error("a built-in names its source and carries notes")
			}
			ps := s.Problems()
			if un := s.Unexplained(ps); len(un) > 0 {
				t.Errorf("problems without a note: %v", un)
			}
			if len(ps.Fatal()) > 0 {
				t.Errorf("fatal problems: %v", ps.Fatal())
			}
			codes := map[model.ProblemCode]bool{}
			for _, p := range ps {
				codes[p.Code] = true
			}
			for _, c := range want[s.Code] {
				if !codes[c] {
					t.Errorf("expected a flagged %s problem", c)
				}
				delete(codes, c)
			}
			if len(codes) > 0 {
				t.Errorf("unexpected problem kinds %v", codes)
			}
			b, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			var back model.Scheme
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, s) {
				b2, _ := json.Marshal(back)
				t.Errorf("JSON round trip changed the scheme:\n%s\n%s", b, b2)
			}
		})
	}
	if len(seen) != 8 {
		t.Errorf("%d built-ins, want 8", len(seen))
	}
}

// TestWorkedWlmq: 000 第一篇 for a township (农村) committee.
//
//	一 (15): 1 all three → 2; 2 → 1; 3 missing 1 system, liaison ok, 3 visits → 2 − 0.2 − 0.5 = 1.3;
//	         4 → 1; 5 → 1.5; 6 → 1; 7 no signs → 0; 8 three articles, 2 summaries missing → 1 − 0.4 = 0.6;
//	         9 one archive missing → 0.8; 10 participation 100%, awareness 95% → 1 + 2 = 3.      = 12.2
//	二 (10): 11 badge 100%, 10% households, posts → 5; 12 → 4.5                                = 9.5
//	三 (20): 13 2, 12b 1.5, 14 2, 15 1.5, 16 one meeting missing 1.5, 17 one branch review missing 1.5,
//	         18 2, 19 92% → 2, 20 85% → 1, 21 78% → 0                                          = 15
//	三' (20): 22 2, 23 2, 24 not written off → 0, 25 2, 26 two members → 1.6, 27 two unfulfilled → 3, 28 5 = 15.6
//	四 党群共建 (乡镇): 8                                                                       = 8
//	六 (15): 31 5, 32 4, 33 city → 3                                                          = 12
//	七 (10): 34 92% → 5, 35 86% → 4                                                           = 9
//	total 12.2 + 9.5 + 15 + 15.6 + 8 + 12 + 9 = 81.3
//
// The same inputs for a window unit: item 29 is ignored (flagged), item 30 is
// not entered: 81.3 − 8 = 73.3 with an issue for 30.
func TestWorkedWlmq(t *testing.T) {
	e := mustCompile(t, builtin.Wlmq())
	in := []ItemInput{
		flags("1", "leadingGroup", "office", "staff"), score("2", "1"),
		vals("3", "missingSystems", "1", "leaderVisits", "3"), score("4", "1"), score("5", "1.5"), score("6", "1"),
		flags("7", "publicized"), vals("8", "articles", "3", "missingSummaries", "2"), vals("9", "missingArchives", "1"),
		vals("10", "participation", "100", "awareness", "95"),
		vals("11", "badgeRate", "100", "demoRate", "10", "pioneerPosts", "1"), score("12", "4.5"),
		score("13", "2"), score("12b", "1.5"), score("14", "2"), score("15", "1.5"),
		vals("16", "missingMeetings", "1"), vals("17", "missingBranchReviews", "1"), vals("18"),
		vals("19", "awareness", "92"), vals("20", "awareness", "85"), vals("21", "awareness", "78"),
		flags("22", "rectified"), flags("23", "ledger", "writeOff"), flags("24", "ledger"), flags("25", "allFulfilled"),
		vals("26", "membersNoRecommit", "2"), vals("27", "unfulfilled", "2"), flags("28", "solved"),
		score("29", "8"), flags("31", "typicalsMet"), score("32", "4"), levels("33", "city"),
		vals("34", "satisfaction", "92"), vals("35", "satisfaction", "86"),
	}
	r := e.Score(Input{Subjects: []Subject{
		{ID: "town", Name: "新城子镇党委", Kind: model.KindRural, Sources: []SourceInput{one(model.SourceReview, in...)}},
		{ID: "window", Name: "县政务服务中心党支部", Kind: model.KindWindow, Sources: []SourceInput{one(model.SourceReview, in...)}},
	}})
	town := find(t, r, "town")
	eq(t, "town main", town.Main, "81.3")
	if len(town.Issues) > 0 {
		t.Errorf("town issues %q", town.Issues)
	}
	for code, want := range map[string]string{"3": "1.3", "8": "0.6", "10": "3", "26": "1.6", "27": "3", "33": "3"} {
		eq(t, "item "+code, item(t, town, code).Score, want)
	}
	sections := map[string]string{"S1": "12.2", "S2": "9.5", "S3": "15", "S4": "15.6", "S5": "8", "S7": "12", "S8": "9"}
	for _, sec := range town.Sections {
		if want, ok := sections[sec.Section]; ok {
			eq(t, sec.Section, sec.Score, want)
		}
	}
	win := find(t, r, "window")
	eq(t, "window main", win.Main, "73.3")
	if !issuesContain(win.Issues, "不适用于本党组织类型") || !issuesContain(win.Issues, "30 ") {
		t.Errorf("window issues %q", win.Issues)
	}
}

// TestWorkedEnterprise: 000 第四篇, a branch entered by five departments.
//
//	组织部 (60): O1 执行不够 −1 → 2; O2 4; O3 满意率96% → 3; O4 支委会少一次 −1 → 4; O5 2; O6 1;
//	            O7 迟到一次 −0.5 → 0.5; O8 1; O9 缺一项 −2 → 8; O10 经营责任制90分 → 30×90÷100 = 27   = 52.5
//	宣传部 (10): P1 笔记少两次 −1 → 3; P2 1; P3 2; P4 警告一人次 −1 → 2                          = 8
//	党委办公室 (10): D1 6; D2 缺一份 −0.5 → 1.5; D3 2                                          = 9.5
//	纪委办公室 (10): K 未认真执行 −1 → 9                                                       = 9
//	干部部 (10): 5 + 3 + 1 + 1                                                               = 10
//	main 89; bonus B2 +4, B5 +2 = 6, not in the grade: grade 89, total 95.
//	Band: 89 ≥ 85, 满意率96% ≥ 85 → 达标; 组织部推荐, ≥ 90 → 先进; ≥ 95, 组织生活率99% ≥ 98,
//	突出贡献, 创新 → 模范. The same with 否决 V5 (集体上访): at most 达标.
func TestWorkedEnterprise(t *testing.T) {
	e := mustCompile(t, builtin.Enterprise())
	items := nothingToDeduct(e)
	set := map[string]ItemInput{
		"O1": vals("O1", "insufficient", "1"), "O4": vals("O4", "missingCommittee", "1"), "O7": vals("O7", "lateEarly", "1"),
		"O9": vals("O9", "missingParts", "1"), "P1": vals("P1", "missingNotes", "2"), "P4": vals("P4", "warned", "1"),
		"D2": vals("D2", "missingDocs", "1"), "K": vals("K", "notImplemented", "1"),
	}
	for k := range items {
		if v, ok := set[items[k].Item]; ok {
			items[k] = v
		}
	}
	items = append(items, flags("B2", "yes"), flags("B5", "yes"))
	facts := Vals("satisfaction", "96", "orgLifeRate", "99", "economic", "90", "selectedAdvanced", "1", "contribution", "1", "innovation", "1")
	r := e.Score(Input{Subjects: []Subject{
		{ID: "a", Name: "一车间党支部", Kind: model.KindEnterprise, Facts: facts, Sources: []SourceInput{one(model.SourceReview, items...)}},
		{ID: "b", Name: "二车间党支部", Kind: model.KindEnterprise, Facts: facts, Vetoes: []string{"V5"}, Sources: []SourceInput{one(model.SourceReview, items...)}},
	}})
	a := find(t, r, "a")
	eq(t, "main", a.Main, "89")
	eq(t, "bonus", a.Bonus, "6")
	eq(t, "grade", a.Grade, "89")
	eq(t, "total", a.Total, "95")
	depts := map[string]string{"组织部": "52.5", "宣传部": "8", "党委办公室": "9.5", "纪委办公室": "9", "干部部": "10"}
	for _, sec := range a.Sections {
		if want, ok := depts[sec.Department]; ok && sec.Section != "BONUS" {
			eq(t, sec.Department, sec.Score, want)
		}
	}
	if a.Band != "model" {
		t.Errorf("a: band %s; %s", a.Band, texts(a.BandWhy))
	}
	mustContain(t, "a grade", a.GradeWhy, "加分项合计+6分，不计入等级总分")
	if b := find(t, r, "b"); b.Band != "standard" {
		t.Errorf("b: band %s", b.Band)
	}
}

// TestWorkedBureau: 003, with the numbers its document lost filled in by the
// office (here: every item 3 points and item 1-1 10, so 30×3 + 10 = 100;
// every deduction 1 point; bonus items 2 points; 优秀 ≥ 90, 合格 75–90,
// 基本合格 60–75, 不合格 below 60 — these figures are the test's, not the seed's).
//
//	甲: 1-2 −1, 2-1 two meetings missing −2, 3-3 one visit missing −1 → 100 − 4 = 96;
//	    bonus B2 +2, B3 +2 → total 100, grade 96 → 优秀.
//	乙: twelve deductions in 2-2 → 3 − 12 floors at 0 (−3), 5-1 c2 −1, 6-3 c1 ×8 → 0 (−3),
//	    2-3 ×5 → 0 (−3), 4-3 ×2 −2 → 100 − 12 = 88; bonus +4 → total 92, grade 88 → 合格:
//	    "加分部分不计入等级考核分" keeps it out of 优秀.
func TestWorkedBureau(t *testing.T) {
	s := builtin.Bureau()
	s.Total = dec("100")
	for c := range s.Sections {
		for k := range s.Sections[c].Items {
			it := &s.Sections[c].Items[k]
			it.Points = dec("3")
			if it.Code == "1-1" {
				it.Points = dec("10")
			}
			if it.Bonus {
				it.Points = dec("2")
			}
			if it.Rule.Deduct != nil {
				for j := range it.Rule.Deduct.Clauses {
					it.Rule.Deduct.Clauses[j].Per = dec("1")
				}
			}
		}
	}
	s.Bands[0].Range = model.AtLeast("90")
	s.Bands[1].Range = model.Between("75", "90")
	s.Bands[2].Range = model.Between("60", "75")
	s.Bands[3].Range = model.Below("60")
	if ps := s.Problems(); len(ps) > 0 {
		t.Fatalf("the completed scheme still has problems: %v", ps)
	}
	e := mustCompile(t, s)
	base := nothingToDeduct(e)
	with := func(set ...ItemInput) []ItemInput {
		out := append([]ItemInput(nil), base...)
		for _, v := range set {
			for k := range out {
				if out[k].Item == v.Item {
					out[k] = v
				}
			}
		}
		return append(out, score("B2", "2"), score("B3", "2"))
	}
	r := e.Score(Input{Subjects: []Subject{
		{ID: "甲", Kind: model.KindOrgan, Sources: []SourceInput{one(model.SourceReview, with(vals("1-2", "c1", "1"), vals("2-1", "c1", "2"), vals("3-3", "c2", "1"))...)}},
		{ID: "乙", Kind: model.KindOrgan, Sources: []SourceInput{one(model.SourceReview, with(vals("2-2", "c1", "12"), vals("5-1", "c2", "1"),
			vals("6-3", "c1", "8"), vals("2-3", "c1", "5"), vals("4-3", "c1", "2"))...)}},
	}})
	jia, yi := find(t, r, "甲"), find(t, r, "乙")
	eq(t, "甲 grade", jia.Grade, "96")
	eq(t, "甲 total", jia.Total, "100")
	eq(t, "乙 grade", yi.Grade, "88")
	eq(t, "乙 total", yi.Total, "92")
	if jia.BandName != "优秀" || yi.BandName != "合格" {
		t.Errorf("bands %s, %s", jia.BandName, yi.BandName)
	}
	mustContain(t, "乙", yi.GradeWhy, "不计入等级总分")
}

// TestWorkedServiceFiveStar: 002 篇十一, ten units (五星 ≤ 10% → 1; 一星及以下 ≥ 10% → 1).
//
//	A 92 + 省级5 + 市级3 = 100            → 五星 (rank 1)
//	B 93, 不按期换届2个月                    → 五星, limited to 四星
//	C 95, 满意率58% → −5 → 90              → 五星 earned; the quota keeps only A: → 四星
//	D 88, 缺席3次 → −9 → 79                → 三星, lowered one band → 二星
//	E 85, 市委通报批评1次 → −5 → 80         → 四星
//	F 75 → 三星; G 72 → 三星; H 65 → 二星; I 61 → 二星
//	J 62, 班子成员撤销党内职务1人次 → −5 → 57 → 一星 (meets 一星及以下 ≥ 1)
func TestWorkedServiceFiveStar(t *testing.T) {
	e := mustCompile(t, builtin.ServiceFiveStar())
	u := func(id, sc string, facts Values, extra ...ItemInput) Subject {
		items := append([]ItemInput{score("score", sc)}, extra...)
		return Subject{ID: id, Kind: model.KindOrgan, Facts: facts, Sources: []SourceInput{one(model.SourceReview, items...)}}
	}
	r := e.Score(Input{Subjects: []Subject{
		u("A", "92", Vals("satisfaction", "90"), levels("plus1", "province"), levels("plus2", "city")),
		u("B", "93", Vals("electionOverdueMonths", "2")),
		u("C", "95", Vals("satisfaction", "58")),
		u("D", "88", Vals("absences", "3")),
		u("E", "85", Vals("noticeCity", "1")),
		u("F", "75", nil), u("G", "72", nil), u("H", "65", nil), u("I", "61", nil),
		u("J", "62", Vals("sanctionRemoval", "1")),
	}})
	grades := map[string]string{"A": "100", "B": "93", "C": "90", "D": "79", "E": "80", "J": "57"}
	for id, g := range grades {
		eq(t, id+" grade", find(t, r, id).Grade, g)
	}
	bands(t, r, map[string]string{"A": "5", "B": "4", "C": "4", "D": "2", "E": "4", "F": "3", "G": "3", "H": "2", "I": "2", "J": "1"})
	if c := find(t, r, "C"); c.EarnedBand != "5" {
		t.Errorf("C earned %s before the quota", c.EarnedBand)
	}
	ranks := map[string]int{"A": 1, "B": 2, "C": 3, "E": 4, "D": 5, "J": 10}
	for id, k := range ranks {
		if got := find(t, r, id).Rank; got != k {
			t.Errorf("%s rank %d, want %d", id, got, k)
		}
	}
}

// TestWorkedVillage: 002 篇十二/十六.
//
//	东村: 3:7 as in TestWeightsThreeToSeven → 83.6 → 三星级 (80–90); 满意率85% > 80% → 群众满意星.
//	西村: no self-assessment, 考评 19 × 5 = 95 → 五星级 (95 and above); 满意率80% → no 群众满意星.
//	南村: 违反计划生育 → 一票否决, 直接取消星级资格.
func TestWorkedVillage(t *testing.T) {
	e := mustCompile(t, builtin.Village())
	r := e.Score(Input{Subjects: []Subject{
		{ID: "东村", Kind: model.KindRural, Facts: Vals("satisfaction", "85"), Sources: []SourceInput{
			villageSource(model.SourceSelf, "18", "17", "16", "19", "15"), villageSource(model.SourceReview, "16", "18", "17", "18", "14")}},
		{ID: "西村", Kind: model.KindRural, Facts: Vals("satisfaction", "80"), Sources: []SourceInput{
			villageSource(model.SourceReview, "19", "19", "19", "19", "19")}},
		{ID: "南村", Kind: model.KindRural, Vetoes: []string{"jisheng"}, Sources: []SourceInput{
			villageSource(model.SourceReview, "19", "19", "19", "19", "19")}},
	}})
	east, west, south := find(t, r, "东村"), find(t, r, "西村"), find(t, r, "南村")
	eq(t, "东村", east.Grade, "83.6")
	eq(t, "西村", west.Grade, "95")
	if east.BandName != "三星级" || !east.Stars[0].Earned {
		t.Errorf("东村 %s, star %v", east.BandName, east.Stars[0].Earned)
	}
	if west.BandName != "五星级" || west.Stars[0].Earned {
		t.Errorf("西村 %s, star %v", west.BandName, west.Stars[0].Earned)
	}
	if !south.Disqualified || south.Band != "" {
		t.Errorf("南村 %+v", south)
	}
}

// TestWorkedNonPublicMember: 002 篇十五, two branches of ten (N = 20: 五星 ≤ 2,
// 四星 ≤ 4, 三星 ≥ 12, one 五星 per branch).
//
//	A: a1 10,10,9,9,9 (47, 5★)  a2 9,9,9,9,8 (44, 5★)  a3 9,9,8,8,8 (42, 5★)  a4 9,8,8,8,7 (40, 4★)
//	   a5 8,8,8,7,7 (38, 3★)    a6 8,8,8,6,6 (36, 3★)  a7 8,8,7,7,6 (36, 2★)  a8 8,7,7,7,7 (36, 1★)
//	   a9 7×5 (35, 0★)          a10 4×5 (20, 0★, average 4 → at most 二星)
//	B: b1 9,9,9,8,7 (42, 4★)    b2 9,8,8,7,7 (39, 3★)  b3 8,8,8,7,7 (38, 3★)  b4 8,8,7,7,7 (37, 2★)
//	   b5 8,7,7,7,7 (36, 1★)    b6–b10 7,7,7,7,6 (34, 0★)
//
// 五星: A reserves a1, B reserves b1 (lifted from 四星); the two places are
// taken, so a2 and a3 move to 四星. 四星: a2, a3, a4 (3 ≤ 4). 三星: a5, a6, b2,
// b3 (4 < 12): lift by total — b4 (37); the tie a7, a8, b5 (36) whole; a9
// (35); the tie b6–b10 (34) whole → 14 三星 (the tie overshoots 12). a10 cannot
// be lifted (二星 at most) and stays 无星.
func TestWorkedNonPublicMember(t *testing.T) {
	e := mustCompile(t, builtin.NonPublicMember())
	r := e.Score(Input{Subjects: []Subject{
		nonPublic("a1", "A", "10", "10", "9", "9", "9"), nonPublic("a2", "A", "9", "9", "9", "9", "8"),
		nonPublic("a3", "A", "9", "9", "8", "8", "8"), nonPublic("a4", "A", "9", "8", "8", "8", "7"),
		nonPublic("a5", "A", "8", "8", "8", "7", "7"), nonPublic("a6", "A", "8", "8", "8", "6", "6"),
		nonPublic("a7", "A", "8", "8", "7", "7", "6"), nonPublic("a8", "A", "8", "7", "7", "7", "7"),
		nonPublic("a9", "A", "7", "7", "7", "7", "7"), nonPublic("a10", "A", "4", "4", "4", "4", "4"),
		nonPublic("b1", "B", "9", "9", "9", "8", "7"), nonPublic("b2", "B", "9", "8", "8", "7", "7"),
		nonPublic("b3", "B", "8", "8", "8", "7", "7"), nonPublic("b4", "B", "8", "8", "7", "7", "7"),
		nonPublic("b5", "B", "8", "7", "7", "7", "7"), nonPublic("b6", "B", "7", "7", "7", "7", "6"),
		nonPublic("b7", "B", "7", "7", "7", "7", "6"), nonPublic("b8", "B", "7", "7", "7", "7", "6"),
		nonPublic("b9", "B", "7", "7", "7", "7", "6"), nonPublic("b10", "B", "7", "7", "7", "7", "6"),
	}})
	want := map[string]string{"a1": "5", "b1": "5", "a2": "4", "a3": "4", "a4": "4", "a5": "3", "a6": "3", "a7": "3", "a8": "3", "a9": "3",
		"a10": "0", "b2": "3", "b3": "3", "b4": "3", "b5": "3", "b6": "3", "b10": "3"}
	bands(t, r, want)
	counts := map[string]int{"five10": 2, "four20": 3, "three60": 14}
	for code, n := range counts {
		if q := quotaResult(t, r, code, ""); q.Count != n || !q.Met {
			t.Errorf("%s: %+v", code, q)
		}
	}
}

// TestWorkedMemberFlagStar: 004 第二篇.
//
//	甲: 自评88; 互评85, 90, 80 → 85; 点评92; 参评80, 85, 90, 95, 100 → 90
//	    0.2×88 + 0.3×85 + 0.2×92 + 0.3×90 = 17.6 + 25.5 + 18.4 + 27 = 88.5 → 四星级
//	乙: 自评95; 互评92, 94 → 93; 点评96; 参评90…94 → 92
//	    19 + 27.9 + 19.2 + 27.6 = 93.7 → 90 and above but no 特别突出 → 四星级
//	丙: as 乙 with 特别突出 → 五星级
//	丁: as 甲 but only four 职工代表 (flagged): 参评 (80+85+90+95) ÷ 4 = 87.5;
//	    17.6 + 25.5 + 18.4 + 0.3×87.5 = 87.75 → 四星级
func TestWorkedMemberFlagStar(t *testing.T) {
	e := mustCompile(t, builtin.MemberFlagStar())
	jia := []SourceInput{totals(model.SourceSelf, "88"), totals(model.SourcePeer, "85", "90", "80"),
		totals(model.SourceLeader, "92"), totals(model.SourcePublic, "80", "85", "90", "95", "100")}
	yi := []SourceInput{totals(model.SourceSelf, "95"), totals(model.SourcePeer, "92", "94"),
		totals(model.SourceLeader, "96"), totals(model.SourcePublic, "90", "91", "92", "93", "94")}
	ding := append(append([]SourceInput(nil), jia[:3]...), totals(model.SourcePublic, "80", "85", "90", "95"))
	r := e.Score(Input{Subjects: []Subject{
		{ID: "甲", Parent: "支部", Sources: jia}, {ID: "乙", Parent: "支部", Sources: yi},
		{ID: "丙", Parent: "支部", Sources: yi, Facts: Vals("outstanding", "1")}, {ID: "丁", Parent: "支部", Sources: ding},
	}})
	for id, w := range map[string][2]string{"甲": {"88.5", "四星级党员"}, "乙": {"93.7", "四星级党员"}, "丙": {"93.7", "五星级党员"}, "丁": {"87.75", "四星级党员"}} {
		s := find(t, r, id)
		eq(t, id, s.Grade, w[0])
		if s.BandName != w[1] {
			t.Errorf("%s: %s, want %s", id, s.BandName, w[1])
		}
	}
	if !issuesContain(find(t, r, "丁").Issues, "职工参评只有4人评分，少于规定的5人") {
		t.Errorf("丁 issues %q", find(t, r, "丁").Issues)
	}
}

// TestWorkedPioneerFlag: 004 第三篇 先锋旗, three branches.
//
//	甲: every item full (96) + 群众满意率90% ≥ 85% → 4: 100
//	乙: three items one point short → 97
//	丙: 满意率80% → 0 for G5-5, and two items short → 94
//
// The flag goes to 甲. The five 好 have no stated threshold: each branch's
// result flags them for the office.
func TestWorkedPioneerFlag(t *testing.T) {
	e := mustCompile(t, builtin.PioneerFlag())
	branch := func(id, sat string, short int) Subject {
		var items []ItemInput
		e.s.Walk(func(_ []*model.Section, it *model.Item) {
			if it.Rule.Kind == model.RuleManual {
				v := it.Points
				if short > 0 {
					v, short = v.Sub(dec("1")), short-1
				}
				items = append(items, ItemInput{Item: it.Code, Score: v.P()})
			}
		})
		return Subject{ID: id, Facts: Vals("satisfaction", sat), Sources: []SourceInput{one(model.SourceReview, items...)}}
	}
	r := e.Score(Input{Subjects: []Subject{branch("甲", "90", 0), branch("乙", "90", 3), branch("丙", "80", 2)}})
	for id, g := range map[string]string{"甲": "100", "乙": "97", "丙": "94"} {
		eq(t, id, find(t, r, id).Grade, g)
	}
	if len(r.RedFlag.Winners) != 1 || r.RedFlag.Winners[0] != "甲" {
		t.Errorf("winners %v", r.RedFlag.Winners)
	}
	if !issuesContain(find(t, r, "甲").Issues, "未规定达到多少分可得") {
		t.Errorf("issues %q", find(t, r, "甲").Issues)
	}
}
