package pdf

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/baocao/baocao/corpus/sample"
)

// FuzzRead feeds Read damaged PDFs: it must return (blocks or an error),
// never panic or hang.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"thachban-2021.pdf", "thachban-ubnd-2023.chromium.pdf"} {
		data, err := os.ReadFile(sample.RepoFile("testdata/corpus/formats/" + name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/3])
		f.Add(data[:len(data)-200])
	}
	f.Add([]byte(minimalPDF("", pageTree)))
	f.Add([]byte(minimalPDF("", cyclicTree)))
	f.Add([]byte(minimalPDF("/Encrypt 9 0 R", pageTree)))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			t.Skip("larger than 1 MiB")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		src, err := Read(ctx, data, Options{PageTimeout: time.Second})
		if err == nil && src == nil {
			t.Fatal("no source and no error")
		}
	})
}

// FuzzContent feeds the content-stream walker and the CMap parser raw
// streams, with no file around them.
func FuzzContent(f *testing.F) {
	f.Add([]byte("BT /F1 12 Tf 72 700 Td (Hello) Tj [(W) -120 (orld)] TJ ET"))
	f.Add([]byte("q 1 0 0 1 0 0 cm BI /W 1 /H 1 ID \x00\xff EI Q <0041"))
	f.Add([]byte("begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := &walker{doc: &document{budget: &budget{ctx: context.Background(), maxRead: 1 << 30}, fonts: map[fontKey]*fontInfo{}, maxStream: 1 << 20}}
		w.run(data, resources{}, identity)
		parseCMap(data)
	})
}
