package model

import (
	"encoding/json"
	"math"
	"testing"
)

// TestDecimalExact: 0.1 + 0.2 is exactly 0.3, as every seed's "减0.2分" needs.
func TestDecimalExact(t *testing.T) {
	if got := D4("0.1").Add(D4("0.2")); !got.Equal(D4("0.3")) || got.String() != "0.3" {
		t.Errorf("0.1+0.2 = %s", got)
	}
	// ten deductions of 0.2 from 2 leave exactly 0 ("每少一项减去0.2分,减完为止")
	v := Dec(2)
	for i := 0; i < 10; i++ {
		v = v.Sub(D4("0.2"))
	}
	if !v.IsZero() {
		t.Errorf("2 − 10×0.2 = %s", v)
	}
	if f, _ := DecimalFromFloat(0.1 + 0.2); !f.Equal(D4("0.3")) {
		t.Errorf("from float 0.1+0.2 = %s", f)
	}
}

// TestDecimalRounding: the one rounding rule, half away from zero.
func TestDecimalRounding(t *testing.T) {
	cases := []struct {
		in     string
		places int
		want   string
	}{
		{"2.345", 2, "2.35"}, {"-2.345", 2, "-2.35"}, {"2.3449", 2, "2.34"}, {"85.375", 2, "85.38"},
		{"0.005", 2, "0.01"}, {"0.0049", 2, "0"}, {"99.5", 0, "100"}, {"-0.5", 0, "-1"}, {"1.23456", 4, "1.2346"},
	}
	for _, c := range cases {
		if got := D4(c.in).Round(c.places); got.String() != c.want {
			t.Errorf("Round(%s, %d) = %s, want %s", c.in, c.places, got, c.want)
		}
	}
	// products and quotients round to four decimals, half away from zero
	if got := D4("0.3").Mul(D4("85.3333")); got.String() != "25.6" {
		t.Errorf("0.3×85.3333 = %s", got)
	}
	if got, _ := Dec(100).Div(Dec(3)); got.String() != "33.3333" {
		t.Errorf("100/3 = %s", got)
	}
	if got, _ := Dec(200).Div(Dec(3)); got.String() != "66.6667" {
		t.Errorf("200/3 = %s", got)
	}
	if got, _ := Dec(-200).Div(Dec(3)); got.String() != "-66.6667" {
		t.Errorf("-200/3 = %s", got)
	}
	if _, ok := Dec(1).Div(Decimal{}); ok {
		t.Error("division by zero reported ok")
	}
	if got := D4("12.5").StringFixed(2); got != "12.50" {
		t.Errorf("StringFixed = %s", got)
	}
	if D4("2.5").Floor() != 2 || D4("2.5").Ceil() != 3 || D4("-2.5").Floor() != -3 || Dec(2).Ceil() != 2 {
		t.Error("Floor/Ceil")
	}
}

func TestParseDecimal(t *testing.T) {
	good := map[string]string{"85": "85", "-0.5": "-0.5", "+3.25": "3.25", "0.12345": "0.1235", ".5": "0.5", "5.": "5", " 7 ": "7", "0009": "9"}
	for in, want := range good {
		d, err := ParseDecimal(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDecimal(%q) = %s, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"", "-", ".", "abc", "1e3", "1,000", "12.3.4", "2000000000", "99999999999999999999"} {
		if _, err := ParseDecimal(in); err == nil {
			t.Errorf("ParseDecimal(%q) accepted", in)
		}
	}
}

// TestDecimalSaturates: arithmetic never wraps around or panics.
func TestDecimalSaturates(t *testing.T) {
	if got := MaxDecimal.Add(Dec(1)); !got.Equal(MaxDecimal) {
		t.Errorf("Max+1 = %s", got)
	}
	if got := MinDecimal.Sub(Dec(1)); !got.Equal(MinDecimal) {
		t.Errorf("Min−1 = %s", got)
	}
	if got := Dec(1_000_000_000).Mul(Dec(1_000_000_000)); !got.Equal(MaxDecimal) {
		t.Errorf("1e9×1e9 = %s", got)
	}
	if got, _ := MaxDecimal.Div(DecimalFromUnits(1)); !got.Equal(MaxDecimal) {
		t.Errorf("Max/0.0001 = %s", got)
	}
	if got := DecimalFromUnits(math.MinInt64); !got.Equal(MinDecimal) {
		t.Errorf("MinInt64 units = %s", got)
	}
	if _, ok := DecimalFromFloat(math.NaN()); ok {
		t.Error("NaN ok")
	}
	if got, _ := DecimalFromFloat(1e30); !got.Equal(MaxDecimal) {
		t.Errorf("1e30 = %s", got)
	}
}

func TestDecimalJSON(t *testing.T) {
	var v struct {
		A Decimal  `json:"a"`
		B Decimal  `json:"b"`
		C *Decimal `json:"c"`
	}
	if err := json.Unmarshal([]byte(`{"a": 12.5, "b": "0.2", "c": null}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A.String() != "12.5" || v.B.String() != "0.2" || v.C != nil {
		t.Errorf("%+v", v)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"a":12.5,"b":0.2,"c":null}` {
		t.Errorf("%s", b)
	}
	if err := json.Unmarshal([]byte(`{"a": 1e3}`), &v); err == nil {
		t.Error("exponent accepted")
	}
}

// FuzzParseDecimal: whatever parses prints back to text that parses to the
// same number, and arithmetic on it never panics.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "0.1", "-2.345", "85.375", "1000000000", "0.00005"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		back, err := ParseDecimal(d.String())
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q → %s → %s, %v", s, d, back, err)
		}
		_ = d.Mul(d).Add(d).Round(2)
		_, _ = d.Div(d)
	})
}

// TestPointsText: points are written as the seeds write them, "(2分)",
// "每少一项减去0.2分": the number with as few decimals as it needs, then 分.
func TestPointsText(t *testing.T) {
	for _, c := range []struct {
		d    Decimal
		want string
	}{
		{Dec(15), "15分"},
		{D4("0.2"), "0.2分"},
		{D4("2.40"), "2.4分"},
		{D4("0.0025"), "0.0025分"},
		{Dec(-3), "-3分"},
		{Decimal{}, "0分"},
	} {
		if got := PointsText(c.d); got != c.want {
			t.Errorf("PointsText(%s) = %q, want %q", c.d, got, c.want)
		}
	}
}
