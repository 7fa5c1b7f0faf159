package ui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// fakeMembers is a MemberStore in memory: the members panel's logic runs
// against it without a database.
type fakeMembers struct {
	rows      []model.MemberRow
	createErr error
	queries   int
}

func (f *fakeMembers) Members(_ context.Context, q model.MemberQuery) (model.MemberPage, error) {
	f.queries++
	page := model.MemberPage{Total: len(f.rows)}
	end := min(q.Offset+q.Limit, len(f.rows))
	if q.Offset < end {
		page.Rows = append(page.Rows, f.rows[q.Offset:end]...)
	}
	return page, nil
}

func (f *fakeMembers) Member(_ context.Context, id int64) (model.Member, error) {
	for _, r := range f.rows {
		if r.ID == id {
			return r.Member, nil
		}
	}
	return model.Member{}, model.Errorf(model.ENotFound, "党员不存在")
}

func (f *fakeMembers) CreateMember(_ context.Context, m *model.Member, _ model.Date) error {
	if f.createErr != nil {
		return f.createErr
	}
	m.ID = int64(len(f.rows) + 1)
	f.rows = append(f.rows, model.MemberRow{Member: *m, UnitName: "第一党支部"})
	return nil
}

func (f *fakeMembers) UpdateMember(context.Context, model.Member) error { return nil }
func (f *fakeMembers) TransferMember(context.Context, int64, int64, model.Date, string) error {
	return nil
}
func (f *fakeMembers) DeleteMember(context.Context, int64) error { return nil }
func (f *fakeMembers) Memberships(context.Context, int64) ([]model.Membership, error) {
	return nil, nil
}

// newFakeMembersPanel builds a members panel on a fake store in a bare
// window (jobs run synchronously), showing unit 1.
func newFakeMembersPanel(t *testing.T, store *fakeMembers) *MembersPanel {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	m := &MainWindow{win: a.NewWindow("测试"), run: func(job func()) { job() }, status: widget.NewLabel(""), clock: fakeClock}
	m.members = newMembersPanel(m, store)
	m.win.SetContent(m.members.content)
	m.win.Resize(fyne.NewSize(1000, 600))
	m.members.showUnit(model.Unit{ID: 1, Name: "第一党支部"})
	return m.members
}

// fakeClock is the clock of the windows built on fakes: 2026-11-21 09:00.
func fakeClock() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.Local) }

func fakeRow(id int64, name string) model.MemberRow {
	return model.MemberRow{Member: model.Member{ID: id, UnitID: 1, Name: name, Gender: model.Male,
		Status: model.StatusFull, Category: model.CategoryActive}, UnitName: "第一党支部"}
}

func TestMembersPanelReloadShowsDataChangedBehindIt(t *testing.T) {
	store := &fakeMembers{rows: []model.MemberRow{fakeRow(1, "张三")}}
	p := newFakeMembersPanel(t, store)
	if p.page.Total != 1 || p.cellText(0, 1) != "张三" {
		t.Fatalf("first load: %+v", p.page)
	}
	// A restore or a roster import changes the data; the main window asks
	// the panel to read it again.
	store.rows = append(store.rows, fakeRow(2, "李四"))
	p.reload()
	if p.page.Total != 2 || p.cellText(1, 1) != "李四" {
		t.Fatalf("after reload: total %d, rows %+v", p.page.Total, p.page.Rows)
	}
}

func TestMemberFormShowsStoreErrorAndKeepsDialogOpen(t *testing.T) {
	store := &fakeMembers{createErr: model.FieldErrorf("UnitID", "“第一党支部”已撤销，不能再接收党员“王五”")}
	p := newFakeMembersPanel(t, store)
	test.Tap(p.addButton)
	f := p.form
	test.Type(f.name, "王五")
	f.gender.SetSelected("男")
	test.Tap(f.dialog.save)
	if !strings.Contains(f.dialog.errText.Text, "已撤销") || f.dialog.closed {
		t.Fatalf("the store's error should show in the open form, got %q (closed %v)", f.dialog.errText.Text, f.dialog.closed)
	}
}

// The member form refuses, in the form and naming the field: no gender,
// a phone that is not one, a 正式党员 who joined after today.
func TestMemberFormChecks(t *testing.T) {
	store := &fakeMembers{}
	p := newFakeMembersPanel(t, store)
	test.Tap(p.addButton)
	f := p.form
	test.Type(f.name, "王五")
	test.Tap(f.dialog.save)
	if !strings.Contains(f.dialog.errText.Text, "性别") {
		t.Errorf("no gender: %q", f.dialog.errText.Text)
	}
	f.gender.SetSelected("女")
	test.Type(f.phone, "abc")
	test.Tap(f.dialog.save)
	if !strings.Contains(f.dialog.errText.Text, "联系电话") {
		t.Errorf("phone abc: %q", f.dialog.errText.Text)
	}
	f.phone.SetText("")
	test.Type(f.phone, "０９３１－８１２３４５６")
	next := model.DateOf(fakeClock()).Year + 1
	test.Type(f.joined, itoa(next)+"-07-01")
	test.Tap(f.dialog.save)
	if !strings.Contains(f.dialog.errText.Text, "入党时间") || !strings.Contains(f.dialog.errText.Text, "将来") {
		t.Errorf("future join date: %q", f.dialog.errText.Text)
	}
	if len(store.rows) != 0 {
		t.Fatal("a refused form reached the store")
	}
	f.joined.SetText("2010-07-01")
	test.Tap(f.dialog.save)
	if f.dialog.errText.Text != "" || len(store.rows) != 1 {
		t.Fatalf("a good form was refused: %q", f.dialog.errText.Text)
	}
	if got := store.rows[0].Phone; got != "0931-8123456" {
		t.Errorf("phone stored as %q, want half-width 0931-8123456", got)
	}
	if store.rows[0].SortOrder != 0 {
		t.Errorf("a new member's blank 排序号 should reach the store as 0 (the store puts it last), got %d", store.rows[0].SortOrder)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A click selects the whole row: every cell of it is drawn with the
// selection colour. A double click or Enter opens the member.
func TestMemberTableSelectsWholeRowAndOpensOnDoubleClickOrEnter(t *testing.T) {
	store := &fakeMembers{rows: []model.MemberRow{fakeRow(1, "张三"), fakeRow(2, "李四"), fakeRow(3, "王五")}}
	p := newFakeMembersPanel(t, store)
	cells := visibleCells(p)
	if len(cells) == 0 {
		t.Fatal("no cells drawn")
	}
	var target *memberCell
	for _, c := range cells {
		if c.id.Row == 1 && c.id.Col == 3 {
			target = c
		}
	}
	if target == nil {
		t.Fatal("no cell for row 1, column 3")
	}
	test.Tap(target)
	if p.selected != 1 || p.editButton.Disabled() {
		t.Fatalf("selected row %d, edit enabled %v", p.selected, !p.editButton.Disabled())
	}
	saveShot(t, p.m, "roster-row-selected.png")
	sel := theme.Color(theme.ColorNameSelection)
	for _, c := range visibleCells(p) {
		if onRow := c.id.Row == 1; onRow != (c.bg.FillColor == sel) {
			t.Errorf("cell %v: selection colour %v, want %v", c.id, c.bg.FillColor == sel, onRow)
		}
	}
	test.DoubleTap(target)
	if p.form == nil || !strings.Contains(p.form.name.Text, "李四") {
		t.Fatal("a double click should open the member form for 李四")
	}
	p.form.dialog.close()
	p.form = nil
	p.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p.selected != 2 {
		t.Fatalf("arrow down: selected row %d, want 2", p.selected)
	}
	p.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.form == nil || p.form.name.Text != "王五" {
		t.Fatal("Enter should open the selected member (王五)")
	}
}

// visibleCells finds the roster cells on the canvas.
func visibleCells(p *MembersPanel) []*memberCell {
	var out []*memberCell
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if c, ok := o.(*memberCell); ok && c.Visible() {
			out = append(out, c)
			return
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(p.table)
	return out
}

// An imported roster shows in the member list at once, though the selected
// unit did not change.
func TestRosterImportRefreshesMemberList(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	branch := firstBranch(m)
	m.units.selectUnit(branch.ID)
	before := m.members.page.Total
	file := filepath.Join(t.TempDir(), "补充 花名册.csv")
	csv := "姓名,性别,出生日期,入党时间,所在支部\n欧阳新,男,1990.3.4,2015年7月," + branch.Name + "\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	m.onDropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(file)})
	s := m.importScreen
	if s == nil || !s.preview.Ready() {
		t.Fatalf("preview not ready: %+v", s)
	}
	test.Tap(s.apply)
	if m.members.page.Total != before+1 {
		t.Fatalf("after the import the list shows %d members, want %d", m.members.page.Total, before+1)
	}
	found := false
	for _, r := range m.members.page.Rows {
		found = found || r.Name == "欧阳新"
	}
	if !found {
		t.Error("the imported member is not in the list")
	}
}

// After a restore the list shows the restored data (Load keeps the unit).
func TestRestoreRefreshesMemberList(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	path, err := o.Backup(context.Background(), "manual")
	if err != nil {
		t.Fatal(err)
	}
	root := m.units.selected
	before := m.members.page.Total
	added := model.Member{UnitID: root, Name: "临时工", Gender: model.Male, Status: model.StatusFull, Category: model.CategoryActive}
	if err := o.CreateMember(context.Background(), &added, model.Date{}); err != nil {
		t.Fatal(err)
	}
	m.Load()
	if m.members.page.Total != before+1 {
		t.Fatalf("Load after a change: %d members, want %d", m.members.page.Total, before+1)
	}
	if err := o.Restore(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	m.Load()
	if m.units.selected != root || m.members.page.Total != before {
		t.Fatalf("after restore: unit %d (want %d), %d members (want %d)", m.units.selected, root, m.members.page.Total, before)
	}
}

// A new member lists below the secretary and everyone already there.
func TestNewMemberListsLast(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	branch := firstBranch(m)
	m.units.selectUnit(branch.ID)
	p := m.members
	test.Tap(p.addButton)
	f := p.form
	if f.sortOrder.Text != "" {
		t.Errorf("a new member's 排序号 should start blank, got %q", f.sortOrder.Text)
	}
	test.Type(f.name, "新同志")
	f.gender.SetSelected("女")
	test.Tap(f.dialog.save)
	if f.dialog.errText.Text != "" {
		t.Fatal(f.dialog.errText.Text)
	}
	last := p.page.Rows[len(p.page.Rows)-1]
	if p.page.Total > pageSize || last.Name != "新同志" {
		t.Fatalf("last row is %s, want the new member; first is %s (%s)", last.Name, p.page.Rows[0].Name, p.page.Rows[0].Position)
	}
}

func TestExportMemberListWritesAllPages(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	p := m.members
	if p.page.Total <= pageSize {
		t.Fatalf("the demo should have more than one page, has %d", p.page.Total)
	}
	path := filepath.Join(t.TempDir(), "名单.xlsx")
	p.exportTo(path)
	rows := readSheet(t, path, "党员名单")
	// Title, subtitle and header rows come first (row 1 is blank).
	if got := len(rows) - 4; got != p.page.Total {
		t.Fatalf("exported %d members, want all %d", got, p.page.Total)
	}
	if rows[3][1] != "序号" || rows[4][2] != p.page.Rows[0].Name {
		t.Errorf("header %q, first %q", rows[3], rows[4])
	}
	for _, r := range rows[4:] {
		if id := r[len(r)-1]; len(id) == 18 && !strings.Contains(id, "****") {
			t.Fatalf("unmasked ID number %q", id)
		}
	}
	if !strings.Contains(m.status.Text, "已导出党员名单") {
		t.Errorf("status %q", m.status.Text)
	}
}

// The move and dissolve dialogs behave like the other forms: saving with
// nothing chosen explains in the dialog; Escape closes it.
func TestUnitMoveAndDissolveUseFormDialog(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	branch := firstBranch(m)
	m.units.selectUnit(branch.ID)
	test.Tap(m.units.moveButton)
	d := m.units.moveDialog
	d.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(d.errText.Text, "请选择") || d.closed {
		t.Fatalf("Enter with no parent chosen: %q (closed %v)", d.errText.Text, d.closed)
	}
	d.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !d.closed {
		t.Error("Escape should close the move dialog")
	}
	test.Tap(m.units.dissolveBtn)
	dd := m.units.dissolveDialog
	test.Tap(dd.save)
	if !strings.Contains(dd.errText.Text, "党员") || dd.closed {
		t.Errorf("dissolving a branch with members should be explained in the dialog: %q", dd.errText.Text)
	}
}

func TestUnitDoubleClickOpensEdit(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	var node *unitNode
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if n, ok := o.(*unitNode); ok && n.Visible() && n.id != "" && node == nil {
			node = n
			return
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(m.units.tree)
	if node == nil {
		t.Fatal("no tree node drawn")
	}
	test.DoubleTap(node)
	if m.units.form == nil || m.units.form.name.Text != m.units.units[unitID(node.id)].Name {
		t.Fatal("a double click on a unit should open 编辑 for it")
	}
}

// A roster dropped on an empty database offers to create the committee
// (named from the file's units) and then imports into it.
func TestRosterOnEmptyDatabaseCreatesCommittee(t *testing.T) {
	m, o := newTestWindow(t)
	m.Load()
	file := filepath.Join(t.TempDir(), "花名册.csv")
	csv := "姓名,性别,出生日期,入党时间,所在支部\n周敏,女,1991.4.2,2016年6月,青禾县城关镇第一党支部\n吴刚,男,1985.2.1,2010.7,青禾县水务局党支部\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	m.onDropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(file)})
	s := m.importScreen
	if s == nil || s.newCommittee == nil {
		t.Fatal("an empty database should offer 新建本级党委 in the preview")
	}
	saveShot(t, m, "import-empty-database.png")
	if strings.Contains(s.summary.Text, "党支部”") || !strings.Contains(s.summary.Text, "中共青禾县委员会") {
		t.Errorf("the summary should give a committee as the example: %q", s.summary.Text)
	}
	test.Tap(s.newCommittee)
	f := s.committeeForm
	saveShot(t, m, "import-new-committee.png")
	if f.name.Text != "中共青禾县委员会" {
		t.Errorf("committee name prefilled %q", f.name.Text)
	}
	test.Type(f.code, "QH")
	test.Tap(f.dialog.save)
	if f.dialog.errText.Text != "" {
		t.Fatal(f.dialog.errText.Text)
	}
	s = m.importScreen
	if !s.preview.Ready() || s.preview.Counts.NewUnits != 2 {
		t.Fatalf("after creating the committee the file should be ready: %+v\n%s", s.preview.Counts, s.problems.Text)
	}
	test.Tap(s.apply)
	units, _ := o.Units(context.Background())
	if len(units) != 3 || m.members.page.Total != 2 {
		t.Fatalf("units %d (want 3), members shown %d (want 2)", len(units), m.members.page.Total)
	}
}

func TestGuessCommitteeName(t *testing.T) {
	for _, c := range []struct {
		units []string
		want  string
	}{
		{[]string{"青禾县城关镇第一党支部", "青禾县水务局党支部"}, "中共青禾县委员会"},
		{[]string{"城关镇东街社区党支部", "城关镇西街社区党支部"}, "中共城关镇委员会"},
		{[]string{"第一党支部", "第二党支部"}, ""},
		{nil, ""},
	} {
		if got := guessCommitteeName(c.units); got != c.want {
			t.Errorf("guessCommitteeName(%q) = %q, want %q", c.units, got, c.want)
		}
	}
}

// readSheet reads back a sheet of a written workbook.
func readSheet(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// On small screens (and large scale factors, which shrink the window in
// Fyne's units) the roster fits: the window's minimum size stays within the
// screen, and the table keeps its column widths and scrolls sideways.
func TestRosterFitsSmallScreens(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	min := m.win.Content().MinSize()
	t.Logf("roster minimum size %v", min)
	if min.Width > 1024 || min.Height > 700 {
		t.Fatalf("the roster needs at least %v, more than a 1024×700 window", min)
	}
	for _, s := range []struct {
		name string
		size fyne.Size
	}{
		{"1024x700", fyne.NewSize(1024, 700)},
		{"1366x768", fyne.NewSize(1366, 768)},
		{"1024x700-scale1.25", fyne.NewSize(1024/1.25, 700/1.25)},
		{"1366x768-scale1.5", fyne.NewSize(1366/1.5, 768/1.5)},
	} {
		m.win.Resize(s.size)
		if got := m.win.Canvas().Size(); got.Width > s.size.Width+1 {
			t.Errorf("%s: the window grew to %v", s.name, got)
		}
		saveShot(t, m, "roster-"+s.name+".png")
		for i, w := range memberColumnWidths {
			if w < 50 {
				t.Errorf("column %d width %v", i, w)
			}
		}
	}
}

// Tab moves through the roster in reading order: search, filters, table,
// then the buttons below it.
func TestMembersTabOrderFollowsLayout(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	p := m.members
	c := m.win.Canvas()
	c.Focus(p.search)
	want := []fyne.Focusable{p.status, p.category, p.gender, p.descendants, p.table, p.addButton}
	for i, w := range want {
		test.FocusNext(c)
		if got := c.Focused(); got != w {
			t.Fatalf("Tab %d from the search box focused %T, want %T", i+1, got, w)
		}
	}
	// And the tree comes before the roster.
	c.Focus(m.units.showDissolved)
	test.FocusNext(c)
	if c.Focused() != m.units.tree {
		t.Errorf("Tab from 显示已撤销的组织 focused %T, want the tree", c.Focused())
	}
}

// firstBranch is the first active 党支部 of the tree.
func firstBranch(m *MainWindow) model.Unit {
	for _, u := range m.units.activeUnits() {
		if u.Level == model.LevelBranch {
			return u
		}
	}
	return model.Unit{}
}
