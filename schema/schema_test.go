package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sampleDocument() *Document {
	return &Document{
		SchemaVersion: Version,
		ID:            "0123456789abcdef",
		Source:        Source{File: "vinhbao-2024.pdf", Format: FormatPDF, SHA256: "0123456789abcdef00", Bytes: 1234, Pages: 9, Encoding: "utf-8"},
		Meta: Meta{Title: "Báo cáo tổng kết", Issuer: "Huyện ủy Vĩnh Bảo", DocType: "Báo cáo", Number: "123-BC/HU",
			Place: "Vĩnh Bảo", Date: "2025-01-10", ReportYear: 2024, PlanYear: 2025, Signer: "Nguyễn Văn A", SignerTitle: "Phó Bí thư"},
		Sections: []Section{
			{ID: "s1", Number: "Phần thứ nhất", Title: "KẾT QUẢ", Level: 1, Path: "Phần thứ nhất"},
			{ID: "s4", Number: "II", Title: "KẾT QUẢ ĐẠT ĐƯỢC", Level: 2, Parent: "s1", Path: "Phần thứ nhất/II", Page: 3},
		},
		Paragraphs: []Paragraph{{ID: "p17", Section: "s4", Page: 3, Text: "Kết nạp 260/251 đảng viên mới", FootnoteRefs: []FootnoteRef{{ID: 1, Offset: 12}}}},
		Footnotes:  []Footnote{{ID: 1, Text: "Xếp loại", Page: 3, RefParagraph: "p17", Section: "s4"}},
		Figures: []Figure{{ID: "f52", Raw: "260/251", Value: 260, Denominator: Float(251), Unit: "đảng viên", Kind: KindRatio,
			ValueNormalized: 260, Metric: "kết nạp đảng viên mới", Role: RoleActual, Paragraph: "p17", Section: "s4",
			SectionPath: "Phần thứ nhất/II", Page: 3, Span: [2]int{8, 15}, Quote: "Kết nạp 260/251 đảng viên mới"}},
		References: []Reference{{ID: "154-KH/HU", Raw: "Kế hoạch số 154-KH/HU, ngày 05/6/2024", Type: "Kế hoạch", Number: "154",
			Symbol: "KH/HU", Date: "2024-06-05", Issuer: "Ban Thường vụ Huyện ủy", Paragraph: "p5", Span: [2]int{0, 36}}},
	}
}

// TestDocumentJSON pins the field names of the JSON contract: a renamed field
// changes the golden file, and the review of that diff is the point.
func TestDocumentJSON(t *testing.T) {
	doc := sampleDocument()
	got, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "document.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Errorf("JSON differs from %s (run with -update and review the diff):\n%s", golden, got)
	}
	var back Document
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc, &back) {
		t.Errorf("round trip changed the document:\n got %+v\nwant %+v", back, *doc)
	}
}

func TestNullFields(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"empty string is null", NullString(""), "null"},
		{"string", NullString("s1"), `"s1"`},
		{"zero is null", NullInt(0), "null"},
		{"int", NullInt(7), "7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("got %s, want %s", b, tt.want)
			}
		})
	}
}

func TestSetEmptyWritesLists(t *testing.T) {
	d := &Document{Paragraphs: []Paragraph{{ID: "p1"}}}
	d.SetEmpty()
	b, _ := json.Marshal(d)
	for _, key := range []string{`"sections":[]`, `"footnotes":[]`, `"figures":[]`, `"references":[]`, `"footnote_refs":[]`} {
		if !bytes.Contains(b, []byte(key)) {
			t.Errorf("missing %s in %s", key, b)
		}
	}
}
