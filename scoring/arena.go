package scoring

import (
	"strconv"
	"strings"

	"xingji/model"
)

// arena makes the many small strings and step lists of explanations
// cheaply. A text is written into a large shared strings.Builder and
// returned as a substring of it: a Builder never changes bytes already
// written, so the substring stays valid when the Builder grows or is
// replaced, and a text costs no allocation of its own. Step lists are
// copied into large slabs. Each worker has its own arena; results keep the
// buffers alive.
//
// Texts repeat a lot across subjects ("考评：无扣分情形，得满分1.6分"), so done
// interns them: a text already made by this arena is returned again instead
// of being stored twice.
//
// Use: a.begin().s("评分：").pts(v).done(). Texts must not be nested: finish
// one before beginning the next.
type arena struct {
	sb     strings.Builder
	buf    []byte // the text being written
	slab   []Step
	intern map[string]int32 // text → index into ents
	ents   []entry
	ones   map[oneKey][]Step
	lists  map[string][]Step
	key    []byte
}

// entry is an interned text with the one-step lists made of it.
type entry struct {
	t    string
	ones []oneKeyList
}

type oneKeyList struct {
	kind StepKind
	ref  string
	list []Step
}

// arenaIntern bounds the interning tables; when one is full it starts
// afresh (the texts already made stay valid).
const arenaIntern = 1 << 15

const (
	arenaText = 64 << 10 // bytes per text buffer
	arenaSlab = 2048     // steps per slab
)

func (a *arena) begin() *arena {
	a.buf = a.buf[:0]
	return a
}

// s writes text.
func (a *arena) s(x string) *arena { a.buf = append(a.buf, x...); return a }

// d writes a number.
func (a *arena) d(x model.Decimal) *arena { a.buf = x.Append(a.buf); return a }

// pts writes points: "2.4分".
func (a *arena) pts(x model.Decimal) *arena { return a.d(x).s(model.PointsUnit) }

// pct writes a percentage: "30%".
func (a *arena) pct(x model.Decimal) *arena { return a.d(x).s("%") }

// i writes an integer.
func (a *arena) i(n int) *arena { a.buf = strconv.AppendInt(a.buf, int64(n), 10); return a }

// q writes text in Chinese quotes.
func (a *arena) q(x string) *arena { return a.s("“").s(x).s("”") }

// done returns the text written since begin, interned.
func (a *arena) done() string { return a.entry().t }

// entry interns the text written since begin.
func (a *arena) entry() *entry {
	if k, ok := a.intern[string(a.buf)]; ok {
		return &a.ents[k]
	}
	if a.intern == nil || len(a.intern) >= arenaIntern {
		a.intern = make(map[string]int32, arenaIntern/2)
		a.ents = make([]entry, 0, arenaIntern)
	}
	t := a.store()
	a.intern[t] = int32(len(a.ents))
	a.ents = append(a.ents, entry{t: t})
	return &a.ents[len(a.ents)-1]
}

// doneOne returns the text written since begin as a single-step list,
// interned with the text (one table lookup for both).
func (a *arena) doneOne(kind StepKind, ref string) []Step {
	en := a.entry()
	for _, o := range en.ones {
		if o.kind == kind && o.ref == ref {
			return o.list
		}
	}
	l := a.keep([]Step{{Kind: kind, Ref: ref, Text: en.t}})
	en.ones = append(en.ones, oneKeyList{kind, ref, l})
	return l
}

// unique returns the text written since begin, not interned (for texts that
// never repeat, such as ranks).
func (a *arena) unique() string { return a.store() }

// store copies the text into the shared buffer and returns it.
func (a *arena) store() string {
	if a.sb.Cap()-a.sb.Len() < len(a.buf) {
		a.sb = strings.Builder{}
		a.sb.Grow(max(arenaText, len(a.buf)))
	}
	start := a.sb.Len()
	a.sb.Write(a.buf)
	return a.sb.String()[start:]
}

// keep copies steps into a slab and returns the copy (nil for none).
func (a *arena) keep(steps []Step) []Step {
	n := len(steps)
	if n == 0 {
		return nil
	}
	if n > arenaSlab/4 {
		return append([]Step(nil), steps...)
	}
	if cap(a.slab)-len(a.slab) < n {
		a.slab = make([]Step, 0, arenaSlab)
	}
	k := len(a.slab)
	a.slab = append(a.slab, steps...)
	return a.slab[k : k+n : k+n]
}

// one returns a single-step list, interned like texts: results share such
// lists, which is why explanations are read-only.
func (a *arena) one(kind StepKind, ref, text string) []Step {
	k := oneKey{kind, ref, text}
	if l, ok := a.ones[k]; ok {
		return l
	}
	l := a.keep([]Step{{Kind: kind, Ref: ref, Text: text}})
	if a.ones == nil || len(a.ones) >= arenaIntern {
		a.ones = make(map[oneKey][]Step, 64)
	}
	a.ones[k] = l
	return l
}

// shared returns a copy of a list of flat steps, interned: deductions with
// the same counts explain themselves with the same lines in many subjects.
func (a *arena) shared(steps []Step) []Step {
	if len(steps) == 0 {
		return nil
	}
	k := a.key[:0]
	for _, st := range steps {
		if len(st.Steps) > 0 {
			return a.keep(steps)
		}
		k = append(k, byte(st.Kind))
		k = append(k, st.Ref...)
		k = append(k, 0)
		k = append(k, st.Text...)
		k = append(k, 0)
	}
	a.key = k
	if l, ok := a.lists[string(k)]; ok {
		return l
	}
	l := a.keep(steps)
	if a.lists == nil || len(a.lists) >= arenaIntern {
		a.lists = make(map[string][]Step, arenaIntern/2)
	}
	a.lists[string(k)] = l
	return l
}

type oneKey struct {
	kind      StepKind
	ref, text string
}
