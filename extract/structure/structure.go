// Package structure turns the blocks of any format reader into sections,
// paragraphs, footnotes and metadata.
//
// The rules are about Vietnamese administrative reports, not about one
// format: the numbering (Phần thứ nhất › I. › 1. › a)) gives the outline
// whatever the markup says; a paragraph that does not end a sentence and is
// followed (after footnote bodies or a page break) by more body text was cut
// by a page break and is joined again; footnote bodies are linked to the
// paragraph that holds their marker by number; the header block (issuer,
// number, place and date, title) and the closing (recipients, signature)
// give the metadata and are not body text.
package structure

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// heading is what the outline pass decided about one block.
type heading struct {
	num   numbering
	title string
	// rest is the body text of a run-in heading ("**5. Công tác…:** Văn
	// phòng …"), restAt the rune offset in the block text where it starts.
	rest   string
	restAt int
	// titleBlock is the index of a separate title line ("Phần thứ nhất"
	// followed by "TÌNH HÌNH, KẾT QUẢ …"), -1 when none.
	titleBlock int
}

// layout is the outline pass over the blocks: which blocks are headings,
// list items, header, closing and footnote continuations.
type layout struct {
	heads     []*heading
	listItem  []bool
	bullet    []int  // bytes of a bullet ("- ") that the reader left in the text
	consumed  []bool // title lines taken by a Phần heading
	noteCont  []int  // index+1 of the footnote body a paragraph continues, 0 for none
	hdrEnd    int    // blocks before hdrEnd are the header block
	titleFrom int    // first and last+1 block of the title, -1 when none
	titleTo   int
	closeFrom int // blocks from closeFrom are the closing part
	keepPara  int // a closing sentence kept as a paragraph, -1 when none
	// furniture marks the lines of a saved web page around its article
	// (date lines, bylines, breadcrumbs); headline is the block of a title
	// line without a doc type ("Tân Yên kết nạp đảng viên đạt 104% kế
	// hoạch"), -1 when none.
	furniture []bool
	headline  int
}

// Build returns a Document with Meta, Sections, Paragraphs and Footnotes set.
// A nil or empty Source gives an empty Document.
func Build(src *block.Source) *schema.Document {
	doc := &schema.Document{}
	if src == nil || len(src.Blocks) == 0 {
		return doc
	}
	blocks := src.Blocks
	lay := analyze(blocks)
	b := builder{doc: doc, blocks: blocks, lay: lay, open: -1, lastNote: -1}
	b.run()
	b.link()
	doc.Meta = findMeta(blocks, lay)
	return doc
}

// text returns the block text with the label that automatic numbering
// generated (Word) in front.
func text(b *block.Block) string {
	if b.Label == "" {
		return b.Text
	}
	if b.Text == "" {
		return b.Label
	}
	return b.Label + " " + b.Text
}

func labelRunes(b *block.Block) int {
	if b.Label == "" {
		return 0
	}
	return utf8.RuneCountInString(b.Label) + 1
}

func analyze(blocks []block.Block) *layout {
	n := len(blocks)
	lay := &layout{
		heads:     make([]*heading, n),
		listItem:  make([]bool, n),
		bullet:    make([]int, n),
		consumed:  make([]bool, n),
		noteCont:  make([]int, n),
		titleFrom: -1,
		titleTo:   -1,
		closeFrom: n,
		keepPara:  -1,
		furniture: make([]bool, n),
		headline:  -1,
	}
	findOutline(blocks, lay)
	findFurniture(blocks, lay)
	first, last := -1, -1
	for i, h := range lay.heads {
		if h != nil {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	findHeader(blocks, lay, first)
	findClosing(blocks, lay, last)
	findNoteConts(blocks, lay)
	findHeadline(blocks, lay)
	return lay
}

// findHeadline finds the title of a text without a doc-type title line (a
// news article, a portal page): the first line of the header that is not
// furniture, an issuer in capitals, a number or a place and date, or else
// a short first paragraph that ends without a full stop and is followed by
// more text.
func findHeadline(blocks []block.Block, lay *layout) {
	if lay.titleFrom >= 0 {
		return
	}
	dated := false // the place and date of a letterhead were read
	for i := range blocks {
		b := &blocks[i]
		if b.Kind != block.Para || lay.furniture[i] || lay.consumed[i] || b.Text == "" {
			continue
		}
		if i >= lay.closeFrom || lay.heads[i] != nil || lay.listItem[i] {
			return
		}
		t := strings.TrimSpace(b.Text)
		if dated && i < lay.hdrEnd && isUpper(t) && wordCount(t) >= 4 && !mottoRe.MatchString(t) && !organLine(t) {
			// "Hà Tĩnh, ngày 13 tháng 12 năm 2017" / "PHÊ CHUẨN TỔNG QUYẾT
			// TOÁN NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2016": the subject line of a
			// document whose type line is missing
			lay.headline = i
			return
		}
		if isUpper(t) && wordCount(t) <= 16 || numberRe.MatchString(t) || dateWordsRe.MatchString(t) || dateNumRe.MatchString(t) || mottoRe.MatchString(t) {
			if i < lay.hdrEnd {
				dated = dated || dateWordsRe.MatchString(t) || dateNumRe.MatchString(t)
				continue
			}
			return
		}
		if wordCount(t) < 3 || wordCount(t) > 30 || endsSentence(t) || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") {
			return
		}
		if i >= lay.hdrEnd && nextPara(blocks, i) < 0 {
			return // a lone line is the text, not its title
		}
		lay.headline = i
		return
	}
}

// organLine reports a line that names an organ ("HỘI ĐỒNG NHÂN DÂN TỈNH
// HÀ TĨNH", "ĐẢNG BỘ HUYỆN …") or its session ("KHÓA XVII, KỲ HỌP THỨ 5").
func organLine(t string) bool {
	f := foldPrefix(t, 40)
	for _, o := range organs {
		if strings.HasPrefix(f, o.fold) {
			return true
		}
	}
	return strings.HasPrefix(f, "khoa ") || strings.HasPrefix(f, "ky hop")
}

// findOutline decides which numbered blocks are headings and which are
// numbered list items.
func findOutline(blocks []block.Block, lay *layout) {
	var seq outlineSeq
	for i := range blocks {
		b := &blocks[i]
		if b.Kind != block.Para || lay.consumed[i] {
			continue
		}
		if b.List {
			lay.listItem[i] = true
			continue
		}
		if n := bulletPrefix(b.Text); n > 0 && b.Label == "" {
			lay.listItem[i] = true
			lay.bullet[i] = n
			continue
		}
		t := text(b)
		num := parseNumbering(t)
		if num.kind == numNone {
			continue
		}
		if num.kind == numParen {
			lay.listItem[i] = true
			continue
		}
		h := decideHeading(b, t, num, seq.context(num))
		if h == nil {
			// "Phần lớn …", "V. I. Lênin …": a sentence, not a list.
			if num.kind != numPart && num.kind != numRoman {
				lay.listItem[i] = true
				seq.lastList[num.kind] = num.value
			}
			continue
		}
		h.titleBlock = -1
		if num.kind == numPart && h.title == "" {
			if j := nextPara(blocks, i); j >= 0 && isPartTitle(&blocks[j]) {
				h.title = trimTitle(text(&blocks[j]))
				h.titleBlock = j
				lay.consumed[j] = true
			}
		}
		lay.heads[i] = h
		seq.heading(num)
	}
}

// outlineSeq remembers, per kind of numbering, the last heading and the
// last list item under the current parent: a plain "3." after list item 2
// is item 3 of that list, after heading 2 it is heading 3.
type outlineSeq struct {
	lastHead [numParen + 1]int
	lastList [numParen + 1]int
}

// Sequence contexts for decideHeading.
const (
	seqNone     = iota // the first of its kind here, or a gap in the numbers
	seqHeadings        // continues a run of headings
	seqList            // continues a numbered list
)

func (q *outlineSeq) context(n numbering) int {
	switch {
	case q.lastList[n.kind] > 0 && q.lastList[n.kind] == n.value-1:
		return seqList
	case q.lastHead[n.kind] > 0 && q.lastHead[n.kind] == n.value-1:
		return seqHeadings
	}
	return seqNone
}

func (q *outlineSeq) heading(n numbering) {
	level := n.level()
	for k := numPart; k < numParen; k++ {
		if k != n.kind && levelOfKind(k) > level {
			q.lastHead[k], q.lastList[k] = 0, 0
		}
	}
	q.lastHead[n.kind], q.lastList[n.kind] = n.value, 0
}

func levelOfKind(k int) int {
	return numbering{kind: k, number: "1"}.level()
}

// nextPara returns the next Para block after i, skipping page breaks and
// footnote bodies, or -1.
func nextPara(blocks []block.Block, i int) int {
	for j := i + 1; j < len(blocks); j++ {
		switch blocks[j].Kind {
		case block.Para:
			return j
		case block.Table:
			return -1
		}
	}
	return -1
}

// numberedLabel reports a list label with a number or letter in it ("1.",
// "a)", "(2)"), as opposed to a bullet.
func numberedLabel(l string) bool {
	for _, r := range l {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// bulletPrefix returns the length of a bullet and its space at the start
// of s ("- ", "• "), or 0.
func bulletPrefix(s string) int {
	if s == "" || strings.IndexByte("-+*\xe2\xc2", s[0]) < 0 {
		return 0
	}
	for _, p := range []string{"- ", "– ", "+ ", "• ", "* ", "· ", "•\t", "-\t"} {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			return len(p)
		}
	}
	return 0
}

// isPartTitle reports a short title line under "Phần thứ nhất".
func isPartTitle(b *block.Block) bool {
	t := text(b)
	if t == "" || b.List || bulletPrefix(t) > 0 || len(b.Markers) > 0 || parseNumbering(t).kind != numNone {
		return false
	}
	if wordCount(t) > 30 || endsSentence(t) {
		return false
	}
	return b.Bold || b.Heading > 0 || isUpper(t) || b.Align == "center"
}

// decideHeading says whether a numbered block is a heading. Markup (bold,
// a heading style) makes a heading of anything heading-sized; without it, a
// heading is short, starts with a capital and does not end like a sentence,
// or is a run-in heading ("5. Công tác tham mưu: Văn phòng …") where the
// numbering continues a run of headings. A line that continues a numbered
// list stays in the list.
// valueAfterColon reports a line whose last colon is followed by a number:
// "Thu nội địa: 5.419.153 triệu đồng".
func valueAfterColon(s string) bool {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[i+1:], " "))
	return unicode.IsDigit(r)
}

func decideHeading(b *block.Block, t string, num numbering, seq int) *heading {
	rest := num.rest
	words := wordCountMax(rest, 61)
	strong := b.Heading > 0 || b.Bold
	// A run-in heading: the bold run covers the number and a title, and
	// body text follows on the same line.
	bp := b.BoldPrefix + labelRunes(b)
	if b.Label != "" && b.BoldPrefix == 0 {
		bp = 0
	}
	if !b.Bold && bp > num.prefix+1 {
		if h := runIn(b, t, num, bp); h != nil {
			return h
		}
	}
	if num.kind == numPart {
		first, _ := utf8.DecodeRuneInString(rest)
		if words <= 25 && (strong || rest == "" || !unicode.IsLower(first)) {
			return &heading{num: num, title: trimTitle(rest)}
		}
		return nil
	}
	if rest == "" {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(rest)
	if strong {
		if words > 60 || strings.HasSuffix(rest, ";") {
			return nil
		}
		return &heading{num: num, title: trimTitle(rest)}
	}
	if seq == seqList || !unicode.IsUpper(first) || valueAfterColon(rest) {
		// "1. Tổng thu ngân sách nhà nước: 26.536.722 triệu đồng" is an
		// item of a statement of values, not a heading
		return nil
	}
	if words <= 25 && len(b.Markers) == 0 && !endsSentence(rest) && !strings.HasSuffix(rest, ",") && !strings.HasSuffix(rest, ";") {
		return &heading{num: num, title: trimTitle(rest)}
	}
	// A plain run-in heading: a short title, a colon, then body text that
	// starts a sentence. The first of a run needs a very short title.
	colon := strings.IndexByte(rest, ':')
	if colon <= 0 {
		return nil
	}
	title := rest[:colon]
	limit := 15
	if seq != seqHeadings {
		limit = 10
	}
	if wordCount(title) > limit || strings.ContainsAny(title, ";.0123456789") {
		return nil
	}
	body := strings.TrimLeft(rest[colon+1:], " ")
	r, _ := utf8.DecodeRuneInString(body)
	if !unicode.IsUpper(r) {
		return nil
	}
	at := num.prefix + utf8.RuneCountInString(rest[:len(rest)-len(body)])
	return &heading{num: num, title: trimTitle(title), rest: body, restAt: at - labelRunes(b)}
}

// runIn reads a bold run-in heading: bp runes of t are bold and cover the
// number and the title.
func runIn(b *block.Block, t string, num numbering, bp int) *heading {
	from, to := byteOffset(t, num.prefix), byteOffset(t, bp)
	if to >= len(t) || from > to {
		return nil
	}
	title := trimTitle(t[from:to])
	after := t[to:]
	trimmed := strings.TrimLeft(after, " :.-–")
	body := strings.TrimSpace(trimmed)
	if title == "" || body == "" || wordCount(title) > 30 {
		return nil
	}
	at := bp + utf8.RuneCountInString(after[:len(after)-len(trimmed)])
	return &heading{num: num, title: title, rest: body, restAt: at - labelRunes(b)}
}

// byteOffset returns the byte index of rune n of s (len(s) past the end).
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// trimTitle drops the colon or dot that ends a heading.
func trimTitle(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ":.;-–"))
}

// wordCountMax counts words up to max: enough to compare a long paragraph
// with a heading's length without reading all of it.
func wordCountMax(s string, max int) int {
	n := 0
	in := false
	for i := 0; i < len(s) && n < max; i++ {
		sp := s[i] == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

func wordCount(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// endsSentence reports text that ends with sentence-final punctuation,
// looking through closing quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’»)]*")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…':
		return true
	}
	return false
}

// isCut reports a paragraph that stops where no sentence or clause ends:
// the page broke inside it.
func isCut(s string) bool {
	t := strings.TrimRight(s, " \"'”’»)]*")
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '…', ':', ';':
		return false
	}
	return true
}

func isUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// docTypes are the document kinds a title starts with.
var docTypes = []string{
	"BÁO CÁO", "KẾ HOẠCH", "NGHỊ QUYẾT", "TỜ TRÌNH", "CHƯƠNG TRÌNH", "QUYẾT ĐỊNH",
	"ĐỀ ÁN", "THÔNG BÁO", "KẾT LUẬN", "CHỈ THỊ", "HƯỚNG DẪN", "QUY ĐỊNH", "CÔNG VĂN",
	"DIỄN VĂN", "BÀI PHÁT BIỂU", "TỔNG KẾT",
}

// docTypeOf returns the document type a title line starts with.
func docTypeOf(t string) string {
	u := strings.ToUpper(t)
	for _, d := range docTypes {
		if strings.HasPrefix(u, d) && (len(u) == len(d) || u[len(d)] == ' ' || u[len(d)] == ':') {
			return d
		}
	}
	return ""
}

// findHeader finds the title (the doc-type line and the lines after it) and
// marks everything up to its end as the header block. Paragraphs between
// the title and the first heading are the opening of the report.
func findHeader(blocks []block.Block, lay *layout, first int) {
	limit := first
	if limit < 0 {
		limit = len(blocks)
	}
	if limit > 60 {
		limit = 60
	}
	for i := 0; i < limit; i++ {
		b := &blocks[i]
		if b.Kind != block.Para || docTypeOf(b.Text) == "" || wordCount(b.Text) > 40 || endsSentence(b.Text) {
			continue
		}
		lay.titleFrom = i
		// Without markup on the doc-type line (plain text, OCR), the title
		// is the few short lines that follow it.
		plain := !(b.Bold || b.Heading > 0 || b.Align == "center")
		j := i + 1
		for ; j < limit; j++ {
			c := &blocks[j]
			if c.Kind == block.PageBreak {
				continue
			}
			if c.Kind != block.Para || lay.heads[j] != nil || lay.listItem[j] || wordCount(c.Text) > 40 || endsSentence(c.Text) {
				break
			}
			if !styled(c) && !(plain && j-i <= 3 && wordCount(c.Text) <= 30) {
				break
			}
		}
		lay.titleTo = j
		lay.hdrEnd = j
		return
	}
	// No title line: the header is the run of short lines at the top.
	for i := 0; i < limit; i++ {
		b := &blocks[i]
		if b.Kind == block.PageBreak {
			continue
		}
		if b.Kind != block.Para || wordCount(b.Text) > 15 || endsSentence(b.Text) || lay.listItem[i] {
			return
		}
		lay.hdrEnd = i + 1
	}
}

// styled reports a line set apart by its form: bold, a heading style,
// centered, or in capitals.
func styled(b *block.Block) bool {
	return b.Bold || b.Heading > 0 || b.Align == "center" || isUpper(b.Text)
}

// signatureIntent reports the first line of a signature block: "T/M BAN
// THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. BÍ THƯ".
func signatureIntent(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) > 200 || !isUpper(t) {
		return false
	}
	for _, p := range []string{"T/M ", "T/M.", "TM. ", "TM ", "K/T ", "KT. ", "KT ", "TL. ", "T/L ", "TUQ. ", "Q. ", "THAY MẶT ", "THỪA LỆNH ", "KÝ THAY "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

func isRecipients(t string) bool {
	if t == "" || t[0]|0x20 != 'n' {
		return false
	}
	return strings.HasPrefix(foldPrefix(t, 12), "noi nhan")
}

// foldPrefix folds the first n bytes of s (cut at a rune boundary): enough
// to test how a long paragraph starts without folding all of it.
func foldPrefix(s string, n int) string {
	if len(s) > n {
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	return vntext.Fold(s)
}

// findClosing marks the closing part after the last heading: the
// recipients ("Nơi nhận"), the signature block, and the closing sentence
// ("Trên đây là báo cáo …") that comes before them.
func findClosing(blocks []block.Block, lay *layout, last int) {
	from := last + 1
	if from < lay.hdrEnd {
		from = lay.hdrEnd
	}
	closeAt := -1
	for i := from; i < len(blocks); i++ {
		b := &blocks[i]
		switch b.Kind {
		case block.Para:
			if isRecipients(b.Text) || signatureIntent(b.Text) {
				closeAt = i
			}
		case block.Table:
			for _, row := range b.Rows {
				for _, c := range row {
					if isRecipients(c) || signatureIntent(c) {
						closeAt = i
					}
				}
			}
		}
		if closeAt >= 0 {
			break
		}
	}
	// The closing sentence: "Trên đây là …" anywhere after the last heading,
	// or a sentence about the report itself just before the recipients.
	for i := from; i < len(blocks) && (closeAt < 0 || i < closeAt); i++ {
		b := &blocks[i]
		if b.Kind == block.Para && !lay.listItem[i] && strings.HasPrefix(foldPrefix(b.Text, 16), "tren day") {
			lay.keepPara = i
			if closeAt < 0 || i < closeAt {
				closeAt = i
			}
			break
		}
	}
	if closeAt < 0 {
		closeAt = bareSignature(blocks, from)
	}
	if closeAt < 0 {
		return
	}
	if lay.keepPara < 0 {
		if j := prevPara(blocks, closeAt); j >= from && j > lay.hdrEnd && !lay.listItem[j] && lay.heads[j] == nil {
			head := foldPrefix(firstWords(blocks[j].Text, 12), 120)
			if strings.Contains(head, "bao cao") || strings.Contains(head, "kinh trinh") {
				lay.keepPara = j
				closeAt = j
			}
		}
	}
	lay.closeFrom = closeAt
}

// bareSignature finds a signature without an intent line at the end of
// the document: an office in capitals ("BÍ THƯ"), perhaps "(Đã ký)", then a
// name. It returns the index of the office line, or -1.
func bareSignature(blocks []block.Block, from int) int {
	var paras []int
	for j := len(blocks) - 1; j >= from && len(paras) < 3; j-- {
		switch blocks[j].Kind {
		case block.Para:
			if !isSignedNote(blocks[j].Text) {
				paras = append(paras, j)
			}
		case block.Table:
			return -1
		}
	}
	if len(paras) < 2 || !isName(blocks[paras[0]].Text) {
		return -1
	}
	office := blocks[paras[1]].Text
	if !isUpper(office) || wordCount(office) > 8 || isName(office) && !isPosition(office) {
		return -1
	}
	return paras[1]
}

// isPosition reports an office title ("PHÓ BÍ THƯ", "CHỦ TỊCH").
func isPosition(s string) bool {
	k := vntext.Key(s)
	for _, p := range positions {
		if strings.Contains(k, vntext.Key(p)) {
			return true
		}
	}
	return false
}

func prevPara(blocks []block.Block, i int) int {
	for j := i - 1; j >= 0; j-- {
		switch blocks[j].Kind {
		case block.Para:
			return j
		case block.Table:
			return -1
		}
	}
	return -1
}

func firstWords(s string, n int) string {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			n--
			if n == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// findNoteConts finds the paragraphs of a footnote body after its first one
// where the reader did not mark them: an export puts the bodies of a page
// together where the page broke, so plain paragraphs between two bodies are
// the rest of the first. The run must be footnote-sized (at most 8
// paragraphs and 6000 bytes, well under a page of text), on one page, with
// no heading, bullet or marker, and must not start in lower case (that is
// the cut body paragraph resuming).
func findNoteConts(blocks []block.Block, lay *layout) {
	for i := 0; i < len(blocks); i++ {
		if blocks[i].Kind != block.FootnoteBody {
			continue
		}
		page := blocks[i].Page
		size, j := 0, i+1
		resumes := false // the run ends at the cut paragraph going on
		for ; j < len(blocks) && blocks[j].Kind == block.Para; j++ {
			c := &blocks[j]
			first, _ := utf8.DecodeRuneInString(c.Text)
			size += len(c.Text)
			if unicode.IsLower(first) {
				resumes = lay.heads[j] == nil && !lay.listItem[j]
				break
			}
			if lay.heads[j] != nil || lay.consumed[j] || lay.listItem[j] || len(c.Markers) > 0 || c.Joined ||
				(page != 0 && c.Page != 0 && c.Page != page) || j-i > 8 || size > 6000 || j >= lay.closeFrom {
				break
			}
		}
		if j == i+1 || j >= len(blocks) {
			continue
		}
		// The run belongs to body i when the next body follows it, or when
		// the paragraph cut before the bodies resumes right after it (the
		// last body of a page has more paragraphs).
		switch {
		case blocks[j].Kind == block.FootnoteBody:
		case resumes && cutBefore(blocks, lay, i):
		default:
			continue
		}
		for k := i + 1; k < j; k++ {
			lay.noteCont[k] = i + 1
		}
		i = j - 1
	}
}

// cutBefore reports whether the body paragraph before the footnote bodies
// that end at block i stops without ending a sentence.
func cutBefore(blocks []block.Block, lay *layout, i int) bool {
	for k := i; k >= 0; k-- {
		switch blocks[k].Kind {
		case block.FootnoteBody, block.PageBreak:
			continue
		case block.Para:
			if lay.noteCont[k] > 0 {
				continue
			}
			return isCut(blocks[k].Text) && !blocks[k].Bold
		}
		return false
	}
	return false
}

// builder emits sections, paragraphs and footnotes in one pass.
type builder struct {
	doc    *schema.Document
	blocks []block.Block
	lay    *layout

	stack []int // indices into doc.Sections, outermost first
	cur   string

	open    int // paragraph that a following block may continue, -1 none
	openCut bool
	broke   bool // a footnote body or page break came after the open paragraph
	// pieces make up the text of the open paragraph; openRunes counts its
	// runes once a join needs them, -1 before.
	pieces    []string
	openRunes int
	lastNote  int           // index into doc.Footnotes of the last body
	noteAt    map[int]int   // block index of a body → footnote index
	notesBy   map[int][]int // footnote id → paragraph indices holding its marker, in order
	// headNotes maps a footnote id whose marker sits in a heading to the
	// section of that heading.
	headNotes map[int]string
	inBody    bool
}

func (b *builder) run() {
	b.noteAt = make(map[int]int)
	b.notesBy = make(map[int][]int)
	b.headNotes = make(map[int]string)
	lay := b.lay
	for i := range b.blocks {
		blk := &b.blocks[i]
		switch blk.Kind {
		case block.FootnoteBody:
			b.addNote(i, blk)
			b.broke = true
			continue
		case block.PageBreak:
			b.broke = true
			continue
		}
		if k := lay.noteCont[i]; k > 0 {
			if fi, ok := b.noteAt[k-1]; ok {
				b.appendNote(fi, blk.Text)
				continue
			}
		}
		if lay.consumed[i] {
			continue
		}
		if i >= lay.titleFrom && i < lay.titleTo {
			if i == lay.titleFrom {
				b.addTitle(i)
			}
			continue
		}
		if i == lay.headline {
			b.addOther(blk, blk.Text, schema.ParagraphTitle)
			continue
		}
		if i < lay.hdrEnd || (i >= lay.closeFrom && i != lay.keepPara) || lay.furniture[i] {
			b.addOther(blk, "", schema.ParagraphHeader)
			continue
		}
		if blk.Kind == block.Table {
			b.addTable(blk)
			continue
		}
		if h := lay.heads[i]; h != nil {
			b.addSection(h, blk)
			if h.rest != "" {
				b.addPara(blk, h.rest, shiftMarkers(blk.Markers, h.restAt), "")
			}
			continue
		}
		section := b.cur
		if i == lay.keepPara {
			section = ""
			b.closeOpen()
		}
		kind := ""
		if lay.listItem[i] {
			kind = schema.ParagraphList
		}
		if b.open >= 0 && (blk.Joined || (b.openCut && kind == "" && i != lay.keepPara && b.continues(blk))) {
			b.joinPara(blk)
			continue
		}
		t, ms := blk.Text, blk.Markers
		if n := lay.bullet[i]; n > 0 {
			t, ms = t[n:], shiftMarkers(ms, utf8.RuneCountInString(t[:n]))
		}
		if numberedLabel(blk.Label) {
			// Keep the number Word generated, as an export writes it, so a
			// list item reads the same from every format.
			t, ms = blk.Label+" "+t, shiftMarkers(ms, -labelRunes(blk))
		}
		n := len(b.doc.Paragraphs)
		b.addPara(blk, t, ms, kind)
		if section == "" && len(b.doc.Paragraphs) > n {
			b.doc.Paragraphs[n].Section = ""
		}
	}
	b.closeOpen()
}

// continues reports whether blk goes on with the open paragraph, which
// stops without ending a sentence. Text that starts in lower case does. A
// capital starts a new paragraph after a sentence whose full stop was
// forgotten, unless a page visibly broke in between (footnote bodies, a
// page break, a new page) or the open paragraph stops on a word that cannot
// end a sentence ("với", "của") or on a comma.
func (b *builder) continues(blk *block.Block) bool {
	first, _ := utf8.DecodeRuneInString(blk.Text)
	if !unicode.IsUpper(first) {
		return true
	}
	p := &b.doc.Paragraphs[b.open]
	if b.broke || (blk.Page != 0 && int(p.Page) != 0 && blk.Page != int(p.Page)) {
		return true
	}
	t := b.tail()
	if strings.HasSuffix(t, ",") {
		return true
	}
	return connectors[strings.ToLower(lastWord(t))]
}

// connectors are words that do not end a Vietnamese sentence.
var connectors = map[string]bool{
	"với": true, "của": true, "và": true, "các": true, "những": true, "cho": true, "trong": true,
	"theo": true, "về": true, "tại": true, "từ": true, "đến": true, "là": true, "được": true,
	"để": true, "bị": true, "do": true, "như": true, "mà": true, "nhưng": true, "hoặc": true,
	"hay": true, "cùng": true, "giữa": true, "trên": true, "dưới": true, "bằng": true, "vào": true,
	"ở": true, "khi": true, "nếu": true, "vì": true, "thuộc": true, "gồm": true, "có": true,
	"đã": true, "sẽ": true, "đang": true, "nhằm": true, "qua": true, "tới": true, "ngày": true,
}

func shiftMarkers(ms []block.Marker, at int) []block.Marker {
	out := make([]block.Marker, 0, len(ms))
	for _, m := range ms {
		m.Offset -= at
		if m.Offset < 0 {
			m.Offset = 0
		}
		out = append(out, m)
	}
	return out
}

func (b *builder) addNote(i int, blk *block.Block) {
	if (blk.NoteCont || blk.Joined) && b.lastNote >= 0 {
		last := &b.doc.Footnotes[b.lastNote]
		if blk.Note == 0 || blk.Note == last.ID {
			sep := "\n"
			if blk.Joined {
				sep = " "
			}
			b.appendNoteSep(b.lastNote, blk.Text, sep)
			b.noteAt[i] = b.lastNote
			return
		}
	}
	b.doc.Footnotes = append(b.doc.Footnotes, schema.Footnote{
		ID:   blk.Note,
		Text: blk.Text,
		Page: schema.NullInt(blk.Page),
		Line: blk.Line,
	})
	b.lastNote = len(b.doc.Footnotes) - 1
	b.noteAt[i] = b.lastNote
}

func (b *builder) appendNote(fi int, t string) { b.appendNoteSep(fi, t, "\n") }

func (b *builder) appendNoteSep(fi int, t, sep string) {
	f := &b.doc.Footnotes[fi]
	switch {
	case t == "":
	case f.Text == "":
		f.Text = t
	default:
		f.Text += sep + t
	}
}

func (b *builder) addSection(h *heading, blk *block.Block) {
	defer func() {
		for _, m := range blk.Markers {
			if h.rest == "" || m.Offset < h.restAt {
				b.headNotes[m.Note] = b.cur
			}
		}
	}()
	level := h.num.level()
	for len(b.stack) > 0 && b.doc.Sections[b.stack[len(b.stack)-1]].Level >= level {
		b.stack = b.stack[:len(b.stack)-1]
	}
	s := schema.Section{
		ID:     "s" + strconv.Itoa(len(b.doc.Sections)+1),
		Number: h.num.number,
		Title:  h.title,
		Level:  level,
		Page:   schema.NullInt(blk.Page),
		Line:   blk.Line,
		Path:   h.num.number,
	}
	if len(b.stack) > 0 {
		p := &b.doc.Sections[b.stack[len(b.stack)-1]]
		s.Parent = schema.NullString(p.ID)
		s.Path = p.Path + "/" + s.Number
	}
	b.doc.Sections = append(b.doc.Sections, s)
	b.stack = append(b.stack, len(b.doc.Sections)-1)
	b.cur = s.ID
	b.closeOpen()
}

// addTitle writes the title lines from block i on as one title paragraph.
func (b *builder) addTitle(i int) {
	var parts []string
	for j := i; j < b.lay.titleTo; j++ {
		if b.blocks[j].Kind == block.Para && b.blocks[j].Text != "" {
			parts = append(parts, b.blocks[j].Text)
		}
	}
	b.addOther(&b.blocks[i], strings.Join(parts, " "), schema.ParagraphTitle)
}

// addOther writes a line outside the body (the title, a header or closing
// line, portal furniture) as a paragraph of its own kind and of no section,
// so that the Document keeps every line of the file. A table there (a Word
// letterhead) gives a line per row. t is the text, or "" for the block's.
func (b *builder) addOther(blk *block.Block, t, kind string) {
	b.closeOpen()
	cur := b.cur
	b.cur = ""
	defer func() { b.cur = cur }()
	if blk.Kind == block.Table {
		for _, row := range blk.Rows {
			if rt := vntext.SquashSpace(strings.Join(row, " | ")); strings.Trim(rt, " |") != "" {
				b.newPara(blk, rt, nil, kind)
			}
		}
		return
	}
	if t == "" {
		t = blk.Text
	}
	if strings.TrimSpace(t) == "" || blk.Kind != block.Para {
		return
	}
	b.newPara(blk, t, nil, kind)
}

func (b *builder) addTable(blk *block.Block) {
	b.closeOpen()
	for _, row := range blk.Rows {
		t := vntext.SquashSpace(strings.Join(row, " | "))
		if strings.Trim(t, " |") == "" {
			continue
		}
		b.newPara(blk, t, nil, schema.ParagraphTableRow)
	}
}

func (b *builder) addPara(blk *block.Block, t string, ms []block.Marker, kind string) {
	if t == "" {
		return
	}
	b.closeOpen()
	b.newPara(blk, t, ms, kind)
	b.open = len(b.doc.Paragraphs) - 1
	b.openCut = isCut(t) && !blk.Bold
	b.broke = false
	b.pieces = append(b.pieces[:0], t)
	b.openRunes = -1 // counted on the first join only
}

// closeOpen writes the text of the open paragraph, which joins may have
// made of several pieces, and closes it.
func (b *builder) closeOpen() {
	if b.open >= 0 && len(b.pieces) > 1 {
		b.doc.Paragraphs[b.open].Text = strings.Join(b.pieces, "")
	}
	b.open = -1
	b.pieces = b.pieces[:0]
}

// tail is the last piece of the open paragraph: what a join looks at.
func (b *builder) tail() string {
	if len(b.pieces) == 0 {
		return ""
	}
	return b.pieces[len(b.pieces)-1]
}

func (b *builder) newPara(blk *block.Block, t string, ms []block.Marker, kind string) {
	p := schema.Paragraph{
		ID:      "p" + strconv.Itoa(len(b.doc.Paragraphs)+1),
		Section: schema.NullString(b.cur),
		Page:    schema.NullInt(blk.Page),
		Kind:    kind,
		Text:    t,
		Line:    blk.Line,
	}
	for _, m := range ms {
		p.FootnoteRefs = append(p.FootnoteRefs, schema.FootnoteRef{ID: m.Note, Offset: m.Offset})
	}
	b.doc.Paragraphs = append(b.doc.Paragraphs, p)
}

// joinPara appends blk to the open paragraph, which a page break cut.
// The pieces are put together when the paragraph closes, so that a long
// run of joins (a text file of unpunctuated lines) stays linear.
func (b *builder) joinPara(blk *block.Block) {
	p := &b.doc.Paragraphs[b.open]
	if b.openRunes < 0 {
		b.openRunes = utf8.RuneCountInString(p.Text)
	}
	sep := joinSep(b.tail(), blk.Text)
	base := b.openRunes + len(sep)
	b.pieces = append(b.pieces, sep, blk.Text)
	b.openRunes = base + utf8.RuneCountInString(blk.Text)
	for _, m := range blk.Markers {
		p.FootnoteRefs = append(p.FootnoteRefs, schema.FootnoteRef{ID: m.Note, Offset: base + m.Offset})
	}
	if blk.Text != "" {
		b.openCut = isCut(blk.Text)
	}
}

// link points each footnote at the paragraph holding its marker. When a
// number occurs more than once (numbering restarted), the k-th body of a
// number goes with its k-th marker.
func (b *builder) link() {
	doc := b.doc
	for pi := range doc.Paragraphs {
		for _, r := range doc.Paragraphs[pi].FootnoteRefs {
			b.notesBy[r.ID] = append(b.notesBy[r.ID], pi)
		}
	}
	used := make(map[int]int)
	for fi := range doc.Footnotes {
		f := &doc.Footnotes[fi]
		ps := b.notesBy[f.ID]
		k := used[f.ID]
		used[f.ID]++
		if k >= len(ps) {
			if len(ps) == 0 {
				// A marker in a heading: no paragraph, but the section is known.
				f.Section = schema.NullString(b.headNotes[f.ID])
				continue
			}
			k = len(ps) - 1
		}
		p := &doc.Paragraphs[ps[k]]
		f.RefParagraph = schema.NullString(p.ID)
		f.Section = p.Section
	}
}

// BUG(structure): A Markdown export shows a page break only as a blank
// line: a paragraph whose full stop was forgotten, followed by one that
// starts with a capital, stays two paragraphs unless the first stops on a
// connector word or a comma; one cut before a proper noun ("… của" / "Ủy
// ban …") is joined only thanks to the connector.

// BUG(structure): Short unpunctuated numbered lines without markup
// ("1. Tuyên truyền") are taken as headings unless they continue a numbered
// list; a list of such lines at the start of a section becomes sections.

// BUG(structure): The last footnote body before a page resumes can own
// more paragraphs only when the cut paragraph resumes in lower case.
