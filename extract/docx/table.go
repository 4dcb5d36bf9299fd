package docx

import (
	"encoding/xml"
	"strings"

	"github.com/baocao/baocao/extract/block"
)

// table reads a w:tbl. A data table becomes one Table block. A layout table
// (at most two columns and four rows: the header with the issuer on the
// left and the national motto on the right, the "Nơi nhận" and signature
// block) is how Vietnamese reports place text side by side; its cells are
// read as ordinary paragraphs, column after column in each row, so that the
// issuer, number and date reach the structure stage as text.
func (p *partWalker) table(out *[]block.Block) error {
	page := p.pageOf(p.page)
	p.inTable++
	var rows [][][]block.Block
	err := p.tableRows(&rows)
	p.inTable--
	if err != nil {
		return err
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if p.inNote || (cols <= 2 && len(rows) <= 4) {
		for _, r := range rows {
			for _, c := range r {
				*out = append(*out, c...)
			}
		}
	} else {
		t := block.Block{Kind: block.Table, Page: page, Rows: make([][]string, 0, len(rows))}
		for _, r := range rows {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = cellText(c)
			}
			t.Rows = append(t.Rows, cells)
		}
		*out = append(*out, t)
	}
	if p.inTable == 0 {
		p.flushNotes(out)
	}
	return nil
}

// tableRows reads the rows of the table just opened. Rows and cells may be
// wrapped in content controls (w:sdt) or custom XML.
func (p *partWalker) tableRows(rows *[][][]block.Block) error {
	return p.w.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "tr":
			var row [][]block.Block
			if err := p.tableCells(&row); err != nil {
				return err
			}
			*rows = append(*rows, row)
			return nil
		case "tblPr", "tblGrid", "sdtPr", "sdtEndPr", "tblPrEx", "del":
			return p.w.skip()
		}
		return p.tableRows(rows)
	})
}

func (p *partWalker) tableCells(row *[][]block.Block) error {
	return p.w.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "tc":
			var cell []block.Block
			span, merged := 1, false
			err := p.w.children(func(se xml.StartElement) error {
				if se.Name.Local == "tcPr" {
					return p.w.children(func(se xml.StartElement) error {
						switch se.Name.Local {
						case "gridSpan":
							span = min(max(intAttr(se, "val", 1), 1), 64)
						case "vMerge":
							// A continued vertical merge repeats the cell
							// above; its own content is empty.
							merged = attr(se, "val") != "restart"
						}
						return p.w.skip()
					})
				}
				return p.containerChild(se, &cell)
			})
			if err != nil {
				return err
			}
			if merged {
				cell = nil
			}
			*row = append(*row, cell)
			for i := 1; i < span; i++ {
				*row = append(*row, nil)
			}
			return nil
		case "trPr", "tblPrEx", "sdtPr", "sdtEndPr":
			return p.w.skip()
		}
		return p.tableCells(row)
	})
}

// containerChild handles one child of a block container, as container does.
func (p *partWalker) containerChild(se xml.StartElement, out *[]block.Block) error {
	switch se.Name.Local {
	case "p":
		return p.paragraph(out)
	case "tbl":
		return p.table(out)
	case "sectPr", "sdtPr", "sdtEndPr", "Fallback", "del", "moveFrom",
		"pPrChange", "rPrChange", "tblPr", "background", "customXmlPr", "tcPr":
		return p.w.skip()
	}
	// body, sdt, sdtContent, customXml, ins, txbxContent, AlternateContent…
	return p.container(out)
}

// cellText flattens a cell's blocks (paragraphs, nested tables) into one
// line, keeping generated list labels.
func cellText(blocks []block.Block) string {
	var parts []string
	for _, b := range blocks {
		switch {
		case b.Kind == block.Table:
			for _, r := range b.Rows {
				for _, c := range r {
					if c != "" {
						parts = append(parts, c)
					}
				}
			}
		case b.Label != "" && b.Text != "":
			parts = append(parts, b.Label+" "+b.Text)
		case b.Text != "":
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, " ")
}
