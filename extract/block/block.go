// Package block is the form in which every format reader (Markdown, PDF,
// DOCX, OCR) hands a report to the shared structure stage: a flat list of
// paragraph-sized blocks in reading order, with what the format knew about
// each (page, bold, footnote markers, heading hints). Readers report what they
// see; the structure stage decides what is a section, where a paragraph that a
// page break cut goes on, and which footnote body belongs to which marker.
package block

import "context"

// Kind says what a block is, as far as the reader can tell.
type Kind int

const (
	// Para is body text: a paragraph, a heading line, a list item.
	Para Kind = iota
	// FootnoteBody is a paragraph of a footnote body. Note holds its number;
	// NoteCont is set on the second and later paragraphs of one body when the
	// reader knows them (Word footnotes, the PDF footnote zone). A Markdown
	// export marks only the first paragraph ("<sup>1</sup> …").
	FootnoteBody
	// Table is a table; Rows holds its cells, Text is empty.
	Table
	// PageBreak marks a page boundary the reader saw without text of its own
	// (an empty line in an export is not one: only formats with pages emit it).
	PageBreak
)

// Marker is a footnote reference removed from Text. Offset counts runes of
// Text before the marker.
type Marker struct {
	Note   int
	Offset int
}

// Block is one paragraph-sized unit as read from the source.
type Block struct {
	Kind Kind
	// Text is NFC, with inline markup (**bold**, *italic*, <sup>) and footnote
	// markers removed, and white space squashed.
	Text    string
	Markers []Marker
	// Note is the footnote number of a FootnoteBody block.
	Note     int
	NoteCont bool
	Rows     [][]string // Table cells, NFC

	Page int // 1-based page where the block starts; 0 when unknown
	Line int // 1-based source line for text formats; 0 otherwise

	// Bold is set when the whole visible text is bold (a heading candidate).
	// BoldPrefix counts the runes of a leading bold run ("5. Công tác…:" in
	// "**5. Công tác…:** Văn phòng …"), 0 when the block does not start bold.
	Bold       bool
	BoldPrefix int
	Italic     bool
	// Heading is the heading level the source hints at (Markdown # depth,
	// Word Heading N style), 0 for none. Exports use it inconsistently: a hint.
	Heading int
	// List is set for bullet or numbered list items; Label is the number or
	// bullet that the source generated (Word automatic numbering: "II.", "a)")
	// and that is not part of Text.
	List  bool
	Label string
	// Align is "center" for centered lines where the format says so.
	Align string
	// FontSize in points where the format gives it (PDF, DOCX), 0 otherwise.
	FontSize float64
	// Confidence is the OCR mean word confidence (0-100) of the block, 0 for
	// formats with a text layer.
	Confidence float64
	// Joined is set when the reader already knows this block continues the
	// previous one of the same Kind (a paragraph cut by a page break that the
	// reader rejoined itself); the structure stage then appends it.
	Joined bool
}

// Source is everything a format reader produced for one file.
type Source struct {
	Format   string // schema.Format* constant
	Encoding string // utf-8, tcvn3, vni, windows-1258
	Pages    int
	Blocks   []Block
	// Warnings are per-file remarks for schema.Document.Warnings.
	Warnings []string
	// OCRConfidence is the mean word confidence over OCR'd pages, 0 if none.
	OCRConfidence float64
}

// OCRFunc reads the given 1-based pages of a PDF with OCR and returns their
// blocks in reading order (Page set on each) and the mean word confidence.
// The PDF reader calls it for pages that have no usable text layer.
type OCRFunc func(ctx context.Context, pdf []byte, pages []int) (blocks []Block, confidence float64, err error)
