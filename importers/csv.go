package importers

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// DecodeText turns the bytes of a text file into UTF-8: UTF-16 with a BOM
// (Excel's "Unicode 文本" export), UTF-8 with or without BOM, or else GB18030
// (a superset of GBK and GB2312, what Excel and WPS write as "CSV" on Chinese
// Windows). ok is false when the bytes do not look like text at all.
func DecodeText(data []byte) (string, bool) {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		b, _, err := transform.Bytes(dec, data)
		if err != nil {
			return "", false
		}
		s = string(b)
	case utf8.Valid(data):
		s = string(bytes.TrimPrefix(data, utf8BOM))
	default:
		b, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
		if err != nil {
			return "", false
		}
		s = string(b)
	}
	return s, looksLikeText(s)
}

// looksLikeText rejects binary content: NUL bytes or many control characters.
func looksLikeText(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return false
	}
	control, total := 0, 0
	for _, r := range s[:min(len(s), 8192)] {
		total++
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == utf8.RuneError {
			control++
		}
	}
	return total > 0 && control*20 < total
}

// sniffComma picks the field separator of delimited text: the candidate
// (comma, tab, semicolon, Chinese comma-free) that splits the first lines
// most consistently.
func sniffComma(s string) rune {
	lines := strings.Split(s[:min(len(s), 64<<10)], "\n")
	if len(lines) > 30 {
		lines = lines[:30]
	}
	best, bestScore := ',', -1
	for _, c := range []rune{',', '\t', ';'} {
		counts := map[int]int{}
		total := 0
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			n := countOutsideQuotes(l, c)
			total += n
			if n > 0 {
				counts[n]++
			}
		}
		mode := 0
		for _, k := range counts {
			mode = max(mode, k)
		}
		score := mode*1000 + min(total, 999)
		if total > 0 && score > bestScore {
			best, bestScore = c, score
		}
	}
	return best
}

func countOutsideQuotes(line string, c rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == c && !quoted:
			n++
		}
	}
	return n
}

// readCSV reads delimited text as one sheet named after the file.
func readCSV(name, text string, lim limits) (*Table, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sniffComma(text)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	sheetName := strings.TrimSuffix(path.Base(strings.ReplaceAll(name, "\\", "/")), path.Ext(name))
	sh := &Sheet{Name: sheetName}
	cells := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			row := len(sh.Rows) + 1
			if errors.As(err, &pe) {
				row = pe.StartLine
			}
			return nil, &Error{File: name, Row: row, Message: "这一行的引号不成对，无法读取", Hint: "请用 Excel/WPS 打开文件检查这一行，另存为 .xlsx 后再导入", Err: err}
		}
		if len(sh.Rows) >= lim.rows {
			return nil, tooManyRowsError(lim).At(name, "", 0, 0, "")
		}
		row := Row{Cells: make([]Cell, len(rec))}
		for i, f := range rec {
			row.Cells[i].Text = f
		}
		// Trailing empty fields add nothing.
		for len(row.Cells) > 0 && row.Cells[len(row.Cells)-1].Text == "" {
			row.Cells = row.Cells[:len(row.Cells)-1]
		}
		if cells += len(row.Cells); cells > lim.cells {
			return nil, tooManyCellsError(name, "", lim)
		}
		sh.Rows = append(sh.Rows, row)
	}
	return &Table{Name: name, Format: FormatCSV, Sheets: []*Sheet{sh}}, nil
}

// SheetLabel returns the sheet name to show in messages: "" for CSV files,
// whose only sheet is the file itself.
func (t *Table) SheetLabel(s *Sheet) string {
	if t.Format == FormatCSV {
		return ""
	}
	return s.Name
}
