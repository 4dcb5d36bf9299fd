package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/schema"
)

func checkStreams() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}, out, errOut
}

func TestNewCmdCheckFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    CheckOptions
		wantErr string
	}{
		{name: "file", args: []string{"r.md"}, want: CheckOptions{Target: "r.md"}},
		{name: "json and rules", args: []string{"r.md", "--json", "--rule", "sum_mismatch", "--rule", "numbering", "--no-warnings"},
			want: CheckOptions{Target: "r.md", JSON: true, Rules: []string{"sum_mismatch", "numbering"}, NoWarnings: true}},
		{name: "unknown rule", args: []string{"r.md", "--rule", "typo"}, wantErr: `unknown rule "typo"`},
		{name: "no argument", args: nil, wantErr: "accepts 1 arg"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("BAOCAO_CORPUS", "")
			io, _, _ := checkStreams()
			var got *CheckOptions
			f := &Factory{IO: io, CorpusDir: func() string { return "/nonexistent" }}
			cmd := newCmdCheck(f, func(o *CheckOptions) error { got = o; return nil })
			cmd.SetArgs(tc.args)
			cmd.SetOut(io.Out)
			cmd.SetErr(io.ErrOut)
			err := cmd.Execute()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Target != tc.want.Target || got.JSON != tc.want.JSON || got.NoWarnings != tc.want.NoWarnings ||
				strings.Join(got.Rules, ",") != strings.Join(tc.want.Rules, ",") || got.UseCorpus {
				t.Errorf("options = %+v, want %+v", *got, tc.want)
			}
		})
	}
}

// fakeCheckStore is a corpus held in memory, by id.
type fakeCheckStore struct {
	docs   map[string]*schema.Document
	closed bool
}

func (s *fakeCheckStore) Document(ctx context.Context, ref string) (*schema.Document, error) {
	if d, ok := s.docs[ref]; ok {
		return d, nil
	}
	return nil, &corpus.NotFoundError{Ref: ref}
}

func (s *fakeCheckStore) Documents(ctx context.Context, f corpus.DocFilter) ([]corpus.DocInfo, error) {
	out := []corpus.DocInfo{}
	for id, d := range s.docs {
		if strings.Contains(strings.ToLower(d.Meta.Issuer), strings.ToLower(f.Issuer)) {
			out = append(out, corpus.DocInfo{ID: id, Meta: d.Meta})
		}
	}
	return out, nil
}

func (s *fakeCheckStore) Close() error { s.closed = true; return nil }

// checkYear builds a report of the Huyện ủy with a disciplined-members count
// and, for 2023, a claimed fall that the 2022 count contradicts.
func checkYear(id string, issuer string, year int, value float64, change float64) *schema.Document {
	text := "Thi hành kỷ luật " + num(value) + " đảng viên"
	d := &schema.Document{ID: id, Source: schema.Source{File: id + ".md", Format: schema.FormatMarkdown},
		Meta:       schema.Meta{Issuer: issuer, ReportYear: year, PlanYear: year + 1},
		Paragraphs: []schema.Paragraph{{ID: "p1", Text: text}},
		Figures: []schema.Figure{{ID: "f1", Raw: num(value), Value: value, ValueNormalized: value, Kind: schema.KindCount,
			Unit: "đảng viên", Role: schema.RoleActual, Metric: "đảng viên bị thi hành kỷ luật", Paragraph: "p1",
			Span: [2]int{17, 17 + len([]rune(num(value)))}, Quote: text}},
	}
	if change > 0 {
		d.Paragraphs[0].Text += ", giảm " + num(change) + "% so với cùng kỳ"
		start := len([]rune(text)) + len([]rune(", giảm "))
		d.Figures = append(d.Figures, schema.Figure{ID: "f2", Raw: num(change) + "%", Value: change, ValueNormalized: change,
			Kind: schema.KindPercent, Role: schema.RoleChange, Direction: "down", RefersTo: "f1", Paragraph: "p1",
			Span: [2]int{start, start + len([]rune(num(change))) + 1}, Quote: d.Paragraphs[0].Text})
	}
	return d
}

func TestCheckRun(t *testing.T) {
	const hu = "Huyện ủy Thạch Bàn"
	store := func() *fakeCheckStore {
		return &fakeCheckStore{docs: map[string]*schema.Document{
			"tb2022":   checkYear("tb2022", hu, 2022, 26, 0),
			"tb2023":   checkYear("tb2023", hu, 2023, 21, 30),
			"ubnd2022": checkYear("ubnd2022", "UBND huyện Thạch Bàn", 2022, 30, 0),
		}}
	}
	tests := []struct {
		name     string
		opts     CheckOptions
		store    *fakeCheckStore
		wantCode int
		wantOut  []string
	}{
		{name: "document in the corpus, against last year", opts: CheckOptions{Target: "tb2023", JSON: true},
			store: store(), wantCode: exitFindings, wantOut: []string{`"rule": "cross_year_change"`, `(21 − 26)/26 = −19,23%, not −30%`, `"document": "tb2023"`}},
		{name: "table view", opts: CheckOptions{Target: "tb2023"},
			store: store(), wantCode: exitFindings, wantOut: []string{"error\tcross_year_change\t", "Thi hành kỷ luật 26 đảng viên"}},
		{name: "warnings only", opts: CheckOptions{Target: "tb2022", JSON: true},
			store: store(), wantCode: exitOK, wantOut: []string{`"findings": []`}},
		{name: "unknown document", opts: CheckOptions{Target: "nothing"},
			store: store(), wantCode: exitError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io, out, _ := checkStreams()
			opts := tc.opts
			opts.IO = io
			opts.OpenCorpus = func(string) (checkStore, error) { return tc.store, nil }
			err := checkRun(context.Background(), &opts)
			if got := exitCode(err); got != tc.wantCode {
				t.Fatalf("exit code %d (%v), want %d; output:\n%s", got, err, tc.wantCode, out)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if tc.wantCode != exitError && !tc.store.closed {
				t.Error("corpus left open")
			}
			if opts.JSON && tc.wantCode != exitError {
				var rep schema.CheckReport
				if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
					t.Fatalf("JSON output: %v", err)
				}
			}
		})
	}
}

func TestCheckRunFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.md")
	body := "**HUYỆN ỦY X**\n\n# BÁO CÁO\n\n**I. KẾT QUẢ**\n\nCông tác kiểm tra được thực hiện nghiêm túc<sup>1</sup>, đúng thời hạn<sup>2</sup>.\n\n<sup>1</sup> Kiểm tra 12 tổ chức đảng.\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	io, out, _ := checkStreams()
	opts := &CheckOptions{IO: io, Target: path, JSON: true, OpenCorpus: func(string) (checkStore, error) {
		t.Fatal("a FILE checked alone must not open the corpus")
		return nil, nil
	}}
	err := checkRun(context.Background(), opts)
	if code := exitCode(err); code != exitFindings {
		t.Fatalf("exit code %d (%v), want %d:\n%s", code, err, exitFindings, out)
	}
	if !strings.Contains(out.String(), `"rule": "footnote_missing"`) {
		t.Errorf("no footnote_missing finding:\n%s", out)
	}
}

func TestCheckRunNoFileNoCorpus(t *testing.T) {
	io, _, _ := checkStreams()
	opts := &CheckOptions{IO: io, Target: filepath.Join(t.TempDir(), "missing.md"), CorpusDir: t.TempDir(), OpenCorpus: openCheckStore}
	err := checkRun(context.Background(), opts)
	if code := exitCode(err); code != exitError || !strings.Contains(err.Error(), "no corpus") {
		t.Fatalf("exit %d, err %v; want %d and no corpus", code, err, exitError)
	}
}

// TestCheckRunRealCorpus ingests the Thạch Bàn samples into a corpus on disk
// and checks the 2023 report by name: the cross-year findings come from the
// 2022 report read back from the catalog, and the People's Committee report
// (another issuer with the same place name) is left out.
func TestCheckRunRealCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests four reports")
	}
	dir := t.TempDir()
	c, err := corpus.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, n := range sample.Names() {
		paths = append(paths, sample.RepoFile(filepath.Join("corpus", "sample", n)))
	}
	res, err := c.Ingest(context.Background(), paths, corpus.IngestOptions{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 4 {
		t.Fatalf("ingested %d reports, want 4 (failed: %v)", len(res.Added), res.Failed)
	}
	c.Close()
	io, out, errOut := checkStreams()
	opts := &CheckOptions{IO: io, Target: "thachban-2023", JSON: true, CorpusDir: dir, OpenCorpus: openCheckStore}
	err = checkRun(context.Background(), opts)
	if code := exitCode(err); code != exitFindings {
		t.Fatalf("exit %d (%v), want %d; stderr %s", code, err, exitFindings, errOut)
	}
	var rep schema.CheckReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		for _, f := range rep.Findings {
			t.Logf("%s %s: %s | %s", f.Severity, f.Rule, f.Message, f.Quote)
		}
	}
	for _, rule := range []string{"cross_year_change", "cross_year_target", "numbering", "total_conflict"} {
		if !slices.ContainsFunc(rep.Findings, func(f schema.Finding) bool { return f.Rule == rule }) {
			t.Errorf("no %s finding in:\n%s", rule, out)
		}
	}
}
