package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// chipyCheck is what "talkmeta check" finds in the chipy event.
const chipyCheck = "/videos/asynchronous-vs--threaded-python.json:12:15: no-speakers: the talk names no speaker (warning)"

// TestCheckMissingArgument: an argument that is not there is reported,
// and the others are checked all the same.
func TestCheckMissingArgument(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	wantResult(t, runCommand("", "check", "nonexist", "a"), 1, []string{
		"nonexist: read: no such file or directory",
		"a/chipy" + chipyCheck,
		"3 records (1 event, 2 talks): 1 error, 1 warning, in 0s",
	}, nil)
}

// TestCheckOtherPath: a unique-slug finding names the other record as
// the user would, not within the archive.
func TestCheckOtherPath(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "europython-2016", "a/europython-2016")
	const talk = "a/europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"
	if err := os.WriteFile("a/europython-2016/videos/-dash.json", []byte(readFile(t, talk)), 0o644); err != nil {
		t.Fatal(err)
	}
	wantResult(t, runCommand("", "check", "a"), 1, []string{
		talk + `:15:12: unique-slug: the URL slug "asyncawait-in-python-35-and-why-it-is-awesome" is also the slug of a/europython-2016/videos/-dash.json; give one of them a slug member`,
		"3 records (1 event, 2 talks): 1 error, 0 warnings, in 0s",
	}, nil)
}

// TestCheckGlobCharacters checks a directory of talks whose path holds
// the characters of file name patterns: it finds what it finds in a
// plain copy.
func TestCheckGlobCharacters(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "g[1]/py/e*v")
	wantResult(t, runCommand("", "check", "g[1]/py/e*v/videos"), 0, []string{
		"g[1]/py/e*v" + chipyCheck,
		"2 records (0 events, 2 talks): 0 errors, 1 warning, in 0s",
	}, nil)
}

// TestCheckTalkDirectory: a directory of talks without records, or
// holding what is no record, is reported.
func TestCheckTalkDirectory(t *testing.T) {
	inTempDir(t)
	for _, dir := range []string{"e/videos", "f/talks/sub"} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	plantFile(t, "f/talks/notes.txt", "x\n")
	wantResult(t, runCommand("", "check", "e/videos", "f/talks", "empty-archive/"), 1, []string{
		"e/videos: layout: no talk records here",
		"f/talks/notes.txt: layout: unexpected in talks/, which holds talk records (*.json) only",
		"f/talks/sub: layout: unexpected in talks/, which holds talk records (*.json) only",
		"empty-archive/: read: no such file or directory",
		"0 records (0 events, 0 talks): 4 errors, 0 warnings, in 0s",
	}, nil)
	if err := os.Mkdir("empty-archive", 0o755); err != nil {
		t.Fatal(err)
	}
	wantResult(t, runCommand("", "check", "empty-archive"), 1, []string{
		"empty-archive: layout: no talk records here",
		"0 records (0 events, 0 talks): 1 error, 0 warnings, in 0s",
	}, nil)
	if os.Geteuid() == 0 {
		t.Skip("root reads an unreadable directory")
	}
	if err := os.Chmod("e/videos", 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod("e/videos", 0o755)
	wantResult(t, runCommand("", "check", "e/videos"), 1, []string{
		"e/videos: read: permission denied",
		"0 records (0 events, 0 talks): 1 error, 0 warnings, in 0s",
	}, nil)
}

// TestCheckHostileFiles names a device and a named pipe on the command
// line and puts a pipe among the talks of a directory checked: each is
// reported, none read or waited on.
func TestCheckHostileFiles(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	if err := mkfifo("pipe.json"); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := mkfifo("a/chipy/videos/pipe.json"); err != nil {
		t.Fatal(err)
	}
	args := []string{"check", "pipe.json", "a/chipy/videos", "a"}
	stdout := []string{
		"pipe.json: read: a named pipe, where a file was expected; not read",
		"a/chipy" + chipyCheck,
		"a/chipy/videos/pipe.json: read: a named pipe, where a file was expected; not read",
		"a/chipy" + chipyCheck,
		"a/chipy/videos/pipe.json: read: a named pipe, where a file was expected; not read",
	}
	talks, errs := 7, 3 // a file that cannot be read counts as a talk
	if _, err := os.Stat("/dev/zero"); err == nil {
		args = append(args, "/dev/zero")
		stdout = append(stdout, "/dev/zero: read: a device, where a file was expected; not read")
		talks, errs = 8, 4
	}
	stdout = append(stdout, fmt.Sprintf("%d records (1 event, %d talks): %d errors, 2 warnings, in 0s", talks+1, talks, errs))
	done := make(chan result)
	go func() { done <- runCommand("", args...) }()
	select {
	case got := <-done:
		wantResult(t, got, 1, stdout, nil)
	case <-time.After(20 * time.Second):
		t.Fatal("talkmeta check is still reading after 20 seconds")
	}
}

// checkUsageLines is check's usage, which follows the reason for a
// usage error.
var checkUsageLines = []string{
	"Usage: talkmeta check " + checkUsage,
	"  -languages codes",
	`    	the comma-separated language codes talks may use, BCP 47 or ISO 639-3 ("en" and "eng" are the same; "pt" allows "pt-BR") (default: any that exists)`,
	"  -profile form",
	`    	the records' form: talkmeta, pyvideo, or auto (each event in the form of its layout, as the other verbs read them; pyvideo's for files in videos/) (default "auto")`,
	"  -strict",
	"    	report warnings as errors",
}

// TestCheckLanguages: -languages takes BCP 47 and ISO 639-3 codes alike,
// with spaces around them, and refuses an unknown or empty one.
func TestCheckLanguages(t *testing.T) {
	videos := filepath.Join(archive, "europython-2016", "videos")
	wantResult(t, runCommand("", "check", "-languages", " en , spa", videos), 0, []string{
		"1 record (0 events, 1 talk): 0 errors, 0 warnings, in 0s",
	}, nil)
	wantResult(t, runCommand("", "check", "-languages", "eng,xx", videos), 2, nil, append([]string{
		`talkmeta check: -languages: "xx" is not a known language code (want BCP 47, e.g. "en", or ISO 639-3, e.g. "eng")`,
	}, checkUsageLines...))
	wantResult(t, runCommand("", "check", "-languages", "en,,es", videos), 2, nil, append([]string{
		`talkmeta check: -languages: an empty code in "en,,es"`,
	}, checkUsageLines...))
}

// TestCheckProfileFromData: check reads a lone talk file once, deciding
// its form from the bytes it then validates, so the file need not be
// there to be read again ("gone/" is no directory).
func TestCheckProfileFromData(t *testing.T) {
	got := map[string]string{}
	for name, data := range map[string]string{
		"pyvideo":  `{"title": "T", "speakers": ["Ada"], "videos": [{"type": "youtube", "url": "https://www.youtube.com/watch?v=x"}]}`,
		"talkmeta": `{"title": "T", "speakers": [{"name": "Ada"}]}`,
		"neither":  `{"title": 1}`,
	} {
		p, err := checkProfile("auto", filepath.Join("gone", name+".json"), false, []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		got[name] = fmt.Sprint(p)
	}
	want := map[string]string{"pyvideo": "pyvideo", "talkmeta": "talkmeta", "neither": "talkmeta"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCheckHugeRecord: a record over the size limit is one "limit"
// problem, in the readers' words, whether named or met in a directory.
func TestCheckHugeRecord(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	huge := bytes.Repeat([]byte(" "), 1<<20+1)
	if err := os.Mkdir("b", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"huge.json", "a/chipy/videos/huge.json", "b/event.json"} {
		if err := os.WriteFile(name, huge, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// An event's record too large to read is counted as an event, by
	// its name, as one that reads is.
	wantResult(t, runCommand("", "check", "huge.json", "a/chipy/videos", "b/event.json"), 1, []string{
		"huge.json: limit: record size 1048577 exceeds the limit of 1048576",
		"a/chipy" + chipyCheck,
		"a/chipy/videos/huge.json: limit: record size 1048577 exceeds the limit of 1048576",
		"b/event.json: limit: record size 1048577 exceeds the limit of 1048576",
		"5 records (1 event, 4 talks): 3 errors, 1 warning, in 0s",
	}, nil)
}

// TestCheckProgressCleared checks two archives on a terminal: the
// progress of the second clears the line before it is written, where it
// left the end of the first's longer line showing ("checking b: 3/3
// recordsive-name: 3/3 records").
func TestCheckProgressCleared(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a-long-archive-name/chipy")
	copyEvent(t, pkg, "chipy", "b/chipy")
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: fixedNow, isTerminal: true}
	status := run(e, []string{"check", "a-long-archive-name", "b"})
	t.Chdir(pkg)
	checkGolden(t, "check-progress.txt", result{status, strings.ReplaceAll(out.String(), "\r", "\\r"), strings.ReplaceAll(errOut.String(), "\r", "\\r")})
}

// TestCheckProgressEscaped: the progress line shows an archive's name as
// every other line shows a path, with what would act on the terminal
// escaped: a directory named with a control sequence, as a glob ("*/")
// may hand check, does not clear the screen.
func TestCheckProgressEscaped(t *testing.T) {
	pkg := inTempDir(t)
	name := "a\x1b[2J"
	copyEvent(t, pkg, "chipy", name+"/chipy")
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: fixedNow, isTerminal: true}
	got := result{run(e, []string{"check", name}), out.String(), errOut.String()}
	want := result{0,
		`a\x1b[2J/chipy/videos/asynchronous-vs--threaded-python.json:12:15: no-speakers: the talk names no speaker (warning)` + "\n" +
			"3 records (1 event, 2 talks): 0 errors, 1 warning, in 0s\n",
		"\r\x1b[Kchecking a\\x1b[2J: 3/3 records\r\x1b[K"}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCheckMixedLayouts: an archive with an event in each layout, which
// the other verbs read as one archive, checks clean by default, each
// event in its own form; a profile named is one the archive must keep
// to, and the event in the other layout is said to be one.
func TestCheckMixedLayouts(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	plantFile(t, "a/conf-2025/event.json", `{"id": "conf-2025", "title": "Conf 2025"}`+"\n")
	plantFile(t, "a/conf-2025/talks/opening.json", `{"id": "opening", "title": "Opening", "speakers": [{"name": "Ada Lovelace"}], "recorded": "2025-05-01"}`+"\n")
	summary := "5 records (2 events, 3 talks): 0 errors, 1 warning, in 0s"
	warning := "a/chipy/videos/asynchronous-vs--threaded-python.json:12:15: no-speakers: the talk names no speaker (warning)"
	wantResult(t, runCommand("", "check", "a"), 0, []string{warning, summary}, nil)
	wantResult(t, runCommand("", "check", "-profile", "pyvideo", "a"), 1, []string{
		warning,
		"a/conf-2025: layout: an event in the talkmeta layout (event.json, talks/), which the pyvideo profile does not check; check it with the talkmeta profile",
		"3 records (1 event, 2 talks): 1 error, 1 warning, in 0s",
	}, nil)
}
