package staged

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReplaceKeepsLinkAndMode replaces a file through a symbolic link
// to it, and one of a mode of its own: the link stays a link, to the
// file written, and the file keeps its mode, where a rename alone would
// have put a file of the process's mode in the link's place.
func TestReplaceKeepsLinkAndMode(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links and permission bits are unix's")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "kept", "pages.txt")
	plant(t, dir, map[string]string{"kept/pages.txt": "old\n"})
	if err := os.Chmod(target, 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "pages.txt")
	if err := os.Symlink(filepath.Join("kept", "pages.txt"), link); err != nil {
		t.Fatal(err)
	}
	if err := Replace(link, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if to, err := os.Readlink(link); err != nil || to != filepath.Join("kept", "pages.txt") {
		t.Errorf("the link is no link to the file now: %q, %v", to, err)
	}
	st, err := os.Stat(target)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode() != 0o640 {
		t.Errorf("mode %v, want %v", st.Mode(), fs.FileMode(0o640))
	}
	want := map[string]string{"kept/pages.txt": "new\n", "pages.txt": "new\n"} // the link read through
	if diff := cmp.Diff(want, tree(t, dir)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// A link to a file not made yet, by way of a link to a directory
	// elsewhere, whose ".." is that directory's parent.
	if err := os.Mkdir(filepath.Join(dir, "kept", "sub"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("kept", "sub"), filepath.Join(dir, "state")); err != nil {
		t.Fatal(err)
	}
	ahead := filepath.Join(dir, "ahead.txt")
	if err := os.Symlink("state/../ahead.txt", ahead); err != nil { // not filepath.Join's, which is "ahead.txt"
		t.Fatal(err)
	}
	if err := Replace(ahead, []byte("made\n")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(ahead); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link to a file not made yet is no link now: %v, %v", st, err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "kept", "ahead.txt")); err != nil || string(data) != "made\n" {
		t.Errorf("kept/ahead.txt, the file linked to: %q, %v", data, err)
	}
}

// TestReplaceRefusesReadOnly leaves a file its owner may not write as
// it is, with an error that names it and says why, and a file that
// cannot be made beside its name says which step failed.
func TestReplaceRefusesReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permission bits are unix's")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "pages.txt")
	plant(t, dir, map[string]string{"pages.txt": "old\n"})
	if err := os.Chmod(name, 0o444); err != nil {
		t.Fatal(err)
	}
	err := Replace(name, []byte("new\n"))
	if !errors.Is(err, ErrReadOnly) || err.Error() != "replace "+name+": it is read-only (its owner may not write it)" {
		t.Errorf("Replace: %v", err)
	}
	if diff := cmp.Diff(map[string]string{"pages.txt": "old\n"}, tree(t, dir)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	missing := filepath.Join(dir, "missing", "pages.txt")
	err = Replace(missing, []byte("new\n"))
	if err == nil || err.Error() != "replace "+missing+": a new file cannot be made beside it: no such file or directory" {
		t.Errorf("Replace of a file in no directory: %v", err)
	}
}
