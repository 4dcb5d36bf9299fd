package ocr

import (
	"fmt"
	"sync"
	"testing"
)

func TestSchedulerRuns(t *testing.T) {
	tests := []struct {
		n, jobs, max int
		want         string
	}{
		{0, 2, 8, "[]"},
		{1, 2, 8, "[1]"},
		{2, 2, 8, "[1 1]"},
		{13, 2, 8, "[4 3 2 1 1 1 1]"},
		{40, 2, 8, "[8 8 6 5 4 3 2 1 1 1 1]"},
		{5, 1, 8, "[3 1 1]"},
		{5, 0, 8, "[3 1 1]"},
		{3, 8, 8, "[1 1 1]"},
		{100, 2, 4, "[4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 3 3 2 1 1 1 1]"},
	}
	for _, tt := range tests {
		s := &scheduler{n: tt.n, jobs: tt.jobs, max: tt.max}
		var sizes []int
		next := 0
		for {
			from, to, ok := s.take()
			if !ok {
				break
			}
			if from != next || to <= from || to-from > tt.max {
				t.Errorf("%+v: bad run [%d, %d)", tt, from, to)
				break
			}
			sizes = append(sizes, to-from)
			next = to
		}
		if next != tt.n {
			t.Errorf("%+v: runs cover %d pages", tt, next)
		}
		if got := fmt.Sprint(sizes); got != tt.want && !(tt.want == "[]" && sizes == nil) {
			t.Errorf("%+v: runs %s, want %s", tt, got, tt.want)
		}
	}
}

// TestSchedulerConcurrent takes runs from several goroutines: every page
// exactly once (run with -race).
func TestSchedulerConcurrent(t *testing.T) {
	const n = 1000
	s := &scheduler{n: n, jobs: 4, max: 8}
	seen := make([]int, n)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				from, to, ok := s.take()
				if !ok {
					return
				}
				for i := from; i < to; i++ {
					seen[i]++
				}
			}
		}()
	}
	wg.Wait()
	for i, c := range seen {
		if c != 1 {
			t.Fatalf("page %d taken %d times", i, c)
		}
	}
}
