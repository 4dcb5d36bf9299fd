package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/vntext"
)

// metrics are the document's body-text geometry, measured from the lines.
type metrics struct {
	size  float64 // body font size
	left  float64 // left margin of body lines
	right float64 // right edge of justified body lines
	gap   float64 // baseline distance between body lines
	// paraGap is the usual baseline distance from a paragraph's last line
	// to the next paragraph when the document spaces its paragraphs, 0
	// when it does not.
	paraGap float64
}

func measure(pages []pageLines) metrics {
	sizes := map[float64]int{}
	for _, p := range pages {
		for _, l := range p.lines {
			if l.tbl == nil {
				sizes[math.Round(l.size*2)/2] += l.glyphs
			}
		}
	}
	m := metrics{size: modeKey(sizes)}
	if m.size == 0 {
		m.size = 12
	}
	lefts, rights := map[float64]int{}, map[float64]int{}
	var x1s, gaps []float64
	n := 0
	for _, p := range pages {
		for i, l := range p.lines {
			if math.Abs(l.size-m.size) > 1 || l.tbl != nil || l.colRight > 0 {
				continue
			}
			n++
			lefts[math.Round(l.x0)]++
			rights[math.Round(l.x1/2)*2]++
			x1s = append(x1s, l.x1)
			if i > 0 {
				if d := p.lines[i-1].base - l.base; d > 0.8*m.size && d < 3*m.size && math.Abs(p.lines[i-1].size-m.size) <= 1 {
					gaps = append(gaps, d)
				}
			}
		}
	}
	m.left = modeKey(lefts)
	r := modeKey(rights)
	if rights[r]*5 >= n && n > 0 {
		m.right = r + 1
	} else if len(x1s) > 0 {
		sort.Float64s(x1s)
		m.right = x1s[len(x1s)*95/100]
	}
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		m.gap = gaps[len(gaps)/2]
	} else {
		m.gap = 1.2 * m.size
	}
	m.paraGap = m.measureParaGap(pages)
	return m
}

// measureParaGap returns the median distance between a line that ends a
// paragraph (it leaves room for the next line's first word) and the line
// after it, when that is clearly more than the line distance.
func (m metrics) measureParaGap(pages []pageLines) float64 {
	var gaps []float64
	for _, p := range pages {
		for i := 1; i < len(p.lines); i++ {
			prev, l := p.lines[i-1], p.lines[i]
			if prev.tbl != nil || l.tbl != nil || prev.colRight > 0 || l.colRight > 0 ||
				math.Abs(prev.size-m.size) > 1 || math.Abs(l.size-m.size) > 1 {
				continue
			}
			if d := prev.base - l.base; d > 0.8*m.size && d < 3*m.size && m.short(prev, l) {
				gaps = append(gaps, d)
			}
		}
	}
	if len(gaps) < 2 {
		return 0
	}
	sort.Float64s(gaps)
	if med := gaps[len(gaps)/2]; med > 1.12*m.gap {
		return med
	}
	return 0
}

func modeKey(h map[float64]int) float64 {
	var k float64
	best := -1
	for v, c := range h {
		if c > best || (c == best && v < k) {
			k, best = v, c
		}
	}
	return k
}

// small reports a line in smaller type than the body: footnotes. A table
// is never part of a footnote zone.
func (m metrics) small(l *line) bool { return l.tbl == nil && l.size <= 0.9*m.size }

// short reports whether prev ends a paragraph: there was room at its end
// for the first word of next.
func (m metrics) short(prev, next *line) bool {
	right := m.right
	if prev.colRight > 0 {
		right = prev.colRight
	}
	room := right - prev.x1
	return room > next.firstWordW+0.3*next.size && room > 1.2*next.size
}

func (m metrics) indented(prev, l *line) bool { return l.x0 > prev.x0+0.8*l.size }

var (
	pageNumberRe = regexp.MustCompile(`(?i)^(trang|page)?\s*[-–—(]?\s*\d{1,4}\s*[-–—)]?\s*(/\s*\d{1,4})?$`)
	labelRe      = regexp.MustCompile(`^\s*(\d{1,3})[.)]?\s+`)
	listStartRe  = regexp.MustCompile(`^\s*([-–+•*]|\d{1,3}[.)]|[a-zđ][.)]|\(\d{1,3}\)\.?)\s`)
	digitsRe     = regexp.MustCompile(`\d+`)
)

// dropRunning removes page numbers and running headers and footers: bare
// numbers in the top or bottom band of a page, and lines that come back at
// the same place on many pages.
func dropRunning(pages []pageLines) {
	type key struct {
		text string
		y    int
	}
	count := map[key]int{}
	textPages := 0
	cands := func(p *pageLines) []int {
		var c []int
		n := len(p.lines)
		for i := 0; i < n; i++ {
			if i < 2 || i >= n-2 {
				c = append(c, i)
			}
		}
		return c
	}
	keyOf := func(l *line) key {
		return key{digitsRe.ReplaceAllString(vntext.SquashSpace(l.text()), "#"), int(math.Round(l.base / 4))}
	}
	for pi := range pages {
		p := &pages[pi]
		if len(p.lines) > 0 {
			textPages++
		}
		for _, i := range cands(p) {
			if p.lines[i].tbl == nil {
				count[keyOf(p.lines[i])]++
			}
		}
	}
	for pi := range pages {
		p := &pages[pi]
		h := p.box[3] - p.box[1]
		if h <= 0 {
			h = 842
		}
		drop := map[int]bool{}
		for _, i := range cands(p) {
			l := p.lines[i]
			if l.tbl != nil {
				continue
			}
			inBand := l.base > p.box[3]-0.15*h || l.base < p.box[1]+0.15*h
			if !inBand {
				continue
			}
			t := strings.TrimSpace(l.text())
			if pageNumberRe.MatchString(t) {
				drop[i] = true
				continue
			}
			if c := count[keyOf(l)]; c >= 3 && float64(c) >= 0.4*float64(textPages) {
				drop[i] = true
			}
		}
		if len(drop) == 0 {
			continue
		}
		kept := p.lines[:0]
		for i, l := range p.lines {
			if !drop[i] {
				kept = append(kept, l)
			}
		}
		p.lines = kept
	}
}

// para is a paragraph being built: lines of one page.
type para struct {
	page     int
	lines    []*line
	kind     block.Kind
	note     int
	noteCont bool
	joined   bool
	label    int  // a footnote label to strip from the start
	plain    bool // the label is plain text ("1. "), not a raised number
}

func (p *para) last() *line { return p.lines[len(p.lines)-1] }

// layout turns the lines of every page into blocks.
//
// A paragraph cut by a page break is joined here, where the geometry shows
// it (the last line on the page runs to the right margin, the first line on
// the next page is not indented): the continuation is a block of its own
// with Joined set, so that each block keeps its page. Footnote bodies of a
// page come after that page's body blocks, as in the exports.
func layout(pages []pageLines, res *textResult) {
	dropRunning(pages)
	m := measure(pages)

	notes := make([][]*line, len(pages))
	for pi := range pages {
		notes[pi] = m.footnoteZone(&pages[pi])
	}
	endPage, endLines := m.endnotes(pages)

	var paras []*para
	var cur *para
	for pi := range pages {
		p := &pages[pi]
		for i, l := range p.lines {
			if l.tbl != nil {
				cur = &para{page: p.page, kind: block.Table, lines: []*line{l}}
				paras = append(paras, cur)
				continue
			}
			switch {
			case cur == nil:
				cur = &para{page: p.page}
			case i == 0:
				prev := cur.last()
				joined := cur.kind == block.Para && !l.solo && !prev.solo && !m.short(prev, l) && !m.indented(&line{x0: m.left}, l) &&
					math.Abs(prev.size-l.size) <= 1 && prev.allBold() == l.allBold()
				cur = &para{page: p.page, joined: joined}
			case m.breaks(cur, l):
				cur = &para{page: p.page}
			default:
				cur.lines = append(cur.lines, l)
				continue
			}
			cur.lines = append(cur.lines, l)
			paras = append(paras, cur)
		}
		if pi+1 == endPage {
			// Body text ends where the endnotes start.
			cur = nil
		}
	}
	var lastNote int
	var lastNotePara *para
	notePages := map[int][]*para{}
	for pi := range pages {
		if len(notes[pi]) == 0 {
			continue
		}
		ps := m.noteParas(pages[pi].page, notes[pi], &lastNote, lastNotePara, false)
		if len(ps) > 0 {
			lastNotePara = ps[len(ps)-1]
		}
		notePages[pi] = ps
	}
	if len(endLines) > 0 {
		byPage := map[int][]*line{}
		var order []int
		for _, l := range endLines {
			if _, ok := byPage[l.page]; !ok {
				order = append(order, l.page)
			}
			byPage[l.page] = append(byPage[l.page], l)
		}
		for _, pg := range order {
			ps := m.noteParas(pg, byPage[pg], &lastNote, lastNotePara, true)
			if len(ps) > 0 {
				lastNotePara = ps[len(ps)-1]
			}
			notePages[pg-1] = append(notePages[pg-1], ps...)
		}
	}
	dropRepeatedHeaders(paras)
	for _, p := range paras {
		for _, q := range splitInlineLabels(p) {
			res.blocks[q.page-1] = append(res.blocks[q.page-1], m.block(q))
		}
	}
	for pi, ps := range notePages {
		for _, p := range ps {
			res.blocks[pi] = append(res.blocks[pi], m.block(p))
		}
	}
}

// dropRepeatedHeaders removes the header row that a table split over
// pages repeats at the top of the next page.
func dropRepeatedHeaders(paras []*para) {
	for i := 1; i < len(paras); i++ {
		a, b := paras[i-1], paras[i]
		if a.kind != block.Table || b.kind != block.Table || b.page != a.page+1 {
			continue
		}
		ta, tb := a.lines[0].tbl, b.lines[0].tbl
		if len(ta.rows) > 0 && len(tb.rows) > 1 && sameRow(ta.rows[0], tb.rows[0]) {
			tb.rows = tb.rows[1:]
		}
	}
}

var dashItemRe = regexp.MustCompile(`^\s*[-–+•*]\s`)

// endsSentence reports a line whose text ends with sentence or clause
// punctuation, closing quotes and brackets aside.
func endsSentence(l *line) bool {
	t := l.text()
	for len(t) > 0 {
		r, n := utf8.DecodeLastRuneInString(t)
		t = t[:len(t)-n]
		switch r {
		case ' ', '"', '\'', ')', ']', '”', '’', '»':
			continue
		case '.', ';', ':', '!', '?', '…':
			return true
		}
		return false
	}
	return false
}

// startsParagraph reports a line that begins with a capital letter or a
// list label, as a paragraph does.
func startsParagraph(l *line) bool {
	t := l.text()
	if listStartRe.MatchString(t) {
		return true
	}
	for _, r := range t {
		if unicode.IsSpace(r) {
			continue
		}
		return unicode.IsUpper(r)
	}
	return false
}

// startsLower reports a line that begins with a lower-case letter.
func startsLower(l *line) bool {
	for _, r := range l.text() {
		if unicode.IsSpace(r) {
			continue
		}
		return unicode.IsLower(r)
	}
	return false
}

var inlineLabelRe = regexp.MustCompile(`^([a-zđ]|\d{1,2})[).]\s`)

// splitInlineLabels splits a paragraph where a bold list label ("b)
// Chăn nuôi, thủy sản:") follows the end of a sentence inside a line: the
// source had separate items that its renderer ran into one paragraph.
func splitInlineLabels(p *para) []*para {
	if p.kind != block.Para {
		return []*para{p}
	}
	out := []*para{p}
	cur := p
	for li := 0; li < len(cur.lines); li++ {
		l := cur.lines[li]
		for pi := 1; pi < len(l.pieces); pi++ {
			pc, prev := l.pieces[pi], l.pieces[pi-1]
			before := strings.TrimRight(prev.text, " ")
			if !pc.bold || prev.bold || before == "" || !inlineLabelRe.MatchString(pc.text) ||
				!strings.ContainsAny(before[len(before)-1:], ".;:") {
				continue
			}
			a, b := *l, *l
			a.pieces = l.pieces[:pi:pi]
			b.pieces = l.pieces[pi:]
			next := &para{page: cur.page, kind: cur.kind, lines: append([]*line{&b}, cur.lines[li+1:]...)}
			cur.lines = append(cur.lines[:li:li], &a)
			out = append(out, next)
			cur, li = next, -1
			break
		}
	}
	return out
}

// breaks reports whether l starts a new paragraph after the lines of cur.
func (m metrics) breaks(cur *para, l *line) bool {
	prev := cur.last()
	if cur.kind == block.Table {
		return true
	}
	if prev.solo || l.solo {
		// A line of a two-column block goes on only where it visibly
		// wraps: the line before is full and this one starts lower case.
		if !prev.solo || !l.solo || prev.colRight != l.colRight || m.short(prev, l) || !startsLower(l) {
			return true
		}
	}
	if math.Abs(l.size-prev.size) > 1 {
		return true
	}
	want := m.gap * l.size / m.size
	d := prev.base - l.base
	if d > 1.5*want || d < 0.3*want {
		return true
	}
	if m.short(prev, l) {
		return true
	}
	// The last line of a paragraph may reach the right margin. What
	// still shows the end: the line ends a sentence, the next starts with
	// a capital or a list label, and the space between them is the
	// document's paragraph spacing rather than its line spacing; or the
	// next line is a dash item after a line that ends a clause.
	if endsSentence(prev) {
		if m.paraGap > 0 && d > (m.gap+m.paraGap)/2*l.size/m.size && startsParagraph(l) {
			return true
		}
		if dashItemRe.MatchString(l.text()) {
			return true
		}
	}
	if m.indented(prev, l) {
		// a list item whose wrapped lines hang under its text
		hanging := len(cur.lines) == 1 && listStartRe.MatchString(prev.text())
		return !hanging
	}
	return false
}

// footnoteZone removes the footnote lines from the bottom of a page and
// returns them: the small-type lines at the end of the page that start
// with a raised number or sit below a separator rule.
func (m metrics) footnoteZone(p *pageLines) []*line {
	n := len(p.lines)
	k := n
	for k > 0 && m.small(p.lines[k-1]) {
		k--
	}
	if k == n {
		return nil
	}
	start := -1
	if k > 0 {
		above, below := p.lines[k-1], p.lines[k]
		for _, r := range p.rules {
			if r.y < above.base-0.2*above.size && r.y > below.base+0.5*below.size && r.x1-r.x0 < 0.7*(m.right-m.left) {
				start = k
				break
			}
		}
	}
	if start < 0 {
		for i := k; i < n; i++ {
			if note, _ := p.lines[i].leadingNote(); note > 0 {
				start = i
				break
			}
		}
	}
	if start < 0 {
		return nil
	}
	zone := append([]*line(nil), p.lines[start:]...)
	p.lines = p.lines[:start]
	return zone
}

// endnotes finds notes printed at the end of the document (HTML exports
// printed by a browser): the trailing small-type lines, from the first one
// labelled 1, when the body has raised markers. It removes them from the
// pages and returns the page where they start.
func (m metrics) endnotes(pages []pageLines) (int, []*line) {
	hasMarker := false
	for _, p := range pages {
		for _, l := range p.lines {
			for i, pc := range l.pieces {
				if pc.sup && i > 0 {
					if _, ok := smallNumber(strings.TrimSpace(pc.text)); ok {
						hasMarker = true
					}
				}
			}
		}
	}
	if !hasMarker {
		return 0, nil
	}
	// Walk back over trailing small lines.
	type pos struct{ p, i int }
	var tail []pos
	for pi := len(pages) - 1; pi >= 0; pi-- {
		ls := pages[pi].lines
		stop := false
		for i := len(ls) - 1; i >= 0; i-- {
			if !m.small(ls[i]) {
				stop = true
				break
			}
			tail = append(tail, pos{pi, i})
		}
		if stop {
			break
		}
	}
	for a, b := 0, len(tail)-1; a < b; a, b = a+1, b-1 {
		tail[a], tail[b] = tail[b], tail[a]
	}
	first := -1
	for k, ps := range tail {
		l := pages[ps.p].lines[ps.i]
		if n, _ := l.leadingNote(); n == 1 {
			first = k
			break
		}
		if mm := labelRe.FindStringSubmatch(l.text()); mm != nil && mm[1] == "1" {
			first = k
			break
		}
	}
	if first < 0 {
		return 0, nil
	}
	var out []*line
	startPage := tail[first].p + 1
	cut := map[int]int{}
	for _, ps := range tail[first:] {
		out = append(out, pages[ps.p].lines[ps.i])
		if _, ok := cut[ps.p]; !ok {
			cut[ps.p] = ps.i
		}
	}
	for pi, i := range cut {
		pages[pi].lines = pages[pi].lines[:i]
	}
	return startPage, out
}

// noteParas splits footnote (or endnote) lines into FootnoteBody paragraphs.
func (m metrics) noteParas(page int, lines []*line, lastNote *int, lastPara *para, plainLabels bool) []*para {
	var out []*para
	var cur *para
	for _, l := range lines {
		note, _ := l.leadingNote()
		plain := false
		if note == 0 && plainLabels {
			if mm := labelRe.FindStringSubmatch(l.text()); mm != nil {
				if n, ok := smallNumber(mm[1]); ok && n == *lastNote+1 {
					if cur == nil || m.short(cur.last(), l) || l.x0 < cur.last().x0-0.3*l.size {
						note, plain = n, true
					}
				}
			}
		}
		switch {
		case note > 0:
			cur = &para{page: page, kind: block.FootnoteBody, note: note, label: note, plain: plain}
			*lastNote = note
		case cur == nil:
			// The zone opens with the rest of a note from the page before.
			cur = &para{page: page, kind: block.FootnoteBody, note: *lastNote}
			if lastPara != nil && m.short(lastPara.last(), l) {
				cur.noteCont = true
			} else {
				cur.joined = true
			}
		case m.short(cur.last(), l) || m.indented(cur.last(), l) && !(len(cur.lines) == 1 && cur.label > 0):
			cur = &para{page: page, kind: block.FootnoteBody, note: cur.note, noteCont: true}
		default:
			cur.lines = append(cur.lines, l)
			continue
		}
		cur.lines = append(cur.lines, l)
		out = append(out, cur)
	}
	return out
}

const (
	markerBase = 0xE000 // + index: a footnote marker in raw block text
	boldEnd    = 0xF8FF // end of the leading bold run
)

var exponentUnits = map[string]bool{"m": true, "km": true, "cm": true, "dm": true, "mm": true}

// block renders a paragraph as a block: text joined over lines, markers
// taken out with their offsets, style measured.
func (m metrics) block(p *para) block.Block {
	if p.kind == block.Table {
		return block.Block{Kind: block.Table, Page: p.page, Rows: p.lines[0].tbl.rows,
			FontSize: math.Round(p.lines[0].size*10) / 10}
	}
	var raw []rune
	var notes []int
	state := 0 // 0: nothing visible yet; 1: in the leading bold run; 2: after it
	italic := true
	center := true
	skipLabel := p.label > 0 && !p.plain
	for li, l := range p.lines {
		mid := (l.x0 + l.x1) / 2
		if math.Abs(mid-(m.left+m.right)/2) > 1.5*l.size || l.x0 < m.left+1.0*l.size {
			center = false
		}
		if li > 0 && len(raw) > 0 {
			n := len(raw)
			hyphenated := raw[n-1] == '-' && n >= 2 && raw[n-2] != ' '
			if !hyphenated {
				raw = append(raw, ' ')
			}
		}
		for _, pc := range l.pieces {
			t := pc.text
			vis := strings.TrimSpace(t)
			if skipLabel && li == 0 {
				if vis == "" {
					continue
				}
				if pc.sup {
					skipLabel = false
					continue
				}
			}
			if pc.sup && p.kind == block.Para || pc.sup && p.kind == block.FootnoteBody && len(raw) > 0 {
				if n, ok := smallNumber(vis); ok && !exponentUnits[lastWord(raw)] && len(notes) < 0x800 {
					raw = append(raw, rune(markerBase+len(notes)))
					notes = append(notes, n)
					continue
				}
			}
			if vis != "" {
				switch {
				case state == 0 && pc.bold:
					state = 1
				case state == 0:
					state = 2
				case state == 1 && !pc.bold:
					raw = append(raw, boldEnd)
					state = 2
				}
				if !pc.italic {
					italic = false
				}
			}
			raw = append(raw, []rune(t)...)
		}
	}
	text := vntext.NFC(string(raw))
	if p.plain && p.label > 0 {
		if loc := labelRe.FindStringIndex(text); loc != nil {
			text = text[loc[1]:]
		}
	}
	b := block.Block{Kind: p.kind, Page: p.page, Note: p.note, NoteCont: p.noteCont, Joined: p.joined,
		FontSize: math.Round(p.lines[0].size*10) / 10}
	var out strings.Builder
	out.Grow(len(text))
	count := 0
	pending := false
	for _, r := range text {
		switch {
		case r >= markerBase && r < markerBase+0x800:
			b.Markers = append(b.Markers, block.Marker{Note: notes[r-markerBase], Offset: count})
			pending = false
		case r == boldEnd:
			b.BoldPrefix = count
		case r == ' ' || r == '\t' || r == '\n' || r == '\u00a0':
			if count > 0 {
				pending = true
			}
		default:
			if pending {
				out.WriteByte(' ')
				count++
				pending = false
			}
			out.WriteRune(r)
			count++
		}
	}
	b.Text = out.String()
	for i := range b.Markers {
		if b.Markers[i].Offset > count {
			b.Markers[i].Offset = count
		}
	}
	b.Bold = state == 1
	if b.Bold {
		b.BoldPrefix = 0
	}
	b.Italic = italic && state != 0
	if center && len(p.lines) > 0 && p.kind == block.Para {
		b.Align = "center"
	}
	return b
}

func lastWord(raw []rune) string {
	i := len(raw)
	for i > 0 && raw[i-1] != ' ' {
		i--
	}
	w := string(raw[i:])
	if utf8.RuneCountInString(w) > 3 {
		return ""
	}
	return w
}
