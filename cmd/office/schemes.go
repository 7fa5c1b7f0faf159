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

// FindScheme returns a scheme by code and version ("": the newest), saved
// or built-in, by the rule of model.FindScheme, and whether it is a
// built-in one.
func (o *Office) FindScheme(ctx context.Context, code, version string) (model.Scheme, bool, error) {
	infos, err := o.store.Schemes(ctx)
	if err != nil {
		return model.Scheme{}, false, err
	}
	keys := make([]model.SchemeKey, len(infos))
	for i, in := range infos {
		keys[i] = model.SchemeKey{Code: in.Code, Version: in.Version}
	}
	at, builtin, err := model.FindScheme(keys, scoring.BuiltinSchemes(), code, version)
	switch {
	case err != nil:
		return model.Scheme{}, false, err
	case builtin != nil:
		return *builtin, true, nil
	}
	s, err := o.store.Scheme(ctx, infos[at].Code, infos[at].Version)
	return s, false, err
}
