package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExportRankingEndToEnd runs `export ranking --period 1 --out DIR` on
// the demo with its forms imported: the file lands in the folder under its
// Chinese name, is a PDF, and a second run without --force leaves it alone;
// the xlsx lists the demo's first unit.
func TestExportRankingEndToEnd(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "排名 输出")
	db := filepath.Join(dir, "示范.db")
	subs := filepath.Join(dir, "收到的 表格")
	if code, out, errs := cli(t, db, "demo", "--with-submissions", subs); code != 0 {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	cli(t, db, "import", subs) // one file is refused on purpose; the rest are taken
	code, out, errs := cli(t, db, "export", "ranking", "--period", "1", "--out", dir)
	if code != 0 || !strings.Contains(out, "已导出排名表") {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*-排名表.pdf"))
	if len(files) != 1 {
		t.Fatalf("files: %v", files)
	}
	b, _ := os.ReadFile(files[0])
	if !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 10_000 {
		t.Fatalf("not a PDF (%d bytes)", len(b))
	}
	if code, _, errs := cli(t, db, "export", "ranking", "--period", "1", "--out", dir); code == 0 || !strings.Contains(errs, "--force") {
		t.Fatalf("a second export overwrote the file: %d %q", code, errs)
	}
	code, _, errs = cli(t, db, "export", "ranking", "--period", "1", "--format", "xlsx", "--design", "按上级党组织分组", "--out", dir)
	if code != 0 {
		t.Fatalf("xlsx: %d %q", code, errs)
	}
	files, _ = filepath.Glob(filepath.Join(dir, "*-排名表.xlsx"))
	if len(files) != 1 {
		t.Fatalf("files: %v", files)
	}
	f, err := excelize.OpenFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("党组织排名")
	text := ""
	for _, r := range rows {
		text += strings.Join(r, "|") + "\n"
	}
	if !strings.Contains(text, "白沙镇西屯村党支部") || !strings.Contains(text, "党委（") {
		t.Errorf("the grouped ranking: %s", text)
	}
}
