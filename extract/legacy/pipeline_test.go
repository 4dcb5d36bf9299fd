package legacy_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// TestExtractLegacyFiles runs the whole pipeline on the legacy samples: a
// text file in any of the encodings gives the paragraphs of the UTF-8 file
// and names its encoding.
func TestExtractLegacyFiles(t *testing.T) {
	dir := sample.RepoFile("testdata/legacy")
	read := func(name string) *schema.Document {
		t.Helper()
		path := filepath.Join(dir, name)
		if filepath.Dir(name) != "." {
			path = name // this package's testdata
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := extract.Bytes(context.Background(), "x.txt", data, extract.Options{})
		if err != nil {
			t.Fatalf("extract %s: %v", name, err)
		}
		return doc
	}
	want := read("sample.utf8.txt")
	tests := []struct{ file, enc string }{
		{"sample.cp1258.txt", "windows-1258"},
		{"sample.tcvn3.txt", "tcvn3"},
		{"sample.nfd.txt", "utf-8"},
		{"testdata/sample.vni.txt", "vni"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := read(tt.file)
			if got.Source.Encoding != tt.enc {
				t.Errorf("Source.Encoding = %q, want %q", got.Source.Encoding, tt.enc)
			}
			if len(got.Paragraphs) != len(want.Paragraphs) {
				t.Fatalf("%d paragraphs, want %d", len(got.Paragraphs), len(want.Paragraphs))
			}
			for i := range want.Paragraphs {
				if got.Paragraphs[i].Text != want.Paragraphs[i].Text {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i, got.Paragraphs[i].Text, want.Paragraphs[i].Text)
				}
			}
		})
	}
}
