package figures

import (
	"fmt"
	"testing"

	"github.com/baocao/baocao/schema"
)

// expect names what a test states about one figure; empty fields are not
// checked. refers and parent name the raw of the other figure; estimate
// is "true"/"false" when checked; parent or refers "-" says there is none.
type expect struct {
	raw                               string
	metric, unit, role, dir, refers   string
	parent, compared, estimate, bound string
	period                            string // "start…end"
	subject                           string
	high                              float64
}

// TestStatementRules: the wordings of real reports (written here with
// invented numbers and places) that each rule reads. One case per rule, so
// that a change which breaks one says which.
func TestStatementRules(t *testing.T) {
	tests := []struct {
		name string
		plan bool
		text string
		next string // a second paragraph
		want expect
	}{
		// a result with its plan after a slash or in parentheses
		{name: "plan after a slash is a target of the result's label", text: "Năng suất lúa bình quân ước đạt 48,2 tạ/ha/KH 50 - 52 tạ/ha.",
			want: expect{raw: "50 - 52", role: "target", metric: "năng suất lúa bình quân", unit: "tạ/ha", high: 52, estimate: "false"}},
		{name: "the result's unit ends before /KH", text: "Năng suất lúa bình quân ước đạt 48,2 tạ/ha/KH 50 - 52 tạ/ha.",
			want: expect{raw: "48,2", role: "actual", unit: "tạ/ha", estimate: "true"}},
		{name: "planned growth in parentheses", text: "Tốc độ tăng trưởng giá trị sản xuất ước đạt 7,4% (KH tăng 7-8%).",
			want: expect{raw: "7-8%", role: "target", metric: "tốc độ tăng trưởng giá trị sản xuất", dir: "", compared: "", estimate: "false"}},
		{name: "planned level after a slash keeps its unit", text: "Tổng đàn bò đạt 9.120 con/KH 9.000-9.500 con.",
			want: expect{raw: "9.000-9.500", role: "target", metric: "tổng đàn bò", unit: "con"}},
		// breakdowns found by their sums
		{name: "a part is the total of the next sentence's first items", text: "Vụ mùa gieo trồng 9.000 ha. Trong đó, cây lương thực 5.020,5 ha, tăng 2%. Gồm: lúa 4.100,2 ha, tăng 1%; ngô 915 ha, giảm 3%; mía 1.200 ha; rau 800 ha.",
			want: expect{raw: "915 ha", parent: "5.020,5 ha"}},
		{name: "items after the sum is reached are no parts", text: "Vụ mùa gieo trồng 9.000 ha. Trong đó, cây lương thực 5.020,5 ha, tăng 2%. Gồm: lúa 4.100,2 ha, tăng 1%; ngô 915 ha, giảm 3%; mía 1.200 ha; rau 800 ha.",
			want: expect{raw: "1.200 ha", parent: "-"}},
		{name: "clauses after a semicolon are parts when they complete the sum", text: "Tổng doanh thu ước đạt 1.500 tỷ đồng, tăng 8%. Trong đó doanh thu bán lẻ ước đạt 1.300 tỷ đồng, chiếm 86,7%; dịch vụ ăn uống ước đạt 150 tỷ đồng, chiếm 10%; dịch vụ khác ước đạt 50 tỷ đồng.",
			want: expect{raw: "50 tỷ đồng", parent: "1.500 tỷ đồng"}},
		{name: "items separated by semicolons when commas carry their percents", text: "Thu nội địa đạt 900 tỷ đồng.", next: "Trong thu nội địa, thu từ doanh nghiệp nhà nước 300 tỷ đồng, đạt 25% dự toán; thu từ doanh nghiệp tư nhân 200 tỷ đồng, tăng 4%, đạt 30% dự toán; khu vực ngoài quốc doanh 150 tỷ đồng, tăng 2%...",
			want: expect{raw: "150 tỷ đồng", parent: "900 tỷ đồng"}},
		{name: "tỷ đồng bằng is money, then a percent of last year's level", text: "Tổng giá trị sản xuất ước đạt 7.020,5 tỷ đồng bằng 104,1% so với thực hiện năm 2021.",
			want: expect{raw: "104,1%", role: "plan_percent", compared: "same_period_last_year", refers: "7.020,5 tỷ đồng"}},
		{name: "a passive subject of 'có' with a bare count", text: "Tập thể được kiểm điểm tự phê bình và phê bình có 118/120, đạt 98,3%.",
			want: expect{raw: "118/120", metric: "tập thể được kiểm điểm tự phê bình và phê bình"}},
		{name: "ghi nhận ends the counted noun", text: "Có 5 địa phương ghi nhận mức tăng cao.",
			want: expect{raw: "5", unit: "địa phương"}},
		{name: "TP. before a place is no sentence end", text: "Chỉ số phát triển sản xuất công nghiệp trên địa bàn TP. Hòa Bình ước tăng 6,2%, thấp hơn so với kế hoạch đề ra (8%).",
			want: expect{raw: "6,2%", metric: "chỉ số phát triển sản xuất công nghiệp trên địa bàn TP. Hòa Bình", role: "change"}},
		{name: "a planned rate in parentheses is the plan of the rate", text: "Chỉ số phát triển sản xuất công nghiệp trên địa bàn TP. Hòa Bình ước tăng 6,2%, thấp hơn so với kế hoạch đề ra (8%).",
			want: expect{raw: "8%", role: "target", metric: "chỉ số phát triển sản xuất công nghiệp trên địa bàn TP. Hòa Bình"}},
		{name: "the basis said before bằng", text: "Tổng đàn bò trên địa bàn tỉnh có 25.100 con, so với cùng kỳ năm trước bằng 102%.",
			want: expect{raw: "102%", role: "plan_percent", compared: "same_period_last_year", refers: "25.100"}},
		{name: "how far a change went past its plan", text: "Tỷ lệ hộ nghèo giảm 2,9%, vượt mục tiêu 0,4%.",
			want: expect{raw: "0,4%", role: "change", dir: "up", compared: "plan", metric: "tỷ lệ hộ nghèo"}},
		{name: "a goal after vượt mục tiêu stays a target", text: "Kinh tế tăng trưởng 9%, vượt mục tiêu tăng trưởng 8,5%.",
			want: expect{raw: "8,5%", role: "target"}},
		{name: "a change with its own subject after a comma is of no figure before", text: "Sản xuất sắt thép giảm 11% do 2 nhà máy bị gián đoạn, sản xuất trang phục giảm 4,4%.",
			want: expect{raw: "4,4%", metric: "sản xuất trang phục", refers: "-"}},
		{name: "percentage points written 'điểm %'", text: "Khu vực dịch vụ tăng 5,1%, đóng góp 0,96 điểm % vào mức tăng GRDP.",
			want: expect{raw: "0,96 điểm %", unit: "điểm %", role: "share", metric: "đóng góp của khu vực dịch vụ"}},
		// nouns said later than their count
		{name: "a count's noun after its percent", text: "Đến hết năm 2023, 9/9 (100%) xã được công nhận đạt chuẩn nông thôn mới.",
			want: expect{raw: "9/9", unit: "xã"}},
		{name: "a count's noun after its total", text: "Năm 2023 toàn tỉnh có 562 trong tổng số 586 tổ chức cơ sở đảng được đánh giá.",
			want: expect{raw: "562", unit: "tổ chức cơ sở đảng", parent: "586"}},
		{name: "a level's part takes its total's row", text: "Tổng vốn đầu tư phát triển ước đạt 2.100 tỷ đồng, trong đó cấp tỉnh đạt hơn 1.500 tỷ đồng, tăng 9%, cấp huyện đạt 600 tỷ đồng.",
			want: expect{raw: "1.500 tỷ đồng", metric: "tổng vốn đầu tư phát triển", subject: "cấp tỉnh", parent: "2.100 tỷ đồng"}},
		{name: "its change follows", text: "Tổng vốn đầu tư phát triển ước đạt 2.100 tỷ đồng, trong đó cấp tỉnh đạt hơn 1.500 tỷ đồng, tăng 9%, cấp huyện đạt 600 tỷ đồng.",
			want: expect{raw: "9%", metric: "tổng vốn đầu tư phát triển", refers: "1.500 tỷ đồng"}},
		{name: "conclusions counted, one year's carried over", text: "Toàn ngành đã ban hành 150 kết luận thanh tra (có 12 kết luận thanh tra năm 2023 chuyển sang).",
			want: expect{raw: "12", unit: "kết luận thanh tra", metric: "kết luận thanh tra năm 2023 chuyển sang"}},
		// a list of places with their rates
		{name: "a place's rate in a list that a head names", text: "Trong năm 2024, có 3 tỉnh ghi nhận tổng sản phẩm trên địa bàn (GRDP) tăng cao gồm: Hà Nam (11,2%), Bắc Ninh (10,4%), Lào Cai (9,9%).",
			want: expect{raw: "10,4%", role: "change", dir: "up", metric: "tổng sản phẩm trên địa bàn (GRDP)", subject: "Bắc Ninh", refers: ""}},
		// organs and the kinds they count
		{name: "Ban Bí thư is an organ", text: "Trong năm, cấp ủy các cấp thi hành kỷ luật 90 tổ chức đảng, 3.100 đảng viên. Trong đó, Ban Bí thư kỷ luật cảnh cáo 3 tổ chức đảng và 12 đảng viên.",
			want: expect{raw: "12", subject: "Ban Bí thư", parent: "3.100"}},
		{name: "a part of another kind is of the total of its kind", text: "Trong năm, cấp ủy các cấp thi hành kỷ luật 90 tổ chức đảng, 3.100 đảng viên. Trong đó, Ban Bí thư kỷ luật cảnh cáo 3 tổ chức đảng và 12 đảng viên.",
			want: expect{raw: "3", parent: "90"}},
		{name: "parts of two kinds with their forms in parentheses", text: "Ủy ban kiểm tra các cấp thi hành kỷ luật 50 tổ chức đảng và 1.400 đảng viên. Trong đó, ủy ban kiểm tra cấp huyện thi hành kỷ luật 45 tổ chức đảng (khiển trách 40, cảnh cáo 5) và 1.380 đảng viên (khiển trách 1.000, cảnh cáo 380).",
			want: expect{raw: "1.380", parent: "1.400", metric: "thi hành kỷ luật đảng viên"}},
		{name: "an abbreviated organ", text: "UBKTTW đã kiểm tra, kết luận với 11 tổ chức đảng vi phạm.",
			want: expect{raw: "11", subject: "UBKTTW"}},
		{name: "an organ named by the kinds of its members", text: "Ủy ban kiểm tra các cấp kiểm tra 700 tổ chức đảng và 2.000 đảng viên.", next: "Trong đó, Ủy ban kiểm tra các địa phương, đơn vị kiểm tra 690 tổ chức đảng và 1.980 đảng viên.",
			want: expect{raw: "1.980", subject: "Ủy ban kiểm tra các địa phương, đơn vị", parent: "2.000"}},
		{name: "organs asked to act are no subject", text: "Ủy ban Kiểm tra Trung ương đề nghị Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư thi hành kỷ luật 4 tổ chức đảng.",
			want: expect{raw: "4", subject: "Ủy ban Kiểm tra Trung ương"}},
		// quarters and halves in one sentence
		{name: "a change whose subject is left out is of the quantity before", text: "Tổng sản phẩm trên địa bàn sơ bộ quý I năm 2022 tăng 4,1% so với cùng kỳ năm 2021, ước tính quý II tăng 8,2%.",
			want: expect{raw: "8,2%", metric: "tổng sản phẩm trên địa bàn", period: "2022-04-01…2022-06-30", estimate: "true"}},
		{name: "sơ bộ is no part of the label", text: "Tổng sản phẩm trên địa bàn sơ bộ quý I năm 2022 tăng 4,1% so với cùng kỳ năm 2021, ước tính quý II tăng 8,2%.",
			want: expect{raw: "4,1%", metric: "tổng sản phẩm trên địa bàn", period: "2022-01-01…2022-03-31"}},
		{name: "a value of another time said after it", text: "Tính chung 6 tháng đầu năm 2022 tổng sản phẩm tăng 6,1%, thấp hơn mức tăng 6,6% của 6 tháng đầu năm 2021.",
			want: expect{raw: "6,6%", period: "2021-01-01…2021-06-30"}},
		// a congress's term
		{name: "after a congress of a term, what its end will reach is a target", text: "Sáng 20-9, Đại hội đại biểu Đảng bộ tỉnh lần thứ X, nhiệm kỳ 2020-2025 đã thông qua nghị quyết.", next: "Theo đó, giai đoạn 2020-2025 đưa tốc độ tăng trưởng GRDP bình quân 5 năm đạt từ 6-6,5%; tỷ lệ đô thị hóa đến năm 2025 đạt 40%.",
			want: expect{raw: "40%", role: "target", period: "2025-01-01…2025-12-31"}},
		{name: "the quantity brought to a level, not the verb", text: "Sáng 20-9, Đại hội đại biểu Đảng bộ tỉnh lần thứ X, nhiệm kỳ 2020-2025 đã thông qua nghị quyết.", next: "Theo đó, giai đoạn 2020-2025 đưa tốc độ tăng trưởng GRDP bình quân 5 năm đạt từ 6-6,5%; tỷ lệ đô thị hóa đến năm 2025 đạt 40%.",
			want: expect{raw: "6-6,5%", role: "target", metric: "tốc độ tăng trưởng GRDP bình quân 5 năm", period: "2020-01-01…2025-12-31"}},
		// a result over its plan with the unit written twice
		{name: "area over plan with the unit on both sides is one ratio", text: "Diện tích gieo cấy lúa mùa được 12.410,5 ha/12.000 ha, đạt 103,4% KH.",
			want: expect{raw: "12.410,5 ha/12.000 ha", unit: "ha", metric: "diện tích gieo cấy lúa mùa"}},
		{name: "its percent of plan refers to the ratio", text: "Diện tích gieo cấy lúa mùa được 12.410,5 ha/12.000 ha, đạt 103,4% KH.",
			want: expect{raw: "103,4%", role: "plan_percent", refers: "12.410,5 ha/12.000 ha"}},
		{name: "a space before the slash", text: "Mía trồng được 1.761,1 /1.945,0 ha, đạt 90,5% KH.",
			want: expect{raw: "1.761,1 /1.945,0", unit: "ha", metric: "mía trồng"}},
		{name: "a crop said before its verb names the area", text: "Cây dong riềng trồng được 374,9/371,0 ha.",
			want: expect{raw: "374,9/371,0", unit: "ha", metric: "cây dong riềng trồng"}},
		{name: "a count written twice keeps one unit", text: "Toàn huyện có 5 xã/7 xã đạt chuẩn nông thôn mới.",
			want: expect{raw: "5 xã/7 xã", unit: "xã", metric: "xã đạt chuẩn nông thôn mới"}},
		// prizes, schools, party organizations
		{name: "prize counts", text: "Kỳ thi học sinh giỏi cấp tỉnh, học sinh của huyện đạt 5 giải Nhất, 12 giải Nhì.",
			want: expect{raw: "12", unit: "giải", metric: "giải Nhì"}},
		{name: "giải quyết stays a verb", text: "Đã giải quyết 14 đơn thư của công dân.",
			want: expect{raw: "14", unit: "đơn thư", metric: "giải quyết đơn thư"}},
		{name: "public schools count schools", text: "Toàn huyện có 51 trường công lập và 4 trường tư thục.",
			want: expect{raw: "4", unit: "trường", metric: "trường tư thục"}},
		{name: "basic party organizations whole", text: "Đảng bộ có 9.870 đảng viên ở 47 tổ chức cơ sở đảng.",
			want: expect{raw: "47", unit: "tổ chức cơ sở đảng"}},
		{name: "a unit said once at the end of a list", text: "Ban Thường vụ Huyện ủy thi hành kỷ luật 2, đảng ủy cơ sở thi hành kỷ luật 11, chi bộ thi hành kỷ luật 17 trường hợp.",
			want: expect{raw: "11", unit: "trường hợp"}},
		{name: "a semicolon ends a comma list", text: "Đã kỷ luật 12 tổ chức đảng, với hình thức: khiển trách 9, cảnh cáo 3; kỷ luật 410 đảng viên.",
			want: expect{raw: "3", unit: "tổ chức đảng", parent: "12"}},
		{name: "the counts of a rating are parts of what was rated", text: "Trong 87 chi bộ được đánh giá, xếp loại có 20 chi bộ hoàn thành xuất sắc nhiệm vụ, 61 chi bộ hoàn thành tốt nhiệm vụ và 4 chi bộ hoàn thành nhiệm vụ.",
			want: expect{raw: "61", parent: "87"}},
		{name: "the rated total ends before its parts", text: "Trong 87 chi bộ được đánh giá, xếp loại có 20 chi bộ hoàn thành xuất sắc nhiệm vụ, 61 chi bộ hoàn thành tốt nhiệm vụ và 4 chi bộ hoàn thành nhiệm vụ.",
			want: expect{raw: "87", metric: "chi bộ đánh giá, xếp loại"}},
		{name: "trong số N is a count", text: "Trong số 9 nhóm hàng chính, có 5 nhóm tăng giá.",
			want: expect{raw: "9", unit: "nhóm hàng chính"}},
		{name: "a time of day is not a figure", text: "Hội nghị bắt đầu từ 8 giờ 00 ngày hôm nay."},
		{name: "the number of a disease's name is not a figure", text: "Thực hiện tốt công tác phòng, chống dịch Covid – 19 trên địa bàn."},
		{name: "cases and comrades are parts of a count of members", text: "Các cấp ủy đã kỷ luật 40 đảng viên. Trong đó, Ban Thường vụ thi hành kỷ luật 3, đảng ủy cơ sở thi hành kỷ luật 15, chi bộ thi hành kỷ luật 22 trường hợp.",
			want: expect{raw: "15", parent: "40", unit: "trường hợp"}},
		{name: "a percent of what an organ assigned", text: "Thu ngân sách trên địa bàn đạt 61,2% so với HĐND huyện giao.",
			want: expect{raw: "61,2%", role: "plan_percent", compared: "plan"}},
		{name: "m2 read as m and 2", text: "Xây dựng 8.400 m2 nhà xưởng.",
			want: expect{raw: "8.400 m2", unit: "m2"}},
		{name: "paired changes in a parenthesis, by noun", text: "Đã giám sát 120 tổ chức đảng và 95 đảng viên (tăng 14 tổ chức đảng và 9 đảng viên so với cùng kỳ).",
			want: expect{raw: "9", role: "change", dir: "up", refers: "95"}},
		{name: "the first paired change is of its own noun", text: "Đã giám sát 120 tổ chức đảng và 95 đảng viên (tăng 14 tổ chức đảng và 9 đảng viên so với cùng kỳ).",
			want: expect{raw: "14", role: "change", refers: "120"}},
		{name: "the end of last year in a half-year report is the period's start", text: "Trong 6 tháng đầu năm 2022, dư nợ cho vay đạt 640 tỷ đồng, tăng 2,7% so với cuối năm 2021.",
			want: expect{raw: "2,7%", compared: "previous_period"}},
		{name: "the end of last year in a year report is a year before", text: "Năm 2022, dư nợ cho vay đạt 690 tỷ đồng, tăng 6,1% so với cuối năm 2021.",
			want: expect{raw: "6,1%", compared: "same_period_last_year"}},
		{name: "targets after a results sentence take the later year said before them", text: "Trên cơ sở kết quả đạt được trong năm 2022, Chi bộ đề ra các chỉ tiêu trong năm 2023 như: phấn đấu 100% đảng viên hoàn thành nhiệm vụ; 9/9 tổ đảng hoàn thành tốt nhiệm vụ.",
			want: expect{raw: "9/9", role: "target", period: "2023-01-01…2023-12-31"}},
		{name: "a term that names a body's congress is not the period of the next clause", text: "Năm 2023, Huyện ủy ban hành kế hoạch chuẩn bị nhân sự đại hội Đảng các cấp, nhiệm kỳ 2025-2030; chỉ đạo sắp xếp 12 thôn thành 5 thôn.",
			want: expect{raw: "12", period: "2023-01-01…2023-12-31"}},
		{name: "a term that opens a clause is its period", text: "Báo cáo năm 2020. Trong Đảng bộ, nhiệm kỳ 2015-2020, đã kết nạp 1.210 đảng viên.",
			want: expect{raw: "1.210", period: "2015-01-01…2020-12-31"}},
		// labels
		{name: "Số … names the count", text: "Số đảng viên hoàn thành tốt nhiệm vụ 2.045 đồng chí.",
			want: expect{raw: "2.045", metric: "số đảng viên hoàn thành tốt nhiệm vụ"}},
		{name: "a line opening on the counted noun names it", text: "Thôn đạt chuẩn văn hóa 41/45 thôn.",
			want: expect{raw: "41/45", metric: "thôn đạt chuẩn văn hóa"}},
		{name: "hàng năm before the figure is not a year", text: "Diện tích cây hàng năm 3.102,4 ha.",
			want: expect{raw: "3.102,4 ha", metric: "diện tích cây hàng năm"}},
		{name: "giảm đi is a change of the subject", text: "Tỷ lệ hộ nghèo của tỉnh đã giảm đi 12,6%.",
			want: expect{raw: "12,6%", role: "change", dir: "down", metric: "tỷ lệ hộ nghèo"}},
		{name: "percent of the whole plan", text: "Tổng vốn đầu tư công giải ngân ước đạt 88,4% tổng kế hoạch.",
			want: expect{raw: "88,4%", role: "plan_percent", compared: "plan"}},
		{name: "a colon label opening on Đ", text: "Đảng viên hoàn thành nhiệm vụ: 605 đồng chí.",
			want: expect{raw: "605", metric: "đảng viên hoàn thành nhiệm vụ"}},
		{name: "what was done is said before với", text: "Thanh tra huyện phát hiện sai phạm với tổng số tiền 3,2 tỷ đồng.",
			want: expect{raw: "3,2 tỷ đồng", metric: "phát hiện sai phạm"}},
		{name: "an adverbial before the comma is not the verb", text: "Qua thanh tra, phát hiện vi phạm về kinh tế 1,7 tỷ đồng và 3 ha đất.",
			want: expect{raw: "1,7 tỷ đồng", metric: "phát hiện vi phạm về kinh tế"}},
		{name: "the verb of the amount goes to the land after và", text: "Qua thanh tra, phát hiện vi phạm về kinh tế 1,7 tỷ đồng và 3 ha đất.",
			want: expect{raw: "3 ha", metric: "phát hiện vi phạm về đất"}},
		// shifts, visits, rates, bases
		{name: "a shift from one level to another", text: "Tỷ lệ lao động qua đào tạo tăng từ 52,1% lên 61,3%.",
			want: expect{raw: "61,3%", role: "share", metric: "tỷ lệ lao động qua đào tạo"}},
		{name: "visits keep what was visited", text: "Lãnh đạo huyện tiếp 312 lượt công dân.",
			want: expect{raw: "312", unit: "lượt công dân"}},
		{name: "a yearly average percent", text: "Giai đoạn 2016-2020, tốc độ tăng trưởng kinh tế bình quân đạt 8,1%/năm.",
			want: expect{raw: "8,1%", unit: "%", role: "change"}},
		{name: "a change written (+X%)", text: "Thu ngân sách đạt 712 tỷ đồng, tăng 41 tỷ đồng (+6,1%) so với năm trước.",
			want: expect{raw: "6,1%", role: "change", dir: "up", refers: "712 tỷ đồng"}},
		{name: "a clause opening on its basis goes on with the figure before", text: "Dư nợ cho vay đạt 1.950 tỷ đồng; so với 31/12/2021 tăng 7,2%.",
			want: expect{raw: "7,2%", role: "change", refers: "1.950 tỷ đồng", compared: "previous_period"}},
		// found on held-out set 5
		{name: "growth said with its basis is a change", text: "Năm 2022 tăng trưởng 7,15% so với năm 2021.",
			want: expect{raw: "7,15%", role: "change", dir: "up", compared: "same_period_last_year"}},
		{name: "society-wide is part of the label", text: "Năm 2023, phấn đấu tổng vốn đầu tư toàn xã hội 9.200 tỷ đồng.",
			want: expect{raw: "9.200 tỷ đồng", metric: "tổng vốn đầu tư toàn xã hội"}},
		{name: "a price basis ends the subject", text: "Tổng sản phẩm trên địa bàn (GRDP) theo giá so sánh 2010 ước đạt 41.250 tỷ đồng.",
			want: expect{raw: "41.250 tỷ đồng", metric: "tổng sản phẩm trên địa bàn (GRDP)"}},
		{name: "a share after a parenthesised breakdown is of the figure before it", text: "Năm 2021, có 40 tổ chức được xếp loại, trong đó: Hoàn thành tốt nhiệm vụ 30 (có 6 đảng bộ và 24 chi bộ), chiếm tỷ lệ 75%.",
			want: expect{raw: "75%", refers: "30"}},
		{name: "the parts of a rated count did what it did", text: "Năm 2021, có 40 tổ chức được xếp loại, trong đó: Hoàn thành tốt nhiệm vụ 30 (có 6 đảng bộ và 24 chi bộ), chiếm tỷ lệ 75%.",
			want: expect{raw: "24", metric: "chi bộ hoàn thành tốt nhiệm vụ", parent: "30"}},
		{name: "a part named only by its level is the total's metric", text: "Năm 2021, UBKT các cấp kiểm tra 150 tổ chức đảng, trong đó cấp huyện 40, cấp cơ sở 110.",
			want: expect{raw: "40", metric: "kiểm tra tổ chức đảng", unit: "tổ chức đảng", parent: "150"}},
		{name: "what befell a subject is part of it", text: "Diện tích được tưới tiêu chủ động đạt 4.100 ha.",
			want: expect{raw: "4.100 ha", metric: "diện tích được tưới tiêu chủ động"}},
		{name: "a change of a count is of the total it counts", text: "Năm 2020 đã thi hành kỷ luật 48 đảng viên, trong đó có 9 cấp ủy viên, giảm 6 đảng viên so cùng kỳ.",
			want: expect{raw: "6", refers: "48"}},
		{name: "forms of discipline in the next paragraph are parts", text: "Năm 2020 đã thi hành kỷ luật 48 đảng viên.", next: "Hình thức kỷ luật đảng viên: khiển trách 30, cảnh cáo 15, khai trừ 3.",
			want: expect{raw: "15", unit: "đảng viên", metric: "cảnh cáo đảng viên", parent: "48"}},
		{name: "a number typed against a word", text: "Giá trị sản xuất năm 2020 ước đạt12.300 tỷ đồng.",
			want: expect{raw: "12.300 tỷ đồng", metric: "giá trị sản xuất"}},
		{name: "a term named after a comma is a name", text: "Năm 2024, tổ chức 3 lớp bồi dưỡng cán bộ quy hoạch, nhiệm kỳ 2025-2030 cho 152 học viên.",
			want: expect{raw: "152", period: "2024-01-01…2024-12-31"}},
		{name: "a growth as a factor is a change", text: "Năm 2020, giá trị sản xuất công nghiệp ước đạt 9.120 tỷ đồng, tăng gấp 2,4 lần năm 2015.",
			want: expect{raw: "2,4", role: "change", dir: "up", refers: "9.120 tỷ đồng", period: "2020-01-01…2020-12-31"}},
		{name: "a level as a multiple of an earlier one", text: "Năm 2020, giá trị sản xuất công nghiệp đạt 9.120 tỷ đồng, gấp 2,4 lần năm 2015.",
			want: expect{raw: "2,4", role: "plan_percent", period: "2020-01-01…2020-12-31"}},
		{name: "a subject of two items with an abbreviation inside", text: "Năm 2020, giá trị sản xuất tiểu thủ công nghiệp (TTCN) và xây dựng ước đạt 4.300 tỷ đồng.",
			want: expect{raw: "4.300 tỷ đồng", metric: "giá trị sản xuất tiểu thủ công nghiệp (TTCN) và xây dựng"}},
		{name: "a parallel item takes the head of the one before", text: "Năm 2023, tỷ lệ hộ được thu gom rác thải khu vực đô thị đạt 97%, khu vực nông thôn đạt 81%.",
			want: expect{raw: "81%", metric: "tỷ lệ hộ được thu gom rác thải khu vực nông thôn"}},
		{name: "a sector's contribution is a share of the growth said first", text: "GRDP năm 2022 tăng 7,2% so với năm trước. Trong đó, khu vực dịch vụ tăng 6,1%, đóng góp 2,4 điểm phần trăm; khu vực công nghiệp tăng 9,3%, đóng góp 3,9 điểm phần trăm.",
			want: expect{raw: "3,9 điểm phần trăm", refers: "7,2%"}},
		{name: "a passive after 'đang'", text: "Năm 2022 có 4 xã đang được thẩm định đạt chuẩn nông thôn mới.",
			want: expect{raw: "4", metric: "xã đang được thẩm định đạt chuẩn nông thôn mới"}},
		{name: "a place that reached a count is not the row", text: "Năm 2022, thị trấn Tân Phú đã đạt 14/19 tiêu chí đô thị văn minh.",
			want: expect{raw: "14/19", metric: "tiêu chí đô thị văn minh"}},
		{name: "an average per unit names what it averages", text: "Năm 2022, bình quân mỗi xã đã đạt 16,2 tiêu chí.",
			want: expect{raw: "16,2", metric: "tiêu chí bình quân mỗi xã"}},
		{name: "values said 'tương ứng' are of the items before, in order", text: "Năm 2022, khu vực nông nghiệp chiếm 21,5%; khu vực công nghiệp 40,2%; khu vực dịch vụ 38,3% (cơ cấu tương ứng năm 2021 là: 22,9%; 39,0%; 38,1%).",
			want: expect{raw: "39,0%", metric: "khu vực công nghiệp", period: "2021-01-01…2021-12-31"}},
		{name: "a counter counts the topic of its clause", text: "Năm 2019, đối với chi bộ trực thuộc, có 88/90 tổ chức được đánh giá, xếp loại; trong đó: Hoàn thành tốt nhiệm vụ 70.",
			want: expect{raw: "88/90", metric: "chi bộ trực thuộc đánh giá, xếp loại"}},
		{name: "the parts of a counted topic count it too", text: "Năm 2019, đối với chi bộ trực thuộc, có 88/90 tổ chức được đánh giá, xếp loại; trong đó: Hoàn thành tốt nhiệm vụ 70.",
			want: expect{raw: "70", metric: "hoàn thành tốt nhiệm vụ chi bộ trực thuộc đánh giá, xếp loại"}},
		{name: "a breakdown opening on the total's name", text: "Quý I/2015, thu nội địa ước đạt 1.930 tỷ đồng.", next: "Trong thu nội địa, thu từ khu vực ngoài quốc doanh 410 tỷ đồng; thuế thu nhập cá nhân 160 tỷ đồng.",
			want: expect{raw: "410 tỷ đồng", parent: "1.930 tỷ đồng"}},
		{name: "a time after 'Trong' is not a total", text: "Năm 2015 kết nạp 120 đảng viên.", next: "Trong năm qua, kết nạp 120 đảng viên.",
			want: expect{raw: "120", parent: "-"}},
		{name: "a subject after a comparison", text: "Năm 2024 GRDP tăng 7,1%. Mức tăng này khá cao so với mức tăng GRDP cùng kỳ 2023 là 5,2%.",
			want: expect{raw: "5,2%", metric: "mức tăng GRDP"}},
		{name: "a verb right after a name is the predicate", text: "Năm 2018, các cơ quan tại Đà Nẵng tiếp 1.240 lượt công dân.",
			want: expect{raw: "1.240", metric: "tiếp công dân", unit: "lượt công dân"}},
		{name: "a count described by a change after it", text: "Năm 2022, có 5 nhóm tăng giá so với tháng trước, 4 nhóm giảm giá và 2 nhóm giữ giá ổn định.",
			want: expect{raw: "4", metric: "nhóm giảm giá"}},
		{name: "lending is one verb", text: "Năm 2022, các ngân hàng thực hiện doanh số cho vay 310 tỷ đồng.",
			want: expect{raw: "310 tỷ đồng", metric: "thực hiện doanh số cho vay"}},
		{name: "an article inside a noun phrase without a verb", text: "Năm 2022, vốn các thành phần kinh tế 1.050 tỷ đồng.",
			want: expect{raw: "1.050 tỷ đồng", metric: "thành phần kinh tế"}},
		{name: "the levels of a service are not figures", text: "Năm 2023, tỷ lệ hồ sơ dịch vụ công mức độ 3, 4 đạt 98%.",
			want: expect{raw: "98%", metric: "tỷ lệ hồ sơ dịch vụ công mức độ 3, 4"}},
		{name: "a yearly average is of what the clause before names", text: "Giai đoạn 2016-2020, thu ngân sách trên địa bàn liên tục tăng, bình quân hằng năm tăng 12%.",
			want: expect{raw: "12%", metric: "thu ngân sách trên địa bàn"}},
		{name: "a growth rate of the sector the clause before names", text: "Giai đoạn 2016-2020, Công nghiệp – Xây dựng phát triển khá, tốc độ tăng trưởng đạt 14%/năm.",
			want: expect{raw: "14%", metric: "tốc độ tăng trưởng công nghiệp – xây dựng"}},
		{name: "a rate whose clause before is its topic", text: "Tốc độ tăng giá trị sản xuất công nghiệp bình quân hằng năm, giai đoạn 2016-2020 ước đạt 11,2%.",
			want: expect{raw: "11,2%", metric: "tốc độ tăng giá trị sản xuất công nghiệp bình quân hằng năm"}},
		{name: "money recovered for the budget", text: "Năm 2019, qua thanh tra đã thu hồi về ngân sách nhà nước 2.310 triệu đồng.",
			want: expect{raw: "2.310 triệu đồng", metric: "thu hồi về ngân sách nhà nước"}},
		{name: "the noun of the figure before is not a predicate", text: "Năm 2020, Đảng bộ huyện có 9.870 đảng viên ở 52 tổ chức cơ sở đảng trực thuộc Huyện ủy.",
			want: expect{raw: "52", metric: "tổ chức cơ sở đảng trực thuộc Huyện ủy"}},
		{name: "a round-up item is about the place its source names", text: "* Theo báo cáo của UBND huyện Hòa Lạc, trong 6 tháng đầu năm 2022, tổng thu ngân sách trên địa bàn đạt 41,2 tỷ đồng.",
			want: expect{raw: "41,2 tỷ đồng", metric: "tổng thu ngân sách trên địa bàn", subject: "huyện Hòa Lạc"}},
		{name: "a part with its own breakdown", text: "Năm 2019, đã kiểm tra 420 đảng viên, trong đó có 96 cấp ủy viên các cấp, gồm: 2 tỉnh ủy viên, 30 huyện ủy viên, 64 đảng ủy viên.",
			want: expect{raw: "30", parent: "96"}},
		{name: "a plan's parts in the next sentence", plan: true, text: "Năm 2024, giao chỉ tiêu cho 18 cơ sở đảng kết nạp 150 đảng viên. Trong đó, đảng viên là học sinh từ 05 đồng chí; nguồn tuyển quân từ 12 đồng chí.",
			want: expect{raw: "12", parent: "150"}},
		{name: "'phấn đấu' after a name is not cut", text: "Năm 2024, huyện Tân Phú phấn đấu kết nạp 140 đảng viên.",
			want: expect{raw: "140", metric: "kết nạp đảng viên"}},
		{name: "'Một số chỉ tiêu chủ yếu' opens a list of targets", text: "Một số chỉ tiêu chủ yếu nhiệm kỳ 2020-2025: tốc độ tăng trưởng kinh tế bình quân đạt 9-10%/năm; 95% người dân tham gia BHYT.",
			want: expect{raw: "95%", role: "target", metric: "tỷ lệ người dân tham gia BHYT"}},
		{name: "committee members are people", text: "Năm 2018, 38 đảng viên bị kỷ luật, trong đó có 3 đảng ủy viên, 2 chi ủy viên.",
			want: expect{raw: "2", parent: "38"}},
		{name: "forms of discipline after 'Về hình thức kỷ luật:' count the total's members", text: "Năm 2018, 38 đảng viên bị kỷ luật.", next: "Về hình thức kỷ luật: Khiển trách 30 đồng chí; Cảnh cáo 8 đồng chí.",
			want: expect{raw: "8", parent: "38", metric: "cảnh cáo đảng viên", unit: "đồng chí"}},
		{name: "the tasks of the rest of the year are a plan, the text is about the months before", text: "Hội nghị đánh giá tình hình 9 tháng và triển khai nhiệm vụ trọng tâm 3 tháng cuối năm 2022.", next: "Thu ngân sách trên địa bàn đạt 610 tỷ đồng.",
			want: expect{raw: "610 tỷ đồng", period: "2022-01-01…2022-09-30"}},
		{name: "a cumulative figure after a month's is the same quantity", text: "Chỉ số sản xuất công nghiệp tháng 9 năm 2022 tăng 3,1% so cùng kỳ; tính chung 9 tháng năm 2022 tăng 2,2% so với cùng kỳ.",
			want: expect{raw: "2,2%", metric: "chỉ số sản xuất công nghiệp"}},
		{name: "a count in parentheses after a list item is the item's", text: "Năm 2019, các đảng viên bị kỷ luật do vi phạm chính sách dân số (12 đồng chí); thiếu trách nhiệm (4 đồng chí).",
			want: expect{raw: "4", metric: "thiếu trách nhiệm"}},
		{name: "parts in parentheses after a figure keep their own noun", text: "Năm 2019, huyện có 41 tổ chức cơ sở đảng trực thuộc (27 đảng bộ cơ sở, 14 chi bộ cơ sở).",
			want: expect{raw: "27", metric: "đảng bộ cơ sở", parent: "41"}},
		{name: "parts named by their kind before the number", text: "Năm 2022, toàn huyện có 11 trường đạt chuẩn quốc gia, trong đó mầm non 4 trường, tiểu học 5 trường, THCS 2 trường.",
			want: expect{raw: "2", metric: "trường THCS đạt chuẩn quốc gia", parent: "11"}},
		{name: "a parallel item of two words", text: "Năm 2022, tỷ lệ học sinh tốt nghiệp bậc tiểu học đạt 99,1%, bậc THCS đạt 97,6%.",
			want: expect{raw: "97,6%", metric: "tỷ lệ học sinh tốt nghiệp bậc THCS"}},
		{name: "a list of ratings goes on past a semicolon to 'Không hoàn thành'", text: "Năm 2018, có 90 chi bộ được xếp loại, trong đó: Hoàn thành tốt nhiệm vụ 70, chiếm 77,8%; Hoàn thành nhiệm vụ 15, chiếm 16,7%; Không hoàn thành nhiệm vụ 05, chiếm 5,5%.",
			want: expect{raw: "05", parent: "90"}},
		{name: "what befell people counted in 'đồng chí'", text: "Năm 2018, cán bộ lãnh đạo, quản lý có 210/212 đồng chí được kiểm điểm.",
			want: expect{raw: "210/212", metric: "cán bộ lãnh đạo, quản lý được kiểm điểm"}},
		{name: "work under way keeps 'đang'", text: "Năm 2018, Thanh tra tỉnh đang thực hiện 5 cuộc; kết thúc 14 cuộc.",
			want: expect{raw: "5", metric: "đang thực hiện cuộc"}},
		{name: "inspections of two kinds", text: "Năm 2018, các sở tiến hành 150 cuộc thanh tra, kiểm tra chuyên ngành.",
			want: expect{raw: "150", metric: "tiến hành cuộc thanh tra, kiểm tra chuyên ngành"}},
		{name: "items of another act are not parts of a total they exceed", text: "Năm 2018, có 300 đảng viên được kiểm tra, trong đó Ban Thường vụ kiểm tra 80, giám sát 40 đảng viên, cấp ủy cơ sở kiểm tra 220, giám sát 150 đảng viên.",
			want: expect{raw: "150", parent: "-"}},
		{name: "items of the total's act are its parts", text: "Năm 2018, có 300 đảng viên được kiểm tra, trong đó Ban Thường vụ kiểm tra 80, giám sát 40 đảng viên, cấp ủy cơ sở kiểm tra 220, giám sát 150 đảng viên.",
			want: expect{raw: "220", parent: "300"}},
		{name: "a breakdown whose sentence adds up to more is its first clause", text: "Năm 2018, các cấp uỷ đã kỷ luật 60 đảng viên. Trong đó, cấp uỷ viên các cấp có 22 đồng chí; Ban Thường vụ Tỉnh uỷ thi hành kỷ luật 2, huyện uỷ thi hành kỷ luật 9, chi bộ thi hành kỷ luật 49 trường hợp.",
			want: expect{raw: "22", parent: "60"}},
		{name: "', có N …' after a count are those among them", text: "Năm 2021, UBKT các cấp đã kiểm tra 3.100 đảng viên, có 1.250 cấp ủy viên các cấp.",
			want: expect{raw: "1.250", parent: "3.100"}},
		{name: "', có N …' of another kind is not a part", text: "Năm 2021, kết nạp 120 đảng viên, có 5 chi bộ chưa kết nạp được.",
			want: expect{raw: "5", parent: "-"}},
		{name: "the base of a rate is not a figure", text: "Năm 2023, số bác sĩ trên 1 vạn dân đạt 11 bác sĩ.",
			want: expect{raw: "11", metric: "số bác sĩ trên 1 vạn dân"}},
		{name: "a description goes on over two places of one kind", text: "Năm 2022, kết nạp 200 đảng viên, trong đó 45 đảng viên là đoàn viên thanh niên ở thôn, bản, 16 học sinh.",
			want: expect{raw: "45", metric: "đảng viên là đoàn viên thanh niên ở thôn, bản"}},
		{name: "a 'tương ứng' list after a sentence with a value of its kind", text: "Năm 2022, GRDP tăng 8,1% so với năm 2021. Về cơ cấu kinh tế: khu vực nông nghiệp chiếm 21,5%; khu vực công nghiệp 40,2%; khu vực dịch vụ 38,3% (cơ cấu tương ứng năm 2021 là: 22,9%; 39,0%; 38,1%).",
			want: expect{raw: "38,1%", metric: "khu vực dịch vụ"}},
		{name: "a percent of the schools of a list", text: "Năm 2025 phấn đấu 100% các trường mầm non đạt chuẩn.",
			want: expect{raw: "100%", metric: "tỷ lệ trường mầm non đạt chuẩn"}},
		{name: "estimates never reach a plan", plan: true, text: "Phấn đấu thu ngân sách trên địa bàn đạt 800 tỷ đồng.",
			want: expect{raw: "800 tỷ đồng", role: "target", estimate: "false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			texts := []string{tt.text}
			if tt.next != "" {
				texts = append(texts, tt.next)
			}
			figs := Find(docOf(tt.plan, texts...))
			if tt.want.raw == "" {
				if len(figs) > 0 {
					t.Errorf("%q: want no figure, got %q …", tt.text, figs[0].Raw)
				}
				return
			}
			byID := map[string]string{}
			for _, f := range figs {
				byID[f.ID] = f.Raw
			}
			for _, f := range figs {
				if f.Raw != tt.want.raw {
					continue
				}
				checkExpect(t, &f, tt.want, byID)
				return
			}
			var raws []string
			for _, f := range figs {
				raws = append(raws, f.Raw)
			}
			t.Fatalf("no figure %q in %q (got %q)", tt.want.raw, tt.text, raws)
		})
	}
}

func checkExpect(t *testing.T, f *schema.Figure, w expect, byID map[string]string) {
	t.Helper()
	check := func(field, got, want string) {
		if want != "" && got != want {
			t.Errorf("%s of %q = %q, want %q", field, f.Raw, got, want)
		}
	}
	check("metric", f.Metric, w.metric)
	check("unit", f.Unit, w.unit)
	check("role", f.Role, w.role)
	check("direction", string(f.Direction), w.dir)
	if w.refers == "-" {
		check("refers_to", byID[string(f.RefersTo)]+"-", "-") // "-": of no figure
	} else {
		check("refers_to", byID[string(f.RefersTo)], w.refers)
	}
	if w.parent == "-" {
		check("parent", byID[string(f.Parent)]+"-", "-") // "-": no parent
	} else {
		check("parent", byID[string(f.Parent)], w.parent)
	}
	check("compared_with", string(f.ComparedWith), w.compared)
	check("estimate", fmt.Sprint(f.Estimate), w.estimate)
	check("bound", string(f.Bound), w.bound)
	check("subject", f.Subject, w.subject)
	if f.Period != nil {
		check("period", f.Period.Start+"…"+f.Period.End, w.period)
	} else {
		check("period", "", w.period)
	}
	if w.high != 0 && (f.ValueHigh == nil || *f.ValueHigh != w.high) {
		t.Errorf("value_high of %q = %v, want %v", f.Raw, f.ValueHigh, w.high)
	}
	if w.role == "target" && (f.Direction != "" || f.ComparedWith != "") {
		t.Errorf("target %q has direction %q, compared_with %q: a plan is not a change", f.Raw, f.Direction, f.ComparedWith)
	}
}

// TestRoundUpItems: a news round-up lists items about one place each; the
// place an item opens with is the subject of its figures, not of the
// items of other places.
func TestRoundUpItems(t *testing.T) {
	doc := docOf(false,
		"* Trong 6 tháng đầu năm 2022, giá trị sản xuất công nghiệp huyện Sơn Hà đạt 1.240 tỷ đồng; trong đó khu vực doanh nghiệp đạt 1.100 tỷ đồng.",
		"* Theo báo cáo của UBND huyện Bình Lâm, 6 tháng đầu năm 2022, tổng thu ngân sách đạt 61,2 tỷ đồng; thu tiền sử dụng đất 12 tỷ đồng.")
	doc.Paragraphs[0].Kind = schema.ParagraphList
	doc.Paragraphs[1].Kind = schema.ParagraphList
	want := map[string]string{"1.240 tỷ đồng": "huyện Sơn Hà", "1.100 tỷ đồng": "huyện Sơn Hà", "61,2 tỷ đồng": "huyện Bình Lâm", "12 tỷ đồng": "huyện Bình Lâm"}
	figs := Find(doc)
	for _, f := range figs {
		if w, ok := want[f.Raw]; ok {
			if f.Subject != w {
				t.Errorf("subject of %q = %q, want %q", f.Raw, f.Subject, w)
			}
			delete(want, f.Raw)
		}
	}
	for raw := range want {
		t.Errorf("no figure %q", raw)
	}
}
