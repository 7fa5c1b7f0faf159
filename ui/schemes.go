package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/documents"
	"xingji/model"
	"xingji/scoring/builtin"
)

// SchemeStore is what the scheme screen needs of the database: saving a
// scheme under its code and version (never over a different content) and
// reading one back.
type SchemeStore interface {
	SaveScheme(ctx context.Context, s model.Scheme) error
	Scheme(ctx context.Context, code, version string) (model.Scheme, error)
}

// SavedSchemeLister returns every saved scheme whole; the scheme screen
// lists them beside the built-ins.
type SavedSchemeLister interface {
	SavedSchemes(ctx context.Context) ([]model.Scheme, error)
}

// schemeEntry is one line of the scheme list.
type schemeEntry struct {
	scheme  model.Scheme
	builtin bool
}

// SchemesScreen is the 考核方案 window: the schemes on the left, the chosen
// one as a tree of sections and items with its problems and notes on the
// right, editing that saves a new version, and a 试算 tab that scores one
// subject with the explanation beside each number.
type SchemesScreen struct {
	m     *MainWindow
	win   fyne.Window
	store SchemeStore // nil: saving is not offered
	// listSchemes returns every scheme to list, built-in and stored.
	listSchemes func(ctx context.Context) ([]model.Scheme, error)
	savedHere   []model.Scheme // saved in this window, listed even when the store cannot list
	// confirm asks before a destructive step; tests answer yes at once.
	confirm func(title, message string, yes func())

	entries []schemeEntry
	chosen  int
	current model.Scheme // the working copy of the chosen scheme
	dirty   bool
	changes []string // unsaved edits, in words
	tree    *schemeTree

	list        *widget.List
	header      *widget.Label // name, version, origin
	headerInfo  *widget.Label // source, subject, period
	totals      *widget.Label // declared total against the items' sum
	detail      *widget.Label
	problems    *widget.RichText
	editButton  *widget.Button
	addItem     *widget.Button
	deleteItem  *widget.Button
	addSection  *widget.Button
	saveButton  *widget.Button
	tabs        *container.AppTabs
	trial       *TrialPanel
	itemForm    *itemForm   // the item form shown last (a test hook)
	saveDialog  *formDialog // the save dialog shown last (a test hook)
	saveVersion *textEntry
	saveWarn    *widget.Label
	exportBtn   *widget.Button
	importBtn   *widget.Button
	lastReport  string // the text of the last export or import report (a test hook)
}

func (m *MainWindow) onSchemes() { m.showSchemes() }

// showSchemes opens the 考核方案 window with the built-in schemes and, when
// the office's store can list them, the saved ones.
func (m *MainWindow) showSchemes() *SchemesScreen {
	return m.openSchemes(m.office, defaultSchemeList(m.office))
}

// defaultSchemeList lists the built-ins followed by what src has saved; a
// nil src lists the built-ins alone.
func defaultSchemeList(src SavedSchemeLister) func(ctx context.Context) ([]model.Scheme, error) {
	return func(ctx context.Context) ([]model.Scheme, error) {
		out := builtin.Schemes()
		if src != nil {
			saved, err := src.SavedSchemes(ctx)
			if err != nil {
				return out, err
			}
			out = append(out, saved...)
		}
		return out, nil
	}
}

// openSchemes opens the window on store and list.
func (m *MainWindow) openSchemes(store SchemeStore, list func(ctx context.Context) ([]model.Scheme, error)) *SchemesScreen {
	s := &SchemesScreen{m: m, store: store, listSchemes: list, chosen: -1}
	s.win = fyne.CurrentApp().NewWindow("考核方案")
	s.confirm = func(title, message string, yes func()) {
		dialog.ShowConfirm(title, message, safely1(func(ok bool) {
			if ok {
				yes()
			}
		}), s.win)
	}
	s.win.SetIcon(AppIcon)
	s.list = widget.NewList(func() int { return len(s.entries) }, s.createListRow, s.updateListRow)
	s.list.OnSelected = safely1(s.onChoose)
	s.tree = newSchemeTree(s.onNodeSelected, s.onEditItem)
	s.header = widget.NewLabelWithStyle("请在左边选择一个考核方案", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.header.Truncation = fyne.TextTruncateEllipsis
	s.headerInfo = widget.NewLabel("")
	s.headerInfo.Truncation = fyne.TextTruncateEllipsis
	s.totals = widget.NewLabel("")
	s.totals.Truncation = fyne.TextTruncateEllipsis
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.problems = widget.NewRichText()
	s.problems.Wrapping = fyne.TextWrapWord
	s.editButton = newIconButton("修改项目…", theme.DocumentCreateIcon(), s.onEditItem)
	s.addItem = newIconButton("新增项目", theme.ContentAddIcon(), s.onAddItem)
	s.deleteItem = newIconButton("删除项目", theme.DeleteIcon(), s.onDeleteItem)
	s.addSection = newIconButton("新增部分", theme.FolderNewIcon(), s.onAddSection)
	s.saveButton = newIconButton("保存为新版本…", theme.DocumentSaveIcon(), s.onSave)
	s.saveButton.Importance = widget.HighImportance
	s.trial = newTrialPanel(s)

	settings := newIconButton("方案设置…", theme.SettingsIcon(), func() { s.showSettings() })
	s.exportBtn = newIconButton("导出为 Excel…", theme.DownloadIcon(), s.onExport)
	s.importBtn = newIconButton("从 Excel 导入…", theme.UploadIcon(), s.onImport)
	// The scheme's own actions sit beside its name; the item actions below
	// (at 1024 pixels one row of all of them would be wider than the pane).
	headRow := container.NewBorder(nil, nil, nil, container.NewHBox(settings, s.saveButton), s.header)
	toolbar := container.NewHBox(s.editButton, s.addItem, s.deleteItem, s.addSection)
	lower := container.NewVScroll(container.NewVBox(s.detail, widget.NewSeparator(), s.problems))
	body := container.NewVSplit(s.tree.widget, lower)
	body.Offset = 0.58
	content := container.NewBorder(container.NewVBox(headRow, s.headerInfo, s.totals, toolbar), nil, nil, nil, body)
	s.tabs = newTabs(
		container.NewTabItem("方案内容", content),
		container.NewTabItem("试算", s.trial.content),
	)
	listTitle := widget.NewLabelWithStyle("考核方案", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	listButtons := container.NewVBox(s.exportBtn, s.importBtn)
	split := container.NewHSplit(container.NewBorder(listTitle, listButtons, nil, nil, s.list), s.tabs)
	split.Offset = 0.25
	s.win.SetContent(split)
	// Fits a 1366×768 laptop screen with the taskbar; the content fits 1024×700.
	s.win.Resize(fyne.NewSize(1240, 700))
	s.setEditable()
	s.reload("", "")
	s.win.Show()
	if FitToScreen != nil {
		FitToScreen(s.win)
	}
	return s
}

func (s *SchemesScreen) createListRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("党员授旗评星（创五星级党员）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("版本 1　内置　004 第二篇")
	info.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, info)
}

func (s *SchemesScreen) updateListRow(i widget.ListItemID, o fyne.CanvasObject) {
	e := s.entries[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(e.scheme.Name)
	box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("版本 %s　%s　%s", e.scheme.Version, originText(e.builtin), e.scheme.Source))
}

func originText(isBuiltin bool) string {
	if isBuiltin {
		return "内置"
	}
	return "本单位"
}

// reload reads the list and then chooses the scheme code, version ("": the
// one chosen before, else the first).
func (s *SchemesScreen) reload(code, version string) {
	var all []model.Scheme
	s.m.background(func() error {
		var err error
		all, err = s.listSchemes(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			dialog.ShowInformation("读取考核方案失败", model.ErrorMessage(err), s.win)
		}
		if code == "" && s.chosen >= 0 && s.chosen < len(s.entries) {
			code, version = s.entries[s.chosen].scheme.Code, s.entries[s.chosen].scheme.Version
		}
		for _, sc := range s.savedHere {
			if !hasScheme(all, sc.Code, sc.Version) {
				all = append(all, sc)
			}
		}
		s.entries = schemeEntries(all)
		s.list.Refresh()
		s.list.UnselectAll()
		s.chosen = -1
		for i, e := range s.entries {
			if e.scheme.Code == code && e.scheme.Version == version {
				s.list.Select(i)
				return
			}
		}
		if len(s.entries) > 0 {
			s.list.Select(0)
		}
	})
}

// schemeEntries orders schemes by code (in the order codes first appear),
// keeping each code's versions in list order, and marks the built-ins.
func schemeEntries(all []model.Scheme) []schemeEntry {
	builtins := map[string]bool{}
	for _, b := range builtin.Schemes() {
		builtins[b.Code+"\x00"+b.Version] = true
	}
	first := map[string]int{}
	out := make([]schemeEntry, len(all))
	for i, sc := range all {
		if _, ok := first[sc.Code]; !ok {
			first[sc.Code] = i
		}
		out[i] = schemeEntry{scheme: sc, builtin: builtins[sc.Code+"\x00"+sc.Version]}
	}
	sort.SliceStable(out, func(i, j int) bool { return first[out[i].scheme.Code] < first[out[j].scheme.Code] })
	return out
}

// onChoose shows the scheme at list position i, asking first when edits
// would be lost.
func (s *SchemesScreen) onChoose(i widget.ListItemID) {
	if i == s.chosen {
		return
	}
	if s.dirty {
		prev := s.chosen
		s.list.Select(prev)
		s.confirm("放弃修改", "当前方案有未保存的修改，切换后修改将丢失。确定切换吗？", func() {
			s.dirty = false
			s.list.Select(i)
		})
		return
	}
	s.choose(i)
}

func (s *SchemesScreen) choose(i int) {
	s.chosen = i
	s.current = copyScheme(s.entries[i].scheme)
	s.dirty, s.changes = false, nil
	s.tree.selected = ""
	s.refreshScheme()
	s.trial.rebuild()
}

// copyScheme returns a deep copy, so edits never reach the list's scheme.
func copyScheme(sc model.Scheme) model.Scheme {
	b, err := json.Marshal(sc)
	if err != nil {
		return sc
	}
	var c model.Scheme
	if json.Unmarshal(b, &c) != nil {
		return sc
	}
	return c
}

// refreshScheme redraws everything that shows the working copy.
func (s *SchemesScreen) refreshScheme() {
	sc := &s.current
	e := s.entries[s.chosen]
	subject := "党组织"
	if sc.Subject == model.SubjectMember {
		subject = "党员"
	}
	head := fmt.Sprintf("%s　版本 %s　%s", sc.Name, sc.Version, originText(e.builtin))
	if s.dirty {
		head += "　（有未保存的修改）"
	}
	s.header.SetText(head)
	info := "考核对象：" + subject
	if sc.Period != "" {
		info += "　周期：" + sc.Period
	}
	s.headerInfo.SetText(info + "　来源：" + sc.Source)
	s.totals.SetText(totalsText(sc))
	s.tree.show(sc)
	s.showDetail()
	s.showProblems()
	s.setEditable()
}

// totalsText compares the declared total with what the items add up to,
// per unit kind when items apply to some kinds only.
func totalsText(sc *model.Scheme) string {
	sums := map[model.UnitKind]model.Decimal{}
	kinds := sc.Kinds
	limited := false
	sc.Walk(func(path []*model.Section, it *model.Item) {
		limited = limited || len(model.EffectiveAppliesTo(path, it)) > 0
	})
	if !limited || sc.Subject != model.SubjectUnit {
		kinds = nil
	} else if len(kinds) == 0 {
		kinds = model.UnitKinds
	}
	var all model.Decimal
	sc.Walk(func(path []*model.Section, it *model.Item) {
		if it.Bonus || it.Penalty {
			return
		}
		all = all.Add(it.Points)
		for _, k := range kinds {
			if model.AppliesToKind(model.EffectiveAppliesTo(path, it), k) {
				sums[k] = sums[k].Add(it.Points)
			}
		}
	})
	mark := func(d model.Decimal) string {
		if d.Equal(sc.Total) {
			return d.String() + "分 ✓"
		}
		return d.String() + "分 ✗ 不符"
	}
	text := "规定总分 " + sc.Total.String() + "分，"
	if len(kinds) == 0 {
		return text + "各项目分值合计 " + mark(all)
	}
	var parts []string
	for _, k := range kinds {
		parts = append(parts, string(k)+" "+mark(sums[k]))
	}
	return text + "各类党组织适用项目合计：" + strings.Join(parts, "；")
}

// ruleText writes an item's rule in Chinese words (generated from the rule,
// so that it follows edits; the seed's own words are shown as 原文).
func ruleText(it *model.Item) string {
	return documents.DescribeRule(it.Rule, it.Points, it.Penalty)
}

// showDetail writes out the selected section or item in full.
func (s *SchemesScreen) showDetail() {
	sec, it := s.tree.lookup(&s.current, s.tree.selected)
	switch {
	case it != nil:
		var b strings.Builder
		fmt.Fprintf(&b, "项目 %s\n分值：%s分", namesOf(&s.current).item(it), it.Points)
		if it.Bonus {
			b.WriteString("（加分项）")
		}
		if it.Penalty {
			b.WriteString("（减分项）")
		}
		if it.Department != "" {
			b.WriteString("　责任部门：" + it.Department)
		}
		if len(it.AppliesTo) > 0 {
			b.WriteString("　适用类型：" + model.KindsText(it.AppliesTo))
		}
		if it.Method != "" {
			b.WriteString("\n考核方法：" + it.Method)
		}
		b.WriteString("\n评分规则：" + ruleText(it))
		if it.Quote != "" {
			b.WriteString("\n原文：" + it.Quote)
		}
		s.detail.SetText(b.String())
	case sec != nil:
		s.detail.SetText(fmt.Sprintf("部分：%s\n规定分值：%s分", sec.Title, declared(sec.Points)))
	default:
		s.detail.SetText("在上面的目录中选择一个项目，可查看详细内容和修改。")
	}
}

func declared(d model.Decimal) string {
	if d.IsZero() {
		return "未规定"
	}
	return d.String()
}

// showProblems lists the working copy's problems (fatal ones in red), its
// notes and the unsaved changes.
func (s *SchemesScreen) showProblems() {
	ps := s.current.Problems()
	names := namesOf(&s.current)
	unexplained := map[string]bool{}
	for _, p := range s.current.Unexplained(ps) {
		unexplained[string(p.Code)+"\x00"+p.Ref+"\x00"+p.Message] = true
	}
	var segs []widget.RichTextSegment
	heading := func(text string) {
		st := widget.RichTextStyleSubHeading
		st.Inline = false
		segs = append(segs, &widget.TextSegment{Text: text, Style: st})
	}
	para := func(text string, color fyne.ThemeColorName) {
		st := widget.RichTextStyleParagraph
		st.ColorName = color
		segs = append(segs, &widget.TextSegment{Text: text, Style: st})
	}
	if len(s.changes) > 0 {
		heading(fmt.Sprintf("未保存的修改（%d）", len(s.changes)))
		for _, c := range s.changes {
			para("·"+c, theme.ColorNameForeground)
		}
	}
	if len(ps) == 0 {
		heading("检查结果：没有发现问题")
	} else {
		heading(fmt.Sprintf("检查发现的问题（%d）", len(ps)))
	}
	for i, p := range ps {
		p.Message = names.text(p.Message)
		switch {
		case p.Fatal:
			para("【严重，不能计算和保存】"+p.Message, theme.ColorNameError)
		case unexplained[string(p.Code)+"\x00"+p.Ref+"\x00"+ps[i].Message]:
			para("【需处理】"+p.Message, theme.ColorNameWarning)
		default:
			para("【已在说明中注明】"+p.Message, theme.ColorNameForeground)
		}
	}
	if len(s.current.Notes) > 0 {
		heading(fmt.Sprintf("说明：原文未写明或前后矛盾之处，由考核办决定（%d）", len(s.current.Notes)))
		for _, n := range s.current.Notes {
			ref := ""
			if r := names.ref(n.Ref); r != "" {
				ref = "〔" + r + "〕"
			}
			para("·"+ref+names.text(n.Text), theme.ColorNameForeground)
		}
	}
	s.problems.Segments = segs
	s.problems.Refresh()
}

// problemsText returns the problem list as plain text (a test hook).
func (s *SchemesScreen) problemsText() string { return s.problems.String() }

// setEditable enables the actions that make sense for the selection.
func (s *SchemesScreen) setEditable() {
	has := s.chosen >= 0
	_, it := s.tree.lookup(&s.current, s.tree.selected)
	enable(s.editButton, has && it != nil)
	enable(s.deleteItem, has && it != nil)
	enable(s.addItem, has && s.tree.selected != "")
	enable(s.addSection, has)
	enable(s.saveButton, has && s.store != nil)
	enable(s.exportBtn, has)
	enable(s.importBtn, s.store != nil)
}

func (s *SchemesScreen) onNodeSelected(id string) {
	s.showDetail()
	s.setEditable()
}

func hasScheme(all []model.Scheme, code, version string) bool {
	for _, sc := range all {
		if sc.Code == code && sc.Version == version {
			return true
		}
	}
	return false
}

// freeVersion suggests the next version label not yet used for the code,
// by model.NextSchemeVersion.
func (s *SchemesScreen) freeVersion() string {
	return s.freeVersionOf(s.current.Code, s.current.Version)
}

// freeVersionOf suggests the first version after v not yet listed for code.
func (s *SchemesScreen) freeVersionOf(code, v string) string {
	for {
		v = model.NextSchemeVersion(v)
		if !s.hasEntry(code, v) {
			return v
		}
	}
}

// onSave asks for the new version label and saves the working copy under
// it. A built-in is never overwritten: its copy is saved as the office's
// own, with a new version. Fatal problems keep the dialog open with the
// reason; other problems are saved along and stay listed.
func (s *SchemesScreen) onSave() {
	if s.store == nil || s.chosen < 0 {
		return
	}
	s.saveVersion = newEntry()
	s.saveVersion.SetText(s.freeVersion())
	ps := s.current.Problems()
	warn := widget.NewLabel("")
	s.saveWarn = warn
	warn.Wrapping = fyne.TextWrapWord
	if n := len(s.current.Unexplained(ps)); n > 0 {
		warn.SetText(fmt.Sprintf("方案还有%d个需处理的问题（见“检查发现的问题”），仍可保存，以后再改。", n))
		warn.Importance = widget.WarningImportance
	}
	from := "将保存为本单位的方案，原版本不会改变。"
	if s.entries[s.chosen].builtin {
		from = "内置方案不会被改动：将另存为本单位的方案（编码不变，版本提高）。"
	}
	note := widget.NewLabel(from)
	note.Wrapping = fyne.TextWrapWord
	s.saveDialog = showFormDialog(s.win, "保存为新版本", "保存", []*widget.FormItem{
		widget.NewFormItem("方案", widget.NewLabel(s.current.Name)),
		widget.NewFormItem("新版本号", s.saveVersion),
		widget.NewFormItem("", note),
		widget.NewFormItem("", warn),
	}, s.save)
}

// save stores the working copy under the version typed in the dialog.
func (s *SchemesScreen) save() error {
	sc := copyScheme(s.current)
	sc.Version = strings.TrimSpace(s.saveVersion.Text)
	if sc.Version == "" {
		return model.FieldErrorf("Version", "请填写新版本号")
	}
	for _, e := range s.entries {
		if e.scheme.Code == sc.Code && e.scheme.Version == sc.Version {
			return model.FieldErrorf("Version", "版本“%s”已经有了，请换一个版本号（例如“%s”）", sc.Version, s.freeVersion())
		}
	}
	if fatal := sc.Problems().Fatal(); len(fatal) > 0 {
		return model.Errorf(model.EInvalid, "方案有严重问题，不能保存：%s", fatal.Error())
	}
	ctx := context.Background()
	if err := s.store.SaveScheme(ctx, sc); err != nil {
		return err
	}
	stored, err := s.store.Scheme(ctx, sc.Code, sc.Version)
	if err != nil {
		return err
	}
	s.savedHere = append(s.savedHere, stored)
	s.dirty, s.changes = false, nil
	s.reload(sc.Code, sc.Version)
	return nil
}
