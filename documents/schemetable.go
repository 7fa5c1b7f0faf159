package documents

import (
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// sheetStyles are the cell styles of the scheme table.
type sheetStyles struct {
	title, subtitle, header, text, center, number, totalLabel, note int
}

func newSheetStyles(f *excelize.File) (sheetStyles, error) {
	border, font, align := thinBorder, cellFont, cellAlign
	var st sheetStyles
	var err error
	for _, d := range []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(16, true), Alignment: align("center")}},
		{&st.subtitle, excelize.Style{Font: font(10, false), Alignment: align("center")}},
		{&st.header, excelize.Style{Font: font(11, true), Alignment: align("center"), Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}}},
		{&st.text, excelize.Style{Font: font(10, false), Alignment: align("left"), Border: border}},
		{&st.center, excelize.Style{Font: font(10, false), Alignment: align("center"), Border: border}},
		{&st.number, excelize.Style{Font: font(10, false), Alignment: align("center"), Border: border, CustomNumFmt: ptr("0.####")}},
		{&st.totalLabel, excelize.Style{Font: font(11, true), Alignment: align("center"), Border: border}},
		{&st.note, excelize.Style{Font: font(10, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}}},
	} {
		if *d.id, err = f.NewStyle(&d.s); err != nil {
			return st, err
		}
	}
	return st, nil
}

func ptr[T any](v T) *T { return &v }

// tableWriter writes the visible sheet of a scheme workbook.
type tableWriter struct {
	sheetWriter
	st sheetStyles
}

// mergeRow merges columns from..to of a row, styling every cell.
func (w *tableWriter) mergeRow(row, from, to int, v any, style int) {
	w.merge(from, row, to, row, v, style)
}

// table writes the title, the header, one row per item and the totals row.
func (w *tableWriter) table(s model.Scheme) {
	n := len(SchemeColumns)
	for i, wd := range schemeColWidths {
		w.do(w.f.SetColWidth(w.sheet, columnName(i+1), columnName(i+1), wd))
	}
	w.mergeRow(1, 1, n, s.Name, w.st.title)
	w.do(w.f.SetRowHeight(w.sheet, 1, 30))
	var sub []string
	if s.Version != "" {
		sub = append(sub, "版本："+s.Version)
	}
	sub = append(sub, "总分："+model.PointsText(s.Total))
	if s.Period != "" {
		sub = append(sub, "考核周期："+s.Period)
	}
	if len(s.Kinds) > 0 {
		sub = append(sub, "适用："+model.KindsText(s.Kinds))
	}
	w.mergeRow(2, 1, n, strings.Join(sub, "　　"), w.st.subtitle)
	for i, h := range SchemeColumns {
		w.set(i+1, headerRow, h, w.st.header)
	}
	w.do(w.f.SetRowHeight(w.sheet, headerRow, 22))
	w.row = headerRow

	var runStart int
	var runText string
	// closeRun merges the 类别 cells of the run of items ending at row last.
	closeRun := func(last int) {
		if runStart > 0 && last > runStart {
			w.do(w.f.MergeCell(w.sheet, cell(2, runStart), cell(2, last)))
		}
	}
	seq := 0
	s.Walk(func(path []*model.Section, it *model.Item) {
		seq++
		w.row++
		titles := make([]string, len(path))
		for i, sec := range path {
			titles[i] = sectionTitle(sec)
		}
		category := strings.Join(titles, "\n")
		shown := ""
		if category != runText || runStart == 0 {
			closeRun(w.row - 1)
			runStart, runText, shown = w.row, category, category
		}
		title := it.Title
		switch {
		case it.Bonus:
			title = BonusMark + title
		case it.Penalty:
			title = PenaltyMark + title
		}
		rule := RuleText(*it)
		cells := []any{seq, shown, title, it.Points.Float(), rule, it.Method,
			model.EffectiveDepartment(path, it), model.KindsText(model.EffectiveAppliesTo(path, it))}
		if it.Points.IsZero() && (it.Bonus || it.Penalty) {
			cells[3] = "不限"
		}
		styles := []int{w.st.center, w.st.center, w.st.text, w.st.number, w.st.text, w.st.text, w.st.center, w.st.center}
		for i, v := range cells {
			w.set(i+1, w.row, v, styles[i])
		}
		texts := []string{"", shown, title, "", rule, it.Method, "", ""}
		w.do(w.f.SetRowHeight(w.sheet, w.row, rowHeight(texts, 10)))
	})
	closeRun(w.row)

	w.row++
	w.mergeRow(w.row, 1, 3, "合计", w.st.totalLabel)
	w.set(4, w.row, s.Total.Float(), w.st.number)
	var outside string
	if hasItem(s, func(it *model.Item) bool { return it.Bonus || it.Penalty }) {
		outside = "加分项、减分项不计入合计"
	}
	if len(s.Kinds) > 1 {
		outside = strings.TrimPrefix(outside+"；按适用类型分别计满"+model.PointsText(s.Total), "；")
	}
	w.mergeRow(w.row, 5, n, outside, w.st.text)
	w.do(w.f.SetRowHeight(w.sheet, w.row, 20))
}

// notes writes the 说明 under the table: sources and weights, bands, and the
// scheme's notes.
func (w *tableWriter) notes(s model.Scheme) {
	var lines []string
	if s.Source != "" {
		lines = append(lines, "依据："+s.Source)
	}
	if len(s.Sources) > 0 {
		var ps []string
		for _, src := range s.Sources {
			ps = append(ps, src.Name+src.Weight.String()+"%")
		}
		lines = append(lines, "评分来源及权重："+strings.Join(ps, "，"))
	}
	if len(s.Bands) > 0 {
		var bs []string
		for _, b := range s.Bands {
			if b.MinStars != nil {
				bs = append(bs, b.Name+"：获得"+itoa(*b.MinStars)+"颗星及以上")
				continue
			}
			bs = append(bs, b.Name+"："+b.Range.Describe("分"))
		}
		lines = append(lines, "等次："+strings.Join(bs, "；"))
	}
	if hasItem(s, func(it *model.Item) bool { return it.Bonus }) {
		if s.BonusInGrade {
			lines = append(lines, "加分项计入等级考核分。")
		} else {
			lines = append(lines, "加分部分不计入等级考核分。")
		}
	}
	for _, nt := range s.Notes {
		lines = append(lines, nt.Text)
	}
	if len(lines) == 0 {
		return
	}
	n := len(SchemeColumns)
	w.row += 2
	w.mergeRow(w.row, 1, n, "说明：", w.st.note)
	for i, l := range lines {
		w.row++
		text := itoa(i+1) + ". " + l
		w.mergeRow(w.row, 1, n, text, w.st.note)
		w.do(w.f.SetRowHeight(w.sheet, w.row, min(lineHeight(10)*float64(lines1(text, totalWidth()))+4, maxRowHeight)))
	}
}

func hasItem(s model.Scheme, pred func(*model.Item) bool) bool {
	found := false
	s.Walk(func(_ []*model.Section, it *model.Item) { found = found || pred(it) })
	return found
}

// rowHeight estimates the height in points a row of wrapped texts needs in
// the columns' widths; Excel does not grow rows written by a program.
func rowHeight(texts []string, size float64) float64 {
	lines := 1
	for i, t := range texts {
		if t != "" {
			lines = max(lines, lines1(t, schemeColWidths[i]))
		}
	}
	return min(lineHeight(size)*float64(lines)+6, maxRowHeight)
}

// maxRowHeight is the tallest row Excel allows, in points.
const maxRowHeight = 409

func lineHeight(size float64) float64 { return size * 1.45 }

// lines1 counts the lines text takes in a column width characters wide.
func lines1(text string, width float64) int {
	usable := math.Max(width-1.5, 1)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range para {
			if r >= 0x1100 {
				w += 2
			} else {
				w += 1.1
			}
		}
		n += max(1, int(math.Ceil(w/usable)))
	}
	return n
}

func totalWidth() float64 {
	t := 0.0
	for _, w := range schemeColWidths {
		t += w
	}
	return t
}
