package roster

import (
	"strings"
	"testing"

	"xingji/importers"
	"xingji/model"
)

// sheetOf builds a one-sheet table from rows of cell texts.
func sheetOf(name string, rows ...[]string) *importers.Sheet {
	sh := &importers.Sheet{Name: name}
	for _, r := range rows {
		row := importers.Row{}
		for _, t := range r {
			row.Cells = append(row.Cells, importers.Cell{Text: t})
		}
		sh.Rows = append(sh.Rows, row)
	}
	return sh
}

func tableOf(sheets ...*importers.Sheet) *importers.Table {
	return &importers.Table{Name: "花名册.xlsx", Format: importers.FormatXLSX, Sheets: sheets}
}

// readRows reads a roster whose first row is the header.
func readRows(t *testing.T, rows ...[]string) *Sheet {
	t.Helper()
	s, err := Read("", tableOf(sheetOf("Sheet1", rows...)))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return s
}

// wantProblem checks that one of es is at row (and column letter, when
// given) and mentions every fragment.
func wantProblem(t *testing.T, es importers.Errors, row int, col string, fragments ...string) {
	t.Helper()
	for _, e := range es {
		if e.Row != row || (col != "" && importers.ColumnName(e.Col) != col) {
			continue
		}
		msg := e.Error()
		ok := true
		for _, f := range fragments {
			ok = ok && strings.Contains(msg, f)
		}
		if ok {
			return
		}
	}
	t.Errorf("no problem at row %d col %q with %q among:\n%s", row, col, fragments, es.Error())
}

// idWith returns a valid 18-digit ID number for a birth date and sequence.
func idWith(birth string, seq int) string {
	body := "110101" + birth + string(rune('0'+seq/100%10)) + string(rune('0'+seq/10%10)) + string(rune('0'+seq%10))
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(body[i]-'0') * w
	}
	return body + string("10X98765432"[sum%11])
}

// tree is a stored organization tree used by the plan tests:
//
//	1 县委 (XW) ─┬─ 2 城关镇党委 (CG) ─┬─ 3 第一党支部 (CG-01)
//	             │                   └─ 4 第二党支部 (CG-02)
//	             ├─ 5 河西镇党委 (HX) ──── 6 第一党支部 (HX-01)
//	             └─ 7 旧支部 (JZ, dissolved)
func tree() []model.Unit {
	return []model.Unit{
		{ID: 1, Name: "县委", Code: "XW", Level: model.LevelCommittee, Kind: model.KindOrgan},
		{ID: 2, ParentID: 1, Name: "城关镇党委", Code: "CG", Level: model.LevelCommittee, Kind: model.KindCommunity, SortOrder: 1},
		{ID: 3, ParentID: 2, Name: "第一党支部", Code: "CG-01", Level: model.LevelBranch, Kind: model.KindCommunity, SortOrder: 1},
		{ID: 4, ParentID: 2, Name: "第二党支部", Code: "CG-02", Level: model.LevelBranch, Kind: model.KindCommunity, SortOrder: 2},
		{ID: 5, ParentID: 1, Name: "河西镇党委", Code: "HX", Level: model.LevelCommittee, Kind: model.KindRural, SortOrder: 2},
		{ID: 6, ParentID: 5, Name: "第一党支部", Code: "HX-01", Level: model.LevelBranch, Kind: model.KindRural, SortOrder: 1},
		{ID: 7, ParentID: 1, Name: "旧支部", Code: "JZ", Level: model.LevelBranch, Kind: model.KindOrgan, SortOrder: 3, Dissolved: model.D(2020, 1, 1)},
	}
}
