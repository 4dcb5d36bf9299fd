package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/schema"
)

// additive is the class of figures that can be parts of a sum; figures of
// different classes (a count of houses and the money spent on them) never
// add up to each other.
func additive(f *schema.Figure) string {
	switch f.Role {
	case "", schema.RoleActual:
	default:
		return ""
	}
	if strings.Contains(f.Unit, "/") && f.Kind != schema.KindRatio {
		return "" // a rate: 60 triệu đồng/nhà
	}
	switch f.Kind {
	case schema.KindCount, schema.KindRatio, schema.KindOther:
		return "count"
	case schema.KindMoney:
		return "money"
	case schema.KindArea:
		return "area"
	}
	return ""
}

// partValue is what a figure adds to a sum: the numerator of a ratio
// ("08/39" counts 8), the normalized value otherwise.
func partValue(f *schema.Figure) interval {
	if f.Kind == schema.KindRatio {
		return exact(f.Value)
	}
	return stated(f)
}

// partialCues are general Vietnamese signs that a breakdown lists only some
// of its parts: "trong đó" (of which), a trailing ellipsis, "các … khác"
// (other …), "như" (such as), "chủ yếu" (mainly), "một số" (some).
var partialCues = []string{"trong đó", "…", "...", " như:", " như ", "chủ yếu", "một số", "v.v", "chẳng hạn"}

// closesList reports whether the last part is the rest of the total: "84 mô
// hình trên các lĩnh vực khác" (in other fields) leaves nothing out, so the
// list is complete even under "trong đó".
func (c *checker) closesList(last *schema.Figure) bool {
	rs := []rune(c.text(last))
	lo := last.Span[1]
	if lo < 0 || lo > len(rs) {
		return false
	}
	hi := lo
	for hi < len(rs) && !strings.ContainsRune(";)(", rs[hi]) && !(rs[hi] == '.' && (hi+1 == len(rs) || rs[hi+1] == ' ')) {
		hi++
	}
	return hasWord(normText(string(rs[lo:hi])), "khác")
}

// hasWord reports whether w occurs in s as a whole word ("khác", not
// "khách").
func hasWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		before := start == 0 || !isWordByte(s, start-1, true)
		after := end == len(s) || !isWordByte(s, end, false)
		if before && after {
			return true
		}
		i = end
	}
}

// isWordByte reports whether the rune ending before (back) or starting at i
// is a letter.
func isWordByte(s string, i int, back bool) bool {
	var r rune
	if back {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	} else {
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// partialByText looks for a partial cue between the total and a little past
// the last part, where the report says whether its list is complete.
func (c *checker) partialByText(total *schema.Figure, parts []*schema.Figure) bool {
	last := parts[len(parts)-1]
	if !sameContainer(total, last) {
		// The total is stated elsewhere (a body total broken down in a
		// footnote): look around the parts only.
		total = parts[0]
	}
	rs := []rune(c.text(total))
	lo, hi := total.Span[0], last.Span[1]+12
	if lo < 0 || lo > len(rs) {
		return false
	}
	hi = min(hi, len(rs))
	if hi <= lo {
		return false
	}
	seg := normText(string(rs[lo:hi]))
	for _, cue := range partialCues {
		if strings.Contains(seg, cue) {
			return true
		}
	}
	return false
}

// sums checks every breakdown: the parts (figures whose Parent is the total)
// must make the total within rounding.
func (c *checker) sums() []schema.Finding {
	var out []schema.Finding
	for i := range c.doc.Figures {
		total := &c.doc.Figures[i]
		kids := c.children[total.ID]
		if len(kids) == 0 {
			continue
		}
		if f, ok := c.sum(total, kids); ok {
			out = append(out, f)
		}
	}
	return out
}

func (c *checker) sum(total *schema.Figure, kids []*schema.Figure) (schema.Finding, bool) {
	class := additive(total)
	if class == "" || !exactValue(total) {
		return schema.Finding{}, false
	}
	var parts []*schema.Figure
	partial := false
	for _, k := range kids {
		if additive(k) != class {
			continue // a rate or a share inside the breakdown
		}
		if !exactValue(k) {
			return schema.Finding{}, false // "gần 70 tỷ": nothing to add up
		}
		partial = partial || k.Partial
		parts = append(parts, k)
	}
	if len(parts) < 2 {
		// One part is a mention, not a breakdown ("52 cuộc; cấp huyện 14
		// cuộc" with the rest unsaid).
		return schema.Finding{}, false
	}
	closed := c.closesList(parts[len(parts)-1])
	partial = !closed && (partial || c.partialByText(total, parts))
	want := stated(total)
	if total.Kind == schema.KindRatio {
		want = exact(total.Value)
	}
	if sumOf(parts).overlaps(want) || splitsInto(parts, want) {
		return schema.Finding{}, false
	}
	parts = renest(parts)
	got := sumOf(parts)
	if got.overlaps(want) || dropsOneUnit(parts, want, total.Unit) {
		return schema.Finding{}, false
	}
	if partial && got.hi < want.lo {
		return schema.Finding{}, false // a partial list may fall short
	}
	f := c.finding(RuleSum, schema.SeverityError, total)
	for _, p := range parts {
		f.Figures = append(f.Figures, p.ID)
	}
	f.Quote = c.quoteSpan(total, parts[len(parts)-1])
	f.Arithmetic = fmt.Sprintf("%s = %s, not %s", joinParts(parts, total), showSum(got, total), show(total))
	diff := "over by " + showIn(got.mid()-normalized(total), total, 4)
	if got.mid() < normalized(total) {
		diff = "short by " + showIn(normalized(total)-got.mid(), total, 4)
	}
	switch {
	case partial:
		f.Severity = schema.SeverityWarning
		f.Message = fmt.Sprintf("the parts of a partial list add up to more than the total %s (%s); read as overlapping parts this could be right", show(total), f.Arithmetic)
	case mixedUnits(parts, total):
		f.Severity = schema.SeverityWarning
		f.Message = fmt.Sprintf("the parts do not make the total (%s, %s); the parts are in different units, so the list may count different things", f.Arithmetic, diff)
	case closed:
		f.Message = fmt.Sprintf("the parts do not make the total (%s, %s); read as a complete list: its last part is the rest (\"… khác\")", f.Arithmetic, diff)
	default:
		f.Message = fmt.Sprintf("the parts do not make the total (%s, %s); read as a complete list: nothing marks it partial (no \"trong đó\", no \"…\")", f.Arithmetic, diff)
	}
	return f, true
}

func sumOf(parts []*schema.Figure) interval {
	var s interval
	for _, p := range parts {
		s = s.add(partValue(p))
	}
	return s
}

// renest drops parts that are the breakdown of the part just before them:
// "cấp huyện 12 cuộc (02 định kỳ, 04 chuyên đề, 06 đột xuất), cấp xã 35 cuộc"
// read flat would count 12 twice.
func renest(parts []*schema.Figure) []*schema.Figure {
	out := make([]*schema.Figure, 0, len(parts))
	for i := 0; i < len(parts); i++ {
		out = append(out, parts[i])
		head := partValue(parts[i])
		if head.lo != head.hi {
			continue
		}
		var s interval
		for j := i + 1; j < len(parts); j++ {
			s = s.add(partValue(parts[j]))
			if j > i+1 && s.overlaps(head) && s.lo == s.hi {
				i = j
				break
			}
			if s.lo > head.hi {
				break
			}
		}
	}
	return out
}

// splitsInto reports whether the parts, in order, form two or more complete
// breakdowns of one total: "164 mô hình: cấp huyện 18, cấp xã 146; … 71
// kinh tế, 52 văn hóa, 23 quốc phòng, 18 hệ thống chính trị".
func splitsInto(parts []*schema.Figure, want interval) bool {
	var s interval
	runs := 0
	for _, p := range parts {
		s = s.add(partValue(p))
		if s.overlaps(want) {
			runs++
			s = interval{}
		}
	}
	return runs >= 2 && s == interval{}
}

// dropsOneUnit reports whether leaving out every part of one unit other than
// the total's makes the sum: "2.846 lượt, gồm … 02 lớp … cho 118 học viên"
// counts classes beside the people in them.
func dropsOneUnit(parts []*schema.Figure, want interval, unit string) bool {
	units := map[string]bool{}
	for _, p := range parts {
		if u := normText(p.Unit); u != normText(unit) {
			units[u] = true
		}
	}
	for u := range units {
		var s interval
		n := 0
		for _, p := range parts {
			if normText(p.Unit) != u {
				s = s.add(partValue(p))
				n++
			}
		}
		if n >= 2 && s.overlaps(want) {
			return true
		}
	}
	return false
}

func mixedUnits(parts []*schema.Figure, total *schema.Figure) bool {
	u := normText(total.Unit)
	for _, p := range parts {
		if normText(p.Unit) != u {
			return true
		}
	}
	return false
}

// joinParts writes the parts in the total's scale: "148,6 + 231,5 + 38,7".
func joinParts(parts []*schema.Figure, total *schema.Figure) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		if p.Kind == schema.KindRatio || total.Kind == schema.KindRatio {
			s[i] = fmtNum(p.Value, decimals(p.Raw))
			continue
		}
		s[i] = showIn(normalized(p), total, 4)
	}
	return strings.Join(s, " + ")
}

// showSum writes a sum in the total's scale, with as many decimals as the
// most precise part.
func showSum(s interval, total *schema.Figure) string {
	return showIn(s.mid(), total, 4)
}
