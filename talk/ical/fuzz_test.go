package ical_test

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/internal/weburl"
	tzdb "github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
)

// FuzzWriteTalk writes talks with arbitrary text and zones: every line
// must be at most 75 octets and end in CRLF, and unfolding and unescaping
// must give back the title, room and track as TEXT can hold them. URL,
// from an arbitrary link followed by a web address, must be an absolute
// http(s) URI of RFC 3986's characters that url.Parse reads to the host
// of the link it came from, and that link a web address (weburl.Is).
func FuzzWriteTalk(f *testing.F) {
	for _, t := range testTalks() {
		f.Add(t.Title, t.Description, t.Place.Room, t.Event.TimeZone, t.Track, "https://example.org/x", int64(t.Duration))
	}
	f.Add("\r\n,;\\", "\x00\x01", "é"+strings.Repeat("ü", 60), "Europe/Berlin", "a,b", "https://x\r\n/y", int64(-5))
	for _, link := range []string{"javascript:alert(1)", "rel/page.html", `https://e.org/a b?x="<>#f#g`, "https://пример.рф/ü", "HTTP://[::1]/%zz", "https://a<b>/"} {
		f.Add("t", "", "", "", "", link, int64(0))
	}
	f.Fuzz(func(t *testing.T, title, desc, room, zone, track, link string, dur int64) {
		tk := &talk.Talk{
			ID: "fuzz", Title: title, Description: desc, Place: talk.Place{Room: room}, Track: track,
			Event:    talk.Event{ID: "e", TimeZone: zone},
			Recorded: talk.DateTimeOf(time.Date(2024, 3, 31, 1, 30, 0, 0, time.FixedZone("", 3600)), true),
			Duration: talk.Duration(dur), Links: []talk.Link{{URL: link}, {URL: fallback}},
		}
		var b bytes.Buffer
		err := ical.WriteTalk(&b, tk, ical.Options{Stamp: stamp})
		if notUTF8 := tk.CheckUTF8(); notUTF8 != nil {
			// Text iCalendar cannot hold: the error naming it, and
			// nothing written.
			if fmt.Sprint(err) != notUTF8.Error() || b.Len() != 0 {
				t.Fatalf("text not UTF-8: error %v, wrote %d bytes; want %v and nothing", err, b.Len(), notUTF8)
			}
			return
		}
		if _, known := tzdb.Load(zone); zone != "" && !known {
			// A zone the database lacks: an error naming it, and
			// nothing written.
			var ze *ical.ZoneError
			if !errors.As(err, &ze) || ze.Zone != zone || b.Len() != 0 {
				t.Fatalf("zone %q: error %v, wrote %d bytes; want a *ical.ZoneError and nothing", zone, err, b.Len())
			}
			return
		}
		if dur < 0 {
			// A talk cannot last less than nothing: an error, and
			// nothing written.
			var de *talk.DurationError
			if !errors.As(err, &de) || b.Len() != 0 {
				t.Fatalf("duration %d: error %v, wrote %d bytes; want a *talk.DurationError and nothing", dur, err, b.Len())
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		props := checkSyntax(t, b.Bytes())
		urls := 0
		for _, p := range props {
			if p.name == "URL" {
				urls++
				checkURI(t, p.value, link)
			}
		}
		if urls != 1 {
			t.Errorf("%d URL properties, want 1", urls)
		}
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

// fallback is the second link of FuzzWriteTalk's talks, a web address.
const fallback = "https://example.org/fallback"

// checkURI checks a URL property's value, written from link or else from
// fallback.
func checkURI(t *testing.T, value, link string) {
	t.Helper()
	for i := 0; i < len(value); i++ {
		if c := value[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`"<>\^`+"`{|}", c) >= 0 {
			t.Errorf("URL:%s holds %q, which a URI may not", value, c)
		}
	}
	u, err := url.Parse(value)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		t.Fatalf("URL:%s is no absolute http(s) URL: %v", value, err)
	}
	if value == fallback {
		return
	}
	from := strings.TrimSpace(link)
	if !weburl.Is(from) {
		t.Fatalf("URL:%s written from %q, which is no web address", value, link)
	}
	if l, _ := url.Parse(from); l.Host != u.Host {
		t.Errorf("URL:%s has host %q, the link %q has %q", value, u.Host, link, l.Host)
	}
}
