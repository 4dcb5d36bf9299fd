package ocr

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// imagePDF draws pages of a text PDF at dpi with pdftoppm and wraps the
// images, without any text, in a new PDF: a clean scan at a resolution the
// fixtures do not have.
func imagePDF(tb testing.TB, src string, dpi int, pages []int) []byte {
	tb.Helper()
	return writeImagePDF(tb, imagesOf(tb, src, dpi, pages), dpi)
}

// imagesOf draws pages of a PDF at dpi with pdftoppm.
func imagesOf(tb testing.TB, src string, dpi int, pages []int) []*gray {
	tb.Helper()
	dir := tb.TempDir()
	var imgs []*gray
	for _, pn := range pages {
		base := filepath.Join(dir, "p"+strconv.Itoa(pn))
		out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-f", strconv.Itoa(pn), "-l", strconv.Itoa(pn), "-singlefile", src, base).CombinedOutput()
		if err != nil {
			tb.Fatalf("pdftoppm: %v: %s", err, out)
		}
		b, err := os.ReadFile(base + ".pgm")
		if err != nil {
			tb.Fatal(err)
		}
		g, err := readPGM(b)
		if err != nil {
			tb.Fatal(err)
		}
		imgs = append(imgs, g)
	}
	return imgs
}

// writeImagePDF writes one page per image, each page the image's size at
// dpi, the pixels deflated.
func writeImagePDF(tb testing.TB, imgs []*gray, dpi int) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\n", len(offsets), body)
		if stream != nil {
			b.WriteString("stream\n")
			b.Write(stream)
			b.WriteString("\nendstream\n")
		}
		b.WriteString("endobj\n")
	}
	b.WriteString("%PDF-1.4\n")
	kids := ""
	for i := range imgs {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(imgs)), nil)
	for i, g := range imgs {
		w, h := float64(g.w)*72/float64(dpi), float64(g.h)*72/float64(dpi)
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>",
			w, h, 4+3*i, 5+3*i), nil)
		var z bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
		if _, err := zw.Write(g.pix); err != nil {
			tb.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			tb.Fatal(err)
		}
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>",
			g.w, g.h, z.Len()), z.Bytes())
		content := fmt.Sprintf("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q", w, h)
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), []byte(content))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}
