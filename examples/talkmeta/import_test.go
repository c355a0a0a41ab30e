package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/internal/sitetest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// tree lists the files under dir with their contents.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString("== " + filepath.ToSlash(rel) + "\n" + readFile(t, p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// readTalks reads the talk files of the talkmeta layout back, as
// "talkmeta check" would, failing on any that does not read.
func readTalks(t *testing.T, dir string) []*talk.Talk {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*", "talks", "*.json"))
	var talks []*talk.Talk
	for _, n := range names {
		data := []byte(readFile(t, n))
		tk, err := talk.ParseJSON(data, n)
		if err != nil {
			t.Fatalf("%s does not read back: %v", n, err)
		}
		again, err := marshalIndent(tk)
		if err != nil || !bytes.Equal(again, data) {
			t.Errorf("%s changes when read and written again (%v)", n, err)
		}
		talks = append(talks, tk)
	}
	events, _ := filepath.Glob(filepath.Join(dir, "*", "event.json"))
	for _, n := range events {
		if _, err := talk.ParseEventJSON([]byte(readFile(t, n)), n); err != nil {
			t.Fatalf("%s does not read back: %v", n, err)
		}
	}
	return talks
}

func TestImport(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"pair-talkmeta", []string{"-from", "c3voc", "testdata/import/pair.json"}},
		{"pair-frab", []string{"-from", "frab", "testdata/import/pair.xml"}},
		{"pair-pyvideo", []string{"-from", "c3voc", "-layout", "pyvideo", "testdata/import/pair.json"}},
		{"bad", []string{"-from", "c3voc", "testdata/import/bad.json"}},
		{"rubyevents", []string{"-from", "rubyevents", "testdata/import/rubyevents"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			got := runCommand("", append([]string{"import", "-o", dir}, tt.args...)...)
			got.stdout = strings.ReplaceAll(got.stdout, dir, "OUT") + tree(t, dir)
			checkGolden(t, "import/"+tt.name+".txt", got)
			if tt.name != "bad" {
				checkAccepts(t, dir)
			}
		})
	}
}

// TestImportSame imports the JSON and the XML form of one schedule: the
// files written must be the same.
func TestImportSame(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if r := runCommand("", "import", "-from", "c3voc", "-o", a, "testdata/import/pair.json"); r.status != 0 {
		t.Fatal(r)
	}
	if r := runCommand("", "import", "-from", "frab", "-o", b, "testdata/import/pair.xml"); r.status != 0 {
		t.Fatal(r)
	}
	if diff := cmp.Diff(tree(t, a), tree(t, b)); diff != "" {
		t.Errorf("JSON and XML imports differ (-json +xml):\n%s", diff)
	}
}

// TestImportICS imports a schedule, reads the talks back and writes them
// as a calendar, as "talkmeta render -to ics" does.
func TestImportICS(t *testing.T) {
	dir := t.TempDir()
	if r := runCommand("", "import", "-from", "c3voc", "-o", dir, "testdata/import/pair.json"); r.status != 0 {
		t.Fatal(r)
	}
	talks := readTalks(t, dir)
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, talks, ical.Options{Name: "TinyCon 2024", Stamp: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "import/pair.ics.txt", result{stdout: strings.ReplaceAll(b.String(), "\r\n", "\n")})
}

func TestImportUsage(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"no-out", []string{"-from", "c3voc", "x.json"}},
		{"bad-layout", []string{"-from", "c3voc", "-o", "x", "-layout", "nope", "x.json"}},
		{"bad-format", []string{"-from", "ical", "-o", "x", "x.json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := runCommand("", append([]string{"import"}, tt.args...)...); got.status != 2 {
				t.Errorf("status %d, want 2: %+v", got.status, got)
			}
		})
	}
}

// TestImportIntoEvent: -o naming an event's directory, or its talks',
// of either layout, where the archive was meant, is a usage error that
// names the archive; the import nested the event in the event, and
// exited 0.
func TestImportIntoEvent(t *testing.T) {
	dir := t.TempDir()
	if r := runCommand("", "import", "-from", "c3voc", "-o", dir, "testdata/import/pair.json"); r.status != 0 {
		t.Fatal(r)
	}
	plantFile(t, filepath.Join(dir, "py", "category.json"), `{"title": "Py"}`)
	usageLine := func(args ...string) string {
		r := runCommand("", append([]string{"import", "-from", "c3voc", "testdata/import/pair.json"}, args...)...)
		if r.status != 2 || r.stdout != "" {
			t.Errorf("%v: status %d, stdout %q; want 2 and none", args, r.status, r.stdout)
		}
		first, _, _ := strings.Cut(strings.ReplaceAll(r.stderr, dir, "OUT"), "\n")
		return first
	}
	got := []string{
		usageLine("-o", filepath.Join(dir, "tinycon2024")),
		usageLine("-o", filepath.Join(dir, "tinycon2024", "talks")+"/"),
		usageLine("-layout", "pyvideo", "-o", filepath.Join(dir, "py")),
		usageLine("-o", filepath.Join(dir, "py", "videos")),
	}
	want := []string{
		"talkmeta import: -o OUT/tinycon2024 is an event's directory (it holds event.json); -o names the archive, which holds a directory per event (here OUT)",
		"talkmeta import: -o OUT/tinycon2024/talks/ is an event's directory of talks (talks/ beside event.json); -o names the archive, which holds a directory per event (here OUT)",
		"talkmeta import: -o OUT/py is an event's directory (it holds category.json); -o names the archive, which holds a directory per event (here OUT)",
		"talkmeta import: -o OUT/py/videos is an event's directory of talks (videos/ beside category.json); -o names the archive, which holds a directory per event (here OUT)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(dir, "tinycon2024", "tinycon2024")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an event nested in the event: %v", err)
	}
}

// TestImportShared imports the two real schedule exports: no errors, and
// every file reads back.
func TestImportShared(t *testing.T) {
	for name, want := range map[string]int{"frab-camp2019.json": 79, "pretalx-democon.json": 36} {
		t.Run(name, func(t *testing.T) {
			src := filepath.Join("../../../shared/formats/schedule", name)
			if _, err := os.Stat(src); errors.Is(err, os.ErrNotExist) {
				t.Skip("the shared schedule exports are not there")
			}
			dir := t.TempDir()
			r := runCommand("", "import", "-from", "c3voc", "-o", dir, src)
			if r.status != 0 || r.stderr != "" {
				t.Fatalf("import: %+v", r)
			}
			if got := len(readTalks(t, dir)); got != want {
				t.Errorf("%d talks read back, want %d", got, want)
			}
			checkAccepts(t, dir)
		})
	}
}

// checkAccepts runs "talkmeta check" on an imported archive: it must find
// no error.
func checkAccepts(t *testing.T, dir string) {
	t.Helper()
	if r := runCommand("", "check", dir); r.status != 0 {
		t.Errorf("talkmeta check %s: status %d\n%s%s", dir, r.status, r.stdout, r.stderr)
	}
}

// TestTalkmetaArchiveHostileFiles renders an imported archive holding a
// record over the size limit and a named pipe among its talks: each is
// reported, neither read nor waited on, and the other talks render.
func TestTalkmetaArchiveHostileFiles(t *testing.T) {
	dir := t.TempDir()
	if got := runCommand("", "import", "-o", dir, "-from", "c3voc", "testdata/import/pair.json"); got.status != 0 {
		t.Fatalf("import: %+v", got)
	}
	talksDirs, _ := filepath.Glob(filepath.Join(dir, "*", "talks"))
	if len(talksDirs) == 0 {
		t.Fatal("import wrote no talks directory")
	}
	talks, good := talksDirs[0], len(readTalks(t, dir))
	if err := os.WriteFile(filepath.Join(talks, "huge.json"), bytes.Repeat([]byte(" "), 1<<20+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(filepath.Join(talks, "pipe.json")); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := runCommand("", "render", "-to", "bibtex", dir)
	rel, _ := filepath.Rel(dir, talks)
	want := strings.Join([]string{
		"DIR/" + rel + "/huge.json: record size 1048577 exceeds the limit of 1048576",
		"DIR/" + rel + "/pipe.json: a named pipe, where a file was expected; not read",
		"",
	}, "\n")
	if diff := cmp.Diff(want, strings.ReplaceAll(filepath.ToSlash(got.stderr), filepath.ToSlash(dir), "DIR")); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	if got.status != 1 || strings.Count(got.stdout, "@misc{") != good {
		t.Errorf("status %d and %d entries, want 1 and every talk but huge.json and pipe.json:\n%s", got.status, strings.Count(got.stdout, "@misc{"), got.stdout)
	}
}

// TestImportUnreadable imports schedules that cannot be read, in whole or
// in part: what could not be read is reported, and nothing is written for
// it, not even an empty event; the summary counts what was written.
func TestImportUnreadable(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"truncated", []string{"-from", "c3voc", "testdata/import-hostile/truncated.json"}},
		{"empty", []string{"-from", "c3voc", "testdata/import-hostile/empty.json"}},
		{"empty-frab", []string{"-from", "frab", "testdata/import-hostile/empty.json"}},
		{"xml-as-c3voc", []string{"-from", "c3voc", "testdata/import/pair.xml"}},
		{"json-as-frab-pyvideo", []string{"-from", "frab", "-layout", "pyvideo", "testdata/import/pair.json"}},
		{"anonymous", []string{"-from", "c3voc", "testdata/import-hostile/anonymous.json"}},
		{"anonymous-pyvideo", []string{"-from", "c3voc", "-layout", "pyvideo", "testdata/import-hostile/anonymous.json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			got := runCommand("", append([]string{"import", "-o", dir}, tt.args...)...)
			got.stdout = strings.ReplaceAll(got.stdout, dir, "OUT")
			if _, err := os.Stat(dir); err == nil {
				got.stdout += tree(t, dir)
			} else {
				got.stdout += "(no OUT)\n"
			}
			checkGolden(t, "import-hostile/"+tt.name+".txt", got)
		})
	}
}

// TestImportNotAFile refuses a device, a named pipe and a file over the
// schedule size limit without reading them (reading /dev/zero would
// never end, and a pipe would wait for a writer), and writes nothing.
func TestImportNotAFile(t *testing.T) {
	tmp := t.TempDir()
	huge := filepath.Join(tmp, "huge.json")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, scheduleLimit+1); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		huge: filepath.ToSlash(huge) + ": schedule size 67108865 exceeds the limit of 67108864\n",
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases["/dev/zero"] = "/dev/zero: a device, where a file was expected; not read\n"
	}
	pipe := filepath.Join(tmp, "pipe.json")
	if err := mkfifo(pipe); err == nil {
		cases[pipe] = pipe + ": a named pipe, where a file was expected; not read\n"
	}
	for src, want := range cases {
		for _, from := range []string{"c3voc", "frab"} {
			t.Run(from+" "+src, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out")
				got := runCommand("", "import", "-from", from, "-o", out, src)
				if diff := cmp.Diff(result{status: 1, stderr: want}, got, cmp.AllowUnexported(result{})); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
				if _, err := os.Stat(out); err == nil {
					t.Errorf("%s was made", out)
				}
			})
		}
	}
}

// TestTalkmetaFiles lays out talks whose IDs differ only in case, which
// must not share a file on a case-insensitive file system, and a talk
// that cannot be written, which is reported by name while the others are
// laid out.
func TestTalkmetaFiles(t *testing.T) {
	ev := talk.Event{ID: "Conf", Title: "Conf"}
	mk := func(id, title string) *talk.Talk { return &talk.Talk{ID: id, Title: title, Event: ev} }
	broken := mk("broken", "Broken")
	broken.Extra = map[string]json.RawMessage{"x": json.RawMessage("{not json")}
	talks := []*talk.Talk{mk("Intro", "A"), mk("intro", "B"), broken, mk("INTRO", "C"), mk("intro-2", "D"), mk("", ""), mk("", ""),
		mk("line\nbreak", "E"), mk("\x1b[2Jclear", "F")}
	var problems []string
	files := talkmetaFiles([]*talk.Event{&ev, {ID: "conf", Title: "Other"}}, []string{`s.json: event "conf"`, `s.json: event "conf"`}, talks, talkNames(talks, "s.json", false),
		func(err error) { problems = append(problems, err.Error()) })
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	want := []string{
		"Conf/event.json",
		"conf-2/event.json",
		"Conf/talks/Intro.json",
		"Conf/talks/intro-2.json",
		"Conf/talks/INTRO-3.json",
		"Conf/talks/intro-2-2.json",
		"Conf/talks/talk.json",
		"Conf/talks/talk-2.json",
		"Conf/talks/line-break.json",
		"Conf/talks/2jclear.json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	wantProblems := []string{`s.json: talk "broken": not written: /x: Extra member "x" is not one JSON value (member name not without quotes: write it as "not"); give it one, such as null or "text"`}
	if diff := cmp.Diff(wantProblems, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestTalkmetaFileNames names talk files and event directories so that
// they can be written, and copied, everywhere: an ID too long for a file
// name is cut to fit schema.MaxNameBytes (it was reported as a file
// that "exists and differs", as writing it failed; one of 200 bytes was
// written, and check refused it), one written composed (NFC) and decomposed (NFD)
// are two files where macOS would take them for one, and Windows'
// device names, and names ending in '.' or ' ', which it drops, are not
// used as they are.
func TestTalkmetaFileNames(t *testing.T) {
	long := strings.Repeat("A", 300)
	for _, tt := range []struct{ id, title, want string }{
		{long, "T", strings.Repeat("a", maxNameLen)},
		{"", strings.Repeat("word ", 100), strings.TrimSuffix(strings.Repeat("word-", (maxNameLen+1)/5), "-")},
		{strings.Repeat("b", 135), "T", strings.Repeat("b", maxNameLen)},
		{"CON", "T", "con_"},
		{"nul.txt", "T", "nul-txt"},
		{"Com1", "Com1", "com1_"},
		{"COM10", "T", "COM10"},
		{"console", "T", "console"},
		{"Camp.", "T", "camp"},
		{"Camp ", "T", "camp"},
		{"café", "T", "café"},
		{strings.Repeat("B", maxNameLen), "T", strings.Repeat("B", maxNameLen)}, // at the limit: kept as it is
		{".hidden", "T", "hidden"}, // hidden by ls, and by the readers
		{"COM¹", "T", "com1_"},     // Windows takes ¹²³ for digits
		{"lpt²", "T", "lpt2_"},
		{"CON .json", "T", "con-json"}, // the space before the extension is dropped: CON
		{"a\tb", "T", "a-b"},
	} {
		if got := fileName(tt.id, tt.title); got != tt.want {
			t.Errorf("fileName(%q, %q) = %q, want %q", tt.id, tt.title, got, tt.want)
		}
	}

	var u osfs.Names
	var got []string
	for _, name := range []string{"caf\u00e9", "cafe\u0301", "CAFE\u0301", "Intro", "intro"} {
		got = append(got, u.Unique(name))
	}
	want := []string{"caf\u00e9", "cafe\u0301-2", "CAFE\u0301-3", "Intro", "intro-2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unique names (-want +got):\n%s", diff)
	}

	// The whole import: the talk with the long ID is written, its
	// guid reported as no UUID, and no file is said to differ.
	dir := t.TempDir()
	const guid = "0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f"
	schedule := strings.Replace(readFile(t, "testdata/import/pair.json"), guid, long, 1)
	r := runCommand(schedule, "import", "-from", "c3voc", "-o", dir, "-")
	r.stdout = strings.ReplaceAll(r.stdout, dir, "OUT")
	wantResult(t, r, 1, []string{"4 talks of 1 event written to OUT (talkmeta layout)"},
		[]string{`<stdin>:29:25: /schedule/conference/days/0/rooms/Saal 1/0/guid: schedule: guid "` + long + `" is not a UUID`})
	if _, err := os.Stat(filepath.Join(dir, "tinycon2024", "talks", strings.Repeat("a", maxNameLen)+".json")); err != nil {
		t.Error(err)
	}
	checkAccepts(t, dir) // its names within schema.MaxNameBytes
}

// TestPyvideoFiles lays talks out in the pyvideo layout, naming those
// left out in the order they come, and marshals each talk kept once:
// about as often as pyvideo.ArchiveFiles of the kept talks allocates,
// not twice as often.
func TestPyvideoFiles(t *testing.T) {
	ev := talk.Event{ID: "Con", Title: "Con"}
	video := []talk.Video{{Provider: talk.YouTube, ID: "x", URL: "https://www.youtube.com/watch?v=x"}}
	mk := func(id, title string, videos []talk.Video) *talk.Talk {
		return &talk.Talk{ID: id, Title: title, Event: ev, Videos: videos}
	}
	broken := mk("broken", "Broken", video)
	broken.Extra = map[string]json.RawMessage{"title": json.RawMessage(`"T"`)}
	talks := []*talk.Talk{mk("a", "A", nil), broken, mk("b", "Intro", video), mk("c", "C", nil), mk("d", "intro", video)}
	var out strings.Builder
	e := &env{stderr: &out}
	report := func(err error) { fmt.Fprintln(&out, "error:", err) }
	files, err := pyvideoFiles(e, talks, talkNames(talks, "s.json", false), report)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, f := range files {
		got = append(got, f.Path)
	}
	got = append(got, strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")...)
	want := []string{
		"con/category.json",
		"con/videos/intro.json",
		"con/videos/intro-2.json",
		`s.json: talk "a": not written: no recording yet, and a pyvideo archive holds recordings (-layout talkmeta keeps it)`,
		`error: s.json: talk "broken": not written: /title: Extra member "title" has the name of a member written from the model; set the field, or give the member another name`,
		`s.json: talk "c": not written: no recording yet, and a pyvideo archive holds recordings (-layout talkmeta keeps it)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	var good []*talk.Talk
	for i := range 32 {
		good = append(good, mk(fmt.Sprint(i), fmt.Sprint("Talk ", i), video))
	}
	names := talkNames(good, "s.json", false)
	mine := testing.AllocsPerRun(5, func() { pyvideoFiles(e, good, names, report) })
	lib := testing.AllocsPerRun(5, func() { pyvideo.ArchiveFiles(good) })
	if mine > lib*1.2 {
		t.Errorf("pyvideoFiles: %v allocations, pyvideo.ArchiveFiles %v: are talks marshaled twice?", mine, lib)
	}
}

// TestImportAgain: importing a schedule again, as one does when it
// changes, leaves the files that are the same alone and keeps those
// edited since (a recording added, a typo mended), naming each, unless
// -replace asks for the import's.
func TestImportAgain(t *testing.T) {
	dir := t.TempDir()
	// again imports the schedule into dir once more, with flags.
	again := func(flags ...string) result {
		args := append(append([]string{"import"}, flags...), "-from", "c3voc", "-o", dir, "testdata/import/pair.json")
		got := runCommand("", args...)
		got.stdout = strings.ReplaceAll(got.stdout, dir, "OUT")
		got.stderr = strings.ReplaceAll(got.stderr, dir, "OUT")
		return got
	}
	// kept is the report of a file import kept, which differs at
	// the JSON pointers at, or unread.
	kept := func(name, at string) string {
		rel, _ := filepath.Rel(dir, name)
		return "OUT/" + filepath.ToSlash(rel) + ": exists and differs from the import" + at + "; kept (-replace replaces it)"
	}
	const editedAt = " at /attachments, /code, /description and 22 more"
	if r := again(); r.status != 0 {
		t.Fatal(r)
	}
	wantResult(t, again(), 0, []string{"0 talks of 0 events written to OUT (talkmeta layout); 5 files the same as before"}, nil)

	talks, _ := filepath.Glob(filepath.Join(dir, "*", "talks", "*.json"))
	if len(talks) != 4 {
		t.Fatalf("%d talk files, want 4", len(talks))
	}
	edited := talks[0]
	const mine = "{\"title\": \"edited by hand\"}\n"
	plantFile(t, edited, mine)
	wantResult(t, again(), 1,
		[]string{"0 talks of 0 events written to OUT (talkmeta layout); 4 files the same as before; 1 file differing from the import kept"},
		[]string{kept(edited, editedAt)})
	if diff := cmp.Diff(mine, readFile(t, edited)); diff != "" {
		t.Errorf("the edited file (-want +got):\n%s", diff)
	}

	// A named pipe where a talk file was is kept too, unread: reading
	// it would wait for a writer that never comes.
	pipe := talks[1]
	if err := os.Remove(pipe); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(pipe); err == nil {
		wantResult(t, again(), 1,
			[]string{"0 talks of 0 events written to OUT (talkmeta layout); 3 files the same as before; 2 files differing from the import kept"},
			[]string{kept(edited, editedAt), kept(pipe, "")})
		if err := os.Remove(pipe); err != nil {
			t.Fatal(err)
		}
	}

	wantResult(t, again("-replace"), 0, []string{"2 talks of 0 events written to OUT (talkmeta layout); 3 files the same as before"}, nil)
	checkAccepts(t, dir)

	// A directory where a talk file goes is no file that differs, and
	// -replace cannot replace it: the error says what is in the way.
	if err := os.Remove(edited); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(edited, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{nil, {"-replace"}} {
		wantResult(t, again(flags...), 1,
			[]string{"0 talks of 0 events written to OUT (talkmeta layout); 4 files the same as before"},
			[]string{strings.TrimSuffix(kept(edited, ""), ": exists and differs from the import; kept (-replace replaces it)") + ": not written: is a directory"})
	}
}

// TestImportChanged imports a schedule again after it changed: a talk
// renamed, a speaker renamed, a talk given a new ID (cancelled, and
// another in its place). Each file kept says where it differs from the
// import, and the file of the talk the schedule no longer has is named,
// where it was kept without a word.
func TestImportChanged(t *testing.T) {
	dir := t.TempDir()
	first := readFile(t, "testdata/import/pair.json")
	if r := runCommand(first, "import", "-from", "c3voc", "-o", dir, "-"); r.status != 0 {
		t.Fatal(r)
	}
	changed := strings.NewReplacer(
		`"title": "Lightning talks"`, `"title": "Lightning Talks 2024"`,
		`"name": "Hedy Lamarr"`, `"name": "Hedy Kiesler"`,
		`"guid": "3d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f"`, `"guid": "4d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f"`,
	).Replace(first)
	r := runCommand(changed, "import", "-from", "c3voc", "-o", dir, "-")
	r.stdout = strings.ReplaceAll(r.stdout, dir, "OUT")
	r.stderr = strings.ReplaceAll(r.stderr, dir, "OUT")
	talks := "OUT/tinycon2024/talks/"
	wantResult(t, r, 1,
		[]string{"1 talk of 0 events written to OUT (talkmeta layout); 2 files the same as before; 2 files differing from the import kept; 1 file of talks not in the schedule kept"},
		[]string{
			talks + "1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: exists and differs from the import at /title; kept (-replace replaces it)",
			talks + "2d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: exists and differs from the import at /speakers/0/name; kept (-replace replaces it)",
			talks + "3d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: no talk of the schedule has this file; kept (remove it if its talk was cancelled)",
		})

	// A file that is not JSON says only that it differs; one that
	// differs in many places names the first three.
	plantFile(t, filepath.Join(dir, "tinycon2024", "talks", "1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json"), "not json\n")
	plantFile(t, filepath.Join(dir, "tinycon2024", "talks", "2d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json"), `{"a": 1, "b": 2, "id": "x", "title": [1]}`)
	r = runCommand(changed, "import", "-from", "c3voc", "-o", dir, "-")
	r.stdout = strings.ReplaceAll(r.stdout, dir, "OUT")
	r.stderr = strings.ReplaceAll(r.stderr, dir, "OUT")
	wantResult(t, r, 1,
		[]string{"0 talks of 0 events written to OUT (talkmeta layout); 3 files the same as before; 2 files differing from the import kept; 1 file of talks not in the schedule kept"},
		[]string{
			talks + "1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: exists and differs from the import; kept (-replace replaces it)",
			talks + "2d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: exists and differs from the import at /a, /b, /duration and 13 more; kept (-replace replaces it)",
			talks + "3d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: no talk of the schedule has this file; kept (remove it if its talk was cancelled)",
		})
}

// TestImportGoesOn: importing again over an archive, a file holding the
// import's values spaced and ordered otherwise (an editor's reformatting)
// is the same as before, where it was reported as differing, with no
// place, and exit status 1; and a file that cannot be written (one made
// read-only) is reported while the files after it are written and the
// talk files the schedule no longer has are named, where the import
// stopped at it.
func TestImportGoesOn(t *testing.T) {
	dir := t.TempDir()
	first := readFile(t, "testdata/import/pair.json")
	if r := runCommand(first, "import", "-from", "c3voc", "-o", dir, "-"); r.status != 0 {
		t.Fatal(r)
	}
	talks := filepath.Join(dir, "tinycon2024", "talks")
	reformatted := filepath.Join(talks, "1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json")
	var values any
	if err := json.Unmarshal([]byte(readFile(t, reformatted)), &values); err != nil {
		t.Fatal(err)
	}
	sorted, err := json.MarshalIndent(values, "", "\t") // members in name order, indented by tabs
	if err != nil {
		t.Fatal(err)
	}
	plantFile(t, reformatted, string(sorted))
	readOnly := filepath.Join(talks, "0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json")
	plantFile(t, readOnly, `{"title": "edited"}`)
	if err := os.Chmod(readOnly, 0o444); err != nil {
		t.Fatal(err)
	}
	plantFile(t, filepath.Join(talks, "3d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json"), `{"title": "edited too"}`)
	plantFile(t, filepath.Join(talks, "stale.json"), `{"title": "cancelled"}`)

	r := runCommand(first, "import", "-from", "c3voc", "-o", dir, "-replace", "-")
	r.stdout = strings.ReplaceAll(r.stdout, dir, "OUT")
	r.stderr = strings.ReplaceAll(r.stderr, dir, "OUT")
	wantResult(t, r, 1,
		[]string{"1 talk of 0 events written to OUT (talkmeta layout); 3 files the same as before; 1 file of talks not in the schedule kept"},
		[]string{
			"OUT/tinycon2024/talks/0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f.json: not written: it is read-only (its owner may not write it)",
			"OUT/tinycon2024/talks/stale.json: no talk of the schedule has this file; kept (remove it if its talk was cancelled)",
		})
	if got := readFile(t, reformatted); got != string(sorted) {
		t.Errorf("the reformatted file was rewritten:\n%s", got)
	}
}

// TestImportDirectoryUnmade: a file where an event's directory would be
// is reported once, not once for each file that would go below it, and
// nothing is written there.
func TestImportDirectoryUnmade(t *testing.T) {
	dir := t.TempDir()
	plantFile(t, filepath.Join(dir, "tinycon2024"), "a file\n")
	r := runCommand("", "import", "-from", "c3voc", "-o", dir, "testdata/import/pair.json")
	r.stdout = strings.ReplaceAll(r.stdout, dir, "OUT")
	r.stderr = strings.ReplaceAll(r.stderr, dir, "OUT")
	wantResult(t, r, 1,
		[]string{"0 talks of 0 events written to OUT (talkmeta layout)"},
		[]string{"OUT/tinycon2024: not a directory"})
}

// TestImportRubyEventsIDs: a talk whose id another talk has is named,
// and so is the other, as the user names the files, below the data
// directory given, and by line and column alone in the same file. The
// other was named within the directory ("conf/conf-2024/videos.yml:1:3"),
// which is no file where the command ran, and so was one in the same
// file.
func TestImportRubyEventsIDs(t *testing.T) {
	src := filepath.Join(t.TempDir(), "data")
	files := map[string]string{
		"conf/series.yml":           "name: Conf\n",
		"conf/conf-2024/event.yml":  "title: Conf 2024\n",
		"conf/conf-2024/videos.yml": "- id: a\n  title: A\n- id: a\n  title: B\n",
		"conf/conf-2025/event.yml":  "title: Conf 2025\n",
		"conf/conf-2025/videos.yml": "- id: a\n  title: A again\n",
	}
	if err := sitetest.Plant(src, files); err != nil {
		t.Fatal(err)
	}
	got := runCommand("", "import", "-from", "rubyevents", "-o", t.TempDir(), src)
	got.stderr = strings.ReplaceAll(got.stderr, filepath.ToSlash(src), "data")
	const why = "; RubyEvents' ids name one talk each: give one of them another\n"
	want := `data/conf/conf-2024/videos.yml:3:3: rubyevents: id "a" is also the id of the talk at line 1, column 3` + why +
		`data/conf/conf-2025/videos.yml:1:3: rubyevents: id "a" is also the id of the talk at data/conf/conf-2024/videos.yml:1:3` + why
	if got.status != 1 || got.stderr != want {
		t.Errorf("status %d, stderr:\n%s\nwant status 1, stderr:\n%s", got.status, got.stderr, want)
	}
}
