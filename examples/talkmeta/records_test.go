package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// inTempDir makes a temporary directory the working directory for the
// rest of the test, so that paths are given, and printed, as a user in
// it would type them. It returns the package directory, where testdata
// is.
func inTempDir(t *testing.T) (pkg string) {
	t.Helper()
	pkg, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	return pkg
}

// copyEvent copies the event directory of the repository's pyvideo
// archive named event to dst.
func copyEvent(t *testing.T, pkg, event, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join(pkg, archive, event))); err != nil {
		t.Fatal(err)
	}
}

// importPair imports testdata/import/pair.json to dir in the talkmeta
// layout: one event, tinycon2024, of four talks.
func importPair(t *testing.T, pkg, dir string) {
	t.Helper()
	if got := runCommand("", "import", "-from", "c3voc", "-o", dir, filepath.Join(pkg, "testdata", "import", "pair.json")); got.status != 0 {
		t.Fatalf("import: %+v", got)
	}
}

func plantFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// wantResult compares a run's whole result with what is wanted, with
// the lines of its outputs given one a string.
func wantResult(t *testing.T, got result, status int, stdout, stderr []string) {
	t.Helper()
	lines := func(l []string) string {
		if len(l) == 0 {
			return ""
		}
		return strings.Join(l, "\n") + "\n"
	}
	want := result{status, lines(stdout), lines(stderr)}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Lines of "talkmeta urls" for the events used here.
var (
	chipyURLs = []string{
		"chipy/15260\t/chipy/Learning_Sprint_An_Experiment.html",
		"chipy/asynchronous-vs--threaded-python\t/chipy/asynchronous-vs--threaded-python.html",
	}
	tinyconURLs = []string{
		"tinycon2024/0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f\t/tinycon-2024/tinycon2024-101-opening.html",
		"tinycon2024/1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f\t/tinycon-2024/tinycon2024-102-lightning.html",
		"tinycon2024/2d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f\t/tinycon-2024/tinycon2024-103-soldering.html",
		"tinycon2024/3d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f\t/tinycon-2024/tinycon2024-104-closing.html",
	}
)

// TestReadMixedArchive reads an archive of a pyvideo event and an
// imported talkmeta one: each event is read in its own layout.
func TestReadMixedArchive(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	importPair(t, pkg, "a")
	wantResult(t, runCommand("", "urls", "a"), 0, append(chipyURLs, tinyconURLs...), nil)
}

// TestReadStrayEventJSON: an event.json in a pyvideo event is reported,
// and hides neither that event's talks nor the archive's others.
func TestReadStrayEventJSON(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	copyEvent(t, pkg, "europython-2016", "a/europython-2016")
	plantFile(t, "a/chipy/event.json", "{}\n")
	wantResult(t, runCommand("", "urls", "a"), 1, append(chipyURLs,
		"europython-2016/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome\t/europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html"),
		[]string{"a/chipy/event.json: unexpected in an event directory, which holds category.json and videos/ only"})
}

// TestReadEventLayouts: an event directory of both layouts, or a
// directory of records of neither, is reported, and the archive's other
// events are read; a directory without records (tools, notes) is the
// archive's business, as check sees it.
func TestReadEventLayouts(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	importPair(t, pkg, "a")
	if err := os.Mkdir("a/tinycon2024/videos", 0o755); err != nil {
		t.Fatal(err)
	}
	plantFile(t, "a/tools/README", "not an event\n")
	plantFile(t, "a/drafts/later/talk.json", "{}\n")
	wantResult(t, runCommand("", "urls", "a"), 1, chipyURLs, []string{
		"a/drafts: a directory of records without category.json or videos/ (pyvideo), nor event.json or talks/ (talkmeta); is it an event?",
		"a/tinycon2024: holds both a pyvideo event (category.json, videos/) and a talkmeta one (event.json, talks/); not read",
	})
}

// TestReadGlobCharacters reads paths holding the characters of file
// name patterns, which are listed, not matched.
func TestReadGlobCharacters(t *testing.T) {
	pkg := inTempDir(t)
	importPair(t, pkg, "g[1]/arch")
	copyEvent(t, pkg, "chipy", "g[1]/py/ch*py")
	for _, args := range [][]string{{"g[1]/arch"}, {"g[1]/arch/tinycon2024"}, {"g[1]/arch/tinycon2024/talks"}} {
		wantResult(t, runCommand("", append([]string{"urls"}, args...)...), 0, tinyconURLs, nil)
	}
	wantResult(t, runCommand("", "urls", "g[1]/py/ch*py/videos"), 0, []string{
		"ch*py/15260\t/chipy/Learning_Sprint_An_Experiment.html",
		"ch*py/asynchronous-vs--threaded-python\t/chipy/asynchronous-vs--threaded-python.html",
	}, nil)
}

// TestReadTalkDirectory reads a videos/ or talks/ directory named on
// the command line as its event's talks, with their event; a directory
// without records is reported.
func TestReadTalkDirectory(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	importPair(t, pkg, "a")
	for _, dir := range []string{"empty", "ev/videos"} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	wantResult(t, runCommand("", "urls", "a/chipy/videos", "a/tinycon2024/talks/"), 0, append(chipyURLs, tinyconURLs...), nil)
	wantResult(t, runCommand("", "urls", "empty", "ev/videos"), 1, nil, []string{
		"empty: no talk records here",
		"ev/videos: no talk records here",
	})
	got := runCommand("", "show", "a/chipy/videos")
	if !strings.Contains(got.stdout, "  event:     ChiPy\n") || got.status != 0 {
		t.Errorf("show a/chipy/videos: %+v, want talks of the event ChiPy", got)
	}
	t.Chdir("a/chipy/videos")
	wantResult(t, runCommand("", "urls", "."), 0, chipyURLs, nil)
}

// TestReadHostileArguments names a device and a named pipe on the
// command line, and puts a pipe, a directory and a link to nowhere among
// an event's talks: each is reported as the user names it, none is read
// or waited on, and the other talks are read.
func TestReadHostileArguments(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "h/ev")
	if err := mkfifo("pipe.json"); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := mkfifo("h/ev/videos/pipe.json"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("h/ev/videos/dir.json", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.json", "h/ev/videos/dangling.json"); err != nil {
		t.Fatal(err)
	}
	args := []string{"urls", "pipe.json", "h/ev"}
	stderr := []string{"pipe.json: a named pipe, where a file was expected; not read"}
	if _, err := os.Stat("/dev/zero"); err == nil {
		args = append(args, "/dev/zero")
	}
	wantStderr := append(stderr,
		"h/ev/videos/dangling.json: a symbolic link to nowhere.json, which does not exist",
		"h/ev/videos/dir.json: unexpected in videos/, which holds talk records (*.json) only",
		"h/ev/videos/pipe.json: a named pipe, where a file was expected; not read",
	)
	if len(args) == 4 {
		wantStderr = append(wantStderr, "/dev/zero: a device, where a file was expected; not read")
	}
	done := make(chan result)
	go func() { done <- runCommand("", args...) }()
	select {
	case got := <-done:
		wantResult(t, got, 1, []string{
			"ev/15260\t/chipy/Learning_Sprint_An_Experiment.html",
			"ev/asynchronous-vs--threaded-python\t/chipy/asynchronous-vs--threaded-python.html",
		}, wantStderr)
	case <-time.After(20 * time.Second):
		t.Fatal("talkmeta urls is still reading after 20 seconds")
	}
}

// TestReadLoneFiles reads talk files outside any event's directory of
// talks, where only the record says its form: show and check read each
// in the form whose reader takes it, and for a record neither reader
// takes, both report the errors of the form whose reader read further
// into it: talkmeta's for a title that is a number, which stops both at
// once, and pyvideo's for a pyvideo record with an impossible date, which
// talkmeta's reader refuses sooner, for its speakers. A record both
// readers take is in the form that knows more of its members: fmt -w
// keeps a pyvideo record pyvideo's, not talkmeta's, with "eng" as "en".
func TestReadLoneFiles(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	importPair(t, pkg, "a")
	py, err := os.ReadFile("a/chipy/videos/15260.json")
	if err != nil {
		t.Fatal(err)
	}
	tm, err := os.ReadFile("a/tinycon2024/talks/0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json")
	if err != nil {
		t.Fatal(err)
	}
	plantFile(t, "lone/py.json", string(py))
	plantFile(t, "lone/tm.json", string(tm))
	plantFile(t, "lone/bad.json", `{"title": 5}`)
	// Both readers take this one; pyvideo's knows all of it.
	plantFile(t, "lone/both.json", `{"title": "Both", "speakers": [], "language": "eng", "thumbnail_url": "https://i.ytimg.com/x.jpg", "recorded": "2016-01-02", "videos": [{"type": "youtube", "url": "https://y.be/x"}]}`)
	plantFile(t, "lone/badpy.json", `{"title": "T", "speakers": ["Ada"], "recorded": "2016-02-30", "videos": [{"type": "youtube", "url": "https://y.be/x"}], "thumbnail_url": "https://i.ytimg.com/x.jpg"}`)
	wantResult(t, runCommand("", "urls", "lone/py.json", "lone/tm.json", "lone/bad.json", "lone/badpy.json", "lone/both.json"), 1, []string{
		"lone/py\t/chipy/Learning_Sprint_An_Experiment.html", // its legacy category, as pyvideo.org takes it
		"tinycon2024/0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f\t/tinycon-2024/tinycon2024-101-opening.html",
		"lone/both\t/undefined/both.html", // no event title, no legacy category: pyvideo's stand-in
	}, []string{
		"lone/bad.json:1:11: /title: talk: want a string, got number",
		`lone/badpy.json:1:49: /recorded: "2016-02-30" is not a real date`,
	})
	// fmt writes it back in pyvideo's canonical form, "eng" and all.
	wantResult(t, runCommand("", "fmt", "-w", "lone/both.json"), 0, nil, nil)
	if diff := cmp.Diff(`{
  "language": "eng",
  "recorded": "2016-01-02",
  "speakers": [],
  "thumbnail_url": "https://i.ytimg.com/x.jpg",
  "title": "Both",
  "videos": [
    {
      "type": "youtube",
      "url": "https://y.be/x"
    }
  ]
}
`, readFile(t, "lone/both.json")); diff != "" {
		t.Errorf("lone/both.json after fmt -w (-want +got):\n%s", diff)
	}
	wantResult(t, runCommand("", "check", "lone/py.json", "lone/tm.json", "lone/bad.json", "lone/badpy.json", "lone/both.json"), 1, []string{
		"lone/bad.json:1:1: no-date: recorded is missing or null; pages and citations will show no date (warning)",
		"lone/bad.json:1:1: no-speakers: the talk names no speaker (warning)",
		"lone/bad.json:1:11: type: title: expected text, found 5",
		`lone/badpy.json:1:49: date: recorded: "2016-02-30" is not a real date`,
		"lone/both.json:4:15: no-speakers: the talk names no speaker (warning)",
		"5 records (0 events, 5 talks): 2 errors, 3 warnings, in 0s",
	}, nil)
}

// TestReadEventRecordNamed: an event record named where talks are read
// is said to be one, not read as a talk of its title.
func TestReadEventRecordNamed(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	importPair(t, pkg, "a")
	wantResult(t, runCommand("", "show", "a/chipy/category.json", "a/tinycon2024/event.json"), 1, nil, []string{
		"a/chipy/category.json: an event record, not a talk record; name its event's directory, a/chipy, to read the event's talks",
		"a/tinycon2024/event.json: an event record, not a talk record; name its event's directory, a/tinycon2024, to read the event's talks",
	})
}

// TestReadBrokenEventOnce: a talkmeta event record that cannot be read
// is reported once, and its talks are read without it.
func TestReadBrokenEventOnce(t *testing.T) {
	dir := t.TempDir()
	plantFile(t, filepath.Join(dir, "ev", "event.json"), `{"title": "E", "title": "F"}`)
	plantFile(t, filepath.Join(dir, "ev", "talks", "a.json"), `{"id": "a", "title": "A"}`)
	got := runCommand("", "urls", filepath.Join(dir, "ev"))
	got.stderr = strings.ReplaceAll(got.stderr, filepath.ToSlash(dir)+"/", "")
	wantResult(t, got, 1, []string{"a\t/undefined/a.html"}, []string{`ev/event.json:1:16: /title: invalid JSON: duplicate member name "title"`})
}

// TestReadEventExtraOwn gives each talk of a directory its own map of
// the event's Extra: writing one talk's leaves its siblings' as read.
func TestReadEventExtraOwn(t *testing.T) {
	dir := t.TempDir()
	plantFile(t, filepath.Join(dir, "ev", "event.json"), `{"id": "ev", "title": "Ev", "sponsor": "S"}`)
	plantFile(t, filepath.Join(dir, "ev", "talks", "a.json"), `{"title": "A"}`)
	plantFile(t, filepath.Join(dir, "ev", "talks", "b.json"), `{"title": "B"}`)
	var read []*talk.Talk
	for tk, err := range (&env{}).talks([]string{filepath.Join(dir, "ev", "talks")}) {
		if err != nil {
			t.Fatal(err)
		}
		read = append(read, tk)
	}
	if len(read) != 2 {
		t.Fatalf("read %d talks, want 2", len(read))
	}
	read[0].Event.Extra["sponsor"] = json.RawMessage(`"changed"`)
	if got := string(read[1].Event.Extra["sponsor"]); got != `"S"` {
		t.Errorf("the second talk's event sponsor = %s after the first's changed, want \"S\"", got)
	}
}

// TestRename names every file an error of pyvideo's reader names as the
// user does, however deep in the error and however many: each error of
// a list, and one the reader wraps ("pyvideo: " and a *fs.PathError),
// whose message is made from what it wraps, not patched as text.
func TestRename(t *testing.T) {
	userPath := func(p string) string { return filepath.Join("../my ev", strings.TrimPrefix(p, "ev/")) }
	list := talk.ErrorList{
		&talk.RecordError{Path: "ev/videos/a.json", Line: 1, Column: 2, Err: errors.New("pyvideo: one")},
		&talk.RecordError{Path: "ev/videos/a.json", Line: 3, Column: 4, Err: errors.New("pyvideo: two")},
	}
	readErr := &errs.Prefixed{Prefix: "pyvideo: ", Err: &fs.PathError{Op: "read", Path: "ev/videos/b.json", Err: errors.New("is a directory")}}
	layout := &pyvideo.LayoutError{Path: "ev/notes", Reason: "unexpected"}
	pipe := &errs.Prefixed{Prefix: "pyvideo: ", Err: &osfs.NotRegularError{Name: "ev/videos/fifo.json", Type: fs.ModeNamedPipe}}
	var got []string
	for _, err := range []error{list, readErr, layout, pipe} {
		rename(err, userPath)
		got = append(got, err.Error())
	}
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		"../my ev/videos/a.json:1:2: pyvideo: one (and 1 more error)",
		"pyvideo: read ../my ev/videos/b.json: is a directory",
		"pyvideo: ../my ev/notes: unexpected",
		"pyvideo: ../my ev/videos/fifo.json: a named pipe, where a file was expected; not read",
		"../my ev/videos/a.json:1:2: pyvideo: one",
		"../my ev/videos/a.json:3:4: pyvideo: two",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLayoutFaultsWordedOnce: each fault of an archive's layout is
// worded alike by check and by the verbs that read (show), in both
// forms; pyvideo's reader prefixes its errors with its package's name.
func TestLayoutFaultsWordedOnce(t *testing.T) {
	inTempDir(t)
	for _, l := range []struct{ dir, event, talks string }{{"pv", "category.json", "videos"}, {"tm", "event.json", "talks"}} {
		plantFile(t, l.dir+"/ev/"+l.event, `{"title": "E"}`)
		plantFile(t, l.dir+"/ev/stray.txt", "x\n")
		plantFile(t, l.dir+"/ev/"+l.talks+"/notes.txt", "x\n")
		plantFile(t, l.dir+"/notalks/"+l.event, `{"title": "E"}`)
		plantFile(t, l.dir+"/noevent/"+l.talks+"/.keep", "")
	}
	wantResult(t, runCommand("", "check", "pv", "tm"), 1, []string{
		"pv/ev/stray.txt: layout: unexpected in an event directory, which holds category.json and videos/ only",
		"pv/ev/videos/notes.txt: layout: unexpected in videos/, which holds talk records (*.json) only",
		"pv/noevent: layout: the event has no category.json",
		"pv/notalks: layout: the event has no videos/ directory",
		"tm/ev/stray.txt: layout: unexpected in an event directory, which holds event.json and talks/ only",
		"tm/ev/talks/notes.txt: layout: unexpected in talks/, which holds talk records (*.json) only",
		"tm/noevent: layout: the event has no event.json",
		"tm/notalks: layout: the event has no talks/ directory",
		"4 records (4 events, 0 talks): 8 errors, 0 warnings, in 0s",
	}, nil)
	wantResult(t, runCommand("", "show", "pv", "tm"), 1, nil, []string{
		"pv/ev/stray.txt: unexpected in an event directory, which holds category.json and videos/ only",
		"pv/ev/videos/notes.txt: unexpected in videos/, which holds talk records (*.json) only",
		"pv/noevent: the event has no category.json",
		"tm/ev/stray.txt: unexpected in an event directory, which holds event.json and talks/ only",
		"tm/ev/talks/notes.txt: unexpected in talks/, which holds talk records (*.json) only",
		"tm/noevent: the event has no event.json",
		"tm/notalks: the event has no talks/ directory",
	})
}

// TestReadArchiveTop: a talk record at an archive's top, outside any
// event, and a symbolic link to nothing there, where an event directory
// was likely meant, are reported as check reports them, not passed over
// as a README is; a link to nothing named on the command line says where
// it leads, as one inside an event does.
func TestReadArchiveTop(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "a/chipy")
	plantFile(t, "a/README", "an archive\n")
	plantFile(t, "a/loose.json", readFile(t, filepath.Join(pkg, archive, "chipy", "videos", "15260.json")))
	if err := os.Symlink("nowhere", "a/ghost"); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink("nowhere.json", "dangling.json"); err != nil {
		t.Fatal(err)
	}
	wantResult(t, runCommand("", "urls", "a", "dangling.json"), 1, chipyURLs, []string{
		"a/ghost: a symbolic link to nowhere, which does not exist",
		"a/loose.json: a record outside any event; talks go in <event>/videos/ and events in <event>/category.json",
		"dangling.json: a symbolic link to nowhere.json, which does not exist",
	})
	wantResult(t, runCommand("", "check", "a", "dangling.json"), 1, []string{
		"a/chipy/videos/asynchronous-vs--threaded-python.json:12:15: no-speakers: the talk names no speaker (warning)",
		"a/ghost: read: a symbolic link to nowhere, which does not exist",
		"a/loose.json: layout: a record outside any event; talks go in <event>/videos/ and events in <event>/category.json",
		"dangling.json: read: a symbolic link to nowhere.json, which does not exist",
		"4 records (1 event, 3 talks): 3 errors, 1 warning, in 0s",
	}, nil)
}

// TestURLsTalkID: a talk without an ID has none in urls' first column,
// where its event's ID alone read as the talk's, as show shows no id; and
// IDs are shown as they are, not cleaned as paths ("ev/.." and
// "../x" are not "../x").
func TestURLsTalkID(t *testing.T) {
	inTempDir(t)
	plantFile(t, "a/ev/event.json", `{"id": "ev", "title": "Ev"}`)
	plantFile(t, "a/ev/talks/first.json", `{"title": "First"}`)
	plantFile(t, "a/ev/talks/second.json", `{"id": "s2", "title": "Second"}`)
	plantFile(t, "odd.json", `{"id": "../x", "title": "Odd", "event": {"id": "ev/..", "title": "Ev"}}`)
	wantResult(t, runCommand("", "urls", "a", "odd.json"), 0, []string{
		"\t/ev/first.html",
		"ev/s2\t/ev/second.html",
		"ev/../../x\t/ev/odd.html",
	}, nil)
	wantResult(t, runCommand("", "show", "a/ev/talks/first.json"), 0, []string{
		"First",
		"  event:     Ev",
		"  url:       /ev/first.html",
	}, nil)
}
