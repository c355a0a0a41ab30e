package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// snapshot returns the contents of every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			var b []byte
			b, err = os.ReadFile(p)
			files[p] = string(b)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestFmtTalkmetaArchive formats an archive of a pyvideo event and an
// imported talkmeta one: each record is formatted in its own form, so
// that the imported records, canonical as import writes them, are left
// as they are, and one that is not is written back as import wrote it.
func TestFmtTalkmetaArchive(t *testing.T) {
	pkg := inTempDir(t)
	importPair(t, pkg, "a")
	imported := snapshot(t, "a")
	copyEvent(t, pkg, "chipy", "a/chipy")

	// A talkmeta record indented with tabs: the same JSON, not canonical.
	const talk = "a/tinycon2024/talks/1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json"
	var b bytes.Buffer
	if err := json.Indent(&b, bytes.TrimSpace([]byte(imported[talk])), "", "\t"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(talk, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	wantResult(t, runCommand("", "fmt", "a"), 0, []string{"a/chipy/videos/15260.json", talk}, nil)
	wantResult(t, runCommand("", "fmt", "-w", "a"), 0, nil, nil)
	wantResult(t, runCommand("", "fmt", "a"), 0, nil, nil)
	got := snapshot(t, "a")
	for name := range got {
		if strings.HasPrefix(name, "a/chipy/") {
			delete(got, name)
		}
	}
	if diff := cmp.Diff(imported, got); diff != "" {
		t.Errorf("the talkmeta event after fmt -w (-as imported +after):\n%s", diff)
	}
	if r := runCommand("", "check", "a/tinycon2024"); r.status != 0 {
		t.Errorf("check after fmt -w: %+v", r)
	}
}

// TestFmtWriteKeepsMode rewrites records of several permissions: each
// keeps its own. (A read-only record is not rewritten: TestFmtReadOnly.)
func TestFmtWriteKeepsMode(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	const file = "a/chipy/videos/15260.json"
	for _, mode := range []fs.FileMode{0o600, 0o640, 0o604} {
		data, err := os.ReadFile(filepath.Join(pkg, archive, "chipy/videos/15260.json"))
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(file)
		if err := os.WriteFile(file, data, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(file, mode); err != nil { // whatever the umask
			t.Fatal(err)
		}
		wantResult(t, runCommand("", "fmt", "-w", file), 0, nil, nil)
		st, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode() != mode || readFile(t, file) == string(data) {
			t.Errorf("after fmt -w, %s has mode %v, and changed: %v; want mode %v and a change", file, st.Mode(), readFile(t, file) != string(data), mode)
		}
	}
}

// TestFmtLoneSurrogate leaves alone a record holding half a surrogate
// pair, which its canonical form would turn into U+FFFD, and says where
// it is, as check warns of it.
func TestFmtLoneSurrogate(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	name := "a/chipy/videos/15260.json"
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`"title": "`), []byte(`"title": "\ud800 `), 1)
	plantFile(t, name, string(data))
	before := snapshot(t, "a")
	got := runCommand("", "fmt", "-w", "a")
	line := 1 + bytes.Count(data[:bytes.Index(data, []byte(`\ud800`))], []byte("\n"))
	col := bytes.Index(data, []byte(`\ud800`)) - bytes.LastIndexByte(data[:bytes.Index(data, []byte(`\ud800`))], '\n')
	wantResult(t, got, 1, nil, []string{
		name + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + `: /title: not formatted: \ud800 is half of a UTF-16 surrogate pair, without the other; mend it by hand`,
	})
	if diff := cmp.Diff(before, snapshot(t, "a")); diff != "" {
		t.Errorf("files changed (-before +after):\n%s", diff)
	}
}

// TestFmtEventRecords formats the event records of the events whose
// talks it formats, each in its own form, as it formats the talks: a
// pyvideo category.json and a talkmeta event.json, both canonical but for
// their indentation, are listed, then written back canonical; but not
// when only a talk file, or a directory of talks, is named. An event
// record named is formatted alone, as one.
func TestFmtEventRecords(t *testing.T) {
	pkg := inTempDir(t)
	importPair(t, pkg, "a")
	copyEvent(t, pkg, "chipy", "a/chipy")
	canonical := snapshot(t, "a")
	const category, event = "a/chipy/category.json", "a/tinycon2024/event.json"
	for _, name := range []string{category, event} {
		var b bytes.Buffer
		if err := json.Indent(&b, bytes.TrimSpace([]byte(canonical[name])), "", "\t"); err != nil {
			t.Fatal(err)
		}
		plantFile(t, name, b.String())
	}

	// chipy's one talk is not canonical either.
	wantResult(t, runCommand("", "fmt", "a"), 0, []string{category, "a/chipy/videos/15260.json", event}, nil)
	wantResult(t, runCommand("", "fmt", "-w", "a"), 0, nil, nil)
	wantResult(t, runCommand("", "fmt", "a"), 0, nil, nil)
	got := snapshot(t, "a")
	for _, name := range []string{category, event} {
		if diff := cmp.Diff(canonical[name], got[name]); diff != "" {
			t.Errorf("%s after fmt -w (-canonical +got):\n%s", name, diff)
		}
	}

	// A talk file named is formatted alone, not its event record.
	plantFile(t, category, "{\"title\": \"Chipy\"}")
	plantFile(t, "a/chipy/videos/15260.json", "{\"title\": \"T\"}")
	wantResult(t, runCommand("", "fmt", "a/chipy/videos/15260.json"), 0, []string{"a/chipy/videos/15260.json"}, nil)
	wantResult(t, runCommand("", "fmt", "a/chipy/videos"), 0, []string{"a/chipy/videos/15260.json"}, nil)
	wantResult(t, runCommand("", "fmt", "a/chipy"), 0, []string{category, "a/chipy/videos/15260.json"}, nil)

	// An event record named is formatted as one, in its own form, not
	// as a talk in talkmeta's, which would drop its null description.
	plantFile(t, category, `{"title": "Chipy", "description": null}`)
	wantResult(t, runCommand("", "fmt", category), 0, []string{category}, nil)
	wantResult(t, runCommand("", "fmt", "-w", category), 0, nil, nil)
	if diff := cmp.Diff("{\n  \"description\": null,\n  \"title\": \"Chipy\"\n}\n", readFile(t, category)); diff != "" {
		t.Errorf("%s after fmt -w (-want +got):\n%s", category, diff)
	}
	plantFile(t, event, `{"title": "A", "title": "B"}`)
	wantResult(t, runCommand("", "fmt", event), 1, nil, []string{event + `:1:16: /title: invalid JSON: duplicate member name "title"`})
}

// TestWriteFileAtomicErrors: a file that cannot be written is named as
// the caller named it, with the step that failed, and never by the
// temporary file's name, which the user did not give; nothing is left
// behind.
func TestWriteFileAtomicErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "a-dir.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, name := range []string{"missing/a.json", "a-dir.json"} {
		err := writeFileAtomic(filepath.Join(dir, name), []byte("{}\n"))
		got = append(got, strings.ReplaceAll(fmt.Sprint(err), dir+string(filepath.Separator), ""))
	}
	want := []string{
		"missing/a.json: not written: a new file cannot be made beside it: no such file or directory",
		"a-dir.json: not written: the new file cannot replace it: file exists",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{}, snapshot(t, dir)); diff != "" {
		t.Errorf("files left behind (-want +got):\n%s", diff)
	}
}

// TestFmtReadOnly: fmt -w leaves a file its owner may not write as it
// is, as gofmt -w does, though renaming a new file into place could
// replace it; the other files are still formatted.
func TestFmtReadOnly(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "ev", "videos", "locked.json")
	open := filepath.Join(dir, "ev", "videos", "open.json")
	plantFile(t, filepath.Join(dir, "ev", "category.json"), "{\n  \"title\": \"Ev\"\n}\n")
	plantFile(t, locked, `{"title": "Locked"}`)
	plantFile(t, open, `{"title": "Open"}`)
	if err := os.Chmod(locked, 0o444); err != nil {
		t.Fatal(err)
	}
	got := runCommand("", "fmt", "-w", dir)
	got.stderr = strings.ReplaceAll(got.stderr, dir, "DIR")
	wantResult(t, got, 1, nil, []string{"DIR/ev/videos/locked.json: not written: it is read-only (its owner may not write it)"})
	if diff := cmp.Diff(`{"title": "Locked"}`, readFile(t, locked)); diff != "" {
		t.Errorf("the read-only file (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("{\n  \"title\": \"Open\"\n}\n", readFile(t, open)); diff != "" {
		t.Errorf("the other file (-want +got):\n%s", diff)
	}
}

// TestFmtWriteLongName rewrites a record whose name is near the longest
// a file system allows (255 bytes): the temporary file beside it, named
// "." and the record's name and a random suffix, was too long to make
// ("file name too long"), and the record was never rewritten. Its whole
// directory is as it would be for a short name.
func TestFmtWriteLongName(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	long := "a/chipy/videos/" + strings.Repeat("ü", 120) + "-15260.json" // 251 bytes
	if err := os.Rename("a/chipy/videos/15260.json", long); err != nil {
		t.Skipf("no such name here: %v", err)
	}
	data := readFile(t, long)
	wantResult(t, runCommand("", "fmt", "-w", long), 0, nil, nil)
	copyEvent(t, pkg, "chipy", "b/chipy")
	wantResult(t, runCommand("", "fmt", "-w", "b/chipy/videos/15260.json"), 0, nil, nil)
	if got, want := readFile(t, long), readFile(t, "b/chipy/videos/15260.json"); got != want || got == data {
		t.Errorf("after fmt -w, the long-named record is\n%s\nwant\n%s", got, want)
	}
	want := dirNames(t, "b/chipy/videos")
	want[slices.Index(want, "15260.json")] = filepath.Base(long)
	slices.Sort(want)
	if diff := cmp.Diff(want, dirNames(t, "a/chipy/videos")); diff != "" {
		t.Errorf("files beside it (-want +got):\n%s", diff)
	}
}
