// Package vntext holds the Vietnamese text rules that extraction, indexing and
// matching share: Unicode normalization, tone-mark placement, diacritic
// folding and number syntax. It imports nothing of baocao's, so that index and
// corpus apply exactly the rules extraction applied.
package vntext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// PlainNFC reports text that is well-formed UTF-8 and NFC by a quick
// check (false means "look closer", not "not NFC").
func PlainNFC(s string) bool { return plainNFC(s) }

// NFC returns s in Unicode normalization form C. Exports mix NFC and NFD;
// everything downstream (Bleve's folding, string matching) assumes NFC.
func NFC(s string) string {
	if plainNFC(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// plainNFC reports text made only of code points that are NFC whatever
// surrounds them: no combining mark, no singleton, nothing that composes
// with what comes before. That is ASCII, Latin below U+0300 (precomposed
// letters, no marks), the precomposed Vietnamese letters U+1EA0–U+1EF9
// and the common punctuation U+2010–U+2027. Nearly all report text is
// such, and this check is several times quicker than the general one,
// which looks each code point up in a trie. false means "look closer".
//
// It runs on whole documents, so it reads UTF-8 bytes instead of decoding
// runes; anything not well-formed gives false, as U+FFFD would.
func plainNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC2 && c < 0xCC: // U+0080–U+02FF
			if i+1 >= len(s) || !isCont(s[i+1]) {
				return false
			}
			i += 2
		case c == 0xE1 && i+2 < len(s) && isCont(s[i+2]) &&
			(s[i+1] == 0xBA && s[i+2] >= 0xA0 || s[i+1] == 0xBB && s[i+2] <= 0xB9): // U+1EA0–U+1EF9
			i += 3
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x90 && s[i+2] <= 0xA7: // U+2010–U+2027
			i += 3
		default:
			return false
		}
	}
	return true
}

func isCont(c byte) bool { return c&0xC0 == 0x80 }

// toneMarks are the five Vietnamese tone marks as combining characters.
var toneMarks = map[rune]bool{
	'\u0300': true, // huyền
	'\u0301': true, // sắc
	'\u0309': true, // hỏi
	'\u0303': true, // ngã
	'\u0323': true, // nặng
}

// splitTone returns the base letter of r (in NFC, keeping vowel marks such as
// the circumflex) and its tone mark, or 0 when r carries none.
func splitTone(r rune) (base rune, tone rune) {
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, c := range d {
		if toneMarks[c] {
			tone = c
			continue
		}
		b.WriteRune(c)
	}
	if tone == 0 {
		return r, 0
	}
	base, _ = utf8.DecodeRuneInString(norm.NFC.String(b.String()))
	return base, tone
}

func withTone(r, tone rune) rune {
	c, _ := utf8.DecodeRuneInString(norm.NFC.String(string(r) + string(tone)))
	return c
}

// ToneCanonical moves the tone mark of open syllables ending in oa, oe and uy
// to the first vowel ("hoà" → "hòa", "uỷ" → "ủy", "KHOẺ" → "KHỎE"). Both
// placements are in use, often within one report; they spell the same word.
// Syllables with a final consonant ("hoàn", "thuyết") have one placement only
// and are left alone, as is "qu" + y ("quý"), where u belongs to the onset.
// The input should be NFC.
func ToneCanonical(s string) string {
	if !strings.ContainsAny(s, "oOuU") {
		return s
	}
	rs := []rune(s)
	changed := false
	for i := 0; i+1 < len(rs); i++ {
		first := unicode.ToLower(rs[i])
		if first != 'o' && first != 'u' {
			continue
		}
		if i+2 < len(rs) && isLetter(rs[i+2]) {
			continue
		}
		base, tone := splitTone(rs[i+1])
		if tone == 0 {
			continue
		}
		lb := unicode.ToLower(base)
		switch {
		case first == 'o' && (lb == 'a' || lb == 'e'):
		case first == 'u' && lb == 'y':
			if i > 0 && unicode.ToLower(rs[i-1]) == 'q' {
				continue
			}
		default:
			continue
		}
		if _, t := splitTone(rs[i]); t != 0 {
			continue
		}
		rs[i] = withTone(rs[i], tone)
		rs[i+1] = base
		changed = true
	}
	if !changed {
		return s
	}
	return string(rs)
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// Key is the form in which two spellings of one Vietnamese word compare
// equal: NFC, tone placement made canonical, lower case. Diacritics are kept:
// "đảng" and "dang" have different keys (see Fold).
func Key(s string) string {
	return strings.ToLower(ToneCanonical(NFC(s)))
}

// Fold removes every diacritic (tones and vowel marks) and maps đ to d, then
// lowers the case: the form a user types without a Vietnamese keyboard.
func Fold(s string) string {
	// Folding runs on every heading, title and subject; going through NFD
	// costs a string and a trie lookup per rune, so the runes reports are
	// written in are folded from a table, and lower-case ASCII as is.
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		f, ok := foldRune(r)
		if !ok {
			return foldNFD(s)
		}
		b.WriteString(f)
		i += w
	}
	return b.String()
}

// foldLatin, foldViet and foldPunct hold Fold of each rune of
// U+0080–U+036F (Latin letters, combining diacritics), U+1E00–U+1EFF
// (Vietnamese letters) and U+2000–U+20CF (dashes, quotes, "₫"), one rune at
// a time. That is Fold of a whole text made of them: NFD of such
// text decomposes rune by rune, and the only runes canonical ordering could
// move are marks, which Fold drops.
var (
	foldLatin = foldBlock(0x80, 0x370)
	foldViet  = foldBlock(0x1E00, 0x1F00)
	foldPunct = foldBlock(0x2000, 0x20D0)
)

func foldBlock(lo, hi rune) []string {
	t := make([]string, hi-lo)
	for r := lo; r < hi; r++ {
		t[r-lo] = foldNFD(string(r))
	}
	return t
}

// foldRune is Fold of the non-ASCII rune r, when the tables have it.
func foldRune(r rune) (string, bool) {
	switch {
	case r >= 0x80 && r < 0x370:
		return foldLatin[r-0x80], true
	case r >= 0x1E00 && r < 0x1F00:
		return foldViet[r-0x1E00], true
	case r >= 0x2000 && r < 0x20D0:
		return foldPunct[r-0x2000], true
	}
	return "", false
}

// foldNFD is Fold by its definition, for any text.
func foldNFD(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// SquashSpace replaces every run of white space (including no-break spaces)
// with one space and trims the ends.
func SquashSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// FormatNumber writes v the Vietnamese way: "." between thousands and ","
// before decimals (9582 → "9.582", 20.4 → "20,4"). decimals < 0 prints the
// shortest form that reads back as v.
func FormatNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}
