package office

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"xingji/documents"
	"xingji/model"
	"xingji/model/demo"
)

// DemoPeriodName is the name of the demo's open period (demo.PeriodName).
const DemoPeriodName = demo.PeriodName

// DemoSeed is the seed of the demo data (demo.Seed).
const DemoSeed = demo.Seed

// LoadDemo fills an empty database with the fictional county committee and
// its open period, and writes the demo's filled forms into
// DemoSubmissionsDir, so that a newcomer can drop them on the window at once
// (LoadDemoInto, as the window does it).
func (o *Office) LoadDemo(ctx context.Context) (model.RosterResult, error) {
	got, err := o.LoadDemoInto(ctx, demo.County, DemoSeed, o.DemoSubmissionsDir())
	return got.Roster, err
}

// DemoLoaded is what LoadDemoInto did.
type DemoLoaded struct {
	Roster  model.RosterResult
	Periods []model.Period // the periods open on the demo data
	Files   [][]FormFile   // the filled forms written for each period, when a folder was given
}

// LoadDemoInto is the one way the demo is built, for the window and the
// console alike: it fills an empty database with generated demo data of the
// given scale, with the demo period open on it, and writes each period's
// filled forms (WriteDemoSubmissions) into dir unless dir is "". It refuses
// a database that already holds units.
func (o *Office) LoadDemoInto(ctx context.Context, scale demo.Scale, seed int64, dir string) (DemoLoaded, error) {
	defer o.settle()
	var got DemoLoaded
	var err error
	if got.Roster, err = o.loadDemoScale(ctx, scale, seed); err != nil {
		return got, err
	}
	if got.Periods, err = o.store.Periods(ctx); err != nil || dir == "" {
		return got, err
	}
	for _, p := range got.Periods {
		files, err := o.WriteDemoSubmissions(ctx, p.ID, dir)
		if err != nil {
			return got, err
		}
		got.Files = append(got.Files, files)
	}
	return got, nil
}

// addDemoEntries records what the demo office entered itself for its
// period (demo.Entries).
func (o *Office) addDemoEntries(ctx context.Context, p model.Period) error {
	es, err := demo.Entries(p, func(unitID int64) ([]model.Member, error) {
		return o.store.MembersOfUnitAt(ctx, unitID, model.DateOf(o.Now()))
	})
	if err != nil || len(es) == 0 {
		return err
	}
	_, err = o.AddEntries(ctx, p.ID, es)
	return err
}

// DemoSubmissionsDir is the folder beside the database where LoadDemo puts
// the demo's filled forms: "示范填报表".
func (o *Office) DemoSubmissionsDir() string {
	return filepath.Join(filepath.Dir(o.store.Path()), "示范填报表")
}

// loadDemoScale fills an empty database with generated demo data of the
// given scale, with the demo period open on it (createDemoPeriod). It
// refuses a database that already holds units.
func (o *Office) loadDemoScale(ctx context.Context, scale demo.Scale, seed int64) (model.RosterResult, error) {
	units, err := o.store.Units(ctx)
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
	if _, err := o.createDemoPeriod(ctx); err != nil {
		return res, err
	}
	return res, nil
}

// createDemoPeriod opens the demo period on the demo county.
func (o *Office) createDemoPeriod(ctx context.Context) (model.Period, error) {
	s, _, err := o.FindScheme(ctx, demo.SchemeCode, "")
	if err != nil {
		return model.Period{}, err
	}
	ms, _, err := o.FindScheme(ctx, demo.MemberSchemeCode, "")
	if err != nil {
		return model.Period{}, err
	}
	src, _, err := o.FindScheme(ctx, demo.CapsSchemeCode, "")
	if err != nil {
		return model.Period{}, err
	}
	demo.WithElectionCaps(&s, src)
	units, err := o.UnitsForScheme(ctx, s)
	if err != nil {
		return model.Period{}, err
	}
	p := demo.Period(s, ms, units)
	o.changed()
	if err := o.store.CreatePeriod(ctx, &p); err != nil {
		return p, err
	}
	return p, o.addDemoEntries(ctx, p)
}

// demoSubmissions fills the forms of a period as branches would and
// returns them as files, each unit's as demo.UnitReturn says (most
// correct, one sent twice, one corrected, one with mistakes, two missing),
// and each department's review form.
func (o *Office) demoSubmissions(ctx context.Context, periodID int64) ([]FormFile, error) {
	files, err := o.periodForms(ctx, periodID)
	if err != nil {
		return nil, err
	}
	cat, err := o.catalog(ctx)
	if err != nil {
		return nil, err
	}
	p := cat.Period(periodID)
	rng := rand.New(rand.NewSource(demo.Seed))
	var out []FormFile
	var units []FormFile
	for _, f := range files {
		if f.Dept != "" || f.Unit.ID == 0 {
			filled, err := fillForm(f, p, rng, nil)
			if err != nil {
				return nil, err
			}
			out = append(out, filled)
			continue
		}
		units = append(units, f)
	}
	for i, f := range units {
		ret := demo.UnitReturn(i, len(units))
		if ret.Missing {
			continue // nobody sent it
		}
		var mistakes map[string]any
		if ret.Mistakes {
			mistakes = map[string]any{}
		}
		filled, err := fillForm(f, p, rng, mistakes)
		if err != nil {
			return nil, err
		}
		out = append(out, filled)
		if ret.Copy {
			cp := filled
			cp.Name = strings.TrimSuffix(filled.Name, ".xlsx") + "（副本）.xlsx"
			out = append(out, cp)
		}
		if ret.Corrected {
			v2, err := fillForm(f, p, rng, nil)
			if err != nil {
				return nil, err
			}
			v2.Name = strings.TrimSuffix(filled.Name, ".xlsx") + "（修改后）.xlsx"
			out = append(out, v2)
		}
	}
	return out, nil
}

// WriteDemoSubmissions writes demoSubmissions into dir (created when
// missing) and returns the files written.
func (o *Office) WriteDemoSubmissions(ctx context.Context, periodID int64, dir string) ([]FormFile, error) {
	files, err := o.demoSubmissions(ctx, periodID)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, model.Errorf(model.EInvalid, "无法创建文件夹 %s：%v", dir, err)
	}
	for _, f := range files {
		if err := writeFileAtomic(filepath.Join(dir, f.Name), f.Data); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// fillForm fills one form with the demo's values (demo.FormValue). With
// mistakes non-nil it puts two mistakes in 自评表.
func fillForm(f FormFile, p *model.Period, rng *rand.Rand, mistakes map[string]any) (FormFile, error) {
	var b bytes.Buffer
	err := documents.FillForm(bytes.NewReader(f.Data), &b, func(role model.SheetRole, rowKey, colKey string) any {
		return demo.FormValue(p, rng, role, rowKey, colKey, mistakes)
	})
	if err != nil {
		return f, err
	}
	f.Data = b.Bytes()
	return f, nil
}
