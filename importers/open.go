package importers

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits that protect the program from huge or hostile files. Each is named
// in the message the user sees when a file exceeds it.
const (
	// DefaultSizeLimit is the largest file OpenTable reads when given no
	// limit: 50 MB, far above any roster or form (150,000 members ≈ 10 MB).
	DefaultSizeLimit = 50 << 20
	// MaxSheetXMLSize caps the unpacked size of an xlsx file's worksheets
	// and shared strings (500 MB), against "zip bombs" that unpack to
	// gigabytes from a small file.
	MaxSheetXMLSize = 500 << 20
	// MaxRows caps the rows of one sheet (Excel itself allows 1,048,576).
	MaxRows = 1_000_000
	// MaxCells caps the cells of a workbook, merged-cell filling included,
	// so that memory stays bounded (a few hundred MB at the cap); the largest
	// roster expected, 150,000 members × 12 columns, is 1.8 million cells.
	MaxCells = 5_000_000
)

// limits are the effective limits of one read; tests lower them.
type limits struct {
	size     int64
	sheetXML int64
	rows     int
	cells    int
}

func defaultLimits(size int64) limits {
	if size <= 0 {
		size = DefaultSizeLimit
	}
	return limits{size: size, sheetXML: MaxSheetXMLSize, rows: MaxRows, cells: MaxCells}
}

// OpenTable reads a spreadsheet from r. name is the file name as the user
// knows it ("花名册.xlsx"); it is used in messages only, never to guess the
// format. sizeLimit caps the bytes read (0: DefaultSizeLimit).
//
// The format is recognised by content: a zip archive holding
// xl/workbook.xml is an xlsx/xlsm workbook; an OLE2 compound file with a
// Workbook stream is a legacy .xls, one with an EncryptionInfo stream is a
// password-protected workbook; other text is CSV or tab-separated text in
// UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030. Anything else —
// a PDF, a Word document, a picture, an empty file — is refused with a
// message saying what it seems to be.
//
// Every error is an *Error naming the file, in Chinese, with a hint.
func OpenTable(name string, r io.Reader, sizeLimit int64) (*Table, error) {
	lim := defaultLimits(sizeLimit)
	data, err := io.ReadAll(io.LimitReader(r, lim.size+1))
	if err != nil {
		return nil, fileError(name, "读取文件时出错", "请确认文件没有被移走或正被其他程序占用，然后重试", err)
	}
	return openBytes(name, data, lim)
}

// openBytes detects the format of data and reads it.
func openBytes(name string, data []byte, lim limits) (*Table, error) {
	if int64(len(data)) > lim.size {
		return nil, fileError(name, fmt.Sprintf("文件太大（超过 %s）", sizeText(lim.size)),
			"请删除无关的工作表、图片后另存，或把数据分成几个文件分别导入", nil)
	}
	if len(data) == 0 {
		return nil, fileError(name, "文件是空的（0 字节），不是 Excel 或 CSV 文件", "请确认选对了文件；如果是刚保存的文件，请在 Excel/WPS 中重新保存", nil)
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")), bytes.HasPrefix(data, []byte("PK\x07\x08")):
		return openZip(name, data, lim)
	case bytes.HasPrefix(data, oleMagic):
		return openOLE(name, data, lim)
	}
	if what := binaryKind(data); what != "" {
		return nil, notSpreadsheet(name, what)
	}
	if what := markupKind(data); what != "" {
		return nil, fileError(name, "这是"+what+"，虽然文件名可能是 .xls，但不是真正的 Excel 文件",
			"请用 Excel 或 WPS 打开它，点 文件→另存为→Excel 工作簿(*.xlsx)，再导入新保存的文件", nil)
	}
	text, ok := DecodeText(data)
	if !ok {
		return nil, notSpreadsheet(name, "")
	}
	return readCSV(name, text, lim)
}

// oleMagic starts every OLE2 compound file (.xls, .doc, encrypted .xlsx).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openZip reads an Office Open XML archive, or says what other zip it is.
func openZip(name string, data []byte, lim limits) (*Table, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, corruptError(name, err)
	}
	has := func(part string) bool {
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, part) {
				return true
			}
		}
		return false
	}
	switch {
	case has("xl/workbook.xml"):
		return readXLSX(name, zr, lim)
	case has("xl/workbook.bin"):
		return nil, fileError(name, "这是 Excel 二进制工作簿（.xlsb），无法读取",
			"请用 Excel 打开它，点 文件→另存为→Excel 工作簿(*.xlsx)，再导入新保存的文件", nil)
	case has("content.xml") && bytes.Contains(data[:min(len(data), 200)], []byte("opendocument.spreadsheet")):
		return nil, fileError(name, "这是 OpenDocument 表格（.ods），无法直接读取",
			"请用 WPS 或 LibreOffice 打开它，另存为 Excel 工作簿(*.xlsx)，再导入新保存的文件", nil)
	case has("word/document.xml"):
		return nil, notSpreadsheet(name, "Word 文档")
	case has("ppt/presentation.xml"):
		return nil, notSpreadsheet(name, "PowerPoint 演示文稿")
	}
	return nil, notSpreadsheet(name, "压缩包")
}

// openOLE reads a legacy .xls, or recognises an encrypted workbook or another
// OLE2 document.
func openOLE(name string, data []byte, lim limits) (*Table, error) {
	streams, workbook, err := oleStreams(data, lim.sheetXML)
	switch {
	case errors.Is(err, errTooBig):
		return nil, tooBigError(name, lim)
	case err != nil:
		return nil, corruptError(name, err)
	case streams["EncryptionInfo"] || streams["EncryptedPackage"]:
		return nil, passwordError(name)
	case workbook != nil:
		return readXLS(name, workbook, lim)
	case streams["WordDocument"]:
		return nil, notSpreadsheet(name, "Word 文档（.doc）")
	case streams["PowerPoint Document"]:
		return nil, notSpreadsheet(name, "PowerPoint 演示文稿（.ppt）")
	}
	return nil, notSpreadsheet(name, "")
}

// binaryKind recognises common non-spreadsheet files by their first bytes.
func binaryKind(data []byte) string {
	magics := []struct {
		prefix, what string
	}{
		{"%PDF", "PDF 文件"}, {"\x89PNG", "图片（PNG）"}, {"\xFF\xD8\xFF", "图片（JPEG）"},
		{"GIF8", "图片（GIF）"}, {"II*\x00", "图片（TIFF）"}, {"MM\x00*", "图片（TIFF）"},
		{"Rar!", "压缩包（RAR）"}, {"7z\xBC\xAF", "压缩包（7z）"}, {"\x1F\x8B", "压缩包（gz）"},
		{"MZ\x90\x00", "程序文件"}, {"{\\rtf", "RTF 文档"},
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.what
		}
	}
	return ""
}

// markupKind recognises web pages and XML spreadsheets that other systems
// export under an .xls name.
func markupKind(data []byte) string {
	head := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 4096)], utf8BOM), " \t\r\n"))
	if !bytes.HasPrefix(head, []byte("<")) {
		return ""
	}
	switch {
	case bytes.Contains(head, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return "XML 格式的表格（Excel 2003 XML）"
	case bytes.Contains(head, []byte("<html")), bytes.Contains(head, []byte("<table")), bytes.Contains(head, []byte("<!doctype html")):
		return "网页（HTML）格式的表格"
	}
	return "XML 文件"
}

func notSpreadsheet(name, what string) *Error {
	msg := "不是 Excel 或 CSV 文件"
	if what != "" {
		msg = "不是 Excel 或 CSV 文件（看起来是" + what + "）"
	}
	return fileError(name, msg, "请选择 Excel 工作簿（.xlsx 或 .xls）或 CSV 文件；如果是从其他系统导出的，请先用 Excel/WPS 打开并另存为 .xlsx", nil)
}

func corruptError(name string, cause error) *Error {
	return fileError(name, "文件已损坏或不完整（可能没有下载或复制完整）",
		"请重新下载或复制该文件；如果它能在 Excel/WPS 中打开，请另存为新的 .xlsx 文件后再导入", cause)
}

func passwordError(name string) *Error {
	return fileError(name, "文件设置了打开密码，无法读取",
		"请在 Excel 中打开文件，点 文件→信息→保护工作簿→用密码进行加密，清空密码并保存（WPS：文件→文档加密→密码加密，清空密码），然后重新导入", nil)
}

func tooBigError(name string, lim limits) *Error {
	return fileError(name, fmt.Sprintf("文件解压后的内容太大（超过 %s）", sizeText(lim.sheetXML)),
		"文件可能含有大量空白格式或已损坏；请只复制需要的数据到新的工作簿中另存为 .xlsx 后再导入", errTooBig)
}

func tooManyRowsError(lim limits) *Error {
	return &Error{Message: fmt.Sprintf("工作表超过 %s 行", groupDigits(lim.rows)),
		Hint: "请删除多余的行（或分成几个文件）后再导入"}
}

func tooManyCellsError(name, sheet string, lim limits) *Error {
	return &Error{File: name, Sheet: sheet, Message: fmt.Sprintf("表格内容太多（超过 %s 个单元格）", groupDigits(lim.cells)),
		Hint: "请删除无关的工作表、行和列，或取消大范围的合并单元格后再导入"}
}

// sizeText writes a byte count for people: "50 MB", "512 KB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// groupDigits writes 1000000 as "1,000,000".
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
