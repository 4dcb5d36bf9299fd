package check

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/baocao/baocao/schema"
)

// ordinalWords are the spelled-out ordinals of "Phần thứ nhất, hai, …".
var ordinalWords = map[string]int{
	"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
	"bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}

// letters is the Vietnamese alphabet order used for a), b), c): no f, j, w,
// z, and đ after d.
const letters = "abcdđeghiklmnopqrstuvxy"

// sectionNumber reads a heading number as written ("II", "2", "b", "Phần thứ
// hai", "(3)") into its position and a style; ok is false for numbers it
// cannot place ("2.1", bullets).
func sectionNumber(s string) (n int, style string, ok bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ".)"))
	s = strings.TrimPrefix(s, "(")
	low := normText(s)
	if rest, found := strings.CutPrefix(low, "phần"); found {
		rest = strings.TrimSpace(rest)
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "thứ"))
		if v, ok := ordinalWords[rest]; ok {
			return v, "part", true
		}
		if v, ok := roman(strings.ToUpper(rest)); ok {
			return v, "part", true
		}
		if v, err := strconv.Atoi(rest); err == nil {
			return v, "part", true
		}
		return 0, "", false
	}
	if v, err := strconv.Atoi(s); err == nil && v > 0 {
		return v, "arabic", true
	}
	if v, ok := roman(s); ok {
		return v, "roman", true
	}
	if rs := []rune(low); len(rs) == 1 {
		if i := strings.IndexRune(letters, rs[0]); i >= 0 {
			return len([]rune(letters[:i])) + 1, "letter", true
		}
	}
	return 0, "", false
}

// roman reads an upper-case Roman numeral up to 39 (section numbers never go
// higher).
func roman(s string) (int, bool) {
	if s == "" || strings.Trim(s, "IVX") != "" {
		return 0, false
	}
	vals := map[rune]int{'I': 1, 'V': 5, 'X': 10}
	rs := []rune(s)
	n := 0
	for i, r := range rs {
		v := vals[r]
		if i+1 < len(rs) && vals[rs[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	if n <= 0 || n >= 40 || toRoman(n) != s {
		return 0, false
	}
	return n, true
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// numbering checks that headings count up by one among siblings: a number
// written twice or one left out. Siblings are found by level and order, not
// by Parent, so that a heading the structure stage misplaced still resets
// the count of the levels below it.
func (c *checker) numbering() []schema.Finding {
	type last struct {
		n     int
		style string
		sec   *schema.Section
	}
	var out []schema.Finding
	open := map[int]*last{}
	for i := range c.doc.Sections {
		s := &c.doc.Sections[i]
		for lv := range open {
			if lv > s.Level {
				delete(open, lv)
			}
		}
		n, style, ok := sectionNumber(s.Number)
		if !ok {
			continue
		}
		prev := open[s.Level]
		open[s.Level] = &last{n: n, style: style, sec: s}
		if prev == nil || prev.style != style {
			continue
		}
		switch {
		case n == prev.n:
			f := c.sectionFinding(schema.SeverityError, s)
			f.Arithmetic = fmt.Sprintf("%s, %s: expected %s", prev.sec.Number, s.Number, formatNumber(n+1, style))
			f.Message = fmt.Sprintf("section number %s is used twice in a row (%q, then %q); read in order, the second should be %s", s.Number, heading(prev.sec), heading(s), formatNumber(n+1, style))
			f.Related = []schema.Related{{Document: c.doc.ID, Quote: heading(prev.sec)}}
			out = append(out, f)
		case n > prev.n+1:
			f := c.sectionFinding(schema.SeverityWarning, s)
			missing := formatNumber(prev.n+1, style)
			if n > prev.n+2 {
				missing += "–" + formatNumber(n-1, style)
			}
			f.Arithmetic = fmt.Sprintf("%s, %s: expected %s", prev.sec.Number, s.Number, formatNumber(prev.n+1, style))
			f.Message = fmt.Sprintf("section %s follows %s: %s is missing (or its heading was not recognised)", s.Number, prev.sec.Number, missing)
			f.Related = []schema.Related{{Document: c.doc.ID, Quote: heading(prev.sec)}}
			out = append(out, f)
		case n < prev.n:
			f := c.sectionFinding(schema.SeverityWarning, s)
			f.Message = fmt.Sprintf("section %s follows %s: numbering goes backwards", s.Number, prev.sec.Number)
			f.Related = []schema.Related{{Document: c.doc.ID, Quote: heading(prev.sec)}}
			out = append(out, f)
		}
	}
	return out
}

func heading(s *schema.Section) string {
	num := s.Number
	if num != "" && !strings.HasPrefix(normText(num), "phần") && !strings.HasPrefix(num, "(") {
		num += "."
	}
	return strings.TrimSpace(num + " " + s.Title)
}

func formatNumber(n int, style string) string {
	switch style {
	case "roman":
		return toRoman(n)
	case "letter":
		if rs := []rune(letters); n >= 1 && n <= len(rs) {
			return string(rs[n-1])
		}
	}
	return strconv.Itoa(n)
}

func (c *checker) sectionFinding(severity string, s *schema.Section) schema.Finding {
	return schema.Finding{
		Rule:        RuleNumbering,
		Severity:    severity,
		Quote:       heading(s),
		SectionPath: s.Path,
		Page:        s.Page,
	}
}

// footnotes pairs footnote markers with bodies. A marker without a body is
// an error in a text export; in a PDF a body may also be lost by extraction,
// so there it is a warning.
func (c *checker) footnotes() []schema.Finding {
	lossy := c.doc.Source.Format == schema.FormatPDF || c.doc.Source.Format == schema.FormatPDFOCR
	sev := schema.SeverityError
	if lossy {
		sev = schema.SeverityWarning
	}
	var out []schema.Finding
	marked := map[int]bool{}
	for i := range c.doc.Paragraphs {
		p := &c.doc.Paragraphs[i]
		for _, r := range p.FootnoteRefs {
			if marked[r.ID] {
				continue
			}
			marked[r.ID] = true
			if c.notes[r.ID] != nil {
				continue
			}
			out = append(out, schema.Finding{
				Rule:        RuleFootnoteMissing,
				Severity:    sev,
				Message:     fmt.Sprintf("footnote marker %d has no footnote body", r.ID),
				Quote:       sentenceAt(p.Text, r.Offset),
				Paragraph:   schema.NullString(p.ID),
				SectionPath: c.sectionPath(p.Section),
				Page:        p.Page,
			})
		}
	}
	for i := range c.doc.Footnotes {
		n := &c.doc.Footnotes[i]
		if marked[n.ID] || n.RefParagraph != "" {
			continue
		}
		out = append(out, schema.Finding{
			Rule:        RuleFootnoteUnreferenced,
			Severity:    sev,
			Message:     fmt.Sprintf("footnote %d has no marker in the text", n.ID),
			Quote:       firstWords(n.Text, 20),
			Footnote:    schema.NullInt(n.ID),
			SectionPath: c.sectionPath(n.Section),
			Page:        n.Page,
		})
	}
	return out
}

func (c *checker) sectionPath(id schema.NullString) string {
	for i := range c.doc.Sections {
		if c.doc.Sections[i].ID == string(id) {
			return c.doc.Sections[i].Path
		}
	}
	return ""
}

// sentenceAt returns the clause that ends at a footnote marker's offset: the
// text from the previous sentence or clause break up to the marker.
func sentenceAt(text string, offset int) string {
	rs := []rune(text)
	offset = min(max(offset, 0), len(rs))
	lo := offset
	for lo > 0 && !strings.ContainsRune(";:", rs[lo-1]) && !(rs[lo-1] == '.' && (lo == len(rs) || rs[lo] == ' ')) {
		lo--
	}
	return strings.TrimFunc(string(rs[lo:offset]), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		return strings.Join(w[:n], " ") + " …"
	}
	return strings.Join(w, " ")
}
