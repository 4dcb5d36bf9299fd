package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/legacy"
)

// piece is a run of a line's text with one style.
type piece struct {
	text         string
	bold, italic bool
	sup          bool // smaller and raised: a footnote marker or an exponent
}

// line is one text line of a page, left to right.
type line struct {
	page       int
	pieces     []piece
	x0, x1     float64 // left of the first and right of the last visible glyph
	base       float64 // baseline of the line's main glyphs
	size       float64 // main font size
	firstWordW float64 // width of the first word: would it have fitted on the line before?
	glyphs     int

	// tbl is set on the one line that stands for a table read from the
	// page's grid; the table's own lines are gone from the page.
	tbl *table
	// colRight is the right edge of the column a line sits in when it was
	// cut out of a two-column block (0: the page's right margin).
	colRight float64
	// solo marks a line of a two-column block: such blocks are stacks of
	// one-line items (issuer, number, date), joined only when a line
	// visibly wraps.
	solo bool
}

func (l *line) text() string {
	var b strings.Builder
	for _, p := range l.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// allBold reports whether every visible piece is bold.
func (l *line) allBold() bool {
	seen := false
	for _, p := range l.pieces {
		if strings.TrimSpace(p.text) == "" || p.sup {
			continue
		}
		if !p.bold {
			return false
		}
		seen = true
	}
	return seen
}

// leadingNote returns the number of a raised number that starts the line
// (a footnote body's label) and the index of the piece after it.
func (l *line) leadingNote() (int, int) {
	for i, p := range l.pieces {
		t := strings.TrimSpace(p.text)
		if t == "" {
			continue
		}
		if p.sup {
			if n, ok := smallNumber(t); ok {
				return n, i + 1
			}
		}
		return 0, 0
	}
	return 0, 0
}

func smallNumber(s string) (int, bool) {
	if s == "" || len(s) > 3 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n > 0
}

type extent struct{ lo, hi float64 }

func glyphExtent(g *glyph) extent { return extent{g.y - 0.25*g.size, g.y + 0.75*g.size} }

func overlapRatio(a, b extent) float64 {
	o := math.Min(a.hi, b.hi) - math.Max(a.lo, b.lo)
	m := math.Min(a.hi-a.lo, b.hi-b.lo)
	if m <= 0 {
		return 0
	}
	return o / m
}

// buildLines groups a page's glyphs into lines, top to bottom.
func buildLines(page int, gs []glyph) []*line {
	lines, _ := buildLineGroups(page, gs)
	return lines
}

// buildLineGroups groups a page's glyphs into lines, top to bottom, and
// returns with each line the indices of its glyphs, left to right. Glyphs
// join the line whose main glyphs they overlap vertically by half their
// height or more, so raised footnote markers stay on their line while the
// next line, a full line height away, does not.
func buildLineGroups(page int, gs []glyph) ([]*line, [][]int) {
	if len(gs) == 0 {
		return nil, nil
	}
	idx := make([]int, len(gs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return gs[idx[a]].y > gs[idx[b]].y })

	type group struct {
		ref     extent
		refSize float64
		members []int
	}
	var groups []*group
	for _, i := range idx {
		g := &gs[i]
		e := glyphExtent(g)
		best, bestR := -1, 0.5
		for k := len(groups) - 1; k >= 0 && k >= len(groups)-6; k-- {
			if r := overlapRatio(groups[k].ref, e); r >= bestR {
				best, bestR = k, r
			}
		}
		if best < 0 {
			groups = append(groups, &group{ref: e, refSize: g.size, members: []int{i}})
			continue
		}
		gr := groups[best]
		gr.members = append(gr.members, i)
		if g.size > gr.refSize*1.05 {
			gr.ref, gr.refSize = e, g.size
		}
	}
	sort.SliceStable(groups, func(a, b int) bool { return groups[a].ref.hi > groups[b].ref.hi })

	lines := make([]*line, 0, len(groups))
	members := make([][]int, 0, len(groups))
	for _, gr := range groups {
		if l := makeLine(page, gs, gr.members); l != nil {
			lines = append(lines, l)
			members = append(members, gr.members)
		}
	}
	return lines, members
}

func makeLine(page int, gs []glyph, members []int) *line {
	sort.SliceStable(members, func(a, b int) bool {
		ga, gb := &gs[members[a]], &gs[members[b]]
		if math.Abs(ga.x-gb.x) > 0.01 {
			return ga.x < gb.x
		}
		return ga.seq < gb.seq
	})
	// Main size: the size most glyphs have; the baseline is theirs.
	counts := map[float64]int{}
	for _, i := range members {
		counts[math.Round(gs[i].size*2)/2]++
	}
	var size float64
	best := -1
	for s, c := range counts {
		if c > best || (c == best && s > size) {
			size, best = s, c
		}
	}
	var bases []float64
	for _, i := range members {
		if math.Abs(gs[i].size-size) <= 0.5 {
			bases = append(bases, gs[i].y)
		}
	}
	sort.Float64s(bases)
	base := bases[len(bases)/2]

	l := &line{page: page, base: base, size: size}
	var cur piece
	var buf []byte // text of cur
	var curLegacy string
	var prev *glyph
	started := false
	inFirstWord := true
	flush := func() {
		cur.text = string(buf)
		buf = buf[:0]
		if cur.text != "" {
			if curLegacy != "" {
				cur.text = legacy.DecodeString(cur.text, curLegacy)
			}
			l.pieces = append(l.pieces, cur)
		}
		cur = piece{}
	}
	for _, i := range members {
		g := &gs[i]
		if prev != nil && g.text == prev.text && math.Abs(g.x-prev.x) < 0.15*g.size && math.Abs(g.y-prev.y) < 0.15*g.size {
			continue // drawn twice: fake bold or a shadow
		}
		text := cleanGlyphText(g.text)
		if text == "" {
			continue
		}
		space := isSpaceText(text)
		sup := g.size < 0.9*size && g.y-base > 0.2*size
		enc := ""
		bold, italic := false, false
		if g.font != nil {
			enc, bold, italic = g.font.legacy, g.font.bold, g.font.italic
		}
		gap := false
		if prev != nil && !space {
			thr := 0.18 * math.Min(prev.size, g.size)
			if (prev.font != nil && prev.font.estimated) || (g.font != nil && g.font.estimated) {
				thr = 0.3 * math.Min(prev.size, g.size)
			}
			gap = g.x-(prev.x+prev.w) > thr
		}
		if space || gap {
			if started {
				inFirstWord = false
			}
		}
		endsSpace := len(buf) > 0 && buf[len(buf)-1] == ' '
		if !space && (cur.bold != bold || cur.italic != italic || cur.sup != sup || curLegacy != enc) {
			if gap && !endsSpace && len(buf) > 0 {
				buf = append(buf, ' ')
				gap = false
			}
			flush()
			endsSpace = false
			cur.bold, cur.italic, cur.sup, curLegacy = bold, italic, sup, enc
		}
		if gap && !endsSpace {
			buf = append(buf, ' ')
		}
		if space {
			if len(buf) > 0 && !endsSpace {
				buf = append(buf, ' ')
			}
		} else {
			buf = append(buf, text...)
			if !started {
				l.x0 = g.x
				started = true
			}
			if inFirstWord {
				l.firstWordW = g.x + g.w - l.x0
			}
			l.x1 = math.Max(l.x1, g.x+g.w)
			l.glyphs++
		}
		prev = g
	}
	flush()
	if !started {
		return nil
	}
	return l
}

func isSpaceText(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// cleanGlyphText maps the private-use bullets of Symbol and Wingdings fonts
// and drops other private-use and control characters, which carry no text
// (and would collide with the block builder's own markers).
func cleanGlyphText(s string) string {
	if len(s) == 1 && s[0] >= 0x20 && s[0] < 0x7f {
		return s
	}
	clean := true
	for _, r := range s {
		if r < 0x20 || (r >= 0xE000 && r <= 0xF8FF) || r == '\u00a0' || r == '\u00ad' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 0xF0B7 || r == 0xF0A7 || r == 0xF0D8 || r == 0xF076:
			b.WriteRune('•')
		case r == '\t' || r == '\u00a0':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0xE000 && r <= 0xF8FF) || r == '\u00ad':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// garbageRatio is the share of a page's characters that no text can be made
// of: U+FFFD from fonts without a Unicode map, control characters and C1
// codes that a wrong encoding produces.
// accented reports text that looks Vietnamese: about one letter in five
// of running Vietnamese carries a diacritic (ă â đ ê ô ơ ư or a tone), so
// a page of 100 letters or more with fewer than one in thirty was written
// by something that dropped them. Letters are counted, not syllables: an
// OCR layer draws words without space glyphs. Short texts pass.
func accented(gs []glyph) bool {
	var letters, marked int
	for i := range gs {
		for _, r := range gs[i].text {
			switch {
			case r < utf8.RuneSelf:
				if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
					letters++
				}
			case unicode.IsLetter(r):
				letters++
				marked++
			}
		}
	}
	if letters < 100 {
		return true
	}
	return 30*marked >= letters
}

func garbageRatio(gs []glyph) (bad, total int) {
	for i := range gs {
		s := gs[i].text
		for len(s) > 0 {
			r, n := utf8.DecodeRuneInString(s)
			s = s[n:]
			if r == ' ' {
				continue
			}
			total++
			if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r < 0xa0) {
				bad++
			}
		}
	}
	return bad, total
}
