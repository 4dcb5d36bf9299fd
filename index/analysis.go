package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/baocao/baocao/extract/vntext"
)

// Vietnamese analysis. Every syllable is a token, so a two-syllable word
// ("đảng viên") is two tokens and, on its own, a poor search term: the
// syllables are among the most frequent in any report. Each text field
// therefore holds, besides the syllables, every pair of adjacent syllables
// as one term ("dang vien"). A phrase of two syllables becomes one term
// lookup and a longer phrase a conjunction of pairs, without positions or
// term vectors in the index; the word order is then checked on the text of
// the few candidate reports (see rank.go).
//
// Two forms of each token are indexed in separate fields: the exact key
// (vntext.Key: NFC, tone placement made canonical, lower case) and the fold
// (vntext.Fold: no diacritics, đ→d). Document symbols ("28-NQ/TU",
// "1232/NQ-UBTVQH15", also as written with a stray space, "81- KH/HU") are
// one token in their canonical form, so that 28-NQ/TU and 28-NQ/TW never
// share a term.

// Analyzer names in the index mapping. They are registered with Bleve so
// that an index opened later, and the query-string parser, find them.
const (
	analyzerExact = "vn_exact"
	analyzerFold  = "vn_fold"
)

// passageSep separates passages inside one field value: no pair of
// syllables is formed across it.
const passageSep = "\u2029"

func init() {
	// Registration is how Bleve finds analyzers by name; it cannot be
	// done per index.
	for _, a := range []struct {
		name string
		fold bool
	}{{analyzerExact, false}, {analyzerFold, true}} {
		fold := a.fold
		must(registry.RegisterTokenizer(a.name, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
			return &tokenizer{fold: fold}, nil
		}))
		name := a.name
		must(registry.RegisterAnalyzer(a.name, func(_ map[string]any, c *registry.Cache) (analysis.Analyzer, error) {
			tok, err := c.TokenizerNamed(name)
			if err != nil {
				return nil, err
			}
			return &analysis.DefaultAnalyzer{Tokenizer: tok}, nil
		}))
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// tokenizer is a Bleve tokenizer. The folded form emits every token and
// every pair of adjacent alphabetic tokens. The exact form emits only the
// tokens that carry diacritics: for the others the exact and the folded
// term are the same, and queries look them up in the folded field; exact
// pairs would only re-rank candidates, which the passage ranking does on
// the text anyway.
type tokenizer struct{ fold bool }

func (t *tokenizer) Tokenize(input []byte) analysis.TokenStream {
	text := string(input)
	// Tokens and their terms are allocated in slabs: a report has tens of
	// thousands of them, and one allocation each dominated indexing time.
	slab := make([]analysis.Token, 0, len(text)/4)
	arena := make([]byte, 0, len(text)*2)
	out := make(analysis.TokenStream, 0, len(text)/4)
	pos := 0
	prevStart, prevEnd := -1, -1 // previous alphabetic term in arena
	emit := func(termStart, start, end int) {
		pos++
		if len(slab) == cap(slab) {
			slab = make([]analysis.Token, 0, 256)
		}
		slab = append(slab, analysis.Token{Term: arena[termStart:len(arena):len(arena)], Start: start, End: end, Position: pos, Type: analysis.AlphaNumeric})
		out = append(out, &slab[len(slab)-1])
	}
	grow := func() {
		// Terms point into arena; a full arena is replaced, not grown, so
		// that earlier terms stay valid.
		if cap(arena)-len(arena) < 256 {
			arena = make([]byte, 0, max(4096, len(text)))
			prevStart, prevEnd = -1, -1
		}
	}
	scanTokens(text, true, func(tk rawToken) {
		if tk.brk {
			prevStart = -1
			return
		}
		grow()
		termStart := len(arena)
		switch {
		case tk.symbol != "":
			arena = append(arena, symbolTerm(tk.symbol, t.fold)...)
		case t.fold:
			arena = foldAppend(arena, text[tk.start:tk.end])
		default:
			arena = append(arena, keyOf(text[tk.start:tk.end])...)
		}
		termEnd := len(arena)
		if !t.fold {
			if hasDiacritics(string(arena[termStart:termEnd])) {
				emit(termStart, tk.start, tk.end)
			} else {
				arena = arena[:termStart]
			}
			return
		}
		emit(termStart, tk.start, tk.end)
		if !tk.alpha {
			prevStart = -1
			return
		}
		if prevStart >= 0 && termEnd-termStart < 128 {
			pairStart := len(arena)
			arena = append(arena, arena[prevStart:prevEnd]...)
			arena = append(arena, ' ')
			arena = append(arena, arena[termStart:termEnd]...)
			emit(pairStart, tk.start, tk.end)
		}
		prevStart, prevEnd = termStart, termEnd
	})
	return out
}

// symbolTerm is the indexed form of a canonical symbol id.
func symbolTerm(id string, fold bool) string {
	if fold {
		return vntext.Fold(id)
	}
	return strings.ToLower(id)
}

// rawToken is one token of a text: a syllable, a number or a document
// symbol, or a break between passages.
type rawToken struct {
	start, end int    // byte offsets in the text
	symbol     string // canonical id when the token is a document symbol
	alpha      bool   // letters only: may form a pair with its neighbour
	brk        bool
}

// scanTokens calls fn for each token of text in order. A word is a run of
// letters, marks and digits; a number keeps its inner separators ("9.582",
// "95,4"). With symbols, document symbols are single tokens; without, their
// parts are separate tokens (cheaper, for texts where no symbol is sought).
// Any punctuation other than a hyphen or a slash inside a symbol is a gap,
// not a break: "trọng dân, gần dân" still pairs "dân gần".
func scanTokens(text string, symbols bool, fn func(rawToken)) {
	var syms []vntext.Symbol
	var symStarts []int // byte offsets, parallel to syms
	var symEnds []int
	if symbols && strings.ContainsAny(text, "-/–‐‑") {
		syms = vntext.ScanSymbols(text)
		if len(syms) > 0 {
			symStarts, symEnds = runeToByteSpans(text, syms)
		}
	}
	si := 0
	i := 0
	for i < len(text) {
		if si < len(syms) && i == symStarts[si] {
			fn(rawToken{start: i, end: symEnds[si], symbol: syms[si].ID()})
			i = symEnds[si]
			si++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\u2029' {
			fn(rawToken{brk: true})
			i += size
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		alpha := true
		for i < len(text) {
			if si < len(syms) && i == symStarts[si] {
				break
			}
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				if r < utf8.RuneSelf && r >= '0' && r <= '9' || unicode.IsDigit(r) {
					alpha = false
				}
				i += size
				continue
			}
			// A '.' or ',' between digits belongs to the number.
			if (r == '.' || r == ',') && i > start && isASCIIDigit(text[i-1]) && i+1 < len(text) && isASCIIDigit(text[i+1]) {
				i += size
				continue
			}
			break
		}
		fn(rawToken{start: start, end: i, alpha: alpha})
	}
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// runeToByteSpans converts the rune offsets of syms into byte offsets of
// text.
func runeToByteSpans(text string, syms []vntext.Symbol) (starts, ends []int) {
	starts = make([]int, len(syms))
	ends = make([]int, len(syms))
	ri, si := 0, 0
	// Each symbol's start and end are visited in increasing rune order.
	want := func() (int, bool) {
		if si >= 2*len(syms) {
			return 0, false
		}
		if si%2 == 0 {
			return syms[si/2].Start, true
		}
		return syms[si/2].End, true
	}
	for bi := range text {
		for {
			w, ok := want()
			if !ok || w != ri {
				break
			}
			if si%2 == 0 {
				starts[si/2] = bi
			} else {
				ends[si/2] = bi
			}
			si++
		}
		ri++
	}
	for si < 2*len(syms) {
		if si%2 == 0 {
			starts[si/2] = len(text)
		} else {
			ends[si/2] = len(text)
		}
		si++
	}
	return starts, ends
}

// foldTable maps the precomposed Latin letters to their folded lower-case
// form, computed from vntext.Fold so that index and extraction share one
// rule, but without Fold's normalization pass on every token.
var foldTable = func() []rune {
	t := make([]rune, 0x1F00-0xC0)
	for r := rune(0xC0); r < 0x1F00; r++ {
		f := vntext.Fold(string(r))
		if fr, n := utf8.DecodeRuneInString(f); n == len(f) && n > 0 {
			t[r-0xC0] = fr
		} else {
			t[r-0xC0] = unicode.ToLower(r)
		}
	}
	return t
}()

// foldRune returns the folded lower-case form of r, or -1 for a combining
// mark (which folding removes).
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 0xC0 && r < 0x1F00:
		if r >= 0x300 && r < 0x370 {
			return -1
		}
		return foldTable[r-0xC0]
	case unicode.Is(unicode.Mn, r):
		return -1
	}
	return unicode.ToLower(r)
}

// foldAppend appends the folded form of s to buf; it equals vntext.Fold(s)
// for NFC text.
func foldAppend(buf []byte, s string) []byte {
	for _, r := range s {
		if f := foldRune(r); f >= 0 {
			buf = utf8.AppendRune(buf, f)
		}
	}
	return buf
}

// foldString is vntext.Fold through the table.
func foldString(s string) string {
	return string(foldAppend(make([]byte, 0, len(s)), s))
}

// keyOf is vntext.Key of one token, with a fast path: tone placement can
// only change when the token ends in o or u followed by a toned vowel.
func keyOf(tok string) string {
	lower := strings.ToLower(tok)
	if needsToneCheck(lower) {
		return vntext.ToneCanonical(lower)
	}
	return lower
}

func needsToneCheck(s string) bool {
	last, n := utf8.DecodeLastRuneInString(s)
	if n == 0 || last < utf8.RuneSelf {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return prev == 'o' || prev == 'u'
}

// hasDiacritics says whether a key differs from its fold: such a token can
// match exactly or only when folded.
func hasDiacritics(key string) bool {
	for i := 0; i < len(key); i++ {
		if key[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
