package formspec

import (
	"errors"
	"math"
	"testing"

	"xingji/model"
)

func TestSubjectString(t *testing.T) {
	for _, c := range []struct {
		name string
		s    Subject
		want string
	}{
		{"unit", UnitSubject(12), "u:12"},
		{"member", MemberSubject(34), "m:34"},
		{"largest id", UnitSubject(math.MaxInt64), "u:9223372036854775807"},
		{"no kind", Subject{ID: 5}, ""},
		{"unknown kind", Subject{Kind: "party", ID: 5}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.s.String(); got != c.want {
				t.Errorf("%+v.String() = %q, want %q", c.s, got, c.want)
			}
		})
	}
}

// parseSubjectCases are the table of TestParseSubject and the seeds of
// FuzzParseSubject.
var parseSubjectCases = []struct {
	name string
	key  string
	want Subject
	ok   bool
}{
	{"unit", "u:12", UnitSubject(12), true},
	{"member", "m:34", MemberSubject(34), true},
	{"one digit", "u:1", UnitSubject(1), true},
	{"largest id", "m:9223372036854775807", MemberSubject(math.MaxInt64), true},
	{"empty", "", Subject{}, false},
	{"unknown kind", "x:1", Subject{}, false},
	{"no id", "u:", Subject{}, false},
	{"negative id", "u:-1", Subject{}, false},
	{"letters", "u:abc", Subject{}, false},
	{"zero id", "u:0", Subject{}, false},
	{"leading zero", "u:012", Subject{}, false},
	{"plus sign", "u:+1", Subject{}, false},
	{"space before id", "u: 1", Subject{}, false},
	{"space after id", "m:1 ", Subject{}, false},
	{"digits then letters", "m:12a", Subject{}, false},
	{"too large", "u:9223372036854775808", Subject{}, false},
	{"upper-case kind", "U:1", Subject{}, false},
	{"no colon", "u12", Subject{}, false},
	{"kind only", "u", Subject{}, false},
	{"full-width digit", "u:１", Subject{}, false},
	{"field key", "f:3:score", Subject{}, false},
}

func TestParseSubject(t *testing.T) {
	for _, c := range parseSubjectCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseSubject(c.key)
			if !c.ok {
				if err == nil {
					t.Fatalf("ParseSubject(%q) = %+v, want an error", c.key, got)
				}
				if !errors.Is(err, ErrSubject) {
					t.Errorf("ParseSubject(%q) error %v does not wrap ErrSubject", c.key, err)
				}
				if got != (Subject{}) {
					t.Errorf("ParseSubject(%q) = %+v with its error, want the zero Subject", c.key, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseSubject(%q): %v", c.key, err)
			}
			if got != c.want {
				t.Errorf("ParseSubject(%q) = %+v, want %+v", c.key, got, c.want)
			}
			if back := got.String(); back != c.key {
				t.Errorf("ParseSubject(%q).String() = %q", c.key, back)
			}
		})
	}
}

// TestParseSubjectErrorSaysWhichKey: the error names the text it could not
// read, in Chinese.
func TestParseSubjectErrorSaysWhichKey(t *testing.T) {
	_, err := ParseSubject("u:abc")
	if want := "“u:abc”不是党组织或党员的标识"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

func TestSubjectKindOf(t *testing.T) {
	for _, c := range []struct {
		key  string
		kind model.SubjectKind
		ok   bool
	}{
		{"u:12", model.SubjectUnit, true},
		{"m:34", model.SubjectMember, true},
		{"m:abc", model.SubjectMember, true}, // a member's row with a damaged id
		{"u:", model.SubjectUnit, true},
		{"", "", false},
		{"x:1", "", false},
		{"l:1", "", false},
	} {
		kind, ok := SubjectKindOf(c.key)
		if kind != c.kind || ok != c.ok {
			t.Errorf("SubjectKindOf(%q) = %q, %v; want %q, %v", c.key, kind, ok, c.kind, c.ok)
		}
	}
}

// FuzzParseSubject checks that ParseSubject never panics, that whatever it
// accepts prints back to the same text, and that a subject of either kind
// with a positive id reads back as itself: Parse(String(x)) == x.
func FuzzParseSubject(f *testing.F) {
	for i, c := range parseSubjectCases {
		f.Add(c.key, i%2 == 0, c.want.ID)
	}
	f.Add("m:1", false, int64(-7))
	f.Fuzz(func(t *testing.T, key string, unit bool, id int64) {
		if s, err := ParseSubject(key); err == nil {
			if s.String() != key {
				t.Errorf("ParseSubject(%q) = %+v, which prints as %q", key, s, s.String())
			}
			if s.ID <= 0 {
				t.Errorf("ParseSubject(%q) accepted id %d", key, s.ID)
			}
		}
		x := MemberSubject(id)
		if unit {
			x = UnitSubject(id)
		}
		got, err := ParseSubject(x.String())
		switch {
		case id <= 0 && err == nil:
			t.Errorf("ParseSubject(%q) accepted a subject without a positive id", x.String())
		case id > 0 && err != nil:
			t.Errorf("ParseSubject(%q): %v", x.String(), err)
		case id > 0 && got != x:
			t.Errorf("ParseSubject(%q) = %+v, want %+v", x.String(), got, x)
		}
	})
}
