package importers

import (
	"strings"

	"xingji/model"
	"xingji/model/formspec"
)

// KeyedSheet is a sheet of a workbook 星级考评 wrote (a form, the entries
// workbook) with its hidden keys read: the row of each row key in column A
// and the column of each column key in row 1 (see package formspec). Rows
// and columns are found by these keys, never by position.
type KeyedSheet struct {
	Sheet *Sheet
	Role  model.SheetRole
	// Rows maps each row key to its row (the first, when a key repeats);
	// RowKeys lists the keys in sheet order.
	Rows    map[string]int
	RowKeys []string
	// Cols maps each column key to its column.
	Cols map[string]int
}

// SheetRole returns the role a sheet's A1 mark names, and false when the
// sheet carries no mark.
func SheetRole(sh *Sheet) (model.SheetRole, bool) {
	return formspec.SheetRoleOf(Clean(sh.Cell(formspec.KeyRow, formspec.KeyCol).Text))
}

// Keyed reads the hidden keys of a sheet with the given role. Row keys
// starting with "#" are marks, not rows.
func Keyed(sh *Sheet, role model.SheetRole) *KeyedSheet {
	k := &KeyedSheet{Sheet: sh, Role: role, Rows: map[string]int{}, Cols: map[string]int{}}
	for c, cell := range sh.Row(formspec.KeyRow).Cells {
		if c == formspec.KeyCol-1 {
			continue
		}
		if t := Clean(cell.Text); t != "" {
			k.Cols[t] = c + 1
		}
	}
	for r := formspec.KeyRow + 1; r <= len(sh.Rows); r++ {
		t := Clean(sh.Cell(r, formspec.KeyCol).Text)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if _, dup := k.Rows[t]; !dup {
			k.Rows[t] = r
			k.RowKeys = append(k.RowKeys, t)
		}
	}
	return k
}

// KeyedSheets finds the marked sheets of a table and reads their keys: the
// first sheet of each role.
func KeyedSheets(t *Table) map[model.SheetRole]*KeyedSheet {
	found := map[model.SheetRole]*KeyedSheet{}
	for _, sh := range t.Sheets {
		if role, ok := SheetRole(sh); ok {
			if _, dup := found[role]; !dup {
				found[role] = Keyed(sh, role)
			}
		}
	}
	return found
}
