package ocr

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// TestWriteTIFF reads the file back by the rules of TIFF 6.0: the IFD's
// tags in ascending order, every value where its entry says, the pixels at
// the strip offset.
func TestWriteTIFF(t *testing.T) {
	g := &gray{w: 3, h: 2, pix: []byte{0, 128, 255, 10, 20, 30}}
	var buf bytes.Buffer
	if err := writeTIFF(&buf, g, 200); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	le := binary.LittleEndian
	if string(b[:4]) != "II*\x00" {
		t.Fatalf("header %q", b[:4])
	}
	ifd := int(le.Uint32(b[4:]))
	n := int(le.Uint16(b[ifd:]))
	tags := map[uint16]uint32{}
	prev := uint16(0)
	for i := range n {
		e := b[ifd+2+12*i:]
		tag, typ, count := le.Uint16(e), le.Uint16(e[2:]), le.Uint32(e[4:])
		if tag <= prev {
			t.Errorf("tag %d after %d: not ascending", tag, prev)
		}
		prev = tag
		if count != 1 {
			t.Errorf("tag %d: count %d", tag, count)
		}
		switch typ {
		case 3:
			tags[tag] = uint32(le.Uint16(e[8:]))
		case 4, 5:
			tags[tag] = le.Uint32(e[8:])
		default:
			t.Errorf("tag %d: type %d", tag, typ)
		}
	}
	if next := le.Uint32(b[ifd+2+12*n:]); next != 0 {
		t.Errorf("next IFD %d, want 0", next)
	}
	want := map[uint16]uint32{256: 3, 257: 2, 258: 8, 259: 1, 262: 1, 277: 1, 278: 2, 279: 6, 296: 2}
	for tag, v := range want {
		if tags[tag] != v {
			t.Errorf("tag %d = %d, want %d", tag, tags[tag], v)
		}
	}
	for _, tag := range []uint16{282, 283} {
		off := tags[tag]
		if num, den := le.Uint32(b[off:]), le.Uint32(b[off+4:]); num != 200 || den != 1 {
			t.Errorf("resolution tag %d = %d/%d, want 200/1", tag, num, den)
		}
	}
	off := tags[273]
	if off%2 != 0 {
		t.Errorf("strip offset %d not word aligned", off)
	}
	if got := b[off:]; !bytes.Equal(got, g.pix) {
		t.Errorf("pixels %v, want %v", got, g.pix)
	}
	if err := writeTIFF(&buf, &gray{w: 2, h: 2, pix: []byte{1}}, 200); err == nil {
		t.Error("an image with missing pixels was written")
	}
}
