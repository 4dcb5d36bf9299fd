package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzQuoteAround checks that any span, in or out of any text, gives a
// quote without a panic, and that a span inside the text is in its quote.
func FuzzQuoteAround(f *testing.F) {
	f.Add("Thực hiện Kế hoạch số 154-KH/HU, ngày 05/6/2024. Tiếp theo.", 22, 31)
	f.Add("a. b; c\nd", 0, 1)
	f.Add("", 0, 0)
	f.Add("x", -1, 3)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if len(text) > 1<<16 {
			return
		}
		q := quoteAround(text, [2]int{start, end})
		rs := []rune(text)
		if start < 0 || end > len(rs) || start > end || text == "" {
			if q != "" {
				t.Fatalf("span %d-%d outside %d runes gave %q", start, end, len(rs), q)
			}
			return
		}
		if !utf8.ValidString(text) {
			return
		}
		inner := strings.Join(strings.Fields(string(rs[start:end])), " ")
		if !strings.Contains(q, inner) {
			t.Fatalf("quote %q lacks the span %q", q, inner)
		}
	})
}

// FuzzCanonicalRefID checks that canonical ids are fixed points: an id the
// catalog stores reads back to itself when a user types it.
func FuzzCanonicalRefID(f *testing.F) {
	for _, s := range []string{"154-KH/HU", "Số 28- nq/tu", "1232/NQ-UBTVQH15", "so  07-NQ/ĐU", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := canonicalRefID(s)
		if again := canonicalRefID(id); again != id {
			t.Fatalf("canonicalRefID(%q) = %q, but canonicalRefID(%q) = %q", s, id, id, again)
		}
	})
}
