package pyvideo_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func archiveTalks() []*talk.Talk {
	camp := talk.Event{ID: "Camp2019", Title: "Chaos Communication Camp 2019", Start: talk.MustParseDate("2019-08-21"),
		End: talk.MustParseDate("2019-08-25"), URL: "https://fahrplan.events.ccc.de/camp/2019/Fahrplan/"}
	return []*talk.Talk{
		{ID: "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4", Title: "Opening Ceremony", Event: camp,
			Speakers: []talk.Speaker{{Name: "jinxx"}, {Name: "smtw"}}, Language: "en",
			Recorded: talk.MustParseDate("2019-08-21T11:00:00+02:00"), Duration: talk.Duration(30 * time.Minute),
			Summary: "A hearty welcome", Links: []talk.Link{{URL: "https://fahrplan.events.ccc.de/camp/2019/Fahrplan/events/10386.html", Label: "Schedule"}},
			Slides: []talk.Link{{URL: "https://example.org/slides.pdf"}}},
		{ID: "b", Title: "Opening ceremony!", Event: camp},
		{ID: "c", Title: "???", Event: camp},
		{ID: "d", Title: "Other event", Event: talk.Event{ID: "", Title: "Ünïcode Meetup"}},
	}
}

func TestArchiveFiles(t *testing.T) {
	files, err := pyvideo.ArchiveFiles(archiveTalks())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range files {
		b.WriteString("== " + f.Path + "\n" + string(f.Data))
	}
	path := filepath.Join("testdata", "archive.golden")
	if golden.Update() {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWriteArchive writes an archive and reads it back with Talks.
func TestWriteArchive(t *testing.T) {
	dir := t.TempDir()
	if err := pyvideo.WriteArchive(dir, archiveTalks()); err != nil {
		t.Fatal(err)
	}
	var got []string
	for tk, err := range pyvideo.Talks(os.DirFS(dir)) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tk.Event.ID+"/"+tk.ID+": "+tk.Title+" ("+tk.Event.Title+")")
	}
	want := []string{
		// Talks goes in file name order, and '-' comes before '.'.
		"camp2019/opening-ceremony-2: Opening ceremony! (Chaos Communication Camp 2019)",
		"camp2019/opening-ceremony: Opening Ceremony (Chaos Communication Camp 2019)",
		"camp2019/talk: ??? (Chaos Communication Camp 2019)",
		"unicode-meetup/other-event: Other event (Ünïcode Meetup)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Writing what was read keeps the names.
	var read []*talk.Talk
	for tk := range pyvideo.Talks(os.DirFS(dir)) {
		read = append(read, tk)
	}
	files, err := pyvideo.ArchiveFiles(read)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil || string(data) != string(f.Data) {
			t.Errorf("%s: rewritten differently (%v)", f.Path, err)
		}
	}
}

// Lay out talks from any source as a pyvideo archive.
func ExampleArchiveFiles() {
	talks := []*talk.Talk{
		{Title: "Opening Ceremony", Event: talk.Event{ID: "Camp2019", Title: "Chaos Communication Camp 2019"}},
		{Title: "Opening ceremony!", Event: talk.Event{ID: "Camp2019"}},
	}
	files, err := pyvideo.ArchiveFiles(talks)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range files {
		fmt.Println(f.Path)
	}
	// Output:
	// camp2019/category.json
	// camp2019/videos/opening-ceremony.json
	// camp2019/videos/opening-ceremony-2.json
}

// TestArchiveFilesSkipping leaves out the talks MarshalTalk refuses,
// naming them by index (and MarshalTalk by ID), and lays the others out as ArchiveFiles lays
// them out on their own: their names and slugs are not the refused
// talks' to take.
func TestArchiveFilesSkipping(t *testing.T) {
	talks := archiveTalks()
	bad := *talks[0]
	bad.Duration = -1
	bad2 := *talks[1]
	bad2.Extra = map[string]json.RawMessage{"title": json.RawMessage(`"T"`)}
	all := []*talk.Talk{&bad, talks[0], &bad2, talks[1], talks[2], talks[3]}
	var skipped []string
	got, err := pyvideo.ArchiveFilesSkipping(all, func(i int, err error) {
		skipped = append(skipped, fmt.Sprintf("%d: %v", i, err))
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := pyvideo.ArchiveFiles(talks)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	wantSkipped := []string{
		`0: id "` + bad.ID + `": /duration: pyvideo: "-PT0.000000001S" is negative; a talk's duration is zero (unknown) or more`,
		`2: id "b": /title: pyvideo: Extra member "title" has the name of a member written from the model; set the field, or give the member another name`,
	}
	if diff := cmp.Diff(wantSkipped, skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}

// archiveURLs lays the talks of the event ev out with ArchiveFiles and
// returns each talk file's path and the pyvideo.org URL it reads back
// with.
func archiveURLs(t *testing.T, ev talk.Event, talks []*talk.Talk) []string {
	t.Helper()
	files, err := pyvideo.ArchiveFiles(talks)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files[1:] {
		tk, err := pyvideo.ParseTalk(f.Data, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		tk.Event.Title = ev.Title
		got = append(got, f.Path+" "+pyvideo.TalkURLPath(tk))
	}
	return got
}

// TestArchiveFilesEmptySlugs: titles that slug to "" ("???", "🐍") all
// have pyvideo.org's URL "/<event>/.html", which pyvideo's CI refuses to
// see twice in an event: the second and later get a slug member, as a
// repeated title does, and one that slugs to "talk" comes after them.
func TestArchiveFilesEmptySlugs(t *testing.T) {
	ev := talk.Event{ID: "ev", Title: "Ev"}
	got := archiveURLs(t, ev, []*talk.Talk{{Title: "???", Event: ev}, {Title: "🐍", Event: ev}, {Title: "🎉", Event: ev}, {Title: "Talk", Event: ev}})
	want := []string{
		"ev/videos/talk.json /ev/.html",
		"ev/videos/talk-2.json /ev/talk.html",
		"ev/videos/talk-3.json /ev/talk-2.html",
		"ev/videos/talk-4.json /ev/talk-3.html",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArchiveFilesEventsWithoutID: events without an ID are told apart by
// their titles; all such talks were one event, written with the first
// talk's category.json, and the second event's title was lost.
func TestArchiveFilesEventsWithoutID(t *testing.T) {
	e2020, e2021 := talk.Event{Title: "PyCon 2020"}, talk.Event{Title: "PyCon 2021"}
	files, err := pyvideo.ArchiveFiles([]*talk.Talk{{Title: "A", Event: e2020}, {Title: "B", Event: e2021},
		{Title: "C", Event: e2020}, {Title: "D", Event: talk.Event{ID: "PyCon 2020"}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
		if strings.HasSuffix(f.Path, "category.json") {
			ev, err := pyvideo.ParseEvent(f.Data, f.Path)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, ev.Title)
		}
	}
	want := []string{
		"pycon-2020/category.json", "PyCon 2020", "pycon-2020/videos/a.json", "pycon-2020/videos/c.json",
		"pycon-2021/category.json", "PyCon 2021", "pycon-2021/videos/b.json",
		// An ID is an ID, even one that reads like another event's title.
		"pycon-2020-2/category.json", "", "pycon-2020-2/videos/d.json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArchiveFilesNames: the names ArchiveFiles gives events and talks
// are within the 139 bytes pyvideo's CI allows, ".json" included; never
// hidden, which the readers pass over; and without the '_' and '-' at
// their ends that Pelican's slugs keep.
func TestArchiveFilesNames(t *testing.T) {
	origin := talk.Origin{Format: pyvideo.FormatName}
	long := talk.Event{ID: strings.Repeat("a", 140), Origin: origin}
	dash := talk.Event{ID: "-" + strings.Repeat("x", 149), Origin: origin}
	hidden := talk.Event{ID: ".ev", Origin: origin}
	plain := talk.Event{ID: "ev", Title: "Ev"}
	files, err := pyvideo.ArchiveFiles([]*talk.Talk{
		{ID: "a", Title: "A", Event: long, Origin: origin},
		{ID: strings.Repeat("b", 134), Title: "B", Event: long, Origin: origin},
		{ID: strings.Repeat("c", 135), Title: "C", Event: long, Origin: origin},
		{ID: "d", Title: "D", Event: dash, Origin: origin},
		{ID: ".e", Title: "Hidden talk", Event: hidden, Origin: origin},
		{Title: "__init__", Event: plain},
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	a, x := strings.Repeat("a", 129), "-"+strings.Repeat("x", 128)
	want := []string{
		a + "/category.json", a + "/videos/a.json", a + "/videos/" + strings.Repeat("b", 134) + ".json", a + "/videos/c.json",
		x + "/category.json", x + "/videos/d.json",
		"event/category.json", "event/videos/hidden-talk.json",
		"ev/category.json", "ev/videos/init.json",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArchiveFilesSlugsTrimmed: pyvideo.org trims the white space around
// a slug member, so " intro " has the URL "intro" has, and is written
// with a slug of its own.
func TestArchiveFilesSlugsTrimmed(t *testing.T) {
	ev := talk.Event{ID: "ev", Title: "Ev"}
	got := archiveURLs(t, ev, []*talk.Talk{{Title: "A", Slug: "intro", Event: ev}, {Title: "B", Slug: " intro ", Event: ev}})
	want := []string{"ev/videos/a.json /ev/intro.html", "ev/videos/b.json /ev/intro-2.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
