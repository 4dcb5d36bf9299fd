package index

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/baocao/baocao/extract/vntext"
)

// qterm is one token of a query in both indexed forms.
type qterm struct {
	key    string // exact term
	fold   string // folded term
	symbol bool
	alpha  bool
	number string // a symbol's number, for the quick text check
}

// diac says whether the term can match exactly or only when folded.
func (t qterm) diac() bool { return t.key != t.fold }

// unit is what a passage is asked to contain: one word, or a phrase whose
// words must follow one another.
type unit struct {
	terms  []qterm
	phrase bool
	exact  bool    // only the exact form counts (the text: field)
	w      float64 // weight (inverse report frequency)
}

// plainQuery is a query in the default syntax: words, "quoted phrases" and
// document symbols.
type plainQuery struct {
	words   []qterm
	phrases [][]qterm
}

// QueryError is a query that cannot be read. Its message is one line.
type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("cannot read the query %q: %v", e.Query, e.Err)
}
func (e *QueryError) Unwrap() error { return e.Err }

// parsePlain reads the default syntax. A quote left open runs to the end:
// a friendlier reading than an error.
func parsePlain(q string) plainQuery {
	q = vntext.NFC(q)
	q = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`).Replace(q)
	var pq plainQuery
	for i, seg := range strings.Split(q, `"`) {
		ts := queryTokens(seg)
		if len(ts) == 0 {
			continue
		}
		if i%2 == 1 && len(ts) > 1 {
			pq.phrases = append(pq.phrases, ts)
			continue
		}
		pq.words = append(pq.words, ts...)
	}
	return pq
}

// queryTokens splits query text into terms. Symbols are recognized as a
// user types them, in any case and with stray spaces ("28-nq/tu",
// "81- KH/HU").
func queryTokens(s string) []qterm {
	upper := strings.ToUpper(s)
	var syms []vntext.Symbol
	if utf8.RuneCountInString(upper) == utf8.RuneCountInString(s) {
		syms = vntext.ScanSymbols(upper)
	}
	var starts, ends []int
	if len(syms) > 0 {
		starts, ends = runeToByteSpans(s, syms)
	}
	var out []qterm
	words := func(piece string) {
		scanTokens(piece, false, func(tk rawToken) {
			if tk.brk {
				return
			}
			w := piece[tk.start:tk.end]
			out = append(out, qterm{key: keyOf(w), fold: foldString(w), alpha: tk.alpha})
		})
	}
	last := 0
	for i, sym := range syms {
		words(s[last:starts[i]])
		id := sym.ID()
		out = append(out, qterm{key: symbolTerm(id, false), fold: symbolTerm(id, true), symbol: true, number: sym.Number})
		last = ends[i]
	}
	words(s[last:])
	return out
}

// Field pairs searched for text: the field of exact terms and of folded
// terms, which are one Bleve field (see analysis.go).
type fieldPair struct{ exact, fold string }

var (
	fieldsAll     = fieldPair{fieldText, fieldText}
	fieldsNotes   = fieldPair{fieldNoteText, fieldNoteText}
	fieldsMetrics = fieldPair{fieldMetric, fieldMetric}
)

func termQuery(field, term string, boost float64) query.Query {
	q := query.NewTermQuery(term)
	q.SetField(field)
	if boost != 1 {
		q.SetBoost(boost)
	}
	return q
}

// wordClauses are the clauses for words: each word is required in its
// folded form, the exact form and adjacent pairs only add to the score.
func wordClauses(words []qterm, f fieldPair) (must []termRef, should []weighted) {
	for i, t := range words {
		must = append(must, termRef{f.fold, t.fold})
		if t.diac() {
			should = append(should, weighted{termRef{f.exact, t.key}, 2})
		}
		if i > 0 && words[i-1].alpha && t.alpha {
			should = append(should, weighted{termRef{f.fold, words[i-1].fold + " " + t.fold}, 1.5})
		}
	}
	return must, should
}

// phraseClauses require every adjacent pair of the phrase (and any word
// not part of a pair: numbers, symbols), folded; exact words add to the
// score. Word order is checked later on the text.
func phraseClauses(ph []qterm, f fieldPair) (must []termRef, should []weighted) {
	covered := make([]bool, len(ph))
	for i := 1; i < len(ph); i++ {
		a, b := ph[i-1], ph[i]
		if !a.alpha || !b.alpha {
			continue
		}
		covered[i-1], covered[i] = true, true
		must = append(must, termRef{f.fold, a.fold + " " + b.fold})
	}
	for i, t := range ph {
		if !covered[i] {
			must = append(must, termRef{f.fold, t.fold})
		}
		if t.diac() {
			should = append(should, weighted{termRef{f.exact, t.key}, 2})
		}
	}
	return must, should
}

// bleveQuery is the Bleve form of required and optional clauses, for the
// query-string syntax, which Bleve runs.
func bleveQuery(must []termRef, should []weighted) query.Query {
	var m, s []query.Query
	for _, t := range must {
		m = append(m, termQuery(t.field, t.term, 1))
	}
	for _, w := range should {
		s = append(s, termQuery(w.field, w.term, w.boost))
	}
	if len(s) == 0 && len(m) == 1 {
		return m[0]
	}
	if len(s) == 0 {
		s = nil
	}
	return query.NewBooleanQuery(m, s, nil)
}

// looksAdvanced says whether q uses the query-string syntax: a known field
// name before a colon, a leading + or -, or grouping.
func looksAdvanced(q string) bool {
	for _, f := range strings.Fields(q) {
		if strings.HasPrefix(f, "+") || (strings.HasPrefix(f, "-") && len(f) > 1 && !isASCIIDigit(f[1])) || strings.HasPrefix(f, "(") {
			return true
		}
		if name, _, ok := strings.Cut(f, ":"); ok && queryFields[strings.TrimLeft(name, "+-(")] {
			return true
		}
	}
	return false
}

// queryFields are the field names the query-string syntax accepts.
var queryFields = map[string]bool{
	fieldText: true, fieldFold: true, fieldNoteText: true, fieldNoteFold: true,
	fieldMetric: true, fieldMetricFold: true, fieldYear: true,
	fieldIssuer: true, fieldType: true, fieldFile: true,
}

// rewriter turns a parsed query string into one this index can run: text
// matches and phrases go through the Vietnamese clauses above (Bleve's own
// phrase search needs positions, which the index does not keep), issuer
// and type values are compared the way issuers are, and the positive text
// units are collected to rank passages.
type rewriter struct {
	ix    *Index
	f     fieldPair
	units []unit
}

func (rw *rewriter) rewrite(q query.Query, negated bool) (query.Query, error) {
	switch q := q.(type) {
	case *query.BooleanQuery:
		var err error
		if q.Must != nil {
			if q.Must, err = rw.rewrite(q.Must, negated); err != nil {
				return nil, err
			}
		}
		if q.Should != nil {
			if q.Should, err = rw.rewrite(q.Should, negated); err != nil {
				return nil, err
			}
		}
		if q.MustNot != nil {
			if q.MustNot, err = rw.rewrite(q.MustNot, !negated); err != nil {
				return nil, err
			}
		}
		return q, nil
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			r, err := rw.rewrite(c, negated)
			if err != nil {
				return nil, err
			}
			q.Conjuncts[i] = r
		}
		return q, nil
	case *query.DisjunctionQuery:
		for i, c := range q.Disjuncts {
			r, err := rw.rewrite(c, negated)
			if err != nil {
				return nil, err
			}
			q.Disjuncts[i] = r
		}
		return q, nil
	case *query.MatchQuery:
		return rw.text(q.FieldVal, q.Match, false, negated)
	case *query.MatchPhraseQuery:
		return rw.text(q.FieldVal, q.MatchPhrase, true, negated)
	}
	return q, nil
}

func (rw *rewriter) text(field, text string, phrase, negated bool) (query.Query, error) {
	f := rw.f
	exactOnly := false
	switch field {
	case "", fieldFold:
	case fieldText:
		exactOnly = true
	case fieldNoteFold:
		f = fieldsNotes
	case fieldNoteText:
		f, exactOnly = fieldsNotes, true
	case fieldMetricFold:
		f = fieldsMetrics
	case fieldMetric:
		f, exactOnly = fieldsMetrics, true
	case fieldIssuer:
		return termQuery(fieldIssuerKey, issuerKey(text), 1), nil
	case fieldType:
		return termQuery(fieldType, foldString(vntext.SquashSpace(text)), 1), nil
	case fieldYear:
		return termQuery(fieldYearKey, strings.TrimSpace(text), 1), nil
	case fieldFile:
		return termQuery(fieldFile, text, 1), nil
	default:
		return nil, fmt.Errorf("unknown field %q", field)
	}
	ts := queryTokens(text)
	if len(ts) == 0 {
		return query.NewMatchNoneQuery(), nil
	}
	var must []termRef
	var should []weighted
	if phrase && len(ts) > 1 {
		must, should = phraseClauses(ts, f)
		if !negated {
			rw.units = append(rw.units, unit{terms: ts, phrase: true, exact: exactOnly})
		}
	} else {
		must, should = wordClauses(ts, f)
		if exactOnly {
			// The exact field holds only words with diacritics; a word
			// without any is its own exact form, found in the folded field.
			must, should = nil, nil
			for _, t := range ts {
				if t.diac() {
					must = append(must, termRef{f.exact, t.key})
				} else {
					must = append(must, termRef{f.fold, t.fold})
				}
			}
		}
		if !negated {
			for _, t := range ts {
				rw.units = append(rw.units, unit{terms: []qterm{t}, exact: exactOnly})
			}
		}
	}
	return bleveQuery(must, should), nil
}
