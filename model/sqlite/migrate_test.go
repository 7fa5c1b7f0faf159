package sqlite

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"xingji/model"
	"xingji/model/demo"
)

// Every migration is tested on a database full of data: for each released
// schema, TestMigrationsKeepAFullDatabase builds a database at that schema
// with rows in every table it has (fullDatabase), opens it with the current
// program so every later migration applies, and checks that each earlier
// row is still there, unchanged, and reads back the same through the store,
// and that the new tables are usable. A new migration adds the rows of its
// own tables to fullDatabase (behind hasMigration), so that the next one is
// tested on them too.

// useMigrationsThrough makes Open apply only the embedded migrations up to
// and including last, until the test ends or useMigrationsThrough(t, "")
// is called: with "" every migration applies again.
func useMigrationsThrough(t *testing.T, last string) {
	t.Helper()
	if last == "" {
		migrationFS = embeddedMigrations
		return
	}
	old := migrationFS
	t.Cleanup(func() { migrationFS = old })
	files, err := fs.Glob(embeddedMigrations, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	older := fstest.MapFS{}
	for _, f := range files {
		if path.Base(f) > last {
			continue
		}
		data, err := embeddedMigrations.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		older[f] = &fstest.MapFile{Data: data}
	}
	migrationFS = older
}

// hasMigration reports whether a database at the schema after migration
// last has the migration name.
func hasMigration(last, name string) bool { return last >= name }

// fullDB says what fullDatabase put in: the ids of its open and its closed
// period (0 when the schema predates periods).
type fullDB struct {
	open, closed int64
}

// fullDatabase fills s, a store at the schema after migration last, with
// rows in every table that schema has: the demo county's roster (units,
// members, memberships, an import_log row), a transfer and a dissolved
// unit; from 0002 a saved scheme; from 0003 an open period of nine
// branches with accepted, superseded and rejected submissions, a closed
// period, and a rejected file tied to no period.
func fullDatabase(t *testing.T, s *Store, last string) fullDB {
	t.Helper()
	var fd fullDB
	if _, err := s.ApplyRosterPlan(ctx, demo.Generate(demo.County, 7)); err != nil {
		t.Fatal(err)
	}
	units, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var branches []model.Unit
	for _, u := range units {
		if u.Level == model.LevelBranch && u.Active() {
			branches = append(branches, u)
		}
	}
	if len(branches) < 10 {
		t.Fatalf("the demo county has %d branches, want at least 10", len(branches))
	}
	members, err := s.MembersOfUnitAt(ctx, branches[0].ID, demo.AsOf())
	if err != nil || len(members) == 0 {
		t.Fatalf("members of %s: %d, %v", branches[0].Name, len(members), err)
	}
	if err := s.TransferMember(ctx, members[0].ID, branches[1].ID, model.D(2026, 11, 1), "工作调动"); err != nil {
		t.Fatal(err)
	}
	gone := addUnit(t, s, branches[0].ParentID, "已撤销的测试支部", "GONE", model.LevelBranch)
	if err := s.DissolveUnit(ctx, gone.ID, model.D(2026, 11, 2)); err != nil {
		t.Fatal(err)
	}

	if !hasMigration(last, "0002_schemes.sql") {
		return fd
	}
	if err := s.SaveScheme(ctx, tinyScheme()); err != nil {
		t.Fatal(err)
	}

	if !hasMigration(last, "0003_periods.sql") {
		return fd
	}
	var scope []int64
	for _, b := range branches[:9] {
		scope = append(scope, b.ID)
	}
	open := addPeriod(t, s, "2026年度村党支部星级评定", scope...)
	closed := addPeriod(t, s, "2025年度村党支部星级评定", scope[:3]...)
	fd.open, fd.closed = open.ID, closed.ID
	file := 0
	save := func(period, unit int64, status model.SubmissionStatus) {
		t.Helper()
		file++
		data := []byte(fmt.Sprintf("PK\x03\x04 第%d份填报表 \x00\xff", file))
		sum := sha256.Sum256(data)
		sub := model.Submission{PeriodID: period, Form: model.FormUnit, UnitID: unit, Status: status,
			FileName: fmt.Sprintf("填报表%d.xlsx", file), SHA256: hex.EncodeToString(sum[:])}
		if status == model.SubmissionAccepted {
			sub.Values = []model.EntryValue{
				{Subject: fmt.Sprintf("u:%d", unit), Source: "self", Item: "1", Field: "score", Value: fmt.Sprint(file % 10), Sheet: "自评表", Cell: "G7"},
				{Subject: fmt.Sprintf("u:%d", unit), Source: "self", Item: "1", Field: "note", Value: "“说明”\n第二行", Sheet: "自评表", Cell: "H7"},
			}
		} else {
			sub.Problems = []string{"自评表 G7：超过了分值 10，请改为 0 到 10 之间的数"}
		}
		if err := s.SaveSubmission(ctx, &sub, data); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range scope {
		save(open.ID, u, model.SubmissionAccepted)
	}
	save(open.ID, scope[0], model.SubmissionAccepted) // a second version: the first is superseded
	save(open.ID, scope[1], model.SubmissionRejected)
	save(0, 0, model.SubmissionRejected) // tied to no period
	save(closed.ID, scope[2], model.SubmissionAccepted)
	if err := s.SetPeriodStatus(ctx, closed.ID, model.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	if hasMigration(last, "0006_certificates.sql") {
		if _, _, err := s.IssueCertificateNumbers(ctx, open.ID, []model.CertificateClaim{{Subject: "u:1", Honour: "四星级党支部"}}, 1,
			func(seq int) string { return fmt.Sprintf("QH〔2025〕%03d", seq) }); err != nil {
			t.Fatal(err)
		}
	}
	return fd
}

// storeView is what the store reads back of a full database, compared
// before and after the migrations.
type storeView struct {
	Units       []model.Unit
	Members     []model.Member
	Memberships map[int64][]model.Membership
	Schemes     []SchemeInfo
	Periods     []model.Period
	Submissions map[int64][]model.Submission // by period, 0 for none; values included
	Stats       Stats
}

// viewStore reads s through its public methods, as far as the schema after
// migration last allows.
func viewStore(t *testing.T, s *Store, last string) storeView {
	t.Helper()
	var v storeView
	var err error
	if v.Units, err = s.Units(ctx); err != nil {
		t.Fatal(err)
	}
	if v.Members, err = s.AllMembers(ctx); err != nil {
		t.Fatal(err)
	}
	v.Memberships = map[int64][]model.Membership{}
	for _, m := range v.Members {
		if v.Memberships[m.ID], err = s.Memberships(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
	}
	if v.Stats, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if hasMigration(last, "0002_schemes.sql") {
		if v.Schemes, err = s.Schemes(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if hasMigration(last, "0003_periods.sql") {
		if v.Periods, err = s.Periods(ctx); err != nil {
			t.Fatal(err)
		}
		v.Submissions = map[int64][]model.Submission{}
		for _, id := range append([]int64{0}, periodIDs(v.Periods)...) {
			list, err := s.Submissions(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for i := range list {
				if list[i], err = s.Submission(ctx, list[i].ID); err != nil {
					t.Fatal(err)
				}
			}
			v.Submissions[id] = list
		}
	}
	return v
}

func periodIDs(ps []model.Period) []int64 {
	var ids []int64
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	return ids
}

// dumpDatabase returns, by table, every row of every table but migrations
// in rowid order, each formatted with its column values (blobs byte for
// byte), and under "sqlite_master" the definition of every table, index
// and trigger.
func dumpDatabase(t *testing.T, db *sql.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	rows, err := db.Query(`SELECT type, name, tbl_name, IFNULL(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var typ, name, tbl, text string
		if err := rows.Scan(&typ, &name, &tbl, &text); err != nil {
			t.Fatal(err)
		}
		out["sqlite_master"] = append(out["sqlite_master"], fmt.Sprintf("%s %s on %s: %s", typ, name, tbl, text))
		if typ == "table" && name != "migrations" && !strings.HasPrefix(name, "sqlite_") {
			tables = append(tables, name)
		}
	}
	rows.Close()
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + table + `" ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				fmt.Fprintf(&b, "%s=%#v ", cols[i], v)
			}
			out[table] = append(out[table], b.String())
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if out[table] == nil {
			out[table] = []string{}
		}
	}
	return out
}

// TestMigrationsKeepAFullDatabase builds, for each released schema but the
// newest, a database full of data at that schema, opens it with the
// current program and checks that nothing of it changed: every row of
// every earlier table (count and content, blobs byte for byte), every
// earlier table, index and trigger definition, and what the store reads
// back. A before-migration backup is taken, and the tables added since are
// usable.
func TestMigrationsKeepAFullDatabase(t *testing.T) {
	names, err := migrationNames()
	if err != nil {
		t.Fatal(err)
	}
	for _, last := range names[:len(names)-1] {
		t.Run("from "+last, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "xingji.db")
			useMigrationsThrough(t, last)
			s := openAt(t, path, Options{Now: newClock().Now})
			fd := fullDatabase(t, s, last)
			before, view := dumpDatabase(t, s.db), viewStore(t, s, last)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			full := []string{"units", "members", "memberships", "import_log"}
			if hasMigration(last, "0002_schemes.sql") {
				full = append(full, "schemes")
			}
			if hasMigration(last, "0003_periods.sql") {
				full = append(full, "periods", "period_units", "files", "submissions")
			}
			for _, table := range full {
				if len(before[table]) == 0 {
					t.Fatalf("the full database has no rows in %s", table)
				}
			}

			useMigrationsThrough(t, "")
			s = openAt(t, path, Options{Now: newClock().Now})
			if list, err := s.Backups(); err != nil || len(list) != 1 || list[0].Reason != "before-migration" {
				t.Errorf("backups %+v, %v; want one before-migration backup", list, err)
			}
			applied, err := appliedMigrations(ctx, s.db)
			if err != nil || len(applied) != len(names) {
				t.Errorf("applied %v, %v; want all of %v", applied, err, names)
			}
			after := dumpDatabase(t, s.db)
			for table, rows := range before {
				if table == "sqlite_master" {
					have := map[string]bool{}
					for _, r := range after[table] {
						have[r] = true
					}
					for _, r := range rows {
						if !have[r] {
							t.Errorf("definition changed or gone: %s", r)
						}
					}
					continue
				}
				if len(after[table]) != len(rows) {
					t.Errorf("%s: %d rows, had %d", table, len(after[table]), len(rows))
					continue
				}
				for i := range rows {
					if after[table][i] != rows[i] {
						t.Errorf("%s row %d changed:\n was %s\n now %s", table, i, rows[i], after[table][i])
						break
					}
				}
			}
			if got := viewStore(t, s, last); !reflect.DeepEqual(got, view) {
				t.Errorf("the store reads the database differently after the migrations")
			}
			checkNewTablesUsable(t, s, fd)
		})
	}
}

// checkNewTablesUsable uses the tables of the newest migrations on a
// migrated database: entries and result versions for its periods.
func checkNewTablesUsable(t *testing.T, s *Store, fd fullDB) {
	t.Helper()
	if fd.open == 0 {
		u := addUnit(t, s, 0, "迁移后新建党委", "NEW", model.LevelCommittee)
		b := addUnit(t, s, u.ID, "迁移后新建支部", "NEW-1", model.LevelBranch)
		fd.open = addPeriod(t, s, "迁移后新建周期", b.ID).ID
	}
	got := mustAdd(t, s, fd.open, fact("u:1", "缺席次数", "2"), fact("u:1", "缺席次数", "3"))
	if len(got) != 2 || got[1].Old != "2" {
		t.Errorf("entries on a migrated database: %q", olds(got))
	}
	nums, _, err := s.IssueCertificateNumbers(ctx, fd.open, []model.CertificateClaim{{Subject: "u:1", Honour: "四星级党支部"}}, 1,
		func(seq int) string { return fmt.Sprintf("迁移后〔2026〕%03d", seq) })
	if err != nil || len(nums) != 1 || nums[0] != "迁移后〔2026〕001" {
		t.Errorf("certificate numbers on a migrated database: %v, %v", nums, err)
	}
	v := model.ResultVersion{PeriodID: fd.open, Note: "迁移后", Data: []byte(`{"ok":true}`)}
	if err := s.SaveResultVersion(ctx, &v); err != nil || v.Number != 1 {
		t.Errorf("result version on a migrated database: %d, %v", v.Number, err)
	}
	if fd.closed != 0 {
		_, err := s.AddEntries(ctx, fd.closed, []model.Entry{fact("u:1", "缺席次数", "1")})
		wantCode(t, err, model.EConflict)
	}
}
