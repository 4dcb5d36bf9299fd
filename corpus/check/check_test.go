package check

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/schema"
)

const (
	cnt = schema.KindCount
	pct = schema.KindPercent
	mny = schema.KindMoney
)

// want is one expected finding: its rule, severity and a piece of its
// arithmetic (empty: not checked).
type want struct {
	rule, severity, arithmetic string
}

type checkCase struct {
	name    string
	doc     func(tb testing.TB) *schema.Document
	earlier func(tb testing.TB) []*schema.Document
	want    []want
}

func runCases(t *testing.T, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var earlier []*schema.Document
			if tc.earlier != nil {
				earlier = tc.earlier(t)
			}
			got := Document(tc.doc(t), earlier, Options{})
			if len(got) != len(tc.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(tc.want), dump(got))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Rule != w.rule || g.Severity != w.severity || !strings.Contains(g.Arithmetic, w.arithmetic) {
					t.Errorf("finding %d = %s %s %q, want %s %s %q\n%s", i, g.Rule, g.Severity, g.Arithmetic, w.rule, w.severity, w.arithmetic, dump(got))
				}
				if g.Message == "" || g.Quote == "" {
					t.Errorf("finding %d has no message or quote: %+v", i, g)
				}
			}
		})
	}
}

func dump(fs []schema.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.Rule + " " + f.Severity + ": " + f.Message + " | " + f.Quote + "\n")
	}
	return b.String()
}

func TestSums(t *testing.T) {
	runCases(t, []checkCase{
		{
			name: "complete list short of its total",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					note(2, "", "đã xem xét 96 lượt cán bộ, gồm: điều động 31 lượt; bổ nhiệm 42 lượt; giới thiệu ứng cử 21 lượt.").
					fig(tb, "t", "n2", "96", 96, cnt, unit("lượt")).
					fig(tb, "a", "n2", "31", 31, cnt, unit("lượt"), parent("t")).
					fig(tb, "b", "n2", "42", 42, cnt, unit("lượt"), parent("t")).
					fig(tb, "c", "n2", "21", 21, cnt, unit("lượt"), parent("t")).build()
			},
			want: []want{{RuleSum, schema.SeverityError, "31 + 42 + 21 = 94, not 96"}},
		},
		{
			name: "complete list that adds up",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "thi hành kỷ luật 31 đảng viên (khiển trách 20, cảnh cáo 07, cách chức 01, khai trừ 03)").
					fig(tb, "t", "p1", "31", 31, cnt).
					fig(tb, "a", "p1", "20", 20, cnt, parent("t")).
					fig(tb, "b", "p1", "07", 7, cnt, parent("t")).
					fig(tb, "c", "p1", "01", 1, cnt, parent("t")).
					fig(tb, "d", "p1", "03", 3, cnt, parent("t")).build()
			},
		},
		{
			name: "partial by flag falls short",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "nâng tổng số lên 183 mô hình, có 97 mô hình nông thôn mới, 61 mô hình bảo vệ rừng").
					fig(tb, "t", "p1", "183", 183, cnt).
					fig(tb, "a", "p1", "97", 97, cnt, parent("t"), partial()).
					fig(tb, "b", "p1", "61", 61, cnt, parent("t"), partial()).build()
			},
		},
		{
			name: "partial by trong đó without flag",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "Thu ngân sách 612,4 tỷ đồng, trong đó: thu tiền sử dụng đất 148,6 tỷ đồng; lệ phí 38,7 tỷ đồng").
					fig(tb, "t", "p1", "612,4", 612.4, mny, norm(612.4e9), unit("đồng")).
					fig(tb, "a", "p1", "148,6", 148.6, mny, norm(148.6e9), unit("đồng"), parent("t")).
					fig(tb, "b", "p1", "38,7", 38.7, mny, norm(38.7e9), unit("đồng"), parent("t")).build()
			},
		},
		{
			name: "list ending in an ellipsis",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "ban hành 1.146 văn bản (128 quyết định; 331 công văn...)").
					fig(tb, "t", "p1", "1.146", 1146, cnt).
					fig(tb, "a", "p1", "128", 128, cnt, parent("t")).
					fig(tb, "b", "p1", "331", 331, cnt, parent("t")).build()
			},
		},
		{
			name: "partial list over its total",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "kết nạp 50 đảng viên, trong đó: 30 đảng viên nữ, 25 đoàn viên").
					fig(tb, "t", "p1", "50", 50, cnt).
					fig(tb, "a", "p1", "30", 30, cnt, parent("t"), partial()).
					fig(tb, "b", "p1", "25", 25, cnt, parent("t"), partial()).build()
			},
			want: []want{{RuleSum, schema.SeverityWarning, "30 + 25 = 55, not 50"}},
		},
		{
			name: "nested breakdown read flat",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "tổ chức 47 cuộc, gồm: cấp huyện 12 cuộc (02 định kỳ, 04 chuyên đề, 06 đột xuất), cấp xã 35 cuộc").
					fig(tb, "t", "p1", "47", 47, cnt).
					fig(tb, "h", "p1", "12", 12, cnt, parent("t")).
					fig(tb, "a", "p1", "02", 2, cnt, parent("t")).
					fig(tb, "b", "p1", "04", 4, cnt, parent("t")).
					fig(tb, "c", "p1", "06", 6, cnt, parent("t")).
					fig(tb, "x", "p1", "35", 35, cnt, parent("t")).build()
			},
		},
		{
			name: "nested breakdown with its own error",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "tổ chức 47 cuộc, gồm: cấp huyện 12 cuộc (02 định kỳ, 04 chuyên đề, 05 đột xuất), cấp xã 35 cuộc").
					fig(tb, "t", "p1", "47", 47, cnt).
					fig(tb, "h", "p1", "12", 12, cnt, parent("t")).
					fig(tb, "a", "p1", "02", 2, cnt, parent("h")).
					fig(tb, "b", "p1", "04", 4, cnt, parent("h")).
					fig(tb, "c", "p1", "05", 5, cnt, parent("h")).
					fig(tb, "x", "p1", "35", 35, cnt, parent("t")).build()
			},
			want: []want{{RuleSum, schema.SeverityError, "2 + 4 + 5 = 11, not 12"}},
		},
		{
			name: "two breakdowns of one total",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "có 164 mô hình: cấp huyện 18, cấp xã 146; có 71 kinh tế, 52 văn hóa, 23 quốc phòng, 18 chính trị").
					fig(tb, "t", "p1", "164", 164, cnt).
					fig(tb, "a", "p1", "18", 18, cnt, parent("t")).
					fig(tb, "b", "p1", "146", 146, cnt, parent("t")).
					fig(tb, "c", "p1", "71", 71, cnt, parent("t")).
					fig(tb, "d", "p1", "52", 52, cnt, parent("t")).
					fig(tb, "e", "p1", "23", 23, cnt, parent("t")).
					fig(tb, "f", "p1", "18", 18, cnt, parent("t")).build()
			},
		},
		{
			name: "classes counted beside the people in them",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "bồi dưỡng 250 lượt, gồm: 02 lớp cho 118 học viên; 04 lớp cho 132 đảng viên").
					fig(tb, "t", "p1", "250", 250, cnt, unit("lượt")).
					fig(tb, "a", "p1", "02", 2, cnt, unit("lớp"), parent("t")).
					fig(tb, "b", "p1", "118", 118, cnt, unit("học viên"), parent("t")).
					fig(tb, "c", "p1", "04", 4, cnt, unit("lớp"), parent("t")).
					fig(tb, "d", "p1", "132", 132, cnt, unit("đảng viên"), parent("t")).build()
			},
		},
		{
			name: "rates inside a breakdown are not parts",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					para("p1", "55 nhà: xây mới 36 nhà, mức 65 triệu đồng/nhà, sửa chữa 19 nhà, mức 40 triệu đồng/nhà").
					fig(tb, "t", "p1", "55", 55, cnt, unit("nhà")).
					fig(tb, "a", "p1", "36", 36, cnt, unit("nhà"), parent("t")).
					fig(tb, "r1", "p1", "65", 65, mny, norm(65e6), unit("triệu đồng/nhà"), parent("t")).
					fig(tb, "b", "p1", "19", 19, cnt, unit("nhà"), parent("t")).
					fig(tb, "r2", "p1", "40", 40, mny, norm(40e6), unit("triệu đồng/nhà"), parent("t")).build()
			},
		},
		{
			name: "rounded money parts within rounding",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					para("p1", "tổng 10,0 tỷ đồng, gồm 3,33 tỷ đồng; 3,33 tỷ đồng; 3,33 tỷ đồng").
					fig(tb, "t", "p1", "10,0", 10, mny, norm(10e9)).
					fig(tb, "a", "p1", "3,33", 3.33, mny, norm(3.33e9), parent("t")).
					fig(tb, "b", "p1", "3,33", 3.33, mny, norm(3.33e9), parent("t")).
					fig(tb, "c", "p1", "3,33", 3.33, mny, norm(3.33e9), parent("t")).build()
			},
		},
		{
			name: "money parts off beyond rounding",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					para("p1", "tổng 8.426,5 tỷ đồng: 2.218,4 tỷ đồng; 3.364,7 tỷ đồng; 2.843,9 tỷ đồng").
					fig(tb, "t", "p1", "8.426,5", 8426.5, mny, norm(8426.5e9)).
					fig(tb, "a", "p1", "2.218,4", 2218.4, mny, norm(2218.4e9), parent("t")).
					fig(tb, "b", "p1", "3.364,7", 3364.7, mny, norm(3364.7e9), parent("t")).
					fig(tb, "c", "p1", "2.843,9", 2843.9, mny, norm(2843.9e9), parent("t")).build()
			},
			want: []want{{RuleSum, schema.SeverityError, "2.218,4 + 3.364,7 + 2.843,9 = 8.427, not 8.426,5"}},
		},
		{
			name: "approximate total is not added up",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					para("p1", "gần 70 tỷ đồng, gồm 30 tỷ đồng và 20 tỷ đồng").
					fig(tb, "t", "p1", "70", 70, mny, norm(70e9), bound(schema.BoundAbout)).
					fig(tb, "a", "p1", "30", 30, mny, norm(30e9), parent("t")).
					fig(tb, "b", "p1", "20", 20, mny, norm(20e9), parent("t")).build()
			},
		},
	})
}

func TestShares(t *testing.T) {
	runCases(t, []checkCase{
		{
			name: "share that is not its ratio",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					note(1, "", "07/38 tổ chức xuất sắc, bằng 18,4%; 28/38 tổ chức tốt, bằng 76,3%; 03/38 tổ chức, bằng 7,9%").
					fig(tb, "r1", "n1", "07/38", 0, "", ratio(7, 38), unit("tổ chức")).
					fig(tb, "s1", "n1", "18,4%", 18.4, pct, role(schema.RoleShare), refers("r1")).
					fig(tb, "r2", "n1", "28/38", 0, "", ratio(28, 38), unit("tổ chức")).
					fig(tb, "s2", "n1", "76,3%", 76.3, pct, role(schema.RoleShare), refers("r2")).
					fig(tb, "r3", "n1", "03/38", 0, "", ratio(3, 38), unit("tổ chức")).
					fig(tb, "s3", "n1", "7,9%", 7.9, pct, role(schema.RoleShare), refers("r3")).build()
			},
			// The shares add up to 102,6%, but the wrong share explains it.
			want: []want{{RulePercent, schema.SeverityError, "28/38 = 73,68%, not 76,3%"}},
		},
		{
			name: "share of a part of a total",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2021).
					para("p1", "có 5.896 đảng viên, trong đó 812 xuất sắc, bằng 13,8%; 4.903 tốt, bằng 83,2%").
					fig(tb, "t", "p1", "5.896", 5896, cnt).
					fig(tb, "a", "p1", "812", 812, cnt, parent("t"), partial()).
					fig(tb, "sa", "p1", "13,8%", 13.8, pct, role(schema.RoleShare), refers("a")).
					fig(tb, "b", "p1", "4.903", 4903, cnt, parent("t"), partial()).
					fig(tb, "sb", "p1", "83,2%", 83.2, pct, role(schema.RoleShare), refers("b")).build()
			},
		},
		{
			name: "percent of plan from an actual over target ratio",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2024).
					para("p1", "Kết nạp 260/251 đảng viên mới, đạt 103,6% chỉ tiêu; 1.118/1.100 đoàn viên, đạt 101,6% kế hoạch").
					fig(tb, "r", "p1", "260/251", 0, "", ratio(260, 251)).
					fig(tb, "pp", "p1", "103,6%", 103.6, pct, role(schema.RolePlanPercent), refers("r")).
					fig(tb, "r2", "p1", "1.118/1.100", 0, "", ratio(1118, 1100)).
					fig(tb, "pp2", "p1", "101,6%", 101.6, pct, role(schema.RolePlanPercent), refers("r2")).build()
			},
		},
		{
			name: "truncated percent",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2024).
					para("p1", "có 37/39 tổ chức, bằng 94,8%").
					fig(tb, "r", "p1", "37/39", 0, "", ratio(37, 39)).
					fig(tb, "s", "p1", "94,8%", 94.8, pct, role(schema.RoleShare), refers("r")).build()
			},
			want: []want{{RulePercent, schema.SeverityWarning, "37/39 = 94,87%, not 94,8%"}},
		},
		{
			name: "shares of one population over 100",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2024).
					para("p1", "5/10 xã loại A, bằng 50%; 4/10 xã loại B, bằng 40%; 2/10 xã loại C, bằng 20%").
					fig(tb, "r1", "p1", "5/10", 0, "", ratio(5, 10), unit("xã")).
					fig(tb, "s1", "p1", "50%", 50, pct, role(schema.RoleShare), refers("r1")).
					fig(tb, "r2", "p1", "4/10", 0, "", ratio(4, 10), unit("xã")).
					fig(tb, "s2", "p1", "40%", 40, pct, role(schema.RoleShare), refers("r2")).
					fig(tb, "r3", "p1", "2/10", 0, "", ratio(2, 10), unit("xã")).
					fig(tb, "s3", "p1", "20%", 20, pct, role(schema.RoleShare), refers("r3")).build()
			},
			want: []want{{RuleShareOver100, schema.SeverityError, "50% + 40% + 20% = 110%"}},
		},
		{
			name: "shares under 100 where the text says there are no others",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2024).
					para("p1", "có 90 xã loại A, bằng 50%; 40 xã loại B, bằng 22,2%; không có xã loại C").
					fig(tb, "t", "p1", "90", 180, cnt).
					fig(tb, "s1", "p1", "50%", 50, pct, role(schema.RoleShare)).
					fig(tb, "b", "p1", "40", 40, cnt).
					fig(tb, "s2", "p1", "22,2%", 22.2, pct, role(schema.RoleShare)).build()
			},
		},
		{
			name: "one population with two sizes",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2022).
					note(1, "", "24/118 tập thể xuất sắc, bằng 20,3%; 91/121 tập thể tốt, bằng 75,2%; 03/118 tập thể, bằng 2,5%").
					fig(tb, "r1", "n1", "24/118", 0, "", ratio(24, 118), unit("tập thể")).
					fig(tb, "s1", "n1", "20,3%", 20.3, pct, role(schema.RoleShare), refers("r1")).
					fig(tb, "r2", "n1", "91/121", 0, "", ratio(91, 121), unit("tập thể")).
					fig(tb, "s2", "n1", "75,2%", 75.2, pct, role(schema.RoleShare), refers("r2")).
					fig(tb, "r3", "n1", "03/118", 0, "", ratio(3, 118), unit("tập thể")).
					fig(tb, "s3", "n1", "2,5%", 2.5, pct, role(schema.RoleShare), refers("r3")).build()
			},
			want: []want{{RuleDenominator, schema.SeverityError, "24 + 91 + 3 = 118"}},
		},
		{
			name: "three populations with one unit",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					note(3, "", "Trường mầm non 19/24 trường; trường tiểu học 17/21 trường; trung học cơ sở 18/22 trường").
					fig(tb, "a", "n3", "19/24", 0, "", ratio(19, 24), unit("trường")).
					fig(tb, "b", "n3", "17/21", 0, "", ratio(17, 21), unit("trường")).
					fig(tb, "c", "n3", "18/22", 0, "", ratio(18, 22), unit("trường")).build()
			},
		},
		{
			name: "two sizes without parts that settle it",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					para("p1", "10/50 xã loại A; 12/50 xã loại B; 07/52 xã loại C").
					fig(tb, "a", "p1", "10/50", 0, "", ratio(10, 50), unit("xã")).
					fig(tb, "b", "p1", "12/50", 0, "", ratio(12, 50), unit("xã")).
					fig(tb, "c", "p1", "07/52", 0, "", ratio(7, 52), unit("xã")).build()
			},
			want: []want{{RuleDenominator, schema.SeverityWarning, "7/52"}},
		},
	})
}

func TestNumberingAndFootnotes(t *testing.T) {
	runCases(t, []checkCase{
		{
			name: "a roman number used twice",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					section("Phần thứ nhất", "KẾT QUẢ", 1).
					section("I", "TÌNH HÌNH CHUNG", 2).
					section("II", "KẾT QUẢ ĐẠT ĐƯỢC", 2).
					section("1", "Chính trị", 3).
					section("2", "Kinh tế", 3).
					section("II", "HẠN CHẾ", 2).
					section("Phần thứ hai", "NHIỆM VỤ", 1).
					section("I", "CHỈ TIÊU", 2).
					section("II", "GIẢI PHÁP", 2).
					section("a", "x", 4).section("b", "y", 4).section("c", "z", 4).section("d", "w", 4).section("đ", "v", 4).build()
			},
			want: []want{{RuleNumbering, schema.SeverityError, ""}},
		},
		{
			name: "a skipped number",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).section("1", "a", 3).section("2", "b", 3).section("4", "c", 3).build()
			},
			want: []want{{RuleNumbering, schema.SeverityWarning, ""}},
		},
		{
			name: "marker without body and body without marker",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2022).
					para("p1", "Công tác kiểm tra được thực hiện. Giải quyết đơn thư đúng thời hạn", 5, 6).
					note(5, "p1", "Năm 2022 kiểm tra 12 tổ chức.").
					orphan(7, "", "Đối thoại 52 cuộc.").build()
			},
			want: []want{
				{RuleFootnoteMissing, schema.SeverityError, ""},
				{RuleFootnoteUnreferenced, schema.SeverityError, ""},
			},
		},
	})
}

func TestReferences(t *testing.T) {
	runCases(t, []checkCase{
		{
			name: "one resolution with two dates in one year",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2022).
					ref("07-NQ/HU", "Nghị quyết", "2022-03-18").
					ref("07-NQ/HU", "Nghị quyết", "").
					ref("07-NQ/HU", "Nghị quyết", "2022-05-18").
					ref("21-NQ/TU", "Nghị quyết", "2020-08-24").
					ref("21-NQ/TW", "Nghị quyết", "2022-06-16").build()
			},
			want: []want{{RuleReference, schema.SeverityError, ""}},
		},
		{
			name: "same number in two terms",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2022).ref("05-NQ/HU", "Nghị quyết", "2016-03-01").ref("05-NQ/HU", "Nghị quyết", "2021-04-02").build()
			},
			want: []want{{RuleReference, schema.SeverityWarning, ""}},
		},
		{
			name: "two types",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2022).ref("154-KH/HU", "Kế hoạch", "").ref("154-KH/HU", "Quyết định", "").build()
			},
			want: []want{{RuleReference, schema.SeverityError, ""}},
		},
	})
}

func TestValues(t *testing.T) {
	runCases(t, []checkCase{
		{
			name: "body total and footnote disagree",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					para("p1", "Mặt trận trao tặng 4.860 suất quà Tết (500.000 đồng/suất)", 9).
					para("p2", "Trao 120 suất quà cho thương binh; hỗ trợ 14 nhà, kinh phí 840 triệu đồng; khai giảng năm học mới", 11).
					note(11, "p2", "6 tháng đầu năm hỗ trợ 07 nhà, kinh phí 420 triệu đồng; trao tặng 104 suất quà").
					fig(tb, "q", "p2", "120", 120, cnt, unit("suất"), metric("suất quà")).
					fig(tb, "h", "p2", "14", 14, cnt, unit("nhà"), metric("hỗ trợ nhà")).
					fig(tb, "k", "p2", "840", 840, mny, norm(840e6), metric("kinh phí")).
					fig(tb, "h2", "n11", "07", 7, cnt, unit("nhà"), metric("hỗ trợ nhà")).
					fig(tb, "k2", "n11", "420", 420, mny, norm(420e6), metric("kinh phí")).
					fig(tb, "q2", "n11", "104", 104, cnt, unit("suất"), metric("suất quà")).
					note(9, "p1", "Mặt trận trao tặng tổng số 4.680 suất quà Tết, trị giá 2,43 tỷ đồng").
					fig(tb, "b", "p1", "4.860", 4860, cnt, unit("suất"), metric("suất quà Tết")).
					fig(tb, "r", "p1", "500.000", 500000, mny, unit("đồng/suất")).
					fig(tb, "n", "n9", "4.680", 4680, cnt, unit("suất"), metric("suất quà Tết")).
					fig(tb, "m", "n9", "2,43", 2.43, mny, norm(2.43e9), unit("đồng"), metric("trị giá quà Tết")).build()
			},
			want: []want{{RuleTotal, schema.SeverityError, "4.860 in the body, 4.680 in footnote 9"}},
		},
		{
			name: "body and footnote agree in different units",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					para("p1", "sửa chữa 55 nhà, tổng kinh phí 3,1 tỷ đồng; tổ chức 52 cuộc đối thoại", 10).
					note(10, "p1", "tổng cộng 55 nhà, kinh phí 3.100 triệu đồng; 52 cuộc đối thoại; cấp huyện 14 cuộc").
					fig(tb, "a", "p1", "55", 55, cnt, unit("nhà"), metric("nhà Đại đoàn kết")).
					fig(tb, "b", "p1", "3,1", 3.1, mny, norm(3.1e9), unit("đồng"), metric("kinh phí nhà")).
					fig(tb, "c", "p1", "52", 52, cnt, unit("cuộc"), metric("cuộc đối thoại")).
					fig(tb, "x", "n10", "55", 55, cnt, unit("nhà"), metric("nhà Đại đoàn kết")).
					fig(tb, "y", "n10", "3.100", 3100, mny, norm(3.1e9), unit("đồng"), metric("kinh phí nhà")).
					fig(tb, "z", "n10", "52", 52, cnt, unit("cuộc"), metric("cuộc đối thoại")).
					fig(tb, "w", "n10", "14", 14, cnt, unit("cuộc"), metric("cuộc đối thoại cấp huyện"), parent("z")).build()
			},
		},
		{
			name: "one metric with two values in the body",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2023).
					para("p1", "hỗ trợ xây dựng 55 nhà Đại đoàn kết.").
					para("p2", "Kết quả: hỗ trợ xây dựng 53 nhà Đại đoàn kết.").
					fig(tb, "a", "p1", "55", 55, cnt, unit("nhà"), metric("hỗ trợ xây dựng nhà Đại đoàn kết")).
					fig(tb, "b", "p2", "53", 53, cnt, unit("nhà"), metric("hỗ trợ xây dựng nhà Đại đoàn kết")).build()
			},
			want: []want{{RuleValue, schema.SeverityWarning, "53 here, 55 in"}},
		},
	})
}

func TestCrossYear(t *testing.T) {
	const issuer = "Huyện ủy Thạch Bàn"
	last := func(tb testing.TB) []*schema.Document {
		return []*schema.Document{
			newDoc(issuer, 2022).
				para("p1", "Thi hành kỷ luật 26 đảng viên; xoá tên 36 đảng viên; tổng số 6.387 đảng viên; tỷ lệ hộ nghèo 8,42%").
				fig(tb, "k", "p1", "26", 26, cnt, unit("đảng viên"), metric("đảng viên bị thi hành kỷ luật")).
				fig(tb, "x", "p1", "36", 36, cnt, unit("đảng viên"), metric("đảng viên bị xoá tên")).
				fig(tb, "t", "p1", "6.387", 6387, cnt, unit("đảng viên"), metric("tổng số đảng viên")).
				fig(tb, "h", "p1", "8,42%", 8.42, pct, metric("tỷ lệ hộ nghèo")).
				para("p2", "Kết nạp từ 235 đảng viên mới trở lên; phát triển 1.100 đoàn viên; trồng 22.000 cây xanh").
				fig(tb, "g", "p2", "235", 235, cnt, unit("đảng viên"), role(schema.RoleTarget), bound(schema.BoundAtLeast), metric("kết nạp đảng viên mới")).
				fig(tb, "d", "p2", "1.100", 1100, cnt, unit("đoàn viên"), role(schema.RoleTarget), metric("phát triển đoàn viên")).
				fig(tb, "c", "p2", "22.000", 22000, cnt, unit("cây"), role(schema.RoleTarget), metric("trồng cây xanh")).build(),
			newDoc("UBND huyện Thạch Bàn", 2022).
				para("p1", "Thi hành kỷ luật 30 đảng viên").
				fig(tb, "k", "p1", "30", 30, cnt, unit("đảng viên"), metric("đảng viên bị thi hành kỷ luật")).build(),
		}
	}
	runCases(t, []checkCase{
		{
			name: "change that last year's value contradicts",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc(issuer, 2023).
					para("p1", "Thi hành kỷ luật 21 đảng viên, giảm 30% so với cùng kỳ").
					fig(tb, "k", "p1", "21", 21, cnt, unit("đảng viên"), metric("đảng viên bị thi hành kỷ luật")).
					fig(tb, "c", "p1", "30%", 30, pct, role(schema.RoleChange), down(), refers("k")).build()
			},
			earlier: last,
			want:    []want{{RuleCrossYearChange, schema.SeverityError, "(21 − 26)/26 = −19,23%, not −30%"}},
		},
		{
			name: "changes that hold, rounded",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc(issuer, 2023).
					para("p1", "xoá tên 30 đảng viên, giảm 17% so với cùng kỳ; có 6.538 đảng viên, tăng 151 đảng viên so với năm 2022; tỷ lệ hộ nghèo 6,15%, giảm 2,27 điểm phần trăm so với năm 2022").
					fig(tb, "x", "p1", "30", 30, cnt, unit("đảng viên"), metric("đảng viên bị xoá tên")).
					fig(tb, "xc", "p1", "17%", 17, pct, role(schema.RoleChange), down(), refers("x")).
					fig(tb, "t", "p1", "6.538", 6538, cnt, unit("đảng viên"), metric("tổng số đảng viên")).
					fig(tb, "tc", "p1", "151", 151, cnt, unit("đảng viên"), role(schema.RoleChange), up(), refers("t")).
					fig(tb, "h", "p1", "6,15%", 6.15, pct, metric("tỷ lệ hộ nghèo")).
					fig(tb, "hc", "p1", "2,27", 2.27, pct, unit("điểm phần trăm"), role(schema.RoleChange), down(), refers("h")).build()
			},
			earlier: last,
		},
		{
			name: "absolute change off",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc(issuer, 2023).
					para("p1", "có 6.538 đảng viên, tăng 150 đảng viên so với cùng kỳ").
					fig(tb, "t", "p1", "6.538", 6538, cnt, unit("đảng viên"), metric("tổng số đảng viên")).
					fig(tb, "tc", "p1", "150", 150, cnt, unit("đảng viên"), role(schema.RoleChange), up(), refers("t")).build()
			},
			earlier: last,
			want:    []want{{RuleCrossYearChange, schema.SeverityError, "6.538 − 6.387 = +151, not +150"}},
		},
		{
			name: "change against the start of the year is not last year's",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc(issuer, 2023).
					para("p1", "Thi hành kỷ luật 21 đảng viên, giảm 30% so với đầu năm").
					fig(tb, "k", "p1", "21", 21, cnt, unit("đảng viên"), metric("đảng viên bị thi hành kỷ luật")).
					fig(tb, "c", "p1", "30%", 30, pct, role(schema.RoleChange), down(), refers("k")).build()
			},
			earlier: last,
		},
		{
			name: "percent of plan against last year's target",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc(issuer, 2023).
					para("p1", "phát triển 241 đảng viên mới, đạt 109,5% chỉ tiêu; phát triển được 1.118/1.100 đoàn viên, đạt 101,6% kế hoạch; trồng được 24.750 cây xanh, vượt 12,5% kế hoạch").
					fig(tb, "a", "p1", "241", 241, cnt, unit("đảng viên"), metric("phát triển đảng viên mới")).
					fig(tb, "p", "p1", "109,5%", 109.5, pct, role(schema.RolePlanPercent), refers("a")).
					fig(tb, "r", "p1", "1.118/1.100", 0, "", ratio(1118, 1100), unit("đoàn viên"), metric("phát triển đoàn viên")).
					fig(tb, "rp", "p1", "101,6%", 101.6, pct, role(schema.RolePlanPercent), refers("r")).
					fig(tb, "c", "p1", "24.750", 24750, cnt, unit("cây"), metric("trồng cây xanh")).
					fig(tb, "cp", "p1", "12,5%", 12.5, pct, role(schema.RolePlanPercent), refers("c")).build()
			},
			earlier: last,
			want:    []want{{RuleCrossYearTarget, schema.SeverityError, "241/235 = 102,55%, not 109,5%"}},
		},
		{
			name: "opening count against last year's closing count",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc(issuer, 2023).
					para("p1", "tỷ lệ hộ nghèo còn 6,15% (đầu năm 8,40%); tổng số 6.538 đảng viên (6 tháng đầu năm 6.400 đảng viên)").
					fig(tb, "h", "p1", "6,15%", 6.15, pct, metric("tỷ lệ hộ nghèo")).
					fig(tb, "o", "p1", "8,40%", 8.40, pct, metric("tỷ lệ hộ nghèo")).
					fig(tb, "t", "p1", "6.538", 6538, cnt, unit("đảng viên"), metric("tổng số đảng viên")).
					fig(tb, "s", "p1", "6.400", 6400, cnt, unit("đảng viên"), metric("tổng số đảng viên")).build()
			},
			earlier: last,
			want:    []want{{RuleCrossYearChange, schema.SeverityWarning, "8,40 at the start of 2023, 8,42 at the end of 2022"}},
		},
		{
			name: "no earlier report",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc(issuer, 2023).
					para("p1", "Thi hành kỷ luật 21 đảng viên, giảm 30% so với cùng kỳ").
					fig(tb, "k", "p1", "21", 21, cnt, unit("đảng viên"), metric("đảng viên bị thi hành kỷ luật")).
					fig(tb, "c", "p1", "30%", 30, pct, role(schema.RoleChange), down(), refers("k")).build()
			},
		},
	})
}

func TestDocumentNil(t *testing.T) {
	if got := Document(nil, nil, Options{}); len(got) != 0 {
		t.Fatalf("nil document gave %d findings", len(got))
	}
}

func TestDecimals(t *testing.T) {
	for raw, want := range map[string]int{"20,4%": 1, "2,54 tỷ đồng": 2, "9.582": 0, "96": 0, "8.426,5": 1, "x": 0} {
		if got := decimals(raw); got != want {
			t.Errorf("decimals(%q) = %d, want %d", raw, got, want)
		}
	}
}

func TestSectionNumber(t *testing.T) {
	for _, tc := range []struct {
		in    string
		n     int
		style string
	}{
		{"II", 2, "roman"}, {"IV", 4, "roman"}, {"2", 2, "arabic"}, {"b", 2, "letter"}, {"đ", 5, "letter"},
		{"Phần thứ hai", 2, "part"}, {"Phần II", 2, "part"}, {"(3)", 3, "arabic"}, {"IIII", 0, ""},
	} {
		n, style, _ := sectionNumber(tc.in)
		if n != tc.n || style != tc.style {
			t.Errorf("sectionNumber(%q) = %d %s, want %d %s", tc.in, n, style, tc.n, tc.style)
		}
	}
}

func TestClosingCategory(t *testing.T) {
	runCases(t, []checkCase{
		{
			name: "trong đó list closed by the other category",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2024).
					note(8, "", "thực hiện 201 mô hình, trong đó có 111 mô hình nông thôn mới, 84 mô hình trên các lĩnh vực khác.").
					fig(tb, "t", "n8", "201", 201, cnt, unit("mô hình")).
					fig(tb, "a", "n8", "111", 111, cnt, unit("mô hình"), parent("t"), partial()).
					fig(tb, "b", "n8", "84", 84, cnt, unit("mô hình"), parent("t"), partial()).build()
			},
			want: []want{{RuleSum, schema.SeverityError, "111 + 84 = 195, not 201"}},
		},
		{
			name: "khách is not khác",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2024).
					para("p1", "đón 200 lượt, trong đó 111 lượt khách quốc tế, 50 lượt khách trong nước").
					fig(tb, "t", "p1", "200", 200, cnt).
					fig(tb, "a", "p1", "111", 111, cnt, parent("t")).
					fig(tb, "b", "p1", "50", 50, cnt, parent("t")).build()
			},
		},
		{
			name: "two ratios whose parts make one size",
			doc: func(tb testing.TB) *schema.Document {
				return newDoc("X", 2024).
					note(1, "", "30/148 tập thể xuất sắc, bằng 20,3%; 118/153 tập thể tốt, bằng 77,1%; không có tập thể xếp loại khác.").
					fig(tb, "r1", "n1", "30/148", 0, "", ratio(30, 148), unit("tập thể")).
					fig(tb, "s1", "n1", "20,3%", 20.3, pct, role(schema.RoleShare), refers("r1")).
					fig(tb, "r2", "n1", "118/153", 0, "", ratio(118, 153), unit("tập thể")).
					fig(tb, "s2", "n1", "77,1%", 77.1, pct, role(schema.RoleShare), refers("r2")).build()
			},
			want: []want{{RuleDenominator, schema.SeverityError, "30 + 118 = 148, so 118/153 should be 118/148"}},
		},
	})
}
