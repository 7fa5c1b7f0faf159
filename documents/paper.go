package documents

import (
	"errors"
	"strings"

	"xingji/model"
	"xingji/scoring/period"
)

// Paper is what every document printed from a period's results is written
// from: the ranking table, the 公示 notice, the commendation list, the
// certificates, the star plaque list and the feedback reports (one file
// per kind in this package, each a function of a Paper).
type Paper struct {
	// Committee is the issuing committee (the root of the unit tree), as
	// it signs its documents: "中共示范镇委员会".
	Committee string
	Period    *model.Period
	// Results are the period's results, computed from its current inputs.
	Results *period.Results
	// Previous are the results of the committee's period before this one
	// with the same scheme, for 变化 columns; nil when there is none.
	Previous *period.Results
	// Draft marks every page 草稿: the period's results are not final yet.
	Draft bool
	// Date is the date the documents are issued.
	Date model.Date
}

// Title is a document's title: the period's name followed by what the
// document is, e.g. "2026年度村党支部星级评定 排名表" → "2026年度村党支部星级评定排名表".
func (p *Paper) Title(kind string) string { return p.Period.Name + kind }

// FileName names the file of a document in Chinese by its period and
// kind, e.g. "2026年度村党支部星级评定-排名表.pdf", without the characters
// Windows refuses in file names.
func FileName(periodName, kind, ext string) string {
	return SafeFileName(periodName+"-"+kind) + "." + ext
}

// chineseDigits are the numerals of dates on documents, 〇 for zero.
var chineseDigits = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseDate writes a date the way documents and certificates are dated:
// "二〇二六年十二月二日" (each digit of the year, the month and day as
// numbers: 十, 十二, 二十一, 三十).
func ChineseDate(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	var b strings.Builder
	for _, c := range itoa(d.Year) {
		b.WriteString(chineseDigits[c-'0'])
	}
	b.WriteString("年")
	if d.Month == 0 {
		return b.String()
	}
	b.WriteString(chineseNumber(d.Month) + "月")
	if d.Day == 0 {
		return b.String()
	}
	return b.String() + chineseNumber(d.Day) + "日"
}

// chineseNumber writes 1–99 in Chinese numerals: 一, 十, 十二, 二十, 二十一.
func chineseNumber(n int) string {
	tens, ones := n/10, n%10
	s := ""
	switch {
	case tens == 1:
		s = "十"
	case tens > 1:
		s = chineseDigits[tens] + "十"
	}
	if ones > 0 || tens == 0 {
		s += chineseDigits[ones]
	}
	return s
}

// Kind describes one kind of document for a person choosing what to
// print: its console name, its name for people, the formats and designs
// it comes in (the first of each the default).
type Kind struct {
	Code    string   // the console's name: ranking, notice …
	Label   string   // its name for people: 排名表
	Order   int      // where it is listed
	Formats []string // file extensions: "pdf", "xlsx", "docx", "zip"
	Designs []string // named looks (certificates: 样式一, 套打 …); empty for most kinds
}

// ExportOptions are what a person chooses when exporting a document.
type ExportOptions struct {
	Design    string // one of the kind's Designs; "" the default
	Overwrite bool   // replace a file already at the path (the window asks first)
}

// ErrFileExists is returned when a file is in the way of an export and the
// person did not say to replace it; the window asks and tries again.
var ErrFileExists = errors.New("file exists")

// FormatLabel names a file format for people: "PDF 文件", "Excel 表格".
func FormatLabel(ext string) string {
	switch ext {
	case "pdf":
		return "PDF 文件（.pdf）"
	case "xlsx":
		return "Excel 表格（.xlsx）"
	case "docx":
		return "Word 文档（.docx）"
	case "zip":
		return "压缩包（.zip）"
	}
	return "." + ext
}
