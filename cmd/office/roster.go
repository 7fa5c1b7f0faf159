package office

import (
	"context"
	"path/filepath"

	"xingji/importers"
	"xingji/importers/roster"
	"xingji/model"
)

// PreviewRoster reads the roster file at path and works out what importing it
// would change, against what is stored now. Nothing is written.
func (o *Office) PreviewRoster(ctx context.Context, path string, opts roster.Options) (*roster.Preview, error) {
	table, err := importers.OpenFile(path)
	if err != nil {
		return nil, err
	}
	units, members, err := o.unitsAndMembers(ctx)
	if err != nil {
		return nil, err
	}
	sheet, err := roster.Read(filepath.Base(path), table)
	if err != nil {
		return nil, err
	}
	opts.TransferDate = model.DateOf(o.Now())
	return roster.Plan(sheet, roster.Existing{Units: units, Members: members}, opts)
}

// ApplyRosterPlan stores a checked roster (the store's job) and checkpoints.
func (o *Office) ApplyRosterPlan(ctx context.Context, p model.RosterPlan) (model.RosterResult, error) {
	defer o.settle()
	o.changed()
	return o.store.ApplyRosterPlan(ctx, p)
}
