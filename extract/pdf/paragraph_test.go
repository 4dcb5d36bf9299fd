package pdf_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/pdf"
)

// fill pads a sentence with words so that it ends exactly at the end of a
// line of n characters (the last line of its paragraph reaches the right
// margin), then adds end.
func fill(start string, n int, end string) string {
	words := strings.Fields(start)
	pad := []string{"công", "tác", "xây", "dựng", "Đảng", "và", "hệ", "thống", "chính", "trị", "cơ", "sở"}
	lineLen := func(ws []string) int {
		// length of the last line when ws is wrapped at n
		cur := 0
		for _, w := range ws {
			l := utf8.RuneCountInString(w)
			switch {
			case cur == 0:
				cur = l
			case cur+1+l > n:
				cur = l
			default:
				cur += 1 + l
			}
		}
		return cur
	}
	for i := 0; i < 200; i++ {
		with := append(append([]string(nil), words...), end)
		if ll := lineLen(with); ll >= n-1 {
			return strings.Join(with, " ")
		}
		words = append(words, pad[i%len(pad)])
	}
	return strings.Join(append(words, end), " ")
}

// TestParagraphEnds checks where a paragraph ends when its last line
// reaches the right margin and the next line is not indented: sentence
// punctuation, a capital or a list label, and the page's paragraph spacing
// decide.
func TestParagraphEnds(t *testing.T) {
	const size, left, right = 13.0, 85.0, 538.0
	n := 69 // characters on a full line: (right-left) / (charW*size)
	a := fill("Năm 2023, toàn huyện kết nạp 212 đảng viên mới, đạt 106% chỉ tiêu; xếp loại tổ chức cơ sở đảng được thực hiện đúng quy định về", n, "việc.")
	b := "Công tác kiểm tra, giám sát được tăng cường; thi hành kỷ luật 25 đảng viên."
	cases := []struct {
		name            string
		indent, paraGap float64
		paras           []string
		want            int // blocks
	}{
		{"block paragraphs with spacing", 0, 8, []string{a, b}, 2},
		{"indented paragraphs with spacing", 28, 8, []string{a, b}, 2},
		{"block paragraphs without spacing stay joined (no evidence)", 0, 0, []string{a, b}, 1},
		{"spacing but the line does not end a sentence", 0, 8, []string{strings.TrimSuffix(a, ".") + ",", b}, 1},
		{"spacing but the next line starts lower case", 0, 8, []string{a, "tiếp tục " + b}, 1},
		{"a dash item after a full line that ends a clause", 0, 0, []string{strings.TrimSuffix(a, ".") + ";", "- " + b}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &testPage{}
			y := 780.0
			// Ordinary paragraphs first, so that the page has statistics.
			y = p.flow(y, size, left, right, c.indent, 17, c.paraGap,
				"Đảng bộ huyện có 51 tổ chức cơ sở đảng với 9.582 đảng viên; công tác tư tưởng được quan tâm thực hiện thường xuyên, kịp thời nắm bắt dư luận.",
				"Các cấp ủy tổ chức học tập, quán triệt các nghị quyết của Trung ương bảo đảm nghiêm túc, đúng kế hoạch đề ra.")
			p.flowLast(y, size, left, right, c.indent, 17, c.paraGap, true, c.paras...)
			src, err := pdf.Read(context.Background(), testPDF(p), pdf.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, bl := range src.Blocks {
				if bl.Kind == block.Para {
					got = append(got, bl.Text)
				}
			}
			if len(got) != 2+c.want {
				t.Fatalf("%d paragraphs, want %d:\n%s", len(got), 2+c.want, strings.Join(got, "\n"))
			}
			if c.want == 2 && got[2] != c.paras[0] {
				t.Errorf("first paragraph\n got %q\nwant %q", got[2], c.paras[0])
			}
		})
	}
}
