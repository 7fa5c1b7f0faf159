package documents

import (
	"io"
	"slices"

	"github.com/xuri/excelize/v2"

	"xingji/model"
	"xingji/model/formspec"
)

// WriteUnitForm writes a unit's workbook for a period: 自评表, 党员评议表
// (when the period appraises members), 满意度测评 (when the scheme takes a
// satisfaction rate) and 承诺台账, each set up for A4 printing with its
// input cells validated and everything else protected, and the form's
// identity in a very hidden sheet. members are the unit's members to
// appraise.
func WriteUnitForm(w io.Writer, p *model.Period, u model.Unit, members []model.Member) error {
	f, err := unitWorkbook(p, u, members)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return &model.Error{Code: model.EInternal, Message: "写出“" + u.Name + "”的填报表失败", Err: err}
	}
	return nil
}

func unitWorkbook(p *model.Period, u model.Unit, members []model.Member) (*excelize.File, error) {
	f := excelize.NewFile()
	fail := func(err error) (*excelize.File, error) {
		f.Close()
		return nil, &model.Error{Code: model.EInternal, Message: "生成“" + u.Name + "”的填报表失败", Err: err}
	}
	st, err := newFormStyles(f)
	if err != nil {
		return fail(err)
	}
	id := formspec.UnitIdentity(p, u)
	for i, role := range id.Sheets {
		name := role.Label()
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return fail(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return fail(err)
		}
		w := &formWriter{sheetWriter: sheetWriter{f: f, sheet: name}, st: st}
		switch role {
		case model.RoleSelf:
			w.selfSheet(p, u)
		case model.RoleAppraisal:
			w.appraisalSheet(p, u, members)
		case model.RoleBallot:
			w.ballotSheet(p, u)
		case model.RoleLedger:
			w.ledgerSheet(p, u)
		}
		if w.err != nil {
			return fail(w.err)
		}
	}
	if err := writeIdentity(f, id, p.Name+" "+u.Name+" 填报表"); err != nil {
		return fail(err)
	}
	return f, nil
}

func (w *formWriter) unitLine(p *model.Period, u model.Unit) string {
	return "党组织：" + u.Name + "（编码 " + u.Code + "）    考评周期：" + p.Name
}

// selfSheet writes 自评表: one block of rows per item, 序号/考核项目/评分标准/
// 分值 merged down the block, one row per thing to fill in (得分, or the
// counts, rates and 是/否 its rule reads), and 说明 for deductions and
// evidence.
func (w *formWriter) selfSheet(p *model.Period, u model.Unit) {
	const (
		cNo, cTitle, cRule, cPoints, cField, cValue, cNote = 2, 3, 4, 5, 6, 7, 8
	)
	w.keys(model.RoleSelf, map[int]string{cValue: formspec.KeyValue, cNote: formspec.KeyNote})
	w.widths(6, 22, 40, 6, 22, 10, 24)
	w.heading(cNote, p.Name+" 自评表", w.unitLine(p, u),
		"考核方案："+p.Scheme.Name+"（版本 "+p.Scheme.Version+"）。只填写黄色格子：“填报”列填得分、次数、比率或“是/否”，“说明”列写扣分原因和佐证材料。")
	w.row++
	header := w.row
	for i, h := range []string{"序号", "考核项目", "评分标准", "分值", "填报项目", "填报", "说明（扣分原因、佐证材料）"} {
		w.set(cNo+i, w.row, h, w.st.header)
	}
	w.do(w.f.SetRowHeight(w.sheet, w.row, 30))
	var lastPath []*model.Section
	for seq, fi := range formspec.SelfItems(&p.Scheme, u.Kind) {
		for depth, sec := range fi.Path {
			if depth < len(lastPath) && lastPath[depth] == sec {
				continue
			}
			w.row++
			w.merge(cNo, w.row, cNote, w.row, sectionTitle(sec), w.st.section)
		}
		lastPath = fi.Path
		it := fi.Item
		fields := model.ItemFields(it)
		first := w.row + 1
		last := first + len(fields) - 1
		title := it.Title
		if it.Bonus {
			title = BonusMark + title
		} else if it.Penalty {
			title = PenaltyMark + title
		}
		points := any(it.Points.Float())
		if it.Points.IsZero() {
			points = "—"
		}
		w.merge(cNo, first, cNo, last, formspec.ItemNumber(it, seq+1), w.st.center)
		w.merge(cTitle, first, cTitle, last, title, w.st.text)
		w.merge(cRule, first, cRule, last, RuleText(*it), w.st.text)
		w.merge(cPoints, first, cPoints, last, points, w.st.number)
		w.merge(cNote, first, cNote, last, nil, w.st.inputText)
		var labels []string
		for i, fd := range fields {
			row := first + i
			w.rowKey(row, formspec.FieldKey{Item: it.Code, Field: fd.Name}.String())
			label := fd.Label
			if fd.Unit != "" && fd.Kind != model.FieldFlag && fd.Kind != model.FieldScore {
				label += "（" + fd.Unit + "）"
			}
			labels = append(labels, label)
			w.set(cField, row, label, w.st.text)
			w.set(cValue, row, nil, w.st.input)
			w.validate(cell(cValue, row), fd, model.ItemLabel(it.Code, it.Title))
		}
		// Rows tall enough for the standard's text spread over the block,
		// and each for its own 填报项目 label.
		need := rowHeight([]string{"", title, RuleText(*it)}, 10)
		per := max(need/float64(len(fields)), 20)
		for i, l := range labels {
			w.do(w.f.SetRowHeight(w.sheet, first+i, min(max(per, rowHeightFor(l, 22)), maxRowHeight)))
		}
		w.row = last
	}
	w.row += 2
	w.merge(cNo, w.row, cNote, w.row, "填表人：                联系电话：                党组织书记（签字）：                填报日期：    年  月  日", w.st.foot)
	w.printSetup("landscape", header, header)
	w.protect()
}

// appraisalSheet writes 党员评议表: one row per member, one column per
// rater, each cell the rater's total score for the member.
func (w *formWriter) appraisalSheet(p *model.Period, u model.Unit, members []model.Member) {
	s := p.MemberScheme
	raters := formspec.AppraisalRaters(s, members)
	const cNo, cName, first = 2, 3, 4
	last := first + len(raters) - 1
	cols := map[int]string{}
	for i, r := range raters {
		cols[first+i] = r.Key()
	}
	w.keys(model.RoleAppraisal, cols)
	w.do(w.f.SetColWidth(w.sheet, "B", "B", 5))
	w.do(w.f.SetColWidth(w.sheet, "C", "C", 10))
	if len(raters) > 0 {
		w.do(w.f.SetColWidth(w.sheet, columnName(first), columnName(last), 6.5))
	}
	w.heading(max(last, 8), p.Name+" 党员评议表", w.unitLine(p, u),
		"评议方案："+s.Name+"（满分 "+s.Total.String()+" 分）。每格填一位评议人给该党员的总分；本人不给自己互评（灰色格）；未参加评议的留空。")
	w.row++
	group := w.row
	w.row++
	names := w.row
	w.merge(cNo, group, cNo, names, "序号", w.st.header)
	w.merge(cName, group, cName, names, "被评议党员", w.st.header)
	for i := 0; i < len(raters); {
		j := i
		for j+1 < len(raters) && raters[j+1].Source.Code == raters[i].Source.Code {
			j++
		}
		src := raters[i].Source
		if i == j {
			w.do(w.f.SetColWidth(w.sheet, columnName(first+i), columnName(first+i), 9))
		}
		w.merge(first+i, group, first+j, group, src.Name+"（"+src.Weight.String()+"%）", w.st.header)
		for k := i; k <= j; k++ {
			w.set(first+k, names, raters[k].Header, w.st.header)
		}
		i = j + 1
	}
	w.do(w.f.SetRowHeight(w.sheet, group, 30))
	w.do(w.f.SetRowHeight(w.sheet, names, 42))
	top := w.row + 1
	for n, m := range members {
		w.row++
		w.rowKey(w.row, formspec.MemberSubject(m.ID).String())
		w.set(cNo, w.row, n+1, w.st.center)
		w.set(cName, w.row, m.Name, w.st.center)
		for i, r := range raters {
			if r.RaterID == m.ID {
				w.set(first+i, w.row, "—", w.st.blocked)
			} else {
				w.set(first+i, w.row, nil, w.st.input)
			}
		}
	}
	if len(members) > 0 && len(raters) > 0 {
		w.validate(cell(first, top)+":"+cell(last, w.row),
			model.Field{Kind: model.FieldScore, Min: model.Decimal{}.P(), Max: s.Total.P()}, "评议分")
	}
	if len(members) == 0 {
		w.row++
		w.merge(cNo, w.row, max(last, 8), w.row, "本党组织目前没有党员，无需填写。", w.st.text)
	}
	w.row += 2
	w.merge(cNo, w.row, max(last, 8), w.row, "组织评议人：                党组织书记（签字）：                评议日期：    年  月  日", w.st.foot)
	w.printSetup("landscape", group, names)
	w.protect()
}

// ballotSheet writes 满意度测评: the votes of 满意, 基本满意 and 不满意, and
// the rate they give.
func (w *formWriter) ballotSheet(p *model.Period, u model.Unit) {
	const cLabel, cValue, cNote = 2, 3, 4
	w.keys(model.RoleBallot, map[int]string{cValue: formspec.KeyValue})
	w.widths(24, 14, 40)
	label := "群众满意度测评"
	if fd := p.Scheme.Fact(formspec.SatisfactionFact); fd != nil && fd.Label != "" {
		label = fd.Label
	}
	w.heading(cNote, p.Name+" 满意度测评统计表", w.unitLine(p, u),
		label+"：满意率 =（满意票 + 基本满意票）÷ 有效票 × 100%。只填黄色格子中的票数。")
	w.row++
	header := w.row
	for i, h := range []string{"测评结果", "票数", "说明"} {
		w.set(cLabel+i, w.row, h, w.st.header)
	}
	count := model.Field{Kind: model.FieldValue, Min: model.Decimal{}.P(), Int: true}
	notes := map[formspec.Vote]string{
		formspec.VoteSatisfied:   "认为工作好、作用发挥明显",
		formspec.VoteBasic:       "认为工作一般",
		formspec.VoteUnsatisfied: "认为工作差",
	}
	firstRow := w.row + 1
	for _, v := range formspec.Votes {
		w.row++
		w.rowKey(w.row, v.Key())
		w.set(cLabel, w.row, v.Label(), w.st.center)
		w.set(cValue, w.row, nil, w.st.input)
		w.set(cNote, w.row, notes[v], w.st.text)
		w.validate(cell(cValue, w.row), count, "票数")
		w.do(w.f.SetRowHeight(w.sheet, w.row, 24))
	}
	lastRow := w.row
	sum := "SUM(" + cell(cValue, firstRow) + ":" + cell(cValue, lastRow) + ")"
	w.row++
	w.set(cLabel, w.row, "有效票合计", w.st.center)
	w.set(cValue, w.row, nil, w.st.number)
	w.do(w.f.SetCellFormula(w.sheet, cell(cValue, w.row), sum))
	w.set(cNote, w.row, "自动合计", w.st.text)
	w.row++
	w.set(cLabel, w.row, "满意率（%）", w.st.center)
	w.set(cValue, w.row, nil, w.st.number)
	w.do(w.f.SetCellFormula(w.sheet, cell(cValue, w.row),
		"IF("+sum+"=0,\"\",ROUND(("+cell(cValue, firstRow)+"+"+cell(cValue, firstRow+1)+")/"+sum+"*100,2))"))
	w.set(cNote, w.row, "自动计算；导入时按票数重新计算", w.st.text)
	w.row += 2
	w.merge(cLabel, w.row, cNote, w.row, "测评组织人：                监票人：                测评日期：    年  月  日", w.st.foot)
	w.printSetup("portrait", header, header)
	w.protect()
}

// ledgerSheet writes 承诺台账 (一事一表 / 一人一表): blank lines for each
// commitment with its deadline and state.
func (w *formWriter) ledgerSheet(p *model.Period, u model.Unit) {
	const cNo = 2
	cols := map[int]string{}
	for i, c := range formspec.LedgerColumns {
		cols[cNo+1+i] = c.Key
	}
	w.keys(model.RoleLedger, cols)
	w.widths(5, 16, 36, 12, 10, 24)
	last := cNo + len(formspec.LedgerColumns)
	w.heading(last, p.Name+" 公开承诺台账", w.unitLine(p, u),
		"一事一表、一人一表：每行一项承诺。“完成情况”从下拉列表中选择；已兑现并经群众认可的选“已销号”。")
	w.row++
	header := w.row
	w.set(cNo, w.row, "序号", w.st.header)
	for i, c := range formspec.LedgerColumns {
		w.set(cNo+1+i, w.row, c.Header, w.st.header)
	}
	top := w.row + 1
	for n := 1; n <= LedgerRows; n++ {
		w.row++
		w.rowKey(w.row, formspec.LedgerKey(n))
		w.set(cNo, w.row, n, w.st.center)
		for i := range formspec.LedgerColumns {
			w.set(cNo+1+i, w.row, nil, w.st.inputText)
		}
		w.do(w.f.SetRowHeight(w.sheet, w.row, 28))
	}
	stateCol := cNo + 1 + slices.IndexFunc(formspec.LedgerColumns, func(c formspec.LedgerColumn) bool { return c.Key == formspec.LedgerState })
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell(stateCol, top) + ":" + cell(stateCol, w.row)
	w.do(dv.SetDropList(formspec.LedgerStates))
	dv.SetError(excelize.DataValidationErrorStyleStop, "完成情况", "请从下拉列表中选择："+joinStates())
	w.do(w.f.AddDataValidation(w.sheet, dv))
	w.printSetup("landscape", header, header)
	w.protect()
}

func joinStates() string {
	s := ""
	for i, x := range formspec.LedgerStates {
		if i > 0 {
			s += "、"
		}
		s += x
	}
	return s
}

// WriteReviewForm writes a department's 考评表 for a period: one row per
// unit in scope, one column per thing to fill in for each item the
// department owns (grey where the item does not apply to the unit's kind).
func WriteReviewForm(wr io.Writer, p *model.Period, dept string, units []model.Unit) error {
	f := excelize.NewFile()
	defer f.Close()
	fail := func(err error) error {
		return &model.Error{Code: model.EInternal, Message: "生成" + model.DeptLabel(dept) + "的考评表失败", Err: err}
	}
	st, err := newFormStyles(f)
	if err != nil {
		return fail(err)
	}
	name := model.RoleReview.Label()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return fail(err)
	}
	w := &formWriter{sheetWriter: sheetWriter{f: f, sheet: name}, st: st}
	w.reviewSheet(p, dept, units)
	if w.err != nil {
		return fail(w.err)
	}
	if err := writeIdentity(f, formspec.ReviewIdentity(p, dept), p.Name+" "+model.DeptLabel(dept)+" 考评表"); err != nil {
		return fail(err)
	}
	if _, err := f.WriteTo(wr); err != nil {
		return fail(err)
	}
	return nil
}

type reviewCol struct {
	item  formspec.FormItem
	field model.Field
}

func (w *formWriter) reviewSheet(p *model.Period, dept string, units []model.Unit) {
	items := formspec.ReviewItems(&p.Scheme, dept)
	var cols []reviewCol
	for _, fi := range items {
		for _, fd := range model.ItemFields(fi.Item) {
			cols = append(cols, reviewCol{fi, fd})
		}
	}
	const cNo, cName, first = 2, 3, 4
	last := first + len(cols) - 1
	keys := map[int]string{last + 1: formspec.KeyNote}
	for i, c := range cols {
		keys[first+i] = formspec.FieldKey{Item: c.item.Item.Code, Field: c.field.Name}.String()
	}
	w.keys(model.RoleReview, keys)
	w.do(w.f.SetColWidth(w.sheet, "B", "B", 5))
	w.do(w.f.SetColWidth(w.sheet, "C", "C", 22))
	if len(cols) > 0 {
		w.do(w.f.SetColWidth(w.sheet, columnName(first), columnName(last), 9))
	}
	w.do(w.f.SetColWidth(w.sheet, columnName(last+1), columnName(last+1), 20))
	w.heading(last+1, p.Name+" 考评表（"+model.DeptLabel(dept)+"）",
		"考评周期："+p.Name+"    考核方案："+p.Scheme.Name+"（版本 "+p.Scheme.Version+"）    考评部门："+model.DeptLabel(dept),
		"每行一个党组织，每格填该项的得分或规则所需的次数、比率、“是/否”；灰色格表示该项不适用于这个党组织。")
	w.row++
	group := w.row
	w.row++
	labels := w.row
	w.merge(cNo, group, cNo, labels, "序号", w.st.header)
	w.merge(cName, group, cName, labels, "党组织", w.st.header)
	w.merge(last+1, group, last+1, labels, "说明", w.st.header)
	groupHeight := 30.0
	for i := 0; i < len(cols); {
		j := i
		for j+1 < len(cols) && cols[j+1].item.Item == cols[i].item.Item {
			j++
		}
		it := cols[i].item.Item
		head := itemHead(it)
		groupHeight = max(groupHeight, rowHeightFor(head, 9*float64(j-i+1)))
		w.merge(first+i, group, first+j, group, head, w.st.header)
		for k := i; k <= j; k++ {
			l := cols[k].field.Label
			if u := cols[k].field.Unit; u != "" && cols[k].field.Kind != model.FieldFlag {
				l += "（" + u + "）"
			}
			w.set(first+k, labels, l, w.st.header)
		}
		i = j + 1
	}
	w.do(w.f.SetRowHeight(w.sheet, group, min(groupHeight, maxRowHeight)))
	w.do(w.f.SetRowHeight(w.sheet, labels, 42))
	top := w.row + 1
	for n, u := range units {
		w.row++
		w.rowKey(w.row, formspec.UnitSubject(u.ID).String())
		w.set(cNo, w.row, n+1, w.st.center)
		w.set(cName, w.row, u.Name, w.st.text)
		for i, c := range cols {
			if model.AppliesToKind(model.EffectiveAppliesTo(c.item.Path, c.item.Item), u.Kind) {
				w.set(first+i, w.row, nil, w.st.input)
			} else {
				w.set(first+i, w.row, "—", w.st.blocked)
			}
		}
		w.set(last+1, w.row, nil, w.st.inputText)
		w.do(w.f.SetRowHeight(w.sheet, w.row, 24))
	}
	if len(units) > 0 {
		for i, c := range cols {
			w.validate(cell(first+i, top)+":"+cell(first+i, w.row), c.field, model.ItemLabel(c.item.Item.Code, c.item.Item.Title))
		}
	}
	w.row += 2
	w.merge(cNo, w.row, last+1, w.row, "考评人：                部门负责人（签字）：                考评日期：    年  月  日", w.st.foot)
	w.printSetup("landscape", group, labels)
	w.protect()
}

// itemHead is an item's column header on a form or the entries workbook:
// its number, title and points, "3 制度建设（2分）".
func itemHead(it *model.Item) string {
	head := it.Title + "（" + model.PointsText(it.Points) + "）"
	if n := formspec.ItemNumber(it, 0); n != "" {
		head = n + " " + head
	}
	return head
}
