package roster

import (
	"strconv"
	"strings"

	"xingji/importers"
	"xingji/model"
)

// memberIndex finds stored members by ID number and by name.
type memberIndex struct {
	byID   map[string]*model.Member
	byName map[string][]*model.Member
}

func newMemberIndex(members []model.Member) memberIndex {
	ix := memberIndex{byID: map[string]*model.Member{}, byName: map[string][]*model.Member{}}
	for i := range members {
		m := &members[i]
		if id := strings.ToUpper(m.IDNumber); id != "" {
			if _, dup := ix.byID[id]; !dup {
				ix.byID[id] = m
			}
		}
		name := importers.CleanName(m.Name)
		ix.byName[name] = append(ix.byName[name], m)
	}
	return ix
}

// members plans every entry: duplicate checks within the file, matching with
// stored members, and the planned insert or update.
func (pl *planner) members(existing []model.Member) {
	ix := newMemberIndex(existing)
	c := &pl.p.Counts
	seenID := map[string]int{}     // ID number → first row
	seenPerson := map[string]int{} // name|birth|unit → first row
	claimed := map[int64]int{}     // stored member → first row matched to it
	var defaulted []int
	for i := range pl.s.Entries {
		e := &pl.s.Entries[i]
		if e.Name == "" {
			continue
		}
		if e.BirthFromID {
			c.BirthFromID++
		}
		if e.IDNumber != "" {
			if first, dup := seenID[e.IDNumber]; dup {
				pl.fail(e.Row, FieldIDNumber, "身份证号“"+model.MaskIDNumber(e.IDNumber)+"”与第"+strconv.Itoa(first)+"行重复",
					"同一个人只能出现一次，请删除重复的行")
				continue
			}
			seenID[e.IDNumber] = e.Row
		}
		t, ok := pl.unitOf(e)
		unitKey := "name:" + e.Unit + "|" + e.UnitCode
		if ok {
			unitKey = t.key()
		}
		person := e.Name + "|" + e.Birth.String() + "|" + unitKey
		if first, dup := seenPerson[person]; dup {
			if !e.Birth.IsZero() {
				pl.fail(e.Row, FieldName, "与第"+strconv.Itoa(first)+"行重复（姓名、出生日期和所在支部都相同）",
					"同一个人只能出现一次，请删除重复的行")
				continue
			}
			pl.warn(e.Row, FieldName, "与第"+strconv.Itoa(first)+"行的姓名和所在支部相同，且都没有出生日期，可能是同一个人",
				"如果是同一人请删除一行；如果是两个人，请填写出生日期或身份证号以便区分")
		} else {
			seenPerson[person] = e.Row
		}
		if !ok || pl.badRows[e.Row] {
			continue
		}
		stored, ok := pl.match(e, t, ix)
		if !ok {
			continue
		}
		if stored != nil {
			if first, dup := claimed[stored.ID]; dup {
				pl.fail(e.Row, FieldName, "与第"+strconv.Itoa(first)+"行对应同一名已有党员“"+stored.Name+"”",
					"请检查是否重复填写了同一个人")
				continue
			}
			claimed[stored.ID] = e.Row
		}
		pm := model.PlannedMember{Row: e.Row, UnitRef: t.ref}
		if stored == nil {
			pm.Member = newMember(e, t)
		} else {
			pm.Member = updated(*stored, e, t)
			if pm.Member == *stored && t.ref == "" {
				c.Unchanged++
				continue
			}
		}
		if !pl.valid(pm) {
			continue
		}
		switch {
		case stored == nil:
			c.New++
			if e.Status == "" {
				c.StatusDefaulted++
				defaulted = append(defaulted, e.Row)
			}
			if e.Category == "" {
				c.CategoryDefaulted++
			}
		default:
			c.Update++
			if t.ref != "" || t.id != stored.UnitID {
				c.Transfer++
			}
		}
		pl.p.Plan.Members = append(pl.p.Plan.Members, pm)
	}
	pl.warnDefaults(defaulted)
}

// match finds the stored member an entry describes: by ID number; else by
// name and birth date (exactly, else agreeing at the file's precision, else a
// namesake without a stored birth date in the same unit); with neither ID nor
// birth date, by name within the same stored unit. stored is nil for a new
// member; ok is false when several stored members fit (an error).
func (pl *planner) match(e *Entry, t target, ix memberIndex) (stored *model.Member, ok bool) {
	if e.IDNumber != "" {
		if m := ix.byID[e.IDNumber]; m != nil {
			if importers.CleanName(m.Name) != e.Name {
				pl.warn(e.Row, FieldName, "身份证号与已有党员“"+m.Name+"”相同，姓名将改为“"+e.Name+"”",
					"如果不是同一个人，请核对身份证号")
			}
			return m, true
		}
	}
	var exact, close, noBirth []*model.Member
	for _, m := range ix.byName[e.Name] {
		if e.IDNumber != "" && m.IDNumber != "" {
			continue // both have ID numbers and they differ: another person
		}
		switch {
		case e.Birth.IsZero():
			if e.IDNumber == "" && t.ref == "" && m.UnitID == t.id {
				noBirth = append(noBirth, m)
			}
		case m.Birth == e.Birth:
			exact = append(exact, m)
		case !m.Birth.IsZero() && (sameAtPrecision(e.Birth, m.Birth) || sameAtPrecision(m.Birth, e.Birth)):
			close = append(close, m)
		case m.Birth.IsZero() && t.ref == "" && m.UnitID == t.id:
			noBirth = append(noBirth, m)
		}
	}
	for _, set := range [][]*model.Member{exact, close, noBirth} {
		switch len(set) {
		case 0:
			continue
		case 1:
			return set[0], true
		}
		pl.fail(e.Row, FieldName, "系统中已有"+strconv.Itoa(len(set))+"名“"+e.Name+"”与这一行相符，无法确定是哪一位",
			"请在表中填写身份证号（或出生日期）以便区分")
		return nil, false
	}
	return nil, true
}

// newMember builds a member to add, with the defaults 正式 and 在职.
func newMember(e *Entry, t target) model.Member {
	m := model.Member{
		UnitID: t.id, Name: e.Name, Gender: e.Gender, Birth: e.Birth, Joined: e.Joined,
		Status: e.Status, Category: e.Category, Position: e.Position, Phone: e.Phone, IDNumber: e.IDNumber,
	}
	if m.Status == "" {
		m.Status = model.StatusFull
	}
	if m.Category == "" {
		m.Category = model.CategoryActive
	}
	return m
}

// updated applies the fields the file gives to a stored member; blank cells
// keep the stored values.
func updated(m model.Member, e *Entry, t target) model.Member {
	m.Name = e.Name
	m.UnitID = t.id // 0 when the unit is a planned one (UnitRef)
	if e.Gender != "" {
		m.Gender = e.Gender
	}
	if !e.Birth.IsZero() && !(e.BirthFromID && !m.Birth.IsZero()) {
		m.Birth = e.Birth
	}
	if !e.Joined.IsZero() {
		m.Joined = e.Joined
	}
	if e.Status != "" {
		m.Status = e.Status
	}
	if e.Category != "" {
		m.Category = e.Category
	}
	if e.Position != "" {
		m.Position = e.Position
	}
	if e.Phone != "" {
		m.Phone = e.Phone
	}
	if e.IDNumber != "" {
		m.IDNumber = e.IDNumber
	}
	return m
}

// modelFields maps model field names to roster fields, for placing errors.
var modelFields = map[string]Field{
	"Name": FieldName, "UnitID": FieldUnit, "Gender": FieldGender, "Birth": FieldBirth,
	"Joined": FieldJoined, "Status": FieldStatus, "Category": FieldCategory, "IDNumber": FieldIDNumber,
}

// valid checks a planned member with the model's rules. A wrong ID check
// digit was already reported as a warning (the ID is kept as written).
func (pl *planner) valid(pm model.PlannedMember) bool {
	err := pm.Validate()
	if err == nil {
		return true
	}
	var me *model.Error
	field := ""
	if e, ok := err.(*model.Error); ok {
		me, field = e, e.Field
	}
	if field == "IDNumber" {
		return true
	}
	msg := model.ErrorMessage(err)
	if me == nil {
		msg = err.Error()
	}
	pl.fail(pm.Row, modelFields[field], msg, "")
	return false
}

// warnDefaults reports the new members whose status was blank.
func (pl *planner) warnDefaults(rows []int) {
	if len(rows) == 0 {
		return
	}
	n := strconv.Itoa(len(rows))
	if !pl.s.header.has(FieldStatus) {
		pl.warn(0, FieldNone, "表中没有“党员状态”列，"+n+"名新党员都按正式党员导入", "如有预备党员，请增加“党员状态”列并填写“预备党员”")
		return
	}
	pl.warn(0, FieldStatus, "有"+n+"名新党员的党员状态为空，已按正式党员导入（第"+rowList(rows)+"行）",
		"如有预备党员，请在这些行填写“预备党员”")
}
