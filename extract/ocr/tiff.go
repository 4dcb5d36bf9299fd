package ocr

import (
	"encoding/binary"
	"errors"
	"io"
)

// writeTIFF writes g as an uncompressed 8-bit grayscale TIFF with its
// resolution. Tesseract reads pages in this form: Leptonica's PGM reader
// takes one fread call per pixel, a twentieth of Tesseract's whole time on
// a page, while libtiff copies whole rows.
func writeTIFF(w io.Writer, g *gray, dpi int) error {
	if g.w <= 0 || g.h <= 0 || len(g.pix) != g.w*g.h {
		return errors.New("tiff: bad image")
	}
	if int64(g.w)*int64(g.h) > 1<<31 {
		return errors.New("tiff: image too large")
	}
	const (
		short    = 3
		long     = 4
		rational = 5
		entries  = 12
		ifdAt    = 8
		resAt    = ifdAt + 2 + entries*12 + 4
		dataAt   = resAt + 16
	)
	le := binary.LittleEndian
	head := make([]byte, 0, dataAt)
	head = append(head, 'I', 'I', 42, 0)
	head = le.AppendUint32(head, ifdAt)
	head = le.AppendUint16(head, entries)
	entry := func(tag, typ uint16, val uint32) {
		head = le.AppendUint16(head, tag)
		head = le.AppendUint16(head, typ)
		head = le.AppendUint32(head, 1)
		if typ == short {
			// A SHORT value sits left-justified in the 4-byte field.
			head = le.AppendUint16(head, uint16(val))
			head = le.AppendUint16(head, 0)
		} else {
			head = le.AppendUint32(head, val)
		}
	}
	// Tags in ascending order, as TIFF requires.
	entry(256, long, uint32(g.w))     // ImageWidth
	entry(257, long, uint32(g.h))     // ImageLength
	entry(258, short, 8)              // BitsPerSample
	entry(259, short, 1)              // Compression: none
	entry(262, short, 1)              // PhotometricInterpretation: BlackIsZero
	entry(273, long, dataAt)          // StripOffsets
	entry(277, short, 1)              // SamplesPerPixel
	entry(278, long, uint32(g.h))     // RowsPerStrip: one strip
	entry(279, long, uint32(g.w*g.h)) // StripByteCounts
	entry(282, rational, resAt)       // XResolution
	entry(283, rational, resAt+8)     // YResolution
	entry(296, short, 2)              // ResolutionUnit: inch
	head = le.AppendUint32(head, 0)   // no next IFD
	for range 2 {
		head = le.AppendUint32(head, uint32(max(dpi, 1)))
		head = le.AppendUint32(head, 1)
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	_, err := w.Write(g.pix)
	return err
}
