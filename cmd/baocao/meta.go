package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/schema"
)

// addMetaFlags adds --issuer, --year and --doc-type, the corrections of a
// report's metadata that ingest and meta set take; of says whose.
func addMetaFlags(cmd *cobra.Command, issuer *string, year *int, docType *string, of string) {
	cmd.Flags().StringVar(issuer, "issuer", "", "set the issuer `NAME` "+of+", whatever extraction reads")
	cmd.Flags().IntVar(year, "year", 0, "set the report `YEAR` "+of+" (0: unknown)")
	cmd.Flags().StringVar(docType, "doc-type", "", "set the document `TYPE` "+of+" (Báo cáo, Nghị quyết, Kế hoạch…)")
}

// metaFlags turns the meta flags the user gave into an override: a flag
// not given leaves the extracted value, so --issuer "" is a correction to
// "no issuer", not no correction.
func metaFlags(cmd *cobra.Command, issuer *string, year *int, docType *string) (corpus.MetaOverride, error) {
	var o corpus.MetaOverride
	fl := cmd.Flags()
	if fl.Changed("issuer") {
		o.Issuer = issuer
	}
	if fl.Changed("year") {
		if *year != 0 && (*year < 1900 || *year > 2200) {
			return o, usageError("--year %d is not a year (give one like 2024, or 0 for unknown)", *year)
		}
		o.ReportYear = year
	}
	if fl.Changed("doc-type") {
		o.DocType = docType
	}
	return o, nil
}

// MetaOptions are the inputs of `baocao meta`.
type MetaOptions struct {
	IO        *IOStreams
	CorpusDir func() string
	Action    string // set, unset, list
	Doc       string
	// Meta is what set records.
	Meta corpus.MetaOverride
	// Clear is what unset removes; none named removes every correction.
	Clear corpus.MetaFields
	JSON  bool
}

func newCmdMeta(f *Factory, runF func(*MetaOptions) error) *cobra.Command {
	opts := &MetaOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	run := func(cmd *cobra.Command) error {
		if runF != nil {
			return runF(opts)
		}
		return metaRun(cmd.Context(), opts)
	}
	cmd := &cobra.Command{
		Use:   "meta",
		Short: "Correct the issuer, year or type of a report in the corpus",
		Long: `Meta corrects what extraction read from a report's letterhead: the issuer,
the report year and the document type, for a report without a letterhead
or one read wrong. 'baocao ingest --issuer … --year …' does the same while
ingesting.

A correction is kept in the catalog apart from the extracted document:
list, search, compare and check see the corrected values, 'baocao show
--json' prints them in the Document's meta, and the correction survives
'baocao reindex' (which extracts reports again) and a new ingest of the
same file. 'meta unset' goes back to what extraction read.`,
		Example: `  baocao meta set thachban-2022 --issuer "Huyện ủy Thạch Bàn" --year 2022
  baocao meta set 3fa2 --doc-type "Nghị quyết"
  baocao meta unset 3fa2 --year
  baocao meta list --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError("meta needs set, unset or list (see 'baocao meta --help')")
		},
	}

	var issuer, docType string
	var year int
	set := &cobra.Command{
		Use:   "set DOC [--issuer NAME] [--year N] [--doc-type TYPE]",
		Short: "Correct the issuer, report year or document type of a report",
		Long: `Set records corrections of the metadata of DOC (an id, an id prefix or
the file name, as 'baocao list' shows them), beside those recorded before,
and updates the catalog and the search index. Give at least one of
--issuer, --year, --doc-type.`,
		Example: `  baocao meta set thachban-2022 --issuer "Huyện ủy Thạch Bàn"
  baocao meta set 3fa2 --year 2023 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Action, opts.Doc = "set", args[0]
			m, err := metaFlags(cmd, &issuer, &year, &docType)
			if err != nil {
				return err
			}
			if m.IsZero() {
				return usageError("meta set: give --issuer, --year or --doc-type")
			}
			opts.Meta = m
			return run(cmd)
		},
	}
	addMetaFlags(set, &issuer, &year, &docType, "of DOC")
	set.Flags().BoolVar(&opts.JSON, "json", false, "print the corrected document as JSON")

	unset := &cobra.Command{
		Use:   "unset DOC [--issuer] [--year] [--doc-type]",
		Short: "Go back to the extracted issuer, year or type of a report",
		Long: `Unset removes corrections of DOC: of the fields named, or all of them when
none is named. What extraction read stands again.`,
		Example: `  baocao meta unset thachban-2022 --issuer
  baocao meta unset 3fa2`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Action, opts.Doc = "unset", args[0]
			return run(cmd)
		},
	}
	unset.Flags().BoolVar(&opts.Clear.Issuer, "issuer", false, "remove the issuer correction")
	unset.Flags().BoolVar(&opts.Clear.ReportYear, "year", false, "remove the report year correction")
	unset.Flags().BoolVar(&opts.Clear.DocType, "doc-type", false, "remove the document type correction")
	unset.Flags().BoolVar(&opts.JSON, "json", false, "print the document as JSON")

	list := &cobra.Command{
		Use:     "list",
		Short:   "List the corrections recorded in the corpus",
		Example: `  baocao meta list`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Action = "list"
			return run(cmd)
		},
	}
	list.Flags().BoolVar(&opts.JSON, "json", false, "print the corrections as JSON")

	cmd.AddCommand(set, unset, list)
	return cmd
}

// metaJSON is the --json form of meta set and unset.
type metaJSON struct {
	Document  string              `json:"document"`
	File      string              `json:"file"`
	Meta      schema.Meta         `json:"meta"`
	Extracted schema.Meta         `json:"extracted"`
	Override  corpus.MetaOverride `json:"override"`
}

func metaRun(ctx context.Context, opts *MetaOptions) error {
	c, err := openCorpus(opts.IO, opts.CorpusDir())
	if err != nil {
		return err
	}
	defer c.Close()
	var res *corpus.MetaResult
	switch opts.Action {
	case "list":
		ovs, err := c.Overrides(ctx)
		if err != nil {
			return withCode(exitError, err)
		}
		if opts.JSON {
			return writeJSON(opts.IO.Out, ovs)
		}
		if len(ovs) == 0 {
			fmt.Fprintln(opts.IO.ErrOut, "no corrections recorded (see 'baocao meta set --help')")
			return nil
		}
		rows := make([][]string, 0, len(ovs))
		for _, o := range ovs {
			rows = append(rows, []string{shortDocID(opts.IO, o.Document), o.File, describeOverride(o.Override)})
		}
		return printTable(opts.IO, []string{"ID", "FILE", "CORRECTED"}, rows)
	case "set":
		res, err = c.SetMeta(ctx, opts.Doc, opts.Meta)
	case "unset":
		res, err = c.ClearMeta(ctx, opts.Doc, opts.Clear)
	default:
		return usageError("unknown meta action %q: use set, unset or list", opts.Action)
	}
	if err != nil {
		return docError(err)
	}
	if res.IndexErr != nil {
		fmt.Fprintf(opts.IO.ErrOut, "warning: the search index could not take the change (the next command retries): %v\n", res.IndexErr)
	}
	if opts.JSON {
		return writeJSON(opts.IO.Out, metaJSON{Document: res.Doc.ID, File: res.Doc.Source.File,
			Meta: res.Doc.Meta, Extracted: res.Extracted, Override: res.Override})
	}
	m := res.Doc.Meta
	fmt.Fprintf(opts.IO.Out, "%s (%s): issuer %q, report year %s, type %q",
		res.Doc.Source.File, res.Doc.ID, m.Issuer, yearOrUnknown(m.ReportYear), m.DocType)
	if res.Override.IsZero() {
		fmt.Fprintln(opts.IO.Out, ", as extracted")
	} else {
		fmt.Fprintf(opts.IO.Out, "; corrected: %s\n", describeOverride(res.Override))
	}
	return nil
}

// describeOverride lists what a correction sets: "issuer, year".
func describeOverride(o corpus.MetaOverride) string {
	var parts []string
	if o.Issuer != nil {
		parts = append(parts, fmt.Sprintf("issuer %q", *o.Issuer))
	}
	if o.ReportYear != nil {
		parts = append(parts, "year "+yearOrUnknown(*o.ReportYear))
	}
	if o.DocType != nil {
		parts = append(parts, fmt.Sprintf("type %q", *o.DocType))
	}
	return strings.Join(parts, ", ")
}

func yearOrUnknown(y int) string {
	if y == 0 {
		return "unknown"
	}
	return fmt.Sprint(y)
}
