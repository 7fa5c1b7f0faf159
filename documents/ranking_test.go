package documents

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// pdfPages returns the text of each page of a PDF as pdftotext reads it,
// spaces removed; skipped when poppler-utils is missing.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	for i := range pages {
		pages[i] = strings.Join(strings.Fields(pages[i]), "")
	}
	return pages
}

// inOrder reports whether every character of want is in s in order (a
// name wrapped in its cell comes back in pieces).
func inOrder(s, want string) bool {
	w := []rune(want)
	j := 0
	for _, r := range s {
		if j < len(w) && r == w[j] {
			j++
		}
	}
	return j == len(w)
}

func TestRankingPDFByRank(t *testing.T) {
	p := syntheticPaper(t, 120, 30, true)
	pdf, err := RankingPDF(p, "")
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	all := strings.Join(pages, "")
	for i, pg := range pages {
		if !strings.Contains(pg, "草稿") {
			t.Errorf("page %d is not marked 草稿", i+1)
		}
		if i == len(pages)-1 {
			// The last page holds the charts.
			if !strings.Contains(pg, "统计图") || !strings.Contains(pg, "星级分布") {
				t.Errorf("the last page is not the charts: %.200s", pg)
			}
			continue
		}
		if !strings.Contains(pg, "名次") {
			t.Errorf("page %d has no header", i+1)
		}
	}
	if !strings.Contains(pages[0], "2026年度村党支部星级评定排名表") || !strings.Contains(pages[0], "中共示范县委员会二〇二六年十二月二日") {
		t.Errorf("the title or the committee is missing: %.200s", pages[0])
	}
	// Every unit with its rank and grade; the first (long, with 堃) wraps.
	if !inOrder(all, "1第1镇堃山村党支部（含流动党员服务站及驻村第一书记工作队联合党支部）第1镇党委农村99") {
		t.Errorf("the first unit is not whole")
	}
	for _, sr := range p.Results.Units.Subjects[1:] {
		if !strings.Contains(all, sr.Name) || !strings.Contains(all, score(sr.Grade)) {
			t.Errorf("%s %s missing", sr.Name, score(sr.Grade))
		}
	}
	// Vetoed units after the ranked ones, with why.
	if strings.LastIndex(all, "↑") > strings.Index(all, "一票否决：违反安全生产") {
		t.Errorf("a vetoed unit is listed among the ranked ones")
	}
	// Against the reversed previous period the first moved up 119 places.
	if !strings.Contains(all, "↑119") || !strings.Contains(all, "★★★★★五星级") {
		t.Errorf("change or stars missing")
	}
	// The members' ranking on pages of its own.
	k := 0
	for k < len(pages) && !strings.Contains(pages[k], "党员排名表") {
		k++
	}
	if k == len(pages) || strings.Contains(pages[k], "第120村") || !strings.Contains(pages[k], "王堃1") {
		t.Errorf("the members' ranking does not start a page of its own")
	}
}

func TestRankingGroupedByParent(t *testing.T) {
	p := syntheticPaper(t, 100, 0, false)
	pdf, err := RankingPDF(p, RankingByParent)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfPages(t, pdf), "")
	one, two := strings.Index(all, "第1镇党委（50个）"), strings.Index(all, "第2镇党委（50个）")
	if one < 0 || two < one {
		t.Fatalf("groups missing or out of the committee's order: %d %d", one, two)
	}
	if i := strings.Index(all, "第2镇第2村党支部"); i < two {
		t.Errorf("a unit of the second town is listed before its group")
	}
	if strings.Contains(all, "较上期") {
		t.Errorf("a change column without a previous period")
	}
	if _, err := RankingPDF(p, "按心情"); err == nil || !strings.Contains(err.Error(), "样式") {
		t.Errorf("an unknown design: %v", err)
	}
}

func TestRankingXLSX(t *testing.T) {
	p := syntheticPaper(t, 60, 20, true)
	b, err := RankingXLSX(p, "")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "党组织排名" || got[1] != "党员排名" {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := f.GetRows("党组织排名")
	if !strings.Contains(rows[0][0], "排名表") || !strings.Contains(rows[0][0], "草稿") {
		t.Errorf("title %q", rows[0][0])
	}
	head := rows[3]
	if strings.Join(head, "|") != "名次|党组织|上级党组织|类别|等级总分|星级|较上期|说明" {
		t.Errorf("header %q", head)
	}
	if rows[4][1] != p.Results.Units.Subjects[0].Name || rows[4][0] != "1" || rows[4][4] != "99" {
		t.Errorf("first row %q", rows[4])
	}
	if v, _ := f.GetCellType("党组织排名", "E5"); v != excelize.CellTypeNumber && v != excelize.CellTypeUnset {
		t.Errorf("the grade is not a number: %v", v)
	}
	panes, _ := f.GetPanes("党组织排名")
	if !panes.Freeze || panes.YSplit != 4 {
		t.Errorf("panes %+v", panes)
	}
	names := f.GetDefinedName()
	found := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == "党组织排名" && strings.Contains(n.RefersTo, "$4:$4") {
			found = true
		}
	}
	if !found {
		t.Errorf("no print titles: %+v", names)
	}
	mrows, _ := f.GetRows("党员排名")
	if mrows[4][1] != "王堃1" {
		t.Errorf("members %q", mrows[4])
	}
}

func TestNoResultsRefused(t *testing.T) {
	p := syntheticPaper(t, 3, 0, false)
	p.Results.Units.Subjects = nil
	for name, f := range map[string]func() ([]byte, error){
		"ranking":       func() ([]byte, error) { return RankingPDF(p, "") },
		"commendations": func() ([]byte, error) { return CommendationsXLSX(p) },
		"plaques":       func() ([]byte, error) { return PlaquesPDF(p) },
	} {
		if _, err := f(); err == nil || !strings.Contains(err.Error(), "请先导入填报表") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// BenchmarkRanking5000XLSX: issue 10 asks ≤ 2 s for 5,000 units.
func BenchmarkRanking5000XLSX(b *testing.B) {
	p := syntheticPaper(b, 5000, 0, true)
	for b.Loop() {
		if _, err := RankingXLSX(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRanking5000PDF: issue 10 asks ≤ 5 s for 5,000 units.
func BenchmarkRanking5000PDF(b *testing.B) {
	p := syntheticPaper(b, 5000, 0, true)
	for b.Loop() {
		if _, err := RankingPDF(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}
