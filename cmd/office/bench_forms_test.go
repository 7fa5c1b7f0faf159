package office

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"xingji/documents"
	"xingji/importers"
	"xingji/model"
	"xingji/model/demo"
	"xingji/model/formspec"
	"xingji/scoring"
)

// The forms import benchmark (issue: "importing 1,000 filled unit workbooks
// (≈60 items plus a 30-member appraisal grid each) ≤ 20 s on a 2-core
// machine, at least 5× faster than openpyxl reading the same cells").
// scripts/bench-import.sh runs it with its two references — the floor
// (BenchmarkFloorUnzipTokenize1000) and scripts/openpyxl-read.py — in one
// go and prints the table:
//
//	scripts/bench-import.sh
//
// or by hand:
//
//	XINGJI_BENCH_BUILD=1 go test -run '^TestBuildFormsCorpus$' -timeout 60m ./cmd/office
//	go test -run '^$' -bench 'ImportForms1000|FloorUnzipTokenize1000' -benchtime 3x ./cmd/office
//
// The corpus — a database holding 1,000 village branches of 30 members and
// an open period, and the 1,000 unit workbooks filled in — takes about a
// minute to generate on two cores (excelize writes and refills every
// workbook), so it is kept in $XINGJI_BENCH_DIR (default:
// <temp>/xingji-bench-forms-<params>) and reused while complete; delete the
// folder to build it afresh.
const (
	benchFormUnits   = 1000
	benchFormMembers = 30
	benchFormSeed    = 20261121
	// benchCorpusVersion changes whenever the generator does, so that a
	// cached corpus of an older generator is rebuilt.
	benchCorpusVersion = 2
)

// benchFormsParams names the corpus: its folder and its completion marker.
var benchFormsParams = fmt.Sprintf("u%d-m%d-i%d-s%d-v%d", benchFormUnits, benchFormMembers,
	len(formspec.SelfItems(ptrScheme(benchUnitScheme()), model.KindRural)), benchFormSeed, benchCorpusVersion)

func ptrScheme(s model.Scheme) *model.Scheme { return &s }

// formsCorpus is the generated benchmark corpus.
type formsCorpus struct {
	db    string   // the database before any import; never opened by the benchmarks
	forms string   // the folder of filled unit workbooks
	files []string // the workbooks, sorted
}

// benchFormsDir is where the corpus is kept.
func benchFormsDir() string {
	if d := os.Getenv("XINGJI_BENCH_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "xingji-bench-forms-"+benchFormsParams)
}

// benchFormsCorpus returns the corpus, generating it first unless a
// complete one is already in benchFormsDir. The paths hold Chinese
// characters and spaces, as an office's do.
func benchFormsCorpus(tb testing.TB) formsCorpus {
	tb.Helper()
	root := benchFormsDir()
	c := formsCorpus{
		db:    filepath.Join(root, "党委 办公室", "考评 数据.db"),
		forms: filepath.Join(root, "返回的 填报表"),
	}
	marker := filepath.Join(root, "complete.txt")
	want := "xingji forms benchmark corpus " + benchFormsParams + "\n"
	if got, err := os.ReadFile(marker); err == nil && string(got) == want {
		c.files = corpusFiles(tb, c.forms)
		if len(c.files) == benchFormUnits {
			return c
		}
	}
	tb.Logf("generating the forms benchmark corpus in %s (about a minute; reused afterwards)", root)
	start := time.Now()
	os.Remove(marker)
	for _, p := range []string{filepath.Dir(c.db), c.forms} {
		if err := os.RemoveAll(p); err != nil {
			tb.Fatal(err)
		}
		if err := os.MkdirAll(p, 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	generateFormsCorpus(tb, c)
	c.files = corpusFiles(tb, c.forms)
	if len(c.files) != benchFormUnits {
		tb.Fatalf("corpus has %d workbooks, want %d", len(c.files), benchFormUnits)
	}
	if err := os.WriteFile(marker, []byte(want), 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("corpus generated in %s", time.Since(start).Round(time.Second))
	return c
}

// corpusFiles lists the workbooks in dir, sorted; none when dir is missing.
func corpusFiles(tb testing.TB, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		tb.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".xlsx") {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(files)
	return files
}

// generateFormsCorpus writes the database and the filled workbooks.
func generateFormsCorpus(tb testing.TB, c formsCorpus) {
	ctx := context.Background()
	o, err := Open(c.db)
	if err != nil {
		tb.Fatal(err)
	}
	defer o.Close()
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.Local)
	o.Clock = func() time.Time { return now }
	if _, err := o.ApplyRosterPlan(ctx, benchRosterPlan()); err != nil {
		tb.Fatal(err)
	}
	s := benchUnitScheme()
	if ps := s.Problems(); len(ps) > 0 {
		if len(ps.Fatal()) > 0 {
			tb.Fatalf("benchmark scheme: %v", ps.Fatal())
		}
		tb.Logf("benchmark scheme has %d non-fatal problems: %v", len(ps), ps)
	}
	var ms *model.Scheme
	for _, b := range scoring.BuiltinSchemes() {
		if b.Code == demo.MemberSchemeCode {
			ms = &b
		}
	}
	if ms == nil {
		tb.Fatalf("built-in member scheme %s not found", demo.MemberSchemeCode)
	}
	units, err := o.UnitsForScheme(ctx, s)
	if err != nil {
		tb.Fatal(err)
	}
	if len(units) != benchFormUnits {
		tb.Fatalf("units in scope = %d, want %d", len(units), benchFormUnits)
	}
	p := model.Period{Name: "2026年度党支部星级考评（千家基准）", Start: model.D(2026, 1, 1), End: model.D(2026, 12, 31),
		Scheme: s, MemberScheme: ms, Units: units}
	if err := o.CreatePeriod(ctx, &p); err != nil {
		tb.Fatal(err)
	}
	cat, err := o.catalog(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	period := cat.Period(p.ID)

	// Write and fill the workbooks on every core; each unit's values come
	// from its own seed, so the corpus is the same whatever the schedule.
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for w := 0; w < max(1, runtime.NumCPU()); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(period.Units) {
					return
				}
				err := writeBenchForm(c.forms, period, cat.Units[period.Units[i]], cat.Members[period.Units[i]], int64(i))
				if err != nil {
					mu.Lock()
					firstErr = errors.Join(firstErr, err)
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		tb.Fatal(firstErr)
	}
	if err := o.Close(); err != nil {
		tb.Fatal(err)
	}
	// The benchmarks copy the database file alone: closing must have folded
	// the write-ahead log into it.
	if info, err := os.Stat(c.db + "-wal"); err == nil && info.Size() > 0 {
		tb.Fatalf("%s-wal left after closing (%d bytes)", c.db, info.Size())
	}
}

// writeBenchForm writes one unit's workbook filled in as a branch would.
func writeBenchForm(dir string, p *model.Period, u model.Unit, members []model.Member, i int64) error {
	var b bytes.Buffer
	if err := documents.WriteUnitForm(&b, p, u, members); err != nil {
		return err
	}
	f := FormFile{Name: documents.UnitFormFileName(u), Data: b.Bytes(), Unit: u}
	filled, err := fillForm(f, p, rand.New(rand.NewSource(benchFormSeed+i)), nil)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, filled.Name), filled.Data, 0o644)
}

// benchRosterPlan is a township committee with benchFormUnits village
// branches of benchFormMembers members each.
func benchRosterPlan() model.RosterPlan {
	r := rand.New(rand.NewSource(benchFormSeed))
	plan := model.RosterPlan{Source: "基准测试生成", TransferDate: model.D(2026, 10, 31)}
	plan.NewUnits = append(plan.NewUnits, model.PlannedUnit{Ref: "ROOT", Unit: model.Unit{
		Name: "中共青禾镇委员会", Code: "QH", Level: model.LevelCommittee, Kind: model.KindRural, Founded: model.D(1956, 7, 1)}})
	first := []rune("东西南北上下前后大小新老长高红青金石柳杨李王张陈林河山桥湾塘岗坪")
	second := []rune("岗庄屯沟坡营寨堡湾集店铺河洼台坪园里庙口圩埠头寺峪渠源滩岭冲畈坳")
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僖桑荆谌银扬明沙薄伏岑习胥保和蔺")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉鹏飞俊峰斌宇浩凯秀梅海波燕春雪琳晨阳振东德福永成")
	for i := 0; i < benchFormUnits; i++ {
		ref := fmt.Sprintf("QH-%04d", i+1)
		name := string(first[i/len(second)%len(first)]) + string(second[i%len(second)]) + "村党支部"
		if i >= len(first)*len(second) {
			name = fmt.Sprintf("第%d村党支部", i+1)
		}
		plan.NewUnits = append(plan.NewUnits, model.PlannedUnit{Ref: ref, ParentRef: "ROOT", Unit: model.Unit{
			Name: name, Code: ref, Level: model.LevelBranch, Kind: model.KindRural, SortOrder: i + 1,
			Founded: model.D(1950+r.Intn(60), 1+r.Intn(12), 1+r.Intn(28))}})
		for k := 0; k < benchFormMembers; k++ {
			name := string(surnames[r.Intn(len(surnames))]) + string(given[r.Intn(len(given))])
			if r.Intn(2) == 0 {
				name += string(given[r.Intn(len(given))])
			}
			gender := model.Male
			if r.Intn(4) == 0 {
				gender = model.Female
			}
			birth := model.D(1945+r.Intn(55), 1+r.Intn(12), 1+r.Intn(28))
			joined := model.D(birth.Year+20+r.Intn(6), 1+r.Intn(12), 1+r.Intn(28))
			position, category := "党员", model.CategoryActive
			switch {
			case k == 0:
				position = "支部书记"
			case k < 3:
				position = []string{"组织委员", "宣传委员"}[k-1]
			case r.Intn(5) == 0:
				category = model.CategoryMobile
			case birth.Year < 1960:
				category = model.CategoryRetired
			}
			plan.Members = append(plan.Members, model.PlannedMember{UnitRef: ref, Member: model.Member{
				Name: name, Gender: gender, Birth: birth, Joined: joined, Status: model.StatusFull,
				Category: category, Position: position, SortOrder: k + 1,
				Phone: fmt.Sprintf("170%08d", i*benchFormMembers+k)}})
		}
	}
	return plan
}

// benchUnitScheme is a unit scheme of six sections of ten items (60 in all,
// 100 points): in each section seven manual items (得分), one deduction with
// counts and a 是/否 that zeroes it, one threshold table on a rate, and one
// all-or-nothing item with two 是/否 — 78 rows on 自评表. Self-assessment 30%,
// review 70%, and the satisfaction rate that brings the 满意度测评 sheet.
func benchUnitScheme() model.Scheme {
	d := model.D4
	sections := []struct{ title, points, half string }{
		{"一、班子建设", "1.5", "0.75"}, {"二、党员队伍", "1.5", "0.75"}, {"三、组织生活", "1.5", "0.75"},
		{"四、制度落实", "1.5", "0.75"}, {"五、服务群众", "2", "1"}, {"六、发展成效", "2", "1"},
	}
	manual := []string{
		"按期召开支部委员会会议，研究重要事项", "落实“三会一课”制度，记录完整规范", "开展主题党日活动，内容充实",
		"党员教育培训按计划开展", "党务、村务公开及时准确", "发展党员程序规范、档案齐全", "联系服务群众，解决实际困难",
	}
	rate := model.Closed("0", "100")
	s := model.Scheme{
		Code: "bench-60", Name: "党支部星级考评基准方案（60项）", Version: "1",
		Source:  "基准测试生成（cmd/office/bench_forms_test.go）",
		Subject: model.SubjectUnit, Kinds: []model.UnitKind{model.KindRural}, Total: d("100"), Period: "年度",
		Sources: []model.Source{
			{Code: model.SourceSelf, Name: "党支部自评", Weight: d("30")},
			{Code: model.SourceReview, Name: "镇党委考评", Weight: d("70")},
		},
		Facts: []model.FactDef{{Name: formspec.SatisfactionFact, Label: "群众满意度测评满意率", Unit: "%"}},
		Bands: []model.Band{
			{Code: "5", Name: "五星级", Range: model.AtLeast("95")},
			{Code: "4", Name: "四星级", Range: model.Between("90", "95")},
			{Code: "3", Name: "三星级", Range: model.Between("80", "90")},
			{Code: "2", Name: "二星级", Range: model.Between("70", "80")},
			{Code: "1", Name: "一星级", Range: model.Between("60", "70")},
			{Code: "0", Name: "无星", Range: model.Below("60")},
		},
	}
	for si, sec := range sections {
		pts, half := d(sec.points), d(sec.half)
		code := func(k int) string { return fmt.Sprintf("%d.%d", si+1, k) }
		var items []model.Item
		for k, t := range manual {
			items = append(items, model.Item{Code: code(k + 1), Title: t, Points: pts, Rule: model.Manual(),
				Method: "查阅会议记录、台账"})
		}
		required := d("4")
		items = append(items,
			model.Item{Code: code(8), Title: "按规定召开组织生活会并报送材料", Points: pts,
				Rule: model.DeductZeroIf([]model.Flag{{Name: "fake", Label: "材料弄虚作假"}},
					model.DeductClause{Input: "meetings", Label: "召开组织生活会次数", Per: d("0.5"), Required: &required},
					model.DeductClause{Input: "late", Label: "每迟报一次材料", Per: d("0.25")})},
			model.Item{Code: code(9), Title: "群众对党支部工作的知晓率", Points: pts,
				Rule: model.Table(model.TableRule{Input: "rate", Label: "群众知晓率", Unit: "%", Domain: rate,
					Bands: []model.TableBand{
						{Range: model.Between("0", "60"), Points: model.Decimal{}},
						{Range: model.Between("60", "90"), Points: half},
						{Range: model.Closed("90", "100"), Points: pts},
					}})},
			model.Item{Code: code(10), Title: "建立工作台账并按时公开", Points: pts,
				Rule: model.AllOrNothing(model.Flag{Name: "ledger", Label: "建立工作台账"}, model.Flag{Name: "publish", Label: "按时公开"})},
		)
		s.Sections = append(s.Sections, model.Section{Code: fmt.Sprintf("S%d", si+1), Title: sec.title,
			Points: pts.MulInt(10), Items: items})
	}
	return s
}

// TestBuildFormsCorpus generates the benchmark corpus when
// XINGJI_BENCH_BUILD=1 (scripts/bench-import.sh does this first), and is
// skipped otherwise: ordinary test runs never build it.
func TestBuildFormsCorpus(t *testing.T) {
	if os.Getenv("XINGJI_BENCH_BUILD") != "1" {
		t.Skip("set XINGJI_BENCH_BUILD=1 to generate the forms benchmark corpus")
	}
	c := benchFormsCorpus(t)
	t.Logf("corpus: %d workbooks, database %s", len(c.files), c.db)
	t.Logf("XINGJI_BENCH_FORMS=%s", c.forms) // read by scripts/bench-import.sh
}

// BenchmarkImportForms1000 imports the 1,000 filled unit workbooks of the
// corpus — a folder, as the office picks it — into a fresh copy of the
// database each iteration: read, recognise and check every file on
// runtime.NumCPU() workers, store each one (its bytes and values) in order.
// Copying and opening the database are not timed. Every file must be
// accepted. Target: ≤ 20 s for 1,000 files on a 2-core machine.
func BenchmarkImportForms1000(b *testing.B) {
	c := benchFormsCorpus(b)
	dir := filepath.Join(b.TempDir(), "导入 测试")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var bytesIn int64
	for _, f := range c.files {
		info, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		bytesIn += info.Size()
	}
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		db := filepath.Join(dir, "考评 数据.db")
		copyFile(b, c.db, db)
		o, err := Open(db)
		if err != nil {
			b.Fatal(err)
		}
		cpu0 := processCPU()
		b.StartTimer()
		res, err := o.ImportForms(ctx, []string{c.forms}, nil)
		b.StopTimer()
		cpu += processCPU() - cpu0
		if err != nil {
			b.Fatal(err)
		}
		accepted, logged := 0, 0
		for _, r := range res {
			if r.Outcome == model.OutcomeAccepted {
				accepted++
			} else if logged++; logged <= 3 {
				b.Logf("%s: %s %s", r.Name, r.Outcome.Label(), strings.Join(r.Problems, "；"))
			}
		}
		if accepted != benchFormUnits || len(res) != benchFormUnits {
			b.Fatalf("accepted %d of %d results, want all %d files", accepted, len(res), benchFormUnits)
		}
		if err := o.Close(); err != nil {
			b.Fatal(err)
		}
		for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
			os.Remove(db + suffix)
		}
		os.RemoveAll(filepath.Join(dir, "backups"))
		b.StartTimer()
	}
	reportFiles(b, len(c.files), bytesIn, cpu)
}

// BenchmarkFloorUnzipTokenize1000 is the floor of BenchmarkImportForms1000:
// for the same 1,000 files, read the bytes, open the zip, decompress every
// worksheet and the shared strings and run the reader's tag scanner over
// them (importers.TokenizeXLSX) — nothing else — on runtime.NumCPU()
// workers, the parallelism of ImportForms.
func BenchmarkFloorUnzipTokenize1000(b *testing.B) {
	c := benchFormsCorpus(b)
	var bytesIn int64
	for _, f := range c.files {
		info, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		bytesIn += info.Size()
	}
	var tokens atomic.Int64
	cpu0 := processCPU()
	for b.Loop() {
		tokens.Store(0)
		var (
			next atomic.Int64
			wg   sync.WaitGroup
			fail atomic.Pointer[error]
		)
		for w := 0; w < max(1, runtime.NumCPU()); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(c.files) {
						return
					}
					data, err := os.ReadFile(c.files[i])
					if err == nil {
						var n int
						n, err = importers.TokenizeXLSX(data)
						tokens.Add(int64(n))
					}
					if err != nil {
						err = fmt.Errorf("%s: %w", c.files[i], err)
						fail.CompareAndSwap(nil, &err)
						return
					}
				}
			}()
		}
		wg.Wait()
		if p := fail.Load(); p != nil {
			b.Fatal(*p)
		}
	}
	cpu := processCPU() - cpu0
	b.ReportMetric(float64(tokens.Load())/float64(len(c.files)), "tags/file")
	reportFiles(b, len(c.files), bytesIn, cpu)
}

// reportFiles reports the throughput of a benchmark over n files of size
// bytes in all: files per second, wall seconds per 1,000 files (what
// scripts/bench-import.sh reads) and, from cpu — the CPU time the process
// used in all iterations, where the system tells it — CPU seconds per 1,000
// files, which other programs running at the same time disturb far less
// than the wall time.
func reportFiles(b *testing.B, n int, size int64, cpu time.Duration) {
	if b.N == 0 || b.Elapsed() == 0 {
		return
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(n)/sec, "files/s")
	b.ReportMetric(sec*1000/float64(n), "s/1000files")
	if cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N)*1000/float64(n), "cpu-s/1000files")
	}
	b.ReportMetric(float64(size)/float64(n)/1024, "KiB/file")
}
