package documents

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"xingji/importers/fixture"
	"xingji/scoring/builtin"
)

// TestSchemeSheetRendersToPDF prints an export through LibreOffice and
// rasterises the first page. Set XINGJI_RENDER_DIR to keep the PDF and the
// page images for a person to look at.
func TestSchemeSheetRendersToPDF(t *testing.T) {
	soffice := fixture.Tool(t, "soffice")
	pdftoppm := fixture.Tool(t, "pdftoppm")
	dir := os.Getenv("XINGJI_RENDER_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	xlsx := filepath.Join(dir, "wlmq.xlsx")
	if err := WriteSchemeSheetFile(xlsx, builtin.Wlmq()); err != nil {
		t.Fatal(err)
	}
	profile := "file://" + filepath.ToSlash(t.TempDir())
	out, err := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless",
		"--convert-to", "pdf", "--outdir", dir, xlsx).CombinedOutput()
	pdf := filepath.Join(dir, "wlmq.pdf")
	if _, statErr := os.Stat(pdf); err != nil || statErr != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
	if out, err := exec.Command(pdftoppm, "-png", "-r", "60", pdf, filepath.Join(dir, "wlmq")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "wlmq-*.png"))
	if len(pages) == 0 {
		t.Fatal("no page images")
	}
	t.Logf("%d pages rendered in %s", len(pages), dir)
}
