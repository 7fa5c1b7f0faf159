package formspec

import (
	"errors"
	"testing"

	"xingji/model"
)

// TestKeysText pins the text of every key: these strings are written into
// the forms already sent out and stored with every value in the database,
// so their text must never change.
func TestKeysText(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{UnitSubject(4).String(), "u:4"},
		{MemberSubject(17).String(), "m:17"},
		{FieldKey{Item: "3", Field: "score"}.String(), "f:3:score"},
		{RaterKey{Source: model.SourcePeer, Rater: PeerRater(101)}.String(), "s:peer:m101"},
		{RaterKey{Source: model.SourceSelf, Rater: SelfRater}.String(), "s:self:self"},
		{RaterKey{Source: model.SourcePublic, Rater: NumberedRater(5)}.String(), "s:public:5"},
		{VoteSatisfied.Key(), "b:satisfied"},
		{VoteBasic.Key(), "b:basic"},
		{VoteUnsatisfied.Key(), "b:unsatisfied"},
		{LedgerKey(3), "l:3"},
		{SheetMark(model.RoleSelf), "#xingji:self"},
		{IdentityMarker, "xingji-form-1"},
		{KeyValue, "value"},
		{KeyNote, "note"},
		{SourceBallot, "ballot"},
		{SourceLedger, "ledger"},
		{FieldTotal, "total"},
		{SatisfactionFact, "satisfaction"},
	} {
		if c.got != c.want {
			t.Errorf("key %q, want %q", c.got, c.want)
		}
	}
	var cols []string
	for _, c := range LedgerColumns {
		cols = append(cols, c.Key)
	}
	if got, want := cols, []string{"who", "what", "deadline", "state", "evidence"}; !equal(got, want) {
		t.Errorf("ledger columns %q, want %q", got, want)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestParseFieldKey(t *testing.T) {
	for _, c := range []struct {
		name string
		key  string
		want FieldKey
		ok   bool
	}{
		{"score", "f:3:score", FieldKey{Item: "3", Field: "score"}, true},
		{"code with a dot", "f:2.1:missingUpperReviews", FieldKey{Item: "2.1", Field: "missingUpperReviews"}, true},
		{"code with a colon", "f:a:b:n", FieldKey{Item: "a:b", Field: "n"}, true},
		{"empty", "", FieldKey{}, false},
		{"other key", "u:1", FieldKey{}, false},
		{"no field", "f:3", FieldKey{}, false},
		{"empty field", "f:3:", FieldKey{}, false},
		{"empty item", "f::score", FieldKey{}, false},
		{"prefix only", "f:", FieldKey{}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseFieldKey(c.key)
			if !c.ok {
				if err == nil || !errors.Is(err, ErrFieldKey) {
					t.Fatalf("ParseFieldKey(%q) = %+v, %v; want an ErrFieldKey", c.key, got, err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("ParseFieldKey(%q) = %+v, %v; want %+v", c.key, got, err, c.want)
			}
			if got.String() != c.key {
				t.Errorf("ParseFieldKey(%q).String() = %q", c.key, got.String())
			}
		})
	}
}

func TestParseRaterKey(t *testing.T) {
	for _, c := range []struct {
		name string
		key  string
		want RaterKey
		ok   bool
	}{
		{"self", "s:self:self", RaterKey{Source: "self", Rater: "self"}, true},
		{"peer", "s:peer:m101", RaterKey{Source: "peer", Rater: "m101"}, true},
		{"numbered", "s:leader:2", RaterKey{Source: "leader", Rater: "2"}, true},
		{"rater with a colon", "s:public:a:b", RaterKey{Source: "public", Rater: "a:b"}, true},
		{"empty", "", RaterKey{}, false},
		{"other key", "m:1", RaterKey{}, false},
		{"no rater", "s:peer", RaterKey{}, false},
		{"empty rater", "s:peer:", RaterKey{}, false},
		{"empty source", "s::1", RaterKey{}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseRaterKey(c.key)
			if !c.ok {
				if err == nil || !errors.Is(err, ErrRaterKey) {
					t.Fatalf("ParseRaterKey(%q) = %+v, %v; want an ErrRaterKey", c.key, got, err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("ParseRaterKey(%q) = %+v, %v; want %+v", c.key, got, err, c.want)
			}
			if got.String() != c.key {
				t.Errorf("ParseRaterKey(%q).String() = %q", c.key, got.String())
			}
		})
	}
}

func TestLedgerLine(t *testing.T) {
	for _, c := range []struct {
		key, line string
		ok        bool
	}{
		{LedgerKey(1), "1", true},
		{LedgerKey(20), "20", true},
		{"l:", "", true},
		{"u:1", "", false},
		{"", "", false},
	} {
		line, ok := LedgerLine(c.key)
		if line != c.line || ok != c.ok {
			t.Errorf("LedgerLine(%q) = %q, %v; want %q, %v", c.key, line, ok, c.line, c.ok)
		}
	}
}

func TestSheetRoleOf(t *testing.T) {
	for _, role := range []model.SheetRole{model.RoleSelf, model.RoleAppraisal, model.RoleBallot, model.RoleLedger, model.RoleReview} {
		if got, ok := SheetRoleOf(SheetMark(role)); !ok || got != role {
			t.Errorf("SheetRoleOf(%q) = %q, %v", SheetMark(role), got, ok)
		}
	}
	for _, a1 := range []string{"", "自评表", IdentityMarker, "xingji:self"} {
		if role, ok := SheetRoleOf(a1); ok {
			t.Errorf("SheetRoleOf(%q) = %q, want no role", a1, role)
		}
	}
}

func TestVotes(t *testing.T) {
	var labels []string
	for _, v := range Votes {
		labels = append(labels, v.Label())
	}
	if want := []string{"满意", "基本满意", "不满意"}; !equal(labels, want) {
		t.Errorf("vote labels %q, want %q", labels, want)
	}
}
