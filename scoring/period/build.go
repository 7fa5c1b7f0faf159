package period

import (
	"strconv"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
)

// Data is what a period's results are computed from, as the store holds it.
type Data struct {
	Period *model.Period
	// Units holds at least the units in scope and their parents: names,
	// kinds and the tree are read from it.
	Units []model.Unit
	// Members are the members of the units in scope; they are appraised when
	// the period has a member scheme.
	Members []model.Member
	// Accepted are the period's accepted submissions with their values,
	// the appraisal totals of a file possibly held apart as its Ratings
	// (model.Submission.All yields both in the file's order); replaced and
	// returned files never count.
	Accepted []model.Submission
	// Entries are the office's current entries (model.CurrentEntries).
	Entries []model.Entry
}

// Inputs is the engines' input built from a period's data.
type Inputs struct {
	Units   scoring.Input
	Members *scoring.Input // nil when the period appraises no members
	// Absent are the units and members in scope left out of the
	// computation and the ranking: nothing came for them from any source.
	Absent []Absent
	// Gaps says, per subject key ("u:12", "m:34"), what has not come and
	// what the scheme does about it, in Chinese.
	Gaps map[string][]string
	// Notes are values that could not be placed (an item no longer in the
	// scheme, a member no longer in scope …), each with its file and cell.
	Notes []string
}

// Absent is a unit or member in scope that nothing came for.
type Absent struct {
	Subject string            `json:"subject"` // "u:12", "m:34"
	Kind    model.SubjectKind `json:"kind"`
	Name    string            `json:"name"`
	Why     string            `json:"why"`
}

// builder holds the lookups of one Build.
type builder struct {
	d      *Data
	in     *Inputs
	fields map[string][]model.Field // unit scheme item code → its fields
	items  map[string]int           // unit scheme item code → its place in the scheme
	units  map[int64]*model.Unit
	unitAt map[string]int // subject key → index into in.Units.Subjects
	// per subject index and source: the rating being assembled
	ratings map[ratingKey]*ratingAcc
	entries map[model.EntryKey]*model.Entry // current score entries
	facts   map[model.EntryKey]bool         // current fact entries (Field empty)
	got     map[string]map[string]bool      // subject → "self", "dept:<d>", "ballot" … what came
	// ledger holds the commitment ledger's lines per unit.
	ledger map[ledgerLineKey]*ledgerLine
	// The last subject marked and what came for it: a unit's values come
	// one after another.
	lastMarked string
	lastGot    map[string]bool
	deptMark   string // "dept:<d>" of the submission being read
}

// ledgerLineKey is one line of a unit's 承诺台账.
type ledgerLineKey struct{ subject, line string }

// ledgerLine is what the facts read of a ledger line.
type ledgerLine struct{ listed, kept bool }

type ratingKey struct {
	subject int
	source  string
}

type ratingAcc struct {
	rating scoring.Rating
	at     []int32 // by the item's place in the scheme: index into rating.Items, -1 none yet
}

// Build turns a period's data into the engines' input. It is pure and never
// fails: what cannot be used is said in Notes, what is missing in Gaps and
// Absent. The units' part and the members' part are built apart (the
// members' by BuildMembers) and put together: units first, then members, in
// Absent and in Notes.
func Build(d *Data) *Inputs {
	return buildUnits(d).with(BuildMembers(d))
}

// with adds the members' part m (nil: none) to the units' inputs.
func (in *Inputs) with(m *MemberInputs) *Inputs {
	if m == nil {
		return in
	}
	in.Members = &m.Input
	in.Absent = append(in.Absent, m.Absent...)
	for k, g := range m.Gaps {
		in.Gaps[k] = g
	}
	in.Notes = append(in.Notes, m.Notes...)
	return in
}

// buildUnits builds the units' part of the inputs: the units' ratings from
// the self-assessments, the departments' reviews and the ballots, and the
// office's entries about units. Members are left to BuildMembers; when the
// period appraises none, an entry about a member is noted as not counted.
func buildUnits(d *Data) *Inputs {
	p := d.Period
	in := &Inputs{Gaps: map[string][]string{}}
	in.Units.Period = p.Name
	b := &builder{d: d, in: in, fields: map[string][]model.Field{}, units: make(map[int64]*model.Unit, len(d.Units)),
		unitAt: make(map[string]int, len(p.Units)), ratings: map[ratingKey]*ratingAcc{},
		entries: map[model.EntryKey]*model.Entry{}, facts: map[model.EntryKey]bool{}, got: map[string]map[string]bool{}}
	b.items = map[string]int{}
	p.Scheme.Walk(func(_ []*model.Section, it *model.Item) {
		b.fields[it.Code] = model.ItemFields(it)
		b.items[it.Code] = len(b.items)
	})
	for i := range d.Units {
		b.units[d.Units[i].ID] = &d.Units[i]
	}
	in.Units.Subjects = make([]scoring.Subject, 0, len(p.Units))
	for _, id := range p.Units {
		u := b.units[id]
		if u == nil {
			continue
		}
		key := formspec.UnitSubject(id).String()
		b.unitAt[key] = len(in.Units.Subjects)
		sub := scoring.Subject{ID: key, Name: u.Name, Kind: u.Kind}
		if u.ParentID != 0 {
			sub.Parent = formspec.UnitSubject(u.ParentID).String()
		}
		in.Units.Subjects = append(in.Units.Subjects, sub)
	}
	for i := range d.Entries {
		switch e := &d.Entries[i]; e.Kind {
		case model.EntryScore:
			b.entries[e.EntryKey] = e
		case model.EntryFact:
			b.facts[model.EntryKey{Subject: e.Subject, Kind: e.Kind, Name: e.Name}] = !e.Cleared()
		}
	}
	for si := range d.Accepted {
		sub := &d.Accepted[si]
		b.deptMark = "dept:" + sub.Dept
		for vi := range sub.Values {
			b.value(sub, &sub.Values[vi])
		}
	}
	b.ledgerFacts()
	b.applyEntries()
	b.finish()
	return in
}

// ledgerFacts counts each unit's commitments — listed, kept, not yet —
// as the facts the scheme declares of them (formspec.LedgerCommitments …).
func (b *builder) ledgerFacts() {
	s := &b.d.Period.Scheme
	if s.Fact(formspec.LedgerCommitments) == nil && s.Fact(formspec.LedgerKept) == nil && s.Fact(formspec.LedgerOpen) == nil {
		return
	}
	type counts struct{ listed, kept int64 }
	per := map[string]*counts{}
	for k, l := range b.ledger {
		if !l.listed {
			continue
		}
		c := per[k.subject]
		if c == nil {
			c = &counts{}
			per[k.subject] = c
		}
		c.listed++
		if l.kept {
			c.kept++
		}
	}
	for subject, c := range per {
		sub := &b.in.Units.Subjects[b.unitAt[subject]]
		for _, f := range []struct {
			name string
			n    int64
		}{{formspec.LedgerCommitments, c.listed}, {formspec.LedgerKept, c.kept}, {formspec.LedgerOpen, c.listed - c.kept}} {
			if s.Fact(f.name) != nil && !b.hasFactEntry(subject, f.name) {
				sub.Facts = sub.Facts.Set(f.name, model.Dec(f.n))
			}
		}
	}
}

// mark records that something came for a subject.
func (b *builder) mark(subject, what string) {
	if subject != b.lastMarked || b.lastGot == nil {
		m := b.got[subject]
		if m == nil {
			m = map[string]bool{}
			b.got[subject] = m
		}
		b.lastMarked, b.lastGot = subject, m
	}
	b.lastGot[what] = true
}

// note records a value that could not be placed, with its place.
func (b *builder) note(sub *model.Submission, v *model.EntryValue, why string) {
	b.in.Notes = append(b.in.Notes, sub.FileName+"，工作表“"+v.Sheet+"”，"+v.Cell+"："+why)
}

// value places one accepted value.
func (b *builder) value(sub *model.Submission, v *model.EntryValue) {
	kind, _ := formspec.SubjectKindOf(v.Subject)
	switch {
	case v.Source == formspec.SourceLedger:
		if _, ok := b.unitAt[v.Subject]; ok && (v.Field == formspec.LedgerWhat || v.Field == formspec.LedgerState) {
			line := ledgerLineKey{v.Subject, v.Rater}
			if b.ledger == nil {
				b.ledger = map[ledgerLineKey]*ledgerLine{}
			}
			l := b.ledger[line]
			if l == nil {
				l = &ledgerLine{}
				b.ledger[line] = l
			}
			if v.Field == formspec.LedgerWhat {
				l.listed = v.Value != ""
			} else {
				l.kept = formspec.LedgerKeptState(v.Value)
			}
		}
		return
	case v.Source == formspec.SourceBallot:
		if v.Field != formspec.SatisfactionFact {
			return
		}
		i, ok := b.unitAt[v.Subject]
		if !ok {
			b.note(sub, v, "满意度测评所属的党组织不在本期参评范围内，未计入")
			return
		}
		b.mark(v.Subject, "ballot")
		if b.hasFactEntry(v.Subject, formspec.SatisfactionFact) {
			return
		}
		if d, err := model.ParseDecimal(v.Value); err == nil && b.d.Period.Scheme.Fact(formspec.SatisfactionFact) != nil {
			s := &b.in.Units.Subjects[i]
			s.Facts = s.Facts.Set(formspec.SatisfactionFact, d)
		}
	case kind == model.SubjectMember:
		return // BuildMembers places the appraisal's values
	case kind == model.SubjectUnit:
		if v.Item == "" || v.Field == "note" {
			return
		}
		i, ok := b.unitAt[v.Subject]
		if !ok {
			b.note(sub, v, "所属党组织不在本期参评范围内，未计入")
			return
		}
		if v.Source == model.SourceReview {
			b.mark(v.Subject, b.deptMark)
			if _, replaced := b.entries[model.EntryKey{Subject: v.Subject, Kind: model.EntryScore, Name: v.Item, Field: v.Field}]; replaced {
				return
			}
		} else {
			b.mark(v.Subject, v.Source)
		}
		if why := b.put(i, v.Source, v.Item, v.Field, v.Value); why != "" {
			b.note(sub, v, why)
		}
	}
}

// hasFactEntry reports whether the office entered fact name for subject.
func (b *builder) hasFactEntry(subject, name string) bool {
	return b.facts[model.EntryKey{Subject: subject, Kind: model.EntryFact, Name: name}]
}

// put adds one field of one item from source to the rating of unit i; it
// returns why it could not.
func (b *builder) put(i int, source, item, field, text string) string {
	fds, ok := b.fields[item]
	if !ok {
		return "本期方案中没有这个项目（" + item + "），未计入"
	}
	var fd *model.Field
	for k := range fds {
		if fds[k].Name == field {
			fd = &fds[k]
		}
	}
	if fd == nil {
		return "项目“" + item + "”没有“" + field + "”这一填报项，未计入"
	}
	d, err := model.ParseDecimal(text)
	if err != nil {
		return "“" + text + "”不是数字，未计入"
	}
	key := ratingKey{i, source}
	acc := b.ratings[key]
	if acc == nil {
		acc = &ratingAcc{at: make([]int32, len(b.items))}
		for k := range acc.at {
			acc.at[k] = -1
		}
		acc.rating.Items = make([]scoring.ItemInput, 0, len(b.items))
		b.ratings[key] = acc
	}
	place := b.items[item]
	k := acc.at[place]
	if k < 0 {
		k = int32(len(acc.rating.Items))
		acc.at[place] = k
		acc.rating.Items = append(acc.rating.Items, scoring.ItemInput{Item: item})
	}
	it := &acc.rating.Items[k]
	switch fd.Kind {
	case model.FieldScore:
		it.Score = d.P()
	case model.FieldFlag:
		if !d.IsZero() {
			it.Flags = append(it.Flags, fd.Name)
		}
	case model.FieldLevel:
		for n := min(d.Floor(), 1000); n > 0; n-- {
			it.Levels = append(it.Levels, fd.Name)
		}
	default:
		it.Values = it.Values.Set(fd.Name, d)
	}
	return ""
}

// applyEntries adds the office's entries: review scores (replacing the
// forms' values for the same field), facts, vetoes and own stars.
func (b *builder) applyEntries() {
	for i := range b.d.Entries {
		e := &b.d.Entries[i]
		if e.Cleared() {
			continue
		}
		if k, _ := formspec.SubjectKindOf(e.Subject); k == model.SubjectMember && b.d.Period.MemberScheme != nil {
			continue // BuildMembers applies it
		}
		s := b.subject(e.Subject)
		if s == nil {
			b.in.Notes = append(b.in.Notes, "录入的“"+e.Name+"”所属的党组织或党员不在本期参评范围内，未计入")
			continue
		}
		d, err := model.ParseDecimal(e.Value)
		switch e.Kind {
		case model.EntryScore:
			b.mark(e.Subject, "dept:"+e.Dept)
			if why := b.put(b.unitAt[e.Subject], model.SourceReview, e.Name, e.Field, e.Value); why != "" {
				b.in.Notes = append(b.in.Notes, "录入的考评得分："+why)
			}
		case model.EntryFact:
			if err == nil {
				s.Facts = s.Facts.Set(e.Name, d)
				b.mark(e.Subject, "fact")
			}
		case model.EntryVeto:
			if err != nil || !d.IsZero() {
				s.Vetoes = append(s.Vetoes, e.Name)
				b.mark(e.Subject, "veto")
			}
		case model.EntryOwnStar:
			if err == nil {
				s.OwnStars = append(s.OwnStars, scoring.OwnStar{Name: e.Name, Score: d})
			}
		}
	}
}

// subject returns the unit subject of key, or nil.
func (b *builder) subject(key string) *scoring.Subject {
	if i, ok := b.unitAt[key]; ok {
		return &b.in.Units.Subjects[i]
	}
	return nil
}

// finish moves the assembled ratings into the units, says what is
// missing, and leaves out the units nothing came for.
func (b *builder) finish() {
	p := b.d.Period
	for key, acc := range b.ratings {
		s := &b.in.Units.Subjects[key.subject]
		s.Sources = append(s.Sources, scoring.SourceInput{Source: key.source, Ratings: []scoring.Rating{acc.rating}})
	}
	// Sources in the scheme's order, so that results read the same every time.
	for i := range b.in.Units.Subjects {
		sortSources(&p.Scheme, b.in.Units.Subjects[i].Sources)
	}
	depts := p.Departments()
	kept := b.in.Units.Subjects[:0]
	for _, s := range b.in.Units.Subjects {
		got := b.got[s.ID]
		var gaps []string
		if p.Scheme.SourceByCode(model.SourceSelf) != nil && !got[model.SourceSelf] {
			gaps = append(gaps, "未提交自评表"+missingRule(&p.Scheme, model.SourceSelf))
		}
		for _, d := range depts {
			if !got["dept:"+d] {
				gaps = append(gaps, "未收到"+deptName(d)+"的考评"+missingRule(&p.Scheme, model.SourceReview))
			}
		}
		if formspec.HasBallot(&p.Scheme) && !got["ballot"] && !hasFact(s, formspec.SatisfactionFact) {
			f := p.Scheme.Fact(formspec.SatisfactionFact)
			gaps = append(gaps, "未收到满意度测评，也未录入"+f.Label+"：以它为条件的星级、加星按未达到处理")
		}
		if len(s.Sources) == 0 && !b.factsOnly(&p.Scheme) {
			b.in.Absent = append(b.in.Absent, Absent{Subject: s.ID, Kind: model.SubjectUnit, Name: s.Name,
				Why: "未提交自评表，也没有任何考评：不计分，不参加排名"})
			b.in.Gaps[s.ID] = gaps
			continue
		}
		if len(gaps) > 0 {
			b.in.Gaps[s.ID] = gaps
		}
		kept = append(kept, s)
	}
	b.in.Units.Subjects = kept
}

// factsOnly reports whether every regular item of the scheme is computed
// from facts, so that a subject is scored with no form at all.
func (b *builder) factsOnly(s *model.Scheme) bool {
	only := true
	s.Walk(func(_ []*model.Section, it *model.Item) {
		if !it.Bonus && !it.Penalty && !(len(it.EnteredBy) == 1 && it.EnteredBy[0] == model.SourceFacts) {
			only = false
		}
	})
	return only
}

func hasFact(s scoring.Subject, name string) bool {
	_, ok := s.Facts.Get(name)
	return ok
}

// sortSources orders a subject's sources as the scheme lists them.
func sortSources(s *model.Scheme, srcs []scoring.SourceInput) {
	pos := func(code string) int {
		for i := range s.Sources {
			if s.Sources[i].Code == code {
				return i
			}
		}
		return len(s.Sources)
	}
	for i := 1; i < len(srcs); i++ {
		for j := i; j > 0 && pos(srcs[j].Source) < pos(srcs[j-1].Source); j-- {
			srcs[j], srcs[j-1] = srcs[j-1], srcs[j]
		}
	}
}

// missingRule says what the scheme does when source has nothing for a
// subject: "：按方案，其余来源的权重按比例折算" or "：按方案以0分计".
func missingRule(s *model.Scheme, source string) string {
	src := s.SourceByCode(source)
	if src == nil || src.Weight.IsZero() {
		return ""
	}
	if s.MissingSource == model.MissingZero {
		return "：按方案，" + src.Name + "（权重" + src.Weight.String() + "%）以0分计"
	}
	return "：按方案，" + src.Name + "的权重（" + src.Weight.String() + "%）按比例分给其他来源"
}

// deptName is how a department is named on screen; "" is the committee.
func deptName(d string) string {
	if d == "" {
		return "党委"
	}
	return "“" + d + "”"
}

func itoa(n int) string { return strconv.Itoa(n) }
