package forms_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"xingji/importers/fixture"
	"xingji/importers/forms"
	"xingji/model"
	"xingji/model/formspec"
)

// convert converts a file with LibreOffice into a new directory with
// Chinese characters and spaces in its path, and returns the new bytes.
func convert(t *testing.T, src, format string) []byte {
	t.Helper()
	out, err := os.ReadFile(fixture.Convert(t, src, format, "", chineseDir(t, "另存 为")))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// messyEdits are what a branch does to 自评表 of the village form: numbers
// typed as text, full-width digits, a unit after the number, stray spaces,
// a blank row inserted after 法律援助星 (moving the next three items down a
// row), hidden rows, and the sheet renamed.
var messyEdits = []fixture.Edit{
	fixture.SetCell("自评表", "G7", "18"),
	fixture.SetCell("自评表", "G8", "１８"),
	fixture.SetCell("自评表", "G9", "4.5分"),
	fixture.SetCell("自评表", "G10", "\u3000 17 "),
	fixture.SetCell("自评表", "G11", " 16.0\u00a0"),
	fixture.SetCell("自评表", "H7", "  "+policyNote+"（见附件）\n"),
	fixture.SetCell("满意度测评", "C6", "３７"),
	fixture.InsertRows("自评表", 9, 1),
	fixture.HideRow("自评表", 8),
	fixture.HideRow("自评表", 11),
	fixture.HideRow("承诺台账", 6),
	fixture.RenameSheet("自评表", "自评"),
}

// checkMessy checks the values of the village form after messyEdits, with
// skills (now row 10) scored want.
func checkMessy(t *testing.T, res *forms.Result, skills string) {
	t.Helper()
	if len(res.Values) != 52 {
		t.Fatalf("%d values, want 52:\n%+v", len(res.Values), res.Values)
	}
	wantValue(t, selfValue(t, res.Values, "policy", "score"), "18", "自评", "G7")
	wantValue(t, selfValue(t, res.Values, "law", "score"), "18", "自评", "G8")
	wantValue(t, selfValue(t, res.Values, "skills", "score"), skills, "自评", "G10")
	wantValue(t, selfValue(t, res.Values, "livelihood", "score"), "17", "自评", "G11")
	wantValue(t, selfValue(t, res.Values, "economy", "score"), "16", "自评", "G12")
	// The note keeps its Chinese punctuation and loses the spaces around it.
	wantValue(t, selfValue(t, res.Values, "policy", formspec.KeyNote), policyNote+"（见附件）", "自评", "H7")
	rate := find(t, res.Values, func(v model.EntryValue) bool { return v.Field == formspec.SatisfactionFact }, "rate")
	wantValue(t, rate, "93.33", "满意度测评", "C6")
	// The hidden ledger line is read all the same.
	what := find(t, res.Values, func(v model.EntryValue) bool { return v.Source == "ledger" && v.Rater == "1" && v.Field == "what" }, "ledger")
	wantValue(t, what, "修缮村内道路2公里", "承诺台账", "D6")
}

func TestMessyWorkbook(t *testing.T) {
	cat := newCatalog()
	dir := chineseDir(t, "返回 的表")
	_, data := fixture.EditWithOpenpyxl(t, dir, "东湾村 自评（改）.xlsx", filledVillage(t, cat), messyEdits...)
	res := read(t, "东湾村 自评（改）.xlsx", data, cat)
	if res.ByHeaders || res.Identity.UnitID != east.ID {
		t.Errorf("not recognised by its identity: ByHeaders %v, %+v", res.ByHeaders, res.Identity)
	}
	checkMessy(t, res, "4.5")
}

// TestFormula: a score typed as a formula. openpyxl saves no calculated
// value, so the file is refused at the cell; once LibreOffice has opened
// and saved it, the value is there and taken. LibreOffice's copy must still
// be known by its hidden identity.
func TestFormula(t *testing.T) {
	fixture.Soffice(t)
	cat := newCatalog()
	dir := chineseDir(t, "公式 表")
	path, data := fixture.EditWithOpenpyxl(t, dir, "东湾村 公式.xlsx", filledVillage(t, cat), append(messyEdits, fixture.SetCell("自评", "G10", "=10+5"))...)
	res := forms.Read("东湾村 公式.xlsx", data, cat)
	wantError(t, res, "东湾村 公式.xlsx", "自评", 10, colValue,
		"第10行 G列", "“服务技能培训星：组织致富实用技能…”项的“得分”是公式，但文件中没有公式的计算结果", "在 Excel 或 WPS 中打开")

	saved := convert(t, path, "xlsx")
	res = read(t, "东湾村 公式.xlsx", saved, cat)
	if res.ByHeaders {
		t.Error("LibreOffice kept the very hidden identity sheet, yet the file was recognised by its headers")
	}
	checkMessy(t, res, "15")
}

// TestLibreOfficeResave: a form opened and saved by LibreOffice is still
// known by its hidden identity and reads the same; without the identity
// sheet it is known by the lines above its tables.
func TestLibreOfficeResave(t *testing.T) {
	fixture.Soffice(t)
	cat := newCatalog()
	dir := chineseDir(t, "填好 的表")
	src := filepath.Join(dir, "C-01 东湾村党支部 填报表.xlsx")
	orig := filledVillage(t, cat)
	if err := os.WriteFile(src, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	want := read(t, "原表.xlsx", orig, cat).Values
	saved := convert(t, src, "xlsx")
	res := read(t, "另存.xlsx", saved, cat)
	if res.ByHeaders {
		t.Error("recognised by its headers: LibreOffice dropped the identity sheet")
	}
	sameValues(t, res.Values, want)

	// The identity sheet deleted (a copy of the sheets in a new workbook).
	_, data := fixture.EditWithOpenpyxl(t, dir, "没有标识.xlsx", saved, fixture.DeleteSheet(model.FormIdentitySheet))
	res = read(t, "没有标识.xlsx", data, cat)
	if !res.ByHeaders || res.Identity.UnitID != east.ID || res.Period.ID != villageID {
		t.Errorf("ByHeaders %v identity %+v", res.ByHeaders, res.Identity)
	}
	sameValues(t, res.Values, want)
}

// sameValues checks that two reads of a form agree value by value.
func sameValues(t *testing.T, got, want []model.EntryValue) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d values, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("value %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestLegacyXLS: the form saved by LibreOffice as Excel 97–2003 (.xls).
func TestLegacyXLS(t *testing.T) {
	fixture.Soffice(t)
	cat := newCatalog()
	dir := chineseDir(t, "旧版 表格")
	src := filepath.Join(dir, "东湾村 填报表.xlsx")
	orig := filledVillage(t, cat)
	if err := os.WriteFile(src, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	data := convert(t, src, "xls")
	if !strings.HasPrefix(string(data), "\xD0\xCF\x11\xE0") {
		t.Fatal("LibreOffice did not write an OLE2 .xls")
	}
	res := read(t, "东湾村 填报表.xls", data, cat)
	if res.ByHeaders {
		t.Error("the .xls lost the identity sheet")
	}
	sameValues(t, res.Values, read(t, "原表.xlsx", orig, cat).Values)
}

// utf8CSV is LibreOffice's CSV export as UTF-8 (its default follows the
// system's encoding, which on a test machine's C locale loses every Chinese
// character).
const utf8CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1"

// TestCSV: LibreOffice writes the first sheet, 自评表, as CSV, hidden key
// column and row included. The CSV is known by the lines above the table.
// For the 创先争优 period, whose form is 自评表 and 承诺台账, it is
// accepted; the village period also needs 党员评议表 and 满意度测评, which
// a CSV cannot hold, and says so.
func TestCSV(t *testing.T) {
	fixture.Soffice(t)
	cat := newCatalog()
	dir := chineseDir(t, "导出 CSV")

	p := cat.Period(wlmqID)
	src := filepath.Join(dir, "西岭村 自评表.xlsx")
	filled := fill(t, unitForm(t, cat, wlmqID, west), wlmqFill(p, nil, map[string]any{"f:2:score": 0.5, "f:10:awareness": 66.6}))
	if err := os.WriteFile(src, filled, 0o644); err != nil {
		t.Fatal(err)
	}
	rows := keyRows(t, filled, "自评表")
	res := read(t, "西岭村 自评表.csv", convert(t, src, utf8CSV), cat)
	if !res.ByHeaders || res.Identity.UnitID != west.ID || res.Period.ID != wlmqID {
		t.Fatalf("ByHeaders %v identity %+v", res.ByHeaders, res.Identity)
	}
	if want := read(t, "原表.xlsx", filled, cat).Values; len(res.Values) != len(want) {
		t.Errorf("%d values from the CSV, %d from the workbook", len(res.Values), len(want))
	}
	at := func(key string) string { return "G" + strconv.Itoa(rows[key]) }
	wantValue(t, selfValue(t, res.Values, "2", "score"), "0.5", "西岭村 自评表", at("f:2:score"))
	wantValue(t, selfValue(t, res.Values, "10", "awareness"), "66.6", "西岭村 自评表", at("f:10:awareness"))
	wantValue(t, selfValue(t, res.Values, "1", "office"), "1", "西岭村 自评表", at("f:1:office"))

	src = filepath.Join(dir, "东湾村 自评表.xlsx")
	if err := os.WriteFile(src, filledVillage(t, cat), 0o644); err != nil {
		t.Fatal(err)
	}
	res = forms.Read("东湾村 自评表.csv", convert(t, src, utf8CSV), cat)
	if !res.ByHeaders || res.Identity.UnitID != east.ID || len(res.Values) != 0 || len(res.Errors) != 1 {
		t.Fatalf("ByHeaders %v identity %+v, %d values, problems:\n%v", res.ByHeaders, res.Identity, len(res.Values), res.Errors)
	}
	wantError(t, res, "东湾村 自评表.csv", "", 0, 0, "CSV 文件只有一个工作表", "“党员评议表”“满意度测评”", "下发的 Excel 填报表")
}
