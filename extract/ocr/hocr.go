package ocr

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/baocao/baocao/extract/vntext"
)

// box is a rectangle in image pixels, y growing downwards.
type box struct{ x0, y0, x1, y1 int32 }

func (b box) height() int { return int(b.y1 - b.y0) }
func (b box) width() int  { return int(b.x1 - b.x0) }

// baseAt returns the y of the baseline at x: a scan is seldom quite
// straight, and 0.008 over a line is 10 pixels at its end.
func (l line) baseAt(x int) float64 {
	return float64(l.baseline) + l.slope*float64(x-int(l.box.x0))
}

type char struct {
	r   string // the glyph's text (one rune, sometimes more)
	box box
}

type word struct {
	text  string
	box   box
	conf  float64
	chars []char
	// stroke is the mean stroke width of the word's ink in pixels, 0 when
	// the page image was not measured.
	stroke float64
}

type line struct {
	box      box
	baseline int     // y of the baseline at the line's left edge
	slope    float64 // of the baseline, y pixels per x pixel
	xsize    float64
	words    []word
	table    [][]string // a ruled table standing in the text at this place
}

// page is what Tesseract read on one page.
type page struct {
	number        int
	image         string // the image file Tesseract read, from the hOCR
	width, height int
	lines         []line
	tables        []table // ruled tables, their words taken out of lines
}

// parseHOCR reads Tesseract's hOCR output, one page per ocr_page element
// (Tesseract given a list of images writes them all into one document):
// lines (ocr_line and its variants), words with their confidence, and
// character boxes.
func parseHOCR(b []byte) ([]*page, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var pages []*page
	glyphs := interner{}
	// Lines before any ocr_page (not written by Tesseract, but possible in
	// a damaged file) go to a page of their own.
	pg := &page{}
	var ln *line
	var wd *word
	var ch *char
	var depth, lineDepth, wordDepth, charDepth int
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			class, title := "", ""
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "class":
					class = a.Value
				case "title":
					title = a.Value
				}
			}
			switch class {
			case "ocr_page":
				if len(pg.lines) > 0 || pg.width > 0 {
					pages = append(pages, pg)
				}
				pg = &page{image: imageName(title)}
				ln, wd, ch = nil, nil, nil
				lineDepth, wordDepth, charDepth = 0, 0, 0
				bb := props(title)["bbox"]
				if len(bb) == 4 {
					pg.width, pg.height = int(bb[2]), int(bb[3])
				}
			case "ocr_line", "ocr_caption", "ocr_textfloat", "ocr_header":
				p := props(title)
				pg.lines = append(pg.lines, line{box: toBox(p["bbox"])})
				ln = &pg.lines[len(pg.lines)-1]
				if bl := p["baseline"]; len(bl) == 2 {
					ln.baseline = int(ln.box.y1) + int(coord(bl[1]))
					ln.slope = bl[0]
				} else {
					ln.baseline = int(ln.box.y1)
				}
				if xs := p["x_size"]; len(xs) == 1 {
					ln.xsize = xs[0]
				}
				lineDepth = depth
			case "ocrx_word":
				if ln == nil {
					continue
				}
				p := props(title)
				w := word{box: toBox(p["bbox"])}
				if c := p["x_wconf"]; len(c) == 1 {
					w.conf = c[0]
				}
				ln.words = append(ln.words, w)
				wd = &ln.words[len(ln.words)-1]
				wordDepth = depth
			case "ocrx_cinfo":
				if wd == nil {
					continue
				}
				wd.chars = append(wd.chars, char{box: toBox(props(title)["x_bboxes"])})
				ch = &wd.chars[len(wd.chars)-1]
				charDepth = depth
			}
		case xml.EndElement:
			switch depth {
			case charDepth:
				ch, charDepth = nil, 0
			case wordDepth:
				wd, wordDepth = nil, 0
			case lineDepth:
				ln, lineDepth = nil, 0
			}
			depth--
		case xml.CharData:
			switch {
			case ch != nil:
				// One glyph's text, nearly always one of a few hundred
				// letters: shared, not allocated per character (a page has
				// 3,500 of them and every page is kept until the layout).
				if ch.r == "" {
					ch.r = glyphs.intern(t)
				} else {
					ch.r += string(t)
				}
			case wd != nil:
				wd.text += strings.TrimSpace(string(t))
			}
		}
	}
	if len(pg.lines) > 0 || pg.width > 0 || pg.image != "" {
		pages = append(pages, pg)
	}
	for _, pg := range pages {
		pg.clean()
	}
	return pages, nil
}

// interner shares equal short strings.
type interner map[string]string

func (in interner) intern(b []byte) string {
	if s, ok := in[string(b)]; ok {
		return s
	}
	if len(in) > 4096 {
		return string(b) // a flood of distinct strings: not worth keeping
	}
	s := string(b)
	in[s] = s
	return s
}

// imageName returns the file name in an hOCR title's `image "…"` property.
func imageName(title string) string {
	_, rest, ok := strings.Cut(title, `image "`)
	if !ok {
		return ""
	}
	name, _, ok := strings.Cut(rest, `"`)
	if !ok {
		return ""
	}
	return name
}

// clean joins character boxes into word texts, normalises them to NFC and
// drops empty words.
func (pg *page) clean() {
	for i := range pg.lines {
		l := &pg.lines[i]
		kept := l.words[:0]
		for _, w := range l.words {
			if len(w.chars) > 0 {
				var sb strings.Builder
				for _, c := range w.chars {
					sb.WriteString(c.r)
				}
				w.text = sb.String()
			}
			w.text = vntext.NFC(strings.TrimSpace(w.text))
			if w.text != "" {
				kept = append(kept, w)
			}
		}
		l.words = kept
		if l.xsize <= 0 {
			l.xsize = float64(l.box.height()) * 0.8
		}
	}
	pg.compact()
}

// compact moves the page's lines, words and characters into three arrays
// of exactly their size. Every page is kept until the layout runs, and the
// slices grown by append while parsing carry a third of spare room and an
// allocation per word: 221 → ~170 KB a page.
func (pg *page) compact() {
	nw, nc := 0, 0
	for _, l := range pg.lines {
		nw += len(l.words)
		for _, w := range l.words {
			nc += len(w.chars)
		}
	}
	lines := make([]line, len(pg.lines))
	words := make([]word, 0, nw)
	chars := make([]char, 0, nc)
	for i, l := range pg.lines {
		w0 := len(words)
		for _, w := range l.words {
			c0 := len(chars)
			chars = append(chars, w.chars...)
			w.chars = chars[c0:len(chars):len(chars)]
			words = append(words, w)
		}
		l.words = words[w0:len(words):len(words)]
		lines[i] = l
	}
	pg.lines = lines
}

// props parses an hOCR title: "bbox 1 2 3 4; x_wconf 96".
func props(title string) map[string][]float64 {
	out := map[string][]float64{}
	for _, part := range strings.Split(title, ";") {
		f := strings.Fields(part)
		if len(f) < 2 {
			continue
		}
		var vals []float64
		for _, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				break
			}
			vals = append(vals, v)
		}
		out[f[0]] = vals
	}
	return out
}

// coord is an hOCR pixel coordinate, clamped so that a damaged file cannot
// overflow the 32 bits a box keeps (a page is some thousand pixels).
func coord(v float64) int32 {
	return int32(max(-1<<24, min(v, 1<<24)))
}

func toBox(v []float64) box {
	if len(v) != 4 {
		return box{}
	}
	return box{coord(v[0]), coord(v[1]), coord(v[2]), coord(v[3])}
}
