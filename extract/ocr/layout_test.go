package ocr

import (
	"strings"
	"testing"
)

// mkBox makes a box from ints.
func mkBox(x0, y0, x1, y1 int) box { return box{int32(x0), int32(y0), int32(x1), int32(y1)} }

// mkLine builds a line of n words at baseline y with the given x-height.
func mkLine(y int, xsize float64, n int) line {
	l := line{box: mkBox(240, y-30, 1490, y+8), baseline: y, xsize: xsize}
	for i := range n {
		l.words = append(l.words, word{text: "chữ", box: mkBox(240+60*i, y-20, 290+60*i, y)})
	}
	return l
}

func TestFootnoteZone(t *testing.T) {
	m := metrics{bodyX: 36, pitch: 54}
	tests := []struct {
		name  string
		lines []line
		want  int
	}{
		{"no notes", []line{mkLine(100, 36, 12), mkLine(154, 36, 12), mkLine(208, 37, 12)}, 3},
		{"small lines at the bottom", []line{mkLine(100, 36, 12), mkLine(154, 36, 12), mkLine(230, 29, 14), mkLine(265, 28, 14)}, 2},
		{
			// The first note line's x-height came out near the body's,
			// but it sits at the notes' pitch above them.
			"first note line read large",
			[]line{mkLine(100, 36, 12), mkLine(154, 36, 12), mkLine(230, 32, 14), mkLine(265, 29, 14), mkLine(300, 28, 14)},
			2,
		},
		{
			// A body line as large as the first note line but a body
			// pitch away stays in the body.
			"body line a body pitch above",
			[]line{mkLine(100, 36, 12), mkLine(154, 32, 12), mkLine(208, 36, 12), mkLine(262, 29, 14)},
			3,
		},
		{
			// "tượng 4." ends a note with a line too short for its
			// x-height to mean anything.
			"short line inside the notes",
			[]line{mkLine(100, 36, 12), mkLine(160, 29, 14), mkLine(195, 34, 2), mkLine(230, 28, 14)},
			1,
		},
		{
			// A page of notes that is the whole page: small type
			// throughout, no body above.
			"small type throughout", []line{mkLine(100, 28, 12), mkLine(135, 28, 12)}, 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := footnoteZone(tt.lines, m); got != tt.want {
				t.Errorf("zone starts at line %d, want %d", got, tt.want)
			}
		})
	}
}

func TestPlainNoteStart(t *testing.T) {
	text := func(s string) line {
		l := line{}
		for _, w := range strings.Fields(s) {
			l.words = append(l.words, word{text: w})
		}
		return l
	}
	tests := []struct {
		name     string
		lastBody int
		n        int
		prev     string // "" for the zone's first line
		want     bool
	}{
		{"first line of the zone", 0, 1, "", true},
		{"next number after a full stop", 1, 2, "cho 52 đồng chí.", true},
		{"a count inside a note", 1, 15, "18 cuộc đối thoại (01 định kỳ, 02", false},
		{"the next number mid-sentence", 1, 2, "hỗ trợ xây dựng", false},
		{"a number already used", 3, 2, "xong.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []line
			if tt.prev != "" {
				lines = append(lines, text(tt.prev))
			}
			lines = append(lines, text("x"))
			st := &numbering{lastBody: tt.lastBody}
			if got := plainNoteStart(tt.n, st, lines, len(lines)-1); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHiddenNumeral(t *testing.T) {
	l := line{xsize: 42}
	mk := func(dot box, glyphs ...string) word {
		var w word
		x := 317
		for _, g := range glyphs[:len(glyphs)-1] {
			w.chars = append(w.chars, char{r: g, box: mkBox(x, 1257, x+12, 1283)})
			x += 15
		}
		w.chars = append(w.chars, char{r: glyphs[len(glyphs)-1], box: dot})
		w.text = charsText(w.chars)
		return w
	}
	tests := []struct {
		name string
		w    word
		want string
	}{
		{"II. read as I. with a tall wide period", mk(box{332, 1257, 354, 1283}, "I", "."), "II."},
		{"a true I.", mk(box{332, 975, 338, 981}, "I", "."), "I."},
		{"not a numeral", mk(box{332, 1257, 354, 1283}, "A", "."), "A."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hiddenNumeral(l, tt.w); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDropPageNumbers(t *testing.T) {
	const w, h = 1654, 2339
	one := func(text string, x0, y0 int) line {
		return line{box: mkBox(x0, y0, x0+16*len(text), y0+27), words: []word{{text: text}}}
	}
	tests := []struct {
		name string
		l    line
		drop bool
	}{
		{"digits at the top", one("5", 867, 89), true},
		{"page number read as s", one("s", 867, 89), true},
		{"page number read as lo", one("lo", 860, 2250), true},
		{"s off centre", one("s", 300, 89), false},
		{"s in the body", one("s", 867, 1000), false},
		{"a word at the top", one("Kính", 840, 89), false},
		{"dash number at the foot", one("- 12 -", 800, 2250), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dropPageNumbers([]line{tt.l}, w, h)
			if dropped := len(got) == 0; dropped != tt.drop {
				t.Errorf("dropped %v, want %v", dropped, tt.drop)
			}
		})
	}
}

// TestHiddenMark: a raised mark Tesseract folded into the box of the
// punctuation after a word (seen on a 200 dpi scan: "đồng⁹;" read as
// "đồng;" with a semicolon 20 px wide reaching the capitals' height).
func TestHiddenMark(t *testing.T) {
	l := line{box: box{237, 969, 1492, 1016}, baseline: 1008, xsize: 36}
	mk := func(conf float64, punct box, letters ...string) word {
		w := word{conf: conf}
		x := 416
		for _, r := range letters {
			w.chars = append(w.chars, char{r: r, box: mkBox(x, 987, x+17, 1006)})
			x += 19
		}
		w.chars = append(w.chars, char{r: ";", box: punct})
		w.text = charsText(w.chars)
		return w
	}
	swollen := box{493, 975, 513, 1011}
	plain := box{493, 988, 499, 1011}
	tests := []struct {
		name             string
		w                word
		text, mark, tail string
	}{
		{"swollen semicolon, low confidence", mk(0, swollen, "đ", "ồ", "n", "g"), "đồng", "*", ";"},
		{"plain semicolon", mk(0, plain, "đ", "ồ", "n", "g"), "đồng;", "", ""},
		{"confident word", mk(96, swollen, "đ", "ồ", "n", "g"), "đồng;", "", ""},
		{"after a digit", mk(0, swollen, "1", "2"), "12;", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, mark, tail := splitMark(l, tt.w)
			if text != tt.text || mark != tt.mark || tail != tt.tail {
				t.Errorf("splitMark = %q %q %q, want %q %q %q", text, mark, tail, tt.text, tt.mark, tt.tail)
			}
		})
	}
}

func TestListItems(t *testing.T) {
	labels := map[string]bool{"1.": true, "12.": true, "4...": true, "a)": true, "3)": true, "-": true, "+": true,
		"I.": false, "2.100": false, "123.": false, "Đảng": false, "ab)": false, "": false}
	for s, want := range labels {
		if got := isListLabel(s); got != want {
			t.Errorf("isListLabel(%q) = %v, want %v", s, got, want)
		}
	}
	// "1. _ Tập trung …" with its wrapped line starting under "Tập".
	item := line{box: mkBox(240, 100, 1490, 140), words: []word{
		{text: "1.", box: mkBox(240, 100, 262, 140)},
		{text: "_", box: mkBox(275, 130, 300, 140)},
		{text: "Tập", box: mkBox(330, 100, 380, 140)},
		{text: "trung", box: mkBox(395, 100, 470, 140)},
	}}
	tests := []struct {
		name  string
		first line
		x0    int
		want  bool
	}{
		{"under the item's text", item, 332, true},
		{"at the margin", item, 240, false},
		{"a first-line indent further right", item, 420, false},
		{"the line above is no item", line{words: []word{{text: "Tập", box: mkBox(330, 100, 380, 140)}, {text: "trung", box: mkBox(395, 100, 470, 140)}}}, 332, false},
	}
	for _, tt := range tests {
		l := line{box: mkBox(tt.x0, 150, 1490, 190), words: []word{{text: "chữ"}}}
		if got := hangs(tt.first, l, 36); got != tt.want {
			t.Errorf("%s: hangs = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRunInHeading(t *testing.T) {
	// stroke 3 is bold against a reference of 2; 0 is unmeasured
	w := func(text string, stroke float64) word { return word{text: text, stroke: stroke} }
	tests := []struct {
		name  string
		words []word
		want  int
	}{
		{"b) after a full stop, bold to the colon",
			[]word{w("sản", 2), w("phẩm.", 2), w("b)", 0), w("Chăn", 3), w("nuôi,", 3), w("thủy", 3), w("sản:", 3), w("Tổng", 2)}, 2},
		{"regular words after the label", []word{w("phẩm.", 2), w("b)", 0), w("Chăn", 2), w("nuôi:", 2)}, -1},
		{"no colon", []word{w("phẩm.", 2), w("b)", 0), w("Chăn", 3), w("nuôi", 3)}, -1},
		{"not after a sentence end", []word{w("điểm", 2), w("b)", 0), w("Chăn", 3), w("nuôi:", 3)}, -1},
		{"at the line start: not run in", []word{w("b)", 0), w("Chăn", 3), w("nuôi:", 3)}, -1},
	}
	for _, tt := range tests {
		if got := runInHeading(tt.words, 2); got != tt.want {
			t.Errorf("%s: runInHeading = %d, want %d", tt.name, got, tt.want)
		}
	}
}
