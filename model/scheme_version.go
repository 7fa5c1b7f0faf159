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

// SchemeKey names one version of a scheme: its code and version label.
type SchemeKey struct {
	Code    string
	Version string
}

// FindScheme is the one rule for which scheme a code and version name, for
// the office's jobs and the console's commands alike: a saved scheme before
// a built-in one; an empty version means the newest, which among the saved
// ones of a code is the one saved last. saved lists the saved schemes' keys
// in the order they were saved. It returns the index in saved of the scheme
// named, or -1 and the built-in one; a scheme named by neither is
// ENotFound.
func FindScheme(saved []SchemeKey, builtins []Scheme, code, version string) (int, *Scheme, error) {
	for i := len(saved) - 1; i >= 0; i-- {
		if k := saved[i]; k.Code == code && (version == "" || k.Version == version) {
			return i, nil, nil
		}
	}
	for i := range builtins {
		if b := &builtins[i]; b.Code == code && (version == "" || b.Version == version) {
			return -1, b, nil
		}
	}
	if version != "" {
		return -1, nil, Errorf(ENotFound, "没有编码为“%s”、版本为“%s”的方案", code, version)
	}
	return -1, nil, Errorf(ENotFound, "没有编码为“%s”的方案", code)
}
