package ocr

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/vntext"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readPages(tb testing.TB, files ...string) []*page {
	tb.Helper()
	var pages []*page
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		pgs, err := parseHOCR(b)
		if err != nil {
			tb.Fatal(err)
		}
		if len(pgs) != 1 {
			tb.Fatalf("%s: %d pages, want 1", f, len(pgs))
		}
		pgs[0].number = i + 1
		pages = append(pages, pgs[0])
	}
	return pages
}

func describe(blocks []block.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		kind := "para"
		if bl.Kind == block.FootnoteBody {
			kind = fmt.Sprintf("note%d", bl.Note)
			if bl.NoteCont {
				kind += "+"
			}
		}
		if bl.Joined {
			kind += " joined"
		}
		if bl.Align != "" {
			kind += " " + bl.Align
		}
		text := []rune(bl.Text)
		var s strings.Builder
		last := 0
		for _, m := range bl.Markers {
			s.WriteString(string(text[last:m.Offset]))
			fmt.Fprintf(&s, "^%d", m.Note)
			last = m.Offset
		}
		s.WriteString(string(text[last:]))
		fmt.Fprintf(&b, "p%d %s (%.0f): %s\n", bl.Page, kind, bl.Confidence, s.String())
	}
	return b.String()
}

// TestLayoutGolden runs the layout pass on Tesseract's hOCR of two scanned
// pages kept in testdata, so that it runs without Tesseract. The golden
// file is reviewed like code: refresh with -update.
func TestLayoutGolden(t *testing.T) {
	pages := readPages(t, "testdata/thachban-2023-p3.hocr", "testdata/thachban-2023-p4.hocr")
	blocks, conf := layout(pages)
	got := describe(blocks)
	const golden = "testdata/thachban-2023-p3-p4.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("layout differs from %s (run with -update and review the diff):\n%s", golden, got)
	}
	if conf < 90 {
		t.Errorf("mean confidence %.1f, want above 90", conf)
	}
	// What the golden must hold, whatever else changes: the marks and
	// bodies of notes 1-5 in order, and the paragraph cut by the page
	// break joined.
	var marks, bodies []int
	joined := 0
	for _, b := range blocks {
		for _, m := range b.Markers {
			marks = append(marks, m.Note)
		}
		if b.Kind == block.FootnoteBody && !b.NoteCont {
			bodies = append(bodies, b.Note)
		}
		if b.Joined && b.Kind == block.Para {
			joined++
		}
	}
	if fmt.Sprint(marks) != "[1 2 3 4 5]" || fmt.Sprint(bodies) != "[1 2 3 4 5]" || joined != 1 {
		t.Errorf("marks %v, bodies %v, joined %d; want [1 2 3 4 5] twice and 1", marks, bodies, joined)
	}
}

func TestNumbering(t *testing.T) {
	tests := []struct {
		name string
		read []int
		want []int
	}{
		{"nothing read", []int{0, 0, 0}, []int{1, 2, 3}},
		{"digits read", []int{1, 2, 3}, []int{1, 2, 3}},
		{"a gap in the notes", []int{1, 0, 5, 0}, []int{1, 2, 5, 6}},
		{"implausible digits are ignored", []int{1, 80, 0}, []int{1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n numbering
			var got []int
			for _, r := range tt.read {
				got = append(got, n.mark(r))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMissingTools(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, _, err := New(Options{})(context.Background(), []byte("%PDF-1.4"), []int{1})
	if !errors.Is(err, ErrNoTesseract) {
		t.Errorf("error %v, want %v", err, ErrNoTesseract)
	}
}

func TestMissingLanguage(t *testing.T) {
	requireTools(t)
	_, _, err := New(Options{Lang: "zzz"})(context.Background(), []byte("%PDF-1.4"), []int{1})
	if err == nil || !strings.Contains(err.Error(), "apt-get install tesseract-ocr-zzz") {
		t.Errorf("error %v, want one naming tesseract-ocr-zzz", err)
	}
}

func TestBadPDF(t *testing.T) {
	requireTools(t)
	_, _, err := New(Options{})(context.Background(), []byte("%PDF-1.4 garbage"), []int{1})
	if err == nil || !strings.HasPrefix(err.Error(), "ocr: page 1: pdftoppm") {
		t.Errorf("error %v, want a pdftoppm error for page 1", err)
	}
}

func TestCancel(t *testing.T) {
	requireTools(t)
	data := scanFile(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := New(Options{})(ctx, data, []int{1, 2})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func requireTools(tb testing.TB) {
	tb.Helper()
	for _, tool := range []string{"tesseract", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			tb.Skipf("%s not installed (apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils): skipping OCR run", tool)
		}
	}
}

func scanFile(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(sample.RepoFile("testdata/corpus/formats/thachban-2023.scan.pdf"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

var supRe = regexp.MustCompile(`<sup>(\d+)</sup>`)

// exportSentences returns the lines of an export, normalized (no markup),
// and the footnote bodies by number.
func exportSentences(s string) (sentences []string, notes map[int]string) {
	notes = map[int]string{}
	s = strings.ReplaceAll(vntext.NFC(s), "**", "")
	s = strings.ReplaceAll(s, "*", "")
	for _, line := range strings.Split(s, "\n") {
		if m := supRe.FindStringSubmatchIndex(line); m != nil && m[0] == 0 {
			var n int
			fmt.Sscan(line[m[2]:m[3]], &n)
			notes[n] = vntext.SquashSpace(line[m[1]:])
		}
		line = supRe.ReplaceAllString(line, "")
		line = strings.TrimLeft(line, "# ")
		if line = strings.TrimSpace(line); line != "" {
			sentences = append(sentences, line)
		}
	}
	return sentences, notes
}

func splitSentences(s string) []string {
	var out []string
	for _, p := range strings.SplitAfter(s, ". ") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// cer returns the edit distance between a and b in runes.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func trigrams(s string) map[string]bool {
	r := []rune(strings.ToLower(s))
	out := map[string]bool{}
	for i := 0; i+3 <= len(r); i++ {
		out[string(r[i:i+3])] = true
	}
	return out
}

// closest finds the export line that holds most of s's trigrams and
// returns the edit distance between s and the best-matching part of that
// line: OCR paragraphs and export lines are cut at different page breaks.
func closest(s string, lines []string, grams []map[string]bool) int {
	g := trigrams(s)
	best, score := 0, -1
	for i, eg := range grams {
		common := 0
		for k := range g {
			if eg[k] {
				common++
			}
		}
		if common > score {
			best, score = i, common
		}
	}
	return substringDistance([]rune(s), []rune(lines[best]))
}

// substringDistance is the edit distance between a and the substring of b
// closest to it (free gaps at both ends of b).
func substringDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	best := prev[0]
	for _, v := range prev {
		best = min(best, v)
	}
	if len(a) == 0 {
		return 0
	}
	return best
}

// TestScan runs the OCR on the first pages of the scanned 2023 report and
// compares sentence by sentence with the Markdown export: the character
// error rate, the footnote bodies with their numbers, the markers.
func TestScan(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of 4 pages takes seconds: skipped with -short")
	}
	requireTools(t)
	t.Run("scan 200 dpi", func(t *testing.T) { checkScan(t, scanFile(t)) })
	// The same pages drawn at 300 dpi from the text PDF into a PDF of
	// deflated images (the scans hold JPEGs): read like any scan, at
	// RenderDPI.
	t.Run("image 300 dpi", func(t *testing.T) {
		checkScan(t, imagePDF(t, sample.RepoFile("testdata/corpus/formats/thachban-2023.pdf"), 300, []int{1, 2, 3, 4}))
	})
}

func checkScan(t *testing.T, pdf []byte) {
	var calls [][2]int
	progress := func(done, total int) { calls = append(calls, [2]int{done, total}) }
	blocks, conf, err := New(Options{Jobs: 2, Progress: progress})(context.Background(), pdf, []int{1, 2, 3, 4})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range calls {
		if c[1] != 4 || c[0] < 1 || c[0] > 4 || i > 0 && c[0] <= calls[i-1][0] {
			t.Errorf("progress calls %v: want done growing to 4 of 4", calls)
			break
		}
	}
	if len(calls) == 0 || calls[len(calls)-1][0] != 4 {
		t.Errorf("progress calls %v: the last must say 4 of 4", calls)
	}
	export, err := os.ReadFile(sample.RepoFile("corpus/sample/thachban-2023.export.md"))
	if err != nil {
		t.Fatal(err)
	}
	sentences, notes := exportSentences(string(export))
	boldLines := map[string]bool{}
	for _, ln := range strings.Split(vntext.NFC(string(export)), "\n") {
		ln = strings.TrimSpace(strings.TrimLeft(ln, "# "))
		if len(ln) > 4 && strings.HasPrefix(ln, "**") && strings.HasSuffix(ln, "**") {
			boldLines[strings.Trim(ln, "*")] = true
		}
	}
	grams := make([]map[string]bool, len(sentences))
	for i, s := range sentences {
		grams[i] = trigrams(s)
	}
	var dist, total, bad int
	var marks, bodies []int
	for _, b := range blocks {
		if b.Page < 1 || b.Page > 4 {
			t.Errorf("block on page %d", b.Page)
		}
		for _, m := range b.Markers {
			marks = append(marks, m.Note)
		}
		if b.Kind == block.FootnoteBody && !b.NoteCont {
			bodies = append(bodies, b.Note)
			want := notes[b.Note]
			n := min(len([]rune(want)), len([]rune(b.Text)), 60)
			if d := editDistance([]rune(b.Text)[:n], []rune(want)[:n]); d > n/10 {
				t.Errorf("note %d starts %q, the export's starts %q", b.Note, string([]rune(b.Text)[:n]), string([]rune(want)[:n]))
			}
		}
		for _, s := range splitSentences(b.Text) {
			if len([]rune(s)) < 20 {
				continue
			}
			d := closest(s, sentences, grams)
			dist += d
			total += len([]rune(s))
			if float64(d) > 0.1*float64(len([]rune(s))) {
				bad++
				t.Logf("not matched: %q", s)
			}
		}
	}
	rate := float64(dist) / float64(total)
	t.Logf("OCR pages 1-4: %d blocks, mean confidence %.1f, CER %.2f%% over %d characters, %d sentences unmatched", len(blocks), conf, 100*rate, total, bad)
	if rate > 0.015 {
		t.Errorf("character error rate %.2f%%, want under 1.5%%", 100*rate)
	}
	// The export's bold lines that the OCR gives as a block of their own
	// (headings) must come out bold.
	var headings, boldHeadings int
	for _, b := range blocks {
		if b.Kind != block.Para || !boldLines[b.Text] {
			continue
		}
		headings++
		if b.Bold {
			boldHeadings++
		} else {
			t.Errorf("heading %q not bold", b.Text)
		}
	}
	t.Logf("bold headings %d of %d", boldHeadings, headings)
	if headings < 3 {
		t.Errorf("%d headings of the export found, want the 3 of pages 1-4 at least", headings)
	}
	sort.Ints(marks)
	if fmt.Sprint(bodies) != "[1 2 3 4 5]" || fmt.Sprint(marks) != "[1 2 3 4 5]" {
		t.Errorf("note bodies %v and marks %v, want 1-5 (the notes of pages 3-4)", bodies, marks)
	}
}

func BenchmarkOCR(b *testing.B) {
	requireTools(b)
	data := scanFile(b)
	f := New(Options{Jobs: 2})
	pages := []int{1, 2, 3, 4}
	cpu := childCPU()
	for b.Loop() {
		if _, _, err := f(context.Background(), data, pages); err != nil {
			b.Fatal(err)
		}
	}
	n := float64(b.N * len(pages))
	b.ReportMetric(n/b.Elapsed().Seconds(), "pages/s")
	// The tools' CPU time says what a page costs whatever else the
	// machine runs; wall time on a shared machine does not.
	b.ReportMetric((childCPU()-cpu)/n, "cpu-s/page")
}

func BenchmarkLayout(b *testing.B) {
	pages := readPages(b, "testdata/thachban-2023-p3.hocr", "testdata/thachban-2023-p4.hocr")
	b.ReportAllocs()
	for b.Loop() {
		layout(pages)
	}
}

func FuzzParseHOCR(f *testing.F) {
	for _, name := range []string{"testdata/thachban-2023-p3.hocr"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line' title='bbox 0 0 5 5; baseline 0 -1; x_size 4'><span class='ocrx_word' title='bbox 0 0 2 2; x_wconf 90'><span class='ocrx_cinfo' title='x_bboxes 0 0 1 1'>1</span></span></span></div>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<20 {
			return
		}
		pgs, err := parseHOCR(b)
		if err != nil {
			return
		}
		for i, pg := range pgs {
			pg.number = i + 1
		}
		layout(pgs)
	})
}
