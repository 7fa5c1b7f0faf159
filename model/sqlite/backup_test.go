package sqlite

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"xingji/model"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "xingji.db")
	s := openAt(t, path, Options{Now: newClock().Now})
	root := addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	addMember(t, s, root.ID, "张三")

	backup, err := s.Backup(ctx, "manual")
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := filepath.Match(filepath.Join(dir, "backups", "xingji-20261121-1530??-manual.db"), backup); !ok {
		t.Errorf("backup = %q, want backups/xingji-20261121-1530??-manual.db", backup)
	}
	// Changes after the backup…
	addUnit(t, s, root.ID, "新支部", "NEW", model.LevelBranch)
	addMember(t, s, root.ID, "李四")

	if err := s.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	// …are gone, and the Store is still usable.
	units, err := s.Units(ctx)
	if err != nil || !reflect.DeepEqual(unitNames(units), []string{"县委"}) {
		t.Errorf("Units after restore = %v, %v", unitNames(units), err)
	}
	if st, _ := s.Stats(ctx); st.Members != 1 {
		t.Errorf("Stats after restore = %+v", st)
	}
	addUnit(t, s, root.ID, "恢复后新建", "AFTER", model.LevelBranch)
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Errorf("after restore the database is not in WAL mode: %v", err)
	}

	list, _ := s.Backups()
	var reasons []string
	for _, b := range list {
		reasons = append(reasons, b.Reason)
	}
	if !reflect.DeepEqual(reasons, []string{"before-restore", "manual"}) {
		t.Fatalf("backups = %v", reasons)
	}
	// The before-restore backup holds the state that was replaced.
	if err := s.Restore(ctx, list[0].Path); err != nil {
		t.Fatal(err)
	}
	if u, err := s.UnitByCode(ctx, "NEW"); err != nil || u.Name != "新支部" {
		t.Errorf("restoring before-restore: %+v, %v", u, err)
	}
}

func TestBackupNamesAndRotation(t *testing.T) {
	dir := t.TempDir()
	frozen := time.Date(2026, 11, 21, 15, 30, 12, 0, time.Local)
	s := openAt(t, filepath.Join(dir, "xingji.db"), Options{KeepBackups: 3, Now: func() time.Time { return frozen }})
	addUnit(t, s, 0, "县委", "R", model.LevelCommittee)

	var made []string
	for _, reason := range []string{"manual", "manual", "Before Import!", "", "before-import"} {
		p, err := s.Backup(ctx, reason)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, filepath.Base(p))
		time.Sleep(10 * time.Millisecond) // same second: order by file time
	}
	want := []string{
		"xingji-20261121-153012-manual.db", "xingji-20261121-153012-manual-2.db",
		"xingji-20261121-153012-before-import.db", "xingji-20261121-153012-manual-3.db",
		"xingji-20261121-153012-before-import-2.db",
	}
	if !reflect.DeepEqual(made, want) {
		t.Errorf("names = %v\nwant %v", made, want)
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var names, reasons []string
	for _, b := range list {
		names = append(names, filepath.Base(b.Path))
		reasons = append(reasons, b.Reason)
		if !b.Time.Equal(frozen) || b.Size == 0 {
			t.Errorf("%+v: want time %v and a size", b, frozen)
		}
	}
	if !reflect.DeepEqual(names, []string{want[4], want[3], want[2]}) {
		t.Errorf("kept %v, want the newest 3", names)
	}
	if !reflect.DeepEqual(reasons, []string{"before-import", "manual", "before-import"}) {
		t.Errorf("reasons = %v", reasons)
	}
	if b, err := LatestBackup(s.Path(), Options{}); err != nil || b.Path != list[0].Path {
		t.Errorf("LatestBackup = %+v, %v", b, err)
	}
	if l2, err := ListBackups(s.Path(), Options{}); err != nil || !reflect.DeepEqual(l2, list) {
		t.Errorf("ListBackups = %+v, %v", l2, err)
	}
	// Files that are not backups are left alone.
	os.WriteFile(filepath.Join(dir, "backups", "说明.txt"), []byte("x"), 0o644)
	s.Backup(ctx, "manual")
	if _, err := os.Stat(filepath.Join(dir, "backups", "说明.txt")); err != nil {
		t.Error("rotation deleted a file that is not a backup")
	}
}

func TestBackupSlug(t *testing.T) {
	for in, want := range map[string]string{
		"before-import": "before-import", "Before Import!": "before-import", "": "manual",
		"导入前": "manual", "a__b--c": "a-b-c", strings.Repeat("x", 50): strings.Repeat("x", 40),
	} {
		if got := backupSlug(in); got != want {
			t.Errorf("backupSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRestoreRejectsBadBackups(t *testing.T) {
	s := openStore(t)
	addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	dir := t.TempDir()

	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, bytes.Repeat([]byte("x"), 5000), 0o644)
	wantCode(t, s.Restore(ctx, garbage), model.EInvalid)

	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite", foreign)
	db.Exec(`CREATE TABLE t (x)`)
	db.Close()
	e := wantCode(t, s.Restore(ctx, foreign), model.EInvalid)
	wantMessage(t, e, "不是星级考评的数据库备份", foreign)

	wantCode(t, s.Restore(ctx, filepath.Join(dir, "missing.db")), model.ENotFound)
	wantCode(t, s.Restore(ctx, s.Path()), model.EInvalid)

	if u, err := s.UnitByCode(ctx, "R"); err != nil || u.Name != "县委" {
		t.Errorf("database changed by a refused restore: %+v, %v", u, err)
	}
	if list, _ := s.Backups(); len(list) != 0 {
		t.Errorf("a refused restore took backups: %v", list)
	}
}

func TestRestoreOldestBackupWhenRotationIsFull(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "xingji.db"), Options{KeepBackups: 2, Now: newClock().Now})
	addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	oldest, _ := s.Backup(ctx, "manual")
	addUnit(t, s, 0, "市委", "C", model.LevelCommittee)
	s.Backup(ctx, "manual")
	// The before-restore backup pushes oldest out of rotation; restore must
	// still work.
	if err := s.Restore(ctx, oldest); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(ctx); st.Units != 1 {
		t.Errorf("Stats = %+v", st)
	}
}

func TestRestoreFileOnCorruptDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "xingji.db")
	clk := newClock()
	s, err := Open(path, Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	addUnit(t, s, 0, "县委", "R", model.LevelCommittee)
	backup, _ := s.Backup(ctx, "manual")
	s.Close()

	garbage := bytes.Repeat([]byte{0xde, 0xad}, 4096)
	os.WriteFile(path, garbage, 0o644)
	_, err = Open(path, Options{})
	wantCode(t, err, model.ECorrupt)

	_, err = LatestBackup(filepath.Join(t.TempDir(), "none.db"), Options{})
	wantCode(t, err, model.ENotFound)
	latest, err := LatestBackup(path, Options{})
	if err != nil || latest.Path != backup {
		t.Fatalf("LatestBackup = %+v, %v", latest, err)
	}
	// Not while another window holds the lock.
	lock, err := acquireLock(path)
	if err != nil {
		t.Fatal(err)
	}
	wantCode(t, RestoreFile(path, latest.Path, Options{}), model.ELocked)
	lock.Unlock()

	wantCode(t, RestoreFile(path, filepath.Join(dir, "missing.db"), Options{}), model.ENotFound)
	if err := RestoreFile(path, latest.Path, Options{Now: clk.Now}); err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(path + ".damaged-*")
	if len(entries) != 1 {
		t.Fatalf("damaged copies: %v", entries)
	}
	if kept, _ := os.ReadFile(entries[0]); !bytes.Equal(kept, garbage) {
		t.Error("the damaged file was not kept as it was")
	}
	s = openAt(t, path, Options{})
	if u, err := s.UnitByCode(ctx, "R"); err != nil || u.Name != "县委" {
		t.Errorf("after RestoreFile: %+v, %v", u, err)
	}
	if _, err := os.Stat(latest.Path); err != nil {
		t.Error("RestoreFile consumed the backup:", err)
	}
}
