package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of numbering a line can start with.
const (
	numNone   = iota
	numPart   // Phần thứ nhất, Phần I, PHẦN THỨ HAI
	numRoman  // I., II., IV.
	numArabic // 1., 2., 12.
	numDotted // 1.1., 2.3.1
	numLetter // a), b), đ)
	numParen  // (1)., (2) — targets, list items
)

// numbering is the number a heading or list line starts with.
type numbering struct {
	kind   int
	number string // as written, without the trailing dot: "II", "2", "a", "Phần thứ nhất"
	value  int    // sequence value: 1 for "I", "1", "a", "thứ nhất"
	rest   string // text after the number and its separator
	prefix int    // runes of the number and separator
}

func (n numbering) level() int {
	switch n.kind {
	case numPart:
		return 1
	case numRoman:
		return 2
	case numArabic:
		return 3
	case numDotted:
		return 3 + strings.Count(n.number, ".")
	case numLetter:
		return 4
	}
	return 0
}

// ordinals are the words after "Phần thứ".
var ordinals = map[string]int{
	"nhất": 1, "nhứt": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
	"bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10,
}

// parseNumbering reads the numbering at the start of s, or kind numNone.
func parseNumbering(s string) numbering {
	if s == "" {
		return numbering{}
	}
	switch c := s[0]; {
	case c == 'P' || c == 'p':
		return parsePart(s)
	case c == '(':
		return parseParen(s)
	case c >= '0' && c <= '9':
		return parseArabic(s)
	case strings.IndexByte("IVXLC", c) >= 0:
		return parseRoman(s)
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return parseLetter(s)
	}
	return numbering{}
}

func parsePart(s string) numbering {
	const word = "phần"
	if len(s) < len(word)+2 || strings.ToLower(s[:len(word)]) != word {
		return numbering{}
	}
	rest := s[len(word):]
	if rest == "" || rest[0] != ' ' {
		return numbering{}
	}
	rest = strings.TrimLeft(rest, " ")
	var number string
	value := 0
	lower := strings.ToLower(rest)
	switch {
	case strings.HasPrefix(lower, "thứ "):
		after := strings.TrimLeft(rest[len("thứ "):], " ")
		w, tail := cutWord(after)
		v, ok := ordinals[strings.ToLower(w)]
		if !ok {
			return numbering{}
		}
		number, value, rest = "Phần thứ "+strings.ToLower(w), v, tail
	default:
		w, tail := cutWord(rest)
		w = strings.TrimRight(w, ".:")
		if v := romanValue(w); v > 0 {
			number, value = "Phần "+w, v
		} else if v := atoi(w); v > 0 && v < 20 {
			number, value = "Phần "+w, v
		} else {
			return numbering{}
		}
		rest = tail
	}
	rest, sep := trimSeparator(rest)
	n := numbering{kind: numPart, number: number, value: value, rest: rest}
	n.prefix = utf8.RuneCountInString(s) - utf8.RuneCountInString(rest)
	_ = sep
	return n
}

// cutWord splits off the first word, stopping at space or punctuation.
func cutWord(s string) (string, string) {
	for i, r := range s {
		if r == ' ' || r == '.' || r == ':' || r == ',' || r == '-' || r == '–' || r == ')' {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

// trimSeparator removes ". ", ": ", " - " between a number and its title.
func trimSeparator(s string) (string, bool) {
	t := strings.TrimLeft(s, " .:-–—)")
	return strings.TrimLeft(t, " "), t != s
}

func parseParen(s string) numbering {
	end := strings.IndexByte(s, ')')
	if end < 2 || end > 4 {
		return numbering{}
	}
	v := atoi(s[1:end])
	if v <= 0 {
		return numbering{}
	}
	rest := s[end+1:]
	rest = strings.TrimPrefix(rest, ".")
	rest = strings.TrimPrefix(rest, ":")
	if rest != "" && rest[0] != ' ' {
		return numbering{}
	}
	rest = strings.TrimLeft(rest, " ")
	return numbering{kind: numParen, number: s[1:end], value: v, rest: rest, prefix: len(s) - len(rest)}
}

func parseArabic(s string) numbering {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	num := strings.TrimRight(s[:i], ".")
	if num == "" || i >= len(s) && num == s {
		return numbering{}
	}
	tail := s[i:]
	// "1." and "1)" need a space after them; "1.250 người" is a number.
	if !strings.HasSuffix(s[:i], ".") {
		if !strings.HasPrefix(tail, ")") {
			return numbering{}
		}
		tail = tail[1:]
	}
	if tail != "" && tail[0] != ' ' {
		return numbering{}
	}
	parts := strings.Split(num, ".")
	for _, p := range parts {
		if p == "" || len(p) > 2 {
			return numbering{}
		}
	}
	kind := numArabic
	if len(parts) > 1 {
		kind = numDotted
		if len(parts) > 4 {
			return numbering{}
		}
	}
	v := atoi(parts[len(parts)-1])
	if v <= 0 {
		return numbering{}
	}
	rest := strings.TrimLeft(tail, " ")
	return numbering{kind: kind, number: num, value: v, rest: rest, prefix: len(s) - len(rest)}
}

func parseRoman(s string) numbering {
	i := 0
	for i < len(s) && strings.IndexByte("IVXLC", s[i]) >= 0 {
		i++
	}
	if i == 0 || i >= len(s) || (s[i] != '.' && s[i] != ')') {
		return numbering{}
	}
	v := romanValue(s[:i])
	if v <= 0 || v > 40 {
		return numbering{}
	}
	tail := s[i+1:]
	if tail != "" && tail[0] != ' ' {
		return numbering{}
	}
	rest := strings.TrimLeft(tail, " ")
	return numbering{kind: numRoman, number: s[:i], value: v, rest: rest, prefix: len(s) - len(rest)}
}

// letterOrder is the Vietnamese alphabet order used for a), b), c), d), đ), e).
const letterOrder = "abcdđefghiklmnopqrstuvxy"

func parseLetter(s string) numbering {
	r, size := utf8.DecodeRuneInString(s)
	if size >= len(s) || s[size] != ')' {
		return numbering{}
	}
	idx := strings.IndexRune(letterOrder, r)
	if idx < 0 {
		return numbering{}
	}
	tail := s[size+1:]
	if tail != "" && tail[0] != ' ' {
		return numbering{}
	}
	rest := strings.TrimLeft(tail, " ")
	return numbering{kind: numLetter, number: string(r), value: utf8.RuneCountInString(letterOrder[:idx]) + 1, rest: rest, prefix: utf8.RuneCountInString(s) - utf8.RuneCountInString(rest)}
}

func romanValue(s string) int {
	if s == "" || len(s) > 7 {
		return 0
	}
	val := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := val[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && val[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	vals := []int{100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func atoi(s string) int {
	if s == "" || len(s) > 4 {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
