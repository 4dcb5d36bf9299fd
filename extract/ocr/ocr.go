// Package ocr reads scanned PDF pages with Tesseract.
package ocr

import (
	"context"
	"errors"

	"github.com/baocao/baocao/extract/block"
)

// Options tune Pages.
type Options struct {
	Jobs int // pages OCR'd at once; 0 means runtime.NumCPU()
	Lang string
}

// New returns an OCRFunc for the PDF reader.
func New(opts Options) block.OCRFunc {
	return func(ctx context.Context, pdf []byte, pages []int) ([]block.Block, float64, error) {
		return nil, 0, errors.New("ocr: not implemented")
	}
}
