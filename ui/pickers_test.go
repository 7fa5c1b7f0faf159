package ui

import (
	"strings"
	"testing"
)

// TestChooserSpeaksChinese opens a chooser as 导入花名册… does and reads every
// text in it: the places on the left are in Chinese (Fyne writes them in
// English), and so are its buttons.
func TestChooserSpeaksChinese(t *testing.T) {
	m, _ := newTestWindow(t)
	m.Load()
	d := pickFile(m.win, rosterExtensions, func(string) {}, func(error) {})
	defer d.Dismiss()
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the chooser did not open")
	}
	shown := shownText(top)
	for _, en := range []string{"Home", "Computer", "Cancel", "Open"} {
		if strings.Contains(shown, en) {
			t.Errorf("the chooser shows %q: %s", en, shown)
		}
	}
	if !strings.Contains(shown, "主文件夹") || !strings.Contains(shown, "取消") {
		t.Errorf("the chooser should show 主文件夹 and 取消: %s", shown)
	}
}
