package importers

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func TestErrorMessage(t *testing.T) {
	e := &Error{File: "花名册.xlsx", Sheet: "Sheet1", Row: 12, Col: 4, Header: "入党时间",
		Message: "无法识别的日期“2011年13月”", Hint: "请改为 2011-03-05 或 2011.3 这样的格式"}
	want := "花名册.xlsx，工作表“Sheet1”，第12行 D列（入党时间）：无法识别的日期“2011年13月”。请改为 2011-03-05 或 2011.3 这样的格式。"
	if got := e.Error(); got != want {
		t.Errorf("Error() =\n%s\nwant\n%s", got, want)
	}
	if got := e.CellRef(); got != "D12" {
		t.Errorf("CellRef() = %q, want D12", got)
	}
}

func TestErrorLocation(t *testing.T) {
	tests := []struct {
		name string
		e    Error
		want string
	}{
		{"whole file", Error{File: "a.csv", Message: "不是 Excel 或 CSV 文件"}, "a.csv：不是 Excel 或 CSV 文件。"},
		{"no place", Error{Message: "出错了。"}, "出错了。"},
		{"row only", Error{File: "a.csv", Row: 3, Message: "姓名为空"}, "a.csv，第3行：姓名为空。"},
		{"column only", Error{File: "a.xlsx", Sheet: "S", Col: 28, Message: "缺少"}, "a.xlsx，工作表“S”，AB列：缺少。"},
		{"header without column", Error{File: "a.xlsx", Header: "姓名", Message: "缺少"}, "a.xlsx，“姓名”列：缺少。"},
		{"message ending in bracket", Error{Message: "日期不对（月份 13 不正确）", Hint: "请改正"}, "日期不对（月份 13 不正确）。请改正。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.e.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrorAtAndUnwrap(t *testing.T) {
	base := &Error{Message: "m", Err: fs.ErrNotExist}
	placed := base.At("f.xlsx", "S", 5, 2, "姓名")
	if placed == base || base.Row != 0 {
		t.Fatal("At must return a copy")
	}
	if placed.CellRef() != "B5" || placed.File != "f.xlsx" || placed.Header != "姓名" {
		t.Errorf("placed = %+v", placed)
	}
	if !errors.Is(placed, fs.ErrNotExist) {
		t.Error("Unwrap lost the cause")
	}
	// Fields already set are kept.
	if again := placed.At("other", "T", 9, 9, "x"); again.Row != 5 || again.File != "f.xlsx" {
		t.Errorf("At overwrote fields: %+v", again)
	}
}

func TestErrors(t *testing.T) {
	var es Errors
	if es.Err() != nil {
		t.Fatal("empty Errors must give a nil error")
	}
	es = append(es, &Error{File: "a.xlsx", Row: 3, Message: "一"}, &Error{File: "a.xlsx", Row: 4, Message: "二"})
	got := es.Error()
	if !strings.HasPrefix(got, "共2处问题：") || !strings.Contains(got, "1. a.xlsx，第3行：一。") || !strings.Contains(got, "2. a.xlsx，第4行：二。") {
		t.Errorf("Errors.Error() = %q", got)
	}
	var target Errors
	if !errors.As(es.Err(), &target) || len(target) != 2 {
		t.Error("errors.As to Errors failed")
	}
	many := make(Errors, 150)
	for i := range many {
		many[i] = &Error{Row: i + 1, Message: fmt.Sprint("问题", i)}
	}
	s := many.Error()
	if !strings.Contains(s, "共150处问题") || !strings.Contains(s, "另有50处") || strings.Contains(s, "问题120") {
		t.Errorf("long list not capped: %.200s…", s)
	}
}

func TestColumnName(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "A", 4: "D", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(n); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", n, got, want)
		}
		if n > 0 {
			if c, _ := cellRef([]byte(want + "7")); c != n {
				t.Errorf("cellRef(%s7) column = %d, want %d", want, c, n)
			}
		}
	}
}
