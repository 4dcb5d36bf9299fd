package ocr

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract/block"
)

func TestRotate(t *testing.T) {
	g := &gray{w: 3, h: 2, pix: []byte{1, 2, 3, 4, 5, 6}}
	// 1 2 3      turned clockwise:  4 1
	// 4 5 6                         5 2
	//                               6 3
	if r := g.rotate(90); r.w != 2 || r.h != 3 || !bytes.Equal(r.pix, []byte{4, 1, 5, 2, 6, 3}) {
		t.Errorf("rotate(90) = %dx%d %v", r.w, r.h, r.pix)
	}
	if r := g.rotate(180); !bytes.Equal(r.pix, []byte{6, 5, 4, 3, 2, 1}) {
		t.Errorf("rotate(180) = %v", r.pix)
	}
	if r := g.rotate(270); r.w != 2 || r.h != 3 || !bytes.Equal(r.pix, []byte{3, 6, 2, 5, 1, 4}) {
		t.Errorf("rotate(270) = %dx%d %v", r.w, r.h, r.pix)
	}
	if r := g.rotate(90).rotate(270); r.w != 3 || !bytes.Equal(r.pix, g.pix) {
		t.Errorf("90 then 270 is not the identity: %v", r.pix)
	}
	if r := g.rotate(0); r != g {
		t.Error("rotate(0) made a copy")
	}
}

func TestParseOSD(t *testing.T) {
	tests := []struct {
		out  string
		want int
	}{
		{"Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 16.39\nScript: Latin\n", 180},
		{"Rotate: 270\nOrientation confidence: 14.56\n", 270},
		{"Rotate: 90\nOrientation confidence: 1.2\n", 0}, // a guess
		{"Rotate: 0\nOrientation confidence: 30\n", 0},
		{"Rotate: 45\nOrientation confidence: 30\n", 0},
		{"", 0},
		{"garbage", 0},
	}
	for _, tt := range tests {
		if got := parseOSD([]byte(tt.out)); got != tt.want {
			t.Errorf("parseOSD(%q) = %d, want %d", tt.out, got, tt.want)
		}
	}
}

func FuzzParseOSD(f *testing.F) {
	f.Add([]byte("Rotate: 180\nOrientation confidence: 16.39\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		switch parseOSD(b) {
		case 0, 90, 180, 270:
		default:
			t.Error("not a right angle")
		}
	})
}

func TestOrientation(t *testing.T) {
	// lineOf makes a line of n words laid left to right (flat) or top to
	// bottom / bottom to top (standing), with a confidence.
	lineOf := func(n int, dir string, conf float64) line {
		var l line
		for i := range n {
			var b box
			switch dir {
			case "flat":
				b = mkBox(100+60*i, 100, 150+60*i, 130)
			case "down":
				b = mkBox(100, 100+60*i, 130, 150+60*i)
			case "up":
				b = mkBox(100, 1000-60*i, 130, 1050-60*i)
			}
			l.words = append(l.words, word{text: "chữ", box: b, conf: conf})
		}
		l.box = l.words[0].box
		for _, w := range l.words {
			l.box = box{min(l.box.x0, w.box.x0), min(l.box.y0, w.box.y0), max(l.box.x1, w.box.x1), max(l.box.y1, w.box.y1)}
		}
		return l
	}
	pageOf := func(n int, dir string, conf float64) *page {
		pg := &page{}
		for range n {
			pg.lines = append(pg.lines, lineOf(10, dir, conf))
		}
		return pg
	}
	tests := []struct {
		name string
		pg   *page
		turn int
		ask  bool
	}{
		{"upright", pageOf(10, "flat", 95), 0, false},
		{"turned clockwise, read", pageOf(10, "down", 95), 270, false},
		{"turned anticlockwise, read", pageOf(10, "up", 95), 90, false},
		{"lines on end read as gibberish", pageOf(10, "down", 40), 0, true},
		{"upside down: gibberish", pageOf(10, "flat", 40), 0, true},
		{"a poor page of few words", pageOf(1, "flat", 30), 0, false},
		{"empty", &page{}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turn, ask := orientation(tt.pg)
			if turn != tt.turn || ask != tt.ask {
				t.Errorf("orientation = %d, %v; want %d, %v", turn, ask, tt.turn, tt.ask)
			}
		})
	}
}

// TestTurnedPages reads page 3 of the 2023 report upright and turned by
// 90°, 180° and 270°: every turn must give the upright page's text.
func TestTurnedPages(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of 4 pages takes seconds: skipped with -short")
	}
	requireTools(t)
	g := imagesOf(t, sample.RepoFile("testdata/corpus/formats/thachban-2023.pdf"), 200, []int{3})[0]
	pdf := writeImagePDF(t, []*gray{g, g.rotate(90), g.rotate(180), g.rotate(270)}, 200)
	blocks, _, err := New(Options{Jobs: 2})(context.Background(), pdf, []int{1, 2, 3, 4})
	if err != nil {
		t.Fatal(err)
	}
	text := map[int]*strings.Builder{}
	for _, b := range blocks {
		if text[b.Page] == nil {
			text[b.Page] = &strings.Builder{}
		}
		if b.Kind == block.FootnoteBody {
			text[b.Page].WriteString("[note] ")
		}
		text[b.Page].WriteString(b.Text + "\n")
	}
	if text[1] == nil || text[1].Len() < 1000 {
		t.Fatalf("upright page read as %q", text[1])
	}
	want := []rune(text[1].String())
	for pn, turn := range map[int]string{2: "90°", 3: "180°", 4: "270°"} {
		if text[pn] == nil {
			t.Errorf("page turned %s: nothing read", turn)
			continue
		}
		got := []rune(text[pn].String())
		if d := editDistance(got, want); d > len(want)/100 {
			t.Errorf("page turned %s: %d edits from the upright page's %d characters:\n%s", turn, d, len(want), string(got[:min(len(got), 300)]))
		}
	}
}
