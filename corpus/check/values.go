package check

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/baocao/baocao/schema"
)

// Metric similarity needed to read two figures as one quantity: at strong,
// a disagreement is an error; between weak and strong, a warning that says
// the match is a reading.
const (
	strongMatch = 0.99
	weakMatch   = 0.6
)

// comparable reports whether two figures could state one quantity: same
// class, same unit, both plain stated values.
func (c *checker) comparable(a, b *schema.Figure) bool {
	cls := additive(a)
	if cls == "" || cls != additive(b) || !exactValue(a) || !exactValue(b) {
		return false
	}
	if a.Kind == schema.KindRatio || b.Kind == schema.KindRatio {
		return false
	}
	return c.sameUnit(a, b)
}

// sameUnit compares units by words: "đảng viên mới" counts "đảng viên"; any
// two amounts of money compare through their normalized value.
func (c *checker) sameUnit(a, b *schema.Figure) bool {
	if a.Kind == schema.KindMoney && b.Kind == schema.KindMoney {
		return true
	}
	ua, ub := c.key(a.Unit), c.key(b.Unit)
	if ua == ub {
		return true
	}
	if ua == "" || ub == "" {
		return false
	}
	return strings.HasPrefix(ua+" ", ub+" ") || strings.HasPrefix(ub+" ", ua+" ")
}

// plausible reports whether two values are close enough to be one quantity
// stated twice with a slip (4.860 and 4.680), rather than two quantities (22
// new models and 183 in all).
func plausible(a, b *schema.Figure) bool {
	x, y := math.Abs(normalized(a)), math.Abs(normalized(b))
	if x == 0 || y == 0 {
		return false
	}
	return math.Min(x, y)/math.Max(x, y) >= 0.5
}

// values finds one quantity stated with two values: a body total and the
// footnote that repeats it (total_conflict), or two places of the body
// (value_conflict).
func (c *checker) values() []schema.Finding {
	var out []schema.Finding
	seen := map[[2]string]bool{}
	// Body against the footnotes its paragraph points to.
	for i := range c.doc.Footnotes {
		n := &c.doc.Footnotes[i]
		if n.RefParagraph == "" {
			continue
		}
		lo, hi, ok := c.markedClause(n)
		if !ok {
			continue
		}
		var body, note []*schema.Figure
		for j := range c.doc.Figures {
			f := &c.doc.Figures[j]
			switch {
			case f.Paragraph == n.RefParagraph:
				if f.Span[0] >= lo && f.Span[1] <= hi {
					body = append(body, f)
				}
			case f.Footnote == schema.NullInt(n.ID) && f.Parent == "":
				note = append(note, f)
			}
		}
		// A body figure the footnote restates is confirmed: the footnote's
		// other figures are its parts or other things.
		confirmed := map[string]bool{}
		for _, b := range body {
			for _, nf := range note {
				if c.comparable(b, nf) && stated(b).overlaps(stated(nf)) {
					confirmed[b.ID] = true
				}
			}
		}
		for _, nf := range note {
			b, score, agrees := c.bestMatch(nf, body)
			if b == nil || agrees || score < weakMatch || confirmed[b.ID] || !plausible(b, nf) {
				continue
			}
			seen[[2]string{b.ID, nf.ID}] = true
			sev := schema.SeverityError
			reading := "read as the same total (same metric and unit)"
			if score < strongMatch {
				sev = schema.SeverityWarning
				reading = fmt.Sprintf("read as the same total: the labels %q and %q are alike", b.Metric, nf.Metric)
			}
			f := c.finding(RuleTotal, sev, b)
			f.Figures = append(f.Figures, nf.ID)
			f.Related = []schema.Related{{Document: c.doc.ID, Quote: nf.Quote}}
			f.Arithmetic = fmt.Sprintf("%s in the body, %s in footnote %d", b.Raw, nf.Raw, n.ID)
			f.Message = fmt.Sprintf("the body and footnote %d give one total two values (%s); %s", n.ID, f.Arithmetic, reading)
			out = append(out, f)
		}
	}
	out = append(out, c.bodyValues(seen)...)
	return out
}

// markedClause is the stretch of the referring paragraph that footnote n
// annotates: the clause that ends at its marker, back to the previous ";" or
// sentence end. A long paragraph carries many topics; only this clause is
// restated in the footnote.
func (c *checker) markedClause(n *schema.Footnote) (lo, hi int, ok bool) {
	p := c.paras[string(n.RefParagraph)]
	if p == nil {
		return 0, 0, false
	}
	hi = -1
	for _, r := range p.FootnoteRefs {
		if r.ID == n.ID {
			hi = r.Offset
		}
	}
	rs := []rune(p.Text)
	if hi < 0 || hi > len(rs) {
		return 0, 0, false
	}
	lo = hi
	for lo > 0 && rs[lo-1] != ';' && !(rs[lo-1] == '.' && (lo == len(rs) || rs[lo] == ' ')) {
		lo--
	}
	return lo, hi, true
}

// bestMatch finds the figure of cands most like f by metric. agrees is true
// when some comparable candidate states f's value, whatever its label: then
// f repeats that one (labels are too loose to say otherwise).
func (c *checker) bestMatch(f *schema.Figure, cands []*schema.Figure) (best *schema.Figure, score float64, agrees bool) {
	for _, g := range cands {
		if !c.comparable(f, g) {
			continue
		}
		s := c.similarity(f.Metric, g.Metric)
		if stated(f).overlaps(stated(g)) {
			agrees = true
			continue
		}
		if s > score {
			best, score = g, s
		}
	}
	return best, score, agrees
}

var yearRe = regexp.MustCompile(`\b(19|20)\d\d\b`)

// mentionsOtherYear reports whether a figure's quote names a year other than
// the report's: "năm 2022 là 6.387 đảng viên" in a 2023 report restates last
// year's value and conflicts with nothing.
func (c *checker) mentionsOtherYear(f *schema.Figure) bool {
	for _, y := range yearRe.FindAllString(f.Quote, -1) {
		if n, _ := strconv.Atoi(y); n != c.doc.Meta.ReportYear {
			return true
		}
	}
	return false
}

// bodyValues finds one metric with two values anywhere in the report. Labels
// must be identical and specific (three syllables or more): a loose match
// here would flag every "đảng viên".
func (c *checker) bodyValues(seen map[[2]string]bool) []schema.Finding {
	var out []schema.Finding
	var cands []*schema.Figure
	for i := range c.doc.Figures {
		f := &c.doc.Figures[i]
		if f.Parent != "" || f.Role != schema.RoleActual && f.Role != "" {
			continue
		}
		if len(c.words(f.Metric)) < 3 || additive(f) == "" || c.mentionsOtherYear(f) {
			continue
		}
		cands = append(cands, f)
	}
	// Only identical labels qualify, so figures are bucketed by label and
	// compared within a bucket: linear in the report, not quadratic.
	buckets := map[string][]*schema.Figure{}
	var order []string
	for _, f := range cands {
		k := strings.Join(slices.Sorted(maps.Keys(c.words(f.Metric))), " ")
		if _, ok := buckets[k]; !ok {
			order = append(order, k)
		}
		buckets[k] = append(buckets[k], f)
	}
	reported := map[string]bool{}
	for _, k := range order {
		bucket := buckets[k]
		for i, a := range bucket {
			for _, b := range bucket[i+1:] {
				if sameContainer(a, b) || !c.comparable(a, b) || seen[[2]string{a.ID, b.ID}] || seen[[2]string{b.ID, a.ID}] {
					continue
				}
				if c.similarity(a.Metric, b.Metric) < strongMatch || stated(a).overlaps(stated(b)) || reported[b.ID] || !plausible(a, b) {
					continue
				}
				if part(a.SectionPath) != part(b.SectionPath) {
					continue // results and plans live in different parts of a report
				}
				if a.Footnote != 0 && b.Footnote == 0 || b.Footnote != 0 && a.Footnote == 0 {
					continue // body against footnote is total_conflict's, through the marker
				}
				reported[b.ID] = true
				f := c.finding(RuleValue, schema.SeverityWarning, b)
				f.Figures = append(f.Figures, a.ID)
				f.Related = []schema.Related{{Document: c.doc.ID, Quote: a.Quote}}
				f.Arithmetic = fmt.Sprintf("%s here, %s in %s", b.Raw, a.Raw, where(a))
				f.Message = fmt.Sprintf("one metric (%s) has two values in this report (%s); read as the same quantity because the labels are identical", b.Metric, f.Arithmetic)
				out = append(out, f)
			}
		}
	}
	return out
}

// part is the top of a section path: "Phần thứ nhất" of "Phần thứ nhất/II/3".
func part(path string) string {
	p, _, _ := strings.Cut(path, "/")
	return p
}
