package compare

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/baocao/baocao/corpus/gen"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

const (
	genFirstYear = 2005
	genYears     = 20
	genIssuers   = 50
)

var (
	genOnce sync.Once
	genDocs [][]*schema.Document // by issuer
	genErr  error
)

// generated returns 20 years of synthetic reports for each of 50 issuers,
// extracted once per process and cached as JSON in the temp directory (the
// extraction of a thousand reports takes far longer than comparing them).
func generated(tb testing.TB, issuers int) [][]*schema.Document {
	tb.Helper()
	genOnce.Do(func() {
		dir := filepath.Join(os.TempDir(), "baocao-compare-gen-v1")
		genErr = os.MkdirAll(dir, 0o755)
		for i := 0; i < genIssuers && genErr == nil; i++ {
			var docs []*schema.Document
			for y := genFirstYear; y < genFirstYear+genYears; y++ {
				d, err := generatedDoc(dir, i, y)
				if err != nil {
					genErr = err
					break
				}
				docs = append(docs, d)
			}
			genDocs = append(genDocs, docs)
		}
	})
	if genErr != nil {
		tb.Fatal(genErr)
	}
	return genDocs[:issuers]
}

func generatedDoc(dir string, issuer, year int) (*schema.Document, error) {
	path := filepath.Join(dir, fmt.Sprintf("%02d-%d.json", issuer, year))
	var d schema.Document
	if b, err := os.ReadFile(path); err == nil && json.Unmarshal(b, &d) == nil {
		return &d, nil
	}
	spec := gen.Spec{Issuer: issuer, Year: year, Seed: 1}
	doc, err := extract.Bytes(context.Background(), gen.Name(0, spec), gen.Report(spec), extract.Options{NoOCR: true})
	if err != nil {
		return nil, fmt.Errorf("extract generated %d/%d: %w", issuer, year, err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(path+".tmp", b, 0o644); err != nil {
		return nil, err
	}
	return doc, os.Rename(path+".tmp", path)
}

// TestGeneratedRows compares 20 generated years of one issuer. The reports
// are variations of four templates, so a figure whose label and unit occur
// once in each of two years' reports is one metric: it must land in one
// row. Values are scaled at random, so only the labels tie them.
func TestGeneratedRows(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 1000 generated reports on the first run")
	}
	docs := generated(t, 1)[0]
	tab := Build(docs, Options{All: true})
	rowOf := map[string]int{} // figure key → row
	for i, r := range tab.Rows {
		for _, c := range r.Values {
			rowOf[c.Document+"/"+c.Figure] = i
		}
	}
	type occ struct{ doc, fig string }
	seen := map[string][]occ{}
	for _, d := range docs {
		count := map[string]int{}
		for _, f := range d.Figures {
			if f.Role == schema.RoleActual && f.Metric != "" {
				count[f.Metric+"|"+f.Unit]++
			}
		}
		for _, f := range d.Figures {
			k := f.Metric + "|" + f.Unit
			if f.Role == schema.RoleActual && f.Metric != "" && count[k] == 1 {
				seen[k] = append(seen[k], occ{d.ID, f.ID})
			}
		}
	}
	split, total := 0, 0
	for k, occs := range seen {
		rows := map[int]bool{}
		for _, o := range occs {
			if r, ok := rowOf[o.doc+"/"+o.fig]; ok {
				rows[r] = true
			}
		}
		if len(occs) < 2 {
			continue
		}
		total++
		if len(rows) > 1 {
			split++
			t.Logf("label %q in %d years spread over %d rows", k, len(occs), len(rows))
		}
	}
	t.Logf("%d of %d labels seen in several years are split over rows (%d rows)", split, total, len(tab.Rows))
	if total == 0 || split*10 > total {
		t.Errorf("%d of %d recurring labels split over several rows, want under 10%%", split, total)
	}
}

// BenchmarkBuild compares 20 years of one generated issuer, and of all 50
// issuers one after the other, as `baocao compare` does for a corpus.
func BenchmarkBuild(b *testing.B) {
	all := generated(b, genIssuers)
	figs := 0
	for _, d := range all[0] {
		figs += len(d.Figures)
	}
	b.Run("issuer-20y", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Build(all[0], Options{})
		}
		b.ReportMetric(float64(figs), "figures")
	})
	b.Run("50-issuers-20y", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, docs := range all {
				Build(docs, Options{})
			}
		}
	})
}
