package schemesheet

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/documents"
	"xingji/importers"
	"xingji/model"
	"xingji/scoring/builtin"
)

// sameScheme fails unless a and b are equal, compared as JSON values.
func sameScheme(t *testing.T, got, want model.Scheme) {
	t.Helper()
	var a, b any
	ja, _ := json.Marshal(got)
	jb, _ := json.Marshal(want)
	json.Unmarshal(ja, &a)
	json.Unmarshal(jb, &b)
	if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(got, want) {
		t.Errorf("scheme %s differs after the round trip", want.Code)
	}
}

// TestExportRoundTrip exports every built-in scheme, reopens the file with
// excelize and with importers.OpenFile, and reads back the exact scheme.
func TestExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, s := range builtin.Schemes() {
		t.Run(s.Code, func(t *testing.T) {
			path := filepath.Join(dir, s.Code+".xlsx")
			if err := documents.WriteSchemeSheetFile(path, s); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatalf("excelize cannot open the export: %v", err)
			}
			f.Close()
			tb, err := importers.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(tb.VisibleSheets()) != 1 || len(tb.Sheets) != 2 || !tb.Sheets[1].Hidden {
				t.Fatalf("sheets: %d visible of %d", len(tb.VisibleSheets()), len(tb.Sheets))
			}
			res, err := Read(tb)
			if err != nil {
				t.Fatal(err)
			}
			if !res.FromExport || len(res.Warnings) != 0 || len(res.Errors) != 0 {
				t.Fatalf("FromExport=%v warnings=%v errors=%v", res.FromExport, res.Warnings, res.Errors)
			}
			sameScheme(t, res.Scheme, s)
			if res.Fatal() != (len(s.Problems().Fatal()) > 0) {
				t.Errorf("Fatal() = %v", res.Fatal())
			}
		})
	}
}

// TestExportVisibleTable reads an export as if its hidden sheet were lost:
// the visible table gives the same tree, points and 评分标准.
func TestExportVisibleTable(t *testing.T) {
	s := builtin.Wlmq()
	path := filepath.Join(t.TempDir(), "细则.xlsx")
	if err := documents.WriteSchemeSheetFile(path, s); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenFile(path)
	f.DeleteSheet(documents.SchemeDataSheet)
	f.Save()
	f.Close()
	tb, err := importers.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(tb)
	if err != nil {
		t.Fatal(err)
	}
	if res.FromExport || len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0].Error(), "隐藏工作表已丢失") {
		t.Fatalf("want a warning about the lost sheet: %v", res.Warnings)
	}
	checkVisible(t, res, s)
}

// checkVisible compares a scheme read from the visible table with the one
// exported: the same items in order, with points, titles and rule texts,
// and the same section titles and subtotals.
func checkVisible(t *testing.T, res *Result, s model.Scheme) {
	t.Helper()
	if len(res.Errors) != 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	got := res.Scheme
	if got.Name != s.Name || !got.Total.Equal(s.Total) {
		t.Errorf("name %q total %s", got.Name, got.Total)
	}
	type row struct{ path, title, points, quote, dept string }
	flat := func(sc model.Scheme, rule func(model.Item) string) []row {
		var out []row
		sc.Walk(func(path []*model.Section, it *model.Item) {
			var p []string
			for _, sec := range path {
				p = append(p, sec.Title+"/"+sec.Points.String())
			}
			out = append(out, row{strings.Join(p, ">"), it.Title, it.Points.String(), rule(*it), model.EffectiveDepartment(path, it)})
		})
		return out
	}
	a := flat(got, func(it model.Item) string { return it.Quote })
	b := flat(s, documents.RuleText)
	if !reflect.DeepEqual(a, b) {
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Errorf("item %d:\n got %+v\nwant %+v", i+1, a[i], b[i])
				break
			}
		}
		t.Errorf("%d items, want %d", len(a), len(b))
	}
	if fatal := res.Problems.Fatal(); len(fatal) > 0 {
		t.Errorf("fatal problems: %v", fatal)
	}
}

// TestTamperedDataFallsBack changes the hidden JSON: the checksum catches
// it and the visible table is read instead, with a positioned warning.
func TestTamperedDataFallsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "改过.xlsx")
	if err := documents.WriteSchemeSheetFile(path, builtin.Village()); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenFile(path)
	v, _ := f.GetCellValue(documents.SchemeDataSheet, "A6")
	f.SetCellStr(documents.SchemeDataSheet, "A6", strings.Replace(v, `"total":`, `"total":1`, 1))
	f.Save()
	f.Close()
	tb, err := importers.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(tb)
	if err != nil {
		t.Fatal(err)
	}
	if res.FromExport || len(res.Warnings) == 0 || res.Warnings[0].Sheet != documents.SchemeDataSheet ||
		!strings.Contains(res.Warnings[0].Error(), "不一致") {
		t.Fatalf("warnings: %v", res.Warnings)
	}
	checkVisible(t, res, builtin.Village())
}
