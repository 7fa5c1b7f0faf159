package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"xingji/model"
)

// tabText joins the labels of a settings tab.
func tabText(d *settingsDialog, i int) string {
	var b strings.Builder
	walkObjects(d.tabs.Items[i].Content, func(o fyne.CanvasObject) {
		for _, t := range textsOf(o) {
			b.WriteString(t + "\n")
		}
	})
	return b.String()
}

func TestSchemeSettingsOtherRules(t *testing.T) {
	s, store := newSchemesScreen(t)
	chooseScheme(t, s, "fuwu-wuxing", "1")
	d := s.showSettings()
	d.tabs.SelectIndex(4)
	shot(t, s, "settings-other.png")
	txt := tabText(d, 4)
	for _, w := range []string{"扣分和限制", "民主评议满意率较低", "条件：", "原文：", "不按期换届"} {
		if !strings.Contains(txt, w) {
			t.Errorf("其他规定 should show %q:\n%s", w, txt)
		}
	}
	if strings.Contains(txt, "不能在这里修改。\n") && !strings.Contains(txt, "数字和等次可以在这里修改") {
		t.Error("the tab should say what can be changed")
	}
	c0 := d.other.caps[0]
	if c0.deduct.Text != "5" {
		t.Fatalf("the first cap deducts 5: %q", c0.deduct.Text)
	}
	c0.deduct.SetText("六")
	if !strings.Contains(d.check.Text, "扣分和限制第1条“民主评议满意率较低”的扣分“六”") {
		t.Errorf("a bad number should name the rule: %q", d.check.Text)
	}
	test.Tap(d.apply)
	if s.dirty || !strings.Contains(d.errText.Text, "第1条") {
		t.Fatalf("a bad number must not be applied: %q", d.errText.Text)
	}
	c0.deduct.SetText("6")
	if d.errText.Text != "" {
		t.Errorf("an edit should clear the refusal: %q", d.errText.Text)
	}
	// Enter in a field applies.
	c0.deduct.OnSubmitted("6")
	if !d.closed || !s.dirty || !s.current.Caps[0].Deduct.Equal(model.Dec(6)) {
		t.Fatalf("Enter should apply 扣6分: closed=%v %v", d.closed, s.current.Caps[0].Deduct)
	}
	if !strings.Contains(s.problemsText(), "其他规定 民主评议满意率较低：扣5分 → 民主评议满意率较低：扣6分") {
		t.Errorf("the change should be listed in words:\n%s", s.problemsText())
	}
	test.Tap(s.saveButton)
	test.Tap(s.saveDialog.save)
	if len(store.saved) != 1 || !store.saved[0].Caps[0].Deduct.Equal(model.Dec(6)) {
		t.Fatalf("saved: %q", s.saveDialog.errText.Text)
	}

	// Escape cancels without applying.
	d = s.showSettings()
	d.other.caps[0].deduct.SetText("7")
	d.other.caps[0].deduct.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !d.closed || s.dirty || !s.current.Caps[0].Deduct.Equal(model.Dec(6)) {
		t.Errorf("Escape should cancel: closed=%v dirty=%v", d.closed, s.dirty)
	}

	// The red flag's count, and a star's score.
	chooseScheme(t, s, "xianfengqi", "1")
	d = s.showSettings()
	if !strings.Contains(tabText(d, 4), "先锋旗") || d.other.flagN.Text != "1" {
		t.Fatalf("the red flag should be shown: %q", tabText(d, 4))
	}
	d.other.flagN.SetText("2")
	test.Tap(d.apply)
	if s.current.RedFlag.Count != 2 || !strings.Contains(strings.Join(s.changes, ""), "评出1个") {
		t.Errorf("red flag count: %d %v", s.current.RedFlag.Count, s.changes)
	}
	chooseScheme(t, s, "feigong-xingji-dangyuan", "1")
	s.dirty = false
	d = s.showSettings()
	if d.other.stars[0] == nil || d.other.stars[0].Text != "8" {
		t.Fatalf("the star's score should be editable")
	}
	d.other.stars[0].SetText("9")
	test.Tap(d.apply)
	if st := s.current.Stars.Stars[0]; !st.Earn.From.Equal(model.Dec(9)) {
		t.Errorf("star earn: %v", st.Earn.Describe("分"))
	}
	if got := conditionWords(&s.current, []model.Condition{{Fact: model.FactStarAvg, Op: model.OpLE, Value: model.Dec(4)}}); got != "每颗星平均得分不高于4" {
		t.Errorf("a condition without label: %q", got)
	}
}
