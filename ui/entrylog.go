package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring/period"
)

// EntryLogScreen is the 录入记录 window: every entry made for a period,
// newest first — when, who, about whom, what, the old and the new value,
// why (or the document number) and where it was typed (on screen, or the
// file, sheet and cell of an entries workbook). Nothing here changes.
type EntryLogScreen struct {
	m        *MainWindow
	win      fyne.Window
	desk     EntryDesk
	periodID int64

	data    *period.Data
	names   schemeNames
	log     []model.Entry // newest first
	table   *textTable
	summary *widget.Label
	detail  *widget.Label
}

// close closes the window unless it is closed already.
func (s *EntryLogScreen) close() { closeOnce(s.win) }

// logColumns are the columns of the log.
var logColumns = []textColumn{
	{"时间", 140}, {"录入人", 90}, {"类别", 80}, {"对象", 180}, {"内容", 230},
	{"原值", 88}, {"新值", 88}, {"原因 / 文号", 240}, {"来源", 240},
}

// showEntryLog opens 录入记录 for a period.
func (m *MainWindow) showEntryLog(periodID int64) *EntryLogScreen {
	return m.openEntryLog(m.office, periodID)
}

// openEntryLog opens the window on desk.
func (m *MainWindow) openEntryLog(desk EntryDesk, periodID int64) *EntryLogScreen {
	s := &EntryLogScreen{m: m, desk: desk, periodID: periodID}
	s.win = fyne.CurrentApp().NewWindow("录入记录")
	s.win.SetIcon(AppIcon)
	s.win.SetCloseIntercept(safely(s.close))
	s.summary = widget.NewLabelWithStyle("正在读取……", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.summary.Truncation = fyne.TextTruncateEllipsis
	s.detail = widget.NewLabel("选中一行可查看完整内容。")
	s.detail.Wrapping = fyne.TextWrapWord
	s.table = newTextTable(logColumns, func() int { return len(s.log) }, s.cell, s.onChoose)
	closeBtn := newIconButton("关闭", theme.CancelIcon(), s.close)
	scroll := container.NewVScroll(s.detail)
	scroll.SetMinSize(fyne.NewSize(0, 80))
	bottom := container.NewVBox(scroll, container.NewHBox(layout.NewSpacer(), closeBtn))
	s.win.SetContent(container.NewBorder(s.summary, bottom, nil, nil, s.table))
	s.win.Resize(fyne.NewSize(1240, 700))
	s.win.Show()
	if FitToScreen != nil {
		FitToScreen(s.win)
	}
	s.reload()
	return s
}

// reload reads the log and the period's data off the UI goroutine.
func (s *EntryLogScreen) reload() {
	var log []model.Entry
	var d *period.Data
	s.m.background(func() error {
		var err error
		if d, err = s.desk.PeriodData(context.Background(), s.periodID); err != nil {
			return err
		}
		log, err = s.desk.EntryLog(context.Background(), s.periodID)
		return err
	}, func(err error) {
		if err != nil {
			s.summary.SetText("读取录入记录失败：" + model.ErrorMessage(err))
			return
		}
		s.data, s.names = d, namesOf(&d.Period.Scheme)
		s.log = make([]model.Entry, len(log))
		for i, e := range log {
			s.log[len(log)-1-i] = e
		}
		s.summary.SetText(fmt.Sprintf("%s：共 %d 条录入，最新的在前", d.Period.Name, len(log)))
		s.table.reset()
	})
}

func (s *EntryLogScreen) onChoose(row int) {
	if row < 0 || row >= len(s.log) {
		s.detail.SetText("选中一行可查看完整内容。")
		return
	}
	e := s.log[row]
	s.detail.SetText(fmt.Sprintf("%s：%s　%s　%s → %s\n%s", e.Kind.Label(), s.subject(e), s.what(e),
		nonEmpty(s.value(e, e.Old, false), "（无）"), s.value(e, e.Value, true), period.Origin{Entry: &e}.Where()))
}

func nonEmpty(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// cell is the text of one cell of the log.
func (s *EntryLogScreen) cell(row, col int) string {
	e := s.log[row]
	switch col {
	case 0:
		return e.At.Local().Format("2006-01-02 15:04")
	case 1:
		return e.User
	case 2:
		return e.Kind.Label()
	case 3:
		return s.subject(e)
	case 4:
		return s.what(e)
	case 5:
		return s.value(e, e.Old, false)
	case 6:
		return s.value(e, e.Value, true)
	case 7:
		if e.DocNo != "" {
			return nonEmpty(e.Reason, "—") + "；文号 " + e.DocNo
		}
		return e.Reason
	case 8:
		if e.File == "" {
			return "屏幕录入"
		}
		return "录入表《" + e.File + "》工作表“" + e.Sheet + "”" + e.Cell
	}
	return ""
}

// subject names the unit or member of an entry.
func (s *EntryLogScreen) subject(e model.Entry) string {
	sub, err := formspec.ParseSubject(e.Subject)
	if err != nil {
		return e.Subject
	}
	if sub.Kind == model.SubjectMember {
		for _, mb := range s.data.Members {
			if mb.ID == sub.ID {
				return "党员 " + mb.Name
			}
		}
		return "（已不在本期的党员）"
	}
	for _, u := range s.data.Units {
		if u.ID == sub.ID {
			return u.Name
		}
	}
	return "（已删除的党组织）"
}

// scheme is the scheme an entry's subject is assessed by.
func (s *EntryLogScreen) scheme(e model.Entry) *model.Scheme {
	p := s.data.Period
	if k, _ := formspec.SubjectKindOf(e.Subject); k == model.SubjectMember && p.MemberScheme != nil {
		return p.MemberScheme
	}
	return &p.Scheme
}

// field returns the field of a score entry, if the item still has it.
func (s *EntryLogScreen) field(e model.Entry) (model.Field, bool) {
	if it := s.data.Period.Scheme.Item(e.Name); it != nil {
		for _, f := range model.ItemFields(it) {
			if f.Name == e.Field {
				return f, true
			}
		}
	}
	return model.Field{}, false
}

// what names what an entry sets: the item (and field), the fact, the
// veto's 事项, the own star.
func (s *EntryLogScreen) what(e model.Entry) string {
	sc := s.scheme(e)
	switch e.Kind {
	case model.EntryScore:
		it := sc.Item(e.Name)
		if it == nil {
			return "项目（已不在方案中）"
		}
		out := s.names.numbers[it.Code] + " " + shortTitle(it.Title)
		if f, ok := s.field(e); ok && f.Name != "score" {
			out += "：" + f.Label
		}
		return out
	case model.EntryFact:
		if f := sc.Fact(e.Name); f != nil {
			return f.Label
		}
	case model.EntryVeto:
		for _, v := range sc.Vetoes {
			if v.Code == e.Name {
				return v.Title
			}
		}
	case model.EntryOwnStar:
		return "个性星“" + e.Name + "”"
	}
	return "（已不在方案中）"
}

// value is the old or the new value of an entry in words: 是/否 for a
// flag, 否决 for a veto, （撤销）, （删除） or （清除） for an empty new
// value.
func (s *EntryLogScreen) value(e model.Entry, v string, isNew bool) string {
	flag := false
	switch e.Kind {
	case model.EntryVeto:
		if v == "1" {
			return "否决"
		}
	case model.EntryScore:
		f, ok := s.field(e)
		flag = ok && f.Kind == model.FieldFlag
	case model.EntryFact:
		f := s.scheme(e).Fact(e.Name)
		flag = f != nil && f.Flag
	}
	if v == "" && isNew {
		switch e.Kind {
		case model.EntryVeto:
			return "（撤销）"
		case model.EntryOwnStar:
			return "（删除）"
		}
		return "（清除）"
	}
	return shownValue(v, flag)
}
