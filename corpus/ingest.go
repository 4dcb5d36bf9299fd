package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// Outcome is what ingest did with one file.
type Outcome int

// Outcomes of FileResult.
const (
	Added   Outcome = iota // extracted and stored
	Skipped                // its content is already in the corpus
	Failed                 // could not be read, extracted or stored

	// Outcomes of Upgrade.
	Reextracted // extracted again from its original; its rows replaced
	Rebuilt     // its rows written again from its stored Document, which is current
)

func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Skipped:
		return "skipped"
	case Failed:
		return "failed"
	case Reextracted:
		return "reextracted"
	case Rebuilt:
		return "rebuilt"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// FileResult is the outcome for one file.
type FileResult struct {
	Path    string
	Outcome Outcome
	ID      string // the document id; "" when the file could not be read
	Err     error  // why it failed; nil otherwise
	// Doc is the summary of an added document, and of a skipped one whose
	// metadata was corrected.
	Doc *DocInfo
	// MetaSet says that IngestOptions.Meta was recorded for the document
	// (added, or already in the corpus).
	MetaSet bool
}

// Progress is told what Ingest does, for a progress display. Ingest calls it
// from one goroutine: an implementation needs no locking of its own unless
// something else reads its state.
type Progress interface {
	// Start gives the number of files that will be tried.
	Start(files int)
	// Done reports one file.
	Done(r FileResult)
}

// NoProgress is a Progress that shows nothing.
type NoProgress struct{}

var _ Progress = NoProgress{}

// Start does nothing.
func (NoProgress) Start(int) {}

// Done does nothing.
func (NoProgress) Done(FileResult) {}

// IngestOptions tune Ingest. The zero value is ready to use.
type IngestOptions struct {
	Extract extract.Options
	// Jobs is the number of files extracted at once (default: CPUs).
	Jobs int
	// Progress is told about each file (default: NoProgress).
	Progress Progress
	// IndexBatch is the number of documents given to the index at once
	// (default 100): Bleve makes a segment per batch and merges segments in
	// the background, so few large batches cost much less than many small
	// ones; a crash loses at most two batches of index work, which Open
	// redoes.
	IndexBatch int
	// Meta corrects the metadata of every file ingested, overriding what
	// extraction reads; for a file already in the corpus it is recorded
	// too. It outlives re-extraction (see MetaOverride).
	Meta MetaOverride
}

// IngestResult is what Ingest did.
type IngestResult struct {
	Added   []FileResult
	Skipped []FileResult
	Failed  []FileResult
	// Ignored are files inside folders that are not reports (images,
	// archives, spreadsheets, binary data), by name and content.
	Ignored []string
	// IndexErr is set when the full-text index could not take some added
	// documents. They are in the catalog; the next Open indexes them.
	IndexErr error
}

// Ingest adds the report files at paths (files or folders, walked
// recursively; hidden entries are left out) to the corpus. A file whose
// content is already in the corpus is skipped; a file that cannot be read or
// extracted is reported in Failed and leaves the catalog as it was; the rest
// is stored. The returned error is for the corpus itself (lock, catalog,
// cancellation); per-file problems are in the result.
//
// Files are extracted in parallel; the catalog is written by one goroutine,
// one transaction per document, while holding the corpus lock.
func (c *Corpus) Ingest(ctx context.Context, paths []string, opts IngestOptions) (*IngestResult, error) {
	if opts.Progress == nil {
		opts.Progress = NoProgress{}
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	batch := opts.IndexBatch
	if batch <= 0 {
		batch = 100
	}
	res := &IngestResult{}
	files, ignored, failed := collect(paths)
	res.Ignored = ignored

	lock, err := waitLock(ctx, filepath.Join(c.dir, lockName))
	if err != nil {
		return res, err
	}
	defer lock.unlock()

	st, err := c.newStore(ctx)
	if err != nil {
		return res, fmt.Errorf("catalog: %w", err)
	}
	defer st.close()

	// The index is opened under the lock: Bleve allows one writer. Should it
	// fail, ingest still fills the catalog and the next Open indexes.
	ix, err := c.openIndexLocked(ctx)
	if err == nil {
		if _, err := c.repairIndex(ctx, ix); err != nil {
			res.IndexErr = err
		}
	} else {
		res.IndexErr = err
	}

	opts.Progress.Start(len(files) + len(failed))
	for _, f := range failed {
		res.Failed = append(res.Failed, f)
		opts.Progress.Done(f)
	}

	results := c.extractAll(ctx, files, jobs, opts.Extract)
	// Indexing runs beside the catalog writer, one batch behind it: the
	// order per document stays catalog commit, index, indexed = 1, while the
	// two kinds of work overlap.
	batches := make(chan []*schema.Document, 1)
	var indexErr error
	indexDone := make(chan struct{})
	go func() {
		defer close(indexDone)
		for docs := range batches {
			if err := c.indexDocs(ctx, ix, docs); err != nil && indexErr == nil {
				indexErr = err
			}
		}
	}()
	var pending []*schema.Document
	flush := func() {
		if len(pending) > 0 {
			batches <- pending
			pending = nil
		}
	}
	queue := func(doc *schema.Document) {
		pending = append(pending, doc)
		if len(pending) >= batch {
			flush()
		}
	}
	for r := range results {
		fr := FileResult{Path: r.path, ID: r.id, Err: r.err}
		switch {
		case r.err != nil:
			fr.Outcome = Failed
		case r.known:
			fr.Outcome = Skipped
			if !opts.Meta.IsZero() {
				// The user asked for this file's metadata: not doing it
				// is a failure of the file, not a skip.
				if doc, err := c.correctKnown(ctx, r.id, opts.Meta); err != nil {
					fr.Outcome, fr.Err = Failed, err
				} else {
					info := infoOf(doc)
					fr.Doc, fr.MetaSet = &info, true
					queue(doc)
				}
			}
		default:
			fr.Outcome, fr.Err = c.add(ctx, st, r.doc, r.data, opts.Meta)
			if fr.Outcome == Added {
				info := infoOf(r.doc)
				fr.Doc, fr.MetaSet = &info, !opts.Meta.IsZero()
				queue(r.doc)
			}
		}
		switch fr.Outcome {
		case Added:
			res.Added = append(res.Added, fr)
		case Skipped:
			res.Skipped = append(res.Skipped, fr)
		default:
			res.Failed = append(res.Failed, fr)
		}
		opts.Progress.Done(fr)
	}
	flush()
	close(batches)
	<-indexDone
	if indexErr != nil && res.IndexErr == nil {
		res.IndexErr = indexErr
	}
	if ix != nil {
		if err := ix.Close(); err != nil && res.IndexErr == nil {
			res.IndexErr = fmt.Errorf("index: close: %w", err)
		}
	}
	return res, ctx.Err()
}

// indexDocs gives docs to the index and then marks them indexed. A nil ix
// (the index could not be opened) leaves them unmarked for the next Open.
func (c *Corpus) indexDocs(ctx context.Context, ix indexer, docs []*schema.Document) error {
	if ix == nil {
		return nil
	}
	if err := ix.Index(docs...); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	if err := c.markIndexed(ctx, ids); err != nil {
		return fmt.Errorf("catalog: mark indexed: %w", err)
	}
	return nil
}

// add stores one extracted document: the original file, then the catalog
// rows. When the catalog refuses it, an original written just now is
// removed again, so a failed file leaves nothing behind.
func (c *Corpus) add(ctx context.Context, st *store, doc *schema.Document, data []byte, ov MetaOverride) (Outcome, error) {
	created, err := c.writeOriginal(doc.Source.SHA256, data)
	if err != nil {
		return Failed, err
	}
	err = st.put(ctx, doc, ov)
	switch {
	case err == nil:
		return Added, nil
	case errors.Is(err, errDuplicate):
		// The same content twice in one batch (a copy under another name).
		return Skipped, nil
	}
	if created {
		os.Remove(c.OriginalPath(doc.Source.SHA256))
	}
	return Failed, err
}

// correctKnown records ov for the document id already in the catalog, with
// the lock held, and returns it as the index must now hold it.
func (c *Corpus) correctKnown(ctx context.Context, id string, ov MetaOverride) (*schema.Document, error) {
	if _, err := c.applyMeta(ctx, id, func(cur MetaOverride) MetaOverride { return cur.merge(ov.normalize()) }); err != nil {
		return nil, err
	}
	return c.load(ctx, id)
}

func infoOf(doc *schema.Document) DocInfo {
	return DocInfo{
		ID: doc.ID, Source: doc.Source, Meta: doc.Meta,
		Counts: Counts{
			Sections: len(doc.Sections), Paragraphs: len(doc.Paragraphs), Footnotes: len(doc.Footnotes),
			Figures: len(doc.Figures), References: len(doc.References),
		},
	}
}

// extracted is a worker's answer for one file.
type extracted struct {
	path  string
	id    string
	known bool // the content is in the catalog already
	doc   *schema.Document
	data  []byte
	err   error
}

// extractAll extracts files with jobs workers. The channel is closed when all
// are done or ctx is cancelled; its buffer bounds how many extracted
// documents (and their bytes) wait for the writer.
func (c *Corpus) extractAll(ctx context.Context, files []string, jobs int, eo extract.Options) <-chan extracted {
	return parallel(ctx, files, jobs, func(path string) extracted { return c.extractOne(ctx, path, eo) })
}

// parallel runs work on every item with jobs workers and sends the results
// as they come; the channel is closed when all are done or ctx is
// cancelled. Its buffer of jobs results bounds what waits for the reader.
func parallel[In, Out any](ctx context.Context, items []In, jobs int, work func(In) Out) <-chan Out {
	in := make(chan In)
	out := make(chan Out, jobs)
	go func() {
		defer close(in)
		for _, it := range items {
			select {
			case in <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range in {
				r := work(it)
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// maxFileBytes is read at most from one file; extract applies its own,
// format-specific limits below it.
const maxFileBytes = 512 << 20

func (c *Corpus) extractOne(ctx context.Context, path string, eo extract.Options) extracted {
	r := extracted{path: path}
	data, err := readFile(path, eo.MaxBinaryBytes)
	if err != nil {
		r.err = &extract.Error{File: filepath.Base(path), Err: err}
		return r
	}
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	r.id = sha[:16]
	// Hashing is cheap next to extraction: a re-run over a folder that is
	// mostly ingested costs reading the files, not extracting them again.
	known, err := c.hasSHA(ctx, sha)
	if err != nil {
		r.err = err
		return r
	}
	if known {
		r.known = true
		return r
	}
	doc, err := c.extractBytes(ctx, filepath.Base(path), data, eo)
	if err != nil {
		r.err = err
		return r
	}
	r.doc, r.data = doc, data
	return r
}

func readFile(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = maxFileBytes
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%w: %d MiB, the limit is %d MiB", extract.ErrTooLarge, st.Size()>>20, limit>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: the limit is %d MiB", extract.ErrTooLarge, limit>>20)
	}
	return data, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (c *Corpus) hasSHA(ctx context.Context, sha string) (bool, error) {
	var n int
	if err := c.db.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE sha256 = ?`, sha).Scan(&n); err != nil {
		return false, fmt.Errorf("catalog: %w", err)
	}
	return n > 0, nil
}

// reportExts are tried whatever their content: extract tells them apart by
// content and reports what it cannot read.
// Old formats (.doc, .rtf, .odt) are tried so that the user hears that they
// cannot be read, instead of seeing them silently left out.
var reportExts = map[string]bool{
	".pdf": true, ".docx": true, ".md": true, ".markdown": true, ".txt": true, ".text": true, "": true,
	".doc": true, ".rtf": true, ".odt": true,
}

// nonReportExts are obviously not reports; a file with one is still tried
// when its content is a PDF or a Word document (a mis-named download).
var nonReportExts = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".bmp": true, ".tif": true, ".tiff": true,
	".webp": true, ".svg": true, ".heic": true, ".ico": true,
	".mp3": true, ".mp4": true, ".wav": true, ".avi": true, ".mov": true, ".mkv": true,
	".zip": true, ".rar": true, ".7z": true, ".gz": true, ".tar": true, ".tgz": true, ".bz2": true, ".xz": true,
	".exe": true, ".dll": true, ".so": true, ".bin": true, ".iso": true, ".msi": true,
	".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true, ".ods": true, ".odp": true, ".odg": true,
	".json": true, ".xml": true, ".csv": true, ".html": true, ".htm": true, ".css": true, ".js": true,
	".yaml": true, ".yml": true, ".log": true, ".db": true, ".sqlite": true, ".lnk": true, ".ini": true,
	".toml": true, ".cfg": true, ".conf": true, ".sql": true, ".go": true, ".mod": true, ".sum": true,
	".py": true, ".c": true, ".h": true, ".java": true, ".rb": true, ".rs": true, ".ts": true,
	".sh": true, ".bat": true, ".ps1": true, ".php": true, ".tex": true, ".bib": true,
}

// collect expands paths into the files to try, in a stable order. Files
// named on the command line are always tried; inside folders, hidden entries
// are skipped and so are files that are not reports (see isCandidate). A
// path that does not exist is a failed file, not an error of the whole run.
func collect(paths []string) (files, ignored []string, failed []FileResult) {
	seen := map[string]bool{}
	add := func(p string) {
		key := p
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			failed = append(failed, FileResult{Path: p, Outcome: Failed,
				Err: &extract.Error{File: p, Err: unwrapPathError(err)}})
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failed = append(failed, FileResult{Path: path, Outcome: Failed,
					Err: &extract.Error{File: path, Err: unwrapPathError(err)}})
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			if isCandidate(path) {
				found = append(found, path)
			} else {
				ignored = append(ignored, path)
			}
			return nil
		})
		if err != nil {
			failed = append(failed, FileResult{Path: p, Outcome: Failed, Err: err})
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, ignored, failed
}

// isCandidate says whether a file found in a folder should be tried. Report
// extensions always are; other files by their first bytes: a PDF or Word
// document always, text unless the extension says it is data or code, and
// binary data never.
func isCandidate(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	if reportExts[ext] {
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return true // let extraction report it
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch extract.Sniff(head) {
	case schema.FormatPDF:
		return true
	case schema.FormatDOCX:
		// Every Office Open XML file is a zip; a Word document has word/.
		return bytes.Contains(head, []byte("word/"))
	case schema.FormatText, schema.FormatMarkdown:
		return !nonReportExts[ext] && n > 0
	}
	return false
}
