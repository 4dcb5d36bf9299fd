package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/corpus/sample"
)

func newCmdDemo(f *Factory) *cobra.Command {
	var keep string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Ingest the bundled sample reports into a temporary corpus and show what baocao does",
		Long: `Demo writes the bundled sample reports (four fictional Thạch Bàn reports:
three of the district Party committee, 2021-2023, and one of the People's
Committee, 2023) into a temporary corpus, ingests them and runs list,
figures refs, search, compare and check on it. Nothing is written to your own corpus; the
temporary one is removed at the end unless --keep DIR names where to keep
it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return demoRun(cmd.Context(), f.IO, keep)
		},
	}
	cmd.Flags().StringVar(&keep, "keep", "", "build the demo corpus in `DIR` and keep it")
	return cmd
}

func demoRun(ctx context.Context, io *IOStreams, keep string) error {
	tmp, err := os.MkdirTemp("", "baocao-demo-")
	if err != nil {
		return withCode(exitError, err)
	}
	defer os.RemoveAll(tmp)
	reports := filepath.Join(tmp, "reports")
	dir := filepath.Join(tmp, "corpus")
	if keep != "" {
		dir = keep
	}
	if err := os.MkdirAll(reports, 0o755); err != nil {
		return withCode(exitError, err)
	}
	for _, name := range sample.Names() {
		b, err := fs.ReadFile(sample.FS(), name)
		if err != nil {
			return withCode(exitError, err)
		}
		if err := os.WriteFile(filepath.Join(reports, name), b, 0o644); err != nil {
			return withCode(exitError, err)
		}
	}
	corpusDir := func() string { return dir }

	step := func(title string) { fmt.Fprintf(io.Out, "\n$ baocao %s\n", title) }
	fmt.Fprintf(io.Out, "Ingesting the %d bundled sample reports (fictional, Thạch Bàn district) into %s\n", len(sample.Names()), dir)
	step("ingest reports/")
	c, err := corpus.Open(dir)
	if err != nil {
		return withCode(exitError, err)
	}
	res, err := c.Ingest(ctx, []string{reports}, corpus.IngestOptions{})
	if err != nil {
		c.Close()
		return withCode(exitError, err)
	}
	if err := reportIngest(io, false, res); err != nil && len(res.Added)+len(res.Skipped) == 0 {
		c.Close()
		return err
	}
	refID := mostCited(ctx, c)
	c.Close()

	step("list")
	if err := listRun(ctx, &ListOptions{IO: io, CorpusDir: corpusDir}); err != nil {
		return err
	}
	step(`figures --metric "dang vien" --limit 8`)
	if err := figuresRun(ctx, &FiguresOptions{IO: io, CorpusDir: corpusDir, Metric: "dang vien", Limit: 8}); err != nil {
		return err
	}
	if refID != "" {
		step("refs " + refID)
		if err := refsRun(ctx, &RefsOptions{IO: io, CorpusDir: corpusDir, ID: refID}); err != nil {
			return err
		}
	}
	step(`search "ket nap dang vien" --limit 3`)
	if err := searchRun(ctx, &SearchOptions{IO: io, CorpusDir: corpusDir, Query: "ket nap dang vien", Limit: 3}); err != nil {
		return err
	}
	step(`compare --issuer "Huyện ủy Thạch Bàn" --metric "đảng viên"`)
	if err := compareRun(ctx, &CompareOptions{IO: io, CorpusDir: dir, Issuer: "Huyện ủy Thạch Bàn", Metric: "đảng viên", Format: "table"}); err != nil {
		return err
	}
	// The 2023 report has planted errors; check is expected to find them,
	// which for the demo is success, not failure.
	step("check thachban-2023")
	err = checkRun(ctx, &CheckOptions{IO: io, Target: "thachban-2023", CorpusDir: dir, UseCorpus: true, OpenCorpus: openCheckStore})
	if exitCode(err) == exitError {
		return err
	}
	fmt.Fprintln(io.Out, "\nYour own reports: baocao ingest FOLDER, then list, search, compare, check, show DOC (baocao help for all).")
	return nil
}

// mostCited picks the document cited by the most reports, for the refs part
// of the demo; "" when nothing is cited.
func mostCited(ctx context.Context, c *corpus.Corpus) string {
	refs, err := c.Refs(ctx, corpus.RefFilter{})
	if err != nil {
		return ""
	}
	docs := map[string]map[string]bool{}
	for _, r := range refs {
		if docs[r.ID] == nil {
			docs[r.ID] = map[string]bool{}
		}
		docs[r.ID][r.Document] = true
	}
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if a, b := len(docs[ids[i]]), len(docs[ids[j]]); a != b {
			return a > b
		}
		return ids[i] < ids[j]
	})
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}
