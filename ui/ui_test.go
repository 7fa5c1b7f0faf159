package ui

import (
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"xingji/cmd/office"
	"xingji/model"
)

// newTestWindow opens a real database in a temporary folder (a path with
// Chinese characters and a space, as on an office PC) and builds the main
// window on Fyne's headless test app, running background jobs synchronously.
func newTestWindow(t *testing.T) (*MainWindow, *office.Office) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	if err := UseChineseForFyneTexts(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "党委 数据", "xingji.db")
	o, err := office.Open(path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { o.Close() })
	m := NewMainWindow(a, o)
	m.run = func(job func()) { job() }
	m.win.Resize(fyne.NewSize(1200, 760))
	return m, o
}

// loadDemo taps the welcome page's demo button and checks that the roster
// replaced the welcome page.
func loadDemo(t *testing.T, m *MainWindow) {
	t.Helper()
	m.Load()
	if m.win.Content() != m.welcome.content {
		t.Fatal("an empty database should show the welcome page")
	}
	test.Tap(m.welcome.demoButton)
	if m.win.Content() == m.welcome.content {
		t.Fatalf("after loading the demo the roster should replace the welcome page; status: %q", m.status.Text)
	}
}

func TestWelcomeLoadsDemoAndShowsRoster(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	roots := m.units.children[0]
	if len(roots) != 1 {
		t.Fatalf("demo should have one root committee, got %d", len(roots))
	}
	root := m.units.units[roots[0]]
	if !strings.Contains(root.Name, "青禾县") || m.units.selected != root.ID {
		t.Errorf("root %q should be selected, selected=%d", root.Name, m.units.selected)
	}
	if got := len(m.units.list); got < 35 || got > 50 {
		t.Errorf("demo county has %d units, want about 40", got)
	}
	// The whole committee's roster, first page.
	p := m.members
	if p.page.Total < 550 || len(p.page.Rows) != pageSize {
		t.Fatalf("roster total=%d rows=%d, want ~600 total and a full first page", p.page.Total, len(p.page.Rows))
	}
	if !strings.Contains(p.pageLabel.Text, "共 ") || !strings.Contains(p.pageLabel.Text, "第 1/") {
		t.Errorf("pager label %q", p.pageLabel.Text)
	}
	// ID numbers are masked in the list.
	for i := range p.page.Rows {
		if s := p.cellText(i, 10); s != "" && !strings.Contains(s, "********") {
			t.Fatalf("row %d shows an unmasked ID number %q", i, s)
		}
	}
	test.Tap(p.nextButton)
	if p.offset != pageSize || p.cellText(0, 0) != "101" {
		t.Errorf("next page: offset=%d first number=%s", p.offset, p.cellText(0, 0))
	}
	if p.prevButton.Disabled() {
		t.Error("previous should be enabled on page 2")
	}
}

func TestMembersSearchAndFilters(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	p := m.members
	first := p.page.Rows[0]
	full, err := o.Member(context.Background(), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	test.Type(p.search, full.Initials)
	if p.page.Total == 0 || p.page.Total >= 550 {
		t.Fatalf("search by initials %q found %d", full.Initials, p.page.Total)
	}
	found := false
	for _, r := range p.page.Rows {
		found = found || r.ID == first.ID
	}
	if !found {
		t.Errorf("search by initials %q did not find %s", full.Initials, first.Name)
	}
	p.search.SetText("")
	p.status.SetSelected(string(model.StatusCandidate))
	for _, r := range p.page.Rows {
		if r.Status != model.StatusCandidate {
			t.Fatalf("status filter let through %s (%s)", r.Name, r.Status)
		}
	}
	if p.page.Total == 0 {
		t.Error("the demo has some 预备 members")
	}
}

func TestUnitFormKeepsDialogOpenOnError(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	root := m.units.selected
	f := showUnitForm(m.win, "新增下级党组织", model.Unit{ParentID: root, Level: model.LevelBranch, Kind: model.KindOrgan},
		func(u model.Unit) error { return o.CreateUnit(context.Background(), &u) })
	test.Type(f.name, "县档案馆党支部")
	test.Tap(f.dialog.save)
	if !strings.Contains(f.dialog.errText.Text, "编码") {
		t.Fatalf("missing code should be explained in the dialog, got %q", f.dialog.errText.Text)
	}
	test.Type(f.code, "QH-DA")
	test.Tap(f.dialog.save)
	if f.dialog.errText.Text != "" {
		// a code clash with demo data would be reported here
		t.Fatalf("save failed: %s", f.dialog.errText.Text)
	}
	u, err := o.UnitByCode(context.Background(), "QH-DA")
	if err != nil || u.Name != "县档案馆党支部" || u.ParentID != root {
		t.Fatalf("unit not stored as entered: %+v, %v", u, err)
	}
}

func TestAddMemberAndTransfer(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	branches := []model.Unit{}
	for _, u := range m.units.activeUnits() {
		if u.Level == model.LevelBranch {
			branches = append(branches, u)
		}
	}
	from, to := branches[0], branches[1]
	m.units.selectUnit(from.ID)
	before := m.members.page.Total
	test.Tap(m.members.addButton)
	f := m.members.form
	test.Type(f.name, "李  堃")
	f.gender.SetSelected("男")
	test.Type(f.birth, "1985.6")
	test.Type(f.joined, "２０１０年７月１日")
	test.Type(f.idNumber, "11010519491231002x")
	test.Tap(f.dialog.save)
	if f.dialog.errText.Text != "" {
		t.Fatalf("save failed: %s", f.dialog.errText.Text)
	}
	if m.members.page.Total != before+1 {
		t.Fatalf("roster of %s: %d members, want %d", from.Name, m.members.page.Total, before+1)
	}
	test.Type(m.members.search, "李堃")
	if len(m.members.page.Rows) != 1 {
		t.Fatalf("search for the new member found %d rows", len(m.members.page.Rows))
	}
	row := m.members.page.Rows[0]
	if row.Joined != model.D(2010, 7, 1) || row.Birth != (model.Date{Year: 1985, Month: 6}) || row.MaskedID != "110105********002X" {
		t.Errorf("stored %+v", row)
	}
	if err := o.TransferMember(context.Background(), row.ID, to.ID, model.D(2026, 3, 1), "组织关系转接"); err != nil {
		t.Fatal(err)
	}
	at, err := o.MembersOfUnitAt(context.Background(), to.ID, model.D(2026, 3, 2))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, mm := range at {
		found = found || mm.ID == row.ID
	}
	if !found {
		t.Error("after the transfer the member should belong to the new unit")
	}
}

func TestBackupAndRestoreScreen(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	s := m.showBackups()
	n := len(s.backups)
	test.Tap(s.backupButton)
	if len(s.backups) != n+1 {
		t.Fatalf("manual backup: %d backups, want %d", len(s.backups), n+1)
	}
	// Change the data, then restore the manual backup.
	u := model.Unit{ParentID: m.units.children[0][0], Name: "临时党支部", Code: "TMP-1", Level: model.LevelBranch, Kind: model.KindOrgan}
	if err := o.CreateUnit(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	if err := o.Restore(context.Background(), s.backups[0].Path); err != nil {
		t.Fatal(err)
	}
	if _, err := o.UnitByCode(context.Background(), "TMP-1"); model.ErrorCodeOf(err) != model.ENotFound {
		t.Errorf("after restore the unit created later should be gone, got %v", err)
	}
}

func TestStartupProblemOffersRestoreForCorruptFile(t *testing.T) {
	a := test.NewTempApp(t)
	restored, reopened := false, false
	err := &model.Error{Code: model.ECorrupt, Message: "数据文件已损坏"}
	s := NewStartupProblem(a, "/tmp/x.db", err, RestoreOffer{
		Backup:  model.BackupInfo{Reason: "before-import"},
		Restore: func() error { restored = true; return nil },
		Reopen:  func() { reopened = true },
	})
	if s.restoreButton == nil || !strings.Contains(s.message.Text, "导入前自动备份") {
		t.Fatalf("a corrupt file should offer the newest backup; message %q", s.message.Text)
	}
	test.Tap(s.restoreButton)
	if !restored || !reopened {
		t.Error("restore button should restore and reopen")
	}
	locked := NewStartupProblem(a, "/tmp/x.db", &model.Error{Code: model.ELocked, Message: "正被使用"}, RestoreOffer{})
	if locked.restoreButton != nil || !strings.Contains(locked.message.Text, "同时只能由一个窗口使用") {
		t.Errorf("a locked file must not offer a restore; message %q", locked.message.Text)
	}
}

// TestRenderChinese renders the roster and checks that the embedded font
// draws Chinese: the window's title area must not be blank. The picture is
// written to $XINGJI_SCREENSHOTS when set, for people to look at.
func TestRenderChinese(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	img := saveShot(t, m, "roster-headless.png")
	b := img.Bounds()
	colours := map[uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[(r>>12)<<8|(g>>12)<<4|bl>>12] = true
		}
	}
	if len(colours) < 8 {
		t.Errorf("the rendered window has %d colours: nothing drawn?", len(colours))
	}
}

// TestDropRosterPreviewCreateAndApply drops a roster file on the window, as a
// file manager does: the preview lists the unknown unit and its problems,
// nothing is written until 导入, and after choosing to create the unit the
// whole file goes in.
func TestDropRosterPreviewCreateAndApply(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	dir := filepath.Join(t.TempDir(), "下发 文件")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "档案馆 花名册.csv")
	csv := "姓名,性别,出生日期,入党时间,所在支部\n周  敏,女,1991.4.2,2016年6月,县档案馆党支部\n吴刚,男,1985-13-01,2010.7,县档案馆党支部\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	m.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(file)})
	s := m.importScreen
	if s == nil {
		t.Fatalf("no preview after the drop; status %q", m.status.Text)
	}
	if len(s.preview.Errors) == 0 || !strings.Contains(s.problems.Text, "第3行") || !strings.Contains(s.problems.Text, "出生日期") {
		t.Fatalf("the bad birth date should be listed with its row and column:\n%s", s.problems.Text)
	}
	if !s.apply.Disabled() {
		t.Fatal("导入 must be disabled while there are problems")
	}
	saveShot(t, m, "import-problems.png")
	// The office fixes the file and drops it again.
	csv = strings.Replace(csv, "1985-13-01", "1985-12-01", 1)
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	s.dialog.Hide()
	m.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(file)})
	s = m.importScreen
	if len(s.preview.Errors) != 0 || len(s.preview.UnknownUnits) != 1 || s.unitChoices["县档案馆党支部"] == nil {
		t.Fatalf("want one unknown unit and no errors: %+v\n%s", s.preview.UnknownUnits, s.problems.Text)
	}
	if !s.apply.Disabled() {
		t.Fatal("导入 must wait for a decision about the unknown unit")
	}
	saveShot(t, m, "import-unknown-unit.png")
	test.Tap(s.recheck) // default choice: create it under the first unit (the county committee)
	s = m.importScreen
	if !s.preview.Ready() || s.apply.Disabled() || s.preview.Counts.New != 2 || s.preview.Counts.NewUnits != 1 {
		t.Fatalf("after choosing to create the unit the file should be ready: %+v", s.preview.Counts)
	}
	if page, _ := o.Members(context.Background(), model.MemberQuery{Text: "周敏"}); page.Total != 0 {
		t.Fatal("the preview wrote data before 导入")
	}
	test.Tap(s.apply)
	page, err := o.Members(context.Background(), model.MemberQuery{Text: "周敏"})
	if err != nil || page.Total != 1 || page.Rows[0].UnitName != "县档案馆党支部" || page.Rows[0].Joined != (model.Date{Year: 2016, Month: 6}) {
		t.Fatalf("after 导入: %+v, %v", page, err)
	}
	if !strings.Contains(m.status.Text, "新增党员 2 人") {
		t.Errorf("status after import: %q", m.status.Text)
	}
}

// saveShot captures the window; with $XINGJI_SCREENSHOTS set it also writes
// the picture there, for people to look at.
func saveShot(t *testing.T, m *MainWindow, name string) image.Image {
	t.Helper()
	img := m.win.Canvas().Capture()
	if dir := os.Getenv("XINGJI_SCREENSHOTS"); dir != "" {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	return img
}

// TestReloadKeepsDivider checks that reloading the tree (after adding a
// unit) keeps the layout, and so where the user dragged the divider.
func TestReloadKeepsDivider(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	before := m.win.Content()
	m.units.reload(0)
	if m.win.Content() != before {
		t.Error("a reload rebuilt the window's layout")
	}
}

// isOpen reports whether win is still among the app's windows.
func isOpen(win fyne.Window) bool {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w == win {
			return true
		}
	}
	return false
}
