package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xingji/importers/roster"
	"xingji/model"
)

// RosterImporter reads a roster file into a preview and applies an accepted
// plan.
type RosterImporter interface {
	PreviewRoster(ctx context.Context, path string, opts roster.Options) (*roster.Preview, error)
	ApplyRosterPlan(ctx context.Context, p model.RosterPlan) (model.RosterResult, error)
}

// formSniffer tells returned forms from rosters among dropped files.
type formSniffer interface {
	// IsFormFile reports whether a dropped path is returned forms (a folder,
	// a .zip, or a workbook of ours) rather than a roster.
	IsFormFile(path string) bool
}

// rosterImports is what the roster import needs: the importer, the unit
// store (to create the committee when a roster is dropped on an empty
// database) and a way to tell returned forms from a roster.
type rosterImports struct {
	importer RosterImporter
	units    UnitStore
	forms    formSniffer
}

func newRosterImports(importer RosterImporter, units UnitStore, forms formSniffer) rosterImports {
	return rosterImports{importer: importer, units: units, forms: forms}
}

// rosterExtensions are the files the picker offers; detection is by content.
var rosterExtensions = []string{".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".XLSX", ".XLS", ".CSV"}

// createChoice is the pick-list entry that creates an unknown unit.
const createChoice = "新建为下级组织"

// ImportRosterScreen previews a roster file before anything is written: what
// was recognised, what will change, every problem with its file, sheet, row
// and column, and the units the file names that do not exist yet — each to be
// created or mapped to an existing unit. 导入 is enabled only when the whole
// file can go in.
type ImportRosterScreen struct {
	m       *MainWindow
	desk    rosterImports
	path    string
	preview *roster.Preview
	dialog  dialog.Dialog

	summary      *widget.Label
	problems     *widget.Label
	unknownBox   *fyne.Container
	unitChoices  map[string]*widget.Select
	createParent *widget.Select
	recheck      *widget.Button
	apply        *widget.Button
	parents      map[string]int64
	// newCommittee, on an empty database, creates the committee the
	// file's units go under, then checks the file again.
	newCommittee  *widget.Button
	committeeForm *unitForm // the committee form opened last (a test hook)
}

func (m *MainWindow) onImportRoster() {
	pickFile(m.win, rosterExtensions, func(path string) {
		m.previewRoster(path, roster.Options{})
	}, func(err error) { m.showError("无法打开文件", err) })
}

// onDropped takes files dropped on the window: returned forms — any number
// of files, folders or .zip archives — are imported on the 考评收件 tab; a
// single other file is previewed as a roster. Telling them apart reads the
// files, so it runs off the UI goroutine.
func (m *MainWindow) onDropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	paths := make([]string, len(uris))
	for i, u := range uris {
		paths[i] = filepath.FromSlash(u.Path())
	}
	forms, entries := false, false
	m.background(func() error {
		entries = len(paths) == 1 && m.results.book.IsEntriesFile(paths[0])
		for _, p := range paths {
			if m.rosters.forms.IsFormFile(p) {
				forms = true
				break
			}
		}
		return nil
	}, func(error) {
		if entries && m.tabs != nil {
			m.results.importDropped(paths[0])
			return
		}
		if forms && m.tabs != nil {
			m.periods.Import(paths)
			return
		}
		if forms {
			m.setStatus("请先载入示范数据或导入花名册，建立党组织后再导入考评表。")
			return
		}
		m.dropRoster(paths)
	})
}

// dropRoster previews the first dropped file as a roster.
func (m *MainWindow) dropRoster(paths []string) {
	path := paths[0]
	if len(paths) > 1 {
		m.setStatus(fmt.Sprintf("一次导入一个花名册：先处理“%s”，其余 %d 个文件请稍后再拖入。", filepath.Base(path), len(paths)-1))
	}
	m.previewRoster(path, roster.Options{})
}

// previewRoster reads the file off the UI goroutine and shows the preview.
func (m *MainWindow) previewRoster(path string, opts roster.Options) {
	m.setStatus("正在读取 " + filepath.Base(path) + " …")
	var p *roster.Preview
	m.background(func() error {
		var err error
		p, err = m.rosters.importer.PreviewRoster(context.Background(), path, opts)
		return err
	}, func(err error) {
		if err != nil {
			m.setStatus("")
			m.showError("无法导入“"+filepath.Base(path)+"”", err)
			return
		}
		m.setStatus("")
		m.importScreen = m.showImportPreview(path, p, opts)
	})
}

func (m *MainWindow) showImportPreview(path string, p *roster.Preview, opts roster.Options) *ImportRosterScreen {
	s := &ImportRosterScreen{m: m, desk: m.rosters, path: path, preview: p, unitChoices: map[string]*widget.Select{}, parents: map[string]int64{}}
	s.summary = widget.NewLabel(s.summaryText())
	s.summary.Wrapping = fyne.TextWrapWord
	s.problems = widget.NewLabel(problemsText(p))
	s.problems.Wrapping = fyne.TextWrapWord
	s.unknownBox = container.NewVBox()
	if len(p.UnknownUnits) > 0 {
		s.buildUnknownUnits(opts)
	}
	s.recheck = newButton("按以上选择重新检查", s.onRecheck)
	s.apply = newButton("导入", s.onApply)
	s.apply.Importance = widget.HighImportance
	enable(s.apply, p.Ready())
	cancel := newButton("取消", func() { s.dialog.Hide() })
	buttons := container.NewHBox(cancel, s.apply)
	if len(p.UnknownUnits) > 0 && s.newCommittee == nil {
		// (On an empty database 新建本级党委… checks the file again itself.)
		buttons.Objects = append([]fyne.CanvasObject{s.recheck}, buttons.Objects...)
	}
	body := container.NewBorder(s.summary, container.NewBorder(nil, nil, nil, buttons), nil, nil,
		container.NewVScroll(container.NewVBox(s.unknownBox, s.problems)))
	s.dialog = dialog.NewCustomWithoutButtons("导入花名册：预览", body, m.win)
	s.dialog.Resize(fyne.NewSize(900, 620))
	s.dialog.Show()
	return s
}

func (s *ImportRosterScreen) summaryText() string {
	p := s.preview
	c := p.Counts
	var b strings.Builder
	fmt.Fprintf(&b, "文件：%s　", filepath.Base(s.path))
	if p.Sheet != "" {
		fmt.Fprintf(&b, "工作表：“%s”　", p.Sheet)
	}
	fmt.Fprintf(&b, "表头在第 %d 行　共 %d 行党员数据\n", p.HeaderRow, c.Entries)
	fmt.Fprintf(&b, "将新增党员 %d 人，更新已有党员 %d 人（其中调动 %d 人），新建党组织 %d 个。",
		c.New, c.Update, c.Transfer, c.NewUnits)
	switch {
	case len(p.Errors) > 0:
		fmt.Fprintf(&b, "\n有 %d 处问题必须先改正：请在 Excel 或 WPS 中按下面的位置修改原文件，保存后重新导入。整个文件不会写入任何数据。", len(p.Errors))
	case len(p.UnknownUnits) > 0 && len(s.m.units.activeUnits()) == 0:
		b.WriteString("\n系统中还没有党组织：请先点下面的“新建本级党委…”建立本级党委（如“中共青禾县委员会”），文件中的党组织将新建在它下面，然后继续导入。")
	case len(p.UnknownUnits) > 0:
		fmt.Fprintf(&b, "\n文件中有 %d 个党组织在系统里找不到：请为每个选择“新建”或对应到已有组织，然后点“按以上选择重新检查”。", len(p.UnknownUnits))
	default:
		b.WriteString("\n检查通过，可以导入。导入前会自动备份现有数据。")
	}
	if len(p.Warnings) > 0 {
		fmt.Fprintf(&b, "\n另有 %d 条提示（不影响导入），见下方。", len(p.Warnings))
	}
	return b.String()
}

func problemsText(p *roster.Preview) string {
	var b strings.Builder
	if len(p.Errors) > 0 {
		b.WriteString("必须改正的问题：\n")
		for _, e := range p.Errors {
			b.WriteString("• " + e.Error() + "\n")
		}
	}
	if len(p.Warnings) > 0 {
		b.WriteString("\n提示：\n")
		for _, e := range p.Warnings {
			b.WriteString("• " + e.Error() + "\n")
		}
	}
	return b.String()
}

// buildUnknownUnits adds one pick-list per unknown unit: create it under the
// chosen parent, or map it to an existing unit.
func (s *ImportRosterScreen) buildUnknownUnits(opts roster.Options) {
	existing := []string{createChoice}
	var parentLabels []string
	for _, u := range s.m.units.activeUnits() {
		label := fmt.Sprintf("%s（%s）", u.Name, u.Code)
		existing = append(existing, label)
		s.parents[label] = u.ID
		if u.Level < model.LevelGroup {
			parentLabels = append(parentLabels, label)
		}
	}
	s.createParent = newSelect(parentLabels, nil)
	s.createParent.PlaceHolder = "请选择新建组织的上级"
	if len(parentLabels) > 0 {
		s.createParent.SetSelectedIndex(0)
	}
	for label, id := range s.parents {
		if id == opts.CreateAllUnder {
			s.createParent.SetSelected(label)
		}
	}
	form := widget.NewForm()
	for _, u := range s.preview.UnknownUnits {
		sel := newSelect(existing, nil)
		sel.SetSelected(createChoice)
		s.unitChoices[u.Name] = sel
		form.Append(fmt.Sprintf("%s（%d 人）", u.Name, len(u.Rows)), sel)
	}
	title := widget.NewLabelWithStyle("系统中没有的党组织", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if len(parentLabels) == 0 {
		// An empty database: the file's units need a committee above them.
		s.newCommittee = newButton("新建本级党委…", s.onNewCommittee)
		s.newCommittee.Importance = widget.HighImportance
		form.Append("新建的组织放在", s.newCommittee)
	} else {
		form.Append("新建的组织放在", s.createParent)
	}
	s.unknownBox.Objects = []fyne.CanvasObject{title, form}
}

// onNewCommittee creates the committee of an empty database, with a name
// guessed from the file's units, and checks the file again with every
// unit created under it.
func (s *ImportRosterScreen) onNewCommittee() {
	var names []string
	for _, u := range s.preview.UnknownUnits {
		names = append(names, u.Name)
	}
	s.committeeForm = showCommitteeForm(s.m.win, s.desk.units, guessCommitteeName(names), func(u model.Unit) {
		s.dialog.Hide()
		s.m.setStatus("已新建：" + u.Name + "。正在按新建的党委重新检查花名册…")
		s.m.units.reloadThen(u.ID, func() {
			s.m.previewRoster(s.path, roster.Options{CreateAllUnder: u.ID})
		})
	})
}

// placeSuffixes end the place names a committee is named after.
var placeSuffixes = []string{"自治州", "自治县", "街道", "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡"}

// guessCommitteeName guesses the committee above units from the place name
// they share: "青禾县城关镇第一党支部" and "青禾县水务局党支部" give
// "中共青禾县委员会". It returns "" when the names share no place name.
func guessCommitteeName(units []string) string {
	if len(units) == 0 {
		return ""
	}
	prefix := []rune(units[0])
	for _, n := range units[1:] {
		r := []rune(n)
		i := 0
		for i < len(prefix) && i < len(r) && prefix[i] == r[i] {
			i++
		}
		prefix = prefix[:i]
	}
	p := strings.TrimPrefix(string(prefix), "中共")
	best := -1
	for _, suf := range placeSuffixes {
		for i := strings.Index(p, suf); i >= 0; {
			end := i + len(suf)
			// 社区 and 园区 are not places with a committee of their own.
			if !(suf == "区" && (strings.HasSuffix(p[:i], "社") || strings.HasSuffix(p[:i], "园"))) && end > best {
				best = end
			}
			next := strings.Index(p[end:], suf)
			if next < 0 {
				break
			}
			i = end + next
		}
	}
	if best <= 0 {
		return ""
	}
	return "中共" + p[:best] + "委员会"
}

// options turns the pick-lists into import decisions.
func (s *ImportRosterScreen) options() (roster.Options, error) {
	opts := roster.Options{MapTo: map[string]int64{}}
	parent, ok := s.parents[s.createParent.Selected]
	for name, sel := range s.unitChoices {
		if sel.Selected == createChoice {
			if !ok {
				return opts, model.Errorf(model.EInvalid, "请选择新建组织的上级党组织")
			}
			opts.CreateAllUnder = parent
			continue
		}
		opts.MapTo[name] = s.parents[sel.Selected]
	}
	return opts, nil
}

func (s *ImportRosterScreen) onRecheck() {
	opts, err := s.options()
	if err != nil {
		s.m.showError("请先选择", err)
		return
	}
	s.dialog.Hide()
	s.m.previewRoster(s.path, opts)
}

func (s *ImportRosterScreen) onApply() {
	if !s.preview.Ready() {
		return
	}
	enable(s.apply, false)
	var res model.RosterResult
	s.m.background(func() error {
		var err error
		res, err = s.desk.importer.ApplyRosterPlan(context.Background(), s.preview.Plan)
		return err
	}, func(err error) {
		if err != nil {
			enable(s.apply, true)
			s.m.showError("导入失败，数据未作任何改动", err)
			return
		}
		s.dialog.Hide()
		s.m.setStatus(fmt.Sprintf("已导入“%s”：新增党员 %d 人，更新 %d 人，调动 %d 人，新建党组织 %d 个。导入前的数据已备份。",
			filepath.Base(s.path), res.MembersAdded, res.MembersUpdated, res.Transfers, res.UnitsCreated))
		s.m.Load()
	})
}
