package figures

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Column roles of a table of indicators ("| TT | Chỉ tiêu | Đơn vị tính |
// Kế hoạch năm 2023 | Thực hiện năm 2023 | So với kế hoạch (%) |").
const (
	colUnknown = iota
	colIndex
	colLabel
	colUnit
	colTarget
	colActual
	colPlanPercent
	colChange
)

// tableHeader remembers the columns of the last header row, for the rows
// under it.
type tableHeader struct {
	cols []int
	// years holds the year a column's heading names ("2015", "Sơ bộ -
	// Prel. 2016", "Kế hoạch năm 2024"), 0 for none; estimate marks "Ước
	// thực hiện" columns.
	years    []int
	estimate []bool
	// unit is the table's unit, from a line before it ("Đơn vị tính: %").
	unit string
}

// splitCells returns the byte ranges of the cells of a table row written
// with '|' (Markdown) or tabs.
func splitCells(text string) [][2]int {
	sep := "|"
	if !strings.Contains(text, "|") {
		sep = "\t"
	}
	var cells [][2]int
	start := 0
	for {
		k := strings.Index(text[start:], sep)
		end := len(text)
		if k >= 0 {
			end = start + k
		}
		lo, hi := start, end
		for lo < hi && text[lo] == ' ' {
			lo++
		}
		for hi > lo && text[hi-1] == ' ' {
			hi--
		}
		if !(lo == hi && (start == 0 || k < 0)) {
			cells = append(cells, [2]int{lo, hi})
		}
		if k < 0 {
			break
		}
		start = end + len(sep)
	}
	return cells
}

// has reports whether folded header text t holds the words kw, with or
// without the spaces between them.
func has(t, kw string) bool {
	return strings.Contains(t, kw) || strings.Contains(strings.ReplaceAll(t, " ", ""), strings.ReplaceAll(kw, " ", ""))
}

// readHeader classifies the columns of a row that holds no figures; ok is
// false for a data row.
func readHeader(text string) (tableHeader, bool) {
	cells := splitCells(text)
	h := tableHeader{cols: make([]int, len(cells)), years: make([]int, len(cells)), estimate: make([]bool, len(cells))}
	years := 0
	for i, c := range cells {
		cell := text[c[0]:c[1]]
		for _, n := range vntext.AppendNumbers(nil, cell) {
			if n.Kind == vntext.NumPlain && !n.IsYear() {
				return tableHeader{}, false
			}
			if n.Kind == vntext.NumPlain && n.IsYear() && h.years[i] == 0 {
				h.years[i] = int(n.Value)
				years++
			}
		}
		if f := vntext.Fold(cell); strings.Contains(f, "uoc") {
			h.estimate[i] = true
		}
		// Folded, and matched with spaces or without: OCR drops the
		// space in a header cell ("Kếhoạch năm 2023").
		t := vntext.Fold(cell)
		switch {
		case t == "tt" || t == "stt" || strings.HasPrefix(t, "so tt"):
			h.cols[i] = colIndex
		case has(t, "don vi") || t == "dvt":
			h.cols[i] = colUnit
		case has(t, "%") || has(t, "so voi") || has(t, "so sanh") || has(t, "ty le") || has(t, "th/kh"):
			if has(t, "ke hoach") || has(t, "kh") || has(t, "chi tieu") {
				h.cols[i] = colPlanPercent
			} else {
				h.cols[i] = colChange
			}
		case has(t, "thuc hien") || has(t, "uoc") || has(t, "ket qua"):
			h.cols[i] = colActual
		case has(t, "ke hoach") || strings.HasPrefix(t, "kh") || has(t, "muc tieu") || has(t, "chi tieu nam"):
			h.cols[i] = colTarget
		case has(t, "chi tieu") || has(t, "noi dung") || has(t, "ten"):
			h.cols[i] = colLabel
		}
	}
	for _, c := range h.cols {
		if c != colUnknown && c != colLabel {
			return h, true
		}
	}
	if years >= 2 {
		return h, true // "| | 2010 | 2013 | 2014 | 2015 | Sơ bộ 2016 |"
	}
	return tableHeader{}, false
}

// unitLine reads the unit a table is given in from the line before it:
// "Đơn vị tính: %", "ĐVT: tỷ đồng", "(Đơn vị: triệu đồng)", "Đơn vị tính -
// Unit: %". ok is false for another line.
func unitLine(text string) (unit string, ok bool) {
	// cheap tests first: this runs on every paragraph
	if len(text) > 400 || !(strings.Contains(text, "vị") || strings.Contains(text, "VỊ") || strings.Contains(text, "VT") || strings.Contains(text, "vt") || strings.Contains(text, "Vt")) {
		return "", false
	}
	t := strings.Trim(strings.TrimSpace(text), "()*")
	if wordCount(t) > 32 {
		return "", false
	}
	f := vntext.Fold(t)
	for _, p := range []string{"don vi tinh", "don vi", "dvt"} {
		// at the start, or ending a short line the unit line was joined to
		// ("Structure of state budget revenue Đơn vị tính - Unit: %")
		at := strings.LastIndex(f, p)
		if at < 0 || at > 0 && f[at-1] != ' ' && f[at-1] != '(' {
			continue
		}
		rest := t[len(prefixOf(t, utf8.RuneCountInString(f[:at])+len(p))):]
		if i := strings.LastIndex(rest, ":"); i >= 0 {
			rest = rest[i+1:]
		}
		rest = strings.TrimSpace(strings.Trim(rest, " -:.;"))
		if rest == "" || len(strings.Fields(rest)) > 3 {
			return "", false
		}
		return rest, true
	}
	return "", false
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// prefixOf returns the first n runes of s (a fold keeps one rune for each
// rune of NFC text).
func prefixOf(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// analyzeRow reads the figures of one data row: a number that fills a cell
// is a figure, its unit comes from the unit column and its role from the
// column heading.
func (a *analyzer) analyzeRow(lx *lexer, text string, plan bool, h *tableHeader) []cand {
	a.text = text
	a.toks = lx.lex(text)
	a.nums = lx.nums
	a.cands = a.cands[:0]
	a.layout()
	cells := splitCells(text)
	col := func(pos int) int {
		for i, c := range cells {
			if pos >= c[0] && pos <= c[1] {
				return i
			}
		}
		return -1
	}
	// A header without the label column's empty cell ("| | 2010 | 2013 |"
	// read as "2010 | 2013") lines up from the right.
	shift := 0
	if h != nil && len(h.cols) > 0 && len(cells) > len(h.cols) {
		shift = len(cells) - len(h.cols)
	}
	colRole := func(i int) int {
		i -= shift
		if h != nil && i >= 0 && i < len(h.cols) {
			return h.cols[i]
		}
		return colUnknown
	}
	// The label is the longest cell without digits, the unit a short one
	// after it (or the one under "Đơn vị tính").
	label, unit := "", ""
	for i, c := range cells {
		cell := text[c[0]:c[1]]
		if strings.ContainsAny(cell, "0123456789") && colRole(i) != colLabel || !strings.ContainsFunc(cell, unicode.IsLetter) && cell != "%" {
			continue // a number, or "-" for no value
		}
		switch {
		case colRole(i) == colUnit:
			unit = cell
		case len(cell) > len(label) && colRole(i) != colUnit:
			if label != "" && unit == "" && len(strings.Fields(label)) <= 3 {
				unit = label
			}
			label = cell
		case unit == "" && label != "" && len(strings.Fields(cell)) <= 3:
			unit = cell
		}
	}
	if unit == "" && h != nil {
		unit = h.unit
	}
	kind, scale, unitText := unitKind(unit)
	for i := range a.toks {
		t := &a.toks[i]
		if t.kind != tNum {
			continue
		}
		ci := col(t.pos)
		if ci < 0 {
			continue
		}
		c := cells[ci]
		cell := strings.TrimSpace(strings.TrimSuffix(text[c[0]:c[1]], "%"))
		if cell != t.text || (ci == 0 && a.num(i).Kind == vntext.NumPlain && a.num(i).Decimals == 0 && colRole(ci) != colActual) {
			continue // a row number, or a number inside words
		}
		n := *a.num(i)
		if n.Kind != vntext.NumPlain && n.Kind != vntext.NumRatio && n.Kind != vntext.NumRange {
			continue
		}
		cd := cand{tok: i, last: i, parent: -1, refersTo: -1, countOf: -1}
		f := &cd.fig
		f.Raw, f.Value, f.Span = t.text, n.Value, [2]int{t.start, t.end}
		f.Kind, f.Unit = kind, unitText
		f.ValueNormalized = scaled(n.Value, n.Decimals, scale)
		switch colRole(ci) {
		case colPlanPercent:
			f.Kind, f.Unit, f.Role, f.ValueNormalized = schema.KindPercent, "%", schema.RolePlanPercent, n.Value
		case colChange:
			f.Kind, f.Unit, f.Role, f.ValueNormalized = schema.KindPercent, "%", schema.RoleShare, n.Value
		case colTarget:
			f.Role = schema.RoleTarget
		default:
			f.Role = schema.RoleActual
		}
		if plan {
			f.Role = schema.RoleTarget
		}
		if f.Kind == schema.KindPercent && f.Role == schema.RoleActual {
			f.Role = schema.RoleShare // a table in % states shares or rates
		}
		if hc := ci - shift; h != nil && hc >= 0 && hc < len(h.years) && h.years[hc] > 0 {
			y := h.years[hc]
			f.Period = &schema.Period{Start: itoa4(y) + "-01-01", End: itoa4(y) + "-12-31"}
			f.Estimate = h.estimate[hc]
		}
		switch n.Kind {
		case vntext.NumRatio:
			f.Kind, f.Denominator = schema.KindRatio, schema.Float(n.Value2)
		case vntext.NumRange:
			f.Kind, f.ValueHigh = schema.KindRange, schema.Float(n.Value2)
		}
		f.Metric = strings.ToLower(label)
		if f.Role == schema.RolePlanPercent {
			f.Metric += " (% kế hoạch)"
		}
		f.Quote = rowQuote(text, c[1])
		cd.index = len(a.cands)
		a.cands = append(a.cands, cd)
	}
	return a.cands
}

func itoa4(y int) string { return fmt.Sprintf("%04d", y) }

// rowQuote returns the row up to the end of the figure's cell, cut to its
// last 20 words so that the quote holds the number.
func rowQuote(text string, end int) string {
	q := strings.TrimSpace(strings.TrimLeft(text[:end], "| "))
	if f := strings.Fields(q); len(f) > maxQuoteWords {
		k := len(q)
		for n := 0; n < maxQuoteWords && k > 0; n++ {
			k = strings.LastIndex(strings.TrimRight(q[:k], " "), " ")
			if k < 0 {
				k = 0
			}
		}
		q = strings.TrimSpace(q[k:])
	}
	return q
}

// unitKind maps a unit cell ("Tỷ đồng", "%", "Ha") to a kind, a scale to
// đồng and the unit as written.
func unitKind(unit string) (kind string, scale float64, text string) {
	low := strings.ToLower(strings.TrimSpace(unit))
	fields := strings.Fields(low)
	scale = 1
	switch {
	case low == "%":
		return schema.KindPercent, 1, "%"
	case len(fields) > 0 && scales[fields[0]] > 0 && (len(fields) == 1 || fields[1] == "đồng"):
		return schema.KindMoney, scales[fields[0]], unit
	case low == "đồng" || low == "vnđ":
		return schema.KindMoney, 1, unit
	case areaUnits[low]:
		return schema.KindArea, 1, unit
	case measureUnits[low]:
		return schema.KindOther, 1, unit
	}
	return schema.KindCount, 1, unit
}
