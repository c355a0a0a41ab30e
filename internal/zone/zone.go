// Package zone loads the IANA time zones that records name, for the
// readers that check them and the writers that turn a wall-clock time
// into an instant: all of them take a zone name the same way.
//
// time.LoadLocation takes "Local" for the zone of the machine the program
// runs on, so a record whose time zone is "Local" (which the event
// schema's pattern admits) would be written differently on every machine;
// Load refuses it, and the other names that only some systems' files
// give a zone (zoneName). The package embeds Go's zone database (time/tzdata),
// so that a zone the system lacks still loads.
package zone

import (
	"strings"
	"time"
	_ "time/tzdata" // the zones must load where the system has no database
)

// Load returns the IANA time zone called name, and false for "", for
// "Local", for a name the zone database does not hold, and for a name
// that is no zone's but that time.LoadLocation takes from the files of
// some systems (see zoneName).
func Load(name string) (*time.Location, bool) {
	if !zoneName(name) {
		return nil, false
	}
	loc, err := time.LoadLocation(name)
	return loc, err == nil
}

// zoneName reports whether name has the form of an IANA zone name, the
// event schema's pattern: parts of ASCII letters, digits, "_", "+" and
// "-", joined by "/". time.LoadLocation opens any file under the
// system's zoneinfo directory, so on Debian it also takes names that
// are no zone's, and which the embedded database lacks: "localtime"
// (a link to the machine's own zone, as "Local"), "posixrules",
// "./Europe/Berlin", and the "posix/" and "right/" copies of the
// database, whose "right/" files count leap seconds, so that their
// changes of the clocks fall 27 seconds late. A record naming one of
// them would be read differently from one machine to the next.
func zoneName(name string) bool {
	switch {
	case name == "" || name == "Local" || name == "localtime" || name == "posixrules":
		return false
	case strings.HasPrefix(name, "posix/") || strings.HasPrefix(name, "right/"):
		return false
	}
	for part := range strings.SplitSeq(name, "/") {
		if part == "" {
			return false
		}
		for i := 0; i < len(part); i++ {
			c := part[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '+' || c == '-') {
				return false
			}
		}
	}
	return true
}

// Memo is Load for a writer that names one zone again and again: a
// talk's JSON-LD graph names its event's zone up to four times, and a
// calendar's talks mostly share one, while time.LoadLocation reads and
// parses the zone's file on every call (10 µs and 16 allocations, where
// a talk's whole graph takes 3 µs; BenchmarkLoad, BenchmarkMemoLoad).
// Each output has a Memo of its own, so nothing is shared between
// callers. The zero Memo is ready to use.
type Memo struct {
	name   string
	loc    *time.Location
	loaded bool
}

// Load returns Load(name), loading it only when the last name asked for
// was another.
func (m *Memo) Load(name string) (*time.Location, bool) {
	if !m.loaded || name != m.name {
		m.loc, _ = Load(name)
		m.name, m.loaded = name, true
	}
	return m.loc, m.loc != nil
}

// Wall returns the instant at which loc's clocks show the date and time
// of day of w (w's own zone is ignored), and how many instants show it:
// 1 for most; 2 for a time the clocks show twice as they go back, of
// which Wall returns the first; 0 for a time they skip going forward,
// which Wall reads with the offset before the change, so that 02:30 in
// a gap from 02:00 to 03:00 is 03:30. RFC 5545 (section 3.3.5) reads
// such times so. time.Date leaves the choice open, and Go's differs
// between zones (New York's skipped times go back an hour where
// Berlin's go forward), so every wall clock is read here, once.
func Wall(w time.Time, loc *time.Location) (time.Time, int) {
	y, mo, d := w.Date()
	h, mi, s := w.Clock()
	guess := time.Date(y, mo, d, h, mi, s, w.Nanosecond(), loc)
	// Reading the wall clock with a zone state's offset gives an instant
	// at most the widest difference of two offsets from guess: the
	// states in effect within that of guess hold every reading. Most
	// times are further than that from any change of the clocks, which
	// Go's own bounds (closer than the changes, never further) show
	// at a third of the cost of reading the states.
	if start, end := guess.ZoneBounds(); (start.IsZero() || guess.Sub(start) >= maxOffsetSpread) && (end.IsZero() || end.Sub(guess) >= maxOffsetSpread) {
		return guess, 1
	}
	states, n := statesNear(guess, maxOffsetSpread)
	if n == 1 {
		return guess, 1
	}
	wallUTC := time.Date(y, mo, d, h, mi, s, w.Nanosecond(), time.UTC)
	var first time.Time
	readings := 0
	for _, st := range states[:n] {
		if at := wallUTC.Add(-time.Duration(st.offset) * time.Second); st.holds(at) {
			readings++
			if readings == 1 || at.Before(first) {
				first = at
			}
		}
	}
	if readings > 0 {
		return first.In(loc), readings
	}
	// Skipped: the clocks went forward from the end of one state's wall
	// clock to a later start of the next's, and w lies between.
	for i, st := range states[:n-1] {
		next := states[i+1]
		if wallUTC.Before(st.end.Add(time.Duration(next.offset) * time.Second)) {
			return wallUTC.Add(-time.Duration(st.offset) * time.Second).In(loc), 0
		}
	}
	return guess, 0 // unreachable for a zone whose offsets are as time.Location gives them
}

// maxOffsetSpread is the widest difference between two UTC offsets a
// zone's clocks can show, from UTC-12 to UTC+14 (Pacific/Kiritimati),
// with room for local mean times.
const maxOffsetSpread = 26 * time.Hour

// state is one span of a zone's clocks at one offset, from start
// (zero: since the beginning of time) up to end (zero: for ever).
type state struct {
	start, end time.Time
	offset     int // seconds east of UTC
}

// holds reports whether t falls within s.
func (s state) holds(t time.Time) bool {
	return (s.start.IsZero() || !t.Before(s.start)) && (s.end.IsZero() || t.Before(s.end))
}

// maxStates bounds the states statesNear returns: no zone has changed
// its clocks more than twice within a few days (Go's database holds no
// two changes under a week apart), and a zone that did would have all
// its states within a day of a wall clock read, up to this many.
const maxStates = 8

// statesNear returns, in order, the states of t's zone in effect at any
// instant within spread of t, and how many there are, up to maxStates;
// an array, so that reading a wall clock allocates nothing.
func statesNear(t time.Time, spread time.Duration) ([maxStates]state, int) {
	var states [maxStates]state
	at := t
	start, end := Span(at)
	// Go back to the earliest state in the window, then read forward.
	for back := 1; back < maxStates && !start.IsZero() && t.Sub(start) < spread; back++ {
		at = start.Add(-time.Second)
		start, end = Span(at)
	}
	n := 0
	for n < maxStates {
		_, off := at.Zone()
		states[n] = state{start, end, off}
		n++
		if end.IsZero() || end.Sub(t) >= spread {
			break
		}
		at = end
		start, end = Span(at)
	}
	return states, n
}

// Span returns when the state of t's zone that t falls in began and
// when it ends: the span of time in which the zone's clocks keep the
// offset, abbreviation and summer-time flag they have at t (a zero start
// for one that began with the database, a zero end for one that lasts).
// It is [time.Time.ZoneBounds] mended twice. Go ends a state at each new
// year (in UTC) of the years whose changes it computes from the zone's
// rule, past the last change its database lists (2037 in Go's own), as
// a state that has no change there; and in a leap year it ends such a
// year's last state a day early, before t on the year's last day
// (golang.org/issue/81583), where a walk from state to state would stand
// still.
func Span(t time.Time) (start, end time.Time) {
	start, end = t.ZoneBounds()
	for steps := 0; steps < maxSpanSteps && !start.IsZero() && sameState(start.Add(-time.Second), t); steps++ {
		start, _ = start.Add(-time.Second).ZoneBounds()
	}
	for steps, probe := 0, t; steps < maxSpanSteps && !end.IsZero(); steps++ {
		if !end.After(probe) {
			end = time.Date(probe.UTC().Year()+1, 1, 1, 0, 0, 0, 0, time.UTC).In(t.Location())
		}
		if !sameState(end, t) {
			break
		}
		probe = end
		_, end = end.ZoneBounds()
	}
	return start, end
}

// maxSpanSteps bounds the states Span joins on each side: the few new
// years between two changes of the clocks, and states that change
// nothing a reader sees (Go's database has such).
const maxSpanSteps = 16

// sameState reports whether the zone's clocks at a and at b keep the
// same offset, abbreviation and summer-time flag.
func sameState(a, b time.Time) bool {
	aName, aOff := a.Zone()
	bName, bOff := b.Zone()
	return aName == bName && aOff == bOff && a.IsDST() == b.IsDST()
}
