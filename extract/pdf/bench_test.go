package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
)

// benchFile is the seed report when ../shared is there, else a fixture.
func benchFile(tb testing.TB) (string, []byte) {
	tb.Helper()
	path, ok := sample.SharedFile("fixtures/seed/vinhbao-2024.pdf")
	if !ok {
		path = sample.RepoFile("testdata/corpus/formats/thachban-2022.pdf")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return path, data
}

func BenchmarkRead(b *testing.B) {
	_, data := benchFile(b)
	src, err := Read(context.Background(), data, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Read(context.Background(), data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*src.Pages), "ms/page")
	b.ReportMetric((cpuTime()-cpu)/float64(b.N*src.Pages), "cpu-ms/page")
}

// BenchmarkPdftotext runs poppler's pdftotext on the same file, for the
// ms/page to compare Read with.
func BenchmarkPdftotext(b *testing.B) {
	path, data := benchFile(b)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext (poppler-utils) not installed")
	}
	src, err := Read(context.Background(), data, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	cpu := childCPUTime()
	for b.Loop() {
		if err := exec.Command("pdftotext", path, os.DevNull).Run(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*src.Pages), "ms/page")
	b.ReportMetric((childCPUTime()-cpu)/float64(b.N*src.Pages), "cpu-ms/page")
}

// BenchmarkRead500 reads a 500-page PDF made with pdfunite from the test
// PDFs and reports the peak resident memory of the process.
func BenchmarkRead500(b *testing.B) {
	if _, err := exec.LookPath("pdfunite"); err != nil {
		b.Skip("pdfunite (poppler-utils) not installed")
	}
	var parts []string
	pages := 0
	for pages < 500 {
		for _, f := range fixtures(b) {
			data, err := os.ReadFile(f.pdf)
			if err != nil {
				b.Fatal(err)
			}
			src, err := Read(context.Background(), data, Options{})
			if err != nil {
				b.Fatal(err)
			}
			parts = append(parts, f.pdf)
			pages += src.Pages
		}
	}
	out := filepath.Join(b.TempDir(), "big.pdf")
	if msg, err := exec.Command("pdfunite", append(parts, out)...).CombinedOutput(); err != nil {
		b.Fatalf("pdfunite: %v: %s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	var n int
	cpu := cpuTime()
	for b.Loop() {
		src, err := Read(context.Background(), data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n = src.Pages
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/page")
	b.ReportMetric((cpuTime()-cpu)/float64(b.N*n), "cpu-ms/page")
	b.ReportMetric(float64(n), "pages")
	b.ReportMetric(peakRSSMiB(), "peak-MiB")
}

// peakRSSMiB reads VmHWM, the process's peak resident set, on Linux.
func peakRSSMiB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, ln := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(ln, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

// cpuTime is the user+system CPU time of this process in milliseconds: on a
// shared machine wall time per page says more about the neighbours.
func cpuTime() float64 { return rusage(syscall.RUSAGE_SELF) }

// childCPUTime is the CPU time of finished child processes (pdftotext).
func childCPUTime() float64 { return rusage(syscall.RUSAGE_CHILDREN) }

func rusage(who int) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
}
