package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// setCells edits a workbook as a clerk would in Excel: the given cells of
// one sheet, saved as a new file.
func setCells(t *testing.T, from, to, sheet string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, v := range cells {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(to); err != nil {
		t.Fatal(err)
	}
}

// TestEntriesWorkbookRoundTrip: the office writes the period's 录入表,
// corrects one review score with a reason, and reads it back; the entry is
// recorded with the form's value as its old value and the unit's total
// moves by 70% of the correction (002 篇十二 "考评占70%"). A workbook with a
// mistake, or written for another period, is refused whole and nothing is
// stored.
func TestEntriesWorkbookRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "考评 录入")
	db := filepath.Join(dir, "示范.db")
	subs := filepath.Join(dir, "收到的 表格")
	if code, _, errs := cli(t, db, "demo", "--with-submissions", subs); code != 0 {
		t.Fatal(errs)
	}
	cli(t, db, "import", subs)
	grade := func(name string) model.Decimal {
		t.Helper()
		_, out, _ := cli(t, db, "score", "--period", "1", "--json")
		var got scoreOutput
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		for _, s := range got.Units.Subjects {
			if s.Name == name {
				return s.Grade
			}
		}
		t.Fatalf("%s not scored", name)
		return model.Decimal{}
	}
	before := grade("城关镇黄家岭村党支部")
	book := filepath.Join(dir, "录入 表.xlsx")
	if code, out, errs := cli(t, db, "entries", "template", "--period", "1", "--out", book); code != 0 || !strings.Contains(out, "已写出录入表") {
		t.Fatalf("template: %d %q %q", code, out, errs)
	}
	// Row 9 is the first unit (城关镇黄家岭村党支部), F its 考评 of the first
	// item (the form said 18.5), O 更正原因.
	bad := filepath.Join(dir, "录入 有错.xlsx")
	setCells(t, book, bad, "考评得分", map[string]any{"F9": 20, "O9": "复核台账后更正", "H10": "良好"})
	code, _, errs := cli(t, db, "entries", "import", "--period", "1", bad)
	if code == 0 || !strings.Contains(errs, "录入 有错.xlsx，工作表“考评得分”，第10行 H列") || !strings.Contains(errs, "没有保存任何数值") {
		t.Fatalf("a workbook with text in a number cell must be refused with its cell: %d %q", code, errs)
	}
	if grade("城关镇黄家岭村党支部") != before {
		t.Fatal("a refused workbook changed the results")
	}
	good := filepath.Join(dir, "录入 已填.xlsx")
	setCells(t, book, good, "考评得分", map[string]any{"F9": 20, "O9": "复核台账后更正"})
	if code, out, errs := cli(t, db, "entries", "import", "--period", "1", good); code != 0 || !strings.Contains(out, "已保存 1 条录入") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	// 0.7 × (20 − 18.5) = 1.05.
	if after := grade("城关镇黄家岭村党支部"); after.Sub(before) != model.D4("1.05") {
		t.Errorf("total %s → %s, want +1.05", before, after)
	}
	_, out, _ := cli(t, db, "entries", "list", "--period", "1", "--json")
	var log []model.Entry
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	last := log[len(log)-1]
	if last.Old != "18.5" || last.Value != "20" || last.Reason != "复核台账后更正" || last.Cell != "F9" || last.User == "" {
		t.Errorf("entry recorded: %+v", last)
	}
	// Another period's workbook.
	if code, out, errs := cli(t, db, "period", "create", "--name", "2027年度星级评定", "--scheme", "cun-xingji"); code != 0 {
		t.Fatalf("period create: %q %q", out, errs)
	}
	other := filepath.Join(dir, "2027 录入表.xlsx")
	if code, _, errs := cli(t, db, "entries", "template", "--period", "2", "--out", other); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := cli(t, db, "entries", "import", "--period", "1", other); code == 0 || !strings.Contains(errs, "2027年度星级评定") {
		t.Errorf("another period's workbook must be refused naming it: %d %q", code, errs)
	}
}
