package zone

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestLoad(t *testing.T) {
	for _, tt := range []struct {
		name string
		ok   bool
	}{
		{"Europe/Berlin", true},
		{"UTC", true},
		{"", false},
		{"Local", false}, // the machine's zone: output would differ between machines
		{"Mars/Olympus_Mons", false},
		{"Etc/GMT+5", true},
		{"America/Port-au-Prince", true},
		// Files under a system's zoneinfo directory that are no
		// zone's name: each would be read differently from one
		// machine to the next, or not at all.
		{"localtime", false}, // the machine's zone, as "Local"
		{"posixrules", false},
		{"posix/Europe/Berlin", false},
		{"right/Europe/Berlin", false}, // counts leap seconds: changes 27 s late
		{"./Europe/Berlin", false},
		{"Europe//Berlin", false},
		{"Europe/Berlin/", false},
		{"/etc/localtime", false},
		{"Europe/Berlin ", false},
	} {
		loc, ok := Load(tt.name)
		if ok != tt.ok || ok && loc.String() != tt.name {
			t.Errorf("Load(%q) = %v, %v; want %q, %v", tt.name, loc, ok, tt.name, tt.ok)
		}
	}
}

// TestMemo holds Memo.Load to Load over a run of names that repeat,
// change and come back, the refused ones too.
func TestMemo(t *testing.T) {
	var m Memo
	for _, name := range []string{"", "Europe/Berlin", "Europe/Berlin", "Local", "Local", "Asia/Tokyo", "Europe/Berlin", "Mars/Olympus_Mons", "", "UTC"} {
		want, wantOK := Load(name)
		got, ok := m.Load(name)
		if ok != wantOK || (got == nil) != (want == nil) || got != nil && got.String() != want.String() {
			t.Errorf("Memo.Load(%q) = %v, %v; want %v, %v", name, got, ok, want, wantOK)
		}
	}
}

// TestWall: wall-clock times read as RFC 5545 reads them, in zones where
// time.Date's own choice differs (New York's skipped times go back an
// hour, Berlin's forward), over the day Samoa skipped, and across Lord
// Howe's half-hour changes.
func TestWall(t *testing.T) {
	type reading struct {
		Wall, Zone string
		At         string // the instant, in the zone
		Readings   int
	}
	var got, want []reading
	for _, tt := range []reading{
		{"2024-06-01T10:00:00", "Europe/Berlin", "2024-06-01T10:00:00+02:00", 1},
		{"2024-03-31T02:30:00", "Europe/Berlin", "2024-03-31T03:30:00+02:00", 0},
		{"2024-10-27T02:30:00", "Europe/Berlin", "2024-10-27T02:30:00+02:00", 2},
		{"2024-03-10T02:30:00", "America/New_York", "2024-03-10T03:30:00-04:00", 0},
		{"2024-11-03T01:30:00", "America/New_York", "2024-11-03T01:30:00-04:00", 2},
		{"2011-12-30T12:00:00", "Pacific/Apia", "2011-12-31T12:00:00+14:00", 0},
		{"2024-10-06T02:15:00", "Australia/Lord_Howe", "2024-10-06T02:45:00+11:00", 0},
		{"2024-04-07T01:45:00", "Australia/Lord_Howe", "2024-04-07T01:45:00+11:00", 2},
		{"2024-04-07T02:00:00", "Australia/Lord_Howe", "2024-04-07T02:00:00+10:30", 1},
		{"0001-01-01T00:00:00", "UTC", "0001-01-01T00:00:00Z", 1},
		{"9999-12-31T23:59:59", "Asia/Tokyo", "9999-12-31T23:59:59+09:00", 1},
	} {
		want = append(want, tt)
		// The wall clock is given in another zone, which Wall ignores.
		w, err := time.ParseInLocation("2006-01-02T15:04:05", tt.Wall, time.FixedZone("elsewhere", 5*3600))
		if err != nil {
			t.Fatal(err)
		}
		loc, ok := Load(tt.Zone)
		if !ok {
			t.Fatalf("zone %s does not load", tt.Zone)
		}
		at, n := Wall(w, loc)
		got = append(got, reading{tt.Wall, tt.Zone, at.Format(time.RFC3339), n})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Wall (-want +got):\n%s", diff)
	}
}

// tzif is a TZif file (RFC 8536, version 1) of a zone that starts at the
// offset of its first type and moves to type i+1 at changes[i]; the
// types whose dst is true are summer time (dst may be nil for none).
func tzif(changes []time.Time, offsets []int, names []string, dst []bool) []byte {
	var chars []byte
	index := make([]byte, len(names))
	for i, n := range names {
		index[i] = byte(len(chars))
		chars = append(append(chars, n...), 0)
	}
	var b []byte
	be32 := func(v int) { b = binary.BigEndian.AppendUint32(b, uint32(int32(v))) }
	b = append(b, "TZif"...)
	b = append(b, make([]byte, 16)...) // version 1, then unused
	for _, n := range []int{0, 0, 0, len(changes), len(offsets), len(chars)} {
		be32(n) // UT and standard indicators, leap seconds, changes, types, characters
	}
	for _, c := range changes {
		be32(int(c.Unix()))
	}
	for i := range changes {
		b = append(b, byte(i+1))
	}
	for i, off := range offsets {
		be32(off)
		isDST := byte(0)
		if i < len(dst) && dst[i] {
			isDST = 1
		}
		b = append(b, isDST, index[i])
	}
	return append(b, chars...)
}

// TestWallCloseChanges reads wall clocks in a zone whose clocks change
// twice within three hours, from UTC to UTC+2 and back to UTC+1, as no
// zone in Go's database does (the closest are a week apart) but a newer
// system's might: the readings of a wall clock lie in every state within
// a day of it, not only in the states either side of the nearest change.
func TestWallCloseChanges(t *testing.T) {
	change := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	loc, err := time.LoadLocationFromTZData("Test/Close", tzif(
		[]time.Time{change, change.Add(3 * time.Hour)}, []int{0, 2 * 3600, 3600}, []string{"A", "B", "C"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	type reading struct {
		Wall, At string
		Readings int
	}
	var got, want []reading
	for _, tt := range []reading{
		{"2024-05-31T23:30:00", "2024-05-31T23:30:00Z", 1},
		{"2024-06-01T01:00:00", "2024-06-01T03:00:00+02:00", 0}, // skipped: read with A's offset
		{"2024-06-01T03:00:00", "2024-06-01T03:00:00+02:00", 1},
		{"2024-06-01T04:30:00", "2024-06-01T04:30:00+02:00", 2}, // B's, then C's
		{"2024-06-01T05:30:00", "2024-06-01T05:30:00+01:00", 1},
	} {
		want = append(want, tt)
		w, err := time.Parse("2006-01-02T15:04:05", tt.Wall)
		if err != nil {
			t.Fatal(err)
		}
		at, n := Wall(w, loc)
		got = append(got, reading{tt.Wall, at.Format(time.RFC3339), n})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Wall (-want +got):\n%s", diff)
	}
}

// TestWallScan holds Wall to the definition, found by scanning the
// zone's clocks five minutes at a time, for wall clocks every half hour
// from three hours before to three hours after each change of the
// clocks from 1970 to 2040 in zones whose changes are hard: by 30 or 45
// minutes, by a day, twice a year or across midnight.
func TestWallScan(t *testing.T) {
	zones := []string{"Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Pacific/Apia",
		"Australia/Lord_Howe", "Africa/Casablanca", "America/St_Johns", "Asia/Kathmandu", "Africa/Cairo"}
	if testing.Short() {
		zones = zones[:3]
	}
	for _, name := range zones {
		loc, ok := Load(name)
		if !ok {
			t.Fatalf("zone %s does not load", name)
		}
		at := time.Date(1970, 1, 1, 0, 0, 0, 0, loc)
		for {
			_, end := Span(at)
			if end.IsZero() || end.Year() > 2040 {
				break
			}
			at = end
			_, before := end.Add(-time.Second).Zone()
			wall := end.Add(time.Duration(before) * time.Second).UTC() // the clocks' last reading before the change
			for w := wall.Add(-3 * time.Hour); !w.After(wall.Add(3 * time.Hour)); w = w.Add(30 * time.Minute) {
				wantAt, wantN := scanWall(w, loc)
				gotAt, gotN := Wall(w, loc)
				if !gotAt.Equal(wantAt) || gotN != wantN {
					t.Errorf("Wall(%s, %s) = %s, %d; want %s, %d", w.Format("2006-01-02T15:04"), name,
						gotAt.Format(time.RFC3339), gotN, wantAt.In(loc).Format(time.RFC3339), wantN)
				}
			}
		}
	}
}

// scanWall is Wall by its definition: the instants, five minutes apart
// within a day of w, at which loc's clocks show w (whose zone is UTC;
// every offset since 1970 is a whole number of five minutes); or, where
// none does, w read with the offset of the last of those instants whose
// clocks showed an earlier time.
func scanWall(w time.Time, loc *time.Location) (time.Time, int) {
	var first, skipped time.Time
	n := 0
	for at := w.Add(-27 * time.Hour); at.Before(w.Add(27 * time.Hour)); at = at.Add(5 * time.Minute) {
		_, off := at.In(loc).Zone()
		shown := at.Add(time.Duration(off) * time.Second)
		if shown.Equal(w) {
			if n++; n == 1 {
				first = at
			}
		}
		if shown.Before(w) {
			skipped = w.Add(-time.Duration(off) * time.Second)
		}
	}
	if n == 0 {
		return skipped, 0
	}
	return first, n
}

// TestSpan: the states of zones whose changes Go computes from their
// rule (after 2037), across the new years Go's own bounds stop at, on
// the last day of a leap year, where Go's end falls before the time
// asked about (golang.org/issue/81583), and in zones with no changes.
func TestSpan(t *testing.T) {
	type span struct{ At, Zone, Start, End string }
	var got, want []span
	for _, tt := range []span{
		{"2040-12-31T12:00:00Z", "Europe/Berlin", "2040-10-28T01:00:00Z", "2041-03-31T01:00:00Z"},
		{"2040-12-31T00:00:00Z", "Europe/Warsaw", "2040-10-28T01:00:00Z", "2041-03-31T01:00:00Z"},
		{"2039-12-31T12:00:00Z", "Europe/Berlin", "2039-10-30T01:00:00Z", "2040-03-25T01:00:00Z"},
		{"2041-01-01T00:00:00Z", "Europe/Berlin", "2040-10-28T01:00:00Z", "2041-03-31T01:00:00Z"},
		{"2040-12-31T12:00:00Z", "America/Sao_Paulo", "2019-02-17T02:00:00Z", ""}, // no summer time since 2019
		{"2040-12-31T12:00:00Z", "Australia/Sydney", "2040-10-06T16:00:00Z", "2041-04-06T16:00:00Z"},
		{"2024-06-01T00:00:00Z", "Europe/Berlin", "2024-03-31T01:00:00Z", "2024-10-27T01:00:00Z"},
		{"2024-06-01T00:00:00Z", "UTC", "", ""},
	} {
		want = append(want, tt)
		loc, ok := Load(tt.Zone)
		if !ok {
			t.Fatalf("zone %s does not load", tt.Zone)
		}
		at, err := time.Parse(time.RFC3339, tt.At)
		if err != nil {
			t.Fatal(err)
		}
		start, end := Span(at.In(loc))
		format := func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.UTC().Format(time.RFC3339)
		}
		got = append(got, span{tt.At, tt.Zone, format(start), format(end)})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Span (-want +got):\n%s", diff)
	}
}

// TestWallTwoStatesBack reads a wall clock whose first reading lies two
// states before the one Go's time.Date finds, in a zone that goes from
// UTC+10 to UTC an hour before it changes its name: Wall looks back
// through every state within a day, not only the one before.
func TestWallTwoStatesBack(t *testing.T) {
	change := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	loc, err := time.LoadLocationFromTZData("Test/Back", tzif(
		[]time.Time{change, change.Add(time.Hour)}, []int{10 * 3600, 0, 0}, []string{"A", "B", "C"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	type reading struct {
		At       string
		Readings int
	}
	at, n := Wall(time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC), loc)
	if diff := cmp.Diff(reading{"2024-06-01T09:00:00+10:00", 2}, reading{at.Format(time.RFC3339), n}); diff != "" {
		t.Errorf("Wall (-want +got):\n%s", diff)
	}
}

// TestSpanOneChange: a state ends where the zone's clocks turn to
// summer time, or take another abbreviation, even when nothing else
// changes with it.
func TestSpanOneChange(t *testing.T) {
	change := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	type span struct{ Start, End time.Time }
	for _, tt := range []struct {
		name  string
		names []string
		dst   []bool
	}{
		{"summer time", []string{"X", "X"}, []bool{false, true}},
		{"abbreviation", []string{"X", "Y"}, nil},
	} {
		loc, err := time.LoadLocationFromTZData("Test/One", tzif([]time.Time{change}, []int{3600, 3600}, tt.names, tt.dst))
		if err != nil {
			t.Fatal(err)
		}
		start, end := Span(change.Add(-time.Hour).In(loc))
		if diff := cmp.Diff(span{time.Time{}, change}, span{start, end.UTC()}); diff != "" {
			t.Errorf("%s: Span (-want +got):\n%s", tt.name, diff)
		}
	}
}
