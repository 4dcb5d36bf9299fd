package vntext

import (
	"unicode"
	"unicode/utf8"
)

// ParseNumber reads one numeral written the Vietnamese way: "." between
// groups of three digits and "," before the decimals ("9.582", "375.000.000",
// "20,4", "0,3"). Digits without group dots ("1250", "07") are accepted too,
// leading zeros included. decimals is the number of digits after the comma
// ("2,0" → 2, 1). ok is false for anything else, including an English
// decimal point ("1.5"), a group that is not three digits ("1.23") or an
// empty string; a leading "-" is accepted.
func ParseNumber(s string) (v float64, decimals int, ok bool) {
	neg := false
	if len(s) > 0 && s[0] == '-' {
		neg = true
		s = s[1:]
	}
	n, v, decimals := scanNumeral(s, 0)
	if n == 0 || n != len(s) {
		return 0, 0, false
	}
	if neg {
		v = -v
	}
	return v, decimals, true
}

// scanNumeral reads the longest well-formed numeral at s[i:] and returns its
// length in bytes (0 when there is none), value and number of decimals. A dot
// is consumed only when exactly three digits follow it and the first group
// has at most three digits, so "1.5" and "2.1.3" stop after their first
// group; a comma only when a digit follows it.
func scanNumeral(s string, i int) (n int, v float64, decimals int) {
	start := i
	j := i
	for j < len(s) && isDigitByte(s[j]) {
		v = v*10 + float64(s[j]-'0')
		j++
	}
	if j == start {
		return 0, 0, 0
	}
	if j-start <= 3 {
		for j+3 < len(s) && s[j] == '.' && isDigitByte(s[j+1]) && isDigitByte(s[j+2]) && isDigitByte(s[j+3]) && (j+4 >= len(s) || !isDigitByte(s[j+4])) {
			v = v*1000 + float64(s[j+1]-'0')*100 + float64(s[j+2]-'0')*10 + float64(s[j+3]-'0')
			j += 4
		}
	}
	if j+1 < len(s) && s[j] == ',' && isDigitByte(s[j+1]) {
		j++
		scale := 1.0
		frac := 0.0
		for j < len(s) && isDigitByte(s[j]) {
			frac = frac*10 + float64(s[j]-'0')
			scale *= 10
			decimals++
			j++
		}
		v = (v*scale + frac) / scale // 7,81 is 781/100, not 7 + 0,81 (7.8100000000000005)
	}
	return j - start, v, decimals
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// NumberKind says what shape of numeric token a Scanner found.
type NumberKind uint8

// Numeric token shapes. Only Plain, Ratio and Range can be figures; the
// others are dates, document numbers and names that contain digits.
const (
	// NumPlain is one numeral: "9.582", "20,4", "07", "1250".
	NumPlain NumberKind = iota
	// NumRatio is part/whole or actual/target: "37/39", "1.118/1.100". Two
	// small numbers ("16/6") may also be a day and month; see MaybeDate.
	NumRatio
	// NumRange is low-high with low < high: "3-4", "8,5-9".
	NumRange
	// NumDate is a date with a year or three parts: "31/12/2022", "6/2022",
	// "31-12-2022".
	NumDate
	// NumTerm is a period between two years: "2020-2025".
	NumTerm
	// NumSymbol is a document number: "21-NQ/TW", "412/BC-UBND",
	// "07/2021/NĐ-CP", "81- KH/HU".
	NumSymbol
	// NumDotted is numbering or a non-Vietnamese decimal: "1.2.3", "1.5".
	NumDotted
	// NumAttached is digits glued to a word: "Covid-19", "UBTVQH15", "H5N1".
	NumAttached
	// NumOther is a slash or dash sequence that is none of the above.
	NumOther
)

var kindNames = [...]string{"plain", "ratio", "range", "date", "term", "symbol", "dotted", "attached", "other"}

func (k NumberKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Number is one numeric token of a text.
type Number struct {
	Kind NumberKind
	// Pos and EndPos are byte offsets, Start and End rune offsets, of the
	// whole token in the scanned text.
	Pos, EndPos int
	Start, End  int
	// Value is the (first) numeral; Value2 the denominator of a ratio or the
	// high end of a range. Decimals count the digits after the comma.
	Value, Value2       float64
	Decimals, Decimals2 int
	// Leading is true when the first numeral is written with a leading zero
	// ("07", "03/38").
	Leading bool
}

// MaybeDate reports whether a ratio could be a day and month ("16/6", "31/12"):
// the caller decides from the words around it ("ngày 16/6").
func (n Number) MaybeDate() bool {
	return n.Kind == NumRatio && n.Decimals == 0 && n.Decimals2 == 0 &&
		n.Value >= 1 && n.Value <= 31 && n.Value2 >= 1 && n.Value2 <= 12
}

// IsYear reports whether a plain number looks like a year (four digits, no
// group dot, 1900-2100).
func (n Number) IsYear() bool {
	return n.Kind == NumPlain && n.Decimals == 0 && n.EndPos-n.Pos == 4 &&
		n.Value >= 1900 && n.Value <= 2100
}

// AppendNumbers appends the numeric tokens of s to dst in order and returns
// the extended slice. It never allocates beyond growing dst, so a caller can
// reuse one buffer for many texts.
func AppendNumbers(dst []Number, s string) []Number {
	runes := 0 // rune offset of byte i
	i := 0
	for i < len(s) {
		c := s[i]
		if !isDigitByte(c) {
			// count rune starts, not continuation bytes: no decoding needed
			if c&0xC0 != 0x80 {
				runes++
			}
			i++
			continue
		}
		num, next := scanToken(s, i)
		num.Start = runes
		num.End = runes + utf8.RuneCountInString(s[i:next])
		runes = num.End
		i = next
		dst = append(dst, num)
	}
	return dst
}

// scanToken reads the token that starts with the digit at s[i].
func scanToken(s string, i int) (Number, int) {
	num := Number{Pos: i, Kind: NumPlain}
	if attachedBefore(s, i) {
		j := i
		for j < len(s) && (isDigitByte(s[j]) || isWordByte(s, j)) {
			_, w := utf8.DecodeRuneInString(s[j:])
			j += w
		}
		num.Kind = NumAttached
		num.EndPos = j
		return num, j
	}
	n, v, d := scanNumeral(s, i)
	num.Value, num.Decimals = v, d
	num.Leading = s[i] == '0' && n > 1 && isDigitByte(s[i+1])
	j := i + n
	// A time of day, "08:53" or "08:53:00": no quantity.
	if n <= 2 && d == 0 && j+2 < len(s) && s[j] == ':' && isDigitByte(s[j+1]) && isDigitByte(s[j+2]) && (j+3 >= len(s) || !isDigitByte(s[j+3])) {
		for j+2 < len(s) && s[j] == ':' && isDigitByte(s[j+1]) && isDigitByte(s[j+2]) && (j+3 >= len(s) || !isDigitByte(s[j+3])) {
			j += 3
		}
		num.Kind = NumOther
		num.EndPos = j
		return num, j
	}
	// An English decimal point before a percent sign ("đạt 101.86%"): a
	// group of other than three digits cannot be a thousands group.
	if j+1 < len(s) && s[j] == '.' && isDigitByte(s[j+1]) && d == 0 {
		k := j + 1
		for k < len(s) && isDigitByte(s[k]) {
			k++
		}
		p := k
		if p < len(s) && s[p] == ' ' {
			p++
		}
		if k-j-1 != 3 && k-j-1 <= 4 && p < len(s) && s[p] == '%' {
			scale := 1.0
			frac := 0.0
			for _, c := range []byte(s[j+1 : k]) {
				frac = frac*10 + float64(c-'0')
				scale *= 10
			}
			num.Value, num.Decimals = (v*scale+frac)/scale, k-j-1
			num.EndPos = k
			return num, k
		}
	}
	// Dotted numbering or an English decimal: "1.2.3", "1.5".
	if j+1 < len(s) && s[j] == '.' && isDigitByte(s[j+1]) {
		for j < len(s) && (isDigitByte(s[j]) || (s[j] == '.' && j+1 < len(s) && isDigitByte(s[j+1]))) {
			j++
		}
		num.Kind = NumDotted
		num.EndPos = j
		return num, j
	}
	// A list written without spaces: "kỳ họp thứ 24,25,26" is not 24,25
	// followed by 26.
	if num.Decimals > 0 && j+1 < len(s) && s[j] == ',' && isDigitByte(s[j+1]) {
		for j < len(s) && (isDigitByte(s[j]) || s[j] == ',' && j+1 < len(s) && isDigitByte(s[j+1])) {
			j++
		}
		num.Kind = NumOther
		num.EndPos = j
		return num, j
	}
	// Digits glued to letters after them ("5G", "15a") are kept as a plain
	// number followed by a word; units such as "m2" are handled by callers.
	switch {
	case j < len(s) && s[j] == '/':
		return scanSlash(s, num, j)
	case j < len(s) && (s[j] == '-' || hasPrefixAt(s, j, "–")):
		return scanDash(s, num, j)
	case j+1 < len(s) && s[j] == ' ' && (s[j+1] == '-' || hasPrefixAt(s, j+1, "–")):
		// "2020 - 2025": a spaced dash between two years only.
		if num.IsYearValue(n) {
			k := j + 1
			if s[k] == '-' {
				k++
			} else {
				k += len("–")
			}
			if k < len(s) && s[k] == ' ' {
				k++
			}
			if m, v2, d2 := scanNumeral(s, k); m == 4 && d2 == 0 && v2 >= 1900 && v2 <= 2100 && !(k+m < len(s) && isDigitByte(s[k+m])) {
				num.Kind = NumTerm
				num.Value2 = v2
				num.EndPos = k + m
				return num, k + m
			}
		}
	}
	num.EndPos = j
	return num, j
}

// IsYearValue is IsYear for a numeral of n bytes that is still being scanned.
func (n Number) IsYearValue(length int) bool {
	return n.Decimals == 0 && length == 4 && n.Value >= 1900 && n.Value <= 2100
}

// scanSlash continues after a numeral at s[j] == '/'.
func scanSlash(s string, num Number, j int) (Number, int) {
	if j+1 < len(s) && isUpperStart(s, j+1) {
		return scanSymbolTail(s, num, j+1)
	}
	n2, v2, d2 := scanNumeral(s, j+1)
	if n2 == 0 {
		num.EndPos = j
		return num, j
	}
	k := j + 1 + n2
	parts := 2
	for k+1 < len(s) && s[k] == '/' {
		if isUpperStart(s, k+1) {
			return scanSymbolTail(s, num, k+1)
		}
		m, _, _ := scanNumeral(s, k+1)
		if m == 0 {
			break
		}
		k += 1 + m
		parts++
	}
	if k+1 < len(s) && s[k] == '-' && isUpperStart(s, k+1) {
		return scanSymbolTail(s, num, k+1)
	}
	num.EndPos = k
	switch {
	case parts > 2:
		num.Kind = NumDate
	case d2 == 0 && n2 == 4 && v2 >= 1900 && v2 <= 2100 && num.Decimals == 0 && num.Value >= 1 && num.Value <= 12:
		num.Kind = NumDate // month/year: "6/2022"
	default:
		num.Kind = NumRatio
		num.Value2, num.Decimals2 = v2, d2
	}
	return num, k
}

// scanDash continues after a numeral at a '-' or '–'.
func scanDash(s string, num Number, j int) (Number, int) {
	w := 1
	if s[j] != '-' {
		w = len("–")
	}
	k := j + w
	sp := k < len(s) && s[k] == ' '
	if sp {
		k++
	}
	if k < len(s) && isUpperStart(s, k) && s[j] == '-' {
		return scanSymbolTail(s, num, k)
	}
	if sp {
		num.EndPos = j
		return num, j
	}
	n2, v2, d2 := scanNumeral(s, k)
	if n2 == 0 {
		num.EndPos = j
		return num, j
	}
	end := k + n2
	if end+1 < len(s) && s[end] == '-' && isDigitByte(s[end+1]) {
		// Three parts: "31-12-2022".
		m, _, _ := scanNumeral(s, end+1)
		num.Kind = NumDate
		num.EndPos = end + 1 + m
		return num, end + 1 + m
	}
	if end < len(s) && (s[end] == '/' || isWordByte(s, end)) {
		// "2-NQ/TW"-like oddities and "5-6a": not a clean range.
		for end < len(s) && (isDigitByte(s[end]) || s[end] == '/' || s[end] == '-' || isWordByte(s, end)) {
			_, w := utf8.DecodeRuneInString(s[end:])
			end += w
		}
		num.Kind = NumOther
		num.EndPos = end
		return num, end
	}
	num.EndPos = end
	num.Value2, num.Decimals2 = v2, d2
	switch {
	case num.IsYearValue(j-num.Pos) && n2 == 4 && d2 == 0 && v2 >= 1900 && v2 <= 2100:
		num.Kind = NumTerm
	case v2 > num.Value:
		num.Kind = NumRange
	default:
		num.Kind = NumOther // "15-5": a day and month, or a code
	}
	return num, end
}

// scanSymbolTail consumes the letters, digits, '/', '-' and '.' of a document
// symbol that starts at s[k].
func scanSymbolTail(s string, num Number, k int) (Number, int) {
	for k < len(s) {
		c := s[k]
		if isDigitByte(c) || c == '/' || c == '-' {
			k++
			continue
		}
		if isWordByte(s, k) {
			_, w := utf8.DecodeRuneInString(s[k:])
			k += w
			continue
		}
		break
	}
	for k > num.Pos && (s[k-1] == '/' || s[k-1] == '-') {
		k--
	}
	num.Kind = NumSymbol
	num.EndPos = k
	return num, k
}

// attachedBefore reports whether the digit at s[i] continues a word: a letter
// right before it, or "letter-" ("Covid-19").
func attachedBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, w := utf8.DecodeLastRuneInString(s[:i])
	if isLetterRune(r) {
		return !gluedWord(s[:i])
	}
	if r == '-' && i-w > 0 {
		r2, _ := utf8.DecodeLastRuneInString(s[:i-w])
		return isLetterRune(r2)
	}
	return false
}

// gluedWord reports a Vietnamese word that a number was typed against
// ("ước đạt16.743 tỷ đồng"): lower case with a letter outside ASCII, which
// codes ("NQ16", "H5N1", "Covid19") and units ("km2") are not.
func gluedWord(s string) bool {
	n, wide := 0, false
	for len(s) > 0 {
		r, w := utf8.DecodeLastRuneInString(s)
		if !isLetterRune(r) {
			break
		}
		if unicode.IsUpper(r) {
			return false
		}
		wide = wide || r >= utf8.RuneSelf
		n++
		s = s[:len(s)-w]
	}
	return n >= 2 && wide
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetterRune(r)
}

func isUpperStart(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}
