package pdfdoc

import "math"

// Column is one column of a table.
type Column struct {
	Title string
	// Width in mm; 0 fits the column to its text (within MaxWidth), and
	// such columns share what the page has left or give up room when the
	// page is too narrow, wrapping their text.
	Width    float64
	MaxWidth float64 // mm; 60 when zero
	Align    Align
}

// Row is one row of a table: a cell per column, or a group heading (e.g.
// "某某党总支（3个）") across the whole width when Group is set.
type Row struct {
	Cells []string
	Group string
	Shade bool // a light grey background (e.g. a unit moved by a quota)
}

// Table is a table that flows over pages, its header repeated at the top
// of each page it continues on.
type Table struct {
	Columns []Column
	Rows    []Row
	Size    float64 // font size in points; 10 when zero
	// NoHeader leaves out the header row (a table of labels and their
	// values); the titles still size the columns.
	NoHeader bool
}

// cellPad is the space between a cell's border and its text, in mm.
const cellPad = 1.5

// Widths fits the columns to the content width: fixed widths as given,
// the others to their longest text (at most MaxWidth), then all scaled to
// fill the page exactly.
func (d *Doc) Widths(t *Table) []float64 {
	fam, size := d.family, d.size
	d.Font(Sans, t.size())
	defer d.Font(fam, size)
	ws := make([]float64, len(t.Columns))
	var fixed, auto float64
	for i, c := range t.Columns {
		if c.Width > 0 {
			ws[i] = c.Width
			fixed += c.Width
			continue
		}
		max := c.MaxWidth
		if max <= 0 {
			max = 60
		}
		w := headerWidth(d, c.Title)
		for _, r := range t.Rows {
			if i < len(r.Cells) && r.Group == "" {
				w = math.Max(w, d.TextWidth(r.Cells[i]))
			}
		}
		ws[i] = math.Min(w+2*cellPad, max)
		auto += ws[i]
	}
	free := d.ContentWidth() - fixed
	if auto > 0 && free > 0 {
		k := free / auto
		for i, c := range t.Columns {
			if c.Width <= 0 {
				ws[i] *= k
			}
		}
	}
	return ws
}

// headerWidth is the width a header needs: its widest line when broken
// into lines of at most four characters (headers wrap, data should not).
func headerWidth(d *Doc, title string) float64 {
	var w float64
	rs := []rune(title)
	for i := 0; i < len(rs); i += 4 {
		j := min(i+4, len(rs))
		w = math.Max(w, d.TextWidth(string(rs[i:j])))
	}
	return w
}

func (t *Table) size() float64 {
	if t.Size <= 0 {
		return 10
	}
	return t.Size
}

// Table draws t from the current position, across the content width.
func (d *Doc) Table(t *Table) {
	if d.err != nil || len(t.Columns) == 0 {
		return
	}
	ws := d.Widths(t)
	fam, size := d.family, d.size
	d.Font(Sans, t.size())
	lh := d.LineHeight() * 0.9
	left := d.opt.Margin

	// The header's lines, per column.
	head := make([][]string, len(t.Columns))
	headRows := 1
	for i, c := range t.Columns {
		head[i] = d.Lines(c.Title, ws[i]-2*cellPad)
		headRows = max(headRows, len(head[i]))
	}
	headH := float64(headRows)*lh + 2*cellPad
	if t.NoHeader {
		headH = 0
	}
	drawHeader := func() {
		if t.NoHeader {
			return
		}
		x := left
		for i := range t.Columns {
			d.Rect(x, d.y, ws[i], headH, 0.9)
			d.Rect(x, d.y, ws[i], headH, 0)
			top := d.y + cellPad + (headH-2*cellPad-float64(len(head[i]))*lh)/2
			for j, l := range head[i] {
				d.textAt(x+cellPad, top+float64(j)*lh+d.halfLeading(lh), ws[i]-2*cellPad, l, Center)
			}
			x += ws[i]
		}
		d.y += headH
	}
	d.Need(headH + lh + 2*cellPad)
	drawHeader()
	d.onPage = func() {
		d.Font(Sans, t.size())
		drawHeader()
	}
	defer func() { d.onPage = nil }()

	total := 0.0
	for _, w := range ws {
		total += w
	}
	for _, r := range t.Rows {
		if r.Group != "" {
			lines := d.Lines(r.Group, total-2*cellPad)
			h := float64(len(lines))*lh + 2*cellPad
			d.Need(h + lh + 2*cellPad) // keep a heading with its first row
			d.Rect(left, d.y, total, h, 0.96)
			d.Rect(left, d.y, total, h, 0)
			for j, l := range lines {
				d.textAt(left+cellPad, d.y+cellPad+float64(j)*lh+d.halfLeading(lh), total-2*cellPad, l, Left)
			}
			d.y += h
			continue
		}
		cells := make([][]string, len(t.Columns))
		n := 1
		for i := range t.Columns {
			s := ""
			if i < len(r.Cells) {
				s = r.Cells[i]
			}
			cells[i] = d.Lines(s, ws[i]-2*cellPad)
			n = max(n, len(cells[i]))
		}
		h := float64(n)*lh + 2*cellPad
		d.Need(h)
		x := left
		for i, c := range t.Columns {
			if r.Shade {
				d.Rect(x, d.y, ws[i], h, 0.93)
			}
			d.Rect(x, d.y, ws[i], h, 0)
			top := d.y + cellPad + (h-2*cellPad-float64(len(cells[i]))*lh)/2
			for j, l := range cells[i] {
				d.textAt(x+cellPad, top+float64(j)*lh+d.halfLeading(lh), ws[i]-2*cellPad, l, c.Align)
			}
			x += ws[i]
		}
		d.y += h
	}
	d.Font(fam, size)
}
