package legacy

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/corpus/sample"
	"golang.org/x/text/unicode/norm"
)

func readLegacy(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(sample.RepoFile("testdata/legacy"), name))
	if err != nil {
		tb.Fatalf("read sample: %v", err)
	}
	return data
}

func TestDecodeSamples(t *testing.T) {
	want := string(readLegacy(t, "sample.utf8.txt"))
	tests := []struct {
		file, enc string
	}{
		{"sample.cp1258.txt", Windows1258},
		{"sample.tcvn3.txt", TCVN3},
		{"sample.nfd.txt", UTF8},
		{"sample.utf8.txt", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			text, enc, err := Decode(readLegacy(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc {
				t.Errorf("encoding %q, want %q", enc, tt.enc)
			}
			if text != want {
				t.Errorf("text differs from the UTF-8 sample: %s", firstDiff(text, want))
			}
		})
	}
}

func firstDiff(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] != rb[i] {
			lo := max(0, i-15)
			return "got …" + string(ra[lo:min(len(ra), i+15)]) + "… want …" + string(rb[lo:min(len(rb), i+15)]) + "…"
		}
	}
	return "lengths differ"
}

// encoder is the inverse of a byte decoder: every rune (and, for VNI, every
// base letter plus modifier) that one or two bytes decode to.
type encoder map[rune][]byte

func newEncoder(decode func([]byte) string) encoder {
	e := encoder{}
	add := func(bs ...byte) {
		s := norm.NFC.String(decode(bs))
		if utf8.RuneCountInString(s) != 1 {
			return
		}
		r, _ := utf8.DecodeRuneInString(s)
		if old, ok := e[r]; !ok || len(bs) < len(old) {
			e[r] = append([]byte(nil), bs...)
		}
	}
	for b := 0; b < 256; b++ {
		add(byte(b))
	}
	for _, base := range []byte("aeiouyAEIOUY\xf4\xf6\xd4\xd6") {
		lower := base >= 'a' && base <= 'z' || base == 0xf4 || base == 0xf6
		for m := 0xC0; m < 0x100; m++ {
			// VNI pairs a lower-case base with the lower-case modifier.
			if lower == (m >= 0xE0) {
				add(base, byte(m))
			}
		}
	}
	return e
}

func (e encoder) encode(tb testing.TB, s string) []byte {
	tb.Helper()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		bs, ok := e[r]
		if !ok {
			tb.Fatalf("cannot encode %q", r)
		}
		out = append(out, bs...)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	want := string(readLegacy(t, "sample.utf8.txt"))
	tests := []struct {
		name   string
		decode func([]byte) string
		enc    string
	}{
		{"vni", decodeVNI, VNI},
		{"tcvn3 vn1", func(b []byte) string { return decodeTCVN3(b, true) }, TCVN3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := newEncoder(tt.decode).encode(t, want)
			if tt.name == "tcvn3 vn1" {
				// The table inverse must give what glibc's iconv gave.
				if got := readLegacy(t, "sample.tcvn3.txt"); string(got) != string(data) {
					t.Errorf("encoding differs from iconv's TCVN5712-1 output")
				}
			}
			text, enc, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc {
				t.Errorf("encoding %q, want %q", enc, tt.enc)
			}
			if text != want {
				t.Errorf("round trip differs: %s", firstDiff(text, want))
			}
		})
	}
}

var update = flag.Bool("update", false, "rewrite testdata/sample.vni.txt")

// TestVNIGolden keeps a VNI file of the sample in testdata, made with the
// table inverse, for the pipeline test (iconv has no VNI).
func TestVNIGolden(t *testing.T) {
	data := newEncoder(decodeVNI).encode(t, string(readLegacy(t, "sample.utf8.txt")))
	golden := filepath.Join("testdata", "sample.vni.txt")
	if *update {
		if err := os.WriteFile(golden, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(old, data) {
		t.Errorf("%s is stale: run go test -run VNIGolden -update", golden)
	}
}

func TestDecodeVN3Punctuation(t *testing.T) {
	// .VnTime text keeps Windows quotes and dashes in 0x80–0x9F, where VN1
	// has capitals; the words around them decide.
	data := []byte("Phong tr\xb5o \x93D\xa9n v\xcbn kh\xd0o\x94 \x96 th\xb6 \xae\xcat, n\xa8m 2022 \xae\xb9t k\xd5t qu\xb6 t\xe8t.")
	text, enc, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Phong trào “Dân vận khéo” – thả đất, năm 2022 đạt kết quả tốt."; text != want || enc != TCVN3 {
		t.Errorf("Decode = %q %q, want %q tcvn3", text, enc, want)
	}
}

func TestDecodeDamagedUTF8(t *testing.T) {
	good := readLegacy(t, "sample.utf8.txt")
	data := append(append(append([]byte{}, good[:100]...), 0xff), good[100:]...)
	text, enc, err := Decode(data)
	if err != nil || enc != UTF8 {
		t.Fatalf("Decode = %q, %v, want utf-8", enc, err)
	}
	if want := string(good[:100]) + "\uFFFD" + string(good[100:]); text != want {
		t.Errorf("damaged UTF-8: %s", firstDiff(text, want))
	}
}

func TestDecodeUnknown(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"french latin-1", []byte("Le caf\xe9 \xe9tait ferm\xe9 \xe0 cause de la gr\xe8ve, d\xe9j\xe0 annonc\xe9e.")},
		{"binary", []byte{0xff, 0xfe, 0x00, 0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8, 0x09}},
		{"one stray byte", []byte("abc \xff def")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode(tt.data)
			if !errors.Is(err, ErrUnknown) {
				t.Errorf("Decode = %q %q %v, want ErrUnknown", text, enc, err)
			}
		})
	}
}

func TestFontEncoding(t *testing.T) {
	tests := []struct{ font, want string }{
		{".VnTime", TCVN3},
		{".VnTimeH", TCVN3},
		{".VnArial", TCVN3},
		{"ABCDEF+.VnTime,Bold", TCVN3},
		{"VnTime", TCVN3},
		{"VNI-Times", VNI},
		{"VNI-Helve-Condense", VNI},
		{"QWERTY+VNI-Times-Bold", VNI},
		{"Times New Roman", ""},
		{"Arial", ""},
		{"Vnexpress", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.font, func(t *testing.T) {
			if got := FontEncoding(tt.font); got != tt.want {
				t.Errorf("FontEncoding(%q) = %q, want %q", tt.font, got, tt.want)
			}
		})
	}
}

func TestDecodeFont(t *testing.T) {
	tests := []struct{ name, font, in, want string }{
		{"vntime", ".VnTime", "Th\u00b9ch B\u00b5n", "Thạch Bàn"},
		{"vntime capitals", ".VnTime", "\u00a7\u00b6ng", "Đảng"},
		{"vntimeh draws capitals", ".VnTimeH", "b\u00b8o c\u00b8o t\u00e6ng k\u00d5t", "BÁO CÁO TỔNG KẾT"},
		{"vntime smart quotes", ".VnTime", "\u201cD\u00a9n v\u00cbn\u201d", "“Dân vận”"},
		{"vni", "VNI-Times", "Tha\u00efch Ba\u00f8n", "Thạch Bàn"},
		{"vni capitals", "VNI-Times", "\u00d1A\u00dbNG BO\u00c4", "ĐẢNG BỘ"},
		{"vni horn", "VNI-Times", "ng\u00f6\u00f4\u00f8i", "người"},
		{"unicode font", "Times New Roman", "Thạch Bàn", "Thạch Bàn"},
		{"rune beyond latin-1 passes", ".VnTime", "B\u00b5n\u2003x", "Bàn\u2003x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeFont(tt.in, tt.font); got != tt.want {
				t.Errorf("DecodeFont(%q, %q) = %q, want %q", tt.in, tt.font, got, tt.want)
			}
		})
	}
}

func TestRepair(t *testing.T) {
	tests := []struct{ name, in, want, enc string }{
		{"tcvn3 as latin-1", "Ban Th\u00adêng v\u00f4 Huy\u00d6n \u00f1y Th\u00b9ch B\u00b5n", "Ban Thường vụ Huyện ủy Thạch Bàn", TCVN3},
		{"vni as latin-1", "Ban Thö\u00f4\u00f8ng vu\u00ef Huye\u00e4n u\u00fby Tha\u00efch Ba\u00f8n", "Ban Thường vụ Huyện ủy Thạch Bàn", VNI},
		{"good unicode", "Ban Thường vụ Huyện ủy", "Ban Thường vụ Huyện ủy", ""},
		{"ascii", "Covid-19 28-NQ/TW", "Covid-19 28-NQ/TW", ""},
		{"french", "Le café était fermé", "Le café était fermé", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc := Repair(tt.in)
			if got != tt.want || enc != tt.enc {
				t.Errorf("Repair(%q) = %q %q, want %q %q", tt.in, got, enc, tt.want, tt.enc)
			}
		})
	}
}

func TestIsSyllable(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"người", true}, {"nghiệp", true}, {"quốc", true}, {"gìn", true}, {"khuyến", true},
		{"đảng", true}, {"ủy", true}, {"uỷ", true}, {"oái", true}, {"thuở", true},
		{"bµn", false}, {"thaïch", false}, {"café", false}, {"xã̀", false}, {"ngàyy", false},
	}
	for _, tt := range tests {
		if got := isSyllable([]rune(tt.w)); got != tt.want {
			t.Errorf("isSyllable(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, name := range []string{"sample.tcvn3.txt", "sample.cp1258.txt"} {
		data := readLegacy(f, name)
		f.Add(data[:min(len(data), 600)])
	}
	f.Add([]byte("Tha\xefch Ba\xf8n \xd1a\xfbng"))
	f.Add([]byte{0x01, 0x80, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			t.Skip()
		}
		text, enc, err := Decode(data)
		if err != nil {
			if text != "" || enc != "" {
				t.Fatalf("error %v with text %q enc %q", err, text, enc)
			}
			return
		}
		if !utf8.ValidString(text) || !norm.NFC.IsNormalString(text) {
			t.Fatalf("Decode gave text that is not valid NFC UTF-8 (%s)", enc)
		}
		if s := DecodeString(string(data), enc); !utf8.ValidString(s) {
			t.Fatalf("DecodeString invalid")
		}
		_ = strings.ToUpper(text)
	})
}

func BenchmarkDecode(b *testing.B) {
	one := readLegacy(b, "sample.tcvn3.txt")
	for _, bm := range []struct {
		name string
		data []byte
	}{
		{"7KB", one},
		{"report-sized 110KB", bytes.Repeat(one, 16)},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Decode(bm.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
