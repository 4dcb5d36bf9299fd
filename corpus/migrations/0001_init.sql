-- The catalog of a corpus. Every row of the child tables belongs to one
-- document and goes with it (ON DELETE CASCADE). Empty links are NULL, not ''.
-- Child rows are keyed by their position (seq) in the document, not by the
-- id extraction gave them: a report whose footnote numbers repeat is still a
-- report to keep, not a constraint violation.

CREATE TABLE documents (
    id           TEXT PRIMARY KEY,          -- first 16 hex digits of sha256
    sha256       TEXT NOT NULL UNIQUE,
    file         TEXT NOT NULL,             -- base name at ingest
    format       TEXT NOT NULL,
    bytes        INTEGER NOT NULL,
    pages        INTEGER NOT NULL,
    encoding     TEXT NOT NULL,
    title        TEXT NOT NULL,
    issuer       TEXT NOT NULL,
    issuer_key   TEXT NOT NULL,             -- vntext.Key: case and tone placement
    issuer_fold  TEXT NOT NULL,             -- vntext.Fold: no diacritics
    doc_type     TEXT NOT NULL,
    number       TEXT NOT NULL,
    place        TEXT NOT NULL,
    date         TEXT NOT NULL,
    report_year  INTEGER NOT NULL,          -- 0: unknown
    plan_year    INTEGER NOT NULL,
    signer       TEXT NOT NULL,
    signer_title TEXT NOT NULL,
    n_sections   INTEGER NOT NULL,
    n_paragraphs INTEGER NOT NULL,
    n_footnotes  INTEGER NOT NULL,
    n_figures    INTEGER NOT NULL,
    n_refs       INTEGER NOT NULL,
    ingested_at  TEXT NOT NULL,             -- RFC 3339, UTC
    -- indexed is 0 from the catalog commit until the full-text index holds
    -- the document; a document left at 0 by a crash is indexed again by the
    -- next Open.
    indexed      INTEGER NOT NULL DEFAULT 0,
    document     TEXT NOT NULL              -- the schema.Document as JSON
);
CREATE INDEX documents_issuer_key ON documents (issuer_key, report_year);
CREATE INDEX documents_report_year ON documents (report_year);
CREATE INDEX documents_file ON documents (file);
CREATE INDEX documents_unindexed ON documents (indexed) WHERE indexed = 0;

CREATE TABLE sections (
    doc    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id     TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    number TEXT NOT NULL,
    title  TEXT NOT NULL,
    level  INTEGER NOT NULL,
    parent TEXT,
    path   TEXT NOT NULL,
    page   INTEGER,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE paragraphs (
    doc     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    section TEXT,
    page    INTEGER,
    kind    TEXT NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE INDEX paragraphs_id ON paragraphs (doc, id);

CREATE TABLE footnotes (
    doc           TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    id            INTEGER NOT NULL,
    text          TEXT NOT NULL,
    page          INTEGER,
    ref_paragraph TEXT,
    section       TEXT,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE INDEX footnotes_id ON footnotes (doc, id);

CREATE TABLE figures (
    doc              TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id               TEXT NOT NULL,
    seq              INTEGER NOT NULL,
    raw              TEXT NOT NULL,
    value            REAL NOT NULL,
    denominator      REAL,
    value_high       REAL,
    unit             TEXT NOT NULL,
    kind             TEXT NOT NULL,
    value_normalized REAL NOT NULL,
    metric           TEXT NOT NULL,
    metric_fold      TEXT NOT NULL,         -- vntext.Fold, for matching what users type
    role             TEXT NOT NULL,
    direction        TEXT NOT NULL,
    qualifier        TEXT NOT NULL,
    bound            TEXT,
    parent           TEXT,
    partial          INTEGER NOT NULL,
    refers_to        TEXT,
    paragraph        TEXT,
    footnote         INTEGER,
    section          TEXT,
    section_path     TEXT NOT NULL,
    page             INTEGER,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    quote            TEXT NOT NULL,
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE refs (
    doc          TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    id           TEXT NOT NULL,             -- canonical symbol: "154-KH/HU"
    id_fold      TEXT NOT NULL,             -- vntext.Fold of id: "NQ/DU" finds "NQ/ĐU"
    raw          TEXT NOT NULL,
    type         TEXT NOT NULL,
    number       TEXT NOT NULL,
    symbol       TEXT NOT NULL,
    date         TEXT,
    issuer       TEXT,
    paragraph    TEXT,
    footnote     INTEGER,
    section      TEXT,
    section_path TEXT NOT NULL,
    page         INTEGER,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    quote        TEXT NOT NULL,             -- the sentence around the citation
    PRIMARY KEY (doc, seq)
) WITHOUT ROWID;
CREATE INDEX refs_id ON refs (id);
CREATE INDEX refs_id_fold ON refs (id_fold);
