package schemetext

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"xingji/model"
)

// Recognition is what Recognise makes of an item's text: the rule, the
// sentences it was read from, and — when nothing was recognised — why.
type Recognition struct {
	Rule       model.Rule `json:"rule"`
	Recognised bool       `json:"recognised"`
	Quote      string     `json:"quote,omitempty"` // the sentences the rule was read from
	Why        string     `json:"why,omitempty"`   // Chinese; set when not recognised
}

var (
	reAmount     = regexp.MustCompile(`(减去|减掉|扣减|扣除|减|扣)\s*(\d{1,3}(?:\.\d{1,2})?)\s*分`)
	reLostAmount = regexp.MustCompile(`(?:^|[^扣减])(扣|减)(去)?\s*[-—]?\s*分(?:[^数值]|$)`)
	rePerWord    = regexp.MustCompile(`每|一项|一次|一名|一人|一份|一个|少一|缺一|人次|一处`)
	reRequired   = regexp.MustCompile(`至少\s*(\d{1,3})\s*次`)
	reAdd        = regexp.MustCompile(`加\s*(\d{1,3}(?:\.\d{1,2})?)\s*分`)
	reLevelList  = regexp.MustCompile(`((?:中央|国家级?|省级?|自治区|市级?|县级?|区级|乡镇|本级)(?:、(?:中央|国家级?|省级?|自治区|市级?|县级?|区级|乡镇|本级))+)`)
	reLevelPts   = regexp.MustCompile(`分别加\s*([\d.、,]+)\s*分`)
	reLevelEach  = regexp.MustCompile(`(中央|国家级|省级|自治区级?|市级|县级|区级|本级)\s*(\d{1,3}(?:\.\d{1,2})?)\s*分`)
	reZeroWord   = regexp.MustCompile(`不得分|不得满分|得0分|为0分`)
	reNegation   = regexp.MustCompile(`未|没有|没|无|不|缺失|达不到|有一项未`)
)

// Recognise reads the scoring rule of one item from its text. points is the
// item's 分值; penalty marks a 减分项 (its per-event deductions become events).
// The phrasings it knows, each quoted from the seeds:
//
//   - deduct per occurrence, floored at 0: "每少一项减去0.2分,减完为止",
//     "至少4次。(每缺少一次的在此项内容中减去0.5分,减完为止)", "未执行制度减3分";
//   - all or nothing: "未做宣传和无宣传标示的此项不得分", "有一项未完成的此项内容不得分"
//     (with deductions as well: the item gives 0 when the condition holds);
//   - threshold table on a rate: "知晓率达到90%以上的得满分,达到80%的得1分,低于80%不得分";
//   - bonus by level: "中央、自治区、市、县、本级…分别加5、4、3、2、1分",
//     "市级3分,省级5分,国家级8分,以最高的为准";
//   - events: "每次扣3分" (penalty items);
//   - proportional: "按工厂经营责任制考核实际得分结果,同比例扣减分数".
//
// Anything else is a manual item (0..分值) with Recognised false.
func Recognise(text string, points model.Decimal, penalty bool) Recognition {
	text = strings.TrimSpace(text)
	if r, ok := levelsRule(text, points); ok {
		return r
	}
	if strings.Contains(text, "同比例") {
		label := "外部考核得分"
		if m := regexp.MustCompile(`按(.{2,30}?)(?:实际)?得分`).FindStringSubmatch(text); m != nil {
			label = strings.TrimSuffix(strings.TrimSuffix(m[1], "实际"), "考核")
		}
		return Recognition{Rule: model.Proportional("outside", label, model.Dec(100)), Recognised: true, Quote: sentenceWith(text, "同比例")}
	}
	if r, ok := tableRule(text, points); ok {
		return r
	}
	if penalty {
		if r, ok := eventsRule(text); ok {
			return r
		}
	}
	if r, ok := deductRule(text, points); ok {
		return r
	}
	if m := reAdd.FindStringSubmatch(text); m != nil && !strings.Contains(text, "每") {
		return Recognition{Rule: model.AllOrNothing(model.Flag{Name: "met", Label: clip(text, 40)}), Recognised: true, Quote: sentenceWith(text, m[0])}
	}
	if reLostAmount.MatchString(text) && !reAmount.MatchString(text) {
		return Recognition{Rule: model.Manual(), Why: "有扣分规定，但扣几分没有写出数字（可能复制时丢失了），请补上后重新识别"}
	}
	return Recognition{Rule: model.Manual(), Why: "没有识别出评分规则，按人工打分（0至" + points.String() + "分）"}
}

// sentences splits text into sentences at 。 ; and line breaks, keeping
// parenthesised remarks with the sentence they follow.
func sentences(text string) []string {
	var out []string
	var b strings.Builder
	depth := 0
	for _, r := range text {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
		if (r == '。' || r == ';' || r == '\n') && depth == 0 {
			if s := strings.TrimSpace(b.String()); s != "" {
				out = append(out, s)
			}
			b.Reset()
			continue
		}
		b.WriteRune(r)
	}
	if s := strings.TrimSpace(b.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// sentenceWith returns the sentence of text containing sub, or sub.
func sentenceWith(text, sub string) string {
	for _, s := range sentences(text) {
		if strings.Contains(s, sub) {
			return s
		}
	}
	return sub
}

// clip shortens s to n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// levelsRule reads "分别加5、4、3、2、1分" after a list of levels, or
// "市级3分,省级5分,国家级8分".
func levelsRule(text string, points model.Decimal) (Recognition, bool) {
	var levels []model.Level
	var quote string
	if m := reLevelPts.FindStringSubmatchIndex(text); m != nil {
		lists := reLevelList.FindAllString(text[:m[0]], -1)
		nums := strings.FieldsFunc(text[m[2]:m[3]], func(r rune) bool { return r == '、' || r == ',' })
		if len(lists) > 0 {
			names := strings.Split(lists[len(lists)-1], "、")
			if len(names) == len(nums) {
				for i, n := range names {
					d, err := model.ParseDecimal(nums[i])
					if err != nil {
						return Recognition{}, false
					}
					levels = append(levels, model.Level{Code: fmt.Sprintf("L%d", i+1), Name: n, Points: d})
				}
				quote = sentenceWith(text, "分别加")
			}
		}
	}
	if levels == nil {
		ms := reLevelEach.FindAllStringSubmatch(text, -1)
		if len(ms) < 2 {
			return Recognition{}, false
		}
		for i, m := range ms {
			d, _ := model.ParseDecimal(m[2])
			levels = append(levels, model.Level{Code: fmt.Sprintf("L%d", i+1), Name: m[1], Points: d})
		}
		quote = sentenceWith(text, ms[0][0])
	}
	combine, cap := model.CombineSum, (*model.Decimal)(nil)
	if strings.Contains(text, "最高") {
		combine = model.CombineHighest
	} else if points.Sign() > 0 {
		cap = points.P()
	}
	return Recognition{Rule: model.Levels(combine, cap, levels...), Recognised: true, Quote: quote}, true
}

// eventsRule reads per-event deductions of a penalty item: "每次扣3分".
func eventsRule(text string) (Recognition, bool) {
	var evs []model.Event
	var quotes []string
	for _, s := range sentences(text) {
		for _, part := range strings.Split(s, ",") {
			m := reAmount.FindStringSubmatch(part)
			if m == nil || !rePerWord.MatchString(part) {
				continue
			}
			d, _ := model.ParseDecimal(m[2])
			evs = append(evs, model.Event{Input: fmt.Sprintf("e%d", len(evs)+1), Label: clip(strings.TrimSpace(part), 40), Per: d.Neg(), Quote: part})
			quotes = append(quotes, part)
		}
	}
	if len(evs) == 0 {
		return Recognition{}, false
	}
	return Recognition{Rule: model.Events(evs...), Recognised: true, Quote: strings.Join(quotes, ";")}, true
}

// deductRule reads deductions ("每少一项减去0.2分", "未执行制度减3分") and
// zero-if conditions ("…的此项不得分").
func deductRule(text string, points model.Decimal) (Recognition, bool) {
	var clauses []model.DeductClause
	var zero []model.Flag
	var quotes []string
	ss := sentences(text)
	for i, s := range ss {
		used := false
		for _, part := range splitClauses(s) {
			if m := reAmount.FindStringSubmatch(part); m != nil {
				d, _ := model.ParseDecimal(m[2])
				c := model.DeductClause{Input: fmt.Sprintf("d%d", len(clauses)+1), Label: clip(strings.TrimSpace(part), 40), Per: d, Quote: part}
				if !rePerWord.MatchString(part) {
					c.Cap = d.P() // deducted once: the input is 1 when it happened
				}
				if strings.Contains(part, "缺少") || strings.Contains(part, "每少") {
					req := reRequired.FindStringSubmatch(s)
					if req == nil && i > 0 {
						req = reRequired.FindStringSubmatch(ss[i-1])
					}
					if req != nil {
						r, _ := model.ParseDecimal(req[1])
						c.Required = r.P()
					}
				}
				clauses = append(clauses, c)
				used = true
				continue
			}
			if reZeroWord.MatchString(part) && reNegation.MatchString(zeroCondition(part)) {
				zero = append(zero, model.Flag{Name: fmt.Sprintf("z%d", len(zero)+1), Label: clip(zeroCondition(part), 40)})
				used = true
			}
		}
		if used {
			quotes = append(quotes, s)
		}
	}
	q := strings.Join(quotes, "。")
	switch {
	case len(clauses) > 0:
		return Recognition{Rule: model.DeductZeroIf(zero, clauses...), Recognised: true, Quote: q}, true
	case len(zero) > 0:
		return Recognition{Rule: model.AllOrNothing(negate(zero)...), Recognised: true, Quote: q}, true
	}
	return Recognition{}, false
}

// splitClauses splits a sentence at commas outside parentheses.
func splitClauses(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// zeroCondition is the condition before "不得分": "未做宣传和无宣传标示".
func zeroCondition(part string) string {
	c := part
	if i := reZeroWord.FindStringIndex(c); i != nil {
		c = c[:i[0]]
	}
	for _, suf := range []string{"在此项内容的", "的此项内容", "的此项", "此项内容", "此项", "的"} {
		c = strings.TrimSuffix(strings.TrimSpace(c), suf)
	}
	return strings.Trim(strings.TrimSpace(c), "(),")
}

// negate turns the conditions that zero an item into the requirements of an
// all-or-nothing rule: the rater ticks that each is met.
func negate(zero []model.Flag) []model.Flag {
	out := make([]model.Flag, len(zero))
	for i, f := range zero {
		out[i] = model.Flag{Name: fmt.Sprintf("r%d", i+1), Label: "没有以下情况：" + f.Label}
	}
	return out
}
