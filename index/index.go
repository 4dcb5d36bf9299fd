// Package index is the full-text index of a corpus: the Bleve mapping,
// Vietnamese analysis, batched indexing and search. It is the only package
// that imports Bleve.
//
// One Bleve document holds one report. Its text fields carry syllables and
// pairs of adjacent syllables (see analysis.go) in an exact and a folded
// form, without positions; a stored field carries the report's passages and
// figures. A search finds the best reports with Bleve, then ranks the
// passages (paragraphs and footnote bodies) of those reports in Go, where
// phrases are checked word by word and fragments are cut. Reports, not
// passages, are therefore what Result.Total and the facets count.
package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Field names. They are also the field names of the query-string syntax
// (`issuer:…`, `year:>=2022`), so they are meant to be read.
const (
	fieldText       = "text"    // exact syllables and pairs, paragraphs and footnotes
	fieldFold       = "fold"    // folded syllables and pairs, paragraphs and footnotes
	fieldNoteText   = "fn_text" // footnote bodies only, exact
	fieldNoteFold   = "fn_fold" // footnote bodies only, folded
	fieldMetric     = "metric"  // figure metrics, exact
	fieldMetricFold = "metric_fold"
	fieldValue      = "value"   // figure values (as written and normalized), numeric
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
	exact    analysis.Analyzer
	fold     analysis.Analyzer
	keyword  analysis.Analyzer
	readOnly bool

	mu        sync.Mutex // guards batchSize
	batchSize int
}

// Open opens the index at path, creating it when missing.
func Open(path string) (*Index, error) {
	bi, err := bleve.Open(path)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		bi, err = bleve.New(path, newMapping())
	}
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	return wrap(bi, false)
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
	ix := &Index{bi: bi, readOnly: readOnly, batchSize: 64}
	ix.exact = m.AnalyzerNamed(analyzerExact)
	ix.fold = m.AnalyzerNamed(analyzerFold)
	ix.keyword = m.AnalyzerNamed(keyword.Name)
	if ix.exact == nil || ix.fold == nil || ix.keyword == nil {
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
	im.DefaultAnalyzer = analyzerFold
	im.DefaultField = fieldFold
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
	text(fieldText, analyzerExact)
	text(fieldFold, analyzerFold)
	text(fieldNoteText, analyzerExact)
	text(fieldNoteFold, analyzerFold)
	text(fieldMetric, analyzerExact)
	text(fieldMetricFold, analyzerFold)
	numeric(fieldValue)
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

// SetBatchSize sets how many reports go into one Bleve batch (default 64).
// Larger batches make fewer, larger segments and use more memory.
func (ix *Index) SetBatchSize(n int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if n > 0 {
		ix.batchSize = n
	}
}

// Index adds or replaces the paragraphs, footnotes and figures of docs. A
// nil document or one without an id is an error; nothing of a failed
// batch is half-written, but earlier batches stay.
func (ix *Index) Index(docs ...*schema.Document) (err error) {
	defer recoverTo(&err, "index")
	if ix.readOnly {
		return errors.New("index: opened read-only")
	}
	ix.mu.Lock()
	size := ix.batchSize
	ix.mu.Unlock()
	b := ix.bi.NewBatch()
	for _, doc := range docs {
		if doc == nil || doc.ID == "" {
			return errors.New("index: document without an id")
		}
		if err := b.IndexAdvanced(ix.buildDocument(doc)); err != nil {
			return fmt.Errorf("index: %s: %w", doc.ID, err)
		}
		if b.Size() >= size {
			if err := ix.bi.Batch(b); err != nil {
				return fmt.Errorf("index: batch: %w", err)
			}
			b.Reset()
		}
	}
	if b.Size() > 0 {
		if err := ix.bi.Batch(b); err != nil {
			return fmt.Errorf("index: batch: %w", err)
		}
	}
	return nil
}

// buildDocument turns a report into its Bleve document.
func (ix *Index) buildDocument(doc *schema.Document) *document.Document {
	st := newStored(doc)
	d := document.NewDocument(doc.ID)
	const textOpts = bindex.IndexField
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
	addText := func(name string, parts []string, a analysis.Analyzer) {
		if len(parts) == 0 {
			return
		}
		d.AddField(document.NewTextFieldCustom(name, nil, []byte(strings.Join(parts, passageSep)), textOpts, a))
	}
	addText(fieldText, body, ix.exact)
	addText(fieldFold, body, ix.fold)
	addText(fieldNoteText, notes, ix.exact)
	addText(fieldNoteFold, notes, ix.fold)
	addText(fieldMetric, metrics, ix.exact)
	addText(fieldMetricFold, metrics, ix.fold)
	seen := make(map[float64]bool, 2*len(st.Figures))
	for _, f := range st.Figures {
		for _, v := range []float64{f.Value, f.ValueNormalized} {
			if !seen[v] {
				seen[v] = true
				d.AddField(document.NewNumericFieldWithIndexingOptions(fieldValue, nil, v, bindex.IndexField))
			}
		}
	}
	addKeyword := func(name, v string, opts bindex.FieldIndexingOptions) {
		if v != "" {
			d.AddField(document.NewTextFieldCustom(name, nil, []byte(v), opts, ix.keyword))
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
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("index: delete: %w", err)
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
	n, err := ix.Count()
	if err != nil {
		return nil, err
	}
	ids = make([]string, 0, n)
	if n == 0 {
		return ids, nil
	}
	req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), n, 0, false)
	req.Score = "none"
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("index: ids: %w", err)
	}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
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
