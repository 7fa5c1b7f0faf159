package formspec

import (
	"strconv"
	"strings"

	"xingji/model"
)

// The office's entries workbook (录入表, model.FormEntries) follows the
// layout of the forms — hidden key row and column, a sheet mark in A1, the
// identity sheet — with these sheets (EntriesRoles):
//
//   - 考评得分: a row per unit (key: its Subject), a column per field of each
//     review item in scope (key: the FieldKey), and 更正原因 (KeyReason).
//   - 考核事实: a row per unit, a column per fact of the unit scheme (key:
//     FactKey), and 更正原因.
//   - 党员事实: a row per member (key: its Subject), grouped by branch, a
//     column per fact of the member scheme, and 更正原因.
//   - 一票否决: a line per veto: the lines standing when the workbook was
//     written (key: VetoRowKey), then blank lines (key: LedgerKey), with the
//     columns KeyUnit, KeyUnitName, KeyVeto, KeyReason, KeyDocNo, KeyState.
//   - 个性星: OwnSlots lines per unit (key: OwnStarRowKey) with KeyStar,
//     KeyValue (the score), KeyReason and the hidden KeyWas.
//
// The very hidden PrefillSheet records every value the workbook was
// written with, so that a cell the clerk left alone never overwrites what
// was entered elsewhere after the workbook was made.

// Column keys of the entries workbook.
const (
	// KeyReason is the 更正原因 column of a line, and the 原因 column of
	// 一票否决.
	KeyReason = "reason"
	// KeyUnit is 组织编码 on 一票否决.
	KeyUnit = "unit"
	// KeyUnitName is 党组织名称 on 一票否决, read when 组织编码 is blank.
	KeyUnitName = "unitName"
	// KeyVeto is 否决事项 on 一票否决: a veto's title (or code).
	KeyVeto = "veto"
	// KeyDocNo is 文号 on 一票否决.
	KeyDocNo = "docNo"
	// KeyState is 状态 on 一票否决: one of VetoStates.
	KeyState = "state"
	// KeyStar is 星名 on 个性星; the score is in column KeyValue.
	KeyStar = "star"
	// KeyWas is the hidden column of 个性星 holding the star's name as the
	// workbook was written, so that a renamed or removed star is found.
	KeyWas = "was"
)

// The states of a line of 一票否决.
const (
	VetoActive    = "有效"
	VetoWithdrawn = "撤销"
)

// VetoStates are the choices of 状态 on 一票否决; blank means VetoActive.
var VetoStates = []string{VetoActive, VetoWithdrawn}

// VetoBlankLines is the number of blank lines of 一票否决 after the
// standing vetoes.
const VetoBlankLines = 20

// The very hidden sheet of the values an entries workbook was written
// with: A1 holds PrefillMarker, each row below one value — subject, kind,
// name, field (the columns of model.EntryKey) and the value.
const (
	PrefillSheet  = "xingji_prefill"
	PrefillMarker = "#xingji-prefill"
)

// FactKey is the column key of a fact on 考核事实 and 党员事实: "x:<name>".
func FactKey(name string) string { return "x:" + name }

// VetoRowKey is the row key of a standing veto on 一票否决:
// "v:<subject>:<veto code>".
func VetoRowKey(subject, code string) string { return "v:" + subject + ":" + code }

// ParseVetoRowKey reads a VetoRowKey back. ok is false for any other text.
func ParseVetoRowKey(key string) (subject, code string, ok bool) {
	rest, found := strings.CutPrefix(key, "v:")
	if !found || len(rest) < 4 {
		return "", "", false
	}
	i := strings.IndexByte(rest[2:], ':')
	if i < 0 {
		return "", "", false
	}
	subject, code = rest[:2+i], rest[2+i+1:]
	if _, err := ParseSubject(subject); err != nil || code == "" {
		return "", "", false
	}
	return subject, code, true
}

// OwnStarRowKey is the row key of a unit's slot-th own star (1-based) on
// 个性星: "o:<subject>:<slot>".
func OwnStarRowKey(subject string, slot int) string {
	return "o:" + subject + ":" + strconv.Itoa(slot)
}

// OwnStarSubject returns the subject of an OwnStarRowKey, and false for
// any other text.
func OwnStarSubject(key string) (string, bool) {
	rest, found := strings.CutPrefix(key, "o:")
	i := strings.LastIndexByte(rest, ':')
	if !found || i < 0 {
		return "", false
	}
	if _, err := ParseSubject(rest[:i]); err != nil {
		return "", false
	}
	return rest[:i], true
}

// EntriesRoles lists the sheets of the entries workbook of a period. For
// one department (dept not nil): 考评得分 with that department's items.
// For the whole office (dept nil): 考评得分 when any item is entered by
// review; 考核事实 when the unit scheme declares facts; 党员事实 when the
// member scheme does; 一票否决 when the unit scheme lists vetoes; 个性星 when
// it allows own stars.
func EntriesRoles(p *model.Period, dept *string) []model.SheetRole {
	var roles []model.SheetRole
	if len(EntriesScoreItems(p, dept)) > 0 {
		roles = append(roles, model.RoleEntryScores)
	}
	if dept != nil {
		return roles
	}
	if len(p.Scheme.Facts) > 0 {
		roles = append(roles, model.RoleEntryFacts)
	}
	if p.MemberScheme != nil && len(p.MemberScheme.Facts) > 0 {
		roles = append(roles, model.RoleEntryMemberFacts)
	}
	if len(p.Scheme.Vetoes) > 0 {
		roles = append(roles, model.RoleEntryVetoes)
	}
	if s := p.Scheme.Stars; s != nil && s.OwnSlots > 0 {
		roles = append(roles, model.RoleEntryOwnStars)
	}
	return roles
}

// EntriesScoreItems returns the review items on 考评得分: one department's
// (dept not nil), or every department's in the order of
// model.Period.Departments.
func EntriesScoreItems(p *model.Period, dept *string) []FormItem {
	if dept != nil {
		return ReviewItems(&p.Scheme, *dept)
	}
	var out []FormItem
	for _, d := range p.Departments() {
		out = append(out, ReviewItems(&p.Scheme, d)...)
	}
	return out
}

// EntriesIdentity is the identity written into an entries workbook. Its
// Dept is "" for the whole office, else the department's label
// (model.DeptLabel: "党委" for the committee's own items).
func EntriesIdentity(p *model.Period, dept *string) model.FormIdentity {
	id := model.FormIdentity{
		Product: model.FormProduct, Form: model.FormEntries, PeriodID: p.ID, PeriodName: p.Name,
		Scheme: p.Scheme.Code, SchemeVersion: p.Scheme.Version, Sheets: EntriesRoles(p, dept),
	}
	if dept != nil {
		id.Dept = model.DeptLabel(*dept)
	}
	if p.MemberScheme != nil {
		id.MemberScheme, id.MemberSchemeVersion = p.MemberScheme.Code, p.MemberScheme.Version
	}
	id.Checksum = id.ComputeChecksum()
	return id
}

// EntriesDept returns the department an entries identity is for: nil for
// the whole office; ok is false when the period has no such department.
func EntriesDept(p *model.Period, id model.FormIdentity) (dept *string, ok bool) {
	if id.Dept == "" {
		return nil, true
	}
	for _, d := range p.Departments() {
		if model.DeptLabel(d) == id.Dept {
			return &d, true
		}
	}
	return nil, false
}

// FactField is what a fact's cell holds: 是/否 for a flag; else a number
// not below 0, at most 100 for a percentage, whole for a count (次, 人次,
// 月 …).
func FactField(fd model.FactDef) model.Field {
	if fd.Flag {
		return model.Field{Name: fd.Name, Label: fd.Label, Kind: model.FieldFlag}
	}
	zero := model.Decimal{}
	f := model.Field{Name: fd.Name, Label: fd.Label, Kind: model.FieldValue, Unit: fd.Unit, Min: zero.P()}
	switch fd.Unit {
	case "%":
		f.Max = model.D4("100").P()
	case "次", "人次", "月", "人", "个", "项", "篇", "天", "年":
		f.Int = true
	}
	return f
}

// OwnStarField is what the 得分 of an own star holds: a score not below 0,
// and not above the upper end of OwnEarn when it has one.
func OwnStarField(sm *model.StarModel) model.Field {
	f := model.Field{Name: KeyValue, Label: "得分", Kind: model.FieldScore, Unit: "分", Min: model.Decimal{}.P()}
	if sm != nil && sm.OwnEarn != nil && sm.OwnEarn.To != nil && sm.OwnEarn.ToIncl {
		f.Max = sm.OwnEarn.To
	}
	return f
}
