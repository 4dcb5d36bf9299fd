package corpus

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/schema"
)

func ptr[T any](v T) *T { return &v }

func TestSetMeta(t *testing.T) {
	ctx := context.Background()
	ix := newFakeIndex()
	c := mustOpen(t, ix)
	a := makeDoc("Huyện ủy Thạch Bàn", 2021, "a")
	mustPut(t, c, a)

	// Typed in NFD with a doubled space: stored as the catalog compares.
	res, err := c.SetMeta(ctx, a.Source.File, MetaOverride{
		Issuer: ptr(norm.NFD.String("Đảng ủy  Khối Cơ quan")), ReportYear: ptr(2030)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Doc.Meta.Issuer != "Đảng ủy Khối Cơ quan" || res.Doc.Meta.ReportYear != 2030 || res.IndexErr != nil {
		t.Errorf("SetMeta = %+v", res)
	}
	if res.Extracted.Issuer != a.Meta.Issuer {
		t.Errorf("Extracted = %+v, want the extracted meta", res.Extracted)
	}
	docs, err := c.Documents(ctx, DocFilter{Issuer: "dang uy khoi", Year: 2030})
	if err != nil || len(docs) != 1 || docs[0].ID != a.ID || !docs[0].Indexed {
		t.Fatalf("Documents by the corrected issuer and year = %+v, %v", docs, err)
	}
	if docs, _ := c.Documents(ctx, DocFilter{Year: 2021}); len(docs) != 0 {
		t.Errorf("the extracted year still finds the document: %+v", docs)
	}
	doc, err := c.Document(ctx, a.ID)
	if err != nil || doc.Meta.Issuer != "Đảng ủy Khối Cơ quan" || doc.Meta.ReportYear != 2030 || doc.Meta.Title != a.Meta.Title {
		t.Errorf("Document meta = %+v, %v", doc.Meta, err)
	}
	figs, _ := c.Figures(ctx, FigureFilter{Doc: a.ID})
	if len(figs) == 0 || figs[0].DocumentIssuer != "Đảng ủy Khối Cơ quan" || figs[0].ReportYear != 2030 {
		t.Errorf("figures do not carry the corrected document: %+v", figs)
	}
	if ids, _ := ix.DocIDs(); len(ids) != 1 {
		t.Errorf("index holds %v", ids)
	}

	// A second correction adds to the first.
	if _, err := c.SetMeta(ctx, a.ID, MetaOverride{DocType: ptr("Nghị quyết")}); err != nil {
		t.Fatal(err)
	}
	ovs, err := c.Overrides(ctx)
	if err != nil || len(ovs) != 1 {
		t.Fatalf("Overrides = %+v, %v", ovs, err)
	}
	if o := ovs[0].Override; o.Issuer == nil || *o.ReportYear != 2030 || *o.DocType != "Nghị quyết" || ovs[0].File != a.Source.File {
		t.Errorf("override = %+v", ovs[0])
	}

	res, err = c.ClearMeta(ctx, a.ID, MetaFields{Issuer: true})
	if err != nil || res.Doc.Meta.Issuer != a.Meta.Issuer || res.Doc.Meta.ReportYear != 2030 || res.Override.Issuer != nil {
		t.Errorf("ClearMeta(issuer) = %+v, %v", res, err)
	}
	res, err = c.ClearMeta(ctx, a.ID, MetaFields{})
	if err != nil || res.Doc.Meta != a.Meta || !res.Override.IsZero() {
		t.Errorf("ClearMeta(all) = %+v, %v", res, err)
	}
	if ovs, _ := c.Overrides(ctx); len(ovs) != 0 {
		t.Errorf("Overrides after clearing = %+v", ovs)
	}
	if _, err := c.SetMeta(ctx, "nope", MetaOverride{ReportYear: ptr(1)}); err == nil {
		t.Error("SetMeta of an unknown document: no error")
	}
}

func TestIngestMeta(t *testing.T) {
	ctx := context.Background()
	in := t.TempDir()
	writeFiles(t, in, map[string][]byte{
		"a.md": mustJSON(t, makeDoc("", 0, "a")),
		"b.md": mustJSON(t, makeDoc("Huyện ủy Thạch Bàn", 2022, "b")),
	})
	c := mustOpen(t, nil)
	res, err := c.Ingest(ctx, []string{filepath.Join(in, "a.md")}, IngestOptions{
		Meta: MetaOverride{Issuer: ptr("Huyện ủy Kim Sơn"), ReportYear: ptr(2020)}})
	if err != nil || len(res.Added) != 1 {
		t.Fatalf("ingest: %v, %+v", err, res)
	}
	r := res.Added[0]
	if !r.MetaSet || r.Doc.Meta.Issuer != "Huyện ủy Kim Sơn" || r.Doc.Meta.ReportYear != 2020 {
		t.Errorf("added %+v, meta %+v", r, r.Doc.Meta)
	}
	if docs, _ := c.Documents(ctx, DocFilter{Issuer: "Kim Sơn", Year: 2020}); len(docs) != 1 {
		t.Errorf("the corrected document is not found by its issuer and year: %+v", docs)
	}
	if doc, _ := c.loadExtracted(ctx, r.ID); doc.Meta.Issuer != "" {
		t.Errorf("the stored Document should keep what extraction read, has %q", doc.Meta.Issuer)
	}

	// Ingesting the same file again with another correction: skipped, and
	// the correction is merged into the recorded one.
	res, err = c.Ingest(ctx, []string{in}, IngestOptions{Meta: MetaOverride{DocType: ptr("Kế hoạch")}})
	if err != nil || len(res.Skipped) != 1 || len(res.Added) != 1 {
		t.Fatalf("re-ingest: %v, added %v, skipped %v", err, names(res.Added), names(res.Skipped))
	}
	s := res.Skipped[0]
	if !s.MetaSet || s.Doc == nil || s.Doc.Meta.Issuer != "Huyện ủy Kim Sơn" || s.Doc.Meta.DocType != "Kế hoạch" {
		t.Errorf("skipped %+v", s)
	}
	if b := res.Added[0]; b.Doc.Meta.Issuer != "Huyện ủy Thạch Bàn" || b.Doc.Meta.DocType != "Kế hoạch" || b.Doc.Meta.ReportYear != 2022 {
		t.Errorf("b.md meta %+v", b.Doc.Meta)
	}
	// Without a correction, a re-ingest keeps the recorded ones.
	res, err = c.Ingest(ctx, []string{in}, IngestOptions{})
	if err != nil || len(res.Skipped) != 2 || res.Skipped[0].MetaSet {
		t.Fatalf("plain re-ingest: %v, %+v", err, res)
	}
	doc, err := c.Document(ctx, r.ID)
	if err != nil || doc.Meta.Issuer != "Huyện ủy Kim Sơn" || doc.Meta.ReportYear != 2020 || doc.Meta.DocType != "Kế hoạch" {
		t.Errorf("after re-ingest: %+v, %v", doc.Meta, err)
	}
}

func TestFiguresPeriodSubject(t *testing.T) {
	ctx := context.Background()
	c := mustOpen(t, nil)
	a := makeDoc("Huyện ủy Thạch Bàn", 2021, "a")
	b := makeDoc("Huyện ủy Thạch Bàn", 2022, "b")
	a.Figures[1].Period = nil
	mustPut(t, c, a, b)
	tests := []struct {
		name   string
		filter FigureFilter
		want   int
	}{
		{"subject folded", FigureFilter{Subject: "CAP CO SO"}, 2},
		{"subject part", FigureFilter{Subject: "cơ sở", Year: 2022}, 1},
		{"subject nobody has", FigureFilter{Subject: "cấp huyện"}, 0},
		{"within a year", FigureFilter{Within: &schema.Period{Start: "2022-01-01", End: "2022-12-31"}}, 3},
		{"within a half year", FigureFilter{Within: &schema.Period{Start: "2021-01-01", End: "2021-06-30"}}, 1},
		{"open end", FigureFilter{Within: &schema.Period{Start: "2021-07-01"}}, 3},
		{"open start", FigureFilter{Within: &schema.Period{End: "2021-12-31"}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Figures(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("Figures(%+v) = %d, want %d", tt.filter, len(got), tt.want)
			}
		})
	}
	got, _ := c.Figures(ctx, FigureFilter{Doc: a.ID})
	if got[1].Period != nil || got[1].ComparedWith != schema.ComparedPlan || !got[2].Estimate {
		t.Errorf("figures of a: %+v", got)
	}
	var plan string
	if err := c.db.QueryRow(`EXPLAIN QUERY PLAN SELECT 1 FROM figures x WHERE x.period_start >= '2021-01-01' AND x.period_end <= '2021-12-31'`).Scan(new(int), new(int), new(int), &plan); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan, "figures_period") {
		t.Errorf("a period query does not use the index: %s", plan)
	}
}
