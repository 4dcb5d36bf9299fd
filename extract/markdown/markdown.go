// Package markdown reads text and Markdown exports of reports into blocks.
//
// Exports of Word and PDF reports to Markdown use the syntax loosely: bold
// marks headings, names and numbers alike, heading depth does not follow the
// structure, lines of the header block end in two spaces (hard breaks), and
// footnote bodies are paragraphs that start with "<sup>N</sup>" wherever the
// page broke. The reader reports what it sees (bold, heading depth, markers,
// bullets) and leaves the meaning to the structure stage. Pandoc footnotes
// ("[^N]" and "[^N]: body") are read as well.
package markdown

import (
	"fmt"
	"strings"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/vntext"
	"github.com/baocao/baocao/schema"
)

// Read splits UTF-8 text (already decoded; NFD is normalized to NFC) into blocks.
// Invalid UTF-8 bytes are not repaired (extract decodes legacy encodings
// before this); each counts as one rune in offsets, as U+FFFD would.
// format is schema.FormatMarkdown or schema.FormatText; any other value is
// read as Markdown. Text without any content gives a Source with no blocks.
func Read(text string, format string) (src *block.Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src = nil
			err = fmt.Errorf("markdown: internal error: %v", r)
		}
	}()
	if format == "" {
		format = schema.FormatMarkdown
	}
	// Exports mix NFC and NFD; everything below compares NFC letters.
	lines := splitLines(toNFC(text))
	var blocks []block.Block
	if format == schema.FormatText {
		blocks = readText(lines)
	} else {
		blocks = readMarkdown(lines)
	}
	return &block.Source{Format: format, Encoding: "utf-8", Blocks: blocks}, nil
}

// toNFC normalizes text that holds combining diacritics (U+0300–U+036F,
// UTF-8 lead bytes 0xCC and 0xCD). Vietnamese NFD text always does, and text
// without them needs no work, which saves a full normalization check.
func toNFC(text string) string {
	if strings.IndexByte(text, 0xCC) < 0 && strings.IndexByte(text, 0xCD) < 0 {
		return text
	}
	return vntext.NFC(text)
}

// splitLines splits on \n, \r\n and lone \r, and turns form feeds into
// blank lines (some text exports mark pages with them).
func splitLines(text string) []string {
	if strings.ContainsRune(text, '\r') {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	if strings.ContainsRune(text, '\f') {
		text = strings.ReplaceAll(text, "\f", "\n\n")
	}
	return strings.Split(text, "\n")
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\v':
		default:
			if s[i] >= 0x80 {
				return strings.TrimSpace(s) == ""
			}
			return false
		}
	}
	return true
}

// readText reads plain text: paragraphs are separated by blank lines; a file
// without blank lines has one paragraph per line. Inside a paragraph, short
// lines (a header block, a signature) stay separate blocks, while long lines
// are hard-wrapped prose and are joined.
func readText(lines []string) []block.Block {
	hasBlank := false
	for _, l := range lines {
		if isBlank(l) {
			hasBlank = true
			break
		}
	}
	notes := textNotes(lines)
	var out []block.Block
	emit := func(text string, line int) {
		b := block.Block{Kind: block.Para, Line: line}
		if n, rest, ok := cutBracketNote(strings.TrimSpace(text), notes); ok {
			b.Kind, b.Note, text = block.FootnoteBody, n, rest
		}
		var w textWriter
		w.plain(text, notes)
		b.Text, b.Markers = w.String(), w.Markers()
		if b.Text == "" {
			return
		}
		if b.Kind == block.Para {
			if rest, ok := cutBullet(b.Text); ok {
				shift := runeLen(b.Text) - runeLen(rest)
				b.Text, b.List = rest, true
				for k := range b.Markers {
					b.Markers[k].Offset = max(0, b.Markers[k].Offset-shift)
				}
			}
		}
		out = append(out, b)
	}
	if !hasBlank {
		for i, l := range lines {
			emit(l, i+1)
		}
		return out
	}
	for i := 0; i < len(lines); {
		if isBlank(lines[i]) {
			i++
			continue
		}
		start := i
		for i < len(lines) && !isBlank(lines[i]) {
			i++
		}
		para := lines[start:i]
		if separateLines(para) {
			for k, l := range para {
				emit(l, start+k+1)
			}
			continue
		}
		// Bullets start a new block even without a blank line before them.
		from := 0
		for k := 1; k <= len(para); k++ {
			if k == len(para) || isBulletLine(para[k]) {
				emit(strings.Join(para[from:k], " "), start+from+1)
				from = k
			}
		}
	}
	return out
}

// textNotes returns the footnote numbers of a plain-text export that
// writes its footnotes as "[1] Tổ chức cơ sở đảng: …" lines, each body on a
// line of its own; nil when there are none. Only these numbers are read as
// "[1]" markers in the text: a bracketed number is otherwise just text.
func textNotes(lines []string) map[int]bool {
	var notes map[int]bool
	for _, l := range lines {
		if n, _, ok := cutBracketNote(strings.TrimSpace(l), nil); ok {
			if notes == nil {
				notes = make(map[int]bool)
			}
			notes[n] = true
		}
	}
	return notes
}

// cutBracketNote parses "[12] text". With notes non-nil, n must be in it.
func cutBracketNote(l string, notes map[int]bool) (int, string, bool) {
	if len(l) < 4 || l[0] != '[' {
		return 0, "", false
	}
	end := strings.IndexByte(l, ']')
	if end < 2 || end > 4 || end+1 >= len(l) || l[end+1] != ' ' {
		return 0, "", false
	}
	n := 0
	for _, c := range l[1:end] {
		if c < '0' || c > '9' {
			return 0, "", false
		}
		n = n*10 + int(c-'0')
	}
	if n == 0 || notes != nil && !notes[n] {
		return 0, "", false
	}
	return n, strings.TrimSpace(l[end+1:]), true
}

// separateLines reports whether the lines of one plain-text paragraph are
// separate short lines rather than wrapped prose.
func separateLines(para []string) bool {
	if len(para) < 2 || len(para) > 8 {
		return false
	}
	for _, l := range para {
		if runeLen(strings.TrimSpace(l)) > 60 {
			return false
		}
	}
	return true
}

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// isBulletLine reports a line that starts with a bullet: "- ", "+ ", "* ",
// "• " (and the en dash, which Word exports use for bullets).
func isBulletLine(l string) bool {
	_, ok := cutBullet(strings.TrimLeft(l, " \t"))
	return ok
}

func cutBullet(s string) (string, bool) {
	for _, p := range []string{"- ", "+ ", "* ", "• ", "– ", "\u2022\t", "-\t"} {
		if strings.HasPrefix(s, p) {
			return strings.TrimLeft(s[len(p):], " \t"), true
		}
	}
	return s, false
}
