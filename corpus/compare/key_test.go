package compare

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// key is the part of testdata/corpus/KEY.json this package is judged on.
type key struct {
	YoY []struct {
		Metric string             `json:"metric"`
		Values map[string]float64 `json:"values"`
	} `json:"yoy"`
	Targets []struct {
		Metric         string   `json:"metric"`
		SetIn          int      `json:"set_in"`
		ForYear        int      `json:"for_year"`
		Target         any      `json:"target"`
		ReportedActual *float64 `json:"reported_actual"`
		FileTarget     string   `json:"file_target"`
		QuoteTarget    string   `json:"quote_target"`
	} `json:"targets"`
}

func loadKey(t testing.TB) *key {
	t.Helper()
	b, err := os.ReadFile(sample.RepoFile("testdata/corpus/KEY.json"))
	if err != nil {
		t.Fatal(err)
	}
	var k key
	if err := json.Unmarshal(b, &k); err != nil {
		t.Fatal(err)
	}
	return &k
}

func extractSample(t testing.TB, names ...string) []*schema.Document {
	t.Helper()
	var docs []*schema.Document
	for _, n := range names {
		b, err := fs.ReadFile(sample.FS(), n)
		if err != nil {
			t.Fatal(err)
		}
		d, err := extract.Bytes(context.Background(), n, b, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

var partyReports = []string{"thachban-2021.export.md", "thachban-2022.export.md", "thachban-2023.export.md"}

// TestKeyYoY: each KEY.json yoy metric must come out as one row holding its
// value for every year.
func TestKeyYoY(t *testing.T) {
	k := loadKey(t)
	tab := Build(extractSample(t, partyReports...), Options{})
	found := 0
	for _, m := range k.YoY {
		ok := false
		for _, r := range tab.Rows {
			match := true
			for y, v := range m.Values {
				if c := r.Values[y]; c == nil || math.Abs(c.Value-v) > 1e-9 {
					match = false
					break
				}
			}
			if match {
				ok = true
				break
			}
		}
		if ok {
			found++
		} else {
			t.Logf("no row for %q %v", m.Metric, m.Values)
		}
	}
	t.Logf("%d of %d KEY.json metrics in one row with every year right (%d rows)", found, len(k.YoY), len(tab.Rows))
	// The issue asks for 11; the aligner reaches every metric of the key.
	if found < len(k.YoY) {
		t.Errorf("only %d of %d metrics aligned, want all", found, len(k.YoY))
	}
}

// TestKeyTargets: every KEY.json target set in the corpus is found, and the
// ones with a reported result are paired with it; a target that is missing
// or paired with another figure fails the test.
func TestKeyTargets(t *testing.T) {
	k := loadKey(t)
	docs := extractSample(t, append(partyReports, "thachban-ubnd-2023.export.md")...)
	var party, ubnd []*schema.Document
	for _, d := range docs {
		if d.Source.File == "thachban-ubnd-2023.export.md" {
			ubnd = append(ubnd, d)
		} else {
			party = append(party, d)
		}
	}
	tabs := map[string]*Table{"party": Build(party, Options{}), "ubnd": Build(ubnd, Options{})}
	paired, found := 0, 0
	for _, kt := range k.Targets {
		tab := tabs["party"]
		if kt.FileTarget == "thachban-ubnd-2023.export.md" {
			tab = tabs["ubnd"]
		}
		low := targetLow(kt.Target)
		var hit *Target
		for i := range tab.Targets {
			tt := &tab.Targets[i]
			if tt.SetIn == kt.SetIn && math.Abs(tt.Target-low) < 1e-6 {
				if kt.ReportedActual == nil || (tt.Actual != nil && math.Abs(*tt.Actual-*kt.ReportedActual) < 1e-6) {
					hit = tt
					break
				}
				if hit == nil {
					hit = tt
				}
			}
		}
		switch {
		case hit == nil:
			t.Errorf("target not found: %s %d→%d %v (%q)", kt.Metric, kt.SetIn, kt.ForYear, kt.Target, kt.QuoteTarget)
		case kt.ReportedActual != nil && (hit.Actual == nil || math.Abs(*hit.Actual-*kt.ReportedActual) > 1e-6):
			found++
			got := "nothing"
			if hit.Actual != nil {
				got = strconv.FormatFloat(*hit.Actual, 'g', -1, 64) + fmt.Sprintf(" (%q)", hit.ActualQuote)
			}
			t.Errorf("target %s %d→%d %v paired with %s, want %v", kt.Metric, kt.SetIn, kt.ForYear, kt.Target, got, *kt.ReportedActual)
		default:
			found++
			if kt.ReportedActual != nil {
				paired++
			}
		}
	}
	t.Logf("targets found %d/%d, paired with the right result %d", found, len(k.Targets), paired)
}

func targetLow(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case []any:
		if len(x) > 0 {
			if f, ok := x[0].(float64); ok {
				return f
			}
		}
	}
	return math.NaN()
}
