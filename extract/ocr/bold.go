package ocr

import (
	"sort"
	"unicode"
)

// Tesseract does not say which words are bold; the page image does. Bold
// type has wider strokes than the regular face of the same size, so each
// word's stroke width is compared with the typical one of the document,
// where regular body text dominates. The width is not scaled by the line's
// x-height: Tesseract gives a capitals line its cap height, and headings
// in these reports are set in the body size, capitals or not.

// boldRatio is how much wider than the document's usual strokes a word's
// strokes must be to count as bold. Times bold stems are about 1.5 times
// the regular ones; scanning and JPEG blur bring that nearer 1.3.
const boldRatio = 1.15

// minLetters is the fewest letters a word needs for its stroke width to
// say anything: a digit or a colon is too small a sample.
const minLetters = 3

// strokeRef returns the typical stroke width of the words of the pages,
// 0 when no word was measured.
func strokeRef(pages []*page) float64 {
	var v []float64
	for _, pg := range pages {
		if pg == nil {
			continue
		}
		for _, l := range pg.lines {
			for _, w := range l.words {
				if w.stroke > 0 && letters(w.text) >= minLetters {
					v = append(v, w.stroke)
				}
			}
		}
	}
	if len(v) == 0 {
		return 0
	}
	sort.Float64s(v)
	// The 40th percentile: body text is most of a report, and the bold
	// headings, being the minority, sit above the median if anything.
	return v[len(v)*2/5]
}

// weight classes a word as bold (> 0) or regular (< 0), weighted by its
// letters, or 0 when it cannot tell.
func weight(w word, ref float64) int {
	n := letters(w.text)
	if ref <= 0 || w.stroke <= 0 || n < minLetters-1 {
		return 0
	}
	if w.stroke > boldRatio*ref {
		return n
	}
	return -n
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// boldRun decides from the words' weights whether a paragraph is bold as a
// whole, or starts with a bold run (a run-in heading) and how many runes
// that run covers. It picks the split into a bold head and a regular tail
// that agrees with most letters, and accepts it only when few letters
// disagree: one misjudged word must not cut a heading in two.
func boldRun(ws []wordWeight, runes int) (bold bool, prefix int) {
	if len(ws) == 0 {
		return false, 0
	}
	// agree[k]: letters consistent with "words before k bold, the rest
	// regular".
	total := 0
	regular := 0 // letters of regular words, all counted as agreeing at k=0
	for _, w := range ws {
		total += abs(w.weight)
		if w.weight < 0 {
			regular -= w.weight
		}
	}
	best, bestK := regular, 0
	agree := regular
	for k, w := range ws {
		// Moving word k into the head.
		agree += w.weight
		if agree > best {
			best, bestK = agree, k+1
		}
	}
	if bestK == 0 || float64(best) < 0.9*float64(total) {
		return false, 0
	}
	if bestK == len(ws) {
		return true, 0
	}
	return false, ws[bestK-1].end
}
