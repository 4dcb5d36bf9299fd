package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"

	"github.com/baocao/baocao/schema"
)

// The whole Document is kept in the catalog so that it can be loaded back as
// extracted. As JSON it was half of the catalog (about 128 KB a report);
// gzip at its fastest level makes it several times smaller for about a
// millisecond. Documents written before are plain JSON, told apart by the
// gzip magic bytes, so old catalogs need no migration.

func encodeDocument(doc *schema.Document) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	if err := json.NewEncoder(zw).Encode(doc); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeDocument(body []byte) (*schema.Document, error) {
	var r io.Reader = bytes.NewReader(body)
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	var doc schema.Document
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, err
	}
	return &doc, nil
}
