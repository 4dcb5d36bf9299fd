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
	// Subject keeps the figures about one sub-unit or level ("cấp huyện",
	// "UBKT Thành ủy"; case, tone and diacritics ignored); "" keeps all,
	// and figures of two different subjects are never one row.
	Subject string
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
	// Estimate marks a value the report gives as an estimate ("ước đạt").
	Estimate bool `json:"estimate,omitempty"`
}

// Row is one metric over the years.
type Row struct {
	Metric string           `json:"metric"`
	Unit   string           `json:"unit"`
	Kind   string           `json:"kind"`
	Values map[string]*Cell `json:"values"` // keyed by year ("2023")
	// Period names the part of the year the row's figures cover when it
	// is not the whole year ("6 tháng", "9 tháng", "quý II"): figures of
	// different periods are never one row.
	Period string `json:"period,omitempty"`
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
	fig   *schema.Figure
	doc   *schema.Document
	year  int
	class string
	unit  string
	units []string   // the unit's words, for a unit written shorter or longer
	value float64    // the value compared and shown: money in đồng, percent as the number
	title *labelInfo // the section title, shared by the figures of one section
	label []string   // syllables after aliases
	feat  features
	order int
	span  string // the part of the year covered, "" for a whole year
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

	p := newPrep(dict)
	p.subject = opts.Subject
	al := &aligner{index: map[uint64][]posting{}}
	for _, y := range t.Years {
		var cands []*cand
		for _, d := range byYear[y] {
			cands = append(cands, p.candidates(d, y, func(f *schema.Figure) bool { return f.Role == schema.RoleActual })...)
		}
		al.extend(cands)
	}
	filter := vntext.Fold(opts.Metric)
	for _, r := range al.rows {
		if len(r.cells) < 2 && !opts.All {
			continue
		}
		out := r.output()
		if filter != "" && !strings.Contains(vntext.Fold(out.Metric), filter) {
			continue
		}
		t.Rows = append(t.Rows, out)
	}
	t.Targets = targets(p, byYear, t.Years, filter)
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

// prep remembers, for one Build, the work that does not depend on the
// year being aligned: a label's syllables and features (labels recur in
// every report of an issuer) and each document's candidates.
type prep struct {
	dict   *Dictionary
	labels map[string]*labelInfo
	units  map[string]string
	docs   map[*schema.Document][]*cand
	// subject is the sub-unit compared ("" for the issuer as a whole).
	subject string
}

type labelInfo struct {
	syl  []string
	feat features
	near map[*labelInfo]float64 // Dice with other section titles, remembered
}

func (l *labelInfo) alike(o *labelInfo) float64 {
	if d, ok := l.near[o]; ok {
		return d
	}
	if l.near == nil {
		l.near = map[*labelInfo]float64{}
	}
	d := dice(l.feat, o.feat)
	l.near[o] = d
	return d
}

func newPrep(dict *Dictionary) *prep {
	return &prep{dict: dict, labels: map[string]*labelInfo{}, units: map[string]string{}, docs: map[*schema.Document][]*cand{}}
}

func (p *prep) label(s string, aliases bool) *labelInfo {
	key := s
	if !aliases {
		key = "\x00" + s
	}
	if li, ok := p.labels[key]; ok {
		return li
	}
	syl := syllables(s)
	if aliases {
		syl = p.dict.apply(syl)
	}
	li := &labelInfo{syl: syl, feat: newFeatures(syl)}
	p.labels[key] = li
	return li
}

// all returns every figure of d that can be aligned, whatever its role.
func (p *prep) all(d *schema.Document, year int) []*cand {
	if cs, ok := p.docs[d]; ok {
		return cs
	}
	titles := make(map[string]string, len(d.Sections))
	for _, s := range d.Sections {
		titles[s.ID] = s.Title
	}
	out := make([]*cand, 0, len(d.Figures))
	for i := range d.Figures {
		f := &d.Figures[i]
		label := f.Metric
		if label == "" {
			label = f.Quote
		}
		li := p.label(label, true)
		if len(li.syl) == 0 || p.dict.excluded(li.syl) {
			continue
		}
		unit, ok := p.units[f.Unit]
		if !ok {
			unit = vntext.Key(f.Unit)
			p.units[f.Unit] = unit
		}
		if !sameSubject(f.Subject, p.subject) {
			continue
		}
		out = append(out, &cand{
			fig: f, doc: d, year: year, class: kindClass(f.Kind), unit: unit, units: strings.Fields(strings.ReplaceAll(unit, ",", " ")),
			value: valueOf(f), label: li.syl, feat: li.feat, title: p.label(titles[string(f.Section)], false),
			order: i, span: f.Period.Part(),
		})
	}
	p.docs[d] = out
	return out
}

// candidates returns the figures of d that keep accepts, each statement
// once: the same one repeated (body and footnote, summary and detail) is
// one fact for the table, and its first occurrence is kept.
func (p *prep) candidates(d *schema.Document, year int, keep func(*schema.Figure) bool) []*cand {
	var out []*cand
	seen := map[[3]string]bool{}
	for _, c := range p.all(d, year) {
		if !keep(c.fig) {
			continue
		}
		k := [3]string{strings.Join(c.label, " "), strconv.FormatFloat(c.value, 'g', -1, 64), c.unit}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	return out
}

// sameSubject reports a figure's subject that the comparison asked for:
// any when want is "", else a subject holding want's words.
func sameSubject(got, want string) bool {
	return want == "" || got != "" && strings.Contains(vntext.Fold(got), vntext.Fold(want))
}

// otherSubjects reports two figures about two different sub-units or
// levels ("cấp tỉnh … 239 lượt", "cấp huyện … 1.472 lượt"): never one row.
func otherSubjects(a, b *cand) bool {
	return a.fig.Subject != "" && b.fig.Subject != "" && vntext.Key(a.fig.Subject) != vntext.Key(b.fig.Subject)
}

// similarity scores how likely a and b state the same metric, 0..1.
func similarity(a, b *cand) float64 {
	if a.class != b.class || a.span != b.span || otherSubjects(a, b) {
		return 0 // a 6-month revenue is not the year's
	}
	return scored(a, b, a.value, dice(a.feat, b.feat))
}

// scored is similarity with av standing for a's value and d the Dice
// coefficient of their labels.
func scored(a, b *cand, av, d float64) float64 {
	if a.class != b.class || a.span != b.span || otherSubjects(a, b) {
		return 0
	}
	s := 0.75 * d
	switch {
	case a.title == b.title:
		s += 0.15
	case a.title != nil && b.title != nil:
		s += 0.15 * a.title.alike(b.title)
	}
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
	if va, vb := math.Abs(av), math.Abs(b.value); va > 0 && vb > 0 {
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
	// "08 trường hợp phải thi hành kỷ luật" one year, "09 đảng viên …" the
	// next: "trường hợp" (cases) counts whoever the sentence is about
	if n >= 2 && (a[0] == "trường" && a[1] == "hợp" || b[0] == "trường" && b[1] == "hợp") {
		return true
	}
	return slices.Equal(a[:n], b[:n])
}

type row struct {
	cells []*cand
	score []float64
	last  *cand
	// reps are the row's distinct wordings, the first and the latest few:
	// a candidate is scored against each, so that a row that once took a
	// neighbour's figure in a year it lacked does not drift to that label.
	reps []*cand
}

const maxReps = 4

// aligner holds the rows built so far and an inverted index on the label
// features of their wordings, kept up to date as rows grow, so that a
// candidate meets only the wordings that share a feature with it and their
// overlap is summed from the postings: the full score is computed only for
// pairs whose labels alone could reach the threshold. This keeps a year's
// alignment near-linear in the number of figures.
type aligner struct {
	rows  []*row
	index map[uint64][]posting
	inter []float64 // label overlap per row wording, for the candidate at hand
}

type posting struct {
	slot int   // row*maxReps + rep
	c    *cand // the wording, to skip postings of one that was replaced
	w    float64
}

func (al *aligner) addRep(ri, rep int, p *cand) {
	for k, key := range p.feat.keys {
		al.index[key] = append(al.index[key], posting{ri*maxReps + rep, p, p.feat.w[k]})
	}
}

// extend links one year's candidates to the rows: best pairs first, one
// candidate per row and one row per candidate; the rest start new rows.
func (al *aligner) extend(cands []*cand) {
	type pair struct {
		r, c  int
		score float64
	}
	if n := len(al.rows) * maxReps; len(al.inter) < n {
		al.inter = append(al.inter, make([]float64, n-len(al.inter))...)
	}
	var touched []int
	var pairs []pair
	best := map[int]float64{}
	for ci, c := range cands {
		touched = touched[:0]
		for k, key := range c.feat.keys {
			for _, p := range al.index[key] {
				if r := al.rows[p.slot/maxReps]; r.reps[p.slot%maxReps] != p.c {
					continue
				}
				if al.inter[p.slot] == 0 {
					touched = append(touched, p.slot)
				}
				al.inter[p.slot] += min(p.w, c.feat.w[k])
			}
		}
		clear(best)
		for _, slot := range touched {
			ri, rep := slot/maxReps, slot%maxReps
			r := al.rows[ri]
			p := r.reps[rep]
			d := 2 * al.inter[slot] / (p.feat.total + c.feat.total)
			al.inter[slot] = 0
			// the section, unit and value add at most 0.28 to the label's part
			if 0.75*d+0.28 < matchScore {
				continue
			}
			if s := scored(p, c, r.last.value, d); s >= matchScore && s > best[ri] {
				best[ri] = s
			}
		}
		for ri, s := range best {
			pairs = append(pairs, pair{ri, ci, s})
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
	usedRow := make([]bool, len(al.rows))
	usedCand := make([]bool, len(cands))
	for _, p := range pairs {
		if usedRow[p.r] || usedCand[p.c] {
			continue
		}
		usedRow[p.r], usedCand[p.c] = true, true
		al.add(p.r, cands[p.c], p.score)
	}
	for ci, c := range cands {
		if !usedCand[ci] {
			al.rows = append(al.rows, &row{})
			al.add(len(al.rows)-1, c, 1)
		}
	}
}

// add appends c to row ri and indexes it when it is a new wording.
func (al *aligner) add(ri int, c *cand, score float64) {
	r := al.rows[ri]
	r.cells = append(r.cells, c)
	r.score = append(r.score, score)
	r.last = c
	key := strings.Join(c.label, " ")
	for _, p := range r.reps {
		if strings.Join(p.label, " ") == key {
			return
		}
	}
	if len(r.reps) < maxReps {
		r.reps = append(r.reps, c)
		al.addRep(ri, len(r.reps)-1, c)
		return
	}
	// Full: the latest wording takes the last place, the first stays; the
	// replaced wording's postings are skipped from now on.
	r.reps[maxReps-1] = c
	al.addRep(ri, maxReps-1, c)
}

func (r *row) output() Row {
	last := r.last
	out := Row{
		Metric: last.fig.Metric, Unit: last.fig.Unit, Kind: last.fig.Kind,
		Values: map[string]*Cell{}, Confidence: 1, Period: last.span,
	}
	if out.Metric == "" {
		out.Metric = strings.Join(last.label, " ")
	}
	if out.Kind == schema.KindMoney {
		// Values are normalized to đồng; a unit of "tỷ đồng" beside them
		// would misread them by 10⁹. The rate part ("/nhà") stays.
		out.Unit = "đồng"
		if _, per, ok := strings.Cut(last.fig.Unit, "/"); ok {
			out.Unit += "/" + per
		}
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
		Score: math.Round(score*100) / 100, Estimate: c.fig.Estimate,
	}
}

// targets pairs the goals each report sets for its plan year with the
// results reported in that year's report.
func targets(p *prep, byYear map[int][]*schema.Document, years []int, filter string) []Target {
	out := []Target{}
	for _, y := range years {
		for _, d := range byYear[y] {
			plan := d.Meta.PlanYear
			if plan == 0 {
				plan = y + 1
			}
			goals := p.candidates(d, y, func(f *schema.Figure) bool { return f.Role == schema.RoleTarget })
			var results []*cand
			for _, nd := range byYear[plan] {
				results = append(results, p.candidates(nd, plan, func(f *schema.Figure) bool {
					return f.Role == schema.RoleActual || f.Role == schema.RoleShare
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
					if s := similarity(g, r); s > bestScore && !restatesGoal(r.fig) {
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
