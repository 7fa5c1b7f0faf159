package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/documents"
	"xingji/model"
	"xingji/scoring/period"
)

// ResultsDesk is what the 考评结果 screen needs: the periods, their results
// computed from the current data, the trend over the periods of the same
// scheme for the charts, and the saved results versions.
type ResultsDesk interface {
	Periods(ctx context.Context) ([]model.Period, error)
	Results(ctx context.Context, periodID int64) (*period.Results, error)
	Trend(ctx context.Context, periodID int64, kind model.SubjectKind) (documents.Trend, error)
	SaveResults(ctx context.Context, periodID int64, note string) (model.ResultVersion, error)
	ResultVersions(ctx context.Context, periodID int64) ([]model.ResultVersion, error)
	ResultVersion(ctx context.Context, periodID int64, number int) (model.ResultVersion, period.Saved, error)
}

// The two views of the results.
const (
	viewUnits   = "党组织排名"
	viewMembers = "党员排名"
)

// filterAllChoice is the first choice of every filter.
const filterAllChoice = "全部"

// Sort orders of the ranking.
const (
	sortRank = "按名次"
	sortCode = "按编码"
	sortNext = "按距下一星级"
)

var sortChoices = []string{sortRank, sortNext, sortCode}

// ResultsScreen is the 考评结果 tab: the period's ranking, always computed
// from the current inputs, sortable and filtered by parent unit, unit kind
// and band; the chosen unit's or member's lines beside it, each opening to
// its explanation and the cells it came from; and the reports around the
// ranking — what is still missing, vetoes and caps, quotas and the red
// flag.
type ResultsScreen struct {
	m       *MainWindow
	desk    ResultsDesk
	book    EntriesBook
	paper   PaperDesk
	notice  NoticeDesk
	content fyne.CanvasObject

	periods []model.Period
	current int // index in periods; -1 none
	res     *period.Results
	all     []resultRow // every row of the view, ranked
	rows    []resultRow // after the filters and the sort
	chosen  int         // index in rows; -1 none

	periodSelect *widget.Select
	viewSelect   *widget.Select
	parentFilter *widget.Select
	kindFilter   *widget.Select
	bandFilter   *widget.Select
	sortSelect   *widget.Select
	summary      *widget.Label
	table        *rowTable
	detail       *resultDetail
	side         *container.AppTabs
	missing      *widget.Label
	vetoes       *widget.Label
	quotas       *widget.Label
	inflation    *widget.Label
	raters       *widget.Label
	charts       *resultCharts
	// reportOn is the label of each report tab; stale, the labels whose
	// text changed while their tab was not showing (see setReport).
	reportOn    map[*container.TabItem]*widget.Label
	stale       map[*widget.Label]bool
	saveButton  *widget.Button
	versionsBtn *widget.Button
	paperBtn    *widget.Button
	paperDlg    *PaperExport // the last 打印与导出 dialog opened
	refreshBtn  *widget.Button
	exportBtn   *widget.Button
	importBtn   *widget.Button
	reviewBtn   *widget.Button
	factsBtn    *widget.Button
	logBtn      *widget.Button
	certsBtn    *widget.Button
	// certificates is the 荣誉证书 window opened last, for tests.
	certificates *CertificatesScreen
	noticeBtn    *widget.Button

	// The last dialogs opened, for tests.
	saveForm      *formDialog
	saveNote      *textEntry
	versionsTable *rowTable
	versionsOpen  *widget.Button
	versionText   string
	entriesForm   *formDialog
	// pendingDrop is a 录入表 dropped before the periods were read.
	pendingDrop  string
	reviewScreen *ReviewEntryScreen
	noticeDialog *noticeSettingsDialog
	lastError    string
}

func newResultsScreen(m *MainWindow, desk ResultsDesk, book EntriesBook, paper PaperDesk, notice NoticeDesk) *ResultsScreen {
	s := &ResultsScreen{m: m, desk: desk, book: book, paper: paper, notice: notice, current: -1, chosen: -1}
	s.periodSelect = newSelect(nil, s.onPeriod)
	s.periodSelect.PlaceHolder = "（还没有考评周期）"
	s.viewSelect = newSelect([]string{viewUnits, viewMembers}, func(string) { s.fill() })
	s.viewSelect.Selected = viewUnits
	s.parentFilter = newSelect([]string{filterAllChoice}, func(string) { s.applyFilter() })
	s.kindFilter = newSelect([]string{filterAllChoice}, func(string) { s.applyFilter() })
	s.bandFilter = newSelect([]string{filterAllChoice}, func(string) { s.applyFilter() })
	s.sortSelect = newSelect(sortChoices, func(string) { s.applyFilter() })
	for _, f := range []*widget.Select{s.parentFilter, s.kindFilter, s.bandFilter} {
		f.Selected = filterAllChoice
	}
	s.sortSelect.Selected = sortRank
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.refreshBtn = newIconButton("重新计算", theme.ViewRefreshIcon(), s.reload)
	s.saveButton = newIconButton("保存结果版本…", theme.DocumentSaveIcon(), s.onSaveVersion)
	s.versionsBtn = newIconButton("历史版本…", theme.HistoryIcon(), s.onVersions)
	s.paperBtn = newIconButton("打印与导出…", theme.DocumentPrintIcon(), s.onPaper)
	s.noticeBtn = newIconButton("公示设置…", theme.SettingsIcon(), s.onNoticeSettings)
	s.exportBtn = newIconButton("导出录入表…", theme.DocumentCreateIcon(), s.onExportEntries)
	s.importBtn = newIconButton("导入录入表…", theme.FolderOpenIcon(), s.onImportEntries)
	s.reviewBtn = newIconButton("录入考评得分…", theme.DocumentCreateIcon(), func() {
		if id := s.periodID(); id != 0 {
			s.reviewScreen = s.m.showReviewEntry(id, s.compute)
		}
	})
	s.factsBtn = newIconButton("录入事实与否决…", theme.DocumentCreateIcon(), func() {
		if id := s.periodID(); id != 0 {
			s.m.showFactEntry(id, s.compute)
		}
	})
	s.certsBtn = newIconButton("荣誉证书…", theme.DocumentPrintIcon(), func() {
		if id := s.periodID(); id != 0 {
			s.certificates = s.m.showCertificates(id)
		}
	})
	s.logBtn = newIconButton("录入记录…", theme.HistoryIcon(), func() {
		if id := s.periodID(); id != 0 {
			s.m.showEntryLog(id)
		}
	})

	s.table = newRowTable(resultColumns, func() int { return len(s.rows) }, s.cell, func() int { return s.chosen })
	s.table.style = s.cellStyle
	s.table.OnSelected = safely1(func(id widget.TableCellID) {
		if id.Row >= len(s.rows) {
			s.table.UnselectAll()
			return
		}
		s.chosen = id.Row
		s.table.Refresh()
		s.detail.show(s.res, s.rows[id.Row])
	})
	s.detail = newResultDetail(s)
	s.table.onOpen = safely(s.detail.openGrade)

	s.missing = wrapLabel("")
	s.vetoes = wrapLabel("")
	s.quotas = wrapLabel("")
	s.inflation = wrapLabel("")
	s.raters = wrapLabel("")
	toMissing := newIconButton("到“考评收件”查看", theme.NavigateNextIcon(), s.onGoToBoard)
	missingTab := container.NewTabItem("缺少材料", container.NewBorder(nil, container.NewHBox(toMissing), nil, nil, container.NewVScroll(s.missing)))
	vetoesTab := container.NewTabItem("否决与限制", container.NewVScroll(s.vetoes))
	quotasTab := container.NewTabItem("比例控制与红旗", container.NewVScroll(s.quotas))
	inflationTab := container.NewTabItem("自评虚高", container.NewVScroll(s.inflation))
	ratersTab := container.NewTabItem("评议偏差", container.NewVScroll(s.raters))
	s.reportOn = map[*container.TabItem]*widget.Label{missingTab: s.missing, vetoesTab: s.vetoes, quotasTab: s.quotas,
		inflationTab: s.inflation, ratersTab: s.raters}
	s.stale = map[*widget.Label]bool{}
	s.charts = newResultCharts(s)
	s.side = newTabs(container.NewTabItem("明细", s.detail.content), s.charts.tab, missingTab, vetoesTab, quotasTab, inflationTab, ratersTab)
	s.side.OnSelected = func(t *container.TabItem) {
		if t == s.charts.tab {
			s.charts.onSelected()
		}
		if l := s.reportOn[t]; l != nil && s.stale[l] {
			delete(s.stale, l)
			l.Refresh()
		}
	}

	paperRow := container.NewHScroll(container.NewHBox(widget.NewLabel("打印材料："), s.paperBtn, s.certsBtn, s.noticeBtn))
	entries := container.NewHScroll(container.NewHBox(widget.NewLabel("考核办录入："), s.reviewBtn, s.factsBtn,
		s.exportBtn, s.importBtn, s.logBtn))
	filters := container.NewHScroll(container.NewHBox(
		widget.NewLabel("显示："), s.viewSelect,
		widget.NewLabel("上级："), s.parentFilter,
		widget.NewLabel("类别："), s.kindFilter,
		widget.NewLabel("等次："), s.bandFilter,
		s.sortSelect,
	))
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("考评周期："),
			container.NewHBox(s.refreshBtn, s.saveButton, s.versionsBtn), s.periodSelect),
		paperRow,
		entries,
		filters,
		s.summary,
	)
	split := container.NewHSplit(s.table, s.side)
	split.Offset = 0.6
	s.content = container.NewBorder(top, nil, nil, nil, split)
	return s
}

// reload reads the periods and computes the chosen one's results: the
// period chosen before, else the first open one.
func (s *ResultsScreen) reload() {
	s.m.readPeriods(s.desk, s.periods, s.current, func(periods []model.Period, keep int64) {
		s.periods = periods
		names := make([]string, len(periods))
		for i, p := range periods {
			names[i] = periodChoice(p)
		}
		pick := choosePeriod(periods, keep)
		s.periodSelect.Options = names
		s.periodSelect.Selected = ""
		s.current = -1
		drop := s.pendingDrop
		s.pendingDrop = ""
		if pick < 0 {
			s.periodSelect.ClearSelected()
			s.show(nil)
			if drop != "" {
				s.m.setStatus("还没有考评周期，不能导入录入表。")
			}
			return
		}
		s.periodSelect.SetSelectedIndex(pick) // calls onPeriod
		if drop != "" {
			s.importEntries(s.periodID(), drop)
		}
	})
}

// periodChoice is how a period reads in the pick-list.
func periodChoice(p model.Period) string {
	return fmt.Sprintf("%s（%s）", p.Name, p.Status.Label())
}

// periodID is the chosen period's id, 0 when none.
func (s *ResultsScreen) periodID() int64 {
	if s.current < 0 || s.current >= len(s.periods) {
		return 0
	}
	return s.periods[s.current].ID
}

// onPeriod computes the results of the period chosen.
func (s *ResultsScreen) onPeriod(string) {
	i := s.periodSelect.SelectedIndex()
	if i < 0 || i >= len(s.periods) {
		return
	}
	s.current = i
	s.compute()
}

// compute computes the chosen period's results off the UI goroutine.
func (s *ResultsScreen) compute() {
	if s.current < 0 {
		return
	}
	id := s.periods[s.current].ID
	var res *period.Results
	s.summary.SetText("正在计算…")
	s.m.background(func() error {
		var err error
		res, err = s.desk.Results(context.Background(), id)
		return err
	}, func(err error) {
		if err != nil {
			s.summary.SetText("")
			s.m.showError("计算结果失败", err)
			return
		}
		s.show(res)
	})
}

// show puts results on screen (nil: none).
func (s *ResultsScreen) show(res *period.Results) {
	s.res = res
	hasMembers := res != nil && res.Members != nil
	if !hasMembers && s.viewSelect.Selected == viewMembers {
		s.viewSelect.Selected = viewUnits
		s.viewSelect.Refresh()
	}
	if hasMembers {
		s.viewSelect.Enable()
	} else {
		s.viewSelect.Disable()
	}
	if res == nil {
		s.summary.SetText("还没有考评周期。请先在“考评收件”页新建考评周期并导入收回的表格。")
		for _, b := range []*widget.Button{s.saveButton, s.versionsBtn, s.exportBtn, s.importBtn, s.refreshBtn, s.reviewBtn, s.factsBtn, s.logBtn, s.certsBtn, s.paperBtn} {
			b.Disable()
		}
	} else {
		for _, b := range []*widget.Button{s.saveButton, s.versionsBtn, s.exportBtn, s.importBtn, s.refreshBtn, s.reviewBtn, s.factsBtn, s.logBtn, s.certsBtn, s.paperBtn} {
			b.Enable()
		}
		text := res.Summary() + "。结果随收件和录入随时重新计算；发出前请“保存结果版本”。"
		if ps := res.Units.Problems; len(ps) > 0 {
			text += fmt.Sprintf("\n考核方案有 %d 处需要留意（如：%s），受影响的得分标有“需注意”。", len(ps), ps[0].Message)
		}
		s.summary.SetText(text)
	}
	s.fill()
	s.fillReports()
}

// fill builds the rows of the current view and the filters' choices.
func (s *ResultsScreen) fill() {
	s.all = s.all[:0]
	res := s.res
	members := s.viewSelect.Selected == viewMembers
	if members {
		s.table.cols[rcCode].title, s.table.cols[rcName].title, s.table.cols[rcParent].title = "", "姓名", "所在支部"
		s.table.SetColumnWidth(rcCode, 0)
		s.table.SetColumnWidth(rcName, 90)
		s.table.SetColumnWidth(rcParent, 190)
		s.table.SetColumnWidth(rcBand, 108)
	} else {
		s.table.cols[rcCode].title, s.table.cols[rcName].title, s.table.cols[rcParent].title = "编码", "党组织", "上级党组织"
		for _, c := range []int{rcCode, rcName, rcParent, rcBand} {
			s.table.SetColumnWidth(c, resultColumns[c].width)
		}
	}
	if res != nil {
		look := subjectLookup{units: make(map[int64]*model.Unit, len(res.Data.Units))}
		for i := range res.Data.Units {
			look.units[res.Data.Units[i].ID] = &res.Data.Units[i]
		}
		result := res.Units
		if members {
			result = res.Members
			if n := len(result.Subjects) + len(res.Inputs.Absent); cap(s.all) < n {
				s.all = make([]resultRow, 0, n)
			}
			look.members = make(map[int64]*model.Member, len(res.Data.Members))
			for i := range res.Data.Members {
				look.members[res.Data.Members[i].ID] = &res.Data.Members[i]
			}
		}
		next := res.UnitNext
		if members {
			next = res.MemberNext
		}
		if result != nil {
			for i := range result.Subjects {
				sub := &result.Subjects[i]
				s.all = append(s.all, look.rowFor(sub.ID, func(r *resultRow) {
					r.sub, r.marks = sub, s.marksOf(sub)
					if i < len(next) {
						r.next = &next[i]
					}
				}))
			}
		}
		for i := range res.Inputs.Absent {
			a := &res.Inputs.Absent[i]
			if (a.Kind == model.SubjectMember) == members {
				s.all = append(s.all, look.rowFor(a.Subject, func(r *resultRow) { r.absent = a; r.marks = a.Why }))
			}
		}
	}
	setChoices(s.parentFilter, distinct(s.all, func(r resultRow) string { return r.parent }))
	setChoices(s.kindFilter, distinct(s.all, func(r resultRow) string { return string(r.kind) }))
	setChoices(s.bandFilter, s.bandChoices())
	s.applyFilter()
	s.charts.changed()
}

// onGoToBoard shows the period's status board, where the missing forms
// are listed with the secretaries' phone numbers.
func (s *ResultsScreen) onGoToBoard() {
	if s.current >= 0 {
		s.m.periods.selectAfterReload = s.periods[s.current].ID
	}
	s.m.showPeriods()
}

// onPaper opens 打印与导出 for the period shown.
func (s *ResultsScreen) onPaper() {
	if s.current < 0 {
		return
	}
	p := s.periods[s.current]
	s.paperDlg = s.m.showPaperExport(s.paper, p.ID, p.Name)
}
