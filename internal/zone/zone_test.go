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
	} {
		loc, ok := Load(tt.name)
		if ok != tt.ok || ok && loc.String() != tt.name {
			t.Errorf("Load(%q) = %v, %v; want %q, %v", tt.name, loc, ok, tt.name, tt.ok)
		}
	}
}
