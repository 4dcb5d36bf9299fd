package check

import (
	"fmt"
	"strings"

	"github.com/baocao/baocao/schema"
)

// references finds one document cited with two dates or two types in one
// report. Party document numbers restart each term, so two dates years apart
// may be two documents: that is a warning; two dates in one year are an
// error. A citation without a date conflicts with nothing.
func (c *checker) references() []schema.Finding {
	type cite struct {
		ref   *schema.Reference
		date  string
		typ   string
		quote string
	}
	var order []string
	byID := map[string][]cite{}
	for i := range c.doc.References {
		r := &c.doc.References[i]
		id := strings.ReplaceAll(r.ID, " ", "")
		if id == "" {
			continue
		}
		if _, ok := byID[id]; !ok {
			order = append(order, id)
		}
		byID[id] = append(byID[id], cite{ref: r, date: string(r.Date), typ: normText(r.Type), quote: r.Raw})
	}
	var out []schema.Finding
	for _, id := range order {
		cs := byID[id]
		var first *cite
		reportedDate, reportedType := map[string]bool{}, map[string]bool{}
		for i := range cs {
			x := &cs[i]
			if first == nil {
				first = x
			}
			// Compare each citation with the first one that states the
			// field, so that the message names both sides.
			if x.date != "" {
				var base *cite
				for j := range cs[:i] {
					if cs[j].date != "" {
						base = &cs[j]
						break
					}
				}
				if base != nil && base.date != x.date && !reportedDate[x.date] {
					reportedDate[x.date] = true
					sev := schema.SeverityError
					msg := fmt.Sprintf("%s is cited with two dates: %s and %s", id, showDate(base.date), showDate(x.date))
					if year(base.date) != year(x.date) {
						sev = schema.SeverityWarning
						msg += "; the years differ, so these may be two documents of different terms that share a number"
					} else {
						msg += " (same year: read as one document)"
					}
					out = append(out, c.refFinding(sev, msg, x.ref, base.ref))
				}
			}
			if x.typ != "" && first.typ != "" && x.typ != first.typ && !reportedType[x.typ] {
				reportedType[x.typ] = true
				msg := fmt.Sprintf("%s is cited as two types of document: %s and %s", id, first.ref.Type, x.ref.Type)
				out = append(out, c.refFinding(schema.SeverityError, msg, x.ref, first.ref))
			}
		}
	}
	return out
}

func (c *checker) refFinding(sev, msg string, r, other *schema.Reference) schema.Finding {
	return schema.Finding{
		Rule:        RuleReference,
		Severity:    sev,
		Message:     msg,
		Quote:       r.Raw,
		Paragraph:   r.Paragraph,
		Footnote:    r.Footnote,
		SectionPath: r.SectionPath,
		Page:        r.Page,
		Related:     []schema.Related{{Document: c.doc.ID, Quote: other.Raw}},
	}
}

func year(iso string) string {
	y, _, _ := strings.Cut(iso, "-")
	return y
}

// showDate writes an ISO date the way reports do: 2022-03-18 → 18/3/2022.
func showDate(iso string) string {
	p := strings.Split(iso, "-")
	if len(p) != 3 {
		return iso
	}
	return strings.TrimLeft(p[2], "0") + "/" + strings.TrimLeft(p[1], "0") + "/" + p[0]
}
