package schemetext

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"xingji/importers"
	"xingji/model"
)

// style is the numbering style of a heading; headings of one style are
// siblings, and a new style nests under the one before it.
type style string

// Heading styles.
const (
	stylePart      style = "part"       // 第一篇 / 篇十一
	styleCN        style = "cn"         // 一、
	styleParenCN   style = "paren-cn"   // (一) （一） ㈠
	styleParenNum2 style = "paren-num2" // ⑴
	styleNum       style = "num"        // 1、 1.
	styleParenNum  style = "paren-num"  // (1)
	styleCircled   style = "circled"    // ①
)

// heading is a numbered line: its style, its label ("三", "12") and the text
// after the number.
type heading struct {
	style style
	label string
	rest  string
}

const cnDigits = "一二三四五六七八九十百零〇"

var (
	rePartPrefix = regexp.MustCompile(`^第([` + cnDigits + `]+)篇`)
	rePartSuffix = regexp.MustCompile(`篇([` + cnDigits + `]+)$`)
	reCN         = regexp.MustCompile(`^([` + cnDigits + `]+)[、,.]`)
	reParenCN    = regexp.MustCompile(`^\(([` + cnDigits + `]+)\)[、.]?`)
	reNum        = regexp.MustCompile(`^(\d{1,3})(、|\.)`)
	reParenNum   = regexp.MustCompile(`^\((\d{1,3})\)[、.]?`)
	// rePoints is a points parenthesis: (2分), (满分10分), (合计100分), (分值:5).
	rePoints = regexp.MustCompile(`\(\s*(合计|共计|共|计|满分|分值[:]?|总分)?\s*(\d{1,4}(?:\.\d{1,2})?)\s*分\s*\)`)
	// reBarePoints is "分值:5" or a heading that ends in "N分".
	reScoreField = regexp.MustCompile(`分值[:为]\s*(\d{1,4}(?:\.\d{1,2})?)\s*分?`)
	reBareEnd    = regexp.MustCompile(`(?:^|[\s:—-]|满分)(\d{1,4}(?:\.\d{1,2})?)分$`)
	// reTotal is a declared total in prose.
	reTotal   = regexp.MustCompile(`(总分为?|满分为?|合计|共计?|百分制)\s*(\d{1,4}(?:\.\d{1,2})?)?\s*分`)
	rePageNum = regexp.MustCompile(`\s*[—-]+\s*\d{1,3}\s*[—-]+\s*$`)
)

// circled runs: ㈠..㈩, ⑴..⒇, ①..⑳.
func circled(r rune) (style, int, bool) {
	switch {
	case r >= 0x3220 && r <= 0x3229:
		return styleParenCN, int(r-0x3220) + 1, true
	case r >= 0x2474 && r <= 0x2487:
		return styleParenNum2, int(r-0x2474) + 1, true
	case r >= 0x2460 && r <= 0x2473:
		return styleCircled, int(r-0x2460) + 1, true
	}
	return "", 0, false
}

// prepare normalises a raw line: full-width forms folded, page numbers
// ("—10—") dropped, spaces trimmed.
func prepare(s string) string {
	s = importers.Normalize(s)
	s = strings.NewReplacer("【", "(", "】", ")", "〔", "(", "〕", ")", "：", ":", "；", ";", "，", ",").Replace(s)
	s = rePageNum.ReplaceAllString(s, "")
	return strings.TrimSpace(s)
}

// parseHeading reports whether s starts with a heading number.
func parseHeading(s string) (heading, bool) {
	if m := rePartPrefix.FindStringSubmatch(s); m != nil {
		return heading{stylePart, m[1], strings.TrimLeft(s[len(m[0]):], ":、 ")}, true
	}
	if m := rePartSuffix.FindStringSubmatch(s); m != nil && utf8.RuneCountInString(s) <= 30 {
		return heading{stylePart, m[1], s}, true
	}
	if r, n := utf8.DecodeRuneInString(s); n > 0 {
		if st, num, ok := circled(r); ok {
			return heading{st, itoa(num), strings.TrimLeft(s[n:], "、. ")}, true
		}
	}
	if m := reNum.FindStringSubmatch(s); m != nil {
		rest := s[len(m[0]):]
		if !(m[2] == "." && rest != "" && rest[0] >= '0' && rest[0] <= '9') {
			return heading{styleNum, m[1], strings.TrimLeft(rest, "、. ")}, true
		}
	}
	for _, c := range []struct {
		re *regexp.Regexp
		st style
	}{{reParenCN, styleParenCN}, {reParenNum, styleParenNum}, {reCN, styleCN}} {
		if m := c.re.FindStringSubmatch(s); m != nil {
			return heading{c.st, m[1], strings.TrimLeft(s[len(m[0]):], "、. ")}, true
		}
	}
	return heading{}, false
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// splitInline cuts a line where a second heading starts inside it: right
// after a points parenthesis ("(7分)①成立…", "(10分)30、结合…"), before a
// circled number that follows a space ("考核细则 ㈠、考核内容"), or where a
// numbered item continues the line's own sequence after a comma ("…减2分,2、党委
// 下发的文件…(2分)").
func splitInline(s string) []string {
	var out []string
	for {
		cut := inlineCut(s)
		if cut <= 0 {
			return append(out, s)
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
}

func inlineCut(s string) int {
	best := -1
	take := func(i int) {
		if i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	h, isHead := parseHeading(s)
	for _, m := range rePoints.FindAllStringIndex(s, -1) {
		if m[0] == 0 || m[1] >= len(s) {
			continue
		}
		if nh, ok := parseHeading(s[m[1]:]); ok && nh.style != stylePart && (nh.style != styleNum || strings.HasPrefix(s[m[1]+len(nh.label):], "、")) {
			take(m[1])
			break
		}
	}
	for i, r := range s {
		if i == 0 {
			continue
		}
		if st, _, ok := circled(r); ok && (s[i-1] == ' ' || st == styleParenCN && (s[i-1] == ')' || strings.HasSuffix(s[:i], "。"))) {
			take(i)
			break
		}
	}
	if isHead && h.style == styleNum {
		next := itoa(atoi(h.label)+1) + "、"
		for _, sep := range []string{"," + next, ";" + next, "。" + next} {
			if i := strings.Index(s, sep); i > 0 && rePoints.MatchString(s[i:]) {
				take(i + len(sep) - len(next))
			}
		}
	}
	return best
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// pointsIn finds the first points parenthesis in s; keyword is what came
// before the number ("合计", "满分" …). ok is false when there is none.
func pointsIn(s string) (d model.Decimal, keyword string, loc []int, ok bool) {
	m := rePoints.FindStringSubmatchIndex(s)
	if m == nil {
		if f := reScoreField.FindStringSubmatchIndex(s); f != nil {
			d, err := model.ParseDecimal(s[f[2]:f[3]])
			return d, "分值", f[:2], err == nil
		}
		return model.Decimal{}, "", nil, false
	}
	d, err := model.ParseDecimal(s[m[4]:m[5]])
	if m[2] >= 0 {
		keyword = s[m[2]:m[3]]
	}
	return d, keyword, m[:2], err == nil
}

// headingPoints returns the points a heading line declares: a points
// parenthesis, "分值:5", or a bare "N分" at the end.
func headingPoints(s string) (model.Decimal, string, bool) {
	if d, k, _, ok := pointsIn(s); ok {
		return d, k, true
	}
	if m := reBareEnd.FindStringSubmatch(s); m != nil {
		before := strings.TrimSuffix(s, m[0])
		if !strings.HasSuffix(before, "减") && !strings.HasSuffix(before, "扣") && !strings.HasSuffix(before, "加") && !strings.HasSuffix(before, "得") {
			d, err := model.ParseDecimal(m[1])
			return d, "", err == nil
		}
	}
	return model.Decimal{}, "", false
}

// declaredTotal finds a total stated in prose: 总分100分, 满分100分, 合计100分,
// 共100分, 百分制.
func declaredTotal(s string) (model.Decimal, bool) {
	for _, m := range reTotal.FindAllStringSubmatch(s, -1) {
		if m[1] == "百分制" {
			return model.Dec(100), true
		}
		if m[2] == "" {
			continue
		}
		if d, err := model.ParseDecimal(m[2]); err == nil && d.Sign() > 0 {
			return d, true
		}
	}
	if strings.Contains(s, "百分制") {
		return model.Dec(100), true
	}
	return model.Decimal{}, false
}
