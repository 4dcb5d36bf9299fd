package corpus

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
)

// recorder is a Progress that keeps what it was told.
type recorder struct {
	total int
	done  []FileResult
}

func (r *recorder) Start(n int)       { r.total = n }
func (r *recorder) Done(f FileResult) { r.done = append(r.done, f) }

var _ Progress = (*recorder)(nil)

func names(rs []FileResult) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, filepath.Base(r.Path))
	}
	sort.Strings(out)
	return out
}

func TestIngest(t *testing.T) {
	in := t.TempDir()
	a := mustJSON(t, makeDoc("Huyện ủy Thạch Bàn", 2021, "a"))
	writeFiles(t, in, map[string][]byte{
		"a.json.txt":          a,
		"copy-of-a.txt":       a, // same content under another name
		"sub/b.md":            mustJSON(t, makeDoc("Huyện ủy Thạch Bàn", 2022, "b")),
		"empty.txt":           nil,
		"binary.pdf":          {0, 1, 2, 3, 0, 0, 0xff, 0xfe},
		"truncated.pdf":       []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R"),
		".hidden.md":          mustJSON(t, makeDoc("Huyện ủy Thạch Bàn", 2023, "h")),
		".git/x.md":           mustJSON(t, makeDoc("Huyện ủy Thạch Bàn", 2023, "g")),
		"photo.png":           {0x89, 'P', 'N', 'G', 0, 0, 0},
		"data.json":           []byte(`{"x": 1}`),
		"misnamed-report.bin": []byte("%PDF-1.4 truncated"),
	})
	ix := newFakeIndex()
	c := mustOpen(t, ix)
	rec := &recorder{}
	res, err := c.Ingest(context.Background(), []string{in, filepath.Join(in, "nope.pdf")}, IngestOptions{Progress: rec, Jobs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(res.Added), []string{"a.json.txt", "b.md"}; !reflect.DeepEqual(got, want) &&
		!reflect.DeepEqual(got, []string{"b.md", "copy-of-a.txt"}) {
		t.Errorf("added %v, want %v (or the copy instead of a)", got, want)
	}
	if len(res.Skipped) != 1 {
		t.Errorf("skipped %v, want the second copy of a", names(res.Skipped))
	}
	if got, want := names(res.Failed), []string{"binary.pdf", "empty.txt", "misnamed-report.bin", "nope.pdf", "truncated.pdf"}; !reflect.DeepEqual(got, want) {
		t.Errorf("failed %v, want %v", got, want)
	}
	for _, f := range res.Failed {
		var xe *extract.Error
		if !errors.As(f.Err, &xe) {
			t.Errorf("%s: error %v (%T) does not name the file", f.Path, f.Err, f.Err)
		}
	}
	var ignored []string
	for _, p := range res.Ignored {
		ignored = append(ignored, filepath.Base(p))
	}
	sort.Strings(ignored)
	if want := []string{"data.json", "photo.png"}; !reflect.DeepEqual(ignored, want) {
		t.Errorf("ignored %v, want %v", ignored, want)
	}
	if rec.total != 8 || len(rec.done) != 8 {
		t.Errorf("progress told of %d files, %d done; want 8 and 8", rec.total, len(rec.done))
	}
	if res.IndexErr != nil {
		t.Errorf("IndexErr = %v", res.IndexErr)
	}
	if ids, _ := ix.DocIDs(); len(ids) != 2 {
		t.Errorf("index holds %v, want the 2 added documents", ids)
	}
	for _, f := range res.Added {
		if _, err := os.Stat(c.OriginalPath(f.Doc.Source.SHA256)); err != nil {
			t.Errorf("original of %s: %v", f.Path, err)
		}
	}
	docs, _ := c.Documents(context.Background(), DocFilter{})
	if len(docs) != 2 || !docs[0].Indexed || !docs[1].Indexed {
		t.Errorf("catalog holds %+v, want 2 indexed documents", docs)
	}

	// Again: everything that was added is skipped, nothing changes.
	before := dump(t, c)
	res, err = c.Ingest(context.Background(), []string{in}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 0 || len(res.Skipped) != 3 {
		t.Errorf("second ingest: added %v, skipped %v; want none and 3", names(res.Added), names(res.Skipped))
	}
	if after := dump(t, c); after != before {
		t.Errorf("second ingest changed the catalog:\n%s", diffLines(before, after))
	}
}

func TestIngestBadFilesLeaveCatalog(t *testing.T) {
	c := mustOpen(t, nil)
	mustPut(t, c, makeDoc("Huyện ủy Thạch Bàn", 2021, "a"))
	if _, err := c.Repair(context.Background()); err != nil { // index it, as an ingest would
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"white space", []byte(" \n\t\n")},
		{"binary", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0}},
		{"truncated pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog")},
		{"truncated docx", []byte("PK\x03\x04\x14\x00\x06\x00word/document.xml")},
		{"broken json document", []byte(`{"schema_version": 1, "paragraphs": [`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := dump(t, c)
			p := filepath.Join(t.TempDir(), "report.pdf")
			writeFiles(t, filepath.Dir(p), map[string][]byte{"report.pdf": tt.data})
			res, err := c.Ingest(context.Background(), []string{p}, IngestOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Failed) != 1 || len(res.Added) != 0 {
				t.Fatalf("added %v, failed %v; want one failure", names(res.Added), names(res.Failed))
			}
			if !strings.HasPrefix(res.Failed[0].Err.Error(), "report.pdf: ") {
				t.Errorf("error %q does not start with the file name", res.Failed[0].Err)
			}
			if after := dump(t, c); after != before {
				t.Errorf("catalog changed:\n%s", diffLines(before, after))
			}
		})
	}
}

// TestIngestConcurrent runs two ingests of overlapping sets into one corpus
// through two handles, as two processes would: each document lands once.
func TestIngestConcurrent(t *testing.T) {
	in := t.TempDir()
	files := map[string][]byte{}
	const n = 12
	for i := range n {
		files[string(rune('a'+i))+".md"] = mustJSON(t, makeDoc("Huyện ủy Thạch Bàn", 2010+i, string(rune('a'+i))))
	}
	writeFiles(t, in, files)
	dir := t.TempDir()
	ix := newFakeIndex()
	c1 := mustOpen(t, ix, dir)
	c2 := mustOpen(t, ix, dir)
	var wg sync.WaitGroup
	results := make([]*IngestResult, 2)
	for i, c := range []*Corpus{c1, c2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			results[i], err = c.Ingest(context.Background(), []string{in}, IngestOptions{Jobs: 2, IndexBatch: 5})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	added, skipped := 0, 0
	for _, r := range results {
		if r == nil {
			t.FailNow()
		}
		added += len(r.Added)
		skipped += len(r.Skipped)
		if len(r.Failed) > 0 {
			t.Errorf("failed: %v", r.Failed)
		}
	}
	if added != n || skipped != n {
		t.Errorf("added %d and skipped %d in all, want %d and %d", added, skipped, n, n)
	}
	if got, _ := c1.Count(context.Background()); got != n {
		t.Errorf("catalog holds %d documents, want %d", got, n)
	}
	if ids, _ := ix.DocIDs(); len(ids) != n {
		t.Errorf("index holds %d documents, want %d", len(ids), n)
	}
}

func TestIngestCancelled(t *testing.T) {
	in := t.TempDir()
	writeFiles(t, in, map[string][]byte{"a.md": mustJSON(t, makeDoc("X", 2020, "a"))})
	c := mustOpen(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Ingest(ctx, []string{in}, IngestOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Ingest with a cancelled context = %v, want context.Canceled", err)
	}
}

// writeSamples writes the bundled sample reports into a new directory.
func writeSamples(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	files := map[string][]byte{}
	for _, name := range sample.Names() {
		b, err := fs.ReadFile(sample.FS(), name)
		if err != nil {
			tb.Fatal(err)
		}
		files[name] = b
	}
	writeFiles(tb, dir, files)
	return dir
}

// skipUnlessExtracts skips when the format readers are not there yet.
func skipUnlessExtracts(tb testing.TB, res *IngestResult) {
	tb.Helper()
	for _, f := range res.Failed {
		if strings.Contains(f.Err.Error(), "not implemented") {
			tb.Skipf("extraction not implemented yet: %v", f.Err)
		}
	}
}

func TestIngestSamples(t *testing.T) {
	in := writeSamples(t)
	c := mustOpen(t, nil)
	res, err := c.Ingest(context.Background(), []string{in}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	skipUnlessExtracts(t, res)
	if len(res.Added) != 4 || len(res.Failed) != 0 {
		t.Fatalf("added %v, failed %+v; want the 4 samples", names(res.Added), res.Failed)
	}
	ctx := context.Background()
	for _, f := range res.Added {
		doc, err := c.Document(ctx, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Meta.Issuer == "" || doc.Meta.ReportYear == 0 || len(doc.Paragraphs) == 0 {
			t.Errorf("%s: meta %+v, %d paragraphs", f.Path, doc.Meta, len(doc.Paragraphs))
		}
	}
	docs, err := c.Documents(ctx, DocFilter{Issuer: "huyen uy thach ban"})
	if err != nil {
		t.Fatal(err)
	}
	var years []int
	for _, d := range docs {
		years = append(years, d.Meta.ReportYear)
	}
	if !reflect.DeepEqual(years, []int{2021, 2022, 2023}) {
		t.Errorf("Party reports of Thạch Bàn by year: %v, want 2021-2023", years)
	}

	res, err = c.Ingest(ctx, []string{in}, IngestOptions{})
	if err != nil || len(res.Skipped) != 4 || len(res.Added) != 0 {
		t.Errorf("re-ingest: added %v, skipped %v, err %v; want 4 skipped", names(res.Added), names(res.Skipped), err)
	}
}
