package model

import (
	"iter"
	"strconv"
)

// Ratings are the appraisal totals of one accepted file (党员评议表: each
// member's total from each rater) held compactly: a city's period holds
// four million of them, and as EntryValues they would take half a
// gigabyte. Every one was read from the same sheet and is of the same
// field, carries no item, and sits in a cell named the usual way ("AB12");
// each distinct subject, source, rater and value text is kept once in
// Strings and the rows point into it. Read them as values with Value or
// through Submission.All.
type Ratings struct {
	// At is their place among the file's values: they were read after
	// Submission.Values[:At] and before the rest.
	At      int
	Sheet   string
	Field   string
	Strings []string
	Rows    []Rating
}

// Rating is one total: its subject, source, rater and value as indexes
// into Ratings.Strings, and its cell.
type Rating struct {
	Subject, Rater, Value int32
	Row                   int32  // 1-based
	Col                   uint16 // 1-based: 1 is A
	Source                uint16
}

// Value returns row i as the value it was read as.
func (r *Ratings) Value(i int) EntryValue {
	x := &r.Rows[i]
	return EntryValue{Subject: r.Strings[x.Subject], Source: r.Strings[x.Source], Rater: r.Strings[x.Rater],
		Field: r.Field, Value: r.Strings[x.Value], Sheet: r.Sheet, Cell: CellName(int(x.Col), int(x.Row))}
}

// Len returns how many values the submission holds, its ratings included.
func (s *Submission) Len() int {
	if s.Ratings == nil {
		return len(s.Values)
	}
	return len(s.Values) + len(s.Ratings.Rows)
}

// All yields the submission's values about the subjects keep accepts (nil:
// every value), its ratings among them, in the order they were read from
// the file. A rating is made a value only when kept.
func (s *Submission) All(keep func(subject string) bool) iter.Seq[*EntryValue] {
	return func(yield func(*EntryValue) bool) {
		before, after := s.Values, []EntryValue(nil)
		if r := s.Ratings; r != nil {
			before, after = s.Values[:r.At], s.Values[r.At:]
		}
		for i := range before {
			if (keep == nil || keep(before[i].Subject)) && !yield(&before[i]) {
				return
			}
		}
		if r := s.Ratings; r != nil {
			for i := range r.Rows {
				if keep != nil && !keep(r.Strings[r.Rows[i].Subject]) {
					continue
				}
				if v := r.Value(i); !yield(&v) {
					return
				}
			}
		}
		for i := range after {
			if (keep == nil || keep(after[i].Subject)) && !yield(&after[i]) {
				return
			}
		}
	}
}

// CellName names the cell of 1-based column col and row: (28, 12) → "AB12".
func CellName(col, row int) string {
	var b [24]byte
	i := len(b)
	for n := row; ; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
		if n < 10 {
			break
		}
	}
	for n := col; n > 0; n = (n - 1) / 26 {
		i--
		b[i] = byte('A' + (n-1)%26)
	}
	return string(b[i:])
}

// SplitCell reads a cell name as CellName writes it ("AB12" → 28, 12); ok
// is false for anything else ("ab12", "$A$1", "A012", a column past
// 65535 or a row past 2³¹-1).
func SplitCell(cell string) (col, row int, ok bool) {
	i := 0
	for i < len(cell) && cell[i] >= 'A' && cell[i] <= 'Z' {
		col = col*26 + int(cell[i]-'A'+1)
		if col > 0xFFFF {
			return 0, 0, false
		}
		i++
	}
	if i == 0 || i == len(cell) || i > 4 || cell[i] == '0' || len(cell)-i > 10 {
		return 0, 0, false
	}
	n, err := strconv.ParseUint(cell[i:], 10, 31) // digits alone: no sign in base 10
	if err != nil {
		return 0, 0, false
	}
	return col, int(n), true
}
