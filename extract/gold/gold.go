// Package gold reads the hand annotations of real texts (testdata/realgold,
// format baocao-realgold/1, described in its README) and scores an extracted
// Document against them: figure recall and precision, and for the figures
// found whether their label, unit, role, bound, direction, parent,
// refers_to, range, period, estimate, comparison basis and subject are
// right, plus the document's year and issuer.
//
// A gold figure is located by its quote in the Document's paragraphs and
// footnotes (compared after NFC and white-space squashing) and, inside the
// quote, at the first occurrence of its number; a predicted figure matches
// when it has the same value and its span starts there (two characters of
// slack). Matching is one to one, in gold order.
package gold

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// File is one annotated text.
type File struct {
	Schema   string     `json:"schema"`
	File     string     `json:"file"`
	Source   string     `json:"source"` // "shared" or "repo"
	Meta     Meta       `json:"meta"`
	Figures  []Figure   `json:"figures"`
	Optional []Optional `json:"optional"`
	Notes    string     `json:"notes"`
}

// Meta is what the gold says of the document.
type Meta struct {
	ReportYear int      `json:"report_year"`
	PlanYear   int      `json:"plan_year"`
	Issuer     string   `json:"issuer"`
	IssuerOK   []string `json:"issuer_ok"`
	DocType    string   `json:"doc_type"`
	Title      string   `json:"title"`
}

// Figure is one annotated figure.
type Figure struct {
	Quote          string         `json:"quote"`
	Raw            string         `json:"raw"`
	Value          float64        `json:"value"`
	ValueHigh      *float64       `json:"value_high"`
	Denominator    *float64       `json:"denominator"`
	Kind           string         `json:"kind"`
	Unit           string         `json:"unit"`
	UnitOK         []string       `json:"unit_ok"`
	Metric         string         `json:"metric"`
	MetricKeywords []string       `json:"metric_keywords"`
	MetricForbid   []string       `json:"metric_forbid"`
	Role           string         `json:"role"`
	Bound          *string        `json:"bound"`
	Direction      *string        `json:"direction"`
	Parent         *int           `json:"parent"`
	RefersTo       *int           `json:"refers_to"`
	Period         *schema.Period `json:"period"`
	Estimate       bool           `json:"estimate"`
	ComparedWith   *string        `json:"compared_with"`
	Subject        string         `json:"subject"`
	Skip           []string       `json:"skip"`
	Note           string         `json:"note"`
}

// Optional is a borderline number that is not scored either way.
type Optional struct {
	Quote string `json:"quote"`
	Raw   string `json:"raw"`
	Why   string `json:"why"`
}

func (f *Figure) skips(field string) bool {
	for _, s := range f.Skip {
		if s == field {
			return true
		}
	}
	return false
}

// Load reads a gold file.
func Load(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g File
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if g.Schema != "baocao-realgold/1" {
		return nil, fmt.Errorf("%s: schema %q, want baocao-realgold/1", filepath.Base(path), g.Schema)
	}
	return &g, nil
}

// StripSource removes the "# source: URL" line and the blank line after it
// that the collected texts start with: a user's own file has neither.
func StripSource(data []byte) []byte {
	s := string(data)
	if !strings.HasPrefix(s, "# source:") {
		return data
	}
	_, rest, _ := strings.Cut(s, "\n")
	rest = strings.TrimPrefix(rest, "\r")
	if strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\r\n") {
		_, rest, _ = strings.Cut(rest, "\n")
	}
	return []byte(rest)
}

// Fields scored on the figures found, in the order reports print them.
var Fields = []string{"metric", "unit", "role", "bound", "direction", "parent", "refers_to",
	"value_high", "period", "estimate", "compared_with", "subject"}

// Tally counts how often a field was right among the figures it is scored on.
type Tally struct{ OK, N int }

// Rate is OK/N, 1 when nothing was scored.
func (t Tally) Rate() float64 {
	if t.N == 0 {
		return 1
	}
	return float64(t.OK) / float64(t.N)
}

func (t *Tally) add(ok bool) {
	t.N++
	if ok {
		t.OK++
	}
}

// Score is the result of one or more files.
type Score struct {
	Gold, Pred, Matched int
	Fields              map[string]*Tally
	Year, Issuer        Tally
	// Misses, Extras and Wrong are one line each, for a reader fixing rules.
	Misses, Extras, Wrong []string
}

func newScore() *Score {
	s := &Score{Fields: make(map[string]*Tally, len(Fields))}
	for _, f := range Fields {
		s.Fields[f] = &Tally{}
	}
	return s
}

// Recall and Precision of figures.
func (s *Score) Recall() float64 { return ratio(s.Matched, s.Gold) }

func (s *Score) Precision() float64 { return ratio(s.Matched, s.Pred) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Add sums o into s.
func (s *Score) Add(o *Score) {
	s.Gold += o.Gold
	s.Pred += o.Pred
	s.Matched += o.Matched
	for k, t := range o.Fields {
		s.Fields[k].OK += t.OK
		s.Fields[k].N += t.N
	}
	s.Year.OK += o.Year.OK
	s.Year.N += o.Year.N
	s.Issuer.OK += o.Issuer.OK
	s.Issuer.N += o.Issuer.N
	s.Misses = append(s.Misses, o.Misses...)
	s.Extras = append(s.Extras, o.Extras...)
	s.Wrong = append(s.Wrong, o.Wrong...)
}

// Total is an empty Score to Add files into.
func Total() *Score { return newScore() }

// Summary is the one-line form of s.
func (s *Score) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "figures R=%.3f P=%.3f (%d/%d gold, %d pred)", s.Recall(), s.Precision(), s.Matched, s.Gold, s.Pred)
	for _, f := range Fields {
		t := s.Fields[f]
		fmt.Fprintf(&b, " %s %.2f (%d/%d)", f, t.Rate(), t.OK, t.N)
	}
	fmt.Fprintf(&b, " | year %d/%d issuer %d/%d", s.Year.OK, s.Year.N, s.Issuer.OK, s.Issuer.N)
	return b.String()
}

// container is a paragraph or footnote text squashed, with the map from
// rune offsets of the original text to rune offsets of the squashed one.
type container struct {
	key   string
	text  string
	runes []int
}

func squash(s string) (string, []int) {
	s = vntext.NFC(s)
	var b strings.Builder
	m := make([]int, 0, utf8.RuneCountInString(s)+1)
	out := 0
	space := true // drop leading space
	for _, r := range s {
		m = append(m, out)
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
				out++
				space = true
			}
			continue
		}
		b.WriteRune(r)
		out++
		space = false
	}
	m = append(m, out)
	return strings.TrimRight(b.String(), " "), m
}

func containers(doc *schema.Document) []container {
	out := make([]container, 0, len(doc.Paragraphs)+len(doc.Footnotes))
	for _, p := range doc.Paragraphs {
		t, m := squash(p.Text)
		out = append(out, container{key: "p:" + p.ID, text: t, runes: m})
	}
	for _, f := range doc.Footnotes {
		t, m := squash(f.Text)
		out = append(out, container{key: fmt.Sprintf("f:%d", f.ID), text: t, runes: m})
	}
	return out
}

func figKey(f *schema.Figure) string {
	if f.Footnote != 0 {
		return fmt.Sprintf("f:%d", f.Footnote)
	}
	return "p:" + string(f.Paragraph)
}

// place is where a gold number sits: a container and a rune offset in its
// squashed text.
type place struct {
	key string
	at  int
}

// locate returns every place of the number of raw inside quote.
func locate(quote, raw string, cs []container) []place {
	q, _ := squash(quote)
	num := leadingNumber(raw)
	if q == "" || num == "" {
		return nil
	}
	off := strings.Index(q, num)
	if off < 0 {
		return nil
	}
	offRunes := utf8.RuneCountInString(q[:off])
	var out []place
	for _, c := range cs {
		for from := 0; ; {
			i := strings.Index(c.text[from:], q)
			if i < 0 {
				break
			}
			at := utf8.RuneCountInString(c.text[:from+i]) + offRunes
			out = append(out, place{c.key, at})
			from += i + 1
		}
	}
	return out
}

// leadingNumber is the numeral that raw starts with ("2,54 tỷ đồng" → "2,54").
func leadingNumber(raw string) string {
	raw = strings.TrimSpace(raw)
	end := 0
	for i, r := range raw {
		if unicode.IsDigit(r) {
			end = i + utf8.RuneLen(r)
			continue
		}
		if r == '.' || r == ',' || r == '/' || r == '-' || r == ' ' || r == '–' {
			continue
		}
		break
	}
	return raw[:end]
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// Document scores doc against g. Optional numbers are neither misses nor
// extras.
func (g *File) Document(doc *schema.Document) *Score {
	s := newScore()
	cs := containers(doc)
	starts := make(map[string][]int, len(cs)) // container → squashed offset of each rune
	for _, c := range cs {
		starts[c.key] = c.runes
	}
	predAt := func(p *schema.Figure) (string, int) {
		k := figKey(p)
		m := starts[k]
		if m == nil || p.Span[0] < 0 || p.Span[0] >= len(m) {
			return k, -1
		}
		return k, m[p.Span[0]]
	}
	used := make([]bool, len(doc.Figures))
	match := make([]int, len(g.Figures))
	for gi := range g.Figures {
		gf := &g.Figures[gi]
		match[gi] = -1
		places := locate(gf.Quote, gf.Raw, cs)
		for pi := range doc.Figures {
			if used[pi] {
				continue
			}
			p := &doc.Figures[pi]
			if !near(p.Value, gf.Value) && !near(p.ValueNormalized, gf.Value) {
				continue
			}
			k, at := predAt(p)
			hit := false
			for _, pl := range places {
				if pl.key == k && at >= pl.at-2 && at <= pl.at+2 {
					hit = true
					break
				}
			}
			if hit {
				used[pi] = true
				match[gi] = pi
				break
			}
		}
	}
	// Optional numbers take predicted figures out of the count.
	optional := make([]bool, len(doc.Figures))
	for _, o := range g.Optional {
		for _, pl := range locate(o.Quote, o.Raw, cs) {
			for pi := range doc.Figures {
				if k, at := predAt(&doc.Figures[pi]); !used[pi] && k == pl.key && at >= pl.at-2 && at <= pl.at+2 {
					optional[pi] = true
				}
			}
		}
	}
	s.Gold = len(g.Figures)
	for pi := range doc.Figures {
		if !optional[pi] {
			s.Pred++
		}
		if !used[pi] && !optional[pi] {
			p := &doc.Figures[pi]
			s.Extras = append(s.Extras, fmt.Sprintf("%s: EXTRA %q metric=%q :: %s", g.File, p.Raw, p.Metric, p.Quote))
		}
	}
	idOf := func(gi int) string {
		if gi < 0 || gi >= len(match) || match[gi] < 0 {
			return "?"
		}
		return doc.Figures[match[gi]].ID
	}
	for gi := range g.Figures {
		gf := &g.Figures[gi]
		pi := match[gi]
		if pi < 0 {
			s.Misses = append(s.Misses, fmt.Sprintf("%s: MISS %q :: %s", g.File, gf.Raw, gf.Quote))
			continue
		}
		s.Matched++
		p := &doc.Figures[pi]
		check := func(field string, scored, ok bool, got, want string) {
			if !scored || gf.skips(field) {
				return
			}
			s.Fields[field].add(ok)
			if !ok {
				s.Wrong = append(s.Wrong, fmt.Sprintf("%s: %s %q got %s want %s :: %s", g.File, field, gf.Raw, got, want, gf.Quote))
			}
		}
		check("metric", true, labelOK(p.Metric, p.Unit, gf), fmt.Sprintf("%q", p.Metric), fmt.Sprintf("%q %v -%v", gf.Metric, gf.MetricKeywords, gf.MetricForbid))
		check("unit", true, unitOK(p.Unit, gf), fmt.Sprintf("%q", p.Unit), fmt.Sprintf("%q %v", gf.Unit, gf.UnitOK))
		check("role", true, p.Role == gf.Role, p.Role, gf.Role)
		check("bound", true, string(p.Bound) == deref(gf.Bound), string(p.Bound), deref(gf.Bound))
		check("direction", gf.Role == schema.RoleChange || p.Direction != "", p.Direction == deref(gf.Direction), p.Direction, deref(gf.Direction))
		wantParent := ""
		if gf.Parent != nil {
			wantParent = idOf(*gf.Parent)
		}
		check("parent", gf.Parent != nil || p.Parent != "", string(p.Parent) == wantParent, string(p.Parent), wantParent)
		wantRef := ""
		if gf.RefersTo != nil {
			wantRef = idOf(*gf.RefersTo)
		}
		check("refers_to", gf.RefersTo != nil || p.RefersTo != "", string(p.RefersTo) == wantRef, string(p.RefersTo), wantRef)
		check("value_high", gf.ValueHigh != nil || p.ValueHigh != nil, floatEq(p.ValueHigh, gf.ValueHigh), floatStr(p.ValueHigh), floatStr(gf.ValueHigh))
		check("period", gf.Period != nil, periodOK(p.Period, gf.Period), periodStr(p.Period), periodStr(gf.Period))
		check("estimate", true, p.Estimate == gf.Estimate, fmt.Sprint(p.Estimate), fmt.Sprint(gf.Estimate))
		check("compared_with", true, string(p.ComparedWith) == deref(gf.ComparedWith), string(p.ComparedWith), deref(gf.ComparedWith))
		check("subject", true, subjectOK(p.Subject, gf.Subject), fmt.Sprintf("%q", p.Subject), fmt.Sprintf("%q", gf.Subject))
	}
	// The year a plan is for, or the year reported on.
	wantYear, gotYear := g.Meta.ReportYear, doc.Meta.ReportYear
	if g.Meta.ReportYear == 0 && g.Meta.PlanYear > 0 {
		wantYear, gotYear = g.Meta.PlanYear, doc.Meta.PlanYear
	}
	s.Year.add(gotYear == wantYear)
	if gotYear != wantYear {
		s.Wrong = append(s.Wrong, fmt.Sprintf("%s: meta year got %d want %d", g.File, gotYear, wantYear))
	}
	iok := issuerOK(doc.Meta.Issuer, g.Meta)
	s.Issuer.add(iok)
	if !iok {
		s.Wrong = append(s.Wrong, fmt.Sprintf("%s: meta issuer got %q want %q or empty", g.File, doc.Meta.Issuer, g.Meta.Issuer))
	}
	return s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func floatEq(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return near(*a, *b)
}

func floatStr(a *float64) string {
	if a == nil {
		return "null"
	}
	return fmt.Sprint(*a)
}

func periodOK(got, want *schema.Period) bool {
	if got == nil || want == nil {
		return got == nil && want == nil
	}
	month := func(d string) string {
		if len(d) < 7 {
			return d
		}
		return d[:7]
	}
	return month(got.Start) == month(want.Start) && month(got.End) == month(want.End)
}

func periodStr(p *schema.Period) string {
	if p == nil {
		return "null"
	}
	return p.Start + "…" + p.End
}

// words is the text in lower case (tone placement made canonical) as a
// list of syllables, for whole-word matching; diacritics are kept, for
// "phó" is not "phố".
func words(s string) []string {
	return strings.FieldsFunc(vntext.Key(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%'
	})
}

// containsWords reports whether the syllables of phrase occur in order and
// together in hay.
func containsWords(hay, phrase []string) bool {
	if len(phrase) == 0 {
		return true
	}
	for i := 0; i+len(phrase) <= len(hay); i++ {
		ok := true
		for j := range phrase {
			if hay[i+j] != phrase[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// labelOK: every keyword in the metric, no forbidden word, and the metric
// is more than its unit.
func labelOK(metric, unit string, gf *Figure) bool {
	m := words(metric)
	if len(m) == 0 {
		return false
	}
	if u := words(unit); len(u) > 0 && strings.Join(u, " ") == strings.Join(m, " ") && len(gf.MetricKeywords) > 0 && !containsWords(u, words(strings.Join(gf.MetricKeywords, " "))) {
		return false
	}
	for _, k := range gf.MetricKeywords {
		if !containsWords(m, words(k)) {
			return false
		}
	}
	for _, k := range gf.MetricForbid {
		if containsWords(m, words(k)) {
			return false
		}
	}
	return true
}

func unitOK(unit string, gf *Figure) bool {
	u := vntext.Key(vntext.SquashSpace(unit))
	if u == vntext.Key(vntext.SquashSpace(gf.Unit)) {
		return true
	}
	for _, o := range gf.UnitOK {
		if u == vntext.Key(vntext.SquashSpace(o)) {
			return true
		}
	}
	return false
}

// subjectOK: both empty, or the same words one way or the other once the
// common abbreviations are spelled out.
func subjectOK(got, want string) bool {
	g, w := expandWords(got), expandWords(want)
	if len(g) == 0 || len(w) == 0 {
		return len(g) == 0 && len(w) == 0
	}
	return containsWords(g, w) || containsWords(w, g)
}

var abbrev = map[string]string{
	"ubkt": "ủy ban kiểm tra", "btv": "ban thường vụ", "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân",
	"tp": "thành phố", "bch": "ban chấp hành", "mttq": "mặt trận tổ quốc", "đv": "đảng viên",
}

func expandWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		if e, ok := abbrev[w]; ok {
			out = append(out, strings.Fields(e)...)
			continue
		}
		out = append(out, w)
	}
	return out
}

func issuerOK(got string, m Meta) bool {
	if strings.TrimSpace(got) == "" {
		return true
	}
	g := strings.Join(expandWords(got), " ")
	for _, w := range append([]string{m.Issuer}, m.IssuerOK...) {
		if w != "" && strings.Join(expandWords(w), " ") == g {
			return true
		}
	}
	return false
}

// Glob lists the gold files of dir in name order.
func Glob(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	sort.Strings(paths)
	return paths, err
}
