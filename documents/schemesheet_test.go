package documents

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/model"
	"xingji/scoring/builtin"
)

// TestWriteSchemeSheetBuiltins writes every built-in scheme and checks the
// workbook with excelize: the visible table, the totals row, the print
// setup, the very hidden JSON and the markers.
func TestWriteSchemeSheetBuiltins(t *testing.T) {
	dir := t.TempDir()
	for _, s := range builtin.Schemes() {
		t.Run(s.Code, func(t *testing.T) {
			path := filepath.Join(dir, s.Code+".xlsx")
			if err := WriteSchemeSheetFile(path, s); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); len(got) != 2 || got[0] != SchemeSheetName || got[1] != SchemeDataSheet {
				t.Fatalf("sheets = %v", got)
			}
			if v, _ := f.GetSheetVisible(SchemeDataSheet); v {
				t.Error("data sheet is visible")
			}
			if title, _ := f.GetCellValue(SchemeSheetName, "A1"); title != s.Name {
				t.Errorf("title = %q", title)
			}
			for i, h := range SchemeColumns {
				if got, _ := f.GetCellValue(SchemeSheetName, cell(i+1, headerRow)); got != h {
					t.Errorf("header %d = %q, want %q", i+1, got, h)
				}
			}
			rows, _ := f.GetRows(SchemeSheetName)
			items := 0
			s.Walk(func([]*model.Section, *model.Item) { items++ })
			total := rows[headerRow+items]
			if total[0] != "合计" || total[3] != s.Total.String() {
				t.Errorf("totals row = %q", total)
			}
			if !strings.Contains(strings.Join(rows[len(rows)-1], ""), s.Notes[len(s.Notes)-1].Text[:9]) {
				t.Errorf("last note missing: %q", rows[len(rows)-1])
			}
			// The JSON, reassembled from the hidden sheet.
			data, _ := f.GetRows(SchemeDataSheet)
			if data[0][0] != SchemeMarker || data[1][1] != s.Code || data[2][1] != s.Version {
				t.Errorf("data header = %q", data[:3])
			}
			var b strings.Builder
			for _, r := range data[SchemeFirstChunkRow-1:] {
				b.WriteString(r[0])
			}
			want, _ := json.Marshal(s)
			if b.String() != string(want) {
				t.Error("hidden JSON differs from the scheme")
			}
			var names []string
			for _, dn := range f.GetDefinedName() {
				names = append(names, dn.Name)
			}
			if !strings.Contains(strings.Join(names, ","), SchemeDefinedName) || !strings.Contains(strings.Join(names, ","), "Print_Titles") {
				t.Errorf("defined names = %v", names)
			}
			props, _ := f.GetCustomProps()
			found := false
			for _, p := range props {
				found = found || (p.Name == "xingji.scheme.code" && p.Value == s.Code)
			}
			if !found {
				t.Errorf("custom properties = %v", props)
			}
			lay, _ := f.GetPageLayout(SchemeSheetName)
			if *lay.Orientation != "landscape" || *lay.Size != 9 || *lay.FitToWidth != 1 {
				t.Errorf("page layout = %+v", lay)
			}
		})
	}
}

// TestSchemeDataChunks checks that a scheme whose JSON exceeds one cell is
// split over several cells, none longer than Excel allows.
func TestSchemeDataChunks(t *testing.T) {
	s := builtin.Wlmq()
	s.Notes = append(s.Notes, model.Note{Text: strings.Repeat("很长的说明", 9000)})
	var buf bytes.Buffer
	if err := WriteSchemeSheet(&buf, s); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, _ := f.GetRows(SchemeDataSheet)
	if n := len(data) - SchemeFirstChunkRow + 1; n < 3 || data[4][1] != itoa(n) {
		t.Fatalf("%d chunks, header says %q", n, data[4][1])
	}
	var b strings.Builder
	for _, r := range data[SchemeFirstChunkRow-1:] {
		if len([]rune(r[0])) > SchemeChunkRunes {
			t.Errorf("chunk of %d characters", len([]rune(r[0])))
		}
		b.WriteString(r[0])
	}
	want, _ := json.Marshal(s)
	if b.String() != string(want) {
		t.Error("reassembled JSON differs")
	}
}

func TestRuleText(t *testing.T) {
	w := builtin.Wlmq()
	for code, want := range map[string]string{
		"1": "没有成立领导组织", // the seed's own sentence wins
		"2": "由考核人员在0至1分之间评分",
	} {
		if got := RuleText(*w.Item(code)); !strings.Contains(got, want) {
			t.Errorf("item %s: %q does not contain %q", code, got, want)
		}
	}
	it := *w.Item("3")
	it.Quote = ""
	got := RuleText(it)
	for _, want := range []string{"制度每少一项，减0.2分", "最多减1分", "应不少于4次，每少一次减0.5分", "减完为止"} {
		if !strings.Contains(got, want) {
			t.Errorf("item 3: %q does not contain %q", got, want)
		}
	}
	// Every rule of every built-in gives some text without "未说明".
	for _, s := range builtin.Schemes() {
		s.Walk(func(_ []*model.Section, it *model.Item) {
			if got := DescribeRule(it.Rule, it.Points, it.Penalty); got == "" || strings.Contains(got, "未说明") {
				t.Errorf("%s item %s: %q", s.Code, it.Code, got)
			}
		})
	}
}
