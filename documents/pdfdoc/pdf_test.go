package pdfdoc

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sample lays out what every document kind uses: a title, a paragraph long
// enough to wrap, a table over several pages with long unit names, and a
// fitted box.
func sample(t *testing.T, draft bool) []byte {
	t.Helper()
	d, err := New(Options{Size: A4Landscape, Title: "测试", Draft: draft, PageNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	d.Font(Sans, 18)
	d.TextAt(d.Margin(), d.Y(), d.ContentWidth(), "中共示范镇委员会2026年度党支部星级评定排名表", Center)
	d.Space(12)
	d.Font(Sans, 11)
	d.Paragraph(strings.Repeat("根据《示范镇党支部星级评定办法》，经党支部自评、考核组考评、党委审定，现将结果公示如下。", 4), Left, 2)
	tb := &Table{Columns: []Column{{Title: "名次", Align: Center}, {Title: "党组织名称", MaxWidth: 70},
		{Title: "上级党组织"}, {Title: "等级总分", Align: Right}, {Title: "星级", Align: Center}}}
	for i := 0; i < 60; i++ {
		name := "第" + string(rune('一'+i%9)) + "村党支部"
		if i == 3 {
			name = "中共示范镇堃琮玥社区联合党总支部委员会第三网格党支部（流动党员服务站）"
		}
		tb.Rows = append(tb.Rows, Row{Cells: []string{itoa(i + 1), name, "示范镇党委", "90.50", "★★★★★"}, Shade: i == 5})
		if i == 30 {
			tb.Rows = append(tb.Rows, Row{Group: "东片区党总支（12个）"})
		}
	}
	d.Table(tb)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func need(t *testing.T, tools ...string) {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (poppler-utils)", tool)
		}
	}
}

// Text returns the text of a PDF as pdftotext reads it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	need(t, "pdftotext")
	p := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestDocumentTextSurvives(t *testing.T) {
	text := pdfText(t, sample(t, false))
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"中共示范镇委员会2026年度党支部星级评定排名表", "党组织名称", "第1页，共", "东片区党总支（12个）",
		strings.Repeat("根据《示范镇党支部星级评定办法》，经党支部自评、考核组考评、党委审定，现将结果公示如下。", 1)} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	// The long name wraps in its cell: pdftotext gives its lines apart, but
	// every character is there in order.
	name := "中共示范镇堃琮玥社区联合党总支部委员会第三网格党支部（流动党员服务站）"
	if idx := strings.Index(flat, "中共示范镇"); idx < 0 {
		t.Errorf("the long name is missing")
	} else {
		got := []rune(flat[idx:])
		j := 0
		for _, r := range got {
			if j < len([]rune(name)) && r == []rune(name)[j] {
				j++
			}
		}
		if j != len([]rune(name)) {
			t.Errorf("the long name lost characters: %d of %d found in order", j, len([]rune(name)))
		}
	}
	if strings.Count(flat, "党组织名称") < 2 {
		t.Errorf("the header is not repeated on the next page")
	}
	if strings.Contains(flat, "草稿") {
		t.Errorf("a final document is marked 草稿")
	}
}

func TestDraftOnEveryPage(t *testing.T) {
	text := pdfText(t, sample(t, true))
	pages := strings.Split(text, "\f")
	n := 0
	for _, p := range pages {
		if strings.TrimSpace(p) == "" {
			continue
		}
		n++
		if !strings.Contains(p, "草稿") {
			t.Errorf("page %d is not marked 草稿", n)
		}
	}
	if n < 2 {
		t.Fatalf("expected several pages, got %d", n)
	}
}

// TestPagesRender renders the pages with pdftoppm and checks they have
// ink, and writes them to $XINGJI_PDF_SHOTS for a person to look at.
func TestPagesRender(t *testing.T) {
	need(t, "pdftoppm")
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	if err := os.WriteFile(p, sample(t, true), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "60", "-png", p, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	shots, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(shots) < 2 {
		t.Fatalf("%d pages rendered", len(shots))
	}
	for _, s := range shots {
		b, _ := os.ReadFile(s)
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if ink(img) < 0.01 {
			t.Errorf("%s is blank", filepath.Base(s))
		}
		if out := os.Getenv("XINGJI_PDF_SHOTS"); out != "" {
			os.MkdirAll(out, 0o755)
			os.WriteFile(filepath.Join(out, "pdfdoc-"+filepath.Base(s)), b, 0o644)
		}
	}
}

// ink is the share of pixels that are not white.
func ink(img image.Image) float64 {
	b := img.Bounds()
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0xF000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(b.Dx()*b.Dy())
}

func TestFitShrinksThenWrapsThenRefuses(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := Box{X: 20, Y: 20, W: 60, H: 16, Size: 26, MinSize: 14, Align: Center}
	if size, lines, err := d.Fit(b, "张三"); err != nil || size != 26 || len(lines) != 1 {
		t.Errorf("a short name: %v %v %v", size, lines, err)
	}
	if size, lines, err := d.Fit(b, "欧阳堃琮玥明德"); err != nil || size >= 26 || size < 14 || len(lines) != 1 {
		t.Errorf("a longer name should shrink: %v %v %v", size, lines, err)
	}
	if size, lines, err := d.Fit(b, "中共示范镇社区联合党总支部委员会"); err != nil || size != 14 || len(lines) != 2 {
		t.Errorf("a long unit should wrap at the smallest size: %v %v %v", size, lines, err)
	}
	_, _, err = d.Fit(b, strings.Repeat("中共示范镇社区联合党总支部委员会", 3))
	if tl, ok := err.(*TooLongError); !ok || !strings.Contains(tl.Error(), "太长") {
		t.Errorf("a text too long is not refused: %v", err)
	}
}

// TestActualSizeIsInTheCatalog: a document made with ActualSize carries
// /PrintScaling /None in its catalog (an incremental update), and poppler
// still reads it without complaint.
func TestActualSizeIsInTheCatalog(t *testing.T) {
	need(t, "pdfinfo")
	d, err := New(Options{Size: Size{250, 180}, ActualSize: true, Title: "套打"})
	if err != nil {
		t.Fatal(err)
	}
	d.TextAt(20, 20, 100, "堃琮玥", Left)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	cat := catalogRE.FindAllSubmatch(b, -1)
	if len(cat) != 2 || !bytes.Contains(cat[1][1], []byte("/ViewerPreferences << /PrintScaling /None >>")) ||
		!bytes.Contains(cat[1][1], []byte("/Pages 2 0 R")) {
		t.Fatalf("catalogs: %q", cat)
	}
	p := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(p, b, 0o644)
	out, err := exec.Command("pdfinfo", p).CombinedOutput()
	if err != nil || strings.Contains(string(out), "rror") || !strings.Contains(string(out), "Pages:           1") ||
		!strings.Contains(string(out), "708.66 x 510.24 pts") || !strings.Contains(string(out), "套打") {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	if !strings.Contains(pdfText(t, b), "堃琮玥") {
		t.Fatal("text lost")
	}
}

// TestTableWithoutHeader: a table of labels and values has no header row;
// its cells are all there.
func TestTableWithoutHeader(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.Table(&Table{NoHeader: true, Columns: []Column{{Title: "不应出现的表头", Width: 30}, {Title: "值"}},
		Rows: []Row{{Cells: []string{"等级总分", "85.25分"}}, {Cells: []string{"名次", "第6名，共8个"}}}})
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(pdfText(t, b)), "")
	if strings.Contains(flat, "不应出现的表头") || !strings.Contains(flat, "等级总分85.25分") || !strings.Contains(flat, "名次第6名，共8个") {
		t.Fatalf("text: %s", flat)
	}
}

// TestParagraphKeepsEveryCharacter: an indented paragraph of names kept
// whole reads back character for character — nothing lost at a break and
// nothing printed twice.
func TestParagraphKeepsEveryCharacter(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.Font(Sans, 15)
	names := []string{"吴立睿", "孟振", "吕军立", "唐健", "王帆", "周帆", "李立旭", "任霞素", "王兵学", "朱泽睿", "徐福", "于翠", "刘静薇", "李成发", "欧阳堃琮"}
	var joined []string
	for _, n := range names {
		joined = append(joined, NoBreak(n))
	}
	text := "城关镇黄家岭村党支部（15名）：" + strings.Join(joined, "、")
	d.Paragraph(text, Left, 4)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(pdfText(t, b)), "")
	want := strings.ReplaceAll(text, string(WordJoiner), "")
	if !strings.HasPrefix(got, want) {
		t.Fatalf("read back:\n%s\nwant:\n%s", got, want)
	}
}
