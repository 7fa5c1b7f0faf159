package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xingji/importers"
	"xingji/importers/schemesheet"
	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring/builtin"
)

// screenTexts returns every text the scheme window shows: its content,
// every tab, every row of the scheme list and of the tree (each drawn as
// the widgets draw it), and the dialogs open over it.
func screenTexts(s *SchemesScreen) []string {
	var out []string
	add := func(o fyne.CanvasObject) { out = append(out, textsOf(o)...) }
	walkObjects(s.win.Content(), add)
	for _, o := range s.win.Canvas().Overlays().List() {
		walkObjects(o, add)
	}
	for i := range s.entries {
		row := s.createListRow()
		s.updateListRow(i, row)
		walkObjects(row, add)
	}
	var rec func(id string)
	rec = func(id string) {
		for _, c := range s.tree.childIDs(id) {
			node := s.tree.createNode(s.tree.isBranch(c))
			s.tree.updateNode(c, s.tree.isBranch(c), node)
			walkObjects(node, add)
			rec(c)
		}
	}
	rec("")
	return append(out, s.win.Title())
}

// codeTokens splits text into runs of letters, digits, '-', '_' and '.'.
func codeTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
	})
}

// TestSchemeWindowShowsNoCodes opens every built-in with its settings, an
// item's form and a computed trial, and fails on any scheme code or item
// code that is not a rubric number (formspec.ItemNumber).
func TestSchemeWindowShowsNoCodes(t *testing.T) {
	s, _ := newSchemesScreen(t)
	schemeCodes := map[string]bool{}
	for _, b := range builtin.Schemes() {
		schemeCodes[b.Code] = true
	}
	for _, b := range builtin.Schemes() {
		chooseScheme(t, s, b.Code, b.Version)
		forbidden := map[string]string{}
		for c := range schemeCodes {
			forbidden[c] = "方案编码"
		}
		s.current.Walk(func(_ []*model.Section, it *model.Item) {
			if formspec.ItemNumber(it, 0) == "" {
				forbidden[it.Code] = "项目编码"
			}
		})
		check := func(where string) {
			t.Helper()
			for _, text := range screenTexts(s) {
				for _, tok := range codeTokens(text) {
					if what := forbidden[strings.Trim(tok, ".-")]; what != "" {
						t.Errorf("%s %s: %s“%s” on screen in %q", b.Code, where, what, tok, text)
					}
				}
			}
		}
		// The first item selected, so the detail shows it.
		first := firstItemNode(s)
		s.tree.widget.Select(first)
		check("方案内容")

		d := s.showSettings()
		check("方案设置")
		d.d.Hide()

		s.onEditItem()
		if s.itemForm == nil || s.itemForm.dialog.closed {
			t.Fatalf("%s: no item form", b.Code)
		}
		check("修改项目")
		s.itemForm.dialog.close()

		s.tabs.SelectIndex(1)
		for _, ti := range s.trial.items {
			if ti.score != nil {
				ti.score.SetText("1")
			}
		}
		s.trial.onCalc()
		check("试算")
		s.trial.items[0].values = append(s.trial.items[0].values, &trialValue{name: "x", label: "次数", entry: newEntry()})
		s.trial.items[0].values[len(s.trial.items[0].values)-1].entry.SetText("很多")
		s.trial.onCalc()
		check("试算（填错）")
		s.tabs.SelectIndex(0)
	}
}

// TestSchemeNamesRewriteCodes checks the words put in place of codes.
func TestSchemeNamesRewriteCodes(t *testing.T) {
	sc := builtin.Schemes()[1] // qiye-cxcy: items O1…, quotas none
	var o3 *model.Item
	sc.Walk(func(_ []*model.Section, it *model.Item) {
		if it.Code == "O3" {
			o3 = it
		}
	})
	n := namesOf(&sc)
	if o3 == nil || n.numbers["O3"] != "3" {
		t.Fatalf("O3 is the third item: %q", n.numbers["O3"])
	}
	msg := model.ItemLabel(o3.Code, o3.Title) + "的门槛表有空档"
	if got := n.text(msg); !strings.HasPrefix(got, "项目“3 坚持") || strings.Contains(got, "O3") {
		t.Errorf("message with the 序号: %q", got)
	}
	if got := n.ref("O3"); !strings.HasPrefix(got, "项目3“") {
		t.Errorf("ref: %q", got)
	}
	if got := n.ref("standard"); got != "等次“达标”" {
		t.Errorf("band ref: %q", got)
	}
}

// TestSchemeWindowFitsSmallScreens: the window opens within a 1366×768
// screen and its content fits 1024×700 with the scheme list still wide
// enough to read.
func TestSchemeWindowFitsSmallScreens(t *testing.T) {
	s, _ := newSchemesScreen(t)
	s.win.Resize(fyne.NewSize(1240, 700))
	for _, b := range builtin.Schemes() {
		chooseScheme(t, s, b.Code, b.Version)
		for tab := 0; tab < 2; tab++ {
			s.tabs.SelectIndex(tab)
			if m := s.win.Content().MinSize(); m.Width > 1024 || m.Height > 700 {
				t.Errorf("%s tab %d: content needs %v, more than 1024×700", b.Code, tab, m)
			}
		}
	}
	s.tabs.SelectIndex(0)
	s.win.Resize(fyne.NewSize(1024, 700))
	s.win.Content().Refresh()
	if w := s.list.Size().Width; w < 220 {
		t.Errorf("at 1024 the scheme list is %v wide, too narrow to read", w)
	}
	shot(t, s, "schemes-1024x700.png")
	s.win.Resize(fyne.NewSize(1366, 768))
	s.win.Content().Refresh()
	shot(t, s, "schemes-1366x768.png")
}

// TestSchemeVersionSuggestion: the save dialog offers model.NextSchemeVersion.
func TestSchemeVersionSuggestion(t *testing.T) {
	s, _ := newSchemesScreen(t)
	for code, want := range map[string]string{"cun-xingji": "2", "wlmq-cxcy": "2011-2"} {
		chooseScheme(t, s, code, s.entries[indexOfCode(s, code)].scheme.Version)
		test.Tap(s.saveButton)
		if s.saveVersion.Text != want {
			t.Errorf("%s: offered version %q, want %q", code, s.saveVersion.Text, want)
		}
		s.saveDialog.close()
	}
}

func indexOfCode(s *SchemesScreen, code string) int {
	for i, e := range s.entries {
		if e.scheme.Code == code {
			return i
		}
	}
	return -1
}

// TestSchemeExportImportButtons exports a built-in through 导出为 Excel…'s
// handler, reads it back through 从 Excel 导入…'s, and finds it saved as a
// new version and chosen; a broken file is refused with its place named.
func TestSchemeExportImportButtons(t *testing.T) {
	s, store := newSchemesScreen(t)
	chooseScheme(t, s, "cun-xingji", "1")
	if s.exportBtn.Disabled() || s.importBtn.Disabled() {
		t.Fatal("the Excel buttons should be enabled")
	}
	path := filepath.Join(t.TempDir(), "村星级")
	s.exportTo(path)
	if !strings.Contains(s.lastReport, "已将方案“村党支部星级评定管理”（版本 1）导出") {
		t.Fatalf("export report: %q", s.lastReport)
	}
	tb, err := importers.OpenFile(path + ".xlsx")
	if err != nil {
		t.Fatal(err)
	}
	res, err := schemesheet.Read(tb)
	if err != nil || !res.FromExport || res.Scheme.Code != "cun-xingji" || len(res.Scheme.Bands) != 6 {
		t.Fatalf("the file should hold the scheme whole: %v %+v", err, res)
	}

	s.importFrom(path + ".xlsx")
	if len(store.saved) != 1 || store.saved[0].Version != "2" {
		t.Fatalf("import should save version 2: %+v (%s)", store.saved, s.lastReport)
	}
	if e := s.entries[s.chosen].scheme; e.Code != "cun-xingji" || e.Version != "2" || s.entries[s.chosen].builtin {
		t.Errorf("the imported scheme should be chosen, got %s %s", e.Code, e.Version)
	}
	for _, w := range []string{"已从“村星级.xlsx”导入", "版本“1”已经有了，已保存为版本“2”", "原样还原"} {
		if !strings.Contains(s.lastReport, w) {
			t.Errorf("import report should say %q: %q", w, s.lastReport)
		}
	}

	// An office table with a score that is not a number: refused, with the
	// sheet and cell named, nothing saved.
	bad := filepath.Join(t.TempDir(), "坏表.csv")
	writeFile(t, bad, "序号,考核内容,分值,评分标准\n1,组织建设,二十,按规定打分\n2,作风建设,80,按规定打分\n")
	s.importFrom(bad)
	if len(store.saved) != 1 || !strings.Contains(s.lastReport, "没有导入") || !strings.Contains(s.lastReport, "坏表.csv") || !strings.Contains(s.lastReport, "第2行") {
		t.Errorf("a bad file must be refused with its place: %q", s.lastReport)
	}
	s.importFrom(filepath.Join(t.TempDir(), "没有这个文件.xlsx"))
	if !strings.Contains(s.lastReport, "没有导入") {
		t.Errorf("a missing file: %q", s.lastReport)
	}
}

// TestSchemeTrialEnterAndStaleResults: Enter in a field computes; typing
// clears the results; a new 计算 with a wrong input clears them too.
func TestSchemeTrialEnterAndStaleResults(t *testing.T) {
	s, _ := newSchemesScreen(t)
	chooseScheme(t, s, "shouqi-pingxing-dangyuan", "1")
	s.tabs.SelectIndex(1)
	p := s.trial
	for _, ti := range p.items {
		ti.score.SetText("4")
	}
	p.items[0].score.OnSubmitted(p.items[0].score.Text) // Enter in the first field
	if p.result == nil || p.items[0].points.Text == "" || !strings.Contains(p.summary.Text, "总分 80 分") {
		t.Fatalf("Enter should compute: %q", p.summary.Text)
	}
	// Typing in any field clears every result.
	p.items[3].score.SetText("5")
	if p.result != nil || p.summary.Text != "" || p.items[0].points.Text != "" || p.items[0].why.Text != "" {
		t.Fatalf("a changed input must clear the results: %q / %q", p.summary.Text, p.items[0].points.Text)
	}
	test.Tap(p.calc)
	if p.result == nil || p.items[0].points.Text == "" {
		t.Fatal("计算 should compute again")
	}
	// A wrong input, then 计算 through Enter: the reason, and no old result.
	p.items[1].score.Text = "五分" // set without OnChanged, as if the results were still there
	p.items[1].score.OnSubmitted("五分")
	if p.result != nil || p.items[0].points.Text != "" || !strings.Contains(p.summary.Text, "不是数字") {
		t.Errorf("a wrong input must clear the old results: %q / %q", p.summary.Text, p.items[0].points.Text)
	}
	if strings.Contains(p.summary.Text, "1.2") == false && !strings.Contains(p.summary.Text, "项目“1.2") {
		t.Errorf("the wrong field should be named by its 序号: %q", p.summary.Text)
	}
	// A tick clears as well.
	p.items[1].score.SetText("4")
	test.Tap(p.calc)
	p.facts[0].check.SetChecked(true)
	if p.result != nil || p.summary.Text != "" {
		t.Error("ticking a fact must clear the results")
	}
}

// TestSchemeTreeOpensItemOnEnterAndDoubleTap.
func TestSchemeTreeOpensItemOnEnterAndDoubleTap(t *testing.T) {
	s, _ := newSchemesScreen(t)
	chooseScheme(t, s, "shouqi-pingxing-dangyuan", "1")
	s.tree.widget.Select("i:0:1")
	s.tree.widget.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.itemForm == nil || s.itemForm.dialog.closed || s.itemForm.title.Text != "积极参加组织生活" && s.itemForm.title.Text == "" {
		t.Fatal("Enter on an item should open 修改项目")
	}
	first := s.itemForm
	// Escape in a field cancels the form (nothing typed: no question).
	first.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !first.dialog.closed {
		t.Error("Escape should close the item form")
	}
	// Double-tap on a row selects and opens it.
	node := s.tree.createNode(false)
	s.tree.updateNode("i:1:0", false, node)
	tapper := node.(*fyne.Container).Objects[1].(*rowTapper)
	test.DoubleTap(tapper)
	if s.tree.selected != "i:1:0" || s.itemForm == first || s.itemForm.dialog.closed {
		t.Fatalf("double-tap should open the row's item, selected %q", s.tree.selected)
	}
	if _, it := s.tree.lookup(&s.current, "i:1:0"); s.itemForm.title.Text != it.Title {
		t.Errorf("the form shows %q, want %q", s.itemForm.title.Text, it.Title)
	}
	// Enter in the form applies it.
	s.itemForm.title.SetText("改过的名称")
	s.itemForm.title.OnSubmitted("")
	if !s.itemForm.dialog.closed || !s.dirty {
		t.Error("Enter should apply the item form")
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// firstItemNode returns the tree node of the scheme's first item.
func firstItemNode(s *SchemesScreen) string {
	var rec func(id string) string
	rec = func(id string) string {
		for _, c := range s.tree.childIDs(id) {
			if strings.HasPrefix(c, "i:") {
				return c
			}
			if f := rec(c); f != "" {
				return f
			}
		}
		return ""
	}
	return rec("")
}

// textsOf returns the texts o shows itself (labels, buttons, checks,
// pick-lists with their options, rich text, entries).
func textsOf(o fyne.CanvasObject) []string {
	switch w := o.(type) {
	case *widget.Label:
		return []string{w.Text}
	case *widget.Button:
		return []string{w.Text}
	case *widget.Check:
		return []string{w.Text}
	case *widget.Select:
		return append([]string{w.Selected, w.PlaceHolder}, w.Options...)
	case *widget.RichText:
		return []string{w.String()}
	case *widget.SelectEntry:
		return []string{w.Text, w.PlaceHolder}
	case *textEntry:
		return []string{w.Text, w.PlaceHolder}
	}
	return nil
}
