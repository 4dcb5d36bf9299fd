package index

import (
	"bytes"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao/schema"
)

// Passage ranking. Bleve finds the reports; here each passage of a
// candidate report is scored by tiers, so that the order reads as rules:
//
//  1. coverage: the share (by weight) of the query's words and phrases the
//     passage holds, phrases only with their words in order;
//  2. exactness: the share of diacritic-bearing words matched with their
//     diacritics ("đảng" for "đảng", not "đang");
//  3. adjacency: the share of neighbouring query words that are neighbours
//     in the passage;
//  4. frequency, dampened by length, below 1.
//
// score = 100·coverage + 10·exactness + 5·adjacency + frequency.
const (
	minCoverage   = 0.5
	tierCoverage  = 100
	tierExact     = 10
	tierAdjacency = 5
)

type matcher struct {
	units   []unit
	terms   []qterm        // distinct folded terms
	termIDs map[string]int // fold → index in terms
	// unitIDs[u][k] is the term id of word k of unit u.
	unitIDs  [][]int
	symbols  bool       // a unit holds a symbol: passages are scanned for them
	needles  [][][]byte // per unit, folded substrings a passage holding it contains
	adjPairs [][2]int   // neighbouring word units (unit indices)
	totalW   float64
	diacW    float64
}

func newMatcher(units []unit) *matcher {
	m := &matcher{units: units, termIDs: map[string]int{}}
	prevWord := -1
	for ui, u := range units {
		ids := make([]int, len(u.terms))
		for k, t := range u.terms {
			id, ok := m.termIDs[t.fold]
			if !ok {
				id = len(m.terms)
				m.termIDs[t.fold] = id
				m.terms = append(m.terms, t)
			}
			ids[k] = id
			if t.symbol {
				m.symbols = true
			}
		}
		m.unitIDs = append(m.unitIDs, ids)
		t0 := u.terms[0]
		var needles [][]byte
		for _, t := range u.terms {
			if t.symbol {
				needles = append(needles, []byte(t.number))
			} else {
				needles = append(needles, []byte(t.fold))
			}
		}
		m.needles = append(m.needles, needles)
		w := u.w
		if w == 0 {
			w = 1
		}
		m.units[ui].w = w
		m.totalW += w
		if unitDiac(u) {
			m.diacW += w
		}
		if !u.phrase && t0.alpha {
			if prevWord >= 0 {
				m.adjPairs = append(m.adjPairs, [2]int{prevWord, ui})
			}
			prevWord = ui
		} else {
			prevWord = -1
		}
	}
	return m
}

func unitDiac(u unit) bool {
	for _, t := range u.terms {
		if t.diac() {
			return true
		}
	}
	return false
}

// maxTier is the lowest score a passage that matches perfectly can have.
func (m *matcher) maxTier() float64 {
	if len(m.units) == 0 {
		return 0
	}
	t := float64(tierCoverage)
	if m.diacW > 0 {
		t += tierExact
	}
	if len(m.adjPairs) > 0 {
		t += tierAdjacency
	}
	return t - 1e-9
}

// tok is one token of a passage with the query term it matches.
type tok struct {
	start, end int
	id         int // term id, -1 for none
}

// passages appends the matching passages of st to out and returns how many
// reached the top tier.
func (m *matcher) passages(st *stored, doc, in string, out *[]Hit) int {
	top := m.maxTier()
	nTop := 0
	if len(m.units) == 0 {
		// Only filters or fields without text: show the report's opening.
		if len(st.Passages) > 0 {
			*out = append(*out, m.hit(st, doc, &st.Passages[0], 0, nil))
		}
		return 0
	}
	var fold []byte
	var toks []tok
	for pi := range st.Passages {
		p := &st.Passages[pi]
		if (in == InFootnotes && p.Footnote == 0) || (in == InParagraphs && p.Footnote != 0) {
			continue
		}
		// Substrings first: a passage whose text cannot hold enough of
		// the query is not worth tokenizing.
		fold = foldAppend(fold[:0], p.Text)
		possible := 0.0
		for ui, ns := range m.needles {
			all := true
			for _, n := range ns {
				if !bytes.Contains(fold, n) {
					all = false
					break
				}
			}
			if all {
				possible += m.units[ui].w
			}
		}
		if possible == 0 || possible/m.totalW <= minCoverage {
			continue
		}
		toks = m.tokenize(p.Text, toks[:0])
		score, marks := m.score(p.Text, toks)
		if score <= 0 {
			continue
		}
		if score >= top {
			nTop++
		}
		*out = append(*out, m.hit(st, doc, p, score, fragments(p.Text, marks)))
	}
	return nTop
}

func (m *matcher) tokenize(text string, toks []tok) []tok {
	var buf []byte
	scanTokens(text, m.symbols, func(tk rawToken) {
		if tk.brk {
			return
		}
		var id int
		var ok bool
		if tk.symbol != "" {
			id, ok = m.termIDs[symbolTerm(tk.symbol, true)]
		} else {
			buf = foldAppend(buf[:0], text[tk.start:tk.end])
			id, ok = m.termIDs[string(buf)]
		}
		if !ok {
			id = -1
		}
		toks = append(toks, tok{start: tk.start, end: tk.end, id: id})
	})
	return toks
}

// exactAt says whether token t of text is the exact form of term id.
func (m *matcher) exactAt(text string, t tok, id int) bool {
	q := m.terms[id]
	if q.symbol {
		return true // symbols are compared in canonical form already
	}
	return keyOf(text[t.start:t.end]) == q.key
}

// score scores a passage and returns the byte spans to mark.
func (m *matcher) score(text string, toks []tok) (float64, [][2]int) {
	var covered, exact, freq float64
	var marks [][2]int
	found := make([]bool, len(m.units))
	for ui, u := range m.units {
		ids := m.unitIDs[ui]
		n := len(ids)
		count := 0
		isExact := false
		for i := 0; i+n <= len(toks); i++ {
			ok := true
			for k := 0; k < n; k++ {
				if toks[i+k].id != ids[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			e := true
			if !isExact || u.exact {
				for k := 0; k < n && e; k++ {
					if m.terms[ids[k]].diac() {
						e = m.exactAt(text, toks[i+k], ids[k])
					}
				}
				isExact = isExact || e
			}
			if u.exact && !e {
				continue
			}
			count++
			marks = append(marks, [2]int{toks[i].start, toks[i+n-1].end})
		}
		if count == 0 {
			continue
		}
		found[ui] = true
		covered += u.w
		if isExact && unitDiac(u) {
			exact += u.w
		}
		freq += u.w * math.Log1p(float64(count))
	}
	// A passage must hold every word, or, when a query has three words or
	// more, most of them: a paragraph cut by a page break, or worded a
	// little differently, still ranks below the complete ones.
	if covered == 0 || covered/m.totalW <= minCoverage {
		return 0, nil
	}
	adj := 0
	for _, p := range m.adjPairs {
		if !found[p[0]] || !found[p[1]] {
			continue
		}
		a, b := m.unitIDs[p[0]][0], m.unitIDs[p[1]][0]
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].id == a && toks[i+1].id == b {
				adj++
				break
			}
		}
	}
	s := tierCoverage * covered / m.totalW
	if m.diacW > 0 {
		s += tierExact * exact / m.diacW
	}
	if len(m.adjPairs) > 0 {
		s += tierAdjacency * float64(adj) / float64(len(m.adjPairs))
	}
	// Frequency per length, squashed below 1 so it never crosses a tier.
	f := freq / m.totalW / math.Log2(8+float64(len(toks)))
	s += f / (1 + f)
	return s, marks
}

func (m *matcher) hit(st *stored, doc string, p *passage, score float64, frags []string) Hit {
	if frags == nil {
		frags = []string{}
	}
	return Hit{
		Document: doc, File: st.File, Issuer: st.Issuer, ReportYear: st.Year,
		SectionPath: p.SectionPath, Paragraph: schema.NullString(p.Paragraph),
		Footnote: schema.NullInt(p.Footnote), Page: schema.NullInt(p.Page),
		Score: score, Text: p.Text, Fragments: frags,
	}
}

// Fragment sizes in runes around the first match.
const (
	fragBefore = 60
	fragAfter  = 140
	maxFrags   = 2
)

// fragments cuts up to two excerpts of text around the marked spans, with
// the spans between <mark> and </mark>. Spans separated only by spaces are
// joined ("<mark>kết nạp</mark>").
func fragments(text string, marks [][2]int) []string {
	if len(marks) == 0 {
		return nil
	}
	sort.Slice(marks, func(i, j int) bool { return marks[i][0] < marks[j][0] })
	merged := marks[:1]
	for _, mk := range marks[1:] {
		last := &merged[len(merged)-1]
		if mk[0] <= last[1] || strings.TrimSpace(text[last[1]:mk[0]]) == "" {
			last[1] = max(last[1], mk[1])
			continue
		}
		merged = append(merged, mk)
	}
	var out []string
	next, prevEnd := 0, 0
	for len(out) < maxFrags && next < len(merged) {
		start := max(backRunes(text, merged[next][0], fragBefore), prevEnd)
		end := fwdRunes(text, merged[next][0], fragAfter)
		var b strings.Builder
		if start > 0 {
			b.WriteString("… ")
		}
		at := start
		for next < len(merged) && merged[next][0] < end {
			mk := merged[next]
			b.WriteString(text[at:mk[0]])
			b.WriteString("<mark>")
			b.WriteString(text[mk[0]:mk[1]])
			b.WriteString("</mark>")
			at = mk[1]
			next++
		}
		if at < end {
			b.WriteString(text[at:end])
		}
		end = max(end, at)
		if end < len(text) {
			b.WriteString(" …")
		}
		prevEnd = end
		out = append(out, strings.TrimSpace(b.String()))
	}
	return out
}

// backRunes moves back about n runes from i, then forward to a word start.
func backRunes(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	if i == 0 {
		return 0
	}
	if j := strings.IndexByte(text[i:], ' '); j >= 0 {
		return i + j + 1
	}
	return i
}

// fwdRunes moves forward about n runes from i, then back to a word end.
func fwdRunes(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	if i >= len(text) {
		return len(text)
	}
	if j := strings.LastIndexByte(text[:i], ' '); j > 0 {
		return j
	}
	return i
}
