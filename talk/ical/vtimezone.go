package ical

import (
	"time"
)

// span is the time a calendar's talks in one zone cover.
type span struct {
	loc      *time.Location
	from, to time.Time
}

func (s *span) add(from, to time.Time) {
	if from.Before(s.from) {
		s.from = from
	}
	if to.After(s.to) {
		s.to = to
	}
}

// maxObservances bounds a VTIMEZONE for talks years apart; a zone changes
// at most a few times a year.
const maxObservances = 1000

// vtimezone writes the zone's rules as they apply to the span: the
// observance in effect at its start and one per transition until its end,
// each with an explicit DTSTART and no RRULE, so that a reader needs no
// rules of its own and nothing outside the span is claimed. The
// transitions come from Go's zone database ([time.Time.ZoneBounds]).
func (c *calendar) vtimezone(name string, s *span) {
	c.line("BEGIN:VTIMEZONE")
	c.line("TZID:" + name)
	at := s.from.In(s.loc)
	begin, end := at.ZoneBounds()
	if begin.IsZero() {
		// The zone was like this from the start of the database.
		_, off := at.Zone()
		c.observance(at, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), off)
	} else {
		_, before := begin.Add(-time.Second).In(s.loc).Zone()
		c.observance(begin.In(s.loc), begin, before)
	}
	// A talk may run past 9999 (its start is checked, not its end), where
	// no DTSTART can be written; the transitions there are left out.
	for n := 0; !end.IsZero() && !end.After(s.to) && end.Year() <= maxYear && n < maxObservances; n++ {
		_, before := end.Add(-time.Second).In(s.loc).Zone()
		next := end.In(s.loc)
		c.observance(next, end, before)
		_, end = next.ZoneBounds()
	}
	c.line("END:VTIMEZONE")
}

// observance writes the STANDARD or DAYLIGHT part in effect from the
// instant begin (the zone's state is that of t); offFrom is the offset
// before it. DTSTART is the local time of the change in the offset before
// it, as RFC 5545 section 3.6.5 wants. A begin before 1970 (a zone
// unchanged since) is written as 1970-01-01.
func (c *calendar) observance(t, begin time.Time, offFrom int) {
	abbr, off := t.Zone()
	kind := "STANDARD"
	if t.IsDST() {
		kind = "DAYLIGHT"
	}
	local := begin.UTC().Add(time.Duration(offFrom) * time.Second)
	if begin.Year() <= 1970 && begin.Equal(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)) {
		local = begin
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
