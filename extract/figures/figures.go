// Package figures finds the numbers a report states and what they count.
package figures

import "github.com/baocao/baocao/schema"

// Find returns the figures of doc's paragraphs and footnotes.
func Find(doc *schema.Document) []schema.Figure {
	return nil
}
