package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// seedTalk is the seed talk's record in the repository's copy of the
// pyvideo corpus.
const seedTalk = archive + "/europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"

func TestCite(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"bibtex.txt", []string{"-format", "bibtex", seedTalk}},
		{"bibtex-ascii.txt", []string{"-format", "bibtex", "-ascii", seedTalk}},
		{"biblatex.txt", []string{"-format", "biblatex", seedTalk}},
		{"ris.txt", []string{"-format", "ris", seedTalk}},
		{"csl-json.txt", []string{"-format", "csl-json", seedTalk}},
		{"csl-json-event-date.txt", []string{"-format", "csl-json", "-event-date", seedTalk}},
		{"archive-bibtex.txt", []string{"-format", "bibtex", archive}},
		{"archive-twice-ris.txt", []string{"-format", "ris", seedTalk, seedTalk}},
		{"usage.txt", nil},
		{"bad-format.txt", []string{"-format", "endnote", seedTalk}},
		{"format-and-style.txt", []string{"-format", "ris", "-style", "mla", seedTalk}},
		{"ascii-without-format.txt", []string{"-ascii", seedTalk}},
		{"apa.txt", []string{"-style", "apa", seedTalk}},
		{"mla-html.txt", []string{"-style", "mla", "-html", "-event-date", seedTalk}},
		// MLA prints a talk's date from event-date only: -style mla
		// adds it unless told not to, where it printed no date.
		{"mla.txt", []string{"-style", "mla", archive + "/europython-2016"}},
		{"mla-no-event-date.txt", []string{"-style", "mla", "-event-date=false", seedTalk}},
		{"archive-chicago.txt", []string{"-style", "chicago", archive}},
		{"ieee-harvard.txt", []string{"-style", "ieee", seedTalk}},
		{"bad-style.txt", []string{"-style", "vancouver", seedTalk}},
		{"items-bibliography.txt", []string{"-style", "apa", "-csl-json", "testdata/cite/items.json"}},
		{"items-citation.txt", []string{"-style", "chicago", "-csl-json", "testdata/cite/items.json", "-mode", "citation"}},
		{"items-citations.txt", []string{"-style", "chicago", "-csl-json", "testdata/cite/items.json", "-mode", "citations"}},
		{"items-bad-mode.txt", []string{"-csl-json", "testdata/cite/items.json", "-mode", "cluster"}},
		{"items-and-talks.txt", []string{"-csl-json", "testdata/cite/items.json", seedTalk}},
		{"missing-file.txt", []string{"-format", "ris", "testdata/cite/no-such-talk.json", seedTalk}},
		// Talks formatted together, as one bibliography: an author's two
		// talks of a year told apart, a numeric style's entries numbered,
		// which references made alone are not; a record that cannot be
		// read is reported and the rest formatted.
		{"alone-apa.txt", []string{"-style", "apa", "testdata/cite-together"}},
		{"together-apa.txt", []string{"-style", "apa", "-mode", "bibliography", "testdata/cite-together"}},
		{"together-ieee.txt", []string{"-style", "ieee", "-mode", "bibliography", "testdata/cite-together"}},
		{"together-citation.txt", []string{"-mode", "citation", "testdata/cite-together"}},
		{"together-citations-html.txt", []string{"-mode", "citations", "-html", "testdata/cite-together"}},
		{"together-bad-mode.txt", []string{"-mode", "cluster", "testdata/cite-together"}},
		{"together-format.txt", []string{"-mode", "bibliography", "-format", "ris", "testdata/cite-together"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "cite/"+tt.name, runCommand("", append([]string{"cite"}, tt.args...)...))
		})
	}
}

// TestCiteFiles reads bad style, locale and item files: each error names
// the file, and a device is refused rather than read without end.
func TestCiteFiles(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"truncated-style.txt", []string{"-style", "testdata/cite-files/truncated.csl", seedTalk}},
		{"truncated-locale.txt", []string{"-locale", "testdata/cite-files/truncated-locale.xml", seedTalk}},
		{"missing-items.txt", []string{"-csl-json", "testdata/cite-files/no-such-items.json"}},
		{"bad-items.txt", []string{"-csl-json", "testdata/cite-files/truncated.csl"}},
		// The file, then the item's place in it: path:line:col, as every
		// error with a place is worded, not the csl package's "(4:4)".
		{"wrong-type-items.txt", []string{"-csl-json", "testdata/cite-files/wrong-type-items.json"}},
		{"unknown-element.txt", []string{"-style", "testdata/cite-files/unknown-element.csl", seedTalk}},
		// A style of citations only is refused once, naming it, not
		// once a talk or an item; its citations are still had.
		{"citations-only-talks.txt", []string{"-style", "testdata/cite-files/citations-only.csl", seedTalk, seedTalk}},
		{"citations-only-items.txt", []string{"-style", "testdata/cite-files/citations-only.csl", "-csl-json", "testdata/cite-files/wrong-type-items.json"}},
		{"citations-only-citation.txt", []string{"-style", "testdata/cite-files/citations-only.csl", "-mode", "citations", "-csl-json", "testdata/cite-files/items.json"}},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, struct {
			name string
			args []string
		}{"device-items.txt", []string{"-csl-json", "/dev/zero"}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "cite-files/"+tt.name, runCommand("", append([]string{"cite"}, tt.args...)...))
		})
	}
}

// TestCiteHostileFiles refuses a named pipe and files over the limits
// before reading them.
func TestCiteHostileFiles(t *testing.T) {
	dir := t.TempDir()
	huge := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, size); err != nil {
			t.Fatal(err)
		}
		return p
	}
	items, style := huge("items.json", itemsLimit+1), huge("style.csl", styleLimit+1)
	tests := []struct {
		args []string
		want result
	}{
		{[]string{"-csl-json", items}, result{status: 1, stderr: items + ": file size 67108865 exceeds the limit of 67108864\n"}},
		{[]string{"-style", style, seedTalk}, result{status: 1, stderr: style + ": file size 4194305 exceeds the limit of 4194304\n"}},
	}
	pipe := filepath.Join(dir, "pipe.json")
	if err := mkfifo(pipe); err == nil {
		tests = append(tests, struct {
			args []string
			want result
		}{[]string{"-csl-json", pipe}, result{status: 1, stderr: pipe + ": a named pipe, where a file was expected; not read\n"}})
	}
	for _, tt := range tests {
		got := runCommand("", append([]string{"cite"}, tt.args...)...)
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(result{})); diff != "" {
			t.Errorf("cite %q (-want +got):\n%s", tt.args, diff)
		}
	}
}

// TestCitePartialLocale cites with a locale file that holds one term:
// en-US gives the rest, as CSL's locale fallback says, so the reference
// is the one without the file.
func TestCitePartialLocale(t *testing.T) {
	want := runCommand("", "cite", "-style", "apa", seedTalk)
	got := runCommand("", "cite", "-style", "apa", "-locale", "testdata/cite-files/partial-locale.xml", seedTalk)
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("(-without +with the partial locale):\n%s", diff)
	}
	if want.status != 0 || want.stdout == "" {
		t.Fatalf("cite: %+v", want)
	}
}
