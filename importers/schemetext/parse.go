// Package schemetext reads an assessment scheme (考核方案) from the
// committee's own 考核细则 text — pasted text, a .txt file (UTF-8 or GB18030)
// or a Word .docx — and reports what it recognised and what it did not.
//
// The text is read line by line. Numbered headings ("一、", "(一)", "㈠",
// "⑴", "1、", "1.", "(1)", "①", "第一篇") form the tree: a heading of a style
// seen before closes the headings below it, a new style nests. Points come
// from "(2分)", "(满分10分)", "分值:5"; a declared total from "总分100分",
// "满分100分", "合计100分", "共100分", "百分制" or a title such as
// "…考核细则(100分)". Headings that carry no points anywhere below them (the
// prose around a rubric) are left out. Each item's text goes through
// Recognise; what is not recognised becomes a manual item, listed in
// Result.Unrecognised with the line it came from. Nothing is guessed: when
// the points do not add up, or the document states none, Result.Problems
// says so in Chinese.
package schemetext

import (
	"fmt"
	"regexp"
	"strings"

	"xingji/model"
)

// Finding is one thing the parser read, or could not read, with the line it
// came from (1-based, in the text given to Parse).
type Finding struct {
	Line int    `json:"line"`
	Item string `json:"item,omitempty"` // item code, when about an item
	Kind string `json:"kind,omitempty"` // rule kind ("deduct", "table" …), "veto" or "total"
	Text string `json:"text"`
	Why  string `json:"why,omitempty"` // Chinese; why it was not recognised
}

// KindTotal is the total of the items that apply to one unit kind, for a
// document that repeats a 100-point block per kind (乡镇指标, 窗口单位指标).
type KindTotal struct {
	Kind  model.UnitKind `json:"kind"`
	Total model.Decimal  `json:"total"`
}

// Result is what Parse read from one rubric.
type Result struct {
	Scheme       model.Scheme `json:"scheme"`
	Recognised   []Finding    `json:"recognised"`
	Unrecognised []Finding    `json:"unrecognised"`
	// DeclaredTotal is the total the document states; when it states none,
	// the sum of the points its top-level parts state (and Problems says so).
	DeclaredTotal model.Decimal `json:"declaredTotal"`
	// ComputedTotal is the sum of the items' points, bonus and penalty items
	// left out; per unit kind when the document has kind-specific parts.
	ComputedTotal model.Decimal `json:"computedTotal"`
	KindTotals    []KindTotal   `json:"kindTotals,omitempty"`
	Items         int           `json:"items"` // number of items, bonus items included
	Problems      []string      `json:"problems"`
	// TotalsMatch reports that some points were found and the items add up
	// to the declared total (for every unit kind).
	TotalsMatch bool `json:"totalsMatch"`
}

// OK reports whether the result is usable as it stands: items were
// recognised and the totals match.
func (r *Result) OK() bool { return r.TotalsMatch && r.Items > 0 }

// node is one heading and the lines under it.
type node struct {
	h         heading
	line      int
	title     string
	text      []string
	points    model.Decimal
	hasPoints bool
	bonus     bool
	penalty   bool
	kinds     []model.UnitKind
	dept      string
	children  []*node
}

var (
	reKindNote = regexp.MustCompile(`\(([^()]{0,20}指标)\)`)
	reDept     = regexp.MustCompile(`^(?:[\p{Han}()]{0,4}?)?([\p{Han}]{2,8}?)负责考核`)
	reProvided = regexp.MustCompile(`\(([^()]{2,30})提供\)`)
	reTitleish = regexp.MustCompile(`细则|标准|办法|方案|考核|评分`)
)

// Parse reads one rubric from text. Part headings ("第一篇") inside it become
// top-level sections; use ParseDocument for a file holding several rubrics.
func Parse(text string) Result { return parseLines(strings.Split(text, "\n"), 1) }

// parser holds the state of one Parse.
type parser struct {
	root       *node
	stack      []*node
	declared   model.Decimal
	declLine   int
	hasDecl    bool
	seenPoints bool
	veto       *node // the node whose lines are a veto list, or nil
	vetoes     []model.Veto
	vetoLines  []Finding
	lost       []Finding
}

func parseLines(lines []string, first int) Result {
	p := &parser{root: &node{}}
	p.stack = []*node{p.root}
	for i, raw := range lines {
		line := prepare(raw)
		if line == "" {
			continue
		}
		for _, seg := range splitInline(line) {
			p.segment(seg, first+i)
		}
		if reLostAmount.MatchString(line) && !reAmount.MatchString(line) {
			p.lost = append(p.lost, Finding{Line: first + i, Text: clip(line, 80), Why: "扣分规定中没有写出扣几分（数字缺失）"})
		}
	}
	return p.result(lines, first)
}

// segment handles one line, or one heading cut out of a line.
func (p *parser) segment(seg string, line int) {
	top := p.stack[len(p.stack)-1]
	h, isHead := parseHeading(seg)
	if isHead && p.veto != nil {
		if p.depthOf(h.style) < 0 || p.depthOf(h.style) > p.depthOfNode(p.veto) {
			p.addVeto(h.rest, line)
			return
		}
		p.veto = nil
	}
	if !isHead {
		if p.veto != nil && top == p.veto && !strings.Contains(seg, "一票否决") {
			p.addVeto(seg, line)
			return
		}
		top.text = append(top.text, seg)
		if top != p.root && top.h.style != stylePart && !top.hasPoints && len(top.children) == 0 {
			// Points on a continuation line: "…实地查看\n(5分)".
			if d, _, _, ok := pointsIn(seg); ok && rePoints.MatchString(seg) {
				top.points, top.hasPoints, p.seenPoints = d, true, true
			}
		}
		if strings.Contains(seg, "一票否决") {
			p.veto = top
		}
		if !p.hasDecl {
			if d, ok := declaredTotal(rePoints.ReplaceAllString(seg, "")); ok {
				p.setDeclared(d, line)
			} else if d, _, _, ok := pointsIn(seg); ok && rePoints.MatchString(seg) && !p.seenPoints && reTitleish.MatchString(seg) {
				p.setDeclared(d, line)
			}
		}
		return
	}
	n := &node{h: h, line: line, title: h.rest}
	if h.style == stylePart {
		p.stack = p.stack[:1]
	} else if k := p.depthOf(h.style); k > 0 {
		p.stack = p.stack[:k]
	}
	parent := p.stack[len(p.stack)-1]
	n.bonus = parent.bonus || strings.Contains(h.rest, "加分")
	n.penalty = parent.penalty || strings.Contains(h.rest, "减分项") || strings.Contains(h.rest, "扣分项")
	if d, kw, ok := headingPoints(h.rest); ok {
		n.points, n.hasPoints = d, true
		p.seenPoints = true
		if !p.hasDecl && (kw == "合计" || kw == "共" || kw == "共计" || kw == "总分") {
			p.setDeclared(d, line)
		}
	}
	if d, ok := declaredTotal(rePoints.ReplaceAllString(h.rest, "")); ok && !p.hasDecl {
		p.setDeclared(d, line)
	}
	if !n.hasPoints && n.bonus {
		if m := reAdd.FindStringSubmatch(h.rest); m != nil {
			n.points, _ = model.ParseDecimal(m[1])
			n.hasPoints = true
		}
	}
	if m := reKindNote.FindStringSubmatch(h.rest); m != nil {
		n.kinds = kindsIn(m[1])
	}
	if m := reDept.FindStringSubmatch(h.rest); m != nil {
		n.dept = m[1]
	}
	parent.children = append(parent.children, n)
	p.stack = append(p.stack, n)
	if strings.Contains(seg, "一票否决") {
		p.veto = n
	}
}

func (p *parser) setDeclared(d model.Decimal, line int) {
	p.declared, p.declLine, p.hasDecl = d, line, true
}

// depthOf returns the stack index of the open heading of style st, or -1.
func (p *parser) depthOf(st style) int {
	for k := len(p.stack) - 1; k > 0; k-- {
		if p.stack[k].h.style == st {
			return k
		}
	}
	return -1
}

func (p *parser) depthOfNode(n *node) int {
	for k, s := range p.stack {
		if s == n {
			return k
		}
	}
	return len(p.stack)
}

// addVeto records one entry of an 一票否决 list.
func (p *parser) addVeto(text string, line int) {
	v := model.Veto{Code: fmt.Sprintf("V%d", len(p.vetoes)+1), Title: clip(reProvided.ReplaceAllString(text, ""), 60), Effect: model.VetoDisqualify, Quote: text}
	if m := reProvided.FindStringSubmatch(text); m != nil {
		v.Department = m[1]
	}
	if p.veto != nil && strings.Contains(strings.Join(p.veto.text, ""), "评比资格") || strings.Contains(text, "评先") {
		v.Effect = model.VetoNoAward
	}
	p.vetoes = append(p.vetoes, v)
	p.vetoLines = append(p.vetoLines, Finding{Line: line, Item: v.Code, Kind: "veto", Text: clip(text, 80)})
}

// kindsIn maps "乡镇指标", "窗口单位和服务行业指标" to unit kinds.
func kindsIn(s string) []model.UnitKind {
	var out []model.UnitKind
	for _, k := range []struct {
		word string
		kind model.UnitKind
	}{{"乡镇", model.KindRural}, {"农村", model.KindRural}, {"社区", model.KindCommunity}, {"机关", model.KindOrgan},
		{"企业", model.KindEnterprise}, {"学校", model.KindSchool}, {"非公", model.KindNonPublic}, {"窗口", model.KindWindow}} {
		if strings.Contains(s, k.word) && !containsKind(out, k.kind) {
			out = append(out, k.kind)
		}
	}
	return out
}

func containsKind(ks []model.UnitKind, k model.UnitKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// hasPointsBelow reports whether n or anything below it carries points.
func hasPointsBelow(n *node) bool {
	if n.hasPoints {
		return true
	}
	for _, c := range n.children {
		if hasPointsBelow(c) {
			return true
		}
	}
	return false
}
