package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// PeriodMaker opens and closes periods.
type PeriodMaker interface {
	CreatePeriod(ctx context.Context, p *model.Period) error
	SetPeriodStatus(ctx context.Context, id int64, st model.PeriodStatus) error
	// UnitsForScheme lists the active 党支部 and 党总支 a unit scheme is
	// written for, the default scope of a new period.
	UnitsForScheme(ctx context.Context, s model.Scheme) ([]int64, error)
}

// noMemberScheme is the choice for a period without 党员评议.
const noMemberScheme = "（不评议党员）"

// periodForm is the dialog that opens a new period: its name and dates, the
// unit scheme frozen into it, the member scheme if members are appraised in
// the same round, and the units in scope (those the scheme is written for).
type periodForm struct {
	name         *textEntry
	start, end   *DateEntry
	scheme       *widget.Select
	memberScheme *widget.Select
	scope        *widget.Label
	units        []int64
	dialog       *formDialog
}

// onNewPeriod opens the period form.
func (s *PeriodsScreen) onNewPeriod() {
	var all []model.Scheme
	s.m.background(func() error {
		var err error
		all, err = defaultSchemeList(s.desk)(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			s.m.showError("读取考核方案失败", err)
			return
		}
		s.showPeriodForm(s.desk, all)
	})
}

func (s *PeriodsScreen) showPeriodForm(maker PeriodMaker, all []model.Scheme) *periodForm {
	var unitSchemes, memberSchemes []model.Scheme
	var unitNames []string
	memberNames := []string{noMemberScheme}
	used := map[string]int{}
	for _, sc := range all {
		// The office knows a scheme by its name and version, never by its
		// code; two alike are told apart by a number.
		label := sc.Name + "（版本 " + sc.Version + "）"
		if used[label]++; used[label] > 1 {
			label += fmt.Sprintf(" 之%d", used[label])
		}
		if sc.Subject == model.SubjectMember {
			memberSchemes = append(memberSchemes, sc)
			memberNames = append(memberNames, label)
		} else {
			unitSchemes = append(unitSchemes, sc)
			unitNames = append(unitNames, label)
		}
	}
	year := s.m.now().Year()
	f := &periodForm{
		name:         newEntry(),
		start:        newDateEntry(model.D(year, 1, 1)),
		end:          newDateEntry(model.D(year, 12, 31)),
		scheme:       newSelect(unitNames, nil),
		memberScheme: newSelect(memberNames, nil),
		scope:        widget.NewLabel("请先选择考核方案"),
	}
	f.name.PlaceHolder = fmt.Sprintf("如：%d年度村党支部星级评定", year)
	f.scope.Wrapping = fyne.TextWrapWord
	f.memberScheme.SetSelected(noMemberScheme)
	f.scheme.OnChanged = safely1(func(string) {
		i := f.scheme.SelectedIndex()
		if i < 0 {
			return
		}
		sc := unitSchemes[i]
		if strings.TrimSpace(f.name.Text) == "" {
			f.name.SetText(fmt.Sprintf("%d年度%s", year, sc.Name))
		}
		var ids []int64
		s.m.background(func() error {
			var err error
			ids, err = maker.UnitsForScheme(context.Background(), sc)
			return err
		}, func(err error) {
			if err != nil {
				f.scope.SetText(model.ErrorMessage(err))
				return
			}
			f.units = ids
			kinds := "各类"
			if len(sc.Kinds) > 0 {
				var ks []string
				for _, k := range sc.Kinds {
					ks = append(ks, string(k))
				}
				kinds = strings.Join(ks, "、")
			}
			f.scope.SetText(fmt.Sprintf("按方案适用的类型（%s），%d 个党支部、党总支参评。", kinds, len(ids)))
		})
	})
	items := []*widget.FormItem{
		widget.NewFormItem("考核方案", f.scheme),
		widget.NewFormItem("名称", f.name),
		widget.NewFormItem("开始日期", f.start),
		widget.NewFormItem("结束日期", f.end),
		widget.NewFormItem("党员评议", f.memberScheme),
		widget.NewFormItem("参评党组织", f.scope),
	}
	f.dialog = showFormDialog(s.m.win, "新建考评周期", "新建", items, func() error {
		i := f.scheme.SelectedIndex()
		if i < 0 {
			return model.FieldErrorf("Scheme", "请选择考核方案")
		}
		p := model.Period{Name: strings.TrimSpace(f.name.Text), Scheme: unitSchemes[i], Units: f.units}
		if j := f.memberScheme.SelectedIndex(); j > 0 {
			ms := memberSchemes[j-1]
			p.MemberScheme = &ms
		}
		var err error
		if p.Start, err = f.start.Date(); err != nil {
			return model.FieldErrorf("Start", "开始日期不正确：%s", model.ErrorMessage(err))
		}
		if p.End, err = f.end.Date(); err != nil {
			return model.FieldErrorf("End", "结束日期不正确：%s", model.ErrorMessage(err))
		}
		if err := maker.CreatePeriod(context.Background(), &p); err != nil {
			return err
		}
		s.m.setStatus(fmt.Sprintf("已新建考评周期“%s”，%d 个党组织参评。可点“生成下发表格…”。", p.Name, len(p.Units)))
		s.selectAfterReload = p.ID
		s.reload()
		return nil
	})
	return f
}

// onToggleOpen closes the chosen period, or opens it again.
func (s *PeriodsScreen) onToggleOpen() {
	maker := s.desk
	if s.current < 0 {
		return
	}
	p := s.periods[s.current]
	st, verb, note := model.PeriodClosed, "关闭", "关闭后不再接收填报（已收的表格保留），需要时可以重新打开。"
	if p.Status == model.PeriodClosed {
		st, verb, note = model.PeriodOpen, "重新打开", "重新打开后可以继续接收填报。"
	}
	s.confirm = showKeyConfirm(s.m.win, verb+"考评周期", "确定"+verb+"“"+p.Name+"”吗？\n"+note, verb, func() {
		s.m.background(func() error {
			return maker.SetPeriodStatus(context.Background(), p.ID, st)
		}, func(err error) {
			if err != nil {
				s.m.showError(verb+"考评周期失败", err)
				return
			}
			s.m.setStatus("已" + verb + "考评周期“" + p.Name + "”")
			s.reload()
		})
	})
}

// showKeyConfirm asks a yes-or-no question with Chinese buttons: yesText
// (or Enter) calls yes, 取消 (or Escape) closes.
func showKeyConfirm(win fyne.Window, title, message, yesText string, yes func()) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm(title, yesText, "取消", widget.NewLabel(message), func(ok bool) {
		if ok {
			safely(yes)()
		}
	}, win)
	answerKeys(win.Canvas(), d, d.Confirm, d.Dismiss)
	d.Show()
	return d
}

// answerKeys makes Enter call enter and Escape call escape while d is
// open: Fyne's own dialogs take no keys. The window's key handler comes
// back when d closes.
func answerKeys(c fyne.Canvas, d dialog.Dialog, enter, escape func()) {
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			safely(enter)()
		case fyne.KeyEscape:
			safely(escape)()
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}
