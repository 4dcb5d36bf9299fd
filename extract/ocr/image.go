package ocr

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// gray is a page image, one byte per pixel, 0 black. The OCR renders each
// page to a PGM file for Tesseract and reads it back for what hOCR does not
// say: how heavy the strokes of each word are.
type gray struct {
	w, h int
	pix  []byte
}

// readPGM decodes a binary PGM (P5), the format pdftoppm -gray writes. The
// standard library has no decoder for it, and PNG would cost more to write
// than the whole layout pass.
func readPGM(b []byte) (*gray, error) {
	var vals [3]int
	p := 2
	if len(b) < 2 || b[0] != 'P' || b[1] != '5' {
		return nil, errors.New("pgm: not a binary PGM")
	}
	for i := range vals {
		// White space and comments before each number.
		for p < len(b) {
			if b[p] == '#' {
				for p < len(b) && b[p] != '\n' {
					p++
				}
				continue
			}
			if b[p] != ' ' && b[p] != '\t' && b[p] != '\n' && b[p] != '\r' {
				break
			}
			p++
		}
		start := p
		for p < len(b) && b[p] >= '0' && b[p] <= '9' && p-start < 9 {
			p++
		}
		v, err := strconv.Atoi(string(b[start:p]))
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("pgm: bad header field %d", i+1)
		}
		vals[i] = v
	}
	// One white space byte ends the header.
	if p >= len(b) || !bytes.ContainsRune([]byte(" \t\n\r"), rune(b[p])) {
		return nil, errors.New("pgm: bad header end")
	}
	p++
	w, h, maxval := vals[0], vals[1], vals[2]
	if maxval > 65535 || w > 1<<15 || h > 1<<15 {
		return nil, errors.New("pgm: image too large")
	}
	bpp := 1
	if maxval > 255 {
		bpp = 2
	}
	if len(b)-p < w*h*bpp {
		return nil, errors.New("pgm: short pixel data")
	}
	g := &gray{w: w, h: h}
	data := b[p : p+w*h*bpp]
	switch {
	case bpp == 2:
		g.pix = make([]byte, w*h)
		for i := range g.pix {
			g.pix[i] = byte((int(data[2*i])<<8 | int(data[2*i+1])) * 255 / maxval)
		}
	case maxval != 255:
		g.pix = make([]byte, w*h)
		for i, v := range data {
			g.pix[i] = byte(min(int(v), maxval) * 255 / maxval)
		}
	default:
		g.pix = data
	}
	return g, nil
}

// otsu returns the threshold that best splits the page's histogram into
// ink and paper.
func (g *gray) otsu() byte {
	var hist [256]int
	for _, v := range g.pix {
		hist[v]++
	}
	total := len(g.pix)
	var sum float64
	for i, n := range hist {
		sum += float64(i * n)
	}
	var sumB, best float64
	var wB int
	t := 128
	for i, n := range hist {
		wB += n
		if wB == 0 {
			continue
		}
		wF := total - wB
		if wF == 0 {
			break
		}
		sumB += float64(i * n)
		mB := sumB / float64(wB)
		mF := (sum - sumB) / float64(wF)
		between := float64(wB) * float64(wF) * (mB - mF) * (mB - mF)
		if between > best {
			best, t = between, i
		}
	}
	return byte(t)
}

// stroke returns the mean stroke width of the ink in r, in pixels, and the
// ink pixel count: twice the ink area over its perimeter, which is the
// width of a long stroke whatever its direction. Bold type has strokes
// about half again as wide as the regular face at the same size.
func (g *gray) stroke(r box, thr byte) (width float64, ink int) {
	x0, y0 := max(int(r.x0), 0), max(int(r.y0), 0)
	x1, y1 := min(int(r.x1), g.w), min(int(r.y1), g.h)
	if x1-x0 < 2 || y1-y0 < 2 {
		return 0, 0
	}
	edges := 0
	for y := y0; y < y1; y++ {
		row := g.pix[y*g.w+x0 : y*g.w+x1]
		var above []byte
		if y > y0 {
			above = g.pix[(y-1)*g.w+x0 : (y-1)*g.w+x1]
		}
		prev := false
		for x, v := range row {
			in := v <= thr
			if in {
				ink++
			}
			if in != prev {
				edges++
			}
			prev = in
			if above != nil {
				if (above[x] <= thr) != in {
					edges++
				}
			} else if in {
				edges++
			}
		}
		if prev {
			edges++
		}
	}
	// The bottom border.
	for _, v := range g.pix[(y1-1)*g.w+x0 : (y1-1)*g.w+x1] {
		if v <= thr {
			edges++
		}
	}
	if edges == 0 {
		return 0, ink
	}
	return 2 * float64(ink) / float64(edges), ink
}

// rotate returns g turned clockwise by deg (90, 180 or 270).
func (g *gray) rotate(deg int) *gray {
	switch deg {
	case 90:
		out := &gray{w: g.h, h: g.w, pix: make([]byte, len(g.pix))}
		for y := 0; y < g.h; y++ {
			row := g.pix[y*g.w : (y+1)*g.w]
			for x, v := range row {
				out.pix[x*out.w+(g.h-1-y)] = v
			}
		}
		return out
	case 180:
		out := &gray{w: g.w, h: g.h, pix: make([]byte, len(g.pix))}
		n := len(g.pix)
		for i, v := range g.pix {
			out.pix[n-1-i] = v
		}
		return out
	case 270:
		out := &gray{w: g.h, h: g.w, pix: make([]byte, len(g.pix))}
		for y := 0; y < g.h; y++ {
			row := g.pix[y*g.w : (y+1)*g.w]
			for x, v := range row {
				out.pix[(g.w-1-x)*out.w+y] = v
			}
		}
		return out
	}
	return g
}
