package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus/compare"
)

// TargetsOptions are the inputs of `baocao targets`.
type TargetsOptions struct {
	IO        *IOStreams
	CorpusDir string
	Issuer    string
	Year      int
	JSON      bool
}

func newCmdTargets(f *Factory, runF func(*TargetsOptions) error) *cobra.Command {
	opts := &TargetsOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "targets",
		Short: "Targets set for a year (in the previous report) against that year's results",
		Example: `  baocao targets --issuer "Huyện ủy Thạch Bàn" --year 2023   # set in the 2022 report, reached in 2023
  baocao targets --issuer "Huyện ủy Thạch Bàn" --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CorpusDir = f.CorpusDir()
			if runF != nil {
				return runF(opts)
			}
			return targetsRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Issuer, "issuer", "", "issuer as written in the reports")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "the `year` the targets are for (default: every year)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func targetsRun(ctx context.Context, opts *TargetsOptions) error {
	c, err := openCorpus(opts.IO, opts.CorpusDir)
	if err != nil {
		return err
	}
	defer c.Close()
	docs, issuer, err := issuerDocs(ctx, c, opts.Issuer)
	if err != nil {
		return err
	}
	dict, err := loadDictionary(opts.CorpusDir)
	if err != nil {
		return withCode(exitError, err)
	}
	copts := compare.Options{Dictionary: dict}
	if opts.Year != 0 {
		copts.From, copts.To = opts.Year-1, opts.Year
	}
	tab := compare.Build(docs, copts)
	targets := []compare.Target{}
	for _, t := range tab.Targets {
		if opts.Year == 0 || t.ForYear == opts.Year {
			targets = append(targets, t)
		}
	}
	if opts.Year != 0 && len(targets) == 0 {
		return withCode(exitError, fmt.Errorf("no targets of %s for %d: that needs the %d report; the corpus has %s",
			issuer, opts.Year, opts.Year-1, strings.Join(yearsOf(docs), ", ")))
	}
	if opts.JSON {
		return writeJSON(opts.IO.Out, map[string]any{"issuer": issuer, "targets": targets})
	}
	fmt.Fprintf(opts.IO.Out, "%s: %d targets\n", issuer, len(targets))
	return printTargets(opts.IO, targets)
}
