package model

import "testing"

func TestNextSchemeVersion(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "2"},
		{"1", "2"},
		{"9", "10"},
		{"2011", "2011-2"}, // a year: not "2012", which would read as next year's scheme
		{"2011-1", "2011-2"},
		{"2011-2", "2011-3"},
		{"v1.9", "v1.10"},
		{"试行", "试行-2"},
		{"99999999", "99999999-2"},
		{"a1", "a1-2"},
	} {
		if got := NextSchemeVersion(c.in); got != c.want {
			t.Errorf("NextSchemeVersion(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
