package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"xingji/model"
)

func TestOpenCreatesDatabaseAndRecordsMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "新建", "xingji.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	applied := func(s *Store) []string {
		t.Helper()
		rows, err := s.db.Query(`SELECT name FROM migrations ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var names []string
		for rows.Next() {
			var n string
			rows.Scan(&n)
			names = append(names, n)
		}
		return names
	}
	all, err := migrationNames()
	if err != nil || len(all) == 0 || all[0] != "0001_init.sql" {
		t.Fatalf("migrationNames = %v, %v", all, err)
	}
	want := strings.Join(all, ",")
	if got := strings.Join(applied(s), ","); got != want {
		t.Errorf("migrations = %q, want %q", got, want)
	}
	addUnit(t, s, 0, "城关镇党委", "CG", model.LevelCommittee)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}

	// Reopening applies nothing again and takes no backup.
	s = openAt(t, path, Options{})
	if got := strings.Join(applied(s), ","); got != want {
		t.Errorf("after reopen migrations = %q, want %q", got, want)
	}
	if list, _ := s.Backups(); len(list) != 0 {
		t.Errorf("reopen without pending migrations made backups: %v", list)
	}
	if st, err := s.Stats(ctx); err != nil || st.Units != 1 {
		t.Errorf("Stats = %+v, %v; want 1 unit", st, err)
	}
}

func TestPendingMigrationBacksUpFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "xingji.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	addUnit(t, s, 0, "城关镇党委", "CG", model.LevelCommittee)
	s.Close()

	// A newer program version brings one more migration.
	old := migrationFS
	t.Cleanup(func() { migrationFS = old })
	newer := fstest.MapFS{
		"migrations/9999_notes.sql": {Data: []byte("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\nINSERT INTO notes (body) VALUES ('x');")},
	}
	names, err := migrationNames()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		data, err := embeddedMigrations.ReadFile("migrations/" + n)
		if err != nil {
			t.Fatal(err)
		}
		newer["migrations/"+n] = &fstest.MapFile{Data: data}
	}
	migrationFS = newer
	s = openAt(t, path, Options{})
	list, err := s.Backups()
	if err != nil || len(list) != 1 || list[0].Reason != "before-migration" {
		t.Fatalf("Backups = %+v, %v; want one before-migration backup", list, err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM notes`).Scan(&n); err != nil || n != 1 {
		t.Errorf("0002 not applied: %d, %v", n, err)
	}
	s.Close()

	// An older program refuses the newer database instead of damaging it.
	migrationFS = old
	_, err = Open(path, Options{})
	wantCode(t, err, model.EConflict)
	wantMessage(t, err, "更新版本", "9999_notes.sql")
}

func TestPragmasOnEveryPooledConnection(t *testing.T) {
	s := openStore(t)
	check := func(name string, db *sql.DB, n int) {
		var conns []*sql.Conn
		for i := 0; i < n; i++ { // hold them all so each is a distinct connection
			c, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
		}
		for i, c := range conns {
			var fk, busy, sync int
			var mode string
			for q, dest := range map[string]any{"PRAGMA foreign_keys": &fk, "PRAGMA journal_mode": &mode,
				"PRAGMA busy_timeout": &busy, "PRAGMA synchronous": &sync} {
				if err := c.QueryRowContext(ctx, q).Scan(dest); err != nil {
					t.Fatal(q, err)
				}
			}
			if fk != 1 || mode != "wal" || busy != 5000 || sync != 1 {
				t.Errorf("%s conn %d: foreign_keys=%d journal_mode=%s busy_timeout=%d synchronous=%d",
					name, i, fk, mode, busy, sync)
			}
			c.Close()
		}
	}
	check("writer", s.db, 1)
	check("reader", s.rdb, readerConns)

	// Foreign keys really are enforced.
	_, err := s.db.Exec(`INSERT INTO members (unit_id, name, status, category) VALUES (999, 'x', '正式', '在职')`)
	if err == nil {
		t.Error("insert with a missing unit succeeded; foreign keys are off")
	}
}

func TestChinesePathWithSpaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "党委 数据")
	path := filepath.Join(dir, "星级 考评.db")
	s := openAt(t, path, Options{})
	addUnit(t, s, 0, "城关镇党委", "CG", model.LevelCommittee)
	if _, err := s.Backup(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	head := make([]byte, 16)
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("database is not at %q: %v", path, err)
	}
	f.Read(head)
	f.Close()
	if string(head) != sqliteHeader {
		t.Errorf("%q is not an SQLite file", path)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		switch name := e.Name(); name {
		case "星级 考评.db", "星级 考评.db.lock", "backups":
		default:
			t.Errorf("unexpected file %q beside the database (escaping went wrong?)", name)
		}
	}
	s = openAt(t, path, Options{})
	if u, err := s.UnitByCode(ctx, "CG"); err != nil || u.Name != "城关镇党委" {
		t.Errorf("after reopen: %+v, %v", u, err)
	}
}

func TestPathWithURICharacters(t *testing.T) {
	odd := "a#b%c&d=e+f;g"
	if runtime.GOOS != "windows" {
		odd += "?h" // not allowed in Windows file names
	}
	path := filepath.Join(t.TempDir(), odd, "名 单.db")
	s := openAt(t, path, Options{})
	addUnit(t, s, 0, "城关镇党委", "CG", model.LevelCommittee)
	s.Close()
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("database not at %q: %v", path, err)
	}
}

func TestFileURI(t *testing.T) {
	cases := map[string]string{
		"/tmp/党委 数据/星级 考评.db":                          "file:///tmp/%E5%85%9A%E5%A7%94%20%E6%95%B0%E6%8D%AE/%E6%98%9F%E7%BA%A7%20%E8%80%83%E8%AF%84.db",
		"/tmp/a?b#c%d.db":                              "file:///tmp/a%3Fb%23c%25d.db",
		"C:/Users/张三/AppData/Roaming/xingji/xingji.db": "file:///C:/Users/%E5%BC%A0%E4%B8%89/AppData/Roaming/xingji/xingji.db",
	}
	if runtime.GOOS == "windows" {
		cases[`C:\Users\张三\AppData\Roaming\xingji\xingji.db`] = "file:///C:/Users/%E5%BC%A0%E4%B8%89/AppData/Roaming/xingji/xingji.db"
		cases[`\\server\share\党委\xingji.db`] = "file:////server/share/%E5%85%9A%E5%A7%94/xingji.db"
	}
	for in, want := range cases {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xingji.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{})
	wantCode(t, err, model.ELocked)
	wantMessage(t, err, "另一个星级考评窗口或命令", path, "请先关闭它再试")
	s.Close()
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}

func TestGarbageFileIsCorruptAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xingji.db")
	garbage := bytes.Repeat([]byte("这不是数据库文件。"), 2000)
	if err := os.WriteFile(path, garbage, 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // the lock is released after a failed Open
		_, err := Open(path, Options{})
		wantCode(t, err, model.ECorrupt)
		wantMessage(t, err, path, "备份")
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, garbage) {
		t.Error("the damaged file was changed")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a -wal file was created beside the damaged file")
	}
}

func TestTruncatedDatabaseIsCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xingji.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := addUnit(t, s, 0, "城关镇党委", "CG", model.LevelCommittee)
	plan := model.RosterPlan{}
	for i := 0; i < 3000; i++ {
		plan.Members = append(plan.Members, model.PlannedMember{Member: newMember(u.ID, "张三丰")})
	}
	if _, err := s.ApplyRosterPlan(ctx, plan); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(path)
	truncated := data[:len(data)/2]
	if err := os.WriteFile(path, truncated, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{})
	wantCode(t, err, model.ECorrupt)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, truncated) {
		t.Error("the damaged file was changed")
	}
}

func TestDamagedPageIsCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xingji.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := addUnit(t, s, 0, "城关镇党委", "CG", model.LevelCommittee)
	plan := model.RosterPlan{}
	for i := 0; i < 3000; i++ {
		plan.Members = append(plan.Members, model.PlannedMember{Member: newMember(u.ID, "张三丰")})
	}
	if _, err := s.ApplyRosterPlan(ctx, plan); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(path)
	page := len(data) / 2 / 4096 * 4096
	copy(data[page:page+4096], bytes.Repeat([]byte{0x5a}, 4096))
	os.WriteFile(path, data, 0o644)
	_, err = Open(path, Options{})
	wantCode(t, err, model.ECorrupt)
}

func TestEmptyFileIsANewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "xingji.db")
	os.WriteFile(path, nil, 0o644)
	s := openAt(t, path, Options{})
	addUnit(t, s, 0, "城关镇党委", "CG", model.LevelCommittee)
}

func TestClosedStoreReportsError(t *testing.T) {
	s := openStore(t)
	s.Close()
	_, err := s.Units(ctx)
	wantCode(t, err, model.EInternal)
	_, err = s.Backup(ctx, "manual")
	wantCode(t, err, model.EInternal)
	wantCode(t, s.Restore(ctx, "x.db"), model.EInternal)
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XINGJI_DB", "/data/党委/x.db")
	if p, err := DefaultPath(); err != nil || p != "/data/党委/x.db" {
		t.Errorf("DefaultPath with XINGJI_DB = %q, %v", p, err)
	}
	t.Setenv("XINGJI_DB", "")
	p, err := DefaultPath()
	if err != nil {
		t.Skip("no user config dir here:", err)
	}
	if want := filepath.Join("xingji", "xingji.db"); !strings.HasSuffix(p, want) {
		t.Errorf("DefaultPath = %q, want …%s", p, want)
	}
}

// Readers use their own pool: a long write (an import) does not hold up the
// member list.
func TestReadsDoNotWaitForTheWriter(t *testing.T) {
	s := openStore(t)
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	addMember(t, s, root.ID, "张三")
	inTx, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- s.write(ctx, func(tx *sql.Tx) error {
			if _, err := tx.Exec(`UPDATE members SET name = '李四'`); err != nil {
				return err
			}
			close(inTx)
			<-release
			return nil
		})
	}()
	<-inTx
	rctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	page, err := s.Members(rctx, model.MemberQuery{})
	if err != nil || len(page.Rows) != 1 || page.Rows[0].Name != "张三" {
		t.Errorf("read during a write: %+v, %v (want the committed 张三)", page, err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if page, _ := s.Members(ctx, model.MemberQuery{}); page.Rows[0].Name != "李四" {
		t.Errorf("after commit: %v", rowNames(page.Rows))
	}
}
