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
	"nên", "thì", "mà", "nhận", "kết", "đối", "tương", "ứng", "trị", "giá", "mức", "tổng", "nâng", "ghi",
	"thực", "tổ", "giải", "x", "thăm", "qua", "thành", "bảo", "tạo", "hỗ", "đảm", "hướng", "vận", "thường",
	"gắn", "bị", "nâng", "sang", "nhờ", "bởi", "vì", "tuy", "dù", "nếu",
)

// unitTail ends the counted noun phrase after its first word only: time
// phrases and a few verbs that follow the counted noun ("15 xã giai đoạn
// 2023-2025", "38 cán bộ nhiệm kỳ kế tiếp", "30 cán bộ giữ chức vụ",
// "34 cán bộ diện B2"), while "05 nhiệm vụ" keeps its noun. unitTailDated
// do so before a number only ("09 kỳ họp năm 2024", not "6 tháng đầu năm").
var (
	unitTail      = set("giai", "nhiệm", "giữ", "diện")
	unitTailDated = set("năm", "tháng", "quý")
)

// unitKeep are words that unitStop would end but that belong to the noun
// after the first word ("tổ chức", "thành viên", "đảng viên mới").
var unitKeepPairs = pairSet(
	"tổ chức", "tổ hợp", "tổ dân", "tổ phụ", "thành viên", "thành phố", "hộ gia", "trường hợp",
	"đảng viên", "thu nhập", "ý kiến", "kiến nghị", "bài dự", "nhà văn", "hội nghị", "thôn bản",
	"đối tượng", "giải thưởng", "tổ công", "tổ tự", "tổ liên", "tổ bảo", "tổ hòa", "tổ hoà",
	"đề án", "đề tài", "kết luận",
)

// labelKeepPairs are words of two syllables whose second one would end a
// label's noun phrase: the phrase keeps them whole ("tổ chức đảng cấp
// dưới"), though the unit ends before them.
var labelKeepPairs = pairSet("cấp dưới", "cấp trên", "tự quản", "nâng cao")

// unitModifiers follow the counted noun and say which ones were counted:
// the unit ends before them ("8 trường hợp bị thi hành kỷ luật", "250 đảng
// viên mới", "4 đơn giấu tên", "886 tổ chức Đảng cấp dưới"). A pair with
// an empty second word is any word after the first.
var unitModifiers = pairSet(
	"mới ", "đúng ", "đột xuất", "vi phạm", "giấu tên", "ưu tú", "cấp dưới", "tiêu biểu", "các loại", "phục vụ", "tố cáo",
	"khiếu nại", "phản ánh", "bị ", "được ", "là ", "đạt ", "có ", "phải ",
	"công lập", "tư thục", "dân lập", "ngoài ",
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
	"xấp": "about", "dưới": "below", "tới": "",
}

var qualifierPairs = map[pair]string{
	{"ít", "nhất"}: "at_least", {"tối", "thiểu"}: "at_least", {"tối", "đa"}: "at_most", {"không", "quá"}: "at_most",
	{"xấp", "xỉ"}: "about", {"gần", "như"}: "",
}

// planWords after a percent make it a percent of plan ("đạt 104,5% kế
// hoạch", "hoàn thành 100% chỉ tiêu").
var planPairs = pairSet("kế hoạch", "chỉ tiêu", "dự toán", "mục tiêu", "nghị quyết", "nhiệm vụ")
var planSingles = set("kh", "kh.")

// breakdown markers open a list of parts of the figure before them.
var markerPairs = pairSet("trong đó", "bao gồm", "gồm có", "cụ thể", "chia ra", "chia theo", "hình thức")
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
	{"thành", "phố"}:    classPlace,
	{"thị", "xã"}:       classPlace,
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

// Label vocabulary. A metric label is cut at clause boundaries and on word
// boundaries; these lists are general Vietnamese grammar and the frequent
// words of administrative reports, not the phrases of one report.

// predicateStop ends a predicate read backwards from a number: conjunctions,
// auxiliaries, prepositions and determiners that open a clause or a subject.
var predicateStop = set(
	"và", "hoặc", "nhưng", "song", "đã", "đang", "sẽ", "là", "có", "của", "với", "trong", "theo",
	"để", "nhằm", "do", "bởi", "thì", "mà", "khi", "nếu", "các", "những", "toàn", "mọi", "đều",
	"cũng", "vẫn", "này", "đó", "nên", "vì", "sau", "trước", "từ", "đến", "tới", "về", "bằng",
	"gồm", "như", "được", "cho", "tại", "ở", "đối", "trên", "dưới", "năm", "tháng", "ngày",
)

// articles before a noun make it the subject: "toàn huyện", "các cấp",
// "những đoàn thể" are who acted, not part of what was done.
var articles = set("các", "những", "toàn", "mọi")

// subjectNouns before a verb are who acted ("toàn huyện trồng", "các cấp
// tổ chức"), so a predicate read backwards stops there.
var subjectNouns = set("huyện", "xã", "tỉnh", "phường", "thôn", "cấp", "ngành", "quận")

var subjectPairs = pairSet(
	"thị trấn", "đoàn thể", "chính quyền", "cấp ủy", "cấp uỷ", "địa phương", "đơn vị", "cơ quan",
	"mặt trận", "hội đồng", "ủy ban", "uỷ ban", "huyện ủy", "huyện uỷ", "tỉnh ủy", "tỉnh uỷ",
	"đảng ủy", "đảng uỷ", "chi bộ", "đảng bộ", "thành phố", "thị xã",
)

// subjectStop ends a subject read backwards from "là", "đạt", "bằng".
var subjectStop = set(
	"và", "hoặc", "nhưng", "song", "đã", "đang", "sẽ", "thì", "mà", "cũng", "đều", "vẫn", "khi",
	"nếu", "để", "nhằm", "là", "được", "năm",
)

// nounStop ends a counted noun phrase even inside a name ("nhà Đại đoàn
// kết cho hộ nghèo").
var nounStop = set(
	"được", "đã", "là", "có", "của", "cho", "với", "và", "hoặc", "tại", "ở", "trong", "theo", "từ",
	"đến", "về", "để", "do", "bằng", "đạt", "tăng", "giảm", "vượt", "so", "trên", "dưới", "gồm",
	"các", "những", "này", "đó", "khác", "như", "nhằm", "vào", "chiếm", "không", "chưa", "đều",
	"mỗi", "một", "sau", "trước", "khi", "thì", "mà", "xếp", "năm", "đạt", "gắn", "bị", "nâng", "đúng",
)

// nounKeep are words unitStop would end that modify a counted noun in a
// label ("tổ chức cơ sở đảng trực thuộc").
var nounKeep = set("trực", "thuộc")

// verbPairs are frequent two-syllable verbs of reports; a comma between two
// of them joins one predicate ("hỗ trợ xây dựng, sửa chữa 48 nhà").
var verbPairs = pairSet(
	"xây dựng", "sửa chữa", "xóa tên", "xoá tên", "cho ra", "đào tạo", "bồi dưỡng", "điều động",
	"luân chuyển", "bổ nhiệm", "kiểm tra", "giám sát", "xem xét", "giải quyết", "tiếp nhận",
	"kết luận", "phát hiện", "báo cáo", "thu hút", "tiếp thu", "khảo sát", "thanh tra", "quản lý", "phấn đấu",
	"kê khai", "công khai", "lắng nghe", "tổng hợp", "rà soát", "sắp xếp", "kiện toàn", "đăng tải",
	"chia sẻ", "trao tặng", "thăm hỏi", "động viên", "hướng dẫn", "tuyên truyền", "vận động",
	"hỗ trợ", "khen thưởng", "biểu dương", "kết nạp", "phát triển", "thi hành", "ban hành",
	"tổ chức", "tham mưu", "thành lập", "giới thiệu", "phê duyệt", "thẩm định", "phúng viếng",
	"thông qua", "huy động", "đóng góp", "giải ngân", "đầu tư", "triển khai", "thực hiện",
	"quán triệt", "học tập", "công nhận", "tiếp xúc", "đối thoại", "hình thành", "chuyển đổi",
	"nâng cấp", "cải tạo", "duy trì", "phối hợp", "tập huấn", "xác minh", "xử lý", "khởi công",
	"hoàn thành", "nghiệm thu", "sáp nhập", "hợp nhất", "biên soạn", "chỉ đạo", "lãnh đạo",
	"ký kết", "cấp phát", "trao quà", "tặng quà", "xét xử", "thụ lý", "tiếp dân", "khám chữa",
	"tiêm chủng", "cấp mới", "làm mới", "nâng lương", "khai trừ", "khiển trách", "cảnh cáo",
	"cách chức", "đình chỉ", "thu hồi", "bảo vệ", "kỷ luật", "tiến hành", "thẩm tra", "tiếp nhận",
	"chuyển đổi", "chấp thuận", "thành lập", "gieo trồng", "giải quyết", "phân công", "chủ trì", "ghi nhận",
)

// wordPairs are two-syllable words a label must not cut in half: the verbs
// above, the counted nouns and subjects, and frequent nouns of reports.
var wordPairs = func() map[pair]bool {
	m := pairSet(
		"cơ sở", "mô hình", "văn bản", "kinh phí", "ngân sách", "nhà nước", "địa bàn", "sản lượng",
		"lương thực", "tốc độ", "tăng trưởng", "giá trị", "sản xuất", "hộ nghèo", "nhân dân",
		"người dân", "cây xanh", "dự án", "công trình", "tài sản", "thủ tục", "hành chính",
		"việc làm", "trường học", "ưu tú", "lý luận", "chính trị", "chuyên đề", "dấu hiệu",
		"vi phạm", "chính sách", "dân số", "tiêu chuẩn", "chức danh", "quy hoạch", "sinh hoạt",
		"nhiệm vụ", "xuất sắc", "diện tích", "đất đai", "giao thông", "nông thôn", "đô thị",
		"văn minh", "văn hóa", "văn hoá", "gia đình", "an ninh", "trật tự", "quốc phòng", "quân sự",
		"y tế", "giáo dục", "bảo hiểm", "xã hội", "môi trường", "tài chính", "thông tin",
		"truyền thông", "điện tử", "sức khỏe", "sức khoẻ", "định kỳ", "chỉ tiêu", "kết quả",
		"thành tích", "huy hiệu", "lực lượng", "cốt cán", "điển hình", "tiên tiến", "tuổi đảng",
		"dân tộc", "thiểu số", "vùng cao", "thanh niên", "công tác", "nghiệp vụ", "kỹ năng",
		"nhận thức", "chất lượng", "xếp loại", "đánh giá", "trực thuộc", "lý lịch", "xác nhận",
		"giấy tờ", "thu nhập", "tiền lương", "trình độ", "chuyên môn", "phần mềm", "dữ liệu",
		"học sinh", "sinh viên", "giáo viên", "bác sĩ", "bệnh viện", "trạm y", "nhà ở", "đường giao",
		"cấp huyện", "cấp xã", "cấp tỉnh", "cấp cơ", "doanh thu", "hoạt động", "lưu trú", "ăn uống", "du lịch",
		"lữ hành", "dịch vụ", "thương mại", "công nghiệp", "nông nghiệp", "lâm nghiệp", "thủy sản", "thuỷ sản",
		"xuất khẩu", "nhập khẩu", "nội địa", "vốn đầu", "bán lẻ", "hàng hóa", "hàng hoá", "tiêu dùng", "cấp dưới",
	)
	for _, src := range []map[pair]bool{verbPairs, subjectPairs, unitKeepPairs} {
		for p := range src {
			m[p] = true
		}
	}
	for p := range unitClassPairs {
		m[p] = true
	}
	return m
}()
