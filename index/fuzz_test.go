package index

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzSearch feeds arbitrary queries, in both syntaxes, to an index: a
// query gives hits or an error, never a panic or a hang.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"ket nap dang vien", `"Dân vận khéo"`, "28-NQ/TU", "81- kh/hu", `+fold:"dan van" -year:2022`,
		`"unclosed`, "year:>=", "(((", `text:/.*/`, "\u2029", "1232/NQ-UBTVQH15 đảng", "a~2", "*", "A /$/",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	ix := mustIndex(f, fixture)
	f.Fuzz(func(t *testing.T, q string, advanced bool) {
		if len(q) > 300 || !utf8.ValidString(q) {
			return
		}
		syntax := SyntaxPlain
		if advanced {
			syntax = SyntaxBleve
		}
		res, err := ix.Search(context.Background(), Request{Query: q, Syntax: syntax})
		var qe *QueryError
		if err != nil && !errors.As(err, &qe) && !errors.Is(err, ErrEmptyQuery) {
			t.Fatalf("%q: %v", q, err)
		}
		if err == nil && res.Hits == nil {
			t.Fatalf("%q: nil hits", q)
		}
	})
}

// FuzzStored checks that the stored form reads back what was written and
// that damaged bytes give an error, not a panic.
func FuzzStored(f *testing.F) {
	for _, s := range fixture {
		f.Add(newStored(s.document()).marshal())
	}
	f.Add([]byte{storedVersion, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := unmarshalStored(b)
		if err != nil {
			return
		}
		again, err := unmarshalStored(st.marshal())
		if err != nil {
			t.Fatalf("re-read: %v", err)
		}
		if !reflect.DeepEqual(normalizeNaN(st), normalizeNaN(again)) {
			t.Fatalf("round trip changed %+v into %+v", st, again)
		}
	})
}

// normalizeNaN makes NaN values comparable for DeepEqual.
func normalizeNaN(st *stored) *stored {
	for i := range st.Figures {
		f := &st.Figures[i]
		if f.Value != f.Value {
			f.Value = 0
		}
		if f.ValueNormalized != f.ValueNormalized {
			f.ValueNormalized = 0
		}
	}
	return st
}

func TestStoredRoundTrip(t *testing.T) {
	for _, s := range fixture {
		t.Run(s.id, func(t *testing.T) {
			st := newStored(s.document())
			got, err := unmarshalStored(st.marshal())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(st, got) {
				t.Errorf("got %+v\nwant %+v", got, st)
			}
			for i := range st.Figures {
				if q := got.quote(&got.Figures[i]); q != s.figures[i].Quote {
					t.Errorf("quote %q, want %q", q, s.figures[i].Quote)
				}
			}
		})
	}
	if _, err := unmarshalStored([]byte{storedVersion, 3}); err == nil {
		t.Error("truncated input read without error")
	}
}
