package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// The query engine of plain and figure searches. Bleve's searcher scores,
// counts and facets every matching report one by one (2–3 µs each, and a
// query whose words are in every report matches all of them); here the
// postings of each term are taken from Bleve's segments as the compressed
// bitmaps they are stored as, and the query is bitmap algebra:
//
//   - the matching reports of a segment are the intersection of the
//     required terms' bitmaps (and of one union per group of
//     alternatives: value buckets, the words of a relaxed query), minus
//     the deleted reports;
//   - Result.Total is its cardinality, and the facets come from a table of
//     each report's year and issuer per segment (segMeta), built once per
//     segment from the year and issuer dictionaries and kept while the
//     segment lives;
//   - the order in which reports are read is a score from the optional
//     clauses (exact words, adjacent pairs), each weighted by boost ×
//     rarity, then the newer report first. Passages are then ranked in Go
//     as before (rank.go): the report order only decides which reports are
//     read.
//
// Segments are immutable, so a snapshot of them is a consistent view while
// the index is being written.

// termRef is one term of one field.
type termRef struct{ field, term string }

// weighted is an optional clause: it only orders the reports.
type weighted struct {
	termRef
	boost float64
}

// plan is a query as bitmap algebra.
type plan struct {
	must   []termRef   // all required
	anyOf  [][]termRef // per group, one of the terms required
	should []weighted  // each adds boost × idf to a report's score
}

// segMeta is what the engine keeps about one segment: the year and issuer
// of each document number.
type segMeta struct {
	years     []uint16 // 0 for none
	yearIdx   []int32  // index into yearNames, -1 for none
	issuers   []int32  // index into names, -1 for none
	yearNames []string
	names     []string
}

// metaCache keeps segMeta per segment id; entries of segments merged away
// are dropped when a search sees a snapshot without them.
type metaCache struct {
	mu   sync.Mutex
	segs map[uint64]*segMeta
	// ranks of the issuers' names over the segments of the last snapshot
	// seen (rankKey), per segment by local issuer index.
	rankKey string
	ranks   [][]uint32
}

// issuerRanks returns, for each segment, the rank of each of its issuers
// among all the segments' issuers: a number that orders reports by issuer
// the same way in every segment. It is computed once per set of segments.
func (c *metaCache) issuerRanks(ids []uint64, metas []*segMeta) [][]uint32 {
	var key strings.Builder
	for _, id := range ids {
		key.WriteString(strconv.FormatUint(id, 36))
		key.WriteByte(',')
	}
	c.mu.Lock()
	if c.rankKey == key.String() {
		r := c.ranks
		c.mu.Unlock()
		return r
	}
	c.mu.Unlock()
	var names []string
	for _, m := range metas {
		names = append(names, m.names...)
	}
	// Ordered by a hash of the name, not the name: neighbours in name
	// order ("Huyện ủy X", "UBND huyện X") are often reports alike.
	slices.SortFunc(names, func(a, b string) int {
		if ha, hb := nameHash(a), nameHash(b); ha != hb {
			return cmp.Compare(ha, hb)
		}
		return strings.Compare(a, b)
	})
	names = slices.Compact(names)
	at := make(map[string]uint32, len(names))
	for k, name := range names {
		at[name] = uint32(k)
	}
	ranks := make([][]uint32, len(metas))
	for i, m := range metas {
		ranks[i] = make([]uint32, len(m.names))
		for k, name := range m.names {
			ranks[i][k] = at[name]
		}
	}
	c.mu.Lock()
	c.rankKey, c.ranks = key.String(), ranks
	c.mu.Unlock()
	return ranks
}

func (c *metaCache) get(ss *scorch.SegmentSnapshot) (*segMeta, error) {
	c.mu.Lock()
	m := c.segs[ss.Id()]
	c.mu.Unlock()
	if m != nil {
		return m, nil
	}
	m, err := buildSegMeta(ss.Segment())
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.segs == nil {
		c.segs = map[uint64]*segMeta{}
	}
	c.segs[ss.Id()] = m
	c.mu.Unlock()
	return m, nil
}

// prune drops the entries of segments not in live.
func (c *metaCache) prune(live map[uint64]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id := range c.segs {
		if !live[id] {
			delete(c.segs, id)
		}
	}
}

func buildSegMeta(seg segment.Segment) (*segMeta, error) {
	n := int(seg.Count())
	m := &segMeta{years: make([]uint16, n), yearIdx: make([]int32, n), issuers: make([]int32, n)}
	for i := range m.issuers {
		m.issuers[i] = -1
		m.yearIdx[i] = -1
	}
	err := visitTerms(seg, fieldYearKey, func(term string, bm *roaring.Bitmap) {
		y, err := strconv.Atoi(term)
		if err != nil || y <= 0 || y > math.MaxUint16 {
			return
		}
		idx := int32(len(m.yearNames))
		m.yearNames = append(m.yearNames, term)
		bm.Iterate(func(d uint32) bool {
			if int(d) < n {
				m.years[d] = uint16(y)
				m.yearIdx[d] = idx
			}
			return true
		})
	})
	if err != nil {
		return nil, err
	}
	err = visitTerms(seg, fieldIssuer, func(term string, bm *roaring.Bitmap) {
		idx := int32(len(m.names))
		m.names = append(m.names, term)
		bm.Iterate(func(d uint32) bool {
			if int(d) < n {
				m.issuers[d] = idx
			}
			return true
		})
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// visitTerms calls fn with every term of field in seg and its postings.
func visitTerms(seg segment.Segment, field string, fn func(term string, bm *roaring.Bitmap)) error {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return err
	}
	it := dict.AutomatonIterator(nil, nil, nil)
	for {
		e, err := it.Next()
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		bm, err := postingsOf(dict, e.Term)
		if err != nil {
			return err
		}
		fn(e.Term, bm)
	}
}

// visitTermNames calls fn with every term of field in seg.
func visitTermNames(seg segment.Segment, field string, fn func(term string)) error {
	dict, err := seg.Dictionary(field)
	if err != nil {
		return err
	}
	it := dict.AutomatonIterator(nil, nil, nil)
	for {
		e, err := it.Next()
		if err != nil || e == nil {
			return err
		}
		fn(e.Term)
	}
}

// oneHit is the zap postings iterator of a term in a single document,
// which keeps no bitmap.
type oneHit interface{ DocNum1Hit() (uint64, bool) }

// postingsOf returns the documents of term in dict. The bitmap may share
// memory with the segment: it is never modified.
func postingsOf(dict segment.TermDictionary, term string) (*roaring.Bitmap, error) {
	pl, err := dict.PostingsList([]byte(term), nil, nil)
	if err != nil {
		return nil, err
	}
	if pl == nil || pl.Count() == 0 {
		return nil, nil
	}
	it := pl.Iterator(false, false, false, nil)
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if bm := o.ActualBitmap(); bm != nil {
			return bm, nil
		}
	}
	if o, ok := it.(oneHit); ok {
		if d, ok := o.DocNum1Hit(); ok {
			return roaring.BitmapOf(uint32(d)), nil
		}
	}
	// Another segment format: read the postings one by one.
	bm := roaring.New()
	for {
		p, err := it.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			return bm, nil
		}
		bm.Add(uint32(p.Number()))
	}
}

// snapshot is a search's view of the index: its segments at one moment.
type snapshot struct {
	is    *scorch.IndexSnapshot
	segs  []segView
	total uint64 // live reports
	// postings cache of this search, per segment.
	cache []map[termRef]*roaring.Bitmap
}

// nameHash is FNV-1a of s.
func nameHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

type segView struct {
	ss         *scorch.SegmentSnapshot
	dicts      map[string]segment.TermDictionary
	meta       *segMeta
	issuerRank []uint32 // by meta's issuer index (metaCache.issuerRanks)
}

var errNotScorch = errors.New("index: not a scorch index")

// snapshot opens a view of the current segments; the caller closes it.
func (ix *Index) snapshot() (*snapshot, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, errNotScorch
	}
	s := &snapshot{is: is}
	live := map[uint64]bool{}
	for _, ss := range is.Segments() {
		if ss.Count() == 0 {
			continue
		}
		meta, err := ix.meta.get(ss)
		if err != nil {
			is.Close()
			return nil, fmt.Errorf("index: segment %d: %w", ss.Id(), err)
		}
		live[ss.Id()] = true
		s.segs = append(s.segs, segView{ss: ss, dicts: map[string]segment.TermDictionary{}, meta: meta})
		s.total += ss.Count()
	}
	ix.meta.prune(live)
	ids := make([]uint64, len(s.segs))
	metas := make([]*segMeta, len(s.segs))
	for i, sv := range s.segs {
		ids[i], metas[i] = sv.ss.Id(), sv.meta
	}
	for i, r := range ix.meta.issuerRanks(ids, metas) {
		s.segs[i].issuerRank = r
	}
	s.cache = make([]map[termRef]*roaring.Bitmap, len(s.segs))
	for i := range s.cache {
		s.cache[i] = map[termRef]*roaring.Bitmap{}
	}
	return s, nil
}

func (s *snapshot) close() { s.is.Close() }

// postings returns the documents of t in segment i (nil when none).
func (s *snapshot) postings(i int, t termRef) (*roaring.Bitmap, error) {
	if bm, ok := s.cache[i][t]; ok {
		return bm, nil
	}
	sv := &s.segs[i]
	dict, ok := sv.dicts[t.field]
	if !ok {
		var err error
		if dict, err = sv.ss.Segment().Dictionary(t.field); err != nil {
			return nil, err
		}
		sv.dicts[t.field] = dict
	}
	bm, err := postingsOf(dict, t.term)
	if err != nil {
		return nil, err
	}
	s.cache[i][t] = bm
	return bm, nil
}

// docFreq is the number of reports holding t (deleted ones included, as
// in any inverted index's statistics).
func (s *snapshot) docFreq(t termRef) uint64 {
	var n uint64
	for i := range s.segs {
		if bm, err := s.postings(i, t); err == nil && bm != nil {
			n += bm.GetCardinality()
		}
	}
	return n
}

func (s *snapshot) idf(t termRef) float64 {
	return math.Log(1 + (float64(s.total)+1)/(float64(s.docFreq(t))+1))
}

// match returns the live documents of segment i that satisfy p.
func (s *snapshot) match(i int, p *plan) (*roaring.Bitmap, error) {
	var m *roaring.Bitmap
	and := func(bm *roaring.Bitmap) {
		if m == nil {
			m = bm.Clone()
		} else {
			m.And(bm)
		}
	}
	for _, t := range p.must {
		bm, err := s.postings(i, t)
		if err != nil || bm == nil {
			return nil, err
		}
		and(bm)
		if m.IsEmpty() {
			return nil, nil
		}
	}
	for _, group := range p.anyOf {
		var bms []*roaring.Bitmap
		for _, t := range group {
			bm, err := s.postings(i, t)
			if err != nil {
				return nil, err
			}
			if bm != nil {
				bms = append(bms, bm)
			}
		}
		if len(bms) == 0 {
			return nil, nil
		}
		and(roaring.FastOr(bms...))
		if m.IsEmpty() {
			return nil, nil
		}
	}
	ss := s.segs[i].ss
	if m == nil {
		m = ss.DocNumbersLive()
	} else if del := ss.Deleted(); del != nil {
		m.AndNot(del)
	}
	if m.IsEmpty() {
		return nil, nil
	}
	return m, nil
}

// candidate is a matching report, before its stored form is read.
type candidate struct {
	score  float32
	year   uint16
	issuer uint32 // rank of the issuer (issuerRanks); MaxUint32 for none
	seg    int32
	doc    uint32
}

// before orders candidates: score, newer year, issuer, then index order.
// The issuer comes before the index order so that reports of equal score
// are read in the same order however the segments were built and merged
// (reports of one year tie often).
func (a candidate) before(b candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.year != b.year {
		return a.year > b.year
	}
	if a.issuer != b.issuer {
		return a.issuer < b.issuer
	}
	if a.seg != b.seg {
		return a.seg < b.seg
	}
	return a.doc < b.doc
}

// evaluation is the outcome of a plan: the count, facets and the reports
// to read, best first.
type evaluation struct {
	total  int
	years  map[string]int
	issuer map[string]int
	heap   candHeap
}

func (s *snapshot) evaluate(ctx context.Context, p *plan) (*evaluation, error) {
	if err := s.prefetch(p); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	weights := make([]float32, len(p.should))
	for k, w := range p.should {
		weights[k] = float32(w.boost * s.idf(w.termRef))
	}
	parts := make([]segResult, len(s.segs))
	err := s.eachSegment(func(i int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		parts[i], err = s.evaluateSegment(i, p, weights)
		return err
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("search: %w", err)
	}
	ev := &evaluation{years: map[string]int{}, issuer: map[string]int{}}
	n := 0
	for _, r := range parts {
		n += len(r.cands)
	}
	for i, r := range parts {
		meta := s.segs[i].meta
		for k, c := range r.issuers {
			if c > 0 {
				ev.issuer[meta.names[k]] += int(c)
			}
		}
	}
	ev.heap = make(candHeap, 0, n)
	for i, r := range parts {
		meta := s.segs[i].meta
		ev.heap = append(ev.heap, r.cands...)
		for k, c := range r.years {
			if c > 0 {
				ev.years[meta.yearNames[k]] += int(c)
			}
		}
	}
	ev.total = len(ev.heap)
	ev.heap.init()
	ev.years = topCounts(ev.years, maxYearFacets)
	ev.issuer = topCounts(ev.issuer, maxIssuerFacets)
	return ev, nil
}

// Facet sizes: the most frequent values are kept, as Bleve's facets did.
const (
	maxYearFacets   = 100
	maxIssuerFacets = 50
)

// topCounts keeps the n largest counts of m (ties by value).
func topCounts(m map[string]int, n int) map[string]int {
	if len(m) <= n {
		return m
	}
	// The n-th largest count is the threshold: all above it are kept,
	// and the values at it in order until n are.
	counts := slices.Collect(maps.Values(m))
	slices.Sort(counts)
	limit := counts[len(counts)-n]
	out := make(map[string]int, n)
	var atLimit []string
	for k, c := range m {
		switch {
		case c > limit:
			out[k] = c
		case c == limit:
			atLimit = append(atLimit, k)
		}
	}
	slices.Sort(atLimit)
	for _, k := range atLimit[:n-len(out)] {
		out[k] = limit
	}
	return out
}

// segResult is the part of an evaluation from one segment.
type segResult struct {
	cands   []candidate
	years   []int32 // by segMeta.yearNames
	issuers []int32 // by segMeta.names
}

// prefetch reads the postings of every term of p in every segment, the
// segments in parallel: they are read once per search and then shared.
func (s *snapshot) prefetch(p *plan) error {
	terms := slices.Clone(p.must)
	for _, g := range p.anyOf {
		terms = append(terms, g...)
	}
	for _, w := range p.should {
		terms = append(terms, w.termRef)
	}
	return s.eachSegment(func(i int) error {
		for _, t := range terms {
			if _, err := s.postings(i, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// eachSegment calls fn for every segment, on up to searchWorkers
// goroutines; fn of one segment touches only that segment's state.
func (s *snapshot) eachSegment(fn func(i int) error) error {
	workers := min(searchWorkers, len(s.segs))
	if workers <= 1 {
		for i := range s.segs {
			if err := fn(i); err != nil {
				return err
			}
		}
		return nil
	}
	var next atomic.Int64
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(s.segs) {
					return
				}
				if err := fn(i); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// evaluateSegment matches p in segment i and scores, counts and lists the
// matching reports.
func (s *snapshot) evaluateSegment(i int, p *plan, weights []float32) (segResult, error) {
	var r segResult
	m, err := s.match(i, p)
	if err != nil || m == nil {
		return r, err
	}
	meta := s.segs[i].meta
	buf := make([]uint32, 256)
	scores := make([]float32, len(meta.years))
	for k, w := range p.should {
		bm, err := s.postings(i, w.termRef)
		if err != nil {
			return r, err
		}
		if bm == nil {
			continue
		}
		it := roaring.And(m, bm).ManyIterator()
		for got := it.NextMany(buf); got > 0; got = it.NextMany(buf) {
			for _, d := range buf[:got] {
				if int(d) < len(scores) {
					scores[d] += weights[k]
				}
			}
		}
	}
	r.issuers = make([]int32, len(meta.names))
	r.years = make([]int32, len(meta.yearNames))
	r.cands = make([]candidate, 0, m.GetCardinality())
	it := m.ManyIterator()
	for got := it.NextMany(buf); got > 0; got = it.NextMany(buf) {
		for _, d := range buf[:got] {
			if int(d) >= len(meta.years) {
				continue
			}
			if yi := meta.yearIdx[d]; yi >= 0 {
				r.years[yi]++
			}
			if is := meta.issuers[d]; is >= 0 {
				r.issuers[is]++
			}
			is := uint32(math.MaxUint32)
			if k := meta.issuers[d]; k >= 0 {
				is = s.segs[i].issuerRank[k]
			}
			r.cands = append(r.cands, candidate{score: scores[d], year: meta.years[d], issuer: is, seg: int32(i), doc: d})
		}
	}
	return r, nil
}

// load reads the stored form and id of a candidate.
func (s *snapshot) load(c candidate) (*stored, string, error) {
	var raw []byte
	var id string
	err := s.segs[c.seg].ss.VisitDocument(uint64(c.doc), func(field string, _ byte, value []byte, _ []uint64) bool {
		switch field {
		case "_id":
			id = string(value)
		case fieldStored:
			// value is in a buffer the segment reuses once the visit
			// is over, maybe for another search.
			raw = slices.Clone(value)
		}
		return raw == nil || id == ""
	})
	if err != nil {
		return nil, "", err
	}
	if raw == nil || id == "" {
		return nil, "", errCorrupt
	}
	st, err := decodeStored(raw)
	return st, id, err
}

// candHeap is a binary heap of candidates, best on top: most queries read
// a few reports out of thousands, so sorting them all would be waste.
type candHeap []candidate

func (h candHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h candHeap) down(i int) {
	n := len(h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		j := l
		if r := l + 1; r < n && h[r].before(h[l]) {
			j = r
		}
		if !h[j].before(h[i]) {
			return
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}

// pop removes and returns the best candidate.
func (h *candHeap) pop() (candidate, bool) {
	old := *h
	if len(old) == 0 {
		return candidate{}, false
	}
	c := old[0]
	last := len(old) - 1
	old[0] = old[last]
	*h = old[:last]
	h.down(0)
	return c, true
}
