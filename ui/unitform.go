package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// unitForm is the dialog that adds or edits a unit.
type unitForm struct {
	name, code, secretary, sortOrder *textEntry
	level, kind                      *widget.Select
	founded                          *DateEntry
	dialog                           *formDialog
}

// showUnitForm shows the form for u; onSave gets the edited unit and its
// error, if any, is shown in the dialog.
func showUnitForm(win fyne.Window, title string, u model.Unit, onSave func(model.Unit) error) *unitForm {
	f := &unitForm{
		name:      newEntry(),
		code:      newEntry(),
		secretary: newEntry(),
		sortOrder: newEntry(),
		founded:   newDateEntry(u.Founded),
	}
	f.name.SetText(u.Name)
	f.name.PlaceHolder = "如：城关镇第一社区党支部"
	f.code.SetText(u.Code)
	f.code.PlaceHolder = "本单位自定的组织编码，如 CG-01"
	f.secretary.SetText(u.Secretary)
	f.sortOrder.SetText(strconv.Itoa(u.SortOrder))
	var levels []string
	for _, l := range model.UnitLevels {
		levels = append(levels, l.String())
	}
	f.level = selectOf(levels, u.Level.String())
	var kinds []string
	for _, k := range model.UnitKinds {
		kinds = append(kinds, string(k))
	}
	f.kind = selectOf(kinds, string(u.Kind))
	items := []*widget.FormItem{
		widget.NewFormItem("名称", f.name),
		widget.NewFormItem("组织编码", f.code),
		widget.NewFormItem("层级", f.level),
		widget.NewFormItem("类型", f.kind),
		widget.NewFormItem("书记", f.secretary),
		widget.NewFormItem("成立日期", f.founded),
		widget.NewFormItem("排序号", f.sortOrder),
	}
	f.dialog = showFormDialog(win, title, "保存", items, func() error {
		edited, err := f.unit(u)
		if err != nil {
			return err
		}
		return onSave(edited)
	})
	return f
}

// unit returns base with the form's values applied.
func (f *unitForm) unit(base model.Unit) (model.Unit, error) {
	u := base
	u.Name = strings.TrimSpace(f.name.Text)
	u.Code = strings.TrimSpace(f.code.Text)
	u.Secretary = strings.TrimSpace(f.secretary.Text)
	u.Kind = model.UnitKind(f.kind.Selected)
	for _, l := range model.UnitLevels {
		if l.String() == f.level.Selected {
			u.Level = l
		}
	}
	founded, err := f.founded.Date()
	if err != nil {
		return u, model.FieldErrorf("Founded", "成立日期不正确：%s", model.ErrorMessage(err))
	}
	u.Founded = founded
	if s := strings.TrimSpace(f.sortOrder.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return u, model.FieldErrorf("SortOrder", "排序号应为整数，例如 1、2、3")
		}
		u.SortOrder = n
	}
	return u, u.Validate()
}
