package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestOCRProgress(t *testing.T) {
	var errOut bytes.Buffer
	update, finish := ocrProgress(&IOStreams{ErrOut: &errOut})
	if update != nil {
		t.Error("a bar off a terminal")
	}
	finish()

	update, finish = ocrProgress(&IOStreams{ErrOut: &errOut, ErrTTY: true})
	if update == nil {
		t.Fatal("no bar on a terminal")
	}
	update(2, 13)
	update(13, 13) // within the throttle: not drawn
	finish()
	out := errOut.String()
	if !strings.Contains(out, "OCR pages") || !strings.Contains(out, "(2/13)") {
		t.Errorf("bar output %q, want the description and 2/13", out)
	}
	// Nothing of the bar is left on the line afterwards.
	if last := out[strings.LastIndex(out, "\r")-1:]; strings.TrimSpace(strings.ReplaceAll(last, "\r", "")) != "" {
		t.Errorf("bar not cleared: output ends %q", last)
	}
}
