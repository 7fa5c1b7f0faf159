package documents

import (
	"strings"
	"testing"
)

// TestSortByStrokes: "按姓氏笔画为序" — people are listed by the stroke
// count of the surname: 丁2 王4 刘6 李7 张7 陈7 周8 赵9 高10 黄11 堃11;
// 陈 counts 7 (阝 is two strokes), so it comes before 周. One surname
// stays together and is ordered by the next character (王一 before 王五).
func TestSortByStrokes(t *testing.T) {
	names := []string{"黄明", "堃琳", "高山", "赵六", "周五", "陈七", "张三", "李四", "刘一", "王五", "丁一", "王一", "郭靖", "欧阳明"}
	SortByStrokes(names, func(s string) string { return s })
	count := func(s string) int { return strokes([]rune(s)[0]) }
	for i := 1; i < len(names); i++ {
		if count(names[i-1]) > count(names[i]) {
			t.Errorf("%s (%d) before %s (%d)", names[i-1], count(names[i-1]), names[i], count(names[i]))
		}
	}
	got := strings.Join(names, " ")
	for _, pair := range [][2]string{{"丁一", "王一"}, {"王一", "王五"}, {"王五", "刘一"}, {"陈七", "周五"}, {"周五", "赵六"},
		{"赵六", "高山"}, {"高山", "郭靖"}, {"郭靖", "黄明"}} {
		if strings.Index(got, pair[0]) > strings.Index(got, pair[1]) {
			t.Errorf("%s should come before %s: %s", pair[0], pair[1], got)
		}
	}
	for c, n := range map[rune]int{'丁': 2, '王': 4, '刘': 6, '李': 7, '张': 7, '陈': 7, '周': 8, '赵': 9, '高': 10, '黄': 11, '堃': 11, '郭': 10} {
		if strokes(c) != n {
			t.Errorf("%c has %d strokes, want %d", c, strokes(c), n)
		}
	}
}
