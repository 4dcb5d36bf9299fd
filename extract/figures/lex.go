package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/vntext"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// token is a word, a numeric token or one punctuation mark of a container
// text. Offsets are kept in runes (for spans) and bytes (for quotes).
type token struct {
	kind        tokKind
	start, end  int // runes
	pos, endPos int // bytes
	text        string
	low         string // lower case, words only
	upper       bool   // word starting with a capital letter
	initial     bool   // first word of a sentence, a bullet or a parenthesis
	ni          int32  // index of the number in lexer.nums, for tNum
}

func (t *token) isPunct(p string) bool { return t.kind == tPunct && t.text == p }

func (t *token) isWord(w string) bool { return t.kind == tWord && t.low == w }

// lexer turns a text into tokens, reusing its buffers between texts.
type lexer struct {
	nums []vntext.Number
	toks []token
	// lows holds the lower-case forms of the capitalized words of a text,
	// made one string at the end instead of one string per word.
	lows []byte
	caps []capWord
}

// capWord is a capitalized word: its token and the end of its lower-case
// form in lexer.lows.
type capWord struct{ tok, end int32 }

// lex runs on every container. The buffers are kept in locals while it
// runs, so that the loops do not reload them through lx.
func (lx *lexer) lex(s string) []token {
	nums := vntext.AppendNumbers(lx.nums[:0], s)
	toks := lx.toks[:0]
	if cap(toks) < len(s)/3+8 {
		// a Vietnamese syllable and its space take 3 to 5 bytes: enough
		// room that the slice of tokens (with their strings) never grows
		toks = make([]token, 0, len(s)/3+8)
	}
	lows, caps := lx.lows[:0], lx.caps[:0]
	ni := 0
	nextNum := len(s) // byte where nums[ni] starts
	if len(nums) > 0 {
		nextNum = nums[0].Pos
	}
	runes := 0
	i := 0
	for i < len(s) {
		if i == nextNum {
			n := &nums[ni]
			toks = pushTok(toks, tNum, n.Start, n.End, n.Pos, n.EndPos, s[n.Pos:n.EndPos], "", false, int32(ni))
			runes = n.End
			i = n.EndPos
			ni++
			nextNum = len(s)
			if ni < len(nums) {
				nextNum = nums[ni].Pos
			}
			continue
		}
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			runes++
			continue
		}
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isLetter(r):
			j, rj := i, runes
			up := r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
			restUp := false // an upper-case letter after the first
			for j < len(s) && j != nextNum {
				c2 := s[j]
				if c2 < utf8.RuneSelf && !up {
					// the letters of a lower-case word, byte by byte
					if c2|0x20 < 'a' || c2|0x20 > 'z' {
						break
					}
					j++
					rj++
					continue
				}
				if !up && j+1 < len(s) && (c2 >= 0xC3 && c2 <= 0xC9 && !(c2 == 0xC3 && (s[j+1] == 0x97 || s[j+1] == 0xB7)) || c2 == 0xCC || c2 == 0xCD && s[j+1] < 0xB0) && s[j+1]&0xC0 == 0x80 {
					j += 2 // U+00C0–U+027F (not × ÷) and the combining marks U+0300–U+036F
					rj++
					continue
				}
				if !up && j+2 < len(s) && c2 == 0xE1 && s[j+1] >= 0xB8 && s[j+1] <= 0xBB && s[j+2]&0xC0 == 0x80 {
					j += 3 // U+1E00–U+1EFF, the Vietnamese letters
					rj++
					continue
				}
				r2, w2 := rune(c2), 1
				if r2 >= utf8.RuneSelf {
					r2, w2 = utf8.DecodeRuneInString(s[j:])
				}
				if !isLetter(r2) && !(r2 == '²' || r2 == '³') {
					break
				}
				if up && j > i && !restUp {
					restUp = r2 >= 'A' && r2 <= 'Z' || r2 >= utf8.RuneSelf && unicode.IsUpper(r2)
				}
				j += w2
				rj++
			}
			text := s[i:j]
			low := text
			if up {
				if restUp {
					lows = appendLower(lows, text) // "HUYỆN", "UBND"
				} else {
					// "Đảng": only the first letter to lower
					lows = utf8.AppendRune(lows, unicode.ToLower(r))
					lows = append(lows, text[w:]...)
				}
				caps = append(caps, capWord{tok: int32(len(toks)), end: int32(len(lows))})
				low = "" // set by setLows
			}
			toks = pushTok(toks, tWord, runes, rj, i, j, text, low, up, 0)
			i, runes = j, rj
		case unicode.IsSpace(r):
			i += w
			runes++
		default:
			// "..." reads as one ellipsis mark.
			if r == '.' && strings.HasPrefix(s[i:], "...") {
				j := i
				for j < len(s) && s[j] == '.' {
					j++
				}
				toks = append(toks, token{kind: tPunct, start: runes, end: runes + j - i, pos: i, endPos: j, text: "…"})
				runes += j - i
				i = j
				continue
			}
			if r == '.' && abbrevDot(s, i, toks) {
				// "TP. Đà Nẵng", "TX. Hương Trà": the place's abbreviation,
				// not a sentence end
				i += w
				runes++
				continue
			}
			toks = pushTok(toks, tPunct, runes, runes+1, i, i+w, s[i:i+w], "", false, 0)
			i += w
			runes++
		}
	}
	setLows(toks, lows, caps)
	markInitial(toks)
	lx.nums, lx.toks, lx.lows, lx.caps = nums, toks, lows, caps
	return toks
}

// abbrevDot reports a '.' at s[i] that ends "TP", "TX" or "TT" written
// right before it and is followed by a space and a capital.
func abbrevDot(s string, i int, toks []token) bool {
	if len(toks) == 0 || i+2 >= len(s) || s[i+1] != ' ' {
		return false
	}
	t := &toks[len(toks)-1]
	if t.kind != tWord || t.endPos != i {
		return false
	}
	switch t.text {
	case "TP", "Tp", "TX", "Tx", "TT":
	default:
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i+2:])
	return unicode.IsUpper(r)
}

// pushTok appends a token filled in place: a token literal appended is
// zeroed and copied with bulk write barriers while the collector runs, and
// lex makes one for every word of every report.
func pushTok(toks []token, kind tokKind, start, end, pos, endPos int, text, low string, upper bool, ni int32) []token {
	n := len(toks)
	if n < cap(toks) {
		toks = toks[:n+1]
	} else {
		toks = append(toks, token{})
	}
	t := &toks[n]
	t.kind, t.start, t.end, t.pos, t.endPos = kind, start, end, pos, endPos
	t.text, t.low = text, low
	t.upper, t.initial, t.ni = upper, false, ni
	return toks
}

// setLows gives the capitalized words their lower-case forms, sliced from
// one string.
func setLows(toks []token, lows []byte, caps []capWord) {
	if len(caps) == 0 {
		return
	}
	all := string(lows)
	from := int32(0)
	for _, c := range caps {
		toks[c.tok].low = all[from:c.end]
		from = c.end
	}
}

// appendLower appends strings.ToLower(s) to b.
func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// isLetter is unicode.IsLetter plus combining marks (NFD input), with the
// blocks Vietnamese is written in answered without table lookups. It is
// asked of every rune, so ASCII is answered inline and the rest in
// isWideLetter.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return isWideLetter(r)
}

func isWideLetter(r rune) bool {
	switch {
	case r >= 0xC0 && r < 0x250:
		return r != 0xD7 && r != 0xF7
	case r >= 0x1E00 && r < 0x1F00, r >= 0x300 && r < 0x370:
		return true
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// markInitial flags words that start a sentence, a clause after a colon, a
// bullet or a parenthesis: their capital letter says nothing about a name.
func markInitial(toks []token) {
	start := true
	for i := range toks {
		t := &toks[i]
		switch t.kind {
		case tWord:
			t.initial = start
			start = false
		case tNum:
			start = false
		case tPunct:
			switch t.text {
			case ".", "!", "?", ":", ";", "(", "-", "–", "•", "“", "\"", "+", "*":
				start = true
			}
		}
	}
}

// isSentenceEnd reports a mark that ends a sentence.
func isSentenceEnd(t *token) bool {
	return t.kind == tPunct && (t.text == "." || t.text == "!" || t.text == "?")
}

// isClauseEnd reports a mark that ends a clause: a sentence end or ';'.
func isClauseEnd(t *token) bool {
	return isSentenceEnd(t) || t.isPunct(";")
}
