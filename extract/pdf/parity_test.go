package pdf_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// TestParity runs the whole pipeline on each PDF and on the Markdown export
// it was printed from: the same sections, the same footnote bodies, the
// same paragraphs and (nearly) the same figures must come out.
func TestParity(t *testing.T) {
	type pair struct{ pdf, export string }
	var pairs []pair
	for _, n := range []string{"thachban-2021", "thachban-2022", "thachban-2023", "thachban-ubnd-2023"} {
		for _, kind := range []string{".pdf", ".chromium.pdf"} {
			pairs = append(pairs, pair{sample.RepoFile("testdata/corpus/formats/" + n + kind), sample.RepoFile("corpus/sample/" + n + ".export.md")})
		}
	}
	if p, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.pdf"); ok {
		e, _ := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md")
		pairs = append(pairs, pair{p, e})
	} else {
		t.Log("../shared not found: seed report unavailable")
	}
	for _, p := range pairs {
		t.Run(filepath.Base(p.pdf), func(t *testing.T) {
			got := extractFile(t, p.pdf)
			want := extractFile(t, p.export)
			if g, w := sectionKeys(got), sectionKeys(want); g != w {
				t.Errorf("sections differ:\n got: %s\nwant: %s", g, w)
			}
			// Word and pandoc renumber footnotes whose marker has no body
			// in the export, so compare the bodies' text in order.
			if g, w := footnoteTexts(got), footnoteTexts(want); g != w {
				t.Errorf("footnotes differ:\n got: %s\nwant: %s", g, w)
			}
			same, total := figureOverlap(got.Figures, want.Figures)
			// The header lines are laid out by each producer its own way
			// (two columns, a table); the body must be the same.
			if g, w := bodyParagraphs(got), bodyParagraphs(want); g != w {
				t.Errorf("%d body paragraphs, want %d", g, w)
			}
			if g, w := tableRows(got), tableRows(want); g != w {
				t.Errorf("table rows differ:\n got: %s\nwant: %s", g, w)
			}
			if total > 0 && float64(same) < 0.97*float64(total) {
				t.Errorf("%d of %d figures match the export's (want ≥ 97%%)", same, total)
			}
			t.Logf("%d sections, %d paragraphs, %d footnotes, figures %d/%d", len(got.Sections), len(got.Paragraphs), len(got.Footnotes), same, total)
		})
	}
}

func bodyParagraphs(d *schema.Document) int {
	n := 0
	for i := range d.Paragraphs {
		if d.Paragraphs[i].InBody() {
			n++
		}
	}
	return n
}

// tableRows lists the table-row paragraphs, which must read cell for cell
// as the export's Markdown table.
func tableRows(d *schema.Document) string {
	var b strings.Builder
	for _, p := range d.Paragraphs {
		if p.Kind == schema.ParagraphTableRow {
			fmt.Fprintf(&b, "[%s] ", p.Text)
		}
	}
	return b.String()
}

func extractFile(t *testing.T, path string) *schema.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Bytes(context.Background(), filepath.Base(path), data, extract.Options{NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func sectionKeys(d *schema.Document) string {
	var b strings.Builder
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "[%s|%s] ", s.Path, s.Title)
	}
	return b.String()
}

func footnoteTexts(d *schema.Document) string {
	var b strings.Builder
	for _, f := range d.Footnotes {
		fmt.Fprintf(&b, "[%s] ", f.Text)
	}
	return b.String()
}

// figureOverlap counts the export's figures that the PDF also gave, as a
// multiset of (value, unit, metric, role).
func figureOverlap(got, want []schema.Figure) (same, total int) {
	key := func(f schema.Figure) string { return fmt.Sprintf("%g|%s|%s|%s", f.Value, f.Unit, f.Metric, f.Role) }
	have := map[string]int{}
	for _, f := range got {
		have[key(f)]++
	}
	for _, f := range want {
		if have[key(f)] > 0 {
			have[key(f)]--
			same++
		}
	}
	return same, len(want)
}
