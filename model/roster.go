package model

// RosterPlan is a bulk change to the organization tree and the roster, worked
// out in full before anything is written: the roster importer and the demo
// generator produce one, the user previews it, and the store applies it in a
// single transaction (all of it or none of it).
type RosterPlan struct {
	Source   string        // where it came from, e.g. the file name; kept in the import log
	NewUnits []PlannedUnit // units to create, parents before children
	Members  []PlannedMember
	// TransferDate dates the transfers of existing members whose unit changes;
	// the store uses today when it is zero.
	TransferDate Date
}

// PlannedUnit is a unit to create. Its parent is either an existing unit
// (Unit.ParentID) or an earlier PlannedUnit named by ParentRef.
type PlannedUnit struct {
	Ref       string // key within the plan, e.g. the unit's name as written in the file
	ParentRef string // "" when Unit.ParentID names an existing unit (or for a new root)
	Unit      Unit
}

// PlannedMember is a member to insert (Member.ID == 0) or to update
// (Member.ID != 0). The unit is an existing one (Member.UnitID) or a planned
// one named by UnitRef.
type PlannedMember struct {
	Row     int    // source row, 1-based, for reports; 0 when not from a file
	UnitRef string // "" when Member.UnitID names an existing unit
	Member  Member
}

// RosterResult reports what applying a plan did.
type RosterResult struct {
	UnitsCreated   int
	MembersAdded   int
	MembersUpdated int
	Transfers      int
	BackupPath     string // the backup taken before the change
}

// Validate checks the planned unit on its own, as Unit.Validate does, except
// that a parent named by ParentRef counts as a parent (Unit.ParentID stays 0
// until the store creates that parent). Tree rules need the parent: see
// Unit.ValidateParent.
func (p PlannedUnit) Validate() error {
	u := p.Unit
	if p.ParentRef != "" && u.ParentID == 0 {
		u.ParentID = -1 // stands in for the planned parent; only "non-zero" matters
	}
	return u.Validate()
}

// Validate checks the planned member's own fields, as Member.Validate does,
// except that a unit named by UnitRef counts as the member's unit
// (Member.UnitID stays 0 until the store creates that unit).
func (p PlannedMember) Validate() error {
	m := p.Member
	if p.UnitRef != "" && m.UnitID == 0 {
		m.UnitID = -1 // stands in for the planned unit; only "non-zero" matters
	}
	return m.Validate()
}
