// Package staged writes files whole or not at all, for the programs that
// replace files their users may be reading or serving: talkmeta fmt -w,
// talkmeta site, schedule2site and the server.
//
// # Files
//
// [Create] makes a new file beside its destination, under a name of its
// own; [File.Commit] renames it over the destination once it is written
// in full, so that a reader, a web server or an interrupted program finds
// the old file or the new one, never half of one ([File.Sync] first, for
// a crash of the machine too); until then [File.Discard] removes it. A new
// file is created with the permissions its caller asks for, less the
// process's umask, as os.Create's are: never chmod to a fixed mode, which
// would open to all what a umask of 077 keeps private, or the reverse.
// [Replace] rewrites a file its user keeps (a record, under talkmeta fmt
// -w; the server's file of pages' owners) and keeps what was the old
// file's: its link, mode and owner.
//
// # Directories
//
// [OpenDir] manages the files a program writes into a directory among
// files it did not write (a CNAME, a robots.txt, a .git), by a manifest
// that lists its own: [Dir.Create] stages each, [Dir.Commit] renames them
// all into place and removes the files of the previous build it no longer
// makes, and [Dir.Abort] leaves the directory as it was.
package staged

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/errs"
)

// File is a file being written beside its destination. It is not safe
// for concurrent use.
type File struct {
	f    *os.File // nil once closed
	name string   // the staged file's own name, beside dest
	dest string
	done bool // renamed into place or removed
}

// maxBase is the longest part of the destination's name a staged file's
// name keeps, so that a destination whose name is near the longest a
// file system allows (255 bytes) still has a staged file beside it.
const maxBase = 200

// Create makes a new, empty file beside dest, in the same directory (so
// that the rename is within one file system) and under a name no other
// file has: "." followed by dest's name, a random number and ".tmp", which
// static file servers leave hidden. perm is its permissions before the
// umask applies (0o666 for a page, as os.Create makes files). An error
// names dest, not the staged file, which its user never named.
func Create(dest string, perm fs.FileMode) (*File, error) {
	dir, base := filepath.Split(dest)
	if len(base) > maxBase {
		base = base[:maxBase]
		for !utf8.ValidString(base) {
			base = base[:len(base)-1]
		}
	}
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%016x.tmp", base, rand.Uint64()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "create beside", Path: dest, Err: errs.WithoutPath(err)}
		}
		return &File{f: f, name: name, dest: dest}, nil
	}
	return nil, &fs.PathError{Op: "create beside", Path: dest, Err: fs.ErrExist}
}

// WriteFile writes data to a staged file for dest and commits it, without
// a sync (see [File.Sync]): dest is replaced whole, or left as it was.
// perm is as for [Create].
func WriteFile(dest string, data []byte, perm fs.FileMode) error {
	f, err := Create(dest, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Discard()
		return err
	}
	return f.Commit()
}

// Name returns the staged file's own name, for a caller that gives it an
// owner or permissions (with os.Lchown, os.Chmod) before committing it.
func (f *File) Name() string { return f.name }

// Dest returns the name the file is committed to.
func (f *File) Dest() string { return f.dest }

// Write writes p to the staged file. An error names the destination.
func (f *File) Write(p []byte) (int, error) {
	if f.f == nil {
		return 0, &fs.PathError{Op: "write", Path: f.dest, Err: fs.ErrClosed}
	}
	n, err := f.f.Write(p)
	if err != nil {
		err = &fs.PathError{Op: "write", Path: f.dest, Err: errs.WithoutPath(err)}
	}
	return n, err
}

// Sync commits the staged file's data to disk, as os.File.Sync does. A
// caller whose file is the only copy of its data (a record rewritten in
// place) syncs it before Commit, so that a crash after the rename finds
// the new file whole, not empty; one whose files a build makes again (a
// site's pages, whose 13,000 syncs would triple the build's time) need
// not.
func (f *File) Sync() error {
	if f.f == nil {
		return &fs.PathError{Op: "sync", Path: f.dest, Err: fs.ErrClosed}
	}
	if err := f.f.Sync(); err != nil {
		return &fs.PathError{Op: "sync", Path: f.dest, Err: errs.WithoutPath(err)}
	}
	return nil
}

// Close closes the staged file, keeping it for [File.Commit]. Closing a
// closed file does nothing.
func (f *File) Close() error {
	if f.f == nil {
		return nil
	}
	err := f.f.Close()
	f.f = nil
	if err != nil {
		return &fs.PathError{Op: "write", Path: f.dest, Err: errs.WithoutPath(err)}
	}
	return nil
}

// Commit closes the staged file, if it is open, and renames it over its
// destination. On any error the staged file is removed and the
// destination left as it was.
func (f *File) Commit() error {
	if f.done {
		return &fs.PathError{Op: "rename", Path: f.dest, Err: fs.ErrClosed}
	}
	err := f.Close()
	if err == nil {
		if err = os.Rename(f.name, f.dest); err != nil {
			err = &fs.PathError{Op: "replace", Path: f.dest, Err: errs.WithoutPath(err)}
		}
	}
	if err != nil {
		f.Discard()
		return err
	}
	f.done = true
	return nil
}

// Discard closes and removes the staged file, leaving the destination as
// it was. After Commit it does nothing.
func (f *File) Discard() {
	if f.done {
		return
	}
	if f.f != nil {
		f.f.Close()
		f.f = nil
	}
	os.Remove(f.name)
	f.done = true
}
