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
	"slices"
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
	// No change of the clocks moves them by a day or more, so a time
	// further than that from the changes before and after it is read
	// once, as most are.
	const day = 26 * time.Hour
	if start, end := guess.ZoneBounds(); (start.IsZero() || guess.Sub(start) >= day) && (end.IsZero() || end.Sub(guess) >= day) {
		return guess, 1
	}
	wallUTC := time.Date(y, mo, d, h, mi, s, w.Nanosecond(), time.UTC)
	at := func(offset int) time.Time { return wallUTC.Add(-time.Duration(offset) * time.Second) }
	var first time.Time
	readings := 0
	var tried []int
	for _, near := range [...]time.Time{guess.Add(-day), guess, guess.Add(day)} {
		_, off := near.In(loc).Zone()
		if slices.Contains(tried, off) {
			continue
		}
		tried = append(tried, off)
		if c := at(off); offsetIn(c, loc) == off {
			readings++
			if readings == 1 || c.Before(first) {
				first = c
			}
		}
	}
	if readings == 0 {
		first = at(offsetIn(guess.Add(-day), loc))
	}
	return first.In(loc), readings
}

// offsetIn is the UTC offset, in seconds, of loc's clocks at t.
func offsetIn(t time.Time, loc *time.Location) int {
	_, off := t.In(loc).Zone()
	return off
}
