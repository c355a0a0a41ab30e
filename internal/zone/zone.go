// Package zone loads the IANA time zones that records name, for the
// readers that check them and the writers that turn a wall-clock time
// into an instant: all of them take a zone name the same way.
//
// time.LoadLocation takes "Local" for the zone of the machine the program
// runs on, so a record whose time zone is "Local" (which the event
// schema's pattern admits) would be written differently on every machine;
// Load refuses it. The package embeds Go's zone database (time/tzdata),
// so that a zone the system lacks still loads.
package zone

import (
	"time"
	_ "time/tzdata" // the zones must load where the system has no database
)

// Load returns the IANA time zone called name, and false for "", for
// "Local" and for a name the zone database does not hold.
func Load(name string) (*time.Location, bool) {
	if name == "" || name == "Local" {
		return nil, false
	}
	loc, err := time.LoadLocation(name)
	return loc, err == nil
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
