package pyvideo_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestNil: nil records are a *talk.NilError naming them where the
// writers dereferenced them, and a nil fs.FS is one error from the
// readers, where it panicked in a goroutine no caller could recover.
func TestNil(t *testing.T) {
	var got []string
	add := func(err error) {
		var ne *talk.NilError
		got = append(got, fmt.Sprintf("%v %v", err, errors.As(err, &ne)))
	}
	files, err := pyvideo.ArchiveFiles([]*talk.Talk{{Title: "A", Event: talk.Event{ID: "e"}}, nil})
	add(err)
	if files != nil {
		t.Errorf("ArchiveFiles gave files %v with the error", files)
	}
	add(pyvideo.WriteArchive(t.TempDir(), []*talk.Talk{nil}))
	_, err = pyvideo.MarshalTalk(nil)
	add(err)
	_, err = pyvideo.MarshalEvent(nil)
	add(err)
	var b bytes.Buffer
	add(pyvideo.WriteTalk(&b, nil))
	add(pyvideo.WriteEvent(&b, nil))
	want := []string{
		"pyvideo: talks[1] is nil true", "pyvideo: talks[0] is nil true",
		"pyvideo: talk is nil true", "pyvideo: event is nil true",
		"pyvideo: talk is nil true", "pyvideo: event is nil true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
	if got, want := pyvideo.TalkURLPath(nil), pyvideo.TalkURLPath(&talk.Talk{}); got != want {
		t.Errorf("TalkURLPath(nil) = %q, want the empty talk's %q", got, want)
	}

	got = nil
	for tk, err := range pyvideo.Talks(nil) {
		got = append(got, fmt.Sprint(tk, err))
	}
	for tk, err := range pyvideo.EventTalks(nil, "e") {
		got = append(got, fmt.Sprint(tk, err))
	}
	if diff := cmp.Diff([]string{"<nil> pyvideo: nil fs.FS", "<nil> pyvideo: nil fs.FS"}, got); diff != "" {
		t.Errorf("Talks(nil), EventTalks(nil) (-want +got):\n%s", diff)
	}
}

// TestNegativeDuration: a negative number of seconds is refused by the
// reader, as pyvideo's schema and talk.ParseDuration refuse it (-0 is
// zero), and a negative Duration by the writer, which would write a file
// the reader refuses.
func TestNegativeDuration(t *testing.T) {
	var got []string
	for _, n := range []string{"-5", "-0.5", "-1e3", "-0", "-0.0e5", "0"} {
		tk, err := pyvideo.ParseTalk([]byte(`{"title": "x", "duration": `+n+`}`), "e/videos/x.json")
		if err != nil {
			got = append(got, err.Error())
		} else {
			got = append(got, tk.Duration.String())
		}
	}
	_, err := pyvideo.MarshalTalk(&talk.Talk{Title: "x", Duration: talk.Duration(-5e9)})
	got = append(got, fmt.Sprint(err))
	_, err = pyvideo.MarshalTalk(&talk.Talk{Title: "x", Videos: []talk.Video{{URL: "https://e.org/v.mp4", Duration: -1}}})
	got = append(got, fmt.Sprint(err))
	var de *talk.DurationError
	if !errors.As(err, &de) {
		t.Errorf("%v is not a *talk.DurationError", err)
	}
	want := []string{
		"e/videos/x.json:1:28: /duration: -5 seconds is negative; a talk's duration is zero (unknown) or more",
		"e/videos/x.json:1:28: /duration: -0.5 seconds is negative; a talk's duration is zero (unknown) or more",
		"e/videos/x.json:1:28: /duration: -1e3 seconds is negative; a talk's duration is zero (unknown) or more",
		"PT0S", "PT0S", "PT0S",
		`/duration: pyvideo: "-PT5S" is negative; a talk's duration is zero (unknown) or more`,
		// The video's member in the pyvideo form is "length".
		`/videos/0/length: pyvideo: "-PT0.000000001S" is negative; a talk's duration is zero (unknown) or more`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSiblingsShareNoEvent: the talks of one event each get their own
// Event.Extra, where they shared one map, so that setting a member of one
// talk's changed its siblings' (and raced, the talks being read on other
// goroutines); an append to Event.Origin.Raw copies.
func TestSiblingsShareNoEvent(t *testing.T) {
	fsys := fstest.MapFS{
		"conf/category.json":  {Data: []byte(`{"title": "Conf", "sponsor": "ACME"}`)},
		"conf/videos/a.json":  {Data: []byte(`{"title": "A"}`)},
		"conf/videos/b.json":  {Data: []byte(`{"title": "B"}`)},
		"conf/videos/c.json":  {Data: []byte(`{"title": "C"}`)},
		"other/category.json": {Data: []byte(`{"title": "Other"}`)},
		"other/videos/d.json": {Data: []byte(`{"title": "D"}`)},
	}
	var talks []*talk.Talk
	for tk, err := range pyvideo.Talks(fsys) {
		if err != nil {
			t.Fatal(err)
		}
		talks = append(talks, tk)
	}
	var wg sync.WaitGroup
	for i, tk := range talks { // concurrently, for -race to see any sharing
		wg.Go(func() {
			if tk.Event.Extra == nil {
				tk.Event.Extra = map[string]json.RawMessage{}
			}
			tk.Event.Extra["mine"] = json.RawMessage(strconv.Itoa(i))
			tk.Event.Origin.Raw = append(tk.Event.Origin.Raw, byte('0'+i))
		})
	}
	wg.Wait()
	var got []string
	for _, tk := range talks {
		got = append(got, fmt.Sprintf("%s %s %s %s", tk.Title, tk.Event.Extra["sponsor"], tk.Event.Extra["mine"], tk.Event.Origin.Raw[len(tk.Event.Origin.Raw)-1:]))
	}
	want := []string{`A "ACME" 0 0`, `B "ACME" 1 1`, `C "ACME" 2 2`, "D  3 3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestArchiveFilesSkippingNil: a nil skip is ArchiveFiles, as its doc
// says, not a panic: the refused talk is the error, and nothing is laid
// out.
func TestArchiveFilesSkippingNil(t *testing.T) {
	talks := []*talk.Talk{{ID: "a", Title: "A", Event: talk.Event{ID: "e"}}, {ID: "b", Title: "B", Duration: -1, Event: talk.Event{ID: "e"}}}
	files, err := pyvideo.ArchiveFilesSkipping(talks, nil)
	wantFiles, wantErr := pyvideo.ArchiveFiles(talks)
	if fmt.Sprint(err) != fmt.Sprint(wantErr) || wantErr == nil || len(files) != len(wantFiles) {
		t.Errorf("ArchiveFilesSkipping(talks, nil) = %d files, %v; ArchiveFiles gives %d, %v", len(files), err, len(wantFiles), wantErr)
	}
}
