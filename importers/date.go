package importers

import (
	"math"
	"strconv"
	"strings"
	"time"

	"xingji/model"
)

// Date limits: model.Date accepts years 1900–2200.
const (
	minYear = 1900
	maxYear = 2200
	// maxSerial is the Excel serial number of 2200-12-31; larger numbers are
	// not dates a roster can hold.
	maxSerial = 110209
)

// dateHint is the advice given with every unreadable date.
const dateHint = "请改为 2011-03-05 或 2011.3 这样的格式"

// ParseDate reads a date as rosters write it. text is the cell as displayed,
// raw and isNumber come from Cell.Raw and Cell.Number. A blank cell gives the
// zero Date and no error.
//
// Text forms (full-width digits and punctuation are accepted): "2011-03-05",
// "2011/3/5", "2011.3.5", "2011年3月5日" (also 号), "2011-03-05 00:00:00" and
// "2011-03-05T08:00:00" (time ignored), "2011.3", "2011.03", "2011-3",
// "2011年3月", "2011年", "2011", "20110305", "201103".
//
// Numbers: a cell holding a number is read from raw. An integer 1900–2200
// is a year; an 8-digit integer 19000101–22001231 is yyyymmdd; a 6-digit
// integer 190001–220012 is yyyymm; a number with a fraction whose whole part
// is a year is year.month, and the month comes from the displayed text when
// it shows one ("2011.10" with a 0.00 format is October) and otherwise from
// raw's digits ("2011.1" is January). Caution, chosen and documented: a
// number typed as 2011.10 is stored by Excel as 2011.1, so it reads as
// January; AmbiguousMonth reports that case so importers can warn. Any other
// number is an Excel serial in the 1900 date system: serial 1 is 1900-01-01,
// serial 60 is the non-existent 1900-02-29 of Excel's leap-year bug and is
// rejected, serials from 61 on are one day ahead of the true count, and a
// fraction (a time of day) is dropped. Serials beyond 2200-12-31 are errors.
// When the displayed text of a serial reads as a date of lower precision at
// the same year and month (a cell formatted yyyy"年"m"月" shows "2011-03"),
// that lower precision is kept: the user wrote a month, not a day.
//
// Errors are *Error values with Message and Hint and no place; callers add
// the place with (*Error).At.
func ParseDate(text, raw string, isNumber bool) (model.Date, error) {
	if isNumber {
		if v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64); err == nil && isFinite(v) {
			return dateFromNumber(v, text, raw)
		}
	}
	return parseDateText(text)
}

// AmbiguousMonth reports whether a cell is a number such as 2011.1 that reads
// as January but may have been typed as 2011.10 (October) and lost its zero.
func AmbiguousMonth(text, raw string, isNumber bool) bool {
	if !isNumber {
		return false
	}
	raw = strings.TrimSpace(raw)
	whole, frac, ok := strings.Cut(raw, ".")
	if !ok || frac != "1" {
		return false
	}
	y, err := strconv.Atoi(whole)
	if err != nil || y < minYear || y > maxYear {
		return false
	}
	t := Clean(text)
	return !strings.HasSuffix(t, ".10") && !strings.HasSuffix(t, ".01")
}

// dateFromNumber reads a date stored as a number (see ParseDate).
func dateFromNumber(v float64, text, raw string) (model.Date, error) {
	shown := displayOf(text, raw)
	if v == math.Trunc(v) && v >= 0 && v < 1e9 {
		n := int(v)
		switch {
		case n >= minYear && n <= maxYear:
			return checked(model.Date{Year: n}, shown)
		case n >= 19000101 && n <= 22001231:
			return checked(model.Date{Year: n / 10000, Month: n / 100 % 100, Day: n % 100}, shown)
		case n >= 190001 && n <= 220012:
			return checked(model.Date{Year: n / 100, Month: n % 100}, shown)
		}
	}
	if whole := math.Trunc(v); v > 0 && whole >= minYear && whole <= maxYear && v != whole {
		// year.month typed as a number; prefer the text when it shows the month.
		if d, err := parseDateText(text); err == nil && d.Year == int(whole) && d.Month != 0 && d.Day == 0 {
			return d, nil
		}
		_, frac, _ := strings.Cut(strconv.FormatFloat(v, 'f', -1, 64), ".")
		m, err := strconv.Atoi(frac)
		if err != nil || len(frac) > 2 {
			return model.Date{}, unreadableDate(shown)
		}
		return checked(model.Date{Year: int(whole), Month: m}, shown)
	}
	if v < 1 || v >= maxSerial+1 {
		return model.Date{}, unreadableDate(shown)
	}
	serial := int(math.Floor(v))
	if serial == 60 {
		return model.Date{}, &Error{Message: "日期“1900-02-29”不存在（Excel 的 1900 年闰年错误）", Hint: dateHint}
	}
	if serial > 60 {
		serial-- // Excel counts the phantom 1900-02-29
	}
	t := time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, serial)
	d := model.DateOf(t)
	// Keep the precision the user sees: a serial shown as "2011-03" is a month.
	if td, err := parseDateText(text); err == nil && td.Year == d.Year && (td.Month == 0 || td.Month == d.Month) && td.Day == 0 {
		return td, nil
	}
	return checked(d, shown)
}

// displayOf picks what to quote to the user for a number cell.
func displayOf(text, raw string) string {
	if t := Clean(text); t != "" {
		return t
	}
	return strings.TrimSpace(raw)
}

// dateFields maps the separators people use between year, month and day to
// a space, so the text splits into its numbers.
var dateFields = strings.NewReplacer(
	"年", " ", "月", " ", "日", " ", "号", " ",
	"-", " ", "/", " ", ".", " ", "。", " ", "、", " ", "\\", " ", "－", " ", "—", " ", "–", " ", "‐", " ", "−", " ",
)

// parseDateText reads the text forms listed in ParseDate.
func parseDateText(text string) (model.Date, error) {
	s := Clean(text)
	if s == "" {
		return model.Date{}, nil
	}
	quoted := s
	// Drop a time of day: "2011-03-05 00:00:00", "2011-03-05T08:00", "2011/3/5 0:00".
	if i := strings.IndexAny(s, "T "); i > 0 && strings.Contains(s[i:], ":") {
		s = strings.TrimSpace(s[:i])
	}
	s = strings.TrimSuffix(s, "日")
	s = strings.TrimSuffix(s, "号")
	if s != "" && allDigits(s) {
		n, _ := strconv.Atoi(s)
		switch len(s) {
		case 4:
			return checked(model.Date{Year: n}, quoted)
		case 6:
			return checked(model.Date{Year: n / 100, Month: n % 100}, quoted)
		case 8:
			return checked(model.Date{Year: n / 10000, Month: n / 100 % 100, Day: n % 100}, quoted)
		}
		return model.Date{}, unreadableDate(quoted)
	}
	parts := strings.Fields(dateFields.Replace(s))
	if len(parts) < 1 || len(parts) > 3 || len(parts[0]) != 4 {
		return model.Date{}, unreadableDate(quoted)
	}
	var n [3]int
	for i, p := range parts {
		if !allDigits(p) || len(p) > 4 || (i > 0 && len(p) > 2) {
			return model.Date{}, unreadableDate(quoted)
		}
		n[i], _ = strconv.Atoi(p)
		if i > 0 && n[i] == 0 {
			return model.Date{}, unreadableDate(quoted)
		}
	}
	return checked(model.Date{Year: n[0], Month: n[1], Day: n[2]}, quoted)
}

// checked validates d, turning a calendar problem into an unreadable-date error.
func checked(d model.Date, quoted string) (model.Date, error) {
	if err := d.Validate(); err != nil {
		return model.Date{}, &Error{
			Message: "无法识别的日期“" + quoted + "”（" + model.ErrorMessage(err) + "）",
			Hint:    dateHint,
			Err:     err,
		}
	}
	return d, nil
}

func unreadableDate(quoted string) *Error {
	return &Error{Message: "无法识别的日期“" + quoted + "”", Hint: dateHint}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
