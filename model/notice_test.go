package model

import (
	"strings"
	"testing"
)

// TestNoticeSpan: the 公示's first and last day, both ends counted. A week
// of calendar days (the default, 002 "为期一周的公示") from the day after
// the notice; 5 working days from Friday 2026-12-04 skip the weekend and end
// on Thursday 2026-12-10; a working-day 公示 that would start on Saturday
// starts on Monday.
func TestNoticeSpan(t *testing.T) {
	issued := D(2026, 12, 2)
	for _, c := range []struct {
		name        string
		s           NoticeSettings
		first, last Date
	}{
		{"默认7天，次日起", NoticeSettings{}, D(2026, 12, 3), D(2026, 12, 9)},
		{"5个工作日，周五起", NoticeSettings{Start: D(2026, 12, 4), Days: 5, WorkingDays: true}, D(2026, 12, 4), D(2026, 12, 10)},
		{"5个自然日，周五起", NoticeSettings{Start: D(2026, 12, 4), Days: 5}, D(2026, 12, 4), D(2026, 12, 8)},
		{"工作日，周六起顺延到周一", NoticeSettings{Start: D(2026, 12, 5), Days: 3, WorkingDays: true}, D(2026, 12, 7), D(2026, 12, 9)},
		{"跨月跨年", NoticeSettings{Start: D(2026, 12, 28), Days: 7}, D(2026, 12, 28), D(2027, 1, 3)},
		{"1天", NoticeSettings{Start: D(2026, 12, 4), Days: 1, WorkingDays: true}, D(2026, 12, 4), D(2026, 12, 4)},
	} {
		first, last := c.s.Span(issued)
		if first != c.first || last != c.last {
			t.Errorf("%s: %s–%s, want %s–%s", c.name, first, last, c.first, c.last)
		}
	}
}

// TestNoticeSettingsValidate names the field at fault in Chinese.
func TestNoticeSettingsValidate(t *testing.T) {
	good := NoticeSettings{Phone: "0931-8123456、13912345678", Address: "示范镇人民路1号党委组织办", Days: 5, Start: D(2026, 12, 3)}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := (NoticeSettings{}).Validate(); err != nil {
		t.Fatalf("empty settings are the defaults: %v", err)
	}
	for _, c := range []struct {
		s     NoticeSettings
		field string
		says  string
	}{
		{NoticeSettings{Days: 31}, "Days", "公示天数"},
		{NoticeSettings{Days: -1}, "Days", "公示天数"},
		{NoticeSettings{Phone: "0931-81234567890"}, "Phone", "电话"},
		{NoticeSettings{Phone: "8123456，abc"}, "Phone", "abc"},
		{NoticeSettings{Address: strings.Repeat("路", 101)}, "Address", "地址过长"},
		{NoticeSettings{Start: Date{2026, 12, 0}}, "Start", "写到日"},
		{NoticeSettings{Start: D(2026, 2, 30)}, "Start", "没有30日"},
	} {
		err := c.s.Validate()
		e, ok := err.(*Error)
		if !ok || e.Field != c.field || !strings.Contains(e.Message, c.says) {
			t.Errorf("%+v: %v (want field %s saying %q)", c.s, err, c.field, c.says)
		}
	}
}
