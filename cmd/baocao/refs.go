package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
)

// RefsOptions are the inputs of `baocao refs`.
type RefsOptions struct {
	IO        *IOStreams
	CorpusDir func() string
	ID        string
	Doc       string
	Issuer    string
	Year      int
	JSON      bool
}

func newCmdRefs(f *Factory, runF func(*RefsOptions) error) *cobra.Command {
	opts := &RefsOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	cmd := &cobra.Command{
		Use:   "refs [ID]",
		Short: "List citations of numbered documents, or where one is cited",
		Long: `Refs lists every citation of a numbered Party or State document (Nghị quyết
số 28-NQ/TU, Kế hoạch 154-KH/HU, 1232/NQ-UBTVQH15) in the corpus. Given an
ID, it shows where that document is cited, with the date written at each
mention and the quoted sentence.

The ID is matched however it is typed ("28-nq/tu", "Số 28- NQ/TU"), and
without diacritics when nothing matches with them ("NQ/DU" finds "NQ/ĐU").
28-NQ/TU (a provincial committee) and 28-NQ/TW (the Central Committee) are
different documents.`,
		Example: `  baocao refs
  baocao refs 28-NQ/TU
  baocao refs --doc thachban-2022 --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.ID = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return refsRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Doc, "doc", "", "only citations in document `DOC`")
	cmd.Flags().StringVar(&opts.Issuer, "issuer", "", "only citations in reports of this `ISSUER`")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "only citations in reports on this `YEAR`")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the citations as JSON")
	return cmd
}

func refsRun(ctx context.Context, opts *RefsOptions) error {
	c, err := openCorpus(opts.IO, opts.CorpusDir())
	if err != nil {
		return err
	}
	defer c.Close()
	refs, err := c.Refs(ctx, corpus.RefFilter{ID: opts.ID, Doc: opts.Doc, Issuer: opts.Issuer, Year: opts.Year})
	if err != nil {
		return docError(err)
	}
	if opts.JSON {
		return writeJSON(opts.IO.Out, refs)
	}
	if len(refs) == 0 {
		if opts.ID == "" {
			fmt.Fprintln(opts.IO.ErrOut, explainNone(ctx, c, "citation", opts.Issuer, opts.Year))
			return nil
		}
		msg := fmt.Sprintf("%s is not cited in the corpus", opts.ID)
		if similar, _ := c.SimilarRefIDs(ctx, opts.ID); len(similar) > 0 {
			msg += "; did you mean " + strings.Join(similar, " or ") + "?"
		}
		fmt.Fprintln(opts.IO.ErrOut, msg)
		return nil
	}
	return printRefs(opts.IO, refs, opts.ID == "", true)
}

// printRefs prints citations. all lists the cited ids; one document cited
// in many places shows the quote instead. withDoc adds the citing document.
func printRefs(io *IOStreams, refs []corpus.Citation, all, withDoc bool) error {
	var header []string
	if all {
		header = []string{"CITED", "TYPE", "DATE", "SECTION", "PAGE"}
	} else {
		header = []string{"CITED", "DATE", "SECTION", "PAGE", "QUOTE"}
	}
	if withDoc {
		header = append([]string{"YEAR", "ISSUER"}, header...)
	}
	rows := make([][]string, 0, len(refs))
	for _, r := range refs {
		var row []string
		if all {
			row = []string{r.ID, r.Type, string(r.Date), cellWhere(r.SectionPath, r.Footnote), cellPage(r.Page)}
		} else {
			row = []string{r.ID, string(r.Date), cellWhere(r.SectionPath, r.Footnote), cellPage(r.Page), r.Quote}
		}
		if withDoc {
			row = append([]string{cellYear(r.ReportYear), r.DocumentIssuer}, row...)
		}
		rows = append(rows, row)
	}
	return printTable(io, header, rows)
}
