package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// Factory is what every command gets from the root: streams and the corpus
// location, resolved lazily so that commands which need no corpus work
// without one.
type Factory struct {
	IO        *IOStreams
	CorpusDir func() string
}

const rootLong = `baocao turns Vietnamese annual reports (PDF, scanned PDF, DOCX, text and
Markdown exports) into a corpus you can search, compare year over year and
check for inconsistencies. Every answer points back to file, page, section
and quote.

The corpus lives in --corpus DIR, or $BAOCAO_CORPUS, or
$XDG_DATA_HOME/baocao (~/.local/share/baocao).

EXIT STATUS
  0  success
  1  check found errors in the report; a batch finished but some files failed
  2  nothing could be done: bad input, bad usage, no corpus`

func newCmdRoot(io *IOStreams) *cobra.Command {
	var corpusFlag string
	f := &Factory{IO: io}
	f.CorpusDir = func() string { return resolveCorpusDir(corpusFlag) }

	cmd := &cobra.Command{
		Use:           "baocao",
		Short:         "Search, compare and check Vietnamese annual reports",
		Long:          rootLong,
		SilenceUsage:  true,
		SilenceErrors: true,
		Example: `  baocao demo                                  # the bundled sample reports, nothing to set up
  baocao extract report.pdf --json              # one file, no corpus needed
  baocao ingest reports/                        # a folder into the corpus
  baocao search "ket nap dang vien" --year 2023`,
	}
	cmd.SetOut(io.Out)
	cmd.SetErr(io.ErrOut)
	cmd.PersistentFlags().StringVar(&corpusFlag, "corpus", "", "corpus `DIR` (default $BAOCAO_CORPUS or ~/.local/share/baocao)")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see '%s --help')", err, c.CommandPath())
	})

	for _, sub := range newCommands(f) {
		cmd.AddCommand(sub)
	}
	return cmd
}

// newCommands lists every subcommand; each lives in its own file.
func newCommands(f *Factory) []*cobra.Command {
	return []*cobra.Command{
		newCmdExtract(f, nil),
		newCmdIngest(f, nil),
		newCmdList(f, nil),
		newCmdShow(f, nil),
		newCmdFigures(f, nil),
		newCmdRefs(f, nil),
		newCmdSearch(f, nil),
		newCmdReindex(f, nil),
		newCmdMeta(f, nil),
		newCmdCompare(f, nil),
		newCmdTargets(f, nil),
		newCmdMetrics(f, nil),
		newCmdCheck(f, nil),
		newCmdDemo(f),
		newCmdGen(f),
	}
}

func resolveCorpusDir(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("BAOCAO_CORPUS"); env != "" {
		return env
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); xdg != "" {
		return filepath.Join(xdg, "baocao")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "baocao-corpus"
	}
	return filepath.Join(home, ".local", "share", "baocao")
}

// run executes the command line and returns the exit code.
func run(args []string, io *IOStreams) int {
	cmd := newCmdRoot(io)
	cmd.SetArgs(args)
	// Every command gets a context, so none has to guard against nil.
	err := cmd.ExecuteContext(context.Background())
	if err != nil {
		if msg := err.Error(); msg != "" {
			if strings.Contains(msg, "unknown command") || strings.Contains(msg, "accepts") || strings.Contains(msg, "requires") {
				err = usageError("%s", msg)
			}
			fmt.Fprintln(io.ErrOut, "baocao: "+strings.TrimSpace(err.Error()))
		}
	}
	return exitCode(err)
}
