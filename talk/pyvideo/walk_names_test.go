package pyvideo_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
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
