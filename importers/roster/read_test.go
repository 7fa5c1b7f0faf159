package roster

import (
	"errors"
	"strings"
	"testing"

	"xingji/importers"
	"xingji/model"
)

func TestHeaderSynonyms(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    map[Field]int // field → column
	}{
		{"plain", []string{"序号", "姓名", "性别", "出生日期", "入党时间", "党员状态", "人员类别", "所在支部", "组织编码", "职务", "联系电话", "身份证号"},
			map[Field]int{FieldSeq: 1, FieldName: 2, FieldGender: 3, FieldBirth: 4, FieldJoined: 5, FieldStatus: 6, FieldCategory: 7,
				FieldUnit: 8, FieldUnitCode: 9, FieldPosition: 10, FieldPhone: 11, FieldIDNumber: 12}},
		{"synonyms", []string{"党员姓名", "出生年月", "入党日期", "转正时间", "党员类别", "党员类型", "所在党组织", "党内职务", "手机号码", "公民身份号码"},
			map[Field]int{FieldName: 1, FieldBirth: 2, FieldJoined: 3, FieldConfirmed: 4, FieldStatus: 5, FieldCategory: 6,
				FieldUnit: 7, FieldPosition: 8, FieldPhone: 9, FieldIDNumber: 10}},
		{"more synonyms", []string{"名字", "出生时间", "入党年月", "是否预备党员", "支部名称", "手机", "身份证号码"},
			map[Field]int{FieldName: 1, FieldBirth: 2, FieldJoined: 3, FieldStatus: 4, FieldUnit: 5, FieldPhone: 6, FieldIDNumber: 7}},
		{"decorated", []string{"*姓 名", "出生日期\n(2011-03-05)", "（必填）党支部", "电话："},
			map[Field]int{FieldName: 1, FieldBirth: 2, FieldUnit: 3, FieldPhone: 4}},
		{"所在支部 beats 单位", []string{"姓名", "单位", "党组织"},
			map[Field]int{FieldName: 1, FieldUnit: 3}},
		{"单位 alone", []string{"姓名", "单位"}, map[Field]int{FieldName: 1, FieldUnit: 2}},
		{"first of two", []string{"姓名", "所在支部", "姓名"}, map[Field]int{FieldName: 1, FieldUnit: 2}},
		{"code only", []string{"姓名", "组织编码"}, map[Field]int{FieldName: 1, FieldUnitCode: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readRows(t, tt.headers)
			if len(s.header.cols) != len(tt.want) {
				t.Errorf("mapped %v, want %v", s.header.cols, tt.want)
			}
			for f, c := range tt.want {
				if s.header.cols[f] != c {
					t.Errorf("%s → column %d, want %d", f, s.header.cols[f], c)
				}
			}
		})
	}
	s := readRows(t, []string{"姓名", "单位", "党组织", "备注"})
	if s.Columns[1].Note == "" || s.Columns[3].Field != FieldNone {
		t.Errorf("columns = %+v", s.Columns)
	}
}

func TestHeaderRowAfterTitles(t *testing.T) {
	title := "城关镇党委党员花名册"
	sh := sheetOf("花名册",
		[]string{title, title, title, title}, // a merged title, filled over the row
		[]string{"填报单位：城关镇党委", "", "", "填报时间：2024年1月"},
		[]string{},
		[]string{"序号", "姓名", "所在支部", "单位"},
		[]string{"1", "张三", "第一党支部", "县医院"},
	)
	s, err := Read("", tableOf(sheetOf("封面"), sh))
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "花名册" || s.HeaderRow != 4 || len(s.Entries) != 1 || s.Entries[0].Unit != "第一党支部" {
		t.Errorf("sheet %q header row %d entries %+v", s.Name, s.HeaderRow, s.Entries)
	}
	if strings.Join(s.OtherSheets, ",") != "封面" {
		t.Errorf("other sheets = %v", s.OtherSheets)
	}
}

func TestReadMissingColumns(t *testing.T) {
	tests := []struct {
		name      string
		table     *importers.Table
		fragments []string
	}{
		{"no unit column", tableOf(sheetOf("名单", []string{"序号", "姓名", "性别", "出生日期"}, []string{"1", "张三", "男", "1980-01-01"})),
			[]string{"花名册.xlsx", "工作表“名单”", "第1行", "找不到“所在支部”列", "已找到：序号、姓名、性别、出生日期", "党支部"}},
		{"no name column", tableOf(sheetOf("名单", []string{"所在支部", "性别"})),
			[]string{"工作表“名单”", "找不到“姓名”列", "已找到：所在支部、性别"}},
		{"no header at all", tableOf(sheetOf("Sheet1", []string{"a", "b"}), sheetOf("Sheet2", []string{"c"})),
			[]string{"找不到花名册的表头", "“Sheet1”、“Sheet2”"}},
		{"only a hidden sheet", tableOf(sheetOf("空"), &importers.Sheet{Name: "藏", Hidden: true, Rows: sheetOf("", []string{"姓名", "所在支部"}).Rows}),
			[]string{"工作表“藏”", "隐藏", "取消隐藏"}},
		{"empty file", tableOf(sheetOf("Sheet1")), []string{"没有数据"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("", tt.table)
			var e *importers.Error
			if !errors.As(err, &e) {
				t.Fatalf("want *importers.Error, got %v", err)
			}
			for _, f := range tt.fragments {
				if !strings.Contains(e.Error(), f) {
					t.Errorf("message lacks %q: %s", f, e.Error())
				}
			}
		})
	}
}

func TestReadValues(t *testing.T) {
	id := idWith("19800512", 1)
	badCheck := id[:17] + map[bool]string{true: "1", false: "2"}[id[17] != '1']
	s := readRows(t,
		[]string{"姓名", "性别", "出生日期", "入党时间", "党员状态", "人员类别", "所在支部", "身份证号"},
		[]string{"张  三", "男性", "1980.5.12", "2011.3", "预备党员", "离退休党员", " 第一 党支部 ", id},                                // 2
		[]string{"李四", "女", "", "２０１１－０３－０５", "正式", "退休", "第一党支部", strings.ToLower(idWith("19750301", 2)[:17]) + "x"}, // 3
		[]string{"王五", "未知", "1980-13-01", "2011", "党员", "农民", "第一党支部", "12345"},                                      // 4: errors
		[]string{"赵六", "", "1990-01-01", "1980-01-01", "", "", "第一党支部", badCheck},                                     // 5
		[]string{"", "", "", "", "", "", "第一党支部", ""},                                                                 // 6: no name
		[]string{"制表人：李明", "", "", "", "", "", "", ""},                                                                // 7: not a name? it is in the name column
		[]string{"钱七", "", "1981-01-01", "", "", "", "第一党支部", id},                                                     // 8: birth differs from ID
	)
	e := s.Entries[0]
	if e.Name != "张三" || e.Gender != model.Male || e.Birth != model.D(1980, 5, 12) || e.Joined != (model.Date{Year: 2011, Month: 3}) ||
		e.Status != model.StatusCandidate || e.Category != model.CategoryRetired || e.Unit != "第一党支部" || e.IDNumber != id {
		t.Errorf("row 2 = %+v", e)
	}
	e = s.Entries[1]
	if e.Gender != model.Female || e.Joined != model.D(2011, 3, 5) || e.Status != model.StatusFull || e.Category != model.CategoryRetired ||
		!e.BirthFromID || e.Birth != model.D(1975, 3, 1) || !strings.HasSuffix(e.IDNumber, "X") {
		t.Errorf("row 3 = %+v", e)
	}
	wantProblem(t, s.Errors, 4, "B", "性别“未知”无法识别")
	wantProblem(t, s.Errors, 4, "C", "第4行 C列（出生日期）", "无法识别的日期“1980-13-01”")
	wantProblem(t, s.Errors, 4, "E", "党员状态“党员”无法识别")
	wantProblem(t, s.Errors, 4, "F", "人员类别“农民”无法识别")
	wantProblem(t, s.Errors, 4, "H", "身份证号格式不正确（共5个字符")
	wantProblem(t, s.Errors, 5, "D", "入党时间（1980年1月1日）早于出生日期（1990年1月1日）")
	wantProblem(t, s.Warnings, 5, "H", "校验位", "已照原样导入")
	wantProblem(t, s.Errors, 6, "A", "姓名为空")
	wantProblem(t, s.Warnings, 8, "C", "与身份证号中的出生日期（1980年5月12日）不一致")
	if len(s.Errors) != 7 {
		t.Errorf("errors:\n%s", s.Errors.Error())
	}
	// Row 7 holds a footer in the name column.
	wantProblem(t, s.Warnings, 7, "", "是合计或说明", "已跳过")
}

func TestReadSkipsFootersAndFlagsHiddenRows(t *testing.T) {
	sh := sheetOf("Sheet1",
		[]string{"序号", "姓名", "所在支部"},
		[]string{"1", "张三", "第一党支部"},
		[]string{"2", "李四", "第一党支部"},
		[]string{"", "", ""},
		[]string{"制表人：李明", "", ""},
		[]string{"3"},
	)
	sh.Rows[2].Hidden = true
	s, err := Read("", tableOf(sh))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Entries) != 2 || len(s.Errors) != 0 || len(s.Skipped) != 2 || len(s.Warnings) != 2 {
		t.Fatalf("entries %d, skipped %v, errors %v", len(s.Entries), s.Skipped, s.Errors)
	}
	wantProblem(t, s.Warnings, 5, "", "没有姓名和所在支部", "制表人：李明")
	wantProblem(t, s.Warnings, 0, "", "第3行是隐藏行，也已一并导入")
}

func TestReadNumberCells(t *testing.T) {
	sh := sheetOf("Sheet1", []string{"姓名", "所在支部", "身份证号", "入党时间", "联系电话"})
	num := func(text, raw string) importers.Cell { return importers.Cell{Text: text, Raw: raw, Number: true} }
	add := func(cells ...importers.Cell) {
		sh.Rows = append(sh.Rows, importers.Row{Cells: append([]importers.Cell{{Text: "张三"}, {Text: "第一党支部"}}, cells...)})
	}
	add(num("1.10101E+17", "1.10101198005120E+17"), num("2011-03-05", "40607"), num("13800138000", "13800138000"))
	add(num("110101800512001", "110101800512001"), num("2005.1", "2005.1"))
	add(num("110101198005120014", "110101198005120014"), num("2010.10", "2010.1"))
	s, err := Read("名单.xlsx", tableOf(sh))
	if err != nil {
		t.Fatal(err)
	}
	wantProblem(t, s.Errors, 2, "C", "名单.xlsx，工作表“Sheet1”，第2行 C列（身份证号）", "存成了数字（显示为 1.10101E+17）", "设置为“文本”格式")
	wantProblem(t, s.Errors, 4, "C", "存成了数字")
	if e := s.Entries[0]; e.Joined != model.D(2011, 3, 5) || e.Phone != "13800138000" {
		t.Errorf("row 2 = %+v", e)
	}
	if e := s.Entries[1]; e.IDNumber != "110101800512001" || e.Joined != (model.Date{Year: 2005, Month: 1}) {
		t.Errorf("row 3 = %+v", e)
	}
	wantProblem(t, s.Warnings, 3, "D", "按2005年1月导入", "2005.10")
	if e := s.Entries[2]; e.Joined != (model.Date{Year: 2010, Month: 10}) {
		t.Errorf("row 4 joined = %v, want October", e.Joined)
	}
}

func TestReadTwoRowHeaderAndBanners(t *testing.T) {
	merged := func(text string) importers.Cell { return importers.Cell{Text: text, Merged: true} }
	plain := func(text string) importers.Cell { return importers.Cell{Text: text} }
	sh := &importers.Sheet{Name: "名册", Rows: []importers.Row{
		{Cells: []importers.Cell{plain("姓名"), plain("所在支部"), plain("基本信息"), merged("基本信息")}},
		{Cells: []importers.Cell{merged("姓名"), merged("所在支部"), plain("出生日期"), plain("入党时间")}},
		{Cells: []importers.Cell{plain("一、第一党支部"), merged("一、第一党支部"), merged("一、第一党支部"), merged("一、第一党支部")}},
		{Cells: []importers.Cell{plain("张三"), plain("第一党支部"), plain("1980-01-01"), plain("2011.3")}},
		{Cells: []importers.Cell{plain("合计：1人")}},
	}}
	s, err := Read("", tableOf(sh))
	if err != nil {
		t.Fatal(err)
	}
	if s.HeaderRow != 2 || !s.header.has(FieldBirth) || !s.header.has(FieldJoined) || s.header.cols[FieldName] != 1 {
		t.Fatalf("header row %d, columns %+v", s.HeaderRow, s.Columns)
	}
	if len(s.Entries) != 1 || s.Entries[0].Joined != (model.Date{Year: 2011, Month: 3}) || len(s.Errors) != 0 {
		t.Fatalf("entries %+v errors %v", s.Entries, s.Errors)
	}
	wantProblem(t, s.Warnings, 3, "", "跨列合并的标题")
	wantProblem(t, s.Warnings, 5, "", "合计或说明")
}

func TestRowList(t *testing.T) {
	for want, rows := range map[string][]int{"3": {3}, "3、5": {3, 5}, "3–5、7": {3, 4, 5, 7}, "1、2": {1, 2}} {
		if got := rowList(rows); got != want {
			t.Errorf("rowList(%v) = %q, want %q", rows, got, want)
		}
	}
	many := make([]int, 30)
	for i := range many {
		many[i] = 2 * i
	}
	if got := rowList(many); !strings.HasSuffix(got, "等30") {
		t.Errorf("long list = %q", got)
	}
}
