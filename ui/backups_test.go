package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"xingji/cmd/office"
	"xingji/model"
)

// TestBackupToFileAndRestoreFromFile takes the whole data to a folder of the
// clerk's choosing (a path with Chinese characters and a space, as on a USB
// stick), checks that this one file is a complete database, changes the
// data, and restores from the file: the change is gone, the members list
// shows the restored data, and the status line says what happened in words.
func TestBackupToFileAndRestoreFromFile(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	s := m.showBackups()
	stick := filepath.Join(t.TempDir(), "U盘 备份")
	if err := os.MkdirAll(stick, 0o755); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(stick, backupFileName(m.now()))
	s.backupTo(copyPath)
	if !strings.Contains(m.status.Text, "已把全部数据备份到") {
		t.Fatalf("status after 备份到: %q", m.status.Text)
	}
	if _, err := os.Stat(copyPath + "-wal"); err == nil {
		t.Error("the copy must be one self-contained file, without a -wal beside it")
	}
	// The copy alone opens as a database with every unit.
	want, err := o.Units(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "副本", "xingji.db")
	data, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(other), 0o755)
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	o2, err := office.Open(other)
	if err != nil {
		t.Fatalf("the copied file does not open alone: %v", err)
	}
	got, err := o2.Units(context.Background())
	o2.Close()
	if err != nil || len(got) != len(want) {
		t.Fatalf("the copy holds %d units, the database %d (%v)", len(got), len(want), err)
	}

	// Change the data, then restore from the file.
	u := model.Unit{ParentID: m.units.children[0][0], Name: "临时党支部", Code: "TMP-1", Level: model.LevelBranch, Kind: model.KindOrgan}
	if err := o.CreateUnit(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	s.confirm = func(_, msg string, yes func()) {
		if !strings.Contains(msg, copyPath) {
			t.Errorf("the question should name the file: %q", msg)
		}
		yes()
	}
	s.restore(copyPath, "文件“"+filepath.Base(copyPath)+"”中的备份")
	if _, err := o.UnitByCode(context.Background(), "TMP-1"); model.ErrorCodeOf(err) != model.ENotFound {
		t.Errorf("after restoring from the file the unit created later should be gone, got %v", err)
	}
	if !strings.Contains(m.status.Text, "已恢复文件") || strings.Contains(m.status.Text, ".db-") {
		t.Errorf("status after restore: %q", m.status.Text)
	}
	if m.members.page.Total < 550 {
		t.Errorf("the member list shows %d members after the restore", m.members.page.Total)
	}
	// The restore made a before-restore backup, listed in words.
	if len(s.backups) == 0 || s.backups[0].ReasonText() != "恢复前自动备份" {
		t.Errorf("newest backup after restore: %+v", s.backups)
	}
}

// TestScreensAndDatabaseReadOneClock: the window takes the time from the
// office's clock, which the database reads too, so fixing it once fixes the
// backup's name in the folder, the time the status line gives, the name
// offered for a copy and the year a new period starts in.
func TestScreensAndDatabaseReadOneClock(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	o.Clock = func() time.Time { return time.Date(2031, 5, 6, 10, 7, 0, 0, time.Local) }
	s := m.showBackups()
	test.Tap(s.backupButton)
	if !strings.Contains(m.status.Text, "10:07") {
		t.Errorf("status after 立即备份: %q", m.status.Text)
	}
	bs, err := o.Backups()
	if err != nil || len(bs) == 0 || bs[0].Reason != "manual" || !strings.Contains(filepath.Base(bs[0].Path), "20310506-1007") {
		t.Errorf("newest backup by the fixed clock: %+v (%v)", bs, err)
	}
	if got, want := backupFileName(m.now()), "星级考评备份 2031-05-06 1007.db"; got != want {
		t.Errorf("name offered for a copy: %q, want %q", got, want)
	}
	if got := m.now().Year(); got != 2031 {
		t.Errorf("the window's year: %d", got)
	}
}

// TestBackupToRefusesUnwritableFolder: a folder that does not exist gives a
// Chinese message, and nothing is left behind.
func TestBackupToRefusesUnwritableFolder(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	s := m.showBackups()
	bad := filepath.Join(t.TempDir(), "不存在的文件夹", "备份.db")
	s.backupTo(bad)
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no error dialog")
	}
	shown := shownText(top)
	if !strings.Contains(shown, "无法在") {
		t.Errorf("error dialog says %q", shown)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a file was left behind")
	}
}

// TestImportCheckpointsAndBacksUp: after an import of returned forms the
// data is in xingji.db itself (the log emptied), and a before-import backup
// was taken, as the README says.
func TestImportCheckpointsAndBacksUp(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	before, _ := o.Backups()
	m.periods.Import([]string{o.DemoSubmissionsDir()})
	after, _ := o.Backups()
	if len(after) != len(before)+1 || after[0].Reason != "before-import" {
		t.Fatalf("backups before %d, after %d (%+v)", len(before), len(after), after[0])
	}
	st, err := os.Stat(o.Path() + "-wal")
	if err == nil && st.Size() > 0 {
		t.Errorf("the log still holds %d bytes after the import: xingji.db alone is not whole", st.Size())
	}
	test.Tap(m.periods.importButton) // the chooser opens and is left open: no crash
}
