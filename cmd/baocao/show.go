package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/schema"
)

// ShowOptions are the inputs of `baocao show`.
type ShowOptions struct {
	IO        *IOStreams
	CorpusDir func() string
	Doc       string
	Outline   bool
	Figures   bool
	Refs      bool
	Footnotes bool
	JSON      bool
}

func newCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{IO: f.IO, CorpusDir: f.CorpusDir}
	cmd := &cobra.Command{
		Use:   "show DOC",
		Short: "Show one document of the corpus",
		Long: `Show prints one document of the corpus: what it is and how much was found
in it, or one part of it. DOC is the id (or its first few characters) that
'baocao list' prints, or the file name it was ingested from.

With --json it prints the Document (or the chosen part) as in 'baocao
extract --json'.`,
		Example: `  baocao show thachban-2022.export.md
  baocao show 3fa2 --outline
  baocao show 3fa2 --figures --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Doc = args[0]
			n := 0
			for _, b := range []bool{opts.Outline, opts.Figures, opts.Refs, opts.Footnotes} {
				if b {
					n++
				}
			}
			if n > 1 {
				return usageError("choose one of --outline, --figures, --refs, --footnotes")
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Outline, "outline", false, "print the numbered sections")
	cmd.Flags().BoolVar(&opts.Figures, "figures", false, "print the figures")
	cmd.Flags().BoolVar(&opts.Refs, "refs", false, "print the citations")
	cmd.Flags().BoolVar(&opts.Footnotes, "footnotes", false, "print the footnotes")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func showRun(ctx context.Context, opts *ShowOptions) error {
	c, err := openCorpus(opts.IO, opts.CorpusDir())
	if err != nil {
		return err
	}
	defer c.Close()
	info, err := c.Resolve(ctx, opts.Doc)
	if err != nil {
		return docError(err)
	}
	doc, err := c.Document(ctx, info.ID)
	if err != nil {
		return docError(err)
	}
	io := opts.IO
	switch {
	case opts.Outline:
		if opts.JSON {
			return writeJSON(io.Out, doc.Sections)
		}
		printOutline(io, doc)
	case opts.Figures:
		figs, err := c.Figures(ctx, corpus.FigureFilter{Doc: info.ID})
		if err != nil {
			return docError(err)
		}
		if opts.JSON {
			return writeJSON(io.Out, doc.Figures)
		}
		return printFigures(io, figs, false)
	case opts.Refs:
		refs, err := c.Refs(ctx, corpus.RefFilter{Doc: info.ID})
		if err != nil {
			return docError(err)
		}
		if opts.JSON {
			return writeJSON(io.Out, refs)
		}
		return printRefs(io, refs, false, false)
	case opts.Footnotes:
		if opts.JSON {
			return writeJSON(io.Out, doc.Footnotes)
		}
		printFootnotes(io, doc)
	default:
		if opts.JSON {
			return writeJSON(io.Out, doc)
		}
		printSummary(io, doc)
		fmt.Fprintf(io.Out, "  %-13s %s\n", "ingested:", info.IngestedAt.Local().Format("2006-01-02 15:04"))
		fmt.Fprintf(io.Out, "  %-13s %s\n", "original:", c.OriginalPath(info.Source.SHA256))
	}
	return nil
}

// printOutline prints the numbered sections as a tree, with the page each
// starts on and how many paragraphs and figures it holds.
func printOutline(io *IOStreams, doc *schema.Document) {
	paras, figs := map[string]int{}, map[string]int{}
	for _, p := range doc.Paragraphs {
		paras[string(p.Section)]++
	}
	for _, f := range doc.Figures {
		figs[string(f.Section)]++
	}
	if len(doc.Sections) == 0 {
		fmt.Fprintln(io.ErrOut, "no numbered sections found")
		return
	}
	for _, s := range doc.Sections {
		indent := strings.Repeat("  ", max(s.Level-1, 0))
		fmt.Fprintf(io.Out, "%s%s. %s", indent, s.Number, s.Title)
		var notes []string
		if s.Page != 0 {
			notes = append(notes, "p. "+cellPage(s.Page))
		}
		if n := paras[s.ID]; n > 0 {
			notes = append(notes, fmt.Sprintf("%d paragraphs", n))
		}
		if n := figs[s.ID]; n > 0 {
			notes = append(notes, fmt.Sprintf("%d figures", n))
		}
		if len(notes) > 0 {
			fmt.Fprintf(io.Out, "  (%s)", strings.Join(notes, ", "))
		}
		fmt.Fprintln(io.Out)
	}
}

// printFootnotes prints each footnote with the paragraph its marker is in.
func printFootnotes(io *IOStreams, doc *schema.Document) {
	if len(doc.Footnotes) == 0 {
		fmt.Fprintln(io.ErrOut, "no footnotes found")
		return
	}
	for _, f := range doc.Footnotes {
		var notes []string
		if f.Page != 0 {
			notes = append(notes, "p. "+cellPage(f.Page))
		}
		if f.RefParagraph != "" {
			notes = append(notes, "marker in "+string(f.RefParagraph))
		} else {
			notes = append(notes, "no marker")
		}
		fmt.Fprintf(io.Out, "[%d] %s  (%s)\n", f.ID, f.Text, strings.Join(notes, ", "))
	}
}
