package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/internal/memfs"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// testArchive is a copy of the real records in ../testdata/pyvideo, in
// memory, for planting faults in.
func testArchive(t testing.TB) fstest.MapFS {
	t.Helper()
	return memfs.Copy(t, filepath.Join("..", "testdata", "pyvideo"))
}

func TestArchiveClean(t *testing.T) {
	r := (&Validator{Profile: Pyvideo}).CheckArchive(testArchive(t), nil)
	if r.Events != 10 || r.Talks != 12 || r.Problems.Errors() != 0 {
		t.Errorf("got %d events, %d talks, errors:\n%v", r.Events, r.Talks, r.Problems)
	}
}

// TestArchiveFaults plants each archive-wide fault in a copy of real
// records and asserts the exact findings.
func TestArchiveFaults(t *testing.T) {
	const seed = "europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json"
	const other = "europython-2020/videos/aaron-ma-machine-learning-for-everyone.json"
	long := "europython-2016/videos/" + strings.Repeat("a", 140) + ".json"
	tests := []struct {
		name  string
		plant func(fstest.MapFS)
		want  []string
	}{
		{"no category.json", func(f fstest.MapFS) { delete(f, "europython-2016/category.json") },
			[]string{"europython-2016: layout: the event has no category.json"}},
		{"no videos directory", func(f fstest.MapFS) { delete(f, seed) },
			[]string{"europython-2016: layout: the event has no videos/ directory"}},
		{"category.json a directory", func(f fstest.MapFS) {
			f["europython-2016/category.json/x"] = f["europython-2016/category.json"]
			delete(f, "europython-2016/category.json")
		}, []string{"europython-2016/category.json: layout: a directory, where the event's record, the file category.json, belongs"}},
		{"videos a file", func(f fstest.MapFS) {
			for name := range f {
				if strings.HasPrefix(name, "europython-2020/videos/") {
					delete(f, name)
				}
			}
			f["europython-2020/videos"] = &fstest.MapFile{Data: []byte("x")}
		}, []string{"europython-2020/videos: layout: a file, where the event's directory of talks, videos/, belongs"}},
		{"talk outside videos", func(f fstest.MapFS) { f["europython-2016/talk.json"] = f[seed] },
			[]string{"europython-2016/talk.json: layout: unexpected in an event directory, which holds category.json and videos/ only"}},
		{"record at the top", func(f fstest.MapFS) { f["talk.json"] = f[seed] },
			[]string{"talk.json: layout: a record outside any event; talks go in <event>/videos/ and events in <event>/category.json"}},
		{"not JSON in videos", func(f fstest.MapFS) { f["europython-2016/videos/notes.txt"] = &fstest.MapFile{} },
			[]string{"europython-2016/videos/notes.txt: layout: unexpected in videos/, which holds talk records (*.json) only"}},
		{"directory named as a record in videos", func(f fstest.MapFS) { f["europython-2016/videos/old.json/a.json"] = f[seed] },
			[]string{"europython-2016/videos/old.json: layout: unexpected in videos/, which holds talk records (*.json) only"}},
		{"directory of records that is no event", func(f fstest.MapFS) { f["drafts/a.json"] = f[seed] },
			[]string{"drafts: layout: a directory of records without category.json or videos/; is it an event?"}},
		{"tools directory", func(f fstest.MapFS) { f["tools/fix.py"] = &fstest.MapFile{} }, nil},
		{"hidden directory", func(f fstest.MapFS) { f[".git/x.json"] = &fstest.MapFile{} }, nil},
		{"hidden file in an event", func(f fstest.MapFS) { f["europython-2016/.DS_Store"] = &fstest.MapFile{} }, nil},
		{"hidden file among talks", func(f fstest.MapFS) { f["europython-2016/videos/.talk.json.swp"] = &fstest.MapFile{} }, nil},
		// Every name is measured, a file's at the top and in an event as
		// well as a talk's.
		{"long name at the top", func(f fstest.MapFS) { f[strings.Repeat("r", 140)] = &fstest.MapFile{} },
			[]string{strings.Repeat("r", 140) + ": filename: the name is 140 bytes long; keep it to 139 so that every file system can hold it"}},
		{"long name in an event", func(f fstest.MapFS) { f["europython-2016/"+strings.Repeat("n", 140)] = &fstest.MapFile{} },
			[]string{
				"europython-2016/" + strings.Repeat("n", 140) + ": filename: the name is 140 bytes long; keep it to 139 so that every file system can hold it",
				"europython-2016/" + strings.Repeat("n", 140) + ": layout: unexpected in an event directory, which holds category.json and videos/ only",
			}},
		{"name of the longest length", func(f fstest.MapFS) {
			f["europython-2016/videos/"+strings.Repeat("a", MaxNameBytes-len(".json"))+".json"] = f[other]
		}, nil},
		{"name too long", func(f fstest.MapFS) { f[long] = f[seed] },
			[]string{
				long + ": filename: the name is 145 bytes long; keep it to 139 so that every file system can hold it",
				seed + ":15:12: unique-slug: the URL slug \"asyncawait-in-python-35-and-why-it-is-awesome\" is also the slug of " + long + "; give one of them a slug member",
				"  other: " + long,
			}},
		{"same title twice in an event", func(f fstest.MapFS) { f["europython-2016/videos/copy.json"] = f[seed] },
			[]string{"europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json:15:12: unique-slug: the URL slug \"asyncawait-in-python-35-and-why-it-is-awesome\" is also the slug of europython-2016/videos/copy.json; give one of them a slug member", "  other: europython-2016/videos/copy.json"}},
		{"same title in two events", func(f fstest.MapFS) { f["europython-2020/videos/copy.json"] = f[seed] }, nil},
		{"same slug member", func(f fstest.MapFS) {
			f["europython-2016/videos/copy.json"] = &fstest.MapFile{Data: plantAny(f[seed].Data, `"title": "async/await`, `"slug": "asyncawait-in-python-35-and-why-it-is-awesome", "title": "Another talk, async/await`)}
		}, []string{"europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json:15:12: unique-slug: the URL slug \"asyncawait-in-python-35-and-why-it-is-awesome\" is also the slug of europython-2016/videos/copy.json; give one of them a slug member", "  other: europython-2016/videos/copy.json"}},
		// An empty slug member is none: the slug is the title's.
		{"same title, the later with an empty slug", func(f fstest.MapFS) {
			f["europython-2016/videos/zz.json"] = &fstest.MapFile{Data: plantAny(f[seed].Data, `"title": "async`, `"slug": "", "title": "async`)}
		}, []string{"europython-2016/videos/zz.json:15:24: unique-slug: the URL slug \"asyncawait-in-python-35-and-why-it-is-awesome\" is also the slug of " + seed + "; give one of them a slug member", "  other: " + seed}},
		{"same id in two events", func(f fstest.MapFS) {
			f[seed] = &fstest.MapFile{Data: plantAny(f[seed].Data, `"title"`, `"id": 4107, "title"`)}
			f[other] = &fstest.MapFile{Data: plantAny(f[other].Data, `"title"`, `"id": 4107, "title"`)}
		}, []string{"europython-2020/videos/aaron-ma-machine-learning-for-everyone.json:" + idPosition(t, other) + ": unique-id: id 4107 is also the id of " + seed, "  other: " + seed}},
		{"bad record", func(f fstest.MapFS) { f[seed] = &fstest.MapFile{Data: []byte("{\n  \"title\": 1\n}\n")} },
			[]string{seed + ":1:1: required: the record: the member \"videos\" is required", seed + ":2:12: type: title: expected text, found 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := testArchive(t)
			tt.plant(fsys)
			var got []string
			for _, p := range (&Validator{Profile: Pyvideo}).CheckArchive(fsys, nil).Problems {
				if p.Severity == Error {
					got = append(got, p.Error())
					if p.Other != "" {
						got = append(got, "  other: "+p.Other)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestArchiveOneEvent checks an archive that is one event directory.
func TestArchiveOneEvent(t *testing.T) {
	event, err := fs.Sub(testArchive(t), "europython-2016")
	if err != nil {
		t.Fatal(err)
	}
	r := (&Validator{Profile: Pyvideo}).CheckArchive(event, nil)
	if diff := cmp.Diff(&Report{Events: 1, Talks: 1}, r, cmp.AllowUnexported(Problem{})); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}

	withoutRecord := testArchive(t)
	delete(withoutRecord, "europython-2016/category.json")
	event, err = fs.Sub(withoutRecord, "europython-2016")
	if err != nil {
		t.Fatal(err)
	}
	r = (&Validator{Profile: Pyvideo}).CheckArchive(event, nil)
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Error())
	}
	if diff := cmp.Diff([]string{".: layout: the event has no category.json"}, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestArchiveSymlinks checks an archive whose event directory, event
// record and directory of talks are symbolic links, as an archive put
// together from others may have them: each is followed, none skipped.
func TestArchiveSymlinks(t *testing.T) {
	elsewhere, archive := t.TempDir(), t.TempDir()
	if err := os.CopyFS(elsewhere, os.DirFS(filepath.Join("..", "testdata", "pyvideo"))); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"ep16":                          "europython-2016",
		"europython-2020/category.json": "europython-2020/category.json",
		"europython-2020/videos":        "europython-2020/videos",
	}
	if err := os.Mkdir(filepath.Join(archive, "europython-2020"), 0o755); err != nil {
		t.Fatal(err)
	}
	for link, target := range links {
		if err := os.Symlink(filepath.Join(elsewhere, target), filepath.Join(archive, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	r := (&Validator{Profile: Pyvideo}).CheckArchive(osfs.DirFS(archive), nil)
	if diff := cmp.Diff(&Report{Events: 2, Talks: 2}, r, cmp.AllowUnexported(Problem{})); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

// plantAny is plant for setup code without a *testing.T.
func plantAny(data []byte, old, new string) []byte {
	return []byte(strings.Replace(string(data), old, new, 1))
}

// idPosition is where the planted id member lands in a record.
func idPosition(t *testing.T, name string) string {
	data := plantAny(readTestdata(t, name), `"title"`, `"id": 4107, "title"`)
	off := strings.Index(string(data), `4107`)
	line := strings.Count(string(data[:off]), "\n") + 1
	return fmt.Sprintf("%d:%d", line, off-strings.LastIndex(string(data[:off]), "\n"))
}

// TestArchiveHostileFiles plants a huge file, a binary one, a named pipe,
// one with a byte order mark and a link to nothing: each is reported
// once, in words that need not name it again, and every other record is
// still checked.
func TestArchiveHostileFiles(t *testing.T) {
	fsys := testArchive(t)
	fsys["europython-2016/videos/huge.json"] = &fstest.MapFile{Data: []byte(`{"title": "` + strings.Repeat("x", 5000) + `"}`)}
	fsys["europython-2016/videos/binary.json"] = &fstest.MapFile{Data: []byte{0x89, 'P', 'N', 'G', 0, 1, 2}}
	fsys["europython-2016/videos/pipe.json"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
	fsys["europython-2016/videos/windows.json"] = &fstest.MapFile{Data: []byte("\uFEFF{\"title\": \"x\"}")}
	fsys["europython-2016/videos/gone.json"] = &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("nowhere.json")}
	r := (&Validator{Profile: Pyvideo, Limits: talk.Limits{MaxRecordBytes: 4096}}).CheckArchive(fsys, nil)
	var got []string
	for _, p := range r.Problems {
		if p.Severity == Error {
			got = append(got, p.Error())
		}
	}
	want := []string{
		"europython-2016/videos/binary.json:1:1: json: invalid character byte 0x89 looking for the beginning of a value",
		"europython-2016/videos/gone.json: read: a symbolic link to nowhere.json, which does not exist",
		"europython-2016/videos/huge.json: limit: record size 5013 exceeds the limit of 4096",
		"europython-2016/videos/pipe.json: read: a named pipe, where a file was expected; not read",
		"europython-2016/videos/windows.json:1:1: json: the file starts with a byte order mark (U+FEFF), which JSON must not; save it as UTF-8 without one",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if r.Talks != 17 {
		t.Errorf("%d talks checked, want all 17", r.Talks)
	}
}

func TestArchiveProgress(t *testing.T) {
	var calls [][2]int
	r := (&Validator{Profile: Pyvideo}).CheckArchive(testArchive(t), func(done, total int) {
		calls = append(calls, [2]int{done, total})
	})
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{22, 22} || r.Events+r.Talks != 22 {
		t.Fatalf("progress calls %v for %d records, want the last to be all 22 done", calls, r.Events+r.Talks)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Errorf("progress went back: %v", calls)
		}
	}
}

// TestCorpus checks the shared pyvideo corpus: pyvideo's own CI passes it,
// so the pyvideo profile must find no error, and the warnings it finds
// are recorded in a golden file, so that a change in them is seen.
func TestCorpus(t *testing.T) {
	dir := os.Getenv("TALKMETA_CORPUS")
	if dir == "" {
		t.Skip("TALKMETA_CORPUS is not set; set it to the pyvideo corpus (../shared/corpus/pyvideo) to check it")
	}
	r := (&Validator{Profile: Pyvideo}).CheckArchive(os.DirFS(dir), nil)
	if r.Talks != 13239 || r.Events != 327 {
		t.Errorf("checked %d talks and %d events, want 13239 and 327", r.Talks, r.Events)
	}
	for _, p := range r.Problems {
		if p.Severity == Error {
			t.Error(p)
		}
	}
	counts := map[string]int{}
	for _, p := range r.Problems {
		counts[p.Severity.String()+" "+p.Rule]++
	}
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		fmt.Fprintf(&b, "%6d %s\n", counts[k], k)
	}
	golden.Check(t, "testdata/corpus-findings.txt", []byte(b.String()))
}

// TestArchiveFilesNames: what pyvideo.ArchiveFiles lays out, "ready to be
// contributed to pyvideo/data", passes CheckArchive in the pyvideo
// profile: names within MaxNameBytes, however long the titles, and no
// two talks of an event with the same URL slug, however alike their
// titles. (pyvideo keeps its own copy of MaxNameBytes, since it cannot
// import this package; this holds the two together.)
func TestArchiveFilesNames(t *testing.T) {
	ev := talk.Event{ID: strings.Repeat("A Very Long Conference Name ", 8), Title: "Conf", Start: talk.MustParseDate("2024-05-01")}
	mk := func(title, slug string) *talk.Talk {
		return &talk.Talk{Title: title, Slug: slug, Event: ev, Speakers: []talk.Speaker{{Name: "Ada Lovelace"}},
			Recorded: talk.MustParseDate("2024-05-01"), Thumbnail: "https://example.org/t.jpg", Language: "en",
			Videos: []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=m28fiN9y_r8"}}}
	}
	talks := []*talk.Talk{
		mk(strings.Repeat("Supercalifragilisticexpialidocious ", 6)+"End", ""),
		mk(strings.Repeat("Supercalifragilisticexpialidocious ", 6)+"Other end", ""),
		mk(strings.Repeat("x", 300), ""),
		mk("Intro", ""),
		mk("intro!", ""),
		mk("Intro 2", ""),
		mk("Something else", "intro"),
	}
	files, err := pyvideo.ArchiveFiles(talks)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	var got []string
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
		var rec struct{ Slug string }
		json.Unmarshal(f.Data, &rec)
		got = append(got, fmt.Sprintf("%d %s %s", len(path.Base(f.Path)), path.Base(f.Path), rec.Slug))
	}
	want := []string{
		"13 category.json ",
		"109 supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-supercalifragilisticexpialidocious.json ",
		"111 supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-2.json ",
		"134 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.json ",
		"10 intro.json ",
		"12 intro-2.json intro-2",
		"14 intro-2-2.json intro-2-2",
		"19 something-else.json intro-3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	r := (&Validator{Profile: Pyvideo}).CheckArchive(fsys, nil)
	if diff := cmp.Diff(&Report{Events: 1, Talks: len(talks)}, r, cmp.AllowUnexported(Problem{})); diff != "" {
		t.Errorf("CheckArchive (-want +got):\n%s", diff)
	}
}

// deniedDirs is a file system whose directories of the names given
// cannot be listed, as a directory without read permission cannot.
type deniedDirs struct {
	fstest.MapFS
	denied []string
}

func (d deniedDirs) ReadDir(name string) ([]fs.DirEntry, error) {
	if slices.Contains(d.denied, name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadDir(name)
}

// TestArchiveUnlistable: a directory that cannot be listed is a problem
// of reading it, named once, as an unreadable record is, not one of the
// archive's layout.
func TestArchiveUnlistable(t *testing.T) {
	for _, tt := range []struct{ denied, want string }{
		{"europython-2016", "europython-2016: read: permission denied"},
		{"europython-2016/videos", "europython-2016/videos: read: permission denied"},
		{".", ".: read: permission denied"},
	} {
		fsys := deniedDirs{testArchive(t), []string{tt.denied}}
		var got []string
		for _, p := range (&Validator{Profile: Pyvideo}).CheckArchive(fsys, nil).Problems {
			if p.Severity == Error {
				got = append(got, p.Error())
			}
		}
		if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
			t.Errorf("%s denied (-want +got):\n%s", tt.denied, diff)
		}
	}
}

// TestArchiveBrokenLinks: a symbolic link to nothing where an event
// directory, or an event's directory of talks, was likely meant is
// reported once, saying where it leads; it was passed over without a
// word at the top, and in an event taken for a file out of place beside
// "no videos/ directory". pyvideo's reader says the same.
func TestArchiveBrokenLinks(t *testing.T) {
	archive := t.TempDir()
	if err := os.CopyFS(archive, os.DirFS(filepath.Join("..", "testdata", "pyvideo"))); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(archive, "ep-linked"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(archive, "ep-linked", "category.json"), []byte(`{"title": "EP"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// A loop is made on disk: fstest.MapFS follows one without end.
	for link, target := range map[string]string{"dangling-event": "nowhere", "loop": "loop", "ep-linked/videos": "missing"} {
		if err := os.Symlink(target, filepath.Join(archive, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	r := (&Validator{Profile: Pyvideo}).CheckArchive(osfs.DirFS(archive), nil)
	var got []string
	for _, p := range r.Problems {
		if p.Severity == Error {
			got = append(got, p.Error())
		}
	}
	want := []string{
		"dangling-event: read: a symbolic link to nowhere, which does not exist",
		"ep-linked/videos: read: a symbolic link to missing, which does not exist",
		"loop: read: a symbolic link to loop, which cannot be followed: too many levels of symbolic links",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestTalkmetaArchiveUnique checks ids and slugs in an archive of
// talkmeta's layout: a text id repeated in another event is named in
// quotes, as the slug is, so that one with spaces or none reads as one.
func TestTalkmetaArchiveUnique(t *testing.T) {
	talk := func(id, title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`{"id": "` + id + `", "title": "` + title + `", "speakers": [{"name": "Ada"}], "recorded": "2025"}`)}
	}
	fsys := fstest.MapFS{
		"conf-2024/event.json":             {Data: []byte(`{"id": "conf-2024", "title": "Conf 2024"}`)},
		"conf-2025/event.json":             {Data: []byte(`{"id": "conf-2025", "title": "Conf 2025"}`)},
		"conf-2024/talks/a.json":           talk("opening talk", "Opening"),
		"conf-2024/talks/b.json":           talk("b", "Hello, World!"),
		"conf-2024/talks/c.json":           talk("c", "Hello World"),
		"conf-2025/talks/opening.json":     talk("opening talk", "Opening"),
		"conf-2025/talks/hello-world.json": talk("d", "Hello World"),
		// talkmeta's slug of a title, not pyvideo's, which keeps no "and"
		// for "&".
		"conf-2025/talks/big.json":  talk("e", "Big & Data"),
		"conf-2025/talks/big2.json": talk("f", "Big and Data"),
	}
	var got []string
	for _, p := range new(Validator).CheckArchive(fsys, nil).Problems {
		got = append(got, p.Error())
	}
	want := []string{
		`conf-2024/talks/c.json:1:22: unique-slug: the URL slug "hello-world" is also the slug of conf-2024/talks/b.json; give one of them a slug member`,
		`conf-2025/talks/big2.json:1:22: unique-slug: the URL slug "big-and-data" is also the slug of conf-2025/talks/big.json; give one of them a slug member`,
		`conf-2025/talks/opening.json:1:8: unique-id: id "opening talk" is also the id of conf-2024/talks/a.json`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestArchiveOtherLayout checks an archive that mixes the two layouts, as
// talkmeta's readers take it, with each profile: an event in the other
// layout is said to be one, once, not a directory of stray records.
func TestArchiveOtherLayout(t *testing.T) {
	talkmetaTalk := &fstest.MapFile{Data: []byte(`{"title": "Opening", "speakers": [{"name": "Ada"}], "recorded": "2025"}`)}
	pyvideoTalk := &fstest.MapFile{Data: []byte(`{"title": "Opening", "speakers": ["Ada"], "recorded": "2025-01-01", "videos": [{"type": "youtube", "url": "https://www.youtube.com/watch?v=x"}], "thumbnail_url": "https://i.ytimg.com/vi/x/0.jpg"}`)}
	fsys := fstest.MapFS{
		"conf-2025/event.json":           {Data: []byte(`{"title": "Conf 2025"}`)},
		"conf-2025/talks/opening.json":   talkmetaTalk,
		"pycon-2016/category.json":       {Data: []byte(`{"title": "PyCon 2016"}`)},
		"pycon-2016/videos/opening.json": pyvideoTalk,
	}
	tests := []struct {
		profile Profile
		root    string
		want    []string
	}{
		{Talkmeta, ".", []string{"pycon-2016: layout: an event in the pyvideo layout (category.json, videos/), which the talkmeta profile does not check; check it with the pyvideo profile"}},
		{Pyvideo, ".", []string{"conf-2025: layout: an event in the talkmeta layout (event.json, talks/), which the pyvideo profile does not check; check it with the talkmeta profile"}},
		{Talkmeta, "pycon-2016", []string{".: layout: an event in the pyvideo layout (category.json, videos/), which the talkmeta profile does not check; check it with the pyvideo profile"}},
		{Pyvideo, "pycon-2016", nil},
	}
	for _, tt := range tests {
		t.Run(tt.profile.String()+"/"+tt.root, func(t *testing.T) {
			sub, err := fs.Sub(fsys, tt.root)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range (&Validator{Profile: tt.profile}).CheckArchive(sub, nil).Problems {
				if p.Severity == Error {
					got = append(got, p.Error())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestArchiveOtherLayoutTalksOnly: an archive that is one event of the
// other layout is one by its directory of talks alone, without its
// record, as an event directory in an archive is.
func TestArchiveOtherLayoutTalksOnly(t *testing.T) {
	for _, tt := range []struct {
		profile Profile
		fsys    fstest.MapFS
		want    []string
	}{
		{Pyvideo, fstest.MapFS{"talks/opening.json": {Data: []byte(`{"title": "Opening"}`)}},
			[]string{".: layout: an event in the talkmeta layout (event.json, talks/), which the pyvideo profile does not check; check it with the talkmeta profile"}},
		{Talkmeta, fstest.MapFS{"videos/opening.json": {Data: []byte(`{"title": "Opening"}`)}},
			[]string{".: layout: an event in the pyvideo layout (category.json, videos/), which the talkmeta profile does not check; check it with the pyvideo profile"}},
	} {
		if diff := cmp.Diff(tt.want, lines((&Validator{Profile: tt.profile}).CheckArchive(tt.fsys, nil).Problems)); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.profile, diff)
		}
	}
}

// TestArchiveAnyLayout checks the archive of TestArchiveOtherLayout's
// kind with AnyLayout set: each event by the rules of the layout it is
// in (a pyvideo talk must name its speakers as strings, a talkmeta talk
// as objects), talk ids unique across both, and an archive that is one
// event of the other form checked as that event.
func TestArchiveAnyLayout(t *testing.T) {
	fsys := fstest.MapFS{
		"conf-2025/event.json":           {Data: []byte(`{"title": "Conf 2025"}`)},
		"conf-2025/talks/opening.json":   {Data: []byte(`{"id": "7", "title": "Opening", "speakers": ["Ada"], "recorded": "2025"}`)},
		"pycon-2016/category.json":       {Data: []byte(`{"title": "PyCon 2016"}`)},
		"pycon-2016/videos/opening.json": {Data: []byte(`{"id": 7, "title": "Opening", "speakers": [{"name": "Ada"}], "recorded": "2016-05-30", "videos": [{"type": "youtube", "url": "https://www.youtube.com/watch?v=x"}], "thumbnail_url": "https://i.ytimg.com/vi/x/0.jpg"}`)},
	}
	mixed := []string{
		`conf-2025/talks/opening.json:1:46: type: speakers/0: expected an object, found the text "Ada"; write {"name": "Ada"}`,
		`pycon-2016/videos/opening.json:1:8: unique-id: id 7 is also the id of conf-2025/talks/opening.json`,
		`pycon-2016/videos/opening.json:1:44: type: speakers/0: expected text, found an object`,
	}
	tests := []struct {
		profile      Profile
		root         string
		events, talk int
		want         []string
	}{
		{Talkmeta, ".", 2, 2, mixed},
		{Pyvideo, ".", 2, 2, mixed},
		{Talkmeta, "pycon-2016", 1, 1, []string{
			`videos/opening.json:1:44: type: speakers/0: expected text, found an object`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.profile.String()+"/"+tt.root, func(t *testing.T) {
			sub, err := fs.Sub(fsys, tt.root)
			if err != nil {
				t.Fatal(err)
			}
			r := (&Validator{Profile: tt.profile, AnyLayout: true}).CheckArchive(sub, nil)
			var got []string
			for _, p := range r.Problems {
				if p.Severity == Error {
					got = append(got, p.Error())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if r.Events != tt.events || r.Talks != tt.talk {
				t.Errorf("checked %d events and %d talks, want %d and %d", r.Events, r.Talks, tt.events, tt.talk)
			}
		})
	}
}

// denyFS refuses to open one name, as a file system refuses a file its
// reader may not read.
type denyFS struct {
	fs.FS
	deny string
}

func (d denyFS) Open(name string) (fs.File, error) {
	if name == d.deny {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}

// TestCheckArchiveReadCause: a record or directory CheckArchive cannot
// read is a problem that keeps the file system's error, so that errors.Is
// finds fs.ErrPermission through it and through Problems.Err; a record
// beyond a limit, in CheckArchive or a Validate method, is one errors.As
// finds a *talk.LimitError in. They used to keep the message only.
func TestCheckArchiveReadCause(t *testing.T) {
	f := fstest.MapFS{
		"ev/category.json": {Data: []byte(`{"title": "Ev"}`)},
		"ev/videos/a.json": {Data: []byte(`{"title": "A", "videos": []}`)},
	}
	var got []string
	for _, deny := range []string{"ev/videos/a.json", "ev/videos", "ev", "."} {
		v := Validator{Profile: Pyvideo}
		r := v.CheckArchive(denyFS{f, deny}, nil)
		for _, p := range r.Problems {
			if p.Rule == "read" {
				got = append(got, fmt.Sprintf("%v; Is(p)=%v Is(Err())=%v", p, errors.Is(p, fs.ErrPermission), errors.Is(r.Problems.Err(), fs.ErrPermission)))
			}
		}
	}
	v := Validator{Profile: Pyvideo, Limits: talk.Limits{MaxRecordBytes: 10}}
	for _, p := range v.CheckArchive(f, nil).Problems {
		_, ok := errors.AsType[*talk.LimitError](p)
		got = append(got, fmt.Sprintf("%v; As LimitError=%v", p, ok))
	}
	lv := Validator{Limits: talk.Limits{MaxDepth: 4, MaxSpeakers: 1, MaxTextBytes: 3}}
	for _, data := range []string{
		`{"title": "A", "speakers": ["Ann", "Bob"]}`,
		`{"title": "A talk", "videos": [{"url": "https://x.org/v"}]}`,
		`{"title": "A", "parts": [{"parts": [{}]}]}`,
	} {
		for _, p := range lv.ValidateTalk([]byte(data), "t.json") {
			if p.Rule == "limit" {
				_, ok := errors.AsType[*talk.LimitError](p)
				got = append(got, fmt.Sprintf("%v; As LimitError=%v", p, ok))
			}
		}
	}
	want := []string{
		"ev/videos/a.json: read: permission denied; Is(p)=true Is(Err())=true",
		"ev/videos: read: permission denied; Is(p)=true Is(Err())=true",
		"ev: read: permission denied; Is(p)=true Is(Err())=true",
		".: read: permission denied; Is(p)=true Is(Err())=true",
		"ev/category.json: limit: record size 15 exceeds the limit of 10; As LimitError=true",
		"ev/videos/a.json: limit: record size 28 exceeds the limit of 10; As LimitError=true",
		"t.json:1:28: limit: speakers 2 exceeds the limit of 1; As LimitError=true",
		"t.json:1:11: limit: title: text length 6 exceeds the limit of 3; As LimitError=true",
		"t.json:1:40: limit: videos/0/url: text length 15 exceeds the limit of 3; As LimitError=true",
		"t.json:1:37: limit: nesting depth exceeds the limit of 4; As LimitError=true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArchiveSlugsFolded: two talks of an event whose URL slugs differ
// only in case or Unicode form name one file on macOS and Windows; the
// second is warned of, naming the first, and a slug the same as another
// stays an error.
func TestArchiveSlugsFolded(t *testing.T) {
	fsys := fstest.MapFS{
		"conf/event.json":   {Data: []byte(`{"id": "conf", "title": "Conf"}`)},
		"conf/talks/a.json": {Data: []byte(`{"id": "a", "title": "Intro", "slug": "Intro"}`)},
		"conf/talks/b.json": {Data: []byte(`{"id": "b", "title": "Intro", "slug": "intro"}`)},
		"conf/talks/c.json": {Data: []byte(`{"id": "c", "title": "Café", "slug": "caf\u00e9"}`)},
		"conf/talks/d.json": {Data: []byte(`{"id": "d", "title": "Café", "slug": "cafe\u0301"}`)},
		"conf/talks/e.json": {Data: []byte(`{"id": "e", "title": "Intro", "slug": "intro"}`)},
	}
	var got []string
	for _, p := range new(Validator).CheckArchive(fsys, nil).Problems {
		if p.Rule == "unique-slug" {
			got = append(got, p.Error())
		}
	}
	want := []string{
		`conf/talks/b.json:1:39: unique-slug: the URL slug "intro" differs from "Intro", the slug of conf/talks/a.json, only in case or Unicode form, which macOS and Windows take for one file name; give one of them another slug member (warning)`,
		"conf/talks/d.json:1:39: unique-slug: the URL slug \"cafe\u0301\" differs from \"caf\u00e9\", the slug of conf/talks/c.json, only in case or Unicode form, which macOS and Windows take for one file name; give one of them another slug member (warning)",
		`conf/talks/e.json:1:39: unique-slug: the URL slug "intro" is also the slug of conf/talks/b.json; give one of them a slug member`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unique-slug problems (-want +got):\n%s", diff)
	}
}
