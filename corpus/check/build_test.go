package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/schema"
)

// builder makes small documents by hand: figures are placed by finding their
// raw text in the paragraph or footnote, in order, so spans are real.
type builder struct {
	doc  *schema.Document
	next map[string]int // container → rune offset after the last figure
}

func newDoc(issuer string, year int) *builder {
	return &builder{
		doc: &schema.Document{
			ID:     fmt.Sprintf("doc%d", year),
			Source: schema.Source{Format: schema.FormatMarkdown, File: fmt.Sprintf("r%d.md", year)},
			Meta:   schema.Meta{Issuer: issuer, ReportYear: year, PlanYear: year + 1},
		},
		next: map[string]int{},
	}
}

func (b *builder) para(id, text string, refs ...int) *builder {
	p := schema.Paragraph{ID: id, Text: text, Section: "s1"}
	for _, r := range refs {
		p.FootnoteRefs = append(p.FootnoteRefs, schema.FootnoteRef{ID: r, Offset: len([]rune(text))})
	}
	b.doc.Paragraphs = append(b.doc.Paragraphs, p)
	return b
}

// note adds footnote id; with refPara "" it also adds a paragraph that
// carries the marker, so that only the footnote rules' own tests see an
// orphan.
func (b *builder) note(id int, refPara, text string) *builder {
	if refPara == "" {
		refPara = fmt.Sprintf("m%d", id)
		b.para(refPara, "xem chú thích", id)
	}
	return b.orphan(id, refPara, text)
}

func (b *builder) orphan(id int, refPara, text string) *builder {
	b.doc.Footnotes = append(b.doc.Footnotes, schema.Footnote{ID: id, Text: text, RefParagraph: schema.NullString(refPara)})
	return b
}

func (b *builder) section(number, title string, level int) *builder {
	id := fmt.Sprintf("s%d", len(b.doc.Sections)+1)
	b.doc.Sections = append(b.doc.Sections, schema.Section{ID: id, Number: number, Title: title, Level: level, Path: number})
	return b
}

func (b *builder) ref(id, typ, date string) *builder {
	raw := typ + " số " + id
	if date != "" {
		raw += ", ngày " + date
	}
	b.doc.References = append(b.doc.References, schema.Reference{ID: id, Raw: raw, Type: typ, Date: schema.NullString(date)})
	return b
}

type opt func(*schema.Figure)

func unit(u string) opt    { return func(f *schema.Figure) { f.Unit = u } }
func role(r string) opt    { return func(f *schema.Figure) { f.Role = r } }
func parent(id string) opt { return func(f *schema.Figure) { f.Parent = schema.NullString(id) } }
func refers(id string) opt { return func(f *schema.Figure) { f.RefersTo = schema.NullString(id) } }
func metric(m string) opt  { return func(f *schema.Figure) { f.Metric = m } }
func norm(v float64) opt   { return func(f *schema.Figure) { f.ValueNormalized = v } }
func down() opt            { return func(f *schema.Figure) { f.Direction = "down" } }
func up() opt              { return func(f *schema.Figure) { f.Direction = "up" } }
func partial() opt         { return func(f *schema.Figure) { f.Partial = true } }
func bound(b string) opt   { return func(f *schema.Figure) { f.Bound = schema.NullString(b) } }
func high(v float64) opt   { return func(f *schema.Figure) { f.ValueHigh = schema.Float(v) } }
func ratio(num, den float64) opt {
	return func(f *schema.Figure) {
		f.Kind = schema.KindRatio
		f.Value = num
		f.ValueNormalized = num
		f.Denominator = schema.Float(den)
	}
}

// fig adds a figure whose raw text is found in container in ("p1", or "n2"
// for footnote 2) after the previous figure there.
func (b *builder) fig(tb testing.TB, id, in, raw string, v float64, kind string, opts ...opt) *builder {
	tb.Helper()
	f := schema.Figure{ID: id, Raw: raw, Value: v, ValueNormalized: v, Kind: kind, Role: schema.RoleActual}
	var text string
	if strings.HasPrefix(in, "n") {
		var n int
		fmt.Sscanf(in, "n%d", &n)
		f.Footnote = schema.NullInt(n)
		for _, x := range b.doc.Footnotes {
			if x.ID == n {
				text = x.Text
			}
		}
	} else {
		f.Paragraph = schema.NullString(in)
		for _, x := range b.doc.Paragraphs {
			if x.ID == in {
				text = x.Text
			}
		}
	}
	rs := []rune(text)
	from := b.next[in]
	i := strings.Index(string(rs[from:]), raw)
	if i < 0 {
		tb.Fatalf("figure %s: %q not in %s after offset %d", id, raw, in, from)
	}
	start := from + len([]rune(string(rs[from:])[:i]))
	f.Span = [2]int{start, start + len([]rune(raw))}
	b.next[in] = f.Span[1]
	end := min(len(rs), f.Span[1]+30)
	f.Quote = string(rs[max(0, start-20):end])
	for _, o := range opts {
		o(&f)
	}
	b.doc.Figures = append(b.doc.Figures, f)
	return b
}

func (b *builder) build() *schema.Document { return b.doc }
