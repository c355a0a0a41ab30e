package ical

import (
	"fmt"
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

// maxObservances bounds the changes of the clocks collected for one talk
// that lasts for years; a zone changes at most a few times a year.
const maxObservances = 1000

// maxGap bounds the changes walked between one talk's and the next's:
// about a century of summer time. Talks further apart get the changes
// each needs, and none between ([calendar.vtimezone]).
const maxGap = 200

// ruleHorizon is the first year in which Go's zone database has no listed
// changes (its files list them up to 2037) and computes every change from
// the zone's yearly rule, which holds from then on for ever.
const ruleHorizon = 2039

// change is one change of a zone's clocks, as an observance says it.
type change struct {
	at       time.Time // the instant
	wall     time.Time // the wall clock at the instant, in the offset before it (DTSTART), in time.UTC
	from, to int       // the offsets before and after, in seconds
	name     string    // the abbreviation after (TZNAME)
	daylight bool      // written as DAYLIGHT ([isDaylight])
}

// changeAt is the change of loc's clocks at the instant at.
func changeAt(at time.Time, loc *time.Location) change {
	prev := at.Add(-time.Second).In(loc)
	now := at.In(loc)
	name, off := now.Zone()
	from := offsetOf(prev)
	return change{at: at, wall: localBefore(at, from), from: from, to: off, name: name,
		daylight: isDaylight(now, from, prev.IsDST())}
}

// vtimezone writes the zone's changes of the clocks as the talks need
// them. Each talk needs the changes from the start of the zone state it
// starts in to its end, and from a year before that state, so that the
// zone's yearly pair (and, as Outlook wants, a STANDARD part) is there;
// the changes between talks are filled in, up to maxGap of them.
//
// Changes that recur each year on a weekday of a month (the last Sunday
// of March), at the same wall time and between the same offsets, are
// written as one observance with an RRULE, ending (UNTIL) where the zone
// stopped following it, or without end where it follows it to
// ruleHorizon (and two years past the last talk): Outlook reads a
// VTIMEZONE as one yearly pair of rules and nothing else, so that an
// archive of years is right in it where the rules were. The rest
// (Tehran's changes by the Persian calendar, Morocco's in Ramadan, a
// zone's one-off changes) get an observance each with its own DTSTART,
// which RFC 5545 readers take as it is. A reader takes the last
// observance that starts before a time, so talks 800 years apart need a
// few observances, not the changes between them. The changes come from
// Go's zone database ([zone.Span]).
func (c *calendar) vtimezone(name string, s *span) {
	c.line("BEGIN:VTIMEZONE")
	c.line("TZID:" + name)
	slices.SortFunc(s.talks, func(a, b interval) int { return a.from.Compare(b.from) })
	var changes []change
	var next time.Time // the change after the last collected, zero for none
	for i, t := range s.talks {
		at := t.from.In(s.loc)
		begin, end := zone.Span(at)
		if i == 0 && begin.IsZero() {
			// The zone was like this from the start of the database:
			// say so from 1970, or from the day of the first talk when
			// that is earlier, since a reader applies no observance
			// before its DTSTART (ical.js takes UTC there).
			name, off := at.Zone()
			since := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
			if day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC); day.Before(since) {
				since = day
			}
			c.observance(change{wall: since, from: off, to: off, name: name, daylight: at.IsDST()}, "")
		}
		first := end // the first change the talk needs
		collected := len(changes) > 0 && !begin.After(changes[len(changes)-1].at)
		if !begin.IsZero() && !collected {
			first = lookBack(begin, s.loc)
		}
		switch {
		case collected || len(changes) > 0 && !first.After(changes[len(changes)-1].at):
			first = next // all before it collected, as for the talks before
		case first.IsZero():
			continue // the zone keeps its clocks for ever
		case len(changes) > 0:
			n := len(changes)
			var bridged bool
			if changes, _, bridged = walk(changes, next, first, s.loc, maxGap); !bridged {
				changes = changes[:n] // too far apart: each talk has its own
			}
		}
		changes, next, _ = walk(changes, first, t.to.Add(time.Nanosecond), s.loc, maxObservances)
	}
	if len(changes) == 0 {
		c.line("END:VTIMEZONE")
		return
	}
	// The rules in force at the last change the talks need go on, and are
	// written so, as far as the zone follows them: for ever where it
	// does to the horizon.
	var last time.Time
	for _, t := range s.talks {
		if t.to.After(last) {
			last = t.to
		}
	}
	horizon := min(max(ruleHorizon, last.In(s.loc).Year()+2), maxYear+1)
	end := changes[len(changes)-1].at
	for _, r := range rules(changes) {
		lastChange := changes[r.last]
		open := false
		if r.next(lastChange.wall.Year() + 1).Add(-time.Duration(r.from) * time.Second).After(end) {
			year := lastChange.wall.Year() + 1
			for ; year < horizon; year++ {
				at := r.next(year).Add(-time.Duration(r.from) * time.Second)
				// The clocks change there as the rule says: from its
				// offset to its offset and name (a change of the
				// offset, which happens at the second).
				name, to := at.In(s.loc).Zone()
				if to != r.to || name != r.name || r.from == r.to || offsetOf(at.Add(-time.Second).In(s.loc)) != r.from {
					break
				}
				lastChange.at = at
				r.count++
			}
			open = year == horizon
		}
		if r.count == 1 {
			c.observance(changes[r.first], "")
			continue
		}
		c.observance(changes[r.first], r.rrule(lastChange, open))
	}
	c.line("END:VTIMEZONE")
}

// lookBack returns the earliest change of loc's clocks to write for a
// talk in the state that began at the change begin: the changes of the
// year before it, and further back up to the last that began standard
// time (a STANDARD part), for Outlook takes a zone's offset from it and,
// without one, puts the talks of a summer's conference hours off.
func lookBack(begin time.Time, loc *time.Location) time.Time {
	yearBefore := begin.AddDate(-1, 0, 0)
	first := begin
	standard := !changeAt(begin, loc).daylight
	for n := 0; n < maxLookBack; n++ {
		prev, _ := zone.Span(first.Add(-time.Second).In(loc))
		if prev.IsZero() || standard && prev.Before(yearBefore) {
			break
		}
		first = prev
		standard = standard || !changeAt(prev, loc).daylight
	}
	return first
}

// maxLookBack bounds lookBack's walk back through a zone's changes.
const maxLookBack = 8

// walk appends to changes those of loc's clocks from the change at from
// up to (not including) until, at most limit of them and none after the
// year 9999, which no DTSTART can hold; it returns them, the change after
// them (zero for none), and whether it went all the way, rather than stop
// at the limit or 9999.
func walk(changes []change, from, until time.Time, loc *time.Location, limit int) (_ []change, next time.Time, complete bool) {
	at := from
	for n := 0; ; n++ {
		if at.IsZero() || !at.Before(until) {
			return changes, at, true
		}
		if n == limit || at.UTC().Add(14*time.Hour).Year() > maxYear {
			return changes, at, false
		}
		changes = append(changes, changeAt(at, loc))
		_, at = zone.Span(at.In(loc))
	}
}

// series is what the changes of one yearly rule share: all but the year
// and the day of the month.
type series struct {
	daylight bool
	from, to int
	name     string
	month    time.Month
	weekday  time.Weekday
	clock    time.Duration // the wall time of day
}

// rule is changes of one series in consecutive years on the same week of
// the month (weeks), which RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=.. gives:
// from changes[first] to changes[last] of those given to rules.
type rule struct {
	series
	weeks       uint8 // bit n for the nth weekday of the month (1-4), bit 0 for the last
	count       int   // the changes it holds, in consecutive years
	first, last int
}

// weeksOf returns the weeks of its month that the day d falls in, as
// rule.weeks: the nth of its weekday, and the last where it is.
func weeksOf(d time.Time) uint8 {
	var w uint8
	if n := (d.Day()-1)/7 + 1; n <= 4 {
		w |= 1 << n
	}
	if d.AddDate(0, 0, 7).Month() != d.Month() {
		w |= 1
	}
	return w
}

// rules groups changes, in order, into yearly rules: each change joins
// the rule of its series whose last change was the year before on the
// same week, or starts one.
func rules(changes []change) []rule {
	out := make([]rule, 0, len(changes))
	for i, ch := range changes {
		y, m, d := ch.wall.Date()
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		key := series{ch.daylight, ch.from, ch.to, ch.name, m, day.Weekday(), ch.wall.Sub(day)}
		weeks := weeksOf(day)
		joined := false
		for j := len(out) - 1; j >= max(0, len(out)-maxSeriesBack); j-- {
			r := &out[j]
			if r.series != key {
				continue
			}
			if changes[r.last].wall.Year() == y-1 && r.weeks&weeks != 0 {
				r.weeks &= weeks
				r.count++
				r.last = i
				joined = true
			}
			break // only the latest rule of the series goes on
		}
		if !joined {
			out = append(out, rule{series: key, weeks: weeks, count: 1, first: i, last: i})
		}
	}
	slices.SortStableFunc(out, func(a, b rule) int { return changes[a.first].at.Compare(changes[b.first].at) })
	return out
}

// next returns the wall clock at which the rule has the zone's clocks
// change in the year given.
func (r *rule) next(year int) time.Time {
	var day time.Time
	if n := r.week(); n > 0 {
		day = time.Date(year, r.month, 1, 0, 0, 0, 0, time.UTC)
		day = day.AddDate(0, 0, (int(r.weekday)-int(day.Weekday())+7)%7+7*(n-1))
	} else {
		day = time.Date(year, r.month+1, 0, 0, 0, 0, 0, time.UTC) // the month's last day
		day = day.AddDate(0, 0, -((int(day.Weekday()) - int(r.weekday) + 7) % 7))
	}
	return day.Add(r.clock)
}

// week is the week of the month in which the rule's changes fall: 1 to
// 4, or -1 for the last.
func (r *rule) week() int {
	if r.weeks&1 != 0 {
		return -1
	}
	for n := 1; n <= 4; n++ {
		if r.weeks&(1<<n) != 0 {
			return n
		}
	}
	return -1 // unreachable: a rule has a week
}

// maxSeriesBack bounds how far back rules looks for a change's series: a
// zone has a few rules at a time, and a zone whose changes fall on
// another weekday each year (Tehran's by the Persian calendar) would
// otherwise have each change look through all before it.
const maxSeriesBack = 16

// weekdays are RFC 5545's weekday names, by time.Weekday.
var weekdays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// rrule is the rule's RRULE value, ending with its last change, last (UNTIL,
// in UTC as RFC 5545 wants it in a VTIMEZONE) unless it is open.
func (r *rule) rrule(last change, open bool) string {
	s := fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", int(r.month), r.week(), weekdays[r.weekday])
	if !open {
		s += ";UNTIL=" + last.at.UTC().Format("20060102T150405Z")
	}
	return s
}

// localBefore is the wall clock of the instant at a change of the
// zone's offset, read in the offset before it (offFrom), as RFC 5545
// section 3.6.5 wants an observance's DTSTART.
func localBefore(change time.Time, offFrom int) time.Time {
	return change.UTC().Add(time.Duration(offFrom) * time.Second)
}

// observance writes the STANDARD or DAYLIGHT part for the change ch,
// with the recurrence rrule when it is not "".
//
// The zone database says Irish winter time (and Morocco's in Ramadan) is
// the daylight saving, an hour back from the standard; calendar programs
// that take DAYLIGHT for the greater offset (Outlook's daylight bias)
// would move the clocks the wrong way, so such a change is written as
// the other kind, as tzdata's rearguard form and other VTIMEZONEs say
// ([isDaylight]).
func (c *calendar) observance(ch change, rrule string) {
	kind := "STANDARD"
	if ch.daylight {
		kind = "DAYLIGHT"
	}
	c.line("BEGIN:" + kind)
	c.line("DTSTART:" + ch.wall.Format("20060102T150405"))
	if rrule != "" {
		c.line("RRULE:" + rrule)
	}
	c.line("TZOFFSETFROM:" + offset(ch.from))
	c.line("TZOFFSETTO:" + offset(ch.to))
	if ch.name != "" {
		c.text("TZNAME", ch.name)
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
