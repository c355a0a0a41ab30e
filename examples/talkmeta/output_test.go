package main

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fullWriter is a standard output on a full disk: every write fails. It
// counts the writes tried.
type fullWriter struct{ writes int }

var errFull = errors.New("write /dev/stdout: no space left on device")

func (w *fullWriter) Write(p []byte) (int, error) {
	w.writes++
	return 0, errFull
}

// TestOutputFails runs every verb that writes to stdout with stdout on a
// full disk: the error is reported once, as the verb's and not a
// record's, the status is 1, and nothing more is tried after the first
// failed write.
func TestOutputFails(t *testing.T) {
	dir := t.TempDir()
	if r := runCommand("", "import", "-from", "c3voc", "-o", dir, "testdata/import/pair.json"); r.status != 0 {
		t.Fatal(r)
	}
	for _, tt := range []struct {
		args   []string
		stdin  string
		status int // when not 1
	}{
		{args: []string{"show", archive}},
		{args: []string{"show"}},
		{args: nil},
		{args: []string{"help"}},
		{args: []string{"urls", archive}},
		{args: []string{"check", archive}},
		{args: []string{"fmt", archive}},
		{args: []string{"slug", "a", "b"}},
		{args: []string{"slug", "a", "!!!"}}, // no word on the title after the failed write
		{args: []string{"slug"}, stdin: "a\nb\n"},
		{args: []string{"cite", archive}},
		{args: []string{"cite", "-style", "mla", "-html", archive}},
		{args: []string{"cite", "-format", "bibtex", archive}},
		{args: []string{"cite", "-format", "csl-json", archive}},
		{args: []string{"cite", "-csl-json", "testdata/cite/items.json"}},
		{args: []string{"render", "-to", "bibtex", archive}},
		{args: []string{"render", "-to", "ics", archive}},
		{args: []string{"render", "-to", "jsonld", archive + "/chipy/videos/15260.json"}},
		{args: []string{"render", "-to", "html", archive + "/chipy/videos/15260.json"}},
		{args: []string{"import", "-from", "c3voc", "-o", t.TempDir(), "testdata/import/pair.json"}},
		{args: []string{"render", "-to", "bibtex", dir}},
	} {
		name := strings.Join(tt.args, " ")
		t.Run(name, func(t *testing.T) {
			var stderr bytes.Buffer
			out := &fullWriter{}
			e := &env{stdin: strings.NewReader(tt.stdin), stdout: out, stderr: &stderr, now: fixedNow}
			status := run(e, tt.args)
			verb := "talkmeta"
			if len(tt.args) > 0 {
				verb += " " + tt.args[0]
			}
			want := result{status: 1, stderr: verb + ": writing output: " + errFull.Error() + "\n"}
			got := result{status: status, stderr: stderr.String()}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if out.writes != 1 {
				t.Errorf("%d writes tried, want 1: no more after the first failed", out.writes)
			}
		})
	}
}

// TestOutputDevFull writes to /dev/full, as "talkmeta urls DIR >
// /dev/full" does.
func TestOutputDevFull(t *testing.T) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: f, stderr: &stderr, now: fixedNow}
	got := result{status: run(e, []string{"urls", archive}), stderr: stderr.String()}
	want := result{status: 1, stderr: "talkmeta urls: writing output: write /dev/full: no space left on device\n"}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestOutputFailsStops checks that a verb stops reading once its output
// has failed: a bad record after the first talk is not reported, since
// the run has already failed for a reason that the record cannot change.
func TestOutputFailsStops(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a-first", "z-last"} {
		if err := os.MkdirAll(dir+"/"+name+"/videos", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dir+"/"+name+"/category.json", []byte(`{"title": "`+name+`"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good, err := os.ReadFile(archive + "/chipy/videos/15260.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/a-first/videos/good.json", good, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/z-last/videos/bad.json", []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, verb := range []string{"show", "urls", "fmt"} {
		t.Run(verb, func(t *testing.T) {
			var stderr bytes.Buffer
			e := &env{stdin: strings.NewReader(""), stdout: &fullWriter{}, stderr: &stderr, now: fixedNow}
			got := result{status: run(e, []string{verb, dir}), stderr: stderr.String()}
			want := result{status: 1, stderr: "talkmeta " + verb + ": writing output: " + errFull.Error() + "\n"}
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
