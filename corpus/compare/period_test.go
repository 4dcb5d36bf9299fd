package compare

import (
	"testing"

	"github.com/baocao/baocao/schema"
)

func revenueDoc(year int, value float64, start, end, subject string) *schema.Document {
	return &schema.Document{
		ID:   "d" + start,
		Meta: schema.Meta{Issuer: "UBND tỉnh X", ReportYear: year},
		Figures: []schema.Figure{{
			ID: "f1", Raw: "x", Value: value, Kind: schema.KindMoney, Unit: "tỷ đồng", ValueNormalized: value * 1e9,
			Metric: "tổng thu ngân sách nhà nước", Role: schema.RoleActual, Subject: subject,
			Period: &schema.Period{Start: start, End: end}, Quote: "tổng thu ngân sách nhà nước",
		}},
	}
}

// TestPeriodsAreRows keeps a 6-month figure out of the row of the year's:
// "tổng thu ngân sách" of January–June 2024 is not 2024's revenue.
func TestPeriodsAreRows(t *testing.T) {
	tests := []struct {
		name string
		docs []*schema.Document
		rows int
	}{
		{"same period", []*schema.Document{
			revenueDoc(2023, 9000, "2023-01-01", "2023-12-31", ""),
			revenueDoc(2024, 9500, "2024-01-01", "2024-12-31", ""),
		}, 1},
		{"6 months against a year", []*schema.Document{
			revenueDoc(2023, 9000, "2023-01-01", "2023-12-31", ""),
			revenueDoc(2024, 4800, "2024-01-01", "2024-06-30", ""),
		}, 2},
		{"two sub-units", []*schema.Document{
			revenueDoc(2023, 900, "2023-01-01", "2023-12-31", "cấp tỉnh"),
			revenueDoc(2024, 950, "2024-01-01", "2024-12-31", "cấp huyện"),
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := Build(tt.docs, Options{All: true})
			if len(tab.Rows) != tt.rows {
				t.Fatalf("%d rows, want %d: %+v", len(tab.Rows), tt.rows, tab.Rows)
			}
			for _, r := range tab.Rows {
				if r.Values["2024"] != nil && r.Values["2024"].Value == 4800e9 && r.Period != "6 tháng" {
					t.Errorf("period %q, want 6 tháng", r.Period)
				}
			}
		})
	}
	tab := Build([]*schema.Document{
		revenueDoc(2023, 900, "2023-01-01", "2023-12-31", "cấp tỉnh"),
		revenueDoc(2024, 950, "2024-01-01", "2024-12-31", "Cấp tỉnh"),
	}, Options{Subject: "cap tinh"})
	if len(tab.Rows) != 1 {
		t.Errorf("--subject cấp tỉnh: %d rows, want 1", len(tab.Rows))
	}
}
