package importers

import (
	"errors"
	"strings"
	"testing"

	"xingji/model"
)

func TestParseDateText(t *testing.T) {
	tests := []struct {
		in   string
		want model.Date
	}{
		{"", model.Date{}},
		{"  ", model.Date{}},
		{"2011-03-05", model.D(2011, 3, 5)},
		{"2011/3/5", model.D(2011, 3, 5)},
		{"2011.3.5", model.D(2011, 3, 5)},
		{"2011.3", model.Date{Year: 2011, Month: 3}},
		{"2011.03", model.Date{Year: 2011, Month: 3}},
		{"2011.1", model.Date{Year: 2011, Month: 1}},
		{"2011.10", model.Date{Year: 2011, Month: 10}},
		{"2011-3", model.Date{Year: 2011, Month: 3}},
		{"2011年3月5日", model.D(2011, 3, 5)},
		{"2011年03月05日", model.D(2011, 3, 5)},
		{"2011年3月5号", model.D(2011, 3, 5)},
		{"2011 年 3 月", model.Date{Year: 2011, Month: 3}},
		{"2011年3月", model.Date{Year: 2011, Month: 3}},
		{"2011年", model.Date{Year: 2011}},
		{"2011", model.Date{Year: 2011}},
		{"20110305", model.D(2011, 3, 5)},
		{"201103", model.Date{Year: 2011, Month: 3}},
		{"２０１１－０３－０５", model.D(2011, 3, 5)},
		{"２０１１年３月", model.Date{Year: 2011, Month: 3}},
		{"２０１１．３", model.Date{Year: 2011, Month: 3}},
		{"2011。3", model.Date{Year: 2011, Month: 3}},
		{"2011-03-05 00:00:00", model.D(2011, 3, 5)},
		{"2011/3/5 8:30", model.D(2011, 3, 5)},
		{"2011-03-05T00:00:00Z", model.D(2011, 3, 5)},
		{"\u30002011.3.5 ", model.D(2011, 3, 5)},
		{"1900-02-28", model.D(1900, 2, 28)},
		{"2000-02-29", model.D(2000, 2, 29)},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, "", false)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateTextErrors(t *testing.T) {
	for _, in := range []string{
		"2011年13月", "2011-02-30", "1899.12", "2301", "11.3", "3/5/2011", "2011.3.5.6",
		"abc", "2011.0", "2011-3-0", "201113", "20111301", "12345", "1900-02-29", "二〇一一年",
	} {
		_, err := ParseDate(in, "", false)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("ParseDate(%q): want *Error, got %v", in, err)
			continue
		}
		if !strings.Contains(e.Message, "无法识别的日期") || e.Hint != dateHint {
			t.Errorf("ParseDate(%q) error = %q / %q", in, e.Message, e.Hint)
		}
	}
	_, err := ParseDate("2011年13月", "", false)
	placed := err.(*Error).At("花名册.xlsx", "Sheet1", 12, 4, "入党时间")
	want := "花名册.xlsx，工作表“Sheet1”，第12行 D列（入党时间）：无法识别的日期“2011年13月”（月份 13 不正确）。请改为 2011-03-05 或 2011.3 这样的格式。"
	if placed.Error() != want {
		t.Errorf("placed error =\n%s\nwant\n%s", placed.Error(), want)
	}
}

func TestParseDateNumber(t *testing.T) {
	tests := []struct {
		text, raw string
		want      model.Date
	}{
		{"2011-03-05", "40607", model.D(2011, 3, 5)},           // a real Excel date
		{"40607", "40607", model.D(2011, 3, 5)},                // same serial, General format
		{"", "40607.75", model.D(2011, 3, 5)},                  // date and time
		{"2011-03", "40603", model.Date{Year: 2011, Month: 3}}, // shown as a month: keep the month
		{"2011", "40603", model.Date{Year: 2011}},              // shown as a year
		{"03-05-11", "40607", model.D(2011, 3, 5)},             // foreign display: trust the serial
		{"1", "1", model.D(1900, 1, 1)},
		{"59", "59", model.D(1900, 2, 28)},
		{"61", "61", model.D(1900, 3, 1)}, // after Excel's phantom 1900-02-29
		{"", "2958465", model.Date{}},     // placeholder: error case below
		{"2011", "2011", model.Date{Year: 2011}},
		{"20110305", "20110305", model.D(2011, 3, 5)},
		{"201103", "201103", model.Date{Year: 2011, Month: 3}},
		{"2011.3", "2011.3", model.Date{Year: 2011, Month: 3}},
		{"2011.12", "2011.12", model.Date{Year: 2011, Month: 12}},
		{"2011.1", "2011.1", model.Date{Year: 2011, Month: 1}},   // documented: January
		{"2011.10", "2011.1", model.Date{Year: 2011, Month: 10}}, // format 0.00 shows October
		{"2011.05", "2011.05", model.Date{Year: 2011, Month: 5}},
		{"2011年3月5日", "not a number", model.D(2011, 3, 5)}, // unreadable raw: use the text
	}
	for _, tt := range tests {
		if tt.raw == "2958465" {
			continue
		}
		got, err := ParseDate(tt.text, tt.raw, true)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q, %q, number) = %v, %v; want %v", tt.text, tt.raw, got, err, tt.want)
		}
	}
	for _, raw := range []string{"60", "0", "-5", "2958465", "110211", "2011.13", "2011.123", "1e300", "NaN"} {
		if d, err := ParseDate(raw, raw, true); err == nil {
			t.Errorf("ParseDate(number %s) = %v, want error", raw, d)
		}
	}
}

func TestAmbiguousMonth(t *testing.T) {
	tests := []struct {
		text, raw string
		number    bool
		want      bool
	}{
		{"2011.1", "2011.1", true, true},
		{"2011.10", "2011.1", true, false}, // the display shows October
		{"2011.1", "2011.1", false, false}, // typed as text: January
		{"2011.11", "2011.11", true, false},
		{"2011.2", "2011.2", true, false},
		{"40607", "40607", true, false},
		{"1800.1", "1800.1", true, false},
	}
	for _, tt := range tests {
		if got := AmbiguousMonth(tt.text, tt.raw, tt.number); got != tt.want {
			t.Errorf("AmbiguousMonth(%q, %q, %v) = %v", tt.text, tt.raw, tt.number, got)
		}
	}
}

// FuzzParseDate checks that no input panics and that every accepted date is
// valid and round-trips through its ISO text.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2011-03-05", "2011.3", "2011年3月5日", "20110305", "２０１１－０３－０５", "2011-03-05 00:00:00", "40607", "2011.1", "", "年月日", "9999999999"} {
		f.Add(s, s, false)
		f.Add(s, s, true)
	}
	f.Fuzz(func(t *testing.T, text, raw string, isNumber bool) {
		d, err := ParseDate(text, raw, isNumber)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Message == "" {
				t.Fatalf("error is not a positioned *Error with a message: %v", err)
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("ParseDate(%q, %q, %v) = %v, invalid: %v", text, raw, isNumber, d, err)
		}
		back, err := model.ParseISODate(d.String())
		if err != nil || back != d {
			t.Fatalf("round trip of %v failed: %v, %v", d, back, err)
		}
	})
}
