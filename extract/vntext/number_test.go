package vntext

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     float64
		decimals int
		ok       bool
	}{
		{"thousands dot", "9.582", 9582, 0, true},
		{"two groups", "375.000.000", 375000000, 0, true},
		{"decimal comma", "20,4", 20.4, 1, true},
		{"trailing zero kept", "2,0", 2, 1, true},
		{"groups and decimals", "1.575,25", 1575.25, 2, true},
		{"four digits without dot", "1250", 1250, 0, true},
		{"leading zero", "07", 7, 0, true},
		{"zero", "0", 0, 0, true},
		{"negative", "-2,5", -2.5, 1, true},
		{"english decimal", "1.5", 0, 0, false},
		{"short group", "1.23", 0, 0, false},
		{"long first group", "1234.567", 0, 0, false},
		{"trailing comma", "12,", 0, 0, false},
		{"empty", "", 0, 0, false},
		{"letters", "12a", 0, 0, false},
		{"percent sign", "12%", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, d, ok := ParseNumber(tt.in)
			if ok != tt.ok || (ok && (math.Abs(v-tt.want) > 1e-9 || d != tt.decimals)) {
				t.Errorf("ParseNumber(%q) = %v, %d, %v; want %v, %d, %v", tt.in, v, d, ok, tt.want, tt.decimals, tt.ok)
			}
		})
	}
}

func TestAppendNumbers(t *testing.T) {
	type tok struct {
		kind   NumberKind
		text   string
		v, v2  float64
		maybeD bool
	}
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"count and percent", "có 37/39 tổ chức, bằng 94,9%", []tok{{NumRatio, "37/39", 37, 39, false}, {NumPlain, "94,9", 94.9, 0, false}}},
		{"leading zero ratio", "xóa được 03/04 thôn", []tok{{NumRatio, "03/04", 3, 4, true}}},
		{"actual over target", "phát triển được 1.118/1.100 đoàn viên", []tok{{NumRatio, "1.118/1.100", 1118, 1100, false}}},
		{"time of day", "Ngày 29/06/2022-08:53:00 AM", []tok{{NumDate, "29/06/2022", 29, 0, false}, {NumOther, "08:53:00", 8, 0, false}}},
		{"decimals without a float residue", "tăng 7,81%", []tok{{NumPlain, "7,81", 7.81, 0, false}}},
		{"English decimal before a percent", "đạt 101.86% so với", []tok{{NumPlain, "101.86", 101.86, 0, false}}},
		{"a three-digit group before a percent stays thousands", "đạt 1.250%", []tok{{NumPlain, "1.250", 1250, 0, false}}},
		{"range", "kiểm tra 3-4 tổ chức đảng", []tok{{NumRange, "3-4", 3, 4, false}}},
		{"decimal range", "tăng 8,5-9%", []tok{{NumRange, "8,5-9", 8.5, 9, false}}},
		{"term", "nhiệm kỳ 2020-2025", []tok{{NumTerm, "2020-2025", 2020, 2025, false}}},
		{"spaced term", "giai đoạn 2021 - 2025", []tok{{NumTerm, "2021 - 2025", 2021, 2025, false}}},
		{"date", "ngày 31/12/2022,", []tok{{NumDate, "31/12/2022", 31, 0, false}}},
		{"month and year", "tháng 6/2022", []tok{{NumDate, "6/2022", 6, 0, false}}},
		{"dashed date", "ngày 31-12-2022", []tok{{NumDate, "31-12-2022", 31, 0, false}}},
		{"day and month", "ngày 16/6 và", []tok{{NumRatio, "16/6", 16, 6, true}}},
		{"party symbol", "Nghị quyết số 21-NQ/TW,", []tok{{NumSymbol, "21-NQ/TW", 21, 0, false}}},
		{"spaced symbol", "Kế hoạch số 81- KH/HU", []tok{{NumSymbol, "81- KH/HU", 81, 0, false}}},
		{"state symbol", "Nghị định 07/2021/NĐ-CP", []tok{{NumSymbol, "07/2021/NĐ-CP", 7, 0, false}}},
		{"report symbol", "Báo cáo 412/BC-UBND ngày", []tok{{NumSymbol, "412/BC-UBND", 412, 0, false}}},
		{"covid", "dịch Covid-19 và", []tok{{NumAttached, "19", 0, 0, false}}},
		{"glued code", "NQ-UBTVQH15", []tok{{NumAttached, "15", 0, 0, false}}},
		{"typed against a word", "ước đạt16.743 tỷ", []tok{{NumPlain, "16.743", 16743, 0, false}}},
		{"lower-case code", "covid19", []tok{{NumAttached, "19", 0, 0, false}}},
		{"dotted numbering", "mục 1.2.3 và 1.5", []tok{{NumDotted, "1.2.3", 1, 0, false}, {NumDotted, "1.5", 1, 0, false}}},
		{"money", "43 suất x 500.000 đồng = 21.500.000 đồng", []tok{{NumPlain, "43", 43, 0, false}, {NumPlain, "500.000", 500000, 0, false}, {NumPlain, "21.500.000", 21500000, 0, false}}},
		{"comma list is not a decimal", "26 tập thể, 41 cá nhân", []tok{{NumPlain, "26", 26, 0, false}, {NumPlain, "41", 41, 0, false}}},
		{"rate after unit", "60 triệu đồng/nhà", []tok{{NumPlain, "60", 60, 0, false}}},
		{"comma list", "kỳ họp thứ 24,25,26 và", []tok{{NumOther, "24,25,26", 24.25, 0, false}}},
		{"descending dash", "ngày 15-5", []tok{{NumOther, "15-5", 15, 5, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AppendNumbers(nil, tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("AppendNumbers(%q) = %d tokens %+v, want %d", tt.in, len(got), got, len(tt.want))
			}
			rs := []rune(tt.in)
			for i, w := range tt.want {
				g := got[i]
				text := tt.in[g.Pos:g.EndPos]
				if g.Kind != w.kind || text != w.text || string(rs[g.Start:g.End]) != text {
					t.Errorf("token %d = %v %q (runes %q), want %v %q", i, g.Kind, text, string(rs[g.Start:g.End]), w.kind, w.text)
				}
				if w.kind == NumPlain || w.kind == NumRatio || w.kind == NumRange {
					if g.Value != w.v || g.Value2 != w.v2 {
						t.Errorf("token %d values = %v, %v; want %v, %v", i, g.Value, g.Value2, w.v, w.v2)
					}
				}
				if g.MaybeDate() != w.maybeD {
					t.Errorf("token %d MaybeDate = %v", i, g.MaybeDate())
				}
			}
		})
	}
}

func TestIsYear(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{{"2022", true}, {"1250", false}, {"2.022", false}, {"202", false}} {
		n := AppendNumbers(nil, tt.in)
		if len(n) != 1 || n[0].IsYear() != tt.want {
			t.Errorf("IsYear(%q) = %v, want %v", tt.in, !tt.want, tt.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"9.582", "20,4", "375.000.000", "07", "0,3", "1.5", "-2,54", "1250"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			t.Skip()
		}
		v, d, ok := ParseNumber(s)
		if !ok {
			return
		}
		// What parsed must print back and parse to the same value; numbers
		// too large for exact float digits are left out of the round trip.
		if math.Abs(v) > 1e15 || d > 6 {
			return
		}
		back := FormatNumber(v, d)
		v2, d2, ok2 := ParseNumber(back)
		if !ok2 || d2 != d || math.Abs(v2-v) > 1e-9*math.Max(1, math.Abs(v)) {
			t.Errorf("ParseNumber(%q) = %v,%d; FormatNumber = %q; reparsed %v,%d,%v", s, v, d, back, v2, d2, ok2)
		}
	})
}

func FuzzAppendNumbers(f *testing.F) {
	for _, s := range []string{"có 37/39 tổ chức, bằng 94,9%", "Covid-19", "số 07/2021/NĐ-CP", "2020 - 2025", "81- KH/HU", "1.2.3", "3–4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 || !utf8.ValidString(s) {
			t.Skip()
		}
		nums := AppendNumbers(nil, s)
		nr := utf8.RuneCountInString(s)
		prevEnd, prevPos := 0, 0
		for _, n := range nums {
			if n.Pos < prevPos || n.EndPos <= n.Pos || n.EndPos > len(s) || n.Start < prevEnd || n.End > nr {
				t.Fatalf("bad token %+v in %q", n, s)
			}
			if utf8.RuneCountInString(s[:n.Pos]) != n.Start || utf8.RuneCountInString(s[:n.EndPos]) != n.End {
				t.Fatalf("rune offsets of %+v disagree with bytes in %q", n, s)
			}
			if !strings.ContainsAny(s[n.Pos:n.Pos+1], "0123456789") {
				t.Fatalf("token %+v does not start with a digit in %q", n, s)
			}
			prevEnd, prevPos = n.End, n.EndPos
		}
	})
}
