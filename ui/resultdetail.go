package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
	"xingji/scoring/period"
)

// resultDetail is the 明细 pane of the results: the chosen unit's items
// with its self score beside the review and the final score, or the chosen
// member's sources; then the totals, band, stars and rank. Each line opens
// to how its number was made and the cells it came from.
type resultDetail struct {
	s       *ResultsScreen
	content fyne.CanvasObject
	top     *fyne.Container
	title   *widget.Label
	next    *widget.Label
	gaps    *widget.Label
	table   *rowTable
	explain *widget.Button

	res    *period.Results
	row    resultRow
	lines  []detailLine
	chosen int
	// dialog is the last explanation opened, for tests.
	dialog dialog.Dialog
	// explained is its text, for tests.
	explained string
}

// detailLine is one line of the detail: an item, a source, or a total.
type detailLine struct {
	label        string
	max          string
	self, review string // the self and review scores of an item ("" none)
	score        string
	why          []scoring.Step
	item         string // the item whose inputs to trace; "" for a total
	source       string // the source whose inputs to trace (a member's line)
	inputs       bool   // trace every input of the subject (the band line)
	gap          bool   // self and review far apart
	flagged      bool   // its explanation holds something the office must look at
}

// detailColumns are the detail's columns.
var detailColumns = []column{{"项目", 210}, {"分值", 52}, {"自评", 56}, {"考评", 56}, {"得分", 96}}

func newResultDetail(s *ResultsScreen) *resultDetail {
	d := &resultDetail{s: s, chosen: -1}
	d.title = widget.NewLabel("在左侧选中一个党组织或党员，查看各项得分；双击一行或按“查看计算过程…”看每个数是怎么来的。")
	d.title.Wrapping = fyne.TextWrapWord
	d.title.TextStyle.Bold = true
	d.next = wrapLabel("")
	d.gaps = wrapLabel("")
	d.next.Hide()
	d.gaps.Hide()
	d.table = newRowTable(detailColumns, func() int { return len(d.lines) }, d.cell, func() int { return d.chosen })
	d.table.style = func(row, col int) (bool, color.Color) {
		l := d.lines[row]
		if l.gap && (col == 2 || col == 3) || l.flagged && col == 4 {
			return true, amber
		}
		return l.item == "" && l.source == "", nil
	}
	d.table.OnSelected = safely1(func(id widget.TableCellID) {
		if id.Row >= len(d.lines) {
			d.table.UnselectAll()
			return
		}
		d.chosen = id.Row
		d.table.Refresh()
		d.explain.Enable()
	})
	d.table.onOpen = safely(d.openChosen)
	d.explain = newIconButton("查看计算过程…", theme.InfoIcon(), d.openChosen)
	d.explain.Disable()
	d.top = container.NewVBox(d.title, d.next, d.gaps)
	d.content = container.NewBorder(d.top, container.NewHBox(d.explain), nil, nil, d.table)
	return d
}

// clear empties the pane.
func (d *resultDetail) clear() {
	d.res, d.row, d.lines, d.chosen = nil, resultRow{}, nil, -1
	d.title.SetText("在左侧选中一个党组织或党员，查看各项得分；双击一行或按“查看计算过程…”看每个数是怎么来的。")
	d.next.SetText("")
	d.gaps.SetText("")
	d.next.Hide()
	d.gaps.Hide()
	d.explain.Disable()
	d.table.padAfter(0)
	d.table.Refresh()
}

// show fills the pane for a row of the ranking.
func (d *resultDetail) show(res *period.Results, r resultRow) {
	d.res, d.row, d.chosen = res, r, -1
	d.explain.Disable()
	d.table.UnselectAll()
	gaps := res.Inputs.Gaps[r.key]
	if r.absent != nil {
		d.title.SetText(r.name + "：未计分")
		d.next.SetText(r.absent.Why)
		d.lines = nil
	} else {
		sub := r.sub
		rank := "不参加排名"
		if sub.Rank > 0 {
			rank = fmt.Sprintf("第%d名", sub.Rank)
		}
		d.title.SetText(fmt.Sprintf("%s：总分 %s 分，等级总分 %s 分，%s，%s", r.name, sub.Total, sub.Grade, bandText(r), rank))
		d.next.SetText(r.next.Sentence())
		d.lines = d.linesOf(res, r)
		// A member's lines are sources: no 分值, 自评 or 考评 beside them.
		kind, _ := formspec.SubjectKindOf(r.key)
		for c := 1; c <= 3; c++ {
			w, title := detailColumns[c].width, detailColumns[c].title
			if kind == model.SubjectMember {
				w, title = 0, ""
			}
			d.table.cols[c].title = title
			d.table.SetColumnWidth(c, w)
		}
		d.table.SetColumnWidth(0, detailColumns[0].width+map[bool]float32{true: 164}[kind == model.SubjectMember])
	}
	var notes []string
	if len(gaps) > 0 {
		short := make([]string, len(gaps))
		for i, g := range gaps {
			short[i], _, _ = strings.Cut(g, "：") // what is missing; the rule is in 缺少材料
		}
		notes = append(notes, "缺少："+strings.Join(short, "；")+"（按方案如何处理，见“缺少材料”）")
	}
	if r.sub != nil && len(r.sub.Issues) > 0 {
		notes = append(notes, "需要注意："+strings.Join(r.sub.Issues, "；"))
	}
	d.gaps.SetText(strings.Join(notes, "\n"))
	showIf(d.next, d.next.Text != "")
	showIf(d.gaps, d.gaps.Text != "")
	d.content.Refresh() // lay the lines out again: one may have appeared
	d.table.padAfter(len(d.lines))
	d.table.Refresh()
}

// linesOf builds the detail lines of a scored subject.
func (d *resultDetail) linesOf(res *period.Results, r resultRow) []detailLine {
	sub := r.sub
	var lines []detailLine
	kind, _ := formspec.SubjectKindOf(r.key)
	member := kind == model.SubjectMember
	if !member {
		byItem := map[string][]period.Origin{}
		for _, o := range res.Trace(r.key, "") {
			byItem[o.Item] = append(byItem[o.Item], o)
		}
		for _, it := range sub.Items {
			l := detailLine{label: res.ItemName(r.key, it.Item), max: it.Max.String(), score: it.Score.String(), why: it.Why, item: it.Item}
			l.self, l.review = scoreOf(byItem[it.Item], model.SourceSelf), scoreOf(byItem[it.Item], model.SourceReview)
			l.gap = farApart(l.self, l.review, it.Max)
			if l.flagged = hasIssue(it.Why); l.flagged {
				l.label = "【需注意】" + l.label
			}
			lines = append(lines, l)
		}
	}
	for _, src := range sub.Sources {
		if member {
			score := src.Subtotal.String()
			if !src.Present {
				score = "未评"
			}
			lines = append(lines, detailLine{label: fmt.Sprintf("%s（%d人，权重%s%%）", src.Name, src.Raters, src.Weight),
				score: score, why: src.Why, source: src.Source})
		}
	}
	if !sub.Bonus.IsZero() {
		lines = append(lines, detailLine{label: "加分", score: sub.Bonus.String()})
	}
	if !sub.Penalty.IsZero() {
		lines = append(lines, detailLine{label: "扣分", score: sub.Penalty.String()})
	}
	lines = append(lines,
		detailLine{label: "等级总分", score: sub.Grade.String(), why: sub.GradeWhy},
		detailLine{label: "等次", score: bandText(r), why: sub.BandWhy, inputs: true})
	for _, st := range sub.Stars {
		earned := "未得"
		if st.Earned {
			earned = "得星"
		}
		lines = append(lines, detailLine{label: st.Name, score: earned, why: st.Why})
	}
	rank := "—"
	if sub.Rank > 0 {
		rank = fmt.Sprint(sub.Rank)
	}
	lines = append(lines, detailLine{label: "名次", score: rank, why: sub.RankWhy})
	return lines
}

// hasIssue reports whether steps hold something the office must look at
// (a score in no row of a threshold table, a band no range holds …).
func hasIssue(steps []scoring.Step) bool {
	for _, st := range steps {
		if st.Kind == scoring.StepIssue || hasIssue(st.Steps) {
			return true
		}
	}
	return false
}

// scoreOf is the score a source gave an item, from its traced inputs (""
// when it gave none, or gave counts rather than a score).
func scoreOf(os []period.Origin, source string) string {
	v := ""
	for _, o := range os {
		if o.Source == source && o.Field == "score" && !o.Replaced {
			v = o.Value
		}
	}
	return v
}

// farApart reports whether self and review differ by at least a fifth of
// the item's points: the gap the office looks at first.
func farApart(self, review string, max model.Decimal) bool {
	a, err1 := model.ParseDecimal(self)
	b, err2 := model.ParseDecimal(review)
	if err1 != nil || err2 != nil || max.IsZero() {
		return false
	}
	gap := a.Sub(b)
	if gap.Sign() < 0 {
		gap = gap.Neg()
	}
	return !gap.MulInt(5).Less(max)
}

// cell is the text of one cell of the detail.
func (d *resultDetail) cell(row, col int) string {
	l := d.lines[row]
	switch col {
	case 0:
		return l.label
	case 1:
		return l.max
	case 2:
		return l.self
	case 3:
		return l.review
	case 4:
		return l.score
	}
	return ""
}

// openGrade opens the explanation of the subject's 等级总分: a double
// click or Enter on a row of the ranking.
func (d *resultDetail) openGrade() {
	for i, l := range d.lines {
		if l.label == "等级总分" {
			d.chosen = i
			d.table.Refresh()
			d.explain.Enable()
			d.openChosen()
			return
		}
	}
}

// openChosen opens the chosen line's explanation.
func (d *resultDetail) openChosen() {
	if d.res == nil || d.chosen < 0 || d.chosen >= len(d.lines) {
		return
	}
	l := d.lines[d.chosen]
	var b strings.Builder
	fmt.Fprintf(&b, "%s：%s", l.label, l.score)
	if l.max != "" {
		fmt.Fprintf(&b, "（分值 %s）", l.max)
	}
	b.WriteString("\n\n计算过程：\n")
	b.WriteString(stepsLines(l.why, 1))
	var origins []period.Origin
	switch {
	case l.item != "":
		origins = d.res.Trace(d.row.key, l.item)
	case l.source != "":
		for _, o := range d.res.Trace(d.row.key, "") {
			if o.Source == l.source {
				origins = append(origins, o)
			}
		}
	case l.inputs:
		for _, o := range d.res.Trace(d.row.key, "") {
			if o.Item == "" && o.Source != model.SourceSelf && o.Source != model.SourceReview {
				origins = append(origins, o)
			}
		}
	}
	if len(origins) > 0 {
		b.WriteString("\n数值来源：\n")
		for _, o := range origins {
			line := "  " + d.res.What(o) + " " + o.Value + "——" + o.Where()
			if o.Replaced {
				line += "（已被录入的数值替换，不计）"
			}
			b.WriteString(line + "\n")
		}
	}
	d.explained = b.String()
	text := widget.NewLabel(d.explained)
	text.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(d.row.name+" · 计算过程", "关闭", container.NewVScroll(text), d.s.m.win)
	dlg.Resize(fitWindow(d.s.m.win, fyne.NewSize(760, 520)))
	d.dialog = dlg
	dlg.Show()
}
