// Package builtin holds the assessment schemes transcribed from the seed
// documents, each naming its source. They are data (model.Scheme values)
// with no dependency beyond package model. Where a seed leaves a number out
// or contradicts itself, the scheme carries a model.Note saying what the
// transcription does and that the office decides; problems that Validate
// flags on purpose (a threshold table with gaps or overlaps, numbers lost
// from the document) are listed in the note's Flags.
//
// Reading convention (stated in every scheme's first note): following
// 《中华人民共和国民法典》第一千二百五十九条, "以上""以下""以内" include the
// number itself and "不满""超过""低于" do not — unless the seed says
// otherwise ("(含)", "(不含)") or an explicit range ("80—89分") claims it.
package builtin

import "xingji/model"

// Schemes returns every built-in scheme, freshly built (callers may modify
// them).
func Schemes() []model.Scheme {
	return []model.Scheme{
		Wlmq(),
		Enterprise(),
		Bureau(),
		ServiceFiveStar(),
		Village(),
		NonPublicMember(),
		MemberFlagStar(),
		PioneerFlag(),
	}
}

// conventionNote is the reading convention every scheme states.
var conventionNote = model.Note{Text: "“以上”“以下”按《民法典》第一千二百五十九条理解为包括本数，“低于”“超过”“不满”不包括本数；原文另有“含”“不含”或明确区间的，从原文。考核办可在方案中改动边界。"}

func d(s string) model.Decimal { return model.D4(s) }

func pd(s string) *model.Decimal { return model.D4(s).P() }

func ip(n int) *int { return &n }

// opt adjusts an item.
type opt func(*model.Item)

func method(m string) opt   { return func(it *model.Item) { it.Method = m } }
func quote(q string) opt    { return func(it *model.Item) { it.Quote = q } }
func by(srcs ...string) opt { return func(it *model.Item) { it.EnteredBy = srcs } }
func dept(dp string) opt    { return func(it *model.Item) { it.Department = dp } }
func bonusItem() opt        { return func(it *model.Item) { it.Bonus = true } }
func penaltyItem() opt      { return func(it *model.Item) { it.Penalty = true } }
func kinds(k ...model.UnitKind) opt {
	return func(it *model.Item) { it.AppliesTo = k }
}

func item(code, title, points string, rule model.Rule, opts ...opt) model.Item {
	it := model.Item{Code: code, Title: title, Points: d(points), Rule: rule}
	for _, o := range opts {
		o(&it)
	}
	return it
}

func section(code, title, points string, items ...model.Item) model.Section {
	return model.Section{Code: code, Title: title, Points: d(points), Items: items}
}

func flag(name, label string) model.Flag { return model.Flag{Name: name, Label: label} }

func clause(input, label, per string) model.DeductClause {
	return model.DeductClause{Input: input, Label: label, Per: d(per)}
}

// rate is the domain of a percentage: 0–100.
var rate = model.Closed("0", "100")

// band returns a threshold-table row.
func band(r model.Range, points string) model.TableBand {
	return model.TableBand{Range: r, Points: d(points)}
}

func note(ref, text string, flags ...model.ProblemCode) model.Note {
	return model.Note{Ref: ref, Text: text, Flags: flags}
}

func fact(name, label, unit string) model.FactDef {
	return model.FactDef{Name: name, Label: label, Unit: unit}
}

func flagFact(name, label string) model.FactDef {
	return model.FactDef{Name: name, Label: label, Flag: true}
}

// review is the single source of schemes where only the assessing body
// scores.
func review(name string) []model.Source {
	return []model.Source{{Code: model.SourceReview, Name: name, Weight: d("100")}}
}

// scoreBand returns a band on the grade total.
func scoreBand(code, name string, r model.Range) model.Band {
	return model.Band{Code: code, Name: name, Range: r}
}

func rangeP(r model.Range) *model.Range { return &r }
