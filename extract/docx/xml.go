package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// walker reads one XML part token by token. It uses RawToken, which does not
// resolve namespaces: WordprocessingML is matched on local names, so the
// transitional and strict namespaces (and odd prefixes) read alike.
type walker struct {
	d     *xml.Decoder
	depth int
}

func newWalker(b []byte) *walker {
	d := xml.NewDecoder(bytes.NewReader(b))
	// Word writes UTF-8 or UTF-16 parts; a declared charset other than
	// UTF-8 is rare enough to be read as if it were UTF-8.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return &walker{d: d}
}

var errEOF = errors.New("unexpected end of XML")

func (w *walker) token() (xml.Token, error) {
	tok, err := w.d.RawToken()
	if err == io.EOF {
		return nil, errEOF
	}
	return tok, err
}

// nextStart returns the next start element at any depth.
func (w *walker) nextStart() (xml.StartElement, error) {
	for {
		tok, err := w.token()
		if err != nil {
			return xml.StartElement{}, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, nil
		}
	}
}

// children calls fn for every child element of the element whose start tag
// was just read, then consumes its end tag. fn must consume the child
// entirely (its end tag included), for example with skip.
func (w *walker) children(fn func(xml.StartElement) error) error {
	for {
		tok, err := w.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.depth++
			if w.depth > maxDepth {
				return ErrTooDeep
			}
			if err := fn(t); err != nil {
				return err
			}
			w.depth--
		case xml.EndElement:
			return nil
		}
	}
}

// skip consumes the rest of the element whose start tag was just read.
func (w *walker) skip() error {
	depth := 1
	for depth > 0 {
		tok, err := w.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// text returns the character data of the element whose start tag was just
// read, ignoring nested elements, and consumes its end tag.
func (w *walker) text() (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := w.token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func hasAttr(se xml.StartElement, local string) bool {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// onOff reads an ST_OnOff property such as <w:b/> or <w:b w:val="0"/>.
func onOff(se xml.StartElement) tri {
	if !hasAttr(se, "val") {
		return yes
	}
	return onOffValue(attr(se, "val"))
}

func onOffValue(v string) tri {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "0", "false", "off", "none":
		return no
	}
	return yes
}

// intAttr returns the integer value of an attribute, def when it is missing
// or malformed.
func intAttr(se xml.StartElement, local string, def int) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(se, local)))
	if err != nil {
		return def
	}
	return v
}

// tri is a property that a style or a run may set, clear or leave alone.
type tri int8

const (
	unset tri = iota
	yes
	no
)

func (t tri) or(base tri) tri {
	if t == unset {
		return base
	}
	return t
}
