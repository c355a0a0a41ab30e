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
	fd, err := openRead(full, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), full), nil
}

// readFile reads a regular file of d with four system calls, open,
// fstat, one read and close, where reading through Open takes six: the
// os.File that Open returns asks the descriptor for its flags, and
// io.ReadFull reads once more to see the end. A read that returns
// exactly the size fstat gave is taken as the whole file, as Node.js's
// readFileSync takes it; one that fills the buffer past that size, of a
// file that grew, goes on to the end. The file is opened without
// waiting, so that a named pipe is refused at once instead of waiting
// for a writer; for a regular file that changes nothing. done is false
// only for a name DirFS.Open would refuse, which ReadFile's general way
// refuses in os.DirFS's words.
func (d dirFS) readFile(name string, limit int64) (data []byte, done bool, err error) {
	if d.dir == "" || !fs.ValidPath(name) {
		return nil, false, nil
	}
	full := d.dir + "/" + name
	fd, err := openRead(full, syscall.O_NONBLOCK)
	if err != nil {
		if errors.Is(err, syscall.ENXIO) {
			// A socket cannot be opened, nor a device whose hardware is
			// not there: say what it is, as ReadFile's general way
			// does from its stat, not "no such device or address".
			var st syscall.Stat_t
			if ignoringEINTR(func() error { return syscall.Stat(full, &st) }) == nil {
				if mode := uint32(st.Mode) & syscall.S_IFMT; mode != syscall.S_IFREG && mode != syscall.S_IFDIR {
					return nil, true, &NotRegularError{Name: name, Type: unixType(mode)}
				}
			}
		}
		return nil, true, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	var st syscall.Stat_t
	if err := ignoringEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		syscall.Close(fd)
		return nil, true, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	switch mode := uint32(st.Mode) & syscall.S_IFMT; mode {
	case syscall.S_IFREG:
	case syscall.S_IFDIR:
		syscall.Close(fd)
		return nil, true, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR} // as os.DirFS says it
	default:
		syscall.Close(fd)
		return nil, true, &NotRegularError{Name: name, Type: unixType(mode)}
	}
	if limit >= 0 && st.Size > limit {
		syscall.Close(fd)
		return nil, true, &TooLargeError{Name: name, Size: st.Size, Limit: limit}
	}
	data = make([]byte, st.Size+1)
	n := 0
	for n < len(data) {
		m, err := syscall.Read(fd, data[n:])
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return nil, true, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if m == 0 {
			break // the end, before the size fstat gave: the file shrank
		}
		n += m
		if int64(n) == st.Size {
			break
		}
	}
	if n < len(data) {
		syscall.Close(fd)
		return data[:n], true, nil
	}
	f := os.NewFile(uintptr(fd), full)
	defer f.Close()
	data, err = readRest(f, name, data, limit)
	return data, true, relative(err, name)
}

// unixType is the fs.FileMode type of a file of the S_IFMT type mode,
// other than a regular file or directory; fstat follows links, so never
// a link.
func unixType(mode uint32) fs.FileMode {
	switch mode {
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	}
	return fs.ModeIrregular
}

// relative names the file in a *fs.PathError from an os.File by its name
// in the file system, as os.DirFS's ReadFile does.
func relative(err error, name string) error {
	if pe, ok := err.(*fs.PathError); ok {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}

// openRead opens a file for reading with the extra flags, retrying an
// interrupted open.
func openRead(path string, flags int) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|flags, 0)
		if !errors.Is(err, syscall.EINTR) {
			return fd, err
		}
	}
}

// ignoringEINTR calls fn until it is not interrupted.
func ignoringEINTR(fn func() error) error {
	for {
		if err := fn(); !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
