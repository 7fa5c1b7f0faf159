package schemetext

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"xingji/importers"
	"xingji/model"
)

// Size limits that protect the program from huge or hostile files.
const (
	MaxFileSize     = 20 << 20 // bytes of a .txt or .docx file
	MaxDocumentXML  = 50 << 20 // bytes of word/document.xml once unzipped
	maxDocumentText = 5 << 20  // bytes of text taken from a document
)

// Part is one rubric of a document that holds several (第一篇, 第二篇 …).
type Part struct {
	Title  string `json:"title"`
	Line   int    `json:"line"` // first line of the part (1-based)
	Result Result `json:"result"`
}

// ParseDocument reads every rubric in text: one per part ("第一篇…", "…篇十一")
// that states any points, or the whole text as one rubric when it has no
// parts. A text with parts but no points at all gives its first part, so
// the caller still sees why nothing was recognised.
func ParseDocument(text string) []Part {
	lines := strings.Split(text, "\n")
	type span struct {
		title string
		from  int
	}
	var spans []span
	for i, l := range lines {
		if h, ok := parseHeading(prepare(l)); ok && h.style == stylePart {
			spans = append(spans, span{clip(prepare(l), 40), i})
		}
	}
	if len(spans) == 0 {
		return []Part{{Title: "", Line: 1, Result: Parse(text)}}
	}
	var out []Part
	for k, sp := range spans {
		to := len(lines)
		if k+1 < len(spans) {
			to = spans[k+1].from
		}
		res := parseLines(lines[sp.from:to], sp.from+1)
		if res.Items > 0 || res.DeclaredTotal.Sign() > 0 {
			out = append(out, Part{Title: sp.title, Line: sp.from + 1, Result: res})
		}
	}
	if len(out) == 0 {
		return []Part{{Title: "", Line: 1, Result: Parse(text)}}
	}
	return out
}

// ReadFile reads the text of a .txt file (UTF-8, UTF-16 with BOM or GB18030)
// or a .docx document from r; name is the file name as the user knows it,
// used in messages. The format is recognised by content. Every error is a
// *model.Error with a Chinese message that names the file.
func ReadFile(name string, r io.Reader) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return "", fileErr(name, "读取文件时出错，请确认文件没有被移走或正被其他程序占用", err)
	}
	if len(data) > MaxFileSize {
		return "", fileErr(name, fmt.Sprintf("文件太大（超过%dMB），请只保留考核细则部分后再识别", MaxFileSize>>20), nil)
	}
	if len(data) == 0 {
		return "", fileErr(name, "文件是空的（0字节）", nil)
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return readDocx(name, data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "", fileErr(name, "这是加密的 Word 文档或旧版 .doc 文件，无法读取。请在 Word 或 WPS 中取消密码，另存为 .docx 或 .txt 后再识别", nil)
	}
	text, ok := decodeText(data)
	if !ok {
		return "", fileErr(name, "不是文本文件或 Word(.docx) 文档，无法读取。请在 Word 或 WPS 中另存为 .docx 或 .txt 后再识别", nil)
	}
	return text, nil
}

func fileErr(name, msg string, err error) error {
	return &model.Error{Code: model.EInvalid, Message: "“" + name + "”：" + msg + "。", Err: err}
}

// decodeText turns the bytes of a text file into UTF-8 (see
// importers.DecodeText) with Unix line ends.
func decodeText(data []byte) (string, bool) {
	s, ok := importers.DecodeText(data)
	if !ok {
		return "", false
	}
	return strings.ReplaceAll(s, "\r\n", "\n"), true
}

// readDocx takes the paragraphs of word/document.xml, one line each; a
// table's cells come in order, one line per cell.
func readDocx(name string, data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fileErr(name, "文件已损坏，无法作为 Word(.docx) 文档打开。请在 Word 或 WPS 中打开并另存后再识别", err)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
		if f.Name == "EncryptedPackage" {
			return "", fileErr(name, "文档设有密码，无法读取。请在 Word 或 WPS 中取消密码后再识别", nil)
		}
	}
	if doc == nil {
		return "", fileErr(name, "这是压缩包，但不是 Word(.docx) 文档。请选择考核细则的 .docx 或 .txt 文件", nil)
	}
	if doc.UncompressedSize64 > MaxDocumentXML {
		return "", fileErr(name, "文档内容太大，无法读取。请只保留考核细则部分后再识别", nil)
	}
	rc, err := doc.Open()
	if err != nil {
		return "", fileErr(name, "文件已损坏，无法读取文档内容。请在 Word 或 WPS 中打开并另存后再识别", err)
	}
	defer rc.Close()
	text, err := docxText(io.LimitReader(rc, MaxDocumentXML))
	if err != nil {
		return "", fileErr(name, "文件已损坏，文档内容无法解析。请在 Word 或 WPS 中打开并另存后再识别", err)
	}
	return text, nil
}

// docxText scans WordprocessingML: w:t text, w:tab and w:br as spaces and
// breaks, one line per paragraph (w:p), table cells included in order.
func docxText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		if b.Len() > maxDocumentText {
			return b.String(), nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte(' ')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
}
