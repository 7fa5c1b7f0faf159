package office

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"xingji/documents"
	"xingji/model"
	"xingji/scoring"
)

// pdfFlat is a PDF's text as pdftotext reads it, white space removed.
func pdfFlat(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// TestFeedbackOfTheDemo exports the demo's feedback reports through
// ExportPaper, as one PDF and as a .zip of one PDF per unit (seed 003
// 四(四): "并将考核结果反馈到各党支部"), and reads them back against the
// results: each unit's name, every item with its 分值, 自评, 考评, 得分 and the
// committee's average (the mean over the ranked units, rounded to two
// decimals), its grade total and rank; the vetoed unit's report says
// 一票否决 with its reason; 柳河乡永营村党支部's names its cap.
func TestFeedbackOfTheDemo(t *testing.T) {
	o, p := demoWithForms(t)
	ctx := context.Background()
	paper, err := o.Paper(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	res := paper.Results
	dir := filepath.Join(t.TempDir(), "反馈 报告")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, documents.FileName(p.Name, documents.FeedbackKind, "pdf"))
	if err := o.ExportPaper(ctx, p.ID, "feedback", "", path, PaperOptions{}); err != nil {
		t.Fatal(err)
	}
	pdf, _ := os.ReadFile(path)
	all := pdfFlat(t, pdf)

	// The committee's average of each item and of the grade total, by hand.
	sums, counts := map[string]model.Decimal{}, map[string]int64{}
	var grades model.Decimal
	ranked := 0
	for _, sr := range res.Units.Subjects {
		if sr.Disqualified {
			continue
		}
		ranked++
		grades = grades.Add(sr.Grade)
		for _, it := range sr.Items {
			sums[it.Item] = sums[it.Item].Add(it.Score)
			counts[it.Item]++
		}
	}
	if ranked != 8 {
		t.Fatalf("the demo ranks %d units, want 8", ranked)
	}
	avgGrade := grades.DivInt(int64(ranked)).Round(2)
	var vetoed, capped *scoring.SubjectResult
	for i := range res.Units.Subjects {
		sr := &res.Units.Subjects[i]
		if sr.Disqualified {
			vetoed = sr
		}
		if sr.Name == "柳河乡永营村党支部" {
			capped = sr
		}
		if !strings.Contains(all, "考核结果反馈表"+sr.Name) {
			t.Errorf("no report for %s", sr.Name)
		}
		for k, it := range sr.Items {
			self, _ := sr.Sources[0].Items.At(k)
			review, _ := sr.Sources[1].Items.At(k)
			selfText := self.String()
			if sr.Sources[0].Source != model.SourceSelf || sr.Sources[1].Source != model.SourceReview {
				t.Fatalf("the demo's sources: %+v", sr.Sources)
			}
			if !sr.Sources[0].Present {
				selfText = "未评"
			}
			avg := sums[it.Item].DivInt(counts[it.Item]).Round(2)
			row := res.ItemName(sr.ID, it.Item) + it.Max.String() + selfText + review.String() + it.Score.String() + avg.String()
			if !strings.Contains(all, row) {
				t.Errorf("%s: no row %q", sr.Name, row)
			}
		}
		if !sr.Disqualified {
			want := fmt.Sprintf("等级总分%s（全委平均%s）", model.PointsText(sr.Grade), model.PointsText(avgGrade))
			if !strings.Contains(all, sr.Name+"考核单位"+paper.Committee+want) {
				t.Errorf("%s: no %q", sr.Name, want)
			}
			if rank := fmt.Sprintf("名次第%d名，共%d个", sr.Rank, ranked); !strings.Contains(all, want+"等次"+sr.BandName+rank) {
				t.Errorf("%s: no %s after its band", sr.Name, rank)
			}
		}
	}
	if vetoed == nil || capped == nil {
		t.Fatal("the demo has no vetoed or no capped unit")
	}
	reason := ""
	for _, e := range res.Data.Entries {
		if e.Subject == vetoed.ID && e.Kind == model.EntryVeto {
			reason = e.Reason
		}
	}
	if reason == "" || !strings.Contains(all, "一票否决："+res.VetoTitle(vetoed.ID, vetoed.Vetoes[0])+"。原因："+reason) {
		t.Errorf("%s's veto and its reason %q are not on its report", vetoed.Name, reason)
	}
	if !strings.Contains(all, "限制条件·"+res.CapTitle(capped.ID, capped.Caps[0])+"：") {
		t.Errorf("%s's cap is not on its report", capped.Name)
	}

	// One PDF per scored or vetoed unit, in a .zip, named by the unit.
	zpath := filepath.Join(dir, documents.FileName(p.Name, documents.FeedbackKind, "zip"))
	if err := o.ExportPaper(ctx, p.ID, "feedback", "zip", zpath, PaperOptions{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(zpath)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(res.Units.Subjects) {
		t.Errorf("%d files in the zip for %d units", len(zr.File), len(res.Units.Subjects))
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
		if f.Flags&0x800 == 0 {
			t.Errorf("%s is not flagged UTF-8", f.Name)
		}
	}
	for _, u := range res.Data.Units {
		if res.Unit(fmt.Sprintf("u:%d", u.ID)) != nil && !names[documents.FeedbackFileName(u)] {
			t.Errorf("no %s in the zip (has %v)", documents.FeedbackFileName(u), names)
		}
	}
	if !names["QH-02-05 柳河乡永营村党支部 反馈报告.pdf"] {
		t.Errorf("zip names: %v", names)
	}
}
