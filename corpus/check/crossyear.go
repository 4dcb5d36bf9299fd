package check

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// sinceRe reads what a change is measured against, in the words right after
// it: "so với cùng kỳ", "so với năm trước", "so với (cuối) năm 2022", "so với
// đầu năm".
var sinceRe = regexp.MustCompile(`so với\s+(cùng kỳ|năm trước|cuối năm\s+\d{4}|năm\s+\d{4}|đầu năm|đầu nhiệm kỳ|kế hoạch|bình quân|[^\s,;.]+)`)

// baseYear is the year a change compares with; ok is false when the text
// names something else (the start of the year, the plan, an average) or
// nothing.
func (c *checker) baseYear(s *schema.Figure) (int, bool) {
	rs := []rune(c.text(s))
	lo, hi := s.Span[1], min(len(rs), s.Span[1]+60)
	if lo < 0 || lo >= hi {
		return 0, false
	}
	m := sinceRe.FindStringSubmatch(normText(string(rs[lo:hi])))
	if m == nil {
		return 0, false
	}
	y := c.doc.Meta.ReportYear
	switch {
	case m[1] == "cùng kỳ" || m[1] == "năm trước":
		return y - 1, y > 0
	case strings.HasPrefix(m[1], "năm ") || strings.HasPrefix(m[1], "cuối năm "):
		f := strings.Fields(m[1])
		n, err := strconv.Atoi(f[len(f)-1])
		return n, err == nil
	}
	return 0, false
}

// exceeds reports "vượt 12,5% kế hoạch": a percent stated as the excess over
// the plan rather than the share of it.
func (c *checker) exceeds(s *schema.Figure) bool {
	rs := []rune(c.text(s))
	lo, hi := max(0, s.Span[0]-12), s.Span[0]
	if hi > len(rs) || lo >= hi {
		return false
	}
	return strings.Contains(normText(string(rs[lo:hi])), "vượt")
}

// counterpart finds the figure of d that states what f states, by metric,
// unit and class, keeping only roles keep allows. score is the metric
// similarity; ok is false when nothing matches well enough or two equally
// good candidates disagree.
func (c *checker) counterpart(f *schema.Figure, d *schema.Document, keep func(*schema.Figure) bool) (best *schema.Figure, score float64, ok bool) {
	ambiguous := false
	for i := range d.Figures {
		g := &d.Figures[i]
		// the same part of the year and the same sub-unit: a 6-month
		// figure is not compared with last year's annual one
		if !keep(g) || !c.sameUnit(g, f) || classOf(g) != classOf(f) || g.Period.Part() != f.Period.Part() ||
			g.Subject != "" && f.Subject != "" && vntext.Key(g.Subject) != vntext.Key(f.Subject) {
			continue
		}
		s := c.similarity(f.Metric, g.Metric)
		switch {
		case s > score+1e-9:
			best, score, ambiguous = g, s, false
		case math.Abs(s-score) <= 1e-9 && best != nil && normalized(g) != normalized(best):
			ambiguous = true
		}
	}
	return best, score, best != nil && score >= weakMatch && !ambiguous
}

// classOf is additive's class, with percents as their own class.
func classOf(f *schema.Figure) string {
	if f.Kind == schema.KindPercent {
		return "percent"
	}
	if f.Kind == schema.KindRatio {
		return "count"
	}
	switch f.Kind {
	case schema.KindCount, schema.KindOther:
		return "count"
	}
	return f.Kind
}

func (c *checker) reportOf(docs []*schema.Document, year int) *schema.Document {
	for _, d := range docs {
		if d.Meta.ReportYear == year {
			return d
		}
	}
	return nil
}

// crossYear checks claims that earlier reports can contradict: a change "so
// với cùng kỳ" against last year's value, a percent of plan against the
// target last year's report set, and this year's opening counts against last
// year's closing ones.
func (c *checker) crossYear(prev []*schema.Document) []schema.Finding {
	if len(prev) == 0 {
		return nil
	}
	var out []schema.Finding
	for i := range c.doc.Figures {
		s := &c.doc.Figures[i]
		if !exactValue(s) {
			continue
		}
		if isActual(s) && c.opensYear(s) {
			if f, ok := c.opening(s, prev); ok {
				out = append(out, f)
			}
			continue
		}
		switch s.Role {
		case schema.RoleChange:
			if f, ok := c.change(s, prev); ok {
				out = append(out, f)
			}
		case schema.RolePlanPercent:
			if f, ok := c.target(s, prev); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

func isActual(g *schema.Figure) bool {
	return (g.Role == schema.RoleActual || g.Role == "") && exactValue(g)
}

func (c *checker) change(s *schema.Figure, prev []*schema.Document) (schema.Finding, bool) {
	cur := c.figs[string(s.RefersTo)]
	if cur == nil || !exactValue(cur) || cur.Kind == schema.KindRatio && cur.Denominator != nil {
		return schema.Finding{}, false
	}
	y, ok := c.baseYear(s)
	if !ok {
		return schema.Finding{}, false
	}
	pd := c.reportOf(prev, y)
	if pd == nil {
		return schema.Finding{}, false
	}
	metric := cur
	if metric.Metric == "" {
		metric = s
	}
	p, score, ok := c.counterpart(&schema.Figure{Metric: metric.Metric, Unit: cur.Unit, Kind: cur.Kind}, pd, isActual)
	if !ok {
		return schema.Finding{}, false
	}
	sign := 1.0
	if s.Direction == "down" {
		sign = -1
	}
	now, before := stated(cur), stated(p)
	var got interval
	var arith string
	want := stated(s)
	d := decimals(s.Raw)
	points := strings.Contains(normText(s.Unit), "điểm") || strings.Contains(normText(s.Raw), "điểm")
	switch {
	case s.Kind == schema.KindPercent && !points:
		if before.lo <= 0 {
			return schema.Finding{}, false
		}
		got = now.div(before).scale(100).add(exact(-100)).scale(sign)
		arith = fmt.Sprintf("(%s − %s)/%s = %s, not %s%s%%", show(cur), show(p), show(p), signed(sign*got.mid(), d), signStr(sign), fmtNum(s.Value, d))
	default:
		// An absolute change (tăng 151 đảng viên) or one in percentage
		// points (giảm 2,27 điểm phần trăm).
		got = interval{now.lo - before.hi, now.hi - before.lo}.scale(sign)
		arith = fmt.Sprintf("%s − %s = %s, not %s%s", show(cur), show(p), signedIn(sign*got.mid(), cur, d), signStr(sign), show(s))
		want = stated(s)
		if cur.Kind == schema.KindPercent {
			want = interval{s.Value - 0.5*math.Pow10(-d), s.Value + 0.5*math.Pow10(-d)}
		}
	}
	if got.overlaps(want) {
		return schema.Finding{}, false
	}
	f := c.finding(RuleCrossYearChange, schema.SeverityError, s)
	f.Figures = append(f.Figures, cur.ID)
	if sameContainer(cur, s) && cur.Span[0] < s.Span[0] {
		f.Quote = c.quoteSpan(cur, s)
	}
	f.Related = []schema.Related{{Document: pd.ID, Quote: p.Quote}}
	f.Arithmetic = arith
	reading := fmt.Sprintf("read against the %d report's %s", y, p.Raw)
	if score < strongMatch {
		f.Severity = schema.SeverityWarning
		reading += fmt.Sprintf(" (label %q matched to %q, not identical)", metric.Metric, p.Metric)
	}
	f.Message = fmt.Sprintf("the stated change does not match last year's value (%s); %s", arith, reading)
	return f, true
}

func signStr(sign float64) string {
	if sign < 0 {
		return "−"
	}
	return "+"
}

func signed(v float64, d int) string {
	if v < 0 {
		return "−" + showPct(-v, d)
	}
	return "+" + showPct(v, d)
}

func signedIn(v float64, f *schema.Figure, d int) string {
	if v < 0 {
		return "−" + showIn(-v, f, d+2)
	}
	return "+" + showIn(v, f, d+2)
}

func (c *checker) target(s *schema.Figure, prev []*schema.Document) (schema.Finding, bool) {
	act := c.figs[string(s.RefersTo)]
	if act == nil || !exactValue(act) || c.doc.Meta.ReportYear == 0 {
		return schema.Finding{}, false
	}
	// The plan for this year was set in last year's report.
	var pd *schema.Document
	for _, d := range prev {
		if d.Meta.PlanYear == c.doc.Meta.ReportYear || d.Meta.PlanYear == 0 && d.Meta.ReportYear == c.doc.Meta.ReportYear-1 {
			pd = d
			break
		}
	}
	if pd == nil {
		return schema.Finding{}, false
	}
	kind := act.Kind
	if kind == schema.KindRatio {
		kind = schema.KindCount
	}
	isTarget := func(g *schema.Figure) bool { return g.Role == schema.RoleTarget }
	t, score, ok := c.counterpart(&schema.Figure{Metric: act.Metric, Unit: act.Unit, Kind: kind}, pd, isTarget)
	if !ok {
		return schema.Finding{}, false
	}
	lo, hi := normalized(t), normalized(t)
	if t.ValueHigh != nil {
		hi = *t.ValueHigh * scaleOf(t)
	}
	if lo <= 0 || hi < lo {
		return schema.Finding{}, false
	}
	if act.Kind == schema.KindRatio && act.Denominator != nil && *act.Denominator >= lo && *act.Denominator <= hi {
		return schema.Finding{}, false // the report states the same target itself
	}
	a := stated(act)
	if act.Kind == schema.KindRatio {
		a = exact(act.Value)
	}
	got := interval{a.lo / hi * 100, a.hi / lo * 100}
	want := stated(s)
	d := decimals(s.Raw)
	over := c.exceeds(s) && s.Value < 100
	if over {
		got = got.add(exact(-100))
	}
	if got.overlaps(want) {
		return schema.Finding{}, false
	}
	f := c.finding(RuleCrossYearTarget, schema.SeverityError, s)
	f.Figures = append(f.Figures, act.ID)
	if sameContainer(act, s) && act.Span[0] < s.Span[0] {
		f.Quote = c.quoteSpan(act, s)
	}
	f.Related = []schema.Related{{Document: pd.ID, Quote: t.Quote}}
	target := fmtNum(t.Value, decimals(t.Raw))
	if t.ValueHigh != nil {
		target += "–" + fmtNum(*t.ValueHigh, decimals(t.Raw))
	}
	pct := s.Value
	if over {
		pct += 100
	}
	implied := normalized(act) / (pct / 100)
	if act.Kind == schema.KindRatio {
		implied = act.Value / (pct / 100)
	}
	f.Arithmetic = fmt.Sprintf("%s/%s = %s, not %s%%", fmtNum(a.mid()/scaleOf(t), 4), target, showPct(a.mid()/lo*100-boolTo(over, 100), d), fmtNum(s.Value, d))
	reading := fmt.Sprintf("read against the target the %d report set for %d (%s)", pd.Meta.ReportYear, c.doc.Meta.ReportYear, t.Raw)
	if score < strongMatch {
		f.Severity = schema.SeverityWarning
		reading += fmt.Sprintf("; label %q matched to %q, not identical", act.Metric, t.Metric)
	}
	f.Message = fmt.Sprintf("the percent of plan does not match last year's target (%s); %s; the stated %s%% implies a target of %s",
		f.Arithmetic, reading, fmtNum(s.Value, d), showIn(implied, t, 1))
	return f, true
}

func boolTo(b bool, v float64) float64 {
	if b {
		return v
	}
	return 0
}

// opensYear reports an opening count: "đầu năm có 1.604/19.050 hộ nghèo"
// (at the start of the year), just before the figure in its clause. "6
// tháng đầu năm" (the first six months) is a period, not an opening.
func (c *checker) opensYear(f *schema.Figure) bool {
	rs := []rune(c.text(f))
	hi := f.Span[0]
	if hi <= 0 || hi > len(rs) {
		return false
	}
	lo := hi
	for lo > 0 && hi-lo < 40 && !strings.ContainsRune(";:", rs[lo-1]) && !(rs[lo-1] == '.' && (lo == len(rs) || rs[lo] == ' ')) {
		lo--
	}
	before := normText(string(rs[lo:hi]))
	return strings.Contains(before, "đầu năm") && !strings.Contains(before, "tháng đầu năm")
}

// opening compares this year's opening count with last year's report of the
// same metric. Year-end figures are often revised after a report is
// written, so a difference is a warning.
func (c *checker) opening(s *schema.Figure, prev []*schema.Document) (schema.Finding, bool) {
	pd := c.reportOf(prev, c.doc.Meta.ReportYear-1)
	if pd == nil {
		return schema.Finding{}, false
	}
	p, score, ok := c.counterpart(s, pd, isActual)
	if !ok || score < strongMatch {
		return schema.Finding{}, false
	}
	now, before := stated(s), stated(p)
	if s.Kind == schema.KindRatio || p.Kind == schema.KindRatio {
		now, before = exact(s.Value), exact(p.Value)
	}
	if now.overlaps(before) {
		return schema.Finding{}, false
	}
	f := c.finding(RuleCrossYearChange, schema.SeverityWarning, s)
	f.Related = []schema.Related{{Document: pd.ID, Quote: p.Quote}}
	f.Arithmetic = fmt.Sprintf("%s at the start of %d, %s at the end of %d", show(s), c.doc.Meta.ReportYear, show(p), pd.Meta.ReportYear)
	f.Message = fmt.Sprintf("this year's opening count is not last year's closing count (%s); read as one metric (%q), unless the figure was revised", f.Arithmetic, s.Metric)
	return f, true
}
