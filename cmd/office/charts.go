package office

import (
	"context"
	"sort"

	"xingji/documents"
	"xingji/model"
	"xingji/scoring/period"
)

// Trend returns the bands and the mean grade total of the units (kind
// model.SubjectUnit) or members (model.SubjectMember) over the committee's
// periods that use the same unit scheme as the period periodID, oldest
// first by start date, up to and including that period. Each period's
// results are computed from its current data, as Results does.
func (o *Office) Trend(ctx context.Context, periodID int64, kind model.SubjectKind) (documents.Trend, error) {
	all, err := o.store.Periods(ctx)
	if err != nil {
		return documents.Trend{}, err
	}
	var this *model.Period
	for i := range all {
		if all[i].ID == periodID {
			this = &all[i]
		}
	}
	if this == nil {
		return documents.Trend{}, model.Errorf(model.ENotFound, "找不到这个考评周期，可能已被删除")
	}
	var same []model.Period
	for _, p := range all {
		if p.Scheme.Code == this.Scheme.Code && !trendAfter(p, *this) {
			same = append(same, p)
		}
	}
	sort.Slice(same, func(i, j int) bool { return trendAfter(same[j], same[i]) })
	results := make([]*period.Results, 0, len(same))
	for _, p := range same {
		r, err := o.Results(ctx, p.ID)
		if err != nil {
			return documents.Trend{}, err
		}
		results = append(results, r)
	}
	return documents.TrendOf(results, kind), nil
}

// trendAfter reports whether p comes after q in a trend: a later start
// date, or the same start and created later.
func trendAfter(p, q model.Period) bool {
	if c := p.Start.Compare(q.Start); c != 0 {
		return c > 0
	}
	return p.ID > q.ID
}
