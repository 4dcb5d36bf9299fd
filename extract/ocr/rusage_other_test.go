//go:build !unix

package ocr

// childCPU is not measured where getrusage is missing.
func childCPU() float64 { return 0 }
