package jsonld_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

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
