// Package corpus is the corpus on disk: a SQLite catalog of the extracted
// documents (catalog.db), the full-text index (index.bleve) and the original
// files (files/<sha256>), plus ingest, which fills all three from report
// files. It is the only package that imports database/sql.
//
// The catalog is the source of truth. The index follows it: a document is
// committed to the catalog first (indexed = 0), then indexed, then marked
// indexed = 1. Open repairs what a crash between those steps left behind, so
// the index never holds a document the catalog lacks.
package corpus

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go driver registered as "sqlite"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/index"
	"github.com/baocao/baocao/schema"
)

// Names inside the corpus directory.
const (
	catalogName = "catalog.db"
	indexName   = "index.bleve"
	filesName   = "files"
	lockName    = "lock"
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrNoCorpus is returned by OpenExisting when dir holds no catalog.
var ErrNoCorpus = errors.New("no corpus")

// Corpus is an open corpus directory. It is safe for use by several
// goroutines; writes (Ingest, Repair) are serialized by a lock file, also
// across processes.
type Corpus struct {
	dir string
	db  *sql.DB
	// repairErr is what went wrong when Open tried to bring the index in line
	// with the catalog; the catalog itself is usable.
	repairErr error

	// Seams for tests; Open sets the real ones.
	now          func() time.Time
	openIndex    func(path string) (indexer, error)
	extractBytes func(ctx context.Context, name string, data []byte, opts extract.Options) (*schema.Document, error)
}

// indexer is what the corpus needs of the full-text index.
type indexer interface {
	Index(docs ...*schema.Document) error
	Delete(ids ...string) error
	DocIDs() ([]string, error)
	Close() error
}

var _ indexer = (*index.Index)(nil)

func openBleve(path string) (indexer, error) { return index.Open(path) }

// Exists reports whether dir holds a corpus catalog.
func Exists(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, catalogName))
	return err == nil && st.Mode().IsRegular()
}

// Open opens the corpus in dir, creating the directory and an empty catalog
// when missing and migrating an older catalog. It then repairs the index
// (see Repair) unless another process holds the write lock; a failed repair
// does not fail Open but is reported by RepairErr.
func Open(dir string) (*Corpus, error) {
	if err := os.MkdirAll(filepath.Join(dir, filesName), 0o755); err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	return open(dir)
}

// option changes a Corpus before Open uses it; tests replace the index and
// the extractor with it.
type option func(*Corpus)

// OpenExisting is Open for a corpus that must already exist: it returns an
// error wrapping ErrNoCorpus, and creates nothing, when dir has no catalog.
func OpenExisting(dir string) (*Corpus, error) {
	if !Exists(dir) {
		return nil, fmt.Errorf("%w at %s", ErrNoCorpus, dir)
	}
	return open(dir)
}

func open(dir string, opts ...option) (*Corpus, error) {
	db, err := sql.Open("sqlite", dsn(filepath.Join(dir, catalogName)))
	if err != nil {
		return nil, fmt.Errorf("corpus: open catalog: %w", err)
	}
	c := &Corpus{dir: dir, db: db, now: time.Now, openIndex: openBleve, extractBytes: extract.Bytes}
	for _, o := range opts {
		o(c)
	}
	if err := c.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("corpus: migrate: %w", err)
	}
	ctx := context.Background()
	if l, ok, err := tryLock(filepath.Join(dir, lockName)); err == nil && ok {
		_, c.repairErr = c.repair(ctx)
		l.unlock()
	}
	return c, nil
}

// dsn puts the pragmas in the connection string: with modernc.org/sqlite a
// PRAGMA run through db.Exec would set only one connection of the pool.
// WAL lets list and show read while an ingest writes; synchronous=NORMAL is
// safe with WAL (a crash loses at most the last commits, never consistency)
// and saves an fsync per transaction; busy_timeout makes a reader wait for a
// checkpoint instead of failing.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Writers take the write lock at BEGIN, so two writers queue on
	// busy_timeout instead of one failing when it upgrades a read lock.
	q.Set("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Dir returns the corpus directory.
func (c *Corpus) Dir() string { return c.dir }

// RepairErr returns what went wrong when Open repaired the index, or nil.
func (c *Corpus) RepairErr() error { return c.repairErr }

// Close closes the catalog.
func (c *Corpus) Close() error { return c.db.Close() }

// IndexPath returns the directory of the full-text index.
func (c *Corpus) IndexPath() string { return filepath.Join(c.dir, indexName) }

// OriginalPath returns where the original file of a document with the given
// sha256 is kept. The file exists for every document in the catalog.
func (c *Corpus) OriginalPath(sha256 string) string {
	return filepath.Join(c.dir, filesName, sha256)
}

// OpenIndex opens the corpus's full-text index. The caller closes it. An
// ingest running in another process may hold it; Bleve then waits.
func (c *Corpus) OpenIndex() (*index.Index, error) {
	ix, err := index.Open(c.IndexPath())
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return ix, nil
}

// migrate applies the embedded migrations that the catalog lacks, each in a
// transaction with its version, so that a crash leaves a catalog at some
// version, never between two.
func (c *Corpus) migrate() error {
	if _, err := c.db.Exec(`CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(filepath.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("%s: bad migration name", name)
		}
		if err := c.applyMigration(v, name); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(name), err)
		}
	}
	return nil
}

func (c *Corpus) applyMigration(version int, name string) error {
	tx, err := c.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Checked inside the (immediate) transaction: two processes opening a
	// new corpus at once must not both apply it.
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM schema_version WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := migrations.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(string(body)); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO schema_version (version, applied_at) VALUES (?, ?)`,
		version, c.now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the highest migration applied to the catalog.
func (c *Corpus) SchemaVersion() (int, error) {
	var v sql.NullInt64
	err := c.db.QueryRow(`SELECT max(version) FROM schema_version`).Scan(&v)
	return int(v.Int64), err
}
