// Package office wires the store, the importers and the demo generator into
// the jobs both programs offer — the desktop window and the console tool —
// so that each job is written once. It holds no rules of its own: which
// units a scheme is for and which scheme a code names are in model, what a
// dropped path is and how folders and archives open are in importers, what
// the demo holds is in model/demo; a job here reads, calls them, and
// writes.
//
// The store is a field, not embedded: what Office offers is listed here, one
// file per family — office.go (open, close, clock, path), units.go,
// members.go, roster.go (roster preview and import), backups.go, schemes.go,
// periods.go, forms.go (writing the forms out, the status board, the
// missing list), importforms.go (taking them back), submissions.go (what was
// received), charts.go (the trend over periods) and demo.go. A read or write a screen or command needs and the
// store has is forwarded by name, with its doc; nothing else of the store
// shows.
package office

import (
	"context"
	"log"
	"time"

	"xingji/model/sqlite"
)

// Office is the committee office's database with the jobs done on it.
type Office struct {
	store *sqlite.Store // held, not embedded: Office exposes its jobs, not the store's API
	// Clock is the one clock of the office: the database (backup names,
	// import logs, receipt times), the jobs here (transfer dates, the date
	// on a list) and the window all read it through Now. Tests fix it.
	Clock func() time.Time
	cache resultsCache // what each period's results are computed from
}

// Now is the time by the office's clock.
func (o *Office) Now() time.Time { return o.Clock() }

// Open opens the database at path, or at the default place when path is ""
// ($XINGJI_DB, else the user's data folder).
func Open(path string) (*Office, error) {
	if path == "" {
		var err error
		if path, err = sqlite.DefaultPath(); err != nil {
			return nil, err
		}
	}
	o := &Office{Clock: time.Now}
	s, err := sqlite.Open(path, sqlite.Options{Now: o.Now})
	if err != nil {
		return nil, err
	}
	o.store = s
	return o, nil
}

// settle checkpoints the database after a bulk job so that xingji.db alone
// holds its data; a failure is only logged, the data is committed anyway.
func (o *Office) settle() {
	if err := o.store.Checkpoint(context.Background()); err != nil {
		log.Println("checkpoint:", err)
	}
}

// Path is the database file's path.
func (o *Office) Path() string { return o.store.Path() }

// Close checkpoints and closes the database and releases its lock, so that
// another window or command may open it.
func (o *Office) Close() error { return o.store.Close() }

// Checkpoint copies everything in the write-ahead log into the database
// file, so that xingji.db alone holds the data. The bulk jobs here call it
// when they end; Close does it too.
func (o *Office) Checkpoint(ctx context.Context) error { return o.store.Checkpoint(ctx) }
