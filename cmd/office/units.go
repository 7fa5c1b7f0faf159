package office

import (
	"context"

	"xingji/model"
)

// Units returns every unit, dissolved ones included, in tree order: each
// parent before its children, siblings by SortOrder then ID.
func (o *Office) Units(ctx context.Context) ([]model.Unit, error) {
	return o.store.Units(ctx)
}

// UnitByCode returns the unit with the given code (ENotFound when there is
// none). Surrounding spaces are ignored.
func (o *Office) UnitByCode(ctx context.Context, code string) (model.Unit, error) {
	return o.store.UnitByCode(ctx, code)
}

// CreateUnit validates u (on its own and against its parent), checks that
// its code is unused, stores it and sets u.ID.
func (o *Office) CreateUnit(ctx context.Context, u *model.Unit) error {
	o.changed()
	return o.store.CreateUnit(ctx, u)
}

// UpdateUnit saves changes to a unit's own fields. The parent cannot change
// here (use MoveUnit).
func (o *Office) UpdateUnit(ctx context.Context, u model.Unit) error {
	o.changed()
	return o.store.UpdateUnit(ctx, u)
}

// MoveUnit puts a unit (with its subtree and members) under a new parent, or
// at the top when newParentID is 0 (only a 党委), checking the level rules.
func (o *Office) MoveUnit(ctx context.Context, id, newParentID int64) error {
	o.changed()
	return o.store.MoveUnit(ctx, id, newParentID)
}

// DissolveUnit marks a unit dissolved on the given date. It refuses while
// the unit still has active child units or members.
func (o *Office) DissolveUnit(ctx context.Context, id int64, on model.Date) error {
	o.changed()
	return o.store.DissolveUnit(ctx, id, on)
}

// unitsAndMembers reads every unit and every member, what the roster
// preview and the forms reader check against.
func (o *Office) unitsAndMembers(ctx context.Context) ([]model.Unit, []model.Member, error) {
	units, err := o.store.Units(ctx)
	if err != nil {
		return nil, nil, err
	}
	members, err := o.store.AllMembers(ctx)
	if err != nil {
		return nil, nil, err
	}
	return units, members, nil
}
