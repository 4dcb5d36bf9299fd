package structure_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/markdown"
	"github.com/baocao/baocao/extract/structure"
	"github.com/baocao/baocao/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func buildMarkdown(tb testing.TB, text string) *schema.Document {
	tb.Helper()
	src, err := markdown.Read(text, schema.FormatMarkdown)
	if err != nil {
		tb.Fatal(err)
	}
	return structure.Build(src)
}

func buildSample(tb testing.TB, name string) *schema.Document {
	tb.Helper()
	data, err := fs.ReadFile(sample.FS(), name)
	if err != nil {
		tb.Fatal(err)
	}
	return buildMarkdown(tb, string(data))
}

func paths(doc *schema.Document) []string {
	var out []string
	for _, s := range doc.Sections {
		out = append(out, s.Path+" "+s.Title)
	}
	return out
}

// TestOutline: the numbering makes the outline, whatever the markup.
func TestOutline(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []string
		kinds []string // paragraph kinds in order
	}{
		{
			name:  "markup depth does not matter",
			in:    "**Phần thứ nhất**\n\n**KẾT QUẢ**\n\n## I. CHUNG\n\n#### **1. Một**\n\nVăn bản.\n\n### 2. Hai\n\nVăn bản.",
			want:  []string{"Phần thứ nhất KẾT QUẢ", "Phần thứ nhất/I CHUNG", "Phần thứ nhất/I/1 Một", "Phần thứ nhất/I/2 Hai"},
			kinds: []string{"", ""},
		},
		{
			name:  "run-in heading gives a section and a paragraph",
			in:    "I. A\n\n**5. Công tác tham mưu:** Văn phòng làm tốt.",
			want:  []string{"I A", "I/5 Công tác tham mưu"},
			kinds: []string{""},
		},
		{
			name:  "letters under numbers, run-in",
			in:    "### 2. Sản xuất\n\n**a) Trồng trọt:** Diện tích đạt.\n\n**b) Chăn nuôi:** Đàn trâu.",
			want:  []string{"2 Sản xuất", "2/a Trồng trọt", "2/b Chăn nuôi"},
			kinds: []string{"", ""},
		},
		{
			name:  "targets and bullets are list items",
			in:    "## I. CHỈ TIÊU\n\n(1). Kết nạp từ 235 đảng viên.\n\n(2). Kiểm tra 3-4 tổ chức.\n\n- Gạch đầu dòng.",
			want:  []string{"I CHỈ TIÊU"},
			kinds: []string{"list_item", "list_item", "list_item"},
		},
		{
			name: "a numbered list of sentences is not an outline",
			in:   "## I. CÁC CHỈ TIÊU\n\n1. Tăng trưởng từ 8,5% đến 9%.\n\n2. Thu ngân sách đạt 560 tỷ đồng.\n\n3. Trồng rừng\n\n## II. NHIỆM VỤ",
			want: []string{"I CÁC CHỈ TIÊU", "II NHIỆM VỤ"},
			// Item 3 is short and unpunctuated, but it continues a list.
			kinds: []string{"list_item", "list_item", "list_item"},
		},
		{
			name:  "plain short numbered lines are headings",
			in:    "I. KẾT QUẢ\n\n1. Công tác chính trị, tư tưởng\n\nCác cấp ủy học tập.",
			want:  []string{"I KẾT QUẢ", "I/1 Công tác chính trị, tư tưởng"},
			kinds: []string{""},
		},
		{
			name:  "plain run-in heading continues a run of headings",
			in:    "I. A\n\n4. Công tác dân vận\n\nVăn bản.\n\n5. Công tác tham mưu, giúp việc: Văn phòng làm tốt.\n\n6. Đổi mới phương thức\n\nVăn bản.",
			want:  []string{"I A", "I/4 Công tác dân vận", "I/5 Công tác tham mưu, giúp việc", "I/6 Đổi mới phương thức"},
			kinds: []string{"", "", ""},
		},
		{
			name:  "a numbered sentence with a colon is a list item",
			in:    "I. A\n\n1. Về kinh tế: tăng trưởng 8%.\n\n2. Về xã hội: giảm nghèo.",
			want:  []string{"I A"},
			kinds: []string{"list_item", "list_item"},
		},
		{
			name:  "a numbered line with a value after its colon is an item, not a heading",
			in:    "I. A\n\n1. Tổng thu ngân sách trên địa bàn: 1.204.518 triệu đồng\n\n2. Tổng chi ngân sách địa phương: 980.300 triệu đồng",
			want:  []string{"I A"},
			kinds: []string{"list_item", "list_item"},
		},
		{
			name:  "a sentence that starts like a part is a paragraph",
			in:    "I. A\n\nPhần 1 của kế hoạch đã xong.",
			want:  []string{"I A"},
			kinds: []string{""},
		},
		{
			name:  "repeated number is kept as written",
			in:    "I. A\n\nII. B\n\nII. C",
			want:  []string{"I A", "II B", "II C"},
			kinds: nil,
		},
		{
			name:  "part with inline title",
			in:    "PHẦN THỨ HAI: PHƯƠNG HƯỚNG NĂM 2024\n\nI. CHỈ TIÊU",
			want:  []string{"Phần thứ hai PHƯƠNG HƯỚNG NĂM 2024", "Phần thứ hai/I CHỈ TIÊU"},
			kinds: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := buildMarkdown(t, tt.in)
			if got := paths(doc); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sections\n got %q\nwant %q", got, tt.want)
			}
			var kinds []string
			for _, p := range doc.Paragraphs {
				kinds = append(kinds, p.Kind)
			}
			if !reflect.DeepEqual(kinds, tt.kinds) {
				t.Errorf("paragraph kinds %q, want %q", kinds, tt.kinds)
			}
		})
	}
}

// TestParagraphs: page breaks, footnote bodies in the middle of a paragraph,
// and blocks from readers with pages (PDF) and with bodies at the end (DOCX).
func TestParagraphs(t *testing.T) {
	type para struct {
		Text string
		Refs []schema.FootnoteRef
	}
	type note struct {
		ID   int
		Text string
		Ref  string
	}
	tests := []struct {
		name   string
		blocks []block.Block
		md     string
		paras  []para
		notes  []note
	}{
		{
			name: "cut paragraph resumes after footnote bodies",
			md: "I. A\n\nThành lập 04 chi bộ<sup>1</sup>\n\n<sup>1</sup> Thân một.\n\nĐoạn hai của chú thích một.\n\n" +
				"<sup>2</sup> Thân hai.\n\nđảng trong doanh nghiệp<sup>2</sup>.\n\nĐoạn mới.",
			paras: []para{
				{"Thành lập 04 chi bộ đảng trong doanh nghiệp.", []schema.FootnoteRef{{ID: 1, Offset: 19}, {ID: 2, Offset: 43}}},
				{"Đoạn mới.", nil},
			},
			notes: []note{{1, "Thân một.\nĐoạn hai của chú thích một.", "p1"}, {2, "Thân hai.", "p1"}},
		},
		{
			name: "the last body of a page has a second paragraph",
			md: "I. A\n\nThành lập 04 chi bộ<sup>1</sup>\n\n<sup>1</sup> Thân một.\n\nTiếp một.\n\n" +
				"<sup>2</sup> Thân hai.\n\nĐoạn hai của chú thích hai.\n\nđảng trong doanh nghiệp<sup>2</sup>.",
			paras: []para{{"Thành lập 04 chi bộ đảng trong doanh nghiệp.", []schema.FootnoteRef{{ID: 1, Offset: 19}, {ID: 2, Offset: 43}}}},
			notes: []note{{1, "Thân một.\nTiếp một.", "p1"}, {2, "Thân hai.\nĐoạn hai của chú thích hai.", "p1"}},
		},
		{
			name:  "bare page break without footnotes",
			md:    "I. A\n\nlao động trở về từ các tỉnh\n\nphía Nam sau dịch bệnh.",
			paras: []para{{"lao động trở về từ các tỉnh phía Nam sau dịch bệnh.", nil}},
		},
		{
			name:  "word cut by the break",
			md:    "I. A\n\nnhững ng\n\nười dân.",
			paras: []para{{"những người dân.", nil}},
		},
		{
			name:  "a forgotten full stop does not join",
			md:    "I. A\n\nTỷ lệ đạt 100%\n\nCông tác khác.",
			paras: []para{{"Tỷ lệ đạt 100%", nil}, {"Công tác khác.", nil}},
		},
		{
			name:  "a capital after a word that cannot end a sentence joins",
			md:    "I. A\n\nphối hợp với\n\nỦy ban Mặt trận.",
			paras: []para{{"phối hợp với Ủy ban Mặt trận.", nil}},
		},
		{
			name:  "a capital after footnote bodies joins",
			md:    "I. A\n\nphối hợp chặt chẽ<sup>1</sup>\n\n<sup>1</sup> Thân.\n\nỦy ban Mặt trận.",
			paras: []para{{"phối hợp chặt chẽ Ủy ban Mặt trận.", []schema.FootnoteRef{{ID: 1, Offset: 17}}}},
			notes: []note{{1, "Thân.", "p1"}},
		},
		{
			name:  "a finished paragraph is not joined",
			md:    "I. A\n\nMột câu xong.\n\nhai câu.",
			paras: []para{{"Một câu xong.", nil}, {"hai câu.", nil}},
		},
		{
			name:  "a heading stops the join",
			md:    "I. A\n\nchưa xong\n\nII. B\n\ntiếp",
			paras: []para{{"chưa xong", nil}, {"tiếp", nil}},
		},
		{
			name:  "a paragraph with a marker between bodies is body text",
			md:    "I. A\n\nMột<sup>1</sup>.\n\n<sup>1</sup> Thân.\n\nHai<sup>2</sup>.\n\n<sup>2</sup> Thân hai.",
			paras: []para{{"Một.", []schema.FootnoteRef{{ID: 1, Offset: 3}}}, {"Hai.", []schema.FootnoteRef{{ID: 2, Offset: 3}}}},
			notes: []note{{1, "Thân.", "p1"}, {2, "Thân hai.", "p2"}},
		},
		{
			name:  "marker without body, body without marker",
			md:    "I. A\n\nMột<sup>6</sup>.\n\n<sup>7</sup> Lạc.",
			paras: []para{{"Một.", []schema.FootnoteRef{{ID: 6, Offset: 3}}}},
			notes: []note{{7, "Lạc.", ""}},
		},
		{
			name: "pdf blocks: page break, body at the page bottom",
			blocks: []block.Block{
				{Text: "I. A", Bold: true, Page: 1},
				{Text: "Kết quả tốt, thành lập", Markers: []block.Marker{{Note: 1, Offset: 12}}, Page: 1},
				{Kind: block.FootnoteBody, Note: 1, Text: "Thân.", Page: 1},
				{Kind: block.FootnoteBody, Note: 1, NoteCont: true, Text: "Tiếp thân.", Page: 1},
				{Kind: block.PageBreak, Page: 2},
				{Text: "04 chi bộ.", Page: 2},
			},
			paras: []para{{"Kết quả tốt, thành lập 04 chi bộ.", []schema.FootnoteRef{{ID: 1, Offset: 12}}}},
			notes: []note{{1, "Thân.\nTiếp thân.", "p1"}},
		},
		{
			name: "docx blocks: automatic numbering and bodies at the end",
			blocks: []block.Block{
				{Text: "KẾT QUẢ", Label: "I.", Heading: 1},
				{Text: "Công tác chính trị", Label: "1.", Bold: true},
				{Text: "Học tập nghị quyết.", Markers: []block.Marker{{Note: 1, Offset: 18}}},
				{Kind: block.FootnoteBody, Note: 1, Text: "Thân."},
				{Kind: block.FootnoteBody, Note: 1, NoteCont: true, Text: "Đoạn hai."},
			},
			paras: []para{{"Học tập nghị quyết.", []schema.FootnoteRef{{ID: 1, Offset: 18}}}},
			notes: []note{{1, "Thân.\nĐoạn hai.", "p1"}},
		},
		{
			name: "docx list items: bullet left in the text, number in the label",
			blocks: []block.Block{
				{Text: "CHỈ TIÊU", Label: "I.", Bold: true},
				{Text: "- Kết nạp 235 đảng viên.", Markers: []block.Marker{{Note: 1, Offset: 23}}},
				{Text: "Thu ngân sách 560 tỷ đồng.", Label: "1."},
				{Kind: block.FootnoteBody, Note: 1, Text: "Thân."},
			},
			paras: []para{
				{"Kết nạp 235 đảng viên.", []schema.FootnoteRef{{ID: 1, Offset: 21}}},
				{"1. Thu ngân sách 560 tỷ đồng.", nil},
			},
			notes: []note{{1, "Thân.", "p1"}},
		},
		{
			name:  "marker in a heading: no paragraph, the heading's section",
			md:    "I. A\n\n**1. Một<sup>1</sup>**\n\n<sup>1</sup> Thân.",
			paras: nil,
			notes: []note{{1, "Thân.", ""}},
		},
		{
			name: "reader-joined block",
			blocks: []block.Block{
				{Text: "I. A"},
				{Text: "Một câu.", Page: 1},
				{Text: "Hai", Page: 2, Joined: true},
			},
			paras: []para{{"Một câu. Hai", nil}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc *schema.Document
			if tt.md != "" {
				doc = buildMarkdown(t, tt.md)
			} else {
				doc = structure.Build(&block.Source{Format: schema.FormatPDF, Blocks: tt.blocks})
			}
			var ps []para
			for _, p := range doc.Paragraphs {
				ps = append(ps, para{p.Text, p.FootnoteRefs})
			}
			if !reflect.DeepEqual(ps, tt.paras) {
				t.Errorf("paragraphs\n got %+v\nwant %+v", ps, tt.paras)
			}
			var ns []note
			for _, f := range doc.Footnotes {
				ns = append(ns, note{f.ID, f.Text, string(f.RefParagraph)})
				if f.Section == "" && len(doc.Sections) > 0 && (f.RefParagraph != "" || strings.Contains(tt.name, "heading")) {
					t.Errorf("footnote %d has no section", f.ID)
				}
			}
			if !reflect.DeepEqual(ns, tt.notes) {
				t.Errorf("footnotes\n got %+v\nwant %+v", ns, tt.notes)
			}
		})
	}
}

func TestBuildEmpty(t *testing.T) {
	for _, src := range []*block.Source{nil, {}, {Blocks: []block.Block{{Kind: block.PageBreak}}}} {
		doc := structure.Build(src)
		if len(doc.Sections)+len(doc.Paragraphs)+len(doc.Footnotes) != 0 {
			t.Errorf("Build(%+v) = %+v, want empty", src, doc)
		}
	}
}

// TestMetaBlocks: header and signature blocks as PDF and DOCX readers give
// them, with the two header columns run into one line.
func TestMetaBlocks(t *testing.T) {
	tests := []struct {
		name   string
		blocks []block.Block
		want   schema.Meta
	}{
		{
			name: "pdf header columns run together",
			blocks: []block.Block{
				{Text: "ĐẢNG BỘ TỈNH HÀ GIANG MỚI HUYỆN ỦY THẠCH BÀN Số 298-BC/HU"},
				{Text: "ĐẢNG CỘNG SẢN VIỆT NAM Thạch Bàn, ngày 23 tháng 12 năm 2022", BoldPrefix: 22},
				{Text: "BÁO CÁO tổng kết công tác năm 2022; phương hướng, nhiệm vụ năm 2023", Bold: true},
				{Text: "Mở đầu."},
				{Text: "Phần thứ nhất", Bold: true},
				{Text: "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ"},
				{Text: "Hà Thị Lan"},
			},
			want: schema.Meta{Title: "BÁO CÁO tổng kết công tác năm 2022; phương hướng, nhiệm vụ năm 2023",
				Issuer: "Huyện ủy Thạch Bàn", DocType: "Báo cáo", Number: "298-BC/HU", Place: "Thạch Bàn",
				Date: "2022-12-23", ReportYear: 2022, PlanYear: 2023, Signer: "Hà Thị Lan", SignerTitle: "Phó Bí thư"},
		},
		{
			name: "state header, signature in a table",
			blocks: []block.Block{
				{Text: "ỦY BAN NHÂN DÂN"},
				{Text: "HUYỆN THẠCH BÀN"},
				{Text: "Số: 412/BC-UBND"},
				{Text: "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
				{Text: "Độc lập - Tự do - Hạnh phúc"},
				{Text: "Thạch Bàn, ngày 08/12/2023"},
				{Text: "BÁO CÁO", Bold: true},
				{Text: "Tình hình kinh tế - xã hội năm 2023", Bold: true},
				{Text: "Phần I", Bold: true},
				{Kind: block.Table, Rows: [][]string{{"Nơi nhận:\n- Như trên;", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNGUYỄN VĂN AN"}}},
			},
			want: schema.Meta{Title: "BÁO CÁO Tình hình kinh tế - xã hội năm 2023", Issuer: "UBND huyện Thạch Bàn",
				DocType: "Báo cáo", Number: "412/BC-UBND", Place: "Thạch Bàn", Date: "2023-12-08", ReportYear: 2023,
				Signer: "Nguyễn Văn An", SignerTitle: "Phó Chủ tịch"},
		},
		{
			name: "word header table",
			blocks: []block.Block{
				{Kind: block.Table, Rows: [][]string{
					{"HUYỆN ỦY THẠCH BÀN\n*\nSố 376-BC/HU", "ĐẢNG CỘNG SẢN VIỆT NAM\nThạch Bàn, ngày 22 tháng 12 năm 2023"},
				}},
				{Text: "BÁO CÁO", Bold: true, Align: "center"},
				{Text: "tổng kết năm 2023", Bold: true, Align: "center"},
				{Text: "Phần thứ nhất", Bold: true},
			},
			want: schema.Meta{Title: "BÁO CÁO tổng kết năm 2023", Issuer: "Huyện ủy Thạch Bàn", DocType: "Báo cáo",
				Number: "376-BC/HU", Place: "Thạch Bàn", Date: "2023-12-22", ReportYear: 2023},
		},
		{
			name: "resolution: type from the number code, grounds do not date it",
			blocks: []block.Block{
				{Text: "HỘI ĐỒNG NHÂN DÂN"},
				{Text: "HUYỆN THẠCH BÀN"},
				{Text: "Số: 41/NQ-HĐND"},
				{Text: "Thạch Bàn, ngày 16 tháng 12 năm 2022"},
				{Text: "Về việc thành lập Ban Pháp chế", Bold: true},
				{Text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"},
				{Text: "Văn bản."},
			},
			want: schema.Meta{Title: "Về việc thành lập Ban Pháp chế", Issuer: "HĐND huyện Thạch Bàn", DocType: "Nghị quyết",
				Number: "41/NQ-HĐND", Place: "Thạch Bàn", Date: "2022-12-16"},
		},
		{
			name: "signature without an intent line",
			blocks: []block.Block{
				{Text: "I. KẾT QUẢ", Bold: true},
				{Text: "Văn bản."},
				{Text: "BÍ THƯ"},
				{Text: "(Đã ký)"},
				{Text: "Vi Đức Thành"},
			},
			want: schema.Meta{Signer: "Vi Đức Thành", SignerTitle: "Bí thư"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := structure.Build(&block.Source{Format: schema.FormatPDF, Blocks: tt.blocks})
			if strings.HasPrefix(tt.name, "signature") {
				body := 0
				for i := range doc.Paragraphs {
					if doc.Paragraphs[i].InBody() {
						body++
					}
				}
				if body != 1 {
					t.Errorf("signature lines became body paragraphs: %+v", doc.Paragraphs)
				}
			}
			if doc.Meta != tt.want {
				t.Errorf("meta\n got %+v\nwant %+v", doc.Meta, tt.want)
			}
		})
	}
}

// keyDoc is one entry of KEY.json "documents".
type keyDoc struct {
	File           string `json:"file"`
	Issuer         string `json:"issuer"`
	ReportYear     int    `json:"report_year"`
	PlanYear       int    `json:"plan_year"`
	Number         string `json:"number"`
	Date           string `json:"date"`
	Signer         string `json:"signer"`
	SignerTitle    string `json:"signer_title"`
	FootnoteMarks  []int  `json:"footnote_markers"`
	FootnoteBodies []int  `json:"footnote_bodies"`
}

// TestKey checks footnotes and metadata of the four corpus reports against
// the answer key.
func TestKey(t *testing.T) {
	data, err := os.ReadFile(sample.RepoFile("testdata/corpus/KEY.json"))
	if err != nil {
		t.Fatal(err)
	}
	var key struct {
		Documents []keyDoc `json:"documents"`
	}
	if err := json.Unmarshal(data, &key); err != nil {
		t.Fatal(err)
	}
	if len(key.Documents) == 0 {
		t.Fatal("KEY.json has no documents")
	}
	for _, k := range key.Documents {
		t.Run(k.File, func(t *testing.T) {
			doc := buildSample(t, k.File)
			var marks, bodies []int
			for _, p := range doc.Paragraphs {
				for _, r := range p.FootnoteRefs {
					marks = append(marks, r.ID)
				}
			}
			sort.Ints(marks)
			for _, f := range doc.Footnotes {
				bodies = append(bodies, f.ID)
				if f.RefParagraph == "" {
					t.Errorf("footnote %d is not linked to a paragraph", f.ID)
				}
				if f.Section == "" {
					t.Errorf("footnote %d has no section", f.ID)
				}
				if strings.TrimSpace(f.Text) == "" {
					t.Errorf("footnote %d has no text", f.ID)
				}
			}
			if !reflect.DeepEqual(marks, k.FootnoteMarks) {
				t.Errorf("markers %v, want %v", marks, k.FootnoteMarks)
			}
			if !reflect.DeepEqual(bodies, k.FootnoteBodies) {
				t.Errorf("bodies %v, want %v", bodies, k.FootnoteBodies)
			}
			m := doc.Meta
			got := keyDoc{File: k.File, Issuer: m.Issuer, ReportYear: m.ReportYear, PlanYear: m.PlanYear,
				Number: m.Number, Date: m.Date, Signer: m.Signer, SignerTitle: m.SignerTitle,
				FootnoteMarks: k.FootnoteMarks, FootnoteBodies: k.FootnoteBodies}
			if !reflect.DeepEqual(got, k) {
				t.Errorf("meta\n got %+v\nwant %+v", got, k)
			}
			if m.DocType != "Báo cáo" || m.Place != "Thạch Bàn" || !strings.HasPrefix(m.Title, "BÁO CÁO ") {
				t.Errorf("doc_type %q, place %q, title %q", m.DocType, m.Place, m.Title)
			}
		})
	}
}

// TestGoldSections checks thachban-2022 against the hand annotation:
// sections (number, title, level, path) and footnotes (link, section, start).
func TestGoldSections(t *testing.T) {
	data, err := os.ReadFile(sample.RepoFile("testdata/gold/thachban-2022.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Document struct {
			Title string `json:"title"`
		} `json:"document"`
		Sections []struct {
			Number string `json:"number"`
			Title  string `json:"title"`
			Level  int    `json:"level"`
			Path   string `json:"path"`
		} `json:"sections"`
		Footnotes []struct {
			ID         int     `json:"id"`
			InSection  string  `json:"marker_in_section"`
			BodyStarts *string `json:"body_starts"`
		} `json:"footnotes"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	doc := buildSample(t, "thachban-2022.export.md")
	if doc.Meta.Title != gold.Document.Title {
		t.Errorf("title %q, want %q", doc.Meta.Title, gold.Document.Title)
	}
	if len(doc.Sections) != len(gold.Sections) {
		t.Errorf("%d sections, want %d", len(doc.Sections), len(gold.Sections))
	}
	for i, g := range gold.Sections {
		if i >= len(doc.Sections) {
			break
		}
		s := doc.Sections[i]
		if s.Number != g.Number || s.Title != g.Title || s.Level != g.Level || s.Path != g.Path {
			t.Errorf("section %d = %q %q level %d path %q, want %q %q level %d path %q",
				i, s.Number, s.Title, s.Level, s.Path, g.Number, g.Title, g.Level, g.Path)
		}
	}
	path := map[schema.NullString]string{}
	for _, s := range doc.Sections {
		path[schema.NullString(s.ID)] = s.Path
	}
	notes := map[int]schema.Footnote{}
	for _, f := range doc.Footnotes {
		notes[f.ID] = f
	}
	for _, g := range gold.Footnotes {
		f, ok := notes[g.ID]
		if g.BodyStarts == nil {
			if ok {
				t.Errorf("footnote %d has a body in the output, none in the file", g.ID)
			}
			continue
		}
		if !ok {
			t.Errorf("footnote %d missing", g.ID)
			continue
		}
		if !strings.HasPrefix(f.Text, *g.BodyStarts) || path[f.Section] != g.InSection || f.RefParagraph == "" {
			t.Errorf("footnote %d: section %q ref %q text %.40q; want section %q text %q", g.ID, path[f.Section], f.RefParagraph, f.Text, g.InSection, *g.BodyStarts)
		}
	}
}

// TestSeed: the real report as exported, and the same report with pandoc
// footnotes and page-split paragraphs joined, give one structure.
func TestSeed(t *testing.T) {
	exp, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md")
	if !ok {
		t.Skip("../shared not found: seed report unavailable")
	}
	pan, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.md")
	if !ok {
		t.Skip("../shared not found: seed report unavailable")
	}
	read := func(p string) *schema.Document {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return buildMarkdown(t, string(data))
	}
	a, b := read(exp), read(pan)
	if len(a.Footnotes) < 13 {
		t.Errorf("%d footnotes in the seed export, want at least 13", len(a.Footnotes))
	}
	if !reflect.DeepEqual(paths(a), paths(b)) {
		t.Errorf("outlines differ\nexport %q\npandoc %q", paths(a), paths(b))
	}
	if !reflect.DeepEqual(a.Footnotes, stripLines(b.Footnotes)) && !reflect.DeepEqual(stripLines(a.Footnotes), stripLines(b.Footnotes)) {
		t.Errorf("footnotes differ")
		for i := range a.Footnotes {
			if i < len(b.Footnotes) && a.Footnotes[i].Text != b.Footnotes[i].Text {
				t.Logf("%d: %q\n   vs %q", a.Footnotes[i].ID, a.Footnotes[i].Text, b.Footnotes[i].Text)
			}
		}
	}
	if len(a.Paragraphs) != len(b.Paragraphs) {
		t.Fatalf("%d paragraphs from the export, %d from pandoc", len(a.Paragraphs), len(b.Paragraphs))
	}
	for i := range a.Paragraphs {
		pa, pb := a.Paragraphs[i], b.Paragraphs[i]
		if pa.Text != pb.Text || pa.Section != pb.Section || !reflect.DeepEqual(pa.FootnoteRefs, pb.FootnoteRefs) {
			t.Errorf("paragraph %s differs:\n%.80q\n%.80q", pa.ID, pa.Text, pb.Text)
		}
	}
	for _, f := range a.Footnotes {
		if f.RefParagraph == "" {
			t.Errorf("seed footnote %d not linked", f.ID)
		}
	}
	// The export has no header: the issuer comes from the signature (a Party
	// standing committee) and the Đảng bộ the report speaks of.
	if a.Meta.Signer != "Bùi Gia Huấn" || a.Meta.SignerTitle != "Phó Bí thư" || a.Meta.Issuer != "Huyện ủy Vĩnh Bảo" ||
		a.Meta.ReportYear != 2024 || a.Meta.PlanYear != 2025 {
		t.Errorf("seed meta %+v", a.Meta)
	}
}

func stripLines(fs []schema.Footnote) []schema.Footnote {
	out := make([]schema.Footnote, len(fs))
	for i, f := range fs {
		f.Line = 0
		out[i] = f
	}
	return out
}

// golden is the reviewed form of a structure: the outline, where each
// paragraph goes and how it starts, and the footnote links.
type golden struct {
	Meta       schema.Meta `json:"meta"`
	Sections   []string    `json:"sections"`
	Paragraphs []string    `json:"paragraphs"`
	Footnotes  []string    `json:"footnotes"`
}

func goldenOf(doc *schema.Document) golden {
	g := golden{Meta: doc.Meta}
	for _, s := range doc.Sections {
		g.Sections = append(g.Sections, fmt.Sprintf("%s L%d parent=%s %s | %s", s.ID, s.Level, s.Parent, s.Path, s.Title))
	}
	for _, p := range doc.Paragraphs {
		var refs []string
		for _, r := range p.FootnoteRefs {
			refs = append(refs, fmt.Sprintf("%d@%d", r.ID, r.Offset))
		}
		g.Paragraphs = append(g.Paragraphs, fmt.Sprintf("%s %s %s line %d refs [%s] | %s … %s",
			p.ID, orNull(string(p.Section)), orDash(p.Kind), p.Line, strings.Join(refs, " "), firstWords(p.Text, 6), lastWords(p.Text, 4)))
	}
	for _, f := range doc.Footnotes {
		g.Footnotes = append(g.Footnotes, fmt.Sprintf("%d ref=%s section=%s paragraphs=%d | %s",
			f.ID, orNull(string(f.RefParagraph)), orNull(string(f.Section)), strings.Count(f.Text, "\n")+1, firstWords(f.Text, 6)))
	}
	return g
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.Join(w, " ")
}

func lastWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[len(w)-n:]
	}
	return strings.Join(w, " ")
}

func TestGolden(t *testing.T) {
	for _, name := range sample.Names() {
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(goldenOf(buildSample(t, name)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", strings.TrimSuffix(name, ".export.md")+".golden.json")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; review with go test -update and git diff", path)
			}
		})
	}
}

func BenchmarkReadBuild(b *testing.B) {
	data, err := fs.ReadFile(sample.FS(), "thachban-2022.export.md")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		src, err := markdown.Read(text, schema.FormatMarkdown)
		if err != nil {
			b.Fatal(err)
		}
		structure.Build(src)
	}
}

func BenchmarkBuild(b *testing.B) {
	data, err := fs.ReadFile(sample.FS(), "thachban-2022.export.md")
	if err != nil {
		b.Fatal(err)
	}
	src, err := markdown.Read(string(data), schema.FormatMarkdown)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		structure.Build(src)
	}
}
