package documents

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// A .docx written by hand: a document of plain paragraphs (a notice is a
// title, body paragraphs, a list and a signature) needs five small OOXML
// parts, and writing them here sets the East Asian font slot of every run
// (<w:rFonts w:eastAsia="仿宋"/>), which github.com/gomutex/godocx cannot do
// without a template file (see STACK.md). Word and WPS open the result for
// editing; LibreOffice opens it without a repair prompt (notice_test.go).

// docxPara is one paragraph of a .docx.
type docxPara struct {
	Text string
	// Font is the East Asian font (仿宋, 黑体, 宋体); Latin text is set in
	// Times New Roman, as 公文 are.
	Font  string
	Size  float64 // points; 0: 16 (三号)
	Bold  bool
	Align string // "left" (justified), "center", "right"
	// FirstLine is the first line's indent in characters (2 for body text);
	// Right is the right indent in hundredths of a character.
	FirstLine int
	Right     int
	// Before is the space above the paragraph, in points.
	Before float64
	// Keep keeps the paragraph on the page of the next one (the signature).
	Keep bool
}

// docxDoc is a .docx: A4 portrait with the 公文 margins (GB/T 9704: top
// 37 mm, bottom 35 mm, left 28 mm, right 26 mm) and a fixed line pitch.
type docxDoc struct {
	Title  string // the file's title (core properties)
	Paras  []docxPara
	Header string // printed in red at the top of every page (草稿); "" none
	Line   float64
}

// mmTwips converts millimetres to twentieths of a point.
func mmTwips(mm float64) int { return int(mm/25.4*1440 + 0.5) }

// Bytes writes the .docx.
func (d *docxDoc) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", d.contentTypes()},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + esc(d.Title) + `</dc:title><dc:creator>星级考评</dc:creator></cp:coreProperties>`},
		{"word/_rels/document.xml.rels", d.documentRels()},
		{"word/styles.xml", docxStyles},
		{"word/document.xml", d.document()},
	}
	if d.Header != "" {
		parts = append(parts, struct{ name, body string }{"word/header1.xml", d.header()})
	}
	for _, p := range parts {
		// A fixed time keeps the bytes the same for the same notice.
		w, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (d *docxDoc) contentTypes() string {
	header := ""
	if d.Header != "" {
		header = `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` + header + `</Types>`
}

func (d *docxDoc) documentRels() string {
	header := ""
	if d.Header != "" {
		header = `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` + header + `</Relationships>`
}

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// docxStyles sets the default run: 仿宋 三号 for Chinese, Times New Roman
// for Latin text and digits, Chinese language for line breaking.
const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + docxNS + `><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋" w:cs="Times New Roman" w:hint="eastAsia"/><w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>`

func (d *docxDoc) document() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + docxNS + "><w:body>")
	line := d.Line
	if line <= 0 {
		line = 28.95 // 22 lines on the type area of a 公文 page
	}
	for _, p := range d.Paras {
		size := p.Size
		if size <= 0 {
			size = 16
		}
		b.WriteString("<w:p><w:pPr>")
		if p.Keep {
			b.WriteString(`<w:keepNext/>`)
		}
		fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="0" w:line="%d" w:lineRule="exact"/>`, int(p.Before*20), int(maxf(line, size*1.2)*20))
		if p.FirstLine > 0 || p.Right > 0 {
			// Both the character counts (Word, WPS) and twips (LibreOffice
			// reads only these).
			fmt.Fprintf(&b, `<w:ind w:right="%d" w:rightChars="%d" w:firstLine="%d" w:firstLineChars="%d"/>`,
				int(float64(p.Right)/100*size*20), p.Right, int(float64(p.FirstLine)*size*20), p.FirstLine*100)
		}
		jc := "both"
		switch p.Align {
		case "center", "right":
			jc = p.Align
		}
		fmt.Fprintf(&b, `<w:jc w:val="%s"/></w:pPr>`, jc)
		if p.Text != "" {
			b.WriteString(runXML(p.Text, p.Font, size, p.Bold, ""))
		}
		b.WriteString("</w:p>")
	}
	fmt.Fprintf(&b, `<w:sectPr>`)
	if d.Header != "" {
		b.WriteString(`<w:headerReference w:type="default" r:id="rId2"/>`)
	}
	fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr></w:body></w:document>`,
		mmTwips(210), mmTwips(297), mmTwips(37), mmTwips(26), mmTwips(35), mmTwips(28))
	return b.String()
}

func (d *docxDoc) header() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ` + docxNS + `><w:p><w:pPr><w:jc w:val="right"/></w:pPr>` + runXML(d.Header, "黑体", 12, false, "C00000") + `</w:p></w:hdr>`
}

// runXML is one run of text in the East Asian font font.
func runXML(text, font string, size float64, bold bool, color string) string {
	var b strings.Builder
	b.WriteString("<w:r><w:rPr>")
	if font != "" {
		fmt.Fprintf(&b, `<w:rFonts w:eastAsia="%s" w:hint="eastAsia"/>`, esc(font))
	}
	if bold {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if color != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, color)
	}
	fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`,
		int(size*2), int(size*2), esc(text))
	return b.String()
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
