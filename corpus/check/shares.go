package check

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/baocao/baocao/schema"
)

// ratioOf is the ratio a share or a percent of plan is computed on, from the
// figure it refers to: the ratio itself ("28/38 …, bằng 76,3%"; "260/251 …,
// đạt 103,6% chỉ tiêu") or, for a share, the part over the total it belongs
// to ("812 đảng viên …, bằng 13,8%" in a breakdown of 5.896). ok is false
// when the text gives no ratio to compute.
func (c *checker) ratioOf(s *schema.Figure) (num, den interval, parts []*schema.Figure, ok bool) {
	ref := c.figs[string(s.RefersTo)]
	if ref == nil || ref == s || !exactValue(ref) {
		return num, den, nil, false
	}
	if ref.Kind == schema.KindRatio && ref.Denominator != nil && *ref.Denominator > 0 {
		return exact(ref.Value), exact(*ref.Denominator), []*schema.Figure{ref}, true
	}
	if s.Role != schema.RoleShare {
		return num, den, nil, false
	}
	total := c.figs[string(ref.Parent)]
	if total == nil || !exactValue(total) || total.Kind == schema.KindRatio {
		return num, den, nil, false
	}
	if cls := additive(ref); cls == "" || cls != additive(total) {
		return num, den, nil, false
	}
	d := stated(total)
	if d.lo <= 0 {
		return num, den, nil, false
	}
	return partValue(ref), d, []*schema.Figure{ref, total}, true
}

// shares runs percent_mismatch, share_over_100 and denominator_conflict.
func (c *checker) shares() []schema.Finding {
	var out []schema.Finding
	bad := map[string]bool{} // shares found wrong, by id
	for i := range c.doc.Figures {
		s := &c.doc.Figures[i]
		if (s.Role != schema.RoleShare && s.Role != schema.RolePlanPercent) || s.Kind != schema.KindPercent || !exactValue(s) {
			continue
		}
		num, den, refs, ok := c.ratioOf(s)
		if !ok {
			continue
		}
		got := num.div(den).scale(100)
		want := stated(s)
		if got.overlaps(want) {
			continue
		}
		d := decimals(s.Raw)
		step := math.Pow10(-d)
		ratio := fmt.Sprintf("%s/%s", fmtNum(num.mid(), 4), fmtNum(den.mid(), 4))
		if len(refs) == 2 {
			ratio = fmt.Sprintf("%s/%s", show(refs[0]), show(refs[1]))
		}
		f := c.finding(RulePercent, schema.SeverityError, s)
		for _, r := range refs {
			f.Figures = append(f.Figures, r.ID)
		}
		if sameContainer(refs[0], s) && refs[0].Span[0] < s.Span[0] {
			f.Quote = c.quoteSpan(refs[0], s)
		}
		f.Arithmetic = fmt.Sprintf("%s = %s, not %s%%", ratio, showPct(got.mid(), d), fmtNum(s.Value, d))
		what := "share"
		if s.Role == schema.RolePlanPercent {
			what = "percent of plan"
		}
		if got.hi >= s.Value-1e-9 && got.lo < s.Value+step {
			// 73,68 printed as 73,6: truncated, not rounded.
			f.Severity = schema.SeverityWarning
			f.Message = fmt.Sprintf("the stated %s %s%% is not its ratio rounded (%s); it matches only if the report truncates instead of rounding", what, fmtNum(s.Value, d), f.Arithmetic)
		} else {
			f.Message = fmt.Sprintf("the stated %s %s%% is not its ratio (%s, %s points off)", what, fmtNum(s.Value, d), f.Arithmetic, fmtNum(math.Abs(s.Value-got.mid()), d+1))
			bad[s.ID] = true
		}
		out = append(out, f)
	}
	dens, conflicted := c.denominators()
	out = append(out, c.shareSums(bad, conflicted)...)
	out = append(out, dens...)
	return out
}

// shareSums checks that the shares of one population (shares of ratios with
// one denominator, or of parts of one total) add up to at most 100%, and to
// 100% where the text says there are no other categories.
func (c *checker) shareSums(bad, conflicted map[string]bool) []schema.Finding {
	type group struct {
		key    string
		shares []*schema.Figure
	}
	var groups []*group
	byKey := map[string]*group{}
	for i := range c.doc.Figures {
		s := &c.doc.Figures[i]
		if s.Role != schema.RoleShare || s.Kind != schema.KindPercent || !exactValue(s) {
			continue
		}
		ref := c.figs[string(s.RefersTo)]
		if ref == nil || conflicted[ref.ID] {
			// A population with two sizes splits its shares over two
			// groups; the denominator conflict is the finding.
			continue
		}
		var key string
		switch {
		case ref.Kind == schema.KindRatio && ref.Denominator != nil:
			key = fmt.Sprintf("%s|%d|%s|%g", ref.Paragraph, ref.Footnote, normText(ref.Unit), *ref.Denominator)
		case ref.Parent != "":
			key = "parent|" + string(ref.Parent)
		default:
			continue
		}
		g := byKey[key]
		if g == nil {
			g = &group{key: key}
			byKey[key] = g
			groups = append(groups, g)
		}
		if !slices.Contains(g.shares, s) {
			g.shares = append(g.shares, s)
		}
	}
	var out []schema.Finding
	for _, g := range groups {
		if len(g.shares) < 2 || slices.ContainsFunc(g.shares, func(s *schema.Figure) bool { return bad[s.ID] }) {
			// A wrong share explains a wrong sum; it is reported once.
			continue
		}
		var sum interval
		terms := make([]string, len(g.shares))
		maxD := 0
		for i, s := range g.shares {
			sum = sum.add(stated(s))
			terms[i] = fmtNum(s.Value, decimals(s.Raw))
			maxD = max(maxD, decimals(s.Raw))
		}
		first, last := g.shares[0], g.shares[len(g.shares)-1]
		total := fmtNum(sum.mid(), maxD)
		switch {
		case sum.lo > 100+1e-9:
			f := c.finding(RuleShareOver100, schema.SeverityError, first)
			f.Arithmetic = fmt.Sprintf("%s = %s%%, more than 100%%", strings.Join(terms, "% + ")+"%", total)
			f.Message = fmt.Sprintf("shares of one population add up to more than 100%% (%s)", f.Arithmetic)
			f.Quote = c.quoteSpan(first, last)
			for _, s := range g.shares[1:] {
				f.Figures = append(f.Figures, s.ID)
			}
			out = append(out, f)
		case sum.hi < 100-1e-9 && c.saysNoOthers(last):
			f := c.finding(RuleShareOver100, schema.SeverityWarning, first)
			f.Arithmetic = fmt.Sprintf("%s = %s%%, less than 100%%", strings.Join(terms, "% + ")+"%", total)
			f.Message = fmt.Sprintf("shares of one population add up to less than 100%% although the text says there are no other categories (%s)", f.Arithmetic)
			f.Quote = c.quoteSpan(first, last)
			for _, s := range g.shares[1:] {
				f.Figures = append(f.Figures, s.ID)
			}
			out = append(out, f)
		}
	}
	return out
}

// saysNoOthers looks right after the last share for "không có" (there is
// no …), the way a report closes a list of categories.
func (c *checker) saysNoOthers(last *schema.Figure) bool {
	rs := []rune(c.text(last))
	lo := last.Span[1]
	if lo < 0 || lo >= len(rs) {
		return false
	}
	hi := min(len(rs), lo+24)
	return strings.Contains(normText(string(rs[lo:hi])), "không có")
}

// denominators finds one population given two sizes in one breakdown: ratios
// of one unit in one paragraph or footnote whose denominators mostly agree
// and once differ ("24/118 …; 91/121 …; 03/118 …"). conflicted holds the ids
// of every ratio in a group with a finding.
func (c *checker) denominators() (out []schema.Finding, conflicted map[string]bool) {
	conflicted = map[string]bool{}
	planned := map[string]bool{} // ratios that are actual/target, not part/whole
	for i := range c.doc.Figures {
		f := &c.doc.Figures[i]
		if f.Role == schema.RolePlanPercent && f.RefersTo != "" {
			planned[string(f.RefersTo)] = true
		}
	}
	type group struct{ ratios []*schema.Figure }
	var keys []string
	groups := map[string]*group{}
	for i := range c.doc.Figures {
		f := &c.doc.Figures[i]
		if f.Kind != schema.KindRatio || f.Denominator == nil || *f.Denominator <= 0 || planned[f.ID] {
			continue
		}
		if f.Role != "" && f.Role != schema.RoleActual || f.Value > *f.Denominator {
			continue
		}
		key := fmt.Sprintf("%s|%d|%s", f.Paragraph, f.Footnote, normText(f.Unit))
		if groups[key] == nil {
			groups[key] = &group{}
			keys = append(keys, key)
		}
		groups[key].ratios = append(groups[key].ratios, f)
	}
	for _, k := range keys {
		rs := groups[k].ratios
		if len(rs) < 2 {
			continue
		}
		count := map[float64]int{}
		sum := 0.0
		for _, r := range rs {
			count[*r.Denominator]++
			sum += r.Value
		}
		if len(count) < 2 {
			continue
		}
		// When the parts add up to one of the sizes, that size is the
		// population and the others are wrong: an error. Otherwise the size
		// most ratios agree on is taken, as a warning; a tie means separate
		// populations (schools of three levels: 19/24, 17/21, 18/22).
		mode, settled := sum, count[sum] > 0
		if !settled {
			best, tie := 0, false
			for d, n := range count {
				switch {
				case n > best:
					mode, best, tie = d, n, false
				case n == best:
					tie = true
				}
			}
			if best < 2 || tie {
				continue
			}
		}
		var nums, sizes []string
		for _, r := range rs {
			nums = append(nums, fmtNum(r.Value, 0))
			sizes = append(sizes, show(r)+"/"+fmtNum(*r.Denominator, 0))
		}
		for _, o := range rs {
			if *o.Denominator == mode {
				continue
			}
			f := c.finding(RuleDenominator, schema.SeverityWarning, o)
			f.Quote = c.quoteSpan(rs[0], o)
			if o == rs[0] {
				f.Quote = c.quoteSpan(o, rs[len(rs)-1])
			}
			for _, r := range rs {
				if r != o {
					f.Figures = append(f.Figures, r.ID)
				}
			}
			if settled {
				f.Severity = schema.SeverityError
				f.Arithmetic = fmt.Sprintf("%s = %s, so %s/%s should be %s/%s", strings.Join(nums, " + "), fmtNum(sum, 0), show(o), fmtNum(*o.Denominator, 0), show(o), fmtNum(mode, 0))
				f.Message = fmt.Sprintf("one population is given two sizes (%s): the parts add up to %s, so %s is the odd one", strings.Join(sizes, ", "), fmtNum(mode, 0), fmtNum(*o.Denominator, 0))
			} else {
				f.Arithmetic = fmt.Sprintf("%s/%s against /%s in the rest of the breakdown", show(o), fmtNum(*o.Denominator, 0), fmtNum(mode, 0))
				f.Message = fmt.Sprintf("ratios of one unit in one breakdown use two denominators (%s); read as one population, %s is the odd one", strings.Join(sizes, ", "), fmtNum(*o.Denominator, 0))
			}
			out = append(out, f)
			for _, r := range rs {
				conflicted[r.ID] = true
			}
		}
	}
	return out, conflicted
}
