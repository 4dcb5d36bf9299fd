package figures

import (
	"math"
	"strings"

	"github.com/baocao/baocao/schema"
)

// family groups kinds that can be parts of one another: counts of counts,
// money of money, areas of areas.
func family(c *cand) string {
	switch c.fig.Kind {
	case schema.KindCount, schema.KindMoney, schema.KindArea:
		return c.fig.Kind
	case schema.KindRatio:
		return schema.KindCount // "kết nạp 260/251 đảng viên, trong đó …"
	}
	return ""
}

// canBePart reports whether c may be a part or a total in a breakdown.
func canBePart(c *cand) bool {
	return family(c) != "" && !c.rate && c.fig.Role != schema.RoleChange
}

func compatible(total, part *cand) bool {
	if family(total) != family(part) {
		return false
	}
	if total.class != classNone && part.class != classNone && total.class != part.class {
		return false
	}
	return part.fig.ValueNormalized <= total.fig.ValueNormalized*(1+1e-9)
}

// sameNounOutside finds, for a change of a count in parentheses, the count
// of the same noun before the parenthesis in its sentence: the index, or -1.
func (a *analyzer) sameNounOutside(i int) int {
	c := &a.cands[i]
	if c.fig.Role != schema.RoleChange || c.fig.Kind != schema.KindCount || c.head == "" || a.depth[c.tok] == 0 {
		return -1
	}
	for j := i - 1; j >= 0 && j >= i-maxLookFigures && a.sent[a.cands[j].tok] == a.sent[c.tok]; j-- {
		r := &a.cands[j]
		if r.fig.Role != schema.RoleChange && a.depth[r.tok] < a.depth[c.tok] && r.head == c.head && isCountKind(r.fig.Kind) {
			return j
		}
	}
	return -1
}

// sameCounted reports a part that counts what its total counts: the same
// noun, or people under another word ("kỷ luật 56 đảng viên … 29 trường
// hợp", "kết nạp 486 đảng viên … 420 đồng chí").
func sameCounted(total, part *cand) bool {
	if part.head == total.head {
		return true
	}
	return total.class == classPerson && total.head != "lượt" && (part.class == classPerson && part.head != "lượt" || strings.EqualFold(part.fig.Unit, "trường hợp"))
}

// candAt returns the index of the figure whose number is token k, or -1.
func (a *analyzer) candAt(k int) int {
	if k < 0 || k >= len(a.candOf) {
		return -1
	}
	return a.candOf[k]
}

// Reach limits: how far the linking rules look, in figures or tokens. A
// breakdown, a clause or a parenthesis longer than this is not one a report
// writes, and the limits keep a pathological paragraph (thousands of
// numbers in one sentence) linear.
const (
	maxLookFigures = 40
	maxScopeTokens = 400
)

// totalBefore finds the nearest figure before token k in the same sentence
// that can be the total of part: same family, not inside a closed
// parenthesis that k is not in.
func (a *analyzer) totalBefore(k int, part *cand) int {
	d := a.depth[k]
	i := len(a.cands) - 1
	for k2 := k - 1; k2 >= 0; k2-- {
		if j := a.candAt(k2); j >= 0 {
			i = j
			break
		}
		if k-k2 > maxScopeTokens {
			return -1
		}
	}
	for n := 0; i >= 0 && n < maxLookFigures; i, n = i-1, n+1 {
		c := &a.cands[i]
		if c.tok >= k {
			continue
		}
		if a.sent[c.tok] != a.sent[k] {
			break
		}
		if a.depth[c.tok] > d {
			continue
		}
		if canBePart(c) && family(c) == family(part) {
			if compatible(c, part) {
				return i
			}
			return -1
		}
	}
	return -1
}

// markerAt reports a breakdown marker starting at token k and its length in
// tokens ("trong đó", "gồm", "bao gồm").
func (a *analyzer) markerAt(k int) int {
	w := a.word(k)
	if w == nil {
		return 0
	}
	switch w.low {
	case "trong", "bao", "gồm", "cụ", "chia", "hình":
	case "có":
		// "… 982 đảng viên, có 4.307 cấp ủy viên các cấp": those among them
		if k >= 2 && a.punctAt(k-1, ",") && a.isNum(k+1) && a.unitOfFigure(k-2) {
			return 1
		}
		return 0
	default:
		return 0
	}
	if w.low == "trong" && a.sentenceOpens(k) && a.lowAt(k+1) != "đó" && a.lowAt(k+1) != "số" {
		// "Trong thu nội địa, thu từ khu vực DNNN … 432,9 tỷ đồng; …": the
		// total named again at the head of its breakdown
		if n := a.namedTotal(k); n > 0 {
			return n
		}
		return 0
	}
	if w.low == "trong" && a.lowAt(k+1) == "số" {
		// "Trong số đảng viên mới kết nạp nói trên, có 21 …": the total
		// named again, before
		for j := k + 2; j < len(a.toks) && j < k+12; j++ {
			if a.word(j) == nil {
				if a.punctAt(j, ",") && (a.lowAt(j-1) == "trên" || a.lowAt(j-1) == "này") {
					return j - k + 1
				}
				return 0
			}
		}
		return 0
	}
	if markerPairs[pair{w.low, a.lowAt(k + 1)}] {
		if w.low == "hình" && a.lowAt(k-1) != "với" && a.lowAt(k-1) != "các" {
			// "Hình thức kỷ luật đảng viên: khiển trách 28, …" opening a
			// sentence: the forms of the discipline said before
			if (a.lowAt(k+2) == "kỷ" || a.lowAt(k+2) == "kỉ") && a.lowAt(k+3) == "luật" && (a.sentenceOpens(k) || a.lowAt(k-1) == "về" && a.sentenceOpens(k-1)) {
				for j := k + 4; j < len(a.toks) && j <= k+7; j++ {
					if a.punctAt(j, ":") {
						return j - k
					}
					if a.word(j) == nil {
						break
					}
				}
			}
			return 0 // "với (các) hình thức: khiển trách 26, …", not any "hình thức"
		}
		return 2
	}
	if markerSingles[w.low] {
		return 1
	}
	return 0
}

// namedTotal reads "Trong X," at token k, X a few words that are not a
// time ("Trong năm 2023,", "Trong kỳ,", "Trong tháng,"): the marker's
// length, or 0.
func (a *analyzer) namedTotal(k int) int {
	j := k + 1
	for j < len(a.toks) && j <= k+6 && a.word(j) != nil && !a.inPeriod[j] {
		switch a.toks[j].low {
		case "năm", "tháng", "quý", "kỳ", "thời", "tuần", "ngày", "dịp", "giai", "nhiệm", "quá", "lúc", "khi", "đợt", "vụ":
			return 0
		}
		j++
	}
	if j == k+1 || !a.punctAt(j, ",") {
		return 0
	}
	return j - k // up to the comma, as "Trong đó,"
}

// linkMarkers ties the parts after "trong đó", "gồm", "bao gồm" to the
// total before them. Without a colon the list ends with the clause, unless
// the next clause opens with another part ("…, bằng 14,8%; 4.978 đảng
// viên …"); with a colon it runs to the end of the sentence or parenthesis.
func (a *analyzer) linkMarkers() {
	for m := 0; m < len(a.toks); m++ {
		ml := a.markerAt(m)
		if ml == 0 {
			continue
		}
		start := m + ml
		if a.lowAt(start) == "có" {
			start++
		}
		colon := a.punctAt(start, ":")
		if colon {
			start++
		}
		d := a.depth[m]
		// a breakdown that opens its sentence ("Trong đó, …; …; …") runs
		// to the sentence's end, as one after a colon does
		end := a.scopeEnd(start, d, colon || d == 0 && a.sentenceOpens(m))
		first := -1
		for k := start; k < end; k++ {
			if i := a.candAt(k); i >= 0 {
				c := &a.cands[i]
				if a.depth[c.tok] == d && canBePart(c) && !c.linked {
					first = i
					break
				}
			}
		}
		if first < 0 {
			continue
		}
		total := a.totalBefore(m, &a.cands[first])
		if total < 0 && (a.sentenceOpens(m) || a.lowAt(m-1) == "về" && a.sentenceOpens(m-1)) {
			// "… 208 quần chúng ưu tú vào Đảng … Trong đó, có 45 …": the
			// breakdown opens the next sentence
			total = a.totalInSentence(a.sent[m]-1, start, end, d, &a.cands[first])
			if total < 0 && !colon && a.sent[m] > 0 {
				// "… kỷ luật 56 đảng viên. Trong đó, cấp uỷ viên các cấp có 21
				// đồng chí; Ban Thường vụ … 1, …": the whole sentence adds up
				// to more, its first clause is the breakdown
				if e := a.scopeEnd(start, d, false); e < end {
					end = e
					total = a.totalInSentence(a.sent[m]-1, start, end, d, &a.cands[first])
				}
			}
			if total < 0 && a.sent[m] == 0 {
				a.orphans = append(a.orphans, orphan{start, end, d, first})
			}
		}
		if total < 0 {
			continue
		}
		end = a.sumEnd(total, start, end, d)
		partial := a.lowAt(m) == "trong" || a.openEnded(start, end)
		a.linkItems(total, start, end, d, partial)
		a.linkOtherKind(total, start, end, d, partial)
	}
}

// sumEnd carries a list that ended at a ';' on through the clauses after
// it when, with them, its parts add up to the total: "Trong đó doanh thu
// bán lẻ hàng hóa ước đạt 1.191,8 tỷ đồng, chiếm 94,38%; dịch vụ lưu trú,
// ăn uống ước đạt 48,5 tỷ đồng, …; du lịch-dịch vụ khác ước đạt 22,4 tỷ
// đồng" after 1.262,7 tỷ đồng. end, or the end of the last such clause.
func (a *analyzer) sumEnd(total, start, end, d int) int {
	if end >= len(a.toks) || !a.toks[end].isPunct(";") || a.depth[end] != d {
		return end
	}
	tc := &a.cands[total]
	fits := func(c *cand) bool { return c.index != total && canBePart(c) && !c.linked && compatible(tc, c) }
	want := tc.fig.ValueNormalized
	for e := end; e < len(a.toks) && a.toks[e].isPunct(";") && a.depth[e] == d; {
		next := e + 1
		for next < len(a.toks) && !isSentenceEnd(&a.toks[next]) && a.depth[next] >= d && !(a.depth[next] == d && a.toks[next].isPunct(";")) {
			next++
		}
		sum := 0.0
		for _, ci := range a.items(start, next, d, fits) {
			sum += a.cands[ci].fig.ValueNormalized
		}
		if sum > want*(1+sumSlack) {
			break
		}
		if math.Abs(sum-want) <= want*sumSlack {
			return next
		}
		if next >= len(a.toks) || !a.toks[next].isPunct(";") {
			break
		}
		e = next
	}
	return end
}

// linkOfTotal ties "662 trong tổng số 686 TCCSĐ" together: 662 is a part
// of 686.
func (a *analyzer) linkOfTotal() {
	for i := range a.cands {
		c := &a.cands[i]
		if c.ofTotal == 0 || c.linked {
			continue
		}
		if t := a.candAt(c.ofTotal); t >= 0 && t != i && compatible(&a.cands[t], c) {
			c.parent, c.linked = t, true
		}
	}
}

// orphan is a breakdown that opens a container without a total in it
// ("Trong đó: Thu nội địa …" after a paragraph with the total): Find looks
// for the total in the container before.
type orphan struct{ start, end, depth, first int }

// sentenceOpens reports a marker at the head of its sentence.
func (a *analyzer) sentenceOpens(m int) bool {
	k := m - 1
	for k >= 0 && a.toks[k].kind == tPunct && !isSentenceEnd(&a.toks[k]) {
		k-- // "… 9.300 tỷ đồng. | Trong đó: …"
	}
	return k < 0 || isSentenceEnd(&a.toks[k])
}

// items returns, for each item of the list start..end (split at commas,
// semicolons and "và" on depth d), the first figure of the item that fits.
func (a *analyzer) items(start, end, d int, fits func(*cand) bool) []int {
	var out []int
	taken := false
	for k := start; k < end; k++ {
		t := &a.toks[k]
		if a.depth[k] == d && (t.isPunct(",") || t.isPunct(";") || t.isWord("và")) {
			taken = false
			continue
		}
		if taken || t.kind != tNum || a.depth[k] != d {
			continue
		}
		if ci := a.candAt(k); ci >= 0 && fits(&a.cands[ci]) {
			out = append(out, ci)
			taken = true
		}
	}
	return out
}

// orphanParts lists the figures an orphan breakdown would make parts, as
// linkItems takes them, with their sum.
func (a *analyzer) orphanParts(o orphan) (parts []int, sum float64) {
	first := &a.cands[o.first]
	parts = a.items(o.start, o.end, o.depth, func(c *cand) bool {
		return canBePart(c) && !c.linked && family(c) == family(first)
	})
	for _, ci := range parts {
		sum += a.cands[ci].fig.ValueNormalized
	}
	return parts, sum
}

// itemSum is the sum of the first fitting figure of each item of the list
// start..end, as linkItems would take them.
func (a *analyzer) itemSum(start, end, d int, first *cand) float64 {
	sum := 0.0
	// parts of another kind ("80 tổ chức Đảng … và 2.869 đảng viên") are
	// of another total (linkOtherKind)
	for _, ci := range a.items(start, end, d, func(c *cand) bool {
		return canBePart(c) && family(c) == family(first) && (c.class == classNone || first.class == classNone || c.class == first.class)
	}) {
		sum += a.cands[ci].fig.ValueNormalized
	}
	return sum
}

// totalInSentence picks the total of a breakdown from sentence s: the
// figure the parts add up to, else the first that can hold them.
func (a *analyzer) totalInSentence(s, start, end, d int, first *cand) int {
	if s < 0 {
		return -1
	}
	sum := a.itemSum(start, end, d, first)
	best := -1
	for i := range a.cands {
		c := &a.cands[i]
		if a.sent[c.tok] != s || a.depth[c.tok] != 0 || !canBePart(c) || !compatible(c, first) {
			continue
		}
		if c.linked {
			// "Trong đó, cây lương thực 4.240,4 ha, … . Gồm: Cây lúa
			// 3.502,3 ha, …; cây bắp 734 ha, …; cây mía …": a part is the
			// total of the next breakdown when two or more of its first
			// items add up to it (one item equal to a part is chance)
			items := a.items(start, end, d, func(x *cand) bool { return canBePart(x) && family(x) == family(first) })
			if len(items) >= 2 && math.Abs(c.fig.ValueNormalized-sum) < 1e-6*math.Max(1, sum) || a.prefixParts(items, c.fig.ValueNormalized) > 0 {
				return i
			}
			continue
		}
		if math.Abs(c.fig.ValueNormalized-sum) < 1e-6*math.Max(1, sum) {
			return i
		}
		// "… giao chỉ tiêu cho 22 cơ sở đảng kết nạp 170 đảng viên. Trong
		// đó, đảng viên là học sinh từ 06 đồng chí; …": what counts the
		// same things as the parts comes first
		if c.fig.ValueNormalized >= sum && (best < 0 || !sameCounted(&a.cands[best], first) && sameCounted(c, first)) {
			best = i
		}
	}
	return best
}

// scopeEnd returns the token after the list that starts at start. A list
// goes on past a ';' when the next clause opens with a number, or, after a
// colon, when ';' is what separates its items (the first mark after its
// first number is ';': "gồm: 133 quyết định; 02 quy định; …").
func (a *analyzer) scopeEnd(start, d int, colon bool) int {
	semicolons := false
	if colon {
		seenNum := false
		for k := start; k < len(a.toks) && k < start+maxScopeTokens && !isSentenceEnd(&a.toks[k]); k++ {
			t := &a.toks[k]
			if t.kind == tNum {
				seenNum = true
			}
			if seenNum && a.depth[k] == d && (t.isPunct(",") || t.isPunct(";")) {
				semicolons = t.isPunct(";") || a.attributeThenItems(k, d)
				break
			}
		}
	}
	k := start
	for ; k < len(a.toks) && k < start+maxScopeTokens; k++ {
		t := &a.toks[k]
		if a.depth[k] < d || (t.isPunct(")") && a.depth[k] == d && d > 0) {
			return k
		}
		if isSentenceEnd(t) {
			return k
		}
		if k > start && a.depth[k] == d && (t.isWord("gồm") || t.isWord("bao") && a.lowAt(k+1) == "gồm") && a.punctAt(k-1, ",") {
			// "trong đó có 327 cấp ủy viên các cấp, gồm: 1 tỉnh ủy viên, …":
			// the breakdown of the part is its own list
			return k
		}
		if t.isPunct(";") && a.depth[k] == d && !semicolons {
			if k+1 < len(a.toks) && a.toks[k+1].kind == tNum && a.candAt(k+1) >= 0 {
				continue
			}
			// "Trong đó, ngành nông-lâm nghiệp … là 3.621,68 tỷ đồng, …;
			// ngành công nghiệp-xây dựng 3.671,79 tỷ đồng, …": the next
			// clause opens with the word the list's first item opened with
			if f := a.firstWord(start); f != "" && a.lowAt(k+1) == f && !predicateStop[f] {
				continue
			}
			// "Hoàn thành xuất sắc nhiệm vụ 28; …; Không hoàn thành nhiệm vụ
			// 09": one list of ratings
			if a.ratingOpens(start) && isRating(a.lowAt(k+1), a.lowAt(k+2), a.lowAt(k+3)) {
				continue
			}
			return k
		}
	}
	return k
}

// attributeThenItems reports a comma at token k that goes on with a
// percent or a change of the item before it, in a sentence whose items are
// then separated by ';': "thu từ khu vực DNNN trung ương 432,9 tỷ đồng, đạt
// 23,4% dự toán năm; thu từ khu vực DNNN địa phương 230,3 tỷ đồng, …".
func (a *analyzer) attributeThenItems(k, d int) bool {
	j := k + 1
	for j < len(a.toks) && j <= k+3 && a.word(j) != nil {
		j++
	}
	ci := a.candAt(j)
	if ci < 0 || canBePart(&a.cands[ci]) {
		return false
	}
	for ; j < len(a.toks) && !isSentenceEnd(&a.toks[j]); j++ {
		if a.depth[j] == d && a.toks[j].isPunct(";") {
			return true
		}
	}
	return false
}

// ratingOpens reports a rating at the first word of the list that starts
// at token start.
func (a *analyzer) ratingOpens(start int) bool {
	k := start
	for k < len(a.toks) && a.word(k) == nil {
		k++
	}
	return isRating(a.lowAt(k), a.lowAt(k+1), a.lowAt(k+2))
}

// firstWord is the first word of the list that starts at token start,
// past a comma after its marker.
func (a *analyzer) firstWord(start int) string {
	for k := start; k < len(a.toks) && k < start+3; k++ {
		if w := a.word(k); w != nil {
			return w.low
		}
	}
	return ""
}

// openEnded reports a list that says it is incomplete: it ends with "…" or
// names "các … khác".
func (a *analyzer) openEnded(start, end int) bool {
	for k := start; k < end && k < len(a.toks); k++ {
		if a.toks[k].isPunct("…") || a.toks[k].isWord("khác") {
			return true
		}
	}
	return end < len(a.toks) && a.toks[end].isPunct("…")
}

// linkItems splits start..end at commas, semicolons and "và" on depth d and
// makes the first fitting figure of each item a part of total.
func (a *analyzer) linkItems(total, start, end, d int, partial bool) {
	tc := &a.cands[total]
	parts := a.items(start, end, d, func(c *cand) bool {
		return c.index != total && canBePart(c) && !c.linked && compatible(tc, c)
	})
	if n := a.prefixParts(parts, tc.fig.ValueNormalized); n > 0 {
		parts = parts[:n]
	}
	parts = a.sameActParts(tc, parts)
	for _, ci := range parts {
		c := &a.cands[ci]
		c.parent = total
		c.linked = true
		c.fig.Partial = partial
		if c.fig.Unit == "" {
			c.fig.Unit = tc.fig.Unit
		}
	}
}

// linkOtherKind ties the parts of a breakdown that count another kind of
// thing than its total to the total of their kind said beside it: "thi
// hành kỷ luật 182 tổ chức đảng, 7.056 đảng viên. Trong đó, … Ban Bí thư
// kỷ luật cảnh cáo 2 tổ chức đảng và 17 đảng viên": 17 is of 7.056, 2 of
// 182.
func (a *analyzer) linkOtherKind(total, start, end, d int, partial bool) {
	tc := &a.cands[total]
	if tc.class == classNone {
		return
	}
	for _, ci := range a.items(start, end, d, func(c *cand) bool {
		return c.index != total && canBePart(c) && !c.linked && family(c) == family(tc) && c.class != classNone && c.class != tc.class
	}) {
		c := &a.cands[ci]
		for j := range a.cands {
			o := &a.cands[j]
			if j != total && j != ci && o.tok < start && a.sent[o.tok] == a.sent[tc.tok] && a.depth[o.tok] == a.depth[tc.tok] && o.parent < 0 && canBePart(o) && compatible(o, c) && o.class == c.class {
				c.parent, c.linked = j, true
				c.fig.Partial = partial
				break
			}
		}
	}
}

// sumSlack is how far parts may fall from their total and still add up to
// it: the rounding of a few items, or a small item the text leaves out.
const sumSlack = 0.002

// prefixParts returns n when the first n (at least two, fewer than all) of
// parts that add up to more than total add up to it, else 0: a list that
// goes on with items of another total ("Gồm: Cây lúa 3.502,3 ha; cây bắp
// 734 ha; cây mía 1.892,2 ha …" after "cây lương thực 4.240,4 ha").
func (a *analyzer) prefixParts(parts []int, total float64) int {
	sum := 0.0
	for _, ci := range parts {
		sum += a.cands[ci].fig.ValueNormalized
	}
	if sum <= total*(1+sumSlack) {
		return 0
	}
	sum = 0
	for n, ci := range parts {
		sum += a.cands[ci].fig.ValueNormalized
		if n >= 1 && n < len(parts)-1 && math.Abs(sum-total) <= total*sumSlack {
			return n + 1
		}
		if sum > total*(1+sumSlack) {
			break
		}
	}
	return 0
}

// sameActParts keeps, of parts that add up to more than their total, those
// whose verb is the total's: "381 đảng viên được kiểm tra, trong đó Ban
// Thường vụ kiểm tra 98, giám sát 46 đảng viên, cấp ủy cơ sở kiểm tra 283,
// giám sát 195 đảng viên" has 98 and 283 as parts, the supervisions not.
func (a *analyzer) sameActParts(tc *cand, parts []int) []int {
	sum := 0.0
	for _, ci := range parts {
		sum += a.cands[ci].fig.ValueNormalized
	}
	if sum <= tc.fig.ValueNormalized*(1+1e-9) {
		return parts
	}
	act := ""
	for _, v := range verbActs {
		if strings.Contains(strings.ToLower(tc.fig.Metric), v) || strings.Contains(strings.ToLower(a.quoteAround(tc)), v) {
			act = v
			break
		}
	}
	if act == "" {
		return parts
	}
	var kept []int
	sum = 0
	for _, ci := range parts {
		// links are made before labels: the verb is read here
		if v := strings.ToLower(a.predicate(a.cands[ci].tok - 1)); v == "" || strings.Contains(v, act) {
			kept = append(kept, ci)
			sum += a.cands[ci].fig.ValueNormalized
		}
	}
	if len(kept) == 0 || len(kept) == len(parts) || sum > tc.fig.ValueNormalized*(1+1e-9) {
		return parts
	}
	return kept
}

// verbActs are the acts a breakdown of an inspection commission's work
// tells apart.
var verbActs = []string{"kiểm tra", "giám sát", "kỷ luật", "kết nạp", "khen thưởng"}

// quoteAround is the text of the clause of c up to its number: where the
// act of a total said before it ("được kiểm tra") is.
func (a *analyzer) quoteAround(c *cand) string {
	k := c.last + 1
	e := k
	for e < len(a.toks) && e < k+6 && a.word(e) != nil {
		e++
	}
	if e == k {
		return ""
	}
	return a.span(k, e-1)
}

// linkParens ties a parenthesised list of parts to the figure before it:
// "39 tổ chức cơ sở đảng (25 đảng bộ cơ sở, 14 chi bộ cơ sở)", "26 đảng
// viên (khiển trách 17, cảnh cáo 06, khai trừ 03)". The list must open with
// a part (at most three words of label before the first number).
func (a *analyzer) linkParens() {
	for o := 0; o < len(a.toks); o++ {
		if !a.toks[o].isPunct("(") {
			continue
		}
		d := a.depth[o] + 1
		end := a.parenEnd(o)
		if a.markerAt(o+1) > 0 {
			continue
		}
		first := -1
		words := 0
		for k := o + 1; k < end; k++ {
			t := &a.toks[k]
			if t.kind == tWord {
				words++
				continue
			}
			if t.kind == tNum {
				first = a.candAt(k)
			}
			break
		}
		if first < 0 || words > 3 || !canBePart(&a.cands[first]) || a.cands[first].linked {
			continue
		}
		total := a.totalBefore(o, &a.cands[first])
		if total < 0 {
			continue
		}
		a.linkItems(total, o+1, end, d, a.openEnded(o+1, end))
	}
}

// parenEnd returns the ')' that closes the '(' at o, or the sentence end.
func (a *analyzer) parenEnd(o int) int {
	d := a.depth[o]
	k := o + 1
	for ; k < len(a.toks) && k < o+maxScopeTokens; k++ {
		if a.depth[k] <= d || isSentenceEnd(&a.toks[k]) {
			return k
		}
	}
	return k
}

// linkSums ties parts that have no marker to a total when a run of them
// adds up to it exactly: "tổ chức 52 cuộc đối thoại; cấp huyện 14 cuộc
// (…); cấp xã 38 cuộc", "Trong tổng số 164 mô hình: cấp huyện công nhận 18
// mô hình, cấp xã công nhận 146 mô hình". The parts follow the total in its
// sentence, at its parenthesis depth, and count the same noun.
func (a *analyzer) linkSums() {
	for ti := range a.cands {
		tc := &a.cands[ti]
		if !canBePart(tc) || tc.linked || tc.head == "" {
			continue
		}
		var run []int
		sum := 0.0
		runSent := a.sent[tc.tok]
		for pi := ti + 1; pi < len(a.cands) && pi <= ti+maxLookFigures; pi++ {
			c := &a.cands[pi]
			// the parts follow in its sentence or make up the next one
			// ("nhận 7 đơn … Qua phân loại đã chuyển … 5 đơn, … 1 đơn, 1 đơn")
			if a.sent[c.tok] > a.sent[tc.tok]+1 {
				break
			}
			if a.sent[c.tok] != runSent {
				run, sum, runSent = run[:0], 0, a.sent[c.tok]
			}
			if a.depth[c.tok] != a.depth[tc.tok] {
				continue
			}
			if !sameCounted(tc, c) || !canBePart(c) || c.linked || !compatible(tc, c) {
				run, sum = run[:0], 0
				continue
			}
			run = append(run, pi)
			sum += c.fig.Value
			for sum > tc.fig.Value+1e-9 && len(run) > 0 {
				sum -= a.cands[run[0]].fig.Value
				run = run[1:]
			}
			if len(run) >= 2 && math.Abs(sum-tc.fig.Value) < 1e-9 {
				for _, p := range run {
					a.cands[p].parent = ti
					a.cands[p].linked = true
				}
				run, sum = nil, 0
			}
		}
	}
}

// linkRatings ties the counts of a rating to the total they rate, in its
// sentence: "Đối với 142 chi bộ … được đánh giá, xếp loại có 29 chi bộ hoàn
// thành xuất sắc nhiệm vụ, 99 chi bộ hoàn thành tốt nhiệm vụ và 13 chi bộ
// hoàn thành nhiệm vụ". A rating may leave some out (not rated, newly
// formed), so the parts add up to no more than the total, not to it.
func (a *analyzer) linkRatings() {
	for ti := range a.cands {
		tc := &a.cands[ti]
		if !canBePart(tc) || tc.linked || tc.head == "" || a.rated(tc) && !a.underRating(tc) {
			continue
		}
		var run []int
		sum := 0.0
		for pi := ti + 1; pi < len(a.cands) && a.sent[a.cands[pi].tok] == a.sent[tc.tok]; pi++ {
			c := &a.cands[pi]
			if !sameCounted(tc, c) || !canBePart(c) || c.linked || !compatible(tc, c) || !a.rated(c) {
				break
			}
			run = append(run, pi)
			sum += c.fig.Value
		}
		if len(run) >= 2 && sum <= tc.fig.Value+1e-9 {
			for _, p := range run {
				a.cands[p].parent = ti
				a.cands[p].linked = true
			}
		}
	}
}

// underRating reports "(được) đánh giá, xếp loại" after the noun of c: what
// was rated, not a grade it got.
func (a *analyzer) underRating(c *cand) bool {
	k := c.last + 1
	if a.lowAt(k) == "được" {
		k++
	}
	return a.lowAt(k) == "đánh" || a.lowAt(k) == "xếp"
}

// rated reports a rating said right after the noun of c.
func (a *analyzer) rated(c *cand) bool {
	k := c.last + 1
	return isRating(a.lowAt(k), a.lowAt(k+1), a.lowAt(k+2)) || a.lowAt(k) == "được" && isRating(a.lowAt(k+1), a.lowAt(k+2), a.lowAt(k+3))
}

// linkCounts ties a percent to the count written after it in parentheses,
// which is the same quantity counted ("Tỷ lệ số xã đạt chuẩn nông thôn mới
// đạt 50% (8 xã)", "58,9% (66/112 thôn, tăng thêm 20 thôn)"): the percent
// is computed on that count, the count takes the percent's label, and a
// change in the parenthesis is of the count.
func (a *analyzer) linkCounts() {
	for i := range a.cands {
		c := &a.cands[i]
		if c.fig.Kind != schema.KindPercent || c.refersTo >= 0 || !a.punctAt(c.last+1, "(") || i+1 >= len(a.cands) {
			continue
		}
		n := &a.cands[i+1]
		if n.tok != c.last+2 || !isCountKind(n.fig.Kind) || n.fig.Unit == "" || n.countOf >= 0 {
			continue
		}
		c.refersTo = i + 1
		n.countOf = i
		e := a.parenEnd(c.last + 1)
		for j := i + 2; j < len(a.cands) && a.cands[j].tok < e; j++ {
			if r := &a.cands[j]; (r.fig.Role == schema.RoleChange || a.changeBefore(r.tok)) && r.refersTo < 0 {
				r.refersTo = i + 1
			}
		}
	}
}

// unitAfterPercent finds, for "tăng 18,1% tổ chức đảng và 15,7% đảng viên
// so với năm 2020", the figure before i in its sentence whose unit is the
// noun written after the percent: the change is of that count.
func (a *analyzer) unitAfterPercent(i int) int {
	c := &a.cands[i]
	k := c.last + 1
	if c.fig.Kind != schema.KindPercent || a.word(k) == nil {
		return -1
	}
	for j := i - 1; j >= 0 && j >= i-maxLookFigures; j-- {
		r := &a.cands[j]
		if a.sent[r.tok] != a.sent[c.tok] {
			break
		}
		if u := r.fig.Unit; u == "" || r.fig.Kind == schema.KindPercent || !a.wordsAt(k, u) {
			continue
		}
		return j
	}
	return -1
}

// wordsAt reports the words of s (folded case) at token k.
func (a *analyzer) wordsAt(k int, s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if a.lowAt(k) != w {
			return false
		}
		k++
	}
	return true
}

// disciplineForms are the forms of Party discipline ("khiển trách", "cảnh
// cáo", "cách chức", "khai trừ"): a count said with one of them, after a
// count of people or organizations disciplined in its sentence, is a part
// of it, whether or not the parts add up ("thi hành kỷ luật 313 đảng viên
// (…), khai trừ Đảng 45 trường hợp, cách chức 6 trường hợp, …").
var disciplineForms = pairSet("khiển trách", "cảnh cáo", "cách chức", "khai trừ", "giải tán", "hạ bậc", "buộc thôi")

// linkForms ties the counts of discipline forms to their total.
func (a *analyzer) linkForms() {
	for i := range a.cands {
		c := &a.cands[i]
		if c.linked || c.parent >= 0 || !isCountKind(c.fig.Kind) || !a.formBefore(c.tok) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-maxLookFigures; j-- {
			t := &a.cands[j]
			if a.sent[t.tok] != a.sent[c.tok] {
				break
			}
			if !isCountKind(t.fig.Kind) || a.formBefore(t.tok) || t.parent >= 0 || t.fig.Role == schema.RoleChange || a.depth[t.tok] > a.depth[c.tok] {
				continue
			}
			if a.disciplineBefore(t.tok) {
				c.parent = j
				c.linked = true
				c.fig.Partial = true
			}
			break
		}
	}
}

// formBefore reports a discipline form within the three words before k.
func (a *analyzer) formBefore(k int) bool {
	for j := k - 1; j >= 1 && j >= k-3; j-- {
		if a.word(j) == nil {
			return false
		}
		if disciplineForms[pair{a.lowAt(j - 1), a.lowAt(j)}] {
			return true
		}
	}
	return false
}

// disciplineBefore reports "kỷ luật" within the six words before k.
func (a *analyzer) disciplineBefore(k int) bool {
	for j := k - 1; j >= 1 && j >= k-6; j-- {
		if a.word(j) == nil {
			return false
		}
		if a.lowAt(j-1) == "kỷ" && a.lowAt(j) == "luật" || a.lowAt(j-1) == "kỉ" && a.lowAt(j) == "luật" {
			return true
		}
	}
	return false
}

// linkRefers points a share, a percent of plan or a change at the figure of
// its clause it is computed on: "230 đảng viên, đạt 104,5% kế hoạch".
func (a *analyzer) linkRefers() {
	a.linkCounts()
	for i := range a.cands {
		c := &a.cands[i]
		if c.refersTo >= 0 {
			continue
		}
		if a.contribution(c) > 0 && c.fig.Kind == schema.KindPercent {
			// "GRDP … tăng 3,02%. …: khu vực dịch vụ tăng 3,84% (đóng góp
			// 1,77%)": a sector's share of the growth said first
			c.refersTo = a.growthTotal(i)
			continue
		}
		if c.fig.Role == schema.RoleChange && c.fig.Kind == schema.KindPercent && a.listRateVerb(c.tok) >= 0 {
			continue // a place's own rise, in a list: of no figure of the text
		}
		switch c.fig.Role {
		case schema.RoleShare, schema.RolePlanPercent, schema.RoleChange:
		case schema.RoleTarget:
			// a planned growth: "3.621,68 tỷ đồng, tăng 8,53% so với năm 2023"
			if c.fig.Kind != schema.KindPercent && !(c.fig.Kind == schema.KindRange && c.fig.Unit == "%") || !a.changeBefore(c.tok) {
				continue
			}
		default:
			continue
		}
		// a share that names its own base ("…,100% số xã không còn nợ đọng
		// xây dựng cơ bản") is not computed on the figure before it
		if c.fig.Role == schema.RoleShare && a.lowAt(c.last+1) == "số" && a.word(c.last+2) != nil {
			continue
		}
		// a rate named for itself ("tỷ lệ kết nạp … đạt 8,7%") is not
		// computed on the figure before it
		if c.fig.Role == schema.RoleShare && a.rateName(c.tok) != "" {
			continue
		}
		if j := a.unitAfterPercent(i); j >= 0 && c.fig.Role == schema.RoleChange {
			c.refersTo = j
			continue
		}
		if j := a.sameNounOutside(i); j >= 0 {
			c.refersTo = j // "450 tổ chức đảng và 206 đảng viên (tăng 230 tổ chức và 124 đảng viên)"
			continue
		}
		comparative := c.fig.Role == schema.RoleChange && c.fig.Kind == schema.KindPercent && a.comparativeBefore(c.tok)
		own := c.fig.Role == schema.RoleChange && c.fig.Kind == schema.KindPercent && a.ownStretch(c.tok)
		for j := i - 1; j >= 0 && j >= i-maxLookFigures; j-- {
			r := &a.cands[j]
			if a.sent[r.tok] != a.sent[c.tok] || a.clauseBreak(r.tok, c.tok) || a.newClause(r.last, c.tok) || own && r.last < c.tok-1 && a.commaBetween(r.last, c.tok) {
				break // "…, sản xuất trang phục giảm 4,4%": the change of what its own stretch names
			}
			if r.fig.Kind == schema.KindPercent && c.fig.Role == schema.RoleChange && c.fig.Kind == schema.KindPercent &&
				r.fig.Role == schema.RoleShare && j == i-1 {
				// "tỷ lệ … đạt gần 63%, tăng trên 1%": the change of a rate
				c.refersTo = j
				break
			}
			if comparative && r.fig.Kind == schema.KindPercent {
				if a.comparativeBefore(r.tok) {
					continue // "…, thấp hơn 0,78% …, cao hơn 0,72% …": both of the rate before
				}
				// "tốc độ tăng … ước đạt 13,72%, thấp hơn 0,78% so với mục
				// tiêu": a rate above or below another
				c.refersTo = j
				break
			}
			// a rate ("67,192 triệu đồng/người/năm") is what a change right
			// after it is of, never what a share is computed on
			rateOK := r.rate && j == i-1 && c.fig.Role != schema.RoleShare
			if r.fig.Kind == schema.KindPercent || r.rate && !rateOK || r.fig.Role == schema.RoleChange || r.fig.Role == schema.RoleTarget && c.fig.Role != schema.RoleTarget {
				continue
			}
			// a part in parentheses is not what a change or a share after
			// them is computed on ("26 đảng viên (khiển trách 17, …), giảm
			// 16,1%", "08 (có 01 đảng bộ và 07 chi bộ), chiếm tỷ lệ 15,67%")
			if r.parent >= 0 && (a.depth[r.tok] > a.depth[c.tok] ||
				// "62 đảng viên, trong đó có 13 cấp ủy viên …, giảm 18 đảng
				// viên": the change of a count is of the total it counts
				c.fig.Role == schema.RoleChange && c.fig.Kind == schema.KindCount && c.fig.Unit != "" && r.fig.Unit != c.fig.Unit && a.cands[r.parent].fig.Unit == c.fig.Unit) {
				if a.depth[r.tok] <= a.depth[c.tok] {
					c.refersTo = r.parent
					break
				}
				continue
			}
			c.refersTo = j
			break
		}
	}
}

// ownStretch reports a change at token i whose comma stretch opens with a
// noun phrase of two or more words and no figure before the verb:
// "…, sản xuất trang phục giảm 4,4%".
func (a *analyzer) ownStretch(i int) bool {
	v := i - 1
	if w := a.lowAt(v); w != "tăng" && w != "giảm" {
		return false
	}
	n := 0
	for k := v - 1; k >= 0; k-- {
		if a.punctAt(k, ",") {
			// not "…, tương đương tăng 11,01%": the same change said again
			w := a.lowAt(k + 1)
			return n >= 2 && !continuers[w] && w != "tương" && w != "tức" && w != "hay"
		}
		if a.word(k) == nil {
			return false
		}
		n++
	}
	return false
}

// commaBetween reports a comma at the depth of token hi between tokens lo
// and hi.
func (a *analyzer) commaBetween(lo, hi int) bool {
	for k := lo + 1; k < hi; k++ {
		if a.punctAt(k, ",") && a.depth[k] == a.depth[hi] {
			return true
		}
	}
	return false
}

// growthTotal is the growth the contributions of a container share out:
// the last change in percent before the sector whose contribution is said
// first, or -1.
func (a *analyzer) growthTotal(i int) int {
	first := i
	for j := 0; j < i; j++ {
		if a.contribution(&a.cands[j]) > 0 {
			first = j
			break
		}
	}
	change := func(r *cand) bool {
		return r.fig.Role == schema.RoleChange && r.fig.Kind == schema.KindPercent && a.contribution(r) == 0
	}
	for j := first - 2; j >= 0; j-- {
		if change(&a.cands[j]) {
			return j
		}
	}
	for j := 0; j < first; j++ {
		if change(&a.cands[j]) {
			return j
		}
	}
	return -1
}

// comparativeBefore reports "cao hơn", "thấp hơn" just before the number
// at i: a level compared with another, not a growth of its own.
func (a *analyzer) comparativeBefore(i int) bool {
	if a.lowAt(i-1) != "hơn" {
		return false
	}
	switch a.lowAt(i - 2) {
	case "cao", "thấp", "nhiều", "ít", "lớn", "nhỏ":
		return true
	}
	return false
}

// changeBefore reports "tăng"/"giảm" just before the number at i.
func (a *analyzer) changeBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := a.word(k)
		if w == nil {
			return false
		}
		switch w.low {
		case "tăng", "giảm":
			return true
		case "trên", "hơn", "gần", "khoảng", "thêm", "mạnh", "nhẹ", "từ":
			continue
		}
		return false
	}
	return false
}

// newClause reports a clause about something else between the end of a
// figure (from) and another (to): "… 1.669 đảng viên, …, trong đó có Đảng
// bộ huyện … đạt trên 100%", "… đạt 100,9% so kế hoạch và thực hiện giải
// ngân đạt 100% kế hoạch".
func (a *analyzer) newClause(from, to int) bool {
	for k := from + 1; k < to; k++ {
		switch {
		case a.lowAt(k) == "trong" && a.lowAt(k+1) == "đó":
			return true
		case a.lowAt(k) == "và" && to-k > 3 && a.word(k+1) != nil && !continuers[a.lowAt(k+1)] && !a.parenAfter(k, to):
			return true
		}
	}
	return false
}

// parenAfter reports a figure at to that opens a parenthesis after token k
// with only words between: "… về thu, nộp, quản lý và sử dụng đảng phí
// (tăng 10,7% …)" is said of the noun phrase the "và" is inside.
func (a *analyzer) parenAfter(k, to int) bool {
	o := -1
	for j := to - 1; j > k; j-- {
		if a.toks[j].isPunct("(") {
			o = j
			break
		}
		if a.word(j) == nil {
			return false
		}
	}
	if o < 0 || o-k > 10 {
		return false
	}
	for j := k + 1; j < o; j++ {
		if a.word(j) == nil {
			return false
		}
	}
	return true
}

// clauseBreak reports a ';' between tokens i and j outside parentheses.
func (a *analyzer) clauseBreak(i, j int) bool {
	if j-i > maxScopeTokens {
		return true
	}
	for k := i + 1; k < j; k++ {
		// "… 414.491 triệu đồng; đạt 112% so với dự toán": a clause that
		// opens on what is said of the figure before goes on with it
		if a.toks[k].isPunct(";") && !(continuers[a.lowAt(k+1)] && a.candAt(k+2) >= 0) && !a.basisThenChange(k+1) {
			return true
		}
	}
	return false
}

// basisThenChange reports a clause that opens on a basis and then a change:
// "…; so với 31/12/2021 tăng 1.475 tỷ đồng", "…; so cùng kỳ giảm 3%".
func (a *analyzer) basisThenChange(k int) bool {
	if a.lowAt(k) != "so" {
		return false
	}
	for j := k + 1; j < len(a.toks) && j <= k+8; j++ {
		if w := a.lowAt(j); w == "tăng" || w == "giảm" {
			return a.candAt(j+1) >= 0
		}
		if a.toks[j].kind == tPunct || a.candAt(j) >= 0 {
			return false
		}
	}
	return false
}

const maxQuoteWords = 20

// seg is a comma-separated stretch of a clause, in tokens.
type seg struct{ lo, hi, words int }

// quote returns the clause around token i, cut to at most 20 words by
// dropping comma segments farthest from the number first.
func (a *analyzer) quote(i int) string {
	lo, hi := i, i
	for lo > 0 && i-lo < 3*maxQuoteWords && !isClauseEnd(&a.toks[lo-1]) {
		lo--
	}
	for hi+1 < len(a.toks) && hi-i < 3*maxQuoteWords && !isClauseEnd(&a.toks[hi+1]) {
		hi++
	}
	// Comma segments of the clause.
	segs := a.segs[:0]
	cur := seg{lo: lo}
	for k := lo; k <= hi; k++ {
		t := &a.toks[k]
		if t.kind != tPunct {
			cur.words++
		}
		if t.isPunct(",") || t.isPunct(":") || k == hi {
			cur.hi = k
			segs = append(segs, cur)
			cur = seg{lo: k + 1}
		}
	}
	home := 0
	for s := range segs {
		if segs[s].lo <= i && i <= segs[s].hi {
			home = s
		}
	}
	l, r := home, home
	words := segs[home].words
	for {
		grew := false
		if r+1 < len(segs) && words+segs[r+1].words <= maxQuoteWords {
			r++
			words += segs[r].words
			grew = true
		}
		if l > 0 && words+segs[l-1].words <= maxQuoteWords {
			l--
			words += segs[l].words
			grew = true
		}
		if !grew {
			break
		}
	}
	a.segs = segs
	qlo, qhi := segs[l].lo, segs[r].hi
	if words > maxQuoteWords {
		// one long segment: a window of words around the number
		qlo, qhi = i, i
		n := 1
		for n < maxQuoteWords {
			moved := false
			if qhi+1 <= segs[r].hi {
				qhi++
				if a.toks[qhi].kind != tPunct {
					n++
				}
				moved = true
			}
			if n < maxQuoteWords && qlo-1 >= segs[l].lo && (qhi-i) > (i-qlo)*2 {
				qlo--
				if a.toks[qlo].kind != tPunct {
					n++
				}
				moved = true
			}
			if !moved {
				break
			}
		}
	}
	for qhi > qlo && a.toks[qhi].kind == tPunct && !a.toks[qhi].isPunct("%") && !a.toks[qhi].isPunct(")") && !a.toks[qhi].isPunct("”") {
		qhi--
	}
	for qlo < qhi && a.toks[qlo].kind == tPunct && !a.toks[qlo].isPunct("(") && !a.toks[qlo].isPunct("“") {
		qlo++
	}
	return strings.TrimSpace(a.text[a.toks[qlo].pos:a.toks[qhi].endPos])
}

// rateName returns "tỷ lệ …" when the clause names the rate before the
// percent ("tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%", "Tỷ lệ đảng viên
// là trưởng thôn, khu phố đạt gần 63%"): from "tỷ lệ" to the verb that
// gives the value, commas of a list of nouns included, no other number
// between.
func (a *analyzer) rateName(i int) string {
	// the end: before the qualifier and the verb just before the number
	e := i - 1
	for e >= 0 && a.word(e) != nil && (qualifiers[a.toks[e].low] != "" || a.toks[e].low == "từ") {
		e--
	}
	switch a.lowAt(e) {
	case "đạt", "là", "bằng", "chiếm", "còn", "ở", "lên":
		e--
		if a.lowAt(e) == "ước" || a.lowAt(e) == "chỉ" || a.lowAt(e) == "giảm" || a.lowAt(e) == "tăng" {
			e--
		}
	case "lệ": // "chiếm tỷ lệ 83,45%": the rate is named by what came before
		return ""
	default:
		if a.lowAt(e-1) == "mức" || a.lowAt(e) == "mức" {
			break
		}
	}
	commas := 0
	for k := e; k >= 0 && k > i-3*maxQuoteWords; k-- {
		t := &a.toks[k]
		if isClauseEnd(t) || t.kind == tNum && a.candAt(k) >= 0 || t.isPunct(":") {
			return ""
		}
		if t.isPunct(",") {
			if commas++; commas > 2 {
				return ""
			}
			continue
		}
		if (t.isWord("tỷ") || t.isWord("tỉ")) && a.lowAt(k+1) == "lệ" {
			if e <= k+1 || a.lowAt(k-1) == "chiếm" {
				return "" // "X chiếm tỉ lệ cao với 40,08%": the share is X's
			}
			return strings.ToLower(a.span(k, e)) // without its time: "năm 2025" is the period's
		}
	}
	return ""
}
