package documents_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"xingji/cmd/office"
	"xingji/documents"
	"xingji/model"
	"xingji/scoring/period"
)

var (
	demoOnce    sync.Once
	demoResults *period.Results
	demoErr     error
)

// demoPeriodResults computes the demo period's results from its filled
// forms, as the office would after dropping the folder on the window.
func demoPeriodResults(t testing.TB) *period.Results {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "xingji-charts-*")
		if err != nil {
			demoErr = err
			return
		}
		defer os.RemoveAll(dir)
		o, err := office.Open(filepath.Join(dir, "考评 数据.db"))
		if err != nil {
			demoErr = err
			return
		}
		defer o.Close()
		ctx := context.Background()
		if _, err := o.LoadDemo(ctx); err != nil {
			demoErr = err
			return
		}
		if _, err := o.ImportForms(ctx, []string{o.DemoSubmissionsDir()}, nil); err != nil {
			demoErr = err
			return
		}
		ps, err := o.Periods(ctx)
		if err != nil || len(ps) == 0 {
			demoErr = fmt.Errorf("demo periods: %v %v", ps, err)
			return
		}
		demoResults, demoErr = o.Results(ctx, ps[0].ID)
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoResults
}

// decodeChart decodes a chart and checks its size and that pixels of ink
// are on it: at least minInk pixels of exactly the colour ink.
func decodeChart(t *testing.T, name string, data []byte, size documents.ChartSize, ink color.RGBA, minInk int) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: not a PNG: %v", name, err)
	}
	if b := img.Bounds(); b.Dx() != size.Width || b.Dy() != size.Height {
		t.Errorf("%s: %d×%d, want %d×%d", name, b.Dx(), b.Dy(), size.Width, size.Height)
	}
	inked, dark := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			if c == ink {
				inked++
			}
			if c.R < 0x60 && c.G < 0x60 && c.B < 0x60 {
				dark++
			}
		}
	}
	if inked < minInk {
		t.Errorf("%s: %d pixels of the bar colour %v, want at least %d", name, inked, ink, minInk)
	}
	if dark < 200 {
		t.Errorf("%s: %d dark pixels: no text drawn?", name, dark)
	}
	if dir := os.Getenv("XINGJI_CHARTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "charts-"+name+".png"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return img
}

// largest is the index of the band with the most subjects.
func largest(d documents.StarDistribution) int {
	best := 0
	for i, b := range d.Bands {
		if b.Count > d.Bands[best].Count {
			best = i
		}
	}
	return best
}

// The demo's nine village branches: the distribution counts every one of
// them once (bands, the veto, the absent), the histogram holds the totals
// of all but the vetoed, and each chart renders at the size asked.
func TestChartsOfTheDemo(t *testing.T) {
	r := demoPeriodResults(t)
	d := documents.StarDistributionOf(r, model.SubjectUnit)
	absent := 0
	for _, a := range r.Inputs.Absent {
		if a.Kind == model.SubjectUnit {
			absent++
		}
	}
	if d.Total() != len(r.Units.Subjects)+absent || d.Vetoed != 1 || len(d.Bands) != len(r.Period.Scheme.Bands) {
		t.Errorf("distribution %+v: total %d, want %d subjects + %d absent, one vetoed", d, d.Total(), len(r.Units.Subjects), absent)
	}
	if d.Bands[0].Name != r.Period.Scheme.Bands[0].Name {
		t.Errorf("bands best first: %q", d.Bands[0].Name)
	}
	h := documents.ScoreHistogramOf(r, model.SubjectUnit)
	if len(h.Grades) != len(r.Units.Subjects)-1 || h.Vetoed != 1 || len(h.Thresholds) == 0 {
		t.Errorf("histogram: %d grades, %d vetoed, thresholds %v", len(h.Grades), h.Vetoed, h.Thresholds)
	}
	tr := documents.TrendOf([]*period.Results{r}, model.SubjectUnit)
	if len(tr.Points) != 1 || tr.Points[0].Scored != len(h.Grades) || tr.Points[0].Mean <= 0 {
		t.Errorf("trend: %+v", tr)
	}

	screen := documents.ScreenChartSize(640, 360, 2)
	paper := documents.PrintChartSize(160, 90, 300)
	for _, size := range []documents.ChartSize{screen, paper} {
		suffix := fmt.Sprintf("%dx%d", size.Width, size.Height)
		data, err := documents.RenderStarDistribution(d, size)
		if err != nil {
			t.Fatal(err)
		}
		decodeChart(t, "stars-"+suffix, data, size, documents.BandColour(largest(d)), 200)
		if data, err = documents.RenderScoreHistogram(h, size); err != nil {
			t.Fatal(err)
		}
		decodeChart(t, "scores-"+suffix, data, size, documents.BandColour(0), 200)
		if data, err = documents.RenderTrend(tr, size); err != nil {
			t.Fatal(err)
		}
		decodeChart(t, "trend-"+suffix, data, size, documents.BandColour(len(tr.Bands)-1), 200)
	}

	// The three charts saved as one picture for paper.
	dir := t.TempDir()
	if env := os.Getenv("XINGJI_CHARTS"); env != "" {
		dir = env
	}
	path := filepath.Join(dir, documents.ChartsFileName(r.Period, d.Noun))
	if err := documents.SaveChartsPicture(path, d, h, tr); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".xingji-*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	sheet, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	one := documents.PrintChartSize(160, 90, 200)
	decodeChart(t, "sheet", sheet, documents.ChartSize{Width: one.Width, Height: 3 * one.Height, DPI: 200}, documents.BandColour(largest(d)), 500)
	if err := documents.SaveChartsPicture(filepath.Join(dir, "没有 这个 文件夹", "图.png"), d, h, tr); model.ErrorCodeOf(err) != model.EInvalid {
		t.Errorf("a folder that does not exist: %v", err)
	}

	// The members of the demo period.
	md := documents.StarDistributionOf(r, model.SubjectMember)
	if r.Members == nil || md.Total() == 0 || md.Noun != "党员" {
		t.Fatalf("member distribution: %+v", md)
	}
	mpng, err := documents.RenderStarDistribution(md, screen)
	if err != nil {
		t.Fatal(err)
	}
	decodeChart(t, "member-stars", mpng, screen, documents.BandColour(largest(md)), 200)
	mh, err := documents.RenderScoreHistogram(documents.ScoreHistogramOf(r, model.SubjectMember), screen)
	if err != nil {
		t.Fatal(err)
	}
	decodeChart(t, "member-scores", mh, screen, documents.BandColour(0), 200)
}

// Empty data draw an empty chart, not a panic: a period not yet received,
// a trend of no periods, members of a period that appraises none.
func TestChartsWithoutData(t *testing.T) {
	size := documents.ScreenChartSize(480, 270, 1)
	var none *period.Results
	for name, render := range map[string]func() ([]byte, error){
		"stars": func() ([]byte, error) {
			return documents.RenderStarDistribution(documents.StarDistributionOf(none, model.SubjectUnit), size)
		},
		"scores": func() ([]byte, error) {
			return documents.RenderScoreHistogram(documents.ScoreHistogramOf(none, model.SubjectMember), size)
		},
		"trend": func() ([]byte, error) { return documents.RenderTrend(documents.TrendOf(nil, model.SubjectUnit), size) },
		"bad size": func() ([]byte, error) {
			return documents.RenderTrend(documents.Trend{}, documents.ChartSize{Width: 0, Height: 10, DPI: 96})
		},
	} {
		data, err := render()
		if name == "bad size" {
			if err == nil {
				t.Error("a chart of no pixels should be refused")
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A trend over several periods with bands that change, a long period name
// and one period with nothing scored.
func TestTrendOfSeveralPeriods(t *testing.T) {
	tr := documents.Trend{Noun: "党组织", Bands: []string{"五星级", "四星级", "三星级", "二星级", "一星级"}}
	for i, name := range []string{"2023年度村党支部星级评定", "2024年度村党支部星级评定", "2025年度（补评）", "2026年度村党支部星级评定"} {
		p := documents.TrendPoint{Name: name, Counts: []int{i + 1, 3, 4 - i, 1, 0}, Vetoed: i % 2, Scored: 9, Mean: 80 + float64(i)}
		if i == 2 {
			p = documents.TrendPoint{Name: name, Counts: make([]int, 5)}
		}
		tr.Points = append(tr.Points, p)
	}
	size := documents.ScreenChartSize(640, 360, 2)
	data, err := documents.RenderTrend(tr, size)
	if err != nil {
		t.Fatal(err)
	}
	decodeChart(t, "trend-four", data, size, documents.BandColour(0), 500)
}

// BenchmarkCharts5000 renders the three charts of 5,000 units at the
// screen size the app uses.
func BenchmarkCharts5000(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	d := documents.StarDistribution{Noun: "党组织", Bands: []documents.BandCount{{"五星级", 500}, {"四星级", 1500}, {"三星级", 2000}, {"二星级", 700}, {"一星级", 250}}, Vetoed: 30, Absent: 20}
	h := documents.ScoreHistogram{Noun: "党组织", Thresholds: []documents.Threshold{{"五星级", 95}, {"四星级", 85}, {"三星级", 75}, {"二星级", 60}}}
	for range 5000 {
		h.Grades = append(h.Grades, 55+45*r.Float64())
	}
	tr := documents.Trend{Noun: "党组织", Bands: []string{"五星级", "四星级", "三星级", "二星级", "一星级"}}
	for y := 2022; y <= 2026; y++ {
		tr.Points = append(tr.Points, documents.TrendPoint{Name: fmt.Sprintf("%d年度", y), Counts: []int{500, 1500, 2000, 700, 250}, Scored: 4950, Mean: 82})
	}
	size := documents.ScreenChartSize(640, 360, 2)
	for b.Loop() {
		if _, err := documents.RenderStarDistribution(d, size); err != nil {
			b.Fatal(err)
		}
		if _, err := documents.RenderScoreHistogram(h, size); err != nil {
			b.Fatal(err)
		}
		if _, err := documents.RenderTrend(tr, size); err != nil {
			b.Fatal(err)
		}
	}
}
