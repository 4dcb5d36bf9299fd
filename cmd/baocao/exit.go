package main

import (
	"errors"
	"fmt"
)

// Exit codes, one switch for every command (documented in the root help).
const (
	exitOK = 0
	// exitFindings: check found errors in the report; ingest or a batch
	// finished but some files failed.
	exitFindings = 1
	// exitError: nothing could be done (bad input, bad usage, no corpus).
	exitError = 2
)

// exitError carries an exit code through cobra's error return.
type codeError struct {
	code int
	err  error
}

func (e *codeError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *codeError) Unwrap() error { return e.err }

// withCode returns an error that makes run exit with code. A nil err with a
// non-zero code exits silently (the command already said what happened).
func withCode(code int, err error) error { return &codeError{code: code, err: err} }

// usageError is a mistake in the command line.
func usageError(format string, a ...any) error {
	return withCode(exitError, fmt.Errorf(format, a...))
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ce *codeError
	if errors.As(err, &ce) {
		return ce.code
	}
	return exitError
}
