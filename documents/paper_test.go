package documents

import (
	"testing"

	"xingji/model"
)

func TestChineseDate(t *testing.T) {
	for _, c := range []struct {
		d    model.Date
		want string
	}{
		{model.D(2026, 12, 2), "二〇二六年十二月二日"},
		{model.D(2020, 10, 31), "二〇二〇年十月三十一日"},
		{model.D(2009, 1, 20), "二〇〇九年一月二十日"},
		{model.Date{Year: 2026, Month: 7}, "二〇二六年七月"},
		{model.Date{}, ""},
	} {
		if got := ChineseDate(c.d); got != c.want {
			t.Errorf("ChineseDate(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

func TestFileName(t *testing.T) {
	if got := FileName("2026年度“星级”评定: 第1/2批", "排名表", "pdf"); got != "2026年度“星级”评定_ 第1_2批-排名表.pdf" {
		t.Errorf("got %q", got)
	}
}
