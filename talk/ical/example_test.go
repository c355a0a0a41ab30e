package ical_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
)

func ExampleWriteTalk() {
	t := &talk.Talk{
		ID:       "yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome",
		Title:    "async/await in Python 3.5 and why it is awesome",
		Speakers: []talk.Speaker{{Name: "Yury Selivanov"}},
		Event:    talk.Event{ID: "europython-2016", TimeZone: "Europe/Madrid", Place: talk.Place{City: "Bilbao", Country: "Spain"}},
		Recorded: talk.MustParseDate("2016-07-21T10:30:00"),
		Duration: talk.Duration(25*time.Minute + 8*time.Second),
		Place:    talk.Place{Room: "A1"},
	}
	var b strings.Builder
	if err := ical.WriteTalk(&b, t, ical.Options{Stamp: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		panic(err)
	}
	// Show the lines without their CR.
	os.Stdout.WriteString(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//talkmeta//talkmeta//EN
	// CALSCALE:GREGORIAN
	// BEGIN:VTIMEZONE
	// TZID:Europe/Madrid
	// BEGIN:DAYLIGHT
	// DTSTART:20150329T020000
	// RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
	// TZOFFSETFROM:+0100
	// TZOFFSETTO:+0200
	// TZNAME:CEST
	// END:DAYLIGHT
	// BEGIN:STANDARD
	// DTSTART:20151025T030000
	// RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
	// TZOFFSETFROM:+0200
	// TZOFFSETTO:+0100
	// TZNAME:CET
	// END:STANDARD
	// END:VTIMEZONE
	// BEGIN:VEVENT
	// UID:yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome@europython
	//  -2016
	// DTSTAMP:20240101T000000Z
	// DTSTART;TZID=Europe/Madrid:20160721T103000
	// DURATION:PT25M8S
	// SUMMARY:async/await in Python 3.5 and why it is awesome
	// DESCRIPTION:Speakers: Yury Selivanov
	// LOCATION:A1\, Bilbao\, Spain
	// END:VEVENT
	// END:VCALENDAR
}

// A whole schedule is one calendar. A talk without a day to put it on is
// left out and named in an *UndatedError, returned after the rest is
// written; errors.As tells it from the errors that stop the writing, such
// as a *ZoneError for a time zone the zone database lacks.
func ExampleWriteCalendar() {
	ev := talk.Event{ID: "pycon-2024", TimeZone: "America/Denver"}
	talks := []*talk.Talk{
		{ID: "keynote", Title: "Keynote", Event: ev, Recorded: talk.MustParseDate("2024-05-17T09:00:00"), Duration: talk.Duration(time.Hour)},
		{ID: "sprints", Title: "Sprints", Event: ev, Recorded: talk.MustParseDate("2024-05")},
	}
	var b strings.Builder
	err := ical.WriteCalendar(&b, talks, ical.Options{Name: "PyCon US 2024", Stamp: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	var undated *ical.UndatedError
	if errors.As(err, &undated) {
		fmt.Println("left out:", undated.IDs)
	} else if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(b.String(), "BEGIN:VEVENT"), "event written")

	talks[0].Event.TimeZone = "America/Denvr"
	err = ical.WriteCalendar(&b, talks[:1], ical.Options{})
	var zoneErr *ical.ZoneError
	if errors.As(err, &zoneErr) {
		fmt.Printf("talk %s: time zone %q\n", zoneErr.ID, zoneErr.Zone)
	}
	// Output:
	// left out: [sprints]
	// 1 event written
	// talk keynote: time zone "America/Denvr"
}

// An event is an all-day VEVENT from its first to its last day.
func ExampleWriteEvent() {
	ev := &talk.Event{
		ID:    "europython-2016",
		Title: "EuroPython 2016",
		Start: talk.MustParseDate("2016-07-17"),
		End:   talk.MustParseDate("2016-07-24"),
		Place: talk.Place{City: "Bilbao", Country: "Spain"},
	}
	var b strings.Builder
	if err := ical.WriteEvent(&b, ev, ical.Options{Stamp: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.WriteString(strings.ReplaceAll(b.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//talkmeta//talkmeta//EN
	// CALSCALE:GREGORIAN
	// BEGIN:VEVENT
	// UID:europython-2016
	// DTSTAMP:20240101T000000Z
	// DTSTART;VALUE=DATE:20160717
	// DTEND;VALUE=DATE:20160725
	// SUMMARY:EuroPython 2016
	// LOCATION:Bilbao\, Spain
	// END:VEVENT
	// END:VCALENDAR
}
