//go:build !unix

package corpus

import "os"

// lockFile does not lock where flock is missing.
//
// BUG(lock): on systems without flock (Windows), two ingests into one corpus
// are not kept apart; SQLite still serializes the catalog writes.
func lockFile(f *os.File) error { return nil }

func unlockFile(f *os.File) {}
