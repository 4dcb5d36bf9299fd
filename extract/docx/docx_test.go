package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/vntext"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// buildDocx zips the given parts into a DOCX; document is the content of
// w:body, other parts are whole XML files by archive path.
func buildDocx(tb testing.TB, body string, parts map[string]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	all := map[string]string{
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range parts {
		all[k] = v
	}
	names := make([]string, 0, len(all))
	for k := range all {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(all[name])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func xmlPart(root, content string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:` + root + ` ` + wNS + `>` + content + `</w:` + root + `>`
}

// summary writes the fields a case checks, so that a table reads like a spec.
func summary(b block.Block) string {
	var s strings.Builder
	switch b.Kind {
	case block.FootnoteBody:
		fmt.Fprintf(&s, "note%d", b.Note)
		if b.NoteCont {
			s.WriteString("+")
		}
		s.WriteString(" ")
	case block.Table:
		rows := make([]string, len(b.Rows))
		for i, r := range b.Rows {
			rows[i] = strings.Join(r, "|")
		}
		return "table " + strings.Join(rows, " / ")
	}
	if b.Heading > 0 {
		fmt.Fprintf(&s, "h%d ", b.Heading)
	}
	if b.Label != "" {
		fmt.Fprintf(&s, "[%s] ", b.Label)
	}
	if b.List {
		s.WriteString("list ")
	}
	if b.Bold {
		s.WriteString("bold ")
	} else if b.BoldPrefix > 0 {
		fmt.Fprintf(&s, "bold%d ", b.BoldPrefix)
	}
	if b.Italic {
		s.WriteString("italic ")
	}
	if b.Align != "" {
		s.WriteString(b.Align + " ")
	}
	if b.Joined {
		s.WriteString("joined ")
	}
	text := []rune(b.Text)
	last := 0
	for _, m := range b.Markers {
		s.WriteString(string(text[last:m.Offset]))
		fmt.Fprintf(&s, "^%d", m.Note)
		last = m.Offset
	}
	s.WriteString(string(text[last:]))
	return s.String()
}

func p(runs string) string       { return `<w:p>` + runs + `</w:p>` }
func pp(ppr, runs string) string { return `<w:p><w:pPr>` + ppr + `</w:pPr>` + runs + `</w:p>` }
func r(text string) string       { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func rb(text string) string {
	return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}
func numPr(id string, lvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%s"/></w:numPr>`, lvl, id)
}
func fnRef(id string) string { return `<w:r><w:footnoteReference w:id="` + id + `"/></w:r>` }
func note(kind, id, paras string) string {
	return `<w:` + kind + ` w:id="` + id + `">` + paras + `</w:` + kind + `>`
}
func lvl(i int, f, text, start string) string {
	s := fmt.Sprintf(`<w:lvl w:ilvl="%d">`, i)
	if start != "" {
		s += `<w:start w:val="` + start + `"/>`
	}
	return s + `<w:numFmt w:val="` + f + `"/><w:lvlText w:val="` + text + `"/></w:lvl>`
}

var (
	stylesXML = xmlPart("styles", `
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:basedOn w:val="u1"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LaMa"><w:name w:val="La Ma"/><w:pPr><w:outlineLvl w:val="1"/>`+numPr("5", 0)+`</w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Dam"><w:name w:val="Dam"/><w:rPr><w:b/></w:rPr></w:style>`)
	numberingXML = xmlPart("numbering", `
<w:abstractNum w:abstractNumId="1">`+lvl(0, "upperRoman", "%1.", "")+lvl(1, "decimal", "%2.", "")+lvl(2, "lowerLetter", "%3)", "")+`</w:abstractNum>
<w:abstractNum w:abstractNumId="2">`+lvl(0, "bullet", "-", "")+lvl(1, "bullet", "\uf0b7", "")+`</w:abstractNum>
<w:abstractNum w:abstractNumId="3">`+lvl(0, "decimal", "(%1).", "3")+lvl(1, "decimal", "%1.%2.", "")+`</w:abstractNum>
<w:abstractNum w:abstractNumId="4">`+lvl(0, "upperRoman", "%1.", "")+`</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Mục %1:"/></w:lvl></w:lvlOverride></w:num>`)
)

func TestReadCases(t *testing.T) {
	footnotes := xmlPart("footnotes", note("footnote", "-1", p(`<w:r><w:separator/></w:r>`))+
		`<w:footnote w:type="continuationSeparator" w:id="0">`+p(`<w:r><w:continuationSeparator/></w:r>`)+`</w:footnote>`+
		note("footnote", "7", p(`<w:r><w:footnoteRef/></w:r>`+r(" Chi tiết thứ nhất."))+p(r("Đoạn hai.")))+
		note("footnote", "8", p(`<w:r><w:footnoteRef/></w:r>`+r(" Chi tiết thứ hai.")))+
		note("footnote", "9", p(r("Ghi chú tự đánh dấu."))))
	endnotes := xmlPart("endnotes", note("endnote", "1", p(r("Cuối văn bản."))))
	withParts := map[string]string{"word/styles.xml": stylesXML, "word/numbering.xml": numberingXML}
	tests := []struct {
		name  string
		body  string
		parts map[string]string
		want  []string
	}{
		{
			name: "runs, tabs and squashed space",
			body: p(r("Kết nạp ") + r("  260 ") + `<w:r><w:tab/><w:t>đảng viên</w:t></w:r>` + `<w:r><w:t>` + "\u00a0" + `mới.</w:t></w:r>`),
			want: []string{"Kết nạp 260 đảng viên mới."},
		},
		{
			name: "NFD text is composed",
			body: p(r("Đa\u0309ng bô\u0323")),
			want: []string{"Đảng bộ"},
		},
		{
			name: "line breaks split a header into lines",
			body: p(r("HUYỆN ỦY THẠCH BÀN") + `<w:r><w:br/></w:r>` + r("Số 12-BC/HU")),
			want: []string{"HUYỆN ỦY THẠCH BÀN", "Số 12-BC/HU"},
		},
		{
			name: "a long line cut by a break goes on in lower case",
			body: p(r("Ban Thường vụ Huyện ủy lãnh đạo các cấp ủy tổ chức nghiên cứu, học tập, quán triệt") + `<w:r><w:br/></w:r>` + r("các nghị quyết.")),
			want: []string{"Ban Thường vụ Huyện ủy lãnh đạo các cấp ủy tổ chức nghiên cứu, học tập, quán triệt", "joined các nghị quyết."},
		},
		{
			name: "run-in headings in one paragraph become paragraphs",
			body: p(rb("a) Trồng trọt:") + r(" Diện tích 16.430 ha.") + r(" ") + rb("b) Chăn nuôi, thủy sản:") + r(" Tổng đàn trâu 18.620 con; ") + rb("đàn bò:") + r(" 9.340 con.")),
			want: []string{"bold14 a) Trồng trọt: Diện tích 16.430 ha.", "bold23 b) Chăn nuôi, thủy sản: Tổng đàn trâu 18.620 con; đàn bò: 9.340 con."},
		},
		{
			name: "bold, bold prefix and italic",
			body: p(rb("I. TÌNH HÌNH")) + p(rb("5. Công tác văn phòng:")+r(" Văn phòng tham mưu.")) +
				p(`<w:r><w:rPr><w:i/></w:rPr><w:t>Thạch Bàn, ngày 2</w:t></w:r>`) +
				p(`<w:r><w:rPr><w:rStyle w:val="Dam"/></w:rPr><w:t>Bold by style</w:t></w:r>`) +
				p(`<w:r><w:rPr><w:rStyle w:val="Dam"/><w:b w:val="0"/></w:rPr><w:t>not bold</w:t></w:r>`),
			parts: withParts,
			want:  []string{"bold I. TÌNH HÌNH", "bold22 5. Công tác văn phòng: Văn phòng tham mưu.", "italic Thạch Bàn, ngày 2", "bold Bold by style", "not bold"},
		},
		{
			name:  "heading styles by name, inherited bold and centering",
			body:  pp(`<w:pStyle w:val="u1"/>`, r("Phần thứ nhất")) + pp(`<w:pStyle w:val="Muc"/>`, r("KẾT QUẢ")) + pp(`<w:outlineLvl w:val="2"/>`, r("Mức ba")),
			parts: withParts,
			want:  []string{"h1 bold Phần thứ nhất", "h1 bold center KẾT QUẢ", "h3 Mức ba"},
		},
		{
			name: "multilevel numbering with restarts",
			body: pp(numPr("1", 0), rb("KẾT QUẢ")) + pp(numPr("1", 1), r("Chính trị")) + pp(numPr("1", 2), r("tư tưởng")) + pp(numPr("1", 2), r("đạo đức")) +
				pp(numPr("1", 1), r("Tổ chức")) + pp(numPr("1", 2), r("cán bộ")) + pp(numPr("1", 0), rb("HẠN CHẾ")) + pp(numPr("1", 1), r("Hạn chế")),
			parts: withParts,
			want: []string{"[I.] list bold KẾT QUẢ", "[1.] list Chính trị", "[a)] list tư tưởng", "[b)] list đạo đức",
				"[2.] list Tổ chức", "[a)] list cán bộ", "[II.] list bold HẠN CHẾ", "[1.] list Hạn chế"},
		},
		{
			name:  "bullets map to dash and dot",
			body:  pp(numPr("2", 0), r("gạch")) + pp(numPr("2", 1), r("chấm")) + p(r("Tiếp")) + pp(numPr("2", 0), r("gạch")),
			parts: withParts,
			want:  []string{"[-] list gạch", "[•] list chấm", "Tiếp", "[-] list gạch"},
		},
		{
			name: "start values, shared and restarted instances, legal text",
			body: pp(numPr("3", 0), r("a")) + pp(numPr("3", 1), r("b")) + pp(numPr("3", 0), r("c")) +
				pp(numPr("4", 0), r("d")) + pp(numPr("3", 0), r("e")),
			parts: withParts,
			want:  []string{"[(3).] list a", "[3.1.] list b", "[(4).] list c", "[(1).] list d", "[(5).] list e"},
		},
		{
			name:  "level override replaces the level text",
			body:  pp(numPr("6", 0), r("Một")) + pp(numPr("6", 0), r("Hai")),
			parts: withParts,
			want:  []string{"[Mục 1:] list Một", "[Mục 2:] list Hai"},
		},
		{
			name:  "heading numbered through its style keeps its Roman label",
			body:  pp(`<w:pStyle w:val="LaMa"/>`, r("TÌNH HÌNH CHUNG")) + p(r("Văn bản.")) + pp(`<w:pStyle w:val="LaMa"/>`, r("KẾT QUẢ")),
			parts: withParts,
			want:  []string{"h2 [I.] bold TÌNH HÌNH CHUNG", "Văn bản.", "h2 [II.] bold KẾT QUẢ"},
		},
		{
			name:  "numId 0 and unknown lists give no label",
			body:  pp(numPr("0", 0), r("không")) + pp(numPr("99", 0), r("không có")),
			parts: withParts,
			want:  []string{"không", "không có"},
		},
		{
			name:  "footnotes numbered in reference order, bodies after the paragraph",
			body:  p(r("Xếp loại")+fnRef("8")+r(" tổ chức")+fnRef("7")+r(".")) + p(r("Tiếp theo.")),
			parts: map[string]string{"word/footnotes.xml": footnotes},
			want:  []string{"Xếp loại^1 tổ chức^2.", "note1 Chi tiết thứ hai.", "note2 Chi tiết thứ nhất.", "note2+ Đoạn hai.", "Tiếp theo."},
		},
		{
			name:  "custom footnote mark does not advance the counter",
			body:  p(r("A") + `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="9"/></w:r><w:r><w:t>5</w:t></w:r>` + r(" B") + fnRef("7")),
			parts: map[string]string{"word/footnotes.xml": footnotes},
			want:  []string{"A^5 B^1", "note5 Ghi chú tự đánh dấu.", "note1 Chi tiết thứ nhất.", "note1+ Đoạn hai."},
		},
		{
			name:  "endnotes follow the footnote numbers",
			body:  p(r("A") + fnRef("7") + r(" B") + `<w:r><w:endnoteReference w:id="1"/></w:r>`),
			parts: map[string]string{"word/footnotes.xml": footnotes, "word/endnotes.xml": endnotes},
			want:  []string{"A^1 B^2", "note1 Chi tiết thứ nhất.", "note1+ Đoạn hai.", "note2 Cuối văn bản."},
		},
		{
			name:  "a reference without a body keeps its marker",
			body:  p(r("Mất") + fnRef("42") + r(".")),
			parts: map[string]string{"word/footnotes.xml": footnotes},
			want:  []string{"Mất^1."},
		},
		{
			name: "typed superscript numbers are markers, exponents are not",
			body: p(r("đúng thời hạn") + `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>3</w:t></w:r>` + r(". Diện tích 20 m") + `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>`),
			want: []string{"đúng thời hạn^3. Diện tích 20 m2"},
		},
		{
			name:  "typed number that fills the gap between Word footnotes",
			body:  p(r("A") + fnRef("8") + r(" B") + `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>` + r(" C") + fnRef("7") + r(" x") + `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>9</w:t></w:r>`),
			parts: map[string]string{"word/footnotes.xml": footnotes},
			want:  []string{"A^1 B^2 C^3 x9", "note1 Chi tiết thứ hai.", "note3 Chi tiết thứ nhất.", "note3+ Đoạn hai."},
		},
		{
			name: "data table, merged and spanned cells",
			body: `<w:tbl><w:tblPr/><w:tr><w:tc>` + p(r("TT")) + `</w:tc><w:tc>` + p(r("Chỉ tiêu")) + `</w:tc><w:tc>` + p(r("Kế hoạch")) + `</w:tc></w:tr>` +
				`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + p(r("1")) + `</w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + p(r("Thu ngân sách")) + p(r("(tỷ đồng)")) + `</w:tc></w:tr>` +
				`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>` + p("") + `</w:tc><w:tc>` + p(r("Chi")) + `</w:tc><w:tc>` + p(r("612,4")) + `</w:tc></w:tr></w:tbl>`,
			want: []string{"table TT|Chỉ tiêu|Kế hoạch / 1|Thu ngân sách (tỷ đồng)| / |Chi|612,4"},
		},
		{
			name:  "layout table is read as paragraphs, notes after the table",
			body:  `<w:tbl><w:tr><w:tc>` + p(rb("HUYỆN ỦY THẠCH BÀN")) + p(r("Số 12-BC/HU")+fnRef("8")) + `</w:tc><w:tc>` + p(rb("ĐẢNG CỘNG SẢN VIỆT NAM")) + `</w:tc></w:tr></w:tbl>`,
			parts: map[string]string{"word/footnotes.xml": footnotes},
			want:  []string{"bold HUYỆN ỦY THẠCH BÀN", "Số 12-BC/HU^1", "bold ĐẢNG CỘNG SẢN VIỆT NAM", "note1 Chi tiết thứ hai."},
		},
		{
			name: "text box read once, after its paragraph",
			body: p(r("Trước") + `<w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x"><w:txbxContent>` + p(r("Trong hộp")) +
				`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v"><w:txbxContent>` + p(r("Trong hộp")) + `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>` + r(" sau")),
			want: []string{"Trước sau", "Trong hộp"},
		},
		{
			name: "deleted, hidden and field instruction text is not read",
			body: p(r("Còn") + `<w:del><w:r><w:delText>xóa</w:delText></w:r></w:del>` + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r(" lại") +
				`<w:r><w:fldChar w:fldCharType="end"/></w:r>` + `<w:ins><w:r><w:t xml:space="preserve"> thêm</w:t></w:r></w:ins>` + `<w:hyperlink><w:r><w:t xml:space="preserve"> liên kết</w:t></w:r></w:hyperlink>`),
			want: []string{"Còn lại thêm liên kết"},
		},
		{
			name: "symbols and hyphens",
			body: p(`<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> Mục</w:t><w:noBreakHyphen/><w:t>con</w:t></w:r>`),
			want: []string{"• Mục-con"},
		},
		{
			name: "content controls and empty paragraphs",
			body: `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>` + p(r("Trong sdt")) + `</w:sdtContent></w:sdt>` + p("") + p(r("  ")),
			want: []string{"Trong sdt"},
		},
		{
			name: "page numbers from rendered page breaks",
			body: p(r("Trang một")) + p(`<w:r><w:lastRenderedPageBreak/><w:t>Trang hai</w:t></w:r>`),
			want: []string{"Trang một", "Trang hai"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Read(buildDocx(t, tt.body, tt.parts))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range src.Blocks {
				got = append(got, summary(b))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReadPages(t *testing.T) {
	src, err := Read(buildDocx(t, p(r("Một"))+p(`<w:r><w:lastRenderedPageBreak/><w:t>Hai</w:t></w:r>`)+p(r("Ba")), nil))
	if err != nil {
		t.Fatal(err)
	}
	var pages []int
	for _, b := range src.Blocks {
		pages = append(pages, b.Page)
	}
	if fmt.Sprint(pages) != "[1 2 2]" || src.Pages != 2 {
		t.Errorf("pages %v, Source.Pages %d; want [1 2 2] and 2", pages, src.Pages)
	}
	src, err = Read(buildDocx(t, p(r("Một"))+p(r("Hai")), nil))
	if err != nil {
		t.Fatal(err)
	}
	if src.Blocks[1].Page != 0 || src.Pages != 0 {
		t.Errorf("without rendered breaks: page %d, pages %d; want 0 (unknown)", src.Blocks[1].Page, src.Pages)
	}
}

func TestLegacyFonts(t *testing.T) {
	tests := []struct {
		name, font, text, want, enc string
	}{
		{"unicode font", "Times New Roman", "Báo cáo", "Báo cáo", "utf-8"},
		{"TCVN3 .VnTime", ".VnTime", "B¸o c¸o", "Báo cáo", "tcvn3"},
		{"TCVN3 capitals font", ".VnTimeH", "b¸o c¸o", "BÁO CÁO", "tcvn3"},
		{"TCVN3 stored as symbol characters", ".VnTime", "B\uf0b8o", "Báo", "tcvn3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := p(`<w:r><w:rPr><w:rFonts w:ascii="` + tt.font + `" w:hAnsi="` + tt.font + `"/></w:rPr><w:t>` + tt.text + `</w:t></w:r>`)
			src, err := Read(buildDocx(t, body, nil))
			if err != nil {
				t.Fatal(err)
			}
			if len(src.Blocks) != 1 || src.Blocks[0].Text != tt.want || src.Encoding != tt.enc {
				t.Errorf("got %+v encoding %q, want %q in %s", src.Blocks, src.Encoding, tt.want, tt.enc)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	valid := buildDocx(t, p(r("x")), nil)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "docx: not a zip archive"},
		{"text", []byte("Báo cáo"), "docx: not a zip archive"},
		{"legacy doc or encrypted", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "docx: encrypted or legacy .doc, not supported"},
		{"zip without a document", zipOf(t, map[string]string{"hello.txt": "hi"}), "docx: no word/document.xml"},
		{"broken XML", zipOf(t, map[string]string{"word/document.xml": `<w:document><w:body><w:p><w:r><w:t>x</w:p>`}), "docx: document.xml: "},
		{"truncated XML", zipOf(t, map[string]string{"word/document.xml": `<w:document><w:body><w:p>`}), "docx: document.xml: unexpected end of XML"},
		{"truncated zip", valid[:len(valid)/2], "docx: not a zip archive"},
		{"deep nesting", zipOf(t, map[string]string{"word/document.xml": "<w:document><w:body>" + strings.Repeat("<w:sdt>", 1000) + strings.Repeat("</w:sdt>", 1000) + "</w:body></w:document>"}), "docx: elements nested more than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.data)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Read: error %v, want one starting %q", err, tt.want)
			}
		})
	}
}

func zipOf(tb testing.TB, files map[string]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestZipBomb checks that an archive declaring more than the limit fails
// before anything is inflated, and that one lying about its size fails
// while reading.
func TestZipBomb(t *testing.T) {
	// 1 GiB of spaces compresses to about 1 MiB; rather than spend a second
	// compressing it, write a short deflate stream and declare the size.
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
	fw.Write(bytes.Repeat([]byte(" "), 1<<20))
	fw.Close()
	build := func(declared uint64) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
			CompressedSize64: uint64(deflated.Len()), UncompressedSize64: declared, CRC32: 0})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(deflated.Bytes())
		zw.Close()
		return buf.Bytes()
	}
	if _, err := Read(build(1 << 30)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("declared 1 GiB: error %v, want %v", err, ErrTooLarge)
	}
	if _, err := Read(build(100)); err == nil {
		t.Errorf("declared 100 bytes, holds 1 MiB: no error")
	}
}

// TestTooManyParagraphs builds a DOCX with a million paragraphs: it must
// stop at the limit with a clear error.
func TestTooManyParagraphs(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document ` + wNS + `><w:body>`))
	para := []byte(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)
	chunk := bytes.Repeat(para, 10000)
	for range 100 {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:body></w:document>`))
	zw.Close()
	_, err := Read(buf.Bytes())
	if !errors.Is(err, ErrTooManyParagraphs) {
		t.Fatalf("Read: error %v, want %v", err, ErrTooManyParagraphs)
	}
	if !strings.HasPrefix(err.Error(), "docx: too many paragraphs") {
		t.Errorf("message %q", err)
	}
}

var (
	supRe  = regexp.MustCompile(`<sup>(\d+)</sup>`)
	bodyRe = regexp.MustCompile(`(?m)^<sup>(\d+)</sup>`)
)

// normalizeExport applies the KEY.json normalization: NFC, no **, no
// <sup>…</sup>.
func normalizeExport(s string) string {
	s = strings.ReplaceAll(vntext.NFC(s), "**", "")
	return supRe.ReplaceAllString(s, "")
}

// exportNotes returns the footnote numbers an export marks in the text and
// starts bodies with.
func exportNotes(s string) (markers, bodies []int) {
	for _, line := range strings.Split(s, "\n") {
		ms := supRe.FindAllStringSubmatchIndex(line, -1)
		for i, m := range ms {
			n, _ := strconv.Atoi(line[m[2]:m[3]])
			if i == 0 && m[0] == 0 {
				bodies = append(bodies, n)
			} else {
				markers = append(markers, n)
			}
		}
	}
	return markers, bodies
}

// coveredBy reports whether text is made of at most pieces substrings of
// export, cut at spaces. The export cuts a paragraph where a page broke and
// puts footnote bodies in between; a DOCX keeps the paragraph whole.
func coveredBy(export, text string, pieces int) bool {
	for range pieces {
		if strings.Contains(export, text) {
			return true
		}
		// The longest prefix ending before a space that the export holds.
		cut := -1
		for i := len(text) - 1; i > 0; i-- {
			if text[i] == ' ' && strings.Contains(export, text[:i]) {
				cut = i
				break
			}
		}
		if cut < 0 {
			return false
		}
		text = text[cut+1:]
	}
	return false
}

type corpusFile struct {
	name, docx, export string
}

func corpusFiles(t *testing.T) []corpusFile {
	var out []corpusFile
	for _, name := range sample.Names() {
		base := strings.TrimSuffix(name, ".export.md")
		out = append(out, corpusFile{name: base, docx: sample.RepoFile("testdata/corpus/formats/" + base + ".docx"), export: "sample:" + name})
	}
	if seed, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.docx"); ok {
		exp, _ := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md")
		out = append(out, corpusFile{name: "vinhbao-2024 (seed)", docx: seed, export: exp})
	} else {
		t.Log("../shared not found: seed report unavailable, checking the corpus only")
	}
	return out
}

func readExport(t *testing.T, path string) string {
	t.Helper()
	var b []byte
	var err error
	if name, ok := strings.CutPrefix(path, "sample:"); ok {
		b, err = readFS(name)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return vntext.NFC(string(b))
}

func readFS(name string) ([]byte, error) {
	f, err := sample.FS().Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

// TestCorpus reads the DOCX conversions of the exports and checks that they
// give the same text, footnote numbers, marker places and headings.
func TestCorpus(t *testing.T) {
	key := readKey(t)
	for _, cf := range corpusFiles(t) {
		t.Run(cf.name, func(t *testing.T) {
			data, err := os.ReadFile(cf.docx)
			if err != nil {
				t.Fatal(err)
			}
			src, err := Read(data)
			if err != nil {
				t.Fatal(err)
			}
			export := readExport(t, cf.export)
			// Single * (italics) is markup too; the key keeps it, the text
			// comparison does not.
			plain := strings.ReplaceAll(normalizeExport(export), "*", "")
			noBold := strings.ReplaceAll(export, "**", "")

			var markers, bodies []int
			for _, b := range src.Blocks {
				switch b.Kind {
				case block.Table:
					for _, row := range b.Rows {
						for _, c := range row {
							if !strings.Contains(plain, "| "+c+" |") {
								t.Errorf("table cell %q not in the export", c)
							}
						}
					}
					continue
				case block.FootnoteBody:
					if !b.NoteCont {
						bodies = append(bodies, b.Note)
					}
				}
				if !coveredBy(plain, b.Text, 3) {
					t.Errorf("block text not in the export: %.80q", b.Text)
				}
				if b.Label != "" && !strings.Contains(plain, b.Label+" "+b.Text) {
					t.Errorf("label %q + text not in the export: %.60q", b.Label, b.Text)
				}
				text := []rune(b.Text)
				for _, m := range b.Markers {
					markers = append(markers, m.Note)
					before := string(text[max(0, m.Offset-20):m.Offset])
					if !strings.Contains(noBold, before+"<sup>"+strconv.Itoa(m.Note)+"</sup>") {
						t.Errorf("marker %d not after %q as in the export", m.Note, before)
					}
				}
			}
			sort.Ints(markers)
			sort.Ints(bodies)
			wantM, wantB := exportNotes(export)
			sort.Ints(wantM)
			sort.Ints(wantB)
			if fmt.Sprint(markers) != fmt.Sprint(wantM) || fmt.Sprint(bodies) != fmt.Sprint(wantB) {
				t.Errorf("markers %v bodies %v; export has markers %v bodies %v", markers, bodies, wantM, wantB)
			}
			if k, ok := key[cf.name+".export.md"]; ok {
				if fmt.Sprint(bodies) != fmt.Sprint(k.FootnoteBodies) || fmt.Sprint(markers) != fmt.Sprint(k.FootnoteMarkers) {
					t.Errorf("markers %v bodies %v; KEY.json has %v and %v", markers, bodies, k.FootnoteMarkers, k.FootnoteBodies)
				}
			}
			checkHeadings(t, src.Blocks, export)
		})
	}
}

// checkHeadings checks that every Markdown heading of the export is a block
// with the same text, its number included, and a heading hint of the same
// depth (the DOCX was made from the export, so the styles follow the #s).
func checkHeadings(t *testing.T, blocks []block.Block, export string) {
	t.Helper()
	byText := map[string]int{}
	for _, b := range blocks {
		if b.Heading > 0 {
			byText[b.Text] = b.Heading
		}
	}
	n := 0
	for _, line := range strings.Split(export, "\n") {
		hashes := len(line) - len(strings.TrimLeft(line, "#"))
		if hashes == 0 || hashes > 6 {
			continue
		}
		text := strings.TrimSpace(normalizeExport(line[hashes:]))
		n++
		if got := byText[text]; got != hashes {
			t.Errorf("heading %q: level %d, want %d", text, got, hashes)
		}
	}
	if n == 0 {
		t.Errorf("export has no # headings to compare")
	}
}

type keyDoc struct {
	File            string `json:"file"`
	FootnoteMarkers []int  `json:"footnote_markers"`
	FootnoteBodies  []int  `json:"footnote_bodies"`
}

func readKey(t *testing.T) map[string]keyDoc {
	t.Helper()
	b, err := os.ReadFile(sample.RepoFile(filepath.Join("testdata", "corpus", "KEY.json")))
	if err != nil {
		t.Fatal(err)
	}
	var k struct {
		Documents []keyDoc `json:"documents"`
	}
	if err := json.Unmarshal(b, &k); err != nil {
		t.Fatal(err)
	}
	out := map[string]keyDoc{}
	for _, d := range k.Documents {
		out[d.File] = d
	}
	return out
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(sample.RepoFile("testdata/corpus/formats/thachban-2023.docx"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadLarge measures throughput on XML: 20,000 paragraphs with
// footnotes and formatting, about 4 MiB of document.xml.
func BenchmarkReadLarge(b *testing.B) {
	var body strings.Builder
	for i := range 20000 {
		body.WriteString(p(rb("Mục "+strconv.Itoa(i)+".") + r(" Kết nạp 260/251 đảng viên mới, đạt 103,6% chỉ tiêu; thu ngân sách 612,4 tỷ đồng") + fnRef("7") + r(".")))
	}
	notes := xmlPart("footnotes", note("footnote", "7", p(r("Chi tiết."))))
	data := buildDocx(b, body.String(), map[string]string{"word/footnotes.xml": notes, "word/styles.xml": stylesXML})
	b.SetBytes(int64(body.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}
