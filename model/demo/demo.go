// Package demo generates a realistic but entirely fictional committee — its
// organization tree and its roster — for demonstrations, manual testing and
// performance work. The result is a model.RosterPlan that the store applies
// like any import.
//
// Everything is invented: the places (青禾县, 青禾市 and its districts and
// counties), the units, the people. Phone numbers use the 170/171
// virtual-operator prefixes; ID numbers pass the GB 11643 check but carry
// region codes 3698xx/3699xx, which belong to no real prefecture, so they can
// never be a real person's number.
//
// The content of the demo period is here too, as values: its name and
// schemes (Period, WithElectionCaps), what the office enters itself
// (Entries), and how the branches fill and return their forms (FormValue,
// UnitReturn). Writing them to the store and to files is the office's job.
//
// Generation is deterministic: the same Scale and seed give the same plan,
// byte for byte. Dates are relative to a fixed day, AsOf, not to the clock.
package demo

import (
	"math/rand/v2"
	"strconv"

	"xingji/model"
)

// Scale is the size of the generated committee.
type Scale string

// The scales.
const (
	// County is a county committee (中共青禾县委员会): 44 units, about 600
	// members; every unit kind appears.
	County Scale = "county"
	// City is a prefecture committee (中共青禾市委员会) with ten districts and
	// counties: about 5,000 units and 150,000 members, branch sizes mostly
	// 5–80 and a few branches of about 1,000 as the largest units.
	City Scale = "city"
)

// Scales lists the scales, for pick-lists.
var Scales = []Scale{County, City}

// Valid reports whether s is one of Scales.
func (s Scale) Valid() bool { return s == County || s == City }

// AsOf returns the day the generated roster describes: ages, join dates and
// 预备 periods are worked out relative to it.
func AsOf() model.Date { return model.D(2026, 10, 31) }

// Generate returns the plan for a fictional committee of the given scale.
// Units come parents first and name their parents by ParentRef (the unit's
// code); members name their unit by UnitRef; no IDs are set. An unknown scale
// gives an empty plan.
func Generate(scale Scale, seed int64) model.RosterPlan {
	g := newGen(seed, scale)
	switch scale {
	case County:
		g.buildCounty()
		g.rescale(575, 650)
	case City:
		g.buildCity()
		g.rescale(146_000, 154_000)
	default:
		return model.RosterPlan{}
	}
	g.populate()
	return model.RosterPlan{
		Source:   g.source,
		NewUnits: g.units,
		Members:  g.members,
	}
}

// unitMeta is what the generator keeps beside each planned unit.
type unitMeta struct {
	parent   int32   // index of the parent in gen.units; -1 for the root
	children int32   // children added so far: the next child's sort order
	size     int32   // members to create in the unit itself
	prof     profile // what its members are like
	region   uint8   // index into gen.regions: where most members were born
	fixed    bool    // size is not scaled by rescale
	grouped  bool    // a branch whose rank and file sit in its 党小组
}

// townSizes are the ranges of member counts of a township's branches: a
// county's villages are smaller than the average of a whole prefecture's.
type townSizes struct {
	office, village, community [2]int
}

// gen holds the state of one generation. All randomness comes from r, and
// nothing is read from maps in an order that reaches the output.
type gen struct {
	r       *rand.Rand
	source  string
	units   []model.PlannedUnit
	meta    []unitMeta
	members []model.PlannedMember
	regions []string // ID number region codes, one per county
	asOf    int      // AsOf as a day number

	unitNames map[string]bool // unit names in use, to keep them unique
	idNumbers map[uint64]bool // first 17 digits of ID numbers in use
	phones    map[uint64]bool // phone numbers in use
	rareUsed  bool            // some name has a rare character
	placeUsed map[string]bool // place names in use (townships, streets, villages)
	sizes     townSizes       // member counts in townships, by scale
}

func newGen(seed int64, scale Scale) *gen {
	salt := uint64(0x5eed_c0de_0000_0001)
	if scale == City {
		salt++
	}
	return &gen{
		r:         rand.New(rand.NewPCG(uint64(seed), salt)),
		asOf:      dayNumber(AsOf()),
		unitNames: make(map[string]bool),
		placeUsed: make(map[string]bool),
	}
}

// between returns a uniform integer in [lo, hi].
func (g *gen) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.r.IntN(hi-lo+1)
}

// tri returns an integer in [lo, hi] that favours the middle of the range.
func (g *gen) tri(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	n := hi - lo + 1
	return lo + (g.r.IntN(n)+g.r.IntN(n))/2
}

// chance reports true with probability p.
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// pick returns a random element of s.
func pick[T any](g *gen, s []T) T { return s[g.r.IntN(len(s))] }

// root adds the committee at the top of the tree.
func (g *gen) root(name, code string, kind model.UnitKind, size int, founded model.Date) int {
	g.unitNames[name] = true
	g.units = append(g.units, model.PlannedUnit{
		Ref: code,
		Unit: model.Unit{
			Name: name, Code: code, Level: model.LevelCommittee, Kind: kind,
			SortOrder: 1, Founded: founded,
		},
	})
	g.meta = append(g.meta, unitMeta{parent: -1, size: int32(size), prof: profCommittee, fixed: true})
	return len(g.units) - 1
}

// add adds a unit under parent, with the next code and sort order among the
// parent's children, founded in a year from..to but not before its parent,
// and returns its index. The name must be new (see claim).
func (g *gen) add(parent int, name string, level model.UnitLevel, kind model.UnitKind, p profile, size int, from, to int) int {
	pm := &g.meta[parent]
	pm.children++
	pu := &g.units[parent].Unit
	code := pu.Code + "-" + twoDigits(int(pm.children))
	g.unitNames[name] = true
	g.units = append(g.units, model.PlannedUnit{
		Ref:       code,
		ParentRef: pu.Code,
		Unit: model.Unit{
			Name: name, Code: code, Level: level, Kind: kind,
			SortOrder: int(pm.children), Founded: g.founded(from, to, pu.Founded),
		},
	})
	g.meta = append(g.meta, unitMeta{parent: int32(parent), size: int32(size), prof: p, region: pm.region})
	return len(g.units) - 1
}

// committee adds a 党委 (or 党工委) whose own members are its 委员.
func (g *gen) committee(parent int, name string, kind model.UnitKind, from, to int) int {
	i := g.add(parent, name, model.LevelCommittee, kind, profCommittee, g.between(5, 7), from, to)
	g.meta[i].fixed = true
	return i
}

// general adds a 党总支 whose own members are its 委员.
func (g *gen) general(parent int, name string, kind model.UnitKind, from, to int) int {
	i := g.add(parent, name, model.LevelGeneral, kind, profCommittee, g.between(3, 5), from, to)
	g.meta[i].fixed = true
	return i
}

// branch adds a 党支部 of size members.
func (g *gen) branch(parent int, name string, kind model.UnitKind, p profile, size, from, to int) int {
	return g.add(parent, name, model.LevelBranch, kind, p, size, from, to)
}

// groups splits branch b into 党小组 named after it: the branch keeps its
// 支部委员会 and each group gets a share of the rank and file.
func (g *gen) groups(b int, names []string) {
	m := &g.meta[b]
	rest := int(m.size)
	m.size = int32(g.between(3, 5))
	m.fixed, m.grouped = true, true
	prefix := trimSuffix(g.units[b].Unit.Name, "党支部")
	u := g.units[b].Unit
	each := max(rest/len(names), 6)
	for _, n := range names {
		g.add(b, prefix+n, model.LevelGroup, u.Kind, m.prof, g.between(each*3/4, each*5/4), u.Founded.Year, AsOf().Year-1)
	}
}

// claim reserves a unit name, reporting false when it is already taken.
func (g *gen) claim(name string) bool {
	if g.unitNames[name] {
		return false
	}
	g.unitNames[name] = true
	return true
}

// dissolve marks unit i as dissolved on a day in year y: it keeps no members.
func (g *gen) dissolve(i, y int) {
	u := &g.units[i].Unit
	u.Dissolved = g.dateIn(max(y, u.Founded.Year+1))
	g.meta[i].size, g.meta[i].fixed = 0, true
}

// founded returns a founding date in a year from..to, not before parent's.
func (g *gen) founded(from, to int, parent model.Date) model.Date {
	d := g.dateIn(g.between(from, min(to, AsOf().Year-1)))
	if !parent.IsZero() && d.Compare(parent) < 0 {
		n := min(dayNumber(parent)+g.between(30, 3*365), g.asOf-30)
		d = dateOf(n)
	}
	return d
}

// dateIn returns a day in year y (before AsOf).
func (g *gen) dateIn(y int) model.Date {
	n := dayNumber(model.D(y, 1, 1)) + g.r.IntN(365)
	return dateOf(min(n, g.asOf-1))
}

// rescale brings the total of the scalable unit sizes into [lo, hi] when it
// falls outside, scaling every scalable size by one factor.
func (g *gen) rescale(lo, hi int) {
	for range 3 {
		total, scalable := 0, 0
		for _, m := range g.meta {
			total += int(m.size)
			if !m.fixed {
				scalable += int(m.size)
			}
		}
		if (total >= lo && total <= hi) || scalable == 0 {
			return
		}
		target := (lo + hi) / 2
		f := float64(target-(total-scalable)) / float64(scalable)
		for i := range g.meta {
			m := &g.meta[i]
			if !m.fixed {
				m.size = int32(max(5, min(80, int(float64(m.size)*f+0.5))))
			}
		}
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func trimSuffix(s, suffix string) string {
	if len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// dayNumber returns the days from 1970-01-01 to d (a full date), after
// Howard Hinnant's days_from_civil.
func dayNumber(d model.Date) int {
	y, m := d.Year, d.Month
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOf is the inverse of dayNumber (civil_from_days).
func dateOf(n int) model.Date {
	z := n + 719468
	era := z / 146097
	if z < 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return model.D(y, m, d)
}
