package pyvideo_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/sitetest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestArchiveFilesFoldedNames lays out talks read from a pyvideo archive
// on Linux whose events' and talks' names differ only in case or in
// Unicode normalization: on macOS or Windows each pair would be one file
// or directory, one talk written over the other, so the second of each
// pair gets a suffix.
func TestArchiveFilesFoldedNames(t *testing.T) {
	origin := talk.Origin{Format: pyvideo.FormatName}
	pycon := talk.Event{ID: "PyCon", Title: "PyCon", Origin: origin}
	lower := talk.Event{ID: "pycon", Title: "pycon", Origin: origin}
	var talks []*talk.Talk
	for _, tk := range []struct {
		id string
		ev talk.Event
	}{
		{"Intro", pycon},
		{"intro", pycon},
		{"INTRO", pycon},
		{"caf\u00e9", pycon},  // NFC, as Linux and Windows keep it
		{"cafe\u0301", pycon}, // NFD, as macOS writes it
		{"stra\u00dfe", pycon},
		{"intro", lower},
	} {
		talks = append(talks, &talk.Talk{ID: tk.id, Title: tk.id, Event: tk.ev, Origin: origin})
	}
	files, err := pyvideo.ArchiveFiles(talks)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	want := []string{
		"PyCon/category.json",
		"PyCon/videos/Intro.json",
		"PyCon/videos/intro-2.json",
		"PyCon/videos/INTRO-3.json", // "INTRO-2" would be "intro-2"
		"PyCon/videos/caf\u00e9.json",
		"PyCon/videos/cafe\u0301-2.json",
		"PyCon/videos/stra\u00dfe.json",
		"pycon-2/category.json",
		"pycon-2/videos/intro.json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTalksNamesNotUTF8 reads an archive on Linux, which allows any
// bytes in a name, whose talk file and event directory have names that
// are not UTF-8: fs.FS cannot open them, and each is reported with that
// reason and its bytes quoted, where os.DirFS says only "invalid
// argument"; the other talks are read.
func TestTalksNamesNotUTF8(t *testing.T) {
	archive := t.TempDir()
	record := `{"title": "T", "speakers": [], "videos": [], "description": "", "recorded": "2020-01-01"}`
	if err := sitetest.Plant(archive, map[string]string{
		"ev/category.json":       `{"title": "Ev"}`,
		"ev/videos/a.json":       record,
		"ev/videos/bad\xff.json": record,
		"ev\xfe/category.json":   `{"title": "Latin-1"}`,
		"ev\xfe/videos/b.json":   record,
	}); err != nil {
		t.Skipf("no such names here: %v", err)
	}
	got := archiveLines(archive)
	want := []string{
		"ev/a @ Ev",
		`error: pyvideo: open ev/videos/bad` + "\xff" + `.json: the name ("bad\xff.json") is not valid UTF-8, which an fs.FS cannot open; rename it`,
		`error: pyvideo: readdir ev` + "\xfe" + `: the name ("ev\xfe") is not valid UTF-8, which an fs.FS cannot open; rename it`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArchiveFilesLongEventID lays out a talk whose event, read from a
// pyvideo archive, has a directory name longer than pyvideo's CI allows
// and not ASCII: it is cut between characters, not in the middle of one,
// which would leave a name that is not UTF-8.
func TestArchiveFilesLongEventID(t *testing.T) {
	origin := talk.Origin{Format: pyvideo.FormatName}
	ev := talk.Event{ID: "x" + strings.Repeat("日", 50), Origin: origin}
	files, err := pyvideo.ArchiveFiles([]*talk.Talk{{ID: "a", Title: "A", Event: ev, Origin: origin}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	dir := "x" + strings.Repeat("日", 42) // 127 bytes; 129 would cut the 43rd
	want := []string{dir + "/category.json", dir + "/videos/a.json"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArchiveFilesNamesNotUTF8 lays out a talk and an event whose IDs,
// kept as file names when they came from a pyvideo archive, are not
// UTF-8: they are named as any other ID that cannot be a name is (the
// talk by its title, the event "event"), so that the archive can be read
// again.
func TestArchiveFilesNamesNotUTF8(t *testing.T) {
	origin := talk.Origin{Format: pyvideo.FormatName}
	ev := talk.Event{ID: "ev\xfe", Title: "Event", Origin: origin}
	files, err := pyvideo.ArchiveFiles([]*talk.Talk{{ID: "bad\xff", Title: "A talk", Event: ev, Origin: origin}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	want := []string{"event/category.json", "event/videos/a-talk.json"} // as for an ID with a '/'
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
