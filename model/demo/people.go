package demo

import (
	"strconv"

	"xingji/model"
)

// profile says what the members of a unit are like.
type profile uint8

// The member profiles.
const (
	profCommittee  profile = iota // the 委员 of a 党委 or 党总支
	profRural                     // a village: older, many 流动 working away
	profCommunity                 // a community: about half 离退休
	profOrgan                     // a government office
	profRetired                   // a 离退休 branch
	profSchool                    // teachers
	profEnterprise                // a state enterprise
	profNonPublic                 // a private firm or social organization: young
	profWindow                    // a service window, a hospital
	profMobile                    // a 流动党员党支部
	numProfiles
)

// traits are the odds and ranges behind a profile.
type traits struct {
	female    float64 // share of women
	retired   float64 // share of 离退休 (1: all)
	mobile    float64 // share of 流动 (1: all)
	candidate float64 // share of 预备 among the others
	minAge    int     // age range of 在职 members
	maxAge    int
	joinSpan  float64 // years after 18 over which members joined
	noID      float64 // share with no ID number on file
}

var profileTraits = [numProfiles]traits{
	profCommittee:  {female: 0.22, minAge: 36, maxAge: 58, joinSpan: 14, noID: 0.02},
	profRural:      {female: 0.22, retired: 0.08, mobile: 0.22, candidate: 0.07, minAge: 26, maxAge: 80, joinSpan: 36, noID: 0.12},
	profCommunity:  {female: 0.48, retired: 0.55, mobile: 0.05, candidate: 0.09, minAge: 24, maxAge: 62, joinSpan: 25, noID: 0.10},
	profOrgan:      {female: 0.36, retired: 0.04, candidate: 0.07, minAge: 23, maxAge: 60, joinSpan: 16, noID: 0.04},
	profRetired:    {female: 0.30, retired: 1, minAge: 60, maxAge: 60, joinSpan: 20, noID: 0.18},
	profSchool:     {female: 0.58, retired: 0.06, candidate: 0.08, minAge: 23, maxAge: 60, joinSpan: 16, noID: 0.05},
	profEnterprise: {female: 0.26, retired: 0.05, mobile: 0.02, candidate: 0.08, minAge: 22, maxAge: 60, joinSpan: 20, noID: 0.06},
	profNonPublic:  {female: 0.38, mobile: 0.08, candidate: 0.12, minAge: 22, maxAge: 55, joinSpan: 16, noID: 0.08},
	profWindow:     {female: 0.58, retired: 0.03, candidate: 0.08, minAge: 23, maxAge: 60, joinSpan: 16, noID: 0.05},
	profMobile:     {female: 0.30, mobile: 1, candidate: 0.05, minAge: 20, maxAge: 50, joinSpan: 18, noID: 0.10},
}

// Positions of 委员 by level, secretary first.
var (
	committeePositions = []string{"党委书记", "副书记", "组织委员", "宣传委员", "纪检委员", "党委委员", "党委委员", "党委委员", "党委委员"}
	generalPositions   = []string{"总支书记", "副书记", "组织委员", "宣传委员", "纪检委员"}
	branchPositions    = [][]string{
		1: {"支部书记"},
		3: {"支部书记", "组织委员", "宣传委员"},
		4: {"支部书记", "组织委员", "宣传委员", "纪检委员"},
		5: {"支部书记", "副书记", "组织委员", "宣传委员", "纪检委员"},
	}
	groupPositions = []string{"党小组组长"}
)

// positionMember is the position of a member who holds no office.
const positionMember = "党员"

// leaders returns the positions held in unit i, secretary first; the other
// members are 党员. A branch of fewer than 7 members has only a secretary;
// 7–14 elect a committee of 3, 15 or more a committee of 5.
func (g *gen) leaders(i int) []string {
	m := g.meta[i]
	n := int(m.size)
	switch g.units[i].Unit.Level {
	case model.LevelCommittee:
		return committeePositions[:min(n, len(committeePositions))]
	case model.LevelGeneral:
		return generalPositions[:min(n, len(generalPositions))]
	case model.LevelGroup:
		return groupPositions
	}
	switch {
	case m.grouped:
		return branchPositions[min(max(n, 3), 5)]
	case n >= 15:
		return branchPositions[5]
	case n >= 7:
		return branchPositions[3]
	}
	return branchPositions[1]
}

// populate creates the members of every unit, in unit order, and names each
// unit's secretary.
func (g *gen) populate() {
	total := 0
	for _, m := range g.meta {
		total += int(m.size)
	}
	g.members = make([]model.PlannedMember, 0, total)
	g.idNumbers = make(map[uint64]bool, total)
	g.phones = make(map[uint64]bool, total)
	for i := range g.units {
		g.fill(i)
	}
	if !g.rareUsed {
		g.forceRare()
	}
}

// fill creates the members of unit i.
func (g *gen) fill(i int) {
	m := g.meta[i]
	if m.size == 0 {
		return
	}
	pu := &g.units[i]
	t := &profileTraits[m.prof]
	region := g.regions[m.region]
	lead := g.leaders(i)
	for j := range int(m.size) {
		position := positionMember
		if j < len(lead) {
			position = lead[j]
		}
		mem := g.person(t, j < len(lead), region)
		mem.Position = position
		mem.SortOrder = j + 1
		if j == 0 {
			pu.Unit.Secretary = mem.Name
		}
		g.members = append(g.members, model.PlannedMember{UnitRef: pu.Ref, Member: mem})
	}
}

// person makes one member. Leaders are 正式 and 在职 (or 离退休 in a
// retired branch) and of working age.
func (g *gen) person(t *traits, leader bool, region string) model.Member {
	female := g.chance(t.female)
	if leader {
		female = g.chance(t.female * 0.7)
	}
	cat, status := model.CategoryActive, model.StatusFull
	switch roll := g.r.Float64(); {
	case t.retired >= 1:
		cat = model.CategoryRetired
	case leader:
	case roll < t.retired:
		cat = model.CategoryRetired
	case roll < t.retired+t.mobile:
		cat = model.CategoryMobile
	}
	if !leader && cat != model.CategoryRetired && g.chance(t.candidate) {
		status = model.StatusCandidate
	}

	var age int
	switch {
	case status == model.StatusCandidate:
		age = g.tri(20, min(t.maxAge, 42))
	case cat == model.CategoryRetired && leader:
		age = g.tri(61, 74)
	case cat == model.CategoryRetired && female:
		age = g.tri(52, 94)
	case cat == model.CategoryRetired:
		age = g.tri(60, 95)
	case cat == model.CategoryMobile:
		age = g.tri(20, min(t.maxAge, 52))
	case leader:
		age = g.tri(max(t.minAge, 32), min(t.maxAge, 60))
	default:
		age = g.tri(t.minAge, t.maxAge)
	}
	birthDay := g.asOf - age*365 - age/4 - g.r.IntN(365)
	birth := dateOf(birthDay)

	var joined model.Date
	if status == model.StatusCandidate {
		joined = dateOf(g.asOf - g.between(15, 330)) // within the year, even read as the 1st of its month
	} else {
		earliest := birthDay + 18*366 + 31 // past the 18th birthday by a month
		latest := g.asOf - 366 - 30        // the 预备 year is over
		span := min(int(t.joinSpan*365), latest-earliest)
		u := g.r.Float64()
		n := earliest + int(u*u*float64(span)) + g.r.IntN(180)
		joined = dateOf(max(earliest, min(n, latest)))
	}
	if g.chance(0.12) {
		joined.Day = 0 // rosters often record only the month
	}

	mem := model.Member{
		Name:     g.personName(female, birth.Year),
		Gender:   model.Male,
		Birth:    birth,
		Joined:   joined,
		Status:   status,
		Category: cat,
	}
	if female {
		mem.Gender = model.Female
	}
	noPhone := 0.03
	if cat == model.CategoryRetired {
		noPhone = 0.15
	}
	if !g.chance(noPhone) {
		mem.Phone = g.phone()
	}
	if !g.chance(t.noID) {
		if !g.chance(0.12) && len(g.regions) > 1 {
			region = pick(g, g.regions) // born elsewhere
		}
		mem.IDNumber = g.idNumber(region, birth, female)
	}
	return mem
}

// phone returns a new, unused mobile number on a 170/171 prefix.
func (g *gen) phone() string {
	for {
		n := uint64(170_0000_0000) + uint64(g.r.IntN(2))*1_0000_0000 + uint64(g.r.IntN(1_0000_0000))
		if !g.phones[n] {
			g.phones[n] = true
			return strconv.FormatUint(n, 10)
		}
	}
}

// idNumber returns a new, unused 18-digit resident ID number: region, birth
// date, a sequence number whose last digit is odd for men and even for women,
// and the GB 11643 check digit.
func (g *gen) idNumber(region string, birth model.Date, female bool) string {
	var b [18]byte
	copy(b[:6], region)
	y, m, d := birth.Year, birth.Month, birth.Day
	for k, v := range [8]int{y / 1000, y / 100 % 10, y / 10 % 10, y % 10, m / 10, m % 10, d / 10, d % 10} {
		b[6+k] = byte('0' + v)
	}
	seq := g.r.IntN(500) * 2
	if !female {
		seq++
	}
	for {
		b[14], b[15], b[16] = byte('0'+seq/100), byte('0'+seq/10%10), byte('0'+seq%10)
		var key uint64
		for _, c := range b[:17] {
			key = key*10 + uint64(c-'0')
		}
		if !g.idNumbers[key] {
			g.idNumbers[key] = true
			break
		}
		seq = (seq + 2) % 1000
	}
	b[17] = checkDigit(b[:17])
	return string(b[:])
}

// checkDigit computes the GB 11643-1999 check character of 17 digits.
func checkDigit(d []byte) byte {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(d[i]-'0') * w
	}
	return "10X98765432"[sum%11]
}
