package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xingji/model"
)

// TestPeriodFormsImportStatus runs the round trip a newcomer tries from the
// console: the demo with its filled forms, period list, forms, import (which
// exits non-zero because one file has mistakes), status and values.
func TestPeriodFormsImportStatus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "考评 工作")
	db := filepath.Join(dir, "示范.db")
	subs := filepath.Join(dir, "收到的 表格")
	if code, out, errs := cli(t, db, "demo", "--with-submissions", subs); code != 0 || !strings.Contains(out, "份填好的示范表格") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	code, out, _ := cli(t, db, "period", "list", "--json")
	var ps []periodJSON
	if code != 0 || json.Unmarshal([]byte(out), &ps) != nil || len(ps) != 1 {
		t.Fatalf("period list: %d %q", code, out)
	}
	p := ps[0]
	if p.Status != "open" || p.Scheme != "cun-xingji" || p.MemberScheme != "shouqi-pingxing-dangyuan" || p.Units != 9 {
		t.Errorf("demo period: %+v", p)
	}
	id := "1"
	zipPath := filepath.Join(dir, "下发.zip")
	if code, out, errs := cli(t, db, "forms", "--period", id, "--out", zipPath); code != 0 || !strings.Contains(out, "已生成 10 份表格") {
		t.Fatalf("forms: %d %q %q", code, out, errs)
	}
	if _, err := os.Stat(zipPath); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cli(t, db, "import", subs, "--json")
	if code == 0 || !strings.Contains(errs, "有 1 个文件被退回") {
		t.Fatalf("import with a bad file must exit non-zero: %d %q", code, errs)
	}
	var rep importReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Accepted != 8 || rep.Rejected != 1 || rep.Duplicate != 1 {
		t.Fatalf("import --json: %+v %v", rep, err)
	}
	code, out, _ = cli(t, db, "status", "--period", id, "--json")
	var b model.StatusBoard
	if code != 0 || json.Unmarshal([]byte(out), &b) != nil {
		t.Fatalf("status: %d %q", code, out)
	}
	if b.Submitted != 7 || b.Rejected != 1 || b.Missing != 2 || len(b.Rows) != 10 {
		t.Errorf("status board: %+v", b)
	}
	for _, r := range b.Rows {
		if r.State == model.StateRejected && !strings.Contains(strings.Join(r.Problems, ""), "第7行 G列") {
			t.Errorf("the rejected row should say which cell: %q", r.Problems)
		}
		if r.Form == model.FormUnit && (r.Secretary == "" || len(r.Phone) != 11) {
			t.Errorf("status --json should give each unit's secretary and phone: %+v", r)
		}
	}
	code, out, _ = cli(t, db, "status", "--period", id)
	if code != 0 || !strings.Contains(out, "联系电话") || !strings.Contains(out, b.Rows[0].Phone) {
		t.Errorf("status table should show the phone %q:\n%s", b.Rows[0].Phone, out)
	}
	// Every number traced to its file, sheet and cell.
	code, out, _ = cli(t, db, "values", "--period", id, "--unit", b.Rows[0].UnitCode, "--json")
	var vals []valueJSON
	if code != 0 || json.Unmarshal([]byte(out), &vals) != nil || len(vals) == 0 {
		t.Fatalf("values: %d %q", code, out)
	}
	for _, v := range vals {
		if v.File == "" || v.Sheet == "" || v.Cell == "" || len(v.SHA256) != 64 || v.Version < 1 {
			t.Fatalf("value without its origin: %+v", v)
		}
	}
	// Importing the same folder again: nothing new is accepted.
	code, out, _ = cli(t, db, "import", subs, "--json")
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Accepted != 0 || rep.Duplicate != 9 {
		t.Errorf("re-import: code %d %+v", code, rep)
	}
}
