package ui

import (
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

// vetoPanel is the 一票否决 tab: the vetoes that stand, each with its unit,
// 事项, 原因, 文号, who entered it and when; 新增否决… and 撤销所选… each
// store one entry at once, a withdrawal with its reason.
type vetoPanel struct {
	s        *FactEntryScreen
	rows     []model.Entry // the vetoes that stand
	table    *textTable
	add      *widget.Button
	withdraw *widget.Button
	note     *widget.Label
	content  fyne.CanvasObject
	form     *formDialog // the dialog shown last (a test hook)
	// the fields of the dialog shown last (test hooks)
	unit, item *widget.Select
	reason     *textEntry
	docNo      *textEntry
}

func newVetoPanel(s *FactEntryScreen) *vetoPanel {
	v := &vetoPanel{s: s}
	v.table = newTextTable([]textColumn{{"党组织", 200}, {"事项", 200}, {"原因", 280}, {"文号", 170}, {"录入人", 90}, {"时间", 140}},
		func() int { return len(v.rows) }, v.cell, func(int) { v.setEnabled() })
	v.add = newIconButton("新增否决…", theme.ContentAddIcon(), v.onAdd)
	v.withdraw = newIconButton("撤销所选…", theme.ContentUndoIcon(), v.onWithdraw)
	v.note = widget.NewLabel("")
	v.note.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(v.add, v.withdraw, layout.NewSpacer())
	v.content = container.NewBorder(container.NewVBox(v.note, buttons), nil, nil, nil, v.table)
	return v
}

// vetoes are the scheme's veto list.
func (v *vetoPanel) vetoes() []model.Veto { return v.s.data.Period.Scheme.Vetoes }

// title is a veto's 事项 by its code.
func (v *vetoPanel) title(code string) string {
	for _, x := range v.vetoes() {
		if x.Code == code {
			return x.Title
		}
	}
	return code
}

func (v *vetoPanel) cell(row, col int) string {
	e := v.rows[row]
	switch col {
	case 0:
		return v.s.subjectName(e.Subject)
	case 1:
		return v.title(e.Name)
	case 2:
		return e.Reason
	case 3:
		return e.DocNo
	case 4:
		return e.User
	case 5:
		return e.At.Local().Format("2006-01-02 15:04")
	}
	return ""
}

// refill lists the vetoes that stand now.
func (v *vetoPanel) refill() {
	v.rows = unitEntries(v.s.data, model.EntryVeto, v.rows[:0])
	switch {
	case len(v.vetoes()) == 0:
		v.note.SetText("本期考核方案没有一票否决事项。")
	case len(v.rows) == 0:
		v.note.SetText("目前没有一票否决。新增或撤销在对话框中保存后立即生效，计入录入记录。")
	default:
		v.note.SetText(fmt.Sprintf("目前有 %d 项一票否决。新增或撤销在对话框中保存后立即生效，计入录入记录。", len(v.rows)))
	}
	v.table.reset()
	v.setEnabled()
}

func (v *vetoPanel) setEnabled() {
	open := !v.s.readOnly()
	enable(v.add, open && len(v.vetoes()) > 0)
	enable(v.withdraw, open && v.table.chosenRow >= 0 && v.table.chosenRow < len(v.rows))
}

// onAdd asks for the unit, the 事项, the reason and the document number,
// and stores the veto.
func (v *vetoPanel) onAdd() {
	units := unitRows(v.s.data)
	unitNames := make([]string, len(units))
	for i, u := range units {
		unitNames[i] = u.name + "（" + u.code + "）"
	}
	titles := make([]string, len(v.vetoes()))
	for i, x := range v.vetoes() {
		titles[i] = x.Title
	}
	v.unit = newSelect(unitNames, nil)
	v.item = newSelect(titles, nil)
	if len(titles) == 1 {
		v.item.SetSelectedIndex(0)
	}
	v.reason = newMultiLineEntry()
	v.reason.SetPlaceHolder("如：村支书受党纪处分")
	v.reason.SetMinRowsVisible(2)
	v.docNo = newEntry()
	v.docNo.SetPlaceHolder("如：县纪发〔2026〕3号")
	items := []*widget.FormItem{
		widget.NewFormItem("党组织", v.unit), widget.NewFormItem("事项", v.item),
		widget.NewFormItem("原因", v.reason), widget.NewFormItem("文号", v.docNo),
	}
	v.form = showFormDialog(v.s.win, "新增一票否决", "保存", items, func() error {
		ui, vi := v.unit.SelectedIndex(), v.item.SelectedIndex()
		switch {
		case ui < 0:
			return model.Errorf(model.EInvalid, "请选择被否决的党组织")
		case vi < 0:
			return model.Errorf(model.EInvalid, "请选择一票否决事项")
		}
		veto := v.vetoes()[vi]
		e := model.Entry{EntryKey: model.EntryKey{Subject: units[ui].subject, Kind: model.EntryVeto, Name: veto.Code},
			Value: "1", Reason: freeText(v.reason.Text), DocNo: freeText(v.docNo.Text)}
		for _, r := range v.rows {
			if r.EntryKey == e.EntryKey {
				return model.Errorf(model.EInvalid, "“%s”已有“%s”的一票否决（%s录入），无需重复录入", units[ui].name, veto.Title, r.User)
			}
		}
		if err := v.s.check(e); err != nil {
			return userError(err)
		}
		v.s.store([]model.Entry{e}, func([]model.Entry) {
			v.s.say("已录入一票否决："+units[ui].name+"，"+veto.Title+"。", false)
		})
		return nil
	})
}

// onWithdraw asks why, and withdraws the chosen veto (an entry with an
// empty value, kept in the log with its reason).
func (v *vetoPanel) onWithdraw() {
	i := v.table.chosenRow
	if i < 0 || i >= len(v.rows) {
		return
	}
	cur := v.rows[i]
	who := v.s.subjectName(cur.Subject)
	what := widget.NewLabel(fmt.Sprintf("撤销“%s”的一票否决：%s（原因：%s）", who, v.title(cur.Name), cur.Reason))
	what.Wrapping = fyne.TextWrapWord
	v.reason = newMultiLineEntry()
	v.reason.SetPlaceHolder("如：经复查，处分决定已撤销")
	v.reason.SetMinRowsVisible(2)
	v.docNo = newEntry()
	v.docNo.SetPlaceHolder("可不填")
	items := []*widget.FormItem{widget.NewFormItem("", what), widget.NewFormItem("撤销原因", v.reason), widget.NewFormItem("文号", v.docNo)}
	v.form = showFormDialog(v.s.win, "撤销一票否决", "撤销否决", items, func() error {
		reason := freeText(v.reason.Text)
		if reason == "" {
			return model.Errorf(model.EInvalid, "请填写撤销原因：录入记录中每一次撤销都要写明原因")
		}
		e := model.Entry{EntryKey: cur.EntryKey, Value: "", Reason: reason, DocNo: freeText(v.docNo.Text)}
		if err := v.s.check(e); err != nil {
			return userError(err)
		}
		v.s.store([]model.Entry{e}, func([]model.Entry) {
			v.s.say("已撤销“"+who+"”的一票否决："+v.title(cur.Name)+"。", false)
		})
		return nil
	})
}

// unitEntries appends to rows the entries of kind that stand now for the
// period's units, in the units' order.
func unitEntries(d *period.Data, kind model.EntryKind, rows []model.Entry) []model.Entry {
	for _, e := range d.Entries {
		if k, _ := formspec.SubjectKindOf(e.Subject); e.Kind == kind && !e.Cleared() && k == model.SubjectUnit {
			rows = append(rows, e)
		}
	}
	sortByUnit(d, rows)
	return rows
}
