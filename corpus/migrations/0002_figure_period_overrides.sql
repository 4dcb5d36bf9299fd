-- Document schema version 2 gave every figure a period, an estimate flag,
-- a basis of comparison and a subject. As columns they can be filtered on
-- without decoding every document. Rows stored before this migration have
-- them empty until `baocao reindex` rebuilds them (see doc_schema below).

ALTER TABLE figures ADD COLUMN period_start  TEXT;                       -- yyyy-mm-dd; NULL: no period told
ALTER TABLE figures ADD COLUMN period_end    TEXT;
ALTER TABLE figures ADD COLUMN estimate      INTEGER NOT NULL DEFAULT 0;
ALTER TABLE figures ADD COLUMN compared_with TEXT;                       -- NULL for roles other than change, plan_percent
ALTER TABLE figures ADD COLUMN subject       TEXT NOT NULL DEFAULT '';
ALTER TABLE figures ADD COLUMN subject_fold  TEXT NOT NULL DEFAULT '';   -- vntext.Fold, for matching what users type
-- Figures with no period are never asked for by period, so they stay out
-- of the index.
CREATE INDEX figures_period ON figures (period_start, period_end) WHERE period_start IS NOT NULL;

-- The schema_version of the stored Document. 0 for documents stored before
-- this migration: their JSON says which version they are, and reindex
-- finds out (it re-extracts those older than the program's version and
-- only rebuilds the rows of the others).
ALTER TABLE documents ADD COLUMN doc_schema INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_doc_schema ON documents (doc_schema);

-- A user's corrections of what extraction read from a report's letterhead
-- (`baocao ingest --issuer`, `baocao meta set`). The stored Document keeps
-- what extraction read; the catalog columns, the loaded Document and the
-- index show these values instead. There is no foreign key: the rows of a
-- document are deleted and written again when it is re-extracted, and a
-- correction must outlive that. NULL: the extracted value stands.
CREATE TABLE doc_overrides (
    doc         TEXT PRIMARY KEY,          -- documents.id
    issuer      TEXT,
    report_year INTEGER,
    doc_type    TEXT,
    set_at      TEXT NOT NULL              -- RFC 3339, UTC
);
