package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a rowTable: its header and width.
type column struct {
	title string
	width float32
}

// rowTable is a table of rows read one line each, as the status board and
// the results are: a bold header row; the chosen row drawn highlighted
// across every column; a cell may be bold or tinted; Enter or a double
// click opens the chosen row (onOpen); and one low blank row after the
// last, since Fyne's horizontal scroll bar lies over the bottom of the
// table and would otherwise cover the last row.
type rowTable struct {
	widget.Table
	cols   []column
	rows   func() int
	text   func(row, col int) string
	chosen func() int // the chosen row; -1 none
	// style, when set, makes a cell bold or tints it (nil: no tint).
	style   func(row, col int) (bold bool, tint color.Color)
	onOpen  func()
	lastUp  time.Time
	lastPos fyne.Position
	padRow  int // the low blank row after the last; -1 before the first fill
}

// newRowTable builds a table of rows() rows of cols, cell text from text.
func newRowTable(cols []column, rows func() int, text func(row, col int) string, chosen func() int) *rowTable {
	t := &rowTable{}
	t.setup(cols, rows, text, chosen)
	t.ExtendBaseWidget(t)
	t.setWidths()
	return t
}

// setup fills in a rowTable embedded in a wider table type; that type's
// constructor then extends the base widget with itself and sets the widths.
func (t *rowTable) setup(cols []column, rows func() int, text func(row, col int) string, chosen func() int) {
	t.cols = append([]column(nil), cols...) // its own: a screen may retitle them
	t.rows, t.text, t.chosen, t.padRow = rows, text, chosen, -1
	t.Length = func() (int, int) { return t.rows() + 1, len(t.cols) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(canvas.NewRectangle(color.Transparent), l)
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*fyne.Container)
		bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
		var fill color.Color = color.Transparent
		bold := false
		if id.Row < t.rows() && t.style != nil {
			var tint color.Color
			if bold, tint = t.style(id.Row, id.Col); tint != nil {
				fill = tint
			}
		}
		if id.Row == t.chosen() {
			fill = theme.Color(theme.ColorNameSelection)
		}
		if bg.FillColor != fill {
			bg.FillColor = fill
			bg.Refresh()
		}
		text := ""
		if id.Row < t.rows() {
			text = t.text(id.Row, id.Col)
		}
		// Laying out a label's text is most of what drawing a table costs:
		// a cell that shows what it showed is left alone (choosing a row
		// only changes the backgrounds).
		if l.Text != text || l.TextStyle.Bold != bold {
			l.TextStyle.Bold = bold
			l.SetText(text)
		}
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col >= 0 && id.Col < len(t.cols) {
			l.SetText(t.cols[id.Col].title)
		}
	}
}

// setWidths gives the columns their widths.
func (t *rowTable) setWidths() {
	for i, c := range t.cols {
		t.SetColumnWidth(i, c.width)
	}
}

// padAfter makes row n (the one after the last row) the low blank row, and
// gives an earlier blank row its full height back.
func (t *rowTable) padAfter(n int) {
	if t.padRow != n {
		if t.padRow >= 0 {
			t.SetRowHeight(t.padRow, t.rowHeight())
		}
		t.padRow = n
	}
	t.SetRowHeight(n, theme.ScrollBarSize()+2*theme.Padding())
}

// rowHeight is the height of a row of text.
func (t *rowTable) rowHeight() float32 {
	return t.CreateCell().MinSize().Height
}

// TypedKey opens the row under the keyboard cursor on Enter.
func (t *rowTable) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // chooses the row
		if t.onOpen != nil {
			t.onOpen()
		}
		return
	}
	t.Table.TypedKey(e)
}

// MouseUp opens the chosen row on the second click of a double click: the
// first click chose the row under the pointer, and the second lands on the
// same spot.
func (t *rowTable) MouseUp(e *desktop.MouseEvent) {
	t.Table.MouseUp(e)
	now := time.Now()
	d := e.Position.Subtract(t.lastPos)
	double := now.Sub(t.lastUp) < doubleClick && d.X*d.X+d.Y*d.Y < 36
	t.lastUp, t.lastPos = now, e.Position
	if e.Position.Y < t.rowHeight() {
		return // the header row: double clicks there size the columns
	}
	if double && t.onOpen != nil {
		t.lastUp = time.Time{}
		t.onOpen()
	}
}
