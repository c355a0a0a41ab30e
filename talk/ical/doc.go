// Package ical writes talks and events as iCalendar (RFC 5545), so that a
// talk, an event or a whole schedule can be added to anyone's calendar.
//
// [WriteCalendar] writes talks, [WriteTalk] one talk, and [WriteEvent] an
// event as an all-day entry. Each writes a complete VCALENDAR to an
// [io.Writer].
//
// # What is written
//
// Every talk becomes a VEVENT:
//
//	UID          the talk's stable ID (a UUID as it is, else "ID@event-ID";
//	             without an ID, or with one another talk of the calendar
//	             shares, with its title's slug or ID, start and room)
//	DTSTAMP      Options.Stamp (the time of writing when it is zero)
//	DTSTART      with TZID and a VTIMEZONE when the event has a time zone
//	             (in UTC where the zone's clock reads the time twice; a
//	             zone the zone database lacks is a [ZoneError]); in UTC
//	             when there is only an offset; VALUE=DATE for a day
//	DURATION     the talk's duration, in whole seconds ("PT0S" when it
//	             is unknown); DTEND instead when the talk spans a change
//	             of its zone's clocks, and DTEND;VALUE=DATE, the day after
//	             its last, for a day-only talk
//	SUMMARY      the title
//	DESCRIPTION  the subtitle, speakers, summary and description, then
//	             the talk's parts ([talk.Talk.Parts]: the lightning talks
//	             of a block), one a line with their speakers
//	LOCATION     the room, then the event's venue, city, region, country
//	URL          the talk's first link that is an absolute http(s) URL (a
//	             schedule's page for the talk); none when no link is
//	CATEGORIES   the track
//
// VTIMEZONEs are made from the zone database [time.LoadLocation] finds:
// the one named by $ZONEINFO or the system's, and Go's embedded copy
// (time/tzdata) only where there is none. Zone rules change (Mexico
// dropped summer time in 2022), so the same talks may give other
// VTIMEZONEs on a machine with another release of the database; for
// output that is the same everywhere (golden tests), set ZONEINFO to one
// file, such as $GOROOT/lib/time/zoneinfo.zip. A VTIMEZONE holds the
// zone's changes of the clocks over the talks' times, from a year before
// the first (and back to a change to standard time, a STANDARD part, which
// Outlook reads a zone's offset from). Changes that follow a yearly rule
// (the last Sunday of March) are written as one observance with an RRULE
// (FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU), ending with UNTIL where the zone
// stopped following it, since Outlook reads a VTIMEZONE as one yearly pair
// of rules; the others (Tehran's, Casablanca's, one-off changes) as an
// observance each with its own DTSTART, which RFC 5545 readers take as
// they are. The changes between talks more than about a century apart are
// left out.
//
// # Syntax
//
// A URL is a link in calendar programs, so other schemes (javascript:,
// data:) and relative links are never written, and what RFC 3986 does not
// let a URI hold as it is (spaces, quotes, non-ASCII bytes) is
// percent-encoded. An event's URL is written on the same terms.
//
// TEXT values are escaped as RFC 5545 section 3.3.11 says ([EscapeText]),
// lines end in CRLF and are folded at 75 octets, never inside a UTF-8
// sequence. The output reads in independent parsers: the repository's CI
// checks every VEVENT of two real schedules with ical.js.
//
// # Concurrency
//
// The package has no state; its functions may be called concurrently.
package ical
