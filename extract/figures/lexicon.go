package figures

import "strings"

// The word lists below are Vietnamese grammar and administrative
// vocabulary, not phrases of any one report: function words that end a noun
// phrase, the nouns that reports count, and the words around a number that
// make it a date, an ordinal or a name.

// pair is two words; maps keyed by it are looked up without building
// "w1 w2" strings on the hot path.
type pair struct{ a, b string }

// pairSet makes a set of two-word phrases.
func pairSet(phrases ...string) map[pair]bool {
	m := make(map[pair]bool, len(phrases))
	for _, p := range phrases {
		a, b, _ := strings.Cut(p, " ")
		m[pair{a, b}] = true
	}
	return m
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// unitStop ends the counted noun phrase after a number ("230 đảng viên, đạt",
// "39 tổ chức cơ sở đảng trực thuộc").
var unitStop = set(
	"được", "đã", "đang", "sẽ", "là", "có", "của", "cho", "với", "và", "hoặc", "tại", "ở", "trong",
	"theo", "từ", "đến", "tới", "về", "để", "do", "bằng", "đạt", "tăng", "giảm", "vượt", "so", "trên",
	"dưới", "gồm", "bao", "thuộc", "trực", "xếp", "hoàn", "tham", "phát", "gửi", "các", "những", "này",
	"đó", "khác", "trở", "như", "nhưng", "song", "nhằm", "vào", "ra", "lên", "xuống", "còn", "chiếm",
	"thu", "đề", "đi", "làm", "không", "chưa", "đều", "cùng", "mỗi", "một", "sau", "trước", "khi",
	"nên", "thì", "mà", "nhận", "kết", "đối", "tương", "ứng", "trị", "giá", "mức", "tổng", "nâng",
	"thực", "tổ", "giải", "x", "thăm", "qua", "thành", "bảo", "tạo", "hỗ", "đảm", "hướng", "vận", "thường",
)

// unitKeep are words that unitStop would end but that belong to the noun
// after the first word ("tổ chức", "thành viên", "đảng viên mới").
var unitKeepPairs = pairSet(
	"tổ chức", "tổ hợp", "tổ dân", "tổ phụ", "thành viên", "thành phố", "hộ gia", "trường hợp",
	"đảng viên", "thu nhập", "ý kiến", "kiến nghị", "bài dự", "nhà văn", "hội nghị", "thôn bản",
	"đối tượng", "giải thưởng", "tổ công", "tổ tự", "tổ liên", "tổ bảo", "tổ hòa", "tổ hoà",
)

// measureUnits are units of measurement: the figure is an amount, kind other.
var measureUnits = set("km", "m", "m3", "m³", "tấn", "kg", "tạ", "lít", "mw", "kw", "kwh", "gw", "cm", "mm", "ml", "cây số", "mét")

// areaUnits make a figure an area.
var areaUnits = set("ha", "hécta", "hecta", "m2", "m²", "km2", "km²")

// scales multiply the number before the unit ("2,54 tỷ đồng").
var scales = map[string]float64{"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}

// notMoney follows "đồng" in compounds that are not the currency.
var notMoney = set("chí", "bào", "đội", "ruộng", "bằng", "thời", "bộ", "hương", "nghiệp", "tâm", "hành", "ý",
	"lòng", "minh", "loạt", "dạng", "phục", "khởi", "môn", "ca", "tiền", "hồ", "cỏ", "nát", "sáng", "bọn", "lúa", "chủ", "tình", "thuận")

// dateWords before a small number or a day/month make it part of a date.
var dateWords = set("ngày", "tháng", "hôm", "sáng", "chiều", "tối", "đêm", "quý")

// dayMonthLead before an ambiguous "16/6" make it a date.
var dayMonthLead = set("ngày", "từ", "đến", "tới", "trước", "sau", "và", "đầu", "cuối", "hôm", "hạn", "lúc", "vào", "đêm", "sáng", "chiều", "tối", "-", "–")

// ordinalWords before a number make it an ordinal or an identifier
// ("lần thứ 5", "Điều 5", "khóa 15").
var ordinalWords = set("thứ", "điều", "khoản", "chương", "mục", "phần", "tiết", "trang", "tập", "lục", "bước",
	"khóa", "khoá", "phiên", "kỳ", "số", "hiệu", "quyển", "phòng", "tầng", "lô", "tờ", "câu", "ô", "tuyến", "đợt", "lớp", "ấp", "xóm", "khu", "cụm", "tổ", "đội", "giai", "đoạn", "độ", "bảng", "biểu", "hình", "sơ", "tượng")

// durationUnits after a number make it a span of time.
var durationUnits = set("năm", "tháng", "tuần", "ngày", "giờ", "phút", "quý")

// durationLead before "N năm/tháng" make it a span of time, not a result
// ("sau 9 tháng thực hiện", "sơ kết 3 năm").
var durationLead = set("sau", "kết", "qua", "trong", "suốt", "hơn", "gần", "được", "đã", "vòng", "mất", "tròn", "niệm", "mừng")

// nameTail after a number that follows a name ends the name ("Ban Chỉ đạo
// 35 huyện", "Hội nghị Trung ương 5 khóa XIII").
var nameTail = set("huyện", "tỉnh", "quận", "thành", "khóa", "khoá", "về", "của", "năm", "tuổi", "thị", "tw", "trung")

// qualifiers before a number, with their bound.
var qualifiers = map[string]string{
	"trên": "above", "hơn": "above", "gần": "about", "khoảng": "about", "chừng": "about",
	"xấp": "about", "ước": "about", "dưới": "below", "tới": "",
}

var qualifierPairs = map[pair]string{
	{"ít", "nhất"}: "at_least", {"tối", "thiểu"}: "at_least", {"tối", "đa"}: "at_most", {"không", "quá"}: "at_most",
	{"xấp", "xỉ"}: "about", {"ước", "đạt"}: "about", {"ước", "tính"}: "about", {"gần", "như"}: "",
}

// planWords after a percent make it a percent of plan ("đạt 104,5% kế
// hoạch", "hoàn thành 100% chỉ tiêu").
var planPairs = pairSet("kế hoạch", "chỉ tiêu", "dự toán", "mục tiêu", "nghị quyết", "nhiệm vụ")
var planSingles = set("kh", "kh.")

// breakdown markers open a list of parts of the figure before them.
var markerPairs = pairSet("trong đó", "bao gồm", "gồm có", "cụ thể", "chia ra", "chia theo")
var markerSingles = set("gồm")

// unit classes keep the parts of a total of one sort: a list of people does
// not take in the classes they sat in ("02 lớp … với 121 học viên").
const (
	classNone = iota
	classPerson
	classOrg
	classPlace
	classEvent
	classDoc
	classHouse
)

var unitClasses = map[string]int{
	"người":  classPerson,
	"trường": classOrg,
	"chi":    classOrg,
	"xã":     classPlace,
	"thôn":   classPlace,
	"bản":    classPlace,
	"huyện":  classPlace,
	"tỉnh":   classPlace,
	"làng":   classPlace,
	"ấp":     classPlace,
	"phường": classPlace,
	"xóm":    classPlace,
	"khu":    classPlace,
	"cuộc":   classEvent,
	"lớp":    classEvent,
	"buổi":   classEvent,
	"đợt":    classEvent,
	"lần":    classEvent,
	"phiên":  classEvent,
	"giải":   classEvent,
	"tin":    classDoc,
	"bài":    classDoc,
	"đơn":    classDoc,
	"hộ":     classHouse,
	"lượt":   classNone,
}

var unitClassPairs = map[pair]int{
	{"đảng", "viên"}:    classPerson,
	{"đồng", "chí"}:     classPerson,
	{"cán", "bộ"}:       classPerson,
	{"học", "viên"}:     classPerson,
	{"quần", "chúng"}:   classPerson,
	{"hội", "viên"}:     classPerson,
	{"đoàn", "viên"}:    classPerson,
	{"lao", "động"}:     classPerson,
	{"học", "sinh"}:     classPerson,
	{"sinh", "viên"}:    classPerson,
	{"công", "nhân"}:    classPerson,
	{"cá", "nhân"}:      classPerson,
	{"thành", "viên"}:   classPerson,
	{"công", "chức"}:    classPerson,
	{"viên", "chức"}:    classPerson,
	{"giáo", "viên"}:    classPerson,
	{"bí", "thư"}:       classPerson,
	{"đại", "biểu"}:     classPerson,
	{"cử", "tri"}:       classPerson,
	{"thanh", "niên"}:   classPerson,
	{"phụ", "nữ"}:       classPerson,
	{"trẻ", "em"}:       classPerson,
	{"nhân", "khẩu"}:    classPerson,
	{"cựu", "chiến"}:    classPerson,
	{"nông", "dân"}:     classPerson,
	{"chiến", "sĩ"}:     classPerson,
	{"bệnh", "nhân"}:    classPerson,
	{"tổ", "chức"}:      classOrg,
	{"chi", "bộ"}:       classOrg,
	{"đảng", "bộ"}:      classOrg,
	{"tập", "thể"}:      classOrg,
	{"cơ", "quan"}:      classOrg,
	{"đơn", "vị"}:       classOrg,
	{"doanh", "nghiệp"}: classOrg,
	{"hợp", "tác"}:      classOrg,
	{"tổ", "hợp"}:       classOrg,
	{"công", "đoàn"}:    classOrg,
	{"chi", "hội"}:      classOrg,
	{"chi", "đoàn"}:     classOrg,
	{"thị", "trấn"}:     classPlace,
	{"tổ", "dân"}:       classPlace,
	{"hội", "nghị"}:     classEvent,
	{"kỳ", "họp"}:       classEvent,
	{"hội", "thi"}:      classEvent,
	{"văn", "bản"}:      classDoc,
	{"quyết", "định"}:   classDoc,
	{"quy", "định"}:     classDoc,
	{"quy", "chế"}:      classDoc,
	{"thông", "báo"}:    classDoc,
	{"kết", "luận"}:     classDoc,
	{"chương", "trình"}: classDoc,
	{"chỉ", "thị"}:      classDoc,
	{"kế", "hoạch"}:     classDoc,
	{"báo", "cáo"}:      classDoc,
	{"tờ", "trình"}:     classDoc,
	{"công", "văn"}:     classDoc,
	{"nghị", "quyết"}:   classDoc,
	{"đề", "án"}:        classDoc,
	{"hướng", "dẫn"}:    classDoc,
	{"tác", "phẩm"}:     classDoc,
	{"hồ", "sơ"}:        classDoc,
	{"hộ", "gia"}:       classHouse,
	{"trường", "hợp"}:   classNone,
	{"đối", "tượng"}:    classNone,
}

// countNouns are nouns that follow a count; a four-digit number before one
// is a count, not a year ("1250 suất").
var countNouns = set("suất", "người", "hộ", "lượt", "đảng", "đồng", "cán", "tổ", "chi", "xã", "thôn", "bản",
	"cuộc", "hội", "lớp", "mô", "nhà", "cây", "văn", "quyết", "trường", "học", "lao", "công", "đoàn", "hội viên",
	"con", "chiếc", "tấn", "ha", "km", "m", "kg", "lần", "buổi", "đợt", "tin", "bài", "tác", "ý", "vụ", "đơn", "hồ", "dự",
	"doanh", "hợp", "cơ", "đơn vị", "cá", "tập", "thành", "ngày", "giờ", "trẻ", "em", "học viên", "hộp", "bộ", "phần", "gói",
	"căn", "phòng", "giường", "bác", "sĩ", "giáo", "sinh", "thẻ", "xuất", "sản", "triệu", "tỷ", "tỉ", "nghìn", "ngàn")
