package office

import (
	"context"

	"xingji/model"
)

// Members returns one page of the members that match q, in list order, with
// the total count. Rows carry the unit name and the masked ID number only.
func (o *Office) Members(ctx context.Context, q model.MemberQuery) (model.MemberPage, error) {
	return o.store.Members(ctx, q)
}

// Member returns the full record of a member, ID number included (for the
// edit form).
func (o *Office) Member(ctx context.Context, id int64) (model.Member, error) {
	return o.store.Member(ctx, id)
}

// AllMembers returns every member's full record (ID numbers included),
// ordered by ID. Callers must not show the ID numbers unmasked.
func (o *Office) AllMembers(ctx context.Context) ([]model.Member, error) {
	return o.store.AllMembers(ctx)
}

// MembersOfUnitAt returns the members who belonged to the unit on the given
// day according to their memberships. Records are complete, ID numbers
// included: mask them before showing.
func (o *Office) MembersOfUnitAt(ctx context.Context, unitID int64, on model.Date) ([]model.Member, error) {
	return o.store.MembersOfUnitAt(ctx, unitID, on)
}

// Memberships returns a member's stays in units, oldest first.
func (o *Office) Memberships(ctx context.Context, memberID int64) ([]model.Membership, error) {
	return o.store.Memberships(ctx, memberID)
}

// CreateMember validates and stores a new member, sets m.ID, and opens the
// first membership in m.UnitID from joinedUnitOn (zero when not known).
func (o *Office) CreateMember(ctx context.Context, m *model.Member, joinedUnitOn model.Date) error {
	o.changed()
	return o.store.CreateMember(ctx, m, joinedUnitOn)
}

// UpdateMember validates and saves changes to a member's own fields. The
// unit cannot change here (use TransferMember).
func (o *Office) UpdateMember(ctx context.Context, m model.Member) error {
	o.changed()
	return o.store.UpdateMember(ctx, m)
}

// TransferMember moves a member to another unit on the given date
// (组织关系转接): the current membership closes that day and a new one opens.
func (o *Office) TransferMember(ctx context.Context, memberID, toUnitID int64, on model.Date, note string) error {
	o.changed()
	return o.store.TransferMember(ctx, memberID, toUnitID, on, note)
}

// DeleteMember removes a member entered by mistake, with the membership
// history. (A member who leaves is transferred, not deleted.)
func (o *Office) DeleteMember(ctx context.Context, id int64) error {
	o.changed()
	return o.store.DeleteMember(ctx, id)
}
