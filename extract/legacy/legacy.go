// Package legacy detects and converts the pre-Unicode Vietnamese encodings
// (TCVN3, VNI, Windows-1258) to UTF-8 NFC.
package legacy

import "errors"

// Decode converts text that is not valid UTF-8 and names the encoding found.
func Decode(data []byte) (text string, encoding string, err error) {
	return "", "", errors.New("legacy: not implemented")
}
