package schemetext

import (
	"fmt"
	"strings"

	"xingji/model"
)

// builder turns the heading tree into a model.Scheme.
type builder struct {
	res   *Result
	codes map[string]int
}

// result builds the Result of a finished parse.
func (p *parser) result(lines []string, first int) Result {
	res := Result{Recognised: []Finding{}, Unrecognised: []Finding{}, Problems: []string{}}
	b := &builder{res: &res, codes: map[string]int{}}
	s := model.Scheme{Code: "parsed", Name: schemeName(p.root, lines), Subject: model.SubjectUnit,
		Sources: []model.Source{{Code: model.SourceReview, Name: "考评", Weight: model.Dec(100)}}}
	var outer model.Decimal // the points of the outermost headings that state them
	for i, c := range p.root.children {
		if !hasPointsBelow(c) {
			continue
		}
		sec := b.section(c, fmt.Sprintf("S%d", i+1))
		s.Sections = append(s.Sections, sec)
		outer = outer.Add(outerPoints(c))
	}
	s.Vetoes = p.vetoes
	res.Recognised = append(res.Recognised, p.vetoLines...)
	res.Unrecognised = append(res.Unrecognised, p.lost...)

	// Totals, per unit kind when some parts are kind-specific.
	var kinds []model.UnitKind
	s.Walk(func(path []*model.Section, it *model.Item) {
		for _, k := range model.EffectiveAppliesTo(path, it) {
			if !containsKind(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	})
	sum := func(k model.UnitKind, all bool) model.Decimal {
		var t model.Decimal
		s.Walk(func(path []*model.Section, it *model.Item) {
			if it.Bonus || it.Penalty {
				return
			}
			if all || model.AppliesToKind(model.EffectiveAppliesTo(path, it), k) {
				t = t.Add(it.Points)
			}
		})
		return t
	}
	if len(kinds) == 0 {
		res.ComputedTotal = sum("", true)
	} else {
		s.Kinds = kinds
		for _, k := range kinds {
			res.KindTotals = append(res.KindTotals, KindTotal{Kind: k, Total: sum(k, false)})
		}
		res.ComputedTotal = res.KindTotals[0].Total
	}

	switch {
	case p.hasDecl:
		res.DeclaredTotal = p.declared
		res.Recognised = append(res.Recognised, Finding{Line: p.declLine + first - 1, Kind: "total", Text: "总分" + p.declared.String() + "分"})
	case outer.Sign() > 0:
		res.DeclaredTotal = outer
		res.Problems = append(res.Problems, fmt.Sprintf("文档没有写明总分，按各部分标明的分值合计为%s分。", outer))
	}
	s.Total = res.DeclaredTotal
	b.checkTotals()

	for _, pr := range s.Problems() {
		if pr.Code == model.PPointsSum || pr.Code == model.PTotalMissing {
			continue
		}
		res.Problems = append(res.Problems, "方案检查："+pr.Message)
	}
	res.Scheme = s
	return res
}

// checkTotals compares the items with the declared total.
func (b *builder) checkTotals() {
	res := b.res
	switch {
	case res.Items == 0 && res.DeclaredTotal.Sign() == 0:
		res.Problems = append(res.Problems, "文档中没有写明分值：既没有总分，也没有各项分值（可能复制时丢失了数字），无法识别出考核项目，也无法核对总分。请补上分值后重新识别，或在方案编辑中逐项填写。")
		return
	case res.Items == 0:
		res.Problems = append(res.Problems, fmt.Sprintf("文档写明总分%s分，但没有写明各项分值，无法识别出考核项目。请在各项后注明分值，如“(2分)”。", res.DeclaredTotal))
		return
	case res.DeclaredTotal.Sign() == 0:
		res.Problems = append(res.Problems, fmt.Sprintf("文档没有写明总分，各项合计%s分，无法核对。", res.ComputedTotal))
		return
	}
	res.TotalsMatch = true
	if len(res.KindTotals) == 0 {
		if !res.ComputedTotal.Equal(res.DeclaredTotal) {
			res.TotalsMatch = false
			res.Problems = append(res.Problems, fmt.Sprintf("各项分值合计%s分，与写明的总分%s分不一致。", res.ComputedTotal, res.DeclaredTotal))
		}
		return
	}
	for _, kt := range res.KindTotals {
		if !kt.Total.Equal(res.DeclaredTotal) {
			res.TotalsMatch = false
			res.Problems = append(res.Problems, fmt.Sprintf("适用于“%s”的各项合计%s分，与写明的总分%s分不一致。", kt.Kind, kt.Total, res.DeclaredTotal))
		}
	}
}

// outerPoints is the points of n, or of its outermost descendants that
// state points, bonus parts left out.
func outerPoints(n *node) model.Decimal {
	if n.bonus || n.penalty {
		return model.Decimal{}
	}
	if n.hasPoints {
		return n.points
	}
	var t model.Decimal
	for _, c := range n.children {
		t = t.Add(outerPoints(c))
	}
	return t
}

// section builds a section from n (which has points below it).
func (b *builder) section(n *node, code string) model.Section {
	sec := model.Section{Code: code, Title: headingTitle(n), Points: n.points, Department: n.dept, AppliesTo: n.kinds}
	pointed := 0
	for _, c := range n.children {
		if hasPointsBelow(c) {
			pointed++
		}
	}
	if pointed == 0 {
		// The points are on this heading only: it is one item, and any
		// headings below it are clauses of its rule.
		sec.Items = []model.Item{b.item(n, mergedText(n))}
		sec.AppliesTo, sec.Department = nil, ""
		it := &sec.Items[0]
		it.AppliesTo, it.Department = n.kinds, n.dept
		return sec
	}
	sub := 0
	for _, c := range n.children {
		switch {
		case !hasPointsBelow(c):
			b.res.Unrecognised = append(b.res.Unrecognised, Finding{Line: c.line, Text: clip(c.title, 80), Why: "这一条没有写明分值，未列入方案"})
		case len(c.children) == 0 || !anyPointed(c.children):
			sec.Items = append(sec.Items, b.item(c, mergedText(c)))
			it := &sec.Items[len(sec.Items)-1]
			it.AppliesTo, it.Department = c.kinds, c.dept
		default:
			sub++
			sec.Sections = append(sec.Sections, b.section(c, fmt.Sprintf("%s-%d", code, sub)))
		}
	}
	b.checkSection(n, sec)
	return sec
}

func anyPointed(ns []*node) bool {
	for _, c := range ns {
		if hasPointsBelow(c) {
			return true
		}
	}
	return false
}

// checkSection compares a section's declared points with its parts.
func (b *builder) checkSection(n *node, sec model.Section) {
	if !n.hasPoints || n.bonus || n.penalty {
		return
	}
	var t model.Decimal
	for _, it := range sec.Items {
		t = t.Add(it.Points)
	}
	for _, s := range sec.Sections {
		t = t.Add(sectionTotal(s))
	}
	if !t.Equal(n.points) {
		b.res.Problems = append(b.res.Problems, fmt.Sprintf("第%d行“%s”标明%s分，下列各项合计%s分。", n.line, clip(sec.Title, 30), n.points, t))
	}
}

// mergedText is the text of n and of every heading below it.
func mergedText(n *node) string {
	parts := append([]string{n.title}, n.text...)
	for _, c := range n.children {
		parts = append(parts, c.h.label+"、"+mergedText(c))
	}
	return strings.Join(parts, "\n")
}

// item builds an item from n and runs Recognise on its text.
func (b *builder) item(n *node, text string) model.Item {
	code := n.h.label
	if n.h.style == styleCN || n.h.style == styleParenCN || n.h.style == stylePart {
		code = "第" + code + "项"
	}
	if b.codes[code]++; b.codes[code] > 1 {
		code = fmt.Sprintf("%s-%d", code, b.codes[code])
	}
	body := rePoints.ReplaceAllString(text, "")
	it := model.Item{Code: code, Title: headingTitle(n), Points: n.points, Bonus: n.bonus, Penalty: n.penalty}
	rec := Recognise(body, n.points, n.penalty)
	it.Rule = rec.Rule
	it.Quote = rec.Quote
	b.res.Items++
	f := Finding{Line: n.line, Item: code, Kind: string(rec.Rule.Kind), Text: clip(strings.ReplaceAll(body, "\n", " "), 120)}
	if !n.hasPoints {
		f.Why = "没有写明分值"
		b.res.Unrecognised = append(b.res.Unrecognised, f)
	} else if rec.Recognised {
		f.Text = clip(rec.Quote, 120)
		b.res.Recognised = append(b.res.Recognised, f)
	} else {
		it.Quote = clip(strings.ReplaceAll(body, "\n", " "), 300)
		f.Why = rec.Why
		b.res.Unrecognised = append(b.res.Unrecognised, f)
	}
	return it
}

// headingTitle is the heading's text without points, cut at the first full
// stop.
func headingTitle(n *node) string {
	t := rePoints.ReplaceAllString(n.title, "")
	t = reKindNote.ReplaceAllString(t, "")
	if i := strings.Index(t, "。"); i > 0 {
		t = t[:i]
	}
	t = strings.TrimSpace(t)
	if t == "" && len(n.text) > 0 {
		t = n.text[0]
	}
	return clip(t, 40)
}

// schemeName is the rubric's title: the first short line that names a
// 细则/标准/办法/方案, else the first line.
func schemeName(root *node, lines []string) string {
	firstLine := ""
	for _, l := range lines {
		l = prepare(l)
		if l == "" {
			continue
		}
		if firstLine == "" {
			firstLine = l
		}
		if len([]rune(l)) <= 40 && reTitleish.MatchString(l) {
			h, ok := parseHeading(l)
			if ok && h.style != stylePart {
				continue
			}
			if ok {
				l = h.rest
			}
			return clip(rePoints.ReplaceAllString(l, ""), 40)
		}
	}
	if firstLine == "" {
		return "未命名考核方案"
	}
	return clip(firstLine, 40)
}

// sectionTotal is a section's declared points, or the sum of what is below
// it when it declares none; bonus and penalty items are left out.
func sectionTotal(sec model.Section) model.Decimal {
	if sec.Points.Sign() > 0 {
		return sec.Points
	}
	var t model.Decimal
	for _, it := range sec.Items {
		if !it.Bonus && !it.Penalty {
			t = t.Add(it.Points)
		}
	}
	for _, s := range sec.Sections {
		t = t.Add(sectionTotal(s))
	}
	return t
}
