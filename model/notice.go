package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// NoticeSettings are the office's rules for the 公示 notice (公示通知): where
// objections go and how long the results are shown. They are the office's,
// not a scheme's, and are kept as the office setting "notice".
type NoticeSettings struct {
	// Phone is the 联系电话 printed on the notice; several numbers may be
	// separated by 、 or ，. Empty: the notice leaves a line to fill by hand.
	Phone string `json:"phone,omitempty"`
	// Address is the 来信地址 (or where to call in person). Empty: a line to
	// fill by hand.
	Address string `json:"address,omitempty"`
	// Days is how long the 公示 lasts; 0 means DefaultNoticeDays.
	Days int `json:"days,omitempty"`
	// WorkingDays counts Days as working days (按工作日计算): Saturdays and
	// Sundays are skipped. There is no table of public holidays: a 公示
	// across 国庆 or 春节 must be lengthened by hand.
	WorkingDays bool `json:"workingDays,omitempty"`
	// Start is the first day of the 公示; zero means the day after the
	// notice is issued.
	Start Date `json:"start,omitempty"`
}

// DefaultNoticeDays is how long a 公示 lasts unless the office says
// otherwise. The seeds ask 不少于3天 for members' ratings (004 六、"评议结果
// 对外公示不少于3天") and a week for organizations' stars (002: "在一定范围内
// 进行为期一周的公示，公示无异议的，报工委会批准"; "进行不少于7天的公示");
// the notice is first of all about the organizations, so a week.
const DefaultNoticeDays = 7

// MaxNoticeDays bounds Days: a 公示 longer than a month is a typing mistake.
const MaxNoticeDays = 30

// Validate checks the settings, naming the field at fault.
func (s NoticeSettings) Validate() error {
	if s.Days < 0 || s.Days > MaxNoticeDays {
		return FieldErrorf("Days", "公示天数应在1到%d天之间，现为%d天", MaxNoticeDays, s.Days)
	}
	for _, p := range SplitPhones(s.Phone) {
		if err := CheckPhone(p); err != nil {
			return &Error{Code: EInvalid, Field: "Phone", Message: ErrorMessage(err)}
		}
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(s.Address)); n > 100 {
		return FieldErrorf("Address", "地址过长（最多100字，现为%d字）", n)
	}
	if s.Start.IsZero() {
		return nil
	}
	if s.Start.Month == 0 || s.Start.Day == 0 {
		return FieldErrorf("Start", "公示开始日期要写到日，如 2026-12-03")
	}
	if err := s.Start.Validate(); err != nil {
		return &Error{Code: EInvalid, Field: "Start", Message: ErrorMessage(err)}
	}
	return nil
}

// SplitPhones splits the phone line into its numbers at 、，,；; and spaces
// between numbers.
func SplitPhones(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,；;/／", r) })
}

// NormalizePhoneList normalizes each number of a phone line (see
// NormalizePhone) and joins them with 、.
func NormalizePhoneList(s string) string {
	var out []string
	for _, p := range SplitPhones(s) {
		if p = NormalizePhone(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "、")
}

// DaysOrDefault is Days, or DefaultNoticeDays when it is not set.
func (s NoticeSettings) DaysOrDefault() int {
	if s.Days <= 0 {
		return DefaultNoticeDays
	}
	return s.Days
}

// Span is the 公示's first and last day for a notice issued on issued:
// from Start (else the day after issued) for DaysOrDefault days, both ends
// counted. With WorkingDays the days are Monday to Friday: a start on a
// weekend moves to the Monday, and weekends inside are not counted
// (start Friday 2026-12-04, 5 working days → Thursday 2026-12-10).
func (s NoticeSettings) Span(issued Date) (first, last Date) {
	start := s.Start
	if start.IsZero() {
		start = addDays(issued, 1)
	}
	t := dateTime(start)
	if s.WorkingDays {
		for weekend(t) {
			t = t.AddDate(0, 0, 1)
		}
	}
	first = DateOf(t)
	for left := s.DaysOrDefault() - 1; left > 0; {
		t = t.AddDate(0, 0, 1)
		if !s.WorkingDays || !weekend(t) {
			left--
		}
	}
	return first, DateOf(t)
}

func dateTime(d Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC)
}

func addDays(d Date, n int) Date { return DateOf(dateTime(d).AddDate(0, 0, n)) }

func weekend(t time.Time) bool { return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday }
