package pdf_test

import (
	"context"
	"os"
	"syscall"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
)

// BenchmarkFile is the whole pipeline on the seed PDF (a fixture when
// ../shared is absent): read, structure, figures, references.
func BenchmarkFile(b *testing.B) {
	path, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.pdf")
	if !ok {
		path = sample.RepoFile("testdata/corpus/formats/thachban-2022.pdf")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.Bytes(context.Background(), "bench.pdf", data, extract.Options{NoOCR: true})
	if err != nil {
		b.Fatal(err)
	}
	pages := doc.Source.Pages
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu := cpuMillis()
	for b.Loop() {
		if _, err := extract.Bytes(context.Background(), "bench.pdf", data, extract.Options{NoOCR: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*pages), "ms/page")
	b.ReportMetric((cpuMillis()-cpu)/float64(b.N*pages), "cpu-ms/page")
}

func cpuMillis() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
}
