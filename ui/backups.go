package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// BackupsScreen lists the database's backups and restores one. Backups are
// taken automatically before every import and upgrade; the office can also
// take one by hand, write one self-contained copy to a folder or USB stick
// of its choice (备份到…), and restore from such a file (从文件恢复…).
type BackupsScreen struct {
	m       *MainWindow
	store   BackupStore
	dialog  dialog.Dialog
	list    *widget.List
	backups []model.BackupInfo
	chosen  int

	backupButton   *widget.Button
	backupToButton *widget.Button
	restoreButton  *widget.Button
	fromFileButton *widget.Button
	info           *widget.Label
	// confirm asks before replacing the data; tests answer at once.
	confirm func(title, message string, yes func())
}

func (m *MainWindow) onBackups() { m.showBackups() }

// showBackups opens the backup and restore dialog.
func (m *MainWindow) showBackups() *BackupsScreen {
	return newBackupsScreen(m, m.office)
}

func newBackupsScreen(m *MainWindow, store BackupStore) *BackupsScreen {
	s := &BackupsScreen{m: m, store: store, chosen: -1}
	s.confirm = func(title, message string, yes func()) {
		dialog.ShowConfirm(title, message, safely1(func(ok bool) {
			if ok {
				yes()
			}
		}), m.win)
	}
	s.info = widget.NewLabel("数据文件：" + store.Path() + "\n自动备份保存在数据文件旁的 backups 文件夹，保留最近 20 份。" +
		"要复制到 U 盘或其他电脑，请用“备份到…”，它生成一个完整的文件。")
	s.info.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.backups) },
		func() fyne.CanvasObject {
			return widget.NewLabel("2026-11-21 15:30:12　导入前自动备份　12.3 MB")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := s.backups[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", b.Time.Format("2006-01-02 15:04:05"), b.ReasonText(), sizeText(b.Size)))
		})
	s.list.OnSelected = safely1(func(i widget.ListItemID) { s.chosen = i; enable(s.restoreButton, true) })
	s.backupButton = newIconButton("立即备份", theme.DocumentSaveIcon(), s.onBackup)
	s.backupToButton = newIconButton("备份到…", theme.UploadIcon(), s.onBackupTo)
	s.restoreButton = newIconButton("恢复所选备份…", theme.HistoryIcon(), s.onRestore)
	s.restoreButton.Disable()
	s.fromFileButton = newIconButton("从文件恢复…", theme.FolderOpenIcon(), s.onRestoreFromFile)
	buttons := container.NewGridWithColumns(2, s.backupButton, s.backupToButton, s.restoreButton, s.fromFileButton)
	body := container.NewBorder(s.info, buttons, nil, nil, s.list)
	s.dialog = dialog.NewCustom("备份与恢复", "关闭", body, m.win)
	s.dialog.Resize(fitWindow(m.win, fyne.NewSize(640, 440)))
	s.refresh()
	s.dialog.Show()
	return s
}

func (s *BackupsScreen) refresh() {
	list, err := s.store.Backups()
	if err != nil {
		s.m.showError("读取备份列表失败", err)
		return
	}
	s.backups, s.chosen = list, -1
	s.list.UnselectAll()
	s.list.Refresh()
	enable(s.restoreButton, false)
}

func (s *BackupsScreen) onBackup() {
	s.m.background(func() error {
		_, err := s.store.Backup(context.Background(), "manual")
		return err
	}, func(err error) {
		if err != nil {
			s.m.showError("备份失败", err)
			return
		}
		s.m.setStatus("已备份现在的数据（" + s.m.now().Format("15:04") + "，在“备份与恢复”中可以看到和恢复）")
		s.refresh()
	})
}

// backupFileName is the name offered at now for a copy to take away.
func backupFileName(now time.Time) string {
	return "星级考评备份 " + now.Format("2006-01-02 1504") + ".db"
}

func (s *BackupsScreen) onBackupTo() {
	pickSave(s.m.win, backupFileName(s.m.now()), []string{".db"}, s.backupTo,
		func(err error) { s.m.showError("无法保存备份", err) })
}

// backupTo writes a self-contained copy of the database to path.
func (s *BackupsScreen) backupTo(path string) {
	s.m.background(func() error {
		return s.store.BackupTo(context.Background(), path)
	}, func(err error) {
		if err != nil {
			s.m.showError("备份失败", err)
			return
		}
		s.m.setStatus("已把全部数据备份到 " + path + "，这一个文件就是完整的备份")
	})
}

func (s *BackupsScreen) onRestore() {
	if s.chosen < 0 || s.chosen >= len(s.backups) {
		return
	}
	b := s.backups[s.chosen]
	msg := fmt.Sprintf("确定用 %s 的备份（%s）替换现在的数据吗？\n恢复前会先自动备份现在的数据，如有需要还可以再恢复回来。",
		b.Time.Format("2006-01-02 15:04:05"), b.ReasonText())
	s.confirm("恢复备份", msg, func() {
		s.restore(b.Path, b.Time.Format("2006-01-02 15:04:05")+" 的"+b.ReasonText())
	})
}

func (s *BackupsScreen) onRestoreFromFile() {
	pickFile(s.m.win, []string{".db", ".DB"}, func(path string) {
		msg := "确定用文件 " + path + " 替换现在的数据吗？\n恢复前会先自动备份现在的数据，如有需要还可以再恢复回来。"
		s.confirm("从文件恢复", msg, func() { s.restore(path, "文件“"+filepath.Base(path)+"”中的备份") })
	}, func(err error) { s.m.showError("无法打开文件", err) })
}

// restore replaces the data with the backup at path (what names it in the
// status line) and reloads every screen.
func (s *BackupsScreen) restore(path, what string) {
	s.m.background(func() error {
		return s.store.Restore(context.Background(), path)
	}, func(err error) {
		if err != nil {
			s.m.showError("恢复失败", err)
			return
		}
		s.m.setStatus("已恢复" + what + "；恢复前的数据已自动备份")
		s.refresh()
		s.m.reloadAll()
	})
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
