package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Press presses the control labelled label on the real window, as a clerk's
// click would: a button (the newest visible, enabled one whose text is
// label), a main-menu item written as "菜单名/项目", a tab written as
// "标签页:名称", a path for the chooser on screen as "选择:路径", an option of a pick-list as "选项:名称", or one of
// the pseudo-labels 选中第一行, 打开所选行, 关闭对话框, 关闭窗口 and 模拟程序出错. It reports whether such a control was found, and, through
// opened, whether pressing it opened a file or folder chooser. The GUI
// smoke test drives the real window under Xvfb (and Wine) with it; it must
// run on the UI goroutine.
func (m *MainWindow) Press(label string) (found, opened bool) {
	var shown []*dialog.FileDialog
	prev := pickerOpened
	pickerOpened = func(d *dialog.FileDialog) { shown = append(shown, d) }
	defer func() {
		pickerOpened = prev
		if len(shown) > 0 {
			m.choosers = append(m.choosers, shown...)
		}
	}()
	if name, ok := strings.CutPrefix(label, tabPrefix); ok {
		buttonsMu.Lock()
		defer buttonsMu.Unlock()
		for i := len(tabSets) - 1; i >= 0; i-- {
			for j, it := range tabSets[i].Items {
				if it.Text == name {
					tabSets[i].SelectIndex(j)
					return true, false
				}
			}
		}
		return false, false
	}
	if path, ok := strings.CutPrefix(label, choosePrefix); ok {
		if pending.d == nil {
			return false, false
		}
		d, choose := pending.d, pending.choose
		pending.d, pending.choose = nil, nil
		d.Hide()
		m.choosers = nil
		choose(path)
		return true, false
	}
	if option, ok := strings.CutPrefix(label, optionPrefix); ok {
		buttonsMu.Lock()
		defer buttonsMu.Unlock()
		for i := len(selectsMade) - 1; i >= 0; i-- {
			sel := selectsMade[i]
			if !sel.Visible() || sel.Disabled() {
				continue
			}
			for _, o := range sel.Options {
				if o == option {
					buttonsMu.Unlock()
					sel.SetSelected(o)
					buttonsMu.Lock()
					return true, false
				}
			}
		}
		return false, false
	}
	if label == openRow {
		if t := m.rowsOnScreen(); t != nil {
			t.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			return true, false
		}
		return false, false
	}
	if label == failOnPurpose {
		safely(func() {
			var w *MainWindow
			_ = w.win // a nil dereference, as a bug would
		})()
		return true, false
	}
	if label == closeDialog {
		for _, w := range fyne.CurrentApp().Driver().AllWindows() {
			if top := w.Canvas().Overlays().Top(); top != nil {
				w.Canvas().Overlays().Remove(top)
				return true, false
			}
		}
		return false, false
	}
	if label == closeWindow {
		all := fyne.CurrentApp().Driver().AllWindows()
		for i := len(all) - 1; i >= 0; i-- {
			if all[i] != m.win {
				all[i].Close()
				return true, false
			}
		}
		return false, false
	}
	if label == firstRow {
		if t := m.rowsOnScreen(); t != nil {
			t.Select(widget.TableCellID{Row: 0, Col: 0})
			return true, false
		}
		return false, false
	}
	if menu, item, ok := strings.Cut(label, "/"); ok {
		for _, mm := range m.win.MainMenu().Items {
			if mm.Label != menu {
				continue
			}
			for _, it := range mm.Items {
				if it.Label == item && it.Action != nil {
					it.Action()
					return true, len(shown) > 0
				}
			}
		}
		return false, false
	}
	buttonsMu.Lock()
	b := buttonsByLabel[label]
	buttonsMu.Unlock()
	if b == nil || b.Disabled() || !b.Visible() || b.OnTapped == nil {
		return false, false
	}
	b.OnTapped()
	return true, len(shown) > 0
}

// rowsOnScreen is the table of the tab on screen — the status board or the
// results' ranking — when it has rows; nil otherwise.
func (m *MainWindow) rowsOnScreen() *rowTable {
	switch {
	case m.tabs == nil:
	case m.tabs.Selected() == m.periodsTab && len(m.periods.rows) > 0:
		return m.periods.table
	case m.tabs.Selected() == m.resultsTab && len(m.results.rows) > 0:
		return m.results.table
	}
	return nil
}

// firstRow is the pseudo-label that chooses the first row of the status
// board or the ranking, as a click on it would.
const firstRow = "选中第一行"

// tabPrefix starts the pseudo-label that selects a tab by its title:
// "标签页:其他规定".
const tabPrefix = "标签页:"

// tabSets are the tab sets made by newTabs, newest last, for Press.
var tabSets []*container.AppTabs

// newTabs is container.NewAppTabs, remembered so that Press can select a
// tab by its title.
func newTabs(items ...*container.TabItem) *container.AppTabs {
	t := container.NewAppTabs(items...)
	buttonsMu.Lock()
	tabSets = append(tabSets, t)
	if len(tabSets) > 64 {
		tabSets = tabSets[len(tabSets)-64:]
	}
	buttonsMu.Unlock()
	return t
}

// optionPrefix starts the pseudo-label that chooses an option in the
// newest visible pick-list offering it: "选项:排名表".
const optionPrefix = "选项:"

// selectsMade are the pick-lists made by newSelect, newest last, for Press.
var selectsMade []*widget.Select

// registerSelect remembers a pick-list for Press.
func registerSelect(s *widget.Select) {
	buttonsMu.Lock()
	selectsMade = append(selectsMade, s)
	if len(selectsMade) > 256 {
		selectsMade = selectsMade[len(selectsMade)-256:]
	}
	buttonsMu.Unlock()
}

// choosePrefix starts the pseudo-label that answers the chooser on screen
// with a path, as choosing it there would: "选择:/tmp/下发表格".
const choosePrefix = "选择:"

// openRow is the pseudo-label that opens the chosen row of the status board
// or the ranking, as
// Enter does.
const openRow = "打开所选行"

// failOnPurpose is the pseudo-label that runs a handler which panics, so
// that the smoke test sees the program survive and say 操作失败 on the
// real window. Only XINGJI_PRESS reaches it.
const failOnPurpose = "模拟程序出错"

// closeDialog is the pseudo-label that closes the dialog on top, as its
// close button would.
const closeDialog = "关闭对话框"

// closeWindow is the pseudo-label that closes the newest window besides the
// main one (a screen opened in its own window), as its close box would.
const closeWindow = "关闭窗口"

// DismissChoosers closes the choosers Press opened, as 取消 would.
func (m *MainWindow) DismissChoosers() {
	for _, d := range m.choosers {
		d.Dismiss()
	}
	m.choosers = nil
}

// buttonsByLabel holds the button made last for each label (every button
// of the program is made by newButton or newIconButton), so that Press finds
// the one on screen: a dialog's button is made when the dialog opens.
var (
	buttonsMu      sync.Mutex
	buttonsByLabel = map[string]*widget.Button{}
)

// registerButton records b as the newest button labelled b.Text.
func registerButton(b *widget.Button) *widget.Button {
	buttonsMu.Lock()
	buttonsByLabel[b.Text] = b
	buttonsMu.Unlock()
	return b
}
