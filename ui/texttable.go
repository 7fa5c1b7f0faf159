package ui

import "fyne.io/fyne/v2/widget"

// textColumn is a column of a textTable: its header and width.
type textColumn = column

// textTable is a read-only rowTable that keeps its own chosen row and tells
// onChoose of it. Lists of the entry screens use it: the vetoes, the own
// stars, the entry log.
type textTable struct {
	rowTable
	chosenRow int // -1: none
	// onChoose is told of the row chosen (-1: none).
	onChoose func(row int)
}

// newTextTable builds a table of rows() rows whose cells cell returns.
func newTextTable(cols []textColumn, rows func() int, cell func(row, col int) string, onChoose func(row int)) *textTable {
	t := &textTable{chosenRow: -1, onChoose: onChoose}
	t.setup(cols, rows, cell, func() int { return t.chosenRow })
	t.OnSelected = safely1(func(id widget.TableCellID) {
		if id.Row >= t.rows() { // the blank row after the last
			t.UnselectAll()
			return
		}
		t.chosenRow = id.Row
		t.Refresh()
		if t.onChoose != nil {
			t.onChoose(id.Row)
		}
	})
	t.ExtendBaseWidget(t)
	t.setWidths()
	return t
}

// reset forgets the chosen row and draws the rows again.
func (t *textTable) reset() {
	t.chosenRow = -1
	t.UnselectAll()
	t.padAfter(t.rows())
	t.Refresh()
	if t.onChoose != nil {
		t.onChoose(-1)
	}
}
