package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// runProps are the character properties that matter here.
type runProps struct {
	style  string
	bold   tri
	italic tri
	hidden tri
	sup    tri
	font   string
	size   float64 // points
}

// over returns p with the fields that o sets overriding it.
func (p runProps) over(o runProps) runProps {
	p.bold = o.bold.or(p.bold)
	p.italic = o.italic.or(p.italic)
	p.hidden = o.hidden.or(p.hidden)
	p.sup = o.sup.or(p.sup)
	if o.font != "" {
		p.font = o.font
	}
	if o.size > 0 {
		p.size = o.size
	}
	if o.style != "" {
		p.style = o.style
	}
	return p
}

// paraProps are the paragraph properties that matter here.
type paraProps struct {
	style   string
	outline int // outline level + 1; 0 when unset
	jc      string
	numID   string
	hasNum  bool
	ilvl    int // -1 when unset
	breakBf tri // page break before
}

func (p paraProps) over(o paraProps) paraProps {
	if o.style != "" {
		p.style = o.style
	}
	if o.outline != 0 {
		p.outline = o.outline
	}
	if o.jc != "" {
		p.jc = o.jc
	}
	if o.hasNum {
		p.hasNum, p.numID = true, o.numID
	}
	if o.ilvl >= 0 {
		p.ilvl = o.ilvl
	}
	p.breakBf = o.breakBf.or(p.breakBf)
	return p
}

type style struct {
	name    string
	basedOn string
	heading int // from the style name ("heading 2", "Title")
	run     runProps
	para    paraProps
}

// styles holds styles.xml with each style's chain already resolved.
type styles struct {
	byID       map[string]*style
	defRun     runProps
	defParaSty string // the default paragraph style ("Normal")
	runCache   map[[2]string]runProps
	paraCache  map[string]resolvedStyle
}

type resolvedStyle struct {
	run     runProps
	para    paraProps
	heading int
}

func (d *doc) parseStyles(b []byte) error {
	s := d.styles
	w := newWalker(b)
	root, err := w.nextStart()
	if err != nil {
		return err
	}
	_ = root
	return w.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "docDefaults":
			return w.children(func(se xml.StartElement) error {
				switch se.Name.Local {
				case "rPrDefault", "pPrDefault":
					return w.children(func(se xml.StartElement) error {
						switch se.Name.Local {
						case "rPr":
							rp, err := readRPr(w)
							s.defRun = rp
							return err
						}
						return w.skip()
					})
				}
				return w.skip()
			})
		case "style":
			st := &style{para: paraProps{ilvl: -1}}
			id := attr(se, "styleId")
			typ := attr(se, "type")
			isDefault := hasAttr(se, "default") && onOffValue(attr(se, "default")) == yes
			err := w.children(func(se xml.StartElement) error {
				switch se.Name.Local {
				case "name":
					st.name = attr(se, "val")
				case "basedOn":
					st.basedOn = attr(se, "val")
				case "rPr":
					rp, err := readRPr(w)
					st.run = rp
					return err
				case "pPr":
					pp, err := readPPr(w)
					st.para = pp
					return err
				}
				return w.skip()
			})
			if err != nil {
				return err
			}
			st.heading = headingOfName(st.name)
			if id != "" && len(s.byID) < 10000 {
				s.byID[id] = st
			}
			if typ == "paragraph" && isDefault {
				s.defParaSty = id
			}
			return nil
		}
		return w.skip()
	})
}

// headingOfName reads the level from a built-in style name. Word keeps the
// English built-in names in w:name even in a Vietnamese Office, while the
// style id may be localised.
func headingOfName(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "title" {
		return 1
	}
	if rest, ok := strings.CutPrefix(n, "heading"); ok {
		if v, err := strconv.Atoi(strings.TrimSpace(rest)); err == nil && v >= 1 && v <= 9 {
			return v
		}
	}
	return 0
}

// chain returns the style and its ancestors, nearest first, stopping at
// cycles and at a sane depth.
func (s *styles) chain(id string) []*style {
	var out []*style
	for i := 0; id != "" && i < 32; i++ {
		st, ok := s.byID[id]
		if !ok {
			break
		}
		out = append(out, st)
		id = st.basedOn
	}
	return out
}

// para resolves a paragraph style: its run properties, paragraph properties
// and heading level, with inheritance applied.
func (s *styles) para(id string) resolvedStyle {
	if id == "" {
		id = s.defParaSty
	}
	if r, ok := s.paraCache[id]; ok {
		return r
	}
	r := resolvedStyle{run: s.defRun, para: paraProps{ilvl: -1}}
	ch := s.chain(id)
	for i := len(ch) - 1; i >= 0; i-- {
		r.run = r.run.over(ch[i].run)
		r.para = r.para.over(ch[i].para)
		if ch[i].heading != 0 {
			r.heading = ch[i].heading
		}
	}
	if r.para.outline > 0 && r.para.outline <= 9 && r.heading == 0 {
		r.heading = r.para.outline
	}
	s.paraCache[id] = r
	return r
}

// run resolves the effective character properties of a run in a paragraph
// of style paraStyle: defaults, then the paragraph style, then the
// character style, then direct formatting.
func (s *styles) run(paraStyle string, direct runProps) runProps {
	key := [2]string{paraStyle, direct.style}
	base, ok := s.runCache[key]
	if !ok {
		base = s.para(paraStyle).run
		ch := s.chain(direct.style)
		for i := len(ch) - 1; i >= 0; i-- {
			base = base.over(ch[i].run)
		}
		s.runCache[key] = base
	}
	return base.over(direct)
}

// readRPr reads the w:rPr whose start tag was just read.
func readRPr(w *walker) (runProps, error) {
	var rp runProps
	err := w.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "b":
			rp.bold = onOff(se)
		case "i":
			rp.italic = onOff(se)
		case "vanish", "specVanish":
			rp.hidden = onOff(se)
		case "vertAlign":
			if attr(se, "val") == "superscript" {
				rp.sup = yes
			} else {
				rp.sup = no
			}
		case "rFonts":
			for _, k := range []string{"ascii", "hAnsi", "cs"} {
				if f := attr(se, k); f != "" {
					rp.font = f
					break
				}
			}
		case "sz":
			if v := intAttr(se, "val", 0); v > 0 && v < 4000 {
				rp.size = float64(v) / 2
			}
		case "rStyle":
			rp.style = attr(se, "val")
		}
		return w.skip()
	})
	return rp, err
}

// readPPr reads the w:pPr whose start tag was just read.
func readPPr(w *walker) (paraProps, error) {
	pp := paraProps{ilvl: -1}
	err := w.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "pStyle":
			pp.style = attr(se, "val")
		case "jc":
			pp.jc = attr(se, "val")
		case "outlineLvl":
			if v := intAttr(se, "val", -1); v >= 0 && v < 9 {
				pp.outline = v + 1
			}
		case "pageBreakBefore":
			pp.breakBf = onOff(se)
		case "numPr":
			pp.hasNum = true
			return w.children(func(se xml.StartElement) error {
				switch se.Name.Local {
				case "numId":
					pp.numID = attr(se, "val")
				case "ilvl":
					pp.ilvl = intAttr(se, "val", 0)
				}
				return w.skip()
			})
		}
		return w.skip()
	})
	return pp, err
}
