package ical_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
)

var stamp = time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC)

// checkCalendar compares got with testdata/name, as goldenText does, and
// checks that it is well-formed iCalendar.
func checkCalendar(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenText(t, name, got)
	checkSyntax(t, got)
}

// goldenText compares got with testdata/name, which -update rewrites.
func goldenText(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

var berlin = talk.Event{
	ID: "tinycon2024", Title: "TinyCon 2024", TimeZone: "Europe/Berlin",
	Start: talk.MustParseDate("2024-06-01"), End: talk.MustParseDate("2024-06-02"),
	Place: talk.Place{Venue: "Kulturhaus", City: "Berlin", Country: "Germany"},
	URL:   "https://tinycon.example.org/",
}

func testTalks() []*talk.Talk {
	return []*talk.Talk{
		{
			ID: "0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f", Title: "Opening: small, fast; and \\ escaped",
			Subtitle: "Why \"tiny\" matters",
			Speakers: []talk.Speaker{{Name: "Ada Lovelace"}, {Name: "Grace Hopper"}},
			Event:    berlin, Recorded: talk.MustParseDate("2024-06-01T10:00:00+02:00"),
			Duration: talk.Duration(45 * time.Minute), Place: talk.Place{Room: "Saal 1"},
			Summary:     "A short abstract, with a comma; and a semicolon.",
			Description: "Line one.\r\nLine two with <b>markup</b> & an ampersand.\n\nÜmlauts and 日本語 too: " + strings.Repeat("長い説明 ", 12),
			Links:       []talk.Link{{URL: "https://example.org/tinycon/talk/ABCDEF/", Label: "Schedule"}},
			Track:       "Hardware & Making",
		},
		{
			// The offset of the source, not the zone's: the instant counts.
			ID: "late", Title: "After midnight, given in UTC", Event: berlin,
			Recorded: talk.MustParseDate("2024-06-01T22:30:00Z"), Duration: talk.Duration(2*time.Hour + 5*time.Second),
		},
		{
			ID: "offset-only", Title: "An offset and no zone", Event: talk.Event{ID: "nozone"},
			Recorded: talk.MustParseDate("2019-08-21T16:00:00+02:00"), Duration: talk.Duration(30 * time.Minute),
		},
		{
			ID: "floating", Title: "A local time nobody placed", Recorded: talk.MustParseDate("2019-08-21T16:00:00"),
		},
		{
			ID: "day", Title: "A day only", Recorded: talk.MustParseDate("2016-07-21"),
			Duration: talk.Duration(25*time.Minute + 8*time.Second), Event: talk.Event{ID: "europython-2016"},
		},
		{
			ID: "utc", Title: "A conference in UTC", Event: talk.Event{ID: "democon", TimeZone: "UTC"},
			Recorded: talk.MustParseDate("2020-12-14T09:00:00+01:00"), Duration: talk.Duration(30 * time.Minute),
		},
		{
			ID: "nyc-march", Title: "Before the clocks change", Event: talk.Event{ID: "nyc", TimeZone: "America/New_York"},
			Recorded: talk.MustParseDate("2024-03-09T10:00:00"), Duration: talk.Duration(time.Hour),
		},
		{
			ID: "nyc-nov", Title: "After they change back", Event: talk.Event{ID: "nyc", TimeZone: "America/New_York"},
			Recorded: talk.MustParseDate("2024-11-04T10:00:00-05:00"), Duration: talk.Duration(time.Hour),
		},
		{
			// An overnight hackathon across the change to summer time:
			// 26 hours from 23:30 CET end at 02:30 CEST two days later,
			// written as DTEND, since readers such as ical.js add even
			// a "PT26H" to the wall clock and would end it an hour early.
			ID: "hackathon", Title: "Overnight hackathon", Event: berlin,
			Recorded: talk.MustParseDate("2024-03-30T23:30:00"), Duration: talk.Duration(26 * time.Hour),
		},
		{ID: "year", Title: "Only a year", Recorded: talk.MustParseDate("2016"), Origin: talk.Origin{Path: "pycon-2016/videos/year.json"}},
		{Title: "No date and no ID"},
	}
}

func TestWriteCalendar(t *testing.T) {
	var b bytes.Buffer
	err := ical.WriteCalendar(&b, testTalks(), ical.Options{Name: "TinyCon, and friends", Stamp: stamp})
	var ue *ical.UndatedError
	if !errors.As(err, &ue) || !cmp.Equal(ue.IDs, []string{"year", "No date and no ID"}) || !cmp.Equal(ue.Paths, []string{"pycon-2016/videos/year.json", ""}) {
		t.Errorf("got %#v, want the two undated talks named", err)
	}
	// A talk read from a file is named by the file, as other errors name
	// records, and by its ID.
	want := "ical: 2 left out for want of a date: pycon-2016/videos/year.json (year), No date and no ID"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	checkCalendar(t, "talks.ics", b.Bytes())
}

func TestWriteTalk(t *testing.T) {
	var b bytes.Buffer
	if err := ical.WriteTalk(&b, testTalks()[0], ical.Options{Stamp: stamp, ProdID: "-//example//test//EN"}); err != nil {
		t.Fatal(err)
	}
	checkCalendar(t, "talk.ics", b.Bytes())
}

func TestWriteEvent(t *testing.T) {
	var b bytes.Buffer
	if err := ical.WriteEvent(&b, &berlin, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	checkCalendar(t, "event.ics", b.Bytes())
}

// TestEmpty runs the zero model through every writer.
func TestEmpty(t *testing.T) {
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"calendar", func(b *bytes.Buffer) error { return ical.WriteCalendar(b, nil, ical.Options{Stamp: stamp}) }},
		{"talk", func(b *bytes.Buffer) error { return ical.WriteTalk(b, &talk.Talk{}, ical.Options{Stamp: stamp}) }},
		{"event", func(b *bytes.Buffer) error { return ical.WriteEvent(b, &talk.Event{}, ical.Options{Stamp: stamp}) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := tt.write(&b)
			want := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//talkmeta//talkmeta//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n"
			if diff := cmp.Diff(want, b.String()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			var ue *ical.UndatedError
			if tt.name != "calendar" && !errors.As(err, &ue) || tt.name == "calendar" && err != nil {
				t.Errorf("error %v", err)
			}
		})
	}
}

// TestURL writes talks whose links are hostile or malformed: URL is the
// first link that is an absolute http(s) URL, with what a URI may not
// hold percent-encoded, or nothing.
func TestURL(t *testing.T) {
	for _, tt := range []struct {
		links []string
		want  string // the URL property's value; "" for none
	}{
		{[]string{"https://example.org/tinycon/talk/ABCDEF/"}, "https://example.org/tinycon/talk/ABCDEF/"},
		{[]string{"javascript:alert(1)"}, ""},
		{[]string{"JavaScript:alert(1)", "https://example.org/x"}, "https://example.org/x"},
		{[]string{"data:text/html,<script>alert(1)</script>"}, ""},
		{[]string{"rel/page.html", "/abs/page.html", "//example.org/x"}, ""},
		{[]string{"rel/page.html", "http://example.org/"}, "http://example.org/"},
		{[]string{`https://e.org/a b?x="<>`}, "https://e.org/a%20b?x=%22%3C%3E"},
		{[]string{"  https://example.org/padded \n"}, "https://example.org/padded"},
		{[]string{"HTTPS://Example.org/Case"}, "https://Example.org/Case"},
		{[]string{"https://example.org/ü?q=日本#a#b"}, "https://example.org/%C3%BC?q=%E6%97%A5%E6%9C%AC#a%23b"},
		{[]string{"https://example.org/a#b#c"}, "https://example.org/a#b%23c"},
		{[]string{"https://example.org/%41?q=%zz&r=[1]"}, "https://example.org/%41?q=%25zz&r=%5B1%5D"},
		{[]string{"https://[::1]:8080/x"}, "https://[::1]:8080/x"},
		{[]string{"https://example.org/a\r\nX-EVIL:1", "https://example.org/ok"}, "https://example.org/ok"},
		{[]string{"https://docs..org/", "https:///path", "https:example.org", "ftp://example.org/", "mailto:a@example.org"}, ""},
		{[]string{"https://example.org\\@evil.example/"}, ""},
		{[]string{"https://example.org/a\\b|c^d`e{f}"}, "https://example.org/a%5Cb%7Cc%5Ed%60e%7Bf%7D"},
		{nil, ""},
	} {
		t.Run(strings.Join(tt.links, " "), func(t *testing.T) {
			tk := &talk.Talk{ID: "x", Title: "x", Recorded: talk.MustParseDate("2024-06-01")}
			for _, l := range tt.links {
				tk.Links = append(tk.Links, talk.Link{URL: l})
			}
			var b bytes.Buffer
			if err := ical.WriteTalk(&b, tk, ical.Options{Stamp: stamp}); err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, p := range checkSyntax(t, b.Bytes()) {
				if p.name == "URL" {
					got = p.value
				}
			}
			if got != tt.want {
				t.Errorf("URL:%s, want URL:%s", got, tt.want)
			}
		})
	}
	// An event's URL is held to the same.
	var b bytes.Buffer
	ev := berlin
	ev.URL = "javascript:alert(1)"
	if err := ical.WriteEvent(&b, &ev, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "URL:") {
		t.Errorf("an event's javascript: URL was written:\n%s", b.String())
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"a,b;c\\d":                `a\,b\;c\\d`,
		"one\r\ntwo\rthree\nfour": `one\ntwo\nthree\nfour`,
		"tab\there":               "tab\there",
		"bell\a and del\x7f":      "bell and del",
		"bad \xff byte":           "bad \uFFFD byte",
		"日本語":                     "日本語",
	} {
		if got := ical.EscapeText(in); got != want {
			t.Errorf("EscapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	err := ical.WriteCalendar(errWriter{}, testTalks()[:1], ical.Options{})
	if err == nil || err.Error() != "disk full" {
		t.Errorf("got %v, want the writer's error", err)
	}
}

// TestUIDWithoutID: talks without an ID that share a title (the lightning
// talks of each day, or of two rooms at once) get UIDs of their own; with
// one UID, calendar programs would keep only one of them.
func TestUIDWithoutID(t *testing.T) {
	talks := []*talk.Talk{
		{Title: "Lightning talks", Event: berlin, Recorded: talk.MustParseDate("2024-06-01T17:00:00+02:00"), Place: talk.Place{Room: "Saal 1"}},
		{Title: "Lightning talks", Event: berlin, Recorded: talk.MustParseDate("2024-06-02T17:00:00+02:00"), Place: talk.Place{Room: "Saal 1"}},
		{Title: "Lightning talks", Event: berlin, Recorded: talk.MustParseDate("2024-06-02T17:00:00+02:00"), Place: talk.Place{Room: "Saal 2"}},
		{Title: "🐍", Recorded: talk.MustParseDate("2024-06-02")},
	}
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, talks, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(b.String(), "\r\n") {
		if strings.HasPrefix(line, "UID:") {
			got = append(got, line)
		}
	}
	want := []string{
		"UID:lightning-talks-2024-06-01T17:00:00+02:00-saal-1@tinycon2024",
		"UID:lightning-talks-2024-06-02T17:00:00+02:00-saal-1@tinycon2024",
		"UID:lightning-talks-2024-06-02T17:00:00+02:00-saal-2@tinycon2024",
		"UID:talk-fee4e43874ecb257-2024-06-02",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestUndatedErrorUnnamed: a record left out that has no ID, title or
// file is still named by something, not by nothing after a colon.
func TestUndatedErrorUnnamed(t *testing.T) {
	var got []string
	err := ical.WriteCalendar(io.Discard, []*talk.Talk{{}, {Origin: talk.Origin{Path: "ev/videos/x.json"}}, {ID: "a"}}, ical.Options{Stamp: stamp})
	got = append(got, fmt.Sprint(err))
	err = ical.WriteEvent(io.Discard, &talk.Event{}, ical.Options{Stamp: stamp})
	got = append(got, fmt.Sprint(err))
	want := []string{
		"ical: 3 left out for want of a date: (no ID or title), ev/videos/x.json, a",
		"ical: 1 left out for want of a date: (no ID or title)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNil: a nil talk or event is an error naming its place, not a
// panic, and nothing is written.
func TestNil(t *testing.T) {
	var b bytes.Buffer
	var got []string
	got = append(got, fmt.Sprint(ical.WriteCalendar(&b, []*talk.Talk{testTalks()[0], nil}, ical.Options{Stamp: stamp})))
	got = append(got, fmt.Sprint(ical.WriteTalk(&b, nil, ical.Options{Stamp: stamp})))
	got = append(got, fmt.Sprint(ical.WriteEvent(&b, nil, ical.Options{Stamp: stamp})))
	want := []string{"ical: talks[1] is nil", "ical: talk is nil", "ical: event is nil"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
	var ne *talk.NilError
	if err := ical.WriteTalk(&b, nil, ical.Options{}); !errors.As(err, &ne) {
		t.Errorf("WriteTalk(nil) = %v, want a *talk.NilError", err)
	}
}

// TestNotUTF8: a talk or an event whose text is not UTF-8, which
// iCalendar requires, is its CheckUTF8 error, naming a record read from
// no file by its ID, where the calendar held the bad bytes; nothing is
// written.
func TestNotUTF8(t *testing.T) {
	bad := testTalks()[0]
	bad.Speakers = append(bad.Speakers, talk.Speaker{Name: "Jos\xe9"})
	var b bytes.Buffer
	var got []string
	var te *talk.TextError
	for _, err := range []error{
		ical.WriteCalendar(&b, []*talk.Talk{testTalks()[0], bad}, ical.Options{Stamp: stamp}),
		ical.WriteTalk(&b, bad, ical.Options{Stamp: stamp}),
		ical.WriteEvent(&b, &talk.Event{ID: "e", Title: "Caf\xe9", Start: talk.MustParseDate("2024-03-05")}, ical.Options{Stamp: stamp}),
	} {
		got = append(got, fmt.Sprint(err, " ", errors.As(err, &te)))
	}
	speakerErr := fmt.Sprintf(`id %q: /speakers/%d/name: talk: "Jos\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8 true`, bad.ID, len(bad.Speakers)-1)
	want := []string{speakerErr, speakerErr,
		`id "e": /title: talk: "Caf\xe9" is not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8 true`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// TestEventEndsBeforeStart: an event whose last day is before its first
// would have its DTEND before its DTSTART, which RFC 5545 forbids: it is
// a *RangeError naming the event and both days, and nothing is written.
func TestEventEndsBeforeStart(t *testing.T) {
	ev := &talk.Event{ID: "conf", Start: talk.MustParseDate("2024-03-05"), End: talk.MustParseDate("2024-03-01T18:00:00"),
		Origin: talk.Origin{Path: "conf/category.json"}}
	var b bytes.Buffer
	err := ical.WriteEvent(&b, ev, ical.Options{Stamp: stamp})
	want := `ical: conf/category.json (conf): DTEND "2024-03-01" is before the event's start, 2024-03-05`
	if got := fmt.Sprint(err); got != want {
		t.Errorf("error = %s\nwant    %s", got, want)
	}
	var re *ical.RangeError
	if !errors.As(err, &re) {
		t.Errorf("error %v is not a *RangeError", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q", b.String())
	}
}

// TestYearRange: iCalendar writes four-digit years. A talk at
// 9999-12-31T23:30-05:00 starts in 10000 in UTC: a *RangeError naming the
// record, and nothing is written. An event ending on 9999-12-31, whose
// DTEND would be 10000-01-01, gets its DURATION in days instead, as a
// day-only talk does (TestAllDayDuration), rather than be refused.
func TestYearRange(t *testing.T) {
	ev := &talk.Event{ID: "last", Start: talk.MustParseDate("9999-12-30"), End: talk.MustParseDate("9999-12-31"),
		Origin: talk.Origin{Path: "last/category.json"}}
	late := &talk.Talk{ID: "t1", Recorded: talk.MustParseDate("9999-12-31T23:30:00-05:00"), Origin: talk.Origin{Path: "s.json"}}
	early := &talk.Talk{Title: "Early", Recorded: talk.MustParseDate("0000-01-01T00:30:00+01:00")}
	huge := talk.DateTimeOf(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), true)
	tests := []struct {
		name string
		run  func(w io.Writer) error
		want string
	}{
		{"event start", func(w io.Writer) error {
			return ical.WriteEvent(w, &talk.Event{ID: "e", Start: huge}, ical.Options{Stamp: stamp})
		}, `ical: e: DTSTART "10000-01-01T00:00:00Z" has a year outside 0000-9999, which iCalendar dates cannot hold`},
		{"talk after 9999 in UTC", func(w io.Writer) error { return ical.WriteTalk(w, late, ical.Options{Stamp: stamp}) },
			`ical: s.json (t1): DTSTART "10000-01-01T04:30:00Z" has a year outside 0000-9999, which iCalendar dates cannot hold`},
		{"talk before 0000 in UTC", func(w io.Writer) error { return ical.WriteCalendar(w, []*talk.Talk{early}, ical.Options{Stamp: stamp}) },
			`ical: Early: DTSTART "-0001-12-31T23:30:00Z" has a year outside 0000-9999, which iCalendar dates cannot hold`},
		{"stamp", func(w io.Writer) error {
			return ical.WriteCalendar(w, nil, ical.Options{Stamp: time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)})
		}, `ical: DTSTAMP "12000-01-01T00:00:00Z" has a year outside 0000-9999, which iCalendar dates cannot hold`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := tt.run(&b)
			if got := fmt.Sprint(err); got != tt.want {
				t.Errorf("error = %s\nwant    %s", got, tt.want)
			}
			var re *ical.RangeError
			var de *talk.DateError
			if !errors.As(err, &re) || !errors.As(err, &de) {
				t.Errorf("error %v is not a *RangeError wrapping a *talk.DateError", err)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %q", b.String())
			}
		})
	}
	// The last day iCalendar can hold as a DTEND is 9999-12-31: an event
	// ending on the 30th has it, one ending on the 31st a DURATION.
	for end, want := range map[string]string{"9999-12-30": "DTEND;VALUE=DATE:99991231", "9999-12-31": "DURATION:P2D"} {
		ev.End = talk.MustParseDate(end)
		var b bytes.Buffer
		if err := ical.WriteEvent(&b, ev, ical.Options{Stamp: stamp}); err != nil {
			t.Fatal(err)
		}
		wantText := strings.Join([]string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//talkmeta//talkmeta//EN", "CALSCALE:GREGORIAN",
			"BEGIN:VEVENT", "UID:last", "DTSTAMP:20240701T120000Z", "DTSTART;VALUE=DATE:99991230", want,
			"END:VEVENT", "END:VCALENDAR", ""}, "\r\n")
		if diff := cmp.Diff(wantText, b.String()); diff != "" {
			t.Errorf("ending %s (-want +got):\n%s", end, diff)
		}
	}
}

// TestRangeErrorZero: a RangeError without its DateError, as a caller
// may build one, formats rather than dereference nil.
func TestRangeErrorZero(t *testing.T) {
	got := []string{(&ical.RangeError{}).Error(), (&ical.RangeError{ID: "x", Property: "DTEND"}).Error()}
	want := []string{
		`ical:  "" has a year outside 0000-9999, which iCalendar dates cannot hold`,
		`ical: x: DTEND "" has a year outside 0000-9999, which iCalendar dates cannot hold`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLocalZone: an event whose time zone is "Local", which the event
// schema admits, has no zone to write: time.LoadLocation takes it for the
// zone of the machine, so each would write a VTIMEZONE of its own. It is
// a *ical.ZoneError, as an unknown zone is (TestUnknownZone): written
// floating, the talk would lose its place without a word.
//
// So are the names that time.LoadLocation takes from the files of some
// systems but that are no zone's: "localtime" (on Debian a link to the
// machine's zone), and the "posix/" and "right/" copies of the database,
// whose "right/" changes of the clocks fall 27 seconds late.
func TestLocalZone(t *testing.T) {
	for _, zone := range []string{"Local", "localtime", "posixrules", "posix/Europe/Berlin", "right/Europe/Berlin"} {
		t.Run(zone, func(t *testing.T) {
			tk := &talk.Talk{ID: "t", Title: "T", Recorded: talk.MustParseDate("2024-07-01T10:00:00"),
				Duration: talk.Duration(time.Hour), Event: talk.Event{ID: "ev", TimeZone: zone}}
			var b bytes.Buffer
			err := ical.WriteTalk(&b, tk, ical.Options{Stamp: stamp})
			var ze *ical.ZoneError
			if !errors.As(err, &ze) {
				t.Fatalf("error %v, want a *ical.ZoneError", err)
			}
			want := &ical.ZoneError{ID: "t", Zone: zone}
			if diff := cmp.Diff(want, ze); diff != "" || b.Len() != 0 {
				t.Errorf("(-want +got):\n%s\nwritten: %q", diff, b.String())
			}
		})
	}
}

// TestUnknownZone: a talk whose event names a time zone the zone
// database lacks (misspelt, retired, a Windows name) is an error naming
// the talk, its file and the zone, and nothing is written, rather than a
// floating time each reader puts in its own zone (or, with an offset, a
// time in UTC that quietly drops the zone); a date alone, which no zone
// moves, and a zone of UTC by another name are written as before.
func TestUnknownZone(t *testing.T) {
	at := talk.MustParseDate("2024-07-01T10:00:00")
	cases := []struct {
		name string
		t    talk.Talk
		want string
	}{
		{"misspelt", talk.Talk{ID: "t1", Origin: talk.Origin{Path: "talks/t1.json"}, Recorded: at, Event: talk.Event{TimeZone: "Europe/Berln"}},
			`ical: talks/t1.json (t1): time zone "Europe/Berln" is not in the zone database, so the talk's time cannot be placed`},
		{"windows name, with offset", talk.Talk{Title: "Keynote", Recorded: talk.MustParseDate("2024-07-01T10:00:00+02:00"),
			Event: talk.Event{TimeZone: "W. Europe Standard Time"}},
			`ical: Keynote: time zone "W. Europe Standard Time" is not in the zone database, so the talk's time cannot be placed`},
		{"nameless", talk.Talk{Recorded: at, Event: talk.Event{TimeZone: "Mars/Olympus_Mons"}},
			`ical: talks[1]: time zone "Mars/Olympus_Mons" is not in the zone database, so the talk's time cannot be placed`},
		{"date alone", talk.Talk{ID: "d", Recorded: talk.MustParseDate("2024-07-01"), Event: talk.Event{TimeZone: "Europe/Berln"}}, ""},
		{"UTC by another name", talk.Talk{ID: "u", Recorded: at, Event: talk.Event{TimeZone: "Etc/Zulu"}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			first := &talk.Talk{ID: "fine", Recorded: at, Event: talk.Event{TimeZone: "Europe/Berlin"}}
			var b bytes.Buffer
			err := ical.WriteCalendar(&b, []*talk.Talk{first, &c.t}, ical.Options{Stamp: stamp})
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if c.want != "" {
				var ze *ical.ZoneError
				if !errors.As(err, &ze) || ze.Index != 1 || ze.Zone != c.t.Event.TimeZone || b.Len() != 0 {
					t.Errorf("got %#v and %d bytes, want a *ical.ZoneError for talks[1] and nothing written", err, b.Len())
				}
			}
		})
	}
}

// TestEventUID: an event without an ID still gets a UID, which RFC 5545
// requires of every VEVENT, and events of one title in different years
// get UIDs of their own, so that importing one does not replace the other.
func TestEventUID(t *testing.T) {
	var got []string
	for _, e := range []talk.Event{
		{ID: "pycon-2024", Title: "PyCon", Start: talk.MustParseDate("2024-05-15")},
		{Title: "PyCon", Start: talk.MustParseDate("2023-04-19"), End: talk.MustParseDate("2023-04-27")},
		{Title: "PyCon", Start: talk.MustParseDate("2024-05-15T09:00:00-04:00")},
		{Title: "🐍", Start: talk.MustParseDate("2024-05-15")},
		{Start: talk.MustParseDate("2024-05-15")},
	} {
		var b bytes.Buffer
		if err := ical.WriteEvent(&b, &e, ical.Options{Stamp: stamp}); err != nil {
			t.Fatal(err)
		}
		uid := "(none)"
		for _, p := range checkSyntax(t, b.Bytes()) {
			if p.name == "UID" {
				uid = p.value
			}
		}
		got = append(got, uid)
	}
	want := []string{"pycon-2024", "pycon-2023-04-19", "pycon-2024-05-15", "event-fee4e43874ecb257-2024-05-15", "event-cbf29ce484222325-2024-05-15"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestSharedID: talks that share an ID (a workshop held twice under one
// guid, two schedules merged, a record written twice) each keep a UID of
// their own, as does every talk of a calendar; with one UID a calendar
// program keeps only one of them. Reordering the talks does not change
// which UID a talk gets.
func TestSharedID(t *testing.T) {
	const guid = "6f7c2e1a-8b9d-4c3e-a1f2-0b1c2d3e4f5a"
	ev := talk.Event{ID: "camp"}
	talks := []*talk.Talk{
		{ID: guid, Title: "Soldering workshop", Event: ev, Recorded: talk.MustParseDate("2024-08-01T10:00:00Z"), Place: talk.Place{Room: "Hardware tent"}},
		{ID: "unique", Title: "Keynote", Event: ev, Recorded: talk.MustParseDate("2024-08-01T09:00:00Z")},
		{ID: guid, Title: "Soldering workshop", Event: ev, Recorded: talk.MustParseDate("2024-08-02T10:00:00Z"), Place: talk.Place{Room: "Hardware tent"}},
		{ID: "42", Title: "Same ID, other event", Event: talk.Event{ID: "other"}, Recorded: talk.MustParseDate("2024-08-01")},
		{ID: "42", Title: "Written twice", Event: ev, Recorded: talk.MustParseDate("2024-08-01")},
		{ID: "42", Title: "Written twice", Event: ev, Recorded: talk.MustParseDate("2024-08-01")},
	}
	uidsOf := func(talks []*talk.Talk) map[string]string {
		var b bytes.Buffer
		if err := ical.WriteCalendar(&b, talks, ical.Options{Stamp: stamp}); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		var id string
		for _, p := range checkSyntax(t, b.Bytes()) {
			switch p.name {
			case "UID":
				id = p.value
			case "SUMMARY":
				got[id] = unescape(p.value)
			}
		}
		return got
	}
	want := map[string]string{
		guid + "-2024-08-01T10:00:00Z-hardware-tent@camp": "Soldering workshop",
		"unique@camp": "Keynote",
		guid + "-2024-08-02T10:00:00Z-hardware-tent@camp": "Soldering workshop",
		"42@other":             "Same ID, other event",
		"42-2024-08-01@camp":   "Written twice",
		"42-2024-08-01@camp-2": "Written twice",
	}
	if diff := cmp.Diff(want, uidsOf(talks)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	slices.Reverse(talks)
	if diff := cmp.Diff(want, uidsOf(talks)); diff != "" {
		t.Errorf("reversed (-want +got):\n%s", diff)
	}
}

// TestAllDayDuration: a talk known by its day alone that lasts more than
// a day (a two-day workshop) spans the days it needs at least, and one
// of a day or less (or of unknown length) its one day, each with a DTEND
// the day after its last, since Exchange refuses a VEVENT with neither
// DTEND nor DURATION; on 9999-12-31, where DTEND cannot be written, its
// DURATION in days.
func TestAllDayDuration(t *testing.T) {
	var talks []*talk.Talk
	for i, d := range []time.Duration{0, 45 * time.Minute, 24 * time.Hour, 24*time.Hour + time.Second, 48 * time.Hour, 60 * time.Hour} {
		talks = append(talks, &talk.Talk{ID: fmt.Sprint("w", i), Recorded: talk.MustParseDate("2024-06-01"), Duration: talk.Duration(d)})
	}
	talks = append(talks, &talk.Talk{ID: "last", Recorded: talk.MustParseDate("9999-12-31")})
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, talks, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	event := func(id, start, end string) string {
		return "BEGIN:VEVENT\r\nUID:" + id + "\r\nDTSTAMP:20240701T120000Z\r\nDTSTART;VALUE=DATE:" + start + "\r\n" +
			end + "\r\nEND:VEVENT\r\n"
	}
	day := func(id, end string) string { return event(id, "20240601", "DTEND;VALUE=DATE:"+end) }
	want := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//talkmeta//talkmeta//EN\r\nCALSCALE:GREGORIAN\r\n" +
		day("w0", "20240602") + day("w1", "20240602") + day("w2", "20240602") + day("w3", "20240603") +
		day("w4", "20240603") + day("w5", "20240604") + event("last", "99991231", "DURATION:P1D") +
		"END:VCALENDAR\r\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestYearZeroLocalMeanTime: a talk in the first hour of 0000-01-01 in
// Berlin, whose local mean time is +00:53:28, is in year -1 in UTC, so
// it keeps its TZID form rather than be written "-00011231T233632Z".
func TestYearZeroLocalMeanTime(t *testing.T) {
	tk := &talk.Talk{ID: "t", Recorded: talk.MustParseDate("0000-01-01T00:30:00"), Duration: talk.Duration(time.Hour),
		Event: talk.Event{TimeZone: "Europe/Berlin"}}
	var b bytes.Buffer
	if err := ical.WriteTalk(&b, tk, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//talkmeta//talkmeta//EN", "CALSCALE:GREGORIAN",
		"BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
		"BEGIN:STANDARD", "DTSTART:00000101T000000", "TZOFFSETFROM:+005328", "TZOFFSETTO:+005328", "TZNAME:LMT", "END:STANDARD",
		"END:VTIMEZONE",
		"BEGIN:VEVENT", "UID:t", "DTSTAMP:20240701T120000Z", "DTSTART;TZID=Europe/Berlin:00000101T003000",
		"DURATION:PT1H", "END:VEVENT", "END:VCALENDAR", "",
	}, "\r\n")
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParts: a lightning-talk block's DESCRIPTION lists the talks within
// it with their speakers, a part's own parts indented under it; before,
// a calendar said nothing of what the block held. A speaker is named as
// pages name them (talk.Speaker.DisplayName), where one known by a
// handle or by the name's parts alone was left out.
func TestParts(t *testing.T) {
	tk := &talk.Talk{ID: "lt", Title: "Lightning talks", Recorded: talk.MustParseDate("2024-06-01T17:00:00Z"),
		Duration: talk.Duration(time.Hour), Speakers: []talk.Speaker{{Name: "Host"}, {Accounts: []talk.Account{{Handle: "ghopper"}}}},
		Parts: []talk.Talk{
			{Title: "One, two; three", Speakers: []talk.Speaker{{Name: "Ada"}, {Name: ""}, {GivenName: "Grace", FamilyName: "Hopper"}}},
			{ID: "untitled-part"},
			{Speakers: []talk.Speaker{{Name: "Nobody's title"}}},
			{Title: "A panel\nover two lines", Parts: []talk.Talk{{Title: "Opening", Speakers: []talk.Speaker{{Name: "Chair"}}}}},
		}}
	var b bytes.Buffer
	if err := ical.WriteTalk(&b, tk, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//talkmeta//talkmeta//EN", "CALSCALE:GREGORIAN",
		"BEGIN:VEVENT", "UID:lt", "DTSTAMP:20240701T120000Z", "DTSTART:20240601T170000Z", "DURATION:PT1H",
		"SUMMARY:Lightning talks",
		`DESCRIPTION:Speakers: Host\, @ghopper\n\nParts:\n- One\, two\; three (Ada\,`,
		`  Grace Hopper)\n- untitled-part\n- (Nobody's title)\n- A panel over two li`,
		` nes\n  - Opening (Chair)`,
		"END:VEVENT", "END:VCALENDAR", "",
	}, "\r\n")
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	checkSyntax(t, b.Bytes())
}

// TestFoldEscape: a fold never falls between a TEXT escape's backslash
// and what it escapes, which Outlook, Google Calendar and SOGo read
// wrongly, though RFC 5545 allows it; an escaped backslash that ends a
// chunk ("\\") is whole, and the fold stays where it was.
func TestFoldEscape(t *testing.T) {
	pad := strings.Repeat("a", 62) // "DESCRIPTION:" and pad are 74 octets
	tk := &talk.Talk{ID: "t", Recorded: talk.MustParseDate("2024-06-01"), Title: strings.Repeat("a", 65) + `\x`,
		Description: pad + "\nnext" + strings.Repeat("b", 72) + ",c" + strings.Repeat("d", 71) + `\\e`}
	var b bytes.Buffer
	if err := ical.WriteTalk(&b, tk, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//talkmeta//talkmeta//EN", "CALSCALE:GREGORIAN",
		"BEGIN:VEVENT", "UID:t", "DTSTAMP:20240701T120000Z", "DTSTART;VALUE=DATE:20240601", "DTEND;VALUE=DATE:20240602",
		"SUMMARY:" + strings.Repeat("a", 65) + `\\`, " x",
		"DESCRIPTION:" + pad,
		` \nnext` + strings.Repeat("b", 68),
		` ` + strings.Repeat("b", 4) + `\,c` + strings.Repeat("d", 67),
		` ` + strings.Repeat("d", 4) + `\\\\e`,
		"END:VEVENT", "END:VCALENDAR", "",
	}, "\r\n")
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	checkSyntax(t, b.Bytes())
}

// calendarOf writes talks as a calendar stamped with stamp and returns
// its text.
func calendarOf(t *testing.T, talks ...*talk.Talk) string {
	t.Helper()
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, talks, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	checkSyntax(t, b.Bytes())
	return b.String()
}

// calendarHead and calendarTail are what every calendar written with
// the zero Options begins and ends with.
const (
	calendarHead = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//talkmeta//talkmeta//EN\r\nCALSCALE:GREGORIAN\r\n"
	calendarTail = "END:VCALENDAR\r\n"
)

// TestUTCAliases: a conference whose zone is UTC by another of its
// names ("Etc/UTC", "GMT", "Zulu") is written in UTC ("...Z"), as one in
// "UTC" is, with no VTIMEZONE that would only say +0000.
func TestUTCAliases(t *testing.T) {
	for _, name := range []string{"UTC", "Etc/UTC", "Etc/UCT", "GMT", "Etc/GMT", "Zulu", "Etc/Greenwich"} {
		t.Run(name, func(t *testing.T) {
			got := calendarOf(t, &talk.Talk{ID: "t", Recorded: talk.MustParseDate("2024-06-01T10:00:00"),
				Duration: talk.Duration(30 * time.Minute), Event: talk.Event{TimeZone: name}})
			want := calendarHead + "BEGIN:VEVENT\r\nUID:t\r\nDTSTAMP:20240701T120000Z\r\nDTSTART:20240601T100000Z\r\n" +
				"DURATION:PT30M\r\nEND:VEVENT\r\n" + calendarTail
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestDurationRounds: a duration with a fraction of a second (ISO 8601
// "PT44M59.6S") is written to the nearest whole second, which RFC 5545's
// dur-value holds, not cut short.
func TestDurationRounds(t *testing.T) {
	d, err := talk.ParseDuration("PT44M59.6S")
	if err != nil {
		t.Fatal(err)
	}
	got := calendarOf(t, &talk.Talk{ID: "t", Recorded: talk.MustParseDate("2024-06-01T10:00:00Z"), Duration: d})
	want := calendarHead + "BEGIN:VEVENT\r\nUID:t\r\nDTSTAMP:20240701T120000Z\r\nDTSTART:20240601T100000Z\r\n" +
		"DURATION:PT45M\r\nEND:VEVENT\r\n" + calendarTail
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLocation: LOCATION says each place once, though a talk's venue is
// mostly its event's, and a talk's own city, region and country come
// before its event's (a satellite workshop in another town).
func TestLocation(t *testing.T) {
	ev := talk.Event{Place: talk.Place{Venue: "Kulturhaus", City: "Berlin", Region: "Berlin", Country: "Germany"}}
	for _, tt := range []struct {
		own  talk.Place
		want string
	}{
		{talk.Place{Room: "Saal 1", Venue: "Kulturhaus"}, "Saal 1, Kulturhaus, Berlin, Germany"},
		{talk.Place{Room: "Lab", Venue: "Makerspace", City: "Potsdam", Region: "Brandenburg"}, "Lab, Makerspace, Kulturhaus, Potsdam, Brandenburg, Germany"},
	} {
		got := calendarOf(t, &talk.Talk{ID: "t", Recorded: talk.MustParseDate("2024-06-01"), Place: tt.own, Event: ev})
		want := calendarHead + "BEGIN:VEVENT\r\nUID:t\r\nDTSTAMP:20240701T120000Z\r\nDTSTART;VALUE=DATE:20240601\r\n" +
			"DTEND;VALUE=DATE:20240602\r\nLOCATION:" + ical.EscapeText(tt.want) + "\r\nEND:VEVENT\r\n" + calendarTail
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", tt.own, diff)
		}
	}
}
