package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Syntax of Request.Query.
const (
	SyntaxAuto  = ""      // advanced when the query looks like it (field:, +, -, parentheses)
	SyntaxPlain = "plain" // words, "phrases" and symbols; nothing is an operator
	SyntaxBleve = "bleve" // Bleve's query-string syntax
)

// Where text is sought.
const (
	InAll        = ""
	InParagraphs = "paragraphs"
	InFootnotes  = "footnotes"
)

// Request is a search. The zero value of each filter means "any".
type Request struct {
	// Query is what to find. In the plain syntax every word is required
	// (in any order; without diacritics it matches with or without them),
	// "quoted words" must follow one another, and a document symbol
	// (28-NQ/TU) matches only itself.
	Query  string
	Syntax string
	Year   int
	Issuer string // compared without case and diacritics
	Type   string // document type ("Báo cáo"), compared the same way
	In     string // InAll, InParagraphs or InFootnotes
	Limit  int    // hits to return (default 10)

	// Figure, when set or when Min or Max is, searches figures instead:
	// figures whose metric has every word of Figure, with a value (as
	// written or normalized: đồng, percent) within [Min, Max].
	Figure   string
	Min, Max *float64
	// FigureSearch forces a figure search with an empty Figure.
	FigureSearch bool
}

// Result is the answer to a Request, in the JSON form of DESIGN.md.
type Result struct {
	// Total is the number of reports that match; Facets count reports too.
	Total  int    `json:"total"`
	Hits   []Hit  `json:"hits"`
	Facets Facets `json:"facets"`
	// Relaxed is set when no report had every word and the hits are from
	// reports with some of them.
	Relaxed bool `json:"relaxed,omitempty"`
}

// Facets are counts of matching reports by year and issuer.
type Facets struct {
	ReportYear map[string]int `json:"report_year"`
	Issuer     map[string]int `json:"issuer"`
}

// Hit is one passage (a paragraph or a footnote body) or one figure.
type Hit struct {
	Document    string            `json:"document"`
	File        string            `json:"file"`
	Issuer      string            `json:"issuer"`
	ReportYear  int               `json:"report_year"`
	SectionPath string            `json:"section_path"`
	Paragraph   schema.NullString `json:"paragraph"`
	Footnote    schema.NullInt    `json:"footnote"`
	Page        schema.NullInt    `json:"page"`
	Score       float64           `json:"score"`
	Text        string            `json:"text"`
	// Fragments are short excerpts with the matches between <mark> and
	// </mark>; the rest of the text is not escaped.
	Fragments []string    `json:"fragments"`
	Figure    *FigureInfo `json:"figure,omitempty"`
}

// FigureInfo is the figure of a figure hit.
type FigureInfo struct {
	ID              string  `json:"id"`
	Raw             string  `json:"raw"`
	Value           float64 `json:"value"`
	ValueNormalized float64 `json:"value_normalized"`
	Unit            string  `json:"unit"`
	Kind            string  `json:"kind"`
	Role            string  `json:"role"`
	Metric          string  `json:"metric"`
}

// ErrEmptyQuery is returned for a request with nothing to look for.
var ErrEmptyQuery = errors.New("empty query: give words to look for, or --figure")

const (
	defaultLimit = 10
	maxLimit     = 1000
	// maxReports bounds how many reports are read to fill one page of
	// hits when the best reports do not give enough passages.
	maxReports = 400
)

// Search runs req. A query that cannot be read gives a *QueryError.
func (ix *Index) Search(ctx context.Context, req Request) (res *Result, err error) {
	defer recoverTo(&err, "search")
	if ctx == nil {
		ctx = context.Background()
	}
	if req.Limit <= 0 {
		req.Limit = defaultLimit
	}
	req.Limit = min(req.Limit, maxLimit)
	if req.In != InAll && req.In != InParagraphs && req.In != InFootnotes {
		return nil, fmt.Errorf("search: --in must be paragraphs or footnotes, not %q", req.In)
	}
	if req.Figure != "" || req.Min != nil || req.Max != nil || req.FigureSearch {
		return ix.searchFigures(ctx, req)
	}
	if strings.TrimSpace(req.Query) == "" {
		return nil, ErrEmptyQuery
	}
	f := fieldsAll
	if req.In == InFootnotes {
		f = fieldsNotes
	}
	syntax := req.Syntax
	if syntax == SyntaxAuto {
		syntax = SyntaxPlain
		if looksAdvanced(req.Query) {
			syntax = SyntaxBleve
		}
	}
	var units []unit
	switch syntax {
	case SyntaxPlain:
		pq := parsePlain(req.Query)
		if len(pq.words) == 0 && len(pq.phrases) == 0 {
			return nil, &QueryError{Query: req.Query, Err: errors.New("no words in it")}
		}
		for _, w := range pq.words {
			units = append(units, unit{terms: []qterm{w}})
		}
		for _, ph := range pq.phrases {
			units = append(units, unit{terms: ph, phrase: true})
		}
		return ix.searchPlain(ctx, req, pq, units, f)
	case SyntaxBleve:
		parsed, err := query.NewQueryStringQuery(req.Query).Parse()
		if err != nil {
			return nil, &QueryError{Query: req.Query, Err: oneLine(err)}
		}
		rw := &rewriter{ix: ix, f: f}
		main, err := rw.rewrite(parsed, false)
		if err != nil {
			return nil, &QueryError{Query: req.Query, Err: err}
		}
		units = rw.units
		n, _ := ix.bi.DocCount()
		weigh(units, f, n, ix.docFreq)
		m := newMatcher(units)
		res, err = ix.collect(ctx, ix.withFilters(main, req), req, func(st *stored, doc string, out *[]Hit) int {
			return m.passages(st, doc, req.In, out)
		})
		if err != nil && ctx.Err() == nil {
			// Some query-string parts (a regular expression, a fuzzy term)
			// are only checked when Bleve builds the search.
			inner := errors.Unwrap(err)
			if inner == nil {
				inner = err
			}
			return nil, &QueryError{Query: req.Query, Err: oneLine(inner)}
		}
		return res, err
	}
	return nil, fmt.Errorf("search: unknown syntax %q", req.Syntax)
}

// searchPlain runs a query of the plain syntax on the bitmap engine
// (engine.go). When no report has every word, it is run again with any
// word required, the reports with more of them first.
func (ix *Index) searchPlain(ctx context.Context, req Request, pq plainQuery, units []unit, f fieldPair) (*Result, error) {
	snap, err := ix.snapshot()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer snap.close()
	must, should := wordClauses(pq.words, f)
	var phraseMust []termRef
	for _, ph := range pq.phrases {
		m, s := phraseClauses(ph, f)
		phraseMust = append(phraseMust, m...)
		should = append(should, s...)
	}
	p := withFilterTerms(&plan{must: append(must, phraseMust...), should: should}, req)
	if err := snap.prefetch(p); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	weigh(units, f, snap.total, func(field, term string) uint64 { return snap.docFreq(termRef{field, term}) })
	m := newMatcher(units)
	pick := func(st *stored, doc string, out *[]Hit) int { return m.passages(st, doc, req.In, out) }
	res, err := ix.collectPlan(ctx, snap, p, req, pick)
	if err != nil || res.Total > 0 || len(pq.words) < 2 {
		return res, err
	}
	var anyWord []termRef
	relaxed := &plan{must: phraseMust, should: should}
	for _, w := range pq.words {
		t := termRef{f.fold, w.fold}
		anyWord = append(anyWord, t)
		relaxed.should = append(relaxed.should, weighted{t, 4})
	}
	relaxed.anyOf = [][]termRef{anyWord}
	if res, err = ix.collectPlan(ctx, snap, withFilterTerms(relaxed, req), req, pick); err != nil {
		return nil, err
	}
	res.Relaxed = res.Total > 0
	return res, nil
}

// oneLine keeps the first line of a parser error.
func oneLine(err error) error {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return errors.New(strings.TrimSpace(msg))
}

// filterTerms are the year, issuer and type filters of req.
func filterTerms(req Request) []termRef {
	var ts []termRef
	if req.Year != 0 {
		ts = append(ts, termRef{fieldYearKey, strconv.Itoa(req.Year)})
	}
	if strings.TrimSpace(req.Issuer) != "" {
		ts = append(ts, termRef{fieldIssuerKey, issuerKey(req.Issuer)})
	}
	if strings.TrimSpace(req.Type) != "" {
		ts = append(ts, termRef{fieldType, foldString(vntext.SquashSpace(vntext.NFC(req.Type)))})
	}
	return ts
}

// withFilterTerms returns p with the filters of req required.
func withFilterTerms(p *plan, req Request) *plan {
	q := *p
	q.must = append(filterTerms(req), p.must...)
	return &q
}

// withFilters adds the filters of req to a Bleve query.
func (ix *Index) withFilters(q query.Query, req Request) query.Query {
	var filters []query.Query
	for _, t := range filterTerms(req) {
		filters = append(filters, termQuery(t.field, t.term, 0))
	}
	if len(filters) == 0 {
		return q
	}
	return query.NewConjunctionQuery(append([]query.Query{q}, filters...))
}

// weigh sets each unit's weight from how many of the n reports hold its
// words.
func weigh(units []unit, f fieldPair, n uint64, docFreq func(field, term string) uint64) {
	for i := range units {
		w := 0.0
		for _, t := range units[i].terms {
			df := docFreq(f.fold, t.fold)
			w += math.Log(1 + (float64(n)+1)/(float64(df)+1))
		}
		units[i].w = w
	}
}

// docFreq is the number of reports holding term, from Bleve's dictionary.
func (ix *Index) docFreq(field, term string) uint64 {
	d, err := ix.bi.FieldDictRange(field, []byte(term), []byte(term))
	if err != nil {
		return 0
	}
	defer d.Close()
	e, err := d.Next()
	if err != nil || e == nil || e.Term != term {
		return 0
	}
	return e.Count
}

// picker turns a report into hits and returns how many of them reached
// the best possible tier. It may be called from several goroutines.
type picker func(st *stored, doc string, out *[]Hit) int

// reportHits is what one report gave.
type reportHits struct {
	hits []Hit
	top  int // hits at the best possible tier
	err  error
}

// gather reads reports best first and collects their hits. next returns
// the work of the next report (loading it and picking its hits), or false
// when there are no more; it is called from one goroutine at a time, in
// order. The work runs on up to workers goroutines, a few reports ahead
// of the one whose hits are counted; at most one report's worth of work
// per worker is wasted when gather stops. It stops when a page of hits at
// the best possible tier is full, when the reports run out, or when the
// first two pages of reports gave nothing.
func gather(ctx context.Context, req Request, workers int, next func() (func() reportHits, bool)) ([]Hit, error) {
	page := min(max(req.Limit, 8), 50)
	stop := make(chan struct{})
	order := make(chan chan reportHits, workers)
	jobs := make(chan func())
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs {
				select {
				case <-stop: // nobody will read it
				default:
					job()
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(order)
		for rank := 0; rank < maxReports; rank++ {
			work, ok := next()
			if !ok {
				return
			}
			out := make(chan reportHits, 1)
			select {
			case order <- out:
			case <-stop:
				return
			}
			select {
			case jobs <- func() { out <- work() }:
			case <-stop:
				return
			}
		}
	}()
	defer wg.Wait()
	defer close(stop)

	var hits []Hit
	best, rank := 0, 0
	for out := range order {
		// Words that a report holds need not share a passage: when two
		// pages of the best reports gave no passage at all, deeper ones
		// will hardly do better, and reading on costs more than it finds.
		if rank == 2*page && len(hits) == 0 {
			break
		}
		var r reportHits
		select {
		case r = <-out:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if r.err != nil {
			return nil, r.err
		}
		for i := range r.hits {
			// Reports read first win ties.
			r.hits[i].Score = round3(r.hits[i].Score - float64(rank)*1e-6)
		}
		hits = append(hits, r.hits...)
		best += r.top
		rank++
		if best >= req.Limit {
			break
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	if len(hits) > req.Limit {
		hits = hits[:req.Limit]
	}
	return hits, nil
}

// collectPlan evaluates p on snap and gathers hits from the best reports,
// two at a time: loading and ranking reports is most of a search.
func (ix *Index) collectPlan(ctx context.Context, snap *snapshot, p *plan, req Request, pick picker) (*Result, error) {
	ev, err := snap.evaluate(ctx, p)
	if err != nil {
		return nil, err
	}
	res := &Result{Total: ev.total, Hits: []Hit{}, Facets: Facets{ReportYear: ev.years, Issuer: ev.issuer}}
	hits, err := gather(ctx, req, searchWorkers, func() (func() reportHits, bool) {
		c, ok := ev.heap.pop()
		if !ok {
			return nil, false
		}
		return func() reportHits {
			st, id, err := snap.load(c)
			if err != nil {
				return reportHits{err: fmt.Errorf("search: %s: %w", id, err)}
			}
			var r reportHits
			r.top = pick(st, id, &r.hits)
			return r
		}, true
	})
	if err != nil {
		return nil, err
	}
	res.Hits = append(res.Hits, hits...)
	return res, nil
}

// searchWorkers is how many reports a search reads at once.
var searchWorkers = min(runtime.GOMAXPROCS(0), 2)

// collect runs a Bleve query for reports in pages, best first, and
// gathers hits from them; the query-string syntax goes this way.
func (ix *Index) collect(ctx context.Context, q query.Query, req Request, pick picker) (*Result, error) {
	res := &Result{Hits: []Hit{}, Facets: Facets{ReportYear: map[string]int{}, Issuer: map[string]int{}}}
	page := min(max(req.Limit, 8), 50)
	var pending []string
	from := 0
	done := false
	next := func() (*stored, string, bool, error) {
		if len(pending) == 0 && !done {
			// Stored reports are loaded one at a time below, not by the
			// search: most queries stop after the first report or two.
			sr := bleve.NewSearchRequestOptions(q, page, from, false)
			if from == 0 {
				sr.AddFacet("report_year", bleve.NewFacetRequest(fieldYearKey, 100))
				sr.AddFacet("issuer", bleve.NewFacetRequest(fieldIssuer, 50))
			}
			out, err := ix.bi.SearchInContext(ctx, sr)
			if err != nil {
				if ctx.Err() != nil {
					return nil, "", false, ctx.Err()
				}
				return nil, "", false, fmt.Errorf("search: %w", err)
			}
			if from == 0 {
				res.Total = int(out.Total)
				fillFacets(res, out.Facets)
			}
			for _, h := range out.Hits {
				pending = append(pending, h.ID)
			}
			from += page
			done = len(out.Hits) < page || uint64(from) >= out.Total
		}
		if len(pending) == 0 {
			return nil, "", false, nil
		}
		id := pending[0]
		pending = pending[1:]
		st, err := ix.loadStored(id)
		if err != nil {
			return nil, "", false, fmt.Errorf("search: %s: %w", id, err)
		}
		return st, id, true, nil
	}
	hits, err := gather(ctx, req, 1, func() (func() reportHits, bool) {
		st, id, ok, err := next()
		if !ok && err == nil {
			return nil, false
		}
		return func() reportHits {
			if err != nil {
				return reportHits{err: err}
			}
			var r reportHits
			r.top = pick(st, id, &r.hits)
			return r
		}, true
	})
	if err != nil {
		return nil, err
	}
	res.Hits = append(res.Hits, hits...)
	return res, nil
}

func round3(v float64) float64 { return math.Round(v*1e6) / 1e6 }

func (ix *Index) loadStored(id string) (*stored, error) {
	d, err := ix.bi.Document(id)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, errCorrupt
	}
	var raw []byte
	d.VisitFields(func(f bindex.Field) {
		if f.Name() == fieldStored {
			raw = f.Value()
		}
	})
	if raw == nil {
		return nil, errCorrupt
	}
	return unmarshalStored(raw)
}

func fillFacets(res *Result, fr search.FacetResults) {
	for name, dst := range map[string]map[string]int{"report_year": res.Facets.ReportYear, "issuer": res.Facets.Issuer} {
		f := fr[name]
		if f == nil || f.Terms == nil {
			continue
		}
		for _, t := range f.Terms.Terms() {
			dst[t.Term] = t.Count
		}
	}
}
