package ocr

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// upright returns the page turned upright when it was scanned sideways or
// upside down, read again from the turned image g; otherwise pg and g as
// they are. A page fed sideways is read by Tesseract, but with its lines
// standing on end, which the layout cannot use; one upside down is read as
// gibberish.
func upright(ctx context.Context, tl tools, lang string, dpi int, pg *page, g *gray, image string) (*page, *gray, error) {
	turn, ask := orientation(pg)
	if ask {
		var err error
		if turn, err = detectTurn(ctx, tl, image, dpi); err != nil {
			return nil, nil, err
		}
	}
	if turn == 0 {
		return pg, g, nil
	}
	orig := g
	g = g.rotate(turn)
	name := strings.TrimSuffix(image, ".tif") + ".turned.tif"
	if err := writeImage(name, g, dpi); err != nil {
		return nil, nil, err
	}
	defer os.Remove(name)
	read, err := runTesseract(ctx, tl, name, "hocr", lang, dpi)
	if err != nil {
		return nil, nil, err
	}
	if len(read) != 1 {
		return nil, nil, fmt.Errorf("tesseract read %d pages from one image", len(read))
	}
	// A poor upright scan may fool the detector: a turn it proposed is
	// kept only when Tesseract reads the turned page with more confidence.
	// Lines on end were read well already; turned they must read about as
	// well, and then the layout can use them.
	before, after := meanConf(pg), meanConf(read[0])
	if ask && after <= before || !ask && after < before-10 {
		return pg, orig, nil
	}
	return read[0], g, nil
}

// meanConf is the mean word confidence of a page, 0 without words.
func meanConf(pg *page) float64 {
	var sum float64
	var n int
	for _, l := range pg.lines {
		for _, w := range l.words {
			sum += w.conf
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// orientation judges from what Tesseract read whether the page needs
// turning: turn is the clockwise rotation, in degrees, that puts it
// upright when the lines say so; ask means Tesseract's orientation
// detection should decide.
func orientation(pg *page) (turn int, ask bool) {
	var lines, standing, down int
	var words int
	var conf float64
	for _, l := range pg.lines {
		for _, w := range l.words {
			words++
			conf += w.conf
		}
		if len(l.words) < 3 {
			continue
		}
		lines++
		if l.box.height() > 3*l.box.width() {
			standing++
			// Which way the line runs: the first word above the last one
			// means it reads downwards, a page turned clockwise.
			if l.words[0].box.y0 < l.words[len(l.words)-1].box.y0 {
				down++
			}
		}
	}
	// Upside-down text comes out as gibberish Tesseract itself doubts; a
	// poor but upright scan rarely falls this low.
	doubtful := words >= 20 && conf/float64(words) < 60
	if lines >= 3 && 2*standing > lines && !doubtful {
		if 2*down > standing {
			return 270, false
		}
		return 90, false
	}
	// Lines on end read as gibberish were read in the wrong direction, so
	// their word order says nothing: the detector decides.
	return 0, doubtful
}

// detectTurn runs Tesseract's orientation and script detection (about a
// second a page, so only on doubtful pages) and returns its "Rotate"
// answer when it is confident of it.
func detectTurn(ctx context.Context, tl tools, image string, dpi int) (int, error) {
	out, err := runTesseractRaw(ctx, tl, image, "osd", "", dpi)
	if err != nil {
		// No osd.traineddata, or too little text to tell: leave the page.
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, nil
	}
	return parseOSD(out), nil
}

// parseOSD reads "Rotate: 180" and "Orientation confidence: 6.2" from
// Tesseract's --psm 0 output; below a confidence of 2 the answer is no
// better than a guess and the page is left as it is.
func parseOSD(out []byte) int {
	turn, conf := 0, 0.0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "Rotate":
			turn, _ = strconv.Atoi(val)
		case "Orientation confidence":
			conf, _ = strconv.ParseFloat(val, 64)
		}
	}
	switch turn {
	case 90, 180, 270:
		if conf >= 2 {
			return turn
		}
	}
	return 0
}
