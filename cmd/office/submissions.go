package office

import (
	"context"

	"xingji/model"
)

// FileData returns the kept bytes of a received file, by its SHA-256.
func (o *Office) FileData(ctx context.Context, sha string) ([]byte, error) {
	return o.store.FileData(ctx, sha)
}

// AcceptedValues returns the values of every accepted submission of a
// period, in the order received: where each number came from (file, sheet,
// cell). The appraisal totals of a file may be held apart as its Ratings:
// model.Submission.All yields every value.
func (o *Office) AcceptedValues(ctx context.Context, periodID int64) ([]model.Submission, error) {
	return o.store.AcceptedValues(ctx, periodID)
}
