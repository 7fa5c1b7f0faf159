package model

import "testing"

// TestCellName names cells as a spreadsheet does, and SplitCell reads back
// exactly what CellName writes and nothing else.
func TestCellName(t *testing.T) {
	for _, tc := range []struct {
		col, row int
		name     string
	}{{1, 1, "A1"}, {26, 9, "Z9"}, {27, 10, "AA10"}, {28, 12, "AB12"}, {702, 100, "ZZ100"}, {703, 1048576, "AAA1048576"}, {16384, 7, "XFD7"}} {
		if got := CellName(tc.col, tc.row); got != tc.name {
			t.Errorf("CellName(%d, %d) = %q, want %q", tc.col, tc.row, got, tc.name)
		}
		if col, row, ok := SplitCell(tc.name); !ok || col != tc.col || row != tc.row {
			t.Errorf("SplitCell(%q) = %d, %d, %v", tc.name, col, row, ok)
		}
	}
	for _, bad := range []string{"", "A", "1", "a1", "$A$1", "A01", "A0", "A1B", "A-1", "A+1", "AAAAA1", "A99999999999", "A 1", "Ａ1"} {
		if col, row, ok := SplitCell(bad); ok {
			t.Errorf("SplitCell(%q) = %d, %d, want not a cell", bad, col, row)
		}
	}
}
