package importers_test

import (
	"fmt"
	"strings"

	"xingji/importers"
)

func ExampleParseDate() {
	for _, c := range []struct {
		text, raw string
		number    bool
	}{
		{"２０１１年３月", "", false},
		{"2011.3.5", "", false},
		{"2011-03-05", "40607", true}, // an Excel date: the serial is read
		{"2011.10", "2011.1", true},   // a 0.00 format shows October
	} {
		d, _ := importers.ParseDate(c.text, c.raw, c.number)
		fmt.Println(d)
	}
	_, err := importers.ParseDate("2011年13月", "", false)
	fmt.Println(err.(*importers.Error).At("花名册.xlsx", "Sheet1", 12, 4, "入党时间"))
	// Output:
	// 2011-03
	// 2011-03-05
	// 2011-03-05
	// 2011-10
	// 花名册.xlsx，工作表“Sheet1”，第12行 D列（入党时间）：无法识别的日期“2011年13月”（月份 13 不正确）。请改为 2011-03-05 或 2011.3 这样的格式。
}

func ExampleOpenTable() {
	csv := "姓名,所在支部\r\n张三,第一党支部\r\n"
	t, err := importers.OpenTable("花名册.csv", strings.NewReader(csv), 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	sh := t.Sheets[0]
	fmt.Println(t.Format, sh.Cell(2, 1).Text, sh.Cell(2, 2).Text)

	_, err = importers.OpenTable("通知.xlsx", strings.NewReader("%PDF-1.7"), 0)
	fmt.Println(err)
	// Output:
	// csv 张三 第一党支部
	// 通知.xlsx：不是 Excel 或 CSV 文件（看起来是PDF 文件）。请选择 Excel 工作簿（.xlsx 或 .xls）或 CSV 文件；如果是从其他系统导出的，请先用 Excel/WPS 打开并另存为 .xlsx。
}
