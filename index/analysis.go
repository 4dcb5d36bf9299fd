package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/registry"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/baocao/baocao/extract/vntext"
)

// Vietnamese analysis. Every syllable is a token, so a two-syllable word
// ("đảng viên") is two tokens and, on its own, a poor search term: the
// syllables are among the most frequent in any report. A text field
// therefore holds, besides the syllables, every pair of adjacent syllables
// as one term ("dang vien"). A phrase of two syllables becomes one term
// lookup and a longer phrase a conjunction of pairs, without positions or
// term vectors in the index; the word order is then checked on the text of
// the few candidate reports (see rank.go).
//
// One field holds both forms of a token: the fold (vntext.Fold: no
// diacritics, đ→d) and, for a token with diacritics, its exact key
// (vntext.Key: NFC, tone placement made canonical, lower case). The two
// cannot collide, since an exact key has diacritics and a fold has none,
// and one field means one tokenization pass and one posting list per term
// instead of two. Exact pairs are not indexed: they would only re-rank
// candidate reports, which the passage ranking does on the text anyway.
// Document symbols ("28-NQ/TU", "1232/NQ-UBTVQH15", also as written with a
// stray space, "81- KH/HU") are one token in their canonical form, so that
// 28-NQ/TU and 28-NQ/TW never share a term.

// analyzerName is the analyzer of the text fields in the index mapping. It
// is registered with Bleve so that an index opened later, and the
// query-string parser, find it.
const analyzerName = "vn"

// passageSep separates passages inside one field value: no pair of
// syllables is formed across it.
const passageSep = "\u2029"

func init() {
	// Registration is how Bleve finds analyzers by name; it cannot be
	// done per index.
	must(registry.RegisterTokenizer(analyzerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return &tokenizer{}, nil
	}))
	must(registry.RegisterAnalyzer(analyzerName, func(_ map[string]any, c *registry.Cache) (analysis.Analyzer, error) {
		tok, err := c.TokenizerNamed(analyzerName)
		if err != nil {
			return nil, err
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tok}, nil
	}))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// tokenizer is the Bleve tokenizer of the text fields. It emits each
// distinct term once, or two or three times when it is frequent in the
// text (see copies): Bleve only counts term frequencies, and handing it
// every occurrence cost more than the rest of indexing together.
type tokenizer struct{}

// copies is how many times a term seen n times is emitted: a dampened
// frequency, enough for Bleve to prefer a report that is about a word.
func copies(n int32) int {
	switch {
	case n >= 8:
		return 3
	case n >= 3:
		return 2
	}
	return 1
}

func (t *tokenizer) Tokenize(input []byte) analysis.TokenStream {
	freqs, _ := analyzeTerms(string(input))
	out := make(analysis.TokenStream, 0, len(freqs)+len(freqs)/4)
	slab := make([]analysis.Token, 0, cap(out))
	pos := 0
	for _, tf := range freqs {
		for range tf.Frequency() {
			pos++
			if len(slab) == cap(slab) {
				slab = make([]analysis.Token, 0, 256)
			}
			slab = append(slab, analysis.Token{Term: tf.Term, Position: pos, Type: analysis.AlphaNumeric})
			out = append(out, &slab[len(slab)-1])
		}
	}
	return out
}

// analyzeTerms returns the terms of text (see the package comment above)
// with their dampened frequencies (copies), and the sum of those, which is
// the field length Bleve would see. It is what Bleve's analysis would make
// of the tokenizer's output, made directly: one map instead of a token
// list and Bleve's map of it, which was a third of the cost of indexing.
func analyzeTerms(text string) (bindex.TokenFrequencies, int) {
	freqs := make(bindex.TokenFrequencies, len(text)/8)
	var slab []bindex.TokenFreq
	var arena []byte
	var buf, prev, pair, key []byte
	add := func(term []byte) {
		if tf, ok := freqs[string(term)]; ok {
			tf.SetFrequency(tf.Frequency() + 1)
			return
		}
		// Terms are copied into an arena shared by the strings and
		// byte slices of the map: nothing writes to them afterwards.
		if len(arena)+len(term) > cap(arena) {
			arena = make([]byte, 0, max(16<<10, len(term)))
		}
		at := len(arena)
		arena = append(arena, term...)
		b := arena[at:len(arena):len(arena)]
		if len(slab) == cap(slab) {
			slab = make([]bindex.TokenFreq, 0, 512)
		}
		slab = append(slab, bindex.TokenFreq{Term: b})
		tf := &slab[len(slab)-1]
		tf.SetFrequency(1)
		freqs[unsafe.String(unsafe.SliceData(b), len(b))] = tf
	}
	scanTokens(text, true, func(tk rawToken) {
		if tk.brk {
			prev = prev[:0]
			return
		}
		if tk.symbol != "" {
			fold := symbolTerm(tk.symbol, true)
			add([]byte(fold))
			if exact := symbolTerm(tk.symbol, false); exact != fold {
				add([]byte(exact))
			}
			prev = prev[:0]
			return
		}
		w := text[tk.start:tk.end]
		buf = foldAppend(buf[:0], w)
		add(buf)
		if hasDiacritics(w) { // an ASCII word's key is its fold
			if key = keyAppend(key[:0], w); hasDiacritics(string(key)) {
				add(key)
			}
		}
		if !tk.alpha {
			prev = prev[:0]
			return
		}
		if len(prev) > 0 {
			pair = append(append(append(pair[:0], prev...), ' '), buf...)
			add(pair)
		}
		prev = append(prev[:0], buf...)
	})
	length := 0
	for _, tf := range freqs {
		n := copies(int32(tf.Frequency()))
		tf.SetFrequency(n)
		length += n
	}
	return freqs, length
}

// termsField is a text field of the index: analyzeTerms gives its terms
// straight to Bleve. It is indexed, not stored.
type termsField struct {
	name   string
	text   string
	freqs  bindex.TokenFrequencies
	length int
}

var _ document.Field = (*termsField)(nil)

func (f *termsField) Name() string                                      { return f.name }
func (f *termsField) ArrayPositions() []uint64                          { return nil }
func (f *termsField) Options() bindex.FieldIndexingOptions              { return bindex.IndexField }
func (f *termsField) Analyze()                                          { f.freqs, f.length = analyzeTerms(f.text) }
func (f *termsField) Value() []byte                                     { return nil }
func (f *termsField) NumPlainTextBytes() uint64                         { return uint64(len(f.text)) }
func (f *termsField) EncodedFieldType() byte                            { return 't' }
func (f *termsField) AnalyzedLength() int                               { return f.length }
func (f *termsField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

// Size is the memory the field holds, for Bleve's accounting.
func (f *termsField) Size() int {
	n := len(f.text) + 64
	for k := range f.freqs {
		n += 2*len(k) + 64
	}
	return n
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
	for i := 0; i < len(s); i++ {
		// ASCII runs are most of the bytes even in Vietnamese text.
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldAppendRunes(buf, s[i:])
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

func foldAppendRunes(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		// Vietnamese letters are two-byte sequences (Latin-1, Latin
		// Extended, combining marks) or three-byte ones in U+1E00–U+1EFF,
		// and fold to one ASCII letter or to nothing: read them by table,
		// without decoding the rune.
		if i+1 < len(s) && c >= 0xC2 && c <= 0xDF && s[i+1]&0xC0 == 0x80 {
			if f := fold2[int(c&0x1F)<<6|int(s[i+1]&0x3F)]; f != 0 {
				if f != foldDrop {
					buf = append(buf, f)
				}
				i += 2
				continue
			}
		} else if i+2 < len(s) && c == 0xE1 && s[i+1]&0xFC == 0xB8 && s[i+2]&0xC0 == 0x80 {
			if f := fold3[int(s[i+1]&0x03)<<6|int(s[i+2]&0x3F)]; f != 0 {
				if f != foldDrop {
					buf = append(buf, f)
				}
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if f := foldRune(r); f >= 0 {
			buf = utf8.AppendRune(buf, f)
		}
	}
	return buf
}

// foldDrop marks a rune that folding removes (a combining mark); 0 marks
// one the tables do not cover.
const foldDrop = 0xFF

// fold2 folds the runes U+0080–U+07FF by the low bits of their two UTF-8
// bytes, fold3 the runes U+1E00–U+1EFF by the low bits of their last two
// bytes, each to an ASCII byte, foldDrop or 0 (see foldRune).
var fold2, fold3 = func() (t2 [2048]byte, t3 [256]byte) {
	enc := func(r rune) byte {
		switch f := foldRune(r); {
		case f < 0:
			return foldDrop
		case f > 0 && f < utf8.RuneSelf:
			return byte(f)
		}
		return 0
	}
	for r := rune(0x80); r < 0x800; r++ {
		t2[r] = enc(r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		t3[r-0x1E00] = enc(r)
	}
	return t2, t3
}()

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

// keyAppend appends keyOf(tok) to buf, without allocating unless the
// tone placement must be checked.
func keyAppend(buf []byte, tok string) []byte {
	start := len(buf)
	for _, r := range tok {
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
			continue
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	if lower := buf[start:]; needsToneCheck(string(lower)) {
		return append(buf[:start], vntext.ToneCanonical(string(lower))...)
	}
	return buf
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
