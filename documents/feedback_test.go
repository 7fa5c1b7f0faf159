package documents

import (
	"archive/zip"
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"xingji/documents/pdfdoc"
	"xingji/model"
	"xingji/scoring"
	"xingji/scoring/period"
)

// The seed sentence the feedback reports implement (003 四(四)):
// "党总支考核小组在下季度一月中旬前对各支部考核完毕,并将考核结果反馈到各党支部。"

const longUnit = "中共示范镇堃琮玥社区联合党总支部委员会第三网格党支部（流动党员服务站）"

// feedbackPaper is a small period by hand: a unit with a long name (a rare
// character in it), a cap and a quota move; an ordinary unit; a vetoed
// unit with its reason and 文号; a previous period.
func feedbackPaper() *Paper {
	d := model.D4
	p := &model.Period{ID: 1, Name: "2026年度村党支部星级评定", Scheme: model.Scheme{
		Sources: []model.Source{{Code: model.SourceSelf, Name: "村党组织自评", Weight: d("30")}, {Code: model.SourceReview, Name: "乡党委考评", Weight: d("70")}},
		Caps:    []model.Cap{{Code: "election", Title: "不按期换届"}},
		Vetoes:  []model.Veto{{Code: "lianzheng", Title: "违反党风廉政建设"}},
	}}
	items := func(a, b string) []scoring.ItemResult {
		return []scoring.ItemResult{
			{Item: "policy", Title: "服务政策宣传星：宣传落实涉农惠农政策，党务、村务公开，并按季度向党员群众通报集体经济收支和重大事项决策情况", Max: d("20"), Score: d(a),
				Why: []scoring.Step{{Kind: scoring.StepWeight, Text: "村党组织自评 17.5分 × 30% + 乡党委考评 18.5分 × 70% = " + a + "分"}}},
			{Item: "law", Title: "服务法律援助星：依法治村，调处矛盾纠纷", Max: d("20"), Score: d(b),
				Why: []scoring.Step{{Kind: scoring.StepRule, Text: "矛盾纠纷未及时调处1起，扣2分"}}},
		}
	}
	sources := []scoring.SourceResult{
		{Source: model.SourceSelf, Name: "村党组织自评", Present: true, Items: scoring.ItemScores{d("17.5"), d("19")}},
		{Source: model.SourceReview, Name: "乡党委考评", Present: true, Items: scoring.ItemScores{d("18.5"), d("18")}},
	}
	a := scoring.SubjectResult{ID: "u:11", Name: longUnit, Items: items("18.2", "18"), Sources: sources,
		Main: d("36.2"), Total: d("36.2"), Grade: d("36.2"), Band: "3", EarnedBand: "4", BandName: "三星级",
		BandWhy: []scoring.Step{
			{Kind: scoring.StepBand, Text: "等级总分属于“四星级”"},
			{Kind: scoring.StepCap, Ref: "election", Text: "不按期换届：不按期换届的月数5月，不得高于“四星级”（未超过）"},
			{Kind: scoring.StepQuota, Text: "“四星级”不超过参评对象的10%（2个中至多0个），按等级总分排在名额之外，调整为“三星级”"},
		},
		Caps: []string{"election"}, Rank: 1}
	b := scoring.SubjectResult{ID: "u:12", Name: "城关镇黄家岭村党支部", Items: items("16", "17"), Main: d("33"), Total: d("33"), Grade: d("33"),
		Band: "3", EarnedBand: "3", BandName: "三星级", Rank: 2, Sources: sources}
	c := scoring.SubjectResult{ID: "u:13", Name: "白沙镇吴家集村党支部", Items: items("19", "19.5"), Main: d("38.5"), Total: d("38.5"), Grade: d("38.5"),
		Vetoes: []string{"lianzheng"}, Disqualified: true,
		BandWhy: []scoring.Step{{Kind: scoring.StepVeto, Ref: "lianzheng", Text: "一票否决：违反党风廉政建设，取消本期评定资格"}}}
	units := []model.Unit{{ID: 1, Name: "中共青禾县委员会"}, {ID: 12, ParentID: 1, Name: b.Name, Code: "QH-01"},
		{ID: 11, ParentID: 1, Name: longUnit, Code: "QH-02"}, {ID: 13, ParentID: 1, Name: c.Name, Code: "QH-03"}}
	res := &period.Results{Period: p,
		Data: &period.Data{Period: p, Units: units, Entries: []model.Entry{
			{EntryKey: model.EntryKey{Subject: "u:13", Kind: model.EntryVeto, Name: "lianzheng"}, Value: "1", Reason: "村党支部书记违反廉政规定，受党内警告处分", DocNo: "青纪发〔2026〕12号"}}},
		Inputs: &period.Inputs{Gaps: map[string][]string{"u:12": {"未提交自评表：按方案，村党组织自评的权重（30%）按比例分给其他来源"}}},
		Units:  &scoring.Result{Subjects: []scoring.SubjectResult{a, b, c}},
		UnitNext: []scoring.NextBand{
			{Block: scoring.NextQuota, Why: []scoring.Step{{Text: "按分数和条件已评为“四星级”，因比例控制调整为“三星级”，不是分数不够"}}},
			{Reachable: true, Need: d("1.75"), Why: []scoring.Step{{Text: "再得1.75分（等级总分由33分升至34.75分）即可评为“四星级”"}}},
			{Block: scoring.NextVeto, Why: []scoring.Step{{Text: "一票否决：违反党风廉政建设，已取消本期评定资格，加分无用"}}},
		}}
	prevA := a
	prevA.Grade, prevA.Rank, prevA.BandName, prevA.Band = d("34"), 2, "二星级", "2"
	prev := &period.Results{Period: p, Units: &scoring.Result{Subjects: []scoring.SubjectResult{prevA}}}
	return &Paper{Committee: "中共青禾县委员会", Period: p, Results: res, Previous: prev, Draft: true, Date: model.D(2026, 12, 2)}
}

// flatText is a PDF's text as pdftotext reads it, without any white space
// (table cells and wrapped lines run together).
func flatText(t *testing.T, pdf []byte, page int) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{p, "-"}
	if page > 0 {
		args = append([]string{"-f", strconv.Itoa(page), "-l", strconv.Itoa(page)}, args...)
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// TestFeedbackSaysWhatEachUnitGot: seed 003 四(四) "将考核结果反馈到各党支部".
// Each unit's report starts on its own page and carries, character for
// character, its name, every item with its scores and the committee's
// average ((18.2+16)/2 = 17.1; (18+17)/2 = 17.5; grade (36.2+33)/2 = 34.6,
// the vetoed unit left out), its rank among the 2 ranked, the deductions
// with their reasons, the cap by its title, the quota move, the change
// against the previous period, the points to the next star, the missing
// materials, the veto with its reason and 文号, the committee and the date.
func TestFeedbackSaysWhatEachUnitGot(t *testing.T) {
	paper := feedbackPaper()
	pdf, err := Feedback(paper, FeedbackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	all := flatText(t, pdf, 0)
	// The committee's order of units: 黄家岭 (12), the long name (11), the vetoed (13).
	for page, name := range map[int]string{1: "城关镇黄家岭村党支部", 2: longUnit} {
		if got := flatText(t, pdf, page); !strings.Contains(got, "2026年度村党支部星级评定考核结果反馈表"+name) {
			t.Errorf("page %d does not start with %s's report: %.80s", page, name, got)
		}
	}
	res := paper.Results
	for _, sr := range res.Units.Subjects {
		if !strings.Contains(all, sr.Name) {
			t.Errorf("%s is missing", sr.Name)
		}
		for _, it := range sr.Items {
			// 项目 | 分值 | 自评 | 考评 | 得分 | 全委平均, as the table reads back.
			if !strings.Contains(all, it.Title) {
				t.Errorf("%s: item %s is missing", sr.Name, it.Title)
			}
		}
	}
	for _, want := range []string{
		// The long name and its first item, with 分值, 自评, 考评, 得分 and the average.
		"服务政策宣传星：宣传落实涉农惠农政策，党务、村务公开，并按季度向党员群众通报集体经济收支和重大事项决策情况2017.518.518.217.1",
		"服务法律援助星：依法治村，调处矛盾纠纷2019181817.5",
		"等级总分36.2分（全委平均34.6分）", "第1名，共2个",
		"服务政策宣传星：宣传落实涉农惠农政策，党务、村务公开，并按季度向党员群众通报集体经济收支和重大事项决策情况：扣1.8分。村党组织自评17.5分×30%+乡党委考评18.5分×70%=18.2分",
		"服务法律援助星：依法治村，调处矛盾纠纷：扣2分。矛盾纠纷未及时调处1起，扣2分",
		"限制条件·不按期换届：不按期换届的月数5月，不得高于“四星级”（未超过）",
		"比例控制·“四星级”不超过参评对象的10%（2个中至多0个），按等级总分排在名额之外，调整为“三星级”",
		"较上期等级总分34分→36.2分（+2.2分）；名次第2名→第1名（上升1位）；等次二星级→三星级",
		"距下一星级比例控制",
		"距下一星级：按分数和条件已评为“四星级”，因比例控制调整为“三星级”，不是分数不够",
		// The ordinary unit.
		"第2名，共2个", "差1.75分", "距下一星级：再得1.75分（等级总分由33分升至34.75分）即可评为“四星级”",
		"缺少的材料·未提交自评表：按方案，村党组织自评的权重（30%）按比例分给其他来源",
		"较上期上期未参加考评",
		// The vetoed unit.
		"一票否决，取消本期评定资格", "不参加排名",
		"一票否决：违反党风廉政建设。原因：村党支部书记违反廉政规定，受党内警告处分。文号：青纪发〔2026〕12号",
		"中共青禾县委员会二〇二六年十二月二日", "草稿",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
	// The table's last row, as laid out: 等级总分 … 36.2 34.6.
	if !hasLine(t, pdf, "等级总分", "36.2", "34.6") {
		t.Error("no 等级总分 row with the grade total and the committee's average")
	}
	if strings.Contains(all, "election") || strings.Contains(all, "lianzheng") || strings.Contains(all, "u:1") {
		t.Error("an internal code reached the paper")
	}
	if pages := countPages(t, pdf); pages < 3 {
		t.Errorf("%d pages for 3 units", pages)
	}
}

// hasLine reports whether a line of the PDF's text, laid out as on the
// page, holds every one of the words, in that order, each standing alone.
func hasLine(t *testing.T, pdf []byte, words ...string) bool {
	t.Helper()
	p := filepath.Join(t.TempDir(), "l.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Join(strings.Fields(l), " ") == strings.Join(words, " ") {
			return true
		}
	}
	return false
}

// countPages renders the PDF (checking that it renders) and counts its pages.
func countPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (poppler-utils)")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	os.WriteFile(p, pdf, 0o644)
	if out, err := exec.Command("pdftoppm", "-r", "20", "-png", p, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	for _, f := range pngs {
		b, _ := os.ReadFile(f)
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if blank(img) {
			t.Errorf("%s is blank", filepath.Base(f))
		}
	}
	return len(pngs)
}

func blank(img image.Image) bool {
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r < 0x8000 && g < 0x8000 && b < 0x8000 {
				return false
			}
		}
	}
	return true
}

// TestFeedbackZipHoldsOnePDFPerUnit: the .zip holds one report per unit,
// named by the unit's code and name, the names flagged UTF-8.
func TestFeedbackZipHoldsOnePDFPerUnit(t *testing.T) {
	paper := feedbackPaper()
	b, err := FeedbackZip(paper, FeedbackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"QH-01 城关镇黄家岭村党支部 反馈报告.pdf", "QH-02 " + longUnit + " 反馈报告.pdf", "QH-03 白沙镇吴家集村党支部 反馈报告.pdf"}
	if len(zr.File) != len(want) {
		t.Fatalf("%d files, want %d", len(zr.File), len(want))
	}
	for i, f := range zr.File {
		if f.Name != want[i] || f.Flags&0x800 == 0 {
			t.Errorf("file %d: %q flags %x, want %q flagged UTF-8", i, f.Name, f.Flags, want[i])
		}
		r, _ := f.Open()
		var buf bytes.Buffer
		buf.ReadFrom(r)
		r.Close()
		unit := strings.TrimSuffix(strings.SplitN(want[i], " ", 2)[1], " 反馈报告.pdf")
		text := flatText(t, buf.Bytes(), 0)
		if !strings.Contains(text, "考核结果反馈表"+unit) {
			t.Errorf("%s does not hold %s's report", f.Name, unit)
		}
		for _, other := range paper.Results.Units.Subjects {
			if other.Name != unit && strings.Contains(text, other.Name) {
				t.Errorf("%s also holds %s", f.Name, other.Name)
			}
		}
	}
}

// TestFeedbackPlacesAChart: the place left for the charts takes a PNG and
// shows it on the reports that have room for it on their last page, never
// adding a page for it; an unreadable one is refused in Chinese.
func TestFeedbackPlacesAChart(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 400, 240))
	for y := 0; y < 240; y++ {
		for x := 0; x < 400; x++ {
			c := color.RGBA{255, 255, 255, 255}
			if x > 40 && x < 120 && y > 80 || x > 160 && x < 240 && y > 30 {
				c = color.RGBA{200, 30, 30, 255}
			}
			img.Set(x, y, c)
		}
	}
	var chart bytes.Buffer
	png.Encode(&chart, img)
	pdf, err := Feedback(feedbackPaper(), FeedbackOptions{DistributionPNG: chart.Bytes(), ChartTitle: "全委星级分布（示例）"})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Feedback(feedbackPaper(), FeedbackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if with, without := len(pdfPages(t, pdf)), len(pdfPages(t, plain)); with != without {
		t.Errorf("the chart added pages: %d with it, %d without", with, without)
	}
	captions := strings.Count(flatText(t, pdf, 0), "全委星级分布（示例）")
	if captions < 1 || captions > 3 {
		t.Errorf("the chart's caption is on %d of the 3 reports", captions)
	}
	if _, err := exec.LookPath("pdfimages"); err == nil {
		p := filepath.Join(t.TempDir(), "c.pdf")
		os.WriteFile(p, pdf, 0o644)
		out, _ := exec.Command("pdfimages", "-list", p).Output()
		n := 0
		for _, l := range strings.Split(string(out), "\n") {
			if f := strings.Fields(l); len(f) > 2 && f[2] == "image" {
				n++
			}
		}
		if n != captions {
			t.Errorf("%d images placed, want one per caption (%d):\n%s", n, captions, out)
		}
	}
	if _, err := Feedback(feedbackPaper(), FeedbackOptions{DistributionPNG: []byte("not a png")}); !errors.Is(err, pdfdoc.ErrImage) {
		t.Errorf("an unreadable chart: %v", err)
	}
}

// TestFeedbackWithoutResults: a period nothing was scored in says so.
func TestFeedbackWithoutResults(t *testing.T) {
	p := feedbackPaper()
	p.Results.Units.Subjects = nil
	if _, err := Feedback(p, FeedbackOptions{}); !errors.Is(err, ErrNoFeedback) {
		t.Errorf("Feedback: %v", err)
	}
	if _, err := FeedbackZip(p, FeedbackOptions{}); !errors.Is(err, ErrNoFeedback) {
		t.Errorf("FeedbackZip: %v", err)
	}
}
