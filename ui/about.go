package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Version is the program's version, as FyneApp.toml states it (a test keeps
// the two equal). A build by `fyne package` also stamps the app's metadata;
// where it does, that is shown instead.
const Version = "0.1.0"

// versionText is the version shown in 关于: Version, with the build number
// when the program was packaged from the same FyneApp.toml (a plain
// `go build` carries Fyne's placeholder metadata, which is not shown).
func versionText() string {
	if a := fyne.CurrentApp(); a != nil {
		if md := a.Metadata(); md.Version == Version && md.Build > 0 {
			return fmt.Sprintf("%s（第 %d 版）", Version, md.Build)
		}
	}
	return Version
}

// showAbout shows 关于星级考评: the icon beside the name, version, what the
// program is for, and where the data and the log are.
func (m *MainWindow) showAbout() dialog.Dialog {
	icon := canvas.NewImageFromResource(AppIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(64, 64))
	title := widget.NewLabelWithStyle("星级考评", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := "版本 " + versionText() + "\n党组织和党员考核评星管理：组织与党员名册、考评表下发与回收、计分与排名、表彰材料。\n\n" +
		"数据文件：" + m.office.Path()
	if LogPath != "" {
		text += "\n运行日志：" + LogPath
	}
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(nil, nil, container.NewVBox(icon), nil,
		container.NewVBox(title, body))
	d := dialog.NewCustom("关于星级考评", "关闭", content, m.win)
	d.Resize(fitWindow(m.win, fyne.NewSize(560, 280)))
	d.Show()
	return d
}
