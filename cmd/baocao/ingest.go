package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// IngestOptions are the inputs of `baocao ingest`.
type IngestOptions struct {
	IO        *IOStreams
	CorpusDir func() string
	Paths     []string
	JSON      bool
	NoOCR     bool
	Jobs      int
	// Meta holds the --issuer, --year and --doc-type given, which correct
	// what extraction reads for every file ingested.
	Meta corpus.MetaOverride
}

func newCmdIngest(f *Factory, runF func(*IngestOptions) error) *cobra.Command {
	opts := &IngestOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	var issuer, docType string
	var year int
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Add report files or folders to the corpus",
		Long: `Ingest extracts report files (PDF, scanned PDF, DOCX, text, Markdown; the
format is told by content) and adds them to the corpus. Folders are walked;
hidden entries and files that are plainly not reports (images, archives,
spreadsheets) are left out.

A file already in the corpus (same content, whatever its name) is skipped.
A file that cannot be read is reported and the others still go in; the
catalog is left as it was for that file.

--issuer, --year and --doc-type set the issuer, report year and document
type of every file ingested, whatever extraction reads from the letterhead
(a report without one, or one read wrong). They apply to files already in
the corpus too, are kept apart from the extracted document, and survive
'baocao reindex'; 'baocao meta' shows and changes them later.

EXIT STATUS
  0  every file was added or was already in the corpus
  1  some files failed, the others went in
  2  nothing could be ingested`,
		Example: `  baocao ingest bao-cao-2024.pdf
  baocao ingest reports/ --corpus ~/thachban
  baocao ingest reports/ --json | jq '.failed'
  baocao ingest scan-2019.pdf --issuer "Huyện ủy Thạch Bàn" --year 2019`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			meta, err := metaFlags(cmd, &issuer, &year, &docType)
			if err != nil {
				return err
			}
			opts.Meta = meta
			if runF != nil {
				return runF(opts)
			}
			return ingestRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print what was added, skipped and failed as JSON")
	cmd.Flags().BoolVar(&opts.NoOCR, "no-ocr", false, "fail on scanned pages instead of running Tesseract")
	cmd.Flags().IntVarP(&opts.Jobs, "jobs", "j", 0, "files extracted at once (default: CPUs)")
	addMetaFlags(cmd, &issuer, &year, &docType, "of every file ingested")
	return cmd
}

// ingestJSON is the --json form of an ingest.
type ingestJSON struct {
	Added   []ingestedFile `json:"added"`
	Skipped []ingestedFile `json:"skipped"`
	Failed  []failedFile   `json:"failed"`
	Ignored []string       `json:"ignored"`
}

type ingestedFile struct {
	File       string `json:"file"`
	Document   string `json:"document"`
	Issuer     string `json:"issuer,omitempty"`
	ReportYear int    `json:"report_year,omitempty"`
}

type failedFile struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

func ingestRun(ctx context.Context, opts *IngestOptions) error {
	dir := opts.CorpusDir()
	c, err := corpus.Open(dir)
	if err != nil {
		return withCode(exitError, err)
	}
	defer c.Close()

	var prog ingestProgress
	if opts.IO.ErrTTY && !opts.JSON {
		prog = newBarProgress(opts.IO, "ingesting")
	} else {
		prog = &lineProgress{io: opts.IO}
	}
	res, err := c.Ingest(ctx, opts.Paths, corpus.IngestOptions{
		Extract:  extract.Options{NoOCR: opts.NoOCR},
		Jobs:     opts.Jobs,
		Progress: prog,
		Meta:     opts.Meta,
	})
	prog.finish()
	if err != nil {
		return withCode(exitError, err)
	}
	return reportIngest(opts.IO, opts.JSON, res)
}

// reportIngest prints the outcome and picks the exit code.
func reportIngest(io *IOStreams, asJSON bool, res *corpus.IngestResult) error {
	if asJSON {
		out := ingestJSON{Added: []ingestedFile{}, Skipped: []ingestedFile{}, Failed: []failedFile{}, Ignored: res.Ignored}
		if out.Ignored == nil {
			out.Ignored = []string{}
		}
		for _, r := range res.Added {
			out.Added = append(out.Added, ingestedFile{File: r.Path, Document: r.ID,
				Issuer: r.Doc.Meta.Issuer, ReportYear: r.Doc.Meta.ReportYear})
		}
		for _, r := range res.Skipped {
			f := ingestedFile{File: r.Path, Document: r.ID}
			if r.Doc != nil {
				f.Issuer, f.ReportYear = r.Doc.Meta.Issuer, r.Doc.Meta.ReportYear
			}
			out.Skipped = append(out.Skipped, f)
		}
		for _, r := range res.Failed {
			out.Failed = append(out.Failed, failedFile{File: r.Path, Error: r.Err.Error()})
		}
		if err := writeJSON(io.Out, out); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(io.Out, "ingested %d, skipped %d (already in corpus), failed %d\n",
			len(res.Added), len(res.Skipped), len(res.Failed))
		if n := len(res.Ignored); n > 0 {
			fmt.Fprintf(io.ErrOut, "left out %d files that are not reports (first: %s)\n", n, res.Ignored[0])
		}
		for _, r := range res.Failed {
			fmt.Fprintf(io.ErrOut, "failed: %s\n", failMessage(r))
		}
	}
	if res.IndexErr != nil {
		fmt.Fprintf(io.ErrOut, "warning: the search index could not take every document (the next command retries): %v\n", res.IndexErr)
	}
	switch {
	case len(res.Failed) > 0 && len(res.Added)+len(res.Skipped) == 0:
		return withCode(exitError, nil)
	case len(res.Added)+len(res.Skipped)+len(res.Failed) == 0:
		return withCode(exitError, errors.New("no report files found"))
	case len(res.Failed) > 0 || res.IndexErr != nil:
		return withCode(exitFindings, nil)
	}
	return nil
}

// failMessage names the file by the path the user gave, once.
func failMessage(r corpus.FileResult) string {
	var xe *extract.Error
	if errors.As(r.Err, &xe) {
		return r.Path + ": " + xe.Err.Error()
	}
	return r.Path + ": " + r.Err.Error()
}

// ingestProgress is a corpus.Progress that must be stopped at the end.
type ingestProgress interface {
	corpus.Progress
	finish()
}

// lineProgress prints one line per file on stderr, for logs and pipes.
// Failures wait for the end, where they are listed together.
type lineProgress struct{ io *IOStreams }

var _ ingestProgress = (*lineProgress)(nil)

func (p *lineProgress) Start(int) {}

func (p *lineProgress) Done(r corpus.FileResult) {
	switch r.Outcome {
	case corpus.Added:
		fmt.Fprintf(p.io.ErrOut, "added %s (%s) %s\n", r.Path, r.ID, describeMeta(r.Doc.Meta))
	case corpus.Skipped:
		if r.MetaSet {
			fmt.Fprintf(p.io.ErrOut, "skipped %s (already in corpus as %s), metadata set: %s\n", r.Path, r.ID, describeMeta(r.Doc.Meta))
			return
		}
		fmt.Fprintf(p.io.ErrOut, "skipped %s (already in corpus as %s)\n", r.Path, r.ID)
	case corpus.Reextracted:
		fmt.Fprintf(p.io.ErrOut, "re-extracted %s (%s) %s\n", r.Path, r.ID, describeMeta(r.Doc.Meta))
	case corpus.Rebuilt:
		fmt.Fprintf(p.io.ErrOut, "updated the catalog rows of %s (%s)\n", r.Path, r.ID)
	}
}

// describeMeta is how a progress line names a report: "Huyện ủy X 2024".
func describeMeta(m schema.Meta) string {
	what := m.Issuer
	if m.ReportYear != 0 {
		what += fmt.Sprintf(" %d", m.ReportYear)
	}
	return strings.TrimSpace(what)
}

func (p *lineProgress) finish() {}

// barProgress draws a progress bar on a terminal. Done only counts, with
// atomics; a ticker moves the bar, so drawing costs nothing per file.
type barProgress struct {
	io    *IOStreams
	desc  string
	total atomic.Int64
	done  atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
	bar   *progressbar.ProgressBar
}

var _ ingestProgress = (*barProgress)(nil)

func newBarProgress(io *IOStreams, desc string) *barProgress {
	return &barProgress{io: io, desc: desc, stop: make(chan struct{})}
}

func (p *barProgress) Start(n int) {
	p.total.Store(int64(n))
	p.bar = newBar(p.io, n, p.desc)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(150 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.bar.Set64(p.done.Load())
			case <-p.stop:
				return
			}
		}
	}()
}

// Done counts r; failures are listed after the bar, with the others.
func (p *barProgress) Done(r corpus.FileResult) { p.done.Add(1) }

func (p *barProgress) finish() {
	if p.bar == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	p.bar.Set64(p.done.Load())
	p.bar.Finish()
	p.bar.Clear()
}
