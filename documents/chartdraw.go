package documents

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"
	"sort"
	"sync"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"xingji/assets"
)

// ChartSize is the size of a rendered chart: Width × Height pixels at DPI
// dots per inch. Texts and lines are sized in points, so the layout depends
// on the size in inches: the same chart at twice the pixels and twice the
// DPI looks the same, only sharper (ScreenChartSize for a screen,
// PrintChartSize for paper).
type ChartSize struct {
	Width, Height int // pixels
	DPI           int
}

// ScreenChartSize is a chart of w × h logical pixels of a 96-DPI screen,
// rendered at scale times the pixels (2 for a sharp picture on a scaled or
// high-density screen).
func ScreenChartSize(w, h int, scale float64) ChartSize {
	if scale <= 0 {
		scale = 1
	}
	return ChartSize{Width: int(float64(w)*scale + 0.5), Height: int(float64(h)*scale + 0.5), DPI: int(96*scale + 0.5)}
}

// PrintChartSize is a chart printed widthMM × heightMM millimetres at dpi
// dots per inch (300 for paper).
func PrintChartSize(widthMM, heightMM float64, dpi int) ChartSize {
	px := func(mm float64) int { return int(mm/25.4*float64(dpi) + 0.5) }
	return ChartSize{Width: px(widthMM), Height: px(heightMM), DPI: dpi}
}

// chartTypeface is the name the embedded font is registered under in
// plot's font cache.
const chartTypeface = "WenQuanYi Micro Hei"

var (
	chartFontOnce sync.Once
	chartFontErr  error
)

// registerChartFont adds the embedded CJK font (assets.FontRegular) to
// plot's font cache, once.
func registerChartFont() error {
	chartFontOnce.Do(func() {
		f, err := opentype.Parse(assets.FontRegular)
		if err != nil {
			chartFontErr = fmt.Errorf("统计图字体无法读取：%w", err)
			return
		}
		font.DefaultCache.Add(font.Collection{{Font: font.Font{Typeface: chartTypeface}, Face: f}})
	})
	return chartFontErr
}

// chartFont is the embedded font at size points.
func chartFont(size vg.Length) font.Font {
	return font.Font{Typeface: chartTypeface, Size: size}
}

// Colours of the charts: each band keeps its colour in every chart, best
// first; vetoed, unbanded and absent subjects are greys.
var (
	bandColours = []color.RGBA{
		{0xC6, 0x28, 0x28, 0xff}, // deep red
		{0xEF, 0x6C, 0x00, 0xff}, // orange
		{0xF9, 0xA8, 0x25, 0xff}, // amber
		{0x2E, 0x7D, 0x32, 0xff}, // green
		{0x15, 0x65, 0xC0, 0xff}, // blue
		{0x6A, 0x1B, 0x9A, 0xff}, // purple
		{0x00, 0x83, 0x8F, 0xff}, // teal
		{0x5D, 0x40, 0x37, 0xff}, // brown
	}
	vetoColour    = color.RGBA{0x42, 0x42, 0x42, 0xff}
	unbandColour  = color.RGBA{0x9E, 0x9E, 0x9E, 0xff}
	absentColour  = color.RGBA{0xCF, 0xD8, 0xDC, 0xff}
	histColour    = color.RGBA{0xC6, 0x28, 0x28, 0xff}
	gridColour    = color.RGBA{0xE0, 0xE0, 0xE0, 0xff}
	thresholdInk  = color.RGBA{0x37, 0x47, 0x4F, 0xff}
	chartTextInk  = color.RGBA{0x21, 0x21, 0x21, 0xff}
	chartLabelInk = color.RGBA{0x42, 0x42, 0x42, 0xff}
)

// BandColour is the colour of the i-th band (best first) in every chart,
// for a legend drawn beside a chart.
func BandColour(i int) color.RGBA { return bandColours[i%len(bandColours)] }

// Font sizes in points.
const (
	titleSize = 12
	labelSize = 10
	tickSize  = 9
	noteSize  = 8.5
)

// newChart is a plot with the embedded font everywhere, a light grid and
// integer counts on the Y axis.
func newChart(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = chartFont(titleSize)
	p.Title.TextStyle.Color = chartTextInk
	p.Title.Padding = vg.Points(8)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = chartFont(labelSize)
		a.Label.TextStyle.Color = chartLabelInk
		a.Tick.Label.Font = chartFont(tickSize)
		a.Tick.Label.Color = chartLabelInk
		a.Padding = vg.Points(2)
	}
	p.X.Label.Text, p.Y.Label.Text = xLabel, yLabel
	p.Y.Tick.Marker = countTicks{}
	p.Legend.TextStyle.Font = chartFont(tickSize)
	p.Add(&plotter.Grid{Horizontal: draw.LineStyle{Color: gridColour, Width: vg.Points(0.5)}})
	return p
}

// countTicks marks whole numbers on a count axis, about six of them.
type countTicks struct{}

// Ticks returns the ticks between lo and hi.
func (countTicks) Ticks(lo, hi float64) []plot.Tick {
	span := hi - lo
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000} {
		step = s
		if span/s <= 6 {
			break
		}
	}
	var ts []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi+1e-9; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("%.0f", v)})
	}
	return ts
}

// prepareChart checks the size and registers the font.
func prepareChart(size ChartSize) error {
	if size.Width <= 0 || size.Height <= 0 || size.DPI <= 0 {
		return errors.New("统计图尺寸无效")
	}
	return registerChartFont()
}

// renderChart draws p at size and encodes it as PNG.
func renderChart(p *plot.Plot, size ChartSize) ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, size.Width, size.Height))
	c := vgimg.NewWith(vgimg.UseImage(img), vgimg.UseDPI(size.DPI))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// annotation is a text drawn at a data point, moved by DY points up.
type annotation struct {
	x, y float64
	dy   vg.Length
	text string
}

// annotations draw texts at data points (counts above bars, means,
// thresholds' names).
type annotations struct {
	items []annotation
	style text.Style
}

// newAnnotations are centred texts at size points.
func newAnnotations(size vg.Length, ink color.Color) *annotations {
	return &annotations{style: text.Style{Font: chartFont(size), Color: ink, XAlign: draw.XCenter, YAlign: draw.YBottom,
		Handler: plot.DefaultTextHandler}}
}

// Plot implements plot.Plotter.
func (a *annotations) Plot(c draw.Canvas, plt *plot.Plot) {
	tx, ty := plt.Transforms(&c)
	for _, it := range a.items {
		c.FillText(a.style, vg.Point{X: tx(it.x), Y: ty(it.y) + it.dy}, it.text)
	}
}

// legendRow draws a legend as one row of coloured squares and names at the
// top of the data area, where the Y axis keeps room for it.
type legendRow struct {
	names   []string
	colours []color.Color
	style   text.Style
}

// Plot implements plot.Plotter.
func (l *legendRow) Plot(c draw.Canvas, _ *plot.Plot) {
	box := vg.Points(tickSize)
	gap := vg.Points(4)
	var total vg.Length
	for _, n := range l.names {
		total += box + gap + l.style.Width(n) + 3*gap
	}
	x := c.Min.X + (c.Max.X-c.Min.X-total)/2
	y := c.Max.Y - box - vg.Points(4)
	for i, n := range l.names {
		c.FillPolygon(l.colours[i], []vg.Point{{X: x, Y: y}, {X: x + box, Y: y}, {X: x + box, Y: y + box}, {X: x, Y: y + box}})
		x += box + gap
		c.FillText(l.style, vg.Point{X: x, Y: y + box/2}, n)
		x += l.style.Width(n) + 3*gap
	}
}

// thresholdLines draw a dashed vertical line at each threshold across the
// data area, with the band's name at its top.
type thresholdLines struct {
	ts    []Threshold
	style text.Style
}

// Plot implements plot.Plotter. A name stays inside the data area and
// drops a line where it would overlap the name before it.
func (t *thresholdLines) Plot(c draw.Canvas, plt *plot.Plot) {
	tx, _ := plt.Transforms(&c)
	line := draw.LineStyle{Color: thresholdInk, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
	ts := append([]Threshold(nil), t.ts...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].At < ts[j].At })
	lineHeight := vg.Points(noteSize + 3)
	top := c.Max.Y - lineHeight
	// rights are where the names end on each row, the top row first.
	rights := []vg.Length{c.Min.X - vg.Points(100), c.Min.X - vg.Points(100)}
	for _, th := range ts {
		if th.At < plt.X.Min || th.At > plt.X.Max {
			continue
		}
		x := tx(th.At)
		w := t.style.Width(th.Name)
		tx := min(max(x, c.Min.X+w/2), c.Max.X-w/2)
		row := 0
		for row < len(rights)-1 && tx-w/2 < rights[row]+vg.Points(3) {
			row++
		}
		rights[row] = tx + w/2
		y := top - vg.Length(row)*lineHeight
		c.StrokeLine2(line, x, c.Min.Y, x, y-vg.Points(1))
		c.FillText(t.style, vg.Point{X: tx, Y: y}, th.Name)
	}
}

// bar is one bar of a bar chart drawn by hand: from y0 to y1 at x, w data
// units wide.
type bars struct {
	xs, y0s, y1s []float64
	colours      []color.Color
	width        float64 // in X data units
}

// Plot implements plot.Plotter.
func (b *bars) Plot(c draw.Canvas, plt *plot.Plot) {
	tx, ty := plt.Transforms(&c)
	for i := range b.xs {
		if b.y1s[i] <= b.y0s[i] {
			continue
		}
		x0, x1 := tx(b.xs[i]-b.width/2), tx(b.xs[i]+b.width/2)
		y0, y1 := ty(b.y0s[i]), ty(b.y1s[i])
		c.FillPolygon(b.colours[i], c.ClipPolygonXY([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}))
	}
}

// DataRange implements plot.DataRanger.
func (b *bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), 0, 1
	for i := range b.xs {
		xmin = math.Min(xmin, b.xs[i]-b.width/2)
		xmax = math.Max(xmax, b.xs[i]+b.width/2)
		ymax = math.Max(ymax, b.y1s[i])
	}
	if len(b.xs) == 0 {
		xmin, xmax = 0, 1
	}
	return xmin, xmax, ymin, ymax
}

// percent writes n of total as a whole percentage.
func percent(n, total int) string {
	if total == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.0f%%", float64(n)*100/float64(total))
}

// RenderStarDistribution draws the distribution as a bar per band, best
// first, then the vetoed, the unbanded and the absent where there are any,
// each bar with its count and share; PNG bytes.
func RenderStarDistribution(d StarDistribution, size ChartSize) ([]byte, error) {
	if err := prepareChart(size); err != nil {
		return nil, err
	}
	var names []string
	b := &bars{width: 0.62}
	add := func(name string, n int, c color.Color) {
		b.xs = append(b.xs, float64(len(names)))
		b.y0s = append(b.y0s, 0)
		b.y1s = append(b.y1s, float64(n))
		b.colours = append(b.colours, c)
		names = append(names, name)
	}
	for i, band := range d.Bands {
		add(band.Name, band.Count, BandColour(i))
	}
	for _, extra := range []struct {
		name string
		n    int
		c    color.Color
	}{{"一票否决", d.Vetoed, vetoColour}, {"未定等次", d.Unbanded, unbandColour}, {"未计分", d.Absent, absentColour}} {
		if extra.n > 0 {
			add(extra.name, extra.n, extra.c)
		}
	}
	total := d.Total()
	title := d.Title
	if title == "" {
		title = d.Noun + "星级分布"
	}
	p := newChart(title, fmt.Sprintf("共 %d 个%s", total, d.Noun), d.Noun+"数（个）")
	if d.Noun == "党员" {
		p.X.Label.Text = fmt.Sprintf("共 %d 名党员", total)
		p.Y.Label.Text = "党员数（人）"
	}
	p.Add(b)
	labels := newAnnotations(tickSize, chartTextInk)
	maxN := 0.0
	for i := range b.xs {
		n := int(b.y1s[i])
		text := "0"
		if n > 0 {
			text = fmt.Sprintf("%d（%s）", n, percent(n, total))
		}
		labels.items = append(labels.items, annotation{x: b.xs[i], y: b.y1s[i], dy: vg.Points(2), text: text})
		maxN = math.Max(maxN, b.y1s[i])
	}
	p.Add(labels)
	if len(names) == 0 {
		names = []string{"（无数据）"}
	}
	p.NominalX(fitLabels(names, p.X.Tick.Label, size)...)
	p.X.Min, p.X.Max = -0.6, float64(len(names))-0.4
	p.Y.Min, p.Y.Max = 0, math.Max(1, math.Ceil(maxN*1.18))
	return renderChart(p, size)
}

// histogramRange is the span of the bins: whole bins around the grades,
// widened to the thresholds near them.
func histogramRange(h ScoreHistogram, bw float64) (lo, hi float64) {
	if len(h.Grades) == 0 {
		return 0, 100
	}
	mn, mx := math.Inf(1), math.Inf(-1)
	for _, g := range h.Grades {
		mn, mx = math.Min(mn, g), math.Max(mx, g)
	}
	for _, t := range h.Thresholds {
		if t.At < mn && t.At >= mn-2*bw {
			mn = t.At
		}
		if t.At > mx && t.At <= mx+2*bw {
			mx = t.At
		}
	}
	lo = math.Floor(mn/bw) * bw
	hi = math.Floor(mx/bw)*bw + bw // the top grade falls in [hi-bw, hi)
	return lo, hi
}

// RenderScoreHistogram draws the grade totals in bins of BinWidth points,
// each bar with its count, and the bands' thresholds as dashed lines named
// at their top; PNG bytes.
func RenderScoreHistogram(h ScoreHistogram, size ChartSize) ([]byte, error) {
	if err := prepareChart(size); err != nil {
		return nil, err
	}
	bw := h.BinWidth
	if bw <= 0 {
		bw = DefaultBinWidth
	}
	lo, hi := histogramRange(h, bw)
	n := int(math.Round((hi - lo) / bw))
	counts := make([]int, n)
	for _, g := range h.Grades {
		i := int(math.Floor((g - lo) / bw))
		counts[max(0, min(n-1, i))]++
	}
	b := &bars{width: bw * 0.94}
	labels := newAnnotations(tickSize, chartTextInk)
	maxN := 0
	for i, c := range counts {
		x := lo + bw*(float64(i)+0.5)
		b.xs, b.y0s, b.y1s = append(b.xs, x), append(b.y0s, 0), append(b.y1s, float64(c))
		b.colours = append(b.colours, histColour)
		if c > 0 {
			labels.items = append(labels.items, annotation{x: x, y: float64(c), dy: vg.Points(2), text: fmt.Sprint(c)})
		}
		maxN = max(maxN, c)
	}
	title := h.Title
	if title == "" {
		title = h.Noun + "得分分布"
	}
	xLabel := fmt.Sprintf("等级总分（每 %s 分一组）", formatBin(bw))
	if h.Vetoed > 0 {
		xLabel += fmt.Sprintf("，不含一票否决 %d 个", h.Vetoed)
	}
	yLabel := h.Noun + "数（个）"
	if h.Noun == "党员" {
		yLabel = "党员数（人）"
	}
	p := newChart(title, xLabel, yLabel)
	p.Add(b, labels)
	ths := &thresholdLines{ts: h.Thresholds, style: text.Style{Font: chartFont(noteSize), Color: thresholdInk,
		XAlign: draw.XCenter, YAlign: draw.YBottom, Handler: plot.DefaultTextHandler}}
	p.Add(ths)
	// A margin of a quarter bin keeps a threshold's name at either end
	// clear of the axis.
	p.X.Min, p.X.Max = lo-bw/4, hi+bw/4
	p.X.Tick.Marker = binTicks{lo: lo, bw: bw, n: n}
	// Room above the bars for the counts and the thresholds' names.
	p.Y.Min, p.Y.Max = 0, math.Max(2, math.Ceil(float64(maxN)*1.3))
	return renderChart(p, size)
}

// formatBin writes a bin width without needless decimals.
func formatBin(bw float64) string {
	if bw == math.Trunc(bw) {
		return fmt.Sprintf("%.0f", bw)
	}
	return fmt.Sprintf("%g", bw)
}

// binTicks mark the bins' edges, skipping some when they are many.
type binTicks struct {
	lo, bw float64
	n      int
}

// Ticks implements plot.Ticker.
func (t binTicks) Ticks(_, _ float64) []plot.Tick {
	every := 1
	for t.n/every > 12 {
		every++
	}
	var ts []plot.Tick
	for i := 0; i <= t.n; i++ {
		v := t.lo + t.bw*float64(i)
		if i%every == 0 {
			ts = append(ts, plot.Tick{Value: v, Label: formatBin(v)})
		} else {
			ts = append(ts, plot.Tick{Value: v})
		}
	}
	return ts
}

// RenderTrend draws, for each period oldest first, a bar of its band
// counts stacked best on top, with the period's mean grade total above
// it, and the bands' legend in a row at the top; PNG bytes.
func RenderTrend(t Trend, size ChartSize) ([]byte, error) {
	if err := prepareChart(size); err != nil {
		return nil, err
	}
	b := &bars{width: 0.5}
	labels := newAnnotations(tickSize, chartTextInk)
	legend := &legendRow{style: text.Style{Font: chartFont(tickSize), Color: chartLabelInk, YAlign: draw.YCenter,
		Handler: plot.DefaultTextHandler}}
	for i, name := range t.Bands {
		legend.names = append(legend.names, name)
		legend.colours = append(legend.colours, BandColour(i))
	}
	var hasVeto, hasUnband bool
	var names []string
	maxN := 0.0
	for x, pt := range t.Points {
		y := 0.0
		stack := func(n int, c color.Color) {
			b.xs, b.y0s, b.y1s = append(b.xs, float64(x)), append(b.y0s, y), append(b.y1s, y+float64(n))
			b.colours = append(b.colours, c)
			y += float64(n)
		}
		// Worst at the bottom, best on top; vetoed and unbanded under all.
		stack(pt.Vetoed, vetoColour)
		stack(pt.Unbanded, unbandColour)
		hasVeto, hasUnband = hasVeto || pt.Vetoed > 0, hasUnband || pt.Unbanded > 0
		for i := len(pt.Counts) - 1; i >= 0; i-- {
			stack(pt.Counts[i], BandColour(i))
		}
		text := "均分 —"
		if pt.Scored > 0 {
			text = "均分 " + formatScore(pt.Mean)
		}
		labels.items = append(labels.items, annotation{x: float64(x), y: y, dy: vg.Points(2), text: text})
		maxN = math.Max(maxN, y)
		names = append(names, pt.Name)
	}
	if hasUnband {
		legend.names, legend.colours = append(legend.names, "未定等次"), append(legend.colours, unbandColour)
	}
	if hasVeto {
		legend.names, legend.colours = append(legend.names, "一票否决"), append(legend.colours, vetoColour)
	}
	title := t.Title
	if title == "" {
		title = t.Noun + "历次考评趋势"
	}
	yLabel := t.Noun + "数（个）"
	if t.Noun == "党员" {
		yLabel = "党员数（人）"
	}
	p := newChart(title, "", yLabel)
	p.Add(b, labels, legend)
	if len(names) == 0 {
		names = []string{"（无数据）"}
	}
	p.NominalX(fitLabels(names, p.X.Tick.Label, size)...)
	// A few periods keep narrow bars: the axis spans at least four.
	extra := math.Max(0, float64(4-len(names))/2)
	p.X.Min, p.X.Max = -0.6-extra, float64(len(names))-0.4+extra
	// Room above the bars for the means and the legend.
	p.Y.Min, p.Y.Max = 0, math.Max(2, math.Ceil(maxN*1.35))
	return renderChart(p, size)
}

// fitLabels breaks the names under the bars of a chart of size into
// balanced lines where a name is wider than its share of the width: "五星级
// 党员" over two lines rather than into its neighbour.
func fitLabels(names []string, style text.Style, size ChartSize) []string {
	// The data area is the chart's width less about 60 points of axis; a
	// name may take 88% of its bar's share.
	width := vg.Length(size.Width) * vg.Inch / vg.Length(size.DPI)
	room := (width - vg.Points(60)) / vg.Length(float64(max(len(names), 4))+0.2) * 0.88
	out := make([]string, len(names))
	for i, name := range names {
		rs := []rune(name)
		w := style.Width(name)
		if w <= room || len(rs) < 4 || room <= 0 {
			out[i] = name
			continue
		}
		lines := int(math.Ceil(float64(w / room)))
		lines = max(1, min(lines, (len(rs)+1)/2))
		out[i] = wrapRunes(rs, (len(rs)+lines-1)/lines)
	}
	return out
}

// wrapRunes breaks rs into lines of n characters.
func wrapRunes(rs []rune, n int) string {
	var out []rune
	for i, r := range rs {
		if i > 0 && i%n == 0 {
			out = append(out, '\n')
		}
		out = append(out, r)
	}
	return string(out)
}
