package ical_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
)

// zoneCase is a talk in a zone whose clocks change.
type zoneCase struct {
	zone, date string
	dur        time.Duration
}

// zoneCases are the times calendars get wrong: a DST gap and the repeated
// hour (given with either offset, or none), talks across a change of the
// clocks, zones whose rules changed over the years, the day Samoa
// skipped, Lord Howe's half-hour DST, local mean time before 1900, a
// fixed zone before 1970, and the winter (Dublin) and Ramadan (Casablanca)
// time that tzdata calls daylight saving, an hour back.
var zoneCases = []zoneCase{
	{"Europe/Berlin", "2024-03-31T02:30:00", time.Hour},
	{"Europe/Berlin", "2024-10-27T02:30:00", time.Hour},
	{"Europe/Berlin", "2024-10-27T02:30:00+02:00", time.Hour},
	{"Europe/Berlin", "2024-10-27T02:30:00+01:00", time.Hour},
	{"Europe/Berlin", "2024-10-27T00:30:00", 2 * time.Hour}, // ends in the first 02:30
	{"Europe/Berlin", "2024-10-26T23:00:00", 5 * time.Hour},
	{"Europe/Berlin", "1850-06-01T10:00:00", time.Hour},
	{"Europe/Berlin", "1975-06-01T10:00:00", time.Hour},
	{"Europe/Moscow", "2010-06-01T10:00:00", time.Hour},
	{"Europe/Moscow", "2012-06-01T10:00:00", time.Hour},
	{"Europe/Moscow", "2015-06-01T10:00:00", time.Hour},
	{"America/Sao_Paulo", "2018-11-04T00:30:00", time.Hour},
	{"America/Sao_Paulo", "2019-02-16T23:30:00", time.Hour},
	{"America/Sao_Paulo", "2023-02-16T23:30:00", time.Hour},
	{"Asia/Tehran", "2021-06-01T10:00:00", time.Hour},
	{"Asia/Tehran", "2023-06-01T10:00:00", time.Hour},
	{"Pacific/Apia", "2011-12-29T10:00:00", time.Hour},
	{"Pacific/Apia", "2011-12-29T23:30:00", time.Hour},
	{"Pacific/Apia", "2011-12-31T10:00:00", time.Hour},
	{"Australia/Lord_Howe", "2024-04-07T01:45:00", time.Hour},
	{"Australia/Lord_Howe", "2024-10-06T02:15:00", time.Hour},
	{"Asia/Kolkata", "2024-06-01T10:00:00", time.Hour},
	{"Etc/GMT-3", "1960-06-01T10:00:00", time.Hour},
	{"America/New_York", "2024-11-03T01:30:00", time.Hour},
	{"America/New_York", "2024-11-03T01:30:00-05:00", time.Hour},
	{"Europe/Dublin", "2024-01-10T10:00:00", time.Hour},
	{"Europe/Dublin", "2024-07-10T10:00:00", time.Hour},
	{"Africa/Casablanca", "2024-03-20T10:00:00", time.Hour},
	{"Africa/Casablanca", "2024-05-20T10:00:00", time.Hour},
}

// TestZones writes zoneCases as one calendar and checks, reading the
// output as RFC 5545 says (each VTIMEZONE's observances, a repeated wall
// time's first occurrence), that every talk starts and ends at the
// instants Go's zone database gives, a wall clock read as RFC 5545 reads
// it ([zone.Wall]: a skipped time with the offset before the change, a
// repeated one as the first); and the whole output against zones.ics,
// and those instants against zones.instants.
func TestZones(t *testing.T) {
	var talks []*talk.Talk
	var want []string
	for i, c := range zoneCases {
		d := talk.MustParseDate(c.date)
		at := d.Time()
		if d.Precision() == talk.DateTime {
			loc, err := time.LoadLocation(c.zone)
			if err != nil {
				t.Fatal(err)
			}
			at, _ = zone.Wall(at, loc)
		}
		id := fmt.Sprintf("z%02d", i)
		talks = append(talks, &talk.Talk{ID: id, Title: c.zone + " " + c.date, Recorded: d,
			Duration: talk.Duration(c.dur), Event: talk.Event{TimeZone: c.zone}})
		want = append(want, fmt.Sprintf("%s %s %s", id, at.UTC().Format(time.RFC3339), at.Add(c.dur).UTC().Format(time.RFC3339)))
	}
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, talks, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	golden(t, "zones.ics", b.Bytes())
	// What Go's zone database says, for .ci/ical/zones.sh to check against ical.js.
	goldenText(t, "zones.instants", []byte(strings.Join(want, "\n")+"\n"))
	got := readInstants(t, checkSyntax(t, b.Bytes()))
	if diff := cmpDiff(want, got); diff != "" {
		t.Errorf("instants (-want +got):\n%s", diff)
	}
}

// TestFarApart: talks 800 years apart in one zone read at Go's instants,
// though 1,600 changes of the clocks lie between them, and the VTIMEZONE
// says only what the two need. (Not in zones.ics: a change to the
// zone's future rules would change it.)
func TestFarApart(t *testing.T) {
	props, text := berlinCalendar(t, time.Hour, "1900-01-15T10:00:00+01:00", "2700-07-15T10:00:00+02:00")
	if n := len(observanceStarts(props)); n != 2 {
		t.Errorf("%d observances, want the 2 in effect at the talks:\n%s", n, text)
	}
}

// TestNewYearsAfterRules: talks over the new year in years whose changes
// of the clocks Go computes from the zone's rule, where its own bounds
// end a state at each new year, and in a leap year a day early
// (golang.org/issue/81583): the VTIMEZONE has the one change before each
// talk, and no observance that changes nothing.
func TestNewYearsAfterRules(t *testing.T) {
	props, text := berlinCalendar(t, 48*time.Hour, "2039-12-31T20:00:00+01:00", "2040-12-31T20:00:00+01:00")
	if diff := cmp.Diff([]string{"20391030T030000", "20401028T030000"}, observanceStarts(props)); diff != "" {
		t.Errorf("observances' starts (-want +got):\n%s\n%s", diff, text)
	}
}

// berlinCalendar writes a calendar of talks in Europe/Berlin at dates
// (with their offsets) lasting dur each, checks that reading it as RFC
// 5545 says gives Go's instants, and returns its properties and text.
func berlinCalendar(t *testing.T, dur time.Duration, dates ...string) ([]property, string) {
	t.Helper()
	var talks []*talk.Talk
	var want []string
	for i, date := range dates {
		d := talk.MustParseDate(date)
		id := fmt.Sprint("t", i)
		talks = append(talks, &talk.Talk{ID: id, Recorded: d, Duration: talk.Duration(dur), Event: talk.Event{TimeZone: "Europe/Berlin"}})
		want = append(want, fmt.Sprintf("%s %s %s", id, d.Time().UTC().Format(time.RFC3339), d.Time().Add(dur).UTC().Format(time.RFC3339)))
	}
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, talks, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	props := checkSyntax(t, b.Bytes())
	if diff := cmpDiff(want, readInstants(t, props)); diff != "" {
		t.Errorf("instants (-want +got):\n%s", diff)
	}
	return props, b.String()
}

// observanceStarts lists the DTSTART of each observance of a calendar's
// VTIMEZONEs.
func observanceStarts(props []property) []string {
	var starts []string
	for i, p := range props {
		if p.name == "DTSTART" && i > 0 && props[i-1].name == "BEGIN" && (props[i-1].value == "STANDARD" || props[i-1].value == "DAYLIGHT") {
			starts = append(starts, p.value)
		}
	}
	return starts
}

// cmpDiff lists the lines of want and got that differ.
func cmpDiff(want, got []string) string {
	var b strings.Builder
	for i := range max(len(want), len(got)) {
		w, g := "", ""
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			fmt.Fprintf(&b, "-%s\n+%s\n", w, g)
		}
	}
	return b.String()
}

// observance is one STANDARD or DAYLIGHT part of a VTIMEZONE.
type observance struct {
	onset    time.Time // the instant it starts
	from, to int       // TZOFFSETFROM, TZOFFSETTO in seconds
}

// readInstants reads each VEVENT's start and end as instants, "UID start
// end", through the calendar's VTIMEZONEs as RFC 5545 reads them.
func readInstants(t *testing.T, props []property) []string {
	t.Helper()
	zones := map[string][]observance{}
	var tzid string
	var obs observance
	var local time.Time
	var out []string
	var uid string
	var start time.Time
	for _, p := range props {
		switch p.name {
		case "TZID":
			tzid = p.value
		case "DTSTART", "DTEND":
			if tzid != "" && uid == "" { // an observance's
				local = parseTime(t, p.value)
				continue
			}
			at := eventTime(t, p, zones)
			if p.name == "DTSTART" {
				start = at
			} else {
				out = append(out, fmt.Sprintf("%s %s %s", uid, start.Format(time.RFC3339), at.Format(time.RFC3339)))
				uid = ""
			}
		case "TZOFFSETFROM":
			obs.from = parseOffset(t, p.value)
		case "TZOFFSETTO":
			obs.to = parseOffset(t, p.value)
		case "END":
			switch p.value {
			case "STANDARD", "DAYLIGHT":
				obs.onset = local.Add(-time.Duration(obs.from) * time.Second)
				zones[tzid] = append(zones[tzid], obs)
			case "VTIMEZONE":
				slices.SortFunc(zones[tzid], func(a, b observance) int { return a.onset.Compare(b.onset) })
				tzid = ""
			}
		case "UID":
			uid = p.value
		case "DURATION":
			d, err := time.ParseDuration(strings.ToLower(strings.TrimPrefix(p.value, "PT")))
			if err != nil {
				t.Fatalf("DURATION:%s: %v", p.value, err)
			}
			out = append(out, fmt.Sprintf("%s %s %s", uid, start.Format(time.RFC3339), start.Add(d).Format(time.RFC3339)))
			uid = ""
		}
	}
	return out
}

// eventTime reads a VEVENT's DATE-TIME as an instant in UTC: a local
// time with TZID through the zone's observances, taking a time that
// occurs twice for its first occurrence and one in a gap in the offset
// before it (RFC 5545 section 3.3.5).
func eventTime(t *testing.T, p property, zones map[string][]observance) time.Time {
	t.Helper()
	if v, ok := strings.CutSuffix(p.value, "Z"); ok {
		return parseTime(t, v)
	}
	tzid, ok := strings.CutPrefix(p.params, "TZID=")
	obs := zones[tzid]
	if !ok || len(obs) == 0 {
		t.Fatalf("%s;%s:%s has no VTIMEZONE", p.name, p.params, p.value)
	}
	local := parseTime(t, p.value)
	for i, o := range obs {
		at := local.Add(-time.Duration(o.to) * time.Second)
		if at.Before(o.onset) {
			if i == 0 {
				t.Fatalf("%s:%s is before the zone %s's first observance", p.name, p.value, tzid)
			}
			// In the gap the change left: the offset before it.
			return local.Add(-time.Duration(o.from) * time.Second)
		}
		if i+1 == len(obs) || at.Before(obs[i+1].onset) {
			return at
		}
	}
	panic("unreachable")
}

func parseTime(t *testing.T, s string) time.Time {
	at, err := time.Parse("20060102T150405", s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func parseOffset(t *testing.T, s string) int {
	n, err := strconv.Atoi(s[1:])
	if err != nil || len(s) != 5 && len(s) != 7 {
		t.Fatalf("offset %q", s)
	}
	if len(s) == 5 {
		n *= 100
	}
	sec := n/10000*3600 + n/100%100*60 + n%100
	if s[0] == '-' {
		sec = -sec
	}
	return sec
}

// fuzzZones are the zones FuzzZones picks from.
var fuzzZones = []string{"Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Europe/Moscow", "Asia/Tehran",
	"Pacific/Apia", "Australia/Lord_Howe", "Europe/Dublin", "Africa/Casablanca", "Asia/Kolkata", "Etc/GMT-3",
	"America/St_Johns", "Antarctica/Troll", "Pacific/Chatham", "Asia/Kathmandu"}

// FuzzZones writes two talks at arbitrary times between 0000 and 9999 (or
// minutes from a change of the clocks) in a zone whose clocks change,
// given as a wall-clock time or with an offset, and checks that reading the calendar as RFC 5545 says
// (readInstants) gives Go's start and end instants.
func FuzzZones(f *testing.F) {
	for i, c := range zoneCases {
		d := talk.MustParseDate(c.date)
		f.Add(uint8(i), d.Time().Unix(), int64(c.dur/time.Second), d.Precision() == talk.DateTimeOffset, int64(0), int16(0))
	}
	f.Fuzz(func(t *testing.T, zoneIndex uint8, unix, seconds int64, withOffset bool, apart int64, nearChange int16) {
		name := fuzzZones[int(zoneIndex)%len(fuzzZones)]
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		const lo, hi = -62167219200, 253402300800 // 0000 to 9999
		unix = lo + (unix%(hi-lo)+(hi-lo))%(hi-lo)
		if nearChange != 0 {
			// Minutes from the next change of the clocks, where the
			// trouble is.
			if _, end := time.Unix(unix, 0).In(loc).ZoneBounds(); !end.IsZero() {
				unix = end.Unix() + int64(nearChange%(6*60))*60
			}
		}
		seconds = (seconds%(72*3600) + 72*3600) % (72 * 3600)
		apart = apart % (3 * 365 * 86400)
		var talks []*talk.Talk
		var want []string
		for i, u := range []int64{unix, unix + apart} {
			at := time.Unix(u, 0).In(loc)
			d := talk.DateTimeOf(at, withOffset)
			if !withOffset {
				// The wall clock, which Go reads as it will.
				at, _ = zone.Wall(at, loc)
			}
			id := fmt.Sprint("f", i)
			talks = append(talks, &talk.Talk{ID: id, Recorded: d, Duration: talk.Duration(time.Duration(seconds) * time.Second),
				Event: talk.Event{TimeZone: name}})
			end := at.Add(time.Duration(seconds) * time.Second)
			if seconds == 0 {
				continue
			}
			want = append(want, fmt.Sprintf("%s %s %s", id, at.UTC().Format(time.RFC3339), end.UTC().Format(time.RFC3339)))
		}
		var b bytes.Buffer
		var re *ical.RangeError
		if err := ical.WriteCalendar(&b, talks, ical.Options{Stamp: stamp}); errors.As(err, &re) {
			return // a start in UTC past 9999, say
		} else if err != nil {
			t.Fatal(err)
		}
		got := readInstants(t, checkSyntax(t, b.Bytes()))
		if diff := cmpDiff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s\n%s", name, diff, b.String())
		}
	})
}

// TestStandardWithDaylight: a talk in summer time, written alone, gets a
// VTIMEZONE with a STANDARD part as well as its DAYLIGHT one, the change
// to standard time before it, since Outlook takes a zone's offset from
// its STANDARD part and without one puts the talk hours off.
func TestStandardWithDaylight(t *testing.T) {
	for _, c := range zoneCases {
		tk := &talk.Talk{ID: "t", Event: talk.Event{TimeZone: c.zone},
			Recorded: talk.MustParseDate(c.date), Duration: talk.Duration(c.dur)}
		var b bytes.Buffer
		if err := ical.WriteTalk(&b, tk, ical.Options{Stamp: stamp}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, "BEGIN:DAYLIGHT") && !strings.Contains(out, "BEGIN:STANDARD") {
			t.Errorf("%s %s: a VTIMEZONE with DAYLIGHT and no STANDARD:\n%s", c.zone, c.date, out)
		}
	}
}
