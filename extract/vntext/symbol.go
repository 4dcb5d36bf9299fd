package vntext

import (
	"strings"
	"unicode"
)

// Document symbols ("số ký hiệu") come in two families:
//
//   - Party documents (Quy định 66-QĐ/TW on the format of Party documents):
//     number, hyphen, type code, slash, issuer code: "154-KH/HU", "28-NQ/TW",
//     "07-HD/BTGTU". The issuer may have several slash-separated parts.
//   - State documents (Nghị định 30/2020/NĐ-CP): number, slash, an optional
//     four-digit year and slash, then type and issuer joined by hyphens:
//     "1232/NQ-UBTVQH15", "07/2021/NĐ-CP", "52/NQ-HĐND", "123/UBND-VP". A law
//     has no type code: "10/2022/QH15".
//
// Exports and scans add noise: a stray space around the hyphen ("81- KH/HU"),
// an en dash, Ð (U+00D0) for Đ, lower-case letters in some codes ("QĐ-TTg",
// "05-CTr/TU") and OCR misreadings (UBTVQHI5); the scanner accepts them.

// Symbol is one document symbol found in a text.
type Symbol struct {
	// Start and End are rune offsets of the symbol as written in the text.
	Start, End int
	Raw        string // as written: "81- KH/HU"
	Number     string // "81", "07", "1232"
	Year       string // "2021" in "07/2021/NĐ-CP", "" otherwise
	Code       string // canonical code after the number: "KH/HU", "NĐ-CP", "NQ-UBTVQH15"
	Party      bool   // number-TYPE/ISSUER form
}

// ID is the canonical identifier: "81-KH/HU", "07/2021/NĐ-CP".
func (s Symbol) ID() string {
	if s.Party {
		return s.Number + "-" + s.Code
	}
	if s.Year != "" {
		return s.Number + "/" + s.Year + "/" + s.Code
	}
	return s.Number + "/" + s.Code
}

// TypeCode is the document-type part of the code ("KH" in "KH/HU", "NĐ" in
// "NĐ-CP"), or "" for a State symbol with no type ("10/2022/QH15",
// "123/UBND-VP": a law, an official letter).
func (s Symbol) TypeCode() string {
	if s.Party {
		t, _, _ := strings.Cut(s.Code, "/")
		return t
	}
	t, _, ok := strings.Cut(s.Code, "-")
	if !ok || !isStateTypeCode(t) {
		return ""
	}
	return t
}

// stateTypeCodes are the abbreviations of Nghị định 30/2020/NĐ-CP, Phụ lục
// III, plus the legal-document ones; a first part not among them is an
// issuer ("UBND-VP" in an official letter).
var stateTypeCodes = map[string]bool{
	"NQ": true, "NĐ": true, "QĐ": true, "CT": true, "TT": true, "TTLT": true,
	"NQLT": true, "QC": true, "QYĐ": true, "TB": true, "HD": true, "CTR": true,
	"KH": true, "PA": true, "ĐA": true, "DA": true, "BC": true, "BB": true,
	"TTR": true, "HĐ": true, "CĐ": true, "GM": true, "GGT": true, "PL": true,
	"L": true, "PL-UBTVQH": true, "TTG": true, "SL": true, "LT": true, "CV": true,
	"VBHN": true,
}

func isStateTypeCode(s string) bool { return stateTypeCodes[s] }

// CanonicalSymbol returns s with white space removed, dashes unified to '-',
// Ð (U+00D0) read as Đ, upper case and NFC: "81- kh/hu" → "81-KH/HU". It does
// not check that s is a symbol (see ParseSymbol).
func CanonicalSymbol(s string) string {
	s = NFC(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case isDash(r):
			b.WriteByte('-')
		case r == 'Ð' || r == 'ð':
			b.WriteRune('Đ')
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// ParseSymbol reads s as exactly one symbol, as a user types it: case and
// spacing do not matter ("28-nq/tw", "81- KH/HU"). ok is false when s is not
// a symbol or holds more than one. Raw, Start and End describe the canonical
// form.
func ParseSymbol(s string) (sym Symbol, ok bool) {
	rs := []rune(CanonicalSymbol(s))
	m, end, ok := scanAt(rs, 0)
	if !ok || end != len(rs) {
		return Symbol{}, false
	}
	return m, true
}

// ScanSymbols returns the symbols in s in text order, with rune offsets.
// Dates (05/6/2024), ratios (03/38), ranges (2020-2025) and names with
// numbers (Covid-19) are not symbols.
func ScanSymbols(s string) []Symbol {
	if !MayHaveSymbol(s) {
		return nil
	}
	return ScanSymbolRunes([]rune(s))
}

// MayHaveSymbol is a byte-level filter: false means that ScanSymbols(s)
// finds nothing. Most paragraphs have no symbol, and decoding them into
// runes would cost more than the scan itself.
//
// Two things are asked of the bytes around the separators '-', '/' and the
// lead byte 0xE2 of the Unicode dashes, which are found with IndexByte:
// far rarer than digits, they make the filter a small part of the scan.
func MayHaveSymbol(s string) bool {
	after, shape := false, false
	for _, sep := range [...]byte{'-', '/', 0xe2} {
		for k := indexFrom(s, 0, sep); k >= 0; k = indexFrom(s, k+1, sep) {
			after = after || digitBefore(s, k)
			shape = shape || shapeAt(s, k)
			if after && shape {
				return true
			}
		}
	}
	return false
}

func indexFrom(s string, from int, c byte) int {
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return -1
}

// digitBefore reports a digit just before the separator at k, or before
// one space in front of it: every symbol has one.
func digitBefore(s string, k int) bool {
	return k >= 1 && isDigitByte(s[k-1]) || k >= 2 && s[k-1] == ' ' && isDigitByte(s[k-2])
}

// shapeAt looks for what scanAt needs at the separator at k after a
// number: a code's first capital after "/" ("52/NQ", "07/2021/NĐ") or
// after a dash and one space ("154-KH", "81 - KH", "81\u00a0-KH"). Dates,
// ratios and ranges have a digit there instead.
func shapeAt(s string, k int) bool {
	if s[k] == '/' {
		if k < 1 || !isDigitByte(s[k-1]) {
			return false
		}
		return mayBeUpper(s, k+1) ||
			k+6 < len(s) && isDigitByte(s[k+1]) && isDigitByte(s[k+2]) && isDigitByte(s[k+3]) && isDigitByte(s[k+4]) && s[k+5] == '/' && mayBeUpper(s, k+6)
	}
	n := dashLen(s, k)
	if n == 0 {
		return false
	}
	number := k >= 1 && isDigitByte(s[k-1]) ||
		k >= 2 && s[k-1] == ' ' && isDigitByte(s[k-2]) ||
		k >= 3 && s[k-2:k] == "\u00a0" && isDigitByte(s[k-3])
	return number && mayBeUpper(s, skipSpaceByte(s, k+n))
}

// skipSpaceByte skips one space (skipSpaces) at byte i.
func skipSpaceByte(s string, i int) int {
	switch {
	case i < len(s) && s[i] == ' ':
		return i + 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		return i + 2
	}
	return i
}

// dashLen is the length of the isDash rune at byte i, 0 for none.
func dashLen(s string, i int) int {
	switch {
	case i < len(s) && s[i] == '-':
		return 1
	case strings.HasPrefix(s[i:], "–"), strings.HasPrefix(s[i:], "‐"), strings.HasPrefix(s[i:], "‑"):
		return 3
	}
	return 0
}

// mayBeUpper reports an ASCII capital or the first byte of a non-ASCII
// rune, which isUpper may accept, at byte i.
func mayBeUpper(s string, i int) bool {
	return i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 0xC0)
}

// ScanSymbolRunes is ScanSymbols over a text already split into runes.
func ScanSymbolRunes(rs []rune) []Symbol {
	var out []Symbol
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) {
			continue
		}
		if i > 0 && blocksStart(rs[i-1]) {
			// Inside a word, a number or another symbol: skip the whole run
			// of digits so that "2021/NĐ-CP" is not read out of "07/2021/NĐ-CP".
			for i+1 < len(rs) && isDigit(rs[i+1]) {
				i++
			}
			continue
		}
		m, end, ok := scanAt(rs, i)
		if ok {
			out = append(out, m)
			i = end - 1
			continue
		}
		for i+1 < len(rs) && isDigit(rs[i+1]) {
			i++
		}
	}
	return out
}

func blocksStart(r rune) bool {
	return isDigit(r) || unicode.IsLetter(r) || r == '/' || r == '.' || r == ',' || isDash(r) || r == '_'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isDash(r rune) bool { return r == '-' || r == '–' || r == '‐' || r == '‑' }

// isUpper accepts any capital, not only ASCII and Đ: codes such as "TƯ"
// for Trung ương occur in the wild and in OCR output.
func isUpper(r rune) bool {
	return (r >= 'A' && r <= 'Z') || (r >= 0x80 && unicode.IsUpper(r))
}

// isCodeRune is a rune that may follow the first letter of a code part.
// Lower-case ASCII is allowed for "TTg" and "CTr"; Vietnamese lower-case
// letters are not, so that a code never runs into a following word.
func isCodeRune(r rune) bool {
	return isUpper(r) || isDigit(r) || (r >= 'a' && r <= 'z')
}

// scanAt reads a symbol starting at the digit rs[i]. It returns the symbol
// and the rune offset just after it.
func scanAt(rs []rune, i int) (Symbol, int, bool) {
	n := len(rs)
	j := i
	for j < n && isDigit(rs[j]) {
		j++
	}
	if j == i || j-i > 6 {
		return Symbol{}, 0, false
	}
	// rs[i:j] is the number, made a string only in a symbol found: most
	// numbers scanned are none.

	// Party: NUMBER ␣* - ␣* CODE / CODE (/ CODE)*
	k := skipSpaces(rs, j, 1)
	if k < n && isDash(rs[k]) {
		k = skipSpaces(rs, k+1, 1)
		if parts, end, ok := scanParts(rs, k, '/'); ok && len(parts) >= 2 {
			sym := Symbol{Start: i, End: end, Raw: string(rs[i:end]), Number: string(rs[i:j]), Party: true,
				Code: CanonicalSymbol(strings.Join(parts, "/"))}
			return sym, end, true
		}
		return Symbol{}, 0, false
	}

	// State: NUMBER / [YEAR /] CODE (- CODE)*
	if j >= n || rs[j] != '/' {
		return Symbol{}, 0, false
	}
	k = j + 1
	year := ""
	if k+4 < n && isDigit(rs[k]) && isDigit(rs[k+1]) && isDigit(rs[k+2]) && isDigit(rs[k+3]) && rs[k+4] == '/' {
		year = string(rs[k : k+4])
		k += 5
	}
	parts, end, ok := scanParts(rs, k, '-')
	if !ok || (len(parts) < 2 && year == "") {
		return Symbol{}, 0, false
	}
	if year == "" && !hasLetterPair(parts[0]) {
		return Symbol{}, 0, false
	}
	sym := Symbol{Start: i, End: end, Raw: string(rs[i:end]), Number: string(rs[i:j]), Year: year,
		Code: CanonicalSymbol(strings.Join(parts, "-"))}
	return sym, end, true
}

// hasLetterPair keeps a single capital with a digit ("3/A-1") from passing
// for a State symbol.
func hasLetterPair(s string) bool {
	c := 0
	for _, r := range s {
		if isUpper(r) {
			c++
		}
	}
	return c >= 2
}

// scanParts reads CODE (sep CODE)* from rs[k]; a code starts with a capital
// letter. Spaces are allowed around sep only when a code follows ("KH /HU").
// A trailing sep without a code ("NQ/TW-") is left out.
func scanParts(rs []rune, k int, sep rune) ([]string, int, bool) {
	n := len(rs)
	var parts []string
	for {
		if k >= n || !isUpper(rs[k]) {
			break
		}
		s := k
		for k < n && isCodeRune(rs[k]) {
			k++
		}
		if k < n && (unicode.IsLetter(rs[k]) || unicode.Is(unicode.Mn, rs[k])) {
			// A Vietnamese letter glued to the code: a word, not a code.
			return nil, 0, false
		}
		parts = append(parts, string(rs[s:k]))
		m := skipSpaces(rs, k, 1)
		if m < n && (rs[m] == sep || (sep == '-' && isDash(rs[m]))) {
			m2 := skipSpaces(rs, m+1, 1)
			if m2 < n && isUpper(rs[m2]) && (m2 == m+1 || m == k) {
				k = m2
				continue
			}
		}
		break
	}
	if len(parts) == 0 {
		return nil, 0, false
	}
	return parts, k, true
}

// skipSpaces skips up to max spaces from k.
func skipSpaces(rs []rune, k, max int) int {
	for c := 0; c < max && k < len(rs) && (rs[k] == ' ' || rs[k] == '\u00a0'); c++ {
		k++
	}
	return k
}
