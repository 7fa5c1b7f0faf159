package ui

import (
	"encoding/json"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// schemeTree shows a scheme's sections and items. Node IDs name a place in
// the scheme: "s:0.1" is the second subsection of the first section,
// "i:0.1:2" the third item of that subsection.
type schemeTree struct {
	widget   *treeWidget
	scheme   *model.Scheme
	names    schemeNames // the shown scheme's 序号
	selected string
	onSelect func(id string)
	onOpen   func() // double-click or Enter on a row: edit it
}

func newSchemeTree(onSelect func(string), onOpen func()) *schemeTree {
	t := &schemeTree{onSelect: onSelect, onOpen: onOpen}
	t.widget = &treeWidget{enter: func() { t.open(t.selected) }}
	t.widget.ChildUIDs, t.widget.IsBranch = t.childIDs, t.isBranch
	t.widget.CreateNode, t.widget.UpdateNode = t.createNode, t.updateNode
	t.widget.ExtendBaseWidget(t.widget)
	t.widget.OnSelected = safely1(func(id widget.TreeNodeID) {
		t.selected = id
		t.onSelect(id)
	})
	return t
}

// open selects id and opens it in its form.
func (t *schemeTree) open(id string) {
	if id == "" {
		return
	}
	if t.selected != id {
		t.widget.Select(id)
	}
	safely(t.onOpen)()
}

// treeWidget is a Tree whose rows open on Enter (the selected row).
type treeWidget struct {
	widget.Tree
	enter func()
}

// TypedKey opens the selected row on Enter; other keys move as in a Tree.
func (w *treeWidget) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		w.enter()
		return
	}
	w.Tree.TypedKey(k)
}

// rowTapper lies over a tree row: a tap selects the row, a double tap
// opens it.
type rowTapper struct {
	widget.BaseWidget
	id   string
	tree *schemeTree
}

func newRowTapper(t *schemeTree) *rowTapper {
	r := &rowTapper{tree: t}
	r.ExtendBaseWidget(r)
	return r
}

func (r *rowTapper) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Tapped selects the row and gives the tree the keyboard, as a Tree's own
// row does.
func (r *rowTapper) Tapped(*fyne.PointEvent) {
	if r.id == "" {
		return
	}
	r.tree.widget.Select(r.id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.tree.widget); c != nil {
		c.Focus(r.tree.widget)
	}
}

// DoubleTapped opens the row.
func (r *rowTapper) DoubleTapped(*fyne.PointEvent) { r.tree.open(r.id) }

// show displays sc (which must stay in place while shown), keeping the
// selection when it still exists, and opens every section.
func (t *schemeTree) show(sc *model.Scheme) {
	t.scheme = sc
	t.names = namesOf(sc)
	t.widget.Refresh()
	t.widget.OpenAllBranches()
	if sec, it := t.lookup(sc, t.selected); sec == nil && it == nil {
		t.selected = ""
		t.widget.UnselectAll()
	} else {
		t.widget.Select(t.selected)
	}
}

func sectionID(path []int) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = strconv.Itoa(p)
	}
	return "s:" + strings.Join(parts, ".")
}

func itemID(path []int, i int) string { return "i:" + sectionID(path)[2:] + ":" + strconv.Itoa(i) }

// parseNode splits a node ID into the section path and the item index (-1
// for a section).
func parseNode(id string) (path []int, item int, ok bool) {
	item = -1
	if len(id) < 3 {
		return nil, -1, false
	}
	rest := id[2:]
	if id[0] == 'i' {
		k := strings.LastIndexByte(rest, ':')
		if k < 0 {
			return nil, -1, false
		}
		n, err := strconv.Atoi(rest[k+1:])
		if err != nil {
			return nil, -1, false
		}
		item, rest = n, rest[:k]
	} else if id[0] != 's' {
		return nil, -1, false
	}
	for _, p := range strings.Split(rest, ".") {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, -1, false
		}
		path = append(path, n)
	}
	return path, item, true
}

// sectionAt returns the section at path, or nil.
func sectionAt(sc *model.Scheme, path []int) *model.Section {
	secs := sc.Sections
	var sec *model.Section
	for _, p := range path {
		if p < 0 || p >= len(secs) {
			return nil
		}
		sec = &secs[p]
		secs = sec.Sections
	}
	return sec
}

// lookup returns the section of node id and, for an item node, the item.
func (t *schemeTree) lookup(sc *model.Scheme, id string) (*model.Section, *model.Item) {
	path, i, ok := parseNode(id)
	if !ok || sc == nil {
		return nil, nil
	}
	sec := sectionAt(sc, path)
	if sec == nil || i < 0 {
		return sec, nil
	}
	if i >= len(sec.Items) {
		return nil, nil
	}
	return sec, &sec.Items[i]
}

func (t *schemeTree) childIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	if t.scheme == nil {
		return nil
	}
	var out []string
	if id == "" {
		for i := range t.scheme.Sections {
			out = append(out, sectionID([]int{i}))
		}
		return out
	}
	path, item, ok := parseNode(id)
	sec := sectionAt(t.scheme, path)
	if !ok || item >= 0 || sec == nil {
		return nil
	}
	for i := range sec.Items {
		out = append(out, itemID(path, i))
	}
	for i := range sec.Sections {
		out = append(out, sectionID(append(path[:len(path):len(path)], i)))
	}
	return out
}

func (t *schemeTree) isBranch(id widget.TreeNodeID) bool {
	return id == "" || strings.HasPrefix(id, "s:")
}

func (t *schemeTree) createNode(bool) fyne.CanvasObject {
	title := widget.NewLabel("1.1 积极参加学习活动，自学意识强")
	title.Truncation = fyne.TextTruncateEllipsis
	rule := widget.NewLabel("由考核人员在0至5分之间评分")
	rule.Truncation = fyne.TextTruncateEllipsis
	points := widget.NewLabel("100分")
	return container.NewStack(container.NewBorder(nil, nil, nil, points, container.NewGridWithColumns(2, title, rule)), newRowTapper(t))
}

func (t *schemeTree) updateNode(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	stack.Objects[1].(*rowTapper).id = id
	row := stack.Objects[0].(*fyne.Container)
	grid := row.Objects[0].(*fyne.Container)
	title, rule := grid.Objects[0].(*widget.Label), grid.Objects[1].(*widget.Label)
	points := row.Objects[1].(*widget.Label)
	sec, it := t.lookup(t.scheme, id)
	switch {
	case it != nil:
		title.TextStyle.Bold = false
		title.SetText(t.names.item(it))
		rule.SetText(ruleText(it))
		p := it.Points.String() + "分"
		if it.Bonus {
			p = "加分 " + p
		} else if it.Penalty {
			p = "减分 " + p
		}
		points.SetText(p)
	case sec != nil:
		title.TextStyle.Bold = true
		title.SetText(sec.Title)
		rule.SetText("")
		points.SetText(declared(sec.Points) + "分")
	}
}

// tableLines writes a threshold table's rows, one a line: "90-100:2".
// "超过" before the lower bound excludes it, "含" after the upper bound
// includes it; the domain's own upper end is included when the domain says so.
func tableLines(t *model.TableRule) string {
	var lines []string
	for _, b := range t.Bands {
		var l strings.Builder
		if b.FromExcl {
			l.WriteString("超过")
		}
		if b.From != nil {
			l.WriteString(b.From.String())
		}
		l.WriteString("-")
		if b.To != nil {
			l.WriteString(b.To.String())
			atEnd := t.Domain.To != nil && t.Domain.ToIncl && b.To.Equal(*t.Domain.To)
			if b.ToIncl && !atEnd {
				l.WriteString("含")
			}
		}
		l.WriteString(":" + b.Points.String())
		lines = append(lines, l.String())
	}
	return strings.Join(lines, "\n")
}

// parseTableLines reads rows written as tableLines writes them; an error
// names the line.
func parseTableLines(text string, domain model.Range) ([]model.TableBand, error) {
	var out []model.TableBand
	for n, line := range strings.Split(text, "\n") {
		line = strings.NewReplacer("：", ":", "－", "-", "—", "-", "～", "-", "~", "-", " ", "").Replace(strings.TrimSpace(line))
		if line == "" {
			continue
		}
		bad := model.FieldErrorf("Table", "门槛表第%d行“%s”看不懂，应写成“下限-上限:得分”，例如“90-100:2”", n+1, line)
		rng, pts, ok := strings.Cut(line, ":")
		if !ok {
			return nil, bad
		}
		var b model.TableBand
		var err error
		if b.Points, err = model.ParseDecimal(pts); err != nil {
			return nil, bad
		}
		if rest, cut := strings.CutPrefix(rng, "超过"); cut {
			rng, b.FromExcl = rest, true
		}
		from, to, ok := strings.Cut(rng, "-")
		if !ok {
			return nil, bad
		}
		if rest, cut := strings.CutSuffix(to, "含"); cut {
			to, b.ToIncl = rest, true
		}
		if from != "" {
			d, err := model.ParseDecimal(from)
			if err != nil {
				return nil, bad
			}
			b.From = d.P()
		}
		if to != "" {
			d, err := model.ParseDecimal(to)
			if err != nil {
				return nil, bad
			}
			b.To = d.P()
			if domain.To != nil && domain.ToIncl && d.Equal(*domain.To) {
				b.ToIncl = true
			}
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		return nil, model.FieldErrorf("Table", "门槛表至少要有一行")
	}
	return out, nil
}

// flagLines writes requirements one a line; parseFlagLines reads them back,
// keeping the names of the lines that stay in place.
func flagLines(fs []model.Flag) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Label)
	}
	return strings.Join(out, "\n")
}

func parseFlagLines(text string, old []model.Flag) []model.Flag {
	var out []model.Flag
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		name := "req" + strconv.Itoa(len(out)+1)
		if len(out) < len(old) {
			name = old[len(out)].Name
		}
		out = append(out, model.Flag{Name: name, Label: line})
	}
	return out
}

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
