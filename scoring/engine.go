package scoring

import (
	"encoding/json"
	"runtime"
	"sync"

	"xingji/model"
)

func init() { model.RegisterFormulaChecker(CheckFormula) }

// Engine is a compiled scheme, ready to score many periods. It is safe for
// concurrent use.
type Engine struct {
	s        model.Scheme
	problems model.Problems

	items    []citem
	itemIdx  map[string]int
	sections []csection
	srcIdx   map[string]int
	regular  []int // indexes of items that are neither bonus nor penalty
	rated    bool  // some regular item is scored by raters (not computed from facts)
	limited  bool  // some items apply to some unit kinds only
	bandIdx  map[string]int
	vetoIdx  map[string]int
	facts    map[string]bool // declared facts

	// texts prepared once for explanations
	rangeTexts map[*model.Range]string // threshold-table rows
	bandTexts  []string                // "：80分至90分（含80分，不含90分）"
	bandLines  [][]Step                // per band, the one-step explanation of a plain band
	srcMissing []string                // "自评：未提交"
	factItems  []int                   // items computed from facts
}

// citem is an item with what the engine needs precomputed.
type citem struct {
	it        *model.Item
	applies   []model.UnitKind
	lo, hi    model.Decimal // the item's range
	enteredBy uint64        // bit i: source i enters the item
	facts     bool          // computed from the subject's facts
	sections  []int         // indexes into Engine.sections, outermost first
	progs     map[string]*formula
}

// csection is a section with its items, for subtotals.
type csection struct {
	sec  *model.Section
	dept string
	max  model.Decimal
}

// Compile checks the scheme and prepares it for scoring. It returns the
// engine and every problem of the scheme (model.Scheme.Check). Problems that
// are not fatal — points not adding up, threshold tables with gaps, weights
// not summing to 100% — do not stop the engine: they are carried in every
// Result and inputs that hit them are flagged. With a fatal problem (a
// formula that does not compile, a rule with the wrong shape, an unknown
// reference) the engine is nil.
func Compile(s model.Scheme) (*Engine, model.Problems) {
	ps := s.Check(CheckFormula)
	if len(ps.Fatal()) > 0 {
		return nil, ps
	}
	if len(s.Sources) > 64 {
		ps = append(ps, model.Problem{Code: model.PSource, Message: "评分来源不能超过64个", Fatal: true})
		return nil, ps
	}
	// A private deep copy: the caller may go on editing its scheme.
	b, err := json.Marshal(s)
	if err == nil {
		var c model.Scheme
		if err = json.Unmarshal(b, &c); err == nil {
			s = c
		}
	}
	if err != nil {
		ps = append(ps, model.Problem{Code: model.PRuleShape, Message: "考核方案无法复制：" + err.Error(), Fatal: true})
		return nil, ps
	}
	e := &Engine{s: s, problems: ps, itemIdx: map[string]int{}, srcIdx: map[string]int{},
		bandIdx: map[string]int{}, vetoIdx: map[string]int{}, facts: map[string]bool{},
		rangeTexts: map[*model.Range]string{}}
	for i, src := range e.s.Sources {
		e.srcIdx[src.Code] = i
		e.srcMissing = append(e.srcMissing, src.Name+"：未提交")
	}
	for i, b := range e.s.Bands {
		e.bandIdx[b.Code] = i
		e.bandTexts = append(e.bandTexts, "："+b.Range.Describe("分"))
		line := "等级总分属于“" + b.Name + "”：" + b.Range.Describe("分")
		if s.Stars != nil && s.Stars.BandByCount && b.MinStars != nil {
			line = "得星" + itoa(*b.MinStars) + "颗及以上，对应“" + b.Name + "”"
		}
		e.bandLines = append(e.bandLines, []Step{{Kind: StepBand, Ref: b.Code, Text: line}})
	}
	for i, v := range e.s.Vetoes {
		e.vetoIdx[v.Code] = i
	}
	for _, f := range e.s.Facts {
		e.facts[f.Name] = true
	}
	secIdx := map[*model.Section]int{}
	var addSections func(secs []model.Section, dept string)
	addSections = func(secs []model.Section, dept string) {
		for i := range secs {
			sec := &secs[i]
			d := sec.Department
			if d == "" {
				d = dept
			}
			secIdx[sec] = len(e.sections)
			e.sections = append(e.sections, csection{sec: sec, dept: d, max: sec.Points})
			addSections(sec.Sections, d)
		}
	}
	addSections(e.s.Sections, "")
	e.s.Walk(func(path []*model.Section, it *model.Item) {
		ci := citem{it: it, applies: model.EffectiveAppliesTo(path, it), hi: it.Points}
		if it.Penalty {
			ci.lo, ci.hi = it.Points.Neg(), model.Decimal{}
			if it.Points.IsZero() {
				ci.lo = model.MinDecimal
			}
		}
		for _, p := range path {
			ci.sections = append(ci.sections, secIdx[p])
		}
		if len(ci.applies) > 0 {
			e.limited = true
		}
		if len(it.EnteredBy) == 0 {
			ci.enteredBy = 1<<len(e.s.Sources) - 1
		}
		for _, code := range it.EnteredBy {
			if code == model.SourceFacts {
				ci.facts = true
			} else {
				ci.enteredBy |= 1 << e.srcIdx[code]
			}
		}
		ci.progs = compileFormulas(it.Rule, "")
		e.describeTables(&it.Rule)
		if ci.facts {
			e.factItems = append(e.factItems, len(e.items))
		}
		e.itemIdx[it.Code] = len(e.items)
		if !it.Bonus && !it.Penalty {
			e.regular = append(e.regular, len(e.items))
			e.rated = e.rated || !ci.facts
		}
		e.items = append(e.items, ci)
	})
	for i := range e.sections {
		cs := &e.sections[i]
		if cs.max.IsZero() {
			cs.max = cs.sec.PartsSum()
		}
	}
	return e, ps
}

// describeTables prepares the texts of the rows of every threshold table
// in a rule.
func (e *Engine) describeTables(r *model.Rule) {
	var tables []*model.TableRule
	switch {
	case r.Table != nil:
		tables = append(tables, r.Table)
	case r.Deduct != nil && r.Deduct.Start != nil:
		tables = append(tables, r.Deduct.Start)
	}
	for _, t := range tables {
		for k := range t.Bands {
			e.rangeTexts[&t.Bands[k].Range] = t.Bands[k].Describe(t.Unit)
		}
	}
	for k := range r.Parts {
		e.describeTables(&r.Parts[k].Rule)
	}
}

// Scheme returns the engine's copy of the scheme.
func (e *Engine) Scheme() model.Scheme { return e.s }

// Problems returns the scheme's problems found at Compile.
func (e *Engine) Problems() model.Problems { return e.problems }

// Score computes the results of one period. It never fails: what cannot be
// computed is flagged on the subject (Issues) or the result.
func (e *Engine) Score(in Input) *Result {
	res := &Result{Scheme: e.s.Code, Version: e.s.Version, Period: in.Period, Problems: e.problems,
		Subjects: make([]SubjectResult, len(in.Subjects))}
	metas := make([]meta, len(in.Subjects))
	work := func(lo, hi int) {
		sc := newScratch(e)
		for i := lo; i < hi; i++ {
			e.scoreSubject(&in.Subjects[i], &res.Subjects[i], &metas[i], sc)
		}
	}
	n := len(in.Subjects)
	workers := runtime.GOMAXPROCS(0)
	if n < 64 || workers < 2 {
		work(0, n)
	} else {
		var wg sync.WaitGroup
		chunk := (n + workers*8 - 1) / (workers * 8)
		next := make(chan int, workers*8+1)
		for lo := 0; lo < n; lo += chunk {
			next <- lo
		}
		close(next)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for lo := range next {
					work(lo, min(lo+chunk, n))
				}
			}()
		}
		wg.Wait()
	}
	// One ordering, best first, serves quotas, rank and red flag.
	order := make([]int, 0, n)
	for i := range metas {
		if !metas[i].disq {
			order = append(order, i)
		}
	}
	ordered(metas, order)
	a := &arena{}
	e.applyQuotas(res, metas, order, a)
	e.rank(res, metas, order, a)
	e.redFlag(res, metas, order)
	return res
}

// Score compiles s and scores in; the error is the fatal problems, if any.
func Score(s model.Scheme, in Input) (*Result, error) {
	e, ps := Compile(s)
	if e == nil {
		return nil, ps.Fatal()
	}
	return e.Score(in), nil
}
