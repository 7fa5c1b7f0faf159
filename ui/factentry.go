package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/model/formspec"
)

// FactEntryScreen is the 录入考核事实与一票否决 window: the facts the
// schemes' caps, conditions and stars read (满意率, 换届逾期月数 …) as a
// grid of units, and of one branch's members when the member scheme has
// facts of its own (特别突出); the vetoes that occurred (一票否决) with
// their reason and document number; and the units' own stars (个性星) when
// the scheme has them. The grids are saved with 保存, each veto and own
// star in its own dialog.
type FactEntryScreen struct {
	entryScreen
	center   *fyne.Container // the tabs, once the data is read
	tabs     *container.AppTabs
	units    *entryGrid // nil: the unit scheme has no facts
	members  *entryGrid // nil: the period appraises no members, or they have no facts
	branch   *widget.Select
	branches []model.Unit // units in scope with members
	vetoes   *vetoPanel
	stars    *ownStarPanel // nil: the scheme has no own stars
}

// factLegend explains the fact grids.
const factLegend = "选中一格直接输入，回车确认并下移，Tab键右移，Esc键撤回。“是/否”栏填“是”或“否”，空白按“否”计；" +
	"百分比填数字即可（如92.5）。蓝色粗体：已修改、未保存；红字：填写有误，不会保存。满意率未录入时取满意度测评的结果。"

// showFactEntry opens 录入考核事实与一票否决 for a period; onSaved is called
// after each save.
func (m *MainWindow) showFactEntry(periodID int64, onSaved func()) *FactEntryScreen {
	return m.openFactEntry(m.office, periodID, onSaved)
}

// openFactEntry opens the window on desk.
func (m *MainWindow) openFactEntry(desk EntryDesk, periodID int64, onSaved func()) *FactEntryScreen {
	s := &FactEntryScreen{}
	m.openEntryWindow(&s.entryScreen, desk, periodID, "录入考核事实与一票否决", onSaved)
	s.center = container.NewStack(widget.NewLabel("正在读取……"))
	s.reloadFn = func() { s.load(s.refill) }
	s.show(s.center)
	s.load(s.build)
	return s
}

// build makes the tabs the period needs, then fills them.
func (s *FactEntryScreen) build() {
	p := s.data.Period
	var tabs []*container.TabItem
	heading := widget.NewLabelWithStyle(p.Name+" · 考核方案："+p.Scheme.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Truncation = fyne.TextTruncateEllipsis
	legend := widget.NewLabel(factLegend)
	legend.Wrapping = fyne.TextWrapWord
	if len(p.Scheme.Facts) > 0 {
		s.units = newEntryGrid(s.win, s.check, s.say, s.changed)
		s.units.setColumns(factColumns(p.Scheme.Facts))
		s.grids = append(s.grids, s.units)
		tabs = append(tabs, container.NewTabItem("考核事实", container.NewBorder(legend, nil, nil, nil, s.units.content)))
	} else {
		tabs = append(tabs, container.NewTabItem("考核事实", widget.NewLabel("本期考核方案没有需要录入的考核事实。")))
	}
	if ms := p.MemberScheme; ms != nil && len(ms.Facts) > 0 {
		s.members = newEntryGrid(s.win, s.check, s.say, s.changed)
		s.members.lead = [gridLead]string{"序号", "姓名"}
		s.members.setColumns(factColumns(ms.Facts))
		s.grids = append(s.grids, s.members)
		s.branch = newSelect(nil, s.onBranch)
		note := widget.NewLabel("党员事实按“" + ms.Name + "”录入；切换支部不会丢失已修改的内容，保存时一并保存。")
		note.Wrapping = fyne.TextWrapWord
		top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("党支部："), nil, s.branch), note)
		tabs = append(tabs, container.NewTabItem("党员事实", container.NewBorder(top, nil, nil, nil, s.members.content)))
	}
	s.vetoes = newVetoPanel(s)
	tabs = append(tabs, container.NewTabItem("一票否决", s.vetoes.content))
	if st := p.Scheme.Stars; st != nil && st.OwnSlots > 0 {
		s.stars = newOwnStarPanel(s)
		tabs = append(tabs, container.NewTabItem("个性星", s.stars.content))
	}
	s.tabs = newTabs(tabs...)
	s.center.Objects = []fyne.CanvasObject{container.NewBorder(heading, nil, nil, nil, s.tabs)}
	s.center.Refresh()
	s.refill()
	if s.units != nil {
		s.units.setRows(unitRows(s.data))
	}
	if s.members != nil {
		s.listBranches()
	}
}

// refill shows the values that stand now, keeping unsaved edits.
func (s *FactEntryScreen) refill() {
	if s.units != nil {
		s.fillFacts(s.units, s.data.Period.Scheme.Facts, model.SubjectUnit)
		s.units.setReadOnly(s.readOnly())
	}
	if s.members != nil {
		s.fillFacts(s.members, s.data.Period.MemberScheme.Facts, model.SubjectMember)
		s.members.setReadOnly(s.readOnly())
	}
	s.vetoes.refill()
	if s.stars != nil {
		s.stars.refill()
	}
	s.changed()
}

// factColumns are the columns of a fact grid, one per fact.
func factColumns(facts []model.FactDef) []gridCol {
	cols := make([]gridCol, len(facts))
	for i, f := range facts {
		sub := f.Unit
		if f.Flag {
			sub = "是/否"
		}
		full := f.Label
		if sub != "" {
			full += "（" + sub + "）"
		}
		cols[i] = gridCol{title: f.Label, sub: sub, kind: model.EntryFact, name: f.Name, flag: f.Flag,
			what: "“" + f.Label + "”", full: full}
		cols[i].width = columnWidth(f.Label, sub)
	}
	return cols
}

// fillFacts puts in g the facts that stand for subjects of kind: the last
// entry, else, for 满意率, the 满意度测评's result.
func (s *FactEntryScreen) fillFacts(g *entryGrid, facts []model.FactDef, kind model.SubjectKind) {
	at := map[string]int{}
	for i, f := range facts {
		at[f.Name] = i
	}
	g.current, g.origin = map[cellKey]string{}, map[cellKey]string{}
	d := s.data
	if c, ok := at[formspec.SatisfactionFact]; ok && kind == model.SubjectUnit {
		for si := range d.Accepted {
			sub := &d.Accepted[si]
			for vi := range sub.Values {
				if v := &sub.Values[vi]; v.Source == formspec.SourceBallot && v.Field == formspec.SatisfactionFact {
					k := cellKey{v.Subject, c}
					g.current[k], g.origin[k] = v.Value, formOrigin(sub, v)
				}
			}
		}
	}
	for i := range d.Entries {
		e := &d.Entries[i]
		c, ok := at[e.Name]
		if k, _ := formspec.SubjectKindOf(e.Subject); !ok || k != kind || e.Kind != model.EntryFact || e.Cleared() {
			continue
		}
		g.current[cellKey{e.Subject, c}], g.origin[cellKey{e.Subject, c}] = e.Value, entryOrigin(e)
	}
	g.table.Refresh()
	g.loadBar()
}

// listBranches offers the units in scope that have members.
func (s *FactEntryScreen) listBranches() {
	has := map[int64]bool{}
	for _, mb := range s.data.Members {
		has[mb.UnitID] = true
	}
	byID := map[int64]model.Unit{}
	for _, u := range s.data.Units {
		byID[u.ID] = u
	}
	s.branches = s.branches[:0]
	var names []string
	for _, id := range s.data.Period.Units {
		if u, ok := byID[id]; ok && has[id] {
			s.branches = append(s.branches, u)
			names = append(names, u.Name+"（"+u.Code+"）")
		}
	}
	s.branch.Options = names
	if len(names) > 0 {
		s.branch.SetSelectedIndex(0) // calls onBranch
	}
}

// onBranch shows the members of the branch chosen; edits of another
// branch's members stay.
func (s *FactEntryScreen) onBranch(string) {
	i := s.branch.SelectedIndex()
	if i < 0 || i >= len(s.branches) {
		return
	}
	u := s.branches[i]
	var rows []gridRow
	for _, mb := range s.data.Members {
		if mb.UnitID == u.ID {
			rows = append(rows, gridRow{subject: formspec.MemberSubject(mb.ID).String(),
				code: strconv.Itoa(len(rows) + 1), name: mb.Name, who: "党员 " + mb.Name + "（" + u.Name + "）"})
		}
	}
	s.members.setRows(rows)
}
