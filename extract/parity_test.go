package extract

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// parityCase is one report in several formats; the export is the reference.
type parityCase struct {
	name    string
	export  string   // path of the Markdown export
	formats []string // other files of the same report
	shared  bool     // files live in ../shared (the seed): skip when absent
}

func parityCases() []parityCase {
	var cases []parityCase
	for _, n := range []string{"thachban-2021", "thachban-2022", "thachban-2023", "thachban-ubnd-2023"} {
		c := parityCase{name: n, export: sample.RepoFile("corpus/sample/" + n + ".export.md")}
		for _, ext := range []string{".docx", ".pdf", ".chromium.pdf", ".scan.pdf"} {
			p := sample.RepoFile("testdata/corpus/formats/" + n + ext)
			if _, err := os.Stat(p); err == nil {
				c.formats = append(c.formats, p)
			}
		}
		cases = append(cases, c)
	}
	seed := parityCase{name: "vinhbao-2024 (seed)", shared: true}
	if p, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md"); ok {
		seed.export = p
		for _, ext := range []string{".md", ".docx", ".pdf", ".scan.pdf"} {
			if p, ok := sample.SharedFile("fixtures/seed/vinhbao-2024" + ext); ok {
				seed.formats = append(seed.formats, p)
			}
		}
	}
	return append(cases, seed)
}

func figureKey(f schema.Figure) string {
	return fmt.Sprintf("%g|%s|%s|%s", f.ValueNormalized, vntext.Key(f.Unit), vntext.Key(f.Metric), f.Role)
}

// figureAgreement is the share of the reference's figures (value, unit,
// metric, role) that the other document also has, as multisets.
func figureAgreement(ref, other *schema.Document) float64 {
	if len(ref.Figures) == 0 {
		return 1
	}
	have := map[string]int{}
	for _, f := range other.Figures {
		have[figureKey(f)]++
	}
	same := 0
	for _, f := range ref.Figures {
		if k := figureKey(f); have[k] > 0 {
			have[k]--
			same++
		}
	}
	return float64(same) / float64(len(ref.Figures))
}

// footnoteList is the footnote bodies by their text, sorted, and whether each
// is linked to a marker. Numbers are left out on purpose: Word and LibreOffice
// renumber footnotes when printing (a marker without a body, as planted in
// thachban-2022, shifts the later ones), and the same bodies then carry other
// numbers in the PDF.
func footnoteList(d *schema.Document) []string {
	var out []string
	for _, f := range d.Footnotes {
		text := []rune(vntext.Fold(vntext.SquashSpace(f.Text)))
		out = append(out, fmt.Sprintf("%s:%t", string(text[:min(len(text), 24)]), f.RefParagraph != ""))
	}
	slices.Sort(out)
	return out
}

// mark is where a footnote marker stands: the last letters before it and
// the start of its note, both folded to plain letters so that an OCR tone
// error does not count, and the note compared by text because Word and
// LibreOffice renumber notes around a marker that has none (thachban-2022).
type mark struct{ after, note string }

func marks(d *schema.Document) []mark {
	notes := map[int]string{}
	for _, f := range d.Footnotes {
		t := []rune(vntext.Fold(vntext.SquashSpace(f.Text)))
		notes[f.ID] = string(t[:min(len(t), 10)])
	}
	var out []mark
	for _, p := range d.Paragraphs {
		text := []rune(p.Text)
		for _, r := range p.FootnoteRefs {
			before := strings.TrimRight(string(text[:min(r.Offset, len(text))]), " ;,.:)”\"")
			fold := []rune(vntext.Fold(vntext.SquashSpace(before)))
			out = append(out, mark{string(fold[max(0, len(fold)-12):]), notes[r.ID]})
		}
	}
	return out
}

// markerAgreement returns how many of ref's markers doc has at the same
// place for the same note, and how many doc has that ref lacks. A marker
// without a note in ref is left out on both sides: a document made from it
// prints its number, or the next note's, at that place.
func markerAgreement(ref, doc *schema.Document) (same, want, extra int) {
	skip := map[string]bool{}
	for _, m := range marks(ref) {
		if m.note == "" {
			skip[m.after] = true
		}
	}
	have := map[mark]int{}
	for _, m := range marks(doc) {
		if !skip[m.after] {
			have[m]++
			extra++
		}
	}
	for _, m := range marks(ref) {
		if skip[m.after] {
			continue
		}
		want++
		if have[m] > 0 {
			have[m]--
			same++
			extra--
		}
	}
	return same, want, extra
}

func sectionList(d *schema.Document) []string {
	var out []string
	for _, s := range d.Sections {
		title := []rune(vntext.Fold(s.Title))
		out = append(out, s.Path+" "+string(title[:min(len(title), 25)]))
	}
	return out
}

// TestFormatParity is the promise that one report gives the same facts in
// every format: the same footnotes and sections, and at least 97% of the
// figures for DOCX and PDF (90% for scans, which pass through OCR).
func TestFormatParity(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of scans is slow; skipped with -short")
	}
	for _, c := range parityCases() {
		if c.export == "" {
			t.Logf("%s: ../shared not found, skipped", c.name)
			continue
		}
		ref, err := File(context.Background(), c.export, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		for _, path := range c.formats {
			name := path[strings.LastIndex(path, "/")+1:]
			t.Run(name, func(t *testing.T) {
				doc, err := File(context.Background(), path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				scan := strings.HasSuffix(path, ".scan.pdf")
				agree := figureAgreement(ref, doc)
				t.Logf("%s: figures %.1f%% of %d (%d found), footnotes %d/%d, sections %d/%d",
					name, 100*agree, len(ref.Figures), len(doc.Figures),
					len(doc.Footnotes), len(ref.Footnotes), len(doc.Sections), len(ref.Sections))
				want := 0.97
				if scan {
					want = 0.90
				}
				if agree < want {
					t.Errorf("figure agreement %.1f%% < %.0f%%", 100*agree, 100*want)
				}
				if !scan {
					if got, want := footnoteList(doc), footnoteList(ref); strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("footnotes differ:\n got %q\nwant %q", got, want)
					}
				}
				// Every marker where the export has it, for the same note. A
				// scan may lose a mark Tesseract merges into the glyph beside it.
				same, wantMarks, extra := markerAgreement(ref, doc)
				t.Logf("%s: footnote markers %d/%d in place, %d extra", name, same, wantMarks, extra)
				minMarks := wantMarks
				if scan {
					minMarks = wantMarks * 8 / 10
				}
				if same < minMarks || extra > wantMarks-minMarks {
					t.Errorf("footnote markers: %d/%d in place (want %d), %d extra", same, wantMarks, minMarks, extra)
				}
				if got, want := sectionList(doc), sectionList(ref); strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("sections differ:\n got %q\nwant %q", got, want)
				}
			})
		}
	}
}
