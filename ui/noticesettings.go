package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// NoticeDesk keeps the office's 公示 settings: the contact lines printed on
// the 公示 notice and how its dates are counted.
type NoticeDesk interface {
	NoticeSettings(ctx context.Context) (model.NoticeSettings, error)
	SetNoticeSettings(ctx context.Context, s model.NoticeSettings) error
}

// noticeSettingsDialog is the 公示设置 dialog: phone, address, first day,
// number of days and whether they are working days, with the 公示 dates
// they give for a notice issued today shown as they are typed.
type noticeSettingsDialog struct {
	form    *formDialog
	phone   *textEntry
	address *textEntry
	start   *DateEntry
	days    *textEntry
	working *widget.Check
	span    *widget.Label
	today   model.Date
}

// onNoticeSettings reads the office's 公示 settings and opens the dialog.
func (s *ResultsScreen) onNoticeSettings() {
	var set model.NoticeSettings
	s.m.background(func() error {
		var err error
		set, err = s.notice.NoticeSettings(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			s.m.showError("读取公示设置失败", err)
			return
		}
		s.noticeDialog = showNoticeSettings(s.m, s.notice, set)
	})
}

func showNoticeSettings(m *MainWindow, desk NoticeDesk, set model.NoticeSettings) *noticeSettingsDialog {
	d := &noticeSettingsDialog{today: model.DateOf(m.now())}
	d.phone = newEntry()
	d.phone.SetPlaceHolder("如 0931-8123456，多个号码用“、”隔开")
	d.phone.SetText(set.Phone)
	d.address = newEntry()
	d.address.SetPlaceHolder("如 示范镇人民路1号镇党委组织办")
	d.address.SetText(set.Address)
	d.start = newDateEntry(set.Start)
	d.start.PlaceHolder = "留空：公示发布的次日"
	d.days = newEntry()
	d.days.SetPlaceHolder(strconv.Itoa(model.DefaultNoticeDays))
	if set.Days > 0 {
		d.days.SetText(strconv.Itoa(set.Days))
	}
	d.working = newCheck("按工作日计算（跳过周六、周日；不含法定节假日，遇节假日请自行延长）", nil)
	d.working.SetChecked(set.WorkingDays)
	d.span = wrapLabel("")
	note := wrapLabel("未填电话或地址时，公示上留出横线，打印后手写。")
	for _, e := range []*textEntry{d.phone, d.address, d.days, &d.start.textEntry} {
		e.OnChanged = func(string) { d.showSpan() }
	}
	d.working.OnChanged = func(bool) { d.showSpan() }
	d.showSpan()
	d.form = showFormDialog(m.win, "公示设置", "保存", []*widget.FormItem{
		widget.NewFormItem("联系电话", d.phone),
		widget.NewFormItem("来信地址", d.address),
		widget.NewFormItem("公示开始日期", d.start),
		widget.NewFormItem("公示天数", d.days),
		widget.NewFormItem("", d.working),
		widget.NewFormItem("", d.span),
		widget.NewFormItem("", note),
	}, func() error {
		set, err := d.settings()
		if err != nil {
			return err
		}
		if err := desk.SetNoticeSettings(context.Background(), set); err != nil {
			return err
		}
		m.setStatus("已保存公示设置：" + d.spanText(set))
		return nil
	})
	return d
}

// settings reads the fields.
func (d *noticeSettingsDialog) settings() (model.NoticeSettings, error) {
	set := model.NoticeSettings{Phone: strings.TrimSpace(d.phone.Text), Address: strings.TrimSpace(d.address.Text), WorkingDays: d.working.Checked}
	if t := strings.TrimSpace(d.days.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n <= 0 {
			return set, model.FieldErrorf("Days", "公示天数应填1到%d之间的整数，现为“%s”", model.MaxNoticeDays, t)
		}
		set.Days = n
	}
	start, err := d.start.Date()
	if err != nil {
		return set, err
	}
	set.Start = start
	return set, set.Validate()
}

// showSpan shows the 公示 dates the fields give, or what is wrong.
func (d *noticeSettingsDialog) showSpan() {
	set, err := d.settings()
	if err != nil {
		d.span.SetText(model.ErrorMessage(err))
		return
	}
	d.span.SetText("今天发布时：" + d.spanText(set))
}

func (d *noticeSettingsDialog) spanText(set model.NoticeSettings) string {
	first, last := set.Span(d.today)
	unit := "天"
	if set.WorkingDays {
		unit = "个工作日"
	}
	return fmt.Sprintf("公示时间%s至%s（%d%s）", first.Chinese(), last.Chinese(), set.DaysOrDefault(), unit)
}
