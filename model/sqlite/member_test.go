package sqlite

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"xingji/model"
)

func TestMemberCreateReadUpdateDelete(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	a := addUnit(t, s, root.ID, "第一党支部", "A", model.LevelBranch)
	b := addUnit(t, s, root.ID, "第二党支部", "B", model.LevelBranch)

	m := model.Member{UnitID: a.ID, Name: " 张三 ", Gender: model.Male, Birth: model.D(1980, 5, 0),
		Joined: model.D(2005, 7, 1), Status: model.StatusFull, Category: model.CategoryActive,
		Position: "支部书记", Phone: "13800001234", IDNumber: "11010119800501000x", SortOrder: 1}
	if err := s.CreateMember(ctx, &m, model.D(2010, 1, 1)); err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || m.Name != "张三" || m.Initials != "zs" || m.IDNumber != "11010119800501000X" {
		t.Errorf("after CreateMember: %+v", m)
	}
	got, err := s.Member(ctx, m.ID)
	if err != nil || !reflect.DeepEqual(got, m) {
		t.Errorf("Member = %+v, %v\nwant %+v", got, err, m)
	}
	ms, _ := s.Memberships(ctx, m.ID)
	if len(ms) != 1 || ms[0].UnitID != a.ID || ms[0].From != model.D(2010, 1, 1) || !ms[0].To.IsZero() {
		t.Errorf("Memberships = %+v", ms)
	}

	m.Name, m.Phone, m.Status = "张珊", "13900001111", model.StatusCandidate
	if err := s.UpdateMember(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Member(ctx, m.ID)
	if got.Name != "张珊" || got.Initials != "zs" || got.Phone != "13900001111" || got.Status != model.StatusCandidate {
		t.Errorf("after UpdateMember: %+v", got)
	}

	// The unit changes only by transfer.
	moved := m
	moved.UnitID = b.ID
	if e := wantCode(t, s.UpdateMember(ctx, moved), model.EInvalid); e.Field != "UnitID" {
		t.Errorf("Field = %q", e.Field)
	}
	wantMessage(t, s.UpdateMember(ctx, moved), "组织关系转接")

	// Validation.
	bad := newMember(a.ID, "  ")
	if e := wantCode(t, s.CreateMember(ctx, &bad, model.Date{}), model.EInvalid); e.Field != "Name" {
		t.Errorf("Field = %q", e.Field)
	}
	bad = newMember(999, "李四")
	wantCode(t, s.CreateMember(ctx, &bad, model.Date{}), model.EInvalid)
	bad = newMember(a.ID, "李四")
	bad.IDNumber = "11010119800501001A" // malformed; a mere check-digit typo is stored (the importer warns)
	wantMessage(t, s.CreateMember(ctx, &bad, model.Date{}), "身份证号")
	wantCode(t, s.UpdateMember(ctx, model.Member{ID: 999, UnitID: a.ID, Name: "无", Gender: model.Female, Status: model.StatusFull, Category: model.CategoryActive}), model.ENotFound)

	if err := s.DeleteMember(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.Member(ctx, m.ID)
	wantCode(t, err, model.ENotFound)
	wantCode(t, s.DeleteMember(ctx, m.ID), model.ENotFound)
	var n int
	s.rdb.QueryRow(`SELECT count(*) FROM memberships`).Scan(&n)
	if n != 0 {
		t.Errorf("%d memberships left after delete (want cascade)", n)
	}
}

func TestTransferHistoryAndMembersOfUnitAt(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	a := addUnit(t, s, root.ID, "第一党支部", "A", model.LevelBranch)
	b := addUnit(t, s, root.ID, "第二党支部", "B", model.LevelBranch)
	zhang := newMember(a.ID, "张三")
	if err := s.CreateMember(ctx, &zhang, model.D(2020, 1, 1)); err != nil {
		t.Fatal(err)
	}
	li := addMember(t, s, a.ID, "李四") // joined at an unknown date

	wantCode(t, s.TransferMember(ctx, zhang.ID, b.ID, model.Date{}, ""), model.EInvalid)
	wantCode(t, s.TransferMember(ctx, zhang.ID, a.ID, model.D(2023, 6, 1), ""), model.EInvalid)
	wantCode(t, s.TransferMember(ctx, zhang.ID, 999, model.D(2023, 6, 1), ""), model.EInvalid)
	wantCode(t, s.TransferMember(ctx, 999, b.ID, model.D(2023, 6, 1), ""), model.ENotFound)
	e := wantCode(t, s.TransferMember(ctx, zhang.ID, b.ID, model.D(2019, 12, 31), ""), model.EInvalid)
	wantMessage(t, e, "早于", "2020年1月1日")

	if err := s.TransferMember(ctx, zhang.ID, b.ID, model.D(2023, 6, 1), " 工作调动 "); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Member(ctx, zhang.ID); got.UnitID != b.ID {
		t.Errorf("UnitID after transfer = %d, want %d", got.UnitID, b.ID)
	}
	ms, err := s.Memberships(ctx, zhang.ID)
	if err != nil || len(ms) != 2 {
		t.Fatalf("Memberships = %+v, %v", ms, err)
	}
	if ms[0].UnitID != a.ID || ms[0].From != model.D(2020, 1, 1) || ms[0].To != model.D(2023, 6, 1) ||
		ms[1].UnitID != b.ID || ms[1].From != model.D(2023, 6, 1) || !ms[1].To.IsZero() || ms[1].Note != "工作调动" {
		t.Errorf("Memberships = %+v", ms)
	}
	_, err = s.Memberships(ctx, 999)
	wantCode(t, err, model.ENotFound)

	cases := []struct {
		unit int64
		on   model.Date
		want []string
	}{
		{a.ID, model.D(2019, 12, 31), []string{"李四"}}, // before 张三 joined
		{a.ID, model.D(2020, 1, 1), []string{"张三", "李四"}},
		{a.ID, model.D(2023, 5, 31), []string{"张三", "李四"}},
		{a.ID, model.D(2023, 6, 1), []string{"李四"}}, // the day of the transfer counts for the new unit
		{b.ID, model.D(2023, 5, 31), nil},
		{b.ID, model.D(2023, 6, 1), []string{"张三"}},
		{b.ID, model.D(2030, 1, 1), []string{"张三"}},
		{a.ID, model.D(2023, 0, 0), []string{"张三", "李四"}}, // "2023" sorts before 2023-06-01
	}
	for _, c := range cases {
		got, err := s.MembersOfUnitAt(ctx, c.unit, c.on)
		if err != nil || !reflect.DeepEqual(memberNames(got), c.want) {
			t.Errorf("MembersOfUnitAt(%d, %s) = %v, %v; want %v", c.unit, c.on, memberNames(got), err, c.want)
		}
	}
	_, err = s.MembersOfUnitAt(ctx, 999, model.D(2023, 1, 1))
	wantCode(t, err, model.ENotFound)
	_ = li
}

func TestInitials(t *testing.T) {
	cases := map[string]string{
		"张三":          "zs",
		"欧阳修":         "oyx",
		"单雄信":         "sxx", // surname reading
		"曾国藩":         "zgf",
		"安娜":          "an",
		"李Anna":       "lanna",
		"阿依古丽·买买提":    "ayglmmt",
		" 王 五 ":       "ww",
		"Zhang San 3": "zhangsan3",
		"":            "",
	}
	for name, want := range cases {
		if got := initials(name); got != want {
			t.Errorf("initials(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestAllMembers(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	m := newMember(root.ID, "张三")
	m.Birth, m.IDNumber, m.Phone = model.D(1980, 5, 1), "110101198005010018", "17000000001"
	if err := s.CreateMember(ctx, &m, model.Date{}); err != nil {
		t.Fatal(err)
	}
	li := addMember(t, s, root.ID, "李四")
	all, err := s.AllMembers(ctx)
	if err != nil || len(all) != 2 {
		t.Fatalf("AllMembers = %d members, %v", len(all), err)
	}
	if all[0].ID != m.ID || all[1].ID != li.ID {
		t.Errorf("AllMembers should be ordered by ID: %d, %d", all[0].ID, all[1].ID)
	}
	// Full records: the importer keeps stored values where a file cell is blank.
	if got := all[0]; got.IDNumber != "110101198005010018" || got.Phone != "17000000001" ||
		got.Birth != model.D(1980, 5, 1) || got.Initials != "zs" || got.UnitID != root.ID {
		t.Errorf("AllMembers[0] = %+v", got)
	}
}

// A member added without a sort order lists after everyone already in the
// unit — never above the secretary, who is usually first.
func TestCreateMemberDefaultSortOrderIsLast(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	a := addUnit(t, s, root.ID, "第一党支部", "A", model.LevelBranch)
	for i, name := range []string{"书记甲", "委员乙"} {
		m := newMember(a.ID, name)
		m.SortOrder = i + 1
		if err := s.CreateMember(ctx, &m, model.Date{}); err != nil {
			t.Fatal(err)
		}
	}
	added := addMember(t, s, a.ID, "新党员")
	if added.SortOrder != 3 {
		t.Errorf("new member's SortOrder = %d, want 3 (largest in the unit + 1)", added.SortOrder)
	}
	page, err := s.Members(ctx, model.MemberQuery{UnitID: a.ID})
	if got := rowNames(page.Rows); err != nil || !reflect.DeepEqual(got, []string{"书记甲", "委员乙", "新党员"}) {
		t.Errorf("order = %v, %v", got, err)
	}
}

// The store applies the member form's rules with its own clock: a 正式党员
// cannot join after today, the gender is required, and the phone must look
// like one (full-width digits are stored half-width).
func TestCreateMemberEntryRules(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "x.db"), Options{Now: func() time.Time {
		return time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
	}})
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	m := newMember(root.ID, "未来")
	m.Joined = model.D(2026, 3, 2)
	if e := wantCode(t, s.CreateMember(ctx, &m, model.Date{}), model.EInvalid); e.Field != "Joined" {
		t.Errorf("future join: field %q", e.Field)
	}
	m.Joined = model.D(2026, 3, 1)
	m.Gender = model.GenderUnknown
	if e := wantCode(t, s.CreateMember(ctx, &m, model.Date{}), model.EInvalid); e.Field != "Gender" {
		t.Errorf("no gender: field %q", e.Field)
	}
	m.Gender = model.Male
	m.Phone = "abc"
	if e := wantCode(t, s.CreateMember(ctx, &m, model.Date{}), model.EInvalid); e.Field != "Phone" {
		t.Errorf("phone abc: field %q", e.Field)
	}
	m.Phone = "０９３１－８１２３４５６"
	if err := s.CreateMember(ctx, &m, model.Date{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Member(ctx, m.ID); got.Phone != "0931-8123456" {
		t.Errorf("stored phone %q, want 0931-8123456", got.Phone)
	}
}
