package main

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/baocao/baocao/corpus/compare"
)

// writeCompareXLSX writes the table as a workbook: a header row, Vietnamese
// number formats, frozen panes, and each value's source as a cell comment so
// that a reviewer can check it without leaving Excel.
func writeCompareXLSX(path string, tab *compare.Table) error {
	x := excelize.NewFile()
	defer x.Close()
	const sheet = "So sánh"
	x.SetSheetName("Sheet1", sheet)
	bold, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	intFmt := "#,##0"
	numStyle, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &intFmt})
	decFmt := "#,##0.0"
	pctStyle, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &decFmt})

	header := []any{"Chỉ tiêu", "Đơn vị"}
	for _, y := range tab.Years {
		header = append(header, y)
	}
	header = append(header, "Tăng/giảm", "Tăng/giảm %", "Độ tin cậy")
	x.SetSheetRow(sheet, "A1", &header)
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	x.SetCellStyle(sheet, "A1", last, bold)

	for i, r := range tab.Rows {
		rowN := i + 2
		cell := func(col int) string { c, _ := excelize.CoordinatesToCellName(col, rowN); return c }
		x.SetCellValue(sheet, cell(1), rowLabel(r))
		x.SetCellValue(sheet, cell(2), r.Unit)
		for j, y := range tab.Years {
			c := r.Values[strconv.Itoa(y)]
			if c == nil {
				continue
			}
			name := cell(3 + j)
			x.SetCellValue(sheet, name, c.Value)
			x.SetCellStyle(sheet, name, name, numStyle)
			x.AddComment(sheet, excelize.Comment{Cell: name, Author: "baocao",
				Paragraph: []excelize.RichTextRun{{Text: fmt.Sprintf("%s%s, %s\n“%s”", c.File, pageSuffix(c.Page), c.SectionPath, c.Quote)}}})
		}
		col := 3 + len(tab.Years)
		if r.Delta != nil {
			x.SetCellValue(sheet, cell(col), *r.Delta)
			x.SetCellStyle(sheet, cell(col), cell(col), numStyle)
		}
		if r.DeltaPct != nil {
			x.SetCellValue(sheet, cell(col+1), *r.DeltaPct)
			x.SetCellStyle(sheet, cell(col+1), cell(col+1), pctStyle)
		}
		x.SetCellValue(sheet, cell(col+2), r.Confidence)
	}
	x.SetColWidth(sheet, "A", "A", 60)
	x.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"})

	if len(tab.Targets) > 0 {
		const ts = "Chỉ tiêu kế hoạch"
		x.NewSheet(ts)
		th := []any{"Chỉ tiêu", "Năm đặt", "Cho năm", "Mục tiêu", "Mục tiêu (cận trên)", "Giới hạn", "Kết quả", "% mục tiêu", "Đạt"}
		x.SetSheetRow(ts, "A1", &th)
		x.SetCellStyle(ts, "A1", "I1", bold)
		for i, t := range tab.Targets {
			row := []any{t.Metric, t.SetIn, t.ForYear, t.Target, nil, nil, nil, nil, nil}
			if t.TargetHigh != nil {
				row[4] = *t.TargetHigh
			}
			if t.Bound != nil {
				row[5] = *t.Bound
			}
			if t.Actual != nil {
				row[6] = *t.Actual
				if t.Percent != nil {
					row[7] = *t.Percent
				}
				if t.Met != nil {
					row[8] = map[bool]string{true: "đạt", false: "không đạt"}[*t.Met]
				}
			}
			name, _ := excelize.CoordinatesToCellName(1, i+2)
			x.SetSheetRow(ts, name, &row)
			goal, _ := excelize.CoordinatesToCellName(4, i+2)
			x.AddComment(ts, excelize.Comment{Cell: goal, Author: "baocao", Paragraph: []excelize.RichTextRun{{Text: "“" + t.TargetQuote + "”"}}})
			if t.Actual != nil {
				res, _ := excelize.CoordinatesToCellName(7, i+2)
				x.AddComment(ts, excelize.Comment{Cell: res, Author: "baocao", Paragraph: []excelize.RichTextRun{{Text: "“" + t.ActualQuote + "”"}}})
			}
		}
		x.SetColWidth(ts, "A", "A", 60)
		x.SetPanes(ts, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	return x.SaveAs(path)
}
