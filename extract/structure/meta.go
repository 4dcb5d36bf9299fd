package structure

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

var (
	// "Số 298-BC/HU", "Số: 412/BC-UBND", "Số 81- KH/HU", anywhere in a line:
	// a PDF header may run the two columns into one line.
	numberRe = regexp.MustCompile(`(?i)(?:^|\s)số\s*:?\s*(\d+\s*[-/]\s*[\p{L}\d][\p{L}\d/.\-]*)`)
	// "Thạch Bàn, ngày 23 tháng 12 năm 2022" and "ngày 23/12/2022".
	dateWordsRe = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	dateNumRe   = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})`)
	mottoRe     = regexp.MustCompile(`(?i)đảng cộng sản việt nam|cộng h(?:òa|oà) xã hội chủ nghĩa việt nam|độc lập\s*[-–,]\s*tự do\s*[-–,]\s*hạnh phúc`)
	yearRe      = regexp.MustCompile(`(?i)năm\s+((?:19|20)\d\d)\b`)
	bareYear    = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	planWords   = regexp.MustCompile(`(?i)phương hướng|nhiệm vụ|kế hoạch|mục tiêu|giải pháp|chương trình`)
)

// findMeta reads the header block (issuer, number, place and date, title)
// and the signature block.
func findMeta(blocks []block.Block, lay *layout) schema.Meta {
	var m schema.Meta
	end := lay.hdrEnd
	if lay.titleFrom >= 0 {
		end = lay.titleFrom
	}
	if end > len(blocks) {
		end = len(blocks)
	}
	// issuerLines are the header lines before the document number, mottos
	// and the place-and-date removed.
	var issuerLines []string
	var hdr []block.Block
	for i := range blocks[:end] {
		if !lay.furniture[i] && i != lay.headline {
			hdr = append(hdr, blocks[i])
		}
	}
	letterhead := false // a number or a place and date: the header of an official document
	for _, l := range headerLines(hdr) {
		if mayHaveMotto(l) {
			l = strings.TrimSpace(mottoRe.ReplaceAllString(l, " "))
		}
		if m.Date == "" {
			if place, date, at, ok := findPlaceDate(l); ok {
				m.Place, m.Date = place, date
				l = strings.TrimSpace(l[:at])
				letterhead = true
			}
		}
		if m.Number == "" {
			if sm := numberRe.FindStringSubmatchIndex(l); sm != nil {
				letterhead = true
				m.Number = strings.TrimRight(strings.Join(strings.Fields(l[sm[2]:sm[3]]), ""), ".-/")
				if before := strings.TrimSpace(l[:sm[0]]); before != "" {
					issuerLines = append(issuerLines, before)
				}
				continue
			}
			issuerLines = append(issuerLines, l)
		}
	}
	m.Issuer = findIssuer(issuerLines, letterhead)
	if bareOrgan(m.Issuer) {
		// "HỘI ĐỒNG NHÂN DÂN" over the number, "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ
		// TĨNH" over the resolution: the fuller name of the same organ
		for i := 0; i < lay.hdrEnd && i < len(blocks); i++ {
			if t := strings.TrimSpace(blocks[i].Text); blocks[i].Kind == block.Para && organLine(t) {
				if full := findIssuer([]string{strings.SplitN(t, "\n", 2)[0]}, true); len(full) > len(m.Issuer) && strings.HasPrefix(full, m.Issuer) {
					m.Issuer = full
					break
				}
			}
		}
	}
	if m.Date == "" {
		m.Date = furnitureDate(blocks, lay)
	}
	if lay.titleFrom < 0 && lay.headline >= 0 {
		m.Title = strings.TrimSpace(blocks[lay.headline].Text)
	}
	if lay.titleFrom >= 0 {
		var parts []string
		for i := lay.titleFrom; i < lay.titleTo; i++ {
			if blocks[i].Kind == block.Para && blocks[i].Text != "" {
				parts = append(parts, blocks[i].Text)
			}
		}
		m.Title = strings.Join(parts, " ")
		if d := docTypeOf(m.Title); d != "" {
			m.DocType = sentenceCase(d)
		}
		m.ReportYear, m.PlanYear = titleYears(m.Title)
	}
	if m.DocType == "" {
		m.DocType = typeOfNumber(m.Number)
	}
	m.Signer, m.SignerTitle = findSigner(blocks, lay)
	if m.Issuer == "" {
		m.Issuer = inferIssuer(blocks, lay)
	}
	return m
}

// partyBodyRe finds "Đảng bộ huyện Vĩnh Bảo" in running text.
var partyBodyRe = regexp.MustCompile(`Đảng bộ (huyện|tỉnh|thành phố|quận|thị xã|xã|phường|thị trấn) ((?:\p{Lu}\p{Ll}*)(?: \p{Lu}\p{Ll}*){0,3})`)

// committees names the Party committee of each administrative level.
var committees = map[string]string{
	"huyện": "Huyện ủy", "tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "quận": "Quận ủy", "thị xã": "Thị ủy",
	"xã": "Đảng ủy xã", "phường": "Đảng ủy phường", "thị trấn": "Đảng ủy thị trấn",
}

// inferIssuer names the issuer of a report whose header is missing (an
// export that starts at the title) from what it says of itself: signed for
// a Party standing committee ("T/M BAN THƯỜNG VỤ") and speaking of "Đảng
// bộ huyện Vĩnh Bảo", it is the Huyện ủy Vĩnh Bảo. It returns "" when the
// signature is not a Party committee's or no Đảng bộ is named.
func inferIssuer(blocks []block.Block, lay *layout) string {
	party := false
	for i := lay.closeFrom; i < len(blocks); i++ {
		if blocks[i].Kind == block.Para && signatureIntent(blocks[i].Text) {
			f := foldPrefix(blocks[i].Text, 60)
			party = strings.Contains(f, "ban thuong vu") || strings.Contains(f, "ban chap hanh") || strings.Contains(f, "dang uy")
			break
		}
	}
	if !party {
		return ""
	}
	counts := map[string]int{}
	best, bestN := "", 0
	for i := range blocks {
		b := &blocks[i]
		if b.Kind != block.Para || !strings.Contains(b.Text, "Đảng bộ") {
			continue
		}
		for _, sm := range partyBodyRe.FindAllStringSubmatch(b.Text, -1) {
			name := committees[sm[1]] + " " + sm[2]
			counts[name]++
			if counts[name] > bestN {
				best, bestN = name, counts[name]
			}
		}
	}
	return best
}

// mayHaveMotto is a cheap test before mottoRe: every motto ends in "NAM"
// or "phúc", in either case.
func mayHaveMotto(l string) bool {
	return strings.Contains(l, "NAM") || strings.Contains(l, "Nam") || strings.Contains(l, "nam") ||
		strings.Contains(l, "húc") || strings.Contains(l, "HÚC")
}

// headerLines returns the lines of the header block; a Word header is
// often a table (issuer and number on the left, motto and date on the
// right), read here cell by cell.
func headerLines(blocks []block.Block) []string {
	var out []string
	for i := range blocks {
		b := &blocks[i]
		switch b.Kind {
		case block.Para:
			out = append(out, b.Text)
		case block.Table:
			for _, row := range b.Rows {
				for _, c := range row {
					for _, l := range strings.Split(c, "\n") {
						if l = strings.TrimSpace(l); l != "" {
							out = append(out, l)
						}
					}
				}
			}
		}
	}
	return out
}

// findPlaceDate finds "Place, ngày d tháng m năm y" in a header line; at is
// where the place (or the date, without one) starts.
func findPlaceDate(l string) (place, date string, at int, ok bool) {
	if !strings.Contains(l, "à") && !strings.Contains(l, "À") {
		// both patterns need "ngày", in either case: a line without its
		// "à" is passed over before the regexps, which cost far more
		return "", "", 0, false
	}
	sm := dateWordsRe.FindStringSubmatchIndex(l)
	if sm == nil {
		sm = dateNumRe.FindStringSubmatchIndex(l)
	}
	if sm == nil {
		return "", "", 0, false
	}
	d, _ := strconv.Atoi(l[sm[2]:sm[3]])
	mo, _ := strconv.Atoi(l[sm[4]:sm[5]])
	y, _ := strconv.Atoi(l[sm[6]:sm[7]])
	if d < 1 || d > 31 || mo < 1 || mo > 12 {
		return "", "", 0, false
	}
	// The place is the run of capitalized words before ", ngày"; capitals
	// before it belong to the other column of the header.
	before := strings.TrimRight(l[:sm[0]], " ,*")
	words := strings.Fields(before)
	k := len(words)
	for k > 0 && len(words)-k < 6 {
		w := strings.Trim(words[k-1], "*,")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || (isUpper(w) && !strings.HasSuffix(w, ".")) {
			break
		}
		k--
	}
	place = strings.Trim(strings.Join(words[k:], " "), " ,*")
	at = sm[0]
	if place != "" {
		at = strings.LastIndex(l[:sm[0]], words[k])
	}
	return place, fmt.Sprintf("%04d-%02d-%02d", y, mo, d), at, true
}

func parsePlaceDate(l string) (place, date string, ok bool) {
	place, date, _, ok = findPlaceDate(l)
	return place, date, ok
}

// titleYears reads the report year (the first year of the title) and the
// plan year (the first year after "phương hướng", "nhiệm vụ", … that follows
// it): "… năm 2022; phương hướng, nhiệm vụ năm 2023".
func titleYears(title string) (report, plan int) {
	ys := yearRe.FindAllStringSubmatchIndex(title, -1)
	if len(ys) == 0 {
		ys = bareYear.FindAllStringSubmatchIndex(title, -1)
	}
	if len(ys) == 0 {
		return 0, 0
	}
	report, _ = strconv.Atoi(title[ys[0][2]:ys[0][3]])
	after := ys[0][1]
	if loc := planWords.FindStringIndex(title[after:]); loc != nil {
		from := after + loc[1]
		for _, y := range ys[1:] {
			if y[0] >= from {
				plan, _ = strconv.Atoi(title[y[2]:y[3]])
				return report, plan
			}
		}
	}
	for _, y := range ys[1:] {
		if v, _ := strconv.Atoi(title[y[2]:y[3]]); v != report {
			return report, v
		}
	}
	return report, 0
}

// adminUnits are the words for administrative units, longest first.
var adminUnits = []string{"thanh pho", "thi xa", "thi tran", "huyen", "tinh", "quan", "xa", "phuong"}

// organs maps the folded name of an issuing body to how it is written in
// running text.
var organs = []struct{ fold, display string }{
	{"uy ban nhan dan", "UBND"},
	{"ubnd", "UBND"},
	{"hoi dong nhan dan", "HĐND"},
	{"hdnd", "HĐND"},
	{"uy ban mat tran to quoc viet nam", "Ủy ban MTTQ Việt Nam"},
	{"ban thuong vu huyen uy", "Ban Thường vụ Huyện ủy"},
	{"ban thuong vu tinh uy", "Ban Thường vụ Tỉnh ủy"},
	{"ban thuong vu thanh uy", "Ban Thường vụ Thành ủy"},
	{"uy ban kiem tra huyen uy", "Ủy ban Kiểm tra Huyện ủy"},
	{"huyen uy", "Huyện ủy"},
	{"tinh uy", "Tỉnh ủy"},
	{"thanh uy", "Thành ủy"},
	{"quan uy", "Quận ủy"},
	{"thi uy", "Thị ủy"},
	{"dang uy", "Đảng ủy"},
	{"dang bo", "Đảng bộ"},
	{"chi bo", "Chi bộ"},
}

// furnitureDate is the date a saved web page was posted or updated
// ("Ngày đăng: 05/01/2019", "Cập nhật lúc 21:49, Thứ Sáu, 10/01/2020
// (GMT+7)"), or "".
func furnitureDate(blocks []block.Block, lay *layout) string {
	for i := range blocks {
		if !lay.furniture[i] {
			continue
		}
		if sm := slashDateRe.FindStringSubmatch(blocks[i].Text); sm != nil {
			d, _ := strconv.Atoi(sm[1])
			mo, _ := strconv.Atoi(sm[2])
			y, _ := strconv.Atoi(sm[3])
			if d >= 1 && d <= 31 && mo >= 1 && mo <= 12 {
				return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
			}
		}
	}
	return ""
}

var slashDateRe = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b`)

// findIssuer picks the issuing body from the header lines before the
// document number: the last organ named there ("ĐẢNG BỘ TỈNH HÀ GIANG MỚI /
// HUYỆN ỦY THẠCH BÀN" → the Huyện ủy; "ỦY BAN NHÂN DÂN / HUYỆN THẠCH BÀN" →
// the UBND of the huyện), in reading case. Lines in capitals that name no
// organ are an issuer only in a letterhead (with a number or a place and
// date): elsewhere they are a byline or a heading.
func findIssuer(lines []string, letterhead bool) string {
	var words []string
	for _, l := range lines {
		if l == "" || !isUpper(l) || wordCount(l) > 16 {
			continue
		}
		words = append(words, strings.Fields(l)...)
	}
	if len(words) == 0 {
		return ""
	}
	folded := strings.Fields(vntext.Fold(strings.Join(words, " ")))
	if len(folded) != len(words) {
		return issuerCase(strings.Join(words, " "))
	}
	start := -1
	joined := strings.Join(folded, " ") + " "
	at := 0
	for i := range words {
		if organOf(joined[at:]) != "" {
			start = i
		}
		at += len(folded[i]) + 1
	}
	if start < 0 {
		if !letterhead {
			return ""
		}
		return issuerCase(strings.Join(words, " "))
	}
	return issuerCase(strings.Join(words[start:], " "))
}

// numberTypes are the type codes of document numbers ("73/NQ-HĐND").
var numberTypes = map[string]string{"NQ": "Nghị quyết", "QĐ": "Quyết định", "BC": "Báo cáo", "KH": "Kế hoạch",
	"CT": "Chỉ thị", "TB": "Thông báo", "TTr": "Tờ trình", "HD": "Hướng dẫn", "KL": "Kết luận", "CTr": "Chương trình"}

// typeOfNumber reads the document type from its number's code, or "".
func typeOfNumber(n string) string {
	i := strings.IndexByte(n, '/')
	if i < 0 {
		return ""
	}
	code := n[i+1:]
	if j := strings.IndexAny(code, "-/"); j >= 0 {
		code = code[:j]
	}
	return numberTypes[code]
}

// bareOrgan reports an issuer that is an organ without its place: "HĐND",
// "UBND".
func bareOrgan(s string) bool {
	if s == "" {
		return false
	}
	for _, o := range organs {
		if s == o.display {
			return true
		}
	}
	return false
}

// organOf returns the folded organ name f starts with, or "". f ends
// with a space.
func organOf(f string) string {
	for _, o := range organs {
		if strings.HasPrefix(f, o.fold) && len(f) > len(o.fold) && f[len(o.fold)] == ' ' {
			return o.fold
		}
	}
	return ""
}

// issuerCase writes an issuer given in capitals the way running text does:
// "HUYỆN ỦY THẠCH BÀN" → "Huyện ủy Thạch Bàn", "ỦY BAN NHÂN DÂN HUYỆN
// THẠCH BÀN" → "UBND huyện Thạch Bàn".
func issuerCase(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return ""
	}
	// Fold keeps the spaces, so folded words line up with words.
	fw := strings.Fields(vntext.Fold(strings.Join(words, " ")))
	if len(fw) != len(words) {
		return sentenceCase(strings.Join(words, " "))
	}
	folded := strings.Join(fw, " ") + " "
	var out []string
	k := 0
	for _, o := range organs {
		if strings.HasPrefix(folded, o.fold+" ") {
			out = append(out, o.display)
			k = strings.Count(o.fold, " ") + 1
			break
		}
	}
	if k == 0 {
		// An unknown body: sentence case, the way it would start a sentence.
		return sentenceCase(strings.Join(words, " "))
	}
	rest := strings.Join(fw[k:], " ") + " "
	for _, u := range adminUnits {
		n := strings.Count(u, " ") + 1
		if strings.HasPrefix(rest, u+" ") && n < len(words)-k {
			for _, w := range words[k : k+n] {
				out = append(out, strings.ToLower(w))
			}
			k += n
			break
		}
	}
	for _, w := range words[k:] {
		out = append(out, titleWord(w))
	}
	return strings.Join(out, " ")
}

func titleWord(w string) string {
	w = strings.ToLower(w)
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

func sentenceCase(s string) string {
	return titleWord(s)
}

// positions are office titles, each written with its first word capitalized
// ("PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư Thường trực"), longest first.
var positions = []string{
	"chủ tịch", "bí thư", "thường trực", "thường vụ", "giám đốc", "chánh văn phòng",
	"trưởng ban", "trưởng phòng", "chủ nhiệm", "ủy viên", "uỷ viên", "thủ trưởng", "văn phòng",
	"phó", "trưởng", "tổng",
}

// positionKeys are the positions as vntext keys, split into words.
var positionKeys = func() [][]string {
	out := make([][]string, len(positions))
	for i, p := range positions {
		out[i] = strings.Fields(vntext.Key(p))
	}
	return out
}()

func positionCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	keys := strings.Fields(vntext.Key(strings.Join(words, " ")))
	if len(keys) != len(words) {
		keys = words
	}
	var out []string
	for k := 0; k < len(words); {
		matched := 0
		for _, pk := range positionKeys {
			if len(pk) <= len(keys)-k && slices.Equal(keys[k:k+len(pk)], pk) {
				matched = len(pk)
				break
			}
		}
		if matched == 0 {
			out = append(out, words[k])
			k++
			continue
		}
		out = append(out, titleWord(words[k]))
		out = append(out, words[k+1:k+matched]...)
		k += matched
	}
	if len(out) > 0 {
		out[0] = titleWord(out[0])
	}
	return strings.Join(out, " ")
}

// findSigner reads the signature block: after "T/M …", "TM. …", "KT. …"
// come the signer's title in capitals and then the name; without such a
// line, the name is the last line of the document.
func findSigner(blocks []block.Block, lay *layout) (name, title string) {
	var lines []string
	from := lay.closeFrom
	if from >= len(blocks) {
		from = len(blocks) - 20
	}
	if from < lay.hdrEnd {
		from = lay.hdrEnd
	}
	if from < 0 {
		from = 0
	}
	for i := from; i < len(blocks); i++ {
		b := &blocks[i]
		switch b.Kind {
		case block.Para:
			if !b.List {
				lines = append(lines, b.Text)
			}
		case block.Table:
			for _, row := range b.Rows {
				for _, c := range row {
					for _, l := range strings.Split(c, "\n") {
						if l = strings.TrimSpace(l); l != "" {
							lines = append(lines, l)
						}
					}
				}
			}
		}
	}
	start := -1
	for k, l := range lines {
		if signatureIntent(l) {
			start = k
			break
		}
	}
	var sig []string
	for k := start + 1; k < len(lines); k++ {
		l := strings.TrimSpace(lines[k])
		if l == "" || isSignedNote(l) || isRecipients(l) {
			continue
		}
		sig = append(sig, l)
	}
	if start < 0 {
		// No intent line: only the last lines can be the signature.
		if len(sig) > 3 {
			sig = sig[len(sig)-3:]
		}
	}
	for k := len(sig) - 1; k >= 0; k-- {
		if !isName(sig[k]) {
			continue
		}
		name = sig[k]
		if isUpper(name) {
			name = titleWords(name)
		}
		if k > 0 && isUpper(sig[k-1]) {
			title = positionCase(sig[k-1])
		} else if start >= 0 {
			title = positionFromIntent(lines[start])
		}
		return name, title
	}
	return "", ""
}

// isSignedNote reports "(Đã ký)", "(ký tên, đóng dấu)" and the like.
func isSignedNote(l string) bool {
	f := vntext.Fold(strings.Trim(l, "()[]* "))
	return f == "da ky" || strings.HasPrefix(f, "ky ten") || f == "ky" || strings.HasPrefix(f, "da ky")
}

// isName reports a personal name: two to six words, each capitalized, no
// digits or punctuation.
func isName(l string) bool {
	ws := strings.Fields(l)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) {
				return false
			}
		}
	}
	return !isUpper(l) || !signatureIntent(l)
}

func titleWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = titleWord(w)
	}
	return strings.Join(ws, " ")
}

// positionFromIntent takes the office from a one-line signature block
// ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH").
func positionFromIntent(l string) string {
	f := vntext.Fold(l)
	words := strings.Fields(l)
	fw := strings.Fields(f)
	for k := 1; k < len(fw); k++ {
		for _, p := range []string{"pho", "bi thu", "chu tich", "giam doc", "truong"} {
			if strings.HasPrefix(strings.Join(fw[k:], " "), p+" ") || strings.Join(fw[k:], " ") == p {
				return positionCase(strings.Join(words[k:], " "))
			}
		}
	}
	return ""
}
