package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// The 其他规定 tab shows every rule of the scheme beyond its items, bands,
// sources and quotas, in words, each with the document's own words (原文)
// where the scheme records them. The numbers of the simple ones can be
// changed here: a cap's deduction, how many bands it lowers and the best
// band it allows; a veto's name and what it does; the red flag's count and
// lowest band; the score that earns a star. The conditions (when a cap
// applies, what a band or star requires) stay as written: changing them
// would need a rule language; they are shown in full, read-only.

// otherRules holds the widgets of the 其他规定 tab.
type otherRules struct {
	caps   []capRow
	vetoes []vetoRow
	stars  []*textEntry // nil for a star whose score is not a plain "at least"
	flagN  *textEntry
	flagB  *widget.Select
}

type capRow struct {
	deduct, lower *textEntry
	maxBand       *widget.Select
}

type vetoRow struct {
	title   *textEntry
	effect  *widget.Select
	maxBand *widget.Select
}

const noBand = "（不限）"

var vetoEffects = []string{"取消评定资格", "不得评先，最高为"}

// bandChoices lists the scheme's band names after noBand.
func bandChoices(sc *model.Scheme) []string {
	out := []string{noBand}
	for _, b := range sc.Bands {
		out = append(out, b.Name)
	}
	return out
}

func bandName(sc *model.Scheme, code string) string {
	if i := sc.BandIndex(code); i >= 0 {
		return sc.Bands[i].Name
	}
	return noBand
}

func bandCode(sc *model.Scheme, name string) string {
	for _, b := range sc.Bands {
		if b.Name == name {
			return b.Code
		}
	}
	return ""
}

func (d *settingsDialog) otherTab(sc *model.Scheme) fyne.CanvasObject {
	o := &d.other
	box := container.NewVBox(lowLabel("数字和等次可以在这里修改；“条件”按原文整理，只能查看。"))
	quote := func(q string) {
		if q != "" {
			box.Add(lowLabel("原文：" + q))
		}
	}
	small := func(e fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(80, e.MinSize().Height), e)
	}
	bands := bandChoices(sc)
	if len(sc.Caps) > 0 {
		box.Add(boldLabel("扣分和限制"))
	}
	for i, c := range sc.Caps {
		r := capRow{deduct: d.entry(c.Deduct.String()), lower: d.entry(strconv.Itoa(c.Lower)),
			maxBand: selectOf(bands, bandName(sc, c.MaxBand))}
		r.maxBand.OnChanged = safely1(func(string) { d.update() })
		o.caps = append(o.caps, r)
		box.Add(wrapLabel(fmt.Sprintf("%d. %s　条件：%s", i+1, c.Title, conditionWords(sc, c.When))))
		box.Add(container.NewHBox(widget.NewLabel("扣"), small(r.deduct), widget.NewLabel("分，降低"), small(r.lower),
			widget.NewLabel("个等次，最高为"), r.maxBand))
		quote(c.Quote)
	}
	if len(sc.Vetoes) > 0 {
		box.Add(boldLabel("一票否决"))
	}
	for _, v := range sc.Vetoes {
		r := vetoRow{title: d.entry(v.Title), effect: selectOf(vetoEffects, vetoEffects[0]), maxBand: selectOf(bands, bandName(sc, v.MaxBand))}
		if v.Effect == model.VetoNoAward {
			r.effect.SetSelected(vetoEffects[1])
		}
		r.effect.OnChanged = safely1(func(e string) {
			showIf(r.maxBand, e == vetoEffects[1])
			d.update()
		})
		showIf(r.maxBand, r.effect.Selected == vetoEffects[1])
		r.maxBand.OnChanged = safely1(func(string) { d.update() })
		o.vetoes = append(o.vetoes, r)
		head := "发生："
		if v.Department != "" {
			head = "（" + v.Department + "）发生："
		}
		box.Add(container.NewBorder(nil, nil, widget.NewLabel(head), container.NewHBox(r.effect, r.maxBand), r.title))
		quote(v.Quote)
	}
	if st := sc.Stars; st != nil && len(st.Stars) > 0 {
		box.Add(boldLabel("星"))
		if st.BandByCount {
			box.Add(wrapLabel("按得星数定等次（见“等次/星级”）。"))
		}
		names := namesOf(sc)
		for _, star := range st.Stars {
			var e *textEntry
			line := star.Name
			if ref := names.ref(star.Ref); ref != "" {
				line += "：" + ref
			}
			if star.Earn != nil && star.Earn.From != nil && star.Earn.To == nil && !star.Earn.FromExcl {
				e = d.entry(star.Earn.From.String())
				box.Add(container.NewBorder(nil, nil, widget.NewLabel(line+"得分不低于"), widget.NewLabel("分得星"), small(e)))
			} else if star.Earn != nil {
				box.Add(wrapLabel(line + "得分" + star.Earn.Describe("分") + "得星"))
			} else {
				box.Add(wrapLabel(line))
			}
			if len(star.Requires) > 0 {
				box.Add(wrapLabel("　条件：" + conditionWords(sc, star.Requires)))
			}
			o.stars = append(o.stars, e)
			quote(star.Quote)
		}
	}
	if rf := sc.RedFlag; rf != nil {
		box.Add(boldLabel(rf.Name))
		o.flagN = d.entry(strconv.Itoa(rf.Count))
		o.flagB = selectOf(bands, bandName(sc, rf.MinBand))
		o.flagB.OnChanged = safely1(func(string) { d.update() })
		box.Add(container.NewHBox(widget.NewLabel("评出"), small(o.flagN), widget.NewLabel("个，等次至少为"), o.flagB))
		if len(rf.Requires) > 0 {
			box.Add(wrapLabel("　条件：" + conditionWords(sc, rf.Requires)))
		}
		quote(rf.Quote)
	}
	var conds []string
	for _, b := range sc.Bands {
		if len(b.Requires) > 0 {
			conds = append(conds, "评为“"+b.Name+"”还须："+conditionWords(sc, b.Requires))
		}
		if b.Within != "" {
			conds = append(conds, "“"+b.Name+"”在“"+bandName(sc, b.Within)+"”中产生")
		}
	}
	if len(conds) > 0 {
		box.Add(boldLabel("等次的其他条件"))
		box.Add(wrapLabel("· " + strings.Join(conds, "\n· ")))
	}
	if len(sc.Facts) > 0 {
		var fs []string
		for _, f := range sc.Facts {
			w := f.Label
			if f.Flag {
				w += "（是/否）"
			} else if f.Unit != "" {
				w += "（" + f.Unit + "）"
			}
			fs = append(fs, w)
		}
		box.Add(boldLabel("考核对象另需提供的情况"))
		box.Add(wrapLabel(strings.Join(fs, "、")))
	}
	if len(box.Objects) == 1 {
		box.Add(widget.NewLabel("本方案没有其他规定。"))
	}
	return container.NewVScroll(box)
}

// readOther puts the tab's numbers into sc; an error names the rule.
func (d *settingsDialog) readOther(sc *model.Scheme) error {
	o := &d.other
	for i := range sc.Caps {
		c, r := &sc.Caps[i], o.caps[i]
		what := fmt.Sprintf("扣分和限制第%d条“%s”", i+1, c.Title)
		ded, err := model.ParseDecimal(orZero(cleanNumber(r.deduct.Text)))
		if err != nil || ded.Sign() < 0 {
			return model.FieldErrorf("Caps", "%s的扣分“%s”应为不小于0的数字", what, r.deduct.Text)
		}
		low, err := strconv.Atoi(orZero(cleanNumber(r.lower.Text)))
		if err != nil || low < 0 || low > len(sc.Bands) {
			return model.FieldErrorf("Caps", "%s的降低等次数“%s”应为0至%d的整数", what, r.lower.Text, len(sc.Bands))
		}
		c.Deduct, c.Lower, c.MaxBand = ded, low, bandCode(sc, r.maxBand.Selected)
	}
	for i := range sc.Vetoes {
		v, r := &sc.Vetoes[i], o.vetoes[i]
		if v.Title = strings.TrimSpace(r.title.Text); v.Title == "" {
			return model.FieldErrorf("Vetoes", "一票否决第%d条没有填写内容", i+1)
		}
		v.Effect, v.MaxBand = model.VetoDisqualify, ""
		if r.effect.Selected == vetoEffects[1] {
			v.Effect, v.MaxBand = model.VetoNoAward, bandCode(sc, r.maxBand.Selected)
		}
	}
	if st := sc.Stars; st != nil {
		for i, e := range o.stars {
			if e == nil {
				continue
			}
			star := &st.Stars[i]
			x, err := model.ParseDecimal(cleanNumber(e.Text))
			if err != nil || x.Sign() < 0 {
				return model.FieldErrorf("Stars", "“%s”的得星分数“%s”不是数字", star.Name, e.Text)
			}
			earn := *star.Earn
			earn.From = x.P()
			star.Earn = &earn
		}
	}
	if rf := sc.RedFlag; rf != nil {
		n, err := strconv.Atoi(cleanNumber(o.flagN.Text))
		if err != nil || n < 1 {
			return model.FieldErrorf("RedFlag", "%s的个数“%s”应为正整数", rf.Name, o.flagN.Text)
		}
		flag := *rf
		flag.Count, flag.MinBand = n, bandCode(sc, o.flagB.Selected)
		sc.RedFlag = &flag
	}
	return nil
}

// otherWords writes the editable rules in words, one a line, for the list
// of changes.
func otherWords(sc *model.Scheme) string {
	var lines []string
	for _, c := range sc.Caps {
		var what []string
		if !c.Deduct.IsZero() {
			what = append(what, "扣"+c.Deduct.String()+"分")
		}
		if c.Lower > 0 {
			what = append(what, fmt.Sprintf("降低%d个等次", c.Lower))
		}
		if c.MaxBand != "" {
			what = append(what, "最高为“"+bandName(sc, c.MaxBand)+"”")
		}
		lines = append(lines, c.Title+"："+strings.Join(what, "，"))
	}
	for _, v := range sc.Vetoes {
		effect := vetoEffects[0]
		if v.Effect == model.VetoNoAward {
			effect = vetoEffects[1] + "“" + bandName(sc, v.MaxBand) + "”"
		}
		lines = append(lines, "一票否决“"+v.Title+"”："+effect)
	}
	if st := sc.Stars; st != nil {
		for _, s := range st.Stars {
			if s.Earn != nil {
				lines = append(lines, s.Name+"：得分"+s.Earn.Describe("分"))
			}
		}
	}
	if rf := sc.RedFlag; rf != nil {
		lines = append(lines, fmt.Sprintf("%s：评出%d个，等次至少为%s", rf.Name, rf.Count, bandName(sc, rf.MinBand)))
	}
	return strings.Join(lines, "\n")
}

// conditionWords writes conditions in words: their own label, else the
// fact's name with the comparison ("满意率 不低于 80%").
func conditionWords(sc *model.Scheme, cs []model.Condition) string {
	ops := map[model.Op]string{model.OpGE: "不低于", model.OpGT: "高于", model.OpLE: "不高于", model.OpLT: "低于", model.OpEQ: "等于", model.OpNE: "不等于"}
	computed := map[string]string{model.FactScore: "等级总分", model.FactTotal: "总分", model.FactStars: "得星数", model.FactStarAvg: "每颗星平均得分"}
	var out []string
	for _, c := range cs {
		if c.Label != "" {
			out = append(out, c.Label)
			continue
		}
		name, unit := computed[c.Fact], ""
		if f := sc.Fact(c.Fact); f != nil {
			name, unit = f.Label, f.Unit
			if f.Flag {
				if c.Holds(model.Dec(1)) {
					out = append(out, name)
				} else {
					out = append(out, "不是"+name)
				}
				continue
			}
		}
		if name == "" {
			name = "考核对象的情况"
		}
		out = append(out, name+ops[c.Op]+c.Value.String()+unit)
	}
	return strings.Join(out, "且")
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}
