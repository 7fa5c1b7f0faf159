package entries_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/xuri/excelize/v2"

	"xingji/documents"
	"xingji/importers/entries"
	"xingji/importers/fixture"
	"xingji/importers/forms"
	"xingji/model"
)

// Each bad cell is refused with a message naming the file, the sheet and
// the cell, saying what is wrong and what to do; the workbook gives no
// entries at all.
func TestBadCells(t *testing.T) {
	spec := villageSpec()
	blank := write(t, spec)
	const at = fileName + "，工作表“"
	for _, c := range []struct {
		name  string
		cells set
		want  string
	}{
		{"文字填在分数格", set{scores + "!F9": "良好"},
			at + "考评得分”，第9行 F列：东湾村党支部“服务政策宣传星：宣传落实涉农惠农…”项的“得分”应填数字，现在是“良好”。请只填写0至20之间的数，例如 8 或 8.5，不要写文字。"},
		{"超过分值", set{scores + "!H10": 25},
			at + "考评得分”，第10行 H列：西岭村党支部“服务法律援助星：依法治村，调处矛…”项的“得分”填写的 25 分超过了分值 20 分。请填写0至20之间的数。"},
		{"负数", set{scores + "!H10": "-1"},
			at + "考评得分”，第10行 H列：西岭村党支部“服务法律援助星：依法治村，调处矛…”项的“得分”填写的 -1 是负数。请填写0至20之间的数。"},
		{"满意率超过100", set{facts + "!E7": 120},
			at + "考核事实”，第7行 E列：西岭村党支部“群众满意度测评满意率”填写的 120 超出范围。请填写0至100之间的数。"},
		{"是否格填了别的", set{memberFacts + "!D7": "可能"},
			at + "党员事实”，第7行 D列：张三“有特别突出的优秀表现”应填“是”或“否”，现在是“可能”。请从下拉列表中选择“是”或“否”。"},
		{"编码不在本期", set{vetoes + "!C7": "C-03", vetoes + "!E7": "违反计划生育"},
			at + "一票否决”，第7行 C列：组织编码“C-03”不是本期参评的党组织。请从下拉列表中选择参评党组织的编码。"},
		{"编码与名称不符", set{vetoes + "!C7": "C-01", vetoes + "!D7": "西岭村党支部", vetoes + "!E7": "违反计划生育"},
			at + "一票否决”，第7行 D列：组织编码“C-01”是“东湾村党支部”，与这里写的名称“西岭村党支部”不符。请核对编码和名称，或只填写编码。"},
		{"否决事项不在清单", set{vetoes + "!D7": "东湾村党支部", vetoes + "!E7": "违反交通规则"},
			at + "一票否决”，第7行 E列：否决事项“违反交通规则”不在本期方案的一票否决清单中。请从下拉列表中选择本期方案列出的否决事项。"},
		{"没有选择否决事项", set{vetoes + "!C7": "C-01", vetoes + "!F7": "原因"},
			at + "一票否决”，第7行 E列：这一行没有选择否决事项。请从下拉列表中选择，或清空整行。"},
		{"状态无法识别", set{vetoes + "!H6": "作废"},
			at + "一票否决”，第6行 H列：状态“作废”无法识别。请从下拉列表中选择“有效”或“撤销”。"},
		{"重复的否决", set{vetoes + "!C7": "C-02", vetoes + "!E7": "违反安全生产"},
			at + "一票否决”，第7行 E列：这一行与第 6 行重复。请删去重复的一行。"},
		{"个性星没有得分", set{ownStars + "!E8": "文明新风星"},
			at + "个性星”，第8行 F列：个性星“文明新风星”没有填写得分。请填写得分，或把星名也清空以撤销这颗星。"},
		{"个性星没有星名", set{ownStars + "!F8": 9},
			at + "个性星”，第8行 E列：填了得分，但没有填写星名。请填写星名，或清空得分。"},
		{"个性星得分超出", set{ownStars + "!E8": "文明新风星", ownStars + "!F8": 12},
			at + "个性星”，第8行 F列：西岭村党支部个性星“文明新风星”的得分填写的 12 分超过了分值 10 分。请填写0至10之间的数。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			refused(t, fill(t, blank, c.cells), readSpec(spec), c.want)
		})
	}
}

// Every problem of a workbook is listed, not only the first, and none of
// its good cells is taken.
func TestAllProblemsListed(t *testing.T) {
	spec := villageSpec()
	data := fill(t, write(t, spec), set{
		scores + "!F9": 18, // good
		scores + "!H9": "优", scores + "!J10": 30,
		facts + "!E7":  "九十",
		vetoes + "!C8": "C-09", vetoes + "!E8": "违反计划生育",
	})
	res, err := entries.Read(fileName, data, readSpec(spec))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entries) != 0 || len(res.Problems) != 4 {
		t.Fatalf("%d entries, problems:\n%q", len(res.Entries), res.Problems)
	}
	for i, where := range []string{"“考评得分”，第9行 H列", "“考评得分”，第10行 J列", "“考核事实”，第7行 E列", "“一票否决”，第8行 C列"} {
		if !bytes.Contains([]byte(res.Problems[i]), []byte(fileName+"，工作表"+where+"：")) {
			t.Errorf("problem %d does not start at %s: %s", i, where, res.Problems[i])
		}
	}
}

// The caller's domain check sees each entry with its place, and its
// message is put after the file, sheet and cell.
func TestCheckFailsAtTheCell(t *testing.T) {
	spec := villageSpec()
	data := fill(t, write(t, spec), set{scores + "!F9": 18, scores + "!H10": 19})
	rs := readSpec(spec)
	var seen []model.Entry
	rs.Check = func(e model.Entry) error {
		seen = append(seen, e)
		if e.Subject == "u:12" {
			return errors.New("西岭村党支部本期已定稿，不能再改动考评得分")
		}
		return nil
	}
	refused(t, data, rs, fileName+"，工作表“考评得分”，第10行 H列：西岭村党支部本期已定稿，不能再改动考评得分。")
	if len(seen) != 2 || seen[0].Cell != "F9" || seen[0].File != fileName || seen[1].Value != "19" {
		t.Errorf("check saw %+v", seen)
	}
}

// A unit no longer in scope: its row left as written is passed over, a
// change on it is refused.
func TestUnitOutOfScope(t *testing.T) {
	spec := villageSpec()
	data := write(t, spec)
	rs := readSpec(spec)
	p := *rs.Period
	p.Units = []int64{east.ID}
	rs.Period = &p
	if got := read(t, data, rs); len(got) != 0 {
		t.Errorf("entries %+v", got)
	}
	refused(t, fill(t, data, set{scores + "!H10": 19}), rs,
		fileName+"，工作表“考评得分”，第10行：第 10 行的党组织（编码 C-02）不在本期的参评范围内。请删去这一行的数据；如需参评，请先在考评周期中加入这个党组织，再重新生成录入表。")
}

// Whole workbooks that are not this period's entries workbook are refused
// with one message saying what they are.
func TestWrongWorkbooks(t *testing.T) {
	spec := villageSpec()
	good := write(t, spec)
	other := villageSpec()
	other.Period.ID, other.Period.Name = 8, "2025年度村党支部星级评定"
	var unitForm bytes.Buffer
	if err := documents.WriteUnitForm(&unitForm, spec.Period, east, members()[:1]); err != nil {
		t.Fatal(err)
	}
	plain := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		f.SetCellStr("Sheet1", "A1", "组织编码")
		var b bytes.Buffer
		f.WriteTo(&b)
		return b.Bytes()
	}()
	newVersion := villageSpec()
	newVersion.Period.Scheme.Version = "2"
	for _, c := range []struct {
		name string
		data []byte
		spec entries.ReadSpec
		want string
	}{
		{"另一个周期的录入表", write(t, other), readSpec(spec),
			fileName + "：这是“2025年度村党支部星级评定”的录入表，不是本期（“2026年度村党支部星级评定”）的。请导入本期的录入表，或在“考评结果”页点“导出录入表…”生成本期的录入表。"},
		{"党组织的填报表", unitForm.Bytes(), readSpec(spec),
			fileName + "：这是“2026年度村党支部星级评定”的单位填报表，不是录入表。党组织和考评部门交回的表格请在“考评收件”页面导入。"},
		{"普通表格", plain, readSpec(spec),
			fileName + "：这不是星级考评生成的录入表（找不到表单标识）。请在“考评结果”页点“导出录入表…”生成本期的录入表，填写后再导入；党组织和考评部门交回的表格请在“考评收件”页面导入。"},
		{"标识被改动", fixture.EditIdentity(t, good, func(id *model.FormIdentity) { id.Dept = "组织部" }), readSpec(spec),
			fileName + "，工作表“xingji_id”，第2行 A列：表单标识的校验码不符：标识中的考评周期、部门或方案版本被改动过。请在“考评结果”页点“导出录入表…”重新生成本期的录入表，填写后再导入；请勿修改隐藏的工作表和隐藏的第1行、A列。"},
		{"方案已改版", good, readSpec(newVersion),
			fileName + "：这份录入表按方案“cun-xingji”版本“1”生成，而本期使用方案“cun-xingji”版本“2”。请在“考评结果”页点“导出录入表…”重新生成本期的录入表，填写后再导入。"},
		{"删去了工作表", deleteSheet(t, good, facts), readSpec(spec),
			fileName + "：找不到工作表“考核事实”（或其中隐藏的标记已被删除）。请使用生成的录入表填写，不要删除工作表或隐藏的第1行、A列。"},
		{"不是表格", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), readSpec(spec),
			fileName + "：不是 Excel 或 CSV 文件（看起来是PDF 文件）。请选择 Excel 工作簿（.xlsx 或 .xls）或 CSV 文件；如果是从其他系统导出的，请先用 Excel/WPS 打开并另存为 .xlsx。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			refused(t, c.data, c.spec, c.want)
		})
	}
}

// An entries workbook dropped in with the returned forms is refused by the
// forms reader, which says where it belongs.
func TestFormsReaderRefusesEntries(t *testing.T) {
	spec := villageSpec()
	res := forms.Read(fileName, write(t, spec), &forms.Catalog{Periods: []model.Period{*spec.Period},
		Units: map[int64]model.Unit{east.ID: east, west.ID: west}})
	if len(res.Errors) != 1 || res.Period != nil || len(res.Values) != 0 {
		t.Fatalf("period %v, %d values, errors %v", res.Period, len(res.Values), res.Errors)
	}
	want := fileName + "：这是考核办自己填写的录入表（“2026年度村党支部星级评定”），不是下发给党组织或考评部门的表格。请在“考评结果”页点“导入录入表…”导入。"
	if got := res.Errors[0].Error(); got != want {
		t.Errorf("error %s\nwant %s", got, want)
	}
}
