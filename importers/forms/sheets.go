package forms

import (
	"slices"
	"strconv"
	"strings"

	"xingji/importers"
	"xingji/model"
	"xingji/model/formspec"
)

func itoa(n int) string { return strconv.Itoa(n) }

// itemName names an item for people: "第 3 项“组织生活…”" when its code is
// a number as printed in the 序号 column, else "“组织生活…”项".
func itemName(it *model.Item) string {
	title := it.Title
	if r := []rune(title); len(r) > 16 {
		title = string(r[:16]) + "…"
	}
	if strings.Trim(it.Code, "0123456789.-()（）") == "" {
		return "第 " + it.Code + " 项“" + title + "”"
	}
	return "“" + title + "”项"
}

// readSheets finds each sheet the identity names and reads it.
func (r *reader) readSheets() {
	id := r.res.Identity
	found := importers.KeyedSheets(r.table)
	roles := id.Sheets
	if len(roles) == 0 { // recognised by headers: whatever the period asks for
		if id.Form == model.FormReview {
			roles = []model.SheetRole{model.RoleReview}
		} else {
			roles = formspec.UnitFormRoles(r.res.Period)
		}
	}
	var missing []string
	for _, role := range roles {
		k := found[role]
		if k == nil {
			if role == model.RoleSelf && r.readSelfByHeaders() {
				continue
			}
			if role == model.RoleLedger {
				continue // an empty ledger may be dropped from the workbook
			}
			missing = append(missing, role.Label())
			continue
		}
		switch role {
		case model.RoleSelf:
			r.readSelf(k)
		case model.RoleAppraisal:
			r.readAppraisal(k)
		case model.RoleBallot:
			r.readBallot(k)
		case model.RoleLedger:
			r.readLedger(k)
		case model.RoleReview:
			r.readReview(k)
		}
	}
	if len(missing) > 0 && r.table.Format == importers.FormatCSV {
		// A CSV holds one sheet: say so rather than "do not delete sheets".
		r.fail("", 0, 0, "CSV 文件只有一个工作表，而这份表还需要“"+strings.Join(missing, "”“")+"”",
			"请直接导入下发的 Excel 填报表（.xlsx），不要另存为 CSV")
		return
	}
	for _, label := range missing {
		r.fail("", 0, 0, "找不到工作表“"+label+"”（或其中隐藏的标记已被删除）",
			"请使用下发的表格填写，不要删除工作表或隐藏的第1行、A列")
	}
}

// value is one parsed cell.
type value struct {
	text  string // normalised text as stored
	blank bool
}

// parse reads the cell at row, col as field fd; it reports problems and
// returns ok false when the cell is not acceptable.
func (r *reader) parse(sh *importers.Sheet, row, col int, fd model.Field, what string) (value, bool) {
	return r.parseLazy(sh, row, col, fd, func() string { return what })
}

// parseLazy is parse with the cell's description built only when a problem
// is reported: most cells are fine, and building it for each is costly.
func (r *reader) parseLazy(sh *importers.Sheet, row, col int, fd model.Field, describe func() string) (value, bool) {
	text, blank, err := importers.ParseField(sh.Cell(row, col), fd, describe)
	if err != nil {
		r.fail(sh.Name, row, col, err.Message, err.Hint)
		return value{}, false
	}
	return value{text: text, blank: blank}, true
}

func (r *reader) add(v model.EntryValue) { r.res.Values = append(r.res.Values, v) }

func cellRef(row, col int) string { return importers.ColumnName(col) + itoa(row) }

// required reports whether a blank field must be filled in: the score of a
// regular item and every 是/否; counts left blank mean none, and a bonus or
// penalty item left blank claims nothing.
func required(it *model.Item, fd model.Field) bool {
	if it.Bonus || it.Penalty {
		return false
	}
	return fd.Kind == model.FieldScore || fd.Kind == model.FieldFlag
}

// readSelf reads 自评表: every item that applies to the unit's kind must
// have its rows.
func (r *reader) readSelf(k *importers.KeyedSheet) {
	p := r.res.Period
	vcol, ncol := k.Cols[formspec.KeyValue], k.Cols[formspec.KeyNote]
	if vcol == 0 {
		r.fail(k.Sheet.Name, formspec.KeyRow, 0, "找不到“填报”列的隐藏标记", hintNoEdit)
		return
	}
	subject := formspec.UnitSubject(r.unit.ID).String()
	for _, fi := range formspec.SelfItems(&p.Scheme, r.unit.Kind) {
		it := fi.Item
		noted := false
		for _, fd := range model.ItemFields(it) {
			key := formspec.FieldKey{Item: it.Code, Field: fd.Name}.String()
			row, ok := k.Rows[key]
			if !ok {
				r.fail(k.Sheet.Name, 0, 0, "缺少"+itemName(it)+"的“"+fd.Label+"”一行",
					"请不要删除表格中的行；可以使用下发的原表重新填写")
				continue
			}
			what := itemName(it) + "的“" + fd.Label + "”"
			v, ok := r.parse(k.Sheet, row, vcol, fd, what)
			if !ok {
				continue
			}
			if v.blank {
				if required(it, fd) {
					r.fail(k.Sheet.Name, row, vcol, what+"没有填写", "请填写"+fd.RangeText())
				}
			} else {
				r.add(model.EntryValue{Subject: subject, Source: model.SourceSelf, Rater: r.unit.Code, Item: it.Code,
					Field: fd.Name, Value: v.text, Sheet: k.Sheet.Name, Cell: cellRef(row, vcol)})
			}
			if ncol > 0 && !noted {
				if note := importers.FreeText(k.Sheet.Cell(row, ncol).Text); note != "" {
					r.add(model.EntryValue{Subject: subject, Source: model.SourceSelf, Rater: r.unit.Code, Item: it.Code,
						Field: formspec.KeyNote, Value: note, Sheet: k.Sheet.Name, Cell: cellRef(row, ncol)})
				}
				noted = true
			}
		}
	}
}

// readSelfByHeaders reads a self-assessment that lost its hidden keys (a
// table pasted into a new workbook, an exported CSV): a sheet with a header
// row naming 序号 and 得分 (or 填报); each row whose 序号 is the number the
// form prints for a manual item gives its score. It returns false when
// there is no such sheet.
func (r *reader) readSelfByHeaders() bool {
	p := r.res.Period
	for _, sh := range r.table.VisibleSheets() {
		hdr, noCol, scoreCol, noteCol := 0, 0, 0, 0
		for row := 1; row <= min(12, len(sh.Rows)) && hdr == 0; row++ {
			for c, cell := range sh.Rows[row-1].Cells {
				switch importers.HeaderKey(cell.Text) {
				case "序号":
					noCol = c + 1
				case "得分", "填报", "自评得分":
					scoreCol = c + 1
				}
				if strings.HasPrefix(importers.Clean(cell.Text), "说明") {
					noteCol = c + 1
				}
			}
			if noCol > 0 && scoreCol > 0 {
				hdr = row
			} else {
				noCol, scoreCol, noteCol = 0, 0, 0
			}
		}
		if hdr == 0 {
			continue
		}
		subject := formspec.UnitSubject(r.unit.ID).String()
		// 序号 shows formspec.ItemNumber: the code when it is a number, else
		// the item's place ("policy" shows "1"). Two items may show the same
		// number (code "12b" in 14th place, and code "14"): each number lists
		// its items in order, and each row takes the next one not yet seen.
		items := formspec.SelfItems(&p.Scheme, r.unit.Kind)
		byNumber := map[string][]*model.Item{}
		number := map[*model.Item]string{}
		for seq, fi := range items {
			n := formspec.ItemNumber(fi.Item, seq+1)
			byNumber[n] = append(byNumber[n], fi.Item)
			number[fi.Item] = n
		}
		seen := map[*model.Item]bool{}
		for row := hdr + 1; row <= len(sh.Rows); row++ {
			no := importers.Clean(sh.Cell(row, noCol).Text)
			var it *model.Item
			for _, cand := range byNumber[no] {
				if !seen[cand] {
					it = cand
					break
				}
			}
			if it == nil {
				continue
			}
			seen[it] = true
			fields := model.ItemFields(it)
			if len(fields) != 1 || fields[0].Kind != model.FieldScore {
				r.fail(sh.Name, row, scoreCol, "第 "+no+" 项需要按规则填写次数或“是/否”，这份表缺少隐藏的标记，无法确定各格的含义",
					"请使用考核办下发的原表填写")
				continue
			}
			v, ok := r.parse(sh, row, scoreCol, fields[0], "第 "+no+" 项的得分")
			if !ok {
				continue
			}
			if v.blank {
				if required(it, fields[0]) {
					r.fail(sh.Name, row, scoreCol, "第 "+no+" 项的得分没有填写", "请填写"+fields[0].RangeText())
				}
				continue
			}
			r.add(model.EntryValue{Subject: subject, Source: model.SourceSelf, Rater: r.unit.Code, Item: it.Code,
				Field: fields[0].Name, Value: v.text, Sheet: sh.Name, Cell: cellRef(row, scoreCol)})
			if noteCol > 0 {
				if note := importers.FreeText(sh.Cell(row, noteCol).Text); note != "" {
					r.add(model.EntryValue{Subject: subject, Source: model.SourceSelf, Rater: r.unit.Code, Item: it.Code,
						Field: formspec.KeyNote, Value: note, Sheet: sh.Name, Cell: cellRef(row, noteCol)})
				}
			}
		}
		for _, fi := range items {
			if !seen[fi.Item] && !fi.Item.Bonus && !fi.Item.Penalty {
				r.fail(sh.Name, 0, noCol, "找不到序号为 "+number[fi.Item]+" 的一行（"+model.ItemLabel(number[fi.Item], fi.Item.Title)+"）",
					"请使用考核办下发的原表填写，不要删除行或改动序号")
			}
		}
		return true
	}
	return false
}

// readAppraisal reads 党员评议表: each member's row, each rater's total.
func (r *reader) readAppraisal(k *importers.KeyedSheet) {
	p := r.res.Period
	s := p.MemberScheme
	members := r.cat.Members[r.unit.ID]
	byID := map[string]model.Member{}
	for _, m := range members {
		byID[formspec.MemberSubject(m.ID).String()] = m
	}
	raters := formspec.AppraisalRaters(s, members)
	fd := model.Field{Kind: model.FieldScore, Min: model.Decimal{}.P(), Max: s.Total.P()}
	// What every cell of a column shares, worked out once.
	type raterCol struct {
		col   int
		rater string
		cname string
	}
	cols := make([]raterCol, len(raters))
	for i, rc := range raters {
		if col, ok := k.Cols[rc.Key()]; ok {
			cols[i] = raterCol{col: col, rater: rc.Rater, cname: importers.ColumnName(col)}
		}
	}
	r.res.Values = slices.Grow(r.res.Values, len(k.RowKeys)*len(raters))
	for _, key := range k.RowKeys {
		row := k.Rows[key]
		m, ok := byID[key]
		if !ok {
			if kind, ok := formspec.SubjectKindOf(key); ok && kind == model.SubjectMember {
				r.fail(k.Sheet.Name, row, 0, "第 "+itoa(row)+" 行的党员（"+importers.Clean(k.Sheet.Cell(row, 3).Text)+"）已不在本党组织",
					"党员可能已转出；请考核办重新生成本党组织的表格后再填写")
			}
			continue
		}
		subject, rowText := formspec.MemberSubject(m.ID).String(), itoa(row)
		for i, rc := range raters {
			col := cols[i].col
			if col == 0 {
				continue // a member who joined after the forms went out
			}
			if rc.RaterID == m.ID {
				continue
			}
			v, ok := r.parseLazy(k.Sheet, row, col, fd, func() string { return m.Name + "的“" + rc.Header + "”评分" })
			if !ok || v.blank {
				continue
			}
			r.add(model.EntryValue{Subject: subject, Source: rc.Source.Code,
				Rater: cols[i].rater, Field: formspec.FieldTotal, Value: v.text,
				Sheet: k.Sheet.Name, Cell: cols[i].cname + rowText})
		}
	}
}

// readBallot reads 满意度测评 and works the rate out again from the votes,
// whatever the sheet's own formula shows.
func (r *reader) readBallot(k *importers.KeyedSheet) {
	col := k.Cols[formspec.KeyValue]
	if col == 0 {
		r.fail(k.Sheet.Name, formspec.KeyRow, 0, "找不到“票数”列的隐藏标记", hintNoEdit)
		return
	}
	subject := formspec.UnitSubject(r.unit.ID).String()
	count := model.Field{Kind: model.FieldValue, Min: model.Decimal{}.P(), Int: true}
	var votes [3]model.Decimal
	ok := true
	for i, vote := range formspec.Votes {
		row, found := k.Rows[vote.Key()]
		if !found {
			r.fail(k.Sheet.Name, 0, 0, "缺少“"+vote.Label()+"”一行", hintNoEdit)
			ok = false
			continue
		}
		v, good := r.parse(k.Sheet, row, col, count, "“"+vote.Label()+"”票数")
		if !good {
			ok = false
			continue
		}
		if !v.blank {
			votes[i] = model.D4(v.text)
		}
		r.add(model.EntryValue{Subject: subject, Source: formspec.SourceBallot, Field: string(vote),
			Value: votes[i].String(), Sheet: k.Sheet.Name, Cell: cellRef(row, col)})
	}
	if !ok {
		return
	}
	total := votes[0].Add(votes[1]).Add(votes[2])
	if total.IsZero() {
		r.fail(k.Sheet.Name, k.Rows[formspec.VoteSatisfied.Key()], col, "满意度测评的票数都是 0 或没有填写", "请填写各项票数；没有组织测评的，请与考核办联系")
		return
	}
	rate, _ := votes[0].Add(votes[1]).MulInt(100).Div(total)
	r.add(model.EntryValue{Subject: subject, Source: formspec.SourceBallot, Field: formspec.SatisfactionFact,
		Value: rate.Round(2).String(), Sheet: k.Sheet.Name, Cell: cellRef(k.Rows[formspec.VoteSatisfied.Key()], col)})
}

// readLedger reads 承诺台账: every line with anything in it must say what
// was promised, and its state must be one of the choices.
func (r *reader) readLedger(k *importers.KeyedSheet) {
	subject := formspec.UnitSubject(r.unit.ID).String()
	for _, key := range k.RowKeys {
		line, ok := formspec.LedgerLine(key)
		if !ok {
			continue
		}
		row := k.Rows[key]
		any := false
		for _, c := range formspec.LedgerColumns {
			if col := k.Cols[c.Key]; col > 0 && importers.FreeText(k.Sheet.Cell(row, col).Text) != "" {
				any = true
			}
		}
		if !any {
			continue
		}
		for _, c := range formspec.LedgerColumns {
			col := k.Cols[c.Key]
			if col == 0 {
				continue
			}
			text := importers.FreeText(k.Sheet.Cell(row, col).Text)
			if c.Key == formspec.LedgerState {
				text = importers.Clean(text)
			}
			switch {
			case c.Key == formspec.LedgerWhat && text == "":
				r.fail(k.Sheet.Name, row, col, "这一行没有填写承诺事项", "请填写承诺事项，或清空整行")
				continue
			case c.Key == formspec.LedgerState && text != "" && !contains(formspec.LedgerStates, text):
				r.fail(k.Sheet.Name, row, col, "完成情况“"+text+"”不在可选范围内", "请从下拉列表中选择："+strings.Join(formspec.LedgerStates, "、"))
				continue
			case text == "":
				continue
			}
			r.add(model.EntryValue{Subject: subject, Source: formspec.SourceLedger, Rater: line, Field: c.Key, Value: text,
				Sheet: k.Sheet.Name, Cell: cellRef(row, col)})
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// readReview reads a department's 考评表: one row per unit in scope, the
// fields of the department's items in columns.
func (r *reader) readReview(k *importers.KeyedSheet) {
	p := r.res.Period
	dept := r.res.Identity.Dept
	items := formspec.ReviewItems(&p.Scheme, dept)
	ncol := k.Cols[formspec.KeyNote]
	rater := model.DeptLabel(dept)
	// The columns of each item's fields, found once; a missing column is
	// reported once, not for every unit.
	type column struct {
		fi  formspec.FormItem
		fd  model.Field
		col int
	}
	var cols []column
	for _, fi := range items {
		for _, fd := range model.ItemFields(fi.Item) {
			col, ok := k.Cols[formspec.FieldKey{Item: fi.Item.Code, Field: fd.Name}.String()]
			if !ok {
				r.fail(k.Sheet.Name, formspec.KeyRow, 0, "缺少"+itemName(fi.Item)+"“"+fd.Label+"”一列", "请不要删除表格中的列")
				continue
			}
			cols = append(cols, column{fi, fd, col})
		}
	}
	for _, uid := range p.Units {
		u := r.cat.Units[uid]
		row, ok := k.Rows[formspec.UnitSubject(uid).String()]
		if !ok {
			r.fail(k.Sheet.Name, 0, 0, "缺少党组织“"+u.Name+"”的一行", "请不要删除表格中的行；可以使用下发的原表重新填写")
			continue
		}
		subject := formspec.UnitSubject(uid).String()
		for _, c := range cols {
			fi, fd, col := c.fi, c.fd, c.col
			if !model.AppliesToKind(model.EffectiveAppliesTo(fi.Path, fi.Item), u.Kind) {
				continue
			}
			what := u.Name + itemName(fi.Item) + "的“" + fd.Label + "”"
			v, ok := r.parse(k.Sheet, row, col, fd, what)
			if !ok {
				continue
			}
			if v.blank {
				if required(fi.Item, fd) {
					r.fail(k.Sheet.Name, row, col, what+"没有填写", "请填写"+fd.RangeText())
				}
				continue
			}
			r.add(model.EntryValue{Subject: subject, Source: model.SourceReview, Rater: rater, Item: fi.Item.Code,
				Field: fd.Name, Value: v.text, Sheet: k.Sheet.Name, Cell: cellRef(row, col)})
		}
		if ncol > 0 {
			if note := importers.FreeText(k.Sheet.Cell(row, ncol).Text); note != "" {
				r.add(model.EntryValue{Subject: subject, Source: model.SourceReview, Rater: rater,
					Field: formspec.KeyNote, Value: note, Sheet: k.Sheet.Name, Cell: cellRef(row, ncol)})
			}
		}
	}
}
