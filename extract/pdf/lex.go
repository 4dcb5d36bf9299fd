package pdf

// The content-stream lexer. Content streams and ToUnicode CMaps are read with
// this lexer rather than with the library's Interpret: Interpret loops for
// ever on a hex string that is not closed before the end of a stream (its
// byte reader returns '\n' at EOF, which the hex loop skips as white space),
// stops at binary inline-image data, and boxes every operand in an interface.
// This one works on a byte slice, always moves forward and ends at the end.

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokNum
	tokName
	tokStr
	tokArrOpen
	tokArrClose
	tokDictOpen
	tokDictClose
	tokOp
)

type token struct {
	kind tokKind
	num  float64
	// b is the name, operator or decoded string. For names and operators it
	// aliases the input; for strings it aliases the lexer's scratch buffer
	// only until the next string token, so keep a copy (string(b)) if needed.
	b []byte
}

type lexer struct {
	in  []byte
	pos int
	buf []byte // scratch for string tokens
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// next returns the next token; tokEOF at the end of input.
func (l *lexer) next() token {
	in := l.in
	for l.pos < len(in) {
		c := in[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(in) && in[l.pos] != '\n' && in[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(in) {
		return token{kind: tokEOF}
	}
	c := in[l.pos]
	switch c {
	case '(':
		l.pos++
		return token{kind: tokStr, b: l.literal()}
	case '<':
		if l.pos+1 < len(in) && in[l.pos+1] == '<' {
			l.pos += 2
			return token{kind: tokDictOpen}
		}
		l.pos++
		return token{kind: tokStr, b: l.hex()}
	case '>':
		l.pos++
		if l.pos < len(in) && in[l.pos] == '>' {
			l.pos++
			return token{kind: tokDictClose}
		}
		return l.next() // stray '>'
	case '[':
		l.pos++
		return token{kind: tokArrOpen}
	case ']':
		l.pos++
		return token{kind: tokArrClose}
	case '{', '}', ')':
		l.pos++
		return l.next() // PostScript procedures and stray parens carry no text
	case '/':
		l.pos++
		start := l.pos
		for l.pos < len(in) && !isWhite(in[l.pos]) && !isDelimiter(in[l.pos]) {
			l.pos++
		}
		return token{kind: tokName, b: in[start:l.pos]}
	}
	start := l.pos
	for l.pos < len(in) && !isWhite(in[l.pos]) && !isDelimiter(in[l.pos]) {
		l.pos++
	}
	word := in[start:l.pos]
	if n, ok := parseNumber(word); ok {
		return token{kind: tokNum, num: n}
	}
	return token{kind: tokOp, b: word}
}

// parseNumber reads PDF integers and reals ("12", "-.5", "3."), without the
// allocation of strconv on a string.
func parseNumber(w []byte) (float64, bool) {
	if len(w) == 0 {
		return 0, false
	}
	i := 0
	neg := false
	if w[0] == '+' || w[0] == '-' {
		neg = w[0] == '-'
		i++
	}
	var v float64
	digits := 0
	for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
		v = v*10 + float64(w[i]-'0')
		digits++
	}
	if i < len(w) && w[i] == '.' {
		i++
		scale := 0.1
		for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
			v += float64(w[i]-'0') * scale
			scale /= 10
			digits++
		}
	}
	if i != len(w) || digits == 0 {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

func (l *lexer) literal() []byte {
	out := l.buf[:0]
	in := l.in
	depth := 1
	for l.pos < len(in) {
		c := in[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.buf = out
				return out
			}
		case '\\':
			if l.pos >= len(in) {
				break
			}
			e := in[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(in) && in[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(in) && in[l.pos] >= '0' && in[l.pos] <= '7'; k++ {
						v = v*8 + int(in[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes stand for the character
				}
			}
		}
		out = append(out, c)
	}
	l.buf = out
	return out
}

func (l *lexer) hex() []byte {
	out := l.buf[:0]
	in := l.in
	hi := -1
	for l.pos < len(in) {
		c := in[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v := unhexByte(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	l.buf = out
	return out
}

func unhexByte(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// skipInlineImage moves past the binary data of an inline image (after the
// BI … ID operator) to just after its EI operator.
func (l *lexer) skipInlineImage() {
	in := l.in
	// ID is followed by one white-space byte, then the data.
	if l.pos < len(in) {
		l.pos++
	}
	for i := l.pos; i+1 < len(in); i++ {
		if in[i] == 'E' && in[i+1] == 'I' && (i == 0 || isWhite(in[i-1])) && (i+2 == len(in) || isWhite(in[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(in)
}
