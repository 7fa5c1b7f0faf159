package documents

import (
	"sort"
	"strings"

	"xingji/model"
)

// RuleText returns an item's 评分标准 in Chinese: the seed's own sentence
// (Item.Quote) when the item has one, else text generated from its Rule,
// e.g. "制度每少一项，减0.2分；减完为止".
func RuleText(it model.Item) string {
	if q := strings.TrimSpace(it.Quote); q != "" {
		return q
	}
	return DescribeRule(it.Rule, it.Points, it.Penalty)
}

// DescribeRule writes a rule in Chinese words for an item of the given 分值
// (penalty: whether the item takes points off).
func DescribeRule(r model.Rule, points model.Decimal, penalty bool) string {
	p := model.PointsText(points)
	switch r.Kind {
	case model.RuleManual, "":
		if penalty {
			if points.IsZero() {
				return "由考核人员视情况扣分"
			}
			return "由考核人员视情况扣分，最多扣" + p
		}
		return "由考核人员在0至" + p + "之间评分"
	case model.RuleDeduct:
		if r.Deduct != nil {
			return describeDeduct(*r.Deduct, p)
		}
	case model.RuleAllOrNothing:
		if r.All != nil {
			return "做到" + flagList(r.All.Requires) + "的得" + p + "，有一项未做到的不得分"
		}
	case model.RuleTable:
		if r.Table != nil {
			return describeTable(*r.Table)
		}
	case model.RuleLevels:
		if r.Levels != nil {
			return describeLevels(*r.Levels)
		}
	case model.RuleEvents:
		if r.Events != nil {
			var parts []string
			for _, e := range r.Events.Events {
				verb := "加"
				if e.Per.Sign() < 0 {
					verb = "扣"
				}
				per := e.Per
				if per.Sign() < 0 {
					per = per.Neg()
				}
				parts = append(parts, e.Label+"的，每次"+verb+model.PointsText(per))
			}
			s := strings.Join(parts, "；")
			if !points.IsZero() {
				s += "；本项最多" + map[bool]string{true: "扣", false: "加"}[penalty] + p
			}
			return s
		}
	case model.RuleProportional:
		if pr := r.Proportional; pr != nil {
			return "按" + pr.Label + "（满分" + pr.OutsideMax.String() + "分）同比例折算，" + pr.Label + "为满分的得" + p
		}
	case model.RuleFormula:
		if f := r.Formula; f != nil {
			return "按公式计算：" + formulaWords(f)
		}
	case model.RuleParts:
		var parts []string
		for _, pt := range r.Parts {
			parts = append(parts, pt.Title+"（"+model.PointsText(pt.Points)+"）："+DescribeRule(pt.Rule, pt.Points, penalty))
		}
		return strings.Join(parts, "；")
	}
	return "评分办法未说明"
}

// describeDeduct writes a deduction rule.
func describeDeduct(d model.DeductRule, full string) string {
	var parts []string
	if d.Start != nil {
		parts = append(parts, "起始分："+describeTable(*d.Start))
	} else {
		parts = append(parts, "满分"+full)
	}
	for _, c := range d.Clauses {
		var s string
		switch {
		case c.Required != nil:
			s = c.Label + "应不少于" + c.Required.String() + "次，每少一次减" + model.PointsText(c.Per)
		case strings.Contains(c.Label, "每"):
			s = c.Label + "，减" + model.PointsText(c.Per)
		default:
			s = c.Label + "的，每项减" + model.PointsText(c.Per)
		}
		if c.Cap != nil {
			s += "（最多减" + model.PointsText(*c.Cap) + "）"
		}
		parts = append(parts, s)
	}
	if len(d.ZeroIf) > 0 {
		parts = append(parts, flagList(d.ZeroIf)+"的，本项不得分")
	}
	if d.Floor.IsZero() {
		parts = append(parts, "减完为止")
	} else {
		parts = append(parts, "最低"+model.PointsText(d.Floor))
	}
	return strings.Join(parts, "；")
}

// describeTable writes a threshold table: "群众知晓率90%及以上得2分；…".
func describeTable(t model.TableRule) string {
	var parts []string
	for _, b := range t.Bands {
		parts = append(parts, b.Range.Describe(t.Unit)+"得"+model.PointsText(b.Points))
	}
	return t.Label + strings.Join(parts, "；")
}

// describeLevels writes a level rule: "国家级8分，省级5分，以最高的为准".
func describeLevels(l model.LevelRule) string {
	var parts []string
	for _, lv := range l.Levels {
		parts = append(parts, lv.Name+model.PointsText(lv.Points))
	}
	s := strings.Join(parts, "，")
	if l.Combine == model.CombineSum {
		s += "，可累加"
	} else {
		s += "，以最高的为准"
	}
	if l.Cap != nil {
		s += "，最多" + model.PointsText(*l.Cap)
	}
	return s
}

func flagList(fs []model.Flag) string {
	var names []string
	for _, f := range fs {
		names = append(names, f.Label)
	}
	return strings.Join(names, "、")
}

// formulaWords writes a formula in words a clerk reads: each variable by its
// label and unit, the operators as 且 / 或 / ≥ …, and "条件 ? a : b" as
// "条件时得 a 分；否则 b 分". The formula's variable names are keys, never
// shown.
func formulaWords(f *model.FormulaRule) string {
	vars := append([]model.Var(nil), f.Vars...)
	// Longer names first, so that a name inside another is not replaced.
	sort.Slice(vars, func(i, j int) bool { return len(vars[i].Name) > len(vars[j].Name) })
	expr := f.Expr
	for _, v := range vars {
		with := v.Label
		if v.Unit != "" {
			with += "（" + v.Unit + "）"
		}
		expr = replaceWord(expr, v.Name, with)
	}
	ops := strings.NewReplacer(" && ", " 且 ", "&&", " 且 ", " || ", " 或 ", "||", " 或 ",
		">=", "≥", "<=", "≤", "==", "=", "!=", "≠", " ? ", " 时得 ", " : ", " 分；否则 ")
	out := ops.Replace(expr)
	if strings.Contains(expr, "?") {
		out += " 分"
	}
	return out
}

// replaceWord replaces name in expr where it stands as a whole word.
func replaceWord(expr, name, with string) string {
	isWord := func(b byte) bool {
		return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	var b strings.Builder
	for i := 0; i < len(expr); {
		if strings.HasPrefix(expr[i:], name) && (i == 0 || !isWord(expr[i-1])) &&
			(i+len(name) == len(expr) || !isWord(expr[i+len(name)])) {
			b.WriteString(with)
			i += len(name)
			continue
		}
		b.WriteByte(expr[i])
		i++
	}
	return b.String()
}
