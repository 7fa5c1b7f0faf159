package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"xingji/model"
)

// TestNoticeSettingsDialog opens 公示设置… from the results screen's top
// bar, shows the dates the fields give as they are typed, refuses a bad
// number of days inside the dialog, saves the office's settings, and shows
// them again when reopened; 取消 closes it unchanged.
func TestNoticeSettingsDialog(t *testing.T) {
	m, o := newTestWindow(t)
	loadDemo(t, m)
	s := m.results
	test.Tap(s.noticeBtn)
	d := s.noticeDialog
	if d == nil || d.form.closed {
		t.Fatal("公示设置 did not open")
	}
	if d.phone.Text != "" || d.days.Text != "" || d.working.Checked {
		t.Fatalf("new settings are empty: %q %q %v", d.phone.Text, d.days.Text, d.working.Checked)
	}
	first, last := model.NoticeSettings{}.Span(model.DateOf(m.now()))
	if !strings.Contains(d.span.Text, first.Chinese()+"至"+last.Chinese()+"（7天）") {
		t.Errorf("the default span: %q", d.span.Text)
	}
	d.phone.SetText("0931-8123456")
	d.address.SetText("示范镇人民路1号镇党委组织办")
	d.start.SetText("2026-12-04")
	d.days.SetText("五")
	test.Tap(d.form.save)
	if d.form.closed || !strings.Contains(d.form.errText.Text, "公示天数") {
		t.Fatalf("bad days: closed %v, error %q", d.form.closed, d.form.errText.Text)
	}
	d.days.SetText("5")
	test.Tap(d.working)
	if !strings.Contains(d.span.Text, "2026年12月4日至2026年12月10日（5个工作日）") {
		t.Errorf("span: %q", d.span.Text)
	}
	test.Tap(d.form.save)
	if !d.form.closed {
		t.Fatalf("save failed: %q", d.form.errText.Text)
	}
	got, err := o.NoticeSettings(context.Background())
	want := model.NoticeSettings{Phone: "0931-8123456", Address: "示范镇人民路1号镇党委组织办", Days: 5, WorkingDays: true, Start: model.D(2026, 12, 4)}
	if err != nil || got != want {
		t.Fatalf("stored %+v, %v", got, err)
	}
	if !strings.Contains(m.status.Text, "已保存公示设置") {
		t.Errorf("status: %q", m.status.Text)
	}
	test.Tap(s.noticeBtn)
	d = s.noticeDialog
	if d.phone.Text != want.Phone || d.days.Text != "5" || !d.working.Checked || d.start.Text != "2026-12-04" {
		t.Errorf("reopened: %q %q %v %q", d.phone.Text, d.days.Text, d.working.Checked, d.start.Text)
	}
	test.Tap(d.form.cancel)
	if !d.form.closed {
		t.Error("取消 did not close an unchanged dialog")
	}
}
