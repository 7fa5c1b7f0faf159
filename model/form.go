package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// FormProduct marks a workbook written by 星级考评 in its hidden identity.
const FormProduct = "xingji-form-1"

// FormIdentitySheet is the name of the very hidden sheet that carries a
// form's identity, so that a renamed file still knows what it is.
const FormIdentitySheet = "xingji_id"

// SheetRole says what a sheet of a form holds.
type SheetRole string

// Sheet roles.
const (
	RoleSelf      SheetRole = "self"      // 自评表: the unit scores itself item by item
	RoleAppraisal SheetRole = "appraisal" // 党员评议表: raters × members, one total each
	RoleBallot    SheetRole = "ballot"    // 满意度测评: 满意/基本满意/不满意 votes
	RoleLedger    SheetRole = "ledger"    // 承诺台账: 一事一表 / 一人一表
	RoleReview    SheetRole = "review"    // 考评表: a department scores every unit

	// The sheets of the office's entries workbook (录入表, FormEntries).
	RoleEntryScores      SheetRole = "entry-score"      // 考评得分: review scores, units × item fields
	RoleEntryFacts       SheetRole = "entry-fact"       // 考核事实: units × the unit scheme's facts
	RoleEntryMemberFacts SheetRole = "entry-memberfact" // 党员事实: members × the member scheme's facts
	RoleEntryVetoes      SheetRole = "entry-veto"       // 一票否决: one veto a line
	RoleEntryOwnStars    SheetRole = "entry-ownstar"    // 个性星: a unit's own stars with their scores
)

// Label returns the usual sheet name for a role.
func (r SheetRole) Label() string {
	switch r {
	case RoleSelf:
		return "自评表"
	case RoleAppraisal:
		return "党员评议表"
	case RoleBallot:
		return "满意度测评"
	case RoleLedger:
		return "承诺台账"
	case RoleReview:
		return "考评表"
	case RoleEntryScores:
		return "考评得分"
	case RoleEntryFacts:
		return "考核事实"
	case RoleEntryMemberFacts:
		return "党员事实"
	case RoleEntryVetoes:
		return "一票否决"
	case RoleEntryOwnStars:
		return "个性星"
	}
	return string(r)
}

// FormIdentity is what a form says about itself in its hidden sheet: which
// kind of form, for which period, unit or department, under which scheme
// version, with a checksum over all of it that reveals a changed identity.
type FormIdentity struct {
	Product             string      `json:"product"`
	Form                FormKind    `json:"form"`
	PeriodID            int64       `json:"period"`
	PeriodName          string      `json:"periodName"`
	UnitID              int64       `json:"unit,omitempty"`
	UnitCode            string      `json:"unitCode,omitempty"`
	UnitName            string      `json:"unitName,omitempty"`
	Dept                string      `json:"dept,omitempty"`
	Scheme              string      `json:"scheme"`
	SchemeVersion       string      `json:"schemeVersion"`
	MemberScheme        string      `json:"memberScheme,omitempty"`
	MemberSchemeVersion string      `json:"memberSchemeVersion,omitempty"`
	Sheets              []SheetRole `json:"sheets"`
	Checksum            string      `json:"checksum"`
}

// ComputeChecksum returns the checksum of the identity's other fields: the
// first 16 hex digits of a SHA-256 over them. It detects an identity edited
// by hand or damaged; it is not a signature.
func (id FormIdentity) ComputeChecksum() string {
	var b strings.Builder
	w := func(s string) { b.WriteString(s); b.WriteByte(0) }
	w(id.Product)
	w(string(id.Form))
	w(strconv.FormatInt(id.PeriodID, 10))
	w(id.PeriodName)
	w(strconv.FormatInt(id.UnitID, 10))
	w(id.UnitCode)
	w(id.UnitName)
	w(id.Dept)
	w(id.Scheme)
	w(id.SchemeVersion)
	w(id.MemberScheme)
	w(id.MemberSchemeVersion)
	for _, s := range id.Sheets {
		w(string(s))
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

// FieldKind says what a form cell holds.
type FieldKind string

// Field kinds.
const (
	FieldScore FieldKind = "score" // points within the item's range
	FieldValue FieldKind = "value" // a count, rate or outside score
	FieldFlag  FieldKind = "flag"  // 是/否
	FieldLevel FieldKind = "level" // how many awards of one level (a count)
)

// Field is one thing a rater enters for an item: its score, or an input
// its rule needs. Name is the input name the scoring engine reads (for a
// level, the level code; for the score, "score").
type Field struct {
	Name  string
	Label string // Chinese, e.g. "缺少的制度数" or "已做到：成立领导组织"
	Kind  FieldKind
	Unit  string   // "次", "%", "分"
	Min   *Decimal // nil: no lower limit
	Max   *Decimal // nil: no upper limit
	Int   bool     // whole numbers only (counts)
}

// ItemFields lists what a rater enters for an item, following its rule
// (and its parts): the score for a manual item, else each count, rate,
// flag and level the rule reads, each once.
func ItemFields(it *Item) []Field {
	var out []Field
	seen := map[string]bool{}
	add := func(f Field) {
		if seen[f.Name] {
			return
		}
		seen[f.Name] = true
		out = append(out, f)
	}
	zero := Decimal{}
	count := func(name, label, unit string) Field {
		if unit == "" {
			unit = "次"
		}
		return Field{Name: name, Label: label, Kind: FieldValue, Unit: unit, Min: zero.P(), Int: true}
	}
	var walk func(r *Rule)
	walk = func(r *Rule) {
		switch r.Kind {
		case RuleManual, "":
			lo, hi := zero, it.Points
			if it.Penalty {
				lo, hi = it.Points.Neg(), zero
			}
			f := Field{Name: "score", Label: "得分", Kind: FieldScore, Unit: "分", Min: lo.P()}
			if !it.Points.IsZero() {
				f.Max = hi.P()
			}
			add(f)
		case RuleDeduct:
			if t := r.Deduct.Start; t != nil {
				add(tableField(t))
			}
			for _, c := range r.Deduct.Clauses {
				label := c.Label
				if c.Required != nil {
					label += "（实际次数，应不少于" + c.Required.String() + "）"
				}
				add(count(c.Input, label, ""))
			}
			for _, f := range r.Deduct.ZeroIf {
				add(Field{Name: f.Name, Label: "是否出现：" + f.Label, Kind: FieldFlag})
			}
		case RuleAllOrNothing:
			for _, f := range r.All.Requires {
				add(Field{Name: f.Name, Label: "是否做到：" + f.Label, Kind: FieldFlag})
			}
		case RuleTable:
			add(tableField(r.Table))
		case RuleLevels:
			for _, l := range r.Levels.Levels {
				f := count(l.Code, l.Name+"（"+l.Points.String()+"分）", "项")
				f.Kind = FieldLevel
				add(f)
			}
		case RuleEvents:
			for _, e := range r.Events.Events {
				add(count(e.Input, e.Label, ""))
			}
		case RuleProportional:
			p := r.Proportional
			add(Field{Name: p.Input, Label: p.Label + "（满分" + p.OutsideMax.String() + "）", Kind: FieldValue,
				Unit: "分", Min: zero.P(), Max: p.OutsideMax.P()})
		case RuleFormula:
			for _, v := range r.Formula.Vars {
				add(Field{Name: v.Name, Label: v.Label, Kind: FieldValue, Unit: v.Unit})
			}
		case RuleParts:
			for i := range r.Parts {
				walk(&r.Parts[i].Rule)
			}
		}
	}
	walk(&it.Rule)
	return out
}

func tableField(t *TableRule) Field {
	f := Field{Name: t.Input, Label: t.Label, Kind: FieldValue, Unit: t.Unit}
	if t.Domain.From != nil {
		f.Min = t.Domain.From
	}
	if t.Domain.To != nil {
		f.Max = t.Domain.To
	}
	if t.Unit != "%" {
		f.Int = t.Unit == "次" || t.Unit == "篇" || t.Unit == "项" || t.Unit == "人" || t.Unit == "个"
	}
	return f
}

// RangeText describes the field's allowed values, e.g. "0至5之间的数" or
// "不小于0的整数".
func (f Field) RangeText() string {
	what := "数"
	if f.Int {
		what = "整数"
	}
	switch {
	case f.Kind == FieldFlag:
		return "“是”或“否”"
	case f.Min != nil && f.Max != nil:
		return f.Min.String() + "至" + f.Max.String() + "之间的" + what
	case f.Min != nil:
		return "不小于" + f.Min.String() + "的" + what
	case f.Max != nil:
		return "不大于" + f.Max.String() + "的" + what
	}
	return what + "字"
}
