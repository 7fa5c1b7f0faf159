package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The entry grid on screen: its table, which draws the cells and moves
// between them by keyboard, and its formula bar. The grid's state and
// rules are in entrygrid.go.

// Cell colours besides the theme's: amber marks a large gap between the
// self and the review score (red is kept for errors), a pale red a value
// the checks refused, grey a cell that does not apply.
var (
	gapColour = color.NRGBA{R: 0xFF, G: 0xB3, B: 0x2E, A: 0x70}
	badColour = color.NRGBA{R: 0xC8, G: 0x16, B: 0x1D, A: 0x28}
	offColour = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x30}
	// besideColour is the grey of the 自评 beside a value: dark enough to
	// read on amber.
	besideColour = color.NRGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xFF}
)

// gridBar is the formula bar: Enter confirms and goes down, Tab right,
// Up and Down confirm and move, Esc gives the value back.
type gridBar struct {
	widget.Entry
	g *entryGrid
}

func newGridBar(g *entryGrid) *gridBar {
	b := &gridBar{g: g}
	b.ExtendBaseWidget(b)
	b.PlaceHolder = "在此输入，回车确认"
	b.OnChanged = safely1(g.typed)
	b.Disable()
	return b
}

// AcceptsTab keeps Tab for moving to the next cell.
func (b *gridBar) AcceptsTab() bool { return true }

// TypedKey moves between cells on Enter, Tab, Up and Down.
func (b *gridBar) TypedKey(k *fyne.KeyEvent) {
	defer recoverPanic()
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown:
		b.g.move(1, 0)
	case fyne.KeyUp:
		b.g.move(-1, 0)
	case fyne.KeyTab:
		b.g.move(0, 1)
	case fyne.KeyEscape:
		b.g.cancelBar()
	default:
		b.Entry.TypedKey(k)
	}
}

// gridTable is the grid's table: arrows move the chosen cell, a key typed
// starts editing it, Enter edits it, Delete withdraws its edit.
type gridTable struct {
	rowTable
	g *entryGrid
}

func newGridTable(g *entryGrid) *gridTable {
	t := &gridTable{g: g}
	t.padRow = -1
	t.Length = func() (int, int) { return len(g.rows) + 1, gridLead + len(g.cols) }
	t.CreateCell = func() fyne.CanvasObject {
		v := widget.NewLabel("")
		v.Truncation = fyne.TextTruncateEllipsis
		b := canvas.NewText("", besideColour)
		b.TextSize = theme.TextSize() - 2
		right := container.New(layout.NewCustomPaddedLayout(0, 0, 0, 2*theme.Padding()), container.NewCenter(b))
		return container.NewStack(canvas.NewRectangle(color.Transparent), container.NewBorder(nil, nil, nil, right, v))
	}
	t.UpdateCell = g.updateCell
	t.ShowHeaderRow = true
	t.StickyColumnCount = gridLead
	t.CreateHeader = func() fyne.CanvasObject {
		a := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		a.Truncation = fyne.TextTruncateEllipsis
		b := widget.NewLabel("")
		b.Truncation = fyne.TextTruncateEllipsis
		return container.New(&tightRows{}, a, b)
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		a, b := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
		switch c := id.Col - gridLead; {
		case id.Col < gridLead:
			a.SetText(g.lead[id.Col])
			b.SetText("")
		case c >= 0 && c < len(g.cols):
			a.SetText(g.cols[c].title)
			b.SetText(g.cols[c].sub)
		}
	}
	t.OnSelected = safely1(g.choose)
	t.onOpen = func() { g.edit("") }
	t.ExtendBaseWidget(t)
	// The header has two lines; its template claims one, because a table
	// gives every row the height of the taller of its templates.
	line := widget.NewLabel("字").MinSize().Height - theme.Padding()
	t.SetRowHeight(-1, 2*line+theme.Padding())
	t.SetColumnWidth(0, 96)
	t.SetColumnWidth(1, 190)
	return t
}

// updateCell draws one cell: the chosen one highlighted, a large gap
// amber, a refused value red, an unsaved edit bold in the primary colour.
func (g *entryGrid) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	row := stack.Objects[1].(*fyne.Container)
	v := row.Objects[0].(*widget.Label)
	b := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Text) // padded, centred
	var fill color.Color = color.Transparent
	text, beside := "", ""
	importance, bold := widget.MediumImportance, false
	if id.Row < len(g.rows) {
		r := g.rows[id.Row]
		switch c := id.Col - gridLead; {
		case id.Col == 0:
			text = r.code
		case id.Col == 1:
			text = r.name
		case c < len(g.cols):
			k := cellKey{r.subject, c}
			text, beside = g.cellText(id.Row, c)
			_, edited := g.edits[k]
			_, isBad := g.bad[k]
			switch {
			case !g.applies(r.subject, c):
				fill = offColour
			case isBad:
				fill, importance = badColour, widget.DangerImportance
			case g.gap != nil && g.beside[k] != "" && g.gap(c, g.value(k), g.beside[k]):
				fill, bold = gapColour, true
			}
			if edited {
				importance, bold = widget.HighImportance, true
			}
		}
		if id.Row == g.chosen.Row && (id.Col == g.chosen.Col || id.Col < gridLead) {
			fill = theme.Color(theme.ColorNameSelection)
		}
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	if v.Importance != importance || v.TextStyle.Bold != bold {
		v.Importance, v.TextStyle.Bold = importance, bold
		v.Refresh()
	}
	v.SetText(text)
	if b.Text != beside {
		b.Text = beside
		row.Refresh() // lays the value and the text beside out again
	}
}

// TypedRune starts editing the chosen cell with the key typed.
func (t *gridTable) TypedRune(r rune) {
	defer recoverPanic()
	t.g.edit(string(r))
}

// TypedKey moves the chosen cell with the arrows and Tab, edits it on
// Enter or F2, and withdraws its edit on Delete or Backspace.
func (t *gridTable) TypedKey(e *fyne.KeyEvent) {
	defer recoverPanic()
	g := t.g
	switch e.Name {
	case fyne.KeyDown:
		g.move(1, 0)
	case fyne.KeyUp:
		g.move(-1, 0)
	case fyne.KeyLeft:
		g.move(0, -1)
	case fyne.KeyRight, fyne.KeyTab:
		g.move(0, 1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		g.edit("")
	case fyne.KeyDelete, fyne.KeyBackspace:
		if k, ok := g.chosenCell(); ok && !g.readOnly {
			delete(g.edits, k)
			delete(g.bad, k)
			g.loadBar()
			g.table.Refresh()
			if g.changed != nil {
				g.changed()
			}
		}
	default:
		t.Table.TypedKey(e)
	}
}

// AcceptsTab keeps Tab for moving to the next cell.
func (t *gridTable) AcceptsTab() bool { return true }

// tightRows stacks its objects with no space between them: the two lines
// of a column header. Its minimum height is that of the first alone (see
// newGridTable).
type tightRows struct{}

func (tightRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s.Width = max(s.Width, o.MinSize().Width)
	}
	if len(objects) > 0 {
		s.Height = objects[0].MinSize().Height
	}
	return s
}

func (tightRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height - theme.Padding()
		o.Move(fyne.NewPos(0, y-theme.Padding()/2))
		o.Resize(fyne.NewSize(size.Width, h+theme.Padding()))
		y += h
	}
}
