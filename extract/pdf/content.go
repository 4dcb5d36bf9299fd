package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"

	lpdf "github.com/ledongthuc/pdf"
)

// glyph is one shown character code, positioned in page space (points, y up).
type glyph struct {
	x, y float64 // origin on the baseline
	w    float64 // advance along the baseline
	size float64 // effective font size
	text string
	font *fontInfo
	seq  int32 // order in the content stream
}

// rule is a thin horizontal filled or stroked path: footnote separators and
// table borders.
type rule struct {
	x0, x1, y float64
}

// vrule is a thin vertical path: a table's column border.
type vrule struct {
	x, y0, y1 float64
}

// box is the page-space bounding box of one subpath.
type box struct {
	x0, y0, x1, y1 float64
	rect           bool // made by re: a stroked rectangle draws four borders
}

// matrix is an affine transform [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m first, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type gstate struct {
	ctm   matrix
	font  *fontInfo
	fs    float64 // Tf size
	tc    float64 // character spacing
	tw    float64 // word spacing
	th    float64 // horizontal scaling (Tz/100)
	tl    float64 // leading
	rise  float64
	fill  bool // text render modes are not needed; kept for clarity of q/Q
	tmode int
}

// walker interprets the content streams of one page (and the forms it
// draws) into glyphs and rules.
type walker struct {
	doc    *document
	glyphs []glyph
	rules  []rule
	vrules []vrule
	images int // image XObjects and inline images drawn
	hidden int // glyphs drawn invisible (text render mode 3 or 7)

	g     gstate
	stack []gstate
	tm    matrix
	tlm   matrix
	ops   []operand
	depth int // form XObject nesting
	// arenas for the operands of the current operator, reset after each
	arrBuf []operand
	strBuf []byte

	// the current path's subpaths, each as a bounding box in page space:
	// one path often draws all borders of a table
	sub    box
	hasSub bool
	subs   []box
}

type operand struct {
	kind tokKind // tokNum, tokName, tokStr, tokArrOpen (array)
	num  float64
	b    []byte
	arr  []operand
}

const (
	maxGlyphsPerPage = 400_000
	maxFormDepth     = 8
	maxArrayLen      = 1 << 16
	maxGStack        = 256
)

// errTooMuch stops a page that draws more than any report page would.
var errTooMuch = fmt.Errorf("page too large: more than %d glyphs", maxGlyphsPerPage)

func (w *walker) run(content []byte, res resources, ctm matrix) {
	w.g = gstate{ctm: ctm, th: 1}
	w.tm, w.tlm = identity, identity
	w.interpret(content, res)
}

// resources are a page's or form's resource dictionaries, looked up lazily.
type resources struct {
	v lpdf.Value
}

func (w *walker) interpret(content []byte, res resources) {
	l := lexer{in: content}
	fonts := map[string]*fontInfo{}
	w.ops = w.ops[:0]
	n := 0
	for {
		n++
		if n&4095 == 0 {
			w.doc.budget.check()
		}
		t := l.next()
		switch t.kind {
		case tokEOF:
			return
		case tokNum:
			w.ops = append(w.ops, operand{kind: tokNum, num: t.num})
		case tokName:
			w.ops = append(w.ops, operand{kind: tokName, b: t.b})
		case tokStr:
			w.ops = append(w.ops, operand{kind: tokStr, b: w.keep(t.b)})
		case tokArrOpen:
			w.ops = append(w.ops, operand{kind: tokArrOpen, arr: w.readArray(&l)})
		case tokDictOpen:
			skipDict(&l, 0)
			w.ops = append(w.ops, operand{kind: tokDictOpen})
		case tokArrClose, tokDictClose:
			// stray closer: ignore
		case tokOp:
			if len(t.b) == 2 && t.b[0] == 'I' && t.b[1] == 'D' {
				l.skipInlineImage()
				w.images++
				w.ops = w.ops[:0]
				continue
			}
			w.op(string(t.b), res, fonts)
			w.ops = w.ops[:0]
			w.arrBuf = w.arrBuf[:0]
			w.strBuf = w.strBuf[:0]
		}
		if len(w.ops) > 1024 {
			w.ops = w.ops[:0] // garbage between operators
		}
	}
}

// keep copies a string token into the operator's arena: the lexer reuses
// its buffer for the next string.
func (w *walker) keep(b []byte) []byte {
	start := len(w.strBuf)
	w.strBuf = append(w.strBuf, b...)
	return w.strBuf[start:len(w.strBuf):len(w.strBuf)]
}

// readArray reads a top-level array (TJ's) into the operator's arena;
// nested arrays, which text operators do not use, are read by readArray.
func (w *walker) readArray(l *lexer) []operand {
	start := len(w.arrBuf)
	for {
		t := l.next()
		switch t.kind {
		case tokEOF, tokArrClose, tokOp:
			return w.arrBuf[start:len(w.arrBuf):len(w.arrBuf)]
		case tokNum:
			w.arrBuf = append(w.arrBuf, operand{kind: tokNum, num: t.num})
		case tokStr:
			w.arrBuf = append(w.arrBuf, operand{kind: tokStr, b: w.keep(t.b)})
		case tokName:
			w.arrBuf = append(w.arrBuf, operand{kind: tokName, b: t.b})
		case tokArrOpen:
			w.arrBuf = append(w.arrBuf, operand{kind: tokArrOpen, arr: readArray(l, 1)})
		case tokDictOpen:
			skipDict(l, 1)
		}
		if len(w.arrBuf)-start > maxArrayLen {
			return w.arrBuf[start:len(w.arrBuf):len(w.arrBuf)]
		}
	}
}

func readArray(l *lexer, depth int) []operand {
	var arr []operand
	for {
		t := l.next()
		switch t.kind {
		case tokEOF, tokArrClose:
			return arr
		case tokNum:
			arr = append(arr, operand{kind: tokNum, num: t.num})
		case tokStr:
			arr = append(arr, operand{kind: tokStr, b: append([]byte(nil), t.b...)})
		case tokName:
			arr = append(arr, operand{kind: tokName, b: t.b})
		case tokArrOpen:
			if depth < 8 {
				arr = append(arr, operand{kind: tokArrOpen, arr: readArray(l, depth+1)})
			}
		case tokDictOpen:
			skipDict(l, depth+1)
		case tokOp:
			// an operator inside an array is malformed: stop the array here
			return arr
		}
		if len(arr) > maxArrayLen {
			return arr
		}
	}
}

func skipDict(l *lexer, depth int) {
	for {
		t := l.next()
		switch t.kind {
		case tokEOF, tokDictClose:
			return
		case tokDictOpen:
			if depth < 16 {
				skipDict(l, depth+1)
			}
		case tokArrOpen:
			readArray(l, depth+1)
		}
	}
}

func (w *walker) num(i int) float64 {
	if i < 0 || i >= len(w.ops) {
		return 0
	}
	return w.ops[i].num
}

// args reports whether the operator got at least n operands, and makes the
// last n of them the ones num(0..n-1) reads.
func (w *walker) args(n int) bool {
	if len(w.ops) < n {
		return false
	}
	w.ops = w.ops[len(w.ops)-n:]
	return true
}

func (w *walker) op(op string, res resources, fonts map[string]*fontInfo) {
	switch op {
	case "q":
		if len(w.stack) < maxGStack {
			w.stack = append(w.stack, w.g)
		}
	case "Q":
		if n := len(w.stack); n > 0 {
			w.g = w.stack[n-1]
			w.stack = w.stack[:n-1]
		}
	case "cm":
		if w.args(6) {
			m := matrix{w.num(0), w.num(1), w.num(2), w.num(3), w.num(4), w.num(5)}
			w.g.ctm = m.mul(w.g.ctm)
		}
	case "BT":
		w.tm, w.tlm = identity, identity
	case "Tc":
		if w.args(1) {
			w.g.tc = w.num(0)
		}
	case "Tw":
		if w.args(1) {
			w.g.tw = w.num(0)
		}
	case "Tz":
		if w.args(1) {
			w.g.th = w.num(0) / 100
		}
	case "TL":
		if w.args(1) {
			w.g.tl = w.num(0)
		}
	case "Ts":
		if w.args(1) {
			w.g.rise = w.num(0)
		}
	case "Tr":
		if w.args(1) {
			w.g.tmode = int(w.num(0))
		}
	case "Tf":
		if w.args(2) && w.ops[0].kind == tokName {
			w.g.font = w.font(string(w.ops[0].b), res, fonts)
			w.g.fs = w.num(1)
		}
	case "Td":
		if w.args(2) {
			w.moveLine(w.num(0), w.num(1))
		}
	case "TD":
		if w.args(2) {
			w.g.tl = -w.num(1)
			w.moveLine(w.num(0), w.num(1))
		}
	case "Tm":
		if w.args(6) {
			w.tm = matrix{w.num(0), w.num(1), w.num(2), w.num(3), w.num(4), w.num(5)}
			w.tlm = w.tm
		}
	case "T*":
		w.moveLine(0, -w.g.tl)
	case "Tj":
		if w.args(1) {
			w.show(w.ops[0].b)
		}
	case "'":
		if w.args(1) {
			w.moveLine(0, -w.g.tl)
			w.show(w.ops[0].b)
		}
	case "\"":
		if w.args(3) {
			w.g.tw, w.g.tc = w.num(0), w.num(1)
			w.moveLine(0, -w.g.tl)
			w.show(w.ops[2].b)
		}
	case "TJ":
		if w.args(1) {
			for _, x := range w.ops[0].arr {
				switch x.kind {
				case tokStr:
					w.show(x.b)
				case tokNum:
					tx := -x.num / 1000 * w.g.fs * w.g.th
					w.tm = matrix{1, 0, 0, 1, tx, 0}.mul(w.tm)
				}
			}
		}
	case "m":
		if w.args(2) {
			w.closeSub()
			w.addPoint(w.num(0), w.num(1))
		}
	case "l":
		if w.args(2) {
			w.addPoint(w.num(0), w.num(1))
		}
	case "c":
		if w.args(6) {
			w.addPoint(w.num(4), w.num(5))
		}
	case "v", "y":
		if w.args(4) {
			w.addPoint(w.num(2), w.num(3))
		}
	case "re":
		if w.args(4) {
			x, y, dx, dy := w.num(0), w.num(1), w.num(2), w.num(3)
			w.closeSub()
			w.addPoint(x, y)
			w.addPoint(x+dx, y+dy)
			w.addPoint(x, y+dy)
			w.addPoint(x+dx, y)
			w.sub.rect = true
			w.closeSub()
		}
	case "S", "s", "B", "B*", "b", "b*":
		w.paintPath(true)
	case "f", "F", "f*":
		w.paintPath(false)
	case "n":
		w.hasSub = false
		w.subs = w.subs[:0]
	case "Do":
		if w.args(1) && w.ops[0].kind == tokName {
			w.xobject(string(w.ops[0].b), res)
		}
	}
}

func (w *walker) moveLine(tx, ty float64) {
	w.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(w.tlm)
	w.tm = w.tlm
}

func (w *walker) addPoint(x, y float64) {
	px, py := w.g.ctm.apply(x, y)
	if !w.hasSub {
		w.sub = box{x0: px, x1: px, y0: py, y1: py}
		w.hasSub = true
		return
	}
	w.sub.x0 = math.Min(w.sub.x0, px)
	w.sub.x1 = math.Max(w.sub.x1, px)
	w.sub.y0 = math.Min(w.sub.y0, py)
	w.sub.y1 = math.Max(w.sub.y1, py)
}

// closeSub ends the current subpath.
func (w *walker) closeSub() {
	if w.hasSub && len(w.subs) < maxSubpaths {
		w.subs = append(w.subs, w.sub)
	}
	w.hasSub = false
}

const (
	maxSubpaths = 4096
	maxRules    = 10000
	ruleWidth   = 2.5 // thicker is a shape, not a border
)

// paintPath keeps the thin horizontal and vertical subpaths of a painted
// path as rules, and the four sides of a stroked rectangle (a cell border
// drawn as a box).
func (w *walker) paintPath(stroke bool) {
	w.closeSub()
	for _, b := range w.subs {
		if b.rect && stroke && b.x1-b.x0 > ruleWidth && b.y1-b.y0 > ruleWidth {
			w.addRule(box{x0: b.x0, x1: b.x1, y0: b.y0, y1: b.y0})
			w.addRule(box{x0: b.x0, x1: b.x1, y0: b.y1, y1: b.y1})
			w.addRule(box{x0: b.x0, x1: b.x0, y0: b.y0, y1: b.y1})
			w.addRule(box{x0: b.x1, x1: b.x1, y0: b.y0, y1: b.y1})
			continue
		}
		w.addRule(b)
	}
	w.subs = w.subs[:0]
}

func (w *walker) addRule(b box) {
	if len(w.rules)+len(w.vrules) >= maxRules {
		return
	}
	switch {
	case b.y1-b.y0 <= ruleWidth && b.x1-b.x0 >= 20:
		w.rules = append(w.rules, rule{x0: b.x0, x1: b.x1, y: (b.y0 + b.y1) / 2})
	case b.x1-b.x0 <= ruleWidth && b.y1-b.y0 >= 8:
		w.vrules = append(w.vrules, vrule{x: (b.x0 + b.x1) / 2, y0: b.y0, y1: b.y1})
	}
}

func (w *walker) font(name string, res resources, fonts map[string]*fontInfo) *fontInfo {
	if f, ok := fonts[name]; ok {
		return f
	}
	v := res.v.Key("Font").Key(name)
	var f *fontInfo
	if v.Kind() == lpdf.Dict {
		key := fontKey{id: objID(v), name: name}
		if key.id == 0 {
			f = newFont(v)
		} else if f = w.doc.fonts[key]; f == nil {
			f = newFont(v)
			w.doc.fonts[key] = f
		}
	}
	fonts[name] = f
	return f
}

// show draws a string with the current font, one glyph per character code.
func (w *walker) show(s []byte) {
	f := w.g.font
	if f == nil {
		return
	}
	step := 1
	if f.twoByte {
		step = 2
	}
	trm0 := matrix{w.g.fs * w.g.th, 0, 0, w.g.fs, 0, w.g.rise}
	for i := 0; i+step <= len(s); i += step {
		var code uint32
		if step == 2 {
			code = uint32(s[i])<<8 | uint32(s[i+1])
		} else {
			code = uint32(s[i])
		}
		m := w.tm.mul(w.g.ctm)
		trm := trm0.mul(m)
		w0 := f.width(code) * f.scale
		adv := w0*w.g.fs + w.g.tc
		if step == 1 && code == 32 {
			adv += w.g.tw
		}
		adv *= w.g.th
		// Glyphs that do not run left to right (rotated stamps, vertical
		// margin text) are not part of the reading text.
		if trm[0] > 0 && math.Abs(trm[1]) < 0.05*trm[0] {
			size := math.Hypot(trm[2], trm[3])
			if size > 0.5 && size < 200 {
				if len(w.glyphs) >= maxGlyphsPerPage {
					panic(budgetError{errTooMuch})
				}
				scaleX := math.Hypot(m[0], m[1])
				w.glyphs = append(w.glyphs, glyph{
					x: trm[4], y: trm[5], w: w0 * w.g.fs * w.g.th * scaleX, size: size,
					text: f.decode(code), font: f, seq: int32(len(w.glyphs)),
				})
				if w.g.tmode == 3 || w.g.tmode == 7 {
					w.hidden++
				}
			}
		}
		w.tm = matrix{1, 0, 0, 1, adv, 0}.mul(w.tm)
	}
}

func (w *walker) xobject(name string, res resources) {
	x := res.v.Key("XObject").Key(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		w.images++
	case "Form":
		if w.depth >= maxFormDepth {
			return
		}
		data, err := readStream(x, w.doc.maxStream)
		if err != nil {
			return
		}
		sub := resources{v: x.Key("Resources")}
		if sub.v.IsNull() {
			sub = res
		}
		saved, savedStack, savedTm, savedTlm, savedOps := w.g, w.stack, w.tm, w.tlm, w.ops
		savedArr, savedStr := w.arrBuf, w.strBuf
		if m := x.Key("Matrix"); m.Len() == 6 {
			fm := matrix{}
			for i := range fm {
				fm[i] = m.Index(i).Float64()
			}
			w.g.ctm = fm.mul(w.g.ctm)
		}
		w.stack, w.ops, w.arrBuf, w.strBuf = nil, nil, nil, nil
		w.depth++
		w.interpret(data, sub)
		w.depth--
		w.g, w.stack, w.tm, w.tlm, w.ops = saved, savedStack, savedTm, savedTlm, savedOps[:0]
		w.arrBuf, w.strBuf = savedArr, savedStr
	}
}

// readStream returns the decoded data of a stream, failing beyond limit
// bytes (a small compressed stream can inflate to gigabytes).
func readStream(v lpdf.Value, limit int64) ([]byte, error) {
	if v.Kind() != lpdf.Stream {
		return nil, fmt.Errorf("not a stream")
	}
	rc := v.Reader()
	defer rc.Close()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, limit+1))
	if n > limit {
		return nil, fmt.Errorf("stream larger than %d MiB", limit>>20)
	}
	if err != nil && buf.Len() == 0 {
		return nil, err
	}
	// A stream cut short (a bad Length, a truncated deflate) still gives
	// the text it has.
	return buf.Bytes(), nil
}
