package office

import (
	"context"
	"math"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"xingji/cmd/office/benchdata"
	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
	"xingji/scoring/period"
)

// The results targets (issue "Results"), at city scale loaded from the
// database — about 4,600 units in scope × 60 items, 144,000 members × about
// 28 ratings (benchdata.Open builds the database once and keeps it):
//
//   - the whole period computed cold, on a freshly opened database, ≤ 2 s
//     (BenchmarkResultsCity);
//   - recomputed after one corrected entry ≤ 1 s
//     (BenchmarkRecomputeAfterEntry);
//   - ≤ 1 GB of memory (the MB-heap, MB-sys and MB-maxrss metrics of both,
//     run under the programs' memory limit, LimitMemory);
//   - the results screen for 5,000 units opens ≤ 500 ms
//     (BenchmarkResultsScreen5000 in package ui).
//
// Run them with
//
//	go test -run '^$' -bench 'ResultsCity|Recompute' -benchtime 3x ./cmd/office
//
// Each reports references measured in the same run, after its own
// iterations, so that figures from a busy machine still compare:
// ref-read-ms (reading the period's accepted values alone,
// store.AcceptedValues) and ref-score-ms (the engines alone,
// scoring.Engine.Score on the inputs already built), with x-read and x-score
// the ratio of the benchmark's time to each. MB-heap is the heap in use
// right after computing, at most, MB-alloc/op what an iteration allocates,
// and MB-maxrss the process's peak resident memory before the references:
// it counts whatever ran earlier in the process, so run one benchmark at a
// time for that figure.

// cityResults opens the city database at path and computes its period's
// results, failing tb on any error.
func cityResults(tb testing.TB, path string, periodID int64) (*Office, *period.Results) {
	tb.Helper()
	o, err := Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	r, err := o.Results(context.Background(), periodID)
	if err != nil {
		o.Close()
		tb.Fatal(err)
	}
	return o, r
}

// BenchmarkResultsCity computes the city period's results on a freshly
// opened database each iteration: Office.Results reads the period, the
// units, every member, the accepted values and the entries, builds the
// engines' inputs and scores units and members. Opening and closing are
// not timed. Target: ≤ 2 s and ≤ 1 GB.
//
//	go test -run '^$' -bench 'ResultsCity' -benchtime 3x ./cmd/office
func BenchmarkResultsCity(b *testing.B) {
	LimitMemory() // as the programs do
	c := benchdata.Open(b)
	path := c.Copy(b, b.TempDir()) // the shared one may be open in another test process
	ctx := context.Background()
	var (
		m        mem
		subjects int
		cpu      time.Duration
		o        *Office
		r        *period.Results
	)
	for b.Loop() {
		b.StopTimer()
		if o != nil {
			o.Close()
		}
		r = nil
		runtime.GC()
		var err error
		if o, err = Open(path); err != nil {
			b.Fatal(err)
		}
		m.start()
		cpu0 := processCPU()
		b.StartTimer()
		r, err = o.Results(ctx, c.PeriodID)
		b.StopTimer()
		cpu += processCPU() - cpu0
		if err != nil {
			b.Fatal(err)
		}
		m.sample()
		subjects = len(r.Units.Subjects) + len(r.Members.Subjects)
		b.StartTimer()
	}
	defer o.Close()
	m.rss = maxRSS()
	read, score := references(b, o, r)
	reportCity(b, m, subjects, cpu, read, score)
}

// BenchmarkRecomputeAfterEntry corrects one department's review score of
// one unit and recomputes: Office.AddEntries then Office.Results, the
// period's data kept by the office between calls, as on the entries
// screen. The first computation is not timed. Target: ≤ 1 s.
//
//	go test -run '^$' -bench 'Recompute' -benchtime 3x ./cmd/office
func BenchmarkRecomputeAfterEntry(b *testing.B) {
	LimitMemory()
	c := benchdata.Open(b)
	ctx := context.Background()
	o, r := cityResults(b, c.Copy(b, b.TempDir()), c.PeriodID)
	defer o.Close()
	unit := r.Units.Subjects[len(r.Units.Subjects)/2].ID
	item := r.Period.Scheme.Sections[0].Items[0]
	dept := benchdata.Depts[0]
	var (
		m        mem
		subjects int
		cpu      time.Duration
	)
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		r = nil
		runtime.GC()
		m.start()
		cpu0 := processCPU()
		b.StartTimer()
		// 0.25, 0.5, …: never what stands, so every entry is stored.
		value := strconv.FormatFloat(0.25*float64(1+i%5), 'f', -1, 64)
		_, err := o.AddEntries(ctx, c.PeriodID, []model.Entry{{
			EntryKey: model.EntryKey{Subject: unit, Kind: model.EntryScore, Name: item.Code, Field: "score"},
			Dept:     dept, Value: value, Reason: "复核台账后更正"}})
		if err != nil {
			b.Fatal(err)
		}
		r, err = o.Results(ctx, c.PeriodID)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += processCPU() - cpu0
		m.sample()
		subjects = len(r.Units.Subjects) + len(r.Members.Subjects)
		b.StartTimer()
	}
	m.rss = maxRSS()
	read, score := references(b, o, r)
	reportCity(b, m, subjects, cpu, read, score)
}

// references measures, after the benchmark's own iterations (so that
// their memory does not count), the references of a results benchmark as
// many times: reading the accepted values alone and the engines alone.
// They run without the memory limit: the period computed is still held,
// and a second read beside it would be measured collecting garbage.
func references(b *testing.B, o *Office, r *period.Results) (read, score time.Duration) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	for range b.N {
		runtime.GC()
		read += timeAcceptedValues(b, o, r.Period.ID)
		runtime.GC()
		score += timeScore(b, o, r)
	}
	return read, score
}

// timeAcceptedValues is the reference ref-read-ms: reading the period's
// accepted values alone.
func timeAcceptedValues(b *testing.B, o *Office, periodID int64) time.Duration {
	start := time.Now()
	vs, err := o.store.AcceptedValues(context.Background(), periodID)
	if err != nil || len(vs) == 0 {
		b.Fatalf("accepted values: %d, %v", len(vs), err)
	}
	return time.Since(start)
}

// timeScore is the reference ref-score-ms: the engines alone, on the
// inputs the results were computed from.
func timeScore(b *testing.B, o *Office, r *period.Results) time.Duration {
	cp, err := o.periodBase(context.Background(), r.Period.ID)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	cp.engines.Units.Score(r.Inputs.Units)
	if r.Inputs.Members != nil {
		cp.engines.Members.Score(*r.Inputs.Members)
	}
	return time.Since(start)
}

// mem follows the memory of a benchmark: the most in use after computing,
// and the bytes allocated while timed.
type mem struct {
	heap, sys, alloc uint64
	alloc0           uint64
	rss              uint64 // the process's peak resident memory, when known
}

func (m *mem) start() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.alloc0 = ms.TotalAlloc
}

func (m *mem) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.heap, m.sys = max(m.heap, ms.HeapInuse), max(m.sys, ms.Sys)
	m.alloc += ms.TotalAlloc - m.alloc0
	m.alloc0 = ms.TotalAlloc
}

// reportCity reports a results benchmark's figures: memory, subjects
// scored, CPU time, and the references with the ratios to them.
func reportCity(b *testing.B, m mem, subjects int, cpu, read, score time.Duration) {
	if b.N == 0 {
		return
	}
	const mb = 1 << 20
	n := float64(b.N)
	op := b.Elapsed().Seconds() / n
	b.ReportMetric(float64(m.heap)/mb, "MB-heap")
	b.ReportMetric(float64(m.sys)/mb, "MB-sys")
	b.ReportMetric(float64(m.alloc)/mb/n, "MB-alloc/op")
	if m.rss > 0 {
		b.ReportMetric(float64(m.rss)/mb, "MB-maxrss")
	}
	b.ReportMetric(float64(subjects), "subjects")
	if cpu > 0 {
		b.ReportMetric(cpu.Seconds()/n, "cpu-s/op")
	}
	b.ReportMetric(read.Seconds()*1000/n, "ref-read-ms")
	b.ReportMetric(score.Seconds()*1000/n, "ref-score-ms")
	if read > 0 {
		b.ReportMetric(op/(read.Seconds()/n), "x-read")
	}
	if score > 0 {
		b.ReportMetric(op/(score.Seconds()/n), "x-score")
	}
}

// TestResultsCityEndToEnd computes the city period from its database and
// checks the results against what the generator stored: every unit in
// scope scored or left out (those that sent nothing), every member of a
// unit that sent its form scored unless no one rated him, a few units'
// totals worked out by hand from their stored values, and a corrected
// review score that changes that unit's total alone, by 70% of the change.
func TestResultsCityEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a city-sized database")
	}
	c := benchdata.Open(t)
	ctx := context.Background()
	start := time.Now()
	o, r := cityResults(t, c.Copy(t, t.TempDir()), c.PeriodID)
	defer o.Close()
	t.Logf("results of %d units and %d members computed in %s",
		len(r.Units.Subjects), len(r.Members.Subjects), time.Since(start).Round(time.Millisecond))

	// Units: scored or absent, the absent ones those that sent nothing.
	if len(r.Period.Units) != c.Units {
		t.Fatalf("units in scope %d, want %d", len(r.Period.Units), c.Units)
	}
	silent := set(c.Silent)
	scored := map[string]*scoring.SubjectResult{}
	for i := range r.Units.Subjects {
		scored[r.Units.Subjects[i].ID] = &r.Units.Subjects[i]
	}
	absent := map[string]bool{}
	for _, a := range r.Inputs.Absent {
		absent[a.Subject] = true
	}
	for _, id := range r.Period.Units {
		key := formspec.UnitSubject(id).String()
		if (scored[key] != nil) == absent[key] {
			t.Fatalf("unit %s: scored %v, absent %v: it must be one or the other", key, scored[key] != nil, absent[key])
		}
		if absent[key] != silent[id] {
			t.Errorf("unit %s absent = %v, but it sent nothing = %v", key, absent[key], silent[id])
		}
	}
	if want := c.Units - len(c.Silent); len(r.Units.Subjects) != want {
		t.Errorf("%d units scored, want %d", len(r.Units.Subjects), want)
	}

	// Members: those of units that sent no form, and those nobody rated,
	// are left out; every other member is scored.
	noForm := set(append(append([]int64{}, c.Silent...), c.NoSelf...))
	unrated := set(c.Unrated)
	if len(r.Data.Members) != c.Members {
		t.Fatalf("members in scope %d, want %d", len(r.Data.Members), c.Members)
	}
	wantMembers := 0
	for _, m := range r.Data.Members {
		key := formspec.MemberSubject(m.ID).String()
		left := noForm[m.UnitID] || unrated[m.ID]
		if absent[key] != left {
			t.Errorf("member %s of unit %d absent = %v, want %v", key, m.UnitID, absent[key], left)
		}
		if !left {
			wantMembers++
		}
	}
	if len(r.Members.Subjects) != wantMembers {
		t.Errorf("%d members scored, want %d", len(r.Members.Subjects), wantMembers)
	}
	if got := len(r.Units.Subjects) + len(r.Members.Subjects) + len(r.Inputs.Absent); got != c.Units+c.Members {
		t.Errorf("scored and absent %d, want every unit and member in scope, %d", got, c.Units+c.Members)
	}
	if len(r.Inputs.Notes) > 0 {
		t.Errorf("every value should be placed; notes: %v", r.Inputs.Notes[:min(3, len(r.Inputs.Notes))])
	}
	if !strings.Contains(r.Summary(), "党组织计分"+strconv.Itoa(len(r.Units.Subjects))+"个") {
		t.Errorf("summary: %s", r.Summary())
	}

	// A few units' totals by hand.
	self, review := storedScores(r.Data)
	units := []string{r.Units.Subjects[0].ID, r.Units.Subjects[len(r.Units.Subjects)/3].ID,
		r.Units.Subjects[len(r.Units.Subjects)-1].ID, formspec.UnitSubject(c.NoSelf[0]).String()}
	for _, key := range units {
		want := handTotal(t, r.Period, self[key], review[key])
		if got := scored[key].Total; got.String() != want {
			t.Errorf("unit %s total %s, by hand %s", key, got, want)
		}
	}

	// One corrected review score: that unit's total changes by 70% of the
	// change, rounded as the item is; no other unit's total moves.
	key := units[1]
	item := r.Period.Scheme.Sections[0].Items[0]
	old := review[key][item.Code]
	corrected := 0
	if old == 0 {
		corrected = 4 // in quarters: 1 point
	}
	uid, _ := formspec.ParseSubject(key)
	if _, err := o.AddEntries(ctx, c.PeriodID, []model.Entry{{
		EntryKey: model.EntryKey{Subject: key, Kind: model.EntryScore, Name: item.Code, Field: "score"},
		Dept:     benchdata.Depts[0], Value: quarters(corrected), Reason: "复核台账后更正"}}); err != nil {
		t.Fatalf("entry for unit %d: %v", uid.ID, err)
	}
	start = time.Now()
	r2, err := o.Results(ctx, c.PeriodID)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("recomputed after one entry in %s", time.Since(start).Round(time.Millisecond))
	review[key][item.Code] = corrected
	want := handTotal(t, r.Period, self[key], review[key])
	for i := range r2.Units.Subjects {
		s := &r2.Units.Subjects[i]
		before := scored[s.ID].Total
		switch {
		case s.ID == key:
			if s.Total.String() != want {
				t.Errorf("corrected unit's total %s, by hand %s (was %s)", s.Total, want, before)
			}
			// Both item scores are rounded to two decimals, each at most
			// half a hundredth away, and of the same sign: the move is 70%
			// of the change within half a hundredth.
			change := model.D4(quarters(corrected)).Sub(model.D4(quarters(old)))
			delta := change.Mul(model.D4("0.7"))
			diff := s.Total.Sub(before).Sub(delta)
			if diff.Sign() < 0 {
				diff = diff.Neg()
			}
			if diff.Cmp(model.D4("0.005")) > 0 {
				t.Errorf("total moved by %s, want 0.7 × %s = %s, rounded", s.Total.Sub(before), change, delta)
			}
		case !s.Total.Equal(before):
			t.Errorf("unit %s total moved from %s to %s, but only %s was corrected", s.ID, before, s.Total, key)
		}
	}
}

// storedScores returns, per unit subject and item, the self and review
// scores stored in the accepted forms, in quarter points.
func storedScores(d *period.Data) (self, review map[string]map[string]int) {
	self, review = map[string]map[string]int{}, map[string]map[string]int{}
	for _, sub := range d.Accepted {
		for _, v := range sub.Values {
			to := self
			switch {
			case v.Field != "score":
				continue
			case v.Source == model.SourceReview:
				to = review
			case v.Source != model.SourceSelf:
				continue
			}
			if to[v.Subject] == nil {
				to[v.Subject] = map[string]int{}
			}
			to[v.Subject][v.Item] = inQuarters(v.Value)
		}
	}
	return self, review
}

// handTotal works a unit's total out as scoring/doc.go says: each item's
// final score is self × 30% + review × 70% (the review alone when the unit
// sent no self-assessment: its weight is shared out) rounded half away from
// zero to two decimals, and the total is the sum of the rounded items.
// Scores are in quarter points, so an item is (3·self + 7·review) / 40
// exactly, in thousandths (3·self + 7·review) × 25.
func handTotal(t *testing.T, p *model.Period, self, review map[string]int) string {
	t.Helper()
	hundredths := 0
	p.Scheme.Walk(func(_ []*model.Section, it *model.Item) {
		r, ok := review[it.Code]
		if !ok {
			t.Fatalf("no review score for %s", it.Code)
		}
		if s, ok := self[it.Code]; ok {
			thousandths := (3*s + 7*r) * 25
			hundredths += (thousandths + 5) / 10
		} else {
			hundredths += r * 25
		}
	})
	return model.D4(strconv.Itoa(hundredths/100) + "." + strconv.Itoa(hundredths%100/10) + strconv.Itoa(hundredths%10)).String()
}

// inQuarters reads a score such as "1.25" in quarter points.
func inQuarters(text string) int {
	whole, frac, _ := strings.Cut(text, ".")
	n, _ := strconv.Atoi(whole)
	q := map[string]int{"": 0, "25": 1, "5": 2, "75": 3}[frac]
	return 4*n + q
}

// quarters writes n quarter points as text: 5 → "1.25".
func quarters(n int) string {
	return strconv.Itoa(n/4) + [...]string{"", ".25", ".5", ".75"}[n%4]
}

func set(ids []int64) map[int64]bool {
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out
}
