package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// The entry grid is the spreadsheet of the entry screens: a row per unit
// or member, a column per thing the office enters (an item's field, a
// fact), and above it a one-line box bound to the chosen cell, like Excel's
// formula bar. A clerk chooses a cell and types: the first key replaces the
// cell's value, Enter confirms and goes down a row, Tab goes right, Esc
// gives the value back. Every value is checked as it is typed; a value the
// checks refuse stays in its cell in red with the reason on the message
// line, and is never saved. Edits are kept per subject, so a grid whose
// rows change (another branch's members) keeps them.

// gridCol is one column of an entry grid: what an entry typed in it sets.
type gridCol struct {
	title, sub string // the header's two lines
	width      float32
	kind       model.EntryKind
	name       string // the item's code, the fact's name
	field      string // an item's field
	dept       string // for a score: the department that owns the item
	flag       bool   // 是/否
	what       string // the column in a few words, for messages
	full       string // the column in full, for the line above the grid
	// points is the 分值 of a score column, which the gap rule measures
	// by; zero for other columns.
	points model.Decimal
	// applies reports whether the column applies to a subject (an item
	// not for the unit's kind does not); nil: every subject.
	applies func(subject string) bool
}

// fullText is the column in full, or in short when that is all it has.
func (c gridCol) fullText() string {
	if c.full != "" {
		return c.full
	}
	return c.what
}

// gridRow is one row of an entry grid: a unit or a member.
type gridRow struct {
	subject    string // "u:12", "m:34"
	code, name string
	who        string // the row in words for the line above the grid; "": 名称（编码）
}

// whoText is the row in words: "黄家岭村党支部（QH-01-02）".
func (r gridRow) whoText() string {
	if r.who != "" {
		return r.who
	}
	return r.name + "（" + r.code + "）"
}

// cellKey names a cell by its subject and column, not its row.
type cellKey struct {
	subject string
	col     int
}

// badCell is a typed value the checks refused.
type badCell struct {
	text, why string
}

// Leading columns of a grid: the subject's code and name, which stay in
// place when the grid scrolls sideways.
const gridLead = 2

// entryGrid is one grid with its formula bar, where line and edits.
type entryGrid struct {
	win  fyne.Window
	rows []gridRow
	cols []gridCol
	// current is the value that stands per cell, as stored ("1"/"0" for a
	// flag), and origin where it came from, in words.
	current map[cellKey]string
	origin  map[cellKey]string
	// beside is the greyed value shown beside a cell (the unit's 自评).
	beside map[cellKey]string
	// gap reports whether a cell's value and the value beside it are far
	// enough apart to be marked; nil: never.
	gap      func(col int, value, beside string) bool
	edits    map[cellKey]string  // typed values that passed the checks, unsaved
	bad      map[cellKey]badCell // typed values the checks refused
	check    func(e model.Entry) error
	readOnly bool
	// say shows a message; changed is told whenever the edits change.
	say     func(text string, isError bool)
	changed func()

	// lead are the headers of the two leading columns.
	lead    [gridLead]string
	chosen  widget.TableCellID // Row -1: none
	barCell *cellKey           // the cell the bar shows; nil: none
	loading bool               // the bar's text is being set, not typed

	table   *gridTable
	bar     *gridBar
	where   *widget.Label
	content fyne.CanvasObject
}

// newEntryGrid builds an empty grid for win; cols and rows come later.
func newEntryGrid(win fyne.Window, check func(model.Entry) error, say func(string, bool), changed func()) *entryGrid {
	g := &entryGrid{win: win, check: check, say: say, changed: changed, chosen: widget.TableCellID{Row: -1},
		lead:    [gridLead]string{"编码", "名称"},
		current: map[cellKey]string{}, origin: map[cellKey]string{}, beside: map[cellKey]string{},
		edits: map[cellKey]string{}, bad: map[cellKey]badCell{}}
	g.where = widget.NewLabel("选中一格后直接输入。")
	g.where.Truncation = fyne.TextTruncateEllipsis
	g.bar = newGridBar(g)
	g.table = newGridTable(g)
	label := widget.NewLabelWithStyle("录入：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(g.where, container.NewBorder(nil, nil, label, nil, g.bar))
	g.content = container.NewBorder(top, nil, nil, nil, g.table)
	return g
}

// setColumns replaces the columns; the edits, which name columns by
// position, are dropped (the screen asks before).
func (g *entryGrid) setColumns(cols []gridCol) {
	g.cols = cols
	g.edits, g.bad = map[cellKey]string{}, map[cellKey]badCell{}
	g.barCell = nil
	for i, c := range cols {
		g.table.SetColumnWidth(gridLead+i, c.width)
	}
}

// setRows replaces the rows, keeping the edits, and chooses nothing.
func (g *entryGrid) setRows(rows []gridRow) {
	g.commitBar()
	g.rows = rows
	g.chosen = widget.TableCellID{Row: -1}
	g.barCell = nil
	nameW := float32(0)
	for _, r := range rows {
		nameW = max(nameW, fyne.MeasureText(r.name, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	g.table.SetColumnWidth(1, min(max(nameW+12*theme.Padding(), 190), 360))
	g.table.UnselectAll()
	g.table.padAfter(len(rows))
	g.table.Refresh()
	g.loadBar()
}

// setReadOnly stops typing (a closed period).
func (g *entryGrid) setReadOnly(on bool) {
	g.readOnly = on
	g.loadBar()
}

// key returns the entry key of a cell.
func (g *entryGrid) key(k cellKey) model.EntryKey {
	c := g.cols[k.col]
	return model.EntryKey{Subject: k.subject, Kind: c.kind, Name: c.name, Field: c.field}
}

// applies reports whether column col takes a value for subject.
func (g *entryGrid) applies(subject string, col int) bool {
	c := g.cols[col]
	return c.applies == nil || c.applies(subject)
}

// value returns what a cell shows: the unsaved edit, the refused text, or
// the value that stands.
func (g *entryGrid) value(k cellKey) string {
	if v, ok := g.edits[k]; ok {
		return v
	}
	if b, ok := g.bad[k]; ok {
		return b.text
	}
	return g.current[k]
}

// shown returns the text of a cell as the bar shows it: a refused value
// as typed, else the value in words (是/否 for a flag).
func (g *entryGrid) shown(k cellKey) string {
	if b, ok := g.bad[k]; ok {
		return b.text
	}
	return shownValue(g.value(k), g.cols[k.col].flag)
}

// cellText returns the text of data cell (row, col) and of the value
// beside it, as shown.
func (g *entryGrid) cellText(row, col int) (string, string) {
	k := cellKey{g.rows[row].subject, col}
	if !g.applies(k.subject, col) {
		return "—", ""
	}
	v := g.shown(k)
	b := g.beside[k]
	if b != "" {
		b = "自评 " + shownValue(b, g.cols[col].flag)
	}
	return v, b
}

// pending counts the cells changed and not saved, refused ones included.
func (g *entryGrid) pending() int { return len(g.edits) + len(g.bad) }

// discard drops every unsaved change.
func (g *entryGrid) discard() {
	g.edits, g.bad = map[cellKey]string{}, map[cellKey]badCell{}
	g.loadBar()
	g.table.Refresh()
}

// entries returns the edits as entries — rows on screen first, in order,
// then edits of rows not shown (another branch's members) — each with the
// value it replaces as Old, and, for each that replaces a value, a line
// saying so.
func (g *entryGrid) entries(periodID int64, name func(subject string) string) (out []model.Entry, replacing []string) {
	var subjects, hidden []string
	seen := map[string]bool{}
	for _, r := range g.rows {
		subjects, seen[r.subject] = append(subjects, r.subject), true
	}
	for k := range g.edits {
		if !seen[k.subject] {
			hidden, seen[k.subject] = append(hidden, k.subject), true
		}
	}
	sort.Strings(hidden)
	for _, s := range append(subjects, hidden...) {
		for c := range g.cols {
			k := cellKey{s, c}
			v, ok := g.edits[k]
			if !ok {
				continue
			}
			cur := g.current[k]
			out = append(out, model.Entry{PeriodID: periodID, EntryKey: g.key(k), Dept: g.cols[c].dept, Value: v, Old: cur})
			if cur != "" {
				flag := g.cols[c].flag
				replacing = append(replacing, name(s)+" "+g.cols[c].what+"："+shownValue(cur, flag)+" → "+shownValue(v, flag))
			}
		}
	}
	return out, replacing
}

// firstBad returns the reason of a refused cell, "" when there is none.
func (g *entryGrid) firstBad() string {
	for _, r := range g.rows {
		for c := range g.cols {
			if b, ok := g.bad[cellKey{r.subject, c}]; ok {
				return b.why
			}
		}
	}
	for _, b := range g.bad {
		return b.why
	}
	return ""
}

// choose makes data cell id the chosen one: what was typed in the bar is
// taken first, then the bar shows the new cell.
func (g *entryGrid) choose(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(g.rows) {
		g.table.UnselectAll()
		return
	}
	g.commitBar()
	g.chosen = id
	g.table.Refresh()
	g.loadBar()
}

// chosenCell returns the chosen cell when it takes a value.
func (g *entryGrid) chosenCell() (cellKey, bool) {
	r, c := g.chosen.Row, g.chosen.Col-gridLead
	if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.cols) || !g.applies(g.rows[r].subject, c) {
		return cellKey{}, false
	}
	return cellKey{g.rows[r].subject, c}, true
}

// loadBar shows the chosen cell in the bar and the line above.
func (g *entryGrid) loadBar() {
	g.loading = true
	defer func() { g.loading = false }()
	k, ok := g.chosenCell()
	if !ok || g.readOnly {
		g.barCell = nil
		g.bar.SetText("")
		g.bar.Disable()
		if g.chosen.Row >= 0 && g.chosen.Row < len(g.rows) {
			r := g.rows[g.chosen.Row]
			line := r.whoText()
			if c := g.chosen.Col - gridLead; c >= 0 && c < len(g.cols) {
				line += " · " + g.cols[c].fullText() + "：不适用于这个党组织"
			}
			g.where.SetText(line)
		}
		return
	}
	g.barCell = &k
	g.bar.Enable()
	text := g.shown(k)
	g.bar.SetText(text)
	g.bar.CursorColumn = len([]rune(text))
	r := g.rows[g.chosen.Row]
	line := r.whoText() + " · " + g.cols[k.col].fullText()
	if b := g.beside[k]; b != "" {
		line += " · 自评 " + shownValue(b, g.cols[k.col].flag)
	}
	if o := g.origin[k]; o != "" {
		line += " · 现值" + o
	}
	g.where.SetText(line)
}

// typed checks the bar's text as it is typed and says what is wrong.
func (g *entryGrid) typed(text string) {
	if g.loading || g.barCell == nil {
		return
	}
	k := *g.barCell
	v := entryText(text, g.cols[k.col].flag)
	if v == "" || v == g.current[k] {
		g.say("", false)
		return
	}
	if err := g.checkValue(k, v); err != nil {
		g.say(err.Error(), true)
		return
	}
	g.say("", false)
}

// checkValue checks value v for cell k. The checks' errors are messages
// for the clerk, in Chinese (period.Checker).
func (g *entryGrid) checkValue(k cellKey, v string) error {
	c := g.cols[k.col]
	return g.check(model.Entry{EntryKey: g.key(k), Dept: c.dept, Value: v})
}

// commitBar takes what the bar holds into its cell: an empty bar, or the
// value that stands, withdraws the cell's edit; a value that passes the
// checks becomes an edit; one that does not is kept in the cell in red.
// It reports whether the cell holds no refused value afterwards.
func (g *entryGrid) commitBar() bool {
	if g.barCell == nil || g.readOnly {
		return true
	}
	k := *g.barCell
	text := g.bar.Text
	if text == g.shown(k) {
		return true // nothing new typed; a refused value stays in red
	}
	v := entryText(text, g.cols[k.col].flag)
	delete(g.edits, k)
	delete(g.bad, k)
	ok := true
	switch {
	case v == "" || v == g.current[k]:
	default:
		if err := g.checkValue(k, v); err != nil {
			g.bad[k] = badCell{text: text, why: err.Error()}
			g.say(err.Error(), true)
			ok = false
		} else {
			g.edits[k] = v
			g.say("", false)
		}
	}
	g.loading = true // the bar shows what the cell now holds
	g.bar.SetText(g.shown(k))
	g.loading = false
	g.table.Refresh()
	if g.changed != nil {
		g.changed()
	}
	return ok
}

// move commits the bar and chooses the cell dr rows down and dc columns
// right of the chosen one (staying inside the grid), then gives the grid
// the keyboard so that the next key typed starts the next cell.
func (g *entryGrid) move(dr, dc int) {
	if !g.commitBar() {
		return // stay on the refused value; the message says why
	}
	id := g.chosen
	if id.Row < 0 {
		id = widget.TableCellID{Row: 0, Col: gridLead}
	} else {
		id.Row = min(max(id.Row+dr, 0), len(g.rows)-1)
		id.Col = min(max(id.Col+dc, 0), gridLead+len(g.cols)-1)
	}
	g.table.Select(id)
	g.focus(g.table)
}

// edit gives the bar the keyboard; start, when not empty, replaces the
// cell's text (the first key typed on the grid).
func (g *entryGrid) edit(start string) {
	if g.barCell == nil {
		if _, ok := g.chosenCell(); !ok && g.chosen.Row >= 0 && g.chosen.Col < gridLead && len(g.cols) > 0 {
			g.table.Select(widget.TableCellID{Row: g.chosen.Row, Col: gridLead})
		}
		if g.barCell == nil {
			return
		}
	}
	if start != "" {
		g.bar.SetText(start)
		g.bar.CursorColumn = len([]rune(start))
	}
	g.focus(g.bar)
}

// cancelBar gives the chosen cell back the value it had before: a
// refused value is dropped.
func (g *entryGrid) cancelBar() {
	if g.barCell != nil {
		if _, isBad := g.bad[*g.barCell]; isBad {
			delete(g.bad, *g.barCell)
			g.table.Refresh()
			if g.changed != nil {
				g.changed()
			}
		}
	}
	g.loadBar()
	g.say("", false)
	g.focus(g.table)
}

func (g *entryGrid) focus(o fyne.Focusable) {
	if g.win != nil {
		g.win.Canvas().Focus(o)
	}
}
