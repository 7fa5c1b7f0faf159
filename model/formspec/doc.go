// Package formspec is the contract of the forms 星级考评 sends out for a
// period and reads back: a unit's workbook (自评表, 党员评议表, 满意度测评,
// 承诺台账) and a department's 考评表 — and of the entries workbook (录入表)
// the office fills itself (entries.go). The writer (package documents), the
// readers (packages importers/forms and importers/entries), the demo filler
// and the command line all take the contract from here, so that none of
// them depends on another to know what a form holds.
//
// The contract has three parts:
//
//   - The layout every form sheet shares. Column A (KeyCol) and row 1
//     (KeyRow) are hidden and hold keys. A1 holds SheetMarker followed by the
//     sheet's role ("#xingji:self", see SheetMark); the other cells of row 1
//     name the input columns (KeyValue, KeyNote, a FieldKey, a RaterKey, a
//     ledger column …); the other cells of column A name the rows (a
//     FieldKey, a Subject, a Vote's key, a ledger line …). Rows and columns
//     are found by their keys, never by position, so a branch may insert
//     rows, hide them or rename the sheet without breaking the form. The
//     identity sheet (model.FormIdentitySheet) holds IdentityMarker in A1 and
//     the identity as JSON in A2.
//   - The keys, and the text of what is stored from a form: a value's
//     subject ("u:12", "m:34"), its source (a scheme source, SourceBallot,
//     SourceLedger), rater and field. These strings are stored in the
//     database; their text must never change.
//   - Which sheets a form has and which items, fields and raters each sheet
//     carries (UnitFormRoles, SelfItems, ReviewItems, AppraisalRaters, the
//     ballot's Votes and the ledger's columns), and the identity written
//     into each form (UnitIdentity, ReviewIdentity).
//
// The package is pure: no file format, no database, no user interface.
package formspec

import (
	"strings"

	"xingji/model"
)

// The hidden keys of a form sheet.
const (
	// KeyRow is the hidden row (1-based) holding the column keys.
	KeyRow = 1
	// KeyCol is the hidden column (1-based, column A) holding the row keys;
	// its cell in KeyRow holds the sheet's mark.
	KeyCol = 1
	// SheetMarker starts cell A1 of every form sheet; the sheet's role
	// follows it.
	SheetMarker = "#xingji:"
	// IdentityMarker is cell A1 of the identity sheet; A2 holds the identity
	// as JSON.
	IdentityMarker = model.FormProduct
)

// SheetMark is what cell A1 of a form sheet with the given role holds:
// "#xingji:self".
func SheetMark(role model.SheetRole) string { return SheetMarker + string(role) }

// SheetRoleOf returns the role a form sheet's A1 text names, and false when
// the text is not a sheet mark. The role is not checked against the known
// roles: the reader asks for the roles it needs.
func SheetRoleOf(a1 string) (model.SheetRole, bool) {
	role, ok := strings.CutPrefix(a1, SheetMarker)
	return model.SheetRole(role), ok
}

// Column keys of the input columns, and the fields a note is stored under.
const (
	// KeyValue is the input column of 自评表 and of 满意度测评.
	KeyValue = "value"
	// KeyNote is the 说明 column of 自评表 and 考评表, and the field a
	// value's note is stored under.
	KeyNote = "note"
)

// FlagYes and FlagNo are the choices of a yes/no (是/否) cell.
const (
	FlagYes = "是"
	FlagNo  = "否"
)
