package documents

import (
	"io"
	"slices"

	"github.com/xuri/excelize/v2"

	"xingji/model"
	"xingji/model/formspec"
)

// EntriesSpec says what an entries workbook (录入表) holds: the values the
// office enters itself for a period, outside the branches' forms.
type EntriesSpec struct {
	Period *model.Period
	// Dept, when set, limits the workbook to the review items that
	// department owns (formspec.ReviewItems; "" the committee's own items);
	// nil: every department's items, the facts, the vetoes and the own
	// stars.
	Dept *string
	// Units are the units in scope, in order; Members the members of those
	// units (for 党员事实, when the period appraises members).
	Units   []model.Unit
	Members []model.Member
	// Current is what stands now for each key (from forms or earlier
	// entries); it is pre-filled so the clerk sees it.
	Current map[model.EntryKey]string
	// Self, optional, is each unit's self score for an item field (keys of
	// kind model.EntryScore), shown read-only beside the review column.
	Self map[model.EntryKey]string
	// VetoNotes, optional, is the entry behind each standing veto, whose
	// Reason and DocNo are pre-filled as 原因 and 文号.
	VetoNotes map[model.EntryKey]model.Entry
}

// EntriesFileName is the file name of an entries workbook: "<周期名称>
// 录入表.xlsx", or "<周期名称> 录入表（组织部）.xlsx" for one department.
func EntriesFileName(p *model.Period, dept *string) string {
	name := SafeFileName(p.Name) + " 录入表"
	if dept != nil {
		name += "（" + SafeFileName(model.DeptLabel(*dept)) + "）"
	}
	return name + ".xlsx"
}

// WriteEntries writes the entries workbook of a period: 说明 first, then
// the sheets formspec.EntriesRoles lists — 考评得分, 考核事实, 党员事实,
// 一票否决, 个性星 — each with what stands now pre-filled in its input
// cells, validated, everything else protected, set up for A4 landscape
// with its header rows repeated; the identity and the pre-filled values in
// very hidden sheets.
func WriteEntries(wr io.Writer, spec EntriesSpec) error {
	p := spec.Period
	what := "录入表"
	if spec.Dept != nil {
		what = model.DeptLabel(*spec.Dept) + "的录入表"
	}
	fail := func(err error) error {
		return &model.Error{Code: model.EInternal, Message: "生成" + what + "失败", Err: err}
	}
	if spec.Dept != nil && !slices.Contains(p.Departments(), *spec.Dept) {
		return model.Errorf(model.EInvalid, "本期方案中没有由“%s”考评的项目", model.DeptLabel(*spec.Dept))
	}
	id := formspec.EntriesIdentity(p, spec.Dept)
	if len(id.Sheets) == 0 {
		return model.Errorf(model.EInvalid, "考评周期“%s”没有需要考核办录入的内容（没有考评项目、考核事实、一票否决或个性星）", p.Name)
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newFormStyles(f)
	if err != nil {
		return fail(err)
	}
	shown, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: 10, Color: "595959"},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Border: []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}},
		Fill:         excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}},
		CustomNumFmt: ptr("0.####"),
	})
	if err != nil {
		return fail(err)
	}
	e := &entriesWriter{spec: spec, p: p, st: st, shown: shown}
	if err := f.SetSheetName("Sheet1", entriesGuideSheet); err != nil {
		return fail(err)
	}
	w := &formWriter{sheetWriter: sheetWriter{f: f, sheet: entriesGuideSheet}, st: st}
	e.guide(w, id.Sheets)
	if w.err != nil {
		return fail(w.err)
	}
	for _, role := range id.Sheets {
		name := role.Label()
		if _, err := f.NewSheet(name); err != nil {
			return fail(err)
		}
		w := &formWriter{sheetWriter: sheetWriter{f: f, sheet: name}, st: st}
		switch role {
		case model.RoleEntryScores:
			e.scoreSheet(w)
		case model.RoleEntryFacts:
			e.factSheet(w, role, &p.Scheme)
		case model.RoleEntryMemberFacts:
			e.factSheet(w, role, p.MemberScheme)
		case model.RoleEntryVetoes:
			e.vetoSheet(w)
		case model.RoleEntryOwnStars:
			e.ownStarSheet(w)
		}
		if w.err != nil {
			return fail(w.err)
		}
	}
	if slices.Contains(id.Sheets, model.RoleEntryVetoes) {
		if err := e.optionSheet(f); err != nil {
			return fail(err)
		}
	}
	if err := e.prefillSheet(f); err != nil {
		return fail(err)
	}
	if err := writeIdentity(f, id, EntriesFileName(p, spec.Dept)); err != nil {
		return fail(err)
	}
	if _, err := f.WriteTo(wr); err != nil {
		return fail(err)
	}
	return nil
}

// entriesGuideSheet is the name of the instructions sheet.
const entriesGuideSheet = "说明"

// entriesWriter writes the sheets of one entries workbook and records each
// value it pre-fills.
type entriesWriter struct {
	spec    EntriesSpec
	p       *model.Period
	st      formStyles
	shown   int // a read-only value shown for comparison (自评)
	prefill []prefilled
}

// prefilled is one value written into an input cell.
type prefilled struct {
	key                  model.EntryKey
	value, reason, docNo string
}

// current returns what stands for key, writes it into the input cell at
// col, row as fd takes it (a number, or 是/否) and records it.
func (e *entriesWriter) current(w *formWriter, col, row int, key model.EntryKey, fd model.Field) {
	v := e.spec.Current[key]
	w.set(col, row, cellValue(v, fd), w.st.input)
	if v != "" {
		e.prefill = append(e.prefill, prefilled{key: key, value: v})
	}
}

// cellValue is how a stored value shows in a cell of field fd: nil for
// none, 是/否 for a flag, a number when it reads as one, else the text.
func cellValue(v string, fd model.Field) any {
	if v == "" {
		return nil
	}
	if fd.Kind == model.FieldFlag {
		if v == "0" {
			return formspec.FlagNo
		}
		return formspec.FlagYes
	}
	if d, err := model.ParseDecimal(v); err == nil {
		return d.Float()
	}
	return v
}

// freeze freezes the rows down to lastHeader and the columns up to
// lastFixed, so the names and the headers stay in view.
func freeze(w *formWriter, lastFixed, lastHeader int) {
	w.do(w.f.SetPanes(w.sheet, &excelize.Panes{Freeze: true, XSplit: lastFixed, YSplit: lastHeader,
		TopLeftCell: cell(lastFixed+1, lastHeader+1), ActivePane: "bottomRight"}))
}

// fieldHeader is a field's column header: its label and unit.
func fieldHeader(fd model.Field) string {
	l := fd.Label
	if fd.Unit != "" && fd.Kind != model.FieldFlag {
		l += "（" + fd.Unit + "）"
	}
	return l
}

// scoreCol is one input column of 考评得分.
type scoreCol struct {
	dept  string
	item  formspec.FormItem
	field model.Field
}

// scoreSheet writes 考评得分: a row per unit, for each field of each review
// item in scope a column (with the unit's self score read-only before it
// when Self is given), and 更正原因.
func (e *entriesWriter) scoreSheet(w *formWriter) {
	p, spec := e.p, e.spec
	depts := p.Departments()
	if spec.Dept != nil {
		depts = []string{*spec.Dept}
	}
	var cols []scoreCol
	for _, d := range depts {
		for _, fi := range formspec.ReviewItems(&p.Scheme, d) {
			for _, fd := range model.ItemFields(fi.Item) {
				cols = append(cols, scoreCol{d, fi, fd})
			}
		}
	}
	self := len(spec.Self) > 0
	per := 1
	if self {
		per = 2
	}
	const cNo, cCode, cName, first = 2, 3, 4, 5
	colOf := func(i int) int { return first + i*per + per - 1 } // the input column of cols[i]
	last := first + len(cols)*per - 1
	cReason := last + 1
	keys := map[int]string{cReason: formspec.KeyReason}
	for i, c := range cols {
		keys[colOf(i)] = formspec.FieldKey{Item: c.item.Item.Code, Field: c.field.Name}.String()
	}
	w.keys(model.RoleEntryScores, keys)
	w.widths(5, 10, 20)
	w.do(w.f.SetColWidth(w.sheet, columnName(first), columnName(last), 9))
	w.do(w.f.SetColWidth(w.sheet, columnName(cReason), columnName(cReason), 24))
	title := p.Name + " 考评得分录入"
	if spec.Dept != nil {
		title += "（" + model.DeptLabel(*spec.Dept) + "）"
	}
	hint := "每行一个党组织，每格填该项的考评得分或评分标准所需的次数、比率、“是/否”；灰色格表示该项不适用于这个党组织。已有的数值是目前的数据，改写即更正，清空即撤销；请在“更正原因”中写明原因。"
	if self {
		hint += "“自评”列是党组织自评的数值，仅供对照。"
	}
	w.heading(cReason, title,
		"考评周期："+p.Name+"    考核方案："+p.Scheme.Name+"（版本 "+p.Scheme.Version+"）", hint)
	w.row++
	hDept := w.row
	hItem, hField := hDept+1, hDept+2
	hLast := hField
	if self {
		hLast++
	}
	w.row = hLast
	w.merge(cNo, hDept, cNo, hLast, "序号", w.st.header)
	w.merge(cCode, hDept, cCode, hLast, "组织编码", w.st.header)
	w.merge(cName, hDept, cName, hLast, "党组织", w.st.header)
	w.merge(cReason, hDept, cReason, hLast, "更正原因", w.st.header)
	itemHeight := 30.0
	for i := 0; i < len(cols); {
		j := i
		for j+1 < len(cols) && cols[j+1].dept == cols[i].dept {
			j++
		}
		w.merge(first+i*per, hDept, first+j*per+per-1, hDept, "考评部门："+model.DeptLabel(cols[i].dept), w.st.header)
		i = j + 1
	}
	for i := 0; i < len(cols); {
		j := i
		for j+1 < len(cols) && cols[j+1].item.Item == cols[i].item.Item {
			j++
		}
		it := cols[i].item.Item
		head := itemHead(it)
		itemHeight = max(itemHeight, rowHeightFor(head, 9*float64((j-i+1)*per)))
		w.merge(first+i*per, hItem, first+j*per+per-1, hItem, head, w.st.header)
		for k := i; k <= j; k++ {
			w.merge(first+k*per, hField, first+k*per+per-1, hField, fieldHeader(cols[k].field), w.st.header)
			if self {
				w.set(first+k*per, hLast, "自评", w.st.header)
				w.set(first+k*per+1, hLast, "考评", w.st.header)
			}
		}
		i = j + 1
	}
	w.do(w.f.SetRowHeight(w.sheet, hDept, 20))
	w.do(w.f.SetRowHeight(w.sheet, hItem, min(itemHeight, maxRowHeight)))
	w.do(w.f.SetRowHeight(w.sheet, hField, 42))
	top := w.row + 1
	for n, u := range spec.Units {
		w.row++
		subject := formspec.UnitSubject(u.ID).String()
		w.rowKey(w.row, subject)
		w.set(cNo, w.row, n+1, w.st.center)
		w.set(cCode, w.row, u.Code, w.st.center)
		w.set(cName, w.row, u.Name, w.st.text)
		for i, c := range cols {
			col := colOf(i)
			if !model.AppliesToKind(model.EffectiveAppliesTo(c.item.Path, c.item.Item), u.Kind) {
				w.merge(first+i*per, w.row, col, w.row, "—", w.st.blocked)
				continue
			}
			key := model.EntryKey{Subject: subject, Kind: model.EntryScore, Name: c.item.Item.Code, Field: c.field.Name}
			if self {
				w.set(col-1, w.row, cellValue(spec.Self[key], c.field), e.shown)
			}
			e.current(w, col, w.row, key, c.field)
		}
		w.set(cReason, w.row, nil, w.st.inputText)
		w.do(w.f.SetRowHeight(w.sheet, w.row, 22))
	}
	if len(spec.Units) > 0 {
		for i, c := range cols {
			w.validate(cell(colOf(i), top)+":"+cell(colOf(i), w.row), c.field, model.ItemLabel(c.item.Item.Code, c.item.Item.Title))
		}
	}
	w.printSetup("landscape", hDept, hLast)
	freeze(w, cName, hLast)
	w.protect()
}

// factSheet writes 考核事实 (units) or 党员事实 (members, grouped by their
// branch): a row per subject, a column per fact of the scheme, and 更正原因.
func (e *entriesWriter) factSheet(w *formWriter, role model.SheetRole, s *model.Scheme) {
	p, spec := e.p, e.spec
	members := role == model.RoleEntryMemberFacts
	const cNo, cCode, cName = 2, 3, 4
	first := cName + 1
	if members {
		first = cName // no code column: 序号, 姓名
	}
	fields := make([]model.Field, len(s.Facts))
	for i, fd := range s.Facts {
		fields[i] = formspec.FactField(fd)
	}
	last := first + len(fields) - 1
	cReason := last + 1
	keys := map[int]string{cReason: formspec.KeyReason}
	for i, fd := range fields {
		keys[first+i] = formspec.FactKey(fd.Name)
	}
	w.keys(role, keys)
	if members {
		w.widths(5, 12)
	} else {
		w.widths(5, 10, 20)
	}
	w.do(w.f.SetColWidth(w.sheet, columnName(first), columnName(last), 14))
	w.do(w.f.SetColWidth(w.sheet, columnName(cReason), columnName(cReason), 28))
	what := "每行一个党组织"
	if members {
		what = "每行一名党员（按所在党组织分组）"
	}
	w.heading(cReason, p.Name+" "+role.Label()+"录入",
		"考评周期："+p.Name+"    方案："+s.Name+"（版本 "+s.Version+"）",
		what+"，每格填一项事实：“是/否”从下拉列表中选择，其余填数字。已有的数值是目前的数据，改写即更正，清空即撤销；请在“更正原因”中写明原因。")
	w.row++
	header := w.row
	w.set(cNo, header, "序号", w.st.header)
	if members {
		w.set(cCode, header, "姓名", w.st.header)
	} else {
		w.set(cCode, header, "组织编码", w.st.header)
		w.set(cName, header, "党组织", w.st.header)
	}
	height := 30.0
	for i, fd := range fields {
		w.set(first+i, header, fieldHeader(fd), w.st.header)
		height = max(height, rowHeightFor(fieldHeader(fd), 14))
	}
	w.set(cReason, header, "更正原因", w.st.header)
	w.do(w.f.SetRowHeight(w.sheet, header, min(height, maxRowHeight)))
	row := func(n int, subject string) {
		w.row++
		w.rowKey(w.row, subject)
		w.set(cNo, w.row, n, w.st.center)
		for i, fd := range fields {
			e.current(w, first+i, w.row, model.EntryKey{Subject: subject, Kind: model.EntryFact, Name: fd.Name}, fd)
		}
		w.set(cReason, w.row, nil, w.st.inputText)
		w.do(w.f.SetRowHeight(w.sheet, w.row, 22))
	}
	top := w.row + 1
	if members {
		n := 0
		for _, u := range spec.Units {
			started := false
			for _, m := range spec.Members {
				if m.UnitID != u.ID {
					continue
				}
				if !started {
					w.row++
					w.merge(cNo, w.row, cReason, w.row, u.Name+"（编码 "+u.Code+"）", w.st.section)
					started = true
				}
				n++
				row(n, formspec.MemberSubject(m.ID).String())
				w.set(cCode, w.row, m.Name, w.st.center)
			}
		}
	} else {
		for n, u := range spec.Units {
			row(n+1, formspec.UnitSubject(u.ID).String())
			w.set(cCode, w.row, u.Code, w.st.center)
			w.set(cName, w.row, u.Name, w.st.text)
		}
	}
	if w.row >= top {
		for i, fd := range fields {
			w.validate(cell(first+i, top)+":"+cell(first+i, w.row), fd, fd.Label)
		}
	}
	w.printSetup("landscape", header, header)
	freeze(w, first-1, header)
	w.protect()
}
