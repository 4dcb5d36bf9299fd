// Package markdown reads text and Markdown exports of reports into blocks.
package markdown

import (
	"errors"

	"github.com/baocao/baocao/extract/block"
)

// Read splits UTF-8 text (already decoded) into blocks. format is
// schema.FormatMarkdown or schema.FormatText.
func Read(text string, format string) (*block.Source, error) {
	return nil, errors.New("markdown: not implemented")
}
