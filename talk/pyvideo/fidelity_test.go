package pyvideo_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/corpustest"
	"github.com/talkmeta/talkmeta/internal/oddvalue"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestFormatKeepsNumberValues: the writer respells a number as Python
// would only where that keeps its value. A number beyond a float64's
// range or with more digits than one holds, in Extra or in a member kept
// as the source spelled it, was rounded without a word (1e-400 became
// 0.0, a nonzero number zero).
func TestFormatKeepsNumberValues(t *testing.T) {
	raw := []byte(`{"title": "t", "duration": 1508.00000000000000001,
"tiny": 1e-400, "digits": 0.1234567890123456789, "huge": 1e400, "wide": 123456789012345678901234567890.5,
"far": 1e-99999999999999999999, "nested": [{"x": 2.00000000000000000001e3, "y": 2.000e3}], "minus": -0e5, "zero": 0e-400}`)
	got, err := pyvideo.Format(raw, "ev/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "digits": 0.1234567890123456789,
  "duration": 1508.00000000000000001,
  "far": 1e-99999999999999999999,
  "huge": 1e400,
  "minus": -0.0,
  "nested": [
    {
      "x": 2.00000000000000000001e3,
      "y": 2000.0
    }
  ],
  "tiny": 1e-400,
  "title": "t",
  "wide": 123456789012345678901234567890.5,
  "zero": 0.0
}
`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	again, err := pyvideo.Format(got, "ev/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(got), string(again)); diff != "" {
		t.Errorf("a second Format changed the output (-first +second):\n%s", diff)
	}
}

// TestMarshalDurationExact: a duration is written to the nanosecond and
// reads back the same, where the writer went through a float64 of
// seconds, which wrote 123456789.123456789 s as 123456789.12345679 (a
// duration 211 ns longer) and the longest Duration as a number its own
// reader refused as out of range.
func TestMarshalDurationExact(t *testing.T) {
	ds := []talk.Duration{1, 999999999, 1000000001, 4350000000, 1508123456789, 123456789123456789, math.MaxInt64}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 1000 {
		ds = append(ds, talk.Duration(rng.Int64()), talk.Duration(rng.Int64N(1e13)))
	}
	for _, d := range ds {
		b, err := pyvideo.MarshalTalk(&talk.Talk{Title: "t", Duration: d, Videos: []talk.Video{{URL: "u", Duration: d}}})
		if err != nil {
			t.Fatalf("%d ns: %v", d, err)
		}
		back, err := pyvideo.ParseTalk(b, "ev/videos/t.json")
		if err != nil {
			t.Fatalf("%d ns: %v", d, err)
		}
		if got := []talk.Duration{back.Duration, back.Videos[0].Duration}; !cmp.Equal(got, []talk.Duration{d, d}) {
			t.Errorf("%d ns read back as %v from\n%s", d, got, b)
		}
	}
	b, err := pyvideo.MarshalTalk(&talk.Talk{Title: "t", Duration: 123456789123456789, Videos: []talk.Video{{URL: "u", Duration: 1508000000001}}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "description": "",
  "duration": 123456789.123456789,
  "recorded": null,
  "speakers": [],
  "title": "t",
  "videos": [
    {
      "length": 1508.000000001,
      "type": "",
      "url": "u"
    }
  ]
}
`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The nanoseconds' trailing zeros are not written, though the
	// number keeps more digits than a float64 holds.
	b, err = pyvideo.MarshalTalk(&talk.Talk{Title: "t", Duration: 9223372036854775800})
	if err != nil {
		t.Fatal(err)
	}
	want = "{\n  \"description\": \"\",\n  \"duration\": 9223372036.8547758,\n  \"recorded\": null,\n  \"speakers\": [],\n  \"title\": \"t\",\n  \"videos\": []\n}\n"
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMarshalChangedListKeepsElements: a list the program changed keeps
// the source's spelling of every element it did not change. Appending a
// video respelled the others ("archive" as "archive.org", "YouTube" as
// "youtube", 1508.0 as 1508, a null size and a zero length left out),
// and appending a related URL turned the bare ones into objects; a null
// speaker or tag became "".
func TestMarshalChangedListKeepsElements(t *testing.T) {
	raw := []byte(`{"title": "T", "speakers": [null, "A"], "tags": [null, "a", "b"],
"videos": [{"type": "archive", "url": "https://archive.org/details/x", "length": 1508.0, "size": null},
 {"type": "YouTube", "url": "https://youtu.be/abc", "length": 0}],
"related_urls": ["https://a.example/", {"url": "https://b.example/"}, "https://c.example/"]}`)
	tk, err := pyvideo.ParseTalk(raw, "e/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	tk.Speakers = append(tk.Speakers, talk.Speaker{Name: "B"})
	tk.Tags = append(tk.Tags[:1], "B") // "a" out, "b" changed
	tk.Videos[1].URL, tk.Videos[1].ID = "https://youtu.be/def", "def"
	tk.Videos = append(tk.Videos, talk.Video{Provider: "vimeo", URL: "https://vimeo.com/1", ID: "1"})
	tk.Links = append(tk.Links[1:], talk.Link{URL: "https://d.example/"}) // the first out
	got, err := pyvideo.MarshalTalk(tk)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "related_urls": [
    {
      "url": "https://b.example/"
    },
    "https://c.example/",
    {
      "label": "",
      "url": "https://d.example/"
    }
  ],
  "speakers": [
    null,
    "A",
    "B"
  ],
  "tags": [
    null,
    "B"
  ],
  "title": "T",
  "videos": [
    {
      "length": 1508.0,
      "size": null,
      "type": "archive",
      "url": "https://archive.org/details/x"
    },
    {
      "type": "youtube",
      "url": "https://youtu.be/def"
    },
    {
      "type": "vimeo",
      "url": "https://vimeo.com/1"
    }
  ]
}
`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	back, err := pyvideo.ParseTalk(got, "e/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	back.Origin = tk.Origin
	if diff := cmp.Diff(tk, back); diff != "" {
		t.Errorf("read back (-written +read):\n%s", diff)
	}
}

// talkmetaJSON is v in talkmeta's JSON form, as a file holds it.
func talkmetaJSON(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestConvertCorpus converts every talk and event of the corpus, and
// odd records made by hand, from pyvideo's form to talkmeta's and back,
// and holds the model to what it was: nothing the pyvideo form holds is
// lost on the way. talkmeta's form reads back to the same model, and
// writes again to the same bytes.
func TestConvertCorpus(t *testing.T) {
	odd := []string{
		`{"title": "A\u00e7\u00e3o \u2014 \u65e5\u672c\u8a9e \ud83d\ude00", "speakers": [null, "Zo\u00eb", ""], "description": "a\u2028b\u0000c\r\n",
"recorded": "0999-12-31T23:59:59.123456789-03:30", "duration": 123456789.123456789, "language": "por", "tags": ["x", null],
"videos": [{"type": "archive", "url": "https://archive.org/details/x", "length": 1508.0, "size": 9223372036854775807, "bitrate": 1e-400},
 {"type": "MP4", "url": "https://e.example/v.mp4", "length": 0.000000001}],
"related_urls": ["https://a.example/", {"label": "Slides", "url": "https://s.example/"}, {"url": "relative/x"}],
"id": 9223372036854775807, "alias": "/video/1/x", "quality_notes": "",
"abstract": {"b": [0.1234567890123456789, -0.0, null, "", 12345678901234567890123], "a": {}, "A": []}, "title_fr": "\u00c9", "summary": null}`,
		`{"recorded": "2016", "language": "zho", "copyright_text": "CC BY", "thumbnail_url": "", "slug": "x-y"}`,
		`{"recorded": "2016-07-21T10:30:00Z", "language": "xx-not-a-code", "videos": [{"type": "youtube", "url": "not a url"}]}`,
	}
	var records []*talk.Talk
	for i, rec := range odd {
		tk, err := pyvideo.ParseTalk([]byte(rec), fmt.Sprintf("odd/videos/%d.json", i))
		if err != nil {
			t.Fatal(err)
		}
		records = append(records, tk)
	}
	for _, tk := range records {
		convertBack(t, tk)
	}
	if os.Getenv("TALKMETA_CORPUS") == "" {
		t.Skip("TALKMETA_CORPUS is not set; set it to the pyvideo corpus (../shared/corpus/pyvideo) to convert it too")
	}
	talks, events := 0, map[string]bool{}
	for tk, err := range pyvideo.Talks(os.DirFS(corpustest.Dir(t))) {
		if err != nil {
			t.Fatal(err)
		}
		talks++
		convertBack(t, tk)
		if ev := tk.Event.Origin.Path; !events[ev] {
			events[ev] = true
			convertEventBack(t, &tk.Event)
		}
	}
	t.Logf("%d talks and %d events to talkmeta's form and back", talks, len(events))
}

// noOrigin leaves out of a comparison the Origin of a record, which
// tells the forms apart.
var noOrigin = cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Origin" }, cmp.Ignore())

// convertBack writes tk, read from pyvideo's form, in talkmeta's, reads
// it, writes it in pyvideo's and reads that, and reports every change of
// the model on the way.
func convertBack(t *testing.T, tk *talk.Talk) {
	t.Helper()
	name := tk.Origin.Path
	data := talkmetaJSON(t, tk)
	mid, err := talk.ParseJSON(data, name)
	if err != nil {
		t.Fatalf("%s: talkmeta's form does not read back: %v", name, err)
	}
	if diff := cmp.Diff(tk, mid, noOrigin, jsonValue); diff != "" {
		t.Errorf("%s: talkmeta's form (-pyvideo +talkmeta):\n%s", name, diff)
	}
	if again := talkmetaJSON(t, mid); !bytes.Equal(again, data) {
		t.Errorf("%s: talkmeta's form changed when written again:\n%s", name, cmp.Diff(string(data), string(again)))
	}
	out, err := pyvideo.MarshalTalk(mid)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	back, err := pyvideo.ParseTalk(out, name)
	if err != nil {
		t.Fatalf("%s: pyvideo's form does not read back: %v\n%s", name, err, out)
	}
	back.Event = tk.Event // category.json's, which a talk file does not hold
	if diff := cmp.Diff(tk, back, noOrigin, jsonValue); diff != "" {
		t.Errorf("%s: back in pyvideo's form (-read +converted):\n%s", name, diff)
	}
}

// convertEventBack is convertBack for an event read from a category.json.
func convertEventBack(t *testing.T, ev *talk.Event) {
	t.Helper()
	name := ev.Origin.Path
	mid, err := talk.ParseEventJSON(talkmetaJSON(t, ev), name)
	if err != nil {
		t.Fatalf("%s: talkmeta's form does not read back: %v", name, err)
	}
	out, err := pyvideo.MarshalEvent(mid)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	back, err := pyvideo.ParseEvent(out, name)
	if err != nil {
		t.Fatalf("%s: pyvideo's form does not read back: %v", name, err)
	}
	if diff := cmp.Diff(ev, back, noOrigin, jsonValue); diff != "" {
		t.Errorf("%s: back in pyvideo's form (-read +converted):\n%s", name, diff)
	}
}

// TestMarshalNotUTF8: a string MarshalTalk or MarshalEvent would write
// that is not UTF-8 is refused at its pointer in pyvideo's form, where
// the writer wrote \ufffd in place of each bad byte, in the record's file
// or, for one read from none, the record named by its ID.
func TestMarshalNotUTF8(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	var got []string
	add := func(err error) {
		var re *talk.RecordError
		var te *talk.TextError
		if !errors.As(err, &re) || !errors.As(err, &te) {
			t.Fatalf("%v: want a *talk.RecordError holding a *talk.TextError", err)
		}
		got = append(got, err.Error())
	}
	for _, tk := range []*talk.Talk{
		{Title: "Caf\xe9", Origin: talk.Origin{Path: "ev/videos/cafe.json"}},
		{Title: "T", Speakers: []talk.Speaker{{Name: "A"}, {Name: "Zo\xeb"}}},
		{Title: "T", Speakers: []talk.Speaker{{GivenName: "Zo\xeb", FamilyName: "Ng"}}}, // written as "Zo\xeb Ng"
		{Title: "T", Videos: []talk.Video{{URL: "https://example.org/v"}, {URL: "https://example.org/v\xff"}}},
		{Title: "T", Links: []talk.Link{{URL: "https://example.org/l"}}, Slides: []talk.Link{{URL: "https://example.org/s", Label: "d\xe9ck"}}},
		{Title: "T", Videos: []talk.Video{{URL: "u", Extra: map[string]json.RawMessage{"q\xff": raw(`1`)}}}},
		{Title: "T", Tags: []string{"\xff"}, Extra: map[string]json.RawMessage{"\xfe": raw(`1`)}},
		{Title: "T", Videos: []talk.Video{{Provider: talk.File, Format: "mp\xf4", URL: "u"}}},
		{Title: "T", Legacy: talk.Legacy{Category: "Caf\xe9"}},
		{ID: "pycon/keynote", Title: "Caf\xe9"}, // read from no file: named by its ID
	} {
		_, err := pyvideo.MarshalTalk(tk)
		add(err)
	}
	_, err := pyvideo.MarshalEvent(&talk.Event{Title: "Con", URL: "https://example.org/\xa0", Origin: talk.Origin{Path: "ev/category.json"}})
	add(err)
	_, err = pyvideo.MarshalEvent(&talk.Event{ID: "ev", Title: "Con\xa0"})
	add(err)
	_, err = pyvideo.ArchiveFiles([]*talk.Talk{{Title: "T", Event: talk.Event{ID: "ev"}, License: "\xa9 me"}})
	add(err)
	want := []string{
		`ev/videos/cafe.json: /title: pyvideo: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8`,
		`/speakers/1: pyvideo: "Zo\xeb" is not UTF-8 text (byte 0xeb at offset 2); convert it to UTF-8`,
		`/speakers/0: pyvideo: "Zo\xeb Ng" is not UTF-8 text (byte 0xeb at offset 2); convert it to UTF-8`,
		`/videos/1/url: pyvideo: "https://example.org/v\xff" is not UTF-8 text (byte 0xff at offset 21); convert it to UTF-8`,
		`/related_urls/1/label: pyvideo: "d\xe9ck" is not UTF-8 text (byte 0xe9 at offset 1); convert it to UTF-8`,
		"/videos/0/q\xff: pyvideo: \"q\\xff\" is not UTF-8 text (byte 0xff at offset 1); convert it to UTF-8",
		`/tags/0: pyvideo: "\xff" is not UTF-8 text (byte 0xff at offset 0); convert it to UTF-8`,
		`/videos/0/type: pyvideo: "mp\xf4" is not UTF-8 text (byte 0xf4 at offset 2); convert it to UTF-8`,
		`/category: pyvideo: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8`,
		`id "pycon/keynote": /title: pyvideo: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8`,
		`ev/category.json: /url: pyvideo: "https://example.org/\xa0" is not UTF-8 text (byte 0xa0 at offset 20); convert it to UTF-8`,
		`id "ev": /title: pyvideo: "Con\xa0" is not UTF-8 text (byte 0xa0 at offset 3); convert it to UTF-8`,
		`pyvideo: talk "t": /copyright_text: "\xa9 me" is not UTF-8 text (byte 0xa9 at offset 0); convert it to UTF-8`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMarshalSpeakerWithoutName: the pyvideo form holds only a speaker's
// name, so a speaker a program made without one is written by the name
// pages show (talk.Speaker.DisplayName), where it was written as "":
// the name's parts, or a handle. A name of spaces is kept as it is.
func TestMarshalSpeakerWithoutName(t *testing.T) {
	b, err := pyvideo.MarshalTalk(&talk.Talk{Title: "T", Speakers: []talk.Speaker{
		{GivenName: "Grace", FamilyName: "Hopper"},
		{GivenName: "太郎", FamilyName: "山田"},
		{Accounts: []talk.Account{{Service: "github", Handle: "ghopper"}}},
		{Name: " ", GivenName: "Ada"},
		{},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Speakers []string }
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := []string{"Grace Hopper", "山田太郎", "@ghopper", " ", ""}
	if diff := cmp.Diff(want, got.Speakers); diff != "" {
		t.Errorf("speakers (-want +got):\n%s", diff)
	}
}

// TestMarshalVideoFormats: a file's format is written as its video's
// type and read back as a format: one without a provider was written as
// type "" and lost, and an audio file's ("m4a", "opus") was read back as
// the name of a host.
func TestMarshalVideoFormats(t *testing.T) {
	videos := []talk.Video{
		{URL: "https://x.example/v.webm", Format: "webm"},
		{URL: "https://x.example/download?id=3", Format: "mp4"},
		{Provider: talk.File, URL: "https://x.example/a.m4a", Format: "m4a", ID: "a.m4a"},
		{Provider: talk.File, URL: "https://x.example/a.opus", Format: "opus", ID: "a.opus"},
		{Provider: talk.YouTube, URL: "https://youtu.be/x", ID: "x"},
		{Provider: "peertube", URL: "https://tube.example/w/1"},
	}
	b, err := pyvideo.MarshalTalk(&talk.Talk{Title: "t", Videos: videos})
	if err != nil {
		t.Fatal(err)
	}
	back, err := pyvideo.ParseTalk(b, "e/videos/t.json")
	if err != nil {
		t.Fatal(err)
	}
	// A file without a provider is a file: its type says so.
	want := append([]talk.Video(nil), videos...)
	want[0].Provider, want[0].ID = talk.File, "v.webm"
	want[1].Provider = talk.File
	if diff := cmp.Diff(want, back.Videos); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
}

// TestMarshalTalkProperty writes random talks of what pyvideo's form
// holds, with odd text, dates of every precision, durations to the
// nanosecond, files of every format, any 64-bit ids and sizes, and Extra
// members, and reads each back: the model must come back as it was, but
// for a video's ID, which the reader takes from its URL.
func TestMarshalTalkProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	langs := []talk.Language{"", "en", "de", "zh", "und", "xx-bad", "English", "fil", "tlh"}
	formats := []string{"webm", "mp4", "m4a", "opus", "ogg"}
	noVideoID := cmp.Transformer("noVideoID", func(v talk.Video) talk.Video { v.ID = ""; return v })
	for n := range 2000 {
		tk := &talk.Talk{Title: oddvalue.Text(r), Description: oddvalue.Text(r), Summary: oddvalue.Text(r), Markup: talk.ReStructuredText,
			Recorded: oddvalue.Date(r), Duration: talk.Duration(r.Int64N(math.MaxInt64)), Language: langs[r.IntN(len(langs))],
			Thumbnail: oddvalue.Text(r), License: oddvalue.Text(r), Slug: oddvalue.Text(r),
			Legacy: talk.Legacy{ID: r.Int64() - r.Int64(), Alias: oddvalue.Text(r), Category: oddvalue.Text(r), QualityNotes: oddvalue.Text(r)}}
		for range r.IntN(3) {
			tk.Speakers = append(tk.Speakers, talk.Speaker{Name: oddvalue.Text(r)})
			tk.Tags = append(tk.Tags, oddvalue.Text(r))
			tk.Links = append(tk.Links, talk.Link{URL: oddvalue.Text(r), Label: oddvalue.Text(r)})
		}
		for range r.IntN(3) {
			v := talk.Video{URL: oddvalue.Text(r), Duration: talk.Duration(r.Int64N(math.MaxInt64)), Size: r.Int64() - r.Int64()}
			switch r.IntN(3) {
			case 0:
				v.Provider, v.Format = talk.File, formats[r.IntN(len(formats))]
			case 1:
				v.Provider = "vimeo"
			}
			if r.IntN(3) == 0 {
				v.Extra = map[string]json.RawMessage{oddvalue.Text(r) + "x": json.RawMessage(`[1.5,{"a":null},0.1234567890123456789]`)}
			}
			tk.Videos = append(tk.Videos, v)
		}
		if r.IntN(2) == 0 {
			tk.Extra = map[string]json.RawMessage{"x" + oddvalue.Text(r): json.RawMessage(`{"b":-0.0,"a":"\u00e9","c":1e-400}`)}
		}
		b, err := pyvideo.MarshalTalk(tk)
		if err != nil {
			t.Fatalf("talk %d: %v", n, err)
		}
		back, err := pyvideo.ParseTalk(b, "")
		if err != nil {
			t.Fatalf("talk %d: %v\n%s", n, err, b)
		}
		back.Origin = talk.Origin{}
		if diff := cmp.Diff(tk, back, jsonExact, noVideoID); diff != "" {
			t.Fatalf("talk %d read back (-written +read):\n%s\n%s", n, diff, b)
		}
	}
}

// jsonExact compares Extra members as the JSON values they hold, numbers
// by their exact value (see normalizeNumbers).
var jsonExact = cmp.Transformer("jsonExact", func(raw json.RawMessage) any {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return string(raw)
	}
	return normalizeNumbers(v)
})
