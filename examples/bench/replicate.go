package main

import (
	"io/fs"
	"strconv"
	"strings"
)

// replicated presents fsys n times over: events "x" become "x", "x~2",
// "x~3"... without copying a file, so that a benchmark can show how memory
// behaves on a corpus n times as large. Where a copy's name would be one
// the corpus has already ("x" beside "x~2"), the copies are "x~~2"..., with
// as many "~" as it takes.
func replicated(fsys fs.FS, n int) fs.FS {
	if n <= 1 {
		return fsys
	}
	top := map[string]bool{}
	entries, _ := fs.ReadDir(fsys, ".") // an error shows again when the stages list the corpus
	for _, e := range entries {
		top[e.Name()] = true
	}
	sep := "~"
	for collides(top, sep, n) {
		sep += "~"
	}
	return replicaFS{fsys, n, top, sep}
}

// collides reports whether a copy's name, a name of top, sep and a copy
// number up to n, is a name of top.
func collides(top map[string]bool, sep string, n int) bool {
	for name := range top {
		for k := 2; k <= n; k++ {
			if top[name+sep+strconv.Itoa(k)] {
				return true
			}
		}
	}
	return false
}

type replicaFS struct {
	fs.FS
	n   int
	top map[string]bool // the names at the top of fsys, which copy 1 keeps
	sep string          // between a top name and its copy's number
}

// Open maps "x~k/..." back to "x/...".
func (r replicaFS) Open(name string) (fs.File, error) {
	if name == "." {
		return r.FS.Open(name)
	}
	return r.FS.Open(r.original(name))
}

// original is the name in fsys of name, a name of the replica: a top
// name's last sep and k, when the name before them is a top name and k a
// copy's number, make copy k of it; any other name, though it holds a
// "~" ("x~y"), is its own (sep is such that no top name is both).
func (r replicaFS) original(name string) string {
	first, rest, _ := strings.Cut(name, "/")
	if i := strings.LastIndex(first, r.sep); i >= 0 {
		if k, err := strconv.Atoi(first[i+len(r.sep):]); err == nil && k >= 2 && k <= r.n && r.top[first[:i]] {
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
			out = append(out, renamed{e, e.Name() + r.sep + strconv.Itoa(k)})
		}
	}
	return out, nil
}

type renamed struct {
	fs.DirEntry
	name string
}

func (e renamed) Name() string { return e.name }
