package docx

import (
	"testing"
)

// FuzzRead feeds whole files: zip-level damage must give an error, never a
// panic or a hang.
func FuzzRead(f *testing.F) {
	// Small seeds only: with the 24 KB sample reports as seeds the Go
	// fuzzer spent minutes per step shuffling them (a few executions in two
	// minutes); the real files are read by the package tests instead.
	f.Add(buildDocx(f, p(r("x")), nil))
	f.Add(buildDocx(f, p(rb("I. KẾT QUẢ"))+p(r("Văn bản")+fnRef("7")+r(".")), map[string]string{
		"word/footnotes.xml": xmlPart("footnotes", note("footnote", "7", p(r("Chi tiết.")))),
		"word/styles.xml":    stylesXML,
		"word/numbering.xml": numberingXML,
	}))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4<<20 {
			return
		}
		Read(data)
	})
}

// FuzzParts feeds the XML parts themselves, zipped inside the target:
// mutations of a zip file mostly break its checksums and never reach the
// XML readers.
func FuzzParts(f *testing.F) {
	f.Add(p(rb("I. KẾT QUẢ"))+p(r("Văn bản")+fnRef("7")+r(".")), stylesXML, numberingXML,
		xmlPart("footnotes", note("footnote", "7", p(r("Chi tiết.")))))
	f.Add(pp(numPr("1", 2), r("a"))+`<w:tbl><w:tr><w:tc>`+p(r("x"))+`</w:tc></w:tr></w:tbl>`, "", numberingXML, "")
	f.Add(`<w:p><w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t><w:br/><w:sym w:char="F0B7"/></w:r></w:p>`, "", "", "")
	f.Fuzz(func(t *testing.T, body, styles, numbering, footnotes string) {
		if len(body)+len(styles)+len(numbering)+len(footnotes) > 1<<20 {
			return
		}
		parts := map[string]string{}
		if styles != "" {
			parts["word/styles.xml"] = styles
		}
		if numbering != "" {
			parts["word/numbering.xml"] = numbering
		}
		if footnotes != "" {
			parts["word/footnotes.xml"] = footnotes
		}
		src, err := Read(buildDocx(t, body, parts))
		if err != nil {
			return
		}
		for _, b := range src.Blocks {
			n := len([]rune(b.Text))
			for _, m := range b.Markers {
				if m.Offset < 0 || m.Offset > n {
					t.Fatalf("marker offset %d outside text of %d runes", m.Offset, n)
				}
			}
			if b.BoldPrefix > n {
				t.Fatalf("bold prefix %d beyond text of %d runes", b.BoldPrefix, n)
			}
		}
	})
}
