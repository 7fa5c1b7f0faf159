package roster

import (
	"cmp"
	"slices"
	"strconv"

	"xingji/importers"
	"xingji/model"
)

// Existing is what the store holds now. Members should carry every field:
// an update keeps the stored value of each field the file leaves blank, so
// fields missing here would be cleared. At the least ID, UnitID, Name, Birth
// and IDNumber are needed to match rows to members.
type Existing struct {
	Units   []model.Unit
	Members []model.Member
}

// CreateDecision tells Plan to create an unknown unit under ParentID (0: the
// stored unit named by the leading part of a path such as
// "城关镇党委/新支部"). A zero Kind or Level is guessed from the name.
type CreateDecision struct {
	ParentID int64
	Kind     model.UnitKind
	Level    model.UnitLevel
}

// Options carries the user's decisions about units the file names but the
// store does not hold, keyed by UnknownUnit.Name.
type Options struct {
	Create map[string]CreateDecision // create these units
	MapTo  map[string]int64          // these names mean these stored units
	// CreateAllUnder, when not 0, creates every other unknown unit under this
	// stored unit (or under the unit a path's leading part names): level from
	// the name's suffix (model.ParseUnitLevel, else 党支部), kind from the name
	// (model.ParseUnitKind, else the parent's).
	CreateAllUnder int64
	// TransferDate dates the transfers (see model.RosterPlan); zero: today.
	TransferDate model.Date
}

// UnknownUnit is a unit name the file uses and the store does not hold, with
// the rows that use it. Its rows are left out of the plan until Options
// decides what the name means.
type UnknownUnit struct {
	Name        string  // as written, cleaned; the key for Options
	Code        string  // the 组织编码 the rows give for it, if any
	Rows        []int   // 1-based rows
	ParentHint  int64   // the stored unit a path's leading part names; 0 if none
	Suggestions []int64 // stored units with similar names, best first
}

// Counts summarises a preview.
type Counts struct {
	Entries           int // member rows read
	New               int // members to add
	Update            int // stored members to update (transfers included)
	Transfer          int // updates that move a member to another unit
	Unchanged         int // stored members the file repeats without change
	NewUnits          int // units to create
	Pending           int // rows waiting for a decision about their unit
	Skipped           int // rows left out as not members (footers)
	StatusDefaulted   int // new members whose 党员状态 was blank: 正式
	CategoryDefaulted int // new members whose 人员类别 was blank: 在职
	BirthFromID       int // birth dates taken from the ID number
	Warnings          int
	Errors            int
}

// Preview is what an import would do, for the user to check before the store
// applies Plan in one transaction (the whole file or nothing).
type Preview struct {
	File         string
	Sheet        string // the sheet read ("" for CSV); OtherSheets were not
	OtherSheets  []string
	HeaderRow    int
	Columns      []Column
	Entries      int
	Plan         model.RosterPlan
	UnknownUnits []UnknownUnit
	Errors       importers.Errors
	Warnings     importers.Errors
	Counts       Counts
}

// Ready reports whether the plan may be applied: no errors and no unit left
// undecided.
func (p *Preview) Ready() bool { return len(p.Errors) == 0 && len(p.UnknownUnits) == 0 }

// planner holds the state of one Plan call.
type planner struct {
	s       *Sheet
	ix      *unitIndex
	opts    Options
	p       *Preview
	unknown map[string]*UnknownUnit
	newUnit map[string]int    // PlannedUnit index by Ref
	leafOf  map[string]string // unknown name → Ref of its leaf planned unit ("" when creation failed)
	codes   map[string]bool   // unit codes in use, upper-cased
	seq     map[string]int    // last number of generated codes, by prefix
	sortSeq map[string]int    // new children so far, by parent
	badRows map[int]bool      // rows with an error already
}

// Plan matches the entries of s against the stored units and members and
// works out the change: members to add and update (a unit change is a
// transfer), units to create as Options decide, and the units still to be
// decided. It returns an error only when Options name units that do not
// exist or cannot take children; problems in the file are in the Preview.
func Plan(s *Sheet, existing Existing, opts Options) (*Preview, error) {
	pl := &planner{
		s: s, ix: newUnitIndex(existing.Units), opts: opts,
		p: &Preview{
			File: s.File, Sheet: s.Name, OtherSheets: s.OtherSheets, HeaderRow: s.HeaderRow,
			Columns: s.Columns, Entries: len(s.Entries),
			Errors: slices.Clone(s.Errors), Warnings: slices.Clone(s.Warnings),
		},
		unknown: map[string]*UnknownUnit{}, newUnit: map[string]int{}, leafOf: map[string]string{},
		codes: map[string]bool{}, seq: map[string]int{}, sortSeq: map[string]int{}, badRows: map[int]bool{},
	}
	if err := pl.checkOptions(); err != nil {
		return nil, err
	}
	for code := range pl.ix.byCode {
		pl.codes[code] = true
	}
	for _, e := range s.Errors {
		pl.badRows[e.Row] = true
	}
	pl.p.Plan = model.RosterPlan{Source: s.File, TransferDate: opts.TransferDate}
	pl.members(existing.Members)
	pl.finish()
	return pl.p, nil
}

// checkOptions validates the units Options name.
func (pl *planner) checkOptions() error {
	check := func(id int64, what, name string) error {
		u := pl.ix.byID[id]
		switch {
		case u == nil:
			return &importers.Error{File: pl.s.File, Message: what + "“" + name + "”选择的党组织不存在（编号 " + strconv.FormatInt(id, 10) + "）", Hint: "请重新选择"}
		case !u.Active():
			return &importers.Error{File: pl.s.File, Message: what + "“" + name + "”选择的党组织“" + u.Name + "”已撤销", Hint: "请重新选择"}
		}
		return nil
	}
	for name, id := range pl.opts.MapTo {
		if err := check(id, "对应", name); err != nil {
			return err
		}
	}
	for name, d := range pl.opts.Create {
		if d.ParentID == 0 {
			continue
		}
		if err := check(d.ParentID, "新建", name); err != nil {
			return err
		}
	}
	if id := pl.opts.CreateAllUnder; id != 0 {
		return check(id, "新建", "全部未知党组织")
	}
	return nil
}

func (pl *planner) fail(row int, f Field, msg, hint string) {
	pl.p.Errors = append(pl.p.Errors, pl.s.at(row, f, msg, hint))
	pl.badRows[row] = true
}

func (pl *planner) warn(row int, f Field, msg, hint string) {
	pl.p.Warnings = append(pl.p.Warnings, pl.s.at(row, f, msg, hint))
}

// finish sorts the problems by place and fills the counts.
func (pl *planner) finish() {
	byPlace := func(a, b *importers.Error) int {
		return cmp.Or(cmp.Compare(a.Row, b.Row), cmp.Compare(a.Col, b.Col))
	}
	slices.SortStableFunc(pl.p.Errors, byPlace)
	slices.SortStableFunc(pl.p.Warnings, byPlace)
	for _, u := range pl.unknown {
		pl.p.UnknownUnits = append(pl.p.UnknownUnits, *u)
		pl.p.Counts.Pending += len(u.Rows)
	}
	slices.SortFunc(pl.p.UnknownUnits, func(a, b UnknownUnit) int { return cmp.Compare(a.Rows[0], b.Rows[0]) })
	c := &pl.p.Counts
	c.Entries, c.NewUnits, c.Skipped = len(pl.s.Entries), len(pl.p.Plan.NewUnits), len(pl.s.Skipped)
	c.Warnings, c.Errors = len(pl.p.Warnings), len(pl.p.Errors)
}

// target is where a row's member belongs: a stored unit or a planned one.
type target struct {
	id  int64
	ref string
}

func (t target) key() string {
	if t.ref != "" {
		return "ref:" + t.ref
	}
	return "id:" + strconv.FormatInt(t.id, 10)
}

// unitOf resolves the unit of an entry. ok is false when the row cannot be
// planned now (an error, or a unit still to be decided).
func (pl *planner) unitOf(e *Entry) (target, bool) {
	if e.Unit == "" && e.UnitCode == "" {
		return target{}, false // reported by Read
	}
	m := pl.ix.resolve(e.Unit, e.UnitCode)
	field := FieldUnit
	if e.Unit == "" || !pl.s.header.has(FieldUnit) {
		field = FieldUnitCode
	}
	switch {
	case m.msg != "":
		pl.fail(e.Row, field, m.msg, m.hint)
		return target{}, false
	case m.unit != nil:
		if m.warn != "" {
			pl.warn(e.Row, field, m.warn, "")
		}
		return target{id: m.unit.ID}, true
	}
	if id, ok := pl.opts.MapTo[e.Unit]; ok {
		return target{id: id}, true
	}
	if ref, decided := pl.created(e); decided {
		return target{ref: ref}, ref != ""
	}
	u := pl.unknown[e.Unit]
	if u == nil {
		hint, _ := pl.ix.splitUnknown(e.Unit)
		u = &UnknownUnit{Name: e.Unit, Code: e.UnitCode, Suggestions: pl.ix.suggest(e.Unit)}
		if hint != nil {
			u.ParentHint = hint.ID
		}
		pl.unknown[e.Unit] = u
	}
	u.Rows = append(u.Rows, e.Row)
	return target{}, false
}
