package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// level is one level (w:lvl) of a list definition.
type level struct {
	start   int
	format  string // numFmt: decimal, upperRoman, lowerLetter, bullet, …
	text    string // lvlText: "%1.", "%1)", "(%1)", "•"
	restart int    // lvlRestart: restart after this 1-based level; -1 unset, 0 never
	legal   bool   // isLgl: show all levels as decimals
}

type abstractNum struct {
	levels [9]level
}

type override struct {
	start    int // startOverride; -1 unset
	lvl      *level
	hasStart bool
}

type num struct {
	abstract  string
	overrides map[int]override
}

// numbering is numbering.xml plus the counters that Word keeps while it lays
// the document out.
type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*num
	counters  map[string]*[9]int // 0 = level not started
}

func newNumbering() *numbering {
	return &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*num{}, counters: map[string]*[9]int{}}
}

// fresh returns the same definitions with new counters, for parts laid out
// independently of the body (footnotes).
func (n *numbering) fresh() *numbering {
	return &numbering{abstracts: n.abstracts, nums: n.nums, counters: map[string]*[9]int{}}
}

func (d *doc) parseNumbering(b []byte) error {
	n := d.num
	w := newWalker(b)
	if _, err := w.nextStart(); err != nil {
		return err
	}
	return w.children(func(se xml.StartElement) error {
		if len(n.abstracts)+len(n.nums) > 10000 {
			return w.skip()
		}
		switch se.Name.Local {
		case "abstractNum":
			an := &abstractNum{}
			for i := range an.levels {
				an.levels[i] = level{start: 1, format: "decimal", text: "%" + strconv.Itoa(i+1) + ".", restart: -1}
			}
			n.abstracts[attr(se, "abstractNumId")] = an
			return w.children(func(se xml.StartElement) error {
				if se.Name.Local != "lvl" {
					return w.skip()
				}
				i := intAttr(se, "ilvl", -1)
				lv, err := readLevel(w)
				if i >= 0 && i < 9 {
					an.levels[i] = lv
				}
				return err
			})
		case "num":
			nm := &num{overrides: map[int]override{}}
			n.nums[attr(se, "numId")] = nm
			return w.children(func(se xml.StartElement) error {
				switch se.Name.Local {
				case "abstractNumId":
					nm.abstract = attr(se, "val")
				case "lvlOverride":
					i := intAttr(se, "ilvl", -1)
					var o override
					err := w.children(func(se xml.StartElement) error {
						switch se.Name.Local {
						case "startOverride":
							o.start, o.hasStart = intAttr(se, "val", 1), true
						case "lvl":
							lv, err := readLevel(w)
							o.lvl = &lv
							return err
						}
						return w.skip()
					})
					if i >= 0 && i < 9 {
						nm.overrides[i] = o
					}
					return err
				}
				return w.skip()
			})
		}
		return w.skip()
	})
}

func readLevel(w *walker) (level, error) {
	lv := level{start: 1, format: "decimal", restart: -1}
	err := w.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "start":
			lv.start = intAttr(se, "val", 1)
		case "numFmt":
			lv.format = attr(se, "val")
		case "lvlText":
			lv.text = attr(se, "val")
		case "lvlRestart":
			lv.restart = intAttr(se, "val", -1)
		case "isLgl":
			lv.legal = onOff(se) == yes
		}
		return w.skip()
	})
	return lv, err
}

// next advances the counters of list numID at level ilvl, as Word does when
// it lays out a numbered paragraph, and returns the label Word shows ("II.",
// "a)", "1.2.") and whether it is a bullet. ok is false for a paragraph
// without numbering (numId 0 or unknown).
func (n *numbering) next(numID string, ilvl int) (label string, bullet, ok bool) {
	nm, found := n.nums[numID]
	if !found || numID == "0" {
		return "", false, false
	}
	an, found := n.abstracts[nm.abstract]
	if !found {
		return "", false, false
	}
	if ilvl < 0 || ilvl > 8 {
		ilvl = 0
	}
	levels := an.levels
	key := "a" + nm.abstract
	for i, o := range nm.overrides {
		if o.lvl != nil {
			levels[i] = *o.lvl
		}
		if o.hasStart {
			levels[i].start = o.start
		}
		// A list instance that overrides its start restarts; one that only
		// points at the abstract list continues its numbering.
		key = "n" + numID
	}
	c, found := n.counters[key]
	if !found {
		c = new([9]int)
		n.counters[key] = c
	}
	if c[ilvl] == 0 {
		c[ilvl] = levels[ilvl].start
	} else {
		c[ilvl]++
	}
	for j := ilvl + 1; j < 9; j++ {
		r := levels[j].restart
		if r == 0 {
			continue
		}
		if r < 0 || ilvl < r {
			c[j] = 0
		}
	}
	lv := levels[ilvl]
	switch lv.format {
	case "bullet":
		return bulletLabel(lv.text), true, true
	case "none":
		if strings.TrimSpace(lv.text) == "" || strings.Contains(lv.text, "%") {
			return "", false, false
		}
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			v := c[k]
			if v == 0 {
				v = levels[k].start
			}
			f := levels[k].format
			if lv.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	label = strings.TrimSpace(b.String())
	return label, false, label != ""
}

// bulletLabel maps a bullet glyph to "-" or "•". Bullets are usually drawn
// with Symbol or Wingdings code points in the private use area, which mean
// nothing outside the font.
func bulletLabel(text string) string {
	t := strings.TrimSpace(text)
	switch t {
	case "-", "–", "—", "\uf02d", "−", "‐":
		return "-"
	case "+":
		return "+"
	}
	return "•"
}

// formatNumber writes v in a numFmt of ST_NumberFormat.
func formatNumber(v int, format string) string {
	switch format {
	case "upperRoman":
		return roman(v)
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperLetter":
		return letters(v, 'A')
	case "lowerLetter":
		return letters(v, 'a')
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "vietnameseCounting":
		if v >= 1 && v <= len(vietCount) {
			return vietCount[v-1]
		}
	case "none":
		return ""
	}
	return strconv.Itoa(v)
}

var vietCount = []string{"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"}

func roman(v int) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}

// letters writes Word's letter numbering: a…z, then aa…zz, aaa….
func letters(v int, base byte) string {
	if v <= 0 || v > 780 {
		return strconv.Itoa(v)
	}
	ch := base + byte((v-1)%26)
	return strings.Repeat(string(ch), (v-1)/26+1)
}
