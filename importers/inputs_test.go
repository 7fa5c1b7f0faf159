package importers

import (
	"archive/zip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"xingji/model"
)

// "Folders are searched through, .zip archives opened; an archive inside an
// archive is refused by name, lock and hidden files are skipped, a missing
// path is reported."
func TestExpandInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("收件/b.csv", []byte("x"))
	write("收件/a.xlsx", []byte("x"))
	write("收件/~$a.xlsx", []byte("x"))
	write("收件/.hidden.csv", []byte("x"))
	write("收件/说明.txt", []byte("x"))
	f, err := os.Create(filepath.Join(dir, "收件", "c.zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, text := range map[string]string{"d.csv": "内容", "e.zip": "", "__MACOSX/d.csv": ""} {
		w, _ := zw.Create(name)
		w.Write([]byte(text))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	missing := filepath.Join(dir, "不存在.xlsx")
	ins, bad, closers := ExpandInputs([]string{filepath.Join(dir, "收件"), missing})
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	var labels []string
	for _, in := range ins {
		labels = append(labels, in.Label)
	}
	if want := []string{"a.xlsx", "b.csv", "c.zip/d.csv"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("inputs %v, want %v", labels, want)
	}
	if data, err := ins[2].Read(); err != nil || string(data) != "内容" {
		t.Errorf("reading c.zip/d.csv: %q, %v", data, err)
	}
	if len(bad) != 2 || bad[0].Name != "c.zip/e.zip" || !strings.Contains(bad[0].Problems[0], "压缩包里又套了压缩包") ||
		bad[1].Name != missing || !strings.Contains(bad[1].Problems[0], "找不到这个文件或文件夹") {
		t.Errorf("rejected: %+v", bad)
	}
	for _, b := range bad {
		if b.Outcome != model.OutcomeRejected {
			t.Errorf("%s: outcome %v, want rejected", b.Name, b.Outcome)
		}
	}
}
