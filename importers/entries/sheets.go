package entries

import (
	"strings"

	"xingji/importers"
	"xingji/model"
	"xingji/model/formspec"
)

// column is one input column of a grid sheet (考评得分, 考核事实, 党员事实):
// what its cells set, how they are read and how they are named.
type column struct {
	col   int
	fd    model.Field
	kind  model.EntryKind
	name  string // the item's code or the fact's name
	dept  string // for a score: the department owning the item
	what  string // "第 3 项“…”的“得分”", "“换届逾期月数”"
	path  []*model.Section
	item  *model.Item
	field string // for a score: the field's name
}

// applies reports whether the column's item applies to a unit of kind k.
func (c column) applies(k model.UnitKind) bool {
	return c.item == nil || model.AppliesToKind(model.EffectiveAppliesTo(c.path, c.item), k)
}

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

// readScores reads 考评得分.
func (r *reader) readScores(k *importers.KeyedSheet) {
	var cols []column
	for _, fi := range formspec.EntriesScoreItems(r.p, r.dept) {
		dept := model.EffectiveDepartment(fi.Path, fi.Item)
		for _, fd := range model.ItemFields(fi.Item) {
			col, ok := k.Cols[formspec.FieldKey{Item: fi.Item.Code, Field: fd.Name}.String()]
			if !ok {
				r.fail(k.Sheet.Name, 0, 0, "缺少"+itemName(fi.Item)+"“"+fd.Label+"”一列", "请不要删除表格中的列；"+hintRegenerate)
				continue
			}
			cols = append(cols, column{col: col, fd: fd, kind: model.EntryScore, name: fi.Item.Code, dept: dept,
				what: itemName(fi.Item) + "的“" + fd.Label + "”", path: fi.Path, item: fi.Item, field: fd.Name})
		}
	}
	r.readGrid(k, cols, false)
}

// readFacts reads 考核事实 (units) or 党员事实 (members).
func (r *reader) readFacts(k *importers.KeyedSheet, s *model.Scheme, members bool) {
	var cols []column
	for _, f := range s.Facts {
		col, ok := k.Cols[formspec.FactKey(f.Name)]
		if !ok {
			r.fail(k.Sheet.Name, 0, 0, "缺少“"+f.Label+"”一列", "请不要删除表格中的列；"+hintRegenerate)
			continue
		}
		cols = append(cols, column{col: col, fd: formspec.FactField(f), kind: model.EntryFact, name: f.Name, what: "“" + f.Label + "”"})
	}
	r.readGrid(k, cols, members)
}

// readGrid reads a sheet of one row per unit (or member) and one column
// per thing entered, with 更正原因 the reason of every entry of its row.
func (r *reader) readGrid(k *importers.KeyedSheet, cols []column, members bool) {
	sh := k.Sheet
	reasonCol := k.Cols[formspec.KeyReason]
	for _, key := range k.RowKeys {
		kind, ok := formspec.SubjectKindOf(key)
		if !ok || (kind == model.SubjectMember) != members {
			continue
		}
		row := k.Rows[key]
		var who string // the unit or member, for messages
		var unitKind model.UnitKind
		known := false
		if members {
			if m, ok := r.members[key]; ok {
				who, known = m.Name, true
			}
		} else if u, ok := r.units[key]; ok {
			who, unitKind, known = u.Name, u.Kind, true
		}
		if !known {
			r.unknownRow(k, row, key, cols, members)
			continue
		}
		reason := ""
		if reasonCol > 0 {
			reason = importers.FreeText(sh.Cell(row, reasonCol).Text)
		}
		for _, c := range cols {
			if !members && !c.applies(unitKind) {
				continue
			}
			text, _, err := importers.ParseField(sh.Cell(row, c.col), c.fd, func() string { return who + c.what })
			if err != nil {
				r.fail(sh.Name, row, c.col, err.Message, err.Hint)
				continue
			}
			ek := model.EntryKey{Subject: key, Kind: c.kind, Name: c.name, Field: c.field}
			old, changed := r.change(ek, text)
			if !changed {
				continue
			}
			r.emit(model.Entry{EntryKey: ek, Dept: c.dept, Value: text, Old: old, Reason: reason}, sh.Name, row, c.col)
		}
	}
}

// unknownRow checks the row of a unit no longer in scope (or a member no
// longer in its units): left as written it is ignored, changed it is a
// problem.
func (r *reader) unknownRow(k *importers.KeyedSheet, row int, key string, cols []column, members bool) {
	sh := k.Sheet
	for _, c := range cols {
		cell := sh.Cell(row, c.col)
		if t := importers.Clean(cell.Text); t == "" || t == "—" {
			continue
		}
		text, _, err := importers.ParseField(cell, c.fd, func() string { return c.what })
		if err == nil {
			if _, changed := r.change(model.EntryKey{Subject: key, Kind: c.kind, Name: c.name, Field: c.field}, text); !changed {
				continue
			}
		}
		if members {
			r.fail(sh.Name, row, 0, "第 "+itoa(row)+" 行的党员（"+importers.Clean(sh.Cell(row, 3).Text)+"）已不在参评的党组织中",
				"党员可能已转出；请删去这一行的数据，或重新生成录入表")
		} else {
			r.fail(sh.Name, row, 0, "第 "+itoa(row)+" 行的党组织（编码 "+importers.Clean(sh.Cell(row, 3).Text)+"）不在本期的参评范围内",
				"请删去这一行的数据；如需参评，请先在考评周期中加入这个党组织，再重新生成录入表")
		}
		return
	}
}
