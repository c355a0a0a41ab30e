package ical

import (
	"slices"
	"time"

	"github.com/talkmeta/talkmeta/internal/zone"
)

// span is the times a calendar's talks in one zone cover: each talk's
// start and end.
type span struct {
	loc   *time.Location
	talks []interval
}

type interval struct{ from, to time.Time }

func (s *span) add(from, to time.Time) {
	s.talks = append(s.talks, interval{from, to})
}

// maxObservances bounds a VTIMEZONE for a talk that lasts for years; a
// zone changes at most a few times a year.
const maxObservances = 1000

// vtimezone writes the zone's rules as they apply to the talks: for each
// talk, the observance in effect at its start and one per change of the
// clocks until its end, each once, with an explicit DTSTART and no RRULE,
// so that a reader needs no rules of its own and little the talks do not
// need is claimed: only, before a first observance of summer time, the
// last change to standard time ([calendar.standardBefore]). A reader takes the last observance that starts before
// a time, so the years between talks need none: talks in 1900 and 2700
// get a few observances, not the thousand changes between them. The
// changes come from Go's zone database ([zone.Span]).
func (c *calendar) vtimezone(name string, s *span) {
	c.line("BEGIN:VTIMEZONE")
	c.line("TZID:" + name)
	slices.SortFunc(s.talks, func(a, b interval) int { return a.from.Compare(b.from) })
	var last time.Time // the start of the last observance written
	for i, t := range s.talks {
		at := t.from.In(s.loc)
		begin, end := zone.Span(at)
		switch {
		case i == 0 && begin.IsZero():
			// The zone was like this from the start of the database:
			// say so from 1970, or from the day of the first talk when
			// that is earlier, since a reader applies no observance
			// before its DTSTART (ical.js takes UTC there).
			_, off := at.Zone()
			since := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
			if day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC); day.Before(since) {
				since = day
			}
			c.observance(at, since, off, at.IsDST())
		case i == 0:
			c.standardBefore(begin, s.loc)
			c.change(begin, s.loc)
			last = begin
		case begin.After(last):
			c.change(begin, s.loc)
			last = begin
		}
		// A talk may run past 9999 (its start is checked, not its end),
		// where no DTSTART can be written; the changes there are left
		// out.
		for n := 0; !end.IsZero() && !end.After(t.to) && end.Year() <= maxYear && n < maxObservances; n++ {
			if end.After(last) {
				c.change(end, s.loc)
				last = end
			}
			_, end = zone.Span(end.In(s.loc))
		}
	}
	c.line("END:VTIMEZONE")
}

// maxLookBack bounds standardBefore's walk back through a zone's changes.
const maxLookBack = 8

// standardBefore writes, when the change of the zone loc's clocks at the
// instant at begins summer time (a DAYLIGHT observance), the last change
// before it that began standard time, if the database has one. No talk
// needs it, since all are after at, but Outlook takes a VTIMEZONE's
// offset from its STANDARD part and, without one, puts the talks of a
// summer's conference hours off.
func (c *calendar) standardBefore(at time.Time, loc *time.Location) {
	for n := 0; n < maxLookBack && daylight(at, loc); n++ {
		at, _ = zone.Span(at.Add(-time.Second).In(loc))
		if at.IsZero() {
			return // the zone was like this from the start of the database
		}
		if !daylight(at, loc) {
			c.change(at, loc)
			return
		}
	}
}

// daylight reports whether the change of loc's clocks at the instant at
// is written as a DAYLIGHT observance ([calendar.observance]).
func daylight(at time.Time, loc *time.Location) bool {
	prev := at.Add(-time.Second).In(loc)
	return isDaylight(at.In(loc), offsetOf(prev), prev.IsDST())
}

// change writes the observance that starts at the instant at, a change
// of the zone loc's clocks.
func (c *calendar) change(at time.Time, loc *time.Location) {
	prev := at.Add(-time.Second).In(loc)
	c.observance(at.In(loc), localBefore(at, offsetOf(prev)), offsetOf(prev), prev.IsDST())
}

// localBefore is the wall clock of the instant at a change of the
// zone's offset, read in the offset before it (offFrom), as RFC 5545
// section 3.6.5 wants an observance's DTSTART.
func localBefore(change time.Time, offFrom int) time.Time {
	return change.UTC().Add(time.Duration(offFrom) * time.Second)
}

// observance writes the STANDARD or DAYLIGHT part in effect from the
// wall clock local (its DTSTART; the zone's state is that of t); offFrom
// is the offset before it, and fromDST whether that was summer time.
//
// The zone database says Irish winter time (and Morocco's in Ramadan) is
// the daylight saving, an hour back from the standard; calendar programs
// that take DAYLIGHT for the greater offset (Outlook's daylight bias)
// would move the clocks the wrong way, so such a change is written as
// the other kind, as tzdata's rearguard form and other VTIMEZONEs say.
func (c *calendar) observance(t, local time.Time, offFrom int, fromDST bool) {
	abbr, off := t.Zone()
	kind := "STANDARD"
	if isDaylight(t, offFrom, fromDST) {
		kind = "DAYLIGHT"
	}
	c.line("BEGIN:" + kind)
	c.line("DTSTART:" + local.Format("20060102T150405"))
	c.line("TZOFFSETFROM:" + offset(offFrom))
	c.line("TZOFFSETTO:" + offset(off))
	if abbr != "" {
		c.text("TZNAME", abbr)
	}
	c.line("END:" + kind)
}

// isDaylight reports whether the zone state of t, which follows one at
// offset offFrom and of summer time fromDST, is written as DAYLIGHT: as
// the zone database says, but the other way round where its daylight
// saving is an hour back (see [calendar.observance]).
func isDaylight(t time.Time, offFrom int, fromDST bool) bool {
	_, off := t.Zone()
	daylight := t.IsDST()
	if daylight != fromDST && (daylight && off < offFrom || !daylight && off > offFrom) {
		daylight = !daylight
	}
	return daylight
}

// offset writes a UTC offset as RFC 5545's utc-offset: "+0200", "-0330",
// with seconds only when there are some.
func offset(sec int) string {
	sign := byte('+')
	if sec < 0 {
		sign, sec = '-', -sec
	}
	h, m, s := sec/3600, sec/60%60, sec%60
	b := []byte{sign, byte('0' + h/10), byte('0' + h%10), byte('0' + m/10), byte('0' + m%10)}
	if s != 0 {
		b = append(b, byte('0'+s/10), byte('0'+s%10))
	}
	return string(b)
}

// repeated reports whether t's wall clock in its zone is read twice,
// where the clocks were turned back over it. RFC 5545 section 3.3.5 takes
// such a time with a TZID for its first occurrence, ical.js for its
// second, and Go's time.Date for either, depending on the zone: only UTC
// says which is meant.
func repeated(t time.Time) bool {
	_, readings := zone.Wall(t, t.Location())
	return readings > 1
}
