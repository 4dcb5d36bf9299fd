package compare

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	"github.com/baocao/baocao/extract/vntext"
)

// stopSyllables carry no meaning of their own in a metric label: function
// words, time words and the verbs that only say a result was reached. They
// are dropped before labels are compared, so "kết nạp được 230 đảng viên" and
// "kết nạp 212 đảng viên mới" share the content "kết nạp … đảng viên".
var stopSyllables = setOf(
	"được", "đã", "các", "của", "và", "có", "là", "trong", "với", "cho", "toàn", "tổng",
	"số", "năm", "này", "đó", "những", "một", "đến", "tại", "từ", "trên", "dưới", "gần",
	"khoảng", "hơn", "lên", "trở", "đạt", "bằng", "tăng", "giảm", "so", "cùng", "kỳ",
	"mới", "thêm", "hiện", "nay", "tiếp", "tục", "ra", "vào", "về", "theo", "ít", "nhất",
	"chiếm", "tỷ", "lệ", "đồng", "chí", "qua", "đó", "còn", "vẫn", "cả", "mỗi",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[vntext.Key(w)] = true
	}
	return m
}

// syllables splits a label into its Vietnamese syllables in Key form,
// dropping punctuation, digits and stop syllables.
func syllables(s string) []string {
	f := strings.FieldsFunc(vntext.Key(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r)
	})
	out := f[:0]
	for i := 0; i < len(f); i++ {
		w := f[i]
		// "từ … trở lên" is a bound that is part of what a share counts
		// ("xếp loại từ hoàn thành tốt nhiệm vụ trở lên" is not the share
		// of "hoàn thành tốt nhiệm vụ"): keep it as one feature.
		if w == "trở" && i+1 < len(f) && f[i+1] == "lên" {
			out = append(out, "trở_lên")
			i++
			continue
		}
		if !stopSyllables[w] {
			out = append(out, w)
		}
	}
	return out
}

// features is what the aligner compares: syllables and syllable pairs, since
// Vietnamese words are mostly two syllables ("đảng viên", "kết nạp") and a
// pair match is far stronger evidence than a shared "đảng". Keys are hashes
// kept sorted, so that comparing two labels is one merge, without maps.
type features struct {
	keys  []uint64
	w     []float64
	total float64
}

func hashKey(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func newFeatures(syl []string) features {
	m := make(map[uint64]float64, 2*len(syl))
	for i, w := range syl {
		m[hashKey(w)] += 1
		if i+1 < len(syl) {
			m[hashKey(w+" "+syl[i+1])] += 2
		}
	}
	f := features{keys: make([]uint64, 0, len(m)), w: make([]float64, 0, len(m))}
	for k := range m {
		f.keys = append(f.keys, k)
	}
	slices.Sort(f.keys)
	for _, k := range f.keys {
		f.w = append(f.w, m[k])
		f.total += m[k]
	}
	return f
}

// dice is the weighted Dice coefficient of two feature sets, 0..1.
func dice(a, b features) float64 {
	if a.total+b.total == 0 {
		return 0
	}
	var inter float64
	i, j := 0, 0
	for i < len(a.keys) && j < len(b.keys) {
		switch {
		case a.keys[i] < b.keys[j]:
			i++
		case a.keys[i] > b.keys[j]:
			j++
		default:
			inter += min(a.w[i], b.w[j])
			i++
			j++
		}
	}
	return 2 * inter / (a.total + b.total)
}
