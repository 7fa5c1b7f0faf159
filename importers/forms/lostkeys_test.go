package forms_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/importers/fixture"
	"xingji/importers/forms"
	"xingji/model"
	"xingji/model/formspec"
)

// dropKeys clears the hidden keys of a sheet — row 1 and column A — as a
// copy of the visible table would lose them.
func dropKeys(t testing.TB, data []byte, sheet string) []byte {
	t.Helper()
	return fixture.EditWorkbook(t, data, func(f *excelize.File) error {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return err
		}
		for i, r := range rows {
			for c := range r {
				if i == 0 || c == 0 {
					ref, _ := excelize.CoordinatesToCellName(c+1, i+1)
					if err := f.SetCellValue(sheet, ref, nil); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

// TestLostKeys: 自评表 without its hidden keys is read by its header row
// and the 序号 the form prints — "1" to "5" for the village items coded
// "policy" … "economy".
func TestLostKeys(t *testing.T) {
	cat := newCatalog()
	good := filledVillage(t, cat)
	res := read(t, "无标记.xlsx", dropKeys(t, good, "自评表"), cat)
	if len(res.Values) != 52 {
		t.Fatalf("%d values, want 52: %+v", len(res.Values), res.Values)
	}
	for code, score := range villageScores {
		wantValue(t, selfValue(t, res.Values, code, "score"), strconv.FormatFloat(toFloat(score), 'f', -1, 64),
			"自评表", "G"+strconv.Itoa(villageRows[code]))
	}
	wantValue(t, selfValue(t, res.Values, "policy", formspec.KeyNote), policyNote, "自评表", "H7")

	// Rule items cannot be read without the keys: each is refused at its
	// row. Item "12b" shows 序号 14, as does item "14"; both are matched in
	// order, so no row goes missing.
	p := cat.Period(wlmqID)
	data := fill(t, unitForm(t, cat, wlmqID, west), wlmqFill(p, nil, nil))
	rows := keyRows(t, data, "自评表")
	res = forms.Read("无标记.xlsx", dropKeys(t, data, "自评表"), cat)
	rules := 0
	for _, fi := range formspec.SelfItems(&p.Scheme, west.Kind) {
		if fi.Item.Rule.Kind != model.RuleManual {
			rules++
		}
	}
	if len(res.Errors) != rules || rules < 20 {
		t.Fatalf("%d problems, want one per rule item (%d):\n%v", len(res.Errors), rules, res.Errors)
	}
	wantRow := map[int]bool{}
	for _, fi := range formspec.SelfItems(&p.Scheme, west.Kind) {
		if fi.Item.Rule.Kind != model.RuleManual {
			wantRow[rows[formspec.FieldKey{Item: fi.Item.Code, Field: model.ItemFields(fi.Item)[0].Name}.String()]] = true
		}
	}
	for _, e := range res.Errors {
		if e.Sheet != "自评表" || e.Col != colValue || !wantRow[e.Row] || !strings.Contains(e.Message, "需要按规则填写次数或“是/否”") {
			t.Errorf("unexpected problem: %s", e)
		}
	}
	if e := res.Errors[0]; e.Row != rows["f:1:leadingGroup"] || !strings.HasPrefix(e.Message, "第 1 项") {
		t.Errorf("first problem: %s", e)
	}
}

// TestHeaderOnlyCSV: a CSV typed by hand from the printed form — the lines
// above the table, 序号 and 得分, no hidden keys — is tied to its unit and
// period by those lines and read by 序号; each problem names its cell, and
// the sheets a CSV cannot hold are named once.
func TestHeaderOnlyCSV(t *testing.T) {
	cat := newCatalog()
	data := []byte("\"党组织：东湾村党支部（编码 C-01）    考评周期：2026年度村党支部星级评定\"\n" +
		"序号,考核项目,分值,得分,说明（扣分原因）\n1,政策,20,18,\n2,法律,20,１９.５,无\n3,技能,20,x,\n4,民生,20,25,\n")
	const name = "村级 自评.csv"
	res := forms.Read(name, data, cat)
	if !res.ByHeaders || res.Identity.UnitID != east.ID || res.Identity.PeriodID != villageID || len(res.Values) != 0 {
		t.Fatalf("ByHeaders %v identity %+v, %d values", res.ByHeaders, res.Identity, len(res.Values))
	}
	want := []struct {
		sheet    string
		row, col int
		text     string
	}{
		{"村级 自评", 5, 4, "第 3 项的得分应填数字，现在是“x”"},
		{"村级 自评", 6, 4, "第 4 项的得分填写的 25 分超过了分值 20 分"},
		{"村级 自评", 0, 1, "找不到序号为 5 的一行（项目“5 服务经济发展星：壮大村级集体经济”）"},
		{"", 0, 0, "CSV 文件只有一个工作表，而这份表还需要“党员评议表”“满意度测评”"},
	}
	if len(res.Errors) != len(want) {
		t.Fatalf("%d problems:\n%v", len(res.Errors), res.Errors)
	}
	for i, w := range want {
		e := res.Errors[i]
		if e.File != name || e.Sheet != w.sheet || e.Row != w.row || e.Col != w.col || !strings.Contains(e.Message, w.text) {
			t.Errorf("problem %d = %s, want %q at %q %d/%d", i+1, e, w.text, w.sheet, w.row, w.col)
		}
	}
}
