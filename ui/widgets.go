package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/importers"
	"xingji/model"
)

// timeNow is the clock the screens use for default dates; tests may fix it.
var timeNow = time.Now

// DateEntry is a text entry for a date that accepts what office staff type:
// 2011-03-05, 2011.3, 2011年3月, full-width digits.
type DateEntry struct {
	widget.Entry
}

func newDateEntry(d model.Date) *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = "如 2011-03-05 或 2011.3"
	e.SetText(d.String())
	e.Validator = func(s string) error {
		_, err := importers.ParseDate(s, "", false)
		return err
	}
	return e
}

// Date returns the parsed date (zero when empty).
func (e *DateEntry) Date() (model.Date, error) {
	return importers.ParseDate(e.Text, "", false)
}

// formDialog is a modal form that stays open until save succeeds, showing the
// Chinese error message inside the dialog when it does not.
type formDialog struct {
	d       dialog.Dialog
	errText *widget.Label
	save    *widget.Button
}

// showFormDialog shows items in a dialog; onSave is called on 保存 and the
// dialog closes only when it returns nil.
func showFormDialog(win fyne.Window, title, saveText string, items []*widget.FormItem, onSave func() error) *formDialog {
	f := &formDialog{errText: widget.NewLabel("")}
	f.errText.Importance = widget.DangerImportance
	f.errText.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(items...)
	cancel := newIconButton("取消", theme.CancelIcon(), func() { f.d.Hide() })
	f.save = newIconButton(saveText, theme.ConfirmIcon(), func() {
		if err := onSave(); err != nil {
			f.errText.SetText(model.ErrorMessage(err))
			return
		}
		f.errText.SetText("")
		f.d.Hide()
	})
	f.save.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.save)
	body := container.NewBorder(nil, container.NewVBox(f.errText, buttons), nil, nil, form)
	f.d = dialog.NewCustomWithoutButtons(title, body, win)
	f.d.Resize(fyne.NewSize(560, 0))
	f.d.Show()
	return f
}

// selectOf returns a Select over options with value selected.
func selectOf(options []string, value string) *widget.Select {
	s := newSelect(options, nil)
	if value != "" {
		s.SetSelected(value)
	}
	return s
}
