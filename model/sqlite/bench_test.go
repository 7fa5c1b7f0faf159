package sqlite

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"xingji/model"
)

// City scale (DOMAIN.md): a prefecture city, ~5,000 units and 150,000 members.
const (
	cityCounties  = 10
	cityTownships = 25 // per county
	cityBranches  = 14 // per township, plus a 党总支 with 4 more
	cityMembers   = 150000
	largestUnit   = 3000 // members of the biggest 党支部, code "BIG"
)

// cityPlan generates a city-sized roster plan: 市委 → 10 县委 → 25 镇党委 each
// → a 党总支 with 4 党支部 and 14 more 党支部; members spread over the 党支部,
// one of which ("BIG") holds 3,000. Deterministic for a given seed.
func cityPlan(seed uint64) model.RosterPlan {
	r := rand.New(rand.NewPCG(seed, 1))
	var p model.RosterPlan
	unit := func(ref, parent, name string, level model.UnitLevel, sort int) {
		p.NewUnits = append(p.NewUnits, model.PlannedUnit{Ref: ref, ParentRef: parent, Unit: model.Unit{
			Name: name, Code: ref, Level: level, Kind: model.KindRural, SortOrder: sort}})
	}
	unit("C", "", "示范市委", model.LevelCommittee, 0)
	var branches []string
	for c := 1; c <= cityCounties; c++ {
		county := fmt.Sprintf("C-%02d", c)
		unit(county, "C", fmt.Sprintf("第%d县委", c), model.LevelCommittee, c)
		for t := 1; t <= cityTownships; t++ {
			town := fmt.Sprintf("%s-%02d", county, t)
			unit(town, county, fmt.Sprintf("第%d县第%d镇党委", c, t), model.LevelCommittee, t)
			general := town + "-G"
			unit(general, town, fmt.Sprintf("第%d县第%d镇机关党总支", c, t), model.LevelGeneral, 0)
			for b := 1; b <= 4; b++ {
				ref := fmt.Sprintf("%s-%d", general, b)
				unit(ref, general, fmt.Sprintf("第%d县第%d镇机关第%d党支部", c, t, b), model.LevelBranch, b)
				branches = append(branches, ref)
			}
			for b := 1; b <= cityBranches; b++ {
				ref := fmt.Sprintf("%s-%02d", town, b)
				unit(ref, town, fmt.Sprintf("第%d县第%d镇第%d村党支部", c, t, b), model.LevelBranch, b)
				branches = append(branches, ref)
			}
		}
	}
	unit("BIG", "C-05-12", "示范钢铁集团党支部", model.LevelBranch, 99)

	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌玉兰海燕春梅立新宏亮")
	categories := []model.MemberCategory{model.CategoryActive, model.CategoryActive, model.CategoryActive, model.CategoryMobile, model.CategoryRetired}
	for i := 0; i < cityMembers; i++ {
		ref := "BIG"
		if i >= largestUnit {
			ref = branches[r.IntN(len(branches))]
		}
		name := string(surnames[r.IntN(len(surnames))]) + string(given[r.IntN(len(given))])
		if r.IntN(2) == 0 {
			name += string(given[r.IntN(len(given))])
		}
		birth := model.D(1940+r.IntN(65), 1+r.IntN(12), 1+r.IntN(28))
		m := model.Member{Name: name, Gender: model.Male, Birth: birth,
			Joined: model.D(birth.Year+20+r.IntN(10), 1+r.IntN(12), 0), Status: model.StatusFull,
			Category: categories[r.IntN(len(categories))], Position: "党员",
			Phone: fmt.Sprintf("1%d%09d", 3+r.IntN(6), r.IntN(1e9)), SortOrder: r.IntN(100)}
		if r.IntN(2) == 0 {
			m.Gender = model.Female
		}
		if r.IntN(20) == 0 {
			m.Status = model.StatusCandidate
		}
		if r.IntN(3) > 0 {
			m.IDNumber = fakeIDNumber(r, birth)
		}
		p.Members = append(p.Members, model.PlannedMember{Row: i + 2, UnitRef: ref, Member: m})
	}
	return p
}

// fakeIDNumber makes a valid-looking ID number for the birth date.
func fakeIDNumber(r *rand.Rand, birth model.Date) string {
	s := fmt.Sprintf("4501%02d%04d%02d%02d%03d", r.IntN(30), birth.Year, birth.Month, birth.Day, r.IntN(1000))
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(s[i]-'0') * weights[i]
	}
	return s + string("10X98765432"[sum%11])
}

var city struct {
	once  sync.Once
	dir   string
	store *Store
	err   error
}

// cityStore returns a Store on a city-sized database, built once per test
// binary run.
func cityStore(b *testing.B) *Store {
	city.once.Do(func() {
		city.dir, city.err = os.MkdirTemp("", "xingji-bench-")
		if city.err != nil {
			return
		}
		city.store, city.err = Open(filepath.Join(city.dir, "city.db"), Options{})
		if city.err != nil {
			return
		}
		_, city.err = city.store.ApplyRosterPlan(ctx, cityPlan(1))
	})
	if city.err != nil {
		b.Fatal(city.err)
	}
	return city.store
}

func TestMain(m *testing.M) {
	code := m.Run()
	if city.store != nil {
		city.store.Close()
	}
	if city.dir != "" {
		os.RemoveAll(city.dir)
	}
	os.Exit(code)
}

// benchQuery runs q b.N times and checks that it returns rows.
func benchQuery(b *testing.B, s *Store, q model.MemberQuery) {
	b.Helper()
	for b.Loop() {
		page, err := s.Members(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		if len(page.Rows) == 0 {
			b.Fatalf("no rows for %+v (total %d)", q, page.Total)
		}
	}
}

func BenchmarkMembersWholeCommittee(b *testing.B) {
	s := cityStore(b)
	b.Run("first", func(b *testing.B) { benchQuery(b, s, model.MemberQuery{}) })
	b.Run("middle", func(b *testing.B) { benchQuery(b, s, model.MemberQuery{Offset: cityMembers / 2}) })
	b.Run("last", func(b *testing.B) { benchQuery(b, s, model.MemberQuery{Offset: cityMembers - 50}) })
	b.Run("retired-middle", func(b *testing.B) {
		benchQuery(b, s, model.MemberQuery{Category: model.CategoryRetired, Offset: 15000})
	})
}

func BenchmarkMembersLargestUnit(b *testing.B) {
	s := cityStore(b)
	big, err := s.UnitByCode(ctx, "BIG")
	if err != nil {
		b.Fatal(err)
	}
	county, _ := s.UnitByCode(ctx, "C-05")
	b.Run("first", func(b *testing.B) { benchQuery(b, s, model.MemberQuery{UnitID: big.ID}) })
	b.Run("last", func(b *testing.B) { benchQuery(b, s, model.MemberQuery{UnitID: big.ID, Offset: largestUnit - 50}) })
	b.Run("county-subtree-middle", func(b *testing.B) {
		benchQuery(b, s, model.MemberQuery{UnitID: county.ID, WithDescendants: true, Offset: 8000})
	})
}

func BenchmarkMembersSearch(b *testing.B) {
	s := cityStore(b)
	county, _ := s.UnitByCode(ctx, "C-05")
	b.Run("initials", func(b *testing.B) { benchQuery(b, s, model.MemberQuery{Text: "zw"}) })
	b.Run("name", func(b *testing.B) { benchQuery(b, s, model.MemberQuery{Text: "张伟"}) })
	b.Run("phone", func(b *testing.B) { benchQuery(b, s, model.MemberQuery{Text: "8888"}) })
	b.Run("initials-in-county", func(b *testing.B) {
		benchQuery(b, s, model.MemberQuery{UnitID: county.ID, WithDescendants: true, Text: "zw"})
	})
}

func BenchmarkAllMembers(b *testing.B) {
	s := cityStore(b)
	for b.Loop() {
		all, err := s.AllMembers(ctx)
		if err != nil || len(all) != cityMembers {
			b.Fatal(len(all), err)
		}
	}
}

func BenchmarkUnits(b *testing.B) {
	s := cityStore(b)
	for b.Loop() {
		if _, err := s.Units(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateUnitCity measures adding a unit at the front of a city-sized
// tree, which renumbers every unit's tree_order.
func BenchmarkCreateUnitCity(b *testing.B) {
	s := cityStore(b)
	root, _ := s.UnitByCode(ctx, "C")
	i := 0
	for b.Loop() {
		i++
		u := model.Unit{ParentID: root.ID, Name: "新建县委", Code: fmt.Sprintf("NEW-%d", i),
			Level: model.LevelCommittee, Kind: model.KindOrgan, SortOrder: -i}
		if err := s.CreateUnit(ctx, &u); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenCity measures opening a city-sized database (quick_check).
func BenchmarkOpenCity(b *testing.B) {
	s := cityStore(b)
	path := filepath.Join(b.TempDir(), "copy.db")
	if _, err := s.rdb.Exec(`VACUUM INTO ?`, path); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}

func BenchmarkApplyRosterPlan150k(b *testing.B) {
	plan := cityPlan(2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		s, err := Open(filepath.Join(dir, "x.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := s.ApplyRosterPlan(ctx, plan)
		b.StopTimer()
		if err != nil || res.MembersAdded != cityMembers {
			b.Fatal(res, err)
		}
		s.Close()
		b.StartTimer()
	}
}
