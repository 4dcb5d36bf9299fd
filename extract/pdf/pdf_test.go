package pdf

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/vntext"
)

// fixture is a PDF made from a Markdown export (tools/make-fixtures.sh):
// the export is the truth for its text, footnotes and markers.
type fixture struct {
	name   string
	pdf    string // path
	export string // path
}

func fixtures(tb testing.TB) []fixture {
	tb.Helper()
	var out []fixture
	for _, n := range []string{"thachban-2021", "thachban-2022", "thachban-2023", "thachban-ubnd-2023"} {
		exp := sample.RepoFile("corpus/sample/" + n + ".export.md")
		for _, kind := range []string{".pdf", ".chromium.pdf"} {
			out = append(out, fixture{n + kind, sample.RepoFile("testdata/corpus/formats/" + n + kind), exp})
		}
	}
	if p, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.pdf"); ok {
		e, _ := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md")
		out = append(out, fixture{"vinhbao-2024.pdf", p, e})
	} else {
		tb.Log("../shared not found: seed report unavailable, testing the fictional corpus only")
	}
	return out
}

func readFixture(tb testing.TB, f fixture) (*block.Source, string) {
	tb.Helper()
	data, err := os.ReadFile(f.pdf)
	if err != nil {
		tb.Fatal(err)
	}
	exp, err := os.ReadFile(f.export)
	if err != nil {
		tb.Fatal(err)
	}
	src, err := Read(context.Background(), data, Options{})
	if err != nil {
		tb.Fatalf("%s: %v", f.name, err)
	}
	return src, vntext.NFC(string(exp))
}

var (
	barePageNumberRe = regexp.MustCompile(`^\s*[-–]?\s*\d{1,3}\s*[-–]?\s*$`)
	supRe            = regexp.MustCompile(`<sup>\s*(\d+)\s*</sup>`)
	bodyLineRe       = regexp.MustCompile(`(?m)^\s*<sup>\s*(\d+)\s*</sup>`)
	mdNoiseRe        = regexp.MustCompile(`\*+|(?m)^#+\s*|\\`)
)

// normalizeExport is the export's text as the key's quotes see it (no
// ** and no <sup>…</sup>), with italics, heading marks and table bars
// removed too and all white space squashed.
func normalizeExport(s string) string {
	s = supRe.ReplaceAllString(s, "")
	s = mdNoiseRe.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "|", " ")
	return vntext.SquashSpace(s)
}

// expectedNotes gives the footnote numbers the PDF shows: Word and pandoc
// number the bodies 1, 2, 3… in order, so a marker whose body is missing
// in the export keeps its raw number and the bodies after it move down.
func expectedNotes(export string) (bodies []int, markers []int, before []string) {
	var raw []int
	has := map[int]bool{}
	for _, m := range bodyLineRe.FindAllStringSubmatch(export, -1) {
		n, _ := strconv.Atoi(m[1])
		raw = append(raw, n)
		has[n] = true
	}
	renum := map[int]int{}
	for i, n := range raw {
		renum[n] = i + 1
		bodies = append(bodies, i+1)
	}
	for _, ln := range strings.Split(export, "\n") {
		if bodyLineRe.MatchString(ln) {
			continue
		}
		plain := strings.ReplaceAll(ln, "**", "")
		for _, loc := range supRe.FindAllStringSubmatchIndex(plain, -1) {
			n, _ := strconv.Atoi(plain[loc[2]:loc[3]])
			if has[n] {
				n = renum[n]
			}
			markers = append(markers, n)
			before = append(before, tailRunes(vntext.SquashSpace(supRe.ReplaceAllString(plain[:loc[0]], "")), 12))
		}
	}
	return bodies, markers, before
}

// inExport reports whether text is in the export, allowing one cut: the
// export breaks paragraphs where its own source's pages broke, which is
// not where the PDF's pages break.
func inExport(norm, text string) bool {
	if strings.Contains(norm, text) {
		return true
	}
	r := []rune(text)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(norm, string(r[:mid])) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo > 0 && strings.Contains(norm, strings.TrimSpace(string(r[lo:])))
}

func tailRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			src, export := readFixture(t, f)
			wantBodies, wantMarkers, wantBefore := expectedNotes(export)
			norm := normalizeExport(export)

			if src.Format != "pdf" || src.Pages == 0 {
				t.Errorf("format %q pages %d", src.Format, src.Pages)
			}
			var bodies, markers []int
			var before []string
			missing := 0
			for i, b := range src.Blocks {
				if b.Page < 1 || b.Page > src.Pages {
					t.Errorf("block %d: page %d out of 1..%d", i, b.Page, src.Pages)
				}
				if b.Kind == block.FootnoteBody && !b.NoteCont && !b.Joined {
					bodies = append(bodies, b.Note)
				}
				r := []rune(b.Text)
				for _, m := range b.Markers {
					markers = append(markers, m.Note)
					before = append(before, tailRunes(string(r[:m.Offset]), 12))
				}
				if barePageNumberRe.MatchString(b.Text) {
					t.Errorf("block %d (page %d) is a page number: %q", i, b.Page, b.Text)
				}
				if !inExport(norm, b.Text) {
					missing++
					t.Logf("not in the export (page %d): %q", b.Page, b.Text)
				}
			}
			if !equalInts(bodies, wantBodies) {
				t.Errorf("footnote bodies %v, want %v", bodies, wantBodies)
			}
			if !equalInts(markers, wantMarkers) {
				t.Errorf("markers %v, want %v", markers, wantMarkers)
			} else {
				for i := range before {
					if before[i] != wantBefore[i] {
						t.Errorf("marker %d: text before it %q, want %q", markers[i], before[i], wantBefore[i])
					}
				}
			}
			// Tables come out as text lines in reading order, which the
			// export writes as | rows: allow those few.
			if limit := len(src.Blocks) / 10; missing > limit {
				t.Errorf("%d of %d blocks not found in the export (allowed %d)", missing, len(src.Blocks), limit)
			}
		})
	}
}

// TestPages checks every block against the page pdftotext puts its first
// words on.
func TestPages(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			src, _ := readFixture(t, f)
			pages := map[int]string{}
			for p := 1; p <= src.Pages; p++ {
				out, err := exec.Command("pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), f.pdf, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				pages[p] = strings.Join(strings.Fields(vntext.NFC(string(out))), "")
			}
			for i, b := range src.Blocks {
				words := strings.Fields(b.Text)
				if len(words) > 4 {
					words = words[:4]
				}
				for _, w := range words {
					if !strings.Contains(pages[b.Page], w) {
						t.Errorf("block %d: %q not on page %d", i, w, b.Page)
					}
				}
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBlockText(t *testing.T) {
	mk := func(pieces ...piece) *line {
		return &line{pieces: pieces, x0: 85, x1: 538, size: 14}
	}
	m := metrics{size: 14, left: 85, right: 538, gap: 19}
	tests := []struct {
		name       string
		lines      []*line
		want       string
		markers    []block.Marker
		bold       bool
		boldPrefix int
	}{
		{
			name:    "marker glued to the word before it",
			lines:   []*line{mk(piece{text: "vượt chỉ tiêu đề ra "}, piece{text: "1", sup: true}, piece{text: ". Công tác"})},
			want:    "vượt chỉ tiêu đề ra. Công tác",
			markers: []block.Marker{{Note: 1, Offset: 19}},
		},
		{
			name:  "symbol cut at its hyphen stays whole",
			lines: []*line{mk(piece{text: "Kế hoạch số 154-"}), mk(piece{text: "KH/HU, ngày 05/6/2024"})},
			want:  "Kế hoạch số 154-KH/HU, ngày 05/6/2024",
		},
		{
			name:  "spaced dash is a word",
			lines: []*line{mk(piece{text: "kinh tế -"}), mk(piece{text: "xã hội"})},
			want:  "kinh tế - xã hội",
		},
		{
			name:  "square metres are not a footnote",
			lines: []*line{mk(piece{text: "hiến trên 12.000 m"}, piece{text: "2", sup: true}, piece{text: " đất"})},
			want:  "hiến trên 12.000 m2 đất",
		},
		{
			name:       "bold run label",
			lines:      []*line{mk(piece{text: "5. Công tác văn phòng:", bold: true}, piece{text: " Văn phòng Huyện ủy"})},
			want:       "5. Công tác văn phòng: Văn phòng Huyện ủy",
			boldPrefix: 22,
		},
		{
			name:  "all bold heading",
			lines: []*line{mk(piece{text: "II. KẾT QUẢ ĐẠT ĐƯỢC", bold: true})},
			want:  "II. KẾT QUẢ ĐẠT ĐƯỢC",
			bold:  true,
		},
		{
			name:  "decomposed marks are composed",
			lines: []*line{mk(piece{text: "Ha\u0300 Nô\u0323i"})},
			want:  "Hà Nội",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := m.block(&para{page: 1, lines: tt.lines})
			if b.Text != tt.want {
				t.Errorf("text %q, want %q", b.Text, tt.want)
			}
			if len(b.Markers) != len(tt.markers) || (len(tt.markers) > 0 && b.Markers[0] != tt.markers[0]) {
				t.Errorf("markers %v, want %v", b.Markers, tt.markers)
			}
			if b.Bold != tt.bold || b.BoldPrefix != tt.boldPrefix {
				t.Errorf("bold %v prefix %d, want %v %d", b.Bold, b.BoldPrefix, tt.bold, tt.boldPrefix)
			}
		})
	}
}

func TestPageList(t *testing.T) {
	tests := []struct {
		name  string
		pages []int
		want  string
	}{
		{"one", []int{4}, "4"},
		{"run", []int{1, 2, 3}, "1-3"},
		{"runs and singles", []int{1, 2, 3, 5, 7, 8}, "1-3, 5, 7-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageList(tt.pages); got != tt.want {
				t.Errorf("pageList(%v) = %q, want %q", tt.pages, got, tt.want)
			}
		})
	}
}

// TestBadInput: damaged, truncated, encrypted and cyclic files give the
// documented errors, within the time budget.
func TestBadInput(t *testing.T) {
	good, err := os.ReadFile(sample.RepoFile("testdata/corpus/formats/thachban-2022.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a pdf", []byte("%PDF-1.4\nhello"), "pdf: damaged file"},
		{"truncated", good[:len(good)/2], "pdf: damaged file"},
		{"encrypted", []byte(minimalPDF(`/Encrypt 9 0 R`, pageTree)), "encrypted (password protected)"},
		{"cyclic page tree", []byte(minimalPDF("", cyclicTree)), "pdf: damaged file: page tree has a cycle"},
		{"no pages", []byte(minimalPDF("", emptyTree)), "pdf: damaged file: no pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.data, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestScanNeedsOCR(t *testing.T) {
	scan := sample.RepoFile("testdata/corpus/formats/thachban-2023.scan.pdf")
	data, err := os.ReadFile(scan)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(context.Background(), data, Options{})
	var nt *NoTextError
	if !errors.As(err, &nt) || len(nt.Pages) == 0 || nt.Pages[0] != 1 {
		t.Fatalf("err = %v, want a NoTextError from page 1", err)
	}
	if !strings.Contains(err.Error(), "has no text layer on pages 1-") {
		t.Errorf("message %q", err)
	}
	var asked []int
	fake := func(ctx context.Context, pdf []byte, pages []int) ([]block.Block, float64, error) {
		asked = pages
		var out []block.Block
		for _, p := range pages {
			out = append(out, block.Block{Text: "trang " + strconv.Itoa(p), Page: p})
		}
		return out, 91.5, nil
	}
	src, err := Read(context.Background(), data, Options{OCR: fake})
	if err != nil {
		t.Fatal(err)
	}
	if src.Format != "pdf-ocr" || src.OCRConfidence != 91.5 || len(asked) != src.Pages || len(src.Blocks) != src.Pages {
		t.Errorf("format %q conf %v asked %v blocks %d pages %d", src.Format, src.OCRConfidence, asked, len(src.Blocks), src.Pages)
	}
}

const (
	pageTree = `1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
`
	cyclicTree = `1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj
`
	emptyTree = `1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
3 0 obj << >> endobj
`
)

// minimalPDF writes three objects with a correct xref table.
func minimalPDF(trailerExtra, objs string) string {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for _, ln := range strings.SplitAfter(objs, "endobj\n") {
		if strings.TrimSpace(ln) == "" {
			continue
		}
		offs = append(offs, b.Len())
		b.WriteString(ln)
	}
	x := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(len(offs)+1) + "\n0000000000 65535 f \n")
	for _, o := range offs {
		s := strconv.Itoa(o)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer << /Size " + strconv.Itoa(len(offs)+1) + " /Root 1 0 R " + trailerExtra + " >>\nstartxref\n" + strconv.Itoa(x) + "\n%%EOF\n")
	return b.String()
}

var _ = filepath.Join
