package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/schema"
)

// FiguresOptions are the inputs of `baocao figures`.
type FiguresOptions struct {
	IO        *IOStreams
	CorpusDir func() string
	Doc       string
	Issuer    string
	Metric    string
	Year      int
	Subject   string
	From, To  string // the period the figures must lie in, yyyy-mm-dd
	Limit     int
	JSON      bool
	CSV       bool
}

func newCmdFigures(f *Factory, runF func(*FiguresOptions) error) *cobra.Command {
	opts := &FiguresOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	cmd := &cobra.Command{
		Use:   "figures",
		Short: "List the figures found in the corpus",
		Long: `Figures lists the numbers stated in the reports, each with what it counts
(the metric), its role (a result, a target, a change, a share, a percent of
plan) and where it stands: section, page and the quoted sentence.

--metric matches a part of the metric without case or diacritics ("ket nap"
finds "kết nạp đảng viên mới"). Values print the Vietnamese way (9.582;
20,4%); --csv and --json give plain numbers for spreadsheets and scripts.

--subject keeps the figures about a sub-unit or a level ("cấp huyện",
"UBKT Thành ủy"); --from and --to keep the figures whose period lies inside
those dates (a figure with no period is left out).`,
		Example: `  baocao figures --metric "kết nạp đảng viên"
  baocao figures --doc thachban-2022 --year 2022
  baocao figures --subject "cấp huyện" --from 2024-01-01 --to 2024-06-30
  baocao figures --metric "ket nap" --csv > ket-nap.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.JSON && opts.CSV {
				return usageError("--json and --csv cannot be used together")
			}
			if opts.Limit < 0 {
				return usageError("--limit must be positive")
			}
			for _, d := range []string{opts.From, opts.To} {
				if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
					return usageError("--from/--to: %q is not a date like 2024-06-30", d)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return figuresRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Doc, "doc", "", "only figures of document `DOC` (id, id prefix or file name)")
	cmd.Flags().StringVar(&opts.Issuer, "issuer", "", "only reports of this `ISSUER`")
	cmd.Flags().StringVar(&opts.Metric, "metric", "", "only metrics containing `TEXT`")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "only reports on this `YEAR`")
	cmd.Flags().StringVar(&opts.Subject, "subject", "", "only figures about this sub-unit or level (`TEXT`, without diacritics too)")
	cmd.Flags().StringVar(&opts.From, "from", "", "only figures whose period starts on or after `DATE` (yyyy-mm-dd)")
	cmd.Flags().StringVar(&opts.To, "to", "", "only figures whose period ends on or before `DATE` (yyyy-mm-dd)")
	cmd.Flags().IntVar(&opts.Limit, "limit", 0, "print at most `N` figures (default: all)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the figures as JSON")
	cmd.Flags().BoolVar(&opts.CSV, "csv", false, "print the figures as CSV")
	return cmd
}

func figuresRun(ctx context.Context, opts *FiguresOptions) error {
	c, err := openCorpus(opts.IO, opts.CorpusDir())
	if err != nil {
		return err
	}
	defer c.Close()
	ff := corpus.FigureFilter{Doc: opts.Doc, Issuer: opts.Issuer, Metric: opts.Metric, Year: opts.Year, Subject: opts.Subject}
	if opts.From != "" || opts.To != "" {
		ff.Within = &schema.Period{Start: opts.From, End: opts.To}
	}
	figs, err := c.Figures(ctx, ff)
	if err != nil {
		return docError(err)
	}
	if opts.Limit > 0 && len(figs) > opts.Limit {
		figs = figs[:opts.Limit]
	}
	switch {
	case opts.JSON:
		return writeJSON(opts.IO.Out, figs)
	case opts.CSV:
		return writeFiguresCSV(opts.IO, figs)
	}
	if len(figs) == 0 {
		what := "figure"
		if opts.Metric != "" {
			what = fmt.Sprintf("figure for %q", opts.Metric)
		}
		fmt.Fprintln(opts.IO.ErrOut, explainNone(ctx, c, what, opts.Issuer, opts.Year))
		return nil
	}
	return printFigures(opts.IO, figs, true)
}

// printFigures prints a figure table; withDoc adds the document columns.
func printFigures(io *IOStreams, figs []corpus.FigureHit, withDoc bool) error {
	header := []string{"METRIC", "VALUE", "UNIT", "ROLE", "SECTION", "PAGE", "QUOTE"}
	if withDoc {
		header = append([]string{"YEAR", "ISSUER"}, header...)
	} else {
		header = append([]string{"ID"}, header...)
	}
	rows := make([][]string, 0, len(figs))
	for _, h := range figs {
		x := h.Figure
		row := []string{x.Metric, cellFigureValue(x), cellFigureUnit(x), x.Role,
			cellWhere(x.SectionPath, x.Footnote), cellPage(x.Page), x.Quote}
		if withDoc {
			row = append([]string{cellYear(h.ReportYear), h.DocumentIssuer}, row...)
		} else {
			row = append([]string{x.ID}, row...)
		}
		rows = append(rows, row)
	}
	return printTable(io, header, rows)
}

// writeFiguresCSV writes one row per figure with plain numbers (a dot
// before decimals, no grouping), which every spreadsheet reads.
func writeFiguresCSV(io *IOStreams, figs []corpus.FigureHit) error {
	w := csv.NewWriter(io.Out)
	w.Write([]string{"document", "file", "issuer", "report_year", "id", "raw", "value", "denominator",
		"value_high", "unit", "kind", "value_normalized", "metric", "role", "qualifier", "bound",
		"period_start", "period_end", "estimate", "compared_with", "subject",
		"section_path", "page", "paragraph", "footnote", "quote"})
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	fp := func(v *float64) string {
		if v == nil {
			return ""
		}
		return f(*v)
	}
	for _, h := range figs {
		x := h.Figure
		start, end := "", ""
		if x.Period != nil {
			start, end = x.Period.Start, x.Period.End
		}
		w.Write([]string{h.Document, h.File, h.DocumentIssuer, cellYear(h.ReportYear), x.ID, x.Raw,
			f(x.Value), fp(x.Denominator), fp(x.ValueHigh), x.Unit, x.Kind, f(x.ValueNormalized),
			x.Metric, x.Role, x.Qualifier, string(x.Bound), start, end, strconv.FormatBool(x.Estimate),
			string(x.ComparedWith), x.Subject, x.SectionPath, cellPage(x.Page),
			string(x.Paragraph), cellPage(x.Footnote), x.Quote})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return errors.New("csv: " + err.Error())
	}
	return nil
}
