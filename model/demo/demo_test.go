package demo

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"xingji/model"
)

// plans caches generated plans: the city takes a few hundred milliseconds.
var plans = map[Scale]map[int64]model.RosterPlan{}

func plan(t testing.TB, s Scale, seed int64) model.RosterPlan {
	t.Helper()
	if plans[s] == nil {
		plans[s] = map[int64]model.RosterPlan{}
	}
	p, ok := plans[s][seed]
	if !ok {
		p = Generate(s, seed)
		plans[s][seed] = p
	}
	return p
}

func TestDeterministic(t *testing.T) {
	for _, s := range Scales {
		a, b := Generate(s, 7), Generate(s, 7)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two runs with seed 7 differ", s)
		}
		if c := Generate(s, 8); reflect.DeepEqual(a.Members, c.Members) {
			t.Errorf("%s: seeds 7 and 8 give the same members", s)
		}
	}
}

func TestUnknownScale(t *testing.T) {
	if p := Generate("province", 1); len(p.NewUnits) != 0 || len(p.Members) != 0 {
		t.Errorf("unknown scale: %d units, %d members; want none", len(p.NewUnits), len(p.Members))
	}
	if Scale("province").Valid() || !County.Valid() || !City.Valid() {
		t.Error("Scale.Valid is wrong")
	}
}

func TestCountyCounts(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		p := plan(t, County, seed)
		if n := len(p.NewUnits); n < 35 || n > 50 {
			t.Errorf("seed %d: %d units, want 35–50", seed, n)
		}
		if n := len(p.Members); n < 550 || n > 700 {
			t.Errorf("seed %d: %d members, want 550–700", seed, n)
		}
		kinds := map[model.UnitKind]bool{}
		for _, u := range p.NewUnits {
			kinds[u.Unit.Kind] = true
		}
		for _, k := range model.UnitKinds {
			if !kinds[k] {
				t.Errorf("seed %d: no unit of kind %s", seed, k)
			}
		}
		levels := map[model.UnitLevel]bool{}
		for _, u := range p.NewUnits {
			levels[u.Unit.Level] = true
		}
		for _, l := range model.UnitLevels {
			if !levels[l] {
				t.Errorf("seed %d: no unit of level %s", seed, l)
			}
		}
	}
	if root := plan(t, County, 1).NewUnits[0].Unit; root.Name != "中共青禾县委员会" || root.Level != model.LevelCommittee || root.Kind != model.KindOrgan {
		t.Errorf("county root is %s (%s, %s)", root.Name, root.Level, root.Kind)
	}
}

func TestCityCounts(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		p := plan(t, City, seed)
		if n := len(p.NewUnits); n < 4500 || n > 5500 {
			t.Errorf("seed %d: %d units, want 4,500–5,500", seed, n)
		}
		if n := len(p.Members); n < 140_000 || n > 160_000 {
			t.Errorf("seed %d: %d members, want 140,000–160,000", seed, n)
		}
		size := map[string]int{}
		for _, m := range p.Members {
			size[m.UnitRef]++
		}
		largest, large, ordinary, branches := 0, 0, 0, 0
		for _, u := range p.NewUnits {
			n := size[u.Ref]
			largest = max(largest, n)
			if n > 80 {
				large++
			}
			if u.Unit.Level == model.LevelBranch && u.Unit.Active() {
				branches++
				if n >= 5 && n <= 80 || n >= 3 && hasChildren(p, u.Ref) {
					ordinary++
				}
			}
		}
		if largest < 1000 || largest > 1500 {
			t.Errorf("seed %d: largest unit has %d members, want about 1,000–1,500", seed, largest)
		}
		if large < 3 || large > 6 {
			t.Errorf("seed %d: %d units over 80 members, want a few", seed, large)
		}
		if branches-ordinary != large {
			t.Errorf("seed %d: %d of %d branches outside 5–80 members, want only the %d large ones", seed, branches-ordinary, branches, large)
		}
	}
	if root := plan(t, City, 1).NewUnits[0].Unit; root.Name != "中共青禾市委员会" {
		t.Errorf("city root is %s", root.Name)
	}
}

func hasChildren(p model.RosterPlan, ref string) bool {
	for _, u := range p.NewUnits {
		if u.ParentRef == ref {
			return true
		}
	}
	return false
}

func TestCountyValid(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		checkPlan(t, plan(t, County, seed))
	}
}

func TestCityValid(t *testing.T) {
	checkPlan(t, plan(t, City, 1))
}

// checkPlan checks everything a store or a reviewer would: the rules of the
// model, the tree, and the consistency of each member's data.
func checkPlan(t *testing.T, p model.RosterPlan) {
	t.Helper()
	asOf := dayNumber(AsOf())
	var (
		byRef    = map[string]model.PlannedUnit{}
		codes    = map[string]bool{}
		names    = map[string]bool{}
		siblings = map[string]int{}
		children = map[string]int{}
		errs     = 0
	)
	fail := func(format string, args ...any) {
		t.Helper()
		if errs++; errs <= 20 {
			t.Errorf(format, args...)
		}
	}
	if p.Source == "" {
		fail("plan has no Source")
	}
	for i, pu := range p.NewUnits {
		u := pu.Unit
		if err := pu.Validate(); err != nil {
			fail("unit %s: %v", u.Name, err)
		}
		if u.ID != 0 || u.ParentID != 0 || u.Secretary == "" && u.Active() {
			fail("unit %s: ID %d, ParentID %d, Secretary %q", u.Name, u.ID, u.ParentID, u.Secretary)
		}
		if pu.Ref != u.Code || codes[u.Code] || names[u.Name] {
			fail("unit %s: Ref %q, code %q repeated or name repeated", u.Name, pu.Ref, u.Code)
		}
		codes[u.Code], names[u.Name] = true, true
		if u.Founded.IsZero() || u.Founded.Validate() != nil || u.Founded.Compare(AsOf()) >= 0 {
			fail("unit %s: founded %v", u.Name, u.Founded)
		}
		if !u.Active() && u.Dissolved.Compare(AsOf()) >= 0 {
			fail("unit %s: dissolved %v", u.Name, u.Dissolved)
		}
		siblings[pu.ParentRef]++
		if u.SortOrder != siblings[pu.ParentRef] {
			fail("unit %s: sort order %d, want %d", u.Name, u.SortOrder, siblings[pu.ParentRef])
		}
		if i == 0 {
			if pu.ParentRef != "" || u.Level != model.LevelCommittee {
				fail("first unit %s is not a root committee", u.Name)
			}
		} else {
			parent, ok := byRef[pu.ParentRef]
			if !ok {
				fail("unit %s: parent %q not planned before it", u.Name, pu.ParentRef)
				continue
			}
			children[pu.ParentRef]++
			if err := u.ValidateParent(parent.Unit); err != nil {
				fail("unit %s: %v", u.Name, err)
			}
			if !strings.HasPrefix(u.Code, parent.Unit.Code+"-") {
				fail("unit %s: code %s not under %s", u.Name, u.Code, parent.Unit.Code)
			}
			if u.Founded.Compare(parent.Unit.Founded) < 0 {
				fail("unit %s founded %v before its parent %v", u.Name, u.Founded, parent.Unit.Founded)
			}
			if u.Level == model.LevelGroup && u.Kind != parent.Unit.Kind {
				fail("group %s of kind %s under a %s branch", u.Name, u.Kind, parent.Unit.Kind)
			}
		}
		if lvl, ok := model.ParseUnitLevel(u.Name); ok && lvl != u.Level {
			fail("unit %s reads as %s but is %s", u.Name, lvl, u.Level)
		}
		byRef[pu.Ref] = pu
	}

	members := map[string]int{}
	secretaries := map[string]int{}
	ids := map[string]bool{}
	phones := map[string]bool{}
	for _, pm := range p.Members {
		m := pm.Member
		if err := pm.Validate(); err != nil {
			fail("member %s: %v", m.Name, err)
		}
		u, ok := byRef[pm.UnitRef]
		if !ok || m.UnitID != 0 || m.ID != 0 || pm.Row != 0 {
			fail("member %s: UnitRef %q, UnitID %d, ID %d, Row %d", m.Name, pm.UnitRef, m.UnitID, m.ID, pm.Row)
			continue
		}
		members[pm.UnitRef]++
		if m.SortOrder != members[pm.UnitRef] {
			fail("member %s: sort order %d, want %d", m.Name, m.SortOrder, members[pm.UnitRef])
		}
		checkName(t, m.Name, fail)
		if m.Gender != model.Male && m.Gender != model.Female {
			fail("member %s: gender %q", m.Name, m.Gender)
		}
		if m.Birth.Day == 0 || m.Joined.IsZero() || m.Joined.Month == 0 {
			fail("member %s: birth %v, joined %v", m.Name, m.Birth, m.Joined)
		}
		adult := model.D(m.Birth.Year+18, m.Birth.Month, m.Birth.Day)
		if m.Joined.Compare(adult) < 0 {
			fail("member %s born %v joined %v, before 18", m.Name, m.Birth, m.Joined)
		}
		joined := m.Joined
		if joined.Day == 0 {
			joined.Day = 1
		}
		switch since := asOf - dayNumber(joined); {
		case since <= 0:
			fail("member %s joined %v, not before %v", m.Name, m.Joined, AsOf())
		case m.Status == model.StatusCandidate && since > 366:
			fail("预备党员 %s joined %v, over a year ago", m.Name, m.Joined)
		case m.Status == model.StatusFull && since < 366:
			fail("正式党员 %s joined %v, under a year ago", m.Name, m.Joined)
		}
		age := AsOf().Year - m.Birth.Year
		if m.Category == model.CategoryRetired && age < 50 || age < 19 || age > 96 {
			fail("member %s (%s) is %d", m.Name, m.Category, age)
		}
		if m.IDNumber != "" {
			checkID(t, m, fail)
			if ids[m.IDNumber] {
				fail("ID number %s repeated", m.IDNumber)
			}
			ids[m.IDNumber] = true
		}
		if m.Phone != "" {
			if len(m.Phone) != 11 || !(strings.HasPrefix(m.Phone, "170") || strings.HasPrefix(m.Phone, "171")) || strings.Trim(m.Phone, "0123456789") != "" {
				fail("member %s: phone %q", m.Name, m.Phone)
			}
			if phones[m.Phone] {
				fail("phone %s repeated", m.Phone)
			}
			phones[m.Phone] = true
		}
		title := secretaryTitle[u.Unit.Level]
		if m.Position == title {
			secretaries[pm.UnitRef]++
			if m.Name != u.Unit.Secretary || m.SortOrder != 1 || m.Status != model.StatusFull {
				fail("unit %s: secretary %q, but %s (%d) is %s", u.Unit.Name, u.Unit.Secretary, m.Name, m.SortOrder, title)
			}
		}
		if !validPositions[m.Position] || strings.HasSuffix(m.Position, "书记") && m.Position != "副书记" && m.Position != title {
			fail("member %s of %s: position %q", m.Name, u.Unit.Name, m.Position)
		}
	}
	for _, pu := range p.NewUnits {
		ref, u := pu.Ref, pu.Unit
		switch {
		case !u.Active() && (members[ref] != 0 || children[ref] != 0 || u.Secretary != ""):
			fail("dissolved unit %s has %d members, %d children, secretary %q", u.Name, members[ref], children[ref], u.Secretary)
		case u.Active() && secretaries[ref] != 1:
			fail("unit %s has %d secretaries", u.Name, secretaries[ref])
		case u.Active() && members[ref] == 0:
			fail("unit %s has no members", u.Name)
		}
	}
}

var secretaryTitle = map[model.UnitLevel]string{
	model.LevelCommittee: "党委书记",
	model.LevelGeneral:   "总支书记",
	model.LevelBranch:    "支部书记",
	model.LevelGroup:     "党小组组长",
}

var validPositions = map[string]bool{
	"党委书记": true, "总支书记": true, "支部书记": true, "党小组组长": true, "副书记": true,
	"组织委员": true, "宣传委员": true, "纪检委员": true, "党委委员": true, "党员": true,
}

func checkName(t *testing.T, name string, fail func(string, ...any)) {
	t.Helper()
	if n := utf8.RuneCountInString(name); n < 2 || n > 4 {
		fail("name %q has %d characters", name, n)
	}
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			fail("name %q has a non-Han character %q", name, r)
		}
	}
	if blockedNames[name] {
		fail("name %q is a leader's", name)
	}
}

// checkID checks the ID number against the member: valid, the birth date
// embedded, the sex digit, and a fictional region.
func checkID(t *testing.T, m model.Member, fail func(string, ...any)) {
	t.Helper()
	id := m.IDNumber
	if err := model.ValidateIDNumber(id); err != nil || len(id) != 18 {
		fail("member %s: ID number %s: %v", m.Name, id, err)
		return
	}
	if !strings.HasPrefix(id, "3699") && !strings.HasPrefix(id, "3698") {
		fail("member %s: ID number %s has a real-looking region", m.Name, id)
	}
	b := m.Birth
	if want := twoDigits(b.Year/100) + twoDigits(b.Year%100) + twoDigits(b.Month) + twoDigits(b.Day); id[6:14] != want {
		fail("member %s born %v: ID number %s", m.Name, b, id)
	}
	if male := (id[16]-'0')%2 == 1; male != (m.Gender == model.Male) {
		fail("member %s (%s): ID number %s has the other sex digit", m.Name, m.Gender, id)
	}
}

func TestCheckDigit(t *testing.T) {
	// The example of GB 11643-1999.
	if c := checkDigit([]byte("11010519491231002")); c != 'X' {
		t.Errorf("check digit of 11010519491231002 is %c, want X", c)
	}
}

func TestDayNumbers(t *testing.T) {
	for _, d := range []model.Date{model.D(1970, 1, 1), model.D(2000, 2, 29), model.D(1931, 12, 31), model.D(2026, 10, 31)} {
		if got := dateOf(dayNumber(d)); got != d {
			t.Errorf("dateOf(dayNumber(%v)) = %v", d, got)
		}
	}
	if n := dayNumber(model.D(1970, 1, 1)); n != 0 {
		t.Errorf("dayNumber(1970-01-01) = %d", n)
	}
	if n := dayNumber(model.D(2000, 3, 1)) - dayNumber(model.D(2000, 2, 28)); n != 2 {
		t.Errorf("2000-02-28 to 2000-03-01 is %d days", n)
	}
}

func TestRareCharacters(t *testing.T) {
	rare := strings.Join(maleRare, "") + strings.Join(femaleRare, "")
	for seed := int64(1); seed <= 20; seed++ {
		found := false
		for _, m := range plan(t, County, seed).Members {
			if strings.ContainsAny(m.Member.Name, rare) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("seed %d: no name with a rare character", seed)
		}
	}
	// The fallback that forces one.
	g := newGen(1, County)
	g.buildCounty()
	g.populate()
	g.rareUsed = false
	g.forceRare()
	if !g.rareUsed {
		t.Error("forceRare found no member to rename")
	}
}

// TestShares checks that the roster looks like a real one in the large.
func TestShares(t *testing.T) {
	for _, s := range Scales {
		p := plan(t, s, 1)
		kind := map[string]model.UnitKind{}
		for _, u := range p.NewUnits {
			kind[u.Ref] = u.Unit.Kind
		}
		var n, candidates, monthOnly, noID, noPhone, women, oneChar float64
		retired := map[model.UnitKind][2]float64{}
		mobileRural := 0
		for _, pm := range p.Members {
			m := pm.Member
			n++
			k := kind[pm.UnitRef]
			r := retired[k]
			r[1]++
			switch m.Category {
			case model.CategoryRetired:
				r[0]++
			case model.CategoryMobile:
				if k == model.KindRural {
					mobileRural++
				}
			}
			retired[k] = r
			if m.Status == model.StatusCandidate {
				candidates++
			}
			if m.Joined.Day == 0 {
				monthOnly++
			}
			if m.IDNumber == "" {
				noID++
			}
			if m.Phone == "" {
				noPhone++
			}
			if m.Gender == model.Female {
				women++
			}
			if utf8.RuneCountInString(m.Name) == 2 {
				oneChar++
			}
		}
		check := func(what string, share, lo, hi float64) {
			if share < lo || share > hi {
				t.Errorf("%s: %s %.1f%%, want %.0f–%.0f%%", s, what, share*100, lo*100, hi*100)
			}
		}
		check("预备党员", candidates/n, 0.03, 0.08)
		check("month-only join dates", monthOnly/n, 0.08, 0.16)
		check("no ID number", noID/n, 0.04, 0.15)
		check("no phone", noPhone/n, 0.02, 0.10)
		check("women", women/n, 0.24, 0.40)
		check("one-character given names", oneChar/n, 0.15, 0.40)
		if mobileRural == 0 {
			t.Errorf("%s: no 流动 members in villages", s)
		}
		community, all := retired[model.KindCommunity], [2]float64{}
		for _, r := range retired {
			all[0] += r[0]
			all[1] += r[1]
		}
		if community[0]/community[1] < 1.5*all[0]/all[1] {
			t.Errorf("%s: 离退休 %.0f%% in communities, %.0f%% overall; want clearly more in communities",
				s, 100*community[0]/community[1], 100*all[0]/all[1])
		}
	}
}

func BenchmarkGenerateCity(b *testing.B) {
	b.ReportAllocs()
	for i := range b.N {
		p := Generate(City, int64(i))
		if len(p.Members) == 0 {
			b.Fatal("no members")
		}
	}
}

func BenchmarkGenerateCounty(b *testing.B) {
	b.ReportAllocs()
	for i := range b.N {
		Generate(County, int64(i))
	}
}
