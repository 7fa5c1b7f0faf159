package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"xingji/documents"
)

// buttonNamed finds the button with the given label in the window.
func certButton(t *testing.T, s *CertificatesScreen, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o any)
	walk = func(o any) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == label {
				found = x
			}
		}
	}
	for _, o := range test.LaidOutObjects(s.win.Content()) {
		walk(o)
	}
	if found == nil {
		t.Fatalf("no button %q", label)
	}
	return found
}

// TestCertificatesWindow opens 荣誉证书… from the results, previews the
// demo's first certificate, switches to 套打 with offsets, refuses a
// number that is not one, exports the batch and the calibration page
// through the chooser, and refuses a seal that is not a PNG: every button
// pressed.
func TestCertificatesWindow(t *testing.T) {
	_, _, rs := openDemoResults(t)
	test.Tap(rs.certsBtn)
	s := rs.certificates
	if s == nil || !strings.Contains(s.summary.Text, "本批共") || len(s.preview.Objects) < 5 || s.previewSize.Width < 500 {
		t.Fatalf("preview: %q, %d objects, %v", s.summary.Text, len(s.preview.Objects), s.previewSize)
	}
	if !strings.Contains(s.summary.Text, "草稿") {
		t.Errorf("the demo period is open: %q", s.summary.Text)
	}
	s.design.SetSelected(documents.DesignOverprint)
	if !strings.Contains(s.summary.Text, "套打只印文字") || s.set.Design != documents.DesignOverprint {
		t.Fatalf("套打: %q, %+v", s.summary.Text, s.set)
	}
	s.offsetX.SetText("1.5")
	s.scale.SetText("99")
	test.Tap(certButton(t, s, "保存设置并刷新预览"))
	if s.set.OffsetX != 1.5 || s.set.Scale != 0.99 || s.lastError != "" {
		t.Fatalf("offsets: %+v, %q", s.set, s.lastError)
	}
	s.offsetY.SetText("两毫米")
	test.Tap(certButton(t, s, "保存设置并刷新预览"))
	if !strings.Contains(s.lastError, "不是数字") {
		t.Fatalf("a number that is not one: %q", s.lastError)
	}
	s.offsetY.SetText("0")
	s.paper.SetSelected(paperA3)
	s.design.SetSelected(documents.DesignClassic)

	dir := t.TempDir()
	out := filepath.Join(dir, "荣誉证书.pdf")
	test.Tap(s.exportBtn)
	pending.choose(out)
	if st, err := os.Stat(out); err != nil || st.Size() < 1000 || !strings.Contains(s.summary.Text, "已导出") {
		t.Fatalf("export: %v, %q", err, s.summary.Text)
	}
	cal := filepath.Join(dir, "校准页.pdf")
	test.Tap(s.calibBtn)
	pending.choose(cal)
	if st, err := os.Stat(cal); err != nil || st.Size() < 1000 {
		t.Fatalf("calibration page: %v, %q", err, s.summary.Text)
	}

	bad := filepath.Join(dir, "印章.png")
	os.WriteFile(bad, []byte("不是图片"), 0o644)
	test.Tap(certButton(t, s, "选择印章图片…"))
	pending.choose(bad)
	if !strings.Contains(s.lastError, "印章图片无法读取") {
		t.Fatalf("a seal that is not a PNG: %q", s.lastError)
	}
	test.Tap(certButton(t, s, "不用印章"))
	if s.lastError != "" || s.set.Seal != "" {
		t.Fatalf("no seal: %q", s.lastError)
	}
	test.Tap(certButton(t, s, "选择底图…"))
	pending.choose(bad)
	test.Tap(certButton(t, s, "选择空白证书扫描图…"))
	pending.choose(bad)
	s.design.SetSelected(documents.DesignBackground)
	if !strings.Contains(s.lastError, "底图无法读取") {
		t.Fatalf("a background that is not an image: %q", s.lastError)
	}
	test.Tap(certButton(t, s, "关闭"))
}
