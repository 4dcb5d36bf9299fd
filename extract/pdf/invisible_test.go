package pdf_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/pdf"
)

// scanWithLayer is a page that draws an image (standing for the scan) and,
// over it, text in render mode 3 (invisible) when hidden is set: what a
// scanner's or ocrmypdf's OCR leaves in a "searchable" PDF.
func scanWithLayer(hidden bool, paras ...string) []byte {
	p := &testPage{}
	p.b.WriteString("q 595 0 0 842 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q\n")
	if hidden {
		p.b.WriteString("3 Tr\n")
	}
	p.flow(780, 13, 70, 525, 30, 18, 6, paras...)
	return testPDF(p)
}

func TestInvisibleOCRLayer(t *testing.T) {
	plain := []string{
		"Dang bo huyen co 51 chi, dang bo truc thuoc, gom 42 dang bo va 9 chi bo co so voi 9.582 dang vien. Nam 2024, ket nap 260 dang vien moi, dat 103,6% chi tieu.",
		"Uy ban kiem tra cac cap da tien hanh kiem tra 498 luot to chuc dang va 256 luot dang vien, giam sat 435 luot to chuc dang va 620 luot dang vien.",
	}
	vietnamese := []string{
		"Đảng bộ huyện có 51 chi, đảng bộ trực thuộc, gồm 42 đảng bộ và 9 chi bộ cơ sở với 9.582 đảng viên. Năm 2024, kết nạp 260 đảng viên mới, đạt 103,6% chỉ tiêu.",
		"Ủy ban kiểm tra các cấp đã tiến hành kiểm tra 498 lượt tổ chức đảng và 256 lượt đảng viên, giám sát 435 lượt tổ chức đảng và 620 lượt đảng viên.",
	}
	tests := []struct {
		name     string
		data     []byte
		ocr      bool
		wantOCR  bool   // the page went to OCR
		wantText string // the start of the first block
		warning  string
	}{
		{"diacritics lost, OCR at hand", scanWithLayer(true, plain...), true, true, "OCR", "invisible layer: read again with OCR"},
		{"diacritics lost, no OCR", scanWithLayer(true, plain...), false, false, "Dang bo huyen", "invisible layer, without Vietnamese diacritics"},
		// A Vietnamese layer still lacks type sizes and raised marks: with
		// OCR at hand the image is read again.
		{"a Vietnamese layer, OCR at hand", scanWithLayer(true, vietnamese...), true, true, "OCR", "invisible layer: read again with OCR"},
		{"a Vietnamese layer, no OCR", scanWithLayer(true, vietnamese...), false, false, "Đảng bộ huyện", ""},
		// Visible unaccented text is what the document says (an English
		// annex, a table of codes): never read again.
		{"visible text without diacritics", scanWithLayer(false, plain...), true, false, "Dang bo huyen", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var asked []int
			opts := pdf.Options{}
			if tt.ocr {
				opts.OCR = func(ctx context.Context, _ []byte, pages []int) ([]block.Block, float64, error) {
					asked = pages
					return []block.Block{{Text: "OCR of the page", Page: 1}}, 90, nil
				}
			}
			src, err := pdf.Read(context.Background(), tt.data, opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(asked) > 0; got != tt.wantOCR {
				t.Errorf("OCR asked for %v, want OCR %v", asked, tt.wantOCR)
			}
			if len(src.Blocks) == 0 || !strings.HasPrefix(src.Blocks[0].Text, tt.wantText) {
				t.Errorf("blocks %v, want the first to start %q", src.Blocks, tt.wantText)
			}
			joined := strings.Join(src.Warnings, "\n")
			if tt.warning == "" && strings.Contains(joined, "layer") || !strings.Contains(joined, tt.warning) {
				t.Errorf("warnings %q, want one with %q", src.Warnings, tt.warning)
			}
		})
	}
}

// TestInvisibleLayerOCRFails: when OCR cannot run (no Tesseract), the
// error says the layer can be read instead.
func TestInvisibleLayerOCRFails(t *testing.T) {
	fail := func(context.Context, []byte, []int) ([]block.Block, float64, error) {
		return nil, 0, errors.New("ocr: tesseract not found")
	}
	_, err := pdf.Read(context.Background(), scanWithLayer(true, "Đảng bộ huyện có 51 chi, đảng bộ trực thuộc, gồm 42 đảng bộ và 9 chi bộ cơ sở với 9.582 đảng viên."), pdf.Options{OCR: fail})
	if err == nil || !strings.Contains(err.Error(), "tesseract not found") || !strings.Contains(err.Error(), "page 1 has an invisible text layer") {
		t.Errorf("err = %v, want the OCR error and a word on the layer", err)
	}
}
