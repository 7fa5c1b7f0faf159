package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/builtin"
)

// memSchemes is an in-memory SchemeStore that, like the real store, refuses
// a scheme with fatal problems and a different content under a stored
// version.
type memSchemes struct{ saved []model.Scheme }

func (s *memSchemes) SaveScheme(_ context.Context, sc model.Scheme) error {
	if f := sc.Problems().Fatal(); len(f) > 0 {
		return f
	}
	if _, err := s.Scheme(context.Background(), sc.Code, sc.Version); err == nil {
		return model.Errorf(model.EConflict, "版本已保存过")
	}
	s.saved = append(s.saved, copyScheme(sc))
	return nil
}

func (s *memSchemes) Scheme(_ context.Context, code, version string) (model.Scheme, error) {
	for _, sc := range s.saved {
		if sc.Code == code && sc.Version == version {
			return copyScheme(sc), nil
		}
	}
	return model.Scheme{}, model.Errorf(model.ENotFound, "没有方案 %s %s", code, version)
}

func (s *memSchemes) SavedSchemes(context.Context) ([]model.Scheme, error) { return s.saved, nil }

// newSchemesScreen opens the scheme window on the test app with the
// built-ins and an empty store; background jobs run synchronously and
// confirmations answer yes.
func newSchemesScreen(t *testing.T) (*SchemesScreen, *memSchemes) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	m := &MainWindow{win: a.NewWindow("星级考评"), run: func(job func()) { job() }, clock: fakeClock}
	store := &memSchemes{}
	s := m.openSchemes(store, defaultSchemeList(store))
	s.confirm = func(_, _ string, yes func()) { yes() }
	s.win.Resize(fyne.NewSize(1280, 800))
	return s, store
}

// chooseScheme selects the scheme with code and version in the list.
func chooseScheme(t *testing.T, s *SchemesScreen, code, version string) {
	t.Helper()
	for i, e := range s.entries {
		if e.scheme.Code == code && e.scheme.Version == version {
			s.list.Select(i)
			if s.chosen != i {
				t.Fatalf("selecting %s did not choose it", code)
			}
			return
		}
	}
	t.Fatalf("scheme %s version %s not listed", code, version)
}

// shot writes the scheme window's picture to $XINGJI_SCREENSHOTS.
func shot(t *testing.T, s *SchemesScreen, name string) {
	t.Helper()
	s.win.Content().Refresh() // the test canvas does not re-layout on its own
	saveShot(t, &MainWindow{win: s.win}, name)
}

func TestSchemesShowTreeProblemsAndNotes(t *testing.T) {
	s, _ := newSchemesScreen(t)
	if len(s.entries) != len(builtin.Schemes()) || !s.entries[0].builtin {
		t.Fatalf("want the %d built-ins listed, got %d", len(builtin.Schemes()), len(s.entries))
	}
	chooseScheme(t, s, "shouqi-pingxing-dangyuan", "1")
	secs := s.tree.childIDs("")
	if len(secs) != 5 {
		t.Fatalf("党员授旗评星 has 5 sections, tree shows %d", len(secs))
	}
	items := 0
	for _, sec := range secs {
		items += len(s.tree.childIDs(sec))
	}
	if items != 20 {
		t.Errorf("tree shows %d items, want 20", items)
	}
	if _, it := s.tree.lookup(&s.current, "i:0:0"); it == nil || it.Code != "1.1" {
		t.Fatalf("first item node: %+v", it)
	}
	if !strings.Contains(s.totals.Text, "规定总分 100分，各项目分值合计 100分 ✓") {
		t.Errorf("header should compare the totals: %q", s.header.Text)
	}
	if txt := s.problemsText(); !strings.Contains(txt, "特别突出") || !strings.Contains(txt, "由考核办决定") {
		t.Errorf("the scheme's notes should be listed:\n%s", txt)
	}
	s.tree.widget.Select("i:0:0")
	if !strings.Contains(s.detail.Text, "评分规则：由考核人员在0至5分之间评分") {
		t.Errorf("detail of the selected item: %q", s.detail.Text)
	}
	shot(t, s, "schemes-tree.png")

	// A unit scheme with threshold tables and deductions, and per-kind totals.
	chooseScheme(t, s, "qiye-cxcy", "1")
	if !strings.Contains(s.totals.Text, "规定总分") {
		t.Errorf("header: %q", s.header.Text)
	}
	found := false
	for _, sec := range s.tree.childIDs("") {
		for _, id := range s.tree.childIDs(sec) {
			if _, it := s.tree.lookup(&s.current, id); it != nil && it.Code == "O2" {
				found = strings.Contains(ruleText(it), "减1分")
			}
		}
	}
	if !found {
		t.Error("item O2's rule should read as a deduction in words")
	}
}

func TestSchemesEditBreakFixAndSaveNewVersion(t *testing.T) {
	s, store := newSchemesScreen(t)
	chooseScheme(t, s, "shouqi-pingxing-dangyuan", "1")
	s.tree.widget.Select("i:0:0")
	test.Tap(s.editButton)
	f := s.itemForm
	if f == nil || f.points.Text != "5" {
		t.Fatal("the item form should open on 1.1 with its 分值")
	}
	f.points.SetText("9")
	shot(t, s, "schemes-item-form.png")
	test.Tap(f.dialog.save)
	if f.dialog.errText.Text != "" {
		t.Fatalf("edit refused: %s", f.dialog.errText.Text)
	}
	txt := s.problemsText()
	for _, want := range []string{"“1.1 积极参加学习活动", "分值 5分 → 9分", "(一)带头学习提高”规定20分，所属项目合计24分", "各项目分值合计104分，与规定总分100分不符"} {
		if !strings.Contains(txt, want) {
			t.Errorf("problems and changes should contain %q:\n%s", want, txt)
		}
	}
	if !strings.Contains(s.totals.Text, "104分 ✗") || !strings.Contains(s.header.Text, "未保存") {
		t.Errorf("header should show the broken total: %q", s.header.Text)
	}
	shot(t, s, "schemes-broken-total.png")
	// The model treats a wrong sum as a problem to show, not to block: the
	// save dialog warns about it.
	test.Tap(s.saveButton)
	if !strings.Contains(s.saveWarn.Text, "需处理的问题") {
		t.Errorf("saving with a broken total should warn, got %q", s.saveWarn.Text)
	}
	shot(t, s, "schemes-save-warning.png")
	s.saveDialog.d.Hide()

	// A fatal problem blocks saving, with the reason in the dialog.
	s.current.Sections[0].Items[1].Code = "1.1"
	test.Tap(s.saveButton)
	test.Tap(s.saveDialog.save)
	if !strings.Contains(s.saveDialog.errText.Text, "不能保存") || !strings.Contains(s.saveDialog.errText.Text, "重复") || len(store.saved) != 0 {
		t.Fatalf("a duplicate code must block saving: %q, saved %d", s.saveDialog.errText.Text, len(store.saved))
	}
	s.saveDialog.d.Hide()
	s.current.Sections[0].Items[1].Code = "1.2"

	// Change it back and save: version 2 is stored, the built-in is kept.
	test.Tap(s.editButton)
	s.itemForm.points.SetText("5")
	s.itemForm.method.SetText("查学习笔记")
	test.Tap(s.itemForm.dialog.save)
	if !strings.Contains(s.totals.Text, "100分 ✓") {
		t.Errorf("totals after the fix: %q", s.totals.Text)
	}
	test.Tap(s.saveButton)
	if s.saveVersion.Text != "2" {
		t.Errorf("suggested version %q, want 2", s.saveVersion.Text)
	}
	test.Tap(s.saveDialog.save)
	if s.saveDialog.errText.Text != "" || len(store.saved) != 1 {
		t.Fatalf("save failed: %q", s.saveDialog.errText.Text)
	}
	got := store.saved[0]
	if got.Version != "2" || got.Code != "shouqi-pingxing-dangyuan" || got.Item("1.1").Method != "查学习笔记" || !got.Item("1.1").Points.Equal(model.Dec(5)) {
		t.Errorf("stored %s v%s, item 1.1 %+v", got.Code, got.Version, got.Item("1.1"))
	}
	e := s.entries[s.chosen]
	if e.builtin || e.scheme.Version != "2" || s.dirty {
		t.Errorf("after saving the new version should be chosen as the office's own: %+v dirty=%v", e.scheme.Version, s.dirty)
	}
	for _, e := range s.entries {
		if e.builtin && e.scheme.Code == got.Code && (e.scheme.Version != "1" || e.scheme.Item("1.1").Method != "") {
			t.Error("the built-in must stay as it was")
		}
	}
	// The next save suggests version 3.
	test.Tap(s.saveButton)
	if s.saveVersion.Text != "3" {
		t.Errorf("next suggested version %q, want 3", s.saveVersion.Text)
	}
}

func TestSchemeTableRowsRoundTrip(t *testing.T) {
	ent := builtin.Enterprise()
	rule := ent.Item("O3").Rule
	text := tableLines(rule.Table)
	bands, err := parseTableLines(text, rule.Table.Domain)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	again := *rule.Table
	again.Bands = bands
	if tableLines(&again) != text {
		t.Errorf("round trip:\n%s\n---\n%s", text, tableLines(&again))
	}
	for i := range bands {
		if bands[i].Range.Describe("%") != rule.Table.Bands[i].Range.Describe("%") || !bands[i].Points.Equal(rule.Table.Bands[i].Points) {
			t.Errorf("row %d: %s, want %s", i, bands[i].Range.Describe("%"), rule.Table.Bands[i].Range.Describe("%"))
		}
	}
	if _, err := parseTableLines("90至100得2", rule.Table.Domain); err == nil || !strings.Contains(model.ErrorMessage(err), "第1行") {
		t.Errorf("a bad line should be named: %v", err)
	}
}

func TestSchemeTrialMatchesEngine(t *testing.T) {
	s, _ := newSchemesScreen(t)
	chooseScheme(t, s, "shouqi-pingxing-dangyuan", "1")
	s.tabs.SelectIndex(1)
	p := s.trial
	for i, ti := range p.items {
		ti.score.SetText([]string{"4.5", "5", "4", "4.5"}[i%4])
	}
	test.Tap(p.calc)
	if p.result == nil {
		t.Fatalf("no result: %s", p.summary.Text)
	}
	// The same input, built here by hand.
	var in []scoring.ItemInput
	flagStar := builtin.MemberFlagStar()
	flagStar.Walk(func(_ []*model.Section, it *model.Item) {
		in = append(in, scoring.ItemInput{Item: it.Code, Score: model.D4([]string{"4.5", "5", "4", "4.5"}[len(in)%4]).P()})
	})
	sub := scoring.Subject{ID: "x", Name: "x"}
	for _, src := range []string{model.SourceSelf, model.SourcePeer, model.SourceLeader, model.SourcePublic} {
		sub.Sources = append(sub.Sources, scoring.SourceInput{Source: src, Ratings: []scoring.Rating{{Items: in}}})
	}
	want, err := scoring.Score(builtin.MemberFlagStar(), scoring.Input{Subjects: []scoring.Subject{sub}})
	if err != nil {
		t.Fatal(err)
	}
	w := want.Subjects[0]
	if !p.result.Total.Equal(w.Total) || !p.result.Total.Equal(model.Dec(90)) || p.result.BandName != w.BandName {
		t.Fatalf("trial total %s %s, engine %s %s", p.result.Total, p.result.BandName, w.Total, w.BandName)
	}
	if !strings.Contains(p.summary.Text, "总分 90 分") || !strings.Contains(p.summary.Text, "四星级党员") {
		t.Errorf("summary: %q", p.summary.Text)
	}
	why := p.items[0].why.Text
	if why == "" || !strings.Contains(why, "党员自评") || !strings.Contains(why, "4.5") {
		t.Errorf("the explanation should be shown beside the number: %q", why)
	}
	if !strings.Contains(p.items[0].points.Text, "得分 4.5 分") {
		t.Errorf("item points: %q", p.items[0].points.Text)
	}
	// 特别突出 makes it 五星.
	p.facts[0].check.SetChecked(true)
	test.Tap(p.calc)
	if p.result.BandName != "五星级党员" {
		t.Errorf("with 特别突出 the band is %q", p.result.BandName)
	}
	shot(t, s, "schemes-trial.png")
}

func TestSchemeTrialDeductAndTable(t *testing.T) {
	s, _ := newSchemesScreen(t)
	chooseScheme(t, s, "qiye-cxcy", "1")
	p := s.trial
	var o2, o3 *trialItem
	for _, ti := range p.items {
		switch ti.it.Code {
		case "O2":
			o2 = ti
		case "O3":
			o3 = ti
		}
	}
	var rate *trialValue
	for _, f := range p.facts {
		if f.name == "satisfaction" {
			rate = f
		}
	}
	// O3 is computed from the recorded 满意率, entered with the facts.
	if o2 == nil || o3 == nil || len(o2.values) != 1 || len(o3.values) != 0 || rate == nil {
		t.Fatal("O2 should ask for a count, O3 for nothing, the facts for 满意率")
	}
	o2.values[0].entry.SetText("2")
	rate.entry.SetText("abc")
	test.Tap(p.calc)
	if !strings.Contains(p.summary.Text, "满意率") || !strings.Contains(p.summary.Text, "不是数字") {
		t.Fatalf("a bad number should be named: %q", p.summary.Text)
	}
	rate.entry.SetText("95")
	test.Tap(p.calc)
	if !strings.Contains(o2.points.Text, "得分 2 分") || !strings.Contains(o2.why.Text, "每少一项") {
		t.Errorf("O2: %q\n%s", o2.points.Text, o2.why.Text)
	}
	if !strings.Contains(o3.points.Text, "得分 3 分") || !strings.Contains(o3.why.Text, "95") {
		t.Errorf("O3: %q\n%s", o3.points.Text, o3.why.Text)
	}
	s.tabs.SelectIndex(1)
	shot(t, s, "schemes-trial-enterprise.png")
}

// TestSchemesSaveToRealDatabase opens the scheme window from the main window
// on a real database file: a built-in saved as the office's own version is
// stored there and listed again when the window is reopened.
func TestSchemesSaveToRealDatabase(t *testing.T) {
	m, o := newTestWindow(t)
	s := m.showSchemes()
	s.confirm = func(_, _ string, yes func()) { yes() }
	chooseScheme(t, s, "shouqi-pingxing-dangyuan", "1")
	test.Tap(s.saveButton)
	test.Tap(s.saveDialog.save)
	if s.saveDialog.errText.Text != "" {
		t.Fatalf("save refused: %s", s.saveDialog.errText.Text)
	}
	stored, err := o.Scheme(context.Background(), "shouqi-pingxing-dangyuan", "2")
	if err != nil || stored.Name == "" || len(stored.Sections) != 5 {
		t.Fatalf("stored scheme: %v, %d sections", err, len(stored.Sections))
	}
	again := m.showSchemes()
	found := false
	for _, e := range again.entries {
		found = found || (!e.builtin && e.scheme.Code == stored.Code && e.scheme.Version == "2")
	}
	if !found {
		t.Error("the saved version should be listed as the office's own when the window reopens")
	}
}
