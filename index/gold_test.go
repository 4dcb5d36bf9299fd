package index

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// goldQuery is one entry of testdata/gold/queries.json.
type goldQuery struct {
	Query          string `json:"query"`
	Style          string `json:"style"`
	ExpectFile     string `json:"expect_file"`
	ExpectQuote    string `json:"expect_quote"`
	MustNotCiteOnl string `json:"must_not_rank_hits_citing_only"`
	AlsoAcceptable []struct {
		File  string `json:"file"`
		Quote string `json:"quote"`
	} `json:"also_acceptable"`
}

// sampleIndex extracts the four bundled reports into an in-memory index.
func sampleIndex(tb testing.TB) *Index {
	tb.Helper()
	ix, err := NewMemory()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	var docs []*schema.Document
	for _, name := range sample.Names() {
		data, err := fs.ReadFile(sample.FS(), name)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := extract.Bytes(context.Background(), name, data, extract.Options{NoOCR: true})
		if err != nil {
			tb.Fatalf("extract %s: %v", name, err)
		}
		docs = append(docs, doc)
	}
	if err := ix.Index(docs...); err != nil {
		tb.Fatal(err)
	}
	return ix
}

// norm compares quotes as the gold does: NFC, no markup, single spaces.
func norm(s string) string {
	s = strings.NewReplacer("**", "", "*", "").Replace(vntext.NFC(s))
	return vntext.SquashSpace(s)
}

// TestGoldQueries runs the 15 queries of testdata/gold/queries.json over
// the four sample reports: each expected passage must be among the top 3,
// and a symbol query must not return passages citing only its look-alike.
func TestGoldQueries(t *testing.T) {
	data, err := os.ReadFile(sample.RepoFile("testdata/gold/queries.json"))
	if err != nil {
		t.Fatal(err)
	}
	var queries []goldQuery
	if err := json.Unmarshal(data, &queries); err != nil {
		t.Fatal(err)
	}
	if len(queries) != 15 {
		t.Fatalf("%d gold queries, want 15", len(queries))
	}
	ix := sampleIndex(t)
	for _, q := range queries {
		t.Run(q.Style+"/"+q.Query, func(t *testing.T) {
			res := mustSearch(t, ix, Request{Query: q.Query, Limit: 20})
			accept := []struct{ file, quote string }{{q.ExpectFile, q.ExpectQuote}}
			for _, a := range q.AlsoAcceptable {
				accept = append(accept, struct{ file, quote string }{a.File, a.Quote})
			}
			found := -1
			for i, h := range res.Hits {
				for _, a := range accept {
					if h.File == a.file && strings.Contains(norm(h.Text), norm(a.quote)) {
						found = i
						break
					}
				}
				if found >= 0 {
					break
				}
			}
			if found < 0 || found >= 3 {
				t.Errorf("expected passage at rank %d (want top 3)", found+1)
				for i, h := range res.Hits {
					if i >= 5 {
						break
					}
					t.Logf("  %d. %s %s %.3f %.90s", i+1, h.File, h.Paragraph, h.Score, h.Text)
				}
			}
			if bad := q.MustNotCiteOnl; bad != "" {
				want := strings.ToUpper(q.Query)
				for _, h := range res.Hits {
					if strings.Contains(h.Text, bad) && !strings.Contains(h.Text, want) {
						t.Errorf("hit cites only %s: %s %s", bad, h.File, h.Paragraph)
					}
				}
			}
		})
	}
}

// TestSampleFigureSearch finds the 2022 admissions figure (230 đảng viên)
// by metric words without diacritics and a value range.
func TestSampleFigureSearch(t *testing.T) {
	ix := sampleIndex(t)
	lo, hi := 200.0, 300.0
	res := mustSearch(t, ix, Request{Figure: "ket nap dang vien", Min: &lo, Max: &hi, Year: 2022})
	found := false
	for _, h := range res.Hits {
		if h.Figure == nil || h.Figure.Value < lo || h.Figure.Value > hi || h.ReportYear != 2022 {
			t.Errorf("hit outside the request: %+v", h)
			continue
		}
		if h.Figure.Value == 230 && h.Paragraph != "" && strings.Contains(h.Text, "230") {
			found = true
		}
	}
	if !found {
		t.Errorf("230 đảng viên not found: %+v", res.Hits)
	}
}
