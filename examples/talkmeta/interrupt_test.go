package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// runInterrupted runs the command in-process as runCommand does, with a
// SIGINT already waiting for it, as when the user presses Ctrl-C before
// the first file is written.
func runInterrupted(args ...string) result {
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: fixedNow,
		notify: func(c chan<- os.Signal) func() {
			c <- os.Interrupt
			return func() {}
		}}
	status := run(e, args)
	return result{status, out.String(), errOut.String()}
}

// dirNames lists the names in dir, hidden ones too.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestFmtInterrupted interrupts fmt -w: it stops before the next file,
// which is left as it was, with no temporary file beside it (killed in
// the middle of a file, fmt -w left ".15260.json.tmp123" behind), and
// exits as a shell reports SIGINT. Without -w an interrupt is not held
// off: nothing is written, and the run may as well die.
func TestFmtInterrupted(t *testing.T) {
	dir, videos, data := fmtArchive(t)
	file := filepath.Join(videos, "15260.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	wantResult(t, runInterrupted("fmt", "-w", dir), 130, nil,
		[]string{"talkmeta fmt: interrupted; each file is either rewritten or as it was"})
	if got := readFile(t, file); got != string(data) {
		t.Errorf("after an interrupted fmt -w, %s changed", file)
	}
	if diff := cmp.Diff([]string{"15260.json"}, dirNames(t, videos)); diff != "" {
		t.Errorf("files in %s after an interrupted fmt -w (-want +got):\n%s", videos, diff)
	}
	wantResult(t, runInterrupted("fmt", dir), 0, []string{file}, nil)
}

// TestSiteInterrupted interrupts site: the old site is left as it was,
// and the pages staged in it are removed (killed, site would leave its
// ".index.html.….tmp" files behind).
func TestSiteInterrupted(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	wantResult(t, runInterrupted("site", "-o", out, archive), 130, nil,
		[]string{"talkmeta site: interrupted; " + out + " is left as it was"})
	if names := dirNames(t, parent); len(names) != 0 {
		t.Errorf("an interrupted site left %q in %s, want nothing", names, parent)
	}
}

// TestImportInterrupted interrupts import: it stops before the next
// file, says how many it wrote, and leaves no temporary file.
func TestImportInterrupted(t *testing.T) {
	out := t.TempDir()
	wantResult(t, runInterrupted("import", "-from", "c3voc", "-o", out, "testdata/import/pair.json"), 130,
		[]string{"0 talks of 0 events written to " + out + " (talkmeta layout)"},
		[]string{"talkmeta import: interrupted; " + out + " is not all written"})
	if names := dirNames(t, out); len(names) != 0 {
		t.Errorf("an interrupted import left %q in %s, want nothing", names, out)
	}
}
