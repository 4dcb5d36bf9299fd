// Package ocr reads scanned PDF pages with Tesseract: pdftoppm renders each
// page to a 200 dpi grayscale image, one single-threaded Tesseract 5 process
// per core reads runs of pages into hOCR with character boxes (a page
// scanned sideways or upside down is turned and read again), and a layout
// pass rebuilds paragraphs (first-line indents, short
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
	"bufio"
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
	// DPI renders pages at this resolution, 0 meaning RenderDPI.
	DPI int
	// Progress, when set, is told how many of the call's pages are read,
	// after each run of pages: OCR takes about a second a page. Calls come
	// one at a time, with done growing.
	Progress func(done, total int)
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

// RenderDPI is the resolution pages are drawn at for Tesseract, whatever
// the scan's own. The layout's measures (raised marks, hidden marks, stroke
// widths) were worked out on 200 dpi pages, and a 300 dpi scan read at its
// own resolution lost 3 of 11 footnote marks and a heading where the same
// scan drawn at 200 dpi lost one mark, in 28% less time: Tesseract
// normalises every text line to a fixed height, so the extra pixels only
// cost layout time.
const RenderDPI = 200

// Errors for a machine without the tools. Their text says what to install.
var (
	ErrNoTesseract = errors.New("ocr: tesseract not found (apt-get install tesseract-ocr tesseract-ocr-vie)")
	ErrNoPdftoppm  = errors.New("ocr: pdftoppm not found (apt-get install poppler-utils)")
)

// tools are the programs OCR runs, found once per New.
type tools struct {
	tesseract, pdftoppm string
	err                 error
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
		dpi = RenderDPI
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]*page, len(pages))
	work := &scheduler{n: len(pages), jobs: opts.jobs(), max: maxBatch}
	var mu sync.Mutex
	var errs []error
	done := 0
	var wg sync.WaitGroup
	for range min(opts.jobs(), len(pages)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				from, to, ok := work.take()
				if !ok {
					return
				}
				if err := ocrBatch(ctx, tl, opts.lang(), in, dir, pages[from:to], dpi, results[from:to]); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					cancel()
					continue
				}
				mu.Lock()
				done += to - from
				if opts.Progress != nil {
					opts.Progress(done, len(pages))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	err = firstErr(errs)
	if err == nil {
		err = ctx.Err()
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil, 0, fmt.Errorf("ocr: %w", err)
	}
	if err != nil {
		return nil, 0, err
	}
	blocks, conf := layout(results)
	return blocks, conf, nil
}

// maxBatch bounds the pages one Tesseract process reads. Starting
// Tesseract and loading the Vietnamese model costs about a twentieth of a
// page, so pages go to it in runs; the bound keeps a long document's hOCR
// from being held whole in memory.
const maxBatch = 8

// scheduler hands out runs of pages to the workers, long runs first and
// single pages at the end (guided self-scheduling): one Tesseract start
// serves several pages, and the workers still finish together, which fixed
// runs of equal length did not do because pages differ in cost.
type scheduler struct {
	mu            sync.Mutex
	next, n, jobs int
	max           int
}

// take returns the next run [from, to), or false when every page is taken.
func (s *scheduler) take() (from, to int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.next >= s.n {
		return 0, 0, false
	}
	rest := s.n - s.next
	jobs := max(s.jobs, 1)
	size := max(1, min((rest+2*jobs-1)/(2*jobs), s.max))
	from = s.next
	s.next += size
	return from, s.next, true
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

// ocrBatch renders the pages nums and reads them with one Tesseract
// process, storing what it read in out (one page per number).
func ocrBatch(ctx context.Context, tl tools, lang, in, dir string, nums []int, dpi int, out []*page) error {
	images := make([]string, len(nums))
	pgms := make([]string, len(nums))
	var list strings.Builder
	for i, pn := range nums {
		pgm, err := render(ctx, tl, in, dir, pn, dpi)
		pgms[i] = pgm
		if pgm != "" {
			defer os.Remove(pgm)
		}
		if err != nil {
			return err
		}
		// Only one page image is held in memory at a time: a batch of
		// eight 200 dpi pages would be 31 MB per worker, kept until
		// Tesseract is done. The page is read again for the strokes.
		g, err := readImage(pgm)
		if err != nil {
			return fmt.Errorf("ocr: page %d: %w", pn, err)
		}
		images[i] = filepath.Join(dir, "p"+strconv.Itoa(pn)+".tif")
		defer os.Remove(images[i])
		if err := writeImage(images[i], g, dpi); err != nil {
			return fmt.Errorf("ocr: page %d: %w", pn, err)
		}
		list.WriteString(images[i])
		list.WriteByte('\n')
	}
	pageRange := fmt.Sprintf("pages %d-%d", nums[0], nums[len(nums)-1])
	if len(nums) == 1 {
		pageRange = fmt.Sprintf("page %d", nums[0])
	}
	listFile := filepath.Join(dir, "list"+strconv.Itoa(nums[0])+".txt")
	if err := os.WriteFile(listFile, []byte(list.String()), 0o600); err != nil {
		return fmt.Errorf("ocr: %w", err)
	}
	defer os.Remove(listFile)
	read, err := runTesseract(ctx, tl, listFile, "hocr", lang, dpi)
	if err != nil {
		return fmt.Errorf("ocr: %s: %w", pageRange, err)
	}
	byImage := make(map[string]*page, len(read))
	for _, pg := range read {
		byImage[pg.image] = pg
	}
	for i, pn := range nums {
		pg := byImage[images[i]]
		if pg == nil {
			return fmt.Errorf("ocr: page %d: tesseract wrote nothing for it", pn)
		}
		g, err := readImage(pgms[i])
		if err != nil {
			return fmt.Errorf("ocr: page %d: %w", pn, err)
		}
		if pg, g, err = upright(ctx, tl, lang, dpi, pg, g, images[i]); err != nil {
			return fmt.Errorf("ocr: page %d: %w", pn, err)
		}
		g.measure(pg)
		pg.tables = findTables(pg, g)
		pg.number = pn
		out[i] = pg
	}
	return nil
}

// runTesseractRaw reads input (an image, or a file listing images) with
// Tesseract into config ("hocr"), or runs orientation detection when config
// is "osd", and returns what it printed.
func runTesseractRaw(ctx context.Context, tl tools, input, config, lang string, dpi int) ([]byte, error) {
	args := []string{input, "stdout", "--dpi", strconv.Itoa(dpi)}
	if config == "osd" {
		args = append(args, "--psm", "0")
	} else {
		args = append(args, "-l", lang, "-c", "hocr_char_boxes=1", config)
	}
	tess := exec.CommandContext(ctx, tl.tesseract, args...)
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
	return stdout.Bytes(), nil
}

// runTesseract reads input into hOCR and parses it.
func runTesseract(ctx context.Context, tl tools, input, config, lang string, dpi int) ([]*page, error) {
	out, err := runTesseractRaw(ctx, tl, input, config, lang, dpi)
	if err != nil {
		return nil, err
	}
	pages, err := parseHOCR(out)
	if err != nil {
		return nil, fmt.Errorf("tesseract output: %w", err)
	}
	return pages, nil
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

// render has pdftoppm draw page pn in gray and returns the image file.
// PGM, because PNG compression of a 200 dpi page costs more than the OCR's
// layout pass.
func render(ctx context.Context, tl tools, in, dir string, pn, dpi int) (string, error) {
	base := filepath.Join(dir, "p"+strconv.Itoa(pn))
	cmd := exec.CommandContext(ctx, tl.pdftoppm, "-r", strconv.Itoa(dpi), "-gray",
		"-f", strconv.Itoa(pn), "-l", strconv.Itoa(pn), "-singlefile", in, base)
	if out, err := runTool(cmd); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", fmt.Errorf("ocr: page %d: pdftoppm: %v: %s", pn, err, firstLine(out))
	}
	return base + ".pgm", nil
}

// readImage reads a page drawn by render.
func readImage(name string) (*gray, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("page image: %w", err)
	}
	g, err := readPGM(b)
	if err != nil {
		return nil, fmt.Errorf("page image: %w", err)
	}
	return g, nil
}

// writeImage writes the page for Tesseract.
func writeImage(name string, g *gray, dpi int) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	if err := writeTIFF(w, g, dpi); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
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
