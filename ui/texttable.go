package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textColumn is a column of a textTable: its header and width.
type textColumn struct {
	title string
	width float32
}

// textTable is a read-only table of text with a header row, the chosen row
// highlighted across every column, and a low blank row after the last (the
// sideways scroll bar lies over the bottom of a table). Lists of the entry
// screens use it: the vetoes, the own stars, the entry log.
type textTable struct {
	boardTable
	cols   []textColumn
	rows   func() int
	cell   func(row, col int) string
	chosen int // -1: none
	// onChoose is told of the row chosen (-1: none).
	onChoose func(row int)
}

// newTextTable builds a table of rows() rows whose cells cell returns.
func newTextTable(cols []textColumn, rows func() int, cell func(row, col int) string, onChoose func(row int)) *textTable {
	t := &textTable{cols: cols, rows: rows, cell: cell, chosen: -1, onChoose: onChoose}
	t.padRow = -1
	t.Length = func() (int, int) { return rows() + 1, len(cols) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(canvas.NewRectangle(color.Transparent), l)
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*fyne.Container)
		bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
		var fill color.Color = color.Transparent
		if id.Row == t.chosen {
			fill = theme.Color(theme.ColorNameSelection)
		}
		if bg.FillColor != fill {
			bg.FillColor = fill
			bg.Refresh()
		}
		if id.Row >= t.rows() {
			l.SetText("")
			return
		}
		l.SetText(t.cell(id.Row, id.Col))
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].title)
		}
	}
	t.OnSelected = safely1(func(id widget.TableCellID) {
		if id.Row >= t.rows() { // the blank row after the last
			t.UnselectAll()
			return
		}
		t.chosen = id.Row
		t.Refresh()
		if t.onChoose != nil {
			t.onChoose(id.Row)
		}
	})
	t.ExtendBaseWidget(t)
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// reset forgets the chosen row and draws the rows again.
func (t *textTable) reset() {
	t.chosen = -1
	t.UnselectAll()
	t.padAfter(t.rows())
	t.Refresh()
	if t.onChoose != nil {
		t.onChoose(-1)
	}
}
