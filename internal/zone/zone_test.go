package zone

import (
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
