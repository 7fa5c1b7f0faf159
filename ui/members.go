package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"xingji/documents"
	"xingji/model"
)

// pageSize is how many members one page of the roster shows. Only the rows on
// screen get widgets (the table is virtual), and only one page is read from
// the database, so the roster stays smooth for 150,000 members.
const pageSize = 100

const anyChoice = "全部"

// memberColumnWidths are the roster's column widths, in the order of
// documents.MemberListHeaders (the exported list has the same columns). The
// table scrolls sideways rather than squeezing them on a small screen.
var memberColumnWidths = []float32{60, 90, 50, 100, 100, 76, 76, 100, 220, 120, 180}

// MembersPanel is the member roster on the right of the main window: the
// selected unit's members, searchable by name or pinyin initials, filtered,
// a page at a time. It reaches the database only through store.
type MembersPanel struct {
	m       *MainWindow
	store   MemberStore
	content fyne.CanvasObject

	title        *widget.Label
	search       *textEntry
	status       *widget.Select
	category     *widget.Select
	gender       *widget.Select
	descendants  *widget.Check
	table        *memberTable
	bottom       *fyne.Container // action buttons and pager; re-laid out when the pager text changes
	pageLabel    *widget.Label
	prevButton   *widget.Button
	nextButton   *widget.Button
	addButton    *widget.Button
	editButton   *widget.Button
	moveButton   *widget.Button
	delButton    *widget.Button
	histButton   *widget.Button
	exportButton *widget.Button

	unit     model.Unit
	page     model.MemberPage
	offset   int
	selected int         // row index in page.Rows, -1 for none; the whole row is drawn selected
	form     *memberForm // the member form opened last (a test hook)
	loadSeq  int         // discards answers to superseded queries
}

func newMembersPanel(m *MainWindow, store MemberStore) *MembersPanel {
	p := &MembersPanel{m: m, store: store, selected: -1}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Truncation = fyne.TextTruncateEllipsis
	p.search = newEntry()
	p.search.PlaceHolder = "搜索姓名、拼音首字母（如 zs）或电话"
	p.search.OnChanged = safely1(func(string) { p.reloadFromStart() })
	p.status = newSelect(choices(model.MemberStatuses), func(string) { p.reloadFromStart() })
	p.category = newSelect(choices(model.MemberCategories), func(string) { p.reloadFromStart() })
	p.gender = newSelect([]string{anyChoice, string(model.Male), string(model.Female)}, func(string) { p.reloadFromStart() })
	for _, s := range []*widget.Select{p.status, p.category, p.gender} {
		s.SetSelectedIndex(0)
	}
	p.descendants = newCheck("包含下级组织", func(bool) { p.reloadFromStart() })
	p.descendants.SetChecked(true)

	p.table = newMemberTable(p)

	p.pageLabel = widget.NewLabel("")
	p.prevButton = newButton("上一页", func() { p.goTo(p.offset - pageSize) })
	p.nextButton = newButton("下一页", func() { p.goTo(p.offset + pageSize) })
	p.addButton = newButton("新增党员", p.onAdd)
	p.editButton = newButton("编辑", p.onEdit)
	p.moveButton = newButton("调动", p.onTransfer)
	p.histButton = newButton("调动记录", p.onHistory)
	p.delButton = newButton("删除", p.onDelete)
	p.exportButton = newButton("导出名单…", p.onExport)
	p.updateButtons()

	// Filters and actions scroll sideways on a narrow window instead of
	// making the window wider than the screen.
	filters := container.NewHScroll(container.NewHBox(widget.NewLabel("状态"), p.status, widget.NewLabel("类别"), p.category,
		widget.NewLabel("性别"), p.gender, p.descendants))
	top := container.NewVBox(p.title, p.search, filters)
	actions := container.NewHScroll(container.NewHBox(p.addButton, p.editButton, p.moveButton, p.histButton, p.delButton, p.exportButton))
	pager := container.NewHBox(p.prevButton, p.pageLabel, p.nextButton)
	p.bottom = container.New(layout.NewBorderLayout(nil, nil, nil, pager), actions, pager)
	// Objects in reading order, so that Tab goes search → filters → table →
	// buttons.
	p.content = container.New(layout.NewBorderLayout(top, p.bottom, nil, nil), top, p.table, p.bottom)
	return p
}

func choices[T ~string](values []T) []string {
	out := []string{anyChoice}
	for _, v := range values {
		out = append(out, string(v))
	}
	return out
}

// showUnit shows the members of u from the first page.
func (p *MembersPanel) showUnit(u model.Unit) {
	p.unit = u
	p.title.SetText(u.Name + "　党员名册")
	p.reloadFromStart()
}

func (p *MembersPanel) reloadFromStart() { p.goTo(0) }

// reload reads the current page again: the main window calls it after a
// restore or a roster import changed the data behind the list.
func (p *MembersPanel) reload() { p.goTo(p.offset) }

// showUnitAgain shows u (the same unit as before, perhaps renamed) and reads
// its current page again.
func (p *MembersPanel) showUnitAgain(u model.Unit) {
	p.unit = u
	p.title.SetText(u.Name + "　党员名册")
	p.reload()
}

// query returns the MemberQuery the filters describe, at offset.
func (p *MembersPanel) query(offset int) model.MemberQuery {
	q := model.MemberQuery{
		UnitID:          p.unit.ID,
		WithDescendants: p.descendants.Checked,
		Text:            strings.TrimSpace(p.search.Text),
		Offset:          offset,
		Limit:           pageSize,
	}
	if v := p.status.Selected; v != anyChoice {
		q.Status = model.MemberStatus(v)
	}
	if v := p.category.Selected; v != anyChoice {
		q.Category = model.MemberCategory(v)
	}
	if v := p.gender.Selected; v != anyChoice {
		q.Gender = model.Gender(v)
	}
	return q
}

// goTo loads the page at offset off the UI goroutine.
func (p *MembersPanel) goTo(offset int) {
	if p.unit.ID == 0 || p.table == nil || p.descendants == nil {
		return
	}
	if offset < 0 {
		offset = 0
	}
	p.loadSeq++
	seq, q := p.loadSeq, p.query(offset)
	var page model.MemberPage
	p.m.background(func() error {
		var err error
		page, err = p.store.Members(context.Background(), q)
		return err
	}, func(err error) {
		if seq != p.loadSeq {
			return
		}
		if err != nil {
			p.m.showError("读取党员名册失败", err)
			return
		}
		if q.Offset > 0 && q.Offset >= page.Total {
			// The page emptied (members deleted or moved away): show the last one.
			p.goTo((page.Total - 1) / pageSize * pageSize)
			return
		}
		p.page, p.offset, p.selected = page, q.Offset, -1
		p.table.UnselectAll()
		p.table.Refresh()
		p.table.ScrollToTop()
		p.updatePager()
		p.updateButtons()
	})
}

func (p *MembersPanel) updatePager() {
	pages := (p.page.Total + pageSize - 1) / pageSize
	if pages == 0 {
		pages = 1
	}
	p.pageLabel.SetText(fmt.Sprintf("第 %d/%d 页，共 %d 人", p.offset/pageSize+1, pages, p.page.Total))
	enable(p.prevButton, p.offset > 0)
	enable(p.nextButton, p.offset+pageSize < p.page.Total)
	p.bottom.Refresh()
}

func (p *MembersPanel) updateButtons() {
	on := p.selected >= 0 && p.selected < len(p.page.Rows)
	for _, b := range []*widget.Button{p.editButton, p.moveButton, p.histButton, p.delButton} {
		enable(b, on)
	}
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (p *MembersPanel) tableSize() (int, int) { return len(p.page.Rows), len(memberColumnWidths) }

func (p *MembersPanel) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle.Bold = true
	if id.Col >= 0 && id.Col < len(documents.MemberListHeaders) {
		l.SetText(documents.MemberListHeaders[id.Col])
	}
}

func (p *MembersPanel) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*memberCell)
	c.id = id
	if id.Row >= len(p.page.Rows) {
		c.set("", false)
		return
	}
	c.set(p.cellText(id.Row, id.Col), id.Row == p.selected)
}

// cellText is the text of a roster cell, as the exported list writes it;
// the ID number is always masked.
func (p *MembersPanel) cellText(row, col int) string {
	return documents.MemberListCell(p.page.Rows[row], p.offset+row+1, col)
}

// selectRow selects a whole row of the table (-1: none) and draws it so.
func (p *MembersPanel) selectRow(row int) {
	if row >= len(p.page.Rows) {
		row = -1
	}
	if row == p.selected {
		return
	}
	p.selected = row
	p.table.Refresh()
	p.updateButtons()
}

// onRowActivated is a double click on a row, or Enter on the table: edit
// that member.
func (p *MembersPanel) onRowActivated(row int) {
	if row < 0 || row >= len(p.page.Rows) {
		return
	}
	p.selectRow(row)
	p.onEdit()
}

func (p *MembersPanel) selectedRow() (model.MemberRow, bool) {
	if p.selected < 0 || p.selected >= len(p.page.Rows) {
		return model.MemberRow{}, false
	}
	return p.page.Rows[p.selected], true
}

func (p *MembersPanel) onAdd() {
	// SortOrder 0: the store puts the new member after the unit's members.
	m := model.Member{UnitID: p.unit.ID, Status: model.StatusFull, Category: model.CategoryActive}
	p.form = showMemberForm(p.m.win, p.m.now, "新增党员（"+p.unit.Name+"）", m, true, func(m model.Member, since model.Date) error {
		if err := p.store.CreateMember(context.Background(), &m, since); err != nil {
			return err
		}
		p.m.setStatus("已新增党员：" + m.Name)
		p.goTo(p.offset)
		return nil
	})
}

func (p *MembersPanel) onEdit() {
	row, ok := p.selectedRow()
	if !ok {
		return
	}
	full, err := p.store.Member(context.Background(), row.ID)
	if err != nil {
		p.m.showError("读取党员信息失败", err)
		return
	}
	p.form = showMemberForm(p.m.win, p.m.now, "编辑党员信息", full, false, func(m model.Member, _ model.Date) error {
		if err := p.store.UpdateMember(context.Background(), m); err != nil {
			return err
		}
		p.m.setStatus("已保存党员信息：" + m.Name)
		p.goTo(p.offset)
		return nil
	})
}

func (p *MembersPanel) onTransfer() {
	row, ok := p.selectedRow()
	if !ok {
		return
	}
	showTransferForm(p, row)
}

func (p *MembersPanel) onHistory() {
	row, ok := p.selectedRow()
	if !ok {
		return
	}
	showMembershipHistory(p, row)
}

func (p *MembersPanel) onDelete() {
	row, ok := p.selectedRow()
	if !ok {
		return
	}
	msg := fmt.Sprintf("确定删除党员“%s”（%s）吗？\n删除只用于纠正录入错误；党员转出请用“调动”，以便保留历史。", row.Name, row.UnitName)
	dialog.ShowConfirm("删除党员", msg, safely1(func(yes bool) {
		if !yes {
			return
		}
		if err := p.store.DeleteMember(context.Background(), row.ID); err != nil {
			p.m.showError("无法删除", err)
			return
		}
		p.m.setStatus("已删除党员：" + row.Name)
		p.goTo(p.offset)
	}), p.m.win)
}
