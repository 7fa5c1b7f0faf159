package documents

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// The layout of a scheme workbook, shared with importers/schemesheet, which
// reads it back.
const (
	// SchemeSheetName is the visible sheet holding the scheme table.
	SchemeSheetName = "评分标准"
	// SchemeDataSheet is the very hidden sheet holding the scheme as JSON.
	SchemeDataSheet = "xingji"
	// SchemeMarker is cell A1 of SchemeDataSheet; B1 holds SchemeFormat.
	SchemeMarker = "xingji-scheme"
	// SchemeFormat is the version of the hidden sheet's layout.
	SchemeFormat = "1"
	// SchemeDefinedName is the workbook-level defined name marking the file
	// as a xingji scheme; it refers to the code and version cells.
	SchemeDefinedName = "xingji_scheme"
	// SchemeChunkRunes is the most characters one hidden cell holds; Excel's
	// limit is 32,767 UTF-16 units, and a rune takes at most two.
	SchemeChunkRunes = 16000
)

// Rows of SchemeDataSheet: key in column A, value in column B; the JSON
// chunks follow in column A from SchemeFirstChunkRow.
const (
	SchemeRowMarker     = 1 // SchemeMarker, SchemeFormat
	SchemeRowCode       = 2 // "code", the scheme's code
	SchemeRowVersion    = 3 // "version", the scheme's version
	SchemeRowSHA256     = 4 // "sha256", hex digest of the whole JSON
	SchemeRowChunks     = 5 // "chunks", the number of chunks
	SchemeFirstChunkRow = 6
)

// SchemeColumns are the headers of the scheme table, in order.
var SchemeColumns = []string{"序号", "类别", "考核内容", "分值", "评分标准", "考核方法", "责任部门", "适用类型"}

// Marks put before the 考核内容 of bonus and penalty items.
const (
	BonusMark   = "【加分项】"
	PenaltyMark = "【减分项】"
)

// column widths in characters (a CJK character is about two).
var schemeColWidths = []float64{6, 20, 32, 7, 50, 18, 10, 10}

const (
	headerRow = 3 // title, subtitle, then the header
	fontName  = "宋体"
)

// WriteSchemeSheet writes the scheme as an Excel workbook in the layout
// offices use — title, 序号/类别/考核内容/分值/评分标准/考核方法/责任部门/适用类型,
// a totals row and notes, set up for A4 landscape printing — with the exact
// scheme kept as JSON in a very hidden sheet, so that importing the file
// restores it unchanged.
func WriteSchemeSheet(w io.Writer, s model.Scheme) error {
	f, err := schemeWorkbook(s)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return &model.Error{Code: model.EInternal, Message: "写出方案表格失败", Err: err}
	}
	return nil
}

// WriteSchemeSheetFile writes the scheme workbook to path (see
// WriteSchemeSheet), replacing the file.
func WriteSchemeSheetFile(path string, s model.Scheme) error {
	out, err := os.Create(path)
	if err != nil {
		return &model.Error{Code: model.EInvalid, Message: "无法创建文件 " + path + "，请确认文件夹存在、文件没有在 Excel/WPS 中打开", Err: err}
	}
	if err := WriteSchemeSheet(out, s); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return &model.Error{Code: model.EInternal, Message: "保存文件 " + path + " 失败", Err: err}
	}
	return nil
}

// schemeWorkbook builds the workbook in memory.
func schemeWorkbook(s model.Scheme) (*excelize.File, error) {
	f := excelize.NewFile()
	fail := func(err error) (*excelize.File, error) {
		f.Close()
		return nil, &model.Error{Code: model.EInternal, Message: "生成方案表格失败", Err: err}
	}
	if err := f.SetSheetName("Sheet1", SchemeSheetName); err != nil {
		return fail(err)
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return fail(err)
	}
	w := &tableWriter{sheetWriter: sheetWriter{f: f, sheet: SchemeSheetName}, st: st}
	w.table(s)
	w.notes(s)
	w.printSetup("landscape", headerRow, headerRow)
	if w.err != nil {
		return fail(w.err)
	}
	if err := writeSchemeData(f, s); err != nil {
		return fail(err)
	}
	return f, nil
}

// writeSchemeData adds the very hidden sheet with the scheme's JSON, the
// defined name and the custom properties that mark the file.
func writeSchemeData(f *excelize.File, s model.Scheme) error {
	text, err := json.Marshal(s)
	if err != nil {
		return err
	}
	chunks := splitRunes(string(text), SchemeChunkRunes)
	sum := sha256.Sum256(text)
	if _, err := f.NewSheet(SchemeDataSheet); err != nil {
		return err
	}
	cells := [][2]string{
		{SchemeMarker, SchemeFormat},
		{"code", s.Code},
		{"version", s.Version},
		{"sha256", hex.EncodeToString(sum[:])},
		{"chunks", strconv.Itoa(len(chunks))},
	}
	for i, kv := range cells {
		row := strconv.Itoa(i + 1)
		if err := f.SetCellStr(SchemeDataSheet, "A"+row, kv[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(SchemeDataSheet, "B"+row, kv[1]); err != nil {
			return err
		}
	}
	for i, c := range chunks {
		if err := f.SetCellStr(SchemeDataSheet, "A"+strconv.Itoa(SchemeFirstChunkRow+i), c); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(SchemeDataSheet, false, true); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     SchemeDefinedName,
		Comment:  "星级考评方案：编码与版本（隐藏工作表保存完整方案，请勿删除）",
		RefersTo: fmt.Sprintf("%s!$B$%d:$B$%d", SchemeDataSheet, SchemeRowCode, SchemeRowVersion),
	}); err != nil {
		return err
	}
	for _, p := range []excelize.CustomProperty{
		{Name: "xingji.format", Value: SchemeMarker + "/" + SchemeFormat},
		{Name: "xingji.scheme.code", Value: s.Code},
		{Name: "xingji.scheme.version", Value: s.Version},
	} {
		if err := f.SetCustomProps(p); err != nil {
			return err
		}
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:       s.Name,
		Subject:     "考核方案",
		Creator:     "星级考评",
		Description: "由星级考评导出；隐藏工作表“" + SchemeDataSheet + "”保存完整方案，重新导入可还原。",
	})
}

// splitRunes cuts s into pieces of at most n runes (at least one piece).
func splitRunes(s string, n int) []string {
	var out []string
	for len(s) > 0 {
		i, count := 0, 0
		for i < len(s) && count < n {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			count++
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// columnName returns the letters of a 1-based column number.
func columnName(n int) string {
	name, _ := excelize.ColumnNumberToName(n)
	return name
}

// cell returns the A1 reference of a 1-based column and row.
func cell(col, row int) string { return columnName(col) + strconv.Itoa(row) }

// sectionTitle is a section's title with its declared points, as the 类别
// column shows it: "一、基础工作（15分）".
func sectionTitle(sec *model.Section) string {
	t := strings.TrimSpace(sec.Title)
	if sec.Points.IsZero() || strings.HasSuffix(t, "分)") || strings.HasSuffix(t, "分）") {
		return t
	}
	return t + "（" + model.PointsText(sec.Points) + "）"
}

func itoa(n int) string { return strconv.Itoa(n) }
