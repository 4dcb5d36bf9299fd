package docx

import (
	"encoding/xml"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/legacy"
	"github.com/baocao/baocao/extract/vntext"
)

type noteKind int

const (
	footnote noteKind = iota
	endnote
)

// doc is the state of one Read.
type doc struct {
	styles *styles
	num    *numbering

	notes     [2]map[string][]block.Block // bodies by w:id, per noteKind
	nextNote  [2]int                      // the number Word shows next
	usedNotes [2]map[string]bool
	// manualMarks turns any superscript number after a word into a marker,
	// for documents without Word notes, whose authors typed the numbers.
	manualMarks bool

	pageHints bool // page numbers come from w:lastRenderedPageBreak
	page      int

	paras, runes int
	encodings    map[string]int // runes converted per legacy encoding
	warnings     []string
}

func newDoc() *doc {
	d := &doc{
		styles:    &styles{byID: map[string]*style{}, runCache: map[[2]string]runProps{}, paraCache: map[string]resolvedStyle{}},
		num:       newNumbering(),
		nextNote:  [2]int{1, 1},
		page:      1,
		encodings: map[string]int{},
	}
	for i := range d.notes {
		d.notes[i] = map[string][]block.Block{}
		d.usedNotes[i] = map[string]bool{}
	}
	return d
}

// encoding names the legacy encoding most of the converted text was in, or
// utf-8.
func (d *doc) encoding() string {
	best, n := "utf-8", 0
	for enc, c := range d.encodings {
		if c > n || (c == n && enc < best) {
			best, n = enc, c
		}
	}
	return best
}

func (d *doc) parseSettings(b []byte) error {
	w := newWalker(b)
	for {
		se, err := w.nextStart()
		if err != nil {
			return nil
		}
		if se.Name.Local != "footnotePr" && se.Name.Local != "endnotePr" {
			continue
		}
		k := footnote
		if se.Name.Local == "endnotePr" {
			k = endnote
		}
		err = w.children(func(se xml.StartElement) error {
			if se.Name.Local == "numStart" {
				if v := intAttr(se, "val", 1); v >= 0 && v < 100000 {
					d.nextNote[k] = v
				}
			}
			return w.skip()
		})
		if err != nil {
			return err
		}
	}
}

// parseNotes reads footnotes.xml or endnotes.xml. Separator and
// continuation notes are page furniture, not notes.
func (d *doc) parseNotes(b []byte, kind noteKind) error {
	w := newWalker(b)
	if _, err := w.nextStart(); err != nil {
		return err
	}
	pw := &partWalker{doc: d, w: w, num: d.num.fresh(), inNote: true}
	return w.children(func(se xml.StartElement) error {
		if se.Name.Local != "footnote" && se.Name.Local != "endnote" {
			return w.skip()
		}
		switch attr(se, "type") {
		case "separator", "continuationSeparator", "continuationNotice":
			return w.skip()
		}
		var body []block.Block
		if err := pw.container(&body); err != nil {
			return err
		}
		d.notes[kind][attr(se, "id")] = body
		return nil
	})
}

func (d *doc) parseDocument(b []byte) ([]block.Block, error) {
	w := newWalker(b)
	d.manualMarks = len(d.notes[footnote]) == 0 && len(d.notes[endnote]) == 0
	pw := &partWalker{doc: d, w: w, num: d.num}
	var out []block.Block
	if _, err := w.nextStart(); err != nil {
		return nil, err
	}
	if err := pw.container(&out); err != nil {
		return nil, err
	}
	pw.flushNotes(&out)
	d.renumberEndnotes(out)
	return out, nil
}

// renumberEndnotes gives endnotes the numbers after the last footnote when a
// document has both, so that the structure stage, which links by number,
// does not mix them up. Endnotes were numbered negative until now.
func (d *doc) renumberEndnotes(out []block.Block) {
	shift := 0
	if d.nextNote[footnote] > 1 {
		shift = d.nextNote[footnote] - 1
	}
	for i := range out {
		b := &out[i]
		if b.Kind == block.FootnoteBody && b.Note < 0 {
			b.Note = -b.Note + shift
		}
		for j := range b.Markers {
			if b.Markers[j].Note < 0 {
				b.Markers[j].Note = -b.Markers[j].Note + shift
			}
		}
	}
}

// partWalker walks the block-level content of one part.
type partWalker struct {
	*doc
	w       *walker
	num     *numbering
	inNote  bool
	inTable int
	queued  []queuedNote // notes referenced and not yet placed
}

type queuedNote struct {
	kind   noteKind
	id     string
	number int
	page   int
}

// container reads block-level children (paragraphs, tables, content
// controls) of the element just opened, appending blocks to out.
func (p *partWalker) container(out *[]block.Block) error {
	return p.w.children(func(se xml.StartElement) error { return p.containerChild(se, out) })
}

// flushNotes places the bodies of the notes referenced so far.
func (p *partWalker) flushNotes(out *[]block.Block) {
	for _, q := range p.queued {
		if p.usedNotes[q.kind][q.id] {
			continue
		}
		p.usedNotes[q.kind][q.id] = true
		for i, b := range p.notes[q.kind][q.id] {
			b.Kind = block.FootnoteBody
			b.Note = q.number
			b.NoteCont = i > 0
			b.Page = q.page
			b.Markers = nil
			*out = append(*out, b)
		}
	}
	p.queued = p.queued[:0]
}

// para collects one w:p as runes with per-rune attributes.
type para struct {
	props   paraProps
	style   resolvedStyle
	runes   []rune
	attrs   []attrib
	marks   []pmark
	pending []block.Block // text boxes inside the paragraph
	page    int
	custom  *customMark // a customMarkFollows reference waiting for its mark
	visible bool        // some text that is not white space was added
}

type customMark struct {
	mark, queued int
	kind         noteKind
}

type attrib struct {
	bold, italic, brk bool
	size              float32
}

type pmark struct {
	pos  int
	note int
}

func (p *partWalker) paragraph(out *[]block.Block) error {
	p.paras++
	if p.paras > maxParagraphs {
		return ErrTooManyParagraphs
	}
	pa := &para{page: p.page, props: paraProps{ilvl: -1}}
	pa.style = p.styles.para("")
	err := p.w.children(func(se xml.StartElement) error { return p.inPara(pa, se) })
	if err != nil {
		return err
	}
	p.finishPara(pa, out)
	return nil
}

// inPara handles one child of a paragraph (or of an inline wrapper such as
// a hyperlink or a field).
func (p *partWalker) inPara(pa *para, se xml.StartElement) error {
	switch se.Name.Local {
	case "pPr":
		pp, err := readPPr(p.w)
		if err != nil {
			return err
		}
		pa.props = pp
		pa.style = p.styles.para(pp.style)
		return nil
	case "r":
		return p.run(pa)
	case "sdtPr", "sdtEndPr", "del", "moveFrom", "Fallback", "rPrChange", "pPrChange", "customXmlPr":
		return p.w.skip()
	case "txbxContent":
		return p.container(&pa.pending)
	}
	// hyperlink, fldSimple, ins, smartTag, sdt, sdtContent, oMath, …
	return p.w.children(func(se xml.StartElement) error { return p.inPara(pa, se) })
}

func (p *partWalker) run(pa *para) error {
	rp := p.styles.run(pa.props.style, runProps{})
	return p.w.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "rPr":
			direct, err := readRPr(p.w)
			if err != nil {
				return err
			}
			rp = p.styles.run(pa.props.style, direct)
			return nil
		case "t":
			s, err := p.w.text()
			if err != nil {
				return err
			}
			return p.addText(pa, s, rp)
		case "tab", "ptab":
			p.addRune(pa, '\t', rp, false)
		case "br":
			switch attr(se, "type") {
			case "page", "column":
				p.addRune(pa, ' ', rp, false)
			default:
				p.addRune(pa, '\n', rp, true)
			}
		case "cr":
			p.addRune(pa, '\n', rp, true)
		case "noBreakHyphen":
			p.addRune(pa, '-', rp, false)
		case "sym":
			if r := symbolRune(attr(se, "char")); r != 0 {
				p.addRune(pa, r, rp, false)
			}
		case "footnoteReference", "endnoteReference":
			p.reference(pa, se)
		case "lastRenderedPageBreak":
			if p.pageHints && !p.inNote {
				p.page++
				if !pa.visible {
					// Nothing of the paragraph was on the page before.
					pa.page = p.page
				}
			}
		case "drawing", "pict", "object", "AlternateContent", "Choice":
			return p.textBoxes(pa)
		}
		return p.w.skip()
	})
}

// textBoxes finds the text boxes (w:txbxContent) inside a drawing and
// reads them as blocks that follow the paragraph. Other drawing text (chart
// labels, WordArt) is not report text. The VML fallback repeats the
// DrawingML text box and is skipped.
func (p *partWalker) textBoxes(pa *para) error {
	return p.w.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "txbxContent":
			return p.container(&pa.pending)
		case "Fallback":
			return p.w.skip()
		}
		return p.textBoxes(pa)
	})
}

func (p *partWalker) reference(pa *para, se xml.StartElement) {
	if p.inNote {
		return
	}
	k := footnote
	if se.Name.Local == "endnoteReference" {
		k = endnote
	}
	id := attr(se, "id")
	m := pmark{pos: len(pa.runes)}
	custom := hasAttr(se, "customMarkFollows") && onOffValue(attr(se, "customMarkFollows")) == yes
	if !custom {
		m.note = p.nextNote[k]
		p.nextNote[k]++
		if k == endnote {
			m.note = -m.note
		}
	}
	pa.marks = append(pa.marks, m)
	p.queued = append(p.queued, queuedNote{kind: k, id: id, number: m.note, page: pa.page})
	if custom {
		// The author typed the mark: it is the next text, and Word's
		// counter does not advance.
		pa.custom = &customMark{mark: len(pa.marks) - 1, queued: len(p.queued) - 1, kind: k}
	}
}

func (p *partWalker) addRune(pa *para, r rune, rp runProps, brk bool) {
	if rp.hidden == yes {
		return
	}
	pa.runes = append(pa.runes, r)
	if !pa.visible && !unicode.IsSpace(r) {
		pa.visible = true
	}
	pa.attrs = append(pa.attrs, attrib{bold: rp.bold == yes, italic: rp.italic == yes, brk: brk, size: float32(rp.size)})
}

func (p *partWalker) addText(pa *para, s string, rp runProps) error {
	if rp.hidden == yes || s == "" {
		return nil
	}
	if enc := legacy.FontEncoding(rp.font); enc != "" {
		s = legacy.DecodeFont(symbolBytes(s), rp.font)
		p.encodings[enc] += utf8.RuneCountInString(s)
	}
	s = vntext.NFC(s)
	if c := pa.custom; c != nil {
		// The custom mark of a note reference: a number gives the note its
		// number; a symbol (*, †) gets one far after the automatic ones.
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			n = 1000 + c.mark
		}
		if c.kind == endnote {
			n = -n
		}
		pa.marks[c.mark].note = n
		if c.queued < len(p.queued) {
			p.queued[c.queued].number = n
		}
		pa.custom = nil
		return nil
	}
	if rp.sup == yes && !p.inNote {
		// A superscript number typed after a word is a footnote mark. In a
		// document with Word footnotes, only the number the next footnote
		// would get counts: it is a note whose body was lost (pasted as
		// text), and it takes its place in the sequence, as its author
		// meant; other superscripts there are exponents or ordinals.
		if n, ok := manualMark(pa, s); ok && (p.manualMarks || n == p.nextNote[footnote]) {
			if !p.manualMarks {
				p.nextNote[footnote]++
			}
			pa.marks = append(pa.marks, pmark{pos: len(pa.runes), note: n})
			return nil
		}
	}
	n := utf8.RuneCountInString(s)
	p.runes += n
	if p.runes > maxRunes {
		return ErrTooMuchText
	}
	for _, r := range s {
		p.addRune(pa, r, rp, false)
	}
	return nil
}

// manualMark reports whether superscript text s is a footnote number typed
// by hand: one to three digits right after a word or punctuation. Unit
// exponents (m2, km2) are not.
func manualMark(pa *para, s string) (int, bool) {
	if len(s) == 0 || len(s) > 3 || len(pa.runes) == 0 {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	prev := pa.runes[len(pa.runes)-1]
	if unicode.IsSpace(prev) || prev == 'm' || unicode.IsDigit(prev) {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, n > 0
}

// symbolBytes undoes what Word does to text in a legacy 8-bit font that it
// treats as a symbol font: each byte is stored as a private-use character
// U+F0xx. legacy.DecodeFont expects one rune per byte (and takes
// Windows-1252 punctuation back to its byte itself).
func symbolBytes(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xF000 && r <= 0xF0FF }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= 0xF000 && r <= 0xF0FF {
			return r - 0xF000
		}
		return r
	}, s)
}

// symbolRune maps a w:sym character (hex, usually in the Symbol or
// Wingdings private-use range) to text. Only bullets and dashes matter in a
// report; other symbols are dropped.
func symbolRune(hex string) rune {
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return 0
	}
	r := rune(v)
	if r >= 0xF000 && r <= 0xF0FF {
		r -= 0xF000
	}
	switch r {
	case 0x2D:
		return '-'
	case 0xB7, 0xA7, 0x6C, 0x6E, 0x71, 0xD8, 0xFC, 0x76:
		return '•'
	}
	if r >= 0x20 && r < 0x7F {
		return r
	}
	return 0
}

// finishPara turns the collected paragraph into blocks: one per line when
// the paragraph holds manual line breaks (a header "HUYỆN ỦY …⏎Số 12-BC/HU"
// is several lines in every other format too), then its text boxes, then,
// outside tables, the bodies of the notes it references.
func (p *partWalker) finishPara(pa *para, out *[]block.Block) {
	eff := pa.style.para.over(pa.props)
	var label string
	var isList bool
	if eff.hasNum {
		ilvl := eff.ilvl
		if ilvl < 0 {
			ilvl = 0
		}
		if l, _, ok := p.num.next(eff.numID, ilvl); ok {
			label, isList = l, true
		}
	}
	heading := pa.style.heading
	if pa.props.outline > 0 && pa.props.outline <= 9 {
		heading = pa.props.outline
	}
	align := ""
	if eff.jc == "center" {
		align = "center"
	}
	first := true
	var prev string
	for _, ln := range splitLines(pa) {
		b := ln.block()
		if b.Text == "" && len(b.Markers) == 0 {
			continue
		}
		b.Page = p.pageOf(pa.page)
		b.Heading = heading
		b.Align = align
		if first {
			b.Label = label
			b.List = isList && heading == 0
		} else if continues(prev, b.Text) {
			b.Joined = true
		}
		first = false
		prev = b.Text
		*out = append(*out, b)
	}
	*out = append(*out, pa.pending...)
	if p.inTable == 0 {
		p.flushNotes(out)
	}
}

func (p *partWalker) pageOf(page int) int {
	if !p.pageHints {
		return 0
	}
	return page
}

// continues reports whether a line after a manual break goes on with the
// sentence of the line before: a long line cut without final punctuation
// and a next line in lower case.
func continues(prev, next string) bool {
	if utf8.RuneCountInString(prev) < 60 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".:;!?)", last) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

type line struct {
	runes []rune
	attrs []attrib
	marks []pmark // pos relative to the line
}

// runInLabel matches the start of a run-in heading: "b) Chăn nuôi:",
// "2. Công tác dân vận:", "II. …:".
var runInLabel = regexp.MustCompile(`^(?:[a-zđ]|[0-9]{1,2}|[IVX]{1,5})[.)] \S[^\n]{0,150}?:$`)

// splitRunIn breaks a paragraph before each run-in heading after the
// first: a bold "b) Chăn nuôi, thủy sản:" that follows the end of a
// sentence. Some converters put a whole list of such items in one
// paragraph; every other format shows them as paragraphs of their own.
func splitRunIn(pa *para) {
	for i := 2; i < len(pa.runes); i++ {
		if !pa.attrs[i].bold || pa.attrs[i-1].bold || !unicode.IsSpace(pa.runes[i-1]) || pa.attrs[i-1].brk {
			continue
		}
		j := i - 1
		for j > 0 && unicode.IsSpace(pa.runes[j]) {
			j--
		}
		if !strings.ContainsRune(".;", pa.runes[j]) {
			continue
		}
		k := i
		for k < len(pa.runes) && (pa.attrs[k].bold || pa.runes[k] == ' ') && !pa.attrs[k].brk {
			k++
		}
		if runInLabel.MatchString(strings.TrimSpace(string(pa.runes[i:k]))) {
			pa.attrs[i-1].brk = true
		}
	}
}

func splitLines(pa *para) []line {
	splitRunIn(pa)
	var out []line
	start := 0
	mi := 0
	for i := 0; i <= len(pa.runes); i++ {
		if i < len(pa.runes) && !pa.attrs[i].brk {
			continue
		}
		ln := line{runes: pa.runes[start:i], attrs: pa.attrs[start:i]}
		for mi < len(pa.marks) && (pa.marks[mi].pos <= i || i == len(pa.runes)) {
			m := pa.marks[mi]
			m.pos -= start
			ln.marks = append(ln.marks, m)
			mi++
		}
		out = append(out, ln)
		start = i + 1
	}
	return out
}

// block squashes white space (as vntext.SquashSpace does) while keeping the
// marker offsets and the bold and italic flags in step with the text.
func (ln line) block() block.Block {
	out := make([]rune, 0, len(ln.runes))
	attrs := make([]attrib, 0, len(ln.runes))
	var markers []block.Marker
	mi := 0
	space := false
	sizes := map[float32]int{}
	for i, r := range ln.runes {
		for mi < len(ln.marks) && ln.marks[mi].pos <= i {
			markers = append(markers, block.Marker{Note: ln.marks[mi].note, Offset: len(out)})
			mi++
		}
		if unicode.IsSpace(r) {
			space = len(out) > 0
			continue
		}
		if isInvisible(r) {
			continue
		}
		if space {
			out = append(out, ' ')
			attrs = append(attrs, attrib{})
			space = false
		}
		out = append(out, r)
		attrs = append(attrs, ln.attrs[i])
		sizes[ln.attrs[i].size]++
	}
	for ; mi < len(ln.marks); mi++ {
		markers = append(markers, block.Marker{Note: ln.marks[mi].note, Offset: len(out)})
	}
	b := block.Block{Kind: block.Para, Text: string(out), Markers: markers}
	visible, bold, italic := 0, 0, 0
	prefix := -1
	for i, r := range out {
		if r == ' ' {
			continue
		}
		visible++
		if attrs[i].bold {
			bold++
		} else if prefix < 0 {
			prefix = i
		}
		if attrs[i].italic {
			italic++
		}
	}
	if visible > 0 {
		b.Bold = bold == visible
		b.Italic = italic == visible
		switch {
		case b.Bold:
			b.BoldPrefix = len(out)
		case prefix > 0:
			for prefix > 0 && out[prefix-1] == ' ' {
				prefix--
			}
			b.BoldPrefix = prefix
		}
	}
	b.FontSize = float64(majority(sizes))
	return b
}

func majority(m map[float32]int) float32 {
	keys := make([]float32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var best float32
	n := 0
	for _, k := range keys {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// isInvisible reports format characters that Word keeps in text but that
// print as nothing.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}
