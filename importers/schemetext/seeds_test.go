package schemetext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xingji/model"
)

// seedDir holds the committees' own rubrics (simplified Chinese), kept in the
// repository so the tests run on a fresh clone.
const seedDir = "../../testdata/seeds"

func readSeed(t testing.TB, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(seedDir, prefix+"_*.txt"))
	if len(m) != 1 {
		t.Fatalf("seed %s not found in %s", prefix, seedDir)
	}
	f, err := os.Open(m[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text, err := ReadFile(filepath.Base(m[0]), f)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// seedPart returns the parsed part of a seed whose title starts with title.
func seedPart(t *testing.T, seed, title string) Result {
	t.Helper()
	for _, p := range ParseDocument(readSeed(t, seed)) {
		if strings.HasPrefix(p.Title, title) {
			return p.Result
		}
	}
	t.Fatalf("seed %s: part %q not found", seed, title)
	return Result{}
}

// TestSeedTotals: every seed rubric that states its points parses to its
// stated total, with the stated number of items.
func TestSeedTotals(t *testing.T) {
	tests := []struct {
		seed, part string
		total      string
		items      int
		kinds      int  // unit kinds with their own 100-point block
		derived    bool // the total is the sum of the parts' headings ("一、领导班子好(20分)" ×5), not a sentence
	}{
		// "乌鲁木齐县创先争优活动考核细则(100分)": 36 items, 35 per kind (四、乡镇指标 / 五、窗口单位指标).
		{"000", "第一篇", "100", 36, 2, false},
		// "㈠、考核内容(合计100分)": 组织部 10 + 宣传部 4 + 党办 3 + 纪委办 1 (six clauses, no points each) + 干部部 4, plus 6 加分项目.
		{"000", "第四篇", "100", 28, 0, false},
		// "(一)、带头学习提高(20分)" … five parts × four items of 5分.
		{"004", "第二篇", "100", 20, 0, true},
		// "XX先锋旗评定标准": "一、领导班子好(20分)" … 五好 × 20.
		{"004", "第三篇", "100", 26, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.seed+tt.part, func(t *testing.T) {
			r := seedPart(t, tt.seed, tt.part)
			want := model.D4(tt.total)
			if !r.DeclaredTotal.Equal(want) || !r.ComputedTotal.Equal(want) {
				t.Errorf("declared %s computed %s, want %s; problems %v", r.DeclaredTotal, r.ComputedTotal, want, r.Problems)
			}
			if r.Items != tt.items {
				t.Errorf("items = %d, want %d", r.Items, tt.items)
			}
			if len(r.KindTotals) != tt.kinds {
				t.Errorf("kind totals = %v, want %d kinds", r.KindTotals, tt.kinds)
			}
			for _, kt := range r.KindTotals {
				if !kt.Total.Equal(want) {
					t.Errorf("kind %s total %s, want %s", kt.Kind, kt.Total, want)
				}
			}
			if !r.TotalsMatch || !r.OK() {
				t.Errorf("totals should match: %v", r.Problems)
			}
			derived := strings.Contains(strings.Join(r.Problems, "\n"), "文档没有写明总分")
			if derived != tt.derived {
				t.Errorf("derived total reported = %v, want %v: %v", derived, tt.derived, r.Problems)
			}
			for _, p := range r.Problems {
				if strings.Contains(p, "下列各项合计") {
					t.Errorf("section sum problem: %s", p)
				}
			}
		})
	}
}

// TestSeed000EnterpriseParts checks the departments, bonus items and the
// veto list of 000 第四篇.
func TestSeed000EnterpriseParts(t *testing.T) {
	r := seedPart(t, "000", "第四篇")
	var bonus int
	depts := map[string]model.Decimal{}
	r.Scheme.Walk(func(path []*model.Section, it *model.Item) {
		if it.Bonus {
			bonus++
			return
		}
		d := model.EffectiveDepartment(path, it)
		depts[d] = depts[d].Add(it.Points)
	})
	if bonus != 6 {
		t.Errorf("bonus items = %d, want 6 (㈡、加分项目)", bonus)
	}
	for d, want := range map[string]string{"组织部": "60", "宣传部": "10", "党委办公室": "10", "纪委办公室": "10", "干部部": "10"} {
		if !depts[d].Equal(model.D4(want)) {
			t.Errorf("department %s = %s, want %s (all: %v)", d, depts[d], want, depts)
		}
	}
	// "有下列情况之一实行一票否决,取消评比资格:" and seven entries.
	if len(r.Scheme.Vetoes) != 7 {
		t.Fatalf("vetoes = %d, want 7: %+v", len(r.Scheme.Vetoes), r.Scheme.Vetoes)
	}
	if v := r.Scheme.Vetoes[1]; v.Department != "企管部" || v.Effect != model.VetoNoAward {
		t.Errorf("veto 2 = %+v", v)
	}
	// "10、经营责任制及各项行政管理工作(30分)。按工厂经营责任制考核实际得分结果,同比例扣减分数。"
	if it := r.Scheme.Item("10"); it == nil || it.Rule.Kind != model.RuleProportional || !it.Points.Equal(model.Dec(30)) {
		t.Errorf("item 10 = %+v", it)
	}
}

// TestSeedsWithoutItemPoints: 002 states totals ("评分标准满分100分", "总分为110分")
// but no item points; 003 lost its numbers ("扣分(基本分扣完为止,下同)").
func TestSeedsWithoutItemPoints(t *testing.T) {
	r := seedPart(t, "002", "支部星级化创建方案篇十一")
	if !r.DeclaredTotal.Equal(model.Dec(100)) || r.Items != 0 || r.OK() {
		t.Errorf("002 篇十一: declared %s items %d", r.DeclaredTotal, r.Items)
	}
	if !strings.Contains(strings.Join(r.Problems, ""), "没有写明各项分值") {
		t.Errorf("002 篇十一 problems: %v", r.Problems)
	}
	r = seedPart(t, "002", "支部星级化创建方案篇五")
	if !r.DeclaredTotal.Equal(model.Dec(110)) || r.Items != 0 {
		t.Errorf("002 篇五: declared %s items %d", r.DeclaredTotal, r.Items)
	}

	parts := ParseDocument(readSeed(t, "003"))
	if len(parts) != 1 {
		t.Fatalf("003: %d parts", len(parts))
	}
	r = parts[0].Result
	if r.Items != 0 || r.OK() || !r.DeclaredTotal.IsZero() {
		t.Errorf("003: items %d declared %s", r.Items, r.DeclaredTotal)
	}
	if !strings.Contains(strings.Join(r.Problems, ""), "文档中没有写明分值") {
		t.Errorf("003 should say the points are missing: %v", r.Problems)
	}
	lost := 0
	for _, f := range r.Unrecognised {
		if strings.Contains(f.Why, "数字缺失") {
			lost++
		}
	}
	if lost < 10 {
		t.Errorf("003: %d lines with missing deductions reported, want many", lost)
	}
}
