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
func (c *Corpus) Reindex(ctx context.Context) (RepairResult, error) {
	l, err := waitLock(ctx, filepath.Join(c.dir, lockName))
	if err != nil {
		return RepairResult{}, err
	}
	defer l.unlock()
	if _, err := c.db.ExecContext(ctx, `UPDATE documents SET indexed = 0`); err != nil {
		return RepairResult{}, fmt.Errorf("catalog: %w", err)
	}
	return c.repair(ctx)
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
	rows, err := c.db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
