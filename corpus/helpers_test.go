package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// fakeIndex is an index kept in memory, written by hand as in wtf's mock
// package. fail, when set, makes Index fail.
type fakeIndex struct {
	mu   sync.Mutex
	docs map[string]bool
	fail error
}

func newFakeIndex(ids ...string) *fakeIndex {
	f := &fakeIndex{docs: map[string]bool{}}
	for _, id := range ids {
		f.docs[id] = true
	}
	return f
}

func (f *fakeIndex) Index(docs ...*schema.Document) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return f.fail
	}
	for _, d := range docs {
		f.docs[d.ID] = true
	}
	return nil
}

func (f *fakeIndex) Delete(ids ...string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, id := range ids {
		delete(f.docs, id)
	}
	return nil
}

func (f *fakeIndex) DocIDs() ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for id := range f.docs {
		out = append(out, id)
	}
	sort.Strings(out)
	return out, nil
}

func (f *fakeIndex) Close() error { return nil }

func withIndex(ix *fakeIndex) option {
	return func(c *Corpus) {
		c.openIndex = func(string) (indexer, error) { return ix, nil }
	}
}

// withJSONExtract makes files holding a schema.Document as JSON extract to
// that document (with File, SHA256 and ID set as extract does), so that
// ingest is tested without depending on the format readers. Anything else
// goes to the real extract.Bytes.
func withJSONExtract() option {
	return func(c *Corpus) {
		c.extractBytes = func(ctx context.Context, name string, data []byte, opts extract.Options) (*schema.Document, error) {
			if len(data) == 0 || data[0] != '{' {
				return extract.Bytes(ctx, name, data, opts)
			}
			var doc schema.Document
			if err := json.Unmarshal(data, &doc); err != nil {
				return nil, &extract.Error{File: name, Err: err}
			}
			sum := sha256.Sum256(data)
			doc.Source.File = name
			doc.Source.SHA256 = hex.EncodeToString(sum[:])
			doc.Source.Bytes = int64(len(data))
			doc.ID = doc.Source.SHA256[:16]
			doc.SetEmpty()
			return &doc, nil
		}
	}
}

// mustOpen opens a corpus in a new temporary directory (or dir, when given)
// with a fake index and the JSON extractor.
func mustOpen(tb testing.TB, ix *fakeIndex, dir ...string) *Corpus {
	tb.Helper()
	d := tb.TempDir()
	if len(dir) > 0 {
		d = dir[0]
	}
	if ix == nil {
		ix = newFakeIndex()
	}
	if err := os.MkdirAll(filepath.Join(d, filesName), 0o755); err != nil {
		tb.Fatal(err)
	}
	c, err := open(d, withIndex(ix), withJSONExtract())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

// makeDoc builds a small but complete report of issuer for year; variant
// makes its content (and so its id) differ from other documents.
func makeDoc(issuer string, year int, variant string) *schema.Document {
	p1 := fmt.Sprintf("Năm %d, toàn Đảng bộ kết nạp được 230 đảng viên, đạt 104,5%% kế hoạch. "+
		"Thực hiện Nghị quyết số 28-NQ/TU, ngày 05/6/2021 của Tỉnh ủy về công tác cán bộ %s.", year, variant)
	fn := "Theo Kế hoạch số 154-KH/ĐU, ngày 10/3/" + fmt.Sprint(year) + " của Đảng ủy."
	whole := &schema.Period{Start: fmt.Sprintf("%d-01-01", year), End: fmt.Sprintf("%d-12-31", year)}
	half := &schema.Period{Start: fmt.Sprintf("%d-01-01", year), End: fmt.Sprintf("%d-06-30", year)}
	span := func(text, s string) [2]int {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return [2]int{start, start + len([]rune(s))}
	}
	doc := &schema.Document{
		SchemaVersion: schema.Version,
		Source:        schema.Source{File: fmt.Sprintf("bc-%d-%s.md", year, variant), Format: schema.FormatMarkdown, Encoding: "utf-8", Pages: 3},
		Meta: schema.Meta{Title: "Báo cáo tổng kết năm " + fmt.Sprint(year), Issuer: issuer, DocType: "Báo cáo",
			Number: "12-BC/HU", Date: fmt.Sprintf("%d-12-20", year), ReportYear: year, PlanYear: year + 1},
		Sections: []schema.Section{
			{ID: "s1", Number: "Phần thứ nhất", Title: "KẾT QUẢ", Level: 1, Path: "Phần thứ nhất", Page: 1},
			{ID: "s2", Number: "I", Title: "CÔNG TÁC XÂY DỰNG ĐẢNG", Level: 2, Parent: "s1", Path: "Phần thứ nhất/I", Page: 1},
		},
		Paragraphs: []schema.Paragraph{
			{ID: "p1", Section: "s2", Page: 2, Text: p1, FootnoteRefs: []schema.FootnoteRef{{ID: 1, Offset: 40}}},
			{ID: "p2", Section: "s2", Page: 2, Kind: schema.ParagraphList, Text: "Tỷ lệ 94,9% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.", FootnoteRefs: []schema.FootnoteRef{}},
		},
		Footnotes: []schema.Footnote{{ID: 1, Text: fn, Page: 2, RefParagraph: "p1", Section: "s2"}},
		Figures: []schema.Figure{
			{ID: "f1", Raw: "230", Value: 230, Unit: "đảng viên", Kind: schema.KindCount, ValueNormalized: 230,
				Metric: "kết nạp đảng viên mới", Role: schema.RoleActual, Paragraph: "p1", Section: "s2",
				SectionPath: "Phần thứ nhất/I", Page: 2, Span: span(p1, "230"), Quote: "kết nạp được 230 đảng viên",
				Period: whole},
			{ID: "f2", Raw: "104,5%", Value: 104.5, Unit: "%", Kind: schema.KindPercent, ValueNormalized: 104.5,
				Metric: "kết nạp đảng viên mới", Role: schema.RolePlanPercent, RefersTo: "f1", Paragraph: "p1",
				Section: "s2", SectionPath: "Phần thứ nhất/I", Page: 2, Span: span(p1, "104,5"), Quote: "đạt 104,5% kế hoạch",
				Period: whole, ComparedWith: schema.ComparedPlan},
			{ID: "f3", Raw: "94,9%", Value: 94.9, Unit: "%", Kind: schema.KindPercent, ValueNormalized: 94.9,
				Metric: "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", Role: schema.RoleShare, Paragraph: "p2",
				Section: "s2", SectionPath: "Phần thứ nhất/I", Page: 2, Span: [2]int{6, 10}, Quote: "Tỷ lệ 94,9%",
				Denominator: schema.Float(39), Bound: schema.BoundAbout,
				Period: half, Estimate: true, Subject: "Cấp cơ sở"},
		},
		References: []schema.Reference{
			{ID: "28-NQ/TU", Raw: "Nghị quyết số 28-NQ/TU, ngày 05/6/2021", Type: "Nghị quyết", Number: "28",
				Symbol: "NQ/TU", Date: "2021-06-05", Issuer: "Tỉnh ủy", Paragraph: "p1", Section: "s2",
				SectionPath: "Phần thứ nhất/I", Page: 2, Span: span(p1, "Nghị quyết số 28-NQ/TU, ngày 05/6/2021")},
			{ID: "154-KH/ĐU", Raw: "Kế hoạch số 154-KH/ĐU", Type: "Kế hoạch", Number: "154", Symbol: "KH/ĐU",
				Footnote: 1, Section: "s2", SectionPath: "Phần thứ nhất/I", Page: 2, Span: span(fn, "Kế hoạch số 154-KH/ĐU")},
		},
	}
	sum := sha256.Sum256([]byte(issuer + fmt.Sprint(year) + variant))
	doc.Source.SHA256 = hex.EncodeToString(sum[:])
	doc.ID = doc.Source.SHA256[:16]
	return doc
}

// mustPut stores docs through the same path as ingest.
func mustPut(tb testing.TB, c *Corpus, docs ...*schema.Document) {
	tb.Helper()
	st, err := c.newStore(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	defer st.close()
	for _, d := range docs {
		if err := st.put(context.Background(), d, MetaOverride{}); err != nil {
			tb.Fatalf("put %s: %v", d.Source.File, err)
		}
	}
}

// dump prints every row of every table and the names under files/, so that
// a test can tell whether anything at all changed.
func dump(tb testing.TB, c *Corpus) string {
	tb.Helper()
	var b strings.Builder
	tables, err := c.ids(context.Background(), `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	for _, t := range tables {
		rows, err := c.db.Query(`SELECT * FROM ` + t + ` ORDER BY 1, 2`)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		fmt.Fprintf(&b, "== %s %v\n", t, cols)
		for rows.Next() {
			vals := scanAny(tb, rows, len(cols))
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					vals[i] = string(bs)
				}
			}
			fmt.Fprintln(&b, vals...)
		}
		if err := rows.Err(); err != nil {
			tb.Fatal(err)
		}
		rows.Close()
	}
	entries, _ := os.ReadDir(filepath.Join(c.dir, filesName))
	for _, e := range entries {
		fmt.Fprintln(&b, "file", e.Name())
	}
	return b.String()
}

// diffLines shows the lines of a and b that the other lacks, for a dump
// comparison that fails.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var out strings.Builder
	for _, l := range strings.Split(a, "\n") {
		if !inb[l] {
			fmt.Fprintf(&out, "- %.300s\n", l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ina[l] {
			fmt.Fprintf(&out, "+ %.300s\n", l)
		}
	}
	return out.String()
}

// writeFiles writes name → content into dir.
func writeFiles(tb testing.TB, dir string, files map[string][]byte) {
	tb.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// scanAny scans the current row of n columns into values of any type.
func scanAny(tb testing.TB, rows *sql.Rows, n int) []any {
	tb.Helper()
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		tb.Fatal(err)
	}
	return vals
}
