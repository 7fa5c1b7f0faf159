package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the console program in-process against db and returns its exit
// status and output.
func cli(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := m.Run(context.Background(), append([]string{"--db", db}, args...))
	return code, out.String(), errb.String()
}

func TestDemoUnitsMembersJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "数据 目录", "示范.db")
	if code, out, errs := cli(t, db, "demo"); code != 0 || !strings.Contains(out, "已生成示范数据") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	code, out, _ := cli(t, db, "units", "--json")
	var units []unitJSON
	if code != 0 || json.Unmarshal([]byte(out), &units) != nil || len(units) < 35 {
		t.Fatalf("units --json: code %d, %d units", code, len(units))
	}
	if units[0].ParentID != 0 || units[0].Level != "党委" {
		t.Errorf("first unit should be the root committee: %+v", units[0])
	}
	// A branch's members, by code.
	var branch unitJSON
	for _, u := range units {
		if u.Level == "党支部" && u.Dissolved == "" {
			branch = u
			break
		}
	}
	code, out, _ = cli(t, db, "members", "--unit", branch.Code, "--json")
	var members []memberJSON
	if code != 0 || json.Unmarshal([]byte(out), &members) != nil || len(members) == 0 {
		t.Fatalf("members --unit %s: code %d, %d members", branch.Code, code, len(members))
	}
	for _, mm := range members {
		if mm.UnitCode != branch.Code {
			t.Errorf("member %s of %s listed for %s", mm.Name, mm.UnitCode, branch.Code)
		}
		if mm.IDNumber != "" && !strings.Contains(mm.IDNumber, "********") {
			t.Errorf("unmasked ID number in --json: %q", mm.IDNumber)
		}
	}
	code, out, _ = cli(t, db, "members", "--json")
	if err := json.Unmarshal([]byte(out), &members); code != 0 || err != nil || len(members) < 550 {
		t.Fatalf("all members: code %d, %d, %v", code, len(members), err)
	}
	// A second demo into the same database is refused, in Chinese.
	if code, _, errs := cli(t, db, "demo"); code == 0 || !strings.Contains(errs, "只能载入空的数据库") {
		t.Errorf("second demo: %d %q", code, errs)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errs := cli(t, db, "frobnicate"); code != 2 || !strings.Contains(errs, "未知命令") {
		t.Errorf("unknown command: %d %q", code, errs)
	}
	if code, _, errs := cli(t, db, "demo", "--scale", "planet"); code != 2 || !strings.Contains(errs, "--scale") {
		t.Errorf("bad scale: %d %q", code, errs)
	}
	if code, out, _ := cli(t, db, "help"); code != 0 || !strings.Contains(out, "import-roster") {
		t.Errorf("help: %d %q", code, out)
	}
	if code, out, _ := cli(t, db, "--help"); code != 0 || !strings.Contains(out, "import-roster") {
		t.Errorf("--help: %d %q", code, out)
	}
	if code, _, errs := cli(t, db, "values", "--help"); code != 2 || strings.Contains(errs, "内部错误") || !strings.Contains(errs, "xingji-cli help") {
		t.Errorf("values --help: %d %q", code, errs)
	}
	if code, _, errs := cli(t, db, "members", "--unit", "NOPE"); code != 1 || !strings.HasPrefix(errs, "错误：") {
		t.Errorf("unknown unit code: %d %q", code, errs)
	}
}

func TestBackupAndRestoreLatest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	cli(t, db, "demo")
	if code, out, errs := cli(t, db, "backup"); code != 0 || !strings.Contains(out, "已备份到") {
		t.Fatalf("backup: %d %q %q", code, out, errs)
	}
	code, out, _ := cli(t, db, "backups", "--json")
	var list []backupJSON
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) == 0 || list[0].Reason != "manual" {
		t.Fatalf("backups --json: %d %q", code, out)
	}
	// Damage the database, then restore the newest backup.
	if err := os.WriteFile(db, []byte("这不是数据库"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(db + "-wal")
	os.Remove(db + "-shm")
	if code, _, errs := cli(t, db, "units"); code != 1 || !strings.Contains(errs, "损坏") {
		t.Fatalf("a damaged database must be reported: %d %q", code, errs)
	}
	if code, out, errs := cli(t, db, "restore", "--latest"); code != 0 {
		t.Fatalf("restore --latest: %d %q %q", code, out, errs)
	}
	if code, out, _ := cli(t, db, "units", "--json"); code != 0 || !strings.Contains(out, "青禾县") {
		t.Errorf("after restore the demo data should be back: %d", code)
	}
}

func TestImportRosterCSV(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	cli(t, db, "demo")
	_, out, _ := cli(t, db, "units", "--json")
	var units []unitJSON
	json.Unmarshal([]byte(out), &units)
	root := units[0].Code
	file := filepath.Join(dir, "新 花名册.csv")
	csv := "姓名,性别,出生日期,入党时间,所在支部,身份证号\n" +
		"赵  新,男,1988.3.5,2012年7月,县档案馆党支部,\n" +
		"钱  多,女,１９９０－０１－０２,2015.6,县档案馆党支部,\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	// Unknown unit: refused, nothing written.
	code, _, errs := cli(t, db, "import-roster", file)
	if code != 1 || !strings.Contains(errs, "县档案馆党支部") {
		t.Fatalf("unknown unit should be refused naming it: %d %q", code, errs)
	}
	if _, out, _ := cli(t, db, "members", "--search", "赵新", "--json"); strings.Contains(out, "赵新") {
		t.Fatal("a refused import wrote data")
	}
	// Dry run with a decision: passes, still nothing written.
	if code, out, errs := cli(t, db, "import-roster", file, "--create-units-under", root, "--dry-run"); code != 0 || !strings.Contains(out, "检查通过") {
		t.Fatalf("dry run: %d %q %q", code, out, errs)
	}
	code, out, errs = cli(t, db, "import-roster", file, "--create-units-under", root, "--json")
	var rep importJSON
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || !rep.Applied || rep.New != 2 || rep.NewUnits != 1 {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	_, out, _ = cli(t, db, "members", "--search", "钱多", "--json")
	var ms []memberJSON
	json.Unmarshal([]byte(out), &ms)
	if len(ms) != 1 || ms[0].Birth != "1990-01-02" || ms[0].Joined != "2015-06" || ms[0].UnitName != "县档案馆党支部" {
		t.Errorf("imported member: %+v", ms)
	}
}
