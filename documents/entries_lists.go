package documents

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"xingji/model"
	"xingji/model/formspec"
)

// entriesOptionSheet is the hidden sheet holding the drop-down lists of
// 一票否决 (veto titles, unit codes): a literal list longer than 255
// characters is not allowed in a data validation.
const entriesOptionSheet = "选项"

// vetoLine is a standing veto pre-filled on 一票否决.
type vetoLine struct {
	unit model.Unit
	veto model.Veto
	key  model.EntryKey
}

// standingVetoes lists the vetoes in force for the units in scope, in the
// order of the units and of the scheme's list.
func (e *entriesWriter) standingVetoes() []vetoLine {
	var out []vetoLine
	for _, u := range e.spec.Units {
		for _, v := range e.p.Scheme.Vetoes {
			key := model.EntryKey{Subject: formspec.UnitSubject(u.ID).String(), Kind: model.EntryVeto, Name: v.Code}
			if e.spec.Current[key] != "" {
				out = append(out, vetoLine{u, v, key})
			}
		}
	}
	return out
}

// vetoSheet writes 一票否决: the vetoes in force, then blank lines; each
// line a unit (by 组织编码 or 名称), the veto (a drop-down of the scheme's
// list), 原因, 文号 and 状态 (有效/撤销).
func (e *entriesWriter) vetoSheet(w *formWriter) {
	p := e.p
	const cNo, cCode, cName, cVeto, cReason, cDoc, cState = 2, 3, 4, 5, 6, 7, 8
	w.keys(model.RoleEntryVetoes, map[int]string{cCode: formspec.KeyUnit, cName: formspec.KeyUnitName, cVeto: formspec.KeyVeto,
		cReason: formspec.KeyReason, cDoc: formspec.KeyDocNo, cState: formspec.KeyState})
	w.widths(5, 12, 22, 36, 30, 18, 8)
	w.heading(cState, p.Name+" 一票否决录入",
		"考评周期："+p.Name+"    考核方案："+p.Scheme.Name+"（版本 "+p.Scheme.Version+"）",
		"每行一项：填组织编码（或党组织名称），从下拉列表中选择否决事项，写明原因和文号。已列出的是目前有效的否决；要撤销，把“状态”改为“撤销”并在“原因”中写明撤销的理由。")
	w.row++
	header := w.row
	for i, h := range []string{"序号", "组织编码", "党组织名称", "否决事项", "原因", "文号", "状态"} {
		w.set(cNo+i, header, h, w.st.header)
	}
	top := w.row + 1
	n := 0
	line := func(key string, values ...any) {
		w.row++
		n++
		w.rowKey(w.row, key)
		w.set(cNo, w.row, n, w.st.center)
		for i := 0; i < cState-cCode+1; i++ {
			var v any
			if i < len(values) {
				v = values[i]
			}
			style := w.st.inputText
			if cCode+i == cCode || cCode+i == cState {
				style = w.st.input
			}
			w.set(cCode+i, w.row, v, style)
		}
		w.do(w.f.SetRowHeight(w.sheet, w.row, 24))
	}
	for _, v := range e.standingVetoes() {
		note := e.spec.VetoNotes[v.key]
		line(formspec.VetoRowKey(v.key.Subject, v.veto.Code), v.unit.Code, v.unit.Name, v.veto.Title,
			nilIfEmpty(note.Reason), nilIfEmpty(note.DocNo), formspec.VetoActive)
		e.prefill = append(e.prefill, prefilled{key: v.key, value: e.spec.Current[v.key], reason: note.Reason, docNo: note.DocNo})
	}
	for i := 1; i <= formspec.VetoBlankLines; i++ {
		line(formspec.LedgerKey(i))
	}
	list := func(col, sqref, title, msg string, count int) {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = sqref
		dv.SetSqrefDropList("'" + entriesOptionSheet + "'!$" + col + "$1:$" + col + "$" + strconv.Itoa(max(count, 1)))
		dv.SetError(excelize.DataValidationErrorStyleStop, title, msg)
		w.do(w.f.AddDataValidation(w.sheet, dv))
	}
	rng := func(c int) string { return cell(c, top) + ":" + cell(c, w.row) }
	list("A", rng(cVeto), "否决事项", "请从下拉列表中选择本期方案的一票否决事项", len(p.Scheme.Vetoes))
	list("B", rng(cCode), "组织编码", "请填写参评党组织的编码", len(e.spec.Units))
	dv := excelize.NewDataValidation(true)
	dv.Sqref = rng(cState)
	w.do(dv.SetDropList(formspec.VetoStates))
	dv.SetError(excelize.DataValidationErrorStyleStop, "状态", "请选择“有效”或“撤销”")
	w.do(w.f.AddDataValidation(w.sheet, dv))
	w.printSetup("landscape", header, header)
	w.protect()
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ownStarSheet writes 个性星: OwnSlots lines per unit (more when more stand
// now), each a star's name and score.
func (e *entriesWriter) ownStarSheet(w *formWriter) {
	p, sm := e.p, e.p.Scheme.Stars
	fd := formspec.OwnStarField(sm)
	const cNo, cCode, cName, cStar, cScore, cReason, cWas = 2, 3, 4, 5, 6, 7, 8
	w.keys(model.RoleEntryOwnStars, map[int]string{cStar: formspec.KeyStar, cScore: formspec.KeyValue,
		cReason: formspec.KeyReason, cWas: formspec.KeyWas})
	w.widths(5, 12, 22, 22, 10, 28)
	w.do(w.f.SetColVisible(w.sheet, columnName(cWas), false))
	earn := ""
	if sm.OwnEarn != nil {
		earn = "，得分" + rangeText(*sm.OwnEarn) + "的可得星"
	}
	w.heading(cReason, p.Name+" 个性星录入",
		"考评周期："+p.Name+"    考核方案："+p.Scheme.Name+"（版本 "+p.Scheme.Version+"）",
		"每个党组织最多 "+strconv.Itoa(sm.OwnSlots)+" 颗个性星"+earn+"。每行填一颗星的星名和得分；清空星名和得分即撤销这颗星。")
	w.row++
	header := w.row
	for i, h := range []string{"序号", "组织编码", "党组织", "星名", "得分", "更正原因"} {
		w.set(cNo+i, header, h, w.st.header)
	}
	top := w.row + 1
	n := 0
	for _, u := range e.spec.Units {
		subject := formspec.UnitSubject(u.ID).String()
		var names []string
		for k, v := range e.spec.Current {
			if k.Subject == subject && k.Kind == model.EntryOwnStar && v != "" {
				names = append(names, k.Name)
			}
		}
		slices.Sort(names)
		for slot := 1; slot <= max(sm.OwnSlots, len(names)); slot++ {
			w.row++
			n++
			w.rowKey(w.row, formspec.OwnStarRowKey(subject, slot))
			w.set(cNo, w.row, n, w.st.center)
			w.set(cCode, w.row, u.Code, w.st.center)
			w.set(cName, w.row, u.Name, w.st.text)
			var name, score any
			if slot <= len(names) {
				key := model.EntryKey{Subject: subject, Kind: model.EntryOwnStar, Name: names[slot-1]}
				name, score = names[slot-1], cellValue(e.spec.Current[key], fd)
				w.do(w.f.SetCellStr(w.sheet, cell(cWas, w.row), names[slot-1]))
				e.prefill = append(e.prefill, prefilled{key: key, value: e.spec.Current[key]})
			}
			w.set(cStar, w.row, name, w.st.inputText)
			w.set(cScore, w.row, score, w.st.input)
			w.set(cReason, w.row, nil, w.st.inputText)
			w.do(w.f.SetRowHeight(w.sheet, w.row, 22))
		}
	}
	if w.row >= top {
		w.validate(cell(cScore, top)+":"+cell(cScore, w.row), fd, "个性星得分")
	}
	w.printSetup("landscape", header, header)
	w.protect()
}

// rangeText says a range in words: "8分及以上", "8至10分".
func rangeText(r model.Range) string {
	switch {
	case r.From != nil && r.To != nil:
		return r.From.String() + "至" + r.To.String() + "分"
	case r.From != nil && r.FromExcl:
		return "高于" + r.From.String() + "分"
	case r.From != nil:
		return r.From.String() + "分及以上"
	case r.To != nil:
		return "低于" + r.To.String() + "分"
	}
	return "任意"
}

// guide writes 说明: what the workbook is for and how to fill it in.
func (e *entriesWriter) guide(w *formWriter, roles []model.SheetRole) {
	p := e.p
	w.do(w.f.SetColWidth(w.sheet, "A", "A", 2))
	w.do(w.f.SetColWidth(w.sheet, "B", "B", 96))
	title := p.Name + " 录入表"
	if e.spec.Dept != nil {
		title += "（" + model.DeptLabel(*e.spec.Dept) + "）"
	}
	var names []string
	for _, r := range roles {
		names = append(names, "“"+r.Label()+"”")
	}
	purpose := "本表用于考核办录入不来自党组织填报表的数据：各考评部门的考评得分、考核事实、一票否决和个性星。填好后，在星级考评的“考评结果”页点“导入录入表…”导入。"
	if e.spec.Dept != nil {
		purpose = "本表用于" + model.DeptLabel(*e.spec.Dept) + "录入本部门负责考评的项目的得分。填好后交考核办，在星级考评的“考评结果”页点“导入录入表…”导入。"
	}
	lines := []string{
		purpose,
		"本表包括工作表" + strings.Join(names, "、") + "。只能填写黄色格子；灰色格子是不适用的项目或仅供对照的数值。",
		"表中已有的数值是生成本表时程序中的数据（来自交回的表格或以前的录入）。要更正，直接改写；要撤销一个数值，把格子清空——清空的格子导入后表示撤销原来的数值。",
		"没有改动的格子不会覆盖生成本表以后在程序中录入或导入的数据，所以不必担心表格“过时”。",
		"每行最后的“更正原因”请写明为什么录入或改动（例如“复核后更正”“根据某某文件”），导入后记入录入记录，谁、何时、改了什么都可以查到。",
	}
	for _, r := range roles {
		switch r {
		case model.RoleEntryScores:
			lines = append(lines, "考评得分：每行一个党组织，每格填该项的考评得分，或评分标准需要的次数、比率、“是/否”，程序按评分标准计算得分。")
		case model.RoleEntryFacts:
			lines = append(lines, "考核事实：换届逾期月数、缺席次数、满意率等。没有组织满意度测评（没有交回测评表）的党组织，在这里填写满意率。")
		case model.RoleEntryMemberFacts:
			lines = append(lines, "党员事实：每名党员一行，按所在党组织分组，例如“有特别突出的优秀表现”选“是”或“否”。")
		case model.RoleEntryVetoes:
			lines = append(lines, "一票否决：每行一项。新增时填组织编码（或党组织名称），从下拉列表中选择否决事项，写明原因和文号；撤销已认定的否决，把“状态”改为“撤销”，并在“原因”中写明撤销理由。")
		case model.RoleEntryOwnStars:
			lines = append(lines, "个性星：每个党组织一组行，每行填一颗星的星名和得分；清空星名和得分即撤销这颗星。")
		}
	}
	lines = append(lines,
		"导入时逐格检查。只要有一处问题（如分数超过分值、应填数字却写了文字、编码不存在），整份录入表都不导入，并列出每一处问题所在的工作表和单元格；改正后重新导入即可。",
		"请不要删除或改动隐藏的第1行、A列和隐藏的工作表，不要增删行列；文件可以改名。")
	w.set(2, 2, title, w.st.title)
	w.do(w.f.SetRowHeight(w.sheet, 2, 30))
	w.set(2, 3, "考评周期："+p.Name+"    考核方案："+p.Scheme.Name+"（版本 "+p.Scheme.Version+"）", w.st.subtitle)
	w.row = 4
	for i, l := range lines {
		w.row++
		text := strconv.Itoa(i+1) + ". " + l
		w.set(2, w.row, text, w.st.subtitle)
		w.do(w.f.SetRowHeight(w.sheet, w.row, rowHeightFor(text, 96)))
	}
	w.do(w.f.SetPageLayout(w.sheet, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("portrait"), FitToWidth: ptr(1), FitToHeight: ptr(0)}))
	w.do(w.f.SetSheetProps(w.sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
	w.protect()
}

// optionSheet writes the hidden lists of 一票否决's drop-downs: the veto
// titles in column A, the unit codes in column B.
func (e *entriesWriter) optionSheet(f *excelize.File) error {
	if _, err := f.NewSheet(entriesOptionSheet); err != nil {
		return err
	}
	for i, v := range e.p.Scheme.Vetoes {
		if err := f.SetCellStr(entriesOptionSheet, cell(1, i+1), v.Title); err != nil {
			return err
		}
	}
	for i, u := range e.spec.Units {
		if err := f.SetCellStr(entriesOptionSheet, cell(2, i+1), u.Code); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(entriesOptionSheet, false)
}

// prefillSheet writes the very hidden record of the values pre-filled:
// subject, kind, name, field, value, and for a veto its reason and
// document number.
func (e *entriesWriter) prefillSheet(f *excelize.File) error {
	s := formspec.PrefillSheet
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	if err := f.SetCellStr(s, "A1", formspec.PrefillMarker); err != nil {
		return err
	}
	for i, v := range e.prefill {
		row := []any{v.key.Subject, string(v.key.Kind), v.key.Name, v.key.Field, v.value, v.reason, v.docNo}
		if err := f.SetSheetRow(s, cell(1, i+2), &row); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(s, false, true)
}
