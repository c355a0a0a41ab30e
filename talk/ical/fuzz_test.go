package ical_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
)

// FuzzWriteTalk writes talks with arbitrary text and zones: every line
// must be at most 75 octets and end in CRLF, and unfolding and unescaping
// must give back the title, room and track as TEXT can hold them.
func FuzzWriteTalk(f *testing.F) {
	for _, t := range testTalks() {
		f.Add(t.Title, t.Description, t.Place.Room, t.Event.TimeZone, t.Track, "https://example.org/x", int64(t.Duration))
	}
	f.Add("\r\n,;\\", "\x00\x01", "é"+strings.Repeat("ü", 60), "Europe/Berlin", "a,b", "https://x\r\n/y", int64(-5))
	f.Fuzz(func(t *testing.T, title, desc, room, zone, track, link string, dur int64) {
		tk := &talk.Talk{
			ID: "fuzz", Title: title, Description: desc, Place: talk.Place{Room: room}, Track: track,
			Event:    talk.Event{ID: "e", TimeZone: zone},
			Recorded: talk.DateTimeOf(time.Date(2024, 3, 31, 1, 30, 0, 0, time.FixedZone("", 3600)), true),
			Duration: talk.Duration(dur), Links: []talk.Link{{URL: link}},
		}
		var b bytes.Buffer
		if err := ical.WriteTalk(&b, tk, ical.Options{Stamp: stamp}); err != nil {
			t.Fatal(err)
		}
		props := checkSyntax(t, b.Bytes())
		want := map[string]string{"SUMMARY": title, "LOCATION": room, "CATEGORIES": track}
		for _, p := range props {
			w, ok := want[p.name]
			if !ok {
				continue
			}
			if got := unescape(p.value); got != textForm(w) {
				t.Errorf("%s: got %q, want %q", p.name, got, textForm(w))
			}
			delete(want, p.name)
		}
		for name, v := range want {
			if textForm(v) != "" {
				t.Errorf("%s missing (want %q)", name, v)
			}
		}
	})
}

// textForm is what a TEXT value can hold of s: line breaks as LF, no other
// control characters, valid UTF-8.
func textForm(s string) string {
	s = string([]rune(s)) // each invalid byte becomes U+FFFD, as in EscapeText
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
