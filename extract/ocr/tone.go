package ocr

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tesseract's Vietnamese model often reads the hook above (hỏi) as an
// acute (sắc) or a tilde (ngã), and loses or adds the circumflex under
// them: "tổ chức" comes out "tố chức", "thẩm định" "thãm định". Every such
// misreading is a valid syllable, so no syllable list can catch it; a list
// of two-syllable words can. A pair of syllables that is no word of the
// list, while exactly one word of the list has the same letters once those
// marks are set aside, is taken to be that word.

//go:embed words.txt
var wordsTxt string

// toneFix maps the skeleton of a syllable pair to its only listed word, or
// to "" when several listed words share the skeleton; known holds every
// listed pair, and firsts the skeletons of their first syllables, to pass
// over most pairs at the cost of one lookup.
var toneFix, known, firsts = buildToneFix(wordsTxt)

func buildToneFix(list string) (fix map[string]string, known, firsts map[string]bool) {
	fix, known, firsts = map[string]string{}, map[string]bool{}, map[string]bool{}
	for _, ln := range strings.Split(list, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		w := norm.NFC.String(strings.ToLower(ln))
		known[w] = true
		k := skeleton(w)
		first, _, _ := strings.Cut(k, " ")
		firsts[first] = true
		if prev, ok := fix[k]; ok && prev != w {
			fix[k] = ""
			continue
		}
		fix[k] = w
	}
	return fix, known, firsts
}

// skeleton drops the marks OCR confuses: acute, hook, tilde, circumflex.
func skeleton(s string) string {
	return strings.Map(func(r rune) rune {
		if k, ok := skelRunes[r]; ok {
			return k
		}
		return r
	}, s)
}

// skelRunes maps each precomposed Latin letter that carries one of the
// confused marks to the letter without them (ố → o, ộ → ọ, ẩ → a), so
// that skeleton needs no normalization per word.
var skelRunes = func() map[rune]rune {
	m := map[rune]rune{}
	for _, rg := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			var b strings.Builder
			for _, c := range norm.NFD.String(string(r)) {
				switch c {
				case '\u0301', '\u0309', '\u0303', '\u0302':
					continue
				}
				b.WriteRune(c)
			}
			k := []rune(norm.NFC.String(b.String()))
			if len(k) == 1 && k[0] != r {
				m[r] = k[0]
			}
		}
	}
	return m
}()

// fixTones corrects misread tone marks in s, pair by pair of adjacent
// syllables. It never changes the rune count: the marker and bold offsets
// taken before stay right.
func fixTones(s string) string {
	words := strings.Split(s, " ")
	changed := false
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i], words[i+1]
		// A word does not span punctuation: the first syllable must end
		// in a letter; the second may carry closing punctuation.
		aCore := strings.TrimLeftFunc(a, notLetter)
		if aCore == "" || !isLetterEnd(aCore) {
			continue
		}
		bCore := strings.TrimRightFunc(b, notLetter)
		if bCore == "" || strings.IndexFunc(bCore, notLetter) >= 0 || strings.IndexFunc(aCore, notLetter) >= 0 {
			continue
		}
		aLow := strings.ToLower(aCore)
		aSkel := skeleton(aLow)
		if !firsts[aSkel] {
			continue
		}
		bLow := strings.ToLower(bCore)
		if known[aLow+" "+bLow] {
			continue
		}
		w := toneFix[aSkel+" "+skeleton(bLow)]
		if w == "" {
			continue
		}
		fa, fb, _ := strings.Cut(w, " ")
		na, nb := withCase(aCore, fa), withCase(bCore, fb)
		if utf8.RuneCountInString(na) != utf8.RuneCountInString(aCore) || utf8.RuneCountInString(nb) != utf8.RuneCountInString(bCore) {
			continue
		}
		words[i] = a[:len(a)-len(aCore)] + na
		words[i+1] = nb + b[len(bCore):]
		changed = true
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

func isLetterEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

// withCase spells the listed lower-case syllable w like the read one: all
// capitals, a capital first letter, or lower case.
func withCase(read, w string) string {
	if strings.ToUpper(read) == read && utf8.RuneCountInString(read) > 1 {
		return strings.ToUpper(w)
	}
	r, _ := utf8.DecodeRuneInString(read)
	if unicode.IsUpper(r) {
		f, n := utf8.DecodeRuneInString(w)
		return string(unicode.ToUpper(f)) + w[n:]
	}
	return w
}
