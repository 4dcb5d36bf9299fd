package check

import (
	"math"
	"strings"
	"unicode"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// interval is a closed range of values a stated number may stand for.
type interval struct{ lo, hi float64 }

func exact(v float64) interval { return interval{v, v} }

func (a interval) add(b interval) interval { return interval{a.lo + b.lo, a.hi + b.hi} }

// div divides by an interval that does not contain zero.
func (a interval) div(b interval) interval {
	qs := []float64{a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi}
	lo, hi := qs[0], qs[0]
	for _, q := range qs[1:] {
		lo, hi = math.Min(lo, q), math.Max(hi, q)
	}
	return interval{lo, hi}
}

func (a interval) scale(k float64) interval {
	if k < 0 {
		return interval{a.hi * k, a.lo * k}
	}
	return interval{a.lo * k, a.hi * k}
}

// overlaps allows for float noise: 28/38·100 must not miss 73,68 by 1e-14.
func (a interval) overlaps(b interval) bool {
	eps := 1e-9 * math.Max(1, math.Max(math.Abs(a.hi), math.Abs(b.hi)))
	return a.lo <= b.hi+eps && b.lo <= a.hi+eps
}

func (a interval) mid() float64 { return (a.lo + a.hi) / 2 }

// decimals counts the digits after the decimal comma of the first number in
// raw ("20,4%" → 1, "2,54 tỷ đồng" → 2, "9.582" → 0). A lone comma followed
// by three digits and more groups ("1,234,567", an English export) is not
// decimal; such a value is read as the extractor read it.
func decimals(raw string) int {
	rs := []rune(raw)
	i := 0
	for i < len(rs) && !unicode.IsDigit(rs[i]) {
		i++
	}
	for i < len(rs) && (unicode.IsDigit(rs[i]) || rs[i] == '.') {
		i++
	}
	if i+1 < len(rs) && rs[i] == ',' && unicode.IsDigit(rs[i+1]) {
		n := 0
		for j := i + 1; j < len(rs) && unicode.IsDigit(rs[j]); j++ {
			n++
		}
		return n
	}
	return 0
}

// normalized is the figure's value in its comparable unit: đồng for money,
// the percent number for percents, otherwise the value.
func normalized(f *schema.Figure) float64 {
	if f.ValueNormalized != 0 || f.Value == 0 {
		return f.ValueNormalized
	}
	return f.Value
}

// scaleOf is how many normalized units one written unit is worth (1e9 for
// "2,54 tỷ đồng").
func scaleOf(f *schema.Figure) float64 {
	if f.Value != 0 && f.ValueNormalized != 0 {
		return f.ValueNormalized / f.Value
	}
	return 1
}

// stated is the interval a figure's written value stands for, in normalized
// units. Whole counts are exact (nobody rounds 96 cadres); a written decimal
// stands for its rounding interval; whole percents and whole amounts in a
// scale (418 triệu) may be rounded, so they get ±½ of the last digit.
func stated(f *schema.Figure) interval {
	v := normalized(f)
	d := decimals(f.Raw)
	k := scaleOf(f)
	if d == 0 {
		switch {
		case f.Kind == schema.KindCount || f.Kind == schema.KindRatio:
			return exact(v)
		case f.Kind == schema.KindMoney && math.Abs(k-1) < 1e-9:
			return exact(v)
		}
	}
	h := 0.5 * math.Pow10(-d) * math.Abs(k)
	return interval{v - h, v + h}
}

// exactValue reports whether a figure states a value at all, rather than a
// bound ("trên 90%"), an approximation ("gần 70 tỷ") or a range ("3-4").
func exactValue(f *schema.Figure) bool {
	return f.Bound == "" && f.ValueHigh == nil && f.Kind != schema.KindRange
}

// show writes a figure's value as the report wrote it, Vietnamese style.
func show(f *schema.Figure) string {
	return vntext.FormatNumber(f.Value, decimals(f.Raw))
}

// showIn writes a normalized value in f's written scale with at most d
// decimals, trailing zeros dropped.
func showIn(v float64, f *schema.Figure, d int) string {
	return fmtNum(v/scaleOf(f), d)
}

// fmtNum rounds v to d decimals and drops trailing zeros: 73,68; 94; 2,5.
func fmtNum(v float64, d int) string {
	s := vntext.FormatNumber(v, d)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// showPct writes a computed percent with at least one decimal more than the
// stated one it is compared with, so the reader sees why it does not round
// to it.
func showPct(v float64, statedDecimals int) string {
	return fmtNum(v, max(2, statedDecimals+1)) + "%"
}
