package figures

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/schema"
)

// docOf builds a Document with one paragraph per text, in a results section
// or, with plan, in a "PHƯƠNG HƯỚNG, NHIỆM VỤ" section.
func docOf(plan bool, texts ...string) *schema.Document {
	doc := &schema.Document{Sections: []schema.Section{
		{ID: "s1", Number: "Phần thứ nhất", Title: "TÌNH HÌNH, KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2022", Level: 1, Path: "Phần thứ nhất"},
		{ID: "s2", Number: "Phần thứ hai", Title: "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023", Level: 1, Path: "Phần thứ hai"},
	}}
	sec := "s1"
	if plan {
		sec = "s2"
	}
	for i, t := range texts {
		doc.Paragraphs = append(doc.Paragraphs, schema.Paragraph{ID: "p" + string(rune('1'+i)), Section: schema.NullString(sec), Page: 1, Text: t})
	}
	return doc
}

// want is a figure as a test states it; empty fields are not checked, and
// parent/refers name the raw of the other figure.
type want struct {
	raw, kind, role, unit, qual, parent, refers string
	value                                       float64
	den, high                                   float64
	norm                                        float64
	partial                                     bool
}

func checkFigures(t *testing.T, got []schema.Figure, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		var raws []string
		for _, f := range got {
			raws = append(raws, f.Raw)
		}
		t.Fatalf("got %d figures %q, want %d", len(got), raws, len(wants))
	}
	byID := map[string]string{}
	for _, f := range got {
		byID[f.ID] = f.Raw
	}
	for i, w := range wants {
		f := got[i]
		check := func(field, g, w string) {
			if w != "" && g != w {
				t.Errorf("figure %d (%q): %s = %q, want %q", i, f.Raw, field, g, w)
			}
		}
		check("raw", f.Raw, w.raw)
		check("kind", f.Kind, w.kind)
		check("role", f.Role, w.role)
		check("unit", f.Unit, w.unit)
		check("qualifier", f.Qualifier, w.qual)
		check("parent", byID[string(f.Parent)], w.parent)
		check("refers_to", byID[string(f.RefersTo)], w.refers)
		if w.parent == "" && f.Parent != "" {
			t.Errorf("figure %d (%q): parent %q, want none", i, f.Raw, byID[string(f.Parent)])
		}
		if w.value != 0 && f.Value != w.value {
			t.Errorf("figure %d (%q): value = %v, want %v", i, f.Raw, f.Value, w.value)
		}
		if w.den != 0 && (f.Denominator == nil || *f.Denominator != w.den) {
			t.Errorf("figure %d (%q): denominator = %v, want %v", i, f.Raw, f.Denominator, w.den)
		}
		if w.high != 0 && (f.ValueHigh == nil || *f.ValueHigh != w.high) {
			t.Errorf("figure %d (%q): value_high = %v, want %v", i, f.Raw, f.ValueHigh, w.high)
		}
		if w.norm != 0 && f.ValueNormalized != w.norm {
			t.Errorf("figure %d (%q): value_normalized = %v, want %v", i, f.Raw, f.ValueNormalized, w.norm)
		}
		if f.Partial != w.partial {
			t.Errorf("figure %d (%q): partial = %v, want %v", i, f.Raw, f.Partial, w.partial)
		}
		if !strings.Contains(f.Quote, strings.Fields(f.Raw)[0]) || len(strings.Fields(f.Quote)) > maxQuoteWords {
			t.Errorf("figure %d (%q): quote %q must hold the number in at most %d words", i, f.Raw, f.Quote, maxQuoteWords)
		}
	}
}

func TestFindSentences(t *testing.T) {
	tests := []struct {
		name string
		plan bool
		text string
		want []want
	}{
		{"count with leading zero and qualifier", false,
			"tổ chức 06 hội nghị cấp huyện, thu hút trên 9.400 lượt cán bộ, đảng viên tham dự.",
			[]want{{raw: "06", value: 6, kind: "count", role: "actual", unit: "hội nghị cấp huyện"},
				{raw: "9.400", value: 9400, kind: "count", role: "actual", unit: "lượt cán bộ, đảng viên", qual: "trên"}}},
		{"ratio and share", false,
			"toàn Đảng bộ có 37/39 tổ chức cơ sở đảng, bằng 94,9%, được xếp loại.",
			[]want{{raw: "37/39", value: 37, den: 39, kind: "ratio", role: "actual"},
				{raw: "94,9%", value: 94.9, kind: "percent", role: "share", refers: "37/39"}}},
		{"plan percent", false,
			"toàn Đảng bộ kết nạp được 230 đảng viên, đạt 104,5% kế hoạch.",
			[]want{{raw: "230", kind: "count", role: "actual", unit: "đảng viên"},
				{raw: "104,5%", kind: "percent", role: "plan_percent", refers: "230"}}},
		{"change down and parenthesised parts", false,
			"Thi hành kỷ luật 26 đảng viên, giảm 16,1% so với cùng kỳ (khiển trách 17, cảnh cáo 06, khai trừ 03).",
			[]want{{raw: "26", role: "actual"}, {raw: "16,1%", role: "change", refers: "26"},
				{raw: "17", parent: "26", unit: "đảng viên"}, {raw: "06", parent: "26"}, {raw: "03", parent: "26"}}},
		{"change up on a count", false,
			"tổng số đảng viên là 6.387 đồng chí, tăng 173 đảng viên so với cuối năm 2021.",
			[]want{{raw: "6.387", role: "actual"}, {raw: "173", role: "change", refers: "6.387"}}},
		{"vượt is a change", false,
			"trồng 21.300 cây xanh các loại, vượt 6,5% kế hoạch.",
			[]want{{raw: "21.300"}, {raw: "6,5%", role: "change"}}},
		{"discipline forms are parts of the discipline count", false,
			"Các cấp đã thi hành kỷ luật 313 đảng viên (giảm 86 trường hợp so với cùng kỳ), khai trừ Đảng 45 trường hợp, cách chức 6 trường hợp.",
			[]want{{raw: "313"}, {raw: "86", role: "change", refers: "313"}, {raw: "45", parent: "313", partial: true}, {raw: "6", parent: "313", partial: true}}},
		{"trong số … nói trên names the total of the sentence before", false,
			"Năm 2019 kết nạp 250 đảng viên mới. Trong số đảng viên mới kết nạp nói trên, có 21 đảng viên là công nhân.",
			[]want{{raw: "250"}, {raw: "21", parent: "250", partial: true}}},
		{"a percent with its count in parentheses", false,
			"Tỷ lệ thôn đạt chuẩn nông thôn mới đạt 58,9% (66/112 thôn, tăng thêm 20 thôn).",
			[]want{{raw: "58,9%", role: "share", refers: "66/112"}, {raw: "66/112", den: 112}, {raw: "20", role: "change", refers: "66/112"}}},
		{"the parts of a list whose items open alike", false,
			"Tổng giá trị sản xuất đạt 8.962,72 tỷ đồng. Trong đó, ngành nông nghiệp là 3.621,68 tỷ đồng, tăng 8,53%; ngành công nghiệp 3.671,79 tỷ đồng, tăng 10,53%; ngành dịch vụ 1.669,24 tỷ đồng.",
			[]want{{raw: "8.962,72 tỷ đồng"}, {raw: "3.621,68 tỷ đồng", parent: "8.962,72 tỷ đồng", partial: true}, {raw: "8,53%", role: "change", refers: "3.621,68 tỷ đồng"},
				{raw: "3.671,79 tỷ đồng", parent: "8.962,72 tỷ đồng", partial: true}, {raw: "10,53%", role: "change", refers: "3.671,79 tỷ đồng"}, {raw: "1.669,24 tỷ đồng", parent: "8.962,72 tỷ đồng", partial: true}}},
		{"trong đó is partial and stops at the clause", false,
			"kết nạp 230 đảng viên, trong đó 52 đảng viên là đoàn viên, 18 học sinh; xóa được 03/04 thôn.",
			[]want{{raw: "230"}, {raw: "52", parent: "230", partial: true}, {raw: "18", parent: "230", partial: true}, {raw: "03/04", den: 4}}},
		{"trong đó goes on over clauses that open with a part", false,
			"6.043 đảng viên được xếp loại, trong đó 897 đảng viên hoàn thành xuất sắc, bằng 14,8%; 4.978 đảng viên hoàn thành tốt, bằng 82,4%.",
			[]want{{raw: "6.043"}, {raw: "897", parent: "6.043", partial: true}, {raw: "14,8%", refers: "897"},
				{raw: "4.978", parent: "6.043", partial: true}, {raw: "82,4%", refers: "4.978"}}},
		{"gồm with colon and semicolons", false,
			"tham mưu ban hành 1.208 văn bản, gồm: 133 quyết định; 02 quy định; 16 tờ trình và 582 công văn.",
			[]want{{raw: "1.208"}, {raw: "133", parent: "1.208"}, {raw: "02", parent: "1.208"}, {raw: "16", parent: "1.208"}, {raw: "582", parent: "1.208"}}},
		{"parts of one kind only", false,
			"bồi dưỡng 3.305 lượt cán bộ, gồm: 06 đồng chí học cao cấp; 02 lớp sơ cấp với 121 học viên.",
			[]want{{raw: "3.305"}, {raw: "06", parent: "3.305"}, {raw: "02"}, {raw: "121", parent: "3.305"}}},
		{"rates are not parts", false,
			"hỗ trợ 48 nhà, đạt 106,7% kế hoạch (xây mới 31 nhà với mức 60 triệu đồng/nhà, sửa chữa 17 nhà), tổng kinh phí 2,54 tỷ đồng.",
			[]want{{raw: "48"}, {raw: "106,7%", role: "plan_percent"}, {raw: "31", parent: "48"},
				{raw: "60 triệu đồng", kind: "money", unit: "triệu đồng/nhà", norm: 60e6}, {raw: "17", parent: "48"},
				{raw: "2,54 tỷ đồng", kind: "money", value: 2.54, norm: 2540000000}}},
		{"parts that add up without a marker", false,
			"Toàn huyện đã tổ chức 52 cuộc đối thoại; cấp huyện 14 cuộc; cấp xã 38 cuộc.",
			[]want{{raw: "52"}, {raw: "14", parent: "52"}, {raw: "38", parent: "52"}}},
		{"area and money", false,
			"hiến trên 12.000 m² đất, hình thành vùng trên 1.300 ha, trị giá 3.100 triệu đồng.",
			[]want{{raw: "12.000 m²", kind: "area", qual: "trên"}, {raw: "1.300 ha", kind: "area"},
				{raw: "3.100 triệu đồng", kind: "money", norm: 3100000000}}},
		{"money written out with a product", false,
			"tặng quà: 43 suất x 500.000 đồng = 21.500.000 đồng.",
			[]want{{raw: "43", kind: "count", unit: "suất"}, {raw: "500.000 đồng", kind: "money", norm: 500000}, {raw: "21.500.000 đồng", kind: "money", norm: 21500000}}},
		{"four-digit count", false,
			"tặng quà hội viên: 1250 suất = 375.000.000 đồng.",
			[]want{{raw: "1250", value: 1250, kind: "count"}, {raw: "375.000.000 đồng", kind: "money"}}},
		{"percentage points", false,
			"tỷ lệ hộ nghèo còn 6,15%, giảm 2,27 điểm phần trăm so với đầu năm.",
			[]want{{raw: "6,15%", role: "share"}, {raw: "2,27 điểm phần trăm", kind: "percent", role: "change", unit: "điểm phần trăm"}}},
		{"targets in the plan part", true,
			"Kết nạp từ 235 đảng viên mới trở lên; trên 92% tổ chức cơ sở đảng được xếp loại; kiểm tra 3-4 tổ chức đảng.",
			[]want{{raw: "235", role: "target", qual: "từ … trở lên"}, {raw: "92%", role: "target", qual: "trên"},
				{raw: "3-4", kind: "range", value: 3, high: 4, role: "target"}}},
		{"range in words", true,
			"Tốc độ tăng trưởng từ 8,5% đến 9%.",
			[]want{{raw: "8,5% đến 9%", kind: "range", value: 8.5, high: 9, unit: "%"}}},
		{"at least", true,
			"cấp ủy viên dự sinh hoạt với chi bộ ít nhất 01 lần trong năm.",
			[]want{{raw: "01", qual: "ít nhất", unit: "lần"}}},
		{"the counted noun ends before a dated period or a verb", false,
			"Sắp xếp 15 xã giai đoạn 2023-2025; quy hoạch 38 cán bộ nhiệm kỳ hiện tại; luân chuyển 30 cán bộ giữ chức vụ; tổ chức 09 kỳ họp năm 2024; xây dựng 04 đề án trọng tâm.",
			[]want{{raw: "15", unit: "xã"}, {raw: "38", unit: "cán bộ"}, {raw: "30", unit: "cán bộ"}, {raw: "09", unit: "kỳ họp"}, {raw: "04", unit: "đề án trọng tâm"}}},
		{"not figures: dates, years, terms, symbols, ordinals", false,
			"Ngày 16/6/2022, nhiệm kỳ 2020-2025, Nghị quyết số 21-NQ/TW và 07/2021/NĐ-CP, Đại hội lần thứ 5, kỳ họp thứ 23, dịch Covid-19, năm 2022, ngày 23 tháng 12, đến 31/12.",
			nil},
		{"not figures: names, badges, spans of time, ages", false,
			"Sau Hội nghị Trung ương 5 khóa XIII, Ban Chỉ đạo 35 huyện triển khai Dự án 8 về bình đẳng giới; sau 9 tháng thực hiện; Huy hiệu 50 năm tuổi Đảng; trẻ em dưới 5 tuổi.",
			nil},
		{"list numbering", false, "(1). Kết nạp 12 đảng viên.", []want{{raw: "12"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFigures(t, Find(docOf(tt.plan, tt.text)), tt.want)
		})
	}
}

func TestFindTable(t *testing.T) {
	for _, header := range []string{
		"| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2023 | Thực hiện năm 2023 | So với kế hoạch (%) |",
		// as OCR reads it, spaces lost
		"| TT | Chỉ tiêu | Đơn vị tính | Kếhoạch năm 2023 | Thựchiện năm 2023 | So vớikế hoạch (%) |",
	} {
		doc := docOf(false, header,
			"| 3 | Thu ngân sách nhà nước trên địa bàn | Tỷ đồng | 516,3 | 612,4 | 118,6 |",
		)
		for i := range doc.Paragraphs {
			doc.Paragraphs[i].Kind = schema.ParagraphTableRow
		}
		checkFigures(t, Find(doc), []want{
			{raw: "516,3", kind: "money", role: "target", norm: 516.3e9},
			{raw: "612,4", kind: "money", role: "actual", norm: 612.4e9},
			{raw: "118,6", kind: "percent", role: "plan_percent"},
		})
	}
}

func TestFindFootnotes(t *testing.T) {
	doc := docOf(false, "Tổ chức 52 cuộc đối thoại với Nhân dân.")
	doc.Footnotes = []schema.Footnote{{ID: 7, Text: "cấp huyện 14 cuộc (02 định kỳ, 12 đột xuất).", Page: 2, RefParagraph: "p1", Section: "s1"}}
	got := Find(doc)
	if len(got) != 4 {
		t.Fatalf("got %d figures, want 4", len(got))
	}
	f := got[1]
	if f.ID != "f2" || f.Footnote != 7 || f.Paragraph != "" || f.SectionPath != "Phần thứ nhất" || f.Page != 2 {
		t.Errorf("footnote figure = %+v", f)
	}
	if got[2].Parent != "f2" {
		t.Errorf("parent of %q = %q, want f2", got[2].Raw, got[2].Parent)
	}
	if rs := []rune(doc.Footnotes[0].Text); string(rs[f.Span[0]:f.Span[1]]) != "14" {
		t.Errorf("span %v covers %q", f.Span, string(rs[f.Span[0]:f.Span[1]]))
	}
}

func TestFindEmpty(t *testing.T) {
	if got := Find(nil); got != nil {
		t.Errorf("Find(nil) = %v", got)
	}
	if got := Find(&schema.Document{}); len(got) != 0 {
		t.Errorf("Find(empty) = %v", got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Thi hành kỷ luật 26 đảng viên, giảm 16,1% so với cùng kỳ (khiển trách 17, cảnh cáo 06, khai trừ 03).",
		"gồm: 133 quyết định; 02 quy định", "| 1 | a | % | 8,5 | 9 |", "từ 8,5% đến 9%", "((( 1 ) 2 ; 3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			t.Skip()
		}
		doc := docOf(false, s)
		for _, fig := range Find(doc) {
			rs := []rune(s)
			if fig.Span[0] < 0 || fig.Span[1] > len(rs) || fig.Span[0] >= fig.Span[1] {
				t.Fatalf("bad span %v for %q in %q", fig.Span, fig.Raw, s)
			}
			if !strings.Contains(s, fig.Quote) || !strings.Contains(s, fig.Raw) {
				t.Fatalf("quote %q or raw %q is not in %q", fig.Quote, fig.Raw, s)
			}
		}
	})
}
