package main

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/schema"
)

func corpusStreams() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}, out, errOut
}

func TestNewCmdIngestFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    IngestOptions
		wantErr bool
	}{
		{"one file", []string{"a.pdf"}, IngestOptions{Paths: []string{"a.pdf"}}, false},
		{"folders and flags", []string{"r/", "s/", "--json", "--no-ocr", "-j", "3"},
			IngestOptions{Paths: []string{"r/", "s/"}, JSON: true, NoOCR: true, Jobs: 3}, false},
		{"nothing to ingest", nil, IngestOptions{}, true},
		{"metadata", []string{"a.pdf", "--issuer", "Huyện ủy Thạch Bàn", "--year", "2019", "--doc-type", "Báo cáo"},
			IngestOptions{Paths: []string{"a.pdf"}, Meta: corpus.MetaOverride{
				Issuer: ptr("Huyện ủy Thạch Bàn"), ReportYear: ptr(2019), DocType: ptr("Báo cáo")}}, false},
		{"an empty issuer is a correction", []string{"a.pdf", "--issuer", ""},
			IngestOptions{Paths: []string{"a.pdf"}, Meta: corpus.MetaOverride{Issuer: ptr("")}}, false},
		{"year 0 is unknown", []string{"a.pdf", "--year", "0"},
			IngestOptions{Paths: []string{"a.pdf"}, Meta: corpus.MetaOverride{ReportYear: ptr(0)}}, false},
		{"not a year", []string{"a.pdf", "--year", "24"}, IngestOptions{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseOptions(t, newCmdIngest, tt.args)
			if checkParsed(t, err, tt.wantErr) {
				got.IO, got.CorpusDir = nil, nil
				if !reflect.DeepEqual(*got, tt.want) {
					t.Errorf("options %+v, want %+v", *got, tt.want)
				}
			}
		})
	}
}

func TestReportIngestExitCodes(t *testing.T) {
	added := corpus.FileResult{Path: "a.md", Outcome: corpus.Added, ID: "0123456789abcdef", Doc: &corpus.DocInfo{}}
	skipped := corpus.FileResult{Path: "b.md", Outcome: corpus.Skipped, ID: "fedcba9876543210"}
	failed := corpus.FileResult{Path: "c.pdf", Outcome: corpus.Failed, Err: errors.New("c.pdf: broken")}
	tests := []struct {
		name    string
		res     corpus.IngestResult
		code    int
		summary string
	}{
		{"all added", corpus.IngestResult{Added: []corpus.FileResult{added}}, exitOK, "ingested 1, skipped 0 (already in corpus), failed 0"},
		{"all known", corpus.IngestResult{Skipped: []corpus.FileResult{skipped}}, exitOK, "ingested 0, skipped 1"},
		{"some failed", corpus.IngestResult{Added: []corpus.FileResult{added}, Failed: []corpus.FileResult{failed}}, exitFindings, "failed 1"},
		{"all failed", corpus.IngestResult{Failed: []corpus.FileResult{failed}}, exitError, "failed 1"},
		{"nothing found", corpus.IngestResult{}, exitError, "ingested 0"},
		{"index behind", corpus.IngestResult{Added: []corpus.FileResult{added}, IndexErr: errors.New("disk full")}, exitFindings, "ingested 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, out, _ := corpusStreams()
			err := reportIngest(io, false, &tt.res)
			if got := exitCode(err); got != tt.code {
				t.Errorf("exit %d, want %d", got, tt.code)
			}
			if !strings.Contains(out.String(), tt.summary) {
				t.Errorf("summary %q lacks %q", out.String(), tt.summary)
			}
			io, out, _ = corpusStreams()
			reportIngest(io, true, &tt.res)
			if !strings.Contains(out.String(), `"added": [`) || !strings.Contains(out.String(), `"failed": [`) {
				t.Errorf("--json does not list empty lists as []:\n%s", out)
			}
		})
	}
}

func TestCellFigureValue(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		fig  figureCell
		want string
	}{
		{"count", figureCell{value: 6387}, "6.387"},
		{"ratio", figureCell{value: 37, den: f(39)}, "37/39"},
		{"percent", figureCell{value: 94.9, kind: "percent"}, "94,9%"},
		{"range", figureCell{value: 3, high: f(4)}, "3–4"},
		{"open bound", figureCell{value: 90, kind: "percent", qualifier: "trên"}, "trên 90%"},
		{"closed bound around", figureCell{value: 260, qualifier: "từ … trở lên"}, "từ 260 trở lên"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cellFigureValue(tt.fig.figure()); got != tt.want {
				t.Errorf("cellFigureValue = %q, want %q", got, tt.want)
			}
		})
	}
}

// figureCell is the part of a figure that its table cell shows.
type figureCell struct {
	value     float64
	den, high *float64
	kind      string
	qualifier string
}

func (c figureCell) figure() schema.Figure {
	return schema.Figure{Value: c.value, Denominator: c.den, ValueHigh: c.high, Kind: c.kind, Qualifier: c.qualifier}
}

func TestNewCmdMetaFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    MetaOptions
		wantErr bool
	}{
		{"set", []string{"set", "3fa2", "--issuer", "Huyện ủy X", "--year", "2023", "--json"},
			MetaOptions{Action: "set", Doc: "3fa2", JSON: true, Meta: corpus.MetaOverride{Issuer: ptr("Huyện ủy X"), ReportYear: ptr(2023)}}, false},
		{"set the type", []string{"set", "a.md", "--doc-type", "Nghị quyết"},
			MetaOptions{Action: "set", Doc: "a.md", Meta: corpus.MetaOverride{DocType: ptr("Nghị quyết")}}, false},
		{"set nothing", []string{"set", "3fa2"}, MetaOptions{}, true},
		{"set a bad year", []string{"set", "3fa2", "--year", "-1"}, MetaOptions{}, true},
		{"set without a document", []string{"set", "--year", "2023"}, MetaOptions{}, true},
		{"unset one", []string{"unset", "3fa2", "--year"},
			MetaOptions{Action: "unset", Doc: "3fa2", Clear: corpus.MetaFields{ReportYear: true}}, false},
		{"unset all", []string{"unset", "3fa2"}, MetaOptions{Action: "unset", Doc: "3fa2"}, false},
		{"list", []string{"list", "--json"}, MetaOptions{Action: "list", JSON: true}, false},
		{"no action", nil, MetaOptions{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseOptions(t, newCmdMeta, tt.args)
			if checkParsed(t, err, tt.wantErr) {
				got.IO, got.CorpusDir = nil, nil
				if !reflect.DeepEqual(*got, tt.want) {
					t.Errorf("options %+v, want %+v", *got, tt.want)
				}
			}
		})
	}
}

func TestNewCmdReindexFlags(t *testing.T) {
	io, _, _ := corpusStreams()
	f := &Factory{IO: io, CorpusDir: func() string { return "/nowhere" }}
	var got *ReindexOptions
	cmd := newCmdReindex(f, func(o *ReindexOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--extract", "--no-ocr", "-j", "2", "--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	got.IO, got.CorpusDir = nil, nil
	if want := (ReindexOptions{Extract: true, NoOCR: true, Jobs: 2, JSON: true}); !reflect.DeepEqual(*got, want) {
		t.Errorf("options %+v, want %+v", *got, want)
	}
}

// parseOptions runs a command's flag parsing on args and returns the
// options its run function would get.
func parseOptions[O any](t *testing.T, newCmd func(*Factory, func(*O) error) *cobra.Command, args []string) (*O, error) {
	t.Helper()
	io, _, _ := corpusStreams()
	f := &Factory{IO: io, CorpusDir: func() string { return "/nowhere" }}
	var got *O
	cmd := newCmd(f, func(o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	return got, cmd.Execute()
}

// checkParsed reports whether parsing went as a test case wants: an error
// when wantErr, else none (true: the options are to be compared).
func checkParsed(t *testing.T, err error, wantErr bool) bool {
	t.Helper()
	switch {
	case wantErr && err == nil:
		t.Error("no error")
	case !wantErr && err != nil:
		t.Fatal(err)
	}
	return !wantErr
}
