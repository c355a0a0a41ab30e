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
	checkCalendar(t, "zones.ics", b.Bytes())
	// What Go's zone database says, for .ci/ical/zones.sh to check against ical.js.
	goldenText(t, "zones.instants", []byte(strings.Join(want, "\n")+"\n"))
	got := readInstants(t, checkSyntax(t, b.Bytes()))
	if diff := cmpDiff(want, got); diff != "" {
		t.Errorf("instants (-want +got):\n%s", diff)
	}
}

// TestFarApart: talks 800 years apart in one zone read at Go's instants,
// though 1,600 changes of the clocks lie between them, and the VTIMEZONE
// says only what the two need: the change to CET before the first, and
// the yearly rules of the second. (Not in zones.ics: a change to the
// zone's future rules would change it.)
func TestFarApart(t *testing.T) {
	props, text := berlinCalendar(t, time.Hour, "1900-01-15T10:00:00+01:00", "2700-07-15T10:00:00+02:00")
	want := []string{"18930401T000000", "26990326T020000 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
		"26991029T030000 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"}
	if diff := cmp.Diff(want, observanceStarts(props)); diff != "" {
		t.Errorf("observances (-want +got):\n%s\n%s", diff, text)
	}
}

// TestNewYearsAfterRules: talks over the new year in years whose changes
// of the clocks Go computes from the zone's rule, where its own bounds
// end a state at each new year, and in a leap year a day early
// (golang.org/issue/81583): the VTIMEZONE has the zone's yearly rules
// from the year before the first talk, and no observance that changes
// nothing.
func TestNewYearsAfterRules(t *testing.T) {
	props, text := berlinCalendar(t, 48*time.Hour, "2039-12-31T20:00:00+01:00", "2040-12-31T20:00:00+01:00")
	want := []string{"20381031T030000 FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "20390327T020000 FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"}
	if diff := cmp.Diff(want, observanceStarts(props)); diff != "" {
		t.Errorf("observances (-want +got):\n%s\n%s", diff, text)
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
// VTIMEZONEs, and its RRULE after a space where it has one.
func observanceStarts(props []property) []string {
	var starts []string
	for i, p := range props {
		if p.name == "DTSTART" && i > 0 && props[i-1].name == "BEGIN" && (props[i-1].value == "STANDARD" || props[i-1].value == "DAYLIGHT") {
			starts = append(starts, p.value)
		}
		if p.name == "RRULE" {
			starts[len(starts)-1] += " " + p.value
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

// observance is one onset of a STANDARD or DAYLIGHT part of a
// VTIMEZONE: its DTSTART, or one its RRULE gives.
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
	var rrule string
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
		case "RRULE":
			rrule = p.value
		case "TZOFFSETFROM":
			obs.from = parseOffset(t, p.value)
		case "TZOFFSETTO":
			obs.to = parseOffset(t, p.value)
		case "END":
			switch p.value {
			case "STANDARD", "DAYLIGHT":
				for _, wall := range recurrences(t, local, obs.from, rrule) {
					obs.onset = wall.Add(-time.Duration(obs.from) * time.Second)
					zones[tzid] = append(zones[tzid], obs)
				}
				rrule = ""
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

// recurrences returns the wall clocks at which an observance starting at
// dtstart, in the offset from, recurs by rrule, as the VTIMEZONEs' rules
// are written ("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", with an UNTIL in UTC
// or without end, then up to the year 9999): dtstart alone when rrule
// is "". Each rule must start with its first recurrence and end (UNTIL)
// with the instant of its last.
func recurrences(t *testing.T, dtstart time.Time, from int, rrule string) []time.Time {
	t.Helper()
	if rrule == "" {
		return []time.Time{dtstart}
	}
	var month time.Month
	var week int
	var weekday time.Weekday = -1
	var until time.Time
	freq := false
	for part := range strings.SplitSeq(rrule, ";") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "FREQ":
			freq = v == "YEARLY"
		case "BYMONTH":
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatalf("RRULE:%s: %v", rrule, err)
			}
			month = time.Month(n)
		case "BYDAY":
			days := map[string]time.Weekday{"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday, "WE": time.Wednesday,
				"TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday}
			d, ok := days[v[len(v)-2:]]
			n, err := strconv.Atoi(v[:len(v)-2])
			if !ok || err != nil || n == 0 {
				t.Fatalf("RRULE:%s: BYDAY %q", rrule, v)
			}
			weekday, week = d, n
		case "UNTIL":
			u, ok := strings.CutSuffix(v, "Z")
			if !ok {
				t.Fatalf("RRULE:%s: UNTIL not in UTC", rrule)
			}
			until = parseTime(t, u)
		default:
			t.Fatalf("RRULE:%s: %s not expected", rrule, k)
		}
	}
	if !freq || month == 0 || weekday < 0 {
		t.Fatalf("RRULE:%s: not a yearly rule of a weekday of a month", rrule)
	}
	clock := dtstart.Sub(time.Date(dtstart.Year(), dtstart.Month(), dtstart.Day(), 0, 0, 0, 0, time.UTC))
	var out []time.Time
	for y := dtstart.Year(); y <= maxYear; y++ {
		var day time.Time
		if week > 0 {
			day = time.Date(y, month, 1, 0, 0, 0, 0, time.UTC)
			day = day.AddDate(0, 0, (int(weekday)-int(day.Weekday())+7)%7+7*(week-1))
		} else {
			day = time.Date(y, month+1, 0, 0, 0, 0, 0, time.UTC)
			day = day.AddDate(0, 0, -((int(day.Weekday())-int(weekday)+7)%7)+7*(week+1))
		}
		wall := day.Add(clock)
		if !until.IsZero() && wall.Add(-time.Duration(from)*time.Second).After(until) {
			break
		}
		if y == dtstart.Year() && !wall.Equal(dtstart) {
			t.Fatalf("DTSTART:%s is not its RRULE:%s's first recurrence, %s", dtstart.Format("20060102T150405"), rrule, wall)
		}
		out = append(out, wall)
	}
	if len(out) == 0 || !until.IsZero() && !out[len(out)-1].Add(-time.Duration(from)*time.Second).Equal(until) {
		t.Fatalf("RRULE:%s: UNTIL is not its last recurrence, %s", rrule, out[len(out)-1])
	}
	return out
}

// maxYear is the last year RFC 5545 dates hold.
const maxYear = 9999

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

// yearsZones are the zones of TestZoneYears: yearly rules (Berlin,
// Sydney), a rule that changed (New York in 2007), rules dropped (Sao
// Paulo in 2019, Tehran in 2022, Moscow in 2011 and 2014), changes no
// yearly rule gives (Tehran's, Casablanca's in Ramadan) and a day skipped
// (Apia). .ci/ical's years.ics has the same talks, for ical.js.
var yearsZones = []string{"Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Sao_Paulo",
	"Asia/Tehran", "Africa/Casablanca", "Pacific/Apia", "Europe/Moscow"}

// TestZoneYears writes an archive's calendar, talks in each of yearsZones
// from 2000 to 2030 (at 10:00 on the 1st and 15th of each month, and 90
// minutes before and after each change of the clocks), and checks that
// reading it as RFC 5545 says, RRULEs and all, gives Go's instants; and
// its VTIMEZONEs against years.vtimezone: yearly rules where the zone
// followed one (Outlook reads nothing else), with UNTIL where it stopped,
// and an observance of its own for each other change.
func TestZoneYears(t *testing.T) {
	var talks []*talk.Talk
	var want []string
	add := func(zoneName string, d talk.Date, at time.Time) {
		id := fmt.Sprintf("y%05d", len(talks))
		talks = append(talks, &talk.Talk{ID: id, Recorded: d, Duration: talk.Duration(time.Hour), Event: talk.Event{TimeZone: zoneName}})
		want = append(want, fmt.Sprintf("%s %s %s", id, at.UTC().Format(time.RFC3339), at.Add(time.Hour).UTC().Format(time.RFC3339)))
	}
	for _, name := range yearsZones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		for y := 2000; y <= 2030; y++ {
			for m := time.January; m <= time.December; m++ {
				for _, day := range []int{1, 15} {
					at := time.Date(y, m, day, 10, 0, 0, 0, loc)
					add(name, talk.DateTimeOf(at, false), at)
				}
			}
		}
		until := time.Date(2031, 1, 1, 0, 0, 0, 0, loc)
		for at := time.Date(2000, 1, 1, 0, 0, 0, 0, loc); ; {
			_, end := at.ZoneBounds()
			if end.IsZero() || !end.Before(until) {
				break
			}
			for _, near := range []time.Duration{-90 * time.Minute, 90 * time.Minute} {
				add(name, talk.DateTimeOf(end.Add(near), true), end.Add(near))
			}
			at = end
		}
	}
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, talks, ical.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	got := readInstants(t, checkSyntax(t, b.Bytes()))
	if diff := cmpDiff(want, got); diff != "" {
		t.Errorf("instants (-want +got):\n%s", diff)
	}
	text := b.String()
	zones := text[strings.Index(text, "BEGIN:VTIMEZONE"):strings.Index(text, "BEGIN:VEVENT")]
	goldenText(t, "years.vtimezone", []byte(zones))
}

// TestOneOffChanges: changes of the clocks that the zone made once are
// written once, each with its DTSTART and no RRULE, though a year later
// the same day comes round: Tripoli's change of name alone (EET for
// CEST, +0200 either way) on 25 October 2013 is no yearly rule of the
// last Friday of October, which would put a change there in every year
// since.
func TestOneOffChanges(t *testing.T) {
	got := calendarOf(t, &talk.Talk{ID: "t", Recorded: talk.MustParseDate("2024-03-01T10:00:00"),
		Duration: talk.Duration(time.Hour), Event: talk.Event{TimeZone: "Africa/Tripoli"}})
	want := calendarHead + strings.Join([]string{
		"BEGIN:VTIMEZONE", "TZID:Africa/Tripoli",
		"BEGIN:STANDARD", "DTSTART:20121110T020000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "END:STANDARD",
		"BEGIN:DAYLIGHT", "DTSTART:20130329T010000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "END:DAYLIGHT",
		"BEGIN:STANDARD", "DTSTART:20131025T020000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0200", "TZNAME:EET", "END:STANDARD",
		"END:VTIMEZONE",
		"BEGIN:VEVENT", "UID:t", "DTSTAMP:20240701T120000Z", "DTSTART;TZID=Africa/Tripoli:20240301T100000",
		"DURATION:PT1H", "END:VEVENT", "",
	}, "\r\n") + calendarTail
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestStandardLooksBack: a talk in the summer of 1950 in Los Angeles,
// whose last change to standard time (1 January 1949) came more than a
// year before that summer's time began, still gets it as a STANDARD
// part, found further back, that Outlook takes the zone's offset from;
// with the DAYLIGHT rule alone it would put the talk hours off.
func TestStandardLooksBack(t *testing.T) {
	got := calendarOf(t, &talk.Talk{ID: "t", Recorded: talk.MustParseDate("1950-07-01T10:00:00"),
		Duration: talk.Duration(time.Hour), Event: talk.Event{TimeZone: "America/Los_Angeles"}})
	want := calendarHead + strings.Join([]string{
		"BEGIN:VTIMEZONE", "TZID:America/Los_Angeles",
		"BEGIN:STANDARD", "DTSTART:19490101T020000", "TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "TZNAME:PST", "END:STANDARD",
		"BEGIN:DAYLIGHT", "DTSTART:19500430T010000", "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=-1SU;UNTIL=19660424T090000Z",
		"TZOFFSETFROM:-0800", "TZOFFSETTO:-0700", "TZNAME:PDT", "END:DAYLIGHT",
		"END:VTIMEZONE",
		"BEGIN:VEVENT", "UID:t", "DTSTAMP:20240701T120000Z", "DTSTART;TZID=America/Los_Angeles:19500701T100000",
		"DURATION:PT1H", "END:VEVENT", "",
	}, "\r\n") + calendarTail
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
