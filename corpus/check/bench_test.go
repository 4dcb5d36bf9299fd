package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/check"
	"github.com/baocao/baocao/schema"
)

func docBytes(d *schema.Document) int64 {
	n := 0
	for _, p := range d.Paragraphs {
		n += len(p.Text)
	}
	for _, f := range d.Footnotes {
		n += len(f.Text)
	}
	return int64(n)
}

// BenchmarkDocumentAlone checks the 2023 Party report (31 k characters, the
// size of a real district report) with no earlier years.
func BenchmarkDocumentAlone(b *testing.B) {
	doc := sampleDocs(b)["thachban-2023.export.md"]
	b.SetBytes(docBytes(doc))
	b.ReportAllocs()
	for b.Loop() {
		check.Document(doc, nil, check.Options{})
	}
}

// BenchmarkDocumentCorpus2000 checks the 2023 report against 2,000
// documents: the three Thạch Bàn reports and copies of the samples under
// 100 other issuers and 20 years, which the check must pass over.
func BenchmarkDocumentCorpus2000(b *testing.B) {
	docs := sampleDocs(b)
	doc := docs["thachban-2023.export.md"]
	var corpus []*schema.Document
	for _, d := range docs {
		corpus = append(corpus, d)
	}
	base := allDocs(docs)
	for i := 0; len(corpus) < 2000; i++ {
		c := *base[i%len(base)]
		c.ID = fmt.Sprintf("copy%04d", i)
		c.Meta.Issuer = strings.Replace(c.Meta.Issuer, "Thạch Bàn", fmt.Sprintf("Huyện %d", i%100), 1)
		c.Meta.ReportYear = 2004 + i%20
		corpus = append(corpus, &c)
	}
	b.SetBytes(docBytes(doc))
	b.ReportAllocs()
	for b.Loop() {
		check.Document(doc, corpus, check.Options{})
	}
}
