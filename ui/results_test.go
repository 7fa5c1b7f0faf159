package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"xingji/cmd/office"
	"xingji/model"
	"xingji/scoring/period"
)

// openDemoResults loads the demo, drops its folder of filled forms on the
// window and opens the 考评结果 tab, as a newcomer would.
func openDemoResults(t *testing.T) (*MainWindow, *office.Office, *ResultsScreen) {
	t.Helper()
	m, o := newTestWindow(t)
	loadDemo(t, m)
	m.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(o.DemoSubmissionsDir())})
	m.tabs.Select(m.resultsTab)
	s := m.results
	if s.res == nil || !strings.Contains(s.periodSelect.Selected, "2026年度村党支部星级评定") {
		t.Fatalf("the demo period's results should show: %q, summary %q", s.periodSelect.Selected, s.summary.Text)
	}
	return m, o, s
}

// rowNamed returns the index of the ranking row named name, or -1.
func rowNamed(s *ResultsScreen, name string) int {
	for i, r := range s.rows {
		if r.name == name {
			return i
		}
	}
	return -1
}

// TestResultsOfTheDemo reads the demo's ranking: nine village branches
// ranked with their bands, the demo's veto and cap visible, every line of a
// unit opening to its explanation and the cells it came from.
func TestResultsOfTheDemo(t *testing.T) {
	m, o, s := openDemoResults(t)
	if len(s.rows) != 9 {
		t.Fatalf("the demo ranks 9 village branches, got %d rows", len(s.rows))
	}
	if s.rows[0].sub == nil || s.rows[0].sub.Rank != 1 || s.cell(0, rcRank) != "1" {
		t.Errorf("first row should be rank 1: %+v", s.rows[0])
	}
	var vetoed, capped int
	for i, r := range s.rows {
		if strings.Contains(r.marks, "一票否决") {
			vetoed++
			if s.cell(i, rcRank) != "—" || s.cell(i, rcBand) != "一票否决" {
				t.Errorf("a vetoed unit has no rank and no band: %q %q", s.cell(i, rcRank), s.cell(i, rcBand))
			}
		}
		if strings.Contains(r.marks, "限制：不按期换届") {
			capped++
		}
	}
	if vetoed != 1 || capped != 1 {
		t.Errorf("the demo shows one veto and one cap: %d, %d", vetoed, capped)
	}
	if !strings.Contains(s.vetoes.Text, "违反党风廉政建设") || !strings.Contains(s.vetoes.Text, "青纪发〔2026〕12号") {
		t.Errorf("veto report: %s", s.vetoes.Text)
	}
	if !strings.Contains(s.missing.Text, "未提交自评表") {
		t.Errorf("missing report: %s", s.missing.Text)
	}
	// Points to the next star, in the ranking and the detail.
	for i, r := range s.rows {
		next := s.cell(i, rcNext)
		switch {
		case strings.Contains(r.marks, "一票否决") && next != "被否决",
			r.sub.BandName == "三星级" && !strings.HasPrefix(next, "差"):
			t.Errorf("%s (%s): 距下一星级 %q", r.name, r.sub.BandName, next)
		}
	}
	if !strings.Contains(s.inflation.Text, "自评") || !strings.Contains(s.inflation.Text, "考评") {
		t.Errorf("inflation report: %s", s.inflation.Text)
	}
	if !strings.Contains(s.raters.Text, "评议人") {
		t.Errorf("raters report: %s", s.raters.Text)
	}
	s.sortSelect.SetSelected(sortNext)
	if got := s.cell(0, rcNext); !strings.HasPrefix(got, "差") {
		t.Errorf("sorted by 距下一星级, the first row should lack the fewest points: %q", got)
	}
	s.sortSelect.SetSelected(sortRank)
	// The filters.
	s.bandFilter.SetSelected("一票否决")
	if len(s.rows) != 1 {
		t.Errorf("band filter 一票否决 keeps %d rows", len(s.rows))
	}
	s.bandFilter.SetSelected(filterAllChoice)
	s.parentFilter.SetSelected(s.parentFilter.Options[1])
	if len(s.rows) == 0 || len(s.rows) == 9 {
		t.Errorf("parent filter %q keeps %d rows", s.parentFilter.Selected, len(s.rows))
	}
	s.parentFilter.SetSelected(filterAllChoice)
	s.sortSelect.SetSelected(sortCode)
	if s.rows[0].code > s.rows[1].code {
		t.Errorf("sorted by code: %s before %s", s.rows[0].code, s.rows[1].code)
	}
	s.sortSelect.SetSelected(sortRank)

	// A unit that sent its form: its items, self beside review.
	i := rowNamed(s, "城关镇黄家岭村党支部")
	if i < 0 {
		t.Fatal("城关镇黄家岭村党支部 not in the ranking")
	}
	s.table.Select(widget.TableCellID{Row: i, Col: rcName})
	d := s.detail
	if len(d.lines) < 5 || d.lines[0].self == "" || d.lines[0].review == "" {
		t.Fatalf("detail lines: %+v", d.lines)
	}
	if !strings.Contains(d.title.Text, "城关镇黄家岭村党支部") {
		t.Errorf("detail title %q", d.title.Text)
	}
	if !strings.Contains(d.next.Text, "距下一星级：再得") || !strings.Contains(d.next.Text, "四星级") {
		t.Errorf("points to the next star: %q", d.next.Text)
	}
	saveShot(t, m, "results-ranking.png")
	d.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(d.explain)
	for _, want := range []string{"计算过程", "× 30%", "× 70%", "数值来源", "工作表“自评表”G7", "考评表-党委.xlsx"} {
		if !strings.Contains(d.explained, want) {
			t.Errorf("explanation lacks %q:\n%s", want, d.explained)
		}
	}
	saveShot(t, m, "results-explanation.png")
	d.dialog.Hide()

	// Members, by branch.
	s.viewSelect.SetSelected(viewMembers)
	if len(s.rows) < 100 || s.table.cols[rcName].title != "姓名" {
		t.Fatalf("members view: %d rows", len(s.rows))
	}
	last := s.rows[len(s.rows)-1]
	if last.absent == nil || s.cell(len(s.rows)-1, rcBand) != "未计分" {
		t.Errorf("members with no rating come last, 未计分: %+v", last)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: rcName})
	if len(d.lines) < 4 || !strings.Contains(d.lines[0].label, "党员自评") {
		t.Errorf("a member's lines are the sources: %+v", d.lines)
	}
	saveShot(t, m, "results-members.png")
	s.viewSelect.SetSelected(viewUnits)

	// Save a version, then read it back from the list.
	test.Tap(s.saveButton)
	s.saveNote.SetText("提交党委会审议稿")
	s.saveForm.submit()
	vs, err := o.ResultVersions(context.Background(), s.periods[s.current].ID)
	if err != nil || len(vs) != 1 || vs[0].Note != "提交党委会审议稿" || !strings.Contains(m.status.Text, "已保存第 1 版结果") {
		t.Fatalf("versions %+v, %v; status %q", vs, err, m.status.Text)
	}
	test.Tap(s.versionsBtn)
	if s.versionsOpen.Disabled() {
		t.Error("the newest version should be chosen, ready to open")
	}
	s.versionsTable.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.versionsOpen)
	if !strings.Contains(s.versionText, "第1版") || !strings.Contains(s.versionText, "城关镇黄家岭村党支部") {
		t.Errorf("saved version text:\n%s", s.versionText)
	}
}

// TestResultsGoToBoard follows 缺少材料 to the status board.
func TestResultsGoToBoard(t *testing.T) {
	m, _, s := openDemoResults(t)
	s.onGoToBoard()
	if m.tabs.Selected() != m.periodsTab || m.periods.current < 0 {
		t.Errorf("到“考评收件”查看 should show the board of the period")
	}
}

// TestResultsFlagSchemeProblems shows a scheme whose threshold table has a
// gap: the summary names the problem, and the item whose input fell in the
// gap is marked 需注意 beside its number.
func TestResultsFlagSchemeProblems(t *testing.T) {
	m, _ := newTestWindow(t)
	from := func(v string) *model.Decimal { d := model.D4(v); return &d }
	s := model.Scheme{Code: "gap", Name: "知晓率测试方案", Version: "1", Subject: model.SubjectUnit, Total: model.D4("10"),
		Sources: []model.Source{{Code: model.SourceReview, Name: "考评", Weight: model.D4("100")}},
		Sections: []model.Section{{Code: "S", Title: "宣传", Items: []model.Item{{Code: "19", Title: "群众知晓率", Points: model.D4("10"),
			Rule: model.Table(model.TableRule{Input: "rate", Label: "知晓率", Unit: "%", Domain: model.Range{From: from("0"), To: from("100")},
				Bands: []model.TableBand{
					{Range: model.Range{From: from("90"), To: from("100"), ToIncl: true}, Points: model.D4("10")},
					{Range: model.Range{From: from("0"), To: from("80")}, Points: model.D4("0")},
				}})}}}},
		Bands: []model.Band{{Code: "a", Name: "合格", Range: model.Range{From: from("0")}}},
	}
	p := &model.Period{ID: 1, Name: "测试周期", Scheme: s, Units: []int64{1}}
	d := &period.Data{Period: p, Units: []model.Unit{{ID: 1, Name: "东岗村党支部", Code: "A"}},
		Accepted: []model.Submission{{FileName: "考评表-党委.xlsx", Version: 1, Values: []model.EntryValue{
			{Subject: "u:1", Source: model.SourceReview, Rater: "党委", Item: "19", Field: "rate", Value: "85", Sheet: "考评表", Cell: "D7"}}}}}
	res, err := period.Compute(d)
	if err != nil {
		t.Fatal(err)
	}
	rs := m.results
	rs.periods, rs.current = []model.Period{*p}, 0
	rs.show(res)
	if !strings.Contains(rs.summary.Text, "考核方案有") || !strings.Contains(rs.summary.Text, "需注意") {
		t.Errorf("summary should name the scheme's problem: %q", rs.summary.Text)
	}
	rs.table.Select(widget.TableCellID{Row: 0, Col: rcName})
	if len(rs.detail.lines) == 0 || !strings.HasPrefix(rs.detail.lines[0].label, "【需注意】") || !rs.detail.lines[0].flagged {
		t.Fatalf("the item in the gap should be marked: %+v", rs.detail.lines)
	}
	if !strings.Contains(rs.detail.gaps.Text, "需要注意") {
		t.Errorf("the unit's issues should show: %q", rs.detail.gaps.Text)
	}
}

// answerChooser answers the chooser on screen with path, as a clerk's
// choice would.
func answerChooser(t *testing.T, path string) {
	t.Helper()
	if pending.d == nil {
		t.Fatal("no chooser on screen")
	}
	d, choose := pending.d, pending.choose
	pending.d, pending.choose = nil, nil
	d.Hide()
	choose(path)
}

// TestResultsEntriesWorkbook exports the period's 录入表 from the results
// screen, corrects one review score in it as Excel would, imports it back
// and sees the rank move; a workbook with text in a number cell is refused
// with its cell and changes nothing.
func TestResultsEntriesWorkbook(t *testing.T) {
	m, o, s := openDemoResults(t)
	i := rowNamed(s, "城关镇黄家岭村党支部")
	before := *s.rows[i].sub
	book := filepath.Join(t.TempDir(), "录入 表.xlsx")
	test.Tap(s.exportBtn)
	answerChooser(t, book)
	if !strings.Contains(m.status.Text, "已导出录入表") {
		t.Fatalf("status after export: %q", m.status.Text)
	}
	edit := func(to string, cells map[string]any) {
		f, err := excelize.OpenFile(book)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for c, v := range cells {
			f.SetCellValue("考评得分", c, v)
		}
		if err := f.SaveAs(to); err != nil {
			t.Fatal(err)
		}
	}
	bad := filepath.Join(t.TempDir(), "录入 有错.xlsx")
	edit(bad, map[string]any{"F9": 20, "H9": "良好"})
	test.Tap(s.importBtn)
	answerChooser(t, bad)
	if !strings.Contains(s.lastError, "第9行 H列") || !strings.Contains(s.lastError, "良好") {
		t.Errorf("the refusal should name the cell: %q", s.lastError)
	}
	if log, _ := o.EntryLog(context.Background(), s.periods[s.current].ID); len(log) != 5 {
		t.Errorf("a refused workbook stored entries: %d in the log", len(log))
	}
	good := filepath.Join(t.TempDir(), "录入 已填.xlsx")
	edit(good, map[string]any{"F9": 20, "O9": "复核台账后更正"})
	test.Tap(s.importBtn)
	answerChooser(t, good)
	if !strings.Contains(m.status.Text, "已从录入表保存 1 条录入") {
		t.Fatalf("status after import: %q", m.status.Text)
	}
	after := s.rows[rowNamed(s, "城关镇黄家岭村党支部")].sub
	if after.Grade.Sub(before.Grade) != model.D4("1.05") || after.Rank >= before.Rank {
		t.Errorf("grade %s → %s, rank %d → %d", before.Grade, after.Grade, before.Rank, after.Rank)
	}
}

// TestResultsReviewCorrectionMovesRank opens 录入考评得分 from the results,
// raises a unit's review score as a department would after checking its
// files, and sees the ranking recomputed: the unit moves up, and the
// entry is recorded with who, the old value and why.
func TestResultsReviewCorrectionMovesRank(t *testing.T) {
	_, o, s := openDemoResults(t)
	i := rowNamed(s, "柳河乡永营村党支部")
	before := *s.rows[i].sub
	test.Tap(s.reviewBtn)
	rv := s.reviewScreen
	if rv == nil {
		t.Fatal("录入考评得分 opened nothing")
	}
	g := rv.grid
	row := -1
	for r, gr := range g.rows {
		if gr.name == "柳河乡永营村党支部" {
			row = r
		}
	}
	if row < 0 {
		t.Fatal("柳河乡永营村党支部 not in the grid")
	}
	typeCell(g, row, 0, "20")
	test.Tap(rv.saveBtn)
	rv.reasonEntry.SetText("复核台账后更正")
	test.Tap(rv.reasonForm.save)
	after := s.rows[rowNamed(s, "柳河乡永营村党支部")].sub
	if !before.Grade.Less(after.Grade) || after.Rank >= before.Rank {
		t.Errorf("grade %s → %s, rank %d → %d", before.Grade, after.Grade, before.Rank, after.Rank)
	}
	log, _ := testEntryLog(o, s.periods[s.current].ID)
	if len(log) != 1 || log[0].Value != "20" || log[0].Reason != "复核台账后更正" || log[0].User == "" || log[0].Old == "" {
		t.Errorf("entry recorded: %+v", log)
	}
	rv.win.Close()
}

// TestDropEntriesWorkbook drops a filled 录入表 on the window while another
// tab shows: the results come forward and the workbook is taken there, not
// by the forms' import.
func TestDropEntriesWorkbook(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	m.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(o.DemoSubmissionsDir())})
	if m.tabs.Selected() != m.periodsTab {
		t.Fatal("the forms' drop shows the status board")
	}
	ps, _ := o.Periods(context.Background())
	book := filepath.Join(t.TempDir(), "录入 表.xlsx")
	if err := o.WriteEntriesWorkbook(context.Background(), ps[0].ID, nil, book); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("考评得分", "F9", 20)
	f.SetCellValue("考评得分", "O9", "复核台账后更正")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	m.onDropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(book)})
	if m.tabs.Selected() != m.resultsTab || !strings.Contains(m.status.Text, "已从录入表保存 1 条录入") {
		t.Fatalf("a dropped 录入表 goes to the results: tab %q, status %q", m.tabs.Selected().Text, m.status.Text)
	}
	if log, _ := testEntryLog(o, ps[0].ID); len(log) != 1 || log[0].Value != "20" {
		t.Errorf("entries: %+v", log)
	}
}
