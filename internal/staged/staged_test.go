package staged

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/sitetest"
)

// tree lists every file under dir, hidden ones too, with its contents,
// and every empty directory (a name ending in "/").
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got, err := sitetest.Tree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// plant writes files, by slash-separated path under dir.
func plant(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := sitetest.Plant(dir, files); err != nil {
		t.Fatal(err)
	}
}

// TestWriteFile writes a new file and replaces it, with WriteFile and
// Replace, and leaves nothing beside it.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "a.json")
	for i, text := range []string{"one\n", "two\n", "three\n"} {
		var err error
		if i == 2 {
			err = Replace(dest, []byte(text))
		} else {
			err = WriteFile(dest, []byte(text), 0o666)
		}
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]string{"a.json": text}, tree(t, dir)); diff != "" {
			t.Errorf("after writing %q (-want +got):\n%s", text, diff)
		}
	}
}

// TestLongName stages a file whose name is near the longest a file
// system allows (255 bytes): the staged file's name is cut, at a rune's
// edge, where "." and ".<random>.tmp" around the whole would be too long.
func TestLongName(t *testing.T) {
	dir := t.TempDir()
	name := strings.Repeat("é", 123) + ".html" // 251 bytes
	f, err := Create(filepath.Join(dir, name), 0o666)
	if err != nil {
		t.Fatal(err)
	}
	if base := filepath.Base(f.Name()); len(base) > 255 || !strings.HasPrefix(base, "."+strings.Repeat("é", 100)+".") {
		t.Errorf("staged as %q", base)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{name: ""}, tree(t, dir)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDiscard leaves the destination as it was, and no staged file.
func TestDiscard(t *testing.T) {
	dir := t.TempDir()
	plant(t, dir, map[string]string{"a": "old"})
	f, err := Create(filepath.Join(dir, "a"), 0o666)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new"))
	f.Discard()
	if diff := cmp.Diff(map[string]string{"a": "old"}, tree(t, dir)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := f.Commit(); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Commit after Discard = %v, want fs.ErrClosed", err)
	}
}

// TestCommitFails renames over a directory that is not empty: the error
// names the destination, not the staged file, which is removed.
func TestCommitFails(t *testing.T) {
	dir := t.TempDir()
	plant(t, dir, map[string]string{"a/b": "user's"})
	dest := filepath.Join(dir, "a")
	f, err := Create(dest, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new"))
	err = f.Commit()
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != dest {
		t.Errorf("Commit = %v, want an error naming %s", err, dest)
	}
	if diff := cmp.Diff(map[string]string{"a/b": "user's"}, tree(t, dir)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// stageAll stages files in d, failing the test on an error.
func stageAll(t *testing.T, d *Dir, files map[string]string) {
	t.Helper()
	for name, text := range files {
		f, err := d.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
}

const header = "# test manifest\n"

// TestDir builds a directory twice among a user's files: the second
// Commit removes the first's files it does not write again, and the
// directories that leaves empty, keeps the user's, and lists its own.
func TestDir(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	d, err := OpenDir(out, ".manifest", header)
	if err != nil {
		t.Fatal(err)
	}
	stageAll(t, d, map[string]string{"index.html": "1", "a/x.html": "1", "b/y.html": "1", "c/d/z.html": "1"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	plant(t, out, map[string]string{"CNAME": "me", "b/mine.txt": "me"})
	if d, err = OpenDir(out, ".manifest", header); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a/x.html", "b/y.html", "c/d/z.html", "index.html"}, d.Listed()); diff != "" {
		t.Errorf("Listed (-want +got):\n%s", diff)
	}
	stageAll(t, d, map[string]string{"index.html": "2", "e/w.html": "2"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		".manifest":  header + "e/w.html\nindex.html\n",
		"CNAME":      "me",
		"b/mine.txt": "me",
		"e/w.html":   "2",
		"index.html": "2",
	}
	if diff := cmp.Diff(want, tree(t, out)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A second Commit of the same Dir, which would find none of its
	// files staged, removes none of them.
	if err := d.Commit(); err == nil {
		t.Error("a second Commit succeeded")
	}
	if _, err := d.Create("late.html"); err == nil {
		t.Error("Create after Commit succeeded")
	}
	if diff := cmp.Diff(want, tree(t, out)); diff != "" {
		t.Errorf("after a second Commit (-want +got):\n%s", diff)
	}
}

// TestDirAbort stages files, some in new directories, and aborts: the
// directory is as it was, byte for byte, and one that did not exist
// does not.
func TestDirAbort(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	d, err := OpenDir(out, ".manifest", header)
	if err != nil {
		t.Fatal(err)
	}
	stageAll(t, d, map[string]string{"index.html": "1", "a/b/x.html": "1"})
	d.Abort()
	if diff := cmp.Diff(map[string]string{}, tree(t, parent)); diff != "" {
		t.Errorf("after aborting a new directory (-want +got):\n%s", diff)
	}

	plant(t, out, map[string]string{".manifest": header + "index.html\n", "index.html": "1", "a/mine": "me"})
	before := tree(t, out)
	if d, err = OpenDir(out, ".manifest", header); err != nil {
		t.Fatal(err)
	}
	stageAll(t, d, map[string]string{"index.html": "2", "a/b/c/x.html": "2", "new/y.html": "2"})
	if _, err := d.Create("a/mine/z.html"); !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("Create under a file = %v, want ENOTDIR", err)
	}
	for _, name := range []string{"../x", "/x", "a\nb", "#a", ".manifest"} {
		if _, err := d.Create(name); err == nil {
			t.Errorf("Create(%q) succeeded", name)
		}
	}
	if _, err := d.Create("a"); !errors.Is(err, syscall.EISDIR) {
		t.Errorf("Create at a directory = %v, want EISDIR", err)
	}
	d.Abort()
	if diff := cmp.Diff(before, tree(t, out)); diff != "" {
		t.Errorf("after aborting (-before +after):\n%s", diff)
	}
}

// TestOpenDir refuses a directory of another's files without a manifest,
// takes an empty manifest and one of another form to list nothing, and
// never lists a file outside the directory.
func TestOpenDir(t *testing.T) {
	dir := t.TempDir()
	plant(t, dir, map[string]string{"CNAME": "me"})
	if _, err := OpenDir(dir, ".manifest", header); !errors.Is(err, ErrNotManaged) {
		t.Errorf("OpenDir without a manifest = %v, want ErrNotManaged", err)
	}
	for _, tt := range []struct {
		manifest string
		listed   []string
		unlisted bool
	}{
		{"", nil, false},
		{"This directory is a site written by an older version.\n", nil, true},
		{header + "../outside\n/etc/passwd\na\\b\n.manifest\nok.html\n#x\n", []string{"ok.html"}, false},
	} {
		plant(t, dir, map[string]string{".manifest": tt.manifest})
		d, err := OpenDir(dir, ".manifest", header)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.listed, d.Listed()); diff != "" || d.Unlisted() != tt.unlisted {
			t.Errorf("manifest %q: Listed (-want +got):\n%s, Unlisted = %v", tt.manifest, diff, d.Unlisted())
		}
	}
}

// TestDirConcurrent stages files from many goroutines, as talkmeta site
// writes its pages, each also trying one name all of them want: that one
// is staged once, the others refused, and no staged file is left over.
func TestDirConcurrent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	d, err := OpenDir(out, ".manifest", "")
	if err != nil {
		t.Fatal(err)
	}
	const n = 32
	var wg sync.WaitGroup
	var mu sync.Mutex
	sameStaged := 0
	for i := range n {
		wg.Go(func() {
			name := fmt.Sprintf("d%d/p%d.html", i%4, i)
			if f, err := d.Create(name); err != nil {
				t.Error(err)
			} else {
				f.Write([]byte(name))
			}
			if f, err := d.Create("same.html"); err == nil {
				f.Write([]byte("same"))
				mu.Lock()
				sameStaged++
				mu.Unlock()
			} else if !errors.Is(err, fs.ErrExist) {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"same.html": "same"}
	manifest := ""
	for i := range n {
		name := fmt.Sprintf("d%d/p%d.html", i%4, i)
		want[name] = name
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		manifest += name + "\n"
	}
	want[".manifest"] = manifest
	if diff := cmp.Diff(want, tree(t, out)); diff != "" || sameStaged != 1 {
		t.Errorf("same.html staged %d times; (-want +got):\n%s", sameStaged, diff)
	}
}
