package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// makeOld turns the stored document id into what a corpus made by an older
// baocao holds. version 1: the Document JSON of schema version 1 (no
// period, estimate, compared_with, subject) and figure rows without those
// columns, as a version-1 catalog migrated to 2 has them. version 0: the
// JSON stays current but the catalog predates the column that records it.
func makeOld(tb testing.TB, c *Corpus, id string, version int) {
	tb.Helper()
	ctx := context.Background()
	doc, err := c.loadExtracted(ctx, id)
	if err != nil {
		tb.Fatal(err)
	}
	if version == 1 {
		doc.SchemaVersion = 1
		for i := range doc.Figures {
			f := &doc.Figures[i]
			f.Period, f.Estimate, f.ComparedWith, f.Subject = nil, false, "", ""
		}
	}
	body, err := encodeDocument(doc)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := c.db.Exec(`UPDATE documents SET document = ?, doc_schema = ? WHERE id = ?`, body, version, id); err != nil {
		tb.Fatal(err)
	}
	if _, err := c.db.Exec(`UPDATE figures SET period_start = NULL, period_end = NULL, estimate = 0,
		compared_with = NULL, subject = '', subject_fold = '' WHERE doc = ?`, id); err != nil {
		tb.Fatal(err)
	}
}

// figureRows reads back the figures of one document from the catalog.
func figureRows(tb testing.TB, c *Corpus, id string) []schema.Figure {
	tb.Helper()
	hits, err := c.Figures(context.Background(), FigureFilter{Doc: id})
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]schema.Figure, len(hits))
	for i, h := range hits {
		out[i] = h.Figure
	}
	return out
}

func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	in := t.TempDir()
	docs := map[string]*schema.Document{
		"a.md": makeDoc("Huyện ủy Thạch Bàn", 2021, "a"),
		"b.md": makeDoc("Huyện ủy Thạch Bàn", 2022, "b"),
		"c.md": makeDoc("Huyện ủy Kim Sơn", 2022, "c"),
		"d.md": makeDoc("Huyện ủy Kim Sơn", 2023, "d"),
		"e.md": makeDoc("Huyện ủy Kim Sơn", 2024, "e"),
	}
	files := map[string][]byte{}
	for name, d := range docs {
		files[name] = mustJSON(t, d)
	}
	writeFiles(t, in, files)
	ix := newFakeIndex()
	c := mustOpen(t, ix)
	res, err := c.Ingest(ctx, []string{in}, IngestOptions{})
	if err != nil || len(res.Added) != 5 {
		t.Fatalf("ingest: %v, added %v, failed %+v", err, names(res.Added), res.Failed)
	}
	id := map[string]string{}
	want := map[string][]schema.Figure{}
	for _, r := range res.Added {
		name := filepath.Base(r.Path)
		id[name] = r.ID
		want[name] = figureRows(t, c, r.ID)
		if want[name][2].Period == nil || want[name][2].Subject == "" {
			t.Fatalf("%s: schema 2 fields not stored: %+v", name, want[name][2])
		}
	}
	// A correction made before the upgrade must survive it.
	kimSon := "Huyện ủy Kim Sơn"
	if _, err := c.SetMeta(ctx, id["a.md"], MetaOverride{Issuer: &kimSon}); err != nil {
		t.Fatal(err)
	}
	makeOld(t, c, id["a.md"], 1)
	makeOld(t, c, id["b.md"], 1)
	makeOld(t, c, id["c.md"], 0)
	makeOld(t, c, id["d.md"], 1)
	dInfo, err := c.Resolve(ctx, id["d.md"])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(c.OriginalPath(dInfo.Source.SHA256)); err != nil {
		t.Fatal(err)
	}
	if got := figureRows(t, c, id["a.md"])[2]; got.Period != nil || got.Estimate || got.Subject != "" {
		t.Fatalf("makeOld left the schema 2 columns: %+v", got)
	}
	if n, err := c.Outdated(ctx); err != nil || n != 4 {
		t.Fatalf("Outdated = %d, %v; want 4", n, err)
	}
	before, err := c.Documents(ctx, DocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	oldD := dumpDoc(t, c, id["d.md"])

	rec := &recorder{}
	up, err := c.Upgrade(ctx, UpgradeOptions{Progress: rec, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(up.Reextracted); !reflect.DeepEqual(got, []string{"a.md", "b.md"}) {
		t.Errorf("re-extracted %v, want a.md and b.md", got)
	}
	if got := names(up.Rebuilt); !reflect.DeepEqual(got, []string{"c.md"}) {
		t.Errorf("rebuilt %v, want c.md (current JSON, old catalog)", got)
	}
	if got := names(up.Failed); !reflect.DeepEqual(got, []string{"d.md"}) {
		t.Errorf("failed %v, want d.md (its original is gone)", got)
	} else {
		var xe *extract.Error
		if !errors.As(up.Failed[0].Err, &xe) || xe.File != "d.md" {
			t.Errorf("failure %v does not name the file", up.Failed[0].Err)
		}
	}
	if rec.total != 4 || len(rec.done) != 4 {
		t.Errorf("progress: total %d, %d done; want 4", rec.total, len(rec.done))
	}
	if up.IndexErr != nil {
		t.Errorf("IndexErr = %v", up.IndexErr)
	}

	for _, name := range []string{"a.md", "b.md", "c.md", "e.md"} {
		if got := figureRows(t, c, id[name]); !reflect.DeepEqual(got, want[name]) {
			t.Errorf("%s: figures after upgrade\n%+v\nwant\n%+v", name, got, want[name])
		}
		doc, err := c.loadExtracted(ctx, id[name])
		if err != nil || doc.SchemaVersion != schema.Version || doc.Figures[2].Period == nil {
			t.Errorf("%s: stored document %v, version %d", name, err, doc.SchemaVersion)
		}
	}
	if got := dumpDoc(t, c, id["d.md"]); got != oldD {
		t.Errorf("d.md, which could not be re-extracted, changed:\n%s", diffLines(oldD, got))
	}
	after, err := c.Documents(ctx, DocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := func(ds []DocInfo) map[string]DocInfo {
		m := map[string]DocInfo{}
		for _, d := range ds {
			m[d.ID] = d
		}
		return m
	}
	b, a := byID(before), byID(after)
	if len(a) != len(b) {
		t.Fatalf("%d documents after, %d before", len(a), len(b))
	}
	for k, d := range b {
		if a[k].Counts != d.Counts || !a[k].IngestedAt.Equal(d.IngestedAt) || a[k].Meta != d.Meta {
			t.Errorf("%s: before %+v\nafter %+v", d.Source.File, d, a[k])
		}
		if !a[k].Indexed {
			t.Errorf("%s: not indexed after the upgrade", d.Source.File)
		}
	}
	if a[id["a.md"]].Meta.Issuer != kimSon {
		t.Errorf("a.md: the correction was lost: issuer %q", a[id["a.md"]].Meta.Issuer)
	}
	if doc, _ := c.loadExtracted(ctx, id["a.md"]); doc.Meta.Issuer != "Huyện ủy Thạch Bàn" {
		t.Errorf("a.md: the stored Document should keep the extracted issuer, has %q", doc.Meta.Issuer)
	}
	if ids, _ := ix.DocIDs(); len(ids) != 5 {
		t.Errorf("index holds %v, want the 5 documents", ids)
	}
	if n, err := c.Outdated(ctx); err != nil || n != 1 {
		t.Errorf("Outdated after = %d, %v; want 1 (d.md)", n, err)
	}

	// Nothing left to do but d.md, which still fails.
	up, err = c.Upgrade(ctx, UpgradeOptions{})
	if err != nil || len(up.Reextracted)+len(up.Rebuilt) != 0 || len(up.Failed) != 1 {
		t.Errorf("second upgrade: %v, %+v", err, up)
	}
	// All extracts every document that has its original again.
	up, err = c.Upgrade(ctx, UpgradeOptions{All: true, NoIndex: true})
	if err != nil || len(up.Reextracted) != 4 || len(up.Failed) != 1 {
		t.Errorf("--all upgrade: %v, re-extracted %v, failed %v", err, names(up.Reextracted), names(up.Failed))
	}
	var unindexed int
	c.db.QueryRow(`SELECT count(*) FROM documents WHERE indexed = 0`).Scan(&unindexed)
	if unindexed != 4 {
		t.Errorf("NoIndex left %d documents for the index, want 4", unindexed)
	}
}

// dumpDoc prints every catalog row of one document.
func dumpDoc(tb testing.TB, c *Corpus, id string) string {
	tb.Helper()
	var lines []string
	for _, q := range []string{
		`SELECT * FROM documents WHERE id = ?`, `SELECT * FROM sections WHERE doc = ?`,
		`SELECT * FROM paragraphs WHERE doc = ?`, `SELECT * FROM footnotes WHERE doc = ?`,
		`SELECT * FROM figures WHERE doc = ?`, `SELECT * FROM refs WHERE doc = ?`,
	} {
		rows, err := c.db.Query(q, id)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := scanAny(tb, rows, len(cols))
			lines = append(lines, q+" "+sprintRow(vals))
		}
		rows.Close()
	}
	sort.Strings(lines)
	out := ""
	for _, l := range lines {
		out += l + "\n"
	}
	return out
}

func sprintRow(vals []any) string {
	for i, v := range vals {
		if b, ok := v.([]byte); ok {
			vals[i] = string(b)
		}
	}
	return fmt.Sprint(vals...)
}

func TestUpgradeExtractFailureKeepsRows(t *testing.T) {
	ctx := context.Background()
	c := mustOpen(t, nil)
	data := mustJSON(t, makeDoc("Huyện ủy Thạch Bàn", 2021, "a"))
	in := t.TempDir()
	writeFiles(t, in, map[string][]byte{"a.md": data})
	res, err := c.Ingest(ctx, []string{in}, IngestOptions{})
	if err != nil || len(res.Added) != 1 {
		t.Fatalf("ingest: %v %+v", err, res)
	}
	id := res.Added[0].ID
	makeOld(t, c, id, 1)
	// The extraction rules of this version cannot read the file any more.
	c.extractBytes = func(ctx context.Context, name string, data []byte, opts extract.Options) (*schema.Document, error) {
		return nil, &extract.Error{File: name, Err: errors.New("boom")}
	}
	before := dumpDoc(t, c, id)
	up, err := c.Upgrade(ctx, UpgradeOptions{})
	if err != nil || len(up.Failed) != 1 || up.Failed[0].Path != "a.md" {
		t.Fatalf("upgrade: %v, %+v", err, up)
	}
	if after := dumpDoc(t, c, id); after != before {
		t.Errorf("a failed re-extraction changed the catalog:\n%s", diffLines(before, after))
	}

	// An original replaced by other bytes is not taken for the document.
	info, err := c.Resolve(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(c.OriginalPath(info.Source.SHA256), []byte(`{"schema_version": 2}`), 0o644); err != nil {
		t.Fatal(err)
	}
	withJSONExtract()(c)
	up, err = c.Upgrade(ctx, UpgradeOptions{})
	if err != nil || len(up.Failed) != 1 || !errors.Is(up.Failed[0].Err, errOriginalChanged) {
		t.Fatalf("upgrade of a changed original: %v, %+v", err, up)
	}
	if after := dumpDoc(t, c, id); after != before {
		t.Errorf("a changed original changed the catalog:\n%s", diffLines(before, after))
	}
}

// TestUpgradeFromCatalogVersion1 opens a catalog that only had migration 1
// (the schema 2 columns and tables dropped again from a filled one): the
// documents are outdated until Upgrade, which rebuilds their rows from the
// current JSON without extracting anything.
func TestUpgradeFromCatalogVersion1(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ix := newFakeIndex()
	c := mustOpen(t, ix, dir)
	a := makeDoc("Huyện ủy Thạch Bàn", 2021, "a")
	b := makeDoc("Huyện ủy Thạch Bàn", 2022, "b")
	mustPut(t, c, a, b)
	want := figureRows(t, c, a.ID)
	if _, err := c.db.Exec(`DROP INDEX figures_period; DROP INDEX documents_doc_schema;
		ALTER TABLE figures DROP COLUMN period_start; ALTER TABLE figures DROP COLUMN period_end;
		ALTER TABLE figures DROP COLUMN estimate; ALTER TABLE figures DROP COLUMN compared_with;
		ALTER TABLE figures DROP COLUMN subject; ALTER TABLE figures DROP COLUMN subject_fold;
		ALTER TABLE documents DROP COLUMN doc_schema; DROP TABLE doc_overrides;
		DELETE FROM schema_version WHERE version = 2`); err != nil {
		t.Fatal(err)
	}
	c.Close()

	c = mustOpen(t, ix, dir)
	if v, err := c.SchemaVersion(); err != nil || v != 2 {
		t.Fatalf("SchemaVersion = %d, %v", v, err)
	}
	if n, err := c.Outdated(ctx); err != nil || n != 2 {
		t.Fatalf("Outdated = %d, %v; want 2", n, err)
	}
	if got := figureRows(t, c, a.ID); got[0].Period != nil {
		t.Fatalf("migrated rows have a period before the upgrade: %+v", got[0])
	}
	c.extractBytes = nil // nothing may be extracted: the JSON is current
	up, err := c.Upgrade(ctx, UpgradeOptions{})
	if err != nil || len(up.Rebuilt) != 2 || len(up.Reextracted)+len(up.Failed) != 0 {
		t.Fatalf("upgrade: %v, %+v", err, up)
	}
	if got := figureRows(t, c, a.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("figures after the upgrade\n%+v\nwant\n%+v", got, want)
	}
	if n, _ := c.Outdated(ctx); n != 0 {
		t.Errorf("Outdated after the upgrade = %d", n)
	}
}
