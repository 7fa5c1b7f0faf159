package office

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xingji/documents"
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
