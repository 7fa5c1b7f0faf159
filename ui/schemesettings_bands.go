package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// bandNames are the names offered for a band; any other can be typed.
var bandNames = []string{"五星级", "四星级", "三星级", "二星级", "一星级", "无星", "优秀", "良好", "合格", "基本合格", "不合格"}

// bandRow is one band being edited: its name, lowest score (included) and
// highest score (excluded unless 含最高分 is ticked; empty: no upper bound).
// A row made from a band of the scheme keeps that band's code, conditions,
// quote and whether its lower bound is excluded, so a row left alone gives
// back the very band it showed.
type bandRow struct {
	band  model.Band // the band the row was made from (zero for a new row)
	name  *widget.SelectEntry
	from  *textEntry
	to    *textEntry
	toInc *widget.Check
	del   *widget.Button
}

func (d *settingsDialog) bandsTab(sc *model.Scheme) fyne.CanvasObject {
	d.bonus = newCheck("加分项计入评定等次的总分", func(bool) { d.update() })
	d.bonus.SetChecked(sc.BonusInGrade)
	if sc.Stars != nil && sc.Stars.BandByCount {
		d.bandsByStars = true
		box := container.NewVBox(boldLabel("本方案按得星数定等次"))
		for _, b := range sc.Bands {
			need := "（未规定所需星数）"
			if b.MinStars != nil {
				need = fmt.Sprintf("得星%d颗及以上", *b.MinStars)
			}
			box.Add(widget.NewLabel(b.Name + "：" + need))
		}
		box.Add(lowLabel("所需星数暂不能在这里修改。"))
		box.Add(d.bonus)
		return container.NewVScroll(box)
	}
	for _, b := range sc.Bands {
		d.bandRows = append(d.bandRows, d.newBandRow(b))
	}
	d.bandBox = container.NewVBox()
	d.showBands()
	add := newIconButton("增加一档", theme.ContentAddIcon(), d.onAddBand)
	help := lowLabel("从高到低每行一档。最低分含本数；最高分不含本数，勾选“含最高分”则包括；最高一档的最高分可以空着，表示不设上限。")
	return container.NewVScroll(container.NewVBox(d.bandBox, container.NewHBox(add), help, d.bonus))
}

func (d *settingsDialog) newBandRow(b model.Band) *bandRow {
	r := &bandRow{band: b}
	r.name = widget.NewSelectEntry(bandNames)
	r.name.PlaceHolder = "等次名称"
	r.name.SetText(b.Name)
	r.name.OnChanged = safely1(func(string) { d.update() })
	r.name.OnSubmitted = safely1(func(string) { d.applyAndClose() })
	num := func(x *model.Decimal) string {
		if x == nil {
			return ""
		}
		return x.String()
	}
	r.from = d.entry(num(b.Range.From))
	r.from.PlaceHolder = "不设下限"
	r.to = d.entry(num(b.Range.To))
	r.to.PlaceHolder = "不设上限"
	r.toInc = newCheck("含最高分", func(bool) { d.update() })
	r.toInc.SetChecked(b.Range.ToIncl)
	r.del = newIconButton("删除", theme.DeleteIcon(), func() { d.onDeleteBand(r) })
	return r
}

// showBands redraws the band rows under their headings.
func (d *settingsDialog) showBands() {
	d.bandBox.RemoveAll()
	d.bandBox.Add(container.NewGridWithColumns(5, boldLabel("等次名称"), boldLabel("最低分（含）"),
		boldLabel("最高分"), widget.NewLabel(""), widget.NewLabel("")))
	if len(d.bandRows) == 0 {
		d.bandBox.Add(widget.NewLabel("本方案没有等次，按“增加一档”添加。"))
	}
	for _, r := range d.bandRows {
		d.bandBox.Add(container.NewGridWithColumns(5, r.name, r.from, r.to, r.toInc, container.NewHBox(r.del)))
	}
	d.bandBox.Refresh()
}

// onAddBand adds an empty row below the others.
func (d *settingsDialog) onAddBand() {
	r := d.newBandRow(model.Band{})
	if n := len(d.bandRows); n > 0 {
		r.to.SetText(strings.TrimSpace(d.bandRows[n-1].from.Text))
	}
	d.bandRows = append(d.bandRows, r)
	d.showBands()
	d.update()
}

func (d *settingsDialog) onDeleteBand(r *bandRow) {
	for i, x := range d.bandRows {
		if x == r {
			d.bandRows = append(d.bandRows[:i:i], d.bandRows[i+1:]...)
		}
	}
	d.showBands()
	d.update()
}

// readBands reads the rows into bands, best first. An error names the row:
// a missing or repeated name, a number that is not one, a lower bound not
// below the upper, a bound outside 0 to the total (above it allowed when
// bonus points count), two rows whose ranges overlap.
func (d *settingsDialog) readBands(total model.Decimal, bonusIn bool) ([]model.Band, error) {
	var out []model.Band
	names := map[string]int{}
	for i, r := range d.bandRows {
		n := i + 1
		name := strings.TrimSpace(r.name.Text)
		if name == "" {
			return nil, model.FieldErrorf("Bands", "等次第%d行没有填写名称", n)
		}
		if k, dup := names[name]; dup {
			return nil, model.FieldErrorf("Bands", "等次第%d行的名称“%s”与第%d行重复", n, name, k)
		}
		names[name] = n
		b := r.band
		b.Name = name
		var err error
		if b.Range.From, err = boundOf(r.from.Text); err != nil {
			return nil, model.FieldErrorf("Bands", "等次第%d行“%s”的最低分“%s”不是数字", n, name, r.from.Text)
		}
		if b.Range.To, err = boundOf(r.to.Text); err != nil {
			return nil, model.FieldErrorf("Bands", "等次第%d行“%s”的最高分“%s”不是数字", n, name, r.to.Text)
		}
		if b.Range.From == nil {
			b.Range.FromExcl = false
		}
		b.Range.ToIncl = r.toInc.Checked && b.Range.To != nil
		for _, x := range []*model.Decimal{b.Range.From, b.Range.To} {
			if x == nil {
				continue
			}
			if x.Sign() < 0 || (!total.IsZero() && !bonusIn && x.Cmp(total) > 0) {
				return nil, model.FieldErrorf("Bands", "等次第%d行“%s”的分数%s超出了0至%s分", n, name, x, total)
			}
		}
		if b.Range.From == nil && b.Range.To == nil {
			return nil, model.FieldErrorf("Bands", "等次第%d行“%s”没有填写分数（最低分、最高分至少填一个）", n, name)
		}
		if b.Range.Empty() {
			return nil, model.FieldErrorf("Bands", "等次第%d行“%s”的最低分应小于最高分", n, name)
		}
		for j, o := range out {
			if overlaps(o.Range, b.Range) {
				return nil, model.FieldErrorf("Bands", "等次第%d行“%s”与第%d行“%s”的分数范围重叠（%s，%s）",
					n, name, j+1, o.Name, b.Range.Describe("分"), o.Range.Describe("分"))
			}
		}
		out = append(out, b)
	}
	codes := map[string]bool{}
	for _, b := range d.before.Bands {
		codes[b.Code] = true
	}
	for i := range out {
		for k := 1; out[i].Code == ""; k++ {
			if c := "b" + strconv.Itoa(k); !codes[c] {
				out[i].Code, codes[c] = c, true
			}
		}
	}
	return out, nil
}

// boundOf reads a bound as people type it; "" is no bound.
func boundOf(text string) (*model.Decimal, error) {
	t := cleanNumber(text)
	if t == "" {
		return nil, nil
	}
	d, err := model.ParseDecimal(t)
	if err != nil {
		return nil, err
	}
	return d.P(), nil
}

// overlaps reports whether some number lies in both ranges.
func overlaps(a, b model.Range) bool {
	var r model.Range
	switch {
	case a.From == nil:
		r.From, r.FromExcl = b.From, b.FromExcl
	case b.From == nil:
		r.From, r.FromExcl = a.From, a.FromExcl
	default:
		c := a.From.Cmp(*b.From)
		r.From, r.FromExcl = a.From, a.FromExcl
		if c < 0 {
			r.From, r.FromExcl = b.From, b.FromExcl
		} else if c == 0 {
			r.FromExcl = a.FromExcl || b.FromExcl
		}
	}
	switch {
	case a.To == nil:
		r.To, r.ToIncl = b.To, b.ToIncl
	case b.To == nil:
		r.To, r.ToIncl = a.To, a.ToIncl
	default:
		c := a.To.Cmp(*b.To)
		r.To, r.ToIncl = a.To, a.ToIncl
		if c > 0 {
			r.To, r.ToIncl = b.To, b.ToIncl
		} else if c == 0 {
			r.ToIncl = a.ToIncl && b.ToIncl
		}
	}
	return !r.Empty()
}

// bandWords writes the bands in words, one a line: "四星级 90分至95分（…）",
// "五星级 得星5颗及以上".
func bandWords(sc *model.Scheme) string {
	var lines []string
	for _, b := range sc.Bands {
		if b.MinStars != nil {
			lines = append(lines, fmt.Sprintf("%s 得星%d颗及以上", b.Name, *b.MinStars))
			continue
		}
		lines = append(lines, b.Name+" "+b.Range.Describe("分"))
	}
	return strings.Join(lines, "\n")
}
