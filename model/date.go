package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date whose day, or month and day, may be unknown: rosters
// often record only "2011.3" for a join date. The zero Date means "not given".
// Dates order by Compare; an unknown month or day sorts before any known one
// within its year or month.
type Date struct {
	Year  int
	Month int // 1–12, or 0 when only the year is known
	Day   int // 1–31, or 0 when only year and month are known
}

// D returns a full Date.
func D(year, month, day int) Date { return Date{year, month, day} }

// DateOf returns the Date of t in t's location.
func DateOf(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day()} }

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as ISO text at its precision: "2011-03-05",
// "2011-03" or "2011"; the zero Date is "".
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Chinese formats the date for people: "2011年3月5日", "2011年3月", "2011年".
func (d Date) Chinese() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%d年", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%d年%d月", d.Year, d.Month)
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	for _, p := range [][2]int{{d.Year, e.Year}, {d.Month, e.Month}, {d.Day, e.Day}} {
		if p[0] < p[1] {
			return -1
		}
		if p[0] > p[1] {
			return 1
		}
	}
	return 0
}

// Validate checks that the parts form a real calendar date at its precision.
func (d Date) Validate() error {
	if d.IsZero() {
		if d.Month != 0 || d.Day != 0 {
			return Errorf(EInvalid, "日期缺少年份")
		}
		return nil
	}
	if d.Year < 1900 || d.Year > 2200 {
		return Errorf(EInvalid, "年份 %d 不在 1900–2200 之间", d.Year)
	}
	if d.Month < 0 || d.Month > 12 {
		return Errorf(EInvalid, "月份 %d 不正确", d.Month)
	}
	if d.Month == 0 && d.Day != 0 {
		return Errorf(EInvalid, "日期有日无月")
	}
	if d.Day != 0 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.Day || d.Day < 1 {
			return Errorf(EInvalid, "%d年%d月没有%d日", d.Year, d.Month, d.Day)
		}
	}
	return nil
}

// ParseISODate parses the text produced by Date.String ("", "2011",
// "2011-03", "2011-03-05"). It is the storage format, not a user format; the
// importers accept the many forms users type.
func ParseISODate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, Errorf(EInvalid, "日期格式不正确：%s", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, Errorf(EInvalid, "日期格式不正确：%s", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if err := d.Validate(); err != nil {
		return Date{}, err
	}
	return d, nil
}
