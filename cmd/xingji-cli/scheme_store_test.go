package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"xingji/importers/fixture"
	"xingji/model"
	"xingji/scoring/builtin"
)

func TestSchemeListShowExportImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	code, out, errs := cli(t, db, "scheme", "list")
	if code != 0 || !strings.Contains(out, "wlmq-cxcy") || !strings.Contains(out, "内置") {
		t.Fatalf("list: %d %q %q", code, out, errs)
	}
	code, out, _ = cli(t, db, "scheme", "show", "wlmq-cxcy")
	if code != 0 || !strings.Contains(out, "一、基础工作（15分）") || !strings.Contains(out, "评分标准：每少一项减去0.2分") {
		t.Fatalf("show: %d %q", code, out)
	}
	code, out, _ = cli(t, db, "scheme", "show", "wlmq-cxcy", "--json")
	var shown model.Scheme
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil || shown.Name != builtin.Wlmq().Name {
		t.Fatalf("show --json: %d %q", code, out)
	}

	xlsx := filepath.Join(dir, "细则.xlsx")
	if code, out, errs := cli(t, db, "scheme", "export", "wlmq-cxcy", "--out", xlsx); code != 0 || !strings.Contains(out, "已导出") {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	code, out, errs = cli(t, db, "scheme", "import", xlsx, "--version", "2011-2", "--json")
	var rep schemeImportJSON
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || !rep.Saved || !rep.FromExport || rep.Version != "2011-2" {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	code, out, _ = cli(t, db, "scheme", "list", "--json")
	var list []schemeListJSON
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != len(builtin.Schemes())+1 || list[len(list)-1].Builtin {
		t.Fatalf("list --json: %d %q", code, out)
	}
	// The saved version is now what show returns by default.
	code, out, _ = cli(t, db, "scheme", "show", "wlmq-cxcy")
	if code != 0 || !strings.Contains(out, "版本 2011-2，已保存") {
		t.Fatalf("show saved: %q", out)
	}
	if code, out, _ = cli(t, db, "scheme", "show", "wlmq-cxcy", "--version", "2011"); !strings.Contains(out, "内置") {
		t.Fatalf("show builtin version: %d %q", code, out)
	}
	// Same version, different name: refused, and the message says to raise the version.
	code, _, errs = cli(t, db, "scheme", "import", xlsx, "--version", "2011-2", "--name", "改过的名称")
	if code != 1 || !strings.Contains(errs, "请提高版本号") {
		t.Fatalf("conflict: %d %q", code, errs)
	}
}

func TestSchemeCommandErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"scheme", "show"}, 2, "方案编码"},
		{[]string{"scheme", "show", "nope"}, 1, "没有编码为“nope”的方案"},
		{[]string{"scheme", "export", "wlmq-cxcy"}, 2, "--out"},
		{[]string{"scheme", "import"}, 2, "方案表格文件"},
		{[]string{"scheme", "import", filepath.Join(t.TempDir(), "无.xlsx")}, 1, "无.xlsx"},
	} {
		code, _, errs := cli(t, db, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: %d %q, want %d %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

// TestSchemeImportBadPoints imports an office sheet whose 分值 is "五分":
// nothing is saved, the cell is named and the exit status is 1.
func TestSchemeImportBadPoints(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "办公室.xlsx")
	script := `import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "细则"
ws.append(["支部考核细则"]); ws.append(["序号", "类别", "考核内容", "分值", "评分标准"])
ws.append([1, "一、组织建设", "按期换届", 5, "未按期换届不得分"])
ws.append([2, "一、组织建设", "三会一课", "五分", "每少一次减1分"])
wb.save(sys.argv[1])`
	fixture.RunPython(t, script, xlsx)
	db := filepath.Join(dir, "x.db")
	code, out, errs := cli(t, db, "scheme", "import", xlsx)
	if code != 1 || !strings.Contains(out, "第4行 D列（分值）") || !strings.Contains(out, "五分") || !strings.Contains(errs, "未保存") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	if _, out, _ := cli(t, db, "scheme", "list", "--json"); strings.Contains(out, "支部考核细则") {
		t.Fatal("a scheme with errors was saved")
	}
}
