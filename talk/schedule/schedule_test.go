package schedule_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/schema"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// shared is where the format's JSON Schema, XSD and real exports are
// (EUPL-1.2); the tests that need them skip when it is absent.
const shared = "../../../shared/formats/schedule"

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readShared(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(shared, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("the shared schedule exports are not at %s", shared)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// show renders a parse result as text: the event once, each talk without
// its copy of the event, and the errors, so that a golden file shows the
// whole mapping.
func show(t testing.TB, s *schedule.Schedule, err error) string {
	t.Helper()
	var b strings.Builder
	ev, e := json.MarshalIndent(s.Event, "", "  ")
	if e != nil {
		t.Fatal(e)
	}
	b.WriteString("event: " + string(ev) + "\n")
	for i, tk := range s.Talks {
		if !sameJSON(t, tk.Event, s.Event) {
			t.Errorf("talk %d has an event other than the schedule's", i)
		}
		c := *tk
		c.Event = talk.Event{}
		out, e := json.MarshalIndent(c, "", "  ")
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

func sameJSON(t testing.TB, a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return bytes.Equal(x, y)
}

// errorList checks that err is an ErrorList of positioned RecordErrors.
func errorList(t testing.TB, err error) talk.ErrorList {
	t.Helper()
	if err == nil {
		return nil
	}
	var l talk.ErrorList
	if !errors.As(err, &l) {
		t.Fatalf("error %T is not an ErrorList: %v", err, err)
	}
	for _, e := range l {
		var le *talk.LimitError
		if e.Line == 0 && !errors.As(e, &le) {
			t.Errorf("error without a line: %v", e)
		}
		if !strings.Contains(e.Err.Error(), "schedule: ") {
			t.Errorf("error does not name the package: %v", e)
		}
	}
	return l
}

// errorTexts returns the messages of err, an ErrorList (see errorList).
func errorTexts(t testing.TB, err error) []string {
	t.Helper()
	var texts []string
	for _, e := range errorList(t, err) {
		texts = append(texts, e.Error())
	}
	return texts
}

// checkErrors compares the messages of err, an ErrorList, with want.
func checkErrors(t testing.TB, err error, want []string) {
	t.Helper()
	if diff := cmp.Diff(want, errorTexts(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got))
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"pair.json", "pair.xml", "bad.json", "bad.xml", "wild.json", "wild.xml", "dst.json", "dst.xml", "latin1.xml", "stray.xml", "rooms.xml", "names.json", "kinds.json", "rooms.json", "pentabarf.xml", "schedule2.json", "frab.xml", "tracks.json", "tracks.xml"} {
		t.Run(name, func(t *testing.T) {
			data := readFile(t, filepath.Join("testdata", name))
			s, err := schedule.Parse(data, name)
			checkGolden(t, name+".golden", show(t, s, err))
		})
	}
}

// TestPairSame reads one schedule written by hand as JSON and as XML: the
// two must give the same talks.
func TestPairSame(t *testing.T) {
	fromJSON, err := schedule.ParseJSON(readFile(t, "testdata/pair.json"), "pair")
	if err != nil {
		t.Fatal(err)
	}
	fromXML, err := schedule.ParseXML(readFile(t, "testdata/pair.xml"), "pair")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(show(t, fromJSON, nil), show(t, fromXML, nil)); diff != "" {
		t.Errorf("JSON and XML differ (-json +xml):\n%s", diff)
	}
}

// TestWriteXML writes the pair as XML (golden) and reads it back: the
// pair holds only what the XML form can, so nothing may change.
func TestWriteXML(t *testing.T) {
	s, err := schedule.ParseJSON(readFile(t, "testdata/pair.json"), "pair")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, s); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "pair.written.xml", b.String())
	back, err := schedule.ParseXML(b.Bytes(), "written")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(show(t, s, nil), show(t, back, nil)); diff != "" {
		t.Errorf("JSON → XML → model changed the schedule (-json +xml):\n%s", diff)
	}
}

// xmlView is what the XML form can carry of a schedule: JSON read,
// written as XML and read again must give exactly this.
func xmlView(t testing.TB, s *schedule.Schedule) string {
	t.Helper()
	keepEvent := []string{"base_url", "version", "daysCount", "timeslot_duration", "logo", "colors", "tracks", "days", "generator", "schedule_url"}
	c := &schedule.Schedule{Event: s.Event}
	c.Event.Description = ""
	c.Event.Extra = keep(s.Event.Extra, keepEvent)
	for _, tk := range s.Talks {
		ct := xmlTalkView(tk)
		ct.Event = c.Event
		c.Talks = append(c.Talks, ct)
	}
	// Rooms: the XML form has each room's name and guid, once per room
	// that holds talks.
	rooms := map[string]string{}
	var list []map[string]string
	if raw, ok := s.Event.Extra["rooms"]; ok {
		if err := json.Unmarshal(raw, &list); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range list {
		rooms[r["name"]] = r["guid"]
	}
	out := show(t, c, nil)
	names := slices.Sorted(mapKeys(rooms))
	for _, n := range names {
		out += "room: " + n + " " + rooms[n] + "\n"
	}
	return out
}

// xmlTalkView is what the XML form can carry of a talk, without its
// event (see xmlView).
func xmlTalkView(tk *talk.Talk) *talk.Talk {
	// As WriteXML's documentation lists them (TestWriteXMLDropsWhatDocsSay).
	keepTalk := []string{"code", "type", "start", "link_attributes", "attachments", "feedback_url", "origin_url", "recording_link"}
	keepSpeaker := []string{"id", "guid"}
	ct := *tk
	ct.Event = talk.Event{}
	ct.Extra = keep(tk.Extra, keepTalk)
	ct.Speakers = nil
	for _, sp := range tk.Speakers {
		ct.Speakers = append(ct.Speakers, talk.Speaker{Name: sp.Name, Extra: keep(sp.Extra, keepSpeaker)})
	}
	return &ct
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func keep(extra map[string]json.RawMessage, names []string) map[string]json.RawMessage {
	var out map[string]json.RawMessage
	for _, n := range names {
		if v, ok := extra[n]; ok {
			if out == nil {
				out = map[string]json.RawMessage{}
			}
			out[n] = v
		}
	}
	return out
}

// TestSharedExports imports the real exports: no errors, every talk valid
// in talkmeta's JSON form, and JSON → XML → model equal to what XML can
// carry.
func TestSharedExports(t *testing.T) {
	for _, tt := range []struct {
		name  string
		talks int
	}{
		{"frab-camp2019.json", 79},
		{"pretalx-democon.json", 36},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := schedule.ParseJSON(readShared(t, tt.name), tt.name)
			if err != nil {
				t.Fatalf("errors: %v", err)
			}
			if len(s.Talks) != tt.talks {
				t.Errorf("%d talks, want %d", len(s.Talks), tt.talks)
			}
			for _, tk := range s.Talks {
				checkTalkmetaJSON(t, tk)
				if tk.ID == "" || tk.Title == "" || tk.Recorded.Precision() != talk.DateTimeOffset || tk.Duration <= 0 {
					t.Errorf("talk %q lacks its id, title, date-time or duration", tk.ID)
				}
			}
			back, err := writeBack(t, s)
			if err != nil {
				t.Fatalf("reading the XML written: %v", err)
			}
			if diff := cmp.Diff(xmlView(t, s), xmlView(t, back)); diff != "" {
				t.Errorf("JSON → XML → model differs (-json +xml):\n%s", diff)
			}
		})
	}
}

// checkTalkmetaJSON checks that the talk is valid talkmeta JSON: the
// talkmeta schema and checks find no error in it, and it reads back with
// talk.ParseJSON to the same talk.
func checkTalkmetaJSON(t *testing.T, tk *talk.Talk) {
	t.Helper()
	data, err := json.Marshal(tk)
	if err != nil {
		t.Fatalf("talk %q: %v", tk.ID, err)
	}
	if err := new(schema.Validator).ValidateTalk(data, tk.ID).Err(); err != nil {
		t.Errorf("talk %q is not valid talkmeta JSON:\n%v", tk.ID, err)
	}
	back, err := talk.ParseJSON(data, tk.ID)
	if err != nil {
		t.Fatalf("talk %q does not read back: %v", tk.ID, err)
	}
	again, _ := json.Marshal(back)
	if !bytes.Equal(data, again) {
		t.Errorf("talk %q changes when read back:\n%s\n%s", tk.ID, data, again)
	}
}

// TestWriteXMLRoundTrip: every schedule of testdata and the real exports,
// read, written as XML and read again, gives the same talks, less what
// WriteXML's documentation lists (see talkViews), whatever problems the
// schedule has. Writing what was read back gives the same XML
// (writeBack). Only the values of the wrong kind of kinds.json are left
// out beyond that, as WriteXML's documentation says.
func TestWriteXMLRoundTrip(t *testing.T) {
	names, _ := filepath.Glob("testdata/*.json")
	xmls, _ := filepath.Glob("testdata/*.xml")
	names = append(names, xmls...)
	exports, _ := filepath.Glob(filepath.Join(shared, "*.json"))
	for _, name := range append(names, exports...) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			s, _ := schedule.Parse(readFile(t, name), name)
			back, _ := writeBack(t, s)
			var drop []string
			if filepath.Base(name) == "kinds.json" {
				drop = []string{"code", "feedback_url", "origin_url", "attachments", "link_attributes"}
			}
			if diff := cmp.Diff(talkViews(t, s, drop), talkViews(t, back, drop)); diff != "" {
				t.Errorf("read → XML → read changed the talks (-first +back):\n%s", diff)
			}
		})
	}
}

// talkViews is what the XML form can carry of the talks of s (see
// xmlTalkView), less the Extra members drop, in the order of their IDs
// and titles, which come first: WriteXML may move a talk that is outside
// its day.
func talkViews(t testing.TB, s *schedule.Schedule, drop []string) []string {
	t.Helper()
	var out []string
	for _, tk := range s.Talks {
		v := xmlTalkView(tk)
		for _, name := range drop {
			delete(v.Extra, name)
		}
		j, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(j))
	}
	slices.Sort(out)
	return out
}

// writeBack writes s as XML and reads it back with ParseXML, returning
// what it reads, and checks that writing that gives the same XML again:
// XML → model → XML is stable.
func writeBack(t *testing.T, s *schedule.Schedule) (*schedule.Schedule, error) {
	t.Helper()
	var first, again bytes.Buffer
	if err := schedule.WriteXML(&first, s); err != nil {
		t.Fatal(err)
	}
	back, err := schedule.ParseXML(first.Bytes(), "written.xml")
	if err := schedule.WriteXML(&again, back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first.String(), again.String()); diff != "" {
		t.Errorf("XML → model → XML differs (-first +second):\n%s", diff)
	}
	return back, err
}

// TestWriteXMLWrongKindsLeftOut: a track or an attachment that is not an
// object, which ParseJSON reports, is left out of the XML, not written as
// an empty element to be read back as an empty object; and an attachment
// without a title reads back without one.
func TestWriteXMLWrongKindsLeftOut(t *testing.T) {
	const in = `{"schedule": {"conference": {"acronym": "c", "title": "C", "tracks": ["Talks", {"name": "Hardware"}],
 "days": [{"index": 1, "date": "2024-03-01", "rooms": {"R": [
  {"guid": "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", "title": "T", "attachments": [{"url": "https://e.org/a.pdf"}, "b"]}]}}]}}}`
	s, err := schedule.ParseJSON([]byte(in), "w.json")
	checkErrors(t, err, []string{
		"w.json:1:71: /schedule/conference/tracks/0: schedule: want an object, got string",
		"w.json:3:114: /schedule/conference/days/0/rooms/R/0/attachments/1: schedule: want an object, got string",
	})
	back, err := writeBack(t, s)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{string(back.Event.Extra["tracks"]), string(back.Talks[0].Extra["attachments"])}
	want := []string{`[{"name":"Hardware"}]`, `[{"url":"https://e.org/a.pdf"}]`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tracks and attachments read back (-want +got):\n%s", diff)
	}
}

// TestWriteXMLMembersAsAttributes: a day's members other than its index,
// date, start and end (an XML <day>'s other attributes, its text and its
// unknown children of text alone) are written as attributes of its <day>,
// and a track's other than its name, color and slug as attributes of its
// <track>, and read back the same.
func TestWriteXMLMembersAsAttributes(t *testing.T) {
	const in = `<schedule><conference><acronym>c</acronym><title>C</title><track name="Talks" id="7"><sub>1</sub>main</track></conference>
<day index="1" date="2024-03-01" label="Friday"><note>Doors at 9</note>Stray text<room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10"><title>T</title></event></room></day></schedule>`
	s, err := schedule.ParseXML([]byte(in), "d.xml")
	checkErrors(t, err, []string{"d.xml:2:72: schedule: <day> holds text \"Stray text\", want only elements"})
	back, err := writeBack(t, s)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`[{"index":1,"date":"2024-03-01","label":"Friday","note":"Doors at 9","text":"Stray text"}]`,
		`[{"name":"Talks","id":"7","sub":"1","text":"main"}]`,
	}
	for i, s := range []*schedule.Schedule{s, back} {
		got := []string{string(s.Event.Extra["days"]), string(s.Event.Extra["tracks"])}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Extra days and tracks, read %d times (-want +got):\n%s", i+1, diff)
		}
	}
}

// TestSharedInvalid reads the export the format's authors keep as an
// example of what the JSON Schema refuses.
func TestSharedInvalid(t *testing.T) {
	s, err := schedule.ParseJSON(readShared(t, "invalid-example.json"), "invalid-example.json")
	var got []string
	for _, e := range errorList(t, err) {
		got = append(got, e.Error())
	}
	want := []string{
		"invalid-example.json:59:16: /schedule/rooms: schedule: the rooms belong in the conference",
		"invalid-example.json:23:25: /schedule/conference/days/0/rooms/Winterchaos/0/id: schedule: want a positive integer, got \"2814\"",
		"invalid-example.json:43:29: /schedule/conference/days/0/rooms/Winterchaos/0/persons/0/id: schedule: want an integer, got string",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if len(s.Talks) != 1 || s.Talks[0].Recording != talk.NotRecorded {
		t.Errorf("want the one talk, marked not to be recorded; got %d talks", len(s.Talks))
	}
}

// TestSyntaxErrors: a document that is not one, or nested too deep, is
// one error placed at its line and column; too deep is a
// *talk.LimitError.
func TestSyntaxErrors(t *testing.T) {
	for _, tt := range []struct {
		name, data, want string
	}{
		{"json.json", "{\n  \"schedule\": {\n    \"version\": 1,,\n", "json.json:3:18: schedule: invalid JSON: invalid character ',', want a member name in quotes"},
		{"dup.json", "{\"schedule\": {}, \"schedule\": {}}", "dup.json:1:18: /schedule: schedule: invalid JSON: duplicate member name \"schedule\""},
		{"deep.json", strings.Repeat("[", 100), "deep.json:1:65: schedule: nesting depth exceeds the limit of 64"},
		{"array.json", "[]", "array.json:1:1: schedule: want an object, got array"},
		{"empty.json", "{}", "empty.json:1:1: schedule: no schedule member"},
		{"xml.xml", "<schedule>\n<conference>\n</schedule>", "xml.xml:3:12: schedule: invalid XML: element <conference> closed by </schedule>"},
		{"amp.xml", "<schedule>\n<track>Art & Beauty</track>", `amp.xml:2:13: schedule: invalid XML: invalid character entity & (no semicolon): a "&" that starts no entity must be written "&amp;"; correct the text there, or read the schedule's JSON export, which has no such escape`},
		{"nbsp.xml", "<schedule>\n<title>A&nbsp;B</title>", `nbsp.xml:2:15: schedule: invalid XML: invalid character entity &nbsp;: XML has only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160;`},
		{"root.xml", "<calendar/>", "root.xml:1:1: schedule: the root element is <calendar>, want <schedule>"},
		{"deep.xml", strings.Repeat("<a>", 100), "deep.xml:1:193: schedule: nesting depth exceeds the limit of 64"},
		{"text.xml", "hello", "text.xml:1:1: schedule: invalid JSON: invalid character 'h' looking for the beginning of a value"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := schedule.Parse([]byte(tt.data), tt.name)
			l := errorList(t, err)
			if len(l) != 1 {
				t.Fatalf("got %d errors, want 1: %v", len(l), err)
			}
			if got := l[0].Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			// Too deep is a limit, as the talk readers say it is; it
			// was a message alone.
			if _, limit := errors.AsType[*talk.LimitError](err); limit != strings.HasPrefix(tt.name, "deep.") {
				t.Errorf("errors.As finds a *talk.LimitError: %v", limit)
			}
		})
	}
}

func TestLimit(t *testing.T) {
	_, err := schedule.Reader{MaxBytes: 10}.ParseJSON([]byte(`{"schedule": {}}`), "big.json")
	var le *talk.LimitError
	if !errors.As(err, &le) || le.Limit != 10 || le.Got != 16 {
		t.Errorf("got %v, want a LimitError of 16 bytes over 10", err)
	}
}

// TestEmpty writes a zero schedule: it must still be well-formed XML that
// reads back to nothing.
func TestEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, &schedule.Schedule{}); err != nil {
		t.Fatal(err)
	}
	want := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n  <version/>\n  <conference>\n    <acronym/>\n    <title/>\n  </conference>\n</schedule>\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	s, err := schedule.ParseXML(b.Bytes(), "empty.xml")
	if len(s.Talks) != 0 || len(errorList(t, err)) != 1 {
		t.Errorf("got %d talks and %v, want none and the missing acronym", len(s.Talks), err)
	}
}

// TestManyMembers reads an event of many attributes and an unknown element
// of many children, more than an object is searched through member by
// member, with children repeated before and after that point: every
// attribute is kept, and repeated children become arrays in the order of
// their first appearance.
func TestManyMembers(t *testing.T) {
	var attrs, children, want strings.Builder
	for i := range 100 {
		fmt.Fprintf(&attrs, ` a%d="%d"`, i, i)
		fmt.Fprintf(&children, "<c%d>%d</c%d>", i, i, i)
		if i == 10 || i == 60 {
			fmt.Fprintf(&children, "<c%d>again</c%d>", i-7, i-7)
		}
	}
	want.WriteString("{")
	for i := range 100 {
		if i > 0 {
			want.WriteString(",")
		}
		if i == 3 || i == 53 {
			fmt.Fprintf(&want, `"c%d":["%d","again"]`, i, i)
		} else {
			fmt.Fprintf(&want, `"c%d":"%d"`, i, i)
		}
	}
	want.WriteString("}")
	x := `<schedule><conference><acronym>con</acronym><title>Con</title></conference><day index="1" date="2024-06-01"><room name="R">` +
		`<event guid="0d6a1c2e-3f4b-4c5d-8e9f-000000000001" id="1"` + attrs.String() + `><date>2024-06-01T10:00:00+02:00</date>` +
		`<title>T</title><x>` + children.String() + `</x></event></room></day></schedule>`
	s, err := schedule.ParseXML([]byte(x), "s.xml")
	if err != nil {
		t.Fatal(err)
	}
	extra := s.Talks[0].Extra
	if diff := cmp.Diff(want.String(), string(extra["x"])); diff != "" {
		t.Errorf("the unknown element (-want +got):\n%s", diff)
	}
	for i := range 100 {
		if got, want := string(extra["a"+strconv.Itoa(i)]), `"`+strconv.Itoa(i)+`"`; got != want {
			t.Errorf("attribute a%d: got %s, want %s", i, got, want)
		}
	}
}

// TestWriteXMLSharedLinkURL writes back links that share a URL, each
// with attributes of its own: each keeps its own.
func TestWriteXMLSharedLinkURL(t *testing.T) {
	const in = `<schedule><version>1</version><conference><acronym>c</acronym><title>C</title></conference>
<day index="1" date="2024-03-01"><room name="R"><event guid="0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f" id="1"><title>T</title>
<links><link href="https://x.example/v" type="video" size="1">Video</link><link href="https://x.example/v">Plain</link><link href="https://x.example/v" type="slides" size="2">Slides</link></links>
</event></room></day></schedule>`
	s, err := schedule.ParseXML([]byte(in), "in.xml")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, s); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	links := out[strings.Index(out, "<links>"):strings.Index(out, "</links>")]
	want := `<links>
          <link href="https://x.example/v" type="video" size="1">Video</link>
          <link href="https://x.example/v">Plain</link>
          <link href="https://x.example/v" type="slides" size="2">Slides</link>
        `
	if diff := cmp.Diff(want, links); diff != "" {
		t.Errorf("links written (-want +got):\n%s", diff)
	}
}

// TestDateErrors: every refused date of a schedule, in either form, is a
// *talk.DateError to errors.As, as talk.ParseJSON's is, with the message
// unchanged.
func TestDateErrors(t *testing.T) {
	js := `{"schedule": {"version": "1", "conference": {"acronym": "c", "title": "C", "start": "2016-13-01",
  "days": [{"index": 1, "date": "2016-02-30", "day_start": "2016-02-29T25:00:00",
    "rooms": {"R": [{"guid": "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", "title": "T", "date": "2016-02-30T10:00:00+01:00", "start": "10:00", "duration": "00:30", "room": "R"}]}}]}}}`
	xml := `<schedule><conference><acronym>c</acronym><title>C</title><start>2016-13-01</start></conference>
<day index="1" date="2016-02-30"><room name="R"><event guid="5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10"><title>T</title><date>2016-02-30T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration></event></room></day></schedule>`
	var got []string
	for _, in := range []struct{ name, data string }{{"s.json", js}, {"s.xml", xml}} {
		_, err := schedule.Parse([]byte(in.data), in.name)
		var list talk.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("%s: %v is not a talk.ErrorList", in.name, err)
		}
		for _, e := range list {
			var de *talk.DateError
			got = append(got, fmt.Sprintf("%v [%v]", e, errors.As(e, &de)))
		}
	}
	want := []string{
		`s.json:1:85: /schedule/conference/start: schedule: "2016-13-01" is not a real date [true]`,
		`s.json:2:33: /schedule/conference/days/0/date: schedule: "2016-02-30" is not a real date [true]`,
		`s.json:2:60: /schedule/conference/days/0/day_start: schedule: "2016-02-29T25:00:00" is not a real time of day [true]`,
		`s.json:3:92: /schedule/conference/days/0/rooms/R/0/date: schedule: "2016-02-30T10:00:00+01:00" is not a real date [true]`,
		`s.xml:1:59: schedule: start: "2016-13-01" is not a real date [true]`,
		`s.xml:2:1: schedule: date: "2016-02-30" is not a real date [true]`,
		`s.xml:2:116: schedule: date: "2016-02-30T10:00:00+01:00" is not a real date [true]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWriteXMLRefuses: a nil schedule or talk, and a date ParseXML would
// refuse (a year outside 0000-9999, as written or as the talk's local
// date), are errors naming the record, and nothing is written.
func TestWriteXMLRefuses(t *testing.T) {
	ok := &talk.Talk{ID: "ok", Title: "Fine", Recorded: talk.MustParseDate("2024-06-01T10:00:00+02:00")}
	y10k := talk.DateTimeOf(time.Date(10000, 1, 1, 10, 0, 0, 0, time.UTC), true)
	tests := []struct {
		name string
		s    *schedule.Schedule
		want string
	}{
		{"nil schedule", nil, "schedule: schedule is nil"},
		{"nil talk", &schedule.Schedule{Talks: []*talk.Talk{ok, nil}}, "schedule: talks[1] is nil"},
		{"talk year", &schedule.Schedule{Talks: []*talk.Talk{ok, {ID: "g1", Recorded: y10k, Origin: talk.Origin{Path: "s.json"}}}},
			`schedule: talks[1] "g1" (s.json): date: "10000-01-01T10:00:00Z" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`},
		{"event year", &schedule.Schedule{Event: talk.Event{ID: "c", End: y10k}},
			`schedule: conference "c": end: "10000-01-01T10:00:00Z" has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`},
		{"negative duration", &schedule.Schedule{Talks: []*talk.Talk{{ID: "g3", Duration: -talk.Duration(time.Minute)}}},
			`schedule: talks[0] "g3": duration: "-PT1M" is negative; a talk's duration is zero (unknown) or more`},
		{"local date", &schedule.Schedule{Event: talk.Event{TimeZone: "Pacific/Kiritimati"},
			Talks: []*talk.Talk{{ID: "g2", Recorded: talk.MustParseDate("9999-12-31T23:00:00Z")}}},
			`schedule: talks[0] "g2": date: "10000-01-01" (the talk's date in time zone "Pacific/Kiritimati") has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := schedule.WriteXML(&b, tt.s)
			if got := fmt.Sprint(err); got != tt.want {
				t.Errorf("error = %s\nwant    %s", got, tt.want)
			}
			var ne *talk.NilError
			var de *talk.DateError
			var due *talk.DurationError
			if !errors.As(err, &ne) && !errors.As(err, &de) && !errors.As(err, &due) {
				t.Errorf("%v is none of *talk.NilError, *talk.DateError and *talk.DurationError", err)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %q", b.String())
			}
		})
	}
}

// dropped is a schedule holding each thing WriteXML's documentation says
// the XML form leaves out, beside what it keeps.
const dropped = `{"schedule": {"version": "1", "base_url": "https://e.org/",
 "conference": {"acronym": "c", "title": "C", "start": "2024-06-01", "end": "2024-06-01",
  "time_zone_name": "Europe/Berlin", "description": "About C", "keywords": ["k"], "meta": {"m": 1},
  "rooms": [{"name": "Hall", "guid": "11111111-2222-4333-8444-555555555555", "capacity": "100"}],
  "days": [{"index": 1, "date": "2024-06-01", "day_start": "2024-06-01T09:00:00+02:00", "day_end": "2024-06-01T18:00:00+02:00",
   "rooms": {"Hall": [{
    "guid": "0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f", "id": 1, "code": "ABC", "date": "2024-06-01T10:00:00+02:00",
    "start": "10:00", "duration": "00:30", "end": "2024-06-01T10:45:00+02:00", "room": "Hall", "title": "T",
    "type": "Talk", "language": "de-formal", "do_not_stream": true, "answers": [{"q": 1}], "own": "mine",
    "recording_license": "CC0", "feedback_url": "https://e.org/f",
    "persons": [{"id": 7, "guid": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "code": "PQR", "name": "Ada",
     "public_name": "Ada L.", "biography": "Bio", "avatar": "https://e.org/a.png", "url": "https://e.org/ada",
     "links": ["https://ada.example"], "answers": [{"a": 1}], "affiliation": 5}],
    "links": [{"url": "https://e.org/s.pdf", "title": "Slides", "type": "slides", "service": "x"}]
   }, {
    "guid": "1d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f", "date": "2024-06-01T11:00:00+02:00", "room": "Hall", "title": "U",
    "duration": "1h", "persons": [{"name": "Bob", "avatar": 5}]
   }]}}]}}}`

// TestWriteXMLDropsWhatDocsSay: JSON read, written as XML and read again
// gives the talks less what WriteXML's documentation lists, which
// xmlView drops, and each of those was in the schedule, so that a loss
// the documentation does not name (a speaker's code, a talk's unparsed
// values, which it used to leave out) fails the test.
func TestWriteXMLDropsWhatDocsSay(t *testing.T) {
	s, err := schedule.ParseJSON([]byte(dropped), "dropped.json")
	if l := errorList(t, err); len(l) != 2 {
		t.Fatalf("reading: %v, want the errors of the duration 1h and the avatar 5", err)
	}
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, s); err != nil {
		t.Fatal(err)
	}
	back, _ := schedule.ParseXML(b.Bytes(), "dropped.json")
	if diff := cmp.Diff(xmlView(t, s), xmlView(t, back)); diff != "" {
		t.Errorf("JSON → XML → model, less what the docs list (-json +xml):\n%s", diff)
	}
	// What the documentation lists as left out was there, and is gone.
	has := func(m map[string]json.RawMessage, names ...string) []string {
		var out []string
		for _, n := range names {
			if _, ok := m[n]; ok {
				out = append(out, n)
			}
		}
		return out
	}
	ev, tk, sp := s.Event, s.Talks[0], s.Talks[0].Speakers[0]
	got := [][]string{
		has(ev.Extra, "keywords", "meta", "rooms"), has(tk.Extra, "answers", "do_not_stream", "end", "c3voc_language", "own"),
		has(s.Talks[1].Extra, "unparsed"), has(sp.Extra, "code", "url", "links", "answers", "public_name", "c3voc_affiliation", "id", "guid"),
		has(s.Talks[1].Speakers[0].Extra, "unparsed"), {ev.Description, sp.Bio, sp.Image},
	}
	ev, tk, sp = back.Event, back.Talks[0], back.Talks[0].Speakers[0]
	got = append(got, has(ev.Extra, "keywords", "meta"), has(tk.Extra, "answers", "do_not_stream", "end", "c3voc_language", "own"),
		has(back.Talks[1].Extra, "unparsed"), has(sp.Extra, "code", "url", "links", "answers", "public_name", "c3voc_affiliation", "id", "guid"),
		has(back.Talks[1].Speakers[0].Extra, "unparsed"), []string{ev.Description, sp.Bio, sp.Image})
	want := [][]string{
		{"keywords", "meta", "rooms"}, {"answers", "do_not_stream", "end", "c3voc_language", "own"},
		{"unparsed"}, {"code", "url", "links", "answers", "public_name", "c3voc_affiliation", "id", "guid"}, {"unparsed"},
		{"About C", "Bio", "https://e.org/a.png"},
		nil, nil, nil, {"id", "guid"}, nil, {"", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("before and after (-want +got):\n%s", diff)
	}
}

// TestWriteXMLLocalDateAfter9999: a schedule ParseJSON reads may hold a
// talk that WriteXML cannot place on a day of four-digit year; it is
// refused with a *talk.DateError, which the fuzz targets allow.
func TestWriteXMLLocalDateAfter9999(t *testing.T) {
	s, err := schedule.ParseJSON([]byte(`{"schedule": {"conference": {"acronym": "c", "title": "C",
		"time_zone_name": "Pacific/Kiritimati", "days": [{"index": 1, "rooms": {"Hall": [
		{"guid": "0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f", "title": "T", "date": "9999-12-31T23:00:00Z", "room": "Hall"}]}}]}}}`), "k.json")
	if err != nil {
		t.Fatal(err)
	}
	err = schedule.WriteXML(io.Discard, s)
	var de *talk.DateError
	if !errors.As(err, &de) || de.Text != "10000-01-01" {
		t.Errorf("WriteXML: %v, want a *talk.DateError for 10000-01-01", err)
	}
}

// TestStartAcrossDST reads talks that have only a start (HH:MM) on the days
// the clocks change: the time is the wall-clock time written, in the
// conference's time zone, whatever the offset was at midnight.
func TestStartAcrossDST(t *testing.T) {
	want := map[string]string{
		"Only a start, after the clocks went forward":             "2019-03-31T10:00:00+02:00",
		"Only a start, before the clocks went forward":            "2019-03-31T01:30:00+01:00",
		"Only a start, past midnight, after the clocks went back": "2019-10-27T03:30:00+01:00",
		"Only a start, on the day the clocks went back":           "2019-10-27T10:00:00+01:00",
	}
	for _, name := range []string{"dst.json", "dst.xml"} {
		t.Run(name, func(t *testing.T) {
			s, err := schedule.Parse(readFile(t, filepath.Join("testdata", name)), name)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, tk := range s.Talks {
				got[tk.Title] = tk.Recorded.String()
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("recorded (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTimeZoneNames: only names of the IANA database are time zones; Go's
// "Local", the zone of whatever machine reads the schedule, is not one.
func TestTimeZoneNames(t *testing.T) {
	for _, tt := range []struct{ zone, want, err string }{
		{"Europe/Berlin", "Europe/Berlin", ""},
		{"UTC", "UTC", ""},
		{"Local", "", `z.json:1:78: /schedule/conference/time_zone_name: schedule: time_zone_name "Local" is not an IANA time zone`},
		{"/etc/localtime", "", `z.json:1:78: /schedule/conference/time_zone_name: schedule: time_zone_name "/etc/localtime" is not an IANA time zone`},
	} {
		t.Run(tt.zone, func(t *testing.T) {
			data := `{"schedule": {"conference": {"acronym": "c", "title": "C", "time_zone_name": "` + tt.zone + `"}}}`
			s, err := schedule.ParseJSON([]byte(data), "z.json")
			var got string
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.err, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if s.Event.TimeZone != tt.want {
				t.Errorf("time zone %q, want %q", s.Event.TimeZone, tt.want)
			}
		})
	}
}

// TestWrongKindsKept: a person of the wrong kind is reported and kept in
// the talk's Extra "unparsed", as the package documentation promises of
// every value the mapping cannot read; rooms and items of the wrong kind
// are reported and kept in the day's entry of the event's Extra "days".
func TestWrongKindsKept(t *testing.T) {
	const in = `{"schedule": {"conference": {"acronym": "c", "title": "C", "days": [
  {"index": 1, "date": "2024-03-01", "rooms": 5},
  {"index": 2, "date": "2024-03-02", "rooms": {
    "A": {"not": "an array"},
    "B": [7, {"guid": "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", "title": "T",
      "persons": [null, 3, {"name": "Ada"}, [true]]}, "x"]}}]}}}`
	s, err := schedule.ParseJSON([]byte(in), "k.json")
	checkErrors(t, err, []string{
		"k.json:2:47: /schedule/conference/days/0/rooms: schedule: want an object, got number",
		"k.json:4:10: /schedule/conference/days/1/rooms/A: schedule: want an array, got object",
		"k.json:5:11: /schedule/conference/days/1/rooms/B/0: schedule: want an object, got number",
		"k.json:6:19: /schedule/conference/days/1/rooms/B/1/persons/0: schedule: want an object or a string, got null",
		"k.json:6:25: /schedule/conference/days/1/rooms/B/1/persons/1: schedule: want an object or a string, got number",
		"k.json:6:45: /schedule/conference/days/1/rooms/B/1/persons/3: schedule: want an object or a string, got array",
		"k.json:6:55: /schedule/conference/days/1/rooms/B/2: schedule: want an object, got string",
	})
	wantDays := `[{"index":1,"date":"2024-03-01","rooms":5},{"index":2,"date":"2024-03-02","rooms":{"A":{"not":"an array"},"B":[7,"x"]}}]`
	if diff := cmp.Diff(wantDays, string(s.Event.Extra["days"])); diff != "" {
		t.Errorf("Extra days (-want +got):\n%s", diff)
	}
	if len(s.Talks) != 1 {
		t.Fatalf("got %d talks, want 1", len(s.Talks))
	}
	tk := s.Talks[0]
	if diff := cmp.Diff([]talk.Speaker{{Name: "Ada"}}, tk.Speakers); diff != "" {
		t.Errorf("speakers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(`{"persons":[null,3,[true]]}`, string(tk.Extra["unparsed"])); diff != "" {
		t.Errorf("Extra unparsed (-want +got):\n%s", diff)
	}
}

// TestWrongKindsKeptAbove: a schedule or conference member of the wrong
// kind is reported and kept in the event's Extra "unparsed".
func TestWrongKindsKeptAbove(t *testing.T) {
	for _, tt := range []struct{ in, err, unparsed string }{
		{`{"schedule": [1, 2]}`, "s.json:1:14: /schedule: schedule: want an object, got array", `{"schedule":[1,2]}`},
		{`{"schedule": {"conference": "c"}}`, "s.json:1:29: /schedule/conference: schedule: want an object, got string", `{"conference":"c"}`},
	} {
		s, err := schedule.ParseJSON([]byte(tt.in), "s.json")
		if diff := cmp.Diff(tt.err, fmt.Sprint(err)); diff != "" {
			t.Errorf("%s: error (-want +got):\n%s", tt.in, diff)
		}
		if diff := cmp.Diff(tt.unparsed, string(s.Event.Extra["unparsed"])); diff != "" {
			t.Errorf("%s: Extra unparsed (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestLinkURLAndHref: a link that gives both url and href (in either form)
// takes the first as its URL and keeps the other, instead of dropping it.
func TestLinkURLAndHref(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "days": [{"index": 1, "date": "2024-03-01", "rooms": {"R": [
  {"guid": "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", "title": "T", "links": [{"url": "https://a.example/", "href": "https://b.example/", "title": "L"}]}]}}]}}}`
	const xml = `<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10"><title>T</title><links><link url="https://a.example/" href="https://b.example/">L</link></links></event></room></day></schedule>`
	for _, in := range []struct{ name, data string }{{"l.json", js}, {"l.xml", xml}} {
		s, err := schedule.Parse([]byte(in.data), in.name)
		if err != nil {
			t.Fatal(err)
		}
		tk := s.Talks[0]
		if diff := cmp.Diff([]talk.Link{{URL: "https://a.example/", Label: "L"}}, tk.Links); diff != "" {
			t.Errorf("%s: links (-want +got):\n%s", in.name, diff)
		}
		if diff := cmp.Diff(`{"https://a.example/":{"href":"https://b.example/"}}`, string(tk.Extra["link_attributes"])); diff != "" {
			t.Errorf("%s: Extra link_attributes (-want +got):\n%s", in.name, diff)
		}
	}
}

// TestXMLRoomChildren: a <room>'s children other than its events are the
// conference's "rooms" entry for it, as its attributes other than its
// name are, also when it has no other attribute.
func TestXMLRoomChildren(t *testing.T) {
	const in = `<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01">
<room name="R"><capacity>300</capacity><event guid="5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10"><title>T</title></event></room></day></schedule>`
	s, err := schedule.ParseXML([]byte(in), "r.xml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`[{"name":"R","capacity":"300"}]`, string(s.Event.Extra["rooms"])); diff != "" {
		t.Errorf("Extra rooms (-want +got):\n%s", diff)
	}
}

// TestOutsideDay: an item whose time falls outside its day's day_start to
// day_end is reported at its date (a schedule read into the model keeps
// no other trace of the day it was listed on); one inside, at either end,
// is not.
func TestOutsideDay(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "time_zone_name": "Europe/Berlin", "days": [
{"index": 1, "date": "2024-03-01", "day_start": "2024-03-01T09:00:00+01:00", "day_end": "2024-03-02T03:00:00+01:00", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "title": "At the start", "date": "2024-03-01T09:00:00+01:00"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000002", "title": "At the end, in UTC", "date": "2024-03-02T02:00:00Z"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000003", "title": "Days later", "date": "2024-03-05T10:00:00+01:00"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000004", "title": "Before, without an offset", "date": "2024-03-01T08:00:00"}]}}]}}}`
	const xml = `<schedule><conference><acronym>c</acronym><title>C</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2024-03-01" start="2024-03-01T09:00:00+01:00" end="2024-03-02T03:00:00+01:00"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000001"><title>At the start</title><date>2024-03-01T09:00:00+01:00</date></event>
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000003"><title>Days later</title><date>2024-03-05T10:00:00+01:00</date></event>
</room></day></schedule>`
	const bounds = "is outside its day, 2024-03-01T09:00:00+01:00 to 2024-03-02T03:00:00+01:00"
	for _, in := range []struct {
		name, data string
		want       []string
	}{
		{"d.json", js, []string{
			"d.json:5:82: /schedule/conference/days/0/rooms/R/2/date: schedule: date 2024-03-05T10:00:00+01:00 " + bounds,
			"d.json:6:97: /schedule/conference/days/0/rooms/R/3/date: schedule: date 2024-03-01T08:00:00+01:00 " + bounds,
		}},
		{"d.xml", xml, []string{"d.xml:4:77: schedule: date 2024-03-05T10:00:00+01:00 " + bounds}},
	} {
		s, err := schedule.Parse([]byte(in.data), in.name)
		checkErrors(t, err, in.want)
		if len(s.Talks) == 0 {
			t.Errorf("%s: no talks", in.name)
		}
	}
}

// TestRelativeAttachments: an attachment's relative URL (frab writes
// "/system/event_attachments/...") is made absolute against base_url, as
// a link's is, in either form; the rest of the attachment is kept as it is,
// and an attachment that is not an object is reported and kept.
func TestRelativeAttachments(t *testing.T) {
	const js = `{"schedule": {"base_url": "https://fahrplan.example.org/camp/Fahrplan/", "conference": {"acronym": "c", "title": "C", "days": [{"index": 1, "date": "2024-03-01", "rooms": {"R": [
  {"guid": "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", "title": "T", "attachments": [{"url": "/system/a/slides.pdf?1566398735", "title": "Slides"}, {"url": "https://other.example/x.pdf", "title": "X"}, "odd"]}]}}]}}}`
	const xml = `<schedule><conference><acronym>c</acronym><title>C</title><base_url>https://fahrplan.example.org/camp/Fahrplan/</base_url></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10"><title>T</title><attachments><attachment href="/system/a/slides.pdf?1566398735">Slides</attachment><attachment href="https://other.example/x.pdf">X</attachment></attachments></event></room></day></schedule>`
	for _, in := range []struct {
		name, data, want string
		errs             []string
	}{
		{"a.json", js, `[{"url":"https://fahrplan.example.org/system/a/slides.pdf?1566398735","title":"Slides"},{"url":"https://other.example/x.pdf","title":"X"},"odd"]`,
			[]string{"a.json:2:199: /schedule/conference/days/0/rooms/R/0/attachments/2: schedule: want an object, got string"}},
		{"a.xml", xml, `[{"url":"https://fahrplan.example.org/system/a/slides.pdf?1566398735","title":"Slides"},{"url":"https://other.example/x.pdf","title":"X"}]`, nil},
	} {
		s, err := schedule.Parse([]byte(in.data), in.name)
		checkErrors(t, err, in.errs)
		if diff := cmp.Diff(in.want, string(s.Talks[0].Extra["attachments"])); diff != "" {
			t.Errorf("%s: Extra attachments (-want +got):\n%s", in.name, diff)
		}
	}
}

// TestXMLRepeatedElements: an element the JSON form has once, repeated
// in XML, is read as an array of its values, which the mapping reports
// and keeps, and a repeated list (<persons>, <links>) is one list: no
// value is dropped for a later one of the same name, nor a person's name
// attribute or a link's title attribute for the element's empty text
// (which would also make a repeated value to report where there is one).
func TestXMLRepeatedElements(t *testing.T) {
	const in = `<schedule><conference><acronym>c</acronym><title>C</title><title>C2</title></conference>
<day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10" id="1"><title>First</title><title>Second</title>
<persons><person>A</person></persons><persons><person>B</person><person name="C"/></persons>
<links><link href="https://a.example/" title="attribute">text</link></links><links><link href="https://b.example/">B</link><link href="https://c.example/" title="C"/></links>
<recording><license>CC</license><license>X</license></recording></event>
</room></day></schedule>`
	s, err := schedule.ParseXML([]byte(in), "r.xml")
	checkErrors(t, err, []string{
		"r.xml:1:59: schedule: title: want a string, got array",
		"r.xml:3:79: schedule: title: want a string, got array",
		"r.xml:5:8: schedule: title: want a string, got array",
		"r.xml:6:33: schedule: license: want a string, got array",
	})
	if diff := cmp.Diff(`{"title":["C","C2"]}`, string(s.Event.Extra["unparsed"])); diff != "" {
		t.Errorf("event Extra unparsed (-want +got):\n%s", diff)
	}
	tk := s.Talks[0]
	if diff := cmp.Diff(`{"title":["First","Second"],"recording_license":["CC","X"]}`, string(tk.Extra["unparsed"])); diff != "" {
		t.Errorf("talk Extra unparsed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]talk.Speaker{{Name: "A"}, {Name: "B"}, {Name: "C"}}, tk.Speakers); diff != "" {
		t.Errorf("speakers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]talk.Link{{URL: "https://a.example/"}, {URL: "https://b.example/", Label: "B"}, {URL: "https://c.example/", Label: "C"}}, tk.Links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(`{"https://a.example/":{"title":["text","attribute"]}}`, string(tk.Extra["link_attributes"])); diff != "" {
		t.Errorf("talk Extra link_attributes (-want +got):\n%s", diff)
	}
}

// TestXMLPersonNameChild: a <person> whose name is a <name> child, not
// its text, is named by it, as by a name attribute, with no empty name
// beside it to report.
func TestXMLPersonNameChild(t *testing.T) {
	const in = `<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10"><title>T</title><persons><person id="1"><name>Ada</name></person></persons></event></room></day></schedule>`
	s, err := schedule.ParseXML([]byte(in), "p.xml")
	checkErrors(t, err, nil)
	want := []talk.Speaker{{Name: "Ada", Extra: map[string]json.RawMessage{"id": json.RawMessage("1")}}}
	if diff := cmp.Diff(want, s.Talks[0].Speakers); diff != "" {
		t.Errorf("speakers (-want +got):\n%s", diff)
	}
}

// TestWallClockGapsAndOverlaps: a time written without an offset that the
// conference's clocks skip (going forward) or show twice (going back) is
// reported, and read as an hour later and as the first, in either form.
func TestWallClockGapsAndOverlaps(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "time_zone_name": "Europe/Berlin", "days": [
{"index": 1, "date": "2019-03-31", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "title": "Skipped", "date": "2019-03-31T02:30:00"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000002", "title": "Skipped start", "start": "02:30"}]}},
{"index": 2, "date": "2019-10-27", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000003", "title": "Twice", "date": "2019-10-27T02:30:00", "end": "2019-10-27T02:45:00"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000004", "title": "Once", "date": "2019-10-27T03:30:00"}]}}]}}}`
	s, err := schedule.ParseJSON([]byte(js), "w.json")
	checkErrors(t, err, []string{
		`w.json:3:79: /schedule/conference/days/0/rooms/R/0/date: schedule: date 2019-03-31T02:30:00 does not exist in time zone Europe/Berlin (the clocks skip it); read as 2019-03-31T03:30:00+02:00`,
		`w.json:4:86: /schedule/conference/days/0/rooms/R/1/start: schedule: start 2019-03-31T02:30:00 does not exist in time zone Europe/Berlin (the clocks skip it); read as 2019-03-31T03:30:00+02:00`,
		`w.json:6:77: /schedule/conference/days/1/rooms/R/0/date: schedule: date 2019-10-27T02:30:00 is ambiguous in time zone Europe/Berlin (the clocks show it twice); read as the first, 2019-10-27T02:30:00+02:00`,
		`w.json:6:107: /schedule/conference/days/1/rooms/R/0/end: schedule: end 2019-10-27T02:45:00 is ambiguous in time zone Europe/Berlin (the clocks show it twice); read as the first, 2019-10-27T02:45:00+02:00`,
	})
	got := map[string]string{}
	for _, tk := range s.Talks {
		got[tk.Title] = tk.Recorded.String() + " " + tk.Duration.String()
	}
	want := map[string]string{
		"Skipped":       "2019-03-31T03:30:00+02:00 PT0S",
		"Skipped start": "2019-03-31T03:30:00+02:00 PT0S",
		"Twice":         "2019-10-27T02:30:00+02:00 PT15M",
		"Once":          "2019-10-27T03:30:00+01:00 PT0S",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("recorded and duration (-want +got):\n%s", diff)
	}
}

// TestStartOnItemsDate: an item whose date is a day without a time takes
// its start on that day, not on the day it is listed under; one whose
// date is a month or a year keeps it, and the start, which has no day to
// go on, in Extra, rather than losing its date to the day's.
func TestStartOnItemsDate(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "time_zone_name": "Europe/Berlin", "days": [
{"index": 1, "date": "2024-03-01", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "title": "Day", "date": "2024-03-02", "start": "10:00"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000002", "title": "Month", "date": "2024-05", "start": "10:00"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000003", "title": "Year", "date": "2024", "start": "10:00"}]}}]}}}`
	s, err := schedule.ParseJSON([]byte(js), "s.json")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, tk := range s.Talks {
		got[tk.Title] = tk.Recorded.String() + " " + string(tk.Extra["start"])
	}
	want := map[string]string{
		"Day":   "2024-03-02T10:00:00+01:00 ",
		"Month": `2024-05 "10:00"`,
		"Year":  `2024 "10:00"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("recorded and Extra start (-want +got):\n%s", diff)
	}
}

// TestWriteXMLOwnDay: a talk on none of the schedule's days gets a day of
// its own, the talk's local date from midnight to midnight: in the
// conference's time zone when it has one, else in the talk's own offset,
// so that the talk reads back on its day and on its date.
func TestWriteXMLOwnDay(t *testing.T) {
	for _, tt := range []struct {
		name, zone, recorded, day string
	}{
		{"wall clock, zone", "Europe/Berlin", "2024-03-01T00:30:00",
			`<day index="1" date="2024-03-01" start="2024-03-01T00:00:00+01:00" end="2024-03-01T23:59:59+01:00">`},
		// São Paulo's clocks skipped from 00:00 to 01:00: the day
		// starts after the gap, not at 23:00 on the day before.
		{"day whose midnight the clocks skip, zone", "America/Sao_Paulo", "2018-11-04T01:30:00-02:00",
			`<day index="1" date="2018-11-04" start="2018-11-04T01:00:00-02:00" end="2018-11-04T23:59:59-02:00">`},
		{"offset, no zone", "", "2024-03-01T00:30:00+01:00",
			`<day index="1" date="2024-03-01" start="2024-03-01T00:00:00+01:00" end="2024-03-01T23:59:59+01:00">`},
		{"offset, zone", "America/New_York", "2024-03-01T00:30:00+01:00",
			`<day index="1" date="2024-02-29" start="2024-02-29T00:00:00-05:00" end="2024-02-29T23:59:59-05:00">`},
		{"date, zone", "Europe/Berlin", "2024-03-01",
			`<day index="1" date="2024-03-01" start="2024-03-01T00:00:00+01:00" end="2024-03-01T23:59:59+01:00">`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &schedule.Schedule{Event: talk.Event{ID: "c", Title: "C", TimeZone: tt.zone}, Talks: []*talk.Talk{
				{ID: "5e1ee4d6-1b7f-4b61-9c3b-000000000001", Title: "T", Recorded: talk.MustParseDate(tt.recorded)}}}
			var b bytes.Buffer
			if err := schedule.WriteXML(&b, s); err != nil {
				t.Fatal(err)
			}
			var day string
			for _, l := range strings.Split(b.String(), "\n") {
				if strings.Contains(l, "<day ") {
					day = strings.TrimSpace(l)
				}
			}
			if diff := cmp.Diff(tt.day, day); diff != "" {
				t.Errorf("day (-want +got):\n%s", diff)
			}
			_, err := schedule.ParseXML(b.Bytes(), "w.xml")
			checkErrors(t, err, nil)
		})
	}
}

// TestWriteXMLWallClockOnKnownDay: a date-time without an offset is a
// wall-clock time in the conference's zone when WriteXML finds its day, as
// it is when ParseXML reads it back: 02:30 after midnight is on the day
// that ends at 03:00+01:00.
func TestWriteXMLWallClockOnKnownDay(t *testing.T) {
	s := &schedule.Schedule{
		Event: talk.Event{ID: "c", Title: "C", TimeZone: "Europe/Berlin", Extra: map[string]json.RawMessage{
			"days": json.RawMessage(`[{"index":1,"date":"2024-03-01","day_start":"2024-03-01T09:00:00+01:00","day_end":"2024-03-02T03:00:00+01:00"}]`)}},
		Talks: []*talk.Talk{{ID: "5e1ee4d6-1b7f-4b61-9c3b-000000000001", Title: "T", Recorded: talk.MustParseDate("2024-03-02T02:30:00")}},
	}
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, s); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "<day "); n != 1 {
		t.Errorf("%d days written, want the one the talk is on:\n%s", n, b.String())
	}
	_, err := schedule.ParseXML(b.Bytes(), "w.xml")
	checkErrors(t, err, nil)
}

// TestXMLColumnsInDeclaredEncoding: in a document in another encoding
// than UTF-8, columns count the source's bytes, as they do in UTF-8, not
// the bytes it decodes to (an ISO-8859-1 "ä" is one byte, two in UTF-8).
func TestXMLColumnsInDeclaredEncoding(t *testing.T) {
	const in = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><schedule><conference><acronym>\xe4</acronym><title>\xe4\xe4\xe4\xe4</title><time_zone_name>Mars</time_zone_name></conference>\n" +
		"<day index=\"1\" date=\"2024-03-01\"><room name=\"\xc4\xd6\xdc\"><event guid=\"5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10\" id=\"x\"><title>T</title></event></room></day>\n" +
		"<bad>\xe4</wrong></schedule>"
	_, err := schedule.ParseXML([]byte(in), "l.xml")
	checkErrors(t, err, []string{"l.xml:3:15: schedule: invalid XML: element <bad> closed by </wrong>"})
	_, err = schedule.ParseXML([]byte(strings.Replace(in, "<bad>\xe4</wrong>", "", 1)), "l.xml")
	checkErrors(t, err, []string{
		`l.xml:1:105: schedule: time_zone_name "Mars" is not an IANA time zone`,
		`l.xml:2:51: schedule: id: want a positive integer, got "x"`,
	})
}

// TestConcurrentUse reads with one Reader and writes one Schedule from
// many goroutines at once, as the package says may be done: each gets
// what one alone gets. Run with -race.
func TestConcurrentUse(t *testing.T) {
	data := readFile(t, "testdata/pair.json")
	var r schedule.Reader
	s, err := r.ParseJSON(data, "pair.json")
	if err != nil {
		t.Fatal(err)
	}
	want := show(t, s, nil)
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, s); err != nil {
		t.Fatal(err)
	}
	wantXML := b.String()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := r.ParseJSON(data, "pair.json")
			if err != nil {
				t.Error(err)
				return
			}
			if show(t, got, nil) != want {
				t.Error("a concurrent read differs")
			}
			var b bytes.Buffer
			if err := schedule.WriteXML(&b, s); err != nil || b.String() != wantXML {
				t.Errorf("a concurrent write differs (%v)", err)
			}
		})
	}
	wg.Wait()
}

// TestDuplicateIDs: an item's id (the format's deprecated numeric one,
// which frab's page URLs are made of) that another item has is reported,
// in either form, as a guid is.
func TestDuplicateIDs(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "days": [{"index": 1, "date": "2024-03-01", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "id": 7, "title": "A"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000002", "id": 8, "title": "B"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000003", "id": 7, "title": "C"}]}}]}}}`
	const xml = `<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000001" id="7"><title>A</title></event>
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000003" id="007"><title>C</title></event></room></day></schedule>`
	_, err := schedule.ParseJSON([]byte(js), "i.json")
	checkErrors(t, err, []string{"i.json:4:57: /schedule/conference/days/0/rooms/R/2/id: schedule: id 7 is also the id of the item at /schedule/conference/days/0/rooms/R/0/id"})
	_, err = schedule.ParseXML([]byte(xml), "i.xml")
	checkErrors(t, err, []string{"i.xml:3:1: schedule: id 7 is also the id of the item at line 2"})
	// Two slots of one pretalx submission share its id and code; items
	// with another code, or none, do not.
	for _, c := range []struct{ in, want string }{
		{`"code": "ABC123"`, ""},
		{`"code": "XYZ789"`, "i.json:4:75: /schedule/conference/days/0/rooms/R/2/id: schedule: id 7 is also the id of the item at /schedule/conference/days/0/rooms/R/0/id"},
		{`"code": null`, "i.json:4:71: /schedule/conference/days/0/rooms/R/2/id: schedule: id 7 is also the id of the item at /schedule/conference/days/0/rooms/R/0/id"},
	} {
		in := strings.Replace(js, `"id": 7, "title": "A"`, `"id": 7, "code": "ABC123", "title": "A"`, 1)
		in = strings.Replace(in, `"id": 7, "title": "C"`, c.in+`, "id": 7, "title": "C"`, 1)
		s, err := schedule.ParseJSON([]byte(in), "i.json")
		var want []string
		if c.want != "" {
			want = []string{c.want}
		}
		checkErrors(t, err, want)
		if got := []int64{s.Talks[0].Legacy.ID, s.Talks[2].Legacy.ID}; !slices.Equal(got, []int64{7, 7}) {
			t.Errorf("%s: legacy ids %v, want both 7", c.in, got)
		}
	}
	const slots = `<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000001" id="7" code="ABC123"><title>A</title></event>
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000003" id="7" code="ABC123"><title>A</title></event></room></day></schedule>`
	_, err = schedule.ParseXML([]byte(slots), "i.xml")
	checkErrors(t, err, nil)
}

// TestDayDateNotADay: a day's date that is a real date but not a day (a
// month, or a date-time) is refused for that, not as if it were no date.
func TestDayDateNotADay(t *testing.T) {
	const in = `{"schedule": {"conference": {"acronym": "c", "title": "C", "days": [
  {"index": 1, "date": "2016-02"},
  {"index": 2, "date": "2016-02-29T10:00:00+01:00"}]}}}`
	_, err := schedule.ParseJSON([]byte(in), "d.json")
	checkErrors(t, err, []string{
		`d.json:2:24: /schedule/conference/days/0/date: schedule: "2016-02" is not a day (want YYYY-MM-DD)`,
		`d.json:3:24: /schedule/conference/days/1/date: schedule: "2016-02-29T10:00:00+01:00" is not a day (want YYYY-MM-DD)`,
	})
}

// TestXMLSecondConference: a second <conference> is read into the first,
// as repeated children of one would be: what it repeats is reported and
// kept, and what it adds is read.
func TestXMLSecondConference(t *testing.T) {
	const in = `<schedule><conference><acronym>c</acronym><title>C</title><track>A</track></conference>
<conference><title>D</title><time_zone_name>Europe/Berlin</time_zone_name><track>B</track></conference></schedule>`
	s, err := schedule.ParseXML([]byte(in), "c.xml")
	checkErrors(t, err, []string{"c.xml:2:13: schedule: title: want a string, got array"})
	got := map[string]string{"title": s.Event.Title, "time zone": s.Event.TimeZone}
	for _, name := range []string{"unparsed", "tracks"} {
		got[name] = string(s.Event.Extra[name])
	}
	want := map[string]string{
		"title":     "",
		"time zone": "Europe/Berlin",
		"tracks":    `[{"text":"A"},{"text":"B"}]`,
		"unparsed":  `{"title":["C","D"]}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("event (-want +got):\n%s", diff)
	}
}

// TestIntegers: a conference's daysCount and a day's index that are not
// integers are reported, in either form, and kept as written.
func TestIntegers(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "daysCount": "two", "days": [
  {"index": 1.5, "date": "2024-03-01"}, {"index": null, "date": "2024-03-02"}, {"index": 3, "date": "2024-03-03"}]}}}`
	const xml = `<schedule><conference><acronym>c</acronym><title>C</title><days>x</days></conference>
<day index="first" date="2024-03-01"/><day index="2" date="2024-03-02"/></schedule>`
	var got []string
	for _, in := range []struct{ name, data string }{{"i.json", js}, {"i.xml", xml}} {
		s, err := schedule.Parse([]byte(in.data), in.name)
		got = append(got, errorTexts(t, err)...)
		got = append(got, string(s.Event.Extra["daysCount"]), string(s.Event.Extra["days"]))
	}
	want := []string{
		`i.json:1:73: /schedule/conference/daysCount: schedule: want an integer, got "two"`,
		`i.json:2:13: /schedule/conference/days/0/index: schedule: want an integer, got 1.5`,
		`i.json:2:51: /schedule/conference/days/1/index: schedule: want an integer, got null`,
		`"two"`,
		`[{"index":1.5,"date":"2024-03-01"},{"index":null,"date":"2024-03-02"},{"index":3,"date":"2024-03-03"}]`,
		`i.xml:1:59: schedule: days: want an integer, got "x"`,
		`i.xml:2:1: schedule: index: want an integer, got "first"`,
		`"x"`,
		`[{"index":"first","date":"2024-03-01"},{"index":2,"date":"2024-03-02"}]`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// utf16Of encodes s in UTF-16 with a byte order mark, little-endian or
// big-endian.
func utf16Of(s string, little bool) []byte {
	var b []byte
	for _, u := range append([]uint16{0xfeff}, utf16.Encode([]rune(s))...) {
		if little {
			b = append(b, byte(u), byte(u>>8))
		} else {
			b = append(b, byte(u>>8), byte(u))
		}
	}
	return b
}

// TestXMLByteOrderMarks: a document in UTF-16, which XML requires a
// reader to take, is read (with columns in its bytes after the mark, as
// in any encoding), by Parse too; a declaration of another encoding than
// the mark's is reported, and the text read in the one it is in.
func TestXMLByteOrderMarks(t *testing.T) {
	const doc = "<schedule><conference><acronym>é</acronym><time_zone_name>Mars</time_zone_name></conference></schedule>"
	const decl = `<?xml version="1.0" encoding="%s"?>` + "\n"
	for _, c := range []struct {
		name string
		data []byte
		want []string // the conference's acronym, then the errors
	}{
		{"UTF-16LE declared", utf16Of(fmt.Sprintf(decl, "UTF-16")+doc, true),
			[]string{"é", `s.xml:2:85: schedule: time_zone_name "Mars" is not an IANA time zone`}},
		{"UTF-16BE undeclared", utf16Of(" \n"+doc, false),
			[]string{"é", `s.xml:2:85: schedule: time_zone_name "Mars" is not an IANA time zone`}},
		{"UTF-16 declared UTF-8", utf16Of(fmt.Sprintf(decl, "utf-8")+doc, true), []string{"é",
			`s.xml:1:1: schedule: the document starts with the byte order mark of UTF-16 but declares encoding "utf-8"; read as UTF-16`,
			`s.xml:2:85: schedule: time_zone_name "Mars" is not an IANA time zone`}},
		// An editor's "UTF-8 with BOM" of a file declared ISO-8859-1.
		{"UTF-8 text declared ISO-8859-1", []byte("\ufeff" + fmt.Sprintf(decl, "ISO-8859-1") + doc), []string{"é",
			`s.xml:1:1: schedule: the document starts with the byte order mark of UTF-8 but declares encoding "ISO-8859-1"; read as UTF-8`,
			`s.xml:2:44: schedule: time_zone_name "Mars" is not an IANA time zone`}},
		// A program's ISO-8859-1 after a template's mark.
		{"ISO-8859-1 text after a UTF-8 mark", []byte("\ufeff" + fmt.Sprintf(decl, "ISO-8859-1") + strings.Replace(doc, "é", "\xe9", 1)), []string{"é",
			`s.xml:1:1: schedule: the document starts with the byte order mark of UTF-8 but declares encoding "ISO-8859-1"; read as ISO-8859-1`,
			`s.xml:2:43: schedule: time_zone_name "Mars" is not an IANA time zone`}},
		{"UTF-8 declared utf8", []byte("\ufeff" + fmt.Sprintf(decl, "utf8") + doc),
			[]string{"é", `s.xml:2:44: schedule: time_zone_name "Mars" is not an IANA time zone`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := schedule.Parse(c.data, "s.xml")
			got := append([]string{s.Event.ID}, errorTexts(t, err)...)
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestWriteXMLUndatedTalk: a talk without a date, on a day without one,
// is written on a day without a date, not on the last day, whose date
// ParseXML would give it.
func TestWriteXMLUndatedTalk(t *testing.T) {
	const in = `{"schedule": {"conference": {"acronym": "c", "title": "C", "days": [
 {"index": 1, "rooms": {"R": [{"guid": "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", "title": "Undated"}]}},
 {"index": 2, "date": "2024-03-02", "rooms": {"R": [{"guid": "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f11", "title": "Dated"}]}}]}}}`
	s, _ := schedule.ParseJSON([]byte(in), "u.json")
	back, _ := writeBack(t, s)
	if diff := cmp.Diff(talkViews(t, s, nil), talkViews(t, back, nil)); diff != "" {
		t.Errorf("read → XML → read changed the talks (-first +back):\n%s", diff)
	}
}

// TestWriteXMLWhatXMLCannotHold: text XML 1.0 cannot hold and a duration
// finer than a second read back as WriteXML's documentation says.
func TestWriteXMLWhatXMLCannotHold(t *testing.T) {
	tk := &talk.Talk{ID: "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", Title: "a\x00b\x1bc\uffffd\xffe\tf\x1fg",
		Recorded: talk.MustParseDate("2024-03-01T10:00:00+01:00"), Duration: talk.Duration(90*time.Second + 600*time.Millisecond)}
	s := &schedule.Schedule{Event: talk.Event{ID: "c", Title: "C"}, Talks: []*talk.Talk{tk}}
	var b bytes.Buffer
	if err := schedule.WriteXML(&b, s); err != nil {
		t.Fatal(err)
	}
	back, err := schedule.ParseXML(b.Bytes(), "w.xml")
	checkErrors(t, err, nil)
	got := []string{back.Talks[0].Title, back.Talks[0].Duration.String()}
	want := []string{"a\ufffdb\ufffdc\ufffdd\ufffde\tf\ufffdg", "PT1M31S"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLanguageNames: a hand-made schedule's languages given by name, in
// English or in the language itself, are read as their codes, beside
// pretalx's locales and codes; text that is neither, or that names
// several languages ("en/de"), is reported and kept.
func TestLanguageNames(t *testing.T) {
	var items []string
	given := []string{"Deutsch", " english ", "Español", "de-formal", "pt-BR", "Klingon!", "en/de"}
	for i, l := range given {
		items = append(items, fmt.Sprintf(`{"guid": "0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e%02d", "date": "2024-06-01T1%d:00:00+02:00",
    "duration": "00:30", "room": "Hall", "title": "T%d", "language": %q}`, i, i, i, l))
	}
	doc := `{"schedule": {"version": "1", "conference": {"acronym": "c", "title": "C", "start": "2024-06-01", "end": "2024-06-01",
  "time_zone_name": "Europe/Berlin", "rooms": [{"name": "Hall"}],
  "days": [{"index": 1, "date": "2024-06-01", "day_start": "2024-06-01T09:00:00+02:00", "day_end": "2024-06-01T18:00:00+02:00",
   "rooms": {"Hall": [` + strings.Join(items, ",\n") + `]}}]}}}`
	s, err := schedule.ParseJSON([]byte(doc), "names.json")
	var got []string
	for _, tk := range s.Talks {
		got = append(got, fmt.Sprintf("%s %s %s", tk.Title, tk.Language, tk.Extra["c3voc_language"]))
	}
	want := []string{"T0 de ", "T1 en ", "T2 es ", `T3 de "de-formal"`, "T4 pt-BR ", "T5  ", "T6  "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("languages (-want +got):\n%s", diff)
	}
	wantErr := []string{`names.json:15:69: /schedule/conference/days/0/rooms/Hall/5/language: schedule: language "Klingon!" is not a BCP 47 language tag or a language's name`,
		`names.json:17:69: /schedule/conference/days/0/rooms/Hall/6/language: schedule: language "en/de" names 2 languages (en, de), and a talk has one: give the one spoken, such as "en"`}
	var gotErr []string
	for _, e := range errorList(t, err) {
		gotErr = append(gotErr, e.Error())
	}
	if diff := cmp.Diff(wantErr, gotErr); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestDerivedIDs: an item without a guid (pentabarf's, older frab's) gets
// the ID the c3voc tools derive, uuid5 in their namespace of the MD5 of
// the conference's acronym and the item's id (computed with Python's
// uuid and hashlib); without an acronym, the conference's URL stands in,
// and without an id, a pretalx code. Items that would share an ID are
// reported with both places.
func TestDerivedIDs(t *testing.T) {
	item := func(members string) string {
		return `{"schedule": {"conference": {%s"title": "C", "days": [{"index": 1, "date": "2010-12-27", "rooms": {"R": [` + members + `]}}]}}}`
	}
	for _, c := range []struct {
		name, conf, items string
		want              []string
		errs              []string
	}{
		{"acronym and id", `"acronym": "penta", `, `{"id": 101, "title": "A"}, {"id": 102, "guid": null, "title": "B"}, {"id": 103, "guid": "", "title": "C"}`,
			[]string{"6b2faee9-1b1d-506a-bffd-1c9eec91fe32", "2e327da8-6451-5aaa-ab70-5c5a999531a9", "c0b83737-1ec5-5b1f-9ac3-4738182d197c"}, nil},
		{"url for a missing acronym", `"url": "https://example.org/2010/", `, `{"id": 101, "title": "A"}`,
			[]string{"cc8bda3d-4ae7-5ec5-bf99-c1bfb311a65c"},
			[]string{"i.json:1:29: /schedule/conference: schedule: the conference has no acronym"}},
		{"code without an id", `"acronym": "democon", `, `{"code": "ABC123", "title": "A"}`,
			[]string{"f0b53ba7-9c8d-589f-a50d-c70d674a63c7"}, nil},
		{"neither id nor code", `"acronym": "penta", `, `{"title": "A"}`,
			[]string{""},
			[]string{"i.json:1:124: /schedule/conference/days/0/rooms/R/0: schedule: the item has no guid, which gives a talk its ID, and no id (a positive integer) or code to derive one from"}},
		{"no acronym nor url", ``, `{"id": 101, "title": "A"}`,
			[]string{""},
			[]string{
				"i.json:1:29: /schedule/conference: schedule: the conference has no acronym",
				"i.json:1:111: /schedule/conference/days/0/rooms/R/0/id: schedule: the item has no guid, which gives a talk its ID, and the conference no acronym or url to derive one from with its id 101",
			}},
		{"two slots of one submission", `"acronym": "democon", `, `{"id": 7, "code": "ABC123", "title": "A"}, {"id": 7, "code": "ABC123", "title": "A"}`,
			[]string{"5465ca69-07cf-522d-9439-4ddb766fd0b0", "5465ca69-07cf-522d-9439-4ddb766fd0b0"},
			[]string{"i.json:1:176: /schedule/conference/days/0/rooms/R/1/id: schedule: the item has no guid, and the ID derived from its id 7, 5465ca69-07cf-522d-9439-4ddb766fd0b0, is also the ID of the item at /schedule/conference/days/0/rooms/R/0/id"}},
		{"a guid that is a derived ID", `"acronym": "penta", `, `{"guid": "6B2FAEE9-1B1D-506A-BFFD-1C9EEC91FE32", "title": "A"}, {"id": 101, "title": "B"}`,
			[]string{"6B2FAEE9-1B1D-506A-BFFD-1C9EEC91FE32", "6b2faee9-1b1d-506a-bffd-1c9eec91fe32"},
			[]string{"i.json:1:195: /schedule/conference/days/0/rooms/R/1/id: schedule: the item has no guid, and the ID derived from its id 101, 6b2faee9-1b1d-506a-bffd-1c9eec91fe32, is also the ID of the item at /schedule/conference/days/0/rooms/R/0/guid"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := schedule.ParseJSON([]byte(fmt.Sprintf(item(c.items), c.conf)), "i.json")
			var got []string
			for _, tk := range s.Talks {
				got = append(got, tk.ID)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("IDs (-want +got):\n%s", diff)
			}
			checkErrors(t, err, c.errs)
		})
	}
	// The XML form gives the same IDs, and places a clash by line.
	const xml = `<schedule><conference><acronym>penta</acronym><title>C</title></conference><day index="1" date="2010-12-27"><room name="R">
<event id="101"><title>A</title></event>
<event id="101"><title>B</title></event></room></day></schedule>`
	s, err := schedule.ParseXML([]byte(xml), "i.xml")
	var got []string
	for _, tk := range s.Talks {
		got = append(got, tk.ID)
	}
	if diff := cmp.Diff([]string{"6b2faee9-1b1d-506a-bffd-1c9eec91fe32", "6b2faee9-1b1d-506a-bffd-1c9eec91fe32"}, got); diff != "" {
		t.Errorf("XML IDs (-want +got):\n%s", diff)
	}
	checkErrors(t, err, []string{"i.xml:3:1: schedule: the item has no guid, and the ID derived from its id 101, 6b2faee9-1b1d-506a-bffd-1c9eec91fe32, is also the ID of the item at line 2"})
}

// TestRelativeURLsWithoutBase: a URL relative to its host in a schedule
// without a base_url cannot be made absolute; it is kept as written and
// reported where it is, as a page showing it would link to its own site.
// A protocol-relative URL names its host and is not reported.
func TestRelativeURLsWithoutBase(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "url": "https://c.example/", "days": [{"index": 1, "date": "2024-03-01", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "title": "A", "url": "talk/1", "logo": "//cdn.example/a.png",
  "links": ["/notes.html", {"url": "slides.pdf", "type": "slides"}], "persons": [{"name": "Ada", "avatar": "/ada.png"}],
  "attachments": [{"url": "/files/a.pdf", "title": "A"}]}]}}]}}}`
	s, err := schedule.ParseJSON([]byte(js), "r.json")
	checkErrors(t, err, []string{
		`r.json:2:72: /schedule/conference/days/0/rooms/R/0/url: schedule: "talk/1" is a relative URL, and the schedule has no base_url to resolve it against; kept as written`,
		`r.json:3:13: /schedule/conference/days/0/rooms/R/0/links/0: schedule: "/notes.html" is a relative URL, and the schedule has no base_url to resolve it against; kept as written`,
		`r.json:3:36: /schedule/conference/days/0/rooms/R/0/links/1/url: schedule: "slides.pdf" is a relative URL, and the schedule has no base_url to resolve it against; kept as written`,
		`r.json:3:108: /schedule/conference/days/0/rooms/R/0/persons/0/avatar: schedule: "/ada.png" is a relative URL, and the schedule has no base_url to resolve it against; kept as written`,
		`r.json:4:27: /schedule/conference/days/0/rooms/R/0/attachments/0/url: schedule: "/files/a.pdf" is a relative URL, and the schedule has no base_url to resolve it against; kept as written`,
	})
	tk := s.Talks[0]
	got := []any{tk.Links, tk.Slides, tk.Thumbnail, tk.Speakers[0].Image}
	want := []any{[]talk.Link{{URL: "talk/1", Label: schedule.ScheduleLabel}, {URL: "/notes.html"}}, []talk.Link{{URL: "slides.pdf"}}, "//cdn.example/a.png", "/ada.png"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("URLs (-want +got):\n%s", diff)
	}
	const xml = `<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000001"><title>A</title>
<url>talk/1</url></event></room></day></schedule>`
	_, err = schedule.ParseXML([]byte(xml), "r.xml")
	checkErrors(t, err, []string{`r.xml:3:1: schedule: url: "talk/1" is a relative URL, and the schedule has no base_url to resolve it against; kept as written`})
}

// TestOptOutWithRecording: an item whose speaker opted out of recording
// (do_not_record, XML's <optout>) but that lists a recording keeps both,
// and is reported, so that an archive does not publish it unawares.
func TestOptOutWithRecording(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "days": [{"index": 1, "date": "2024-03-01", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "title": "A", "do_not_record": true, "recording_url": "https://media.example/a.mp4"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000002", "title": "B", "do_not_record": true}]}}]}}}`
	s, err := schedule.ParseJSON([]byte(js), "o.json")
	checkErrors(t, err, []string{`o.json:2:82: /schedule/conference/days/0/rooms/R/0/do_not_record: schedule: do_not_record is true (the speaker opted out of recording), but the item has a recording, https://media.example/a.mp4: both are kept; make sure the speaker agreed before publishing it`})
	got := [][]any{{s.Talks[0].Recording, len(s.Talks[0].Videos)}, {s.Talks[1].Recording, len(s.Talks[1].Videos)}}
	if diff := cmp.Diff([][]any{{talk.NotRecorded, 1}, {talk.NotRecorded, 0}}, got); diff != "" {
		t.Errorf("recording, videos (-want +got):\n%s", diff)
	}
	const xml = `<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000001"><title>A</title>
<recording><optout>true</optout><url>https://media.example/a.mp4</url></recording></event></room></day></schedule>`
	_, err = schedule.ParseXML([]byte(xml), "o.xml")
	checkErrors(t, err, []string{`o.xml:3:12: schedule: do_not_record is true (the speaker opted out of recording), but the item has a recording, https://media.example/a.mp4: both are kept; make sure the speaker agreed before publishing it`})
}

// TestDurations: the format's durations in their spellings, and bare
// numbers, which are reported with the form they would have as minutes
// rather than as a string of the wrong kind or a bad clock.
func TestDurations(t *testing.T) {
	const js = `{"schedule": {"conference": {"acronym": "c", "title": "C", "days": [{"index": 1, "date": "2024-03-01", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "title": "A", "duration": "1:30"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000002", "title": "B", "duration": "01:30:00"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000003", "title": "C", "duration": 90},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000004", "title": "D", "duration": "45"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000005", "title": "E", "duration": "1h"}]}}]}}}`
	s, err := schedule.ParseJSON([]byte(js), "d.json")
	checkErrors(t, err, []string{
		`d.json:4:77: /schedule/conference/days/0/rooms/R/2/duration: schedule: duration 90 is a number without a unit; the format wants hours and minutes, such as "01:30" for 90 minutes`,
		`d.json:5:77: /schedule/conference/days/0/rooms/R/3/duration: schedule: duration "45" is a number without a unit; the format wants hours and minutes, such as "00:45" for 45 minutes`,
		`d.json:6:77: /schedule/conference/days/0/rooms/R/4/duration: schedule: duration "1h" is not a clock duration such as 00:45`,
	})
	var got []string
	for _, tk := range s.Talks {
		got = append(got, time.Duration(tk.Duration).String()+" "+string(tk.Extra["unparsed"]))
	}
	want := []string{"1h30m0s ", "1h30m0s ", `0s {"duration":90}`, `0s {"duration":"45"}`, `0s {"duration":"1h"}`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("durations (-want +got):\n%s", diff)
	}
	const xml = `<schedule><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000001"><title>A</title><duration>90</duration></event></room></day></schedule>`
	_, err = schedule.ParseXML([]byte(xml), "d.xml")
	checkErrors(t, err, []string{`d.xml:2:68: schedule: duration "90" is a number without a unit; the format wants hours and minutes, such as "01:30" for 90 minutes`})
}

// TestPretalxMarkdown: pretalx's abstracts and descriptions are Markdown,
// which its generator member (XML: <generator>) says; other generators'
// are plain, and a talk without either text has no markup.
func TestPretalxMarkdown(t *testing.T) {
	const js = `{"generator": %s, "schedule": {"conference": {"acronym": "c", "title": "C", "days": [{"index": 1, "date": "2024-03-01", "rooms": {"R": [
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000001", "title": "A", "abstract": "**Bold** claims", "description": "* one\n* two"},
 {"guid": "5e1ee4d6-1b7f-4b61-9c3b-000000000002", "title": "B"}]}}]}}}`
	const xml = `<schedule><generator name="%s" version="2024.1"/><conference><acronym>c</acronym><title>C</title></conference><day index="1" date="2024-03-01"><room name="R">
<event guid="5e1ee4d6-1b7f-4b61-9c3b-000000000001"><title>A</title><abstract>**Bold** claims</abstract></event></room></day></schedule>`
	for _, c := range []struct {
		name, generator string
		want            []talk.Markup
	}{
		{"pretalx.json", `{"name": "pretalx", "version": "2024.1.0"}`, []talk.Markup{talk.Markdown, talk.Plain}},
		{"frab.json", `{"name": "frab", "version": "1.0"}`, []talk.Markup{talk.Plain, talk.Plain}},
		{"pretalx.xml", "pretalx", []talk.Markup{talk.Markdown}},
		{"frab.xml", "frab", []talk.Markup{talk.Plain}},
	} {
		in := fmt.Sprintf(js, c.generator)
		if strings.HasSuffix(c.name, ".xml") {
			in = fmt.Sprintf(xml, c.generator)
		}
		s, err := schedule.Parse([]byte(in), c.name)
		checkErrors(t, err, nil)
		var got []talk.Markup
		for _, tk := range s.Talks {
			got = append(got, tk.Markup)
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s: markups (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestXMLErrorNames: an XML error names the element or attribute the
// file holds, and the text a value has, where it used to name the member
// the reader made of it ("day_start", "do_not_record") and its kind
// ("got string"), which a reader of the XML cannot find.
func TestXMLErrorNames(t *testing.T) {
	data := []byte(`<schedule><conference><acronym>c</acronym><title>C</title><days>two</days></conference>
<day index="1" date="2024-03-01" start="soon" end="2024-03-01T23:00:00+01:00"><room name="A">
<event guid="6d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f"><title>T</title><date>2024-03-01T10:00:00+01:00</date>
<recording><license><a/></license><optout>maybe</optout></recording></event></room></day></schedule>`)
	_, err := schedule.ParseXML(data, "n.xml")
	var list talk.ErrorList
	errors.As(err, &list)
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`n.xml:1:59: schedule: days: want an integer, got "two"`,
		`n.xml:2:1: schedule: start: "soon" is not a date (want YYYY-MM-DD)`,
		`n.xml:4:12: schedule: license: want a string, got object`,
		`n.xml:4:35: schedule: optout: want a boolean, got "maybe"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReaderParse: Reader.Parse tells the forms apart as Parse does and
// reads each within the Reader's MaxBytes, which Parse, the only reader
// of either form, had no way to be given.
func TestReaderParse(t *testing.T) {
	var got []string
	for _, name := range []string{"pair.json", "pair.xml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		s, err := schedule.Reader{}.Parse(data, name)
		got = append(got, fmt.Sprintf("%s: %d talks, %v", name, len(s.Talks), err))
		_, err = schedule.Reader{MaxBytes: 100}.Parse(data, name)
		_, ok := errors.AsType[*talk.LimitError](err)
		got = append(got, fmt.Sprintf("%s: %v, LimitError %v", name, err, ok))
	}
	want := []string{
		"pair.json: 4 talks, <nil>",
		"pair.json: pair.json: schedule size 5585 exceeds the limit of 100, LimitError true",
		"pair.xml: 4 talks, <nil>",
		"pair.xml: pair.xml: schedule size 4708 exceeds the limit of 100, LimitError true",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPastMidnightWords: an item listed after a later one in its room, on
// a day that does not say when it starts, is reported under the member's
// name in XML, and under its pointer alone in JSON, which names it.
func TestPastMidnightWords(t *testing.T) {
	js := `{"schedule": {"version": "1", "conference": {"acronym": "c", "title": "C",
  "days": [{"index": 1, "date": "2016-03-01", "rooms": {"R": [
    {"guid": "5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", "title": "Late", "start": "23:00", "duration": "00:30", "room": "R"},
    {"guid": "6e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10", "title": "Later", "start": "00:30", "duration": "00:30", "room": "R"}]}}]}}}`
	xml := `<schedule><conference><acronym>c</acronym><title>C</title></conference>
<day index="1" date="2016-03-01"><room name="R"><event guid="5e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10"><title>Late</title><start>23:00</start><duration>00:30</duration></event>
<event guid="6e1ee4d6-1b7f-4b61-9c3b-2f9b2a7e4f10"><title>Later</title><start>00:30</start><duration>00:30</duration></event></room></day></schedule>`
	const why = "00:30 is listed after 23:00 in its room, but the day gives no day_start (nor the conference a day_change) to say whether it is past midnight; read as 2016-03-01T00:30:00: give the day's start and end to place it"
	var got []string
	for _, in := range []struct{ name, data string }{{"s.json", js}, {"s.xml", xml}} {
		_, err := schedule.Parse([]byte(in.data), in.name)
		var list talk.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("%s: %v is not a talk.ErrorList", in.name, err)
		}
		for _, e := range list {
			got = append(got, e.Error())
		}
	}
	want := []string{
		"s.json:4:81: /schedule/conference/days/0/rooms/R/1/start: schedule: " + why,
		"s.xml:3:72: schedule: start: " + why,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
