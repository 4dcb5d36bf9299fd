package pdf_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/baocao/baocao/extract/block"
	"github.com/baocao/baocao/extract/pdf"
)

// gridTable draws rows of cells at the given column lefts (the last entry
// is the table's right edge), with rules as style says: "grid" (every
// border), "booktabs" (above, under the header, below) or "none". It
// returns the baseline below the table.
func (p *testPage) gridTable(y, size float64, cols []float64, rows [][]string, style string) float64 {
	const pad = 4.0
	top := y + size
	x0, x1 := cols[0], cols[len(cols)-1]
	var rowTops []float64
	for _, r := range rows {
		rowTops = append(rowTops, y+size)
		for c, cell := range r {
			p.text(cols[c]+pad, y, size, false, cell)
		}
		y -= size + 2*pad
	}
	bottom := y + size
	switch style {
	case "grid":
		for _, t := range rowTops {
			p.hline(x0, x1, t)
		}
		p.hline(x0, x1, bottom)
		for _, x := range cols {
			p.vline(x, bottom, top)
		}
	case "booktabs":
		p.hline(x0, x1, top)
		p.hline(x0, x1, rowTops[1])
		p.hline(x0, x1, bottom)
	}
	return y
}

func tablesOf(t *testing.T, data []byte) [][][]string {
	t.Helper()
	src, err := pdf.Read(context.Background(), data, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out [][][]string
	for _, b := range src.Blocks {
		if b.Kind == block.Table {
			out = append(out, b.Rows)
		}
	}
	return out
}

func TestTables(t *testing.T) {
	cols := []float64{85, 120, 300, 380, 460, 538}
	rows := [][]string{
		{"TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch", "Thực hiện"},
		{"1", "Kết nạp đảng viên", "Người", "200", "212"},
		{"2", "Tổ chức cơ sở đảng", "Tổ chức", "51", "51"},
		{"3", "Tỷ lệ hộ nghèo", "%", "6,42", "6,15"},
	}
	cases := []struct {
		name  string
		style string
		rows  [][]string
		want  [][][]string
	}{
		{"full grid", "grid", rows, [][][]string{rows}},
		{"booktabs rules only", "booktabs", rows, [][][]string{rows}},
		{"no rules: left as text", "none", rows, nil},
		{"a box around one line of text is no table", "grid", [][]string{{"Ghi chú: số liệu ước tính đến ngày 30/11/2023."}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &testPage{}
			p.text(85, 790, 13, true, "Bảng 1. Kết quả thực hiện")
			tc := cols
			if len(c.rows[0]) == 1 {
				tc = []float64{85, 538}
			}
			y := p.gridTable(770, 13, tc, c.rows, c.style)
			p.flow(y-10, 13, 85, 538, 28, 17, 0, "Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch đề ra.")
			if got := tablesOf(t, testPDF(p)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("tables\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestTableWrappedCells reads cells of several lines: the line spacing
// inside a cell is tighter than between rows.
func TestTableWrappedCells(t *testing.T) {
	p := &testPage{}
	cols := []float64{85, 120, 220, 300, 538}
	const size = 12.0
	y := 780.0
	p.hline(85, 538, y+size)
	for i, h := range []string{"TT", "Chỉ tiêu", "Đơn vị", "Ghi chú"} {
		p.text(cols[i]+4, y, size, false, h)
	}
	y -= 20
	p.hline(85, 538, y+size+2)
	type cell struct {
		col   int
		lines []string
	}
	body := [][]cell{
		{{0, []string{"1"}}, {1, []string{"Tổng giá", "trị sản xuất"}}, {2, []string{"Tỷ đồng"}}, {3, []string{"8.426,5"}}},
		{{0, []string{"2"}}, {1, []string{"Thu ngân", "sách nhà", "nước"}}, {2, []string{"Tỷ đồng"}}, {3, []string{"612,4"}}},
		{{0, []string{"3"}}, {1, []string{"Hộ nghèo"}}, {2, []string{"Hộ"}}, {3, []string{"1.187"}}},
	}
	for _, r := range body {
		h := 0
		for _, c := range r {
			for k, l := range c.lines {
				p.text(cols[c.col]+4, y-14*float64(k), size, false, l)
			}
			h = max(h, len(c.lines))
		}
		y -= 14*float64(h) + 6
	}
	p.hline(85, 538, y+size)
	want := [][][]string{{
		{"TT", "Chỉ tiêu", "Đơn vị", "Ghi chú"},
		{"1", "Tổng giá trị sản xuất", "Tỷ đồng", "8.426,5"},
		{"2", "Thu ngân sách nhà nước", "Tỷ đồng", "612,4"},
		{"3", "Hộ nghèo", "Hộ", "1.187"},
	}}
	if got := tablesOf(t, testPDF(p)); !reflect.DeepEqual(got, want) {
		t.Errorf("tables\n got %q\nwant %q", got, want)
	}
}

// TestTableOverPages drops the header row that a table repeats on the
// next page.
func TestTableOverPages(t *testing.T) {
	cols := []float64{85, 120, 300, 538}
	head := []string{"TT", "Chỉ tiêu", "Kết quả"}
	p1, p2 := &testPage{}, &testPage{}
	p1.flow(780, 13, 85, 538, 28, 17, 0, "Kết quả thực hiện các chỉ tiêu như sau:")
	p1.gridTable(100, 13, cols, [][]string{head, {"1", "Kết nạp đảng viên", "212"}}, "grid")
	p2.gridTable(780, 13, cols, [][]string{head, {"2", "Tổ chức cơ sở đảng", "51"}}, "grid")
	want := [][][]string{
		{head, {"1", "Kết nạp đảng viên", "212"}},
		{{"2", "Tổ chức cơ sở đảng", "51"}},
	}
	if got := tablesOf(t, testPDF(p1, p2)); !reflect.DeepEqual(got, want) {
		t.Errorf("tables\n got %q\nwant %q", got, want)
	}
}
