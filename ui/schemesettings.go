package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// settingsDialog is the 方案设置 dialog: the scheme-level settings of the
// scheme screen's working copy (name, total, period, source weights, bands,
// quotas, bonus in grade), checked by the model as they are typed and
// applied to the working copy as one unsaved change.
type settingsDialog struct {
	s      *SchemesScreen
	before model.Scheme // the working copy when the dialog opened
	d      dialog.Dialog
	tabs   *container.AppTabs
	ready  bool
	closed bool

	name, total  *textEntry
	period       *widget.SelectEntry
	srcWeight    []*textEntry
	srcName      []*textEntry
	srcAgg       []*widget.Select
	srcMin       []*textEntry
	weightSum    *widget.Label
	missing      *widget.RadioGroup
	bandRows     []*bandRow
	bandBox      *fyne.Container
	bandsByStars bool // the scheme bands by stars: the rows are not shown
	bonus        *widget.Check
	other        otherRules
	quotas       []*quotaRow
	quotaBox     *fyne.Container
	addBand      *widget.Select
	addMode      *widget.Select
	addShare     *textEntry
	addScope     *widget.Select
	check        *widget.Label // the candidate's problems
	errText      *widget.Label // why 应用 was refused
	apply        *widget.Button
}

// quotaRow is one quota being edited: the quota and the widgets for its
// mode and amount.
type quotaRow struct {
	q      model.Quota
	mode   *widget.Select
	amount *textEntry
}

var (
	aggNames     = map[model.Aggregation]string{model.AggMean: "平均值", model.AggTrimmed: "去掉最高最低分后平均", model.AggMedian: "中位数"}
	missingNames = []string{"按其余来源的权重折算（默认）", "缺少的来源按0分计"}
	modeNames    = []string{"不超过", "不少于"}
	scopeNames   = []string{"全部考核对象中", "每个上级党组织内"}
)

// showSettings opens the 方案设置 dialog on the working copy and returns it.
func (s *SchemesScreen) showSettings() *settingsDialog {
	if s.chosen < 0 {
		return nil
	}
	d := &settingsDialog{s: s, before: copyScheme(s.current)}
	sc := &d.before
	d.check = widget.NewLabel("")
	d.check.Wrapping = fyne.TextWrapWord
	d.check.Importance = widget.WarningImportance
	d.errText = widget.NewLabel("")
	d.errText.Wrapping = fyne.TextWrapWord
	d.errText.Importance = widget.DangerImportance
	d.tabs = newTabs(
		container.NewTabItem("基本信息", d.basicTab(sc)),
		container.NewTabItem("评分来源与权重", d.sourcesTab(sc)),
		container.NewTabItem("等次/星级", d.bandsTab(sc)),
		container.NewTabItem("比例控制", d.quotasTab(sc)),
		container.NewTabItem("其他规定", d.otherTab(sc)),
	)
	cancel := newIconButton("取消", theme.CancelIcon(), d.close)
	d.apply = newIconButton("应用", theme.ConfirmIcon(), d.applyAndClose)
	d.apply.Importance = widget.HighImportance
	hint := widget.NewLabel("应用后为未保存的修改，请再按“保存为新版本”保存。")
	hint.Importance = widget.LowImportance
	bottom := container.NewVBox(widget.NewSeparator(), d.check, d.errText,
		container.NewHBox(hint, layout.NewSpacer(), cancel, d.apply))
	d.d = dialog.NewCustomWithoutButtons("方案设置 — "+sc.Name, container.NewBorder(nil, bottom, nil, nil, d.tabs), s.win)
	d.d.Resize(fyne.NewSize(860, 620))
	d.ready = true
	d.update()
	// Enter applies and Escape cancels, in a field (see entry) or not.
	prevKey := s.win.Canvas().OnTypedKey()
	s.win.Canvas().SetOnTypedKey(safely1(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			d.applyAndClose()
		case fyne.KeyEscape:
			d.close()
		}
	}))
	d.d.SetOnClosed(func() { s.win.Canvas().SetOnTypedKey(prevKey) })
	d.d.Show()
	return d
}

// applyAndClose applies the settings and closes the dialog, or shows why
// they cannot be applied.
func (d *settingsDialog) applyAndClose() {
	if err := d.onApply(); err != nil {
		d.errText.SetText(model.ErrorMessage(err))
		return
	}
	d.errText.SetText("")
	d.close()
}

func (d *settingsDialog) close() {
	d.closed = true
	d.d.Hide()
}

func (d *settingsDialog) basicTab(sc *model.Scheme) fyne.CanvasObject {
	d.name = d.entry(sc.Name)
	d.total = d.entry(sc.Total.String())
	d.period = widget.NewSelectEntry([]string{"年度", "半年", "季度", "月度"})
	d.period.SetText(sc.Period)
	d.period.OnChanged = safely1(func(string) { d.update() })
	subject := "党组织"
	if sc.Subject == model.SubjectMember {
		subject = "党员"
	}
	source := wrapLabel(sc.Source)
	return container.NewVScroll(widget.NewForm(
		widget.NewFormItem("方案名称", d.name),
		widget.NewFormItem("规定总分（分）", d.total),
		widget.NewFormItem("考核周期", d.period),
		widget.NewFormItem("版本", widget.NewLabel(sc.Version)),
		widget.NewFormItem("考核对象", widget.NewLabel(subject)),
		widget.NewFormItem("依据文件", source),
	))
}

func (d *settingsDialog) sourcesTab(sc *model.Scheme) fyne.CanvasObject {
	grid := container.NewGridWithColumns(4, boldLabel("评分来源"), boldLabel("权重（%）"), boldLabel("多人评分时取"), boldLabel("最少评分人数"))
	aggs := []string{aggNames[model.AggMean], aggNames[model.AggTrimmed], aggNames[model.AggMedian]}
	for _, src := range sc.Sources {
		name, weight := d.entry(src.Name), d.entry(src.Weight.String())
		agg := selectOf(aggs, aggNames[src.Aggregate])
		if src.Aggregate == "" {
			agg.SetSelected(aggNames[model.AggMean])
		}
		agg.OnChanged = safely1(func(string) { d.update() })
		minText := ""
		if src.MinRaters > 0 {
			minText = strconv.Itoa(src.MinRaters)
		}
		least := d.entry(minText)
		least.PlaceHolder = "不限"
		d.srcName, d.srcWeight, d.srcAgg, d.srcMin = append(d.srcName, name), append(d.srcWeight, weight), append(d.srcAgg, agg), append(d.srcMin, least)
		grid.Add(name)
		grid.Add(weight)
		grid.Add(agg)
		grid.Add(least)
	}
	d.weightSum = widget.NewLabel("")
	d.missing = widget.NewRadioGroup(missingNames, func(string) { d.update() })
	d.missing.SetSelected(missingNames[0])
	if sc.MissingSource == model.MissingZero {
		d.missing.SetSelected(missingNames[1])
	}
	note := wrapLabel("各来源权重之和应为100%，例如 自评30、考评70。“去掉最高最低分后平均”在3人及以上评分时使用。")
	note.Importance = widget.LowImportance
	return container.NewVScroll(container.NewVBox(grid, d.weightSum, note,
		boldLabel("某一来源没有分数时"), d.missing))
}

// candidate returns the working copy with the dialog's settings, or why
// something typed cannot be read.
func (d *settingsDialog) candidate() (model.Scheme, error) {
	sc := copyScheme(d.before)
	sc.Name = strings.TrimSpace(d.name.Text)
	total, err := model.ParseDecimal(cleanNumber(d.total.Text))
	if err != nil {
		return sc, model.FieldErrorf("Total", "规定总分“%s”不是数字", d.total.Text)
	}
	sc.Total, sc.Period = total, strings.TrimSpace(d.period.Text)
	for i := range sc.Sources {
		src := &sc.Sources[i]
		src.Name = strings.TrimSpace(d.srcName[i].Text)
		if src.Weight, err = model.ParseDecimal(cleanNumber(d.srcWeight[i].Text)); err != nil {
			return sc, model.FieldErrorf("Sources", "“%s”的权重“%s”不是数字", src.Name, d.srcWeight[i].Text)
		}
		for a, n := range aggNames {
			if n == d.srcAgg[i].Selected && !(a == model.AggMean && src.Aggregate == "") {
				src.Aggregate = a
			}
		}
		if src.Aggregate == model.AggTrimmed && src.TrimFrom < 3 {
			src.TrimFrom = 3
		}
		src.MinRaters = 0
		if t := cleanNumber(d.srcMin[i].Text); t != "" {
			if src.MinRaters, err = strconv.Atoi(t); err != nil || src.MinRaters < 0 {
				return sc, model.FieldErrorf("Sources", "“%s”的最少评分人数“%s”不是整数", src.Name, d.srcMin[i].Text)
			}
		}
	}
	if d.missing.Selected == missingNames[1] {
		sc.MissingSource = model.MissingZero
	} else if sc.MissingSource == model.MissingZero {
		sc.MissingSource = model.MissingRenormalize
	}
	sc.BonusInGrade = d.bonus.Checked
	if !d.bandsByStars {
		if sc.Bands, err = d.readBands(sc.Total, sc.BonusInGrade); err != nil {
			return sc, err
		}
	}
	sc.Quotas = nil
	for _, r := range d.quotas {
		q := r.q
		q.Mode = model.QuotaAtMost
		if r.mode.Selected == modeNames[1] {
			q.Mode = model.QuotaAtLeast
		}
		bad := model.FieldErrorf("Quotas", "比例控制“%s”的数值“%s”不正确", spanWords(&d.before, q), r.amount.Text)
		if q.Count != nil {
			n, err := strconv.Atoi(cleanNumber(r.amount.Text))
			if err != nil {
				return sc, bad
			}
			q.Count = &n
		} else {
			share, err := model.ParseDecimal(cleanNumber(r.amount.Text))
			if err != nil {
				return sc, bad
			}
			q.Share = share.P()
		}
		sc.Quotas = append(sc.Quotas, q)
	}
	if err := d.readOther(&sc); err != nil {
		return sc, err
	}
	sc.Notes = sc.Notes[:0]
	for _, n := range d.before.Notes {
		if !removedRef(&d.before, &sc, n.Ref) {
			sc.Notes = append(sc.Notes, n)
		}
	}
	return sc, nil
}

// removedRef reports whether ref names a band or quota of a that b no
// longer has; a note about it has nothing left to explain.
func removedRef(a, b *model.Scheme, ref string) bool {
	had, has := a.BandIndex(ref) >= 0, b.BandIndex(ref) >= 0
	for _, q := range a.Quotas {
		had = had || q.Code == ref
	}
	for _, q := range b.Quotas {
		has = has || q.Code == ref
	}
	return ref != "" && had && !has
}

// update shows the weight sum and the candidate's problems that concern
// the settings or are new.
func (d *settingsDialog) update() {
	if !d.ready {
		return
	}
	if d.errText.Text != "" {
		d.errText.SetText("") // an edit answers the last refusal
	}
	var sum model.Decimal
	for _, e := range d.srcWeight {
		w, _ := model.ParseDecimal(cleanNumber(e.Text))
		sum = sum.Add(w)
	}
	if sum.Equal(model.Dec(100)) {
		d.weightSum.SetText("权重合计 100% ✓")
	} else {
		d.weightSum.SetText("权重合计 " + sum.String() + "% ✗ 应为100%")
	}
	sc, err := d.candidate()
	if err != nil {
		d.check.Importance = widget.WarningImportance
		d.check.SetText("· " + model.ErrorMessage(err))
		return
	}
	old := problemSet(d.before.Problems())
	var lines []string
	for _, p := range sc.Problems() {
		if settingsProblem[p.Code] || !old[p.Message] {
			lines = append(lines, "· "+p.Message)
		}
	}
	d.check.Importance = widget.WarningImportance
	if len(lines) == 0 {
		d.check.Importance = widget.SuccessImportance
		d.check.SetText("检查结果：方案设置没有发现问题")
		return
	}
	if n := len(lines); n > 6 {
		lines = append(lines[:5], fmt.Sprintf("……等共%d个问题，应用后在方案页查看全部", n))
	}
	d.check.SetText("检查发现的问题：\n" + strings.Join(lines, "\n"))
}

// settingsProblem lists the problem kinds the dialog shows even when they
// were there before it opened.
var settingsProblem = map[model.ProblemCode]bool{
	model.PTotalMissing: true, model.PWeights: true, model.PSource: true, model.PBandGap: true,
	model.PBandOverlap: true, model.PBandBound: true, model.PQuota: true, model.PQuotaImpossible: true,
}

func problemSet(ps model.Problems) map[string]bool {
	out := map[string]bool{}
	for _, p := range ps {
		out[p.Message] = true
	}
	return out
}

// onApply puts the settings into the working copy; weights that do not sum
// to 100% and new fatal problems refuse it, with the reason.
func (d *settingsDialog) onApply() error {
	sc, err := d.candidate()
	if err != nil {
		return err
	}
	old := problemSet(d.before.Problems())
	var block []string
	for _, p := range sc.Problems() {
		if p.Code == model.PWeights || (p.Fatal && !old[p.Message]) {
			block = append(block, p.Message)
		}
	}
	if len(block) > 0 {
		return model.Errorf(model.EInvalid, "不能应用：%s", strings.Join(block, "；"))
	}
	if change := settingsChange(d.before, sc); change != "" {
		d.s.current = sc
		d.s.edited(change)
	}
	return nil
}

// entry returns an entry with text that re-checks the dialog when changed.
func (d *settingsDialog) entry(text string) *textEntry {
	e := newEntry()
	e.SetText(text)
	e.OnChanged = safely1(func(string) { d.update() })
	e.OnSubmitted = safely1(func(string) { d.applyAndClose() })
	e.setOnEscape(d.close)
	return e
}

// cleanNumber drops what people type around a number: spaces, %, 分, 个,
// full-width digits and points.
func cleanNumber(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．' || r == '。':
			return '.'
		case r == ' ' || r == '　' || r == '%' || r == '％' || r == '分' || r == '个' || r == '人':
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func lowLabel(text string) *widget.Label {
	l := wrapLabel(text)
	l.Importance = widget.LowImportance
	return l
}

// settingsChange describes in words what the dialog changed, "" nothing.
func settingsChange(a, b model.Scheme) string {
	var parts []string
	diff := func(what, x, y string) {
		if x != y {
			parts = append(parts, what+" "+orNone(x)+" → "+orNone(y))
		}
	}
	lines := func(what, x, y string) {
		xs, ys := strings.Split(x, "\n"), strings.Split(y, "\n")
		diff(what, strings.Join(minus(xs, ys), "，"), strings.Join(minus(ys, xs), "，"))
	}
	diff("名称", a.Name, b.Name)
	diff("规定总分", a.Total.String()+"分", b.Total.String()+"分")
	diff("考核周期", a.Period, b.Period)
	diff("评分来源", sourcesWords(a), sourcesWords(b))
	diff("缺少来源时", missingNames[btoi(a.MissingSource == model.MissingZero)], missingNames[btoi(b.MissingSource == model.MissingZero)])
	lines("等次", bandWords(&a), bandWords(&b))
	diff("加分计入等次", []string{"否", "是"}[btoi(a.BonusInGrade)], []string{"否", "是"}[btoi(b.BonusInGrade)])
	lines("比例控制", quotaLines(&a), quotaLines(&b))
	lines("其他规定", otherWords(&a), otherWords(&b))
	if len(parts) == 0 {
		return ""
	}
	return "方案设置：" + strings.Join(parts, "；")
}

func sourcesWords(sc model.Scheme) string {
	var out []string
	for _, s := range sc.Sources {
		w := s.Name + s.Weight.String() + "%"
		if s.Aggregate != "" && s.Aggregate != model.AggMean {
			w += "（" + aggNames[s.Aggregate] + "）"
		}
		if s.MinRaters > 0 {
			w += fmt.Sprintf("（至少%d人）", s.MinRaters)
		}
		out = append(out, w)
	}
	return strings.Join(out, "、")
}

func minus(xs, ys []string) []string {
	var out []string
	for _, x := range xs {
		found := false
		for _, y := range ys {
			found = found || x == y
		}
		if !found && x != "" {
			out = append(out, x)
		}
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "（无）"
	}
	return s
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
