package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/index"
)

// SearchOptions are the inputs of `baocao search`.
type SearchOptions struct {
	IO        *IOStreams
	CorpusDir func() string

	Query  string
	Year   int
	Issuer string
	Type   string
	In     string
	Limit  int
	Syntax string
	JSON   bool

	Figure   string
	Min, Max *float64
}

const searchLong = `Search finds paragraphs and footnote bodies of the reports in the corpus,
or figures by what they count and their value.

Words are typed with or without diacritics: "ket nap dang vien" finds what
"kết nạp đảng viên" finds, and passages that have the diacritics you typed
come first. Every word must be present ("huyện uỷ" and "huyện ủy" are the
same word); if no report has them all, reports with some of them are shown
and a note says so. Words in "double quotes" must follow one another, in
that order. A document symbol (28-NQ/TU, 1232/NQ-UBTVQH15) matches only
itself: 28-NQ/TU never finds 28-NQ/TW.

Hits show the report, year, issuer, section, paragraph or footnote, page
and an excerpt. The counts below the hits (and "total" and "facets" in
--json) count matching reports, by year and by issuer.

QUERY SYNTAX FOR POWER USERS
  A query that starts a word with + or -, uses parentheses, or names a field
  (field:value) is read with Bleve's query-string syntax (force it with
  --syntax bleve, or turn it off with --syntax plain):
    +word -word        required, excluded (other words are optional)
    "a phrase"         words in order
    text:đảng          exact form only (diacritics count; fn_text:, metric: too)
    fold:dang          folded form (what a plain word searches)
    fn_fold:…          footnote bodies only
    metric_fold:…      reports with a figure metric holding the word
    year:>=2022        report year, also year:2023
    issuer:"Huyện ủy Thạch Bàn"  type:"Báo cáo"
  Fuzzy (~), wildcards and regular expressions match single indexed terms:
  folded syllables ("dang"), exact syllables ("đảng") and syllable pairs.

FIGURES
  --figure WORDS finds figures whose metric has every word, with --min and
  --max bounding the value as written or normalized (money in đồng, percent
  as a number).`

func newCmdSearch(f *Factory, runF func(*SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	var min, max float64
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search paragraphs, footnotes and figures of the corpus",
		Long:  searchLong,
		Example: `  baocao search "ket nap dang vien"
  baocao search '"Dân vận khéo"' --year 2023
  baocao search 28-NQ/TU
  baocao search "đảng viên" --issuer "Huyện ủy Thạch Bàn" --in footnotes --limit 20 --json
  baocao search --figure "kết nạp đảng viên" --min 200 --max 300
  baocao search '+"chuyển đổi số" +year:>=2022 -issuer:"UBND huyện Thạch Bàn"'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(strings.Join(args, " "))
			if cmd.Flags().Changed("min") {
				opts.Min = &min
			}
			if cmd.Flags().Changed("max") {
				opts.Max = &max
			}
			if opts.Query == "" && opts.Figure == "" && opts.Min == nil && opts.Max == nil {
				return usageError("search: give a query, or --figure (see 'baocao search --help')")
			}
			switch opts.In {
			case "", "all":
				opts.In = index.InAll
			case index.InParagraphs, index.InFootnotes:
			default:
				return usageError("search: --in must be paragraphs, footnotes or all, not %q", opts.In)
			}
			switch opts.Syntax {
			case "auto", "":
				opts.Syntax = index.SyntaxAuto
			case index.SyntaxPlain, index.SyntaxBleve:
			default:
				return usageError("search: --syntax must be auto, plain or bleve, not %q", opts.Syntax)
			}
			if opts.Limit <= 0 {
				return usageError("search: --limit must be positive")
			}
			if runF != nil {
				return runF(opts)
			}
			return searchRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&opts.Year, "year", 0, "only reports on this `YEAR`")
	fl.StringVar(&opts.Issuer, "issuer", "", "only reports of this `ISSUER` (case and diacritics ignored)")
	fl.StringVar(&opts.Type, "type", "", "only documents of this `TYPE` (\"Báo cáo\")")
	fl.StringVar(&opts.In, "in", "", "search only `paragraphs` or footnotes")
	fl.IntVar(&opts.Limit, "limit", 10, "show at most `N` hits")
	fl.StringVar(&opts.Syntax, "syntax", "auto", "query syntax: auto, plain or bleve")
	fl.BoolVar(&opts.JSON, "json", false, "print the result as JSON")
	fl.StringVar(&opts.Figure, "figure", "", "search figures whose metric has these `WORDS`")
	fl.Float64Var(&min, "min", 0, "figures with a value of at least `V`")
	fl.Float64Var(&max, "max", 0, "figures with a value of at most `V`")
	return cmd
}

// noCorpusError tells how to make a corpus.
func noCorpusError(dir string) error {
	return withCode(exitError, fmt.Errorf("no corpus at %s: run 'baocao ingest FILES…' first", dir))
}

// openSearchIndex opens the index of the corpus in dir read-only. A
// missing or empty corpus is an error that says how to make one.
func openSearchIndex(io *IOStreams, dir string) (*index.Index, error) {
	c, err := corpus.OpenExisting(dir)
	if errors.Is(err, corpus.ErrNoCorpus) {
		return nil, noCorpusError(dir)
	}
	if err != nil {
		return nil, withCode(exitError, err)
	}
	path := c.IndexPath()
	outdatedHint(io, c)
	c.Close()
	ix, err := index.OpenExisting(path)
	if errors.Is(err, index.ErrNotFound) {
		return nil, withCode(exitError, fmt.Errorf("the corpus at %s has no index: run 'baocao reindex', or 'baocao ingest FILES…'", dir))
	}
	if err != nil {
		return nil, withCode(exitError, err)
	}
	if n, err := ix.Count(); err == nil && n == 0 {
		ix.Close()
		return nil, withCode(exitError, fmt.Errorf("the corpus at %s is empty: run 'baocao ingest FILES…' first", dir))
	}
	return ix, nil
}

func searchRun(ctx context.Context, opts *SearchOptions) error {
	ix, err := openSearchIndex(opts.IO, opts.CorpusDir())
	if err != nil {
		return err
	}
	defer ix.Close()
	return searchIndex(ctx, ix, opts)
}

// searchIndex runs the search on an open index and prints the result.
func searchIndex(ctx context.Context, ix *index.Index, opts *SearchOptions) error {
	res, err := ix.Search(ctx, index.Request{
		Query: opts.Query, Syntax: opts.Syntax, Year: opts.Year, Issuer: opts.Issuer, Type: opts.Type,
		In: opts.In, Limit: opts.Limit, Figure: opts.Figure, Min: opts.Min, Max: opts.Max,
	})
	var qe *index.QueryError
	switch {
	case errors.As(err, &qe):
		return withCode(exitError, fmt.Errorf("%v (quote words that hold : + - ( ), or use --syntax plain)", qe))
	case err != nil:
		return withCode(exitError, err)
	}
	if opts.JSON {
		return writeJSON(opts.IO.Out, res)
	}
	figures := opts.Figure != "" || opts.Min != nil || opts.Max != nil
	if opts.IO.OutTTY {
		printHitBlocks(opts.IO.Out, res, figures)
		printFacets(opts.IO.Out, res)
		return nil
	}
	if err := printHitTable(opts.IO, res, figures); err != nil {
		return err
	}
	// The summary goes to stderr so that the table stays machine-readable.
	printFacets(opts.IO.ErrOut, res)
	return nil
}

const (
	ansiBold  = "\x1b[1;33m"
	ansiReset = "\x1b[0m"
)

// renderMarks replaces <mark>…</mark> for display.
func renderMarks(s string, tty bool) string {
	if tty {
		return strings.NewReplacer("<mark>", ansiBold, "</mark>", ansiReset).Replace(s)
	}
	return strings.NewReplacer("<mark>", "«", "</mark>", "»").Replace(s)
}

func where(h index.Hit) string {
	var parts []string
	if h.SectionPath != "" {
		parts = append(parts, h.SectionPath)
	}
	if h.Footnote != 0 {
		parts = append(parts, "footnote "+strconv.Itoa(int(h.Footnote)))
	} else if h.Paragraph != "" {
		parts = append(parts, "paragraph "+string(h.Paragraph))
	}
	if h.Page != 0 {
		parts = append(parts, "page "+strconv.Itoa(int(h.Page)))
	}
	return strings.Join(parts, " · ")
}

func excerpt(h index.Hit) string {
	if len(h.Fragments) > 0 {
		return strings.Join(h.Fragments, "  ")
	}
	r := []rune(h.Text)
	if len(r) > 200 {
		return string(r[:200]) + " …"
	}
	return h.Text
}

func printHitBlocks(w io.Writer, res *index.Result, figures bool) {
	if res.Relaxed {
		fmt.Fprintln(w, "No report has every word; these have some of them.")
	}
	for i, h := range res.Hits {
		year := ""
		if h.ReportYear != 0 {
			year = strconv.Itoa(h.ReportYear)
		}
		fmt.Fprintf(w, "[%d] %s  %s  %s\n", i+1, h.File, year, h.Issuer)
		if loc := where(h); loc != "" {
			fmt.Fprintf(w, "    %s\n", loc)
		}
		if figures && h.Figure != nil {
			fmt.Fprintf(w, "    %s: %s%s\n", h.Figure.Metric, ansiBold+h.Figure.Raw+ansiReset, unitSuffix(h.Figure.Raw, h.Figure.Unit))
			fmt.Fprintf(w, "    “%s”\n", h.Text)
			continue
		}
		fmt.Fprintf(w, "    %s\n", renderMarks(excerpt(h), true))
	}
	if len(res.Hits) == 0 {
		fmt.Fprintln(w, "No hits.")
	}
}

func unitSuffix(raw, unit string) string {
	if unit == "" || strings.Contains(raw, unit) {
		return ""
	}
	return " " + unit
}

func printHitTable(io *IOStreams, res *index.Result, figures bool) error {
	if figures {
		header := []string{"document", "file", "report_year", "issuer", "section_path", "paragraph", "footnote", "page", "metric", "raw", "value", "unit", "quote"}
		var rows [][]string
		for _, h := range res.Hits {
			fi := h.Figure
			if fi == nil {
				continue
			}
			rows = append(rows, []string{h.Document, h.File, itoa0(h.ReportYear), h.Issuer, h.SectionPath, string(h.Paragraph),
				itoa0(int(h.Footnote)), itoa0(int(h.Page)), fi.Metric, fi.Raw, strconv.FormatFloat(fi.Value, 'f', -1, 64), fi.Unit, h.Text})
		}
		return printTable(io, header, rows)
	}
	header := []string{"document", "file", "report_year", "issuer", "section_path", "paragraph", "footnote", "page", "score", "fragment"}
	var rows [][]string
	for _, h := range res.Hits {
		rows = append(rows, []string{h.Document, h.File, itoa0(h.ReportYear), h.Issuer, h.SectionPath, string(h.Paragraph),
			itoa0(int(h.Footnote)), itoa0(int(h.Page)), strconv.FormatFloat(h.Score, 'f', 3, 64), renderMarks(excerpt(h), false)})
	}
	return printTable(io, header, rows)
}

func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// printFacets prints the report counts by year and issuer.
func printFacets(w io.Writer, res *index.Result) {
	noun := "reports match"
	if res.Total == 1 {
		noun = "report matches"
	}
	fmt.Fprintf(w, "\n%d %s", res.Total, noun)
	if len(res.Facets.ReportYear) > 0 {
		fmt.Fprintf(w, " · by year: %s", facetLine(res.Facets.ReportYear, true))
	}
	fmt.Fprintln(w)
	if len(res.Facets.Issuer) > 0 {
		fmt.Fprintf(w, "by issuer: %s\n", facetLine(res.Facets.Issuer, false))
	}
}

// facetLine lists counts, years in order, issuers by count.
func facetLine(m map[string]int, byKey bool) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if !byKey && m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
