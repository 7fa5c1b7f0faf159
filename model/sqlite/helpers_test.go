package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"xingji/model"
)

var ctx = context.Background()

// clock is a fake clock that moves one second on every reading, so backups
// taken in a row get distinct names.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 21, 15, 30, 12, 0, time.Local)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// openStore opens a new database in a temporary folder and closes it when
// the test ends.
func openStore(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "xingji.db"), Options{Now: newClock().Now})
}

// openAt opens the database at path and closes it when the test ends.
func openAt(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// wantCode fails unless err carries the given code.
func wantCode(t testing.TB, err error, code model.ErrorCode) *model.Error {
	t.Helper()
	if got := model.ErrorCodeOf(err); got != code {
		t.Fatalf("error code = %q, want %q (error: %v)", got, code, err)
	}
	e, ok := err.(*model.Error)
	if !ok {
		t.Fatalf("error is %T, want *model.Error: %v", err, err)
	}
	return e
}

// wantMessage fails unless err's user message contains every part.
func wantMessage(t testing.TB, err error, parts ...string) {
	t.Helper()
	msg := model.ErrorMessage(err)
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("message %q does not contain %q", msg, p)
		}
	}
}

// addUnit creates a unit or fails the test.
func addUnit(t testing.TB, s *Store, parent int64, name, code string, level model.UnitLevel) model.Unit {
	t.Helper()
	u := model.Unit{ParentID: parent, Name: name, Code: code, Level: level, Kind: model.KindCommunity}
	if err := s.CreateUnit(ctx, &u); err != nil {
		t.Fatalf("CreateUnit(%s): %v", name, err)
	}
	return u
}

// newMember is a valid member of the unit.
func newMember(unit int64, name string) model.Member {
	return model.Member{UnitID: unit, Name: name, Gender: model.Male,
		Status: model.StatusFull, Category: model.CategoryActive}
}

// addMember creates a member or fails the test.
func addMember(t testing.TB, s *Store, unit int64, name string) model.Member {
	t.Helper()
	m := newMember(unit, name)
	if err := s.CreateMember(ctx, &m, model.Date{}); err != nil {
		t.Fatalf("CreateMember(%s): %v", name, err)
	}
	return m
}

// unitNames lists the names of units in order.
func unitNames(us []model.Unit) []string {
	var names []string
	for _, u := range us {
		names = append(names, u.Name)
	}
	return names
}

// rowNames lists the member names of rows in order.
func rowNames(rows []model.MemberRow) []string {
	var names []string
	for _, r := range rows {
		names = append(names, r.Name)
	}
	return names
}

// memberNames lists the names of members in order.
func memberNames(ms []model.Member) []string {
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	return names
}

// tinyScheme is the smallest valid unit scheme: one manual item of 10
// points, entered by the unit itself.
func tinyScheme() model.Scheme {
	return model.Scheme{Code: "x", Version: "1", Name: "测试方案", Subject: model.SubjectUnit,
		Total: model.Dec(10), Sources: []model.Source{{Code: model.SourceSelf, Name: "自评", Weight: model.Dec(100)}},
		Sections: []model.Section{{Code: "S", Title: "全部", Points: model.Dec(10), Items: []model.Item{{Code: "1", Title: "工作", Points: model.Dec(10), Rule: model.Manual()}}}}}
}

// addPeriod creates an open period on tinyScheme for the units or fails
// the test.
func addPeriod(t testing.TB, s *Store, name string, units ...int64) model.Period {
	t.Helper()
	p := model.Period{Name: name, Units: units, Scheme: tinyScheme()}
	if err := s.CreatePeriod(ctx, &p); err != nil {
		t.Fatalf("CreatePeriod(%s): %v", name, err)
	}
	return p
}
