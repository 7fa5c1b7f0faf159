package ui

import (
	"encoding/json"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// itemForm edits one item of the working copy: title, 分值, 考核方法, 责任部门,
// 适用类型 and, for the simple rule kinds, the rule's numbers.
type itemForm struct {
	dialog     *formDialog
	title      *textEntry
	points     *textEntry
	method     *textEntry
	department *textEntry
	kinds      *widget.CheckGroup
	per        *textEntry // deduct: points per occurrence of the first clause
	floor      *textEntry // deduct: the lowest the item goes
	table      *textEntry // table: one row a line
	requires   *textEntry // all-or-nothing: one requirement a line
}

// onEditItem opens the form on the selected item.
func (s *SchemesScreen) onEditItem() {
	sec, it := s.tree.lookup(&s.current, s.tree.selected)
	if it == nil {
		if sec != nil {
			s.editSection(sec)
		}
		return
	}
	id := s.tree.selected
	f := &itemForm{}
	f.title = newEntry()
	f.title.SetText(it.Title)
	f.points = newEntry()
	f.points.SetText(it.Points.String())
	f.method = newEntry()
	f.method.SetText(it.Method)
	f.department = newEntry()
	f.department.SetText(it.Department)
	items := []*widget.FormItem{
		widget.NewFormItem("项目名称", f.title),
		widget.NewFormItem("分值", f.points),
		widget.NewFormItem("考核方法", f.method),
		widget.NewFormItem("责任部门", f.department),
	}
	if s.current.Subject == model.SubjectUnit {
		var opts, sel []string
		for _, k := range model.UnitKinds {
			opts = append(opts, string(k))
		}
		for _, k := range it.AppliesTo {
			sel = append(sel, string(k))
		}
		f.kinds = widget.NewCheckGroup(opts, nil)
		f.kinds.Horizontal = true
		f.kinds.SetSelected(sel)
		items = append(items, widget.NewFormItem("适用类型", f.kinds))
	}
	items = append(items, f.ruleItems(it)...)
	f.dialog = showFormDialog(s.win, "修改项目 "+namesOf(&s.current).item(it), "确定", items, func() error {
		return s.applyItem(id, f)
	})
	f.dialog.d.Resize(fyne.NewSize(720, 0))
	s.itemForm = f
}

// ruleItems returns the form rows for the rule's numbers, or its text with
// a word that it cannot be changed here.
func (f *itemForm) ruleItems(it *model.Item) []*widget.FormItem {
	r := it.Rule
	hint := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		return l
	}
	switch {
	case r.Kind == model.RuleManual:
		return []*widget.FormItem{widget.NewFormItem("评分规则", hint("由考核人员在0至分值之间评分"))}
	case r.Kind == model.RuleDeduct && r.Deduct != nil && len(r.Deduct.Clauses) > 0:
		c := r.Deduct.Clauses[0]
		f.per = newEntry()
		f.per.SetText(c.Per.String())
		f.floor = newEntry()
		f.floor.SetText(r.Deduct.Floor.String())
		out := []*widget.FormItem{
			widget.NewFormItem("每次扣分", f.per),
			widget.NewFormItem("最低得分", f.floor),
			widget.NewFormItem("", hint("扣分事项：“"+c.Label+"”。"+map[bool]string{true: "其余扣分条款在这里不能修改。", false: ""}[len(r.Deduct.Clauses) > 1])),
		}
		return out
	case r.Kind == model.RuleAllOrNothing && r.All != nil:
		f.requires = newMultiLineEntry()
		f.requires.SetText(flagLines(r.All.Requires))
		f.requires.SetMinRowsVisible(3)
		return []*widget.FormItem{
			widget.NewFormItem("全部做到才得分", f.requires),
			widget.NewFormItem("", hint("每行一项要求；全部做到得满分，有一项未做到不得分。")),
		}
	case r.Kind == model.RuleTable && r.Table != nil:
		f.table = newMultiLineEntry()
		f.table.SetText(tableLines(r.Table))
		f.table.SetMinRowsVisible(4)
		return []*widget.FormItem{
			widget.NewFormItem(r.Table.Label+"门槛表", f.table),
			widget.NewFormItem("", hint("每行一档，写成“下限-上限:得分”，如“90-100:2”表示90至100得2分；含下限不含上限，上限后写“含”则包括上限，下限前写“超过”则不含下限。")),
		}
	}
	return []*widget.FormItem{widget.NewFormItem("评分规则",
		hint(ruleText(it)+"\n（这类评分规则暂不能在这里修改，只能查看。）"))}
}

// applyItem checks the form and puts the edited item in place.
func (s *SchemesScreen) applyItem(id string, f *itemForm) error {
	_, it := s.tree.lookup(&s.current, id)
	if it == nil {
		return model.Errorf(model.ENotFound, "项目已不存在")
	}
	n := *it
	n.Rule = copyRule(it.Rule)
	n.Title = strings.TrimSpace(f.title.Text)
	if n.Title == "" {
		return model.FieldErrorf("Title", "请填写项目名称")
	}
	var err error
	if n.Points, err = model.ParseDecimal(strings.TrimSpace(f.points.Text)); err != nil {
		return model.FieldErrorf("Points", "分值“%s”不是数字", f.points.Text)
	}
	n.Method = strings.TrimSpace(f.method.Text)
	n.Department = strings.TrimSpace(f.department.Text)
	if f.kinds != nil {
		n.AppliesTo = nil
		for _, k := range f.kinds.Selected {
			n.AppliesTo = append(n.AppliesTo, model.UnitKind(k))
		}
	}
	switch {
	case f.per != nil:
		d := n.Rule.Deduct
		if d.Clauses[0].Per, err = model.ParseDecimal(strings.TrimSpace(f.per.Text)); err != nil {
			return model.FieldErrorf("Per", "每次扣分“%s”不是数字", f.per.Text)
		}
		if d.Floor, err = model.ParseDecimal(strings.TrimSpace(f.floor.Text)); err != nil {
			return model.FieldErrorf("Floor", "最低得分“%s”不是数字", f.floor.Text)
		}
	case f.requires != nil:
		n.Rule.All.Requires = parseFlagLines(f.requires.Text, it.Rule.All.Requires)
	case f.table != nil:
		if n.Rule.Table.Bands, err = parseTableLines(f.table.Text, n.Rule.Table.Domain); err != nil {
			return err
		}
	}
	if change := itemChange(namesOf(&s.current).label(it), *it, n); change != "" {
		*it = n
		s.edited(change)
	}
	return nil
}

// copyRule returns a deep copy of r, so edits do not reach shared payloads.
func copyRule(r model.Rule) model.Rule {
	c := copyScheme(model.Scheme{Sections: []model.Section{{Items: []model.Item{{Rule: r}}}}})
	return c.Sections[0].Items[0].Rule
}

func ruleJSON(r model.Rule) string {
	b, _ := json.Marshal(r)
	return string(b)
}

// itemChange says in words what changed from a to b ("" for nothing);
// label names the item.
func itemChange(label string, a, b model.Item) string {
	var parts []string
	if a.Title != b.Title {
		parts = append(parts, "名称改为“"+b.Title+"”")
	}
	if !a.Points.Equal(b.Points) {
		parts = append(parts, "分值 "+a.Points.String()+"分 → "+b.Points.String()+"分")
	}
	if a.Method != b.Method {
		parts = append(parts, "考核方法")
	}
	if a.Department != b.Department {
		parts = append(parts, "责任部门")
	}
	if model.KindsText(a.AppliesTo) != model.KindsText(b.AppliesTo) {
		parts = append(parts, "适用类型")
	}
	if ra, rb := ruleJSON(a.Rule), ruleJSON(b.Rule); ra != rb {
		parts = append(parts, "评分规则")
	}
	if len(parts) == 0 {
		return ""
	}
	return "修改" + label + "：" + strings.Join(parts, "，")
}

// edited records an edit of the working copy and redraws it.
func (s *SchemesScreen) edited(change string) {
	s.dirty = true
	s.changes = append(s.changes, change)
	s.refreshScheme()
	s.trial.rebuild()
}

// onAddItem adds a manual item after the selected item (or at the end of the
// selected section) and opens it in the form.
func (s *SchemesScreen) onAddItem() {
	path, i, ok := parseNode(s.tree.selected)
	sec := sectionAt(&s.current, path)
	if !ok || sec == nil {
		return
	}
	at := len(sec.Items)
	if i >= 0 {
		at = i + 1
	}
	it := model.Item{Code: s.freeCode("新项目"), Title: "新项目", Points: model.Dec(1), Rule: model.Manual()}
	sec.Items = append(sec.Items[:at], append([]model.Item{it}, sec.Items[at:]...)...)
	s.tree.selected = itemID(path, at)
	s.edited("新增" + namesOf(&s.current).label(&sec.Items[at]) + "（在“" + sec.Title + "”中）")
	s.onEditItem()
}

// onDeleteItem removes the selected item after asking.
func (s *SchemesScreen) onDeleteItem() {
	path, i, _ := parseNode(s.tree.selected)
	_, it := s.tree.lookup(&s.current, s.tree.selected)
	if it == nil {
		return
	}
	label := namesOf(&s.current).label(it)
	s.confirm("删除项目", "确定从方案中删除"+label+"吗？保存为新版本之前，原方案不会改变。", func() {
		sec := sectionAt(&s.current, path)
		sec.Items = append(sec.Items[:i], sec.Items[i+1:]...)
		s.tree.selected = sectionID(path)
		s.edited("删除" + label)
	})
}

// onAddSection adds a top-level section with one item, for the office to fill.
func (s *SchemesScreen) onAddSection() {
	code := s.freeCode("新部分")
	it := model.Item{Code: s.freeCode("新项目"), Title: "新项目", Points: model.Dec(1), Rule: model.Manual()}
	s.current.Sections = append(s.current.Sections, model.Section{Code: code, Title: "新部分", Items: []model.Item{it}})
	s.tree.selected = sectionID([]int{len(s.current.Sections) - 1})
	s.edited("新增部分“新部分”")
	s.onEditItem()
}

// freeCode returns prefix plus the smallest number not used as a code.
func (s *SchemesScreen) freeCode(prefix string) string {
	used := map[string]bool{}
	var rec func(secs []model.Section)
	rec = func(secs []model.Section) {
		for _, sec := range secs {
			used[sec.Code] = true
			for _, it := range sec.Items {
				used[it.Code] = true
			}
			rec(sec.Sections)
		}
	}
	rec(s.current.Sections)
	for n := 1; ; n++ {
		if c := prefix + strconv.Itoa(n); !used[c] {
			return c
		}
	}
}

// editSection edits a section's title and declared 分值.
func (s *SchemesScreen) editSection(sec *model.Section) {
	title := newEntry()
	title.SetText(sec.Title)
	points := newEntry()
	points.SetText(sec.Points.String())
	points.PlaceHolder = "0 表示不规定，按所属项目合计"
	id := s.tree.selected
	showFormDialog(s.win, "修改部分“"+sec.Title+"”", "确定", []*widget.FormItem{
		widget.NewFormItem("部分名称", title),
		widget.NewFormItem("规定分值", points),
	}, func() error {
		sec, _ := s.tree.lookup(&s.current, id)
		if sec == nil {
			return model.Errorf(model.ENotFound, "部分已不存在")
		}
		p, err := model.ParseDecimal(strings.TrimSpace(points.Text))
		if err != nil {
			return model.FieldErrorf("Points", "分值“%s”不是数字", points.Text)
		}
		t := strings.TrimSpace(title.Text)
		if t == "" {
			return model.FieldErrorf("Title", "请填写部分名称")
		}
		if t != sec.Title || !p.Equal(sec.Points) {
			old := sec.Title
			sec.Title, sec.Points = t, p
			s.edited("修改部分“" + old + "”：名称“" + t + "”，规定分值 " + declared(p))
		}
		return nil
	})
}
