package vntext

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCanonicalSymbol(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"party", "154-KH/HU", "154-KH/HU"},
		{"stray space", "81- KH/HU", "81-KH/HU"},
		{"lower case", "28-nq/tw", "28-NQ/TW"},
		{"en dash", "28–NQ/TW", "28-NQ/TW"},
		{"state with year", "07/2021/nđ-cp", "07/2021/NĐ-CP"},
		{"eth for dyet", "52/NQ-HÐND", "52/NQ-HĐND"},
		{"nfd", norm.NFD.String("52/NQ-HĐND"), "52/NQ-HĐND"},
		{"no-break space", "81-\u00a0KH/HU", "81-KH/HU"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalSymbol(tt.in); got != tt.want {
				t.Errorf("CanonicalSymbol(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseSymbol(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
		id, code string
		party    bool
	}{
		{"party plan", "154-KH/HU", true, "154-KH/HU", "KH/HU", true},
		{"provincial resolution", "28-NQ/TU", true, "28-NQ/TU", "NQ/TU", true},
		{"central resolution", "28-NQ/TW", true, "28-NQ/TW", "NQ/TW", true},
		{"stray space", "81- KH/HU", true, "81-KH/HU", "KH/HU", true},
		{"typed lower case", "21-nq/tu", true, "21-NQ/TU", "NQ/TU", true},
		{"standing committee", "1232/NQ-UBTVQH15", true, "1232/NQ-UBTVQH15", "NQ-UBTVQH15", false},
		{"decree with year", "07/2021/NĐ-CP", true, "07/2021/NĐ-CP", "NĐ-CP", false},
		{"council resolution", "52/NQ-HĐND", true, "52/NQ-HĐND", "NQ-HĐND", false},
		{"report", "412/BC-UBND", true, "412/BC-UBND", "BC-UBND", false},
		{"decision with year", "15/2023/QĐ-UBND", true, "15/2023/QĐ-UBND", "QĐ-UBND", false},
		{"law", "10/2022/QH15", true, "10/2022/QH15", "QH15", false},
		{"prime minister", "1719/QĐ-TTg", true, "1719/QĐ-TTG", "QĐ-TTG", false},
		{"ocr misread", "1232/NQ-UBTVQHI5", true, "1232/NQ-UBTVQHI5", "NQ-UBTVQHI5", false},
		{"date", "05/6/2024", false, "", "", false},
		{"ratio", "03/38", false, "", "", false},
		{"term", "2020-2025", false, "", "", false},
		{"two symbols", "21-NQ/TU 22-NQ/TU", false, "", "", false},
		{"no issuer", "21-NQ", false, "", "", false},
		{"empty", "", false, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseSymbol(tt.in)
			if ok != tt.ok {
				t.Fatalf("ParseSymbol(%q) ok = %v, want %v (%+v)", tt.in, ok, tt.ok, got)
			}
			if !ok {
				return
			}
			if got.ID() != tt.id || got.Code != tt.code || got.Party != tt.party {
				t.Errorf("ParseSymbol(%q) = id %q code %q party %v, want %q %q %v", tt.in, got.ID(), got.Code, got.Party, tt.id, tt.code, tt.party)
			}
		})
	}
}

func TestScanSymbols(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // raw forms
	}{
		{"party with date", "Kế hoạch số 154-KH/HU, ngày 05/6/2024 của Ban Thường vụ", []string{"154-KH/HU"}},
		{"stray space", "theo Kế hoạch số 81- KH/HU của Ban Thường vụ", []string{"81- KH/HU"}},
		{"list", "các Nghị quyết số 21-NQ/TU, 22-NQ/TU và 23-NQ/TU;", []string{"21-NQ/TU", "22-NQ/TU", "23-NQ/TU"}},
		{"state", "Nghị định số 07/2021/NĐ-CP, ngày 27/01/2021", []string{"07/2021/NĐ-CP"}},
		{"sentence end", "theo Quy định số 114-QĐ/TW.", []string{"114-QĐ/TW"}},
		{"dates ratios terms", "ngày 31/12/2022, đạt 28/38, nhiệm kỳ 2020-2025, Covid-19, kinh tế - xã hội", nil},
		{"number glued to word", "A21-NQ/TU", nil},
		{"header", "Số: 412/BC-UBND", []string{"412/BC-UBND"}},
		{"ocr", "Nghị quyết số 1232/NQ-UBTVQHI5 ngày", []string{"1232/NQ-UBTVQHI5"}},
		{"vietnamese capital in code", "Kết luận số 12-KL/TƯ ngày", []string{"12-KL/TƯ"}},
		{"capitalised word is not a code", "lần 2 - Đảng/Nhà nước", nil},
		{"trailing hyphen", "số 52/NQ-HĐND- về", []string{"52/NQ-HĐND"}},
		{"parenthesised", "(Chỉ thị 05-CT/TW)", []string{"05-CT/TW"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			rs := []rune(tt.in)
			for _, s := range ScanSymbols(tt.in) {
				got = append(got, s.Raw)
				if string(rs[s.Start:s.End]) != s.Raw {
					t.Errorf("span [%d,%d] = %q, raw %q", s.Start, s.End, string(rs[s.Start:s.End]), s.Raw)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ScanSymbols(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSymbolTypeCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"28-NQ/TW", "NQ"},
		{"07/2021/NĐ-CP", "NĐ"},
		{"123/UBND-VP", ""},
		{"10/2022/QH15", ""},
	}
	for _, tt := range tests {
		s, ok := ParseSymbol(tt.in)
		if !ok {
			t.Fatalf("ParseSymbol(%q) failed", tt.in)
		}
		if got := s.TypeCode(); got != tt.want {
			t.Errorf("TypeCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzScanSymbols(f *testing.F) {
	for _, s := range []string{"Kế hoạch số 154-KH/HU, ngày 05/6/2024", "81- KH/HU", "07/2021/NĐ-CP", "03/38", "1232/NQ-UBTVQHI5", "5 - A / B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		prev := 0
		for _, m := range ScanSymbols(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(rs) {
				t.Fatalf("bad span [%d,%d] in %q", m.Start, m.End, s)
			}
			prev = m.End
			p, ok := ParseSymbol(m.Raw)
			if !ok || p.ID() != m.ID() {
				t.Fatalf("found %q (id %q) does not parse back: %+v %v", m.Raw, m.ID(), p, ok)
			}
			if strings.ContainsAny(m.ID(), " \t") {
				t.Fatalf("id with space: %q", m.ID())
			}
		}
	})
}

func BenchmarkScanSymbols(b *testing.B) {
	text := strings.Repeat("Huyện ủy tổ chức quán triệt Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương; đạt 28/38 xã, nhiệm kỳ 2020-2025. ", 50)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		ScanSymbols(text)
	}
}

// FuzzMayHaveSymbol: MayHaveSymbol is the conjunction of two scans over
// every digit: a separator after it (mayHaveSymbolRef) and the shape of a
// symbol after it (symbolShapeRef); and text the shape scan turns away has
// no symbol.
func FuzzMayHaveSymbol(f *testing.F) {
	for _, s := range []string{"154-KH/HU", "81\u00a0- KH/HU", "5 – Ấ/B", "07/2021/NĐ-CP", "05/6/2024", "2020-2025", "Covid-19", "3/A-1", "1 -", "9\u00a0–\u00a0Đ 2 /"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := MayHaveSymbol(s), mayHaveSymbolRef(s) && symbolShapeRef(s); got != want {
			t.Errorf("MayHaveSymbol(%q) = %v, want %v", s, got, want)
		}
		if !symbolShapeRef(s) {
			if got := ScanSymbolRunes([]rune(s)); len(got) > 0 {
				t.Errorf("symbolShapeRef(%q) = false, but it has %q", s, got[0].Raw)
			}
		}
	})
}

// mayHaveSymbolRef: a digit followed, after at most one space, by '-', '/'
// or a Unicode dash (0xE2 0x80 …).
func mayHaveSymbolRef(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i + 1
		if s[j] == ' ' && j+1 < len(s) {
			j++
		}
		switch s[j] {
		case '-', '/', 0xe2:
			return true
		}
	}
	return false
}

// symbolShapeRef: a number followed by what scanAt needs, a code's first
// capital after "/" or a dash.
func symbolShapeRef(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if !isDigitByte(s[i]) || isDigitByte(s[i+1]) {
			continue
		}
		j := i + 1
		if s[j] == '/' {
			if mayBeUpper(s, j+1) {
				return true
			}
			if k := j + 1; k+5 < len(s) && isDigitByte(s[k]) && isDigitByte(s[k+1]) && isDigitByte(s[k+2]) && isDigitByte(s[k+3]) && s[k+4] == '/' && mayBeUpper(s, k+5) {
				return true
			}
			continue
		}
		j = skipSpaceByte(s, j)
		if n := dashLen(s, j); n > 0 && mayBeUpper(s, skipSpaceByte(s, j+n)) {
			return true
		}
	}
	return false
}
