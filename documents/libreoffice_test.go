package documents

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"xingji/importers/fixture"
)

// TestWorkbooksOpenInLibreOffice: every workbook the paper kinds write
// opens in LibreOffice (converted headless to PDF, which fails on a file it
// would have to repair) and its text reads back, the rare character of a
// unit's name included.
func TestWorkbooksOpenInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice takes a while")
	}
	p := syntheticPaper(t, 30, 12, true)
	dir := t.TempDir()
	for name, write := range map[string]func(*Paper) ([]byte, error){
		"排名表":   func(p *Paper) ([]byte, error) { return RankingXLSX(p, "") },
		"表彰名单":  CommendationsXLSX,
		"星级牌名单": PlaquesXLSX,
	} {
		b, err := write(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		pdf := fixture.Convert(t, path, "pdf", "", dir)
		out, err := exec.Command(fixture.Tool(t, "pdftotext"), pdf, "-").Output()
		if err != nil {
			t.Fatalf("%s: pdftotext: %v", name, err)
		}
		text := strings.Join(strings.Fields(string(out)), "")
		if !strings.Contains(text, p.Period.Name) || !strings.Contains(text, "草稿") {
			t.Errorf("%s as LibreOffice prints it lacks the title or 草稿: %.300s", name, text)
		}
	}
}
