package main

import (
	"encoding/json"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestKillDuringImport kills the console program with SIGKILL at random
// points of an import of returned forms, many times, and checks what a clerk
// relies on: the database opens, and every file it lists as accepted has all
// its values — as many as the same file gives in an import that finished —
// never part of them. A killed import is the crash the office feared: the
// data then sat in xingji.db-wal; after a kill the log is replayed at the
// next open.
func TestKillDuringImport(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	dir := filepath.Join(t.TempDir(), "断电 测试")
	bin := filepath.Join(dir, "xingji-cli")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	base := filepath.Join(dir, "base.db")
	subs := filepath.Join(dir, "收到的 表格")
	if code, _, errs := cli(t, base, "demo", "--with-submissions", subs); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	// The reference: values per file after an import that finished.
	ref := filepath.Join(dir, "ref.db")
	copyDB(t, base, ref)
	start := time.Now()
	exec.Command(bin, "--db", ref, "import", subs).Run() // exits 1: one file is refused
	full := time.Since(start)
	// A file replaced by a later version counts no values once the import
	// ends, but all of them while it is current: take each file's count
	// from imports of one file at a time, in the import's order.
	want := map[string]int{}
	one := filepath.Join(dir, "one.db")
	copyDB(t, base, one)
	files, _ := os.ReadDir(subs)
	for _, f := range files {
		cli(t, one, "import", filepath.Join(subs, f.Name()))
		for sha, n := range valuesByFile(t, one) {
			want[sha] = n
		}
	}
	if len(want) < 8 {
		t.Fatalf("reference import accepted %d files", len(want))
	}
	rng := rand.New(rand.NewSource(1))
	killed, finished, partial := 0, 0, 0
	for i := 0; i < 30; i++ {
		db := filepath.Join(dir, "run.db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(db + suffix)
		}
		copyDB(t, base, db)
		cmd := exec.Command(bin, "--db", db, "import", subs)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wait := time.Duration(rng.Int63n(int64(full) + int64(50*time.Millisecond)))
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		wasKilled := false
		select {
		case <-done:
			finished++
		case <-time.After(wait):
			cmd.Process.Kill()
			<-done
			killed++
			wasKilled = true
		}
		got := valuesByFile(t, db)
		if wasKilled && len(got) > 0 {
			partial++
		}
		for sha, n := range got {
			if want[sha] != n {
				t.Errorf("run %d (killed after %v): file %s has %d values, a finished import gives %d", i, wait, sha[:12], n, want[sha])
			}
		}
	}
	t.Logf("%d runs killed (%d with some files stored), %d finished before the kill; a full import took %v", killed, partial, finished, full)
	if killed == 0 {
		t.Error("no run was killed during the import")
	}
}

// valuesByFile opens db (as the program does: the log is replayed) and
// counts the accepted values of each file.
func valuesByFile(t *testing.T, db string) map[string]int {
	t.Helper()
	code, out, errs := cli(t, db, "values", "--period", "1", "--json")
	if code != 0 {
		t.Fatalf("after the kill the database does not open: %d %s", code, errs)
	}
	var vs []valueJSON
	if err := json.Unmarshal([]byte(out), &vs); err != nil && strings.TrimSpace(out) != "" {
		t.Fatalf("values --json: %v", err)
	}
	n := map[string]int{}
	for _, v := range vs {
		n[v.SHA256]++
	}
	return n
}

func copyDB(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
