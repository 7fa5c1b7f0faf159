package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
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
	s.filter.SetSelected("被退回")
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
	if got := boardCell(s.rows[0], 3); got != "被退回" {
		t.Errorf("state cell %q", got)
	}
}
