package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// stateFilters are the choices of the board's filter.
var stateFilters = []string{"全部", "未提交", "被退回", "已提交"}

// boardColumns are the board's headers and widths.
var boardColumns = []struct {
	title string
	width float32
}{
	{"编码", 90}, {"党组织 / 部门", 220}, {"书记", 70}, {"情况", 70}, {"版本", 130},
	{"收到时间", 130}, {"文件", 240}, {"退回原因", 420},
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

	periods []model.Period
	current int // index in periods; -1 when there is none
	board   model.StatusBoard
	rows    []model.StatusRow // the rows shown, after the filter
	chosen  int               // index in rows; -1 when none

	periodSelect *widget.Select
	filter       *widget.Select
	summary      *widget.Label
	hint         *widget.Label
	table        *widget.Table
	detail       *widget.Label
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
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.rows), len(boardColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(s.rows) {
				l.SetText("")
				return
			}
			l.TextStyle.Bold = id.Col == 3 && s.rows[id.Row].State != model.StateSubmitted
			l.SetText(boardCell(s.rows[id.Row], id.Col))
		})
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col >= 0 && id.Col < len(boardColumns) {
			l.SetText(boardColumns[id.Col].title)
		}
	}
	for i, c := range boardColumns {
		s.table.SetColumnWidth(i, c.width)
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		s.chosen = id.Row
		s.showDetail()
	}
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
	s.filter.OnChanged = func(string) { s.applyFilter() }

	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("考评周期："),
			container.NewHBox(s.newButton, s.toggleButton, widget.NewLabel("显示："), s.filter), s.periodSelect),
		container.NewHBox(s.formsButton, s.importButton, s.folderButton, s.missingBtn),
		s.summary, s.hint, s.progressBox,
	)
	scroll := container.NewVScroll(s.detail)
	scroll.SetMinSize(fyne.NewSize(0, 130))
	detail := container.NewBorder(nil, nil, nil, container.NewVBox(s.originalBtn), scroll)
	split := container.NewVSplit(s.table, detail)
	split.Offset = 0.72
	s.content = container.NewBorder(top, nil, nil, nil, split)
	s.setEnabled()
	return s
}

// boardCell is the text of one cell of the board.
func boardCell(r model.StatusRow, col int) string {
	switch col {
	case 0:
		return r.UnitCode
	case 1:
		if r.Form == model.FormReview {
			return r.Dept + "（考评表）"
		}
		return r.UnitName
	case 2:
		return r.Secretary
	case 3:
		return r.State.Label()
	case 4:
		if r.Version == 0 {
			return ""
		}
		v := fmt.Sprintf("第%d版", r.Version)
		if r.Superseded > 0 {
			v += fmt.Sprintf("（替换%d）", r.Superseded)
		}
		return v
	case 5:
		if r.Received.IsZero() {
			return ""
		}
		return r.Received.Format("2006-01-02 15:04")
	case 6:
		return r.File
	case 7:
		if len(r.Problems) == 0 {
			return ""
		}
		first := r.Problems[0]
		if _, after, ok := strings.Cut(first, "："); ok && strings.Contains(first, "工作表") {
			first = after
		}
		if len(r.Problems) > 1 {
			return fmt.Sprintf("（%d处）%s", len(r.Problems), first)
		}
		return first
	}
	return ""
}

// reload reads the periods and shows the chosen one's board.
func (s *PeriodsScreen) reload() {
	var ps []model.Period
	s.m.background(func() error {
		var err error
		ps, err = s.desk.Periods(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			s.m.showError("读取考评周期失败", err)
			return
		}
		keep := int64(0)
		if s.current >= 0 && s.current < len(s.periods) {
			keep = s.periods[s.current].ID
		}
		if s.selectAfterReload != 0 {
			keep, s.selectAfterReload = s.selectAfterReload, 0
		}
		s.periods = ps
		names := make([]string, len(ps))
		pick := -1
		for i, p := range ps {
			names[i] = fmt.Sprintf("%s（%s，%d个党组织）", p.Name, p.Status.Label(), len(p.Units))
			if p.ID == keep || (keep == 0 && pick < 0 && p.Status == model.PeriodOpen) {
				pick = i
			}
		}
		if pick < 0 && len(ps) > 0 {
			pick = 0
		}
		s.periodSelect.Options = names
		s.periodSelect.Selected = ""
		s.current = -1
		if pick >= 0 {
			s.periodSelect.SetSelectedIndex(pick) // calls onPeriod
		} else {
			s.periodSelect.ClearSelected()
			s.board = model.StatusBoard{}
			s.applyFilter()
			s.summary.SetText("还没有考评周期。载入示范数据后会有一个进行中的示范考评周期。")
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
		s.summary.SetText(fmt.Sprintf("应收 %d 份：已提交 %d，被退回 %d，未提交 %d",
			len(b.Rows), b.Submitted, b.Rejected, b.Missing))
		s.showDemoHint()
		s.applyFilter()
		s.setEnabled()
	})
}

// showDemoHint points a newcomer at the demo's filled forms while nothing
// has come in yet.
func (s *PeriodsScreen) showDemoHint() {
	dir := s.desk.DemoSubmissionsDir()
	if dir == "" || s.board.Submitted+s.board.Rejected > 0 {
		s.hint.Hide()
		return
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		s.hint.Hide()
		return
	}
	s.hint.SetText("示范：文件夹“" + dir + "”中有填好的示范表格（其中一份有错误），把整个文件夹拖到本窗口，或点“导入整个文件夹…”即可导入。")
	s.hint.Show()
}

func (s *PeriodsScreen) applyFilter() {
	want := s.filter.Selected
	s.rows = s.rows[:0]
	for _, r := range s.board.Rows {
		if want == "" || want == stateFilters[0] || r.State.Label() == want {
			s.rows = append(s.rows, r)
		}
	}
	s.chosen = -1
	s.table.UnselectAll()
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
	r := s.rows[s.chosen]
	who := r.UnitName
	if r.Form == model.FormReview {
		who = r.Dept + " 考评表"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s：%s", who, r.State.Label())
	if r.Version > 0 {
		fmt.Fprintf(&b, "，采用第 %d 版（%s，%s）", r.Version, r.File, r.Received.Format("2006-01-02 15:04"))
	}
	if r.Superseded > 0 {
		fmt.Fprintf(&b, "；较早的 %d 个版本已被替换，原件仍保留", r.Superseded)
	}
	if r.Rejected > 0 {
		fmt.Fprintf(&b, "；被退回 %d 次", r.Rejected)
	}
	if len(r.Problems) > 0 {
		b.WriteString("\n最近一次退回的原因：")
		for i, p := range r.Problems {
			fmt.Fprintf(&b, "\n%d. %s", i+1, p)
		}
	} else if r.State == model.StateMissing {
		b.WriteString("。可导出未提交名单，逐个电话联系。")
	}
	s.detail.SetText(b.String())
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
