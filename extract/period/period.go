// Package period reads the time expressions of Vietnamese reports — "6
// tháng đầu năm 2024", "chín tháng năm 2017", "quý II", "trong tháng 7",
// "đến ngày 15/6", "lũy kế đến tháng 6.2018", "nhiệm kỳ 2015-2020", "trong 2
// năm 2011-2012", "từ đầu năm 2019 đến nay", "năm 2023" — as spans of days.
// An expression that gives no year takes the year it is read in (the
// document's); one that names the basis of a comparison ("so với cùng kỳ
// năm 2019", "so với cuối năm 2018") is marked as such, for it says what a
// figure is compared with, not when it happened.
package period

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/vntext"
)

// Expr is one time expression found in a text.
type Expr struct {
	Pos, End int // byte offsets in the text
	// Year is the year written, 0 when the expression gives none; FromMonth
	// .. ToMonth and ToDay say which part of the year (ToDay 0: the whole
	// last month). Years > 1 for a run of years ("2015-2020").
	Year, ToYear       int
	FromMonth, ToMonth int
	ToDay              int
	// Basis marks the basis of a comparison ("so với cùng kỳ năm 2019").
	Basis bool
	// Open marks "đến nay": the end is the date of the text.
	Open bool
	// Plan marks the year of a plan or a goal ("phương hướng, nhiệm vụ năm
	// 2018", "phấn đấu năm 2018").
	Plan bool
	// Adverbial marks an expression that says when something happened
	// ("trong nhiệm kỳ 2015-2020", "Giai đoạn 2016-2020, …") rather than
	// naming a thing ("HĐND huyện khóa XIX, nhiệm kỳ 2021-2026").
	Adverbial bool
	// Named marks a term after a comma that closes a noun phrase ("đại hội
	// Đảng các cấp, nhiệm kỳ 2025-2030;"): a name for what a figure is
	// about, though a text's opening may still be about that term.
	Named bool
}

// Span is the expression's days given the year of its context (used when
// it names none). ok is false when no year is known.
func (e Expr) Span(year int) (start, end string, ok bool) {
	y := e.Year
	if y == 0 {
		y = year
	}
	if y == 0 {
		return "", "", false
	}
	ty := e.ToYear
	if ty == 0 {
		ty = y
	}
	d := e.ToDay
	if d == 0 {
		d = daysIn(ty, e.ToMonth)
	}
	return isoDate(y, e.FromMonth, 1), isoDate(ty, e.ToMonth, d), true
}

// isoDate is fmt.Sprintf("%04d-%02d-%02d", y, m, d). Span runs for every
// figure, and a report has a handful of distinct dates: those of the years
// reports are about are made once, a year's worth at a time.
func isoDate(y, m, d int) string {
	if y < minCachedYear || y >= minCachedYear+len(dates) || m < 1 || m > 12 || d < 1 || d > 31 {
		return formatDate(y, m, d)
	}
	t := dates[y-minCachedYear].Load()
	if t == nil {
		t = new([13][32]string)
		for mm := 1; mm <= 12; mm++ {
			for dd := 1; dd <= 31; dd++ {
				t[mm][dd] = formatDate(y, mm, dd)
			}
		}
		// two Spans that race here build the same table
		dates[y-minCachedYear].Store(t)
	}
	return t[m][d]
}

const minCachedYear = 1900

// dates holds, by year from minCachedYear, the dates by month and day.
var dates [201]atomic.Pointer[[13][32]string]

// formatDate is isoDate without fmt.
func formatDate(y, m, d int) string {
	if y < 0 || m < 0 || d < 0 {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	b := make([]byte, 0, 10)
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, m, 2)
	b = append(b, '-')
	b = appendPadded(b, d, 2)
	return string(b)
}

// appendPadded appends v ≥ 0 with leading zeros to width w.
func appendPadded(b []byte, v, w int) []byte {
	n := 1
	for x := v; x >= 10; x /= 10 {
		n++
	}
	for ; n < w; n++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(v), 10)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// word is one token of the folded text.
type word struct {
	s        string // folded
	pos, end int    // bytes in the original
}

// words splits s into letter-or-digit runs, each folded, with separators
// "/", ".", "-" kept inside numbers ("6.2018", "15/6", "2015-2020").
// scratch holds the buffers of one Find, pooled: Find runs on every
// paragraph of every report.
type scratch struct {
	out  []word
	buf  []byte
	ends [][2]int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// decode is utf8.DecodeRuneInString(s[i:]) for s[i] >= 0x80, with the two-
// and three-byte forms of Vietnamese text read inline (words decodes every
// letter of every paragraph).
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	if c >= 0xE1 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

func (sc *scratch) words(s string) []word {
	out, buf, ends := sc.out[:0], sc.buf[:0], sc.ends[:0]
	defer func() { sc.out, sc.buf, sc.ends = out, buf, ends }()
	i := 0
	for i < len(s) {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if !wordRune(r) {
			i += w
			continue
		}
		j := i
		from := len(buf)
		digits := r >= '0' && r <= '9'
		for j < len(s) {
			// Each rune is folded as it is read, ASCII letters inline, and
			// the separators of numbers are kept as they are (they fold to
			// themselves): one pass over the text.
			c := s[j]
			if c < utf8.RuneSelf && asciiWord[c] {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
				j++
				continue
			}
			r2, w2 := rune(c), 1
			if r2 >= utf8.RuneSelf {
				r2, w2 = decode(s, j)
			}
			if wordRune(r2) {
				buf = appendFold(buf, r2)
				j += w2
				continue
			}
			if digits && (r2 == '/' || r2 == '.' || r2 == '-' || r2 == '–') && j+w2 < len(s) {
				if n, _ := utf8.DecodeRuneInString(s[j+w2:]); unicode.IsDigit(n) {
					buf = append(buf, s[j:j+w2]...)
					j += w2
					continue
				}
			}
			if digits && (r2 == ' ') && j+2 < len(s) && (s[j+1] == '-' || s[j+1] == '/') {
				// "2016 - 2021"
				if k := j + 2; k < len(s) && s[k] == ' ' && k+1 < len(s) && s[k+1] >= '0' && s[k+1] <= '9' {
					buf = append(buf, s[j:k+1]...)
					j = k + 1
					continue
				}
			}
			if digits && r2 == ' ' && strings.HasPrefix(s[j+1:], "– ") {
				// "2010 – 2015", with an en dash
				if k := j + 1 + len("– "); k < len(s) && s[k] >= '0' && s[k] <= '9' {
					buf = append(buf, s[j:k]...)
					j = k
					continue
				}
			}
			break
		}
		out = append(out, word{pos: i, end: j})
		ends = append(ends, [2]int{from, len(buf)})
		i = j
	}
	// one string for every folded word of the text, sliced: Find runs on
	// every paragraph, and a string per word was most of its time
	all := string(buf)
	for k := range out {
		out[k].s = all[ends[k][0]:ends[k][1]]
	}
	return out
}

// fold is vntext.Fold for one word of NFC or NFD text.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || w[i] >= 'A' && w[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	return string(foldAppend(nil, w))
}

// foldAppend appends the fold of w to b.
func foldAppend(b []byte, w string) []byte {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf || w[i] >= 'A' && w[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return append(b, w...)
	}
	for _, r := range w {
		b = appendFold(b, r)
	}
	return b
}

// appendFold appends the fold of r to b.
func appendFold(b []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	case foldByte(r) != 0:
		return append(b, foldByte(r))
	case unicode.Is(unicode.Mn, r):
		return b // a combining mark of NFD text
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}

// wordRune reports a letter, a digit or a combining mark, with the blocks
// Vietnamese is written in answered without table lookups.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r] // inlined: words asks this of every rune
	}
	return wideWordRune(r)
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func wideWordRune(r rune) bool {
	switch {
	case r >= 0xC0 && r < 0x250:
		return r != 0xD7 && r != 0xF7
	case r >= 0x1E00 && r < 0x1F00, r >= 0x300 && r < 0x370:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var numberWords = map[string]int{
	"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
	"muoi mot": 11,
}

var romans = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// atoi reads a short run of ASCII digits; strconv.Atoi would allocate an
// error for every word that is not a number.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func isYear(s string) (int, bool) {
	n, ok := atoi(s)
	return n, ok && n >= 1945 && n <= 2100
}

// cutSep cuts s around the first separator of a date: "/", "." or "-".
func cutSep(s string) (before, after string, found bool) {
	if i := strings.IndexAny(s, "/.-"); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}

// monthYear reads "6", "6.2018", "6/2018", "10/2023".
func monthYear(s string) (m, y int, ok bool) {
	a, b, cut := cutSep(s)
	m, ok = atoi(a)
	if !ok || m < 1 || m > 12 {
		return 0, 0, false
	}
	if cut {
		y, ok = isYear(b)
		if !ok {
			return 0, 0, false
		}
	}
	return m, y, true
}

// dayMonth reads "15/6", "30.6.2022", "31/10/2023".
func dayMonth(s string) (d, m, y int, ok bool) {
	day, rest, cut := cutSep(s)
	if !cut {
		return 0, 0, 0, false
	}
	month, year, three := cutSep(rest)
	if three && strings.ContainsAny(year, "/.-") {
		return 0, 0, 0, false
	}
	d, ok1 := atoi(day)
	m, ok2 := atoi(month)
	if !ok1 || !ok2 || d < 1 || d > 31 || m < 1 || m > 12 {
		return 0, 0, 0, false
	}
	if three {
		if y, ok = isYear(year); !ok {
			return 0, 0, 0, false
		}
	}
	return d, m, y, true
}

// yearRange reads "2015-2020", "2016 - 2021".
func yearRange(s string) (a, b int, ok bool) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "–", "-")
	x, y, cut := strings.Cut(s, "-")
	if !cut {
		return 0, 0, false
	}
	a, ok1 := isYear(x)
	b, ok2 := isYear(y)
	return a, b, ok1 && ok2 && b >= a && b-a <= 10
}

// Find returns the time expressions of text in reading order.
func Find(text string) []Expr {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	ws := sc.words(text)
	var out []Expr
	at := func(i int) string {
		if i < 0 || i >= len(ws) {
			return ""
		}
		return ws[i].s
	}
	lastEnd := -1 // the end of the expression before: a basis before it is its own
	for i := 0; i < len(ws); i++ {
		e, n := read(ws, i, at)
		if n == 0 {
			continue
		}
		e.Pos, e.End = ws[i].pos, ws[i+n-1].end
		e.Basis = e.Basis || basisBefore(ws, i, at, lastEnd) ||
			// "04 cuộc năm 2017 chuyển sang": the year work came from
			at(i+n) == "chuyen" && at(i+n+1) == "sang" ||
			// "gấp 3,38 lần năm 2015": the level a multiple is of
			at(i-1) == "lan" && at(i-3) == "gap"
		e.Plan = planBefore(ws, i, at)
		switch at(i - 1) {
		case "trong", "qua", "suot", "ca", "sau", "tu", "den":
			e.Adverbial = true
		}
		if (i == 0 || sentenceGap(text, ws[i-1].end, ws[i].pos)) && at(i-2) != "khoa" {
			e.Adverbial = true // not "HĐND huyện khóa XX, nhiệm kỳ 2021-2026": a name
			e.Named = i > 0 && e.ToYear > 0 && at(i) == "nhiem" && nameTerm(text, ws[i-1].end, ws[i].pos, e.End)
		}
		out = append(out, e)
		lastEnd = e.End
		i += n - 1
	}
	return out
}

// nameTerm reports a term ("nhiệm kỳ", which names a body's term where
// "giai đoạn" says a time) after a comma that closes the noun phrase before it ("đại hội Đảng các cấp, nhiệm kỳ 2025-2030;", "cán bộ
// quy hoạch BCH, nhiệm kỳ 2025-2030 cho 52 học viên"): the term of a body,
// not the time of what the clause says. A term that opens a clause is
// followed by its comma ("…, nhiệm kỳ 2015-2020, toàn Đảng bộ …").
func nameTerm(text string, from, to, end int) bool {
	if strings.ContainsAny(text[from:to], ".;:!?") {
		return false
	}
	return !strings.HasPrefix(strings.TrimLeft(text[end:], " \t"), ",")
}

// sentenceGap reports punctuation that opens a clause between two words.
func sentenceGap(text string, from, to int) bool {
	gap := text[from:to]
	return strings.ContainsAny(gap, ".;:!?") || strings.Contains(gap, ",") && !strings.Contains(gap, "(")
}

// basisBefore reports "so với (cùng kỳ|tổng số … )" just before word i.
func basisBefore(ws []word, i int, at func(int) string, lastEnd int) bool {
	for k := i - 1; k >= 0 && k >= i-6 && ws[k].end > lastEnd; k-- {
		switch at(k) {
		case "so": // "so với", not "sơ bộ", "sơ kết" (folded alike)
			switch at(k + 1) {
			case "bo", "ket", "cap", "tuyen", "khai", "luoc", "sinh":
				continue
			}
			return true
		case "ky": // "cùng kỳ", not "nhiệm kỳ"
			if at(k-1) == "cung" {
				return true
			}
		case "dat", "duoc", "tang", "giam", "la", "co":
			return false
		}
	}
	return false
}

// planBefore reports the words of a plan just before word i.
func planBefore(ws []word, i int, at func(int) string) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch at(k) {
		case "huong": // "phương hướng"
			return at(k-1) == "phuong"
		case "vu": // "nhiệm vụ"
			return at(k-1) == "nhiem"
		case "hoach": // "kế hoạch"
			return at(k-1) == "ke"
		case "dau": // "phấn đấu"
			if at(k-1) == "phan" {
				return true
			}
		case "tieu": // "mục tiêu", "chỉ tiêu"
			return at(k-1) == "muc" || at(k-1) == "chi"
		case "trong":
			if at(k+1) != "tam" { // "nhiệm vụ trọng tâm 3 tháng cuối năm": not "trong"
				return false
			}
		case "dat", "duoc", "tang", "giam", "la", "co", "qua":
			return false
		}
	}
	return false
}

// read tries an expression starting at word i and returns it with its
// length in words.
func read(ws []word, i int, at func(int) string) (Expr, int) {
	w := at(i)
	switch w {
	case "nam":
		// "năm 2023", "năm qua", "năm nay"; not "năm 2023-2025" alone
		if y, ok := isYear(at(i + 1)); ok {
			if a, b, ok := yearRange(at(i + 1)); ok {
				return Expr{Year: a, ToYear: b, FromMonth: 1, ToMonth: 12}, 2
			}
			return Expr{Year: y, FromMonth: 1, ToMonth: 12}, 2
		}
		if a, b, ok := yearRange(at(i + 1)); ok {
			return Expr{Year: a, ToYear: b, FromMonth: 1, ToMonth: 12}, 2
		}
		if at(i+1) == "hoc" {
			// "năm học 2016-2017": the two years the school year spans
			if a, b, ok := yearRange(at(i + 2)); ok && b == a+1 {
				return Expr{Year: a, ToYear: b, FromMonth: 1, ToMonth: 12, Adverbial: true}, 3
			}
		}
	case "cung":
		// "(so với) cùng kỳ 2023": the basis, its year without "năm"
		if at(i+1) == "ky" {
			if y, ok := isYear(at(i + 2)); ok {
				return Expr{Year: y, FromMonth: 1, ToMonth: 12, Basis: true}, 3
			}
		}
	case "nhiem", "giai":
		// "nhiệm kỳ 2015-2020", "nhiệm kỳ (2015-2020)", "giai đoạn 2021-2025"
		if (w == "nhiem" && at(i+1) == "ky") || (w == "giai" && at(i+1) == "doan") {
			if a, b, ok := yearRange(at(i + 2)); ok {
				return Expr{Year: a, ToYear: b, FromMonth: 1, ToMonth: 12}, 3
			}
		}
	case "quy":
		if q, ok := romans[at(i+1)]; ok {
			e := Expr{FromMonth: 3*q - 2, ToMonth: 3 * q}
			n := 2
			if at(i+2) == "nam" {
				if y, ok := isYear(at(i + 3)); ok {
					e.Year, n = y, 4
				}
			} else if y, ok := isYear(at(i + 2)); ok {
				e.Year, n = y, 3 // "quý III/2022"
			}
			return e, n
		}
	case "thang":
		// "tháng 7", "tháng 6.2018", "tháng 10/2023", "tháng 7 năm 2024";
		// not the month of a date ("ngày 23 tháng 12 năm 2022")
		if _, isNum := atoi(at(i - 1)); isNum && at(i-2) == "ngay" {
			return Expr{}, 0
		}
		if m, y, ok := monthYear(at(i + 1)); ok {
			e := Expr{Year: y, FromMonth: m, ToMonth: m}
			n := 2
			if y == 0 && at(i+2) == "nam" {
				if yy, ok := isYear(at(i + 3)); ok {
					e.Year, n = yy, 4
				}
			}
			if cumulative(at, i) {
				e.FromMonth = 1
			}
			return e, n
		}
	case "ngay":
		// "đến ngày 15/6", "đến ngày 30.6.2022"
		if d, m, y, ok := dayMonth(at(i + 1)); ok && cumulative(at, i) {
			return Expr{Year: y, FromMonth: 1, ToMonth: m, ToDay: d}, 2
		}
	case "trong":
		// "trong năm, tỉnh chỉ giải quyết việc làm …": the year the text
		// is of; not "trong năm 2020" (read at "năm"), "trong năm học",
		// "trong năm tới"
		if at(i+1) == "nam" {
			if _, ok := isYear(at(i + 2)); !ok {
				switch at(i + 2) {
				case "hoc", "toi", "sau", "dau", "cuoi", "nay", "qua", "truoc", "ngoai":
				default:
					return Expr{FromMonth: 1, ToMonth: 12}, 2
				}
			}
		}
	case "tinh":
		// "Tính đến nay, tỉnh đã hoàn thành …": the year to the date of
		// the text
		if at(i+1) == "den" && at(i+2) == "nay" {
			return Expr{FromMonth: 1, ToMonth: 12, Open: true}, 3
		}
	case "dau":
		// "từ đầu năm (2019) đến nay"
		if at(i-1) == "tu" && at(i+1) == "nam" {
			e := Expr{FromMonth: 1, ToMonth: 12}
			n := 2
			if y, ok := isYear(at(i + 2)); ok {
				e.Year, n = y, 3
			}
			if at(i+n) == "den" && at(i+n+1) == "nay" {
				e.Open = true
				n += 2
			}
			return e, n
		}
	}
	// "ước thực hiện đến 30/9/2022", "tính đến hết 31.12.2023": a date with
	// its year after "đến" is "đến ngày …"
	if w != "" && w[0] >= '0' && w[0] <= '9' { // most words are not numbers: skip the parse
		if d, m, y, ok := dayMonth(w); ok && y > 0 && cumulative(at, i) {
			return Expr{Year: y, FromMonth: 1, ToMonth: m, ToDay: d}, 1
		}
	}
	// "6 tháng đầu năm", "sáu tháng cuối năm 2018", "9 tháng năm 2017",
	// "chín tháng", "trong 2 năm 2011-2012"
	n, ok := atoi(w)
	k := i + 1
	if !ok {
		// "sáu tháng đầu năm", "chín tháng năm 2017": a number in words
		// only before a part of a year ("sau tháng …" is "after")
		if at(k) == "thang" && (at(k+1) == "dau" || at(k+1) == "cuoi" || at(k+1) == "nam") {
			// the words after first: a map lookup for every word was
			// a fifth of Find
			if v, ok2 := numberWords[w]; ok2 {
				n, ok = v, true
			}
		}
	}
	if !ok || n < 1 || n > 12 {
		return Expr{}, 0
	}
	switch at(k) {
	case "thang":
		e := Expr{FromMonth: 1, ToMonth: n}
		m := 2
		switch {
		case at(k+1) == "dau" && at(k+2) == "nam":
			m = 4
		case at(k+1) == "cuoi" && at(k+2) == "nam":
			e = Expr{FromMonth: 13 - n, ToMonth: 12}
			m = 4
		case at(k+1) == "nam":
			if _, ok := isYear(at(k + 2)); ok {
				m = 2 // the year is read below
			}
		}
		if at(i+m) == "nam" {
			if y, ok := isYear(at(i + m + 1)); ok {
				e.Year = y
				m += 2
			}
		} else if y, ok := isYear(at(i + m)); ok && m == 4 {
			e.Year = y
			m++
		}
		return e, m
	case "nam":
		if a, b, ok := yearRange(at(k + 1)); ok && b-a+1 == n {
			return Expr{Year: a, ToYear: b, FromMonth: 1, ToMonth: 12}, 3
		}
	}
	return Expr{}, 0
}

// cumulative reports "đến", "tính đến", "lũy kế đến", "đến hết" before word
// i: the span runs from the start of the year.
func cumulative(at func(int) string, i int) bool {
	for k := i - 1; k >= i-3 && k >= 0; k-- {
		switch at(k) {
		case "den", "toi":
			return true
		case "het", "cuoi", "tinh":
			continue
		default:
			return false
		}
	}
	return false
}

// Document is the period a text reports on and its year: the first
// expression with a year in its title and opening paragraphs that is not
// the basis of a comparison ("6 tháng đầu năm 2024"), else the year of the
// report (known), else a year told by a comparison ("so với cùng kỳ năm
// 2022": the text is about 2023), else "năm qua" in a text dated early in
// the next year. ok is false when no year can be told.
func Document(texts []string, date string, known int) (e Expr, year int, ok bool) {
	if known == 0 {
		// "… đạt chuẩn NTM năm 2018 và tổng kết 10 năm thực hiện Chương
		// trình … giai đoạn 2010 - 2020": a review of those years is what
		// the text reports on, whatever year is written before it
		for _, t := range texts {
			if !strings.Contains(t, "kết") {
				continue
			}
			for _, x := range Find(t) {
				if x.ToYear > 0 && !x.Plan && !x.Basis && reviewBefore(t, x.Pos) {
					return x, x.ToYear, true
				}
			}
		}
	}
	var first, named, congress *Expr
	basis, plan := 0, 0
	for _, t := range texts {
		for _, x := range Find(t) {
			if x.Plan {
				// "nhiệm vụ 6 tháng cuối năm 2018": the same year;
				// "phương hướng, nhiệm vụ năm 2018": the year after
				if plan == 0 && x.Year > 0 && x.ToYear == 0 {
					plan = x.Year
					if x.FromMonth == 1 && x.ToMonth == 12 {
						plan--
					}
				}
				continue
			}
			if x.Basis {
				if basis == 0 && x.Year > 0 && x.ToYear == 0 {
					basis = x.Year + 1
				}
				continue
			}
			if x.ToYear > 0 && known == 0 && congressBefore(t, x.Pos) {
				// "Đại hội … lần thứ VI, nhiệm kỳ 2020-2025": the congress
				// opens that term and reviews the one before
				if congress == nil {
					c := Expr{Year: 2*x.Year - x.ToYear, ToYear: x.Year, FromMonth: 1, ToMonth: 12}
					congress = &c
				}
				continue
			}
			if congress != nil && known == 0 && (x.Year > congress.ToYear || x.ToYear > congress.ToYear) {
				// "… nhiệm kỳ 2020-2025, đã thông qua nghị quyết … đến năm
				// 2025 đạt 43%": after the congress, the targets of its term
				continue
			}
			if x.ToYear > 0 && !x.Adverbial && known == 0 {
				// "Ban Chấp hành Đảng bộ huyện nhiệm kỳ 2020-2025 … đánh giá
				// tình hình … năm 2023", "kế hoạch … trung hạn giai đoạn
				// 2021-2025": a term that names an organ or a plan is not
				// what the text reports on; it is taken only when nothing
				// else is written
				if named == nil {
					x := x
					named = &x
				}
				continue
			}
			if first == nil {
				x := x
				first = &x
			}
			if x.Year > 0 && known == 0 && x.ToYear == 0 && x.FromMonth == 1 && x.ToMonth == 1 && x.ToDay > 0 {
				// "Đến ngày 25-01-2019, huyện đã hoàn thành … đánh giá,
				// xếp loại": a year's work closed early in the next
				return Expr{FromMonth: 1, ToMonth: 12}, x.Year - 1, true
			}
			if x.Year > 0 && known == 0 || x.Year == known && known > 0 {
				y := x.Year
				if first.Year == 0 && first.FromMonth == x.FromMonth && first.ToMonth == x.ToMonth {
					// "6 tháng đầu năm … 6 tháng cuối năm 2018": the year is the
					// later expression's
					x = *first
				}
				if y == 0 {
					y = known
					if y == 0 {
						y = yearOf(texts, x)
					}
				}
				if x.ToYear > 0 {
					return x, x.ToYear, true
				}
				return x, y, true
			}
		}
	}
	if congress != nil && (first == nil || first.Year == 0) && basis == 0 && known == 0 {
		return *congress, congress.ToYear, true
	}
	if named != nil && first == nil && basis == 0 {
		return *named, named.ToYear, true
	}
	year = known
	if year == 0 {
		year = basis
	}
	if year == 0 {
		year = plan
	}
	if year == 0 {
		year = pastYear(texts, date)
	}
	if year == 0 {
		return Expr{}, 0, false
	}
	if first != nil && first.Year == 0 {
		return *first, year, true
	}
	return Expr{FromMonth: 1, ToMonth: 12}, year, true
}

// foldedBefore is the text of t in the n bytes before pos, back to the
// start of its sentence, folded.
func foldedBefore(t string, pos, n int) string {
	from := max(0, pos-n)
	for from > 0 && !utf8.RuneStart(t[from]) {
		from--
	}
	before := t[from:pos]
	if i := strings.LastIndexAny(before, ".;!?"); i >= 0 {
		before = before[i+1:]
	}
	return vntext.Fold(before)
}

// congressBefore reports "Đại hội" in the words before byte pos of t, in
// the same sentence.
func congressBefore(t string, pos int) bool {
	f := foldedBefore(t, pos, 90)
	i := strings.LastIndex(f, "dai hoi")
	if i < 0 {
		return false
	}
	// "mục tiêu Đại hội … nhiệm kỳ 2015-2020", "Nghị quyết Đại hội …": the
	// goals the congress set for that term, which the text reports on
	lead := strings.TrimSpace(f[:i])
	for _, w := range []string{"nghi quyet", "muc tieu", "chi tieu", "theo"} {
		if strings.HasSuffix(lead, w) {
			return false
		}
	}
	return true
}

// reviewBefore reports "tổng kết (sơ kết) N năm" in the sentence before
// byte pos of t: the span after it is the time reviewed.
func reviewBefore(t string, pos int) bool {
	f := foldedBefore(t, pos, 160)
	for _, w := range []string{"tong ket ", "so ket "} {
		i := strings.Index(f, w)
		if i < 0 {
			continue
		}
		rest := f[i+len(w):]
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if j > 0 && strings.HasPrefix(rest[j:], " nam") {
			return true
		}
	}
	return false
}

// yearOf is the first year written anywhere in texts.
func yearOf(texts []string, _ Expr) int {
	for _, t := range texts {
		for _, x := range Find(t) {
			if x.Year > 0 && !x.Basis && !(x.ToYear > 0 && !x.Adverbial) {
				return x.Year // not a term that names an organ, not a basis
			}
		}
	}
	return 0
}

// pastYear reads "năm qua" ("the past year") in a text dated in the first
// quarter of the next year, or the year of the date otherwise.
func pastYear(texts []string, date string) int {
	if len(date) < 7 {
		return 0
	}
	y, ok1 := atoi(date[:4])
	m, ok2 := atoi(date[5:7])
	if !ok1 || !ok2 {
		return 0
	}
	for _, t := range texts {
		if strings.Contains(vntext.Fold(t), "nam qua") && m <= 3 {
			return y - 1
		}
	}
	return y
}
