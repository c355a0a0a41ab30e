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
	top := map[string]bool{}
	entries, _ := fs.ReadDir(fsys, ".") // an error shows again when the stages list the corpus
	for _, e := range entries {
		top[e.Name()] = true
	}
	return replicaFS{fsys, n, top}
}

type replicaFS struct {
	fs.FS
	n   int
	top map[string]bool // the names at the top of fsys, which copy 1 keeps
}

// Open maps "x~k/..." back to "x/...".
func (r replicaFS) Open(name string) (fs.File, error) {
	if name == "." {
		return r.FS.Open(name)
	}
	return r.FS.Open(r.original(name))
}

// original is the name in fsys of name, a name of the replica: a name at
// the top that copy 1 keeps is its own, though it holds a "~" ("x~y",
// "x~2"); otherwise a top name's last "~k" is copy k's.
func (r replicaFS) original(name string) string {
	first, rest, _ := strings.Cut(name, "/")
	if i := strings.LastIndexByte(first, '~'); i >= 0 && !r.top[first] {
		if k, err := strconv.Atoi(first[i+1:]); err == nil && k >= 2 && k <= r.n && r.top[first[:i]] {
			first = first[:i]
		}
	}
	if rest == "" {
		return first
	}
	return first + "/" + rest
}

// ReadDir lists the root n times over and other directories as they are.
func (r replicaFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(r.FS, r.original(name))
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
