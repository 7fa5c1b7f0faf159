package ui

import (
	"fmt"
	"log"
	"runtime/debug"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// A panic inside an event handler must not close the program: the office
// would lose what it was typing and believe its data gone. Every handler the
// screens install (buttons, menu items, list and table selections, dialog
// callbacks, jobs run off the UI goroutine and their completions) goes
// through safely or safely1, which log the panic with its stack and show a
// Chinese message in the window instead. The data is safe: every change is
// committed in its own transaction, so a failed step leaves nothing half
// written.

// crashNote is the message shown after a recovered panic.
const crashNote = "操作失败：程序内部出错，这一步没有完成。\n\n" +
	"已记录日志，数据没有丢失：此前保存的数据都在数据文件里，这一步也没有写入一半的内容。\n" +
	"可以继续使用；如果再次出现，请把日志文件交给技术人员。"

// LogPath is the log file shown in the crash message; the program sets it at
// start-up.
var LogPath string

// panicHook, when set, is called with every recovered panic (tests use it to
// fail on any panic).
var panicHook func(r any, stack []byte)

var panicMu sync.Mutex

// safely returns f wrapped so that a panic inside it is reported, not fatal.
func safely(f func()) func() {
	if f == nil {
		return nil
	}
	return func() {
		defer recoverPanic()
		f()
	}
}

// safely1 is safely for a handler that takes one argument.
func safely1[T any](f func(T)) func(T) {
	if f == nil {
		return nil
	}
	return func(v T) {
		defer recoverPanic()
		f(v)
	}
}

// recoverPanic is deferred by the wrappers: it logs a panic with its stack
// and tells the user in the foremost window.
func recoverPanic() {
	r := recover()
	if r == nil {
		return
	}
	reportPanic(r, debug.Stack())
}

// reportPanic logs r and shows the crash message. It may be called from any
// goroutine.
func reportPanic(r any, stack []byte) {
	log.Printf("操作失败（已恢复）：%v\n%s", r, stack)
	panicMu.Lock()
	hook := panicHook
	panicMu.Unlock()
	if hook != nil {
		hook(r, stack)
	}
	show := func() {
		a := fyne.CurrentApp()
		if a == nil {
			return
		}
		wins := a.Driver().AllWindows()
		if len(wins) == 0 {
			return
		}
		win := wins[len(wins)-1]
		for _, w := range wins {
			if w.Canvas().Focused() != nil {
				win = w
			}
		}
		msg := crashNote
		if LogPath != "" {
			msg += "\n日志文件：" + LogPath
		}
		dialog.NewInformation("操作失败", msg, win).Show()
	}
	// On the UI goroutine fyne.Do runs at once; elsewhere it is queued.
	fyne.Do(show)
}

// safeJob runs job, turning a panic into an error so that a job off the UI
// goroutine can never end the program.
func safeJob(job func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("后台操作失败（已恢复）：%v\n%s", r, debug.Stack())
			panicMu.Lock()
			hook := panicHook
			panicMu.Unlock()
			if hook != nil {
				hook(r, debug.Stack())
			}
			err = fmt.Errorf("程序内部出错：%v", r)
			err = crashError{err}
		}
	}()
	return job()
}

// crashError is a recovered panic from a job; its message is crashNote.
type crashError struct{ err error }

func (e crashError) Error() string { return crashNote }
func (e crashError) Unwrap() error { return e.err }

// UserFacing marks the message as one for the user (model.UserError).
func (e crashError) UserFacing() {}

// newButton is widget.NewButton with a guarded handler.
func newButton(label string, tapped func()) *widget.Button {
	return registerButton(widget.NewButton(label, safely(tapped)))
}

// newIconButton is widget.NewButtonWithIcon with a guarded handler.
func newIconButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	return registerButton(widget.NewButtonWithIcon(label, icon, safely(tapped)))
}

// selectPlaceHolder replaces Fyne's English "(Select one)".
const selectPlaceHolder = "（请选择）"

// newSelect is widget.NewSelect with a Chinese placeholder and a guarded
// handler.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, safely1(changed))
	s.PlaceHolder = selectPlaceHolder
	registerSelect(s)
	return s
}

// newCheck is widget.NewCheck with a guarded handler.
func newCheck(label string, changed func(bool)) *widget.Check {
	return widget.NewCheck(label, safely1(changed))
}

// newMenuItem is fyne.NewMenuItem with a guarded action.
func newMenuItem(label string, action func()) *fyne.MenuItem {
	return fyne.NewMenuItem(label, safely(action))
}
