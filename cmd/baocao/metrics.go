package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus/compare"
)

// MetricsOptions are the inputs of `baocao metrics`.
type MetricsOptions struct {
	IO        *IOStreams
	CorpusDir string
	Action    string // list, alias, exclude
	Args      []string
	JSON      bool
}

func newCmdMetrics(f *Factory, runF func(*MetricsOptions) error) *cobra.Command {
	opts := &MetricsOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "metrics [list | alias CANONICAL PHRASE | exclude PHRASE]",
		Short: "Show or extend the metric dictionary that compare uses",
		Long: `The metric dictionary (metrics.json in the corpus) corrects the aligner of
'baocao compare' once for every year: an alias says two phrases name one
metric, an exclusion keeps figures whose label contains a phrase out of the
table. It starts with general synonyms only (kết nạp / phát triển đảng viên).`,
		Example: `  baocao metrics
  baocao metrics alias "nhà Đại đoàn kết" "nhà tình nghĩa"
  baocao metrics exclude "Huy hiệu"`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.CorpusDir = f.CorpusDir()
			opts.Action = "list"
			if len(args) > 0 {
				opts.Action, opts.Args = args[0], args[1:]
			}
			if runF != nil {
				return runF(opts)
			}
			return metricsRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func metricsRun(opts *MetricsOptions) error {
	path := filepath.Join(opts.CorpusDir, "metrics.json")
	dict, err := compare.Load(path)
	if err != nil {
		return withCode(exitError, err)
	}
	switch opts.Action {
	case "list":
		if len(opts.Args) != 0 {
			return usageError("metrics list takes no arguments")
		}
	case "alias":
		if len(opts.Args) != 2 {
			return usageError("usage: baocao metrics alias CANONICAL PHRASE")
		}
		dict.AddAlias(opts.Args[0], opts.Args[1])
	case "exclude":
		if len(opts.Args) != 1 {
			return usageError("usage: baocao metrics exclude PHRASE")
		}
		dict.AddExclude(opts.Args[0])
	default:
		return usageError("unknown metrics action %q: use list, alias or exclude", opts.Action)
	}
	if opts.Action != "list" {
		// The dictionary belongs to a corpus: refuse to create one by
		// accident in a mistyped --corpus directory.
		c, err := openCorpus(opts.IO, opts.CorpusDir)
		if err != nil {
			return err
		}
		c.Close()
		if err := dict.Save(path); err != nil {
			return withCode(exitError, err)
		}
	}
	if opts.JSON {
		return writeJSON(opts.IO.Out, dict)
	}
	var rows [][]string
	for _, g := range dict.Aliases {
		for _, p := range g[1:] {
			rows = append(rows, []string{"alias", p, g[0]})
		}
	}
	for _, e := range dict.Exclude {
		rows = append(rows, []string{"exclude", e, ""})
	}
	fmt.Fprintf(opts.IO.Out, "metric dictionary %s\n", path)
	return printTable(opts.IO, []string{"rule", "phrase", "read as"}, rows)
}
