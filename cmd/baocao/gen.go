package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus/gen"
)

// newCmdGen is a hidden command that writes a synthetic corpus, for
// measuring ingest, search and compare at scale with the real CLI.
func newCmdGen(f *Factory) *cobra.Command {
	var seed uint64
	cmd := &cobra.Command{
		Use:     "gen N DIR",
		Short:   "Write N synthetic report-sized Markdown reports into DIR (for benchmarks)",
		Hidden:  true,
		Args:    cobra.ExactArgs(2),
		Example: `  baocao gen 1000 /tmp/reports && time baocao --corpus /tmp/c ingest /tmp/reports`,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := strconv.Atoi(args[0])
			if err != nil || n < 1 {
				return usageError("N must be a positive number, not %q", args[0])
			}
			if err := os.MkdirAll(args[1], 0o755); err != nil {
				return withCode(exitError, err)
			}
			var bytes int64
			for name, text := range gen.Texts(n, seed) {
				if err := os.WriteFile(filepath.Join(args[1], name), text, 0o644); err != nil {
					return withCode(exitError, err)
				}
				bytes += int64(len(text))
			}
			fmt.Fprintf(f.IO.Out, "wrote %d reports (%.1f MB) to %s\n", n, float64(bytes)/1e6, args[1])
			return nil
		},
	}
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed of the variations")
	return cmd
}
