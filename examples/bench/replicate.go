package main

import (
	"io/fs"
	"strconv"
	"strings"
)

// replicated presents fsys n times over: events "x" become "x", "x~2",
// "x~3"... without copying a file, so that a benchmark can show how memory
// behaves on a corpus n times as large.
func replicated(fsys fs.FS, n int) fs.FS {
	if n <= 1 {
		return fsys
	}
	return replicaFS{fsys, n}
}

type replicaFS struct {
	fs.FS
	n int
}

// Open maps "x~k/..." back to "x/...".
func (r replicaFS) Open(name string) (fs.File, error) {
	if name == "." {
		return r.FS.Open(name)
	}
	return r.FS.Open(original(name))
}

func original(name string) string {
	first, rest, _ := strings.Cut(name, "/")
	if base, _, ok := strings.Cut(first, "~"); ok {
		first = base
	}
	if rest == "" {
		return first
	}
	return first + "/" + rest
}

// ReadDir lists the root n times over and other directories as they are.
func (r replicaFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.FS, original(name))
	if err != nil || name != "." {
		return entries, err
	}
	var out []fs.DirEntry
	for k := 1; k <= r.n; k++ {
		for _, e := range entries {
			if k == 1 {
				out = append(out, e)
				continue
			}
			out = append(out, renamed{e, e.Name() + "~" + strconv.Itoa(k)})
		}
	}
	return out, nil
}

type renamed struct {
	fs.DirEntry
	name string
}

func (e renamed) Name() string { return e.name }
