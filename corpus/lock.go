package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"
)

// errLocked is tryLock's answer when another process or goroutine writes.
var errLocked = errors.New("corpus is locked by another ingest")

// fileLock is an exclusive advisory lock on a file in the corpus directory.
// It serializes writers (ingest, repair) across processes: SQLite would
// serialize the catalog alone, but the index and the catalog must change in
// step, and Bleve allows one writer.
type fileLock struct{ f *os.File }

// tryLock takes the lock at path without waiting. ok is false when someone
// else holds it.
func tryLock(path string) (l *fileLock, ok bool, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false, fmt.Errorf("lock: %w", err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("lock: %w", err)
	}
	// The pid is for a person wondering who holds the lock; the lock itself
	// is the flock, which the kernel drops when the holder dies.
	f.Truncate(0)
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return &fileLock{f: f}, true, nil
}

// waitLock takes the lock at path, polling until it is free or ctx ends.
func waitLock(ctx context.Context, path string) (*fileLock, error) {
	const poll = 50 * time.Millisecond
	for {
		l, ok, err := tryLock(path)
		if err != nil || ok {
			return l, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("lock: waiting for another ingest: %w", ctx.Err())
		case <-time.After(poll):
		}
	}
}

func (l *fileLock) unlock() {
	if l == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
}
