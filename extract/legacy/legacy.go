// Package legacy detects and converts the pre-Unicode Vietnamese encodings
// (TCVN3, VNI, Windows-1258) to UTF-8 NFC.
//
// Text files are detected by content (Decode). Text drawn in PDF and DOCX
// with a legacy font is converted by the font's name (FontEncoding,
// DecodeString, DecodeFont), and text whose font is unknown can be tested
// and repaired (Repair).
package legacy

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encoding names, as in schema.Source.Encoding.
const (
	UTF8        = "utf-8"
	TCVN3       = "tcvn3"
	VNI         = "vni"
	Windows1258 = "windows-1258"
)

// ErrUnknown is returned for data that reads as none of the encodings.
var ErrUnknown = errors.New("not UTF-8, and not Vietnamese text in TCVN3, VNI or Windows-1258")

// sampleSize bounds the bytes scored per candidate: about 3,000 words
// decide the encoding, and a big file need not be decoded four times.
const sampleSize = 16 << 10

type candidate struct {
	name   string
	decode func([]byte) string
}

// candidates in order of preference when two score the same. TCVN3 is
// tried twice: as VN1 (capitals in the C0 and C1 ranges, what iconv
// writes) and as VN3 (Windows punctuation in the C1 range, what text
// saved from the .VnTime fonts holds).
var candidates = []candidate{
	{Windows1258, decodeCP1258},
	{TCVN3, func(b []byte) string { return decodeTCVN3(b, true) }},
	{TCVN3, func(b []byte) string { return decodeTCVN3(b, false) }},
	{VNI, decodeVNI},
}

// Decode converts text in a legacy Vietnamese encoding to UTF-8 NFC and
// names the encoding: "windows-1258", "tcvn3" or "vni". Valid UTF-8 is
// returned as it is (NFC) with "utf-8", and so is UTF-8 with a few broken
// bytes, which become U+FFFD. Data that reads as none of them
// (another language, binary data) gives an error wrapping ErrUnknown.
func Decode(data []byte) (text string, encoding string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, encoding, err = "", "", fmt.Errorf("legacy: internal error: %v", r)
		}
	}()
	if utf8.Valid(data) {
		return norm.NFC.String(string(data)), UTF8, nil
	}
	if mostlyUTF8(data) {
		// A UTF-8 export with a stray byte (a cut file, one pasted
		// Windows-1252 character): keep the text, mark the damage.
		return norm.NFC.String(strings.ToValidUTF8(string(data), "\uFFFD")), UTF8, nil
	}
	sample := data
	if len(sample) > sampleSize {
		sample = sample[:sampleSize]
	}
	best, bestStats := -1, stats{}
	for i, c := range candidates {
		st := measure(c.decode(sample))
		if best < 0 || st.score() > bestStats.score() {
			best, bestStats = i, st
		}
	}
	if bestStats.valid < 3 || bestStats.share() < 0.6 {
		return "", "", fmt.Errorf("legacy: %w (best guess %s: %d of %d words read as Vietnamese)",
			ErrUnknown, candidates[best].name, bestStats.valid, bestStats.valid+bestStats.invalid+bestStats.junk)
	}
	c := candidates[best]
	return norm.NFC.String(c.decode(data)), c.name, nil
}

// mostlyUTF8 reports data whose non-ASCII bytes are nearly all well-formed
// UTF-8 sequences: at least 20 of them and at most one bad byte per 100.
// Legacy 8-bit text forms a valid sequence only by accident.
func mostlyUTF8(data []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good >= 20 && bad*100 <= good
}

func decodeCP1258(b []byte) string {
	out, err := charmap.Windows1258.NewDecoder().Bytes(b)
	if err != nil {
		// The charmap decoder maps every byte; an error means a broken
		// library, not bad input.
		return string(b)
	}
	return string(out)
}

// decodeTCVN3 reads b as TCVN 5712 VN1 (vn1) or VN3 (!vn1: Windows
// punctuation in 0x80–0x9F, no capitals in the control range).
func decodeTCVN3(b []byte, vn1 bool) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		switch {
		case c < 0x20:
			if r, ok := tcvn3Low[c]; ok && vn1 {
				sb.WriteRune(r)
			} else {
				sb.WriteByte(c)
			}
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xA0 && !vn1:
			sb.WriteString(latin1(c))
		default:
			sb.WriteRune(tcvn3High[c-0x80])
		}
	}
	return sb.String()
}

func decodeVNI(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
			continue
		}
		sb.WriteString(vniTable[c])
	}
	return sb.String()
}

// FontEncoding names the legacy encoding a font implies: "tcvn3" for the ABC
// .Vn fonts (".VnTime", ".VnTimeH", ".VnArial", also as PDF base names with
// a subset prefix and style, "ABCDEF+.VnTime,Bold"), "vni" for VNI fonts
// ("VNI-Times", "VNI-Helve"), "" for any other font.
func FontEncoding(font string) string {
	name := baseFontName(font)
	switch {
	case len(name) >= 3 && strings.EqualFold(name[:3], "vni"):
		return VNI
	case len(name) >= 3 && strings.EqualFold(name[:2], "vn") && (unicode.IsUpper(rune(name[2])) || strings.HasPrefix(font, ".") || strings.Contains(font, "+.")):
		return TCVN3
	}
	return ""
}

// isUpperFont reports the ABC capitals fonts (".VnTimeH", ".VnArialH"),
// which draw every letter code as a capital.
func isUpperFont(font string) bool {
	name := baseFontName(font)
	if i := strings.IndexAny(name, ",-"); i >= 0 {
		name = name[:i]
	}
	name = strings.TrimSpace(name)
	return FontEncoding(font) == TCVN3 && strings.HasSuffix(name, "H")
}

// baseFontName strips a PDF subset prefix ("ABCDEF+") and a leading dot.
func baseFontName(font string) string {
	if i := strings.IndexByte(font, '+'); i == 6 {
		font = font[i+1:]
	}
	return strings.TrimPrefix(strings.TrimSpace(font), ".")
}

// DecodeString converts text drawn with a legacy font, whose bytes reached us
// as Latin-1 runes (each byte one rune), to Unicode NFC. Windows-1252
// punctuation runes (“ ” –, what a reader that applied WinAnsiEncoding
// gives) are taken back to their bytes; other runes above 0xFF pass
// through. An unknown encoding returns s in NFC.
//
// For fonts, "tcvn3" is read as VN3, the layout of the .VnTime fonts:
// 0x80–0x9F are Windows punctuation, not VN1 capitals. Use DecodeFont for
// the upper-case .VnTimeH fonts.
func DecodeString(s, encoding string) string {
	var dec func([]byte) string
	switch encoding {
	case TCVN3:
		dec = func(b []byte) string { return decodeTCVN3(b, false) }
	case VNI:
		dec = decodeVNI
	case Windows1258:
		dec = decodeCP1258
	default:
		return norm.NFC.String(s)
	}
	var out strings.Builder
	out.Grow(len(s) + len(s)/2)
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		if b, ok := toByte(r); ok {
			buf = append(buf, b)
			continue
		}
		out.WriteString(dec(buf))
		buf = buf[:0]
		out.WriteRune(r)
	}
	out.WriteString(dec(buf))
	return norm.NFC.String(out.String())
}

// DecodeFont is DecodeString for a run drawn with the named font: it picks
// the encoding with FontEncoding and upper-cases the text of the ABC
// capitals fonts (".VnTimeH"), whose glyphs at the lower-case codes are
// capitals. A font that is not legacy returns s in NFC.
func DecodeFont(s, font string) string {
	t := DecodeString(s, FontEncoding(font))
	if isUpperFont(font) {
		t = strings.ToUpper(t)
	}
	return t
}

// cp1252Byte maps the Windows-1252 punctuation back to its byte.
var cp1252Byte = func() map[rune]byte {
	m := make(map[rune]byte, 32)
	for i, r := range cp1252C1 {
		if r != 0 {
			m[r] = byte(0x80 + i)
		}
	}
	return m
}()

func toByte(r rune) (byte, bool) {
	if r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252Byte[r]
	return b, ok
}

// Repair recognises text in TCVN3 or VNI that was read as Latin-1 because
// no font name told the reader ("Th¹ch Bµn", "Thaïch Baøn") and returns it
// converted with the encoding's name. Text that is already good Unicode, or
// that no legacy reading clearly improves, is returned unchanged with "".
func Repair(s string) (string, string) {
	for _, r := range s {
		if r > 0xFF {
			if _, ok := cp1252Byte[r]; !ok && !unicode.IsSpace(r) {
				// Vietnamese letters beyond Latin-1 (ạ, ư, đ): real Unicode.
				return s, ""
			}
		}
	}
	orig := measure(s)
	if orig.invalid+orig.junk < 2 {
		return s, ""
	}
	bestText, bestEnc, bestStats := s, "", orig
	for _, enc := range []string{TCVN3, VNI} {
		t := DecodeString(s, enc)
		st := measure(t)
		if st.score() > bestStats.score() {
			bestText, bestEnc, bestStats = t, enc, st
		}
	}
	if bestEnc == "" || bestStats.share() < 0.8 || bestStats.valid < 2 {
		return s, ""
	}
	return bestText, bestEnc
}

func upper(r rune) rune { return unicode.ToUpper(r) }
