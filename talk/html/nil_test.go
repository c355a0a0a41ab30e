package html_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
)

// TestNil: a nil talk, event or speaker, or a nil talk among an event's or
// a speaker's, is a *talk.NilError naming it, as every other writer in
// talkmeta reports it, where the page used to dereference it and panic;
// nothing is written. It holds for the embedded templates and a set of the
// caller's own.
func TestNil(t *testing.T) {
	own, err := html.DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	talks := []*talk.Talk{{ID: "a", Title: "A"}, nil}
	for _, r := range []*html.Renderer{{}, {Templates: own}, {URLs: html.PyvideoURLs{}}} {
		var b bytes.Buffer
		var got []string
		add := func(err error) {
			var ne *talk.NilError
			got = append(got, fmt.Sprintf("%v %v", err, errors.As(err, &ne)))
		}
		add(r.WriteTalk(&b, nil, html.PageOptions{}))
		add(r.WriteEvent(&b, nil, nil, html.PageOptions{}))
		add(r.WriteEvent(&b, &talk.Event{Title: "E"}, talks, html.PageOptions{}))
		add(r.WriteSpeaker(&b, nil, nil, html.PageOptions{}))
		add(r.WriteSpeaker(&b, &talk.Speaker{Name: "S"}, talks, html.PageOptions{}))
		want := []string{
			"html: talk is nil true",
			"html: event is nil true", "html: talks[1] is nil true",
			"html: speaker is nil true", "html: talks[1] is nil true",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Templates %v: (-want +got):\n%s", r.Templates != nil, diff)
		}
		if b.Len() != 0 {
			t.Errorf("wrote %q", b.String())
		}
	}
}

// TestNilURLs: PyvideoURLs places no page for a nil record, as
// pyvideo.TalkURLPath does, and the options of a nil record's JSON-LD are
// those of a page without an address, where each used to panic.
func TestNilURLs(t *testing.T) {
	var u html.PyvideoURLs
	got := []string{u.Talk(nil), u.Event(nil), u.Speaker(nil)}
	if diff := cmp.Diff([]string{"", "", ""}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	r := html.Renderer{BaseURL: "https://talks.example"}
	for name, opt := range map[string]string{
		"talk":    r.JSONLDOptions(nil, html.PageOptions{}).PageURL,
		"event":   r.EventJSONLDOptions(nil).PageURL,
		"speaker": r.SpeakerJSONLDOptions(nil).PageURL,
	} {
		if opt != "" {
			t.Errorf("%s: PageURL %q, want none", name, opt)
		}
	}
}

// TestBadBaseURL: a BaseURL the pages' paths cannot follow (one without a
// scheme, or with a query, a fragment or a user) is an error from every
// page writer, before anything is written, where each page used to link
// to "https://x.org/?lang=en/e/t.html", the home page, or to a relative
// "talks.example.org/e/t.html". A good one, and none, write the page.
func TestBadBaseURL(t *testing.T) {
	tk := &talk.Talk{ID: "t", Title: "T", Event: talk.Event{Title: "E"}, Speakers: []talk.Speaker{{Name: "Ann"}}}
	var got []string
	for _, base := range []string{"talks.example.org", "https://x.org/?lang=en", "https://x.org/#top", "https://u:p@x.org", "javascript:alert(1)//", "https://x.org/sub/", ""} {
		r := html.Renderer{BaseURL: base}
		var b bytes.Buffer
		errs := []error{
			r.WriteTalk(&b, tk, html.PageOptions{}),
			r.WriteEvent(&b, &tk.Event, []*talk.Talk{tk}, html.PageOptions{}),
			r.WriteSpeaker(&b, &tk.Speakers[0], []*talk.Talk{tk}, html.PageOptions{}),
			r.WriteIndex(&b, []html.IndexEntry{{Event: tk.Event, Talks: 1}}, html.PageOptions{}),
		}
		for _, err := range errs[1:] {
			if fmt.Sprint(err) != fmt.Sprint(errs[0]) {
				t.Errorf("BaseURL %q: the writers differ: %v and %v", base, errs[0], err)
			}
		}
		got = append(got, fmt.Sprintf("%v, wrote %v", errs[0], b.Len() > 0))
	}
	want := []string{
		`html: Renderer.BaseURL "talks.example.org" is not an absolute http or https URL, wrote false`,
		`html: Renderer.BaseURL "https://x.org/?lang=en" cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment, wrote false`,
		`html: Renderer.BaseURL "https://x.org/#top" cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment, wrote false`,
		`html: Renderer.BaseURL "https://u:p@x.org" cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment, wrote false`,
		`html: Renderer.BaseURL "javascript:alert(1)//" is not an absolute http or https URL, wrote false`,
		`<nil>, wrote true`,
		`<nil>, wrote true`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNotUTF8: a talk, event or speaker whose text is not UTF-8, or such
// a talk among an event's or a speaker's, is its CheckUTF8 error, where
// the page held the bad bytes and was malformed HTML; nothing is written.
func TestNotUTF8(t *testing.T) {
	bad := &talk.Talk{Title: "Caf\xe9", Origin: talk.Origin{Path: "cafe.json"}}
	talks := []*talk.Talk{{ID: "a", Title: "A"}, bad}
	const talkErr = `cafe.json: /title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8 true`
	var r html.Renderer
	var b bytes.Buffer
	var got []string
	add := func(err error) {
		var te *talk.TextError
		got = append(got, fmt.Sprintf("%v %v", err, errors.As(err, &te)))
	}
	add(r.WriteTalk(&b, bad, html.PageOptions{}))
	add(r.WriteEvent(&b, &talk.Event{Title: "E", Place: talk.Place{City: "M\xfcnchen"}}, nil, html.PageOptions{}))
	add(r.WriteEvent(&b, &talk.Event{Title: "E"}, talks, html.PageOptions{}))
	add(r.WriteSpeaker(&b, &talk.Speaker{Name: "S", Bio: "na\xefve"}, nil, html.PageOptions{}))
	add(r.WriteSpeaker(&b, &talk.Speaker{Name: "S"}, talks, html.PageOptions{}))
	add(r.WriteIndex(&b, []html.IndexEntry{{Event: talk.Event{Title: "E"}}, {Event: talk.Event{Title: "\xff"}}}, html.PageOptions{}))
	want := []string{
		talkErr,
		`/place/city: talk: "M\xfcnchen" is not UTF-8 text (byte 0xfc at offset 1); convert it to UTF-8 true`,
		talkErr,
		`/bio: talk: "na\xefve" is not UTF-8 text (byte 0xef at offset 2); convert it to UTF-8 true`,
		talkErr,
		`/title: talk: "\xff" is not UTF-8 text (byte 0xff at offset 0); convert it to UTF-8 true`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// TestYearPast9999: a page refuses a date with a year past 9999 in its
// talk, its event or its talks (talk.Talk.CheckDates), as the JSON-LD
// graph it carries does, rather than write a page whose graph is refused;
// so does the index, for an event's; nothing is written.
func TestYearPast9999(t *testing.T) {
	far := talk.DateTimeOf(time.Date(12016, 8, 4, 10, 30, 0, 0, time.UTC), true)
	later := &talk.Talk{ID: "later", Title: "Later", Recorded: far}
	talks := []*talk.Talk{{ID: "a", Title: "A"}, later}
	farEvent := talk.Event{ID: "e", Title: "E", Start: far}
	var r html.Renderer
	var b bytes.Buffer
	var got []string
	add := func(err error) {
		var de *talk.DateError
		got = append(got, fmt.Sprintf("%v %v", err, errors.As(err, &de)))
	}
	add(r.WriteTalk(&b, later, html.PageOptions{}))
	add(r.WriteEvent(&b, &farEvent, nil, html.PageOptions{}))
	add(r.WriteEvent(&b, &talk.Event{Title: "E"}, talks, html.PageOptions{}))
	add(r.WriteSpeaker(&b, &talk.Speaker{Name: "S"}, talks, html.PageOptions{}))
	add(r.WriteIndex(&b, []html.IndexEntry{{Event: talk.Event{Title: "F"}}, {Event: farEvent}}, html.PageOptions{}))
	const reason = ` has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold true`
	const talkErr = `id "later": /recorded: talk: "12016-08-04T10:30:00Z"` + reason
	const eventErr = `id "e": /start: talk: "12016-08-04T10:30:00Z"` + reason
	want := []string{talkErr, eventErr, talkErr, talkErr, eventErr}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}
