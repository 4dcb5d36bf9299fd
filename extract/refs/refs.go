// Package refs finds citations of numbered Party and State documents.
package refs

import "github.com/baocao/baocao/schema"

// Find returns the citations in doc's paragraphs and footnotes.
func Find(doc *schema.Document) []schema.Reference {
	return nil
}
