package office

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/documents"
)

// TestExportTablesOfTheDemo exports the ranking table (both designs), the
// commendation list and the star plaque list of the demo, as PDF and as
// xlsx, through ExportPaper, and reads each back: the PDF's text with
// pdftotext, the workbook with excelize.
func TestExportTablesOfTheDemo(t *testing.T) {
	o, p := demoWithForms(t)
	ctx := context.Background()
	paper, err := o.Paper(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	first := paper.Results.Units.Subjects[0]
	for _, sr := range paper.Results.Units.Subjects {
		if sr.Rank == 1 {
			first = sr
		}
	}
	dir := t.TempDir()
	for _, c := range []struct {
		kind, design string
		want         []string
	}{
		{"ranking", "", []string{"排名表", "名次", first.Name, first.Grade.String(), "一票否决", "党员排名表"}},
		{"ranking", documents.RankingByParent, []string{"排名表", first.Name, "个）"}},
		{"commendations", "", []string{"表彰名单", first.Name, "按姓氏笔画为序", "名）"}},
		{"plaques", "", []string{"星级牌名单", first.Name, first.BandName, "块）"}},
	} {
		for _, format := range []string{"pdf", "xlsx"} {
			path := filepath.Join(dir, c.kind+c.design+"."+format)
			if err := o.ExportPaper(ctx, p.ID, c.kind, format, path, PaperOptions{Design: c.design}); err != nil {
				t.Fatalf("%s %s: %v", c.kind, format, err)
			}
			b, _ := os.ReadFile(path)
			text := ""
			if format == "pdf" {
				if _, err := exec.LookPath("pdftotext"); err != nil {
					continue
				}
				out, err := exec.Command("pdftotext", path, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				text = strings.Join(strings.Fields(string(out)), "")
				if !strings.Contains(text, "草稿") {
					t.Errorf("%s.pdf of an open period is not marked 草稿", c.kind)
				}
			} else {
				f, err := excelize.OpenReader(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("%s.xlsx: %v", c.kind, err)
				}
				for _, sh := range f.GetSheetList() {
					rows, _ := f.GetRows(sh)
					for _, r := range rows {
						text += strings.Join(r, "")
					}
				}
				f.Close()
			}
			for _, w := range c.want {
				if c.kind == "ranking" && format == "xlsx" && w == "党员排名表" {
					continue
				}
				if !strings.Contains(text, w) {
					t.Errorf("%s %s (%s) lacks %q", c.kind, format, c.design, w)
				}
			}
		}
	}
}
