// Package check finds inconsistencies in a report, alone and against the same
// issuer's reports of earlier years: parts that do not make their total, a
// percent that is not its ratio, two denominators for one population, shares
// over 100%, broken section and footnote numbering, a document cited with two
// dates, one total with two values, and claims of change or of plan
// fulfilment that last year's report contradicts.
//
// It works on schema values only (no I/O): the figures' roles, parents,
// denominators, units and spans that extraction found, plus a few general
// Vietnamese text cues ("trong đó", "…", "so với cùng kỳ"). Every comparison
// of stated numbers uses intervals, as XBRL Calculations 1.1 and the GRIM test
// do: a value written with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ].
// A finding is an error where the arithmetic is unambiguous and a warning
// where the reading could be partial; its message says which reading was used.
package check

import (
	"cmp"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/baocao/baocao/schema"
)

// Rule names, as in DESIGN.md.
const (
	RuleSum                  = "sum_mismatch"
	RulePercent              = "percent_mismatch"
	RuleDenominator          = "denominator_conflict"
	RuleShareOver100         = "share_over_100"
	RuleNumbering            = "numbering"
	RuleFootnoteMissing      = "footnote_missing"
	RuleFootnoteUnreferenced = "footnote_unreferenced"
	RuleReference            = "reference_conflict"
	RuleTotal                = "total_conflict"
	RuleValue                = "value_conflict"
	RuleCrossYearChange      = "cross_year_change"
	RuleCrossYearTarget      = "cross_year_target"
)

// Rules lists every rule in the order findings are reported.
var Rules = []string{
	RuleNumbering, RuleFootnoteMissing, RuleFootnoteUnreferenced,
	RuleSum, RulePercent, RuleDenominator, RuleShareOver100,
	RuleReference, RuleTotal, RuleValue,
	RuleCrossYearChange, RuleCrossYearTarget,
}

// Options tune a check. The zero value runs every rule.
type Options struct {
	// Rules keeps only these rules; empty means all.
	Rules []string
	// NoWarnings drops findings of severity warning.
	NoWarnings bool
}

func (o Options) enabled(rule string) bool {
	return len(o.Rules) == 0 || slices.Contains(o.Rules, rule)
}

// Document checks doc alone and, where earlier is not empty, against earlier:
// reports of the same issuer for previous years (any order; documents of
// other issuers or of the same or later years are ignored). The findings come
// sorted by position in the report. A nil doc gives no findings. A bug in a
// rule does not take the whole check down: the rule's findings are lost and
// the others are kept.
func Document(doc *schema.Document, earlier []*schema.Document, opts Options) []schema.Finding {
	if doc == nil {
		return []schema.Finding{}
	}
	c := newChecker(doc)
	prev := c.earlier(earlier)
	type rule struct {
		name string
		run  func() []schema.Finding
	}
	rules := []rule{
		{RuleNumbering, c.numbering},
		{RuleFootnoteMissing, c.footnotes},
		{RuleSum, c.sums},
		{RulePercent, c.shares},
		{RuleReference, c.references},
		{RuleTotal, c.values},
		{RuleCrossYearChange, func() []schema.Finding { return c.crossYear(prev) }},
	}
	out := []schema.Finding{}
	for _, r := range rules {
		out = append(out, safely(r.name, r.run)...)
	}
	kept := out[:0]
	for _, f := range out {
		if !opts.enabled(f.Rule) || (opts.NoWarnings && f.Severity == schema.SeverityWarning) {
			continue
		}
		if f.Figures == nil {
			f.Figures = []string{}
		}
		if f.Related == nil {
			f.Related = []schema.Related{}
		}
		kept = append(kept, f)
	}
	slices.SortStableFunc(kept, func(a, b schema.Finding) int {
		return cmp.Compare(c.position(a), c.position(b))
	})
	return kept
}

// HasErrors reports whether any finding is an error (not a warning).
func HasErrors(fs []schema.Finding) bool {
	return slices.ContainsFunc(fs, func(f schema.Finding) bool { return f.Severity == schema.SeverityError })
}

// repanic lets tests and fuzzing see a rule's panic instead of losing it.
var repanic = false

// safely runs one rule; a runtime error inside it is a bug, reported on
// stderr when BAOCAO_DEBUG is set, and costs only that rule's findings.
func safely(name string, run func() []schema.Finding) (out []schema.Finding) {
	defer func() {
		if r := recover(); r != nil {
			if repanic {
				panic(r)
			}
			out = nil
			if os.Getenv("BAOCAO_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "check: %s: %v\n%s", name, r, debug.Stack())
			}
		}
	}()
	return run()
}

// checker holds a document and the indexes every rule needs.
type checker struct {
	doc       *schema.Document
	figs      map[string]*schema.Figure
	children  map[string][]*schema.Figure // by parent id, in text order
	paras     map[string]*schema.Paragraph
	paraIndex map[string]int
	notes     map[int]*schema.Footnote
	order     map[string]int // figure id → index in doc.Figures
	keys      map[string]string
	wordSets  map[string]map[string]bool
}

func newChecker(doc *schema.Document) *checker {
	c := &checker{
		doc:       doc,
		figs:      make(map[string]*schema.Figure, len(doc.Figures)),
		children:  map[string][]*schema.Figure{},
		paras:     make(map[string]*schema.Paragraph, len(doc.Paragraphs)),
		paraIndex: make(map[string]int, len(doc.Paragraphs)),
		notes:     make(map[int]*schema.Footnote, len(doc.Footnotes)),
		order:     make(map[string]int, len(doc.Figures)),
		keys:      map[string]string{},
		wordSets:  map[string]map[string]bool{},
	}
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i]
		c.paras[p.ID] = p
		c.paraIndex[p.ID] = i
	}
	for i := range doc.Footnotes {
		c.notes[doc.Footnotes[i].ID] = &doc.Footnotes[i]
	}
	for i := range doc.Figures {
		f := &doc.Figures[i]
		c.figs[f.ID] = f
		c.order[f.ID] = i
	}
	for i := range doc.Figures {
		f := &doc.Figures[i]
		if f.Parent != "" && f.Parent != schema.NullString(f.ID) && c.figs[string(f.Parent)] != nil {
			c.children[string(f.Parent)] = append(c.children[string(f.Parent)], f)
		}
	}
	for _, kids := range c.children {
		slices.SortStableFunc(kids, func(a, b *schema.Figure) int { return c.cmpFigures(a, b) })
	}
	return c
}

// earlier keeps the reports of doc's issuer for years before doc's, newest
// first. Without a report year or an issuer nothing can be compared.
func (c *checker) earlier(docs []*schema.Document) []*schema.Document {
	var out []*schema.Document
	y := c.doc.Meta.ReportYear
	for _, d := range docs {
		if d == nil || d == c.doc || d.ID != "" && d.ID == c.doc.ID {
			continue
		}
		if y == 0 || d.Meta.ReportYear == 0 || d.Meta.ReportYear >= y {
			continue
		}
		if !sameIssuer(d.Meta.Issuer, c.doc.Meta.Issuer) {
			continue
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b *schema.Document) int { return cmp.Compare(b.Meta.ReportYear, a.Meta.ReportYear) })
	return out
}

// sameIssuer compares issuer names regardless of case and tone placement
// ("HUYỆN ỦY VĨNH BẢO" is "Huyện ủy Vĩnh Bảo"). Two empty names do not match:
// an unknown issuer could be anyone.
func sameIssuer(a, b string) bool {
	ka, kb := normText(a), normText(b)
	return ka != "" && ka == kb
}

// cmpFigures orders figures by container (paragraphs in document order, then
// footnotes by number) and offset.
func (c *checker) cmpFigures(a, b *schema.Figure) int {
	if r := cmp.Compare(c.containerRank(a.Paragraph, a.Footnote), c.containerRank(b.Paragraph, b.Footnote)); r != 0 {
		return r
	}
	return cmp.Compare(a.Span[0], b.Span[0])
}

func (c *checker) containerRank(p schema.NullString, fn schema.NullInt) int {
	if p != "" {
		if i, ok := c.paraIndex[string(p)]; ok {
			return i
		}
	}
	if fn != 0 {
		// A footnote sorts right after the paragraph that refers to it.
		if n := c.notes[int(fn)]; n != nil && n.RefParagraph != "" {
			if i, ok := c.paraIndex[string(n.RefParagraph)]; ok {
				return i
			}
		}
		return len(c.doc.Paragraphs) + int(fn)
	}
	return len(c.doc.Paragraphs) * 2
}

func (c *checker) position(f schema.Finding) int {
	r := c.containerRank(f.Paragraph, f.Footnote)
	if f.Paragraph == "" && f.Footnote == 0 && f.SectionPath != "" {
		for i, s := range c.doc.Sections {
			if s.Path == f.SectionPath {
				// Headings have no paragraph; place them by the first
				// paragraph of their section.
				for j, p := range c.doc.Paragraphs {
					if string(p.Section) == s.ID {
						return j
					}
				}
				return i
			}
		}
	}
	return r
}

// text is the text a figure's span points into.
func (c *checker) text(f *schema.Figure) string {
	if f.Paragraph != "" {
		if p := c.paras[string(f.Paragraph)]; p != nil {
			return p.Text
		}
	}
	if f.Footnote != 0 {
		if n := c.notes[int(f.Footnote)]; n != nil {
			return n.Text
		}
	}
	return ""
}

// sameContainer reports whether a and b sit in one paragraph or footnote.
func sameContainer(a, b *schema.Figure) bool {
	if a.Paragraph != "" || b.Paragraph != "" {
		return a.Paragraph == b.Paragraph
	}
	return a.Footnote != 0 && a.Footnote == b.Footnote
}

// finding starts a finding located at figure f.
func (c *checker) finding(rule, severity string, f *schema.Figure) schema.Finding {
	return schema.Finding{
		Rule:        rule,
		Severity:    severity,
		Quote:       f.Quote,
		Paragraph:   f.Paragraph,
		Footnote:    f.Footnote,
		SectionPath: f.SectionPath,
		Page:        f.Page,
		Figures:     []string{f.ID},
	}
}

// quoteSpan returns the text from the start of figure first to the end of the
// clause holding figure last, so that a breakdown is quoted whole: "96 lượt cán
// bộ, gồm: … giới thiệu ứng cử 21 lượt". It falls back to first's quote when
// the spans do not point into one text.
func (c *checker) quoteSpan(first, last *schema.Figure) string {
	if !sameContainer(first, last) {
		return first.Quote
	}
	rs := []rune(c.text(first))
	lo, hi := first.Span[0], last.Span[1]
	if lo < 0 || hi > len(rs) || lo >= hi {
		return first.Quote
	}
	// Back up to the start of the word the number is part of, then carry on
	// to the end of the clause the last number sits in.
	for hi < len(rs) && !strings.ContainsRune(";.,)(:\n", rs[hi]) {
		hi++
	}
	return strings.TrimSpace(string(rs[lo:hi]))
}

// where names a figure's place for messages: "footnote 2", "Phần thứ nhất/II/3".
func where(f *schema.Figure) string {
	if f.Footnote != 0 {
		return fmt.Sprintf("footnote %d", int(f.Footnote))
	}
	if f.SectionPath != "" {
		return f.SectionPath
	}
	return string(f.Paragraph)
}
