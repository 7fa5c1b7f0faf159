package model

import "strconv"

// NextSchemeVersion suggests the version label after v, the one rule for
// both the store (in its message when a version is taken) and the scheme
// screen (the label it offers when saving):
//
//	""       → "2"
//	"1"      → "2"        a plain counter counts on
//	"2011"   → "2011-2"   a year stays the year: its second version
//	"2011-1" → "2011-2"   the number after "-" or "." counts on
//	"v1.9"   → "v1.10"
//	"试行"    → "试行-2"
func NextSchemeVersion(v string) string {
	if v == "" {
		return "2"
	}
	i := len(v)
	for i > 0 && v[i-1] >= '0' && v[i-1] <= '9' {
		i--
	}
	digits := v[i:]
	n, err := strconv.Atoi(digits)
	switch {
	case digits == "" || err != nil || n >= 1_000_000:
		return v + "-2"
	case i == 0 && len(digits) < 4:
		return strconv.Itoa(n + 1)
	case i > 0 && (v[i-1] == '-' || v[i-1] == '.'):
		return v[:i] + strconv.Itoa(n+1)
	}
	return v + "-2"
}
