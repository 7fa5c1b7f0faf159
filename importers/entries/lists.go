package entries

import (
	"slices"
	"strings"

	"xingji/importers"
	"xingji/model"
	"xingji/model/formspec"
)

// columns looks up the column keys a list sheet needs, reporting those
// missing; ok is false when any is.
func (r *reader) columns(k *importers.KeyedSheet, keys ...string) (cols map[string]int, ok bool) {
	cols = map[string]int{}
	ok = true
	for _, key := range keys {
		c, found := k.Cols[key]
		if !found {
			r.fail(k.Sheet.Name, formspec.KeyRow, 0, "找不到隐藏的列标记“"+key+"”", hintNoEdit+"；"+hintRegenerate)
			ok = false
		}
		cols[key] = c
	}
	return cols, ok
}

// vetoLine is a line of 一票否决 that names a unit and a veto.
type vetoLine struct {
	row           int
	key           model.EntryKey
	active        bool
	reason, docNo string
}

// readVetoes reads 一票否决: each line a unit, a veto and its state. A veto
// active on some line and not standing is entered; one standing and active
// on no line (状态 撤销, or its line emptied) is withdrawn; one standing
// whose 原因 or 文号 changed is entered again with them.
func (r *reader) readVetoes(k *importers.KeyedSheet) {
	sh := k.Sheet
	cols, ok := r.columns(k, formspec.KeyUnit, formspec.KeyUnitName, formspec.KeyVeto, formspec.KeyReason, formspec.KeyDocNo, formspec.KeyState)
	if !ok {
		return
	}
	cCode, cName, cVeto, cState := cols[formspec.KeyUnit], cols[formspec.KeyUnitName], cols[formspec.KeyVeto], cols[formspec.KeyState]
	vetoes := r.p.Scheme.Vetoes
	var lines []vetoLine
	standingRow := map[model.EntryKey]int{} // where each veto standing when written was listed
	for _, key := range k.RowKeys {
		row := k.Rows[key]
		text := func(key string) string { return importers.Clean(sh.Cell(row, cols[key]).Text) }
		code, name, title, state := text(formspec.KeyUnit), text(formspec.KeyUnitName), text(formspec.KeyVeto), text(formspec.KeyState)
		if subject, vc, ok := formspec.ParseVetoRowKey(key); ok {
			standingRow[model.EntryKey{Subject: subject, Kind: model.EntryVeto, Name: vc}] = row
			if _, known := r.byCode[code]; !r.inScope(subject) && !known && state != formspec.VetoWithdrawn {
				continue // the veto of a unit no longer in scope, left alone
			}
		} else if _, ok := formspec.LedgerLine(key); !ok {
			continue
		}
		reason := importers.FreeText(sh.Cell(row, cols[formspec.KeyReason]).Text)
		docNo := importers.FreeText(sh.Cell(row, cols[formspec.KeyDocNo]).Text)
		if code == "" && name == "" && title == "" && reason == "" && docNo == "" && (state == "" || state == formspec.VetoActive) {
			continue // a blank line, or one emptied
		}
		u, ok := r.lineUnit(sh, row, cCode, cName, code, name)
		bad := !ok
		var veto *model.Veto
		switch {
		case title == "":
			r.fail(sh.Name, row, cVeto, "这一行没有选择否决事项", "请从下拉列表中选择，或清空整行")
			bad = true
		default:
			for i := range vetoes {
				if importers.Clean(vetoes[i].Title) == title || importers.Clean(vetoes[i].Code) == title {
					veto = &vetoes[i]
					break
				}
			}
			if veto == nil {
				r.fail(sh.Name, row, cVeto, "否决事项“"+title+"”不在本期方案的一票否决清单中", "请从下拉列表中选择本期方案列出的否决事项")
				bad = true
			}
		}
		active := true
		switch state {
		case "", formspec.VetoActive:
		case formspec.VetoWithdrawn:
			active = false
		default:
			r.fail(sh.Name, row, cState, "状态“"+state+"”无法识别", "请从下拉列表中选择“有效”或“撤销”")
			bad = true
		}
		if bad {
			continue
		}
		lines = append(lines, vetoLine{row: row, active: active, reason: reason, docNo: docNo,
			key: model.EntryKey{Subject: formspec.UnitSubject(u.ID).String(), Kind: model.EntryVeto, Name: veto.Code}})
	}
	// One line per veto: a second active line repeats it, an active and a
	// withdrawn line contradict each other.
	line := map[model.EntryKey]vetoLine{}
	for _, l := range lines {
		prev, dup := line[l.key]
		switch {
		case !dup:
			line[l.key] = l
		case prev.active != l.active:
			r.fail(sh.Name, l.row, cState, "这一行与第 "+itoa(prev.row)+" 行是同一党组织的同一否决事项，但一行“有效”、一行“撤销”", "请只保留一行")
		default:
			r.fail(sh.Name, l.row, cVeto, "这一行与第 "+itoa(prev.row)+" 行重复", "请删去重复的一行")
		}
	}
	// The vetoes to decide on: those on a line, and those that stand now or
	// stood when the workbook was written, in the order of their rows.
	keys := make([]model.EntryKey, 0, len(line))
	for key := range line {
		keys = append(keys, key)
	}
	for key, v := range r.spec.Current {
		if key.Kind == model.EntryVeto && v != "" && r.inScope(key.Subject) {
			keys = append(keys, key)
		}
	}
	for key, w := range r.prefill {
		if key.Kind == model.EntryVeto && w.value != "" && r.inScope(key.Subject) {
			keys = append(keys, key)
		}
	}
	rowOf := func(key model.EntryKey) int {
		if l, ok := line[key]; ok {
			return l.row
		}
		return standingRow[key]
	}
	slices.SortFunc(keys, func(a, b model.EntryKey) int {
		if ra, rb := rowOf(a), rowOf(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Subject+" "+a.Name, b.Subject+" "+b.Name)
	})
	keys = slices.Compact(keys)
	for _, key := range keys {
		l, onLine := line[key]
		s := ""
		if onLine && l.active {
			s = "1"
		}
		old, changed := r.change(key, s)
		row, col := rowOf(key), cState
		if s == "1" && !changed {
			// Standing and still active: entered again only when its 原因
			// or 文号 were changed.
			w, known := r.prefill[key]
			if !known || (w.reason == l.reason && w.docNo == l.docNo) {
				continue
			}
			changed = true
		}
		if !changed {
			continue
		}
		if s == "1" && old == "" {
			col = cVeto
		}
		e := model.Entry{EntryKey: key, Value: s, Old: old}
		if onLine {
			e.Reason, e.DocNo = l.reason, l.docNo
		}
		if row == 0 {
			col = 0
		}
		r.emit(e, sh.Name, row, col)
	}
}

// inScope reports whether a subject key is a unit in scope.
func (r *reader) inScope(subject string) bool {
	_, ok := r.units[subject]
	return ok
}

// lineUnit finds the unit a line of 一票否决 names: by its code, else by its
// name; both given must agree.
func (r *reader) lineUnit(sh *importers.Sheet, row, cCode, cName int, code, name string) (model.Unit, bool) {
	switch {
	case code != "":
		u, ok := r.byCode[code]
		if !ok {
			r.fail(sh.Name, row, cCode, "组织编码“"+code+"”不是本期参评的党组织", "请从下拉列表中选择参评党组织的编码")
			return u, false
		}
		if name != "" && importers.Clean(u.Name) != name {
			r.fail(sh.Name, row, cName, "组织编码“"+code+"”是“"+u.Name+"”，与这里写的名称“"+name+"”不符", "请核对编码和名称，或只填写编码")
			return u, false
		}
		return u, true
	case name != "":
		switch us := r.byName[name]; len(us) {
		case 1:
			return us[0], true
		case 0:
			r.fail(sh.Name, row, cName, "本期参评的党组织中没有“"+name+"”", "请填写组织编码，或核对党组织名称")
		default:
			r.fail(sh.Name, row, cName, "本期参评的党组织中有 "+itoa(len(us))+" 个名为“"+name+"”", "请填写组织编码以区分")
		}
		return model.Unit{}, false
	}
	r.fail(sh.Name, row, cCode, "这一行没有填写组织编码或党组织名称", "请填写组织编码，或清空整行")
	return model.Unit{}, false
}

// starLine is a line of 个性星 with a star on it.
type starLine struct {
	row    int
	score  string
	reason string
}

// readOwnStars reads 个性星: each unit's lines, a star's name and score on
// each. A star on no line that stood when the workbook was written is
// withdrawn.
func (r *reader) readOwnStars(k *importers.KeyedSheet) {
	sh := k.Sheet
	sm := r.p.Scheme.Stars
	cols, ok := r.columns(k, formspec.KeyStar, formspec.KeyValue, formspec.KeyReason, formspec.KeyWas)
	if !ok {
		return
	}
	cStar, cScore, cReason, cWas := cols[formspec.KeyStar], cols[formspec.KeyValue], cols[formspec.KeyReason], cols[formspec.KeyWas]
	fd := formspec.OwnStarField(sm)
	stars := map[string]map[string]starLine{} // subject → name → line
	wasRow := map[model.EntryKey]int{}
	var subjects []string
	for _, key := range k.RowKeys {
		subject, ok := formspec.OwnStarSubject(key)
		if !ok {
			continue
		}
		row := k.Rows[key]
		name := importers.FreeText(sh.Cell(row, cStar).Text)
		if was := importers.FreeText(sh.Cell(row, cWas).Text); was != "" {
			wasRow[model.EntryKey{Subject: subject, Kind: model.EntryOwnStar, Name: was}] = row
		}
		u, known := r.units[subject]
		what := func() string { return u.Name + "个性星“" + name + "”的得分" }
		score, blank, err := importers.ParseField(sh.Cell(row, cScore), fd, what)
		switch {
		case err != nil:
			r.fail(sh.Name, row, cScore, err.Message, err.Hint)
			continue
		case name == "" && blank:
			continue
		case name == "":
			r.fail(sh.Name, row, cStar, "填了得分，但没有填写星名", "请填写星名，或清空得分")
			continue
		case blank:
			r.fail(sh.Name, row, cScore, "个性星“"+name+"”没有填写得分", "请填写得分，或把星名也清空以撤销这颗星")
			continue
		case !known:
			if _, changed := r.change(model.EntryKey{Subject: subject, Kind: model.EntryOwnStar, Name: name}, score); changed {
				r.fail(sh.Name, row, 0, "第 "+itoa(row)+" 行的党组织（编码 "+importers.Clean(sh.Cell(row, 3).Text)+"）不在本期的参评范围内",
					"请删去这一行的数据；如需参评，请先在考评周期中加入这个党组织，再重新生成录入表")
			}
			continue
		}
		if stars[subject] == nil {
			stars[subject] = map[string]starLine{}
			subjects = append(subjects, subject)
		}
		if prev, dup := stars[subject][name]; dup {
			r.fail(sh.Name, row, cStar, u.Name+"的个性星“"+name+"”与第 "+itoa(prev.row)+" 行重复", "请删去重复的一行")
			continue
		}
		if len(stars[subject]) == sm.OwnSlots {
			r.fail(sh.Name, row, cStar, u.Name+"的个性星超过了 "+itoa(sm.OwnSlots)+" 颗", "每个党组织最多 "+itoa(sm.OwnSlots)+" 颗个性星，请删去多余的")
			continue
		}
		stars[subject][name] = starLine{row: row, score: score, reason: importers.FreeText(sh.Cell(row, cReason).Text)}
	}
	// Entered or changed, in the order of the lines.
	for _, subject := range subjects {
		var names []string
		for name := range stars[subject] {
			names = append(names, name)
		}
		slices.SortFunc(names, func(a, b string) int { return stars[subject][a].row - stars[subject][b].row })
		for _, name := range names {
			l := stars[subject][name]
			key := model.EntryKey{Subject: subject, Kind: model.EntryOwnStar, Name: name}
			if old, changed := r.change(key, l.score); changed {
				r.emit(model.Entry{EntryKey: key, Value: l.score, Old: old, Reason: l.reason}, sh.Name, l.row, cScore)
			}
		}
	}
	// Withdrawn: standing now or when written, on no line.
	var gone []model.EntryKey
	for key, v := range r.spec.Current {
		if key.Kind == model.EntryOwnStar && v != "" && r.inScope(key.Subject) {
			gone = append(gone, key)
		}
	}
	for key, w := range r.prefill {
		if key.Kind == model.EntryOwnStar && w.value != "" && r.inScope(key.Subject) {
			gone = append(gone, key)
		}
	}
	slices.SortFunc(gone, func(a, b model.EntryKey) int {
		if ra, rb := wasRow[a], wasRow[b]; ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Subject+" "+a.Name, b.Subject+" "+b.Name)
	})
	gone = slices.Compact(gone)
	for _, key := range gone {
		if _, on := stars[key.Subject][key.Name]; on {
			continue
		}
		old, changed := r.change(key, "")
		if !changed {
			continue
		}
		e := model.Entry{EntryKey: key, Value: "", Old: old}
		row, col := wasRow[key], cStar
		if row == 0 {
			col = 0
		} else {
			e.Reason = importers.FreeText(sh.Cell(row, cReason).Text)
		}
		r.emit(e, sh.Name, row, col)
	}
}
