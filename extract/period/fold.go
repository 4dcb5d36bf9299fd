package period

import "github.com/baocao/baocao/extract/vntext"

// foldLatin and foldViet give each precomposed letter of U+00C0–U+024F and
// U+1EA0–U+1EF9 its folded ASCII letter, 0 for none: vntext.Fold goes
// through NFD, which costs a string per word, and Find folds every word of
// every paragraph. Arrays, because a map lookup per letter was a tenth of
// Find.
var foldLatin, foldViet = foldBlock(0xC0, 0x24F), foldBlock(0x1EA0, 0x1EF9)

func foldBlock(lo, hi rune) []byte {
	t := make([]byte, hi-lo+1)
	for r := lo; r <= hi; r++ {
		if f := vntext.Fold(string(r)); len(f) == 1 {
			t[r-lo] = f[0]
		}
	}
	return t
}

// foldByte is the folded ASCII letter of r, 0 when the tables have none.
// None of the letters they hold is a combining mark.
func foldByte(r rune) byte {
	switch {
	case r >= 0xC0 && r <= 0x24F:
		return foldLatin[r-0xC0]
	case r >= 0x1EA0 && r <= 0x1EF9:
		return foldViet[r-0x1EA0]
	}
	return 0
}
