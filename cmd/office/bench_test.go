package office

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/importers/roster"
	"xingji/model"
	"xingji/model/demo"
)

// BenchmarkImportRoster150k measures the whole roster import as the office
// does it: a prefecture's 150,000-member roster (.xlsx written by excelize's
// stream writer, 11 columns with Chinese headers) into a database that holds
// the prefecture's ~5,000 units — open and read the file, plan against the
// stored units and members, back up, and write it all in one transaction.
// Target (issue "Foundation"): ≤ 10 s on a 2-core machine.
//
//	go test -run '^$' -bench ImportRoster150k -benchtime 3x ./cmd/office
func BenchmarkImportRoster150k(b *testing.B) {
	dir := b.TempDir()
	plan := demo.Generate(demo.City, DemoSeed)
	unitsDB := filepath.Join(dir, "units.db")
	o, err := Open(unitsDB)
	if err != nil {
		b.Fatal(err)
	}
	units := plan
	units.Members = nil
	if _, err := o.ApplyRosterPlan(context.Background(), units); err != nil {
		b.Fatal(err)
	}
	o.Close()
	file := filepath.Join(dir, "全市 花名册.xlsx")
	writeRoster(b, file, plan)
	want := len(plan.Members)
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		db := filepath.Join(dir, "run.db")
		copyFile(b, unitsDB, db)
		o, err := Open(db)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		p, err := o.PreviewRoster(context.Background(), file, roster.Options{})
		if err != nil || !p.Ready() || p.Counts.New != want {
			b.Fatalf("preview: %v ready=%v counts=%+v errors=%v", err, p != nil && p.Ready(), p.Counts, p.Errors)
		}
		res, err := o.ApplyRosterPlan(context.Background(), p.Plan)
		if err != nil || res.MembersAdded != want {
			b.Fatalf("apply: %v %+v", err, res)
		}
		b.StopTimer()
		o.Close()
		os.Remove(db)
		os.RemoveAll(filepath.Join(dir, "backups"))
		b.StartTimer()
	}
}

// writeRoster writes plan's members as a roster the way offices keep one.
func writeRoster(b *testing.B, path string, plan model.RosterPlan) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	header := []any{"序号", "姓名", "性别", "出生日期", "入党时间", "党员状态", "人员类别", "职务", "组织编码", "联系电话", "身份证号"}
	if err := sw.SetRow("A1", header); err != nil {
		b.Fatal(err)
	}
	for i, pm := range plan.Members {
		m := pm.Member
		row := []any{i + 1, m.Name, string(m.Gender), m.Birth.String(), m.Joined.String(), string(m.Status),
			string(m.Category), m.Position, pm.UnitRef, m.Phone, m.IDNumber}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
}

func copyFile(b *testing.B, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
