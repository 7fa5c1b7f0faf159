package schemetext

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xingji/importers/fixture"
	"xingji/model"
)

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

// minimalDocx builds a .docx holding paragraphs, then a one-row table.
func minimalDocx(t *testing.T, paras []string, cells []string) []byte {
	t.Helper()
	var body strings.Builder
	p := func(s string) {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		xmlEscape(&body, s)
		body.WriteString(`</w:t></w:r></w:p>`)
	}
	for _, s := range paras {
		p(s)
	}
	if len(cells) > 0 {
		body.WriteString(`<w:tbl><w:tr>`)
		for _, c := range cells {
			body.WriteString(`<w:tc>`)
			p(c)
			body.WriteString(`</w:tc>`)
		}
		body.WriteString(`</w:tr></w:tbl>`)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(b *strings.Builder, s string) {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	b.WriteString(s)
}

func TestReadDocx(t *testing.T) {
	data := minimalDocx(t, []string{"某支部考核细则（总分6分）", "一、学习（6分）", "1、按时参加学习，每缺少一次减0.5分，减完为止（4分）"},
		[]string{"2、撰写心得（2分）", "未撰写的此项不得分"})
	text, err := ReadFile("细则.docx", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	// The table's cells come after the paragraphs, one line each.
	r := Parse(text)
	if !r.OK() || r.Items != 2 {
		t.Fatalf("items %d, declared %s computed %s, problems %v\n%s", r.Items, r.DeclaredTotal, r.ComputedTotal, r.Problems, text)
	}
	if it := r.Scheme.Item("1"); it == nil || it.Rule.Kind != model.RuleDeduct {
		t.Errorf("item 1 = %+v", it)
	}
}

func TestReadFileErrors(t *testing.T) {
	corrupt := minimalDocx(t, []string{"x"}, nil)[:200]
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"损坏.docx", corrupt, "损坏"},
		{"加密.docx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "加密"},
		{"空.txt", nil, "空"},
		{"图片.txt", []byte("\x89PNG\x00\x00\x00"), "不是文本文件"},
	}
	for _, tt := range tests {
		_, err := ReadFile(tt.name, bytes.NewReader(tt.data))
		var me *model.Error
		if !errors.As(err, &me) || !strings.Contains(me.Message, tt.want) || !strings.Contains(me.Message, tt.name) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestReadGB18030(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String("考核细则(总分2分)\r\n一、学习(2分)\r\n")
	if err != nil {
		t.Fatal(err)
	}
	text, err := ReadFile("gbk.txt", strings.NewReader(gb))
	if err != nil || !strings.Contains(text, "考核细则") || strings.Contains(text, "\r") {
		t.Fatalf("%q %v", text, err)
	}
}

// TestSeedAsDocx converts seed 000 to .docx with LibreOffice and parses it:
// 第一篇 must give the same result as the text. Skipped when soffice is
// missing, unless XINGJI_REQUIRE_TOOLS=1.
func TestSeedAsDocx(t *testing.T) {
	src, _ := filepath.Glob(filepath.Join(seedDir, "000_*.txt"))
	if len(src) != 1 {
		t.Fatal("seed 000 not found")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "seed000.txt")
	b, _ := os.ReadFile(src[0])
	os.WriteFile(in, b, 0o644)
	// Needs LibreOffice Writer (libreoffice-writer-nogui) to read the text.
	docx := fixture.Convert(t, in, "docx", "Text (encoded):UTF8,LF,,,", dir)
	f, err := os.Open(docx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text, err := ReadFile("seed000.docx", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ParseDocument(text) {
		if strings.HasPrefix(p.Title, "第一篇") {
			r := p.Result
			if !r.OK() || r.Items != 36 || !r.ComputedTotal.Equal(model.Dec(100)) {
				t.Errorf("docx 第一篇: items %d computed %s problems %v", r.Items, r.ComputedTotal, r.Problems)
			}
			return
		}
	}
	t.Error("docx: 第一篇 not found")
}
