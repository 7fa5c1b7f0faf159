package model

import (
	"errors"
	"strings"
	"testing"
)

func TestDateStringAndParse(t *testing.T) {
	cases := []struct {
		d       Date
		iso, zh string
	}{
		{Date{}, "", ""},
		{D(2011, 3, 5), "2011-03-05", "2011年3月5日"},
		{Date{2011, 3, 0}, "2011-03", "2011年3月"},
		{Date{2011, 0, 0}, "2011", "2011年"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.iso {
			t.Errorf("%#v.String() = %q, want %q", c.d, got, c.iso)
		}
		if got := c.d.Chinese(); got != c.zh {
			t.Errorf("%#v.Chinese() = %q, want %q", c.d, got, c.zh)
		}
		back, err := ParseISODate(c.iso)
		if err != nil || back != c.d {
			t.Errorf("ParseISODate(%q) = %v, %v; want %v", c.iso, back, err, c.d)
		}
	}
}

func TestDateValidate(t *testing.T) {
	bad := []Date{{2011, 2, 30}, {2011, 13, 0}, {1800, 1, 1}, {2011, 0, 5}, {0, 3, 0}, {2023, 2, 29}}
	for _, d := range bad {
		if d.Validate() == nil {
			t.Errorf("%#v.Validate() = nil, want an error", d)
		}
	}
	good := []Date{{}, {2024, 2, 29}, {2011, 3, 0}, {1949, 0, 0}}
	for _, d := range good {
		if err := d.Validate(); err != nil {
			t.Errorf("%#v.Validate() = %v", d, err)
		}
	}
	if _, err := ParseISODate("2011/03/05"); err == nil {
		t.Error("ParseISODate accepted a non-ISO form")
	}
}

func TestDateCompare(t *testing.T) {
	if D(2011, 3, 5).Compare(D(2011, 3, 6)) != -1 || D(2012, 1, 1).Compare(D(2011, 12, 31)) != 1 {
		t.Error("Compare orders full dates wrongly")
	}
	// An unknown day sorts before any known day of that month.
	if (Date{2011, 3, 0}).Compare(D(2011, 3, 1)) != -1 {
		t.Error("month-only date should sort before the 1st")
	}
	if D(2011, 3, 5).Compare(D(2011, 3, 5)) != 0 {
		t.Error("equal dates should compare 0")
	}
}

func TestUnitValidate(t *testing.T) {
	ok := Unit{ParentID: 1, Name: "城关镇第一社区党支部", Code: "CG-01", Level: LevelBranch, Kind: KindCommunity}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid unit refused: %v", err)
	}
	cases := []struct {
		name  string
		edit  func(*Unit)
		field string
	}{
		{"empty name", func(u *Unit) { u.Name = "  " }, "Name"},
		{"no code", func(u *Unit) { u.Code = "" }, "Code"},
		{"bad level", func(u *Unit) { u.Level = 9 }, "Level"},
		{"bad kind", func(u *Unit) { u.Kind = "部队" }, "Kind"},
		{"branch without parent", func(u *Unit) { u.ParentID = 0 }, "ParentID"},
		{"dissolved before founded", func(u *Unit) { u.Founded = D(2020, 1, 1); u.Dissolved = D(2019, 1, 1) }, "Dissolved"},
		{"bad founded", func(u *Unit) { u.Founded = Date{2020, 2, 31} }, "Founded"},
	}
	for _, c := range cases {
		u := ok
		c.edit(&u)
		err := u.Validate()
		var e *Error
		if !errors.As(err, &e) || e.Field != c.field || e.Code != EInvalid {
			t.Errorf("%s: got %v, want an EInvalid error on %s", c.name, err, c.field)
			continue
		}
		if !strings.ContainsAny(e.Message, "党组织编码层级类型日期上级") {
			t.Errorf("%s: message %q is not a Chinese explanation", c.name, e.Message)
		}
	}
}

func TestUnitValidateParent(t *testing.T) {
	county := Unit{ID: 1, Name: "县委", Level: LevelCommittee}
	town := Unit{ID: 2, ParentID: 1, Name: "镇党委", Level: LevelCommittee}
	branch := Unit{ID: 3, ParentID: 2, Name: "第一党支部", Level: LevelBranch}
	general := Unit{Name: "党总支", Level: LevelGeneral}
	if err := town.ValidateParent(county); err != nil {
		t.Errorf("a township 党委 under the county 党委 must be allowed: %v", err)
	}
	if err := general.ValidateParent(branch); err == nil {
		t.Error("a 党总支 under a 党支部 must be refused")
	}
	if err := branch.ValidateParent(Unit{Name: "旧支部", Level: LevelGeneral, Dissolved: D(2020, 1, 1)}); err == nil {
		t.Error("a dissolved parent must be refused")
	}
}

func TestParseUnitLevelAndKind(t *testing.T) {
	levels := map[string]UnitLevel{"城关镇党委": LevelCommittee, "县直机关工委党组": LevelCommittee,
		"青禾中学党总支": LevelGeneral, "第一党支部": LevelBranch, "离退休党小组": LevelGroup}
	for s, want := range levels {
		if got, ok := ParseUnitLevel(s); !ok || got != want {
			t.Errorf("ParseUnitLevel(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	kinds := map[string]UnitKind{"农村": KindRural, "非公企业": KindNonPublic, "城关社区": KindCommunity,
		"县政务服务中心窗口": KindWindow, "事业单位": KindOrgan, "第一中学": KindSchool, "水务公司": KindEnterprise}
	for s, want := range kinds {
		if got, ok := ParseUnitKind(s); !ok || got != want {
			t.Errorf("ParseUnitKind(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	if _, ok := ParseUnitKind("其他"); ok {
		t.Error("ParseUnitKind guessed a kind for 其他")
	}
}

// TestKindsText: a 适用类型 is written "农村、窗口单位", and a list that names
// no kind is "通用" (分类指导: the item is for every kind), which the scheme
// sheet's reader takes back as the empty list.
func TestKindsText(t *testing.T) {
	for _, c := range []struct {
		name  string
		kinds []UnitKind
		want  string
	}{
		{"none: every kind", nil, "通用"},
		{"empty list: every kind", []UnitKind{}, "通用"},
		{"one", []UnitKind{KindRural}, "农村"},
		{"two, in the list's order", []UnitKind{KindWindow, KindRural}, "窗口单位、农村"},
		{"all", UnitKinds, "农村、社区、机关、企业、学校、非公、窗口单位"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := KindsText(c.kinds); got != c.want {
				t.Errorf("KindsText(%v) = %q, want %q", c.kinds, got, c.want)
			}
		})
	}
}

func TestMemberValidate(t *testing.T) {
	ok := Member{UnitID: 1, Name: "张三", Gender: Male, Birth: D(1980, 5, 1), Joined: Date{2005, 7, 0},
		Status: StatusFull, Category: CategoryActive, IDNumber: "11010519491231002X"}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid member refused: %v", err)
	}
	cases := []struct {
		name  string
		edit  func(*Member)
		field string
	}{
		{"no name", func(m *Member) { m.Name = "" }, "Name"},
		{"no unit", func(m *Member) { m.UnitID = 0 }, "UnitID"},
		{"bad gender", func(m *Member) { m.Gender = "未知" }, "Gender"},
		{"bad status", func(m *Member) { m.Status = "发展对象" }, "Status"},
		{"bad category", func(m *Member) { m.Category = "退役" }, "Category"},
		{"joined before birth", func(m *Member) { m.Joined = D(1970, 1, 1) }, "Joined"},
		{"bad ID characters", func(m *Member) { m.IDNumber = "11010519491231A02X" }, "IDNumber"},
		{"bad ID length", func(m *Member) { m.IDNumber = "1101051949123" }, "IDNumber"},
		{"letters for a phone", func(m *Member) { m.Phone = "abc" }, "Phone"},
		{"short mobile", func(m *Member) { m.Phone = "1391234567" }, "Phone"},
	}
	for _, c := range cases {
		m := ok
		c.edit(&m)
		var e *Error
		if err := m.Validate(); !errors.As(err, &e) || e.Field != c.field {
			t.Errorf("%s: got %v, want an error on %s", c.name, err, c.field)
		}
	}
}

func TestIDNumberCheckDigitIsNotAValidationError(t *testing.T) {
	// Rosters carry typos in check digits; the member is stored and the
	// importer warns. The form check still catches the shape.
	m := Member{UnitID: 1, Name: "张三", Gender: Male, Status: StatusFull, Category: CategoryActive, IDNumber: "110105194912310021"}
	if err := m.Validate(); err != nil {
		t.Errorf("a wrong check digit should not stop Validate: %v", err)
	}
	if ValidateIDNumber(m.IDNumber) == nil {
		t.Error("ValidateIDNumber should still report the wrong check digit")
	}
}

func TestIDNumber(t *testing.T) {
	// GB 11643-1999's own example: 11010519491231002X.
	if err := ValidateIDNumber("11010519491231002X"); err != nil {
		t.Errorf("standard example refused: %v", err)
	}
	if err := ValidateIDNumber("11010519491231002x"); err != nil {
		t.Errorf("lower-case x refused: %v", err)
	}
	for _, bad := range []string{"110105194912310021", "1101051949123100", "11010519491231A02X"} {
		if ValidateIDNumber(bad) == nil {
			t.Errorf("ValidateIDNumber(%q) = nil", bad)
		}
	}
	if got := MaskIDNumber("11010519491231002X"); got != "110105********002X" {
		t.Errorf("MaskIDNumber = %q", got)
	}
	if got := (Member{IDNumber: "123"}).MaskedIDNumber(); got != "***" {
		t.Errorf("short ID masked as %q", got)
	}
	if MaskIDNumber("") != "" {
		t.Error("empty ID should stay empty")
	}
}

func TestMembershipCovers(t *testing.T) {
	ms := Membership{From: D(2020, 1, 1), To: D(2023, 6, 30)}
	for d, want := range map[Date]bool{D(2019, 12, 31): false, D(2020, 1, 1): true, D(2023, 6, 29): true, D(2023, 6, 30): false} {
		if ms.Covers(d) != want {
			t.Errorf("Covers(%v) = %v, want %v", d, !want, want)
		}
	}
	if !(Membership{}).Covers(D(2000, 1, 1)) {
		t.Error("an open membership without a start covers every day")
	}
}

func TestErrorHelpers(t *testing.T) {
	wrapped := errors.Join(errors.New("context"), &Error{Code: ELocked, Message: "正在使用"})
	if ErrorCodeOf(wrapped) != ELocked || ErrorMessage(wrapped) != "正在使用" {
		t.Errorf("ErrorCodeOf/ErrorMessage did not find the *Error in the chain")
	}
	if ErrorCodeOf(errors.New("x")) != EInternal || !strings.HasPrefix(ErrorMessage(errors.New("x")), "内部错误") {
		t.Error("plain errors should be EInternal with a Chinese prefix")
	}
	if ErrorCodeOf(nil) != "" || ErrorMessage(nil) != "" {
		t.Error("nil error should give empty code and message")
	}
}
