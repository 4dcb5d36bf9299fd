package pdf

import (
	"math"
	"regexp"

	"github.com/baocao/baocao/extract/vntext"
)

// Administrative documents open and close with two columns side by side:
// issuer and number on the left, motto and place-date on the right; the
// recipients on the left, the signing office, title and name on the right.
// Read line by line they interleave ("ĐẢNG BỘ TỈNH … ĐẢNG CỘNG SẢN VIỆT
// NAM"); here each column is read on its own, left first, as the exports
// write them.

// signatureCueRe finds the start of a signature block: the recipients
// ("Nơi nhận:") or a signing formula (T/M, TM., K/T, KT., TUQ., TL.).
var signatureCueRe = regexp.MustCompile(`(?i)(^|\s)(nơi nhận|t/m|tm\.|k/t|kt\.|tuq\.|tl\.)`)

// colPart is a line cut at its widest gap: the glyphs left and right of it.
type colPart struct {
	kind        int // 0: one part; 1: two parts; 2: more (not a column line)
	left, right []int
	lx1, rx0    float64 // right end of the left part, left end of the right part
}

// partsOf cuts a line at gaps wider than twice its type size (a column
// gutter; word spaces, even stretched by justification, are narrower on a
// line of several words).
func partsOf(l *line, mem []int, gs []glyph) colPart {
	cut := -1
	var lx1, rx0, end float64
	started := false
	for k, gi := range mem {
		g := &gs[gi]
		if isSpaceText(g.text) {
			continue
		}
		if started && g.x-end > 2*l.size {
			if cut >= 0 {
				return colPart{kind: 2}
			}
			cut, lx1, rx0 = k, end, g.x
		}
		end = math.Max(end, g.x+g.w)
		started = true
	}
	if cut < 0 {
		return colPart{}
	}
	return colPart{kind: 1, left: mem[:cut], right: mem[cut:], lx1: lx1, rx0: rx0}
}

// splitColumns finds two-column blocks on a page: at the top of the first
// page, and where a signature cue starts one. It returns the lines with
// each block's left column first, then its right column.
func splitColumns(page int, lines []*line, members [][]int, gs []glyph) []*line {
	var out []*line
	done := 0
	for s := 0; s < len(lines); s++ {
		l := lines[s]
		if l.tbl != nil || members[s] == nil {
			continue
		}
		top := page == 1 && s <= 3
		if !top && !signatureCueRe.MatchString(vntext.NFC(l.text())) {
			continue
		}
		seed := partsOf(l, members[s], gs)
		if seed.kind != 1 {
			continue
		}
		from, to, cols := growColumns(lines, members, gs, s, seed, top)
		if cols == nil {
			continue
		}
		out = append(out, lines[done:from]...)
		out = append(out, cols...)
		done = to
		s = to - 1
	}
	if done == 0 {
		return lines
	}
	return append(out, lines[done:]...)
}

// growColumns extends a block from the seed line while lines keep clear of
// a common gutter, forward (and back to the page top for a header), and
// returns the block's range and its lines, column by column.
func growColumns(lines []*line, members [][]int, gs []glyph, s int, seed colPart, top bool) (int, int, []*line) {
	gLo, gHi := seed.lx1, seed.rx0
	side := map[int]int{} // line index → 0 left, 1 right, 2 both
	parts := map[int]colPart{s: seed}
	side[s] = 2
	twoPart := 1
	fits := func(k int) bool {
		l := lines[k]
		if l.tbl != nil || members[k] == nil {
			return false
		}
		if n, _ := l.leadingNote(); n > 0 {
			return false // a footnote body below the block
		}
		p := partsOf(l, members[k], gs)
		switch p.kind {
		case 1:
			lo, hi := math.Max(gLo, p.lx1), math.Min(gHi, p.rx0)
			if hi-lo < l.size {
				return false
			}
			gLo, gHi = lo, hi
			parts[k], side[k] = p, 2
			twoPart++
			return true
		case 0:
			canL := gHi-math.Max(gLo, l.x1) >= l.size
			canR := math.Min(gHi, l.x0)-gLo >= l.size
			if canL && canR {
				if (l.x0+l.x1)/2 < (gLo+gHi)/2 {
					canR = false
				} else {
					canL = false
				}
			}
			switch {
			case canL:
				gLo = math.Max(gLo, l.x1)
				side[k] = 0
			case canR:
				gHi = math.Min(gHi, l.x0)
				side[k] = 1
			default:
				return false
			}
			return true
		}
		return false
	}
	to := s + 1
	for to < len(lines) && lines[to-1].base-lines[to].base < 8*lines[to].size && fits(to) {
		to++
	}
	from := s
	if top {
		for from > 0 && fits(from-1) {
			from--
		}
	}
	if to-from < 2 || top && to-from < 3 && twoPart < 2 {
		return 0, 0, nil
	}
	page := lines[s].page
	var left, right []*line
	for k := from; k < to; k++ {
		switch side[k] {
		case 0:
			left = append(left, lines[k])
		case 1:
			right = append(right, lines[k])
		case 2:
			p := parts[k]
			if ll := makeLine(page, gs, append([]int(nil), p.left...)); ll != nil {
				left = append(left, ll)
			}
			if rl := makeLine(page, gs, append([]int(nil), p.right...)); rl != nil {
				right = append(right, rl)
			}
		}
	}
	mark := func(ls []*line) {
		edge := 0.0
		for _, l := range ls {
			edge = math.Max(edge, l.x1)
		}
		for _, l := range ls {
			l.colRight, l.solo = edge+0.5, true
		}
	}
	mark(left)
	mark(right)
	return from, to, append(left, right...)
}
