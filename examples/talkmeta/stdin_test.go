package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStdin pipes a record into each verb that reads one, named "-" as
// most programs name standard input: it is read as a talk file outside
// any event is (no ID or event from a file name it does not have), and
// named <stdin> in errors. "-" was a file of that name, which was never
// there ("stat -: no such file or directory").
func TestStdin(t *testing.T) {
	record := readFile(t, seedTalk)
	chipy := readFile(t, filepath.Join(archive, "chipy", "videos", "15260.json"))
	items := `[{"id": "a", "type": "book", "title": "A Book", "issued": {"date-parts": [[2020]]}}]`
	for _, tt := range []struct {
		name, stdin string
		args        []string
	}{
		{"show.txt", record, []string{"show", "-"}},
		{"show-twice.txt", record, []string{"show", "-", "-"}},
		{"urls.txt", record, []string{"urls", "-"}},
		{"render-bibtex.txt", record, []string{"render", "-to", "bibtex", "-"}},
		{"cite.txt", record, []string{"cite", "-"}},
		// The canonical form, on stdout, of a record that is not in it.
		{"fmt.txt", chipy, []string{"fmt", "-"}},
		{"fmt-w.txt", chipy, []string{"fmt", "-w", "-"}},
		{"fmt-twice.txt", record, []string{"fmt", "-", "-"}},
		{"check.txt", record, []string{"check", "-"}},
		{"check-bad.txt", `{"title": "x", "speakers": [1]}`, []string{"check", "-"}},
		{"check-too-large.txt", strings.Repeat(" ", 1<<20+1), []string{"check", "-"}},
		{"show-too-large.txt", strings.Repeat(" ", 1<<20+1), []string{"show", "-"}},
		{"show-empty.txt", "", []string{"show", "-"}},
		{"cite-items.txt", items, []string{"cite", "-csl-json", "-"}},
		{"cite-bad-items.txt", `[{"id": "a", "title": 5}]`, []string{"cite", "-csl-json", "-"}},
		{"import-rubyevents.txt", "", []string{"import", "-from", "rubyevents", "-", "-o", "x"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "stdin/"+tt.name, runCommand(tt.stdin, tt.args...))
		})
	}
}

// TestStdinFmtCanonical formats a record piped in as fmt -w formats its
// file: the same bytes.
func TestStdinFmtCanonical(t *testing.T) {
	dir, videos, data := fmtArchive(t)
	file := filepath.Join(videos, "15260.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	piped := runCommand(string(data), "fmt", "-")
	if got := runCommand("", "fmt", "-w", dir); got.status != 0 || got.stderr != "" {
		t.Fatalf("fmt -w = %+v", got)
	}
	wantResult(t, piped, 0, []string{strings.TrimSuffix(readFile(t, file), "\n")}, nil)
}

// TestStdinFmtLoneSurrogate leaves a piped record holding half a
// surrogate pair unwritten, as fmt leaves its file, and names the value
// it is in by its pointer as well as its line and column.
func TestStdinFmtLoneSurrogate(t *testing.T) {
	record := "{\n  \"speakers\": [\"A\", \"B \\udc00\"],\n  \"title\": \"T\"\n}\n"
	wantResult(t, runCommand(record, "fmt", "-"), 1, nil, []string{
		`<stdin>:2:24: /speakers/1: not formatted: \udc00 is half of a UTF-16 surrogate pair, without the other; mend it by hand`,
	})
}

// TestStdinImport imports a schedule piped in: what the file gives.
func TestStdinImport(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	file := runCommand("", "import", "-from", "c3voc", "-o", a, "testdata/import/pair.json")
	piped := runCommand(readFile(t, "testdata/import/pair.json"), "import", "-from", "c3voc", "-o", b, "-")
	file.stdout = strings.ReplaceAll(file.stdout, a, "OUT") + tree(t, a)
	piped.stdout = strings.ReplaceAll(piped.stdout, b, "OUT") + tree(t, b)
	wantResult(t, piped, file.status, strings.Split(strings.TrimSuffix(file.stdout, "\n"), "\n"), nil)
}
