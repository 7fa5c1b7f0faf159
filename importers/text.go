package importers

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize folds the full-width forms that Chinese input methods produce to
// their ASCII counterparts (０-９ → 0-9, Ａ → A, ．，－／：（） → .,-/:()), turns
// the ideographic space U+3000, the no-break space and other odd spaces into
// a plain space, and drops zero-width characters and stray byte-order marks.
// Chinese characters and the Chinese full stop "。" and enumeration comma "、"
// are left alone. It returns s itself when there is nothing to change.
func Normalize(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII block
			b.WriteByte(byte(r - 0xFEE0))
		case r == 0x3000, r == 0x00A0, r == 0x202F, r == 0x205F, r >= 0x2000 && r <= 0x200A:
			b.WriteByte(' ')
		case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x2060, r == 0xFEFF:
			// zero-width: drop
		case r == utf8.RuneError:
			// an undecodable byte: drop rather than show "�"
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s needs no folding: ASCII, or CJK text without
// full-width forms, odd spaces or zero-width characters.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == 0x00A0 || (r >= 0x2000 && r <= 0x206F) || r == 0x3000 || r >= 0xFE00 && r <= 0xFFFF {
			return false
		}
		i += n
	}
	return true
}

// Clean normalises s and trims surrounding white space, including the
// ideographic space, no-break space, tabs and line breaks.
func Clean(s string) string {
	return strings.TrimSpace(Normalize(s))
}

// CleanName cleans a person's or organization's name: it normalises, trims,
// removes white space between Chinese characters ("张  三" → "张三") and
// collapses any other run of white space to one space ("Mary  Ann" →
// "Mary Ann").
func CleanName(s string) string {
	s = Clean(s)
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	fields := strings.FieldsFunc(s, unicode.IsSpace)
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(fields[i-1])
			next, _ := utf8.DecodeRuneInString(f)
			if !isHan(prev) && !isHan(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

// isHan reports whether r is a Chinese character or a CJK mark such as "·".
func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r) || r == '·' || r == '•' || r >= 0x3000 && r <= 0x303F
}

// HeaderKey reduces a column header to the form used for matching: cleaned,
// with all white space and line breaks removed, asterisks and similar
// required-field marks dropped, a trailing note in brackets removed
// ("出生日期（格式：2011-03-05）" → "出生日期", "姓名*" → "姓名"), and ASCII
// letters lower-cased.
func HeaderKey(s string) string {
	s = Normalize(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '※' || r == '★' || r == '☆' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	// Drop bracketed notes, also a leading one such as "(必填)姓名".
	for _, pair := range [][2]string{{"(", ")"}, {"【", "】"}, {"[", "]"}, {"〔", "〕"}} {
		for {
			i := strings.Index(s, pair[0])
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], pair[1])
			if j < 0 {
				s = s[:i]
				break
			}
			s = s[:i] + s[i+j+len(pair[1]):]
		}
	}
	return strings.Trim(s, ":：")
}

// numberUnits are the trailing units people type after a number in a score
// or count cell ("8分", "3次"); ParseNumber ignores them.
var numberUnits = []string{"分", "次", "个", "人", "项", "天", "名", "篇", "件", "条", "元", "年", "岁"}

// TrimUnit removes one trailing unit such as "分" from a cleaned number text
// ("8.5分" → "8.5") and returns the rest, trimmed.
func TrimUnit(s string) string {
	s = Clean(s)
	for _, u := range numberUnits {
		if strings.HasSuffix(s, u) {
			return strings.TrimSpace(strings.TrimSuffix(s, u))
		}
	}
	return s
}

// ParseNumber reads a number as people type it in a score or count cell:
// full-width digits, surrounding spaces, thousands separators and a trailing
// unit such as "分" are accepted ("８.５分" → 8.5, "1,200" → 1200). A blank
// cell is an error too; callers check for blank first when blank is allowed.
func ParseNumber(s string) (float64, error) {
	t := strings.ReplaceAll(TrimUnit(s), ",", "")
	t = strings.TrimPrefix(t, "+")
	if t == "" {
		return 0, &Error{Message: "数值为空", Hint: "请填写数字"}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || !isFinite(v) {
		return 0, &Error{Message: "无法识别的数值“" + Clean(s) + "”", Hint: "请只填写数字，例如 8 或 8.5"}
	}
	return v, nil
}

func isFinite(v float64) bool { return v == v && v-v == 0 }
