package documents

import (
	"testing"

	"xingji/model"
)

// TestFormulaWords: a formula is shown in words, its variable names (keys)
// never; a name inside another name is not replaced.
func TestFormulaWords(t *testing.T) {
	f := &model.FormulaRule{
		Expr: "badgeRate >= 100 && demoRate >= 10 && pioneerPosts >= 1 ? 5 : 0",
		Vars: []model.Var{
			{Name: "badgeRate", Label: "党徽佩戴率", Unit: "%"},
			{Name: "demoRate", Label: "党员示范户比例", Unit: "%"},
			{Name: "pioneerPosts", Label: "开展党员先锋岗活动"},
		},
	}
	got := formulaWords(f)
	want := "党徽佩戴率（%） ≥ 100 且 党员示范户比例（%） ≥ 10 且 开展党员先锋岗活动 ≥ 1 时得 5 分；否则 0 分"
	if got != want {
		t.Errorf("formulaWords:\n got %q\nwant %q", got, want)
	}
	g := &model.FormulaRule{Expr: "rate2 > rate ? 1 : 0", Vars: []model.Var{{Name: "rate", Label: "甲"}, {Name: "rate2", Label: "乙"}}}
	if got := formulaWords(g); got != "乙 > 甲 时得 1 分；否则 0 分" {
		t.Errorf("names inside names: %q", got)
	}
}
