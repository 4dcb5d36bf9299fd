package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// MetaOverride is a user's correction of what extraction read from a
// report's letterhead: who issued it, the year it reports on, what kind of
// document it is. A nil field leaves the extracted value.
//
// Corrections are kept in the catalog apart from the extracted Document, so
// that they outlive a re-extraction (Upgrade) and apply again when the same
// content is ingested again; the document's catalog columns, the Document
// that Document loads and the index show the corrected values.
type MetaOverride struct {
	Issuer     *string `json:"issuer,omitempty"`
	ReportYear *int    `json:"report_year,omitempty"`
	DocType    *string `json:"doc_type,omitempty"`
}

// IsZero reports an override that corrects nothing.
func (o MetaOverride) IsZero() bool {
	return o.Issuer == nil && o.ReportYear == nil && o.DocType == nil
}

// Apply puts the corrected values into m.
func (o MetaOverride) Apply(m *schema.Meta) {
	if o.Issuer != nil {
		m.Issuer = *o.Issuer
	}
	if o.ReportYear != nil {
		m.ReportYear = *o.ReportYear
	}
	if o.DocType != nil {
		m.DocType = *o.DocType
	}
}

// merge returns o with the fields that n sets taken from n.
func (o MetaOverride) merge(n MetaOverride) MetaOverride {
	if n.Issuer != nil {
		o.Issuer = n.Issuer
	}
	if n.ReportYear != nil {
		o.ReportYear = n.ReportYear
	}
	if n.DocType != nil {
		o.DocType = n.DocType
	}
	return o
}

// normalize writes an issuer the way the catalog compares it, so that a
// name typed in NFD or with doubled spaces matches the extracted ones.
func (o MetaOverride) normalize() MetaOverride {
	if o.Issuer != nil {
		s := vntext.SquashSpace(vntext.NFC(*o.Issuer))
		o.Issuer = &s
	}
	if o.DocType != nil {
		s := vntext.SquashSpace(vntext.NFC(*o.DocType))
		o.DocType = &s
	}
	return o
}

// MetaFields names fields of a MetaOverride, for ClearMeta.
type MetaFields struct {
	Issuer, ReportYear, DocType bool
}

func (f MetaFields) none() bool { return !f.Issuer && !f.ReportYear && !f.DocType }

// clear removes the fields f names from o; no field named clears them all.
func (o MetaOverride) clear(f MetaFields) MetaOverride {
	if f.none() {
		return MetaOverride{}
	}
	if f.Issuer {
		o.Issuer = nil
	}
	if f.ReportYear {
		o.ReportYear = nil
	}
	if f.DocType {
		o.DocType = nil
	}
	return o
}

// querier is what reading an override needs: the database or a transaction.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readOverride returns the correction recorded for the document id, or the
// zero override.
func readOverride(ctx context.Context, q querier, id string) (MetaOverride, error) {
	var issuer, docType sql.NullString
	var year sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT issuer, report_year, doc_type FROM doc_overrides WHERE doc = ?`, id).
		Scan(&issuer, &year, &docType)
	if errors.Is(err, sql.ErrNoRows) {
		return MetaOverride{}, nil
	}
	if err != nil {
		return MetaOverride{}, fmt.Errorf("catalog: override: %w", err)
	}
	return overrideOf(issuer, year, docType), nil
}

func overrideOf(issuer sql.NullString, year sql.NullInt64, docType sql.NullString) MetaOverride {
	var o MetaOverride
	if issuer.Valid {
		o.Issuer = &issuer.String
	}
	if year.Valid {
		y := int(year.Int64)
		o.ReportYear = &y
	}
	if docType.Valid {
		o.DocType = &docType.String
	}
	return o
}

// writeOverride records o as the correction of the document id, or removes
// the record when o corrects nothing.
func (c *Corpus) writeOverride(ctx context.Context, tx *sql.Tx, id string, o MetaOverride) error {
	if o.IsZero() {
		if _, err := tx.ExecContext(ctx, `DELETE FROM doc_overrides WHERE doc = ?`, id); err != nil {
			return fmt.Errorf("catalog: override: %w", err)
		}
		return nil
	}
	var issuer, docType, year any
	if o.Issuer != nil {
		issuer = *o.Issuer
	}
	if o.ReportYear != nil {
		year = *o.ReportYear
	}
	if o.DocType != nil {
		docType = *o.DocType
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO doc_overrides (doc, issuer, report_year, doc_type, set_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (doc) DO UPDATE SET issuer = excluded.issuer, report_year = excluded.report_year,
			doc_type = excluded.doc_type, set_at = excluded.set_at`,
		id, issuer, year, docType, c.now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("catalog: override: %w", err)
	}
	return nil
}

// effectiveMeta returns doc's metadata with the recorded correction and ov
// (which wins) applied; a non-zero ov is recorded in tx.
func (c *Corpus) effectiveMeta(ctx context.Context, tx *sql.Tx, doc *schema.Document, ov MetaOverride) (schema.Meta, error) {
	cur, err := readOverride(ctx, tx, doc.ID)
	if err != nil {
		return schema.Meta{}, err
	}
	if !ov.IsZero() {
		cur = cur.merge(ov.normalize())
		if err := c.writeOverride(ctx, tx, doc.ID, cur); err != nil {
			return schema.Meta{}, err
		}
	}
	meta := doc.Meta
	cur.Apply(&meta)
	return meta, nil
}

// MetaResult is what SetMeta and ClearMeta did.
type MetaResult struct {
	// Doc is the catalog entry with the corrected metadata.
	Doc DocInfo `json:"document"`
	// Override is every correction now recorded for the document.
	Override MetaOverride `json:"override"`
	// Extracted is the metadata as extraction read it.
	Extracted schema.Meta `json:"extracted"`
	// IndexErr is set when the index could not take the change; the
	// catalog has it and the next Open indexes the document again.
	IndexErr error `json:"-"`
}

// SetMeta records o as a correction of the metadata of the document ref
// names (see Resolve), beside any correction recorded before, and brings
// the catalog and the index in line. It waits for a running ingest.
func (c *Corpus) SetMeta(ctx context.Context, ref string, o MetaOverride) (*MetaResult, error) {
	return c.changeMeta(ctx, ref, func(cur MetaOverride) MetaOverride { return cur.merge(o.normalize()) })
}

// ClearMeta removes the corrections of the fields f names (all of them when
// f names none) from the document ref names: the extracted values stand
// again.
func (c *Corpus) ClearMeta(ctx context.Context, ref string, f MetaFields) (*MetaResult, error) {
	return c.changeMeta(ctx, ref, func(cur MetaOverride) MetaOverride { return cur.clear(f) })
}

func (c *Corpus) changeMeta(ctx context.Context, ref string, change func(MetaOverride) MetaOverride) (*MetaResult, error) {
	info, err := c.Resolve(ctx, ref)
	if err != nil {
		return nil, err
	}
	l, err := waitLock(ctx, filepath.Join(c.dir, lockName))
	if err != nil {
		return nil, err
	}
	defer l.unlock()
	res, err := c.applyMeta(ctx, info.ID, change)
	if err != nil {
		return nil, err
	}
	// applyMeta left the document unindexed; repair indexes it, with
	// anything else a crash left behind.
	_, res.IndexErr = c.repair(ctx)
	return res, nil
}

// applyMeta changes the correction of the document id, with the lock held,
// and writes the corrected metadata into its catalog columns in the same
// transaction. The document is left for the index (indexed = 0).
func (c *Corpus) applyMeta(ctx context.Context, id string, change func(MetaOverride) MetaOverride) (res *MetaResult, err error) {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var body []byte
	if err := tx.QueryRowContext(ctx, `SELECT document FROM documents WHERE id = ?`, id).Scan(&body); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &NotFoundError{Ref: id}
		}
		return nil, fmt.Errorf("catalog: %w", err)
	}
	doc, err := decodeDocument(body)
	if err != nil {
		return nil, fmt.Errorf("catalog: document %s: %w", id, err)
	}
	cur, err := readOverride(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	next := change(cur)
	if err := c.writeOverride(ctx, tx, id, next); err != nil {
		return nil, err
	}
	meta := doc.Meta
	next.Apply(&meta)
	issuer := vntext.SquashSpace(vntext.NFC(meta.Issuer))
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET issuer = ?, issuer_key = ?, issuer_fold = ?,
		report_year = ?, doc_type = ?, indexed = 0 WHERE id = ?`,
		meta.Issuer, vntext.Key(issuer), vntext.Fold(issuer), meta.ReportYear, meta.DocType, id); err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("catalog: commit: %w", err)
	}
	docs, err := c.queryDocInfos(ctx, `d.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(docs) != 1 {
		return nil, &NotFoundError{Ref: id}
	}
	return &MetaResult{Doc: docs[0], Override: next, Extracted: doc.Meta}, nil
}

// Override is a recorded correction with the document it corrects.
type Override struct {
	Document string       `json:"document"`
	File     string       `json:"file"`
	Override MetaOverride `json:"override"`
	SetAt    time.Time    `json:"set_at"`
}

// Overrides lists the recorded corrections of documents in the catalog, by
// file name. The list is empty, not nil, when there are none.
func (c *Corpus) Overrides(ctx context.Context) ([]Override, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT o.doc, d.file, o.issuer, o.report_year, o.doc_type, o.set_at
		FROM doc_overrides o JOIN documents d ON d.id = o.doc ORDER BY d.file, o.doc`)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	out := []Override{}
	for rows.Next() {
		var o Override
		var issuer, docType sql.NullString
		var year sql.NullInt64
		var at string
		if err := rows.Scan(&o.Document, &o.File, &issuer, &year, &docType, &at); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		o.Override = overrideOf(issuer, year, docType)
		o.SetAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, o)
	}
	return out, rows.Err()
}
