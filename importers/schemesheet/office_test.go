package schemesheet

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"xingji/documents"
	"xingji/importers"
	"xingji/importers/fixture"
	"xingji/model"
	"xingji/scoring/builtin"
)

// officeSheet is a scheme table as an office keeps it, written by openpyxl:
// a title, a header two rows down, 类别 merged down its items, a total row
// and notes; row 7 has 分值 "五分" and row 8 a negative 分值.
const officeSheet = `import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "考核细则"
ws["A1"] = "某某镇党支部星级考核细则"
ws.merge_cells("A1:G1")
ws.append([])
ws.append(["序号", "考核项目", "考核指标", "标准分", "计分办法", "考核方式", "牵头部门"])
rows = [
  [1, "一、组织建设（10分）", "按期换届，班子健全", 4, "未按期换届的不得分", "查资料", "组织部"],
  [2, None, "“三会一课”制度落实", 6, "每少一次减1分，减完为止", "查记录", "组织部"],
  [3, "二、作风建设（10分）", "密切联系群众", 5, "群众满意率低于80%不得分", "民主测评", "纪委"],
  [4, None, "廉洁自律", "五分", "有违纪行为的不得分", "查记录", "纪委"],
  [5, None, "厉行节约", -2, "", "", "纪委"],
]
for r in rows:
    ws.append(r)
ws.merge_cells("B4:B5")
ws.merge_cells("B6:B8")
ws.append(["合计", None, None, 25])
ws.append([])
ws.append(["说明：本细则由镇党委负责解释。"])
wb.save(sys.argv[1])
`

func TestOfficeSheet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "镇考核细则.xlsx")
	fixture.RunPython(t, officeSheet, path)
	tb, err := importers.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(tb)
	if err != nil {
		t.Fatal(err)
	}
	if res.FromExport || res.Sheet != "考核细则" || res.HeaderRow != 3 {
		t.Fatalf("FromExport=%v sheet=%q header=%d", res.FromExport, res.Sheet, res.HeaderRow)
	}
	if len(res.Errors) != 2 {
		t.Fatalf("errors: %v", res.Errors)
	}
	bad := res.Errors[0]
	if bad.File != "镇考核细则.xlsx" || bad.Sheet != "考核细则" || bad.Row != 7 || bad.Col != 4 || bad.CellRef() != "D7" ||
		!strings.Contains(bad.Error(), "第7行 D列（标准分）") || !strings.Contains(bad.Error(), "“五分”不是数字") {
		t.Errorf("bad points error: %+v — %s", bad, bad)
	}
	if neg := res.Errors[1]; neg.CellRef() != "D8" || !strings.Contains(neg.Error(), "负数") {
		t.Errorf("negative points error: %s", neg)
	}
	if !res.Fatal() {
		t.Error("a sheet with unreadable rows must not be usable")
	}
	sc := res.Scheme
	if sc.Name != "某某镇党支部星级考核细则" || len(sc.Sections) != 2 {
		t.Fatalf("name %q, %d sections", sc.Name, len(sc.Sections))
	}
	s1, s2 := sc.Sections[0], sc.Sections[1]
	if s1.Title != "一、组织建设" || !s1.Points.Equal(model.Dec(10)) || len(s1.Items) != 2 || len(s2.Items) != 1 {
		t.Fatalf("sections: %+v", sc.Sections)
	}
	it := s1.Items[1]
	if it.Code != "2" || it.Title != "“三会一课”制度落实" || !it.Points.Equal(model.Dec(6)) || it.Rule.Kind != model.RuleManual ||
		it.Quote != "每少一次减1分，减完为止" || it.Method != "查记录" || it.Department != "组织部" {
		t.Errorf("item 2: %+v", it)
	}
	// Items 1–3 add up to 15, the 合计 row says 25: the declared total is
	// kept, with a warning at the total's cell.
	if !sc.Total.Equal(model.Dec(25)) || len(res.Warnings) != 1 || res.Warnings[0].CellRef() != "D9" {
		t.Errorf("total %s, warnings %v", sc.Total, res.Warnings)
	}
	if sc.Code == "" || len(sc.Sources) != 1 {
		t.Errorf("code %q sources %v", sc.Code, sc.Sources)
	}
}

// TestOfficeSheetClean reads a corrected table: no errors, a usable scheme
// whose total is the sum of its items.
func TestOfficeSheetClean(t *testing.T) {
	path := filepath.Join(t.TempDir(), "改正.xlsx")
	script := strings.NewReplacer(`"五分"`, "5", "-2,", "0,", `["合计", None, None, 25]`, `["合计", None, None, 20]`).Replace(officeSheet)
	fixture.RunPython(t, script, path)
	tb, err := importers.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(tb)
	if err != nil {
		t.Fatal(err)
	}
	// 厉行节约 with 分值 0 is an item Validate flags but not fatally.
	if len(res.Errors) != 0 || len(res.Warnings) != 0 || !res.Scheme.Total.Equal(model.Dec(20)) {
		t.Fatalf("errors %v warnings %v total %s", res.Errors, res.Warnings, res.Scheme.Total)
	}
	if fatal := res.Problems.Fatal(); len(fatal) != 0 {
		t.Fatalf("fatal problems: %v", fatal)
	}
}

func TestNoHeader(t *testing.T) {
	tb, err := importers.OpenTable("名单.csv", strings.NewReader("姓名,性别\n张三,男\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(tb)
	if err == nil || !strings.Contains(err.Error(), "名单.csv") || !strings.Contains(err.Error(), "没有找到考核方案表格的表头") {
		t.Fatalf("err = %v", err)
	}
}

// TestLibreOfficeResave opens an export in LibreOffice and saves it again
// as xlsx. When the very hidden JSON survives, the scheme comes back exact;
// when it does not, the visible table is read with a warning.
func TestLibreOfficeResave(t *testing.T) {
	soffice := fixture.Tool(t, "soffice")
	dir, outDir := t.TempDir(), t.TempDir()
	s := builtin.Wlmq()
	src := filepath.Join(dir, "wlmq.xlsx")
	if err := documents.WriteSchemeSheetFile(src, s); err != nil {
		t.Fatal(err)
	}
	profile := "file://" + filepath.ToSlash(t.TempDir())
	if out, err := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless",
		"--convert-to", "xlsx", "--outdir", outDir, src).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
	tb, err := importers.OpenFile(filepath.Join(outDir, "wlmq.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(tb)
	if err != nil {
		t.Fatal(err)
	}
	if res.FromExport {
		t.Log("the hidden JSON survived LibreOffice")
		sameScheme(t, res.Scheme, s)
		return
	}
	t.Logf("the hidden JSON was lost; warnings: %v", res.Warnings)
	if len(res.Warnings) == 0 {
		t.Error("no warning that the exact scheme was lost")
	}
	checkVisible(t, res, s)
}
