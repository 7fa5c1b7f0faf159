package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/scoring"
)

// villageScored scores a village with the self-assessment giving every item
// self points and the township giving review points.
func villageScored(t *testing.T, sc model.Scheme, self, review string) *scoring.SubjectResult {
	t.Helper()
	items := func(score string) []scoring.ItemInput {
		var in []scoring.ItemInput
		sc.Walk(func(_ []*model.Section, it *model.Item) {
			in = append(in, scoring.ItemInput{Item: it.Code, Score: model.D4(score).P()})
		})
		return in
	}
	sub := scoring.Subject{ID: "v", Name: "某村", Kind: model.KindRural, Sources: []scoring.SourceInput{
		{Source: model.SourceSelf, Ratings: []scoring.Rating{{Items: items(self)}}},
		{Source: model.SourceReview, Ratings: []scoring.Rating{{Items: items(review)}}},
	}}
	res, err := scoring.Score(sc, scoring.Input{Subjects: []scoring.Subject{sub}})
	if err != nil {
		t.Fatal(err)
	}
	return &res.Subjects[0]
}

func TestSchemeSettingsWeightsSaveNewVersion(t *testing.T) {
	s, store := newSchemesScreen(t)
	chooseScheme(t, s, "cun-xingji", "1")
	d := s.showSettings()
	if d.srcWeight[0].Text != "30" || d.srcWeight[1].Text != "70" || d.srcName[0].Text != "村党组织自评" {
		t.Fatalf("the dialog should show 3:7, got %s/%s", d.srcWeight[0].Text, d.srcWeight[1].Text)
	}
	if d.name.Text != "村党支部星级评定管理" || d.total.Text != "100" || d.period.Text != "年度" {
		t.Errorf("basic info: %q %q %q", d.name.Text, d.total.Text, d.period.Text)
	}
	shot(t, s, "settings-basic.png")

	// 40/50: the sum is named and 应用 is refused.
	d.tabs.SelectIndex(1)
	d.srcWeight[0].SetText("40")
	d.srcWeight[1].SetText("50")
	if !strings.Contains(d.weightSum.Text, "90%") || !strings.Contains(d.check.Text, "权重之和为90%") {
		t.Errorf("the sum should be shown as typed: %q / %q", d.weightSum.Text, d.check.Text)
	}
	test.Tap(d.apply)
	if !strings.Contains(d.errText.Text, "不能应用") || !strings.Contains(d.errText.Text, "90%") || s.dirty {
		t.Fatalf("40/50 must be refused with the sum named: %q dirty=%v", d.errText.Text, s.dirty)
	}
	if !s.current.Sources[0].Weight.Equal(model.Dec(30)) {
		t.Fatal("a refused apply must leave the working copy alone")
	}
	shot(t, s, "settings-weights-refused.png")

	// 40/60 (typed as people type it) is applied as an unsaved change.
	d.srcWeight[1].SetText("６０%")
	if !strings.Contains(d.weightSum.Text, "100% ✓") {
		t.Errorf("sum: %q", d.weightSum.Text)
	}
	test.Tap(d.apply)
	if !s.dirty || len(s.changes) != 1 || !strings.Contains(s.changes[0], "村党组织自评30%、乡党委考评70% → 村党组织自评40%、乡党委考评60%") {
		t.Fatalf("the change should be listed in words: %v (dirty=%v, err %q)", s.changes, s.dirty, d.errText.Text)
	}
	if !strings.Contains(s.problemsText(), "方案设置：评分来源") || !strings.Contains(s.header.Text, "未保存") {
		t.Errorf("the screen should show the unsaved change:\n%s", s.problemsText())
	}
	shot(t, s, "settings-applied.png")

	test.Tap(s.saveButton)
	test.Tap(s.saveDialog.save)
	if s.saveDialog.errText.Text != "" || len(store.saved) != 1 {
		t.Fatalf("save failed: %q", s.saveDialog.errText.Text)
	}
	got := store.saved[0]
	if got.Version != "2" || !got.Sources[0].Weight.Equal(model.Dec(40)) || !got.Sources[1].Weight.Equal(model.Dec(60)) {
		t.Fatalf("stored v%s with %+v", got.Version, got.Sources)
	}
	// The engine uses the new weights: 5 items × (0.4×20 + 0.6×10) = 70.
	if r := villageScored(t, got, "20", "10"); !r.Total.Equal(model.Dec(70)) || r.BandName != "二星级" {
		t.Errorf("40/60 total %s %s, want 70 二星级", r.Total, r.BandName)
	}
	if r := villageScored(t, s.entries[0].scheme, "20", "10"); r.Total.Equal(model.Dec(70)) {
		t.Error("the built-in must keep 3:7")
	}
}

func TestSchemeSettingsBandsAndBasicInfo(t *testing.T) {
	s, _ := newSchemesScreen(t)
	chooseScheme(t, s, "cun-xingji", "1")
	d := s.showSettings()
	var names []string
	for _, r := range d.bandRows {
		names = append(names, r.name.Text+" "+r.from.Text+"-"+r.to.Text)
	}
	if got := strings.Join(names, "，"); got != "五星级 95-，四星级 90-95，三星级 80-90，二星级 70-80，一星级 60-70，无星 -60" {
		t.Fatalf("band rows: %s", got)
	}
	d.tabs.SelectIndex(2)
	four := d.bandRows[1]
	// A number that is not one names the row and is not applied.
	four.from.SetText("九十")
	if !strings.Contains(d.check.Text, "第2行") || !strings.Contains(d.check.Text, "四星级") {
		t.Errorf("a bad row should be named: %q", d.check.Text)
	}
	test.Tap(d.apply)
	if !strings.Contains(d.errText.Text, "第2行") || s.dirty {
		t.Fatalf("a bad row must not be applied: %q", d.errText.Text)
	}
	// Overlapping rows are named both, and refused.
	four.from.SetText("85")
	if !strings.Contains(d.check.Text, "第3行“三星级”与第2行“四星级”的分数范围重叠") {
		t.Errorf("an overlap should name both rows: %q", d.check.Text)
	}
	// Out of range.
	four.from.SetText("120")
	if !strings.Contains(d.check.Text, "超出了0至100分") {
		t.Errorf("a bound above the total should be refused: %q", d.check.Text)
	}
	// A gap between 90 and 91 is reported by the model, in the dialog and,
	// after applying, on the screen; a gap does not stop the scheme.
	four.from.SetText("91")
	if !strings.Contains(d.check.Text, "不属于任何等次") {
		t.Errorf("the gap should be shown in the dialog: %q", d.check.Text)
	}
	d.name.SetText("村党支部星级评定管理（本乡）")
	d.period.SetText("半年")
	d.bonus.SetChecked(true)
	shot(t, s, "settings-bands-gap.png")
	test.Tap(d.apply)
	if !s.dirty || d.errText.Text != "" {
		t.Fatalf("apply refused: %q", d.errText.Text)
	}
	if s.current.Bands[1].Code != "4" || !s.current.Bands[1].Range.From.Equal(model.Dec(91)) || !s.current.BonusInGrade {
		t.Errorf("四星级 should keep its code with the new line: %+v", s.current.Bands[1])
	}
	txt := s.problemsText()
	for _, w := range []string{"不属于任何等次", "等次 四星级 90分至95分（含90分，不含95分） → 四星级 91分至95分（含91分，不含95分）", "考核周期 年度 → 半年", "加分计入等次 否 → 是"} {
		if !strings.Contains(txt, w) {
			t.Errorf("screen should list %q:\n%s", w, txt)
		}
	}
	if !strings.Contains(s.header.Text, "（本乡）") || !strings.Contains(s.headerInfo.Text, "周期：半年") {
		t.Errorf("header: %q / %q", s.header.Text, s.headerInfo.Text)
	}

	// Rows added and deleted: a new row gets a new code, the others keep
	// theirs; a row left alone gives back its band exactly.
	d = s.showSettings()
	before := copyScheme(s.current)
	test.Tap(findButton(t, d.tabs.Items[2].Content, "增加一档"))
	last := d.bandRows[len(d.bandRows)-1]
	if last.to.Text != "0" && last.to.Text != "" {
		t.Errorf("a new row should start below the last: %q", last.to.Text)
	}
	last.name.SetText("无星")
	if !strings.Contains(d.check.Text, "第7行的名称“无星”与第6行重复") {
		t.Errorf("a repeated name should be named: %q", d.check.Text)
	}
	d.onDeleteBand(last)
	sc, err := d.candidate()
	if err != nil || bandWords(&sc) != bandWords(&before) || sc.Bands[5].Code != before.Bands[5].Code {
		t.Fatalf("rows left alone should give the bands back: %v\n%s", err, bandWords(&sc))
	}
	d.d.Hide()
}

func TestSchemeSettingsQuotas(t *testing.T) {
	s, store := newSchemesScreen(t)
	chooseScheme(t, s, "fuwu-wuxing", "1")
	d := s.showSettings()
	if len(d.quotas) != 2 || d.quotas[0].amount.Text != "10" || quotaLines(&s.current) != "五星级 不超过10%\n一星级及以下 不少于10%" {
		t.Fatalf("quotas in words: %q", quotaLines(&s.current))
	}
	d.tabs.SelectIndex(3)
	d.addBand.SetSelected(s.current.Bands[1].Name)
	d.addShare.SetText("20")
	d.addScope.SetSelected(scopeNames[1])
	test.Tap(findButton(t, d.quotaBox, "删除")) // the first row: 五星级 10% → gone
	d.onAddQuota()
	if len(d.quotas) != 2 {
		t.Fatalf("after delete and add: %d rows", len(d.quotas))
	}
	shot(t, s, "settings-quotas.png")
	d.tabs.SelectIndex(4)
	shot(t, s, "settings-readonly.png")
	d.tabs.SelectIndex(3)
	// The remaining 一星级及以下 quota: 200% is refused, 15% is taken.
	d.quotas[0].amount.SetText("200")
	test.Tap(d.apply)
	if !strings.Contains(d.errText.Text, "0–100%") {
		t.Fatalf("a share over 100%% must be refused: %q", d.errText.Text)
	}
	d.quotas[0].amount.SetText("15")
	test.Tap(d.apply)
	if !s.dirty || !strings.Contains(s.changes[0], "比例控制") {
		t.Fatalf("apply refused: %q", d.errText.Text)
	}
	test.Tap(s.saveButton)
	test.Tap(s.saveDialog.save)
	if len(store.saved) != 1 {
		t.Fatalf("save failed: %q", s.saveDialog.errText.Text)
	}
	if txt := s.problemsText(); strings.Contains(txt, "five10") {
		t.Errorf("the note about the deleted quota should go with it:\n%s", txt)
	}
	got := quotaLines(&store.saved[0])
	if got != "一星级及以下 不少于15%\n四星级 不超过20%（每个上级党组织内）" {
		t.Errorf("stored quotas:\n%s", got)
	}
}

// findButton returns the first button with text inside o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walkObjects(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}
