package schedule_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// oneDay is a JSON schedule of conference c, with the conference members
// conf (each followed by a comma), one day of the members day (each
// followed by a comma) and the items in its room R.
func oneDay(conf, day string, items ...string) string {
	return `{"schedule": {"conference": {"acronym": "c", "title": "C", ` + conf + `
 "days": [{"index": 1, ` + day + ` "rooms": {"R": [
  ` + strings.Join(items, ",\n  ") + `]}}]}}}`
}

// oneDayXML is oneDay in the XML form: conf holds the conference's
// elements, day the day's attributes, and events the room's <event>s.
func oneDayXML(conf, day string, events ...string) string {
	return `<schedule><conference><acronym>c</acronym><title>C</title>` + conf + `</conference>
<day index="1" ` + day + `><room name="R">
` + strings.Join(events, "\n") + `</room></day></schedule>`
}

// utf16LE is s in UTF-16LE after its byte order mark.
func utf16LE(s string) string {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// compact renders a parse result as edges.golden shows it: the event and
// each talk (without its copy of the event) as one line of JSON, and the
// errors.
func compact(t *testing.T, s *schedule.Schedule, err error) string {
	t.Helper()
	var b strings.Builder
	ev, e := json.Marshal(s.Event)
	if e != nil {
		t.Fatal(e)
	}
	b.WriteString("event: " + string(ev) + "\n")
	for _, tk := range s.Talks {
		c := *tk
		c.Event = talk.Event{}
		out, e := json.Marshal(c)
		if e != nil {
			t.Fatal(e)
		}
		b.WriteString("talk: " + string(out) + "\n")
	}
	for _, e := range errorList(t, err) {
		b.WriteString("error: " + e.Error() + "\n")
	}
	return b.String()
}

// TestEdges reads small schedules that each hold one rule of the mapping
// at its edge; edges.golden holds what each reads as, whole.
func TestEdges(t *testing.T) {
	const g1, g2, g3 = "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "5e1ee4d6-1b7f-4b61-9c3b-000000000002", "5e1ee4d6-1b7f-4b61-9c3b-000000000003"
	cases := []struct{ name, file, data string }{
		{"a byte order mark before JSON is skipped", "bom.json",
			"\ufeff" + oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A"}`)},
		{"day_change is a time of day, so 24:00 is not one", "daychange.json",
			oneDay(`"day_change": "24:00",`, `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "start": "02:00"}`)},
		{"a member that differs from a model field only in case is kept under the prefix", "case.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "Title": "B", "Slides": "s"}`)},
		{"a day's own day_start, not day_change, says when its programme starts", "daystart.json",
			oneDay(`"day_change": "04:00", "time_zone_name": "Europe/Berlin",`,
				`"date": "2024-03-01", "day_start": "2024-03-01T01:00:00+01:00", "day_end": "2024-03-02T03:59:00+01:00",`,
				`{"guid": "`+g1+`", "title": "A", "start": "02:00"}`)},
		{"an item with its own date is not read as past midnight", "owndate.json",
			oneDay("", `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "title": "A", "start": "23:00"}`,
				`{"guid": "`+g2+`", "title": "B", "date": "2024-03-01T10:00:00+01:00", "start": "10:00"}`)},
		{"two items at one time in a room are not past midnight", "sametime.json",
			oneDay("", `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "title": "A", "start": "10:00"}`,
				`{"guid": "`+g2+`", "title": "B", "start": "10:00"}`)},
		{"a track named again is one tag", "tracktwice.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "tracks": ["Hardware", "Security", "Security", "Hardware"]}`)},
		{"tracks joined by commas are split into the longest names first", "longest.json",
			oneDay(`"tracks": [{"name": "Art"}, {"name": "Beauty"}, {"name": "Code"}, {"name": "Art, Beauty"}],`, `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "title": "A", "track": "Art, Beauty, Code"}`)},
		{"a guid of the wrong kind is reported, and no ID is derived in its place", "guidkind.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": 5, "id": 7, "title": "A"}`)},
		{"a description alone has the generator's markup", "markup.json",
			`{"generator": {"name": " Pretalx "}, ` + strings.TrimPrefix(oneDay("", `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "title": "A", "description": "*new*"}`), "{")},
		{"a download URL of a video site keeps its provider", "download.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "video_download_url": "https://www.youtube.com/watch?v=abcdefghijk"}`)},
		{"an id of an item with a guid, again in one without, is reported", "idguid.json",
			oneDay("", `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "id": 7, "code": "AAA", "title": "A"}`,
				`{"id": 7, "code": "BBB", "title": "B"}`)},
		{"start is a time of day, so 24:00 is not one", "start24.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "start": "24:00"}`)},
		{"a start on a day without a date is kept", "undated.json",
			oneDay("", "", `{"guid": "`+g1+`", "title": "A", "start": "10:00"}`)},
		{"an end that the date and duration imply is not kept", "end.json",
			oneDay("", `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "title": "A", "date": "2024-03-01T10:00:00+01:00", "duration": "00:45", "end": "2024-03-01T10:45:00+01:00"}`,
				`{"guid": "`+g2+`", "title": "B", "date": "2024-03-01T10:00:00+01:00", "duration": "00:45", "end": "2024-03-01T11:00:00+01:00"}`)},
		{"an end a nanosecond before the start is reported", "endbefore.json",
			oneDay("", `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "title": "A", "date": "2024-03-01T10:00:00.000000001+01:00", "end": "2024-03-01T10:00:00+01:00"}`)},
		{"a language tag that starts with a separator is reported, not read as no language", "language.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "language": "-de"}`)},
		{"minutes go to 59", "minutes.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "duration": "00:60"}`)},
		{"an XML track of the wrong kind is reported without an index for a name", "track.xml",
			oneDayXML("", `date="2024-03-01"`, `<event guid="`+g1+`"><title>A</title><track><x/></track><track>B</track></event>`)},
		{"an XML optout of 1 is true, as XML Schema writes booleans", "optout.xml",
			oneDayXML("", `date="2024-03-01"`, `<event guid="`+g1+`"><title>A</title><recording><optout>1</optout></recording></event>`,
				`<event guid="`+g2+`"><title>B</title><recording><optout>0</optout></recording></event>`)},
		{"an XML room with a guid but no name is one of the conference's rooms", "roomguid.xml",
			`<schedule><conference><acronym>c</acronym><title>C</title></conference>
<day index="1" date="2024-03-01"><room guid="11111111-2222-4333-8444-555555555555">
<event guid="` + g1 + `"><title>A</title><room>R</room></event></room></day></schedule>`},
		{"stray XML text is quoted whole up to 40 characters, and cut after", "excerpt.xml",
			oneDayXML("", `date="2024-03-01"`,
				`<event guid="`+g1+`"><title>A</title><persons><person>Ada</person>`+strings.Repeat("é", 40)+`</persons></event>`,
				`<event guid="`+g2+`"><title>B</title><persons><person>Ada</person>`+strings.Repeat("é", 41)+`</persons></event>`)},
		{"a tab before stray XML text is one column", "tab.xml",
			oneDayXML("", `date="2024-03-01"`, "<event guid=\""+g3+"\"><title>A</title><persons>\n\t\t<person>Ada</person>\n\t\tstray\n</persons></event>")},
		{"long XML text loses only the indentation its lines share, tabs and spaces alike", "indent.xml",
			oneDayXML("", `date="2024-03-01"`, "<event guid=\""+g1+"\"><title>A</title><description>\n\t\tOne\n    Two\n\t\t  Three\n\t</description>"+
				"<persons><person><name>Ada</name><biography>\n      Born 1815.\n        Wrote notes.\n    </biography></person></persons></event>")},
		{"an XML day's empty index is not an integer", "index.xml",
			`<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="" date="2024-03-01"><room name="R"><event guid="` + g1 + `"><title>A</title></event></room></day></schedule>`},
		{"the text of an XML element with attributes loses the white space around it", "generator.xml",
			"<schedule><generator name=\"frab\">\n  build 7\n</generator><conference><acronym>c</acronym><title>C</title></conference></schedule>"},
		{"XML after a blank line of CR LF is XML", "crlf.xml",
			"\r\n<schedule><conference><acronym>c</acronym><title>C</title></conference></schedule>"},
		{"the default namespace of XML is no member", "xmlns.xml",
			`<schedule xmlns="http://example.org/schedule" version="1"><conference><acronym>c</acronym><title>C</title></conference></schedule>`},
		{"a type is a kind without the white space around it", "type.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "type": " Lightning Talk "}`)},
		{"a link given as a URL keeps its place among the links to that URL", "links.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "links": ["https://e.org/a", {"url": "https://e.org/a", "service": "x"}]}`)},
		{"a UTF-16 document that declares UTF-8, in any case and quotes, is reported and read as UTF-16", "utf16.xml",
			utf16LE(`<?xml version='1.0' encoding='UTF-8'?>` + "\n<schedule><conference><acronym>c</acronym><title>C</title></conference></schedule>")},
		{"a recording_url that is a page is no file; a video_download_url is one whatever its URL", "recordings.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "recording_url": "https://media.ccc.de/v/c-1-a", "video_download_url": "https://cdn.e.org/get?id=1"}`)},
		{"a track the conference names is one track, though white space around it hides its parts' names", "trackspace.json",
			oneDay(`"tracks": [{"name": "A"}, {"name": "B"}, {"name": "A, B "}],`, `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "title": "A", "track": "A, B "}`)},
		{"a duration of 0, a number, is one without a unit too", "duration0.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "duration": 0}`)},
		{"a date without an offset, in a schedule without a time zone, is not held to a day's bounds with one", "naive.json",
			oneDay("", `"date": "2024-03-01", "day_start": "2024-03-01T09:00:00+01:00", "day_end": "2024-03-01T18:00:00+01:00",`,
				`{"guid": "`+g1+`", "title": "A", "date": "2024-03-01T18:30:00"}`)},
		{"an end at the start is not before it, and gives no duration", "endatstart.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "date": "2024-03-01T10:00:00+01:00", "end": "2024-03-01T10:00:00+01:00"}`)},
		{"a person's public_name names a person whose name is of the wrong kind", "publicname.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "persons": [{"name": 5, "public_name": "Ada"}]}`)},
		{"a link's type is the format's lower-case slides, or else kept as the link's", "slidescase.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "links": [{"url": "https://e.org/s.pdf", "type": "Slides"}, {"url": "https://e.org/t.pdf", "type": "slides"}]}`)},
		{"an absolute URL is kept as written beside a base_url, dot segments and all", "absolute.json",
			`{"schedule": {"base_url": "https://e.org/c/", ` + strings.TrimPrefix(oneDay("", `"date": "2024-03-01",`,
				`{"guid": "`+g1+`", "title": "A", "url": "https://e.org/a/../b", "logo": "logo.png"}`), `{"schedule": {`)},
		{"an absolute URL without a host is no relative one", "mailto.json",
			oneDay("", `"date": "2024-03-01",`, `{"guid": "`+g1+`", "title": "A", "links": ["mailto:ada@e.org", "talk/1"]}`)},
		{"a value at the start of a line is at its column 1", "linestart.json",
			"{\"schedule\":\n5}"},
		{"the root is where its first character is, after the white space before it", "rootspace.json",
			"\n  [1]"},
	}
	var b strings.Builder
	for _, c := range cases {
		s, err := schedule.Parse([]byte(c.data), c.file)
		fmt.Fprintf(&b, "== %s (%s)\n%s\n", c.name, c.file, compact(t, s, err))
	}
	checkGolden(t, "edges.golden", b.String())
}

// TestReaderLimitEdge: a schedule of exactly MaxBytes is read, one byte
// more is not.
func TestReaderLimitEdge(t *testing.T) {
	data := []byte(oneDay("", `"date": "2024-03-01",`, `{"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "title": "A"}`))
	var got []string
	for _, limit := range []int64{int64(len(data)), int64(len(data)) - 1} {
		s, err := schedule.Reader{MaxBytes: limit}.ParseJSON(data, "l.json")
		got = append(got, fmt.Sprintf("%d talks, %v", len(s.Talks), err))
	}
	want := []string{"1 talks, <nil>", fmt.Sprintf("0 talks, l.json: schedule size %d exceeds the limit of %d", len(data), len(data)-1)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestWriteXMLEdges writes schedules that each hold one rule of WriteXML
// at its edge; writeedges.golden holds the documents whole.
func TestWriteXMLEdges(t *testing.T) {
	at := talk.MustParseDate("2024-03-01T10:00:00+01:00")
	extra := func(kv ...string) map[string]json.RawMessage {
		m := map[string]json.RawMessage{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = json.RawMessage(kv[i+1])
		}
		return m
	}
	cases := []struct {
		name string
		s    *schedule.Schedule
	}{
		{"a url that is the base_url is written once, as base_url", &schedule.Schedule{
			Event: talk.Event{ID: "c", URL: "https://e.org/", Extra: extra("base_url", `"https://e.org/"`)}}},
		{"a room listed twice has its first guid", &schedule.Schedule{
			Event: talk.Event{ID: "c", Extra: extra("rooms", `[{"name": "R", "guid": "11111111-2222-4333-8444-555555555555"}, {"name": "R", "guid": "99999999-2222-4333-8444-555555555555"}]`)},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Place: talk.Place{Room: "R"}}}}},
		{"a day's start and end members are not written as attributes beside day_start's and day_end's", &schedule.Schedule{
			Event: talk.Event{ID: "c", Extra: extra("days", `[{"index": 1, "date": "2024-03-01", "day_start": "2024-03-01T09:00:00+01:00", "day_end": "2024-03-01T18:00:00+01:00", "start": "x", "end": "y", "label": "Fri"}]`)},
			Talks: []*talk.Talk{{ID: "a", Recorded: at}}}},
		{"the first download of several is written", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Videos: []talk.Video{
				{Provider: talk.File, URL: "https://e.org/a.mp4"}, {Provider: talk.File, URL: "https://e.org/a.webm"}}}}}},
		{"a track is not listed again for a tag of its name", &schedule.Schedule{
			Event: talk.Event{ID: "c", Extra: extra("tracks", `[{"name": "A"}, {"name": "B"}]`)},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Track: "A", Tags: []string{"A", "B", "B"}}}}},
		{"the talk's page is its first link labelled Schedule, wherever it is", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Links: []talk.Link{
				{URL: "https://e.org/other", Label: "Other"}, {URL: "https://e.org/page", Label: schedule.ScheduleLabel}}}}}},
		{"the schedule's own url is written", &schedule.Schedule{
			Event: talk.Event{ID: "c", URL: "https://e.org/", Extra: extra("schedule_url", `"https://e.org/schedule.xml"`)}}},
		{"a link's kept href and type give way to its own", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Links: []talk.Link{{URL: "https://e.org/a"}},
				Extra: extra("link_attributes", `{"https://e.org/a": {"href": "https://e.org/b", "type": "video", "service": "x"}}`)}}}},
		{"a track that is not the conference's is written alone", &schedule.Schedule{
			Event: talk.Event{ID: "c", Extra: extra("tracks", `[{"name": "A"}]`)},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Track: "Other", Tags: []string{"A"}}}}},
		{"a speaker without a name is written by the name pages show: the name's parts, or a handle", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Speakers: []talk.Speaker{
				{GivenName: "Grace", FamilyName: "Hopper"}, {Accounts: []talk.Account{{Service: "github", Handle: "ghopper"}}}, {Name: " "}}}}}},
		{"a tab in an attribute is a character reference, which XML does not read as a space", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Place: talk.Place{Room: "Hall\t1"}}}}},
		{"a line break in an attribute is a character reference, which XML does not read as a space", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Place: talk.Place{Room: "Hall\n1"}}}}},
		{"a talk's time without a UTC offset is written as its start too", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: talk.MustParseDate("2024-03-01T10:00:00")}}}},
		{"a tag that is not one of the conference's tracks is not written in the track", &schedule.Schedule{
			Event: talk.Event{ID: "c", Extra: extra("tracks", `[{"name": "A"}, {"name": "B"}]`)},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Track: "A", Tags: []string{"x", "B"}}}}},
		{"a member whose name starts with xml, in any case, is no attribute", &schedule.Schedule{
			Event: talk.Event{ID: "c", Extra: extra("days", `[{"index": 1, "date": "2024-03-01", "XMLnote": "x", "Xml": "y", "note": "z"}]`)},
			Talks: []*talk.Talk{{ID: "a", Recorded: at}}}},
		{"only a talk not recorded is opted out, not one scheduled or not published", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Recording: talk.Scheduled}, {ID: "b", Recorded: at, Recording: talk.NotPublished}, {ID: "c", Recorded: at, Recording: talk.NotRecorded}}}},
		{"a blank name gives way to the name's parts", &schedule.Schedule{
			Event: talk.Event{ID: "c"},
			Talks: []*talk.Talk{{ID: "a", Recorded: at, Speakers: []talk.Speaker{{Name: " ", GivenName: "Grace", FamilyName: "Hopper"}}}}}},
		{"a day's start and end without a UTC offset are wall-clock times in the conference's time zone, as its talks' are", &schedule.Schedule{
			Event: talk.Event{ID: "c", TimeZone: "America/New_York", Extra: extra("days", `[
				{"index": 1, "date": "2024-03-01", "day_start": "2024-03-01T10:00:00", "day_end": "2024-03-02T04:00:00"},
				{"index": 2, "date": "2024-03-02", "day_start": "2024-03-02T10:00:00", "day_end": "2024-03-03T04:00:00"}]`)},
			Talks: []*talk.Talk{
				{ID: "past-midnight", Recorded: talk.MustParseDate("2024-03-02T01:00:00-05:00")},
				{ID: "morning", Recorded: talk.MustParseDate("2024-03-02T11:00:00-05:00")}}}},
		{"a day's start without a UTC offset is a wall-clock time too: east of UTC, a talk on the eve of a day that starts the evening before is on that day", &schedule.Schedule{
			Event: talk.Event{ID: "c", TimeZone: "Asia/Tokyo", Extra: extra("days", `[
				{"index": 1, "date": "2024-03-01", "day_start": "2024-03-01T10:00:00", "day_end": "2024-03-01T20:00:00"},
				{"index": 2, "date": "2024-03-02", "day_start": "2024-03-01T23:00:00", "day_end": "2024-03-02T20:00:00"}]`)},
			Talks: []*talk.Talk{{ID: "eve", Recorded: talk.MustParseDate("2024-03-01T23:30:00+09:00")}}}},
	}
	var b strings.Builder
	for _, c := range cases {
		var out bytes.Buffer
		if err := schedule.WriteXML(&out, c.s); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		fmt.Fprintf(&b, "== %s\n%s\n", c.name, out.String())
	}
	checkGolden(t, "writeedges.golden", b.String())
}

// TestWriteXMLRefusesAnyNegativeDuration: a duration a nanosecond below
// zero is refused as any negative one is.
func TestWriteXMLRefusesAnyNegativeDuration(t *testing.T) {
	err := schedule.WriteXML(&bytes.Buffer{}, &schedule.Schedule{Talks: []*talk.Talk{{ID: "a", Duration: -talk.Duration(time.Nanosecond)}}})
	const want = `schedule: talks[0] "a": duration: "-PT0.000000001S" is negative; a talk's duration is zero (unknown) or more`
	if fmt.Sprint(err) != want {
		t.Errorf("error = %v\nwant    %s", err, want)
	}
}
