package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/corpus/gen"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// writeGenerated writes n synthetic report-sized texts into a new folder
// and returns it with their total size.
func writeGenerated(b *testing.B, n int) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	var total int64
	for name, text := range gen.Texts(n, 1) {
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(text))
	}
	return dir, total
}

// BenchmarkIngest ingests b.N synthetic reports into a fresh corpus with
// the real extractor and the real index: one op is one document, MB/s is of
// report text. The goal is 1,000 documents in under 60 s on 2 cores:
//
//	go test -run '^$' -bench Ingest -benchtime 1000x ./corpus/
func BenchmarkIngest(b *testing.B) {
	in, size := writeGenerated(b, b.N)
	dir := b.TempDir()
	c, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	b.SetBytes(size / int64(b.N))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	res, err := c.Ingest(context.Background(), []string{in}, IngestOptions{Extract: noOCR()})
	elapsed := time.Since(start)
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Failed) > 0 || res.IndexErr != nil {
		b.Fatalf("%d failed (first: %v), index: %v", len(res.Failed), res.Failed[0].Err, res.IndexErr)
	}
	b.ReportMetric(float64(len(res.Added))/elapsed.Seconds(), "docs/s")
}

// BenchmarkStore measures the catalog alone: one transaction per document
// with prepared statements, for documents extracted beforehand.
func BenchmarkStore(b *testing.B) {
	var docs []*schema.Document
	var size int64
	for doc, err := range gen.Documents(min(b.N, 200), 2) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		size += doc.Source.Bytes
	}
	c := mustOpen(b, nil)
	st, err := c.newStore(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	defer st.close()
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		// Past the generated set, copies with fresh ids keep the rows
		// realistic without extracting more.
		d := *docs[i%len(docs)]
		if i >= len(docs) {
			d.ID = hex16(i)
			d.Source.SHA256 = d.ID + strings.Repeat("0", 48)
		}
		if err := st.put(context.Background(), &d, MetaOverride{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func hex16(i int) string {
	const digits = "0123456789abcdef"
	var s [16]byte
	for k := 15; k >= 0; k-- {
		s[k] = digits[i&15]
		i >>= 4
	}
	return string(s[:])
}

func noOCR() extract.Options { return extract.Options{NoOCR: true} }
