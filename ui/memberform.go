package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// memberForm is the dialog that adds or edits a member.
type memberForm struct {
	name, position, phone, idNumber, sortOrder *textEntry
	gender, status, category                   *widget.Select
	birth, joined, since                       *DateEntry
	dialog                                     *formDialog
}

// showMemberForm shows the form for m. With isNew, it also asks since when the
// member belongs to the unit (the first membership's start). now is the
// window's clock: a 正式党员 cannot have joined after today.
func showMemberForm(win fyne.Window, now func() time.Time, title string, m model.Member, isNew bool, onSave func(model.Member, model.Date) error) *memberForm {
	f := &memberForm{
		name: newEntry(), position: newEntry(), phone: newEntry(),
		idNumber: newEntry(), sortOrder: newEntry(),
		gender:   selectOf([]string{string(model.Male), string(model.Female)}, string(m.Gender)),
		status:   selectOf(choices(model.MemberStatuses)[1:], string(m.Status)),
		category: selectOf(choices(model.MemberCategories)[1:], string(m.Category)),
		birth:    newDateEntry(m.Birth),
		joined:   newDateEntry(m.Joined),
		since:    newDateEntry(model.Date{}),
	}
	f.name.SetText(m.Name)
	f.position.SetText(m.Position)
	f.position.PlaceHolder = "如：支部书记、组织委员、党员"
	f.phone.SetText(m.Phone)
	f.idNumber.SetText(m.IDNumber)
	f.idNumber.PlaceHolder = "可不填；列表中只显示首尾几位"
	f.phone.PlaceHolder = "手机 13912345678，或固定电话 0931-8123456"
	if m.SortOrder != 0 || !isNew {
		f.sortOrder.SetText(strconv.Itoa(m.SortOrder))
	}
	f.sortOrder.PlaceHolder = "不填则排在本组织已有党员之后"
	items := []*widget.FormItem{
		widget.NewFormItem("姓名", f.name),
		widget.NewFormItem("性别", f.gender),
		widget.NewFormItem("出生日期", f.birth),
		widget.NewFormItem("入党时间", f.joined),
		widget.NewFormItem("党员状态", f.status),
		widget.NewFormItem("人员类别", f.category),
		widget.NewFormItem("职务", f.position),
		widget.NewFormItem("联系电话", f.phone),
		widget.NewFormItem("身份证号", f.idNumber),
		widget.NewFormItem("排序号", f.sortOrder),
	}
	if isNew {
		items = append(items, widget.NewFormItem("转入本组织日期", f.since))
	}
	f.dialog = showFormDialog(win, title, "保存", items, func() error {
		edited, since, err := f.member(m, model.DateOf(now()))
		if err != nil {
			return err
		}
		return onSave(edited, since)
	})
	return f
}

// member returns base with the form's values applied, and the since date,
// checked as entered on today.
func (f *memberForm) member(base model.Member, today model.Date) (model.Member, model.Date, error) {
	m := base
	m.Name = strings.Join(strings.Fields(f.name.Text), "")
	m.Gender = model.Gender(f.gender.Selected)
	m.Status = model.MemberStatus(f.status.Selected)
	m.Category = model.MemberCategory(f.category.Selected)
	m.Position = strings.TrimSpace(f.position.Text)
	m.Phone = model.NormalizePhone(f.phone.Text)
	m.IDNumber = strings.ToUpper(strings.TrimSpace(f.idNumber.Text))
	var err error
	if m.Birth, err = f.birth.Date(); err != nil {
		return m, model.Date{}, model.FieldErrorf("Birth", "出生日期不正确：%s", model.ErrorMessage(err))
	}
	if m.Joined, err = f.joined.Date(); err != nil {
		return m, model.Date{}, model.FieldErrorf("Joined", "入党时间不正确：%s", model.ErrorMessage(err))
	}
	since, err := f.since.Date()
	if err != nil {
		return m, model.Date{}, model.FieldErrorf("Since", "转入日期不正确：%s", model.ErrorMessage(err))
	}
	if s := strings.TrimSpace(f.sortOrder.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return m, since, model.FieldErrorf("SortOrder", "排序号应为整数，例如 1、2、3")
		}
		m.SortOrder = n
	} else {
		m.SortOrder = base.SortOrder
	}
	if m.IDNumber != "" && m.IDNumber != base.IDNumber {
		// A newly typed number must be right; a stored one with a known
		// typo does not block other edits.
		if err := model.ValidateIDNumber(m.IDNumber); err != nil {
			return m, since, model.FieldErrorf("IDNumber", "身份证号不正确：%s。请核对后重新输入，或先不填。", model.ErrorMessage(err))
		}
	}
	return m, since, m.ValidateEntry(today)
}

// showTransferForm asks for the new unit and the date of a member's transfer.
func showTransferForm(p *MembersPanel, row model.MemberRow) {
	m := p.m
	var labels []string
	ids := map[string]int64{}
	for _, u := range m.units.activeUnits() {
		if u.ID == row.UnitID {
			continue
		}
		label := fmt.Sprintf("%s（%s）", u.Name, u.Code)
		labels = append(labels, label)
		ids[label] = u.ID
	}
	to := widget.NewSelectEntry(labels)
	to.PlaceHolder = "输入名称可筛选"
	to.OnChanged = safely1(func(s string) {
		var match []string
		for _, l := range labels {
			if strings.Contains(l, s) {
				match = append(match, l)
			}
		}
		to.SetOptions(match)
	})
	on := newDateEntry(model.DateOf(m.now()))
	note := newEntry()
	note.SetText("组织关系转接")
	items := []*widget.FormItem{
		widget.NewFormItem("党员", widget.NewLabel(row.Name+"（现在："+row.UnitName+"）")),
		widget.NewFormItem("调入党组织", to),
		widget.NewFormItem("调动日期", on),
		widget.NewFormItem("备注", note),
	}
	showFormDialog(m.win, "党员调动", "调动", items, func() error {
		toID, ok := ids[to.Text]
		if !ok {
			return model.FieldErrorf("UnitID", "请从列表中选择调入的党组织")
		}
		date, err := on.Date()
		if err != nil || date.Day == 0 {
			return model.FieldErrorf("On", "请填写完整的调动日期，如 2026-03-05")
		}
		if err := p.store.TransferMember(context.Background(), row.ID, toID, date, note.Text); err != nil {
			return err
		}
		m.setStatus(fmt.Sprintf("已将%s调入%s", row.Name, to.Text))
		p.reload()
		return nil
	})
}

// showMembershipHistory lists the units a member belonged to, with dates.
func showMembershipHistory(p *MembersPanel, row model.MemberRow) {
	m := p.m
	list, err := p.store.Memberships(context.Background(), row.ID)
	if err != nil {
		m.showError("读取调动记录失败", err)
		return
	}
	names := map[int64]string{}
	for _, u := range m.units.list {
		names[u.ID] = u.Name
	}
	lines := widget.NewLabel("")
	var b strings.Builder
	for _, ms := range list {
		from, to := ms.From.Chinese(), ms.To.Chinese()
		if from == "" {
			from = "（日期未记录）"
		}
		if to == "" {
			to = "至今"
		}
		fmt.Fprintf(&b, "%s — %s　%s", from, to, names[ms.UnitID])
		if ms.Note != "" {
			fmt.Fprintf(&b, "　（%s）", ms.Note)
		}
		b.WriteString("\n")
	}
	lines.SetText(b.String())
	d := dialog.NewCustom(row.Name+" 的组织关系记录", "关闭", container.NewVScroll(lines), m.win)
	d.Resize(fyne.NewSize(600, 320))
	d.Show()
}
