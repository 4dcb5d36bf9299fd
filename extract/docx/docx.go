// Package docx reads Word (OOXML) reports into blocks: the paragraphs of
// word/document.xml in reading order, with what Word knew about each
// (heading style, bold, alignment, the label of automatic numbering), the
// tables, and the footnote and endnote bodies placed right after the
// paragraph that references them.
//
// It uses only archive/zip and encoding/xml, reads through size limits (a
// DOCX is a zip archive, so a small file can expand to gigabytes), and stops
// with an error on absurd inputs instead of running out of memory.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/schema"
)

// Limits that bound the work one file can cause. A real annual report has a
// few hundred paragraphs and well under 1 MiB of XML.
const (
	maxUncompressed = 256 << 20 // bytes read out of the archive in total
	maxParagraphs   = 200_000
	maxRunes        = 16 << 20 // runes of text in total
	maxDepth        = 256      // XML element nesting
)

// Errors for inputs that are not a readable Word document.
var (
	ErrEncrypted         = errors.New("docx: encrypted or legacy .doc, not supported")
	ErrNotZip            = errors.New("docx: not a zip archive")
	ErrNoDocument        = errors.New("docx: no word/document.xml (not a Word document)")
	ErrTooLarge          = fmt.Errorf("docx: uncompressed content over %d MiB", maxUncompressed>>20)
	ErrTooManyParagraphs = fmt.Errorf("docx: too many paragraphs (limit %d)", maxParagraphs)
	ErrTooMuchText       = fmt.Errorf("docx: too much text (limit %d Mi characters)", maxRunes>>20)
	ErrTooDeep           = fmt.Errorf("docx: elements nested more than %d deep", maxDepth)
)

// oleMagic starts an OLE compound file: a Word 97-2003 .doc, or a DOCX that
// Office encrypted with a password (it wraps the zip in one).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Read returns the blocks of a DOCX file. Footnote and endnote bodies follow
// the paragraph (or the table) that references them, as FootnoteBody blocks
// numbered the way Word displays them (1, 2, … in reference order). Page is
// set only when Word saved its page layout (w:lastRenderedPageBreak);
// otherwise it is 0. A file that is not a Word document, or that exceeds the
// limits, gives an error, never a panic.
func Read(data []byte) (src *block.Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, fmt.Errorf("docx: internal error: %v", r)
		}
	}()
	if bytes.HasPrefix(data, oleMagic[:4]) {
		return nil, ErrEncrypted
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotZip, err)
	}
	pk := &pkg{files: make(map[string]*zip.File, len(zr.File)), budget: maxUncompressed}
	for _, f := range zr.File {
		pk.files[strings.ToLower(f.Name)] = f
	}
	docPath := pk.mainDocument()
	docXML, err := pk.read(docPath)
	if err != nil {
		return nil, err
	}
	if docXML == nil {
		return nil, ErrNoDocument
	}
	rels := pk.relations(docPath)
	part := func(typ, fallback string) ([]byte, error) {
		name := fallback
		if t, ok := rels[typ]; ok {
			name = t
		}
		return pk.read(name)
	}

	d := newDoc()
	d.pageHints = bytes.Contains(docXML, []byte("lastRenderedPageBreak"))
	if b, err := part("styles", "word/styles.xml"); err != nil {
		return nil, err
	} else if b != nil {
		if err := d.parseStyles(b); err != nil {
			return nil, fmt.Errorf("docx: styles.xml: %w", err)
		}
	}
	if b, err := part("numbering", "word/numbering.xml"); err != nil {
		return nil, err
	} else if b != nil {
		if err := d.parseNumbering(b); err != nil {
			return nil, fmt.Errorf("docx: numbering.xml: %w", err)
		}
	}
	if b, err := part("settings", "word/settings.xml"); err != nil {
		return nil, err
	} else if b != nil {
		// Settings only tune footnote numbering; a broken settings part
		// should not lose the document.
		_ = d.parseSettings(b)
	}
	for _, n := range []struct {
		typ, fallback string
		kind          noteKind
	}{{"footnotes", "word/footnotes.xml", footnote}, {"endnotes", "word/endnotes.xml", endnote}} {
		b, err := part(n.typ, n.fallback)
		if err != nil {
			return nil, err
		}
		if b == nil {
			continue
		}
		if err := d.parseNotes(b, n.kind); err != nil {
			return nil, fmt.Errorf("docx: %s.xml: %w", n.typ, err)
		}
	}
	blocks, err := d.parseDocument(docXML)
	if err != nil {
		if isLimit(err) {
			return nil, err
		}
		return nil, fmt.Errorf("docx: document.xml: %w", err)
	}
	src = &block.Source{
		Format:   schema.FormatDOCX,
		Encoding: d.encoding(),
		Blocks:   blocks,
		Warnings: d.warnings,
	}
	if d.pageHints {
		src.Pages = d.page
	}
	return src, nil
}

func isLimit(err error) bool {
	for _, e := range []error{ErrTooLarge, ErrTooManyParagraphs, ErrTooMuchText, ErrTooDeep} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// pkg is the zip archive with a budget of bytes it may still inflate.
type pkg struct {
	files  map[string]*zip.File // by lower-case name
	budget int64
}

// read returns the content of the named part, nil when it does not exist.
// It checks the size the archive declares first and then reads through a
// limit, because the declared size of a hostile archive may lie.
func (p *pkg) read(name string) ([]byte, error) {
	f, ok := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, nil
	}
	if f.UncompressedSize64 > uint64(p.budget) {
		return nil, ErrTooLarge
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("docx: %s: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, p.budget+1))
	if err != nil {
		return nil, fmt.Errorf("docx: %s: %w", f.Name, err)
	}
	if int64(len(b)) > p.budget {
		return nil, ErrTooLarge
	}
	p.budget -= int64(len(b))
	return b, nil
}

// mainDocument finds the main part through _rels/.rels, as Word does; a few
// producers name it differently from word/document.xml.
func (p *pkg) mainDocument() string {
	const fallback = "word/document.xml"
	b, err := p.read("_rels/.rels")
	if err != nil || b == nil {
		return fallback
	}
	for _, r := range parseRels(b) {
		if strings.HasSuffix(r.typ, "/officeDocument") && !r.external {
			return path.Clean(strings.TrimPrefix(r.target, "/"))
		}
	}
	return fallback
}

// relations maps the short relationship type ("styles", "footnotes", …) of
// the parts related to docPath to their archive paths.
func (p *pkg) relations(docPath string) map[string]string {
	dir, file := path.Split(docPath)
	b, err := p.read(dir + "_rels/" + file + ".rels")
	out := map[string]string{}
	if err != nil || b == nil {
		return out
	}
	for _, r := range parseRels(b) {
		if r.external {
			continue
		}
		typ := r.typ[strings.LastIndexByte(r.typ, '/')+1:]
		target := r.target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = dir + target
		}
		if _, dup := out[typ]; !dup {
			out[typ] = path.Clean(target)
		}
	}
	return out
}

type rel struct {
	typ, target string
	external    bool
}

func parseRels(b []byte) []rel {
	var out []rel
	w := newWalker(b)
	for {
		se, err := w.nextStart()
		if err != nil {
			return out
		}
		if se.Name.Local == "Relationship" {
			out = append(out, rel{
				typ:      attr(se, "Type"),
				target:   attr(se, "Target"),
				external: strings.EqualFold(attr(se, "TargetMode"), "External"),
			})
		}
	}
}
