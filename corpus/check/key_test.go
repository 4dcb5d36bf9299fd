package check_test

import (
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/check"
	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// keyEntry is one passage of KEY.json: an inconsistency, a trap or a
// consistent check.
type keyEntry struct {
	ID       string `json:"id"`
	File     string `json:"file"`
	Kind     string `json:"kind"`
	Quote    string `json:"quote"`
	QuoteEnd string `json:"quote_end"`
	Related  []struct {
		File  string `json:"file"`
		Quote string `json:"quote"`
	} `json:"related"`
}

type key struct {
	Inconsistencies  []keyEntry `json:"inconsistencies"`
	Traps            []keyEntry `json:"traps"`
	ConsistentChecks []keyEntry `json:"consistent_checks"`
}

// sampleDocs extracts the four Thạch Bàn reports, by file name.
func sampleDocs(tb testing.TB) map[string]*schema.Document {
	tb.Helper()
	docs := map[string]*schema.Document{}
	for _, name := range sample.Names() {
		data, err := fs.ReadFile(sample.FS(), name)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := extract.Bytes(context.Background(), name, data, extract.Options{NoOCR: true})
		if err != nil {
			tb.Fatalf("extract %s: %v", name, err)
		}
		docs[name] = doc
	}
	return docs
}

func allDocs(docs map[string]*schema.Document) []*schema.Document {
	out := make([]*schema.Document, 0, len(docs))
	for _, d := range docs {
		out = append(out, d)
	}
	return out
}

var keyMarkup = regexp.MustCompile(`\*\*|<sup>[^<]*</sup>`)

// clean puts a quote in the form both sides share: NFC, no markup, no
// single '*', single spaces.
func clean(s string) string {
	s = keyMarkup.ReplaceAllString(vntext.NFC(s), "")
	s = strings.ReplaceAll(s, "*", "")
	return vntext.SquashSpace(s)
}

// overlaps reports whether two quotes share a stretch long enough to name
// one passage: 20 runes, or the whole of the shorter one.
func overlaps(a, b string) bool {
	ra, rb := []rune(clean(a)), []rune(clean(b))
	if len(ra) == 0 || len(rb) == 0 {
		return false
	}
	need := min(20, len(ra), len(rb))
	// Longest common substring, one row at a time.
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			if ra[i-1] == rb[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] >= need {
					return true
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return false
}

// quotesOf lists what a finding quotes: its own quote and the other sides.
func quotesOf(f schema.Finding) []string {
	q := []string{f.Quote}
	for _, r := range f.Related {
		q = append(q, r.Quote)
	}
	return q
}

func entryQuotes(e keyEntry) []string {
	q := []string{e.Quote}
	if e.QuoteEnd != "" {
		q = append(q, e.QuoteEnd)
	}
	for _, r := range e.Related {
		if r.File == "" || r.File == e.File {
			q = append(q, r.Quote)
		}
	}
	return q
}

func matches(f schema.Finding, e keyEntry) bool {
	for _, a := range quotesOf(f) {
		for _, b := range entryQuotes(e) {
			if overlaps(a, b) {
				return true
			}
		}
	}
	return false
}

// TestKey checks the four Thạch Bàn reports, each against the others of its
// issuer, and compares with KEY.json: every planted inconsistency must be
// found by its rule, and no finding may fall on a trap, on a consistent
// check, or anywhere else (the key says all other arithmetic holds).
func TestKey(t *testing.T) {
	b, err := os.ReadFile(sample.RepoFile("testdata/corpus/KEY.json"))
	if err != nil {
		t.Fatalf("KEY.json: %v", err)
	}
	var k key
	if err := json.Unmarshal(b, &k); err != nil {
		t.Fatal(err)
	}
	docs := sampleDocs(t)
	all := allDocs(docs)
	findings := map[string][]schema.Finding{}
	for name, d := range docs {
		findings[name] = check.Document(d, all, check.Options{})
	}
	found := map[string]bool{}
	for _, e := range k.Inconsistencies {
		for _, f := range findings[e.File] {
			if f.Rule == e.Kind && matches(f, e) {
				found[e.ID] = true
			}
		}
		if !found[e.ID] {
			t.Errorf("missed %s (%s) in %s: %q", e.ID, e.Kind, e.File, e.Quote)
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range findings {
			if !yield(n) {
				return
			}
		}
	})
	for _, name := range names {
	next:
		for _, f := range findings[name] {
			for _, e := range k.Inconsistencies {
				if e.File == name && f.Rule == e.Kind && matches(f, e) {
					continue next
				}
			}
			on := "no key entry"
			for _, e := range append(slices.Clone(k.Traps), k.ConsistentChecks...) {
				if e.File == name && matches(f, e) {
					on = "key entry " + strings.TrimSpace(e.Quote)
					break
				}
			}
			t.Errorf("false alarm in %s (%s): %s %s: %s | %q", name, on, f.Rule, f.Severity, f.Message, f.Quote)
		}
	}
	t.Logf("found %d/%d planted inconsistencies", len(found), len(k.Inconsistencies))
}

// TestSeed pins what a careful reader finds in the real seed report: the
// second "II." in Phần thứ nhất, one population of collectives given as
// 30/148 and 118/153 (30 + 118 = 148), and 201 models broken down as
// 111 + 84 = 195 with the last part "các lĩnh vực khác". The findings are
// kept in testdata/seed.golden.json (refresh with -update, review the diff).
func TestSeed(t *testing.T) {
	path, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md")
	if !ok {
		t.Skip("../shared not found: seed report unavailable")
	}
	doc, err := extract.File(context.Background(), path, extract.Options{NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	got := check.Document(doc, nil, check.Options{})
	for _, w := range []struct{ rule, arithmetic, quote string }{
		{check.RuleNumbering, "", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"},
		{check.RuleDenominator, "30 + 118 = 148", "118/153"},
		{check.RuleSum, "111 + 84 = 195, not 201", "201 mô hình"},
	} {
		if !slices.ContainsFunc(got, func(f schema.Finding) bool {
			return f.Rule == w.rule && f.Severity == schema.SeverityError &&
				strings.Contains(f.Arithmetic, w.arithmetic) && strings.Contains(f.Quote, w.quote)
		}) {
			t.Errorf("seed: no %s error with %q quoting %q", w.rule, w.arithmetic, w.quote)
		}
	}
	golden := filepath.Join("testdata", "seed.golden.json")
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != string(b) {
		t.Errorf("seed findings differ from %s (run with -update and review the diff):\n%s", golden, b)
	}
}
