package ui

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2/widget"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
	"xingji/scoring/period"
)

// resultRow is one line of the ranking: a scored subject, or one left out.
type resultRow struct {
	key    string // "u:12", "m:34"
	sub    *scoring.SubjectResult
	absent *period.Absent
	code   string // the unit's code (a member: empty)
	name   string
	parent string // the parent unit's name; a member's branch
	kind   model.UnitKind
	marks  string            // 一票否决, 限制, 比例控制 …
	next   *scoring.NextBand // how far from the next band; nil when not scored
}

// resultColumns are the ranking's columns.
var resultColumns = []column{
	{"名次", 48}, {"编码", 80}, {"党组织", 178}, {"上级党组织", 96}, {"总分", 58}, {"等级总分", 72},
	{"等次", 82}, {"距下一星级", 96}, {"说明", 260},
}

// Ranking columns, in order.
const (
	rcRank = iota
	rcCode
	rcName
	rcParent
	rcTotal
	rcGrade
	rcBand
	rcNext
	rcMarks
)

// subjectLookup finds the units and members of the results by id; members
// only for the members' view.
type subjectLookup struct {
	units   map[int64]*model.Unit
	members map[int64]*model.Member
}

// rowFor builds the row of a subject key, set finishing it.
func (l subjectLookup) rowFor(key string, set func(*resultRow)) resultRow {
	r := resultRow{key: key}
	subj, err := formspec.ParseSubject(key)
	if err == nil && subj.Kind == model.SubjectUnit {
		if u := l.units[subj.ID]; u != nil {
			r.code, r.name, r.kind = u.Code, u.Name, u.Kind
			if p := l.units[u.ParentID]; p != nil {
				r.parent = p.Name
			}
		}
	} else if err == nil {
		if m := l.members[subj.ID]; m != nil {
			r.name = m.Name
			if u := l.units[m.UnitID]; u != nil {
				r.parent, r.kind = u.Name, u.Kind
			}
		}
	}
	set(&r)
	return r
}

// marksOf says in a few words what is special about a subject's result:
// the remarks every ranking shows (period.Results.Remarks), then what the
// screen adds — missing materials and issues to look at.
func (s *ResultsScreen) marksOf(sub *scoring.SubjectResult) string {
	marks := s.res.Remarks(sub)
	if g := s.res.Inputs.Gaps[sub.ID]; len(g) > 0 {
		marks = append(marks, fmt.Sprintf("缺%d项材料", len(g)))
	}
	if len(sub.Issues) > 0 {
		marks = append(marks, "需注意")
	}
	return strings.Join(marks, "；")
}

// bandChoices are the band filter's choices: every band of the view's
// scheme, then 一票否决 and 未计分.
func (s *ResultsScreen) bandChoices() []string {
	if s.res == nil {
		return nil
	}
	sc := &s.res.Period.Scheme
	if s.viewSelect.Selected == viewMembers && s.res.Period.MemberScheme != nil {
		sc = s.res.Period.MemberScheme
	}
	var out []string
	for _, b := range sc.Bands {
		out = append(out, b.Name)
	}
	return append(out, "一票否决", "未计分")
}

// bandText is what the 等次 column shows.
func bandText(r resultRow) string {
	switch {
	case r.absent != nil:
		return "未计分"
	case r.sub.Disqualified:
		return "一票否决"
	case r.sub.BandName == "":
		return "无"
	}
	return r.sub.BandName
}

func setChoices(sel *widget.Select, choices []string) {
	opts := append([]string{filterAllChoice}, choices...)
	keep := filterAllChoice
	for _, o := range opts {
		if o == sel.Selected {
			keep = o
		}
	}
	sel.Options = opts
	sel.Selected = keep
	sel.Refresh()
}

func distinct(rows []resultRow, f func(resultRow) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		if v := f(r); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// applyFilter keeps the rows the filters let through, in the chosen order.
func (s *ResultsScreen) applyFilter() {
	keepKey := ""
	if s.chosen >= 0 && s.chosen < len(s.rows) {
		keepKey = s.rows[s.chosen].key
	}
	if cap(s.rows) < len(s.all) {
		s.rows = make([]resultRow, 0, len(s.all))
	}
	s.rows = s.rows[:0]
	for _, r := range s.all {
		if f := s.parentFilter.Selected; f != filterAllChoice && f != "" && r.parent != f {
			continue
		}
		if f := s.kindFilter.Selected; f != filterAllChoice && f != "" && string(r.kind) != f {
			continue
		}
		if f := s.bandFilter.Selected; f != filterAllChoice && f != "" && bandText(r) != f {
			continue
		}
		s.rows = append(s.rows, r)
	}
	s.sortRows()
	s.chosen = -1
	for i, r := range s.rows {
		if r.key == keepKey {
			s.chosen = i
		}
	}
	s.table.UnselectAll()
	s.table.padAfter(len(s.rows))
	s.table.Refresh()
	if s.chosen >= 0 {
		s.detail.show(s.res, s.rows[s.chosen])
	} else {
		s.detail.clear()
	}
}

// sortRows puts the rows in the chosen order, rows of equal keys as they
// were. It sorts the rows' places by keys worked out once, then moves each
// row once: a member ranking has 140,000 rows.
func (s *ResultsScreen) sortRows() {
	n := len(s.rows)
	at := make([]int32, n)
	for i := range at {
		at[i] = int32(i)
	}
	switch s.sortSelect.Selected {
	case sortCode:
		keys := make([]string, n)
		for i, r := range s.rows {
			keys[i] = r.code + r.name
		}
		slices.SortFunc(at, func(a, b int32) int { return cmp.Or(strings.Compare(keys[a], keys[b]), cmp.Compare(a, b)) })
	case sortNext:
		keys := make([]int64, n)
		for i, r := range s.rows {
			keys[i] = nextOrder(r)
		}
		slices.SortFunc(at, func(a, b int32) int { return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(a, b)) })
	default:
		keys := make([]int, n)
		for i, r := range s.rows {
			keys[i] = rankOrder(r)
		}
		slices.SortFunc(at, func(a, b int32) int { return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(a, b)) })
	}
	sorted := make([]resultRow, n)
	for i, k := range at {
		sorted[i] = s.rows[k]
	}
	s.rows = sorted
}

// rankOrder sorts ranked subjects by rank, then the unranked, then those
// left out.
func rankOrder(r resultRow) int {
	switch {
	case r.absent != nil:
		return 1 << 30
	case r.sub.Rank == 0:
		return 1 << 29
	}
	return r.sub.Rank
}

// nextOrder sorts by the points a subject lacks for the next band; those
// that cannot rise by points, and those left out, come last.
func nextOrder(r resultRow) int64 {
	if nb := r.next; nb != nil && nb.Reachable {
		return nb.Need.Units()
	}
	if r.absent != nil {
		return 1 << 61
	}
	return 1 << 60
}

// cell is the text of one cell of the ranking.
func (s *ResultsScreen) cell(row, col int) string {
	r := s.rows[row]
	switch col {
	case rcRank:
		if r.sub != nil && r.sub.Rank > 0 {
			return fmt.Sprint(r.sub.Rank)
		}
		return "—"
	case rcCode:
		return r.code
	case rcName:
		return r.name
	case rcParent:
		return r.parent
	case rcTotal:
		if r.sub != nil {
			return r.sub.Total.String()
		}
	case rcGrade:
		if r.sub != nil {
			return r.sub.Grade.String()
		}
	case rcBand:
		return bandText(r)
	case rcNext:
		return r.next.Short()
	case rcMarks:
		return r.marks
	}
	return ""
}

// amber tints what deserves a look without being an error.
var amber = color.NRGBA{R: 0xff, G: 0xc1, B: 0x07, A: 0x40}

// cellStyle makes the band bold and tints rows that need a look: vetoed,
// left out, or moved by a quota.
func (s *ResultsScreen) cellStyle(row, col int) (bool, color.Color) {
	r := s.rows[row]
	var tint color.Color
	if r.absent != nil || r.sub.Disqualified || r.sub.EarnedBand != r.sub.Band {
		tint = amber
	}
	return col == rcBand, tint
}
