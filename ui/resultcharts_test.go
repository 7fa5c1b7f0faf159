package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestResultChartsTab opens 统计图 beside the demo's ranking: three charts
// of the nine village branches, drawn again for the members when the view
// changes, and saved as one picture of the three charts for paper.
func TestResultChartsTab(t *testing.T) {
	m, _, s := openDemoResults(t)
	c := s.charts
	if c.ready {
		t.Fatal("the charts are drawn only once their tab is chosen")
	}
	s.side.Select(c.tab)
	if !c.ready || c.saveBtn.Disabled() {
		t.Fatalf("the charts should be drawn: note %q", c.note.Text)
	}
	for i, img := range c.images {
		if img.Image == nil {
			t.Fatalf("chart %d is empty", i)
		}
		if b := img.Image.Bounds(); b.Dx() != chartWidth*chartScale || b.Dy() != chartHeight*chartScale {
			t.Errorf("chart %d is %v", i, b)
		}
		if sz := img.Size(); sz.Width < chartWidth-1 || sz.Height < chartHeight-1 {
			t.Errorf("chart %d shows %v, want at least %d×%d", i, sz, chartWidth, chartHeight)
		}
	}
	if c.shown.stars.Total() != 9 || c.shown.stars.Noun != "党组织" || !strings.Contains(c.note.Text, "共9个党组织") {
		t.Errorf("the demo's nine branches: %+v, note %q", c.shown.stars, c.note.Text)
	}
	windowShot(t, m.win, "results-charts.png")

	s.viewSelect.SetSelected(viewMembers)
	if c.shown.stars.Noun != "党员" || !strings.Contains(c.note.Text, "名党员") {
		t.Errorf("the members' view should draw the members' charts: %+v, note %q", c.shown.stars, c.note.Text)
	}
	windowShot(t, m.win, "results-charts-members.png")
	s.viewSelect.SetSelected(viewUnits)

	// Another tab, a new computation: drawn again only when chosen again.
	s.side.SelectIndex(0)
	s.compute()
	if !c.stale {
		t.Error("new results should mark the hidden charts out of date")
	}
	s.side.Select(c.tab)
	if c.stale || !c.ready {
		t.Error("choosing the tab should draw them")
	}

	test.Tap(c.saveBtn)
	path := filepath.Join(t.TempDir(), "统计 图.png")
	answerChooser(t, path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("the picture should be saved: %v (status %q)", err, m.status.Text)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 1200 || b.Dy() < 3*b.Dx()/2 {
		t.Errorf("three charts for paper, one under another: %v", b)
	}
	if !strings.Contains(m.status.Text, "已导出统计图") {
		t.Errorf("status %q", m.status.Text)
	}
}
