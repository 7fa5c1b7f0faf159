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

// "A saved scheme before a built-in one; no version means the newest, the
// one saved last."
func TestFindScheme(t *testing.T) {
	saved := []SchemeKey{{"a", "1"}, {"a", "2"}, {"b", "1"}, {"a", "试行"}}
	builtins := []Scheme{{Code: "a", Version: "2011"}, {Code: "c", Version: "1"}, {Code: "c", Version: "2"}}
	for _, c := range []struct {
		name, code, version string
		saved               int    // index in saved, or -1
		builtin             string // the built-in's version when it is one
		err                 string
	}{
		{"the one saved last", "a", "", 3, "", ""},
		{"a saved version", "a", "1", 0, "", ""},
		{"a built-in version of a saved code", "a", "2011", -1, "2011", ""},
		{"the first built-in of a code", "c", "", -1, "1", ""},
		{"a built-in version", "c", "2", -1, "2", ""},
		{"no such code", "x", "", -1, "", "没有编码为“x”的方案"},
		{"no such version", "a", "9", -1, "", "没有编码为“a”、版本为“9”的方案"},
	} {
		t.Run(c.name, func(t *testing.T) {
			i, b, err := FindScheme(saved, builtins, c.code, c.version)
			if c.err != "" {
				if ErrorCodeOf(err) != ENotFound || ErrorMessage(err) != c.err {
					t.Fatalf("err = %v, want ENotFound %q", err, c.err)
				}
				return
			}
			if err != nil || i != c.saved || (b == nil) != (c.builtin == "") || b != nil && b.Version != c.builtin {
				t.Fatalf("FindScheme = %d, %v, %v; want %d, built-in %q", i, b, err, c.saved, c.builtin)
			}
		})
	}
}
