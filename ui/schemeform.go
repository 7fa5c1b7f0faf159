package ui

import (
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
