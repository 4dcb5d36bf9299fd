package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
)

// ListOptions are the inputs of `baocao list`.
type ListOptions struct {
	IO        *IOStreams
	CorpusDir func() string
	Issuer    string
	Year      int
	JSON      bool
}

func newCmdList(f *Factory, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the documents in the corpus",
		Long: `List prints the documents in the corpus: id, issuer, report year, title and
how many figures and citations were found in each. --issuer matches
regardless of case and tone placement ("Huyện uỷ" = "Huyện ủy"), a part of
the name, and without diacritics when nothing matches with them.`,
		Example: `  baocao list
  baocao list --issuer "thach ban" --year 2023
  baocao list --json | jq -r '.[].id'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Issuer, "issuer", "", "only reports of this `ISSUER`")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "only reports on this `YEAR`")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the documents as JSON")
	return cmd
}

func listRun(ctx context.Context, opts *ListOptions) error {
	c, err := openCorpus(opts.IO, opts.CorpusDir())
	if err != nil {
		return err
	}
	defer c.Close()
	docs, err := c.Documents(ctx, corpus.DocFilter{Issuer: opts.Issuer, Year: opts.Year})
	if err != nil {
		return withCode(exitError, err)
	}
	if opts.JSON {
		return writeJSON(opts.IO.Out, docs)
	}
	if len(docs) == 0 {
		fmt.Fprintln(opts.IO.ErrOut, explainNone(ctx, c, "document", opts.Issuer, opts.Year))
		return nil
	}
	rows := make([][]string, 0, len(docs))
	for _, d := range docs {
		rows = append(rows, []string{
			shortDocID(opts.IO, d.ID), d.Meta.Issuer, cellYear(d.Meta.ReportYear), d.Meta.Title,
			strconv.Itoa(d.Counts.Figures), strconv.Itoa(d.Counts.References), d.Source.File,
		})
	}
	return printTable(opts.IO, []string{"ID", "ISSUER", "YEAR", "TITLE", "FIGURES", "CITATIONS", "FILE"}, rows)
}
