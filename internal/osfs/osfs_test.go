package osfs

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

var archive = filepath.Join("..", "..", "testdata", "pyvideo")

// TestDirFS holds DirFS to the fs.FS contract with the standard
// library's own checker, on the repository's copy of a pyvideo archive.
func TestDirFS(t *testing.T) {
	if err := fstest.TestFS(DirFS(archive), "LICENSE", "europython-2016/category.json"); err != nil {
		t.Fatal(err)
	}
}

// TestDirFSErrors: a failed Open says what os.DirFS says, so that callers
// see no difference but the speed.
func TestDirFSErrors(t *testing.T) {
	for _, name := range []string{"missing.json", "../LICENSE", "/etc/passwd", "a//b", ""} {
		_, want := os.DirFS(archive).Open(name)
		_, got := DirFS(archive).Open(name)
		compareErrors(t, "Open", name, want, got)
		_, want = fs.ReadFile(os.DirFS(archive), name)
		_, got = fs.ReadFile(DirFS(archive), name)
		compareErrors(t, "ReadFile", name, want, got)
	}
	const dir = "europython-2016" // opens, but does not read
	_, want := fs.ReadFile(os.DirFS(archive), dir)
	_, got := fs.ReadFile(DirFS(archive), dir)
	compareErrors(t, "ReadFile", dir, want, got)
}

// compareErrors fails unless two errors of a call are the same
// *fs.PathError.
func compareErrors(t *testing.T, call, name string, want, got error) {
	t.Helper()
	if want == nil || got == nil {
		t.Fatalf("%s(%q): os.DirFS %v, DirFS %v; want errors", call, name, want, got)
	}
	var pw, pg *fs.PathError
	if !errors.As(want, &pw) || !errors.As(got, &pg) {
		t.Fatalf("%s(%q): errors %T and %T, want *fs.PathError", call, name, want, got)
	}
	type summary struct {
		Op, Path string
		NotExist bool
		Err      string
	}
	sum := func(e *fs.PathError) summary {
		return summary{e.Op, e.Path, errors.Is(e, fs.ErrNotExist), e.Err.Error()}
	}
	if diff := cmp.Diff(sum(pw), sum(pg)); diff != "" {
		t.Errorf("%s(%q) error (-os.DirFS +DirFS):\n%s", call, name, diff)
	}
}

// TestReadFile reads a file whole, at its size and without a limit, and
// refuses it, unread, one byte under its size.
func TestReadFile(t *testing.T) {
	const name = "europython-2016/category.json"
	want, err := os.ReadFile(filepath.Join(archive, name))
	if err != nil {
		t.Fatal(err)
	}
	size := int64(len(want))
	for _, fsys := range []fs.FS{os.DirFS(archive), DirFS(archive), fstest.MapFS{name: {Data: want}}} {
		for _, limit := range []int64{-1, size} {
			got, err := ReadFile(fsys, name, limit)
			if err != nil || string(got) != string(want) {
				t.Errorf("%T, limit %d: %d bytes, %v; want the file's %d bytes", fsys, limit, len(got), err, size)
			}
		}
		_, err := ReadFile(fsys, name, size-1)
		if diff := cmp.Diff(&TooLargeError{Name: name, Size: size, Limit: size - 1}, err); diff != "" {
			t.Errorf("%T, limit %d (-want +got):\n%s", fsys, size-1, diff)
		}
	}
}

// TestReadFileWithoutSize reads files whose size Stat cannot tell, short
// and long, whole within a limit and refused past it: a limit is no
// reason to refuse a file before it is read when its size is unknown.
func TestReadFileWithoutSize(t *testing.T) {
	for _, size := range []int{0, 100, 511, 512, 513, 5000} {
		want := bytes.Repeat([]byte{'x'}, size)
		fsys := noStatFS{fstest.MapFS{"f": {Data: want}}}
		for _, limit := range []int64{-1, int64(size), int64(size) + 1} {
			got, err := ReadFile(fsys, "f", limit)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%d bytes, limit %d: %d bytes, %v; want the file", size, limit, len(got), err)
			}
		}
		if size == 0 {
			continue
		}
		_, err := ReadFile(fsys, "f", int64(size)-1)
		if diff := cmp.Diff(&TooLargeError{Name: "f", Size: -1, Limit: int64(size) - 1}, err); diff != "" {
			t.Errorf("%d bytes, limit %d (-want +got):\n%s", size, size-1, diff)
		}
	}
}

// noStatFS is a file system whose files cannot say their size.
type noStatFS struct{ fs fs.FS }

func (n noStatFS) Open(name string) (fs.File, error) {
	f, err := n.fs.Open(name)
	return noStatFile{f}, err
}

type noStatFile struct{ fs.File }

func (noStatFile) Stat() (fs.FileInfo, error) { return nil, errors.New("no stat here") }

// BenchmarkReadArchive reads every file of the repository's pyvideo
// archive through os.DirFS and through DirFS, as ReadFile reads a
// record: the difference is the system calls DirFS saves.
func BenchmarkReadArchive(b *testing.B) {
	var names []string
	fs.WalkDir(os.DirFS(archive), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	for _, fsys := range []struct {
		name string
		fs   fs.FS
	}{{"os.DirFS", os.DirFS(archive)}, {"osfs.DirFS", DirFS(archive)}} {
		b.Run(fsys.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, name := range names {
					if _, err := ReadFile(fsys.fs, name, -1); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// TestIs asks of each kind of entry whether it is a directory and a
// regular file, following links.
func TestIs(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "dir"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"to-dir": "dir", "to-file": "file", "dangling": "missing"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	fsys := DirFS(dir)
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]bool{}
	for _, e := range entries {
		got[e.Name()] = [2]bool{Is(fsys, e.Name(), e, fs.FileMode.IsDir), Is(fsys, e.Name(), e, fs.FileMode.IsRegular)}
	}
	want := map[string][2]bool{ // {a directory, a regular file}
		"dir":      {true, false},
		"file":     {false, true},
		"to-dir":   {true, false},
		"to-file":  {false, true},
		"dangling": {false, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestHoldsJSON finds a .json file anywhere below a directory, and only
// there.
func TestHoldsJSON(t *testing.T) {
	fsys := fstest.MapFS{
		"tools/notes/a.json": {Data: []byte("{}")},
		"tools/readme.txt":   {Data: []byte("x")},
		"docs/index.md":      {Data: []byte("x")},
		"docs/json/x.txt":    {Data: []byte("x")},
		"old/a.json/x.txt":   {Data: []byte("x")}, // a directory named as a record is none
	}
	var got []string
	for _, dir := range []string{".", "tools", "tools/notes", "docs", "old", "missing"} {
		got = append(got, fmt.Sprintf("%s %v", dir, HoldsJSON(fsys, dir)))
	}
	want := []string{". true", "tools true", "tools/notes true", "docs false", "old false", "missing false"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReadFileBrokenLink reads links that lead nowhere, through DirFS
// and os.DirFS: the error says where each leads, and is still
// fs.ErrNotExist for one to a missing file. A link to a directory is
// left to say it is one.
func TestReadFileBrokenLink(t *testing.T) {
	dir := t.TempDir()
	for link, target := range map[string]string{"gone.json": "nowhere.json", "loop.json": "loop.json", "dir.json": "."} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		var got []string
		for _, name := range []string{"gone.json", "loop.json", "dir.json"} {
			_, err := ReadFile(fsys, name, -1)
			// os.DirFS's read error names the file by its whole path.
			msg := strings.ReplaceAll(fmt.Sprint(err), dir+string(filepath.Separator), "")
			got = append(got, fmt.Sprintf("%s (not exist: %v)", msg, errors.Is(err, fs.ErrNotExist)))
		}
		want := []string{
			"open gone.json: a symbolic link to nowhere.json, which does not exist (not exist: true)",
			"open loop.json: a symbolic link to loop.json, which cannot be followed: too many levels of symbolic links (not exist: false)",
			"read dir.json: is a directory (not exist: false)",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%T (-want +got):\n%s", fsys, diff)
		}
	}
}

// TestStatReadDirNames holds Stat and ReadDir to ReadFile's words for a
// link that cannot be followed and a name that is not UTF-8, on DirFS
// and os.DirFS alike, and to fs.Stat's and fs.ReadDir's results
// otherwise.
func TestStatReadDirNames(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "bad\xff"), 0o755); err != nil {
		t.Skipf("no such names here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.json"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"gone": "nowhere", "loop": "loop"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		var got []string
		for _, name := range []string{"a.json", "gone", "loop", "bad\xff"} {
			fi, err := Stat(fsys, name)
			if err == nil {
				got = append(got, fmt.Sprintf("stat %s: regular %v", name, fi.Mode().IsRegular()))
			} else {
				got = append(got, fmt.Sprintf("%v (not exist: %v, invalid: %v)", err, errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrInvalid)))
			}
		}
		for _, name := range []string{".", "bad\xff"} {
			entries, err := ReadDir(fsys, name)
			got = append(got, fmt.Sprintf("readdir %s: %d entries, %v", name, len(entries), err))
		}
		want := []string{
			"stat a.json: regular true",
			"stat gone: a symbolic link to nowhere, which does not exist (not exist: true, invalid: false)",
			"stat loop: a symbolic link to loop, which cannot be followed: too many levels of symbolic links (not exist: false, invalid: false)",
			`stat bad` + "\xff" + `: the name ("bad\xff") is not valid UTF-8, which an fs.FS cannot open; rename it (not exist: false, invalid: true)`,
			"readdir .: 4 entries, <nil>",
			`readdir bad` + "\xff" + `: 0 entries, readdir bad` + "\xff" + `: the name ("bad\xff") is not valid UTF-8, which an fs.FS cannot open; rename it`,
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%T (-want +got):\n%s", fsys, diff)
		}
	}
}

// FuzzFoldName holds FoldName's ASCII shortcut to the whole fold.
func FuzzFoldName(f *testing.F) {
	for _, s := range []string{"ev/Intro.html", "intro", "caf\u00e9", "cafe\u0301", "\u212alvin", "ß", "A-Z@[`{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := FoldName(name), cases.Fold().String(norm.NFC.String(name)); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", name, got, want)
		}
	})
}

// TestTooLargeErrorWords words a file too large with its size, and one
// that grew past the limit as it was read (standard input, whose size
// is not known) without one: not as "file size -1".
func TestTooLargeErrorWords(t *testing.T) {
	got := []string{
		(&TooLargeError{Name: "x.json", Size: 5013, Limit: 4096}).Error(),
		(&TooLargeError{Name: "<stdin>", Size: -1, Limit: 4096}).Error(),
	}
	want := []string{
		"x.json: file size 5013 exceeds the limit of 4096",
		"<stdin>: file size exceeds the limit of 4096",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReadFileInvalidPath reads a path that no fs.FS may name, "../x":
// the error is os.DirFS's, not the one for a name that is not UTF-8,
// which this name is.
func TestReadFileInvalidPath(t *testing.T) {
	_, err := ReadFile(DirFS(t.TempDir()), "../x", -1)
	if diff := cmp.Diff("open ../x: invalid argument", fmt.Sprint(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
