package scoring

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"xingji/model"
	"xingji/scoring/builtin"
)

// TestInflation: 002 篇十二 "根据村党组织自评和乡党委考评结果,按照3:7的比例加权
// 计分" — the two sources' own item scores, before weighting, compared.
//
//	高报 self 20 20 19 18 18 = 95, review 16 18 17 15 18 = 84: +11
//	     policy +4, livelihood +3, law +2, skills +2 (economy equal, not listed)
//	整表 self gives a whole-form 96, review 18 × 5 = 90: +6, no items
//	持平 18 × 5 both: 0
//	低报 self 15 × 5 = 75, review 16 × 5 = 80: −5
//	缺项 self scores four items 20 each, review 18 × 5: +8 on the four both scored
//	无自评 review only: not listed
func TestInflation(t *testing.T) {
	e := mustCompile(t, builtin.Village())
	v := func(id string, srcs ...SourceInput) Subject {
		return Subject{ID: id, Name: id + "村", Kind: model.KindRural, Sources: srcs}
	}
	self, review := model.SourceSelf, model.SourceReview
	res := e.Score(Input{Subjects: []Subject{
		v("低报", villageSource(self, "15", "15", "15", "15", "15"), villageSource(review, "16", "16", "16", "16", "16")),
		v("持平", villageSource(self, "18", "18", "18", "18", "18"), villageSource(review, "18", "18", "18", "18", "18")),
		v("高报", villageSource(self, "20", "20", "19", "18", "18"), villageSource(review, "16", "18", "17", "15", "18")),
		v("无自评", villageSource(review, "18", "18", "18", "18", "18")),
		v("整表", totals(self, "96"), villageSource(review, "18", "18", "18", "18", "18")),
		v("缺项", villageSource(self, "20", "20", "20", "20"), villageSource(review, "18", "18", "18", "18", "18")),
	}})
	gaps := Inflation(res, self, review)
	var order []string
	for _, g := range gaps {
		order = append(order, g.Subject)
		if len(g.Why) == 0 {
			t.Errorf("%s: unexplained", g.Subject)
		}
	}
	if got := strings.Join(order, " "); got != "高报 缺项 整表 持平 低报" {
		t.Fatalf("order %s", got)
	}
	hi := gaps[0]
	eq(t, "高报 self", hi.Self, "95")
	eq(t, "高报 review", hi.Review, "84")
	eq(t, "高报 gap", hi.Gap, "11")
	var items []string
	for _, it := range hi.Items {
		items = append(items, it.Item+":"+it.Gap.String())
	}
	if got := strings.Join(items, " "); got != "policy:4 livelihood:3 law:2 skills:2" {
		t.Errorf("高报 items %s", got)
	}
	mustContain(t, "高报", hi.Why, "按双方都评分的5个项目（含加减分项）：村党组织自评95分，乡党委考评84分，村党组织自评高出11分",
		"其中4项村党组织自评高于乡党委考评，0项低于", "相差最大的是项目“policy 服务政策宣传星", "村党组织自评20分，乡党委考评16分")
	eq(t, "缺项 gap", gaps[1].Gap, "8")
	mustContain(t, "缺项", gaps[1].Why, "按双方都评分的4个项目")
	if gaps[2].Items != nil {
		t.Errorf("整表: items %v", gaps[2].Items)
	}
	eq(t, "整表 gap", gaps[2].Gap, "6")
	mustContain(t, "整表", gaps[2].Why, "按两个来源的小计（村党组织自评或乡党委考评无逐项得分）：村党组织自评96分，乡党委考评90分")
	mustContain(t, "持平", gaps[3].Why, "两者相同")
	eq(t, "低报 gap", gaps[4].Gap, "-5")
	// the sort key: larger gap first, then position; no overflow at the extremes
	if !(gapKey(model.MaxDecimal, 9) < gapKey(dec("1"), 0) && gapKey(dec("1"), 0) < gapKey(dec("1"), 1) &&
		gapKey(dec("1"), 1) < gapKey(dec("-1"), 0) && gapKey(dec("-1"), 0) < gapKey(model.MinDecimal, 0)) {
		t.Error("gapKey misorders")
	}
	mustContain(t, "低报", gaps[4].Why, "村党组织自评低5分", "0项村党组织自评高于乡党委考评，5项低于")
}

// TestSourceItemsJSON: a source's item scores are kept beside the weighted
// ones, written null where the source did not score, and round-trip.
func TestSourceItemsJSON(t *testing.T) {
	e := mustCompile(t, builtin.Village())
	res := e.Score(Input{Subjects: []Subject{{ID: "a", Kind: model.KindRural, Sources: []SourceInput{
		villageSource(model.SourceSelf, "20", "19.5", "20", "20"), villageSource(model.SourceReview, "18", "18", "18", "18", "17.25")}}}})
	r := &res.Subjects[0]
	if v, ok := r.Sources[0].Items.At(1); !ok || !v.Equal(dec("19.5")) {
		t.Errorf("self's second item: %s %v", v, ok)
	}
	if _, ok := r.Sources[0].Items.At(4); ok {
		t.Error("self did not score the fifth item")
	}
	b, err := json.Marshal(r.Sources)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"items":[20,19.5,20,20,null]`, `"items":[18,18,18,18,17.25]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
	var back []SourceResult
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, r.Sources) {
		t.Error("round trip changed the sources")
	}
	// one source: nothing to compare, nothing kept
	s := builtin.ServiceFiveStar()
	one := mustCompile(t, s).Score(Input{Subjects: []Subject{fiveStar("x", "90", nil)}})
	if one.Subjects[0].Sources[0].Items != nil {
		t.Error("a single source keeps its item scores")
	}
}

// TestRaterOutliers: 004 第二篇 "由党员互相评议得分,最后以平均值为综合测评得分"
// — whole-form totals per rater, anonymous raters numbered per branch.
//
//	B1 a: 80 80 80 95 → rater 4: 95 − 80 = +15; raters 1–3: 80 − 255/3 = −5
//	B1 b: 70 70 70 85 → 4: +15
//	B1 c: 90 90 90 100 → 4: 100 − 90 = +10; 1–3: 90 − 280/3 = −3.3333
//	   rater 4 of B1: (15 + 15 + 10) / 3 = 13.33 ≥ 10% of 100 → listed
//	   raters 1–3 of B1: (−5 − 5 − 3.3333) / 3 = −4.44 → not
//	B2 d: 80 60 80 80 → rater 2: 60 − 80 = −20 → listed; rater 4: 80 − 220/3 = +6.67 → not
//	   (grouped over both branches rater 4 would be (15+15+10+6.6667)/4 = 11.67 over 4)
func TestRaterOutliers(t *testing.T) {
	s := builtin.MemberFlagStar()
	member := func(id, parent string, peer ...string) Subject {
		p := totals(model.SourcePeer, peer...)
		p.Raters = []string{"1", "2", "3", "4"}
		return Subject{ID: id, Name: id, Parent: parent, Sources: []SourceInput{totals(model.SourceSelf, "90"), p}}
	}
	got := RaterOutliers(s, Input{Subjects: []Subject{
		member("a", "B1", "80", "80", "80", "95"), member("b", "B1", "70", "70", "70", "85"),
		member("c", "B1", "90", "90", "90", "100"), member("d", "B2", "80", "60", "80", "80"),
	}})
	if len(got) != 2 {
		t.Fatalf("%d outliers: %+v", len(got), got)
	}
	w := []struct {
		parent, rater, dev string
		n                  int
	}{{"B2", "2", "-20", 1}, {"B1", "4", "13.33", 3}}
	for k, x := range w {
		g := got[k]
		if g.Parent != x.parent || g.Rater != x.rater || g.Subjects != x.n || g.Source != model.SourcePeer {
			t.Errorf("%d: %+v, want %+v", k, g, x)
		}
		eq(t, g.Parent+"/"+g.Rater, g.MeanDev, x.dev)
	}
	mustContain(t, "B1/4", got[1].Why, "党员互评评分人“4”在“B1”评了3个对象（均有其他人同时评分），平均比其他评分人高13.33分，达到满分100分的10%（10分）",
		"偏离最大的是a：比其他评分人的平均高15分")
	mustContain(t, "B2/2", got[0].Why, "平均比其他评分人低20分")
}

// TestRaterOutliersItems: 002 篇十五 "每颗星总分值为10分" rated item by item by
// the members and staff: four raters give 9 on every star, E gives 6, an
// unnamed rater 9. E: (6 − 9) × 5 = −15 ≥ 5 (10% of 50) → listed; A: 9 −
// (9×4 + 6)/5 = +0.6 per star, +3 → not.
func TestRaterOutliersItems(t *testing.T) {
	s := builtin.NonPublicMember()
	rating := func(rater, v string) Rating {
		var items []ItemInput
		for _, c := range []string{"aigang", "jishu", "anquan", "fengxian", "chengxin"} {
			items = append(items, score(c, v))
		}
		return Rating{Rater: rater, Items: items}
	}
	in := Input{Subjects: []Subject{{ID: "m", Name: "张三", Sources: []SourceInput{{Source: model.SourcePublic, Ratings: []Rating{
		rating("A", "9"), rating("B", "9"), rating("C", "9"), rating("D", "9"), rating("E", "6"), rating("", "9")}}}}}}
	got := RaterOutliers(s, in)
	if len(got) != 1 || got[0].Rater != "E" || got[0].Subjects != 1 {
		t.Fatalf("%+v", got)
	}
	eq(t, "E", got[0].MeanDev, "-15")
	mustContain(t, "E", got[0].Why, "平均比其他评分人低15分，达到满分50分的10%（5分）", "偏离最大的是张三")
}
