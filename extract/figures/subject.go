package figures

import (
	"strings"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// A figure's subject is the sub-unit or level it is about when that is not
// the issuer as a whole: "Cấp tỉnh đã tiến hành kiểm tra 239 lượt …",
// "Riêng UBKT Thành ủy kiểm tra …", "UBKT cấp cơ sở giám sát 31 …". It is
// the organ that opens the figure's clause (or a comma stretch of it,
// after an adverbial or a "X cho biết,"), and it holds for the clauses of
// the sentence after it until another one is named. "Các cấp", "toàn …"
// and an organ named in the title are the whole, not a part.

// organHeads open the name of an organ or a level.
var organHeads = map[pair]bool{
	{"ubkt", ""}: true, {"ủy", "ban"}: true, {"uỷ", "ban"}: true, {"ban", "thường"}: true,
	{"ban", "chấp"}: true, {"thường", "trực"}: true, {"cấp", "ủy"}: true, {"cấp", "uỷ"}: true,
	{"đảng", "ủy"}: true, {"đảng", "uỷ"}: true, {"huyện", "ủy"}: true, {"huyện", "uỷ"}: true,
	{"tỉnh", "ủy"}: true, {"tỉnh", "uỷ"}: true, {"thành", "ủy"}: true, {"thành", "uỷ"}: true,
	{"quận", "ủy"}: true, {"thị", "ủy"}: true, {"đảng", "bộ"}: true, {"chi", "bộ"}: true,
	{"ubnd", ""}: true, {"hđnd", ""}: true, {"hội", "đồng"}: true, {"cấp", "tỉnh"}: true,
	{"cấp", "huyện"}: true, {"cấp", "xã"}: true, {"cấp", "cơ"}: true, {"công", "an"}: true,
	{"btv", ""}: true, {"bch", ""}: true, {"sở", ""}: true, {"mặt", "trận"}: true,
	{"trụ", "sở"}: true, {"ban", "tiếp"}: true, {"ban", "bí"}: true, {"bộ", "chính"}: true,
}

// organAbbrevs open the abbreviated names of organs: "UBKTTW", "UBKTTU"
// (of the Central or a provincial committee), "BTVTU", "UBNDTP".
var organAbbrevs = []string{"ubkt", "ubnd", "btv", "bch", "hđnd"}

// organFirst holds the first words of organHeads: most words open no
// organ, and one string is quicker to look up than two pairs.
var organFirst = func() map[string]bool {
	m := make(map[string]bool)
	for p := range organHeads {
		m[p.a] = true
	}
	return m
}()

func (a *analyzer) organAt(k int) bool {
	w := a.word(k)
	if w == nil {
		return false
	}
	if placeLevels[w.low] {
		// "Huyện Cư Jút có 6/7 xã …", "Riêng Thành phố Gia Nghĩa …": a
		// place by its name (the issuer's own is the whole)
		return a.placeNameAt(k, len(a.toks)) > 0
	}
	if w.low == "thanh" && a.lowAt(k+1) == "tra" {
		// "Thanh tra tỉnh đã thực hiện …", not "thanh tra việc …"
		return inspectorLevels[a.lowAt(k+2)]
	}
	if !organFirst[w.low] {
		if isAllCaps(w.text) && len(w.low) > 4 {
			for _, p := range organAbbrevs {
				if strings.HasPrefix(w.low, p) {
					return true
				}
			}
		}
		return false
	}
	return organHeads[pair{w.low, ""}] || organHeads[pair{w.low, a.lowAt(k + 1)}]
}

// placeLevels open the name of a place ("huyện", "thành phố", "thị xã").
var placeLevels = set("huyện", "quận", "xã", "phường", "tỉnh", "thành", "thị")

// inspectorLevels follow "Thanh tra" in the name of an inspectorate.
var inspectorLevels = set("tỉnh", "huyện", "thành", "quận", "thị", "bộ", "sở", "chính")

// subjects sets the subject of every figure of the container.
func (a *analyzer) subjects(title string) {
	if len(a.cands) == 0 {
		return
	}
	// "Theo báo cáo của UBND huyện Thuận Bắc, trong 6 tháng …": a round-up
	// item about one place, whose figures are all of it
	base := a.sourcePlace()
	if base == "" && a.listItem && a.sent[a.cands[0].tok] == 0 {
		// "* Trong 6 tháng, giá trị sản xuất … huyện Thuận Nam đạt 3.922 tỷ
		// đồng": an item of a round-up, about the place its opening names
		base = a.placeIn(0, a.cands[0].tok)
	}
	if base != "" && whole(base, title) {
		base = ""
	}
	cur, curSent := base, -1
	ci := 0
	segStart := true
	for k := 0; k < len(a.toks) && ci < len(a.cands); k++ {
		if a.sent[k] != curSent {
			cur, curSent = base, a.sent[k]
			segStart = true
		}
		t := &a.toks[k]
		if ci < len(a.cands) && a.cands[ci].tok == k {
			a.cands[ci].fig.Subject = cur
			if a.cands[ci].fig.Kind == schema.KindPercent && a.listRateVerb(k) >= 0 {
				// "Bắc Giang (13,89%)": the place the list item names
				lo := k - 2
				for lo > 0 && a.word(lo-1) != nil && a.toks[lo-1].upper {
					lo--
				}
				a.cands[ci].fig.Subject = a.text[a.toks[lo].pos:a.toks[k-2].endPos]
			}
			ci++
			segStart = false
			continue
		}
		if t.kind == tPunct {
			if t.isPunct(",") || t.isPunct(";") || t.isPunct(":") || t.isPunct("(") || t.isPunct("-") {
				segStart = true
			}
			// a clause after ';' that does not go on with a verb has a
			// subject of its own ("…; theo đó, huyện Đức Linh phấn đấu …")
			if t.isPunct(";") && k+1 < len(a.toks) && !a.verbAt(k+1) {
				cur = base
			}
			continue
		}
		if !segStart || t.kind != tWord {
			segStart = false
			continue
		}
		segStart = false
		if a.requestedOf(k) {
			continue // "đề nghị Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư thi hành …": asked, not acting
		}
		if s, end, ok := a.organPhrase(k); ok {
			cur = s
			if whole(s, title) {
				cur = ""
			}
			k = end - 1
		}
	}
}

// sourcePlace reads "Theo báo cáo (số liệu, thống kê) của <organ> <place>,"
// opening the text: the place ("huyện Thuận Bắc"), or "".
func (a *analyzer) sourcePlace() string {
	k := 0
	for k < len(a.toks) && a.toks[k].kind == tPunct {
		k++ // "* Theo báo cáo …"
	}
	if a.lowAt(k) != "theo" {
		return ""
	}
	end := k + 1
	for end < len(a.toks) && end < k+14 && !a.punctAt(end, ",") {
		end++
	}
	if !a.punctAt(end, ",") || a.lowAt(k+1) != "báo" && a.lowAt(k+1) != "số" && a.lowAt(k+1) != "thống" {
		return ""
	}
	return a.placeIn(k+2, end)
}

// placeIn finds a place by its name among tokens lo..hi-1 ("huyện Thuận
// Nam", "thành phố Gia Nghĩa"): the first one, or "".
func (a *analyzer) placeIn(lo, hi int) string {
	for j := lo; j < hi; j++ {
		if e := a.placeNameAt(j, hi); e > 0 {
			return lowerFirst(a.span(j, e-1))
		}
	}
	return ""
}

// placeNameAt reads a place by its name that opens at token j ("huyện Cư
// Jút", "Thành phố Gia Nghĩa"), its name's capitalized words ending before
// hi: the token after the name, or 0.
func (a *analyzer) placeNameAt(j, hi int) int {
	if !placeLevels[a.lowAt(j)] {
		return 0
	}
	n := j + 1
	if a.lowAt(j) == "thành" || a.lowAt(j) == "thị" {
		if a.lowAt(n) != "phố" && a.lowAt(n) != "xã" && a.lowAt(n) != "trấn" {
			return 0
		}
		n++
	}
	e := n
	for e < hi && a.word(e) != nil && a.toks[e].upper && !isAllCaps(a.toks[e].text) {
		e++
	}
	if e == n {
		return 0
	}
	return e
}

// organPhrase reads an organ phrase that opens at token k ("Riêng", "trong
// đó có" skipped) and is followed by what it did; end is the token after it.
func (a *analyzer) organPhrase(k int) (string, int, bool) {
	switch {
	case a.lowAt(k) == "riêng", a.lowAt(k) == "còn":
		k++
	case a.lowAt(k) == "trong" && a.lowAt(k+1) == "đó":
		k += 2
		if a.lowAt(k) == "có" {
			k++
		}
	}
	if !a.organAt(k) {
		return "", k, false
	}
	lo := k
	n := 0
	// "Ủy ban Kiểm tra", "Ủy ban nhân dân", "Ban Thường vụ": the organ's
	// own name is not a verb
	if (a.lowAt(k) == "ủy" || a.lowAt(k) == "uỷ") && a.lowAt(k+1) == "ban" || a.lowAt(k) == "ban" {
		skip := 2
		if a.lowAt(k) == "ban" {
			skip = 1
		}
		if a.word(k+skip) != nil && a.word(k+skip+1) != nil {
			k += skip + 2
			n += skip + 2
		}
	}
	limit := 8
	for k < len(a.toks) && n < limit {
		t := &a.toks[k]
		if t.isPunct("(") && a.word(k+1) != nil && isAllCaps(a.toks[k+1].text) && a.punctAt(k+2, ")") {
			k += 3 // "Ủy ban Kiểm tra (UBKT) Đảng ủy Khối"
			continue
		}
		if t.isPunct(",") && n > 0 && a.listOfOrgans(lo, k) {
			k++ // "Ủy ban kiểm tra các địa phương, đơn vị kiểm tra 898 …"
			limit = n + 2
			continue
		}
		if t.kind != tWord {
			break
		}
		if n > 0 && t.low == "tập" && a.lowAt(k+1) == "trung" {
			break // "Ủy ban nhân dân huyện tập trung chỉ đạo …": the verb (a "vùng sản xuất tập trung" is no organ)
		}
		if n > 0 && (predicateStop[t.low] && t.low != "và" && t.low != "các" && t.low != "của" || verbPairs[pair{t.low, a.lowAt(k + 1)}] && !organHeads[pair{t.low, a.lowAt(k + 1)}] || subjectVerbs[t.low]) {
			break
		}
		n++
		k++
	}
	if n == limit && a.word(k) != nil && wordPairs[pair{a.lowAt(k - 1), a.lowAt(k)}] {
		k++ // "… các ban Hội đồng nhân dân": not cut inside a word
	}
	hi := k - 1
	for hi > lo && (a.lowAt(hi) == "và" || a.lowAt(hi) == "của" || a.toks[hi].kind == tPunct) {
		hi--
	}
	// an organ followed by a comma or a full stop is named, not acting;
	// one that "cho biết" reports what others did
	if k < len(a.toks) && a.toks[k].kind == tPunct || speechVerbs[pair{a.lowAt(k), a.lowAt(k + 1)}] {
		return "", k, false
	}
	return a.text[a.toks[lo].pos:a.toks[hi].endPos], k, true // a name keeps its capitals, at a sentence start too
}

// requestedOf reports an organ at k listed after a comma in the object of
// a request ("đề nghị", "kiến nghị", "yêu cầu"): the organs asked to act.
func (a *analyzer) requestedOf(k int) bool {
	if !a.punctAt(k-1, ",") {
		return false
	}
	for j := k - 2; j > 0 && j >= k-24; j-- {
		if a.word(j) == nil && !a.punctAt(j, ",") {
			return false
		}
		switch w := a.lowAt(j); {
		case w == "nghị" && (a.lowAt(j-1) == "đề" || a.lowAt(j-1) == "kiến"), w == "cầu" && a.lowAt(j-1) == "yêu":
			return true
		}
	}
	return false
}

// listOfOrgans reports a comma at k inside an organ's name that lists the
// kinds of its members ("các địa phương, đơn vị"): "các" before it and one
// or two words after it that a verb follows.
func (a *analyzer) listOfOrgans(lo, k int) bool {
	hasCác := false
	for j := lo; j < k; j++ {
		if a.lowAt(j) == "các" {
			hasCác = true
		}
	}
	if !hasCác || a.word(k+1) == nil {
		return false
	}
	return a.word(k+2) != nil && (a.verbAt(k+2) || a.word(k+3) != nil && a.verbAt(k+3) && !a.verbAt(k+1))
}

// verbAt reports a verb at token k: a two-syllable verb of reports or one
// of the one-syllable ones.
func (a *analyzer) verbAt(k int) bool {
	w := a.word(k)
	return w != nil && (verbPairs[pair{w.low, a.lowAt(k + 1)}] || subjectVerbs[w.low] || w.low == "đã")
}

// whole reports a subject that stands for the issuer as a whole: all
// levels, the whole province, or the organ the title speaks of.
func whole(s, title string) bool {
	f := " " + vntext.Fold(s) + " "
	if strings.Contains(f, " cac cap ") || strings.HasPrefix(f, " toan ") {
		return true
	}
	// "Đảng bộ huyện", "Đảng bộ huyện Thạch Bàn" when the title names
	// Thạch Bàn: the Party organization whose report it is
	for _, prefix := range partyOrgs {
		if rest, ok := strings.CutPrefix(f, prefix); ok {
			rest = strings.TrimSpace(rest)
			if rest == "" || title != "" && strings.Contains(title, rest) {
				return true
			}
		}
	}
	// "Đảng ủy Khối" is the committee of "Đảng bộ Khối"
	f = strings.ReplaceAll(f, " dang uy ", " dang bo ")
	title = strings.ReplaceAll(" "+title+" ", " dang uy ", " dang bo ")
	ws := strings.Fields(f)
	if len(ws) >= 2 && title != "" {
		head := strings.Join(ws[:min(3, len(ws))], " ")
		if strings.Contains(title, " "+head+" ") {
			return true
		}
	}
	return false
}

// partyOrgs open the folded name of the Party organization of a level,
// spaced as whole looks for them.
var partyOrgs = func() []string {
	var out []string
	for _, lvl := range []string{"huyen", "tinh", "thanh pho", "xa", "phuong", "quan", "thi xa", "khoi"} {
		out = append(out, " dang bo "+lvl+" ")
	}
	return out
}()

// subjectVerbs are one-syllable verbs that end an organ's name ("Đảng ủy
// Khối nhận 7 đơn").
var subjectVerbs = set("nhận", "giao", "trao", "tặng", "thu", "chi", "mở", "lập", "ra", "đề", "chỉ", "xét",
	"khen", "tiến", "đạt", "tăng", "giảm", "có", "là", "được", "bị", "cũng", "vẫn", "đều", "luôn", "tiếp", "vừa", "sẽ")

// speechVerbs after an organ make it the speaker of what follows.
var speechVerbs = pairSet("cho biết", "thông tin", "khẳng định", "nhấn mạnh", "báo cáo", "đánh giá", "nhận định", "công bố")
