package figures_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/figures"
	"github.com/baocao/baocao/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func extractSample(tb testing.TB, name string) *schema.Document {
	tb.Helper()
	data, err := os.ReadFile(sample.RepoFile(filepath.Join("corpus/sample", name)))
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := extract.Bytes(context.Background(), name, data, extract.Options{NoOCR: true})
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// TestGoldScore extracts the annotated report and scores it with the
// project's scorer; the thresholds sit just under what the rules reach, so
// a change that loses figures fails here.
func TestGoldScore(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the gold scorer cannot run")
	}
	doc := extractSample(t, "thachban-2022.export.md")
	out := filepath.Join(t.TempDir(), "pred.json")
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, sample.RepoFile("testdata/gold/score_extract.py"),
		sample.RepoFile("testdata/gold/thachban-2022.json"), out,
		"--min-fig-recall", "0.97", "--min-fig-precision", "0.97", "-v")
	res, err := cmd.CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	t.Log(lines[len(lines)-1])
	if err != nil {
		for _, l := range lines {
			if strings.Contains(l, " fig ") {
				t.Log(l)
			}
		}
		t.Fatalf("score_extract.py: %v", err)
	}
}

// TestGolden keeps one line per figure of each sample report in testdata/,
// so that a change of rules shows as a readable diff (refresh with -update).
func TestGolden(t *testing.T) {
	for _, name := range sample.Names() {
		t.Run(name, func(t *testing.T) {
			doc := extractSample(t, name)
			var b strings.Builder
			for _, f := range doc.Figures {
				where := string(f.Paragraph)
				if f.Footnote != 0 {
					where = fmt.Sprintf("fn%d", f.Footnote)
				}
				extra := ""
				if f.Qualifier != "" {
					extra += " q=" + f.Qualifier
				}
				if f.Parent != "" {
					extra += " parent=" + string(f.Parent)
				}
				if f.RefersTo != "" {
					extra += " refers=" + string(f.RefersTo)
				}
				if f.Partial {
					extra += " partial"
				}
				fmt.Fprintf(&b, "%s %s %q %s/%s unit=%q%s | %s | %s\n", f.ID, where, f.Raw, f.Kind, f.Role, f.Unit, extra, f.Metric, f.Quote)
			}
			path := filepath.Join("testdata", strings.TrimSuffix(name, ".export.md")+".figures.txt")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(want) != b.String() {
				gl, wl := strings.Split(b.String(), "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) || i < len(wl); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("figures differ from %s at line %d:\n got  %s\n want %s\n(run with -update if the change is intended)", path, i+1, g, w)
					}
				}
			}
		})
	}
}

// TestSeed runs the rules on the real seed report; it checks invariants
// only, as the seed has no gold.
func TestSeed(t *testing.T) {
	path, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md")
	if !ok {
		t.Skip("../shared not found: seed report unavailable")
	}
	doc, err := extract.File(context.Background(), path, extract.Options{NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Figures) < 150 {
		t.Errorf("seed: %d figures, want at least 150", len(doc.Figures))
	}
	texts := map[string][]rune{}
	for _, p := range doc.Paragraphs {
		texts[p.ID] = []rune(p.Text)
	}
	for _, f := range doc.Footnotes {
		texts[fmt.Sprint("fn", f.ID)] = []rune(f.Text)
	}
	for _, f := range doc.Figures {
		key := string(f.Paragraph)
		if f.Footnote != 0 {
			key = fmt.Sprint("fn", f.Footnote)
		}
		rs := texts[key]
		if f.Span[1] > len(rs) || !strings.HasPrefix(string(rs[f.Span[0]:]), strings.Fields(f.Raw)[0]) {
			t.Errorf("%s %q: span %v does not point at the number", f.ID, f.Raw, f.Span)
		}
		if f.Kind == schema.KindCount && f.Value >= 1900 && f.Value <= 2100 && !strings.Contains(f.Raw, ".") {
			t.Errorf("%s %q: a year taken for a count: %s", f.ID, f.Raw, f.Quote)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	var docs []*schema.Document
	size := 0
	for _, name := range sample.Names() {
		doc := extractSample(b, name)
		docs = append(docs, doc)
		for _, p := range doc.Paragraphs {
			size += len(p.Text)
		}
		for _, f := range doc.Footnotes {
			size += len(f.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			figures.Find(d)
		}
	}
}
