package ocr

import (
	"sort"
	"strings"
)

// A ruled table on a scan: rows between horizontal rules, columns between
// vertical ones, both found as long straight runs of ink in the page image.
// Socio-economic reports put their targets and results in such tables; read
// as text, a row's cells run together with the next row's ("8.410,8
// 8.426,5 100,2 trị sản xuất (giá so sánh 2010) 2 Tốc độ") and the figures
// lose their meaning.
type table struct {
	box  box
	rows [][]string
}

// rule is a straight run of ink: horizontal (y0 == y1 give or take its
// thickness) or vertical.
type rule struct{ x0, y0, x1, y1 int }

// findTables finds the ruled tables of a page in its image g, takes the
// words inside them out of pg's lines and returns the tables.
func findTables(pg *page, g *gray) []table {
	if g == nil || g.w < 100 || g.h < 100 {
		return nil
	}
	thr := g.otsu()
	hs := g.hRules(thr, g.w/8)
	if len(hs) < 3 {
		return nil
	}
	vs := g.vRules(thr, max(g.h/40, 40))
	var out []table
	for _, grid := range grids(hs, vs) {
		t := fill(pg, grid)
		if t != nil {
			out = append(out, *t)
		}
	}
	return out
}

// hRules returns horizontal runs of ink at least min pixels long, gaps of
// up to 2 pixels bridged, rows of one rule (its thickness) merged.
func (g *gray) hRules(thr byte, min int) []rule {
	var runs []rule
	for y := 0; y < g.h; y++ {
		row := g.pix[y*g.w : (y+1)*g.w]
		inkRuns(g.w, min, func(x int) bool { return row[x] <= thr }, func(x0, x1 int) {
			runs = append(runs, rule{x0, y, x1, y})
		})
	}
	return mergeRuns(runs, true)
}

// vRules is hRules down the columns.
func (g *gray) vRules(thr byte, min int) []rule {
	var runs []rule
	for x := 0; x < g.w; x++ {
		inkRuns(g.h, min, func(y int) bool { return g.pix[y*g.w+x] <= thr }, func(y0, y1 int) {
			runs = append(runs, rule{x, y0, x, y1})
		})
	}
	return mergeRuns(runs, false)
}

// inkRuns calls emit for every run of ink along one row or column of n
// pixels that is at least min long, bridging gaps of up to 2 pixels.
func inkRuns(n, min int, ink func(i int) bool, emit func(start, end int)) {
	start, gap := -1, 0
	for i := 0; i <= n; i++ {
		in := i < n && ink(i)
		switch {
		case in && start < 0:
			start, gap = i, 0
		case in:
			gap = 0
		case start >= 0 && gap < 2 && i < n:
			gap++
		case start >= 0:
			if end := i - gap; end-start >= min {
				emit(start, end)
			}
			start = -1
		}
	}
}

// mergeRuns joins runs on neighbouring rows (or columns) that overlap into
// one rule; a rule thicker than 8 pixels is a block of ink, not a line.
func mergeRuns(runs []rule, horizontal bool) []rule {
	var out []rule
	for _, r := range runs {
		merged := false
		for i := len(out) - 1; i >= 0 && i >= len(out)-8; i-- {
			o := &out[i]
			if horizontal && r.y0 <= o.y1+1 && r.x0 < o.x1 && o.x0 < r.x1 {
				o.x0, o.x1, o.y1 = min(o.x0, r.x0), max(o.x1, r.x1), r.y1
				merged = true
				break
			}
			if !horizontal && r.x0 <= o.x1+1 && r.y0 < o.y1 && o.y0 < r.y1 {
				o.y0, o.y1, o.x1 = min(o.y0, r.y0), max(o.y1, r.y1), r.x1
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, r)
		}
	}
	kept := out[:0]
	for _, r := range out {
		if horizontal && r.y1-r.y0 <= 8 || !horizontal && r.x1-r.x0 <= 8 {
			kept = append(kept, r)
		}
	}
	return kept
}

// grid is a table's rule positions: ys of its horizontal rules, xs of its
// column borders, top to bottom and left to right.
type grid struct{ xs, ys []int }

// grids groups horizontal rules of the same span, one above the other, with
// the vertical rules that run between them: a table needs three horizontal
// rules (two rows) and three column borders (two columns).
func grids(hs, vs []rule) []grid {
	sort.Slice(hs, func(i, j int) bool { return hs[i].y0 < hs[j].y0 })
	used := make([]bool, len(hs))
	var out []grid
	for i := range hs {
		if used[i] {
			continue
		}
		group := []rule{hs[i]}
		used[i] = true
		for j := i + 1; j < len(hs); j++ {
			if used[j] {
				continue
			}
			last := group[len(group)-1]
			if abs(hs[j].x0-last.x0) <= 12 && abs(hs[j].x1-last.x1) <= 12 && hs[j].y0-last.y1 < 400 {
				group = append(group, hs[j])
				used[j] = true
			}
		}
		if len(group) < 3 {
			continue
		}
		top, bottom := group[0].y0, group[len(group)-1].y1
		left, right := group[0].x0, group[0].x1
		var xs []int
		for _, v := range vs {
			cx := (v.x0 + v.x1) / 2
			// a border spans most of the table's height, or at least a row
			if cx < left-12 || cx > right+12 || v.y1 < top-4 || v.y0 > bottom+4 || v.y1-v.y0 < (bottom-top)/3 {
				continue
			}
			xs = append(xs, cx)
		}
		xs = append(xs, left, right)
		sort.Ints(xs)
		xs = dedupe(xs, 12)
		if len(xs) < 3 {
			continue
		}
		var ys []int
		for _, h := range group {
			ys = append(ys, (h.y0+h.y1)/2)
		}
		out = append(out, grid{xs: xs, ys: ys})
	}
	return out
}

func dedupe(xs []int, within int) []int {
	out := xs[:0]
	for _, x := range xs {
		if len(out) > 0 && x-out[len(out)-1] <= within {
			continue
		}
		out = append(out, x)
	}
	return out
}

// fill puts the words inside grid into its cells and takes them out of the
// page's lines. A grid with no words is no table.
func fill(pg *page, gr grid) *table {
	top, bottom := gr.ys[0], gr.ys[len(gr.ys)-1]
	left, right := gr.xs[0], gr.xs[len(gr.xs)-1]
	type placed struct {
		row, col int
		y, x     int
		text     string
	}
	var words []placed
	for li := range pg.lines {
		l := &pg.lines[li]
		kept := l.words[:0]
		for _, w := range l.words {
			cx, cy := int(w.box.x0+w.box.x1)/2, int(w.box.y0+w.box.y1)/2
			if cx <= left || cx >= right || cy <= top || cy >= bottom {
				// A border read as "|" just outside goes with the table.
				if strings.Trim(w.text, "|[]") != "" || cy <= top || cy >= bottom || cx < left-24 || cx > right+24 {
					kept = append(kept, w)
				}
				continue
			}
			r := sort.SearchInts(gr.ys, cy) - 1
			c := sort.SearchInts(gr.xs, cx) - 1
			// Tesseract reads a column rule beside a word as "|" (or a
			// bracket) glued to it or standing alone.
			if text := strings.Trim(w.text, "|[]"); text != "" {
				words = append(words, placed{r, c, cy, int(w.box.x0), text})
			}
		}
		l.words = kept
	}
	if len(words) == 0 {
		return nil
	}
	// Reading order inside a cell: by text line (words whose middles are
	// within half a line of each other), then left to right.
	sort.SliceStable(words, func(i, j int) bool {
		a, b := words[i], words[j]
		if a.row != b.row {
			return a.row < b.row
		}
		if a.col != b.col {
			return a.col < b.col
		}
		if abs(a.y-b.y) > 12 {
			return a.y < b.y
		}
		return a.x < b.x
	})
	cells := make([][]strings.Builder, len(gr.ys)-1)
	for i := range cells {
		cells[i] = make([]strings.Builder, len(gr.xs)-1)
	}
	for _, w := range words {
		sb := &cells[w.row][w.col]
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w.text)
	}
	t := &table{box: box{int32(left), int32(top), int32(right), int32(bottom)}}
	for _, r := range cells {
		row := make([]string, len(r))
		empty := true
		for c := range r {
			row[c] = r[c].String()
			if row[c] != "" {
				empty = false
			}
		}
		if !empty {
			t.rows = append(t.rows, row)
		}
	}
	// Lines left without words were the table's.
	kept := pg.lines[:0]
	for _, l := range pg.lines {
		if len(l.words) > 0 {
			kept = append(kept, l)
		}
	}
	pg.lines = kept
	return t
}
