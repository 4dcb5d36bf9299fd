package figures

import "testing"

// TestMetricLabels: a label names the quantity in whole words, the same way
// whatever the wording of the year around it.
func TestMetricLabels(t *testing.T) {
	tests := []struct {
		name, text, raw, metric string
		plan                    bool
	}{
		{name: "verb and noun", text: "Năm 2021, toàn Đảng bộ kết nạp 212 đảng viên mới, đạt 106% chỉ tiêu.", raw: "212", metric: "kết nạp đảng viên mới"},
		{name: "auxiliary dropped", text: "Năm 2022, toàn Đảng bộ kết nạp được 230 đảng viên, đạt 104,5% kế hoạch.", raw: "230", metric: "kết nạp đảng viên"},
		{name: "two-syllable verb kept whole", text: "Năm 2023, toàn Đảng bộ phát triển 241 đảng viên mới.", raw: "241", metric: "phát triển đảng viên mới"},
		{name: "percent of plan", text: "Năm 2022, toàn Đảng bộ kết nạp được 230 đảng viên, đạt 104,5% kế hoạch.", raw: "104,5%", metric: "kết nạp đảng viên (% kế hoạch)"},
		{name: "four-syllable verb after a name", text: "Toàn Đảng bộ thi hành kỷ luật 31 đảng viên.", raw: "31", metric: "thi hành kỷ luật đảng viên"},
		{name: "subject of là", text: "Tổng số đảng viên toàn Đảng bộ là 6.387 đồng chí.", raw: "6.387", metric: "tổng số đảng viên toàn Đảng bộ"},
		{name: "existential có", text: "Đảng bộ huyện có 39 tổ chức cơ sở đảng trực thuộc.", raw: "39", metric: "tổ chức cơ sở đảng trực thuộc"},
		{name: "part label and parent noun", text: "Thi hành kỷ luật 26 đảng viên (khiển trách 17, cảnh cáo 06, khai trừ 03).", raw: "06", metric: "cảnh cáo đảng viên"},
		{name: "an organ whose name opens like the unit is no quantity", text: "Đảng bộ huyện kết nạp được 171 đảng viên mới.", raw: "171", metric: "kết nạp đảng viên mới"},
		{name: "people counted in đồng chí named before", text: "Đảng viên hoàn thành xuất sắc nhiệm vụ 120 đồng chí.", raw: "120", metric: "đảng viên hoàn thành xuất sắc nhiệm vụ"},
		{name: "who of a kind of people", text: "Trong đó, tỷ lệ trưởng thôn là đảng viên đạt 54,5%, phó thôn là đảng viên đạt 44,8%.", raw: "44,8%", metric: "phó thôn là đảng viên"},
		{name: "a share of the figure right before chiếm", text: "Đảng viên hoàn thành tốt nhiệm vụ là 40 đảng viên chiếm tỉ lệ 70,2%.", raw: "70,2%", metric: "tỷ lệ đảng viên hoàn thành tốt nhiệm vụ"},
		{name: "a title reached in quotes", text: "Có 9 chi bộ hoàn thành xuất sắc nhiệm vụ (trong đó có 2 chi bộ đạt “chi bộ trong sạch vững mạnh”).", raw: "2", metric: "chi bộ đạt “chi bộ trong sạch vững mạnh”"},
		{name: "work carried over from a year", text: "Thanh tra huyện thực hiện 9 cuộc thanh tra: 02 cuộc năm 2023 chuyển sang; 07 cuộc thanh tra theo kế hoạch.", raw: "02", metric: "cuộc năm 2023 chuyển sang"},
		{name: "work by the plan", text: "Thanh tra huyện thực hiện 9 cuộc thanh tra: 02 cuộc năm 2023 chuyển sang; 07 cuộc thanh tra theo kế hoạch.", raw: "07", metric: "cuộc thanh tra theo kế hoạch"},
		{name: "the verb goes on past a parenthesis to the next item", text: "Năm 2024, cấp ủy các cấp thi hành kỷ luật 30 tổ chức đảng (khiển trách 20, cảnh cáo 10) và 900 đảng viên (khiển trách 600, cảnh cáo 300).", raw: "900", metric: "thi hành kỷ luật đảng viên"},
		{name: "a lower-cased Ủy ban kiểm tra is no verb", text: "Ủy ban kiểm tra thi hành kỷ luật 30 tổ chức đảng.", raw: "30", metric: "thi hành kỷ luật tổ chức đảng"},
		{name: "an empty label takes the clause's topic after its adverbials", text: "Đáng chú ý, trong tháng 9, kim ngạch xuất khẩu hàng hóa tiếp tục tăng cao hơn tháng trước và đạt 120,5 triệu USD.", raw: "120,5 triệu USD", metric: "kim ngạch xuất khẩu hàng hóa"},
		{name: "what an organ did, when nothing else names the amount", text: "Mặt trận Tổ quốc xã vận động ủng hộ Quỹ phòng, chống dịch Covid-19 được 2,4 tỷ đồng.", raw: "2,4 tỷ đồng", metric: "vận động ủng hộ Quỹ phòng, chống dịch Covid-19"},
		{name: "what was realized of the amount before", text: "Tổng thu giao xã quản lý là 120.000 triệu đồng, thực hiện đạt 118.000 triệu đồng.", raw: "118.000 triệu đồng", metric: "tổng thu giao xã quản lý thực hiện"},
		{name: "two acts joined by và", text: "Ban Tiếp công dân tỉnh tiếp nhận và xử lý 180 đơn.", raw: "180", metric: "tiếp nhận và xử lý đơn"},
		{name: "a form after a number is no act joined by và", text: "Kỷ luật 20 đảng viên (với các hình thức: 17 khiển trách; 2 cảnh cáo và khai trừ 1 trường hợp).", raw: "1", metric: "khai trừ trường hợp"},
		{name: "the verb before đối với is the count's own", text: "Cấp uỷ đã đình chỉ sinh hoạt đảng đối với 6 đảng viên, xoá tên và cho rút đối với 20 đảng viên.", raw: "20", metric: "xoá tên và cho rút đảng viên"},
		{name: "với after a count and its change", text: "Các bộ, ngành đã tiếp 51.700 lượt công dân, tăng 6,8% so với cùng kỳ năm 2016 với 40.400 vụ việc.", raw: "40.400", metric: "tiếp vụ việc"},
		{name: "values in parentheses are of the stretch they close", text: "Trong 5 năm, kinh tế của huyện tăng nhanh, GRDP bình quân đầu người gấp 1,2 lần của tỉnh (72,5/60 triệu đồng).", raw: "72,5/60", metric: "GRDP bình quân đầu người"},
		{name: "a multiple of a quantity keeps its abbreviation", text: "Năm 2020, GRDP bình quân đầu người gấp 1,2 lần của tỉnh.", raw: "1,2", metric: "GRDP bình quân đầu người (lần)"},
		{name: "an amount in parentheses after a share", text: "1. Tổng vốn đầu tư toàn xã hội hàng năm khoảng 30% GRDP (năm 2020 ước đạt 1.995,8 tỷ đồng).", raw: "1.995,8 tỷ đồng", metric: "tổng vốn đầu tư toàn xã hội hàng năm"},
		{name: "a percent of plan of a subject before đều", text: "Trong 6 tháng, hầu hết các lĩnh vực thu đều đạt trên 50% dự toán.", raw: "50%", metric: "các lĩnh vực thu (% kế hoạch)"},
		{name: "a share after a change and its basis", text: "Khu vực cá thể đạt 134,7 tỷ đồng, tăng 8,5% so với cùng kỳ chiếm tỷ lệ 6%.", raw: "6%", metric: "tỷ lệ khu vực cá thể"},
		{name: "a topic of two nouns joined by và", text: "Giá trị sản xuất đạt 3.000 tỷ đồng; trong đó, khu vực doanh nghiệp và vốn nhà nước chiếm tỷ lệ cao, ước đạt 2.800 tỷ đồng.", raw: "2.800 tỷ đồng", metric: "khu vực doanh nghiệp và vốn nhà nước"},
		{name: "a contribution of the topic after the adverbials", text: "Theo Cục Thống kê tỉnh, khu vực công nghiệp - xây dựng tiếp tục tăng cao nhất, đóng góp 9,2 điểm % vào mức tăng GRDP.", raw: "9,2 điểm %", metric: "đóng góp của khu vực công nghiệp - xây dựng"},
		{name: "a bare act is of the topic the sentence opens with", text: "Đối với sản xuất vụ đông, toàn huyện gieo trồng được 1.200,5 ha, đạt 95%.", raw: "1.200,5 ha", metric: "gieo trồng vụ đông"},
		{name: "a topic with its year", text: "Về sản xuất vụ xuân 2025, toàn huyện phấn đấu gieo trồng 4.800 ha.", raw: "4.800 ha", metric: "gieo trồng vụ xuân 2025"},
		{name: "trong đó opens no label", text: "Toàn huyện gieo trồng 4.800 ha, trong đó lúa xuân 4.050 ha.", raw: "4.050 ha", metric: "lúa xuân"},
		{name: "places of two levels in one count", text: "Tỉnh là một trong 10 tỉnh, thành phố có tỷ lệ hộ nghèo giảm nhanh nhất.", raw: "10", metric: "tỉnh, thành phố có tỷ lệ hộ nghèo"},
		{name: "an amount named by the act it counts", text: "Qua thanh tra, số tiền đã thu hồi là 97,9 tỷ đồng.", raw: "97,9 tỷ đồng", metric: "số tiền đã thu hồi"},
		{name: "a share with a rating after it is of the count before", text: "Qua đánh giá, có 504 chi bộ hoàn thành tốt nhiệm vụ, đạt 90,2%, trong đó có 21,8% xếp loại hoàn thành xuất sắc nhiệm vụ.", raw: "21,8%", metric: "tỷ lệ chi bộ hoàn thành xuất sắc nhiệm vụ"},
		{name: "a condition after a noun's level applies to the list", text: "Ủy ban kiểm tra các cấp kiểm tra 464 đảng viên và 98 tổ chức đảng cấp dưới khi có dấu hiệu vi phạm.", raw: "464", metric: "kiểm tra khi có dấu hiệu vi phạm đảng viên"},
		{name: "shares in a row of ratings take the first share's people", text: "Toàn Đảng bộ có 91,3% số đảng viên được đánh giá xếp loại hoàn thành tốt nhiệm vụ trở lên; 8,1% hoàn thành nhiệm vụ và 0,6% không hoàn thành nhiệm vụ.", raw: "0,6%", metric: "tỷ lệ đảng viên không hoàn thành nhiệm vụ"},
		{name: "the act over a list of receivers", text: "Ban Thường vụ đã tặng bằng khen cho Đảng bộ Công an huyện, Đảng bộ Quân sự huyện và 12 chi bộ.", raw: "12", metric: "tặng bằng khen chi bộ"},
		{name: "a share that names its own base", text: "Đến hết năm 2023, 9/9 xã được công nhận xã NTM, 100% số xã không còn nợ đọng xây dựng cơ bản.", raw: "100%", metric: "tỷ lệ số xã không còn nợ đọng xây dựng"},
		{name: "đạt và vượt is one result", text: "Toàn huyện có 12/15 chỉ tiêu đạt và vượt so với kế hoạch.", raw: "12/15", metric: "chỉ tiêu đạt và vượt"},
		{name: "what must be done keeps its verb", text: "Số kết luận thanh tra phải thực hiện trong năm 2023 là 176 kết luận.", raw: "176", metric: "số kết luận thanh tra phải thực hiện"},
		{name: "a count given as a range keeps what is said of it", text: "Đến năm 2025, có từ 20-25 xã đạt chuẩn xã nông thôn mới nâng cao.", raw: "20-25", metric: "xã đạt chuẩn xã nông thôn mới nâng cao"},
		{name: "who received what was counted", text: "Đã xây dựng 70 căn nhà cho người có công và 35 căn nhà cho hộ nghèo.", raw: "70", metric: "xây dựng căn nhà cho người có công"},
		{name: "a number after cho counts the receivers", text: "Giải quyết việc làm cho 1.200 lao động.", raw: "1.200", metric: "giải quyết việc làm lao động"},
		{name: "the years a sum is over", text: "Tổng vốn đầu tư toàn xã hội 5 năm đạt 12.000 tỷ đồng.", raw: "12.000 tỷ đồng", metric: "tổng vốn đầu tư toàn xã hội 5 năm"},
		{name: "a quantity named before có", text: "Tổng số bò trên địa bàn có 21.300 con.", raw: "21.300", metric: "tổng số bò trên địa bàn"},
		{name: "đạt and a figure is no description", text: "Trong năm. 250 người đạt 125% kế hoạch năm.", raw: "250", metric: "người"},
		{name: "verbs joined by a comma", text: "Mặt trận hỗ trợ xây dựng, sửa chữa 48 nhà Đại đoàn kết cho hộ nghèo.", raw: "48", metric: "hỗ trợ xây dựng, sửa chữa nhà Đại đoàn kết cho hộ nghèo"},
		{name: "listed object shares the verb", text: "Đã kiểm tra 334 lượt tổ chức đảng, 181 lượt đảng viên.", raw: "181", metric: "kiểm tra đảng viên"},
		{name: "rating after the noun", text: "Có 08/39 tổ chức cơ sở đảng xếp loại “Hoàn thành xuất sắc nhiệm vụ”, bằng 20,5%.", raw: "08/39", metric: "tổ chức cơ sở đảng xếp loại “hoàn thành xuất sắc nhiệm vụ”"},
		{name: "rating after the share", text: "Toàn Đảng bộ có 37/39 tổ chức cơ sở đảng, bằng 94,9%, được xếp loại từ hoàn thành tốt nhiệm vụ trở lên.", raw: "94,9%", metric: "tỷ lệ tổ chức cơ sở đảng xếp loại từ hoàn thành tốt nhiệm vụ trở lên"},
		{name: "percent target with its noun", plan: true, text: "Phấn đấu trên 90% tổ chức cơ sở đảng được xếp loại từ hoàn thành tốt nhiệm vụ trở lên.", raw: "90%", metric: "tỷ lệ tổ chức cơ sở đảng xếp loại từ hoàn thành tốt nhiệm vụ trở lên"},
		{name: "subject of đạt", plan: true, text: "Thu ngân sách nhà nước trên địa bàn đạt 560 tỷ đồng trở lên.", raw: "560 tỷ đồng", metric: "thu ngân sách nhà nước trên địa bàn"},
		{name: "subject of ước đạt", text: "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 612,4 tỷ đồng.", raw: "612,4 tỷ đồng", metric: "tổng thu ngân sách nhà nước trên địa bàn"},
		{name: "money named before it", text: "Tổng kinh phí 2,54 tỷ đồng.", raw: "2,54 tỷ đồng", metric: "tổng kinh phí"},
		{name: "subject nouns left out", text: "Toàn huyện trồng 18.500 cây xanh các loại.", raw: "18.500", metric: "trồng cây xanh"},
		{name: "classifier keeps its noun", text: "Chính quyền các cấp tổ chức 52 cuộc đối thoại với Nhân dân.", raw: "52", metric: "tổ chức cuộc đối thoại"},
		{name: "possession after the noun", text: "Xây dựng được 123/128 chi bộ thôn, làng, tổ dân phố có cấp ủy.", raw: "123/128", metric: "xây dựng chi bộ thôn, làng, tổ dân phố có cấp ủy"},
		{name: "state after the noun", text: "Trong 28 chỉ tiêu, có 17 chỉ tiêu vượt kế hoạch và 1 chỉ tiêu đúng hướng.", raw: "1", metric: "chỉ tiêu đúng hướng"},
		{name: "level reached", text: "Toàn huyện có 38/38 trường đạt chuẩn quốc gia mức độ 1.", raw: "38/38", metric: "trường đạt chuẩn quốc gia mức độ 1"},
		{name: "topic of an inspection", text: "Đã kiểm tra 44 tổ chức đảng cấp dưới về thực hiện nhiệm vụ kiểm tra, giám sát.", raw: "44", metric: "kiểm tra tổ chức đảng cấp dưới về thực hiện nhiệm vụ kiểm tra, giám sát"},
		{name: "count of a rate", plan: true, text: "Tỷ lệ số xã đạt chuẩn nông thôn mới năm 2025 đạt 50% (8 xã).", raw: "8", metric: "số xã đạt chuẩn nông thôn mới"},
		{name: "percent of last year", text: "Thu ngân sách 6 tháng ước đạt 1.202 tỷ đồng, bằng 56,9% so với cùng kỳ năm 2019.", raw: "56,9%", metric: "thu ngân sách (% cùng kỳ)"},
		{name: "coordinated changes take their noun's figure", text: "Đã kiểm tra 3.005 tổ chức đảng và 8.982 đảng viên (tăng 18,1% tổ chức đảng và 15,7% đảng viên so với năm 2020).", raw: "15,7%", metric: "kiểm tra đảng viên"},
		{name: "a rate above another", text: "Tốc độ tăng giá trị sản xuất bình quân ước đạt 13,72%, thấp hơn 0,78% so với mục tiêu Đại hội.", raw: "0,78%", metric: "tốc độ tăng giá trị sản xuất bình quân"},
		{name: "value dated after its subject", text: "Tổng chi ngân sách địa phương thực hiện đến 26/1/2021 là 831.458 triệu đồng.", raw: "831.458 triệu đồng", metric: "tổng chi ngân sách địa phương"},
		{name: "count with a scale", text: "Đã kiểm tra gần 324 nghìn đảng viên.", raw: "324 nghìn", metric: "kiểm tra đảng viên"},
		{name: "count of two nouns", text: "Đã giám sát trên 72.800 tổ chức đảng và đảng viên.", raw: "72.800", metric: "giám sát tổ chức đảng"},
		{name: "a request is not the act", text: "Ủy ban Kiểm tra đã đề nghị Ban Chấp hành Trung ương, Bộ Chính trị thi hành kỷ luật 6 tổ chức đảng và 20 đảng viên.", raw: "20", metric: "đề nghị thi hành kỷ luật đảng viên"},
		{name: "what a verb found", text: "Qua kiểm tra đã kết luận có 1.575 tổ chức đảng và 6.695 đảng viên có vi phạm.", raw: "1.575", metric: "kết luận tổ chức đảng có vi phạm"},
		{name: "a condition after the last item holds for all", text: "Đã kiểm tra 12 tổ chức đảng và 60 đảng viên khi có dấu hiệu vi phạm.", raw: "12", metric: "kiểm tra khi có dấu hiệu vi phạm tổ chức đảng"},
		{name: "lần lượt maps values in order", text: "Tỷ lệ hộ nghèo, hộ cận nghèo lần lượt còn 2,1% và 3,4%.", raw: "3,4%", metric: "tỷ lệ hộ cận nghèo"},
		{name: "lần lượt, first item", text: "Thu ngân sách và chi ngân sách lần lượt đạt 500 tỷ đồng và 450 tỷ đồng.", raw: "450 tỷ đồng", metric: "chi ngân sách"},
		{name: "a rating after a name is read whole", text: "Năm 2022 có 10 tổ chức cơ sở Đảng hoàn thành xuất sắc nhiệm vụ.", raw: "10", metric: "tổ chức cơ sở Đảng hoàn thành xuất sắc nhiệm vụ"},
		{name: "a comma after the figure before is not a verb list", text: "Ban Thường vụ đã thành lập 4 đoàn kiểm tra, tiến hành kiểm tra 24 tổ chức đảng.", raw: "24", metric: "tiến hành kiểm tra tổ chức đảng"},
		{name: "amount in two scales", text: "Tổng thu ngân sách là 218 tỷ 477 triệu đồng.", raw: "218 tỷ 477 triệu đồng", metric: "tổng thu ngân sách"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			figs := Find(docOf(tt.plan, tt.text))
			for _, f := range figs {
				if f.Raw == tt.raw {
					if f.Metric != tt.metric {
						t.Errorf("metric of %s = %q, want %q", tt.raw, f.Metric, tt.metric)
					}
					return
				}
			}
			t.Fatalf("no figure %q in %q", tt.raw, tt.text)
		})
	}
}

// TestAbbreviations: an abbreviation the text defines is written out in
// units and labels; an undefined one, or one whose letters do not match
// the words before it, is left as written.
func TestAbbreviations(t *testing.T) {
	tests := []struct{ before, abbr, long string }{
		{"toàn Đảng bộ có 4.512 đảng viên", "ĐV", "đảng viên"},
		{"theo báo cáo của Ủy ban Kiểm tra", "UBKT", "ủy ban Kiểm tra"},
		{"Hội đồng nhân dân", "HĐND", "hội đồng nhân dân"},
		{"đảng viên mới", "ĐV", ""},
		{"đảng viên", "đv", ""},
		{"kết nạp, đảng viên", "KNĐV", ""},
	}
	for _, tt := range tests {
		if got := longForm(tt.before, tt.abbr); got != tt.long {
			t.Errorf("longForm(%q, %q) = %q, want %q", tt.before, tt.abbr, got, tt.long)
		}
	}
	figs := Find(docOf(false, "Toàn Đảng bộ có 4.512 đảng viên (ĐV); đã kết nạp được 1.083 ĐV."))
	for _, f := range figs {
		if f.Raw == "1.083" && (f.Unit != "đảng viên" || f.Metric != "kết nạp đảng viên") {
			t.Errorf("1.083 ĐV: unit %q metric %q, want đảng viên / kết nạp đảng viên", f.Unit, f.Metric)
		}
	}
}

// TestLexWordBytes: the byte-wise reading of lower-case words gives the
// words that isLetter gives, for every rune of the blocks it shortcuts.
func TestLexWordBytes(t *testing.T) {
	var lx lexer
	for r := rune(0x80); r < 0x2100; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		s := "ab" + string(r) + "cd x"
		toks := lx.lex(s)
		want := "ab"
		if isLetter(r) || r == '²' || r == '³' {
			want = "ab" + string(r) + "cd"
		}
		if len(toks) == 0 || toks[0].text != want {
			got := ""
			if len(toks) > 0 {
				got = toks[0].text
			}
			t.Errorf("U+%04X: first token %q, want %q", r, got, want)
		}
	}
}
