package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestPaperExportEveryKind presses 打印与导出… on the demo's results and
// exports every kind of document in every format through the dialog, as a
// clerk would: choose the document and the format, 导出…, answer the
// chooser; each file lands where chosen, is a PDF, a workbook, a Word file
// or an archive by its first bytes, and the done dialog's buttons open it
// and its folder.
func TestPaperExportEveryKind(t *testing.T) {
	m, _, s := openDemoResults(t)
	test.Tap(s.paperBtn)
	e := s.paperDlg
	if e == nil || len(e.kinds) == 0 {
		t.Fatal("打印与导出 offers no documents")
	}
	dir := filepath.Join(t.TempDir(), "打印 文书")
	os.MkdirAll(dir, 0o755)
	exported := 0
	for _, k := range e.kinds {
		e.kind.SetSelected(k.Label)
		for fi, f := range k.Formats {
			e.format.SetSelectedIndex(fi)
			path := filepath.Join(dir, k.Code+"-"+f+" 文件")
			test.Tap(e.exportBtn)
			answerChooser(t, path)
			path += "." + f
			if !strings.Contains(m.status.Text, "已导出"+k.Label) {
				t.Fatalf("%s (%s): status %q", k.Label, f, m.status.Text)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%s (%s): %v", k.Label, f, err)
			}
			magic := map[string][]byte{"pdf": []byte("%PDF-"), "xlsx": []byte("PK"), "docx": []byte("PK"), "zip": []byte("PK")}[f]
			if !bytes.HasPrefix(data, magic) {
				t.Errorf("%s (%s) does not start as a .%s file: %q", k.Label, f, f, data[:min(8, len(data))])
			}
			if e.done == nil || e.lastPath != path {
				t.Fatalf("%s (%s): no done dialog for %s", k.Label, f, path)
			}
			test.Tap(e.openBtn)
			test.Tap(e.folder)
			e.done.Hide()
			exported++
		}
	}
	test.Tap(e.closeBtn)
	t.Logf("%d documents exported through the dialog", exported)
}
