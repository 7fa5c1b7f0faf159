package scoring

import (
	"encoding/json"
	"testing"

	"xingji/model"
)

// bytesReader turns fuzz bytes into choices; past the end it returns zeros.
type bytesReader struct {
	b []byte
	i int
}

func (r *bytesReader) byte() byte {
	if r.i >= len(r.b) {
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *bytesReader) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.byte()) % n
}

// decimal returns plausible numbers most of the time and wild ones
// sometimes: negative, huge, many decimals.
func (r *bytesReader) decimal() model.Decimal {
	switch r.intn(8) {
	case 0:
		return model.DecimalFromUnits(-int64(r.byte()) * 1234)
	case 1:
		return model.DecimalFromUnits(int64(r.byte())<<40 | int64(r.byte())<<20)
	case 2:
		return model.DecimalFromUnits(int64(r.byte())*int64(r.byte()) + int64(r.byte()))
	}
	return model.Dec(int64(r.intn(101)))
}

func (r *bytesReader) pick(xs []string) string {
	if len(xs) == 0 || r.intn(10) == 0 {
		return "未知" + itoa(r.intn(3))
	}
	return xs[r.intn(len(xs))]
}

// fuzzSchemes are the schemes the fuzz test feeds: the built-ins and the
// benchmark's 60-item scheme.
func fuzzSchemes() []model.Scheme {
	return append(BuiltinSchemes(), prefectureUnitScheme(), prefectureMemberScheme())
}

// FuzzScore feeds random inputs to every scheme; the engine must never
// panic, and its results must hold together.
func FuzzScore(f *testing.F) {
	f.Add([]byte{0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{3, 9, 200, 100, 50, 25, 12, 6, 3, 1, 0, 255, 254})
	f.Add([]byte{5, 12, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7})
	f.Add([]byte{6, 4, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2})
	schemes := fuzzSchemes()
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &bytesReader{b: data}
		s := schemes[r.intn(len(schemes))]
		if len(s.Bands) > 0 && r.intn(3) == 0 { // a random quota, sometimes
			q := model.Quota{Code: "fz", Band: s.Bands[r.intn(len(s.Bands))].Code, Mode: model.QuotaAtMost,
				Span: []model.QuotaSpan{model.SpanOnly, model.SpanAndAbove, model.SpanAndBelow}[r.intn(3)], PerParent: r.intn(2) == 0}
			if r.intn(2) == 0 {
				q.Mode = model.QuotaAtLeast
			}
			if r.intn(2) == 0 {
				q.Share = model.Dec(int64(r.intn(101))).P()
			} else {
				q.Count = ptrInt(r.intn(4))
			}
			s.Quotas = append(s.Quotas, q)
		}
		if r.intn(4) == 0 {
			s.TieBreak = []string{"source:" + s.Sources[0].Code}
		}
		e, _ := Compile(s)
		if e == nil {
			return // a random quota the validator refused
		}
		in := fuzzInput(r, e)
		res := e.Score(in)
		checkResult(t, e, in, res)
		checkAnalyses(t, e, in, res)
	})
}

func fuzzInput(r *bytesReader, e *Engine) Input {
	s := e.Scheme()
	var items []*model.Item
	s.Walk(func(_ []*model.Section, it *model.Item) { items = append(items, it) })
	var factNames []string
	for _, f := range s.Facts {
		factNames = append(factNames, f.Name)
	}
	var vetoes []string
	for _, v := range s.Vetoes {
		vetoes = append(vetoes, v.Code)
	}
	var srcs []string
	for _, src := range s.Sources {
		srcs = append(srcs, src.Code)
	}
	n := 1 + r.intn(12)
	in := Input{Subjects: make([]Subject, n)}
	for k := range in.Subjects {
		sub := &in.Subjects[k]
		sub.ID, sub.Name = "s"+itoa(k), "对象"+itoa(k)
		sub.Kind = model.UnitKinds[r.intn(len(model.UnitKinds))]
		if r.intn(5) == 0 {
			sub.Kind = ""
		}
		sub.Parent = "p" + itoa(r.intn(3))
		for j := r.intn(4); j > 0; j-- {
			sub.Facts = sub.Facts.Set(r.pick(factNames), r.decimal())
		}
		if r.intn(6) == 0 {
			sub.Vetoes = []string{r.pick(vetoes)}
		}
		for j := r.intn(3); j > 0; j-- {
			sub.OwnStars = append(sub.OwnStars, OwnStar{Name: "个性星", Score: r.decimal()})
		}
		for j := r.intn(len(srcs) + 2); j > 0; j-- {
			si := SourceInput{Source: r.pick(srcs)}
			if r.intn(3) == 0 {
				for m := r.intn(6); m >= 0; m-- {
					si.Totals = append(si.Totals, r.decimal())
				}
			}
			for m := r.intn(4); m > 0; m-- {
				var rating Rating
				for x := r.intn(len(items) + 2); x > 0; x-- {
					it := items[r.intn(len(items))]
					ii := ItemInput{Item: it.Code}
					if r.intn(12) == 0 {
						ii.Item = "无此项"
					}
					if r.intn(2) == 0 {
						ii.Score = r.decimal().P()
					}
					for _, name := range it.Rule.Inputs() {
						if r.intn(3) > 0 {
							ii.Values = ii.Values.Set(name, r.decimal())
						}
					}
					if r.intn(3) == 0 {
						ii.Values = ii.Values.Set("杂项", r.decimal())
					}
					for _, fl := range ruleFlags(it.Rule) {
						if r.intn(2) == 0 {
							ii.Flags = append(ii.Flags, fl)
						}
					}
					if it.Rule.Levels != nil {
						for l := r.intn(3); l > 0; l-- {
							var codes []string
							for _, lv := range it.Rule.Levels.Levels {
								codes = append(codes, lv.Code)
							}
							ii.Levels = append(ii.Levels, r.pick(codes))
						}
					}
					rating.Items = append(rating.Items, ii)
				}
				si.Ratings = append(si.Ratings, rating)
			}
			sub.Sources = append(sub.Sources, si)
		}
	}
	return in
}

// ruleFlags lists the flag names a rule reads.
func ruleFlags(r model.Rule) []string {
	var out []string
	if r.All != nil {
		for _, f := range r.All.Requires {
			out = append(out, f.Name)
		}
	}
	if r.Deduct != nil {
		for _, f := range r.Deduct.ZeroIf {
			out = append(out, f.Name)
		}
	}
	for _, p := range r.Parts {
		out = append(out, ruleFlags(p.Rule)...)
	}
	return out
}

// checkResult checks what must hold whatever the inputs.
func checkResult(t *testing.T, e *Engine, in Input, res *Result) {
	t.Helper()
	if len(res.Subjects) != len(in.Subjects) {
		t.Fatalf("%d results for %d subjects", len(res.Subjects), len(in.Subjects))
	}
	s := e.Scheme()
	for _, r := range res.Subjects {
		if !r.Total.Equal(r.Main.Add(r.Bonus).Add(r.Penalty)) {
			t.Errorf("%s: total %s ≠ %s + %s + %s", r.ID, r.Total, r.Main, r.Bonus, r.Penalty)
		}
		for _, it := range r.Items {
			lo, hi := model.Decimal{}, it.Max
			if it.Penalty {
				lo, hi = it.Max.Neg(), model.Decimal{}
				if it.Max.IsZero() {
					lo = model.MinDecimal
				}
			}
			if it.Score.Less(lo) || hi.Less(it.Score) {
				t.Errorf("%s item %s: %s outside %s..%s", r.ID, it.Item, it.Score, lo, hi)
			}
			if len(it.Why) == 0 {
				t.Errorf("%s item %s: score without explanation", r.ID, it.Item)
			}
		}
		if r.Band != "" && s.BandIndex(r.Band) < 0 {
			t.Errorf("%s: unknown band %q", r.ID, r.Band)
		}
		if r.Disqualified && (r.Band != "" || r.Rank != 0) {
			t.Errorf("%s: disqualified but band %q rank %d", r.ID, r.Band, r.Rank)
		}
		if !r.Disqualified && r.Rank < 1 {
			t.Errorf("%s: rank %d", r.ID, r.Rank)
		}
		if len(r.GradeWhy) == 0 {
			t.Errorf("%s: grade without explanation", r.ID)
		}
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatal(err)
	}
}

// TestFuzzCorpusQuick runs the fuzz function over a few thousand
// deterministic inputs as an ordinary test.
func TestFuzzCorpusQuick(t *testing.T) {
	schemes := fuzzSchemes()
	engines := make([]*Engine, len(schemes))
	for k, s := range schemes {
		engines[k] = mustCompile(t, s)
	}
	seed := uint32(1)
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		data := make([]byte, 64+i%200)
		for j := range data {
			seed = seed*1664525 + 1013904223
			data[j] = byte(seed >> 24)
		}
		r := &bytesReader{b: data}
		e := engines[r.intn(len(engines))]
		in := fuzzInput(r, e)
		res := e.Score(in)
		checkResult(t, e, in, res)
		checkAnalyses(t, e, in, res)
	}
}
