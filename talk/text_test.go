package talk_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk"
)

// TestJSONNotUTF8: a string of the model that is not UTF-8 (Latin-1 read
// as it was, a title cut in the middle of a character) is refused by the
// writer at its JSON pointer, where encoding/json wrote U+FFFD in place
// of each bad byte, and the record read back as other text.
func TestJSONNotUTF8(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	var got []string
	for _, v := range []any{
		talk.Talk{Title: "Caf\xe9", Origin: talk.Origin{Path: "talks/cafe.json"}},
		talk.Talk{Title: "T", Speakers: []talk.Speaker{{Name: "A"}, {Name: "B", Accounts: []talk.Account{{Service: "github", Handle: "b\xff"}}}}},
		talk.Talk{Title: "T", Event: talk.Event{ID: "e", Place: talk.Place{City: "M\xfcnchen"}}},
		talk.Talk{Title: "T", Extra: map[string]json.RawMessage{"z\xff": raw(`1`), "b\xfe": raw(`2`), "ok": raw(`3`)}},
		talk.Talk{Title: "T", Parts: []talk.Talk{{Title: "P", Links: []talk.Link{{URL: "https://example.org/", Label: "日本"[:4]}}}}},
		talk.Talk{Title: "T", Tags: []string{"a", "\xc0\xaf"}, Videos: []talk.Video{{URL: "https://example.org/v.mp4", Format: "mp\xf4"}}},
		talk.Event{ID: "e", Title: "Con", Series: "Con\x80", Origin: talk.Origin{Path: "con/event.json"}},
		talk.Talk{Title: "T", Place: talk.Place{Room: "Sal\xf3n"}},
		talk.Talk{Title: "T", Event: talk.Event{ID: "e", URL: "https://example.org/caf\xe9"}},
		talk.Talk{Title: "T", Speakers: []talk.Speaker{{Name: "A", Accounts: []talk.Account{{Service: "web", URL: "https://example.org/\xff"}}}}},
		// The first byte that is not UTF-8, not a U+FFFD before it.
		talk.Talk{Title: "\ufffd caf\xe9"},
	} {
		_, err := json.Marshal(v)
		var re *talk.RecordError
		var te *talk.TextError
		if !errors.As(err, &re) || !errors.As(err, &te) {
			t.Fatalf("%v: want a *talk.RecordError holding a *talk.TextError", err)
		}
		got = append(got, fmt.Sprintf("%s %q %d", re, te.Text, te.Offset))
	}
	want := []string{
		`talks/cafe.json: /title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8 "Caf\xe9" 3`,
		`/speakers/1/accounts/0/handle: talk: "b\xff" is not UTF-8 text (byte 0xff at offset 1); convert it to UTF-8 "b\xff" 1`,
		`/event/place/city: talk: "M\xfcnchen" is not UTF-8 text (byte 0xfc at offset 1); convert it to UTF-8 "M\xfcnchen" 1`,
		"/b\xfe: talk: \"b\\xfe\" is not UTF-8 text (byte 0xfe at offset 1); convert it to UTF-8 \"b\\xfe\" 1",
		`/parts/0/links/0/label: talk: "日\xe6" is not UTF-8 text (byte 0xe6 at offset 3); convert it to UTF-8 "日\xe6" 3`,
		`/tags/1: talk: "\xc0\xaf" is not UTF-8 text (byte 0xc0 at offset 0); convert it to UTF-8 "\xc0\xaf" 0`,
		`con/event.json: /series: talk: "Con\x80" is not UTF-8 text (byte 0x80 at offset 3); convert it to UTF-8 "Con\x80" 3`,
		`/place/room: talk: "Sal\xf3n" is not UTF-8 text (byte 0xf3 at offset 3); convert it to UTF-8 "Sal\xf3n" 3`,
		`/event/url: talk: "https://example.org/caf\xe9" is not UTF-8 text (byte 0xe9 at offset 23); convert it to UTF-8 "https://example.org/caf\xe9" 23`,
		`/speakers/0/accounts/0/url: talk: "https://example.org/\xff" is not UTF-8 text (byte 0xff at offset 20); convert it to UTF-8 "https://example.org/\xff" 20`,
		"/title: talk: \"\ufffd caf\\xe9\" is not UTF-8 text (byte 0xe9 at offset 7); convert it to UTF-8 \"\ufffd caf\\xe9\" 7",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Text that is UTF-8, NUL and U+2028 among it, is written and read
	// back as it was.
	tk := talk.Talk{Title: "a\x00b\u2028c\U0001F600", Tags: []string{"\ufffd"}, Extra: map[string]json.RawMessage{"é": raw(`"\u0000"`)}}
	b, err := json.Marshal(tk)
	if err != nil {
		t.Fatal(err)
	}
	back, err := talk.ParseJSON(b, "t.json")
	if err != nil {
		t.Fatal(err)
	}
	back.Origin = talk.Origin{}
	if diff := cmp.Diff(&tk, back); diff != "" {
		t.Errorf("read back (-written +read):\n%s", diff)
	}
}

// TestJSONNotUTF8Alone: a speaker or a video marshalled on its own (a
// speaker record) refuses what a talk refuses of it, at its pointer
// within it, where it was written with U+FFFD.
func TestJSONNotUTF8Alone(t *testing.T) {
	var got []string
	for _, v := range []any{
		talk.Speaker{Name: "A", Bio: "na\xefve"},
		talk.Video{URL: "https://example.org/v", Language: "d\xe9"},
		talk.Video{URL: "https://example.org/v", Duration: -1},
	} {
		_, err := json.Marshal(v)
		var re *talk.RecordError
		got = append(got, fmt.Sprint(errors.As(err, &re), " ", err))
	}
	want := []string{
		`true json: error calling MarshalJSON for type talk.Speaker: /bio: talk: "na\xefve" is not UTF-8 text (byte 0xef at offset 2); convert it to UTF-8`,
		`true json: error calling MarshalJSON for type talk.Video: /language: talk: "d\xe9" is not UTF-8 text (byte 0xe9 at offset 1); convert it to UTF-8`,
		`true json: error calling MarshalJSON for type talk.Video: /duration: talk: "-PT0.000000001S" is negative; a talk's duration is zero (unknown) or more`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCheckUTF8: CheckUTF8 finds what MarshalJSON refuses as text, at the
// same pointer, for a talk, an event and a speaker, and nothing else: a
// talk that is UTF-8 but could not be written as JSON (a negative
// duration) is one the renderers can show.
func TestCheckUTF8(t *testing.T) {
	raw := json.RawMessage(`1`)
	cases := []interface {
		CheckUTF8() error
	}{
		&talk.Talk{Title: "Caf\xe9", Origin: talk.Origin{Path: "talks/cafe.json"}},
		&talk.Talk{Title: "T", Speakers: []talk.Speaker{{Name: "A"}, {Name: "B", Accounts: []talk.Account{{Service: "github", Handle: "b\xff"}}}}},
		&talk.Talk{Title: "T", Event: talk.Event{ID: "e", Place: talk.Place{City: "M\xfcnchen"}}},
		&talk.Talk{Title: "T", Videos: []talk.Video{{URL: "https://example.org/v", Extra: map[string]json.RawMessage{"z\xff": raw}}}},
		&talk.Talk{Title: "T", Parts: []talk.Talk{{Title: "P", Legacy: talk.Legacy{QualityNotes: "日本"[:4]}}}},
		&talk.Event{ID: "e", Title: "Con", Series: "Con\x80", Origin: talk.Origin{Path: "con/event.json"}},
		&talk.Speaker{Name: "A", Bio: "na\xefve"},
	}
	var got, want []string
	for _, c := range cases {
		got = append(got, fmt.Sprint(c.CheckUTF8()))
		_, err := json.Marshal(c)
		var re *talk.RecordError
		if !errors.As(err, &re) {
			t.Fatalf("MarshalJSON of %#v: %v, want a *talk.RecordError", c, err)
		}
		want = append(want, re.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckUTF8 (-MarshalJSON's error +CheckUTF8's):\n%s", diff)
	}
	var te *talk.TextError
	if err := cases[0].CheckUTF8(); !errors.As(err, &te) || te.Offset != 3 {
		t.Errorf("CheckUTF8 of a Latin-1 title: %v, want a *talk.TextError at offset 3", err)
	}
	for _, ok := range []interface{ CheckUTF8() error }{
		&talk.Talk{Title: "a\x00b\u2028c\U0001F600", Duration: -1, Extra: map[string]json.RawMessage{"title": raw}},
		&talk.Event{Start: talk.Date{}},
		&talk.Speaker{},
	} {
		if err := ok.CheckUTF8(); err != nil {
			t.Errorf("CheckUTF8 of %#v: %v, want nil", ok, err)
		}
	}
}
