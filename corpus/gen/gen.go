// Package gen makes a synthetic corpus for benchmarks: report-sized Markdown
// texts made by varying the bundled Thạch Bàn reports (district and province
// names, years, figures, which paragraphs are present). The texts keep the
// export conventions of the originals (bold, <sup> footnotes, page-break
// splits), so ingest, search, compare and check see realistic input at any
// scale. The arithmetic of a generated report is not consistent: do not use
// them to test check.
package gen

import (
	"context"
	"fmt"
	"io/fs"
	"iter"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// Districts are the synthetic issuers' place names. Index i of Report names
// district Districts[i%len] (with a numeric suffix past the list).
var Districts = []string{
	"Thạch Bàn", "Yên Lạc", "Đông Triều", "Kim Sơn", "Tân Kỳ", "Lục Nam", "Hòa Vang", "Phú Lương",
	"Quế Sơn", "Tiên Lữ", "Nga Sơn", "Mường Khương", "Bảo Yên", "Đức Thọ", "Vĩnh Thạnh", "Ân Thi",
	"Cẩm Khê", "Hải Hậu", "Nghĩa Hưng", "Thanh Ba", "Sơn Động", "Bình Gia", "Chợ Mới", "Na Rì",
	"Lạc Thủy", "Mai Châu", "Yên Thế", "Hiệp Hòa", "Lương Sơn", "Kỳ Sơn", "Quỳ Hợp", "Diễn Châu",
	"Hương Khê", "Cam Lộ", "Phong Điền", "Núi Thành", "Tư Nghĩa", "Tuy Phước", "Sơn Hòa", "Krông Pắc",
	"Đắk Mil", "Bảo Lâm", "Tánh Linh", "Châu Thành", "Gò Công", "Mỏ Cày", "Tam Nông", "Phụng Hiệp",
	"Trần Văn Thời", "Năm Căn",
}

// Provinces pair with districts (i%len), replacing the fictional province.
var Provinces = []string{"Hà Giang Mới", "Sông Lam Mới", "Bắc Sơn Mới", "Đồng Bằng Mới", "Cao Nguyên Mới"}

// Spec says which synthetic report to make.
type Spec struct {
	Issuer int // index into Districts (wraps with a suffix)
	Year   int // report year; the plan year is Year+1
	Seed   uint64
}

// District returns the district name of issuer index i.
func District(i int) string {
	d := Districts[i%len(Districts)]
	if i >= len(Districts) {
		d += " " + strconv.Itoa(i/len(Districts)+1)
	}
	return d
}

type template struct {
	name string
	text string
	year int
}

var templates []template

func loadTemplates() []template {
	if templates != nil {
		return templates
	}
	for _, name := range sample.Names() {
		b, err := fs.ReadFile(sample.FS(), name)
		if err != nil {
			panic(err) // embedded at build time: cannot fail
		}
		year := 0
		if m := regexp.MustCompile(`20\d\d`).FindString(name); m != "" {
			year, _ = strconv.Atoi(m)
		}
		templates = append(templates, template{name: name, text: string(b), year: year})
	}
	return templates
}

var (
	yearRe   = regexp.MustCompile(`\b(19[89]\d|20[0-4]\d)\b`)
	numberRe = regexp.MustCompile(`\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?`)
)

// Report returns the Markdown text of the synthetic report spec describes.
// Party reports are chosen for most specs, the People's Committee report for
// one in four.
func Report(spec Spec) []byte {
	ts := loadTemplates()
	r := rand.New(rand.NewPCG(spec.Seed, uint64(spec.Issuer)<<32|uint64(spec.Year)))
	t := ts[r.IntN(len(ts))]
	text := t.text
	delta := spec.Year - t.year
	district := District(spec.Issuer)
	province := Provinces[spec.Issuer%len(Provinces)]
	text = strings.NewReplacer(
		"Thạch Bàn", district, "THẠCH BÀN", strings.ToUpper(district),
		"Hà Giang Mới", province, "HÀ GIANG MỚI", strings.ToUpper(province),
	).Replace(text)

	var b strings.Builder
	b.Grow(len(text) + len(text)/16)
	for i, para := range strings.Split(text, "\n\n") {
		// Drop a few plain body paragraphs so that documents differ in
		// length and content, but never headings, footnotes or the header.
		if i > 12 && len(para) > 400 && !strings.Contains(para, "<sup>") && !strings.HasPrefix(para, "#") && r.IntN(10) == 0 {
			continue
		}
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(varyNumbers(para, delta, r))
	}
	return []byte(b.String())
}

// varyNumbers shifts years by delta and scales other standalone numbers by a
// random factor, keeping their written form (thousands dots, leading zeros,
// decimal commas). Numbers next to '/' or '-' (dates, ratios, symbols) are
// left alone apart from years.
func varyNumbers(s string, delta int, r *rand.Rand) string {
	s = yearRe.ReplaceAllStringFunc(s, func(y string) string {
		v, _ := strconv.Atoi(y)
		return strconv.Itoa(v + delta)
	})
	locs := numberRe.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		start, end := loc[0], loc[1]
		tok := s[start:end]
		if (start > 0 && strings.ContainsRune("/-", rune(s[start-1]))) ||
			(end < len(s) && strings.ContainsRune("/-", rune(s[end]))) || yearRe.MatchString(tok) {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(scale(tok, 0.8+0.4*r.Float64()))
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

func scale(tok string, f float64) string {
	intPart, frac, hasFrac := strings.Cut(tok, ",")
	digits := strings.ReplaceAll(intPart, ".", "")
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return tok
	}
	if hasFrac {
		fv, _ := strconv.ParseFloat(digits+"."+frac, 64)
		return strings.Replace(strconv.FormatFloat(fv*f, 'f', len(frac), 64), ".", ",", 1)
	}
	n := int64(v*f + 0.5)
	out := strconv.FormatInt(n, 10)
	if len(out) < len(digits) && strings.HasPrefix(digits, "0") {
		out = strings.Repeat("0", len(digits)-len(out)) + out
	}
	if strings.Contains(intPart, ".") {
		var g strings.Builder
		for i, c := range out {
			if i > 0 && (len(out)-i)%3 == 0 {
				g.WriteByte('.')
			}
			g.WriteRune(c)
		}
		out = g.String()
	}
	return out
}

// Specs returns n specs spread the way a real archive is: n/20 issuers, each
// with a report for every year from 2005 to 2024.
func Specs(n int, seed uint64) []Spec {
	issuers := max(1, (n+19)/20)
	specs := make([]Spec, n)
	for i := range specs {
		specs[i] = Spec{Issuer: i % issuers, Year: 2005 + (i/issuers)%20, Seed: seed}
	}
	return specs
}

// Name is the file name Texts gives a spec's report.
func Name(i int, spec Spec) string {
	return fmt.Sprintf("gen-%05d-%d-%d.md", i, spec.Issuer, spec.Year)
}

// Texts yields n synthetic reports as (file name, Markdown text).
func Texts(n int, seed uint64) iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		for i, spec := range Specs(n, seed) {
			if !yield(Name(i, spec), Report(spec)) {
				return
			}
		}
	}
}

// Documents yields n synthetic reports extracted into Documents, one at a
// time so that 20,000 of them need not fit in memory together.
func Documents(n int, seed uint64) iter.Seq2[*schema.Document, error] {
	return func(yield func(*schema.Document, error) bool) {
		for name, text := range Texts(n, seed) {
			doc, err := extract.Bytes(context.Background(), name, text, extract.Options{NoOCR: true})
			if !yield(doc, err) {
				return
			}
		}
	}
}
