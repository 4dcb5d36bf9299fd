// Package refs finds citations of numbered Party and State documents
// ("Kế hoạch số 154-KH/HU, ngày 05/6/2024 của Ban Thường vụ Huyện ủy") in the
// paragraphs and footnotes of a report.
//
// A citation is anchored on a document symbol (vntext.ScanSymbols). Around
// it the parser reads what Vietnamese administrative prose puts there, in
// this order: the type word and "số" before the symbol, then ", ngày
// <date>", then "của <issuer>". A symbol with no type word in front takes
// the type of the citation it is listed after ("các Nghị quyết số 21-NQ/TU,
// 22-NQ/TU") or, failing that, the type its code implies (NQ → Nghị quyết).
package refs

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Find returns the citations in doc's paragraphs and footnotes, in reading
// order (paragraphs first, then footnotes). The report's own number
// (doc.Meta.Number, or the "Số …" line of the header) is not a citation. A
// document with no citations gives nil.
func Find(doc *schema.Document) []schema.Reference {
	if doc == nil {
		return nil
	}
	own := ""
	if s, ok := vntext.ParseSymbol(doc.Meta.Number); ok {
		own = s.ID()
	}
	paths := make(map[schema.NullString]string, len(doc.Sections))
	for _, s := range doc.Sections {
		paths[schema.NullString(s.ID)] = s.Path
	}
	var out []schema.Reference
	header := true
	for _, p := range doc.Paragraphs {
		if p.Section != "" {
			header = false
		}
		for _, c := range Parse(p.Text) {
			if c.ID == own || (header && isOwnNumberLine(p.Text, c)) {
				continue
			}
			r := c.reference()
			r.Paragraph = schema.NullString(p.ID)
			r.Section = p.Section
			r.SectionPath = paths[p.Section]
			r.Page = p.Page
			out = append(out, r)
		}
	}
	for _, f := range doc.Footnotes {
		for _, c := range Parse(f.Text) {
			if c.ID == own {
				continue
			}
			r := c.reference()
			r.Footnote = schema.NullInt(f.ID)
			r.Section = f.Section
			r.SectionPath = paths[f.Section]
			r.Page = f.Page
			out = append(out, r)
		}
	}
	return out
}

// isOwnNumberLine reports the header line that gives the report's own
// number: "Số 298-BC/HU", "Số: 412/BC-UBND" (a capital "Số", or the symbol
// alone, with no type word). Exports often run the header lines into one
// paragraph ("HUYỆN ỦY THẠCH BÀN Số 298-BC/HU"), so what comes before "Số"
// does not matter.
func isOwnNumberLine(text string, c Citation) bool {
	if c.TypeWord != "" {
		return false
	}
	rs := []rune(text)
	before := strings.TrimRight(string(rs[:c.Span[0]]), " \u00a0:")
	return before == "" || strings.HasSuffix(before, "Số") || strings.HasSuffix(before, "SỐ")
}

// Citation is one citation found in a text.
type Citation struct {
	ID       string // canonical symbol: "81-KH/HU"
	Raw      string // "Kế hoạch số 81- KH/HU, ngày 09/01/2023"
	Type     string // "Kế hoạch"
	TypeWord string // the type as written before the symbol, "" when inferred
	Symbol   vntext.Symbol
	Date     string // ISO date written after the symbol, "" when none
	Issuer   string // "Ban Thường vụ Huyện ủy" from "của …", "" when none
	Span     [2]int // rune offsets of Raw
}

func (c Citation) reference() schema.Reference {
	num := c.Symbol.Number
	return schema.Reference{
		ID:     c.ID,
		Raw:    c.Raw,
		Type:   c.Type,
		Number: num,
		Symbol: c.Symbol.Code,
		Date:   schema.NullString(c.Date),
		Issuer: schema.NullString(c.Issuer),
		Span:   c.Span,
	}
}

// Parse returns the citations in one paragraph or footnote text. Offsets
// are runes of text.
func Parse(text string) []Citation {
	if !vntext.MayHaveSymbol(text) {
		return nil
	}
	p := parserPool.Get().(*parser)
	defer parserPool.Put(p)
	p.rs, p.lower = p.rs[:0], p.lower[:0]
	for _, r := range text {
		p.rs = append(p.rs, r)
	}
	rs := p.rs
	syms := vntext.ScanSymbolRunes(rs)
	if len(syms) == 0 {
		return nil
	}
	for _, r := range rs {
		p.lower = append(p.lower, unicode.ToLower(r))
	}
	out := make([]Citation, 0, len(syms))
	listStart := -1 // index in out of the first citation of the current list
	for _, sym := range syms {
		c := Citation{ID: sym.ID(), Symbol: sym}
		start := sym.Start
		b := p.skipSpaceBack(start)
		hasSo := false
		// "số 21-NQ/TU", "số: 412/BC-UBND"
		if s, ok := p.wordBefore(p.skipSpaceBack(p.skipBack(b, ':')), so); ok {
			start, hasSo = s, true
			b = p.skipSpaceBack(s)
		}
		if tw, name, s, ok := p.typeBefore(b, hasSo); ok {
			c.TypeWord, c.Type, start = tw, name, s
		} else {
			start = sym.Start
		}
		end := sym.End
		if iso, e, ok := p.dateAfter(end); ok {
			c.Date, end = iso, e
		}
		issuer, issuerEnd := p.issuerAfter(end)
		c.Issuer = issuer
		if c.Date == "" && issuer != "" {
			// "Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 15/5/2016": the
			// date after the issuer is still this mention's date, and raw
			// then runs over the issuer to keep date and quote together.
			if iso, e, ok := p.dateAfter(issuerEnd); ok {
				c.Date, end = iso, e
			}
		}
		c.Span = [2]int{start, end}
		c.Raw = string(rs[start:end])

		// Lists: "các Nghị quyết số 21-NQ/TU, 22-NQ/TU và 23-NQ/TU".
		inList := false
		if len(out) > 0 && c.TypeWord == "" {
			prev := out[len(out)-1]
			if prev.Type != "" && p.isListGap(prev.Span[1], sym.Start) {
				c.Type = prev.Type
				inList = true
			}
		}
		if c.Type == "" {
			c.Type = typeOfSymbol(sym)
		}
		if inList {
			if listStart < 0 {
				listStart = len(out) - 1
			}
			// "các Nghị quyết số 21-NQ/TU, 22-NQ/TU của Ban Thường vụ Tỉnh
			// ủy": the issuer after the last item is the issuer of all.
			if c.Issuer != "" {
				for k := listStart; k < len(out); k++ {
					if out[k].Issuer == "" {
						out[k].Issuer = c.Issuer
					}
				}
			}
		} else {
			listStart = -1
		}
		out = append(out, c)
	}
	return out
}

// parser holds a text as runes and lower-case runes. Its buffers are
// pooled: Parse runs on every paragraph that may hold a symbol.
type parser struct {
	rs, lower []rune
}

var parserPool = sync.Pool{New: func() any { return new(parser) }}

func (p *parser) skipSpaceBack(i int) int {
	for i > 0 && isSpace(p.rs[i-1]) {
		i--
	}
	return i
}

func (p *parser) skipBack(i int, r rune) int {
	if i > 0 && p.rs[i-1] == r {
		return i - 1
	}
	return i
}

func (p *parser) skipSpace(i int) int {
	for i < len(p.rs) && isSpace(p.rs[i]) {
		i++
	}
	return i
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' || r == '\n' }

// wordBefore reports whether the lower-case word w ends at i, as a whole
// word, and returns where it starts.
func (p *parser) wordBefore(i int, wr []rune) (int, bool) {
	s := i - len(wr)
	if s < 0 {
		return 0, false
	}
	for k, r := range wr {
		if p.lower[s+k] != r {
			return 0, false
		}
	}
	if s > 0 && isWordRune(p.rs[s-1]) {
		return 0, false
	}
	return s, true
}

// wordAt reports whether the lower-case word w starts at i, as a whole word,
// and returns where it ends.
func (p *parser) wordAt(i int, w []rune) (int, bool) {
	e := i + len(w)
	if e > len(p.rs) {
		return 0, false
	}
	for k, r := range w {
		if p.lower[i+k] != r {
			return 0, false
		}
	}
	if e < len(p.rs) && isWordRune(p.rs[e]) {
		return 0, false
	}
	return e, true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// docTypes are the document types by the name written before a number,
// longest first so that "Thông báo kết luận" wins over "Thông báo".
var docTypes = func() []docType {
	names := []string{
		"Nghị quyết liên tịch", "Thông tư liên tịch", "Thông báo kết luận",
		"Chương trình hành động", "Chương trình", "Nghị quyết", "Kế hoạch",
		"Chỉ thị", "Kết luận", "Quy định", "Quyết định", "Hướng dẫn",
		"Thông báo", "Thông tri", "Nghị định", "Thông tư", "Luật", "Pháp lệnh", "Báo cáo",
		"Công văn", "Văn bản", "Đề án", "Tờ trình", "Quy chế", "Công điện",
		"Phương án", "Đề cương", "Lệnh", "Hiến pháp",
	}
	out := make([]docType, 0, len(names))
	for _, n := range names {
		out = append(out, docType{name: n, lower: []rune(strings.ToLower(n))})
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].lower) > len(out[j-1].lower); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

type docType struct {
	name  string
	lower []rune
}

// typeBefore finds a type word ending at i. When "số" was seen, up to two
// lower-case words may stand between the type and "số" ("Nghị quyết chuyên
// đề số 05-NQ/HU").
func (p *parser) typeBefore(i int, hasSo bool) (written, name string, start int, ok bool) {
	extra := 0
	if hasSo {
		extra = 2
	}
	for k := 0; k <= extra; k++ {
		if name, s, ok := p.typeWordEnding(i); ok {
			return string(p.rs[s:i]), name, s, true
		}
		// Step back over one lower-case word.
		j := i
		for j > 0 && isWordRune(p.rs[j-1]) {
			j--
		}
		if j == i || !unicode.IsLower(p.rs[j]) {
			return "", "", 0, false
		}
		i = p.skipSpaceBack(j)
		if i == j {
			return "", "", 0, false
		}
	}
	return "", "", 0, false
}

func (p *parser) typeWordEnding(i int) (name string, start int, ok bool) {
	for _, t := range docTypes {
		if s, ok := p.wordBefore(i, t.lower); ok {
			return t.name, s, true
		}
	}
	return "", 0, false
}

var (
	ngay  = []rune("ngày")
	thang = []rune("tháng")
	nam   = []rune("năm")
	so    = []rune("số")
)

// dateAfter reads ", ngày 05/6/2024" or " ngày 5 tháng 6 năm 2024" right
// after the symbol.
func (p *parser) dateAfter(i int) (iso string, end int, ok bool) {
	j := i
	if j < len(p.rs) && p.rs[j] == ',' {
		j++
	}
	j = p.skipSpace(j)
	paren := j < len(p.rs) && p.rs[j] == '('
	if paren {
		j = p.skipSpace(j + 1)
	}
	e, ok := p.wordAt(j, ngay)
	if !ok {
		return "", 0, false
	}
	iso, end, ok = p.parseDate(p.skipSpace(e))
	if ok && paren {
		// "(ngày 05/6/2024)": keep the parenthesis whole in raw, or leave
		// the date out when it does not close there.
		if end >= len(p.rs) || p.rs[end] != ')' {
			return "", 0, false
		}
		end++
	}
	return iso, end, ok
}

// parseDate reads d/m/yyyy (also with - or .) or "d tháng m năm yyyy" at i.
func (p *parser) parseDate(i int) (string, int, bool) {
	d, j := p.digits(i, 2)
	if j == i {
		return "", 0, false
	}
	var m, y, e int
	if j < len(p.rs) && (p.rs[j] == '/' || p.rs[j] == '-' || p.rs[j] == '.') {
		sep := p.rs[j]
		k := j + 1
		mm, k2 := p.digits(k, 2)
		if k2 == k || k2 >= len(p.rs) || p.rs[k2] != sep {
			return "", 0, false
		}
		yy, k3 := p.digits(k2+1, 4)
		if k3-(k2+1) != 4 {
			return "", 0, false
		}
		m, y, e = mm, yy, k3
	} else {
		k := p.skipSpace(j)
		k2, ok := p.wordAt(k, thang)
		if !ok {
			return "", 0, false
		}
		k = p.skipSpace(k2)
		mm, k3 := p.digits(k, 2)
		if k3 == k {
			return "", 0, false
		}
		k = p.skipSpace(k3)
		k4, ok := p.wordAt(k, nam)
		if !ok {
			return "", 0, false
		}
		k = p.skipSpace(k4)
		yy, k5 := p.digits(k, 4)
		if k5-k != 4 {
			return "", 0, false
		}
		m, y, e = mm, yy, k5
	}
	if e < len(p.rs) && unicode.IsDigit(p.rs[e]) {
		return "", 0, false
	}
	if d < 1 || d > 31 || m < 1 || m > 12 || y < 1900 || y > 2200 {
		return "", 0, false
	}
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), e, true
}

func pad(v, w int) string {
	s := strconv.Itoa(v)
	for len(s) < w {
		s = "0" + s
	}
	return s
}

// digits reads up to max ASCII digits at i.
func (p *parser) digits(i, max int) (int, int) {
	v, j := 0, i
	for j < len(p.rs) && j-i < max && p.rs[j] >= '0' && p.rs[j] <= '9' {
		v = v*10 + int(p.rs[j]-'0')
		j++
	}
	return v, j
}

var cua = []rune("của")

// nameWords are the lower-case words inside the names of Party and State
// bodies ("Ban Chấp hành Trung ương", "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân
// dân huyện", "Ủy ban kiểm tra Huyện ủy"); every other lower-case word ends
// an issuer. after lists the words that must precede it ("hành" only in
// "chấp hành", so "của Huyện ủy ban hành" stops at "Huyện ủy"); end says
// whether a name may end with it.
var nameWords = map[string]struct {
	after string
	end   bool
}{
	"ủy": {"", true}, "uỷ": {"", true}, "ban": {"ủy uỷ", false},
	"chấp": {"ban", false}, "hành": {"chấp", true}, "thường": {"ban", false},
	"vụ": {"thường", true}, "nhân": {"ban đồng", false}, "dân": {"nhân", true},
	"đồng": {"hội", false}, "chính": {"bộ", false}, "trị": {"chính", true},
	"phủ": {"chính", true}, "bí": {"ban", false}, "thư": {"bí", true},
	"chỉ": {"ban", false}, "đạo": {"chỉ", true}, "đảng": {"", true},
	"bộ": {"đảng", true}, "huyện": {"", true}, "tỉnh": {"", true}, "xã": {"", true},
	"phường": {"", true}, "quận": {"", true}, "thị": {"", false}, "trấn": {"thị", true},
	"thành": {"", false}, "phố": {"thành", true}, "thủ": {"", false},
	"tướng": {"thủ", true}, "quốc": {"tổ", true}, "hội": {"quốc", true},
	"kiểm": {"ban", false}, "tra": {"kiểm", true}, "tuyên": {"ban", false},
	"giáo": {"tuyên", true}, "vận": {"dân", true}, "tổ": {"ban mặt", false},
	"chức": {"tổ", true}, "mặt": {"", false}, "trận": {"mặt", true},
	"khóa": {"", false}, "khoá": {"", false}, "trung": {"", false},
	"ương": {"trung", true}, "văn": {"", false}, "phòng": {"văn", true},
}

// issuerAfter reads "của <issuer>" at i: up to 12 words, starting with a
// capital; lower-case words only from nameWords, Roman numerals after
// "khóa". It returns the issuer and the offset after it, or "" and i.
func (p *parser) issuerAfter(i int) (string, int) {
	j := p.skipSpace(i)
	e, ok := p.wordAt(j, cua)
	if !ok {
		return "", i
	}
	j = p.skipSpace(e)
	if j >= len(p.rs) || !unicode.IsUpper(p.rs[j]) {
		return "", i
	}
	start, lastEnd := j, j // lastEnd: after the last word a name may end with
	// w and prev are the lower-case word and the one before it, written
	// in two buffers that take turns, not a string per word
	var wbuf, pbuf [32]byte
	w, prev := wbuf[:0], pbuf[:0]
	for words := 0; words < 12 && j < len(p.rs); words++ {
		k := j
		for k < len(p.rs) && isWordRune(p.rs[k]) {
			k++
		}
		if k == j {
			break
		}
		w = w[:0]
		for _, r := range p.lower[j:k] {
			w = utf8.AppendRune(w, r)
		}
		canEnd := true
		if !unicode.IsUpper(p.rs[j]) {
			nw, known := nameWords[string(w)]
			if !known || (nw.after != "" && !containsWord(nw.after, string(prev))) {
				break
			}
			canEnd = nw.end
		}
		if canEnd {
			lastEnd = k
		}
		w, prev = prev, w
		if k >= len(p.rs) || !isSpace(p.rs[k]) {
			break
		}
		j = p.skipSpace(k)
	}
	return string(p.rs[start:lastEnd]), lastEnd
}

// containsWord reports w among the words of list, which are separated by
// single spaces.
func containsWord(list, w string) bool {
	for list != "" {
		var x string
		x, list, _ = strings.Cut(list, " ")
		if x == w {
			return true
		}
	}
	return false
}

// isListGap reports whether rs[i:j] only joins two items of a list: commas,
// semicolons, "và", "hoặc", "số".
func (p *parser) isListGap(i, j int) bool {
	k := i
	for k < j {
		switch r := p.rs[k]; {
		case isSpace(r) || r == ',' || r == ';':
			k++
			continue
		}
		matched := false
		for _, w := range listWords {
			if e, ok := p.wordAt(k, w); ok && e <= j {
				k, matched = e, true
				break
			}
		}
		if !matched {
			return false
		}
	}
	return true
}

var listWords = [][]rune{[]rune("và"), []rune("hoặc"), []rune("số")}

// typeOfSymbol names the document type that a symbol's code implies.
func typeOfSymbol(s vntext.Symbol) string {
	code := s.TypeCode()
	switch code {
	case "QĐ":
		// Central Party "-QĐ/TW" documents are regulations (Quy định 37-QĐ/TW);
		// elsewhere QĐ is a decision.
		if s.Party && strings.HasSuffix(s.Code, "/TW") {
			return "Quy định"
		}
		return "Quyết định"
	case "TT":
		if s.Party {
			return "Thông tri" // Party "-TT/" is a circular, State "TT-" a Thông tư
		}
	case "":
		if !s.Party {
			if s.Year != "" && strings.HasPrefix(s.Code, "QH") {
				return "Luật"
			}
			return "Công văn"
		}
	}
	if t, ok := codeTypes[code]; ok {
		return t
	}
	return ""
}

var codeTypes = map[string]string{
	"NQ": "Nghị quyết", "NQLT": "Nghị quyết liên tịch", "KH": "Kế hoạch",
	"CT": "Chỉ thị", "KL": "Kết luận", "HD": "Hướng dẫn", "TB": "Thông báo",
	"BC": "Báo cáo", "CV": "Công văn", "ĐA": "Đề án", "DA": "Đề án",
	"CTR": "Chương trình", "TTR": "Tờ trình", "QC": "Quy chế", "NĐ": "Nghị định",
	"TT": "Thông tư", "TTLT": "Thông tư liên tịch", "PA": "Phương án",
	"CĐ": "Công điện", "QYĐ": "Quy định", "L": "Luật", "PL": "Pháp lệnh",
	"VBHN": "Văn bản hợp nhất",
}
