package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // scanned backgrounds
	_ "image/png"  // seals, charts
	"math"

	"github.com/signintech/gopdf"

	"xingji/assets"
)

// Size is a paper size in millimetres, as it lies (width across).
type Size struct{ W, H float64 }

// Paper sizes.
var (
	A4Portrait  = Size{210, 297}
	A4Landscape = Size{297, 210}
	A3Landscape = Size{420, 297}
)

// Fonts every document has: Sans is WenQuanYi Micro Hei, embedded in the
// program (assets.FontRegular); it carries the rare characters of names
// (堃, 琮, 玥 …).
const Sans = "sans"

// Align places a line of text in its width.
type Align int

// Alignments.
const (
	Left Align = iota
	Center
	Right
)

// Options shape a document.
type Options struct {
	Size   Size
	Margin float64 // mm on every side; 15 when zero
	Title  string  // the file's title, as viewers show it
	// Draft marks every page 草稿: the period's results are not final.
	Draft bool
	// PageNumbers prints "第 N 页，共 M 页" at the foot of every page.
	PageNumbers bool
	// Fonts are extra TrueType fonts by family name (e.g. a Kai face for
	// certificates); Sans is always there.
	Fonts map[string][]byte
	// ActualSize tells viewers to print at 100% (/ViewerPreferences
	// << /PrintScaling /None >>), never shrunk to fit: for printing onto
	// pre-printed blanks (套打) and calibration pages.
	ActualSize bool
}

// Doc is a PDF being laid out. Its methods keep the first error and do
// nothing after it; Bytes returns it.
type Doc struct {
	pdf    gopdf.GoPdf
	opt    Options
	family string
	size   float64 // font size in points
	y      float64 // where the next flowing block starts, mm from the top
	pages  int
	err    error
	widths map[string]map[float64]map[rune]float64
	// onPage runs after each new page (a table repeats its header there).
	onPage func()
}

// New starts a document with its first page.
func New(opt Options) (*Doc, error) {
	if opt.Size.W <= 0 || opt.Size.H <= 0 {
		opt.Size = A4Portrait
	}
	if opt.Margin <= 0 {
		opt.Margin = 15
	}
	d := &Doc{opt: opt, widths: map[string]map[float64]map[rune]float64{}}
	d.pdf.Start(gopdf.Config{Unit: gopdf.UnitMM, PageSize: gopdf.Rect{W: opt.Size.W, H: opt.Size.H}})
	d.pdf.SetCompressLevel(6)
	if opt.Title != "" {
		d.pdf.SetInfo(gopdf.PdfInfo{Title: opt.Title, Creator: "星级考评", Producer: "星级考评"})
	}
	if err := d.pdf.AddTTFFontData(Sans, assets.FontRegular); err != nil {
		return nil, fmt.Errorf("嵌入字体失败：%w", err)
	}
	for name, data := range opt.Fonts {
		if err := d.pdf.AddTTFFontData(name, data); err != nil {
			return nil, fmt.Errorf("嵌入字体 %s 失败：%w", name, err)
		}
	}
	d.NewPage()
	d.Font(Sans, 11)
	return d, d.err
}

func (d *Doc) do(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

// Err is the first error met so far.
func (d *Doc) Err() error { return d.err }

// Size is the paper size.
func (d *Doc) Size() Size { return d.opt.Size }

// Margin is the margin on every side, in mm.
func (d *Doc) Margin() float64 { return d.opt.Margin }

// ContentWidth is the width between the margins.
func (d *Doc) ContentWidth() float64 { return d.opt.Size.W - 2*d.opt.Margin }

// Bottom is where flowing content must stop, leaving room for the page
// number.
func (d *Doc) Bottom() float64 {
	b := d.opt.Size.H - d.opt.Margin
	if d.opt.PageNumbers {
		b -= 6
	}
	return b
}

// Pages is the number of pages so far.
func (d *Doc) Pages() int { return d.pages }

// NewPage starts a page; flowing content continues at its top margin.
func (d *Doc) NewPage() {
	d.pdf.AddPage()
	d.pages++
	d.y = d.opt.Margin
	if d.opt.Draft {
		d.draftMark()
	}
	if d.family != "" {
		d.Font(d.family, d.size)
	}
	if d.onPage != nil {
		d.onPage()
	}
}

// DraftMark writes the 草稿 mark again on the current page of a draft (a
// page whose background image covered the mark NewPage wrote); it does
// nothing on a final document.
func (d *Doc) DraftMark() {
	if d.opt.Draft {
		d.draftMark()
	}
}

// draftMark writes 草稿 large and faint across the page and small in its top
// right corner, under everything else on it.
func (d *Doc) draftMark() {
	fam, size := d.family, d.size
	w, h := d.opt.Size.W, d.opt.Size.H
	d.pdf.SetTextColor(250, 218, 218) // a pale red, under the page's content
	big := math.Min(w, h) / 3.2 * 72 / 25.4
	d.do(d.pdf.SetFont(Sans, "", big))
	d.family, d.size = Sans, big
	tw := d.TextWidth("草稿")
	d.pdf.Rotate(30, w/2, h/2)
	d.pdf.SetXY(w/2-tw/2, h/2-big*25.4/72/2)
	d.do(d.pdf.Cell(nil, "草稿"))
	d.pdf.RotateReset()
	d.pdf.SetTextColor(200, 0, 0)
	d.do(d.pdf.SetFont(Sans, "", 12))
	d.pdf.SetXY(w-d.opt.Margin-12, d.opt.Margin/2-1)
	d.do(d.pdf.Cell(nil, "草稿"))
	d.pdf.SetTextColor(0, 0, 0)
	d.family, d.size = fam, size
	if fam != "" {
		d.do(d.pdf.SetFont(fam, "", size))
	}
}

// Font sets the font for what follows.
func (d *Doc) Font(family string, size float64) {
	d.family, d.size = family, size
	d.do(d.pdf.SetFont(family, "", size))
}

// FontSize is the current font size in points.
func (d *Doc) FontSize() float64 { return d.size }

// LineHeight is the height of a line of the current font, with leading.
func (d *Doc) LineHeight() float64 { return d.size * 25.4 / 72 * 1.45 }

// Color sets the text colour.
func (d *Doc) Color(r, g, b uint8) { d.pdf.SetTextColor(r, g, b) }

// RuneWidth is the width in mm of one character in the current font.
func (d *Doc) RuneWidth(r rune) float64 {
	bySize := d.widths[d.family]
	if bySize == nil {
		bySize = map[float64]map[rune]float64{}
		d.widths[d.family] = bySize
	}
	m := bySize[d.size]
	if m == nil {
		m = map[rune]float64{}
		bySize[d.size] = m
	}
	if w, ok := m[r]; ok {
		return w
	}
	w, err := d.pdf.MeasureTextWidth(string(r))
	d.do(err)
	m[r] = w
	return w
}

// TextWidth is the width in mm of s in the current font.
func (d *Doc) TextWidth(s string) float64 {
	var w float64
	for _, r := range s {
		w += d.RuneWidth(r)
	}
	return w
}

// Lines breaks s into lines no wider than width in the current font.
func (d *Doc) Lines(s string, width float64) []string {
	return BreakLines(s, width, d.RuneWidth)
}

// Has reports whether the current font has a glyph for every character
// of s; a name with a character it lacks would print as a blank.
func (d *Doc) Has(s string) bool {
	for _, r := range s {
		if r == ' ' || r == '\n' {
			continue
		}
		ok, err := d.pdf.IsCurrFontContainGlyph(r)
		if err != nil || !ok {
			return false
		}
	}
	return true
}

// TextAt writes one line of text in the line box whose top is at y (a
// box LineHeight high, the text centred in it), placed in the width w from
// x by align. It never breaks the line: use Lines or Place for that.
func (d *Doc) TextAt(x, y, w float64, s string, align Align) {
	d.textAt(x, y+d.halfLeading(d.LineHeight()), w, s, align)
}

// halfLeading is how far below the top of a line box of height lh the
// glyphs of the current font start.
func (d *Doc) halfLeading(lh float64) float64 { return (lh - d.size*25.4/72) / 2 }

// textAt writes one line with the top of its glyphs at y.
func (d *Doc) textAt(x, y, w float64, s string, align Align) {
	tw := d.TextWidth(s)
	switch align {
	case Center:
		x += (w - tw) / 2
	case Right:
		x += w - tw
	}
	d.pdf.SetXY(x, y)
	d.do(d.pdf.Cell(nil, s))
}

// Y is where the next flowing block starts.
func (d *Doc) Y() float64 { return d.y }

// SetY moves where the next flowing block starts.
func (d *Doc) SetY(y float64) { d.y = y }

// Space leaves h mm of space, starting a new page when it runs out.
func (d *Doc) Space(h float64) {
	d.y += h
	if d.y > d.Bottom() {
		d.NewPage()
	}
}

// Need starts a new page unless h mm are left on this one.
func (d *Doc) Need(h float64) {
	if d.y+h > d.Bottom() && d.y > d.opt.Margin+0.01 {
		d.NewPage()
	}
}

// Paragraph flows s from the current position across the content width,
// starting new pages as needed. indent is the first line's indent in
// characters (2 for the body of a Chinese notice).
func (d *Doc) Paragraph(s string, align Align, indent int) {
	left, width := d.opt.Margin, d.ContentWidth()
	lh := d.LineHeight()
	pad := float64(indent) * d.RuneWidth('中')
	for _, para := range BreakParagraphs(s) {
		lines := BreakLinesIndent(trimLeadingSpace(para), width-pad, width, d.RuneWidth)
		for i, l := range lines {
			d.Need(lh)
			x := left
			if i == 0 {
				x += pad
			}
			d.TextAt(x, d.y, width-(x-left), l, align)
			d.y += lh
		}
	}
}

// BreakParagraphs splits s at its newlines.
func BreakParagraphs(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if r == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func trimLeadingSpace(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// Line draws a line.
func (d *Doc) Line(x1, y1, x2, y2, width float64) {
	d.pdf.SetLineWidth(width)
	d.pdf.Line(x1, y1, x2, y2)
}

// LineColor sets the colour of lines and outlines drawn after it.
func (d *Doc) LineColor(r, g, b uint8) { d.pdf.SetStrokeColor(r, g, b) }

// FillRect fills a rectangle with a colour.
func (d *Doc) FillRect(x, y, w, h float64, r, g, b uint8) {
	d.pdf.SetFillColor(r, g, b)
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
	d.pdf.SetFillColor(0, 0, 0)
}

// Rect draws a rectangle's outline, or fills it with grey when fill is
// above zero (0.95 a light shade).
func (d *Doc) Rect(x, y, w, h float64, fill float64) {
	if fill > 0 {
		g := uint8(fill * 255)
		d.pdf.SetFillColor(g, g, g)
		d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
		d.pdf.SetFillColor(0, 0, 0)
		return
	}
	d.pdf.SetLineWidth(0.2)
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

// Image places a PNG or JPEG image in the rectangle x, y, w, h; a PNG's
// transparency is kept (a seal shows what is under it).
func (d *Doc) Image(data []byte, x, y, w, h float64) {
	if d.err != nil {
		return
	}
	if _, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil {
		d.do(ErrImage)
		return
	}
	holder, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		d.do(ErrImage)
		return
	}
	d.do(d.pdf.ImageByHolder(holder, x, y, &gopdf.Rect{W: w, H: h}))
}

// ErrImage is an image that is neither PNG nor JPEG, or is damaged.
var ErrImage = errors.New("图片无法读取，请使用 PNG 或 JPG 格式的图片")

// Bytes finishes the document — the page numbers are written now that the
// count is known — and returns the PDF.
func (d *Doc) Bytes() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	if d.opt.PageNumbers {
		d.onPage = nil
		for p := 1; p <= d.pages; p++ {
			d.do(d.pdf.SetPage(p))
			d.pdf.SetTextColor(0, 0, 0)
			d.do(d.pdf.SetFont(Sans, "", 9))
			d.family, d.size = Sans, 9
			d.textAt(d.opt.Margin, d.opt.Size.H-d.opt.Margin-3.5, d.ContentWidth(),
				fmt.Sprintf("第 %d 页，共 %d 页", p, d.pages), Center)
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	out, err := d.pdf.GetBytesPdfReturnErr()
	if err != nil || !d.opt.ActualSize {
		return out, err
	}
	return printAtActualSize(out)
}
