// Package benchdata builds the city-scale database the results benchmarks
// and the end-to-end test of package office and package ui run on: the
// generated prefecture (model/demo's City scale, about 4,500 branches in
// scope and 140,000 of their members), a 60-item unit scheme reviewed by
// two departments, the built-in member appraisal, an open period over
// every branch, and the forms every branch and department sent back,
// accepted — stored through the store's PrepareSubmission and
// SaveSubmissions as an import stores them, without writing any workbook.
//
// It is for tests and benchmarks only; nothing in the programs imports it.
// The database takes some twenty seconds to generate, so it is kept under
// os.TempDir() (or $XINGJI_BENCH_CITY_DIR) in a folder named by the
// generator's version and reused while complete; delete the folder to build
// it afresh.
package benchdata

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"xingji/documents"
	"xingji/model"
	"xingji/model/demo"
	"xingji/model/formspec"
	"xingji/model/sqlite"
	"xingji/scoring"
)

// Seed is the seed of the roster and of every value.
const Seed = 20261121

// version changes whenever the generator does, so that a database made by
// an older one is built again.
const version = 1

// params names the database: its folder and its completion marker.
var params = fmt.Sprintf("city-s%d-v%d", Seed, version)

// Depts are the departments that review the units: sections 一 to 三 of
// the scheme belong to the first, 四 to 六 to the second.
var Depts = []string{"组织部", "宣传部"}

// PeriodName is the name of the city period.
const PeriodName = "2026年度全市党支部星级考评（基准）"

// City is the generated database and what the generator knows of it.
type City struct {
	// Path is the database file, shared by every run and every test
	// process: work on a copy (Copy). Opening it would lock it against
	// another process and might migrate it.
	Path     string `json:"-"`
	PeriodID int64  `json:"period"`
	Units    int    `json:"units"`   // units in scope
	Members  int    `json:"members"` // members of the units in scope
	// Silent are the units in scope that sent nothing and that no
	// department scored: they and their members are left out.
	Silent []int64 `json:"silent"`
	// NoSelf are the units that sent no unit form but were scored by the
	// departments: scored on the review alone, their members left out.
	NoSelf []int64 `json:"noSelf"`
	// Unrated are the members of units that sent their form who have no
	// rating on it.
	Unrated []int64 `json:"unrated"`
	// Values counts the values stored, by form kind.
	UnitValues, ReviewValues int `json:"-"`
}

// Dir is where the database is kept.
func Dir() string {
	if d := os.Getenv("XINGJI_BENCH_CITY_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "xingji-bench-"+params)
}

// Open returns the city database, generating it first unless a complete
// one is in Dir. Two test processes generating it at once each build their
// own and the first to finish is kept.
func Open(tb testing.TB) City {
	tb.Helper()
	root := Dir()
	if c, err := load(root); err == nil {
		return c
	}
	tb.Logf("generating the city benchmark database in %s (reused afterwards)", root)
	start := time.Now()
	if err := os.MkdirAll(filepath.Dir(root), 0o755); err != nil {
		tb.Fatal(err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(root), filepath.Base(root)+".building-")
	if err != nil {
		tb.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	c, err := Build(filepath.Join(tmp, dbName))
	if err != nil {
		tb.Fatal(err)
	}
	manifest, err := json.Marshal(c)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, manifestName), manifest, 0o644); err != nil {
		tb.Fatal(err)
	}
	os.RemoveAll(root) // an incomplete one
	if err := os.Rename(tmp, root); err != nil {
		if c, lerr := load(root); lerr == nil {
			return c // another process finished first
		}
		tb.Fatal(err)
	}
	tb.Logf("city database generated in %s: %d units, %d members in scope",
		time.Since(start).Round(100*time.Millisecond), c.Units, c.Members)
	return load1(tb, root)
}

const (
	dbName       = "考评 数据.db"
	manifestName = "manifest.json"
)

func load1(tb testing.TB, root string) City {
	c, err := load(root)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// load reads a complete database's manifest.
func load(root string) (City, error) {
	var c City
	data, err := os.ReadFile(filepath.Join(root, manifestName))
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, err
	}
	c.Path = filepath.Join(root, dbName)
	if _, err := os.Stat(c.Path); err != nil {
		return c, err
	}
	return c, nil
}

// Copy copies the database into dir, for a test that writes to it, and
// returns the copy's path.
func (c City) Copy(tb testing.TB, dir string) string {
	tb.Helper()
	to := filepath.Join(dir, dbName)
	in, err := os.Open(c.Path)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return to
}

// UnitScheme is the city's unit scheme: six sections of ten manual items
// (得分, 100 points in all), sections 一 to 三 reviewed by 组织部 and 四
// to 六 by 宣传部; self-assessment 30%, review 70%; bands at 90, 80, 70
// and 60. With manual items only, a unit's total can be worked out by hand
// from its stored values.
func UnitScheme() model.Scheme {
	d := model.D4
	sections := []struct{ title, points string }{
		{"一、班子建设", "1.5"}, {"二、党员队伍", "1.5"}, {"三、组织生活", "1.5"},
		{"四、制度落实", "1.5"}, {"五、服务群众", "2"}, {"六、发展成效", "2"},
	}
	titles := []string{
		"按期召开支部委员会会议，研究重要事项", "落实“三会一课”制度，记录完整规范", "开展主题党日活动，内容充实",
		"党员教育培训按计划开展", "党务公开及时准确", "发展党员程序规范、档案齐全", "联系服务群众，解决实际困难",
		"按规定召开组织生活会并报送材料", "建立工作台账并按时公开", "完成上级交办的重点任务",
	}
	s := model.Scheme{
		Code: "bench-city-60", Name: "全市党支部星级考评基准方案（60项）", Version: "1",
		Source:  "基准测试生成（cmd/office/benchdata）",
		Subject: model.SubjectUnit, Total: d("100"), Period: "年度",
		Sources: []model.Source{
			{Code: model.SourceSelf, Name: "党支部自评", Weight: d("30")},
			{Code: model.SourceReview, Name: "部门考评", Weight: d("70")},
		},
		Bands: []model.Band{
			{Code: "5", Name: "五星级", Range: model.AtLeast("90")},
			{Code: "4", Name: "四星级", Range: model.Between("80", "90")},
			{Code: "3", Name: "三星级", Range: model.Between("70", "80")},
			{Code: "2", Name: "二星级", Range: model.Between("60", "70")},
			{Code: "0", Name: "无星", Range: model.Below("60")},
		},
	}
	for si, sec := range sections {
		pts := d(sec.points)
		var items []model.Item
		for k, t := range titles {
			items = append(items, model.Item{Code: fmt.Sprintf("%d.%d", si+1, k+1), Title: t, Points: pts,
				Rule: model.Manual(), Method: "查阅会议记录、台账"})
		}
		s.Sections = append(s.Sections, model.Section{Code: fmt.Sprintf("S%d", si+1), Title: sec.title,
			Points: pts.MulInt(10), Department: Depts[si/3], Items: items})
	}
	return s
}

// MemberScheme is the built-in 党员授旗评星 appraisal: 党员自评, 党员互评,
// 领导点评 and 职工参评 weighted 20/30/20/30.
func MemberScheme() (*model.Scheme, error) {
	for _, s := range scoring.BuiltinSchemes() {
		if s.Code == "shouqi-pingxing-dangyuan" {
			return &s, nil
		}
	}
	return nil, errors.New("built-in member scheme shouqi-pingxing-dangyuan not found")
}

// Build generates the city database at path, which must not exist yet.
func Build(path string) (City, error) {
	ctx := context.Background()
	var c City
	now := time.Date(2026, 12, 20, 9, 0, 0, 0, time.Local)
	st, err := sqlite.Open(path, sqlite.Options{Now: func() time.Time { return now }})
	if err != nil {
		return c, err
	}
	defer st.Close()
	plan := demo.Generate(demo.City, Seed)
	plan.TransferDate = demo.AsOf()
	if _, err := st.ApplyRosterPlan(ctx, plan); err != nil {
		return c, err
	}
	units, err := st.Units(ctx)
	if err != nil {
		return c, err
	}
	members, err := st.AllMembers(ctx)
	if err != nil {
		return c, err
	}
	ms, err := MemberScheme()
	if err != nil {
		return c, err
	}
	p := model.Period{Name: PeriodName, Start: model.D(2026, 1, 1), End: model.D(2026, 12, 31),
		Scheme: UnitScheme(), MemberScheme: ms}
	byID := map[int64]model.Unit{}
	for _, u := range units {
		byID[u.ID] = u
		if u.Active() && (u.Level == model.LevelBranch || u.Level == model.LevelGeneral) {
			p.Units = append(p.Units, u.ID)
		}
	}
	if err := st.CreatePeriod(ctx, &p); err != nil {
		return c, err
	}
	c.PeriodID, c.Units = p.ID, len(p.Units)
	of := map[int64][]model.Member{}
	for _, m := range members {
		of[m.UnitID] = append(of[m.UnitID], m)
	}
	for _, id := range p.Units {
		c.Members += len(of[id])
	}

	g := &gen{p: &p, received: now.Add(-30 * 24 * time.Hour)}
	forms := g.unitForms(byID, of)
	for f := range forms {
		if f.err == nil && len(f.batch) > 0 {
			f.err = st.SaveSubmissions(ctx, f.batch)
		}
		if f.err != nil {
			go func() { // let the generators finish
				for range forms {
				}
			}()
			return c, f.err
		}
		c.Silent = append(c.Silent, f.silent...)
		c.NoSelf = append(c.NoSelf, f.noSelf...)
		c.Unrated = append(c.Unrated, f.unrated...)
		c.UnitValues += f.values
	}
	silent := map[int64]bool{}
	for _, id := range c.Silent {
		silent[id] = true
	}
	for k, dept := range Depts {
		rng := rand.New(rand.NewSource(Seed - int64(k) - 1))
		sub := g.reviewForm(dept, silent, rng)
		c.ReviewValues += len(sub.Values)
		prep, err := g.prepare(sub, len(p.Units)+k)
		if err != nil {
			return c, err
		}
		if err := st.SaveSubmissions(ctx, []sqlite.PreparedSubmission{prep}); err != nil {
			return c, err
		}
	}
	return c, st.Close()
}

// gen holds what every form of the period shares.
type gen struct {
	p        *model.Period
	received time.Time
	quality  []float64 // per unit in scope, 0.55–1: how well it does
}

// chunk is the unit forms of a run of units in scope, ready to store in
// one transaction, and what the generator knows of those units.
type chunk struct {
	batch                   []sqlite.PreparedSubmission
	silent, noSelf, unrated []int64
	values                  int
	err                     error
}

// chunkUnits is how many unit forms go into one chunk (about 100,000
// values).
const chunkUnits = 128

// unitForms generates the unit forms of the period in chunks, on every
// core, and delivers them in order on the channel: the caller stores one
// chunk while the next are generated. Each unit's values come from its own
// seed, so the data is the same whatever the schedule.
func (g *gen) unitForms(byID map[int64]model.Unit, of map[int64][]model.Member) <-chan chunk {
	n := len(g.p.Units)
	g.quality = make([]float64, n)
	for i := range g.quality {
		g.quality[i] = 0.55 + 0.45*rand.New(rand.NewSource(Seed+int64(i))).Float64()
	}
	chunks := make([]chan chunk, (n+chunkUnits-1)/chunkUnits)
	for k := range chunks {
		chunks[k] = make(chan chunk, 1)
	}
	out := make(chan chunk, 1)
	workers := max(1, runtime.NumCPU())
	ahead := make(chan struct{}, 2*workers) // chunks generated but not yet delivered: a bound on memory
	var next atomic.Int64
	for range workers {
		go func() {
			for {
				ahead <- struct{}{}
				k := int(next.Add(1) - 1)
				if k >= len(chunks) {
					<-ahead
					return
				}
				chunks[k] <- g.chunk(k*chunkUnits, min(n, (k+1)*chunkUnits), byID, of)
			}
		}()
	}
	go func() {
		for _, ch := range chunks {
			out <- <-ch
			<-ahead
		}
		close(out)
	}()
	return out
}

// chunk generates the unit forms of units lo to hi (indexes in scope).
func (g *gen) chunk(lo, hi int, byID map[int64]model.Unit, of map[int64][]model.Member) chunk {
	var c chunk
	for i := lo; i < hi; i++ {
		id := g.p.Units[i]
		switch {
		case i%113 == 57:
			c.silent = append(c.silent, id)
			continue
		case i%29 == 13:
			c.noSelf = append(c.noSelf, id)
			continue
		}
		rng := rand.New(rand.NewSource(Seed + int64(i)))
		rng.Float64() // the unit's quality
		sub, unrated := g.unitForm(byID[id], of[id], g.quality[i], rng)
		c.unrated = append(c.unrated, unrated...)
		c.values += len(sub.Values)
		prep, err := g.prepare(sub, i)
		if err != nil {
			c.err = err
			return c
		}
		c.batch = append(c.batch, prep)
	}
	return c
}

// prepare gives form n its bytes (a line naming it: no workbook is
// written), checksum and receipt time, and encodes it for the store.
func (g *gen) prepare(sub *model.Submission, n int) (sqlite.PreparedSubmission, error) {
	data := []byte("星级考评基准数据：" + sub.FileName + "\n")
	sum := sha256.Sum256(data)
	sub.SHA256, sub.Size = hex.EncodeToString(sum[:]), int64(len(data))
	sub.PeriodID, sub.Status = g.p.ID, model.SubmissionAccepted
	sub.Received = g.received.Add(time.Duration(n) * time.Minute)
	prep, err := sqlite.PrepareSubmission(sub, data)
	sub.Values = nil // encoded; the batch need not keep them twice
	return prep, err
}

// unitForm is a unit's workbook as its branch fills it in: 自评表 (a score
// for each of the 60 items, a note on some) and 党员评议表 (each member's
// totals from himself, about twenty fellow members, the three leaders and
// the five public raters of the form, a rater now and then leaving a cell
// blank). It returns the members nobody rated.
func (g *gen) unitForm(u model.Unit, members []model.Member, q float64, rng *rand.Rand) (*model.Submission, []int64) {
	sub := &model.Submission{Form: model.FormUnit, UnitID: u.ID, FileName: documents.UnitFormFileName(u)}
	subject := formspec.UnitSubject(u.ID).String()
	self := model.RoleSelf.Label()
	row := 5
	for _, fi := range formspec.SelfItems(&g.p.Scheme, u.Kind) {
		it := fi.Item
		row++
		v := score(it.Points, q+0.08, rng)
		sub.Values = append(sub.Values, model.EntryValue{Subject: subject, Source: model.SourceSelf, Rater: u.Code,
			Item: it.Code, Field: "score", Value: v, Sheet: self, Cell: "G" + strconv.Itoa(row)})
		if rng.Intn(8) == 0 {
			sub.Values = append(sub.Values, model.EntryValue{Subject: subject, Source: model.SourceSelf, Rater: u.Code,
				Item: it.Code, Field: formspec.KeyNote, Value: notes[rng.Intn(len(notes))], Sheet: self, Cell: "H" + strconv.Itoa(row)})
		}
	}
	ms := g.p.MemberScheme
	cols := formspec.AppraisalRaters(ms, members)
	peers := 0
	for _, c := range cols {
		if c.Source.Code == model.SourcePeer {
			peers++
		}
	}
	names := make([]string, len(cols))
	for k := range cols {
		names[k] = colName(4 + k)
	}
	sheet := model.RoleAppraisal.Label()
	total := ms.Total.Float()
	var unrated []int64
	for r, m := range members {
		subject, rowText := formspec.MemberSubject(m.ID).String(), strconv.Itoa(4+r)
		if m.ID%97 == 0 { // a member the branch left out of its grid
			unrated = append(unrated, m.ID)
			continue
		}
		mq := 0.7 + 0.3*rng.Float64()
		for k, c := range cols {
			if c.RaterID == m.ID {
				continue
			}
			if c.Source.Code == model.SourcePeer && rng.Intn(peers) >= 20 {
				continue // about twenty fellow members rate each member
			}
			if rng.Intn(20) == 0 {
				continue // a rater who left the cell blank
			}
			v := math.Round(total*(mq+0.08*(rng.Float64()-0.5))*2) / 2
			sub.Values = append(sub.Values, model.EntryValue{Subject: subject, Source: c.Source.Code, Rater: c.Rater,
				Field: formspec.FieldTotal, Value: strconv.FormatFloat(min(v, total), 'f', -1, 64),
				Sheet: sheet, Cell: names[k] + rowText})
		}
	}
	return sub, unrated
}

// reviewForm is a department's 考评表: a score for each of its items for
// every unit in scope but the silent ones.
func (g *gen) reviewForm(dept string, silent map[int64]bool, rng *rand.Rand) *model.Submission {
	sub := &model.Submission{Form: model.FormReview, Dept: dept, FileName: documents.ReviewFormFileName(dept)}
	items := formspec.ReviewItems(&g.p.Scheme, dept)
	rater, sheet := model.DeptLabel(dept), model.RoleReview.Label()
	for i, id := range g.p.Units {
		if silent[id] {
			continue
		}
		subject, rowText := formspec.UnitSubject(id).String(), strconv.Itoa(4+i)
		for k, fi := range items {
			sub.Values = append(sub.Values, model.EntryValue{Subject: subject, Source: model.SourceReview, Rater: rater,
				Item: fi.Item.Code, Field: "score", Value: score(fi.Item.Points, g.quality[i], rng),
				Sheet: sheet, Cell: colName(4+k) + rowText})
		}
	}
	return sub
}

var notes = []string{"已查阅会议记录和台账", "扣分原因：个别活动记录不完整", "佐证材料见附件", "按季度开展，资料齐全"}

// score is a score of an item worth pts for a unit of quality q, to the
// quarter point (1.25, 0.5, …), within 0 and pts.
func score(pts model.Decimal, q float64, rng *rand.Rand) string {
	p := pts.Float()
	n := int(math.Round(p * (q + 0.2*(rng.Float64()-0.5)) * 4))
	n = max(0, min(n, int(math.Round(p*4))))
	return strconv.Itoa(n/4) + [...]string{"", ".25", ".5", ".75"}[n%4]
}

// colName is the letters of 1-based column n: 1 → A, 27 → AA.
func colName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}
