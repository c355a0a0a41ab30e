package main

import (
	"io/fs"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestReplicated: a corpus presented 3 times over lists each top entry
// three times, the copies renamed, and each copy's files hold the
// original's bytes, whatever "~" the names hold themselves; presented
// once (or less) it is the corpus itself.
func TestReplicated(t *testing.T) {
	talkText := seedTalk(t)
	dir := writeArchive(t, map[string]string{
		"ev/category.json":   `{"title": "An Event"}`,
		"ev/videos/a~b.json": talkText,
		"x~y/category.json":  `{"title": "Another"}`,
		"x~y/videos/c.json":  talkText,
		"z~2/category.json":  `{"title": "A third"}`,
		"z~2/videos/d.json":  talkText,
		"README":             "an archive",
	})
	fsys := osfs.DirFS(dir)
	for _, n := range []int{-1, 0, 1} {
		if r := replicated(fsys, n); r != fsys {
			t.Errorf("replicated %d is %T, want the corpus itself", n, r)
		}
	}
	r := replicated(fsys, 3)
	entries, err := fs.ReadDir(r, ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"README", "ev", "x~y", "z~2", "README~2", "ev~2", "x~y~2", "z~2~2", "README~3", "ev~3", "x~y~3", "z~2~3"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("top (-want +got):\n%s", diff)
	}
	for _, name := range []string{"ev~3/videos/a~b.json", "ev/videos/a~b.json", "x~y/videos/c.json", "x~y~2/videos/c.json", "z~2/videos/d.json", "z~2~3/videos/d.json"} {
		data, err := fs.ReadFile(r, name)
		if err != nil || string(data) != talkText {
			t.Errorf("%s: %d bytes, error %v; want the talk's", name, len(data), err)
		}
	}
	for _, name := range []string{"ev~4/category.json", "ev~1/category.json", "ev~x/category.json"} {
		if _, err := fs.ReadFile(r, name); err == nil {
			t.Errorf("%s: read, though there is no such copy", name)
		}
	}
	var paths []string
	for tk, err := range pyvideo.Talks(r) {
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, tk.Origin.Path)
	}
	slices.Sort(paths)
	wantPaths := []string{"ev/videos/a~b.json", "ev~2/videos/a~b.json", "ev~3/videos/a~b.json", "x~y/videos/c.json", "x~y~2/videos/c.json", "x~y~3/videos/c.json",
		"z~2/videos/d.json", "z~2~2/videos/d.json", "z~2~3/videos/d.json"}
	if diff := cmp.Diff(wantPaths, paths); diff != "" {
		t.Errorf("talks (-want +got):\n%s", diff)
	}
}
