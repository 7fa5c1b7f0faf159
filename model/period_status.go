package model

import (
	"strings"
	"time"
)

// StatusState is where one expected form stands in a period.
type StatusState string

// Status states.
const (
	StateSubmitted StatusState = "submitted" // 已提交: an accepted version exists
	StateRejected  StatusState = "rejected"  // 被退回: files came, none was accepted
	StateMissing   StatusState = "missing"   // 未提交: nothing came
)

// Label returns the state in Chinese.
func (s StatusState) Label() string {
	switch s {
	case StateSubmitted:
		return "已提交"
	case StateRejected:
		return "被退回"
	}
	return "未提交"
}

// Waiting reports whether the form is still owed: nothing came, or only
// refused files came (a rejected unit has sent nothing usable). The missing
// list and the board's 未提交（含被退回） filter both follow it.
func (s StatusState) Waiting() bool { return s != StateSubmitted }

// StatusRow is one line of a period's status board (收件情况): one expected
// form — a unit's workbook or a department's review — with what came for it.
type StatusRow struct {
	Form       FormKind    `json:"form"`
	UnitID     int64       `json:"unitId,omitempty"`
	UnitCode   string      `json:"unitCode,omitempty"`
	UnitName   string      `json:"unitName,omitempty"`
	Secretary  string      `json:"secretary,omitempty"`
	Phone      string      `json:"phone,omitempty"` // the secretary's phone, to call round
	Dept       string      `json:"dept,omitempty"`
	State      StatusState `json:"state"`
	Version    int         `json:"version,omitempty"`    // the accepted version
	Superseded int         `json:"superseded,omitempty"` // earlier versions kept
	Rejected   int         `json:"rejected,omitempty"`   // files refused
	File       string      `json:"file,omitempty"`       // the accepted file, else the last refused one
	SHA256     string      `json:"sha256,omitempty"`     // File's SHA-256, under which its bytes are kept
	Received   time.Time   `json:"received,omitempty"`
	// Problems are the reasons the last refused file was refused, when it
	// came after the accepted version (or there is none).
	Problems []string `json:"problems,omitempty"`
}

// StatusBoard is a period's status board.
type StatusBoard struct {
	PeriodID   int64       `json:"periodId"`
	PeriodName string      `json:"periodName"`
	Rows       []StatusRow `json:"rows"`
	Submitted  int         `json:"submitted"`
	Rejected   int         `json:"rejected"`
	Missing    int         `json:"missing"`
	// Unmatched counts files refused before they could be tied to a unit or
	// department of the period.
	Unmatched []Submission `json:"-"`
}

// SecretaryContact returns who to phone for a unit and their number: the
// member of the unit named as its 书记 (Unit.Secretary), preferring one
// whose post is a 书记 when two share the name; when the unit names no
// secretary, the member whose post is its 书记 (not a 副书记). A named
// secretary without a phone gives the name and no number: another member's
// phone would reach the wrong person. members are the unit's members (any
// others are ignored).
func SecretaryContact(u Unit, members []Member) (name, phone string) {
	isSecretaryPost := func(pos string) bool {
		return strings.HasSuffix(pos, "书记") && !strings.Contains(pos, "副书记")
	}
	name = strings.TrimSpace(u.Secretary)
	best, bestScore := -1, -1
	for i, m := range members {
		if m.UnitID != u.ID || (name != "" && m.Name != name) || (name == "" && !isSecretaryPost(m.Position)) {
			continue
		}
		score := 0
		if isSecretaryPost(m.Position) {
			score += 2
		}
		if strings.TrimSpace(m.Phone) != "" {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return name, ""
	}
	return members[best].Name, strings.TrimSpace(members[best].Phone)
}

// BuildStatusBoard works out the status board of a period from its units
// (looked up by id in units), the members who may be their secretaries
// (by unit id; see SecretaryContact) and every receipt of the period.
func BuildStatusBoard(p Period, units map[int64]Unit, leaders map[int64][]Member, subs []Submission) StatusBoard {
	b := StatusBoard{PeriodID: p.ID, PeriodName: p.Name}
	type key struct {
		form FormKind
		unit int64
		dept string
	}
	index := map[key]int{}
	add := func(r StatusRow) {
		index[key{r.Form, r.UnitID, r.Dept}] = len(b.Rows)
		b.Rows = append(b.Rows, r)
	}
	for _, id := range p.Units {
		u := units[id]
		name, phone := SecretaryContact(u, leaders[id])
		add(StatusRow{Form: FormUnit, UnitID: id, UnitCode: u.Code, UnitName: u.Name, Secretary: name, Phone: phone, State: StateMissing})
	}
	for _, d := range p.Departments() {
		add(StatusRow{Form: FormReview, Dept: DeptLabel(d), State: StateMissing})
	}
	for _, s := range subs {
		k := key{s.Form, s.UnitID, ""}
		if s.Form == FormReview {
			k = key{s.Form, 0, DeptLabel(s.Dept)}
		}
		i, ok := index[k]
		if !ok {
			b.Unmatched = append(b.Unmatched, s)
			continue
		}
		r := &b.Rows[i]
		switch s.Status {
		case SubmissionAccepted:
			r.State, r.Version, r.File, r.SHA256, r.Received, r.Problems = StateSubmitted, s.Version, s.FileName, s.SHA256, s.Received, nil
		case SubmissionSuperseded:
			r.Superseded++
		case SubmissionRejected:
			r.Rejected++
			if r.State != StateSubmitted {
				r.State, r.File, r.SHA256, r.Received = StateRejected, s.FileName, s.SHA256, s.Received
			}
			r.Problems = s.Problems
		}
	}
	for _, r := range b.Rows {
		switch r.State {
		case StateSubmitted:
			b.Submitted++
		case StateRejected:
			b.Rejected++
		default:
			b.Missing++
		}
	}
	return b
}

// DeptLabel names a department for people: "" is the committee itself.
func DeptLabel(d string) string {
	if d == "" {
		return "党委"
	}
	return d
}
