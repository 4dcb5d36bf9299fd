package pdf_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/schema"
)

// headerCase is a report whose header and signature are two columns side
// by side, as Word prints them.
type headerCase struct {
	name              string
	left, right       []string // header columns, top down
	rightDrop         float64  // the right column starts this much lower
	recipients, signs []string // signature columns
}

var bodyParas = []string{
	"Năm 2021, Đảng bộ huyện lãnh đạo thực hiện các nhiệm vụ chính trị trong bối cảnh dịch bệnh diễn biến phức tạp; kết nạp 212 đảng viên mới, đạt 106% chỉ tiêu của cả năm.",
	"Trên đây là báo cáo tổng kết năm 2021; đề nghị các cấp ủy, tổ chức đảng nghiêm túc triển khai thực hiện.",
}

// render draws the report (header columns, centred title, body, two-column
// signature) and writes the same report as a Markdown export gives it.
func (c headerCase) render() (pdfData []byte, export string) {
	p := &testPage{}
	const size, left, right = 13.0, 85.0, 538.0
	lc, rc := 170.0, 400.0 // column centres
	for i, s := range c.left {
		p.center(lc, 790-16*float64(i), size, i == 1, s)
	}
	for i, s := range c.right {
		p.center(rc, 790-c.rightDrop-16*float64(i), size, i == 0, s)
	}
	title := []string{"BÁO CÁO", "tổng kết công tác xây dựng Đảng năm 2021"}
	y := 790 - 16*float64(max(len(c.left), len(c.right))) - c.rightDrop - 30
	for _, s := range title {
		p.center(297, y, 14, true, s)
		y -= 16
	}
	y = p.flow(y-20, size, left, right, 28, 17, 6, bodyParas...) - 10
	for i, s := range c.recipients {
		p.text(left, y-14*float64(i), 11, i == 0, s)
	}
	for i, s := range c.signs {
		dy := 16 * float64(i)
		if i == len(c.signs)-1 {
			dy += 60 // room for the signature
		}
		p.center(rc+20, y-dy, size, true, s)
	}
	var b strings.Builder
	b.WriteString(strings.Join(c.left, "  \n") + "\n\n")
	b.WriteString(strings.Join(c.right, "  \n") + "\n\n")
	b.WriteString("**" + strings.Join(title, "**  \n**") + "**\n\n")
	b.WriteString(strings.Join(bodyParas, "\n\n") + "\n\n")
	if len(c.recipients) > 0 {
		b.WriteString(c.recipients[0] + "\n\n" + strings.Join(c.recipients[1:], "\n") + "\n\n")
	}
	b.WriteString(strings.Join(c.signs[:len(c.signs)-1], "  \n") + "\n\n" + c.signs[len(c.signs)-1] + "\n")
	return testPDF(p), b.String()
}

func metaOf(tb testing.TB, name string, data []byte) schema.Meta {
	tb.Helper()
	doc, err := extract.Bytes(context.Background(), name, data, extract.Options{NoOCR: true})
	if err != nil {
		tb.Fatal(err)
	}
	return doc.Meta
}

// TestTwoColumnBlocks reads reports whose header and signature are two
// columns side by side: the metadata must come out as from the export.
func TestTwoColumnBlocks(t *testing.T) {
	cases := []headerCase{
		{
			name:       "party committee, date lower on the right",
			left:       []string{"ĐẢNG BỘ TỈNH HÀ GIANG", "HUYỆN ỦY THẠCH BÀN", "*", "Số 214-BC/HU"},
			right:      []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "Thạch Bàn, ngày 24 tháng 12 năm 2021"},
			rightDrop:  8,
			recipients: []string{"Nơi nhận:", "- Ban Tổ chức Tỉnh ủy,", "- Lưu Văn phòng Huyện ủy."},
			signs:      []string{"T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Vi Đức Thành"},
		},
		{
			name:       "people's committee, motto and date on the right",
			left:       []string{"ỦY BAN NHÂN DÂN", "HUYỆN THẠCH BÀN", "Số: 412/BC-UBND"},
			right:      []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Thạch Bàn, ngày 08 tháng 12 năm 2023"},
			recipients: []string{"Nơi nhận:", "- Thường trực Huyện ủy,", "- Lưu: VT."},
			signs:      []string{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lương Văn Hưng"},
		},
		{
			name:  "signature without recipients",
			left:  []string{"HUYỆN ỦY THẠCH BÀN", "*", "Số 376-BC/HU"},
			right: []string{"ĐẢNG CỘNG SẢN VIỆT NAM", "Thạch Bàn, ngày 22 tháng 12 năm 2023"},
			signs: []string{"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Hà Thị Lan"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, export := c.render()
			got := metaOf(t, "header.pdf", data)
			want := metaOf(t, "header.md", []byte(export))
			if want.Issuer == "" || want.Date == "" || want.Signer == "" {
				t.Fatalf("the export itself gives incomplete metadata: %+v", want)
			}
			if got != want {
				t.Errorf("metadata differ:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestFixtureMetadata checks that every PDF of the corpus gives the
// metadata of its export.
func TestFixtureMetadata(t *testing.T) {
	type pair struct{ pdf, export string }
	var pairs []pair
	paths, _ := filepath.Glob(sample.RepoFile("testdata/corpus/formats") + "/*.pdf")
	for _, p := range paths {
		if strings.HasSuffix(p, ".scan.pdf") {
			continue // a scan needs OCR
		}
		n := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(p), ".pdf"), ".chromium")
		pairs = append(pairs, pair{p, sample.RepoFile("corpus/sample/" + n + ".export.md")})
	}
	if p, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.pdf"); ok {
		e, _ := sample.SharedFile("fixtures/seed/vinhbao-2024.export.md")
		pairs = append(pairs, pair{p, e})
	} else {
		t.Log("../shared not found: seed report unavailable")
	}
	if len(pairs) == 0 {
		t.Fatal("no PDF fixtures found")
	}
	for _, p := range pairs {
		t.Run(filepath.Base(p.pdf), func(t *testing.T) {
			pdfData, err := os.ReadFile(p.pdf)
			if err != nil {
				t.Fatal(err)
			}
			exp, err := os.ReadFile(p.export)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := metaOf(t, filepath.Base(p.pdf), pdfData), metaOf(t, filepath.Base(p.export), exp); got != want {
				t.Errorf("metadata differ:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}
