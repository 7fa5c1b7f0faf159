package entries_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/documents"
	"xingji/importers/entries"
	"xingji/importers/fixture"
	"xingji/model"
	"xingji/scoring/builtin"
)

// The workbook filled with openpyxl — another program than the one that
// wrote it — the way clerks type: numbers as text, full-width digits, "分"
// after a score, 是/否, cells emptied, a veto added by the unit's name.
func TestFilledWithOpenpyxl(t *testing.T) {
	spec := villageSpec()
	dir := chineseDir(t, "录入 表")
	_, data := fixture.EditWithOpenpyxl(t, dir, "录入表（已填）.xlsx", write(t, spec),
		fixture.SetCell(scores, "F9", "１８"),
		fixture.SetCell(scores, "O9", "  复核后更正\n"),
		fixture.SetCell(scores, "J10", "16.5分"),
		fixture.SetCell(facts, "E6", nil),
		fixture.SetCell(facts, "E7", 85),
		fixture.SetCell(memberFacts, "D9", "是"),
		fixture.SetCell(vetoes, "D8", "东湾村党支部"),
		fixture.SetCell(vetoes, "E8", "违反计划生育"),
		fixture.SetCell(vetoes, "G8", "乡党发〔2026〕9号"),
		fixture.SetCell(ownStars, "E8", "文明新风星"),
		fixture.SetCell(ownStars, "F8", 8),
	)
	wantEntries(t, read(t, data, readSpec(spec)),
		entry{key: eastPolicy, value: "18", old: "17.5", reason: "复核后更正", sheet: scores, cell: "F9"},
		entry{key: model.EntryKey{Subject: "u:12", Kind: model.EntryScore, Name: "skills", Field: "score"}, value: "16.5", sheet: scores, cell: "J10"},
		entry{key: eastSatisf, value: "", old: "92.5", sheet: facts, cell: "E6"},
		entry{key: westSatisf, value: "85", sheet: facts, cell: "E7"},
		entry{key: model.EntryKey{Subject: "m:104", Kind: model.EntryFact, Name: "outstanding"}, value: "1", sheet: memberFacts, cell: "D9"},
		entry{key: eastJisheng, value: "1", docNo: "乡党发〔2026〕9号", sheet: vetoes, cell: "E8"},
		entry{key: model.EntryKey{Subject: "u:12", Kind: model.EntryOwnStar, Name: "文明新风星"}, value: "8", sheet: ownStars, cell: "F8"},
	)

	// A bad cell typed in openpyxl is refused like any other.
	_, bad := fixture.EditWithOpenpyxl(t, dir, "录入表（有错）.xlsx", write(t, spec), fixture.SetCell(scores, "H9", "良好"))
	refused(t, bad, readSpec(spec),
		fileName+"，工作表“考评得分”，第9行 H列：东湾村党支部“服务法律援助星：依法治村，调处矛…”项的“得分”应填数字，现在是“良好”。请只填写0至20之间的数，例如 8 或 8.5，不要写文字。")
}

// The workbook opened and saved by LibreOffice keeps its very hidden
// identity and record: untouched it gives nothing, and a cell changed
// before saving gives its entry.
func TestLibreOfficeResave(t *testing.T) {
	fixture.Soffice(t)
	spec := villageSpec()
	dir := chineseDir(t, "另存 为")
	path, _ := fixture.EditWithOpenpyxl(t, dir, "录入表.xlsx", write(t, spec), fixture.SetCell(scores, "H10", 19))
	out := chineseDir(t, "保存 后")
	saved, err := os.ReadFile(fixture.Convert(t, path, "xlsx", "", out))
	if err != nil {
		t.Fatal(err)
	}
	wantEntries(t, read(t, saved, readSpec(spec)), entry{key: westLaw, value: "19", sheet: scores, cell: "H10"})

	untouched := filepath.Join(dir, "原样.xlsx")
	if err := os.WriteFile(untouched, write(t, spec), 0o644); err != nil {
		t.Fatal(err)
	}
	saved, err = os.ReadFile(fixture.Convert(t, untouched, "xlsx", "", out))
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, saved, readSpec(spec)); len(got) != 0 {
		t.Errorf("untouched workbook saved by LibreOffice gave entries: %+v", got)
	}
}

// cellOf finds the cell of a row key and a column key in a sheet by its
// hidden keys, read with excelize rather than the reader under test.
func cellOf(t testing.TB, data []byte, sheet, rowKey, colKey string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col := 0
	for c, k := range rows[0] {
		if k == colKey {
			col = c + 1
		}
	}
	for r, row := range rows {
		if len(row) > 0 && row[0] == rowKey && col > 0 {
			ref, _ := excelize.CoordinatesToCellName(col, r+1)
			return ref
		}
	}
	t.Fatalf("no cell %s × %s in %s", rowKey, colKey, sheet)
	return ""
}

// columnKeys lists the column keys of a sheet's hidden key row.
func columnKeys(t testing.TB, data []byte, sheet string) []string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, k := range rows[0][1:] {
		if k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// The enterprise scheme (000 第四篇) has five departments each entering
// its own part: "组织部 60, 宣传部 10, 党办 10, 纪委办 10, 干部部 10 … each
// enters its own part" (DOMAIN.md rule 8). 宣传部's workbook carries its
// items alone, and each score entered carries the department owning it.
func TestDepartmentWorkbook(t *testing.T) {
	p := &model.Period{ID: periodID, Name: "2026年上半年企业党支部考核", Scheme: builtin.Enterprise(), Units: []int64{21, 22}}
	units := []model.Unit{{ID: 21, Code: "Q-01", Name: "机加车间党支部", Kind: model.KindEnterprise},
		{ID: 22, Code: "Q-02", Name: "装配车间党支部", Kind: model.KindEnterprise}}
	orgItem := model.EntryKey{Subject: "u:21", Kind: model.EntryScore, Name: "O1", Field: "notExecuted"}
	current := map[model.EntryKey]string{orgItem: "1"}
	prop := "宣传部"
	spec := documents.EntriesSpec{Period: p, Dept: &prop, Units: units, Current: current}
	data := write(t, spec)
	for _, k := range columnKeys(t, data, scores) {
		if k != "reason" && !strings.HasPrefix(k, "f:P") {
			t.Errorf("宣传部's workbook has column %s", k)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); strings.Join(got, ",") != "说明,考评得分,xingji_prefill,xingji_id" {
		t.Errorf("sheets %v", got)
	}
	f.Close()
	rs := entries.ReadSpec{Period: p, Units: units, Current: current}
	c := cellOf(t, data, scores, "u:22", "f:P1:noStudy")
	wantEntries(t, read(t, fill(t, data, set{scores + "!" + c: 2}), rs),
		entry{key: model.EntryKey{Subject: "u:22", Kind: model.EntryScore, Name: "P1", Field: "noStudy"}, dept: "宣传部", value: "2", sheet: scores, cell: c})

	// The whole office's workbook carries every department's items, each
	// entry with its own department.
	all := write(t, documents.EntriesSpec{Period: p, Units: units, Current: current})
	org, pr := cellOf(t, all, scores, "u:21", "f:O1:notExecuted"), cellOf(t, all, scores, "u:21", "f:P1:noStudy")
	wantEntries(t, read(t, fill(t, all, set{scores + "!" + org: 0, scores + "!" + pr: 1}), rs),
		entry{key: orgItem, dept: "组织部", value: "0", old: "1", sheet: scores, cell: org},
		entry{key: model.EntryKey{Subject: "u:21", Kind: model.EntryScore, Name: "P1", Field: "noStudy"}, dept: "宣传部", value: "1", sheet: scores, cell: pr})

	// A department the period no longer has.
	renamed := *p
	renamed.Scheme = builtin.Enterprise()
	for i := range renamed.Scheme.Sections {
		if renamed.Scheme.Sections[i].Department == prop {
			renamed.Scheme.Sections[i].Department = "宣传科"
		}
	}
	refused(t, data, entries.ReadSpec{Period: &renamed, Units: units},
		fileName+"：本期方案中没有由“宣传部”考评的项目。请在“考评结果”页点“导出录入表…”重新生成本期的录入表，填写后再导入。")
}
