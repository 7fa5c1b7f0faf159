package model

import (
	"strings"
	"unicode/utf8"
)

// UnitLevel is the rank of a party organization in the tree: 党委 (the
// committee itself) above 党总支 above 党支部 above 党小组.
type UnitLevel int

// The unit levels, from the top of the tree down.
const (
	LevelCommittee UnitLevel = iota + 1 // 党委 / 党工委
	LevelGeneral                        // 党总支
	LevelBranch                         // 党支部
	LevelGroup                          // 党小组
)

var levelNames = map[UnitLevel]string{
	LevelCommittee: "党委",
	LevelGeneral:   "党总支",
	LevelBranch:    "党支部",
	LevelGroup:     "党小组",
}

// UnitLevels lists the levels in tree order, for pick-lists.
var UnitLevels = []UnitLevel{LevelCommittee, LevelGeneral, LevelBranch, LevelGroup}

// String returns the Chinese name of the level.
func (l UnitLevel) String() string {
	if s, ok := levelNames[l]; ok {
		return s
	}
	return "未知层级"
}

// ParseUnitLevel reads a level from its Chinese name or a unit name ending in
// one ("城关镇党委", "第一党支部"); ok is false when none matches.
func ParseUnitLevel(s string) (UnitLevel, bool) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasSuffix(s, "党小组"):
		return LevelGroup, true
	case strings.HasSuffix(s, "党总支"), strings.HasSuffix(s, "总支部"):
		return LevelGeneral, true
	case strings.HasSuffix(s, "党支部"), strings.HasSuffix(s, "支部"):
		return LevelBranch, true
	case strings.HasSuffix(s, "党委"), strings.HasSuffix(s, "党工委"), strings.HasSuffix(s, "党组"):
		return LevelCommittee, true
	}
	return 0, false
}

// UnitKind decides which indicators of a scheme apply to a unit (分类指导).
type UnitKind string

// The unit kinds named in the seeds.
const (
	KindRural      UnitKind = "农村"
	KindCommunity  UnitKind = "社区"
	KindOrgan      UnitKind = "机关"
	KindEnterprise UnitKind = "企业"
	KindSchool     UnitKind = "学校"
	KindNonPublic  UnitKind = "非公"
	KindWindow     UnitKind = "窗口单位"
)

// UnitKinds lists every kind, for pick-lists and validation.
var UnitKinds = []UnitKind{KindRural, KindCommunity, KindOrgan, KindEnterprise, KindSchool, KindNonPublic, KindWindow}

// EveryKindText is what a list of unit kinds says when it names none: the
// item or scheme is for every kind (通用). Readers of a 适用类型 column take it
// back as the empty list.
const EveryKindText = "通用"

// KindsText writes a list of unit kinds as the office reads it, joined by the
// enumeration comma: "农村、窗口单位"; EveryKindText for the empty list.
func KindsText(ks []UnitKind) string {
	if len(ks) == 0 {
		return EveryKindText
	}
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = string(k)
	}
	return strings.Join(names, "、")
}

// Valid reports whether k is one of UnitKinds.
func (k UnitKind) Valid() bool {
	for _, v := range UnitKinds {
		if v == k {
			return true
		}
	}
	return false
}

// ParseUnitKind reads a kind from its name or a common synonym ("农村党支部"
// contains 农村, "非公企业" is 非公, "事业单位" and "政府机关" are 机关).
func ParseUnitKind(s string) (UnitKind, bool) {
	s = strings.TrimSpace(s)
	if UnitKind(s).Valid() {
		return UnitKind(s), true
	}
	synonyms := []struct {
		word string
		kind UnitKind
	}{
		{"非公", KindNonPublic}, {"民营", KindNonPublic}, {"社会组织", KindNonPublic},
		{"窗口", KindWindow}, {"服务行业", KindWindow},
		{"村", KindRural}, {"农村", KindRural}, {"乡", KindRural},
		{"社区", KindCommunity}, {"街道", KindCommunity},
		{"机关", KindOrgan}, {"事业", KindOrgan}, {"政府", KindOrgan},
		{"企业", KindEnterprise}, {"公司", KindEnterprise}, {"国企", KindEnterprise},
		{"学校", KindSchool}, {"中学", KindSchool}, {"小学", KindSchool}, {"学院", KindSchool},
	}
	for _, syn := range synonyms {
		if strings.Contains(s, syn.word) {
			return syn.kind, true
		}
	}
	return "", false
}

// Unit is a party organization (党组织): the committee at the root, then 党总支,
// 党支部 and 党小组. ParentID is 0 for the root.
type Unit struct {
	ID        int64
	ParentID  int64
	Name      string // full name, e.g. "城关镇第一社区党支部"
	Code      string // the office's own code, unique; e.g. "CG-01"
	Level     UnitLevel
	Kind      UnitKind
	Secretary string // 书记
	SortOrder int    // position among siblings
	Founded   Date   // 成立日期
	Dissolved Date   // 撤销日期; zero while the unit exists
}

// Active reports whether the unit has not been dissolved.
func (u Unit) Active() bool { return u.Dissolved.IsZero() }

// Validate checks the unit on its own (tree rules need the parent: see
// ValidateParent).
func (u Unit) Validate() error {
	name := strings.TrimSpace(u.Name)
	switch {
	case name == "":
		return FieldErrorf("Name", "党组织名称不能为空")
	case utf8.RuneCountInString(name) > 60:
		return FieldErrorf("Name", "党组织名称过长（最多60字）：%s", name)
	case strings.TrimSpace(u.Code) == "":
		return FieldErrorf("Code", "“%s”缺少组织编码", name)
	case utf8.RuneCountInString(u.Code) > 30:
		return FieldErrorf("Code", "组织编码过长（最多30字符）：%s", u.Code)
	case levelNames[u.Level] == "":
		return FieldErrorf("Level", "“%s”的层级不正确，应为党委、党总支、党支部或党小组", name)
	case !u.Kind.Valid():
		return FieldErrorf("Kind", "“%s”的类型“%s”不正确，应为：%s", name, u.Kind, kindList())
	}
	if err := u.Founded.Validate(); err != nil {
		return FieldErrorf("Founded", "“%s”的成立日期不正确：%s", name, ErrorMessage(err))
	}
	if err := u.Dissolved.Validate(); err != nil {
		return FieldErrorf("Dissolved", "“%s”的撤销日期不正确：%s", name, ErrorMessage(err))
	}
	if !u.Founded.IsZero() && !u.Dissolved.IsZero() && u.Dissolved.Compare(u.Founded) < 0 {
		return FieldErrorf("Dissolved", "“%s”的撤销日期早于成立日期", name)
	}
	if u.ParentID == 0 && u.Level != LevelCommittee {
		return FieldErrorf("ParentID", "“%s”必须有上级党组织（只有党委可以作为最上级）", name)
	}
	return nil
}

// ValidateParent checks that parent may hold u as a child: not dissolved, and
// of a higher level — except that a 党委 may sit under a 党委 (a township's
// 党委 under the county's).
func (u Unit) ValidateParent(parent Unit) error {
	if !parent.Active() {
		return FieldErrorf("ParentID", "上级党组织“%s”已撤销，不能再设下级", parent.Name)
	}
	if u.Level <= parent.Level && !(u.Level == LevelCommittee && parent.Level == LevelCommittee) {
		return FieldErrorf("Level", "“%s”（%s）不能隶属于同级或下级的“%s”（%s）",
			u.Name, u.Level, parent.Name, parent.Level)
	}
	return nil
}

func kindList() string {
	s := make([]string, len(UnitKinds))
	for i, k := range UnitKinds {
		s[i] = string(k)
	}
	return strings.Join(s, "、")
}
