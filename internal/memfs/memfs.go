// Package memfs copies a directory tree into memory, for tests that plant
// faults in a copy of real records (a file too large, a named pipe)
// without touching the repository's files.
package memfs

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// Copy returns the regular files under dir, by their slash-separated
// paths below it, failing tb when the tree cannot be read.
func Copy(tb testing.TB, dir string) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	src := os.DirFS(dir)
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return fsys
}
