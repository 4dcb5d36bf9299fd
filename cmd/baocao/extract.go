package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// ExtractOptions are the inputs of `baocao extract`.
type ExtractOptions struct {
	IO    *IOStreams
	File  string
	JSON  bool
	NoOCR bool
}

func newCmdExtract(f *Factory, runF func(*ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "extract FILE",
		Short: "Extract one report (no corpus needed)",
		Long: `Extract reads one report (PDF, scanned PDF, DOCX, text or Markdown; the
format is told by content, not by name) and prints what was found: metadata,
sections, footnotes, figures and citations. With --json it prints the
Document (schema_version 2: schema/README.md).`,
		Example: `  baocao extract bao-cao-2024.pdf
  baocao extract bao-cao-2024.docx --json > out.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return extractRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the Document as JSON")
	cmd.Flags().BoolVar(&opts.NoOCR, "no-ocr", false, "fail on scanned pages instead of running Tesseract")
	return cmd
}

func extractRun(ctx context.Context, opts *ExtractOptions) error {
	progress, done := ocrProgress(opts.IO)
	doc, err := extract.File(ctx, opts.File, extract.Options{NoOCR: opts.NoOCR, OCRProgress: progress})
	done()
	if err != nil {
		return withCode(exitError, err)
	}
	if opts.JSON {
		return writeJSON(opts.IO.Out, doc)
	}
	printSummary(opts.IO, doc)
	return nil
}

// printSummary is the human view of a Document: what it is and how much was
// found in it.
func printSummary(io *IOStreams, doc *schema.Document) {
	m := doc.Meta
	w := io.Out
	fmt.Fprintf(w, "%s (%s", doc.Source.File, doc.Source.Format)
	if doc.Source.Pages > 0 {
		fmt.Fprintf(w, ", %d pages", doc.Source.Pages)
	}
	if doc.Source.Encoding != "" && doc.Source.Encoding != "utf-8" {
		fmt.Fprintf(w, ", %s", doc.Source.Encoding)
	}
	fmt.Fprintf(w, ") id %s\n", doc.ID)
	line := func(label, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-13s %s\n", label+":", v)
		}
	}
	line("title", m.Title)
	line("issuer", m.Issuer)
	line("number", m.Number)
	line("date", m.Date)
	if m.ReportYear > 0 {
		line("years", fmt.Sprintf("report %d, plan %d", m.ReportYear, m.PlanYear))
	}
	if m.Signer != "" {
		line("signed", m.SignerTitle+" "+m.Signer)
	}
	fmt.Fprintf(w, "  %d sections, %d paragraphs, %d footnotes, %d figures, %d citations\n",
		len(doc.Sections), len(doc.Paragraphs), len(doc.Footnotes), len(doc.Figures), len(doc.References))
	for _, s := range doc.Sections {
		fmt.Fprintf(w, "  %*s%s. %s\n", 2*(s.Level-1), "", s.Number, s.Title)
	}
	for _, warn := range doc.Warnings {
		fmt.Fprintf(io.ErrOut, "warning: %s: %s\n", doc.Source.File, warn)
	}
}
