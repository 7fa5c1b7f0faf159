package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSchemeParse(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	good := filepath.Join(dir, "细则.txt")
	os.WriteFile(good, []byte("某支部考核细则（总分10分）\n一、学习（10分）\n1、按时参加学习，每缺少一次减0.5分，减完为止（4分）\n2、撰写心得，未撰写的此项不得分（6分）\n"), 0o644)
	code, out, errs := cli(t, db, "scheme", "parse", good)
	if code != 0 || !strings.Contains(out, "总分核对一致") || !strings.Contains(out, "按次扣分") {
		t.Fatalf("text: %d %q %q", code, out, errs)
	}
	code, out, _ = cli(t, db, "scheme", "parse", good, "--json")
	var got schemeParseJSON
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got.Rubrics) != 1 || got.Rubrics[0].Result.Items != 2 {
		t.Fatalf("json: %d %s", code, out)
	}

	bad := filepath.Join(dir, "对不上.txt")
	os.WriteFile(bad, []byte("考核细则（总分100分）\n一、学习（10分）\n1、按时学习（10分）\n"), 0o644)
	code, out, errs = cli(t, db, "scheme", "parse", bad)
	if code != 1 || !strings.Contains(out, "与写明的总分100分不一致") || !strings.Contains(errs, "总分对不上") {
		t.Fatalf("mismatch: %d %q %q", code, out, errs)
	}

	code, _, errs = cli(t, db, "scheme", "parse", filepath.Join(dir, "没有.txt"))
	if code != 1 || !strings.Contains(errs, "无法打开") {
		t.Fatalf("missing: %d %q", code, errs)
	}
	if code, _, _ = cli(t, db, "scheme", "parse"); code != 2 {
		t.Fatalf("no file: %d", code)
	}

	// A seed with several rubrics: 第一篇 and 第四篇 match; 第三篇 (truncated) does not.
	seeds, _ := filepath.Glob("../../testdata/seeds/000_*.txt")
	if len(seeds) != 1 {
		t.Fatal("seed 000 missing from testdata/seeds")
	}
	code, out, _ = cli(t, db, "scheme", "parse", seeds[0])
	if code != 1 || !strings.Contains(out, "农村 100 分；窗口单位 100 分——总分核对一致") {
		t.Fatalf("seed 000: %d %s", code, out)
	}
}
