package documents

import (
	"bytes"
	"image"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"xingji/documents/pdfdoc"
	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
)

// paperTable is one table of a printed list (排名表, 表彰名单, 星级牌名单),
// written the same way as PDF pages and as a worksheet.
type paperTable struct {
	Title    string   // the table's title, e.g. "2026年度…排名表"
	Heading  string   // a heading over the table, left (an award: "五星级党支部（3个）")
	Lines    []string // lines under the title: committee, date, counts
	Columns  []pdfdoc.Column
	Numeric  []bool // columns whose cells are numbers (written as numbers in a worksheet)
	Rows     []pdfdoc.Row
	Sheet    string // the worksheet's name
	NewPage  bool   // in a PDF, start on a new page
	Size     float64
	Portrait bool
	// Charts are pictures (PNG) placed side by side under the table, in
	// a PDF only (the charts of the results, 统计图).
	Charts [][]byte
}

// writeTablesPDF writes tables one after the other, A4 landscape (or
// portrait when the first is), with page numbers and 草稿 when the paper is
// a draft.
func writeTablesPDF(p *Paper, title string, tables []paperTable) ([]byte, error) {
	size := pdfdoc.A4Landscape
	if len(tables) > 0 && tables[0].Portrait {
		size = pdfdoc.A4Portrait
	}
	d, err := pdfdoc.New(pdfdoc.Options{Size: size, Title: title, Draft: p.Draft, PageNumbers: true})
	if err != nil {
		return nil, err
	}
	for i, t := range tables {
		if i > 0 && t.NewPage {
			d.NewPage()
		} else if i > 0 {
			d.Space(6)
			d.Need(40)
		}
		if t.Title != "" {
			d.Font(pdfdoc.Sans, 16)
			for _, l := range d.Lines(t.Title, d.ContentWidth()) {
				d.TextAt(d.Margin(), d.Y(), d.ContentWidth(), l, pdfdoc.Center)
				d.SetY(d.Y() + d.LineHeight())
			}
			d.Space(1)
		}
		d.Font(pdfdoc.Sans, 10)
		for _, l := range t.Lines {
			d.Paragraph(l, pdfdoc.Center, 0)
		}
		if t.Heading != "" {
			d.Need(30)
			d.Space(2)
			d.Font(pdfdoc.Sans, 13)
			d.Paragraph(t.Heading, pdfdoc.Left, 0)
			d.Font(pdfdoc.Sans, 10)
		}
		d.Space(2)
		d.Table(&pdfdoc.Table{Columns: t.Columns, Rows: t.Rows, Size: t.Size})
		placeCharts(d, t.Charts)
	}
	return d.Bytes()
}

// writeTablesXLSX writes each table on a sheet of its own (tables of the
// same Sheet name follow each other on it): title, lines, the header
// frozen and repeated on every printed page, A4 landscape one page wide,
// 草稿 in the title and the page header of a draft.
func writeTablesXLSX(p *Paper, tables []paperTable) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	fail := func(err error) ([]byte, error) {
		return nil, &model.Error{Code: model.EInternal, Message: "生成表格失败", Err: err}
	}
	st, err := newPaperStyles(f)
	if err != nil {
		return fail(err)
	}
	// Group the tables by sheet, in order.
	var sheets []string
	bySheet := map[string][]paperTable{}
	for _, t := range tables {
		if _, ok := bySheet[t.Sheet]; !ok {
			sheets = append(sheets, t.Sheet)
		}
		bySheet[t.Sheet] = append(bySheet[t.Sheet], t)
	}
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return fail(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return fail(err)
		}
		if err := writeSheet(f, name, bySheet[name], p.Draft, st); err != nil {
			return fail(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fail(err)
	}
	return buf.Bytes(), nil
}

// paperStyles are the cell styles of the printed lists.
type paperStyles struct {
	title, line, heading, header, text, center, number, numberCenter, group, shade, shadeNumber int
}

func newPaperStyles(f *excelize.File) (paperStyles, error) {
	border, font, align := thinBorder, cellFont, cellAlign
	fill := solidFill
	var st paperStyles
	var err error
	for _, d := range []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(16, true), Alignment: align("center")}},
		{&st.heading, excelize.Style{Font: font(12, true), Alignment: align("left")}},
		{&st.line, excelize.Style{Font: font(10, false), Alignment: align("center")}},
		{&st.header, excelize.Style{Font: font(10, true), Alignment: align("center"), Border: border, Fill: fill("D9D9D9")}},
		{&st.text, excelize.Style{Font: font(10, false), Alignment: align("left"), Border: border}},
		{&st.center, excelize.Style{Font: font(10, false), Alignment: align("center"), Border: border}},
		{&st.number, excelize.Style{Font: font(10, false), Alignment: align("right"), Border: border, CustomNumFmt: ptr("0.####")}},
		{&st.numberCenter, excelize.Style{Font: font(10, false), Alignment: align("center"), Border: border, CustomNumFmt: ptr("0")}},
		{&st.group, excelize.Style{Font: font(10, true), Alignment: align("left"), Border: border, Fill: fill("F2F2F2")}},
		{&st.shade, excelize.Style{Font: font(10, false), Alignment: align("left"), Border: border, Fill: fill("EDEDED")}},
		{&st.shadeNumber, excelize.Style{Font: font(10, false), Alignment: align("right"), Border: border, Fill: fill("EDEDED"), CustomNumFmt: ptr("0.####")}},
	} {
		if *d.id, err = f.NewStyle(&d.s); err != nil {
			return st, err
		}
	}
	return st, nil
}

// textWidth is the width of s in a worksheet's character units: a Chinese
// character counts two.
func textWidth(s string) float64 {
	var w float64
	for _, r := range s {
		if r < 0x2E80 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

// writeSheet writes the tables of one sheet through excelize's stream
// writer (a ranking of 5,000 units is written in well under a second).
func writeSheet(f *excelize.File, name string, tables []paperTable, draft bool, st paperStyles) error {
	cols := 0
	for _, t := range tables {
		cols = max(cols, len(t.Columns))
	}
	// Widths that fit the text: the longest cell of each column, within reason.
	widths := make([]float64, cols)
	for _, t := range tables {
		for i, c := range t.Columns {
			limit := 14.0
			if c.MaxWidth > 0 {
				limit = c.MaxWidth / 2.2
			}
			w := min(textWidth(c.Title), 8)
			for _, r := range t.Rows {
				if r.Group == "" && i < len(r.Cells) {
					w = max(w, textWidth(r.Cells[i]))
				}
			}
			widths[i] = max(widths[i], min(w+2, max(limit, 10)))
		}
	}
	// The page set-up goes in before the stream: set after it, excelize
	// would read the whole sheet back (a second for 5,000 rows).
	header := len(tables[0].Lines) + 1
	if tables[0].Title != "" {
		header++
	}
	if tables[0].Heading != "" {
		header++
	}
	w := &sheetWriter{f: f, sheet: name}
	w.printSetup("landscape", header, header)
	if len(tables) > 1 {
		// Tables of different columns follow each other: no header is
		// repeated or frozen for all of them.
		w.do(f.DeleteDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name}))
	}
	if draft {
		w.do(f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
			OddHeader: "&R草稿", OddFooter: "&C第 &P 页，共 &N 页"}))
	}
	if w.err != nil {
		return w.err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	row := 0
	put := func(cells []any, height float64) error {
		row++
		if height > 0 {
			return sw.SetRow(cell(1, row), cells, excelize.RowOpts{Height: height})
		}
		return sw.SetRow(cell(1, row), cells)
	}
	wide := func(text string, style int, height float64) error {
		cells := make([]any, cols)
		for i := range cells {
			cells[i] = excelize.Cell{StyleID: style}
		}
		cells[0] = excelize.Cell{StyleID: style, Value: text}
		if err := put(cells, height); err != nil {
			return err
		}
		if cols > 1 {
			return sw.MergeCell(cell(1, row), cell(cols, row))
		}
		return nil
	}
	// The panes freeze below the first table's header (the stream writer
	// wants them before any row); none when tables of different columns
	// follow each other.
	if len(tables) == 1 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: header,
			TopLeftCell: cell(1, header+1), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	for k, t := range tables {
		if k > 0 {
			if err := put(nil, 0); err != nil {
				return err
			}
		}
		title := t.Title
		if draft && title != "" {
			title += "（草稿）"
		}
		if title != "" {
			if err := wide(title, st.title, 30); err != nil {
				return err
			}
		}
		for _, l := range t.Lines {
			if err := wide(l, st.line, 18); err != nil {
				return err
			}
		}
		if t.Heading != "" {
			if err := wide(t.Heading, st.heading, 22); err != nil {
				return err
			}
		}
		head := make([]any, cols)
		for i := range head {
			head[i] = excelize.Cell{StyleID: st.header}
			if i < len(t.Columns) {
				head[i] = excelize.Cell{StyleID: st.header, Value: t.Columns[i].Title}
			}
		}
		if err := put(head, 0); err != nil {
			return err
		}
		for _, r := range t.Rows {
			if r.Group != "" {
				if err := wide(r.Group, st.group, 0); err != nil {
					return err
				}
				continue
			}
			cells := make([]any, cols)
			for i := range cells {
				s := ""
				if i < len(r.Cells) {
					s = r.Cells[i]
				}
				style := st.text
				if i < len(t.Columns) && t.Columns[i].Align == pdfdoc.Center {
					style = st.center
				}
				if r.Shade {
					style = st.shade
				}
				var v any = s
				if i < len(t.Numeric) && t.Numeric[i] && s != "" {
					if n, err := strconv.ParseFloat(s, 64); err == nil {
						v = n
						style = st.number
						if t.Columns[i].Align == pdfdoc.Center {
							style = st.numberCenter
						}
						if r.Shade {
							style = st.shadeNumber
						}
					}
				}
				cells[i] = excelize.Cell{StyleID: style, Value: v}
			}
			if err := put(cells, 0); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// subjectInfo is what the lists print about a unit or a member besides
// its result.
type subjectInfo struct {
	Name     string
	Parent   string // a unit's parent; a member's branch
	Kind     model.UnitKind
	Order    int // the unit's (a member's branch's) place in the committee's tree order
	ParentID int64
}

// subjects looks units and members up by subject key.
type subjects struct {
	units   map[int64]*model.Unit
	order   map[int64]int
	members map[int64]*model.Member
}

func newSubjects(p *Paper) *subjects {
	s := &subjects{units: map[int64]*model.Unit{}, order: map[int64]int{}, members: map[int64]*model.Member{}}
	d := p.Results.Data
	for i := range d.Units {
		s.units[d.Units[i].ID] = &d.Units[i]
		s.order[d.Units[i].ID] = i
	}
	for i := range d.Members {
		s.members[d.Members[i].ID] = &d.Members[i]
	}
	return s
}

// info is what is known of the subject with key ("u:12", "m:34").
func (s *subjects) info(key, name string) subjectInfo {
	in := subjectInfo{Name: name}
	subj, err := formspec.ParseSubject(key)
	if err != nil {
		return in
	}
	switch subj.Kind {
	case model.SubjectUnit:
		if u := s.units[subj.ID]; u != nil {
			in.Name, in.Kind, in.Order, in.ParentID = u.Name, u.Kind, s.order[u.ID], u.ParentID
			if p := s.units[u.ParentID]; p != nil {
				in.Parent = p.Name
			}
		}
	case model.SubjectMember:
		if m := s.members[subj.ID]; m != nil {
			in.Name, in.Order, in.ParentID = m.Name, s.order[m.UnitID], m.UnitID
			if u := s.units[m.UnitID]; u != nil {
				in.Parent, in.Kind = u.Name, u.Kind
			}
		}
	}
	return in
}

// bandStars is the number of stars a band stands for when its name says
// so ("五星级", "四星级党员", "3星" → 5, 4, 3); 0 for "无星", "优秀" and the like.
func bandStars(name string) int {
	i := strings.Index(name, "星")
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(name[:i])
	if r >= '1' && r <= '9' {
		return int(r - '0')
	}
	for n, d := range chineseDigits {
		if n > 0 && string(r) == d {
			return n
		}
	}
	return 0
}

// starBased reports whether a scheme's bands are stars (一星级 … 五星级).
func starBased(s *model.Scheme) bool {
	for _, b := range s.Bands {
		if bandStars(b.Name) > 0 {
			return true
		}
	}
	return false
}

// starsText writes n stars as ★.
func starsText(n int) string { return strings.Repeat("★", n) }

// resultStars is the number of stars a result holds: its band's, none
// when vetoed.
func resultStars(sr *scoring.SubjectResult) int {
	if sr == nil || sr.Disqualified {
		return 0
	}
	return bandStars(sr.BandName)
}

// score writes a decimal as the lists print it: no trailing zeros.
func score(d model.Decimal) string { return d.String() }

// placeCharts places charts side by side across the content width, each
// as high as its picture's proportions make it, starting a page when they
// do not fit.
func placeCharts(d *pdfdoc.Doc, charts [][]byte) {
	if len(charts) == 0 {
		return
	}
	gap := 6.0
	w := (d.ContentWidth() - gap*float64(len(charts)-1)) / float64(len(charts))
	h := 0.0
	sizes := make([][2]float64, len(charts))
	for i, c := range charts {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(c))
		if err != nil || cfg.Width == 0 {
			d.Image(c, 0, 0, 1, 1) // records pdfdoc.ErrImage
			return
		}
		sizes[i] = [2]float64{w, w * float64(cfg.Height) / float64(cfg.Width)}
		h = max(h, sizes[i][1])
	}
	d.Space(4)
	d.Need(h)
	x := d.Margin()
	for i, c := range charts {
		d.Image(c, x, d.Y(), sizes[i][0], sizes[i][1])
		x += w + gap
	}
	d.SetY(d.Y() + h)
}
