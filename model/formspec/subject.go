package formspec

import (
	"errors"
	"strconv"
	"strings"

	"xingji/model"
)

// Subject is whom a value is about: a unit or a member, by database id. Its
// text (String) is the row key of the unit or member on a form and the
// subject stored with each value: "u:12" for unit 12, "m:34" for member 34.
type Subject struct {
	Kind model.SubjectKind
	ID   int64
}

// UnitSubject is the subject of unit id.
func UnitSubject(id int64) Subject { return Subject{Kind: model.SubjectUnit, ID: id} }

// MemberSubject is the subject of member id.
func MemberSubject(id int64) Subject { return Subject{Kind: model.SubjectMember, ID: id} }

// subjectPrefix is the key prefix of each subject kind.
var subjectPrefix = [...]struct {
	kind   model.SubjectKind
	prefix string
}{
	{model.SubjectUnit, "u:"},
	{model.SubjectMember, "m:"},
}

// String returns the subject's key: "u:<id>" or "m:<id>". It is empty for a
// subject of no known kind.
func (s Subject) String() string {
	for _, p := range subjectPrefix {
		if p.kind == s.Kind {
			return p.prefix + strconv.FormatInt(s.ID, 10)
		}
	}
	return ""
}

// ErrSubject is what ParseSubject returns (wrapped) for text that is not a
// subject key.
var ErrSubject = errors.New("不是党组织或党员的标识")

// SubjectKindOf returns the kind a key names by its prefix alone ("u:" a
// unit, "m:" a member), whether or not the id after it is well formed: a
// member's row whose id was damaged is still a member's row. ok is false
// for any other text.
func SubjectKindOf(key string) (kind model.SubjectKind, ok bool) {
	for _, p := range subjectPrefix {
		if strings.HasPrefix(key, p.prefix) {
			return p.kind, true
		}
	}
	return "", false
}

// ParseSubject reads a subject key as String writes it. It accepts only
// that exact text — "u:" or "m:" and a positive decimal id without sign or
// leading zeros — so that a parsed subject always prints back to the same
// key; anything else is an error wrapping ErrSubject.
func ParseSubject(key string) (Subject, error) {
	kind, ok := SubjectKindOf(key)
	if !ok {
		return Subject{}, &KeyError{Key: key, Err: ErrSubject}
	}
	digits := key[2:]
	if digits == "" || digits[0] < '1' || digits[0] > '9' {
		return Subject{}, &KeyError{Key: key, Err: ErrSubject}
	}
	for i := 1; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return Subject{}, &KeyError{Key: key, Err: ErrSubject}
		}
	}
	id, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return Subject{}, &KeyError{Key: key, Err: ErrSubject}
	}
	return Subject{Kind: kind, ID: id}, nil
}

// KeyError is a key that could not be read: the text, and which kind of
// key was expected (ErrSubject, ErrFieldKey, ErrRaterKey).
type KeyError struct {
	Key string
	Err error
}

// Error says which text is not which kind of key.
func (e *KeyError) Error() string { return "“" + e.Key + "”" + e.Err.Error() }

// Unwrap returns the kind of key expected.
func (e *KeyError) Unwrap() error { return e.Err }
