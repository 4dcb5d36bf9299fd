package period

import (
	"testing"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text       string
		year       int // context year
		start, end string
		basis      bool
	}{
		{"Trong 6 tháng đầu năm 2024, giá trị", 0, "2024-01-01", "2024-06-30", false},
		{"6 tháng cuối năm 2018", 0, "2018-07-01", "2018-12-31", false},
		{"báo cáo chín tháng năm 2017", 0, "2017-01-01", "2017-09-30", false},
		{"với mức tăng 14,8% trong quý II", 2024, "2024-04-01", "2024-06-30", false},
		{"trong tháng 7 công tác", 2020, "2020-07-01", "2020-07-31", false},
		{"Tổng thu ngân sách đến ngày 15/6 ước đạt", 2020, "2020-01-01", "2020-06-15", false},
		{"ước thực hiện lũy kế đến tháng 6.2018 gần 327 tỷ đồng", 0, "2018-01-01", "2018-06-30", false},
		{"Trong nhiệm kỳ (2015-2020) huyện", 0, "2015-01-01", "2020-12-31", false},
		{"trong 2 năm 2011-2012, toàn Đảng bộ", 0, "2011-01-01", "2012-12-31", false},
		{"Từ đầu năm 2019 đến nay", 0, "2019-01-01", "2019-12-31", false},
		{"Năm 2023, kinh tế", 0, "2023-01-01", "2023-12-31", false},
		{"giảm 20,9% so với cùng kỳ năm 2022", 0, "2022-01-01", "2022-12-31", true},
		{"trong nhiệm kỳ 2010 – 2015: Tốc độ", 0, "2010-01-01", "2015-12-31", false},
		{"giám sát quý III/2022 với các huyện", 0, "2022-07-01", "2022-09-30", false},
		// "đến dd/mm/yyyy" without "ngày": from the start of that year
		{"Tổng thu ngân sách đến 30/9/2022 đạt", 0, "2022-01-01", "2022-09-30", false},
		{"giám sát tháng 6.2018", 0, "2018-06-01", "2018-06-30", false},
		// the year of the text, said without its number
		{"Do dịch bệnh, trong năm, tỉnh giải quyết việc làm cho", 2020, "2020-01-01", "2020-12-31", false},
		{"Tính đến nay, tỉnh đã hoàn thành", 2020, "2020-01-01", "2020-12-31", false},
		{"trong năm học 2016-2017, toàn tỉnh", 0, "2016-01-01", "2017-12-31", false},
		// "sơ" folds as "so": "sơ bộ", "sơ kết" are no basis
		{"Tổng sản phẩm sơ bộ quý I năm 2022 tăng", 0, "2022-01-01", "2022-03-31", false},
		{"Hội nghị sơ kết 6 tháng đầu năm 2022", 0, "2022-01-01", "2022-06-30", false},
	}
	for _, tt := range tests {
		es := Find(tt.text)
		if len(es) == 0 {
			t.Errorf("%q: no expression", tt.text)
			continue
		}
		s, e, ok := es[0].Span(tt.year)
		if !ok || s != tt.start || e != tt.end || es[0].Basis != tt.basis {
			t.Errorf("%q: %s…%s basis=%v ok=%v, want %s…%s basis=%v", tt.text, s, e, es[0].Basis, ok, tt.start, tt.end, tt.basis)
		}
	}
	// a basis ends at the expression after it: "so với cùng kỳ năm 2021,
	// quý II tăng 9,18%" dates the change by quý II
	if es := Find("tăng 5% so với cùng kỳ năm 2021, quý II tăng 9%"); len(es) != 2 || es[1].Basis || es[1].FromMonth != 4 {
		t.Errorf("a quarter after a basis: %+v", es)
	}
	// "sau" is not "sáu" (six): "sau tháng 6" is June, not January to June
	if es := Find("sau tháng 6"); len(es) != 1 || es[0].FromMonth != 6 {
		t.Errorf("sau tháng 6: %+v", es)
	}
	for _, text := range []string{"trong năm học 2021-2022", "trong năm tới", "trong năm nay"} {
		for _, e := range Find(text) {
			if e.Year == 0 && e.ToYear == 0 {
				t.Errorf("%q: read as the year of the text: %+v", text, e)
			}
		}
	}
	for _, text := range []string{"ngày 23 tháng 12 năm 2022", "sau 9 ngày", "kết nạp 208 đảng viên"} {
		for _, e := range Find(text) {
			if e.FromMonth != 1 || e.ToMonth != 12 || e.Year == 0 {
				t.Errorf("%q: read %+v as a part of a year", text, e)
			}
		}
	}
}

func TestDocument(t *testing.T) {
	tests := []struct {
		texts []string
		date  string
		year  int
	}{
		{[]string{"Hà Nội kỷ luật 440 đảng viên trong 6 tháng", "sơ kết 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2018."}, "", 2018},
		{[]string{"tổng thu ngân sách giảm 20,9% so với cùng kỳ năm 2022."}, "", 2023},
		{[]string{"Năm qua, Huyện ủy tập trung chỉ đạo."}, "2019-01-05", 2018},
		{[]string{"Không có năm nào."}, "", 0},
		// a term that names an organ or a plan is not what the text reports on
		{[]string{"Ngày 17/12, HĐND huyện khóa XX, nhiệm kỳ 2021-2026 khai mạc kỳ họp đánh giá tình hình kinh tế - xã hội năm 2024."}, "", 2024},
		{[]string{"Ban Chấp hành Đảng bộ huyện nhiệm kỳ 2020-2025 đánh giá tình hình năm 2023, đề ra nhiệm vụ năm 2024."}, "", 2023},
		{[]string{"thông qua kế hoạch vốn đầu tư công trung hạn giai đoạn 2021-2025."}, "", 2025},
		{[]string{"Đảng bộ huyện đã hoàn thành các chỉ tiêu trong nhiệm kỳ 2010 – 2015: tốc độ tăng trưởng năm 2015 đạt 14,7%."}, "", 2015},
		// a congress held for a term reviews the term before it
		{[]string{"Đại hội đại biểu Đảng bộ huyện lần thứ XXI, nhiệm kỳ 2020-2025 đánh giá kết quả thực hiện Nghị quyết."}, "", 2020},
		{[]string{"Chiều 20-9, Đại hội đại biểu Đảng bộ tỉnh lần thứ X, nhiệm kỳ 2020-2025 đã thông qua nghị quyết.", "Theo đó, đến năm 2025 tỷ lệ đô thị hóa đạt 40%."}, "", 2020},
		// a review of a span reports on it, whatever year is said before
		{[]string{"Huyện đón nhận Bằng công nhận đạt chuẩn nông thôn mới năm 2018 và tổng kết 10 năm thực hiện Chương trình giai đoạn 2010 - 2020."}, "", 2020},
		// a year's work closed early in the next; work carried over from a year
		{[]string{"Đến ngày 20-01-2022, huyện đã hoàn thành đánh giá, xếp loại tổ chức đảng."}, "", 2021},
		{[]string{"Thanh tra tỉnh thực hiện 15 cuộc thanh tra: 03 cuộc năm 2020 chuyển sang; 12 cuộc theo kế hoạch."}, "", 2021},
	}
	for _, tt := range tests {
		_, y, ok := Document(tt.texts, tt.date, 0)
		if y != tt.year || ok != (tt.year > 0) {
			t.Errorf("%q: year %d ok=%v, want %d", tt.texts, y, ok, tt.year)
		}
	}
}

// FuzzFind: any text gives expressions inside it, in order, with valid
// months and spans.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"6 tháng đầu năm 2024", "đến ngày 30.6.2022", "quý IV năm 2023", "nhiệm kỳ 2016 - 2021", "sáu tháng cuối năm", "tháng 13/2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		last := 0
		for _, e := range Find(s) {
			if e.Pos < last || e.End > len(s) || e.Pos >= e.End {
				t.Fatalf("%q: expression at %d-%d after %d", s, e.Pos, e.End, last)
			}
			last = e.End
			if e.FromMonth < 1 || e.ToMonth > 12 || e.FromMonth > e.ToMonth && e.ToYear == 0 {
				t.Fatalf("%q: months %d-%d", s, e.FromMonth, e.ToMonth)
			}
			if st, en, ok := e.Span(2024); ok && st > en {
				t.Fatalf("%q: span %s > %s", s, st, en)
			}
		}
	})
}

// TestDecode: the inline decoding agrees with the standard library on
// every code point and on broken sequences.
func TestDecode(t *testing.T) {
	for r := rune(0x80); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		s := string(r) + "a"
		gr, gw := decode(s, 0)
		wr, ww := utf8.DecodeRuneInString(s)
		if gr != wr || gw != ww {
			t.Fatalf("U+%04X: decode %U/%d, utf8 %U/%d", r, gr, gw, wr, ww)
		}
	}
	for _, s := range []string{"\xc3", "\xe1\xba", "\xe1\xbaa", "\xc3a", "\xed\xa0\x80", "\xe0\x80\x80", "\xc0\x80"} {
		gr, gw := decode(s, 0)
		wr, ww := utf8.DecodeRuneInString(s)
		if gr != wr || gw != ww {
			t.Errorf("%q: decode %U/%d, utf8 %U/%d", s, gr, gw, wr, ww)
		}
	}
}
