package ui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xingji/cmd/office"
	"xingji/model"
	"xingji/model/formspec"
)

// demoWithForms loads the demo and imports its returned forms, as
// dropping the demo folder on the window does, and returns the demo period.
func demoWithForms(t *testing.T) (*MainWindow, *office.Office, model.Period) {
	t.Helper()
	m, o := newTestWindow(t)
	loadDemo(t, m)
	m.periods.Import([]string{o.DemoSubmissionsDir()})
	if m.periods.board.Submitted == 0 {
		t.Fatalf("the demo forms were not imported: %+v", m.periods.board)
	}
	ps, err := o.Periods(context.Background())
	if err != nil || len(ps) != 1 {
		t.Fatalf("periods: %v, %v", ps, err)
	}
	return m, o, ps[0]
}

// typeCell chooses a data cell and types text as a clerk does: the first
// key on the grid, the rest in the bar, then Enter.
func typeCell(g *entryGrid, row, col int, text string) {
	g.table.Select(widget.TableCellID{Row: row, Col: gridLead + col})
	rs := []rune(text)
	g.table.TypedRune(rs[0])
	test.Type(g.bar, string(rs[1:]))
	g.bar.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// windowShot captures win at 1366×768; with $XINGJI_SCREENSHOTS set it also
// writes the picture there, for people to look at.
func windowShot(t *testing.T, win fyne.Window, name string) {
	t.Helper()
	win.Resize(fyne.NewSize(1366, 768))
	img := win.Canvas().Capture()
	dir := os.Getenv("XINGJI_SCREENSHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// formValue returns the value of source for a unit's item field in the
// accepted forms, "" when none came.
func formValue(t *testing.T, o *office.Office, periodID int64, subject, source, item, field string) string {
	t.Helper()
	d, err := o.PeriodData(context.Background(), periodID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range d.Accepted {
		for _, v := range sub.Values {
			if v.Subject == subject && v.Source == source && v.Item == item && v.Field == field {
				return v.Value
			}
		}
	}
	return ""
}

// TestReviewEntryCorrectsAScore opens 录入考评得分 on the demo period (the
// village scheme, 002 篇十二 "自评:考评 = 3:7"): the grid shows the review
// form's values with the self scores beside; a value above the 分值 or a
// word is refused at once, naming the unit and the item, and nothing is
// stored; a correction asks for 更正原因, is logged with the form's value
// as its old value, and moves the unit's grade by 0.7 × the change.
func TestReviewEntryCorrectsAScore(t *testing.T) {
	m, o, p := demoWithForms(t)
	saved := 0
	s := m.showReviewEntry(p.ID, func() { saved++ })
	g := s.grid
	if s.deptRow.Visible() {
		t.Error("the village scheme has one department: no pick-list")
	}
	if len(g.cols) != 5 || !strings.HasPrefix(g.cols[0].title, "1 服务政策宣传星") || g.cols[0].sub != "得分（20分）" {
		t.Fatalf("columns: %+v", g.cols)
	}
	// Every cell shows the review form's value and the self score beside.
	row := -1
	for r, gr := range g.rows {
		for c, col := range g.cols {
			review := formValue(t, o, p.ID, gr.subject, model.SourceReview, col.name, col.field)
			self := formValue(t, o, p.ID, gr.subject, model.SourceSelf, col.name, col.field)
			v, beside := g.cellText(r, c)
			if v != review || (self != "" && beside != "自评 "+self) || (self == "" && beside != "") {
				t.Errorf("%s %s: shows %q %q, forms %q %q", gr.name, col.title, v, beside, review, self)
			}
			if c == 0 && review != "" && self != "" && row < 0 {
				row = r
			}
		}
	}
	if row < 0 {
		t.Fatal("no unit with both a self and a review score")
	}
	unit := g.rows[row]
	windowShot(t, s.win, "entry-review.png")

	for _, bad := range []struct{ text, want string }{{"25", "超过了分值 20 分"}, {"良好", "应填数字，现在是“良好”"}} {
		typeCell(g, row, 0, bad.text)
		msg := s.message.Text
		if !strings.Contains(msg, unit.name) || !strings.Contains(msg, "服务政策宣传星") || !strings.Contains(msg, bad.want) {
			t.Errorf("typing %q: message %q should name %s, the item and say %q", bad.text, msg, unit.name, bad.want)
		}
		if s.message.Importance != widget.DangerImportance || len(g.bad) != 1 || len(g.edits) != 0 {
			t.Errorf("typing %q: importance %v, bad %v, edits %v", bad.text, s.message.Importance, g.bad, g.edits)
		}
		test.Tap(s.saveBtn)
		if log, _ := testEntryLog(o, p.ID); len(log) != 0 {
			t.Fatalf("a refused value was stored: %+v", log)
		}
		if !strings.Contains(s.message.Text, "填写有误") {
			t.Errorf("保存 with a refused cell: %q", s.message.Text)
		}
	}
	windowShot(t, s.win, "entry-review-refused.png")

	before, err := o.Results(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	old := formValue(t, o, p.ID, unit.subject, model.SourceReview, "policy", "score")
	oldD := model.D4(old)
	newD := oldD.Sub(model.Dec(2))
	if newD.Sign() < 0 {
		newD = oldD.Add(model.Dec(2))
	}
	typeCell(g, row, 0, newD.String())
	if len(g.bad) != 0 || g.edits[cellKey{unit.subject, 0}] != newD.String() || s.message.Text != "" {
		t.Fatalf("a valid correction: bad %v edits %v message %q", g.bad, g.edits, s.message.Text)
	}
	if g.chosen.Row != row+1 {
		t.Errorf("Enter should go down a row: chosen %+v", g.chosen)
	}
	windowShot(t, s.win, "entry-review-edited.png")
	test.Tap(s.saveBtn)
	f := s.reasonForm
	if f == nil || f.closed {
		t.Fatal("a correction should ask for 更正原因")
	}
	test.Tap(f.save)
	if !strings.Contains(f.errText.Text, "请填写更正原因") || f.closed {
		t.Fatalf("更正原因 is required: %q", f.errText.Text)
	}
	windowShot(t, s.win, "entry-review-reason.png")
	s.reasonEntry.SetText("复核佐证材料后更正")
	test.Tap(f.save)
	if !f.closed {
		t.Fatalf("the reason dialog stays open: %q", f.errText.Text)
	}
	log, err := testEntryLog(o, p.ID)
	if err != nil || len(log) != 1 {
		t.Fatalf("log: %+v, %v", log, err)
	}
	e := log[0]
	if e.Subject != unit.subject || e.Kind != model.EntryScore || e.Name != "policy" || e.Field != "score" ||
		e.Value != newD.String() || e.Old != old || e.User == "" || e.Reason != "复核佐证材料后更正" || e.Dept != "" {
		t.Errorf("logged %+v, want %s → %s", e, old, newD)
	}
	if saved != 1 || len(g.edits) != 0 || !strings.Contains(s.message.Text, "已保存 1 条") {
		t.Errorf("after saving: onSaved %d, edits %v, message %q", saved, g.edits, s.message.Text)
	}
	if v, _ := g.cellText(row, 0); v != newD.String() || !strings.Contains(g.origin[cellKey{unit.subject, 0}], "原为 "+old) {
		t.Errorf("the grid shows %q from %q after saving", v, g.origin[cellKey{unit.subject, 0}])
	}
	after, err := o.Results(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 002 篇十二: "每项最后得分 = 自评 × 30% + 考评 × 70%": the grade moves
	// by 0.7 × the change of the review score.
	gb, ga := before.Unit(unit.subject).Grade, after.Unit(unit.subject).Grade
	if want := newD.Sub(oldD).Mul(model.D4("0.7")); !ga.Sub(gb).Equal(want) {
		t.Errorf("grade %s → %s, want a change of %s", gb, ga, want)
	}
}

// TestReviewEntryByDepartment opens a period of the enterprise scheme,
// whose parts five departments score (000 第四篇): the pick-list lists
// them, and 组织部 sees only the items it owns.
func TestReviewEntryByDepartment(t *testing.T) {
	m, o, _ := demoWithForms(t)
	ctx := context.Background()
	sc, _, err := o.FindScheme(ctx, "qiye-cxcy", "")
	if err != nil {
		t.Fatal(err)
	}
	units, err := o.UnitsForScheme(ctx, sc)
	if err != nil || len(units) == 0 {
		t.Fatalf("units for the enterprise scheme: %v, %v", units, err)
	}
	p := model.Period{Name: "2026年度企业党组织创先争优考核", Scheme: sc, Units: units}
	if err := o.CreatePeriod(ctx, &p); err != nil {
		t.Fatal(err)
	}
	s := m.showReviewEntry(p.ID, nil)
	if !s.deptRow.Visible() || len(s.deptSelect.Options) < 5 {
		t.Fatalf("departments: visible %v, %v", s.deptRow.Visible(), s.deptSelect.Options)
	}
	s.deptSelect.SetSelected("组织部")
	if s.dept != "组织部" {
		t.Fatalf("chose %q", s.dept)
	}
	want := map[string]bool{}
	for _, fi := range formspec.ReviewItems(&p.Scheme, "组织部") {
		want[fi.Item.Code] = true
	}
	seen := map[string]bool{}
	for _, c := range s.grid.cols {
		if !want[c.name] {
			t.Errorf("组织部 sees %s, which it does not own", c.title)
		}
		if c.dept != "组织部" {
			t.Errorf("column %s enters for %q", c.title, c.dept)
		}
		seen[c.name] = true
	}
	if len(seen) != len(want) {
		t.Errorf("组织部 sees %d items, owns %d", len(seen), len(want))
	}
	windowShot(t, s.win, "entry-review-dept.png")
	// A value typed for 组织部 is stored as 组织部's.
	typeCell(s.grid, 0, 0, "1")
	if len(s.grid.bad) != 0 {
		t.Fatalf("refused: %s", s.message.Text)
	}
	test.Tap(s.saveBtn)
	log, _ := testEntryLog(o, p.ID)
	if len(log) != 1 || log[0].Dept != "组织部" {
		t.Errorf("log %+v", log)
	}
}

// subjectFact returns a fact of a unit or member as the results were
// computed with it.
func subjectFact(t *testing.T, o *office.Office, periodID int64, subject, name string) (string, bool) {
	t.Helper()
	r, err := o.Results(context.Background(), periodID)
	if err != nil {
		t.Fatal(err)
	}
	subs := r.Inputs.Units.Subjects
	if r.Inputs.Members != nil {
		subs = append(subs, r.Inputs.Members.Subjects...)
	}
	for _, s := range subs {
		if s.ID == subject {
			v, ok := s.Facts.Get(name)
			return v.String(), ok
		}
	}
	return "", false
}

// TestEntryWindowsReadOnlyWhenClosed: a closed period is shown, not
// changed.
func TestEntryWindowsReadOnlyWhenClosed(t *testing.T) {
	m, o, p := demoWithForms(t)
	if err := o.SetPeriodStatus(context.Background(), p.ID, model.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	s := m.showReviewEntry(p.ID, nil)
	s.grid.table.Select(widget.TableCellID{Row: 0, Col: gridLead})
	s.grid.table.TypedRune('9')
	if !s.grid.bar.Disabled() || s.grid.pending() != 0 || !strings.Contains(s.message.Text, "已关闭") {
		t.Errorf("closed period: bar disabled %v, pending %d, message %q", s.grid.bar.Disabled(), s.grid.pending(), s.message.Text)
	}
	f := m.showFactEntry(p.ID, nil)
	if !f.vetoes.add.Disabled() {
		t.Error("a closed period takes no veto")
	}
}

// TestEntryWindowsSurviveTheWalker presses every control of each entry
// window and of the dialogs they open, as TestPressEverythingDemo does for
// the main window (which reaches them through the results screen).
func TestEntryWindowsSurviveTheWalker(t *testing.T) {
	m, _, p := demoWithForms(t)
	w := newWalker(t, m)
	open := []func() fyne.Window{
		func() fyne.Window {
			s := m.showReviewEntry(p.ID, nil)
			typeCell(s.grid, 0, 0, "3") // an unsaved edit: closing asks
			return s.win
		},
		func() fyne.Window { return m.showFactEntry(p.ID, nil).win },
		func() fyne.Window { return m.showEntryLog(p.ID).win },
	}
	for _, f := range open {
		win := f()
		w.walkWindow(win, "窗口:"+win.Title(), 1)
		for _, o := range fyne.CurrentApp().Driver().AllWindows() {
			if o == win { // not closed by its own 关闭
				win.Close()
			}
		}
	}
	w.checkTexts()
	w.finish()
	if w.distinct() < 15 {
		t.Errorf("only %d controls pressed", w.distinct())
	}
	t.Logf("%d presses of %d distinct controls", w.taps, w.distinct())
}

// TestEntryGridKeys moves about the grid as a clerk does with the
// keyboard: arrows and Tab move, a key typed starts the cell, Tab confirms
// and goes right, Esc drops a refused value, Delete withdraws an edit, and
// closing with an edit asks first.
func TestEntryGridKeys(t *testing.T) {
	m, _, p := demoWithForms(t)
	s := m.showReviewEntry(p.ID, nil)
	g := s.grid
	key := func(o interface{ TypedKey(*fyne.KeyEvent) }, name fyne.KeyName) {
		o.TypedKey(&fyne.KeyEvent{Name: name})
	}
	g.table.Select(widget.TableCellID{Row: 0, Col: gridLead})
	key(g.table, fyne.KeyRight)
	key(g.table, fyne.KeyDown)
	if g.chosen != (widget.TableCellID{Row: 1, Col: gridLead + 1}) {
		t.Fatalf("arrows: chosen %+v", g.chosen)
	}
	g.table.TypedRune('1')
	test.Type(g.bar, "2")
	key(g.bar, fyne.KeyTab)
	if g.chosen.Col != gridLead+2 || g.edits[cellKey{g.rows[1].subject, 1}] != "12" {
		t.Fatalf("Tab: chosen %+v, edits %v", g.chosen, g.edits)
	}
	g.table.TypedRune('9')
	test.Type(g.bar, "9")
	key(g.bar, fyne.KeyReturn)
	if len(g.bad) != 1 || g.chosen.Row != 1 {
		t.Fatalf("a refused value stays put: bad %v, chosen %+v", g.bad, g.chosen)
	}
	key(g.bar, fyne.KeyEscape)
	if len(g.bad) != 0 {
		t.Errorf("Esc keeps the refused value: %v", g.bad)
	}
	key(g.table, fyne.KeyLeft)
	key(g.table, fyne.KeyDelete)
	if len(g.edits) != 0 || s.counts.Text != "" || !s.saveBtn.Disabled() {
		t.Errorf("Delete: edits %v, counts %q", g.edits, s.counts.Text)
	}
	typeCell(g, 0, 0, "10")
	test.Tap(s.closeBtn)
	if !isOpen(s.win) || s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("closing with an edit should ask first")
	}
}

// demoEntries are the entries the demo made itself (a cap's fact, a veto …).
func demoEntries(o interface {
	EntryLog(ctx context.Context, periodID int64) ([]model.Entry, error)
}, periodID int64) []model.Entry {
	log, _ := o.EntryLog(context.Background(), periodID)
	var out []model.Entry
	for _, e := range log {
		if e.User == "示范数据" {
			out = append(out, e)
		}
	}
	return out
}

// testEntryLog is the log of entries made by the test, without the demo's.
func testEntryLog(o interface {
	EntryLog(ctx context.Context, periodID int64) ([]model.Entry, error)
}, periodID int64) ([]model.Entry, error) {
	log, err := o.EntryLog(context.Background(), periodID)
	var out []model.Entry
	for _, e := range log {
		if e.User != "示范数据" {
			out = append(out, e)
		}
	}
	return out, err
}
