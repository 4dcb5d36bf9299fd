package vntext

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestToneCanonical(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"hoà", "hoà bình", "hòa bình"},
		{"uỷ", "Uỷ ban", "Ủy ban"},
		{"capitals", "HUYỆN UỶ THẠCH BÀN", "HUYỆN ỦY THẠCH BÀN"},
		{"xoá", "xoá tên", "xóa tên"},
		{"khoẻ", "sức khoẻ", "sức khỏe"},
		{"already canonical", "hòa, ủy, xóa", "hòa, ủy, xóa"},
		{"closed syllable untouched", "hoàn thành thuyết", "hoàn thành thuyết"},
		{"qu onset untouched", "quý, quỳ", "quý, quỳ"},
		{"mid word untouched", "hoàng", "hoàng"},
		{"plain ascii", "Covid-19", "Covid-19"},
		{"end of string", "thuỷ", "thủy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ToneCanonical(tt.in); got != tt.want {
				t.Errorf("ToneCanonical(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeyAndFold(t *testing.T) {
	tests := []struct{ a, b string }{
		{"HUYỆN ỦY VĨNH BẢO", "Huyện uỷ Vĩnh Bảo"},
		{norm.NFD.String("Kết nạp đảng viên"), "kết nạp đảng viên"},
	}
	for _, tt := range tests {
		if Key(tt.a) != Key(tt.b) {
			t.Errorf("Key(%q) = %q != Key(%q) = %q", tt.a, Key(tt.a), tt.b, Key(tt.b))
		}
	}
	if got := Fold("Kết nạp ĐẢNG viên, Huyện uỷ"); got != "ket nap dang vien, huyen uy" {
		t.Errorf("Fold = %q", got)
	}
	if Key("đảng") == Key("dang") {
		t.Error("Key must keep diacritics")
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{9582, 0, "9.582"},
		{20.4, 1, "20,4"},
		{2400000000, 0, "2.400.000.000"},
		{-1234.5, 1, "-1.234,5"},
		{12, -1, "12"},
		{0.25, -1, "0,25"},
		{123, 0, "123"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.v, tt.dec); got != tt.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
}

func BenchmarkKey(b *testing.B) {
	s := "Ban Thường vụ Huyện uỷ chỉ đạo nghiên cứu, học tập, quán triệt và triển khai kịp thời các nghị quyết, hoà giải, xoá đói"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Key(s)
	}
}

// FuzzPlainNFC: whatever plainNFC calls NFC must be NFC by the standard's
// own check.
func FuzzPlainNFC(f *testing.F) {
	for _, s := range []string{"Đảng bộ huyện", "e\u0301", "\u2000", "Ω\u212b", "“trên” – 12,5%", "ộ\u0323"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plainNFC(s) && !norm.NFC.IsNormalString(s) {
			t.Errorf("plainNFC(%q) but the string is not NFC", s)
		}
	})
}

func TestPlainNFC(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Đảng bộ huyện có 51 chi, đảng bộ", true},
		{"“Dân vận khéo” – 12,5% …", true},
		{"e\u0301", false},       // a combining mark
		{"\u2000", false},        // EN QUAD, a singleton
		{"\u212b", false},        // ANGSTROM SIGN, a singleton
		{"Nguyễn Thị Ánh", true}, // all precomposed
		{"\u1EF9\u0300", false},  // precomposed then a mark
		{"x\u00a0y", true},       // no-break space is NFC
		{"Ω", false},             // NFC, but outside the fast set: look closer
	}
	for _, tt := range tests {
		got := plainNFC(tt.s)
		if got != tt.want {
			t.Errorf("plainNFC(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if got && !norm.NFC.IsNormalString(tt.s) {
			t.Errorf("plainNFC(%q) but not NFC", tt.s)
		}
	}
}

// TestFoldTables: every rune the fold tables hold decomposes into starters
// and nonspacing marks only, so that folding rune by rune is Fold of the
// whole text (canonical ordering moves nothing Fold keeps).
func TestFoldTables(t *testing.T) {
	for _, rg := range [][2]rune{{0x80, 0x370}, {0x1E00, 0x1F00}, {0x2000, 0x20D0}} {
		for r := rg[0]; r < rg[1]; r++ {
			if _, ok := foldRune(r); !ok {
				t.Fatalf("%U not in the tables", r)
			}
			for _, c := range norm.NFD.String(string(r)) {
				if norm.NFD.PropertiesString(string(c)).CCC() != 0 && !unicode.Is(unicode.Mn, c) {
					t.Errorf("%U decomposes into %U, a mark Fold keeps", r, c)
				}
			}
		}
	}
}

// FuzzFold: the table fold is Fold by its definition.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Kết nạp ĐẢNG viên, Huyện uỷ", "e\u0301\u0323", "ƯỚC “12,5%” – ₫", "Ω\u212b", "\xff", "ǅ İ ẞ Ⱥ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldNFD(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzPlainNFCBytes: the byte-level plainNFC answers as the rule it
// implements, read rune by rune.
func FuzzPlainNFCBytes(f *testing.F) {
	for _, s := range []string{"Đảng bộ huyện", "e\u0301", "\u2000\u2010\u2027\u2028", "\u1e9f\u1ea0\u1ef9\u1efa", "\xc2", "\xe1\xba", "\xcb\xbf\xcc\x80", "\xe1\xbb\xb9\xe2\x80\x8f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := true
		for _, r := range s {
			if !(r < 0x300 || r >= 0x1EA0 && r <= 0x1EF9 || r >= 0x2010 && r <= 0x2027) {
				want = false
				break
			}
		}
		if got := plainNFC(s); got != want {
			t.Errorf("plainNFC(%q) = %v, want %v", s, got, want)
		}
	})
}
