package office

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"xingji/documents"
	"xingji/model"
)

func pdfTextOf(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func transparentSeal(t *testing.T, dir string) string {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 300))
	for y := 100; y < 200; y++ {
		for x := 100; x < 200; x++ {
			img.Set(x, y, color.NRGBA{220, 0, 0, 180})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	p := filepath.Join(dir, "党委印章.png")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCertificatesOfTheDemo: the demo's certificates, one per recipient
// per award, numbered from the office's pattern once the period is final;
// printed again, the same recipients keep the same numbers and the
// register holds each number once; a draft gets no numbers and 草稿.
func TestCertificatesOfTheDemo(t *testing.T) {
	o, p := demoWithForms(t)
	ctx := context.Background()
	dir := t.TempDir()
	paper, err := o.Paper(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	certs := documents.Certificates(paper)
	if len(certs) < 3 {
		t.Fatalf("certificates: %+v", certs)
	}

	draft := filepath.Join(dir, "草稿.pdf")
	if err := o.ExportPaper(ctx, p.ID, "certificates", "", draft, PaperOptions{}); err != nil {
		t.Fatal(err)
	}
	if text := pdfTextOf(t, draft); !strings.Contains(text, "草稿") || strings.Contains(text, "证书编号") {
		t.Errorf("a draft's certificates: %s", text)
	}

	s, _ := o.CertificateSettings(ctx)
	s.Pattern, s.Seal = "示范〔{年}〕{序号:3}", transparentSeal(t, dir)
	if err := o.SetCertificateSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := o.SetPeriodStatus(ctx, p.ID, model.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "荣誉证书.pdf")
	if err := o.ExportCertificates(ctx, p.ID, documents.DesignSimple, first, false); err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, first)
	numbers := regexp.MustCompile(`证书编号：(示范〔\d{4}〕\d{3})`).FindAllStringSubmatch(text, -1)
	if len(numbers) != len(certs) || strings.Contains(text, "草稿") {
		t.Fatalf("%d numbers for %d certificates: %s", len(numbers), len(certs), text)
	}
	for _, c := range certs {
		if !strings.Contains(text, c.Name) || !strings.Contains(text, c.Honour) {
			t.Errorf("%s (%s) missing", c.Name, c.Honour)
		}
	}
	year := o.Now().Year()
	if want, _ := documents.CertificateNumber(s.Pattern, year, 1); numbers[0][1] != want {
		t.Errorf("first number %s, want %s", numbers[0][1], want)
	}
	again := filepath.Join(dir, "再次.pdf")
	if err := o.ExportCertificates(ctx, p.ID, documents.DesignClassic, again, false); err != nil {
		t.Fatal(err)
	}
	numbers2 := regexp.MustCompile(`证书编号：(示范〔\d{4}〕\d{3})`).FindAllStringSubmatch(pdfTextOf(t, again), -1)
	for i := range numbers {
		if numbers2[i][1] != numbers[i][1] {
			t.Errorf("certificate %d numbered %s, then %s", i, numbers[i][1], numbers2[i][1])
		}
	}
	issued, err := o.store.IssuedCertificates(ctx, p.ID)
	if err != nil || len(issued) != len(certs) {
		t.Fatalf("issued %d, %v; want %d", len(issued), err, len(certs))
	}
	if s2, _ := o.CertificateSettings(ctx); s2.Next != len(certs)+1 {
		t.Errorf("next number %d, want %d", s2.Next, len(certs)+1)
	}
}

// TestCertificateSettingsRefused: a seal or background file that is gone,
// a background design without a background, a bad pattern, wild offsets:
// each refused in Chinese, and nothing written.
func TestCertificateSettingsRefused(t *testing.T) {
	o, p := demoWithForms(t)
	ctx := context.Background()
	dir := t.TempDir()
	out := filepath.Join(dir, "证书.pdf")
	s, _ := o.CertificateSettings(ctx)
	for _, c := range []struct {
		change func(*documents.CertificateSettings)
		want   string
	}{
		{func(s *documents.CertificateSettings) { s.Pattern = "QH〔{年}〕" }, "{序号}"},
		{func(s *documents.CertificateSettings) { s.OffsetX = 45 }, "偏移"},
		{func(s *documents.CertificateSettings) { s.Scale = 2 }, "缩放"},
	} {
		bad := s
		c.change(&bad)
		if err := o.SetCertificateSettings(ctx, bad); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("settings %+v: %v", bad, err)
		}
	}
	s.Seal = filepath.Join(dir, "没有这个印章.png")
	if err := o.SetCertificateSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := o.ExportCertificates(ctx, p.ID, "", out, false); err == nil || !strings.Contains(err.Error(), "找不到了") {
		t.Errorf("a seal that is gone: %v", err)
	}
	s.Seal = ""
	o.SetCertificateSettings(ctx, s)
	if err := o.ExportCertificates(ctx, p.ID, documents.DesignBackground, out, false); err == nil || !strings.Contains(err.Error(), "选择底图") {
		t.Errorf("no background: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused export left a file")
	}
}

// TestOverprintAndCalibration: 套打 prints on a page the blank's size,
// marked to print at 100%; the calibration page is written beside it; the
// preview carries the moved layout over the scanned blank.
func TestOverprintAndCalibration(t *testing.T) {
	o, p := demoWithForms(t)
	ctx := context.Background()
	dir := t.TempDir()
	s, _ := o.CertificateSettings(ctx)
	s.BlankW, s.BlankH, s.OffsetX, s.Scale = 270, 190, 2, 1.01
	if err := o.SetCertificateSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "套打.pdf")
	if err := o.ExportCertificates(ctx, p.ID, documents.DesignOverprint, path, false); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.Contains(data, []byte("/PrintScaling /None")) {
		t.Error("套打 without /PrintScaling /None")
	}
	if out, err := exec.Command("pdfinfo", path).Output(); err == nil && !strings.Contains(string(out), "765.35 x 538.58 pts") {
		t.Errorf("page size: %s", out)
	}
	cal := filepath.Join(dir, "校准页.pdf")
	if err := o.WriteCalibrationPage(ctx, cal, false); err != nil {
		t.Fatal(err)
	}
	if err := o.WriteCalibrationPage(ctx, cal, false); err != ErrFileExists {
		t.Errorf("a calibration page in the way: %v", err)
	}
	if text := pdfTextOf(t, cal); !strings.Contains(text, "横向+2.0毫米") {
		t.Errorf("calibration: %s", text)
	}
	pv, err := o.CertificatePreview(ctx, p.ID, documents.DesignOverprint)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := pv.Layout.Field(documents.FieldRecipient)
	g, _ := documents.DefaultOverprintLayout().Field(documents.FieldRecipient)
	if pv.Layout.Paper.W != 270 || f.Box.X != g.Box.X*1.01+2 || pv.Texts[documents.FieldRecipient] == "" || pv.Count < 3 {
		t.Errorf("preview: %+v", pv)
	}
}
