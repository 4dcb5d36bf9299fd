package vntext

import (
	"testing"

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
