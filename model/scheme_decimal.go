package model

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// DecimalScale is the number of Decimal units in 1: a Decimal counts
// ten-thousandths, so it holds exactly four decimal places.
const DecimalScale = 10000

// MaxDecimal and MinDecimal bound every Decimal. Arithmetic saturates at them
// instead of wrapping around; ParseDecimal rejects text outside ±1e9 long
// before that, so saturation only guards against runaway formulas.
var (
	MaxDecimal = Decimal{math.MaxInt64}
	MinDecimal = Decimal{-math.MaxInt64}
)

// Decimal is an exact fixed-point number with four decimal places (an int64
// count of ten-thousandths). Points, rates and weights are Decimals, so
// 0.1+0.2 is exactly 0.3 and every platform computes the same digits.
//
// The one rounding rule: whenever a result has more than four decimals
// (multiplication, division, means), it is rounded half away from zero
// (四舍五入: 2.34565 → 2.3457, −2.34565 → −2.3457). Round rounds the same
// way to fewer places. The zero value is 0.
//
// In JSON a Decimal is a number written with at most four decimals
// ("12.5"); it also reads a quoted number ("\"12.5\"").
type Decimal struct {
	units int64
}

// Dec returns the integer n as a Decimal.
func Dec(n int64) Decimal { return decFromUnits(n, DecimalScale) }

// DecimalFromUnits returns the Decimal with the given count of
// ten-thousandths: DecimalFromUnits(25) is 0.0025.
func DecimalFromUnits(units int64) Decimal {
	if units == math.MinInt64 {
		return MinDecimal
	}
	return Decimal{units}
}

// decFromUnits multiplies n by scale, saturating.
func decFromUnits(n, scale int64) Decimal {
	hi, lo := bits.Mul64(uint64(abs64(n)), uint64(scale))
	if hi != 0 || lo > math.MaxInt64 {
		return saturate(n < 0)
	}
	if n < 0 {
		return Decimal{-int64(lo)}
	}
	return Decimal{int64(lo)}
}

// D4 parses a decimal literal and panics when it is malformed. It is meant
// for constants written in code, such as the built-in schemes: D4("0.2").
func D4(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic("model.D4: " + err.Error())
	}
	return d
}

// P returns a pointer to a copy of d, for optional fields.
func (d Decimal) P() *Decimal { return &d }

// Units returns d as a count of ten-thousandths.
func (d Decimal) Units() int64 { return d.units }

// ParseDecimal reads a decimal written with an optional sign, digits and an
// optional point: "85", "-0.5", "+3.25", "0.12345". Digits beyond the fourth
// decimal are rounded half away from zero. Values beyond ±1,000,000,000 are
// rejected, as are empty text, exponents and thousands separators.
func ParseDecimal(s string) (Decimal, error) {
	t := strings.TrimSpace(s)
	neg := false
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg = t[0] == '-'
		t = t[1:]
	}
	intPart, frac, hasPoint := strings.Cut(t, ".")
	if intPart == "" && (!hasPoint || frac == "") {
		return Decimal{}, Errorf(EInvalid, "“%s”不是数字", s)
	}
	if len(strings.TrimLeft(intPart, "0")) > 10 {
		return Decimal{}, Errorf(EInvalid, "数值“%s”过大", s)
	}
	var units int64
	for _, c := range intPart {
		if c < '0' || c > '9' {
			return Decimal{}, Errorf(EInvalid, "“%s”不是数字", s)
		}
		units = units*10 + int64(c-'0')
	}
	if units > 1_000_000_000 {
		return Decimal{}, Errorf(EInvalid, "数值“%s”过大（不能超过10亿）", s)
	}
	units *= DecimalScale
	scale := int64(DecimalScale / 10)
	for i, c := range frac {
		if c < '0' || c > '9' {
			return Decimal{}, Errorf(EInvalid, "“%s”不是数字", s)
		}
		if i < 4 {
			units += int64(c-'0') * scale
			scale /= 10
		} else if i == 4 && c >= '5' {
			units++ // half away from zero; the sign is applied below
		}
	}
	if neg {
		units = -units
	}
	return Decimal{units}, nil
}

// String writes d with as few decimals as it needs: "12", "12.5", "-0.0025".
func (d Decimal) String() string {
	var buf [24]byte
	return string(d.Append(buf[:0]))
}

// Append appends d as String writes it to b and returns the extended slice;
// it does not allocate when b has room.
func (d Decimal) Append(b []byte) []byte {
	u := d.units
	neg := u < 0
	if neg {
		u = -u
		b = append(b, '-')
	}
	i, f := u/DecimalScale, u%DecimalScale
	b = strconv.AppendInt(b, i, 10)
	if f != 0 {
		b = append(b, '.')
		for div := int64(DecimalScale / 10); f != 0; div /= 10 {
			b = append(b, byte('0'+f/div))
			f %= div
		}
	}
	return b
}

// PointsUnit is the unit points are written in: "2.4分".
const PointsUnit = "分"

// PointsText writes d as points, the way explanations, rule texts and printed
// schemes show them: as few decimals as it needs, then PointsUnit: "2.4分",
// "15分", "-3分".
func PointsText(d Decimal) string { return d.String() + PointsUnit }

// StringFixed writes d rounded to places decimals (0–4), always showing them:
// Dec(3).StringFixed(2) is "3.00".
func (d Decimal) StringFixed(places int) string {
	places = max(0, min(4, places))
	r := d.Round(places)
	s := r.String()
	if places == 0 {
		return s
	}
	i := strings.IndexByte(s, '.')
	if i < 0 {
		return s + "." + strings.Repeat("0", places)
	}
	return s + strings.Repeat("0", places-(len(s)-i-1))
}

// Add returns d+e.
func (d Decimal) Add(e Decimal) Decimal {
	s, overflow := add64(d.units, e.units)
	if overflow {
		return saturate(d.units < 0)
	}
	return Decimal{s}
}

// Sub returns d−e.
func (d Decimal) Sub(e Decimal) Decimal { return d.Add(e.Neg()) }

// Neg returns −d.
func (d Decimal) Neg() Decimal {
	if d.units == math.MinInt64 {
		return MaxDecimal
	}
	return Decimal{-d.units}
}

// Mul returns d×e rounded half away from zero to four decimals.
func (d Decimal) Mul(e Decimal) Decimal {
	hi, lo := bits.Mul64(uint64(abs64(d.units)), uint64(abs64(e.units)))
	neg := (d.units < 0) != (e.units < 0)
	if hi >= DecimalScale {
		return saturate(neg)
	}
	q, r := bits.Div64(hi, lo, DecimalScale)
	if 2*r >= DecimalScale {
		q++
	}
	return signed(q, neg)
}

// MulInt returns d×n.
func (d Decimal) MulInt(n int64) Decimal {
	hi, lo := bits.Mul64(uint64(abs64(d.units)), uint64(abs64(n)))
	neg := (d.units < 0) != (n < 0)
	if hi != 0 {
		return saturate(neg)
	}
	return signed(lo, neg)
}

// Div returns d÷e rounded half away from zero to four decimals. ok is false
// when e is zero (the result is then zero).
func (d Decimal) Div(e Decimal) (q Decimal, ok bool) {
	if e.units == 0 {
		return Decimal{}, false
	}
	hi, lo := bits.Mul64(uint64(abs64(d.units)), DecimalScale)
	den := uint64(abs64(e.units))
	neg := (d.units < 0) != (e.units < 0)
	if hi >= den {
		return saturate(neg), true
	}
	qu, r := bits.Div64(hi, lo, den)
	if r >= den-r { // 2r ≥ den without overflow
		qu++
	}
	return signed(qu, neg), true
}

// DivInt returns d÷n rounded half away from zero; n must not be zero (a zero
// n returns zero).
func (d Decimal) DivInt(n int64) Decimal {
	q, _ := d.Div(Dec(n))
	return q
}

// Round rounds d half away from zero to places decimals (0–4).
func (d Decimal) Round(places int) Decimal {
	if places >= 4 {
		return d
	}
	places = max(places, 0)
	step := int64(1)
	for i := places; i < 4; i++ {
		step *= 10
	}
	u := abs64(d.units)
	q, r := u/step, u%step
	if 2*r >= step {
		q++
	}
	hi, lo := bits.Mul64(uint64(q), uint64(step))
	if hi != 0 || lo > math.MaxInt64 {
		return saturate(d.units < 0)
	}
	return signed(lo, d.units < 0)
}

// Floor returns the largest integer not above d.
func (d Decimal) Floor() int64 {
	q := d.units / DecimalScale
	if d.units < 0 && d.units%DecimalScale != 0 {
		q--
	}
	return q
}

// Ceil returns the smallest integer not below d.
func (d Decimal) Ceil() int64 {
	q := d.units / DecimalScale
	if d.units > 0 && d.units%DecimalScale != 0 {
		q++
	}
	return q
}

// Cmp returns -1, 0 or +1 as d is less than, equal to or greater than e.
func (d Decimal) Cmp(e Decimal) int {
	switch {
	case d.units < e.units:
		return -1
	case d.units > e.units:
		return 1
	}
	return 0
}

// Equal reports whether d and e are the same number.
func (d Decimal) Equal(e Decimal) bool { return d.units == e.units }

// Less reports whether d < e.
func (d Decimal) Less(e Decimal) bool { return d.units < e.units }

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.Cmp(Decimal{}) }

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.units == 0 }

// IsInt reports whether d has no fractional part.
func (d Decimal) IsInt() bool { return d.units%DecimalScale == 0 }

// Clamp returns d limited to [lo, hi].
func (d Decimal) Clamp(lo, hi Decimal) Decimal {
	if d.units < lo.units {
		return lo
	}
	if d.units > hi.units {
		return hi
	}
	return d
}

// DecimalFromFloat converts f, rounding half away from zero to four
// decimals through its shortest decimal text (so 0.30000000000000004 is
// 0.3). ok is false for NaN and infinities, whose result is zero; values
// beyond the Decimal range saturate.
func DecimalFromFloat(f float64) (d Decimal, ok bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Decimal{}, false
	}
	if f >= float64(math.MaxInt64)/DecimalScale {
		return MaxDecimal, true
	}
	if f <= -float64(math.MaxInt64)/DecimalScale {
		return MinDecimal, true
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	ip, fp, _ := strings.Cut(s, ".")
	u, _ := strconv.ParseInt(ip, 10, 64)
	u *= DecimalScale
	scale := int64(DecimalScale / 10)
	for i, c := range fp {
		if i < 4 {
			u += int64(c-'0') * scale
			scale /= 10
		} else {
			if c >= '5' {
				u++
			}
			break
		}
	}
	return signed(uint64(u), neg), true
}

// Float returns d as a float64 (for formulas, never for results).
func (d Decimal) Float() float64 { return float64(d.units) / DecimalScale }

// MarshalJSON writes d as a JSON number.
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads a JSON number or a quoted number.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		return nil
	}
	s = strings.Trim(s, `"`)
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes d as its String.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads text written by MarshalText.
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := ParseDecimal(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// SumDecimals returns the exact sum of ds.
func SumDecimals(ds ...Decimal) Decimal {
	var s Decimal
	for _, d := range ds {
		s = s.Add(d)
	}
	return s
}

func abs64(n int64) int64 {
	if n < 0 {
		if n == math.MinInt64 {
			return math.MaxInt64
		}
		return -n
	}
	return n
}

func add64(a, b int64) (int64, bool) {
	s := a + b
	return s, (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0)
}

func saturate(neg bool) Decimal {
	if neg {
		return MinDecimal
	}
	return MaxDecimal
}

func signed(u uint64, neg bool) Decimal {
	if u > math.MaxInt64 {
		return saturate(neg)
	}
	if neg {
		return Decimal{-int64(u)}
	}
	return Decimal{int64(u)}
}
