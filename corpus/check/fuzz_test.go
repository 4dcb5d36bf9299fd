package check

import (
	"context"
	"io/fs"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// FuzzDocument extracts arbitrary text and checks it, alone and against a
// mangled copy of itself as last year's report, with every span shifted by
// a fuzzed amount: extraction of outside input may give spans that point
// past their text, and no rule may panic on them.
func FuzzDocument(f *testing.F) {
	for _, n := range sample.Names() {
		b, err := fs.ReadFile(sample.FS(), n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 6000)], 0)
	}
	f.Add([]byte("I. A\n\nII. B\n\nII. C\n\ncó 96 lượt, gồm: 31 lượt; 42 lượt; 21 lượt<sup>3</sup>\n\n<sup>4</sup> 28/38, bằng 76,3%"), 3)
	f.Add([]byte("Thi hành kỷ luật 21 đảng viên, giảm 30% so với cùng kỳ; đạt 109,5% chỉ tiêu"), -5)
	repanic = true
	f.Fuzz(func(t *testing.T, data []byte, shift int) {
		if len(data) > 64<<10 {
			return
		}
		doc, err := extract.Bytes(context.Background(), "fuzz.md", data, extract.Options{NoOCR: true})
		if err != nil {
			return
		}
		doc.Meta.Issuer, doc.Meta.ReportYear = "X", 2023
		last := *doc
		last.ID = "last"
		last.Meta.ReportYear, last.Meta.PlanYear = 2022, 2023
		last.Figures = append([]schema.Figure(nil), doc.Figures...)
		for i := range last.Figures {
			last.Figures[i].Role = schema.RoleTarget
		}
		for i := range doc.Figures {
			doc.Figures[i].Span[0] += shift
			doc.Figures[i].Span[1] += shift * 2
		}
		Document(doc, []*schema.Document{&last}, Options{})
	})
}
