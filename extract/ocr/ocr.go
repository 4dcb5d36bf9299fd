// Package ocr reads scanned PDF pages with Tesseract: pdftoppm renders each
// page to a grayscale image, Tesseract 5 reads it into hOCR with character
// boxes, and a layout pass rebuilds paragraphs (first-line indents, short
// last lines, vertical gaps), drops page numbers, finds the footnote zone at
// the page bottom (smaller text, tighter lines) and the raised footnote
// marks after words. The page image is read back to tell bold words by
// their stroke width (bold headings and run-in headings, which hOCR does
// not mark), and tone marks that Tesseract's Vietnamese model misreads
// (hỏi read as sắc) are corrected against a list of two-syllable words.
//
// Both programs are found at run time; the error for a missing one names the
// Debian package to install.
package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/baocao/baocao/extract/block"
)

// Options tune New. The zero value is ready to use.
type Options struct {
	Jobs int    // pages OCR'd at once; 0 means runtime.NumCPU()
	Lang string // Tesseract language, default "vie"
	// DPI renders pages at this resolution. 0 uses the resolution of the
	// scanned image when the page holds one between 200 and 400 dpi
	// (rendering above it adds time, not detail), else 300.
	DPI int
}

func (o Options) jobs() int {
	if o.Jobs > 0 {
		return o.Jobs
	}
	return runtime.NumCPU()
}

func (o Options) lang() string {
	if o.Lang != "" {
		return o.Lang
	}
	return "vie"
}

// Errors for a machine without the tools. Their text says what to install.
var (
	ErrNoTesseract = errors.New("ocr: tesseract not found (apt-get install tesseract-ocr tesseract-ocr-vie)")
	ErrNoPdftoppm  = errors.New("ocr: pdftoppm not found (apt-get install poppler-utils)")
)

// tools are the programs OCR runs, found once per New.
type tools struct {
	tesseract, pdftoppm, pdfimages string
	err                            error
}

func findTools(ctx context.Context, lang string) tools {
	var t tools
	var err error
	if t.tesseract, err = exec.LookPath("tesseract"); err != nil {
		t.err = ErrNoTesseract
		return t
	}
	if t.pdftoppm, err = exec.LookPath("pdftoppm"); err != nil {
		t.err = ErrNoPdftoppm
		return t
	}
	// Optional: only used to find the scan resolution.
	t.pdfimages, _ = exec.LookPath("pdfimages")
	out, err := exec.CommandContext(ctx, t.tesseract, "--list-langs").CombinedOutput()
	if err != nil {
		if ctx.Err() != nil {
			t.err = fmt.Errorf("ocr: %w", ctx.Err())
			return t
		}
		t.err = fmt.Errorf("ocr: tesseract --list-langs: %v", err)
		return t
	}
	have := map[string]bool{}
	for _, l := range strings.Fields(string(out)) {
		have[l] = true
	}
	for _, l := range strings.Split(lang, "+") {
		if !have[l] {
			t.err = fmt.Errorf("ocr: tesseract has no %q language data (apt-get install tesseract-ocr-%s)", l, l)
			return t
		}
	}
	return t
}

// New returns an OCRFunc for the PDF reader. The tools are looked up on the
// first call; every call works in a temporary directory that it removes, and
// cancelling ctx kills the running tools.
func New(opts Options) block.OCRFunc {
	var mu sync.Mutex
	var tl *tools
	return func(ctx context.Context, pdf []byte, pages []int) (blocks []block.Block, conf float64, err error) {
		defer func() {
			if r := recover(); r != nil {
				blocks, conf, err = nil, 0, fmt.Errorf("ocr: internal error: %v", r)
			}
		}()
		mu.Lock()
		if tl == nil {
			t := findTools(ctx, opts.lang())
			if ctx.Err() != nil {
				// A cancelled lookup says nothing about the machine.
				mu.Unlock()
				return nil, 0, fmt.Errorf("ocr: %w", ctx.Err())
			}
			tl = &t
		}
		t := *tl
		mu.Unlock()
		if t.err != nil {
			return nil, 0, t.err
		}
		if len(pages) == 0 {
			return nil, 0, nil
		}
		return run(ctx, t, opts, pdf, pages)
	}
}

func run(ctx context.Context, tl tools, opts Options, pdf []byte, pages []int) ([]block.Block, float64, error) {
	dir, err := os.MkdirTemp("", "baocao-ocr-")
	if err != nil {
		return nil, 0, fmt.Errorf("ocr: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, 0, fmt.Errorf("ocr: %w", err)
	}
	dpi := opts.DPI
	if dpi <= 0 {
		dpi = scanDPI(ctx, tl.pdfimages, in, pages[0])
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]*page, len(pages))
	errs := make([]error, len(pages))
	sem := make(chan struct{}, opts.jobs())
	var wg sync.WaitGroup
	for i, pn := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-sem }()
			pg, err := ocrPage(ctx, tl, opts.lang(), in, dir, pn, dpi)
			if err != nil {
				errs[i] = fmt.Errorf("ocr: page %d: %w", pn, err)
				cancel()
				return
			}
			pg.number = pn
			results[i] = pg
		}()
	}
	wg.Wait()
	if err := firstErr(errs); err != nil {
		return nil, 0, err
	}
	blocks, conf := layout(results)
	return blocks, conf, nil
}

// firstErr returns the first error that is not a cancellation caused by
// another page's failure, or the first error at all.
func firstErr(errs []error) error {
	var first error
	for _, e := range errs {
		if e == nil {
			continue
		}
		if first == nil {
			first = e
		}
		if !errors.Is(e, context.Canceled) {
			return e
		}
	}
	return first
}

// ocrPage renders one page and reads it.
func ocrPage(ctx context.Context, tl tools, lang, in, dir string, pn, dpi int) (*page, error) {
	base := filepath.Join(dir, "p"+strconv.Itoa(pn))
	// PGM: PNG compression of a 200 dpi page costs more than the OCR's
	// layout pass; an uncompressed image is written in a tenth of the time.
	render := exec.CommandContext(ctx, tl.pdftoppm, "-r", strconv.Itoa(dpi), "-gray",
		"-f", strconv.Itoa(pn), "-l", strconv.Itoa(pn), "-singlefile", in, base)
	if out, err := runTool(render); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v: %s", err, firstLine(out))
	}
	img := base + ".pgm"
	defer os.Remove(img)
	tess := exec.CommandContext(ctx, tl.tesseract, img, "stdout", "-l", lang,
		"--dpi", strconv.Itoa(dpi), "-c", "hocr_char_boxes=1", "hocr")
	// Tesseract's OpenMP threads slow it down (8 s/page against 1.1 s
	// single-threaded on 2 cores); parallelism comes from pages instead.
	tess.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stdout, stderr bytes.Buffer
	tess.Stdout, tess.Stderr = &stdout, &stderr
	tess.WaitDelay = 2 * time.Second
	if err := tess.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("tesseract: %v: %s", err, firstLine(stderr.Bytes()))
	}
	pg, err := parseHOCR(stdout.Bytes())
	if err != nil {
		return nil, fmt.Errorf("tesseract output: %w", err)
	}
	if err := measureStrokes(pg, img); err != nil {
		return nil, err
	}
	return pg, nil
}

func runTool(cmd *exec.Cmd) ([]byte, error) {
	cmd.WaitDelay = 2 * time.Second
	return cmd.CombinedOutput()
}

func firstLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// scanDPI returns the resolution of the largest image on the page, when it
// is a sensible scan resolution, or 300.
func scanDPI(ctx context.Context, pdfimages, in string, pn int) int {
	const def = 300
	if pdfimages == "" {
		return def
	}
	p := strconv.Itoa(pn)
	cmd := exec.CommandContext(ctx, pdfimages, "-list", "-f", p, "-l", p, in)
	cmd.WaitDelay = time.Second
	out, err := cmd.Output()
	if err != nil {
		return def
	}
	best, area := 0, 0
	for _, ln := range strings.Split(string(out), "\n") {
		f := strings.Fields(ln)
		// page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
		if len(f) < 14 || f[2] != "image" {
			continue
		}
		w, _ := strconv.Atoi(f[3])
		h, _ := strconv.Atoi(f[4])
		ppi, _ := strconv.Atoi(f[12])
		if w*h > area {
			best, area = ppi, w*h
		}
	}
	if best >= 200 && best <= 400 {
		return best
	}
	return def
}

// measureStrokes reads the rendered page back and notes the stroke width
// of every word, from which the layout tells bold from regular type.
func measureStrokes(pg *page, img string) error {
	b, err := os.ReadFile(img)
	if err != nil {
		return fmt.Errorf("page image: %w", err)
	}
	g, err := readPGM(b)
	if err != nil {
		return fmt.Errorf("page image: %w", err)
	}
	g.measure(pg)
	return nil
}

// measure notes the stroke width of every word of pg.
func (g *gray) measure(pg *page) {
	thr := g.otsu()
	for i := range pg.lines {
		for j := range pg.lines[i].words {
			w := &pg.lines[i].words[j]
			w.stroke, _ = g.stroke(w.box, thr)
		}
	}
}
