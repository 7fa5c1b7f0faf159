package ui

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// PeriodDesk is what the 考评收件 screen needs: the periods, their status
// boards, writing the forms out and taking the filled ones back.
type PeriodDesk interface {
	PeriodMaker
	// SavedSchemes lists the office's saved schemes, offered beside the
	// built-ins for a new period.
	SavedSchemeLister
	Periods(ctx context.Context) ([]model.Period, error)
	StatusBoard(ctx context.Context, periodID int64) (model.StatusBoard, error)
	ImportForms(ctx context.Context, paths []string, progress func(done, total int, last model.FileResult)) ([]model.FileResult, error)
	WriteFormsTo(ctx context.Context, periodID int64, dir string, progress func(done, total int)) (int, error)
	WriteMissingList(ctx context.Context, periodID int64, path string) (int, error)
	// IsFormFile reports whether a dropped path is returned forms (a folder,
	// a .zip, or a workbook of ours) rather than a roster.
	IsFormFile(path string) bool
	// DemoSubmissionsDir is where the demo's filled forms were written.
	DemoSubmissionsDir() string
	// FileData returns the kept bytes of a received file.
	FileData(ctx context.Context, sha string) ([]byte, error)
}

// PeriodsScreen is the 考评收件 tab: the period's status board — per unit
// submitted, missing or rejected (why), superseded versions — with buttons
// to write the forms out, import returned ones (also by dropping files,
// folders or .zip archives on the window) and export the list of units
// still missing. Imports run off the UI goroutine with a progress bar and a
// cancel button.
type PeriodsScreen struct {
	m       *MainWindow
	desk    PeriodDesk
	content fyne.CanvasObject
	body    *fyne.Container // content, laid out again when a line above the board shows or hides

	periods []model.Period
	current int // index in periods; -1 when there is none
	board   model.StatusBoard
	rows    []model.StatusRow // the rows shown, after the filter
	chosen  int               // index in rows; -1 when none

	periodSelect *widget.Select
	filter       *widget.Select
	summary      *widget.Label
	hint         *widget.Label
	table        *rowTable
	detail       *widget.Label
	detailDialog dialog.Dialog         // the last 收件详情 opened, for tests
	confirm      *dialog.ConfirmDialog // the last 关闭本期 / 重新打开 question, for tests
	originalBtn  *widget.Button
	formsButton  *widget.Button
	importButton *widget.Button
	folderButton *widget.Button
	missingBtn   *widget.Button
	newButton    *widget.Button
	toggleButton *widget.Button
	progress     *widget.ProgressBar
	progressText *widget.Label
	cancelButton *widget.Button
	progressBox  *fyne.Container

	mu     sync.Mutex
	cancel context.CancelFunc // of the import under way; nil when idle
	// lastImport holds the results of the last import, for the detail pane.
	lastImport []model.FileResult
	// selectAfterReload is the period to choose once the list is read again.
	selectAfterReload int64
}

func newPeriodsScreen(m *MainWindow, desk PeriodDesk) *PeriodsScreen {
	s := &PeriodsScreen{m: m, desk: desk, current: -1, chosen: -1}
	s.periodSelect = newSelect(nil, s.onPeriod)
	s.periodSelect.PlaceHolder = "（还没有考评周期）"
	s.filter = newSelect(stateFilters, nil)
	s.filter.Selected = stateFilters[0]
	s.summary = widget.NewLabel("")
	s.summary.TextStyle.Bold = true
	s.hint = widget.NewLabel("")
	s.hint.Wrapping = fyne.TextWrapWord
	s.hint.Hide()
	s.formsButton = newIconButton("生成下发表格…", theme.DocumentCreateIcon(), s.onWriteForms)
	s.importButton = newIconButton("导入收回的表格…", theme.FolderOpenIcon(), s.onPickFile)
	s.importButton.Importance = widget.HighImportance
	s.folderButton = newIconButton("导入整个文件夹…", theme.FolderIcon(), s.onPickFolder)
	s.missingBtn = newIconButton("导出未提交名单…", theme.DocumentSaveIcon(), s.onExportMissing)
	s.newButton = newIconButton("新建考评周期…", theme.ContentAddIcon(), s.onNewPeriod)
	s.toggleButton = newButton("关闭本期", s.onToggleOpen)
	s.table = newBoardTable(s)
	s.table.OnSelected = safely1(func(id widget.TableCellID) {
		if id.Row >= len(s.rows) { // the blank row after the last
			s.table.UnselectAll()
			return
		}
		s.chosen = id.Row
		s.table.Refresh() // the whole row highlighted
		s.showDetail()
	})
	s.detail = widget.NewLabel("选中一行可查看退回原因和收件记录。")
	s.detail.Wrapping = fyne.TextWrapWord
	s.originalBtn = newIconButton("另存收到的原件…", theme.DownloadIcon(), s.onSaveOriginal)
	s.originalBtn.Disable()
	s.progress = widget.NewProgressBar()
	s.progressText = widget.NewLabel("")
	s.progressText.Truncation = fyne.TextTruncateEllipsis
	s.cancelButton = newIconButton("取消导入", theme.CancelIcon(), s.onCancel)
	s.progressBox = container.NewBorder(nil, nil, nil, s.cancelButton, container.NewVBox(s.progress, s.progressText))
	s.progressBox.Hide()
	s.filter.OnChanged = safely1(func(string) { s.applyFilter() })

	// Three short rows, each able to shrink, so that the tab fits a window
	// 1024 wide at 150% scaling: the period, the file jobs (scrolled
	// sideways when narrower than the buttons), the filter and the counts.
	jobs := container.NewHScroll(container.NewHBox(s.formsButton, s.importButton, s.folderButton, s.missingBtn))
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("考评周期："),
			container.NewHBox(s.newButton, s.toggleButton), s.periodSelect),
		jobs,
		container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("显示："), wideEnough(s.filter, stateFilters)), nil, s.summary),
		s.hint, s.progressBox,
	)
	scroll := container.NewVScroll(s.detail)
	scroll.SetMinSize(fyne.NewSize(0, 90))
	detail := container.NewBorder(nil, nil, nil, container.NewVBox(s.originalBtn), scroll)
	split := container.NewVSplit(s.table, detail)
	split.Offset = 0.75
	s.body = container.NewBorder(top, nil, nil, nil, split)
	s.content = s.body
	s.setEnabled()
	return s
}

// wideEnough keeps a pick-list wide enough for its longest choice.
func wideEnough(sel *widget.Select, options []string) fyne.CanvasObject {
	w := float32(0)
	for _, o := range options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w+theme.IconInlineSize()+6*theme.Padding(), 0))
	return container.NewStack(r, sel)
}

// noPeriodText says what to do while there is no period; the buttons that
// need one stay disabled until then.
const noPeriodText = "还没有考评周期：先点“新建考评周期…”，再生成下发表格。"

// choosePeriod returns which of ps a screen shows after reading them again:
// the one with id keep, else (keep 0) the first open one, else the first;
// -1 when there is none.
func choosePeriod(ps []model.Period, keep int64) int {
	pick := -1
	for i, p := range ps {
		if p.ID == keep || (keep == 0 && pick < 0 && p.Status == model.PeriodOpen) {
			pick = i
		}
	}
	if pick < 0 && len(ps) > 0 {
		pick = 0
	}
	return pick
}

// readPeriods reads the periods off the UI goroutine and hands them to
// then, with the id of the period shown before (0 none); a failure is shown
// instead.
func (m *MainWindow) readPeriods(desk interface {
	Periods(ctx context.Context) ([]model.Period, error)
}, shown []model.Period, current int, then func(ps []model.Period, keep int64)) {
	keep := int64(0)
	if current >= 0 && current < len(shown) {
		keep = shown[current].ID
	}
	var ps []model.Period
	m.background(func() error {
		var err error
		ps, err = desk.Periods(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			m.showError("读取考评周期失败", err)
			return
		}
		then(ps, keep)
	})
}

// reload reads the periods and shows the chosen one's board.
func (s *PeriodsScreen) reload() {
	s.m.readPeriods(s.desk, s.periods, s.current, func(ps []model.Period, keep int64) {
		if s.selectAfterReload != 0 {
			keep, s.selectAfterReload = s.selectAfterReload, 0
		}
		s.periods = ps
		names := make([]string, len(ps))
		for i, p := range ps {
			names[i] = fmt.Sprintf("%s（%s，%d个党组织）", p.Name, p.Status.Label(), len(p.Units))
		}
		pick := choosePeriod(ps, keep)
		s.periodSelect.Options = names
		s.periodSelect.Selected = ""
		s.current = -1
		if pick >= 0 {
			s.periodSelect.SetSelectedIndex(pick) // calls onPeriod
		} else {
			s.periodSelect.ClearSelected()
			s.board = model.StatusBoard{}
			s.applyFilter()
			s.summary.SetText(noPeriodText)
		}
		s.setEnabled()
	})
}

func (s *PeriodsScreen) onPeriod(string) {
	i := s.periodSelect.SelectedIndex()
	if i < 0 || i >= len(s.periods) {
		return
	}
	s.current = i
	s.refreshBoard()
}

// refreshBoard reads the current period's board off the UI goroutine.
func (s *PeriodsScreen) refreshBoard() {
	if s.current < 0 {
		return
	}
	id := s.periods[s.current].ID
	var b model.StatusBoard
	s.m.background(func() error {
		var err error
		b, err = s.desk.StatusBoard(context.Background(), id)
		return err
	}, func(err error) {
		if err != nil {
			s.m.showError("读取收件情况失败", err)
			return
		}
		s.board = b
		s.summary.SetText(boardSummary(b))
		s.showDemoHint()
		s.applyFilter()
		s.setEnabled()
	})
}

// boardSummary counts the board the way its filter and the missing list
// do: a rejected form is among those not submitted.
func boardSummary(b model.StatusBoard) string {
	return fmt.Sprintf("应收 %d 份：已提交 %d，未提交 %d（其中被退回 %d）",
		len(b.Rows), b.Submitted, b.Missing+b.Rejected, b.Rejected)
}

// showDemoHint points a newcomer at the demo's filled forms while nothing
// has come in yet.
func (s *PeriodsScreen) showDemoHint() {
	dir := s.desk.DemoSubmissionsDir()
	if dir == "" || s.board.Submitted+s.board.Rejected > 0 {
		s.setHint(false)
		return
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		s.setHint(false)
		return
	}
	s.hint.SetText("示范：文件夹“" + dir + "”中有填好的示范表格（其中一份有错误），把整个文件夹拖到本窗口，或点“导入整个文件夹…”即可导入。")
	s.setHint(true)
}

// setHint shows or hides the hint, giving the board the room it leaves.
func (s *PeriodsScreen) setHint(show bool) {
	if show == s.hint.Visible() {
		return
	}
	if show {
		s.hint.Show()
	} else {
		s.hint.Hide()
	}
	s.body.Refresh()
}

func (s *PeriodsScreen) applyFilter() {
	want := s.filter.Selected
	s.rows = s.rows[:0]
	for _, r := range s.board.Rows {
		if keeps(want, r.State) {
			s.rows = append(s.rows, r)
		}
	}
	s.chosen = -1
	s.table.UnselectAll()
	s.table.padAfter(len(s.rows))
	s.table.Refresh()
	s.showDetail()
}

// showDetail lists every problem of the chosen row, each with its file,
// sheet and cell.
func (s *PeriodsScreen) showDetail() {
	if s.originalBtn != nil {
		enable(s.originalBtn, s.chosen >= 0 && s.chosen < len(s.rows) && s.rows[s.chosen].SHA256 != "")
	}
	if s.chosen < 0 || s.chosen >= len(s.rows) {
		if len(s.lastImport) > 0 {
			s.detail.SetText(importSummary(s.lastImport))
		} else {
			s.detail.SetText("选中一行可查看退回原因和收件记录。")
		}
		return
	}
	s.detail.SetText(rowDetail(s.rows[s.chosen]))
}

// importSummary describes the last import, rejected files first.
func importSummary(res []model.FileResult) string {
	count := map[model.Outcome]int{}
	for _, r := range res {
		count[r.Outcome]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "本次导入 %d 个文件：采用 %d，退回 %d，重复 %d。", len(res),
		count[model.OutcomeAccepted], count[model.OutcomeRejected], count[model.OutcomeDuplicate])
	for _, r := range res {
		if r.Outcome == model.OutcomeAccepted {
			continue
		}
		fmt.Fprintf(&b, "\n%s：%s", filepath.Base(r.Name), r.Outcome.Label())
		for _, p := range r.Problems {
			b.WriteString("\n    " + p)
		}
	}
	return b.String()
}

func (s *PeriodsScreen) busy() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cancel != nil
}

func (s *PeriodsScreen) setEnabled() {
	has := s.current >= 0
	idle := !s.busy()
	enable(s.newButton, idle)
	enable(s.toggleButton, has && idle)
	if has && s.periods[s.current].Status == model.PeriodClosed {
		s.toggleButton.SetText("重新打开")
	} else {
		s.toggleButton.SetText("关闭本期")
	}
	enable(s.formsButton, has && idle)
	enable(s.missingBtn, has && idle)
	enable(s.importButton, idle)
	enable(s.folderButton, idle)
}
