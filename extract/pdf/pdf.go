// Package pdf reads PDF reports into blocks: text from the positioned glyphs
// of each page (a content-stream walker of its own over the objects that
// github.com/ledongthuc/pdf parses), running headers and page numbers
// dropped, lines joined into paragraphs, footnotes at page bottoms and
// endnotes at the end recognised, and pages without a usable text layer
// handed to OCR.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/schema"
)

// Options tune Read. The zero value is ready to use (no OCR).
type Options struct {
	// OCR reads pages without a usable text layer; nil reports them as errors.
	OCR block.OCRFunc
	// PageTimeout bounds the time spent on one page (default 3s); opening
	// the file gets ten times as much.
	PageTimeout time.Duration
	// MaxStreamBytes caps one decoded content stream (default 64 MiB).
	MaxStreamBytes int64
}

func (o Options) pageTimeout() time.Duration {
	if o.PageTimeout > 0 {
		return o.PageTimeout
	}
	return 3 * time.Second
}

func (o Options) maxStream() int64 {
	if o.MaxStreamBytes > 0 {
		return o.MaxStreamBytes
	}
	return 64 << 20
}

// ErrEncrypted is returned for password-protected files.
var ErrEncrypted = errors.New("pdf: encrypted (password protected), not supported")

// NoTextError reports pages that have no usable text layer when no OCR is
// available. The caller puts the file name in front.
type NoTextError struct {
	Pages []int
}

func (e *NoTextError) Error() string {
	return "has no text layer on pages " + pageList(e.Pages) +
		"; install tesseract (tesseract-ocr with the tesseract-ocr-vie language data) to read scanned pages, or allow OCR"
}

// pageList writes 1,2,3,5 as "1-3, 5".
func pageList(pages []int) string {
	var b strings.Builder
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(pages[i]))
		if j > i {
			b.WriteString("-" + strconv.Itoa(pages[j]))
		}
		i = j + 1
	}
	return b.String()
}

// budgetError is the panic value that stops the library or the walker when
// the time or read budget is spent; Read turns it back into an error.
type budgetError struct{ err error }

var errTimeLimit = errors.New("time limit exceeded")

// budget bounds the work on one file. The library is called through a
// ReaderAt that checks it on every read, so that loops in a cyclic or
// damaged object graph (which re-read objects) stop within the budget.
type budget struct {
	ctx      context.Context
	deadline atomic.Int64 // unix nanoseconds
	stop     atomic.Bool
	read     atomic.Int64
	maxRead  int64
}

func (b *budget) check() {
	if b.stop.Load() {
		panic(budgetError{errTimeLimit})
	}
	if err := b.ctx.Err(); err != nil {
		panic(budgetError{err})
	}
	if d := b.deadline.Load(); d != 0 && time.Now().UnixNano() > d {
		panic(budgetError{errTimeLimit})
	}
}

type guardedReader struct {
	data []byte
	b    *budget
}

func (r *guardedReader) ReadAt(p []byte, off int64) (int, error) {
	if r.b.read.Add(int64(len(p))) > r.b.maxRead {
		panic(budgetError{errors.New("read budget exceeded (cyclic or damaged object graph)")})
	}
	r.b.check()
	if off < 0 || off >= int64(len(r.data)) {
		return 0, io.EOF
	}
	n := copy(p, r.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// document is the state of one Read.
type document struct {
	r         *lpdf.Reader
	budget    *budget
	fonts     map[fontKey]*fontInfo
	maxStream int64
	canOCR    bool // an OCR function was given
}

type fontKey struct {
	id   uint64
	name string
}

// objID returns the object number and generation of v (0 for a direct
// object), read from the library's unexported pointer: the library gives
// no identity, and the page walk needs one to detect cycles and to share
// parsed fonts between pages.
func objID(v lpdf.Value) uint64 {
	rv := reflect.ValueOf(v)
	p := rv.FieldByName("ptr")
	if !p.IsValid() || p.NumField() < 2 {
		return 0
	}
	return p.Field(0).Uint()<<16 | p.Field(1).Uint()
}

// pageInfo is one page of the page tree with its inherited attributes.
type pageInfo struct {
	v   lpdf.Value
	res lpdf.Value
	box [4]float64
}

// Read returns the blocks of a PDF. A library panic, a damaged or encrypted
// file, or a file that exceeds the time budget gives an error, never a
// panic or a hang.
func Read(ctx context.Context, data []byte, opts Options) (*block.Source, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	b := &budget{ctx: ctx, maxRead: 256<<20 + 64*int64(len(data))}
	type result struct {
		src  *textResult
		err  error
		done bool
	}
	ch := make(chan result, 1)
	go func() {
		res, err := readText(data, opts, b)
		ch <- result{res, err, true}
	}()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var res result
wait:
	for {
		select {
		case res = <-ch:
			break wait
		case <-ctx.Done():
			b.stop.Store(true)
			return nil, fmt.Errorf("pdf: %w", ctx.Err())
		case <-tick.C:
			if d := b.deadline.Load(); d != 0 && time.Now().UnixNano() > d+int64(time.Second) {
				// The walker did not stop itself: the library is looping
				// without reading. Give up on it.
				b.stop.Store(true)
				return nil, fmt.Errorf("pdf: %w", errTimeLimit)
			}
		}
	}
	if res.err != nil {
		return nil, res.err
	}
	return finish(ctx, data, opts, res.src)
}

// textResult is what the text layer gave: blocks per page and the pages
// that need OCR.
type textResult struct {
	pages    int
	blocks   [][]block.Block // per page, index 0 = page 1
	needOCR  []int
	layer    []int // pages to OCR that have an invisible text layer
	warnings []string
}

func readText(data []byte, opts Options, b *budget) (res *textResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res = nil
			if be, ok := r.(budgetError); ok {
				err = fmt.Errorf("pdf: %w", be.err)
				return
			}
			if _, ok := r.(runtime.Error); ok && strings.Contains(fmt.Sprint(r), "out of memory") {
				err = fmt.Errorf("pdf: out of memory")
				return
			}
			err = fmt.Errorf("pdf: %v", r)
		}
	}()
	b.deadline.Store(time.Now().Add(10 * opts.pageTimeout()).UnixNano())
	data = trimToPDF(data)
	r, err := newLibReader(data, b)
	if err != nil {
		if b.stop.Load() || b.ctx.Err() != nil {
			return nil, fmt.Errorf("pdf: %w", errTimeLimit)
		}
		if isEncrypted(data, err) {
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("pdf: damaged file: %v", err)
	}
	doc := &document{r: r, budget: b, fonts: map[fontKey]*fontInfo{}, maxStream: opts.maxStream(), canOCR: opts.OCR != nil}
	pages, err := doc.pages()
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errors.New("pdf: damaged file: no pages")
	}
	pl := make([]pageLines, len(pages))
	res = &textResult{pages: len(pages), blocks: make([][]block.Block, len(pages))}
	// One warning per problem, naming its pages: a 500-page scan with a
	// bad OCR layer gets one line, not 500.
	var problems []string
	pagesOf := map[string][]int{}
	for i, p := range pages {
		b.deadline.Store(time.Now().Add(opts.pageTimeout()).UnixNano())
		pl[i] = doc.readPage(i+1, p)
		if pl[i].err != nil {
			msg := pl[i].err.Error()
			if pagesOf[msg] == nil {
				problems = append(problems, msg)
			}
			pagesOf[msg] = append(pagesOf[msg], i+1)
		}
		if pl[i].needOCR {
			res.needOCR = append(res.needOCR, i+1)
			if pl[i].layer {
				res.layer = append(res.layer, i+1)
			}
		}
	}
	for _, msg := range problems {
		ps := pagesOf[msg]
		word := "page "
		if len(ps) > 1 {
			word = "pages "
		}
		res.warnings = append(res.warnings, word+pageList(ps)+": "+msg)
	}
	b.deadline.Store(time.Now().Add(10 * opts.pageTimeout()).UnixNano())
	layout(pl, res)
	return res, nil
}

// trimToPDF drops bytes before the %PDF header and after the last %%EOF,
// which the library refuses and viewers accept; it rewrites a PDF 2.0
// header, whose syntax the library reads, to one it accepts.
func newLibReader(data []byte, b *budget) (*lpdf.Reader, error) {
	return lpdf.NewReader(&guardedReader{data: data, b: b}, int64(len(data)))
}

func trimToPDF(data []byte) []byte {
	if i := bytes.Index(data, []byte("%PDF-")); i > 0 && i < 1024 {
		data = data[i:]
	}
	if i := bytes.LastIndex(data, []byte("%%EOF")); i >= 0 && len(data)-(i+5) > 2 {
		data = data[:i+5]
	}
	if bytes.HasPrefix(data, []byte("%PDF-2.")) {
		c := append([]byte(nil), data...)
		copy(c, "%PDF-1.7")
		data = c
	}
	return repairSize(data)
}

var (
	xrefHeadRe = regexp.MustCompile(`xref\s+0\s+(\d+)\s`)
	sizeRe     = regexp.MustCompile(`/Size\s+(\d+)`)
)

// repairSize fixes a trailer whose /Size is smaller than its xref table
// (pdfunite writes such files): the library cuts the table at /Size and
// loses the last objects, often the page tree's last pages.
func repairSize(data []byte) []byte {
	t := bytes.LastIndex(data, []byte("trailer"))
	if t < 0 {
		return data
	}
	x := bytes.LastIndex(data[:t], []byte("xref"))
	if x < 0 {
		return data
	}
	head := xrefHeadRe.FindSubmatch(data[x:t])
	size := sizeRe.FindSubmatchIndex(data[t:])
	if head == nil || size == nil {
		return data
	}
	n, err1 := strconv.Atoi(string(head[1]))
	old := data[t+size[2] : t+size[3]]
	s, err2 := strconv.Atoi(string(old))
	if err1 != nil || err2 != nil || n <= s {
		return data
	}
	// The trailer follows the xref table and startxref points before it,
	// so the trailer may change length.
	c := make([]byte, 0, len(data)+8)
	c = append(c, data[:t+size[2]]...)
	c = strconv.AppendInt(c, int64(n), 10)
	return append(c, data[t+size[3]:]...)
}

func isEncrypted(data []byte, err error) bool {
	if errors.Is(err, lpdf.ErrInvalidPassword) {
		return true
	}
	tail := data
	if len(tail) > 4096 {
		tail = tail[len(tail)-4096:]
	}
	return bytes.Contains(tail, []byte("/Encrypt")) || bytes.Contains(data[:min(len(data), 4096)], []byte("/Encrypt")) ||
		strings.Contains(err.Error(), "encrypt")
}

const (
	maxPages     = 20000
	maxTreeDepth = 64
)

// pages walks the page tree with its own cycle and depth checks (the
// library's Reader.Page loops for ever on a tree whose Kids point back up).
func (d *document) pages() ([]pageInfo, error) {
	root := d.r.Trailer().Key("Root").Key("Pages")
	if root.IsNull() {
		return nil, errors.New("pdf: damaged file: no page tree")
	}
	var out []pageInfo
	seen := map[uint64]bool{}
	nodes := 0
	var walk func(n lpdf.Value, res lpdf.Value, box [4]float64, depth int) error
	walk = func(n lpdf.Value, res lpdf.Value, box [4]float64, depth int) error {
		nodes++
		if depth > maxTreeDepth || nodes > 4*maxPages {
			return errors.New("pdf: damaged file: page tree too deep or too large")
		}
		if id := objID(n); id != 0 {
			if seen[id] {
				return errors.New("pdf: damaged file: page tree has a cycle")
			}
			seen[id] = true
		}
		if r := n.Key("Resources"); !r.IsNull() {
			res = r
		}
		if mb := n.Key("MediaBox"); mb.Len() == 4 {
			for i := range box {
				box[i] = mb.Index(i).Float64()
			}
		}
		kids := n.Key("Kids")
		if n.Key("Type").Name() == "Pages" || (kids.Kind() == lpdf.Array && n.Key("Type").Name() != "Page") {
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), res, box, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if n.Kind() != lpdf.Dict {
			return nil
		}
		if len(out) >= maxPages {
			return fmt.Errorf("pdf: more than %d pages", maxPages)
		}
		out = append(out, pageInfo{v: n, res: res, box: box})
		return nil
	}
	err := walk(root, lpdf.Value{}, [4]float64{0, 0, 595, 842}, 0)
	return out, err
}

// pageLines is what one page gave before layout.
type pageLines struct {
	page    int
	lines   []*line
	rules   []rule
	box     [4]float64
	needOCR bool
	layer   bool // the text is an invisible OCR layer over an image
	err     error
}

func (d *document) readPage(num int, p pageInfo) (pl pageLines) {
	pl = pageLines{page: num, box: p.box}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(budgetError); ok {
				panic(r)
			}
			// A library panic on one page (an unknown filter, a broken
			// object): that page goes to OCR like a scan.
			pl.lines, pl.rules = nil, nil
			pl.needOCR = true
			pl.err = fmt.Errorf("%v", r)
		}
	}()
	contents := p.v.Key("Contents")
	var data []byte
	switch contents.Kind() {
	case lpdf.Stream:
		s, err := readStream(contents, d.maxStream)
		if err != nil {
			pl.needOCR, pl.err = true, err
			return pl
		}
		data = s
	case lpdf.Array:
		for i := 0; i < contents.Len() && i < 10000; i++ {
			s, err := readStream(contents.Index(i), d.maxStream)
			if err != nil {
				continue
			}
			data = append(data, s...)
			data = append(data, '\n')
			if int64(len(data)) > d.maxStream {
				pl.needOCR, pl.err = true, fmt.Errorf("content larger than %d MiB", d.maxStream>>20)
				return pl
			}
		}
	}
	w := &walker{doc: d}
	w.run(data, resources{v: p.res}, identity)
	bad, total := garbageRatio(w.glyphs)
	switch {
	case total == 0 && w.images > 0:
		pl.needOCR = true
		return pl
	case total == 0:
		return pl // a blank page
	case total < 20 && w.images > 0, float64(bad) > 0.15*float64(total):
		pl.needOCR = true
		return pl
	case w.images > 0 && 2*w.hidden > total:
		// An invisible text layer over a scan is an earlier OCR's. Its
		// words carry no type size, weight or raised marks: on a page
		// of the 2023 report made searchable by Tesseract's PDF
		// renderer it gave 85% of the figures and no footnote, where
		// our OCR of the image gives 98% and all 11. One made without
		// Vietnamese has lost every diacritic besides. Without OCR the
		// layer is what there is.
		pl.layer = true
		if d.canOCR {
			pl.needOCR = true
			pl.err = errors.New("the text is an earlier OCR's invisible layer: read again with OCR")
			return pl
		}
		if !accented(w.glyphs) {
			pl.err = errors.New("the text is an earlier OCR's invisible layer, without Vietnamese diacritics")
		}
	}
	lines, members := buildLineGroups(num, w.glyphs)
	lines, members = findTables(num, lines, members, w.glyphs, w.rules, w.vrules)
	pl.lines = splitColumns(num, lines, members, w.glyphs)
	pl.rules = w.rules
	return pl
}

// finish runs OCR on the pages that need it and puts the blocks in order.
func finish(ctx context.Context, data []byte, opts Options, tr *textResult) (*block.Source, error) {
	src := &block.Source{Format: schema.FormatPDF, Encoding: "utf-8", Pages: tr.pages, Warnings: tr.warnings}
	if len(tr.needOCR) > 0 {
		if opts.OCR == nil {
			return nil, &NoTextError{Pages: tr.needOCR}
		}
		blocks, conf, err := opts.OCR(ctx, data, tr.needOCR)
		if err != nil {
			if len(tr.layer) > 0 && ctx.Err() == nil {
				have := "pages " + pageList(tr.layer) + " have"
				if len(tr.layer) == 1 {
					have = "page " + pageList(tr.layer) + " has"
				}
				return nil, fmt.Errorf("pdf: ocr: %w (%s an invisible text layer, which --no-ocr reads)", err, have)
			}
			return nil, fmt.Errorf("pdf: ocr: %w", err)
		}
		for _, bl := range blocks {
			if bl.Page >= 1 && bl.Page <= tr.pages {
				tr.blocks[bl.Page-1] = append(tr.blocks[bl.Page-1], bl)
			}
		}
		src.OCRConfidence = conf
		textPages := 0
		for i, bs := range tr.blocks {
			if len(bs) > 0 && !contains(tr.needOCR, i+1) {
				textPages++
			}
		}
		if textPages == 0 {
			src.Format = schema.FormatPDFOCR
		} else {
			src.Warnings = append(src.Warnings, "pages "+pageList(tr.needOCR)+" have no text layer and were read with OCR")
		}
	}
	for _, bs := range tr.blocks {
		src.Blocks = append(src.Blocks, bs...)
	}
	return src, nil
}

func contains(xs []int, x int) bool {
	i := sort.SearchInts(xs, x)
	return i < len(xs) && xs[i] == x
}
