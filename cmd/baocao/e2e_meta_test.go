package main

import (
	"bytes"
	"compress/gzip"
	"database/sql"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/baocao/baocao/schema"
)

// makeCatalogOld rewrites the stored Document of each named file as a
// version-1 baocao stored it: schema_version 1, no period, estimate,
// compared_with or subject on its figures, and figure rows without them.
// It goes through SQLite directly, as an older binary would have left the
// catalog, and returns the documents' ids.
func makeCatalogOld(t *testing.T, corpusDir string, files ...string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(corpusDir, "catalog.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ids []string
	for _, file := range files {
		var id string
		var body []byte
		if err := db.QueryRow(`SELECT id, document FROM documents WHERE file = ?`, file).Scan(&id, &body); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		var doc schema.Document
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		doc.SchemaVersion = 1
		for i := range doc.Figures {
			f := &doc.Figures[i]
			f.Period, f.Estimate, f.ComparedWith, f.Subject = nil, false, "", ""
		}
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		if err := json.NewEncoder(zw).Encode(&doc); err != nil {
			t.Fatal(err)
		}
		zw.Close()
		if _, err := db.Exec(`UPDATE documents SET document = ?, doc_schema = 1 WHERE id = ?`, buf.Bytes(), id); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`UPDATE figures SET period_start = NULL, period_end = NULL, estimate = 0,
			compared_with = NULL, subject = '', subject_fold = '' WHERE doc = ?`, id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// listedDoc is what these tests read of `list --json`.
type listedDoc struct {
	ID     string `json:"id"`
	Source struct {
		File   string `json:"file"`
		SHA256 string `json:"sha256"`
	} `json:"source"`
	Meta   schema.Meta    `json:"meta"`
	Counts map[string]int `json:"counts"`
}

func listJSON(t *testing.T, bin, dir string) map[string]listedDoc {
	t.Helper()
	r := runCLI(t, bin, dir, "list", "--json")
	if r.code != 0 {
		t.Fatalf("list --json: exit %d\n%s", r.code, r.stderr)
	}
	var docs []listedDoc
	if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	m := map[string]listedDoc{}
	for _, d := range docs {
		m[d.Source.File] = d
	}
	return m
}

// figuresJSON is the figures of one document as `figures --json` prints them.
func figuresJSON(t *testing.T, bin, dir, doc string) []schema.Figure {
	t.Helper()
	r := runCLI(t, bin, dir, "figures", "--doc", doc, "--json")
	if r.code != 0 {
		t.Fatalf("figures --json: exit %d\n%s", r.code, r.stderr)
	}
	var figs []schema.Figure
	if err := json.Unmarshal([]byte(r.stdout), &figs); err != nil {
		t.Fatal(err)
	}
	return figs
}

func mustContain(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

// TestE2EMetaAndReindex runs the built binary through corrections of
// metadata, a corpus whose stored documents are of schema version 1, and
// the reindex that extracts them again.
func TestE2EMetaAndReindex(t *testing.T) {
	bin := buildCorpusCLI(t)
	dir := filepath.Join(t.TempDir(), "corpus")
	reports := writeSampleReports(t)
	const f21, f22, f23 = "thachban-2021.export.md", "thachban-2022.export.md", "thachban-2023.export.md"

	// ingest with corrections, then the rest of the folder: the file
	// already in the corpus keeps them.
	r := runCLI(t, bin, dir, "ingest", filepath.Join(reports, f21), "--issuer", "Huyện ủy Sửa Tay", "--year", "2019")
	if r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	mustContain(t, "ingest stderr", r.stderr, "Huyện ủy Sửa Tay 2019")
	r = runCLI(t, bin, dir, "ingest", reports)
	if r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	mustContain(t, "ingest stdout", r.stdout, "ingested 3, skipped 1")
	docs := listJSON(t, bin, dir)
	if m := docs[f21].Meta; m.Issuer != "Huyện ủy Sửa Tay" || m.ReportYear != 2019 {
		t.Errorf("%s after ingest --issuer --year: %+v", f21, m)
	}

	// meta set: the catalog, show --json and the search index see it.
	r = runCLI(t, bin, dir, "meta", "set", f22, "--year", "2030", "--json")
	if r.code != 0 {
		t.Fatalf("meta set: exit %d\n%s", r.code, r.stderr)
	}
	var set struct {
		Meta      schema.Meta `json:"meta"`
		Extracted schema.Meta `json:"extracted"`
		Override  struct {
			ReportYear *int `json:"report_year"`
		} `json:"override"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &set); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if set.Meta.ReportYear != 2030 || set.Extracted.ReportYear != 2022 || set.Override.ReportYear == nil {
		t.Errorf("meta set --json = %+v", set)
	}
	r = runCLI(t, bin, dir, "list", "--year", "2030")
	mustContain(t, "list --year 2030", r.stdout, f22)
	r = runCLI(t, bin, dir, "show", f22, "--json")
	mustContain(t, "show --json", r.stdout, `"report_year": 2030`)
	r = runCLI(t, bin, dir, "search", "đảng viên", "--year", "2030", "--json")
	var found struct {
		Total int `json:"total"`
		Hits  []struct {
			File string `json:"file"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &found); err != nil || found.Total == 0 {
		t.Fatalf("search --year 2030: %v, %s %s", err, r.stdout, r.stderr)
	}
	for _, h := range found.Hits {
		if h.File != f22 {
			t.Errorf("search --year 2030 found %s", h.File)
		}
	}
	r = runCLI(t, bin, dir, "meta", "list")
	mustContain(t, "meta list", r.stdout, f21, `issuer "Huyện ủy Sửa Tay"`, "year 2019", f22, "year 2030")
	r = runCLI(t, bin, dir, "meta", "set", "nothing-like-it", "--year", "2020")
	if r.code != 2 || !strings.Contains(r.stderr, "no document") {
		t.Errorf("meta set of an unknown document: exit %d, %s", r.code, r.stderr)
	}

	// A corpus written by a version-1 baocao: two stored documents of
	// schema 1, and the original of one of them gone.
	before := listJSON(t, bin, dir)
	wantFigs := figuresJSON(t, bin, dir, f21)
	hasPeriod := func(figs []schema.Figure) bool {
		for _, f := range figs {
			if f.Period != nil {
				return true
			}
		}
		return false
	}
	if !hasPeriod(wantFigs) {
		t.Fatalf("no figure of %s has a period: nothing to test", f21)
	}
	makeCatalogOld(t, dir, f21, f22)
	if hasPeriod(figuresJSON(t, bin, dir, f21)) {
		t.Fatal("the old catalog still has periods")
	}
	r = runCLI(t, bin, dir, "list")
	mustContain(t, "list stderr", r.stderr, "note: 2 reports were stored by an older baocao", "run 'baocao reindex'")
	if n := strings.Count(r.stderr, "\n"); n != 1 {
		t.Errorf("the hint is %d lines:\n%s", n, r.stderr)
	}
	r = runCLI(t, bin, dir, "search", "đảng viên")
	mustContain(t, "search stderr", r.stderr, "run 'baocao reindex'")

	r = runCLI(t, bin, dir, "reindex")
	if r.code != 0 {
		t.Fatalf("reindex: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	mustContain(t, "reindex stdout", r.stdout, "re-extracted 2 reports from their originals", "indexed 4 reports")
	mustContain(t, "reindex stderr", r.stderr, "re-extracted "+f21, "re-extracted "+f22)
	if got := figuresJSON(t, bin, dir, f21); !reflect.DeepEqual(got, wantFigs) {
		t.Errorf("figures of %s after reindex differ from those before", f21)
	}
	after := listJSON(t, bin, dir)
	if len(after) != len(before) {
		t.Fatalf("%d documents after reindex, %d before", len(after), len(before))
	}
	for file, d := range before {
		if a := after[file]; !reflect.DeepEqual(a.Counts, d.Counts) || a.Meta != d.Meta || a.ID != d.ID {
			t.Errorf("%s: before %+v\nafter  %+v", file, d, a)
		}
	}
	if m := after[f22].Meta; m.ReportYear != 2030 {
		t.Errorf("the correction of %s did not survive reindex: %+v", f22, m)
	}
	r = runCLI(t, bin, dir, "list")
	if strings.Contains(r.stderr, "reindex") {
		t.Errorf("list still hints at reindex:\n%s", r.stderr)
	}
	r = runCLI(t, bin, dir, "reindex", "--json")
	var rj struct {
		Reextracted []any `json:"reextracted"`
		Indexed     int   `json:"indexed"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rj); err != nil || len(rj.Reextracted) != 0 || rj.Indexed != 4 {
		t.Errorf("reindex --json with nothing old: %v %s", err, r.stdout)
	}

	// A report whose original is gone keeps its rows, named on stderr.
	ids := makeCatalogOld(t, dir, f23)
	if err := os.Remove(filepath.Join(dir, "files", after[f23].Source.SHA256)); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, bin, dir, "reindex")
	if r.code != 1 {
		t.Errorf("reindex with a lost original: exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	mustContain(t, "reindex stdout", r.stdout, "1 could not be and keep their old rows", "indexed 4 reports")
	mustContain(t, "reindex stderr", r.stderr, "failed: "+f23+" ("+ids[0]+"): original: ", "its old rows are kept")
	if got := listJSON(t, bin, dir); !reflect.DeepEqual(got[f23].Counts, before[f23].Counts) {
		t.Errorf("%s lost rows: %+v", f23, got[f23])
	}
	r = runCLI(t, bin, dir, "list")
	mustContain(t, "list stderr", r.stderr, "note: 1 report was stored by an older baocao")

	// meta unset goes back to what extraction read.
	r = runCLI(t, bin, dir, "meta", "unset", f22)
	if r.code != 0 {
		t.Fatalf("meta unset: exit %d\n%s", r.code, r.stderr)
	}
	mustContain(t, "meta unset", r.stdout, "report year 2022", "as extracted")
	if m := listJSON(t, bin, dir)[f22].Meta; m.ReportYear != 2022 {
		t.Errorf("after meta unset: %+v", m)
	}
}
