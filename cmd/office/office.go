// Package office wires the store, the importers and the demo generator into
// the jobs both programs offer — the desktop window and the console tool —
// so that each job is written once. It holds no rules of its own.
package office

import (
	"context"
	"log"
	"path/filepath"
	"time"

	"xingji/importers"
	"xingji/importers/roster"
	"xingji/model"
	"xingji/model/demo"
	"xingji/model/sqlite"
)

// Office is the committee office's database with the jobs done on it.
type Office struct {
	*sqlite.Store
	// Clock is the one clock of the office: the database (backup names,
	// import logs, receipt times), the jobs here (transfer dates, the date
	// on a list) and the window all read it through Now. Tests fix it.
	Clock func() time.Time
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
	o.Store = s
	return o, nil
}

// settle checkpoints the database after a bulk job so that xingji.db alone
// holds its data; a failure is only logged, the data is committed anyway.
func (o *Office) settle() {
	if err := o.Checkpoint(context.Background()); err != nil {
		log.Println("checkpoint:", err)
	}
}

// ApplyRosterPlan stores a checked roster (the store's job) and checkpoints.
func (o *Office) ApplyRosterPlan(ctx context.Context, p model.RosterPlan) (model.RosterResult, error) {
	defer o.settle()
	return o.Store.ApplyRosterPlan(ctx, p)
}

// DemoSeed is the seed of the demo data, so every newcomer sees the same
// committee.
const DemoSeed = 20261121

// LoadDemo fills an empty database with the fictional county committee and
// its open period, and writes the demo's filled forms into
// DemoSubmissionsDir, so that a newcomer can drop them on the window at once.
func (o *Office) LoadDemo(ctx context.Context) (model.RosterResult, error) {
	defer o.settle()
	res, err := o.LoadDemoScale(ctx, demo.County, DemoSeed)
	if err != nil {
		return res, err
	}
	ps, err := o.Periods(ctx)
	if err != nil {
		return res, err
	}
	for _, p := range ps {
		if _, err := o.WriteDemoSubmissions(ctx, p.ID, o.DemoSubmissionsDir()); err != nil {
			return res, err
		}
	}
	return res, nil
}

// DemoSubmissionsDir is the folder beside the database where LoadDemo puts
// the demo's filled forms: "示范填报表".
func (o *Office) DemoSubmissionsDir() string {
	return filepath.Join(filepath.Dir(o.Path()), "示范填报表")
}

// LoadDemoScale fills an empty database with generated demo data of the
// given scale, with the demo period open on it (CreateDemoPeriod). It refuses a database that already holds units.
func (o *Office) LoadDemoScale(ctx context.Context, scale demo.Scale, seed int64) (model.RosterResult, error) {
	units, err := o.Units(ctx)
	if err != nil {
		return model.RosterResult{}, err
	}
	if len(units) > 0 {
		return model.RosterResult{}, model.Errorf(model.EConflict,
			"数据库中已有 %d 个党组织，示范数据只能载入空的数据库。请另选一个新的数据文件（命令行用 --db 指定）后再载入。", len(units))
	}
	plan := demo.Generate(scale, seed)
	plan.TransferDate = model.DateOf(o.Now())
	res, err := o.ApplyRosterPlan(ctx, plan)
	if err != nil {
		return res, err
	}
	if _, err := o.CreateDemoPeriod(ctx); err != nil {
		return res, err
	}
	return res, nil
}

// PreviewRoster reads the roster file at path and works out what importing it
// would change, against what is stored now. Nothing is written.
func (o *Office) PreviewRoster(ctx context.Context, path string, opts roster.Options) (*roster.Preview, error) {
	table, err := importers.OpenFile(path)
	if err != nil {
		return nil, err
	}
	units, err := o.Units(ctx)
	if err != nil {
		return nil, err
	}
	members, err := o.AllMembers(ctx)
	if err != nil {
		return nil, err
	}
	sheet, err := roster.Read(filepath.Base(path), table)
	if err != nil {
		return nil, err
	}
	opts.TransferDate = model.DateOf(o.Now())
	return roster.Plan(sheet, roster.Existing{Units: units, Members: members}, opts)
}

// SavedSchemes returns every scheme the office has stored, whole, for the
// scheme screen's list (the built-ins are listed beside them).
func (o *Office) SavedSchemes(ctx context.Context) ([]model.Scheme, error) {
	infos, err := o.Schemes(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]model.Scheme, 0, len(infos))
	for _, in := range infos {
		sc, err := o.Scheme(ctx, in.Code, in.Version)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}
