// Package legacy detects and converts the pre-Unicode Vietnamese encodings
// (TCVN3, VNI, Windows-1258) to UTF-8 NFC.
package legacy

import "errors"

// Decode converts text that is not valid UTF-8 and names the encoding found.
func Decode(data []byte) (text string, encoding string, err error) {
	return "", "", errors.New("legacy: not implemented")
}

// FontEncoding names the legacy encoding a font implies: "tcvn3" for the ABC
// .Vn fonts (".VnTime", ".VnTimeH"), "vni" for VNI fonts ("VNI-Times"), ""
// for Unicode fonts.
func FontEncoding(font string) string { return "" }

// DecodeString converts text drawn with a legacy font, whose bytes reached us
// as Latin-1 runes (each byte one rune), to Unicode NFC.
func DecodeString(s, encoding string) string { return s }
