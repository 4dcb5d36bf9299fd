package compare

import (
	"fmt"
	"testing"

	"github.com/baocao/baocao/schema"
)

type fig struct {
	metric, unit, kind, role string
	value                    float64
	bound                    string
}

func doc(year int, figs ...fig) *schema.Document {
	d := &schema.Document{ID: fmt.Sprintf("doc%d", year), Meta: schema.Meta{Issuer: "Huyện ủy Thạch Bàn", ReportYear: year, PlanYear: year + 1}}
	d.Source.File = fmt.Sprintf("r%d.md", year)
	for i, f := range figs {
		kind := f.kind
		if kind == "" {
			kind = schema.KindCount
		}
		role := f.role
		if role == "" {
			role = schema.RoleActual
		}
		d.Figures = append(d.Figures, schema.Figure{
			ID: fmt.Sprintf("f%d", i+1), Metric: f.metric, Unit: f.unit, Kind: kind, Role: role,
			Value: f.value, ValueNormalized: f.value, Bound: schema.NullString(f.bound), Quote: f.metric,
		})
	}
	return d
}

func findRow(t *testing.T, tab *Table, year string, value float64) *Row {
	t.Helper()
	for i, r := range tab.Rows {
		if c := r.Values[year]; c != nil && c.Value == value {
			return &tab.Rows[i]
		}
	}
	return nil
}

func TestBuildAlignsRewordedMetric(t *testing.T) {
	docs := []*schema.Document{
		doc(2021,
			fig{metric: "kết nạp đảng viên mới", unit: "đảng viên", value: 212},
			fig{metric: "tổng số đảng viên", unit: "đảng viên", value: 6214},
			fig{metric: "kết nạp mới đoàn viên công đoàn", unit: "đoàn viên", value: 986},
		),
		doc(2022,
			fig{metric: "kết nạp được đảng viên", unit: "đảng viên", value: 230},
			fig{metric: "tổng số đảng viên toàn Đảng bộ", unit: "đảng viên", value: 6387},
			fig{metric: "kết nạp mới đoàn viên công đoàn", unit: "đoàn viên", value: 1054},
		),
		doc(2023,
			fig{metric: "phát triển đảng viên mới", unit: "đảng viên", value: 241},
			fig{metric: "đảng viên", unit: "đảng viên", value: 6538},
			fig{metric: "phát triển được đoàn viên", unit: "đoàn viên", value: 1118},
		),
	}
	tab := Build(docs, Options{})
	tests := []struct {
		name   string
		values map[string]float64
	}{
		{"new members, three wordings", map[string]float64{"2021": 212, "2022": 230, "2023": 241}},
		{"members total", map[string]float64{"2021": 6214, "2022": 6387, "2023": 6538}},
		{"trade-union members admitted", map[string]float64{"2021": 986, "2022": 1054, "2023": 1118}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := findRow(t, tab, "2021", tt.values["2021"])
			if r == nil {
				t.Fatalf("no row holds %v in 2021; rows: %+v", tt.values["2021"], tab.Rows)
			}
			for y, v := range tt.values {
				if c := r.Values[y]; c == nil || c.Value != v {
					t.Errorf("%s: year %s = %+v, want %v", r.Metric, y, c, v)
				}
			}
		})
	}
	if r := findRow(t, tab, "2023", 241); r != nil && r.Delta != nil && *r.Delta != 11 {
		t.Errorf("delta = %v, want 11", *r.Delta)
	}
}

func TestTargetsMet(t *testing.T) {
	docs := []*schema.Document{
		doc(2022,
			fig{metric: "kết nạp đảng viên mới", unit: "đảng viên", role: schema.RoleTarget, value: 235, bound: schema.BoundAtLeast},
			fig{metric: "tổ chức cơ sở đảng xếp loại hoàn thành tốt nhiệm vụ trở lên", kind: schema.KindPercent, role: schema.RoleTarget, value: 92, bound: schema.BoundAbove},
		),
		doc(2023,
			fig{metric: "phát triển đảng viên mới", unit: "đảng viên", value: 241},
			fig{metric: "tổ chức cơ sở đảng xếp loại hoàn thành tốt nhiệm vụ trở lên", kind: schema.KindPercent, role: schema.RoleShare, value: 91.5},
		),
	}
	tab := Build(docs, Options{})
	if len(tab.Targets) != 2 {
		t.Fatalf("targets = %d, want 2: %+v", len(tab.Targets), tab.Targets)
	}
	tests := []struct {
		target float64
		actual float64
		met    bool
	}{
		{235, 241, true},
		{92, 91.5, false},
	}
	for _, tt := range tests {
		var got *Target
		for i := range tab.Targets {
			if tab.Targets[i].Target == tt.target {
				got = &tab.Targets[i]
			}
		}
		if got == nil || got.Actual == nil {
			t.Fatalf("target %v not paired: %+v", tt.target, tab.Targets)
		}
		if *got.Actual != tt.actual || *got.Met != tt.met {
			t.Errorf("target %v: actual %v met %v, want %v %v", tt.target, *got.Actual, *got.Met, tt.actual, tt.met)
		}
	}
}

func TestDictionaryAliasAndExclude(t *testing.T) {
	d := Default()
	d.AddAlias("nhà Đại đoàn kết", "nhà tình nghĩa")
	d.AddExclude("cây xanh")
	docs := []*schema.Document{
		doc(2021, fig{metric: "xây dựng nhà Đại đoàn kết", unit: "nhà", value: 42}, fig{metric: "trồng cây xanh", unit: "cây", value: 100}),
		doc(2022, fig{metric: "xây dựng nhà tình nghĩa", unit: "nhà", value: 48}, fig{metric: "trồng cây xanh", unit: "cây", value: 120}),
	}
	tab := Build(docs, Options{Dictionary: d})
	if r := findRow(t, tab, "2021", 42); r == nil || r.Values["2022"] == nil || r.Values["2022"].Value != 48 {
		t.Errorf("alias did not align: %+v", tab.Rows)
	}
	if r := findRow(t, tab, "2021", 100); r != nil {
		t.Errorf("excluded metric shown: %+v", r)
	}
}

func TestFilterAndYears(t *testing.T) {
	docs := []*schema.Document{
		doc(2021, fig{metric: "kết nạp đảng viên", unit: "đảng viên", value: 1}, fig{metric: "trồng cây xanh", unit: "cây", value: 5}),
		doc(2022, fig{metric: "kết nạp đảng viên", unit: "đảng viên", value: 2}, fig{metric: "trồng cây xanh", unit: "cây", value: 6}),
		doc(2023, fig{metric: "kết nạp đảng viên", unit: "đảng viên", value: 3}, fig{metric: "trồng cây xanh", unit: "cây", value: 7}),
	}
	tab := Build(docs, Options{From: 2022, Metric: "dang vien"})
	if len(tab.Years) != 2 || tab.Years[0] != 2022 {
		t.Errorf("years = %v", tab.Years)
	}
	if len(tab.Rows) != 1 || tab.Rows[0].Values["2023"].Value != 3 {
		t.Errorf("rows = %+v", tab.Rows)
	}
}

func BenchmarkBuild20Years(b *testing.B) {
	var docs []*schema.Document
	for y := 2005; y < 2025; y++ {
		var figs []fig
		for i := 0; i < 200; i++ {
			figs = append(figs, fig{metric: fmt.Sprintf("chỉ tiêu số %d về đảng viên loại %c", i%40, 'a'+rune(i%7)), unit: "đảng viên", value: float64(100 + i + y - 2005)})
		}
		docs = append(docs, doc(y, figs...))
	}
	b.ResetTimer()
	for b.Loop() {
		Build(docs, Options{})
	}
}
