package documents

import (
	"fmt"
	"math"

	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/period"
)

// The charts of a period's results: how many units (or members) got each
// band, how their grade totals spread, and how the bands and the mean moved
// over the committee's periods. The data are plain values built from
// period.Results (StarDistributionOf, ScoreHistogramOf, TrendPointOf); the
// drawing is in chartdraw.go and returns PNG bytes, placed as they are on
// screen and in the PDF reports. Every label is Chinese, drawn with the
// program's embedded font.

// BandCount is how many subjects got one band.
type BandCount struct {
	Name  string // the band's name, e.g. "五星级"
	Count int
}

// StarDistribution is how many subjects of a period got each band, with
// those vetoed, those scored but in no band and those not scored counted
// apart (the counts of period.Results.Summary).
type StarDistribution struct {
	Title string      // e.g. "2026年度村党支部星级评定：党组织星级分布"
	Noun  string      // what is counted: "党组织" or "党员"
	Bands []BandCount // in the scheme's order, best first
	// Vetoed were disqualified (一票否决), Unbanded scored in no band
	// (未定等次), Absent not scored because nothing came for them (未计分).
	Vetoed, Unbanded, Absent int
}

// Total is the number of subjects counted.
func (d StarDistribution) Total() int {
	n := d.Vetoed + d.Unbanded + d.Absent
	for _, b := range d.Bands {
		n += b.Count
	}
	return n
}

// Threshold is the lowest grade total of a band, drawn as a line across a
// histogram.
type Threshold struct {
	Name string  // the band's name
	At   float64 // its lowest grade total
}

// ScoreHistogram is how the grade totals of a period's subjects spread, in
// bins of BinWidth points, with the bands' thresholds.
type ScoreHistogram struct {
	Title      string
	Noun       string    // what is counted: "党组织" or "党员"
	Grades     []float64 // the grade totals of the subjects scored and not vetoed
	BinWidth   float64   // points per bar; 0 means DefaultBinWidth
	Thresholds []Threshold
	Vetoed     int // left out of Grades: a vetoed total decides nothing
}

// DefaultBinWidth is the width of a histogram's bars, in points, when
// ScoreHistogram.BinWidth is not set.
const DefaultBinWidth = 5

// TrendPoint is one period in a Trend.
type TrendPoint struct {
	Name   string // the period's name, shown under its bar
	Counts []int  // parallel to Trend.Bands
	// Vetoed and Unbanded are counted as in StarDistribution; Scored is the
	// number of grade totals averaged in Mean.
	Vetoed, Unbanded int
	Scored           int
	Mean             float64 // mean grade total of the subjects scored and not vetoed
}

// Trend is the bands and the mean grade total over a committee's periods,
// oldest first.
type Trend struct {
	Title  string
	Noun   string   // what is counted: "党组织" or "党员"
	Bands  []string // band names, best first
	Points []TrendPoint
}

// nounOf is how the charts name the subjects of kind.
func nounOf(kind model.SubjectKind) string {
	if kind == model.SubjectMember {
		return "党员"
	}
	return "党组织"
}

// resultOf returns the scheme and the result of r for kind; nil result when
// the period does not appraise them.
func resultOf(r *period.Results, kind model.SubjectKind) (*model.Scheme, *scoring.Result) {
	if r == nil {
		return nil, nil
	}
	if kind == model.SubjectMember {
		if r.Period.MemberScheme == nil || r.Members == nil {
			return nil, nil
		}
		return r.Period.MemberScheme, r.Members
	}
	return &r.Period.Scheme, r.Units
}

// StarDistributionOf counts the bands of a period's units (kind
// model.SubjectUnit) or members (model.SubjectMember); a period that
// appraises no members gives an empty distribution.
func StarDistributionOf(r *period.Results, kind model.SubjectKind) StarDistribution {
	d := StarDistribution{Noun: nounOf(kind)}
	scheme, res := resultOf(r, kind)
	if res == nil {
		return d
	}
	d.Title = r.Period.Name + "：" + d.Noun + bandWord(scheme) + "分布"
	counts, vetoed, unbanded := countBands(res)
	for _, b := range scheme.Bands {
		d.Bands = append(d.Bands, BandCount{Name: b.Name, Count: counts[b.Code]})
	}
	d.Vetoed, d.Unbanded = vetoed, unbanded
	for _, a := range r.Inputs.Absent {
		if a.Kind == kind {
			d.Absent++
		}
	}
	return d
}

// bandWord is what the scheme's bands are called: 星级 when they are stars,
// else 等次.
func bandWord(s *model.Scheme) string {
	for _, b := range s.Bands {
		if b.MinStars != nil || containsRune(b.Name, '星') {
			return "星级"
		}
	}
	return "等次"
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// countBands counts the subjects of res by band code, the vetoed and those
// in no band.
func countBands(res *scoring.Result) (counts map[string]int, vetoed, unbanded int) {
	counts = map[string]int{}
	for i := range res.Subjects {
		s := &res.Subjects[i]
		switch {
		case s.Disqualified:
			vetoed++
		case s.Band == "":
			unbanded++
		default:
			counts[s.Band]++
		}
	}
	return counts, vetoed, unbanded
}

// ScoreHistogramOf gathers the grade totals of a period's units or members
// and the lowest total of each band the scheme draws by score.
func ScoreHistogramOf(r *period.Results, kind model.SubjectKind) ScoreHistogram {
	h := ScoreHistogram{Noun: nounOf(kind), BinWidth: DefaultBinWidth}
	scheme, res := resultOf(r, kind)
	if res == nil {
		return h
	}
	h.Title = r.Period.Name + "：" + h.Noun + "得分分布"
	for i := range res.Subjects {
		s := &res.Subjects[i]
		if s.Disqualified {
			h.Vetoed++
			continue
		}
		h.Grades = append(h.Grades, s.Grade.Float())
	}
	for _, b := range scheme.Bands {
		if b.Range.From != nil {
			h.Thresholds = append(h.Thresholds, Threshold{Name: b.Name, At: b.Range.From.Float()})
		}
	}
	return h
}

// TrendPointOf is one period's point of a Trend: its band counts in the
// order of bands (names; a band of the period not among them is left out)
// and its mean grade total.
func TrendPointOf(r *period.Results, kind model.SubjectKind, bands []string) TrendPoint {
	p := TrendPoint{Counts: make([]int, len(bands))}
	scheme, res := resultOf(r, kind)
	if r != nil {
		p.Name = r.Period.Name
	}
	if res == nil {
		return p
	}
	counts, vetoed, unbanded := countBands(res)
	p.Vetoed, p.Unbanded = vetoed, unbanded
	for i, name := range bands {
		for _, b := range scheme.Bands {
			if b.Name == name {
				p.Counts[i] += counts[b.Code]
			}
		}
	}
	var sum float64
	for i := range res.Subjects {
		if s := &res.Subjects[i]; !s.Disqualified {
			sum += s.Grade.Float()
			p.Scored++
		}
	}
	if p.Scored > 0 {
		p.Mean = sum / float64(p.Scored)
	}
	return p
}

// TrendOf builds the trend over periods (oldest first; the last is the
// one the trend is for) for units or members: the bands are the last
// period's.
func TrendOf(periods []*period.Results, kind model.SubjectKind) Trend {
	t := Trend{Noun: nounOf(kind)}
	if len(periods) == 0 {
		return t
	}
	last := periods[len(periods)-1]
	if scheme, res := resultOf(last, kind); res != nil {
		for _, b := range scheme.Bands {
			t.Bands = append(t.Bands, b.Name)
		}
		t.Title = scheme.Name + "：" + t.Noun + "历次考评趋势"
	}
	for _, r := range periods {
		if _, res := resultOf(r, kind); res == nil {
			continue
		}
		t.Points = append(t.Points, TrendPointOf(r, kind, t.Bands))
	}
	return t
}

// formatScore writes a mean grade total with one decimal.
func formatScore(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	return fmt.Sprintf("%.1f", x)
}

// resultCharts are the charts the ranking's PDF ends with: the units' star
// distribution and their score histogram, for print.
func resultCharts(p *Paper) ([][]byte, error) {
	size := PrintChartSize(125, 80, 220)
	dist, err := RenderStarDistribution(StarDistributionOf(p.Results, model.SubjectUnit), size)
	if err != nil {
		return nil, err
	}
	hist, err := RenderScoreHistogram(ScoreHistogramOf(p.Results, model.SubjectUnit), size)
	if err != nil {
		return nil, err
	}
	return [][]byte{dist, hist}, nil
}

// DistributionChart is the units' star distribution for a feedback
// report: half a page wide, for print.
func DistributionChart(p *Paper) ([]byte, error) {
	return RenderStarDistribution(StarDistributionOf(p.Results, model.SubjectUnit), PrintChartSize(120, 70, 220))
}
