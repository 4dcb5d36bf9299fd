package refs

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/schema"
)

func TestParse(t *testing.T) {
	type want struct {
		id, raw, typ, date, issuer string
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{
			name: "type, number, date, issuer",
			in:   "triển khai Kế hoạch số 154-KH/HU, ngày 05/6/2024 của Ban Thường vụ Huyện ủy, gắn với",
			want: []want{{"154-KH/HU", "Kế hoạch số 154-KH/HU, ngày 05/6/2024", "Kế hoạch", "2024-06-05", "Ban Thường vụ Huyện ủy"}},
		},
		{
			name: "stray space in symbol",
			in:   "theo Kế hoạch số 81- KH/HU, ngày 09/01/2023 của Ban Thường vụ Huyện ủy",
			want: []want{{"81-KH/HU", "Kế hoạch số 81- KH/HU, ngày 09/01/2023", "Kế hoạch", "2023-01-09", "Ban Thường vụ Huyện ủy"}},
		},
		{
			name: "no số",
			in:   "quán triệt Nghị quyết 21-NQ/TW của Ban Chấp hành Trung ương về tăng cường",
			want: []want{{"21-NQ/TW", "Nghị quyết 21-NQ/TW", "Nghị quyết", "", "Ban Chấp hành Trung ương"}},
		},
		{
			name: "issuer with term ends before a verb",
			in:   "Kết luận số 21-KL/TW của Ban Chấp hành Trung ương khóa XIII được triển khai",
			want: []want{{"21-KL/TW", "Kết luận số 21-KL/TW", "Kết luận", "", "Ban Chấp hành Trung ương khóa XIII"}},
		},
		{
			name: "issuer ends at a verb that is not part of a name",
			in:   "theo Nghị quyết số 1232/NQ-UBTVQH15 của Ủy ban Thường vụ Quốc hội sắp xếp đơn vị hành chính",
			want: []want{{"1232/NQ-UBTVQH15", "Nghị quyết số 1232/NQ-UBTVQH15", "Nghị quyết", "", "Ủy ban Thường vụ Quốc hội"}},
		},
		{
			name: "issuer cannot end inside a name",
			in:   "Kế hoạch số 12-KH/HU của Huyện ủy ban hành kịp thời",
			want: []want{{"12-KH/HU", "Kế hoạch số 12-KH/HU", "Kế hoạch", "", "Huyện ủy"}},
		},
		{
			name: "date in words",
			in:   "Quyết định số 15/2023/QĐ-UBND ngày 5 tháng 6 năm 2023 của Ủy ban nhân dân tỉnh là",
			want: []want{{"15/2023/QĐ-UBND", "Quyết định số 15/2023/QĐ-UBND ngày 5 tháng 6 năm 2023", "Quyết định", "2023-06-05", "Ủy ban nhân dân tỉnh"}},
		},
		{
			name: "list shares type and issuer",
			in:   "thực hiện các Nghị quyết số 21-NQ/TU, 22-NQ/TU và 23-NQ/TU của Ban Thường vụ Tỉnh ủy;",
			want: []want{
				{"21-NQ/TU", "Nghị quyết số 21-NQ/TU", "Nghị quyết", "", "Ban Thường vụ Tỉnh ủy"},
				{"22-NQ/TU", "22-NQ/TU", "Nghị quyết", "", "Ban Thường vụ Tỉnh ủy"},
				{"23-NQ/TU", "23-NQ/TU", "Nghị quyết", "", "Ban Thường vụ Tỉnh ủy"},
			},
		},
		{
			name: "two types joined by và",
			in:   "Kết luận số 21-KL/TW và Quy định số 37-QĐ/TW đến từng chi bộ",
			want: []want{
				{"21-KL/TW", "Kết luận số 21-KL/TW", "Kết luận", "", ""},
				{"37-QĐ/TW", "Quy định số 37-QĐ/TW", "Quy định", "", ""},
			},
		},
		{
			name: "type from code",
			in:   "(theo 05-CT/TW và 37-QĐ/TW, 123-QĐ/HU, 1232/NQ-UBTVQH15, 10/2022/QH15, 99/UBND-VP)",
			want: []want{
				{"05-CT/TW", "05-CT/TW", "Chỉ thị", "", ""},
				{"37-QĐ/TW", "37-QĐ/TW", "Chỉ thị", "", ""}, // listed after a Chỉ thị
				{"123-QĐ/HU", "123-QĐ/HU", "Chỉ thị", "", ""},
				{"1232/NQ-UBTVQH15", "1232/NQ-UBTVQH15", "Chỉ thị", "", ""},
				{"10/2022/QH15", "10/2022/QH15", "Chỉ thị", "", ""},
				{"99/UBND-VP", "99/UBND-VP", "Chỉ thị", "", ""},
			},
		},
		{
			name: "type from code, one by one",
			in:   "theo 37-QĐ/TW; nay 123-QĐ/HU; nay 1232/NQ-UBTVQH15; nay 10/2022/QH15; nay 99/UBND-VP; nay 07-HD/BTGTU",
			want: []want{
				{"37-QĐ/TW", "37-QĐ/TW", "Quy định", "", ""},
				{"123-QĐ/HU", "123-QĐ/HU", "Quyết định", "", ""},
				{"1232/NQ-UBTVQH15", "1232/NQ-UBTVQH15", "Nghị quyết", "", ""},
				{"10/2022/QH15", "10/2022/QH15", "Luật", "", ""},
				{"99/UBND-VP", "99/UBND-VP", "Công văn", "", ""},
				{"07-HD/BTGTU", "07-HD/BTGTU", "Hướng dẫn", "", ""},
			},
		},
		{
			name: "lower-case type word and qualifier before số",
			in:   "theo nghị quyết chuyên đề số 05-NQ/HU, ngày 01-02-2023",
			want: []want{{"05-NQ/HU", "nghị quyết chuyên đề số 05-NQ/HU, ngày 01-02-2023", "Nghị quyết", "2023-02-01", ""}},
		},
		{
			name: "state decree",
			in:   "quy định tại Nghị định số 07/2021/NĐ-CP, ngày 27/01/2021 của Chính phủ: đến cuối năm",
			want: []want{{"07/2021/NĐ-CP", "Nghị định số 07/2021/NĐ-CP, ngày 27/01/2021", "Nghị định", "2021-01-27", "Chính phủ"}},
		},
		{
			name: "date in parentheses",
			in:   "theo Hướng dẫn số 07-HD/BTGTU (ngày 03/4/2023) của Ban Tuyên giáo Tỉnh ủy",
			want: []want{{"07-HD/BTGTU", "Hướng dẫn số 07-HD/BTGTU (ngày 03/4/2023)", "Hướng dẫn", "2023-04-03", "Ban Tuyên giáo Tỉnh ủy"}},
		},
		{
			name: "date after the issuer",
			in:   "theo Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 15/5/2016 về đẩy mạnh",
			want: []want{{"05-CT/TW", "Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 15/5/2016", "Chỉ thị", "2016-05-15", "Bộ Chính trị"}},
		},
		{
			name: "party circular and state circular",
			in:   "theo 03-TT/TW; nay 12/2023/TT-BNV",
			want: []want{
				{"03-TT/TW", "03-TT/TW", "Thông tri", "", ""},
				{"12/2023/TT-BNV", "12/2023/TT-BNV", "Thông tư", "", ""},
			},
		},
		{
			name: "invalid date is not a date",
			in:   "Kế hoạch số 72-KH/HU, ngày 32/13/2022",
			want: []want{{"72-KH/HU", "Kế hoạch số 72-KH/HU", "Kế hoạch", "", ""}},
		},
		{
			name: "dates ratios and fractions are not citations",
			in:   "Đến ngày 31/12/2022, 28/38 xã đạt chuẩn, 1/3 số hộ, nhiệm kỳ 2020-2025, Covid-19",
			want: nil,
		},
		{
			name: "ocr misreading",
			in:   "Nghị quyết số 1232/NQ-UBTVQHI5 ngày 12/9/2024",
			want: []want{{"1232/NQ-UBTVQHI5", "Nghị quyết số 1232/NQ-UBTVQHI5 ngày 12/9/2024", "Nghị quyết", "2024-09-12", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Parse found %d citations, want %d: %+v", len(got), len(tt.want), got)
			}
			rs := []rune(tt.in)
			for i, w := range tt.want {
				g := got[i]
				if g.ID != w.id || g.Raw != w.raw || g.Type != w.typ || g.Date != w.date || g.Issuer != w.issuer {
					t.Errorf("citation %d = {%q %q %q %q %q}, want {%q %q %q %q %q}", i,
						g.ID, g.Raw, g.Type, g.Date, g.Issuer, w.id, w.raw, w.typ, w.date, w.issuer)
				}
				if string(rs[g.Span[0]:g.Span[1]]) != g.Raw {
					t.Errorf("span %v = %q, raw %q", g.Span, string(rs[g.Span[0]:g.Span[1]]), g.Raw)
				}
			}
		})
	}
}

func TestFindSkipsOwnNumber(t *testing.T) {
	tests := []struct {
		name string
		doc  schema.Document
		want []string
	}{
		{
			name: "header line, number unknown",
			doc: schema.Document{Paragraphs: []schema.Paragraph{
				{ID: "p1", Text: "HUYỆN ỦY THẠCH BÀN Số 298-BC/HU"},
				{ID: "p2", Section: "s1", Text: "theo Báo cáo số 298-BC/HU của Huyện ủy"},
			}},
			want: []string{"298-BC/HU"},
		},
		{
			name: "header with colon",
			doc: schema.Document{Paragraphs: []schema.Paragraph{
				{ID: "p1", Text: "Số: 412/BC-UBND"},
			}},
			want: nil,
		},
		{
			name: "meta number anywhere",
			doc: schema.Document{Meta: schema.Meta{Number: "298- BC/HU"}, Paragraphs: []schema.Paragraph{
				{ID: "p1", Section: "s1", Text: "Báo cáo số 298-BC/HU và Kế hoạch số 72-KH/HU"},
			}},
			want: []string{"72-KH/HU"},
		},
		{
			name: "header citation with type word stays",
			doc: schema.Document{Paragraphs: []schema.Paragraph{
				{ID: "p1", Text: "Thực hiện Nghị quyết số 52/NQ-HĐND, ngày 16/12/2022"},
			}},
			want: []string{"52/NQ-HĐND"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range Find(&tt.doc) {
				got = append(got, r.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("Find = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFindFootnoteSection(t *testing.T) {
	doc := &schema.Document{
		Sections: []schema.Section{{ID: "s3", Path: "Phần thứ nhất/II/2"}},
		Paragraphs: []schema.Paragraph{
			{ID: "p1", Section: "s3", Page: 2, Text: "Kết nạp 230 đảng viên mới."},
		},
		Footnotes: []schema.Footnote{
			{ID: 4, Section: "s3", Page: 3, Text: "Theo Chỉ thị số 10-CT/TW của Ban Bí thư."},
		},
	}
	got := Find(doc)
	if len(got) != 1 {
		t.Fatalf("Find = %+v, want one citation", got)
	}
	r := got[0]
	if r.Footnote != 4 || r.Paragraph != "" || r.Section != "s3" || r.SectionPath != "Phần thứ nhất/II/2" || r.Page != 3 || r.Issuer != "Ban Bí thư" {
		t.Errorf("footnote citation = %+v", r)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Kế hoạch số 154-KH/HU, ngày 05/6/2024 của Ban Thường vụ Huyện ủy",
		"các Nghị quyết số 21-NQ/TU, 22-NQ/TU và 23-NQ/TU",
		"Quyết định số 15/2023/QĐ-UBND ngày 5 tháng 6 năm 2023",
		"Số: 412/BC-UBND", "ngày 31/12/2022 28/38", "số 81- KH/HU, ngày",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 || !utf8.ValidString(s) {
			t.Skip()
		}
		rs := []rune(s)
		prev := 0
		for _, c := range Parse(s) {
			if c.Span[0] < prev || c.Span[1] <= c.Span[0] || c.Span[1] > len(rs) {
				t.Fatalf("bad span %v in %q", c.Span, s)
			}
			if string(rs[c.Span[0]:c.Span[1]]) != c.Raw {
				t.Fatalf("raw %q is not the span text in %q", c.Raw, s)
			}
			if c.ID == "" || strings.ContainsRune(c.ID, ' ') {
				t.Fatalf("bad id %q", c.ID)
			}
			if c.Date != "" && len(c.Date) != 10 {
				t.Fatalf("bad date %q", c.Date)
			}
			prev = c.Span[1]
		}
	})
}
