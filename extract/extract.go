// Package extract turns one report file into a schema.Document. It picks the
// reader by content (magic bytes), not by file name, then runs the stages that
// every format shares: structure, figures and references.
package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/docx"
	"github.com/baocao/baocao/extract/figures"
	"github.com/baocao/baocao/extract/legacy"
	"github.com/baocao/baocao/extract/markdown"
	"github.com/baocao/baocao/extract/ocr"
	"github.com/baocao/baocao/extract/pdf"
	"github.com/baocao/baocao/extract/refs"
	"github.com/baocao/baocao/extract/structure"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Input-level errors. They reach the user wrapped in an *Error that names the
// file.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("not a report: binary data that is neither PDF nor DOCX")
	ErrTooLarge    = errors.New("file too large")
	ErrUnsupported = errors.New("unsupported format")
	ErrNoText      = errors.New("no text found")
)

// Error is an extraction failure for one file. Its message is one line:
// "FILE: what went wrong".
type Error struct {
	File string
	Err  error
}

func (e *Error) Error() string { return e.File + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Options tune extraction. The zero value is ready to use.
type Options struct {
	// MaxTextBytes caps text and Markdown input (default 32 MiB): a report is
	// well under 1 MiB, and a larger "text" file is almost always a mistake
	// that would otherwise take minutes and gigabytes.
	MaxTextBytes int64
	// MaxBinaryBytes caps PDF and DOCX input (default 512 MiB).
	MaxBinaryBytes int64
	// NoOCR turns scanned pages into an error instead of running Tesseract.
	NoOCR bool
	// OCRJobs is the number of pages OCR'd at once (default: CPUs).
	OCRJobs int
	// OCRProgress, when set, is told how many scanned pages are read so
	// far and how many there are (see ocr.Options.Progress).
	OCRProgress func(done, total int)
}

func (o Options) maxText() int64 {
	if o.MaxTextBytes > 0 {
		return o.MaxTextBytes
	}
	return 32 << 20
}

func (o Options) maxBinary() int64 {
	if o.MaxBinaryBytes > 0 {
		return o.MaxBinaryBytes
	}
	return 512 << 20
}

// File reads and extracts the file at path.
func File(ctx context.Context, path string, opts Options) (*schema.Document, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: name, Err: unwrapPathError(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Error{File: name, Err: unwrapPathError(err)}
	}
	if st.IsDir() {
		return nil, &Error{File: name, Err: errors.New("is a directory")}
	}
	// Sniff the head first so that a huge text file is refused before it is
	// read into memory.
	head := make([]byte, 8192)
	n, _ := io.ReadFull(f, head)
	limit := opts.maxBinary()
	if format := Sniff(head[:n]); format == schema.FormatText || format == schema.FormatMarkdown {
		limit = opts.maxText()
	}
	if st.Size() > limit {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: %d MiB, the limit is %d MiB", ErrTooLarge, st.Size()>>20, limit>>20)}
	}
	// the head read so far and the rest, not a seek back: a pipe
	// ("baocao extract /dev/stdin", "<(curl …)") cannot seek, and its
	// size is told only by reading it
	rest, err := io.ReadAll(io.LimitReader(f, limit+1-int64(n)))
	if err != nil {
		return nil, &Error{File: name, Err: unwrapPathError(err)}
	}
	data := append(head[:n:n], rest...)
	if int64(len(data)) > limit {
		return nil, &Error{File: name, Err: fmt.Errorf("%w: over %d MiB, the limit", ErrTooLarge, limit>>20)}
	}
	return Bytes(ctx, name, data, opts)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Bytes extracts a report held in memory; name is used for Source.File and in
// errors.
func Bytes(ctx context.Context, name string, data []byte, opts Options) (doc *schema.Document, err error) {
	defer func() {
		// A panic in a reader or a stage must not take a whole batch down: the
		// file fails, the rest goes on. The stack is kept for bug reports.
		if r := recover(); r != nil {
			doc = nil
			err = &Error{File: name, Err: fmt.Errorf("internal error: %v", r)}
			if os.Getenv("BAOCAO_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "%s\n", debug.Stack())
			}
		}
	}()
	src, err := read(ctx, data, opts)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	doc = Assemble(src)
	sum := sha256.Sum256(data)
	doc.Source.File = name
	doc.Source.SHA256 = hex.EncodeToString(sum[:])
	doc.Source.Bytes = int64(len(data))
	doc.ID = doc.Source.SHA256[:16]
	// A title or header lines alone are not a report (a one-line file of
	// mis-decoded bytes is one).
	body := len(doc.Footnotes) > 0
	for i := range doc.Paragraphs {
		body = body || doc.Paragraphs[i].InBody()
	}
	if !body {
		return nil, &Error{File: name, Err: ErrNoText}
	}
	return doc, nil
}

// Assemble runs the stages shared by every format on what a reader produced.
// Source.File, SHA256, Bytes and ID are left for the caller.
func Assemble(src *block.Source) *schema.Document {
	doc := structure.Build(src)
	doc.SchemaVersion = schema.Version
	doc.Source.Format = src.Format
	doc.Source.Encoding = src.Encoding
	doc.Source.Pages = src.Pages
	if src.OCRConfidence > 0 {
		doc.Source.OCRConfidence = schema.Float(src.OCRConfidence)
	}
	doc.Warnings = append(doc.Warnings, src.Warnings...)
	doc.Figures = figures.Find(doc)
	if doc.Meta.ReportYear == 0 {
		// a text without a dated title: the year its sentences report on
		doc.Meta.ReportYear = figures.ReportYear(doc)
	}
	if planned(doc) && doc.Meta.PlanYear == 0 {
		// a plan reports no results: its year is the year it is for
		doc.Meta.PlanYear, doc.Meta.ReportYear = doc.Meta.ReportYear, 0
	}
	doc.References = refs.Find(doc)
	doc.SetEmpty()
	return doc
}

// planned reports a plan: a plan document, or one whose figures are
// nearly all targets (a text listing next year's targets).
func planned(doc *schema.Document) bool {
	if figures.PlanDocument(doc) {
		return true
	}
	targets := 0
	for i := range doc.Figures {
		if doc.Figures[i].Role == schema.RoleTarget {
			targets++
		}
	}
	return len(doc.Figures) >= 3 && targets*10 >= len(doc.Figures)*7
}

// Sniff names the format of data from its first bytes: schema.FormatPDF,
// schema.FormatDOCX, schema.FormatMarkdown or schema.FormatText, or "" for
// data that is none of them.
func Sniff(data []byte) string {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return schema.FormatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return schema.FormatDOCX
	case looksBinary(data):
		return ""
	case looksMarkdown(data):
		return schema.FormatMarkdown
	}
	return schema.FormatText
}

// looksBinary reports NUL bytes or many control characters in the first 8 KiB.
// Legacy 8-bit Vietnamese text has bytes above 0x7f but (apart from a few TCVN3
// capitals) no C0 controls beyond tab and line ends.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl > len(head)/20+2
}

func looksMarkdown(data []byte) bool {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	for _, m := range [][]byte{[]byte("**"), []byte("<sup>"), []byte("\n#"), []byte("[^"), []byte("\n|")} {
		if bytes.Contains(head, m) {
			return true
		}
	}
	return false
}

func read(ctx context.Context, data []byte, opts Options) (*block.Source, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	format := Sniff(data)
	switch format {
	case schema.FormatPDF:
		po := pdf.Options{}
		if !opts.NoOCR {
			po.OCR = ocr.New(ocr.Options{Jobs: opts.OCRJobs, Progress: opts.OCRProgress})
		}
		return pdf.Read(ctx, data, po)
	case schema.FormatDOCX:
		return docx.Read(data)
	case "":
		return nil, ErrBinary
	}
	if int64(len(data)) > opts.maxText() {
		return nil, fmt.Errorf("%w: %d MiB of text, the limit is %d MiB", ErrTooLarge, len(data)>>20, opts.maxText()>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	text, enc := string(data), "utf-8"
	switch {
	case vntext.PlainNFC(text):
		// well-formed and already NFC, as nearly every export is: one pass
		// over the text instead of a UTF-8 check and an NFC check
	case utf8.ValidString(text):
		text = vntext.NFC(text)
	default:
		var err error
		text, enc, err = legacy.Decode(data)
		if err != nil {
			return nil, err
		}
		text = vntext.NFC(text)
	}
	src, err := markdown.Read(text, format)
	if err != nil {
		return nil, err
	}
	src.Encoding = enc
	return src, nil
}
