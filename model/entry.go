package model

import "time"

// EntryKind says what the office entered itself, outside any branch form.
type EntryKind string

// Entry kinds.
const (
	// EntryScore is one field of one item of the committee's review (考评),
	// typed by the department that owns the item. It replaces the same field
	// of the department's review form, if one came.
	EntryScore EntryKind = "score"
	// EntryFact is a fact the scheme's caps, band conditions, stars or
	// facts-entered items read (换届逾期月数, 缺席次数, 满意率 …).
	EntryFact EntryKind = "fact"
	// EntryVeto is a veto that occurred (一票否决): value "1"; "" withdraws it.
	EntryVeto EntryKind = "veto"
	// EntryOwnStar is one of a unit's own stars (个性星) with its score.
	EntryOwnStar EntryKind = "ownstar"
)

// Label returns the kind in Chinese.
func (k EntryKind) Label() string {
	switch k {
	case EntryScore:
		return "考评得分"
	case EntryFact:
		return "考核事实"
	case EntryVeto:
		return "一票否决"
	case EntryOwnStar:
		return "个性星"
	}
	return string(k)
}

// EntryKey names what an entry sets: for a subject ("u:12", "m:34", see
// package formspec), the kind and the name — the item's code for a score,
// the fact's name, the veto's code, the own star's name — and, for a score,
// the item's field (model.Field.Name, "score" for a manual item).
type EntryKey struct {
	Subject string    `json:"subject"`
	Kind    EntryKind `json:"kind"`
	Name    string    `json:"name"`
	Field   string    `json:"field,omitempty"`
}

// Entry is one value the office entered for a period, kept forever: entries
// are never edited, a later entry for the same key replaces an earlier one,
// and an entry with an empty Value clears it. Each keeps who made it, when,
// the value it replaced and why — the audit trail of what the office typed.
type Entry struct {
	ID       int64  `json:"id,omitempty"`
	PeriodID int64  `json:"period"`
	EntryKey        // what it sets
	Dept     string `json:"dept,omitempty"` // for a score: the department that owns the item ("" the committee)
	// Value is a decimal as text (a flag is "1" or "0"; a veto that
	// occurred is "1"); "" clears the key.
	Value  string    `json:"value"`
	Old    string    `json:"old,omitempty"`    // the value it replaced, as it then stood ("" none)
	Reason string    `json:"reason,omitempty"` // why: 更正原因, or a veto's reason
	DocNo  string    `json:"docNo,omitempty"`  // a veto's document number (文号)
	User   string    `json:"user"`             // who entered it: the Windows user name
	At     time.Time `json:"at"`
	// File, Sheet and Cell say where an entry read from the entries
	// workbook came from; all empty for one typed on screen.
	File  string `json:"file,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Cell  string `json:"cell,omitempty"`
}

// Cleared reports whether the entry clears its key.
func (e Entry) Cleared() bool { return e.Value == "" }

// CurrentEntries keeps, of a log of entries in the order they were made,
// the last per key that does not clear it, in the order of those last
// entries.
func CurrentEntries(log []Entry) []Entry {
	last := make(map[EntryKey]int, len(log))
	for i, e := range log {
		last[e.EntryKey] = i
	}
	out := make([]Entry, 0, len(last))
	for i, e := range log {
		if last[e.EntryKey] == i && !e.Cleared() {
			out = append(out, e)
		}
	}
	return out
}

// ResultVersion is a numbered copy of a period's results, saved when the
// office circulates them. It never changes once saved.
type ResultVersion struct {
	PeriodID int64     `json:"period"`
	Number   int       `json:"number"` // 1, 2, … per period
	Note     string    `json:"note"`
	User     string    `json:"user"`
	Saved    time.Time `json:"saved"`
	// Summary is a line for lists ("9个党组织：五星级2个…"); Data the
	// results as JSON, as they stood.
	Summary string `json:"summary,omitempty"`
	Data    []byte `json:"-"`
}
