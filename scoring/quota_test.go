package scoring

import (
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// units scores twenty 002 篇十一 units with the given review scores; the
// rest score 75 (三星).
func fiveStarBatch(t *testing.T, s model.Scheme, scores ...string) *Result {
	t.Helper()
	e := mustCompile(t, s)
	var subs []Subject
	for i := 0; i < 20; i++ {
		v := "75"
		if i < len(scores) {
			v = scores[i]
		}
		subs = append(subs, fiveStar("u"+itoa(i+1), v, nil))
	}
	return e.Score(Input{Subjects: subs})
}

func bands(t *testing.T, r *Result, want map[string]string) {
	t.Helper()
	for id, b := range want {
		s := find(t, r, id)
		if s.Band != b {
			t.Errorf("%s (grade %s): band %s, want %s; why: %s", id, s.Grade, s.Band, b, texts(s.BandWhy))
		}
	}
}

func quotaResult(t *testing.T, r *Result, code, parent string) *QuotaResult {
	t.Helper()
	for i := range r.Quotas {
		if r.Quotas[i].Quota == code && r.Quotas[i].Parent == parent {
			return &r.Quotas[i]
		}
	}
	t.Fatalf("no quota result %s/%s", code, parent)
	return nil
}

// TestQuotaAtMost: 002 篇十一 "五星级基层服务型党组织数量一般不超过基层党组织总数的
// 10%": of 20 units at most 2 are 五星; filled from the top score down, the
// others move to 四星.
func TestQuotaAtMost(t *testing.T) {
	r := fiveStarBatch(t, builtin.ServiceFiveStar(), "98", "96", "94", "92", "50")
	bands(t, r, map[string]string{"u1": "5", "u2": "5", "u3": "4", "u4": "4"})
	q := quotaResult(t, r, "five10", "")
	if q.Limit != 2 || q.Count != 2 || !q.Met || len(q.Moved) != 2 {
		t.Errorf("quota %+v", q)
	}
	mustContain(t, "u3", find(t, r, "u3").BandWhy, "按“五星级基层服务型党组织数量一般不超过基层党组织总数的10%”：名额2个，按总分从高到低未进入，由“五星级”调整为“四星级”")
	mustContain(t, "five10", q.Why, "共20个 × 10% = 2，向下取整为2个")
}

// TestQuotaTieAtBoundary: ties at the boundary all move down and say so:
// 98, 95, 95 for two places → 98 stays, both 95 move to 四星.
func TestQuotaTieAtBoundary(t *testing.T) {
	r := fiveStarBatch(t, builtin.ServiceFiveStar(), "98", "95", "95", "50")
	bands(t, r, map[string]string{"u1": "5", "u2": "4", "u3": "4"})
	mustContain(t, "u2", find(t, r, "u2").BandWhy, "2人同分并列，并列者同进同退")
	if q := quotaResult(t, r, "five10", ""); q.Count != 1 {
		t.Errorf("five10 count %d, want 1 (the tie is not split)", q.Count)
	}
}

// TestQuotaTieBreak: with a secondary key (the scheme's TieBreak) the tie is
// resolved by it instead: here a fact "satisfaction" — the higher keeps 五星.
func TestQuotaTieBreak(t *testing.T) {
	s := builtin.ServiceFiveStar()
	s.TieBreak = []string{"fact:satisfaction"}
	e := mustCompile(t, s)
	var subs []Subject
	subs = append(subs, fiveStar("u1", "98", nil), fiveStar("u2", "95", Vals("satisfaction", "90")), fiveStar("u3", "95", Vals("satisfaction", "95")))
	for i := 4; i <= 20; i++ {
		subs = append(subs, fiveStar("u"+itoa(i), "75", nil))
	}
	subs[3] = fiveStar("u4", "50", nil)
	r := e.Score(Input{Subjects: subs})
	bands(t, r, map[string]string{"u1": "5", "u3": "5", "u2": "4"})
	if find(t, r, "u3").Rank != 2 || find(t, r, "u2").Rank != 3 {
		t.Errorf("ranks %d %d", find(t, r, "u3").Rank, find(t, r, "u2").Rank)
	}
}

// TestQuotaAtLeastBelow: "一星级以下党组织数量一般不低于基层党组织总数的10%": of 20
// units at least 2 are 一星 or below; when none scored that low, the
// lowest-scoring move down; a tie at the boundary moves down whole.
func TestQuotaAtLeastBelow(t *testing.T) {
	r := fiveStarBatch(t, builtin.ServiceFiveStar(), "61", "62", "63")
	bands(t, r, map[string]string{"u1": "1", "u2": "1", "u3": "2"})
	mustContain(t, "u1", find(t, r, "u1").BandWhy, "由“二星级”调整为“一星级”")
	tie := fiveStarBatch(t, builtin.ServiceFiveStar(), "61", "62", "62", "63")
	bands(t, tie, map[string]string{"u1": "1", "u2": "1", "u3": "1", "u4": "2"})
	if q := quotaResult(t, tie, "one10", ""); q.Count != 3 || !q.Met {
		t.Errorf("one10 %+v", q)
	}
}

// TestQuotaGroupThatCannotLeaveStays: 002 篇十一 "一星级以下党组织数量一般不低于
// 基层党组织总数的10%", beside an "at least" quota the office added: 二星 at
// least 15%. Of 20 units, 2 must be 一星 or below and 3 二星. u1–u3 (61, 62,
// 63) are the three 二星: moving any of them down would leave 二星 with 2 < 3,
// so none moves; the next lowest above, u4 (71) and u5 (72), go to 一星 instead.
func TestQuotaGroupThatCannotLeaveStays(t *testing.T) {
	s := builtin.ServiceFiveStar()
	s.Quotas = append(s.Quotas, model.Quota{Code: "two15", Band: "2", Mode: model.QuotaAtLeast, Share: dp("15")})
	r := fiveStarBatch(t, s, "61", "62", "63", "71", "72")
	bands(t, r, map[string]string{"u1": "2", "u2": "2", "u3": "2", "u4": "1", "u5": "1", "u6": "3"})
	mustContain(t, "u4", find(t, r, "u4").BandWhy, "为其上最低", "由“三星级”调整为“一星级”")
	if q := quotaResult(t, r, "one10", ""); q.Count != 2 || !q.Met {
		t.Errorf("one10 %+v", q)
	}
	if q := quotaResult(t, r, "two15", ""); q.Count != 3 || !q.Met {
		t.Errorf("two15 %+v", q)
	}
}

// nonPublic is a member of 002 篇十五 with five star scores.
func nonPublic(id, branch string, vs ...string) Subject {
	codes := []string{"aigang", "jishu", "anquan", "fengxian", "chengxin"}
	var items []ItemInput
	for k, v := range vs {
		items = append(items, score(codes[k], v))
	}
	return Subject{ID: id, Name: id, Parent: branch, Sources: []SourceInput{one(model.SourcePublic, items...)}}
}

// TestQuotaPerBranch: 002 篇十五 "五星级党员一般不超过党员总数的10%,原则上每个支部
// 至少有一名五星级党员". Two branches of 10: at most 2 五星. Branch A has three
// members with five stars, branch B none (its best has four): B's best is
// reserved and lifted to 五星, A keeps its best, A's other two move to 四星.
func TestQuotaPerBranch(t *testing.T) {
	s := builtin.NonPublicMember()
	s.Quotas = s.Quotas[:3] // without 三星 ≥ 60%, tested below
	e := mustCompile(t, s)
	var subs []Subject
	subs = append(subs, nonPublic("a1", "A", "10", "10", "9", "9", "9"), nonPublic("a2", "A", "9", "9", "9", "9", "8"),
		nonPublic("a3", "A", "9", "9", "8", "8", "8"), nonPublic("b1", "B", "9", "9", "9", "8", "7"))
	for i := 0; i < 7; i++ {
		subs = append(subs, nonPublic("a"+itoa(i+4), "A", "7", "7", "7", "7", "7"))
	}
	for i := 0; i < 9; i++ {
		subs = append(subs, nonPublic("b"+itoa(i+2), "B", "7", "7", "7", "7", "7"))
	}
	r := e.Score(Input{Subjects: subs})
	bands(t, r, map[string]string{"a1": "5", "b1": "5", "a2": "4", "a3": "4"})
	mustContain(t, "b1", find(t, r, "b1").BandWhy, "原则上每个支部至少有一名五星级党员", "本单位总分最高", "由“四星级党员”调整为“五星级党员”")
	if q := quotaResult(t, r, "five10", ""); q.Count != 2 || !q.Met {
		t.Errorf("five10 %+v", q)
	}
}

// TestQuotaPerBranchBeatsShare: when one per branch cannot fit within the
// share (3 branches of 3: 10% of 9 is 0), the per-branch minimum wins and
// the result says so.
func TestQuotaPerBranchBeatsShare(t *testing.T) {
	s := builtin.NonPublicMember()
	s.Quotas = s.Quotas[:2]
	e := mustCompile(t, s)
	var subs []Subject
	for _, b := range []string{"A", "B", "C"} {
		subs = append(subs, nonPublic(b+"1", b, "9", "9", "9", "9", "9"), nonPublic(b+"2", b, "8", "8", "8", "8", "8"), nonPublic(b+"3", b, "5", "5", "5", "5", "5"))
	}
	r := e.Score(Input{Subjects: subs})
	bands(t, r, map[string]string{"A1": "5", "B1": "5", "C1": "5", "A2": "4"})
	if !issuesContain(r.Issues, "以“至少”为准") {
		t.Errorf("issues %q", r.Issues)
	}
	if q := quotaResult(t, r, "five10", ""); q.Met || q.Limit != 0 || q.Count != 3 {
		t.Errorf("five10 %+v", q)
	}
}

// TestQuotaAtLeastPromotes: "三星级党员作为星级党员的主体,应占党员总数的60%以上": of 10
// members at least 6 are 三星; the best-scoring below are lifted, but not
// one whose "每颗星的平均得分为4分及以下" caps them at 二星.
//
// Earned: p1 五星, p2 四星, p3–p4 三星, p5 二星 (total 37), p6 一星 (36),
// p7 无星 (35), p8 无星 (34), p9 无星 (20, average 4 → at most 二星), p10 无星 (30).
// Need 6 三星, have 2: lift p5, p6, p7, p8 (in total order); p9 cannot be
// lifted, p10 is not needed.
func TestQuotaAtLeastPromotes(t *testing.T) {
	s := builtin.NonPublicMember()
	s.Quotas = s.Quotas[3:] // only 三星 ≥ 60%
	e := mustCompile(t, s)
	r := e.Score(Input{Subjects: []Subject{
		nonPublic("p1", "A", "10", "10", "10", "10", "10"), nonPublic("p2", "A", "9", "9", "9", "9", "7"),
		nonPublic("p3", "A", "9", "9", "9", "7", "7"), nonPublic("p4", "A", "8", "8", "8", "7", "7"),
		nonPublic("p5", "A", "8", "8", "7", "7", "7"), nonPublic("p6", "A", "8", "7", "7", "7", "7"),
		nonPublic("p7", "A", "7", "7", "7", "7", "7"), nonPublic("p8", "A", "7", "7", "7", "7", "6"),
		nonPublic("p9", "A", "4", "4", "4", "4", "4"), nonPublic("p10", "A", "6", "6", "6", "6", "6"),
	}})
	bands(t, r, map[string]string{"p1": "5", "p2": "4", "p3": "3", "p4": "3", "p5": "3", "p6": "3", "p7": "3", "p8": "3", "p9": "0", "p10": "0"})
	mustContain(t, "p5", find(t, r, "p5").BandWhy, "应占党员总数的60%以上", "由“二星级党员”调整为“三星级党员”")
	if q := quotaResult(t, r, "three60", ""); q.Count != 6 || !q.Met || q.Limit != 6 {
		t.Errorf("three60 %+v", q)
	}
}

// TestQuotaImpossible: quotas that can never all be met are flagged by
// Validate (naming the quotas), and one that cannot be met with the
// subjects at hand is flagged in the result.
func TestQuotaImpossible(t *testing.T) {
	s := builtin.ServiceFiveStar()
	s.Quotas = append(s.Quotas,
		model.Quota{Code: "three60", Band: "3", Mode: model.QuotaAtLeast, Share: dp("60")},
		model.Quota{Code: "five30", Band: "5", Mode: model.QuotaAtLeast, Share: dp("30")})
	ps := s.Problems()
	var impossible []string
	for _, p := range ps {
		if p.Code == model.PQuotaImpossible {
			impossible = append(impossible, p.Message)
		}
	}
	// 五星 ≥30% vs ≤10%; and 60% + 30% + 10% = 100% is still possible
	if len(impossible) != 1 || !issuesContain(impossible, "“five30”要求至少30%，但“five10”规定至多10%") {
		t.Errorf("problems %q", impossible)
	}
	s.Quotas = append(s.Quotas, model.Quota{Code: "two20", Band: "2", Mode: model.QuotaAtLeast, Share: dp("20")})
	found := false
	for _, p := range s.Problems() {
		found = found || (p.Code == model.PQuotaImpossible && issuesContain([]string{p.Message}, "合计120%"))
	}
	if !found {
		t.Errorf("60%% + 30%% + 20%% + 10%% not flagged: %v", s.Problems())
	}

	// At run time: at least 3 per branch, a branch of 2.
	m := builtin.NonPublicMember()
	m.Quotas = []model.Quota{{Code: "three", Band: "5", Mode: model.QuotaAtLeast, Count: ptrInt(3), PerParent: true}}
	e := mustCompile(t, m)
	r := e.Score(Input{Subjects: []Subject{nonPublic("x1", "X", "9", "9", "9", "9", "9"), nonPublic("x2", "X", "8", "8", "8", "8", "8")}})
	if !issuesContain(r.Issues, "没有足够符合条件的对象") {
		t.Errorf("issues %q", r.Issues)
	}
	if q := quotaResult(t, r, "three", "X"); q.Met {
		t.Errorf("quota met with 2 of 3: %+v", q)
	}
}
