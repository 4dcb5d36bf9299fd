package figures

import (
	"strings"

	"github.com/baocao/baocao/extract/period"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// context is what the document says of its time: the period it reports on,
// its year and date, and the year its plan part is for.
type context struct {
	doc      period.Expr
	year     int
	ok       bool
	planYear int
	date     string
	title    string // folded title and issuer: an organ they name is the whole
}

// docContext reads the document's period from its title and opening
// paragraphs (see period.Document).
func docContext(doc *schema.Document) context {
	var texts []string
	title := ""
	body := 0
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i]
		switch {
		case p.Kind == schema.ParagraphTitle:
			texts = append(texts, p.Text)
			title = vntext.Fold(p.Text)
		case p.InBody() && body < 3 && !preamble(p.Text):
			texts = append(texts, p.Text)
			body++
		}
	}
	if doc.Meta.Issuer != "" {
		// the issuer read from the text is the whole as much as the title
		title += " | " + vntext.Fold(doc.Meta.Issuer)
	}
	ctx := context{date: doc.Meta.Date, planYear: doc.Meta.PlanYear, title: title}
	ctx.doc, ctx.year, ctx.ok = period.Document(texts, doc.Meta.Date, doc.Meta.ReportYear)
	if !ctx.ok && doc.Meta.Date == "" {
		// a news text whose opening has no year ("Đại hội lần thứ XVI …
		// đã kết thúc"): the first time said further on
		var more []string
		for i := range doc.Paragraphs {
			if p := &doc.Paragraphs[i]; p.InBody() && !preamble(p.Text) {
				more = append(more, p.Text)
			}
		}
		if len(more) > body {
			ctx.doc, ctx.year, ctx.ok = period.Document(more, "", doc.Meta.ReportYear)
		}
	}
	if ctx.planYear == 0 && ctx.ok {
		ctx.planYear = ctx.year + 1
	}
	return ctx
}

// preamble reports the legal grounds of a resolution or a decision ("Căn cứ
// Nghị định số 73/2003/NĐ-CP ngày 23 tháng 6 năm 2003 …", "Xét Tờ trình
// …"): their years date the laws, not what the text is about.
func preamble(t string) bool {
	f := vntext.Fold(t[:min(len(t), 24)])
	return strings.HasPrefix(f, "can cu") || strings.HasPrefix(f, "xet ") || strings.HasPrefix(f, "sau khi xem xet") || strings.HasPrefix(f, "theo de nghi")
}

// ReportYear is the year a document reports on, read from its text when its
// header does not say (0 when the text cannot tell).
func ReportYear(doc *schema.Document) int {
	if doc.Meta.ReportYear > 0 {
		return doc.Meta.ReportYear
	}
	if c := docContext(doc); c.ok {
		return c.year
	}
	return 0
}

func (c *context) span(e period.Expr, year int) *schema.Period {
	s, en, ok := e.Span(year)
	if !ok {
		return nil
	}
	if e.Open && len(c.date) == 10 && c.date[:4] == en[:4] {
		en = c.date
	}
	return &schema.Period{Start: s, End: en}
}

// periods sets the period of every figure of the container: the time
// expression of its sentence (the last one before it, else the first after
// it), else the last one of an earlier sentence of the paragraph, else the
// document's; a figure of the plan part is for the plan year. The basis of
// a comparison ("so với cùng kỳ năm 2019") is never a figure's period.
func (a *analyzer) periods(ctx *context, plan bool) {
	if len(a.cands) == 0 {
		return
	}
	exprs := a.exprs
	sentOf := make([]int, len(exprs))
	a.exprTok = a.exprTok[:0]
	k := 0
	for i, e := range exprs {
		for k < len(a.toks) && a.toks[k].pos < e.Pos {
			k++
		}
		t := min(k, len(a.toks)-1)
		sentOf[i] = a.sent[t]
		a.exprTok = append(a.exprTok, t)
	}
	for i := range a.cands {
		c := &a.cands[i]
		f := &c.fig
		if plan {
			if ctx.planYear > 0 {
				f.Period = ctx.span(period.Expr{FromMonth: 1, ToMonth: 12}, ctx.planYear)
			}
			continue
		}
		pos := a.toks[c.tok].pos
		s := a.sent[c.tok]
		best := -1
		for k, e := range exprs {
			if e.Basis || sentOf[k] != s || !a.periodOf(k, c.tok) {
				continue
			}
			if e.Pos < pos {
				best = k
			} else if a.exprTok[k] == c.last+2 && a.lowAt(c.last+1) == "của" {
				// "thấp hơn mức tăng 7,56% của 6 tháng đầu năm 2021": the
				// time the value is of
				best = k
				break
			} else if a.exprTok[k] == c.last+1 && a.lowAt(c.last+1) == "năm" && f.Unit != "lần" {
				// "giảm từ 34% năm 2015 còn 23,5% năm 2020": a year right
				// after a value is the value's own ("gấp 1,3 lần năm 2015"
				// is its basis)
				best = k
				break
			} else if best < 0 && e.Pos > a.toks[c.last].endPos {
				best = k
				break
			}
		}
		if f.Role == schema.RoleTarget {
			// "kết quả đạt được trong năm 2019, … đề ra một số chỉ tiêu
			// trong năm 2020 như: phấn đấu 100% …; 11/11 chi bộ …": the
			// targets are of the later year said before them
			for k, e := range exprs {
				// "chỉ tiêu … trong năm 2020" reads as the basis of a
				// plan, but "trong" makes it the time the plan is for
				if (!e.Basis || e.Adverbial) && sentOf[k] == s && e.Pos < pos && e.Year > 0 && (best < 0 || e.Year > exprs[best].Year) {
					best = k
				}
			}
		}
		if best < 0 {
			for k, e := range exprs {
				if !e.Basis && sentOf[k] < s && e.Pos < pos && a.periodOf(k, c.tok) {
					best = k
				}
			}
		}
		year := ctx.year
		if !ctx.ok {
			year = 0
		}
		switch {
		case f.Role == schema.RoleTarget && a.punctAt(c.tok-1, "(") && year > 0:
			// the plan quoted beside a result is the plan of the year
			f.Period = ctx.span(period.Expr{FromMonth: 1, ToMonth: 12}, year)
		case best >= 0:
			f.Period = ctx.span(exprs[best], year)
		case ctx.ok:
			f.Period = ctx.span(ctx.doc, year)
		}
	}
}

// periodOf reports whether expression e can be the period of the figure
// at token i: a run of years only when it says when ("trong nhiệm kỳ …"),
// not when it names a body's term; nothing inside a parenthesis the figure
// is not in.
func (a *analyzer) periodOf(x, i int) bool {
	if e := a.exprs[x]; e.ToYear > 0 && (!e.Adverbial || e.Named) {
		return false
	}
	return a.depth[a.exprTok[x]] <= a.depth[i]
}

// estimates marks the figures governed by "ước", "ước tính", "ước đạt",
// "ước thực hiện", "dự ước": in their clause before them, across commas
// only into a stretch that goes on with the same subject ("ước đạt 9.300 tỷ
// đồng, tăng 6%"), or at the head of their sentence ("Dự ước trong năm
// 2019, có trên 90% …").
func (a *analyzer) estimates() {
	for i := range a.cands {
		c := &a.cands[i]
		// a plan is set, not estimated: "ước đạt 55,3 triệu đồng/KH 55-56
		// triệu đồng"
		c.fig.Estimate = c.fig.Role != schema.RoleTarget && a.estimated(c.tok)
	}
}

func (a *analyzer) estimated(i int) bool {
	segStart := i // first token of the comma stretch being crossed
	for k := i - 1; k >= 0; k-- {
		t := &a.toks[k]
		if isClauseEnd(t) {
			return a.estimateHead(k + 1)
		}
		if t.kind == tWord && t.low == "ước" {
			return true
		}
		if t.isPunct(",") {
			if w := a.word(segStart); w == nil || !continuers[w.low] {
				return a.estimateHead(a.sentStart(k))
			}
		}
		if t.kind != tPunct {
			segStart = k
		}
	}
	return a.estimateHead(0)
}

// estimateHead reports a sentence or clause that opens with "Ước", "Ước
// tính", "Dự ước", "Ước thực hiện".
func (a *analyzer) estimateHead(k int) bool {
	for n := 0; n < 2 && k < len(a.toks); n, k = n+1, k+1 {
		if w := a.word(k); w != nil && w.low == "ước" {
			return true
		}
		if a.word(k) == nil || a.toks[k].low != "dự" {
			return false
		}
	}
	return false
}

func (a *analyzer) sentStart(k int) int {
	s := a.sent[k]
	for k > 0 && a.sent[k-1] == s {
		k--
	}
	return k
}

// continuers open a comma stretch that goes on saying something of the
// figure before it: its change, its share, its percent of plan.
var continuers = set("tăng", "giảm", "bằng", "đạt", "chiếm", "vượt", "so", "gấp", "cao", "thấp", "hụt", "trong")

// comparisons sets what a change or a percent of plan is measured against,
// from the words after it up to the end of its clause, across the other
// changes of a list ("tăng 13,53%, …, tăng 61,49% so cùng kỳ"): the same
// period last year, the previous period, or the plan. A change with no
// basis written is against the same period last year, a percent of plan
// against the plan.
func (a *analyzer) comparisons() {
	for i := range a.cands {
		c := &a.cands[i]
		f := &c.fig
		if f.Role != schema.RoleChange && f.Role != schema.RolePlanPercent {
			continue
		}
		basis := ""
		for k := c.last + 1; k < len(a.toks) && k <= c.last+3*maxQuoteWords; k++ {
			t := &a.toks[k]
			if isClauseEnd(t) {
				break
			}
			if j := a.candAt(k); j >= 0 {
				if r := a.cands[j].fig.Role; r != schema.RoleChange && r != schema.RolePlanPercent {
					break
				}
				continue
			}
			if b := a.basisAt(k, k == c.last+1); b != "" {
				basis = b
				break
			}
		}
		if basis == "" && f.Role == schema.RoleChange {
			basis = a.basisAt(c.tok-2, a.lowAt(c.tok-3) == "vượt") // "vượt kế hoạch 5%"
		}
		if basis == "" && f.Role == schema.RolePlanPercent && a.lowAt(c.tok-1) == "bằng" {
			basis = a.basisEndingAt(c.tok-1, 7) // "so với cùng kỳ năm trước bằng 104%"
		}
		if p := i - 1; basis == "" && p >= 0 && a.punctAt(c.tok-1, "+") && a.cands[p].fig.Role == schema.RoleChange && a.cands[p].last+2 >= c.tok-1 {
			// "tăng 1.475 tỷ đồng (+6,2%)": the same change, the same basis
			basis = string(a.cands[p].fig.ComparedWith)
		}
		if basis == "" && f.Role == schema.RoleChange {
			// "…, so với 31/12/2021 tăng 1.475 tỷ đồng": the basis said
			// before the verb, in the same comma stretch
			for k := c.tok - 1; k >= 0 && k >= c.tok-12 && a.word(k) != nil || a.isNum(k) && a.candAt(k) < 0; k-- {
				if a.lowAt(k) == "so" {
					basis = a.basisAt(k, false)
					break
				}
			}
		}
		if basis == "" {
			basis = schema.ComparedSamePeriodLastYear
			if f.Role == schema.RolePlanPercent {
				basis = schema.ComparedPlan
			}
		}
		if basis == "none" {
			basis = ""
		}
		if basis == yearEndBasis {
			basis, c.yearEnd = schema.ComparedSamePeriodLastYear, true
		}
		f.ComparedWith = schema.NullString(basis)
	}
}

// basisEndingAt reads a basis of comparison ("so với cùng kỳ năm trước")
// whose "so" is among the n words before token k: "", or what basisAt
// reads.
func (a *analyzer) basisEndingAt(k, n int) string {
	for j := k - 1; j >= 0 && j >= k-n && a.word(j) != nil; j-- {
		if a.lowAt(j) == "so" {
			return a.basisAt(j, false)
		}
	}
	return ""
}

// assignedBy reports an organ that set the plan, from token k: "so với
// HĐND huyện giao", "so với tỉnh giao", "so với UBND tỉnh giao".
func (a *analyzer) assignedBy(k int) bool {
	switch a.lowAt(k) {
	case "hđnd", "ubnd", "tỉnh", "huyện", "thành", "cấp", "trung", "thị", "xã":
	default:
		return false
	}
	for j := k + 1; j <= k+3; j++ {
		if a.lowAt(j) == "giao" {
			return true
		}
		if a.word(j) == nil {
			return false
		}
	}
	return false
}

// yearEndBasis is "so với cuối năm …": the same point last year in a report
// on a whole year, the start of the period in one on part of it; which is
// known once the period is read.
const yearEndBasis = "year_end"

// basisAt reads a basis of comparison at token k: "so (với) cùng kỳ / năm
// trước / tháng trước / kế hoạch …", or, right after the figure (adjacent),
// the plan word itself ("đạt 60% kế hoạch", "bằng 46,56% dự toán năm").
// "none" is a basis that is not a period or a plan ("so với tổng số …").
func (a *analyzer) basisAt(k int, adjacent bool) string {
	if a.lowAt(k) == "so" {
		k++
		if a.lowAt(k) == "với" {
			k++
		}
		if a.lowAt(k) == "thực" && a.lowAt(k+1) == "hiện" {
			k += 2 // "so với thực hiện năm 2019": what was done then
		}
	} else if !adjacent {
		return ""
	}
	w, w2 := a.lowAt(k), a.lowAt(k+1)
	d := k
	switch {
	case w == "ngày":
		d++
	case w == "thời" && w2 == "điểm":
		d += 2
	}
	if a.isNum(d) && a.num(d).Kind == vntext.NumDate {
		// "so với 31/12/2021 tăng 1.475 tỷ đồng" in a report of 2022: the
		// level at a date before, the start of the period
		return schema.ComparedPreviousPeriod
	}
	switch {
	case w == "cùng" && w2 == "kỳ":
		return schema.ComparedSamePeriodLastYear
	case w == "năm" && a.isNum(k+1) && a.year > 0 && int(a.num(k+1).Value) < a.year-1:
		// "gấp 1,3 lần năm 2015" in a report on 2020: the start of a term
		return schema.ComparedPreviousPeriod
	case w == "năm" && (w2 == "trước" || w2 == "ngoái" || a.isNum(k+1)):
		return schema.ComparedSamePeriodLastYear
	case w == "cuối" && w2 == "năm":
		return yearEndBasis
	case (w == "tháng" || w == "quý" || w == "kỳ") && w2 == "trước", w == "nhiệm" && w2 == "kỳ", w == "đầu" && (w2 == "năm" || w2 == "nhiệm"),
		w == "giai" && w2 == "đoạn" && a.isNum(k+2):
		return schema.ComparedPreviousPeriod
	case planSingles[w] || planPairs[pair{w, w2}] || w == "kịch" && w2 == "bản" || a.assignedBy(k):
		return schema.ComparedPlan
	case w == "tổng" && w2 == "số", w == "dân" && w2 == "số":
		if !adjacent || a.lowAt(k-1) == "với" || a.lowAt(k-1) == "so" {
			return "none"
		}
	}
	return ""
}
