package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/index"
	"github.com/baocao/baocao/schema"
)

func searchStreams() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}, out, errOut
}

func TestNewCmdSearchFlags(t *testing.T) {
	v200, v300 := 200.0, 300.0
	tests := []struct {
		name    string
		args    []string
		want    SearchOptions
		wantErr string
	}{
		{name: "words", args: []string{"ket", "nap", "dang", "vien"}, want: SearchOptions{Query: "ket nap dang vien", Limit: 10}},
		{name: "phrase and year", args: []string{`"Dân vận khéo"`, "--year", "2023"}, want: SearchOptions{Query: `"Dân vận khéo"`, Year: 2023, Limit: 10}},
		{name: "filters", args: []string{"đảng viên", "--issuer", "Huyện ủy Thạch Bàn", "--in", "footnotes", "--limit", "20", "--json"},
			want: SearchOptions{Query: "đảng viên", Issuer: "Huyện ủy Thạch Bàn", In: index.InFootnotes, Limit: 20, JSON: true}},
		{name: "figure", args: []string{"--figure", "kết nạp đảng viên", "--min", "200", "--max", "300"},
			want: SearchOptions{Figure: "kết nạp đảng viên", Min: &v200, Max: &v300, Limit: 10}},
		{name: "syntax", args: []string{"+a", "--syntax", "plain"}, want: SearchOptions{Query: "+a", Syntax: index.SyntaxPlain, Limit: 10}},
		{name: "nothing to find", args: nil, wantErr: "give a query"},
		{name: "bad in", args: []string{"a", "--in", "tables"}, wantErr: "--in must be"},
		{name: "bad syntax", args: []string{"a", "--syntax", "sql"}, wantErr: "--syntax must be"},
		{name: "bad limit", args: []string{"a", "--limit", "0"}, wantErr: "--limit must be positive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io, _, _ := searchStreams()
			var got *SearchOptions
			f := &Factory{IO: io, CorpusDir: func() string { return "/nonexistent" }}
			cmd := newCmdSearch(f, func(o *SearchOptions) error { got = o; return nil })
			cmd.SetArgs(tc.args)
			cmd.SetOut(io.Out)
			cmd.SetErr(io.ErrOut)
			err := cmd.Execute()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g := *got
			g.IO, g.CorpusDir = nil, nil
			w := tc.want
			if !sameFloat(g.Min, w.Min) || !sameFloat(g.Max, w.Max) {
				t.Errorf("min/max %v %v, want %v %v", g.Min, g.Max, w.Min, w.Max)
			}
			g.Min, g.Max, w.Min, w.Max = nil, nil, nil, nil
			if !reflect.DeepEqual(g, w) {
				t.Errorf("options %+v, want %+v", g, w)
			}
		})
	}
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func TestSearchWithoutCorpusSaysHowToMakeOne(t *testing.T) {
	io, _, _ := searchStreams()
	dir := t.TempDir()
	err := searchRun(context.Background(), &SearchOptions{IO: io, CorpusDir: func() string { return dir }, Query: "a", Limit: 10})
	if err == nil || !strings.Contains(err.Error(), "run 'baocao ingest FILES…' first") {
		t.Fatalf("err %v", err)
	}
	if exitCode(err) != exitError {
		t.Errorf("exit code %d", exitCode(err))
	}
	err = reindexRun(context.Background(), &ReindexOptions{IO: io, CorpusDir: func() string { return dir }})
	if err == nil || !strings.Contains(err.Error(), "run 'baocao ingest FILES…' first") {
		t.Fatalf("reindex err %v", err)
	}
}

// memoryIndex holds two hand-made reports.
func memoryIndex(t *testing.T) *index.Index {
	t.Helper()
	ix, err := index.NewMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	doc := func(id string, year int, text string) *schema.Document {
		return &schema.Document{ID: id, Source: schema.Source{File: id + ".md"},
			Meta:       schema.Meta{Issuer: "Huyện ủy Thạch Bàn", ReportYear: year},
			Sections:   []schema.Section{{ID: "s1", Path: "Phần thứ nhất/II"}},
			Paragraphs: []schema.Paragraph{{ID: "p1", Section: "s1", Page: 2, Text: text}},
			Footnotes:  []schema.Footnote{{ID: 1, Text: "Có 12 đảng viên được tặng Huy hiệu.", Page: 2, Section: "s1"}},
			Figures: []schema.Figure{{ID: "f1", Raw: "260", Value: 260, ValueNormalized: 260, Metric: "kết nạp đảng viên mới",
				Paragraph: "p1", Quote: "Kết nạp 260 đảng viên mới"}},
		}
	}
	if err := ix.Index(doc("a", 2022, "Kết nạp 260 đảng viên mới, đạt 103,6% chỉ tiêu."), doc("b", 2023, "Mô hình “Dân vận khéo” được nhân rộng.")); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSearchJSONFollowsTheContract(t *testing.T) {
	ix := memoryIndex(t)
	io, out, _ := searchStreams()
	if err := searchIndex(context.Background(), ix, &SearchOptions{IO: io, Query: "ket nap dang vien", Limit: 10, JSON: true}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, k := range []string{"total", "hits", "facets"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %q in %s", k, out)
		}
	}
	hits := got["hits"].([]any)
	if len(hits) != 1 {
		t.Fatalf("hits %v", hits)
	}
	h := hits[0].(map[string]any)
	for _, k := range []string{"document", "file", "issuer", "report_year", "section_path", "paragraph", "footnote", "page", "score", "text", "fragments"} {
		if _, ok := h[k]; !ok {
			t.Errorf("hit lacks %q: %v", k, h)
		}
	}
	if h["footnote"] != nil || h["paragraph"] != "p1" || h["section_path"] != "Phần thứ nhất/II" {
		t.Errorf("hit %v", h)
	}
	if fr := h["fragments"].([]any); len(fr) != 1 || !strings.Contains(fr[0].(string), "<mark>Kết nạp</mark>") {
		t.Errorf("fragments %v", fr)
	}
	facets := got["facets"].(map[string]any)
	if y := facets["report_year"].(map[string]any); y["2022"] != 1.0 || len(y) != 1 {
		t.Errorf("year facet %v", y)
	}
}

func TestSearchPipedOutput(t *testing.T) {
	ix := memoryIndex(t)
	tests := []struct {
		name       string
		opts       SearchOptions
		wantHeader string
		wantRow    string
		summary    string
	}{
		{"passages", SearchOptions{Query: `"dân vận khéo"`}, "document\tfile\treport_year", "b\tb.md\t2023\tHuyện ủy Thạch Bàn\tPhần thứ nhất/II\tp1\t\t2\t", "1 report matches"},
		{"footnotes", SearchOptions{Query: "đảng viên", In: index.InFootnotes, Year: 2023}, "fragment", "\t\t1\t2\t", "1 report matches"},
		{"figures", SearchOptions{Figure: "kết nạp", Min: ptr(200.0)}, "metric\traw", "kết nạp đảng viên mới\t260\t260", "2 reports match"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io, out, errOut := searchStreams()
			tc.opts.IO, tc.opts.Limit = io, 10
			if err := searchIndex(context.Background(), ix, &tc.opts); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if len(lines) < 2 || !strings.Contains(lines[0], tc.wantHeader) || !strings.Contains(lines[1], tc.wantRow) {
				t.Errorf("output:\n%s", out)
			}
			if !strings.Contains(errOut.String(), tc.summary) {
				t.Errorf("summary: %q", errOut)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestSearchMalformedQueryIsOneLine(t *testing.T) {
	ix := memoryIndex(t)
	io, _, _ := searchStreams()
	err := searchIndex(context.Background(), ix, &SearchOptions{IO: io, Query: "+year:>= (", Syntax: index.SyntaxBleve, Limit: 10})
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "cannot read the query") {
		t.Fatalf("err %q", err)
	}
	if exitCode(err) != exitError {
		t.Errorf("exit code %d", exitCode(err))
	}
}

// TestSearchAndReindexIngestedCorpus goes through the corpus: ingest the
// sample reports, search, rebuild the index, search again.
func TestSearchAndReindexIngestedCorpus(t *testing.T) {
	dir := t.TempDir()
	c, err := corpus.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, n := range sample.Names() {
		files = append(files, sample.RepoFile(filepath.Join("corpus", "sample", n)))
	}
	if _, err := c.Ingest(context.Background(), files, corpus.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	c.Close()

	search := func() string {
		io, out, _ := searchStreams()
		err := searchRun(context.Background(), &SearchOptions{IO: io, CorpusDir: func() string { return dir }, Query: "21-NQ/TU", Year: 2022, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	before := search()
	if !strings.Contains(before, "thachban-2022.export.md") || strings.Contains(before, "thachban-2023") {
		t.Errorf("search:\n%s", before)
	}
	io, out, _ := searchStreams()
	if err := reindexRun(context.Background(), &ReindexOptions{IO: io, CorpusDir: func() string { return dir }}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "indexed 4 reports") {
		t.Errorf("reindex: %q", out)
	}
	if after := search(); after != before {
		t.Errorf("after reindex:\n%s\nbefore:\n%s", after, before)
	}
}
