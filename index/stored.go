package index

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
	"unsafe"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// stored is what the index keeps of a report to show hits: its passages
// (paragraphs and footnote bodies) and figures. It is held in one stored
// field in a compact binary form, because decoding it is on the path of
// every query (JSON would cost milliseconds per report).
type stored struct {
	File     string
	Issuer   string
	DocType  string
	Year     int
	Passages []passage
	Figures  []storedFigure
}

// passage is a paragraph (Paragraph set) or a footnote body (Footnote set).
type passage struct {
	Paragraph   string
	Footnote    int
	Page        int
	SectionPath string
	Text        string
}

type storedFigure struct {
	ID              string
	Raw             string
	Metric          string
	Unit            string
	Kind            string
	Role            string
	Value           float64
	ValueNormalized float64
	Passage         int // index into Passages, -1 when unknown
	// QuoteStart and QuoteEnd are byte offsets of the quote in the
	// passage text; both are -1 and Quote is set when the quote is not a
	// substring of it.
	QuoteStart, QuoteEnd int
	Quote                string
}

// newStored builds the stored form of doc.
func newStored(doc *schema.Document) *stored {
	paths := make(map[string]string, len(doc.Sections))
	for _, s := range doc.Sections {
		paths[s.ID] = s.Path
	}
	st := &stored{
		File:    doc.Source.File,
		Issuer:  vntext.SquashSpace(vntext.NFC(doc.Meta.Issuer)),
		DocType: doc.Meta.DocType,
		Year:    doc.Meta.ReportYear,
	}
	byPara := make(map[string]int, len(doc.Paragraphs))
	for _, p := range doc.Paragraphs {
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		byPara[p.ID] = len(st.Passages)
		st.Passages = append(st.Passages, passage{
			Paragraph: p.ID, Page: int(p.Page), SectionPath: paths[string(p.Section)], Text: cleanText(p.Text),
		})
	}
	byNote := make(map[int]int, len(doc.Footnotes))
	for _, f := range doc.Footnotes {
		if strings.TrimSpace(f.Text) == "" {
			continue
		}
		byNote[f.ID] = len(st.Passages)
		st.Passages = append(st.Passages, passage{
			Footnote: f.ID, Page: int(f.Page), SectionPath: paths[string(f.Section)], Text: cleanText(f.Text),
		})
	}
	for _, f := range doc.Figures {
		sf := storedFigure{
			ID: f.ID, Raw: f.Raw, Metric: vntext.NFC(f.Metric), Unit: f.Unit, Kind: f.Kind, Role: f.Role,
			Value: f.Value, ValueNormalized: f.ValueNormalized, Passage: -1, QuoteStart: -1, QuoteEnd: -1,
		}
		if i, ok := byPara[string(f.Paragraph)]; ok && f.Paragraph != "" {
			sf.Passage = i
		} else if i, ok := byNote[int(f.Footnote)]; ok && f.Footnote != 0 {
			sf.Passage = i
		}
		quote := vntext.NFC(f.Quote)
		if sf.Passage >= 0 {
			if at := strings.Index(st.Passages[sf.Passage].Text, quote); at >= 0 && quote != "" {
				sf.QuoteStart, sf.QuoteEnd = at, at+len(quote)
				quote = ""
			}
		}
		sf.Quote = quote
		st.Figures = append(st.Figures, sf)
	}
	return st
}

// cleanText is the form in which passage text is indexed and shown: NFC,
// so that folding and matching see precomposed letters, with the passage
// separator removed.
func cleanText(s string) string {
	if !plainNFC(s) {
		s = vntext.NFC(s)
	}
	if strings.Contains(s, passageSep) {
		s = strings.ReplaceAll(s, passageSep, " ")
	}
	return s
}

// plainNFC says cheaply whether s is certainly in NFC: it has no
// combining mark nor any letter outside the blocks Vietnamese text uses,
// whose precomposed letters are their own NFC. The normalization check it
// saves was a tenth of the cost of indexing.
func plainNFC(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x300, r >= 0x1E00 && r < 0x1F00, r >= 0x2010 && r < 0x2028:
		default:
			return false
		}
	}
	return true
}

// quote returns the figure's quote.
func (st *stored) quote(f *storedFigure) string {
	if f.QuoteStart >= 0 && f.Passage >= 0 && f.Passage < len(st.Passages) {
		t := st.Passages[f.Passage].Text
		if f.QuoteEnd <= len(t) && f.QuoteStart <= f.QuoteEnd {
			return t[f.QuoteStart:f.QuoteEnd]
		}
	}
	return f.Quote
}

const storedVersion = 1

func (st *stored) marshal() []byte {
	var b []byte
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(v int) { b = binary.AppendVarint(b, int64(v)) }
	flt := func(v float64) { b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v)) }
	b = append(b, storedVersion)
	str(st.File)
	str(st.Issuer)
	str(st.DocType)
	num(st.Year)
	num(len(st.Passages))
	for _, p := range st.Passages {
		str(p.Paragraph)
		num(p.Footnote)
		num(p.Page)
		str(p.SectionPath)
		str(p.Text)
	}
	num(len(st.Figures))
	for _, f := range st.Figures {
		str(f.ID)
		str(f.Raw)
		str(f.Metric)
		str(f.Unit)
		str(f.Kind)
		str(f.Role)
		flt(f.Value)
		flt(f.ValueNormalized)
		num(f.Passage)
		num(f.QuoteStart)
		num(f.QuoteEnd)
		str(f.Quote)
	}
	return b
}

var errCorrupt = errors.New("stored report is corrupt")

// unmarshalStored decodes what marshal wrote. It never panics on bad
// input: a damaged index gives an error.
func unmarshalStored(b []byte) (*stored, error) {
	// One copy, which the strings share: b may be a buffer Bleve reuses,
	// and a string per field was most of the cost of reading a report.
	return decodeStored(slices.Clone(b))
}

// decodeStored is unmarshalStored of a buffer that the result may keep:
// nothing may write to b afterwards.
func decodeStored(b []byte) (*stored, error) {
	d := decoder{b: b}
	if d.byte() != storedVersion {
		return nil, errCorrupt
	}
	st := &stored{File: d.str(), Issuer: d.str(), DocType: d.str(), Year: d.num()}
	n := d.count()
	st.Passages = make([]passage, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		st.Passages = append(st.Passages, passage{Paragraph: d.str(), Footnote: d.num(), Page: d.num(), SectionPath: d.str(), Text: d.str()})
	}
	n = d.count()
	st.Figures = make([]storedFigure, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		st.Figures = append(st.Figures, storedFigure{
			ID: d.str(), Raw: d.str(), Metric: d.str(), Unit: d.str(), Kind: d.str(), Role: d.str(),
			Value: d.flt(), ValueNormalized: d.flt(), Passage: d.num(), QuoteStart: d.num(), QuoteEnd: d.num(), Quote: d.str(),
		})
	}
	if d.err != nil {
		return nil, d.err
	}
	return st, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.b) == 0 {
		d.err = errCorrupt
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) num() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 || v > math.MaxInt32 || v < math.MinInt32 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// count reads a list length, bounded by the bytes left so that a corrupt
// length cannot make a huge allocation.
func (d *decoder) count() int {
	n := d.num()
	if n < 0 || n > len(d.b) {
		d.err = errCorrupt
		return 0
	}
	return n
}

func (d *decoder) str() string {
	if d.err != nil {
		return ""
	}
	l, n := binary.Uvarint(d.b)
	if n <= 0 || l > uint64(len(d.b)-n) {
		d.err = errCorrupt
		return ""
	}
	s := unsafe.String(unsafe.SliceData(d.b[n:]), int(l))
	if l == 0 {
		s = ""
	}
	d.b = d.b[n+int(l):]
	return s
}

func (d *decoder) flt() float64 {
	if d.err != nil || len(d.b) < 8 {
		d.err = errCorrupt
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}
