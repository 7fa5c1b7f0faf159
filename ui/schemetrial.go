package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/scoring"
)

// TrialPanel is the 试算 tab: the office enters, for one subject, what each
// item needs (a score, counts, a rate, requirements met), presses 计算 and
// sees each item's points with the engine's explanation beside it, and the
// total, band and caps. Every source of the scheme is given the same
// entries, so the weighted result equals what was entered.
type TrialPanel struct {
	s       *SchemesScreen
	content fyne.CanvasObject

	kind      *widget.Select // unit kind, for unit schemes
	kindLabel *widget.Label
	calc      *widget.Button
	rows      *fyne.Container
	summary   *widget.Label
	items     []*trialItem
	facts     []*trialValue
	vetoes    []*trialFlag
	result    *scoring.SubjectResult // the last result (a test hook)
}

// trialItem is one item's row: its inputs and, after 计算, its points and why.
type trialItem struct {
	it      model.Item
	applies []model.UnitKind
	row     fyne.CanvasObject
	score   *textEntry // manual rules
	values  []*trialValue
	flags   []*trialFlag
	levels  []*trialFlag
	points  *widget.Label
	why     *widget.Label
}

// trialValue is a named number entered in an entry.
type trialValue struct {
	name, label string
	entry       *textEntry
	check       *widget.Check // a yes/no fact
}

// trialFlag is a named condition or award level ticked in a check.
type trialFlag struct {
	name  string
	check *widget.Check
}

func newTrialPanel(s *SchemesScreen) *TrialPanel {
	p := &TrialPanel{s: s}
	p.kind = newSelect(nil, func(string) {
		p.showApplicable()
		p.clearResults()
	})
	p.kind.PlaceHolder = "请选择"
	p.kindLabel = widget.NewLabel("党组织类型")
	p.calc = newButton("计算", p.onCalc)
	p.calc.Importance = widget.HighImportance
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.rows = container.NewVBox()
	hint := widget.NewLabel("逐项填写后按“计算”或回车。各评分来源按相同数值试算；空着的项目按未填写处理。")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	bar := container.NewHBox(p.kindLabel, p.kind, p.calc)
	p.content = container.NewBorder(container.NewVBox(bar, hint), nil, nil, nil,
		container.NewVScroll(container.NewVBox(p.summary, p.rows)))
	return p
}

// rebuild makes a row for every item of the screen's working copy.
func (p *TrialPanel) rebuild() {
	sc := &p.s.current
	p.items, p.facts, p.vetoes, p.result = nil, nil, nil, nil
	p.summary.SetText("")
	p.rows.RemoveAll()
	if p.s.chosen < 0 {
		return
	}
	if sc.Subject == model.SubjectUnit {
		kinds := sc.Kinds
		if len(kinds) == 0 {
			kinds = model.UnitKinds
		}
		var opts []string
		for _, k := range kinds {
			opts = append(opts, string(k))
		}
		p.kind.Options = opts
		p.kind.SetSelected(opts[0])
		p.kind.Show()
		p.kindLabel.Show()
	} else {
		p.kind.Options = nil
		p.kind.ClearSelected()
		p.kind.Hide()
		p.kindLabel.Hide()
	}
	var last *model.Section
	sc.Walk(func(path []*model.Section, it *model.Item) {
		if sec := path[len(path)-1]; sec != last {
			last = sec
			var titles []string
			for _, s := range path {
				titles = append(titles, s.Title)
			}
			p.rows.Add(wrapped(widget.NewLabelWithStyle(strings.Join(titles, " › "), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})))
		}
		ti := p.newItem(*it, model.EffectiveAppliesTo(path, it))
		p.items = append(p.items, ti)
		p.rows.Add(ti.row)
	})
	if len(sc.Facts) > 0 || len(sc.Vetoes) > 0 {
		p.rows.Add(widget.NewLabelWithStyle("事实情况和一票否决", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, f := range sc.Facts {
		v := &trialValue{name: f.Name, label: f.Label}
		if f.Flag {
			var row fyne.CanvasObject
			v.check, row = p.newCheck(f.Label)
			p.rows.Add(row)
		} else {
			v.entry = p.newEntry()
			v.entry.PlaceHolder = f.Unit
			p.rows.Add(container.NewGridWithColumns(2, wrapLabel(f.Label), v.entry))
		}
		p.facts = append(p.facts, v)
	}
	for _, vt := range sc.Vetoes {
		f := &trialFlag{name: vt.Code}
		var row fyne.CanvasObject
		f.check, row = p.newCheck("发生：" + vt.Title)
		p.vetoes = append(p.vetoes, f)
		p.rows.Add(row)
	}
	p.showApplicable()
}

// newItem builds one item's row with the inputs its rule reads.
func (p *TrialPanel) newItem(it model.Item, applies []model.UnitKind) *trialItem {
	ti := &trialItem{it: it, applies: applies}
	title := widget.NewLabel(namesOf(&p.s.current).item(&it) + "（" + it.Points.String() + "分）")
	title.Wrapping = fyne.TextWrapWord
	rule := widget.NewLabel(ruleText(&it))
	rule.Wrapping = fyne.TextWrapWord
	inputs := container.NewVBox()
	if len(it.EnteredBy) == 1 && it.EnteredBy[0] == model.SourceFacts {
		inputs.Add(wrapLabel("按下方“事实情况”计算"))
	} else {
		ti.addInputs(p, &it.Rule, inputs)
	}
	ti.points = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ti.why = widget.NewLabel("")
	ti.why.Wrapping = fyne.TextWrapWord
	ti.row = container.NewVBox(container.NewGridWithColumns(3,
		container.NewVBox(title, rule), inputs, container.NewVBox(ti.points, ti.why)), widget.NewSeparator())
	return ti
}

// addInputs adds the widgets rule r reads (recursing into parts).
func (ti *trialItem) addInputs(p *TrialPanel, r *model.Rule, box *fyne.Container) {
	value := func(name, label string) {
		for _, v := range ti.values {
			if v.name == name {
				return
			}
		}
		v := &trialValue{name: name, label: label, entry: p.newEntry()}
		l := widget.NewLabel(label)
		l.Wrapping = fyne.TextWrapWord
		ti.values = append(ti.values, v)
		box.Add(l)
		box.Add(v.entry)
	}
	flag := func(list *[]*trialFlag, name, label string) {
		f := &trialFlag{name: name}
		var row fyne.CanvasObject
		f.check, row = p.newCheck(label)
		*list = append(*list, f)
		box.Add(row)
	}
	switch r.Kind {
	case model.RuleManual, "":
		if ti.score == nil {
			ti.score = p.newEntry()
			ti.score.PlaceHolder = "得分，0至" + ti.it.Points.String()
			box.Add(ti.score)
		}
	case model.RuleDeduct:
		if t := r.Deduct.Start; t != nil {
			value(t.Input, t.Label+unitText(t.Unit))
		}
		for _, c := range r.Deduct.Clauses {
			if c.Required != nil {
				value(c.Input, c.Label+"（实际次数，应不少于"+c.Required.String()+"次）")
			} else {
				value(c.Input, c.Label+"（次数）")
			}
		}
		for _, f := range r.Deduct.ZeroIf {
			flag(&ti.flags, f.Name, "出现："+f.Label)
		}
	case model.RuleAllOrNothing:
		for _, f := range r.All.Requires {
			flag(&ti.flags, f.Name, "已做到："+f.Label)
		}
	case model.RuleTable:
		value(r.Table.Input, r.Table.Label+unitText(r.Table.Unit))
	case model.RuleLevels:
		for _, l := range r.Levels.Levels {
			flag(&ti.levels, l.Code, l.Name+"（"+l.Points.String()+"分）")
		}
	case model.RuleEvents:
		for _, e := range r.Events.Events {
			value(e.Input, e.Label+"（次数）")
		}
	case model.RuleProportional:
		value(r.Proportional.Input, r.Proportional.Label+"（满分"+r.Proportional.OutsideMax.String()+"）")
	case model.RuleFormula:
		for _, v := range r.Formula.Vars {
			value(v.Name, v.Label+unitText(v.Unit))
		}
	case model.RuleParts:
		for i := range r.Parts {
			box.Add(wrapped(widget.NewLabelWithStyle(r.Parts[i].Title, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})))
			ti.addInputs(p, &r.Parts[i].Rule, box)
		}
	}
}

func unitText(u string) string {
	if u == "" {
		return ""
	}
	return "（" + u + "）"
}

// showApplicable hides the items that do not apply to the chosen kind.
func (p *TrialPanel) showApplicable() {
	k := model.UnitKind(p.kind.Selected)
	for _, ti := range p.items {
		if k == "" || model.AppliesToKind(ti.applies, k) {
			ti.row.Show()
		} else {
			ti.row.Hide()
		}
	}
}

// subject reads the entries into one subject; an error names the item.
func (p *TrialPanel) subject() (scoring.Subject, error) {
	sub := scoring.Subject{ID: "trial", Name: "试算对象", Kind: model.UnitKind(p.kind.Selected)}
	num := func(where, label, text string) (model.Decimal, bool, error) {
		text = strings.TrimSpace(text)
		if text == "" {
			return model.Decimal{}, false, nil
		}
		d, err := model.ParseDecimal(strings.TrimSuffix(text, "%"))
		if err != nil {
			return d, false, model.FieldErrorf("Trial", "%s的“%s”填写的“%s”不是数字", where, label, text)
		}
		return d, true, nil
	}
	var inputs []scoring.ItemInput
	names := namesOf(&p.s.current)
	for _, ti := range p.items {
		if !ti.row.Visible() {
			continue
		}
		in := scoring.ItemInput{Item: ti.it.Code}
		where := names.label(&ti.it)
		if ti.score != nil {
			d, ok, err := num(where, "得分", ti.score.Text)
			if err != nil {
				return sub, err
			}
			if ok {
				in.Score = d.P()
			}
		}
		for _, v := range ti.values {
			d, ok, err := num(where, v.label, v.entry.Text)
			if err != nil {
				return sub, err
			}
			if ok {
				in.Values = in.Values.Set(v.name, d)
			}
		}
		for _, f := range ti.flags {
			if f.check.Checked {
				in.Flags = append(in.Flags, f.name)
			}
		}
		for _, f := range ti.levels {
			if f.check.Checked {
				in.Levels = append(in.Levels, f.name)
			}
		}
		inputs = append(inputs, in)
	}
	for _, src := range p.s.current.Sources {
		var mine []scoring.ItemInput
		for _, in := range inputs {
			it := p.s.current.Item(in.Item)
			if len(it.EnteredBy) == 0 || containsString(it.EnteredBy, src.Code) {
				mine = append(mine, in)
			}
		}
		sub.Sources = append(sub.Sources, scoring.SourceInput{Source: src.Code,
			Ratings: []scoring.Rating{{Rater: "试算", Items: mine}}})
	}
	for _, f := range p.facts {
		if f.check != nil {
			if f.check.Checked {
				sub.Facts = sub.Facts.Set(f.name, model.Dec(1))
			}
			continue
		}
		d, ok, err := num("事实情况", f.label, f.entry.Text)
		if err != nil {
			return sub, err
		}
		if ok {
			sub.Facts = sub.Facts.Set(f.name, d)
		}
	}
	for _, v := range p.vetoes {
		if v.check.Checked {
			sub.Vetoes = append(sub.Vetoes, v.name)
		}
	}
	return sub, nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// newEntry returns an entry of the panel: Enter runs 试算, typing clears
// the last results (they no longer match the inputs).
func (p *TrialPanel) newEntry() *textEntry {
	e := newEntry()
	e.OnSubmitted = safely1(func(string) { p.onCalc() })
	e.OnChanged = safely1(func(string) { p.clearResults() })
	return e
}

// newCheck returns a check of the panel and its row, the label beside it
// wrapping (a check's own text would not, and would widen the window);
// ticking it clears the last results.
func (p *TrialPanel) newCheck(label string) (*widget.Check, fyne.CanvasObject) {
	c := newCheck("", func(bool) { p.clearResults() })
	return c, container.NewBorder(nil, nil, c, nil, wrapLabel(label))
}

// clearResults removes every result shown, so that no result stands beside
// inputs it was not computed from.
func (p *TrialPanel) clearResults() {
	if p.result == nil && p.summary.Text == "" {
		return
	}
	p.result = nil
	p.summary.SetText("")
	for _, ti := range p.items {
		ti.points.SetText("")
		ti.why.SetText("")
	}
}

// onCalc scores the subject and shows each item's points with its why.
// Inputs that cannot be read clear the last results and say why.
func (p *TrialPanel) onCalc() {
	names := namesOf(&p.s.current)
	sub, err := p.subject()
	if err != nil {
		p.clearResults()
		p.summary.SetText(names.text(model.ErrorMessage(err)))
		return
	}
	eng, ps := scoring.Compile(p.s.current)
	if eng == nil {
		p.clearResults()
		p.summary.SetText("方案有严重问题，不能试算：" + names.text(ps.Fatal().Error()))
		return
	}
	res := eng.Score(scoring.Input{Period: "试算", Subjects: []scoring.Subject{sub}})
	r := res.Subjects[0]
	p.result = &r
	byCode := map[string]scoring.ItemResult{}
	for _, ir := range r.Items {
		byCode[ir.Item] = ir
	}
	for _, ti := range p.items {
		ir, ok := byCode[ti.it.Code]
		if !ok {
			ti.points.SetText("")
			ti.why.SetText("")
			continue
		}
		ti.points.SetText("得分 " + ir.Score.String() + " 分（分值 " + ir.Max.String() + "）")
		ti.why.SetText(names.text(stepsText(ir.Why, 0)))
	}
	p.summary.SetText(names.text(p.summaryText(&r)))
}

// summaryText writes the total, band, caps, stars and issues.
func (p *TrialPanel) summaryText(r *scoring.SubjectResult) string {
	var b strings.Builder
	b.WriteString("试算结果　总分 " + r.Total.String() + " 分（其中加分 " + r.Bonus.String() + "，减分 " + r.Penalty.String() + "）　等级总分 " + r.Grade.String() + " 分\n")
	band := r.BandName
	if band == "" {
		band = "未评定等次"
	}
	b.WriteString("等次：" + band + "\n")
	b.WriteString(stepsLines(r.BandWhy, 1))
	if len(r.Caps) > 0 {
		b.WriteString("适用的扣减和限制：\n")
		for _, c := range r.Caps {
			title := c
			for _, cp := range p.s.current.Caps {
				if cp.Code == c {
					title = cp.Title
				}
			}
			b.WriteString("　　· " + title + "\n")
		}
	}
	if len(r.GradeWhy) > 0 {
		b.WriteString("等级总分的计算：\n" + stepsLines(r.GradeWhy, 1))
	}
	if len(r.Stars) > 0 {
		var earned []string
		for _, st := range r.Stars {
			if st.Earned {
				earned = append(earned, st.Name)
			}
		}
		b.WriteString("得星 " + strconv.Itoa(r.StarCount) + " 颗：" + strings.Join(earned, "、") + "\n")
	}
	if len(r.Issues) > 0 {
		b.WriteString("需要注意：\n")
		for _, is := range r.Issues {
			b.WriteString("　　· " + is + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// stepsLines is stepsText ending in a line break (nothing for no steps).
func stepsLines(steps []scoring.Step, depth int) string {
	if t := stepsText(steps, depth); t != "" {
		return t + "\n"
	}
	return ""
}

// stepsText writes explanation steps one a line, sub-steps indented.
func stepsText(steps []scoring.Step, depth int) string {
	var b strings.Builder
	var rec func(steps []scoring.Step, depth int)
	rec = func(steps []scoring.Step, depth int) {
		for _, st := range steps {
			b.WriteString(strings.Repeat("　　", depth) + st.Text + "\n")
			rec(st.Steps, depth+1)
		}
	}
	rec(steps, depth)
	return strings.TrimRight(b.String(), "\n")
}

// wrapped makes l wrap at word boundaries and returns it.
func wrapped(l *widget.Label) *widget.Label {
	l.Wrapping = fyne.TextWrapWord
	return l
}
