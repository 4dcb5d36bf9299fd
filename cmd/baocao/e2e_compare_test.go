package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/compare"
	"github.com/baocao/baocao/corpus/sample"
	"github.com/xuri/excelize/v2"
)

// TestE2ECompare runs compare and targets through the binary on the sample
// corpus and holds them to testdata/corpus/KEY.json: every year-over-year
// metric in one row with each year's value, every target paired with the
// result the key gives. The numbers come from the key, not from this test.
func TestE2ECompare(t *testing.T) {
	bin := buildCorpusCLI(t)
	dir := filepath.Join(t.TempDir(), "corpus")
	if r := runCLI(t, bin, dir, "ingest", writeSampleReports(t)); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	raw, err := os.ReadFile(sample.RepoFile("testdata/corpus/KEY.json"))
	if err != nil {
		t.Fatal(err)
	}
	var key struct {
		YoY []struct {
			Metric string             `json:"metric"`
			Values map[string]float64 `json:"values"`
		} `json:"yoy"`
		Targets []struct {
			Metric         string   `json:"metric"`
			SetIn          int      `json:"set_in"`
			Target         any      `json:"target"`
			ReportedActual *float64 `json:"reported_actual"`
			FileTarget     string   `json:"file_target"`
		} `json:"targets"`
	}
	if err := json.Unmarshal(raw, &key); err != nil {
		t.Fatal(err)
	}

	r := runCLI(t, bin, dir, "compare", "--issuer", "HUYỆN UỶ THẠCH BÀN", "--json")
	if r.code != 0 {
		t.Fatalf("compare: exit %d: %s", r.code, r.stderr)
	}
	var party compare.Table
	if err := json.Unmarshal([]byte(r.stdout), &party); err != nil {
		t.Fatal(err)
	}
	aligned := 0
	for _, m := range key.YoY {
		for _, row := range party.Rows {
			ok := true
			for y, v := range m.Values {
				if c := row.Values[y]; c == nil || math.Abs(c.Value-v) > 1e-6 {
					ok = false
					break
				}
			}
			if ok {
				aligned++
				break
			}
		}
	}
	if aligned < len(key.YoY) {
		t.Errorf("%d of %d KEY.json metrics aligned in one row", aligned, len(key.YoY))
	}

	r = runCLI(t, bin, dir, "compare", "--issuer", "ubnd huyen thach ban", "--json")
	var ubnd compare.Table
	if err := json.Unmarshal([]byte(r.stdout), &ubnd); err != nil {
		t.Fatalf("%v: %s", err, r.stderr)
	}
	for _, kt := range key.Targets {
		tab := &party
		if strings.Contains(kt.FileTarget, "ubnd") {
			tab = &ubnd
		}
		low := math.NaN()
		switch v := kt.Target.(type) {
		case float64:
			low = v
		case []any:
			low, _ = v[0].(float64)
		}
		found := false
		for _, tt := range tab.Targets {
			if tt.SetIn != kt.SetIn || math.Abs(tt.Target-low) > 1e-6 {
				continue
			}
			if kt.ReportedActual == nil || (tt.Actual != nil && math.Abs(*tt.Actual-*kt.ReportedActual) < 1e-6) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("target %q set in %d (%v) not paired with %v", kt.Metric, kt.SetIn, kt.Target, kt.ReportedActual)
		}
	}

	// The spreadsheet keeps each value's source as a cell comment.
	xlsx := filepath.Join(t.TempDir(), "so-sanh.xlsx")
	if r := runCLI(t, bin, dir, "compare", "--issuer", "Huyện ủy Thạch Bàn", "--out", xlsx); r.code != 0 {
		t.Fatalf("xlsx: exit %d: %s", r.code, r.stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comments, _ := f.GetComments("So sánh")
	if len(comments) < len(party.Rows) {
		t.Errorf("%d cell comments for %d rows", len(comments), len(party.Rows))
	}
	if head, _ := f.GetCellValue("So sánh", "C1"); head != "2021" {
		t.Errorf("C1 = %q, want the first year", head)
	}

	// What is not there is named, with what is.
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"unknown issuer", []string{"compare", "--issuer", "Huyện ủy Vĩnh Bảo"}, []string{"Huyện ủy Thạch Bàn", "UBND huyện Thạch Bàn"}},
		{"years outside", []string{"compare", "--issuer", "Huyện ủy Thạch Bàn", "--from", "2010", "--to", "2015"}, []string{"2021, 2022, 2023"}},
		{"targets for a year without a plan", []string{"targets", "--issuer", "Huyện ủy Thạch Bàn", "--year", "2021"}, []string{"2020", "2021, 2022, 2023"}},
		{"two issuers need --issuer", []string{"compare"}, []string{"--issuer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, bin, dir, tt.args...)
			if r.code != exitError {
				t.Errorf("exit %d, want %d", r.code, exitError)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q lacks %q", r.stderr, w)
				}
			}
		})
	}
}
