// Package importers reads the spreadsheets people bring to 星级考评 — Excel
// workbooks (.xlsx, .xlsm, legacy .xls) and CSV or tab-separated text — into a
// plain Table of cell strings, and reports every problem as a positioned
// Error in Simplified Chinese: which file, which sheet, which row and column,
// what is wrong and what to do about it.
//
// The format is recognised by content, not by the file name's extension,
// because office files are often renamed or exported by other systems with a
// misleading extension. Subpackages (roster, later form submissions) turn a
// Table into domain values; the helpers here (ParseDate, Normalize, …) are
// shared by all of them.
package importers

import (
	"fmt"
	"strconv"
	"strings"
)

// Error is one problem found while reading a file, with the place it was
// found. Message says what is wrong and Hint what to do, both in Simplified
// Chinese for the user; Err keeps the underlying cause for logs.
type Error struct {
	File    string // file name as the user knows it, e.g. "花名册.xlsx"; "" when unknown
	Sheet   string // worksheet name; "" for CSV files or whole-file problems
	Row     int    // 1-based row number as Excel shows it; 0 when not about a row
	Col     int    // 1-based column number (1 = A); 0 when not about a column
	Header  string // the column's header as written in the file, e.g. "入党时间"; optional
	Message string
	Hint    string
	Err     error
}

// Error returns one Chinese line: where, what, and what to do, e.g.
// 花名册.xlsx，工作表“Sheet1”，第12行 D列（入党时间）：无法识别的日期“2011年13月”。请改为 2011-03-05 或 2011.3 这样的格式。
// The underlying cause (Err) is not included; it is for logs.
func (e *Error) Error() string {
	var b strings.Builder
	if loc := e.Location(); loc != "" {
		b.WriteString(loc)
		b.WriteString("：")
	}
	b.WriteString(sentence(e.Message))
	if e.Hint != "" {
		b.WriteString(sentence(e.Hint))
	}
	return b.String()
}

// Location describes where the problem is, e.g. "花名册.xlsx，工作表“Sheet1”，第12行 D列（入党时间）";
// "" when the error carries no place at all.
func (e *Error) Location() string {
	var parts []string
	if e.File != "" {
		parts = append(parts, e.File)
	}
	if e.Sheet != "" {
		parts = append(parts, "工作表“"+e.Sheet+"”")
	}
	var cell string
	if e.Row > 0 {
		cell = "第" + strconv.Itoa(e.Row) + "行"
	}
	if e.Col > 0 {
		if cell != "" {
			cell += " "
		}
		cell += ColumnName(e.Col) + "列"
		if e.Header != "" {
			cell += "（" + e.Header + "）"
		}
	} else if e.Header != "" {
		if cell != "" {
			cell += " "
		}
		cell += "“" + e.Header + "”列"
	}
	if cell != "" {
		parts = append(parts, cell)
	}
	return strings.Join(parts, "，")
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// UserFacing marks Error as a message for the user (model.UserError).
func (e *Error) UserFacing() {}

// CellRef returns the cell's A1-style reference ("D12"), the column letters
// alone ("D") when there is no row, the row number alone ("12") when there is
// no column, or "" when neither is known.
func (e *Error) CellRef() string {
	switch {
	case e.Col > 0 && e.Row > 0:
		return ColumnName(e.Col) + strconv.Itoa(e.Row)
	case e.Col > 0:
		return ColumnName(e.Col)
	case e.Row > 0:
		return strconv.Itoa(e.Row)
	}
	return ""
}

// At returns a copy of e placed in the given file, sheet and cell; fields
// already set in e are kept. Helpers such as ParseDate return unplaced errors
// and callers place them with At.
func (e *Error) At(file, sheet string, row, col int, header string) *Error {
	c := *e
	if c.File == "" {
		c.File = file
	}
	if c.Sheet == "" {
		c.Sheet = sheet
	}
	if c.Row == 0 {
		c.Row = row
	}
	if c.Col == 0 {
		c.Col = col
	}
	if c.Header == "" {
		c.Header = header
	}
	return &c
}

// sentence makes s end with a full stop unless it already ends with one of
// the Chinese sentence marks.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, end := range []string{"。", "！", "？", "；", "…", "）"} {
		if strings.HasSuffix(s, end) {
			if end == "）" {
				return s + "。"
			}
			return s
		}
	}
	return s + "。"
}

// Errors is a list of problems, so a report can show them all rather than
// stopping at the first. A nil or empty Errors is not returned as an error.
type Errors []*Error

// maxErrorLines caps how many lines Errors.Error joins; the slice itself keeps
// every error for reports.
const maxErrorLines = 100

// Error joins the errors one per line after a count, e.g. "共3处问题：\n1. …".
// At most 100 lines are joined; the rest are counted.
func (es Errors) Error() string {
	switch len(es) {
	case 0:
		return "没有问题"
	case 1:
		return es[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "共%d处问题：", len(es))
	for i, e := range es {
		if i == maxErrorLines {
			fmt.Fprintf(&b, "\n……另有%d处，请查看完整列表", len(es)-i)
			break
		}
		fmt.Fprintf(&b, "\n%d. %s", i+1, e.Error())
	}
	return b.String()
}

// UserFacing marks Errors as a message for the user (model.UserError).
func (es Errors) UserFacing() {}

// Err returns es as an error, or nil when it is empty (avoiding the non-nil
// interface holding an empty slice).
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// ColumnName returns the Excel column letters of a 1-based column number:
// 1 → "A", 26 → "Z", 27 → "AA". It returns "" for n < 1.
func ColumnName(n int) string {
	if n < 1 {
		return ""
	}
	var buf [8]byte
	i := len(buf)
	for n > 0 {
		n--
		i--
		buf[i] = byte('A' + n%26)
		n /= 26
	}
	return string(buf[i:])
}

// fileError builds a whole-file error.
func fileError(file, message, hint string, err error) *Error {
	return &Error{File: file, Message: message, Hint: hint, Err: err}
}
