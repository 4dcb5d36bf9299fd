package figures

import (
	"math"
	"strings"

	"github.com/baocao/baocao/extract/period"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// cand is a figure found in one container, before ids are given.
type cand struct {
	yearEnd  bool // measured against "cuối năm …": last year's end, or this period's start
	index    int  // position in the container's figure list
	tok      int  // token of the number
	last     int  // last token of the number and its unit phrase
	fig      schema.Figure
	parent   int
	refersTo int
	countOf  int  // the percent whose count this is: "đạt 50% (8 xã)"
	labeling bool // its label is being read: a label that needs it gets none
	rate     bool // "60 triệu đồng/nhà", "01 lần/quý": a rate, never a part or a total
	class    int
	head     string // first word of the unit ("cuộc" of "cuộc đối thoại")
	verb     string // words before the number that say what was done
	topic    string // what a counter ("có 147 tổ chức") counts, from "Đối với X,"
	after    string // a verb right after the number ("17 khiển trách")
	linked   bool   // already a part of a breakdown
	twice    int    // the unit written again after the slash ("20 chỉ tiêu/21 chỉ tiêu"), or after a percent or a total, or 0
	ofTotal  int    // the token of the total in "662 trong tổng số 686 TCCSĐ", or 0
}

// analyzer holds the per-container state, reused between containers.
type analyzer struct {
	text     string
	year     int // the year the document reports on, 0 when unknown
	nums     []vntext.Number
	toks     []token
	sent     []int // sentence number of each token
	depth    []int // parenthesis depth of each token
	consumed []bool
	// planScope marks the tokens said of a plan or a goal: after "phấn
	// đấu", "mục tiêu", "kế hoạch kết nạp", "dự kiến" to the end of the
	// sentence, after "các chỉ tiêu chủ yếu … là:" to the end of the
	// paragraph, all of a plan document.
	planScope []bool
	planDoc   bool
	listItem  bool // the container is a list item (a round-up's item about one place)
	// inPeriod marks the tokens of a time expression ("6 tháng đầu năm
	// 2024", "đến ngày 15/6"): labels leave them out, periods read them.
	inPeriod []bool
	exprs    []period.Expr
	exprTok  []int // first token of each expression
	orphans  []orphan
	cands    []cand
	segs     []seg
	candOf   []int // figure index of each token, -1 for none
}

func (a *analyzer) analyze(lx *lexer, text string, plan bool, ctx *context) []cand {
	a.text = text
	a.year = 0
	if ctx != nil && ctx.ok {
		a.year = ctx.year
	}
	a.toks = lx.lex(text)
	a.nums = lx.nums
	a.cands = a.cands[:0]
	a.orphans = a.orphans[:0]
	a.layout()
	a.markPeriods()
	a.markPlans()
	for i := range a.toks {
		if a.toks[i].kind != tNum || a.consumed[i] {
			continue
		}
		if c, ok := a.figureAt(i, plan); ok {
			c.index = len(a.cands)
			a.cands = append(a.cands, c)
		}
	}
	a.indexCands()
	a.sharedUnits()
	// a plan's targets have parts too ("kết nạp 170 đảng viên. Trong đó,
	// … từ 06 đồng chí; …"), said with the same markers
	a.linkMarkers()
	a.linkOfTotal()
	if !plan {
		a.linkParens()
		a.linkSums()
		a.linkRatings()
		a.linkForms()
	}
	a.linkRefers()
	// what a percent of plan is measured against names its label: "(%
	// kế hoạch)" or "(% cùng kỳ)"
	a.comparisons()
	for i := range a.cands {
		c := &a.cands[i]
		c.fig.Quote = a.quote(c.tok)
		c.fig.Metric = a.label(c)
		a.parallelItem(i)
	}
	a.correspondingLists()
	a.periods(ctx, plan)
	for i := range a.cands {
		// "tăng 3,2% so với cuối năm 2021" in a report on 6 months of 2022:
		// the level at the start of the period, not a year before
		if c := &a.cands[i]; c.yearEnd && c.fig.Period != nil && !strings.HasSuffix(c.fig.Period.End, "-12-31") {
			c.fig.ComparedWith = schema.ComparedPreviousPeriod
		}
	}
	a.subjects(ctx.title)
	a.partLabels()
	a.estimates()
	return a.cands
}

// correspondingLists labels "khu vực A chiếm 19,39%; khu vực B 42,65%; …
// (Cơ cấu tương ứng năm 2021 là: 20,80%; 41,86%; …)": the values after
// "tương ứng" are, in order, of the items of the list just before it, when
// the two lists have as many values of one kind.
func (a *analyzer) correspondingLists() {
	for m := 1; m < len(a.toks); m++ {
		if a.lowAt(m) != "ứng" || a.lowAt(m-1) != "tương" {
			continue
		}
		after, before := -1, -1
		for i := range a.cands {
			if a.cands[i].tok > m {
				after = i
				break
			}
			before = i
		}
		if after < 0 || before < 0 || a.sent[a.cands[after].tok] != a.sent[m] {
			continue
		}
		n := 0
		for after+n < len(a.cands) && a.sent[a.cands[after+n].tok] == a.sent[m] && a.cands[after+n].fig.Kind == a.cands[after].fig.Kind {
			n++
		}
		if n < 2 || before-n+1 < 0 {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			p, c := &a.cands[before-n+1+k], &a.cands[after+k]
			if p.fig.Kind != c.fig.Kind || p.fig.Metric == "" || a.sent[p.tok] != a.sent[m] && a.sent[p.tok] != a.sent[m]-1 {
				ok = false
				break
			}
		}
		// the list before is longer when a value of its kind comes before it
		// in its sentence: which items are meant is not told
		if first := a.cands[before-n+1]; before-n >= 0 && a.sent[a.cands[before-n].tok] == a.sent[first.tok] && a.cands[before-n].fig.Kind == a.cands[after].fig.Kind {
			ok = false // the list before is longer: which items is not told
		}
		if !ok {
			continue
		}
		for k := 0; k < n; k++ {
			a.cands[after+k].fig.Metric = a.cands[before-n+1+k].fig.Metric
		}
	}
}

// itemQualifier reads the words that open c's list item before its
// number ("mầm non 3 trường", "THCS 2 trường"), at most three, none a verb;
// "" otherwise.
func (a *analyzer) itemQualifier(c *cand) string {
	hi := c.tok - 1
	lo := hi
	for lo >= 0 && a.word(lo) != nil && hi-lo < 3 {
		w := a.toks[lo].low
		if w == "đó" && a.lowAt(lo-1) == "trong" {
			break // "trong đó mầm non 3 trường"
		}
		if predicateStop[w] || verbPairs[pair{w, a.lowAt(lo + 1)}] || singleVerbs[w] || a.markerAt(lo) > 0 {
			return ""
		}
		lo--
	}
	if lo == hi || lo < 0 || !(a.punctAt(lo, ",") || a.punctAt(lo, ";") || a.punctAt(lo, ":") || a.lowAt(lo) == "đó") {
		return ""
	}
	return a.span(lo+1, hi)
}

// parallelItem gives the second item of "Tỷ lệ hộ dùng nước sạch khu vực
// đô thị đạt 99,2%, khu vực nông thôn đạt 95%" the head of the first: an
// item after a comma whose label opens with words the label before has
// inside it takes that label's opening up to them.
func (a *analyzer) parallelItem(i int) {
	if i == 0 {
		return
	}
	c, p := &a.cands[i], &a.cands[i-1]
	if a.sent[p.tok] != a.sent[c.tok] || !a.punctAt(p.last+1, ",") || p.fig.Kind != c.fig.Kind || p.fig.Role != c.fig.Role {
		return
	}
	m := strings.TrimPrefix(strings.TrimPrefix(c.fig.Metric, "tỷ lệ "), "tỉ lệ ")
	ws := strings.Fields(m)
	if len(ws) < 2 || len(ws) > 5 {
		return
	}
	// the item is its own clause: the words from the comma to the number
	// are the label's and "đạt", "là", "chiếm"
	if n := c.tok - (p.last + 2); n < len(ws) || n > len(ws)+2 {
		return
	}
	lead := " " + ws[0] + " " + ws[1] + " "
	if len(ws) == 2 {
		lead = " " + ws[0] + " " // "bậc tiểu học đạt 99,7%, bậc THCS đạt 98,5%"
	}
	pm := " " + p.fig.Metric + " "
	if j := strings.LastIndex(pm, lead); j > 0 && j+len(lead) < len(pm)-1 {
		c.fig.Metric = strings.TrimSpace(pm[:j]) + " " + m
	}
}

// partLabels names the parts of a breakdown that say only which level or
// which kind of unit they are: "219/219 tập thể …, trong đó cấp huyện 54,
// cấp cơ sở 165" are the total's metric for a level (their subject);
// "Hoàn thành xuất sắc nhiệm vụ 08 (có 01 đảng bộ và 07 chi bộ)" are
// đảng bộ and chi bộ that did what the total did.
func (a *analyzer) partLabels() {
	for i := range a.cands {
		c := &a.cands[i]
		if c.parent < 0 {
			continue
		}
		p := &a.cands[c.parent]
		f := &c.fig
		f.Metric = countedAs(f.Metric, f.Unit, p.fig.Unit)
		rest := ""
		if f.Subject != "" && len(f.Metric) >= len(f.Subject) && strings.EqualFold(f.Metric[:len(f.Subject)], f.Subject) {
			rest = strings.TrimSpace(f.Metric[len(f.Subject):])
		}
		if q := a.itemQualifier(c); q != "" && f.Unit != "" && strings.EqualFold(f.Unit, p.fig.Unit) && (f.Metric == f.Unit || f.Metric == q+" "+f.Unit) && p.fig.Metric != "" {
			// "9 trường đạt chuẩn quốc gia, trong đó mầm non 3 trường, …,
			// THCS 2 trường": the total's row for that kind
			if pm := p.fig.Metric; strings.HasPrefix(pm, f.Unit+" ") || pm == f.Unit {
				f.Metric = f.Unit + " " + q + pm[len(f.Unit):]
			} else {
				f.Metric = joinLabel(pm, q)
			}
			continue
		}
		switch {
		case f.Subject != "" && (f.Unit == "" && rest == "" || f.Unit == p.fig.Unit && (rest == f.Unit || rest == "" && strings.EqualFold(f.Metric, f.Subject))) && len(rest) < len(f.Metric) && p.fig.Metric != "":
			// "…, trong đó cấp tỉnh đạt hơn 1.900 tỷ đồng": a level's part
			old := f.Metric
			f.Metric = p.fig.Metric
			for j := i + 1; j < len(a.cands) && j <= i+3; j++ {
				// "…, tăng 49%": its change, labelled by it before
				if r := &a.cands[j]; r.refersTo == i && strings.HasPrefix(r.fig.Metric, old) {
					r.fig.Metric = f.Metric + r.fig.Metric[len(old):]
				}
			}
			if p.fig.Kind == f.Kind || p.fig.Kind == schema.KindRatio && f.Kind == schema.KindCount {
				f.Unit = p.fig.Unit
			}
		case f.Unit != "" && (f.Metric == f.Unit || strings.HasPrefix(f.Metric, f.Unit+",")) && p.verb != "" && !strings.Contains(p.verb, f.Unit) && !strings.EqualFold(p.verb, p.fig.Subject):
			ws := strings.Fields(strings.ToLower(p.verb)) // lower case: a verb read at a sentence's head
			switch {
			case len(ws) >= 3 && isRating(ws[0], ws[1], ws[2]):
				f.Metric = joinLabel(f.Metric, p.verb) // what the parts did, said after them
			case verbPhrase(p.verb):
				f.Metric = joinLabel(p.verb, f.Metric) // "kết nạp 35 đảng viên, trong đó 9 công nhân"
			}
		}
	}
}

// datedEnd is the byte where the sentence of the text's last numeral ends.
func (a *analyzer) datedEnd() int {
	k := len(a.toks) - 1
	for k >= 0 && a.toks[k].kind != tNum {
		k--
	}
	for k++; k < len(a.toks); k++ {
		if isSentenceEnd(&a.toks[k]) {
			return a.toks[k].endPos
		}
	}
	return len(a.text)
}

// sharedUnits gives the bare counts of a list the unit said once at its
// end: "Ban Thường vụ thi hành kỷ luật 1, các huyện ủy 8, chi bộ 29
// trường hợp".
func (a *analyzer) sharedUnits() {
	for i := 0; i < len(a.cands); i++ {
		c := &a.cands[i]
		if !a.bareCount(c) {
			continue
		}
		j := i + 1
		for j < len(a.cands) && a.bareCount(&a.cands[j]) && a.sent[a.cands[j].tok] == a.sent[c.tok] {
			j++
		}
		if j == len(a.cands) || a.sent[a.cands[j].tok] != a.sent[c.tok] {
			i = j - 1
			continue
		}
		// "Khiển trách 26, cảnh cáo 03; kỷ luật 1.090 đảng viên": a
		// semicolon after a comma list ends it
		semi, comma := false, false
		for k := i; k < j; k++ {
			if a.punctAt(a.cands[k].last+1, ";") {
				semi = true
			} else {
				comma = true
			}
		}
		u := &a.cands[j]
		if semi && comma && a.punctAt(a.cands[j-1].last+1, ";") {
			i = j - 1
			continue
		}
		if u.fig.Kind == schema.KindCount && u.fig.Unit != "" && u.head != "lượt" && u.head != "lần" && u.after == "" &&
			!ordinalWords[strings.ToLower(strings.Fields(u.fig.Unit)[0])] {
			for k := i; k < j; k++ {
				a.cands[k].fig.Unit, a.cands[k].class, a.cands[k].head = u.fig.Unit, u.class, u.head
			}
		}
		i = j - 1
	}
}

// bareCount reports a count with no noun of its own that a list
// separator follows.
func (a *analyzer) bareCount(c *cand) bool {
	if c.fig.Kind != schema.KindCount || c.fig.Unit != "" || c.after != "" {
		return false
	}
	k := c.last + 1
	return a.punctAt(k, ",") || a.punctAt(k, ";") || a.lowAt(k) == "và"
}

// markPlans fills planScope.
func (a *analyzer) markPlans() {
	n := len(a.toks)
	if cap(a.planScope) < n {
		a.planScope = make([]bool, n)
	}
	a.planScope = a.planScope[:n]
	for k := range a.planScope {
		a.planScope[k] = a.planDoc
	}
	if a.planDoc {
		return
	}
	for k := 0; k < n; k++ {
		w := a.word(k)
		if w == nil {
			continue
		}
		switch w.low {
		case "phấn", "dự", "mục", "chỉ", "kế":
		default:
			continue // the words below open every plan phrase; most words are none
		}
		prev := a.lowAt(k - 1)
		compared := prev == "vượt" || prev == "đạt" || prev == "với" || prev == "so" || prev == "thành" || prev == "theo" ||
			k > 0 && (a.toks[k-1].kind == tNum || a.toks[k-1].isPunct("%")) // "đạt 106% chỉ tiêu"
		head := k == 0 || prev == "các" || prev == "những" || prev == "số" && a.lowAt(k-2) == "một" || a.toks[k-1].kind == tPunct && !a.toks[k-1].isPunct("%")
		toParagraph := false
		switch {
		case w.low == "phấn" && a.lowAt(k+1) == "đấu", w.low == "dự" && a.lowAt(k+1) == "kiến":
		case w.low == "mục" && a.lowAt(k+1) == "tiêu" && !compared && prev != "trình" && a.lowAt(k+2) != "quốc":
			// not "Chương trình mục tiêu quốc gia …"
		case w.low == "chỉ" && a.lowAt(k+1) == "tiêu" && !compared && head && a.introducesList(k+2):
			toParagraph = true // "Các chỉ tiêu kinh tế-xã hội chủ yếu năm 2024 là: …"
		case w.low == "kế" && a.lowAt(k+1) == "hoạch" && (head || prev == "dựng" || prev == "hành") && verbPairs[pair{a.lowAt(k + 2), a.lowAt(k + 3)}]:
			// "xây dựng kế hoạch kết nạp 170 đảng viên", not "thực hiện kế
			// hoạch phát triển …"
		default:
			continue
		}
		for j := k; j < n && (toParagraph || a.sent[j] == a.sent[k]); j++ {
			a.planScope[j] = true
		}
	}
}

// introducesList reports ":" or "là" within a few words of token k, as in
// "chỉ tiêu (kinh tế-xã hội) chủ yếu (năm 2024) là:", or "chủ yếu".
func (a *analyzer) introducesList(k int) bool {
	for j := k; j < len(a.toks) && j < k+8; j++ {
		if a.punctAt(j, ":") || a.lowAt(j) == "là" || a.lowAt(j) == "chủ" && a.lowAt(j+1) == "yếu" {
			return true
		}
		if a.toks[j].kind == tNum && !a.inPeriod[j] || isClauseEnd(&a.toks[j]) {
			return false
		}
	}
	return false
}

// markPeriods finds the time expressions of the text and marks their
// tokens, with the words that lead into them ("đến", "tính đến", "lũy kế
// đến", "trong", "từ").
func (a *analyzer) markPeriods() {
	a.exprs = a.exprs[:0]
	if len(a.nums) > 0 {
		// a text without numerals has no figure to date, and the sentences
		// after its last numeral date none: a figure's period is said in
		// its sentence or one before it
		a.exprs = period.Find(a.text[:a.datedEnd()])
	}
	if cap(a.inPeriod) < len(a.toks) {
		a.inPeriod = make([]bool, len(a.toks))
	}
	a.inPeriod = a.inPeriod[:len(a.toks)]
	for k := range a.inPeriod {
		a.inPeriod[k] = false
	}
	if len(a.exprs) == 0 {
		return
	}
	e := 0
	for k := range a.toks {
		for e < len(a.exprs) && a.exprs[e].End <= a.toks[k].pos {
			e++
		}
		if e < len(a.exprs) && a.toks[k].pos >= a.exprs[e].Pos && a.toks[k].endPos <= a.exprs[e].End {
			a.inPeriod[k] = true
		}
	}
	for k := len(a.toks) - 1; k > 0; k-- {
		if a.inPeriod[k] && !a.inPeriod[k-1] {
			for j := k - 1; j >= 0 && a.word(j) != nil; j-- {
				switch a.toks[j].low {
				case "đến", "tính", "kế", "lũy", "trong", "từ", "hết", "cuối":
					a.inPeriod[j] = true
					continue
				}
				break
			}
		}
	}
}

// indexCands maps tokens to the figures read from them.
func (a *analyzer) indexCands() {
	a.candOf = grow(a.candOf, len(a.toks))
	for i := range a.candOf {
		a.candOf[i] = -1
	}
	for i := range a.cands {
		a.candOf[a.cands[i].tok] = i
	}
}

// layout numbers sentences and parenthesis depths.
func (a *analyzer) layout() {
	n := len(a.toks)
	a.sent = grow(a.sent, n)
	a.depth = grow(a.depth, n)
	if cap(a.consumed) < n {
		a.consumed = make([]bool, n)
	}
	a.consumed = a.consumed[:n]
	s, d := 0, 0
	for i := range a.toks {
		t := &a.toks[i]
		a.consumed[i] = false
		if t.isPunct(")") && d > 0 {
			d--
		}
		a.sent[i] = s
		a.depth[i] = d
		switch {
		case t.isPunct("("):
			d++
		case isSentenceEnd(t):
			s++
			d = 0
		}
	}
}

func grow(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	return b[:n]
}

// num returns the number of token i, which must be a tNum.
func (a *analyzer) num(i int) *vntext.Number { return &a.nums[a.toks[i].ni] }

// isNum reports a number token at i.
func (a *analyzer) isNum(i int) bool { return i >= 0 && i < len(a.toks) && a.toks[i].kind == tNum }

func (a *analyzer) word(i int) *token {
	if i < 0 || i >= len(a.toks) || a.toks[i].kind != tWord {
		return nil
	}
	return &a.toks[i]
}

func (a *analyzer) lowAt(i int) string {
	if w := a.word(i); w != nil {
		return w.low
	}
	return ""
}

func (a *analyzer) punctAt(i int, p string) bool {
	return i >= 0 && i < len(a.toks) && a.toks[i].isPunct(p)
}

// listRateVerb reads a percent in parentheses after a place's name in a
// list that a colon opens, whose head says what rose or fell: "có 6 địa
// phương ghi nhận GRDP tăng 2 chữ số gồm: Bắc Giang (13,89%), …". It
// returns the token of "tăng" or "giảm" in the head, or -1.
func (a *analyzer) listRateVerb(i int) int {
	if !a.punctAt(i-1, "(") || !a.isNum(i) || i < 3 {
		return -1
	}
	if w := a.word(i - 2); w == nil || !w.upper || w.initial && !a.punctAt(i-3, ",") && !a.punctAt(i-3, ":") && a.word(i-3) == nil {
		return -1
	}
	k := i - 2
	for k >= 0 && !isSentenceEnd(&a.toks[k]) && !a.punctAt(k, ":") {
		if a.depth[k] != a.depth[i-1] {
			k--
			continue
		}
		if w := a.word(k); w != nil && !w.upper && !a.punctAt(k, ",") {
			return -1 // the list holds names, commas and parentheses only
		}
		k--
	}
	if !a.punctAt(k, ":") {
		return -1
	}
	for h := k - 1; h >= 0 && !isClauseEnd(&a.toks[h]); h-- {
		if w := a.lowAt(h); w == "tăng" || w == "giảm" {
			return h
		}
	}
	return -1
}

// figureAt decides whether the numeric token i is a figure and reads it.
func (a *analyzer) figureAt(i int, plan bool) (cand, bool) {
	t := &a.toks[i]
	n := *a.num(i)
	if n.Kind != vntext.NumPlain && n.Kind != vntext.NumRatio && n.Kind != vntext.NumRange {
		return cand{}, false
	}
	if a.notFigure(i) {
		return cand{}, false
	}
	c := cand{tok: i, parent: -1, refersTo: -1, countOf: -1}
	f := &c.fig
	f.Value = n.Value
	rawStart, rawEnd := t.pos, t.endPos
	spanEnd := t.end
	j := i + 1
	switch n.Kind {
	case vntext.NumRatio:
		f.Kind = schema.KindRatio
		f.Denominator = schema.Float(n.Value2)
	case vntext.NumRange:
		f.Kind = schema.KindRange
		f.ValueHigh = schema.Float(n.Value2)
	}
	// "55 - 56 tạ/ha" typed with spaces round the dash; "từ 8,5% đến 9%",
	// "từ 3 đến 5 lượt": a range in words.
	numEnd := t.endPos
	hi := a.spacedRange(i)
	unitsBoth, hi0 := false, 0
	if hi == 0 && n.Kind == vntext.NumPlain && a.lowAt(i-1) == "từ" {
		if k, ok := a.rangeTo(i); ok {
			hi = k
		}
	}
	// the second number of a range or a ratio is read with the first
	second := func(k int) {
		a.consumed[k] = true
		numEnd, spanEnd, j = a.toks[k].endPos, a.toks[k].end, k+1
	}
	if hi > 0 {
		f.Kind = schema.KindRange
		f.ValueHigh = schema.Float(a.num(hi).Value)
		second(hi)
	} else if den := a.spacedRatio(i); den > 0 && n.Kind == vntext.NumPlain {
		unitsBoth = a.word(den-2) != nil // "26.410,28 ha/25.976 ha" is raw whole
		hi0 = den
		f.Kind = schema.KindRatio
		f.Denominator = schema.Float(a.num(den).Value)
		second(den)
	}
	scale := 1.0
	countRawEnd := 0 // the end of "324 nghìn" in a count written with a scale
	unitKind := ""
	unit := ""
	if t2 := a.laterNoun(i, j); t2 > 0 && (n.Kind == vntext.NumPlain || n.Kind == vntext.NumRatio) {
		// "11/11 (100%) xã thị trấn", "662 trong tổng số 686 TCCSĐ": the
		// counted noun said after a percent or the total
		u, _, cl, head := a.nounPhrase(t2)
		unit, c.class, c.head, c.twice = u, cl, head, t2
		if a.lowAt(j) == "trong" {
			c.ofTotal = t2 - 1
		}
	}
	switch w := a.word(j); {
	case unit != "":
	case a.punctAt(j, "%"):
		unitKind, unit = schema.KindPercent, "%"
		rawEnd = a.toks[j].endPos
		j++
	case w != nil && w.low == "điểm" && a.punctAt(j+1, "%"):
		// "đóng góp 12,92 điểm % vào mức tăng GRDP": percentage points
		unitKind, unit = schema.KindPercent, "điểm %"
		rawEnd = a.toks[j+1].endPos
		j += 2
	case w != nil && w.low == "điểm" && a.lowAt(j+1) == "phần" && a.lowAt(j+2) == "trăm":
		unitKind, unit = schema.KindPercent, "điểm phần trăm"
		rawEnd = a.toks[j+2].endPos
		j += 3
	case w != nil && w.low == "phần" && a.lowAt(j+1) == "trăm":
		unitKind, unit = schema.KindPercent, "%"
		rawEnd = a.toks[j+1].endPos
		j += 2
	case w != nil && scales[w.low] > 0:
		scale = scales[w.low]
		sw := w.text
		j++
		// "218 tỷ 477 triệu đồng": one amount in two scales, said in the
		// larger one (218,477 tỷ đồng)
		if a.isNum(j) && a.lowAt(j+1) != "" && scales[a.lowAt(j+1)] > 0 && scales[a.lowAt(j+1)] < scale {
			if m := a.num(j); m.Kind == vntext.NumPlain && m.Value < 1000 && m.Value == math.Trunc(m.Value) && m.Decimals == 0 {
				f.Value += m.Value * scales[a.lowAt(j+1)] / scale
				a.consumed[j] = true
				j += 2
			}
		}
		if cur := a.word(j); cur != nil && !a.isCurrency(j) && scales[cur.low] == 0 && scale <= 1e6 && !a.isNum(j) {
			// "gần 324 nghìn đảng viên", "trên 190 nghìn tổ chức Đảng":
			// a count written with a scale is the count itself
			if u, end, cl, head := a.nounPhrase(j); u != "" && cl != classNone || u != "" && countNouns[cur.low] {
				f.Value = scaled(f.Value, n.Decimals, scale)
				scale = 1
				countRawEnd = w.endPos
				unit, c.class, c.head = u, cl, head
				j = end
				break
			}
		}
		switch cur := a.word(j); {
		case cur != nil && a.isCurrency(j):
			unitKind, unit = schema.KindMoney, sw+" "+cur.text
			rawEnd = cur.endPos
			j++
		case cur == nil || unitStop[cur.low]:
			unitKind, unit = schema.KindMoney, sw
			rawEnd = a.toks[j-1].endPos
		default:
			u, end, cl, head := a.nounPhrase(j)
			unit, c.class, c.head = sw+" "+u, cl, head
			j = end
		}
	case w != nil && a.isCurrency(j):
		unitKind, unit = schema.KindMoney, w.text
		rawEnd = w.endPos
		j++
	case w != nil && (areaUnits[w.low] || (w.low == "mét" || w.low == "m") && a.lowAt(j+1) == "vuông"):
		unitKind, unit = schema.KindArea, w.text
		rawEnd = w.endPos
		j++
		if a.lowAt(j) == "vuông" {
			unit += " vuông"
			rawEnd = a.toks[j].endPos
			j++
		}
	case w != nil && w.low == "héc" && a.punctAt(j+1, "-") && a.lowAt(j+2) == "ta":
		unitKind, unit = schema.KindArea, "ha"
		rawEnd = a.toks[j+2].endPos
		j += 3
	case w != nil && w.low == "m" && a.isNum(j+1) && w.endPos == a.toks[j+1].pos && (a.toks[j+1].text == "2" || a.toks[j+1].text == "3"):
		// "12.532 m2" read as "m" and "2": square (or cubic) metres
		if a.toks[j+1].text == "2" {
			unitKind = schema.KindArea
		} else {
			unitKind = schema.KindOther
		}
		unit = "m" + a.toks[j+1].text
		rawEnd = a.toks[j+1].endPos
		a.consumed[j+1] = true
		j += 2
	case w != nil && measureUnits[w.low]:
		unitKind, unit = schema.KindOther, w.text
		j++
	case w != nil && verbPairs[pair{w.low, a.lowAt(j + 1)}] && w.low != "tổ" && w.low != "kết":
		// "17 khiển trách; 2 cảnh cáo": the number counts who the verb
		// after it befell; the noun is the total's
		c.after = a.span(j, j+1)
		j += 2
	case w != nil:
		u, end, cl, head := a.nounPhrase(j)
		unit, c.class, c.head = u, cl, head
		j = end
		if unitsBoth {
			// "20 chỉ tiêu/21 chỉ tiêu kinh tế - xã hội": the unit is the
			// one written twice, what follows it says which
			n := hi0 - 2 - i // words of the unit
			unit = a.span(i+1, i+n)
			j = hi0 + 1 + n
			rawEnd = a.toks[j-1].endPos
			c.twice = hi0 + 1
		}
	}
	if unit != "" && unitKind == "" && a.lowAt(j) == "và" && a.classAt(j+1) != classNone && a.word(j+1) != nil {
		// "trên 72.800 tổ chức Đảng và Đảng viên": one count of two
		// kinds of noun, when no number of its own follows "và"
		if u2, end2, _, _ := a.nounPhrase(j + 1); u2 != "" && !a.isNum(end2) && !a.isNum(end2+1) {
			if c.head != "lượt" {
				unit += " và " + u2
			}
			j = end2
		}
	}
	// A rate: "60 triệu đồng/nhà", "01 lần/quý", "mỗi suất 500.000 đồng".
	// A percent stays "%": "10%/năm" is a yearly average (the rate is in
	// the label's "bình quân"), "84,32%/tổng số đảng viên" names its base.
	if unitKind == schema.KindPercent {
		if a.punctAt(j, "/") && (a.lowAt(j+1) == "năm" || a.lowAt(j+1) == "tháng" || a.lowAt(j+1) == "quý") {
			c.rate = true
			j += 2
		}
	} else {
		for a.punctAt(j, "/") && a.word(j+1) != nil && !planSingles[a.lowAt(j+1)] { // not "50,4 tạ/ha/KH 55 tạ/ha"
			c.rate = true
			unit += "/" + a.toks[j+1].text // "triệu đồng/người/năm"
			j += 2
		}
	}
	for k := i - 1; k >= 0 && k >= i-3 && a.toks[k].kind == tWord; k-- {
		if a.toks[k].low == "mỗi" || a.toks[k].low == "bình" && a.lowAt(k+1) == "quân" {
			c.rate = true
		}
	}
	c.last = j - 1
	f.Unit = unit
	switch {
	case f.Kind == schema.KindRatio:
		if !unitsBoth || rawEnd < numEnd {
			rawEnd = numEnd
		}
	case f.Kind == schema.KindRange:
		if unitKind != schema.KindPercent && unitKind != schema.KindMoney && unitKind != schema.KindArea {
			rawEnd = numEnd
		}
	case unitKind != "":
		f.Kind = unitKind
		if unitKind == schema.KindOther {
			rawEnd = numEnd
		}
	default:
		f.Kind = schema.KindCount
		rawEnd = numEnd
	}
	if countRawEnd > 0 && f.Kind == schema.KindCount {
		rawEnd = countRawEnd
	}
	f.Raw = a.text[rawStart:rawEnd]
	f.Span = [2]int{t.start, spanEnd}
	f.ValueNormalized = scaled(f.Value, n.Decimals, scale)
	if unitKind == schema.KindMoney && strings.HasPrefix(strings.ToLower(unit), "usd") {
		f.ValueNormalized = f.Value
	}
	a.qualify(&c, i, j)
	a.role(&c, i, j, unitKind == schema.KindPercent, plan)
	return c, true
}

// planWordBefore reports a plan word ending at token k ("kế hoạch", "dự
// toán", "chỉ tiêu", "nghị quyết đề ra", "tỉnh giao").
func (a *analyzer) planWordBefore(k int) bool {
	for n := 0; n < 3 && k >= 0; n, k = n+1, k-1 {
		w := a.word(k)
		if w == nil {
			return false
		}
		switch w.low {
		case "ra", "đề", "giao", "năm":
			continue
		}
		return planPairs[pair{a.lowAt(k - 1), w.low}] || planSingles[w.low]
	}
	return false
}

// planPercentBefore reports a percent of plan earlier in the sentence of
// token i.
func (a *analyzer) planPercentBefore(i int) bool {
	for j := len(a.cands) - 1; j >= 0; j-- {
		c := &a.cands[j]
		// "Tổng chi … đạt 78,09% dự toán, …. Trong đó: Chi đầu tư phát
		// triển là 1.596,7 tỷ đồng, đạt 119,07%": the sentence before
		// sets how its parts are measured
		if a.sent[c.tok] < a.sent[i]-1 {
			return false
		}
		if c.fig.Role == schema.RolePlanPercent {
			return true
		}
	}
	return false
}

// growthRate reports a percent said of "tăng trưởng" or "tốc độ tăng" in its
// clause before it.
func (a *analyzer) growthRate(i int) bool {
	for k := i - 1; k >= 0 && k > i-3*maxQuoteWords; k-- {
		t := &a.toks[k]
		// a list of rates ("Bắc Giang (13,89%), Thanh Hóa (12,46%)") and
		// a time ("giai đoạn 2016-2020") do not end the clause
		if isClauseEnd(t) || t.kind == tNum && !a.inPeriod[k] && !a.punctAt(k+1, "%") {
			return false
		}
		if t.kind == tWord && t.low == "tăng" && (a.lowAt(k+1) == "trưởng" || a.lowAt(k-1) == "độ" || a.lowAt(k-1) == "mức") {
			return true
		}
	}
	return false
}

// scaled multiplies v, written with d decimals, by scale without the float
// error of 516,3 × 10⁹: the digits are made whole first.
func scaled(v float64, d int, scale float64) float64 {
	if scale == 1 {
		return v
	}
	p := math.Pow10(d)
	return math.Round(v*p) * scale / p
}

// rangeTo finds the high end of "từ A … đến B" and returns its token.
func (a *analyzer) rangeTo(i int) (hi int, ok bool) {
	for k := i + 1; k < len(a.toks) && k <= i+4; k++ {
		t := &a.toks[k]
		if isClauseEnd(t) || t.kind == tNum {
			return 0, false
		}
		if t.isWord("đến") || t.isWord("tới") {
			if k+1 < len(a.toks) && a.toks[k+1].kind == tNum && a.num(k+1).Kind == vntext.NumPlain && a.num(k+1).Value > a.num(i).Value {
				return k + 1, true
			}
			return 0, false
		}
	}
	return 0, false
}

// prizeAt reports "giải" as the noun of a prize ("8 giải Nhất", "19 giải
// khuyến khích"), not the verb of "giải quyết", "giải ngân".
func (a *analyzer) prizeAt(k int) bool {
	if a.lowAt(k) != "giải" || verbPairs[pair{"giải", a.lowAt(k + 1)}] {
		return false
	}
	nx := a.word(k + 1)
	return nx != nil && (nx.upper || prizeRanks[nx.low])
}

var prizeRanks = set("nhất", "nhì", "ba", "tư", "khuyến", "đặc", "a", "b", "c", "vàng", "bạc", "đồng")

// spacedRange finds the upper end of "55 - 56" with spaces round the
// dash, when a unit follows and the upper end is the larger of two numbers
// of one size: its token, or 0.
func (a *analyzer) spacedRange(i int) int {
	if !a.punctAt(i+1, "-") && !a.punctAt(i+1, "–") || i+2 >= len(a.toks) || a.toks[i+2].kind != tNum {
		return 0
	}
	lo, hi := a.num(i), a.num(i+2)
	if lo.Kind != vntext.NumPlain || hi.Kind != vntext.NumPlain || !(hi.Value > lo.Value && hi.Value <= 3*lo.Value) ||
		a.toks[i].endPos == a.toks[i+1].pos || a.toks[i+1].endPos == a.toks[i+2].pos {
		return 0
	}
	if hi.Decimals == 0 && hi.Value >= 1900 && hi.Value <= 2100 {
		return 0 // "2016 - 2020": years
	}
	if !a.punctAt(i+3, "%") && a.word(i+3) == nil {
		return 0
	}
	return i + 2
}

// laterNoun finds, for a bare count at token i whose next token j is not
// its noun, the noun said later: after a percent in parentheses ("11/11
// (100%) xã") or after its total ("662 trong tổng số 686 TCCSĐ"). It
// returns the noun's first token, or 0.
func (a *analyzer) laterNoun(i, j int) int {
	switch {
	case a.punctAt(j, "(") && a.isNum(j+1) && a.punctAt(j+2, "%") && a.punctAt(j+3, ")") && a.word(j+4) != nil:
		if w := a.lowAt(j + 4); !unitStop[w] {
			return j + 4
		}
	case a.lowAt(j) == "trong":
		k := j + 1
		if a.lowAt(k) == "tổng" {
			k++
		}
		if w := a.lowAt(k + 2); a.lowAt(k) == "số" && a.isNum(k+1) && a.num(k+1).Kind == vntext.NumPlain && a.word(k+2) != nil && (!unitStop[w] || unitKeepPairs[pair{w, a.lowAt(k + 3)}]) && a.num(k+1).Value >= a.num(i).Value {
			return k + 2
		}
	}
	return 0
}

// spacedRatio reads a result over its plan written with the unit on both
// sides or a space before the slash: "26.410,28 ha/25.976 ha", "99,2 tỷ
// đồng/151,7 tỷ đồng", "2.761,11 /2.945,0 ha". It returns the token of the
// second number (the unit, if any, follows it), or 0.
func (a *analyzer) spacedRatio(i int) int {
	if w := a.lowAt(i - 1); w == "ngày" || w == "tháng" {
		return 0
	}
	k := i + 1
	for k < len(a.toks) && k <= i+2 && a.word(k) != nil {
		k++
	}
	units := k - i - 1
	if !a.punctAt(k, "/") || k+1 >= len(a.toks) || a.toks[k+1].kind != tNum || a.num(k+1).Kind != vntext.NumPlain {
		return 0
	}
	if units == 0 {
		// "2.761,11 /2.945,0 ha": the space tells it from "16/6"
		if a.toks[i].endPos == a.toks[k].pos || a.word(k+2) == nil {
			return 0
		}
		return k + 1
	}
	for u := 0; u < units; u++ {
		if a.lowAt(i+1+u) != a.lowAt(k+2+u) {
			return 0
		}
	}
	return k + 1
}

// planMarkBefore reports a result's plan said right after it: "50,4
// tạ/ha/KH 55 - 56 tạ/ha", "8,31%/KH tăng 3-4%", "(KH tăng 8-9%)".
func (a *analyzer) planMarkBefore(i int) bool {
	k := i - 1
	if w := a.lowAt(k); w == "tăng" || w == "giảm" || qualifiers[w] != "" {
		k--
	}
	switch {
	case planSingles[a.lowAt(k)]:
		k--
	case a.lowAt(k) == "hoạch" && a.lowAt(k-1) == "kế":
		k -= 2
	default:
		return false
	}
	return a.punctAt(k, "/") || a.punctAt(k, "(")
}

// isCurrency reports "đồng" (not "đồng chí"), "VNĐ", "USD" at token j.
func (a *analyzer) isCurrency(j int) bool {
	w := a.word(j)
	if w == nil {
		return false
	}
	switch w.low {
	case "vnđ", "vnd", "usd", "đ":
		return true
	case "đồng":
		nx := a.word(j + 1)
		if nx != nil && nx.low == "bằng" && a.isNum(j+2) && scales[a.lowAt(j-1)] > 0 {
			return true // "8.010,609 tỷ đồng bằng 103,3% …": the sum, then what it equals
		}
		return nx == nil || !notMoney[nx.low]
	}
	return false
}

// nounPhrase reads the counted noun after a number: up to four words, ended
// by a function word or punctuation; a comma joins a second noun of a known
// kind ("tin, bài", "cán bộ, đảng viên"). "lượt X" counts visits: the unit is
// "lượt" and X gives the class.
func (a *analyzer) nounPhrase(j int) (unit string, end, class int, head string) {
	start := j
	k := j
	words := 0
	for k < len(a.toks) && words < 4 {
		w := a.word(k)
		if w == nil {
			break
		}
		if nx := a.word(k + 1); nx != nil && unitKeepPairs[pair{w.low, nx.low}] {
			k += 2
			words += 2
			continue
		}
		if words > 0 && w.low == "đảng" && (a.lowAt(k-1) == "chức" || a.lowAt(k-1) == "sở") {
			k++ // "tổ chức Đảng", "tổ chức cơ sở Đảng"
			words++
			continue
		}
		if words > 0 && (a.classAt(start) == classOrg || a.classAt(start) == classPerson) && a.classAt(k) == classPlace && a.lowAt(k-1) != "tác" && a.lowAt(k-1) != "thị" {
			break // "chi bộ thôn", "chi bộ ấp, khu phố": the place says where, the unit is the organization
		}
		if words == 0 && a.prizeAt(k) {
			k++ // "8 giải Nhất": the prize, not the verb of "giải quyết"; its rank says which
			break
		}
		if unitStop[w.low] || (w.upper && !w.initial && words > 0) || words > 0 && (unitTail[w.low] || unitTailDated[w.low] && a.isNum(k+1) || unitModifiers[pair{w.low, a.lowAt(k + 1)}] || unitModifiers[pair{w.low, ""}]) {
			break
		}
		k++
		words++
	}
	if k == start {
		return "", j, classNone, ""
	}
	if a.lowAt(k) == "đảng" && a.lowAt(k-1) == "sở" && a.lowAt(k-2) == "cơ" {
		k++ // "59 tổ chức cơ sở đảng": the four-word limit is not half its name
	}
	if k-start > 1 && a.word(k) != nil {
		if pr := (pair{a.toks[k-1].low, a.toks[k].low}); wordPairs[pr] || verbPairs[pr] || labelKeepPairs[pr] {
			k-- // "26 lớp đào tạo", "64 tổ phụ nữ tự quản": never half a word
		}
	}
	head = a.toks[start].low
	class = a.classAt(start)
	if head == "lượt" || head == "lần" {
		if k == start+1 {
			class = classNone
		} else {
			class = a.classAt(start + 1)
		}
		k = start + 1
		if head == "lượt" {
			// "61 lượt đảng viên" counts visits of đảng viên: the unit
			// keeps both, as a column head would
			u2, end2, _, _ := a.nounPhrase(start + 1)
			if u2 != "" && a.word(start+1) != nil {
				return "lượt " + u2, max(end2, k), class, head
			}
			return "lượt", max(end2, k), class, head
		}
	}
	// "tin, bài", "thôn, bản": a second noun after a comma.
	if words <= 2 && a.punctAt(k, ",") {
		if w := a.word(k + 1); w != nil && a.classAt(k+1) != classNone && a.toks[k+1].kind == tWord {
			if nx := a.word(k + 2); nx == nil || !unitStop[w.low] {
				e := k + 2
				if nx != nil && unitClassPairs[pair{w.low, nx.low}] != classNone {
					e = k + 3
				}
				return a.text[a.toks[start].pos:a.toks[e-1].endPos], e, class, head
			}
		}
	}
	return a.text[a.toks[start].pos:a.toks[k-1].endPos], k, class, head
}

// classAt looks up the kind of noun at token k (two words first).
func (a *analyzer) classAt(k int) int {
	w := a.word(k)
	if w == nil {
		return classNone
	}
	if nx := a.word(k + 1); nx != nil {
		if (nx.low == "ủy" || nx.low == "uỷ") && a.lowAt(k+2) == "viên" {
			return classPerson // "chi ủy viên", "đảng ủy viên", "tỉnh ủy viên": members of a committee
		}
		if c, ok := unitClassPairs[pair{w.low, nx.low}]; ok {
			return c
		}
	}
	return unitClasses[w.low]
}

// coordinatedChange returns the change percent that the percent at i is
// coordinated with ("tăng 18,1% tổ chức đảng và 15,7% đảng viên", "tăng
// 5,2%, 3,1% và 2%"): the figure just before, with at most a noun and "và"
// or a comma between.
func (a *analyzer) coordinatedChange(i int) *schema.Figure {
	if !a.punctAt(i+1, "%") || len(a.cands) == 0 {
		return nil
	}
	p := &a.cands[len(a.cands)-1]
	if p.fig.Role != schema.RoleChange || p.fig.Kind != schema.KindPercent || a.sent[p.tok] != a.sent[i] || i-p.last > 5 {
		return nil
	}
	k := i - 1
	if a.lowAt(k) != "và" && !a.punctAt(k, ",") {
		return nil
	}
	for j := p.last + 1; j < k; j++ {
		if w := a.word(j); w == nil || predicateStop[w.low] || continuers[w.low] {
			return nil
		}
	}
	return &p.fig
}

// clockTime reports an hour or its minutes in "8 giờ 00", "14 giờ 30
// phút": a time of day, never a count of hours when minutes follow.
func (a *analyzer) clockTime(i int) bool {
	minutes := func(k int) bool {
		if !a.isNum(k) {
			return false
		}
		m := a.num(k)
		return m.Kind == vntext.NumPlain && m.Decimals == 0 && m.Value <= 59 && len(a.toks[k].text) == 2
	}
	if a.lowAt(i+1) == "giờ" && minutes(i+2) {
		return true
	}
	return a.lowAt(i-1) == "giờ" && a.isNum(i-2) && minutes(i)
}

// diseaseCode reports the year in the name of a disease: "Covid-19",
// "COVID – 19".
func (a *analyzer) diseaseCode(i int) bool {
	if !a.punctAt(i-1, "-") && !a.punctAt(i-1, "–") {
		return false
	}
	switch a.lowAt(i - 2) {
	case "covid", "sars", "h5n1", "ncov":
		return true
	}
	return false
}

// timeOfDay reports an hour or a minute of "hh:mm" written without spaces.
func (a *analyzer) timeOfDay(i int) bool {
	adjacent := func(k int) bool { // tokens k and k+1 touch
		return k >= 0 && k+1 < len(a.toks) && a.toks[k].endPos == a.toks[k+1].pos
	}
	clock := func(h, m int) bool {
		if !a.isNum(h) || !a.isNum(m) || !a.punctAt(h+1, ":") || !adjacent(h) || !adjacent(h+1) {
			return false
		}
		hv, mv := a.num(h), a.num(m)
		return hv.Kind == vntext.NumPlain && mv.Kind == vntext.NumPlain && hv.Decimals == 0 && mv.Decimals == 0 &&
			hv.Value <= 23 && mv.Value <= 59 && len(a.toks[m].text) == 2
	}
	return clock(i, i+2) || clock(i-2, i)
}

// notFigure applies the rules that make a number a date, a year, an
// ordinal, a name, list numbering or a span of time.
func (a *analyzer) notFigure(i int) bool {
	n := a.num(i)
	p1 := a.word(i - 1)
	p1low := a.lowAt(i - 1)
	nextTok := (*token)(nil)
	if i+1 < len(a.toks) {
		nextTok = &a.toks[i+1]
	}
	next := a.word(i + 1)
	// List numbering: "1.", "2)", "(1)".
	if (i == 0 || isSentenceEnd(&a.toks[i-1]) || a.punctAt(i-1, "(")) && nextTok != nil && (nextTok.isPunct(".") || nextTok.isPunct(")")) && n.Kind == vntext.NumPlain && n.Decimals == 0 {
		if i == 0 || a.punctAt(i-1, "(") && !(a.word(i+2) != nil && !a.toks[i+2].upper) {
			return true
		}
	}
	// "… dịch vụ tăng 18,2%. 2. Thu nhập …", "(11 chỉ tiêu) 1. Tốc độ …": a
	// list run into one paragraph numbers its items after a sentence end
	// or a heading's parenthesis, and the item opens with a capital
	if i > 0 && (isSentenceEnd(&a.toks[i-1]) || a.punctAt(i-1, ")") || a.punctAt(i-1, ":")) && nextTok != nil && nextTok.isPunct(".") &&
		n.Kind == vntext.NumPlain && n.Decimals == 0 && n.Value <= 100 && a.word(i+2) != nil && a.toks[i+2].upper {
		return true
	}
	// A time of day ("09:42", "15:46 CH") and a page's view count
	// ("Lượt xem: 997") are the furniture of a saved page.
	if a.clockTime(i) || a.diseaseCode(i) {
		return true
	}
	if a.timeOfDay(i) {
		return true
	}
	if a.punctAt(i-1, ":") && a.lowAt(i-2) == "xem" && (a.lowAt(i-3) == "lượt" || a.lowAt(i-3) == "đã") {
		return true
	}
	// Years.
	if n.IsYear() {
		if p1low == "năm" || next == nil || !countNouns[next.low] {
			if !(nextTok != nil && nextTok.isPunct("%")) {
				return true
			}
		}
	}
	if n.Kind == vntext.NumRatio && n.MaybeDate() {
		if n.Value > n.Value2 || dayMonthLead[p1low] || (i > 0 && dayMonthLead[a.toks[i-1].text]) {
			return true
		}
	}
	if n.Kind == vntext.NumPlain && n.Decimals == 0 && n.Value <= 31 && dateWords[p1low] {
		return true
	}
	// "bác sĩ trên 1 vạn dân": the base of a rate
	if n.Kind == vntext.NumPlain && n.Value == 1 && (p1low == "trên" || p1low == "/") && next != nil &&
		(next.low == "vạn" || next.low == "nghìn" || next.low == "ngàn" || next.low == "triệu") && (a.lowAt(i+2) == "dân" || a.lowAt(i+2) == "người") {
		return true
	}
	// "mức độ 3, 4", "loại I, II": the items of a list of levels
	if a.punctAt(i-1, ",") && a.isNum(i-2) && (ordinalWords[a.lowAt(i-3)] && a.lowAt(i-3) != "số" || a.lowAt(i-3) == "loại" || a.lowAt(i-3) == "hạng") &&
		n.Kind == vntext.NumPlain && n.Decimals == 0 && n.Value <= 10 {
		return true
	}
	// Ordinals and identifiers: "lần thứ 5", "Điều 5", but "tổng số 39".
	if ordinalWords[p1low] && !(p1low == "số" && (a.lowAt(i-2) == "tổng" || a.lowAt(i-2) == "trong" && a.word(i+1) != nil)) { // "Trong số 11 nhóm hàng"
		return true
	}
	// A number in a name: "Hội nghị Trung ương 5 khóa XIII", "Ban Chỉ đạo 35
	// huyện", "Dự án 8 về".
	if next != nil && p1 != nil {
		p2 := a.word(i - 2)
		named := (p1.upper && !p1.initial) || (p2 != nil && p2.upper && !p2.initial && !unitStop[p1.low])
		if named && (!countNouns[next.low] || nameTail[next.low]) {
			return true
		}
	}
	// Spans of time: "sau 9 tháng thực hiện", "sơ kết 3 năm", badge classes
	// "Huy hiệu 50 năm tuổi Đảng".
	if next != nil && durationUnits[next.low] {
		if a.lowAt(i+2) == "tuổi" {
			return true
		}
	}
	// Ages that name a group: "trẻ em dưới 5 tuổi", "từ 60 tuổi trở lên".
	if next != nil && next.low == "tuổi" {
		return true
	}
	// A rating: "sản phẩm OCOP đạt 4 sao", "từ 3 sao trở lên".
	if next != nil && next.low == "sao" && n.Kind == vntext.NumPlain && n.Value <= 5 {
		return true
	}
	if next != nil && durationUnits[next.low] {
		k := i - 1
		for k >= 0 && a.word(k) != nil && qualifiers[a.toks[k].low] != "" {
			k--
		}
		if durationLead[a.lowAt(k)] {
			return true
		}
		// "6 tháng đầu năm", "9 tháng", "2 năm 2011-2012", "quý": a span
		// of the calendar is when, not how many; a count of days of work
		// ("1.000 ngày công") or of festivals ("02 ngày hội") is a figure.
		switch next.low {
		case "tháng", "quý", "tuần", "năm":
			return n.Kind == vntext.NumPlain
		case "ngày":
			w2 := a.lowAt(i + 2)
			return n.Kind == vntext.NumPlain && w2 != "công" && w2 != "hội" && w2 != "lễ"
		}
	}
	return false
}

// qualify reads a qualifier before the number ("trên", "gần", "ít nhất") or
// around it ("từ … trở lên", "… trở lên").
func (a *analyzer) qualify(c *cand, i, j int) {
	f := &c.fig
	p1 := a.word(i - 1)
	if p1 == nil {
		return
	}
	if p0 := a.word(i - 2); p0 != nil {
		if b, ok := qualifierPairs[pair{p0.low, p1.low}]; ok && b != "" {
			f.Qualifier = a.text[p0.pos:p1.endPos]
			f.Bound = schema.NullString(b)
			return
		}
	}
	if b := qualifiers[p1.low]; b != "" {
		if p1.low == "hơn" {
			switch a.lowAt(i - 2) {
			case "cao", "thấp", "nhiều", "ít", "lớn", "nhỏ":
				return // "cao hơn 0,72%": a difference, not a bound
			}
		}
		f.Qualifier = p1.text
		f.Bound = schema.NullString(b)
		return
	}
	if p1.low == "từ" && f.Kind != schema.KindRange {
		for k := j; k < len(a.toks) && k < j+10; k++ {
			if isClauseEnd(&a.toks[k]) || a.toks[k].kind == tNum {
				break
			}
			if a.toks[k].low == "trở" && a.lowAt(k+1) == "lên" {
				f.Qualifier = p1.text + " … trở lên"
				f.Bound = schema.NullString(schema.BoundAtLeast)
				return
			}
		}
	}
	if a.lowAt(j) == "trở" && a.lowAt(j+1) == "lên" {
		f.Qualifier = "trở lên"
		f.Bound = schema.NullString(schema.BoundAtLeast)
	}
}

// role tells a result from a target, a change, a share and a percent of plan.
func (a *analyzer) role(c *cand, i, j int, percent, plan bool) {
	f := &c.fig
	if plan || a.planScope[i] || a.planMarkBefore(i) {
		f.Role = schema.RoleTarget
		return
	}
	k := i - 1
	if f.Qualifier != "" {
		k -= strings.Count(f.Qualifier, " ") + 1
		if strings.Contains(f.Qualifier, "…") {
			k = i - 2
		}
	}
	for n := 0; n < 2 && k >= 0; n++ {
		w := a.word(k)
		if w == nil {
			break
		}
		switch w.low {
		case "thêm", "được", "khoảng", "gần", "hơn", "trên", "lần", "mạnh", "nhẹ", "đi":
			k--
			continue
		}
		break
	}
	if g := i - 1; a.lowAt(g) == "góp" && a.lowAt(g-1) == "đóng" || (a.lowAt(g) == "tăng" || a.lowAt(g) == "giảm") && a.lowAt(g-1) == "góp" && a.lowAt(g-2) == "đóng" {
		// "(đóng góp tăng 0,12%)": a part of the growth, not a change of its own
		if percent {
			f.Role = schema.RoleShare
			return
		}
	}
	if a.lowAt(k) == "quân" && a.lowAt(k-1) == "bình" {
		k -= 2 // "tăng bình quân hơn 10%/năm"
	}
	if a.punctAt(i-1, "+") && (f.Kind == schema.KindPercent || a.punctAt(i-2, "(")) {
		f.Role, f.Direction = schema.RoleChange, "up" // "tăng 1.475 tỷ đồng (+6,2%)"
		return
	}
	if w := a.word(k); w != nil {
		switch w.low {
		case "tăng", "vượt":
			f.Role, f.Direction = schema.RoleChange, "up"
			return
		case "giảm":
			f.Role, f.Direction = schema.RoleChange, "down"
			return
		}
	}
	if a.lowAt(i-1) == "hơn" {
		switch a.lowAt(i - 2) {
		case "cao", "nhiều", "lớn":
			f.Role, f.Direction = schema.RoleChange, "up" // "cao hơn 0,72% so với giai đoạn 2011 - 2015"
			return
		case "thấp", "ít", "nhỏ":
			f.Role, f.Direction = schema.RoleChange, "down"
			return
		}
	}
	// "… GRDP tăng 2 chữ số gồm: Bắc Giang (13,89%), Thanh Hóa (12,46%)":
	// each place's rise
	if v := a.listRateVerb(i); v >= 0 && percent {
		f.Role, f.Direction = schema.RoleChange, "up"
		if a.lowAt(v) == "giảm" {
			f.Direction = "down"
		}
		return
	}
	// "so với nghị quyết đề ra (23.600 tỷ đồng)": the plan quoted.
	if a.punctAt(i-1, "(") && a.planWordBefore(i-2) {
		f.Role = schema.RoleTarget
		return
	}
	// "Tỷ lệ hộ nghèo giảm 3,92%, vượt mục tiêu 0,42%", "tăng 12%, vượt
	// kế hoạch 5%": how far the figure before went past its plan
	if a.lowAt(i-3) == "vượt" && a.planWordBefore(i-1) && a.punctAt(i-4, ",") {
		if n := len(a.cands); n > 0 && a.sent[a.cands[n-1].tok] == a.sent[i] && i-a.cands[n-1].last <= 5 {
			if r := a.cands[n-1].fig.Role; r == schema.RoleChange || r == schema.RoleActual {
				f.Role, f.Direction = schema.RoleChange, "up"
				return
			}
		}
	}
	// "vượt mục tiêu tăng trưởng 8,5%", "chỉ tiêu 235 đảng viên": the
	// figure is the goal itself.
	for k2, n := i-1, 0; k2 >= 0 && n < 4; k2, n = k2-1, n+1 {
		w := a.word(k2)
		if w == nil {
			break
		}
		if w.low == "tiêu" && (a.lowAt(k2-1) == "mục" || a.lowAt(k2-1) == "chỉ") {
			f.Role = schema.RoleTarget
			return
		}
		if !(qualifiers[w.low] != "" || w.low == "từ" || w.low == "tăng" || w.low == "trưởng" || w.low == "là" || w.low == "đề" || w.low == "ra") {
			break
		}
	}
	if p := a.coordinatedChange(i); p != nil {
		// "tăng 18,1% tổ chức đảng và 15,7% đảng viên": the verb of the
		// first item governs the second
		f.Role, f.Direction = p.Role, p.Direction
		return
	}
	if !percent && a.lowAt(i-1) == "và" && len(a.cands) > 0 {
		// "(tăng 230 tổ chức và 124 đảng viên so với cùng kỳ)": one verb
		// of change for both counts
		if p := &a.cands[len(a.cands)-1]; p.last == i-2 && p.fig.Role == schema.RoleChange && p.fig.Kind == schema.KindCount &&
			f.Kind == schema.KindCount && a.changeBefore(p.tok) && a.depth[p.tok] == a.depth[i] {
			f.Role, f.Direction = p.fig.Role, p.fig.Direction
			return
		}
	}
	if a.lowAt(i-1) == "gấp" && a.lowAt(j-1) == "lần" && a.lowAt(i-2) == "tăng" {
		// "tăng gấp 3,38 lần năm 2015": the growth as a factor
		f.Role, f.Direction = schema.RoleChange, "up"
		return
	}
	if a.lowAt(i-1) == "gấp" && a.lowAt(j-1) == "lần" {
		// "2.033 tỷ đồng, gấp 1,3 lần năm 2015": a level as a multiple of
		// an earlier one, measured like "bằng X% so với …"
		f.Role = schema.RolePlanPercent
		return
	}
	if !percent {
		f.Role = schema.RoleActual
		return
	}
	k = j
	so := a.lowAt(k) == "so"
	if so {
		k++
		if a.lowAt(k) == "với" {
			k++
		}
	}
	if a.lowAt(k) == "tổng" || a.lowAt(k) == "so" && a.lowAt(k+1) == "với" {
		k++ // "đạt 93,57% tổng kế hoạch"
		if a.lowAt(k) == "với" {
			k++
		}
	}
	if w := a.word(k); w != nil && (planSingles[w.low] || planPairs[pair{w.low, a.lowAt(k + 1)}] || so && a.assignedBy(k)) {
		f.Role = schema.RolePlanPercent
		return
	}
	// "năm 2022 tăng trưởng 9,07% so với năm 2021": the growth, though
	// "so với năm 2021" follows it as it follows a level
	if so && a.lowAt(i-1) != "bằng" && a.growthRate(i) {
		f.Role, f.Direction = schema.RoleChange, "up"
		return
	}
	// "bằng 56,9% so với cùng kỳ": this period's level as a percent of
	// last year's, measured like a percent of plan.
	if so && a.lowAt(k) == "thực" && a.lowAt(k+1) == "hiện" {
		k += 2 // "bằng 103,3% so với thực hiện năm 2019"
	}
	if so && (a.lowAt(k) == "cùng" && a.lowAt(k+1) == "kỳ" || a.lowAt(k) == "năm" && (a.lowAt(k+1) == "trước" || a.isNum(k+1))) {
		f.Role = schema.RolePlanPercent
		return
	}
	// "thu nội địa 10.152 tỷ đồng, đạt 50,51%": a bare percent after a
	// result, in a sentence that measures results against the plan.
	if a.lowAt(i-1) == "đạt" && (j >= len(a.toks) || a.toks[j].kind == tPunct || a.lowAt(j) == "và") && a.planPercentBefore(i) && a.rateName(i) == "" {
		f.Role = schema.RolePlanPercent
		return
	}
	// "tốc độ tăng trưởng GRDP ước đạt 8,66%": a growth rate is a change.
	if a.growthRate(i) {
		f.Role, f.Direction = schema.RoleChange, "up"
		return
	}
	// "…, so với cùng kỳ năm trước bằng 104%": the basis said before "bằng"
	if a.lowAt(i-1) == "bằng" {
		if b := a.basisEndingAt(i-1, 7); b == schema.ComparedSamePeriodLastYear || b == schema.ComparedPreviousPeriod || b == schema.ComparedPlan {
			f.Role = schema.RolePlanPercent
			return
		}
	}
	f.Role = schema.RoleShare
}
