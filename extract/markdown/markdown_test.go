package markdown_test

import (
	"io/fs"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/markdown"
	"github.com/baocao/baocao/extract/structure"
	"github.com/baocao/baocao/schema"
	"golang.org/x/text/unicode/norm"
)

// blk is the part of a block the table below checks; zero fields are
// compared too, so each case states what it expects.
type blk struct {
	Kind       block.Kind
	Text       string
	Markers    []block.Marker
	Note       int
	NoteCont   bool
	Rows       [][]string
	Line       int
	Bold       bool
	BoldPrefix int
	Italic     bool
	Heading    int
	List       bool
}

func short(bs []block.Block) []blk {
	out := make([]blk, len(bs))
	for i, b := range bs {
		out[i] = blk{b.Kind, b.Text, b.Markers, b.Note, b.NoteCont, b.Rows, b.Line, b.Bold, b.BoldPrefix, b.Italic, b.Heading, b.List}
	}
	return out
}

func TestReadMarkdown(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []blk
	}{
		{
			name: "bold heading line",
			in:   "\n**I. TÌNH HÌNH CHUNG**\n",
			want: []blk{{Text: "I. TÌNH HÌNH CHUNG", Line: 2, Bold: true, BoldPrefix: 18}},
		},
		{
			name: "atx heading with bold inside",
			in:   "## **2. Công tác cán bộ**",
			want: []blk{{Text: "2. Công tác cán bộ", Line: 1, Bold: true, BoldPrefix: 18, Heading: 2}},
		},
		{
			name: "run-in bold heading",
			in:   "**5. Công tác tham mưu:** Văn phòng chủ động.",
			want: []blk{{Text: "5. Công tác tham mưu: Văn phòng chủ động.", Line: 1, BoldPrefix: 21}},
		},
		{
			name: "bold number inside text is not a prefix",
			in:   "Kết nạp **260/251** đảng viên mới.",
			want: []blk{{Text: "Kết nạp 260/251 đảng viên mới.", Line: 1}},
		},
		{
			name: "hard line breaks split the header block",
			in:   "ĐẢNG BỘ TỈNH  \n**HUYỆN ỦY THẠCH BÀN**  \nSố 298-BC/HU\n\n*Thạch Bàn, ngày 23 tháng 12 năm 2022*",
			want: []blk{
				{Text: "ĐẢNG BỘ TỈNH", Line: 1},
				{Text: "HUYỆN ỦY THẠCH BÀN", Line: 2, Bold: true, BoldPrefix: 18},
				{Text: "Số 298-BC/HU", Line: 3},
				{Text: "Thạch Bàn, ngày 23 tháng 12 năm 2022", Line: 5, Italic: true},
			},
		},
		{
			name: "soft line break joins lines",
			in:   "một dòng\nhai dòng",
			want: []blk{{Text: "một dòng hai dòng", Line: 1}},
		},
		{
			name: "markers removed with rune offsets",
			in:   "Đạt kết quả<sup>1</sup>, tốt<sup>12</sup>.",
			want: []blk{{Text: "Đạt kết quả, tốt.", Line: 1, Markers: []block.Marker{{Note: 1, Offset: 11}, {Note: 12, Offset: 16}}}},
		},
		{
			name: "footnote body",
			in:   "<sup>3</sup> Trong năm đã đào tạo.",
			want: []blk{{Kind: block.FootnoteBody, Note: 3, Text: "Trong năm đã đào tạo.", Line: 1}},
		},
		{
			name: "pandoc footnotes with a continuation paragraph",
			in:   "Quan tâm[^3].\n\n[^3]: Năm 2024 đã đào tạo\n    tiếp dòng.\n\n    Đoạn hai.\n\nSau.",
			want: []blk{
				{Text: "Quan tâm.", Line: 1, Markers: []block.Marker{{Note: 3, Offset: 8}}},
				{Kind: block.FootnoteBody, Note: 3, Text: "Năm 2024 đã đào tạo tiếp dòng.", Line: 3},
				{Kind: block.FootnoteBody, Note: 3, NoteCont: true, Text: "Đoạn hai.", Line: 6},
				{Text: "Sau.", Line: 8},
			},
		},
		{
			name: "bullets each start a block",
			in:   "Nơi nhận:\n- Thường trực Tỉnh ủy,\n- Lưu VP.\n• Ba",
			want: []blk{
				{Text: "Nơi nhận:", Line: 1},
				{Text: "Thường trực Tỉnh ủy,", Line: 2, List: true},
				{Text: "Lưu VP.", Line: 3, List: true},
				{Text: "Ba", Line: 4, List: true},
			},
		},
		{
			name: "numbered lines start blocks but keep their number",
			in:   "1. Một.\n2. Hai.",
			want: []blk{{Text: "1. Một.", Line: 1}, {Text: "2. Hai.", Line: 2}},
		},
		{
			name: "table without delimiter row",
			in:   "| TT | Chỉ tiêu |\n|---|:--:|\n| 1 | **Thu** ngân sách |",
			want: []blk{{Kind: block.Table, Line: 1, Rows: [][]string{{"TT", "Chỉ tiêu"}, {"1", "Thu ngân sách"}}}},
		},
		{
			name: "escapes, entities, tags and literal asterisk",
			in:   `1\. Tăng 5 * 3 &amp; <u>giảm</u>&nbsp;10\%`,
			want: []blk{{Text: "1. Tăng 5 * 3 & giảm 10%", Line: 1}},
		},
		{
			name: "square metres are not a footnote",
			in:   "Xây 12.000 m<sup>2</sup> nhà<sup>4</sup>.",
			want: []blk{{Text: "Xây 12.000 m² nhà.", Line: 1, Markers: []block.Marker{{Note: 4, Offset: 17}}}},
		},
		{
			name: "italic breakdown inside text",
			in:   "Kỷ luật 21 (*khiển trách 14*).",
			want: []blk{{Text: "Kỷ luật 21 (khiển trách 14).", Line: 1}},
		},
		{
			name: "empty input",
			in:   "\n\n  \n",
			want: []blk{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := markdown.Read(tt.in, schema.FormatMarkdown)
			if err != nil {
				t.Fatal(err)
			}
			got := short(src.Blocks)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"blank lines separate paragraphs, wrapped prose is joined",
			"Một câu dài được ngắt dòng giữa chừng bởi trình soạn thảo văn bản cũ kia\nvà tiếp tục ở dòng sau.\n\nĐoạn hai.",
			[]string{"Một câu dài được ngắt dòng giữa chừng bởi trình soạn thảo văn bản cũ kia và tiếp tục ở dòng sau.", "Đoạn hai."}},
		{"short header lines stay apart",
			"HUYỆN ỦY THẠCH BÀN\nSố 298-BC/HU\n\nĐoạn.",
			[]string{"HUYỆN ỦY THẠCH BÀN", "Số 298-BC/HU", "Đoạn."}},
		{"no blank lines: one paragraph per line",
			"Dòng một.\nDòng hai.",
			[]string{"Dòng một.", "Dòng hai."}},
		{"markup is text in plain text",
			"**không đậm**",
			[]string{"**không đậm**"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := markdown.Read(tt.in, schema.FormatText)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range src.Blocks {
				got = append(got, b.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadTextFootnotes(t *testing.T) {
	in := "Thành lập 04 chi bộ[1], xem [2] và [3].\n\n[1] Thân một.\n\n[3] Thân ba."
	src, err := markdown.Read(in, schema.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	want := []blk{
		{Text: "Thành lập 04 chi bộ, xem [2] và .", Line: 1, Markers: []block.Marker{{Note: 1, Offset: 19}, {Note: 3, Offset: 32}}},
		{Kind: block.FootnoteBody, Note: 1, Text: "Thân một.", Line: 3},
		{Kind: block.FootnoteBody, Note: 3, Text: "Thân ba.", Line: 5},
	}
	if got := short(src.Blocks); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
}

// TestReadNFD: exports mix NFC and NFD; both read the same.
func TestReadNFD(t *testing.T) {
	for _, name := range sample.Names() {
		data, err := fs.ReadFile(sample.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		nfc, err := markdown.Read(string(data), schema.FormatMarkdown)
		if err != nil {
			t.Fatal(err)
		}
		nfd, err := markdown.Read(norm.NFD.String(string(data)), schema.FormatMarkdown)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(nfc, nfd) {
			t.Errorf("%s: NFD input reads differently from NFC", name)
		}
		if !reflect.DeepEqual(structure.Build(nfc), structure.Build(nfd)) {
			t.Errorf("%s: NFD input builds differently from NFC", name)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range sample.Names() {
		data, err := fs.ReadFile(sample.FS(), name)
		if err != nil {
			f.Fatal(err)
		}
		// Small seeds: minimizing a new input costs one run per byte removed.
		f.Add(string(data[len(data)/3:len(data)/3+3000]), false)
	}
	f.Add("**5. Công tác:** Văn phòng<sup>1</sup>\n\n<sup>1</sup> Thân\n\ntiếp", false)
	f.Add("[^1]: a\n\n    b\n\n| a | b |\n|--|--|\n", false)
	f.Add("Phần thứ nhất\n\nI. A\n\n1. B\n\na) c\n\n(1). d", true)
	f.Add("<sup></sup><sup>x</sup>&#0;&bogus; \\", false)
	f.Fuzz(func(t *testing.T, in string, text bool) {
		if len(in) > 1<<16 {
			t.Skip()
		}
		format := schema.FormatMarkdown
		if text {
			format = schema.FormatText
		}
		src, err := markdown.Read(in, format)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range src.Blocks {
			n := utf8.RuneCountInString(b.Text)
			for _, m := range b.Markers {
				if m.Offset < 0 || m.Offset > n {
					t.Fatalf("marker %+v outside text of %d runes: %q", m, n, b.Text)
				}
			}
			if b.BoldPrefix > n {
				t.Fatalf("bold prefix %d longer than text %q", b.BoldPrefix, b.Text)
			}
		}
		doc := structure.Build(src)
		for _, p := range doc.Paragraphs {
			n := utf8.RuneCountInString(p.Text)
			for _, r := range p.FootnoteRefs {
				if r.Offset < 0 || r.Offset > n {
					t.Fatalf("ref %+v outside paragraph of %d runes: %q", r, n, p.Text)
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	data, err := fs.ReadFile(sample.FS(), "thachban-2022.export.md")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := markdown.Read(text, schema.FormatMarkdown); err != nil {
			b.Fatal(err)
		}
	}
}
