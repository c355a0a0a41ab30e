package main

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestReplicated: a corpus presented 3 times over lists each top entry
// three times, the copies renamed, and each copy's talks are the
// original's, whatever "~" the names hold themselves; a corpus whose names
// would collide with its copies' ("z" beside "z~2") has its copies named
// with "~~". Presented once (or less) a corpus is itself.
func TestReplicated(t *testing.T) {
	talkText := seedTalk(t)
	// Each talk its own, so that a file read from the wrong copy shows.
	talkNumbered := func(id string) string { return strings.Replace(talkText, `"id": 591`, `"id": `+id, 1) }
	files := map[string]string{
		"ev/category.json":   `{"title": "An Event"}`,
		"ev/videos/a~b.json": talkNumbered("1"),
		"x~y/category.json":  `{"title": "Another"}`,
		"x~y/videos/c.json":  talkNumbered("2"),
		"z~2/category.json":  `{"title": "A third"}`,
		"z~2/videos/d.json":  talkNumbered("3"),
		"README":             "an archive",
	}
	plain := writeArchive(t, files)
	files["z/category.json"] = `{"title": "A fourth"}`
	files["z/videos/e.json"] = talkNumbered("4")
	colliding := writeArchive(t, files)
	tests := []struct {
		dir        string
		top, talks []string
		read       map[string]string // a copy's file: the original's
		wrong      []string
	}{
		{
			plain,
			[]string{"README", "ev", "x~y", "z~2", "README~2", "ev~2", "x~y~2", "z~2~2", "README~3", "ev~3", "x~y~3", "z~2~3"},
			[]string{"ev/videos/a~b.json", "ev~2/videos/a~b.json", "ev~3/videos/a~b.json", "x~y/videos/c.json", "x~y~2/videos/c.json", "x~y~3/videos/c.json",
				"z~2/videos/d.json", "z~2~2/videos/d.json", "z~2~3/videos/d.json"},
			map[string]string{"ev~3/videos/a~b.json": "ev/videos/a~b.json", "ev/videos/a~b.json": "ev/videos/a~b.json", "x~y/videos/c.json": "x~y/videos/c.json",
				"x~y~2/videos/c.json": "x~y/videos/c.json", "z~2/videos/d.json": "z~2/videos/d.json", "z~2~3/videos/d.json": "z~2/videos/d.json"},
			[]string{"ev~4/category.json", "ev~1/category.json", "ev~x/category.json"},
		},
		{
			colliding,
			[]string{"README", "ev", "x~y", "z", "z~2", "README~~2", "ev~~2", "x~y~~2", "z~~2", "z~2~~2", "README~~3", "ev~~3", "x~y~~3", "z~~3", "z~2~~3"},
			[]string{"ev/videos/a~b.json", "ev~~2/videos/a~b.json", "ev~~3/videos/a~b.json", "x~y/videos/c.json", "x~y~~2/videos/c.json", "x~y~~3/videos/c.json",
				"z/videos/e.json", "z~2/videos/d.json", "z~2~~2/videos/d.json", "z~2~~3/videos/d.json", "z~~2/videos/e.json", "z~~3/videos/e.json"},
			map[string]string{"z~2/videos/d.json": "z~2/videos/d.json", "z~2~~3/videos/d.json": "z~2/videos/d.json", "z~~3/videos/e.json": "z/videos/e.json"},
			[]string{"z~2/videos/e.json", "ev~2/category.json"},
		},
	}
	for _, tt := range tests {
		fsys := osfs.DirFS(tt.dir)
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
		if diff := cmp.Diff(tt.top, names); diff != "" {
			t.Errorf("top (-want +got):\n%s", diff)
		}
		for name, original := range tt.read {
			data, err := fs.ReadFile(r, name)
			if want := files[original]; err != nil || string(data) != want {
				t.Errorf("%s: %d bytes, error %v; want %s's %d", name, len(data), err, original, len(want))
			}
		}
		for _, name := range tt.wrong {
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
		if diff := cmp.Diff(tt.talks, paths); diff != "" {
			t.Errorf("talks (-want +got):\n%s", diff)
		}
	}
}
