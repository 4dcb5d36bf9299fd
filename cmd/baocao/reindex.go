package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
)

// ReindexOptions are the inputs of `baocao reindex`.
type ReindexOptions struct {
	IO        *IOStreams
	CorpusDir func() string
}

func newCmdReindex(f *Factory, runF func(*ReindexOptions) error) *cobra.Command {
	opts := &ReindexOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	return &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild the search index from the catalog",
		Long: `Reindex indexes every report of the catalog again, and removes from the
index what the catalog does not hold. Run it after an upgrade that changes
how text is indexed, or when search reports a damaged index. It waits for
a running ingest.`,
		Example: `  baocao reindex
  baocao reindex --corpus ~/reports`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return reindexRun(cmd.Context(), opts)
		},
	}
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
	res, err := c.Reindex(ctx)
	if err != nil {
		return withCode(exitError, fmt.Errorf("reindex: %w", err))
	}
	fmt.Fprintf(opts.IO.Out, "indexed %d reports", res.Indexed)
	if res.Removed > 0 {
		fmt.Fprintf(opts.IO.Out, ", removed %d the catalog does not hold", res.Removed)
	}
	fmt.Fprintln(opts.IO.Out)
	return nil
}
