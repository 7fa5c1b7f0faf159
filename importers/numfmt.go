package importers

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// numKind says how a number format shows a number.
type numKind uint8

const (
	numGeneral numKind = iota
	numDate            // a date, perhaps with a time
	numPercent
	numFixed // a fixed number of decimals, such as 0.00 or #,##0
)

// Date precisions a date format can show.
const (
	precDay = iota
	precMonth
	precYear
)

// numFormat is what the importer needs to know of a cell's number format.
type numFormat struct {
	kind numKind
	prec int  // for numDate: precDay, precMonth or precYear; for numFixed and numPercent: decimals
	time bool // for numDate: the format also shows a time of day
}

// builtinFormat classifies Excel's built-in number formats by id. The ids
// 27–36 and 50–58 are the Chinese-locale date formats (yyyy"年"m"月" and so
// on); 18–21, 32–35, 45–47, 55 and 56 are times of day, shown as numbers here.
func builtinFormat(id int) numFormat {
	switch id {
	case 1, 3:
		return numFormat{kind: numFixed}
	case 2, 4:
		return numFormat{kind: numFixed, prec: 2}
	case 9:
		return numFormat{kind: numPercent}
	case 10:
		return numFormat{kind: numPercent, prec: 2}
	case 14, 15, 16, 28, 29, 30, 31, 51, 53, 54, 58:
		return numFormat{kind: numDate, prec: precDay}
	case 22:
		return numFormat{kind: numDate, prec: precDay, time: true}
	case 17, 27, 36, 50, 52, 57:
		return numFormat{kind: numDate, prec: precMonth}
	}
	return numFormat{}
}

// parseFormatCode classifies a custom number format code such as
// yyyy"年"m"月"d"日", yyyy.mm, 0.00% or @.
func parseFormatCode(code string) numFormat {
	if i := indexOutsideQuotes(code, ';'); i >= 0 {
		code = code[:i] // the first section formats positive numbers
	}
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				i = len(code)
			} else {
				i += j + 1
			}
		case '\\', '_', '*': // escaped or padding character: skip the next byte
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				b.WriteByte('h') // elapsed time
			}
			i += j
		default:
			b.WriteByte(c | 0x20*boolByte(c >= 'A' && c <= 'Z'))
		}
	}
	s := b.String()
	if s == "general" || s == "" || strings.Contains(s, "e+") || strings.Contains(s, "e-") {
		return numFormat{}
	}
	hasY := strings.ContainsAny(s, "ye")
	hasD := strings.ContainsRune(s, 'd')
	hasM := strings.ContainsRune(s, 'm')
	hasTime := strings.ContainsAny(s, "hs")
	switch {
	case hasD:
		return numFormat{kind: numDate, prec: precDay, time: hasTime}
	case hasY && hasM:
		return numFormat{kind: numDate, prec: precMonth}
	case hasY:
		return numFormat{kind: numDate, prec: precYear}
	case strings.ContainsRune(s, '%'):
		return numFormat{kind: numPercent, prec: decimals(s)}
	case strings.Trim(s, "0#,.?") == "" && strings.ContainsAny(s, "0#"):
		return numFormat{kind: numFixed, prec: decimals(s)}
	}
	return numFormat{}
}

// decimals counts the digit placeholders (0, # or ?) after the decimal
// point of a reduced format code: "0.00" → 2, "#,##0" → 0.
func decimals(s string) int {
	_, frac, ok := strings.Cut(s, ".")
	if !ok {
		return 0
	}
	n := 0
	for _, c := range frac {
		if c == '0' || c == '#' || c == '?' {
			n++
		}
	}
	return n
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

func indexOutsideQuotes(s string, c byte) int {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '"':
			quoted = !quoted
		case s[i] == '\\':
			i++
		case s[i] == c && !quoted:
			return i
		}
	}
	return -1
}

// excelEpoch is day 0 of Excel's 1900 date system as Excel counts it from
// serial 61 on (the phantom 1900-02-29 makes 1899-12-30 the effective epoch).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// date1904Offset converts a serial in the 1904 date system to the 1900 one.
const date1904Offset = 1462

// formatNumber renders a stored number as the user would see it, in a
// simplified way: dates as ISO text at the format's precision ("2011-03-05",
// "2011-03", "2011", with " 08:30:00" when the format shows a time),
// percentages as "95%", whole numbers below 10^15 in full, larger ones in
// Excel's General style ("1.10101E+17") and other numbers with at most 15
// significant digits. raw must already be in the 1900 date system.
func formatNumber(v float64, raw string, f numFormat) string {
	switch f.kind {
	case numDate:
		if v >= 1 && v < maxSerial+1 && int(v) != 60 {
			days := math.Floor(v)
			if days < 60 {
				days++ // before the phantom leap day the epoch is one day later
			}
			t := excelEpoch.AddDate(0, 0, int(days))
			var s string
			switch f.prec {
			case precYear:
				s = t.Format("2006")
			case precMonth:
				s = t.Format("2006-01")
			default:
				s = t.Format("2006-01-02")
			}
			if f.time {
				secs := int(math.Round((v - math.Floor(v)) * 86400))
				s += " " + time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(secs)*time.Second).Format("15:04:05")
			}
			return s
		}
	case numPercent:
		return strconv.FormatFloat(v*100, 'f', f.prec, 64) + "%"
	case numFixed:
		if math.Abs(v) < 1e21 {
			return strconv.FormatFloat(v, 'f', f.prec, 64)
		}
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	if math.Abs(v) >= 1e15 {
		s := strconv.FormatFloat(v, 'E', 5, 64) // 1.10101E+17
		mant, exp, _ := strings.Cut(s, "E")
		if strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return mant + "E" + exp
	}
	if plainDecimal(raw) {
		return raw // what trimFloat would give, without its three conversions
	}
	return trimFloat(v)
}

// plainDecimal reports whether raw is a decimal fraction as trimFloat
// writes one: an optional minus, an integer part without leading zeros, a
// point and a fraction not ending in 0, 15 significant digits at most. Such
// a text round-trips through a float64 unchanged.
func plainDecimal(raw string) bool {
	s := strings.TrimPrefix(raw, "-")
	intPart, frac, ok := strings.Cut(s, ".")
	if !ok || intPart == "" || frac == "" || frac[len(frac)-1] == '0' || len(intPart) > 1 && intPart[0] == '0' {
		return false
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	if len(digits) > 15 {
		return false
	}
	for i := 0; i < len(intPart); i++ {
		if intPart[i] < '0' || intPart[i] > '9' {
			return false
		}
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return false
		}
	}
	return true
}

// trimFloat formats v with at most 15 significant digits, as Excel stores
// and shows numbers ("0.30000000000000004" → "0.3").
func trimFloat(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		r = v
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
