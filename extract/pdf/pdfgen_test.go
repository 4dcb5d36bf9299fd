package pdf_test

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// testPage draws a page of a synthetic PDF: Unicode text in a font whose
// glyphs are all half an em wide (so that a test can place and measure
// text exactly), and rules. Coordinates are PDF points, y up.
type testPage struct {
	b strings.Builder
}

// charW is the advance of every glyph, in ems.
const charW = 0.5

func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * charW * size
}

// text draws s with its left end at x on baseline y.
func (p *testPage) text(x, y, size float64, bold bool, s string) {
	font := "F1"
	if bold {
		font = "F2"
	}
	var hex strings.Builder
	for _, r := range s {
		fmt.Fprintf(&hex, "%04X", r)
	}
	fmt.Fprintf(&p.b, "BT /%s %g Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET\n", font, size, x, y, hex.String())
}

// center draws s centered on x.
func (p *testPage) center(x, y, size float64, bold bool, s string) {
	p.text(x-textWidth(s, size)/2, y, size, bold, s)
}

// right draws s ending at x.
func (p *testPage) right(x, y, size float64, bold bool, s string) {
	p.text(x-textWidth(s, size), y, size, bold, s)
}

func (p *testPage) hline(x0, x1, y float64) {
	fmt.Fprintf(&p.b, "0.5 w %.2f %.2f m %.2f %.2f l S\n", x0, y, x1, y)
}

func (p *testPage) vline(x, y0, y1 float64) {
	fmt.Fprintf(&p.b, "0.5 w %.2f %.2f m %.2f %.2f l S\n", x, y0, x, y1)
}

// testPDF writes the pages as a PDF with two Type0 fonts (regular and
// bold) whose codes are the characters' UTF-16 units.
func testPDF(pages ...*testPage) []byte {
	var objs []string
	add := func(s string) int {
		objs = append(objs, s)
		return len(objs)
	}
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
	blocks := []int{0x00, 0x01, 0x03, 0x1E, 0x20}
	cmap += strconv.Itoa(len(blocks)) + " beginbfrange\n"
	for _, hi := range blocks {
		cmap += fmt.Sprintf("<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi)
	}
	cmap += "endbfrange endcmap end end\n"
	catalog := add("") // filled below
	tree := add("")
	toUni := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(cmap), cmap))
	font := func(name string) int {
		desc := add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 32 >>", name))
		cid := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW %d /FontDescriptor %d 0 R >>", name, int(charW*1000), desc))
		return add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", name, cid, toUni))
	}
	regular, bold := font("TestSerif"), font("TestSerif-Bold")
	var kids []string
	for _, p := range pages {
		content := p.b.String()
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content))
		pg := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>", tree, c, regular, bold))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", tree)
	objs[tree-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))

	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer << /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, x)
	return []byte(b.String())
}

// flow lays out body paragraphs on a page from baseline y down, justified
// between left and right (every line but the last reaches right), with
// first-line indent and the given space between paragraphs; it returns the
// baseline below the last line.
func (p *testPage) flow(y, size, left, right, indent, lineGap, paraGap float64, paras ...string) float64 {
	return p.flowLast(y, size, left, right, indent, lineGap, paraGap, false, paras...)
}

// flowLast is flow; with fullLast, each paragraph's last line is spread to
// the right margin too when it is nearly full (as Word does with a line
// that ends one character short).
func (p *testPage) flowLast(y, size, left, right, indent, lineGap, paraGap float64, fullLast bool, paras ...string) float64 {
	perLine := func(x float64) int { return int((right - x) / (charW * size)) }
	for _, para := range paras {
		words := strings.Fields(para)
		x := left + indent
		for len(words) > 0 {
			n, used := 0, 0
			for n < len(words) {
				w := utf8.RuneCountInString(words[n])
				if used > 0 {
					w++
				}
				if used+w > perLine(x) {
					break
				}
				used += w
				n++
			}
			if n == 0 {
				n = 1
			}
			lineWords := words[:n]
			words = words[n:]
			if len(words) == 0 && !(fullLast && used >= perLine(x)-2) {
				p.text(x, y, size, false, strings.Join(lineWords, " "))
			} else {
				p.justify(x, right, y, size, lineWords)
			}
			y -= lineGap
			x = left
		}
		y -= paraGap
	}
	return y
}

// justify draws words spread so that the last one ends at right.
func (p *testPage) justify(x, right, y, size float64, words []string) {
	total := 0.0
	for _, w := range words {
		total += textWidth(w, size)
	}
	gap := charW * size
	if len(words) > 1 {
		gap = (right - x - total) / float64(len(words)-1)
	}
	for _, w := range words {
		p.text(x, y, size, false, w)
		x += textWidth(w, size) + gap
	}
}
