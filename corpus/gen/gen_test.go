package gen

import (
	"bytes"
	"strings"
	"testing"
)

func TestReportVaries(t *testing.T) {
	a := Report(Spec{Issuer: 3, Year: 2015, Seed: 1})
	b := Report(Spec{Issuer: 3, Year: 2015, Seed: 1})
	if !bytes.Equal(a, b) {
		t.Fatal("same spec must give the same text")
	}
	c := Report(Spec{Issuer: 4, Year: 2015, Seed: 1})
	if bytes.Equal(a, c) {
		t.Fatal("different issuers gave the same text")
	}
	if !strings.Contains(string(a), District(3)) || strings.Contains(string(a), "Thạch Bàn") {
		t.Errorf("district not replaced: %.200s", a)
	}
	if !strings.Contains(string(a), "2015") {
		t.Errorf("report year 2015 missing")
	}
	if len(a) < 10_000 {
		t.Errorf("report too short for a report-sized document: %d bytes", len(a))
	}
}

func TestScaleKeepsForm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"6.214", "6.214"},
		{"07", "07"},
		{"94,9", "94,9"},
		{"1250", "1250"},
	}
	for _, tt := range tests {
		if got := scale(tt.in, 1); got != tt.want {
			t.Errorf("scale(%q, 1) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := scale("6.214", 2); got != "12.428" {
		t.Errorf("scale thousands = %q", got)
	}
}

func TestSpecsAndTexts(t *testing.T) {
	n := 0
	names := map[string]bool{}
	for name, text := range Texts(45, 7) {
		n++
		names[name] = true
		if len(text) == 0 {
			t.Fatalf("%s empty", name)
		}
	}
	if n != 45 || len(names) != 45 {
		t.Fatalf("got %d texts, %d names", n, len(names))
	}
}

func BenchmarkReport(b *testing.B) {
	var size int64
	i := 0
	for b.Loop() {
		text := Report(Spec{Issuer: i % 50, Year: 2010 + i%20, Seed: 1})
		size += int64(len(text))
		i++
	}
	b.SetBytes(size / int64(max(i, 1)))
}
