package forms_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xingji/importers/forms"
	"xingji/model"
	"xingji/model/formspec"
)

// storedZip rewrites an xlsx archive uncompressed and without checksums
// (a zero CRC is not checked), leaving out the parts the reader does not
// need, so that mutated bytes reach the XML instead of failing the
// archive's checksum.
func storedZip(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "docProps/") || strings.HasPrefix(f.Name, "xl/theme/") || f.Name == "xl/styles.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store,
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// plainCopy copies the keys, the keyed cells and the line naming the unit
// and period of a workbook into a new one without styles, merges,
// validations, titles or page setup — the same form to the reader, a
// fraction of the size — keeping the identity sheet very hidden.
func plainCopy(t testing.TB, data []byte) []byte {
	t.Helper()
	src, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst := excelize.NewFile()
	defer dst.Close()
	for i, sheet := range src.GetSheetList() {
		if i == 0 {
			if err := dst.SetSheetName("Sheet1", sheet); err != nil {
				t.Fatal(err)
			}
		} else if _, err := dst.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		rows, err := src.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				// Keys, the lines under the title, and keyed cells.
				keep := r == 0 || c == 0 && r < 2 || c == 0 && sheet != model.FormIdentitySheet ||
					r == 2 && c == 1 || len(row) > 0 && row[0] != "" && c < len(rows[0]) && rows[0][c] != ""
				if v == "" || !keep {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				var val any = v
				if f, err := strconv.ParseFloat(v, 64); err == nil && c > 0 {
					val = f
				}
				if err := dst.SetCellValue(sheet, ref, val); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := dst.SetSheetVisible(model.FormIdentitySheet, false, true); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := dst.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fuzzSeeds are small filled forms of each kind and shape: workbooks as
// written (compressed) and stored, and CSV text recognised by its headers,
// keyed and not.
func fuzzSeeds(t testing.TB) [][]byte {
	cat := newCatalog()
	// West has two members: a smaller 党员评议表 than east's.
	village := fill(t, unitForm(t, cat, villageID, west), villageFill)
	review := fill(t, reviewForm(t, cat, villageID), func(_ model.SheetRole, rowKey, colKey string) any {
		if colKey == formspec.KeyNote {
			return "说明"
		}
		return 15
	})
	village = plainCopy(t, village)
	return [][]byte{
		village,
		storedZip(t, village),
		storedZip(t, plainCopy(t, review)),
		[]byte("#xingji:self,,,,,,value,note\n" +
			",\"党组织：西岭村党支部（编码 C-02）    考评周期：2026年度创先争优考核\"\n" +
			",序号,考核项目,评分标准,分值,填报项目,填报,说明\n" +
			"f:1:leadingGroup,1,,,2,,是,\nf:1:office,,,,,,否,\nf:1:staff,,,,,,√,\n" +
			"f:2:score,2,,,1,,0.5分,已整改\nf:3:leaderVisits,3,,,2,,４,\nf:10:participation,10,,,3,,87.5,\n"),
		[]byte("\"党组织：东湾村党支部（编码 C-01）    考评周期：2026年度村党支部星级评定\"\n" +
			"序号,考核项目,分值,得分,说明（扣分原因）\n1,政策,20,18,\n2,法律,20,１９.５,无\n3,技能,20,x,\n4,民生,20,25,\n"),
		[]byte("考评周期：2026年度村党支部星级评定    考核方案：村党支部星级评定管理（版本 1）    考评部门：党委\n" +
			"#xingji:review,,,f:policy:score,f:law:score,note\nu:11,1,东湾村党支部,18,17,\nu:12,2,西岭村党支部,20,-1,差\n"),
	}
}

// FuzzRead feeds mutated forms to Read: it must never panic or hang, a
// rejected file gives no values and every problem names the file, and
// every value of an accepted one names its sheet and cell.
//
// The fuzzer minimises each new interesting input for up to a minute by
// default, which with workbook-sized inputs keeps the workers busy
// minimising rather than fuzzing; run it with a short minimisation, e.g.
//
//	go test -run '^$' -fuzz FuzzRead -fuzztime 5m -fuzzminimizetime 2s ./importers/forms/
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	cat := newCatalog()
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang is a failure too: crash the worker so the input is kept.
		watchdog := time.AfterFunc(20*time.Second, func() { panic("forms.Read took more than 20 s") })
		defer watchdog.Stop()
		res := forms.Read("模糊.xlsx", data, cat)
		if len(res.Errors) > 0 {
			if len(res.Values) != 0 {
				t.Fatalf("rejected with %d values", len(res.Values))
			}
			if len(res.Errors) > forms.MaxErrors+1 {
				t.Fatalf("%d problems", len(res.Errors))
			}
			for _, e := range res.Errors {
				if e.File != "模糊.xlsx" || e.Message == "" || e.Hint == "" {
					t.Fatalf("problem without file, message or hint: %#v", e)
				}
			}
			return
		}
		if res.Period == nil {
			t.Fatal("accepted without a period")
		}
		for _, v := range res.Values {
			if v.Sheet == "" || v.Cell == "" || v.Subject == "" || v.Value == "" {
				t.Fatalf("value without place or content: %+v", v)
			}
		}
	})
}

// TestFuzzSeeds checks that the seeds reach past the file format: each is
// tied to its period, and the intact workbooks are accepted.
func TestFuzzSeeds(t *testing.T) {
	cat := newCatalog()
	for i, s := range fuzzSeeds(t) {
		if len(s) > 16<<10 {
			t.Errorf("seed %d is %d bytes; keep seeds small", i, len(s))
		}
		res := forms.Read("种子.xlsx", s, cat)
		if res.Period == nil && res.Identity.PeriodID == 0 {
			t.Errorf("seed %d not recognised: %v", i, res.Errors)
		}
		if i < 3 && len(res.Errors) > 0 {
			t.Errorf("seed %d rejected: %v", i, res.Errors)
		}
	}
}
