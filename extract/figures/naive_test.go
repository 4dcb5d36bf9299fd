package figures

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/baocao/baocao/schema"
)

// naiveDoc builds a Document from a Markdown export with a few line rules,
// so that the figure rules can be tested without the structure stage:
// numbered headings become sections, "<sup>N</sup>" lines footnote bodies
// (continued by the following capitalised lines), everything else a
// paragraph. It is a test fixture, not a reader.
func naiveDoc(md string) *schema.Document {
	doc := &schema.Document{}
	clean := regexp.MustCompile(`\*\*|\*|<sup>\d+</sup>`)
	fnStart := regexp.MustCompile(`^<sup>(\d+)</sup>\s*`)
	heading := regexp.MustCompile(`^(Phần thứ [a-zđươ]+|Phần [IVX]+|[IVX]+|\d+)\.?\s*(.*)$`)
	var stack []schema.Section // by level
	cur := ""
	var curPath string
	inFoot := 0
	lines := strings.Split(md, "\n")
	pendingPart := -1
	for ln, line := range lines {
		line = strings.TrimSpace(strings.TrimLeft(line, "# "))
		if line == "" {
			continue
		}
		if m := fnStart.FindStringSubmatch(line); m != nil {
			id, _ := strconv.Atoi(m[1])
			text := strings.Join(strings.Fields(clean.ReplaceAllString(line[len(m[0]):], "")), " ")
			doc.Footnotes = append(doc.Footnotes, schema.Footnote{ID: id, Text: text, Section: schema.NullString(cur), Line: ln + 1})
			inFoot = id
			continue
		}
		plain := strings.Join(strings.Fields(clean.ReplaceAllString(line, "")), " ")
		if inFoot > 0 && (strings.HasPrefix(line, "-") || strings.HasPrefix(lines[ln], "#") || strings.HasPrefix(line, "**") || line[0] >= '0' && line[0] <= '9') {
			inFoot = 0
		}
		if inFoot > 0 {
			r := []rune(plain)
			if len(r) > 0 && r[0] >= 'a' && r[0] <= 'z' || strings.HasPrefix(plain, "đ") {
				inFoot = 0
			} else {
				f := &doc.Footnotes[len(doc.Footnotes)-1]
				f.Text += " " + plain
				continue
			}
		}
		bold := strings.HasPrefix(strings.TrimLeft(lines[ln], "# "), "**")
		isHeadingLine := strings.HasPrefix(lines[ln], "#") || (bold && len([]rune(plain)) < 120)
		if m := heading.FindStringSubmatch(strings.TrimSuffix(plain, ":")); m != nil && isHeadingLine {
			level := 3
			switch {
			case strings.HasPrefix(m[1], "Phần"):
				level = 1
			case strings.Trim(m[1], "IVX") == "":
				level = 2
			}
			stack = stack[:min(len(stack), level-1)]
			parent := ""
			path := m[1]
			if len(stack) > 0 {
				parent = stack[len(stack)-1].ID
				path = stack[len(stack)-1].Path + "/" + m[1]
			}
			s := schema.Section{ID: "s" + strconv.Itoa(len(doc.Sections)+1), Number: m[1], Title: m[2], Level: level, Parent: schema.NullString(parent), Path: path, Line: ln + 1}
			for len(stack) < level-1 {
				stack = append(stack, s)
			}
			stack = append(stack, s)
			doc.Sections = append(doc.Sections, s)
			cur, curPath = s.ID, s.Path
			if level == 1 {
				pendingPart = len(doc.Sections) - 1
			}
			continue
		}
		if pendingPart >= 0 && bold && strings.ToUpper(plain) == plain {
			doc.Sections[pendingPart].Title = plain
			pendingPart = -1
			continue
		}
		pendingPart = -1
		_ = curPath
		plain = strings.TrimPrefix(plain, "- ")
		kind := ""
		if strings.HasPrefix(plain, "|") {
			if strings.Trim(plain, "|-: ") == "" {
				continue
			}
			kind = schema.ParagraphTableRow
		}
		doc.Paragraphs = append(doc.Paragraphs, schema.Paragraph{ID: "p" + strconv.Itoa(len(doc.Paragraphs)+1), Section: schema.NullString(cur), Kind: kind, Text: plain, Line: ln + 1})
	}
	return doc
}
