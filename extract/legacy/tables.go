package legacy

// tcvn3High maps bytes 0x80–0xFF of TCVN 5712:1993 VN1, the full 8-bit
// Vietnamese standard, exactly as glibc's TCVN5712-1 charmap does (which is
// what `iconv -t TCVN5712-1` writes). 0xB0–0xB4 are the five tone marks as
// combining characters. The lower-case letters (0xA8–0xAE, 0xB5–0xFE) are
// the same in VN3, the 7-bit-capitals subset that the ABC .VnTime fonts
// implement; VN3 has no upper-case letters with tone marks (the .VnTimeH
// fonts draw the lower-case codes as capitals instead).
var tcvn3High = [128]rune{
	0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, // 80
	0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128, // 88
	0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, // 90
	0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168, // 98
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, // A0
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, // A8
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, // B0
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, // B8
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, // C0
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, // C8
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, // D0
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, // D8
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, // E0
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, // E8
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, // F0
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, // F8
}

// tcvn3Low holds the VN1 capitals that sit in the C0 control range; every
// other byte below 0x20 is the control character itself.
var tcvn3Low = map[byte]rune{
	0x01: 'Ú', 0x02: 'Ụ', 0x04: 'Ừ', 0x05: 'Ử', 0x06: 'Ữ', 0x11: 'Ứ',
	0x12: 'Ự', 0x13: 'Ỳ', 0x14: 'Ỷ', 0x15: 'Ỹ', 0x16: 'Ý', 0x17: 'Ỵ',
}

// cp1252C1 is Windows-1252 for 0x80–0x9F: the ABC .VnTime fonts (VN3) and
// the VNI fonts keep Windows' punctuation there (“ ” – …). 0 marks an
// unassigned code.
var cp1252C1 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// VNI Windows (the VNI-Times family of fonts, VNI Software) writes a vowel
// with a tone or vowel mark as the ASCII base letter followed by a modifier
// byte, and seven letters as single bytes. Lower-case text uses the
// lower-case modifiers, capitals the upper-case ones (0x20 lower), but
// mixed forms occur, so both sets are read regardless of the base's case.
const (
	cmGrave     = '\u0300'
	cmAcute     = '\u0301'
	cmCircum    = '\u0302'
	cmTilde     = '\u0303'
	cmBreve     = '\u0306'
	cmHook      = '\u0309'
	cmHorn      = '\u031B'
	cmDotBelow  = '\u0323'
	vniNoSecond = rune(0)
)

// vniModifier maps a lower-case VNI modifier byte to its combining marks
// (vowel mark first, then tone). The upper-case modifier is the byte - 0x20.
var vniModifier = map[byte][2]rune{
	0xF9: {cmAcute, vniNoSecond}, 0xF8: {cmGrave, vniNoSecond},
	0xFB: {cmHook, vniNoSecond}, 0xF5: {cmTilde, vniNoSecond},
	0xEF: {cmDotBelow, vniNoSecond},
	0xE2: {cmCircum, vniNoSecond}, 0xE1: {cmCircum, cmAcute},
	0xE0: {cmCircum, cmGrave}, 0xE5: {cmCircum, cmHook},
	0xE3: {cmCircum, cmTilde}, 0xE4: {cmCircum, cmDotBelow},
	0xEA: {cmBreve, vniNoSecond}, 0xE9: {cmBreve, cmAcute},
	0xE8: {cmBreve, cmGrave}, 0xFA: {cmBreve, cmHook},
	0xFC: {cmBreve, cmTilde}, 0xEB: {cmBreve, cmDotBelow},
}

// vniLetter maps the single-byte VNI letters (lower case; the capital is
// the byte - 0x20).
var vniLetter = map[byte]rune{
	0xEC: 'ì', 0xED: 'í', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị', 0xEE: 'ỵ',
	0xF4: 'ơ', 0xF6: 'ư', 0xF1: 'đ',
}

// vniTable is the decoding of every byte on its own: a string of runes
// (combining marks for modifiers). Built once from the maps above.
var vniTable = func() (t [256]string) {
	for b := 0; b < 256; b++ {
		t[b] = latin1(byte(b))
	}
	for b, r := range vniLetter {
		t[b] = string(r)
		t[b-0x20] = string(upper(r))
	}
	for b, m := range vniModifier {
		s := string(m[0])
		if m[1] != 0 {
			s += string(m[1])
		}
		t[b] = s
		t[b-0x20] = s
	}
	return t
}()

// latin1 is byte b read as Windows-1252 (for 0x80–0x9F) or Latin-1.
func latin1(b byte) string {
	if b >= 0x80 && b < 0xA0 {
		if r := cp1252C1[b-0x80]; r != 0 {
			return string(r)
		}
	}
	return string(rune(b))
}
