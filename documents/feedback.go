package documents

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"image"
	"sort"
	"strings"
	"time"

	"xingji/documents/pdfdoc"
	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
	"xingji/scoring/period"
)

// FeedbackKind is what the feedback report is called on paper and in file
// names (考核结果反馈各单位, seed 003 四(四)).
const FeedbackKind = "反馈报告"

// FeedbackOptions are the optional parts of the feedback reports.
type FeedbackOptions struct {
	// DistributionPNG is a chart placed on every unit's report under its
	// results (the committee's star distribution, drawn by the charts of
	// this package); nil leaves it out.
	DistributionPNG []byte
	// ChartTitle is the caption above the chart; "全委星级分布" when empty.
	ChartTitle string
}

// feedbackUnit is one unit that gets a report: scored, or vetoed.
type feedbackUnit struct {
	unit model.Unit
	sub  *scoring.SubjectResult
	next *scoring.NextBand
}

// feedbackStats are the committee-wide figures every report shows beside
// the unit's own: the averages over the ranked units and how many were
// ranked.
type feedbackStats struct {
	items  map[string]model.Decimal // item code → average final score
	grade  model.Decimal
	ranked int
}

// ErrNoFeedback is returned when the period has no scored unit to report on.
var ErrNoFeedback = errors.New("本期还没有党组织计分，无法生成反馈报告。请先导入填报表或录入考评得分，再导出")

// Feedback writes the feedback reports of every scored or vetoed unit in
// one PDF (A4 portrait), each unit from a new page, in the committee's
// order of units: "考核结果反馈各单位" (seed 003 四(四)).
func Feedback(p *Paper, opt FeedbackOptions) ([]byte, error) {
	units, stats, err := feedbackUnits(p)
	if err != nil {
		return nil, err
	}
	d, err := newFeedbackDoc(p)
	if err != nil {
		return nil, err
	}
	for i := range units {
		if i > 0 {
			d.NewPage()
		}
		writeFeedback(d, p, &units[i], stats, opt)
	}
	return d.Bytes()
}

// FeedbackZip writes the same reports one PDF per unit, packed in a .zip
// whose files are named by the unit ("QH-01-02 城关镇黄家岭村党支部 反馈报告.pdf",
// names flagged UTF-8 so Windows shows the Chinese), for sending each unit
// its own.
func FeedbackZip(p *Paper, opt FeedbackOptions) ([]byte, error) {
	units, stats, err := feedbackUnits(p)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	now := time.Now()
	for i := range units {
		d, err := newFeedbackDoc(p)
		if err != nil {
			return nil, err
		}
		writeFeedback(d, p, &units[i], stats, opt)
		pdf, err := d.Bytes()
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: FeedbackFileName(units[i].unit), Method: zip.Deflate, Flags: 0x800, Modified: now})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(pdf); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FeedbackFileName is the name of a unit's report in the .zip:
// "<编码> <名称> 反馈报告.pdf", as the unit's forms are named.
func FeedbackFileName(u model.Unit) string {
	return SafeFileName(strings.TrimSpace(u.Code+" "+u.Name)) + " " + FeedbackKind + ".pdf"
}

func newFeedbackDoc(p *Paper) (*pdfdoc.Doc, error) {
	return pdfdoc.New(pdfdoc.Options{Size: pdfdoc.A4Portrait, Margin: 15, Title: p.Title("考核结果反馈表"),
		Draft: p.Draft, PageNumbers: true})
}

// feedbackUnits lists the units that get a report — every unit scored,
// vetoed ones included — in the committee's order, with the averages.
func feedbackUnits(p *Paper) ([]feedbackUnit, feedbackStats, error) {
	res := p.Results
	if res == nil || res.Units == nil || len(res.Units.Subjects) == 0 {
		return nil, feedbackStats{}, ErrNoFeedback
	}
	order := map[int64]int{}
	byID := map[int64]model.Unit{}
	for i, u := range res.Data.Units {
		order[u.ID], byID[u.ID] = i, u
	}
	var out []feedbackUnit
	sums, counts := map[string]model.Decimal{}, map[string]int64{}
	var grades model.Decimal
	stats := feedbackStats{items: map[string]model.Decimal{}}
	for i := range res.Units.Subjects {
		sr := &res.Units.Subjects[i]
		fu := feedbackUnit{unit: model.Unit{Name: sr.Name}, sub: sr}
		if s, err := formspec.ParseSubject(sr.ID); err == nil {
			if u, ok := byID[s.ID]; ok {
				fu.unit = u
			}
		}
		if i < len(res.UnitNext) {
			fu.next = &res.UnitNext[i]
		}
		out = append(out, fu)
		if sr.Disqualified || sr.Rank == 0 {
			continue
		}
		stats.ranked++
		grades = grades.Add(sr.Grade)
		for _, it := range sr.Items {
			sums[it.Item] = sums[it.Item].Add(it.Score)
			counts[it.Item]++
		}
	}
	for code, sum := range sums {
		stats.items[code] = sum.DivInt(counts[code]).Round(2)
	}
	if stats.ranked > 0 {
		stats.grade = grades.DivInt(int64(stats.ranked)).Round(2)
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, iok := order[out[i].unit.ID]
		oj, jok := order[out[j].unit.ID]
		if iok != jok {
			return iok
		}
		return oi < oj
	})
	return out, stats, nil
}

// writeFeedback writes one unit's report from the current page on.
func writeFeedback(d *pdfdoc.Doc, p *Paper, fu *feedbackUnit, stats feedbackStats, opt FeedbackOptions) {
	res, sr := p.Results, fu.sub
	d.Font(pdfdoc.Sans, 16)
	d.Paragraph(p.Title("考核结果反馈表"), pdfdoc.Center, 0)
	d.Space(1)
	d.Font(pdfdoc.Sans, 14)
	d.Paragraph(fu.unit.Name, pdfdoc.Center, 0)
	d.Space(4)

	// The results at a glance.
	summary := &pdfdoc.Table{NoHeader: true, Size: 10.5, Columns: []pdfdoc.Column{{Title: "项目", Width: 32}, {Title: "内容"}}}
	add := func(label, value string) {
		summary.Rows = append(summary.Rows, pdfdoc.Row{Cells: []string{label, value}})
	}
	if p.Committee != "" {
		add("考核单位", p.Committee)
	}
	if sr.Disqualified {
		add("等级总分", model.PointsText(sr.Grade)+"（一票否决，不参加排名）")
		add("等次", "一票否决，取消本期评定资格")
		add("名次", "不参加排名")
	} else {
		grade := model.PointsText(sr.Grade)
		if stats.ranked > 0 {
			grade += "（全委平均" + model.PointsText(stats.grade) + "）"
		}
		add("等级总分", grade)
		if !sr.Total.Equal(sr.Grade) {
			add("总分", model.PointsText(sr.Total))
		}
		add("等次", bandWords(sr))
		add("名次", rankWords(sr, stats.ranked))
	}
	if len(sr.Stars) > 0 {
		var stars []string
		for _, st := range sr.Stars {
			got := "未得"
			if st.Earned {
				got = "得星"
			}
			stars = append(stars, st.Name+"："+got)
		}
		add("评星", strings.Join(stars, "；"))
	}
	if p.Previous != nil {
		add("较上期", previousWords(p.Previous, sr))
	}
	if s := fu.next.Short(); s != "" {
		add("距下一星级", s)
	}
	d.Table(summary)

	heading := func(n int, title string) {
		d.Space(3)
		d.Need(16)
		d.Font(pdfdoc.Sans, 12.5)
		d.Paragraph(chineseOrdinal(n)+"、"+title, pdfdoc.Left, 0)
		d.Space(1)
		d.Font(pdfdoc.Sans, 10.5)
	}
	heading(1, "逐项得分")
	d.Table(feedbackItems(p, sr, stats))
	d.Font(pdfdoc.Sans, 9)
	d.Space(1)
	if stats.ranked > 0 {
		d.Paragraph(fmt.Sprintf("注：全委平均为参加排名的%d个党组织该项得分的平均值（四舍五入到两位小数）。", stats.ranked), pdfdoc.Left, 0)
	}

	// The sections after the table, each a heading and its paragraphs.
	type section struct {
		title string
		lines []string
		chart []byte
	}
	bullets := func(ls []string) []string {
		out := make([]string, len(ls))
		for i, l := range ls {
			out[i] = "· " + l
		}
		return out
	}
	deductions := bullets(deductionLines(res, sr))
	if len(deductions) == 0 {
		deductions = []string{"各项均得满分，无扣分。"}
	}
	secs := []section{{title: "扣分及原因", lines: deductions}}
	if ls := bonusLines(res, sr); len(ls) > 0 {
		secs = append(secs, section{title: "加分", lines: bullets(ls)})
	}
	if len(sr.Caps) > 0 {
		secs = append(secs, section{title: "限制条件", lines: bullets(capLines(res, sr))})
	}
	if len(sr.Vetoes) > 0 {
		secs = append(secs, section{title: "一票否决", lines: bullets(vetoLines(res, sr))})
	}
	if ls := quotaLines(sr); len(ls) > 0 {
		secs = append(secs, section{title: "比例控制", lines: bullets(ls)})
	}
	if s := fu.next.Sentence(); s != "" {
		secs = append(secs, section{title: "晋升下一星级", lines: []string{s}})
	}
	if gaps := res.Inputs.Gaps[sr.ID]; len(gaps) > 0 {
		secs = append(secs, section{title: "缺少的材料", lines: bullets(gaps)})
	}
	chartW, chartH, chartOK := chartSize(d, opt.DistributionPNG)
	if len(opt.DistributionPNG) > 0 {
		title := opt.ChartTitle
		if title == "" {
			title = "全委星级分布"
		}
		secs = append(secs, section{title: title, chart: opt.DistributionPNG})
	}
	height := func(s section) float64 {
		d.Font(pdfdoc.Sans, 12.5)
		h := 4 + d.LineHeight()
		if s.chart != nil {
			return h + chartH
		}
		d.Font(pdfdoc.Sans, 10.5)
		for _, l := range s.lines {
			h += float64(len(d.Lines(l, d.ContentWidth()))) * d.LineHeight()
		}
		return h
	}
	d.Font(pdfdoc.Sans, 12)
	sign := 6 + 2*d.LineHeight()
	for k, s := range secs {
		if k == len(secs)-1 {
			if s.chart != nil && chartOK {
				// Shrink the chart (to no less than 40 mm high) rather
				// than start a page for it; where even that does not fit,
				// leave the chart out: a page of paper per unit for a
				// picture of the whole committee is not worth it.
				d.Font(pdfdoc.Sans, 12.5)
				avail := d.Bottom() - d.Y() - sign - 4 - d.LineHeight()
				if avail < 40 {
					break
				}
				if avail < chartH {
					chartW, chartH = chartW*avail/chartH, avail
				}
			}
			// Keep the last section with the committee's signature.
			if h := height(s) + sign; h < d.Bottom()-d.Margin() {
				d.Need(h)
			}
		}
		heading(k+2, s.title)
		if s.chart != nil {
			if !chartOK {
				d.Image(s.chart, 0, 0, 1, 1) // fails with pdfdoc.ErrImage
				continue
			}
			d.Need(chartH)
			d.Image(s.chart, d.Margin()+(d.ContentWidth()-chartW)/2, d.Y(), chartW, chartH)
			d.SetY(d.Y() + chartH)
			continue
		}
		for _, l := range s.lines {
			d.Paragraph(l, pdfdoc.Left, 0)
		}
	}

	// The committee and the date, at the right.
	d.Space(6)
	d.Font(pdfdoc.Sans, 12)
	d.Need(2 * d.LineHeight())
	right := d.Margin() + d.ContentWidth()*0.45
	w := d.ContentWidth() * 0.55
	for _, l := range []string{p.Committee, ChineseDate(p.Date)} {
		if l == "" {
			continue
		}
		for _, line := range d.Lines(l, w) {
			d.Need(d.LineHeight())
			d.TextAt(right, d.Y(), w, line, pdfdoc.Center)
			d.SetY(d.Y() + d.LineHeight())
		}
	}
}

// chartSize is the size a chart takes on the report: half the content
// width, as high as its proportions say (at most 70 mm); ok is false when it is not a PNG
// or JPEG image. This is where the charts of documents/charts.go plug in
// (FeedbackOptions.DistributionPNG).
func chartSize(d *pdfdoc.Doc, png []byte) (w, h float64, ok bool) {
	if len(png) == 0 {
		return 0, 0, false
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(png))
	if err != nil || cfg.Width == 0 {
		return 0, 0, false
	}
	w = d.ContentWidth() * 0.5
	h = w * float64(cfg.Height) / float64(cfg.Width)
	if h > 70 {
		w, h = w*70/h, 70
	}
	return w, h, true
}

// feedbackItems is the table of the unit's items: 分值, the self and
// review scores where the scheme has them, the final score and the
// committee's average.
func feedbackItems(p *Paper, sr *scoring.SubjectResult, stats feedbackStats) *pdfdoc.Table {
	s := &p.Period.Scheme
	hasSelf := s.SourceByCode(model.SourceSelf) != nil
	hasReview := s.SourceByCode(model.SourceReview) != nil
	cols := []pdfdoc.Column{{Title: "项目", MaxWidth: 90}, {Title: "分值", Align: pdfdoc.Right}}
	if hasSelf {
		cols = append(cols, pdfdoc.Column{Title: "自评", Align: pdfdoc.Right})
	}
	if hasReview {
		cols = append(cols, pdfdoc.Column{Title: "考评", Align: pdfdoc.Right})
	}
	cols = append(cols, pdfdoc.Column{Title: "得分", Align: pdfdoc.Right}, pdfdoc.Column{Title: "全委平均", Align: pdfdoc.Right})
	t := &pdfdoc.Table{Columns: cols, Size: 10}
	for k, it := range sr.Items {
		name := itemName(p.Results, sr.ID, it)
		switch {
		case it.Bonus:
			name += "（加分项）"
		case it.Penalty:
			name += "（扣分项）"
		}
		row := []string{name, it.Max.String()}
		if hasSelf {
			row = append(row, sourceItem(sr, model.SourceSelf, k))
		}
		if hasReview {
			row = append(row, sourceItem(sr, model.SourceReview, k))
		}
		avg := ""
		if a, ok := stats.items[it.Item]; ok {
			avg = a.String()
		}
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: append(row, it.Score.String(), avg)})
	}
	total := func(label string, v model.Decimal, avg string) {
		row := make([]string, len(cols))
		row[0], row[len(cols)-2], row[len(cols)-1] = label, v.String(), avg
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: row, Shade: true})
	}
	if !sr.Bonus.IsZero() {
		total("加分合计", sr.Bonus, "")
	}
	if !sr.Penalty.IsZero() {
		total("扣分合计", sr.Penalty, "")
	}
	avg := ""
	if stats.ranked > 0 {
		avg = stats.grade.String()
	}
	total("等级总分", sr.Grade, avg)
	return t
}

// bandWords is the unit's band as the report states it.
func bandWords(sr *scoring.SubjectResult) string {
	switch {
	case sr.Disqualified:
		return "一票否决"
	case sr.BandName == "":
		return "未评定等次"
	}
	return sr.BandName
}

// rankWords is "第3名，共8个" (tied units share a rank).
func rankWords(sr *scoring.SubjectResult, ranked int) string {
	if sr.Rank <= 0 {
		return "不参加排名"
	}
	return fmt.Sprintf("第%d名，共%d个", sr.Rank, ranked)
}

// previousWords compares the unit with the previous period: grade total,
// rank and band.
func previousWords(prev *period.Results, sr *scoring.SubjectResult) string {
	ps := prev.Unit(sr.ID)
	if ps == nil {
		return "上期未参加考评"
	}
	var parts []string
	if !sr.Disqualified && !ps.Disqualified {
		diff := sr.Grade.Sub(ps.Grade)
		sign := ""
		if diff.Sign() > 0 {
			sign = "+"
		}
		parts = append(parts, "等级总分"+model.PointsText(ps.Grade)+"→"+model.PointsText(sr.Grade)+"（"+sign+model.PointsText(diff)+"）")
	}
	switch {
	case ps.Rank > 0 && sr.Rank > 0 && ps.Rank > sr.Rank:
		parts = append(parts, fmt.Sprintf("名次第%d名→第%d名（上升%d位）", ps.Rank, sr.Rank, ps.Rank-sr.Rank))
	case ps.Rank > 0 && sr.Rank > 0 && ps.Rank < sr.Rank:
		parts = append(parts, fmt.Sprintf("名次第%d名→第%d名（下降%d位）", ps.Rank, sr.Rank, sr.Rank-ps.Rank))
	case ps.Rank > 0 && sr.Rank > 0:
		parts = append(parts, fmt.Sprintf("名次持平（第%d名）", sr.Rank))
	}
	if a, b := bandWords(ps), bandWords(sr); a != b {
		parts = append(parts, "等次"+a+"→"+b)
	} else {
		parts = append(parts, "等次持平（"+b+"）")
	}
	return strings.Join(parts, "；")
}

// chineseOrdinal is 一, 二 … 九十九 for numbered headings.
func chineseOrdinal(n int) string { return chineseNumber(n) }
