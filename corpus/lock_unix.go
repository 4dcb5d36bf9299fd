//go:build unix

package corpus

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes an exclusive flock. flock locks belong to the open file, so
// two goroutines of one process that open the file separately exclude each
// other too.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLocked
	}
	return err
}

func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
