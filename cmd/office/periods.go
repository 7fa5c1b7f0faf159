package office

import (
	"context"

	"xingji/model"
)

// Periods returns every period, newest first, schemes and scope included.
func (o *Office) Periods(ctx context.Context) ([]model.Period, error) {
	return o.store.Periods(ctx)
}

// CreatePeriod stores a new period with its schemes frozen as they are now
// and sets p.ID. Every unit in scope must exist and be active.
func (o *Office) CreatePeriod(ctx context.Context, p *model.Period) error {
	o.changed()
	return o.store.CreatePeriod(ctx, p)
}

// SetPeriodStatus opens or closes a period.
func (o *Office) SetPeriodStatus(ctx context.Context, id int64, st model.PeriodStatus) error {
	o.changed()
	return o.store.SetPeriodStatus(ctx, id, st)
}

// UnitsForScheme returns the active units a unit scheme is meant for (see
// model.UnitsForScheme), in tree order.
func (o *Office) UnitsForScheme(ctx context.Context, s model.Scheme) ([]int64, error) {
	units, err := o.store.Units(ctx)
	if err != nil {
		return nil, err
	}
	return model.UnitsForScheme(units, s), nil
}
