package corpus

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/baocao/baocao/schema"
)

func TestDocumentBlob(t *testing.T) {
	doc := &schema.Document{SchemaVersion: 1, ID: "abc", Meta: schema.Meta{Issuer: "Huyện ủy Thạch Bàn", ReportYear: 2023},
		Paragraphs: []schema.Paragraph{{ID: "p1", Text: "Kết nạp 241 đảng viên mới."}}}
	plain, _ := json.Marshal(doc)
	packed, err := encodeDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		body []byte
	}{
		{"gzip, as written now", packed},
		{"plain JSON, as written by earlier catalogs", plain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeDocument(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, doc) {
				t.Errorf("got %+v, want %+v", got, doc)
			}
		})
	}
	if _, err := decodeDocument([]byte{0x1f, 0x8b, 0, 1, 2}); err == nil {
		t.Error("a damaged blob must be an error")
	}
}
