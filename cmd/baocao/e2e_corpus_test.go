package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"github.com/baocao/baocao/schema"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
)

var corpusCLI struct {
	once sync.Once
	path string
	err  error
}

// buildCorpusCLI builds the baocao binary once for the end-to-end tests.
func buildCorpusCLI(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end: builds the binary")
	}
	corpusCLI.once.Do(func() {
		dir, err := os.MkdirTemp("", "baocao-e2e-")
		if err != nil {
			corpusCLI.err = err
			return
		}
		corpusCLI.path = filepath.Join(dir, "baocao")
		out, err := exec.Command("go", "build", "-o", corpusCLI.path, ".").CombinedOutput()
		if err != nil {
			corpusCLI.err = errors.New(string(out))
		}
	})
	if corpusCLI.err != nil {
		t.Fatalf("go build: %v", corpusCLI.err)
	}
	return corpusCLI.path
}

// cliResult is one run of the binary.
type cliResult struct {
	stdout, stderr string
	code           int
}

func runCLI(t *testing.T, bin, corpusDir string, args ...string) cliResult {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--corpus", corpusDir}, args...)...)
	cmd.Env = append(os.Environ(), "BAOCAO_CORPUS=")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return cliResult{stdout: out.String(), stderr: errOut.String(), code: code}
}

// writeSampleReports writes the bundled sample reports into a new folder.
func writeSampleReports(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range sample.Names() {
		b, err := fs.ReadFile(sample.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestE2ECorpus(t *testing.T) {
	bin := buildCorpusCLI(t)
	dir := filepath.Join(t.TempDir(), "corpus")
	reports := writeSampleReports(t)

	// Each step runs on the corpus the steps before it left.
	steps := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings
		stderr   []string
		noStdout bool
	}{
		{name: "list without a corpus", args: []string{"list"}, code: 2,
			stderr: []string{"no corpus at " + dir, "baocao ingest"}, noStdout: true},
		{name: "figures without a corpus", args: []string{"figures"}, code: 2, stderr: []string{"no corpus at"}},
		{name: "ingest the samples", args: []string{"ingest", reports}, code: 0,
			stdout: []string{"ingested 4, skipped 0 (already in corpus), failed 0"},
			stderr: []string{"added " + filepath.Join(reports, "thachban-2022.export.md")}},
		{name: "ingest again skips", args: []string{"ingest", reports}, code: 0,
			stdout: []string{"ingested 0, skipped 4 (already in corpus), failed 0"}},
		{name: "list piped is tab-separated", args: []string{"list"}, code: 0,
			stdout: []string{"ID\tISSUER\tYEAR\tTITLE\tFIGURES\tCITATIONS\tFILE\n", "\tHuyện ủy Thạch Bàn\t2022\t", "thachban-ubnd-2023.export.md"}},
		{name: "list by issuer without diacritics", args: []string{"list", "--issuer", "HUYEN UY THACH BAN", "--year", "2023"}, code: 0,
			stdout: []string{"thachban-2023.export.md"}},
		{name: "list of a year not there", args: []string{"list", "--issuer", "Huyện uỷ Thạch Bàn", "--year", "2025"}, code: 0,
			stderr: []string{"no report of Huyện uỷ Thạch Bàn for 2025; the corpus has 2021, 2022, 2023"}, noStdout: true},
		{name: "list json of nothing", args: []string{"list", "--year", "1999", "--json"}, code: 0, stdout: []string{"[]\n"}},
		{name: "show by file name", args: []string{"show", "thachban-2022.export.md"}, code: 0,
			stdout: []string{"thachban-2022.export.md (markdown)", "Huyện ủy Thạch Bàn", "ingested:", "original:"}},
		{name: "show outline", args: []string{"show", "thachban-2022.export", "--outline"}, code: 0,
			stdout: []string{"Phần thứ nhất.", "  I. "}},
		{name: "show footnotes", args: []string{"show", "thachban-2022.export", "--footnotes"}, code: 0, stdout: []string{"[1] "}},
		{name: "show refs", args: []string{"show", "thachban-2022.export", "--refs"}, code: 0, stdout: []string{"CITED\tDATE\tSECTION\tPAGE\tQUOTE"}},
		{name: "show an unknown document", args: []string{"show", "nothing.pdf"}, code: 2, stderr: []string{`no document "nothing.pdf"`}},
		{name: "show a name that is no file", args: []string{"show", "thachban"}, code: 2, stderr: []string{"no document"}},
		{name: "show with two parts", args: []string{"show", "x", "--outline", "--refs"}, code: 2, stderr: []string{"choose one"}},
		{name: "figures of a year not there", args: []string{"figures", "--year", "2030"}, code: 0,
			stderr: []string{"no report for 2030; the corpus has 2021, 2022, 2023"}},
		{name: "figures json and csv", args: []string{"figures", "--json", "--csv"}, code: 2, stderr: []string{"cannot be used together"}},
		{name: "refs of one document", args: []string{"refs", "07-nq/hu"}, code: 0, stdout: []string{"07-NQ/HU", "Nghị quyết số 07-NQ/HU"}},
		{name: "refs of a document nobody cites", args: []string{"refs", "999-NQ/TW"}, code: 0, stderr: []string{"999-NQ/TW is not cited"}},
		{name: "refs json of nothing", args: []string{"refs", "999-NQ/TW", "--json"}, code: 0, stdout: []string{"[]\n"}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			r := runCLI(t, bin, dir, st.args...)
			if r.code != st.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, st.code, r.stdout, r.stderr)
			}
			for _, s := range st.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			for _, s := range st.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
			if st.noStdout && r.stdout != "" {
				t.Errorf("stdout should be empty:\n%s", r.stdout)
			}
		})
	}

	t.Run("list json", func(t *testing.T) {
		r := runCLI(t, bin, dir, "list", "--json")
		var docs []struct {
			ID     string `json:"id"`
			Source struct {
				File string `json:"file"`
			} `json:"source"`
			Meta struct {
				Issuer     string `json:"issuer"`
				ReportYear int    `json:"report_year"`
			} `json:"meta"`
			Counts struct {
				Figures int `json:"figures"`
			} `json:"counts"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil {
			t.Fatalf("%v\n%s", err, r.stdout)
		}
		if len(docs) != 4 || len(docs[0].ID) != 16 || docs[0].Meta.ReportYear == 0 || docs[0].Counts.Figures == 0 {
			t.Errorf("list --json = %+v", docs)
		}
	})
	t.Run("show json is the document", func(t *testing.T) {
		r := runCLI(t, bin, dir, "show", "thachban-2023.export.md", "--json")
		var doc struct {
			SchemaVersion int    `json:"schema_version"`
			ID            string `json:"id"`
			Paragraphs    []any  `json:"paragraphs"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.SchemaVersion != schema.Version || len(doc.Paragraphs) == 0 {
			t.Errorf("show --json: %v %+v", err, doc)
		}
	})
	t.Run("figures csv", func(t *testing.T) {
		r := runCLI(t, bin, dir, "figures", "--doc", "thachban-2022.export.md", "--csv")
		rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("csv: %v, %d rows", err, len(rows))
		}
		if rows[0][0] != "document" || rows[1][3] != "2022" {
			t.Errorf("csv header %v, first row %v", rows[0], rows[1])
		}
		for _, row := range rows[1:] {
			if strings.Contains(row[6], ",") {
				t.Errorf("csv value %q is not a plain number", row[6])
			}
		}
	})
	t.Run("figures by period", func(t *testing.T) {
		// the sample reports are on whole years: 2022 holds the 2022
		// report's figures, the first half of 2022 none of them
		all := runCLI(t, bin, dir, "figures", "--from", "2022-01-01", "--to", "2022-12-31", "--csv")
		rows, err := csv.NewReader(strings.NewReader(all.stdout)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("csv: %v, %d rows", err, len(rows))
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for _, row := range rows[1:] {
			if s, e := row[col["period_start"]], row[col["period_end"]]; s < "2022-01-01" || e > "2022-12-31" || e == "" {
				t.Errorf("figure %s of %s: period %s…%s is outside 2022", row[col["id"]], row[col["file"]], s, e)
			}
		}
		half := runCLI(t, bin, dir, "figures", "--from", "2022-01-01", "--to", "2022-06-30", "--csv")
		if n := strings.Count(half.stdout, "\n"); n >= len(rows) {
			t.Errorf("first half of 2022: %d rows, the whole year %d", n, len(rows))
		}
		bad := runCLI(t, bin, dir, "figures", "--from", "2022-13-01")
		if bad.code != 2 || !strings.Contains(bad.stderr, "not a date") {
			t.Errorf("--from 2022-13-01: code %d, stderr %q", bad.code, bad.stderr)
		}
	})
	t.Run("figures json matches the filter", func(t *testing.T) {
		r := runCLI(t, bin, dir, "figures", "--metric", "DANG VIEN", "--year", "2022", "--json")
		var figs []struct {
			Metric     string `json:"metric"`
			ReportYear int    `json:"report_year"`
			Document   string `json:"document"`
			Quote      string `json:"quote"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &figs); err != nil {
			t.Fatal(err)
		}
		if len(figs) == 0 {
			t.Fatal("no figure for đảng viên in 2022")
		}
		for _, f := range figs {
			if !strings.Contains(f.Metric, "đảng viên") || f.ReportYear != 2022 || f.Document == "" {
				t.Errorf("figure does not match the filter: %+v", f)
			}
		}
	})
}

func TestE2EIngestFailures(t *testing.T) {
	bin := buildCorpusCLI(t)
	in := t.TempDir()
	bad := filepath.Join(in, "bad.pdf")
	empty := filepath.Join(in, "empty.txt")
	os.WriteFile(bad, []byte("%PDF-1.7\n1 0 obj\n<< /Type"), 0o644)
	os.WriteFile(empty, nil, 0o644)
	good := filepath.Join(writeSampleReports(t), "thachban-2021.export.md")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr []string
	}{
		{"only bad files", []string{bad, empty}, 2, "ingested 0, skipped 0 (already in corpus), failed 2",
			[]string{"failed: " + bad + ": ", "failed: " + empty + ": empty file"}},
		{"some bad files", []string{bad, good}, 1, "ingested 1, skipped 0 (already in corpus), failed 1",
			[]string{"failed: " + bad}},
		{"a path that is not there", []string{filepath.Join(in, "nope")}, 2, "failed 1", []string{"no such file"}},
		{"an empty folder", []string{t.TempDir()}, 2, "ingested 0", []string{"no report files found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, bin, filepath.Join(t.TempDir(), "c"), append([]string{"ingest"}, tt.args...)...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, r.stdout)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
		})
	}
}

func TestE2EDemo(t *testing.T) {
	bin := buildCorpusCLI(t)
	r := runCLI(t, bin, filepath.Join(t.TempDir(), "unused"), "demo")
	if r.code != 0 {
		t.Fatalf("demo exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, s := range []string{"ingested 4", "$ baocao list", "Huyện ủy Thạch Bàn", "$ baocao figures", "$ baocao refs"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("demo output lacks %q:\n%s", s, r.stdout)
		}
	}
	// The compare table a new user sees first: every row a metric of its
	// own, named as a person would (no "?", no unit with a verb in it).
	_, table, _ := strings.Cut(r.stdout, "$ baocao compare")
	table, _, _ = strings.Cut(table, "\n\n")
	seen := map[string]bool{}
	for _, line := range strings.Split(table, "\n")[2:] {
		cols := strings.Split(line, "\t")
		if len(cols) < 3 || cols[0] == "metric" {
			continue
		}
		label, unit := cols[0], cols[1]
		if strings.HasSuffix(label, "?") || seen[label] || label == unit {
			t.Errorf("compare row %q (unit %q): low confidence, repeated or only its unit", label, unit)
		}
		seen[label] = true
		for _, verb := range []string{"phải", "bị", "được", "thi"} {
			if strings.Contains(" "+unit+" ", " "+verb+" ") {
				t.Errorf("compare row %q has a verb in its unit %q", label, unit)
			}
		}
	}
	if len(seen) < 10 {
		t.Errorf("demo compare shows %d rows:\n%s", len(seen), table)
	}
}
