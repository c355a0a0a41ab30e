package staged

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestLongNameCutInRune stages a file whose long name, cut to maxBase
// bytes, would end in half of a character: the cut goes back to the
// character's start, so that the staged name is UTF-8, which file
// systems that hold names as Unicode (APFS) refuse otherwise.
func TestLongNameCutInRune(t *testing.T) {
	dir := t.TempDir()
	name := "x" + strings.Repeat("é", 123) + ".html" // the 200th byte is the first of an "é"
	f, err := Create(filepath.Join(dir, name), 0o666)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Discard()
	base := filepath.Base(f.Name())
	if !utf8.ValidString(base) || !strings.HasPrefix(base, ".x"+strings.Repeat("é", 99)+".") {
		t.Errorf("staged as %q", base)
	}
}

// TestDirCreateUnderFile stages a file below a file of the user's: the
// error says which directory could not be made, and why.
func TestDirCreateUnderFile(t *testing.T) {
	out := t.TempDir()
	plant(t, out, map[string]string{"a": "user's", ".manifest": header})
	d, err := OpenDir(out, ".manifest", header)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	_, err = d.Create("a/b.html")
	if diff := cmp.Diff("mkdir "+filepath.Join(out, "a")+": not a directory", errString(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// TestDirCommitRenameFails commits a set whose second file cannot be
// renamed into place (the user made a directory of its name since it was
// staged): the files before it are new, those after it old, and none is
// left staged beside them; the manifest lists the old set and the new,
// each name once, so that the next Commit removes what this one left.
func TestDirCommitRenameFails(t *testing.T) {
	out := t.TempDir()
	plant(t, out, map[string]string{
		".manifest": header + "keep.html\nold.html\n",
		"keep.html": "old keep",
		"old.html":  "old",
	})
	d, err := OpenDir(out, ".manifest", header)
	if err != nil {
		t.Fatal(err)
	}
	stageAll(t, d, map[string]string{"a.html": "new a", "b.html": "new b", "keep.html": "new keep"})
	plant(t, out, map[string]string{"b.html/x": "user's"})
	if err := d.Commit(); err == nil {
		t.Fatal("Commit over a directory: no error")
	}
	want := map[string]string{
		".manifest": header + "a.html\nb.html\nkeep.html\nold.html\n",
		"a.html":    "new a",
		"b.html/x":  "user's",
		"keep.html": "old keep",
		"old.html":  "old",
	}
	if diff := cmp.Diff(want, tree(t, out)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDirCommitLeavesReplaced commits a set without a file the manifest
// lists, which the user has since replaced with a link to a file of
// theirs: the link is no longer the program's file, and is kept.
func TestDirCommitLeavesReplaced(t *testing.T) {
	out := t.TempDir()
	plant(t, out, map[string]string{".manifest": header + "old.html\n", "mine.html": "user's"})
	if err := os.Symlink("mine.html", filepath.Join(out, "old.html")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	d, err := OpenDir(out, ".manifest", header)
	if err != nil {
		t.Fatal(err)
	}
	stageAll(t, d, map[string]string{"a.html": "new a"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if target, err := os.Readlink(filepath.Join(out, "old.html")); err != nil || target != "mine.html" {
		t.Errorf("old.html after Commit: link to %q, %v; want the user's link to mine.html", target, err)
	}
}

// TestDirCommitSet commits a set of which one file was discarded, into
// a directory whose manifest is of an older form, which lists nothing:
// the discarded file is left out, the manifest lists the set, and the
// directory is no longer Unlisted.
func TestDirCommitSet(t *testing.T) {
	out := t.TempDir()
	plant(t, out, map[string]string{".manifest": "built by an older version\n"})
	d, err := OpenDir(out, ".manifest", header)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Unlisted() {
		t.Error("Unlisted = false before Commit, want true")
	}
	stageAll(t, d, map[string]string{"a.html": "new a"})
	f, err := d.Create("b.html")
	if err != nil {
		t.Fatal(err)
	}
	f.Discard()
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if d.Unlisted() {
		t.Error("Unlisted = true after Commit, want false")
	}
	want := map[string]string{".manifest": header + "a.html\n", "a.html": "new a"}
	if diff := cmp.Diff(want, tree(t, out)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
