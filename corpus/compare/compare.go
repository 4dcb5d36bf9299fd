// Package compare builds the year-over-year table of one issuer's reports:
// a row per metric, a column per year, the change, and the targets set in
// one year's plan against the next year's results. It works on
// schema.Document values only; the corpus feeds it.
//
// Metrics are aligned across years by their label (the figure's metric, with
// general synonyms and the user's dictionary applied), unit, kind, section
// title and value plausibility, with a score; a row whose weakest link scores
// low is marked LowConfidence rather than silently trusted.
package compare

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Options select and tune a comparison. The zero value compares every year.
type Options struct {
	From, To int    // report years, inclusive; 0 means open
	Metric   string // keep rows whose label contains this text (case, tone and diacritics ignored)
	// All keeps metrics seen in one year only; by default a row needs two years.
	All bool
	// Dictionary adds the user's aliases and exclusions; nil uses Default().
	Dictionary *Dictionary
}

// Cell is one year's value of a row, with where it was said.
type Cell struct {
	Value       float64 `json:"value"`
	Raw         string  `json:"raw"`
	Document    string  `json:"document"`
	File        string  `json:"file"`
	Page        int     `json:"page,omitempty"`
	SectionPath string  `json:"section_path"`
	Figure      string  `json:"figure"`
	Quote       string  `json:"quote"`
	// Score is how well this cell's figure matched the row (1 for the first).
	Score float64 `json:"score"`
}

// Row is one metric over the years.
type Row struct {
	Metric string           `json:"metric"`
	Unit   string           `json:"unit"`
	Kind   string           `json:"kind"`
	Values map[string]*Cell `json:"values"` // keyed by year ("2023")
	// Delta and DeltaPct compare the last two years that have a value.
	Delta      *float64 `json:"delta"`
	DeltaPct   *float64 `json:"delta_pct"`
	Confidence float64  `json:"confidence"`
	// LowConfidence marks rows whose weakest year-to-year link is doubtful.
	LowConfidence bool `json:"low_confidence,omitempty"`
}

// Target is a goal set in one report for the next year, with the result.
type Target struct {
	Metric      string   `json:"metric"`
	Unit        string   `json:"unit"`
	SetIn       int      `json:"set_in"`
	ForYear     int      `json:"for_year"`
	Target      float64  `json:"target"`
	TargetHigh  *float64 `json:"target_high"`
	Bound       *string  `json:"bound"`
	Actual      *float64 `json:"actual"`
	Percent     *float64 `json:"percent"`
	Met         *bool    `json:"met"`
	TargetQuote string   `json:"target_quote"`
	TargetDoc   string   `json:"target_document"`
	ActualQuote string   `json:"actual_quote,omitempty"`
	ActualDoc   string   `json:"actual_document,omitempty"`
	Score       float64  `json:"score,omitempty"`
	// Per is set for a goal stated for each unit ("mỗi xã, thị trấn"):
	// Target is then PerTarget times PerCount, the units the reports count.
	Per       string  `json:"per,omitempty"`
	PerCount  int     `json:"per_count,omitempty"`
	PerTarget float64 `json:"per_target,omitempty"`
}

// Table is the comparison of one issuer's reports.
type Table struct {
	Issuer  string   `json:"issuer"`
	Years   []int    `json:"years"`
	Rows    []Row    `json:"rows"`
	Targets []Target `json:"targets"`
}

// Thresholds of the aligner. A link below matchScore is not made; a row
// whose weakest link is below sureScore is shown as low confidence.
const (
	matchScore = 0.42
	sureScore  = 0.6
)

type cand struct {
	fig     *schema.Figure
	doc     *schema.Document
	year    int
	class   string
	unit    string
	units   []string // the unit's words, for a unit written shorter or longer
	value   float64  // the value compared and shown: money in đồng, percent as the number
	label   []string // syllables after aliases
	feat    features
	section features
	order   int
}

// Build compares docs, which should all be one issuer's reports.
func Build(docs []*schema.Document, opts Options) *Table {
	dict := opts.Dictionary
	if dict == nil {
		dict = Default()
	}
	byYear := map[int][]*schema.Document{}
	for _, d := range docs {
		y := d.Meta.ReportYear
		if y == 0 || (opts.From != 0 && y < opts.From) || (opts.To != 0 && y > opts.To) {
			continue
		}
		byYear[y] = append(byYear[y], d)
	}
	t := &Table{Years: []int{}, Rows: []Row{}, Targets: []Target{}}
	for y := range byYear {
		t.Years = append(t.Years, y)
	}
	slices.Sort(t.Years)
	if len(docs) > 0 {
		t.Issuer = docs[0].Meta.Issuer
	}

	var rows []*row
	for _, y := range t.Years {
		var cands []*cand
		for _, d := range byYear[y] {
			cands = append(cands, candidates(d, y, dict, func(f *schema.Figure) bool { return f.Role == schema.RoleActual })...)
		}
		rows = extend(rows, cands)
	}
	filter := vntext.Fold(opts.Metric)
	for _, r := range rows {
		if len(r.cells) < 2 && !opts.All {
			continue
		}
		out := r.output()
		if filter != "" && !strings.Contains(vntext.Fold(out.Metric), filter) {
			continue
		}
		t.Rows = append(t.Rows, out)
	}
	t.Targets = targets(byYear, t.Years, dict, filter)
	return t
}

// kindClass groups kinds whose values compare: a ratio's value is its
// numerator, a count.
func kindClass(k string) string {
	switch k {
	case schema.KindRatio, schema.KindCount:
		return "count"
	case schema.KindRange:
		return "count"
	}
	return k
}

// valueOf is the value a figure is compared on: money in đồng, so that
// "2,1 tỷ đồng" and "3.100 triệu đồng" compare; otherwise as written.
func valueOf(f *schema.Figure) float64 {
	if f.Kind == schema.KindMoney || f.Kind == schema.KindPercent {
		return f.ValueNormalized
	}
	return f.Value
}

func candidates(d *schema.Document, year int, dict *Dictionary, keep func(*schema.Figure) bool) []*cand {
	titles := map[string]string{}
	for _, s := range d.Sections {
		titles[s.ID] = s.Title
	}
	var out []*cand
	seen := map[string]bool{}
	for i := range d.Figures {
		f := &d.Figures[i]
		if !keep(f) {
			continue
		}
		label := f.Metric
		if label == "" {
			label = f.Quote
		}
		syl := dict.apply(syllables(label))
		if len(syl) == 0 || dict.excluded(syl) {
			continue
		}
		// The same statement repeated (body and footnote, summary and
		// detail) is one fact for the table: keep its first occurrence.
		key := strings.Join(syl, " ") + "|" + strconv.FormatFloat(valueOf(f), 'g', -1, 64) + "|" + vntext.Key(f.Unit)
		if seen[key] {
			continue
		}
		seen[key] = true
		unit := vntext.Key(f.Unit)
		out = append(out, &cand{
			fig: f, doc: d, year: year, class: kindClass(f.Kind), unit: unit, units: strings.Fields(strings.ReplaceAll(unit, ",", " ")),
			value: valueOf(f),
			label: syl, feat: newFeatures(syl), section: newFeatures(syllables(titles[string(f.Section)])),
			order: i,
		})
	}
	return out
}

// similarity scores how likely a and b state the same metric, 0..1.
func similarity(a, b *cand) float64 {
	if a.class != b.class {
		return 0
	}
	s := 0.75*dice(a.feat, b.feat) + 0.15*dice(a.section, b.section)
	switch {
	case a.unit == b.unit:
		s += 0.10
	case a.unit == "" || b.unit == "":
	case unitsAlike(a.units, b.units):
		// "đảng viên mới" and "đảng viên", "đoàn viên" and "đoàn viên
		// công đoàn": one unit written shorter
		s += 0.05
	case a.class == "other":
		return 0 // tấn and ha are never one quantity
	default:
		s *= 0.75
	}
	// Values of one metric in consecutive years are of the same order of
	// magnitude; a tenfold jump is more likely another quantity, and of
	// two candidates the nearer value is the likelier.
	if va, vb := math.Abs(a.value), math.Abs(b.value); va > 0 && vb > 0 {
		switch r := min(va, vb) / max(va, vb); {
		case r < 0.2:
			s *= 0.6
		case r < 0.5:
			s *= 0.9
		default:
			s += 0.06 * (r - 0.5)
		}
	}
	return min(s, 1)
}

// unitsAlike reports units of which one starts the other or that share
// their first two words.
func unitsAlike(a, b []string) bool {
	n := min(len(a), len(b))
	if n == 0 {
		return false
	}
	if n >= 2 && a[0] == b[0] && a[1] == b[1] {
		return true
	}
	return slices.Equal(a[:n], b[:n])
}

type row struct {
	cells []*cand
	score []float64
	last  *cand
}

// extend links this year's candidates to the rows built so far: best pairs
// first, one candidate per row and one row per candidate; the rest start new
// rows.
func extend(rows []*row, cands []*cand) []*row {
	type pair struct {
		r, c  int
		score float64
	}
	// An inverted index on features keeps this near-linear: only rows that
	// share a syllable with a candidate are scored.
	byFeat := map[uint64][]int{}
	for i, r := range rows {
		for _, k := range r.last.feat.keys {
			byFeat[k] = append(byFeat[k], i)
		}
	}
	var pairs []pair
	tried := make([]int, len(rows))
	for ci, c := range cands {
		for _, k := range c.feat.keys {
			for _, ri := range byFeat[k] {
				if tried[ri] == ci+1 {
					continue
				}
				tried[ri] = ci + 1
				if s := similarity(rows[ri].last, c); s >= matchScore {
					pairs = append(pairs, pair{ri, ci, s})
				}
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.r, b.r); c != 0 {
			return c
		}
		return cmp.Compare(a.c, b.c)
	})
	usedRow := map[int]bool{}
	usedCand := map[int]bool{}
	for _, p := range pairs {
		if usedRow[p.r] || usedCand[p.c] {
			continue
		}
		usedRow[p.r], usedCand[p.c] = true, true
		r := rows[p.r]
		r.cells = append(r.cells, cands[p.c])
		r.score = append(r.score, p.score)
		r.last = cands[p.c]
	}
	for ci, c := range cands {
		if !usedCand[ci] {
			rows = append(rows, &row{cells: []*cand{c}, score: []float64{1}, last: c})
		}
	}
	return rows
}

func (r *row) output() Row {
	last := r.last
	out := Row{
		Metric: last.fig.Metric, Unit: last.fig.Unit, Kind: last.fig.Kind,
		Values: map[string]*Cell{}, Confidence: 1,
	}
	if out.Metric == "" {
		out.Metric = strings.Join(last.label, " ")
	}
	for i, c := range r.cells {
		out.Values[strconv.Itoa(c.year)] = cellOf(c, r.score[i])
		if i > 0 {
			out.Confidence = min(out.Confidence, r.score[i])
		}
	}
	out.LowConfidence = out.Confidence < sureScore
	if n := len(r.cells); n >= 2 {
		a, b := r.cells[n-2].value, r.cells[n-1].value
		d := b - a
		out.Delta = &d
		if a != 0 {
			p := math.Round(d/a*1000) / 10
			out.DeltaPct = &p
		}
	}
	return out
}

func cellOf(c *cand, score float64) *Cell {
	return &Cell{
		Value: c.value, Raw: c.fig.Raw, Document: c.doc.ID, File: c.doc.Source.File,
		Page: int(c.fig.Page), SectionPath: c.fig.SectionPath, Figure: c.fig.ID, Quote: c.fig.Quote,
		Score: math.Round(score*100) / 100,
	}
}

// targets pairs the goals each report sets for its plan year with the
// results reported in that year's report.
func targets(byYear map[int][]*schema.Document, years []int, dict *Dictionary, filter string) []Target {
	out := []Target{}
	for _, y := range years {
		for _, d := range byYear[y] {
			plan := d.Meta.PlanYear
			if plan == 0 {
				plan = y + 1
			}
			goals := candidates(d, y, dict, func(f *schema.Figure) bool { return f.Role == schema.RoleTarget })
			var results []*cand
			for _, nd := range byYear[plan] {
				results = append(results, candidates(nd, plan, dict, func(f *schema.Figure) bool {
					return (f.Role == schema.RoleActual || f.Role == schema.RoleShare) && !restatesGoal(f)
				})...)
			}
			pop := populations(append([]*schema.Document{d}, byYear[plan]...))
			for _, g := range goals {
				t := targetOf(g, y, plan)
				if filter != "" && !strings.Contains(vntext.Fold(t.Metric), filter) {
					continue
				}
				if per, n := perUnit(g.fig, pop); n > 0 {
					// "Mỗi xã, thị trấn xây dựng mới ít nhất 01 mô hình":
					// the goal of the whole is the goal of one unit times
					// the number of units.
					t.Per, t.PerCount, t.PerTarget = per, n, t.Target
					t.Target *= float64(n)
					g = withValue(g, t.Target)
				}
				var best *cand
				bestScore := 0.0
				for _, r := range results {
					if s := similarity(g, r); s > bestScore {
						best, bestScore = r, s
					}
				}
				if best != nil && bestScore >= matchScore {
					t.settle(best, bestScore)
				}
				out = append(out, t)
			}
		}
	}
	return out
}

func withValue(c *cand, v float64) *cand {
	cc := *c
	cc.value = v
	return &cc
}

// restatesGoal reports a result-year figure that only repeats the goal
// ("vượt chỉ tiêu trên 92% đề ra", "vượt mục tiêu tăng trưởng 8,5%"): the
// words before it name a target.
func restatesGoal(f *schema.Figure) bool {
	i := strings.Index(f.Quote, f.Raw)
	if i < 0 {
		return false
	}
	words := strings.Fields(vntext.Fold(f.Quote[:i]))
	if q := f.Qualifier; q != "" {
		words = words[:max(0, len(words)-len(strings.Fields(q)))]
	}
	for k := len(words) - 1; k >= 0 && k >= len(words)-4; k-- {
		switch words[k] {
		case "tieu", "hoach", "toan":
			if k > 0 && (words[k-1] == "chi" || words[k-1] == "muc" || words[k-1] == "ke" || words[k-1] == "du") {
				return true
			}
		}
	}
	return false
}

// populations counts the units a report names as a whole: the denominator
// of "22/22 xã, thị trấn", keyed by the unit's syllables.
func populations(docs []*schema.Document) map[string]int {
	votes := map[string]map[int]int{}
	for _, d := range docs {
		for i := range d.Figures {
			f := &d.Figures[i]
			if f.Kind != schema.KindRatio || f.Denominator == nil || *f.Denominator < 2 || f.Value > *f.Denominator {
				continue
			}
			u := strings.Join(unitSyllables(f.Unit), " ")
			if u == "" {
				continue
			}
			if votes[u] == nil {
				votes[u] = map[int]int{}
			}
			votes[u][int(*f.Denominator)]++
		}
	}
	out := make(map[string]int, len(votes))
	for u, v := range votes {
		best, n := 0, 0
		for d, c := range v {
			if c > n || c == n && d > best {
				best, n = d, c
			}
		}
		out[u] = best
	}
	return out
}

func unitSyllables(u string) []string {
	return strings.FieldsFunc(vntext.Key(u), func(r rune) bool { return r == ' ' || r == ',' })
}

// perUnit reads a goal set for each unit ("Mỗi xã, thị trấn … 01 mô hình")
// and returns the unit and how many of them the reports count, or 0.
func perUnit(f *schema.Figure, pop map[string]int) (string, int) {
	i := strings.Index(f.Quote, f.Raw)
	if i < 0 {
		return "", 0
	}
	words := unitSyllables(f.Quote[:i])
	for k, w := range words {
		if w != "mỗi" {
			continue
		}
		after := words[k+1:]
		for u, n := range pop {
			us := strings.Fields(u)
			if len(us) <= len(after) && slices.Equal(us, after[:len(us)]) {
				return strings.Join(us, " "), n
			}
		}
	}
	return "", 0
}

func targetOf(g *cand, setIn, forYear int) Target {
	f := g.fig
	t := Target{
		Metric: f.Metric, Unit: f.Unit, SetIn: setIn, ForYear: forYear,
		Target: g.value, TargetHigh: f.ValueHigh, TargetQuote: f.Quote, TargetDoc: g.doc.ID,
	}
	if f.Bound != "" {
		b := string(f.Bound)
		t.Bound = &b
	}
	return t
}

func (t *Target) settle(r *cand, score float64) {
	v := r.value
	t.Actual = &v
	t.ActualQuote = r.fig.Quote
	t.ActualDoc = r.doc.ID
	t.Score = math.Round(score*100) / 100
	if t.Target != 0 {
		p := math.Round(v/t.Target*1000) / 10
		t.Percent = &p
	}
	met := v >= t.Target
	if t.Bound != nil {
		switch *t.Bound {
		case schema.BoundAbove:
			met = v > t.Target
		case schema.BoundAtMost:
			met = v <= t.Target
		case schema.BoundBelow:
			met = v < t.Target
		}
	}
	t.Met = &met
}
