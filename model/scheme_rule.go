package model

// RuleKind names the kind of a Rule; it is the tag of the union.
type RuleKind string

// Rule kinds.
const (
	// RuleManual: a rater enters the score, within 0..分值 (penalty items:
	// −分值..0).
	RuleManual RuleKind = "manual"
	// RuleDeduct: start from full marks (or from a table) and deduct per
	// occurrence, clause by clause, not below a floor ("每少一项减去0.2分,减完为止").
	RuleDeduct RuleKind = "deduct"
	// RuleAllOrNothing: full marks when every requirement is met, else 0
	// ("未做宣传和无宣传标示的此项不得分").
	RuleAllOrNothing RuleKind = "all"
	// RuleTable: points from a threshold table on a rate or count
	// ("知晓率达到90%以上的得满分,达到80%的得1分").
	RuleTable RuleKind = "table"
	// RuleLevels: points by level of an award, the highest counting or
	// summed, capped ("市级3分,省级5分,国家级8分,以最高的为准").
	RuleLevels RuleKind = "levels"
	// RuleEvents: signed points per event ("每次扣3分", "一人次扣2分").
	RuleEvents RuleKind = "events"
	// RuleProportional: 分值 × outside score ÷ its full marks ("按工厂经营责任制
	// 考核实际得分结果,同比例扣减分数").
	RuleProportional RuleKind = "proportional"
	// RuleFormula: an office-written expression over named variables,
	// evaluated by expr-lang (package scoring).
	RuleFormula RuleKind = "formula"
	// RuleParts: the item is the sum of parts, each with its own 分值 and rule
	// (000 item 10: 参与率 1分 + 知晓率 2分).
	RuleParts RuleKind = "parts"
)

// Rule is how an item turns inputs into points: a tagged union. Kind names the
// variant and exactly the matching field is set (none for RuleManual), so
// the rule round-trips through JSON as {"kind":"deduct","deduct":{…}}.
// The points a rule gives are always limited to the item's range: 0..分值,
// or −分值..0 for a penalty item.
type Rule struct {
	Kind         RuleKind          `json:"kind"`
	Deduct       *DeductRule       `json:"deduct,omitempty"`
	All          *AllRule          `json:"all,omitempty"`
	Table        *TableRule        `json:"table,omitempty"`
	Levels       *LevelRule        `json:"levels,omitempty"`
	Events       *EventRule        `json:"events,omitempty"`
	Proportional *ProportionalRule `json:"proportional,omitempty"`
	Formula      *FormulaRule      `json:"formula,omitempty"`
	Parts        []Part            `json:"parts,omitempty"`
}

// Flag is a named yes/no condition a rater ticks: "成立领导组织", "记录不完备".
type Flag struct {
	Name  string `json:"name"`
	Label string `json:"label"`
}

// DeductRule starts from full marks — or from the points of Start, when the
// starting points depend on a count — and takes off each clause's deduction.
// When any ZeroIf flag is set the item gives 0 whatever else. The result is
// never below Floor (usually 0: "减完为止").
type DeductRule struct {
	Start   *TableRule     `json:"start,omitempty"`
	Clauses []DeductClause `json:"clauses"`
	ZeroIf  []Flag         `json:"zeroIf,omitempty"`
	Floor   Decimal        `json:"floor"`
}

// DeductClause deducts Per points for each occurrence counted by the input
// named Input. With Required set, the occurrences are the shortfall
// Required − input ("至少4次,每缺少一次减去0.5分"). Cap, when set, is the most
// this clause may take.
type DeductClause struct {
	Input    string   `json:"input"`
	Label    string   `json:"label"` // what one occurrence is: "每少一项制度"
	Per      Decimal  `json:"per"`   // points per occurrence, positive
	Required *Decimal `json:"required,omitempty"`
	Cap      *Decimal `json:"cap,omitempty"`
	Quote    string   `json:"quote,omitempty"`
}

// AllRule gives full marks when every requirement is met, else 0.
type AllRule struct {
	Requires []Flag `json:"requires"`
}

// TableRule maps a rate or a count to points through bands. The bands must
// cover Domain exactly once; Validate flags gaps and overlaps (never
// resolved silently), and a value that falls in one is flagged on the
// subject.
type TableRule struct {
	Input  string      `json:"input"`
	Label  string      `json:"label"`          // "群众知晓率"
	Unit   string      `json:"unit,omitempty"` // "%", "篇"
	Domain Range       `json:"domain"`         // the values that can occur, e.g. 0–100 for a rate
	Bands  []TableBand `json:"bands"`
}

// TableBand is one row of a threshold table: values in Range give Points.
type TableBand struct {
	Range
	Points Decimal `json:"points"`
}

// Combine says how several levels of one award combine.
type Combine string

// Ways to combine levels.
const (
	CombineHighest Combine = "highest" // 以最高的为准
	CombineSum     Combine = "sum"     // 累加
)

// LevelRule gives points by the level of each award or endorsement listed
// for the subject; Combine says whether only the highest counts, and Cap,
// when set, limits the sum.
type LevelRule struct {
	Levels  []Level  `json:"levels"`
	Combine Combine  `json:"combine"`
	Cap     *Decimal `json:"cap,omitempty"`
}

// Level is one level of a LevelRule: 国家级 8分.
type Level struct {
	Code   string  `json:"code"`
	Name   string  `json:"name"`
	Points Decimal `json:"points"`
}

// EventRule adds Per points for each event of each kind (Per is negative for
// a penalty: "每次扣3分" is −3).
type EventRule struct {
	Events []Event `json:"events"`
}

// Event is one kind of event in an EventRule.
type Event struct {
	Input string  `json:"input"`
	Label string  `json:"label"` // "受到市直工委通报批评"
	Per   Decimal `json:"per"`   // signed points per event
	Quote string  `json:"quote,omitempty"`
}

// ProportionalRule gives 分值 × input ÷ OutsideMax: the item follows an
// outside score in proportion (a score above OutsideMax counts as full).
type ProportionalRule struct {
	Input      string  `json:"input"`
	Label      string  `json:"label"`      // "经营责任制考核得分"
	OutsideMax Decimal `json:"outsideMax"` // the outside score's full marks
}

// FormulaRule is an office-written expression (expr-lang syntax: + − * /,
// comparisons, && || !, cond ? a : b, min max abs floor ceil round) over the
// variables in Vars. It is compiled when the scheme is validated; its result
// is rounded to four decimals and limited to the item's range.
type FormulaRule struct {
	Expr string `json:"expr"`
	Vars []Var  `json:"vars"`
}

// Var is a named variable of a formula.
type Var struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Unit  string `json:"unit,omitempty"`
}

// Part is one part of a RuleParts item, with its own 分值 and rule.
type Part struct {
	Code   string  `json:"code"`
	Title  string  `json:"title"`
	Points Decimal `json:"points"`
	Rule   Rule    `json:"rule"`
}

// Manual returns a RuleManual rule.
func Manual() Rule { return Rule{Kind: RuleManual} }

// Deduct returns a RuleDeduct rule with floor 0.
func Deduct(clauses ...DeductClause) Rule {
	return Rule{Kind: RuleDeduct, Deduct: &DeductRule{Clauses: clauses}}
}

// DeductZeroIf returns a RuleDeduct rule with floor 0 whose item gives 0
// when any of zero is set.
func DeductZeroIf(zero []Flag, clauses ...DeductClause) Rule {
	return Rule{Kind: RuleDeduct, Deduct: &DeductRule{Clauses: clauses, ZeroIf: zero}}
}

// AllOrNothing returns a RuleAllOrNothing rule.
func AllOrNothing(requires ...Flag) Rule {
	return Rule{Kind: RuleAllOrNothing, All: &AllRule{Requires: requires}}
}

// Table returns a RuleTable rule.
func Table(t TableRule) Rule { return Rule{Kind: RuleTable, Table: &t} }

// Levels returns a RuleLevels rule.
func Levels(combine Combine, cap *Decimal, levels ...Level) Rule {
	return Rule{Kind: RuleLevels, Levels: &LevelRule{Levels: levels, Combine: combine, Cap: cap}}
}

// Events returns a RuleEvents rule.
func Events(events ...Event) Rule { return Rule{Kind: RuleEvents, Events: &EventRule{Events: events}} }

// Proportional returns a RuleProportional rule.
func Proportional(input, label string, outsideMax Decimal) Rule {
	return Rule{Kind: RuleProportional, Proportional: &ProportionalRule{Input: input, Label: label, OutsideMax: outsideMax}}
}

// Formula returns a RuleFormula rule.
func Formula(expr string, vars ...Var) Rule {
	return Rule{Kind: RuleFormula, Formula: &FormulaRule{Expr: expr, Vars: vars}}
}

// Parts returns a RuleParts rule.
func Parts(parts ...Part) Rule { return Rule{Kind: RuleParts, Parts: parts} }

// Inputs lists the named numeric inputs the rule reads (counts, rates,
// outside scores, formula variables), including those of its parts.
func (r Rule) Inputs() []string {
	var out []string
	switch r.Kind {
	case RuleDeduct:
		if r.Deduct == nil {
			return nil
		}
		if r.Deduct.Start != nil {
			out = append(out, r.Deduct.Start.Input)
		}
		for _, c := range r.Deduct.Clauses {
			out = append(out, c.Input)
		}
	case RuleTable:
		if r.Table != nil {
			out = append(out, r.Table.Input)
		}
	case RuleEvents:
		if r.Events != nil {
			for _, e := range r.Events.Events {
				out = append(out, e.Input)
			}
		}
	case RuleProportional:
		if r.Proportional != nil {
			out = append(out, r.Proportional.Input)
		}
	case RuleFormula:
		if r.Formula != nil {
			for _, v := range r.Formula.Vars {
				out = append(out, v.Name)
			}
		}
	case RuleParts:
		for _, p := range r.Parts {
			out = append(out, p.Rule.Inputs()...)
		}
	}
	return out
}
