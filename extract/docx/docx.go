// Package docx reads Word (OOXML) reports into blocks.
package docx

import (
	"errors"

	"github.com/baocao/baocao/extract/block"
)

// Read returns the blocks of a DOCX file.
func Read(data []byte) (*block.Source, error) {
	return nil, errors.New("docx: not implemented")
}
