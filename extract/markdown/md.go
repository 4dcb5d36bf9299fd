package markdown

import (
	"html"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
)

// para is a paragraph being collected from source lines.
type para struct {
	lines   []string
	line    int // first source line, 1-based
	heading int
	list    bool
	note    int  // pandoc footnote definition number, 0 for none
	cont    bool // a later paragraph of a pandoc footnote definition
}

// readMarkdown groups lines into paragraphs the way Markdown does (blank
// lines separate them; headings, bullets, numbered items, table rows and
// footnote definitions start new ones; a hard break ends one), then parses
// each paragraph's inline markup.
func readMarkdown(lines []string) []block.Block {
	out := make([]block.Block, 0, len(lines)/2+1)
	var cur *para
	// One paragraph is collected at a time: its struct and lines buffer
	// are reused, which saves two allocations per paragraph.
	var pbuf para
	open := func(p para) *para {
		p.lines = pbuf.lines[:0]
		pbuf = p
		return &pbuf
	}
	flush := func() {
		if cur != nil {
			if b, ok := inlineBlock(cur); ok {
				out = append(out, b)
			}
			cur = nil
		}
	}
	// defNote is the pandoc footnote definition that indented paragraphs
	// after a blank line still belong to.
	defNote := 0
	blankBefore := false
	for i := 0; i < len(lines); i++ {
		raw := lines[i]
		if isBlank(raw) {
			flush()
			blankBefore = true
			continue
		}
		indented := strings.HasPrefix(raw, "    ") || strings.HasPrefix(raw, "\t")
		l := strings.TrimLeft(raw, " \t")
		if defNote != 0 && blankBefore && cur == nil {
			if indented {
				cur = open(para{line: i + 1, note: defNote, cont: true})
				cur.lines = append(cur.lines, l)
				blankBefore = false
				continue
			}
			defNote = 0
		}
		blankBefore = false
		switch {
		case strings.HasPrefix(l, "[^"):
			if n, rest, ok := cutFootnoteDef(l); ok {
				flush()
				defNote = n
				cur = open(para{line: i + 1, note: n})
				cur.lines = append(cur.lines, rest)
				continue
			}
		case l[0] == '#':
			if level, rest, ok := cutATXHeading(l); ok {
				flush()
				defNote = 0
				cur = open(para{line: i + 1, heading: level})
				cur.lines = append(cur.lines, rest)
				flush()
				continue
			}
		case l[0] == '|':
			flush()
			defNote = 0
			j := i
			for j < len(lines) && strings.HasPrefix(strings.TrimLeft(lines[j], " \t"), "|") {
				j++
			}
			if b, ok := tableBlock(lines[i:j], i+1); ok {
				out = append(out, b)
			}
			i = j - 1
			continue
		case isRule(l):
			flush()
			continue
		case l[0] == '>':
			l = strings.TrimLeft(l[1:], " ")
		}
		if rest, ok := cutBullet(l); ok {
			flush()
			cur = open(para{line: i + 1, list: true})
			l = rest
		} else if startsOrdered(l) && cur != nil && cur.note == 0 {
			// A numbered line starts a new item even without a blank line.
			flush()
		}
		if cur == nil {
			cur = open(para{line: i + 1})
		}
		hard := strings.HasSuffix(raw, "  ") || strings.HasSuffix(strings.TrimRight(raw, " "), "\\")
		if hard {
			l = strings.TrimRight(l, " ")
			l = strings.TrimSuffix(l, "\\")
		}
		cur.lines = append(cur.lines, l)
		if hard {
			flush()
		}
	}
	flush()
	return out
}

// cutFootnoteDef parses "[^12]: text".
func cutFootnoteDef(l string) (int, string, bool) {
	end := strings.Index(l, "]:")
	if end < 3 {
		return 0, "", false
	}
	n, err := strconv.Atoi(l[2:end])
	if err != nil || n <= 0 || n > 99999 {
		return 0, "", false
	}
	return n, strings.TrimLeft(l[end+2:], " \t"), true
}

// cutATXHeading parses "## text ##".
func cutATXHeading(l string) (int, string, bool) {
	n := 0
	for n < len(l) && l[n] == '#' {
		n++
	}
	if n > 6 || (n < len(l) && l[n] != ' ' && l[n] != '\t') {
		return 0, "", false
	}
	rest := strings.TrimSpace(l[n:])
	rest = strings.TrimSpace(strings.TrimRight(rest, "#"))
	return n, rest, true
}

func isRule(l string) bool {
	l = strings.TrimSpace(l)
	if len(l) < 3 {
		return false
	}
	c := l[0]
	if c != '-' && c != '*' && c != '_' && c != '=' {
		return false
	}
	for i := 0; i < len(l); i++ {
		if l[i] != c && l[i] != ' ' {
			return false
		}
	}
	return true
}

// startsOrdered reports "12. text" or "3) text".
func startsOrdered(l string) bool {
	i := 0
	for i < len(l) && i < 3 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && (l[i+1] == ' ' || l[i+1] == '\t')
}

// tableBlock reads a pipe table; the delimiter row (|---|:--:|) is dropped.
func tableBlock(lines []string, line int) (block.Block, bool) {
	b := block.Block{Kind: block.Table, Line: line}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		l = strings.TrimPrefix(l, "|")
		if strings.HasSuffix(l, "|") && !strings.HasSuffix(l, "\\|") {
			l = l[:len(l)-1]
		}
		cells := splitCells(l)
		if isDelimiterRow(cells) {
			continue
		}
		row := make([]string, len(cells))
		for k, c := range cells {
			var w textWriter
			w.inline(c, false)
			row[k] = w.String()
		}
		b.Rows = append(b.Rows, row)
	}
	return b, len(b.Rows) > 0
}

func splitCells(l string) []string {
	var cells []string
	start := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, l[start:i])
			start = i + 1
		}
	}
	return append(cells, l[start:])
}

func isDelimiterRow(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		for i := 0; i < len(c); i++ {
			if c[i] != '-' && c[i] != ':' {
				return false
			}
		}
	}
	return true
}

// inlineBlock parses the inline markup of a paragraph into a block. A
// paragraph that starts with a <sup>N</sup> marker is a footnote body.
func inlineBlock(p *para) (block.Block, bool) {
	var w textWriter
	s := p.lines[0]
	if len(p.lines) > 1 {
		s = strings.Join(p.lines, " ")
	}
	w.b.Grow(len(s))
	w.inline(s, p.heading == 0 && p.note == 0 && !p.list)
	text := w.String()
	b := block.Block{
		Kind:    block.Para,
		Text:    text,
		Markers: w.Markers(),
		Line:    p.line,
		Heading: p.heading,
		List:    p.list,
	}
	if w.visible > 0 {
		b.Bold = w.nonBold == 0
		b.Italic = w.nonItalic == 0
		if w.startBold {
			bp := w.boldPrefix
			if b.Bold {
				bp = len(text)
			}
			b.BoldPrefix = utf8.RuneCountInString(text[:bp])
		}
	}
	switch {
	case p.note != 0:
		b.Kind, b.Note, b.NoteCont = block.FootnoteBody, p.note, p.cont
	case w.leadNote != 0:
		b.Kind, b.Note = block.FootnoteBody, w.leadNote
		b.Bold, b.BoldPrefix = false, 0
	}
	if text == "" && b.Kind != block.FootnoteBody {
		return b, false
	}
	return b, true
}

// textWriter writes visible text with white space squashed, and keeps what
// the structure stage needs to know about it: footnote markers, and which
// runes were bold or italic. Positions are kept in bytes while writing and
// turned into rune offsets at the end: counting runes of every run would
// cost more than the rest of the pass.
type textWriter struct {
	b       strings.Builder
	n       int // bytes written
	pending bool

	bold, italic bool
	visible      int // non-space runs and runes written
	nonBold      int
	nonItalic    int
	startBold    bool
	prefixOpen   bool
	boldPrefix   int // bytes

	markers  []block.Marker
	leadNote int
}

func (w *textWriter) String() string { return w.b.String() }

func (w *textWriter) writeString(s string) {
	for _, r := range s {
		w.writeRune(r)
	}
}

// special marks the bytes that end a run of ordinary text: markup, ASCII
// space and controls, and the lead bytes of the non-ASCII spaces and
// invisible characters (U+00A0, U+00AD, U+2000–U+200D, U+3000, U+FEFF).
var special = func() (t [256]bool) {
	for c := 0; c <= ' '; c++ {
		t[c] = true
	}
	for _, c := range []byte{'\\', '*', '<', '[', '&', 0x7f, 0xc2, 0xe2, 0xe3, 0xef} {
		t[c] = true
	}
	return t
}()

// writeRun writes a run of ordinary runes (no space, no markup).
func (w *textWriter) writeRun(s string) {
	if s == "" {
		return
	}
	if w.visible == 0 {
		w.startBold = w.bold
		w.prefixOpen = w.bold
	}
	if !w.bold && w.prefixOpen {
		w.boldPrefix = w.n
		w.prefixOpen = false
	}
	if w.pending {
		w.b.WriteByte(' ')
		w.n++
		w.pending = false
	}
	w.b.WriteString(s)
	w.n += len(s)
	w.visible++
	if !w.bold {
		w.nonBold++
	}
	if !w.italic {
		w.nonItalic++
	}
}

func (w *textWriter) writeRune(r rune) {
	switch {
	case r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u200c' || r == '\u200d':
		return
	case unicode.IsSpace(r):
		if w.n > 0 {
			w.pending = true
		}
		return
	case r < ' ' || r == utf8.RuneError:
		return
	}
	if w.visible == 0 {
		w.startBold = w.bold
		w.prefixOpen = w.bold
	}
	if !w.bold && w.prefixOpen {
		w.boldPrefix = w.n
		w.prefixOpen = false
	}
	if w.pending {
		w.b.WriteByte(' ')
		w.n++
		w.pending = false
	}
	if r < utf8.RuneSelf {
		w.b.WriteByte(byte(r))
		w.n++
	} else {
		k, _ := w.b.WriteRune(r)
		w.n += k
	}
	w.visible++
	if !w.bold {
		w.nonBold++
	}
	if !w.italic {
		w.nonItalic++
	}
}

func (w *textWriter) marker(note int, lead bool) {
	if lead && w.visible == 0 && w.leadNote == 0 && len(w.markers) == 0 {
		w.leadNote = note
		return
	}
	off := w.n
	if w.pending {
		// The marker stood after a space: it points past that space, which
		// the next visible rune writes (Markers clamps it at the end).
		off++
	}
	w.markers = append(w.markers, block.Marker{Note: note, Offset: off})
}

// Markers returns the markers at rune offsets, none beyond the end of the
// text.
func (w *textWriter) Markers() []block.Marker {
	text := w.b.String()
	for i := range w.markers {
		off := min(w.markers[i].Offset, len(text))
		w.markers[i].Offset = utf8.RuneCountInString(text[:off])
	}
	return w.markers
}

// plain writes plain text, where only "[N]" for a known footnote number is
// markup.
func (w *textWriter) plain(s string, notes map[int]bool) {
	for len(s) > 0 {
		i := strings.IndexByte(s, '[')
		if i < 0 || notes == nil {
			w.writeString(s)
			return
		}
		w.writeString(s[:i])
		s = s[i:]
		end := strings.IndexByte(window(s, 6), ']')
		if end > 1 && end <= 4 {
			if n, err := strconv.Atoi(s[1:end]); err == nil && notes[n] {
				w.marker(n, false)
				s = s[end+1:]
				continue
			}
		}
		w.writeRune('[')
		s = s[1:]
	}
}

// lastWord returns the letters written just before the end.
func (w *textWriter) lastWord() string {
	if w.pending {
		return ""
	}
	s := w.b.String()
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	return s[i:]
}

// inline writes s with its markup removed. leadBody allows a leading
// <sup>N</sup> to name a footnote body.
func (w *textWriter) inline(s string, leadBody bool) {
	for i := 0; i < len(s); {
		if !special[s[i]] {
			// A run of ordinary text, single spaces between words included.
			j := i + 1
			for j < len(s) {
				if !special[s[j]] {
					j++
				} else if s[j] == ' ' && j+1 < len(s) && !special[s[j+1]] {
					j += 2
				} else {
					break
				}
			}
			w.writeRun(s[i:j])
			i = j
			continue
		}
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				w.writeRune(rune(s[i+1]))
				i += 2
				continue
			}
			if i+1 == len(s) {
				i++
				continue
			}
		case '*':
			j := i
			for j < len(s) && s[j] == '*' {
				j++
			}
			n := j - i
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[j:])
			if (i == 0 || unicode.IsSpace(prev)) && (j == len(s) || unicode.IsSpace(next)) {
				// Surrounded by space: a literal asterisk, not emphasis.
				for k := 0; k < n; k++ {
					w.writeRune('*')
				}
				i = j
				continue
			}
			if n%2 == 1 {
				w.italic = !w.italic
			}
			if n >= 2 && (n/2)%2 == 1 {
				w.bold = !w.bold
			}
			i = j
			continue
		case '<':
			if k := w.tag(s, i, leadBody); k > i {
				i = k
				continue
			}
		case '[':
			if strings.HasPrefix(s[i:], "[^") {
				end := strings.IndexByte(window(s[i:], 12), ']')
				if end > 2 && end < 12 {
					if n, err := strconv.Atoi(s[i+2 : i+end]); err == nil && n > 0 {
						w.marker(n, false)
						i += end + 1
						continue
					}
				}
			}
		case '&':
			end := strings.IndexByte(window(s[i:], 12), ';')
			if end > 1 && end <= 10 {
				ent := s[i : i+end+1]
				if u := html.UnescapeString(ent); u != ent {
					w.writeString(u)
					i += end + 1
					continue
				}
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w.writeRune(r)
		i += size
	}
}

// tag handles an HTML tag at s[i] and returns the index after it, or i when
// it is not a tag.
func (w *textWriter) tag(s string, i int, leadBody bool) int {
	rest := s[i:]
	if strings.HasPrefix(rest, "<!--") {
		end := strings.Index(rest, "-->") // a comment runs to its end, once
		if end < 0 {
			return len(s)
		}
		return i + end + 3
	}
	if len(rest) >= 5 && strings.EqualFold(rest[:5], "<sup>") {
		end := indexFold(window(rest, 256), "</sup>")
		if end < 0 {
			return i + 5
		}
		inner := strings.TrimSpace(strings.ReplaceAll(rest[5:end], "*", ""))
		if n, err := strconv.Atoi(inner); err == nil && n > 0 && len(inner) <= 5 {
			if sup := unitPower(w.lastWord(), inner); sup != 0 {
				w.writeRune(sup)
			} else {
				w.marker(n, leadBody)
			}
		} else {
			w.inline(rest[5:end], false)
		}
		return i + end + len("</sup>")
	}
	// Any other tag (<br>, <u>, </sub>, <span …>) is dropped; its text stays.
	if len(rest) > 2 && (isASCIILetter(rest[1]) || rest[1] == '/') {
		end := strings.IndexByte(window(rest, 80), '>')
		if end > 1 && end < 80 && !strings.ContainsAny(rest[1:end], "<\n") {
			if strings.EqualFold(rest[:end+1], "<br>") || strings.EqualFold(rest[:end+1], "<br/>") || strings.EqualFold(rest[:end+1], "<br />") {
				w.writeRune(' ')
			}
			return i + end + 1
		}
	}
	return i
}

// unitPower turns the 2 of "m<sup>2</sup>" into "²": a superscript after a
// unit of length is a power, not a footnote marker.
func unitPower(word, inner string) rune {
	switch word {
	case "m", "km", "cm", "dm", "mm":
	default:
		return 0
	}
	switch inner {
	case "2":
		return '²'
	case "3":
		return '³'
	}
	return 0
}

// window returns at most the first n bytes of s: the searches for the end
// of a marker, entity or tag look that far only, so that text full of
// unclosed "<sup>" or "&" stays linear.
func window(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
