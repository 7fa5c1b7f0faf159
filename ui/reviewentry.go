package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/model/formspec"
)

// ReviewEntryScreen is the 录入考评得分 window: the committee's review
// scores typed directly, a department at a time (each sees and changes only
// the items it owns), a row per unit in scope and a column per field of
// each item. Each cell shows the review value that stands — the last entry
// made here, else the department's 考评表 — with the unit's own 自评 greyed
// beside it; a large gap between the two is marked (see largeGap).
type ReviewEntryScreen struct {
	entryScreen
	depts      []string
	dept       string
	heading    *widget.Label
	deptRow    *fyne.Container
	deptSelect *widget.Select
	legend     *widget.Label
	grid       *entryGrid
}

// reviewLegend explains the grid's marks and keys.
const reviewLegend = "选中一格直接输入，回车确认并下移，Tab键右移，Esc键撤回；灰色小字是党组织的自评分。" +
	"橙色底：自评与考评相差达到该项分值的20%及以上；蓝色粗体：已修改、未保存；红字：填写有误，不会保存；“—”：该项不适用于这个党组织。"

// gapShare is the share of an item's 分值 from which a gap between the
// self and the review score is marked: 20%.
const gapShare = 20

// showReviewEntry opens 录入考评得分 for a period; onSaved is called after
// each save (the results screen recomputes).
func (m *MainWindow) showReviewEntry(periodID int64, onSaved func()) *ReviewEntryScreen {
	return m.openReviewEntry(m.office, periodID, onSaved)
}

// openReviewEntry opens the window on desk.
func (m *MainWindow) openReviewEntry(desk EntryDesk, periodID int64, onSaved func()) *ReviewEntryScreen {
	s := &ReviewEntryScreen{}
	m.openEntryWindow(&s.entryScreen, desk, periodID, "录入考评得分", onSaved)
	s.grid = newEntryGrid(s.win, s.check, s.say, s.changed)
	s.grid.gap = s.largeGap
	s.grids = []*entryGrid{s.grid}
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.heading.Truncation = fyne.TextTruncateEllipsis
	s.deptSelect = newSelect(nil, s.onDept)
	s.deptRow = container.NewBorder(nil, nil, widget.NewLabel("考评部门："), nil, s.deptSelect)
	s.deptRow.Hide()
	s.legend = widget.NewLabel(reviewLegend)
	s.legend.Wrapping = fyne.TextWrapWord
	s.reloadFn = func() { s.load(s.fill) }
	s.show(container.NewBorder(container.NewVBox(s.heading, s.deptRow, s.legend), nil, nil, nil, s.grid.content))
	s.load(s.fill)
	return s
}

// fill lists the departments and shows the chosen one's items.
func (s *ReviewEntryScreen) fill() {
	p := s.data.Period
	s.heading.SetText(p.Name + " · 考核方案：" + p.Scheme.Name)
	s.depts = p.Departments()
	if len(s.depts) == 0 {
		s.say("本期考核方案没有由考评打分的项目，无需录入考评得分。", false)
		return
	}
	keep := false
	labels := make([]string, len(s.depts))
	for i, d := range s.depts {
		labels[i] = model.DeptLabel(d)
		keep = keep || d == s.dept
	}
	if !keep {
		s.dept = s.depts[0]
	}
	s.deptSelect.Options = labels
	s.deptSelect.Selected = model.DeptLabel(s.dept)
	s.deptSelect.Refresh()
	if len(s.depts) > 1 {
		s.deptRow.Show()
	} else {
		s.deptRow.Hide()
	}
	s.showDept()
}

// onDept switches to the department chosen, asking first when edits of
// the one shown would be lost.
func (s *ReviewEntryScreen) onDept(string) {
	i := s.deptSelect.SelectedIndex()
	if i < 0 || i >= len(s.depts) || s.depts[i] == s.dept {
		return
	}
	want := s.depts[i]
	s.deptSelect.Selected = model.DeptLabel(s.dept) // until the clerk agrees
	s.deptSelect.Refresh()
	s.askDiscard(func() {
		s.dept = want
		s.deptSelect.Selected = model.DeptLabel(want)
		s.deptSelect.Refresh()
		s.showDept()
	})
}

// showDept fills the grid with the department's items and the values that
// stand.
func (s *ReviewEntryScreen) showDept() {
	d := s.data
	kinds := map[string]model.UnitKind{}
	for _, u := range d.Units {
		kinds[formspec.UnitSubject(u.ID).String()] = u.Kind
	}
	var cols []gridCol
	at := map[[2]string]int{} // item code, field → column
	for _, fi := range formspec.ReviewItems(&d.Period.Scheme, s.dept) {
		it, path := fi.Item, fi.Path
		fields := model.ItemFields(it)
		num := s.names.numbers[it.Code]
		title := strings.TrimSpace(num + " " + shortTitle(it.Title))
		applies := func(subject string) bool {
			return model.AppliesToKind(model.EffectiveAppliesTo(path, it), kinds[subject])
		}
		for _, fd := range fields {
			c := gridCol{title: title, kind: model.EntryScore, name: it.Code, field: fd.Name, dept: s.dept,
				flag: fd.Kind == model.FieldFlag, applies: applies}
			label := fd.Label
			if fd.Unit != "" && fd.Kind != model.FieldFlag && fd.Kind != model.FieldScore {
				label += "（" + fd.Unit + "）"
			}
			c.sub = label
			if fd.Kind == model.FieldScore {
				c.points = it.Points
				c.sub = "得分（" + model.PointsText(it.Points) + "）"
				if it.Points.IsZero() {
					c.sub = "得分"
				}
			}
			c.what = title
			c.full = strings.TrimSpace(num+" "+it.Title) + "（" + model.PointsText(it.Points) + "）"
			if len(fields) > 1 || fd.Kind != model.FieldScore {
				c.what += "的“" + fd.Label + "”"
				c.full += " · " + label
			}
			c.width = columnWidth(c.title, c.sub)
			at[[2]string{it.Code, fd.Name}] = len(cols)
			cols = append(cols, c)
		}
	}
	g := s.grid
	g.setColumns(cols)
	g.current, g.origin, g.beside = map[cellKey]string{}, map[cellKey]string{}, map[cellKey]string{}
	for si := range d.Accepted {
		sub := &d.Accepted[si]
		for vi := range sub.Values {
			v := &sub.Values[vi]
			c, ok := at[[2]string{v.Item, v.Field}]
			if !ok || v.Item == "" {
				continue
			}
			k := cellKey{v.Subject, c}
			switch v.Source {
			case model.SourceReview:
				g.current[k], g.origin[k] = v.Value, formOrigin(sub, v)
			case model.SourceSelf:
				g.beside[k] = v.Value
			}
		}
	}
	for i := range d.Entries {
		e := &d.Entries[i]
		if c, ok := at[[2]string{e.Name, e.Field}]; ok && e.Kind == model.EntryScore && !e.Cleared() {
			k := cellKey{e.Subject, c}
			g.current[k], g.origin[k] = e.Value, entryOrigin(e)
		}
	}
	g.setRows(unitRows(d))
	g.setReadOnly(s.readOnly())
	s.changed()
}

// largeGap is the rule that marks a cell amber: for a score field of an
// item with a 分值, the unit's self score and the review score differ by
// gapShare (20%) of the 分值 or more — 4 points or more on a 20-point
// item. Counts, rates and 是/否 fields are never marked: they have no 分值
// to measure a gap by.
func (s *ReviewEntryScreen) largeGap(col int, value, beside string) bool {
	c := s.grid.cols[col]
	if c.points.Sign() <= 0 {
		return false
	}
	a, err1 := model.ParseDecimal(value)
	b, err2 := model.ParseDecimal(beside)
	if err1 != nil || err2 != nil {
		return false
	}
	diff := a.Sub(b)
	if diff.Sign() < 0 {
		diff = diff.Neg()
	}
	return !diff.MulInt(100).Less(c.points.MulInt(gapShare))
}

// shortTitle is an item's title up to its first colon or comma, at most
// ten characters: "服务政策宣传星".
func shortTitle(t string) string {
	if i := strings.IndexAny(t, "：:，,（(。"); i > 0 {
		t = t[:i]
	}
	return shorten(t, 10)
}

// columnWidth fits a column to the longest of its texts, within limits.
func columnWidth(texts ...string) float32 {
	w := float32(0)
	for _, l := range texts {
		w = max(w, fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	return min(max(w+6*theme.Padding(), 120), 240)
}
