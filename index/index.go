// Package index is the full-text index of a corpus: the Bleve mapping,
// Vietnamese analysis, batched indexing and search. It is the only package
// that imports Bleve.
//
// One Bleve document holds one report. Its text fields carry syllables and
// pairs of adjacent syllables (see analysis.go) in an exact and a folded
// form, without positions; a stored field carries the report's passages and
// figures. A search finds the matching reports as intersections of the
// postings bitmaps of Bleve's segments (engine.go), then ranks the passages
// (paragraphs and footnote bodies) of the best reports in Go, where
// phrases are checked word by word and fragments are cut. Reports, not
// passages, are therefore what Result.Total and the facets count.
package index

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Field names. They are also the field names of the query-string syntax
// (`issuer:…`, `year:>=2022`), so they are meant to be read.
const (
	fieldText     = "text"    // paragraphs and footnotes: folded syllables and pairs, exact syllables
	fieldNoteText = "fn_text" // footnote bodies only
	fieldMetric   = "metric"  // figure metrics
	// Names of the query-string syntax only: the folded form in the
	// fields above.
	fieldFold       = "fold"
	fieldNoteFold   = "fn_fold"
	fieldMetricFold = "metric_fold"
	fieldValue      = "value"   // figure values (as written and normalized), as buckets (valueBucket)
	fieldYear       = "year"    // report year, numeric
	fieldYearKey    = "year_kw" // report year as a keyword, for filters and facets
	fieldIssuer     = "issuer"  // issuer as written, keyword, for facets
	fieldIssuerKey  = "issuer_key"
	fieldType       = "type" // folded document type, keyword
	fieldFile       = "file"
	fieldStored     = "stored" // the stored form (stored.go), not indexed
)

// ErrNotFound is returned by OpenExisting when there is no index at path.
var ErrNotFound = errors.New("index not found")

// Index is an open index. Its methods may be called from several
// goroutines.
type Index struct {
	bi       bleve.Index
	text     analysis.Analyzer
	keyword  analysis.Analyzer
	readOnly bool

	onDisk bool // batches are persisted (and report it)

	mu        sync.Mutex // guards batchSize
	batchSize int

	meta metaCache // per segment: year and issuer of each report
}

// Open opens the index at path, creating it when missing.
func Open(path string) (*Index, error) {
	bi, err := bleve.OpenUsing(path, writeConfig())
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		// Created with safe batches, then reopened: creating stores the
		// mapping with a batch, and Close does not persist an unsafe
		// batch still in memory (the index would reopen without its
		// mapping).
		bi, err = bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, nil)
		if err == nil {
			if err = bi.Close(); err == nil {
				bi, err = bleve.OpenUsing(path, writeConfig())
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	ix, err := wrap(bi, false)
	if err != nil {
		return nil, err
	}
	ix.onDisk = true
	return ix, nil
}

// scorchOverrides, when set, replaces options of writeConfig (benchmarks
// try settings with it).
var scorchOverrides map[string]any

// writeConfig is the scorch configuration of an index opened for writing.
//
// unsafe_batch: a batch returns once its segment is searchable, not once
// it is on disk; Index and Delete wait for all their batches to be
// persisted at the end (persisted callbacks), so that their caller still
// finds everything on disk when they return, while the batches of one call
// do not queue behind the persister one by one. Nothing else may write to
// the index: scorch's Close drops an unsafe batch not yet persisted.
func writeConfig() map[string]any {
	c := map[string]any{
		"unsafe_batch": true,
		// Merging rewrites every posting of the merged segments, and
		// with Bleve's default of 10 segments per tier it was a third
		// of the indexing time. Twice as many segments per tier merge
		// each report about half as often; a search costs a dictionary
		// lookup more per segment and term, a few microseconds.
		"scorchMergePlanOptions": map[string]any{
			"MaxSegmentsPerTier":   20,
			"SegmentsPerMergeTask": 20,
		},
	}
	for k, v := range scorchOverrides {
		c[k] = v
	}
	return c
}

// OpenExisting opens the index at path for searching. It returns an error
// wrapping ErrNotFound when there is none, and does not create one.
func OpenExisting(path string) (*Index, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("index: %s: %w", path, ErrNotFound)
	}
	bi, err := bleve.OpenUsing(path, map[string]any{"read_only": true})
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing) {
		return nil, fmt.Errorf("index: %s: %w", path, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	return wrap(bi, true)
}

// NewMemory returns an index held in memory, for tests and one-off
// searches.
func NewMemory() (*Index, error) {
	// Scorch with no path keeps its segments in memory: the same engine as
	// on disk, unlike NewMemOnly's key-value store.
	bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return wrap(bi, false)
}

func wrap(bi bleve.Index, readOnly bool) (*Index, error) {
	m := bi.Mapping()
	ix := &Index{bi: bi, readOnly: readOnly, batchSize: defaultBatchSize}
	ix.text = m.AnalyzerNamed(analyzerName)
	ix.keyword = m.AnalyzerNamed(keyword.Name)
	if ix.text == nil || ix.keyword == nil {
		bi.Close()
		return nil, errors.New("index: analyzers missing from the mapping")
	}
	return ix, nil
}

// newMapping describes the fields for Bleve's query parser and for an
// index reopened later. Documents are built field by field (buildDocument),
// so nothing here is dynamic.
func newMapping() *mapping.IndexMappingImpl {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = analyzerName
	im.DefaultField = fieldText
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	dm := bleve.NewDocumentStaticMapping()
	text := func(name, analyzer string) {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		dm.AddFieldMappingsAt(name, f)
	}
	kw := func(name string, docValues bool) {
		f := bleve.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		dm.AddFieldMappingsAt(name, f)
	}
	numeric := func(name string) {
		f := bleve.NewNumericFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		dm.AddFieldMappingsAt(name, f)
	}
	text(fieldText, analyzerName)
	text(fieldNoteText, analyzerName)
	text(fieldMetric, analyzerName)
	kw(fieldValue, false)
	numeric(fieldYear)
	kw(fieldYearKey, true)
	kw(fieldIssuer, true)
	kw(fieldIssuerKey, false)
	kw(fieldType, false)
	kw(fieldFile, false)
	st := bleve.NewTextFieldMapping()
	st.Index = false
	st.Store = true
	st.IncludeInAll = false
	dm.AddFieldMappingsAt(fieldStored, st)
	im.DefaultMapping = dm
	return im
}

// issuerKey is how issuers compare: "HUYỆN ỦY THẠCH BÀN", "Huyện uỷ Thạch
// Bàn" and "Huyen uy Thach Ban" are one issuer.
func issuerKey(s string) string { return vntext.Fold(vntext.SquashSpace(vntext.NFC(s))) }

// defaultBatchSize is how many reports go into one Bleve batch, which
// becomes one segment: larger segments are merged less often.
const defaultBatchSize = 250

// SetBatchSize sets how many reports go into one Bleve batch
// (defaultBatchSize).
// Larger batches make fewer, larger segments and use more memory.
func (ix *Index) SetBatchSize(n int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if n > 0 {
		ix.batchSize = n
	}
}

// Index adds or replaces the paragraphs, footnotes and figures of docs. A
// nil document or one without an id is an error, and nothing is indexed.
// Batches are written by up to GOMAXPROCS goroutines at once: Bleve turns
// each batch into a segment on the calling goroutine, so one writer would
// leave the other cores idle. A failed batch leaves the batches written
// before it; indexing them again is harmless.
func (ix *Index) Index(docs ...*schema.Document) (err error) {
	defer recoverTo(&err, "index")
	if ix.readOnly {
		return errors.New("index: opened read-only")
	}
	ix.mu.Lock()
	size := ix.batchSize
	ix.mu.Unlock()
	// The last version of a report wins, as it would one call at a time.
	last := make(map[string]int, len(docs))
	for i, doc := range docs {
		if doc == nil || doc.ID == "" {
			return errors.New("index: document without an id")
		}
		last[doc.ID] = i
	}
	var chunks [][]*schema.Document
	var cur []*schema.Document
	for i, doc := range docs {
		if last[doc.ID] != i {
			continue
		}
		cur = append(cur, doc)
		if len(cur) == size {
			chunks = append(chunks, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		chunks = append(chunks, cur)
	}
	work := make(chan []*schema.Document)
	errs := make(chan error, len(chunks))
	persisted := make(chan error, len(chunks))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for chunk := range work {
				errs <- ix.writeBatch(chunk, persisted)
			}
		}()
	}
	for _, c := range chunks {
		work <- c
	}
	close(work)
	wg.Wait()
	close(errs)
	written := 0
	var first error
	for e := range errs {
		if e == nil {
			written++
		} else if first == nil {
			first = e
		}
	}
	if ix.onDisk {
		// Each written batch reports once it is on disk.
		for range written {
			if e := <-persisted; e != nil && first == nil {
				first = fmt.Errorf("index: persist: %w", e)
			}
		}
	}
	return first
}

// writeBatch writes one batch; on disk, persisted receives the outcome of
// its persistence once the batch is written without error.
func (ix *Index) writeBatch(docs []*schema.Document, persisted chan<- error) (err error) {
	defer recoverTo(&err, "index")
	b := ix.bi.NewBatch()
	for _, doc := range docs {
		if err := b.IndexAdvanced(ix.buildDocument(doc)); err != nil {
			return fmt.Errorf("index: %s: %w", doc.ID, err)
		}
	}
	if ix.onDisk {
		b.SetPersistedCallback(func(err error) { persisted <- err })
	}
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("index: batch: %w", err)
	}
	return nil
}

// buildDocument turns a report into its Bleve document.
func (ix *Index) buildDocument(doc *schema.Document) *document.Document {
	st := newStored(doc)
	d := document.NewDocument(doc.ID)
	var body, notes, metrics []string
	for _, p := range st.Passages {
		body = append(body, p.Text)
		if p.Footnote != 0 {
			notes = append(notes, p.Text)
		}
	}
	for _, f := range st.Figures {
		if f.Metric != "" {
			metrics = append(metrics, f.Metric)
		}
	}
	addText := func(name string, parts []string) {
		if len(parts) > 0 {
			d.AddField(&termsField{name: name, text: strings.Join(parts, passageSep)})
		}
	}
	addText(fieldText, body)
	addText(fieldNoteText, notes)
	addText(fieldMetric, metrics)
	addKeyword := func(name, v string, opts bindex.FieldIndexingOptions) {
		if v != "" {
			d.AddField(document.NewTextFieldCustom(name, nil, []byte(v), opts, ix.keyword))
		}
	}
	// Values go in as buckets, not as Bleve numbers: a number is indexed
	// as 16 prefix terms, and a report's few hundred figures made more
	// terms than its text. The bucket only narrows the reports; each
	// figure's value is checked exactly afterwards.
	seen := make(map[string]bool, 64)
	for _, f := range st.Figures {
		for _, v := range []float64{f.Value, f.ValueNormalized} {
			b := valueBucket(v)
			if !seen[b] {
				seen[b] = true
				addKeyword(fieldValue, b, bindex.IndexField)
			}
		}
	}
	if st.Year != 0 {
		d.AddField(document.NewNumericFieldWithIndexingOptions(fieldYear, nil, float64(st.Year), bindex.IndexField))
		addKeyword(fieldYearKey, strconv.Itoa(st.Year), bindex.IndexField|bindex.DocValues)
	}
	addKeyword(fieldIssuer, st.Issuer, bindex.IndexField|bindex.DocValues)
	addKeyword(fieldIssuerKey, issuerKey(st.Issuer), bindex.IndexField)
	addKeyword(fieldType, foldString(vntext.SquashSpace(st.DocType)), bindex.IndexField)
	addKeyword(fieldFile, st.File, bindex.IndexField)
	d.AddField(document.NewTextFieldWithIndexingOptions(fieldStored, nil, st.marshal(), bindex.StoreField))
	return d
}

// Value buckets: a quarter of a decade each ("b8" holds [10^2, 10^2.25)),
// with zero and negative values in buckets of their own.
const bucketsPerDecade = 4

func valueBucket(v float64) string {
	switch {
	case v == 0 || math.IsNaN(v) || math.IsInf(v, 0):
		return "z"
	case v < 0:
		return "n"
	}
	return "b" + strconv.Itoa(int(math.Floor(math.Log10(v)*bucketsPerDecade)))
}

// bucketTerms are the value buckets that overlap [lo, hi]; nil when
// there is no bound.
func bucketTerms(lo, hi *float64) []string {
	if lo == nil && hi == nil {
		return nil
	}
	var terms []string
	if lo == nil || *lo <= 0 {
		terms = append(terms, "z")
	}
	if lo == nil || *lo < 0 {
		terms = append(terms, "n")
	}
	if hi == nil || *hi > 0 {
		from, to := -12*bucketsPerDecade, 16*bucketsPerDecade
		if lo != nil && *lo > 0 {
			from = max(from, int(math.Floor(math.Log10(*lo)*bucketsPerDecade)))
		}
		if hi != nil {
			to = min(to, int(math.Floor(math.Log10(*hi)*bucketsPerDecade)))
		}
		for b := from; b <= to; b++ {
			terms = append(terms, "b"+strconv.Itoa(b))
		}
	}
	return terms
}

// Delete removes the given reports. Ids not in the index are ignored.
func (ix *Index) Delete(ids ...string) (err error) {
	defer recoverTo(&err, "index: delete")
	if ix.readOnly {
		return errors.New("index: opened read-only")
	}
	b := ix.bi.NewBatch()
	for _, id := range ids {
		b.Delete(id)
	}
	persisted := make(chan error, 1)
	if ix.onDisk {
		b.SetPersistedCallback(func(err error) { persisted <- err })
	}
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("index: delete: %w", err)
	}
	if ix.onDisk && len(ids) > 0 {
		if err := <-persisted; err != nil {
			return fmt.Errorf("index: delete: persist: %w", err)
		}
	}
	return nil
}

// Count returns the number of reports in the index.
func (ix *Index) Count() (int, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return int(n), nil
}

// DocIDs lists the ids of the reports in the index, in no particular
// order; an empty index gives an empty list.
func (ix *Index) DocIDs() (ids []string, err error) {
	defer recoverTo(&err, "index: ids")
	snap, err := ix.snapshot()
	if err != nil {
		return nil, fmt.Errorf("index: ids: %w", err)
	}
	defer snap.close()
	ids = make([]string, 0, snap.total)
	for _, sv := range snap.segs {
		// The id dictionary, not the documents: reading a document's id
		// unpacks its stored fields, the whole report.
		var err error
		if del := sv.ss.Deleted(); del != nil && !del.IsEmpty() {
			err = visitTerms(sv.ss.Segment(), "_id", func(id string, bm *roaring.Bitmap) {
				if bm != nil && !roaring.AndNot(bm, del).IsEmpty() {
					ids = append(ids, id)
				}
			})
		} else {
			err = visitTermNames(sv.ss.Segment(), "_id", func(id string) { ids = append(ids, id) })
		}
		if err != nil {
			return nil, fmt.Errorf("index: ids: %w", err)
		}
	}
	return ids, nil
}

// Close closes the index.
func (ix *Index) Close() error {
	if err := ix.bi.Close(); err != nil {
		return fmt.Errorf("index: close: %w", err)
	}
	return nil
}

// recoverTo turns a panic below an exported method (Bleve's code or ours)
// into an error of step, so that one bad report or a damaged index fails a
// command instead of crashing it. The stack goes into the error for bug
// reports, after the first line.
func recoverTo(err *error, step string) {
	r := recover()
	if r == nil {
		return
	}
	*err = fmt.Errorf("%s: internal error: %v\n%s", step, r, debug.Stack())
}
