package main

import (
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
)

// mustSub returns the subtree dir of an embedded file system, which exists
// by construction.
func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// readInput reads a file named on the command line, refusing one over
// limit bytes (none when limit < 0) before it is read, and a named pipe
// or a device, which could keep the reader waiting or reading without
// end; errors name the file as the user did.
func readInput(name string, limit int64) ([]byte, error) {
	data, err := osfs.ReadFile(osfs.DirFS(filepath.Dir(name)), filepath.Base(name), limit)
	var large *osfs.TooLargeError
	var special *osfs.NotRegularError
	var pe *fs.PathError
	switch {
	case errors.As(err, &large):
		return nil, &osfs.TooLargeError{Name: name, Size: large.Size, Limit: limit}
	case errors.As(err, &special):
		return nil, &osfs.NotRegularError{Name: name, Type: special.Type}
	case errors.As(err, &pe):
		return nil, &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return data, err
}

// readLimited reads the file name as readInput does, and gives one over
// limit the error the library's readers give: a *talk.RecordError holding
// a *talk.LimitError on what ("record size", "schedule size").
func readLimited(name string, limit int64, what string) ([]byte, error) {
	data, err := readInput(name, limit)
	var large *osfs.TooLargeError
	if errors.As(err, &large) {
		return nil, &talk.RecordError{Path: filepath.ToSlash(name), Err: &talk.LimitError{What: what, Limit: limit, Got: max(large.Size, 0)}}
	}
	return data, err
}
