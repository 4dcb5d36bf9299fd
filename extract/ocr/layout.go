package ocr

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
)

// layout turns the pages Tesseract read into blocks in reading order, and
// returns the mean word confidence. Footnote marks and bodies are numbered
// from the digits Tesseract read when it read any, and otherwise by their
// order: Word and LibreOffice number notes 1, 2, … through the document, and
// a raised mark of eight points at 200 dpi is often read as an apostrophe.
func layout(pages []*page) ([]block.Block, float64) {
	var out []block.Block
	var confSum float64
	var words int
	st := &numbering{}
	var prevBody *paraOut // last body paragraph of the previous pages
	ref := docRef{stroke: strokeRef(pages)}
	ref.xsize, ref.pitch = bodyXSize(pages)
	for _, pg := range pages {
		if pg == nil {
			continue
		}
		for _, l := range pg.lines {
			for _, w := range l.words {
				confSum += w.conf
				words++
			}
		}
		body, notes := pageParagraphs(pg, st, ref)
		reconcile(body, notes, st)
		for i, p := range body {
			b := p.block(block.Para, pg.number)
			if i == 0 && prevBody != nil && continuesAcrossPage(prevBody, p) {
				b.Joined = true
			}
			out = append(out, b)
		}
		if len(body) > 0 {
			prevBody = body[len(body)-1]
		}
		for _, p := range notes {
			b := p.block(block.FootnoteBody, pg.number)
			b.Note, b.NoteCont = p.note, p.noteCont
			b.Joined = p.joined
			out = append(out, b)
		}
	}
	if words == 0 {
		return out, 0
	}
	return out, confSum / float64(words)
}

// reconcile makes a page's marks agree with the notes printed at its foot,
// which Word and LibreOffice keep on the page of their mark. A mark read
// as a quote or a degree sign gets the next number in order, so one lost
// mark shifts every later guess: when the page has as many marks as notes
// begin at its foot, the marks take the notes' numbers in order, and the
// numbering goes on after the page's last note either way.
func reconcile(body, notes []*paraOut, st *numbering) {
	var nums []int
	for _, n := range notes {
		if !n.noteCont && n.note > 0 {
			nums = append(nums, n.note)
		}
	}
	if len(nums) == 0 {
		return
	}
	var marks []*block.Marker
	for _, p := range body {
		for i := range p.markers {
			marks = append(marks, &p.markers[i])
		}
	}
	if len(marks) == len(nums) && sort.IntsAreSorted(nums) {
		for i, m := range marks {
			m.Note = nums[i]
		}
	}
	st.lastMark = max(st.lastMark, nums[len(nums)-1])
}

// numbering carries the footnote numbers across pages.
type numbering struct {
	lastMark, lastBody int
}

func (n *numbering) mark(read int) int {
	if read > n.lastMark && read <= n.lastMark+3 {
		n.lastMark = read
	} else {
		n.lastMark++
	}
	return n.lastMark
}

func (n *numbering) body(read int) int {
	if read > n.lastBody && read <= n.lastBody+3 {
		n.lastBody = read
	} else {
		n.lastBody++
	}
	return n.lastBody
}

// paraOut is a paragraph being built from lines.
type paraOut struct {
	text     strings.Builder
	runes    int
	markers  []block.Marker
	confSum  float64
	words    int
	center   bool
	indented bool // the first line starts right of the margin
	openQ    int  // unmatched opening quotes so far
	note     int
	noteCont bool
	joined   bool
	table    [][]string // the paragraph is this table
	// weights are the words whose type weight was measured, in order.
	weights []wordWeight
}

// wordWeight says whether the word ending at rune end of the text looks
// bold (weight > 0, its letter count) or regular (< 0).
type wordWeight struct {
	end, weight int
}

func (p *paraOut) block(kind block.Kind, pageNum int) block.Block {
	if p.table != nil {
		return block.Block{Kind: block.Table, Rows: p.table, Page: pageNum}
	}
	b := block.Block{Kind: kind, Text: fixTones(p.text.String()), Markers: p.markers, Page: pageNum}
	if p.center {
		b.Align = "center"
	}
	b.Bold, b.BoldPrefix = boldRun(p.weights, p.runes)
	if p.words > 0 {
		b.Confidence = math.Round(p.confSum/float64(p.words)*10) / 10
	}
	return b
}

func (p *paraOut) addWord(s string, conf float64, weight int) {
	if s == "" {
		return
	}
	if p.runes > 0 {
		p.text.WriteByte(' ')
		p.runes++
	}
	p.text.WriteString(s)
	p.runes += utf8.RuneCountInString(s)
	if weight != 0 {
		p.weights = append(p.weights, wordWeight{end: p.runes, weight: weight})
	}
	p.confSum += conf
	p.words++
	p.openQ += strings.Count(s, "“") - strings.Count(s, "”")
	// Straight quotes, which OCR often gives for curly ones, open at the
	// start of a word and close at its end.
	if strings.HasPrefix(s, `"`) {
		p.openQ++
	}
	if t := strings.TrimRight(s, ".,;:!?)"); len(t) > 1 && strings.HasSuffix(t, `"`) {
		p.openQ--
	}
}

// metrics are the page's body text measures.
type metrics struct {
	xsize       float64 // median x_size of body lines
	left, right int     // text margins
	gap         float64 // median space between consecutive lines
	stroke      float64 // the document's regular stroke width
	// bodyX is the x-height of the document's body text: a page with
	// long footnotes can have more note lines than body lines.
	bodyX float64
	pitch float64 // the document's baseline distance between body lines
}

// docRef holds measures taken over the whole document.
type docRef struct {
	stroke, xsize, pitch float64
}

// bodyXSize returns the median x-height of the lines of four words or
// more over all pages: body text, which fills most of a report's lines.
// It also returns the median baseline distance between consecutive such
// lines.
func bodyXSize(pages []*page) (xsize, pitch float64) {
	var xs, pitches []float64
	for _, pg := range pages {
		if pg == nil {
			continue
		}
		lines := append([]line(nil), pg.lines...)
		sort.SliceStable(lines, func(i, j int) bool { return lines[i].box.y0 < lines[j].box.y0 })
		for i, l := range lines {
			if len(l.words) < 4 {
				continue
			}
			xs = append(xs, l.xsize)
			if i > 0 && len(lines[i-1].words) >= 4 && l.baseline > lines[i-1].baseline {
				pitches = append(pitches, float64(l.baseline-lines[i-1].baseline))
			}
		}
	}
	return median(xs), median(pitches)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func percentile(v []int, q float64) int {
	if len(v) == 0 {
		return 0
	}
	s := append([]int(nil), v...)
	sort.Ints(s)
	return s[int(q*float64(len(s)-1))]
}

var pageNumberRe = regexp.MustCompile(`^[-–—(]?\s*\d{1,3}\s*[-–—)]?$`)

// pageParagraphs splits a page into body paragraphs and footnote
// paragraphs.
func pageParagraphs(pg *page, st *numbering, ref docRef) (body, notes []*paraOut) {
	var lines []line
	for _, l := range pg.lines {
		if len(l.words) > 0 {
			lines = append(lines, l)
		}
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].box.y0 < lines[j].box.y0 })
	lines = dropPageNumbers(lines, pg.width, pg.height)
	for _, l := range lines {
		for j := range l.words {
			l.words[j].text = hiddenNumeral(l, l.words[j])
		}
	}
	if len(lines) == 0 {
		return nil, nil
	}
	m := measure(lines)
	m.stroke = ref.stroke
	m.bodyX = ref.xsize
	m.pitch = ref.pitch
	if m.bodyX <= 0 {
		m.bodyX = m.xsize
	}
	zone := footnoteZone(lines, m)
	bodyLines := lines[:zone]
	if len(pg.tables) > 0 {
		bodyLines = append([]line(nil), lines[:zone]...)
		for _, t := range pg.tables {
			bodyLines = append(bodyLines, line{box: t.box, table: t.rows})
		}
		sort.SliceStable(bodyLines, func(i, j int) bool { return bodyLines[i].box.y0 < bodyLines[j].box.y0 })
	}
	body = paragraphs(bodyLines, m, st, false)
	notes = paragraphs(lines[zone:], m, st, true)
	return body, notes
}

// dropPageNumbers removes a line that is only a number in the top or
// bottom tenth of the page, or a short centred word there whose letters
// are what Tesseract makes of digits printed alone ("s" for 5).
func dropPageNumbers(lines []line, width, height int) []line {
	if height <= 0 {
		return lines
	}
	out := lines[:0]
	for _, l := range lines {
		text := lineText(l)
		edge := int(l.box.y1) < height/10 || int(l.box.y0) > height*9/10
		if edge && len(l.words) <= 3 && pageNumberRe.MatchString(text) {
			continue
		}
		centred := width > 0 && 5*abs(int(l.box.x0+l.box.x1)-width) < width
		if edge && centred && len(l.words) == 1 && utf8.RuneCountInString(text) <= 3 &&
			pageNumberRe.MatchString(strings.Map(digitLookalike, text)) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// digitLookalike maps the letters Tesseract reads for a lone digit to the
// digit.
func digitLookalike(r rune) rune {
	if d, ok := lookalikes[r]; ok {
		return d
	}
	return r
}

var lookalikes = map[rune]rune{'s': '5', 'S': '5', 'o': '0', 'O': '0', 'l': '1', 'I': '1', 'i': '1', '|': '1', 'B': '8', 'g': '9', 'Z': '2', 'z': '2'}

func lineText(l line) string {
	parts := make([]string, len(l.words))
	for i, w := range l.words {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

func measure(lines []line) metrics {
	var xs, gaps []float64
	var lefts, rights []int
	for i, l := range lines {
		if len(l.words) >= 4 {
			xs = append(xs, l.xsize)
			lefts = append(lefts, int(l.box.x0))
			rights = append(rights, int(l.box.x1))
		}
		if i > 0 {
			gaps = append(gaps, float64(l.box.y0-lines[i-1].box.y1))
		}
	}
	if len(xs) == 0 {
		for _, l := range lines {
			xs = append(xs, l.xsize)
			lefts = append(lefts, int(l.box.x0))
			rights = append(rights, int(l.box.x1))
		}
	}
	return metrics{xsize: median(xs), left: percentile(lefts, 0.1), right: percentile(rights, 0.9), gap: median(gaps)}
}

// footnoteZone returns the index of the first line of the footnote zone:
// the run of lines at the page bottom whose text is clearly smaller than
// the body's, or len(lines) when there is none.
func footnoteZone(lines []line, m metrics) int {
	start := len(lines)
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.xsize < 0.86*m.bodyX {
			start = i
			continue
		}
		// Note lines are set tighter than body lines: a line close to
		// the zone below it, not much bigger than its lines, is one too
		// (Tesseract's x-height of one line varies by a tenth).
		if start == i+1 && start < len(lines) && m.pitch > 0 && float64(lines[i+1].baseline-l.baseline) < 0.8*m.pitch &&
			l.xsize < 0.95*m.bodyX {
			start = i
			continue
		}
		// Tesseract's x-height of a line of a word or two is unreliable:
		// such a line neither ends nor starts the zone.
		if len(l.words) < 3 {
			continue
		}
		break
	}
	if start == 0 || start == len(lines) {
		// A page in small type throughout, or no small lines.
		return len(lines)
	}
	return start
}

// paragraphs groups lines into paragraphs. A line starts a paragraph when
// it is indented, when the line before ended short of the right margin,
// after a wider gap, or (in the footnote zone) when it starts with a mark.
func paragraphs(lines []line, m metrics, st *numbering, inNotes bool) []*paraOut {
	var out []*paraOut
	var cur *paraOut
	indent := int(0.9 * m.xsize)
	short := int(2.5 * m.xsize)
	first := -1 // the line that opened cur
	for i, l := range lines {
		if l.table != nil {
			out = append(out, &paraOut{table: l.table})
			cur = nil
			continue
		}
		x0, x1 := int(l.box.x0), int(l.box.x1)
		centered := x0 > m.left+2*indent && x1 < m.right-2*indent &&
			abs((x0-m.left)-(m.right-x1)) < int(1.5*m.xsize)
		indented := x0 > m.left+indent
		// A wrapped line of a list item with a hanging indent starts
		// where the item's text starts, right of its "1.": it goes on.
		hanging := !inNotes && indented && cur != nil && !cur.center && first >= 0 && hangs(lines[first], l, m.xsize)
		words := l.words
		newPara := cur == nil || indented && !hanging || centered || (cur != nil && cur.center)
		if !inNotes && len(l.words) > 1 && isListLabel(l.words[0].text) {
			// "2." at the start of a line opens an item even when the
			// item before filled its last line; a "_" after it is the
			// tab to the item's text.
			newPara = true
			if strings.Trim(l.words[1].text, "_") == "" && len(l.words) > 2 {
				words = append([]word{l.words[0]}, l.words[2:]...)
			}
		}
		if i > 0 {
			prev := lines[i-1]
			if int(prev.box.x1) < m.right-short || spread(prev) {
				newPara = true
			}
			if float64(l.box.y0-prev.box.y1) > m.gap+0.6*m.xsize {
				newPara = true
			}
		}
		if inNotes {
			if n, rest, ok := leadingMark(l); ok && (raisedStart(l) || plainNoteStart(n, st, lines, i)) {
				cur = &paraOut{note: st.body(n), indented: indented}
				out = append(out, cur)
				words = rest
				newPara = false
			} else if cur == nil {
				// The zone starts with the rest of a note begun on the
				// page before.
				cur = &paraOut{note: st.lastBody, noteCont: true, joined: true}
				if cur.note == 0 {
					cur.note = st.body(0)
					cur.noteCont, cur.joined = false, false
				}
				out = append(out, cur)
				newPara = false
			} else if newPara {
				cur = &paraOut{note: cur.note, noteCont: true}
				out = append(out, cur)
				newPara = false
			}
		}
		if newPara {
			cur = &paraOut{center: centered, indented: indented}
			out = append(out, cur)
			first = i
		}
		if k := runInHeading(words, m.stroke); !inNotes && k > 0 {
			// "… 14 sản phẩm. b) Chăn nuôi, thủy sản: Tổng đàn …": a
			// paragraph that opens with a bold run-in heading, set on
			// the last line of the one before.
			addLine(cur, l, words[:k], st, inNotes, m.stroke)
			cur = &paraOut{}
			out = append(out, cur)
			first = -1
			words = words[k:]
		}
		addLine(cur, l, words, st, inNotes, m.stroke)
	}
	kept := out[:0]
	for _, p := range out {
		if p.runes > 0 || p.table != nil {
			kept = append(kept, p)
		}
	}
	return kept
}

// runInHeading returns the index of a list label inside words that opens a
// bold run-in heading ("b)" after a full stop, then bold words up to one
// ending in ":"), or -1.
func runInHeading(words []word, ref float64) int {
	for k := 1; k+1 < len(words); k++ {
		if !isListLabel(words[k].text) || words[k].text == "-" || words[k].text == "+" {
			continue
		}
		if prev := words[k-1].text; !strings.HasSuffix(prev, ".") && !strings.HasSuffix(prev, ";") {
			continue
		}
		bold := 0
		for j := k + 1; j < len(words) && j <= k+8; j++ {
			wt := weight(words[j], ref)
			if wt < 0 {
				break
			}
			bold += wt
			if strings.HasSuffix(words[j].text, ":") {
				if bold > 0 {
					return k
				}
				break
			}
		}
	}
	return -1
}

// hangs reports a line l that starts where the text of the list item on
// line prev starts: after its label ("1.", "a)", "-") and any "_" Tesseract
// made of the tab after it.
func hangs(prev, l line, xsize float64) bool {
	if len(prev.words) < 2 || !isListLabel(prev.words[0].text) {
		return false
	}
	k := 1
	for k < len(prev.words)-1 && strings.Trim(prev.words[k].text, "_") == "" {
		k++
	}
	return math.Abs(float64(l.box.x0-prev.words[k].box.x0)) < 0.6*xsize
}

// isListLabel reports the label of a list item: "1.", "12)", "a)", "-".
func isListLabel(s string) bool {
	switch {
	case s == "-" || s == "+" || s == "•" || s == "–":
		return true
	case strings.HasSuffix(s, ")"):
		s = strings.TrimSuffix(s, ")")
		return len(s) == 1 && s[0] >= 'a' && s[0] <= 'z' || isDigits(s) && len(s) <= 2
	case strings.HasSuffix(s, "."):
		s = strings.TrimRight(s, ".") // OCR reads "4." as "4..." at times
		return isDigits(s) && len(s) <= 2
	}
	return false
}

// spread reports a line of a few words stretched over the full width: a
// justified line that ended with a manual line break (the header lines
// "ĐẢNG BỘ TỈNH …", "HUYỆN ỦY …"), which ends its paragraph.
func spread(l line) bool {
	if len(l.words) < 2 || len(l.words) > 8 {
		return false
	}
	gaps := 0
	for i := 1; i < len(l.words); i++ {
		gaps += int(l.words[i].box.x0 - l.words[i-1].box.x1)
	}
	return float64(gaps)/float64(len(l.words)-1) > 2*l.xsize
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// leadingMark reports whether a footnote-zone line starts with a note
// number: a raised glyph (digits or what Tesseract made of them) before
// the first word, alone or glued to it.
func leadingMark(l line) (n int, rest []word, ok bool) {
	if len(l.words) == 0 {
		return 0, nil, false
	}
	w := l.words[0]
	k := raisedPrefix(l, w)
	if k == 0 || k < len(w.chars) {
		// At the start of a note line any small raised glyphs are the
		// note number, whatever Tesseract made of them (®, °, ?, and
		// "!°" or "'?" for 10 and 12).
		for k < len(w.chars) && raised(l, w.chars[k].box) && !unicode.IsLetter([]rune(w.chars[k].r + " ")[0]) &&
			!strings.ContainsAny(w.chars[k].r, "“‘(") {
			k++
		}
	}
	if k == 0 {
		// A plain number as first word ("1 Tổ chức …") also starts a
		// note when it is followed by text; the caller checks that it
		// is the next number and not a line that starts with a count.
		if len(l.words) > 1 && isDigits(w.text) && len(w.text) <= 3 && w.text[0] != '0' {
			v, _ := strconv.Atoi(w.text)
			return v, l.words[1:], true
		}
		return 0, nil, false
	}
	mark := charsText(w.chars[:k])
	v := digitsValue(mark)
	if k == len(w.chars) {
		return v, l.words[1:], true
	}
	rw := w
	rw.chars = w.chars[k:]
	rw.text = charsText(rw.chars)
	return v, append([]word{rw}, l.words[1:]...), true
}

// raisedStart reports a line whose first glyph sits above the baseline.
func raisedStart(l line) bool {
	return len(l.words) > 0 && len(l.words[0].chars) > 0 && raised(l, l.words[0].chars[0].box)
}

// plainNoteStart accepts a footnote line that starts with a number on the
// baseline as a new note only when it is the next note number and the
// line before ended a sentence: "15 cuộc …" inside a note is a count.
func plainNoteStart(n int, st *numbering, lines []line, i int) bool {
	if n <= st.lastBody || n > st.lastBody+3 {
		return false
	}
	if i == 0 {
		return true
	}
	prev := lineText(lines[i-1])
	last, _ := utf8.DecodeLastRuneInString(prev)
	return strings.ContainsRune(".;:)", last)
}

// raisedPrefix counts the leading characters of w that sit above the
// baseline like a superscript.
func raisedPrefix(l line, w word) int {
	k := 0
	for k < len(w.chars) && isMarkGlyph(w.chars[k].r) && raised(l, w.chars[k].box) {
		k++
	}
	if k > 0 && strings.ContainsAny(charsText(w.chars[:k]), "“‘") && k < len(w.chars) {
		// An opening quote glued to the word it opens.
		return 0
	}
	return k
}

// raised reports a glyph whose bottom is well above the baseline and that
// is smaller than the line's letters.
func raised(l line, b box) bool {
	if b.height() <= 0 {
		return false
	}
	return float64(l.baseline-int(b.y1)) > 0.3*l.xsize && float64(b.height()) < 0.9*l.xsize
}

// isMarkGlyph reports the glyphs Tesseract makes of a small raised number.
func isMarkGlyph(s string) bool {
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰'’‘`\"”“*^°?", r):
		default:
			return false
		}
	}
	return s != ""
}

var superDigits = map[rune]rune{'⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9'}

// digitsValue reads the digits of a mark, 0 when it has none.
func digitsValue(s string) int {
	v := 0
	n := 0
	for _, r := range s {
		if d, ok := superDigits[r]; ok {
			r = d
		}
		if r >= '0' && r <= '9' {
			v = v*10 + int(r-'0')
			n++
		}
	}
	if n == 0 || n > 3 {
		return 0
	}
	return v
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func charsText(cs []char) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.r)
	}
	return b.String()
}

// addLine appends a line's words to p, taking raised marks off word ends
// as footnote markers.
func addLine(p *paraOut, l line, words []word, st *numbering, inNotes bool, ref float64) {
	for wi, w := range words {
		wt := weight(w, ref)
		if inNotes || len(w.chars) == 0 {
			p.addWord(w.text, w.conf, wt)
			continue
		}
		// A word made only of raised glyphs is the mark of the word before.
		if wi > 0 && raisedPrefix(l, w) == len(w.chars) && p.runes > 0 && isMarkSuffix(p, charsText(w.chars)) {
			p.markers = append(p.markers, block.Marker{Note: st.mark(digitsValue(charsText(w.chars))), Offset: p.runes})
			p.confSum += w.conf
			p.words++
			continue
		}
		text, mark, tail := splitMark(l, w)
		if mark == "" || !isMarkSuffix(p, mark) {
			p.addWord(w.text, w.conf, wt)
			continue
		}
		p.addWord(text, w.conf, wt)
		p.markers = append(p.markers, block.Marker{Note: st.mark(digitsValue(mark)), Offset: p.runes})
		if tail != "" {
			p.text.WriteString(tail)
			p.runes += utf8.RuneCountInString(tail)
		}
	}
}

// isMarkSuffix rejects closing quotes that close a quotation: ” after
// “Dân vận khéo is punctuation, not a mark.
func isMarkSuffix(p *paraOut, mark string) bool {
	if strings.ContainsAny(mark, "”\"") && !strings.ContainsAny(mark, "0123456789¹²³⁴⁵⁶⁷⁸⁹") {
		return p.openQ <= 0
	}
	return true
}

// splitMark finds raised mark glyphs at the end of a word, before any
// trailing punctuation that sits on the baseline ("ra¹." → "ra", "¹", ".").
func splitMark(l line, w word) (text, mark, tail string) {
	cs := w.chars
	end := len(cs)
	for end > 0 && isTrailingPunct(cs[end-1].r) && !raised(l, cs[end-1].box) {
		end--
	}
	start := end
	for start > 0 && isMarkGlyph(cs[start-1].r) && raised(l, cs[start-1].box) {
		start--
	}
	if start == end && end > 1 && strings.ContainsAny(cs[end-1].r, "'’”") {
		// Tesseract sometimes gives a mark read as a quote the box of the
		// punctuation after it. Vietnamese has no apostrophes, and a
		// closing quote with nothing open is checked by the caller.
		start = end - 1
	}
	if start == end && end < len(cs) && end > 0 && hiddenMark(l, w, cs[end-1], cs[end]) {
		// The mark is inside the punctuation's box; its number is not known
		// and the notes' order gives it.
		return charsText(cs[:end]), "*", charsText(cs[end:])
	}
	if start == end || start == 0 {
		return w.text, "", ""
	}
	// The glyph before the mark must be a letter or closing punctuation:
	// "10³" or "m²" are numbers and units.
	prev, _ := utf8.DecodeLastRuneInString(cs[start-1].r)
	if unicode.IsDigit(prev) || prev == 'm' {
		return w.text, "", ""
	}
	return charsText(cs[:start]), charsText(cs[start:end]), charsText(cs[end:])
}

// hiddenMark reports punctuation after a word whose box has swallowed a
// raised footnote mark: Tesseract reads "đồng⁹;" as "đồng;" or "dân⁶." as
// "dân." with the stop as wide as a letter and reaching well above the
// x-height, and gives the word a low confidence. A bare stop, comma or
// semicolon is narrow and ends at the x-height.
func hiddenMark(l line, w word, before, c char) bool {
	if c.r != ";" && c.r != "," && c.r != "." && c.r != ":" {
		return false
	}
	if w.conf >= 60 || romanDotRe.MatchString(charsText(w.chars)) {
		return false
	}
	// After a lower-case letter only: a capital's box reaches as high, and
	// Roman numerals merge with the stop after them.
	if prev, _ := utf8.DecodeLastRuneInString(before.r); !unicode.IsLower(prev) {
		return false
	}
	// The x-height from the word's own letters: the lowest letter top.
	xTop := -1
	for _, ch := range w.chars {
		if r, _ := utf8.DecodeRuneInString(ch.r); unicode.IsLetter(r) && int(ch.box.y0) > xTop {
			xTop = int(ch.box.y0)
		}
	}
	base := l.baseAt(int(c.box.x0+c.box.x1) / 2)
	xh := base - float64(xTop)
	if xTop < 0 || xh <= 0 {
		return false
	}
	b := c.box
	return float64(b.width()) > 0.5*xh && float64(b.y0) < float64(xTop)-0.35*xh
}

func isTrailingPunct(s string) bool {
	return s == "." || s == "," || s == ";" || s == ":" || s == ")" || s == "!" || s == "?"
}

// continuesAcrossPage reports whether the first paragraph of a page goes
// on with the last one of the page before: that one ended without final
// punctuation and this one is not indented and starts in lower case or
// with a digit.
func continuesAcrossPage(prev, next *paraOut) bool {
	if next.indented || next.center {
		return false
	}
	pt := strings.TrimSpace(prev.text.String())
	last, _ := utf8.DecodeLastRuneInString(pt)
	if last == utf8.RuneError || strings.ContainsRune(".:;!?", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next.text.String())
	return unicode.IsLower(first) || unicode.IsDigit(first)
}

var romanDotRe = regexp.MustCompile(`^[IVX]+\.$`)

// hiddenNumeral restores the I that Tesseract folds into the box of the
// period after a bold Roman numeral: "II." is read "I." with a period as
// tall as a capital and as wide as a letter and a period.
func hiddenNumeral(l line, w word) string {
	n := len(w.chars)
	if n < 2 || !romanDotRe.MatchString(charsText(w.chars)) {
		return w.text
	}
	dot := w.chars[n-1].box
	if float64(dot.height()) < 0.5*l.xsize || float64(dot.width()) < 0.4*l.xsize {
		return w.text
	}
	return charsText(w.chars[:n-1]) + "I."
}
