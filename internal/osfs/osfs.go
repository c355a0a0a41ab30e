// Package osfs opens a directory tree's files for reading with fewer
// system calls than os.DirFS.
//
// On Linux, os.Open registers every file it opens with the runtime's
// network poller, which a regular file refuses: four fcntl calls and a
// failing epoll_ctl per file, on top of the open, read and close that do
// the work. Checking or rendering a talk archive opens some 14,000 small
// files: those five calls make opening and reading a file a third slower
// (BenchmarkReadArchive) and cost `talkmeta check` an eighth of its CPU
// time on the shared corpus. A file opened here is handed to os.NewFile,
// which asks once whether the descriptor is non-blocking and leaves it
// out of the poller. ReadFile does without the os.File, and the read
// that finds the end, for a regular file: open, fstat, read and close,
// a quarter less time than through Open again.
package osfs

import (
	"io/fs"
	"os"
)

// DirFS returns a file system for the tree of files rooted at dir, as
// os.DirFS does, whose Open costs fewer system calls where the platform
// allows it. ReadFile reads through that Open; everything else is
// os.DirFS's.
func DirFS(dir string) fs.FS {
	return dirFS{fsWithAll: os.DirFS(dir).(fsWithAll), dir: dir}
}

// fsWithAll is what os.DirFS implements, kept so that fs.ReadDir and
// fs.Stat keep their fast paths. Its ReadFile is replaced: os.DirFS's
// opens the file with os.Open, the very cost DirFS saves.
type fsWithAll interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
	fs.ReadLinkFS
}

type dirFS struct {
	fsWithAll
	dir string
}

// ReadFile reads the named file through DirFS's Open, so that fs.ReadFile
// saves the system calls too.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	if d.dir == "" || !fs.ValidPath(name) {
		return d.fsWithAll.ReadFile(name) // os.DirFS's error says why
	}
	return ReadFile(d, name, -1)
}

// Is reports whether the directory entry e, named name in fsys, is of
// the kind asked (fs.FileMode.IsDir, fs.FileMode.IsRegular), following
// it when it is a symbolic link: an archive put together from others
// may link to their directories, and a directory entry tells only that
// it is a link.
func Is(fsys fs.FS, name string, e fs.DirEntry, kind func(fs.FileMode) bool) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return kind(e.Type())
	}
	fi, err := fs.Stat(fsys, name)
	return err == nil && kind(fi.Mode())
}
