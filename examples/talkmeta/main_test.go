package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/internal/golden"
)

// result is what a run of the command shows: its exit status and output.
type result struct {
	status         int
	stdout, stderr string
}

// runCommand runs the command in-process, as a user would from the
// shell, with stdin given.
func runCommand(stdin string, args ...string) result {
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, now: fixedNow}
	status := run(e, args)
	return result{status, out.String(), errOut.String()}
}

// checkGolden compares got with testdata/<name>, or rewrites it with -update.
// The file holds the exit status, then stdout, then stderr.
func checkGolden(t *testing.T, name string, got result) {
	t.Helper()
	text := "status: " + strconv.Itoa(got.status) + "\n-- stdout --\n" + got.stdout + "-- stderr --\n" + got.stderr
	golden.Check(t, filepath.Join("testdata", name), []byte(text))
}

// fixedNow is the tests' clock, so that output with a time stamp is stable.
func fixedNow() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// archive is the repository's copy of real pyvideo records.
const archive = "../../testdata/pyvideo"

func TestCommand(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
	}{
		{"default.txt", "", nil},
		{"help.txt", "", []string{"help"}},
		{"unknown-verb.txt", "", []string{"frobnicate"}},
		{"show-file.txt", "", []string{"show", archive + "/chipy/videos/15260.json"}},
		{"show-facts.txt", "", []string{"show", "testdata/show/keynote.json"}},
		// A block's parts, slides, a recording that will not come, and
		// a speaker known by a profile alone are shown as its page shows
		// them, not left out.
		{"show-block.txt", "", []string{"show", "testdata/show/block.json"}},
		// No id, of the talk or its event: no "id: /".
		{"show-no-id.txt", "", []string{"show", "testdata/show/no-id.json"}},
		// Characters that would act on the terminal (retitle it, clear
		// it, break or reorder a line) are shown escaped; the joiners of
		// Persian words and emoji are not.
		{"show-controls.txt", "", []string{"show", "testdata/show/controls.json"}},
		{"slug-args.txt", "", []string{"slug", "async/await in Python 3.5 and why it is awesome", "Café — ¿Qué tal?", "Асинхронный Python"}},
		{"slug-pyvideo.txt", "Asynchronous I/O\nWhat's new\nasync/await in Python 3.5 and why it is awesome\n", []string{"slug", "-style", "pyvideo"}},
		{"slug-max.txt", "", []string{"slug", "-max", "20", "async/await in Python 3.5 and why it is awesome"}},
		// Titles with no letters or digits: an empty line each, and a
		// word on what becomes of such a talk.
		{"slug-empty.txt", "", []string{"slug", "Go", "🐍🐍", "???"}},
		{"slug-empty-pyvideo.txt", "Go\n\n!!!\n", []string{"slug", "-style", "pyvideo"}},
		{"slug-bad-style.txt", "", []string{"slug", "-style", "nope", "x"}},
		// A line past the limit is named by its number, not as the
		// scanner's "token too long".
		{"slug-long-line.txt", "Go\n" + strings.Repeat("x", maxTitleLine+1) + "\nRust\n", []string{"slug"}},
		{"slug-bad-flag.txt", "", []string{"slug", "-nope"}},
		// A value a number or a boolean flag cannot take says what
		// to give, not the flag package's "parse error".
		{"slug-bad-max.txt", "", []string{"slug", "-max", "ten", "x"}},
		{"slug-huge-max.txt", "", []string{"slug", "-max", "99999999999999999999", "x"}},
		{"check-bad-strict.txt", "", []string{"check", "-strict=maybe", "x"}},
		// A flag given twice with two values is refused, where the
		// flag package kept the last without a word; the same value
		// twice ("-to bibtex -to=bibtex", "-ascii -ascii=true") is no conflict.
		{"import-twice.txt", "", []string{"import", "-from", "c3voc", "-o", "x", "-from", "frab", "-o", "y", "-o", "z", "s.json"}},
		{"render-twice.txt", "", []string{"render", "-to", "bibtex", "-to", "bibtex", "-ascii", "-ascii=true", "-to=bibtex", "testdata/import/no-such.json"}},
		// A language code that is none is refused, not read as English.
		{"slug-bad-lang.txt", "", []string{"slug", "-lang", "dr", "Rock & Roll"}},
		{"urls.txt", "", []string{"urls", archive}},
		{"urls-event.txt", "", []string{"urls", archive + "/europython-2016"}},
		{"urls-usage.txt", "", []string{"urls"}},
		{"fmt-list.txt", "", []string{"fmt", archive}},
		{"render-bibtex.txt", "", []string{"render", "-to", "bibtex", archive + "/europython-2016", archive + "/chipy"}},
		{"render-biblatex.txt", "", []string{"render", "-to", "biblatex", archive + "/europython-2016"}},
		{"render-ris.txt", "", []string{"render", "-to", "ris", archive + "/europython-2016"}},
		{"render-csl-json.txt", "", []string{"render", "-to", "csl-json", archive + "/europython-2016"}},
		{"render-jsonld.txt", "", []string{"render", "-to", "jsonld", "-base", "https://talks.example.org", archive + "/europython-2016"}},
		{"render-html.txt", "", []string{"render", "-to", "html", "-base", "https://talks.example.org", archive + "/europython-2016"}},
		{"render-usage.txt", "", []string{"render", "-to", "nope", archive}},
		{"check-archive.txt", "", []string{"check", archive}},
		{"check-strict.txt", "", []string{"check", "-strict", archive + "/chipy"}},
		{"check-file.txt", "", []string{"check", "-profile", "pyvideo", "testdata/check/bad.json"}},
		{"check-languages.txt", "", []string{"check", "-languages", "spa,por", archive + "/europython-2016/videos"}},
		{"check-usage.txt", "", []string{"check", "-profile", "nope", archive}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, tt.name, runCommand(tt.stdin, tt.args...))
		})
	}
}

// fmtArchive makes an archive of one event with an empty videos/
// directory, and returns the archive and the directory, and a real
// record that is not in canonical form.
func fmtArchive(t *testing.T) (dir, videos string, record []byte) {
	t.Helper()
	dir = t.TempDir()
	record, err := os.ReadFile(filepath.Join(archive, "chipy", "videos", "15260.json"))
	if err != nil {
		t.Fatal(err)
	}
	videos = filepath.Join(dir, "chipy", "videos")
	if err := os.MkdirAll(videos, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "chipy", "category.json"), []byte("{\n  \"title\": \"ChiPy\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, videos, record
}

// TestFmtWrite rewrites a non-canonical copy of a real record in place.
func TestFmtWrite(t *testing.T) {
	dir, videos, data := fmtArchive(t)
	file := filepath.Join(videos, "15260.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := runCommand("", "fmt", "-w", dir); got.status != 0 || got.stdout != "" || got.stderr != "" {
		t.Fatalf("fmt -w = %+v", got)
	}
	// A second run finds nothing left to change.
	if got := runCommand("", "fmt", dir); got.status != 0 || got.stdout != "" {
		t.Errorf("fmt after fmt -w = %+v, want no files listed", got)
	}
	checkGolden(t, "fmt-written.json.txt", result{stdout: readFile(t, file)})
	entries, _ := os.ReadDir(videos)
	if len(entries) != 1 {
		t.Errorf("fmt -w left %d files in %s, want 1 (no temporary files)", len(entries), videos)
	}
}

// TestFmtWriteThroughLink rewrites a record that the archive links to:
// the link stays a link, and the file it links to is rewritten.
func TestFmtWriteThroughLink(t *testing.T) {
	dir, videos, data := fmtArchive(t)
	target := filepath.Join(t.TempDir(), "15260.json")
	if err := os.WriteFile(target, data, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(videos, "15260.json")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if got := runCommand("", "fmt", "-w", dir); got.status != 0 || got.stdout != "" || got.stderr != "" {
		t.Fatalf("fmt -w = %+v", got)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("after fmt -w, %s is no longer a symbolic link (%v)", link, err)
	}
	checkGolden(t, "fmt-written.json.txt", result{stdout: readFile(t, target)})
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
