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

// StartupProblem is the window shown when the database cannot be opened: in
// use by another window, damaged, or unreadable. It never creates a new empty
// database in place of the user's; for a damaged file it offers to restore the
// newest backup.
type StartupProblem struct {
	win           fyne.Window
	message       *widget.Label
	restoreButton *widget.Button
	quitButton    *widget.Button
}

// RestoreOffer describes the newest backup and how to restore it; a nil
// Restore means there is no backup to offer.
type RestoreOffer struct {
	Backup  model.BackupInfo
	Restore func() error
	// Reopen is called after a successful restore to start normally.
	Reopen func()
}

// NewStartupProblem builds the window for err (from opening the database at
// path).
func NewStartupProblem(a fyne.App, path string, err error, offer RestoreOffer) *StartupProblem {
	s := &StartupProblem{win: a.NewWindow("星级考评 — 无法打开数据")}
	s.win.SetIcon(AppIcon)
	text := model.ErrorMessage(err)
	switch model.ErrorCodeOf(err) {
	case model.ELocked:
		text += "\n\n同一个数据文件同时只能由一个窗口使用，以免数据互相覆盖。"
	case model.ECorrupt:
		if offer.Restore != nil {
			text += fmt.Sprintf("\n\n可以恢复最近的备份（%s，%s）。恢复前，损坏的文件会改名保留，不会删除。",
				offer.Backup.Time.Format("2006-01-02 15:04:05"), offer.Backup.ReasonText())
		} else {
			text += "\n\n没有找到可用的备份。请把数据文件交给技术人员检查，不要删除它。"
		}
	}
	text += "\n\n数据文件：" + path
	s.message = widget.NewLabel(text)
	s.message.Wrapping = fyne.TextWrapWord
	s.quitButton = newButton("退出", func() { a.Quit() })
	buttons := container.NewHBox(layout.NewSpacer(), s.quitButton)
	if offer.Restore != nil && model.ErrorCodeOf(err) == model.ECorrupt {
		s.restoreButton = newIconButton("恢复最近的备份", theme.HistoryIcon(), func() {
			if rerr := offer.Restore(); rerr != nil {
				s.message.SetText("恢复失败：" + model.ErrorMessage(rerr) + "\n\n数据文件：" + path)
				return
			}
			s.win.Hide()
			if offer.Reopen != nil {
				offer.Reopen()
			}
		})
		s.restoreButton.Importance = widget.HighImportance
		buttons.Add(s.restoreButton)
	}
	icon := widget.NewIcon(theme.WarningIcon())
	s.win.SetContent(container.NewBorder(nil, buttons, container.NewVBox(icon), nil, s.message))
	s.win.Resize(fyne.NewSize(620, 300))
	return s
}

// Window returns the Fyne window.
func (s *StartupProblem) Window() fyne.Window { return s.win }
