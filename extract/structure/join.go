package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/vntext"
)

// joinSep returns what goes between the two halves of a paragraph that a
// page break cut. Vietnamese writes one syllable per word, so a break almost
// always falls between words and the halves join with a space. They join
// without one when the text shows a word cut in two: a hyphen glued to the
// last word ("Covid-" + "19"), or two fragments that are not syllables on
// their own but make one together ("ng" + "ười").
func joinSep(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if last == '-' && len(a) > 1 {
		prev, _ := utf8.DecodeLastRuneInString(a[:len(a)-1])
		if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
			return ""
		}
	}
	if !unicode.IsLetter(last) || !unicode.IsLetter(first) {
		return " "
	}
	x, y := lastWord(a), firstWord(b)
	if x == "" || y == "" {
		return " "
	}
	if (!isSyllable(x) || !isSyllable(y)) && isSyllable(x+y) && hasSameCase(x, y) {
		return ""
	}
	return " "
}

// hasSameCase is false for "Hà" + "NỘI"-like pairs, which are two words.
func hasSameCase(x, y string) bool {
	return isUpper(x) == isUpper(y) || !isUpper(y)
}

func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		i -= size
	}
	return s[i:]
}

func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return s[:i]
		}
	}
	return s
}

var (
	onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
		"b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	codas = map[string]bool{"": true, "c": true, "ch": true, "m": true, "n": true, "ng": true,
		"nh": true, "p": true, "t": true}
)

// isSyllable reports whether w (one word) has the shape of a Vietnamese
// syllable: onset, one to three vowels, coda. It checks the shape only, so
// it accepts some non-words; it is used to recognise fragments, which it
// rejects (no vowel, a coda no syllable has).
func isSyllable(w string) bool {
	f, ok := foldWord(w)
	if !ok || f == "" || len(f) > 8 {
		return false
	}
	for _, on := range onsets {
		if !strings.HasPrefix(f, on) {
			continue
		}
		rest := f[len(on):]
		v := 0
		for v < len(rest) && strings.IndexByte("aeiouy", rest[v]) >= 0 {
			v++
		}
		if v == 0 || v > 3 {
			continue
		}
		if codas[rest[v:]] {
			return true
		}
	}
	return false
}

// baseLetters maps each Latin letter with Vietnamese diacritics (and the
// plain ones) to its folded ASCII letter, as vntext.Fold would.
var baseLetters = func() map[rune]byte {
	m := make(map[rune]byte)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if f := vntext.Fold(string(r)); len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
				m[r] = f[0]
			}
		}
	}
	add('A', 'Z')
	add('a', 'z')
	add(0xC0, 0x1B0)    // Latin-1 and Extended-A/B: â, ê, ô, ă, đ, ơ, ư
	add(0x1EA0, 0x1EF9) // Latin Extended Additional: the toned vowels
	return m
}()

// foldWord folds a short NFC word without normalizing it; ok is false for
// a rune that is not a Latin letter.
func foldWord(w string) (string, bool) {
	if len(w) > 32 {
		return "", false
	}
	var buf [32]byte
	n := 0
	for _, r := range w {
		c, ok := baseLetters[r]
		if !ok {
			return "", false
		}
		buf[n] = c
		n++
	}
	return string(buf[:n]), true
}
