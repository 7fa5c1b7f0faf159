package ui

import (
	"context"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// dropDemo loads the demo and drops its folder of filled forms on the
// window: 7 forms taken, 1 refused, 2 units with nothing.
func dropDemo(t *testing.T) (*MainWindow, *PeriodsScreen) {
	t.Helper()
	m, o := newTestWindow(t)
	loadDemo(t, m)
	m.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(o.DemoSubmissionsDir())})
	return m, m.periods
}

// cellFill is the background the board draws for a cell.
func cellFill(s *PeriodsScreen, row, col int) color.Color {
	c := s.table.CreateCell()
	s.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, c)
	return c.(*fyne.Container).Objects[0].(*canvas.Rectangle).FillColor
}

// TestWaitingFilterIncludesRejected: after the demo folder is dropped,
// 未提交（含被退回） shows the 2 units that sent nothing and the 1 whose file
// was refused — the same 3 the missing list holds — each with a phone.
func TestWaitingFilterIncludesRejected(t *testing.T) {
	_, s := dropDemo(t)
	// The demo hint went away with the drop; the board takes its room.
	d := fyne.CurrentApp().Driver()
	gap := d.AbsolutePositionForObject(s.table).Y - (d.AbsolutePositionForObject(s.summary).Y + s.summary.Size().Height)
	if s.hint.Visible() || gap > 3*theme.Padding() {
		t.Errorf("a gap of %v above the board (hint visible %v)", gap, s.hint.Visible())
	}
	s.filter.SetSelected(filterWaiting)
	states := map[model.StatusState]int{}
	for _, r := range s.rows {
		states[r.State]++
		if r.Phone == "" || boardCell(r, colPhone) != r.Phone || boardCell(r, colSecretary) == "" {
			t.Errorf("row %s without its secretary's phone: %+v", r.UnitName, r)
		}
	}
	if len(s.rows) != 3 || states[model.StateMissing] != 2 || states[model.StateRejected] != 1 {
		t.Fatalf("未提交（含被退回）: %v", states)
	}
	if !strings.Contains(s.summary.Text, "未提交 3（其中被退回 1）") {
		t.Errorf("the summary should count the same way: %q", s.summary.Text)
	}
	s.filter.SetSelected(filterRejected)
	if len(s.rows) != 1 || s.rows[0].State != model.StateRejected {
		t.Errorf("仅被退回: %d rows", len(s.rows))
	}
	s.filter.SetSelected(filterSubmitted)
	if len(s.rows) != 7 {
		t.Errorf("已提交: %d rows", len(s.rows))
	}
}

// TestChosenRowHighlightedAndOpened: choosing a cell highlights every cell
// of its row; Enter and a double click open the row's detail.
func TestChosenRowHighlightedAndOpened(t *testing.T) {
	m, s := dropDemo(t)
	s.filter.SetSelected(filterAll)
	rejected := -1
	for i, r := range s.rows {
		if r.State == model.StateRejected {
			rejected = i
		}
	}
	s.table.Select(widget.TableCellID{Row: rejected, Col: colWho})
	sel := theme.Color(theme.ColorNameSelection)
	for col := range boardColumns {
		if cellFill(s, rejected, col) != sel {
			t.Errorf("column %d of the chosen row is not highlighted", col)
		}
		if cellFill(s, 0, col) == sel {
			t.Errorf("column %d of another row is highlighted", col)
		}
	}
	if s.originalBtn.Disabled() {
		t.Error("另存收到的原件 should be available for a row with a file")
	}

	// Enter opens the detail of the row under the keyboard cursor.
	s.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.detailDialog == nil {
		t.Fatal("Enter should open the row's detail")
	}
	top := m.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsOf(top), "第7行 G列") || !strings.Contains(labelsOf(top), s.rows[rejected].Phone) {
		t.Fatalf("detail dialog should list the reasons and the phone: %q", labelsOf(top))
	}
	m.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape should close the detail")
	}

	// A double click: two releases on the same spot.
	s.detailDialog = nil
	at := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(100, 60)}}
	s.table.MouseUp(at)
	if s.detailDialog != nil {
		t.Fatal("one click must not open the detail")
	}
	s.table.MouseUp(at)
	if s.detailDialog == nil {
		t.Fatal("a double click should open the detail")
	}
	s.detailDialog.Hide()
	s.detailDialog = nil
	header := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(100, 5)}}
	s.table.MouseUp(header)
	s.table.MouseUp(header)
	if s.detailDialog != nil {
		t.Error("a double click on the header row opens nothing")
	}
	s.table.lastUp = time.Now().Add(-time.Second)
	s.table.MouseUp(at)
	if s.detailDialog != nil {
		t.Error("two clicks a second apart are not a double click")
	}
}

// labelsOf joins the texts of the labels under o.
func labelsOf(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// TestBoardFitsSmallWindows lays the tab out at 1366×768 and 1024×700, and
// at what those screens give at 125% and 150% scaling, and checks that it
// fits: the tab's minimum size is within 1024×700 at 150%, the window's
// within 1024×700. With $XINGJI_SCREENSHOTS set it saves each picture.
func TestBoardFitsSmallWindows(t *testing.T) {
	m, s := dropDemo(t)
	if min := s.content.MinSize(); min.Width > 1024/1.5 || min.Height > 700/1.5 {
		t.Errorf("the 考评收件 tab needs %v, more than 1024×700 at 150%%", min)
	}
	if min := m.win.Content().MinSize(); min.Width > 1024 || min.Height > 700 {
		t.Errorf("the window needs %v, more than 1024×700", min)
	}
	s.filter.SetSelected(filterWaiting)
	s.table.Select(widget.TableCellID{Row: 2, Col: colWho})
	for _, sz := range []struct {
		name string
		size fyne.Size
	}{
		{"1366x768", fyne.NewSize(1366, 768)},
		{"1024x700", fyne.NewSize(1024, 700)},
		{"1366x768-scale1.5", fyne.NewSize(1366/1.5, 768/1.5)},
		{"1024x700-scale1.25", fyne.NewSize(1024/1.25, 700/1.25)},
		{"1024x700-scale1.5", fyne.NewSize(1024/1.5, 700/1.5)},
	} {
		m.win.Resize(sz.size)
		if got := m.win.Canvas().Size(); got.Width > sz.size.Width+1 {
			t.Errorf("%s: the window grew to %v", sz.name, got)
		}
		if w := s.importButton.Size().Width; w < s.importButton.MinSize().Width {
			t.Errorf("%s: 导入收回的表格 squeezed to %v", sz.name, w)
		}
		if dir := os.Getenv("XINGJI_SCREENSHOTS"); dir != "" {
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("status-board-%s.png", sz.name)))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(f, m.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
}

// fakeDesk is a PeriodDesk with one period whose board it is given, and an
// import that fails; what a test does not set is not expected to be called.
type fakeDesk struct {
	PeriodDesk
	periods   []model.Period
	board     model.StatusBoard
	importErr error
	imported  []string
}

func (d *fakeDesk) Periods(context.Context) ([]model.Period, error) { return d.periods, nil }
func (d *fakeDesk) StatusBoard(context.Context, int64) (model.StatusBoard, error) {
	return d.board, nil
}
func (d *fakeDesk) DemoSubmissionsDir() string { return "" }
func (d *fakeDesk) ImportForms(_ context.Context, paths []string, _ func(int, int, model.FileResult)) ([]model.FileResult, error) {
	d.imported = paths
	return nil, d.importErr
}

// TestFakeDeskRejectedRowAndFailedImport gives the screen a desk of its
// own: a rejected row shows its secretary's phone and stays among the
// units to call; an import that fails says why, in the status line and in
// a dialog.
func TestFakeDeskRejectedRowAndFailedImport(t *testing.T) {
	m, _ := newTestWindow(t)
	desk := &fakeDesk{
		periods: []model.Period{{ID: 4, Name: "2027年度星级评定", Status: model.PeriodOpen, Units: []int64{1, 2}}},
		board: model.StatusBoard{PeriodID: 4, PeriodName: "2027年度星级评定", Submitted: 1, Rejected: 1, Rows: []model.StatusRow{
			{Form: model.FormUnit, UnitCode: "A-01", UnitName: "东岗村党支部", Secretary: "王芳", Phone: "17012345678",
				State: model.StateRejected, File: "东岗.xlsx", SHA256: "ab", Problems: []string{"工作表“自评表”，第7行 G列：超过了分值"}},
			{Form: model.FormUnit, UnitCode: "A-02", UnitName: "西岗村党支部", Secretary: "李强", Phone: "17087654321", State: model.StateSubmitted, Version: 1},
		}},
		importErr: model.Errorf(model.EInvalid, "找不到文件夹“收回的表格”，请确认它还在"),
	}
	s := newPeriodsScreen(m, desk)
	m.win.SetContent(s.content)
	s.reload()
	s.filter.SetSelected(filterWaiting)
	if len(s.rows) != 1 || boardCell(s.rows[0], colPhone) != "17012345678" || boardCell(s.rows[0], colState) != "被退回" {
		t.Fatalf("未提交（含被退回）: %+v", s.rows)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: colPhone})
	if !strings.Contains(s.detail.Text, "电话 17012345678") || !strings.Contains(s.detail.Text, "第7行 G列") {
		t.Errorf("detail: %q", s.detail.Text)
	}
	s.Import([]string{"收回的表格"})
	if len(desk.imported) != 1 || !strings.Contains(m.status.Text, "导入未完成：找不到文件夹") {
		t.Errorf("status line after a failed import: %q", m.status.Text)
	}
	top := m.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelsOf(top), "找不到文件夹") {
		t.Error("a failed import should say why in a dialog")
	}
	if s.busy() || s.importButton.Disabled() {
		t.Error("after a failed import the screen should be ready for another")
	}
}

// TestButtonsWithoutPeriods: with no period every button either works or
// is disabled, the screen says what to do first, and nothing panics.
func TestButtonsWithoutPeriods(t *testing.T) {
	m, _ := newTestWindow(t)
	s := newPeriodsScreen(m, &fakeDesk{})
	m.win.SetContent(s.content)
	s.reload()
	if s.summary.Text != noPeriodText {
		t.Errorf("summary %q", s.summary.Text)
	}
	for name, b := range map[string]*widget.Button{"生成下发表格": s.formsButton, "导出未提交名单": s.missingBtn,
		"关闭本期": s.toggleButton, "另存收到的原件": s.originalBtn} {
		if !b.Disabled() {
			t.Errorf("%s should be disabled without a period", name)
		}
	}
	for name, b := range map[string]*widget.Button{"新建考评周期": s.newButton, "导入收回的表格": s.importButton, "导入整个文件夹": s.folderButton} {
		if b.Disabled() {
			t.Errorf("%s should work without a period", name)
		}
	}
	// Handlers reached another way (menu, keys) do nothing harmful.
	s.onWriteForms()
	s.onExportMissing()
	s.onToggleOpen()
	s.onSaveOriginal()
	s.openDetail()
	s.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.filter.SetSelected(filterWaiting)
	if top := m.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("nothing should pop up: %q", labelsOf(top))
	}
	if len(s.rows) != 0 || s.detailDialog != nil {
		t.Errorf("rows %d", len(s.rows))
	}
}

// TestNewPeriodKeysAndToggleConfirm: the new-period dialog fits 1024×700
// at 150%,
// Escape closes it untouched and Enter creates; 关闭本期 asks with Chinese
// buttons, Escape keeps the period open and Enter closes it.
func TestNewPeriodKeysAndToggleConfirm(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	m.win.Resize(fyne.NewSize(1024, 700))
	s := m.periods
	all, err := defaultSchemeList(o)(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f := s.showPeriodForm(o, all)
	if sz := m.win.Canvas().Overlays().Top().MinSize(); sz.Width > 1024/1.5 || sz.Height > 700/1.5 {
		t.Errorf("the new-period dialog needs %v, more than 1024×700 at 150%%", sz)
	}
	f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !f.dialog.closed {
		t.Fatal("Escape should close an untouched form")
	}
	f = s.showPeriodForm(o, all)
	for i, name := range f.scheme.Options {
		if strings.HasPrefix(name, "企业党(总)支部“创先争优”") {
			f.scheme.SetSelectedIndex(i)
		}
	}
	f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !f.dialog.closed || len(s.periods) != 2 {
		t.Fatalf("Enter should create the period: %q, %d periods", f.dialog.errText.Text, len(s.periods))
	}

	s.onToggleOpen()
	if s.confirm == nil || !strings.Contains(labelsOf(m.win.Canvas().Overlays().Top()), "取消") {
		t.Fatal("关闭本期 should ask first, with a 取消 button")
	}
	m.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.periods[s.current].Status != model.PeriodOpen {
		t.Fatal("Escape should keep the period open")
	}
	s.onToggleOpen()
	m.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.periods[s.current].Status != model.PeriodClosed || s.toggleButton.Text != "重新打开" {
		t.Fatalf("Enter should close the period: %s", s.periods[s.current].Status)
	}
	if !strings.Contains(m.status.Text, "已关闭考评周期") {
		t.Errorf("status %q", m.status.Text)
	}
}
