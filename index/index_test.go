package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao/corpus/gen"
	"github.com/baocao/baocao/schema"
)

// docSpec is a hand-made report for tests.
type docSpec struct {
	id, issuer string
	year       int
	paras      []string
	notes      []string
	figures    []schema.Figure
}

func (s docSpec) document() *schema.Document {
	d := &schema.Document{
		SchemaVersion: schema.Version, ID: s.id,
		Source:   schema.Source{File: s.id + ".md", Format: schema.FormatMarkdown},
		Meta:     schema.Meta{Issuer: s.issuer, DocType: "Báo cáo", ReportYear: s.year},
		Sections: []schema.Section{{ID: "s1", Number: "I", Title: "KẾT QUẢ", Level: 2, Path: "I"}},
	}
	for i, t := range s.paras {
		d.Paragraphs = append(d.Paragraphs, schema.Paragraph{ID: fmt.Sprintf("p%d", i+1), Section: "s1", Page: schema.NullInt(i/3 + 1), Text: t})
	}
	for i, t := range s.notes {
		d.Footnotes = append(d.Footnotes, schema.Footnote{ID: i + 1, Text: t, Page: 1, RefParagraph: "p1", Section: "s1"})
	}
	d.Figures = s.figures
	return d
}

// fixture is a small corpus whose every sentence is there for one test.
var fixture = []docSpec{
	{id: "hu2022", issuer: "Huyện ủy Thạch Bàn", year: 2022,
		paras: []string{
			"Kết nạp 260 đảng viên mới, đạt 103,6% chỉ tiêu.",
			"Triển khai Nghị quyết số 28-NQ/TU của Tỉnh ủy về chuyển đổi số.",
			"Quán triệt Nghị quyết số 28-NQ/TW của Trung ương về đổi mới.",
			"Thực hiện mục tiêu kép vừa phòng, chống dịch vừa phát triển kinh tế.",
			"Phong trào thi đua “Dân vận khéo” được đẩy mạnh ở cơ sở.",
			"Cán bộ phải trọng dân, gần dân, hiểu dân, giúp dân.",
		},
		notes: []string{"Có 12 đảng viên được tặng Huy hiệu Đảng."},
		figures: []schema.Figure{
			{ID: "f1", Raw: "260", Value: 260, ValueNormalized: 260, Kind: schema.KindCount, Metric: "kết nạp đảng viên mới", Role: schema.RoleActual, Paragraph: "p1", Quote: "Kết nạp 260 đảng viên mới"},
			{ID: "f2", Raw: "12", Value: 12, ValueNormalized: 12, Kind: schema.KindCount, Metric: "đảng viên được tặng Huy hiệu Đảng", Role: schema.RoleActual, Footnote: 1, Quote: "Có 12 đảng viên"},
		}},
	{id: "hu2023", issuer: "HUYỆN ỦY THẠCH BÀN", year: 2023,
		paras: []string{
			"Kết nạp 241 đảng viên mới trong năm.",
			"Kế hoạch số 81- KH/HU về mô hình “Dân vận khéo”.",
			"Mục tiêu năm tới: kép lại các thiếu sót, hoàn thành mục tiêu.",
			"Đang triển khai kế hoạch nhưng chưa xong.",
		},
		figures: []schema.Figure{
			{ID: "f1", Raw: "241", Value: 241, ValueNormalized: 241, Kind: schema.KindCount, Metric: "kết nạp đảng viên mới", Role: schema.RoleActual, Paragraph: "p1", Quote: "Kết nạp 241 đảng viên mới"},
		}},
	{id: "ub2023", issuer: "Ủy ban nhân dân huyện Thạch Bàn", year: 2023,
		paras: []string{
			"Ket nap dang vien la nhiem vu cua chi bo.",
			"Nghị quyết số 28-NQ/TW được quán triệt; Nghị quyết số 28-NQ/TU cũng vậy.",
			"Mô hình dân vận khéo ở thôn Đông.",
		},
		figures: []schema.Figure{
			{ID: "f1", Raw: "180", Value: 180, ValueNormalized: 180, Kind: schema.KindCount, Metric: "hộ thoát nghèo", Role: schema.RoleActual, Paragraph: "p3", Quote: "180"},
		}},
}

// mustIndex returns an in-memory index holding specs.
func mustIndex(tb testing.TB, specs []docSpec) *Index {
	tb.Helper()
	ix, err := NewMemory()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	var docs []*schema.Document
	for _, s := range specs {
		docs = append(docs, s.document())
	}
	if err := ix.Index(docs...); err != nil {
		tb.Fatal(err)
	}
	return ix
}

func mustSearch(tb testing.TB, ix *Index, req Request) *Result {
	tb.Helper()
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		tb.Fatalf("search %+v: %v", req, err)
	}
	return res
}

// hitKeys names hits "doc/p1" or "doc/fn1", in order.
func hitKeys(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		if h.Footnote != 0 {
			out = append(out, fmt.Sprintf("%s/fn%d", h.Document, h.Footnote))
		} else {
			out = append(out, h.Document+"/"+string(h.Paragraph))
		}
	}
	return out
}

func TestFoldedAndExactFindTheSamePassages(t *testing.T) {
	ix := mustIndex(t, fixture)
	for _, pair := range [][2]string{
		{"kết nạp đảng viên", "ket nap dang vien"},
		{"dân vận khéo", "dan van kheo"},
		{"Huy hiệu Đảng", "huy hieu dang"},
	} {
		t.Run(pair[1], func(t *testing.T) {
			a := hitKeys(mustSearch(t, ix, Request{Query: pair[0]}))
			b := hitKeys(mustSearch(t, ix, Request{Query: pair[1]}))
			if len(a) == 0 {
				t.Fatalf("%q found nothing", pair[0])
			}
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Errorf("exact %q found %v, folded %q found %v", pair[0], a, pair[1], b)
			}
		})
	}
}

func TestExactOutranksFolded(t *testing.T) {
	ix := mustIndex(t, fixture)
	res := mustSearch(t, ix, Request{Query: "kết nạp đảng viên"})
	keys := hitKeys(res)
	folded := slices.Index(keys, "ub2023/p1") // "Ket nap dang vien", no diacritics
	if folded < 0 {
		t.Fatalf("folded-only passage missing: %v", keys)
	}
	for _, exact := range []string{"hu2022/p1", "hu2023/p1"} {
		i := slices.Index(keys, exact)
		if i < 0 || i > folded {
			t.Errorf("exact passage %s at %d, folded-only at %d: %v", exact, i, folded, keys)
		}
	}
	// "đang" is not "đảng": the passage holds "Đang", folded "dang".
	res = mustSearch(t, ix, Request{Query: "đảng"})
	keys = hitKeys(res)
	if i, j := slices.Index(keys, "hu2023/p4"), slices.Index(keys, "hu2022/p1"); i >= 0 && i < j {
		t.Errorf("'Đang' ranked above 'đảng': %v", keys)
	}
}

func TestSymbolsDoNotMix(t *testing.T) {
	ix := mustIndex(t, fixture)
	tests := []struct {
		query     string
		want      []string
		forbidden string
	}{
		{"28-NQ/TU", []string{"hu2022/p2", "ub2023/p2"}, "28-NQ/TW"},
		{"28-nq/tw", []string{"hu2022/p3", "ub2023/p2"}, "28-NQ/TU"},
		{"81-KH/HU", []string{"hu2023/p2"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := mustSearch(t, ix, Request{Query: tt.query})
			got := hitKeys(res)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("hits %v, want %v", got, tt.want)
			}
			for _, h := range res.Hits {
				if tt.forbidden != "" && strings.Contains(h.Text, tt.forbidden) && !strings.Contains(h.Text, strings.ToUpper(tt.query)) {
					t.Errorf("hit cites only %s: %q", tt.forbidden, h.Text)
				}
			}
		})
	}
}

func TestSymbolWithWordsRanksTheCitationFirst(t *testing.T) {
	ix := mustIndex(t, fixture)
	got := hitKeys(mustSearch(t, ix, Request{Query: "kế hoạch 81- KH/HU"}))
	if len(got) == 0 || got[0] != "hu2023/p2" {
		t.Errorf("hits %v, want hu2023/p2 first", got)
	}
}

func TestPhraseRespectsWordOrder(t *testing.T) {
	ix := mustIndex(t, fixture)
	tests := []struct {
		query string
		want  []string
	}{
		{`"mục tiêu kép"`, []string{"hu2022/p4"}},
		{`"muc tieu kep"`, []string{"hu2022/p4"}},
		{`"kép mục tiêu"`, nil},
		{`"trọng dân, gần dân"`, []string{"hu2022/p6"}},
		{`"gần dân trọng dân"`, nil},
		{`"Dân vận khéo"`, []string{"hu2022/p5", "hu2023/p2", "ub2023/p3"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := hitKeys(mustSearch(t, ix, Request{Query: tt.query}))
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("hits %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFiltersAndFacets(t *testing.T) {
	ix := mustIndex(t, fixture)
	tests := []struct {
		name       string
		req        Request
		want       []string
		total      int
		yearFacet  map[string]int
		issuerSeen string
	}{
		{name: "no filter", req: Request{Query: "dân vận khéo"},
			want: []string{"hu2022/p5", "hu2023/p2", "ub2023/p3"}, total: 3,
			yearFacet: map[string]int{"2022": 1, "2023": 2}},
		{name: "year", req: Request{Query: `"Dân vận khéo"`, Year: 2023},
			want: []string{"hu2023/p2", "ub2023/p3"}, total: 2, yearFacet: map[string]int{"2023": 2}},
		{name: "issuer in capitals matches", req: Request{Query: "dân vận khéo", Issuer: "huyen uy thach ban"},
			want: []string{"hu2022/p5", "hu2023/p2"}, total: 2, issuerSeen: "HUYỆN ỦY THẠCH BÀN"},
		{name: "footnotes only", req: Request{Query: "đảng viên", In: InFootnotes},
			want: []string{"hu2022/fn1"}, total: 1},
		{name: "paragraphs only", req: Request{Query: "huy hiệu", In: InParagraphs},
			want: nil, total: 1},
		{name: "no match", req: Request{Query: "xyzzy"}, want: nil, total: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustSearch(t, ix, tt.req)
			got := hitKeys(res)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("hits %v, want %v", got, tt.want)
			}
			if res.Total != tt.total {
				t.Errorf("total %d, want %d", res.Total, tt.total)
			}
			if tt.yearFacet != nil && !mapsEqual(res.Facets.ReportYear, tt.yearFacet) {
				t.Errorf("year facet %v, want %v", res.Facets.ReportYear, tt.yearFacet)
			}
			if tt.issuerSeen != "" && res.Facets.Issuer[tt.issuerSeen] != 1 {
				t.Errorf("issuer facet %v lacks %q", res.Facets.Issuer, tt.issuerSeen)
			}
		})
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestHitCarriesMetadataAndFragment(t *testing.T) {
	ix := mustIndex(t, fixture)
	res := mustSearch(t, ix, Request{Query: "kết nạp", Year: 2022})
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v", hitKeys(res))
	}
	h := res.Hits[0]
	want := Hit{Document: "hu2022", File: "hu2022.md", Issuer: "Huyện ủy Thạch Bàn", ReportYear: 2022,
		SectionPath: "I", Paragraph: "p1", Page: 1, Text: fixture[0].paras[0]}
	if h.Document != want.Document || h.File != want.File || h.Issuer != want.Issuer || h.ReportYear != want.ReportYear ||
		h.SectionPath != want.SectionPath || h.Paragraph != want.Paragraph || h.Page != want.Page || h.Text != want.Text {
		t.Errorf("hit %+v, want %+v", h, want)
	}
	if len(h.Fragments) != 1 || !strings.Contains(h.Fragments[0], "<mark>Kết nạp</mark>") {
		t.Errorf("fragments %q", h.Fragments)
	}
}

func TestFigureSearch(t *testing.T) {
	ix := mustIndex(t, fixture)
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		req  Request
		want []string // figure ids as doc/fN
	}{
		{"metric and range", Request{Figure: "kết nạp đảng viên", Min: f(200), Max: f(300)}, []string{"hu2022/f1", "hu2023/f1"}},
		{"folded metric", Request{Figure: "ket nap dang vien", Min: f(250)}, []string{"hu2022/f1"}},
		{"range only", Request{Min: f(100), Max: f(200)}, []string{"ub2023/f1"}},
		{"footnote figure", Request{Figure: "huy hiệu"}, []string{"hu2022/f2"}},
		{"year filter", Request{Figure: "kết nạp đảng viên", Year: 2023}, []string{"hu2023/f1"}},
		{"words must all be in the metric", Request{Figure: "kết nạp hộ nghèo"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustSearch(t, ix, tt.req)
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Document+"/"+h.Figure.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("figures %v, want %v", got, tt.want)
			}
		})
	}
}

func TestQuerySyntax(t *testing.T) {
	ix := mustIndex(t, fixture)
	tests := []struct {
		name    string
		req     Request
		want    []string
		wantErr bool
	}{
		{name: "field and range", req: Request{Query: `+fold:"dan van kheo" +year:>=2023`}, want: []string{"hu2023/p2", "ub2023/p3"}},
		{name: "issuer field", req: Request{Query: `+"dân vận khéo" +issuer:"Ủy ban nhân dân huyện Thạch Bàn"`}, want: []string{"ub2023/p3"}},
		{name: "exclusion", req: Request{Query: `+"dân vận khéo" -year:2022`}, want: []string{"hu2023/p2", "ub2023/p3"}},
		{name: "exact field", req: Request{Query: `text:Đang`}, want: []string{"hu2023/p4"}},
		{name: "folded field", req: Request{Query: `+fold:dang +year:2023`}, want: []string{"hu2023/p1", "hu2023/p4", "ub2023/p1"}},
		{name: "plain forced", req: Request{Query: "+khéo", Syntax: SyntaxPlain}, want: []string{"hu2022/p5", "hu2023/p2", "ub2023/p3"}},
		{name: "malformed", req: Request{Query: `+year:>= (`, Syntax: SyntaxBleve}, wantErr: true},
		{name: "unknown field", req: Request{Query: `nothing:here`, Syntax: SyntaxBleve}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.req)
			if tt.wantErr {
				var qe *QueryError
				if !errors.As(err, &qe) {
					t.Fatalf("err %v, want a QueryError", err)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error is not one line: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := hitKeys(res)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("hits %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRelaxedWhenNoReportHasEveryWord(t *testing.T) {
	ix := mustIndex(t, fixture)
	res := mustSearch(t, ix, Request{Query: "dân vận khéo xyzzy"})
	if !res.Relaxed || len(res.Hits) == 0 {
		t.Errorf("relaxed %v, hits %v", res.Relaxed, hitKeys(res))
	}
}

func TestIndexReplaceDeleteAndIDs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index.bleve")
	if _, err := OpenExisting(path); !errors.Is(err, ErrNotFound) {
		t.Fatalf("OpenExisting on nothing: %v", err)
	}
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range fixture {
		if err := ix.Index(s.document()); err != nil {
			t.Fatal(err)
		}
	}
	changed := fixture[1]
	changed.paras = []string{"Một đoạn hoàn toàn mới."}
	if err := ix.Index(changed.document()); err != nil {
		t.Fatal(err)
	}
	if err := ix.Delete("ub2023", "missing"); err != nil {
		t.Fatal(err)
	}
	// Deleting only what is not there still returns (a batch that
	// changes nothing is persisted all the same).
	if err := ix.Delete("missing"); err != nil {
		t.Fatal(err)
	}
	if err := ix.Index(); err != nil {
		t.Fatal(err)
	}
	ids, err := ix.DocIDs()
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	if want := []string{"hu2022", "hu2023"}; !slices.Equal(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ro, err := OpenExisting(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got := hitKeys(mustSearch(t, ro, Request{Query: "hoàn toàn mới"})); !slices.Equal(got, []string{"hu2023/p1"}) {
		t.Errorf("replaced report: %v", got)
	}
	if got := hitKeys(mustSearch(t, ro, Request{Query: "241"})); len(got) != 0 {
		t.Errorf("old text still found: %v", got)
	}
	if err := ro.Index(fixture[0].document()); err == nil {
		t.Error("indexing into a read-only index succeeded")
	}
}

// An index created and closed at once (as a corpus's repair does) opens
// again, with its mapping.
func TestNewIndexClosedAtOnceReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.bleve")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenExisting(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer ro.Close()
	res, err := ro.Search(context.Background(), Request{Query: "đảng viên"})
	if err != nil || res.Total != 0 {
		t.Errorf("search in an empty index: %+v, %v", res, err)
	}
}

func TestIndexRejectsDocumentWithoutID(t *testing.T) {
	ix := mustIndex(t, nil)
	if err := ix.Index(&schema.Document{}); err == nil {
		t.Error("no error for a document without id")
	}
	if err := ix.Index(nil); err == nil {
		t.Error("no error for nil")
	}
}

// Every value in a range must fall in a bucket the range's query names.
func TestValueBuckets(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name   string
		lo, hi *float64
		in     []float64
		out    []float64
	}{
		{"counts", f(200), f(300), []float64{200, 251, 300}, []float64{150, 420}},
		{"percent", f(90), nil, []float64{90, 94.9, 103.6, 1e9}, []float64{50}},
		{"money", f(2e9), f(3e9), []float64{2.4e9}, []float64{2.4, 7e9}},
		{"zero and below", nil, f(0), []float64{0, -3}, []float64{1}},
		{"fractions", f(0.5), f(1), []float64{0.5, 0.75, 1}, []float64{0.1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names := map[string]bool{}
			for _, b := range bucketTerms(tt.lo, tt.hi) {
				names[b] = true
			}
			for _, v := range tt.in {
				if !names[valueBucket(v)] {
					t.Errorf("%g in bucket %s, not queried (%v)", v, valueBucket(v), names)
				}
			}
			for _, v := range tt.out {
				if names[valueBucket(v)] && (v < 0.8*derefOr(tt.lo, v) || v > 1.8*derefOr(tt.hi, v)) {
					t.Errorf("%g (bucket %s) is far outside the range and still queried", v, valueBucket(v))
				}
			}
		})
	}
}

func derefOr(p *float64, v float64) float64 {
	if p == nil {
		return v
	}
	return *p
}

func TestFragments(t *testing.T) {
	long := strings.Repeat("một hai ba bốn năm ", 30)
	tests := []struct {
		name  string
		text  string
		marks [][2]int
		want  []string
	}{
		{"neighbours join", "Kết nạp đảng viên mới", [][2]int{{0, 5}, {6, 11}}, []string{"<mark>Kết nạp</mark> đảng viên mới"}},
		{"none", "abc", nil, nil},
		{"far apart, no overlap", long + "X" + long + "Y", [][2]int{{len(long), len(long) + 1}, {2*len(long) + 1, 2*len(long) + 2}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fragments(tt.text, tt.marks)
			if tt.name == "far apart, no overlap" {
				if len(got) != 2 || strings.Count(strings.Join(got, ""), "<mark>") != 2 {
					t.Errorf("got %q", got)
				}
				return
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Generated reports shared by the tests that need a few dozen.
var (
	genOnce sync.Once
	genDocs []*schema.Document
	genErr  error
)

// genIndex indexes 40 generated reports in batches of batch reports
// (a segment each), in the given order.
func genIndex(tb testing.TB, batch int, reverse bool) *Index {
	tb.Helper()
	ix, err := NewMemory()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	ix.SetBatchSize(batch)
	genOnce.Do(func() {
		for doc, err := range gen.Documents(40, 3) {
			if err != nil {
				genErr = err
				return
			}
			genDocs = append(genDocs, doc)
		}
	})
	if genErr != nil {
		tb.Fatal(genErr)
	}
	// Index keeps the documents it is given: each index gets its own
	// slice, the documents are only read.
	docs := slices.Clone(genDocs)
	if reverse {
		slices.Reverse(docs)
	}
	if err := ix.Index(docs...); err != nil {
		tb.Fatal(err)
	}
	return ix
}

// searchAll runs the benchmark queries and returns their results as JSON.
func searchAll(tb testing.TB, ix *Index) []string {
	tb.Helper()
	var out []string
	for _, q := range benchQueries() {
		// Short pages too: reading stops early, so which reports come
		// first decides what is found.
		for _, limit := range []int{1, 3, 10} {
			q.Limit = limit
			res, err := ix.Search(context.Background(), q)
			if err != nil {
				tb.Fatal(err)
			}
			b, _ := json.Marshal(res)
			out = append(out, string(b))
		}
	}
	return out
}

// Results do not depend on how reports were split into segments or in
// which order they were indexed: reports of equal score are ordered by
// year and issuer before index order.
func TestResultsDoNotDependOnSegments(t *testing.T) {
	one := searchAll(t, genIndex(t, 100, false))
	many := searchAll(t, genIndex(t, 1, true))
	for i := range one {
		if one[i] != many[i] {
			q := benchQueries()[i/3]
			t.Errorf("%s (limit %d): one segment:\n%s\nreversed, a segment per report:\n%s", describe(q), []int{1, 3, 10}[i%3], one[i], many[i])
		}
	}
}

// Searches run side by side (each reading reports and segments on
// several goroutines) give what they give one at a time.
func TestConcurrentSearchesAgree(t *testing.T) {
	ix := genIndex(t, 1, false) // a segment per report: segments are read in parallel
	ctx := context.Background()
	queries := benchQueries()
	want := searchAll(t, ix)
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(queries))
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, q := range queries {
				res, err := ix.Search(ctx, q)
				if err != nil {
					errs <- err
					continue
				}
				if b, _ := json.Marshal(res); string(b) != want[3*i+2] { // limit 10
					errs <- fmt.Errorf("%s: result differs when run concurrently", describe(q))
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestTopCounts(t *testing.T) {
	m := map[string]int{"a": 3, "b": 5, "c": 3, "d": 1}
	tests := []struct {
		name string
		n    int
		want map[string]int
	}{
		{"all fit", 4, m},
		{"largest first, ties by name", 3, map[string]int{"b": 5, "a": 3, "c": 3}},
		{"one", 1, map[string]int{"b": 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := topCounts(m, tt.n); !mapsEqual(got, tt.want) {
				t.Errorf("topCounts(%d) = %v, want %v", tt.n, got, tt.want)
			}
		})
	}
}
