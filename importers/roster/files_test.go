package roster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xingji/importers"
	"xingji/importers/fixture"
	"xingji/model"
)

// previewFile opens, reads and plans a file against the test tree.
func previewFile(t *testing.T, path string, opts Options) *Preview {
	t.Helper()
	tb, err := importers.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Read("", tb)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Plan(s, Existing{Units: tree()}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkFixtureRoster checks the preview of fixture.WriteRoster's workbook, in
// whatever format it was saved.
func checkFixtureRoster(t *testing.T, p *Preview) {
	t.Helper()
	if p.Sheet != fixture.RosterSheet || p.HeaderRow != fixture.RosterHeaderRow || strings.Join(p.OtherSheets, ",") != "封面,旧名单" {
		t.Errorf("sheet %q header row %d others %v", p.Sheet, p.HeaderRow, p.OtherSheets)
	}
	if !p.Ready() {
		t.Fatalf("not ready: errors\n%v\nunknown %v", p.Errors, p.UnknownUnits)
	}
	month := func(y, m int) model.Date { return model.Date{Year: y, Month: m} }
	want := map[int]model.Member{
		4: {UnitID: 3, Name: "张三", Gender: model.Male, Birth: model.D(1980, 5, 12), Joined: month(2011, 3), Status: model.StatusFull,
			Category: model.CategoryActive, Position: "支部书记", Phone: "13800138000", IDNumber: idWith("19800512", 1)},
		5: {UnitID: 3, Name: "李四", Gender: model.Female, Birth: month(1975, 3), Joined: month(2001, 7), Status: model.StatusFull,
			Category: model.CategoryRetired, Position: "党员", Phone: "13900139000", IDNumber: idWith("19750301", 2)},
		6: {UnitID: 3, Name: "王五", Gender: model.Male, Birth: model.D(1990, 3, 5), Joined: model.D(2015, 7, 1), Status: model.StatusCandidate,
			Category: model.CategoryMobile},
		7: {UnitID: 4, Name: "赵六", Gender: model.Female, Birth: model.D(1985, 3, 4), Joined: month(2010, 10), Status: model.StatusFull,
			Category: model.CategoryRetired, IDNumber: idWith("19850304", 4)},
		8: {UnitID: 4, Name: "欧阳娜娜", Gender: model.Female, Birth: model.D(1992, 11, 30), Joined: month(2016, 6), Status: model.StatusFull,
			Category: model.CategoryActive},
		9: {UnitID: 4, Name: "钱七", Gender: model.Male, Birth: model.D(1970, 1, 2), Joined: month(2005, 1), Status: model.StatusFull,
			Category: model.CategoryActive},
	}
	if len(p.Plan.Members) != len(want) {
		t.Errorf("planned %d members, want %d", len(p.Plan.Members), len(want))
	}
	for _, pm := range p.Plan.Members {
		w, ok := want[pm.Row]
		got := pm.Member
		if pm.Row == 9 {
			w.IDNumber = got.IDNumber // the fixture's deliberately wrong check digit
		}
		if !ok || got != w {
			t.Errorf("row %d:\n got %+v\nwant %+v", pm.Row, got, w)
		}
	}
	wantProblem(t, p.Warnings, 0, "", "第7行是隐藏行")
	wantProblem(t, p.Warnings, 9, "E", "入党日期", "按2005年1月导入")
	wantProblem(t, p.Warnings, 9, "L", "公民身份号码", "校验位")
	wantProblem(t, p.Warnings, 11, "", "制表人：李明", "已跳过")
	wantProblem(t, p.Warnings, 0, "G", "党员类别", "第8行", "按正式党员导入")
	if len(p.Warnings) != 5 {
		t.Errorf("warnings:\n%v", p.Warnings)
	}
	if c := p.Counts; c.New != 6 || c.Skipped != 1 || c.StatusDefaulted != 1 || c.CategoryDefaulted != 1 || c.BirthFromID != 0 {
		t.Errorf("counts = %+v", c)
	}
}

// TestRosterFromOpenpyxl imports the realistic roster written by openpyxl.
func TestRosterFromOpenpyxl(t *testing.T) {
	t.Parallel()
	checkFixtureRoster(t, previewFile(t, fixture.WriteRoster(t, t.TempDir()), Options{}))
}

// TestRosterFromLegacyXLS imports the same roster saved as .xls by LibreOffice.
func TestRosterFromLegacyXLS(t *testing.T) {
	t.Parallel()
	src := fixture.WriteRoster(t, t.TempDir())
	checkFixtureRoster(t, previewFile(t, fixture.Convert(t, src, "xls", "", t.TempDir()), Options{}))
}

// TestRosterIDNumbersAsNumbers converts a CSV to .xls with LibreOffice
// without marking the ID column as text, as people do: the IDs become numbers
// with lost digits, and every row says so and what to do.
func TestRosterIDNumbersAsNumbers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "导出.csv")
	csv := "姓名,所在支部,身份证号\n张三,第二党支部," + idWith("19800512", 1) + "\n李四,第二党支部," + idWith("19750301", 2) + "\n"
	if err := os.WriteFile(src, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	p := previewFile(t, fixture.Convert(t, src, "xls", fixture.CSVFilter(), t.TempDir()), Options{})
	for _, row := range []int{2, 3} {
		wantProblem(t, p.Errors, row, "C", "导出.xls，工作表“导出”，第", "C列（身份证号）", "存成了数字", "设置为“文本”格式")
	}
	if p.Ready() {
		t.Error("must not be ready")
	}
}

// TestRosterGB18030CSV imports a CSV saved by Excel on Chinese Windows.
func TestRosterGB18030CSV(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "花名册.csv")
	text := "序号,姓名,性别,出生年月,所在党组织\r\n1,张三,男,1980.05,第二党支部\r\n2,李四,女,1975年3月,第二党支部\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, gb, 0o600); err != nil {
		t.Fatal(err)
	}
	p := previewFile(t, path, Options{})
	if !p.Ready() || p.Counts.New != 2 || p.Sheet != "" {
		t.Fatalf("preview: ready %v sheet %q counts %+v errors %v", p.Ready(), p.Sheet, p.Counts, p.Errors)
	}
	if m, _ := memberOfRow(p, 3); m.Member.Name != "李四" || m.Member.Birth != (model.Date{Year: 1975, Month: 3}) {
		t.Errorf("row 3 = %+v", m)
	}
	// A CSV message names the file and row, not a sheet.
	p = previewFile(t, writeCSV(t, dir, "坏.csv", "姓名,所在支部,出生日期\n张三,第二党支部,1980年13月\n"), Options{})
	wantProblem(t, p.Errors, 2, "C", "坏.csv，第2行 C列（出生日期）：无法识别的日期“1980年13月”")
}

func writeCSV(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRosterBadFiles reads workbooks written by openpyxl that cannot be
// imported as they are: an empty workbook, a roster without a unit column and
// a roster listing the same people twice.
func TestRosterBadFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fixture.RunPython(t, `
import sys, os, openpyxl
d = sys.argv[1]
wb = openpyxl.Workbook()
wb.active.title = "空表"
wb.save(os.path.join(d, "空.xlsx"))

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "名单"
ws.append(["序号", "姓名", "性别", "出生日期"])
ws.append([1, "张三", "男", "1980-01-01"])
wb.save(os.path.join(d, "缺列.xlsx"))

wb = openpyxl.Workbook()
ws = wb.active
ws.append(["姓名", "出生日期", "所在支部", "身份证号"])
ws.append(["张三", "1980-05-12", "第二党支部", sys.argv[2]])
ws.append(["张三丰", "1970-01-01", "第二党支部", sys.argv[2]])
ws.append(["李四", "1975-03-01", "第二党支部", None])
ws.append(["李四", "1975.3.1", "第二党支部", None])
wb.save(os.path.join(d, "重复.xlsx"))
`, dir, idWith("19800512", 1))

	read := func(name string) (*Sheet, error) {
		tb, err := importers.OpenFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return Read("", tb)
	}
	_, err := read("空.xlsx")
	if err == nil || !strings.Contains(err.Error(), "空.xlsx：文件里没有数据") {
		t.Errorf("empty workbook: %v", err)
	}
	_, err = read("缺列.xlsx")
	if err == nil || !strings.Contains(err.Error(), "缺列.xlsx，工作表“名单”，第1行：表头中找不到“所在支部”列（已找到：序号、姓名、性别、出生日期）") {
		t.Errorf("missing column: %v", err)
	}
	s, err := read("重复.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Plan(s, Existing{Units: tree()}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantProblem(t, p.Errors, 3, "D", "重复.xlsx，工作表“Sheet”，第3行 D列（身份证号）", "与第2行重复")
	wantProblem(t, p.Errors, 5, "A", "重复.xlsx，工作表“Sheet”，第5行 A列（姓名）", "与第4行重复")
	if p.Ready() || len(p.Errors) != 2 {
		t.Errorf("errors: %v", p.Errors)
	}
}
