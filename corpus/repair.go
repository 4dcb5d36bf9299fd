package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/baocao/baocao/schema"
)

// RepairResult is what Repair changed in the index.
type RepairResult struct {
	Indexed int // catalog documents the index lacked, now indexed
	Removed int // index documents the catalog lacks, now deleted
}

// Repair brings the full-text index in line with the catalog: documents left
// unindexed by an interrupted ingest are indexed, and documents the catalog
// does not have are deleted from the index. It waits for a running ingest.
// Open calls it when no ingest is running.
func (c *Corpus) Repair(ctx context.Context) (RepairResult, error) {
	l, err := waitLock(ctx, filepath.Join(c.dir, lockName))
	if err != nil {
		return RepairResult{}, err
	}
	defer l.unlock()
	return c.repair(ctx)
}

// Reindex rebuilds the index from the catalog, for a changed index mapping
// or a damaged index. It waits for a running ingest.
//
// The new index is built from nothing in a directory beside the old one
// and then put in its place, so that the mapping and analysis of this
// version apply to every report, and a crash or failure leaves the old
// index whole. Documents are marked unindexed first: after a failure the
// next Open repairs the old index from the catalog. Removed counts the
// reports the old index held that the catalog does not.
func (c *Corpus) Reindex(ctx context.Context) (RepairResult, error) {
	l, err := waitLock(ctx, filepath.Join(c.dir, lockName))
	if err != nil {
		return RepairResult{}, err
	}
	defer l.unlock()
	if _, err := c.db.ExecContext(ctx, `UPDATE documents SET indexed = 0`); err != nil {
		return RepairResult{}, fmt.Errorf("catalog: %w", err)
	}
	c.removeReindexLeftovers()
	tmp, err := os.MkdirTemp(c.dir, reindexPrefix)
	if err != nil {
		return RepairResult{}, fmt.Errorf("index: %w", err)
	}
	defer os.RemoveAll(tmp)
	newPath := filepath.Join(tmp, indexName)
	ids, err := c.ids(ctx, `SELECT id FROM documents ORDER BY id`)
	if err != nil {
		return RepairResult{}, err
	}
	if err := c.buildIndex(ctx, newPath, ids); err != nil {
		return RepairResult{}, err
	}
	res := RepairResult{Indexed: len(ids), Removed: c.orphansIn(c.IndexPath(), ids)}
	if err := swapIndex(c.IndexPath(), newPath, filepath.Join(tmp, "old")); err != nil {
		return RepairResult{}, err
	}
	if err := c.markIndexed(ctx, ids); err != nil {
		return res, fmt.Errorf("catalog: mark indexed: %w", err)
	}
	return res, nil
}

// reindexPrefix names the directories in which Reindex builds.
const reindexPrefix = indexName + ".reindex-"

// removeReindexLeftovers removes what an interrupted Reindex left.
func (c *Corpus) removeReindexLeftovers() {
	old, _ := filepath.Glob(filepath.Join(c.dir, reindexPrefix+"*"))
	for _, dir := range old {
		os.RemoveAll(dir)
	}
}

// buildIndex indexes the documents ids into a new index at path.
func (c *Corpus) buildIndex(ctx context.Context, path string, ids []string) error {
	ix, err := c.openIndex(path)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	// Large batches: the index turns each call into segments written
	// side by side, and fewer, larger segments are merged less.
	const batch = 500
	for start := 0; start < len(ids) && err == nil; start += batch {
		if err = ctx.Err(); err != nil {
			break
		}
		docs := make([]*schema.Document, 0, min(batch, len(ids)-start))
		for _, id := range ids[start:min(start+batch, len(ids))] {
			var doc *schema.Document
			if doc, err = c.load(ctx, id); err != nil {
				break
			}
			docs = append(docs, doc)
		}
		if err == nil {
			if err = ix.Index(docs...); err != nil {
				err = fmt.Errorf("index: %w", err)
			}
		}
	}
	if cerr := ix.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("index: close: %w", cerr)
	}
	return err
}

// orphansIn counts the reports of the index at path that are not among
// ids; an index that cannot be read counts none.
func (c *Corpus) orphansIn(path string, ids []string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	ix, err := c.openIndex(path)
	if err != nil {
		return 0
	}
	defer ix.Close()
	held, err := ix.DocIDs()
	if err != nil {
		return 0
	}
	have := make(map[string]bool, len(ids))
	for _, id := range ids {
		have[id] = true
	}
	n := 0
	for _, id := range held {
		if !have[id] {
			n++
		}
	}
	return n
}

// swapIndex puts the index built at newPath in the place of the one at
// path, moving the old one to old. A directory cannot be renamed over
// another, so there is a moment with no index at path; a crash then leaves
// none, and the next Open indexes every document again.
func swapIndex(path, newPath, old string) error {
	if _, err := os.Stat(newPath); os.IsNotExist(err) {
		// An index that keeps nothing on disk (tests): nothing to swap.
		return nil
	}
	if err := os.Rename(path, old); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("index: %w", err)
	}
	if err := os.Rename(newPath, path); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

// repair is Repair with the lock held.
func (c *Corpus) repair(ctx context.Context) (RepairResult, error) {
	ix, err := c.openIndexLocked(ctx)
	if err != nil {
		return RepairResult{}, err
	}
	res, err := c.repairIndex(ctx, ix)
	if cerr := ix.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("index: close: %w", cerr)
	}
	return res, err
}

// openIndexLocked opens the index for writing, with the lock held. An index
// that was removed (or never made) holds nothing: every document must go in
// again, whatever its flag says.
func (c *Corpus) openIndexLocked(ctx context.Context) (indexer, error) {
	if _, err := os.Stat(c.IndexPath()); os.IsNotExist(err) {
		if _, err := c.db.ExecContext(ctx, `UPDATE documents SET indexed = 0 WHERE indexed <> 0`); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
	}
	ix, err := c.openIndex(c.IndexPath())
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return ix, nil
}

// repairIndex does the work of repair on an open index.
func (c *Corpus) repairIndex(ctx context.Context, ix indexer) (RepairResult, error) {
	var res RepairResult
	ids, err := c.ids(ctx, `SELECT id FROM documents WHERE indexed = 0 ORDER BY id`)
	if err != nil {
		return res, err
	}
	const batch = 32
	for start := 0; start < len(ids); start += batch {
		end := min(start+batch, len(ids))
		docs := make([]*schema.Document, 0, end-start)
		for _, id := range ids[start:end] {
			doc, err := c.load(ctx, id)
			if err != nil {
				return res, err
			}
			docs = append(docs, doc)
		}
		if err := c.indexDocs(ctx, ix, docs); err != nil {
			return res, err
		}
		res.Indexed += len(docs)
	}

	inIndex, err := ix.DocIDs()
	if err != nil {
		return res, fmt.Errorf("index: %w", err)
	}
	if len(inIndex) == 0 {
		return res, nil
	}
	all, err := c.ids(ctx, `SELECT id FROM documents`)
	if err != nil {
		return res, err
	}
	have := make(map[string]bool, len(all))
	for _, id := range all {
		have[id] = true
	}
	var orphans []string
	for _, id := range inIndex {
		if !have[id] {
			orphans = append(orphans, id)
		}
	}
	if len(orphans) > 0 {
		if err := ix.Delete(orphans...); err != nil {
			return res, fmt.Errorf("index: %w", err)
		}
		res.Removed = len(orphans)
	}
	return res, nil
}

func (c *Corpus) ids(ctx context.Context, q string) ([]string, error) {
	return queryColumn[string](ctx, c.db, q)
}
