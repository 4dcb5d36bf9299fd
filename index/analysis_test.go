package index

import (
	"slices"
	"testing"

	"github.com/baocao/baocao/extract/vntext"
)

func TestTokenizer(t *testing.T) {
	tests := []struct {
		name string
		in   string
		fold bool
		want []string
	}{
		{"syllables and pairs", "Kết nạp Đảng viên", true,
			[]string{"ket", "nap", "ket nap", "dang", "nap dang", "vien", "dang vien"}},
		{"exact keeps only words with diacritics", "Sản phẩm OCOP đạt 3 sao", false,
			[]string{"sản", "phẩm", "đạt"}},
		{"tone placement", "Huyện uỷ, hoà", false, []string{"huyện", "ủy", "hòa"}},
		{"party symbol with a stray space", "Kế hoạch số 81- KH/HU", true,
			[]string{"ke", "hoach", "ke hoach", "so", "hoach so", "81-kh/hu"}},
		{"state symbol exact", "Nghị quyết 52/NQ-HĐND", false,
			[]string{"nghị", "quyết", "52/nq-hđnd"}},
		{"state symbol folded", "Nghị quyết 52/NQ-HĐND ngày", true,
			[]string{"nghi", "quyet", "nghi quyet", "52/nq-hdnd", "ngay"}},
		{"numbers break pairs", "đạt 95,4% và 9.582 người", true,
			[]string{"dat", "95,4", "va", "9.582", "nguoi"}},
		{"passage separator breaks pairs", "dân" + passageSep + "vận", true, []string{"dan", "van"}},
		{"ratio and date are not symbols", "260/251 ngày 05/6/2024", true,
			[]string{"260", "251", "ngay", "05", "6", "2024"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range (&tokenizer{fold: tt.fold}).Tokenize([]byte(tt.in)) {
				got = append(got, string(tk.Term))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
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
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := []byte("Ban Thường vụ Huyện ủy đã lãnh đạo triển khai Nghị quyết số 28-NQ/TU, kết nạp 260 đảng viên mới, đạt 103,6% chỉ tiêu; " +
		"tỷ lệ hộ nghèo giảm còn 4,2%, thu ngân sách đạt 2,54 tỷ đồng.")
	tk := &tokenizer{fold: true}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tk.Tokenize(text)
	}
}
