package index

import (
	"slices"
	"testing"

	"github.com/baocao/baocao/extract/vntext"
)

// The terms of a text, each repeated by its dampened frequency, in no
// particular order.
func TestTokenizer(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"folds, exact keys and pairs", "Kết nạp Đảng viên",
			[]string{"ket", "kết", "nap", "nạp", "ket nap", "dang", "đảng", "nap dang", "vien", "viên", "dang vien"}},
		{"ASCII words have no exact key", "OCOP 3 sao",
			[]string{"ocop", "3", "sao"}},
		{"tone placement", "uỷ, hoà", []string{"uy", "ủy", "hoa", "hòa", "uy hoa"}},
		{"party symbol with a stray space", "số 81- KH/HU",
			[]string{"so", "số", "81-kh/hu"}},
		{"state symbol", "52/NQ-HĐND ngày", []string{"52/nq-hdnd", "52/nq-hđnd", "ngay", "ngày"}},
		{"numbers break pairs", "đạt 95,4% và 9.582 người",
			[]string{"dat", "đạt", "95,4", "va", "và", "9.582", "nguoi", "người"}},
		{"passage separator breaks pairs", "dan" + passageSep + "van", []string{"dan", "van"}},
		{"ratio and date are not symbols", "260/251 ngay 05/6/2024",
			[]string{"260", "251", "ngay", "05", "6", "2024"}},
		{"frequent terms repeat", "dan dan dan",
			[]string{"dan", "dan", "dan dan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range (&tokenizer{}).Tokenize([]byte(tt.in)) {
				got = append(got, string(tk.Term))
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}

// The fast fold and key must agree with vntext, which extraction uses.
func TestFoldAndKeyAgreeWithVntext(t *testing.T) {
	for _, w := range []string{"Đảng", "HUYỆN", "uỷ", "hoà", "Khoẻ", "quý", "Nghĩa", "ĐẮK", "Ưu", "thuở", "của", "OCOP", "95,4"} {
		if got, want := foldString(w), vntext.Fold(w); got != want {
			t.Errorf("fold(%q) = %q, vntext %q", w, got, want)
		}
		if got, want := keyOf(w), vntext.Key(w); got != want {
			t.Errorf("key(%q) = %q, vntext %q", w, got, want)
		}
		if got, want := string(keyAppend([]byte("x"), w)), "x"+vntext.Key(w); got != want {
			t.Errorf("keyAppend(%q) = %q, want %q", w, got, want)
		}
	}
}

// The folding tables cover every rune of their ranges as the rune-by-rune
// path does, which is vntext.Fold for NFC text.
func TestFoldTablesAgreeWithFoldRune(t *testing.T) {
	for _, span := range [][2]rune{{0x80, 0x800}, {0x1E00, 0x1F00}} {
		for r := span[0]; r < span[1]; r++ {
			s := "a" + string(r) + "b"
			want := "a"
			if f := foldRune(r); f >= 0 {
				want += string(f)
			}
			want += "b"
			if got := foldString(s); got != want {
				t.Errorf("fold(%U) = %q, want %q", r, got, want)
			}
		}
	}
}

func TestQueryTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string // folded terms
	}{
		{"ket nap dang vien", []string{"ket", "nap", "dang", "vien"}},
		{"28-nq/tu", []string{"28-nq/tu"}},
		{"kế hoạch 81- KH/HU", []string{"ke", "hoach", "81-kh/hu"}},
		{"1232/NQ-UBTVQH15 đảng", []string{"1232/nq-ubtvqh15", "dang"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, q := range queryTokens(tt.in) {
				got = append(got, q.fold)
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := []byte("Ban Thường vụ Huyện ủy đã lãnh đạo triển khai Nghị quyết số 28-NQ/TU, kết nạp 260 đảng viên mới, đạt 103,6% chỉ tiêu; " +
		"tỷ lệ hộ nghèo giảm còn 4,2%, thu ngân sách đạt 2,54 tỷ đồng.")
	tk := &tokenizer{}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tk.Tokenize(text)
	}
}

func TestPlainNFC(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool // plainNFC's answer; when true, the text must be NFC
	}{
		{"ASCII", "OCOP 3 sao", true},
		{"precomposed Vietnamese", "Huyện ủy Thạch Bàn – “Dân vận khéo”…", true},
		{"decomposed tone mark", "Hue\u0323\u0302n", false},
		{"other script", "Ω", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := plainNFC(tt.in)
			if got != tt.want {
				t.Errorf("plainNFC(%q) = %v, want %v", tt.in, got, tt.want)
			}
			if got && vntext.NFC(tt.in) != tt.in {
				t.Errorf("%q is not NFC", tt.in)
			}
		})
	}
}
