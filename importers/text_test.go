package importers

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"２０１１－０３－０５", "2011-03-05"},
		{"２０１１．３", "2011.3"},
		{"１３８００１３８０００", "13800138000"},
		{"ＡＢｃ／：，", "ABc/:,"},
		{"（必填）", "(必填)"},
		{"张\u3000三", "张 三"},
		{"a\u00a0b", "a b"},
		{"\ufeff姓名\u200b", "姓名"},
		{"城关镇。第一、二", "城关镇。第一、二"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"\u3000 张三 \u00a0\t\r\n": "张三",
		"  ":                     "",
		"１２３":                    "123",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"张  三":         "张三",
		"\u3000欧阳　娜娜 ": "欧阳娜娜",
		"Mary   Ann":   "Mary Ann",
		"艾力 · 买买提":     "艾力·买买提",
		"城关镇 第一 党支部":   "城关镇第一党支部",
		"李四":           "李四",
		"Zhang San 张三": "Zhang San张三",
		"第 1 党支部":      "第1党支部",
	} {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeaderKey(t *testing.T) {
	for in, want := range map[string]string{
		"姓名":                  "姓名",
		" 姓 名 ":               "姓名",
		"姓名*":                 "姓名",
		"*姓名":                 "姓名",
		"出生日期（格式：2011-03-05）": "出生日期",
		"出生日期\n(yyyy-mm-dd)":  "出生日期",
		"(必填)所在支部":            "所在支部",
		"【必填】姓名":              "姓名",
		"身份证号：":               "身份证号",
		"ID":                  "id",
		"未闭合（说明":              "未闭合",
	} {
		if got := HeaderKey(in); got != want {
			t.Errorf("HeaderKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	good := map[string]float64{"8": 8, "８．５分": 8.5, " 3次 ": 3, "1,200": 1200, "+2": 2, "-0.5": -0.5, "10 分": 10}
	for in, want := range good {
		got, err := ParseNumber(in)
		if err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "分", "八分", "NaN", "Inf", "1.2.3"} {
		if _, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) accepted", in)
		}
	}
	if got := TrimUnit("８．５分"); got != "8.5" {
		t.Errorf("TrimUnit = %q", got)
	}
}
