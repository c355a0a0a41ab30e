package zone

import "testing"

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
