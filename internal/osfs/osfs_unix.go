//go:build unix

package osfs

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Open opens the named file as os.DirFS does, but without the poller's
// system calls.
func (d dirFS) Open(name string) (fs.File, error) {
	if d.dir == "" || !fs.ValidPath(name) {
		return d.fsWithAll.Open(name) // os.DirFS's error says why
	}
	full := d.dir + "/" + name
	for {
		fd, err := syscall.Open(full, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), full), nil
	}
}
