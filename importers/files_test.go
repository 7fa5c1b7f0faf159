package importers

import (
	"os"
	"path/filepath"
	"testing"

	"xingji/importers/fixture"
)

// cellWant is an expected cell: its text, and for numbers the raw value.
type cellWant struct {
	ref, text, raw string
}

func checkCells(t *testing.T, sh *Sheet, wants []cellWant) {
	t.Helper()
	for _, w := range wants {
		col, row := cellRef([]byte(w.ref))
		c := sh.Cell(row, col)
		if c.Text != w.text || c.Raw != w.raw || c.Number != (w.raw != "") {
			t.Errorf("%s %s = %+v, want text %q raw %q", sh.Name, w.ref, c, w.text, w.raw)
		}
	}
}

// rosterCells are the cells of fixture.WriteRoster's roster sheet that every
// format must read alike.
var rosterCells = []cellWant{
	{"A1", "城关镇党委党员花名册", ""},
	{"L1", "城关镇党委党员花名册", ""}, // filled from the merged title
	{"B3", "党员姓名", ""},
	{"D4", "1980-05-12", "29353"},
	{"E4", "2011.3", ""},
	{"E5", "2001-07", "37073"}, // yyyy"年"m"月": a month
	{"D6", "１９９０－０３－０５", ""},
	{"D7", "19850304", "19850304"},
	{"E7", "2010.10", "2010.1"}, // 0.00 shows October
	{"E9", "2005.1", "2005.1"},
	{"I5", "城关镇党委/第一党支部", ""}, // merged over I4:I6
	{"I6", "城关镇党委/第一党支部", ""},
	{"K4", "13800138000", "13800138000"},
	{"L4", "110101198005120014", ""},
	{"A11", "制表人：李明", ""},
}

func checkRoster(t *testing.T, tb *Table) {
	t.Helper()
	if len(tb.Sheets) != 3 {
		t.Fatalf("sheets = %d", len(tb.Sheets))
	}
	cover, old, sh := tb.Sheets[0], tb.Sheets[1], tb.Sheets[2]
	if cover.Name != "封面" || !cover.Empty() || cover.Hidden {
		t.Errorf("cover sheet = %+v", cover)
	}
	if old.Name != "旧名单" || !old.Hidden {
		t.Errorf("hidden sheet = %+v", old)
	}
	if sh.Name != fixture.RosterSheet {
		t.Errorf("roster sheet name = %q", sh.Name)
	}
	checkCells(t, sh, rosterCells)
	for r := 1; r <= 11; r++ {
		if got := sh.Row(r).Hidden; got != (r == 7) {
			t.Errorf("row %d hidden = %v", r, got)
		}
	}
}

// TestOpenRosterFromOpenpyxl reads a roster written by openpyxl.
func TestOpenRosterFromOpenpyxl(t *testing.T) {
	t.Parallel()
	path := fixture.WriteRoster(t, t.TempDir())
	tb, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Format != FormatXLSX || tb.Name != "花名册.xlsx" {
		t.Errorf("table = %s %s", tb.Name, tb.Format)
	}
	checkRoster(t, tb)
}

// TestOpenRosterAsLegacyXLS converts the openpyxl roster to a real .xls with
// LibreOffice: merged cells, the hidden row and sheet and the number formats
// must survive the BIFF8 path.
func TestOpenRosterAsLegacyXLS(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := fixture.WriteRoster(t, dir)
	out := t.TempDir()
	xls := fixture.Convert(t, src, "xls", "", out)
	tb, err := OpenFile(xls)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Format != FormatXLS {
		t.Fatalf("format = %s", tb.Format)
	}
	checkRoster(t, tb)

	// And back to .xlsx as LibreOffice writes it.
	xlsx := fixture.Convert(t, xls, "xlsx", "", t.TempDir())
	tb, err = OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	checkRoster(t, tb)
}

// TestOpenCSVConvertedByLibreOffice turns a UTF-8 CSV into .xls and .xlsx
// with LibreOffice (ID numbers imported as text, dates recognised as dates).
func TestOpenCSVConvertedByLibreOffice(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "名单.csv")
	csv := "姓名,所在支部,出生日期,身份证号,得分\n" +
		"张三,第一党支部,1980-05-12,110101198005120011,8.5\n" +
		"李四,第二党支部,1975-03-01,11010119750301002X,90\n"
	if err := os.WriteFile(src, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	wants := []cellWant{
		{"A1", "姓名", ""}, {"A2", "张三", ""}, {"B3", "第二党支部", ""},
		{"C2", "1980-05-12", "29353"}, {"C3", "1975-03-01", "27454"},
		{"D2", "110101198005120011", ""}, {"D3", "11010119750301002X", ""},
		{"E2", "8.5", "8.5"}, {"E3", "90", "90"},
	}
	for _, format := range []string{"xls", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			p := fixture.Convert(t, src, format, fixture.CSVFilter(4), t.TempDir())
			tb, err := OpenFile(p)
			if err != nil {
				t.Fatal(err)
			}
			checkCells(t, tb.Sheets[0], wants)
		})
	}
}

// TestOpenXLSFormulas checks cached formula results in a LibreOffice .xls,
// which the xls library itself skips.
func TestOpenXLSFormulas(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "公式.xlsx")
	fixture.RunPython(t, `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["序号", "姓名", "合计"])
ws.append(["=ROW()-1", '="张"&"三"', "=1.5+2"])
wb.save(sys.argv[1])
`, src)
	xls := fixture.Convert(t, src, "xls", "", t.TempDir())
	tb, err := OpenFile(xls)
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, tb.Sheets[0], []cellWant{{"A2", "1", "1"}, {"B2", "张三", ""}, {"C2", "3.5", "3.5"}})
}
