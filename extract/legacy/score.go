package legacy

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Detection decodes a sample with every candidate encoding and keeps the one
// whose result reads most like Vietnamese: words with diacritics that are
// valid syllables count for it; words with diacritics that are not, and
// symbols or control characters where letters should be ("t¸c", "ca\x13c"),
// count against it. A wrong decoding of Vietnamese text produces such junk
// in almost every word, so the margins are wide.

// stats counts the evidence in one decoded sample.
type stats struct {
	valid   int // non-ASCII words that are Vietnamese syllables
	invalid int // non-ASCII words that are not
	junk    int // symbols, controls and stray marks from the high byte range
}

func (s stats) score() int { return s.valid - s.invalid - s.junk }

// share is the fraction of the evidence that speaks for the decoding.
func (s stats) share() float64 {
	n := s.valid + s.invalid + s.junk
	if n == 0 {
		return 0
	}
	return float64(s.valid) / float64(n)
}

// measure scores text, precomposed or not.
func measure(text string) stats {
	var st stats
	word := make([]rune, 0, 16)
	flush := func() {
		if len(word) == 0 {
			return
		}
		ascii := true
		for _, r := range word {
			if r >= 0x80 {
				ascii = false
				break
			}
		}
		if !ascii {
			if isSyllable(word) {
				st.valid++
			} else {
				st.invalid++
			}
		}
		word = word[:0]
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			word = append(word, unicode.ToLower(r))
			continue
		}
		flush()
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || r == unicode.ReplacementChar:
			st.junk++
		case r >= 0xA0 && r < 0x2000 && !unicode.IsSpace(r):
			// Latin-1 and other symbols (¸ © « ¬ ®) are what a wrong table
			// turns Vietnamese letters into; real text rarely has them.
			if r != '°' && r != '×' && r != '²' && r != '³' {
				st.junk++
			}
		}
	}
	flush()
	return st
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

// letterInfo is a lower-case Vietnamese letter split into its base with the
// vowel mark (ấ → â) and whether it carries a tone.
type letterInfo struct {
	base rune
	tone bool
}

// letters covers every precomposed lower-case Vietnamese letter, so that
// scoring needs no normalization per word.
var letters = func() map[rune]letterInfo {
	m := map[rune]letterInfo{'đ': {'đ', false}}
	add := func(r rune) {
		var base []rune
		tone := false
		for _, c := range norm.NFD.String(string(r)) {
			switch c {
			case cmGrave, cmAcute, cmTilde, cmHook, cmDotBelow:
				tone = true
			case cmCircum, cmBreve, cmHorn:
				if len(base) == 0 {
					return
				}
				b, ok := withMark(base[len(base)-1], c)
				if !ok {
					return
				}
				base[len(base)-1] = b
			default:
				base = append(base, c)
			}
		}
		if len(base) == 1 && (base[0] < 0x80 || isVowel(base[0])) {
			m[r] = letterInfo{base[0], tone}
		}
	}
	for r := rune(0xC0); r < 0x1B1; r++ {
		add(r)
	}
	for r := rune(0x1EA0); r < 0x1F00; r++ {
		add(r)
	}
	return m
}()

var onsets = func() [][]rune {
	var out [][]rune
	for _, s := range []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""} {
		out = append(out, []rune(s))
	}
	return out
}()

// pack turns up to three runes below 0x10000 into one map key.
func pack(rs []rune) (uint64, bool) {
	if len(rs) > 3 {
		return 0, false
	}
	var k uint64
	for _, r := range rs {
		if r >= 0x10000 {
			return 0, false
		}
		k = k<<16 | uint64(r)
	}
	return k | uint64(len(rs))<<48, true
}

func packSet(words ...string) map[uint64]bool {
	m := make(map[uint64]bool, len(words))
	for _, w := range words {
		k, _ := pack([]rune(w))
		m[k] = true
	}
	return m
}

var codas = packSet("", "c", "ch", "m", "n", "ng", "nh", "p", "t")

// nuclei are the vowel sequences of Vietnamese syllables, glides and vowel
// finals included ("oai", "ươi", "uyê").
var nuclei = packSet(
	"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
	"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă",
	"oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa",
	"ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây",
	"uôi", "ươi", "ươu", "uya", "uyê", "uyu", "ôô",
)

// isSyllable reports whether the lower-case word w is one Vietnamese
// syllable: onset, vowel nucleus, final, and at most one tone mark. w may be
// precomposed or hold combining marks (Windows-1258 writes tones that way).
func isSyllable(w []rune) bool {
	var arr [24]rune
	base := arr[:0]
	tones := 0
	for _, r := range w {
		switch {
		case r < 0x80:
			base = append(base, r)
		case r == cmGrave || r == cmAcute || r == cmTilde || r == cmHook || r == cmDotBelow:
			if len(base) == 0 {
				return false
			}
			tones++
		case r == cmCircum || r == cmBreve || r == cmHorn:
			if len(base) == 0 {
				return false
			}
			c, ok := withMark(base[len(base)-1], r)
			if !ok {
				return false
			}
			base[len(base)-1] = c
		default:
			li, ok := letters[r]
			if !ok {
				return false
			}
			base = append(base, li.base)
			if li.tone {
				tones++
			}
		}
		if len(base) > 8 {
			return false
		}
	}
	if tones > 1 || len(base) == 0 {
		return false
	}
	for _, on := range onsets {
		if !hasPrefix(base, on) {
			continue
		}
		rest := base[len(on):]
		i := 0
		for i < len(rest) && isVowel(rest[i]) {
			i++
		}
		if i == 0 {
			// "gi" and "qu" also stand before a final alone: "gìn" is g+i+n.
			continue
		}
		n, ok1 := pack(rest[:i])
		c, ok2 := pack(rest[i:])
		if ok1 && ok2 && nuclei[n] && codas[c] {
			return true
		}
	}
	return false
}

func hasPrefix(s, p []rune) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

func withMark(r, mark rune) (rune, bool) {
	switch {
	case mark == cmCircum && r == 'a':
		return 'â', true
	case mark == cmCircum && r == 'e':
		return 'ê', true
	case mark == cmCircum && r == 'o':
		return 'ô', true
	case mark == cmBreve && r == 'a':
		return 'ă', true
	case mark == cmHorn && r == 'o':
		return 'ơ', true
	case mark == cmHorn && r == 'u':
		return 'ư', true
	}
	return 0, false
}
