package model

import (
	"strings"
	"unicode/utf8"
)

// Gender of a member.
type Gender string

// Genders.
const (
	GenderUnknown Gender = ""
	Male          Gender = "男"
	Female        Gender = "女"
)

// MemberStatus is 正式党员 or 预备党员.
type MemberStatus string

// Member statuses.
const (
	StatusFull      MemberStatus = "正式"
	StatusCandidate MemberStatus = "预备"
)

// MemberStatuses lists the statuses, for pick-lists.
var MemberStatuses = []MemberStatus{StatusFull, StatusCandidate}

// MemberCategory is 在职, 流动 or 离退休.
type MemberCategory string

// Member categories.
const (
	CategoryActive  MemberCategory = "在职"
	CategoryMobile  MemberCategory = "流动"
	CategoryRetired MemberCategory = "离退休"
)

// MemberCategories lists the categories, for pick-lists.
var MemberCategories = []MemberCategory{CategoryActive, CategoryMobile, CategoryRetired}

// Member is a party member (党员). UnitID is the unit the member belongs to now;
// the history of units is kept as Memberships.
type Member struct {
	ID        int64
	UnitID    int64
	Name      string
	Gender    Gender
	Birth     Date
	Joined    Date // 入党时间
	Status    MemberStatus
	Category  MemberCategory
	Position  string // 党内职务 or post in the unit, e.g. "支部书记", "党员"
	Phone     string
	IDNumber  string // 身份证号; optional; never shown unmasked in lists
	SortOrder int
	Initials  string // pinyin initials of Name, lower case, for search ("zs" for 张三); filled by the store
}

// Validate checks the member's own fields.
func (m Member) Validate() error {
	name := strings.TrimSpace(m.Name)
	switch {
	case name == "":
		return FieldErrorf("Name", "党员姓名不能为空")
	case utf8.RuneCountInString(name) > 30:
		return FieldErrorf("Name", "姓名过长（最多30字）：%s", name)
	case m.UnitID == 0:
		return FieldErrorf("UnitID", "党员“%s”没有所在党组织", name)
	case m.Gender != GenderUnknown && m.Gender != Male && m.Gender != Female:
		return FieldErrorf("Gender", "党员“%s”的性别“%s”不正确，应为男或女", name, m.Gender)
	case m.Status != StatusFull && m.Status != StatusCandidate:
		return FieldErrorf("Status", "党员“%s”的党员状态“%s”不正确，应为正式或预备", name, m.Status)
	case m.Category != CategoryActive && m.Category != CategoryMobile && m.Category != CategoryRetired:
		return FieldErrorf("Category", "党员“%s”的党员类别“%s”不正确，应为在职、流动或离退休", name, m.Category)
	}
	if err := m.Birth.Validate(); err != nil {
		return FieldErrorf("Birth", "党员“%s”的出生日期不正确：%s", name, ErrorMessage(err))
	}
	if err := m.Joined.Validate(); err != nil {
		return FieldErrorf("Joined", "党员“%s”的入党时间不正确：%s", name, ErrorMessage(err))
	}
	if !m.Birth.IsZero() && !m.Joined.IsZero() && m.Joined.Compare(m.Birth) <= 0 {
		return FieldErrorf("Joined", "党员“%s”的入党时间早于出生日期", name)
	}
	if m.IDNumber != "" {
		if err := CheckIDNumberForm(m.IDNumber); err != nil {
			return FieldErrorf("IDNumber", "党员“%s”的身份证号不正确：%s", name, ErrorMessage(err))
		}
	}
	if err := CheckPhone(m.Phone); err != nil {
		return FieldErrorf("Phone", "党员“%s”的联系电话不正确：%s", name, ErrorMessage(err))
	}
	return nil
}

// ValidateEntry checks a member entered or edited one at a time (the member
// form, the store's CreateMember and UpdateMember): Validate, plus the gender
// is required and a 正式党员 cannot have joined the party after today. The
// model reads no clock; callers pass the day. A roster file is checked with
// Validate alone: many rosters have no 性别 column, and a blank cell keeps
// the stored value.
func (m Member) ValidateEntry(today Date) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if m.Gender == GenderUnknown {
		return FieldErrorf("Gender", "请选择党员“%s”的性别（男或女）", strings.TrimSpace(m.Name))
	}
	if m.Status == StatusFull && !m.Joined.IsZero() && !today.IsZero() && m.Joined.Compare(today) > 0 {
		return FieldErrorf("Joined", "党员“%s”的入党时间%s晚于今天（%s）：正式党员的入党时间不能在将来，请核对",
			strings.TrimSpace(m.Name), m.Joined.Chinese(), today.Chinese())
	}
	return nil
}

// MaskedIDNumber returns the ID number with its middle hidden, as every list
// and export shows it: "110101********123X". Short or empty input is masked
// entirely except for its length.
func (m Member) MaskedIDNumber() string { return MaskIDNumber(m.IDNumber) }

// MaskIDNumber hides all but the first 6 and last 4 characters of an ID number.
func MaskIDNumber(id string) string {
	r := []rune(id)
	if len(r) == 0 {
		return ""
	}
	if len(r) <= 10 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
}

// CheckIDNumberForm checks only the shape of an ID number: 15 digits, or 17
// digits and a digit or X. A stored member may carry a number whose check
// digit is wrong — real rosters have such typos, and the importer reports them
// as warnings rather than refusing the whole file — so Member.Validate uses
// this; forms and importers call ValidateIDNumber to point typos out.
func CheckIDNumberForm(id string) error {
	switch len(id) {
	case 15, 18:
	default:
		return Errorf(EInvalid, "应为18位（或旧的15位），实际%d位", utf8.RuneCountInString(id))
	}
	for i, c := range id {
		if (c < '0' || c > '9') && !(i == 17 && (c == 'X' || c == 'x')) {
			return Errorf(EInvalid, "第%d位“%c”不是数字", i+1, c)
		}
	}
	return nil
}

// ValidateIDNumber checks an 18-character resident ID number (GB 11643-1999):
// 17 digits then a check digit or X, with the check digit correct. It does not
// reject a valid 15-digit legacy number.
func ValidateIDNumber(id string) error {
	if len(id) == 15 {
		for _, c := range id {
			if c < '0' || c > '9' {
				return Errorf(EInvalid, "15位身份证号只能包含数字")
			}
		}
		return nil
	}
	if len(id) != 18 {
		return Errorf(EInvalid, "应为18位，实际%d位", utf8.RuneCountInString(id))
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return Errorf(EInvalid, "前17位只能是数字")
		}
		sum += int(c-'0') * weights[i]
	}
	want := "10X98765432"[sum%11]
	got := id[17]
	if got == 'x' {
		got = 'X'
	}
	if got != want {
		return Errorf(EInvalid, "校验位应为%c，实际为%c", want, id[17])
	}
	return nil
}

// Membership is one stay of a member in a unit, from From up to To (zero To:
// still there). Transfers close one membership and open the next, so an
// assessment period knows who belonged where.
type Membership struct {
	ID       int64
	MemberID int64
	UnitID   int64
	From     Date
	To       Date
	Note     string // e.g. "组织关系转接"
}

// Covers reports whether the membership includes day d.
func (ms Membership) Covers(d Date) bool {
	if !ms.From.IsZero() && d.Compare(ms.From) < 0 {
		return false
	}
	return ms.To.IsZero() || d.Compare(ms.To) < 0
}

// MemberQuery selects a page of members for lists and searches.
type MemberQuery struct {
	UnitID          int64          // 0: the whole committee
	WithDescendants bool           // include members of units below UnitID
	Text            string         // name substring, pinyin initials prefix, phone or code
	Status          MemberStatus   // "" for any
	Category        MemberCategory // "" for any
	Gender          Gender         // "" for any
	Offset, Limit   int            // paging; Limit 0 means the store's default
}

// MemberRow is a member as lists show it: with the unit's name, and the ID
// number only masked (Member.IDNumber is left empty in rows).
type MemberRow struct {
	Member
	UnitName string
	MaskedID string
}

// MemberPage is one page of a MemberQuery and the total count that matched.
type MemberPage struct {
	Rows  []MemberRow
	Total int
}
