package osfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"unicode/utf8"
)

// ReadFile reads the named file of fsys in one read sized by the file's
// size, as a record file is read: a growing series of reads would cost
// more than the record's decoding. A file larger than limit bytes (no
// limit when limit < 0) is refused before it is read, with a
// *TooLargeError, so that one huge file in an archive costs nothing, and
// anything but a regular file or a directory (a named pipe, a socket, a
// device) with a *NotRegularError, so that a named pipe cannot stop a
// reader waiting for a writer, nor a device feed it without end.
//
// A file that cannot be opened because it is a symbolic link to nothing
// (or to a link, round and round) is an *fs.PathError that says so, as
// the error of its open would not: "no such file or directory" of a name
// that the directory lists.
//
// A file whose name is not valid UTF-8, which Linux allows and fs.FS
// cannot name, is an *fs.PathError that says so, as os.DirFS's "invalid
// argument" would not.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	data, err := readFile(fsys, name, limit)
	if err != nil {
		return nil, linkError(fsys, name, nameError(name, err))
	}
	return data, nil
}

// ReadDir is fs.ReadDir, whose error for a directory whose name is not
// valid UTF-8 says so, as ReadFile's does.
func ReadDir(fsys fs.FS, name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(fsys, name)
	return entries, nameError(name, err)
}

// nameError is err, an error of opening the file name, or when name is
// not valid UTF-8 and err the *fs.PathError of fs.FS refusing it, that
// error saying why.
func nameError(name string, err error) error {
	pe, ok := err.(*fs.PathError)
	if !ok || utf8.ValidString(name) || !errors.Is(err, fs.ErrInvalid) {
		return err
	}
	return &fs.PathError{Op: pe.Op, Path: pe.Path, Err: &invalidName{name: name}}
}

// invalidName is why a file whose name is not UTF-8 cannot be read.
type invalidName struct{ name string }

// Error shows the name's bytes quoted, as a terminal would not show
// them.
func (e *invalidName) Error() string {
	return fmt.Sprintf("the name (%q) is not valid UTF-8, which an fs.FS cannot open; rename it", path.Base(e.name))
}

// Unwrap returns fs.ErrInvalid, as os.DirFS's error holds it.
func (e *invalidName) Unwrap() error { return fs.ErrInvalid }

// linkError is err, the error of reading the file name of fsys, or when
// name is a symbolic link and err is the *fs.PathError of following it,
// that error saying where the link leads.
func linkError(fsys fs.FS, name string, err error) error {
	pe, ok := err.(*fs.PathError)
	if !ok || pe.Op != "open" && pe.Op != "stat" {
		return err // read: a link to a directory, say, which the error says
	}
	target, lerr := fs.ReadLink(fsys, name)
	if lerr != nil {
		return err // no link, or none this fsys can tell
	}
	return &fs.PathError{Op: pe.Op, Path: pe.Path, Err: &brokenLink{target: target, err: pe.Err}}
}

// brokenLink is why a symbolic link could not be followed.
type brokenLink struct {
	target string
	err    error
}

func (e *brokenLink) Error() string {
	if errors.Is(e.err, fs.ErrNotExist) {
		return fmt.Sprintf("a symbolic link to %s, which does not exist", e.target)
	}
	return fmt.Sprintf("a symbolic link to %s, which cannot be followed: %v", e.target, e.err)
}

// Unwrap returns the error of following the link, so that errors.Is
// finds fs.ErrNotExist in it.
func (e *brokenLink) Unwrap() error { return e.err }

func readFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if d, ok := fsys.(dirFS); ok {
		if data, done, err := d.readFile(name, limit); done {
			return data, err
		}
	}
	// Asked before opening, as opening a named pipe waits for a writer.
	// A directory is left to fail as fsys says.
	size := int64(-1) // unknown unless Stat says
	if fi, err := fs.Stat(fsys, name); err == nil {
		if !fi.Mode().IsRegular() && !fi.IsDir() {
			return nil, &NotRegularError{Name: name, Type: fi.Mode().Type()}
		}
		size = fi.Size()
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if limit >= 0 && size > limit {
		return nil, &TooLargeError{Name: name, Size: size, Limit: limit}
	}
	if size < 0 {
		size = 512 // a guess: a longer file is read on, as one that grew
		if limit >= 0 {
			size = min(size, limit)
		}
	}
	data := make([]byte, size+1)
	n, err := io.ReadFull(f, data)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return data[:n], nil // the usual case: the whole file, as its size said
	case err != nil:
		return nil, err
	}
	return readRest(f, name, data, limit)
}

// readRest reads the rest of a file that is longer than its size said
// (it grew, or is not a regular file) after data, which filled the
// buffer sized for it, holding to limit.
func readRest(r io.Reader, name string, data []byte, limit int64) ([]byte, error) {
	if limit >= 0 {
		r = io.LimitReader(r, limit+1-int64(len(data)))
	}
	rest, err := io.ReadAll(r)
	data = append(data, rest...)
	if limit >= 0 && int64(len(data)) > limit {
		return nil, &TooLargeError{Name: name, Size: -1, Limit: limit}
	}
	return data, err
}

// NotRegularError is a file ReadFile refused for not being a regular
// file.
type NotRegularError struct {
	Name string
	Type fs.FileMode // the file's type bits, such as fs.ModeNamedPipe
}

// Error names the file and says what kind of file it is.
func (e *NotRegularError) Error() string { return e.Name + ": " + e.Describe() }

// Describe says what the file is, without its name, for a message that
// names it already.
func (e *NotRegularError) Describe() string {
	kind := "not a regular file"
	switch {
	case e.Type&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case e.Type&fs.ModeSocket != 0:
		kind = "a socket"
	case e.Type&fs.ModeDevice != 0:
		kind = "a device"
	}
	return kind + ", where a file was expected; not read"
}

// TooLargeError is a file ReadFile refused for its size.
type TooLargeError struct {
	Name  string
	Size  int64 // the file's size; -1 when it grew past the limit as it was read
	Limit int64
}

// Error names the file, its size when known, and the limit, in the words
// of talk.LimitError, which the readers of records give for the same
// fault: "x.json: file size 5013 exceeds the limit of 4096".
func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s: file size exceeds the limit of %d", e.Name, e.Limit)
	}
	return fmt.Sprintf("%s: file size %d exceeds the limit of %d", e.Name, e.Size, e.Limit)
}

// HoldsJSON reports whether the directory tree dir of fsys holds a .json
// file: whether a directory that is no event holds records out of place,
// or something else (tools, notes), which an archive may hold.
func HoldsJSON(fsys fs.FS, dir string) bool {
	found := false
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".json" {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// Stat is fs.Stat, whose error, when name is a symbolic link that cannot
// be followed, says where the link leads, as ReadFile's does: a link to
// nothing in place of an event directory is otherwise "no such file or
// directory" of a name the directory lists.
func Stat(fsys fs.FS, name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, linkError(fsys, name, nameError(name, err))
	}
	return fi, nil
}
