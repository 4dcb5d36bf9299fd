package pdf

import (
	"strconv"
	"strings"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/baocao/baocao/extract/legacy"
)

// badText is what a glyph decodes to when its font gives no way to Unicode
// (a CID font without ToUnicode): pages made of it go to OCR.
const badText = "\uFFFD"

// fontInfo is what the walker needs of one font: Unicode for each code, the
// advance width, and the style that the font name or descriptor implies.
type fontInfo struct {
	name         string // BaseFont without the subset prefix ("ABCDEF+")
	bold, italic bool
	legacy       string // "tcvn3", "vni" or "" (legacy.FontEncoding)
	twoByte      bool   // Type0: two-byte codes (Identity-H and the like)
	noUnicode    bool   // Type0 without ToUnicode or a Unicode CMap
	toUni        map[uint32]string
	diff         map[uint32]string // Differences entries named uniXXXX
	lib          *lpdf.Font        // the library's encoder for simple encodings
	cache        map[uint32]string

	first     int
	widths    []float64
	cidW      map[uint32]float64
	dw        float64 // default width (CID DW, or MissingWidth)
	scale     float64 // glyph space to text space (0.001, or FontMatrix for Type3)
	estimated bool    // no widths in the file: advances are guesses
}

func newFont(v lpdf.Value) *fontInfo {
	f := &fontInfo{cache: make(map[uint32]string), scale: 0.001}
	name := v.Key("BaseFont").Name()
	if i := strings.IndexByte(name, '+'); i >= 0 && i <= 7 {
		name = name[i+1:]
	}
	f.name = name
	f.legacy = legacy.FontEncoding(name)
	subtype := v.Key("Subtype").Name()
	desc := v.Key("FontDescriptor")

	if subtype == "Type0" {
		f.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		desc = d.Key("FontDescriptor")
		f.dw = 1000
		if dw := d.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
			f.dw = dw.Float64()
		}
		f.cidW = readCIDWidths(d.Key("W"))
		if len(f.cidW) == 0 && d.Key("DW").IsNull() {
			f.estimated = true
		}
	} else {
		f.first = int(v.Key("FirstChar").Int64())
		w := v.Key("Widths")
		n := w.Len()
		if n > 256 {
			n = 256
		}
		f.widths = make([]float64, n)
		for i := 0; i < n; i++ {
			f.widths[i] = w.Index(i).Float64()
		}
		f.dw = desc.Key("MissingWidth").Float64()
		if n == 0 {
			f.estimated = true
			f.dw = 500
		}
		if subtype == "Type3" {
			if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() != 0 {
				f.scale = m.Index(0).Float64()
			}
		}
	}

	lower := strings.ToLower(name)
	flags := desc.Key("Flags").Int64()
	f.bold = strings.Contains(lower, "bold") || strings.Contains(lower, "black") ||
		strings.Contains(lower, "heavy") || strings.Contains(lower, "semibold") ||
		strings.Contains(lower, "demi") || flags&(1<<18) != 0 || desc.Key("FontWeight").Float64() >= 600
	f.italic = strings.Contains(lower, "italic") || strings.Contains(lower, "oblique") || flags&(1<<6) != 0

	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		if data, err := readStream(tu, maxCMapBytes); err == nil {
			f.toUni = parseCMap(data)
		}
	}
	enc := v.Key("Encoding")
	if f.twoByte {
		if len(f.toUni) == 0 {
			// Identity-H without ToUnicode maps codes to glyph ids, not to
			// characters: nothing to read without the font program.
			switch enc.Name() {
			case "UniGB-UCS2-H", "UniCNS-UCS2-H", "UniJIS-UCS2-H", "UniKS-UCS2-H":
				lf := lpdf.Font{V: v}
				f.lib = &lf
			default:
				f.noUnicode = true
			}
		}
		return f
	}
	if enc.Kind() == lpdf.Dict {
		f.diff = readUniDifferences(enc.Key("Differences"))
	}
	lf := lpdf.Font{V: v}
	f.lib = &lf
	return f
}

const maxCMapBytes = 4 << 20

// readCIDWidths reads a CIDFont W array: "c [w1 w2 …]" and "cfirst clast w".
func readCIDWidths(w lpdf.Value) map[uint32]float64 {
	n := w.Len()
	if n == 0 {
		return nil
	}
	out := make(map[uint32]float64)
	for i := 0; i < n && len(out) < 1<<17; {
		c := w.Index(i)
		if c.Kind() != lpdf.Integer {
			break
		}
		first := c.Int64()
		if i+1 >= n {
			break
		}
		nx := w.Index(i + 1)
		if nx.Kind() == lpdf.Array {
			for k := 0; k < nx.Len() && k < 1<<16; k++ {
				out[uint32(first)+uint32(k)] = nx.Index(k).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := nx.Int64()
		wv := w.Index(i + 2).Float64()
		if last-first > 1<<16 || last < first {
			break
		}
		for cid := first; cid <= last; cid++ {
			out[uint32(cid)] = wv
		}
		i += 3
	}
	return out
}

// readUniDifferences keeps the Differences entries whose glyph names carry
// their code point ("uni1EA1", "u1EA1"), which the library does not know.
func readUniDifferences(d lpdf.Value) map[uint32]string {
	var out map[uint32]string
	code := -1
	for i := 0; i < d.Len() && i < 1024; i++ {
		x := d.Index(i)
		switch x.Kind() {
		case lpdf.Integer:
			code = int(x.Int64())
		case lpdf.Name:
			if code >= 0 && code < 256 {
				if s, ok := glyphNameText(x.Name()); ok {
					if out == nil {
						out = make(map[uint32]string)
					}
					out[uint32(code)] = s
				}
			}
			code++
		}
	}
	return out
}

func glyphNameText(n string) (string, bool) {
	if i := strings.IndexByte(n, '.'); i > 0 {
		n = n[:i] // "uni1EA1.alt"
	}
	var hex string
	switch {
	case strings.HasPrefix(n, "uni") && len(n) == 7:
		hex = n[3:]
	case strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7:
		hex = n[1:]
	default:
		return "", false
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) {
		return "", false
	}
	return string(rune(v)), true
}

// decode returns the text of one character code.
func (f *fontInfo) decode(code uint32) string {
	if s, ok := f.cache[code]; ok {
		return s
	}
	s := f.decodeSlow(code)
	f.cache[code] = s
	return s
}

func (f *fontInfo) decodeSlow(code uint32) string {
	if f.legacy != "" && !f.twoByte {
		// Legacy fonts: the byte is the character in TCVN3/VNI; the
		// line builder converts whole runs with legacy.DecodeString.
		return string(rune(code))
	}
	if s, ok := f.toUni[code]; ok {
		return s
	}
	if f.twoByte {
		if f.lib != nil {
			return f.lib.Encoder().Decode(string([]byte{byte(code >> 8), byte(code)}))
		}
		return badText
	}
	if s, ok := f.diff[code]; ok {
		return s
	}
	if f.lib != nil {
		return f.lib.Encoder().Decode(string([]byte{byte(code)}))
	}
	return badText
}

// width returns the advance of code in glyph space (thousandths of an em for
// all but Type3 fonts).
func (f *fontInfo) width(code uint32) float64 {
	if f.twoByte {
		if w, ok := f.cidW[code]; ok {
			return w
		}
		return f.dw
	}
	i := int(code) - f.first
	if i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i]
	}
	if f.dw > 0 {
		return f.dw
	}
	return 500
}

// parseCMap reads the bfchar and bfrange mappings of a ToUnicode CMap.
func parseCMap(data []byte) map[uint32]string {
	l := lexer{in: data}
	out := make(map[uint32]string)
	var ops []token
	var arrs [][]string // arrays seen, for bfrange destinations
	const maxEntries = 1 << 18
	for {
		t := l.next()
		switch t.kind {
		case tokEOF:
			return out
		case tokStr:
			ops = append(ops, token{kind: tokStr, b: []byte(string(t.b))})
		case tokNum, tokName:
			ops = append(ops, token{kind: t.kind, num: t.num})
		case tokArrOpen:
			var a []string
			for {
				u := l.next()
				if u.kind == tokArrClose || u.kind == tokEOF {
					break
				}
				if u.kind == tokStr {
					a = append(a, string(u.b))
				}
			}
			arrs = append(arrs, a)
			ops = append(ops, token{kind: tokArrOpen, num: float64(len(arrs) - 1)})
		case tokOp:
			switch string(t.b) {
			case "endbfchar":
				for i := 0; i+1 < len(ops) && len(out) < maxEntries; i += 2 {
					if ops[i].kind == tokStr && ops[i+1].kind == tokStr {
						out[codeOf(ops[i].b)] = utf16Text(ops[i+1].b)
					}
				}
			case "endbfrange":
				for i := 0; i+2 < len(ops) && len(out) < maxEntries; i += 3 {
					lo, hi, dst := ops[i], ops[i+1], ops[i+2]
					if lo.kind != tokStr || hi.kind != tokStr {
						continue
					}
					a, b := codeOf(lo.b), codeOf(hi.b)
					if b < a || b-a > 1<<16 {
						continue
					}
					switch dst.kind {
					case tokStr:
						base := []byte(string(dst.b))
						for c := a; c <= b && len(out) < maxEntries; c++ {
							out[c] = utf16Text(addLast(base, c-a))
						}
					case tokArrOpen:
						arr := arrs[int(dst.num)]
						for k := 0; k < len(arr) && a+uint32(k) <= b; k++ {
							out[a+uint32(k)] = utf16Text([]byte(arr[k]))
						}
					}
				}
			}
			ops = ops[:0]
			arrs = arrs[:0]
		}
	}
}

func codeOf(b []byte) uint32 {
	var c uint32
	for i := 0; i < len(b) && i < 4; i++ {
		c = c<<8 | uint32(b[i])
	}
	return c
}

// addLast adds n to the last byte (with carry into the one before), as
// bfrange destinations count up.
func addLast(b []byte, n uint32) []byte {
	out := append([]byte(nil), b...)
	if len(out) == 0 {
		return out
	}
	v := uint32(out[len(out)-1]) + n
	out[len(out)-1] = byte(v)
	if len(out) >= 2 {
		out[len(out)-2] += byte(v >> 8)
	}
	return out
}

func utf16Text(b []byte) string {
	if len(b)%2 == 1 {
		return string(rune(b[len(b)-1]))
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}
