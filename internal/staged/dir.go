package staged

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// ErrNotManaged is OpenDir's error for a directory that is not empty and
// holds no manifest: its files are some other program's or person's, and
// a program that wrote its own among them could not tell them apart later.
var ErrNotManaged = errors.New("not empty, and holds no manifest")

// errDirClosed is the error of Create and Commit after Commit or Abort.
var errDirClosed = errors.New("staged: the directory's files were committed or aborted already")

// Dir is a directory a program writes its files into, as a set, among
// files that are not its own. Its manifest, a file in the directory,
// lists the files the last [Dir.Commit] wrote, one slash-separated path a
// line after the header, if any; lines beginning with "#" are comments.
// An empty manifest lists nothing: a user creates one to let the program
// write into a directory that has files of its own (a checkout for
// GitHub Pages).
//
// A Dir is safe for concurrent use by multiple goroutines.
type Dir struct {
	path     string
	manifest string // its path
	header   string
	listed   []string
	unlisted bool

	mu     sync.Mutex
	staged map[string]*File // by slash-separated name
	made   []string         // the directories Create made, outermost first
	closed bool             // by Commit or Abort
	dirs   map[string]bool  // the directories known to exist
}

// OpenDir opens the directory path, which need not exist, to write files
// into, by the manifest named manifest within it. header, if not empty,
// is written as the manifest's first lines, each beginning with "#", to
// tell a reader what the file is; with a header, a manifest that is not
// empty and does not begin with "#" (the marker an older version of the
// program wrote, which listed nothing) is taken to list no file: see
// [Dir.Unlisted]. A directory that is not empty and holds no manifest is
// an error that wraps [ErrNotManaged].
func OpenDir(path, manifest, header string) (*Dir, error) {
	d := &Dir{path: path, manifest: filepath.Join(path, manifest), header: header, staged: map[string]*File{}, dirs: map[string]bool{}}
	entries, err := os.ReadDir(path)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return d, nil
	}
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(d.manifest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &fs.PathError{Op: "open", Path: path, Err: ErrNotManaged}
	}
	if err != nil {
		return nil, err
	}
	text := string(data)
	if header != "" && text != "" && !strings.HasPrefix(text, "#") {
		d.unlisted = true
		return d, nil
	}
	for line := range strings.Lines(text) {
		name := strings.TrimSuffix(line, "\n")
		if validName(name) && name != manifest {
			d.listed = append(d.listed, name)
		}
	}
	return d, nil
}

// validName reports whether a manifest's line names a file within the
// directory: a manifest naming one outside it ("../x", "/etc/x") must
// never have that file removed. A name Create takes must be one: a
// newline in it would make two lines of the manifest, a "#" a comment.
func validName(name string) bool {
	return name != "" && !strings.HasPrefix(name, "#") && !strings.ContainsAny(name, "\\\n") &&
		filepath.IsLocal(filepath.FromSlash(name))
}

// Path returns the directory's path.
func (d *Dir) Path() string { return d.path }

// Listed returns the files the manifest lists: before Commit, the
// previous set, whose files a Commit that does not write them again
// removes; after it, the new set.
func (d *Dir) Listed() []string { return slices.Clone(d.listed) }

// Unlisted reports whether the directory had a manifest of another form
// than header's, which Dir takes to list no file: a Commit replaces the
// files it writes and leaves all others, since it cannot tell which of
// them the program wrote.
func (d *Dir) Unlisted() bool { return d.unlisted }

// Create stages the file name, a slash-separated path within the
// directory, making the directories it needs, which Abort removes again.
// The file's permissions are 0o666 less the umask. Write it and leave it
// to Commit, or Discard it to leave it out of the set. A name that is a
// directory, or was staged already, is an error.
func (d *Dir) Create(name string) (*File, error) {
	if !validName(name) || filepath.Join(d.path, filepath.FromSlash(name)) == d.manifest {
		return nil, fmt.Errorf("%s: %q is not a file within it", d.path, name)
	}
	p := filepath.Join(d.path, filepath.FromSlash(name))
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return nil, errDirClosed
	}
	if f, ok := d.staged[name]; ok && (f == nil || !f.done) {
		d.mu.Unlock()
		return nil, &fs.PathError{Op: "write", Path: p, Err: fs.ErrExist}
	}
	d.staged[name] = nil // taken, while the file is made outside the lock
	err := d.mkdirs(filepath.Dir(p))
	d.mu.Unlock()
	var f *File
	if err == nil {
		if fi, lerr := os.Lstat(p); lerr == nil && fi.IsDir() {
			err = &fs.PathError{Op: "write", Path: p, Err: syscall.EISDIR}
		}
	}
	if err == nil {
		f, err = Create(p, 0o666)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil {
		delete(d.staged, name)
		return nil, err
	}
	d.staged[name] = f
	return f, nil
}

// mkdirs makes dir and the directories above it that do not exist,
// remembering each for Abort. The caller holds d.mu.
func (d *Dir) mkdirs(dir string) (err error) {
	if d.dirs[dir] {
		return nil
	}
	defer func() {
		if err == nil {
			d.dirs[dir] = true
		}
	}()
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR}
		}
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := d.mkdirs(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o777); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil
		}
		return err
	}
	d.made = append(d.made, dir)
	return nil
}

// Abort removes the staged files and the directories Create made, which
// leaves the directory as OpenDir found it. After Commit it does nothing.
// A Dir is used for one set of files: after Commit or Abort, Create and
// Commit return an error.
func (d *Dir) Abort() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	for _, f := range d.staged {
		if f != nil {
			f.Discard()
		}
	}
	for _, dir := range slices.Backward(d.made) {
		os.Remove(dir) // only when empty: a file of another's may be in it
	}
	d.made, d.dirs = nil, map[string]bool{}
}

// Commit puts the staged files that were not discarded into place and
// removes the files the manifest listed that this set does not have,
// with the directories their removal leaves empty (never the directory
// itself); then the manifest lists the new set. Every staged file is
// written in full before the first is renamed into place, so
// that a failure before then (a full disk) leaves the directory as it
// was. Should a rename fail, the files renamed so far are new and the
// others old, none cut short, and the manifest lists both old and new, so
// that the next Commit removes what this one left.
func (d *Dir) Commit() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		// A second Commit would find none of the listed files staged,
		// and remove them all.
		return errDirClosed
	}
	d.closed = true
	files := map[string]*File{}
	for name, f := range d.staged {
		if f != nil && !f.done {
			files[name] = f
		}
	}
	names := slices.Sorted(maps.Keys(files))
	fail := func(err error) error {
		for _, f := range files {
			f.Discard()
		}
		for _, dir := range slices.Backward(d.made) {
			os.Remove(dir)
		}
		d.made, d.dirs = nil, map[string]bool{}
		return err
	}
	for _, name := range names {
		if err := files[name].Close(); err != nil {
			return fail(err)
		}
	}
	if err := d.mkdirs(d.path); err != nil {
		return fail(err)
	}
	if err := d.writeManifest(slices.Concat(d.listed, names)); err != nil {
		return fail(err)
	}
	d.made = nil
	for i, name := range names {
		if err := files[name].Commit(); err != nil {
			for _, rest := range names[i:] {
				files[rest].Discard()
			}
			return err
		}
	}
	root := filepath.Clean(d.path)
	for _, name := range d.listed {
		if _, made := files[name]; made {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(name))
		if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
			continue // gone already, or no longer a file of ours
		}
		if err := os.Remove(p); err != nil {
			return err
		}
		for dir := filepath.Dir(p); dir != root; dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break // not empty: another's file is in it
			}
		}
	}
	d.listed = names
	d.unlisted = false
	return d.writeManifest(names)
}

// writeManifest replaces the manifest with one listing names, sorted,
// once each, after the header.
func (d *Dir) writeManifest(names []string) error {
	names = slices.Compact(slices.Sorted(slices.Values(names)))
	var b strings.Builder
	b.WriteString(d.header)
	for _, name := range names {
		b.WriteString(name + "\n")
	}
	return WriteFile(d.manifest, []byte(b.String()), 0o666)
}
