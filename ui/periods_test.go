package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// TestDropDemoSubmissionsFillsBoard drops the demo's folder of filled forms
// on the window, as a newcomer would, and reads the status board.
func TestDropDemoSubmissionsFillsBoard(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	s := m.periods
	if s.current < 0 || !strings.Contains(s.periodSelect.Selected, "2026年度村党支部星级评定") {
		t.Fatalf("the demo period should be chosen, got %q", s.periodSelect.Selected)
	}
	if s.board.Missing != len(s.board.Rows) || !s.hint.Visible() || !strings.Contains(s.hint.Text, o.DemoSubmissionsDir()) {
		t.Fatalf("before any import every form is missing and the hint names the demo folder: %+v, hint %q", s.board, s.hint.Text)
	}
	m.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(o.DemoSubmissionsDir())})
	if m.tabs.Selected() != m.periodsTab {
		t.Error("dropping forms should bring the 考评收件 tab forward")
	}
	b := s.board
	if b.Submitted == 0 || b.Rejected != 1 || b.Missing != 2 {
		t.Fatalf("board after the drop: submitted %d rejected %d missing %d", b.Submitted, b.Rejected, b.Missing)
	}
	if !strings.Contains(s.summary.Text, "被退回 1") || s.hint.Visible() {
		t.Errorf("summary %q, hint visible %v", s.summary.Text, s.hint.Visible())
	}
	if !strings.Contains(m.status.Text, "退回 1") || !strings.Contains(m.status.Text, "重复 1") {
		t.Errorf("status line %q should count the rejected and the duplicate file", m.status.Text)
	}
	// Only the rejected row, and its cell-by-cell reasons.
	s.filter.SetSelected(filterRejected)
	if len(s.rows) != 1 || s.rows[0].State != model.StateRejected {
		t.Fatalf("filter 被退回 shows %d rows", len(s.rows))
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 1})
	for _, want := range []string{"工作表“自评表”", "第7行 G列", "超过了分值", "良好"} {
		if !strings.Contains(s.detail.Text, want) {
			t.Errorf("detail should mention %q:\n%s", want, s.detail.Text)
		}
	}
	saveShot(t, m, "status-board-rejected.png")
	// The refused file, exactly as it came.
	if s.originalBtn.Disabled() {
		t.Fatal("另存收到的原件 should be enabled for a row with a file")
	}
	out := filepath.Join(t.TempDir(), "原件 副本.xlsx")
	s.saveOriginal(s.rows[0], out)
	got, err := os.ReadFile(out)
	want, _ := os.ReadFile(filepath.Join(o.DemoSubmissionsDir(), s.rows[0].File))
	if err != nil || len(got) == 0 || string(got) != string(want) {
		t.Errorf("saved original differs from the file received (%d vs %d bytes): %v", len(got), len(want), err)
	}
	if got := boardCell(s.rows[0], colState); got != "被退回" {
		t.Errorf("state cell %q", got)
	}
}

// TestNewPeriodAndClose opens a second period from the window — the
// enterprise scheme, whose parts are scored by five departments — and closes
// it again.
func TestNewPeriodAndClose(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	s := m.periods
	all, err := defaultSchemeList(o)(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f := s.showPeriodForm(o, all)
	for i, name := range f.scheme.Options {
		if strings.HasPrefix(name, "企业党(总)支部“创先争优”") {
			f.scheme.SetSelectedIndex(i)
		}
	}
	if !strings.Contains(f.scope.Text, "企业") || len(f.units) == 0 {
		t.Fatalf("scope for the enterprise scheme: %q", f.scope.Text)
	}
	if !strings.Contains(f.name.Text, "企业") {
		t.Errorf("the name should default from the scheme, got %q", f.name.Text)
	}
	saveShot(t, m, "new-period.png")
	test.Tap(f.dialog.save)
	if f.dialog.errText.Text != "" {
		t.Fatalf("create: %s", f.dialog.errText.Text)
	}
	if len(s.periods) != 2 || !strings.Contains(s.periodSelect.Selected, "企业") {
		t.Fatalf("the new period should be listed and chosen: %q", s.periodSelect.Selected)
	}
	depts := map[string]bool{}
	for _, r := range s.board.Rows {
		if r.Form == model.FormReview {
			depts[r.Dept] = true
		}
	}
	// 000 第四篇: 组织部 60, 宣传部 10, 党办 10, 纪委办 10, 干部部 10 each
	// enter their own part (the bonus items name further offices).
	for _, d := range []string{"组织部", "宣传部", "党委办公室", "纪委办公室", "干部部"} {
		if !depts[d] {
			t.Errorf("no review form for %s; have %v", d, depts)
		}
	}
	if s.board.Missing != len(s.board.Rows) {
		t.Errorf("a new period has every form missing: %+v", s.board)
	}
	ps, _ := o.Periods(context.Background())
	if err := o.SetPeriodStatus(context.Background(), ps[0].ID, model.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	s.reload()
	if s.toggleButton.Text != "重新打开" {
		t.Errorf("a closed period offers 重新打开, got %q", s.toggleButton.Text)
	}
}

// TestWriteFormsFromWindow writes the demo period's forms as 生成下发表格
// does once a folder is chosen: the folder and the .zip beside it.
func TestWriteFormsFromWindow(t *testing.T) {
	m, _ := newTestWindow(t)
	loadDemo(t, m)
	s := m.periods
	dest := filepath.Join(t.TempDir(), "下发 表格")
	s.writeForms(s.periods[s.current], dest)
	entries, err := os.ReadDir(dest)
	if err != nil || len(entries) != len(s.board.Rows) {
		t.Fatalf("folder: %d files for %d board rows: %v", len(entries), len(s.board.Rows), err)
	}
	if _, err := os.Stat(dest + ".zip"); err != nil {
		t.Fatal(err)
	}
	if s.progressBox.Visible() || s.busy() || !strings.Contains(m.status.Text, "已生成 10 份表格") {
		t.Errorf("after writing: progress visible %v, busy %v, status %q", s.progressBox.Visible(), s.busy(), m.status.Text)
	}
}

// cancellingDesk cancels the import from its first progress report, as the
// 取消导入 button would.
type cancellingDesk struct {
	PeriodDesk
	s *PeriodsScreen
}

func (d cancellingDesk) ImportForms(ctx context.Context, paths []string, progress func(done, total int, last model.FileResult)) ([]model.FileResult, error) {
	return d.PeriodDesk.ImportForms(ctx, paths, func(done, total int, last model.FileResult) {
		progress(done, total, last)
		if done == 1 {
			d.s.onCancel()
		}
	})
}

// TestCancelImport presses 取消导入 during an import: the files already
// taken stay, the status line says how far it got, and no error dialog
// interrupts the office.
func TestCancelImport(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	s := m.periods
	s.desk = cancellingDesk{PeriodDesk: o, s: s}
	s.Import([]string{o.DemoSubmissionsDir()})
	if !strings.Contains(m.status.Text, "导入已取消") || s.busy() || s.progressBox.Visible() {
		t.Fatalf("status %q, busy %v", m.status.Text, s.busy())
	}
	if got := s.board.Submitted + s.board.Rejected; got < 1 || got >= len(s.board.Rows)-2 {
		t.Errorf("the files taken before cancelling should show, and not all of them: board shows %d", got)
	}
	if len(m.win.Canvas().Overlays().List()) != 0 {
		t.Error("cancelling should not show an error dialog")
	}
}
