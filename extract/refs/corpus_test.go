package refs_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/refs"
	"github.com/baocao/baocao/schema"
)

// keyRef is one entry of KEY.json "references": a distinct raw citation of
// a file and how often it occurs.
type keyRef struct {
	File   string  `json:"file"`
	Raw    string  `json:"raw"`
	ID     string  `json:"id"`
	Type   string  `json:"type"`
	Date   *string `json:"date"`
	Issuer string  `json:"issuer"`
	Count  int     `json:"count"`
}

func loadKey(tb testing.TB) []keyRef {
	tb.Helper()
	data, err := os.ReadFile(sample.RepoFile("testdata/corpus/KEY.json"))
	if err != nil {
		tb.Fatalf("read key: %v", err)
	}
	var key struct {
		References []keyRef `json:"references"`
	}
	if err := json.Unmarshal(data, &key); err != nil {
		tb.Fatalf("parse key: %v", err)
	}
	return key.References
}

// readSample extracts a sample report with the whole pipeline, so that
// paragraphs are joined across page breaks and footnotes are linked as in
// production.
func readSample(tb testing.TB, name string) *schema.Document {
	tb.Helper()
	data, err := fs.ReadFile(sample.FS(), name)
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := extract.Bytes(context.Background(), name, data, extract.Options{})
	if err != nil {
		tb.Fatalf("extract: %v", err)
	}
	return doc
}

// TestKeyReferences checks every citation of KEY.json: each raw form is
// found as often as the key says, with its id, type and date, and nothing
// else is found.
func TestKeyReferences(t *testing.T) {
	key := loadKey(t)
	byFile := map[string][]keyRef{}
	for _, k := range key {
		byFile[k.File] = append(byFile[k.File], k)
	}
	found, expected := 0, 0
	for _, name := range sample.Names() {
		t.Run(name, func(t *testing.T) {
			doc := readSample(t, name)
			got := refs.Find(doc)
			used := make([]bool, len(got))
			want := 0
			for _, k := range byFile[name] {
				want += k.Count
				expected += k.Count
				n := 0
				for i, r := range got {
					if used[i] || r.Raw != k.Raw {
						continue
					}
					date := ""
					if k.Date != nil {
						date = *k.Date
					}
					if r.ID != k.ID || string(r.Date) != date || r.Type != k.Type {
						t.Errorf("%q: got id %q type %q date %q, want %q %q %q", k.Raw, r.ID, r.Type, r.Date, k.ID, k.Type, date)
						continue
					}
					if r.Issuer != "" && !strings.HasPrefix(string(r.Issuer), k.Issuer) {
						t.Errorf("%q: issuer %q, key says %q", k.Raw, r.Issuer, k.Issuer)
					}
					used[i] = true
					n++
				}
				found += min(n, k.Count)
				if n != k.Count {
					t.Errorf("%q found %d times, want %d", k.Raw, n, k.Count)
				}
			}
			for i, r := range got {
				if !used[i] {
					t.Errorf("citation not in the key: %q (id %q, paragraph %q, footnote %d)", r.Raw, r.ID, r.Paragraph, r.Footnote)
				}
			}
			if len(got) != want {
				t.Errorf("found %d citations, key has %d", len(got), want)
			}
		})
	}
	t.Logf("KEY.json references: %d/%d found", found, expected)
}

// TestGoldReferences checks the hand annotation of thachban-2022: every
// gold citation with its raw text, id and date, and no other.
func TestGoldReferences(t *testing.T) {
	data, err := os.ReadFile(sample.RepoFile("testdata/gold/thachban-2022.json"))
	if err != nil {
		t.Fatalf("read gold: %v", err)
	}
	var gold struct {
		References []struct {
			Raw      string  `json:"raw"`
			ID       string  `json:"id"`
			Date     *string `json:"date"`
			Footnote *int    `json:"footnote"`
			Section  string  `json:"section"`
		} `json:"references"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	got := refs.Find(readSample(t, "thachban-2022.export.md"))
	used := make([]bool, len(got))
	dates := 0
	for _, g := range gold.References {
		ok := false
		for i, r := range got {
			if used[i] || r.ID != g.ID || r.Raw != g.Raw {
				continue
			}
			used[i], ok = true, true
			if r.SectionPath != g.Section {
				t.Errorf("%q: section %q, want %q", g.Raw, r.SectionPath, g.Section)
			}
			if (g.Date == nil && r.Date == "") || (g.Date != nil && string(r.Date) == *g.Date) {
				dates++
			} else {
				t.Errorf("%q: date %q", g.Raw, r.Date)
			}
			break
		}
		if !ok {
			t.Errorf("missed %q", g.Raw)
		}
	}
	for i, r := range got {
		if !used[i] {
			t.Errorf("extra %q", r.Raw)
		}
	}
	t.Logf("gold references: %d found, %d predicted, %d gold, dates %d", len(gold.References)-countFalse(used), len(got), len(gold.References), dates)
}

func countFalse(b []bool) int {
	n := 0
	for _, v := range b {
		if !v {
			n++
		}
	}
	return n
}

func BenchmarkFind(b *testing.B) {
	var docs []*schema.Document
	size := 0
	for _, name := range sample.Names() {
		d := readSample(b, name)
		docs = append(docs, d)
		for _, p := range d.Paragraphs {
			size += len(p.Text)
		}
		for _, f := range d.Footnotes {
			size += len(f.Text)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			refs.Find(d)
		}
	}
}

// TestSeedReport runs on a real report that the rules were not written
// for: every citation must be well formed, and the report's own number
// must not be among them. With -v it lists what was found, for review.
func TestSeedReport(t *testing.T) {
	path, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md")
	if !ok {
		t.Skip("../shared not found: seed report unavailable")
	}
	doc, err := extract.File(context.Background(), path, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := refs.Find(doc)
	if len(got) == 0 {
		t.Fatal("no citations found in the seed report")
	}
	for _, r := range got {
		t.Logf("%-18s %-12s %-10s %-28s | %s", r.ID, r.Type, r.Date, r.Issuer, r.Raw)
		if r.Type == "" || r.Number == "" || r.Symbol == "" {
			t.Errorf("incomplete citation %+v", r)
		}
		if strings.EqualFold(strings.ReplaceAll(doc.Meta.Number, " ", ""), r.ID) {
			t.Errorf("the report's own number %q taken for a citation", r.ID)
		}
	}
}
