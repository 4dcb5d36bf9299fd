//go:build unix

package ocr

import "syscall"

// childCPU returns the CPU seconds (user and system) used so far by the
// finished child processes: Tesseract and pdftoppm.
func childCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
