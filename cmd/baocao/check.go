package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/corpus/check"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// CheckOptions are the inputs of `baocao check`.
type CheckOptions struct {
	IO *IOStreams
	// Target is a file to extract, or a document of the corpus (id, id
	// prefix or file name) when no such file exists.
	Target     string
	JSON       bool
	NoOCR      bool
	Rules      []string
	NoWarnings bool
	// CorpusDir is where earlier reports come from; UseCorpus says whether
	// to look there for a FILE (a corpus DOC always uses it).
	CorpusDir string
	UseCorpus bool
	// OpenCorpus opens the corpus; tests replace it with a fake.
	OpenCorpus func(dir string) (checkStore, error)
}

// checkStore is what check needs of a corpus: one document by reference and
// the catalog entries of an issuer's reports.
type checkStore interface {
	Document(ctx context.Context, ref string) (*schema.Document, error)
	Documents(ctx context.Context, f corpus.DocFilter) ([]corpus.DocInfo, error)
	Close() error
}

var _ checkStore = (*corpus.Corpus)(nil)

func openCheckStore(dir string) (checkStore, error) { return corpus.OpenExisting(dir) }

func newCmdCheck(f *Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: f.IO, OpenCorpus: openCheckStore}
	cmd := &cobra.Command{
		Use:   "check FILE|DOC",
		Short: "Find inconsistencies in a report, alone and against earlier years",
		Long: `Check reads a report and lists what does not add up: parts that do not
make their total (sum_mismatch), a percent that is not its ratio
(percent_mismatch), one population with two sizes (denominator_conflict),
shares over 100% (share_over_100), duplicated or skipped section numbers
(numbering), footnote markers without bodies and bodies without markers
(footnote_missing, footnote_unreferenced), a document cited with two dates
(reference_conflict), one total with two values (total_conflict,
value_conflict).

With --corpus DIR (or $BAOCAO_CORPUS), or for a DOC already in the corpus,
it also reads the same issuer's earlier reports: a "giảm 29% so với cùng
kỳ" that last year's value contradicts (cross_year_change), a "đạt 103,6%
chỉ tiêu" that last year's target contradicts (cross_year_target).

Stated numbers are compared as intervals: 20,4% stands for 20,35-20,45.
An error is unambiguous arithmetic; a warning is a reading that could be
partial, and its message says which reading was used.

EXIT STATUS
  0  no errors (warnings allowed)
  1  errors found
  2  could not check (unreadable file, unknown document, no corpus)`,
		Example: `  baocao check bao-cao-2024.pdf
  baocao check bao-cao-2024.docx --corpus ~/baocao --json
  baocao check thachban-2023 --rule sum_mismatch --rule percent_mismatch`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Target = args[0]
			opts.CorpusDir = f.CorpusDir()
			if fl := cmd.Flag("corpus"); fl != nil && fl.Changed || os.Getenv("BAOCAO_CORPUS") != "" {
				opts.UseCorpus = true
			}
			for _, r := range opts.Rules {
				if !slices.Contains(check.Rules, r) {
					return usageError("check: unknown rule %q (rules: %s)", r, strings.Join(check.Rules, ", "))
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the findings as JSON (DESIGN.md: document, findings)")
	cmd.Flags().BoolVar(&opts.NoOCR, "no-ocr", false, "fail on scanned pages instead of running Tesseract")
	cmd.Flags().StringSliceVar(&opts.Rules, "rule", nil, "run only this `RULE` (repeatable)")
	cmd.Flags().BoolVar(&opts.NoWarnings, "no-warnings", false, "report errors only")
	return cmd
}

func checkRun(ctx context.Context, opts *CheckOptions) error {
	doc, store, err := loadForCheck(ctx, opts)
	if err != nil {
		return withCode(exitError, err)
	}
	var earlier []*schema.Document
	if store != nil {
		defer store.Close()
		earlier, err = earlierReports(ctx, store, doc)
		if err != nil {
			return withCode(exitError, fmt.Errorf("check: earlier reports: %w", err))
		}
	}
	findings := check.Document(doc, earlier, check.Options{Rules: opts.Rules, NoWarnings: opts.NoWarnings})
	report := schema.CheckReport{Document: doc.ID, File: doc.Source.File, Findings: findings}
	if opts.JSON {
		if err := writeJSON(opts.IO.Out, report); err != nil {
			return withCode(exitError, err)
		}
	} else if err := printFindings(opts.IO, doc, earlier, findings); err != nil {
		return withCode(exitError, err)
	}
	if check.HasErrors(findings) {
		return withCode(exitFindings, nil)
	}
	return nil
}

// loadForCheck extracts the target file, or loads it from the corpus when no
// such file exists. The store is returned open when earlier reports should
// be read from it.
func loadForCheck(ctx context.Context, opts *CheckOptions) (*schema.Document, checkStore, error) {
	if st, err := os.Stat(opts.Target); err == nil && !st.IsDir() {
		progress, done := ocrProgress(opts.IO)
		doc, err := extract.File(ctx, opts.Target, extract.Options{NoOCR: opts.NoOCR, OCRProgress: progress})
		done()
		if err != nil {
			return nil, nil, err
		}
		if !opts.UseCorpus {
			return doc, nil, nil
		}
		store, err := opts.OpenCorpus(opts.CorpusDir)
		if err != nil {
			return nil, nil, fmt.Errorf("check: %w", err)
		}
		return doc, store, nil
	}
	store, err := opts.OpenCorpus(opts.CorpusDir)
	if err != nil {
		if errors.Is(err, corpus.ErrNoCorpus) {
			return nil, nil, fmt.Errorf("check: %s: no such file, and %w", opts.Target, err)
		}
		return nil, nil, fmt.Errorf("check: %w", err)
	}
	doc, err := store.Document(ctx, opts.Target)
	if err != nil {
		store.Close()
		return nil, nil, fmt.Errorf("check: %w", err)
	}
	return doc, store, nil
}

// earlierReports loads the reports of doc's issuer for earlier years. Only
// the catalog entries are read for the others, so a large corpus costs one
// query.
func earlierReports(ctx context.Context, store checkStore, doc *schema.Document) ([]*schema.Document, error) {
	if doc.Meta.Issuer == "" || doc.Meta.ReportYear == 0 {
		return nil, nil
	}
	infos, err := store.Documents(ctx, corpus.DocFilter{Issuer: doc.Meta.Issuer})
	if err != nil {
		return nil, err
	}
	key := vntext.SquashSpace(vntext.Key(doc.Meta.Issuer))
	var out []*schema.Document
	for _, in := range infos {
		if in.ID == doc.ID || in.Meta.ReportYear == 0 || in.Meta.ReportYear >= doc.Meta.ReportYear {
			continue
		}
		if vntext.SquashSpace(vntext.Key(in.Meta.Issuer)) != key {
			continue // "thạch bàn" also finds the People's Committee
		}
		d, err := store.Document(ctx, in.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// printFindings is the human view: a line on what was checked, then one row
// per finding.
func printFindings(io *IOStreams, doc *schema.Document, earlier []*schema.Document, fs []schema.Finding) error {
	errs := 0
	for _, f := range fs {
		if f.Severity == schema.SeverityError {
			errs++
		}
	}
	against := "alone"
	if len(earlier) > 0 {
		var ys []string
		for _, d := range earlier {
			ys = append(ys, strconv.Itoa(d.Meta.ReportYear))
		}
		slices.Sort(ys)
		against = "against " + strings.Join(ys, ", ")
	}
	name := doc.Source.File
	if name == "" {
		name = doc.ID
	}
	fmt.Fprintf(io.ErrOut, "%s: %d errors, %d warnings (checked %s)\n", name, errs, len(fs)-errs, against)
	if len(fs) == 0 {
		return nil
	}
	rows := make([][]string, 0, len(fs))
	for _, f := range fs {
		msg := f.Message
		if len(f.Related) > 0 {
			msg += " — see: " + f.Related[0].Quote
		}
		rows = append(rows, []string{f.Severity, f.Rule, findingWhere(f), msg, f.Quote})
	}
	return printTable(io, []string{"SEVERITY", "RULE", "WHERE", "MESSAGE", "QUOTE"}, rows)
}

// findingWhere is "Phần thứ nhất/II/3, p. 4, footnote 2".
func findingWhere(f schema.Finding) string {
	var parts []string
	if f.SectionPath != "" {
		parts = append(parts, f.SectionPath)
	}
	if f.Page != 0 {
		parts = append(parts, fmt.Sprintf("p. %d", f.Page))
	}
	if f.Footnote != 0 {
		parts = append(parts, fmt.Sprintf("footnote %d", f.Footnote))
	} else if f.Paragraph != "" && f.SectionPath == "" {
		parts = append(parts, string(f.Paragraph))
	}
	return strings.Join(parts, ", ")
}
