package corpus

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// Outdated counts the documents of the catalog that Upgrade would bring up
// to date: stored with an older Document schema than schema.Version, or
// stored before the catalog recorded the version (their figure columns of
// schema 2 are empty whatever their JSON says).
func (c *Corpus) Outdated(ctx context.Context) (int, error) {
	var n int
	err := c.db.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE doc_schema < ?`, schema.Version).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("catalog: %w", err)
	}
	return n, nil
}

// UpgradeOptions tune Upgrade. The zero value is ready to use.
type UpgradeOptions struct {
	Extract extract.Options
	// Jobs is the number of documents extracted at once (default: CPUs).
	Jobs int
	// Progress is told about each document (default: NoProgress). The
	// FileResult's Path is the file name the document was ingested from.
	Progress Progress
	// All re-extracts every document from its original, not only the
	// outdated ones: for an upgrade of the extraction rules that kept the
	// schema version.
	All bool
	// NoIndex leaves the documents it changed for the index (indexed = 0)
	// instead of indexing them, for a caller that rebuilds the whole index
	// next (Reindex): they would be indexed twice.
	NoIndex bool
}

// UpgradeResult is what Upgrade did.
type UpgradeResult struct {
	// Reextracted were extracted again from their originals.
	Reextracted []FileResult
	// Rebuilt already had a current Document; only their catalog rows were
	// written again from it (a catalog from before the schema 2 columns).
	Rebuilt []FileResult
	// Failed could not be extracted again (original missing or unreadable,
	// OCR not available, …); their rows are as they were.
	Failed []FileResult
	// IndexErr is set when the index could not take some changed
	// documents; the next Open indexes them.
	IndexErr error
}

// Upgrade brings the documents of an older schema version (see Outdated),
// or with All every document, up to date: each is extracted again from its
// original under files/ and its catalog rows are replaced in one
// transaction, keeping its ingest time and the user's corrections of its
// metadata (MetaOverride). A document whose JSON is already current only
// has its rows written again. A document that cannot be extracted again
// keeps its rows and is reported in Failed. It waits for a running ingest.
//
// Documents are extracted in parallel and written by one goroutine, as in
// Ingest; the index follows each batch (catalog commit, index,
// indexed = 1), unless NoIndex.
func (c *Corpus) Upgrade(ctx context.Context, opts UpgradeOptions) (*UpgradeResult, error) {
	if opts.Progress == nil {
		opts.Progress = NoProgress{}
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	res := &UpgradeResult{}
	lock, err := waitLock(ctx, filepath.Join(c.dir, lockName))
	if err != nil {
		return res, err
	}
	defer lock.unlock()

	q := `SELECT id, sha256, file FROM documents WHERE doc_schema < ? ORDER BY file, id`
	args := []any{schema.Version}
	if opts.All {
		q, args = `SELECT id, sha256, file FROM documents ORDER BY file, id`, nil
	}
	cands, err := c.upgradeCandidates(ctx, q, args...)
	if err != nil {
		return res, err
	}
	if len(cands) == 0 {
		return res, nil
	}
	st, err := c.newStore(ctx)
	if err != nil {
		return res, fmt.Errorf("catalog: %w", err)
	}
	defer st.close()
	var ix indexer
	if !opts.NoIndex {
		if ix, err = c.openIndexLocked(ctx); err != nil {
			res.IndexErr, ix = err, nil
		} else {
			// As in Ingest: whatever an earlier crash left unindexed goes
			// in first, so that the flags stay true.
			if _, err := c.repairIndex(ctx, ix); err != nil {
				res.IndexErr = err
			}
			defer func() {
				if err := ix.Close(); err != nil && res.IndexErr == nil {
					res.IndexErr = fmt.Errorf("index: close: %w", err)
				}
			}()
		}
	}

	opts.Progress.Start(len(cands))
	const batch = 100
	var pending []*schema.Document
	flush := func() {
		if len(pending) == 0 {
			return
		}
		if err := c.indexDocs(ctx, ix, pending); err != nil && res.IndexErr == nil {
			res.IndexErr = err
		}
		pending = nil
	}
	for r := range c.upgradeAll(ctx, cands, jobs, opts.Extract, opts.All) {
		fr := FileResult{Path: r.cand.file, ID: r.cand.id, Outcome: r.outcome, Err: r.err}
		if fr.Err == nil {
			fr.Err = st.replace(ctx, r.doc)
		}
		if fr.Err != nil {
			fr.Outcome = Failed
			res.Failed = append(res.Failed, fr)
			opts.Progress.Done(fr)
			continue
		}
		info := infoOf(r.doc)
		fr.Doc = &info
		if fr.Outcome == Rebuilt {
			res.Rebuilt = append(res.Rebuilt, fr)
		} else {
			res.Reextracted = append(res.Reextracted, fr)
		}
		pending = append(pending, r.doc)
		if len(pending) >= batch {
			flush()
		}
		opts.Progress.Done(fr)
	}
	flush()
	return res, ctx.Err()
}

// upgradeCand is a document Upgrade works on.
type upgradeCand struct{ id, sha, file string }

func (c *Corpus) upgradeCandidates(ctx context.Context, q string, args ...any) ([]upgradeCand, error) {
	rows, err := c.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	var out []upgradeCand
	for rows.Next() {
		var u upgradeCand
		if err := rows.Scan(&u.id, &u.sha, &u.file); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// upgraded is a worker's answer for one document.
type upgraded struct {
	cand    upgradeCand
	outcome Outcome
	doc     *schema.Document
	err     error
}

// upgradeAll works on cands with jobs workers; the channel is closed when
// all are done or ctx is cancelled.
func (c *Corpus) upgradeAll(ctx context.Context, cands []upgradeCand, jobs int, eo extract.Options, all bool) <-chan upgraded {
	return parallel(ctx, cands, jobs, func(u upgradeCand) upgraded { return c.upgradeOne(ctx, u, eo, all) })
}

// errOriginalChanged says that the file kept under files/ is no longer the
// one the document was extracted from.
var errOriginalChanged = errors.New("the original under files/ does not match its sha256")

func (c *Corpus) upgradeOne(ctx context.Context, u upgradeCand, eo extract.Options, all bool) upgraded {
	r := upgraded{cand: u, outcome: Reextracted}
	if !all {
		// A stored Document that cannot be read is extracted again, like
		// an old one.
		if doc, err := c.loadExtracted(ctx, u.id); err == nil && doc.SchemaVersion >= schema.Version {
			r.outcome, r.doc = Rebuilt, doc
			return r
		}
	}
	fail := func(err error) upgraded {
		var xe *extract.Error
		if !errors.As(err, &xe) {
			err = &extract.Error{File: u.file, Err: err}
		}
		r.err = err
		return r
	}
	data, err := readFile(c.OriginalPath(u.sha), eo.MaxBinaryBytes)
	if err != nil {
		return fail(fmt.Errorf("original: %w", err))
	}
	doc, err := c.extractBytes(ctx, u.file, data, eo)
	if err != nil {
		return fail(err)
	}
	if doc.Source.SHA256 != u.sha || doc.ID != u.id {
		return fail(errOriginalChanged)
	}
	doc.SetEmpty()
	r.doc = doc
	return r
}

// loadExtracted reads the stored document id as extraction made it,
// without the user's corrections.
func (c *Corpus) loadExtracted(ctx context.Context, id string) (*schema.Document, error) {
	var body []byte
	if err := c.db.QueryRowContext(ctx, `SELECT document FROM documents WHERE id = ?`, id).Scan(&body); err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	doc, err := decodeDocument(body)
	if err != nil {
		return nil, fmt.Errorf("catalog: document %s: %w", id, err)
	}
	doc.SetEmpty()
	return doc, nil
}
