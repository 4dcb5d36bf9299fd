package ocr

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/extract/block"
)

// gridImage draws a white page with a ruled grid: horizontal rules at ys
// from x0 to x1, vertical rules at xs from ys[0] to the last y.
func gridImage(w, h int, xs, ys []int) *gray {
	g := &gray{w: w, h: h, pix: make([]byte, w*h)}
	for i := range g.pix {
		g.pix[i] = 255
	}
	for _, y := range ys {
		for x := xs[0]; x <= xs[len(xs)-1]; x++ {
			g.pix[y*w+x] = 0
		}
	}
	for _, x := range xs {
		for y := ys[0]; y <= ys[len(ys)-1]; y++ {
			g.pix[y*w+x] = 0
		}
	}
	return g
}

func TestFindTables(t *testing.T) {
	xs, ys := []int{100, 300, 700}, []int{200, 260, 320, 380}
	g := gridImage(1000, 1400, xs, ys)
	wordAt := func(text string, x, y int) word { return word{text: text, box: mkBox(x, y-10, x+40, y+10)} }
	pg := &page{lines: []line{
		{box: mkBox(100, 100, 700, 130), words: []word{wordAt("Bảng", 110, 115), wordAt("1.", 160, 115)}},
		// Tesseract's lines run across the cells of a row
		{box: mkBox(100, 220, 700, 250), words: []word{wordAt("Chỉ", 120, 230), wordAt("tiêu", 170, 230), wordAt("|Kế", 320, 230), wordAt("hoạch", 370, 230), wordAt("|", 690, 230)}},
		{box: mkBox(100, 280, 700, 310), words: []word{wordAt("Thu", 120, 290), wordAt("ngân", 170, 290), wordAt("sách", 120, 305), wordAt("516,3", 320, 290)}},
		{box: mkBox(100, 340, 700, 370), words: []word{wordAt("Hộ", 120, 350), wordAt("nghèo", 170, 350), wordAt("6,42", 320, 350)}},
		{box: mkBox(100, 500, 700, 530), words: []word{wordAt("Sau", 110, 515), wordAt("bảng.", 160, 515)}},
	}}
	tables := findTables(pg, g)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	got := fmt.Sprint(tables[0].rows)
	want := "[[Chỉ tiêu Kế hoạch] [Thu ngân sách 516,3] [Hộ nghèo 6,42]]"
	if got != want {
		t.Errorf("rows %s, want %s", got, want)
	}
	var left []string
	for _, l := range pg.lines {
		left = append(left, lineText(l))
	}
	if fmt.Sprint(left) != "[Bảng 1. Sau bảng.]" {
		t.Errorf("lines left %q, want the two outside the table", left)
	}

	// Two rules are an underline and a border, not a table.
	pg2 := &page{lines: []line{{words: []word{wordAt("chữ", 120, 230)}}}}
	if tables := findTables(pg2, gridImage(1000, 1400, xs, ys[:2])); len(tables) != 0 {
		t.Errorf("a table from two rules: %v", tables)
	}
}

// TestScannedTable reads the page of the socio-economic report that holds
// its table of targets and results, drawn at 200 dpi without text: the
// table comes out as a table, its rows cell by cell.
func TestScannedTable(t *testing.T) {
	if testing.Short() {
		t.Skip("OCR of a page takes seconds: skipped with -short")
	}
	requireTools(t)
	pdf := imagePDF(t, sample.RepoFile("testdata/corpus/formats/thachban-ubnd-2023.pdf"), 200, []int{6})
	blocks, _, err := New(Options{Jobs: 2})(context.Background(), pdf, []int{1})
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, b := range blocks {
		if b.Kind == block.Table {
			rows = append(rows, b.Rows...)
		}
		if strings.Contains(b.Text, "8.410,8") {
			t.Errorf("a table row in running text: %q", b.Text)
		}
	}
	if len(rows) < 8 {
		t.Fatalf("table rows %q, want the header and the rows 1-9", rows)
	}
	if got := strings.Join(rows[1], " | "); got != "1 | Tổng giá trị sản xuất (giá so sánh 2010) | Tỷ đồng | 8.410,8 | 8.426,5 | 100,2" {
		t.Errorf("row 1 = %q", got)
	}
	for _, r := range rows {
		if len(r) != 6 {
			t.Errorf("row %q has %d cells, want 6", r, len(r))
		}
	}
}
