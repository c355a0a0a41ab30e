package jsonld_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

// TestNil: a nil talk, event or speaker, or a nil talk among an event's
// or a speaker's, is a *talk.NilError naming it, where the graph used to
// dereference it; nothing is written.
func TestNil(t *testing.T) {
	talks := []*talk.Talk{{ID: "a", Title: "A"}, nil}
	var b bytes.Buffer
	var got []string
	add := func(err error) {
		var ne *talk.NilError
		got = append(got, fmt.Sprintf("%v %v", err, errors.As(err, &ne)))
	}
	_, _, err := jsonld.Marshal(nil, jsonld.Options{})
	add(err)
	_, err = jsonld.Write(&b, nil, jsonld.Options{})
	add(err)
	_, err = jsonld.MarshalEvent(nil, nil, jsonld.Options{})
	add(err)
	_, err = jsonld.MarshalEvent(&talk.Event{}, talks, jsonld.Options{})
	add(err)
	add(jsonld.WriteEvent(&b, &talk.Event{}, talks, jsonld.Options{}))
	_, err = jsonld.MarshalSpeaker(nil, nil, jsonld.Options{})
	add(err)
	_, err = jsonld.MarshalSpeaker(&talk.Speaker{}, talks, jsonld.Options{})
	add(err)
	add(jsonld.WriteSpeaker(&b, &talk.Speaker{}, talks, jsonld.Options{}))
	want := []string{
		"jsonld: talk is nil true", "jsonld: talk is nil true",
		"jsonld: event is nil true", "jsonld: talks[1] is nil true", "jsonld: talks[1] is nil true",
		"jsonld: speaker is nil true", "jsonld: talks[1] is nil true", "jsonld: talks[1] is nil true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// TestNotUTF8: a talk, event or speaker whose text is not UTF-8, or such
// a talk among an event's or a speaker's, is its CheckUTF8 error, where
// the graph held U+FFFD in place of the bad bytes; nothing is written.
func TestNotUTF8(t *testing.T) {
	bad := &talk.Talk{Title: "Caf\xe9", Origin: talk.Origin{Path: "cafe.json"}}
	talks := []*talk.Talk{{ID: "a", Title: "A"}, bad}
	const talkErr = `cafe.json: /title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8 true`
	var b bytes.Buffer
	var got []string
	add := func(err error) {
		var te *talk.TextError
		got = append(got, fmt.Sprintf("%v %v", err, errors.As(err, &te)))
	}
	_, _, err := jsonld.Marshal(bad, jsonld.Options{})
	add(err)
	_, err = jsonld.Write(&b, bad, jsonld.Options{})
	add(err)
	_, err = jsonld.MarshalEvent(&talk.Event{Series: "\xff"}, nil, jsonld.Options{})
	add(err)
	add(jsonld.WriteEvent(&b, &talk.Event{}, talks, jsonld.Options{}))
	_, err = jsonld.MarshalSpeaker(&talk.Speaker{Name: "S"}, talks, jsonld.Options{})
	add(err)
	add(jsonld.WriteSpeaker(&b, &talk.Speaker{Name: "\xff"}, nil, jsonld.Options{}))
	want := []string{
		talkErr, talkErr,
		`/series: talk: "\xff" is not UTF-8 text (byte 0xff at offset 0); convert it to UTF-8 true`,
		talkErr, talkErr,
		`/name: talk: "\xff" is not UTF-8 text (byte 0xff at offset 0); convert it to UTF-8 true`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// TestYearPast9999: a date a talk, its event or its parts hold with a
// year past 9999, which only a Go program makes, is refused with
// talk.Talk.CheckDates' error, whether the graph is the talk's, its
// event's or a speaker's, where the graph wrote "12016-08-04T10:30:00Z"
// as schema.org's startDate, which ISO 8601's four-digit years do not
// hold; nothing is written.
func TestYearPast9999(t *testing.T) {
	far := talk.DateTimeOf(time.Date(12016, 8, 4, 10, 30, 0, 0, time.UTC), true)
	later := &talk.Talk{ID: "later", Title: "Later", Recorded: far}
	block := &talk.Talk{ID: "block", Title: "Lightning talks", Parts: []talk.Talk{{Title: "One"}, {Title: "Two", Recorded: far}}}
	talks := []*talk.Talk{{ID: "a", Title: "A"}, later}
	var b bytes.Buffer
	var got []string
	add := func(err error) {
		var de *talk.DateError
		got = append(got, fmt.Sprintf("%v %v", err, errors.As(err, &de)))
	}
	_, _, err := jsonld.Marshal(later, jsonld.Options{})
	add(err)
	_, err = jsonld.Write(&b, block, jsonld.Options{})
	add(err)
	_, err = jsonld.MarshalEvent(&talk.Event{ID: "e", Start: talk.MustParseDate("2016-07-17"), End: far}, nil, jsonld.Options{})
	add(err)
	add(jsonld.WriteEvent(&b, &talk.Event{ID: "e"}, talks, jsonld.Options{}))
	add(jsonld.WriteSpeaker(&b, &talk.Speaker{Name: "S"}, talks, jsonld.Options{}))
	const reason = ` has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold true`
	want := []string{
		`id "later": /recorded: talk: "12016-08-04T10:30:00Z"` + reason,
		`id "block": /parts/1/recorded: talk: "12016-08-04T10:30:00Z"` + reason,
		`id "e": /end: talk: "12016-08-04T10:30:00Z"` + reason,
		`id "later": /recorded: talk: "12016-08-04T10:30:00Z"` + reason,
		`id "later": /recorded: talk: "12016-08-04T10:30:00Z"` + reason,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}
