package forms_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/importers/fixture"
	"xingji/importers/forms"
	"xingji/model"
	"xingji/model/formspec"
)

// bomb copies an xlsx archive as it is but declares its first worksheet
// to unpack to 600 MB, as a zip bomb does.
func bomb(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		h := f.FileHeader
		if h.Name == "xl/worksheets/sheet1.xml" {
			h.UncompressedSize64 = 600 << 20
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestRejects(t *testing.T) {
	cat := newCatalog()
	good := filledVillage(t, cat)
	const name = "C-01 东湾村党支部 填报表.xlsx"
	encrypted := fixture.EditWorkbook(t, good, func(*excelize.File) error { return nil }, excelize.Options{Password: "123456"})
	// Garbage over the compressed data of 自评表 (sheet1.xml).
	corrupt := append([]byte{}, good...)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			at, err := f.DataOffset()
			if err != nil || f.CompressedSize64 < 100 {
				t.Fatal(f.CompressedSize64, err)
			}
			for i := at + 10; i < at+90; i++ {
				corrupt[i] ^= 0x5A
			}
		}
	}
	// Whole-file problems name the file alone.
	for _, c := range []struct {
		name      string
		data      []byte
		fragments []string
	}{
		{"损坏.xlsx", corrupt, []string{"损坏.xlsx：", "文件已损坏或不完整"}},
		{"乱码.xlsx", []byte("\x00\x01\x02\x03这不是表格\xff\xfe\x00\x00"), []string{"乱码.xlsx：", "不是 Excel 或 CSV 文件"}},
		{"半截.xlsx", good[:len(good)/2], []string{"半截.xlsx：", "文件已损坏或不完整", "重新下载"}},
		{"加密.xlsx", encrypted, []string{"加密.xlsx：", "设置了打开密码", "清空密码"}},
		{"炸弹.xlsx", bomb(t, good), []string{"炸弹.xlsx：", "解压后的内容太大（超过 500 MB）"}},
		{"空.xlsx", nil, []string{"文件是空的"}},
		{"名单.xlsx", func() []byte {
			f := excelize.NewFile()
			defer f.Close()
			f.SetCellStr("Sheet1", "A1", "姓名")
			var b bytes.Buffer
			f.WriteTo(&b)
			return b.Bytes()
		}(), []string{"无法识别这份文件", "不是星级考评下发的填报表"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := forms.Read(c.name, c.data, cat)
			wantError(t, res, c.name, "", 0, 0, c.fragments...)
			if res.Period != nil {
				t.Errorf("an unreadable file tied to period %v", res.Period.Name)
			}
		})
	}

	// Identity problems are placed at the identity sheet.
	t.Run("其他考评周期", func(t *testing.T) {
		other := newCatalog()
		other.Periods[0].ID = 70
		res := forms.Read(name, good, other)
		wantError(t, res, name, model.FormIdentitySheet, 0, 0, "属于考评周期“"+villageName+"”，本数据库中没有这个考评周期")
		if res.Identity.PeriodID != villageID || res.Identity.UnitID != east.ID {
			t.Errorf("a rejected file should still say what it is: %+v", res.Identity)
		}
		other = newCatalog()
		other.Periods[0].Name = "2025年度村党支部星级评定"
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0, "本数据库中没有这个考评周期")
	})
	t.Run("方案版本", func(t *testing.T) {
		other := newCatalog()
		other.Periods[0].Scheme.Version = "2"
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0,
			"按方案“cun-xingji”版本“1”生成，而本期使用方案“cun-xingji”版本“2”", "重新填写")
		other = newCatalog()
		other.Periods[0].MemberScheme.Version = "2026"
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0, "党员评议方案（“shouqi-pingxing-dangyuan”版本“1”）与本期不同")
	})
	t.Run("党组织不存在", func(t *testing.T) {
		other := newCatalog()
		delete(other.Units, east.ID)
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0, "属于党组织“东湾村党支部”（编码 C-01），本数据库中没有这个党组织")
		other = newCatalog()
		u := other.Units[east.ID]
		u.Code = "C-99"
		other.Units[east.ID] = u
		wantError(t, forms.Read(name, good, other), name, model.FormIdentitySheet, 0, 0, "本数据库中没有这个党组织")
	})
	t.Run("不在参评范围", func(t *testing.T) {
		data := fill(t, unitForm(t, cat, villageID, south), villageFill)
		wantError(t, forms.Read("南坡.xlsx", data, cat), "南坡.xlsx", model.FormIdentitySheet, 0, 0,
			"党组织“南坡村党支部”不在考评周期“"+villageName+"”的参评范围内")
	})
	t.Run("已关闭", func(t *testing.T) {
		other := newCatalog()
		other.Periods[0].Status = model.PeriodClosed
		res := forms.Read(name, good, other)
		wantError(t, res, name, "", 0, 0, "考评周期“"+villageName+"”已关闭，不再接收填报", "重新打开")
		if res.Period == nil || res.Period.ID != villageID {
			t.Error("a file for a closed period should still be tied to it")
		}
	})
	t.Run("校验码", func(t *testing.T) {
		data := fixture.EditIdentity(t, good, func(id *model.FormIdentity) { id.UnitCode = west.Code })
		res := forms.Read(name, data, cat)
		wantError(t, res, name, model.FormIdentitySheet, 2, 1, "表单标识的校验码不符")
	})
	t.Run("标识格式", func(t *testing.T) {
		data := fixture.EditIdentity(t, good, func(id *model.FormIdentity) {
			id.Product = "xingji-form-9"
			id.Checksum = id.ComputeChecksum()
		})
		wantError(t, forms.Read(name, data, cat), name, model.FormIdentitySheet, 2, 1, "格式“xingji-form-9”无法识别")
	})

	t.Run("伪造的标识", func(t *testing.T) {
		// A workbook with 党员评议表 and 满意度测评 whose identity, checksum
		// recomputed, claims a period that has neither: refused, not read
		// (it used to crash reading 党员评议表 without a member scheme).
		data := fixture.EditIdentity(t, good, func(id *model.FormIdentity) {
			id.PeriodID, id.PeriodName = wlmqID, wlmqName
			id.Scheme, id.SchemeVersion = "wlmq-cxcy", "2011"
			id.MemberScheme, id.MemberSchemeVersion = "", ""
			id.Checksum = id.ComputeChecksum()
		})
		wantError(t, forms.Read(name, data, cat), name, model.FormIdentitySheet, 0, 0,
			"表单标识列出的工作表“党员评议表”“满意度测评”不是本期单位填报表应有的工作表")
		data = fixture.EditIdentity(t, good, func(id *model.FormIdentity) {
			id.Sheets = append(id.Sheets, model.RoleReview)
			id.Checksum = id.ComputeChecksum()
		})
		wantError(t, forms.Read(name, data, cat), name, model.FormIdentitySheet, 0, 0, "工作表“考评表”不是本期单位填报表应有的工作表")
	})

	// Cell problems name the sheet and the cell.
	cellCase := func(item string, v any) *forms.Result {
		data := fill(t, unitForm(t, cat, villageID, east), func(role model.SheetRole, rowKey, colKey string) any {
			if role == model.RoleSelf && rowKey == (formspec.FieldKey{Item: item, Field: "score"}).String() && colKey == formspec.KeyValue {
				return v
			}
			return villageFill(role, rowKey, colKey)
		})
		return forms.Read(name, data, cat)
	}
	const law = "“服务法律援助星：依法治村，调处矛…”项的“得分”"
	t.Run("超过分值", func(t *testing.T) {
		wantError(t, cellCase("law", 25), name, "自评表", 8, colValue, law+"填写的 25 分超过了分值 20 分", "请填写0至20之间的数")
		wantError(t, cellCase("law", "20.5分"), name, "自评表", 8, colValue, "填写的 20.5 分超过了分值 20 分")
	})
	t.Run("负数", func(t *testing.T) {
		wantError(t, cellCase("skills", -3), name, "自评表", 9, colValue, "填写的 -3 是负数", "第9行 G列")
	})
	t.Run("文字", func(t *testing.T) {
		e := wantError(t, cellCase("economy", "良好"), name, "自评表", 11, colValue, "应填数字，现在是“良好”", "不要写文字")
		if e.CellRef() != "G11" {
			t.Errorf("cell %s", e.CellRef())
		}
	})
	t.Run("没有填写", func(t *testing.T) {
		wantError(t, cellCase("policy", nil), name, "自评表", 7, colValue, "没有填写")
	})
	t.Run("台账", func(t *testing.T) {
		data := fill(t, unitForm(t, cat, villageID, east), func(role model.SheetRole, rowKey, colKey string) any {
			if role == model.RoleLedger && rowKey == "l:3" {
				return map[string]any{"who": "李四", "state": "差不多"}[colKey]
			}
			return villageFill(role, rowKey, colKey)
		})
		res := forms.Read(name, data, cat)
		if len(res.Errors) != 2 || res.Errors[0].CellRef() != "D8" || res.Errors[1].CellRef() != "F8" ||
			!strings.Contains(res.Errors[0].Message, "没有填写承诺事项") || !strings.Contains(res.Errors[1].Message, "完成情况“差不多”不在可选范围内") {
			t.Errorf("ledger problems:\n%v", res.Errors)
		}
	})
	t.Run("票数", func(t *testing.T) {
		data := fill(t, unitForm(t, cat, villageID, east), func(role model.SheetRole, rowKey, colKey string) any {
			if role == model.RoleBallot && rowKey == formspec.VoteBasic.Key() {
				return 4.5
			}
			return villageFill(role, rowKey, colKey)
		})
		wantError(t, forms.Read(name, data, cat), name, "满意度测评", 7, 3, "“基本满意”票数应为整数，现在是 4.5")
	})
	t.Run("评议分", func(t *testing.T) {
		data := fill(t, unitForm(t, cat, villageID, east), func(role model.SheetRole, rowKey, colKey string) any {
			if role == model.RoleAppraisal && rowKey == "m:102" && colKey == "s:leader:2" {
				return 101
			}
			return villageFill(role, rowKey, colKey)
		})
		wantError(t, forms.Read(name, data, cat), name, "党员评议表", 8, 9, "李四的“评议人2”评分填写的 101 分超过了分值 100 分")
	})
	t.Run("党员转出", func(t *testing.T) {
		other := newCatalog()
		other.Members[east.ID] = other.Members[east.ID][:2] // 王五 left
		wantError(t, forms.Read(name, good, other), name, "党员评议表", 9, 0, "第 9 行的党员（王五）已不在本党组织")
	})
}

// TestManyProblems: a file with more problems than MaxErrors lists the
// first MaxErrors and says there are more.
func TestManyProblems(t *testing.T) {
	cat := newCatalog()
	members := make([]model.Member, 30)
	for i := range members {
		members[i] = model.Member{ID: int64(200 + i), UnitID: west.ID, Name: "党员" + strconv.Itoa(i+1)}
	}
	cat.Members[west.ID] = members
	data := fill(t, unitForm(t, cat, villageID, west), func(role model.SheetRole, rowKey, colKey string) any {
		if role == model.RoleAppraisal {
			return "优"
		}
		return villageFill(role, rowKey, colKey)
	})
	res := forms.Read("很多问题.xlsx", data, cat)
	if len(res.Errors) != forms.MaxErrors+1 || len(res.Values) != 0 {
		t.Fatalf("%d problems, %d values", len(res.Errors), len(res.Values))
	}
	last := res.Errors[forms.MaxErrors]
	if !strings.Contains(last.Message, "问题太多，只列出前 200 个") || last.File != "很多问题.xlsx" {
		t.Errorf("last problem: %s", last)
	}
	sorted := sort.SliceIsSorted(res.Errors[:forms.MaxErrors], func(i, j int) bool {
		return res.Errors[i].Row < res.Errors[j].Row
	})
	if !sorted || res.Errors[0].Sheet != "党员评议表" {
		t.Errorf("problems out of order or misplaced: first %s", res.Errors[0])
	}
}

// TestReviewMissingColumn: a 考评表 whose hidden key of one column was
// deleted is refused with one problem for that column, not one per unit.
func TestReviewMissingColumn(t *testing.T) {
	cat := newCatalog()
	data := fill(t, reviewForm(t, cat, villageID), func(_ model.SheetRole, _, colKey string) any {
		if colKey == formspec.KeyNote {
			return nil
		}
		return 15
	})
	data = fixture.EditWorkbook(t, data, func(f *excelize.File) error {
		rows, err := f.GetRows("考评表")
		if err != nil {
			return err
		}
		for c, key := range rows[0] {
			if key == (formspec.FieldKey{Item: "law", Field: "score"}).String() {
				ref, _ := excelize.CoordinatesToCellName(c+1, 1)
				return f.SetCellValue("考评表", ref, nil)
			}
		}
		return fmt.Errorf("no column keyed law")
	})
	res := forms.Read("考评表-党委.xlsx", data, cat)
	if len(res.Errors) != 1 || len(res.Values) != 0 {
		t.Fatalf("want exactly one problem and no values, got %d:\n%v", len(res.Errors), res.Errors)
	}
	wantError(t, res, "考评表-党委.xlsx", "考评表", 1, 0, "服务法律援助星", "一列")
}
