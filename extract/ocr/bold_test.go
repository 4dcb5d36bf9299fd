package ocr

import (
	"fmt"
	"image/png"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
)

// readPNG loads a test image as a page image.
func readPNG(tb testing.TB, name string) *gray {
	tb.Helper()
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		tb.Fatal(err)
	}
	r := img.Bounds()
	g := &gray{w: r.Dx(), h: r.Dy(), pix: make([]byte, r.Dx()*r.Dy())}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			v, _, _, _ := img.At(x, y).RGBA()
			g.pix[(y-r.Min.Y)*g.w+x-r.Min.X] = byte(v >> 8)
		}
	}
	return g
}

// TestBoldFromImage reads two strips of the scanned 2023 report (image
// and Tesseract's hOCR of it): a bold numbered heading over regular body
// lines, and a run-in heading, bold up to its colon, in a regular
// paragraph.
func TestBoldFromImage(t *testing.T) {
	tests := []struct {
		name       string
		strip      string
		starts     string // the block to check starts so
		bold       bool
		prefix     string // its bold run, "" for none
		plainStart string // a block that must come out regular
	}{
		{
			name:       "bold heading line",
			strip:      "testdata/thachban-2023-p11-bold",
			starts:     "2. Xây dựng tổ chức cơ sở đảng",
			bold:       true,
			plainStart: "- Tiếp tục",
		},
		{
			name:       "run-in heading",
			strip:      "testdata/thachban-2023-p6-bold",
			starts:     "5. Công tác tham mưu",
			prefix:     "5. Công tác tham mưu, tổng hợp của Văn phòng Huyện ủy:",
			plainStart: "Tết và các ngày lễ lớn",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg := readPages(t, tt.strip+".hocr")[0]
			readPNG(t, tt.strip+".png").measure(pg)
			blocks, _ := layout([]*page{pg})
			find := func(prefix string) *block.Block {
				for i := range blocks {
					if strings.HasPrefix(blocks[i].Text, prefix) {
						return &blocks[i]
					}
				}
				t.Fatalf("no block starts with %q in:\n%s", prefix, describe(blocks))
				return nil
			}
			b := find(tt.starts)
			want := 0
			if tt.prefix != "" {
				want = utf8.RuneCountInString(tt.prefix)
			}
			if b.Bold != tt.bold || b.BoldPrefix != want {
				got := string([]rune(b.Text)[:min(b.BoldPrefix, utf8.RuneCountInString(b.Text))])
				t.Errorf("%q: bold %v, bold run %q; want %v, %q", b.Text, b.Bold, got, tt.bold, tt.prefix)
			}
			if p := find(tt.plainStart); p.Bold || p.BoldPrefix != 0 {
				t.Errorf("%q: bold %v, bold run %d runes; want regular", p.Text, p.Bold, p.BoldPrefix)
			}
		})
	}
}

func TestBoldRun(t *testing.T) {
	tests := []struct {
		name   string
		ws     []wordWeight // ends count runes; the text is 100 runes
		bold   bool
		prefix int
	}{
		{"no measures", nil, false, 0},
		{"all regular", []wordWeight{{5, -4}, {10, -4}, {20, -8}}, false, 0},
		{"all bold", []wordWeight{{5, 4}, {10, 4}, {20, 8}}, true, 0},
		{"one misread word in a bold line", []wordWeight{{5, 4}, {10, -3}, {20, 8}, {30, 9}, {40, 9}, {50, 9}}, true, 0},
		{"run-in heading", []wordWeight{{5, 4}, {10, 4}, {20, 8}, {30, -9}, {40, -9}, {50, -9}}, false, 20},
		{"bold word in the middle", []wordWeight{{5, -4}, {10, 4}, {20, -8}, {30, -9}}, false, 0},
		{"half and half, no clear split", []wordWeight{{5, 4}, {10, -4}, {15, 4}, {20, -4}}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bold, prefix := boldRun(tt.ws, 100)
			if bold != tt.bold || prefix != tt.prefix {
				t.Errorf("got bold %v prefix %d, want %v %d", bold, prefix, tt.bold, tt.prefix)
			}
		})
	}
}

// TestStroke draws strokes of known width and reads them back.
func TestStroke(t *testing.T) {
	for _, width := range []int{2, 3, 5, 8} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			g := &gray{w: 200, h: 60}
			g.pix = make([]byte, g.w*g.h)
			for i := range g.pix {
				g.pix[i] = 240
			}
			// Vertical stems 40 px tall, 20 px apart.
			for x0 := 10; x0+width < 190; x0 += 20 {
				for y := 10; y < 50; y++ {
					for x := x0; x < x0+width; x++ {
						g.pix[y*g.w+x] = 20
					}
				}
			}
			got, ink := g.stroke(mkBox(0, 0, g.w, g.h), g.otsu())
			if ink == 0 || got < 0.8*float64(width) || got > 1.05*float64(width) {
				t.Errorf("stroke %.2f (ink %d), want about %d", got, ink, width)
			}
		})
	}
	if w, _ := (&gray{w: 4, h: 4, pix: make([]byte, 16)}).stroke(box{10, 10, 20, 20}, 128); w != 0 {
		t.Errorf("box outside the image: stroke %v, want 0", w)
	}
}

func TestReadPGM(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		w, h    int
		first   byte
		wantErr bool
	}{
		{"plain", "P5\n2 1\n255\n\x10\x20", 2, 1, 0x10, false},
		{"comment", "P5\n# by pdftoppm\n2 1 255\n\x10\x20", 2, 1, 0x10, false},
		{"16 bit", "P5 1 1 65535\n\xff\xff", 1, 1, 255, false},
		{"maxval 15", "P5 1 1 15\n\x0f", 1, 1, 255, false},
		{"not pgm", "P6\n1 1\n255\n\x00\x00\x00", 0, 0, 0, true},
		{"short data", "P5\n4 4\n255\n\x00", 0, 0, 0, true},
		{"no header end", "P5\n4 4\n255", 0, 0, 0, true},
		{"zero width", "P5\n0 4\n255\n", 0, 0, 0, true},
		{"huge", "P5\n99999999 4\n255\n", 0, 0, 0, true},
		{"empty", "", 0, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := readPGM([]byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if g.w != tt.w || g.h != tt.h || g.pix[0] != tt.first {
				t.Errorf("got %dx%d first %d, want %dx%d first %d", g.w, g.h, g.pix[0], tt.w, tt.h, tt.first)
			}
		})
	}
}

func FuzzReadPGM(f *testing.F) {
	f.Add([]byte("P5\n2 2\n255\n\x00\x10\x20\x30"))
	f.Add([]byte("P5 1 1 65535\n\xff\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := readPGM(b)
		if err != nil {
			return
		}
		if len(g.pix) != g.w*g.h {
			t.Fatalf("%d pixels for %dx%d", len(g.pix), g.w, g.h)
		}
		g.stroke(mkBox(0, 0, g.w, g.h), g.otsu())
	})
}

func BenchmarkStroke(b *testing.B) {
	g := readPNG(b, "testdata/thachban-2023-p6-bold.png")
	pg := readPages(b, "testdata/thachban-2023-p6-bold.hocr")[0]
	b.SetBytes(int64(len(g.pix)))
	b.ReportAllocs()
	for b.Loop() {
		g.measure(pg)
	}
}
