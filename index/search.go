package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

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
	var main query.Query
	var relaxedQuery func() query.Query
	switch syntax {
	case SyntaxPlain:
		pq := parsePlain(req.Query)
		if len(pq.words) == 0 && len(pq.phrases) == 0 {
			return nil, &QueryError{Query: req.Query, Err: errors.New("no words in it")}
		}
		must, should := wordClauses(pq.words, f)
		for _, ph := range pq.phrases {
			m, s := phraseClauses(ph, f)
			must = append(must, m...)
			should = append(should, s...)
		}
		main = booleanOf(must, should)
		for _, w := range pq.words {
			units = append(units, unit{terms: []qterm{w}})
		}
		for _, ph := range pq.phrases {
			units = append(units, unit{terms: ph, phrase: true})
		}
		if len(pq.words) > 1 {
			relaxedQuery = func() query.Query {
				var any []query.Query
				for _, w := range pq.words {
					any = append(any, termQuery(f.fold, w.fold, 1))
				}
				d := query.NewDisjunctionQuery(any)
				var m []query.Query
				for _, ph := range pq.phrases {
					pm, _ := phraseClauses(ph, f)
					m = append(m, pm...)
				}
				m = append(m, d)
				return query.NewBooleanQuery(m, should, nil)
			}
		}
	case SyntaxBleve:
		parsed, err := query.NewQueryStringQuery(req.Query).Parse()
		if err != nil {
			return nil, &QueryError{Query: req.Query, Err: oneLine(err)}
		}
		rw := &rewriter{ix: ix, f: f}
		if main, err = rw.rewrite(parsed, false); err != nil {
			return nil, &QueryError{Query: req.Query, Err: err}
		}
		units = rw.units
	default:
		return nil, fmt.Errorf("search: unknown syntax %q", req.Syntax)
	}
	ix.weigh(units, f)
	m := newMatcher(units)

	run := func(q query.Query) (*Result, error) {
		return ix.collect(ctx, ix.withFilters(q, req), req, func(st *stored, doc string, rank int, out *[]Hit) int {
			return m.passages(st, doc, req.In, out)
		}, m.maxTier())
	}
	res, err = run(main)
	if err != nil {
		if syntax == SyntaxBleve && ctx.Err() == nil {
			// Some query-string parts (a regular expression, a fuzzy term)
			// are only checked when Bleve builds the search.
			inner := errors.Unwrap(err)
			if inner == nil {
				inner = err
			}
			return nil, &QueryError{Query: req.Query, Err: oneLine(inner)}
		}
		return nil, err
	}
	if res.Total == 0 && relaxedQuery != nil {
		if res, err = run(relaxedQuery()); err != nil {
			return nil, err
		}
		res.Relaxed = res.Total > 0
	}
	return res, nil
}

// oneLine keeps the first line of a parser error.
func oneLine(err error) error {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return errors.New(strings.TrimSpace(msg))
}

// withFilters adds the year, issuer and type filters to q.
func (ix *Index) withFilters(q query.Query, req Request) query.Query {
	var filters []query.Query
	if req.Year != 0 {
		filters = append(filters, termQuery(fieldYearKey, strconv.Itoa(req.Year), 0))
	}
	if strings.TrimSpace(req.Issuer) != "" {
		filters = append(filters, termQuery(fieldIssuerKey, issuerKey(req.Issuer), 0))
	}
	if strings.TrimSpace(req.Type) != "" {
		filters = append(filters, termQuery(fieldType, foldString(vntext.SquashSpace(vntext.NFC(req.Type))), 0))
	}
	if len(filters) == 0 {
		return q
	}
	return query.NewConjunctionQuery(append([]query.Query{q}, filters...))
}

// weigh sets each unit's weight from how many reports hold its words.
func (ix *Index) weigh(units []unit, f fieldPair) {
	n, _ := ix.bi.DocCount()
	for i := range units {
		w := 0.0
		for _, t := range units[i].terms {
			df := ix.docFreq(f.fold, t.fold)
			w += math.Log(1 + (float64(n)+1)/(float64(df)+1))
		}
		units[i].w = w
	}
}

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

// collect runs q for reports in pages, lets pick turn each report into
// hits, and stops when a page of hits at the best possible tier is full or
// the reports run out. pick returns how many of its hits reached topTier.
func (ix *Index) collect(ctx context.Context, q query.Query, req Request, pick func(st *stored, doc string, rank int, out *[]Hit) int, topTier float64) (*Result, error) {
	res := &Result{Hits: []Hit{}, Facets: Facets{ReportYear: map[string]int{}, Issuer: map[string]int{}}}
	page := min(max(req.Limit, 8), 50)
	var hits []Hit
	best := 0
	rank := 0
	for from := 0; from < maxReports; from += page {
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
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("search: %w", err)
		}
		if from == 0 {
			res.Total = int(out.Total)
			fillFacets(res, out.Facets)
		}
		for _, h := range out.Hits {
			if best >= req.Limit {
				break
			}
			st, err := ix.loadStored(h.ID)
			if err != nil {
				return nil, fmt.Errorf("search: %s: %w", h.ID, err)
			}
			before := len(hits)
			best += pick(st, h.ID, rank, &hits)
			for i := before; i < len(hits); i++ {
				// Reports ranked higher by Bleve win ties.
				hits[i].Score = round3(hits[i].Score - float64(rank)*1e-6)
			}
			rank++
		}
		if best >= req.Limit || len(out.Hits) < page || uint64(from+page) >= out.Total {
			break
		}
		// Words that a report holds need not share a passage: when two
		// pages of the best reports gave no passage at all, deeper ones
		// will hardly do better, and reading on costs more than it finds.
		if len(hits) == 0 && from >= page {
			break
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	if len(hits) > req.Limit {
		hits = hits[:req.Limit]
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
