package roster

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xingji/importers"
	"xingji/model"
)

// A prefecture-sized roster: 150,000 members in 500 branches of 20 towns.
const (
	benchMembers  = 150_000
	benchTowns    = 20
	benchBranches = 500
)

var bench struct {
	once  sync.Once
	data  []byte
	units []model.Unit
	err   error
}

// benchRoster writes the roster once with excelize's stream writer into a
// temporary folder and keeps its bytes, with the matching stored tree.
func benchRoster(b *testing.B) ([]byte, []model.Unit) {
	bench.once.Do(func() {
		dir, err := os.MkdirTemp("", "xingji-bench-")
		if err != nil {
			bench.err = err
			return
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "花名册.xlsx")
		if bench.err = writeBenchRoster(path); bench.err != nil {
			return
		}
		bench.data, bench.err = os.ReadFile(path)
		bench.units = benchTree()
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.data, bench.units
}

func benchTree() []model.Unit {
	units := []model.Unit{{ID: 1, Name: "市委", Code: "SW", Level: model.LevelCommittee, Kind: model.KindOrgan}}
	for t := 0; t < benchTowns; t++ {
		units = append(units, model.Unit{ID: int64(2 + t), ParentID: 1, Name: fmt.Sprintf("第%d镇党委", t+1),
			Code: fmt.Sprintf("T%02d", t+1), Level: model.LevelCommittee, Kind: model.KindRural})
	}
	for i := 0; i < benchBranches; i++ {
		units = append(units, model.Unit{ID: int64(100 + i), ParentID: int64(2 + i%benchTowns), Name: fmt.Sprintf("第%d镇第%d党支部", i%benchTowns+1, i+1),
			Code: fmt.Sprintf("B%03d", i+1), Level: model.LevelBranch, Kind: model.KindRural})
	}
	return units
}

func writeBenchRoster(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	_ = sw.SetRow("A1", []any{"城关镇党委党员花名册"})
	_ = sw.MergeCell("A1", "L1")
	_ = sw.SetRow("A2", []any{"序号", "姓名", "性别", "出生日期", "入党时间", "党员状态", "人员类别", "所在支部", "职务", "联系电话", "身份证号", "备注"})
	genders := []string{"男", "女"}
	statuses := []string{"正式党员", "正式党员", "正式党员", "预备党员"}
	categories := []string{"在职", "在职", "流动", "离退休"}
	for i := 0; i < benchMembers; i++ {
		// 150 birth dates × 1000 sequence numbers: unique ID numbers.
		birth := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i/1000)*113+i%7)
		branch := i % benchBranches
		row := []any{
			i + 1, fmt.Sprintf("党员%d", i+1), genders[i%2],
			excelize.Cell{StyleID: dateStyle, Value: birth},
			fmt.Sprintf("%d.%d", birth.Year()+25, 1+i%12),
			statuses[i%4], categories[i%4],
			fmt.Sprintf("第%d镇第%d党支部", branch%benchTowns+1, branch+1),
			"党员", fmt.Sprintf("138%08d", i),
			idWith(birth.Format("20060102"), i%1000), "",
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// BenchmarkImport150k reads and plans the 150,000-member roster: OpenTable,
// Read and Plan, as a first import (no stored members) and as a re-import
// (every member stored, so every row is matched).
func BenchmarkImport150k(b *testing.B) {
	data, units := benchRoster(b)
	var stored []model.Member
	for _, name := range []string{"first", "reimport"} {
		b.Run(name, func(b *testing.B) {
			if name == "reimport" && stored == nil {
				b.Skip("needs the first run")
			}
			var members []model.Member
			if name == "reimport" {
				members = stored
			}
			b.ReportAllocs()
			for b.Loop() {
				t, err := importers.OpenTable("花名册.xlsx", bytes.NewReader(data), 0)
				if err != nil {
					b.Fatal(err)
				}
				s, err := Read("", t)
				if err != nil {
					b.Fatal(err)
				}
				p, err := Plan(s, Existing{Units: units, Members: members}, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if !p.Ready() || len(p.Warnings) > 1 {
					b.Fatalf("not ready: %d errors, first %v; warnings %v", len(p.Errors), p.Errors[:min(3, len(p.Errors))], p.Warnings)
				}
				if name == "first" {
					if p.Counts.New != benchMembers {
						b.Fatalf("counts = %+v", p.Counts)
					}
					if stored == nil {
						stored = make([]model.Member, len(p.Plan.Members))
						for i, pm := range p.Plan.Members {
							stored[i] = pm.Member
							stored[i].ID = int64(i + 1)
						}
					}
				} else if p.Counts.Unchanged != benchMembers {
					b.Fatalf("counts = %+v", p.Counts)
				}
			}
		})
	}
}
