package check

import (
	"strings"
	"unicode"

	"github.com/baocao/baocao/extract/vntext"
)

// normText is the form in which two spellings compare equal: NFC, canonical
// tone placement, lower case, single spaces, typographic quotes dropped.
func normText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '"', '\'', '‘', '’', '*':
			return -1
		}
		return r
	}, s)
	return vntext.SquashSpace(vntext.Key(s))
}

// stopSyllables carry no meaning for telling metrics apart: "kết nạp được
// 230 đảng viên" and "kết nạp 212 đảng viên" count the same thing.
var stopSyllables = map[string]bool{
	"được": true, "đã": true, "các": true, "có": true, "là": true, "của": true,
	"cho": true, "và": true, "với": true, "số": true, "tổng": true, "toàn": true,
	"những": true, "trong": true, "đạt": true, "lượt": false,
}

// synonyms are general verbs reports use in turn for one act: admitting
// members is "kết nạp" or "phát triển" (đảng viên, đoàn viên, hội viên).
var synonyms = []struct{ from, to []string }{
	{[]string{"phát", "triển", "đảng", "viên"}, []string{"kết", "nạp", "đảng", "viên"}},
	{[]string{"phát", "triển", "đoàn", "viên"}, []string{"kết", "nạp", "đoàn", "viên"}},
	{[]string{"phát", "triển", "hội", "viên"}, []string{"kết", "nạp", "hội", "viên"}},
}

// metricWords splits a metric label into its meaningful syllables.
func metricWords(m string) []string {
	f := strings.FieldsFunc(normText(m), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
	var out []string
	for _, w := range f {
		if !stopSyllables[w] {
			out = append(out, w)
		}
	}
	for _, s := range synonyms {
		out = replaceRun(out, s.from, s.to)
	}
	return out
}

// replaceRun replaces each occurrence of from in ws with to, allowing one
// other syllable in between ("phát triển 241 đảng viên" reads the same after
// the number is gone, and "phát triển mới đảng viên" is rare but harmless).
func replaceRun(ws, from, to []string) []string {
	for i := 0; i+len(from) <= len(ws); i++ {
		match := true
		for j := range from {
			if ws[i+j] != from[j] {
				match = false
				break
			}
		}
		if match {
			copy(ws[i:], to)
		}
	}
	return ws
}

// key is normText, remembered for the checker's lifetime: units and labels
// are compared pairwise, and normalizing is most of the cost.
func (c *checker) key(s string) string {
	if k, ok := c.keys[s]; ok {
		return k
	}
	k := normText(s)
	c.keys[s] = k
	return k
}

// words is the set of a label's meaningful syllables, remembered.
func (c *checker) words(m string) map[string]bool {
	if w, ok := c.wordSets[m]; ok {
		return w
	}
	w := map[string]bool{}
	for _, x := range metricWords(m) {
		w[x] = true
	}
	c.wordSets[m] = w
	return w
}

// similarity is the Jaccard index of two labels' syllable sets: 1 for the
// same words in any order, 0 for nothing in common or an empty label.
func (c *checker) similarity(a, b string) float64 {
	sa, sb := c.words(a), c.words(b)
	if len(sa) == 0 || len(sb) == 0 {
		return 0
	}
	inter := 0
	for w := range sa {
		if sb[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}
