package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/importers"
	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring/period"
)

// EntryDesk is what the entry screens need: a period's data and the checks
// of an entry, storing entries, and the log of every entry made.
type EntryDesk interface {
	PeriodData(ctx context.Context, periodID int64) (*period.Data, error)
	EntryChecker(ctx context.Context, periodID int64) (*period.Checker, error)
	AddEntries(ctx context.Context, periodID int64, entries []model.Entry) ([]model.Entry, error)
	EntryLog(ctx context.Context, periodID int64) ([]model.Entry, error)
}

// entryScreen is what the entry windows share: the window, the period's
// data and checks, the message line, the grids whose edits 保存 stores, and
// the questions asked before throwing edits away or replacing a value.
type entryScreen struct {
	m        *MainWindow
	win      fyne.Window
	desk     EntryDesk
	periodID int64
	onSaved  func()

	data    *period.Data
	checker *period.Checker
	names   schemeNames
	grids   []*entryGrid

	message  *widget.Label
	counts   *widget.Label
	saveBtn  *widget.Button
	closeBtn *widget.Button
	// reasonForm is the 更正原因 dialog shown last (a test hook).
	reasonForm  *formDialog
	reasonEntry *textEntry
	// reloadFn reads the data again and refills the screen (after a save).
	reloadFn func()
}

// openEntryWindow opens a window titled title for the period's entries.
func (m *MainWindow) openEntryWindow(s *entryScreen, desk EntryDesk, periodID int64, title string, onSaved func()) {
	s.m, s.desk, s.periodID, s.onSaved = m, desk, periodID, onSaved
	s.win = fyne.CurrentApp().NewWindow(title)
	s.win.SetIcon(AppIcon)
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.counts = widget.NewLabel("")
	s.saveBtn = newIconButton("保存", theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	s.saveBtn.Disable()
	s.closeBtn = newIconButton("关闭", theme.CancelIcon(), s.onClose)
	s.win.SetCloseIntercept(safely(s.onClose))
}

// show puts content in the window with the message line and the buttons
// below it, and shows the window sized for a laptop screen.
func (s *entryScreen) show(content fyne.CanvasObject) {
	lineH := fyne.MeasureText("字", theme.TextSize(), fyne.TextStyle{}).Height
	msg := container.NewVScroll(s.message)
	msg.SetMinSize(fyne.NewSize(0, 2*(lineH+theme.Padding())))
	buttons := container.NewHBox(s.counts, layout.NewSpacer(), s.closeBtn, s.saveBtn)
	s.win.SetContent(container.NewBorder(nil, container.NewVBox(msg, buttons), nil, nil, content))
	s.win.Resize(fyne.NewSize(1240, 700))
	s.win.Show()
	if FitToScreen != nil {
		FitToScreen(s.win)
	}
}

// say shows a message below the grid: an error in red.
func (s *entryScreen) say(text string, isError bool) {
	if isError {
		s.message.Importance = widget.DangerImportance
	} else {
		s.message.Importance = widget.MediumImportance
	}
	s.message.SetText(text)
}

// load reads the period's data and checks off the UI goroutine, then
// calls then.
func (s *entryScreen) load(then func()) {
	var d *period.Data
	var c *period.Checker
	s.m.background(func() error {
		var err error
		if d, err = s.desk.PeriodData(context.Background(), s.periodID); err != nil {
			return err
		}
		c, err = s.desk.EntryChecker(context.Background(), s.periodID)
		return err
	}, func(err error) {
		if err != nil {
			s.say("读取考评周期的数据失败："+model.ErrorMessage(err), true)
			return
		}
		s.data, s.checker, s.names = d, c, namesOf(&d.Period.Scheme)
		then()
		if s.readOnly() {
			s.say("考评周期“"+d.Period.Name+"”已关闭，只能查看；如需更正，请先在“考评收件”页重新打开本期。", false)
		}
	})
}

// readOnly reports whether the period takes no entries (it is closed).
func (s *entryScreen) readOnly() bool {
	return s.data == nil || s.data.Period.Status == model.PeriodClosed
}

// check checks an entry for this period.
func (s *entryScreen) check(e model.Entry) error {
	e.PeriodID = s.periodID
	return s.checker.Check(e)
}

// subjectName names a unit or member.
func (s *entryScreen) subjectName(subject string) string {
	if s.checker == nil {
		return subject
	}
	return s.checker.SubjectName(subject)
}

// changed updates the count of unsaved cells and the 保存 button.
func (s *entryScreen) changed() {
	n, bad := s.pending()
	switch {
	case n == 0:
		s.counts.SetText("")
	case bad > 0:
		s.counts.SetText(fmt.Sprintf("已修改 %d 格（其中 %d 格有误）", n, bad))
	default:
		s.counts.SetText(fmt.Sprintf("已修改 %d 格，未保存", n))
	}
	enable(s.saveBtn, n > 0 && !s.readOnly())
}

// pending counts the unsaved cells of every grid, and the refused ones.
func (s *entryScreen) pending() (n, bad int) {
	for _, g := range s.grids {
		n += g.pending()
		bad += len(g.bad)
	}
	return n, bad
}

// commitBars takes what each grid's bar holds into its cell.
func (s *entryScreen) commitBars() {
	for _, g := range s.grids {
		g.commitBar()
	}
}

// onSave stores the edits of every grid in one AddEntries call, asking
// first for 更正原因 when an edit replaces a value that stands.
func (s *entryScreen) onSave() {
	s.commitBars()
	n, bad := s.pending()
	if bad > 0 {
		for _, g := range s.grids {
			if why := g.firstBad(); why != "" {
				s.say(fmt.Sprintf("有 %d 格填写有误，改正或清空后才能保存：%s", bad, why), true)
				return
			}
		}
	}
	if n == 0 {
		s.say("没有要保存的修改。", false)
		return
	}
	var es []model.Entry
	var replacing []string
	for _, g := range s.grids {
		e, r := g.entries(s.periodID, s.subjectName)
		es, replacing = append(es, e...), append(replacing, r...)
	}
	if len(replacing) == 0 {
		s.storeGrids(es)
		return
	}
	s.askReason("填写更正原因", fmt.Sprintf("以下 %d 处将更正原有的值，请写明更正原因（记入录入记录）：", len(replacing)),
		replacing, func(reason string) {
			for i := range es {
				if es[i].Old != "" {
					es[i].Reason = reason
				}
			}
			s.storeGrids(es)
		})
}

// askReason asks for a reason (required) in a dialog listing what
// changes, and calls then with it.
func (s *entryScreen) askReason(title, intro string, lines []string, then func(reason string)) {
	shown := lines
	if len(shown) > 8 {
		shown = append(append([]string{}, lines[:8]...), fmt.Sprintf("……等共 %d 处", len(lines)))
	}
	list := widget.NewLabel(intro + "\n" + strings.Join(shown, "\n"))
	list.Wrapping = fyne.TextWrapWord
	reason := newMultiLineEntry()
	reason.SetPlaceHolder("如：复核佐证材料后更正；考核组复议后调整")
	reason.SetMinRowsVisible(2)
	s.reasonEntry = reason
	items := []*widget.FormItem{widget.NewFormItem("", list), widget.NewFormItem("更正原因", reason)}
	s.reasonForm = showFormDialog(s.win, title, "保存", items, func() error {
		r := freeText(reason.Text)
		if r == "" {
			return model.Errorf(model.EInvalid, "请填写更正原因：录入记录中每一处更正都要写明原因")
		}
		then(r)
		return nil
	})
}

// store saves es in one AddEntries call off the UI goroutine; on success
// it calls after with the entries stored, reads the data again and tells
// the results screen. An error is shown on the message line.
func (s *entryScreen) store(es []model.Entry, after func(stored []model.Entry)) {
	var stored []model.Entry
	s.saveBtn.Disable() // until this save is done
	s.m.background(func() error {
		var err error
		stored, err = s.desk.AddEntries(context.Background(), s.periodID, es)
		return err
	}, func(err error) {
		defer s.changed()
		if err != nil {
			s.say(model.ErrorMessage(err), true)
			return
		}
		after(stored)
		s.reload()
		if s.onSaved != nil {
			s.onSaved()
		}
	})
}

// storeGrids stores the edits of the grids and clears them.
func (s *entryScreen) storeGrids(es []model.Entry) {
	s.store(es, func(stored []model.Entry) {
		for _, g := range s.grids {
			g.discard()
		}
		s.changed()
		s.say(fmt.Sprintf("已保存 %d 条录入。", len(stored)), false)
	})
}

// userError turns a check's message into an error a form dialog shows as
// it is (the checks speak to the clerk already).
func userError(err error) error {
	if err == nil {
		return nil
	}
	return &model.Error{Code: model.EInvalid, Message: err.Error(), Err: err}
}

// reload is set by each screen: read the data again and refill its grids.
func (s *entryScreen) reload() {
	if s.reloadFn != nil {
		s.reloadFn()
	}
}

// onClose closes the window, asking first when edits would be lost.
func (s *entryScreen) onClose() {
	s.commitBars()
	if n, _ := s.pending(); n > 0 {
		showKeyConfirm(s.win, "放弃修改", fmt.Sprintf("有 %d 格修改还没有保存，关闭后将丢失。确定关闭吗？", n), "放弃修改", s.close)
		return
	}
	s.close()
}

// close closes the window unless it is closed already.
func (s *entryScreen) close() { closeOnce(s.win) }

// askDiscard calls then at once when nothing is unsaved, else after the
// clerk agrees to throw the edits away.
func (s *entryScreen) askDiscard(then func()) {
	s.commitBars()
	n, _ := s.pending()
	if n == 0 {
		then()
		return
	}
	showKeyConfirm(s.win, "放弃修改", fmt.Sprintf("有 %d 格修改还没有保存，切换后将丢失。确定切换吗？", n), "放弃修改", func() {
		for _, g := range s.grids {
			g.discard()
		}
		s.changed()
		then()
	})
}

// entryText turns what a clerk typed into an entry's value: full-width
// digits and a trailing unit ("８.５分", "95%") read as the number; for a
// flag 是/否 (also √/×, 有/无, 1/0) read as 1/0. Text that reads as neither
// is kept as typed, so that the checks say what is wrong with it.
func entryText(typed string, flag bool) string {
	t := importers.Clean(typed)
	if t == "" {
		return ""
	}
	if flag {
		switch strings.ToUpper(t) {
		case "是", "√", "Y", "1", "有":
			return "1"
		case "否", "×", "X", "N", "0", "无":
			return "0"
		}
		return t
	}
	f, err := importers.ParseNumber(strings.TrimSuffix(t, "%"))
	if err != nil {
		return t
	}
	d, ok := model.DecimalFromFloat(f)
	if !ok {
		return t
	}
	return d.Round(4).String()
}

// freeText is a reason, document number or name as typed, without the
// spaces around it; its Chinese punctuation is kept as it is.
func freeText(s string) string { return strings.TrimSpace(s) }

// shownValue is a stored value as the grid shows it: 是/否 for a flag.
func shownValue(v string, flag bool) string {
	if flag {
		switch v {
		case "1":
			return "是"
		case "0":
			return "否"
		}
	}
	return v
}

// unitRows returns the rows of the period's units in scope, in tree order.
func unitRows(d *period.Data) []gridRow {
	byID := make(map[int64]*model.Unit, len(d.Units))
	for i := range d.Units {
		byID[d.Units[i].ID] = &d.Units[i]
	}
	var out []gridRow
	for _, id := range d.Period.Units {
		if u := byID[id]; u != nil {
			out = append(out, gridRow{subject: formspec.UnitSubject(id).String(), code: u.Code, name: u.Name})
		}
	}
	return out
}

// sortByUnit orders entries by their unit's place in the period's tree
// order, then by name, so that a list reads the same however it was typed.
func sortByUnit(d *period.Data, es []model.Entry) {
	pos := map[string]int{}
	for i, id := range d.Period.Units {
		pos[formspec.UnitSubject(id).String()] = i
	}
	sort.SliceStable(es, func(i, j int) bool {
		if pi, pj := pos[es[i].Subject], pos[es[j].Subject]; pi != pj {
			return pi < pj
		}
		return es[i].Name < es[j].Name
	})
}

// entryOrigin says where the value an entry set came from, after "现值".
func entryOrigin(e *model.Entry) string {
	return period.Origin{Entry: e}.Where()
}

// formOrigin says which file and cell a form's value came from.
func formOrigin(sub *model.Submission, v *model.EntryValue) string {
	return "来自" + period.Origin{File: sub.FileName, Version: sub.Version, Sheet: v.Sheet, Cell: v.Cell}.Where()
}
