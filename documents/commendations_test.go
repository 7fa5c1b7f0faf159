package documents

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCommendationListOrder: the units of an award are grouped by parent
// in the committee's order; the people are listed "按姓氏笔画为序" (丁 2
// strokes before 王 4 before 刘 6 before 陈 7 before 周 8 before 黄 11).
func TestCommendationListOrder(t *testing.T) {
	p := syntheticPaper(t, 100, 6, false)
	names := []string{"黄堃", "周五", "陈七", "刘一", "王二", "丁一"}
	for i, n := range names {
		p.Results.Data.Members[i].Name = n
		sr := &p.Results.Members.Subjects[i]
		sr.Name, sr.Band, sr.BandName = n, p.Results.Members.Subjects[0].Band, p.Results.Members.Subjects[0].BandName
	}
	b, err := CommendationsXLSX(p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("表彰名单")
	var people []string
	groups := []string{}
	for _, r := range rows {
		if len(r) == 1 && strings.HasSuffix(r[0], "个）") && strings.Contains(r[0], "镇党委") {
			groups = append(groups, r[0])
		}
		if len(r) == 3 && r[0] != "序号" && strings.ContainsAny(r[1], "黄周陈刘王丁") {
			people = append(people, r[1])
		}
	}
	if got := strings.Join(people, " "); got != "丁一 王二 刘一 陈七 周五 黄堃" {
		t.Errorf("people: %s", got)
	}
	if len(groups) < 2 || !strings.HasPrefix(groups[0], "第1镇党委") || !strings.HasPrefix(groups[1], "第2镇党委") {
		t.Errorf("groups: %v", groups)
	}
	pdf, err := CommendationsPDF(p)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfPages(t, pdf), "")
	if !inOrder(all, "丁一王二刘一陈七周五黄堃") || !strings.Contains(all, "五星级党支部（") {
		t.Errorf("the PDF: %.400s", all)
	}
}

// TestPlaqueList: every unit with a star, best band first, counted; the
// change against the previous period; a unit vetoed now loses its plaque
// (摘星).
func TestPlaqueList(t *testing.T) {
	p := syntheticPaper(t, 100, 0, true)
	// The 97th unit is vetoed now; give it four stars last period.
	prev := &p.Previous.Units.Subjects[96]
	prev.Disqualified, prev.BandName, prev.Band, prev.Rank = false, "四星级", "4", 5
	pdf, err := PlaquesPDF(p)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(pdfPages(t, pdf), "")
	five, four := strings.Index(all, "五星级（"), strings.Index(all, "四星级（")
	if five < 0 || four < five {
		t.Errorf("bands out of order: %d %d", five, four)
	}
	if !strings.Contains(all, "摘星（收回星级牌1块）") || !inOrder(all, p.Results.Units.Subjects[96].Name+"★★★★四星级") {
		t.Errorf("the plaque taken down is missing")
	}
	if !strings.Contains(all, "共") || !strings.Contains(all, "块：五星级") {
		t.Errorf("no counts")
	}
	if _, err := PlaquesXLSX(p); err != nil {
		t.Fatal(err)
	}
}
