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

// The test county: two village branches in scope and one out of it, in a
// 村党支部星级评定 period (cun-xingji: five 20-point items scored by the
// committee, the fact 满意率, four vetoes) that appraises members
// (shouqi-pingxing-dangyuan: the flag fact 特别突出) and allows two own
// stars scored 8 to 10.
const (
	periodID   = 7
	periodName = "2026年度村党支部星级评定"
	fileName   = "录入表 已填.xlsx"
)

var (
	east  = model.Unit{ID: 11, Code: "C-01", Name: "东湾村党支部", Kind: model.KindRural}
	west  = model.Unit{ID: 12, Code: "C-02", Name: "西岭村党支部", Kind: model.KindRural}
	south = model.Unit{ID: 13, Code: "C-03", Name: "南坡村党支部", Kind: model.KindRural}
)

// Keys of what stands when the workbook is written.
var (
	eastPolicy  = model.EntryKey{Subject: "u:11", Kind: model.EntryScore, Name: "policy", Field: "score"}
	westLaw     = model.EntryKey{Subject: "u:12", Kind: model.EntryScore, Name: "law", Field: "score"}
	eastSatisf  = model.EntryKey{Subject: "u:11", Kind: model.EntryFact, Name: "satisfaction"}
	westSatisf  = model.EntryKey{Subject: "u:12", Kind: model.EntryFact, Name: "satisfaction"}
	zhangOutst  = model.EntryKey{Subject: "m:101", Kind: model.EntryFact, Name: "outstanding"}
	westAnquan  = model.EntryKey{Subject: "u:12", Kind: model.EntryVeto, Name: "anquan"}
	eastJisheng = model.EntryKey{Subject: "u:11", Kind: model.EntryVeto, Name: "jisheng"}
	eastStar    = model.EntryKey{Subject: "u:11", Kind: model.EntryOwnStar, Name: "产业带富星"}
)

// The cells of the village workbook (see documents/testdata/
// entries-village.golden): 考评得分 has a 自评 column before each review
// column, east on row 9 and west on row 10; 考核事实 east on row 6, west on
// row 7; 党员事实 张三 on row 7; 一票否决 the standing veto on row 6, blank
// lines from row 7; 个性星 east's two lines on rows 6–7, west's on 8–9.
const (
	scores, facts, memberFacts, vetoes, ownStars = "考评得分", "考核事实", "党员事实", "一票否决", "个性星"
)

func villagePeriod() *model.Period {
	ms := builtin.MemberFlagStar()
	p := &model.Period{ID: periodID, Name: periodName, Scheme: builtin.Village(), MemberScheme: &ms,
		Units: []int64{east.ID, west.ID}, Status: model.PeriodOpen}
	p.Scheme.Stars.OwnSlots = 2
	p.Scheme.Stars.OwnEarn = &model.Range{From: model.D4("8").P(), To: model.D4("10").P(), ToIncl: true}
	return p
}

func members() []model.Member {
	return []model.Member{{ID: 101, UnitID: east.ID, Name: "张三"}, {ID: 104, UnitID: west.ID, Name: "赵六"}}
}

// standing is what stands when the workbook is written.
func standing() map[model.EntryKey]string {
	return map[model.EntryKey]string{eastPolicy: "17.5", eastSatisf: "92.5", zhangOutst: "1", westAnquan: "1", eastStar: "9"}
}

// villageSpec is the spec of the whole office's workbook.
func villageSpec() documents.EntriesSpec {
	return documents.EntriesSpec{
		Period: villagePeriod(), Units: []model.Unit{east, west}, Members: members(), Current: standing(),
		Self:      map[model.EntryKey]string{eastPolicy: "18"},
		VetoNotes: map[model.EntryKey]model.Entry{westAnquan: {Reason: "发生安全生产事故", DocNo: "乡党发〔2026〕5号"}},
	}
}

// readSpec reads back what spec wrote, against the same period, units and
// what stands.
func readSpec(spec documents.EntriesSpec) entries.ReadSpec {
	return entries.ReadSpec{Period: spec.Period, Units: spec.Units, Members: spec.Members, Current: spec.Current}
}

// write writes the workbook of spec.
func write(t testing.TB, spec documents.EntriesSpec) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := documents.WriteEntries(&b, spec); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// set is one cell to change with excelize: "考评得分!F9"; a nil value
// empties the cell.
type set map[string]any

// fill changes cells with excelize, as a quick stand-in for a person.
func fill(t testing.TB, data []byte, cells set) []byte {
	t.Helper()
	return fixture.EditWorkbook(t, data, func(f *excelize.File) error {
		for ref, v := range cells {
			sheet, c, _ := strings.Cut(ref, "!")
			var err error
			if v == nil {
				err = f.SetCellStr(sheet, c, "")
			} else {
				err = f.SetCellValue(sheet, c, v)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// read reads a workbook and fails the test on any problem.
func read(t testing.TB, data []byte, spec entries.ReadSpec) []model.Entry {
	t.Helper()
	res, err := entries.Read(fileName, data, spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("refused:\n%s", strings.Join(res.Problems, "\n"))
	}
	return res.Entries
}

// refused reads a workbook that must be refused with exactly the problems
// given, in order, and no entries.
func refused(t testing.TB, data []byte, spec entries.ReadSpec, want ...string) {
	t.Helper()
	res, err := entries.Read(fileName, data, spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entries) != 0 {
		t.Errorf("a refused workbook gave %d entries", len(res.Entries))
	}
	if strings.Join(res.Problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(res.Problems, "\n"), strings.Join(want, "\n"))
	}
}

// entry is what an entry read from the workbook should be: its key and
// department, value, old value, reason, document number and cell.
type entry struct {
	key                             model.EntryKey
	dept, value, old, reason, docNo string
	sheet, cell                     string
}

// wantEntries checks the entries read, in order.
func wantEntries(t testing.TB, got []model.Entry, want ...entry) {
	t.Helper()
	for i := 0; i < max(len(got), len(want)); i++ {
		switch {
		case i >= len(got):
			t.Errorf("entry %d missing: want %+v", i, want[i])
		case i >= len(want):
			t.Errorf("entry %d not wanted: %+v", i, got[i])
		default:
			g, w := got[i], want[i]
			if g.EntryKey != w.key || g.Dept != w.dept || g.Value != w.value || g.Old != w.old || g.Reason != w.reason ||
				g.DocNo != w.docNo || g.Sheet != w.sheet || g.Cell != w.cell || g.File != fileName || g.PeriodID != periodID {
				t.Errorf("entry %d = %+v\nwant %+v", i, g, w)
			}
		}
	}
}

// chineseDir returns a new directory whose path holds Chinese characters
// and spaces, for files handed to python and LibreOffice.
func chineseDir(t testing.TB, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// deleteSheet deletes a sheet with excelize.
func deleteSheet(t testing.TB, data []byte, sheet string) []byte {
	t.Helper()
	return fixture.EditWorkbook(t, data, func(f *excelize.File) error { return f.DeleteSheet(sheet) })
}
