package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// A metric label names the quantity as a reader would, in words that recur
// from one year's report to the next: what was done (the predicate before
// the number) and what was counted (the noun phrase after it), or, when the
// number is the complement of "là", "đạt", "bằng", the subject it is said
// of. Labels are cut at clause boundaries and never start inside a word:
// Vietnamese words are one to three syllables, and a label that opens on
// "nạp" or "triển" matches nothing the next year.

const (
	maxPredicate = 6  // syllables of a predicate ("hỗ trợ xây dựng, sửa chữa")
	maxSubject   = 20 // syllables of a subject ("giá trị sản xuất nông - lâm nghiệp - thủy sản của huyện")
	maxNoun      = 8  // syllables of a counted noun phrase with its modifiers
	maxClass     = 11 // syllables of a classification ("xếp loại “Hoàn thành tốt nhiệm vụ”")
)

// metric builds the label of c.
func (a *analyzer) metric(c *cand) string {
	f := &c.fig
	if c.countOf >= 0 {
		// "Tỷ lệ số xã đạt chuẩn … đạt 50% (8 xã)": the count of the rate
		m := a.baseMetric(c.countOf)
		if strings.HasPrefix(m, "tỷ lệ ") || strings.HasPrefix(m, "tỉ lệ ") {
			m = strings.TrimPrefix(strings.TrimPrefix(m, "tỷ lệ "), "tỉ lệ ")
			if !strings.HasPrefix(m, "số ") {
				m = "số " + m
			}
		}
		if m != "" {
			return m
		}
	}
	ownCount := c.refersTo >= 0 && a.cands[c.refersTo].countOf == c.index // "50% (8 xã)": the count is named by the rate
	if c.refersTo >= 0 && a.cands[c.refersTo].countOf >= 0 && !ownCount {
		return a.baseMetric(c.refersTo) // "(66/112 thôn, tăng thêm 20 thôn)"
	}
	switch f.Role {
	case schema.RolePlanPercent, schema.RoleChange, schema.RoleTarget:
		if c.refersTo >= 0 && !ownCount && (f.Role != schema.RoleTarget || f.Kind == schema.KindPercent || f.Kind == schema.KindRange && f.Unit == "%") {
			base := a.baseMetric(c.refersTo)
			if f.Role == schema.RolePlanPercent {
				return base + " " + ofBasis(f)
			}
			return base
		}
	}
	if f.Role == schema.RoleTarget && a.planMarkBefore(c.tok) {
		// "Thu nhập bình quân đầu người ước đạt 55,3 triệu đồng/KH 55-56
		// triệu đồng": the plan of the result before it
		if p := c.index - 1; p >= 0 && a.sent[a.cands[p].tok] == a.sent[c.tok] && a.cands[p].fig.Role != schema.RoleTarget {
			if m := a.baseMetric(p); m != "" {
				return m
			}
		}
	}
	if f.Role == schema.RoleTarget && a.punctAt(c.tok-1, "(") {
		// "… là 12.221 tỷ đồng, đạt 51,8% so với nghị quyết đề ra (23.600
		// tỷ đồng)": the plan of the result it is compared with
		for j := c.index - 1; j >= 0 && a.sent[a.cands[j].tok] == a.sent[c.tok]; j-- {
			// "… ước tăng 7,81%, thấp hơn so với kế hoạch đề ra (9%)": a
			// planned rate is the plan of the rate
			if r := &a.cands[j]; r.fig.Kind == f.Kind && (r.fig.Role == schema.RoleActual || f.Kind == schema.KindPercent && (r.fig.Role == schema.RoleChange || r.fig.Role == schema.RoleShare)) {
				return a.baseMetric(j)
			}
		}
	}
	if f.Role == schema.RolePlanPercent && a.rateName(c.tok) == "" {
		// "Tân Yên kết nạp đảng viên đạt 104% kế hoạch": what reached the
		// plan is said before "đạt"
		if s := dropName(a.changeSubject(c)); s != "" {
			return s + " " + ofBasis(f)
		}
	}
	if f.Role == schema.RoleChange && a.planWordBefore(c.tok-1) && (a.lowAt(c.tok-2) == "vượt" || a.lowAt(c.tok-3) == "vượt") {
		// "Tỷ lệ hộ nghèo giảm 3,92%, vượt mục tiêu 0,42%": how far the
		// change before went past its plan
		if p := c.index - 1; p >= 0 && a.sent[a.cands[p].tok] == a.sent[c.tok] && a.cands[p].fig.Role == schema.RoleChange {
			if m := a.baseMetric(p); m != "" {
				return m
			}
		}
	}
	if (f.Role == schema.RoleChange || f.Role == schema.RoleTarget && a.changeBefore(c.tok)) && c.refersTo < 0 {
		// "Nông, lâm nghiệp, thủy sản tăng 3,47%": what grew is the
		// subject before the verb.
		if s := a.changeSubject(c); s != "" && !bareVerb(s) {
			if f := strings.ToLower(s); strings.HasPrefix(f, "tính chung") || strings.HasPrefix(f, "lũy kế") || strings.HasPrefix(f, "luỹ kế") || tidyLabel(f) == "" || f == "ước" || f == "sơ bộ" {
				// "…, ước tính quý II tăng 9,18%": the subject left out
				// "… tháng 9 tăng 2,68% so cùng kỳ; tính chung 9 tháng tăng
				// 1,51%": the same quantity over a longer time
				if p := c.index - 1; p >= 0 && a.sent[a.cands[p].tok] == a.sent[c.tok] {
					if m := stripBasis(a.baseMetric(p)); m != "" {
						return m
					}
				}
			}
			return s
		}
		// "Diện tích gieo trồng … đạt 110,5% so Nghị quyết, tăng 6,16% so
		// cùng kỳ": the change of what the figure before it is said of
		if p := c.index - 1; p >= 0 && a.sent[a.cands[p].tok] == a.sent[c.tok] && !a.clauseBreak(a.cands[p].tok, c.tok) {
			if m := stripBasis(a.baseMetric(p)); m != "" && !bareVerb(m) {
				return m
			}
		}
	}
	if f.Kind == schema.KindPercent {
		if l := a.colonLabel(c); l != "" {
			return lowerFirst(l)
		}
		return a.percentMetric(c)
	}
	if l := a.colonLabel(c); l != "" && f.Role != schema.RoleChange && f.Role != schema.RolePlanPercent {
		return lowerFirst(l)
	}
	lead, mode := a.leading(c)
	if a.lowAt(lead+1) == "lên" || a.lowAt(lead) == "lên" {
		if s := a.raisedTo(lead); s != "" {
			return s // "nâng tổng số đảng viên … lên 8.575 đảng viên"
		}
	}
	if mode == modeSubject {
		// the subject names the quantity; the unit after "là" is only
		// its measure ("… là 6.387 đồng chí"); "Toàn huyện đạt 157/171
		// tiêu chí" names who, and what is counted follows the number
		if s := a.subject(lead); s != "" && a.prizeAt(c.tok+1) {
			return joinLabel(a.nounLabel(c), s) // "Kỳ thi … đạt 8 giải Nhất": which prize of what
		}
		if s := a.subject(lead); s != "" && (wholeSubject(s) || subjectNouns[strings.ToLower(s)] || placeName(s)) && a.word(c.tok+1) != nil && c.fig.Kind != schema.KindMoney && c.fig.Kind != schema.KindPercent {
			// "Huyện đã đạt 15/19 tiêu chí", "thị trấn Đăk Tô đạt 15/20
			// tiêu chuẩn …": who reached it, the row is what was counted
			if n := a.nounLabel(c); n != "" {
				return n
			}
		}
		if s := a.subject(lead); s != "" && !((wholeSubject(s) || subjectNouns[strings.ToLower(s)]) && a.word(c.tok+1) != nil && c.fig.Kind != schema.KindMoney && c.fig.Kind != schema.KindPercent) {
			if pv := a.passive(c); pv != "" && !strings.Contains(s, pv) {
				return joinLabel(s, pv) // "cán bộ … có 352/353 đồng chí được kiểm điểm"
			}
			if f := " " + strings.ToLower(s) + " "; strings.Contains(f, " mỗi ") || strings.Contains(f, " bình quân ") {
				// "bình quân mỗi xã đạt 11 tiêu chí": an average of what follows
				if n := a.nounLabel(c); n != "" && !strings.Contains(s, n) && c.fig.Kind != schema.KindMoney && c.fig.Kind != schema.KindPercent {
					return joinLabel(n, tidyLabel(s))
				}
			}
			return s
		}
	}
	noun := a.nounLabel(c)
	if c.parent >= 0 && f.Unit == a.cands[c.parent].fig.Unit && c.head == "" {
		noun = a.nounLabel(&a.cands[c.parent])
	}
	if noun == "" && c.parent >= 0 {
		noun = a.nounLabel(&a.cands[c.parent]) // "(điều động 31 lượt, …)" of "96 lượt cán bộ"
	}
	measured := f.Kind == schema.KindRange && (moneyUnit(f.Unit) || f.Unit == "ha" || f.Unit == "%")
	if f.Kind == schema.KindMoney || (f.Kind == schema.KindRatio || f.Kind == schema.KindRange) && moneyUnit(f.Unit) {
		noun = ""
		// "bổ sung hơn 1.436 tỷ đồng vốn dự phòng": what the money is
		if w := a.word(c.last + 1); w != nil && !unitStop[w.low] && !nounStop[w.low] && !verbPairs[pair{w.low, a.lowAt(c.last + 2)}] && f.Kind == schema.KindMoney {
			noun = a.phrase(c.last+1, c.index)
		}
	}
	if mode == modeExist || c.parent >= 0 {
		// "Trong đó, có 784 tổ chức Đảng (đạt 88,48%) thực hiện tốt nhiệm
		// vụ; 102 … chưa làm tốt", "45 đảng viên mới kết nạp là trưởng …":
		// the parts differ by what is said of them after the noun
		if d := a.description(c); d != "" {
			return d
		}
	}
	if mode == modeExist {
		if noun != "" {
			if pv := a.passive(c); pv != "" {
				return joinLabel(noun, pv) // "có 8 trường hợp bị thi hành kỷ luật"
			}
			if noun == f.Unit && c.parent < 0 {
				return "tổng số " + noun // "Đảng bộ … với 6.538 đảng viên": never the unit alone
			}
			return noun
		}
		mode = modePredicate
	}
	pred := a.predicate(lead)
	if (pred == "" || a.lowAt(c.last+1) == "đã") && noun != "" {
		if pv := a.passive(c); pv != "" {
			return joinLabel(noun, pv) // "8 trường hợp bị thi hành kỷ luật", "1 đơn đã chỉ đạo xử lý"
		}
	}
	if pred == "" && c.after != "" {
		pred = c.after // "17 khiển trách" of "20 đảng viên"
	}
	if pred == "" {
		pred = a.actOverList(lead)
	}
	if pred == "" {
		pred = a.inherited(c)
	}
	if pred == "" && noun == f.Unit && noun != "" {
		if d := a.description(c); d != "" {
			return d // "…, 03 nhóm giảm giá và 02 nhóm giữ giá ổn định"
		}
	}
	c.verb = pred
	cond := a.condition(c)
	if cond == "" {
		cond, _ = a.sharedTail(c)
	}
	if cond != "" && pred != "" && !strings.Contains(pred, cond) {
		// "kiểm tra 09 tổ chức đảng và 14 đảng viên khi có dấu hiệu vi
		// phạm": the same metric as "kiểm tra khi có dấu hiệu vi phạm đối với …"
		pred = joinLabel(pred, cond)
	}
	if f.Kind != schema.KindCount && (f.Kind != schema.KindRange || measured) && !(f.Kind == schema.KindRatio && !moneyUnit(f.Unit) && !measureUnit(f.Unit)) {
		// "ngành công nghiệp-xây dựng 3.671,79 tỷ đồng", "thu trên địa bàn
		// huyện được 24,023 tỷ đồng": an amount is of the subject that
		// ends where the verb was read
		if s := strings.TrimPrefix(a.subject(lead), "phấn đấu "); pred == "" || len(s) > len(pred) && strings.HasSuffix(s, pred) && plainNoun(strings.TrimSuffix(s, pred)) {
			pred = s
		}
	}
	return joinLabel(pred, noun)
}

// ofBasis names what a percent of plan is a percent of, for its label: a
// plan, last year's same period, the period before.
func ofBasis(f *schema.Figure) string {
	pct := "%"
	if f.Unit == "lần" {
		pct = "lần"
	}
	switch string(f.ComparedWith) {
	case schema.ComparedSamePeriodLastYear:
		return "(" + pct + " cùng kỳ)"
	case schema.ComparedPreviousPeriod:
		return "(" + pct + " kỳ trước)"
	}
	if pct == "lần" {
		return "(lần)"
	}
	return "(% kế hoạch)"
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || isAllCaps(strings.Fields(s)[0]) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// plainNoun reports words with no verb and no preposition that would make
// them a clause of their own ("ngành công nghiệp-", not "phối hợp Ngân hàng
// … quản lý", "nhà với").
func plainNoun(s string) bool {
	ws := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", ",", " ").Replace(s)))
	for i, w := range ws {
		if w == "với" || w == "và" || w == "cho" || w == "tại" || w == "đã" || articles[w] {
			return false
		}
		if i+1 < len(ws) && verbPairs[pair{w, ws[i+1]}] && !(i > 0 && (headNouns[ws[i-1]] || ws[i-1] == "-" || ws[i-1] == "–")) {
			return false // a verb, not "vốn đầu tư", "giá trị sản xuất"
		}
	}
	return true
}

// headNouns are the heads of measured quantities that a verb after them
// modifies: "vốn đầu tư", "giá trị sản xuất", "sản lượng khai thác".
var headNouns = set("vốn", "trị", "tổng", "số", "tích", "lượng", "ngạch", "lệ", "độ", "nguồn", "mức", "thu", "chi", "kinh", "phí")

// condition reads "khi có …" right after the counted noun, up to the end of
// its clause.
func (a *analyzer) condition(c *cand) string {
	k := c.last + 1
	if labelKeepPairs[pair{a.lowAt(k), a.lowAt(k + 1)}] {
		k += 2 // "128 tổ chức đảng cấp dưới khi có dấu hiệu vi phạm"
	}
	if a.lowAt(k) != "khi" || a.lowAt(k+1) != "có" {
		return ""
	}
	e := k + 2
	for e < len(a.toks) && e < k+8 && a.word(e) != nil {
		e++
	}
	return a.span(k, e-1)
}

// moneyUnit reports a unit of money ("tỷ đồng", "triệu đồng", "USD").
func moneyUnit(u string) bool {
	f := strings.Fields(strings.ToLower(u))
	return len(f) > 0 && (scales[f[0]] > 0 || f[0] == "đồng" || f[0] == "usd" || f[0] == "vnđ")
}

// measureUnit reports an area or a measure ("ha", "tấn"): what is measured
// is named by the subject, not by the unit.
func measureUnit(u string) bool {
	u = strings.ToLower(u)
	return areaUnits[u] || measureUnits[u]
}

// colonLabel reads "Label: value" ("Thu nội địa: 12.313.000 triệu đồng",
// "Tỷ lệ đô thị hóa đến năm 2025: 16% trở lên"): the text from the start of
// its clause or list item to the colon before the number.
func (a *analyzer) colonLabel(c *cand) string {
	k := c.tok - 1
	for k >= 0 && a.word(k) != nil && (qualifiers[a.toks[k].low] != "" || a.toks[k].low == "từ") {
		k--
	}
	if !a.punctAt(k, ":") || a.markerAt(k-1) > 0 || a.markerAt(k-2) > 0 || a.lowAt(k-1) == "sau" {
		return "" // "gồm: 133 quyết định", "như sau:"
	}
	// only when nothing is said of the number after its unit: "Thu nội
	// địa: 12.313.000 triệu đồng;", not "Tập thể …: 24/118 tập thể được
	// xếp loại …"
	if e := c.last + 1; e < len(a.toks) && a.toks[e].kind != tPunct && !(a.lowAt(e) == "trở" && a.lowAt(e+1) == "lên") {
		return ""
	}
	hi := k - 1
	if a.punctAt(hi, ")") {
		// "Cây sắn (mỳ): 10.581,4 ha", "Thu bổ sung từ NSTW (gồm cả
		// BSMT): …": the row is what stands before the gloss
		for j := hi - 1; j >= 0 && j >= hi-12; j-- {
			if a.punctAt(j, "(") {
				hi = j - 1
				break
			}
		}
	}
	lo := hi + 1
	n := 0
	for j := hi; j >= 0 && n < maxSubject; j-- {
		t := &a.toks[j]
		if isClauseEnd(t) || t.isPunct(":") || t.isPunct(")") && !a.inPeriod[j] {
			break
		}
		if t.kind == tNum && !a.inPeriod[j] {
			if a.punctAt(j+1, ".") || a.punctAt(j+1, ")") {
				break // a list number "2."
			}
			if a.candAt(j) >= 0 {
				break
			}
		}
		if t.kind == tWord {
			n++
		}
		lo = j
	}
	for lo <= hi && a.toks[lo].kind == tPunct {
		lo++
	}
	if lo > hi {
		return ""
	}
	return a.span(lo, hi)
}

// raisedTo reads "nâng X lên N": the label is X ("nâng tổng số đảng viên
// trong Đảng bộ huyện lên 8.575 đảng viên").
func (a *analyzer) raisedTo(lead int) string {
	up := lead
	if a.lowAt(up) != "lên" {
		up++
	}
	for k := up - 1; k >= 0 && up-k <= maxSubject+2; k-- {
		t := &a.toks[k]
		if t.kind != tWord {
			return ""
		}
		if t.low == "nâng" && k+1 < up {
			return a.span(k+1, up-1)
		}
	}
	return ""
}

// dropName removes the proper name a label opens with ("Tân Yên kết nạp
// đảng viên" → "kết nạp đảng viên"): who acted is not what was measured.
func dropName(s string) string {
	ws := strings.Fields(s)
	k := 0
	for k < len(ws) && k < 4 {
		r, _ := utf8.DecodeRuneInString(ws[k])
		if !unicode.IsUpper(r) {
			break
		}
		k++
	}
	if k == 1 && isAllCaps(ws[0]) && indicatorAbbrevs[strings.ToLower(ws[0])] {
		return s // "GRDP bình quân đầu người": the quantity's own abbreviation, no name
	}
	if k == 0 || k == len(ws) {
		return s
	}
	return strings.Join(ws[k:], " ")
}

// indicatorAbbrevs name quantities, not places or organs.
var indicatorAbbrevs = set("grdp", "gdp", "cpi", "fdi", "iip", "pci", "par", "ntm", "bhyt", "bhxh")

// changeSubject reads what a change is said of: the subject before
// "tăng", "giảm", "với mức tăng", "tăng trưởng".
func (a *analyzer) changeSubject(c *cand) string {
	k := c.tok - 1
	if q := c.fig.Qualifier; q != "" && !strings.HasPrefix(q, "trở") {
		k -= strings.Count(strings.ReplaceAll(q, " … trở lên", ""), " ") + 1
	}
	for k >= 0 {
		w := a.word(k)
		if w == nil {
			break
		}
		switch w.low {
		case "tăng", "giảm", "mức", "với", "được", "đã", "có", "đạt", "ước", "thêm", "vượt", "gấp", "đều", "cũng", "vẫn":
			k--
			continue
		case "đi", "xuống", "lên":
			if l := a.lowAt(k - 1); l == "tăng" || l == "giảm" {
				k-- // "đã giảm đi 30,3%"
				continue
			}
		case "tính":
			if l := a.lowAt(k - 1); l == "ước" || l == "dự" {
				k -= 2 // "ước tính tăng 3,02%"
				continue
			}
		}
		break
	}
	return a.subject(k)
}

func (a *analyzer) baseMetric(i int) string {
	r := &a.cands[i]
	if r.fig.Metric == "" && !r.labeling {
		r.labeling = true
		r.fig.Metric = a.label(r)
		r.labeling = false
	}
	return r.fig.Metric
}

// label is the metric of c as a table row: never empty when its clause
// names something, and without the words of estimation or realization
// that another year's report would not repeat ("ước thực hiện giải ngân"
// is the row "giải ngân").
func (a *analyzer) label(c *cand) string {
	m := a.labelOf(c)
	if strings.EqualFold(m, "thực hiện") && c.index > 0 && a.sent[a.cands[c.index-1].tok] == a.sent[c.tok] && c.fig.Kind == a.cands[c.index-1].fig.Kind {
		// "tổng thu … là 133.125 triệu đồng, thực hiện đạt 130.720 triệu
		// đồng": what was realized of the amount before
		if pm := a.baseMetric(c.index - 1); pm != "" {
			m = pm + " thực hiện"
		}
	}
	if m == "" && c.fig.Kind != schema.KindPercent {
		// "Đáng chú ý, trong tháng 9, kim ngạch xuất khẩu hàng hóa … và
		// đạt 150,3 triệu USD": the noun phrase the clause is about
		m = a.clauseTopic(c)
	}
	if m == "" && a.depth[c.tok] > 0 && !c.rate && !strings.Contains(c.fig.Unit, "/") {
		// "GRDP bình quân đầu người gấp 1,3 lần của tỉnh (83,5/64 triệu
		// đồng)", "Tổng vốn đầu tư … khoảng 35% GRDP (năm 2020 ước đạt
		// 2.995,8 tỷ đồng)": the values of what the clause outside is about
		m = a.parenTopic(c)
	}
	if a.punctAt(c.tok-1, "(") && isCountKind(c.fig.Kind) && c.fig.Kind != schema.KindRatio && (m == "" || strings.EqualFold(m, c.fig.Unit) || isCounter(m)) {
		// "… do vi phạm chính sách dân số (32 đồng chí); Thiếu trách nhiệm
		// (5 đồng chí); …": the count of the item it closes
		if it := a.itemBefore(c.tok - 1); it != "" && !a.unitOfFigure(c.tok-2) {
			m = it // not "39 tổ chức cơ sở đảng (25 đảng bộ …)": a part of the figure before
		}
	}
	if head, ok := genericRate(m); ok && c.fig.Kind == schema.KindPercent {
		// "thu ngân sách … liên tục tăng qua các năm, bình quân hàng năm
		// tăng hơn 9%", "Thương mại – Dịch vụ phát triển mạnh, tốc độ tăng
		// trưởng đạt hơn 27%/năm": the rate of what the clause before names
		if s := a.prevClauseSubject(c.tok); s != "" {
			if strings.HasPrefix(s, "tốc độ ") || strings.HasPrefix(s, "mức ") {
				head = "" // "Tốc độ tăng giá trị sản xuất bình quân hằng năm, …"
			}
			m = joinLabel(head, s)
		}
	}
	if k := c.fig.Kind; (k == schema.KindArea || k == schema.KindOther || k == schema.KindMoney) && strings.Count(m, " ") >= 1 && strings.Count(m, " ") <= 2 && verbPhrase(m) {
		// "Đối với sản xuất vụ đông, toàn huyện gieo trồng được 1.098,2
		// ha": a bare act is of the topic the sentence opens with
		if t := a.topicBefore(c.tok); t != "" {
			t = strings.ToLower(t)
			for _, g := range []string{"sản xuất ", "công tác ", "lĩnh vực ", "hoạt động "} {
				t = strings.TrimPrefix(t, g)
			}
			if !strings.Contains(m, t) {
				m = joinLabel(m, t)
			}
		}
	}
	if u := c.fig.Unit; isCounter(u) && a.lowAt(c.tok-1) == "có" && (m == u || strings.HasPrefix(m, u+" ")) {
		// "Đối với chi bộ trực thuộc đảng uỷ, có 147/147 tổ chức được
		// đánh giá": the topic is what the counter counts
		if t := a.topicBefore(c.tok); t != "" {
			c.topic = t
			m = t + m[len(u):]
		}
	}
	if u := c.fig.Unit; isCounter(u) && m != "" && !strings.HasPrefix(m, u) {
		// "cán bộ lãnh đạo, quản lý có 352/353 đồng chí được kiểm điểm":
		// what befell the counted
		if pv := a.passive(c); pv != "" && !strings.Contains(m, pv) {
			m = joinLabel(m, pv)
		}
	}
	if c.parent >= 0 && c.topic == "" {
		// its parts count what it counts: "trong đó: Hoàn thành xuất sắc
		// nhiệm vụ 28" of those 147 chi bộ
		if p := &a.cands[c.parent]; p.topic != "" && p.fig.Unit == c.fig.Unit {
			if i := strings.Index(m, p.fig.Unit); i >= 0 {
				m = m[:i] + p.topic + m[i+len(p.fig.Unit):]
			}
		}
	}
	return m
}

func (a *analyzer) labelOf(c *cand) string {
	if m, ok := a.respectively(c); ok {
		return m
	}
	if c.fig.Kind == schema.KindPercent {
		if v := a.listRateVerb(c.tok); v >= 0 {
			// "… tổng sản phẩm trên địa bàn tỉnh (GRDP) tăng 2 chữ số gồm:
			// Bắc Giang (13,89%), …": the rise of what the head names
			if s := tidyLabel(afterVerb(a.subject(v - 1))); s != "" {
				return s
			}
		}
	}
	if k := a.contribution(c); k > 0 {
		// "ngành công nghiệp tăng 12,9% (đóng góp 4,1 điểm %)": the share
		// of the growth that the item before brought
		if p := c.index - 1; p >= 0 && a.sent[a.cands[p].tok] == a.sent[c.tok] && a.cands[p].fig.Role == schema.RoleChange && c.tok-a.cands[p].last <= 5 {
			if m := a.baseMetric(p); m != "" {
				return "đóng góp của " + m
			}
		}
		if s := tidyLabel(a.clauseSubject(c)); s != "" {
			return "đóng góp của " + s
		}
		// "Theo Cục Thống kê …, khu vực công nghiệp - xây dựng tiếp tục là
		// …, đóng góp 12,92 điểm %": the topic after the adverbials
		if s := a.clauseTopic(c); s != "" {
			return "đóng góp của " + s
		}
		return "đóng góp"
	}
	if p := a.shiftFrom(c); p >= 0 {
		return a.baseMetric(p) // "… tăng từ 38,2% lên 43,4%": one quantity, two moments
	}
	if v := a.lowAt(c.tok - 2); a.lowAt(c.tok-1) == "từ" && (v == "tăng" || v == "giảm") {
		if s := tidyLabel(a.subject(c.tok - 3)); s != "" && !bareVerb(s) {
			return s
		}
	}
	m := tidyLabel(a.metric(c))
	if k := a.withBefore(c); k > 0 {
		// "tiếp 84.252 lượt công dân với 61.245 vụ việc", "phát hiện sai
		// phạm với tổng số tiền 205,84 tỷ đồng": what was done is said
		// before "với"
		noun := ""
		if c.fig.Kind == schema.KindCount || c.fig.Kind == schema.KindRatio && !moneyUnit(c.fig.Unit) {
			noun = a.nounLabel(c)
		}
		if p := c.index - 1; p >= 0 && a.cands[p].last == k-1 {
			if v := a.cands[p].verb; (verbPhrase(v) || endsInVerb(v)) && !strings.Contains(a.cands[p].fig.Unit, v) {
				c.verb = v
				return joinLabel(v, noun)
			}
		} else if v := a.predicate(k - 1); verbPhrase(v) && a.candAt(k-1) < 0 {
			c.verb = v // "giám sát với 169 tổ chức đảng và 395 đảng viên": the verb of both
			return joinLabel(v, noun)
		} else if isCountKind(c.fig.Kind) {
			// "đã tiếp 81.700 lượt công dân, tăng 36,8% so với cùng kỳ năm
			// 2016 với 60.413 vụ việc": the verb of the count before, past
			// its change
			for j := c.index - 1; j >= 0 && a.sent[a.cands[j].tok] == a.sent[c.tok] && !a.clauseBreak(a.cands[j].tok, c.tok); j-- {
				if p := &a.cands[j]; isCountKind(p.fig.Kind) {
					if v := p.verb; verbPhrase(v) {
						c.verb = v
						return joinLabel(v, noun)
					}
					break
				}
			}
		}
	}
	if p := c.index - 1; p >= 0 && m != "" && a.lowAt(c.tok-1) == "và" && a.cands[p].last == c.tok-2 &&
		a.cands[p].fig.Kind != c.fig.Kind && c.fig.Kind != schema.KindPercent && a.cands[p].fig.Kind != schema.KindPercent {
		// "phát hiện vi phạm về kinh tế 41.821 tỉ đồng và 168 ha đất": the
		// verb of the amount before goes to the land
		pm := a.baseMetric(p)
		if i := strings.LastIndex(pm, " về "); i > 0 {
			return pm[:i+len(" về ")] + m
		}
		if v := a.cands[p].verb; v != "" && !strings.Contains(m, v) {
			return joinLabel(v, m)
		}
	}
	if c.fig.Kind == schema.KindMoney && (m == "" || labelMarkers[strings.ToLower(m)]) {
		// "trong đó có 33.300 tỉ đồng được phát hiện qua thanh tra hành
		// chính": the amount is named by what befell it
		if pv := a.passiveAt(c.last + 1); pv != "" {
			return strings.TrimPrefix(strings.TrimPrefix(pv, "được "), "bị ")
		}
		m = ""
	}
	if a.lowAt(c.tok-1) == "từ" {
		// "tỷ trọng … giảm từ 34%": the verb says how it moved, the
		// row is the quantity
		for _, v := range []string{" tăng", " giảm"} {
			if strings.HasSuffix(m, v) && len(m) > len(v) {
				m = m[:len(m)-len(v)]
			}
		}
	}
	if _, tail := a.sharedTail(c); tail != "" && m != "" && !strings.Contains(m, tail) && !strings.HasPrefix(m, "(") {
		m = joinLabel(m, tail)
	}
	if m == "" || strings.HasPrefix(m, "(") {
		// "tổng thu ngân sách Nhà nước đạt kết quả cao nhất …, ước đạt
		// 3.800.019 triệu đồng": what the clause opens with
		if s := tidyLabel(a.clauseSubject(c)); s != "" {
			return joinLabel(s, m)
		}
		if nl := a.nounLabel(c); m == "" && c.fig.Kind != schema.KindMoney && !strings.Contains(c.fig.Unit, nl) {
			m = nl // never only the unit
		}
	}
	return m
}

// contribution reports "đóng góp (tăng|giảm) X" before c: the token of
// "đóng", or 0.
func (a *analyzer) contribution(c *cand) int {
	k := c.tok - 1
	if w := a.lowAt(k); w == "tăng" || w == "giảm" || w == "khoảng" || w == "thêm" {
		k--
	}
	if a.lowAt(k) == "góp" && a.lowAt(k-1) == "đóng" {
		return k - 1
	}
	return 0
}

// withBefore finds "với" before c, over the generic words of an amount
// ("với tổng số tiền 6.992 tỉ đồng"): its token, or 0.
func (a *analyzer) withBefore(c *cand) int {
	k := c.tok - 1
	for k > 0 && a.word(k) != nil && (qualifiers[a.toks[k].low] != "" || genericAmount[a.toks[k].low]) {
		k--
	}
	if a.lowAt(k) == "với" && a.lowAt(k-1) != "so" && a.lowAt(k-1) != "đối" {
		return k // not "so với", nor "xoá tên và cho rút đối với 35 đảng viên": the verb is right before
	}
	return 0
}

// labelMarkers are the words of a breakdown or an exclusion that a label
// read back from a number can be left with ("trong đó có …", "(chưa bao
// gồm …)"): never a row.
var labelMarkers = set("trong", "trong đó", "có", "gồm", "bao gồm", "chưa bao", "không bao", "chưa bao gồm", "không bao gồm", "trong số", "riêng")

// functionBefore are the words between a predicate and its number.
var functionBefore = set("được", "đạt", "là", "với", "trên", "gần", "hơn", "khoảng", "có", "ước", "tổng", "số", "tiền")

// topicOpeners open a comma stretch that is not the clause's topic: a
// marker or an adverbial ("trong đó", "đáng chú ý", "theo đó", "riêng").
var topicOpeners = set("trong", "đáng", "theo", "đặc", "riêng", "tính", "ngoài", "bên", "nổi", "qua", "cụ", "như", "năm", "tháng", "quý", "sau", "từ", "đến")

// clauseTopic is the noun phrase that opens c's clause after its
// adverbial comma stretches, up to its first verb, or "".
func (a *analyzer) clauseTopic(c *cand) string {
	k := c.tok - 1
	for k >= 0 && !isClauseEnd(&a.toks[k]) && !a.punctAt(k, ":") && c.tok-k < 4*maxQuoteWords {
		if a.toks[k].kind == tNum && a.candAt(k) >= 0 {
			return ""
		}
		k--
	}
	lo := a.pastAdverbials(k+1, c.tok)
	if _, end, ok := a.organPhrase(lo); ok && end < c.tok {
		// "Mặt trận Tổ quốc vận động ủng hộ Quỹ phòng, chống dịch Covid-19
		// được 1,86 tỷ đồng": an organ is who acted; the row is what it did
		hi := c.tok - 1
		for hi > end && (a.toks[hi].kind == tPunct || functionBefore[a.lowAt(hi)]) {
			hi--
		}
		if hi > end && hi-end < 16 {
			return tidyLabel(a.span(end, hi))
		}
		return ""
	}
	e, n := a.topicEnd(lo, c.tok)
	if n < 2 || a.word(lo) == nil {
		return ""
	}
	sub := a.span(lo, e-1)
	head := sub
	if i := strings.IndexAny(head, "-–"); i > 0 {
		head = head[:i] // "khu vực công nghiệp - xây dựng": "xây dựng" names a sector here
	}
	if !plainNoun(strings.ReplaceAll(head, " và ", " ")) { // "khu vực doanh nghiệp và vốn nhà nước" is one topic
		return ""
	}
	return tidyLabel(lowerFirst(sub))
}

// pastAdverbials skips, from token lo, the comma stretches before end that
// open on a marker or a time ("Đáng chú ý,", "trong tháng 9,"), and an
// item's number: where the clause's topic starts.
func (a *analyzer) pastAdverbials(lo, end int) int {
	for lo < end {
		for lo < end && a.word(lo) == nil {
			lo++ // "1. Tổng vốn …": the item's number
		}
		e := lo
		for e < end && !a.punctAt(e, ",") {
			e++
		}
		if e < end && (topicOpeners[a.lowAt(lo)] || a.inPeriod[lo]) {
			lo = e + 1
			continue
		}
		break
	}
	return lo
}

// topicEnd reads the noun phrase of a topic from token lo, before end, up
// to its verb: the token after it and its number of words.
func (a *analyzer) topicEnd(lo, end int) (int, int) {
	e, n := lo, 0
	for e < end && n < maxSubject {
		if (a.punctAt(e, "-") || a.punctAt(e, "–")) && n > 0 && a.word(e+1) != nil {
			e += 2 // "khu vực công nghiệp - xây dựng": a sector's name, not the verb
			n++
			continue
		}
		if a.word(e) == nil {
			break
		}
		if n > 0 && topicStop(a.toks[e].low, a.lowAt(e+1), a.lowAt(e-1), a.isNum(e+1)) {
			break
		}
		e++
		n++
	}
	return e, n
}

// topicStop reports a word w (next after it, prev before it) that ends a
// topic's noun phrase: a verb, or a qualifier of the number after it
// ("khoảng 35%", not "trên địa bàn").
func topicStop(w, next, prev string, numNext bool) bool {
	switch w {
	case "đạt", "là", "ước", "tăng", "giảm", "được", "chiếm", "bằng", "có", "còn", "tiếp", "gấp", "cao", "thấp":
		return true
	}
	return qualifiers[w] != "" && numNext || verbPairs[pair{w, next}] && !headNouns[prev]
}

// parenTopic is the noun phrase that opens the clause outside the
// parenthesis c is in, after its adverbial stretches and list numbering.
func (a *analyzer) parenTopic(c *cand) string {
	o := c.tok - 1
	for o >= 0 && a.depth[o] >= a.depth[c.tok] {
		o--
	}
	if o < 0 || !a.punctAt(o, "(") {
		return ""
	}
	k := o - 1
	for k >= 0 && !isClauseEnd(&a.toks[k]) && !a.punctAt(k, ":") && o-k < 4*maxQuoteWords {
		k--
	}
	lo := k + 1
	// the comma stretch the parenthesis closes, when it opens on a noun
	// ("…, GRDP bình quân đầu người gấp 1,3 lần của tỉnh(83,5/64 …)")
	for j := o - 1; j > lo; j-- {
		if a.punctAt(j, ",") && a.depth[j] == a.depth[o] {
			if a.word(j+1) != nil && !topicOpeners[a.lowAt(j+1)] && !a.inPeriod[j+1] {
				lo = j + 1
			}
			break
		}
	}
	lo = a.pastAdverbials(lo, o)
	e, n := a.topicEnd(lo, o)
	if n < 2 {
		return ""
	}
	return tidyLabel(lowerFirst(a.span(lo, e-1)))
}

// adverbialOpeners open an adverbial phrase that a comma closes: "Qua
// thanh tra, …", "Sau kiểm tra, …".
var adverbialOpeners = set("qua", "sau", "thông", "trong", "khi", "từ")

// verbPhrase reports a phrase that opens on a verb ("tiếp", "chuyển cơ
// quan điều tra xử lý"), not a noun that a label was read as.
func verbPhrase(v string) bool {
	// the first two words, without splitting the whole label: it is asked
	// of most labels
	w0, rest, _ := strings.Cut(strings.TrimSpace(v), " ")
	w1, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	w0, w1 = strings.ToLower(w0), strings.ToLower(w1)
	return w0 != "" && (w1 != "" && verbPairs[pair{w0, w1}] || singleVerbs[w0])
}

// endsInVerb reports a phrase whose last two words are a verb ("điều tra
// xử lý").
func endsInVerb(v string) bool {
	ws := strings.Fields(strings.ToLower(v))
	return len(ws) >= 2 && verbPairs[pair{ws[len(ws)-2], ws[len(ws)-1]}]
}

// conventionalCaps are capitalized by convention ("Đảng", "Nhà nước",
// "Nhân dân"), not because they are names.
var conventionalCaps = set("đảng", "nhà", "nhân")

// conventionalAt reports such a word as the object of the verb before it,
// not part of a name ("Huy hiệu Đảng", "vào Đảng" stay names).
func (a *analyzer) conventionalAt(k int) bool {
	return conventionalCaps[a.lowAt(k)] && (singleVerbs[a.lowAt(k-1)] || verbPairs[pair{a.lowAt(k - 2), a.lowAt(k - 1)}])
}

var singleVerbs = set("tiếp", "chuyển", "kiểm", "xử", "thu", "phát", "kết", "cấp", "giải", "hỗ", "tặng", "trao", "khen", "nhận", "tổ", "mở", "đào", "xây", "thi", "kỷ", "khởi", "phạt")

var genericAmount = set("tổng", "số", "tiền", "giá", "trị")

// shiftFrom finds the figure c is the end of a shift from: "giảm từ 34%
// năm 2015 (ước) còn 23,5%", "tăng từ 38,2% lên 43,4%", "từ 5,2% xuống
// còn 3,1%": the index of the figure after "từ", or -1.
func (a *analyzer) shiftFrom(c *cand) int {
	k := c.tok - 1
	moved := false
	for k >= 0 {
		if a.inPeriod[k] {
			k--
			continue
		}
		switch a.lowAt(k) {
		case "lên", "xuống", "còn":
			moved = true
			k--
			continue
		case "ước", "mức", "đạt", "tăng", "giảm":
			k--
			continue
		}
		break
	}
	if !moved || k < 0 {
		return -1
	}
	p := c.index - 1
	if p < 0 || a.cands[p].last != k || a.cands[p].fig.Kind != c.fig.Kind {
		return -1
	}
	if j := a.cands[p].tok - 1; a.lowAt(j) != "từ" {
		return -1
	}
	return p
}

// respectively maps "A, B (và C) lần lượt (là, đạt, còn …) X, Y (và Z)"
// in order: the i-th value is of the i-th subject. A later subject shorter
// than the first takes the first's opening words ("Tỷ lệ hộ nghèo, hộ cận
// nghèo lần lượt còn 2,1% và 3,4%": "tỷ lệ hộ cận nghèo").
func (a *analyzer) respectively(c *cand) (string, bool) {
	// the run of values c is in, and its first
	first := c.index
	for first > 0 {
		p := &a.cands[first-1]
		k := a.cands[first].tok - 1
		for k > p.last && a.word(k) != nil && qualifiers[a.toks[k].low] != "" {
			k--
		}
		if !(a.punctAt(k, ",") || a.lowAt(k) == "và") || k-1 != p.last || a.sent[p.tok] != a.sent[c.tok] {
			break
		}
		first--
	}
	last := c.index
	for last+1 < len(a.cands) {
		n := &a.cands[last+1]
		k := a.cands[last].last + 1
		if !(a.punctAt(k, ",") || a.lowAt(k) == "và") || a.sent[n.tok] != a.sent[c.tok] {
			break
		}
		if j := k + 1; j != n.tok && !(a.word(j) != nil && qualifiers[a.toks[j].low] != "" && j+1 == n.tok) {
			break
		}
		last++
	}
	if first == last {
		return "", false
	}
	// "lần lượt" and its verb just before the first value
	k := a.cands[first].tok - 1
	for n := 0; n < 4 && k > 1 && a.word(k) != nil && !(a.lowAt(k-1) == "lần" && a.lowAt(k) == "lượt"); n++ {
		k--
	}
	if !(a.lowAt(k-1) == "lần" && a.lowAt(k) == "lượt") {
		return "", false
	}
	// the subjects, from the start of the clause to "lần lượt"
	hi := k - 2
	lo := hi
	for lo > 0 && !isClauseEnd(&a.toks[lo-1]) && !a.punctAt(lo-1, ":") && a.toks[lo-1].kind != tNum && hi-lo < 3*maxQuoteWords {
		lo--
	}
	var items [][2]int
	from := lo
	for j := lo; j <= hi+1; j++ {
		if j == hi+1 || a.punctAt(j, ",") || a.lowAt(j) == "và" {
			if j > from {
				items = append(items, [2]int{from, j - 1})
			}
			from = j + 1
		}
	}
	if len(items) != last-first+1 {
		return "", false
	}
	it := items[c.index-first]
	m := a.span(it[0], it[1])
	if i0 := items[0]; c.index > first {
		// the first item's words before the later item's first word
		for j := i0[0] + 1; j <= i0[1] && j <= i0[0]+3; j++ {
			if a.lowAt(j) == a.lowAt(it[0]) {
				m = a.span(i0[0], j-1) + " " + m
				break
			}
		}
	}
	return tidyLabel(lowerFirst(m)), m != ""
}

// sharedTail is what is said after the last item of a coordination and
// holds for every item: "kết luận 1.575 tổ chức đảng và 6.695 đảng viên có
// vi phạm", "kiểm tra 12 tổ chức đảng và 60 đảng viên khi có dấu hiệu vi
// phạm". c is an item followed directly by "và" or a comma and the next
// figure's count.
func (a *analyzer) sharedTail(c *cand) (cond, having string) {
	if !isCountKind(c.fig.Kind) || c.index < 0 || c.index >= len(a.cands) {
		return "", ""
	}
	i := c.index
	for i+1 < len(a.cands) {
		n := &a.cands[i+1]
		k := a.cands[i].last + 1
		if labelKeepPairs[pair{a.lowAt(k), a.lowAt(k + 1)}] {
			k += 2 // "12 tổ chức đảng cấp dưới và 60 …"
		}
		sep := k
		for k < n.tok && a.word(k) != nil && (qualifiers[a.toks[k].low] != "" || a.lowAt(k) == "và") {
			k++
		}
		if !(a.punctAt(sep, ",") && sep+1 == n.tok || a.lowAt(sep) == "và" && k == n.tok) || !isCountKind(n.fig.Kind) || a.sent[n.tok] != a.sent[c.tok] {
			break
		}
		i++
	}
	if i == c.index {
		return "", ""
	}
	n := &a.cands[i]
	if cond := a.condition(n); cond != "" {
		return cond, ""
	}
	return "", a.having(n.last+1, n.index)
}

// counters count what the clause names elsewhere ("có 352 đồng chí",
// "147 tổ chức").
var counters = []string{"đồng chí", "tổ chức", "người", "trường hợp", "đơn vị", "cá nhân"}

// isCounter reports one of counters, in any case, without making a string:
// it is asked of every label.
func isCounter(u string) bool {
	if len(u) < 4 || len(u) > 14 {
		return false
	}
	for _, c := range counters {
		if strings.EqualFold(u, c) {
			return true
		}
	}
	return false
}

// topicBefore reads the topic that opens the clause of token k, or a
// comma stretch of it: "Đối với X," "Về X," "Kết quả xếp loại X,": X, or "".
func (a *analyzer) topicBefore(k int) string {
	j := k - 1
	for j >= 0 && !isClauseEnd(&a.toks[j]) && !a.toks[j].isPunct(":") {
		j--
	}
	topic := ""
	for p := j + 1; p < k; p++ {
		if p > j+1 && !a.punctAt(p-1, ",") {
			continue
		}
		start := p
		switch {
		case a.lowAt(p) == "đối" && a.lowAt(p+1) == "với":
			start += 2
		case a.lowAt(p) == "về":
			start++
		case a.lowAt(p) == "kết" && a.lowAt(p+1) == "quả" && (verbPairs[pair{a.lowAt(p + 2), a.lowAt(p + 3)}] || isRating(a.lowAt(p+2), a.lowAt(p+3), "")):
			start += 4
		default:
			continue
		}
		end := start
		for end < k && (a.word(end) != nil || (a.inPeriod[end] || a.isNum(end)) && a.candAt(end) < 0) {
			end++ // "Về sản xuất vụ xuân 2021,"
		}
		if end < k && a.punctAt(end, ",") && end > start && end-start <= 6 {
			topic = a.span(start, end-1)
		}
	}
	return topic
}

// genericRate reports a label that names a rate or an average and not of
// what ("tốc độ tăng trưởng", "bình quân hàng năm tăng", "tăng bình
// quân"), with the words worth keeping of it ("tốc độ tăng trưởng", "").
func genericRate(m string) (string, bool) {
	// every label of a report is asked: most name no rate, and are let go
	// before any string is made
	if len(m) > 60 || !strings.Contains(m, "tăng") && !strings.Contains(m, "giảm") && !strings.Contains(m, "quân") && !strings.Contains(m, "Tăng") && !strings.Contains(m, "độ") && !strings.Contains(m, "mức") {
		return "", false
	}
	f := " " + strings.ToLower(m) + " "
	rest := f
	for _, w := range []string{" tốc độ ", " tăng trưởng ", " bình quân ", " hàng năm ", " hằng năm ", " mỗi năm ", " tăng ", " giảm ", " mức ", " đạt "} {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	if strings.TrimSpace(rest) != "" || strings.TrimSpace(f) == "" {
		return "", false
	}
	if strings.Contains(f, " tốc độ ") {
		return "tốc độ tăng trưởng", true
	}
	return "", true
}

// prevClauseSubject is the noun phrase that opens the comma clause before
// the one of token k, in its sentence: "" when there is none, or when it
// does not open on a noun.
func (a *analyzer) prevClauseSubject(k int) string {
	j := k - 1
	for j >= 0 && !a.punctAt(j, ",") {
		if isClauseEnd(&a.toks[j]) || a.punctAt(j, ":") || a.toks[j].kind == tNum && a.candAt(j) >= 0 {
			return ""
		}
		j--
	}
	if j < 0 {
		return ""
	}
	lo := j - 1
	for lo >= 0 && !a.punctAt(lo, ",") && !isClauseEnd(&a.toks[lo]) && !a.punctAt(lo, ":") {
		lo--
	}
	lo++
	e := lo
	for e < j && (a.word(e) != nil || e > lo && (a.punctAt(e, "-") || a.punctAt(e, "–")) && a.word(e+1) != nil) && e-lo < maxSubject {
		w := a.toks[e].low
		if e > lo && (subjectStop[w] && !(w == "năm" && (a.lowAt(e-1) == "hằng" || a.lowAt(e-1) == "hàng" || a.lowAt(e-1) == "mỗi")) || (w == "tăng" || w == "giảm") && a.lowAt(e-1) != "độ" && a.lowAt(e-1) != "mức" || w == "đạt" || w == "có" || w == "liên" || w == "chiếm" ||
			verbPairs[pair{w, a.lowAt(e + 1)}] && !headNouns[a.lowAt(e-1)] && !a.punctAt(e-1, "-") && !a.punctAt(e-1, "–")) {
			break // "Công nghiệp – Xây dựng": a sector after the dash
		}
		e++
	}
	if e == lo {
		return "" // a whole clause that is a noun phrase is a topic: "Tốc độ tăng … bình quân hằng năm, …"
	}
	sub := a.span(lo, e-1)
	if _, generic := genericRate(sub); generic || !plainNoun(sub) {
		return ""
	}
	return lowerFirst(sub)
}

// itemBefore reads the list item that ends at the "(" at token o: back to
// a ';', ':' or the clause's start, after a reason ("do", "vì") or a
// copula that opens it, at most ten words; "" when it is not plain words.
func (a *analyzer) itemBefore(o int) string {
	hi := o - 1
	lo := hi
	for lo >= 0 && hi-lo < 14 {
		t := &a.toks[lo]
		if t.kind != tWord {
			if t.isPunct(",") || t.isPunct("-") || t.isPunct("–") {
				lo--
				continue
			}
			break
		}
		if t.low == "do" || t.low == "vì" || t.low == "là" || t.low == "gồm" {
			break
		}
		lo--
	}
	lo++
	for lo <= hi && a.toks[lo].kind == tPunct {
		lo++
	}
	if lo > hi || a.word(hi) == nil || hi-lo >= 13 || lo > 0 && a.isNum(lo-1) {
		return "" // "39 tổ chức cơ sở đảng trực thuộc (25 …": the words of the figure before
	}
	return lowerFirst(a.span(lo, hi))
}

// placeName reports a place by its name ("thị trấn Đăk Tô", "huyện Cư
// Jút").
func placeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 {
		return false
	}
	lw := strings.ToLower(ws[0])
	if !placeLevels[lw] {
		return false
	}
	i := 1
	if lw == "thị" || lw == "thành" {
		i = 2 // "thị xã", "thị trấn", "thành phố"
	}
	if i >= len(ws) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(ws[i])
	return unicode.IsUpper(r)
}

// wholeSubject reports a subject that is only who as a whole: "toàn
// huyện", "các xã", "cả tỉnh".
func wholeSubject(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	return len(ws) <= 3 && len(ws) >= 2 && (articles[ws[0]] || ws[0] == "cả")
}

// bareVerb reports a label that is only the verb of a change ("tăng",
// "vượt mục tiêu", "cao hơn"): it says how, not what.
func bareVerb(s string) bool {
	switch strings.ToLower(s) {
	case "tăng", "giảm", "tăng lên", "giảm đi", "giảm xuống", "vượt", "vượt mục tiêu", "vượt kế hoạch", "cao hơn", "thấp hơn", "gấp", "còn", "bình quân hàng năm", "bình quân":
		return true
	}
	return false
}

// stripBasis drops the "(% kế hoạch)" of a percent of plan's label.
func stripBasis(s string) string {
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		return s[:i]
	}
	return s
}

// labelOpeners are words a label does not open with: estimation and
// realization ("ước", "ước tính", "thực hiện") say how sure or how far a
// value is, not what it is.
// Topic markers ("về đảng viên có …", "đối với cá nhân … có …") name what
// is spoken of, which the rest of the label says.
// afterVerb is what follows the last two-syllable verb of s ("địa phương
// ghi nhận tổng sản phẩm …" → "tổng sản phẩm …"), or s.
func afterVerb(s string) string {
	ws := strings.Fields(s)
	for i := len(ws) - 2; i >= 0; i-- {
		if verbPairs[pair{strings.ToLower(ws[i]), strings.ToLower(ws[i+1])}] && i+2 < len(ws) {
			return strings.Join(ws[i+2:], " ")
		}
	}
	return s
}

// quantityHeads open a noun phrase that names a quantity.
var quantityHeads = pairSet("tốc độ", "tỷ lệ", "tỉ lệ", "tổng giá", "tổng sản", "tổng thu", "tổng vốn", "thu nhập", "giá trị", "tổng số", "kim ngạch", "quy mô", "qui mô")

var labelOpeners = []string{"tiếp tục ", "trong đó có ", "trong đó ", "hầu hết ", "tất cả ", "ước thực hiện ", "ước tính ", "ước đạt ", "ước ", "dự ước ", "thực hiện ", "phấn đấu ", "về ", "đối với ", "tuy nhiên ", "đồng thời ", "ngoài ra ", "bên cạnh đó "}

// labelClosers end a subject before its time: "Tổng dư nợ ước thực hiện
// đến 30/9/2022 là …" is the row "tổng dư nợ".
var labelClosers = []string{" ước thực hiện", " ước tính", " ước đạt", " dự ước", " ước", " thực hiện", " sơ bộ"}

func tidyLabel(m string) string {
	m = strings.TrimSpace(m)
	if i := strings.Index(m, " phấn đấu "); i > 0 && strings.Count(m[i+len(" phấn đấu "):], " ") >= 1 {
		m = m[i+len(" phấn đấu "):] // "thành phố phấn đấu GRDP bình quân đầu người": the goal, not who sets it
	}
	for _, p := range labelClosers {
		if len(m) > len(p)+3 && strings.EqualFold(m[len(m)-len(p):], p) {
			if rest := strings.TrimSpace(m[:len(m)-len(p)]); !strings.HasSuffix(rest, " phải") && !strings.HasSuffix(rest, " cần") {
				m = rest // not "số kết luận thanh tra phải thực hiện": what must be done
			}
			break
		}
	}
	if rest, ok := strings.CutPrefix(m, "chỉ "); ok {
		// "tỉnh chỉ giải quyết việc làm được cho 21.000 người": "only" says
		// it fell short; "chỉ tiêu", "chỉ số", "chỉ đạo" are words of their own
		if ws := strings.Fields(strings.ToLower(rest)); len(ws) >= 2 && verbPairs[pair{ws[0], ws[1]}] {
			m = rest
		}
	}
	if rest, ok := strings.CutPrefix(m, "đưa "); ok {
		// "đưa tốc độ tăng trưởng GRDP … đạt 6,5-7%": the quantity brought
		// there, not "đưa lao động đi làm việc", which is what was done
		if ws := strings.Fields(strings.ToLower(rest)); len(ws) >= 2 && quantityHeads[pair{ws[0], ws[1]}] {
			m = rest
		}
	}
	for again := true; again; {
		again = false
		for _, p := range labelOpeners {
			if len(m) > len(p) && strings.EqualFold(m[:len(p)], p) {
				rest := strings.TrimSpace(m[len(p):])
				if p == "thực hiện " {
					// only before the verb it realizes: "thực hiện giải
					// ngân", not "thực hiện nghiêm túc …"
					if ws := strings.Fields(strings.ToLower(rest)); len(ws) < 2 || !verbPairs[pair{ws[0], ws[1]}] {
						continue
					}
				}
				m = rest
				again = true
			}
		}
	}
	return m
}

// clauseSubject is the noun phrase a clause opens with, up to its first
// verb: the subject that a value said later in the clause is of.
func (a *analyzer) clauseSubject(c *cand) string {
	k := c.tok - 1
	for k >= 0 && !isClauseEnd(&a.toks[k]) && !a.punctAt(k, ":") && c.tok-k < 3*maxQuoteWords {
		if a.toks[k].kind == tNum && a.candAt(k) >= 0 {
			return "" // another figure's clause
		}
		k--
	}
	lo := k + 1
	for lo < c.tok && a.word(lo) == nil {
		lo++
	}
	// skip an opening connective ("Nổi bật là", "Đặc biệt là")
	for j := lo; j < lo+3 && j < c.tok; j++ {
		if a.lowAt(j) == "là" && j > lo {
			lo = j + 1
			break
		}
	}
	e := lo
	n := 0
	for e < c.tok && a.word(e) != nil && n < maxSubject {
		w := a.toks[e].low
		if n > 0 && (w == "đạt" || w == "là" || w == "ước" || w == "tăng" || w == "giảm" || w == "được" || w == "chiếm" || w == "bằng" || w == "có" || w == "còn" || w == "thực" && a.lowAt(e+1) == "hiện") {
			break
		}
		if w == "là" && n == 0 {
			return ""
		}
		e++
		n++
	}
	if n == 0 || e >= c.tok || a.word(e) == nil {
		return ""
	}
	sub := a.span(lo, e-1)
	if !plainNoun(sub) {
		return ""
	}
	return lowerFirst(sub)
}

func joinLabel(a, b string) string {
	return strings.TrimSpace(a + " " + b)
}

// percentMetric names a percent: a rate named before it ("tỷ lệ hồ sơ …
// đạt 98,7%"), the share of the figure it is computed on, the noun phrase
// after it ("100% thôn, bản có chi bộ"), or the subject before it.
func (a *analyzer) percentMetric(c *cand) string {
	if m := a.rateName(c.tok); m != "" {
		return m
	}
	// "khu vực công nghiệp và xây dựng chiếm tỉ lệ cao với 40,08%": the
	// share is of what comes before "chiếm"
	for k := c.tok - 1; k >= 0 && k >= c.tok-6 && a.word(k) != nil; k-- {
		if a.toks[k].low == "chiếm" {
			if r := c.refersTo; r >= 0 && (a.cands[r].last == k-1 || a.basisEndingAt(k, 5) != "") {
				// "… là 55 đảng viên chiếm tỉ lệ 76,3%", "… 234,7 tỷ đồng,
				// tăng 58,5% so với cùng kỳ chiếm tỷ lệ 6%": of the figure before
				break
			}
			if s := a.subject(k - 1); s != "" {
				return s
			}
			break
		}
	}
	if c.refersTo >= 0 && a.cands[c.refersTo].countOf != c.index {
		base := a.baseMetric(c.refersTo)
		if !strings.Contains(base, "xếp loại") {
			if cl := a.classification(c.last+1, c.refersTo); cl != "" {
				base = joinLabel(base, cl)
			}
		}
		return "tỷ lệ " + base
	}
	start := c.last + 1
	if isRating(a.lowAt(start), a.lowAt(start+1), a.lowAt(start+2)) {
		// "… 604 TCCSĐ hoàn thành tốt nhiệm vụ, …, trong đó có 23,8% xếp
		// loại hoàn thành xuất sắc nhiệm vụ": the share of the count before
		// with that rating
		e := start
		for e < len(a.toks) && e < start+maxClass && a.word(e) != nil && a.lowAt(e) != "và" {
			e++
		}
		for j := c.index - 1; j >= 0 && a.sent[a.cands[j].tok] == a.sent[c.tok]; j-- {
			if p := &a.cands[j]; isCountKind(p.fig.Kind) && p.fig.Unit != "" {
				return "tỷ lệ " + p.fig.Unit + " " + strings.TrimPrefix(a.span(start, e-1), "xếp loại ")
			}
			if p := &a.cands[j]; p.fig.Kind == schema.KindPercent && a.word(p.last+1) != nil {
				// "90,33% số đảng viên được đánh giá …; 9,1% hoàn thành nhiệm
				// vụ": the people the first share counted
				if u, _, _, _ := a.nounPhrase(p.last + 1); u != "" {
					return "tỷ lệ " + strings.TrimPrefix(u, "số ") + " " + strings.TrimPrefix(a.span(start, e-1), "xếp loại ")
				}
			}
		}
	}
	if w := a.lowAt(start); (w == "các" || w == "những") && a.word(start+1) != nil {
		start++ // "100% các trường mầm non, … đạt chuẩn"
	}
	if a.word(start) != nil {
		if np := a.phrase(start, c.index); np != "" {
			// "97% người dân tham gia BHYT", "100% trường … đạt chuẩn": what
			// the counted do, said right after them
			if vp := a.verbAfter(a.wordsEnd(start, len(strings.Fields(np)))); vp != "" && !strings.Contains(np, vp) {
				np = joinLabel(np, vp)
			}
			return "tỷ lệ " + np
		}
	}
	lead, _ := a.leading(c)
	return a.subject(lead)
}

// wordsEnd is the token after the n-th word from token k (punctuation
// between words skipped).
func (a *analyzer) wordsEnd(k, n int) int {
	for k < len(a.toks) && n > 0 {
		if a.word(k) != nil {
			n--
		}
		k++
	}
	return k
}

// verbAfter reads a verb phrase that opens at token k ("tham gia BHYT",
// "đạt chuẩn quốc gia") up to the end of its clause, at most six words.
func (a *analyzer) verbAfter(k int) string {
	w := a.word(k)
	if w == nil || !(verbPairs[pair{w.low, a.lowAt(k + 1)}] || singleVerbs[w.low] || w.low == "đạt" || w.low == "tham" || w.low == "không" && (a.lowAt(k+1) == "còn" || a.lowAt(k+1) == "có")) {
		return "" // "100% số xã không còn nợ đọng …": what the counted no longer have
	}
	e := k
	for e < len(a.toks) && e-k < 6 && a.word(e) != nil && !(e > k && (predicateStop[a.toks[e].low] && a.toks[e].low != "về" || a.toks[e].low == "so")) {
		e++
	}
	return a.span(k, e-1)
}

type labelMode int

const (
	modePredicate labelMode = iota // "kết nạp 230 đảng viên"
	modeSubject                    // "tổng số đảng viên … là 6.387 đồng chí"
	modeExist                      // "Đảng bộ có 39 tổ chức cơ sở đảng"
)

// selfAnd reports a "và" at k that joins an act to itself done by oneself:
// "tự phê bình và phê bình", "kiểm tra và tự kiểm tra".
func (a *analyzer) selfAnd(k int) bool {
	if a.lowAt(k-2) == a.lowAt(k+1) && a.lowAt(k-1) == a.lowAt(k+2) {
		return a.lowAt(k-3) == "tự"
	}
	return a.lowAt(k+1) == "tự" && a.lowAt(k-2) == a.lowAt(k+2) && a.lowAt(k-1) == a.lowAt(k+3)
}

// quantityNamed reports a clause before token k that opens with "tổng số",
// "số" or "tổng đàn" and a noun: it names the quantity the number is.
func (a *analyzer) quantityNamed(k int) bool {
	j := k - 1
	for j > 0 && j > k-12 && a.word(j-1) != nil {
		j--
	}
	if a.word(j) == nil || j >= k-1 {
		return false
	}
	w, w2 := a.lowAt(j), a.lowAt(j+1)
	switch {
	case w == "tổng" && (w2 == "số" || w2 == "đàn"):
		return j+2 < k && a.word(j+2) != nil && !unitStop[a.lowAt(j+2)]
	case w == "số" && w2 != "lượng":
		return !unitStop[w2]
	}
	return false
}

// passiveBefore reports "được" or "bị" a few words before token k, in
// its clause, with a noun before it: the verb at k is said of that noun.
func (a *analyzer) passiveBefore(k int) bool {
	for j := k - 1; j >= 1 && j >= k-9 && a.word(j) != nil; j-- {
		if w := a.lowAt(j); (w == "được" || w == "bị") && a.word(j-1) != nil {
			return true
		}
	}
	return false
}

// leading skips the qualifier and the function words just before the
// number ("được", "cho", "đối với", "lên") and tells from them how the
// number is said: as the object of a verb, the complement of a subject or
// the count of an existential "có".
func (a *analyzer) leading(c *cand) (int, labelMode) {
	k := c.tok - 1
	if q := c.fig.Qualifier; q != "" && !strings.HasPrefix(q, "trở") {
		k -= strings.Count(strings.ReplaceAll(q, " … trở lên", ""), " ") + 1
		if strings.HasPrefix(strings.ToLower(q), "ước") {
			return k, modeSubject // "… ước đạt 612,4 tỷ đồng"
		}
	}
	for k >= 0 {
		// "… lũy kế đến tháng 6.2018 gần 327 tỷ đồng", "… đến ngày 15/6
		// ước đạt …": a time between the subject and its value
		if a.isNum(k) && (a.lowAt(k-1) == "tháng" || a.lowAt(k-1) == "ngày" || a.lowAt(k-1) == "năm" || a.lowAt(k-1) == "quý") {
			k -= 2
			for a.lowAt(k) == "đến" || a.lowAt(k) == "hết" || a.lowAt(k) == "tính" || a.lowAt(k) == "kế" && a.lowAt(k-1) == "lũy" {
				if a.lowAt(k) == "kế" {
					k--
				}
				k--
			}
			continue
		}
		if k > 0 && a.toks[k].kind == tNum && a.candAt(k) < 0 && (a.lowAt(k-1) == "đến" || a.lowAt(k-1) == "hết" || a.lowAt(k-1) == "ngày") {
			// "… thực hiện đến 26/1/2021 là 831.458 triệu đồng": a date
			// between the subject and its value
			k -= 2
			for a.lowAt(k) == "đến" || a.lowAt(k) == "tính" || a.lowAt(k) == "hết" || a.lowAt(k) == "ngày" {
				k--
			}
			continue
		}
		w := a.word(k)
		if w == nil {
			// "từ 8,5% đến 9%": the range opens with "từ" before the number
			return k, modePredicate
		}
		switch w.low {
		case "là", "bằng", "chiếm":
			return k - 1, modeSubject
		case "đạt", "ước":
			for a.lowAt(k-1) == "ước" || a.lowAt(k-1) == "chỉ" || a.lowAt(k-1) == "tính" && a.lowAt(k-2) == "ước" {
				k--
			}
			if w := a.lowAt(k - 1); (w == "đã" || w == "đều" || w == "cũng" || w == "vẫn") && a.word(k-2) != nil {
				k-- // "bình quân mỗi xã đã đạt 11 tiêu chí": the subject is before the auxiliary
			}
			return k - 1, modeSubject
		case "hiện":
			// "ước thực hiện (được)", "thực hiện được": the realization of
			// a planned amount, said of the subject
			if w := a.lowAt(k - 2); a.lowAt(k-1) == "thực" && w != "đang" && w != "đã" && w != "sẽ" && w != "chưa" && w != "tiến" && w != "tục" {
				// not "đang thực hiện 06 cuộc": an auxiliary makes it the verb
				k -= 2
				if a.lowAt(k) == "ước" {
					k--
				}
				return k, modeSubject
			}
		case "có", "gồm":
			if a.lowAt(k-1) == "trong" && a.lowAt(k-2) == "đó" || a.lowAt(k-1) == "đó" {
				return k - 2, modeExist
			}
			if a.quantityNamed(k) {
				// "Tổng số trâu trên địa bàn tỉnh có 105.301 con": the
				// clause names the quantity, the unit only counts it
				return k - 1, modeSubject
			}
			if c.fig.Unit == "" && a.passiveBefore(k) {
				// "Tập thể được kiểm điểm tự phê bình và phê bình có
				// 219/219": nothing counted after the number, who underwent
				// it is the subject of "có"
				return k - 1, modeSubject
			}
			if verbPairs[pair{a.lowAt(k - 2), a.lowAt(k - 1)}] && a.lowAt(k-2) != "bao" {
				return k - 1, modePredicate // "kết luận có 1.575 tổ chức đảng": what the verb found
			}
			return k - 1, modeExist
		case "với":
			if a.lowAt(k-1) == "đối" {
				k -= 2
				continue
			}
			if a.conditionBefore(k - 1) {
				return k - 1, modePredicate // "kiểm tra khi có dấu hiệu vi phạm với 4 tổ chức đảng"
			}
			return k - 1, modeExist
		case "được", "đã", "cho", "tại", "ở", "thêm", "lên", "từ", "khoảng", "gần", "hơn", "trên":
			k--
			continue
		case "đó":
			if a.lowAt(k-1) == "trong" {
				return k - 2, modeExist
			}
		case "trong":
			if a.lowAt(k-1) == "một" {
				return k - 2, modeExist // "là một trong 10 tỉnh, thành phố có …": the group named after
			}
		}
		if a.numberedBy(k, c.fig.Unit) {
			// "Số đảng viên hoàn thành xuất sắc nhiệm vụ 1.321 đồng chí":
			// the clause names the quantity, the unit only counts it
			return k, modeSubject
		}
		return k, modePredicate
	}
	return k, modePredicate
}

// numberedBy reports a clause ending at token k that opens on "Số" ("Số
// đảng viên …", "Số xã đạt chuẩn …") or on the noun the figure counts ("Xã
// đạt chuẩn nông thôn mới 4/5 xã"), with no number in between.
func (a *analyzer) numberedBy(k int, unit string) bool {
	head, _, _ := strings.Cut(unit, " ")
	for j := k; j >= 0 && k-j < maxSubject; j-- {
		t := &a.toks[j]
		if t.kind != tWord {
			return false
		}
		if (j == 0 || a.toks[j-1].kind != tWord) && t.upper {
			// "Đảng viên hoàn thành xuất sắc nhiệm vụ 120 đồng chí": people
			// counted in "đồng chí"
			people := strings.EqualFold(unit, "đồng chí") && j+1 < k && personUnit(a.span(j, j+1))
			return j < k && (t.low == "số" || strings.EqualFold(t.low, head) && a.candAt(j-1) < 0 && a.opensWith(j, unit) || people && a.candAt(j-1) < 0)
		}
	}
	return false
}

// opensWith reports the words of unit from token j on: "Đảng viên …", not
// "Đảng bộ huyện kết nạp được 171 đảng viên".
func (a *analyzer) opensWith(j int, unit string) bool {
	for rest := unit; rest != ""; j++ {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		if w != "" && !strings.EqualFold(a.lowAt(j), w) {
			return false
		}
	}
	return true
}

// actOverList reads the act whose list of receivers ends at token k:
// "tặng cờ cho Đảng bộ TP Chí Linh, Đảng bộ Quân sự tỉnh và 6 TCCSĐ",
// "tặng bằng khen cho các Đảng bộ …, 45 TCCSĐ": the words before "cho",
// up to four, or "".
func (a *analyzer) actOverList(k int) string {
	for j := k; j > 0 && k-j < 30; j-- {
		t := &a.toks[j]
		if t.kind == tNum || isClauseEnd(t) || t.isPunct(":") {
			return ""
		}
		if t.kind == tWord && t.low == "cho" && j < k {
			lo := j - 1
			for lo > 0 && j-lo < 4 && a.word(lo-1) != nil && (!predicateStop[a.lowAt(lo-1)] || a.lowAt(lo-1) == "bằng" && a.lowAt(lo) == "khen") && !a.toks[lo-1].upper {
				lo--
			}
			if a.word(lo) == nil || !(singleVerbs[a.lowAt(lo)] || verbPairs[pair{a.lowAt(lo), a.lowAt(lo + 1)}]) {
				return ""
			}
			return a.span(lo, j-1)
		}
	}
	return ""
}

// requestBefore returns "đề nghị", "yêu cầu" or "kiến nghị" when it opens
// the run of names and commas that ends at token k.
func (a *analyzer) requestBefore(k int) string {
	for j := k; j >= 1 && k-j < 16; j-- {
		t := &a.toks[j]
		if t.kind == tWord && !(t.upper && !t.initial) && !(j > 0 && a.toks[j-1].kind == tWord && a.toks[j-1].upper) {
			switch p := (pair{a.lowAt(j - 1), t.low}); p {
			case pair{"đề", "nghị"}, pair{"yêu", "cầu"}, pair{"kiến", "nghị"}:
				return a.span(j-1, j)
			}
			return ""
		}
		if t.kind != tWord && !t.isPunct(",") {
			return ""
		}
	}
	return ""
}

// conditionBefore reports "khi có …" ending at token k, within a few words.
func (a *analyzer) conditionBefore(k int) bool {
	for j := k; j >= 1 && k-j < 6 && a.word(j) != nil; j-- {
		if a.lowAt(j) == "có" && a.lowAt(j-1) == "khi" {
			return true
		}
	}
	return false
}

// predicate reads the verb phrase that ends at token k, walking back to the
// start of its clause: punctuation (a comma only between two verbs,
// "xây dựng, sửa chữa"), a conjunction or auxiliary, a name, or the subject
// noun ("toàn huyện", "các cấp").
func (a *analyzer) predicate(k int) string {
	hi := k
	lo := k + 1
	n, names := 0, 0
	for k >= 0 && n < maxPredicate {
		t := &a.toks[k]
		if t.kind != tWord {
			if t.isPunct(",") && n > 0 && n <= 4 && a.word(k-1) != nil && a.word(k-2) != nil &&
				verbPairs[pair{a.toks[k-2].low, a.toks[k-1].low}] && verbPairs[pair{a.toks[lo].low, a.lowAt(lo + 1)}] &&
				a.candAt(k-3) < 0 && a.candAt(k-4) < 0 && // not "4 đoàn kiểm tra, tiến hành kiểm tra …": a noun of the figure before
				!adverbialOpeners[a.lowAt(k-3)] { // not "Qua thanh tra, phát hiện …"
				k--
				continue
			}
			break
		}
		if nx := a.lowAt(k + 1); (nx == "ở" || nx == "tại" || nx == "trong" || nx == "thuộc") && a.unitOfFigure(k) {
			break // "… 11.365 đảng viên ở 59 tổ chức …": the figure before's own noun
		}
		// "Đảng", "Nhà nước", "Nhân dân" are capitalized by convention,
		// not names ("chuyển Đảng chính thức cho 02 đồng chí")
		capital := t.upper && !t.initial && !a.conventionalAt(k)
		tail := !t.upper && !predicateStop[t.low] && k > 0 && a.toks[k-1].kind == tWord && a.toks[k-1].upper && !a.toks[k-1].initial && !a.conventionalAt(k-1) &&
			!(k == hi && singleVerbs[t.low] || verbPairs[pair{t.low, a.lowAt(k + 1)}]) // "… và TPHCM tiếp 2.552 lượt người", "huyện Đức Linh phấn đấu kết nạp": the verb after a name
		if capital || tail {
			// A name ends the predicate, unless it is the object just
			// before the number ("cho ra khỏi Đảng 41 đảng viên", "trao
			// tặng Huy hiệu Đảng cho 448 đảng viên").
			if n > names {
				if r := a.requestBefore(k); r != "" {
					// "đề nghị Ban Chấp hành Trung ương, Bộ Chính trị … thi
					// hành kỷ luật 6 tổ chức đảng": a request, not the act
					return r + " " + a.span(a.alignStart(lo, hi), hi)
				}
				break
			}
			names++
			lo = k
			n++
			k--
			continue
		}
		if t.low == "thời" && a.lowAt(k-1) == "đồng" {
			break // "Đồng thời tiến hành kiểm tra …": a connective
		}
		if t.low == "và" && n > 0 && n <= 3 && verbPairs[pair{a.lowAt(k - 2), a.lowAt(k - 1)}] && !a.isNum(k-3) &&
			(verbPairs[pair{a.lowAt(k + 1), a.lowAt(k + 2)}] || singleVerbs[a.lowAt(k+1)] || a.lowAt(k+1) == "cho") {
			// "tiếp nhận và xử lý 220 đơn", "xoá tên và cho rút đối với 35
			// đảng viên": two acts on the same things
			lo = k
			n++
			k--
			continue
		}
		if t.low == "tra" && a.lowAt(k-1) == "kiểm" && a.lowAt(k-2) == "ban" && n > 0 {
			break // "Ủy ban kiểm tra thi hành kỷ luật …": the organ's name, lower-cased
		}
		if t.low == "cho" && (a.lowAt(k+1) == "ra" || a.lowAt(k+1) == "vay" || a.lowAt(k+1) == "rút" || a.lowAt(k+1) == "thôi") {
			lo = k
			n++
			k--
			continue
		}
		if t.low == "có" && a.lowAt(k-1) == "khi" && n > 0 {
			// "kiểm tra khi có dấu hiệu vi phạm đối với 69 tổ chức đảng":
			// the verb is before the condition
			if v := a.predicate(k - 2); v != "" {
				return v + " " + a.span(k-1, hi)
			}
		}
		if (t.low == "theo" || t.low == "tại" || t.low == "về" || t.low == "cho" && a.lowAt(k+1) != "vay") && n > 0 && n <= 5 && (verbPairs[pair{a.lowAt(k - 2), a.lowAt(k - 1)}] || a.lowAt(k-1) == "phạm" && (a.lowAt(k-2) == "vi" || a.lowAt(k-2) == "sai")) {
			// "thu hồi cho ngân sách nhà nước 1.088 triệu đồng", "thi hành
			// kỷ luật theo thẩm quyền 2 đảng viên": the verb is before the
			// adjunct
			if v := a.predicate(k - 1); v != "" {
				return v + " " + a.span(k, hi)
			}
		}
		if t.low == "toàn" && a.lowAt(k+1) == "xã" && a.lowAt(k+2) == "hội" && n > 0 {
			// "vốn đầu tư toàn xã hội": society-wide, not who acted
			lo = k
			n++
			k--
			continue
		}
		if t.low == "đang" && n > 0 && n <= 3 {
			lo = k // "đang thực hiện 06 cuộc; kết thúc 12 cuộc": still under way
			break
		}
		if predicateStop[t.low] {
			if articles[t.low] && lo <= hi {
				// "các cấp tổ chức 20 cuộc": who acted is not what was done;
				// "vốn các thành phần kinh tế 1.202 tỷ đồng" has no verb
				if nl := lo + a.wordLen(lo); nl > hi || verbPhrase(a.span(nl, hi)) {
					lo = nl
				}
			}
			break
		}
		if n > 0 && (subjectNouns[t.low] && !(t.low == "xã" && a.lowAt(k+1) == "hội") || a.word(k-1) != nil && subjectPairs[pair{a.toks[k-1].low, t.low}]) {
			break
		}
		lo = k
		n++
		k--
	}
	if names == n {
		return "" // a name alone is the subject, not what was done
	}
	lo = a.alignStart(lo, hi)
	if lo > hi {
		return ""
	}
	return a.span(lo, hi)
}

// description reads the counted noun with what is said of it after it, a
// parenthesis skipped: "tổ chức Đảng thực hiện tốt nhiệm vụ", "đảng viên
// mới kết nạp là trưởng", "trường hợp là công nhân". It is "" when no
// copula or verb of state follows within a few words.
func (a *analyzer) description(c *cand) string {
	lo := c.tok + 1
	if k := c.fig.Kind; k == schema.KindRange && c.fig.Unit != "" && c.fig.Unit != "%" && !moneyUnit(c.fig.Unit) && !measureUnit(c.fig.Unit) {
		lo = c.last - len(strings.Fields(c.fig.Unit)) + 1 // "có từ 30-35 xã đạt chuẩn …": a count given as a range
	} else if k != schema.KindCount && k != schema.KindRatio {
		return ""
	}
	if a.word(lo) == nil {
		return ""
	}
	if c.head == "lượt" || c.head == "lần" {
		lo++
	}
	k := c.last + 1
	var b []string
	if c.twice > 0 {
		b = append(b, c.fig.Unit) // "5 xã/7 xã": the unit once
	} else {
		b = append(b, a.span(lo, c.last))
	}
	seen := false
	n := 0
	for k < len(a.toks) && n < 10 {
		t := &a.toks[k]
		if t.isPunct("(") {
			if e := a.parenEnd(k); e < len(a.toks) && a.toks[e].isPunct(")") {
				k = e + 1
				continue
			}
			break
		}
		if t.kind == tNum && seen && a.candAt(k) < 0 || t.kind == tNum && seen && a.isRatio(k) {
			b = append(b, t.text) // "đạt 19/19 tiêu chí", "đạt 4 sao"
			k++
			continue
		}
		if t.isPunct(",") && seen && a.classAt(k-1) != classNone && a.classAt(k+1) == a.classAt(k-1) {
			b[len(b)-1] += "," // "… ở thôn, bản": two nouns of one kind
			k++
			continue
		}
		if seen && (t.isPunct("“") || t.isPunct("\"")) {
			// "3 chi bộ đạt “chi bộ trong sạch vững mạnh”": the title reached
			if q := a.quoteEnd(k); q > k+1 {
				b = append(b, strings.NewReplacer("“ ", "“", " ”", "”").Replace(a.span(k, q)))
				k = q + 1
				break
			}
		}
		if t.kind != tWord {
			break
		}
		if !seen && t.low == "đạt" && a.candAt(k+1) >= 0 {
			return "" // "250 người đạt 125% kế hoạch": a result, not a kind of people
		}
		if !seen {
			switch {
			case t.low == "là", t.low == "chưa", t.low == "không", t.low == "đều", t.low == "phải", t.low == "đạt",
				t.low == "thực" && a.lowAt(k+1) == "hiện", t.low == "hoàn" && a.lowAt(k+1) == "thành",
				// "06 nhóm tăng giá", "02 nhóm giữ giá ổn định"
				n == 0 && (t.low == "tăng" || t.low == "giảm" || t.low == "giữ") && a.word(k+1) != nil && a.lowAt(k+1) != "so":
				seen = true
			case t.low == "có", t.low == "được", t.low == "bị", t.low == "đã", t.low == "và", t.low == "với", t.low == "của", t.low == "cho", t.low == "tại":
				return ""
			}
		} else if t.low == "và" && (a.lowAt(k+1) == "vượt" || a.lowAt(k+1) == "đạt") && a.lowAt(k-1) != a.lowAt(k+1) {
			// "10/17 chỉ tiêu đạt và vượt so với kế hoạch": one result
		} else if t.low == "và" || t.low == "của" || t.low == "với" || t.low == "so" || t.low == "chiếm" {
			break
		}
		b = append(b, t.text)
		n++
		k++
	}
	if !seen {
		return ""
	}
	return strings.Join(strings.Fields(strings.Join(b, " ")), " ")
}

func (a *analyzer) isRatio(k int) bool { return a.isNum(k) && a.num(k).Kind == vntext.NumRatio }

// passive reads "bị/được + verb" right after the counted noun: what
// happened to what was counted ("trường hợp bị thi hành kỷ luật", "đảng
// viên được khen thưởng").
func (a *analyzer) passive(c *cand) string {
	k := c.last + 1
	if w := a.lowAt(k); (w == "đang" || w == "chưa") && a.lowAt(k+1) == "được" {
		// "3 xã đang được thẩm định", "19 đảng viên chưa được kiểm điểm"
		if pv := a.passiveAt(k + 1); pv != "" {
			return w + " " + pv
		}
	}
	if w := a.lowAt(k); w != "bị" && w != "được" && w != "đã" || isRating(a.lowAt(k+1), a.lowAt(k+2), a.lowAt(k+3)) {
		return ""
	}
	if c.fig.Kind == schema.KindMoney || c.fig.Kind == schema.KindPercent {
		return ""
	}
	return a.passiveAt(k)
}

// passiveAt reads "bị/được/đã + verb phrase" from token k.
func (a *analyzer) passiveAt(k int) string {
	if w := a.lowAt(k); w != "bị" && w != "được" && w != "đã" {
		return ""
	}
	lo := k
	n := 0
	for k++; k < len(a.toks) && n < 8; k++ {
		if a.isNum(k) && a.lowAt(k+1) == "sao" {
			k++ // "được cấp giấy chứng nhận OCOP đạt 3 sao"
			n++
			continue
		}
		w := a.word(k)
		if w == nil || n > 0 && predicateStop[w.low] || w.low == "với" || w.low == "theo" || w.low == "do" {
			break
		}
		n++
	}
	if n == 0 {
		return ""
	}
	return a.span(lo, k-1)
}

// inherited gives a figure without a verb of its own the verb of the figure
// it is listed after: "kiểm tra 334 lượt tổ chức đảng, 181 lượt đảng viên".
func (a *analyzer) inherited(c *cand) string {
	if c.index == 0 {
		return ""
	}
	p := &a.cands[c.index-1]
	k := c.tok - 1
	for a.word(k) != nil && (qualifiers[a.toks[k].low] != "" || a.toks[k].low == "từ") && k > p.last+1 {
		k-- // "trên 3.500 tổ chức Đảng và trên 9.240 Đảng viên"
	}
	if !(a.punctAt(k, ",") || a.lowAt(k) == "và") {
		return ""
	}
	if a.punctAt(k-1, ")") {
		// "thi hành kỷ luật 80 tổ chức Đảng (khiển trách 57, cảnh cáo 23)
		// và 2.869 đảng viên": the item before the parenthesis
		if o := a.openParen(k - 1); o > 0 {
			for j := c.index - 1; j >= 0 && a.cands[j].tok > o-8; j-- {
				if a.cands[j].last == o-1 {
					p, k = &a.cands[j], o
					break
				}
			}
		}
	}
	if a.sent[p.tok] != a.sent[c.tok] || a.depth[p.tok] != a.depth[c.tok] {
		return ""
	}
	// The previous item's noun may run on past its unit ("30 tổ chức Đảng
	// và 107 đảng viên"): a few words, none a verb or a stop.
	for j := k - 1; j > p.last; j-- {
		w := a.word(j)
		if w == nil || k-1-j >= 6 || predicateStop[w.low] && w.low != "có" && a.lowAt(j-1) != "cấp" || verbPairs[pair{a.lowAt(j - 1), w.low}] {
			return "" // "cấp dưới", "cấp trên" are part of the noun
		}
	}
	if p.fig.Kind != c.fig.Kind && !(isCountKind(p.fig.Kind) && isCountKind(c.fig.Kind)) {
		return ""
	}
	return p.verb
}

func isCountKind(k string) bool {
	return k == schema.KindCount || k == schema.KindRatio || k == schema.KindRange
}

// subject reads the noun phrase that ends at token k and opens its clause,
// names and prepositional phrases included ("tổng số đảng viên toàn Đảng
// bộ", "Thu ngân sách nhà nước trên địa bàn").
func (a *analyzer) subject(k int) string {
	if b := a.priceBasisStart(k); b > 0 {
		k = b - 1 // "GRDP theo giá so sánh 2010 ước đạt …": the prices it is measured in
	}
	hi := k
	lo := k + 1
	n := 0
	floor := -1 // the subject opens after this token
	for k >= 0 && k > floor && n < maxSubject {
		t := &a.toks[k]
		if a.inPeriod[k] {
			if n == 0 {
				hi = k - 1
			}
			k--
			continue
		}
		if n == 0 && k > 0 && t.kind == tNum && a.candAt(k) < 0 && (a.lowAt(k-1) == "đến" || a.lowAt(k-1) == "hết" || a.lowAt(k-1) == "ngày") {
			// "Tổng chi … thực hiện đến 26/1/2021 là 831.458 triệu đồng":
			// the date the value is counted to
			k -= 2
			for a.lowAt(k) == "đến" || a.lowAt(k) == "tính" || a.lowAt(k) == "hết" || a.lowAt(k) == "ngày" {
				k--
			}
			for a.lowAt(k) == "hiện" && a.lowAt(k-1) == "thực" {
				k -= 2 // "(ước) thực hiện": the realization of the subject
				if a.lowAt(k) == "ước" {
					k--
				}
			}
			hi = k
			continue
		}
		if (t.isPunct("-") || t.isPunct("–")) && n > 0 && a.word(k-1) != nil {
			k-- // "nông - lâm nghiệp - thủy sản", "công nghiệp - xây dựng"
			continue
		}
		if t.low == "và" && t.kind == tWord && n > 0 && a.selfAnd(k) {
			k-- // "tự phê bình và phê bình", "kiểm tra và tự kiểm tra": one act
			continue
		}
		if (t.isPunct(",") || t.low == "và" && t.kind == tWord) && n > 0 && a.listSubject(k) {
			k-- // "Nông, lâm nghiệp, thủy sản tăng 3,47%", "… và dịch vụ khác ước đạt"
			continue
		}
		if t.isPunct(",") && n > 0 && floor < 0 && a.andIn(k+1, hi) && !wordPairs[pair{a.lowAt(k - 2), a.lowAt(k - 1)}] {
			// "trong đó khu vực nông, lâm nghiệp và thủy sản tăng 4,26%":
			// the comma of "A, B và C" after a syllable that shares the
			// head of the next item ("nông" of "nông nghiệp"), the subject
			// opening a few words before it
			if b := a.nounRunStart(k - 1); b >= 0 {
				floor = b - 1
				k--
				continue
			}
		}
		if t.isPunct(")") && n > 0 && a.punctAt(k-2, "(") && a.word(k-1) != nil && isAllCaps(a.toks[k-1].text) && a.word(k-3) != nil {
			k -= 3 // "công nghiệp - tiểu thủ công nghiệp (TTCN) và xây dựng": an abbreviation inside
			continue
		}
		if t.isPunct(")") && (n == 0 || a.subjectTailOnly(k+1, hi)) {
			// "Tổng giá trị sản xuất (giá so sánh năm 2010) ước đạt …": the
			// parenthesis qualifies the subject before it; "(GRDP)" names it
			if o := a.openParen(k); o > 0 {
				if o == k-2 && a.word(k-1) != nil && isAllCaps(a.toks[k-1].text) {
					k = o - 1
					continue
				}
				k = o - 1
				hi = k
				continue
			}
		}
		if (t.low == "được" || t.low == "bị") && n > 0 && a.word(k-1) != nil && !subjectStop[a.lowAt(k-1)] && !predicateStop[a.lowAt(k-1)] {
			// "Tập thể được kiểm điểm … có 219/219", "Diện tích được tưới
			// đạt …": what befell the subject is part of it
			lo = k
			n++
			k--
			continue
		}
		if t.low == "với" && a.lowAt(k-1) == "so" && n > 0 {
			break // "… khá cao so với mức tăng GDP … là 4,4%": the subject is after the comparison
		}
		if t.kind == tNum && a.candAt(k) < 0 && !a.inPeriod[k] && n > 0 && lo == k+1 && a.lowAt(k+1) == "năm" && a.num(k).Kind == vntext.NumPlain && a.num(k).Value >= 2 && a.num(k).Value <= 30 && a.word(k-1) != nil {
			// "GRDP bình quân 5 năm đạt …", "kim ngạch xuất khẩu 5 năm":
			// the years it is summed or averaged over
			lo = k
			n++
			k--
			continue
		}
		if t.kind == tNum && a.candAt(k) < 0 && a.lowAt(k-1) == "trên" && n > 0 {
			k-- // "tỷ lệ bác sĩ … trên 1 vạn dân đạt …": the base of the rate
			n++
			continue
		}
		if t.kind == tNum && a.candAt(k) < 0 && !a.inPeriod[k] || t.isPunct(",") && a.isNum(k-1) && a.candAt(k-1) < 0 {
			// "thủ tục hành chính công mức độ 3, 4 đạt 100%": a level, not a figure
			if j := a.levelBefore(k); j >= 0 {
				lo = j
				n += k - j
				k = j - 1
				continue
			}
		}
		if (t.low == "đã" || t.low == "được") && n > 0 && (a.lowAt(k-1) == "tiền" || a.lowAt(k-1) == "số") && verbPairs[pair{a.lowAt(k + 1), a.lowAt(k + 2)}] {
			// "số tiền đã thu hồi là 137,92 tỷ đồng": the amount the act
			// names
			lo = k
			n++
			k--
			continue
		}
		if t.low == "là" && t.kind == tWord && n > 0 && n <= 4 && a.word(k-1) != nil && !subjectStop[a.lowAt(k-1)] && personUnit(a.span(k+1, hi)) {
			// "phó thôn là đảng viên đạt 44,8%": who, of a kind of people
			lo = k
			n++
			k--
			continue
		}
		if t.kind != tWord || subjectStop[t.low] && !(t.low == "năm" && !(a.isNum(k+1) && a.candAt(k+1) < 0)) {
			break // "năm 2022" dates; "cây hàng năm 5.613,7 ha" names the crop
		}
		lo = k
		n++
		k--
	}
	// "giá trị sản xuất … của huyện": the issuer's possessive is not part
	// of what is measured.
	for hi-1 > lo && a.lowAt(hi-1) == "của" && (subjectNouns[a.lowAt(hi)] || a.lowAt(hi) == "tỉnh") {
		hi -= 2
	}
	lo = a.alignStart(lo, hi)
	if lo > hi {
		return ""
	}
	return a.span(lo, hi)
}

// priceBasisStart returns the first token of a price basis ending at token
// k ("(theo) giá so sánh (năm) 2010", "(theo) giá hiện hành"), or -1.
func (a *analyzer) priceBasisStart(k int) int {
	j := k
	if a.isNum(j) && a.candAt(j) < 0 {
		j--
		if a.lowAt(j) == "năm" {
			j--
		}
		if a.lowAt(j) != "sánh" || a.lowAt(j-1) != "so" {
			return -1
		}
	} else if a.lowAt(j) != "hành" || a.lowAt(j-1) != "hiện" {
		return -1
	}
	j -= 2
	if a.lowAt(j) != "giá" {
		return -1
	}
	if a.lowAt(j-1) == "theo" {
		j--
	}
	return j
}

// unitOfFigure reports a word of a figure's own unit: between a figure's
// number and its last token.
func (a *analyzer) unitOfFigure(k int) bool {
	for i := len(a.cands) - 1; i >= 0; i-- {
		if c := &a.cands[i]; c.tok < k {
			return k <= c.last
		}
	}
	return false
}

// levelBefore finds the "mức độ", "cấp độ", "loại", "hạng" that the run
// of numbers and commas ending at token k follows: the token of that word,
// or -1.
func (a *analyzer) levelBefore(k int) int {
	for j := k; j >= 0 && k-j < 6; j-- {
		t := &a.toks[j]
		switch {
		case t.kind == tNum && a.candAt(j) < 0, t.isPunct(","):
			continue
		case t.kind == tWord && (t.low == "độ" || t.low == "loại" || t.low == "hạng"):
			return j
		}
		return -1
	}
	return -1
}

// subjectTailOnly reports tokens lo..hi that are only a time or the
// issuer's possessive ("(trừ dầu khí) 6 tháng của tỉnh").
func (a *analyzer) subjectTailOnly(lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		if a.inPeriod[k] || a.lowAt(k) == "của" || subjectNouns[a.lowAt(k)] || a.lowAt(k) == "tỉnh" {
			continue
		}
		return false
	}
	return true
}

// openParen returns the "(" that the ")" at c closes, or -1.
func (a *analyzer) openParen(c int) int {
	d := a.depth[c]
	for k := c - 1; k >= 0 && c-k < 3*maxQuoteWords; k-- {
		if a.toks[k].isPunct("(") && a.depth[k] == d {
			return k
		}
		if isSentenceEnd(&a.toks[k]) {
			return -1
		}
	}
	return -1
}

// listSubject reports a comma inside a subject that lists nouns: from the
// comma back to the start of the clause (a sentence start, ';', ':' or
// "("), at most a few words and none a verb or a function word.
// nounRunStart walks back from k over at most four words that can be in a
// subject and returns the first of them, or -1 when the run goes on
// further or is empty: "khu vực nông" before ", lâm nghiệp và thủy sản".
func (a *analyzer) nounRunStart(k int) int {
	start := -1
	for n := 0; k >= 0; n, k = n+1, k-1 {
		w := a.word(k)
		if w == nil || subjectStop[w.low] || predicateStop[w.low] || w.low == "đó" || w.low == "ra" {
			return start
		}
		if n == 4 {
			return -1
		}
		start = k
	}
	return start
}

// andIn reports "và" among tokens lo…hi: "nông, lâm nghiệp và thủy sản"
// is one list, its comma inside the subject.
func (a *analyzer) andIn(lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		if a.lowAt(k) == "và" {
			return true
		}
		if a.toks[k].kind == tPunct && !a.toks[k].isPunct(",") && !a.toks[k].isPunct("-") {
			return false
		}
	}
	return false
}

func (a *analyzer) listSubject(comma int) bool {
	n := 0
	sawComma := false
	for k := comma - 1; k >= 0; k-- {
		t := &a.toks[k]
		switch {
		case t.kind == tWord:
			if predicateStop[t.low] || subjectStop[t.low] || verbPairs[pair{a.lowAt(k - 1), t.low}] && !headNouns[a.lowAt(k-2)] || n > 16 {
				// an adverbial before a comma ("Về cơ cấu kinh tế, khu vực
				// công nghiệp và xây dựng chiếm …") opens the clause
				return sawComma && n > 0
			}
			n++
		case t.isPunct(","):
			if a.toks[comma].low == "và" {
				return n > 0 // "…, tổng mức luân chuyển hàng hóa và doanh thu dịch vụ"
			}
			sawComma = true
		case t.isPunct("-"), t.isPunct("–"):
		case t.isPunct(")") && a.punctAt(k-2, "(") && a.word(k-1) != nil && isAllCaps(a.toks[k-1].text):
			k -= 2 // "công nghiệp - tiểu thủ công nghiệp (TTCN) và xây dựng"
		case isClauseEnd(t), t.isPunct(":"), t.isPunct("("):
			return n > 0
		default:
			return false
		}
	}
	return n > 0
}

// alignStart moves a label's first token so that it does not open on the
// second syllable of a known word: the first syllable is taken in when it
// is a plain word, otherwise the broken word is dropped.
func (a *analyzer) alignStart(lo, hi int) int {
	if lo > hi || lo == 0 {
		return lo
	}
	p := a.word(lo - 1)
	if p == nil || !wordPairs[pair{p.low, a.toks[lo].low}] {
		return lo
	}
	if !predicateStop[p.low] && !(p.upper && !p.initial) {
		return lo - 1
	}
	return lo + 1
}

// wordLen is the length in syllables of the word at token k: two for a
// known two-syllable word, else one.
func (a *analyzer) wordLen(k int) int {
	if a.word(k) != nil && a.word(k+1) != nil && wordPairs[pair{a.toks[k].low, a.toks[k+1].low}] {
		return 2
	}
	return 1
}

// nounLabel is the counted noun phrase of c with its modifiers: the unit
// and the words after it up to a function word ("đảng viên mới", "tổ chức
// cơ sở đảng trực thuộc", "nhà Đại đoàn kết"), the noun after "lượt", and a
// classification that follows ("xếp loại “Hoàn thành xuất sắc nhiệm vụ”").
func (a *analyzer) nounLabel(c *cand) string {
	start := c.tok + 1
	if a.punctAt(start, "%") {
		return ""
	}
	for start <= c.last && a.word(start) != nil && scales[a.toks[start].low] > 0 {
		start++
	}
	if c.fig.Kind == schema.KindArea || c.fig.Kind == schema.KindOther || c.fig.Kind == schema.KindRatio && measureUnit(c.fig.Unit) {
		start = c.last + 1 // "12.000 m² đất": what the measure is of
	}
	if c.head == "lượt" || c.head == "lần" {
		start++
	}
	if c.twice > 0 {
		start = c.twice // "5 xã/7 xã đạt chuẩn": the noun after the slash says which
	}
	if a.word(start) == nil && !a.punctAt(start, "“") {
		return ""
	}
	return a.phrase(start, c.index)
}

// phrase reads a noun phrase from token start with its modifiers and the
// classification that follows, for the figure with index ci.
func (a *analyzer) phrase(start, ci int) string {
	k := start
	n := 0
	inName := false
	var classes uint // the kinds of noun read so far: a list goes on with one of them
	for k < len(a.toks) && n < maxNoun {
		t := &a.toks[k]
		switch {
		case t.kind == tWord:
			if c := a.classAt(k); c != classNone {
				classes |= 1 << uint(c)
			}
			prev, next := a.lowAt(k-1), a.lowAt(k+1)
			if n > 0 && (unitKeepPairs[pair{t.low, next}] || labelKeepPairs[pair{t.low, next}]) {
				n += 2
				k += 2
				continue
			}
			if n > 0 && isRating(t.low, next, a.lowAt(k+2)) {
				goto done // "… hoàn thành xuất sắc nhiệm vụ": the rating is read whole below
			}
			stop := nounStop[t.low] || !inName && unitStop[t.low] && !nounKeep[t.low]
			switch {
			case n == 0:
				// a phrase opens on a noun, never on a function word
				if nounStop[t.low] || unitStop[t.low] && !unitKeepPairs[pair{t.low, next}] && !wordPairs[pair{t.low, next}] && !a.prizeAt(k) {
					goto done
				}
			case stop && nounStop[t.low]:
				goto done
			case (t.low == "giai" && next == "đoạn" || t.low == "nhiệm" && next == "kỳ") && a.isNum(k+2), t.low == "giữ":
				// a dated period ("giai đoạn 2023-2025") or a verb after
				// the noun ends it; "nhiệm kỳ kế tiếp" tells two figures
				// apart and stays
				goto done
			case stop && !wordPairs[pair{prev, t.low}] && unitClasses[prev] != classEvent:
				// the second syllable of a word, or the noun after "cuộc",
				// "lớp" ("cuộc đối thoại", "lớp bồi dưỡng"), stays
				goto done
			}
			if t.upper && !t.initial {
				inName = true
			}
			n++
			k++
		case t.isPunct("“") || t.isPunct("\""):
			e := a.quoteEnd(k)
			if e < 0 {
				goto done
			}
			k = e + 1
		case t.isPunct(",") && n > 0 && n <= 6 && a.lowAt(start) == "cuộc" && verbPairs[pair{a.lowAt(k + 1), a.lowAt(k + 2)}] && a.lowAt(k+3) != "vào":
			// not "07 cuộc khảo sát, tập trung vào …": what they were about
			// "199 cuộc thanh tra, kiểm tra chuyên ngành": two activities
			k++
		case t.isPunct(",") && n > 0 && n <= 6 && a.word(k+1) != nil && a.classAt(k+1) != classNone && classes&(1<<uint(a.classAt(k+1))) != 0:
			// "tin, bài", "chi, đảng bộ cơ sở", "chi bộ thôn, làng, tổ dân
			// phố": two nouns of one kind
			k++
		default:
			goto done
		}
	}
done:
	for k > start && a.toks[k-1].kind == tPunct && !a.toks[k-1].isPunct("”") && !a.toks[k-1].isPunct("\"") {
		k--
	}
	if k == start {
		return ""
	}
	if k < len(a.toks) && a.word(k-1) != nil && a.word(k) != nil && organHeads[pair{a.toks[k-1].low, a.toks[k].low}] && a.toks[k-1].upper {
		k++ // "… trực thuộc Huyện ủy": not cut inside the organ's name
	}
	np := a.span(start, k-1)
	if cl := a.classification(k, ci); cl != "" {
		np = joinLabel(np, cl)
	} else if rc := a.having(k, ci); rc != "" {
		np = joinLabel(np, rc)
	} else if ab := a.about(k, ci); ab != "" {
		np = joinLabel(np, ab)
	} else if b := a.beneficiary(k); b != "" {
		np = joinLabel(np, b)
	} else if o := a.origin(k); o != "" && (a.classAt(start) == classEvent || strings.HasSuffix(o, "sang")) {
		np = joinLabel(np, o)
	}
	return np
}

// origin reads where counted work came from, right after its noun: "04
// cuộc năm 2017 chuyển sang", "11/12 cuộc thanh tra theo kế hoạch", "03
// cuộc đột xuất" are the rows of one inspectorate's year.
func (a *analyzer) origin(k int) string {
	switch w := a.lowAt(k); {
	case (w == "năm" && a.isNum(k+1) || (w == "năm" || w == "kỳ") && a.lowAt(k+1) == "trước") && a.lowAt(k+2) == "chuyển" && a.lowAt(k+3) == "sang":
		return a.text[a.toks[k].pos:a.toks[k+3].endPos] // the year stays: it tells the row
	case w == "theo" && a.lowAt(k+1) == "kế" && a.lowAt(k+2) == "hoạch":
		return a.span(k, k+2)
	case w == "đột" && a.lowAt(k+1) == "xuất":
		return a.span(k, k+1)
	}
	return ""
}

// beneficiary reads "cho" and who received what was counted, right after
// the counted noun: "703 căn nhà cho người có công", "371 căn nhà cho hộ
// nghèo" are two rows. A number after "cho" counts them instead.
func (a *analyzer) beneficiary(k int) string {
	if a.lowAt(k) != "cho" || a.word(k+1) == nil || unitStop[a.lowAt(k+1)] && a.lowAt(k+1) != "các" {
		return ""
	}
	e := k + 1
	for e < len(a.toks) && e <= k+6 {
		w := a.word(e)
		if w == nil || e > k+1 && unitStop[w.low] && w.low != "có" || w.low == "có" && a.isNum(e+1) {
			break
		}
		e++
	}
	if e == k+1 || a.lowAt(e-1) == "có" {
		return ""
	}
	return a.span(k, e-1)
}

// about reads the topic of an inspection or a review right after the
// counted noun: "kiểm tra 44 tổ chức đảng cấp dưới về thực hiện nhiệm vụ
// kiểm tra, giám sát", "… về thu, nộp, quản lý và sử dụng đảng phí". Two
// inspections of the same organizations on different topics are different
// rows. A comma before the next figure ends it.
func (a *analyzer) about(k, ci int) string {
	if ci < 0 || ci >= len(a.cands) || a.lowAt(k) != "về" || a.word(k+1) == nil {
		return ""
	}
	if kd := a.cands[ci].fig.Kind; kd != schema.KindCount && kd != schema.KindRatio {
		return ""
	}
	e := k + 1
	n := 0
	for e < len(a.toks) && n < 10 {
		t := &a.toks[e]
		if t.isPunct(",") && a.word(e+1) != nil && !a.isNum(e+2) && !a.isNum(e+1) {
			e++
			continue
		}
		w := a.word(e)
		if w == nil || a.isNum(e+1) || w.low == "khi" || w.low == "đối" || w.low == "ở" || w.low == "tại" || w.low == "trong" && a.lowAt(e+1) == "đó" {
			break
		}
		e++
		n++
	}
	if n == 0 {
		return ""
	}
	for e-1 > k && a.toks[e-1].kind == tPunct {
		e--
	}
	if a.word(e) != nil && wordPairs[pair{a.lowAt(e - 1), a.lowAt(e)}] {
		e++
	}
	return a.span(k, e-1)
}

// having reads what is said of a counted noun right after it, which tells
// one count from another of the same noun: possession ("(đã, đều, chưa) có
// cấp ủy", "có đủ đảng viên tại chỗ"), a standard or a level reached ("đạt
// chuẩn quốc gia mức độ 1", "đạt 4 sao", "4 sao", "đạt 16/19 tiêu chí"),
// the plan ("vượt kế hoạch", "đúng hướng"). "có" or "đạt" before a figure
// of its own ("có 45 …", "đạt 104% kế hoạch") is not read.
func (a *analyzer) having(k, ci int) string {
	if ci < 0 || ci >= len(a.cands) {
		return ""
	}
	switch a.cands[ci].fig.Kind {
	case schema.KindCount, schema.KindRatio, schema.KindPercent:
	default:
		return ""
	}
	lo := k
	switch a.lowAt(k) {
	case "đã", "đều", "chưa", "không", "vẫn":
		k++
	}
	e := k + 1
	switch w := a.lowAt(k); {
	case w == "có":
		switch a.lowAt(k + 1) {
		case "thể", "lẽ", "trên", "dưới", "khoảng", "gần", "hơn", "từ", "tới", "đến":
			return "" // "có thể", or a quantity: "có trên 90%"
		}
		if a.word(k+1) == nil {
			return ""
		}
	case w == "đạt":
		if a.isNum(k + 1) {
			// "đạt 4 sao", "đạt 16/19 tiêu chí": a level, not a result
			// against a plan ("đạt 104% kế hoạch")
			nx := a.lowAt(k + 2)
			if a.punctAt(k+2, "%") || nx == "" || planSingles[nx] || planPairs[pair{nx, a.lowAt(k + 3)}] || !(nx == "sao" || nx == "tiêu" || a.isRatio(k+1)) {
				return ""
			}
			e = k + 3
		} else if a.punctAt(k+1, "“") || a.punctAt(k+1, "\"") {
			// "3 chi bộ đạt “chi bộ trong sạch vững mạnh”": the title reached
			if q := a.quoteEnd(k + 1); q > k+2 {
				return a.span(lo, q)
			}
			return ""
		} else if a.word(k+1) == nil || planSingles[a.lowAt(k+1)] || qualifiers[a.lowAt(k+1)] != "" {
			return ""
		}
	case w == "vượt":
		if nx := a.lowAt(k + 1); !(planSingles[nx] || planPairs[pair{nx, a.lowAt(k + 2)}]) {
			return ""
		}
	case w == "đúng": // "đúng hướng", "đúng thẩm quyền"
		if a.word(k+1) == nil {
			return ""
		}
	case a.isNum(k) && a.lowAt(k+1) == "sao" && k == lo:
		return a.span(k, k+1) // "1 sản phẩm 4 sao"
	default:
		return ""
	}
	n := 0
	for e < len(a.toks) && n < 8 {
		if a.isNum(e) && a.candAt(e) < 0 && (a.lowAt(e-1) == "độ" || a.lowAt(e-1) == "loại" || a.lowAt(e-1) == "hạng") {
			e++ // "mức độ 1", "loại IV"
			n++
			continue
		}
		w := a.word(e)
		if w != nil && w.low == "và" && (a.lowAt(e+1) == "vượt" || a.lowAt(e+1) == "đạt") {
			e++ // "đạt và vượt kế hoạch"
			continue
		}
		if w != nil && labelKeepPairs[pair{w.low, a.lowAt(e + 1)}] {
			e += 2 // "đạt chuẩn NTM nâng cao"
			n += 2
			continue
		}
		if w == nil || n > 0 && nounStop[w.low] || a.isNum(e+1) && a.candAt(e+1) >= 0 {
			break // "… có quy mô nhỏ thành 05 thôn mới": the next figure's verb
		}
		e++
		n++
	}
	if a.word(e) != nil && wordPairs[pair{a.lowAt(e - 1), a.lowAt(e)}] {
		e++ // never end inside a word: "phát triển được đảng viên"
	}
	return a.span(lo, e-1)
}

// quoteEnd returns the closing quote of the quote opened at token o, or -1.
func (a *analyzer) quoteEnd(o int) int {
	for k := o + 1; k < len(a.toks) && k <= o+2*maxClass; k++ {
		t := &a.toks[k]
		if t.isPunct("”") || t.isPunct("\"") {
			return k
		}
		if t.kind != tWord {
			return -1
		}
	}
	return -1
}

// classification reads a rating ("xếp loại …", "hoàn thành tốt nhiệm vụ") of the figure ci
// after its noun phrase, possibly past its own share ("37/39 tổ chức cơ sở
// đảng, bằng 94,9%, được xếp loại từ hoàn thành tốt nhiệm vụ trở lên").
func (a *analyzer) classification(k, ci int) string {
	commas := false
	for ; k < len(a.toks); k++ {
		t := &a.toks[k]
		if isClauseEnd(t) || t.isPunct("(") || t.isPunct(")") {
			return ""
		}
		if t.kind == tNum {
			j := a.candAt(k)
			if j < 0 || a.cands[j].refersTo != ci {
				return ""
			}
			continue
		}
		if t.kind == tWord && isRating(t.low, a.lowAt(k+1), a.lowAt(k+2)) {
			if t.low == "xếp" || t.low == "đánh" || !commas {
				break
			}
			return ""
		}
		if t.isPunct(",") {
			commas = true
		}
		if t.kind == tWord && !(t.low == "được" || t.low == "bằng" || t.low == "đạt" || t.low == "chiếm") {
			return ""
		}
	}
	if k >= len(a.toks) {
		return ""
	}
	lo := k
	n := 0
	for k < len(a.toks) && n < maxClass {
		t := &a.toks[k]
		switch {
		case t.kind == tWord && (t.low == "có" || t.low == "gồm" || t.low == "và") && a.isNum(k+1):
			return a.span(lo, k-1) // "xếp loại có 29 chi bộ …": the parts follow
		case t.kind == tWord:
			n++
		case t.isPunct("“") || t.isPunct("”") || t.isPunct("\""):
		case t.isPunct(",") && a.word(k+1) != nil && isRating(a.toks[k+1].low, a.lowAt(k+2), a.lowAt(k+3)):
			// "được đánh giá, xếp loại"
		default:
			return a.span(lo, k-1)
		}
		k++
	}
	return a.span(lo, k-1)
}

// span is the text of tokens lo..hi as written, with words that are
// capitalized only because they open a sentence put in lower case.
func (a *analyzer) span(lo, hi int) string {
	for lo <= hi && a.inPeriod[lo] {
		lo++
	}
	for hi >= lo && a.inPeriod[hi] {
		hi--
	}
	if lo > hi {
		return ""
	}
	// The text as written with every run of white space one space: built
	// in one buffer, as labels are read for every figure.
	b := make([]byte, 0, a.toks[hi].endPos-a.toks[lo].pos)
	gap := false
	for k := lo; k <= hi; k++ {
		t := &a.toks[k]
		if a.inPeriod[k] {
			gap = true // "Tổng thu ngân sách 6 tháng đầu năm": the time is the period's
			continue
		}
		if k > lo {
			b = appendSpaced(b, a.text[a.toks[k-1].endPos:t.pos], &gap)
		}
		if t.kind == tWord && t.upper && t.initial && !isAllCaps(t.text) {
			if gap && len(b) > 0 {
				b = append(b, ' ')
			}
			gap = false
			r, w := utf8.DecodeRuneInString(t.text)
			b = utf8.AppendRune(b, unicode.ToLower(r))
			b = append(b, t.text[w:]...)
			continue
		}
		b = appendSpaced(b, t.text, &gap)
	}
	return string(b)
}

// appendSpaced appends s with each run of white space made one space, a
// pending one (gap) written before the next other character and never at
// the start.
func appendSpaced(b []byte, s string, gap *bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			*gap = true
			i += w
			continue
		}
		if *gap && len(b) > 0 {
			b = append(b, ' ')
		}
		*gap = false
		b = append(b, s[i:i+w]...)
		i += w
	}
	return b
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n > 1
}

// isRating reports a phrase that rates what was counted: "xếp loại …",
// "đánh giá …", "(không) hoàn thành … nhiệm vụ".
func isRating(w1, w2, w3 string) bool {
	switch {
	case w1 == "xếp" && w2 == "loại", w1 == "đánh" && w2 == "giá":
		return true
	case w1 == "hoàn" && w2 == "thành":
		return w3 == "nhiệm" || w3 == "tốt" || w3 == "xuất"
	case w1 == "không" && w2 == "hoàn" && w3 == "thành":
		return true
	}
	return false
}
