package documents

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring/builtin"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// entriesVillage is a village period with members appraised, own stars
// allowed and a little standing: a review score, a fact, a veto and an own
// star.
func entriesVillage() EntriesSpec {
	ms := builtin.MemberFlagStar()
	p := &model.Period{ID: 7, Name: "2026年度村党支部星级评定", Scheme: builtin.Village(), MemberScheme: &ms, Units: []int64{11, 12}}
	p.Scheme.Stars.OwnSlots = 2
	p.Scheme.Stars.OwnEarn = &model.Range{From: model.D4("8").P(), To: model.D4("10").P(), ToIncl: true}
	east := model.Unit{ID: 11, Code: "C-01", Name: "东湾村党支部", Kind: model.KindRural}
	west := model.Unit{ID: 12, Code: "C-02", Name: "西岭村党支部", Kind: model.KindRural}
	veto := model.EntryKey{Subject: "u:12", Kind: model.EntryVeto, Name: "anquan"}
	return EntriesSpec{
		Period: p, Units: []model.Unit{east, west},
		Members: []model.Member{{ID: 101, UnitID: 11, Name: "张三"}, {ID: 104, UnitID: 12, Name: "赵六"}},
		Current: map[model.EntryKey]string{
			{Subject: "u:11", Kind: model.EntryScore, Name: "policy", Field: "score"}: "17.5",
			{Subject: "u:11", Kind: model.EntryFact, Name: "satisfaction"}:            "92.5",
			{Subject: "m:101", Kind: model.EntryFact, Name: "outstanding"}:            "1",
			veto: "1",
			{Subject: "u:11", Kind: model.EntryOwnStar, Name: "产业带富星"}: "9",
		},
		Self: map[model.EntryKey]string{
			{Subject: "u:11", Kind: model.EntryScore, Name: "policy", Field: "score"}: "18",
		},
		VetoNotes: map[model.EntryKey]model.Entry{veto: {Reason: "发生安全生产事故", DocNo: "乡党发〔2026〕5号"}},
	}
}

// entriesEnterprise is the enterprise scheme's workbook for 宣传部 alone.
func entriesEnterprise() EntriesSpec {
	p := &model.Period{ID: 9, Name: "2026年上半年企业党支部考核", Scheme: builtin.Enterprise(), Units: []int64{21}}
	dept := "宣传部"
	return EntriesSpec{Period: p, Dept: &dept,
		Units: []model.Unit{{ID: 21, Code: "Q-01", Name: "机加车间党支部", Kind: model.KindEnterprise}}}
}

// TestWriteEntriesGolden compares every sheet of two entries workbooks —
// its visibility, cells, merged ranges, hidden rows and columns and data
// validations — with testdata/*.golden; go test -run Golden -update
// rewrites them.
func TestWriteEntriesGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		spec EntriesSpec
	}{
		{"entries-village", entriesVillage()},
		{"entries-enterprise-dept", entriesEnterprise()},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteEntries(&b, c.spec); err != nil {
				t.Fatal(err)
			}
			got := dumpWorkbook(t, b.Bytes())
			path := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run Golden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the workbook written; if the change is meant, run go test -run Golden -update and review the diff\n%s",
					path, firstDiff(string(want), got))
			}
		})
	}
}

// dumpWorkbook writes a workbook's content as text, sheet by sheet.
func dumpWorkbook(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		visible, err := f.GetSheetVisible(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s visible=%v\n", sheet, visible)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			var cells []string
			for c, v := range row {
				if v != "" {
					cells = append(cells, cell(c+1, r+1)+"="+strings.ReplaceAll(v, "\n", `\n`))
				}
			}
			if len(cells) == 0 {
				continue
			}
			hidden := ""
			if vis, _ := f.GetRowVisible(sheet, r+1); !vis {
				hidden = " (hidden)"
			}
			fmt.Fprintf(&b, "R%d%s: %s\n", r+1, hidden, strings.Join(cells, " | "))
		}
		var hiddenCols []string
		for c := 1; c <= 30; c++ {
			if vis, _ := f.GetColVisible(sheet, columnName(c)); !vis {
				hiddenCols = append(hiddenCols, columnName(c))
			}
		}
		if len(hiddenCols) > 0 {
			fmt.Fprintf(&b, "hidden columns: %s\n", strings.Join(hiddenCols, " "))
		}
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range merged {
			fmt.Fprintf(&b, "merged %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			fmt.Fprintf(&b, "validation %s %s %s %s\n", dv.Sqref, dv.Type, dv.Formula1, dv.Formula2)
		}
	}
	return b.String()
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, w, g)
		}
	}
	return ""
}

// The entries workbook carries its identity — kind, period, scheme and
// department — with a checksum over them, and is named after the period.
func TestEntriesIdentityAndFileName(t *testing.T) {
	spec := entriesEnterprise()
	var b bytes.Buffer
	if err := WriteEntries(&b, spec); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text, err := f.GetCellValue(model.FormIdentitySheet, "A2")
	if err != nil {
		t.Fatal(err)
	}
	want := formspec.EntriesIdentity(spec.Period, spec.Dept)
	if !strings.Contains(text, `"form":"entries"`) || !strings.Contains(text, `"dept":"宣传部"`) ||
		!strings.Contains(text, `"checksum":"`+want.Checksum+`"`) || !strings.Contains(text, `"scheme":"qiye-cxcy"`) {
		t.Errorf("identity %s, want form entries, dept 宣传部, scheme qiye-cxcy, checksum %s", text, want.Checksum)
	}
	if got := EntriesFileName(spec.Period, spec.Dept); got != "2026年上半年企业党支部考核 录入表（宣传部）.xlsx" {
		t.Errorf("file name %q", got)
	}
	if got := EntriesFileName(&model.Period{Name: "2026/1 评定"}, nil); got != "2026_1 评定 录入表.xlsx" {
		t.Errorf("file name %q", got)
	}
	committee := ""
	if got := EntriesFileName(&model.Period{Name: "评定"}, &committee); got != "评定 录入表（党委）.xlsx" {
		t.Errorf("file name %q", got)
	}
}

// A department that owns no item of the period's scheme gets no workbook,
// with a message saying so.
func TestWriteEntriesUnknownDept(t *testing.T) {
	spec := entriesEnterprise()
	other := "财务部"
	spec.Dept = &other
	err := WriteEntries(&bytes.Buffer{}, spec)
	if err == nil || err.Error() != "本期方案中没有由“财务部”考评的项目" {
		t.Errorf("error %v", err)
	}
}
