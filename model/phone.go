package model

import (
	"strings"
	"unicode/utf8"
)

// NormalizePhone returns a phone number as it is stored: full-width digits
// and dashes made half-width, 转 (extension) written as "-", and the spaces
// and brackets people type around area codes removed: "（0931）８１２ ３４５６"
// becomes "0931-8123456". It does not check the result; see CheckPhone.
func NormalizePhone(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '－' || r == '—' || r == '–' || r == '‐' || r == '转':
			b.WriteRune('-')
		case r == '（' || r == '(':
		case r == '）' || r == ')':
			b.WriteRune('-')
		case r == '＋':
			b.WriteRune('+')
		case r == ' ' || r == '\u3000' || r == '\t':
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Trim(b.String(), "-")
	for strings.Contains(out, "--") {
		out = strings.ReplaceAll(out, "--", "-")
	}
	return out
}

// CheckPhone checks that a phone number looks like one (empty is allowed):
// an 11-digit mobile number starting with 1 (optionally after +86), or a
// landline — 7 or 8 digits, optionally after an area code of 0 and 2 or 3
// more digits with a dash, optionally followed by a dash and an extension of
// up to 6 digits: 13912345678, 0931-8123456, 8123456, 010-12345678-801.
// Full-width digits are accepted (see NormalizePhone).
func CheckPhone(s string) error {
	p := NormalizePhone(s)
	if p == "" {
		return nil
	}
	shown := strings.TrimSpace(s)
	bad := Errorf(EInvalid, "“%s”不像电话号码。手机号为以1开头的11位数字（如 13912345678）；"+
		"固定电话如 0931-8123456 或 8123456，分机号用“-”隔开", shown)
	p = strings.TrimPrefix(p, "+86-")
	p = strings.TrimPrefix(p, "+86")
	parts := strings.Split(p, "-")
	for _, part := range parts {
		if part == "" || !allDigits(part) {
			return bad
		}
	}
	first := parts[0]
	if len(parts) == 1 && first[0] == '1' {
		if len(first) != 11 {
			return Errorf(EInvalid, "手机号“%s”应为11位数字，实际%d位", shown, utf8.RuneCountInString(first))
		}
		return nil
	}
	// Landline: [area code][-]number[-extension].
	if first[0] == '0' {
		switch {
		case len(first) >= 3 && len(first) <= 4 && len(parts) >= 2:
			parts = parts[1:] // area code with a dash
		case len(first) >= 10 && len(first) <= 12:
			// area code and number typed together: 09318123456
			if len(parts) > 2 {
				return bad
			}
			return checkExtension(parts[1:], bad)
		default:
			return bad
		}
	}
	if n := len(parts[0]); n < 7 || n > 8 || parts[0][0] == '0' {
		return bad
	}
	return checkExtension(parts[1:], bad)
}

// checkExtension accepts no extension or one of 1 to 6 digits.
func checkExtension(rest []string, bad error) error {
	switch {
	case len(rest) == 0:
		return nil
	case len(rest) == 1 && len(rest[0]) <= 6:
		return nil
	}
	return bad
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
