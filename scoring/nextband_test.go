package scoring

import (
	"fmt"
	"strings"
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// nextOf scores in with e and returns the NextBand of subject id.
func nextOf(t *testing.T, e *Engine, in Input) (map[string]NextBand, *Result) {
	t.Helper()
	res := e.Score(in)
	nbs := e.NextBands(res, in)
	if len(nbs) != len(res.Subjects) {
		t.Fatalf("%d answers for %d subjects", len(nbs), len(res.Subjects))
	}
	out := map[string]NextBand{}
	for i, nb := range nbs {
		if nb.Subject != res.Subjects[i].ID {
			t.Fatalf("answer %d is for %s, not %s", i, nb.Subject, res.Subjects[i].ID)
		}
		if len(nb.Why) == 0 {
			t.Errorf("%s: unexplained", nb.Subject)
		}
		out[nb.Subject] = nb
	}
	return out, res
}

func wantNext(t *testing.T, got NextBand, block NextBlock, band, need string, wants ...string) {
	t.Helper()
	if got.Block != block || got.Reachable != (block == NextReachable) || got.Band != band {
		t.Errorf("%s: block %q reachable %v band %q, want block %q band %q; why: %s", got.Subject, got.Block, got.Reachable, got.Band, block, band, texts(got.Why))
	}
	if need != "" {
		eq(t, got.Subject+" need", got.Need, need)
	}
	mustContain(t, got.Subject, got.Why, wants...)
}

// TestNextBandServiceFiveStar: 002 篇十一 "90—100分为五星级,80—89分为四星级…
// 50分以下不定星级" and its 附加条件, quotas left out.
//
//	87.5 → 五星 at 90: 2.5 (the bound is included)
//	95 → already 五星
//	late2 95: "不按期…换届选举的,不得定为五星级" → 四星, 五星 out of reach
//	late13 95: "超过一年不换届的,不得定为四星及以上等级" → 三星; 四星 out of reach
//	abs3 95 − 9 = 86 → 四星, "应降低一个星级" → 三星; 四星 at 90 (五星 lowered): 4
//	abs3top 100 − 9 = 91 → 四星; 五星 never ("不得定为五星级")
//	sat50 92 − 5 = 87 → "50%以下不定星级"; 一星 never
func TestNextBandServiceFiveStar(t *testing.T) {
	s := builtin.ServiceFiveStar()
	s.Quotas = nil
	e := mustCompile(t, s)
	got, _ := nextOf(t, e, Input{Subjects: []Subject{
		fiveStar("87.5", "87.5", nil),
		fiveStar("95", "95", nil),
		fiveStar("late2", "95", Vals("electionOverdueMonths", "2")),
		fiveStar("late13", "95", Vals("electionOverdueMonths", "13")),
		fiveStar("abs3", "95", Vals("absences", "3")),
		fiveStar("abs3top", "100", Vals("absences", "3")),
		fiveStar("sat50", "92", Vals("satisfaction", "50")),
		fiveStar("49.99", "49.99", nil),
	}})
	wantNext(t, got["87.5"], NextReachable, "5", "2.5", "再得2.5分（等级总分由87.5分升至90分）即可评为“五星级”", "若等级总分为90分", "等级总分属于“五星级”")
	wantNext(t, got["95"], NextTop, "", "", "已评为最高等次“五星级”")
	wantNext(t, got["late2"], NextCap, "5", "", "受“不按期换届”限制，不得高于“四星级”，不能评为“五星级”，加分无用")
	wantNext(t, got["late13"], NextCap, "4", "", "受“超过一年不换届”限制，不得高于“三星级”，不能评为“四星级”，加分无用")
	if txt := texts(got["late13"].Why); strings.Contains(txt, "受“不按期换届”限制") {
		t.Errorf("late13: the cap that does not block 四星 is blamed: %s", txt)
	}
	wantNext(t, got["abs3"], NextReachable, "4", "4", "再得4分（等级总分由86分升至90分）即可评为“四星级”", "降低1个等次：“五星级”→“四星级”")
	wantNext(t, got["abs3top"], NextCap, "5", "", "受“累计3次及以上无故缺席或未完成任务”限制，不得高于“四星级”，不能评为“五星级”，加分无用")
	wantNext(t, got["sat50"], NextCap, "1", "", "受“民主评议满意率过低”限制，不得高于“不定星级”，不能评为“一星级”，加分无用")
	wantNext(t, got["49.99"], NextReachable, "1", "0.01", "再得0.01分（等级总分由49.99分升至50分）即可评为“一星级”")
}

// TestNextBandMatchesRescoring: the rise NextBands finds is exactly what
// scoring again with the higher score gives — the band at grade + Need, and
// not at grade + Need − 0.01 (002 篇十一, one 百分制 item, bonus in grade).
func TestNextBandMatchesRescoring(t *testing.T) {
	s := builtin.ServiceFiveStar()
	s.Quotas = nil
	e := mustCompile(t, s)
	var in Input
	for _, sc := range []string{"0", "12.34", "49.5", "59.99", "60", "68.25", "79.99", "80", "89.01", "90"} {
		for _, fs := range []Values{nil, Vals("absences", "3"), Vals("absences", "1"), Vals("satisfaction", "58"), Vals("electionOverdueMonths", "2")} {
			in.Subjects = append(in.Subjects, fiveStar(fmt.Sprintf("%s/%v", sc, fs), sc, fs))
		}
	}
	res := e.Score(in)
	nbs := e.NextBands(res, in)
	reached := 0
	for i, nb := range nbs {
		if !nb.Reachable {
			continue
		}
		reached++
		base := *in.Subjects[i].Sources[0].Ratings[0].Items[0].Score
		rescore := func(rise model.Decimal) *SubjectResult {
			sub := fiveStar("x", base.Add(rise).String(), in.Subjects[i].Facts)
			return &e.Score(Input{Subjects: []Subject{sub}}).Subjects[0]
		}
		if r := rescore(nb.Need); r.EarnedBand != nb.Band {
			t.Errorf("%s: +%s gives %q (grade %s), NextBands said %q", nb.Subject, nb.Need, r.EarnedBand, r.Grade, nb.Band)
		}
		cur := e.bandIndex(res.Subjects[i].Band)
		if r := rescore(nb.Need.Sub(dec("0.01"))); e.bandIndex(r.EarnedBand) < cur {
			t.Errorf("%s: +%s − 0.01 already gives %q", nb.Subject, nb.Need, r.EarnedBand)
		}
	}
	if reached < 20 {
		t.Errorf("only %d reachable: the test checks too little", reached)
	}
}

// TestNextBandBounds: a band "高于90分" needs 90.01 on the grid of two
// decimals; "80分至90分（含两端）" holds 90 itself; a bound of 4 decimals
// rounds up to the grid.
func TestNextBandBounds(t *testing.T) {
	s := builtin.ServiceFiveStar()
	s.Quotas, s.Caps = nil, nil
	s.Bands = []model.Band{
		scoreBandT("A", "优秀", model.Above("90")),
		scoreBandT("B", "良好", model.Closed("80", "90")),
		scoreBandT("C", "合格", model.Range{From: dp("70.005"), To: dp("80")}),
		scoreBandT("D", "不合格", model.Below("70.005")),
	}
	e := mustCompile(t, s)
	got, _ := nextOf(t, e, Input{Subjects: []Subject{
		fiveStar("90", "90", nil), fiveStar("85", "85", nil), fiveStar("70", "70", nil),
	}})
	wantNext(t, got["90"], NextReachable, "A", "0.01", "再得0.01分（等级总分由90分升至90.01分）即可评为“优秀”（“优秀”须高于90分，按两位小数计至少90.01分）")
	wantNext(t, got["85"], NextReachable, "A", "5.01", "升至90.01分")
	wantNext(t, got["70"], NextReachable, "C", "0.01", "升至70.01分")
	for _, c := range []struct {
		v    string
		excl bool
		want string
	}{{"90", false, "90"}, {"90", true, "90.01"}, {"70.005", false, "70.01"}, {"70.005", true, "70.01"},
		{"-0.005", false, "0"}, {"-0.01", true, "0"}, {"-1.5", false, "-1.5"}} {
		if g := gridUp(dec(c.v), c.excl); !g.Equal(dec(c.want)) {
			t.Errorf("gridUp(%s, %v) = %s, want %s", c.v, c.excl, g, c.want)
		}
	}
}

func scoreBandT(code, name string, r model.Range) model.Band {
	return model.Band{Code: code, Name: name, Range: r}
}

// TestNextBandRoom: the rise is bounded by what the subject can still
// earn. 002 篇十一 "受到市委通报批评的、每次扣5分": 98 with 5 notices is 73
// (三星); 四星 at 80 needs 7, but only 100 − 98 = 2 regular points are left.
// Counting bonus in the grade ("市级3分,省级5分,国家级8分", two items of 8)
// leaves 2 + 16 = 18, so it is reachable.
func TestNextBandRoom(t *testing.T) {
	s := builtin.ServiceFiveStar()
	s.Quotas = nil
	s.BonusInGrade = false
	e := mustCompile(t, s)
	in := Input{Subjects: []Subject{fiveStar("73", "98", Vals("noticeCity", "5"))}}
	got, res := nextOf(t, e, in)
	eq(t, "grade", res.Subjects[0].Grade, "73")
	wantNext(t, got["73"], NextRoom, "4", "7", "评为“四星级”须等级总分达到80分，还差7分，但最多还能再得2分（常规项目满分100分，已得98分），加分不能达到")

	s.BonusInGrade = true
	e = mustCompile(t, s)
	got, _ = nextOf(t, e, in)
	wantNext(t, got["73"], NextReachable, "4", "7", "再得7分")
}

// TestNextBandConditions: 004 第二篇 "党员没有特别突出的优秀表现,不能评定五星级
// 党员,五星级党员综合考核分数不低于90" — points do not make up for the fact.
func TestNextBandConditions(t *testing.T) {
	e := mustCompile(t, builtin.MemberFlagStar())
	yes := Vals("outstanding", "1")
	got, _ := nextOf(t, e, Input{Subjects: []Subject{
		member004("92无突出", "92", nil), member004("88无突出", "88", nil), member004("88突出", "88", yes), member004("59", "59", nil),
	}})
	for _, id := range []string{"92无突出", "88无突出"} {
		wantNext(t, got[id], NextCondition, "5", "", "不符合“五星级党员”的条件：有特别突出的优秀表现（未提供有特别突出的优秀表现），仅靠加分不能评为“五星级党员”",
			"但不符合“五星级党员”的条件")
	}
	wantNext(t, got["88突出"], NextReachable, "5", "2", "再得2分（等级总分由88分升至90分）即可评为“五星级党员”")
	wantNext(t, got["59"], NextReachable, "2", "1", "再得1分")
}

// TestNextBandEnterprise: 000 第四篇 "先进党(总)支部在达标党(总)支部中择优产生"
// (a condition, not points) and "有下列情况之一实行一票否决,取消评比资格" (a
// veto that limits the band to 达标).
func TestNextBandEnterprise(t *testing.T) {
	e := mustCompile(t, builtin.Enterprise())
	full := Vals("satisfaction", "96", "orgLifeRate", "99", "economic", "100", "selectedAdvanced", "1", "contribution", "1", "innovation", "1")
	unit := func(id string, facts Values, vetoes ...string) Subject {
		return Subject{ID: id, Kind: model.KindEnterprise, Facts: facts, Vetoes: vetoes,
			Sources: []SourceInput{one(model.SourceReview, nothingToDeduct(e)...)}}
	}
	var notSelected Values
	for _, nv := range full {
		if nv.Name != "selectedAdvanced" {
			notSelected = append(notSelected, nv)
		}
	}
	got, res := nextOf(t, e, Input{Subjects: []Subject{unit("未推荐", notSelected), unit("否决", full, "V5"), unit("模范", full)}})
	if b := find(t, res, "未推荐").Band; b != "standard" {
		t.Fatalf("未推荐: band %s", b)
	}
	wantNext(t, got["未推荐"], NextCondition, "advanced", "", "不符合“先进”的条件：组织部择优推荐为先进")
	wantNext(t, got["否决"], NextVeto, "advanced", "", "因否决条件“出现不稳定现象，集体上访、闹事、怠工”，最高评为“达标”，不能评为“先进”，加分无用")
	wantNext(t, got["模范"], NextTop, "", "")
}

// TestNextBandQuota: 002 篇十一 "五星级基层服务型党组织数量一般不超过基层党组织
// 总数的10%": of ten units one may be 五星; the 92 is moved to 四星 though
// it scored enough, and a reachable 五星 says the quota still decides.
func TestNextBandQuota(t *testing.T) {
	e := mustCompile(t, builtin.ServiceFiveStar())
	var in Input
	for _, sc := range []string{"95", "92", "85", "80", "75", "72", "70", "65", "60", "55"} {
		in.Subjects = append(in.Subjects, fiveStar(sc, sc, nil))
	}
	got, res := nextOf(t, e, in)
	if r := find(t, res, "92"); r.EarnedBand != "5" || r.Band != "4" {
		t.Fatalf("92: earned %s, band %s", r.EarnedBand, r.Band)
	}
	wantNext(t, got["92"], NextQuota, "5", "", "按分数和条件已评为“五星级”，因比例控制调整为“四星级”，不是分数不够",
		"由“五星级”调整为“四星级”", "取决于全部参评对象的得分")
	wantNext(t, got["85"], NextReachable, "5", "5", "再得5分", "另按“五星级基层服务型党组织数量一般不超过基层党组织总数的10%”：达到分数后能否评为“五星级”，还取决于名额")
	wantNext(t, got["95"], NextTop, "", "")
}

// TestNextBandStars: 002 篇十五 "每颗星总分值为10分,每项得8分及以上的为一个星级"
// — the next star to earn and what its score lacks; "取消当年度的评星资格" is a
// veto no points undo.
func TestNextBandStars(t *testing.T) {
	s := builtin.NonPublicMember()
	s.Quotas = nil
	e := mustCompile(t, s)
	member := func(id string, scores []string, vetoes ...string) Subject {
		codes := []string{"aigang", "jishu", "anquan", "fengxian", "chengxin"}
		var items []ItemInput
		for k, v := range scores {
			items = append(items, score(codes[k], v))
		}
		return Subject{ID: id, Parent: "B1", Vetoes: vetoes, Sources: []SourceInput{one(model.SourcePublic, items...)}}
	}
	in := Input{Subjects: []Subject{
		member("二星", []string{"9", "8.5", "7.5", "6", "3"}),
		member("一星", []string{"8", "5", "7", "2", "6.5"}),
		member("五星", []string{"8", "8", "8", "8", "8"}),
		member("否决", []string{"9", "9", "9", "9", "9"}, "discipline"),
	}}
	got, res := nextOf(t, e, in)
	if b := find(t, res, "二星").Band; b != "2" {
		t.Fatalf("二星: band %s", b)
	}
	// 7.5 → 8 earns 安全生产星: 0.5
	wantNext(t, got["二星"], NextReachable, "3", "0.5", "再得1颗星（现得2颗）即可评为“三星级党员”，各星共需再得0.5分", "安全生产星：得7.5分，还差0.5分（8分及以上可得）", "得星3颗，对应“三星级党员”")
	// 7 → 8 (安全生产星) is cheaper than 6.5 → 8 (诚实守信星): 1
	wantNext(t, got["一星"], NextReachable, "2", "1", "安全生产星：得7分，还差1分")
	wantNext(t, got["五星"], NextTop, "", "")
	wantNext(t, got["否决"], NextVeto, "", "", "一票否决：有违法违纪行为，受党内警告及以上处分，已取消本期评定资格，加分无用")

	// A star that cannot be earned by points: 诚实守信星 set to need 11 of 10.
	s.Stars.Stars[4].Earn = rangeP(model.AtLeast("11"))
	e = mustCompile(t, s)
	got, _ = nextOf(t, e, Input{Subjects: []Subject{member("四星", []string{"9", "9", "9", "9", "9"})}})
	wantNext(t, got["四星"], NextStars, "5", "", "评为“五星级党员”须得星5颗，现得4颗，提高得分最多还能再得0颗", "诚实守信星：满分10分，达不到11分及以上")
}

func rangeP(r model.Range) *model.Range { return &r }

// TestNextBandNoInput: a subject missing from the input is said so.
func TestNextBandNoInput(t *testing.T) {
	e := mustCompile(t, builtin.MemberFlagStar())
	in := Input{Subjects: []Subject{member004("a", "80", nil), member004("b", "70", nil)}}
	res := e.Score(in)
	nbs := e.NextBands(res, Input{Subjects: []Subject{in.Subjects[1]}}) // out of order, one missing
	if nbs[0].Block != NextNone || nbs[1].Band != "4" || !nbs[1].Reachable || !nbs[1].Need.Equal(dec("10")) {
		t.Errorf("got %+v", nbs)
	}
}

// checkAnalyses checks that NextBands, Inflation and RaterOutliers hold
// together with the result they read: the band rule tried at a subject's
// own grade gives the band it earned; a reachable band is earned at grade
// + Need and not 0.01 below; gaps add up and come largest first.
func checkAnalyses(t *testing.T, e *Engine, in Input, res *Result) {
	t.Helper()
	x := newNexter(e)
	nbs := e.NextBands(res, in)
	if len(nbs) != len(res.Subjects) {
		t.Fatalf("%d answers for %d subjects", len(nbs), len(res.Subjects))
	}
	for i, nb := range nbs {
		r, sub := &res.Subjects[i], &in.Subjects[i]
		if len(nb.Why) == 0 || nb.Subject != r.ID {
			t.Errorf("%s: answer %+v", r.ID, nb)
		}
		if nb.Reachable != (nb.Block == NextReachable) || (nb.Reachable && nb.Need.Sign() <= 0) {
			t.Errorf("%s: reachable %v, block %q, need %s", r.ID, nb.Reachable, nb.Block, nb.Need)
		}
		if r.Disqualified || len(e.s.Bands) == 0 {
			continue
		}
		lift := 0
		for _, code := range r.Vetoes {
			if j, ok := e.vetoLimit(&e.s.Vetoes[e.vetoIdx[code]]); ok {
				lift = max(lift, j)
			}
		}
		earned := e.bandIndex(r.EarnedBand)
		if k := x.bandAt(r, sub, lift, r.Grade, r.Stars, r.StarCount, nil); k != earned && !(k < 0 && r.EarnedBand == "") {
			t.Errorf("%s: the band rule at grade %s gives %d, scoring gave %q", r.ID, r.Grade, k, r.EarnedBand)
		}
		if !nb.Reachable || byCount(e) {
			continue
		}
		cur := e.bandIndex(r.Band)
		g := r.Grade.Add(nb.Need)
		if k := x.bandAt(r, sub, lift, g, r.Stars, r.StarCount, nil); k < 0 || k >= cur || e.s.Bands[k].Code != nb.Band {
			t.Errorf("%s: at %s the band is %d, not %q", r.ID, g, k, nb.Band)
		}
		if k := x.bandAt(r, sub, lift, g.Sub(dec("0.01")), r.Stars, r.StarCount, nil); k >= 0 && k < cur {
			t.Errorf("%s: %s − 0.01 already earns band %d", r.ID, g, k)
		}
	}
	if len(e.s.Sources) > 1 {
		gaps := Inflation(res, e.s.Sources[0].Code, e.s.Sources[1].Code)
		for k, g := range gaps {
			if !g.Gap.Equal(g.Self.Sub(g.Review)) || len(g.Why) == 0 || (k > 0 && gaps[k-1].Gap.Less(g.Gap)) {
				t.Errorf("gap %d: %+v", k, g)
			}
			for j, it := range g.Items {
				if !it.Gap.Equal(it.Self.Sub(it.Review)) || it.Gap.IsZero() || (j > 0 && g.Items[j-1].Gap.Less(it.Gap)) {
					t.Errorf("%s item %d: %+v", g.Subject, j, it)
				}
			}
		}
	}
	for _, rb := range e.RaterOutliers(in) {
		if rb.Subjects < 1 || len(rb.Why) == 0 {
			t.Errorf("rater %+v", rb)
		}
	}
}

// TestAnalysesOnEveryScheme runs checkAnalyses over every built-in scheme
// and the prefecture ones with inputs of several patterns.
func TestAnalysesOnEveryScheme(t *testing.T) {
	for _, s := range fuzzSchemes() {
		e := mustCompile(t, s)
		for _, pat := range []string{"\x05\x09\x11\x02\x07", "\x01\xff\x80\x40\x20\x10", "\x09\x09\x09\x09\x63\x00\x31"} {
			in := fuzzInput(&bytesReader{b: []byte(strings.Repeat(pat, 80))}, e)
			checkAnalyses(t, e, in, e.Score(in))
		}
	}
	e := mustCompile(t, prefectureUnitScheme())
	in := prefectureUnits(e.Scheme(), 400, newRand())
	for u := range in.Subjects {
		in.Subjects[u].Parent = fmt.Sprintf("T%02d", u%20) // 20 townships of 20: few kept 五星 by "每个乡镇至少一个"
	}
	res := e.Score(in)
	checkAnalyses(t, e, in, res)
	reach, blocks := 0, map[NextBlock]int{}
	for _, nb := range e.NextBands(res, in) {
		blocks[nb.Block]++
		if nb.Reachable {
			reach++
		}
	}
	if reach < 100 || blocks[NextTop] == 0 {
		t.Errorf("the prefecture sample checks too little: %v", blocks)
	}
}
