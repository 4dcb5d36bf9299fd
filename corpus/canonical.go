package corpus

import (
	"strings"

	"github.com/baocao/baocao/extract/vntext"
)

// canonicalRefID writes a document symbol the way the catalog keys it
// (vntext.CanonicalSymbol: upper case, no spaces, one kind of hyphen), after
// dropping a leading "số" that users copy along ("Số 154- kh/hu" →
// "154-KH/HU"). Diacritics stay: matching without them is a separate, second
// try (see Refs).
func canonicalRefID(s string) string {
	if f := strings.Fields(s); len(f) > 1 && vntext.Fold(f[0]) == "so" {
		s = strings.Join(f[1:], " ")
	}
	return vntext.CanonicalSymbol(s)
}
