package pdf

import (
	"math"
	"sort"
	"strings"

	"github.com/baocao/baocao/extract/vntext"
)

// table is a table read from the rules drawn on a page: its cells' text,
// row by row, the header row included.
type table struct {
	rows [][]string
	x0   float64
	x1   float64
	cols []float64 // inner column borders, left to right
}

// level is one height at which horizontal rules are drawn, their touching
// segments merged: a table border, a row border, a footnote separator.
type level struct {
	y      float64
	x0, x1 float64
	cuts   []float64 // segment ends inside [x0, x1]: cell borders drawn cell by cell
}

// ruleLevels merges the horizontal rules of a page into levels, top down.
func ruleLevels(rules []rule) []level {
	if len(rules) == 0 {
		return nil
	}
	rs := append([]rule(nil), rules...)
	sort.Slice(rs, func(a, b int) bool {
		if math.Abs(rs[a].y-rs[b].y) > 1.5 {
			return rs[a].y > rs[b].y
		}
		return rs[a].x0 < rs[b].x0
	})
	var out []level
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && math.Abs(rs[j].y-rs[i].y) <= 1.5 {
			j++
		}
		// rs[i:j] share a height and are sorted by x0: merge touching ones.
		var cur *level
		for _, r := range rs[i:j] {
			if cur != nil && r.x0 <= cur.x1+2 {
				if r.x0 > cur.x0+2 {
					cur.cuts = append(cur.cuts, r.x0)
				}
				cur.x1 = math.Max(cur.x1, r.x1)
				continue
			}
			out = append(out, level{y: r.y, x0: r.x0, x1: r.x1})
			cur = &out[len(out)-1]
		}
		i = j
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].y > out[b].y })
	return out
}

// findTables reads the ruled tables of a page: runs of two or more rule
// levels of the same extent with text between them. Columns come from the
// vertical rules, from the ends of rules drawn cell by cell, or, for tables
// ruled only above and below (the booktabs style of LibreOffice and
// pandoc), from the white channels that run down through every text line.
// Each table's lines are replaced by one line that carries the table.
func findTables(page int, lines []*line, members [][]int, gs []glyph, rules []rule, vrules []vrule) ([]*line, [][]int) {
	levels := ruleLevels(rules)
	if len(levels) < 2 || len(lines) == 0 {
		return lines, members
	}
	for i := 0; i < len(levels); {
		j := i + 1
		for j < len(levels) && math.Abs(levels[j].x0-levels[i].x0) <= 3 && math.Abs(levels[j].x1-levels[i].x1) <= 3 {
			j++
		}
		if j-i >= 2 {
			lines, members = readTable(page, lines, members, gs, levels[i:j], vrules)
		}
		i = j
	}
	return lines, members
}

// tableLine is a line of a table cut at the column borders.
type tableLine struct {
	base  float64
	size  float64
	frags []string // per column, "" where the line has nothing
	n     int      // non-empty frags
}

func readTable(page int, lines []*line, members [][]int, gs []glyph, lv []level, vrules []vrule) ([]*line, [][]int) {
	top, bottom := lv[0].y, lv[len(lv)-1].y
	x0, x1 := lv[0].x0, lv[0].x1
	var in []int
	for k, l := range lines {
		if l.tbl == nil && l.base < top && l.base > bottom && l.x0 >= x0-l.size && l.x1 <= x1+l.size {
			in = append(in, k)
		}
	}
	if len(in) < 2 {
		return lines, members
	}
	sizes := make([]float64, len(in))
	for k, i := range in {
		sizes[k] = lines[i].size
	}
	sort.Float64s(sizes)
	size := sizes[len(sizes)/2]

	cols := ruledColumns(lv, vrules, x0, x1, top, bottom)
	if len(cols) == 0 {
		// Column borders from the text: leave out the header band when
		// there is one, since a header cell may span several columns.
		use := in
		if len(lv) >= 3 {
			var body []int
			for _, i := range in {
				if lines[i].base < lv[1].y {
					body = append(body, i)
				}
			}
			if len(body) >= 2 {
				use = body
			}
		}
		cols = textColumns(lines, members, gs, use, x0, x1, size)
	}
	if len(cols) == 0 || len(cols) > 64 {
		return lines, members
	}

	tls := make([]tableLine, len(in))
	for k, i := range in {
		tls[k] = cutLine(page, lines[i], members[i], gs, cols)
	}
	rows := tableRows(tls, lv, len(cols)+1)
	multi := 0
	for _, r := range rows {
		n := 0
		for _, c := range r {
			if c != "" {
				n++
			}
		}
		if n >= 2 {
			multi++
		}
	}
	if len(rows) < 2 || 2*multi < len(rows) {
		return lines, members
	}
	t := &table{rows: rows, x0: x0, x1: x1, cols: cols}
	ph := &line{page: page, tbl: t, base: lines[in[0]].base, x0: x0, x1: x1, size: size}
	for _, i := range in {
		ph.glyphs += lines[i].glyphs
	}
	outL := make([]*line, 0, len(lines)-len(in)+1)
	outM := make([][]int, 0, len(lines)-len(in)+1)
	k := 0
	for i := range lines {
		if k < len(in) && in[k] == i {
			if k == 0 {
				outL, outM = append(outL, ph), append(outM, nil)
			}
			k++
			continue
		}
		outL, outM = append(outL, lines[i]), append(outM, members[i])
	}
	return outL, outM
}

// ruledColumns returns the inner column borders that the drawing gives:
// vertical rules crossing the table, and the ends of horizontal rules
// drawn cell by cell.
func ruledColumns(lv []level, vrules []vrule, x0, x1, top, bottom float64) []float64 {
	var xs []float64
	for _, v := range vrules {
		if v.x > x0+2 && v.x < x1-2 && math.Min(v.y1, top)-math.Max(v.y0, bottom) > 2 {
			xs = append(xs, v.x)
		}
	}
	for _, l := range lv {
		for _, c := range l.cuts {
			if c > x0+2 && c < x1-2 {
				xs = append(xs, c)
			}
		}
	}
	return clusterXs(xs, 2)
}

func clusterXs(xs []float64, tol float64) []float64 {
	if len(xs) == 0 {
		return nil
	}
	sort.Float64s(xs)
	out := []float64{xs[0]}
	for _, x := range xs[1:] {
		if x-out[len(out)-1] > tol {
			out = append(out, x)
		}
	}
	return out
}

// textColumns finds the white channels that run through all the given
// lines: gaps in the union of their words wider than a word space (the
// lower quartile of the gaps inside lines, which are mostly word spaces),
// at least half the type size and at most 0.9 of it.
func textColumns(lines []*line, members [][]int, gs []glyph, use []int, x0, x1, size float64) []float64 {
	type span struct{ lo, hi float64 }
	var spans []span
	var inner []float64
	for _, i := range use {
		first := len(spans)
		l := lines[i]
		in := false
		var cur span
		var prevEnd float64
		for _, gi := range members[i] {
			g := &gs[gi]
			if isSpaceText(g.text) {
				continue
			}
			if in && g.x-prevEnd > 0.25*l.size {
				spans = append(spans, cur)
				in = false
			}
			if !in {
				cur = span{g.x, g.x + g.w}
				in = true
			}
			cur.hi = math.Max(cur.hi, g.x+g.w)
			prevEnd = g.x + g.w
		}
		if in {
			spans = append(spans, cur)
		}
		for k := first + 1; k < len(spans); k++ {
			inner = append(inner, spans[k].lo-spans[k-1].hi)
		}
	}
	if len(spans) == 0 {
		return nil
	}
	thr := 0.5 * size
	if len(inner) > 0 {
		sort.Float64s(inner)
		thr = math.Max(thr, math.Min(1.6*inner[len(inner)/4], 0.9*size))
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].lo < spans[b].lo })
	var cols []float64
	hi := spans[0].hi
	for _, s := range spans[1:] {
		if s.lo-hi >= thr {
			cols = append(cols, (s.lo+hi)/2)
		}
		hi = math.Max(hi, s.hi)
	}
	return cols
}

// cutLine splits a table line at the column borders; each part is built
// like a line of its own, so spacing and encodings come out the same.
// Raised numbers (footnote markers) are left out of the cells: glued to a
// figure they would change its value.
func cutLine(page int, l *line, mem []int, gs []glyph, cols []float64) tableLine {
	tl := tableLine{base: l.base, size: l.size, frags: make([]string, len(cols)+1)}
	parts := make([][]int, len(cols)+1)
	for _, gi := range mem {
		g := &gs[gi]
		c := sort.SearchFloat64s(cols, g.x+g.w/2)
		parts[c] = append(parts[c], gi)
	}
	for c, p := range parts {
		if len(p) == 0 {
			continue
		}
		fl := makeLine(page, gs, p)
		if fl == nil {
			continue
		}
		var b strings.Builder
		for _, pc := range fl.pieces {
			if pc.sup {
				if _, ok := smallNumber(strings.TrimSpace(pc.text)); ok {
					continue
				}
			}
			b.WriteString(pc.text)
		}
		if t := strings.TrimSpace(b.String()); t != "" {
			tl.frags[c] = t
			tl.n++
		}
	}
	return tl
}

// tableRows groups table lines into rows. A rule between two lines ends a
// row. Without one, a line starts a new row when the space above it is
// larger than the space between the lines of one cell (cell padding), or
// when it fills the first column again next to other cells (tables whose
// cells all fit on one line).
func tableRows(tls []tableLine, lv []level, ncols int) [][]string {
	ruled := func(a, b float64) bool {
		for _, l := range lv {
			if l.y < a && l.y > b {
				return true
			}
		}
		return false
	}
	dmin := math.Inf(1)
	for k := 1; k < len(tls); k++ {
		if d := tls[k-1].base - tls[k].base; d > 0 && !ruled(tls[k-1].base, tls[k].base) {
			dmin = math.Min(dmin, d)
		}
	}
	var rows [][]string
	var cur []string
	for k, tl := range tls {
		if tl.n == 0 {
			continue
		}
		start := cur == nil
		if !start {
			prev := tls[k-1]
			d := prev.base - tl.base
			switch {
			case ruled(prev.base, tl.base):
				start = true
			case d > 1.12*dmin && d > 0.2*tl.size:
				start = true
			case tl.frags[0] != "" && cur[0] != "" && tl.n >= 2:
				start = true
			}
		}
		if start {
			if cur != nil {
				rows = append(rows, finishRow(cur))
			}
			cur = make([]string, ncols)
		}
		for c, f := range tl.frags {
			if f == "" {
				continue
			}
			if cur[c] == "" {
				cur[c] = f
			} else {
				cur[c] += " " + f
			}
		}
	}
	if cur != nil {
		rows = append(rows, finishRow(cur))
	}
	return rows
}

func finishRow(r []string) []string {
	for c := range r {
		r[c] = vntext.NFC(vntext.SquashSpace(r[c]))
	}
	return r
}

// sameRow reports whether two rows read the same (a header row that a
// table split over pages repeats).
func sameRow(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if vntext.Key(a[i]) != vntext.Key(b[i]) {
			return false
		}
	}
	return true
}

// BUG(pdf): Tables are found only where at least two horizontal rules of
// the same width bracket them; a table drawn without rules, or the part of
// a ruled table that reaches a new page without its own top rule, comes
// out as text lines. A row that a page break cuts in two gives two rows.
// Footnote markers inside cells are dropped.
