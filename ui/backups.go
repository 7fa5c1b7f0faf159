package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// BackupsScreen lists the database's backups and restores one. Backups are
// taken automatically before every import and upgrade; the office can also
// take one by hand.
type BackupsScreen struct {
	m       *MainWindow
	dialog  dialog.Dialog
	list    *widget.List
	backups []model.BackupInfo
	chosen  int

	backupButton  *widget.Button
	restoreButton *widget.Button
	info          *widget.Label
}

func (m *MainWindow) onBackups() { m.showBackups() }

// showBackups opens the backup and restore dialog.
func (m *MainWindow) showBackups() *BackupsScreen {
	s := &BackupsScreen{m: m, chosen: -1}
	s.info = widget.NewLabel("数据文件：" + m.office.Path())
	s.info.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.backups) },
		func() fyne.CanvasObject {
			return widget.NewLabel("2026-11-21 15:30:12　导入前自动备份　12.3 MB")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := s.backups[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", b.Time.Format("2006-01-02 15:04:05"), b.ReasonText(), sizeText(b.Size)))
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.chosen = i; enable(s.restoreButton, true) }
	s.backupButton = newButton("立即备份", s.onBackup)
	s.restoreButton = newButton("恢复所选备份…", s.onRestore)
	s.restoreButton.Disable()
	body := container.NewBorder(s.info, container.NewHBox(s.backupButton, s.restoreButton), nil, nil, s.list)
	s.dialog = dialog.NewCustom("备份与恢复", "关闭", body, m.win)
	s.dialog.Resize(fyne.NewSize(640, 420))
	s.refresh()
	s.dialog.Show()
	return s
}

func (s *BackupsScreen) refresh() {
	list, err := s.m.office.Backups()
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
	var path string
	s.m.background(func() error {
		var err error
		path, err = s.m.office.Backup(context.Background(), "manual")
		return err
	}, func(err error) {
		if err != nil {
			s.m.showError("备份失败", err)
			return
		}
		s.m.setStatus("已备份到 " + filepath.Base(path))
		s.refresh()
	})
}

func (s *BackupsScreen) onRestore() {
	if s.chosen < 0 || s.chosen >= len(s.backups) {
		return
	}
	b := s.backups[s.chosen]
	msg := fmt.Sprintf("确定用 %s 的备份（%s）替换现在的数据吗？\n恢复前会先自动备份现在的数据，如有需要还可以再恢复回来。",
		b.Time.Format("2006-01-02 15:04:05"), b.ReasonText())
	dialog.ShowConfirm("恢复备份", msg, func(yes bool) {
		if yes {
			s.restore(b)
		}
	}, s.m.win)
}

func (s *BackupsScreen) restore(b model.BackupInfo) {
	s.m.background(func() error {
		return s.m.office.Restore(context.Background(), b.Path)
	}, func(err error) {
		if err != nil {
			s.m.showError("恢复失败", err)
			return
		}
		s.m.setStatus("已恢复 " + b.Time.Format("2006-01-02 15:04:05") + " 的备份")
		s.refresh()
		s.m.Load()
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
