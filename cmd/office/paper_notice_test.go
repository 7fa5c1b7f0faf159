package office

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"xingji/documents"
	"xingji/importers/fixture"
	"xingji/model"
)

// TestExportNoticeOfTheDemo exports the demo's 公示 as PDF and .docx with
// the office's settings: the PDF's text (pdftotext) carries the title,
// every unit's name, the dates from the settings, the phone, the address,
// the real-name sentence and the committee; bad settings are refused.
func TestExportNoticeOfTheDemo(t *testing.T) {
	o, p := demoWithForms(t)
	ctx := context.Background()
	if s, err := o.NoticeSettings(ctx); err != nil || s != (model.NoticeSettings{}) {
		t.Fatalf("unset notice settings: %+v, %v", s, err)
	}
	if err := o.SetNoticeSettings(ctx, model.NoticeSettings{Phone: "13912345678x"}); err == nil {
		t.Fatal("a bad phone number was stored")
	}
	set := model.NoticeSettings{Phone: "（0931）８１２３４５６，13912345678", Address: "示范镇人民路1号镇党委组织办",
		Days: 5, WorkingDays: true, Start: model.D(2026, 12, 4)}
	if err := o.SetNoticeSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	if got, _ := o.NoticeSettings(ctx); got.Phone != "0931-8123456、13912345678" || got.Days != 5 || !got.WorkingDays {
		t.Fatalf("stored settings: %+v", got)
	}
	dir := filepath.Join(t.TempDir(), "公示 输出")
	os.MkdirAll(dir, 0o755)
	pdf := filepath.Join(dir, documents.FileName(p.Name, "公示通知", "pdf"))
	if err := o.ExportPaper(ctx, p.ID, "notice", "", pdf, PaperOptions{}); err != nil {
		t.Fatal(err)
	}
	docx := filepath.Join(dir, documents.FileName(p.Name, "公示通知", "docx"))
	if err := o.ExportPaper(ctx, p.ID, "notice", "docx", docx, PaperOptions{Design: documents.NoticeByAward}); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("XINGJI_KEEP") != "" {
		exec.Command("cp", pdf, docx, os.Getenv("XINGJI_KEEP")).Run()
	}
	out, err := exec.Command(fixture.Tool(t, "pdftotext"), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	paper, _ := o.Paper(ctx, p.ID)
	want := []string{"关于" + p.Name + "结果的公示", p.Scheme.Name, "公示时间：2026年12月4日至2026年12月10日（5个工作日）",
		"0931-8123456、13912345678", "示范镇人民路1号镇党委组织办", documents.RealNameRule, paper.Committee, paper.Date.Chinese(), "草稿"}
	for _, sr := range paper.Results.Units.Subjects {
		want = append(want, sr.Name)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the notice lacks %q", w)
		}
	}
	if err := o.ExportPaper(ctx, p.ID, "notice", "", pdf, PaperOptions{Overwrite: true, Design: "花哨"}); err == nil || !strings.Contains(err.Error(), "按等次") {
		t.Errorf("an unknown design: %v", err)
	}
}
