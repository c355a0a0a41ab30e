package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
)

// TestErrorsNameTheFileFirst gives every verb that reads files a path
// that does not exist, and a site a place under a file: each error is
// "path: message", as the README says errors are worded, without the
// system call that failed ("stat", "open", "mkdir").
func TestErrorsNameTheFileFirst(t *testing.T) {
	inTempDir(t)
	plantFile(t, "file", "not a directory\n")
	missing := []string{"no such.json: no such file or directory"}
	for _, tt := range []struct {
		args   []string
		status int
		stderr []string
	}{
		{[]string{"show", "no such.json"}, 1, missing},
		{[]string{"urls", "no such.json"}, 1, missing},
		{[]string{"fmt", "no such.json"}, 1, missing},
		{[]string{"render", "-to", "ris", "no such.json"}, 1, missing},
		{[]string{"cite", "no such.json"}, 1, missing},
		{[]string{"cite", "-format", "bibtex", "no such.json"}, 1, missing},
		{[]string{"cite", "-style", "no such.csl", "file"}, 1, []string{"no such.csl: no such file or directory"}},
		{[]string{"import", "-from", "frab", "no such.json", "-o", "out"}, 1, missing},
		{[]string{"import", "-from", "rubyevents", "no such.json", "-o", "out"}, 1, missing},
		{[]string{"import", "-from", "rubyevents", "file", "-o", "out"}, 1, []string{"file: not a directory; -from rubyevents reads a RubyEvents data directory"}},
		{[]string{"site", "-o", "out", "no such.json"}, 1, append(missing, "talkmeta site: no talks were read; out is left as it was")},
		{[]string{"site", "-o", "file/site", "file"}, 1, []string{"file/site: not a directory"}},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			wantResult(t, runCommand("", tt.args...), tt.status, nil, tt.stderr)
		})
	}
}

// TestSitePageWriteError writes a page to a full device: the error is
// the site's (a page larger than writeFile's buffer is written as it is
// made, so the error comes back through the page's renderer), not the
// page's, which would be reported and passed over, leaving a site with a
// page missing.
func TestSitePageWriteError(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	err = writeFile(full, func(w io.Writer) error {
		_, err := w.Write(make([]byte, 64<<10))
		return err
	})
	var fe *fillError
	if err == nil || errors.As(err, &fe) {
		t.Errorf("writeFile(/dev/full) = %#v, want the error writing the file, not a *fillError", err)
	}
}

// TestSiteOutError words an error writing the site with the directory
// the user named and the step that failed, not the staged file the page
// is written to.
func TestSiteOutError(t *testing.T) {
	err := outError("small/site", "writing chipy/index.html", &os.PathError{Op: "write", Path: "small/site/chipy/.index.html.5f3a9c0e12d4b678.tmp", Err: errors.New("no space left on device")})
	const want = "small/site: not written: writing chipy/index.html: no space left on device"
	if got := verbError("site", err); got != want {
		t.Errorf("verbError = %q, want %q", got, want)
	}
}

// TestSiteProgressThenError reports an error after site's line of
// progress on a terminal: the line is cleared first, and the error has
// a line of its own, not the rest of "talkmeta site: 500 talks".
func TestSiteProgressThenError(t *testing.T) {
	inTempDir(t)
	plantFile(t, "a/ev/category.json", `{"title": "Ev"}`)
	for i := range 500 {
		plantFile(t, fmt.Sprintf("a/ev/videos/t%03d.json", i),
			fmt.Sprintf(`{"title": "Talk %d", "videos": [{"type": "youtube", "url": "https://youtu.be/%d"}]}`, i, i))
	}
	plantFile(t, "a/ev/videos/zz.json", "{")
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: fixedNow, isTerminal: true}
	status := run(e, []string{"site", "-o", "out", "a"})
	want := "\rtalkmeta site: 500 talks\r\033[Ka/ev/videos/zz.json:1:2: invalid JSON: unexpected end of input\n"
	if diff := cmp.Diff(want, errOut.String()); status != 1 || diff != "" {
		t.Errorf("site = %d, stderr (-want +got):\n%s", status, diff)
	}
}

// TestControlCharactersInNames names files with a newline, a tab and a
// terminal's escape in an archive: each line of output names them
// escaped, so that a line stays one record's, urls' fields stay two,
// and nothing acts on the user's terminal.
func TestControlCharactersInNames(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/ev")
	record := readFile(t, "a/ev/videos/15260.json")
	for _, name := range []string{"a/ev/videos/new\nline.json", "a/ev/videos/tab\there.json"} {
		plantFile(t, name, record)
	}
	plantFile(t, "a/ev/videos/\x1b]0;pwned\a.json", "{")
	for _, tt := range []struct {
		args           []string
		status         int
		stdout, stderr []string
	}{
		{[]string{"urls", "a"}, 1, []string{
			"ev/15260\t/chipy/Learning_Sprint_An_Experiment.html",
			"ev/asynchronous-vs--threaded-python\t/chipy/asynchronous-vs--threaded-python.html",
			"ev/new\\nline\t/chipy/Learning_Sprint_An_Experiment.html",
			"ev/tab\\there\t/chipy/Learning_Sprint_An_Experiment.html",
		}, []string{"a/ev/videos/\\x1b]0;pwned\\a.json:1:2: invalid JSON: unexpected end of input"}},
		{[]string{"fmt", "a"}, 1, []string{"a/ev/videos/15260.json", "a/ev/videos/new\\nline.json", "a/ev/videos/tab\\there.json"},
			[]string{"a/ev/videos/\\x1b]0;pwned\\a.json:1:2: invalid JSON: unexpected end of input"}},
	} {
		t.Run(tt.args[0], func(t *testing.T) {
			wantResult(t, runCommand("", tt.args...), tt.status, tt.stdout, tt.stderr)
		})
	}
	got := runCommand("", "check", "a")
	first, _, _ := strings.Cut(got.stdout, "\n")
	if want := "a/ev/videos/\\x1b]0;pwned\\a.json:1:2: json: unexpected end of input"; first != want {
		t.Errorf("check's first finding = %q, want %q", first, want)
	}
}

// TestRecordError: an error of a record is worded with the record's path
// first, once, whether the error names it already (writing a record
// gives a *talk.RecordError) or not, and what would act on a terminal
// is escaped, in the path as in the message.
func TestRecordError(t *testing.T) {
	got := []string{
		recordError("ev/videos/a.json", errors.New("no canonical form")),
		recordError("ev/videos/a.json", &talk.RecordError{Path: "ev/videos/a.json", Pointer: "/duration", Err: errors.New("negative")}),
		recordError("ev/videos/\x1b[2Ja.json", errors.New("bad \u202etext")),
	}
	want := []string{
		"ev/videos/a.json: no canonical form",
		"ev/videos/a.json: /duration: negative",
		`ev/videos/\x1b[2Ja.json: bad \u202etext`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
