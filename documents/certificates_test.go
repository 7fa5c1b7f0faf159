package documents

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xingji/documents/pdfdoc"
	"xingji/model"
)

// certPaper is a Paper with what certificates print: the period's name,
// the committee, the date.
func certPaper(draft bool) *Paper {
	return &Paper{Committee: "中共示范镇委员会", Period: &model.Period{Name: "2026年度村党支部星级评定"},
		Draft: draft, Date: model.D(2026, 12, 2)}
}

func certBatch() []Certificate {
	return []Certificate{
		{Key: "u:3", Honour: "四星级党支部", Collective: true, Name: "堃琮村党支部", Number: "QH〔2026〕001"},
		{Key: "m:7", Honour: "四星级党员", Name: "王玥琮", Unit: "示范镇东片区堃琮村党支部", Number: "QH〔2026〕002"},
		{Key: "u:4", Honour: "流动红旗", Collective: true, RedFlag: true, Name: "示范村党支部", Number: "QH〔2026〕003"},
	}
}

// testSeal is a red ring with a star on a transparent background.
func testSeal() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 400, 400))
	for y := 0; y < 400; y++ {
		for x := 0; x < 400; x++ {
			r := math.Hypot(float64(x)-200, float64(y)-200)
			if (r > 180 && r < 196) || (r < 40 && math.Abs(float64(x-200))+math.Abs(float64(y-200)) < 45) {
				img.Set(x, y, color.NRGBA{220, 20, 20, 200})
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// testBackground is a scanned-looking background of w×h pixels: a cream
// page with a patterned border.
func testBackground(w, h int, asJPEG bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{253, 246, 227, 255}
			edge := min(min(x, w-1-x), min(y, h-1-y))
			if edge < w/20 && ((x/12+y/12)%2 == 0) {
				c = color.RGBA{30, 90, 160, 255}
			} else if edge >= w/20 && edge < w/20+4 {
				c = color.RGBA{200, 150, 40, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if asJPEG {
		jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
	} else {
		png.Encode(&b, img)
	}
	return b.Bytes()
}

// keep writes a PDF to $XINGJI_LOOK (when set) to be looked at.
func keep(t *testing.T, name string, pdf []byte) string {
	dir := os.Getenv("XINGJI_LOOK")
	if dir == "" {
		dir = t.TempDir()
	}
	os.MkdirAll(dir, 0o755)
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func needTools(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (poppler-utils)", tool)
		}
	}
}

func textOf(t *testing.T, path string) string {
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func pagesOf(t *testing.T, path string) []string {
	dir := t.TempDir()
	if err := exec.Command("pdftoppm", "-r", "20", "-png", path, filepath.Join(dir, "p")).Run(); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
	return pages
}

// notBlank fails when a page image is one colour.
func notBlank(t *testing.T, page string) {
	f, err := os.Open(page)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	first := img.At(0, 0)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.At(x, y) != first {
				return
			}
		}
	}
	t.Errorf("%s is blank", page)
}

// TestCertificateDesignsPrintEveryField: every design prints one page per
// certificate with each field character for character (rare characters
// included), the date in Chinese numerals with 〇, and the number.
func TestCertificateDesignsPrintEveryField(t *testing.T) {
	needTools(t)
	seal, bg := testSeal(), testBackground(1754, 1240, true)
	for _, c := range []struct {
		name   string
		design string
		paper  pdfdoc.Size
		opt    CertificateOptions
		frame  bool
	}{
		{"classic.pdf", DesignClassic, pdfdoc.A4Landscape, CertificateOptions{Seal: seal}, true},
		{"classic-a3.pdf", DesignClassic, pdfdoc.A3Landscape, CertificateOptions{Seal: seal}, true},
		{"simple.pdf", DesignSimple, pdfdoc.A4Landscape, CertificateOptions{Seal: seal}, true},
		{"background.pdf", DesignBackground, pdfdoc.A4Landscape, CertificateOptions{Seal: seal, Background: bg}, false},
		{"overprint.pdf", DesignOverprint, pdfdoc.A4Landscape, CertificateOptions{Overprint: true, OffsetX: 1.5, OffsetY: -2, Scale: 0.98}, false},
	} {
		t.Run(c.design, func(t *testing.T) {
			opt := c.opt
			if c.design == DesignOverprint {
				opt.Layout = DefaultOverprintLayout()
			} else {
				l, err := CertificateDesign(c.design, c.paper)
				if err != nil {
					t.Fatal(err)
				}
				opt.Layout = l
			}
			pdf, err := WriteCertificates(certPaper(false), certBatch(), opt)
			if err != nil {
				t.Fatal(err)
			}
			path := keep(t, c.name, pdf)
			pages := pagesOf(t, path)
			if len(pages) != 3 {
				t.Fatalf("%d pages, want 3", len(pages))
			}
			for _, p := range pages {
				notBlank(t, p)
			}
			text := strings.Join(strings.Fields(textOf(t, path)), "")
			want := []string{"堃琮村党支部", "“四星级党支部”称号", "王玥琮同志", "（示范镇东片区堃琮村党支部）", "“四星级党员”",
				"“流动红旗”", "中共示范镇委员会", "二〇二六年十二月", "证书编号：QH〔2026〕003"}
			if c.design != DesignOverprint {
				want = append(want, "在2026年度村党支部星级评定中成绩突出，特授予", "在2026年度村党支部星级评定中表现突出，被评为", "特发此证，以资鼓励。")
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%q missing from:\n%s", w, text)
				}
			}
			if strings.Contains(text, "“流动红旗”称号") {
				t.Error("the red flag is not a title")
			}
			if got := strings.Contains(text, "荣誉证书") || strings.Contains(text, "荣誉证书"); got != c.frame && c.frame {
				t.Errorf("title printed: %v", got)
			}
			info, _ := exec.Command("pdfinfo", path).Output()
			size := map[pdfdoc.Size]string{pdfdoc.A4Landscape: "841.89 x 595.28 pts", pdfdoc.A3Landscape: "1190.55 x 841.89 pts"}[c.paper]
			if !strings.Contains(string(info), size) {
				t.Errorf("page size: %s", info)
			}
			if scaling := bytes.Contains(pdf, []byte("/PrintScaling /None")); scaling != opt.Overprint {
				t.Errorf("/PrintScaling /None present %v, want %v", scaling, opt.Overprint)
			}
		})
	}
}

// TestOverprintPrintsOnlyTheFieldsMoved: 套打 prints no title, no frame,
// no closing text, and every box moved by the printer's offsets and scale.
func TestOverprintPrintsOnlyTheFieldsMoved(t *testing.T) {
	l := DefaultOverprintLayout()
	m := l.Moved(1.5, -2, 0.98)
	f, _ := l.Field(FieldRecipient)
	g, _ := m.Field(FieldRecipient)
	if math.Abs(g.Box.X-(f.Box.X*0.98+1.5)) > 1e-9 || math.Abs(g.Box.Y-(f.Box.Y*0.98-2)) > 1e-9 ||
		math.Abs(g.Box.Size-f.Box.Size*0.98) > 1e-9 || m.Paper != l.Paper {
		t.Fatalf("moved %+v from %+v", g.Box, f.Box)
	}
	needTools(t)
	pdf, err := WriteCertificates(certPaper(false), certBatch()[:1], CertificateOptions{Layout: l, Overprint: true})
	if err != nil {
		t.Fatal(err)
	}
	text := textOf(t, keep(t, "overprint-one.pdf", pdf))
	for _, no := range []string{"荣", "特发此证", "授予"} {
		if strings.Contains(text, no) {
			t.Errorf("套打 printed %q: %s", no, text)
		}
	}
}

// TestCertificateNamesTooLong: a long name shrinks to fit its field; a
// longer one wraps at the field's smallest size; one that fits even then
// is refused, naming it.
func TestCertificateNamesTooLong(t *testing.T) {
	l, _ := CertificateDesign(DesignClassic, pdfdoc.A4Landscape)
	one := func(name string) ([]byte, error) {
		c := Certificate{Key: "u:1", Honour: "四星级党支部", Collective: true, Name: name, Number: "QH〔2026〕009"}
		return WriteCertificates(certPaper(true), []Certificate{c}, CertificateOptions{Layout: l})
	}
	shrunk := "中共示范镇堃琮社区联合党总支部第三网格党支部"
	if _, err := one(shrunk); err != nil {
		t.Fatalf("a name that fits when shrunk: %v", err)
	}
	wrapped := strings.Repeat("示范镇东片区", 6) + "堃琮村党支部"
	pdf, err := one(wrapped)
	if err != nil {
		t.Fatalf("a name that fits when wrapped: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		if text := strings.Join(strings.Fields(textOf(t, keep(t, "long-name.pdf", pdf))), ""); !strings.Contains(text, wrapped) {
			t.Errorf("a wrapped name lost characters: %s", text)
		}
	}
	tooLong := strings.Repeat("示范镇东片区联合党总支部", 12)
	_, err = one(tooLong)
	var tl *pdfdoc.TooLongError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), tooLong) || !strings.Contains(err.Error(), "第1张证书") {
		t.Fatalf("too long: %v", err)
	}
	if _, err := one("王\U000F0001"); err == nil || !strings.Contains(err.Error(), "字体里没有的字") {
		t.Fatalf("a character the font lacks: %v", err)
	}
}

// TestCertificateImagesRefused: a seal that is not a PNG, is opaque or
// tiny, and a background of the wrong format, proportions or resolution
// are refused in Chinese, before anything is written.
func TestCertificateImagesRefused(t *testing.T) {
	l, _ := CertificateDesign(DesignClassic, pdfdoc.A4Landscape)
	write := func(opt CertificateOptions) error {
		opt.Layout = l
		_, err := WriteCertificates(certPaper(false), certBatch(), opt)
		return err
	}
	opaque := image.NewRGBA(image.Rect(0, 0, 300, 300))
	for i := range opaque.Pix {
		opaque.Pix[i] = 255
	}
	var ob bytes.Buffer
	png.Encode(&ob, opaque)
	for _, c := range []struct {
		name string
		opt  CertificateOptions
		want string
	}{
		{"seal not an image", CertificateOptions{Seal: []byte("not a png")}, "印章图片无法读取"},
		{"seal a JPEG", CertificateOptions{Seal: testBackground(400, 400, true)}, "印章图片无法读取"},
		{"seal opaque", CertificateOptions{Seal: ob.Bytes()}, "背景不透明"},
		{"background not an image", CertificateOptions{Background: []byte("%PDF-1.4")}, "底图无法读取"},
		{"background portrait", CertificateOptions{Background: testBackground(1240, 1754, false)}, "不符"},
		{"background tiny", CertificateOptions{Background: testBackground(297, 210, false)}, "模糊"},
	} {
		if err := write(c.opt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := WriteCertificates(certPaper(false), nil, CertificateOptions{Layout: l}); err == nil || !strings.Contains(err.Error(), "无证书") {
		t.Errorf("no recipients: %v", err)
	}
}

func TestCertificateNumber(t *testing.T) {
	for _, c := range []struct {
		pattern string
		seq     int
		want    string
	}{
		{NumberPattern, 1, "QH〔2026〕001"},
		{NumberPattern, 1234, "QH〔2026〕1234"},
		{"示范党证〔{年}〕第{序号}号", 12, "示范党证〔2026〕第12号"},
		{"{年}-{序号:5}", 7, "2026-00007"},
	} {
		if got, err := CertificateNumber(c.pattern, 2026, c.seq); err != nil || got != c.want {
			t.Errorf("%s %d: %q, %v", c.pattern, c.seq, got, err)
		}
	}
	for _, bad := range []string{"QH〔{年}〕", "QH{序号:x}", "QH{序号:3"} {
		if _, err := CertificateNumber(bad, 2026, 1); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestCalibrationPage: the page is the blank's size, prints at 100%, and
// carries its rulers, crosses and instructions.
func TestCalibrationPage(t *testing.T) {
	needTools(t)
	blank := pdfdoc.Size{W: 280, H: 200}
	pdf, err := CalibrationPage(blank, 1.5, -0.5, 1)
	if err != nil {
		t.Fatal(err)
	}
	path := keep(t, "calibration.pdf", pdf)
	if !bytes.Contains(pdf, []byte("/PrintScaling /None")) {
		t.Error("no /PrintScaling /None")
	}
	info, _ := exec.Command("pdfinfo", path).Output()
	if !strings.Contains(string(info), "793.7 x 566.93 pts") {
		t.Errorf("page size: %s", info)
	}
	text := textOf(t, path)
	for _, w := range []string{"荣誉证书套打校准页", "X=30 Y=30 毫米", "X=250 Y=170 毫米", "横向 +1.5 毫米", "实际大小", "270"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q missing:\n%s", w, text)
		}
	}
	for _, p := range pagesOf(t, path) {
		notBlank(t, p)
	}
}

// BenchmarkThousandCertificates: 1,000 classic certificates with a seal
// (and, in the second, on a scanned background) in one PDF; the issue asks
// ≤ 5 s and ≤ 20 MB.
func BenchmarkThousandCertificates(b *testing.B) {
	seal, bg := testSeal(), testBackground(1754, 1240, true)
	var certs []Certificate
	for i := 0; i < 1000; i++ {
		c := certBatch()[i%3]
		c.Name += string(rune('甲' + i%10))
		certs = append(certs, c)
	}
	for _, c := range []struct {
		name   string
		design string
		bg     []byte
	}{{"classic", DesignClassic, nil}, {"background", DesignBackground, bg}} {
		b.Run(c.name, func(b *testing.B) {
			l, _ := CertificateDesign(c.design, pdfdoc.A4Landscape)
			for i := 0; i < b.N; i++ {
				start := time.Now()
				pdf, err := WriteCertificates(certPaper(false), certs, CertificateOptions{Layout: l, Seal: seal, Background: c.bg})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(pdf))/1e6, "MB")
				b.ReportMetric(time.Since(start).Seconds(), "s/1000")
			}
		})
	}
}
