package period

import (
	"fmt"

	"xingji/model"
	"xingji/model/formspec"
)

// Checker checks the office's entries against a period: the subject is a
// unit in scope or a member of one; a score is for an item the review
// enters, owned by the department entering it, applying to the unit's
// kind, within the field's range; a fact, veto or own star is one the
// scheme defines. The same checks serve the grid on screen and the entries
// workbook.
type Checker struct {
	p       *model.Period
	units   map[int64]*model.Unit
	members map[int64]*model.Member
}

// NewChecker prepares the checks of entries for p; units and members are
// looked up for names and scope.
func NewChecker(p *model.Period, units []model.Unit, members []model.Member) *Checker {
	c := &Checker{p: p, units: make(map[int64]*model.Unit, len(units)), members: make(map[int64]*model.Member, len(members))}
	for i := range units {
		c.units[units[i].ID] = &units[i]
	}
	for i := range members {
		c.members[members[i].ID] = &members[i]
	}
	return c
}

// SubjectName returns the name of the unit or member a subject key names,
// or the key itself.
func (c *Checker) SubjectName(key string) string {
	s, err := formspec.ParseSubject(key)
	if err != nil {
		return key
	}
	if s.Kind == model.SubjectUnit {
		if u := c.units[s.ID]; u != nil {
			return u.Name
		}
	} else if m := c.members[s.ID]; m != nil {
		return m.Name
	}
	return key
}

// Check returns nil when the entry may be stored, else an error in Chinese
// naming the unit or member, the item, fact or veto, and what to do.
func (c *Checker) Check(e model.Entry) error {
	if e.PeriodID != 0 && e.PeriodID != c.p.ID {
		return fmt.Errorf("这条录入属于另一个考评周期，不能录入到“%s”", c.p.Name)
	}
	s, err := formspec.ParseSubject(e.Subject)
	if err != nil {
		return fmt.Errorf("无法识别录入对象“%s”", e.Subject)
	}
	var unit *model.Unit
	scheme := &c.p.Scheme
	who := ""
	switch s.Kind {
	case model.SubjectUnit:
		unit = c.units[s.ID]
		if unit == nil || !c.p.InScope(s.ID) {
			name := e.Subject
			if unit != nil {
				name = "“" + unit.Name + "”（" + unit.Code + "）"
			}
			return fmt.Errorf("%s不在“%s”的参评范围内，不能录入", name, c.p.Name)
		}
		who = "“" + unit.Name + "”"
	case model.SubjectMember:
		m := c.members[s.ID]
		if m == nil || !c.p.InScope(m.UnitID) {
			return fmt.Errorf("这名党员不在“%s”参评党组织的党员之中，不能录入", c.p.Name)
		}
		if c.p.MemberScheme == nil {
			return fmt.Errorf("本期不评议党员，不能为党员“%s”录入", m.Name)
		}
		scheme = c.p.MemberScheme
		who = "党员“" + m.Name + "”"
	}
	switch e.Kind {
	case model.EntryScore:
		return c.checkScore(e, unit, who)
	case model.EntryFact:
		f := scheme.Fact(e.Name)
		if f == nil {
			return fmt.Errorf("考核方案“%s”没有规定“%s”这一考核事实，不能为%s录入", scheme.Name, e.Name, who)
		}
		if e.Cleared() {
			return nil
		}
		d, err := model.ParseDecimal(e.Value)
		switch {
		case err != nil:
			return fmt.Errorf("%s的“%s”应填数字，现在是“%s”", who, f.Label, e.Value)
		case f.Flag && !d.IsZero() && !d.Equal(model.Dec(1)):
			return fmt.Errorf("%s的“%s”应填“是”或“否”", who, f.Label)
		case d.Sign() < 0:
			return fmt.Errorf("%s的“%s”不能是负数（%s）", who, f.Label, e.Value)
		case f.Unit == "%" && model.Dec(100).Less(d):
			return fmt.Errorf("%s的“%s”是百分数，不能超过100（现在是%s）", who, f.Label, e.Value)
		}
	case model.EntryVeto:
		var v *model.Veto
		for i := range scheme.Vetoes {
			if scheme.Vetoes[i].Code == e.Name {
				v = &scheme.Vetoes[i]
			}
		}
		switch {
		case v == nil:
			return fmt.Errorf("考核方案“%s”的一票否决事项中没有“%s”，不能为%s录入", scheme.Name, e.Name, who)
		case !e.Cleared() && e.Value != "1":
			return fmt.Errorf("一票否决只能是“有效”或“撤销”")
		case !e.Cleared() && e.Reason == "":
			return fmt.Errorf("%s的一票否决（%s）没有写原因，请写明原因（如违纪事实、处理决定）", who, v.Title)
		}
	case model.EntryOwnStar:
		if scheme.Stars == nil || scheme.Stars.OwnSlots == 0 {
			return fmt.Errorf("考核方案“%s”没有个性星，不能为%s录入", scheme.Name, who)
		}
		if e.Cleared() {
			return nil
		}
		if _, err := model.ParseDecimal(e.Value); err != nil {
			return fmt.Errorf("%s的个性星“%s”得分应填数字，现在是“%s”", who, e.Name, e.Value)
		}
	default:
		return fmt.Errorf("无法识别的录入类型“%s”", e.Kind)
	}
	return nil
}

// checkScore checks a review score entry.
func (c *Checker) checkScore(e model.Entry, unit *model.Unit, who string) error {
	if unit == nil {
		return fmt.Errorf("考评得分只能录入给党组织")
	}
	var path []*model.Section
	var item *model.Item
	c.p.Scheme.Walk(func(ps []*model.Section, it *model.Item) {
		if it.Code == e.Name && item == nil {
			path, item = ps, it
		}
	})
	if item == nil {
		return fmt.Errorf("本期考核方案中没有编号为“%s”的项目", e.Name)
	}
	label := model.ItemLabel(formspec.ItemNumber(item, 0), item.Title)
	if !model.EntersBy(c.p.Scheme, item, model.SourceReview) {
		return fmt.Errorf("%s不由考评打分，不能录入考评得分", label)
	}
	if owner := model.EffectiveDepartment(path, item); owner != e.Dept {
		return fmt.Errorf("%s由%s考评，%s不能录入", label, deptName(owner), deptName(e.Dept))
	}
	if !model.AppliesToKind(model.EffectiveAppliesTo(path, item), unit.Kind) {
		return fmt.Errorf("%s不适用于%s（%s类），不能录入", label, who, unit.Kind)
	}
	var fd *model.Field
	for _, f := range model.ItemFields(item) {
		if f.Name == e.Field {
			fd = &f
			break
		}
	}
	if fd == nil {
		return fmt.Errorf("%s没有“%s”这一填报项", label, e.Field)
	}
	if e.Cleared() {
		return nil
	}
	what := who + label + "的“" + fd.Label + "”"
	d, err := model.ParseDecimal(e.Value)
	if err != nil {
		return fmt.Errorf("%s应填数字，现在是“%s”。请只填写%s", what, e.Value, fd.RangeText())
	}
	switch {
	case fd.Kind == model.FieldFlag && !d.IsZero() && !d.Equal(model.Dec(1)):
		return fmt.Errorf("%s应填“是”或“否”", what)
	case fd.Kind == model.FieldScore && fd.Max != nil && fd.Max.Less(d):
		return fmt.Errorf("%s填写的 %s 分超过了分值 %s 分。请填写%s", what, d, fd.Max, fd.RangeText())
	case fd.Min != nil && d.Less(*fd.Min):
		if fd.Min.IsZero() {
			return fmt.Errorf("%s填写的 %s 是负数。请填写%s", what, d, fd.RangeText())
		}
		return fmt.Errorf("%s填写的 %s 超出范围。请填写%s", what, d, fd.RangeText())
	case fd.Max != nil && fd.Max.Less(d):
		return fmt.Errorf("%s填写的 %s 超出范围。请填写%s", what, d, fd.RangeText())
	case fd.Int && !d.IsInt():
		return fmt.Errorf("%s应为整数，现在是 %s。请填写%s", what, d, fd.RangeText())
	}
	return nil
}
