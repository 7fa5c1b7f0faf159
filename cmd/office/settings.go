package office

import "context"

// Setting reads the office setting key into v (a pointer) and reports
// whether it was set. Settings live in the data file, so they travel with
// its backups: the notice's contact lines, the certificates' numbering and
// printer offsets.
func (o *Office) Setting(ctx context.Context, key string, v any) (bool, error) {
	return o.store.Setting(ctx, key, v)
}

// SetSetting stores v as the office setting key.
func (o *Office) SetSetting(ctx context.Context, key string, v any) error {
	return o.store.SetSetting(ctx, key, v)
}
