package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/vntext"
)

// Portal furniture is the text a saved web page carries around the article:
// the date line ("Cập nhật ngày: 11/11/2013 04:10:07", "Ngày đăng: …",
// "… (GMT+7)"), the breadcrumb ("Tin tức - Sự kiện / Trong huyện"), bylines
// ("NGUYÊN ĐOAN |", a name alone on the first or last lines), view counts
// and links ("Lượt xem: 4", "< Trở về trang trước", "Các tin bài khác:").
// It stays in the Document as header paragraphs, so nothing is lost, but its
// numbers are not figures and its names are not the issuer.

// furniturePrefixes are folded line openings of portal furniture.
var furniturePrefixes = []string{
	"cap nhat", "ngay dang", "dang ngay", "ngay cap nhat", "thoi gian dang", "luot xem", "so luot xem",
	"luot doc", "< tro ve", "tro ve", "gui binh luan", "binh luan", "cac tin bai khac", "cac tin khac",
	"tin lien quan", "bai lien quan", "tin bai lien quan", "thong tin huu ich", "chia se", "in bai",
	"xem them", "nguon:", "anh:", "(anh:", "tu khoa", "tags:", "tag:", "ban in", "gop y",
}

// isFurniture reports a line of portal furniture. edge says the line is
// among the first or last lines of the text, where a name alone is a
// byline.
func isFurniture(t string, edge bool) bool {
	t = strings.TrimSpace(t)
	if t == "" || wordCountMax(t, 41) > 40 {
		return false // a paragraph of the article, not a line around it
	}
	f := foldPrefix(t, 40)
	for _, p := range furniturePrefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	if strings.Contains(t, "GMT+") || strings.Contains(t, "(GMT") || isDateLine(t) {
		return true
	}
	words := wordCount(t)
	if words <= 16 && !endsSentence(t) && (strings.Count(t, " / ") >= 2 || strings.Count(t, " > ") >= 2 || strings.Count(t, " » ") >= 1) {
		return true // breadcrumb
	}
	if strings.HasSuffix(t, "|") && words <= 8 {
		return true // "NGUYÊN ĐOAN |"
	}
	return edge && isByline(t)
}

// dateLineWords are the words a portal's bare date line may hold besides
// the date and time: "Thứ Ba, 12/12/2017 - 21:31", "Chủ nhật, 05/01/2019".
var dateLineWords = map[string]bool{"thu": true, "hai": true, "ba": true, "tu": true, "nam": true,
	"sau": true, "bay": true, "chu": true, "nhat": true, "ngay": true, "luc": true, "sa": true, "ch": true}

// isDateLine reports a line that is only a date, with a time and a weekday
// perhaps: the date of a saved page, never its title.
func isDateLine(t string) bool {
	if len(t) > 60 || !slashDateRe.MatchString(t) {
		return false
	}
	for _, w := range strings.FieldsFunc(vntext.Fold(t), func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsSpace(r) || strings.ContainsRune("/:-–,.()|", r)
	}) {
		if !dateLineWords[w] {
			return false
		}
	}
	return true
}

// isByline reports one or more personal names alone on a line: "Dương Út",
// "Ngọc Ánh, Piên", "HIỀN THÚY - ĐÌNH HIỆP", "Thu Hoài – Quốc Toản".
func isByline(t string) bool {
	if wordCount(t) > 8 || endsSentence(t) {
		return false
	}
	n := 0
	for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == '-' || r == '–' || r == '&' }) {
		ws := strings.Fields(part)
		if len(ws) == 0 || len(ws) > 4 {
			return false
		}
		for _, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				return false
			}
			for _, c := range w {
				if !unicode.IsLetter(c) && c != '.' {
					return false
				}
			}
			if organWord(w) {
				return false
			}
		}
		n += len(ws)
	}
	return n >= 2
}

// organWord reports a word that names an organ or a place kind, which a
// personal name never contains ("Huyện", "Đảng", "UBND").
func organWord(w string) bool {
	switch vntext.Fold(w) {
	case "huyen", "tinh", "xa", "dang", "uy", "ubnd", "hdnd", "ubkt", "thanh", "pho", "quan", "phuong",
		"bao", "cao", "ke", "hoach", "nghi", "quyet", "ban", "hoi", "so", "phong", "nam", "thang", "ngay":
		return true
	}
	return false
}

// findFurniture marks the portal furniture among the paragraphs: anywhere
// for the date lines, breadcrumbs and links, and on the first three and
// last three lines for a name alone.
func findFurniture(blocks []block.Block, lay *layout) {
	var paras []int
	for i := range blocks {
		if blocks[i].Kind == block.Para && lay.heads[i] == nil && !lay.consumed[i] {
			paras = append(paras, i)
		}
	}
	for k, i := range paras {
		edge := k < 3 || k >= len(paras)-3
		if isFurniture(blocks[i].Text, edge) {
			lay.furniture[i] = true
			lay.listItem[i] = false
		}
	}
}
