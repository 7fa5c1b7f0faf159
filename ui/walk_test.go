package ui

import (
	"fmt"
	"io"
	"log"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The press-everything test: it walks every screen and dialog the window
// can reach and presses every button, menu item, tab, pick-list and check,
// confirming or cancelling each dialog it opens, and fails on any panic
// (recovered or not), on English or internal codes on screen, and on a
// chooser that fails to open. It finds the controls by walking the widget
// tree, so a button added tomorrow is pressed tomorrow without a line here.

// walker presses everything reachable from one window.
type walker struct {
	t       *testing.T
	m       *MainWindow
	pressed map[string]int // control path → times pressed
	pickers map[string]int // control path → choosers it opened
	texts   map[string]string
	taps    int
	budget  int

	mu      sync.Mutex
	panics  []string
	lastPkr []*dialog.FileDialog
}

func newWalker(t *testing.T, m *MainWindow) *walker {
	w := &walker{t: t, m: m, pressed: map[string]int{}, pickers: map[string]int{}, texts: map[string]string{}, budget: 3000}
	panicHook = func(r any, stack []byte) {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.panics = append(w.panics, fmt.Sprintf("%v\n%s", r, stack))
	}
	pickerOpened = func(d *dialog.FileDialog) {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.lastPkr = append(w.lastPkr, d)
	}
	t.Cleanup(func() { panicHook = nil; pickerOpened = nil })
	return w
}

// control is one thing to press, with the path that names it in reports.
type control struct {
	path string
	obj  fyne.CanvasObject
}

// children returns what o shows: a container's objects, a widget's
// rendered objects.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch c := o.(type) {
	case *fyne.Container:
		return c.Objects
	case *container.AppTabs:
		// The selected tab's content is rendered; the walker selects each.
		return test.WidgetRenderer(c).Objects()
	case fyne.Widget:
		return test.WidgetRenderer(c).Objects()
	}
	return nil
}

// collect lists the visible controls under o, and every text it shows.
func (w *walker) collect(o fyne.CanvasObject, path string, out *[]control) {
	if o == nil || !o.Visible() {
		return
	}
	switch c := o.(type) {
	case *widget.Button:
		w.text(path, c.Text)
		if c.OnTapped != nil {
			*out = append(*out, control{path + "/按钮:" + c.Text, c})
		}
		return
	case *widget.Select:
		w.text(path, c.Selected+" "+c.PlaceHolder+" "+strings.Join(c.Options, " "))
		*out = append(*out, control{path + "/选择:" + c.Selected, c})
		return
	case *widget.Check:
		w.text(path, c.Text)
		*out = append(*out, control{path + "/勾选:" + c.Text, c})
		return
	case *widget.Label:
		w.text(path, c.Text)
		return
	case *widget.RichText:
		w.text(path, c.String())
		return
	case *widget.Entry:
		w.text(path, c.PlaceHolder)
		return
	case tableLike:
		*out = append(*out, control{path + "/表格", c})
	case listLike:
		*out = append(*out, control{path + "/列表", c})
	case treeLike:
		*out = append(*out, control{path + "/树", c})
	case *container.AppTabs:
		*out = append(*out, control{path + "/标签页", c})
		for _, it := range c.Items {
			w.text(path, it.Text)
		}
	}
	for i, ch := range children(o) {
		w.collect(ch, fmt.Sprintf("%s/%d", path, i), out)
	}
}

// text records a text shown at path.
func (w *walker) text(path, s string) {
	if strings.TrimSpace(s) != "" {
		w.texts[s] = path
	}
}

// press presses one control and deals with what it opened. depth counts
// nested dialogs.
func (w *walker) press(win fyne.Window, c control, depth int) {
	if w.taps >= w.budget {
		return
	}
	w.taps++
	w.pressed[c.path]++
	before := len(win.Canvas().Overlays().List())
	switch o := c.obj.(type) {
	case *widget.Button:
		if o.Disabled() || !o.Visible() {
			return
		}
		test.Tap(o)
	case *widget.Select:
		if o.Disabled() {
			return
		}
		was := o.SelectedIndex()
		for i := range o.Options {
			if i >= 6-2*depth {
				break
			}
			o.SetSelectedIndex(i)
			w.settle(win, c.path, depth, before)
		}
		if was >= 0 && was < len(o.Options) {
			o.SetSelectedIndex(was)
		}
	case *widget.Check:
		if o.Disabled() {
			return
		}
		o.SetChecked(!o.Checked)
		w.settle(win, c.path, depth, before)
		o.SetChecked(!o.Checked)
	case tableLike:
		// The first rows in turn (rows differ: a unit that sent nothing
		// has no file to save), each opened by Enter where the screen
		// offers it; the first row stays chosen.
		for r := 2; r >= 0; r-- { // Select ignores a row that is not there
			o.Select(widget.TableCellID{Row: r, Col: 0})
			w.settle(win, c.path, depth, before)
			if k, ok := o.(fyne.Focusable); ok {
				k.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				w.settle(win, c.path, depth, before)
			}
		}
	case listLike:
		o.Select(0)
	case treeLike:
		t := asTree(o)
		if t == nil {
			return
		}
		if kids := t.ChildUIDs(""); len(kids) > 0 {
			t.Select(kids[0])
			if len(t.ChildUIDs(kids[0])) > 0 {
				t.OpenBranch(kids[0])
			}
			w.settle(win, c.path, depth, before)
			// Enter opens the node, where the screen offers it.
			if k, ok := o.(fyne.Focusable); ok {
				k.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			}
		}
	case *container.AppTabs:
		return // tabs are walked by walkWindow
	}
	w.settle(win, c.path, depth, before)
}

// settle closes what the last press opened: choosers are counted and
// cancelled; a new window is walked and closed; dialogs are walked (their
// own buttons pressed one level deep) and then dismissed.
func (w *walker) settle(win fyne.Window, path string, depth, before int) {
	w.mu.Lock()
	pk := w.lastPkr
	w.lastPkr = nil
	w.mu.Unlock()
	for _, d := range pk {
		w.pickers[path]++
		d.Dismiss()
	}
	for _, nw := range fyne.CurrentApp().Driver().AllWindows() {
		if nw == nil || nw == w.m.win || w.seenWindow(nw) {
			continue
		}
		if depth < 2 {
			w.walkWindow(nw, path+"/窗口:"+nw.Title(), depth+1)
		}
		if stillOpen(nw) { // its own 关闭 may have closed it already
			nw.Close()
		}
	}
	for guard := 0; guard < 20; guard++ {
		list := win.Canvas().Overlays().List()
		if len(list) <= before {
			return
		}
		top := list[len(list)-1]
		if depth < 2 {
			w.walkDialog(win, top, path+"/对话框", depth+1, len(list))
		}
		if win.Canvas().Overlays().Top() == top {
			w.dismiss(win, top)
		}
	}
	w.t.Errorf("%s: dialogs keep opening", path)
}

var openWindows = map[fyne.Window]bool{}

func (w *walker) seenWindow(nw fyne.Window) bool { return openWindows[nw] }

// dismissWords are the buttons that close a dialog without doing anything.
var dismissWords = []string{"取消", "关闭", "否", "不", "退出"}

func isDismiss(text string) bool {
	for _, d := range dismissWords {
		if strings.HasPrefix(text, d) {
			return true
		}
	}
	return false
}

// walkDialog presses the controls of the dialog on top, dismissing what
// each opens, without pressing its dismiss button (dismiss does that).
func (w *walker) walkDialog(win fyne.Window, top fyne.CanvasObject, path string, depth, open int) {
	var cs []control
	w.collect(top, path, &cs)
	for _, c := range cs {
		if w.pressed[semantic(c.path)] >= 2 {
			continue
		}
		w.pressed[semantic(c.path)]++
		if win.Canvas().Overlays().Top() != top || len(win.Canvas().Overlays().List()) != open {
			return // a confirm button closed it
		}
		if b, ok := c.obj.(*widget.Button); ok && isDismiss(b.Text) {
			continue
		}
		w.press(win, c, depth)
	}
}

// dismiss closes the dialog on top by its dismiss button, else removes it.
func (w *walker) dismiss(win fyne.Window, top fyne.CanvasObject) {
	var cs []control
	w.collect(top, "", &cs)
	for _, c := range cs {
		if b, ok := c.obj.(*widget.Button); ok && isDismiss(b.Text) && !b.Disabled() {
			test.Tap(b)
			// A discard question may follow: answer yes.
			if t := win.Canvas().Overlays().Top(); t != nil && t != top {
				var qs []control
				w.collect(t, "", &qs)
				for _, q := range qs {
					if qb, ok := q.obj.(*widget.Button); ok && (qb.Text == "是" || qb.Text == "确定") {
						test.Tap(qb)
						break
					}
				}
			}
			if win.Canvas().Overlays().Top() != top {
				return
			}
		}
	}
	win.Canvas().Overlays().Remove(top)
}

// walkWindow presses everything in win: each tab in turn, rows selected
// first so that the buttons needing a row are enabled, then every button.
func (w *walker) walkWindow(win fyne.Window, path string, depth int) {
	openWindows[win] = true
	for pass := 0; pass < 2; pass++ {
		var cs []control
		w.collect(win.Content(), path, &cs)
		// Tabs: walk each tab's content.
		for _, c := range cs {
			if tabs, ok := c.obj.(*container.AppTabs); ok {
				w.walkTabs(win, tabs, c.path, depth)
			}
		}
		w.pressAll(win, cs, depth)
	}
}

// walkTabs selects each tab in turn and presses what it shows, the tabs
// nested in it walked the same way (the report tabs beside a ranking).
func (w *walker) walkTabs(win fyne.Window, tabs *container.AppTabs, path string, depth int) {
	for i := range tabs.Items {
		tabs.SelectIndex(i)
		var inner []control
		w.collect(tabs.Items[i].Content, path+"/"+tabs.Items[i].Text, &inner)
		for _, c := range inner {
			if nested, ok := c.obj.(*container.AppTabs); ok {
				w.walkTabs(win, nested, c.path, depth)
			}
		}
		w.pressAll(win, inner, depth)
	}
	tabs.SelectIndex(0)
}

// pressAll selects rows first, then presses the rest.
func (w *walker) pressAll(win fyne.Window, cs []control, depth int) {
	sort.SliceStable(cs, func(i, j int) bool { return rowsFirst(cs[i]) && !rowsFirst(cs[j]) })
	for _, c := range cs {
		if _, ok := c.obj.(*container.AppTabs); ok {
			continue
		}
		if w.pressed[semantic(c.path)] >= 2 {
			continue
		}
		w.pressed[semantic(c.path)]++
		w.press(win, c, depth)
	}
}

// semantic is a control's path without the positions: the same button in
// the same dialog opened again is the same control.
func semantic(path string) string {
	var parts []string
	for _, p := range strings.Split(path, "/") {
		if strings.Trim(p, "0123456789") != "" {
			parts = append(parts, p)
		}
	}
	return "§" + strings.Join(parts, "/")
}

// tableLike and listLike are tables and lists, Fyne's or a screen's own
// that embeds one.
type tableLike interface {
	fyne.CanvasObject
	Select(widget.TableCellID)
	UnselectAll()
}

type listLike interface {
	fyne.CanvasObject
	Select(widget.ListItemID)
	UnselectAll()
}

// treeLike is a tree, Fyne's or a screen's own that embeds one.
type treeLike interface {
	fyne.CanvasObject
	Select(widget.TreeNodeID)
	OpenAllBranches()
}

// asTree returns the widget.Tree of o, itself or the one it embeds.
func asTree(o treeLike) *widget.Tree {
	if t, ok := o.(*widget.Tree); ok {
		return t
	}
	v := reflect.ValueOf(o)
	if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		if f := v.Elem().FieldByName("Tree"); f.IsValid() && f.CanAddr() {
			if t, ok := f.Addr().Interface().(*widget.Tree); ok {
				return t
			}
		}
	}
	return nil
}

func rowsFirst(c control) bool {
	switch c.obj.(type) {
	case tableLike, listLike, treeLike:
		return true
	}
	return false
}

// walkMenu runs every item of the main menu.
func (w *walker) walkMenu() {
	for _, menu := range w.m.win.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Action == nil || it.IsSeparator {
				continue
			}
			path := "菜单/" + menu.Label + "/" + it.Label
			w.text(path, it.Label)
			w.pressed[path]++
			it.Action()
			w.settle(w.m.win, path, 0, 0)
		}
	}
}

// english finds words of Latin letters on screen; the allowed ones are names
// of programs and formats a clerk knows.
var english = regexp.MustCompile(`[A-Za-z][A-Za-z_\-]{2,}`)

var allowedWords = map[string]bool{
	"Excel": true, "WPS": true, "CSV": true, "csv": true, "xlsx": true, "xls": true, "XLSX": true,
	"zip": true, "ZIP": true, "PDF": true, "pdf": true, "Word": true, "docx": true, "SHA": true,
	"LibreOffice": true, "OpenGL": true, "backups": true, "xingji": true, "log": true, "db": true,
	"AppData": true, "Roaming": true, "tmp": true, "Users": true, "txt": true,
	"Tab": true, "Esc": true, // keys, named as printed on the keyboard
}

// unitCode is the start of an office's own unit code (QH-01-02, CG-01):
// the office's data, shown as it was typed.
var unitCode = regexp.MustCompile(`^[A-Z]{1,4}-?$`)

// checkTexts fails on English words and internal codes on screen. Paths of
// files (the data file, the temporary test folder) are allowed.
func (w *walker) checkTexts() {
	for s, path := range w.texts {
		for _, line := range strings.Split(s, "\n") {
			if strings.ContainsAny(line, "/\\") {
				continue // a file path: shown as it is
			}
			for _, word := range english.FindAllString(line, -1) {
				if !allowedWords[word] && !unitCode.MatchString(word) {
					w.t.Errorf("English or an internal code on screen: %q in %q (%s)", word, line, path)
					break
				}
			}
		}
	}
}

// shownText returns every text o shows, joined by " | ".
func shownText(o fyne.CanvasObject) string {
	w := &walker{texts: map[string]string{}}
	w.collect(o, "", new([]control))
	all := make([]string, 0, len(w.texts))
	for s := range w.texts {
		all = append(all, s)
	}
	sort.Strings(all)
	return strings.Join(all, " | ")
}

// finish fails on every panic seen.
func (w *walker) finish() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.panics {
		w.t.Errorf("a control panicked:\n%s", p)
	}
	if w.taps >= w.budget {
		w.t.Logf("stopped at the budget of %d presses", w.budget)
	}
}

// run walks the whole window: menu, content (both tabs), and again.
func (w *walker) run() {
	w.walkMenu()
	w.walkWindow(w.m.win, "窗口", 0)
	w.checkTexts()
	w.finish()
}

// TestPressEverythingDemo presses every control with the demo loaded and its
// returned forms imported, and checks the choosers the issue names opened.
func TestPressEverythingDemo(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	m.periods.Import([]string{o.DemoSubmissionsDir()})
	w := newWalker(t, m)
	w.run()
	opened := map[string]bool{}
	for path, n := range w.pickers {
		if n > 0 {
			opened[path[strings.LastIndexAny(path, ":/")+1:]] = true
		}
	}
	for _, want := range []string{"生成下发表格…", "导入收回的表格…", "导入整个文件夹…", "导出未提交名单…",
		"另存收到的原件…", "导入花名册…", "导入收回的考评表…", "备份到…", "从文件恢复…", "导出统计图…"} {
		if !opened[want] {
			t.Errorf("%s did not open a chooser; choosers opened by: %v", want, keys(opened))
		}
	}
	t.Logf("%d presses of %d distinct controls; %d controls opened a chooser", w.taps, w.distinct(), len(w.pickers))
}

// TestPressEverythingEmpty presses every control of a window on an empty
// database: the welcome page, the menu, and whatever they lead to.
func TestPressEverythingEmpty(t *testing.T) {
	m, _ := newTestWindow(t)
	m.Load()
	w := newWalker(t, m)
	w.run()
	if w.distinct() < 5 {
		t.Errorf("only %d controls pressed on the empty window", w.distinct())
	}
	t.Logf("%d presses of %d distinct controls", w.taps, w.distinct())
}

// distinct counts the controls pressed, the same control in a dialog opened
// again counted once.
func (w *walker) distinct() int {
	n := 0
	for k := range w.pressed {
		if strings.HasPrefix(k, "§") {
			n++
		}
	}
	return n
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestWalkerCatchesPanics: the walker presses a button whose handler
// panics; the program survives, the panic is recorded with its stack, and
// the window shows the Chinese message, not a graphics failure.
func TestWalkerCatchesPanics(t *testing.T) {
	m, _ := newTestWindow(t)
	m.Load()
	log.SetOutput(io.Discard) // the stack is logged: keep the test output short
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	bad := newButton("坏按钮", func() { var p *MainWindow; _ = p.win })
	m.win.SetContent(container.NewVBox(bad))
	w := newWalker(t, m)
	var seen string
	test.Tap(bad)
	if top := m.win.Canvas().Overlays().Top(); top != nil {
		seen = shownText(top)
	}
	if len(w.panics) != 1 || !strings.Contains(w.panics[0], "nil pointer") {
		t.Fatalf("panics recorded: %q", w.panics)
	}
	if !strings.Contains(seen, "操作失败") || !strings.Contains(seen, "数据没有丢失") || strings.Contains(seen, "OpenGL") {
		t.Errorf("the message shown: %q", seen)
	}
	w.panics = nil
}

// stillOpen reports whether win is still among the app's windows.
func stillOpen(win fyne.Window) bool {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w == win {
			return true
		}
	}
	return false
}
