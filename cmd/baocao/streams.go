package main

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the streams a command writes to. Commands never touch
// os.Stdout directly, so tests can run them against buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether Out and ErrOut are terminals: aligned
	// tables and progress bars on a terminal, tab-separated text when piped.
	OutTTY bool
	ErrTTY bool
}

func systemStreams() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		ErrTTY: term.IsTerminal(int(os.Stderr.Fd())),
	}
}
