package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// ownStarPanel is the 个性星 tab: the units' own stars (002 篇九: 十星 =
// common stars by kind + the unit's own) with their scores; each is added,
// re-scored or removed in its own dialog and stored at once.
type ownStarPanel struct {
	s       *FactEntryScreen
	rows    []model.Entry // the own stars that stand
	table   *textTable
	add     *widget.Button
	edit    *widget.Button
	remove  *widget.Button
	note    *widget.Label
	content fyne.CanvasObject
	form    *formDialog // the dialog shown last (a test hook)
	// the fields of the dialog shown last (test hooks)
	unit        *widget.Select
	name, score *textEntry
	reason      *textEntry
}

func newOwnStarPanel(s *FactEntryScreen) *ownStarPanel {
	p := &ownStarPanel{s: s}
	p.table = newTextTable([]textColumn{{"党组织", 220}, {"个性星", 200}, {"得分", 80}, {"是否获得", 90}, {"录入人", 90}, {"时间", 140}},
		func() int { return len(p.rows) }, p.cell, func(int) { p.setEnabled() })
	p.add = newIconButton("新增个性星…", theme.ContentAddIcon(), p.onAdd)
	p.edit = newIconButton("修改得分…", theme.DocumentCreateIcon(), p.onEdit)
	p.remove = newIconButton("删除所选…", theme.DeleteIcon(), p.onRemove)
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.content = container.NewBorder(container.NewVBox(p.note, container.NewHBox(p.add, p.edit, p.remove, layout.NewSpacer())),
		nil, nil, nil, p.table)
	return p
}

func (p *ownStarPanel) model() *model.StarModel { return p.s.data.Period.Scheme.Stars }

// earned says whether a score earns the own star.
func (p *ownStarPanel) earned(score string) string {
	d, err := model.ParseDecimal(score)
	switch {
	case err != nil:
		return ""
	case p.model().OwnEarn == nil || p.model().OwnEarn.Contains(d):
		return "获得"
	}
	return "未获得"
}

func (p *ownStarPanel) cell(row, col int) string {
	e := p.rows[row]
	switch col {
	case 0:
		return p.s.subjectName(e.Subject)
	case 1:
		return e.Name
	case 2:
		return e.Value
	case 3:
		return p.earned(e.Value)
	case 4:
		return e.User
	case 5:
		return e.At.Local().Format("2006-01-02 15:04")
	}
	return ""
}

// refill lists the own stars that stand now.
func (p *ownStarPanel) refill() {
	p.rows = unitEntries(p.s.data, model.EntryOwnStar, p.rows[:0])
	text := fmt.Sprintf("每个党组织最多可报 %d 颗个性星", p.model().OwnSlots)
	if r := p.model().OwnEarn; r != nil {
		text += "，得分" + r.Describe("分") + "的获得"
	}
	p.note.SetText(text + "。新增、修改和删除在对话框中保存后立即生效，计入录入记录。")
	p.table.reset()
	p.setEnabled()
}

func (p *ownStarPanel) setEnabled() {
	open := !p.s.readOnly()
	chosen := p.table.chosenRow >= 0 && p.table.chosenRow < len(p.rows)
	enable(p.add, open)
	enable(p.edit, open && chosen)
	enable(p.remove, open && chosen)
}

// scoreEntry is an own star's entry with the score typed, checked.
func (p *ownStarPanel) scoreEntry(subject, name, typed string) (model.Entry, error) {
	e := model.Entry{EntryKey: model.EntryKey{Subject: subject, Kind: model.EntryOwnStar, Name: name}, Value: entryText(typed, false)}
	if e.Value == "" {
		return e, model.Errorf(model.EInvalid, "请填写个性星“%s”的得分", name)
	}
	return e, userError(p.s.check(e))
}

// onAdd asks for the unit, the star's name and its score.
func (p *ownStarPanel) onAdd() {
	units := unitRows(p.s.data)
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.name + "（" + u.code + "）"
	}
	p.unit = newSelect(names, nil)
	p.name = newEntry()
	p.name.SetPlaceHolder("如：产业兴旺星")
	p.score = newEntry()
	p.score.SetPlaceHolder("如：9")
	items := []*widget.FormItem{widget.NewFormItem("党组织", p.unit), widget.NewFormItem("个性星名称", p.name),
		widget.NewFormItem("得分", p.score)}
	p.form = showFormDialog(p.s.win, "新增个性星", "保存", items, func() error {
		ui := p.unit.SelectedIndex()
		name := freeText(p.name.Text)
		switch {
		case ui < 0:
			return model.Errorf(model.EInvalid, "请选择党组织")
		case name == "":
			return model.Errorf(model.EInvalid, "请填写个性星的名称")
		}
		u := units[ui]
		have := 0
		for _, r := range p.rows {
			if r.Subject != u.subject {
				continue
			}
			if r.Name == name {
				return model.Errorf(model.EInvalid, "“%s”已有个性星“%s”，要改得分请选中它后点“修改得分…”", u.name, name)
			}
			have++
		}
		if have >= p.model().OwnSlots {
			return model.Errorf(model.EInvalid, "每个党组织最多可报 %d 颗个性星，“%s”已有 %d 颗", p.model().OwnSlots, u.name, have)
		}
		e, err := p.scoreEntry(u.subject, name, p.score.Text)
		if err != nil {
			return err
		}
		p.s.store([]model.Entry{e}, func([]model.Entry) { p.s.say("已录入“"+u.name+"”的个性星“"+name+"”。", false) })
		return nil
	})
}

// onEdit asks for the chosen star's new score and why.
func (p *ownStarPanel) onEdit() {
	p.change(false)
}

// onRemove asks why, and removes the chosen star.
func (p *ownStarPanel) onRemove() {
	p.change(true)
}

// change re-scores (remove false) or removes the chosen own star, with a
// reason, which the log keeps.
func (p *ownStarPanel) change(remove bool) {
	i := p.table.chosenRow
	if i < 0 || i >= len(p.rows) {
		return
	}
	cur := p.rows[i]
	who := p.s.subjectName(cur.Subject)
	what := widget.NewLabel(fmt.Sprintf("“%s”的个性星“%s”，现得分 %s", who, cur.Name, cur.Value))
	what.Wrapping = fyne.TextWrapWord
	p.score = newEntry()
	p.score.SetText(cur.Value)
	p.reason = newMultiLineEntry()
	p.reason.SetMinRowsVisible(2)
	items := []*widget.FormItem{widget.NewFormItem("", what)}
	title, save, label := "修改个性星得分", "保存", "更正原因"
	if remove {
		title, save, label = "删除个性星", "删除", "删除原因"
	} else {
		items = append(items, widget.NewFormItem("得分", p.score))
	}
	items = append(items, widget.NewFormItem(label, p.reason))
	p.form = showFormDialog(p.s.win, title, save, items, func() error {
		reason := freeText(p.reason.Text)
		if reason == "" {
			return model.Errorf(model.EInvalid, "请填写%s：录入记录中每一次更改都要写明原因", label)
		}
		e := model.Entry{EntryKey: cur.EntryKey}
		if !remove {
			var err error
			if e, err = p.scoreEntry(cur.Subject, cur.Name, p.score.Text); err != nil {
				return err
			}
		}
		e.Reason = reason
		p.s.store([]model.Entry{e}, func([]model.Entry) { p.s.say("已保存“"+who+"”的个性星“"+cur.Name+"”。", false) })
		return nil
	})
}
