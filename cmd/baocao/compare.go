package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/corpus/compare"
	"github.com/baocao/baocao/schema"
)

// CompareOptions are the inputs of `baocao compare`.
type CompareOptions struct {
	IO        *IOStreams
	CorpusDir string
	Issuer    string
	From, To  int
	Metric    string
	Subject   string
	Format    string
	Out       string
	Why       bool
	All       bool
}

func newCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{IO: f.IO}
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "compare",
		Short: "Year-over-year table of one issuer's figures, with targets against results",
		Long: `Compare lines up the figures of one issuer's reports: a row per metric, a
column per year, the change between the last two years, and the targets each
report set for the next year against what the next report says was reached.

The same quantity worded differently in different years lands in one row;
rows whose weakest year-to-year link is doubtful are marked "?" (and
"low_confidence" in JSON). Teach it with 'baocao metrics alias' and
'baocao metrics exclude'.`,
		Example: `  baocao compare --issuer "Huyện ủy Thạch Bàn"
  baocao compare --issuer "huyen uy thach ban" --from 2021 --to 2023 --metric "đảng viên"
  baocao compare --issuer "Huyện ủy Thạch Bàn" --format xlsx --out so-sanh.xlsx
  baocao compare --issuer "Huyện ủy Thạch Bàn" --why      # each value's quote and source`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CorpusDir = f.CorpusDir()
			if asJSON {
				opts.Format = "json"
			}
			if opts.Format == "" {
				opts.Format = formatFromName(opts.Out)
			}
			if runF != nil {
				return runF(opts)
			}
			return compareRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Issuer, "issuer", "", "issuer as written in the reports (case, tone placement and diacritics are ignored)")
	cmd.Flags().IntVar(&opts.From, "from", 0, "first report `year`")
	cmd.Flags().IntVar(&opts.To, "to", 0, "last report `year`")
	cmd.Flags().StringVar(&opts.Metric, "metric", "", "only metrics whose label contains `TEXT`")
	cmd.Flags().StringVar(&opts.Subject, "subject", "", "only figures about the sub-unit or level `NAME` (\"cấp huyện\", \"UBKT Thành ủy\")")
	cmd.Flags().StringVar(&opts.Format, "format", "", "table, csv, json, md or xlsx (default: from --out, else table)")
	cmd.Flags().StringVar(&opts.Out, "out", "", "write to `FILE` instead of standard output (required for xlsx)")
	cmd.Flags().BoolVar(&opts.Why, "why", false, "show where each value was said (document, page, quote)")
	cmd.Flags().BoolVar(&opts.All, "all", false, "also show metrics found in one year only")
	cmd.Flags().BoolVar(&asJSON, "json", false, "same as --format json")
	return cmd
}

func formatFromName(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		return "xlsx"
	case ".csv":
		return "csv"
	case ".json":
		return "json"
	case ".md":
		return "md"
	}
	return "table"
}

// issuerDocs loads every report of one issuer. With no issuer given and one
// issuer in the corpus, that one is used; otherwise the error lists what is
// there.
func issuerDocs(ctx context.Context, c *corpus.Corpus, issuer string) ([]*schema.Document, string, error) {
	issuers, err := c.Issuers(ctx)
	if err != nil {
		return nil, "", withCode(exitError, err)
	}
	if issuer == "" {
		if len(issuers) != 1 {
			return nil, "", usageError("--issuer is required; the corpus has: %s", listOrNone(issuers))
		}
		issuer = issuers[0]
	}
	infos, err := c.Documents(ctx, corpus.DocFilter{Issuer: issuer})
	if err != nil {
		return nil, "", withCode(exitError, err)
	}
	if len(infos) == 0 {
		return nil, "", withCode(exitError, fmt.Errorf("no report of %q in the corpus; issuers there: %s", issuer, listOrNone(issuers)))
	}
	docs := make([]*schema.Document, 0, len(infos))
	for _, info := range infos {
		d, err := c.Document(ctx, info.ID)
		if err != nil {
			return nil, "", withCode(exitError, err)
		}
		docs = append(docs, d)
	}
	return docs, infos[0].Meta.Issuer, nil
}

func listOrNone(items []string) string {
	if len(items) == 0 {
		return "(none)"
	}
	return strings.Join(items, "; ")
}

func yearsOf(docs []*schema.Document) []string {
	seen := map[int]bool{}
	var out []string
	for _, d := range docs {
		if y := d.Meta.ReportYear; y != 0 && !seen[y] {
			seen[y] = true
			out = append(out, strconv.Itoa(y))
		}
	}
	return out
}

func loadDictionary(dir string) (*compare.Dictionary, error) {
	return compare.Load(filepath.Join(dir, "metrics.json"))
}

func compareRun(ctx context.Context, opts *CompareOptions) error {
	switch opts.Format {
	case "table", "csv", "json", "md", "xlsx":
	default:
		return usageError("unknown --format %q: use table, csv, json, md or xlsx", opts.Format)
	}
	if opts.Format == "xlsx" && opts.Out == "" {
		return usageError("--format xlsx needs --out FILE")
	}
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
	tab := compare.Build(docs, compare.Options{From: opts.From, To: opts.To, Metric: opts.Metric, All: opts.All, Dictionary: dict, Subject: opts.Subject})
	tab.Issuer = issuer
	if len(tab.Years) == 0 {
		return withCode(exitError, fmt.Errorf("no report of %s between %s; the corpus has %s", issuer, yearRange(opts.From, opts.To), strings.Join(yearsOf(docs), ", ")))
	}

	out := opts.IO.Out
	var file *os.File
	if opts.Out != "" && opts.Format != "xlsx" {
		file, err = os.Create(opts.Out)
		if err != nil {
			return withCode(exitError, err)
		}
		defer file.Close()
		out = file
	}
	switch opts.Format {
	case "json":
		err = writeJSON(out, tab)
	case "csv":
		err = writeCompareCSV(out, tab)
	case "md":
		err = writeCompareMarkdown(out, tab)
	case "xlsx":
		err = writeCompareXLSX(opts.Out, tab)
	default:
		streams := *opts.IO
		if file != nil {
			streams.Out, streams.OutTTY = file, false
		}
		err = printCompare(&streams, tab, opts.Why)
	}
	if err != nil {
		return withCode(exitError, err)
	}
	if file != nil {
		return file.Close()
	}
	return nil
}

func yearRange(from, to int) string {
	switch {
	case from != 0 && to != 0:
		return fmt.Sprintf("%d and %d", from, to)
	case from != 0:
		return fmt.Sprintf("%d and now", from)
	case to != 0:
		return fmt.Sprintf("the start and %d", to)
	}
	return "any years"
}

// cellNum shows a value of a row; money (kept in đồng) reads in the scale a
// report would use: "2,54 tỷ", "60 triệu".
func cellNum(kind string, v float64) string {
	if kind == schema.KindMoney {
		switch a := math.Abs(v); {
		case a >= 1e9:
			return num(math.Round(v/1e7)/100) + " tỷ"
		case a >= 1e6:
			return num(math.Round(v/1e4)/100) + " triệu"
		}
	}
	return num(v)
}

// rowLabel is the metric with the part of the year its figures cover
// ("tổng thu ngân sách (6 tháng)") and a "?" when its years are linked
// with low confidence.
func rowLabel(r compare.Row) string {
	l := r.Metric
	if r.Period != "" {
		l += " (" + r.Period + ")"
	}
	if r.LowConfidence {
		return l + " ?"
	}
	return l
}

func optNum(v *float64, suffix string) string {
	if v == nil {
		return ""
	}
	s := num(*v) + suffix
	if *v > 0 {
		s = "+" + s
	}
	return s
}

func printCompare(io *IOStreams, tab *compare.Table, why bool) error {
	header := []string{"metric", "unit"}
	for _, y := range tab.Years {
		header = append(header, strconv.Itoa(y))
	}
	header = append(header, "change", "change %")
	var rows [][]string
	for _, r := range tab.Rows {
		line := []string{rowLabel(r), r.Unit}
		for _, y := range tab.Years {
			cell := ""
			if c := r.Values[strconv.Itoa(y)]; c != nil {
				cell = cellNum(r.Kind, c.Value)
				if c.Estimate {
					cell = "≈" + cell // the report's estimate ("ước đạt")
				}
			}
			line = append(line, cell)
		}
		delta := optNum(r.Delta, "")
		if r.Delta != nil && r.Kind == schema.KindMoney {
			delta = cellNum(r.Kind, *r.Delta)
			if *r.Delta > 0 {
				delta = "+" + delta
			}
		}
		line = append(line, delta, optNum(r.DeltaPct, "%"))
		rows = append(rows, line)
	}
	fmt.Fprintf(io.Out, "%s, %d–%d: %d metrics\n", tab.Issuer, tab.Years[0], tab.Years[len(tab.Years)-1], len(tab.Rows))
	if err := printTable(io, header, rows); err != nil {
		return err
	}
	if why {
		fmt.Fprintln(io.Out)
		for _, r := range tab.Rows {
			fmt.Fprintf(io.Out, "%s\n", rowLabel(r))
			for _, y := range tab.Years {
				if c := r.Values[strconv.Itoa(y)]; c != nil {
					fmt.Fprintf(io.Out, "  %d  %s  %s%s: “%s”\n", y, cellNum(r.Kind, c.Value), c.File, pageSuffix(c.Page), c.Quote)
				}
			}
		}
	}
	if len(tab.Targets) > 0 {
		fmt.Fprintln(io.Out)
		if err := printTargets(io, tab.Targets); err != nil {
			return err
		}
	}
	return nil
}

func pageSuffix(p int) string {
	if p <= 0 {
		return ""
	}
	return fmt.Sprintf(" p.%d", p)
}

func targetText(t compare.Target) string {
	s := num(t.Target)
	if t.TargetHigh != nil {
		s += "–" + num(*t.TargetHigh)
	}
	if t.Bound != nil {
		switch *t.Bound {
		case schema.BoundAtLeast:
			s = "≥ " + s
		case schema.BoundAbove:
			s = "> " + s
		case schema.BoundAtMost:
			s = "≤ " + s
		case schema.BoundBelow:
			s = "< " + s
		case schema.BoundAbout:
			s = "≈ " + s
		}
	}
	if t.Unit == "%" {
		s += "%"
	}
	return s
}

func printTargets(io *IOStreams, targets []compare.Target) error {
	header := []string{"target", "set in", "for", "goal", "result", "% of goal", "met"}
	var rows [][]string
	for _, t := range targets {
		result, pct, met := "(not reported)", "", ""
		if t.Actual != nil {
			result = num(*t.Actual)
			pct = optNum(t.Percent, "%")
			pct = strings.TrimPrefix(pct, "+")
			met = "no"
			if t.Met != nil && *t.Met {
				met = "yes"
			}
		}
		rows = append(rows, []string{t.Metric, strconv.Itoa(t.SetIn), strconv.Itoa(t.ForYear), targetText(t), result, pct, met})
	}
	return printTable(io, header, rows)
}

func writeCompareCSV(w io.Writer, tab *compare.Table) error {
	cw := csv.NewWriter(w)
	header := []string{"metric", "unit", "kind"}
	for _, y := range tab.Years {
		header = append(header, strconv.Itoa(y))
	}
	header = append(header, "delta", "delta_pct", "confidence")
	cw.Write(header)
	f := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	for _, r := range tab.Rows {
		line := []string{r.Metric, r.Unit, r.Kind}
		for _, y := range tab.Years {
			cell := ""
			if c := r.Values[strconv.Itoa(y)]; c != nil {
				cell = strconv.FormatFloat(c.Value, 'f', -1, 64)
			}
			line = append(line, cell)
		}
		line = append(line, f(r.Delta), f(r.DeltaPct), strconv.FormatFloat(r.Confidence, 'f', 2, 64))
		cw.Write(line)
	}
	cw.Flush()
	return cw.Error()
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func writeCompareMarkdown(w io.Writer, tab *compare.Table) error {
	fmt.Fprintf(w, "## %s\n\n| Chỉ tiêu | Đơn vị |", mdEscape(tab.Issuer))
	for _, y := range tab.Years {
		fmt.Fprintf(w, " %d |", y)
	}
	fmt.Fprint(w, " Tăng/giảm | % |\n|---|---|")
	for range tab.Years {
		fmt.Fprint(w, "---:|")
	}
	fmt.Fprint(w, "---:|---:|\n")
	for _, r := range tab.Rows {
		fmt.Fprintf(w, "| %s | %s |", mdEscape(rowLabel(r)), mdEscape(r.Unit))
		for _, y := range tab.Years {
			cell := ""
			if c := r.Values[strconv.Itoa(y)]; c != nil {
				cell = cellNum(r.Kind, c.Value)
			}
			fmt.Fprintf(w, " %s |", cell)
		}
		fmt.Fprintf(w, " %s | %s |\n", optNum(r.Delta, ""), optNum(r.DeltaPct, "%"))
	}
	if len(tab.Targets) > 0 {
		fmt.Fprint(w, "\n| Chỉ tiêu kế hoạch | Năm đặt | Cho năm | Mục tiêu | Kết quả | Đạt |\n|---|---:|---:|---:|---:|---|\n")
		for _, t := range tab.Targets {
			result, met := "", ""
			if t.Actual != nil {
				result = num(*t.Actual)
				met = "không"
				if t.Met != nil && *t.Met {
					met = "đạt"
				}
			}
			fmt.Fprintf(w, "| %s | %d | %d | %s | %s | %s |\n", mdEscape(t.Metric), t.SetIn, t.ForYear, targetText(t), result, met)
		}
	}
	return nil
}
