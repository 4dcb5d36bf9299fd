package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// DocInfo is a catalog entry: what a document is, without its content.
type DocInfo struct {
	ID         string        `json:"id"`
	Source     schema.Source `json:"source"`
	Meta       schema.Meta   `json:"meta"`
	Counts     Counts        `json:"counts"`
	IngestedAt time.Time     `json:"ingested_at"`
	// Indexed is false while the full-text index does not hold the document
	// yet (a crash between the two writes); the next Open repairs it.
	Indexed bool `json:"indexed"`
}

// Counts is how much was extracted from a document.
type Counts struct {
	Sections   int `json:"sections"`
	Paragraphs int `json:"paragraphs"`
	Footnotes  int `json:"footnotes"`
	Figures    int `json:"figures"`
	References int `json:"references"`
}

// NotFoundError says that no document answers to Ref.
type NotFoundError struct{ Ref string }

func (e *NotFoundError) Error() string { return fmt.Sprintf("no document %q in the corpus", e.Ref) }

// AmbiguousError says that several documents answer to Ref.
type AmbiguousError struct {
	Ref        string
	Candidates []DocInfo
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d documents:", e.Ref, len(e.Candidates))
	for _, d := range e.Candidates {
		fmt.Fprintf(&b, "\n  %s  %s", d.ID, d.Source.File)
		if d.Meta.Issuer != "" || d.Meta.ReportYear != 0 {
			fmt.Fprintf(&b, " (%s %d)", d.Meta.Issuer, d.Meta.ReportYear)
		}
	}
	return b.String()
}

const docColumns = `d.id, d.sha256, d.file, d.format, d.bytes, d.pages, d.encoding,
	d.title, d.issuer, d.doc_type, d.number, d.place, d.date, d.report_year, d.plan_year,
	d.signer, d.signer_title, d.n_sections, d.n_paragraphs, d.n_footnotes, d.n_figures, d.n_refs,
	d.ingested_at, d.indexed`

func scanDocInfo(rows interface{ Scan(...any) error }) (DocInfo, error) {
	var d DocInfo
	var at string
	err := rows.Scan(&d.ID, &d.Source.SHA256, &d.Source.File, &d.Source.Format, &d.Source.Bytes,
		&d.Source.Pages, &d.Source.Encoding, &d.Meta.Title, &d.Meta.Issuer, &d.Meta.DocType,
		&d.Meta.Number, &d.Meta.Place, &d.Meta.Date, &d.Meta.ReportYear, &d.Meta.PlanYear,
		&d.Meta.Signer, &d.Meta.SignerTitle, &d.Counts.Sections, &d.Counts.Paragraphs,
		&d.Counts.Footnotes, &d.Counts.Figures, &d.Counts.References, &at, &d.Indexed)
	if err != nil {
		return d, err
	}
	d.IngestedAt, _ = time.Parse(time.RFC3339, at)
	return d, nil
}

func (c *Corpus) queryDocInfos(ctx context.Context, where string, args ...any) ([]DocInfo, error) {
	q := `SELECT ` + docColumns + ` FROM documents d`
	if where != "" {
		q += ` WHERE ` + where
	}
	q += ` ORDER BY d.issuer_fold, d.issuer_key, d.report_year, d.file, d.id`
	rows, err := c.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	out := []DocInfo{}
	for rows.Next() {
		d, err := scanDocInfo(rows)
		if err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Count returns the number of documents in the catalog.
func (c *Corpus) Count(ctx context.Context) (int, error) {
	var n int
	err := c.db.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&n)
	return n, err
}

// DocFilter selects documents. The zero value selects all.
type DocFilter struct {
	// Issuer matches regardless of case and tone placement, as the whole
	// name or a part of it ("thạch bàn" finds "Huyện ủy Thạch Bàn"); only
	// when nothing matches that way is it matched without diacritics.
	Issuer string
	Year   int // report year; 0 for any
}

// Documents lists the documents that f selects, by issuer and year. The list
// is empty, not nil, when none match.
func (c *Corpus) Documents(ctx context.Context, f DocFilter) ([]DocInfo, error) {
	var conds []string
	var args []any
	if f.Issuer != "" {
		cond, arg, err := c.issuerCond(ctx, f.Issuer)
		if err != nil {
			return nil, err
		}
		conds = append(conds, cond)
		args = append(args, arg)
	}
	if f.Year != 0 {
		conds = append(conds, `d.report_year = ?`)
		args = append(args, f.Year)
	}
	return c.queryDocInfos(ctx, strings.Join(conds, " AND "), args...)
}

// issuerCond picks how to match an issuer name a user typed: the first of
// exact key, key substring, exact fold, fold substring that finds a
// document. Folding comes last because it merges different names ("Đông" and
// "Động"); it is only a fallback for a user without a Vietnamese keyboard.
func (c *Corpus) issuerCond(ctx context.Context, issuer string) (cond string, arg string, err error) {
	q := vntext.SquashSpace(issuer)
	key, fold := vntext.Key(q), vntext.Fold(q)
	tries := []struct{ cond, arg string }{
		{`d.issuer_key = ?`, key},
		{`instr(d.issuer_key, ?) > 0`, key},
		{`d.issuer_fold = ?`, fold},
		{`instr(d.issuer_fold, ?) > 0`, fold},
	}
	for _, t := range tries {
		var one int
		err := c.db.QueryRowContext(ctx, `SELECT 1 FROM documents d WHERE `+t.cond+` LIMIT 1`, t.arg).Scan(&one)
		if err == nil {
			return t.cond, t.arg, nil
		}
		if err != sql.ErrNoRows {
			return "", "", fmt.Errorf("catalog: %w", err)
		}
	}
	return tries[0].cond, tries[0].arg, nil
}

var hexRef = regexp.MustCompile(`^[0-9a-fA-F]{4,64}$`)

// Resolve finds the one document ref names: its id, a prefix (4 or more hex
// digits) of its id or sha256, or its file name, whole or without its
// extensions ("thachban-2022" for "thachban-2022.export.md"; a directory part
// is ignored). It returns a *NotFoundError or an
// *AmbiguousError listing the candidates.
func (c *Corpus) Resolve(ctx context.Context, ref string) (DocInfo, error) {
	ref = strings.TrimSpace(ref)
	tries := []struct {
		ok    bool
		where string
		arg   string
	}{
		{true, `d.id = ?`, strings.ToLower(ref)},
		{hexRef.MatchString(ref), `(substr(d.sha256, 1, length(?1)) = ?1)`, strings.ToLower(ref)},
		{true, `d.file = ?`, filepath.Base(ref)},
		{true, `substr(d.file, 1, length(?1) + 1) = ?1 || '.'`, filepath.Base(ref)},
	}
	for _, t := range tries {
		if !t.ok || t.arg == "" {
			continue
		}
		docs, err := c.queryDocInfos(ctx, t.where, t.arg)
		if err != nil {
			return DocInfo{}, err
		}
		switch len(docs) {
		case 0:
			continue
		case 1:
			return docs[0], nil
		default:
			return DocInfo{}, &AmbiguousError{Ref: ref, Candidates: docs}
		}
	}
	return DocInfo{}, &NotFoundError{Ref: ref}
}

// Document loads the document ref names (see Resolve) as it was extracted.
func (c *Corpus) Document(ctx context.Context, ref string) (*schema.Document, error) {
	info, err := c.Resolve(ctx, ref)
	if err != nil {
		return nil, err
	}
	return c.load(ctx, info.ID)
}

// load reads the stored document id with the user's corrections of its
// metadata applied.
func (c *Corpus) load(ctx context.Context, id string) (*schema.Document, error) {
	var body []byte
	var issuer, docType sql.NullString
	var year sql.NullInt64
	if err := c.db.QueryRowContext(ctx, `SELECT d.document, o.issuer, o.report_year, o.doc_type
		FROM documents d LEFT JOIN doc_overrides o ON o.doc = d.id WHERE d.id = ?`, id).
		Scan(&body, &issuer, &year, &docType); err != nil {
		if err == sql.ErrNoRows {
			return nil, &NotFoundError{Ref: id}
		}
		return nil, fmt.Errorf("catalog: %w", err)
	}
	doc, err := decodeDocument(body)
	if err != nil {
		return nil, fmt.Errorf("catalog: document %s: %w", id, err)
	}
	overrideOf(issuer, year, docType).Apply(&doc.Meta)
	doc.SetEmpty()
	return doc, nil
}

// Issuers lists the issuers present, as written in the first report of
// each, in alphabetical order (diacritics second). Documents without an issuer are left out.
func (c *Corpus) Issuers(ctx context.Context) ([]string, error) {
	return queryColumn[string](ctx, c.db, `SELECT min(issuer) FROM documents
		WHERE issuer_key <> '' GROUP BY issuer_key ORDER BY min(issuer_fold), issuer_key`)
}

// Years lists the report years present, ascending, for the issuer matched as
// in DocFilter, or for every issuer when issuer is "". Unknown years (0) are
// left out.
func (c *Corpus) Years(ctx context.Context, issuer string) ([]int, error) {
	where, args := `d.report_year > 0`, []any{}
	if issuer != "" {
		cond, arg, err := c.issuerCond(ctx, issuer)
		if err != nil {
			return nil, err
		}
		where += ` AND ` + cond
		args = append(args, arg)
	}
	return queryColumn[int](ctx, c.db, `SELECT DISTINCT d.report_year FROM documents d WHERE `+where+
		` ORDER BY d.report_year`, args...)
}

// InDocument says which document a figure or citation comes from. Its JSON
// names do not clash with those of schema.Figure and schema.Reference, which
// it is embedded beside.
type InDocument struct {
	Document       string `json:"document"`
	File           string `json:"file"`
	DocumentIssuer string `json:"document_issuer"`
	ReportYear     int    `json:"report_year"`
}

// FigureHit is a figure with the document it was found in.
type FigureHit struct {
	InDocument
	schema.Figure
}

// FigureFilter selects figures. The zero value selects all.
type FigureFilter struct {
	Doc    string // a document as Resolve takes it
	Issuer string // as in DocFilter
	Metric string // a part of the metric, matched without case or diacritics
	Year   int    // the report year of the document
	// Subject is a part of the sub-unit or level a figure is about ("cấp
	// huyện"), matched without case or diacritics as compare matches it;
	// figures about the issuer as a whole have none and are left out.
	Subject string
	// Within keeps the figures whose period lies inside it (both ends
	// included; an empty end is open). Figures without a period are left
	// out.
	Within *schema.Period
}

// Figures lists the figures f selects, by document and position. The list
// is empty, not nil, when none match; an unknown Doc is an error from
// Resolve.
func (c *Corpus) Figures(ctx context.Context, f FigureFilter) ([]FigureHit, error) {
	conds, args, err := c.docConds(ctx, f.Doc, f.Issuer, f.Year)
	if err != nil {
		return nil, err
	}
	if m := vntext.SquashSpace(f.Metric); m != "" {
		conds = append(conds, `instr(x.metric_fold, ?) > 0`)
		args = append(args, vntext.Fold(m))
	}
	if s := vntext.SquashSpace(f.Subject); s != "" {
		conds = append(conds, `instr(x.subject_fold, ?) > 0`)
		args = append(args, vntext.Fold(s))
	}
	if p := f.Within; p != nil {
		// period_start >= '' also keeps the condition on the indexed
		// column when the start is open.
		conds = append(conds, `x.period_start >= ?`)
		args = append(args, p.Start)
		if p.End != "" {
			conds = append(conds, `x.period_end <= ?`)
			args = append(args, p.End)
		}
	}
	q := `SELECT d.id, d.file, d.issuer, d.report_year,
		x.id, x.raw, x.value, x.denominator, x.value_high, x.unit, x.kind, x.value_normalized,
		x.metric, x.role, x.direction, x.qualifier, x.bound, x.parent, x.partial, x.refers_to,
		x.paragraph, x.footnote, x.section, x.section_path, x.page, x.span_start, x.span_end, x.quote,
		x.period_start, x.period_end, x.estimate, x.compared_with, x.subject
		FROM figures x JOIN documents d ON d.id = x.doc`
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	q += ` ORDER BY d.issuer_fold, d.issuer_key, d.report_year, d.file, d.id, x.seq`
	rows, err := c.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	out := []FigureHit{}
	for rows.Next() {
		var h FigureHit
		var den, high sql.NullFloat64
		var bound, parent, refersTo, paragraph, section sql.NullString
		var periodStart, periodEnd, comparedWith sql.NullString
		var footnote, page sql.NullInt64
		x := &h.Figure
		if err := rows.Scan(&h.Document, &h.File, &h.DocumentIssuer, &h.ReportYear,
			&x.ID, &x.Raw, &x.Value, &den, &high, &x.Unit, &x.Kind, &x.ValueNormalized,
			&x.Metric, &x.Role, &x.Direction, &x.Qualifier, &bound, &parent, &x.Partial, &refersTo,
			&paragraph, &footnote, &section, &x.SectionPath, &page, &x.Span[0], &x.Span[1], &x.Quote,
			&periodStart, &periodEnd, &x.Estimate, &comparedWith, &x.Subject); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		if periodStart.Valid || periodEnd.Valid {
			x.Period = &schema.Period{Start: periodStart.String, End: periodEnd.String}
		}
		x.ComparedWith = schema.NullString(comparedWith.String)
		if den.Valid {
			x.Denominator = schema.Float(den.Float64)
		}
		if high.Valid {
			x.ValueHigh = schema.Float(high.Float64)
		}
		x.Bound, x.Parent, x.RefersTo = schema.NullString(bound.String), schema.NullString(parent.String), schema.NullString(refersTo.String)
		x.Paragraph, x.Section = schema.NullString(paragraph.String), schema.NullString(section.String)
		x.Footnote, x.Page = schema.NullInt(footnote.Int64), schema.NullInt(page.Int64)
		out = append(out, h)
	}
	return out, rows.Err()
}

// docConds turns the document part of a filter into SQL conditions on d.
func (c *Corpus) docConds(ctx context.Context, doc, issuer string, year int) ([]string, []any, error) {
	var conds []string
	var args []any
	if doc != "" {
		info, err := c.Resolve(ctx, doc)
		if err != nil {
			return nil, nil, err
		}
		conds = append(conds, `d.id = ?`)
		args = append(args, info.ID)
	}
	if issuer != "" {
		cond, arg, err := c.issuerCond(ctx, issuer)
		if err != nil {
			return nil, nil, err
		}
		conds = append(conds, cond)
		args = append(args, arg)
	}
	if year != 0 {
		conds = append(conds, `d.report_year = ?`)
		args = append(args, year)
	}
	return conds, args, nil
}

// Citation is one mention of a numbered document, with where it stands.
type Citation struct {
	InDocument
	schema.Reference
	// Quote is the sentence around the mention.
	Quote string `json:"quote"`
}

// RefFilter selects citations. The zero value selects all.
type RefFilter struct {
	// ID is a document symbol as a user types it ("28-nq/tu", "Số 154- KH/HU").
	// It matches the canonical symbol exactly; only when nothing matches is
	// it compared without diacritics ("NQ/DU" for "NQ/ĐU").
	ID     string
	Doc    string // the citing document, as Resolve takes it
	Issuer string // the citing document's issuer, as in DocFilter
	Year   int    // the citing document's report year
}

// Refs lists the citations f selects, in document and text order. The list
// is empty, not nil, when none match.
func (c *Corpus) Refs(ctx context.Context, f RefFilter) ([]Citation, error) {
	conds, args, err := c.docConds(ctx, f.Doc, f.Issuer, f.Year)
	if err != nil {
		return nil, err
	}
	if f.ID == "" {
		return c.queryRefs(ctx, conds, args)
	}
	id := canonicalRefID(f.ID)
	out, err := c.queryRefs(ctx, append(conds, `r.id = ?`), append(args, id))
	if err != nil || len(out) > 0 {
		return out, err
	}
	return c.queryRefs(ctx, append(conds, `r.id_fold = ?`), append(args, vntext.Fold(id)))
}

func (c *Corpus) queryRefs(ctx context.Context, conds []string, args []any) ([]Citation, error) {
	q := `SELECT d.id, d.file, d.issuer, d.report_year,
		r.id, r.raw, r.type, r.number, r.symbol, r.date, r.issuer, r.paragraph, r.footnote,
		r.section, r.section_path, r.page, r.span_start, r.span_end, r.quote
		FROM refs r JOIN documents d ON d.id = r.doc`
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	q += ` ORDER BY d.issuer_fold, d.issuer_key, d.report_year, d.file, d.id, r.seq`
	rows, err := c.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	out := []Citation{}
	for rows.Next() {
		var h Citation
		var date, issuer, paragraph, section sql.NullString
		var footnote, page sql.NullInt64
		r := &h.Reference
		if err := rows.Scan(&h.Document, &h.File, &h.DocumentIssuer, &h.ReportYear,
			&r.ID, &r.Raw, &r.Type, &r.Number, &r.Symbol, &date, &issuer, &paragraph, &footnote,
			&section, &r.SectionPath, &page, &r.Span[0], &r.Span[1], &h.Quote); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		r.Date, r.Issuer = schema.NullString(date.String), schema.NullString(issuer.String)
		r.Paragraph, r.Section = schema.NullString(paragraph.String), schema.NullString(section.String)
		r.Footnote, r.Page = schema.NullInt(footnote.Int64), schema.NullInt(page.Int64)
		out = append(out, h)
	}
	return out, rows.Err()
}

// SimilarRefIDs lists the cited symbols that share the number of id and
// differ in the rest ("28-NQ/TW" for "28-NQ/TU"), for a "did you mean".
func (c *Corpus) SimilarRefIDs(ctx context.Context, id string) ([]string, error) {
	id = canonicalRefID(id)
	n := 0
	for n < len(id) && id[n] >= '0' && id[n] <= '9' {
		n++
	}
	if n == 0 {
		return []string{}, nil
	}
	num := id[:n]
	return queryColumn[string](ctx, c.db, `SELECT DISTINCT id FROM refs
		WHERE (substr(id, 1, ?1) = ?2) AND substr(id, ?1 + 1, 1) IN ('-', '/') AND id <> ?3 ORDER BY id`,
		n, num, id)
}

// queryColumn runs a query of one column and returns its values; an empty
// result is an empty list, not nil.
func queryColumn[T any](ctx context.Context, db *sql.DB, q string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("catalog: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
