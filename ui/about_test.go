package ui

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestVersionMatchesFyneApp keeps Version equal to the version the package
// build stamps from FyneApp.toml, and checks 关于 shows it with the data file.
func TestVersionMatchesFyneApp(t *testing.T) {
	data, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version = "([^"]+)"`).FindSubmatch(data)
	if m == nil || string(m[1]) != Version {
		t.Fatalf("FyneApp.toml version %q, ui.Version %q", m, Version)
	}
	w, o := newTestWindow(t)
	w.Load()
	w.showAbout()
	all := shownText(w.win.Canvas().Overlays().Top())
	if !strings.Contains(all, "版本 "+Version) || !strings.Contains(all, o.Path()) {
		t.Errorf("关于 shows %q", all)
	}
}
