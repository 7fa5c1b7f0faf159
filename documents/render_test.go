package documents

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"xingji/scoring/builtin"
)

// needTool returns the path of a program, skipping the test when it is
// missing unless XINGJI_REQUIRE_TOOLS=1.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("XINGJI_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (XINGJI_REQUIRE_TOOLS=1): %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// TestSchemeSheetRendersToPDF prints an export through LibreOffice and
// rasterises the first page. Set XINGJI_RENDER_DIR to keep the PDF and the
// page images for a person to look at.
func TestSchemeSheetRendersToPDF(t *testing.T) {
	soffice := needTool(t, "soffice")
	pdftoppm := needTool(t, "pdftoppm")
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
