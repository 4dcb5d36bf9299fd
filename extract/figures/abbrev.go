package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Reports define their abbreviations once, in parentheses after the long
// form ("đảng viên (ĐV)", "Ủy ban Kiểm tra (UBKT)"), and then count "1.083
// ĐV". A unit is the counted noun as a reader of another year's report
// would write it, so a defined abbreviation in a unit or a label is read as
// its long form.

// maxAbbrev is the longest abbreviation read, in letters.
const maxAbbrev = 8

// definitions returns the abbreviations doc defines, each with its long
// form as first written: the words before "(ABBR)" whose initials are the
// letters of ABBR.
func definitions(doc *schema.Document) map[string]string {
	var defs map[string]string
	scan := func(t string) {
		for {
			o := strings.Index(t, "(")
			if o < 0 {
				return
			}
			c := strings.Index(t[o:], ")")
			if c < 0 {
				return
			}
			abbr := t[o+1 : o+c]
			if long := longForm(t[:o], abbr); long != "" {
				if defs == nil {
					defs = make(map[string]string)
				}
				if _, ok := defs[abbr]; !ok {
					defs[abbr] = long
				}
			}
			t = t[o+c:]
		}
	}
	for i := range doc.Paragraphs {
		scan(doc.Paragraphs[i].Text)
	}
	for i := range doc.Footnotes {
		scan(doc.Footnotes[i].Text)
	}
	return defs
}

// longForm returns the words at the end of before whose initials spell
// abbr ("đảng viên" for "ĐV"), or "".
func longForm(before, abbr string) string {
	n := utf8.RuneCountInString(abbr)
	if n < 2 || n > maxAbbrev {
		return ""
	}
	for _, r := range abbr {
		if !unicode.IsUpper(r) {
			return ""
		}
	}
	ws := strings.Fields(before)
	if len(ws) < n {
		return ""
	}
	ws = ws[len(ws)-n:]
	i := 0
	for _, r := range abbr {
		first, _ := utf8.DecodeRuneInString(ws[i])
		if vntext.Fold(string(first)) != vntext.Fold(string(r)) {
			return ""
		}
		i++
	}
	long := strings.Join(ws, " ")
	if strings.ContainsAny(long, ",;:.()") {
		return ""
	}
	return lowerFirst(long)
}

// expandAbbrevs writes the defined abbreviations of units and labels out
// in full: "ĐV" → "đảng viên", "tổng số ĐV" → "tổng số đảng viên".
func expandAbbrevs(figs []schema.Figure, defs map[string]string) {
	if len(defs) == 0 {
		return
	}
	for i := range figs {
		f := &figs[i]
		f.Unit = replaceWords(f.Unit, defs)
		f.Metric = replaceWords(f.Metric, defs)
	}
}

// replaceWords replaces every whole word of s that is a key of defs.
func replaceWords(s string, defs map[string]string) string {
	if s == "" {
		return s
	}
	ws := strings.Fields(s)
	changed := false
	for i, w := range ws {
		if long, ok := defs[w]; ok {
			ws[i] = long
			changed = true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(ws, " ")
}
