package formspec

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"xingji/model"
)

// UnitFormRoles lists the sheets of a unit's workbook for a period: 自评表;
// 党员评议表 when the period appraises members; 满意度测评 when the scheme
// takes a satisfaction rate; 承诺台账.
func UnitFormRoles(p *model.Period) []model.SheetRole {
	roles := []model.SheetRole{model.RoleSelf}
	if p.MemberScheme != nil {
		roles = append(roles, model.RoleAppraisal)
	}
	if HasBallot(&p.Scheme) {
		roles = append(roles, model.RoleBallot)
	}
	return append(roles, model.RoleLedger)
}

// HasBallot reports whether the unit scheme takes a satisfaction rate (fact
// SatisfactionFact) that the 满意度测评 sheet fills.
func HasBallot(s *model.Scheme) bool { return s.Fact(SatisfactionFact) != nil }

// UnitIdentity is the identity written into a unit's workbook.
func UnitIdentity(p *model.Period, u model.Unit) model.FormIdentity {
	id := model.FormIdentity{
		Product: model.FormProduct, Form: model.FormUnit, PeriodID: p.ID, PeriodName: p.Name,
		UnitID: u.ID, UnitCode: u.Code, UnitName: u.Name,
		Scheme: p.Scheme.Code, SchemeVersion: p.Scheme.Version, Sheets: UnitFormRoles(p),
	}
	if p.MemberScheme != nil {
		id.MemberScheme, id.MemberSchemeVersion = p.MemberScheme.Code, p.MemberScheme.Version
	}
	id.Checksum = id.ComputeChecksum()
	return id
}

// ReviewIdentity is the identity written into a department's review form.
func ReviewIdentity(p *model.Period, dept string) model.FormIdentity {
	id := model.FormIdentity{
		Product: model.FormProduct, Form: model.FormReview, PeriodID: p.ID, PeriodName: p.Name, Dept: dept,
		Scheme: p.Scheme.Code, SchemeVersion: p.Scheme.Version, Sheets: []model.SheetRole{model.RoleReview},
	}
	id.Checksum = id.ComputeChecksum()
	return id
}

// FormItem is an item with the sections above it.
type FormItem struct {
	Path []*model.Section
	Item *model.Item
}

// SelfItems returns the items of a unit scheme that a unit of kind k fills
// in on 自评表: those that apply to the kind and are not computed from
// recorded facts, with the chain of sections above each. Each carries one
// row per field of model.ItemFields, keyed by its FieldKey.
func SelfItems(s *model.Scheme, k model.UnitKind) []FormItem {
	var out []FormItem
	s.Walk(func(path []*model.Section, it *model.Item) {
		if !model.AppliesToKind(model.EffectiveAppliesTo(path, it), k) {
			return
		}
		if len(it.EnteredBy) == 1 && it.EnteredBy[0] == model.SourceFacts {
			return
		}
		out = append(out, FormItem{Path: path, Item: it})
	})
	return out
}

// ReviewItems returns the items a department scores on its 考评表: those
// the review source enters and the department owns ("" for the committee).
// Each carries one column per field of model.ItemFields, keyed by its
// FieldKey.
func ReviewItems(s *model.Scheme, dept string) []FormItem {
	var out []FormItem
	s.Walk(func(path []*model.Section, it *model.Item) {
		if model.EntersBy(*s, it, model.SourceReview) && model.EffectiveDepartment(path, it) == dept {
			out = append(out, FormItem{Path: path, Item: it})
		}
	})
	return out
}

// ItemNumber is what the 序号 column shows for an item: its code when the
// code reads as a rubric's number ("3", "2.1", "12b": it starts with a
// digit and is short), else seq (when not 0) — codes such as "policy" are
// keys, not numbers for people. A 自评表 that lost its hidden keys is read
// back by this number.
func ItemNumber(it *model.Item, seq int) string {
	if c := it.Code; c != "" && c[0] >= '0' && c[0] <= '9' && utf8.RuneCountInString(c) <= 8 && !strings.ContainsAny(c, " \t") {
		return c
	}
	if seq == 0 {
		return ""
	}
	return strconv.Itoa(seq)
}

// AppraisalColumn is one rater column of 党员评议表.
type AppraisalColumn struct {
	Source  model.Source
	Rater   string // stored with each value: SelfRater, PeerRater or NumberedRater
	Header  string
	RaterID int64 // the member rating, for 党员互评; a member does not rate himself there
}

// Key returns the column's key: its RaterKey's text.
func (c AppraisalColumn) Key() string {
	return RaterKey{Source: c.Source.Code, Rater: c.Rater}.String()
}

// AppraisalRaters returns the rater columns of 党员评议表 for a member
// scheme and the members of one branch: 自评 one column; 党员互评 one column
// per member; any other source max(MinRaters, 3) numbered columns (领导点评,
// 群众参评 …). Each row of the sheet is a member, keyed by its Subject.
func AppraisalRaters(s *model.Scheme, members []model.Member) []AppraisalColumn {
	var out []AppraisalColumn
	for _, src := range s.Sources {
		switch src.Code {
		case model.SourceSelf:
			out = append(out, AppraisalColumn{Source: src, Rater: SelfRater, Header: "本人自评"})
		case model.SourcePeer:
			for _, m := range members {
				out = append(out, AppraisalColumn{Source: src, Rater: PeerRater(m.ID), Header: m.Name, RaterID: m.ID})
			}
		default:
			n := max(src.MinRaters, 3)
			for i := 1; i <= n; i++ {
				out = append(out, AppraisalColumn{Source: src, Rater: NumberedRater(i), Header: "评议人" + strconv.Itoa(i)})
			}
		}
	}
	return out
}
