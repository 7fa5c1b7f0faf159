package office

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xingji/documents"
	"xingji/model"
)

// TestExportPaperNeverOverwritesUnasked registers a kind that writes the
// committee and the period's name, and checks ExportPaper's promises: the
// document lands at the path whole, a file in the way is left alone unless
// told, a missing folder is named, and a failing writer leaves nothing.
func TestExportPaperNeverOverwritesUnasked(t *testing.T) {
	fail := false
	registerPaper(PaperKind{Code: "test-kind", Label: "测试文书", Order: 999, Formats: []string{"txt"},
		Write: func(_ context.Context, _ *Office, p *documents.Paper, format string, _ PaperOptions) ([]byte, error) {
			if fail {
				return nil, errors.New("写不出来")
			}
			return []byte(p.Committee + "|" + p.Period.Name + "|" + format), nil
		}})
	t.Cleanup(func() { paperKinds = paperKinds[:len(paperKinds)-1] })
	o, p := demoOffice(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "文书 输出")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, documents.FileName(p.Name, "测试文书", "txt"))
	if err := o.ExportPaper(ctx, p.ID, "test-kind", "", path, PaperOptions{}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if parts := strings.Split(string(got), "|"); len(parts) != 3 || parts[0] == "" || parts[1] != p.Name || parts[2] != "txt" {
		t.Fatalf("written: %q", got)
	}
	os.WriteFile(path, []byte("办公室自己改过的"), 0o644)
	if err := o.ExportPaper(ctx, p.ID, "test-kind", "", path, PaperOptions{}); !errors.Is(err, ErrFileExists) {
		t.Fatalf("a file in the way: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "办公室自己改过的" {
		t.Fatalf("the file in the way was changed: %q", got)
	}
	fail = true
	if err := o.ExportPaper(ctx, p.ID, "test-kind", "", path, PaperOptions{Overwrite: true}); err == nil {
		t.Fatal("a failing writer reported success")
	}
	if got, _ := os.ReadFile(path); string(got) != "办公室自己改过的" {
		t.Fatalf("a failed export changed the file: %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".xingji-*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	err := o.ExportPaper(ctx, p.ID, "test-kind", "", filepath.Join(dir, "没有的文件夹", "a.txt"), PaperOptions{})
	if err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Fatalf("a missing folder: %v", err)
	}
	if err := o.ExportPaper(ctx, p.ID, "test-kind", "docx", path, PaperOptions{Overwrite: true}); err == nil {
		t.Fatal("a format the kind does not have was accepted")
	}
}

// demoWithForms is demoOffice with the demo's filled forms imported: the
// demo period has results (9 village branches ranked, members appraised).
func demoWithForms(t *testing.T) (*Office, model.Period) {
	t.Helper()
	o, p := demoOffice(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "示范 填报表")
	if _, err := o.WriteDemoSubmissions(ctx, p.ID, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := o.ImportForms(ctx, []string{dir}, nil); err != nil {
		t.Fatal(err)
	}
	return o, p
}

// TestAwardsOfTheDemo: the demo's awards are the best band held by its
// units and by its members, each recipient holding that
// band in the results, none vetoed, in rank order.
func TestAwardsOfTheDemo(t *testing.T) {
	o, p := demoWithForms(t)
	paper, err := o.Paper(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if paper.Committee == "" || !paper.Draft {
		t.Fatalf("committee %q, draft %v (the demo period is open)", paper.Committee, paper.Draft)
	}
	awards := documents.Awards(paper)
	if len(awards) < 2 {
		t.Fatalf("awards: %+v", awards)
	}
	// The best band held: the demo's quota (五星 ≤ 10% of 9 units) leaves no 五星.
	top := p.Scheme.Bands[1]
	redFlag := ""
	if p.Scheme.RedFlag != nil {
		redFlag = p.Scheme.RedFlag.Name
	}
	seen := map[string]bool{}
	for _, a := range awards {
		seen[a.Honour] = true
		last := 0
		for _, r := range a.Recipients {
			if r.Rank < last {
				t.Errorf("%s: %s out of rank order", a.Honour, r.Name)
			}
			last = r.Rank
			var sr = paper.Results.Unit(r.Key)
			if !a.Collective {
				sr = paper.Results.Member(r.Key)
			}
			if sr == nil || sr.Disqualified {
				t.Errorf("%s: %s (%s) is not a scored, eligible subject", a.Honour, r.Name, r.Key)
				continue
			}
			if a.Collective && a.Honour != redFlag && sr.Band != top.Code {
				t.Errorf("%s: %s has band %s", a.Honour, r.Name, sr.BandName)
			}
			if r.Unit == "" {
				t.Errorf("%s: %s has no unit", a.Honour, r.Name)
			}
		}
	}
	if want := strings.TrimSuffix(top.Name, "级") + "级党支部"; !seen[want] {
		t.Errorf("no %s among %v", want, seen)
	}
}
