package structure

import "testing"

func TestParseNumbering(t *testing.T) {
	tests := []struct {
		in     string
		kind   int
		number string
		rest   string
	}{
		{"Phần thứ nhất", numPart, "Phần thứ nhất", ""},
		{"PHẦN THỨ HAI: PHƯƠNG HƯỚNG", numPart, "Phần thứ hai", "PHƯƠNG HƯỚNG"},
		{"Phần I", numPart, "Phần I", ""},
		{"Phần II. Mục tiêu", numPart, "Phần II", "Mục tiêu"},
		{"Phần lớn các xã đã", numNone, "", ""},
		{"I. TÌNH HÌNH CHUNG", numRoman, "I", "TÌNH HÌNH CHUNG"},
		{"IV) Đánh giá", numRoman, "IV", "Đánh giá"},
		{"IIII. Sai", numNone, "", ""},
		{"C. Mác", numNone, "", ""}, // C is 100: no report has a hundred parts
		{"II.Thiếu khoảng", numNone, "", ""},
		{"1. Công tác chính trị", numArabic, "1", "Công tác chính trị"},
		{"12) Mười hai", numArabic, "12", "Mười hai"},
		{"1.250 người", numNone, "", ""},
		{"2022. Năm", numNone, "", ""},
		{"1.2. Tiểu mục", numDotted, "1.2", "Tiểu mục"},
		{"3 người", numNone, "", ""},
		{"a) Trồng trọt: Tổng", numLetter, "a", "Trồng trọt: Tổng"},
		{"đ) Năm", numLetter, "đ", "Năm"},
		{"w) Không phải chữ Việt", numNone, "", ""},
		{"(1). Kết nạp", numParen, "1", "Kết nạp"},
		{"(2) Ban", numParen, "2", "Ban"},
		{"(giá so sánh)", numNone, "", ""},
		{"", numNone, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n := parseNumbering(tt.in)
			if n.kind != tt.kind || n.number != tt.number || n.rest != tt.rest {
				t.Errorf("got kind %d %q rest %q, want kind %d %q rest %q", n.kind, n.number, n.rest, tt.kind, tt.number, tt.rest)
			}
		})
	}
}

func TestJoinSep(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"between words", "về luân", "chuyển cán bộ", " "},
		{"proper noun goes on", "Thường vụ Quốc", "hội", " "},
		{"word cut inside", "những ng", "ười dân", ""},
		{"fragment on the left", "phát tr", "iển kinh tế", ""},
		{"two syllables either way keep the space", "phát tri", "ển", " "},
		{"hyphen glued to a word", "dịch Covid-", "19", ""},
		{"spaced dash is a dash", "kinh tế -", "xã hội", " "},
		{"number then word", "đạt 200", "người", " "},
		{"foreign fragments stay apart", "trên Facebook", "trang", " "},
		{"empty half", "", "x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinSep(tt.a, tt.b); got != tt.want {
				t.Errorf("joinSep(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestIsSyllable(t *testing.T) {
	for w, want := range map[string]bool{
		"người": true, "nghiêng": true, "quyết": true, "gì": true, "khuya": true, "a": true,
		"ng": false, "ười": true, "tri": true, "ển": true, "Covid": false, "xyz": false, "ngh": false,
	} {
		if got := isSyllable(w); got != want {
			t.Errorf("isSyllable(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestTitleYears(t *testing.T) {
	tests := []struct {
		title        string
		report, plan int
	}{
		{"BÁO CÁO tổng kết công tác xây dựng Đảng năm 2022; phương hướng, nhiệm vụ năm 2023", 2022, 2023},
		{"BÁO CÁO Tình hình kinh tế - xã hội năm 2023; mục tiêu, nhiệm vụ, giải pháp phát triển kinh tế - xã hội năm 2024", 2023, 2024},
		{"BÁO CÁO kết quả thực hiện nhiệm vụ năm 2023 và phương hướng năm 2024", 2023, 2024},
		{"BÁO CÁO sơ kết 6 tháng đầu năm 2024", 2024, 0},
		{"BÁO CÁO tổng kết nhiệm kỳ 2020-2025", 2020, 2025},
		{"BÁO CÁO chính trị", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			r, p := titleYears(tt.title)
			if r != tt.report || p != tt.plan {
				t.Errorf("got %d/%d, want %d/%d", r, p, tt.report, tt.plan)
			}
		})
	}
}

func TestIssuerCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HUYỆN ỦY THẠCH BÀN", "Huyện ủy Thạch Bàn"},
		{"HUYỆN UỶ VĨNH BẢO", "Huyện ủy Vĩnh Bảo"},
		{"ỦY BAN NHÂN DÂN HUYỆN THẠCH BÀN", "UBND huyện Thạch Bàn"},
		{"UBND THÀNH PHỐ HẢI PHÒNG", "UBND thành phố Hải Phòng"},
		{"ĐẢNG ỦY XÃ AN HÒA", "Đảng ủy xã An Hòa"},
		{"TỈNH ỦY HÀ GIANG MỚI", "Tỉnh ủy Hà Giang Mới"},
		{"SỞ TÀI CHÍNH", "Sở tài chính"},
	}
	for _, tt := range tests {
		if got := issuerCase(tt.in); got != tt.want {
			t.Errorf("issuerCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPositionCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"PHÓ BÍ THƯ THƯỜNG TRỰC", "Phó Bí thư Thường trực"},
		{"BÍ THƯ", "Bí thư"},
		{"CHỦ TỊCH", "Chủ tịch"},
		{"PHÓ CHỦ TỊCH", "Phó Chủ tịch"},
		{"CHÁNH VĂN PHÒNG", "Chánh văn phòng"},
	}
	for _, tt := range tests {
		if got := positionCase(tt.in); got != tt.want {
			t.Errorf("positionCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParsePlaceDate(t *testing.T) {
	tests := []struct {
		in, place, date string
		ok              bool
	}{
		{"Thạch Bàn, ngày 23 tháng 12 năm 2022", "Thạch Bàn", "2022-12-23", true},
		{"Hà Nội, ngày 05/6/2024", "Hà Nội", "2024-06-05", true},
		{"ngày 1 tháng 2 năm 2020", "", "2020-02-01", true},
		{"Hà Nội, ngày 32 tháng 1 năm 2020", "", "", false},
		{"Số 298-BC/HU", "", "", false},
		{"ĐẢNG CỘNG SẢN VIỆT NAM Thạch Bàn, ngày 23 tháng 12 năm 2022", "Thạch Bàn", "2022-12-23", true},
		{"TP. Hồ Chí Minh, ngày 2 tháng 9 năm 2024", "TP. Hồ Chí Minh", "2024-09-02", true},
	}
	for _, tt := range tests {
		p, d, ok := parsePlaceDate(tt.in)
		if p != tt.place || d != tt.date || ok != tt.ok {
			t.Errorf("parsePlaceDate(%q) = %q, %q, %v", tt.in, p, d, ok)
		}
	}
}
