package model

import "sort"

// Coverage is what CheckCoverage finds: the parts of a domain no range
// covers, and the parts more than one range covers (with the indexes of the
// ranges there).
type Coverage struct {
	Gaps     []Range
	Overlaps []Overlap
}

// Overlap is a part of a domain covered by more than one range.
type Overlap struct {
	Range  Range
	Ranges []int // indexes into the ranges given to CheckCoverage
}

// piece is an elementary part of the number line between consecutive
// boundaries: either a single boundary point or the open interval between
// two (lo or hi nil for −∞ / +∞).
type piece struct {
	point  bool
	lo, hi *Decimal
	rep    Decimal // a representative number inside the piece
}

// CheckCoverage reports where ranges fail to cover domain exactly once. It
// works at the Decimal's resolution: between two boundaries one unit
// (0.0001) apart there is no number to miss.
func CheckCoverage(domain Range, ranges []Range) Coverage {
	var bounds []Decimal
	add := func(d *Decimal) {
		if d != nil {
			bounds = append(bounds, *d)
		}
	}
	add(domain.From)
	add(domain.To)
	for _, r := range ranges {
		add(r.From)
		add(r.To)
	}
	sort.Slice(bounds, func(i, j int) bool { return bounds[i].Less(bounds[j]) })
	uniq := bounds[:0]
	for i, b := range bounds {
		if i == 0 || !b.Equal(uniq[len(uniq)-1]) {
			uniq = append(uniq, b)
		}
	}
	bounds = uniq

	var pieces []piece
	one := DecimalFromUnits(1)
	if len(bounds) == 0 {
		pieces = append(pieces, piece{rep: Decimal{}})
	} else {
		first := bounds[0]
		pieces = append(pieces, piece{hi: &bounds[0], rep: first.Sub(one)})
		for i := range bounds {
			pieces = append(pieces, piece{point: true, lo: &bounds[i], hi: &bounds[i], rep: bounds[i]})
			if i+1 < len(bounds) {
				a, b := bounds[i], bounds[i+1]
				if b.Units()-a.Units() >= 2 {
					mid := DecimalFromUnits(a.Units() + (b.Units()-a.Units())/2)
					pieces = append(pieces, piece{lo: &bounds[i], hi: &bounds[i+1], rep: mid})
				}
			}
		}
		last := bounds[len(bounds)-1]
		pieces = append(pieces, piece{lo: &bounds[len(bounds)-1], rep: last.Add(one)})
	}

	var cov Coverage
	type run struct {
		start, end int
		members    []int
	}
	var cur *run
	flush := func() {
		if cur == nil {
			return
		}
		r := spanOf(pieces[cur.start], pieces[cur.end])
		if len(cur.members) == 0 {
			cov.Gaps = append(cov.Gaps, r)
		} else {
			cov.Overlaps = append(cov.Overlaps, Overlap{Range: r, Ranges: cur.members})
		}
		cur = nil
	}
	for i, p := range pieces {
		if !domain.Contains(p.rep) {
			flush()
			continue
		}
		var members []int
		for j, r := range ranges {
			if r.Contains(p.rep) {
				members = append(members, j)
			}
		}
		if len(members) == 1 {
			flush()
			continue
		}
		if cur != nil && cur.end == i-1 && sameInts(cur.members, members) {
			cur.end = i
			continue
		}
		flush()
		cur = &run{start: i, end: i, members: members}
	}
	flush()
	return cov
}

// spanOf returns the range from the start of piece a to the end of piece b.
func spanOf(a, b piece) Range {
	var r Range
	if a.lo != nil {
		r.From = a.lo.P()
		r.FromExcl = !a.point
	}
	if b.hi != nil {
		r.To = b.hi.P()
		r.ToIncl = b.point
	}
	return r
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
