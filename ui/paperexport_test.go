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

// printerFor is a system that registers printing for PDF files only, as
// Windows does where Adobe Reader or WPS is the PDF program.
type printerFor struct {
	ext     string
	printed *[]string
}

func (p printerFor) CanPrint(path string) bool { return filepath.Ext(path) == p.ext }
func (p printerFor) Print(path string) error {
	*p.printed = append(*p.printed, path)
	return nil
}

// TestPaperExportPrintsWhereTheSystemCan: 打印 is offered beside 打开文件
// only for a file the system can print directly, and hands it over.
func TestPaperExportPrintsWhereTheSystemCan(t *testing.T) {
	m, _, s := openDemoResults(t)
	var printed []string
	m.Printer = printerFor{ext: ".pdf", printed: &printed}
	test.Tap(s.paperBtn)
	e := s.paperDlg
	e.kind.SetSelected("排名表")
	dir := t.TempDir()
	for i, f := range []string{"pdf", "xlsx"} {
		e.format.SetSelectedIndex(i)
		test.Tap(e.exportBtn)
		answerChooser(t, filepath.Join(dir, "排名表"))
		if f == "xlsx" {
			if e.printBtn != nil {
				t.Fatal("打印 offered for a workbook the system cannot print")
			}
			continue
		}
		if e.printBtn == nil {
			t.Fatal("打印 not offered for a PDF the system can print")
		}
		test.Tap(e.printBtn)
		if len(printed) != 1 || printed[0] != filepath.Join(dir, "排名表.pdf") || !strings.Contains(m.status.Text, "已交给打印程序") {
			t.Fatalf("printed %v, status %q", printed, m.status.Text)
		}
		e.done.Hide()
	}
}
