package main

import (
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
)

// ocrProgress returns a callback for extract.Options.OCRProgress that draws
// a bar of scanned pages on a terminal, and a function that removes it. Off
// a terminal the callback is nil: logs get no bar.
func ocrProgress(io *IOStreams) (func(done, total int), func()) {
	if !io.ErrTTY {
		return nil, func() {}
	}
	var mu sync.Mutex
	var bar *progressbar.ProgressBar
	update := func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if bar == nil {
			bar = newBar(io, total, "OCR pages")
		}
		bar.Set(done)
	}
	finish := func() {
		mu.Lock()
		defer mu.Unlock()
		if bar != nil {
			bar.Finish()
			bar.Clear()
		}
	}
	return update, finish
}

// newBar is the progress bar of every long command: on stderr, with the
// count, elapsed and predicted time, cleared when done.
func newBar(io *IOStreams, total int, desc string) *progressbar.ProgressBar {
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(io.ErrOut),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionFullWidth(),
	)
}
