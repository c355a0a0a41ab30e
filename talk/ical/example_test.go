package ical_test

import (
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
