package pyvideo

import (
	"testing"

	"github.com/talkmeta/talkmeta/talk"
)

// TestCheckTalkAllocs: MarshalTalk's checks allocate nothing for a talk
// they accept, however many videos it has; the place of a video in an
// error is formatted only for the error.
func TestCheckTalkAllocs(t *testing.T) {
	good := &talk.Talk{
		Title: "A talk", Recorded: talk.MustParseDate("2016-07-21"), Duration: talk.Duration(60e9),
		Videos:   []talk.Video{{URL: "https://example.org/1", Duration: 5e9}, {URL: "https://example.org/2"}},
		Speakers: []talk.Speaker{{Name: "Zoë"}}, Tags: []string{"x"}, Links: []talk.Link{{URL: "https://example.org/l"}},
		Slides: []talk.Link{{URL: "https://example.org/s"}},
	}
	if err := checkTalk(good); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _ = checkTalk(good) }); n != 0 {
		t.Errorf("checkTalk of a good talk: %v allocations, want 0", n)
	}
}
