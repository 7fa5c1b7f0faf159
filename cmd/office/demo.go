package office

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"xingji/documents"
	"xingji/model"
	"xingji/model/demo"
	"xingji/model/formspec"
)

// Demo period: the village branches of the demo county are assessed by the
// built-in 村党支部星级评定 scheme, their members appraised by 党员授旗评星.
const (
	DemoPeriodName   = "2026年度村党支部星级评定"
	demoScheme       = "cun-xingji"
	demoMemberScheme = "shouqi-pingxing-dangyuan"
)

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
	ps, err := o.store.Periods(ctx)
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

// withElectionCaps adds to the demo's village scheme the caps of 002 篇十一
// on late elections (不按期换届 → not 五星; over a year → not 四星), with
// the fact they read, taken from the built-in scheme that holds them, so
// that the demo shows a cap at work.
func withElectionCaps(ctx context.Context, o *Office, s *model.Scheme) error {
	src, _, err := o.FindScheme(ctx, "fuwu-wuxing", "")
	if err != nil {
		return err
	}
	for _, c := range src.Caps {
		if strings.HasPrefix(c.Code, "election") {
			s.Caps = append(s.Caps, c)
		}
	}
	if f := src.Fact(demoElectionFact); f != nil && s.Fact(demoElectionFact) == nil {
		s.Facts = append(s.Facts, *f)
	}
	s.Notes = append(s.Notes, model.Note{Text: "示范周期另加002篇十一关于不按期换届的两条限制（不得定为五星级；超过一年不得定为四星及以上），以便演示限制条件。"})
	return nil
}

// demoElectionFact is the fact the election caps read.
const demoElectionFact = "electionOverdueMonths"

// demoUser is who the demo's entries are recorded as made by.
const demoUser = "示范数据"

// addDemoEntries records what the demo office entered itself for its
// period, so that the results show each kind at once: a late election
// (the cap), a 满意率 from a paper survey, a veto, and two members found
// 特别突出.
func (o *Office) addDemoEntries(ctx context.Context, p model.Period) error {
	if len(p.Units) < 9 || p.Scheme.Fact(demoElectionFact) == nil {
		return nil
	}
	unit := func(i int) string { return formspec.UnitSubject(p.Units[i]).String() }
	es := []model.Entry{
		{EntryKey: model.EntryKey{Subject: unit(5), Kind: model.EntryFact, Name: demoElectionFact}, Value: "5",
			Reason: "村党支部应于2026年7月换届，延至12月未换届，未作请示"},
		{EntryKey: model.EntryKey{Subject: unit(8), Kind: model.EntryFact, Name: formspec.SatisfactionFact}, Value: "76.5",
			Reason: "乡党委入户发放纸质测评表，回收200份"},
	}
	if len(p.Scheme.Vetoes) > 0 {
		es = append(es, model.Entry{EntryKey: model.EntryKey{Subject: unit(7), Kind: model.EntryVeto, Name: p.Scheme.Vetoes[0].Code},
			Value: "1", Reason: "村党支部书记违反廉政规定，受党内警告处分", DocNo: "青纪发〔2026〕12号"})
	}
	if p.MemberScheme != nil && p.MemberScheme.Fact("outstanding") != nil {
		members, err := o.store.MembersOfUnitAt(ctx, p.Units[1], model.DateOf(o.Now()))
		if err != nil {
			return err
		}
		for i := 0; i < 2 && i < len(members); i++ {
			es = append(es, model.Entry{EntryKey: model.EntryKey{Subject: formspec.MemberSubject(members[i].ID).String(),
				Kind: model.EntryFact, Name: "outstanding"}, Value: "1", Reason: "抗洪抢险中表现突出，受县委表彰"})
		}
	}
	for i := range es {
		es[i].User = demoUser
	}
	_, err := o.AddEntries(ctx, p.ID, es)
	return err
}

// DemoSubmissionsDir is the folder beside the database where LoadDemo puts
// the demo's filled forms: "示范填报表".
func (o *Office) DemoSubmissionsDir() string {
	return filepath.Join(filepath.Dir(o.store.Path()), "示范填报表")
}

// LoadDemoScale fills an empty database with generated demo data of the
// given scale, with the demo period open on it (createDemoPeriod). It
// refuses a database that already holds units.
func (o *Office) LoadDemoScale(ctx context.Context, scale demo.Scale, seed int64) (model.RosterResult, error) {
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
	s, _, err := o.FindScheme(ctx, demoScheme, "")
	if err != nil {
		return model.Period{}, err
	}
	ms, _, err := o.FindScheme(ctx, demoMemberScheme, "")
	if err != nil {
		return model.Period{}, err
	}
	if err := withElectionCaps(ctx, o, &s); err != nil {
		return model.Period{}, err
	}
	units, err := o.UnitsForScheme(ctx, s)
	if err != nil {
		return model.Period{}, err
	}
	p := model.Period{Name: DemoPeriodName, Start: model.D(2026, 1, 1), End: model.D(2026, 12, 31),
		Scheme: s, MemberScheme: &ms, Units: units}
	o.changed()
	if err := o.store.CreatePeriod(ctx, &p); err != nil {
		return p, err
	}
	return p, o.addDemoEntries(ctx, p)
}

// demoSubmissions fills the forms of a period as branches would and
// returns them as files: most units correct, one unit sending a corrected
// second version, one file with mistakes (a score above its 分值, text in a
// number cell), a copy of a file already sent, two units missing, and each
// department's review form.
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
	rng := rand.New(rand.NewSource(DemoSeed))
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
		switch {
		case i == len(units)-1 || i == len(units)-2 && len(units) > 3:
			continue // missing: nobody sent it
		case i == len(units)-3 && len(units) > 4:
			bad := map[string]any{}
			filled, err := fillForm(f, p, rng, bad)
			if err != nil {
				return nil, err
			}
			out = append(out, filled)
		default:
			filled, err := fillForm(f, p, rng, nil)
			if err != nil {
				return nil, err
			}
			out = append(out, filled)
			if i == 0 {
				cp := filled
				cp.Name = strings.TrimSuffix(filled.Name, ".xlsx") + "（副本）.xlsx"
				out = append(out, cp)
			}
			if i == 1 {
				v2, err := fillForm(f, p, rng, nil)
				if err != nil {
					return nil, err
				}
				v2.Name = strings.TrimSuffix(filled.Name, ".xlsx") + "（修改后）.xlsx"
				out = append(out, v2)
			}
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

// fillForm fills one form with plausible values. With mistakes non-nil it
// puts two mistakes in 自评表: a score above its 分值 and text in a number
// cell.
func fillForm(f FormFile, p *model.Period, rng *rand.Rand, mistakes map[string]any) (FormFile, error) {
	var b bytes.Buffer
	err := documents.FillForm(bytes.NewReader(f.Data), &b, func(role model.SheetRole, rowKey, colKey string) any {
		return demoValue(p, rng, role, rowKey, colKey, mistakes)
	})
	if err != nil {
		return f, err
	}
	f.Data = b.Bytes()
	return f, nil
}

func demoValue(p *model.Period, rng *rand.Rand, role model.SheetRole, rowKey, colKey string, mistakes map[string]any) any {
	half := func(lo, hi float64) float64 { // a score in [lo, hi] to the half point
		v := lo + rng.Float64()*(hi-lo)
		return float64(int(v*2)) / 2
	}
	switch role {
	case model.RoleSelf, model.RoleReview:
		key := rowKey
		if role == model.RoleReview {
			key = colKey
		}
		if colKey == formspec.KeyNote {
			if rng.Intn(4) == 0 {
				return []string{"已查阅会议记录和台账", "扣分原因：个别活动记录不完整", "佐证材料见附件", "按季度开展，资料齐全"}[rng.Intn(4)]
			}
			return nil
		}
		fk, err := formspec.ParseFieldKey(key)
		if err != nil {
			return nil
		}
		it := p.Scheme.Item(fk.Item)
		if it == nil {
			return nil
		}
		for _, fd := range model.ItemFields(it) {
			if fd.Name != fk.Field {
				continue
			}
			switch fd.Kind {
			case model.FieldScore:
				hi := it.Points.Float()
				if mistakes != nil && role == model.RoleSelf {
					switch len(mistakes) {
					case 0:
						mistakes["over"] = true
						return fmt.Sprintf("%g分", hi+5)
					case 1:
						mistakes["text"] = true
						return "良好"
					}
				}
				if it.Penalty {
					return 0
				}
				return half(hi*0.75, hi)
			case model.FieldFlag:
				if rng.Intn(6) == 0 {
					return formspec.FlagNo
				}
				return formspec.FlagYes
			default:
				if fd.Max != nil {
					return half(fd.Max.Float()*0.8, fd.Max.Float())
				}
				return rng.Intn(3)
			}
		}
	case model.RoleAppraisal:
		if rng.Intn(20) == 0 {
			return nil // a rater who did not take part
		}
		return half(p.MemberScheme.Total.Float()*0.7, p.MemberScheme.Total.Float())
	case model.RoleBallot:
		switch rowKey {
		case formspec.VoteSatisfied.Key():
			return 30 + rng.Intn(30)
		case formspec.VoteBasic.Key():
			return 3 + rng.Intn(10)
		case formspec.VoteUnsatisfied.Key():
			return rng.Intn(5)
		}
	case model.RoleLedger:
		line, ok := formspec.LedgerLine(rowKey)
		if !ok || line == "" || line > "3" || len(line) > 1 {
			return nil
		}
		switch colKey {
		case formspec.LedgerWho:
			return []string{"支部班子", "党员代表", "支部书记"}[int(line[0]-'1')]
		case formspec.LedgerWhat:
			return []string{"修缮村内道路2公里", "为留守老人每月上门服务一次", "组织技能培训两期"}[int(line[0]-'1')]
		case formspec.LedgerDeadline:
			return "2026年" + []string{"6", "9", "12"}[int(line[0]-'1')] + "月"
		case formspec.LedgerState:
			return formspec.LedgerStates[rng.Intn(2)]
		case formspec.LedgerEvidence:
			return "照片、签到表"
		}
	}
	return nil
}
