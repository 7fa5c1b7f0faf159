package ui

import (
	"strings"

	"xingji/model"
	"xingji/model/formspec"
)

// The scheme window never shows a code (the scheme's "cun-xingji", an
// item's "policy", a quota's "q1"): an item is named by its 序号 — its code
// when that reads as a rubric number ("3", "2.1"), else its place in the
// scheme — by formspec.ItemNumber, the rule the printed forms use.

// schemeNames names the parts of one scheme for people.
type schemeNames struct {
	sc      *model.Scheme
	numbers map[string]string // item code → 序号
}

func namesOf(sc *model.Scheme) schemeNames {
	n := schemeNames{sc: sc, numbers: map[string]string{}}
	seq := 0
	sc.Walk(func(_ []*model.Section, it *model.Item) {
		seq++
		n.numbers[it.Code] = formspec.ItemNumber(it, seq)
	})
	return n
}

// item returns "序号 标题" for an item.
func (n schemeNames) item(it *model.Item) string {
	if num := n.numbers[it.Code]; num != "" {
		return num + " " + it.Title
	}
	return it.Title
}

// label is model.ItemLabel with the 序号 in place of the code.
func (n schemeNames) label(it *model.Item) string {
	return model.ItemLabel(n.numbers[it.Code], it.Title)
}

// ref names what a note or a problem refers to: an item, section, band,
// cap, quota, veto or star; "" when ref names nothing known.
func (n schemeNames) ref(ref string) string {
	sc := n.sc
	if ref == "" {
		return ""
	}
	if it := sc.Item(ref); it != nil {
		return "项目" + n.numbers[it.Code] + "“" + shorten(it.Title, 18) + "”"
	}
	if sec := findSection(sc.Sections, ref); sec != nil {
		return "“" + sec.Title + "”部分"
	}
	if i := sc.BandIndex(ref); i >= 0 {
		return "等次“" + sc.Bands[i].Name + "”"
	}
	for _, c := range sc.Caps {
		if c.Code == ref {
			return "“" + c.Title + "”"
		}
	}
	for _, q := range sc.Quotas {
		if q.Code == ref {
			return "比例控制“" + spanWords(sc, q) + "”"
		}
	}
	for _, v := range sc.Vetoes {
		if v.Code == ref {
			return "一票否决“" + shorten(v.Title, 18) + "”"
		}
	}
	if sc.Stars != nil {
		for _, st := range sc.Stars.Stars {
			if st.Code == ref {
				return "“" + st.Name + "”"
			}
		}
	}
	return ""
}

// text rewrites a message written with codes (model.ItemLabel's
// 项目“policy 标题”, 比例控制“q1”) with the 序号 and names people know.
func (n schemeNames) text(msg string) string {
	if !strings.ContainsAny(msg, "“") {
		return msg
	}
	var pairs []string
	n.sc.Walk(func(_ []*model.Section, it *model.Item) {
		num := n.numbers[it.Code]
		if num == it.Code || it.Code == "" {
			return
		}
		if num == "" {
			pairs = append(pairs, "项目“"+it.Code+" ", "项目“", "项目“"+it.Code+"”", "项目")
			return
		}
		pairs = append(pairs, "项目“"+it.Code+" ", "项目“"+num+" ", "项目“"+it.Code+"”", "项目“"+num+"”")
	})
	for _, q := range n.sc.Quotas {
		if q.Code != "" {
			pairs = append(pairs, "比例控制“"+q.Code+"”", "比例控制“"+spanWords(n.sc, q)+"”", "“"+q.Code+"”规定", "“"+spanWords(n.sc, q)+"”规定")
		}
	}
	if len(pairs) == 0 {
		return msg
	}
	return strings.NewReplacer(pairs...).Replace(msg)
}

func findSection(secs []model.Section, code string) *model.Section {
	for i := range secs {
		if secs[i].Code == code {
			return &secs[i]
		}
		if s := findSection(secs[i].Sections, code); s != nil {
			return s
		}
	}
	return nil
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
