package office

import (
	"context"

	"xingji/model"
	"xingji/model/sqlite"
	"xingji/scoring"
)

// Schemes lists the stored schemes by code, each code's versions in the
// order they were saved (the built-ins are not stored; see FindScheme).
func (o *Office) Schemes(ctx context.Context) ([]sqlite.SchemeInfo, error) {
	return o.store.Schemes(ctx)
}

// Scheme returns the stored scheme with the code and version; an empty
// version means the one saved last. A scheme not stored is ENotFound (see
// FindScheme for the built-ins too).
func (o *Office) Scheme(ctx context.Context, code, version string) (model.Scheme, error) {
	return o.store.Scheme(ctx, code, version)
}

// SaveScheme stores a scheme under its code and version. A scheme with fatal
// problems is refused with EInvalid; saving the same content again is a
// no-op; different content under a code and version already stored is
// refused with EConflict (the office raises the version instead).
func (o *Office) SaveScheme(ctx context.Context, s model.Scheme) error {
	return o.store.SaveScheme(ctx, s)
}

// SavedSchemes returns every scheme the office has stored, whole, for the
// scheme screen's list (the built-ins are listed beside them).
func (o *Office) SavedSchemes(ctx context.Context) ([]model.Scheme, error) {
	infos, err := o.store.Schemes(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]model.Scheme, 0, len(infos))
	for _, in := range infos {
		sc, err := o.store.Scheme(ctx, in.Code, in.Version)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}

// FindScheme returns a scheme by code and version: a stored one, else a
// built-in one (version "" takes the newest stored, else the built-in).
func (o *Office) FindScheme(ctx context.Context, code, version string) (model.Scheme, error) {
	infos, err := o.store.Schemes(ctx)
	if err != nil {
		return model.Scheme{}, err
	}
	for i := len(infos) - 1; i >= 0; i-- {
		in := infos[i]
		if in.Code == code && (version == "" || in.Version == version) {
			return o.store.Scheme(ctx, in.Code, in.Version)
		}
	}
	for _, s := range scoring.BuiltinSchemes() {
		if s.Code == code && (version == "" || s.Version == version) {
			return s, nil
		}
	}
	if version != "" {
		return model.Scheme{}, model.Errorf(model.ENotFound, "找不到编码为“%s”、版本为“%s”的方案", code, version)
	}
	return model.Scheme{}, model.Errorf(model.ENotFound, "找不到编码为“%s”的方案（可用 scheme list 查看）", code)
}
