// Package pdf reads PDF reports into blocks.
package pdf

import (
	"context"
	"errors"

	"github.com/baocao/baocao/extract/block"
)

// Options tune Read.
type Options struct {
	// OCR reads pages without a usable text layer; nil reports them as errors.
	OCR block.OCRFunc
}

// Read returns the blocks of a PDF.
func Read(ctx context.Context, data []byte, opts Options) (*block.Source, error) {
	return nil, errors.New("pdf: not implemented")
}
