package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// errDuplicate is put's answer for a document whose content is already in the
// catalog.
var errDuplicate = errors.New("already in corpus")

// Insert statements, prepared once per writer and reused for every row.
const (
	insertDocument = `INSERT INTO documents (id, sha256, file, format, bytes, pages, encoding,
		title, issuer, issuer_key, issuer_fold, doc_type, number, place, date, report_year, plan_year,
		signer, signer_title, n_sections, n_paragraphs, n_footnotes, n_figures, n_refs,
		ingested_at, indexed, document, doc_schema)
		VALUES (?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?, ?,0,?,?)`
	insertSection = `INSERT INTO sections (doc, id, seq, number, title, level, parent, path, page)
		VALUES (?,?,?,?,?,?,?,?,?)`
	insertParagraph = `INSERT INTO paragraphs (doc, id, seq, section, page, kind, text)
		VALUES (?,?,?,?,?,?,?)`
	insertFootnote = `INSERT INTO footnotes (doc, seq, id, text, page, ref_paragraph, section)
		VALUES (?,?,?,?,?,?,?)`
	insertFigure = `INSERT INTO figures (doc, id, seq, raw, value, denominator, value_high, unit, kind,
		value_normalized, metric, metric_fold, role, direction, qualifier, bound, parent, partial,
		refers_to, paragraph, footnote, section, section_path, page, span_start, span_end, quote,
		period_start, period_end, estimate, compared_with, subject, subject_fold)
		VALUES (?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?)`
	insertRef = `INSERT INTO refs (doc, seq, id, id_fold, raw, type, number, symbol, date, issuer,
		paragraph, footnote, section, section_path, page, span_start, span_end, quote)
		VALUES (?,?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?)`
)

// store writes documents into the catalog, one transaction each, with
// statements prepared once. It is used by one goroutine at a time.
type store struct {
	c     *Corpus
	stmts map[string]*sql.Stmt
}

func (c *Corpus) newStore(ctx context.Context) (*store, error) {
	s := &store{c: c, stmts: map[string]*sql.Stmt{}}
	for _, q := range []string{insertDocument, insertSection, insertParagraph, insertFootnote, insertFigure, insertRef} {
		st, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			s.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		s.stmts[q] = st
	}
	return s, nil
}

func (s *store) close() {
	for _, st := range s.stmts {
		st.Close()
	}
}

// put stores doc in one transaction: either all its rows land or none do.
// It returns errDuplicate when a document with the same sha256 is present.
// ov, when not zero, is recorded as the user's correction of the document's
// metadata (see MetaOverride); corrections recorded before, for the same
// content, apply as well. On success doc.Meta holds the corrected values,
// which is what the index and the caller must see; the stored JSON keeps
// what extraction read.
func (s *store) put(ctx context.Context, doc *schema.Document, ov MetaOverride) (err error) {
	if doc.ID == "" || doc.Source.SHA256 == "" {
		return errors.New("catalog: document without id or sha256")
	}
	body, err := encodeDocument(doc)
	if err != nil {
		return fmt.Errorf("catalog: encode: %w", err)
	}
	tx, err := s.c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE sha256 = ? OR id = ?`,
		doc.Source.SHA256, doc.ID).Scan(&n); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	if n > 0 {
		return errDuplicate
	}
	meta, err := s.c.effectiveMeta(ctx, tx, doc, ov)
	if err != nil {
		return err
	}
	if err := s.write(ctx, tx, doc, meta, body, s.c.now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("catalog: commit: %w", err)
	}
	doc.Meta = meta
	return nil
}

// replace puts doc in the place of the stored document with its id, in one
// transaction, for a re-extraction: every row is written again from doc,
// the ingest time stays, the user's corrections apply again and the
// document waits for the index (indexed = 0). Like put, it leaves doc.Meta
// corrected.
func (s *store) replace(ctx context.Context, doc *schema.Document) (err error) {
	body, err := encodeDocument(doc)
	if err != nil {
		return fmt.Errorf("catalog: encode: %w", err)
	}
	tx, err := s.c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var at, sha string
	if err := tx.QueryRowContext(ctx, `SELECT ingested_at, sha256 FROM documents WHERE id = ?`, doc.ID).Scan(&at, &sha); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return &NotFoundError{Ref: doc.ID}
		}
		return fmt.Errorf("catalog: %w", err)
	}
	if sha != doc.Source.SHA256 {
		return fmt.Errorf("catalog: document %s: the new extraction is of other content (sha256 %.16s…)", doc.ID, doc.Source.SHA256)
	}
	// The child rows go with the document (ON DELETE CASCADE); the
	// corrections are in a table of their own and stay.
	if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, doc.ID); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	meta, err := s.c.effectiveMeta(ctx, tx, doc, MetaOverride{})
	if err != nil {
		return err
	}
	if err := s.write(ctx, tx, doc, meta, body, at); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("catalog: commit: %w", err)
	}
	doc.Meta = meta
	return nil
}

// write inserts the rows of doc in tx, with meta (the corrected metadata)
// in the document's columns and body as its stored JSON.
func (s *store) write(ctx context.Context, tx *sql.Tx, doc *schema.Document, meta schema.Meta, body []byte, ingestedAt string) error {
	txStmts := make(map[string]*sql.Stmt, len(s.stmts))
	for q, st := range s.stmts {
		txStmts[q] = tx.StmtContext(ctx, st)
	}
	exec := func(q string, args ...any) error {
		_, err := txStmts[q].ExecContext(ctx, args...)
		return err
	}
	m, src := meta, doc.Source
	issuer := vntext.SquashSpace(vntext.NFC(m.Issuer))
	if err := exec(insertDocument, doc.ID, src.SHA256, src.File, src.Format, src.Bytes, src.Pages, src.Encoding,
		m.Title, m.Issuer, vntext.Key(issuer), vntext.Fold(issuer), m.DocType, m.Number, m.Place, m.Date,
		m.ReportYear, m.PlanYear, m.Signer, m.SignerTitle,
		len(doc.Sections), len(doc.Paragraphs), len(doc.Footnotes), len(doc.Figures), len(doc.References),
		ingestedAt, body, doc.SchemaVersion); err != nil {
		return fmt.Errorf("catalog: document: %w", err)
	}
	for i, x := range doc.Sections {
		if err := exec(insertSection, doc.ID, x.ID, i, x.Number, x.Title, x.Level,
			nullString(x.Parent), x.Path, nullInt(x.Page)); err != nil {
			return fmt.Errorf("catalog: section %s: %w", x.ID, err)
		}
	}
	for i, p := range doc.Paragraphs {
		if err := exec(insertParagraph, doc.ID, p.ID, i, nullString(p.Section), nullInt(p.Page),
			p.Kind, p.Text); err != nil {
			return fmt.Errorf("catalog: paragraph %s: %w", p.ID, err)
		}
	}
	for i, f := range doc.Footnotes {
		if err := exec(insertFootnote, doc.ID, i, f.ID, f.Text, nullInt(f.Page),
			nullString(f.RefParagraph), nullString(f.Section)); err != nil {
			return fmt.Errorf("catalog: footnote %d: %w", f.ID, err)
		}
	}
	for i, f := range doc.Figures {
		start, end := periodColumns(f.Period)
		if err := exec(insertFigure, doc.ID, f.ID, i, f.Raw, f.Value, nullFloat(f.Denominator),
			nullFloat(f.ValueHigh), f.Unit, f.Kind, f.ValueNormalized, f.Metric, vntext.Fold(f.Metric),
			f.Role, f.Direction, f.Qualifier, nullString(f.Bound), nullString(f.Parent), f.Partial,
			nullString(f.RefersTo), nullString(f.Paragraph), nullInt(f.Footnote), nullString(f.Section),
			f.SectionPath, nullInt(f.Page), f.Span[0], f.Span[1], f.Quote,
			start, end, f.Estimate, nullString(f.ComparedWith), f.Subject, vntext.Fold(f.Subject)); err != nil {
			return fmt.Errorf("catalog: figure %s: %w", f.ID, err)
		}
	}
	texts := containerTexts(doc)
	for i, r := range doc.References {
		id := canonicalRefID(r.ID)
		quote := quoteAround(texts.of(r.Paragraph, r.Footnote), r.Span)
		if err := exec(insertRef, doc.ID, i, id, vntext.Fold(id), r.Raw, r.Type, r.Number, r.Symbol,
			nullString(r.Date), nullString(r.Issuer), nullString(r.Paragraph), nullInt(r.Footnote),
			nullString(r.Section), r.SectionPath, nullInt(r.Page), r.Span[0], r.Span[1], quote); err != nil {
			return fmt.Errorf("catalog: citation %s: %w", r.ID, err)
		}
	}
	return nil
}

// periodColumns gives the period_start and period_end of a figure: both
// NULL when it has no period, so that the partial index leaves it out.
func periodColumns(p *schema.Period) (start, end any) {
	if p == nil || p.Start == "" && p.End == "" {
		return nil, nil
	}
	return p.Start, p.End
}

// markIndexed records that the index holds the documents ids.
func (c *Corpus) markIndexed(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET indexed = 1 WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// writeOriginal keeps a copy of the file's bytes under files/<sha256>,
// written to a temporary file and renamed, so that the name never points at
// a half-written file. created is false when the file was already there.
func (c *Corpus) writeOriginal(sha string, data []byte) (created bool, err error) {
	dst := c.OriginalPath(sha)
	if _, err := os.Stat(dst); err == nil {
		return false, nil
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("original: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-"+sha[:16]+"-*")
	if err != nil {
		return false, fmt.Errorf("original: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return false, fmt.Errorf("original: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return false, fmt.Errorf("original: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return false, fmt.Errorf("original: %w", err)
	}
	if err = os.Rename(tmp.Name(), dst); err != nil {
		return false, fmt.Errorf("original: %w", err)
	}
	return true, nil
}

func nullString(s schema.NullString) any {
	if s == "" {
		return nil
	}
	return string(s)
}

func nullInt(n schema.NullInt) any {
	if n == 0 {
		return nil
	}
	return int(n)
}

func nullFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

// texts finds the text a citation's span points into.
type texts struct {
	paragraphs map[string]string
	footnotes  map[int]string
}

func containerTexts(doc *schema.Document) texts {
	t := texts{paragraphs: make(map[string]string, len(doc.Paragraphs)), footnotes: make(map[int]string, len(doc.Footnotes))}
	for _, p := range doc.Paragraphs {
		t.paragraphs[p.ID] = p.Text
	}
	for _, f := range doc.Footnotes {
		t.footnotes[f.ID] = f.Text
	}
	return t
}

func (t texts) of(paragraph schema.NullString, footnote schema.NullInt) string {
	if paragraph != "" {
		return t.paragraphs[string(paragraph)]
	}
	if footnote != 0 {
		return t.footnotes[int(footnote)]
	}
	return ""
}

// maxQuote bounds a quote, in runes, on each side of the span.
const maxQuote = 160

// quoteAround returns the sentence of text that holds span (rune offsets),
// cut to maxQuote runes each side of the span with "…" where it was cut. A
// span outside text gives "".
func quoteAround(text string, span [2]int) string {
	if text == "" {
		return ""
	}
	rs := []rune(text)
	start, end := span[0], span[1]
	if start < 0 || end > len(rs) || start > end {
		return ""
	}
	// A sentence ends at ". ", "; " or a line end; "05/6/2024." inside a
	// citation is not a sentence end because the next rune is not a space.
	isEnd := func(i int) bool {
		switch rs[i] {
		case '\n':
			return true
		case '.', ';', '!', '?':
			return i+1 < len(rs) && (rs[i+1] == ' ' || rs[i+1] == '\n')
		}
		return false
	}
	lo := start
	for lo > 0 && !isEnd(lo-1) && start-lo < maxQuote {
		lo--
	}
	hi := end
	for hi < len(rs) && hi-end < maxQuote {
		if isEnd(hi) {
			hi++
			break
		}
		hi++
	}
	q := vntext.SquashSpace(string(rs[lo:hi]))
	if lo > 0 && !isEnd(lo-1) {
		q = "…" + q
	}
	if hi < len(rs) && !isEnd(hi-1) {
		q += "…"
	}
	return q
}
