package corpus

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestOpenMigrates(t *testing.T) {
	dir := t.TempDir()
	if Exists(dir) {
		t.Fatal("Exists on an empty directory")
	}
	if _, err := OpenExisting(dir); !errors.Is(err, ErrNoCorpus) {
		t.Fatalf("OpenExisting(empty dir) = %v, want ErrNoCorpus", err)
	}
	for i := range 2 { // the second Open finds the schema in place
		c := mustOpen(t, nil, dir)
		v, err := c.SchemaVersion()
		if err != nil || v != 2 {
			t.Fatalf("open %d: SchemaVersion = %d, %v; want 2", i, v, err)
		}
		c.Close()
	}
	if !Exists(dir) {
		t.Fatal("Exists after Open = false")
	}
}

func TestDocumentRoundTrip(t *testing.T) {
	c := mustOpen(t, nil)
	doc := makeDoc("Huyện ủy Thạch Bàn", 2022, "a")
	doc.SetEmpty()
	mustPut(t, c, doc)
	got, err := c.Document(context.Background(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := string(mustJSON(t, doc)), string(mustJSON(t, got)); a != b {
		t.Errorf("loaded document differs:\n got %s\nwant %s", b, a)
	}
	infos, err := c.Documents(context.Background(), DocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := Counts{Sections: 2, Paragraphs: 2, Footnotes: 1, Figures: 3, References: 2}
	if len(infos) != 1 || infos[0].Counts != want || infos[0].Meta != doc.Meta || infos[0].Indexed {
		t.Errorf("Documents = %+v, want one with counts %+v, not indexed", infos, want)
	}
}

func TestDocumentsFilter(t *testing.T) {
	c := mustOpen(t, nil)
	mustPut(t, c,
		makeDoc("Huyện ủy Thạch Bàn", 2021, "a"),
		makeDoc("HUYỆN UỶ THẠCH BÀN", 2022, "b"), // capitals, old tone placement
		makeDoc("Ủy ban nhân dân huyện Thạch Bàn", 2023, "c"),
		makeDoc("Huyện ủy Đông Triều", 2023, "d"),
		makeDoc("Huyện ủy Động Triều", 2023, "e"), // differs from the one above only by a tone
	)
	tests := []struct {
		name   string
		filter DocFilter
		want   []string // variants, in list order
	}{
		{"all", DocFilter{}, []string{"d", "e", "a", "b", "c"}},
		{"exact", DocFilter{Issuer: "Huyện ủy Thạch Bàn"}, []string{"a", "b"}},
		{"capitals", DocFilter{Issuer: "HUYỆN ỦY THẠCH BÀN"}, []string{"a", "b"}},
		{"old tone placement", DocFilter{Issuer: "huyện uỷ thạch bàn"}, []string{"a", "b"}},
		{"nfd and spaces", DocFilter{Issuer: norm.NFD.String("  Huyện ủy   Thạch Bàn ")}, []string{"a", "b"}},
		{"part of the name", DocFilter{Issuer: "thạch bàn"}, []string{"a", "b", "c"}},
		{"no diacritics", DocFilter{Issuer: "huyen uy thach ban"}, []string{"a", "b"}},
		{"diacritics decide when they match", DocFilter{Issuer: "Huyện ủy Động Triều"}, []string{"e"}},
		{"folded matches both", DocFilter{Issuer: "dong trieu"}, []string{"d", "e"}},
		{"year", DocFilter{Year: 2023}, []string{"d", "e", "c"}},
		{"issuer and year", DocFilter{Issuer: "thach ban", Year: 2022}, []string{"b"}},
		{"no such issuer", DocFilter{Issuer: "Kim Sơn"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := c.Documents(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, d := range docs {
				got = append(got, strings.TrimSuffix(d.Source.File[len("bc-2021-"):], ".md"))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Documents(%+v) = %v, want %v", tt.filter, got, tt.want)
			}
		})
	}

	issuers, err := c.Issuers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(issuers) != 4 {
		t.Errorf("Issuers = %q, want 4 (capitals and tone placement are one issuer)", issuers)
	}
	years, err := c.Years(context.Background(), "Thạch Bàn")
	if err != nil || !reflect.DeepEqual(years, []int{2021, 2022, 2023}) {
		t.Errorf("Years(Thạch Bàn) = %v, %v", years, err)
	}
}

func TestResolve(t *testing.T) {
	c := mustOpen(t, nil)
	a := makeDoc("Huyện ủy Thạch Bàn", 2021, "a")
	b := makeDoc("Huyện ủy Thạch Bàn", 2022, "b")
	b2 := makeDoc("Huyện ủy Thạch Bàn", 2022, "b2")
	b2.Source.File = b.Source.File // the same name, other content
	mustPut(t, c, a, b, b2)
	tests := []struct {
		name      string
		ref       string
		want      string // id; "" for an error
		ambiguous bool
	}{
		{"id", a.ID, a.ID, false},
		{"id in capitals", strings.ToUpper(a.ID), a.ID, false},
		{"id prefix", a.ID[:6], a.ID, false},
		{"sha256", a.Source.SHA256, a.ID, false},
		{"file name", a.Source.File, a.ID, false},
		{"file with a directory", "/tmp/x/" + a.Source.File, a.ID, false},
		{"file without extension", strings.TrimSuffix(a.Source.File, ".md"), a.ID, false},
		{"two files of one name", b.Source.File, "", true},
		{"unknown", "nothing-here.pdf", "", false},
		{"too short a prefix", a.ID[:3], "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Resolve(context.Background(), tt.ref)
			var amb *AmbiguousError
			var nf *NotFoundError
			switch {
			case tt.want != "":
				if err != nil || got.ID != tt.want {
					t.Errorf("Resolve(%q) = %s, %v; want %s", tt.ref, got.ID, err, tt.want)
				}
			case tt.ambiguous:
				if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
					t.Errorf("Resolve(%q) error = %v, want AmbiguousError with 2 candidates", tt.ref, err)
				} else if !strings.Contains(err.Error(), b.ID) || !strings.Contains(err.Error(), b2.ID) {
					t.Errorf("ambiguity message does not list the candidates: %v", err)
				}
			default:
				if !errors.As(err, &nf) {
					t.Errorf("Resolve(%q) = %s, %v; want NotFoundError", tt.ref, got.ID, err)
				}
			}
		})
	}
}

func TestFigures(t *testing.T) {
	c := mustOpen(t, nil)
	a := makeDoc("Huyện ủy Thạch Bàn", 2021, "a")
	b := makeDoc("Huyện ủy Thạch Bàn", 2022, "b")
	k := makeDoc("Huyện ủy Kim Sơn", 2022, "k")
	mustPut(t, c, a, b, k)
	tests := []struct {
		name   string
		filter FigureFilter
		want   int
	}{
		{"all", FigureFilter{}, 9},
		{"metric with diacritics", FigureFilter{Metric: "kết nạp đảng viên"}, 6},
		{"metric folded and in capitals", FigureFilter{Metric: "KET NAP DANG VIEN"}, 6},
		{"metric and year", FigureFilter{Metric: "ket nap", Year: 2022}, 4},
		{"one document", FigureFilter{Doc: a.ID}, 3},
		{"issuer", FigureFilter{Issuer: "kim sơn", Metric: "hoàn thành tốt"}, 1},
		{"no match", FigureFilter{Metric: "diện tích rừng"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Figures(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("Figures(%+v) = %d figures, want %d", tt.filter, len(got), tt.want)
			}
		})
	}

	got, err := c.Figures(context.Background(), FigureFilter{Doc: b.ID})
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range got {
		if want := b.Figures[i]; !reflect.DeepEqual(h.Figure, want) {
			t.Errorf("figure %d read back as\n%+v\nwant\n%+v", i, h.Figure, want)
		}
		if h.Document != b.ID || h.ReportYear != 2022 || h.File != b.Source.File {
			t.Errorf("figure %d: document %+v", i, h.InDocument)
		}
	}
	if _, err := c.Figures(context.Background(), FigureFilter{Doc: "nope"}); err == nil {
		t.Error("Figures with an unknown document: no error")
	}
}

func TestRefs(t *testing.T) {
	c := mustOpen(t, nil)
	a := makeDoc("Huyện ủy Thạch Bàn", 2021, "a")
	b := makeDoc("Huyện ủy Thạch Bàn", 2022, "b")
	mustPut(t, c, a, b)
	tests := []struct {
		name   string
		filter RefFilter
		want   int
	}{
		{"all", RefFilter{}, 4},
		{"canonical", RefFilter{ID: "28-NQ/TU"}, 2},
		{"as typed", RefFilter{ID: "Số 28- nq/tu"}, 2},
		{"without diacritics", RefFilter{ID: "154-KH/DU"}, 2},
		{"with diacritics", RefFilter{ID: "154-kh/đu"}, 2},
		{"other issuer, other document", RefFilter{ID: "28-NQ/TW"}, 0},
		{"in one document", RefFilter{ID: "28-NQ/TU", Doc: b.ID}, 1},
		{"by year", RefFilter{Year: 2021}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Refs(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("Refs(%+v) = %d citations, want %d", tt.filter, len(got), tt.want)
			}
		})
	}

	got, _ := c.Refs(context.Background(), RefFilter{ID: "28-NQ/TU", Doc: a.ID})
	if len(got) != 1 {
		t.Fatalf("got %d citations", len(got))
	}
	wantQuote := "Thực hiện Nghị quyết số 28-NQ/TU, ngày 05/6/2021 của Tỉnh ủy về công tác cán bộ a."
	if got[0].Quote != wantQuote || got[0].Page != 2 || got[0].SectionPath != "Phần thứ nhất/I" || got[0].Paragraph != "p1" {
		t.Errorf("citation = %+v\nwant quote %q on page 2 in Phần thứ nhất/I, p1", got[0], wantQuote)
	}
	similar, err := c.SimilarRefIDs(context.Background(), "28-NQ/TW")
	if err != nil || !reflect.DeepEqual(similar, []string{"28-NQ/TU"}) {
		t.Errorf("SimilarRefIDs(28-NQ/TW) = %v, %v", similar, err)
	}
}

func TestPutFailureLeavesCatalog(t *testing.T) {
	c := mustOpen(t, nil)
	mustPut(t, c, makeDoc("Huyện ủy Thạch Bàn", 2021, "a"))
	before := dump(t, c)

	// A trigger makes the last figure fail, half-way through the rows.
	if _, err := c.db.Exec(`CREATE TRIGGER test_fail BEFORE INSERT ON figures
		WHEN NEW.raw = 'BOOM' BEGIN SELECT RAISE(ABORT, 'boom'); END`); err != nil {
		t.Fatal(err)
	}
	before = dump(t, c)
	bad := makeDoc("Huyện ủy Thạch Bàn", 2022, "b")
	bad.Figures[2].Raw = "BOOM"
	st, err := c.newStore(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer st.close()
	if err := st.put(context.Background(), bad, MetaOverride{}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("put of a document whose last figure fails = %v, want boom", err)
	}
	if err := st.put(context.Background(), makeDoc("Huyện ủy Thạch Bàn", 2021, "a"), MetaOverride{}); !errors.Is(err, errDuplicate) {
		t.Errorf("put of a present document = %v, want errDuplicate", err)
	}
	if after := dump(t, c); after != before {
		t.Errorf("catalog changed by failed puts:\n%s", diffLines(before, after))
	}
}

func TestPutKeepsRepeatedIDs(t *testing.T) {
	c := mustOpen(t, nil)
	doc := makeDoc("Huyện ủy Thạch Bàn", 2022, "a")
	// Footnote numbers that restart in an annex: odd, but the report is
	// still to be kept whole.
	doc.Footnotes = append(doc.Footnotes, doc.Footnotes[0])
	mustPut(t, c, doc)
	got, err := c.Document(context.Background(), doc.ID)
	if err != nil || len(got.Footnotes) != 2 {
		t.Errorf("loaded %v footnotes, err %v; want 2", len(got.Footnotes), err)
	}
}

func TestRepair(t *testing.T) {
	dir := t.TempDir()
	ix := newFakeIndex()
	c := mustOpen(t, ix, dir)
	a, b := makeDoc("Huyện ủy Thạch Bàn", 2021, "a"), makeDoc("Huyện ủy Thạch Bàn", 2022, "b")
	// As a crash after the catalog commit leaves them: in the catalog,
	// indexed = 0, not in the index.
	mustPut(t, c, a, b)
	c.Close()
	ix.docs["0000orphan000000"] = true // deleted from the catalog, say
	if err := os.MkdirAll(dir+"/"+indexName, 0o755); err != nil {
		t.Fatal(err)
	}

	c = mustOpen(t, ix, dir)
	if err := c.RepairErr(); err != nil {
		t.Fatal(err)
	}
	ids, _ := ix.DocIDs()
	want := []string{a.ID, b.ID}
	if want[0] > want[1] {
		want[0], want[1] = want[1], want[0]
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("index after Open holds %v, want %v (the orphan removed, both documents in)", ids, want)
	}
	docs, _ := c.Documents(context.Background(), DocFilter{})
	for _, d := range docs {
		if !d.Indexed {
			t.Errorf("%s not marked indexed", d.ID)
		}
	}

	// A removed index holds nothing: everything goes in again.
	c.Close()
	ix2 := newFakeIndex()
	if err := os.RemoveAll(dir + "/" + indexName); err != nil {
		t.Fatal(err)
	}
	c = mustOpen(t, ix2, dir)
	if ids, _ := ix2.DocIDs(); len(ids) != 2 {
		t.Errorf("index rebuilt with %v, want both documents", ids)
	}

	// An index that fails leaves the documents for the next Open, and
	// Open still works.
	res, err := c.Reindex(context.Background())
	if err != nil || res.Indexed != 2 {
		t.Errorf("Reindex = %+v, %v", res, err)
	}
	c.Close()
	ix3 := newFakeIndex()
	ix3.fail = errors.New("disk full")
	c = mustOpen(t, ix3, dir)
	if _, err := c.Reindex(context.Background()); err == nil {
		t.Error("Reindex with a failing index: no error")
	}
	docs, _ = c.Documents(context.Background(), DocFilter{})
	if len(docs) != 2 || docs[0].Indexed || docs[1].Indexed {
		t.Errorf("after a failed reindex: %+v, want 2 documents not indexed", docs)
	}
}

func TestQuoteAround(t *testing.T) {
	text := "Năm 2022 tốt. Thực hiện Kế hoạch số 154-KH/HU, ngày 05/6/2024 của Ban Thường vụ; kết nạp 230 đảng viên."
	span := func(s string) [2]int {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return [2]int{start, start + len([]rune(s))}
	}
	tests := []struct {
		name string
		text string
		span [2]int
		want string
	}{
		{"sentence between marks", text, span("154-KH/HU"), "Thực hiện Kế hoạch số 154-KH/HU, ngày 05/6/2024 của Ban Thường vụ;"},
		{"first sentence", text, span("2022"), "Năm 2022 tốt."},
		{"last sentence", text, span("230"), "kết nạp 230 đảng viên."},
		{"span past the end", text, [2]int{5, 500}, ""},
		{"reversed span", text, [2]int{9, 5}, ""},
		{"empty text", "", [2]int{0, 0}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quoteAround(tt.text, tt.span); got != tt.want {
				t.Errorf("quoteAround = %q\n            want %q", got, tt.want)
			}
		})
	}

	long := strings.Repeat("x ", 300) + "Nghị quyết 28-NQ/TU" + strings.Repeat(" y", 300)
	i := strings.Index(long, "28-NQ")
	q := quoteAround(long, [2]int{i, i + 8})
	if !strings.HasPrefix(q, "…x") || !strings.HasSuffix(q, "y…") || !strings.Contains(q, "Nghị quyết 28-NQ/TU") ||
		len([]rune(q)) > 2*maxQuote+8+2 {
		t.Errorf("quote in a long text without sentence ends = %q (%d runes), want it cut at both ends", q, len([]rune(q)))
	}
}

func TestCanonicalRefID(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"canonical", "154-KH/HU", "154-KH/HU"},
		{"lower case and space", "154- kh/hu", "154-KH/HU"},
		{"số prefix", "Số 28-NQ/TU", "28-NQ/TU"},
		{"so prefix folded", "so 28-NQ/TU", "28-NQ/TU"},
		{"state symbol", "1232/nq-ubtvqh15", "1232/NQ-UBTVQH15"},
		{"đ kept", "07-nq/đu", "07-NQ/ĐU"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := canonicalRefID(tt.in); got != tt.want {
				t.Errorf("canonicalRefID(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
