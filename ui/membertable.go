package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// memberTable is the roster table: a click selects the whole row (every
// cell of it drawn with the selection colour), a double click or Enter
// opens the member for editing, and the arrow keys move the selected row.
type memberTable struct {
	widget.Table
	p *MembersPanel
}

func newMemberTable(p *MembersPanel) *memberTable {
	t := &memberTable{p: p}
	t.Length = p.tableSize
	t.CreateCell = func() fyne.CanvasObject { return newMemberCell(p) }
	t.UpdateCell = p.updateCell
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = p.updateHeader
	// Space (Fyne's key to select) and the arrow keys select the row.
	t.OnSelected = safely1(func(id widget.TableCellID) {
		p.selectRow(id.Row)
		t.UnselectAll() // the row is drawn selected, not the single cell
	})
	t.OnHighlighted = safely1(func(id widget.TableCellID) { p.selectRow(id.Row) })
	t.ExtendBaseWidget(t)
	for i, w := range memberColumnWidths {
		t.SetColumnWidth(i, w)
	}
	return t
}

// TypedKey opens the selected member on Enter; other keys move as usual.
func (t *memberTable) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		safely(func() { t.p.onRowActivated(t.p.selected) })()
	default:
		t.Table.TypedKey(k)
	}
}

// memberCell is one cell of the roster: its text over a background that
// shows whether its row is selected. It takes the clicks on the cell, so it
// knows which row was meant.
type memberCell struct {
	widget.BaseWidget
	p     *MembersPanel
	id    widget.TableCellID
	bg    *canvas.Rectangle
	label *widget.Label
}

func newMemberCell(p *MembersPanel) *memberCell {
	c := &memberCell{p: p, bg: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer draws the background under the text.
func (c *memberCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.label))
}

// set shows text, on the selection colour when selected.
func (c *memberCell) set(text string, selected bool) {
	var fill color.Color = color.Transparent
	if selected {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != fill {
		c.bg.FillColor = fill
		c.bg.Refresh()
	}
	c.label.SetText(text)
}

// Tapped selects the cell's row and gives the table the keyboard.
func (c *memberCell) Tapped(*fyne.PointEvent) {
	defer recoverPanic()
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.p.table); cv != nil {
		cv.Focus(c.p.table)
	}
	c.p.table.Highlight(c.id)
	c.p.selectRow(c.id.Row)
}

// DoubleTapped opens the row's member for editing.
func (c *memberCell) DoubleTapped(*fyne.PointEvent) {
	defer recoverPanic()
	c.p.onRowActivated(c.id.Row)
}
