package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// ReindexOptions are the inputs of `baocao reindex`.
type ReindexOptions struct {
	IO        *IOStreams
	CorpusDir func() string
	// Extract re-extracts every report, not only those of an older schema.
	Extract bool
	NoOCR   bool
	Jobs    int
	JSON    bool
}

func newCmdReindex(f *Factory, runF func(*ReindexOptions) error) *cobra.Command {
	opts := &ReindexOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	cmd := &cobra.Command{
		Use:   "reindex",
		Short: "Bring the catalog up to date and rebuild the search index",
		Long: fmt.Sprintf(`Reindex first brings the catalog up to date: reports stored by an older
baocao (a Document of schema version below %d, see schema/README.md) are
extracted again from their originals under files/, each replacing its
catalog rows in one transaction, with its ingest time and its corrections
('baocao meta') kept. Reports whose Document is current but whose catalog
rows are older only have their rows written again. --extract extracts
every report again, for extraction rules that improved without a new
schema version.

A report that cannot be extracted again (its original unreadable,
Tesseract missing for a scan with --no-ocr or not installed) keeps its old
rows and is named on stderr.

It then indexes every report of the catalog again, and removes from the
index what the catalog does not hold: run it after an upgrade that changes
how text is indexed, or when search reports a damaged index. Commands that
read the corpus say when it holds reports of an older schema. It waits for
a running ingest.

EXIT STATUS
  0  done
  1  some reports could not be extracted again and keep their old rows
  2  nothing could be done`, schema.Version),
		Example: `  baocao reindex
  baocao reindex --corpus ~/reports
  baocao reindex --extract --no-ocr -j 4`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return reindexRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Extract, "extract", false, "extract every report again from its original, not only those of an older schema")
	cmd.Flags().BoolVar(&opts.NoOCR, "no-ocr", false, "when extracting again, fail on scanned pages instead of running Tesseract")
	cmd.Flags().IntVarP(&opts.Jobs, "jobs", "j", 0, "reports extracted at once (default: CPUs)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print what was extracted again and indexed as JSON")
	return cmd
}

// reindexJSON is the --json form of a reindex.
type reindexJSON struct {
	Reextracted []ingestedFile `json:"reextracted"`
	Rebuilt     []ingestedFile `json:"rebuilt"`
	Failed      []failedFile   `json:"failed"`
	Indexed     int            `json:"indexed"`
	Removed     int            `json:"removed"`
}

func reindexRun(ctx context.Context, opts *ReindexOptions) error {
	dir := opts.CorpusDir()
	c, err := corpus.OpenExisting(dir)
	if errors.Is(err, corpus.ErrNoCorpus) {
		return noCorpusError(dir)
	}
	if err != nil {
		return withCode(exitError, err)
	}
	defer c.Close()

	up := &corpus.UpgradeResult{}
	outdated, err := c.Outdated(ctx)
	if err != nil {
		return withCode(exitError, err)
	}
	if outdated > 0 || opts.Extract {
		var prog ingestProgress
		if opts.IO.ErrTTY && !opts.JSON {
			prog = newBarProgress(opts.IO, "extracting again")
		} else {
			prog = &lineProgress{io: opts.IO}
		}
		up, err = c.Upgrade(ctx, corpus.UpgradeOptions{
			Extract:  extract.Options{NoOCR: opts.NoOCR},
			Jobs:     opts.Jobs,
			Progress: prog,
			All:      opts.Extract,
			// The whole index is built again below.
			NoIndex: true,
		})
		prog.finish()
		if err != nil {
			return withCode(exitError, fmt.Errorf("reindex: %w", err))
		}
	}
	res, err := c.Reindex(ctx)
	if err != nil {
		return withCode(exitError, fmt.Errorf("reindex: %w", err))
	}

	if opts.JSON {
		out := reindexJSON{Reextracted: []ingestedFile{}, Rebuilt: []ingestedFile{}, Failed: []failedFile{},
			Indexed: res.Indexed, Removed: res.Removed}
		for _, r := range up.Reextracted {
			out.Reextracted = append(out.Reextracted, ingestedFile{File: r.Path, Document: r.ID,
				Issuer: r.Doc.Meta.Issuer, ReportYear: r.Doc.Meta.ReportYear})
		}
		for _, r := range up.Rebuilt {
			out.Rebuilt = append(out.Rebuilt, ingestedFile{File: r.Path, Document: r.ID,
				Issuer: r.Doc.Meta.Issuer, ReportYear: r.Doc.Meta.ReportYear})
		}
		for _, r := range up.Failed {
			out.Failed = append(out.Failed, failedFile{File: r.Path, Error: r.Err.Error()})
		}
		if err := writeJSON(opts.IO.Out, out); err != nil {
			return err
		}
	} else {
		if outdated > 0 || opts.Extract {
			fmt.Fprintf(opts.IO.Out, "re-extracted %d reports from their originals", len(up.Reextracted))
			if n := len(up.Rebuilt); n > 0 {
				fmt.Fprintf(opts.IO.Out, ", updated the catalog rows of %d", n)
			}
			if n := len(up.Failed); n > 0 {
				fmt.Fprintf(opts.IO.Out, ", %d could not be and keep their old rows", n)
			}
			fmt.Fprintln(opts.IO.Out)
		}
		fmt.Fprintf(opts.IO.Out, "indexed %d reports", res.Indexed)
		if res.Removed > 0 {
			fmt.Fprintf(opts.IO.Out, ", removed %d the catalog does not hold", res.Removed)
		}
		fmt.Fprintln(opts.IO.Out)
	}
	for _, r := range up.Failed {
		msg := r.Err.Error()
		var xe *extract.Error
		if errors.As(r.Err, &xe) {
			msg = xe.Err.Error()
		}
		fmt.Fprintf(opts.IO.ErrOut, "failed: %s (%s): %s; its old rows are kept\n", r.Path, r.ID, msg)
	}
	if len(up.Failed) > 0 {
		return withCode(exitFindings, nil)
	}
	return nil
}

// outdatedHint tells, in one line on stderr, that the corpus holds reports
// extracted by an older baocao, whose newer fields (a figure's period,
// subject…) are missing until reindex. Nothing is said when the count
// cannot be read: the command itself will fail or answer.
func outdatedHint(io *IOStreams, c *corpus.Corpus) {
	n, err := c.Outdated(context.Background())
	if err != nil || n == 0 {
		return
	}
	what := "reports were"
	if n == 1 {
		what = "report was"
	}
	fmt.Fprintf(io.ErrOut, "note: %d %s stored by an older baocao (before schema version %d): run 'baocao reindex' to extract them again\n",
		n, what, schema.Version)
}
