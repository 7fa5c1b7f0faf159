package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// WelcomeScreen is what a newcomer sees while the database is empty: load the
// demo committee, import a roster, or start with an empty committee.
type WelcomeScreen struct {
	m       *MainWindow
	demo    DemoLoader
	units   UnitStore
	content fyne.CanvasObject
	form    *unitForm // the 新建本级党委 form opened last (a test hook)

	demoButton   *widget.Button
	importButton *widget.Button
	newButton    *widget.Button
	progress     *widget.ProgressBarInfinite
}

func newWelcomeScreen(m *MainWindow, demo DemoLoader, units UnitStore) *WelcomeScreen {
	s := &WelcomeScreen{m: m, demo: demo, units: units}
	icon := canvas.NewImageFromResource(AppIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	title := canvas.NewText("欢迎使用星级考评", theme.Color(theme.ColorNameForeground))
	title.TextSize = 28
	title.TextStyle.Bold = true
	intro := widget.NewLabel("星级考评帮助党委办公室和组织部完成党组织、党员的考核评星：\n" +
		"维护组织和党员名册，下发和收回考评表，计算得分、星级和排名，打印表彰材料。\n\n" +
		"第一次使用，可以先载入示范数据看看效果，也可以直接导入本单位的党员花名册。")
	intro.Alignment = fyne.TextAlignCenter
	s.demoButton = newIconButton("载入示范数据（青禾县，约40个党组织、600名党员）", theme.MediaPlayIcon(), s.onDemo)
	s.demoButton.Importance = widget.HighImportance
	s.importButton = newIconButton("导入党员花名册（Excel 或 CSV）…", theme.FolderOpenIcon(), m.onImportRoster)
	s.newButton = newIconButton("从空白开始：新建本级党委", theme.ContentAddIcon(), s.onNew)
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Hide()
	s.progress.Stop()
	hint := widget.NewLabel("提示：也可以把花名册文件直接拖到本窗口中。示范数据均为虚构。")
	hint.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(
		container.NewCenter(icon), container.NewCenter(title), intro,
		s.demoButton, s.importButton, s.newButton, s.progress, hint)
	s.content = container.NewVBox(layout.NewSpacer(),
		container.NewHBox(layout.NewSpacer(), box, layout.NewSpacer()), layout.NewSpacer())
	return s
}

func (s *WelcomeScreen) setBusy(busy bool) {
	for _, b := range []*widget.Button{s.demoButton, s.importButton, s.newButton} {
		enable(b, !busy)
	}
	if busy {
		s.progress.Show()
		s.progress.Start()
	} else {
		s.progress.Stop()
		s.progress.Hide()
	}
}

func (s *WelcomeScreen) onDemo() {
	s.setBusy(true)
	s.m.setStatus("正在生成示范数据…")
	var res model.RosterResult
	s.m.background(func() error {
		var err error
		res, err = s.demo.LoadDemo(context.Background())
		return err
	}, func(err error) {
		s.setBusy(false)
		if err != nil {
			s.m.showError("载入示范数据失败", err)
			return
		}
		s.m.setStatus(fmt.Sprintf("已载入示范数据：%d 个党组织，%d 名党员", res.UnitsCreated, res.MembersAdded))
		s.m.Load()
	})
}

func (s *WelcomeScreen) onNew() {
	s.form = showCommitteeForm(s.m.win, s.units, "", func(u model.Unit) {
		s.m.setStatus("已新建：" + u.Name + "。请在左侧选中它，点“新增下级”添加党总支、党支部。")
		s.m.units.reload(u.ID)
	})
}

// showCommitteeForm asks for the top committee of an empty database (name
// prefilled with name when known), creates it and calls created.
func showCommitteeForm(win fyne.Window, store UnitStore, name string, created func(model.Unit)) *unitForm {
	root := model.Unit{Name: name, Level: model.LevelCommittee, Kind: model.KindOrgan}
	f := showUnitForm(win, "新建本级党委", root, func(u model.Unit) error {
		if err := store.CreateUnit(context.Background(), &u); err != nil {
			return err
		}
		created(u)
		return nil
	})
	f.name.PlaceHolder = "如：中共青禾县委员会、青禾县委组织部"
	f.code.PlaceHolder = "本单位自定的编码，如 QH"
	f.name.Refresh()
	f.code.Refresh()
	return f
}
