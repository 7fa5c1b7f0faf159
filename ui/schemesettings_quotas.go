package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

func (d *settingsDialog) quotasTab(sc *model.Scheme) fyne.CanvasObject {
	for _, q := range sc.Quotas {
		d.quotas = append(d.quotas, d.newQuotaRow(q))
	}
	d.quotaBox = container.NewVBox()
	d.showQuotas()
	var names []string
	for _, b := range sc.Bands {
		names = append(names, b.Name)
	}
	d.addBand = selectOf(names, "")
	d.addMode = selectOf(modeNames, modeNames[0])
	d.addShare = newEntry()
	d.addShare.PlaceHolder = "如 10"
	d.addScope = selectOf(scopeNames, scopeNames[0])
	add := newIconButton("添加", theme.ContentAddIcon(), d.onAddQuota)
	addRow := container.NewHBox(container.NewGridWrap(fyne.NewSize(190, d.addScope.MinSize().Height), d.addScope), d.addBand, d.addMode, container.NewGridWrap(fyne.NewSize(80, d.addShare.MinSize().Height), d.addShare), widget.NewLabel("%"), add)
	return container.NewVScroll(container.NewVBox(d.quotaBox, widget.NewSeparator(), boldLabel("新增比例控制"), addRow))
}

func (d *settingsDialog) newQuotaRow(q model.Quota) *quotaRow {
	r := &quotaRow{q: q, mode: selectOf(modeNames, modeNames[0]), amount: d.entry("")}
	if q.Mode == model.QuotaAtLeast {
		r.mode.SetSelected(modeNames[1])
	}
	r.mode.OnChanged = safely1(func(string) { d.update() })
	if q.Share != nil {
		r.amount.SetText(q.Share.String())
	} else if q.Count != nil {
		r.amount.SetText(strconv.Itoa(*q.Count))
	}
	return r
}

// showQuotas redraws the quota rows.
func (d *settingsDialog) showQuotas() {
	d.quotaBox.RemoveAll()
	if len(d.quotas) == 0 {
		d.quotaBox.Add(widget.NewLabel("本方案没有比例控制。"))
	}
	for _, r := range d.quotas {
		scope := scopeNames[0]
		if r.q.PerParent {
			scope = scopeNames[1]
		}
		unit := "%"
		if r.q.Count != nil {
			unit = "个"
		}
		del := newIconButton("删除", theme.DeleteIcon(), func() {
			for i, x := range d.quotas {
				if x == r {
					d.quotas = append(d.quotas[:i:i], d.quotas[i+1:]...)
				}
			}
			d.showQuotas()
			d.update()
		})
		amount := container.NewGridWrap(fyne.NewSize(80, r.amount.MinSize().Height), r.amount)
		line := container.NewHBox(widget.NewLabel(scope+"“"+spanWords(&d.before, r.q)+"”"), r.mode, amount, widget.NewLabel(unit), layout.NewSpacer(), del)
		d.quotaBox.Add(line)
		if r.q.Quote != "" {
			d.quotaBox.Add(lowLabel("原文：" + r.q.Quote))
		}
	}
	d.quotaBox.Refresh()
}

func (d *settingsDialog) onAddQuota() {
	i := d.addBand.SelectedIndex()
	share, err := model.ParseDecimal(cleanNumber(d.addShare.Text))
	if i < 0 || err != nil {
		d.errText.SetText("新增比例控制：请选择等次并填写比例（如 10）")
		return
	}
	q := model.Quota{Code: d.freeQuotaCode(), Band: d.before.Bands[i].Code, Mode: model.QuotaAtMost, Share: share.P(),
		PerParent: d.addScope.SelectedIndex() == 1}
	if d.addMode.SelectedIndex() == 1 {
		q.Mode = model.QuotaAtLeast
	}
	d.quotas = append(d.quotas, d.newQuotaRow(q))
	d.addShare.SetText("")
	d.errText.SetText("")
	d.showQuotas()
	d.update()
}

func (d *settingsDialog) freeQuotaCode() string {
	for n := len(d.quotas) + 1; ; n++ {
		code, used := "q"+strconv.Itoa(n), false
		for _, r := range d.quotas {
			used = used || r.q.Code == code
		}
		if !used {
			return code
		}
	}
}

// spanWords names the bands a quota counts: "五星级", "一星级及以下".
func spanWords(sc *model.Scheme, q model.Quota) string {
	name := q.Band
	if i := sc.BandIndex(q.Band); i >= 0 {
		name = sc.Bands[i].Name
	}
	switch q.Span {
	case model.SpanAndAbove:
		name += "及以上"
	case model.SpanAndBelow:
		name += "及以下"
	}
	return name
}

// quotaLines writes each quota in words: "五星级 不超过10%".
func quotaLines(sc *model.Scheme) string {
	var lines []string
	for _, q := range sc.Quotas {
		l := spanWords(sc, q) + " " + modeNames[0]
		if q.Mode == model.QuotaAtLeast {
			l = spanWords(sc, q) + " " + modeNames[1]
		}
		if q.Share != nil {
			l += q.Share.String() + "%"
		} else if q.Count != nil {
			l += strconv.Itoa(*q.Count) + "个"
		}
		if q.PerParent {
			l += "（每个上级党组织内）"
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}
