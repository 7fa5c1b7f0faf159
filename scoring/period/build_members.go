package period

import (
	"slices"
	"strconv"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
)

// MemberInputs are the members' part of a period's inputs: each member's
// totals from each rater of the appraisal, and what the office entered
// about members. Nothing entered about a unit changes them, so a corrected
// unit score is recomputed without them (see MemberResults).
type MemberInputs struct {
	Input  scoring.Input
	Absent []Absent            // members nothing came for
	Gaps   map[string][]string // by member subject key
	Notes  []string            // values and entries that could not be placed
}

// memberBuilder holds the lookups of one BuildMembers.
type memberBuilder struct {
	d   *Data
	out *MemberInputs
	at  map[string]int // subject key → index into out.Input.Subjects
	// The last subject looked up, and its index (-1: not in scope): a
	// member's values come one after another.
	lastKey string
	lastAt  int
	// names names raters by their keys ("m31" → 李四, "2" → 第2位), built
	// as they come.
	names map[string]string
}

// BuildMembers builds the members' part of a period's inputs from its data,
// nil when the period appraises no members. Like Build it never fails.
func BuildMembers(d *Data) *MemberInputs {
	p := d.Period
	ms := p.MemberScheme
	if ms == nil {
		return nil
	}
	out := &MemberInputs{Input: scoring.Input{Period: p.Name}, Gaps: map[string][]string{}}
	b := &memberBuilder{d: d, out: out, at: make(map[string]int, len(d.Members)), lastAt: -1}
	scope := make(map[int64]bool, len(p.Units))
	for _, id := range p.Units {
		scope[id] = true
	}
	out.Input.Subjects = make([]scoring.Subject, 0, len(d.Members))
	for _, m := range d.Members {
		if !scope[m.UnitID] {
			continue
		}
		key := formspec.MemberSubject(m.ID).String()
		b.at[key] = len(out.Input.Subjects)
		out.Input.Subjects = append(out.Input.Subjects, scoring.Subject{ID: key, Name: m.Name,
			Parent: formspec.UnitSubject(m.UnitID).String()})
	}
	b.values()
	b.applyEntries()
	b.finish()
	return out
}

// index returns the index of a member subject in scope, or -1.
func (b *memberBuilder) index(key string) int {
	if key != b.lastKey {
		b.lastKey, b.lastAt = key, -1
		if i, ok := b.at[key]; ok {
			b.lastAt = i
		}
	}
	return b.lastAt
}

// rating reports whether v is a rater's total for a member.
func rating(v *model.EntryValue) bool { return formspec.IsRating(v.Subject, v.Field) }

// values places the raters' totals. A first pass counts them per member
// and source, so that each source's totals and raters are carved out of
// two arrays of the period's size instead of growing one by one: a city
// holds four million of them. Totals held apart as model.Ratings are
// placed by the indexes of their strings, each string looked up once per
// file.
func (b *memberBuilder) values() {
	srcs := b.d.Period.MemberScheme.Sources
	slot := func(code string) int {
		for k := range srcs {
			if srcs[k].Code == code {
				return k
			}
		}
		return len(srcs)
	}
	per := len(srcs) + 1 // the scheme's sources, then any other
	counts := make([]int32, len(b.out.Input.Subjects)*per)
	total := 0
	count := func(i int, source string) {
		counts[i*per+slot(source)]++
		total++
	}
	var strs []ratingString // by index into the file's Ratings.Strings
	for si := range b.d.Accepted {
		sub := &b.d.Accepted[si]
		for vi := range sub.Values {
			if v := &sub.Values[vi]; rating(v) {
				if i := b.index(v.Subject); i >= 0 {
					count(i, v.Source)
				}
			}
		}
		if r := sub.Ratings; r != nil {
			strs = b.ratingStrings(strs, r)
			for k := range r.Rows {
				if i := strs[r.Rows[k].Subject].at(b, r, r.Rows[k].Subject); i >= 0 {
					count(int(i), r.Strings[r.Rows[k].Source])
				}
			}
		}
	}
	totals, raters := make([]model.Decimal, total), make([]string, total)
	lastI, lastSource, lastK := -1, "", 0 // a member's totals from one source come one after another
	add := func(i int, source string, d model.Decimal, rater string) {
		s := &b.out.Input.Subjects[i]
		var src *scoring.SourceInput
		if i == lastI && source == lastSource {
			src = &s.Sources[lastK]
		} else {
			for k := range s.Sources {
				if s.Sources[k].Source == source {
					src = &s.Sources[k]
					lastI, lastSource, lastK = i, source, k
				}
			}
		}
		if src == nil {
			if s.Sources == nil {
				s.Sources = make([]scoring.SourceInput, 0, len(srcs))
			}
			in := scoring.SourceInput{Source: source}
			if k := slot(source); k < len(srcs) {
				n := int(counts[i*per+k])
				in.Totals, totals = totals[:0:n], totals[n:]
				in.Raters, raters = raters[:0:n], raters[n:]
			}
			s.Sources = append(s.Sources, in)
			src = &s.Sources[len(s.Sources)-1]
			lastI, lastSource, lastK = i, source, len(s.Sources)-1
		}
		src.Totals = append(src.Totals, d)
		src.Raters = append(src.Raters, rater)
	}
	plain := func(sub *model.Submission, vs []model.EntryValue) {
		for vi := range vs {
			v := &vs[vi]
			if !rating(v) {
				continue
			}
			i := b.index(v.Subject)
			if i < 0 {
				b.note(sub, v, notInScope)
				continue
			}
			d, err := model.ParseDecimal(v.Value)
			if err != nil {
				b.note(sub, v, notNumber(v.Value))
				continue
			}
			add(i, v.Source, d, b.raterName(v.Rater))
		}
	}
	for si := range b.d.Accepted {
		sub := &b.d.Accepted[si]
		r := sub.Ratings
		if r == nil {
			plain(sub, sub.Values)
			continue
		}
		plain(sub, sub.Values[:r.At])
		strs = b.ratingStrings(strs, r)
		for k := range r.Rows {
			x := &r.Rows[k]
			i := strs[x.Subject].at(b, r, x.Subject)
			if i < 0 {
				v := r.Value(k)
				b.note(sub, &v, notInScope)
				continue
			}
			val := &strs[x.Value]
			if val.parsed == 0 {
				val.parsed = 1
				var err error
				if val.dec, err = model.ParseDecimal(r.Strings[x.Value]); err != nil {
					val.parsed = 2
				}
			}
			if val.parsed == 2 {
				v := r.Value(k)
				b.note(sub, &v, notNumber(v.Value))
				continue
			}
			rater := &strs[x.Rater]
			if !rater.named {
				rater.name, rater.named = b.raterName(r.Strings[x.Rater]), true
			}
			add(int(i), r.Strings[x.Source], val.dec, rater.name)
		}
		plain(sub, sub.Values[r.At:])
	}
}

const notInScope = "这名党员不在本期参评范围内（可能已转出），评议分未计入"

func notNumber(text string) string { return "“" + text + "”不是数字，未计入" }

// ratingString is what one string of a file's ratings stands for, found
// when first needed: as a subject, the member's index; as a value, the
// number; as a rater, the name.
type ratingString struct {
	member int32 // index into the subjects; -1 none; -2 not looked up yet
	parsed int8  // 0 not yet, 1 a number, 2 not a number
	named  bool
	dec    model.Decimal
	name   string
}

// ratingStrings returns buf made ready for the strings of r.
func (b *memberBuilder) ratingStrings(buf []ratingString, r *model.Ratings) []ratingString {
	buf = slices.Grow(buf[:0], len(r.Strings))[:len(r.Strings)]
	for k := range buf {
		buf[k] = ratingString{member: -2}
	}
	return buf
}

// at returns the index of the member whose subject key is r.Strings[k], or
// -1.
func (s *ratingString) at(b *memberBuilder, r *model.Ratings, k int32) int32 {
	if s.member == -2 {
		s.member = int32(b.index(r.Strings[k]))
	}
	return s.member
}

// note records a value that could not be placed, with its place.
func (b *memberBuilder) note(sub *model.Submission, v *model.EntryValue, why string) {
	b.out.Notes = append(b.out.Notes, sub.FileName+"，工作表“"+v.Sheet+"”，"+v.Cell+"："+why)
}

// applyEntries adds the office's entries about members: facts, vetoes and
// own stars.
func (b *memberBuilder) applyEntries() {
	for i := range b.d.Entries {
		e := &b.d.Entries[i]
		if k, _ := formspec.SubjectKindOf(e.Subject); k != model.SubjectMember || e.Cleared() {
			continue
		}
		at, ok := b.at[e.Subject]
		if !ok {
			b.out.Notes = append(b.out.Notes, "录入的“"+e.Name+"”所属的党组织或党员不在本期参评范围内，未计入")
			continue
		}
		s := &b.out.Input.Subjects[at]
		d, err := model.ParseDecimal(e.Value)
		switch e.Kind {
		case model.EntryScore:
			b.out.Notes = append(b.out.Notes, "录入的考评得分只计入党组织，党员“"+s.Name+"”的“"+e.Name+"”未计入")
		case model.EntryFact:
			if err == nil {
				s.Facts = s.Facts.Set(e.Name, d)
			}
		case model.EntryVeto:
			if err != nil || !d.IsZero() {
				s.Vetoes = append(s.Vetoes, e.Name)
			}
		case model.EntryOwnStar:
			if err == nil {
				s.OwnStars = append(s.OwnStars, scoring.OwnStar{Name: e.Name, Score: d})
			}
		}
	}
}

// finish orders each member's sources as the scheme does, says which
// sources have not come, and leaves out the members nothing came for.
func (b *memberBuilder) finish() {
	ms := b.d.Period.MemberScheme
	kept := b.out.Input.Subjects[:0]
	for _, s := range b.out.Input.Subjects {
		sortSources(ms, s.Sources)
		if len(s.Sources) == 0 {
			b.out.Absent = append(b.out.Absent, Absent{Subject: s.ID, Kind: model.SubjectMember, Name: s.Name,
				Why: "所在支部的党员评议表未提交或没有这名党员的评分：不计分，不参加排名"})
			continue
		}
		var gaps []string
	sources:
		for _, src := range ms.Sources {
			for _, got := range s.Sources {
				if got.Source == src.Code {
					continue sources
				}
			}
			gaps = append(gaps, "没有"+src.Name+missingRule(ms, src.Code))
		}
		if len(gaps) > 0 {
			b.out.Gaps[s.ID] = gaps
		}
		kept = append(kept, s)
	}
	b.out.Input.Subjects = kept
}

// raterName is how a rater of the appraisal is named in the engine's
// explanations: a member by name, a numbered rater as 第N位, 本人.
func (b *memberBuilder) raterName(rater string) string {
	if n, ok := b.names[rater]; ok {
		return n
	}
	if b.names == nil {
		b.names = make(map[string]string, len(b.d.Members)+64)
		for _, m := range b.d.Members {
			b.names[formspec.PeerRater(m.ID)] = m.Name
		}
		if n, ok := b.names[rater]; ok {
			return n
		}
	}
	n := rater
	if rater == formspec.SelfRater {
		n = "本人"
	} else if _, err := strconv.Atoi(rater); err == nil {
		n = "第" + rater + "位"
	}
	b.names[rater] = n
	return n
}
