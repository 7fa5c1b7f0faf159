package scoring

import (
	"xingji/model"
	"xingji/scoring/builtin"
)

// BuiltinSchemes returns the schemes transcribed from the seed documents (see
// package builtin), freshly built.
func BuiltinSchemes() []model.Scheme { return builtin.Schemes() }
