package ocr

import (
	"testing"
	"unicode/utf8"
)

func TestFixTones(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"hook read as acute", "công tác tố chức cán bộ", "công tác tổ chức cán bộ"},
		{"capital kept", "Tố chức cơ sở", "Tổ chức cơ sở"},
		{"all capitals kept", "TỐ CHỨC", "TỔ CHỨC"},
		{"circumflex and hook read as tilde", "Thãm định tiêu chuãn chính trị", "Thẩm định tiêu chuẩn chính trị"},
		{"closing punctuation after the pair", "cụ thế.", "cụ thể."},
		{"opening punctuation before the pair", "(tập thế lãnh đạo)", "(tập thể lãnh đạo)"},
		{"a listed word is left alone", "tố cáo", "tố cáo"},
		{"both readings are words", "chi tiêu và chỉ tiêu", "chi tiêu và chỉ tiêu"},
		{"no word across a comma", "tố, chức", "tố, chức"},
		{"unknown pair", "thế mà", "thế mà"},
		{"digits untouched", "tố 12", "tố 12"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fixTones(tt.in)
			if got != tt.want {
				t.Errorf("fixTones(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
				t.Errorf("rune count changed: %q", got)
			}
		})
	}
}

// TestWordList checks the embedded list: every line two syllables, and
// no skeleton shared by two words unless both are meant (then neither is
// ever chosen, which the test reports so that the list stays deliberate).
func TestWordList(t *testing.T) {
	if len(known) < 200 {
		t.Errorf("%d words in the list, want the full list", len(known))
	}
	for w := range known {
		if n := len(splitFields(w)); n != 2 {
			t.Errorf("%q: %d syllables, want 2", w, n)
		}
	}
	shared := 0
	for _, w := range toneFix {
		if w == "" {
			shared++
		}
	}
	t.Logf("%d words, %d skeletons shared by two words", len(known), shared)
}

func splitFields(s string) []string {
	var out []string
	start := -1
	for i, r := range s + " " {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func FuzzFixTones(f *testing.F) {
	f.Add("Tố chức cơ sở đảng: 09/39 tố chức")
	f.Add("TỐ CHỨC “tập thế”")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := fixTones(s)
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(s) {
			t.Fatalf("rune count changed: %q -> %q", s, got)
		}
	})
}

func BenchmarkFixTones(b *testing.B) {
	s := "Việc kiểm điểm, đánh giá, xếp loại chất lượng tập thế, cá nhân năm 2023 lần đầu được thực hiện theo Quy định số 124-QĐ/TW của Bộ Chính trị, bảo đảm dân chủ, khách quan; tố chức cơ sở đảng xếp loại"
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		fixTones(s)
	}
}
