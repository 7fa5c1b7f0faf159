package importers

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// zipBytes builds a zip archive from name → content.
func zipBytes(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// patchZip rewrites one part of a zip archive.
func patchZip(t testing.TB, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		files[f.Name] = b.String()
		if f.Name == part {
			files[f.Name] = edit(b.String())
			found = true
		}
	}
	if !found {
		t.Fatalf("no part %s", part)
	}
	return zipBytes(t, files)
}

// excelizeBytes saves an excelize workbook to memory.
func excelizeBytes(t testing.TB, f *excelize.File, opts ...excelize.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf, opts...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func mustOpen(t testing.TB, name string, data []byte) *Table {
	t.Helper()
	tb, err := OpenTable(name, bytes.NewReader(data), 0)
	if err != nil {
		t.Fatalf("OpenTable(%s): %v", name, err)
	}
	return tb
}

// TestXLSXMatchesExcelize compares the fast reader with excelize's own
// reading (raw values) on a workbook excelize wrote, cell by cell.
func TestXLSXMatchesExcelize(t *testing.T) {
	f := excelize.NewFile()
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	cnDate, _ := f.NewStyle(&excelize.Style{NumFmt: 31})  // yyyy"年"m"月"d"日"
	cnMonth, _ := f.NewStyle(&excelize.Style{NumFmt: 27}) // yyyy"年"m"月"
	custom := "yyyy.mm"
	dotMonth, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	two, _ := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	rows := [][]any{
		{"序号", "姓名", "出生日期", "入党时间", "金额", "备注"},
		{1, "张三", time.Date(1980, 5, 12, 0, 0, 0, 0, time.UTC), "2011.3", 8.5, `<&>"'`},
		{2, "李四\r\n换行", 29223, 2011.1, 0.1 + 0.2, "中文，全角：１２３"},
		{3, "  前后空格  ", 110101199003071234, true, -12.25, "😀"},
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	_ = f.SetCellStyle("Sheet1", "C2", "C2", dateStyle)
	_ = f.SetCellStyle("Sheet1", "C3", "C3", cnDate)
	_ = f.SetCellFloat("Sheet1", "E4", 40603, -1, 64)
	_ = f.SetCellStyle("Sheet1", "E4", "E4", cnMonth)
	_ = f.SetCellFloat("Sheet1", "F5", 40603, -1, 64)
	_ = f.SetCellStyle("Sheet1", "F5", "F5", dotMonth)
	_ = f.SetCellStyle("Sheet1", "D3", "D3", two)
	_ = f.SetCellValue("Sheet1", "H9", "远处的单元格")

	data := excelizeBytes(t, f)
	tb := mustOpen(t, "比对.xlsx", data)
	ref, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ref.GetRows("Sheet1", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	sh := tb.Sheets[0]
	if len(sh.Rows) != len(want) {
		t.Fatalf("rows: got %d, excelize %d", len(sh.Rows), len(want))
	}
	for r, row := range want {
		for c, v := range row {
			got := sh.Cell(r+1, c+1)
			value := got.Text
			if value == "TRUE" || value == "FALSE" {
				value = map[string]string{"TRUE": "1", "FALSE": "0"}[value]
			}
			if got.Number {
				value = got.Raw
			}
			if value != v {
				t.Errorf("%s%d: got %q (cell %+v), excelize raw %q", ColumnName(c+1), r+1, value, got, v)
			}
		}
	}
	// What the user sees.
	for ref, want := range map[string]string{
		"C2": "1980-05-12", "C3": "1980-01-03", "E4": "2011-03", "F5": "2011-03",
		"D3": "2011.10", "D4": "TRUE", "E3": "0.3", "C4": "1.10101E+17", "A2": "1",
		"F2": `<&>"'`, "B3": "李四\r\n换行",
	} {
		col, row := cellRef([]byte(ref))
		if got := sh.Cell(row, col).Text; got != want {
			t.Errorf("%s text = %q, want %q", ref, got, want)
		}
	}
	if c := sh.Cell(2, 3); !c.Number || c.Raw != "29353" {
		t.Errorf("C2 = %+v, want the serial 29353 kept as Raw", c)
	}
}

// TestXLSXStructure checks merged cells, hidden rows and sheets, and the
// streaming writer's inline output.
func TestXLSXStructure(t *testing.T) {
	f := excelize.NewFile()
	_ = f.SetSheetName("Sheet1", "封面")
	_, _ = f.NewSheet("隐藏")
	_ = f.SetCellValue("隐藏", "A1", "x")
	_ = f.SetSheetVisible("隐藏", false)
	_, _ = f.NewSheet("很隐藏")
	_ = f.SetSheetVisible("很隐藏", false, true)
	_, _ = f.NewSheet("名单")
	_ = f.SetCellValue("名单", "A1", "城关镇党委党员花名册")
	_ = f.MergeCell("名单", "A1", "D1")
	_ = f.SetSheetRow("名单", "A2", &[]any{"姓名", "支部", "电话", "备注"})
	_ = f.SetSheetRow("名单", "A3", &[]any{"张三", "第一党支部", 13800138000})
	_ = f.SetSheetRow("名单", "A4", &[]any{"李四"})
	_ = f.SetCellValue("名单", "B5", nil)
	_ = f.SetSheetRow("名单", "A5", &[]any{"王五"})
	_ = f.MergeCell("名单", "B3", "B5")
	_ = f.SetRowVisible("名单", 4, false)
	_ = f.SetCellValue("名单", "D7", "合计")
	// Huge merges (excelize's MergeCell is too slow for these): one empty,
	// one clipped to the data.
	data := patchZip(t, excelizeBytes(t, f), "xl/worksheets/sheet4.xml", func(s string) string {
		if !strings.Contains(s, "</mergeCells>") {
			t.Fatal("sheet4.xml has no mergeCells")
		}
		return strings.Replace(s, "</mergeCells>", `<mergeCell ref="F10:XFD1048576"/><mergeCell ref="D7:Z100000"/></mergeCells>`, 1)
	})
	tb := mustOpen(t, "结构.xlsx", data)
	if len(tb.Sheets) != 4 {
		t.Fatalf("sheets = %d", len(tb.Sheets))
	}
	var names []string
	for _, s := range tb.VisibleSheets() {
		names = append(names, s.Name)
	}
	if strings.Join(names, ",") != "封面,名单" {
		t.Errorf("visible sheets = %v", names)
	}
	sh := tb.Sheets[3]
	if !tb.Sheets[0].Empty() || sh.Empty() {
		t.Error("Empty() wrong")
	}
	if c := sh.Cell(1, 4); c.Text != "城关镇党委党员花名册" || !c.Merged {
		t.Errorf("D1 = %+v, want the merged title", c)
	}
	if c := sh.Cell(1, 1); c.Merged {
		t.Errorf("the top-left cell itself is not marked merged: %+v", c)
	}
	for r := 3; r <= 5; r++ {
		if c := sh.Cell(r, 2); c.Text != "第一党支部" {
			t.Errorf("B%d = %q, want the merged unit", r, c.Text)
		}
	}
	if !sh.Row(4).Hidden || sh.Row(3).Hidden {
		t.Error("hidden row 4 not flagged")
	}
	if got := sh.Cell(3, 3); got.Text != "13800138000" || !got.Number {
		t.Errorf("C3 = %+v", got)
	}
	if len(sh.Rows) != 7 || sh.MaxCol() != 4 {
		t.Errorf("size = %d rows × %d cols, want 7 × 4 (merges clipped to the data)", len(sh.Rows), sh.MaxCol())
	}
	if got := sh.Merged[0].String(); got != "A1:D1" || len(sh.Merged) != 4 {
		t.Errorf("Merged = %v", sh.Merged)
	}
	if c := sh.Cell(7, 4); c.Text != "合计" || sh.Cell(7, 5).Text != "" {
		t.Errorf("row 7 = %+v", sh.Row(7))
	}
}

// TestXLSXHandWritten feeds XML that other writers produce: namespace
// prefixes, rows and cells without references, inline and rich strings,
// phonetic runs, CDATA, escapes, the 1904 date system, a chart sheet and an
// absolute relationship target.
func TestXLSXHandWritten(t *testing.T) {
	files := map[string]string{
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr date1904="1"/><x:sheets>
<x:sheet name="图表" sheetId="2" r:id="rId9"/>
<x:sheet name="数据&amp;名单" sheetId="1" r:id="rId1"/>
</x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
		"xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>姓名</t></si>
<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si>
<si><t><![CDATA[a<b&c]]></t></si>
<si><t>line_x000D_&#x4E2D;&amp;&lt;</t></si>
<si/>
</sst>`,
		"xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="10"/></cellXfs></styleSheet>`,
		"xl/worksheets/data.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- written by hand -->
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData>
<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c></x:row>
<x:row r="3" hidden="true"><x:c r="B3" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c s="1"><x:v>39145</x:v></x:c><x:c s="2"><x:v>0.955</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="b"><x:v>0</x:v></x:c><x:c r="B4" t="e"><x:v>#N/A</x:v></x:c><x:c r="C4" t="str"><x:f>A1</x:f><x:v>公式结果</x:v></x:c><x:c r="D4" t="d"><x:v>2011-03-05T00:00:00</x:v></x:c><x:c r="E4" s="1"/></x:row>
</x:sheetData>
<x:mergeCells count="1"><x:mergeCell ref="$E$3:$E$4"/></x:mergeCells>
</x:worksheet>`,
	}
	tb := mustOpen(t, "手写.xlsx", zipBytes(t, files))
	if len(tb.Sheets) != 1 || tb.Sheets[0].Name != "数据&名单" {
		t.Fatalf("sheets = %+v", tb.Sheets)
	}
	sh := tb.Sheets[0]
	want := map[string]string{
		"A1": "姓名", "B1": "张三 ", "C1": "a<b&c", "D1": "line\r中&<", "E1": "",
		"B3": "内联", "C3": "2011-03-05", "D3": "95.50%", "E3": "",
		"A4": "FALSE", "B4": "#N/A", "C4": "公式结果", "D4": "2011-03-05T00:00:00", "E4": "",
	}
	for ref, w := range want {
		col, row := cellRef([]byte(ref))
		if got := sh.Cell(row, col).Text; got != w {
			t.Errorf("%s = %q, want %q", ref, got, w)
		}
	}
	if c := sh.Cell(3, 3); c.Raw != fmt.Sprint(39145+date1904Offset) {
		t.Errorf("1904 serial not converted: %+v", c)
	}
	if !sh.Row(3).Hidden || sh.Row(2).Hidden {
		t.Error("hidden row not flagged")
	}
	if d, err := ParseDate(sh.Cell(3, 3).Text, sh.Cell(3, 3).Raw, true); err != nil || d.String() != "2011-03-05" {
		t.Errorf("ParseDate of the 1904 cell = %v, %v", d, err)
	}
}

func TestFormatCodes(t *testing.T) {
	tests := []struct {
		code string
		want numFormat
	}{
		{"General", numFormat{}},
		{"@", numFormat{}},
		{`yyyy"年"m"月"d"日"`, numFormat{kind: numDate, prec: precDay}},
		{`yyyy"年"m"月"`, numFormat{kind: numDate, prec: precMonth}},
		{"yyyy.mm", numFormat{kind: numDate, prec: precMonth}},
		{"yyyy", numFormat{kind: numDate, prec: precYear}},
		{"[$-804]yyyy/m/d;@", numFormat{kind: numDate, prec: precDay}},
		{"yyyy-mm-dd hh:mm:ss", numFormat{kind: numDate, prec: precDay, time: true}},
		{"h:mm:ss", numFormat{}},
		{"[h]:mm", numFormat{}},
		{"0.00E+00", numFormat{}},
		{"0.00", numFormat{kind: numFixed, prec: 2}},
		{"#,##0", numFormat{kind: numFixed}},
		{"0.0%", numFormat{kind: numPercent, prec: 1}},
		{`0"分"`, numFormat{kind: numFixed}},
		{`[Red]0.00;[Blue]-0.00`, numFormat{kind: numFixed, prec: 2}},
		{`"日期"0`, numFormat{kind: numFixed}},
	}
	for _, tt := range tests {
		if got := parseFormatCode(tt.code); got != tt.want {
			t.Errorf("parseFormatCode(%q) = %+v, want %+v", tt.code, got, tt.want)
		}
	}
	if got := formatNumber(math.Pi, "", numFormat{}); got != "3.14159265358979" {
		t.Errorf("General pi = %s", got)
	}
	if got := formatNumber(40607.5, "", numFormat{kind: numDate, time: true}); got != "2011-03-05 12:00:00" {
		t.Errorf("datetime = %s", got)
	}
}
