package index

import (
	"context"
	"errors"
	"fmt"

	"github.com/baocao/baocao/schema"
)

// searchFigures finds figures by metric words and value range. Bleve
// narrows the reports (metric words anywhere among the report's metrics,
// some value in range); each candidate figure is then checked on its own:
// all words in its metric, its value in range.
func (ix *Index) searchFigures(ctx context.Context, req Request) (*Result, error) {
	if req.Min != nil && req.Max != nil && *req.Min > *req.Max {
		return nil, errors.New("search: --min is greater than --max")
	}
	f := fieldsMetrics
	words := queryTokens(req.Figure)
	must, should := wordClauses(words, f)
	p := &plan{must: must, should: should}
	if buckets := bucketTerms(req.Min, req.Max); buckets != nil {
		group := make([]termRef, len(buckets))
		for i, b := range buckets {
			group[i] = termRef{fieldValue, b}
		}
		p.anyOf = [][]termRef{group}
	}
	var units []unit
	for _, w := range words {
		units = append(units, unit{terms: []qterm{w}, w: 1})
	}
	m := newMatcher(units)
	top := m.maxTier()
	snap, err := ix.snapshot()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer snap.close()
	return ix.collectPlan(ctx, snap, withFilterTerms(p, req), req, func(st *stored, doc string, out *[]Hit) int {
		n := 0
		var toks []tok
		for i := range st.Figures {
			fg := &st.Figures[i]
			if !inRange(fg, req.Min, req.Max) {
				continue
			}
			score := 1.0
			if len(units) > 0 {
				toks = m.tokenize(fg.Metric, toks[:0])
				var s float64
				s, _ = m.score(fg.Metric, toks)
				// Every word is required: a figure is a fact, not a topic.
				if s < tierCoverage-1e-9 {
					continue
				}
				score = s
			}
			if score >= top {
				n++
			}
			*out = append(*out, figureHit(st, doc, fg, score))
		}
		return n
	})
}

func inRange(f *storedFigure, lo, hi *float64) bool {
	ok := func(v float64) bool { return (lo == nil || v >= *lo) && (hi == nil || v <= *hi) }
	return ok(f.Value) || ok(f.ValueNormalized)
}

func figureHit(st *stored, doc string, f *storedFigure, score float64) Hit {
	h := Hit{
		Document: doc, File: st.File, Issuer: st.Issuer, ReportYear: st.Year, Score: score,
		Text: st.quote(f), Fragments: []string{},
		Figure: &FigureInfo{ID: f.ID, Raw: f.Raw, Value: f.Value, ValueNormalized: f.ValueNormalized,
			Unit: f.Unit, Kind: f.Kind, Role: f.Role, Metric: f.Metric},
	}
	if f.Passage >= 0 && f.Passage < len(st.Passages) {
		p := &st.Passages[f.Passage]
		h.SectionPath = p.SectionPath
		h.Paragraph = schema.NullString(p.Paragraph)
		h.Footnote = schema.NullInt(p.Footnote)
		h.Page = schema.NullInt(p.Page)
	}
	return h
}
