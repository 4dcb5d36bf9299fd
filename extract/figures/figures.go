// Package figures finds the numbers a report states and what they count:
// the value as written and normalized, the counted noun, the kind (count,
// percent, ratio, money, area, range), the role (a result, a target, a
// change, a share, a percent of plan), qualifiers ("trên", "từ … trở lên"),
// and the breakdowns that tie parts to their total ("trong đó", "gồm",
// parentheses).
//
// The rules are Vietnamese number syntax (vntext), the function words
// around a number and the structure of the report (a figure in the plan part
// is a target); none is tied to one report's sentences.
package figures

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/baocao/baocao/extract/period"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// state is the scratch space of one Find call, pooled so that a batch of
// reports reuses its token buffers.
type state struct {
	lx lexer
	a  analyzer
}

var statePool = sync.Pool{New: func() any { return new(state) }}

// container is a paragraph or a footnote body, in reading order.
type container struct {
	text      string
	kind      string // schema.ParagraphTableRow for a table row
	paragraph string // paragraph id, or "" for a footnote
	footnote  int
	section   string
	page      int
	plan      bool
	order     [3]int // sort key: line, then paragraph order, then footnote after its paragraph
}

// countedAs names a part counted in "đồng chí" by what its total counts:
// "Khiển trách 34 đồng chí" of "44 đảng viên" is the row "khiển trách
// đảng viên".
func countedAs(metric, unit, total string) string {
	if !strings.EqualFold(unit, "đồng chí") || !personUnit(total) || strings.EqualFold(total, unit) {
		return metric
	}
	if i := strings.LastIndex(metric, unit); i >= 0 {
		return metric[:i] + total + metric[i+len(unit):]
	}
	return metric
}

// personUnit reports a unit that counts people ("đảng viên", "cán bộ").
func personUnit(u string) bool {
	ws := strings.Fields(strings.ToLower(u))
	if len(ws) >= 2 {
		if c, ok := unitClassPairs[pair{ws[0], ws[1]}]; ok {
			return c == classPerson
		}
	}
	return len(ws) > 0 && unitClasses[ws[0]] == classPerson
}

// Find returns the figures of doc's paragraphs and footnotes in reading
// order, with ids f1, f2, …. A nil doc or one without text gives nil.
func Find(doc *schema.Document) []schema.Figure {
	if doc == nil {
		return nil
	}
	plan := planSections(doc)
	paths := make(map[string]string, len(doc.Sections))
	titles := make(map[string]string, len(doc.Sections))
	for _, s := range doc.Sections {
		paths[s.ID] = s.Path
		titles[s.ID] = s.Title
	}
	conts := containers(doc, plan)
	ctx := docContext(doc)
	// Figures are large: room for them up front, so that the slice is not
	// grown and copied (with its strings) as a report is read.
	size := 0
	for i := range conts {
		size += len(conts[i].text)
	}
	out := make([]schema.Figure, 0, size/96+8) // reports have a figure every 80 to 250 bytes
	st := statePool.Get().(*state)
	defer statePool.Put(st)
	lx, a := &st.lx, &st.a
	a.planDoc = planDocument(doc)
	var header *tableHeader
	tableUnit := ""                     // "Đơn vị tính: %" before a table
	prev, prevFrom := -1, 0             // the last container with figures, and its first figure in out
	spans := make([][2]int, len(conts)) // the figures of each container in out
	for i := range conts {
		c := &conts[i]
		var figs []cand
		if c.kind == schema.ParagraphTableRow || strings.HasPrefix(c.text, "|") {
			if h, ok := readHeader(c.text); ok {
				if tableUnit == "" {
					tableUnit, _ = unitLine(titles[c.section])
				}
				h.unit = tableUnit
				header = &h
				continue
			}
			if tableUnit == "" {
				// "43. Cơ cấu thu ngân sách … Đơn vị tính: %" as the heading
				tableUnit, _ = unitLine(titles[c.section])
			}
			if header == nil && tableUnit != "" {
				header = &tableHeader{unit: tableUnit}
			}
			figs = a.analyzeRow(lx, c.text, c.plan, header)
			for i := range figs {
				if ctx.ok && !c.plan && figs[i].fig.Period == nil {
					figs[i].fig.Period = ctx.span(ctx.doc, ctx.year)
				}
			}
		} else {
			header = nil
			if u, ok := unitLine(c.text); ok {
				tableUnit = u
				continue
			}
			tableUnit = ""
			if strings.IndexAny(c.text, "0123456789") < 0 {
				// no numeral, no figure: the text is not read (a third of
				// a report's paragraphs are prose)
				a.orphans = a.orphans[:0]
			} else {
				a.listItem = c.kind == schema.ParagraphList
				figs = a.analyze(lx, c.text, c.plan, &ctx)
			}
		}
		base := len(out)
		spans[i] = [2]int{base, base + len(figs)}
		// A breakdown that opens this container takes its total from the
		// one before ("… ước đạt 9.300 tỷ đồng." / "Trong đó: Thu nội địa …").
		if prev >= 0 && c.section == conts[prev].section && c.footnote == 0 {
			for _, o := range a.orphans {
				parts, sum := a.orphanParts(o)
				if people, others, psum, osum := a.byPerson(parts); len(people) > 0 && len(others) > 0 {
					// "Trong đó, Ủy ban kiểm tra … kiểm tra 898 tổ chức Đảng và
					// 3.028 đảng viên" after "914 tổ chức đảng và 3.057 đảng
					// viên": each kind is a part of the total of its kind
					a.orphanTo(out, prevFrom, base, people, psum, true)
					a.orphanTo(out, prevFrom, base, others, osum, false)
					continue
				}
				if t := totalIn(out[prevFrom:base], a.cands[o.first].fig.Kind, sum); t >= 0 && len(parts) > 0 {
					for _, p := range parts {
						a.cands[p].parent = -2 - (prevFrom + t) // resolved to an id below
					}
				}
			}
		}
		for _, f := range figs {
			sf := f.fig
			sf.ID = "f" + strconv.Itoa(base+f.index+1)
			switch {
			case f.parent >= 0:
				sf.Parent = schema.NullString("f" + strconv.Itoa(base+f.parent+1))
			case f.parent <= -2:
				sf.Parent = schema.NullString(out[-2-f.parent].ID)
				pu := out[-2-f.parent].Unit
				if sf.Unit == "" {
					sf.Unit = pu
					if sf.Unit != "" && !strings.Contains(sf.Metric, sf.Unit) && a.formBefore(f.tok) {
						sf.Metric += " " + sf.Unit // "khiển trách 28" of "62 đảng viên"
					}
				} else {
					sf.Metric = countedAs(sf.Metric, sf.Unit, pu)
				}
			}
			if f.refersTo >= 0 {
				sf.RefersTo = schema.NullString("f" + strconv.Itoa(base+f.refersTo+1))
			}
			if c.footnote > 0 {
				sf.Footnote = schema.NullInt(c.footnote)
			} else {
				sf.Paragraph = schema.NullString(c.paragraph)
			}
			sf.Section = schema.NullString(c.section)
			sf.SectionPath = paths[c.section]
			sf.Page = schema.NullInt(c.page)
			out = append(out, sf)
		}
		if c.kind != schema.ParagraphTableRow && len(figs) > 0 {
			prev, prevFrom = i, base
		} else if len(figs) == 0 && c.kind != schema.ParagraphTableRow {
			prev = -1
		}
	}
	linkStatements(conts, spans, out)
	futureTargets(out, doc.Meta.Date)
	if doc.Meta.Date == "" && ctx.ok && ctx.doc.ToYear == ctx.year && ctx.doc.Year < ctx.year {
		termTargets(out, ctx.year)
	}
	targetsAll(out)
	expandAbbrevs(out, definitions(doc))
	return out
}

// breakdownMarkers are the lines that open a breakdown of the value before
// them on lines of their own ("Trong đó:", "Bao gồm:", "Cụ thể như sau:").
var breakdownMarkers = set("trong do", "bao gom", "gom", "cu the", "cu the nhu sau", "chia ra", "trong so do", "gom co")

// linkStatements links a statement of values set out line by line to its
// totals: the lines after "Trong đó:" or after a line that ends with ":"
// are parts of the value before ("Tổng dư nợ … là 24.610 tỷ đồng, cụ thể
// như sau:" / "+ Dư nợ của các Ngân hàng thương mại là 21.010 tỷ đồng"),
// and the items "a)", "b)" of a numbered item "1. Tổng thu …: 26.536.722
// triệu đồng" are parts of its value. Parts must be of the total's kind and
// unit, and together no larger than it.
func linkStatements(conts []container, spans [][2]int, out []schema.Figure) {
	type run struct {
		total int
		sum   float64
	}
	var lead, item *run // after a lead line; under a numbered item
	last := -1          // the total of the last container with figures
	add := func(r *run, p int) bool {
		t, f := &out[r.total], &out[p]
		if f.Parent != "" || f.Kind != t.Kind || f.Unit != t.Unit && !(f.Kind == schema.KindMoney) ||
			r.sum+f.ValueNormalized > t.ValueNormalized*1.001 || f.Role != t.Role {
			return false
		}
		r.sum += f.ValueNormalized
		f.Parent = schema.NullString(t.ID)
		return true
	}
	for i := range conts {
		c := &conts[i]
		if c.footnote > 0 || c.kind == schema.ParagraphTableRow {
			lead = nil
			continue
		}
		t := strings.TrimSpace(c.text)
		if spans[i][0] == spans[i][1] {
			if breakdownMarkers[strings.TrimRight(vntext.Fold(t), " :.")] && last >= 0 {
				lead = &run{total: last}
			} else if !strings.HasSuffix(t, ":") {
				lead = nil
			}
			continue
		}
		first := -1
		for k := spans[i][0]; k < spans[i][1]; k++ {
			if f := &out[k]; f.Kind != schema.KindPercent && (f.Role == schema.RoleActual || f.Role == schema.RoleTarget) && !strings.Contains(f.Unit, "/") {
				first = k
				break
			}
		}
		switch lab := listLabel(t); {
		case first < 0:
			lead = nil
		case lab == 'a' && item != nil:
			add(item, first)
			lead = nil
		case lead != nil && (c.kind == schema.ParagraphList || lab != 0 || len(strings.Fields(t)) <= 30) && add(lead, first):
		default:
			lead = nil
		}
		if first >= 0 {
			if listLabel(t) == '1' {
				item = &run{total: first}
			}
			if strings.HasSuffix(t, ":") {
				lead = &run{total: first}
			}
			last = first
		}
	}
}

// listLabel tells the label a line opens with: '1' for "1." or "2.3.",
// 'a' for "a)" or "b.", 0 for none.
func listLabel(t string) byte {
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.' && i > 0) {
		i++
	}
	if i > 0 && t[i-1] == '.' && i < len(t) && t[i] == ' ' {
		return '1'
	}
	if len(t) > 2 && t[0] >= 'a' && t[0] <= 'z' && (t[1] == ')' || t[1] == '.') && t[2] == ' ' {
		return 'a'
	}
	return 0
}

// futureTargets makes a target of every figure whose period starts in a
// year after the text was written: a text dated 12/12/2017 that says what
// 2018 will reach states plans, however its verbs read ("đạt", "tăng").
func futureTargets(figs []schema.Figure, date string) {
	if len(date) < 4 {
		return
	}
	for i := range figs {
		f := &figs[i]
		if f.Period != nil && len(f.Period.Start) >= 4 && f.Period.Start[:4] > date[:4] && f.Role != schema.RoleTarget {
			f.Role, f.Direction, f.ComparedWith = schema.RoleTarget, "", ""
		}
	}
}

// termTargets makes a target of every figure whose period ends after the
// year of a text that reports on a term ending that year: a congress of
// the term 2020-2025 reviews 2015-2020, and what "giai đoạn 2020-2025" or
// "đến năm 2025" will reach is its plan.
func termTargets(figs []schema.Figure, year int) {
	y := strconv.Itoa(year)
	for i := range figs {
		f := &figs[i]
		if f.Period != nil && len(f.Period.End) >= 4 && len(y) == 4 && f.Period.End[:4] > y && f.Role != schema.RoleTarget {
			f.Role, f.Direction, f.ComparedWith = schema.RoleTarget, "", ""
		}
	}
}

// targetsAll makes every figure of a text that is nearly all targets (a
// list of next year's targets, a plan) a target: the few others are the
// planned shares and changes of the same plan.
func targetsAll(figs []schema.Figure) {
	n, results := 0, 0
	for i := range figs {
		switch figs[i].Role {
		case schema.RoleTarget:
			n++
		case schema.RoleActual, schema.RolePlanPercent:
			results++
		}
	}
	// at least 70% targets, or half and nothing said to be achieved: the
	// rest are the shares and changes the plan sets
	if len(figs) < 3 || n*10 < len(figs)*7 && !(n*2 >= len(figs) && results == 0) {
		return
	}
	for i := range figs {
		f := &figs[i]
		if f.Role != schema.RoleTarget {
			f.Role, f.Direction, f.ComparedWith = schema.RoleTarget, "", ""
		}
	}
}

// byPerson splits the parts of a breakdown into those that count people
// and the others, with their sums.
func (a *analyzer) byPerson(parts []int) (people, others []int, psum, osum float64) {
	for _, ci := range parts {
		c := &a.cands[ci]
		if personUnit(c.fig.Unit) {
			people, psum = append(people, ci), psum+c.fig.ValueNormalized
		} else {
			others, osum = append(others, ci), osum+c.fig.ValueNormalized
		}
	}
	return people, others, psum, osum
}

// orphanTo ties parts to the total in out[from:to] that counts people (or
// not) as they do.
func (a *analyzer) orphanTo(out []schema.Figure, from, to int, parts []int, sum float64, people bool) {
	var figs []schema.Figure
	var at []int
	for i := from; i < to; i++ {
		if out[i].Unit != "" && personUnit(out[i].Unit) == people {
			figs = append(figs, out[i])
			at = append(at, i)
		}
	}
	if t := totalIn(figs, a.cands[parts[0]].fig.Kind, sum); t >= 0 {
		for _, p := range parts {
			a.cands[p].parent = -2 - at[t]
		}
	}
}

// totalIn picks among figs (the container before) the total of a
// breakdown of kind with the given sum: the figure equal to the sum, else
// the first of a compatible kind that can hold it; -1 for none.
func totalIn(figs []schema.Figure, kind string, sum float64) int {
	fam := func(k string) string {
		if k == schema.KindRatio {
			return schema.KindCount
		}
		return k
	}
	best := -1
	for i := range figs {
		f := &figs[i]
		if fam(f.Kind) != fam(kind) || f.Role == schema.RoleChange || f.Parent != "" || strings.Contains(f.Unit, "/") {
			continue
		}
		if math.Abs(f.ValueNormalized-sum) < 1e-6*math.Max(1, sum) {
			return i
		}
		if best < 0 && f.ValueNormalized >= sum {
			best = i
		}
	}
	return best
}

// containers lists paragraphs and footnote bodies in reading order. Text
// formats give source lines; otherwise a footnote body follows the paragraph
// that carries its marker.
func containers(doc *schema.Document, plan map[string]bool) []container {
	byLine := true
	for _, p := range doc.Paragraphs {
		if p.Line == 0 {
			byLine = false
			break
		}
	}
	for _, f := range doc.Footnotes {
		if f.Line == 0 {
			byLine = false
			break
		}
	}
	pidx := make(map[string]int, len(doc.Paragraphs))
	out := make([]container, 0, len(doc.Paragraphs)+len(doc.Footnotes))
	for i, p := range doc.Paragraphs {
		pidx[p.ID] = i
		if p.Kind == schema.ParagraphHeader {
			continue // a letterhead, a dateline, a byline: no figures
		}
		c := container{text: p.Text, kind: p.Kind, paragraph: p.ID, section: string(p.Section), page: int(p.Page), plan: plan[string(p.Section)]}
		c.order = [3]int{i, 0, 0}
		if byLine {
			c.order = [3]int{p.Line, 0, 0}
		}
		out = append(out, c)
	}
	for _, f := range doc.Footnotes {
		c := container{text: f.Text, footnote: f.ID, section: string(f.Section), page: int(f.Page), plan: plan[string(f.Section)]}
		switch {
		case byLine:
			c.order = [3]int{f.Line, 0, 0}
		default:
			i, ok := pidx[string(f.RefParagraph)]
			if !ok {
				i = len(doc.Paragraphs)
			}
			c.order = [3]int{i, 1, f.ID}
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].order, out[j].order
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	return out
}

// planSections returns the sections that belong to the plan part of the
// report: a heading about the coming year's direction and tasks
// ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023", "NHIỆM VỤ, GIẢI PHÁP NĂM 2025") and
// everything under it. A "Phần" heading whose title sits on its own line is
// judged by its first child heading as well.
func planSections(doc *schema.Document) map[string]bool {
	plan := make(map[string]bool)
	children := make(map[string][]string)
	for _, s := range doc.Sections {
		if s.Parent != "" {
			children[string(s.Parent)] = append(children[string(s.Parent)], s.ID)
		}
	}
	for _, s := range doc.Sections {
		if plan[s.ID] {
			continue
		}
		p := string(s.Parent)
		if p != "" && plan[p] {
			plan[s.ID] = true
			continue
		}
		if isPlanTitle(s.Title, s.Level, doc.Meta.PlanYear) {
			plan[s.ID] = true
		}
	}
	// A parent whose children all are plan sections is a plan part too, so
	// that its own introduction paragraphs count as plan.
	for _, s := range doc.Sections {
		kids := children[s.ID]
		if plan[s.ID] || len(kids) == 0 {
			continue
		}
		if plan[kids[0]] && strings.HasPrefix(vntext.Fold(s.Number), "phan") && strings.TrimSpace(s.Title) == "" {
			plan[s.ID] = true
		}
	}
	// Descendants of plan sections.
	for changed := true; changed; {
		changed = false
		for _, s := range doc.Sections {
			if !plan[s.ID] && s.Parent != "" && plan[string(s.Parent)] {
				plan[s.ID] = true
				changed = true
			}
		}
	}
	return plan
}

// isPlanTitle reports a heading of the plan part: "phương hướng" anywhere,
// or a top heading that opens with the words of a plan ("NHIỆM VỤ, GIẢI
// PHÁP NĂM 2025", "MỤC TIÊU, NHIỆM VỤ …", "CHỈ TIÊU, NHIỆM VỤ …"), or any
// heading naming tasks for the plan year. Headings about results and
// shortcomings never are.
func isPlanTitle(title string, level, planYear int) bool {
	t := vntext.Fold(title)
	for _, w := range []string{"ket qua", "tinh hinh", "danh gia", "han che", "bai hoc", "nguyen nhan"} {
		if strings.Contains(t, w) {
			return false
		}
	}
	if strings.Contains(t, "phuong huong") {
		return true
	}
	plan := false
	for _, w := range []string{"nhiem vu", "ke hoach", "muc tieu", "giai phap", "chi tieu"} {
		if strings.HasPrefix(t, w) && level <= 2 {
			return true
		}
		plan = plan || strings.Contains(t, w)
	}
	return plan && planYear > 0 && strings.Contains(t, "nam "+strconv.Itoa(planYear))
}

// planDocument reports a document that is a plan as a whole: its title
// names a plan, targets or an estimate of the budget ("Kế hoạch …",
// "… xây dựng kế hoạch kết nạp 170 đảng viên năm 2023", "Về dự toán thu
// ngân sách … năm 2022"), or is for a year after the one it is dated in
// ("Nghị quyết về phát triển kinh tế - xã hội năm 2020" of 26/12/2019). A
// title that says a plan was reached ("vượt chỉ tiêu") is about results.
func planDocument(doc *schema.Document) bool {
	t := vntext.Fold(doc.Meta.Title)
	if t == "" {
		return false
	}
	for _, w := range []string{"ket qua", "vuot", "dat ", "tong ket", "so ket", "hoan thanh", "thuc hien", "tinh hinh", "bao cao"} {
		if strings.Contains(t, w) {
			return false
		}
	}
	if strings.HasPrefix(t, "ke hoach") || vntext.Fold(doc.Meta.DocType) == "ke hoach" {
		return true
	}
	for _, w := range []string{"ke hoach", "chi tieu", "du toan", "muc tieu", "phuong an"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	if len(doc.Meta.Date) >= 4 {
		y, _ := strconv.Atoi(doc.Meta.Date[:4])
		for _, x := range period.Find(doc.Meta.Title) {
			if x.Year > y && y > 0 {
				return true
			}
		}
	}
	return false
}

// PlanDocument reports whether doc is a plan as a whole (see planDocument):
// its year is the plan's year, and every figure in it a target.
func PlanDocument(doc *schema.Document) bool { return planDocument(doc) }
