// Package schema holds the data types that baocao extracts from a report and
// their JSON form (schema_version 2; DESIGN.md has version 1, and the
// Figure fields below say what version 2 added). It does no I/O.
//
// Field names in the JSON tags are a contract read by tools outside the
// repository: add fields, never rename them. Offsets (Span, FootnoteRef.Offset)
// count runes of the Text of the paragraph or footnote they point into.
package schema

import "strconv"

// Version is the schema_version written into every Document. Version 2 added
// Figure.Period, Estimate, ComparedWith and Subject, and the title and
// header paragraph kinds.
const Version = 2

// Formats of Source.Format.
const (
	FormatMarkdown = "markdown"
	FormatText     = "text"
	FormatDOCX     = "docx"
	FormatPDF      = "pdf"
	FormatPDFOCR   = "pdf-ocr"
)

// Document is one report as extracted from one file.
type Document struct {
	SchemaVersion int         `json:"schema_version"`
	ID            string      `json:"id"` // first 16 hex digits of Source.SHA256
	Source        Source      `json:"source"`
	Meta          Meta        `json:"meta"`
	Sections      []Section   `json:"sections"`
	Paragraphs    []Paragraph `json:"paragraphs"`
	Footnotes     []Footnote  `json:"footnotes"`
	Figures       []Figure    `json:"figures"`
	References    []Reference `json:"references"`
	// Warnings are things a reader should know about the extraction (a page
	// without text, a low OCR confidence); they are not inconsistencies.
	Warnings []string `json:"warnings,omitempty"`
}

// Source describes the file a Document was read from.
type Source struct {
	File     string `json:"file"`   // base name as given to extract
	Format   string `json:"format"` // one of the Format constants
	SHA256   string `json:"sha256"`
	Bytes    int64  `json:"bytes"`
	Pages    int    `json:"pages"`    // 0 when the format has no pages
	Encoding string `json:"encoding"` // utf-8, tcvn3, vni, windows-1258
	// OCRConfidence is Tesseract's mean word confidence (0-100) for pdf-ocr.
	OCRConfidence *float64 `json:"ocr_confidence,omitempty"`
}

// Meta is what the report says about itself. An empty string or a zero year
// means the report does not say (or extraction did not find it).
type Meta struct {
	Title       string `json:"title"`
	Issuer      string `json:"issuer"`
	DocType     string `json:"doc_type"`
	Number      string `json:"number"`
	Place       string `json:"place"`
	Date        string `json:"date"` // ISO 8601, yyyy-mm-dd
	ReportYear  int    `json:"report_year"`
	PlanYear    int    `json:"plan_year"`
	Signer      string `json:"signer"`
	SignerTitle string `json:"signer_title"`
}

// Section is a numbered heading of the report.
type Section struct {
	ID     string     `json:"id"`     // "s4"
	Number string     `json:"number"` // as written, without the trailing dot: "Phần thứ nhất", "II", "2", "a"
	Title  string     `json:"title"`
	Level  int        `json:"level"` // 1 Phần, 2 I/II, 3 1/2, 4 a)/b)
	Parent NullString `json:"parent"`
	Path   string     `json:"path"` // "Phần thứ nhất/II/2"
	Page   NullInt    `json:"page"`
	Line   int        `json:"line,omitempty"` // 1-based source line, text formats only
}

// Paragraph kinds; the empty kind is body text. A title line and the lines
// of a header (a dateline, a byline, a portal's breadcrumb) are paragraphs
// too, so that nothing a file says is lost; figures are read in titles, not
// in headers.
const (
	ParagraphList     = "list_item"
	ParagraphTableRow = "table_row"
	ParagraphTitle    = "title"
	ParagraphHeader   = "header"
)

// Paragraph is body text after page breaks were joined and footnote markers
// removed.
type Paragraph struct {
	ID           string        `json:"id"` // "p17"
	Section      NullString    `json:"section"`
	Page         NullInt       `json:"page"`
	Kind         string        `json:"kind,omitempty"`
	Text         string        `json:"text"`
	FootnoteRefs []FootnoteRef `json:"footnote_refs"`
	Line         int           `json:"line,omitempty"`
}

// InBody reports a paragraph of the report's body: not its title and not a
// header or closing line.
func (p *Paragraph) InBody() bool {
	return p.Kind != ParagraphTitle && p.Kind != ParagraphHeader
}

// FootnoteRef is a footnote marker that stood at Offset runes into the text.
type FootnoteRef struct {
	ID     int `json:"id"`
	Offset int `json:"offset"`
}

// Footnote is a footnote body. RefParagraph is null when no marker points to it.
type Footnote struct {
	ID           int        `json:"id"`
	Text         string     `json:"text"`
	Page         NullInt    `json:"page"`
	RefParagraph NullString `json:"ref_paragraph"`
	// Section is the section of the marker, not of the place where the body sits.
	Section NullString `json:"section"`
	Line    int        `json:"line,omitempty"`
}

// Figure kinds.
const (
	KindCount   = "count"
	KindPercent = "percent"
	KindRatio   = "ratio"
	KindMoney   = "money"
	KindArea    = "area"
	KindRange   = "range"
	KindOther   = "other"
)

// Figure roles.
const (
	RoleActual      = "actual"
	RoleTarget      = "target"
	RoleChange      = "change"
	RoleShare       = "share"
	RolePlanPercent = "plan_percent"
)

// Bounds of a qualified value.
const (
	BoundAtLeast = "at_least" // "từ … trở lên", "ít nhất"
	BoundAbove   = "above"    // "trên", "hơn"
	BoundAtMost  = "at_most"  // "tối đa", "không quá"
	BoundBelow   = "below"    // "dưới"
	BoundAbout   = "about"    // "gần", "khoảng"
)

// What a change or a plan percent is measured against.
const (
	ComparedSamePeriodLastYear = "same_period_last_year" // "so với cùng kỳ", "so với năm trước"
	ComparedPreviousPeriod     = "previous_period"       // "so với tháng trước", "nhiệm kỳ trước"
	ComparedPlan               = "plan"                  // "kế hoạch", "dự toán", "chỉ tiêu", "nghị quyết"
)

// Period is a span of days, both ends included, as ISO dates.
type Period struct {
	Start string `json:"start"` // yyyy-mm-dd
	End   string `json:"end"`
}

// Part names the part of a year p covers: "" for a whole year, a run of
// years or no period, "6 tháng" for January to June, "quý II" for a
// quarter, "tháng 7" for one month, else "tháng 3–8". Figures of different
// parts are different quantities (a 6-month revenue is not the year's).
func (p *Period) Part() string {
	if p == nil || len(p.Start) < 7 || len(p.End) < 7 || p.Start[:4] != p.End[:4] {
		return ""
	}
	sm, em := twoDigits(p.Start[5:7]), twoDigits(p.End[5:7])
	switch {
	case sm == 1 && em == 12, sm < 1 || em > 12 || sm > em:
		return ""
	case sm == 1:
		return strconv.Itoa(em) + " tháng"
	case sm == em:
		return "tháng " + strconv.Itoa(sm)
	case em-sm == 2 && sm%3 == 1:
		return "quý " + [...]string{"I", "II", "III", "IV"}[sm/3]
	}
	return "tháng " + strconv.Itoa(sm) + "–" + strconv.Itoa(em)
}

func twoDigits(s string) int {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0
	}
	return int(s[0]-'0')*10 + int(s[1]-'0')
}

// Figure is one number stated in the report, with what it counts.
type Figure struct {
	ID              string   `json:"id"`  // "f52"
	Raw             string   `json:"raw"` // as written: "260/251", "2,54 tỷ đồng", "94,9%"
	Value           float64  `json:"value"`
	Denominator     *float64 `json:"denominator"`
	ValueHigh       *float64 `json:"value_high"`
	Unit            string   `json:"unit"`
	Kind            string   `json:"kind"`
	ValueNormalized float64  `json:"value_normalized"` // đồng for money, percent number for percents
	Metric          string   `json:"metric"`
	Role            string   `json:"role"`
	// Direction is "up" or "down" for role change.
	Direction string     `json:"direction,omitempty"`
	Qualifier string     `json:"qualifier,omitempty"` // as written: "trên", "từ … trở lên", "gần"
	Bound     NullString `json:"bound"`
	// Parent is the total this figure is an explicit part of.
	Parent NullString `json:"parent"`
	// Partial marks a breakdown child whose list is known to be incomplete
	// ("…", "trong đó", "các … khác").
	Partial bool `json:"partial,omitempty"`
	// RefersTo is the figure a share, change or plan percent is computed on.
	RefersTo NullString `json:"refers_to"`
	// Period is the time the figure covers (schema 2): from its sentence,
	// else its paragraph, section or the document; nil when no year can be
	// told.
	Period *Period `json:"period"`
	// Estimate is set for a figure governed by "ước", "ước tính", "dự ước"
	// (schema 2).
	Estimate bool `json:"estimate"`
	// ComparedWith is what a change or a plan percent is measured against
	// (schema 2): one of the Compared constants, or null.
	ComparedWith NullString `json:"compared_with"`
	// Subject is the sub-unit or level the figure is about when it is not
	// the issuer as a whole ("cấp huyện", "UBKT Thành ủy"), else "" (schema 2).
	Subject     string     `json:"subject"`
	Paragraph   NullString `json:"paragraph"`
	Footnote    NullInt    `json:"footnote"`
	Section     NullString `json:"section"`
	SectionPath string     `json:"section_path"`
	Page        NullInt    `json:"page"`
	Span        [2]int     `json:"span"` // rune offsets of Raw's number in the container text
	Quote       string     `json:"quote"`
}

// Reference is one citation of a numbered document.
type Reference struct {
	ID          string     `json:"id"`  // canonical: "154-KH/HU", "1232/NQ-UBTVQH15"
	Raw         string     `json:"raw"` // "Kế hoạch số 154-KH/HU, ngày 05/6/2024"
	Type        string     `json:"type"`
	Number      string     `json:"number"`
	Symbol      string     `json:"symbol"`
	Date        NullString `json:"date"` // ISO date written at this mention
	Issuer      NullString `json:"issuer"`
	Paragraph   NullString `json:"paragraph"`
	Footnote    NullInt    `json:"footnote"`
	Section     NullString `json:"section"`
	SectionPath string     `json:"section_path"`
	Page        NullInt    `json:"page"`
	Span        [2]int     `json:"span"`
}

// Finding severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Finding is one inconsistency found by check. It is a result, not an error.
type Finding struct {
	Rule        string     `json:"rule"`
	Severity    string     `json:"severity"`
	Message     string     `json:"message"`
	Arithmetic  string     `json:"arithmetic,omitempty"` // "111 + 84 = 195, not 201"
	Quote       string     `json:"quote"`
	Paragraph   NullString `json:"paragraph"`
	Footnote    NullInt    `json:"footnote"`
	SectionPath string     `json:"section_path"`
	Page        NullInt    `json:"page"`
	Figures     []string   `json:"figures"`
	Related     []Related  `json:"related"`
}

// Related is the other side of a finding, possibly in another document.
type Related struct {
	Document string `json:"document"`
	Quote    string `json:"quote"`
}

// CheckReport is the JSON printed by `baocao check --json`.
type CheckReport struct {
	Document string    `json:"document"`
	File     string    `json:"file,omitempty"`
	Findings []Finding `json:"findings"`
}

// SetEmpty replaces nil lists with empty ones so that the JSON form shows []
// rather than null, which is what scripts reading it expect.
func (d *Document) SetEmpty() {
	if d.Sections == nil {
		d.Sections = []Section{}
	}
	if d.Paragraphs == nil {
		d.Paragraphs = []Paragraph{}
	}
	for i := range d.Paragraphs {
		if d.Paragraphs[i].FootnoteRefs == nil {
			d.Paragraphs[i].FootnoteRefs = []FootnoteRef{}
		}
	}
	if d.Footnotes == nil {
		d.Footnotes = []Footnote{}
	}
	if d.Figures == nil {
		d.Figures = []Figure{}
	}
	if d.References == nil {
		d.References = []Reference{}
	}
}
