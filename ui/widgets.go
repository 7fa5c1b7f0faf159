package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/importers"
	"xingji/model"
)

// DateEntry is a text entry for a date that accepts what office staff type:
// 2011-03-05, 2011.3, 2011年3月, full-width digits.
type DateEntry struct {
	textEntry
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

// textEntry is a text entry that hands Escape to the dialog it sits in, so
// that Escape cancels a dialog even while the cursor is in a field (Fyne's
// entry ignores it). Enter in a one-line entry submits through OnSubmitted.
type textEntry struct {
	widget.Entry
	onEscape func()
}

func newEntry() *textEntry {
	e := &textEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry() *textEntry {
	e := &textEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape to the dialog, everything else to the entry.
func (e *textEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

func (e *textEntry) setOnEscape(f func()) { e.onEscape = f }

// escapable is a field that can hand Escape to its dialog.
type escapable interface{ setOnEscape(func()) }

// errorLines is the height kept for a dialog's error message, so that the
// dialog neither grows nor moves when a message appears (a click meant for
// 保存 must not land on 取消).
const errorLines = 3

// formDialog is a modal form that stays open until save succeeds, showing the
// Chinese error message inside the dialog when it does not. Enter saves,
// Escape cancels; cancelling a form whose fields were changed asks first.
// The error line clears as soon as a field is changed again.
type formDialog struct {
	d       dialog.Dialog
	win     fyne.Window
	errText *widget.Label
	save    *widget.Button
	cancel  *widget.Button
	dirty   bool
	closed  bool
	// confirmDiscard asks before throwing typed input away; tests answer.
	confirmDiscard func(yes func())
	prevKey        func(*fyne.KeyEvent)
}

// showFormDialog shows items in a dialog; onSave is called on 保存 (or
// Enter) and the dialog closes only when it returns nil.
func showFormDialog(win fyne.Window, title, saveText string, items []*widget.FormItem, onSave func() error) *formDialog {
	f := &formDialog{win: win, errText: widget.NewLabel("")}
	f.errText.Importance = widget.DangerImportance
	f.errText.Wrapping = fyne.TextWrapWord
	f.confirmDiscard = func(yes func()) {
		dialog.ShowConfirm("放弃填写的内容", "已填写的内容还没有保存，确定放弃吗？", safely1(func(ok bool) {
			if ok {
				yes()
			}
		}), win)
	}
	form := widget.NewForm(items...)
	f.cancel = newIconButton("取消", theme.CancelIcon(), f.onCancel)
	f.save = newIconButton(saveText, theme.ConfirmIcon(), func() {
		if err := onSave(); err != nil {
			f.errText.SetText(model.ErrorMessage(err))
			return
		}
		f.errText.SetText("")
		f.close()
	})
	f.save.Importance = widget.HighImportance
	for _, it := range items {
		f.watch(it.Widget)
	}
	buttons := container.NewHBox(layout.NewSpacer(), f.cancel, f.save)
	errBox := container.NewVScroll(f.errText)
	lineH := fyne.MeasureText("字", theme.TextSize(), fyne.TextStyle{}).Height
	errBox.SetMinSize(fyne.NewSize(0, errorLines*(lineH+theme.Padding())))
	body := container.NewBorder(nil, container.NewVBox(errBox, buttons), nil, nil, form)
	f.d = dialog.NewCustomWithoutButtons(title, body, win)
	f.d.SetOnClosed(f.restoreKeys)
	width := float32(560)
	if cw := win.Canvas().Size().Width; cw > 0 && cw-40 < width {
		width = cw - 40
	}
	f.d.Resize(fyne.NewSize(width, body.MinSize().Height+4*theme.Padding()))
	f.prevKey = win.Canvas().OnTypedKey()
	win.Canvas().SetOnTypedKey(f.typedKey)
	f.d.Show()
	return f
}

// watch makes a field clear the error line and mark the form changed when
// it is edited, submit on Enter and cancel on Escape.
func (f *formDialog) watch(o fyne.CanvasObject) {
	if e, ok := o.(escapable); ok {
		e.setOnEscape(f.onCancel)
	}
	changed := func() {
		f.dirty = true
		if f.errText.Text != "" {
			f.errText.SetText("")
		}
	}
	switch w := o.(type) {
	case *textEntry:
		prev := w.OnChanged
		w.OnChanged = func(s string) {
			changed()
			if prev != nil {
				prev(s)
			}
		}
		if !w.MultiLine && w.OnSubmitted == nil {
			w.OnSubmitted = func(string) { f.submit() }
		}
	case *DateEntry:
		f.watch(&w.textEntry)
	case *widget.Select:
		prev := w.OnChanged
		w.OnChanged = func(s string) {
			changed()
			if prev != nil {
				prev(s)
			}
		}
	case *widget.Check:
		prev := w.OnChanged
		w.OnChanged = func(b bool) {
			changed()
			if prev != nil {
				prev(b)
			}
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			f.watch(c)
		}
	}
}

// submit presses 保存 (Enter).
func (f *formDialog) submit() {
	if !f.closed && !f.save.Disabled() {
		f.save.OnTapped()
	}
}

// typedKey handles Enter and Escape while no field has the cursor.
func (f *formDialog) typedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		f.submit()
	case fyne.KeyEscape:
		f.onCancel()
	}
}

// onCancel closes the form, asking first when something was typed.
func (f *formDialog) onCancel() {
	if f.closed {
		return
	}
	if f.dirty {
		f.confirmDiscard(f.close)
		return
	}
	f.close()
}

func (f *formDialog) close() {
	if f.closed {
		return
	}
	f.closed = true
	f.d.Hide()
}

// restoreKeys gives the window back its own key handler.
func (f *formDialog) restoreKeys() {
	f.closed = true
	f.win.Canvas().SetOnTypedKey(f.prevKey)
}

// selectOf returns a Select over options with value selected.
func selectOf(options []string, value string) *widget.Select {
	s := newSelect(options, nil)
	if value != "" {
		s.SetSelected(value)
	}
	return s
}

// closeOnce closes a window of ours unless it is closed already: Fyne's
// drivers fail on a second Close (the test driver panics while holding its
// lock), and a window can be closed by its title bar, by a button and by the
// walker in tests.
func closeOnce(win fyne.Window) {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w == win {
			win.Close()
			return
		}
	}
}
