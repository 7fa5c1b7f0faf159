package ui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// UnitsPanel is the organization tree on the left of the main window, with
// the actions on the selected unit: add a child, edit (also by a double
// click), move, dissolve. It reaches the database only through store.
type UnitsPanel struct {
	m       *MainWindow
	store   UnitStore
	content fyne.CanvasObject

	tree          *widget.Tree
	showDissolved *widget.Check
	addButton     *widget.Button
	editButton    *widget.Button
	moveButton    *widget.Button
	dissolveBtn   *widget.Button

	list     []model.Unit // as the store returns them: parent before child, sibling order
	units    map[int64]model.Unit
	children map[int64][]int64 // parent ID → child IDs in order; 0 holds the roots
	selected int64

	// The forms opened last and their fields (test hooks).
	form           *unitForm
	moveDialog     *formDialog
	moveTo         *widget.Select
	dissolveDialog *formDialog
	dissolveOn     *DateEntry
}

func newUnitsPanel(m *MainWindow, store UnitStore) *UnitsPanel {
	p := &UnitsPanel{m: m, store: store, units: map[int64]model.Unit{}, children: map[int64][]int64{}}
	p.tree = widget.NewTree(p.childIDs, p.isBranch, p.createNode, p.updateNode)
	p.tree.OnSelected = safely1(p.onSelected)
	p.showDissolved = newCheck("显示已撤销的组织", func(bool) { p.rebuild() })
	p.addButton = newButton("新增下级", p.onAdd)
	p.editButton = newButton("编辑", p.onEdit)
	p.moveButton = newButton("移动", p.onMove)
	p.dissolveBtn = newButton("撤销", p.onDissolve)
	p.setActionsEnabled(false)
	title := widget.NewLabelWithStyle("党组织", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	actions := container.NewGridWithColumns(4, p.addButton, p.editButton, p.moveButton, p.dissolveBtn)
	top := container.NewVBox(title, p.showDissolved)
	// Objects in reading order, so that Tab goes check box → tree → buttons.
	p.content = container.New(layout.NewBorderLayout(top, actions, nil, nil), top, p.tree, actions)
	return p
}

// reload reads the units from the store, then selects selectID (0: keep the
// current selection, or the root).
func (p *UnitsPanel) reload(selectID int64) { p.reloadThen(selectID, nil) }

// reloadThen is reload, then calls then (when not nil) once the tree shows
// the new units.
func (p *UnitsPanel) reloadThen(selectID int64, then func()) {
	var units []model.Unit
	p.m.background(func() error {
		var err error
		units, err = p.store.Units(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			p.m.showError("读取党组织失败", err)
			return
		}
		p.list = units
		p.units = make(map[int64]model.Unit, len(units))
		for _, u := range units {
			p.units[u.ID] = u
		}
		p.m.showContent(len(units) == 0)
		p.rebuild()
		if selectID == 0 {
			selectID = p.selected
		}
		if _, ok := p.units[selectID]; !ok && len(p.children[0]) > 0 {
			selectID = p.children[0][0]
		}
		before := p.selected
		if selectID != 0 {
			p.selectUnit(selectID)
		}
		// Selecting the unit already selected does not fire OnSelected, but
		// the data behind it may have changed (a restore, a roster import):
		// read the member list again.
		if u, ok := p.units[p.selected]; ok && p.selected == before {
			p.setActionsEnabled(u.Active())
			p.m.members.showUnitAgain(u)
		}
		if then != nil {
			then()
		}
	})
}

// rebuild recomputes the children lists from p.units (the store returns units
// parent-before-child in sibling order) and refreshes the tree.
func (p *UnitsPanel) rebuild() {
	p.children = map[int64][]int64{}
	for _, u := range p.list {
		if !u.Active() && !p.showDissolved.Checked {
			continue
		}
		p.children[u.ParentID] = append(p.children[u.ParentID], u.ID)
	}
	p.tree.Refresh()
	for _, root := range p.children[0] {
		p.tree.OpenBranch(nodeID(root))
	}
}

// selectUnit opens the path to id, selects it and shows its members.
func (p *UnitsPanel) selectUnit(id int64) {
	for u, ok := p.units[id]; ok && u.ParentID != 0; u, ok = p.units[u.ParentID] {
		p.tree.OpenBranch(nodeID(u.ParentID))
	}
	p.tree.Select(nodeID(id))
	p.tree.ScrollTo(nodeID(id))
}

func nodeID(id int64) widget.TreeNodeID { return strconv.FormatInt(id, 10) }

func unitID(n widget.TreeNodeID) int64 {
	id, _ := strconv.ParseInt(n, 10, 64)
	return id
}

func (p *UnitsPanel) childIDs(n widget.TreeNodeID) []widget.TreeNodeID {
	ids := p.children[unitID(n)]
	out := make([]widget.TreeNodeID, len(ids))
	for i, id := range ids {
		out[i] = nodeID(id)
	}
	return out
}

func (p *UnitsPanel) isBranch(n widget.TreeNodeID) bool {
	return n == "" || len(p.children[unitID(n)]) > 0
}

func (p *UnitsPanel) createNode(bool) fyne.CanvasObject { return newUnitNode(p) }

func (p *UnitsPanel) updateNode(n widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	u := p.units[unitID(n)]
	text := u.Name
	if !u.Active() {
		text += "（已撤销）"
	}
	node := o.(*unitNode)
	node.id = n
	node.label.SetText(text)
}

// unitNode is a unit's line in the tree: a click selects it, a double click
// opens it for editing.
type unitNode struct {
	widget.BaseWidget
	p     *UnitsPanel
	id    widget.TreeNodeID
	label *widget.Label
}

func newUnitNode(p *UnitsPanel) *unitNode {
	n := &unitNode{p: p, label: widget.NewLabel("某某党支部（党支部）")}
	n.label.Truncation = fyne.TextTruncateEllipsis
	n.ExtendBaseWidget(n)
	return n
}

// CreateRenderer draws the label.
func (n *unitNode) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(n.label) }

// Tapped selects the unit and gives the tree the keyboard.
func (n *unitNode) Tapped(*fyne.PointEvent) {
	defer recoverPanic()
	if cv := fyne.CurrentApp().Driver().CanvasForObject(n.p.tree); cv != nil {
		cv.Focus(n.p.tree)
	}
	n.p.tree.Select(n.id)
}

// DoubleTapped selects the unit and opens 编辑.
func (n *unitNode) DoubleTapped(*fyne.PointEvent) {
	defer recoverPanic()
	n.p.tree.Select(n.id)
	if u, ok := n.p.units[unitID(n.id)]; ok && u.Active() {
		n.p.onEdit()
	}
}

func (p *UnitsPanel) onSelected(n widget.TreeNodeID) {
	p.selected = unitID(n)
	u, ok := p.units[p.selected]
	p.setActionsEnabled(ok && u.Active())
	p.m.members.showUnit(u)
}

func (p *UnitsPanel) setActionsEnabled(on bool) {
	for _, b := range []*widget.Button{p.addButton, p.editButton, p.moveButton, p.dissolveBtn} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// activeUnits returns the active units in tree order, for pick-lists.
func (p *UnitsPanel) activeUnits() []model.Unit {
	var out []model.Unit
	var walk func(parent int64)
	walk = func(parent int64) {
		for _, id := range p.children[parent] {
			if u := p.units[id]; u.Active() {
				out = append(out, u)
				walk(id)
			}
		}
	}
	walk(0)
	return out
}

func (p *UnitsPanel) onAdd() {
	parent := p.units[p.selected]
	child := model.Unit{ParentID: parent.ID, Kind: parent.Kind, Level: nextLevel(parent.Level)}
	p.form = showUnitForm(p.m.win, "新增下级党组织（上级："+parent.Name+"）", child, func(u model.Unit) error {
		if err := p.store.CreateUnit(context.Background(), &u); err != nil {
			return err
		}
		p.m.setStatus("已新增党组织：" + u.Name)
		p.reload(u.ID)
		return nil
	})
}

func (p *UnitsPanel) onEdit() {
	p.form = showUnitForm(p.m.win, "编辑党组织", p.units[p.selected], func(u model.Unit) error {
		if err := p.store.UpdateUnit(context.Background(), u); err != nil {
			return err
		}
		p.m.setStatus("已保存党组织：" + u.Name)
		p.reload(u.ID)
		return nil
	})
}

func (p *UnitsPanel) onMove() {
	u := p.units[p.selected]
	var names []string
	byName := map[string]int64{}
	for _, c := range p.activeUnits() {
		if c.ID != u.ID && c.Level <= u.Level {
			label := fmt.Sprintf("%s（%s）", c.Name, c.Code)
			names = append(names, label)
			byName[label] = c.ID
		}
	}
	sel := newSelect(names, nil)
	p.moveTo = sel
	items := []*widget.FormItem{widget.NewFormItem("新的上级", sel)}
	p.moveDialog = showFormDialog(p.m.win, "移动“"+u.Name+"”", "移动", items, func() error {
		parent, ok := byName[sel.Selected]
		if !ok {
			return model.FieldErrorf("ParentID", "请选择新的上级党组织")
		}
		if err := p.store.MoveUnit(context.Background(), u.ID, parent); err != nil {
			return err
		}
		p.m.setStatus("已将“" + u.Name + "”移至“" + sel.Selected + "”下")
		p.reload(u.ID)
		return nil
	})
}

func (p *UnitsPanel) onDissolve() {
	u := p.units[p.selected]
	date := newDateEntry(model.DateOf(p.m.now()))
	p.dissolveOn = date
	note := widget.NewLabel("撤销后该组织不再参加考评，历史记录保留。\n组织内仍有党员或下级组织时不能撤销，请先调动党员。")
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("撤销日期", date),
		widget.NewFormItem("", note),
	}
	p.dissolveDialog = showFormDialog(p.m.win, "撤销“"+u.Name+"”", "撤销", items, func() error {
		on, err := date.Date()
		if err != nil || on.Day == 0 {
			return model.FieldErrorf("Dissolved", "请填写完整的撤销日期，如 2026-03-05")
		}
		if err := p.store.DissolveUnit(context.Background(), u.ID, on); err != nil {
			return err
		}
		p.m.setStatus("已撤销党组织：" + u.Name)
		p.reload(u.ParentID)
		return nil
	})
}

func nextLevel(l model.UnitLevel) model.UnitLevel {
	if l >= model.LevelBranch {
		return model.LevelGroup
	}
	return model.LevelBranch
}
