package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportFeedback: `export feedback --period 1 --out DIR` writes the
// feedback reports into the folder, named in Chinese by period and kind;
// --format zip writes one PDF per unit in a .zip; a second export does not
// overwrite without --force.
func TestExportFeedback(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "考评 文书")
	db := filepath.Join(dir, "示范.db")
	subs := filepath.Join(dir, "收到的 表格")
	if code, out, errs := cli(t, db, "demo", "--with-submissions", subs); code != 0 {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	cli(t, db, "import", subs) // one file is refused on purpose
	out := filepath.Join(dir, "输出")
	os.MkdirAll(out, 0o755)
	code, stdout, errs := cli(t, db, "export", "feedback", "--period", "1", "--out", out)
	pdf := filepath.Join(out, "2026年度村党支部星级评定-反馈报告.pdf")
	if code != 0 || !strings.Contains(stdout, "已导出反馈报告："+pdf) {
		t.Fatalf("export: %d %q %q", code, stdout, errs)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("%s: %v", pdf, err)
	}
	if code, _, errs := cli(t, db, "export", "feedback", "--period", "1", "--out", out); code == 0 || !strings.Contains(errs, "--force") {
		t.Errorf("a second export: %d %q", code, errs)
	}
	if code, _, errs := cli(t, db, "export", "feedback", "--period", "1", "--out", out, "--force"); code != 0 {
		t.Errorf("--force: %d %q", code, errs)
	}
	code, stdout, errs = cli(t, db, "export", "feedback", "--period", "1", "--format", "zip", "--out", out)
	if code != 0 || !strings.Contains(stdout, "反馈报告.zip") {
		t.Fatalf("export zip: %d %q %q", code, stdout, errs)
	}
	if b, err := os.ReadFile(filepath.Join(out, "2026年度村党支部星级评定-反馈报告.zip")); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Fatalf("zip: %v", err)
	}
}
