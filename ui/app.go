// Package ui is the desktop interface of 星级考评, built with Fyne. Each screen
// lives in its own file as a small struct holding its widgets and named
// handlers, and reaches the rest of the program only through the narrow
// interfaces declared here. Long work (queries, imports, backups) runs off the
// UI goroutine and reports back through fyne.Do. Every text is Simplified
// Chinese.
package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// UnitStore is what the organization tree needs of the database.
type UnitStore interface {
	Units(ctx context.Context) ([]model.Unit, error)
	CreateUnit(ctx context.Context, u *model.Unit) error
	UpdateUnit(ctx context.Context, u model.Unit) error
	MoveUnit(ctx context.Context, id, newParentID int64) error
	DissolveUnit(ctx context.Context, id int64, on model.Date) error
}

// MemberStore is what the member roster needs of the database.
type MemberStore interface {
	Members(ctx context.Context, q model.MemberQuery) (model.MemberPage, error)
	Member(ctx context.Context, id int64) (model.Member, error)
	CreateMember(ctx context.Context, m *model.Member, joinedUnitOn model.Date) error
	UpdateMember(ctx context.Context, m model.Member) error
	TransferMember(ctx context.Context, memberID, toUnitID int64, on model.Date, note string) error
	DeleteMember(ctx context.Context, id int64) error
	Memberships(ctx context.Context, memberID int64) ([]model.Membership, error)
}

// BackupStore is what the backup screen needs.
type BackupStore interface {
	Path() string
	Backup(ctx context.Context, reason string) (string, error)
	Backups() ([]model.BackupInfo, error)
	Restore(ctx context.Context, backupPath string) error
	// BackupTo writes one self-contained copy of the data to path.
	BackupTo(ctx context.Context, path string) error
}

// DemoLoader builds the fictional demo county committee.
type DemoLoader interface {
	LoadDemo(ctx context.Context) (model.RosterResult, error)
}

// Clock tells the screens the time: the default date of a form, the year of
// a new period, the names of backups, the date on an export. The wiring
// passes the office's clock, which the database reads too, so a test fixes
// one clock for everything.
type Clock interface {
	Now() time.Time
}

// Office is everything the main window needs: the union of the screens'
// interfaces, implemented by the program's wiring.
type Office interface {
	UnitStore
	MemberStore
	BackupStore
	RosterImporter
	DemoLoader
	PeriodDesk
	SchemeStore
	ResultsDesk
	NoticeDesk
	EntriesBook
	EntryDesk
	PaperDesk
	CertificateDesk
	Clock
}

// runner runs a job off the UI goroutine; tests swap in a synchronous one.
type runner func(job func())

func goRunner(job func()) { go job() }

// Printer prints a file directly through the system, where a program
// registers printing for its kind; the wiring sets one (Windows), and
// without it documents are opened to be printed from their viewer.
type Printer interface {
	CanPrint(path string) bool
	Print(path string) error
}

// MainWindow is the application window: the welcome page for an empty
// database, else the organization tree with the member roster beside it.
type MainWindow struct {
	// Printer, when set, offers 打印 beside 打开文件 for the documents the
	// system can print directly.
	Printer Printer
	win     fyne.Window
	office  Office
	run     runner
	clock   func() time.Time // the office's clock; see now

	welcome *WelcomeScreen
	units   *UnitsPanel
	members *MembersPanel
	periods *PeriodsScreen
	results *ResultsScreen
	status  *widget.Label
	roster  fyne.CanvasObject // the tabs with the tree-and-roster layout, once built
	tabs    *container.AppTabs
	// periodsTab is the 考评收件 tab, resultsTab the 考评结果 tab.
	periodsTab, resultsTab *container.TabItem

	rosters      rosterImports
	importScreen *ImportRosterScreen  // the roster preview shown last (a test hook)
	choosers     []*dialog.FileDialog // the choosers Press opened, for DismissChoosers

	// OnReady, when set, is called once the first content (welcome page or
	// roster) is on screen; the program logs its start-up time with it.
	OnReady func()
}

// NewMainWindow builds the main window for office in app a. Call Load to fill
// it, then ShowAndRun.
func NewMainWindow(a fyne.App, office Office) *MainWindow {
	w := a.NewWindow("星级考评")
	w.SetIcon(AppIcon)
	w.Resize(fyne.NewSize(1180, 680))
	m := &MainWindow{win: w, office: office, run: goRunner, clock: office.Now, status: widget.NewLabel("")}
	m.status.Truncation = fyne.TextTruncateEllipsis
	m.members = newMembersPanel(m, office)
	m.units = newUnitsPanel(m, office)
	m.periods = newPeriodsScreen(m, office)
	m.results = newResultsScreen(m, office, office, office, office)
	m.welcome = newWelcomeScreen(m, office, office)
	m.rosters = newRosterImports(office, office, office)
	w.SetOnDropped(func(p fyne.Position, uris []fyne.URI) {
		defer recoverPanic()
		m.onDropped(p, uris)
	})
	w.SetMainMenu(m.mainMenu())
	return m
}

// now is the time by the clock the wiring passed in: every screen reads the
// time here.
func (m *MainWindow) now() time.Time { return m.clock() }

// Window returns the Fyne window.
func (m *MainWindow) Window() fyne.Window { return m.win }

// Load reads the tree and shows the welcome page or the roster.
func (m *MainWindow) Load() { m.units.reload(0) }

// showContent switches between the welcome page and the roster.
func (m *MainWindow) showContent(empty bool) {
	if m.OnReady != nil {
		defer func() { ready := m.OnReady; m.OnReady = nil; ready() }()
	}
	want := m.welcome.content
	if !empty {
		if m.roster == nil {
			defer m.periods.reload()
		}
		want = m.rosterLayout()
	}
	if m.win.Content() != want {
		m.win.SetContent(want)
	}
}

// rosterLayout returns the main layout — the 组织与党员 tab with the tree
// and roster, and the 考评收件 tab — built once so that a reload keeps where
// the user dragged the divider.
func (m *MainWindow) rosterLayout() fyne.CanvasObject {
	if m.roster == nil {
		split := container.NewHSplit(m.units.content, m.members.content)
		split.Offset = 0.3
		toolbar := container.NewHBox(
			newButton("导入花名册…", m.onImportRoster),
			newButton("考核方案…", m.onSchemes),
			newButton("备份与恢复…", m.onBackups),
		)
		m.periodsTab = container.NewTabItem("考评收件", m.periods.content)
		m.resultsTab = container.NewTabItem("考评结果", m.results.content)
		m.tabs = newTabs(
			container.NewTabItem("组织与党员", container.NewBorder(toolbar, nil, nil, nil, split)),
			m.periodsTab,
			m.resultsTab,
		)
		m.tabs.OnSelected = safely1(func(t *container.TabItem) {
			switch t {
			case m.periodsTab:
				m.periods.reload()
			case m.resultsTab:
				m.results.reload()
			}
		})
		m.roster = container.NewBorder(nil, m.status, nil, nil, m.tabs)
	}
	return m.roster
}

// showResults brings the 考评结果 tab forward; it reports whether the tab
// was brought forward now (and reads its periods again).
func (m *MainWindow) showResults() bool {
	if m.tabs != nil && m.tabs.Selected() != m.resultsTab {
		m.tabs.Select(m.resultsTab)
		return true
	}
	return false
}

// showPeriods brings the 考评收件 tab forward.
func (m *MainWindow) showPeriods() {
	if m.tabs != nil && m.tabs.Selected() != m.periodsTab {
		m.tabs.Select(m.periodsTab)
	}
}

func (m *MainWindow) mainMenu() *fyne.MainMenu {
	file := fyne.NewMenu("文件",
		newMenuItem("导入花名册…", m.onImportRoster),
		newMenuItem("导入收回的考评表…", func() { m.showPeriods(); m.periods.onPickFile() }),
		newMenuItem("考核方案…", m.onSchemes),
		newMenuItem("备份与恢复…", m.onBackups),
	)
	help := fyne.NewMenu("帮助",
		newMenuItem("关于星级考评", func() { m.showAbout() }),
	)
	return fyne.NewMainMenu(file, help)
}

// reloadAll reads everything again after the data changed underneath the
// screens (a restore): the tree, the roster and the 考评收件 tab.
func (m *MainWindow) reloadAll() {
	m.Load()
	if m.roster != nil {
		m.periods.reload()
	}
}

// fitWindow returns want shrunk to fit inside win with a margin, so that a
// dialog never opens larger than a laptop screen.
func fitWindow(win fyne.Window, want fyne.Size) fyne.Size {
	avail := win.Canvas().Size()
	if avail.Width > 0 && avail.Width-40 < want.Width {
		want.Width = avail.Width - 40
	}
	if avail.Height > 0 && avail.Height-40 < want.Height {
		want.Height = avail.Height - 40
	}
	return want
}

// setStatus shows a one-line message at the bottom of the window.
func (m *MainWindow) setStatus(s string) { m.status.SetText(s) }

// showError shows err's Chinese message in a dialog.
func (m *MainWindow) showError(title string, err error) {
	d := dialog.NewInformation(title, model.ErrorMessage(err), m.win)
	d.Show()
}

// background runs job off the UI goroutine and then done on it.
func (m *MainWindow) background(job func() error, done func(error)) {
	m.run(func() {
		err := safeJob(job)
		fyne.Do(safely(func() { done(err) }))
	})
}
