package index

import (
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/corpus/gen"
	"github.com/baocao/baocao/schema"
)

// TestCorpusBenchmark measures index build rate, query latency against a
// Go full scan, and index size, over generated reports. It is slow and
// CPU-heavy, so it runs only when asked:
//
//	BAOCAO_BENCH_N=2000 go test -run CorpusBenchmark -v -timeout 3h ./index/
//
// BAOCAO_BENCH_CACHE names a directory where generated Documents are kept
// between runs (extraction of 20,000 reports takes minutes).
func TestCorpusBenchmark(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("BAOCAO_BENCH_N"))
	if n <= 0 {
		t.Skip("set BAOCAO_BENCH_N=2000 (or 20000) to run the corpus benchmark")
	}
	docs := benchDocuments(t, n)
	if os.Getenv("BAOCAO_BENCH_GENONLY") != "" {
		return
	}
	// BAOCAO_BENCH_SCORCH (JSON) overrides scorch options, to try them.
	if js := os.Getenv("BAOCAO_BENCH_SCORCH"); js != "" {
		if err := json.Unmarshal([]byte(js), &scorchOverrides); err != nil {
			t.Fatalf("BAOCAO_BENCH_SCORCH: %v", err)
		}
		defer func() { scorchOverrides = nil }()
		t.Logf("scorch options %s", js)
	}
	batch := defaultBatchSize
	if v, _ := strconv.Atoi(os.Getenv("BAOCAO_BENCH_BATCH")); v > 0 {
		batch = v
	}
	dir := t.TempDir()
	if keep := os.Getenv("BAOCAO_BENCH_KEEP"); keep != "" {
		dir = keep
		os.RemoveAll(filepath.Join(dir, "index.bleve"))
	}
	path := filepath.Join(dir, "index.bleve")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ix.SetBatchSize(batch)

	// Build, timing only the index calls, in wall time and in CPU time:
	// on a shared machine the wall time says more about the neighbours.
	var build time.Duration
	var rawBytes int64
	cpu0 := cpuTime()
	for i := 0; i < len(docs); i += 2 * batch {
		chunk := docs[i:min(i+2*batch, len(docs))]
		for _, d := range chunk {
			for _, p := range d.Paragraphs {
				rawBytes += int64(len(p.Text))
			}
			for _, f := range d.Footnotes {
				rawBytes += int64(len(f.Text))
			}
		}
		start := time.Now()
		if err := ix.Index(chunk...); err != nil {
			t.Fatal(err)
		}
		build += time.Since(start)
		if (i/(2*batch))%10 == 9 {
			t.Logf("  %d reports indexed, %v", i+2*batch, build.Round(time.Second))
		}
	}
	start := time.Now()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	build += time.Since(start) // persisting what is still in memory is part of the build
	cpu := cpuTime() - cpu0
	size := dirSize(t, path)
	t.Logf("build: %d reports, %.1f MB text in %v: %.0f reports/s, %.2f MB/s",
		len(docs), float64(rawBytes)/1e6, build.Round(time.Millisecond),
		float64(len(docs))/build.Seconds(), float64(rawBytes)/1e6/build.Seconds())
	t.Logf("build CPU time %v (both cores): %.0f reports per CPU-second", cpu.Round(time.Millisecond), float64(len(docs))/cpu.Seconds())
	t.Logf("size: index %.1f MB, text %.1f MB, ratio %.2f", float64(size)/1e6, float64(rawBytes)/1e6, float64(size)/float64(rawBytes))

	ix, err = OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	queries := benchQueries()
	ctx := context.Background()
	// Warm up: the first query of each kind opens segments and files.
	for _, q := range queries {
		if _, err := ix.Search(ctx, q); err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
	}
	const rounds = 10
	var all []time.Duration
	for _, q := range queries {
		var ts []time.Duration
		var res *Result
		for range rounds {
			start := time.Now()
			r, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			ts = append(ts, time.Since(start))
			res = r
		}
		all = append(all, ts...)
		slices.Sort(ts)
		t.Logf("  %-60s total %6d hits %2d  p50 %v", describe(q), res.Total, len(res.Hits), ts[len(ts)/2].Round(10*time.Microsecond))
	}
	slices.Sort(all)
	p50, p99 := percentile(all, 0.50), percentile(all, 0.99)
	t.Logf("index query latency over %d runs: p50 %v, p99 %v", len(all), p50.Round(10*time.Microsecond), p99.Round(10*time.Microsecond))

	// The baseline: a Go scan of the same passages, already folded and in
	// memory, with the same filters.
	sc := newScanner(docs)
	docs = nil
	var scans []time.Duration
	for _, q := range queries {
		start := time.Now()
		sc.search(q)
		scans = append(scans, time.Since(start))
	}
	slices.Sort(scans)
	sp50 := percentile(scans, 0.5)
	t.Logf("Go full scan: p50 %v, p99 %v; index is %.0f× faster at p50", sp50.Round(time.Millisecond),
		percentile(scans, 0.99).Round(time.Millisecond), float64(sp50)/float64(p50))
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted)-1)*p + 0.5)
	return sorted[i]
}

func describe(q Request) string {
	s := q.Query
	if q.Figure != "" || q.Min != nil {
		s = "figure " + q.Figure
		if q.Min != nil {
			s += fmt.Sprintf(" ≥%g", *q.Min)
		}
		if q.Max != nil {
			s += fmt.Sprintf(" ≤%g", *q.Max)
		}
	}
	if q.Year != 0 {
		s += fmt.Sprintf(" year=%d", q.Year)
	}
	if q.Issuer != "" {
		s += " issuer=" + q.Issuer
	}
	if q.In != "" {
		s += " in=" + q.In
	}
	return s
}

// benchQueries are 20 varied queries over generated reports: words,
// phrases of 2 to 9 words, text without diacritics, symbols, filters with
// facets, and figure ranges.
func benchQueries() []Request {
	f := func(v float64) *float64 { return &v }
	return []Request{
		{Query: "đảng viên"},
		{Query: "kết nạp đảng viên"},
		{Query: "ket nap dang vien"},
		{Query: `"Dân vận khéo"`},
		{Query: `"mục tiêu kép"`},
		{Query: `"Toàn dân đoàn kết xây dựng đời sống văn hóa"`},
		{Query: "21-NQ/TU"},
		{Query: "chot kiem soat lien nganh"},
		{Query: "dia chi tin cay"},
		{Query: "sản phẩm OCOP"},
		{Query: "tiêm chủng", Year: 2015},
		{Query: "đại hội đảng bộ", Issuer: "Huyện ủy Yên Lạc"},
		{Query: `"chuyển đổi số"`, Year: 2020},
		{Query: "tham nhũng", In: InFootnotes},
		{Figure: "kết nạp đảng viên", Min: f(200), Max: f(300)},
		{Figure: "hộ nghèo", Max: f(5)},
		{Query: "hộ nghèo", Year: 2020, Issuer: "Huyện ủy Kim Sơn"},
		{Query: "xây dựng nông thôn mới"},
		{Query: `"trọng dân, gần dân"`},
		{Query: "bi thu chi bo kiem truong thon"},
	}
}

// benchDocuments returns n generated reports, from the cache when there is
// one.
func benchDocuments(tb testing.TB, n int) []*schema.Document {
	tb.Helper()
	cache := ""
	if dir := os.Getenv("BAOCAO_BENCH_CACHE"); dir != "" {
		cache = filepath.Join(dir, fmt.Sprintf("gen-%d.gob", n))
		if docs, err := readCache(cache); err == nil {
			return docs
		}
	}
	var docs []*schema.Document
	start := time.Now()
	for doc, err := range gen.Documents(n, 1) {
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, doc)
	}
	tb.Logf("generated and extracted %d reports in %v", n, time.Since(start).Round(time.Second))
	if cache != "" {
		if err := writeCache(cache, docs); err != nil {
			tb.Logf("cache: %v", err)
		}
	}
	return docs
}

func readCache(path string) ([]*schema.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := gob.NewDecoder(f)
	var docs []*schema.Document
	for {
		var d schema.Document
		if err := dec.Decode(&d); errors.Is(err, io.EOF) {
			return docs, nil
		} else if err != nil {
			return nil, err
		}
		docs = append(docs, &d)
	}
}

func writeCache(path string, docs []*schema.Document) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	enc := gob.NewEncoder(f)
	for _, d := range docs {
		if err := enc.Encode(d); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func dirSize(tb testing.TB, dir string) int64 {
	tb.Helper()
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			size += info.Size()
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return size
}

// scanner is the baseline: every passage folded once, then searched with
// bytes.Contains for each folded word or phrase.
type scanner struct {
	passages []scanPassage
	figures  []scanFigure
}

type scanPassage struct {
	year   int
	issuer string
	note   bool
	fold   []byte
}

type scanFigure struct {
	year   int
	issuer string
	metric []byte
	value  float64
	norm   float64
}

func newScanner(docs []*schema.Document) *scanner {
	sc := &scanner{}
	for _, d := range docs {
		iss := issuerKey(d.Meta.Issuer)
		for _, p := range d.Paragraphs {
			sc.passages = append(sc.passages, scanPassage{year: d.Meta.ReportYear, issuer: iss, fold: foldAppend(nil, p.Text)})
		}
		for _, f := range d.Footnotes {
			sc.passages = append(sc.passages, scanPassage{year: d.Meta.ReportYear, issuer: iss, note: true, fold: foldAppend(nil, f.Text)})
		}
		for _, f := range d.Figures {
			sc.figures = append(sc.figures, scanFigure{year: d.Meta.ReportYear, issuer: iss, metric: foldAppend(nil, f.Metric), value: f.Value, norm: f.ValueNormalized})
		}
	}
	return sc
}

// search counts matches of q the way a grep over the text would, with
// facet counts by year and issuer.
func (sc *scanner) search(q Request) int {
	iss := ""
	if q.Issuer != "" {
		iss = issuerKey(q.Issuer)
	}
	years := map[int]int{}
	issuers := map[string]int{}
	n := 0
	if q.Figure != "" || q.Min != nil || q.Max != nil {
		words := strings.Fields(foldString(q.Figure))
		for i := range sc.figures {
			f := &sc.figures[i]
			if (q.Year != 0 && f.year != q.Year) || (iss != "" && f.issuer != iss) {
				continue
			}
			sf := storedFigure{Value: f.value, ValueNormalized: f.norm}
			if !inRange(&sf, q.Min, q.Max) || !containsAll(f.metric, words) {
				continue
			}
			n++
			years[f.year]++
			issuers[f.issuer]++
		}
		return n
	}
	var needles []string
	for i, seg := range strings.Split(strings.ReplaceAll(q.Query, `"`, "\x00"), "\x00") {
		seg = foldString(seg)
		if i%2 == 1 {
			needles = append(needles, strings.Join(strings.FieldsFunc(seg, func(r rune) bool { return r == ',' || r == ' ' }), " "))
			continue
		}
		needles = append(needles, strings.Fields(seg)...)
	}
	for i := range sc.passages {
		p := &sc.passages[i]
		if (q.Year != 0 && p.year != q.Year) || (iss != "" && p.issuer != iss) || (q.In == InFootnotes && !p.note) {
			continue
		}
		if containsAll(p.fold, needles) {
			n++
			years[p.year]++
			issuers[p.issuer]++
		}
	}
	return n
}

func containsAll(text []byte, needles []string) bool {
	for _, w := range needles {
		if !bytes.Contains(text, []byte(w)) {
			return false
		}
	}
	return true
}

// BenchmarkCorpusQueries runs the 20 benchmark queries against an index
// built by TestCorpusBenchmark and kept with BAOCAO_BENCH_KEEP=DIR, for
// profiling (-cpuprofile) without building again.
func BenchmarkCorpusQueries(b *testing.B) {
	dir := os.Getenv("BAOCAO_BENCH_KEEP")
	if dir == "" {
		b.Skip("set BAOCAO_BENCH_KEEP to the directory of a kept benchmark index")
	}
	ix, err := OpenExisting(filepath.Join(dir, "index.bleve"))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	for b.Loop() {
		for _, q := range benchQueries() {
			if _, err := ix.Search(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSearch measures one query over the four sample reports.
func BenchmarkSearch(b *testing.B) {
	ix := sampleIndex(b)
	ctx := context.Background()
	for _, q := range []Request{
		{Query: "kết nạp đảng viên"},
		{Query: `"mục tiêu kép"`},
		{Query: "21-NQ/TU"},
	} {
		b.Run(q.Query, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ix.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkIndex measures indexing of the sample reports (MB/s of text).
func BenchmarkIndex(b *testing.B) {
	var docs []*schema.Document
	for doc, err := range gen.Documents(20, 7) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	var size int64
	for _, d := range docs {
		size += d.Source.Bytes
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		ix, err := NewMemory()
		if err != nil {
			b.Fatal(err)
		}
		if err := ix.Index(docs...); err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}
