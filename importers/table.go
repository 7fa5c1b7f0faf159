package importers

import "strconv"

// Format names the kind of file a Table was read from.
type Format string

// The formats OpenTable understands.
const (
	FormatXLSX Format = "xlsx" // Office Open XML workbook (.xlsx, .xlsm)
	FormatXLS  Format = "xls"  // legacy BIFF8 workbook (Excel 97–2003)
	FormatCSV  Format = "csv"  // delimited text (.csv, .txt)
)

// Table is the content of a spreadsheet file: its sheets in workbook order.
type Table struct {
	Name   string // the file name given to OpenTable, used in messages
	Format Format
	Sheets []*Sheet
}

// Sheet is one worksheet. Rows are indexed by row number: Rows[0] is row 1, so
// Row and Cell take the numbers Excel shows. Rows missing in the file are
// empty Row values.
type Sheet struct {
	Name   string
	Hidden bool // hidden or very hidden in the workbook
	Rows   []Row
	Merged []Range // merged ranges; their cells already hold the top-left value
}

// Row is one row of a sheet.
type Row struct {
	Hidden bool
	Cells  []Cell // Cells[0] is column A; trailing empty cells may be absent
}

// Cell is one cell's value. Text is what the user sees (for dates in a date
// format, ISO text at the format's precision such as "2011-03-05" or
// "2011-03"); when the cell holds a number, Number is true and Raw is the
// stored value ("40607", "2011.1", "1.10101199003072E+17"), which ParseDate
// and the ID-number check need. Merged is true for a cell filled from the
// top-left cell of a merged range. Formula is true for a cell computed by
// a formula: Text is then the value last calculated by the program that
// saved the file, and empty when it never calculated it.
type Cell struct {
	Text    string
	Raw     string
	Number  bool
	Merged  bool
	Formula bool
}

// Range is a rectangle of cells, 1-based and inclusive.
type Range struct {
	FromRow, FromCol, ToRow, ToCol int
}

// Contains reports whether the cell at row, col lies in r.
func (r Range) Contains(row, col int) bool {
	return row >= r.FromRow && row <= r.ToRow && col >= r.FromCol && col <= r.ToCol
}

// String returns the range in A1 notation, e.g. "A1:K1".
func (r Range) String() string {
	return ColumnName(r.FromCol) + strconv.Itoa(r.FromRow) + ":" + ColumnName(r.ToCol) + strconv.Itoa(r.ToRow)
}

// Row returns row n (1-based), or an empty Row when n is out of range.
func (s *Sheet) Row(n int) Row {
	if n < 1 || n > len(s.Rows) {
		return Row{}
	}
	return s.Rows[n-1]
}

// Cell returns the cell at row and column (both 1-based), or an empty Cell.
func (s *Sheet) Cell(row, col int) Cell {
	return s.Row(row).Cell(col)
}

// Cell returns the cell in column col (1-based), or an empty Cell.
func (r Row) Cell(col int) Cell {
	if col < 1 || col > len(r.Cells) {
		return Cell{}
	}
	return r.Cells[col-1]
}

// Empty reports whether every cell of the row is blank after normalisation.
func (r Row) Empty() bool {
	for _, c := range r.Cells {
		if Clean(c.Text) != "" {
			return false
		}
	}
	return true
}

// MaxCol returns the number of the last column holding a cell in any row.
func (s *Sheet) MaxCol() int {
	m := 0
	for _, r := range s.Rows {
		if len(r.Cells) > m {
			m = len(r.Cells)
		}
	}
	return m
}

// Empty reports whether the sheet holds no text at all.
func (s *Sheet) Empty() bool {
	for _, r := range s.Rows {
		if !r.Empty() {
			return false
		}
	}
	return true
}

// VisibleSheets returns the sheets that are not hidden, in workbook order.
func (t *Table) VisibleSheets() []*Sheet {
	var out []*Sheet
	for _, s := range t.Sheets {
		if !s.Hidden {
			out = append(out, s)
		}
	}
	return out
}

// fillMerged copies the top-left value of each merged range over the range,
// clipped to the rows and columns that hold data so that a range such as
// A1:XFD1048576 cannot blow up memory. It returns false when the filling
// would exceed maxCells cells in total.
func (s *Sheet) fillMerged(maxCells int) bool {
	if len(s.Merged) == 0 {
		return true
	}
	maxRow, maxCol := len(s.Rows), s.MaxCol()
	clip := func(m Range) (Range, bool) {
		if m.FromRow < 1 || m.FromCol < 1 || m.FromRow > maxRow || m.FromCol > maxCol {
			return Range{}, false
		}
		m.ToRow, m.ToCol = min(m.ToRow, maxRow), min(m.ToCol, maxCol)
		return m, true
	}
	// Count first, so that a hostile range is refused before any work.
	area := 0
	for _, m := range s.Merged {
		if m, ok := clip(m); ok {
			area += (m.ToRow - m.FromRow + 1) * (m.ToCol - m.FromCol + 1)
			if area > maxCells {
				return false
			}
		}
	}
	for _, m := range s.Merged {
		m, ok := clip(m)
		if !ok {
			continue
		}
		top := s.Cell(m.FromRow, m.FromCol)
		if top.Text == "" && top.Raw == "" {
			continue
		}
		top.Merged = true
		for r := m.FromRow; r <= m.ToRow; r++ {
			row := &s.Rows[r-1]
			if m.ToCol > len(row.Cells) {
				row.Cells = append(row.Cells, make([]Cell, m.ToCol-len(row.Cells))...)
			}
			for c := m.FromCol; c <= m.ToCol; c++ {
				if r != m.FromRow || c != m.FromCol {
					row.Cells[c-1] = top
				}
			}
		}
	}
	return true
}
