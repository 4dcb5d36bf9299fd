package check

import (
	"fmt"
	"regexp"
	"strconv"

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
func comparable(a, b *schema.Figure) bool {
	cls := additive(a)
	if cls == "" || cls != additive(b) || !exactValue(a) || !exactValue(b) {
		return false
	}
	if a.Kind == schema.KindRatio || b.Kind == schema.KindRatio {
		return false
	}
	return normText(a.Unit) == normText(b.Unit) || cls == "money"
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
		var body, note []*schema.Figure
		for j := range c.doc.Figures {
			f := &c.doc.Figures[j]
			switch {
			case f.Paragraph == n.RefParagraph:
				body = append(body, f)
			case f.Footnote == schema.NullInt(n.ID) && f.Parent == "":
				note = append(note, f)
			}
		}
		for _, nf := range note {
			b, score, agrees := bestMatch(nf, body)
			if b == nil || agrees || score < weakMatch {
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

// bestMatch finds the figure of cands most like f by metric. agrees is true
// when some comparable candidate with a similar label states f's value:
// then f repeats that one, whatever else the paragraph says.
func bestMatch(f *schema.Figure, cands []*schema.Figure) (best *schema.Figure, score float64, agrees bool) {
	for _, c := range cands {
		if !comparable(f, c) {
			continue
		}
		s := metricSimilarity(f.Metric, c.Metric)
		if stated(f).overlaps(stated(c)) {
			if s >= weakMatch || f.Metric == "" {
				agrees = true
			}
			continue
		}
		if s > score {
			best, score = c, s
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
		if len(metricWords(f.Metric)) < 3 || additive(f) == "" || c.mentionsOtherYear(f) {
			continue
		}
		cands = append(cands, f)
	}
	reported := map[string]bool{}
	for i, a := range cands {
		for _, b := range cands[i+1:] {
			if sameContainer(a, b) || !comparable(a, b) || seen[[2]string{a.ID, b.ID}] || seen[[2]string{b.ID, a.ID}] {
				continue
			}
			if metricSimilarity(a.Metric, b.Metric) < strongMatch || stated(a).overlaps(stated(b)) || reported[b.ID] {
				continue
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
	return out
}
