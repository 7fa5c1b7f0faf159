package importers

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xingji/importers/fixture"
)

// FuzzOpenTable feeds mutated spreadsheets to OpenTable (through openBytes,
// with small limits): it must never panic or hang,
// every error must be a positioned *Error naming the file, and every table
// must be safe to walk.
func FuzzOpenTable(f *testing.F) {
	xlsx := excelizeBytes(f, smallWorkbook(f))
	f.Add(xlsx)
	f.Add(excelizeBytes(f, smallWorkbook(f), excelize.Options{Password: "x"}))
	f.Add([]byte("姓名,所在支部\n张三,第一党支部\n"))
	f.Add([]byte("姓名\t出生日期\r\n李四\t２０１１．３\r\n"))
	f.Add([]byte{})
	f.Add([]byte("%PDF-1.4"))
	f.Add(append(append([]byte{}, oleMagic...), make([]byte, 600)...))
	f.Add(xlsx[:len(xlsx)-30])
	// Real files from openpyxl and LibreOffice, when those tools are here.
	if py, office := fixture.Available(); py {
		dir := f.TempDir()
		p := fixture.WriteRoster(f, dir)
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
		if office {
			if b, err := os.ReadFile(fixture.Convert(f, p, "xls", "", f.TempDir())); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang is a failure too: crash the worker so the input is kept.
		watchdog := time.AfterFunc(10*time.Second, func() { panic("OpenTable took more than 10 s") })
		defer watchdog.Stop()
		// Small limits keep each run fast; the limits themselves are tested elsewhere.
		lim := limits{size: 1 << 20, sheetXML: 8 << 20, rows: 20000, cells: 200000}
		tb, err := openBytes("模糊.xlsx", data, lim)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "模糊.xlsx" || e.Message == "" {
				t.Fatalf("unpositioned error: %#v", err)
			}
			return
		}
		for _, sh := range tb.Sheets {
			for r := range sh.Rows {
				for c := range sh.Rows[r].Cells {
					cell := sh.Cell(r+1, c+1)
					_, _ = ParseDate(cell.Text, cell.Raw, cell.Number)
				}
			}
			_ = sh.Empty()
		}
	})
}
