// Package index is the full-text index of a corpus: the Bleve mapping,
// Vietnamese analysis, batched indexing and search. It is the only package
// that imports Bleve.
package index

import (
	"context"
	"errors"

	"github.com/baocao/baocao/schema"
)

// Index is an open Bleve index.
type Index struct{}

// Open opens the index at path, creating it when missing.
func Open(path string) (*Index, error) { return &Index{}, nil }

// Index adds or replaces the paragraphs, footnotes and figures of docs.
func (ix *Index) Index(docs ...*schema.Document) error { return nil }

// Delete removes everything of the given document ids.
func (ix *Index) Delete(ids ...string) error { return nil }

// DocIDs lists the ids of the documents in the index.
func (ix *Index) DocIDs() ([]string, error) { return nil, nil }

// Close closes the index.
func (ix *Index) Close() error { return nil }

// Request is a search.
type Request struct{ Query string }

// Result is the answer to a Request.
type Result struct{}

// Search runs req.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	return nil, errors.New("index: search not implemented")
}
